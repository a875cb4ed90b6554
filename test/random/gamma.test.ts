import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gamma, logGammaVariate } from "../../src/random/gamma.js";
import { createRandomSource } from "../../src/random/philox.js";
import { logGamma1p } from "../../src/special/logGamma.js";
import { regularizedGammaP } from "../../src/special/regularizedGamma.js";
import { assertKs, assertKsRejects, Z_LIMIT } from "../helpers/assertStats.js";

// Fixed seeds; each statistical assertion has a false-alarm rate ~1e-6 (KS p > 1e-6, |z| < 5).
const N = 100_000;
const SCALE = 2.5;

function sampleGamma(shape: number, scale: number, seed: number, n = N): Float64Array {
  const rng = createRandomSource(seed);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = gamma(rng, shape, scale);
  return xs;
}

/**
 * CDF of Y = log G, G ~ Gamma(a, 1): P(a, e^y). For y < -50, P(a, x) = x^a/Γ(a+1)·(1 + O(x))
 * (DLMF 8.7.1) is used in log space, so e^y may underflow without loss.
 */
function logGammaCdf(a: number): (y: number) => number {
  return (y) => (y < -50 ? Math.exp(a * y - logGamma1p(a)) : regularizedGammaP(a, Math.exp(y)));
}

describe("gamma", () => {
  [0.05, 0.5, 1, 2.5, 30, 3000, 1e5].forEach((shape, index) => {
    it(`Gamma(${shape}, ${SCALE}): KS vs P(a, x/scale) and exact mean (n = 1e5)`, () => {
      const xs = sampleGamma(shape, SCALE, 100 + index);
      assertKs(xs, (x) => regularizedGammaP(shape, x / SCALE), `gamma(${shape})`);
      let sum = 0;
      for (const x of xs) sum += x;
      // Exact mean a·s and variance a·s²: z = (x̄ - a s)/(s √(a/n)).
      const z = (sum / N - shape * SCALE) / (SCALE * Math.sqrt(shape / N));
      assert.ok(Math.abs(z) < Z_LIMIT, `gamma(${shape}) mean z = ${z}`);
    });
  });

  it("KS detects a 1% shape error (power check, shape 30 and 2.5, n = 1e5)", () => {
    const xs = sampleGamma(30, 1, 7);
    assertKsRejects(xs, (x) => regularizedGammaP(30 * 1.01, x), "gamma(30) vs gamma(30.3)");
    const ys = sampleGamma(3000, 1, 8);
    assertKsRejects(ys, (x) => regularizedGammaP(3030, x), "gamma(3000) vs gamma(3030)");
  });

  it("is reproducible per (seed, sample) and rejects bad parameters", () => {
    const draw = (sample: number) => {
      const rng = createRandomSource(42, sample);
      return [gamma(rng, 5), gamma(rng, 0.3), gamma(rng, 1e4, 2)];
    };
    const alone = draw(7);
    for (let s = 0; s < 7; s++) draw(s);
    assert.deepEqual(draw(7), alone);
    const rng = createRandomSource(1);
    assert.throws(() => gamma(rng, 0), RangeError);
    assert.throws(() => gamma(rng, -1), RangeError);
    assert.throws(() => gamma(rng, Number.NaN), RangeError);
    assert.throws(() => gamma(rng, Infinity), RangeError);
    assert.throws(() => gamma(rng, 2, 0), RangeError);
    assert.throws(() => gamma(rng, 2, Number.NaN), RangeError);
    assert.throws(() => logGammaVariate(rng, 0), RangeError);
  });
});

describe("logGammaVariate (tiny shapes)", () => {
  for (const shape of [1e-3, 1e-4]) {
    it(`log Gamma(${shape}) follows y ↦ P(a, e^y) (KS, n = 1e5) and is always finite`, () => {
      const rng = createRandomSource(5, 0, 2);
      const ys = new Float64Array(N);
      for (let i = 0; i < N; i++) {
        ys[i] = logGammaVariate(rng, shape);
        assert.ok(Number.isFinite(ys[i]), `logGammaVariate(${shape}) = ${ys[i]}`);
      }
      assertKs(ys, logGammaCdf(shape), `log gamma(${shape})`);
    });
  }

  it("KS detects a 3% shape error at shape 1e-3 (n = 1e5; 1% needs n ≈ 1e6)", () => {
    const rng = createRandomSource(6);
    const ys = new Float64Array(N);
    for (let i = 0; i < N; i++) ys[i] = logGammaVariate(rng, 1e-3);
    assertKsRejects(ys, logGammaCdf(1.03e-3), "log gamma(1e-3) vs log gamma(1.03e-3)");
  });

  it("gamma() is 0 only when the true value underflows (same stream as logGammaVariate)", () => {
    const shape = 0.01;
    const a = createRandomSource(9);
    const b = createRandomSource(9);
    let positives = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = gamma(a, shape);
      const logX = logGammaVariate(b, shape);
      if (logX > -700) {
        positives++;
        assert.ok(x > 0, `gamma underflowed although log = ${logX}`);
        assert.ok(Math.abs(Math.log(x) - logX) < 1e-12 * Math.max(1, Math.abs(logX)));
      }
    }
    assert.ok(positives > 0);
  });
});
