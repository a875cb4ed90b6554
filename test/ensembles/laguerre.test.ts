/**
 * Laguerre β-ensemble (bidiagonal model) against exact finite-N theory (docs/theory.md §2.4, §8).
 * Σx = Tr J = Σ ξ_j is exactly Gamma(Nk + βN(N−1)/2, θ): tested by KS and its mean.
 * Thresholds: |z| < 5 and KS p > 1e-6; fixed seeds.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  laguerreEigenvalues,
  laguerreParamsFromWishart,
  laguerreTridiagonal,
} from "../../src/ensembles/laguerre.js";
import { createRandomSource } from "../../src/random/philox.js";
import { regularizedGammaP } from "../../src/special/regularizedGamma.js";
import { limitLaw } from "../../src/theory/limits.js";
import { assertKs, assertMean } from "../helpers/assertStats.js";

describe("laguerre model: Σx ~ Gamma(Nk + βN(N−1)/2, θ)", () => {
  for (const n of [1, 2, 3, 10, 200]) {
    for (const beta of [0, 0.5, 1, 2.5, 4, 7]) {
      it(`N = ${n}, β = ${beta}`, () => {
        const shape = 0.8;
        const scale = 1.9;
        const total = n * shape + (beta * n * (n - 1)) / 2;
        // A 1% error in θ moves E Σx by 1%: z ≈ 0.01·√(total·S) ≥ 8 with this S.
        const samples = Math.max(400, Math.ceil(8e5 / total));
        const sums = new Float64Array(samples);
        for (let s = 0; s < samples; s++) {
          const x = laguerreEigenvalues(createRandomSource(2000 + n, s), n, beta, { shape, scale });
          for (const xi of x) sums[s] += xi;
          assert.ok(x[0] > 0, "eigenvalues are positive");
        }
        assertKs(sums, (t) => regularizedGammaP(total, t / scale), "Σx vs Gamma");
        assertMean(sums, scale * total, "E Σx");
      });
    }
  }

  it("β = 0 gives independent Gamma(k, θ) points", () => {
    const pooled: number[] = [];
    for (let s = 0; s < 5000; s++) {
      pooled.push(
        ...laguerreEigenvalues(createRandomSource(12, s), 4, 0, { shape: 2.5, scale: 3 }),
      );
    }
    assertKs(pooled, (x) => regularizedGammaP(2.5, x / 3), "β = 0 marginal");
  });

  it("N = 1 is the reference law Gamma(k, θ)", () => {
    const xs = new Float64Array(50000);
    for (let s = 0; s < xs.length; s++) {
      xs[s] = laguerreEigenvalues(createRandomSource(13, s), 1, 3.3, { shape: 0.3, scale: 2 })[0];
    }
    assertKs(xs, (x) => regularizedGammaP(0.3, x / 2), "N = 1");
  });
});

describe("laguerre model: Wishart dimensions and the Marchenko–Pastur limit", () => {
  it("M ≥ N gives k = β(M−N+1)/2, θ = 2; M < N and β = 0 are rejected", () => {
    assert.deepEqual(laguerreParamsFromWishart(10, 15, 2), { shape: 6, scale: 2 });
    assert.throws(() => laguerreParamsFromWishart(10, 9, 2), RangeError);
    assert.throws(() => laguerreParamsFromWishart(10, 12, 0), RangeError);
    assert.throws(() => laguerreParamsFromWishart(10, Number.NaN, 2), RangeError);
  });

  for (const beta of [1, 2.98]) {
    it(`N = 3000, M = 6000, β = ${beta}: KS distance to MP(1/2) ≤ 10/N`, () => {
      const n = 3000;
      const params = laguerreParamsFromWishart(n, 2 * n, beta);
      const law = limitLaw("laguerre", n, beta, { ...params });
      const x = laguerreEigenvalues(createRandomSource(4, 0), n, beta, params);
      let d = 0;
      for (let i = 0; i < n; i++) {
        const f = law.cdf(law.normalise(x[i]));
        d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
      }
      assert.ok(d <= 10 / n, `KS distance ${d}`);
    });
  }

  it("J = BBᵀ: a_1 = ξ_1 and the trace equals Σξ", () => {
    const t = laguerreTridiagonal(createRandomSource(3), 6, 2, { shape: 1.5, scale: 1 });
    assert.equal(t.diagonal.length, 6);
    assert.equal(t.offDiagonalSquared.length, 5);
    for (const b of t.offDiagonalSquared) assert.ok(b > 0);
  });

  it("rejects bad input", () => {
    const rng = createRandomSource(1);
    assert.throws(() => laguerreEigenvalues(rng, 3, 2, { shape: 0, scale: 1 }), RangeError);
    assert.throws(() => laguerreEigenvalues(rng, 3, 2, { shape: 1, scale: -1 }), RangeError);
    assert.throws(() => laguerreEigenvalues(rng, 0, 2, { shape: 1, scale: 1 }), RangeError);
  });
});
