/**
 * Exact law of the largest eigenvalue of the finite-N Laguerre unitary ensemble (complex Wishart):
 * the β = 2 Laguerre ensemble of docs/conventions.md with scale θ = 1 and shape k = a + 1, density
 * ∝ Δ(x)² Π x_i^a e^{−x_i} on (0, ∞), a > −1 (for an N×M complex Gaussian matrix with
 * E|G_ij|² = 1, the eigenvalues of GG* with a = M − N).
 *
 * It is a determinantal point process with the Christoffel–Darboux kernel of the orthonormal
 * Laguerre functions φ_k(x) = (−1)^k √(k!/Γ(k+a+1)) x^{a/2} e^{−x/2} L_k^{(a)}(x) (DLMF 18.3,
 * 18.9.13), so
 *   P(λ_max < x) = det(I − K_N)_{L²(x,∞)},   K_N(x, y) = Σ_{k<N} φ_k(x)φ_k(y)
 * (Mehta, Random Matrices, 3rd ed., §19; Forrester, Log-gases, §5.4), evaluated by Bornemann's
 * Nyström method (F. Bornemann, Math. Comp. 79 (2010) 871–915).
 *
 * Kernel. The sign (−1)^k makes the leading coefficients positive, so that the Jacobi recurrence
 * reads x q_k = b_{k+1}q_{k+1} + (2k+a+1)q_k + b_k q_{k−1}, b_k = √(k(k+a)) (DLMF 18.9.13), and
 * x q_k′ = k q_k + b_k q_{k−1} (DLMF 18.9.14). With ψ = φ_N, Christoffel–Darboux
 * K_N = b_N(ψ(x)φ_{N−1}(y) − φ_{N−1}(x)ψ(y))/(x − y) (DLMF 18.2.12) and
 * b_Nφ_{N−1} = xψ′ − (N + a/2 − x/2)ψ become
 *   K_N(x, y) = (yψ(x)ψ′(y) − xψ′(x)ψ(y))/(x − y) − ψ(x)ψ(y)/2,
 *   K_N(x, x) = xψ′(x)² + (N + a/2 − x/4 − a²/(4x))ψ(x)²
 * (the diagonal from the Laguerre-function equation xψ″ + ψ′ + (N + (a+1)/2 − x/4 − a²/(4x))ψ = 0,
 * DLMF 18.8.1 transformed). Near the edge φ_N and φ_{N−1} nearly agree; this form cancels that
 * agreement once per node (in ψ′) instead of once per matrix entry.
 *
 * Laguerre functions: forward recurrence on q_k (stable in this direction at and beyond the edge,
 * where q_k(x) grows with k), started at q_0 = 1 and rescaled by 2^{−600} whenever it exceeds 2^{600};
 * the weight x^{a/2}e^{−x/2}, the normalisation Γ(a+1)^{−1/2} and the 2^{600} powers are combined at
 * the end as one logarithm. That logarithm is ~N near the edge and is summed in plain double, so the
 * relative error of ψ grows like (N + a)·ε.
 */

import { gaussLegendre } from "../special/gaussLegendre.js";
import { logGamma } from "../special/logGamma.js";
import {
  RESCALE_BIG as BIG,
  marchenkoPasturCountAbove,
  RESCALE_SMALL as SMALL,
} from "./edgeNumerics.js";
import { luFactorIdentityPlus, luSolve } from "./tracyWidomLinearAlgebra.js";

/** log 2^600, the log of one rescaling of the recurrence. */
const LOG_BIG = 600 * Math.LN2;

/** Right end of the truncation in edge units σ beyond the edge μ (Airy decay e^{−(4/3)·14^{3/2}}). */
const RIGHT_UNITS = 14;
/** Above x + TAIL_UNITS·σ the kernel is negligible once x is itself past the right window. */
const TAIL_UNITS = 6;
/** Beyond this many expected eigenvalues above x, F < 1e−17 (module comment of the GUE law): 0. */
const MAX_ZEROS = 40;
/** Below this a the quadrature runs in log t (lueLargestEigenvalueCdf). */
const LOG_MAP_BELOW = 2;
/** Largest N accepted: the cost is O(order·N) time. */
const MAX_N = 1e6;

/** Recurrence coefficients for the last (N, a): 1/b_{k+1}, 2k+a+1, b_k/b_{k+1}, k < N. */
let cachedN = 0;
let cachedA = Number.NaN;
let inverseB = new Float64Array(0);
let diagonal = new Float64Array(0);
let ratioB = new Float64Array(0);

function recurrenceCoefficients(n: number, a: number): void {
  if (cachedN === n && cachedA === a) return;
  inverseB = new Float64Array(n);
  diagonal = new Float64Array(n);
  ratioB = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const next = Math.sqrt((k + 1) * (k + 1 + a));
    inverseB[k] = 1 / next;
    diagonal[k] = 2 * k + a + 1;
    ratioB[k] = Math.sqrt(k * (k + a)) / next;
  }
  cachedN = n;
  cachedA = a;
}

