/**
 * λ_max from the truncated (top-left K×K) tridiagonal models, src/ensembles/edge.ts.
 *
 * 1. The leading blocks are bit-for-bit the leading blocks of the full models (draw order).
 * 2. Truncated vs full λ_max on identical coefficients: |difference| ≤ 1e−12·scale for
 *    N ≤ 1e5, β ∈ {0.5, 1, 2, 4, 10}, many seeds (deterministic; this is the test that fixed
 *    c(β) and K₀ in edge.ts).
 * 3. The centred solver agrees with the project's uncentred bisection (largestEigenvalue).
 * 4. The law: KS of the rescaled truncated λ_max against TW_β (β-convention, Fredholm CDF) at
 *    N = 1e6 (β = 1, 2, 4 Hermite; β = 2 Laguerre) and N = 1e12 (β = 2, fewer samples: one
 *    sample costs ~0.1 s there), p > 1e−6 (false-alarm rate 1e−6 per assertion); the same
 *    samples against a wrong law (TW of another β) must be rejected (power).
 *    Set BETAENS_SLOW_TESTS=1 to run N = 1e12 with 2000 (Hermite) and 500 (Laguerre) samples
 *    for β = 1, 2, 4 (~15 min of CPU).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  hermiteLargestEigenvalueTruncated,
  hermiteLeadingBlock,
  hermiteRescaledLargestEigenvalueTruncated,
  laguerreLargestEigenvalueTruncated,
  laguerreLeadingBlock,
  laguerreRescaledLargestEigenvalueTruncated,
  largestEigenvalueCentred,
  truncationMultiplier,
  truncationSize,
} from "../../src/ensembles/edge.js";
import { hermiteTridiagonal } from "../../src/ensembles/hermite.js";
import { type LaguerreParams, laguerreTridiagonal } from "../../src/ensembles/laguerre.js";
import { createRandomSource } from "../../src/random/philox.js";
import { edgeScaling } from "../../src/theory/edgeScaling.js";
import { tracyWidomCdf } from "../../src/theory/tracyWidom.js";
import { largestEigenvalue } from "../../src/tridiagonal/bisection.js";
import { assertKs, assertKsRejects } from "../helpers/assertStats.js";

const BETAS = [0.5, 1, 2, 4, 10];
const SLOW = process.env.BETAENS_SLOW_TESTS === "1";

describe("truncationSize", () => {
  it("K = min(N, ⌈c(β)N^{1/3}⌉ + 10), c decreasing in β", () => {
    assert.equal(truncationSize(1e6, 2), Math.ceil(truncationMultiplier(2) * 100) + 10);
    assert.equal(truncationSize(1e12, 2, 3), 30010);
    assert.equal(truncationSize(50, 2), 50);
    assert.equal(truncationSize(1, 1), 1);
    for (let i = 1; i < BETAS.length; i++) {
      assert.ok(truncationMultiplier(BETAS[i]) < truncationMultiplier(BETAS[i - 1]));
    }
    assert.ok(truncationMultiplier(1e6) > 10, "c(β) ≥ 10 covers the β = ∞ Airy decay");
  });
  it("rejects bad input", () => {
    assert.throws(() => truncationSize(0, 2), RangeError);
    assert.throws(() => truncationSize(10.5, 2), RangeError);
    assert.throws(() => truncationSize(10, 0), RangeError);
    assert.throws(() => truncationSize(10, 2, -1), RangeError);
    assert.throws(() => hermiteLargestEigenvalueTruncated(createRandomSource(1), 1, 2), RangeError);
    assert.throws(
      () => hermiteLargestEigenvalueTruncated(createRandomSource(1), 10, 0),
      RangeError,
    );
    assert.throws(
      () =>
        laguerreLargestEigenvalueTruncated(createRandomSource(1), 10, 2, { shape: 0, scale: 1 }),
      RangeError,
    );
    assert.throws(() => hermiteLeadingBlock(createRandomSource(1), 10, 11, 2), RangeError);
    assert.throws(
      () => largestEigenvalueCentred(new Float64Array(2), new Float64Array(2), 0, 1),
      RangeError,
    );
    assert.throws(
      () => largestEigenvalueCentred(new Float64Array(2), new Float64Array(1), 0, 0),
      RangeError,
    );
  });
});

describe("leading blocks are the leading blocks of the full models (same draws, same order)", () => {
  for (const beta of [0.5, 2, 7]) {
    it(`hermite and laguerre, β = ${beta}`, () => {
      for (const [n, k] of [
        [50, 1],
        [50, 17],
        [50, 50],
        [3, 2],
      ]) {
        const full = hermiteTridiagonal(createRandomSource(9, n, k), n, beta, {
          loc: 0.3,
          scale: 2,
        });
        const block = hermiteLeadingBlock(createRandomSource(9, n, k), n, k, beta, {
          loc: 0.3,
          scale: 2,
        });
        assert.deepEqual(block.diagonal, full.diagonal.slice(0, k));
        assert.deepEqual(block.offDiagonalSquared, full.offDiagonalSquared.slice(0, k - 1));
        const params = { shape: 0.7, scale: 1.5 };
        const lFull = laguerreTridiagonal(createRandomSource(9, n, k), n, beta, params);
        const lBlock = laguerreLeadingBlock(createRandomSource(9, n, k), n, k, beta, params);
        assert.deepEqual(lBlock.diagonal, lFull.diagonal.slice(0, k));
        assert.deepEqual(lBlock.offDiagonalSquared, lFull.offDiagonalSquared.slice(0, k - 1));
      }
    });
  }
});

/** Laguerre parameter sets: M ≈ N (shape 1), M = 4N (Wishart-like), and a small shape. */
function laguerreCases(n: number, beta: number): LaguerreParams[] {
  return [
    { shape: 1, scale: 1 },
    { shape: (beta * (3 * n + 1)) / 2, scale: 2 },
    { shape: 0.3, scale: 0.5 },
  ];
}

