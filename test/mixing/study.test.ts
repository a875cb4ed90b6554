/**
 * The mixing study (src/mixing/): small N, few chains, so that the file runs in seconds.
 * - Random streams and statistics are those documented (chain c of ns[j] from (seed, c, j)):
 *   recomputed by hand from runGibbsChain, bit for bit.
 * - Correctness of the rescaling: with V = x²/2 and the "hermite" start (an exact sample of the
 *   target, preserved by every Gibbs pass) ξ after each pass has exactly the law of the Hermite
 *   control; two-sample KS p > 1e−6 (false-alarm rate 1e−6 per assertion), and the study finds
 *   p* = 1.
 * - From the zero start (x⁴/4) pass 1 overshoots (DPPy behaviour, docs/theory.md §4.6) and the chains are
 *   within noise by the last pass.
 * - p*, the fits, the reference CDF for β ∉ {1, 2, 4}, the figure, and the argument checks.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runGibbsChain } from "../../src/gibbs/sampler.js";
import { hermiteControlSample } from "../../src/mixing/control.js";
import { mixingFigureSvg } from "../../src/mixing/figure.js";
import { firstPassWithin, leastSquares } from "../../src/mixing/passes.js";
import { tracyWidomReference } from "../../src/mixing/reference.js";
import { mixingStudy } from "../../src/mixing/study.js";
import { createRandomSource } from "../../src/random/philox.js";
import { ksStatistic } from "../../src/statistics/ks.js";
import { tracyWidomCdf } from "../../src/theory/tracyWidom.js";
import { largestEigenvalue } from "../../src/tridiagonal/bisection.js";
import { assertSameLaw } from "../helpers/assertStats.js";
import { assertWellFormedSvg } from "../plot/wellFormed.js";

const QUARTIC = [0, 0, 0, 0, 0.25];

describe("mixingStudy: streams, rescaling and statistics as documented", () => {
  it("recomputes ks, mean, variance of every pass from runGibbsChain(seed, c, j)", () => {
    const ns = [8, 12];
    const chains = 20;
    const passes = 3;
    const r = mixingStudy({
      coeffs: QUARTIC,
      beta: 2,
      ns,
      chains,
      passes,
      seed: 5,
      controlSamples: 50,
    });
    assert.deepEqual(r.ns, ns);
    assert.equal(r.command, "mixing");
    assert.equal(r.reference, "fredholm");
    assert.ok(Math.abs(r.edge.b - 1.519671) < 1e-6 && Math.abs(r.edge.c - 2.089137) < 1e-6);
    assert.equal(r.noiseLevel, 1.36 / Math.sqrt(chains));
    ns.forEach((n, j) => {
      const xi = Array.from({ length: passes }, () => new Float64Array(chains));
      for (let c = 0; c < chains; c++) {
        runGibbsChain({
          coeffs: Float64Array.from(QUARTIC),
          n,
          beta: 2,
          passes,
          rng: createRandomSource(5, c, j),
          spectralEvery: 0, // the study measures the paper's plain sweep
          onPass: (p, t) => {
            xi[p - 1][c] =
              n ** (2 / 3) *
              r.edge.c *
              (largestEigenvalue(t.diagonal, t.offDiagonalSquared) - r.edge.b);
          },
        });
      }
      for (let p = 0; p < passes; p++) {
        assert.equal(
          r.ks[j][p],
          ksStatistic(xi[p], (s) => tracyWidomCdf(s, 2)),
        );
        const mean = xi[p].reduce((a, b) => a + b, 0) / chains;
        assert.ok(Math.abs(r.mean[j][p] - mean) < 1e-12);
        const variance = xi[p].reduce((a, b) => a + (b - mean) ** 2, 0) / (chains - 1);
        assert.ok(Math.abs(r.variance[j][p] - variance) < 1e-12 * (1 + variance));
      }
      assert.equal(r.threshold[j], r.noiseLevel + r.slack[j]);
      assert.equal(r.pStar[j], firstPassWithin(r.ks[j], r.threshold[j]));
    });
    // JSON-able: a round trip keeps everything.
    assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  });

  it("V = x²/2 from the exact (hermite) start: ξ has the control's law at every pass", () => {
    const n = 24;
    const chains = 300;
    const r = mixingStudy({
      coeffs: [0, 0, 0.5],
      beta: 2,
      ns: [n],
      chains,
      passes: 2,
      seed: 9,
      initial: "hermite",
      controlSamples: 4000,
    });
    assert.equal(r.edge.b, 2);
    assert.ok(Math.abs(r.edge.c - 1) < 1e-12);
    assert.equal(r.pStar[0], 1);
    // Rebuild pass-2 values and compare with a fresh exact control sample (two-sample KS).
    const xi = new Float64Array(chains);
    for (let c = 0; c < chains; c++) {
      const t = runGibbsChain({
        coeffs: Float64Array.from([0, 0, 0.5]),
        n,
        beta: 2,
        passes: 2,
        rng: createRandomSource(9, c, 0),
        initial: "hermite",
        spectralEvery: 0,
      });
      xi[c] = n ** (2 / 3) * (largestEigenvalue(t.diagonal, t.offDiagonalSquared) - 2);
    }
    assertSameLaw(xi, hermiteControlSample(n, 2, 4000, 1234, 0), "Gibbs pass 2 vs exact Hermite");
    assert.ok(Math.abs(r.control.mean[0] + 1.78) < 0.1, `control mean ${r.control.mean[0]}`);
  });

  it("x⁴/4 from the zero start: pass 1 overshoots, the last pass is within noise", () => {
    const r = mixingStudy({
      coeffs: QUARTIC,
      beta: 2,
      ns: [30],
      chains: 100,
      passes: 8,
      seed: 2,
      controlSamples: 2000,
    });
    assert.ok(r.mean[0][0] > 0, `pass-1 mean ${r.mean[0][0]} should be far above the TW mean`);
    assert.ok(r.ks[0][0] > 0.5);
    assert.ok(r.ks[0][7] <= r.threshold[0] + 0.05, `last pass D = ${r.ks[0][7]}`);
    assert.ok(r.pStar[0] !== null && r.pStar[0] >= 2 && r.pStar[0] <= 8, `p* = ${r.pStar[0]}`);
  });
});

describe("p* and the fits", () => {
  it("firstPassWithin", () => {
    assert.equal(firstPassWithin([0.9, 0.5, 0.1, 0.3], 0.2), 3);
    assert.equal(firstPassWithin([0.9, 0.5], 0.2), null);
    assert.equal(firstPassWithin([0.2], 0.2), 1);
  });
  it("leastSquares, with nulls skipped", () => {
    const fit = leastSquares([0, 1, 2, 3], [1, 3, null, 7]);
    assert.ok(fit !== null);
    assert.ok(Math.abs(fit.intercept - 1) < 1e-12 && Math.abs(fit.slope - 2) < 1e-12);
    assert.equal(leastSquares([1, 2], [3, null]), null);
    assert.equal(leastSquares([1, 1], [3, 4]), null);
  });
});

describe("reference CDF for β ∉ {1, 2, 4}", () => {
  it("computed TW_β inside [0.2, 15]: β = 2.0001 within 1e−4 of F₂ (β = 2.02 is 2.9e−3 away)", () => {
    const ref = tracyWidomReference(2.0001, 4, 1500);
    assert.equal(ref.kind, "computed");
    assert.equal(ref.samples, 0);
    let sup = 0;
    for (let s = -6; s <= 4; s += 0.01)
      sup = Math.max(sup, Math.abs(ref.cdf(s) - tracyWidomCdf(s, 2)));
    // Measured 1.4e−5 (TW_β is smooth in β); a 1% error in β (2.02) gives 2.9e−3.
    assert.ok(sup < 1e-4, `sup |F − F₂| = ${sup}`);
    assert.equal(tracyWidomReference(1, 4).kind, "fredholm");
  });
  it("outside [0.2, 15]: the empirical CDF of TW_β draws, a step function from 0 to 1", () => {
    const ref = tracyWidomReference(16, 4, 1500);
    assert.equal(ref.kind, "sample");
    assert.equal(ref.samples, 1500);
    assert.equal(ref.cdf(-100), 0);
    assert.equal(ref.cdf(100), 1);
    const steps = new Set<number>();
    for (let s = -8; s <= 4; s += 0.001) steps.add(ref.cdf(s));
    for (const v of steps)
      assert.ok(
        Number.isInteger(v * 1500 + 1e-9) || Math.abs(v * 1500 - Math.round(v * 1500)) < 1e-9,
      );
  });
  it("mixingStudy at β = 2.5 uses it", () => {
    const r = mixingStudy({
      coeffs: [0, 0, 0.5],
      beta: 2.5,
      ns: [10],
      chains: 10,
      passes: 2,
      seed: 1,
      controlSamples: 100,
      referenceSamples: 200,
    });
    assert.equal(r.reference, "computed");
    assert.equal(r.referenceSamples, 0);
    assert.equal(r.ks[0].length, 2);
  });
});

describe("figure and arguments", () => {
  it("the two-panel SVG is well formed and names every N", () => {
    const r = mixingStudy({
      coeffs: QUARTIC,
      beta: 1,
      ns: [6, 12, 24],
      chains: 10,
      passes: 4,
      seed: 3,
      controlSamples: 100,
    });
    const svg = mixingFigureSvg(r);
    assertWellFormedSvg(svg);
    for (const n of [6, 12, 24]) assert.ok(svg.includes(`N = ${n}`));
    assert.ok(svg.includes("p*(N)"));
  });
  it("rejects bad options and critical edges", () => {
    const base = { coeffs: QUARTIC, beta: 2, ns: [10], chains: 10, passes: 2, seed: 1 };
    assert.throws(() => mixingStudy({ ...base, beta: 0 }), RangeError);
    assert.throws(() => mixingStudy({ ...base, ns: [] }), RangeError);
    assert.throws(() => mixingStudy({ ...base, ns: [1] }), RangeError);
    assert.throws(() => mixingStudy({ ...base, ns: [10.5] }), RangeError);
    assert.throws(() => mixingStudy({ ...base, chains: 1 }), RangeError);
    assert.throws(() => mixingStudy({ ...base, passes: 0 }), RangeError);
    assert.throws(() => mixingStudy({ ...base, seed: -1 }), RangeError);
    assert.throws(() => mixingStudy({ ...base, controlSamples: 0 }), RangeError);
    assert.throws(() => mixingStudy({ ...base, coeffs: [0, 0, 0, 1] }), RangeError);
    // Claeys–Its–Krasovsky: critical right edge, c_V = 0.
    assert.throws(
      () => mixingStudy({ ...base, coeffs: [0, 8 / 5, 1 / 5, -4 / 15, 1 / 20] }),
      /critical/,
    );
  });
});
