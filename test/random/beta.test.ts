import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { beta, betaPair } from "../../src/random/beta.js";
import { createRandomSource } from "../../src/random/philox.js";
import { logBeta, regularizedBetaI } from "../../src/special/regularizedBeta.js";
import { assertKs, assertKsRejects, Z_LIMIT } from "../helpers/assertStats.js";

// Fixed seeds; each statistical assertion has a false-alarm rate ~1e-6 (KS p > 1e-6, |z| < 5).
const N = 100_000;

function sampleBeta(a: number, b: number, seed: number, n = N): Float64Array {
  const rng = createRandomSource(seed);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = beta(rng, a, b);
  return xs;
}

/** z-scores of the sample mean and variance against the exact Beta(a,b) moments. */
function momentZScores(xs: Float64Array, a: number, b: number): [number, number] {
  const n = xs.length;
  const s = a + b;
  const mean = a / s;
  const variance = (a * b) / (s * s * (s + 1));
  // Fourth central moment μ4 = (excess kurtosis + 3)σ⁴ of Beta(a,b) gives the variance
  // (μ4 - σ⁴)/n of the mean squared deviation about the known mean.
  const excess = (6 * ((a - b) ** 2 * (s + 1) - a * b * (s + 2))) / (a * b * (s + 2) * (s + 3));
  const mu4 = (excess + 3) * variance * variance;
  let m = 0;
  for (const x of xs) m += x - mean;
  m /= n;
  let v = 0;
  for (const x of xs) v += (x - mean) ** 2;
  v /= n;
  return [m / Math.sqrt(variance / n), (v - variance) / Math.sqrt((mu4 - variance * variance) / n)];
}

describe("beta", () => {
  const cases: [number, number][] = [
    [0.5, 0.5],
    [2, 5],
    [3000, 2000],
    [2e5, 1e5],
  ];
  cases.forEach(([a, b], index) => {
    it(`Beta(${a}, ${b}): KS vs I_x(a,b), exact mean and variance (n = 1e5)`, () => {
      const xs = sampleBeta(a, b, 300 + index);
      assertKs(xs, (x) => regularizedBetaI(x, a, b), `beta(${a}, ${b})`);
      const [zMean, zVariance] = momentZScores(xs, a, b);
      assert.ok(Math.abs(zMean) < Z_LIMIT, `beta(${a}, ${b}) mean z = ${zMean}`);
      assert.ok(Math.abs(zVariance) < Z_LIMIT, `beta(${a}, ${b}) variance z = ${zVariance}`);
    });
  });

  it("Beta(0.01, 0.02): KS of the log-odds log(X/(1-X)) from betaPair (tiny shapes)", () => {
    const a = 0.01;
    const b = 0.02;
    const rng = createRandomSource(310);
    const pair = new Float64Array(2);
    const logOdds = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      betaPair(rng, a, b, pair);
      logOdds[i] = Math.log(pair[0]) - Math.log(pair[1]);
    }
    // P(logit X <= s) = I_{σ(s)}(a,b), σ(s) = 1/(1+e^{-s}); upper half via I_{σ(-s)}(b,a) so
    // nothing rounds to 1, and x^a/(aB(a,b)) (DLMF 8.17.8 leading term) when σ(s) underflows.
    const cdf = (s: number): number => {
      if (s < -700) return Math.exp(a * s - Math.log(a) - logBeta(a, b));
      if (s > 700) return 1 - Math.exp(-b * s - Math.log(b) - logBeta(a, b));
      return s <= 0
        ? regularizedBetaI(1 / (1 + Math.exp(-s)), a, b)
        : 1 - regularizedBetaI(1 / (1 + Math.exp(s)), b, a);
    };
    assertKs(logOdds, cdf, "logit beta(0.01, 0.02)");
    // Mean a/(a+b) = 1/3 and variance ab/((a+b)²(a+b+1)) ≈ 0.2157: z-test on X itself.
    const xs = sampleBeta(a, b, 311);
    const [zMean] = momentZScores(xs, a, b);
    assert.ok(Math.abs(zMean) < Z_LIMIT, `beta(0.01, 0.02) mean z = ${zMean}`);
  });

  it("KS detects a 1% error in a shape (power check, Beta(3000,2000) and Beta(2,5))", () => {
    const xs = sampleBeta(3000, 2000, 320);
    assertKsRejects(xs, (x) => regularizedBetaI(x, 3030, 2000), "beta(3000,2000) vs (3030,2000)");
    const ys = sampleBeta(2, 5, 321, 400_000);
    assertKsRejects(ys, (x) => regularizedBetaI(x, 2.02, 5), "beta(2,5) vs (2.02,5)");
  });

  it("betaPair gives X and 1 - X both to full relative precision when a ≫ b", () => {
    const rng = createRandomSource(330);
    const check = createRandomSource(330);
    const pair = new Float64Array(2);
    for (const b of [0.5, 3]) {
      for (let i = 0; i < 1000; i++) {
        betaPair(rng, 1e6, b, pair);
        const x = beta(check, 1e6, b); // same draws
        assert.equal(pair[0], x);
        assert.ok(pair[1] > 0 && pair[1] < 1e-4, `1 - X = ${pair[1]}`);
        assert.ok(Math.abs(pair[0] + pair[1] - 1) < 2.3e-16);
      }
    }
  });

  it("is reproducible, never 0/0 for tiny shapes, and rejects bad parameters", () => {
    const draw = (sample: number) => {
      const rng = createRandomSource(42, sample);
      return [beta(rng, 2, 3), beta(rng, 1e-3, 1e-3), beta(rng, 5e5, 7)];
    };
    const alone = draw(7);
    for (let s = 0; s < 7; s++) draw(s);
    assert.deepEqual(draw(7), alone);
    const rng = createRandomSource(2);
    for (let i = 0; i < 10_000; i++) {
      const x = beta(rng, 1e-4, 1e-4);
      assert.ok(x >= 0 && x <= 1, `beta(1e-4, 1e-4) = ${x}`);
    }
    assert.throws(() => beta(rng, 0, 1), RangeError);
    assert.throws(() => beta(rng, 1, -2), RangeError);
    assert.throws(() => beta(rng, Number.NaN, 1), RangeError);
    assert.throws(() => beta(rng, 1, Infinity), RangeError);
  });
});
