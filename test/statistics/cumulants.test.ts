/**
 * k-statistics and their jackknife standard errors (src/statistics/cumulants.ts): exact algebra,
 * unbiasedness for Gamma samples (κ_j = (j−1)!·a), and the standard errors against the spread of
 * replicates.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gamma } from "../../src/random/gamma.js";
import { createRandomSource } from "../../src/random/philox.js";
import { kStatisticsFromPowerSums, sampleCumulants } from "../../src/statistics/cumulants.js";
import { assertMean } from "../helpers/assertStats.js";

describe("k-statistics", () => {
  it("match the central-moment forms (Kendall & Stuart §12.9)", () => {
    const x = [0.3, -1.2, 2.5, 0.7, 0.7, 4.1, -0.2];
    const n = x.length;
    const mean = x.reduce((s, v) => s + v, 0) / n;
    const S = (r: number) => x.reduce((s, v) => s + (v - mean) ** r, 0);
    const k2 = S(2) / (n - 1);
    const k3 = (n * S(3)) / ((n - 1) * (n - 2));
    const k4 =
      (n * ((n + 1) * S(4) - (3 * (n - 1) * S(2) ** 2) / n)) / ((n - 1) * (n - 2) * (n - 3));
    const { cumulants } = sampleCumulants(x);
    const expected = [mean, k2, k3, k4];
    for (let j = 0; j < 4; j++) {
      assert.ok(
        Math.abs(cumulants[j] - expected[j]) < 1e-13 * (1 + Math.abs(expected[j])),
        `k${j + 1}`,
      );
    }
    // Raw power sums give the same values (shift invariance of k₂…k₄).
    const p = (r: number) => x.reduce((s, v) => s + v ** r, 0);
    const raw = kStatisticsFromPowerSums(n, p(1), p(2), p(3), p(4));
    for (let j = 0; j < 4; j++) assert.ok(Math.abs(raw[j] - expected[j]) < 1e-11);
  });

  it("are unbiased: Gamma(a) samples of size 12, 40000 replicates, |z| < 5 for κ_j = (j−1)!·a", () => {
    const a = 2.5;
    const reps = 40000;
    const ks = [0, 1, 2, 3].map(() => new Float64Array(reps));
    const x = new Float64Array(12);
    for (let r = 0; r < reps; r++) {
      const rng = createRandomSource(8, r);
      for (let i = 0; i < x.length; i++) x[i] = gamma(rng, a);
      const { cumulants } = sampleCumulants(x);
      for (let j = 0; j < 4; j++) ks[j][r] = cumulants[j];
    }
    const kappa = [a, a, 2 * a, 6 * a];
    for (let j = 0; j < 4; j++) assertMean(ks[j], kappa[j], `E k${j + 1}`);
  });

  it("jackknife standard errors match the spread over replicates (n = 2000, 400 replicates)", () => {
    const reps = 400;
    const n = 2000;
    const ks = [0, 1, 2, 3].map(() => new Float64Array(reps));
    const ses = [0, 1, 2, 3].map(() => new Float64Array(reps));
    const x = new Float64Array(n);
    for (let r = 0; r < reps; r++) {
      const rng = createRandomSource(9, r);
      for (let i = 0; i < n; i++) x[i] = gamma(rng, 3);
      const { cumulants, standardErrors } = sampleCumulants(x);
      for (let j = 0; j < 4; j++) {
        ks[j][r] = cumulants[j];
        ses[j][r] = standardErrors[j];
      }
    }
    for (let j = 0; j < 4; j++) {
      const mean = ks[j].reduce((s, v) => s + v, 0) / reps;
      const sd = Math.sqrt(ks[j].reduce((s, v) => s + (v - mean) ** 2, 0) / (reps - 1));
      const se = ses[j].reduce((s, v) => s + v, 0) / reps;
      // The spread of 400 replicates is itself known to ≈ ±7% (more for k₄'s heavy tail).
      assert.ok(Math.abs(se / sd - 1) < 0.2, `k${j + 1}: jackknife ${se} vs spread ${sd}`);
    }
  });

  it("rejects short or non-finite input", () => {
    assert.throws(() => sampleCumulants([1, 2, 3, 4]));
    assert.throws(() => sampleCumulants([1, 2, 3, 4, Number.NaN]));
  });
});