/**
 * ψ = φ_N and ψ′ at the points t (all > 0), by the scaled forward recurrence
 * q_{k+1} = ((t − (2k+a+1))q_k − b_k q_{k−1})/b_{k+1}. Needs recurrenceCoefficients(n, a).
 */
function laguerreFunctions(
  t: Float64Array,
  n: number,
  a: number,
  psi: Float64Array,
  dpsi: Float64Array,
): void {
  const halfLogGamma = 0.5 * logGamma(a + 1);
  const bn = Math.sqrt(n * (n + a));
  for (let i = 0; i < t.length; i++) {
    const x = t[i];
    let current = 1;
    let previous = 0;
    let exponent = 0;
    for (let k = 0; k < n; k++) {
      const next = (x - diagonal[k]) * inverseB[k] * current - ratioB[k] * previous;
      previous = current;
      current = next;
      if (Math.abs(current) > BIG) {
        current *= SMALL;
        previous *= SMALL;
        exponent++;
      }
    }
    const logFactor = exponent * LOG_BIG + 0.5 * a * Math.log(x) - 0.5 * x - halfLogGamma;
    const factor = Math.exp(logFactor);
    const p = current * factor; // φ_N
    const q = previous * factor; // φ_{N−1}
    psi[i] = p;
    dpsi[i] = ((n + 0.5 * a) / x - 0.5) * p + (bn / x) * q;
  }
}

/** Soft-edge centre μ = (√M + √N)² and scale σ = (√M + √N)(1/√M + 1/√N)^{1/3}, M = N + a. */
export function lueEdge(n: number, a: number): { center: number; scale: number } {
  const rm = Math.sqrt(n + a);
  const rn = Math.sqrt(n);
  return { center: (rm + rn) * (rm + rn), scale: (rm + rn) * Math.cbrt(1 / rm + 1 / rn) };
}

/**
 * Default Gauss–Legendre order for P(λ_max < x): 40 nodes for the Airy-like part of the kernel,
 * plus 4 per expected eigenvalue above x to follow the oscillation of φ_N, plus 3 per edge unit σ
 * of the interval beyond 20 (small N, where the window (x, ∞) is many σ wide).
 */
export function lueLargestEigenvalueDefaultOrder(x: number, n: number, a: number): number {
  const { center, scale } = lueEdge(n, a);
  const units = Math.max(center + RIGHT_UNITS * scale - x, TAIL_UNITS * scale) / scale;
  return (
    40 +
    Math.ceil(
      4 * marchenkoPasturCountAbove(Math.max(x, 0), n, Math.max(n + a, n), n) +
        3 * Math.max(0, units - 20),
    )
  );
}

/**
 * P(λ_max < x) for the N-point Laguerre unitary ensemble with density ∝ Δ(x)² Π x_i^a e^{−x_i}
 * (β = 2 Laguerre, shape a + 1, scale 1; complex Wishart with M = N + a): det(I − K_N) on
 * L²(x, ∞), K_N the Laguerre Christoffel–Darboux kernel, by the Nyström method with `order`
 * Gauss–Legendre nodes on (x, max(μ + 14σ, x + 6σ)), μ, σ of lueEdge (Bornemann, Math. Comp. 79
 * (2010) 871–915). (λ_max − μ)/σ → TW₂ (Johansson 2000). Absolute error (tests): ≤ 5e−14 for
 * N ≤ 2 against the Gamma and closed N = 2 laws, ≤ 1e−13 at N ≤ 400 with a ≤ 400, ≈ 1e−12 at
 * a = 3600 (the recurrence's log-scale ~a·log x is summed in double: rounding ~(N + a)·ε). Returns
 * 0 where more than 40 eigenvalues are expected
 * above x (F < 1e−17 there). Cost O(order·N + order³).
 */
export function lueLargestEigenvalueCdf(x: number, n: number, a: number, order?: number): number {
  const { logCdf } = logCdfAndDerivative(x, n, a, order, false, "lueLargestEigenvalueCdf");
  return logCdf === Number.NEGATIVE_INFINITY ? 0 : Math.min(1, Math.exp(logCdf));
}

/**
 * The density of λ_max of the N-point LUE: F′(x) = F(x)·R(x, x), R = K(I − K)⁻¹ the resolvent
 * kernel of K_N on L²(x, ∞) at the end point (d/dx log det(I − K_{(x,∞)}) = R(x, x), Tracy–Widom
 * 1994 §I), from the same Nyström matrix with one more solve. Same arguments and cost as
 * lueLargestEigenvalueCdf.
 */
