/**
 * Exact law of the largest eigenvalue of the finite-N Gaussian orthogonal ensemble: the β = 1
 * Hermite ensemble of docs/conventions.md with loc 0, scale 1, density ∝ |Δ(x)| Π e^{−x_i²/2}
 * (λ_max ≈ √(2N), (λ_max − √(2N))·√2·N^{1/6} → TW₁).
 *
 * Pfaffian form. With the orthonormal Hermite functions φ_n(x) = H_n(x)e^{−x²/2}/√(2^n n!√π)
 * (DLMF 18.3, 18.9.1), which span {polynomials of degree < N}·e^{−x²/2}, de Bruijn's integration
 * formula (N. G. de Bruijn, J. Indian Math. Soc. 19 (1955) 133–151; Mehta, Random Matrices, 3rd
 * ed., §5.5 and ch. 7) gives, for N even,
 *   P(λ_max < s) = Pf A(s)/Pf A(∞),  A_ij(s) = ∫∫_{(−∞,s)²} sign(y − x) φ_i(x)φ_j(y) dx dy,
 * and for N odd the same with A bordered by A_{i,N} = −A_{N,i} = ∫_{−∞}^s φ_i. Hence
 *   F² = det A(s)/det A(∞) = det(I − A(∞)⁻¹B),  B = A(∞) − A(s)
 * (Tracy–Widom, J. Stat. Phys. 92 (1998) 809–835, §§ 8–9 for the same reduction). With
 * εf(x) = ½∫ sign(x − y) f(y) dy, Φ_i(s) = ∫_{−∞}^s φ_i, T_i(s) = ∫_s^∞ φ_i (split ℝ² ∖ (−∞,s)²
 * into {x > s} and {x ≤ s < y}):
 *   B_ij = −2∫_s^∞ φ_i (εφ_j) dx + Φ_i T_j,   border: B_{i,N} = T_i, B_{N,i} = −T_i.
 * With m Gauss–Legendre nodes x_k, weights w_k on (s, ∞) truncated, B = P Qᵀ of rank m + 1
 * (N even) or m + 2 (N odd):
 *   P = [−√(2w_k) φ(x_k), Φ − e_N, T],  Q = [√(2w_k) εφ(x_k), T, e_N]   (e_N, T: odd N only),
 * and Sylvester's identity det(I_K − A⁻¹PQᵀ) = det(I_r − QᵀA⁻¹P) leaves an r × r determinant.
 *
 * A(∞)⁻¹ in closed form. From φ_n′ = √(n/2)φ_{n−1} − √((n+1)/2)φ_{n+1} and ε(f′) = f:
 *   εφ_{n+1} = √(n/(n+1)) εφ_{n−1} − √(2/(n+1)) φ_n,  εφ_1 = −√2 φ_0,  εφ_0 = (c_0/2)erf(x/√2),
 * so εφ_odd ∈ span φ_even and A(∞)_ij = −2⟨φ_i, εφ_j⟩ is a triangular even–odd block; inverting
 * the two-term recurrence gives A(∞)⁻¹ = −½D_N for N even, D_ij = ⟨φ_i, φ_j′⟩ (bidiagonal in the
 * even–odd blocks), and for N odd the bordered block stays upper triangular with the last
 * diagonal entry c_{N−1}, c_n = ∫φ_n (c_0 = √2π^{1/4}, c_{n+1} = √(n/(n+1))c_{n−1}, c_odd = 0).
 * Each application costs O(N); the whole evaluation O(order·N·r) with r = order + 1 or + 2.
 *
 * Hermite functions: forward recurrence φ_{n+1} = √(2/(n+1)) x φ_n − √(n/(n+1)) φ_{n−1} (DLMF
 * 18.9.1 normalised) on p_n = φ_n e^{x²/2}π^{1/4}, rescaled by 2^{−600} whenever it exceeds 2^{600};
 * the factor e^{−x²/2}π^{−1/4}2^{600e} is formed in double-double (as in
 * hermiteLargestEigenvalueCdf.ts); values that underflow are tiny low-order φ_n and harmless.
 * T and Φ follow the ε recurrence with T_0 = (c_0/2)erfc(s/√2), Φ_0 = (c_0/2)erfc(−s/√2),
 * T_1 = −Φ_1 = √2φ_0(s) (each forward-stable: the multipliers √(n/(n+1)) are < 1).
 */

