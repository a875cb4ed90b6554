import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRandomSource } from "../../src/random/philox.js";
import { airyAi } from "../../src/special/airy.js";
import { gaussLegendre } from "../../src/special/gaussLegendre.js";
import {
  tracyWidomCdf,
  tracyWidomCdfFredholm,
  tracyWidomMoments,
  tracyWidomPdf,
  tracyWidomPdfFredholm,
  tracyWidomQuantile,
  tracyWidomSample,
  tracyWidomSf,
} from "../../src/theory/tracyWidom.js";
import { assertKs, assertKsRejects } from "../helpers/assertStats.js";

type Law = [beta: 1 | 2 | 4, convention: "beta" | "tw"];
const LAWS: Law[] = [
  [1, "beta"],
  [2, "beta"],
  [4, "beta"],
  [4, "tw"],
];
const KAPPA4 = 2 ** (1 / 6);

describe("Tracy–Widom laws (fast path)", () => {
  it("mean and variance to 12 digits (docs/conventions.md reference values)", () => {
    const reference: [Law, number, number, number][] = [
      // law, mean, variance, tolerance (the references have 13 decimals for β = 1, 2 and F₄^TW)
      [[1, "beta"], -1.206533574582, 1.6077810345813, 1e-12],
      [[2, "beta"], -1.7710868074116, 0.813194792833, 1e-12],
      [[4, "tw"], -2.306884893241, 0.5177237207726, 1e-12],
      // β-ensemble β = 4: given to 10 decimals in docs/conventions.md
      [[4, "beta"], -2.0552007943, 0.4109175895, 1e-10],
    ];
    for (const [[beta, convention], mean, variance, tolerance] of reference) {
      const m = tracyWidomMoments(beta, convention);
      assert.ok(Math.abs(m.mean - mean) < tolerance, `TW_${beta} ${convention} mean ${m.mean}`);
      assert.ok(
        Math.abs(m.variance - variance) < tolerance,
        `TW_${beta} ${convention} var ${m.variance}`,
      );
    }
    // Skewness and excess kurtosis of F₂ (Tracy–Widom 2000; Bornemann 2010, Table 6): 0.2240842, 0.0934481.
    const m2 = tracyWidomMoments(2);
    assert.ok(Math.abs(m2.skewness - 0.2240842036) < 1e-9);
    assert.ok(Math.abs(m2.excessKurtosis - 0.0934480876) < 1e-9);
    // The two β = 4 conventions: mean and variance scale exactly by 2^{−1/6} and 2^{−1/3}.
    const b = tracyWidomMoments(4, "beta");
    const t = tracyWidomMoments(4, "tw");
    assert.ok(Math.abs(b.mean * KAPPA4 - t.mean) < 1e-15);
    assert.ok(Math.abs(b.variance * KAPPA4 * KAPPA4 - t.variance) < 1e-15);
  });

  it("CDF at −3, −2, 0 to 2e−15 (25-digit mpmath references, see tracyWidomFredholm.test.ts)", () => {
    const reference: [Law, number[]][] = [
      [
        [1, "beta"],
        [0.06960011886736989, 0.27432019790921786, 0.8319080662029519],
      ],
      [
        [2, "beta"],
        [0.08031955293933454, 0.41322414250512257, 0.9693728283552626],
      ],
      [
        [4, "tw"],
        [0.16770803819804686, 0.6735086715586112, 0.9985741973581685],
      ],
    ];
    for (const [[beta, convention], values] of reference) {
      [-3, -2, 0].forEach((s, i) => {
        const f = tracyWidomCdf(s, beta, convention);
        assert.ok(
          Math.abs(f - values[i]) < 2e-15,
          `F_${beta}(${s}) = ${f}, reference ${values[i]}`,
        );
      });
    }
  });

  it("the table agrees with the direct Nyström evaluation (CDF and density, 3e−15)", () => {
    for (const [beta, convention] of LAWS) {
      for (let s = -6.1; s < 10; s += 0.137) {
        const c = tracyWidomCdf(s, beta, convention);
        const cf = tracyWidomCdfFredholm(s, beta, convention);
        const p = tracyWidomPdf(s, beta, convention);
        const pf = tracyWidomPdfFredholm(s, beta, convention);
        assert.ok(Math.abs(c - cf) < 3e-15, `β = ${beta} ${convention}: F(${s}) ${c} vs ${cf}`);
        assert.ok(Math.abs(p - pf) < 3e-15, `β = ${beta} ${convention}: f(${s}) ${p} vs ${pf}`);
      }
    }
  });

  it("the density integrates to 1 and to the CDF", () => {
    const { nodes, weights } = gaussLegendre(30);
    for (const [beta, convention] of LAWS) {
      let total = 0;
      for (let lo = -12; lo < 14; lo += 1) {
        for (let i = 0; i < nodes.length; i++) {
          total += 0.5 * weights[i] * tracyWidomPdf(lo + 0.5 * (nodes[i] + 1), beta, convention);
        }
        if (lo + 1 === -2 || lo + 1 === 0 || lo + 1 === 1) {
          const f = tracyWidomCdf(lo + 1, beta, convention);
          assert.ok(
            Math.abs(total - f) < 2e-15,
            `β = ${beta} ${convention}: ∫f to ${lo + 1} = ${total} vs ${f}`,
          );
        }
      }
      assert.ok(Math.abs(total - 1) < 2e-15, `β = ${beta} ${convention}: ∫f = ${total}`);
    }
  });

  it("keeps relative accuracy in the tails (β = 1, 2: right tail; all β: left tail)", () => {
    // Right tail: 1 − F from the table vs the Nyström determinant, and against the leading term
    // 1 − F₁(s) ≈ ½∫_s^∞ Ai, f₁(s) ≈ ½Ai(s) (relative corrections O(Ai(s))).
    for (const s of [6, 9, 12, 15]) {
      const sf1 = tracyWidomSf(s, 1);
      const v = -Math.expm1(Math.log(tracyWidomCdfFredholm(s, 1)));
      assert.ok(
        sf1 > 0 && Math.abs(tracyWidomPdf(s, 1) / (0.5 * airyAi(s)) - 1) < 1e-4,
        `f₁(${s})`,
      );
      if (v > 1e-13) assert.ok(Math.abs(sf1 / v - 1) < 1e-3, `1 − F₁(${s}) = ${sf1} vs ${v}`);
      const pf = tracyWidomPdfFredholm(s, 2);
      assert.ok(
        Math.abs(tracyWidomPdf(s, 2) / pf - 1) < 1e-12,
        `f₂(${s}) = ${tracyWidomPdf(s, 2)} vs ${pf}`,
      );
    }
    // Left tail: F₂(s) ~ τ₂|s|^{−1/8}e^{−|s|³/12}(1 + 3/(64|s|³)) (Deift–Its–Krasovsky 2008).
    for (const s of [-9, -12, -20]) {
      const x = -s;
      const leading =
        Math.exp(-(x ** 3) / 12 - Math.log(x) / 8 - 0.13654001117711986) * (1 + 3 / (64 * x ** 3));
      // next term: β₂x^{−6} with β₂ = 63/256.
      assert.ok(Math.abs(tracyWidomCdf(s, 2) / leading - 1) < 0.3 / x ** 6, `F₂(${s})`);
    }
    // Continuity where the representation changes: left expansions | stored left table (t = −10),
    // left table | Nyström table (t = −5), Nyström table | right expansions (t = 17).
    for (const [beta, convention] of LAWS) {
      for (const t of [-10, -5, 17]) {
        const s = t / (beta === 4 ? (convention === "tw" ? Math.SQRT2 : 2 ** (2 / 3)) : 1);
        const below = s * (1 + Math.sign(-s) * 1e-13);
        const above = s * (1 + Math.sign(s) * 1e-13);
        const f = t > 0 ? tracyWidomSf : tracyWidomCdf;
        const jump = Math.log(f(below, beta, convention) / f(above, beta, convention));
        // The smooth change over [below, above]: (log F)′ = f/F resp. (log(1 − F))′ = −f/(1 − F).
        const logDerivative = tracyWidomPdf(s, beta, convention) / f(s, beta, convention);
        const expected = (t > 0 ? 1 : -1) * logDerivative * (above - below);
        assert.ok(
          Math.abs(jump - expected) < 5e-12,
          `β = ${beta} ${convention} at s = ${s}: ${jump - expected}`,
        );
      }
    }
  });

  it("quantile inverts the CDF", () => {
    const ps = [1e-30, 1e-12, 1e-6, 0.01, 0.1, 0.5, 0.9, 0.99, 1 - 1e-9];
    for (const [beta, convention] of LAWS) {
      let previous = Number.NEGATIVE_INFINITY;
      for (const p of ps) {
        const q = tracyWidomQuantile(p, beta, convention);
        assert.ok(q > previous, "quantiles increase");
        previous = q;
        if (p <= 0.5) {
          const f = tracyWidomCdf(q, beta, convention);
          assert.ok(Math.abs(f / p - 1) < 1e-12, `β = ${beta} ${convention}: F(Q(${p})) = ${f}`);
        } else if (beta !== 4) {
          const sf = tracyWidomSf(q, beta, convention);
          assert.ok(Math.abs(sf / (1 - p) - 1) < 1e-12, `β = ${beta}: 1 − F(Q(${p})) = ${sf}`);
        } else {
          assert.ok(Math.abs(tracyWidomCdf(q, beta, convention) - p) < 3e-16);
        }
      }
      assert.equal(tracyWidomQuantile(0, beta, convention), Number.NEGATIVE_INFINITY);
      assert.equal(tracyWidomQuantile(1, beta, convention), Number.POSITIVE_INFINITY);
    }
    // Medians (from the quantile) against the Nyström CDF.
    assert.ok(Math.abs(tracyWidomCdfFredholm(tracyWidomQuantile(0.5, 2), 2) - 0.5) < 2e-15);
  });

  it("sampling: KS of 2·10⁴ draws against the CDF, and power against the other β = 4 convention", () => {
    // False-alarm rate 1e−6 per assertion (KS p-value threshold); fixed seeds.
    const n = 20000;
    const draws = new Map<string, Float64Array>();
    for (const [beta, convention] of LAWS) {
      const xs = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        xs[i] = tracyWidomSample(createRandomSource(2024, i, beta), beta, convention);
      }
      assertKs(xs, (x) => tracyWidomCdf(x, beta, convention), `TW_${beta} ${convention}`);
      draws.set(`${beta}${convention}`, xs);
    }
    const beta4 = draws.get("4beta") as Float64Array;
    assertKsRejects(beta4, (x) => tracyWidomCdf(x, 4, "tw"), "β-ensemble draws vs F₄^TW");
  });

  it("the β = 4 conventions differ exactly by the factor 2^{1/6}", () => {
    for (let s = -5; s <= 3; s += 0.25) {
      const a = tracyWidomCdf(s, 4, "beta");
      const b = tracyWidomCdf(KAPPA4 * s, 4, "tw");
      assert.ok(Math.abs(a - b) < 1e-15, `s = ${s}`);
      const fa = tracyWidomPdf(s, 4, "beta");
      const fb = KAPPA4 * tracyWidomPdf(KAPPA4 * s, 4, "tw");
      assert.ok(Math.abs(fa - fb) < 2e-15, `s = ${s}`);
    }
    for (const p of [0.01, 0.5, 0.99]) {
      const a = tracyWidomQuantile(p, 4, "beta") * KAPPA4;
      const b = tracyWidomQuantile(p, 4, "tw");
      assert.ok(Math.abs(a - b) < 1e-14 * Math.abs(b), `p = ${p}`);
    }
    // β = 1, 2: the conventions coincide.
    assert.equal(tracyWidomCdf(-1.3, 1, "tw"), tracyWidomCdf(-1.3, 1, "beta"));
    assert.equal(tracyWidomCdf(-1.3, 2, "tw"), tracyWidomCdf(-1.3, 2));
  });

  it("finite and monotone for every finite input: 0 or 1 beyond the table, up to ±Number.MAX_VALUE", () => {
    const far: number[] = [];
    for (let k = 0; k <= 308; k++) far.push(10 ** k, -(10 ** k));
    far.push(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE);
    for (const [beta, convention] of LAWS) {
      const label = `β = ${beta} (${convention})`;
      for (const x of far) {
        const cdf = tracyWidomCdf(x, beta, convention);
        const sf = tracyWidomSf(x, beta, convention);
        const pdf = tracyWidomPdf(x, beta, convention);
        assert.ok(
          Number.isFinite(cdf) && Number.isFinite(sf) && Number.isFinite(pdf),
          `${label} x = ${x}`,
        );
        assert.ok(pdf >= 0 && cdf >= 0 && cdf <= 1 && sf >= 0 && sf <= 1, `${label} x = ${x}`);
        if (Math.abs(x) >= 1000) {
          assert.equal(cdf, x > 0 ? 1 : 0, `${label} cdf(${x})`);
          assert.equal(sf, x > 0 ? 0 : 1, `${label} sf(${x})`);
          assert.equal(pdf, 0, `${label} pdf(${x})`);
        }
      }
      // Monotone on a fine grid from far left to far right, through both switches of method and
      // the right end where the β = 4 CDF approaches 1 (it used to step back by one ulp there).
      let previous = 0;
      for (let x = -60; x <= 260; x += x > -25 && x < 12 ? 0.003 : 0.25) {
        const cdf = tracyWidomCdf(x, beta, convention);
        assert.ok(cdf >= previous, `${label}: cdf(${x}) = ${cdf} < ${previous}`);
        previous = cdf;
      }
      let q = Number.NEGATIVE_INFINITY;
      for (const p of [
        Number.MIN_VALUE,
        1e-300,
        1e-100,
        1e-20,
        0.01,
        0.5,
        0.99,
        1 - 1e-15,
        1 - 2 ** -53,
      ]) {
        const next = tracyWidomQuantile(p, beta, convention);
        assert.ok(Number.isFinite(next) && next > q, `${label}: quantile(${p}) = ${next}`);
        q = next;
      }
    }
  });

  it("handles limits and rejects bad input", () => {
    assert.equal(tracyWidomCdf(Number.NEGATIVE_INFINITY, 2), 0);
    assert.equal(tracyWidomCdf(Number.POSITIVE_INFINITY, 1), 1);
    assert.equal(tracyWidomCdf(-100, 1), 0);
    assert.equal(tracyWidomCdf(100, 4), 1);
    assert.equal(tracyWidomPdf(100, 2), 0);
    assert.ok(Number.isNaN(tracyWidomCdf(Number.NaN, 2)));
    assert.throws(() => tracyWidomCdf(0, 3 as 2), RangeError);
    assert.throws(() => tracyWidomPdf(0, 4, "TW" as "tw"), RangeError);
    assert.throws(() => tracyWidomQuantile(1.5, 2), RangeError);
    assert.throws(() => tracyWidomQuantile(Number.NaN, 2), RangeError);
    assert.throws(() => tracyWidomMoments(0 as 1), RangeError);
  });
});
