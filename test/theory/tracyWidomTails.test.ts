/**
 * Relative accuracy of F, 1 − F and f for TW₁, TW₂, TW₄ (both β = 4 conventions) against the
 * independent high-precision references of fixtures/tracyWidomReference.json (Painlevé II in
 * 140–160-digit arithmetic; 118 points per law from s = −18 to 50, of which 97 on [−12, 12]).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  tracyWidomCdf,
  tracyWidomIsf,
  tracyWidomLogCdf,
  tracyWidomLogPdf,
  tracyWidomLogSf,
  tracyWidomPdf,
  tracyWidomQuantile,
  tracyWidomSf,
} from "../../src/theory/tracyWidom.js";
import { FIXTURE_CONVERGENCE, FIXTURE_LAWS, fixtureRows } from "./tracyWidomFixtures.js";

/** Smallest double's log: below it F (or 1 − F, f) is not representable and only its log is tested. */
const LOG_TINY = Math.log(Number.MIN_VALUE);
/** The accuracy claimed in tracyWidom.ts and the README: F, 1 − F, f relative ≤ 1e−12·max(1, |log|/100)… see below. */
const LOG_TOLERANCE = 2e-12;

describe("Tracy–Widom tails against 25-digit Painlevé II references", () => {
  it("the references are converged (two integrations agree to < 1e−40)", () => {
    assert.ok(FIXTURE_CONVERGENCE < 1e-40, `convergence ${FIXTURE_CONVERGENCE}`);
  });

  for (const { law, beta, convention } of FIXTURE_LAWS) {
    it(`${law}: log F, log(1 − F), log f to ${LOG_TOLERANCE} absolute (F, 1 − F, f relative) on s ∈ [−18, 50]`, () => {
      const rows = fixtureRows(law);
      assert.ok(rows.filter((r) => r.s >= -12 && r.s <= 12).length >= 50);
      let worst = { what: "", s: 0, error: 0 };
      const check = (what: string, s: number, got: number, want: number) => {
        // An absolute error δ of a logarithm is a relative error ≈ δ of the quantity itself.
        // log F of size L is itself only known to ≈ 1e−16·|L| from double rounding of L.
        const error = Math.abs(got - want) / Math.max(1, Math.abs(want) / 100);
        if (!(error <= worst.error)) worst = { what, s, error };
      };
      for (const r of rows) {
        check("log F", r.s, tracyWidomLogCdf(r.s, beta, convention), r.logcdf);
        check("log f", r.s, tracyWidomLogPdf(r.s, beta, convention), r.logpdf);
        if (r.logsf !== 0)
          check("log(1 − F)", r.s, tracyWidomLogSf(r.s, beta, convention), r.logsf);
        // The quantities themselves, where representable.
        for (const [what, value, log] of [
          ["F", tracyWidomCdf(r.s, beta, convention), r.logcdf],
          ["1 − F", tracyWidomSf(r.s, beta, convention), r.logsf],
          ["f", tracyWidomPdf(r.s, beta, convention), r.logpdf],
        ] as const) {
          if (log > LOG_TINY + 5) {
            const error = Math.abs(value / Math.exp(log) - 1);
            if (!(error <= worst.error)) worst = { what, s: r.s, error };
          }
        }
      }
      console.log(`${law}: worst ${worst.what} at s = ${worst.s}: ${worst.error.toExponential(2)}`);
      assert.ok(
        worst.error < LOG_TOLERANCE,
        `${law}: worst ${worst.what} at s = ${worst.s}: ${worst.error.toExponential(2)}`,
      );
    });
  }

  it("quantile and isf invert F and 1 − F from 1e−300 to 1 − 1e−16 (relative in the tail probability)", () => {
    for (const { beta, convention } of FIXTURE_LAWS) {
      for (const p of [1e-300, 1e-100, 1e-30, 1e-10, 1e-3, 0.1, 0.5, 0.9]) {
        const s = tracyWidomQuantile(p, beta, convention);
        const back = tracyWidomCdf(s, beta, convention);
        // One ulp of s moves log F by f/F·ulp(s): allow that plus 1e−13.
        const slack =
          1e-13 +
          Math.exp(tracyWidomLogPdf(s, beta, convention) - Math.log(p)) * 4e-16 * Math.abs(s);
        assert.ok(
          Math.abs(back / p - 1) < slack,
          `β=${beta} ${convention} quantile(${p}) = ${s}: F = ${back}`,
        );
      }
      for (const q of [1e-300, 1e-100, 1e-30, 1e-16, 1e-10, 0.01, 0.3]) {
        const s = tracyWidomIsf(q, beta, convention);
        const back = tracyWidomSf(s, beta, convention);
        const slack =
          1e-13 +
          Math.exp(tracyWidomLogPdf(s, beta, convention) - Math.log(q)) * 4e-16 * Math.abs(s);
        assert.ok(
          Math.abs(back / q - 1) < slack,
          `β=${beta} ${convention} isf(${q}) = ${s}: 1 − F = ${back}`,
        );
      }
      // quantile(1 − 1e−16) = isf(1e−16) up to the rounding of 1 − 1e−16.
      const p = 1 - 1e-16;
      assert.ok(
        Math.abs(tracyWidomQuantile(p, beta, convention) - tracyWidomIsf(1 - p, beta, convention)) <
          1e-12,
      );
    }
  });

  it("is finite and monotone for every finite input, out to ±1.7e308 (issue 11)", () => {
    const xs: number[] = [];
    for (let e = 308; e >= -3; e -= 0.25) xs.push(-(10 ** e));
    for (let x = -20; x <= 80; x += 0.01) xs.push(x);
    for (let e = 2; e <= 308; e += 0.25) xs.push(10 ** e);
    xs.push(-Number.MAX_VALUE, Number.MAX_VALUE);
    xs.sort((a, b) => a - b);
    for (const { beta, convention } of FIXTURE_LAWS) {
      let previous = -1;
      let previousSf = 2;
      for (const x of xs) {
        const F = tracyWidomCdf(x, beta, convention);
        const sf = tracyWidomSf(x, beta, convention);
        const f = tracyWidomPdf(x, beta, convention);
        assert.ok(
          Number.isFinite(F) && Number.isFinite(sf) && Number.isFinite(f) && f >= 0,
          `β=${beta} at ${x}`,
        );
        assert.ok(
          F >= previous && sf <= previousSf,
          `β=${beta} ${convention}: not monotone at ${x}`,
        );
        assert.ok(
          !Number.isNaN(tracyWidomLogCdf(x, beta, convention)) &&
            !Number.isNaN(tracyWidomLogSf(x, beta, convention)),
        );
        previous = F;
        previousSf = sf;
      }
      assert.equal(tracyWidomCdf(-Number.MAX_VALUE, beta, convention), 0);
      assert.equal(tracyWidomCdf(Number.MAX_VALUE, beta, convention), 1);
      for (const p of [Number.MIN_VALUE, 1e-200, 0.5, 1 - 2 ** -53]) {
        assert.ok(Number.isFinite(tracyWidomQuantile(p, beta, convention)));
      }
    }
  });

  it("the deep-left constants of Deift–Its–Krasovsky (F₂) and Baik–Buckingham–DiFranco (F₁, F₄) match the references", () => {
    const zetaPrimeMinus1 = -0.1654211437004509;
    const logTau2 = Math.log(2) / 24 + zetaPrimeMinus1;
    const rows = fixtureRows("F2").filter((r) => r.s <= -14);
    for (const r of rows) {
      const x = -r.s;
      const rest = r.logcdf + x ** 3 / 12 + Math.log(x) / 8 - logTau2;
      // Next term of the expansion: (3/64)x^{−3} (Tracy–Widom 1994), then O(x^{−6}).
      assert.ok(Math.abs(rest - 3 / (64 * x ** 3)) < 1 / x ** 6, `F₂ at ${r.s}: ${rest}`);
    }
    // F₁ (Baik–Buckingham–DiFranco 2008): log F₁(−x) = −x³/24 − x^{3/2}/(3√2) − (1/16)log x
    //   + log τ₁ + O(x^{−3/2}), log τ₁ = −(11/48)log 2 + ½ζ′(−1).
    const logTau1 = -(11 / 48) * Math.log(2) + 0.5 * zetaPrimeMinus1;
    for (const r of fixtureRows("F1").filter((row) => row.s <= -14)) {
      const x = -r.s;
      const rest =
        r.logcdf + x ** 3 / 24 + x ** 1.5 / (3 * Math.SQRT2) + Math.log(x) / 16 - logTau1;
      assert.ok(Math.abs(rest) < 0.05 / x ** 1.5, `F₁ at ${r.s}: ${rest}`);
    }
    // F₄^TW(t/√2) in t (both conventions): log F₄ = −x³/24 + x^{3/2}/(3√2) − (1/16)log x + log τ₄
    //   + O(x^{−3/2}), log τ₄ = −(35/48)log 2 + ½ζ′(−1), x = −t.
    const logTau4 = -(35 / 48) * Math.log(2) + 0.5 * zetaPrimeMinus1;
    for (const [law, kappa] of [
      ["F4beta", 2 ** (2 / 3)],
      ["F4tw", Math.SQRT2],
    ] as const) {
      for (const r of fixtureRows(law).filter((row) => row.s <= -12)) {
        const x = -kappa * r.s;
        const rest =
          r.logcdf + x ** 3 / 24 - x ** 1.5 / (3 * Math.SQRT2) + Math.log(x) / 16 - logTau4;
        assert.ok(Math.abs(rest) < 0.05 / x ** 1.5, `${law} at ${r.s}: ${rest}`);
      }
    }
  });
});
