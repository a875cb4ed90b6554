/**
 * Exact law of the largest eigenvalue of the finite-N Laguerre orthogonal ensemble (real Wishart):
 * the β = 1 Laguerre ensemble of docs/conventions.md with scale θ = 1 and shape k > 0, density
 * ∝ |Δ(x)| Π w(x_i) on (0, ∞), w(x) = x^{k−1}e^{−x} (an N×M real Gaussian X with unit variances
 * gives XXᵀ/2 with k = (M − N + 1)/2; callers with θ = 2 rescale x).
 *
 * Pfaffian form. For any basis f_0 … f_{N−1} of {polynomials of degree < N}·w, de Bruijn's
 * integration formula (N. G. de Bruijn, J. Indian Math. Soc. 19 (1955) 133–151; Mehta, Random
 * Matrices, 3rd ed., §5.5 and ch. 7) gives P(λ_max < s) = Pf A(s)/Pf A(∞) with
 *   A_ij(s) = ∫∫_{(0,s)²} sign(y − x) f_i(x)f_j(y) dx dy   (N even),
 * bordered for N odd by A_{i,N} = −A_{N,i} = ∫_0^s f_i. As in goeLargestEigenvalueCdf.ts,
 *   F² = det(I − A(∞)⁻¹B),  B_ij = −2∫_s^∞ f_i (εf_j) dx + Φ_i T_j,  B_{i,N} = −B_{N,i} = T_i,
 * εf(x) = ½∫_0^∞ sign(x − y) f(y) dy, Φ_i = ∫_0^s f_i, T_i = ∫_s^∞ f_i, and with m Gauss–Legendre
 * nodes on (s, ∞) truncated B = PQᵀ, P = [−√(2w_k) f(x_k), Φ − e_N, T], Q = [√(2w_k) εf(x_k), T, e_N]
 * (e_N, the second T: odd N only); Sylvester's identity leaves det(I_r − QᵀA(∞)⁻¹P), r = m + 1, m + 2.
 *
 * Skew-orthogonal basis (closed-form A(∞)). Every g = x^k e^{−x}r(x), r a polynomial, has
 * g′ = w·((k − x)r + xr′) with ∫_0^∞ g′ = 0, and since g(0) = g(∞) = 0, ε(g′) = g. Take
 *   f_0 = w/Γ(k) (c_0 = ∫f_0 = 1, εf_0 = P(k, x) − ½),  f_{n+1} = G_{n+1}′, εf_{n+1} = G_{n+1} = √x H_n,
 * H_n(x) = (−1)^n √2 ℓ_n^{(2k−1)}(2x), ℓ_n^{(β)}(u) = √(n!/Γ(n+β+1)) u^{β/2}e^{−u/2}L_n^{(β)}(u) the
 * orthonormal Laguerre functions (DLMF 18.3), so that the H_n are orthonormal on (0, ∞). Then
 * A_ij(∞) = −2⟨f_i, εf_j⟩ vanishes for j > i + 1 (degrees) and is antisymmetric, hence tridiagonal:
 *   A_{n,n+1} = −A_{n+1,n} = t_n,  t_n = √(n(n + 2k − 1)) (n ≥ 1, from the Jacobi recurrence of ℓ_n),
 *   t_0 = −2⟨f_0, √x H_0⟩ = −√2·(Γ(k + ½)/(√π Γ(k)))^{1/2},
 * and for N odd the only border entry is A_{0,N} = −A_{N,0} = c_0 = 1 (c_{n+1} = 0). A(∞)v = u is
 * solved by two two-term recurrences (even rows give the odd unknowns and conversely), O(N).
 * With x H_n′ from DLMF 18.9.14 (u ℓ_n′ = (n + β/2 − u/2)ℓ_n − √(n(n+β))ℓ_{n−1}):
 *   f_{n+1}(x) = x^{−1/2}((n + k − x)H_n + √(n(n + 2k − 1)) H_{n−1}),
 *   Φ_0 = P(k, s), T_0 = Q(k, s),  Φ_{n+1}(s) = G_{n+1}(s) = −T_{n+1}(s).
 * No quadrature touches x = 0, so every k > 0 is handled (x^{k−1} singular at 0 for k < 1).
 *
 * Laguerre functions: the recurrence q_{n+1} = ((u − (2n+β+1))q_n − b_n q_{n−1})/b_{n+1}, b_n =
 * √(n(n+β)), u = 2x, q_0 = 1 (DLMF 18.9.13 normalised; H_n = √2 q_n u^{β/2}e^{−u/2}/√Γ(β+1)),
 * rescaled by 2^{−600} when it exceeds 2^{600}; the log of the factor, k ln(2x) − x − ½lnΓ(2k) +
 * 600e·ln 2 (∓ ln x for f, G), has its large parts −x + 600e·ln 2 summed in double-double (as in
 * goeLargestEigenvalueCdf.ts), the k-dependent ones in double (rounding ~ε·(k ln x + lnΓ(2k))).
 * The quadrature runs in v = ln x for k < 2 (x^{k−1} is then smooth in v), as in
 * laguerreLargestEigenvalueCdf.ts. Cost O(order·N + order²·N); no N × N matrix is formed.
 */