import { erf, erfc } from "../special/erf.js";
import { gaussLegendre } from "../special/gaussLegendre.js";
import {
  RESCALE_BIG as BIG,
  rescaledLog,
  RESCALE_SMALL as SMALL,
  semicircleCountAbove,
  squareError,
} from "./edgeNumerics.js";
import { luFactorIdentityPlus } from "./tracyWidomLinearAlgebra.js";

/** ln(π)/4, the log of the normalisation π^{1/4} of φ_0. */
const QUARTER_LOG_PI = 0.28618247146235004;
/** c_0 = ∫φ_0 = √2·π^{1/4}. */
const C0 = 1.8827925275534299;

/**
 * Truncation (s, b) of (s, ∞), b = √(2N) + RIGHT_UNITS·σ in edge units σ = 2^{−1/2}N^{−1/6}: the
 * integrand φ_i·εφ_j decays only like φ_{N−1} ≈ Ai (not Ai² as for the GUE), Ai(18) ≈ 1e−23.
 */
const RIGHT_UNITS = 18;
/** When s is itself right of that window, the interval is (s, s + TAIL_UNITS·σ). */
const TAIL_UNITS = 4;
/**
 * Largest number of zeros of φ_{N−1} above s for which the determinant is computed; beyond it
 * F is far below 1e−17 (Airy regime: s ≲ −33 edge units, log F₁ ≈ −|s|³/24 < −1400): 0 is returned.
 */
const MAX_ZEROS = 40;
/** Largest N accepted: the cost is O(order²·N), ~(order + 2)·N·16 bytes of work space. */
const MAX_N = 20000;

/** Recurrence coefficients for the last N used: a_k = √(2/(k+1)), d_k = √(k/(k+1)), c_k = ∫φ_k. */
let cachedN = 0;
let coefficientA = new Float64Array(0);
let coefficientD = new Float64Array(0);
let integrals = new Float64Array(0);

function recurrenceCoefficients(n: number): void {
  if (cachedN === n) return;
  coefficientA = new Float64Array(n);
  coefficientD = new Float64Array(n);
  integrals = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    coefficientA[k] = Math.sqrt(2 / (k + 1));
    coefficientD[k] = Math.sqrt(k / (k + 1));
  }
  integrals[0] = C0;
  for (let k = 1; k + 1 < n; k += 2) integrals[k + 1] = coefficientD[k] * integrals[k - 1]; // c_{k+1} = √(k/(k+1))c_{k−1}
  cachedN = n;
}

/**
 * φ_k(x), k < n, into out[offset + k] by the scaled forward recurrence (see the file comment).
 * Needs recurrenceCoefficients(n) first.
 */
function hermiteFunctionsAt(x: number, n: number, out: Float64Array, offset: number): void {
  const a = coefficientA;
  const d = coefficientD;
  let exponent = 0;
  let factor = Math.exp(logScale(x, 0));
  let current = 1; // p_k
  let previous = 0; // p_{k−1}
  for (let k = 0; k < n; k++) {
    out[offset + k] = current * factor;
    const next = a[k] * x * current - d[k] * previous; // p_{k+1} = √(2/(k+1)) x p_k − √(k/(k+1)) p_{k−1}
    previous = current;
    current = next;
    if (Math.abs(current) > BIG) {
      current *= SMALL;
      previous *= SMALL;
      exponent++;
      factor = Math.exp(logScale(x, exponent));
    }
  }
}

/**
 * L = −x²/2 − ln(π)/4 + 600·e·ln 2, the log of φ_k/p_k after e rescalings, in double-double
 * (x² split exactly by Dekker's product, 600e·ln 2 likewise): near the edge −x²/2 and the log of
 * the recurrence value are both ~N and cancel, so each must be exact to far below 1 ulp of N.
 */
function logScale(x: number, exponent: number): number {
  const square = x * x;
  const squareLo = squareError(x, square); // x² = square + squareLo
  return rescaledLog(-0.5 * square, -0.5 * squareLo, exponent, -QUARTER_LOG_PI);
}

/**
 * Default Gauss–Legendre order for P(λ_max < x): 40 nodes for the Airy-like part of the integrand
 * at and right of the edge, plus 4 per zero of φ_{N−1} in (x, ∞) to follow its oscillation.
 */
export function goeLargestEigenvalueDefaultOrder(x: number, n: number): number {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`goeLargestEigenvalueDefaultOrder: n must be an integer >= 1, got ${n}`);
  }
  if (Number.isNaN(x)) {
    throw new RangeError("goeLargestEigenvalueDefaultOrder: x must be a number, got NaN");
  }
  return 40 + Math.ceil(4 * semicircleCountAbove(x, n, Math.sqrt(2 * n)));
}

