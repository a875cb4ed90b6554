/**
 * Exact univariate samplers of the Gibbs conditionals against the numerically integrated CDF of
 * their targets (test/gibbs/densityCdf.ts), by one-sample Kolmogorov–Smirnov tests with 20 000
 * draws. Fixed seeds; each KS assertion has false-alarm rate 1e−6 (p > 1e−6), so the ~45
 * assertions of this file have a family-wise false-alarm rate below 5e−5. With n = 2e4 the test
 * rejects any law whose CDF differs from the target by more than ≈ 0.02 somewhere (e.g. the
 * biased DPPy truncated-normal branch, checked below).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  createUnivariateWork,
  MAX_REJECTIONS,
  sampleExpPolynomial,
  sampleGammaPolynomial,
} from "../../src/gibbs/univariate.js";
import { createRandomSource } from "../../src/random/philox.js";
import type { RandomSource } from "../../src/random/source.js";
import { regularizedGammaP } from "../../src/special/regularizedGamma.js";
import { assertKs, assertKsRejects } from "../helpers/assertStats.js";
import { expPolynomialCdf, gammaPolynomialCdf, poly } from "./densityCdf.js";

const DRAWS = 20_000;
const work = createUnivariateWork(10);

function drawLine(rng: RandomSource, c: number[]): Float64Array {
  const coeffs = Float64Array.from(c);
  const xs = new Float64Array(DRAWS);
  for (let i = 0; i < DRAWS; i++) xs[i] = sampleExpPolynomial(rng, coeffs, c.length - 1, work);
  return xs;
}

function drawHalfLine(rng: RandomSource, sigma: number, c: number[]): Float64Array {
  const coeffs = Float64Array.from(c);
  const ys = new Float64Array(DRAWS);
  for (let i = 0; i < DRAWS; i++) {
    ys[i] = sampleGammaPolynomial(rng, sigma, coeffs, c.length - 1, work);
  }
  return ys;
}

/** A range [lo, hi] outside which exp(P) is below e^{−45} of its maximum (P → −∞ at ±∞). */
function lineRange(c: number[]): [number, number] {
  let top = Number.NEGATIVE_INFINITY;
  let r = 1;
  for (;;) {
    for (let i = 0; i <= 4000; i++) top = Math.max(top, poly(c, -r + (2 * r * i) / 4000));
    if (poly(c, r) < top - 45 && poly(c, -r) < top - 45) return [-r, r];
    r *= 1.5;
  }
}

/** Like lineRange for y^{σ−1} e^{P(y)} on (0, hi]. */
function halfLineRange(sigma: number, c: number[]): number {
  const g = (y: number) => (sigma - 1) * Math.log(y) + poly(c, y);
  let top = Number.NEGATIVE_INFINITY;
  let r = 1;
  for (;;) {
    for (let i = 1; i <= 4000; i++) top = Math.max(top, g((r * i) / 4000));
    if (g(r) < top - 45) return r;
    r *= 1.5;
  }
}

function checkLine(seed: number, c: number[], label: string): void {
  const xs = drawLine(createRandomSource(seed), c);
  const [lo, hi] = lineRange(c);
  assertKs(xs, expPolynomialCdf(c, lo, hi), label);
}

function checkHalfLine(seed: number, sigma: number, c: number[], label: string): void {
  const ys = drawHalfLine(createRandomSource(seed), sigma, c);
  for (const y of ys) assert.ok(y > 0, `${label}: draw ${y} must be > 0`);
  assertKs(ys, gammaPolynomialCdf(sigma, c, halfLineRange(sigma, c)), label);
}

/**
 * σ ≪ 1 (β ≪ 1): a fraction F(2^−1074) of the draws lies below the smallest double and is returned
 * as 2^−1074. The probability integral transform u = F(y) is then randomised on that atom
 * (u = F(2^−1074)·V, V uniform), which is uniform iff the draws above it have law F and the atom
 * has mass F(2^−1074); KS against the uniform law.
 */
function checkHalfLineTiny(seed: number, sigma: number, c: number[], label: string): void {
  const rng = createRandomSource(seed);
  const ys = drawHalfLine(rng, sigma, c);
  const cdf = gammaPolynomialCdf(sigma, c, halfLineRange(sigma, c));
  const atom = cdf(Number.MIN_VALUE);
  const u = ys.map((y) => (y === Number.MIN_VALUE ? atom * rng.uniform() : cdf(y)));
  assertKs(u, (v) => Math.min(1, Math.max(0, v)), label);
}