import { gaussLegendre } from "../special/gaussLegendre.js";
import { logGamma, logGammaStirlingCorrection } from "../special/logGamma.js";
import { regularizedGammaP, regularizedGammaQ } from "../special/regularizedGamma.js";
import {
  RESCALE_BIG as BIG,
  marchenkoPasturCountAbove,
  rescaledLog,
  RESCALE_SMALL as SMALL,
} from "./edgeNumerics.js";
import { edgeScaling } from "./edgeScaling.js";
import { luFactorIdentityPlus } from "./tracyWidomLinearAlgebra.js";

/**
 * Truncation of (s, ∞) at center + RIGHT_UNITS·scale (edgeScaling units): f_i·εf_0 decays only
 * like f_{N−1} ≈ Ai (εf_0 → ½), Ai(18) ≈ 1e−23.
 */
const RIGHT_UNITS = 18;
/** When s is itself right of that window, the interval is (s, s + TAIL_UNITS·scale). */
const TAIL_UNITS = 6;
/** Beyond this many expected eigenvalues above x, F < 1e−17 (as for the GOE law): 0 is returned. */
const MAX_ZEROS = 40;
/** Below this k the quadrature runs in ln x. */
const LOG_MAP_BELOW = 2;
/** Largest N accepted: the cost is O(order²·N), ~(order + 2)·N·16 bytes of work space. */
const MAX_N = 20000;

/** Recurrence coefficients for the last (N, k): 1/b_{n+1}, 2n+β+1, b_n/b_{n+1}, b_n; β = 2k − 1. */
let cachedN = 0;
let cachedK = Number.NaN;
let inverseB = new Float64Array(0);
let diagonal = new Float64Array(0);
let ratioB = new Float64Array(0);
let offB = new Float64Array(0);

function recurrenceCoefficients(n: number, k: number): void {
  if (cachedN === n && cachedK === k) return;
  const beta = 2 * k - 1;
  inverseB = new Float64Array(n);
  diagonal = new Float64Array(n);
  ratioB = new Float64Array(n);
  offB = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const next = Math.sqrt((j + 1) * (j + 1 + beta));
    offB[j] = Math.sqrt(j * (j + beta));
    inverseB[j] = 1 / next;
    diagonal[j] = 2 * j + beta + 1;
    ratioB[j] = offB[j] / next;
  }
  cachedN = n;
  cachedK = k;
}

/**
 * −x + 600·e·ln 2 + rest in double-double (600e exact, ln 2 split by Dekker), rounded: near the
 * edge −x and the log of the recurrence value are both ~N and cancel.
 */
function logScale(x: number, exponent: number, rest: number): number {
  return rescaledLog(-x, 0, exponent, rest);
}

/**
 * f_1 … f_{N−1} and G_1 … G_{N−1} at x > 0 into f[offset + 1 …], g[offset + 1 …] (slot 0 is left
 * to the caller), by the scaled recurrence of the file comment. Needs recurrenceCoefficients(n, k).
 */