/**
 * v ← A⁻¹v in place for the K × K matrix A = A(∞) (K = N, N even; K = N + 1 bordered, N odd),
 * using the even–odd block form A = [[0, M],[−Mᵀ, 0]], A⁻¹ = [[0, −M^{−T}],[M⁻¹, 0]] with M upper
 * triangular and M = −2Gᵀ (plus the border column c_even), G⁻¹ lower bidiagonal:
 * (G⁻¹)_{a,a} = −√((2a+1)/2), (G⁻¹)_{a,a−1} = √a (εφ_{2b+1} = Σ_a G_{b,a}φ_{2a}). `work`: length ≥ K.
 */
function applyInverse(v: Float64Array, offset: number, n: number, work: Float64Array): void {
  const odd = n % 2 === 1;
  const evens = (n + 1) >> 1;
  const odds = n >> 1;
  const c = integrals;
  // z = M⁻¹ v_even (placed on the odd indices and the border), y = M^{−T} v_odd (on the evens).
  let zBorder = 0;
  if (odd) zBorder = v[offset + n - 1] / c[n - 1];
  for (let b = 0; b < odds; b++) {
    // u_a = v_{2a} − c_{2a} z_border; z_b = −½(−√((2b+1)/2) u_b + √(b+1) u_{b+1}) (u_{b+1} if b+1 < odds or N even).
    const ub = v[offset + 2 * b] - c[2 * b] * zBorder;
    let z = -Math.sqrt((2 * b + 1) / 2) * ub;
    if (b + 1 < evens && (b + 1 < odds || !odd)) {
      z += Math.sqrt(b + 1) * (v[offset + 2 * b + 2] - c[2 * b + 2] * zBorder);
    }
    work[2 * b + 1] = -0.5 * z;
  }
  // y_a = −½(G⁻¹ w)_a = −½(−√((2a+1)/2) w_a + √a w_{a−1}), a < odds; last (odd N) by the border row.
  let dot = 0;
  for (let a = 0; a < odds; a++) {
    let g = -Math.sqrt((2 * a + 1) / 2) * v[offset + 2 * a + 1];
    if (a > 0) g += Math.sqrt(a) * v[offset + 2 * a - 1];
    const y = -0.5 * g;
    work[2 * a] = -y; // (A⁻¹v)_even = −y
    dot += c[2 * a] * y;
  }
  if (odd) {
    const yLast = (v[offset + n] - dot) / c[n - 1];
    work[n - 1] = -yLast;
    work[n] = zBorder;
  }
  const size = odd ? n + 1 : n;
  for (let i = 0; i < size; i++) v[offset + i] = work[i];
}

/**
 * P(λ_max < x) for the N-point GOE with density ∝ |Δ(x)| Π e^{−x_i²/2} (β = 1 Hermite ensemble,
 * loc 0, scale 1): the square root of det(I − A(∞)⁻¹B(x)) (de Bruijn's Pfaffian; see the file
 * comment), with `order` Gauss–Legendre nodes on (x, max(√(2N) + 18σ, x + 4σ)), σ = 2^{−1/2}N^{−1/6}.
 * Absolute error (measured against 32-digit mpmath evaluations with a dense A(∞)⁻¹, and
 * quadrature of the joint density for N = 2, 3): ≤ 1e−15 for N ≤ 150, ≤ 4e−15 at N = 1000, edge
 * region s ∈ [−8, 6] edge units; default order vs 1.5× order agree to 6e−15 up to N = 5000.
 * Cost O(order²·N): ~8 ms at N = 1000, 15 ms at 2000, 100 ms at 20000. N ≤ 20000 (accuracy beyond
 * N = 1000 not measured against references). Returns 0 where more than 40 zeros of φ_{N−1} lie
 * above x (F < 1e−17 there) or x < −(√(2N) + 18σ).
 */
