/**
 * The gap probabilities E_β(k; s) of the sine_β process (unit density), β = 1, 2, 4: the law of
 * the number N of points in an interval of length s, as a discrete distribution object.
 *
 * β = 2: the sine process restricted to (−s/2, s/2) splits into independent even and odd
 * determinantal processes with kernels V_{−½}², V_{½}² at X = (πs/2)² (sineKernel.ts), so N is a
 * sum of independent Bernoulli(λ_i) over the eigenvalues λ_i = ν_i² of both (Gaudin 1961; the
 * Nyström eigenvalues, Bornemann, Math. Comp. 79 (2010) §6): P(N = k) by fredholm.ts
 * bernoulliSumLaw.
 * β = 1: with N± the counts of the even and odd processes,
 *   P(N₁ ≤ 2n) = P(N₊ ≤ n),   P(N₁ ≤ 2n + 1) = P(N₋ ≤ n),
 * equivalent to Mehta's relations E₊(n) = E₁(2n − 1) + E₁(2n), E₋(n) = E₁(2n) + E₁(2n + 1)
 * (Mehta, Random Matrices, 3rd ed., §20.1; Mehta & des Cloizeaux 1972) summed over n; the
 * probabilities are differences of these CDFs (or of the survival functions in the upper tail).
 * β = 4: the sine₄ process is every other point of sine₁ (Mehta & Dyson, J. Math. Phys. 4 (1963)
 * 713), so E₄(n; s) = E₁(2n; 2s) + ½[E₁(2n − 1; 2s) + E₁(2n + 1; 2s)].
 * Accuracy: absolute ≈ 1e−15 (the Nyström eigenvalues are accurate to that absolute level).
 *
 * @example
 * ```ts
 * const law = sineCountingLaw(2, 1);
 * law.pmf(0); // E₂(0; 1) = 0.1702174213791852
 * law.variance; // the number variance Σ²(1)
 * ```
 */

import { besselHankelEigenvalues, besselHankelOrder } from "./besselHankel.js";
import { bernoulliSumLaw } from "./fredholm.js";
import { type ClassicalBeta, checkClassicalBeta } from "./spacingLaw.js";

/** A law on {0, 1, 2, …}. */
export interface CountingLaw {
  readonly name: string;
  /** P(N = k) for k = 0 … probabilities.length − 1 (zero beyond). */
  readonly probabilities: Float64Array;
  /** P(N = k); 0 outside the support, NaN for a non-integer k. */
  pmf(k: number): number;
  /** P(N ≤ k). */
  cdf(k: number): number;
  /** P(N > k), summed from the tail (keeps relative accuracy there). */
  sf(k: number): number;
  readonly mean: number;
  readonly variance: number;
}

/** Largest interval length accepted (X = (πs/2)² ≤ 1600 for β = 1, 2; s/2 of that for β = 4). */
export const COUNTING_MAX_S = (2 * 40) / Math.PI;

/** Builds the distribution object from P(N = k) and P(N > k) arrays. */
export function countingLaw(name: string, pmf: Float64Array, survival?: Float64Array): CountingLaw {
  const n = pmf.length;
  const cumulative = new Float64Array(n);
  const tail = new Float64Array(n);
  let acc = 0;
  for (let k = 0; k < n; k++) {
    acc += pmf[k];
    cumulative[k] = acc;
  }
  acc = 0;
  for (let k = n - 1; k >= 0; k--) {
    tail[k] = survival ? survival[k] : acc; // P(N > k)
    acc += pmf[k];
  }
  let mean = 0;
  let second = 0;
  for (let k = 0; k < n; k++) {
    mean += k * pmf[k];
    second += k * k * pmf[k];
  }
  const valid = (k: number) => Number.isInteger(k);
  return {
    name,
    probabilities: pmf,
    pmf: (k) => (!valid(k) ? Number.NaN : k < 0 || k >= n ? 0 : pmf[k]),
    cdf: (k) => (Number.isNaN(k) ? Number.NaN : k < 0 ? 0 : k >= n ? 1 : cumulative[Math.floor(k)]),
    sf: (k) => (Number.isNaN(k) ? Number.NaN : k < 0 ? 1 : k >= n ? 0 : tail[Math.floor(k)]),
    mean,
    variance: second - mean * mean,
  };
}

