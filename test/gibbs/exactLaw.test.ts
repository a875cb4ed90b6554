/**
 * The Gibbs sampler (default settings: spectral moves) against the exact finite-N law of the
 * β = 2 ensemble (src/theory/unitaryEnsemble.ts), for one-cut, two-cut (symmetric and tilted),
 * odd-term and degree-6 potentials at N = 50–400:
 *  - KS of λ_max of independent chains against the exact λ_max law (p > 1e−6);
 *  - z-test of the linear statistic T = Σ x_i^k (k the degree of the coefficient changed below)
 *    against its exact mean and variance (|z| < 5). T carries the power: a 1% change of one coefficient of V moves E T by
 *    many standard errors, which each case checks against the exact law of the changed V
 *    (|z| > 5 there). The tilted double well fails on the plain sweep (spectral moves off: the
 *    chains keep the wells' masses of their start) — see the last test.
 * docs/gibbs-exact/ has the 2000-chain runs at N = 200 and 400.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runGibbsChain } from "../../src/gibbs/sampler.js";
import { createRandomSource } from "../../src/random/philox.js";
import { ksPValue, ksStatistic } from "../../src/statistics/ks.js";
import {
  unitaryEnsemble,
  unitaryLargestEigenvalueCdf,
  unitaryLinearStatistic,
} from "../../src/theory/unitaryEnsemble.js";
import { largestEigenvalue } from "../../src/tridiagonal/bisection.js";
import { tridiagonalEigenvalues } from "../../src/tridiagonal/eigenvalues.js";
import { assertKs, Z_LIMIT } from "../helpers/assertStats.js";

const PASSES = 20;

interface Case {
  label: string;
  coeffs: number[];
  n: number;
  chains: number;
  /** Index of the coefficient changed by 1% for the power check. */
  perturb: number;
}

const CASES: Case[] = [
  { label: "one-cut x⁴/4", coeffs: [0, 0, 0, 0, 0.25], n: 400, chains: 40, perturb: 4 },
  {
    label: "two-cut x⁴/4 − 2x² (issue 10)",
    coeffs: [0, 0, -2, 0, 0.25],
    n: 200,
    chains: 100,
    perturb: 2,
  },
  {
    label: "tilted two-cut x⁴/4 − 1.8x² + 0.25x",
    coeffs: [0, 0.25, -1.8, 0, 0.25],
    n: 100,
    chains: 100,
    perturb: 2,
  },
  { label: "odd term x⁴/4 + 0.3x³", coeffs: [0, 0, 0, 0.3, 0.25], n: 200, chains: 60, perturb: 4 },
  {
    label: "degree 6 x⁶/6 − 0.2x³ + x²/2 + 0.3x",
    coeffs: [0, 0.3, 0.5, -0.2, 0, 0, 1 / 6],
    n: 400,
    chains: 60,
    perturb: 6,
  },
  {
    label: "tilted two-cut at N = 50",
    coeffs: [0, 0.25, -1.8, 0, 0.25],
    n: 50,
    chains: 120,
    perturb: 2,
  },
];

/** λ_max and T = Σ x_i^k (k = the perturbed degree) of `chains` independent chains. */
function run(
  c: Case,
  seed: number,
  spectralEvery?: number,
): { lmax: Float64Array; t: Float64Array } {
  const coeffs = Float64Array.from(c.coeffs);
  const lmax = new Float64Array(c.chains);
  const t = new Float64Array(c.chains);
  for (let s = 0; s < c.chains; s++) {
    const state = runGibbsChain({
      coeffs,
      n: c.n,
      beta: 2,
      passes: PASSES,
      rng: createRandomSource(seed, s),
      spectralEvery,
    });
    lmax[s] = largestEigenvalue(state.diagonal, state.offDiagonalSquared);
    let sum = 0;
    for (const x of tridiagonalEigenvalues(state.diagonal, state.offDiagonalSquared)) {
      sum += x ** c.perturb;
    }
    t[s] = sum;
  }
  return { lmax, t };
}

function zScore(t: Float64Array, mean: number, variance: number): number {
  let m = 0;
  for (const v of t) m += v;
  m /= t.length;
  return (m - mean) / Math.sqrt(variance / t.length);
}

describe("Gibbs sampler against the exact β = 2 law (default: spectral moves)", () => {
  CASES.forEach((c, k) => {
    it(`${c.label}, N = ${c.n}: λ_max (KS) and Σ x^${c.perturb} (z) exact; a 1% change of v_${c.perturb} is rejected`, () => {
      const ens = unitaryEnsemble(c.coeffs, c.n);
      const { lmax, t } = run(c, 1000 + k);
      assertKs(lmax, (s) => unitaryLargestEigenvalueCdf(ens, s), `${c.label}: λ_max`);
      const f = new Array(c.perturb + 1).fill(0);
      f[c.perturb] = 1;
      const exact = unitaryLinearStatistic(ens, f);
      const z = zScore(t, exact.mean, exact.variance);
      assert.ok(Math.abs(z) < Z_LIMIT, `${c.label}: E Σ x^${c.perturb}: z = ${z.toFixed(2)}`);
      // Power: the same chains against the law of V with v_k × 1.01.
      const changed = c.coeffs.slice();
      changed[c.perturb] *= 1.01;
      const other = unitaryLinearStatistic(unitaryEnsemble(changed, c.n), f);
      const zOther = zScore(t, other.mean, other.variance);
      assert.ok(
        Math.abs(zOther) > Z_LIMIT,
        `${c.label}: no power against 1%: z = ${zOther.toFixed(2)}`,
      );
    });
  });

  it("the plain sweep (today's sampler, spectral moves off) fails the tilted double well", () => {
    const c = CASES[2];
    const ens = unitaryEnsemble(c.coeffs, c.n);
    const { lmax } = run({ ...c, chains: 100 }, 2002, 0);
    const d = ksStatistic(lmax, (s) => unitaryLargestEigenvalueCdf(ens, s));
    assert.ok(ksPValue(d, lmax.length) < 1e-6, `plain sweep should fail: KS D = ${d}`);
  });
});
