/**
 * Hermite β-ensemble (tridiagonal model) against exact finite-N theory (docs/theory.md §2.3, §8).
 * Thresholds: |z| < 5 and KS p > 1e-6 (see test/helpers/assertStats.ts); fixed seeds.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runSample } from "../../src/driver/legacy.js";
import { hermiteEigenvalues, hermiteTridiagonal } from "../../src/ensembles/hermite.js";
import { createRandomSource } from "../../src/random/philox.js";
import { normalCdf } from "../../src/special/erf.js";
import { regularizedGammaP } from "../../src/special/regularizedGamma.js";
import { semicircleCdf } from "../../src/theory/semicircle.js";
import { assertKs, assertMean, Z_LIMIT } from "../helpers/assertStats.js";

const SIZES = [1, 2, 3, 10, 200];
const BETAS = [0, 0.5, 1, 2.5, 4, 7];

/** Samples needed so that a 1% error in σ (2% in E Σx²) gives |z| ≈ 8 when ν = N + βN(N−1)/2. */
function samplesFor(nu: number): number {
  return Math.max(400, Math.ceil(4e5 / nu));
}

/** E Tr J⁴ for μ = 0, σ = 1 from Tr J⁴ = Σa⁴ + 4Σb_n(a_n² + a_n a_{n+1} + a_{n+1}²) + 2Σb² + 4Σb_n b_{n+1}. */
function exactFourthMoment(n: number, beta: number): number {
  const k = (i: number) => (beta * (n - i)) / 2; // E b_i, i = 1..N−1
  let total = 3 * n;
  for (let i = 1; i < n; i++) total += 8 * k(i) + 2 * k(i) * (k(i) + 1);
  for (let i = 1; i < n - 1; i++) total += 4 * k(i) * k(i + 1);
  return total;
}

describe("hermite tridiagonal model: exact finite-N laws", () => {
  for (const n of SIZES) {
    for (const beta of BETAS) {
      it(`N = ${n}, β = ${beta}: Σ(x−μ)²/σ² ~ χ²(N + βN(N−1)/2), E Σx = Nμ, E Σx⁴`, () => {
        const loc = 0.5;
        const scale = 1.7;
        const nu = n + (beta * n * (n - 1)) / 2;
        const samples = samplesFor(nu);
        const sumSquares = new Float64Array(samples);
        const sums = new Float64Array(samples);
        const fourth = new Float64Array(samples);
        for (let s = 0; s < samples; s++) {
          const x = hermiteEigenvalues(createRandomSource(1000 + n, s), n, beta, { loc, scale });
          let s1 = 0;
          let s2 = 0;
          let s4 = 0;
          for (const xi of x) {
            const y = (xi - loc) / scale;
            s1 += xi;
            s2 += y * y;
            s4 += y ** 4;
          }
          sums[s] = s1;
          sumSquares[s] = s2;
          fourth[s] = s4;
        }
        assertKs(sumSquares, (t) => regularizedGammaP(nu / 2, t / 2), "Σ(x−μ)²/σ² vs χ²");
        assertMean(sumSquares, nu, "E Σ(x−μ)²/σ²");
        assertMean(sums, n * loc, "E Σx");
        assertMean(fourth, exactFourthMoment(n, beta), "E Σ((x−μ)/σ)⁴");
      });
    }
  }

  it("the Σx² test has power: σ off by 1% is rejected", () => {
    const n = 10;
    const beta = 2.5;
    const nu = n + (beta * n * (n - 1)) / 2;
    const samples = samplesFor(nu);
    const values = new Float64Array(samples);
    for (let s = 0; s < samples; s++) {
      const x = hermiteEigenvalues(createRandomSource(5, s), n, beta, { loc: 0, scale: 1.01 });
      for (const xi of x) values[s] += xi * xi;
    }
    let mean = 0;
    for (const v of values) mean += v / samples;
    const se = Math.sqrt((2 * nu) / samples);
    assert.ok(Math.abs(mean - nu) / se > Z_LIMIT, `z = ${(mean - nu) / se}`);
  });
});