/** P(N ≤ k) and P(N > k), k = 0 … len − 1, of a Bernoulli sum with the given probabilities. */
function cumulativeBernoulli(lambdas: Float64Array, len: number): [Float64Array, Float64Array] {
  const pmf = bernoulliSumLaw(lambdas, len - 1 + 2);
  const cdf = new Float64Array(len);
  const sf = new Float64Array(len);
  let acc = 0;
  for (let k = 0; k < len; k++) {
    acc += pmf[k];
    cdf[k] = Math.min(1, acc);
  }
  acc = 0;
  for (let k = pmf.length - 1; k >= 0; k--) {
    if (k < len) sf[k] = acc;
    acc += pmf[k];
  }
  return [cdf, sf];
}

/** The eigenvalues ν² of V_a at X, i.e. the eigenvalues of the even (a = −½) or odd (½) kernel. */
function squaredEigenvalues(a: number, x: number): Float64Array {
  const nu = besselHankelEigenvalues(a, x, besselHankelOrder(a, x) + 8);
  const out = new Float64Array(nu.length);
  for (let i = 0; i < nu.length; i++) out[i] = Math.min(1, nu[i] * nu[i]);
  return out;
}

/**
 * The law of the number of points of sine_β (unit density) in an interval of length s,
 * β ∈ {1, 2, 4}, 0 ≤ s ≤ COUNTING_MAX_S (β = 4: half of it): pmf(k) = E_β(k; s).
 */
export function sineCountingLaw(beta: ClassicalBeta, s: number): CountingLaw {
  checkClassicalBeta(beta, "sineCountingLaw");
  const max = beta === 4 ? COUNTING_MAX_S / 2 : COUNTING_MAX_S;
  if (!(s >= 0 && s <= max)) throw new RangeError(`s must be in [0, ${max.toFixed(2)}], got ${s}`);
  const name = `sine${beta === 1 ? "₁" : beta === 2 ? "₂" : "₄"} counting law, s = ${s}`;
  if (s === 0) return countingLaw(name, Float64Array.of(1));
  if (beta === 2) {
    const x = ((Math.PI * s) / 2) ** 2;
    const even = squaredEigenvalues(-0.5, x);
    const odd = squaredEigenvalues(0.5, x);
    const all = new Float64Array(even.length + odd.length);
    all.set(even);
    all.set(odd, even.length);
    const len = all.length + 1;
    const [, sf] = cumulativeBernoulli(all, len);
    return countingLaw(name, bernoulliSumLaw(all, len - 1), sf);
  }
  // β = 1 at length σ (σ = s, or 2s for β = 4): CDFs and survival functions of N₁ from N±.
  const sigma = beta === 1 ? s : 2 * s;
  const x = ((Math.PI * sigma) / 2) ** 2;
  const even = squaredEigenvalues(-0.5, x);
  const odd = squaredEigenvalues(0.5, x);
  const len = Math.max(even.length, odd.length) + 1;
  const [cdfEven, sfEven] = cumulativeBernoulli(even, len);
  const [cdfOdd, sfOdd] = cumulativeBernoulli(odd, len);
  const kMax = 2 * len - 1;
  // P(N₁ ≤ k) and P(N₁ > k), k = 0 … kMax.
  const cdf1 = new Float64Array(kMax + 1);
  const sf1 = new Float64Array(kMax + 1);
  for (let k = 0; k <= kMax; k++) {
    const n = k >> 1;
    cdf1[k] = k % 2 === 0 ? cdfEven[n] : cdfOdd[n];
    sf1[k] = k % 2 === 0 ? sfEven[n] : sfOdd[n];
  }
  // P(N₁ = k) = P(N₁ ≤ k) − P(N₁ ≤ k − 1), or from the survival functions where they are smaller.
  const e1 = new Float64Array(kMax + 1);
  for (let k = 0; k <= kMax; k++) {
    const fromCdf = cdf1[k] - (k > 0 ? cdf1[k - 1] : 0);
    const fromSf = (k > 0 ? sf1[k - 1] : 1) - sf1[k];
    e1[k] = Math.max(0, cdf1[k] < 0.5 ? fromCdf : fromSf);
  }
  if (beta === 1) return countingLaw(name, e1);
  const nMax = Math.floor(kMax / 2);
  const e4 = new Float64Array(nMax + 1);
  for (let n = 0; n <= nMax; n++) {
    e4[n] =
      e1[2 * n] + 0.5 * ((n > 0 ? e1[2 * n - 1] : 0) + (2 * n + 1 <= kMax ? e1[2 * n + 1] : 0));
  }
  return countingLaw(name, e4);
}