describe("sampleExpPolynomial: exp(P(x)) on the real line", () => {
  it("fixed shapes: convex, non-convex, multimodal, cubic, sextic, degree 8, flat top", () => {
    const cases: [string, number[]][] = [
      ["DPPy Devroye case A, exp(-50x^4 - 30x^2 + 7x)", [0, 7, -30, 0, -50]],
      ["narrow convex quartic (s = 1000)", [0, 50, -300, 0, -250]],
      ["Gaussian", [0, 1, -0.5]],
      ["symmetric double well", [0, 0, 4, 0, -1]],
      ["asymmetric double well", [0, 1.5, 4, 0, -1]],
      ["deep double well (barrier e^-40)", [0, 0, 40, 0, -10]],
      ["cubic term", [0, 0, -1, 2, -1]],
      ["sextic, multimodal", [0, 1, 3, -2, -5, 1, -1]],
      ["sextic a-conditional shape (x^6 + 6S x^4 + 6T x^3)", [0, 0.3, -2, -3, -6, 0, -1]],
      ["degree 8, three modes", [0, 0, 8, 0, -6, 0, 1.2, 0, -0.08]],
      ["flat top -x^4", [0, 0, 0, 0, -1]],
      ["flat top -x^8", [0, 0, 0, 0, 0, 0, 0, 0, -1]],
      ["CIK-like a-conditional", [0, -3.1, -0.8, 1.6, -0.3]],
    ];
    let seed = 100;
    for (const [label, c] of cases) checkLine(seed++, c, label);
  });

  it("random polynomials of degree 4, 6, 8 with random real critical points (multimodal)", () => {
    // P' = −L Π_j (x − r_j), r_j uniform in [−2, 2], L such that P varies by 15 on [−2.5, 2.5]:
    // up to d/2 modes of comparable height, the hard case for a rejection sampler.
    const rng = createRandomSource(7);
    for (let trial = 0; trial < 12; trial++) {
      const degree = 4 + 2 * (trial % 3);
      let dp = [1];
      for (let j = 0; j < degree - 1; j++) {
        const r = 4 * rng.uniform() - 2;
        const next = new Array(dp.length + 1).fill(0);
        for (let k = 0; k < dp.length; k++) {
          next[k + 1] += dp[k];
          next[k] -= r * dp[k];
        }
        dp = next;
      }
      const c = [0, ...dp.map((x, k) => -x / (k + 1))];
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let i = 0; i <= 1000; i++) {
        const v = poly(c, -2.5 + (5 * i) / 1000);
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      const scaled = c.map((x) => (15 * x) / (hi - lo));
      checkLine(
        200 + trial,
        scaled,
        `random degree ${degree}: [${scaled.map((x) => x.toFixed(3))}]`,
      );
    }
  });

  it("rejects inadmissible P with a RangeError", () => {
    const rng = createRandomSource(1);
    assert.throws(() => sampleExpPolynomial(rng, [0, 0, 0, -1], 3, work), RangeError);
    assert.throws(() => sampleExpPolynomial(rng, [0, 0, 0, 0, 1], 4, work), RangeError);
    assert.throws(() => sampleExpPolynomial(rng, [0, 1], 1, work), RangeError);
    assert.throws(() => sampleExpPolynomial(rng, [0, Number.NaN, -1], 2, work), RangeError);
  });
});