/** Seeds per N for the truncated-vs-full comparison (keeps the file at a few seconds). */
const COMPARISONS: [number, number][] = [
  [2, 50],
  [5, 50],
  [100, 100],
  [1000, 100],
  [10_000, 10],
  [100_000, 2],
];

describe("truncated vs full λ_max on identical coefficients: |Δ| ≤ 1e−12·scale", () => {
  for (const beta of BETAS) {
    it(`hermite, β = ${beta}, N = 2 … 1e5`, () => {
      let worst = 0;
      for (const [n, seeds] of COMPARISONS) {
        const params = { loc: -1, scale: 0.5 };
        const { center, scale } = edgeScaling("hermite", n, beta, params);
        for (let s = 0; s < seeds; s++) {
          const full = hermiteTridiagonal(createRandomSource(11, s, n), n, beta, params);
          const yFull = largestEigenvalueCentred(
            full.diagonal,
            full.offDiagonalSquared,
            center,
            scale,
          );
          const truncated = hermiteLargestEigenvalueTruncated(
            createRandomSource(11, s, n),
            n,
            beta,
            params,
          );
          const diff = Math.abs(truncated - center - yFull) / scale;
          worst = Math.max(worst, diff);
          assert.ok(diff <= 1e-12, `N = ${n}, seed ${s}: |Δ| = ${diff}·scale`);
          const rescaled = hermiteRescaledLargestEigenvalueTruncated(
            createRandomSource(11, s, n),
            n,
            beta,
            params,
          );
          assert.ok(Math.abs(rescaled - yFull / scale) <= 1e-12);
        }
      }
    });
    it(`laguerre, β = ${beta}, N = 2 … 1e5, three parameter sets`, () => {
      for (const [n, seeds] of COMPARISONS) {
        for (const params of laguerreCases(n, beta)) {
          const { center, scale } = edgeScaling("laguerre", n, beta, params);
          for (let s = 0; s < Math.ceil(seeds / 3); s++) {
            const full = laguerreTridiagonal(createRandomSource(12, s, n), n, beta, params);
            const yFull = largestEigenvalueCentred(
              full.diagonal,
              full.offDiagonalSquared,
              center,
              scale,
            );
            const rescaled = laguerreRescaledLargestEigenvalueTruncated(
              createRandomSource(12, s, n),
              n,
              beta,
              params,
            );
            const diff = Math.abs(rescaled - yFull / scale);
            assert.ok(
              diff <= 1e-12,
              `N = ${n}, shape ${params.shape}, seed ${s}: |Δ| = ${diff}·scale`,
            );
            const truncated = laguerreLargestEigenvalueTruncated(
              createRandomSource(12, s, n),
              n,
              beta,
              params,
            );
            assert.ok(Math.abs(truncated - center - yFull) <= 1e-12 * scale + 2 ** -52 * center);
          }
        }
      }
    });
  }
});