function basisAt(
  x: number,
  n: number,
  k: number,
  halfLogGamma2k: number,
  f: Float64Array,
  g: Float64Array,
  offset: number,
): void {
  const u = 2 * x;
  const logX = Math.log(x);
  const restG = k * Math.log(u) - halfLogGamma2k; // + ½ln2 of √2 and + ½ln x of √x − ½ln 2 of u^{β/2}
  const restF = restG - logX;
  let exponent = 0;
  let factorG = Math.exp(logScale(x, 0, restG));
  let factorF = Math.exp(logScale(x, 0, restF));
  let current = 1; // q_j
  let previous = 0; // q_{j−1}
  for (let j = 0; j + 1 < n; j++) {
    // f_{j+1} = x^{−1/2}((j + k − x)H_j + b_j H_{j−1}), G_{j+1} = √x H_j.
    f[offset + j + 1] = ((j + k - x) * current + offB[j] * previous) * factorF;
    g[offset + j + 1] = current * factorG;
    const next = (u - diagonal[j]) * inverseB[j] * current - ratioB[j] * previous;
    previous = current;
    current = next;
    if (Math.abs(current) > BIG) {
      current *= SMALL;
      previous *= SMALL;
      exponent++;
      factorG = Math.exp(logScale(x, exponent, restG));
      factorF = Math.exp(logScale(x, exponent, restF));
    }
  }
}

/** ln(Γ(k + ½)/Γ(k)), by Stirling's series for k ≥ 10 without the cancellation of two lnΓ. */
function logGammaRatioHalf(k: number): number {
  if (k < 10) return logGamma(k + 0.5) - logGamma(k);
  return (
    k * Math.log1p(0.5 / k) +
    0.5 * Math.log(k) -
    0.5 +
    logGammaStirlingCorrection(k + 0.5) -
    logGammaStirlingCorrection(k)
  );
}

/**
 * Edge centre and scale of λ_max in this convention, edgeScaling("laguerre", N, 1, {shape: k,
 * scale: 1}); for N = 1 (not accepted there) the same formula with the unshifted sizes M = 2k, N = 1.
 */
export function loeEdge(n: number, k: number): { center: number; scale: number } {
  if (n >= 2) {
    const { center, scale } = edgeScaling("laguerre", n, 1, { shape: k, scale: 1 });
    return { center, scale };
  }
  const a = Math.sqrt(2 * k);
  return { center: 0.5 * (a + 1) * (a + 1), scale: 0.5 * (a + 1) * Math.cbrt(1 / a + 1) };
}

/**
 * Right end of the quadrature window: μ + 18σ, at least x + 6σ, and at least a + 10√a + 45 with
 * a = k + N − 1, where the Gamma(a) tail of f_{N−1} ∝ x^{a−1}e^{−x} is below 1e−19 (small N).
 */
function windowEnd(x: number, n: number, k: number): number {
  const { center, scale } = loeEdge(n, k);
  const a = k + n - 1;
  return Math.max(center + RIGHT_UNITS * scale, x + TAIL_UNITS * scale, a + 10 * Math.sqrt(a) + 45);
}

/**
 * Expected number of eigenvalues above x from the Marchenko–Pastur law of the N×M real Wishart
 * spectrum XXᵀ = 2·(these eigenvalues), M = N − 1 + 2k: ∫_{2x}^{b} √((b−t)(t−c))/(2πt) dt,
 * c, b = (√M ∓ √N)², by 32-point Gauss–Legendre in θ. For the order and the cut-off only.
 */
function eigenvaluesAbove(x: number, n: number, k: number): number {
  return marchenkoPasturCountAbove(2 * x, n, n - 1 + 2 * k);
}

/**
 * Default Gauss–Legendre order for P(λ_max < x): 40 nodes for the Airy-like part at and right of
 * the edge, plus 4 per expected eigenvalue above x (oscillation of f_{N−1}), plus 3 per edge unit
 * of the interval beyond 20 (small N, where the window is many units wide).
 */
export function loeLargestEigenvalueDefaultOrder(x: number, n: number, k: number): number {
  checkNK("loeLargestEigenvalueDefaultOrder", n, k);
  if (Number.isNaN(x)) {
    throw new RangeError("loeLargestEigenvalueDefaultOrder: x must be a number, got NaN");
  }
  const { scale } = loeEdge(n, k);
  const lower = Math.max(x, 0);
  const units = (windowEnd(lower, n, k) - lower) / scale;
  return 40 + Math.ceil(4 * eigenvaluesAbove(lower, n, k) + 3 * Math.max(0, units - 20));
}