export function goeLargestEigenvalueCdf(x: number, n: number, order?: number): number {
  const caller = "goeLargestEigenvalueCdf";
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_N)) {
    throw new RangeError(
      `${caller}: n must be an integer in [1, ${MAX_N}], got ${n} (for larger n use Tracy–Widom F₁)`,
    );
  }
  if (Number.isNaN(x)) throw new RangeError(`${caller}: x must be a number, got NaN`);
  if (order !== undefined && !(Number.isInteger(order) && order >= 2)) {
    throw new RangeError(`${caller}: order must be an integer >= 2, got ${order}`);
  }
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  const edge = Math.sqrt(2 * n);
  const sigma = Math.SQRT1_2 * n ** (-1 / 6);
  // F(x) ≤ P(λ_min < x) = 1 − F(−x), negligible below −(edge + 18σ).
  if (x < -(edge + RIGHT_UNITS * sigma)) return 0;
  if (semicircleCountAbove(x, n, Math.sqrt(2 * n)) > MAX_ZEROS) return 0;
  const upper = Math.max(edge + RIGHT_UNITS * sigma, x + TAIL_UNITS * sigma);
  const m = order ?? goeLargestEigenvalueDefaultOrder(x, n);
  recurrenceCoefficients(n);
  const odd = n % 2 === 1;
  const size = odd ? n + 1 : n; // K
  const rank = odd ? m + 2 : m + 1; // r
  const { nodes, weights } = gaussLegendre(m);
  const half = (upper - x) / 2;
  const a = coefficientA;
  const d = coefficientD;
  // Columns of P and Q, each of length K, stored one after another.
  const p = new Float64Array(rank * size);
  const q = new Float64Array(rank * size);
  for (let k = 0; k < m; k++) {
    const t = x + half * (nodes[k] + 1);
    const root = Math.sqrt(2 * half * weights[k]);
    const base = k * size;
    hermiteFunctionsAt(t, n, p, base);
    // εφ_0 = (c_0/2)erf(t/√2), εφ_1 = −√2φ_0, εφ_{j+1} = √(j/(j+1))εφ_{j−1} − √(2/(j+1))φ_j.
    q[base] = 0.5 * C0 * erf(t * Math.SQRT1_2);
    if (n > 1) q[base + 1] = -Math.SQRT2 * p[base];
    for (let j = 1; j + 1 < n; j++) q[base + j + 1] = d[j] * q[base + j - 1] - a[j] * p[base + j];
    for (let i = 0; i < n; i++) {
      p[base + i] *= -root;
      q[base + i] *= root;
    }
  }
  // Φ(x) and T(x): Φ_0 = (c_0/2)erfc(−x/√2), T_0 = (c_0/2)erfc(x/√2), T_1 = −Φ_1 = √2φ_0(x),
  // T_{j+1} = √(j/(j+1))T_{j−1} + √(2/(j+1))φ_j(x), Φ likewise with −.
  const phiBase = m * size;
  const tBase = m * size;
  hermiteFunctionsAt(x, n, q, tBase); // φ_j(x), temporarily in the T column of Q
  const phiX = q.slice(tBase, tBase + n);
  p[phiBase] = 0.5 * C0 * erfc(-x * Math.SQRT1_2);
  q[tBase] = 0.5 * C0 * erfc(x * Math.SQRT1_2);
  if (n > 1) {
    p[phiBase + 1] = -Math.SQRT2 * phiX[0];
    q[tBase + 1] = Math.SQRT2 * phiX[0];
  }
  for (let j = 1; j + 1 < n; j++) {
    p[phiBase + j + 1] = d[j] * p[phiBase + j - 1] - a[j] * phiX[j];
    q[tBase + j + 1] = d[j] * q[tBase + j - 1] + a[j] * phiX[j];
  }
  if (odd) {
    p[phiBase + n] = -1; // Φ − e_N
    const tCopy = (m + 1) * size; // P column T, Q column e_N
    for (let i = 0; i < n; i++) p[tCopy + i] = q[tBase + i];
    q[tCopy + n] = 1;
  }
  // Y = −QᵀA⁻¹P (row-major r × r), so that I + Y = I − QᵀA⁻¹P.
  const y = new Float64Array(rank * rank);
  const work = new Float64Array(size);
  for (let l = 0; l < rank; l++) {
    applyInverse(p, l * size, n, work);
    for (let k = 0; k < rank; k++) {
      let s = 0;
      const qb = k * size;
      const pb = l * size;
      for (let i = 0; i < size; i++) s += q[qb + i] * p[pb + i];
      y[k * rank + l] = -s;
    }
  }
  const pivots = new Int32Array(rank);
  const logDet = luFactorIdentityPlus(y, rank, pivots);
  if (Number.isNaN(logDet)) return 0;
  return Math.min(1, Math.exp(0.5 * logDet));
}