describe("sampleGammaPolynomial: y^(σ−1) exp(P(y)) on (0, ∞)", () => {
  it("the DPPy crash and bias cases (docs/theory.md §3.5, §6 item 4)", () => {
    // σ < 1 with a negative linear term of R (p1 > 0 here): DPPy raises "scale < 0".
    checkHalfLine(300, 0.5, [0, 2.5, -1], "sigma = 0.5, two-cut beta = 1 b_{N-1}");
    // σ = 1 with mean μ = −P₁/(2P₂) > 0: DPPy's truncated-normal branch is biased.
    checkHalfLine(301, 1, [0, 2, -3], "sigma = 1, truncated normal with mu > 0");
    // σ ≤ 1 with a y³ term (sextic V): DPPy ignores the cubic term.
    checkHalfLine(302, 1, [0, 5, 0, -1], "sigma = 1 with cubic term");
    checkHalfLine(303, 0.2, [0, 4, -1, -0.5], "sigma = 0.2 with cubic term");
    // DPPy's own Devroye check, case B: σ = 5.5 with a negative linear term.
    checkHalfLine(304, 5.5, [0, 2, -3], "sigma = 5.5, negative linear term of R");
  });

  it("fixed shapes: σ < 1, σ = 1, σ > 1, large σ, bimodal, degree 4 in y", () => {
    const cases: [string, number, number[]][] = [
      ["sigma 0.5, positive rate", 0.5, [0, -3, -2]],
      ["sigma 0.05 (beta = 0.1, last b)", 0.05, [0, 1, -1]],
      ["sigma 1, mu < 0", 1, [0, -2, -3]],
      ["sigma 2.7, quartic in y (degree-8 V)", 2.7, [0, 3, -2, 1, -0.5]],
      ["sigma 3, bimodal", 3, [0, -8, 9, -3, 0.3, -0.01]],
      ["sigma 500, concentrated (N = 1000 b-conditional)", 500, [0, -500, -500]],
      ["sigma 1.3 sextic-type cubic", 1.3, [0, 6, -6, -0.5]],
      ["sigma 0.9, two-cut type", 0.9, [0, 10, -4]],
    ];
    let seed = 400;
    for (const [label, sigma, c] of cases) checkHalfLine(seed++, sigma, c, label);
  });

  it("tiny σ (β down to 1e−9): the draws below the double range are counted right", () => {
    // The β = 0.001, N = 200 crash of the issue (y^−0.996 e^{0.087y − 0.05y²}).
    checkHalfLineTiny(450, 0.004, [0, 0.08745320129800321, -0.05], "sigma 0.004, issue case");
    checkHalfLineTiny(451, 1e-3, [0, 2, -1], "sigma 1e-3, positive rate");
    checkHalfLineTiny(452, 5e-10, [0, -1, -0.5, 0, -0.01], "sigma 5e-10 (beta = 1e-9)");
  });

  it("linear P is the Gamma law (exact CDF)", () => {
    const rng = createRandomSource(500);
    const ys = drawHalfLine(rng, 3.3, [0, -2]);
    assertKs(ys, (y) => regularizedGammaP(3.3, 2 * y), "Gamma(3.3, scale 1/2)");
  });

  it("random shapes: σ in (0.1, 4), P of degree 2..4 with random signs", () => {
    const rng = createRandomSource(8);
    for (let trial = 0; trial < 10; trial++) {
      const degree = 2 + (trial % 3);
      const sigma = 0.1 + 3.9 * rng.uniform();
      const c = [0];
      for (let k = 1; k < degree; k++) c.push(5 * (2 * rng.uniform() - 1));
      c.push(-(0.2 + rng.uniform()));
      checkHalfLine(600 + trial, sigma, c, `random sigma ${sigma.toFixed(3)}: [${c}]`);
    }
  });

  it("has power: DPPy's biased truncated-normal branch is rejected by the same test", () => {
    // DPPy (σ = 1, μ > 0): proposal N(0, var) restricted to y > 0, accepted with probability
    // min(1, exp(μy/var)) = 1, i.e. a half-normal instead of the target N(μ, var) on (0, ∞).
    const rng = createRandomSource(700);
    const sd = Math.sqrt(1 / 6);
    const ys = new Float64Array(DRAWS);
    for (let i = 0; i < DRAWS; i++) {
      const u1 = rng.uniform();
      const u2 = rng.uniform();
      ys[i] = Math.abs(sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
    }
    assertKsRejects(ys, gammaPolynomialCdf(1, [0, 2, -3], 10), "DPPy truncated normal");
  });

  it("rejects inadmissible input with a RangeError", () => {
    const rng = createRandomSource(1);
    assert.throws(() => sampleGammaPolynomial(rng, 0, [0, -1], 1, work), RangeError);
    assert.throws(() => sampleGammaPolynomial(rng, 2, [0, 1], 1, work), RangeError);
    assert.throws(() => sampleGammaPolynomial(rng, 2, [0, -1, 1], 2, work), RangeError);
    assert.throws(() => sampleGammaPolynomial(rng, 2, [1], 0, work), RangeError);
  });
});

describe("rejection guard", () => {
  it("throws an Error (never returns a rejected point) after MAX_REJECTIONS rejections", () => {
    // A source whose acceptance uniforms are ≈ 1 − 1e−12 (log U ≈ −1e−12): every proposal whose
    // ratio f/h is below 1 − 1e−12 is rejected, which is all of them for a cubic-term density.
    let k = 0;
    const stuck: RandomSource = {
      uniform: () => (k++ % 3 === 2 ? 1 - 1e-12 : 0.37 + 0.26 * ((k * 0.618) % 1)),
      uint32: () => 0,
    };
    assert.ok(MAX_REJECTIONS >= 1e6);
    assert.throws(
      () => sampleExpPolynomial(stuck, Float64Array.from([0, 0, -1, 2, -1]), 4, work),
      (e: unknown) => e instanceof Error && /rejections/.test((e as Error).message),
    );
  });
});
