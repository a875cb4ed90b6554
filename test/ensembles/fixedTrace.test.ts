/**
 * The fixed-trace Laguerre ensemble (random density matrices) against exact theory: independence
 * of the trace, purity mean and variance for general β, Page's entropy, the N = 2 closed forms,
 * the exact λ_min law at k = 1, the β = 2 finite-N eigenvalue density, and the dense model.
 * Thresholds: |z| < 5, KS p > 1e−6 (test/helpers/assertStats.ts); fixed seeds.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runSample } from "../../src/driver/legacy.js";
import { densityMatrixStatistic } from "../../src/ensembles/densityMatrixStatistics.js";
import {
  bidiagonalPurity,
  fixedTraceBidiagonal,
  fixedTraceEigenvalues,
  fixedTraceFullEigenvalues,
  fixedTraceParamsFromDimensions,
  purity,
  vonNeumannEntropy,
} from "../../src/ensembles/fixedTrace.js";
import { laguerreBidiagonal } from "../../src/ensembles/laguerre.js";
import { UNIT_INTERVAL } from "../../src/ensembles/support.js";
import { createRandomSource } from "../../src/random/philox.js";
import { gaussLegendre } from "../../src/special/gaussLegendre.js";
import {
  fixedTracePurityMoments,
  fixedTraceSmallestEigenvalueLaw,
  pageMeanEntropy,
  wishartShape,
} from "../../src/theory/fixedTrace.js";
import { fixedTraceEigenvalueLaw } from "../../src/theory/fixedTraceDensity.js";
import { bidiagonalSmallestEigenvalue } from "../../src/tridiagonal/bidiagonalBisection.js";
import {
  assertKs,
  assertKsRejects,
  assertMean,
  assertSameLaw,
  Z_LIMIT,
} from "../helpers/assertStats.js";

function zScore(xs: Float64Array, expected: number): number {
  let mean = 0;
  for (const x of xs) mean += x / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  return (mean - expected) / Math.sqrt(ss / (xs.length - 1) / xs.length);
}

/** S purities of the fixed-trace ensemble, O(N) each. */
function purities(seed: number, samples: number, n: number, beta: number, shape: number) {
  const out = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    out[s] = bidiagonalPurity(
      fixedTraceBidiagonal(createRandomSource(seed, s), n, beta, { shape }),
    );
  }
  return out;
}

describe("fixed-trace model: structure", () => {
  it("eigenvalues sum to 1; O(N) purity and λ_min equal those of the eigenvalues", () => {
    for (const [n, beta, shape] of [
      [1, 2, 1],
      [2, 1, 0.5],
      [7, 2.5, 0.05],
      [60, 1, 3],
    ]) {
      for (let s = 0; s < 5; s++) {
        const b = fixedTraceBidiagonal(createRandomSource(11, s), n, beta, { shape });
        const again = fixedTraceEigenvalues(createRandomSource(11, s), n, beta, { shape });
        let sum = 0;
        for (const x of again) sum += x;
        assert.ok(Math.abs(sum - 1) < 1e-13, `Σλ = ${sum}`);
        const p = bidiagonalPurity(b);
        assert.ok(Math.abs(p - purity(again)) < 1e-13, "purity");
        const min = bidiagonalSmallestEigenvalue(b.q, b.e);
        assert.ok(Math.abs(min - again[0]) <= 1e-12 * again[0], `λ_min ${min} vs ${again[0]}`);
      }
    }
  });

  it("the trace T is independent of λ = x/T (KS of the purity in the two halves split at the median T)", () => {
    const n = 4;
    const beta = 1.5;
    const shape = 0.8;
    const samples = 20000;
    const split = (offset: number) => {
      const t = new Float64Array(samples);
      const p = new Float64Array(samples);
      for (let s = 0; s < samples; s++) {
        const { q, e } = laguerreBidiagonal(createRandomSource(5, s), n, beta, {
          shape,
          scale: 2,
        });
        let total = 0;
        for (const x of q) total += x;
        for (const x of e) total += x;
        t[s] = total;
        // purity of x/(T + offset): offset 0 is ρ; offset > 0 is a wrong normalisation.
        const scale = total / (total + offset);
        p[s] = bidiagonalPurity({ q, e }) * scale * scale;
      }
      const median = Float64Array.from(t).sort()[samples / 2];
      return {
        low: p.filter((_, s) => t[s] < median),
        high: p.filter((_, s) => t[s] >= median),
      };
    };
    const right = split(0);
    assertSameLaw(right.low, right.high, "purity | T below vs above its median");
    // Power: normalising by T + 1 (instead of T) makes the purity depend on T, and is rejected.
    const wrong = split(1);
    let threw = false;
    try {
      assertSameLaw(wrong.low, wrong.high, "wrong normalisation");
    } catch {
      threw = true;
    }
    assert.ok(threw, "the independence test must reject x/(T + 1)");
  });

  it("sample s of seed K is createRandomSource(K, s), whatever the number of samples", () => {
    const job = {
      spec: { ensemble: "fixed-trace" as const, params: { shape: 1.5 } },
      model: "tridiagonal" as const,
      n: 6,
      beta: 2,
      seed: 42,
      stat: "eigenvalues" as const,
    };
    const few = runSample({ ...job, samples: 2 }).samples as Float64Array[];
    const many = runSample({ ...job, samples: 5 }).samples as Float64Array[];
    assert.deepEqual(few[1], many[1]);
    assert.deepEqual(
      few[1],
      fixedTraceEigenvalues(createRandomSource(42, 1), 6, 2, { shape: 1.5 }),
    );
    const purityRun = runSample({ ...job, stat: "purity", samples: 3 }).samples as Float64Array;
    assert.ok(Math.abs(purityRun[1] - purity(many[1])) < 1e-14);
  });
});