describe("hermite N = 2: spacing density ∝ s^β e^(−s²/(4σ²))", () => {
  for (const beta of [0, 0.5, 1, 2.5, 4, 7]) {
    it(`β = ${beta}: s²/(4σ²) ~ Gamma((β+1)/2)`, () => {
      const scale = 0.8;
      const samples = 50000;
      const t = new Float64Array(samples);
      for (let s = 0; s < samples; s++) {
        const x = hermiteEigenvalues(createRandomSource(77, s), 2, beta, { loc: 3, scale });
        t[s] = (x[1] - x[0]) ** 2 / (4 * scale * scale);
      }
      assertKs(t, (u) => regularizedGammaP((beta + 1) / 2, u), "N = 2 spacing");
    });
  }
});

describe("hermite large N: empirical spectrum vs semicircle", () => {
  for (const beta of [0.5, 2.5, 7]) {
    it(`N = 4000, β = ${beta}: KS distance of √2(x−μ)/(σ√(βN)) to the semicircle ≤ 10/N`, () => {
      const n = 4000;
      const loc = -1;
      const scale = 2;
      const x = hermiteEigenvalues(createRandomSource(3, 0), n, beta, { loc, scale });
      let d = 0;
      for (let i = 0; i < n; i++) {
        const y = (Math.SQRT2 * (x[i] - loc)) / (scale * Math.sqrt(beta * n));
        const f = semicircleCdf(y);
        d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
      }
      assert.ok(d <= 10 / n, `KS distance ${d} > ${10 / n}`);
    });
  }
});

describe("hermite model: structure, reproducibility and input checks", () => {
  it("coefficients: a_n ~ N(μ, σ²), b_n has mean σ²β(N−n)/2", () => {
    const n = 5;
    const beta = 3;
    const samples = 20000;
    const a3 = new Float64Array(samples);
    const b2 = new Float64Array(samples);
    for (let s = 0; s < samples; s++) {
      const t = hermiteTridiagonal(createRandomSource(9, s), n, beta, { loc: 1, scale: 2 });
      a3[s] = t.diagonal[2];
      b2[s] = t.offDiagonalSquared[1];
    }
    assertMean(a3, 1, "a_3");
    assertMean(b2, (4 * beta * (n - 2)) / 2, "b_2");
  });

  it("sample s of seed K does not depend on the number of samples", () => {
    const job = {
      spec: { ensemble: "hermite" as const, params: { loc: 0, scale: 1 } },
      model: "tridiagonal" as const,
      n: 30,
      beta: 2.5,
      seed: 42,
      stat: "eigenvalues" as const,
    };
    const few = runSample({ ...job, samples: 3 }).samples as Float64Array[];
    const many = runSample({ ...job, samples: 8 }).samples as Float64Array[];
    const alone = hermiteEigenvalues(createRandomSource(42, 2), 30, 2.5);
    assert.deepEqual(few[2], many[2]);
    assert.deepEqual(few[2], alone);
    assert.notDeepEqual(many[2], many[3]);
    const again = runSample({ ...job, samples: 3 }).samples as Float64Array[];
    assert.deepEqual(again, few);
  });

  it("β = 0 gives independent N(μ, σ²) points", () => {
    const pooled: number[] = [];
    for (let s = 0; s < 4000; s++) {
      pooled.push(...hermiteEigenvalues(createRandomSource(11, s), 5, 0, { loc: 2, scale: 3 }));
    }
    assertKs(pooled, (x) => normalCdf((x - 2) / 3), "β = 0 marginal");
  });

  it("rejects bad input with RangeError", () => {
    const rng = createRandomSource(1);
    assert.throws(() => hermiteEigenvalues(rng, 0, 2), RangeError);
    assert.throws(() => hermiteEigenvalues(rng, 2.5, 2), RangeError);
    assert.throws(() => hermiteEigenvalues(rng, 5, -1), RangeError);
    assert.throws(() => hermiteEigenvalues(rng, 5, Number.NaN), RangeError);
    assert.throws(() => hermiteEigenvalues(rng, 5, 2, { loc: 0, scale: 0 }), RangeError);
    assert.throws(() => hermiteEigenvalues(rng, 5, 2, { loc: Number.NaN, scale: 1 }), RangeError);
  });
});