function checkNK(caller: string, n: number, k: number): void {
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_N)) {
    throw new RangeError(`${caller}: n must be an integer in [1, ${MAX_N}], got ${n}`);
  }
  if (!(k > 0 && Number.isFinite(k))) {
    throw new RangeError(`${caller}: k must be a finite number > 0, got ${k}`);
  }
}

/**
 * v ← A(∞)⁻¹v in place, A(∞) antisymmetric tridiagonal with superdiagonal t (size N), bordered for
 * N odd by A_{0,N} = −A_{N,0} = 1. Even rows of Az = v determine the odd unknowns forwards, odd
 * rows the even ones backwards (for N odd: z_0 from the border row, the evens forwards from the
 * odd rows, the odds backwards from the even rows, z_N from row 0). `work`: length ≥ K.
 */
function applyInverse(
  v: Float64Array,
  offset: number,
  n: number,
  t: Float64Array,
  work: Float64Array,
): void {
  const z = work;
  if (n % 2 === 0) {
    // Rows 0, 2, …: t_{i−1}(−z_{i−1}) + t_i z_{i+1} = v_i.
    z[1] = v[offset] / t[0];
    for (let i = 2; i < n; i += 2) z[i + 1] = (v[offset + i] + t[i - 1] * z[i - 1]) / t[i];
    // Rows N − 1, N − 3, …: z_{N−2} = −v_{N−1}/t_{N−2}, z_{i−1} = (t_i z_{i+1} − v_i)/t_{i−1}.
    z[n - 2] = -v[offset + n - 1] / t[n - 2];
    for (let i = n - 3; i >= 1; i -= 2) z[i - 1] = (t[i] * z[i + 1] - v[offset + i]) / t[i - 1];
    for (let i = 0; i < n; i++) v[offset + i] = z[i];
    return;
  }
  z[0] = -v[offset + n]; // row N: −z_0 = v_N
  for (let i = 1; i < n; i += 2) z[i + 1] = (v[offset + i] + t[i - 1] * z[i - 1]) / t[i];
  if (n > 1) {
    z[n - 2] = -v[offset + n - 1] / t[n - 2]; // row N − 1 (even)
    for (let i = n - 3; i >= 2; i -= 2) z[i - 1] = (t[i] * z[i + 1] - v[offset + i]) / t[i - 1];
    z[n] = v[offset] - t[0] * z[1]; // row 0: t_0 z_1 + z_N = v_0
  } else {
    z[n] = v[offset]; // N = 1: row 0 is z_1 = v_0
  }
  for (let i = 0; i <= n; i++) v[offset + i] = z[i];
}

/**
 * P(λ_max < x) for the N-point Laguerre orthogonal ensemble with density ∝ |Δ(x)| Π x_i^{k−1}e^{−x_i}
 * on (0, ∞) (β = 1 Laguerre, shape k > 0, scale 1; real Wishart XXᵀ/2 with k = (M − N + 1)/2): the
 * square root of det(I − A(∞)⁻¹B(x)) (de Bruijn's Pfaffian in a skew-orthogonal basis, see the
 * file comment), with `order` Gauss–Legendre nodes on (x, max(μ + 18σ, x + 6σ)), μ, σ of
 * edgeScaling("laguerre", N, 1, {shape: k, scale: 1}) (in ln x for k < 2). N ≤ 20000. Returns 0
 * for x ≤ 0 and where more than 40 eigenvalues are expected above x (F < 1e−17 there).
 * Absolute error, measured against mpmath evaluations of det A(s)/det A(∞) in the monomial basis
 * (test/theory/fixtures/loeReference.py) and quadrature of the joint density (N = 2, 3):
 * ≤ 4e−15 for N ≤ 20, ≤ 8e−15 at N = 100 (k ∈ {½, 1, 3.7}); the Gamma(k) CDF to 2e−16 at N = 1.
 * Default order vs 1.5× order agree to 2e−14 for k ≤ 60 up to N = 20000, to 2e−13 at k = 500
 * (the log-scale terms k ln x, lnΓ(2k) are rounded in double). Beyond N = 100 not measured against
 * references. Cost O(order²·N): ~7 ms at N = 300, 18 ms at 1000, 90 ms at 5000.
 */