describe("purity Tr ρ²: mean and variance for general β (|z| < 5)", () => {
  const cases: [number, number, number][] = [
    [2, 2, 0.5],
    [2, 2, 2],
    [3, 3.2, 4],
    [5, 5.5, 1],
    [5, 5, 2],
    [8, 10, 4],
    [30, 40, 7],
    [30, 29.5, 2],
  ];
  for (const [n, m, beta] of cases) {
    it(`N = ${n}, M = ${m}, β = ${beta}`, () => {
      const shape = wishartShape(n, m, beta);
      const { mean, variance } = fixedTracePurityMoments(n, beta, shape);
      const p = purities(100 + n, 20000, n, beta, shape);
      assertMean(p, mean, "E purity");
      assertMean(
        p.map((x) => (x - mean) ** 2),
        variance,
        "E (purity − mean)² = Var",
      );
    });
  }

  it("power: a 1% error in the shape k is rejected (N = 2, β = 2, M = 2, 10⁶ samples)", () => {
    const { mean } = fixedTracePurityMoments(2, 2, 1);
    const z = zScore(purities(7, 1e6, 2, 2, 1.01), mean);
    assert.ok(Math.abs(z) > Z_LIMIT, `z = ${z}`);
  });
});

/** E[S] for N = 2 and any β by Gauss–Legendre quadrature of the closed-form density. */
function entropyN2(beta: number, m: number): number {
  const law = fixedTraceEigenvalueLaw(2, m, beta);
  const rule = gaussLegendre(60);
  let total = 0;
  for (let p = 0; p < 40; p++) {
    for (let i = 0; i < rule.nodes.length; i++) {
      const u = (p + 0.5 * (rule.nodes[i] + 1)) / 40;
      const h = -(u * Math.log(u) + (1 - u) * Math.log(1 - u));
      // E S = 2·E[−u log u] = E over one eigenvalue of the two-point entropy, symmetric.
      total += ((0.5 * rule.weights[i]) / 40) * law.pdf(u) * h;
    }
  }
  return total;
}

describe("von Neumann entropy", () => {
  for (const [n, m] of [
    [2, 2],
    [3, 3],
    [8, 12.5],
    [5, 4.3],
  ]) {
    it(`β = 2, N = ${n}, M = ${m}: mean = Page's formula`, () => {
      const shape = wishartShape(n, m, 2);
      const values = new Float64Array(20000);
      for (let s = 0; s < values.length; s++) {
        values[s] = vonNeumannEntropy(
          fixedTraceEigenvalues(createRandomSource(200 + n, s), n, 2, { shape }),
        );
      }
      assertMean(values, pageMeanEntropy(n, m), "E S");
    });
  }

  for (const [beta, m] of [
    [1, 3],
    [4, 3],
    [0.5, 6],
  ]) {
    it(`N = 2, β = ${beta}, M = ${m}: mean = the exact Beta integral`, () => {
      const shape = wishartShape(2, m, beta);
      const values = new Float64Array(40000);
      for (let s = 0; s < values.length; s++) {
        values[s] = vonNeumannEntropy(
          fixedTraceEigenvalues(createRandomSource(300, s), 2, beta, { shape }),
        );
      }
      assertMean(values, entropyN2(beta, m), "E S");
    });
  }
});

