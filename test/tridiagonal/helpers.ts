/** Test matrices and reference computations shared by the tridiagonal tests. */
import { gamma } from "../../src/random/gamma.js";
import { normal } from "../../src/random/normal.js";
import { createRandomSource } from "../../src/random/philox.js";

export const EPS = 2 ** -52;

export interface Tridiagonal {
  a: Float64Array;
  b: Float64Array;
}

/** The 1-2-1 Toeplitz matrix of order n and its eigenvalues 2 − 2cos(kπ/(n+1)), ascending. */
export function toeplitz121(n: number): Tridiagonal & { exact: Float64Array } {
  const a = new Float64Array(n).fill(2);
  const b = new Float64Array(n - 1).fill(1);
  const exact = new Float64Array(n);
  for (let k = 1; k <= n; k++) exact[k - 1] = 2 - 2 * Math.cos((k * Math.PI) / (n + 1));
  exact.sort();
  return { a, b, exact };
}

/** Jacobi matrix of the probabilists' Hermite polynomials: a = 0, b_k = k. */
export function hermiteJacobi(n: number): Tridiagonal {
  const a = new Float64Array(n);
  const b = new Float64Array(n - 1);
  for (let k = 1; k < n; k++) b[k - 1] = k;
  return { a, b };
}

/** Jacobi matrix of the Laguerre polynomials L_n^(α): a_k = 2k − 1 + α, b_k = k(k + α). */
export function laguerreJacobi(n: number, alpha: number): Tridiagonal {
  const a = new Float64Array(n);
  const b = new Float64Array(n - 1);
  for (let k = 1; k <= n; k++) a[k - 1] = 2 * k - 1 + alpha;
  for (let k = 1; k < n; k++) b[k - 1] = k * (k + alpha);
  return { a, b };
}

/** A random matrix: a_i ~ N(0, 1), b_i ~ Gamma(shape (n − i)/2)·2 (β = 1 Hermite model). */
export function randomHermite(n: number, seed: number): Tridiagonal {
  const rng = createRandomSource(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) a[i] = normal(rng);
  for (let i = 0; i < n - 1; i++) b[i] = 2 * gamma(rng, (n - 1 - i) / 2);
  return { a, b };
}

/** Squared bidiagonal of the β-Laguerre model: q_i ~ Γ(β(n−i−1)/2 + k), e_i ~ Γ(β(n−i−1)/2). */
export function randomLaguerreBidiagonal(
  n: number,
  beta: number,
  k: number,
  seed: number,
): { q: Float64Array; e: Float64Array } {
  const rng = createRandomSource(seed);
  const q = new Float64Array(n);
  const e = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) {
    const half = (beta * (n - i - 1)) / 2;
    q[i] = gamma(rng, half + k);
    if (i < n - 1) e[i] = gamma(rng, half);
  }
  return { q, e };
}

/** The Jacobi matrix L U of a squared bidiagonal: a_i = e_{i−1} + q_i, b_i = q_i e_i. */
export function bidiagonalToJacobi(q: Float64Array, e: Float64Array): Tridiagonal {
  const n = q.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) {
    a[i] = (i > 0 ? e[i - 1] : 0) + q[i];
    if (i < n - 1) b[i] = q[i] * e[i];
  }
  return { a, b };
}

/** Gershgorin-type norm bound max_i |a_i| + √b_{i−1} + √b_i. */
export function normBound(a: Float64Array, b: Float64Array): number {
  let norm = 0;
  for (let i = 0; i < a.length; i++) {
    const r = (i > 0 ? Math.sqrt(b[i - 1]) : 0) + (i < b.length ? Math.sqrt(b[i]) : 0);
    norm = Math.max(norm, Math.abs(a[i]) + r);
  }
  return norm;
}

/** max_i |x_i − y_i|. */
export function maxAbsDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
}

/**
 * Number of eigenvalues < x of L U (q, e squared bidiagonal) by the differential stationary qd
 * transform L U − x I = L̂ Û (count of negative q̂): relatively accurate (Dhillon & Parlett,
 * "Orthogonal eigenvectors and relative gaps", SIMAX 25, 2004). An independent reference.
 */
export function stationaryQdCount(q: Float64Array, e: Float64Array, x: number): number {
  const n = q.length;
  let s = -x;
  let count = 0;
  for (let k = 0; k < n; k++) {
    let qh = q[k] + s;
    if (qh === 0) qh = -Number.MIN_VALUE;
    if (qh < 0) count++;
    if (k < n - 1) s = (s * e[k]) / qh - x;
  }
  return count;
}

/** k-th smallest eigenvalue of L U to relative accuracy ~4ε by bisection on stationaryQdCount. */
export function relativeAccurateEigenvalue(q: Float64Array, e: Float64Array, k: number): number {
  let hi = 0;
  for (let i = 0; i < q.length; i++) hi = Math.max(hi, q[i] + (i > 0 ? e[i - 1] : 0));
  hi *= 4;
  let lo = 0;
  for (let it = 0; it < 5000 && hi - lo > 4 * EPS * hi; it++) {
    // Geometric midpoints while the bracket spans many binades, arithmetic ones afterwards.
    const mid = lo > 0 && hi / lo > 4 ? Math.sqrt(lo * hi) : lo === 0 ? hi / 16 : 0.5 * (lo + hi);
    if (mid === 0 || mid === lo || mid === hi) break;
    if (stationaryQdCount(q, e, mid) <= k) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
