/**
 * Exact law of the largest eigenvalue of the finite-N Gaussian symplectic ensemble: the β = 4
 * Hermite ensemble of docs/conventions.md with loc 0, scale 1, density ∝ |Δ(x)|⁴ Π e^{−x_i²/2}
 * (λ_max ≈ √(8N), fluctuations √2·N^{−1/6}·TW₄ in the β-ensemble convention).
 *
 * Pfaffian. By de Bruijn's integration formula (de Bruijn, J. Indian Math. Soc. 19 (1955) 133–151;
 * Mehta, Random Matrices, 3rd ed., §7.1), for monic p_k of degree k and any interval J,
 *   ∫_{J^N} |Δ(x)|⁴ Π w(x_i) dx = N!·Pf[∫_J (p_i p_j′ − p_j p_i′) w]_{i,j<2N}.
 * With g_k = p_k √w the integrand is g_i g_j′ − g_j g_i′ (the (√w)′ terms cancel); for w = e^{−x²/2}
 * take g_k = ψ_k, the orthonormal Hermite functions ψ_k(x) = e^{−x²/4}He_k(x)/√(√(2π)k!) (DLMF 18.3),
 * with √(k+1)ψ_{k+1} = xψ_k − √k ψ_{k−1} and ψ_k′ = √k ψ_{k−1} − (x/2)ψ_k. So
 *   P(λ_max < s) = Pf C((−∞, s)) / Pf C(ℝ),   C(J)_ij = ∫_J (ψ_i ψ_j′ − ψ_j ψ_i′),
 * and C(ℝ) = C∞ is tridiagonal, C∞_{i,i+1} = −C∞_{i+1,i} = √(i+1) (orthonormality and the ladder).
 *
 * Fredholm form. C((−∞, s)) = C∞ − R, R = ∫_s^∞ (ψψ′ᵀ − ψ′ψᵀ); with m Gauss–Legendre nodes t_k and
 * weights w_k on a truncation of (s, ∞), R = Y J Yᵀ, Y = [U V] (U = √w ψ(t_k), V = √w ψ′(t_k)) and
 * J = [[0, I], [−I, 0]], so by Sylvester's identity
 *   F(s)² = det(I_{2N} − C∞⁻¹R) = det(I_{2m} − J·G),   G = Yᵀ C∞⁻¹ Y  (antisymmetric, 2m × 2m),
 * an m-independent-of-N Nyström determinant (Bornemann, Math. Comp. 79 (2010) 871–915) whose
 * matrix is close to I in the right tail (log det accurate relative to its size there).
 * C∞⁻¹ is applied by its two-term recurrences: odd entries forward
 * z_{2k+1} = (b_{2k} + √(2k) z_{2k−1})/√(2k+1), even entries backward
 * z_{2k} = (√(2k+2) z_{2k+2} − b_{2k+1})/√(2k+1) (z_{2N} = 0), both with multipliers ≈ 1.
 *
 * The ψ_k(t) are computed by the forward recurrence on p_k = ψ_k e^{t²/4}(2π)^{1/4}, rescaled by
 * 2^{−600} as needed; the log of the Gaussian factor is hermiteLogScale (double-double), so ψ_k
 * near the edge is accurate to a few ulps times √k and the tiny low-order ψ_k underflow harmlessly.
 * Measured accuracy and cost: docs/edge-limit/README.md (§ β = 1, 4 exactly).
 */

import { gaussLegendre } from "../special/gaussLegendre.js";
import {
  RESCALE_BIG as BIG,
  RESCALE_SMALL as SMALL,
  semicircleCountAbove,
  symplecticNystromCdf,
} from "./edgeNumerics.js";
import { hermiteLogScale } from "./hermiteLargestEigenvalueCdf.js";

/** Window right of the edge √(8N), in units of the edge scale √2·N^{−1/6}. */
const RIGHT_UNITS = 12;
/** Above x + TAIL_UNITS edge units the integrand is negligible once x is past the right window. */
const TAIL_UNITS = 4;
/**
 * Largest number of zeros of ψ_{2N} above x for which the determinant is computed (≈ half as many
 * eigenvalues are expected there); beyond it F < 1e−17 and 0 is returned.
 */
const MAX_ZEROS = 60;
/** Largest N accepted: the cost is O(order²·N) time and 32·order·N bytes. */
const MAX_N = 20000;

/**
 * Default Gauss–Legendre order for P(λ_max < x) at size N: 48 nodes for the Airy-like part at and
 * right of the edge, plus 4 per zero of ψ_{2N} in (x, ∞) (the tests compare with 1.5× the order).
 */
export function gseLargestEigenvalueDefaultOrder(x: number, n: number): number {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`gseLargestEigenvalueDefaultOrder: n must be an integer >= 1, got ${n}`);
  }
  if (Number.isNaN(x)) {
    throw new RangeError("gseLargestEigenvalueDefaultOrder: x must be a number, got NaN");
  }
  return 48 + Math.ceil(4 * semicircleCountAbove(x, 2 * n, 2 * Math.sqrt(2 * n)));
}