export function lueLargestEigenvaluePdf(x: number, n: number, a: number, order?: number): number {
  const { logCdf, dLogCdf } = logCdfAndDerivative(x, n, a, order, true, "lueLargestEigenvaluePdf");
  if (logCdf === Number.NEGATIVE_INFINITY || !(dLogCdf > 0)) return 0;
  return Math.exp(logCdf) * dLogCdf;
}

function logCdfAndDerivative(
  x: number,
  n: number,
  a: number,
  order: number | undefined,
  derivative: boolean,
  caller: string,
): { logCdf: number; dLogCdf: number } {
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_N)) {
    throw new RangeError(`${caller}: n must be an integer in [1, 1e6], got ${n}`);
  }
  if (!(a > -1 && Number.isFinite(a))) {
    throw new RangeError(`${caller}: a must be a finite number > -1, got ${a}`);
  }
  if (Number.isNaN(x)) throw new RangeError(`${caller}: x must be a number, got NaN`);
  if (order !== undefined && !(Number.isInteger(order) && order >= 2)) {
    throw new RangeError(`${caller}: order must be an integer >= 2, got ${order}`);
  }
  const none = { logCdf: Number.NEGATIVE_INFINITY, dLogCdf: 0 };
  if (x <= 0) return none;
  if (x === Number.POSITIVE_INFINITY) return { logCdf: 0, dLogCdf: 0 };
  if (marchenkoPasturCountAbove(x, n, Math.max(n + a, n), n) > MAX_ZEROS) return none;
  const { center, scale } = lueEdge(n, a);
  const lower = x;
  const upper = Math.max(center + RIGHT_UNITS * scale, lower + TAIL_UNITS * scale);
  const m = order ?? lueLargestEigenvalueDefaultOrder(lower, n, a);
  recurrenceCoefficients(n, a);
  const { nodes, weights } = gaussLegendre(m);
  // a < 2: nodes t = e^v, v Gauss–Legendre on (log x, log upper), dt = t dv, so that the x^a
  // factor of the kernel (its derivatives singular at 0 for non-integer a) becomes e^{av}, entire
  // in v; a ≥ 2: Gauss–Legendre in t (the log map would squeeze the bulk, far from 0, to few nodes).
  const logMap = a < LOG_MAP_BELOW;
  const from = logMap ? Math.log(lower) : lower;
  const half = ((logMap ? Math.log(upper) : upper) - from) / 2;
  // Nodes t_0 … t_{m−1}, and for the derivative the end point x as t_m (unweighted).
  const points = derivative ? m + 1 : m;
  const t = new Float64Array(points);
  const psi = new Float64Array(points);
  const dpsi = new Float64Array(points);
  const jacobian = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const v = from + half * (nodes[i] + 1);
    t[i] = logMap ? Math.exp(v) : v;
    jacobian[i] = logMap ? t[i] : 1;
  }
  if (derivative) t[m] = lower;
  laguerreFunctions(t, n, a, psi, dpsi);
  for (let i = 0; i < m; i++) {
    const root = Math.sqrt(half * weights[i] * jacobian[i]);
    psi[i] *= root;
    dpsi[i] *= root;
  }
  // y = −W^{1/2} K W^{1/2}, so that I + y is the Nyström matrix of I − K.
  const y = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const ti = t[i];
    const pi = psi[i];
    const qi = dpsi[i];
    y[i * m + i] = -(ti * qi * qi + (n + 0.5 * a - 0.25 * ti - (0.25 * a * a) / ti) * pi * pi);
    for (let j = 0; j < i; j++) {
      const tj = t[j];
      const k = (tj * pi * dpsi[j] - ti * qi * psi[j]) / (ti - tj) - 0.5 * pi * psi[j];
      y[i * m + j] = -k;
      y[j * m + i] = -k;
    }
  }
  const pivots = new Int32Array(m);
  const logDet = luFactorIdentityPlus(y, m, pivots);
  if (Number.isNaN(logDet)) return none;
  const logCdf = Math.min(0, logDet);
  if (!derivative) return { logCdf, dLogCdf: 0 };
  // R(x, x) = K(x, x) + Σ_j K(x, t_j) w_j u(t_j), (I − K)u = K(·, x) (Nyström interpolation).
  const px = psi[m];
  const qx = dpsi[m];
  const b = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    b[j] = (lower * psi[j] * qx - t[j] * dpsi[j] * px) / (t[j] - lower) - 0.5 * psi[j] * px;
  }
  const u = b.slice();
  luSolve(y, m, pivots, u);
  let r = lower * qx * qx + (n + 0.5 * a - 0.25 * lower - (0.25 * a * a) / lower) * px * px;
  for (let j = 0; j < m; j++) r += b[j] * u[j];
  return { logCdf, dLogCdf: r };
}
