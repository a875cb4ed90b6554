/**
 * The "hermite" initial state of the Gibbs chain: an exact sample of the Gaussian β-ensemble whose
 * limiting semicircle is the best semicircle approximation of the equilibrium measure μ_V.
 *
 * μ_V minimises I(μ) = ∫V dμ − ∫∫ log|x − y| dμ(x)dμ(y) (spec §1.2). Over semicircle laws
 * SC(m, t) (mean m, variance t, support [m − 2√t, m + 2√t]) the log-energy is −½ log t + const,
 * so we minimise E(m, t) = E[V(m + √t Z)] − ½ log t, Z standard semicircle
 * (E Z^{2j} = Catalan(j), odd moments 0). Its stationarity conditions are E[V'(X)] = 0 and
 * E[(X − m) V'(X)] = 1, the first two moment identities of the Euler–Lagrange equation, and for
 * V = (x − m)²/(2t) the minimiser is exactly SC(m, t) = μ_V. The Gaussian β-ensemble with
 * potential (x − m)²/(2t) in the βN/2 scaling is the Hermite model with σ² = 2t/(βN)
 * (spec §2.3): a_n ~ N(m, σ²), b_n ~ Gamma(β(N−n)/2, scale σ²).
 */

import { evaluatePolynomial } from "../potentials/polynomial.js";
import { createRealRootsWork, realRoots } from "../potentials/realRoots.js";
import { gamma } from "../random/gamma.js";
import { normal } from "../random/normal.js";
import type { RandomSource } from "../random/source.js";
import type { SymmetricTridiagonal } from "../tridiagonal/types.js";

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/**
 * The semicircle SC(m, t) minimising E[V(m + √t Z)] − ½ log t (file header): returns
 * { mean: m, variance: t }. Exact for quadratic V; a variational approximation otherwise.
 * Reference: the log-energy of SC is −½ log t + 1/4 (Saff & Totik, Logarithmic Potentials with
 * External Fields, 1997, §IV.5).
 */
export function semicircleFit(coeffs: ArrayLike<number>): { mean: number; variance: number } {
  const d = coeffs.length - 1;
  const catalan = new Float64Array(d + 1);
  for (let j = 0; 2 * j <= d; j++) catalan[j] = binomial(2 * j, j) / (j + 1);
  const inMean = new Float64Array(d + 1);
  const derivative = new Float64Array(d + 1);
  const roots = new Float64Array(d + 1);
  const work = createRealRootsWork(Math.max(d, 1));
  let bestMean = 0;
  // Profile energy: min over m of E[V(m + √t Z)], minus ½ log t.
  const profile = (logT: number): number => {
    const t = Math.exp(logT);
    inMean.fill(0);
    for (let k = 0; k <= d; k++) {
      for (let j = 0; 2 * j <= k; j++) {
        inMean[k - 2 * j] += coeffs[k] * binomial(k, 2 * j) * t ** j * catalan[j];
      }
    }
    for (let k = 1; k <= d; k++) derivative[k - 1] = k * inMean[k];
    const count = realRoots(derivative, d - 1, roots, work);
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < count; r++) {
      const value = evaluatePolynomial(inMean, d, roots[r]);
      if (value < best) {
        best = value;
        bestMean = roots[r];
      }
    }
    return best - 0.5 * logT;
  };
  let bestLog = 0;
  let bestValue = Number.POSITIVE_INFINITY;
  for (let u = -30; u <= 30; u += 0.25) {
    const value = profile(u);
    if (value < bestValue) {
      bestValue = value;
      bestLog = u;
    }
  }
  // Golden-section refinement on [bestLog − 0.25, bestLog + 0.25].
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = bestLog - 0.25;
  let hi = bestLog + 0.25;
  let x1 = hi - ratio * (hi - lo);
  let x2 = lo + ratio * (hi - lo);
  let f1 = profile(x1);
  let f2 = profile(x2);
  for (let iter = 0; iter < 80 && hi - lo > 1e-12; iter++) {
    if (f1 < f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - ratio * (hi - lo);
      f1 = profile(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + ratio * (hi - lo);
      f2 = profile(x2);
    }
  }
  const logT = 0.5 * (lo + hi);
  profile(logT);
  return { mean: bestMean, variance: Math.exp(logT) };
}

/**
 * Jacobi coefficients of an exact sample of the Gaussian β-ensemble matched to V by
 * semicircleFit: a_n ~ N(m, σ²), b_n ~ Gamma(β(N−n)/2, scale σ²), σ² = 2t/(βN), drawn in the
 * order a_1, b_1, …, a_N (Dumitriu–Edelman 2002; spec §2.3).
 */
export function hermiteInitialState(
  rng: RandomSource,
  coeffs: ArrayLike<number>,
  n: number,
  beta: number,
): SymmetricTridiagonal {
  const { mean, variance } = semicircleFit(coeffs);
  const scale2 = (2 * variance) / (beta * n);
  const sd = Math.sqrt(scale2);
  const diagonal = new Float64Array(n);
  const offDiagonalSquared = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) {
    diagonal[i] = mean + sd * normal(rng);
    if (i < n - 1) offDiagonalSquared[i] = gamma(rng, 0.5 * beta * (n - i - 1), scale2);
  }
  return { diagonal, offDiagonalSquared };
}
