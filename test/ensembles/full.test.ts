/**
 * Full-matrix models (GOE/GUE/GSE, Wishart, MANOVA; β ∈ {1, 2, 4}) against the tridiagonal models
 * of the same law (docs/conventions.md), by two-sample Kolmogorov–Smirnov tests on
 *   - the pooled eigenvalues of all samples,
 *   - λ_max,
 *   - a linear statistic sensitive to scale: Σ(x−μ)² (Hermite), Σx (Laguerre, Jacobi),
 * for N ∈ {2, 5, 50}. Each assertion requires p > 1e-6 (false-alarm rate ~1e-6 per assertion;
 * pooled points within a sample are dependent and more regular than i.i.d. draws, which only
 * makes that test conservative). Fixed seeds: the outcome is deterministic.
 *
 * Power (measured by hand with these seeds and sample sizes; the last test keeps one such check):
 * at N = 50 a 1% error in the scale of the full model (x − μ → 1.01(x − μ)) is rejected by the
 * linear statistic for β = 2 with the power-check sample size; at N = 2 and 5 the per-sample
 * spread is O(1) and the tests reject scale errors of a few percent; fullExact.test.ts tests the
 * full models at N = 2 and 5 against exact laws with enough samples to reject a 1% scale error.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  hermiteFullEigenvalues,
  jacobiFullEigenvalues,
  laguerreFullEigenvalues,
  manovaDimensions,
  wishartDimension,
} from "../../src/ensembles/full.js";
import { hermiteEigenvalues } from "../../src/ensembles/hermite.js";
import { jacobiEigenvalues, jacobiParamsFromManova } from "../../src/ensembles/jacobi.js";
import { laguerreEigenvalues } from "../../src/ensembles/laguerre.js";
import { createRandomSource } from "../../src/random/philox.js";
import type { RandomSource } from "../../src/random/source.js";
import { ksTwoSample } from "../../src/statistics/ks.js";
import { assertSameLaw, P_LIMIT } from "../helpers/assertStats.js";

type Sampler = (rng: RandomSource) => Float64Array;

interface Statistics {
  pooled: Float64Array;
  max: Float64Array;
  linear: Float64Array;
}

/** Draws `samples` samples and collects the three statistics; `linear` maps a sample to a number. */
function collect(
  sampler: Sampler,
  seed: number,
  samples: number,
  n: number,
  linear: (x: Float64Array) => number,
): Statistics {
  const pooled = new Float64Array(samples * n);
  const max = new Float64Array(samples);
  const lin = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    const x = sampler(createRandomSource(seed, s));
    assert.equal(x.length, n);
    for (let i = 1; i < n; i++) assert.ok(x[i] >= x[i - 1], "ascending");
    pooled.set(x, s * n);
    max[s] = x[n - 1];
    lin[s] = linear(x);
  }
  return { pooled, max, linear: lin };
}

/** Full-model sample sizes: cheap small N get many samples; N = 50 is limited by O(N³) cost. */
function fullSamples(n: number, beta: number): number {
  if (n === 2) return 3000;
  if (n === 5) return 1500;
  return beta === 1 ? 300 : beta === 2 ? 250 : 120;
}

const TRIDIAGONAL_FACTOR = 4;

function compare(label: string, full: Statistics, tri: Statistics): void {
  assertSameLaw(full.pooled, tri.pooled, `${label}: pooled eigenvalues`);
  assertSameLaw(full.max, tri.max, `${label}: λ_max`);
  assertSameLaw(full.linear, tri.linear, `${label}: linear statistic`);
}

const sumOfSquaresAbout = (mu: number) => (x: Float64Array) => {
  let s = 0;
  for (const v of x) s += (v - mu) ** 2;
  return s;
};
const sum = (x: Float64Array) => x.reduce((s, v) => s + v, 0);

