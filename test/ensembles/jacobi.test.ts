/**
 * Jacobi β-ensemble (Killip–Nenciu model on (0,1)) against Aomoto's exact moments (docs/theory.md §2.5, §8):
 * E e_k(x) = C(N,k) Π_{i=1}^{k} (a + γ(N−i))/(a + b + γ(2N−i−1)), γ = β/2, for k = 1, 2, N.
 * Thresholds: |z| < 5 and KS p > 1e-6; fixed seeds.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { jacobiEigenvalues, jacobiParamsFromManova } from "../../src/ensembles/jacobi.js";
import { createRandomSource } from "../../src/random/philox.js";
import { regularizedBetaI } from "../../src/special/regularizedBeta.js";
import { limitLaw } from "../../src/theory/limits.js";
import { assertKs, assertMean, digamma } from "../helpers/assertStats.js";

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/** Aomoto: E e_k for the Jacobi ensemble x^(a−1)(1−x)^(b−1)|Δ|^β on (0,1)^N. */
function aomoto(n: number, k: number, beta: number, a: number, b: number): number {
  const g = beta / 2;
  let p = binomial(n, k);
  for (let i = 1; i <= k; i++) p *= (a + g * (n - i)) / (a + b + g * (2 * n - i - 1));
  return p;
}

/** Elementary symmetric polynomials e_1, e_2 and e_N of x. */
function elementary(x: Float64Array): [number, number, number] {
  let e1 = 0;
  let e2 = 0;
  let prod = 1;
  for (const xi of x) {
    e2 += e1 * xi;
    e1 += xi;
    prod *= xi;
  }
  return [e1, e2, prod];
}

describe("jacobi model: Aomoto moments E e_1, E e_2, E e_N", () => {
  for (const n of [1, 2, 3, 10, 200]) {
    for (const beta of [0, 0.5, 1, 2.5, 4, 7]) {
      it(`N = ${n}, β = ${beta}`, () => {
        const a = 0.7;
        const b = 1.9;
        const samples = n <= 10 ? 40000 : 600;
        const e1 = new Float64Array(samples);
        const e2 = new Float64Array(samples);
        const eN = new Float64Array(samples);
        for (let s = 0; s < samples; s++) {
          const x = jacobiEigenvalues(createRandomSource(3000 + n, s), n, beta, { a, b });
          assert.ok(x[0] > 0 && x[n - 1] < 1, "eigenvalues lie in (0, 1)");
          [e1[s], e2[s], eN[s]] = elementary(x);
        }
        assertMean(e1, aomoto(n, 1, beta, a, b), "E e_1");
        if (n >= 2) assertMean(e2, aomoto(n, 2, beta, a, b), "E e_2");
        if (n <= 10) assertMean(eN, aomoto(n, n, beta, a, b), "E e_N");
      });
    }
  }

  it("N = 1 and β = 0 give independent Beta(a, b) points", () => {
    const one = new Float64Array(40000);
    for (let s = 0; s < one.length; s++) {
      one[s] = jacobiEigenvalues(createRandomSource(21, s), 1, 2.2, { a: 0.4, b: 3 })[0];
    }
    assertKs(one, (x) => regularizedBetaI(x, 0.4, 3), "N = 1");
    const pooled: number[] = [];
    for (let s = 0; s < 8000; s++) {
      pooled.push(...jacobiEigenvalues(createRandomSource(22, s), 5, 0, { a: 2, b: 0.5 }));
    }
    assertKs(pooled, (x) => regularizedBetaI(x, 2, 0.5), "β = 0 marginal");
  });

  it("N = 1: E log x = ψ(a) − ψ(a+b), E log(1−x) = ψ(b) − ψ(a+b); a 1% error in a or b is rejected", () => {
    // The score statistics of Beta(a, b): the most sensitive test of a and b. 4e5 draws give
    // |z| ≈ 9 for a 1% error in a (ψ′(0.7) − ψ′(2.6) ≈ 2.37, sd of log x ≈ 1.54).
    const a = 0.7;
    const b = 1.9;
    const samples = 400000;
    const run = (aa: number, bb: number) => {
      const logX = new Float64Array(samples);
      const log1mX = new Float64Array(samples);
      for (let s = 0; s < samples; s++) {
        const x = jacobiEigenvalues(createRandomSource(23, s), 1, 2.5, { a: aa, b: bb })[0];
        logX[s] = Math.log(x);
        log1mX[s] = Math.log1p(-x);
      }
      return { logX, log1mX };
    };
    const right = run(a, b);
    assertMean(right.logX, digamma(a) - digamma(a + b), "E log x");
    assertMean(right.log1mX, digamma(b) - digamma(a + b), "E log(1 − x)");
    const wrongA = run(a * 1.01, b);
    assert.throws(() => assertMean(wrongA.logX, digamma(a) - digamma(a + b), "E log x"));
    const wrongB = run(a, b * 1.01);
    assert.throws(() => assertMean(wrongB.log1mX, digamma(b) - digamma(a + b), "E log(1−x)"));
  });
});

describe("jacobi model: MANOVA dimensions and the Wachter limit", () => {
  it("MANOVA dims map to a = β(M1−N+1)/2, b = β(M2−N+1)/2", () => {
    assert.deepEqual(jacobiParamsFromManova(10, 12, 20, 2), { a: 3, b: 11 });
    assert.throws(() => jacobiParamsFromManova(10, 9, 20, 2), RangeError);
    assert.throws(() => jacobiParamsFromManova(10, 12, 20, 0), RangeError);
  });

  it("N = 2000, β = 3.14, M1 = 2500, M2 = 3000: KS distance to Wachter ≤ 10/N", () => {
    const n = 2000;
    const beta = 3.14;
    const params = jacobiParamsFromManova(n, 2500, 3000, beta);
    const law = limitLaw("jacobi", n, beta, { ...params });
    const x = jacobiEigenvalues(createRandomSource(6, 0), n, beta, params);
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = law.cdf(law.normalise(x[i]));
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    assert.ok(d <= 10 / n, `KS distance ${d}`);
  });

  it("handles shapes in the thousands (large a, b)", () => {
    const x = jacobiEigenvalues(createRandomSource(7), 50, 2, { a: 5000, b: 3000 });
    for (const xi of x) assert.ok(xi > 0 && xi < 1 && Number.isFinite(xi));
  });

  it("rejects bad input", () => {
    const rng = createRandomSource(1);
    assert.throws(() => jacobiEigenvalues(rng, 3, 2, { a: 0, b: 1 }), RangeError);
    assert.throws(() => jacobiEigenvalues(rng, 3, 2, { a: 1, b: Number.NaN }), RangeError);
  });
});
