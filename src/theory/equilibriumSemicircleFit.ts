/**
 * The best semicircle approximation of the equilibrium measure μ_V of a polynomial potential.
 *
 * μ_V minimises I(μ) = ∫V dμ − ∫∫ log|x − y| dμ(x)dμ(y) (docs/theory.md §1.2). Over semicircle laws
 * SC(m, t) (mean m, variance t, support [m − 2√t, m + 2√t]) the log-energy is −½ log t + const,
 * so we minimise E(m, t) = E[V(m + √t Z)] − ½ log t, Z standard semicircle
 * (E Z^{2j} = Catalan(j), odd moments 0). Its stationarity conditions are E[V'(X)] = 0 and
 * E[(X − m) V'(X)] = 1, the first two moment identities of the Euler–Lagrange equation; for
 * V = (x − m)²/(2t) the minimiser is exactly SC(m, t) = μ_V. Used as the starting point of the
 * one-cut solver (equilibriumSolve.ts) and for the Gibbs sampler's "hermite" initial state.
 */

import { evaluatePolynomial } from "../potentials/polynomial.js";
import { createRealRootsWork, realRoots } from "../potentials/realRoots.js";
import { detExp, detPow } from "../special/deterministicMath.js";

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
    const t = detExp(logT);
    inMean.fill(0);
    for (let k = 0; k <= d; k++) {
      for (let j = 0; 2 * j <= k; j++) {
        inMean[k - 2 * j] += coeffs[k] * binomial(k, 2 * j) * detPow(t, j) * catalan[j];
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
  return { mean: bestMean, variance: detExp(logT) };
}