describe("full models agree with the tridiagonal models (two-sample KS)", () => {
  for (const n of [2, 5, 50]) {
    for (const beta of [1, 2, 4]) {
      const samples = fullSamples(n, beta);
      const triSamples = TRIDIAGONAL_FACTOR * samples;

      it(`Hermite N = ${n}, β = ${beta} (μ = 0.5, σ = 1.3)`, () => {
        const params = { loc: 0.5, scale: 1.3 };
        const stat = sumOfSquaresAbout(params.loc);
        const full = collect(
          (r) => hermiteFullEigenvalues(r, n, beta, params),
          11,
          samples,
          n,
          stat,
        );
        const tri = collect((r) => hermiteEigenvalues(r, n, beta, params), 12, triSamples, n, stat);
        compare(`Hermite N=${n} β=${beta}`, full, tri);
      });

      it(`Laguerre N = ${n}, β = ${beta} (M = N + 3, θ = 1.5)`, () => {
        const m = n + 3;
        const scale = 1.5;
        const shape = (beta * (m - n + 1)) / 2;
        assert.equal(wishartDimension(n, beta, shape), m);
        const full = collect(
          (r) => laguerreFullEigenvalues(r, n, beta, { m, scale }),
          21,
          samples,
          n,
          sum,
        );
        const tri = collect(
          (r) => laguerreEigenvalues(r, n, beta, { shape, scale }),
          22,
          triSamples,
          n,
          sum,
        );
        for (const x of full.pooled) assert.ok(x >= 0);
        compare(`Laguerre N=${n} β=${beta}`, full, tri);
      });

      it(`Jacobi N = ${n}, β = ${beta} (M1 = N + 1, M2 = N + 4)`, () => {
        const dims = { m1: n + 1, m2: n + 4 };
        const params = jacobiParamsFromManova(n, dims.m1, dims.m2, beta);
        assert.deepEqual(manovaDimensions(n, beta, params), dims);
        const full = collect((r) => jacobiFullEigenvalues(r, n, beta, dims), 31, samples, n, sum);
        const tri = collect((r) => jacobiEigenvalues(r, n, beta, params), 32, triSamples, n, sum);
        for (const x of full.pooled) assert.ok(x >= 0 && x <= 1);
        compare(`Jacobi N=${n} β=${beta}`, full, tri);
      });
    }
  }
});

describe("power and argument checks", () => {
  it("a 1% scale error of the full GUE at N = 50 is rejected (Σx² two-sample KS)", () => {
    const n = 50;
    const beta = 2;
    const samples = 300;
    const stat = sumOfSquaresAbout(0);
    const wrong = collect(
      (r) => hermiteFullEigenvalues(r, n, beta, { loc: 0, scale: 1.01 }),
      41,
      samples,
      n,
      stat,
    );
    const right = collect(
      (r) => hermiteEigenvalues(r, n, beta, { loc: 0, scale: 1 }),
      42,
      TRIDIAGONAL_FACTOR * samples,
      n,
      stat,
    );
    const { pValue } = ksTwoSample(wrong.linear, right.linear);
    assert.ok(pValue < P_LIMIT, `expected rejection, p = ${pValue}`);
  });

  it("β ∉ {1, 2, 4} and bad dimensions throw a RangeError", () => {
    const rng = createRandomSource(1);
    for (const beta of [0, 0.5, 3, 2.0001]) {
      assert.throws(() => hermiteFullEigenvalues(rng, 3, beta), /beta in \{1, 2, 4\}/);
      assert.throws(() => laguerreFullEigenvalues(rng, 3, beta, { m: 4, scale: 2 }), RangeError);
      assert.throws(() => jacobiFullEigenvalues(rng, 3, beta, { m1: 4, m2: 4 }), RangeError);
    }
    assert.throws(() => laguerreFullEigenvalues(rng, 3, 1, { m: 2, scale: 2 }), /m must be/);
    assert.throws(() => laguerreFullEigenvalues(rng, 3, 1, { m: 3.5, scale: 2 }), /m must be/);
    assert.throws(() => laguerreFullEigenvalues(rng, 3, 1, { m: 3, scale: 0 }), /scale/);
    assert.throws(() => jacobiFullEigenvalues(rng, 3, 2, { m1: 3, m2: 2 }), /m2 must be/);
    assert.throws(() => hermiteFullEigenvalues(rng, 0, 2), /n must be/);
    assert.throws(() => hermiteFullEigenvalues(rng, 2, 2, { loc: 0, scale: -1 }), /scale/);
    assert.throws(() => wishartDimension(3, 2, 1.5), /integer/);
    assert.throws(() => manovaDimensions(3, 1, { a: 0.7, b: 1 }), /integer/);
  });
});