describe("λ_min at shape k = 1: P(λ_min > u) = (1 − Nu)^(K−1)", () => {
  for (const [n, beta] of [
    [2, 1],
    [5, 2],
    [5, 0.7],
    [20, 4],
  ]) {
    it(`N = ${n}, β = ${beta}: KS against the exact law`, () => {
      const law = fixedTraceSmallestEigenvalueLaw(n, beta);
      const values = new Float64Array(5000);
      for (let s = 0; s < values.length; s++) {
        const b = fixedTraceBidiagonal(createRandomSource(400 + n, s), n, beta, { shape: 1 });
        values[s] = bidiagonalSmallestEigenvalue(b.q, b.e);
      }
      assertKs(values, (u) => law.cdf(u), "λ_min");
      assertMean(values, law.mean, "E λ_min");
    });
  }

  it("power: the law with K·1.01 is rejected (N = 2, β = 2, 4·10⁵ samples)", () => {
    const n = 2;
    const values = new Float64Array(400000);
    for (let s = 0; s < values.length; s++) {
      const b = fixedTraceBidiagonal(createRandomSource(17, s), n, 2, { shape: 1 });
      values[s] = bidiagonalSmallestEigenvalue(b.q, b.e);
    }
    const K = n + n * (n - 1); // β = 2
    const e = 1.01 * K - 1;
    assertKs(values, (u) => fixedTraceSmallestEigenvalueLaw(n, 2).cdf(u), "right law");
    assertKsRejects(values, (u) => (u <= 0 ? 0 : u >= 1 / n ? 1 : 1 - (1 - n * u) ** e), "K·1.01");
  });
});

describe("β = 2: one eigenvalue of ρ against the exact finite-N density", () => {
  for (const [n, m] of [
    [3, 3],
    [5, 7.5],
    [8, 8],
  ]) {
    it(`N = ${n}, M = ${m}: KS of a uniformly chosen eigenvalue per sample`, () => {
      const law = fixedTraceEigenvalueLaw(n, m);
      const shape = wishartShape(n, m, 2);
      const values = new Float64Array(4000);
      for (let s = 0; s < values.length; s++) {
        const ev = fixedTraceEigenvalues(createRandomSource(500 + n, s), n, 2, { shape });
        // The index from another stream (substream 1), so the picks are i.i.d. with density f.
        const index = Math.floor(createRandomSource(500 + n, s, 1).uniform() * n);
        values[s] = ev[index];
      }
      assertKs(values, (u) => law.cdf(u), "one eigenvalue");
    });
  }

  // A 1% error in M moves the CDF by 0.0047 (KS would need ≈ 5·10⁵ draws); 5% moves it by 0.022.
  it("power: the density of M·1.05 is rejected at N = 3, M = 3 (4·10⁴ samples)", () => {
    const shape = wishartShape(3, 3, 2);
    const values = new Float64Array(40000);
    for (let s = 0; s < values.length; s++) {
      const ev = fixedTraceEigenvalues(createRandomSource(600, s), 3, 2, { shape });
      values[s] = ev[Math.floor(createRandomSource(600, s, 1).uniform() * 3)];
    }
    assertKs(values, (u) => fixedTraceEigenvalueLaw(3, 3).cdf(u), "right law");
    const wrong = fixedTraceEigenvalueLaw(3, 3.15);
    assertKsRejects(values, (u) => wrong.cdf(u), "M·1.05");
  });
});

describe("dense model ρ = W/Tr W (β = 1, 2, 4) samples the same law", () => {
  for (const [n, m, beta] of [
    [4, 6, 1],
    [3, 3, 2],
    [4, 5, 4],
  ]) {
    it(`N = ${n}, M = ${m}, β = ${beta}: two-sample KS of purity, entropy and λ_min`, () => {
      const params = fixedTraceParamsFromDimensions(n, m, beta);
      const samples = 3000;
      const stats = ["purity", "entropy", "min"] as const;
      const banded = stats.map(() => new Float64Array(samples));
      const dense = stats.map(() => new Float64Array(samples));
      for (let s = 0; s < samples; s++) {
        const b = fixedTraceBidiagonal(createRandomSource(700, s), n, beta, params);
        const full = fixedTraceFullEigenvalues(createRandomSource(701, s), n, beta, params);
        stats.forEach((stat, i) => {
          banded[i][s] = densityMatrixStatistic(
            { kind: "bidiagonal", bidiagonal: b, support: UNIT_INTERVAL },
            stat,
          );
          dense[i][s] = densityMatrixStatistic({ kind: "values", values: full }, stat);
        });
      }
      stats.forEach((stat, i) => {
        assertSameLaw(banded[i], dense[i], stat);
      });
      const { mean } = fixedTracePurityMoments(n, beta, params.shape);
      assertMean(dense[0], mean, "dense E purity");
    });
  }
});