/**
 * ψ_0(t) … ψ_{M−1}(t) into out[0..M) and ψ_k′(t) into dout[0..M) (module comment: scaled forward
 * recurrence, ψ_k′ = √k ψ_{k−1} − (t/2)ψ_k).
 */
function hermiteFunctionsAt(
  t: number,
  size: number,
  roots: Float64Array,
  out: Float64Array,
  dout: Float64Array,
): void {
  let current = 1; // p_k
  let previous = 0; // p_{k−1}
  let exponent = 0;
  let factor = Math.exp(hermiteLogScale(t, 0));
  let previousValue = 0; // ψ_{k−1}
  for (let k = 0; k < size; k++) {
    const value = current * factor;
    out[k] = value;
    dout[k] = roots[k] * previousValue - 0.5 * t * value;
    previousValue = value;
    const next = (t * current - roots[k] * previous) / roots[k + 1];
    previous = current;
    current = next;
    if (Math.abs(current) > BIG) {
      current *= SMALL;
      previous *= SMALL;
      exponent++;
      factor = Math.exp(hermiteLogScale(t, exponent));
    }
  }
}

/** z = C∞⁻¹b for the tridiagonal C∞ of size M = 2N (module comment). */
function applyInverse(
  b: Float64Array,
  offset: number,
  size: number,
  roots: Float64Array,
  z: Float64Array,
): void {
  let odd = 0; // z_{2k−1}
  for (let k = 0; 2 * k + 1 < size; k++) {
    odd = (b[offset + 2 * k] + roots[2 * k] * odd) / roots[2 * k + 1];
    z[offset + 2 * k + 1] = odd;
  }
  let even = 0; // z_{2k+2}
  for (let k = size / 2 - 1; k >= 0; k--) {
    even = (roots[2 * k + 2] * even - b[offset + 2 * k + 1]) / roots[2 * k + 1];
    z[offset + 2 * k] = even;
  }
}

/**
 * P(λ_max < x) for the N-point GSE with density ∝ |Δ(x)|⁴ Π e^{−x_i²/2} (β = 4 Hermite ensemble,
 * loc 0, scale 1), 1 ≤ N ≤ 20000: the Pfaffian ratio of the module comment, as the square root of a
 * 2·order-dimensional determinant over `order` Gauss–Legendre nodes on (x, max(√(8N) + 12σ,
 * x + 4σ)), σ = √2·N^{−1/6}. Cost O(order²·N). Returns 0 where more than 60 zeros of ψ_{2N} lie
 * above x (F < 1e−17 there). (λ_max − √(8N))/(√2 N^{−1/6}) → TW₄, β-ensemble convention.
 */
export function gseLargestEigenvalueCdf(x: number, n: number, order?: number): number {
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_N)) {
    throw new RangeError(`gseLargestEigenvalueCdf: n must be an integer in [1, 20000], got ${n}`);
  }
  if (Number.isNaN(x)) throw new RangeError("gseLargestEigenvalueCdf: x must be a number, got NaN");
  if (order !== undefined && !(Number.isInteger(order) && order >= 2)) {
    throw new RangeError(`gseLargestEigenvalueCdf: order must be an integer >= 2, got ${order}`);
  }
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  const size = 2 * n;
  const edge = Math.sqrt(8 * n);
  const sigma = Math.SQRT2 * n ** (-1 / 6);
  // Left clip: below −(edge + 12σ) the integrand is negligible (the ensemble is symmetric).
  const lower = Math.max(x, -(edge + RIGHT_UNITS * sigma));
  if (semicircleCountAbove(lower, size, 2 * Math.sqrt(size)) > MAX_ZEROS) return 0;
  const upper = Math.max(edge + RIGHT_UNITS * sigma, lower + TAIL_UNITS * sigma);
  const m = order ?? gseLargestEigenvalueDefaultOrder(lower, n);
  const { nodes, weights } = gaussLegendre(m);
  const half = (upper - lower) / 2;
  // Y = [U V] stored as 2m vectors of length M: y[a·M + i], a < m: √w_a ψ_i(t_a); a ≥ m: √w ψ_i′.
  // √k, k = 0 … M, for the recurrences (once per call, not per node and index).
  const roots = new Float64Array(size + 1);
  for (let k = 1; k <= size; k++) roots[k] = Math.sqrt(k);
  const y = new Float64Array(2 * m * size);
  const u = new Float64Array(size);
  const du = new Float64Array(size);
  for (let a = 0; a < m; a++) {
    const t = lower + half * (nodes[a] + 1);
    hermiteFunctionsAt(t, size, roots, u, du);
    const root = Math.sqrt(half * weights[a]);
    const base = a * size;
    const dbase = (m + a) * size;
    for (let i = 0; i < size; i++) {
      y[base + i] = root * u[i];
      y[dbase + i] = root * du[i];
    }
  }
  const z = new Float64Array(2 * m * size);
  for (let a = 0; a < 2 * m; a++) applyInverse(y, a * size, size, roots, z);
  return symplecticNystromCdf(y, z, m, size);
}