describe("the centred solver agrees with uncentred bisection", () => {
  it("hermite and laguerre, N = 1000, within a few ulp·‖T‖", () => {
    for (const beta of BETAS) {
      for (let s = 0; s < 5; s++) {
        const n = 1000;
        const t = hermiteTridiagonal(createRandomSource(13, s), n, beta);
        const { center, scale } = edgeScaling("hermite", n, beta);
        const y = largestEigenvalueCentred(t.diagonal, t.offDiagonalSquared, center, scale);
        const reference = largestEigenvalue(t.diagonal, t.offDiagonalSquared);
        assert.ok(Math.abs(center + y - reference) <= 16 * 2 ** -52 * Math.abs(reference));
        const l = laguerreTridiagonal(createRandomSource(13, s), n, beta);
        const e = edgeScaling("laguerre", n, beta);
        const yl = largestEigenvalueCentred(l.diagonal, l.offDiagonalSquared, e.center, e.scale);
        const referenceL = largestEigenvalue(l.diagonal, l.offDiagonalSquared);
        assert.ok(Math.abs(e.center + yl - referenceL) <= 16 * 2 ** -52 * Math.abs(referenceL));
      }
    }
  });
  it("1×1 and 2×2 matrices", () => {
    assert.equal(largestEigenvalueCentred(Float64Array.of(3), new Float64Array(0), 1, 1), 2);
    // [[0, 1], [1, 0]] has λ_max = 1.
    const y = largestEigenvalueCentred(Float64Array.of(0, 0), Float64Array.of(1), 0.5, 0.01);
    assert.ok(Math.abs(y - 0.5) < 1e-15);
  });
});

/** Rescaled truncated λ_max of `samples` independent draws. */
function edgeSample(
  ensemble: "hermite" | "laguerre",
  n: number,
  beta: number,
  samples: number,
  seed: number,
): Float64Array {
  const out = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const rng = createRandomSource(seed, i);
    out[i] =
      ensemble === "hermite"
        ? hermiteRescaledLargestEigenvalueTruncated(rng, n, beta)
        : laguerreRescaledLargestEigenvalueTruncated(rng, n, beta, { shape: 1, scale: 1 });
  }
  return out;
}

const WRONG: Record<number, 1 | 2 | 4> = { 1: 2, 2: 1, 4: 2 };

describe("rescaled truncated λ_max is TW_β distributed", () => {
  for (const beta of [1, 2, 4] as const) {
    it(`hermite N = 1e6, β = ${beta}, 1500 samples`, () => {
      const xs = edgeSample("hermite", 1e6, beta, 1500, 100 + beta);
      assertKs(xs, (s) => tracyWidomCdf(s, beta), `N = 1e6, β = ${beta} vs TW_${beta}`);
      assertKsRejects(xs, (s) => tracyWidomCdf(s, WRONG[beta]), `vs TW_${WRONG[beta]}`);
    });
  }
  it("laguerre (M ≈ N) N = 1e6, β = 2, 1500 samples", () => {
    const xs = edgeSample("laguerre", 1e6, 2, 1500, 200);
    assertKs(xs, (s) => tracyWidomCdf(s, 2), "laguerre N = 1e6 vs TW_2");
    assertKsRejects(xs, (s) => tracyWidomCdf(s, 1), "laguerre vs TW_1");
  });
  it("hermite N = 1e12, β = 2, 40 samples (more in the slow variant)", () => {
    const xs = edgeSample("hermite", 1e12, 2, 40, 300);
    assertKs(xs, (s) => tracyWidomCdf(s, 2), "N = 1e12, β = 2 vs TW_2");
    // Precision: the uncentred λ_max agrees with center + scale·ξ to ulp(λ_max) level.
    const { center, scale } = edgeScaling("hermite", 1e12, 2);
    const lambda = hermiteLargestEigenvalueTruncated(createRandomSource(300, 0), 1e12, 2);
    assert.ok(Math.abs((lambda - center) / scale - xs[0]) < 1e-7);
  });
  if (SLOW) {
    for (const beta of [1, 2, 4] as const) {
      it(`slow: hermite N = 1e12, β = ${beta}, 2000 samples`, () => {
        const xs = edgeSample("hermite", 1e12, beta, 2000, 400 + beta);
        const p = assertKs(xs, (s) => tracyWidomCdf(s, beta), `N = 1e12, β = ${beta}`);
        console.log(`N = 1e12, β = ${beta}: KS p = ${p}`);
      });
      it(`slow: laguerre N = 1e12, β = ${beta}, 500 samples`, () => {
        const xs = edgeSample("laguerre", 1e12, beta, 500, 500 + beta);
        const p = assertKs(xs, (s) => tracyWidomCdf(s, beta), `laguerre N = 1e12, β = ${beta}`);
        console.log(`laguerre N = 1e12, β = ${beta}: KS p = ${p}`);
      });
    }
  }
});