export function loeLargestEigenvalueCdf(x: number, n: number, k: number, order?: number): number {
  const caller = "loeLargestEigenvalueCdf";
  checkNK(caller, n, k);
  if (Number.isNaN(x)) throw new RangeError(`${caller}: x must be a number, got NaN`);
  if (order !== undefined && !(Number.isInteger(order) && order >= 2)) {
    throw new RangeError(`${caller}: order must be an integer >= 2, got ${order}`);
  }
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (eigenvaluesAbove(x, n, k) > MAX_ZEROS) return 0;
  const upper = windowEnd(x, n, k);
  const m = order ?? loeLargestEigenvalueDefaultOrder(x, n, k);
  recurrenceCoefficients(n, k);
  const odd = n % 2 === 1;
  const size = odd ? n + 1 : n; // K
  const rank = odd ? m + 2 : m + 1; // r
  const halfLogGamma2k = 0.5 * logGamma(2 * k);
  const logGammaK = logGamma(k);
  // Superdiagonal of A(∞): t_0 = −√2(Γ(k+½)/(√πΓ(k)))^{1/2}, t_j = √(j(j + 2k − 1)).
  const t = new Float64Array(Math.max(n - 1, 1));
  t[0] = -Math.SQRT2 * Math.exp(0.5 * (logGammaRatioHalf(k) - 0.5 * Math.log(Math.PI)));
  for (let j = 1; j < n - 1; j++) t[j] = offB[j];
  const { nodes, weights } = gaussLegendre(m);
  const logMap = k < LOG_MAP_BELOW;
  const from = logMap ? Math.log(x) : x;
  const half = ((logMap ? Math.log(upper) : upper) - from) / 2;
  // Columns of P and Q, each of length K, stored one after another.
  const p = new Float64Array(rank * size);
  const q = new Float64Array(rank * size);
  for (let j = 0; j < m; j++) {
    const v = from + half * (nodes[j] + 1);
    const node = logMap ? Math.exp(v) : v;
    const root = Math.sqrt(2 * half * weights[j] * (logMap ? node : 1));
    const base = j * size;
    basisAt(node, n, k, halfLogGamma2k, p, q, base);
    p[base] = Math.exp((k - 1) * Math.log(node) - node - logGammaK); // f_0 = w/Γ(k)
    q[base] = 0.5 - regularizedGammaQ(k, node); // εf_0 = P(k, x) − ½
    for (let i = 0; i < n; i++) {
      p[base + i] *= -root;
      q[base + i] *= root;
    }
  }
  // Φ(x) and T(x): Φ_0 = P(k, x), T_0 = Q(k, x), Φ_{j} = −T_j = G_j(x) (j ≥ 1).
  const phiBase = m * size;
  const work = new Float64Array(size);
  const fx = new Float64Array(n);
  const gx = new Float64Array(n);
  basisAt(x, n, k, halfLogGamma2k, fx, gx, 0);
  p[phiBase] = regularizedGammaP(k, x);
  q[phiBase] = regularizedGammaQ(k, x);
  for (let i = 1; i < n; i++) {
    p[phiBase + i] = gx[i];
    q[phiBase + i] = -gx[i];
  }
  if (odd) {
    p[phiBase + n] = -1; // Φ − e_N
    const tCopy = (m + 1) * size; // P column T, Q column e_N
    for (let i = 0; i < n; i++) p[tCopy + i] = q[phiBase + i];
    q[tCopy + n] = 1;
  }
  // Y = −QᵀA⁻¹P (row-major r × r), so that I + Y = I − QᵀA⁻¹P.
  const y = new Float64Array(rank * rank);
  for (let l = 0; l < rank; l++) {
    applyInverse(p, l * size, n, t, work);
    const pb = l * size;
    for (let c = 0; c < rank; c++) {
      let s = 0;
      const qb = c * size;
      for (let i = 0; i < size; i++) s += q[qb + i] * p[pb + i];
      y[c * rank + l] = -s;
    }
  }
  const pivots = new Int32Array(rank);
  const logDet = luFactorIdentityPlus(y, rank, pivots);
  if (Number.isNaN(logDet)) return 0;
  return Math.min(1, Math.exp(0.5 * logDet));
}
