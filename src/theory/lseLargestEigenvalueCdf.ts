/**
 * Exact law of the largest eigenvalue of the finite-N Laguerre symplectic ensemble: the β = 4
 * Laguerre ensemble of docs/conventions.md with shape k > 0 and scale θ = 1, density
 * ∝ |Δ(x)|⁴ Π x_i^α e^{−x_i} on (0, ∞), α = k − 1 > −1 (quaternion Wishart N×M with the
 * project's θ = 2 has k = 2(M − N + 1); rescale x by θ). λ_max ≈ center + scale·TW₄ with center,
 * scale of edgeScaling("laguerre", N, 4, {shape: k, scale: 1}), TW₄ in the β-ensemble convention.
 *
 * Pfaffian. By de Bruijn's integration formula (de Bruijn, J. Indian Math. Soc. 19 (1955) 133–151;
 * Mehta, Random Matrices, 3rd ed., §7.1), for polynomials p_j of exact degree j (any leading
 * coefficients: they cancel in the ratio) and any interval J,
 *   ∫_{J^N} |Δ(x)|⁴ Π w(x_i) dx ∝ Pf[∫_J (p_i p_j′ − p_j p_i′) w]_{i,j<2N},
 * and with g_j = p_j √w, G_j = p_j′ √w the integrand is g_i G_j − g_j G_i. So
 *   P(λ_max < s) = Pf C((0, s)) / Pf C((0, ∞)),   C(J)_ij = ∫_J (g_i G_j − g_j G_i).
 * Basis. In the orthonormal Laguerre basis the matrix C((0, ∞)) = C∞ is dense
 * (∫ w L_i^{(α)} (L_j^{(α)})′ = −h_i for i < j, h_i = Γ(i+α+1)/i!, from (L_j^{(α)})′ = −Σ_{i<j} L_i^{(α)},
 * DLMF 18.9.23 and 18.18.37 with 18.9.5), C∞_ij = −√(h_i/h_j), i < j. Its inverse is dense too, but
 * C∞ = B⁻ᵀ T B⁻¹ with B the unit bidiagonal of L_j^{(α−1)} = L_j^{(α)} − L_{j−1}^{(α)} (DLMF 18.9.5)
 * and T tridiagonal. So take instead p_j = (−1)^j √(j!/Γ(j+α+1)) L_j^{(α−1)}: with the orthonormal
 * Q_j = (−1)^j √(j!/Γ(j+α+1)) L_j^{(α)} and ρ_j = √(j/(j+α)),
 *   p_j = Q_j + ρ_j Q_{j−1},   p_j′ = ρ_j Q_{j−1}   ((L_j^{(α−1)})′ = −L_{j−1}^{(α)}, DLMF 18.9.23),
 * and by orthonormality C∞ is tridiagonal: C∞_{j,j+1} = −C∞_{j+1,j} = ρ_{j+1} (the diagonal
 * contributions ∫ w p_j p_j′ cancel). Right of the largest zero Q_j and Q_{j−1} have the same sign, so
 * p_j is a sum without cancellation there.
 *
 * Fredholm form (as gseLargestEigenvalueCdf). C((0, s)) = C∞ − R, R = ∫_s^∞ (g Gᵀ − G gᵀ); with m
 * Gauss–Legendre nodes t_q and weights w_q on a truncation of (s, ∞), R = Y J Yᵀ, Y = [U V]
 * (U = √w_q g(t_q), V = √w_q G(t_q)) and J = [[0, I], [−I, 0]], so by Sylvester's identity
 *   F(s)² = det(I_{2N} − C∞⁻¹R) = det(I_{2m} − J·G),   G = Yᵀ C∞⁻¹ Y  (antisymmetric, 2m × 2m)
 * (Nyström method: F. Bornemann, Math. Comp. 79 (2010) 871–915). C∞⁻¹ is applied by two-term
 * recurrences, odd entries forward z_{2i+1} = (b_{2i} + ρ_{2i} z_{2i−1})/ρ_{2i+1}, even entries
 * backward z_{2i} = (ρ_{2i+2} z_{2i+2} − b_{2i+1})/ρ_{2i+1} (z_{2N} = 0); ρ_j is monotone in j, so
 * products of the multipliers stay within max(√(1+α), 1/√(1+α)).
 *
 * The Q_j(t) are computed by the forward recurrence b_{j+1}Q_{j+1} = (t − (2j+α+1))Q_j − b_jQ_{j−1},
 * b_j = √(j(j+α)) (DLMF 18.9.13), rescaled by 2^{−600} as needed (as lueLargestEigenvalueCdf); the
 * weight t^{α/2}e^{−t/2}/√Γ(α+1) (in Temme's form for α ≥ 10) and the 2^{600} powers are one
 * logarithm per rescaling (a common factor of the node's row and column of G); −t/2 and the powers
 * of 2^{600}, each ~4N near the edge, are combined exactly for α < 10 (halfLogWeight).
 * The nodes are Gauss–Legendre in log t, for every α: the t^α factor of the integrand becomes entire
 * in log t (for x ≪ μ and non-integer α plain Gauss–Legendre in t converges slowly: 3e−10 at
 * N = 1, k = 3.7, x = 0.26, default order), and near the edge log t is nearly linear in t.
 */

import { gaussLegendre } from "../special/gaussLegendre.js";
import { logGamma, logGammaStirlingCorrection, xMinusLog1p } from "../special/logGamma.js";
import { regularizedGammaP } from "../special/regularizedGamma.js";
import {
  RESCALE_BIG as BIG,
  marchenkoPasturCountAbove,
  RESCALE_SMALL as SMALL,
  symplecticNystromCdf,
} from "./edgeNumerics.js";
import { edgeScaling } from "./edgeScaling.js";

/** 600·log 2 = LOG_BIG_HI + LOG_BIG_LO, HI with 30 fraction bits (exponent·HI exact for exponent < 2^14). */
const LOG_BIG_HI = 415.88830833602697;
const LOG_BIG_LO = -5.978092146858845e-11;
/** Right end of the truncation in edge units σ beyond the edge μ of edgeScaling. */
const RIGHT_UNITS = 14;
/** Above x + TAIL_UNITS·σ the integrand is negligible once x is itself past the right window. */
const TAIL_UNITS = 6;
/**
 * Largest number of zeros of L_{2N}^{(α)} above x for which the determinant is computed; beyond it
 * 0 is returned. Measured over N = 4 … 3000, k = 0.05 … 10⁴: F ≤ 3e−89 at 20 zeros, ≤ 2e−33 at
 * 10, ≤ 2e−12 at 6 (the cost is 4 nodes per zero: the margin is cheap).
 */
const MAX_ZEROS = 20;
/** F is returned as 0 where the trace bound P(Σλ_i < Nx) is below this. */
const TRACE_BOUND = 1e-17;
/** Largest N accepted: the cost is O(order²·N) time and 64·order·N bytes (Y and C∞⁻¹Y). */
const MAX_N = 20000;

/**
 * Centre and scale of λ_max: edgeScaling("laguerre", N, 4, {shape: k, scale: 1}), i.e.
 * 2(√M′ + √N′)² and 2(√M′ + √N′)(1/√M′ + 1/√N′)^{1/3}, M′ = k/2 + N − 3/4, N′ = N + 1/4; the same
 * formula at N = 1 (where edgeScaling requires N ≥ 2).
 */
export function lseEdge(n: number, k: number): { center: number; scale: number } {
  if (n >= 2) {
    const { center, scale } = edgeScaling("laguerre", n, 4, { shape: k, scale: 1 });
    return { center, scale };
  }
  const a = Math.sqrt(k / 2 + n - 0.75);
  const b = Math.sqrt(n + 0.25);
  return { center: 2 * (a + b) * (a + b), scale: 2 * (a + b) * Math.cbrt(1 / a + 1 / b) };
}

function checkArguments(x: number, n: number, k: number, caller: string): void {
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_N)) {
    throw new RangeError(`${caller}: n must be an integer in [1, ${MAX_N}], got ${n}`);
  }
  if (!(k > 0 && Number.isFinite(k))) {
    throw new RangeError(`${caller}: k must be a finite number > 0, got ${k}`);
  }
  if (Number.isNaN(x)) throw new RangeError(`${caller}: x must be a number, got NaN`);
}

/**
 * Default Gauss–Legendre order for P(λ_max < x): 48 nodes for the Airy-like part at and right of
 * the edge, plus 4 per zero of L_{2N}^{(α)} in (x, ∞), plus 3 per edge unit σ of the window beyond
 * 20 (small N, where (x, ∞) is many σ wide). The tests compare with 1.5× the order.
 */
export function lseLargestEigenvalueDefaultOrder(x: number, n: number, k: number): number {
  checkArguments(x, n, k, "lseLargestEigenvalueDefaultOrder");
  const alpha = k - 1;
  const { center, scale } = lseEdge(n, k);
  const lower = Math.max(x, 0);
  const units = Math.max(center + RIGHT_UNITS * scale - lower, TAIL_UNITS * scale) / scale;
  return (
    48 +
    Math.ceil(
      4 * marchenkoPasturCountAbove(lower, 2 * n, Math.max(2 * n + alpha, 2 * n), 2 * n) +
        3 * Math.max(0, units - 20),
    )
  );
}

/**
 * ½ log(t^α e^{−t}/Γ(α+1)) = head + tail. α < 10: head = −t/2 (exact, so that it cancels exactly
 * against the rescaling exponent·LOG_BIG_HI of basisAt near the edge), tail = ½α log t − ½ log Γ(α+1)
 * (halfLogGamma). α ≥ 10: head in Temme's form −½α·φ((t − α)/α) − ¼ log(2πα) − ½c(α),
 * φ(u) = u − log(1 + u), c the Stirling remainder (DLMF 5.11.1, 8.12.1: α log t, t and log Γ(α+1)
 * would cancel, each ~α log α), tail = 0.
 */
function halfLogWeight(
  t: number,
  alpha: number,
  halfLogGamma: number,
): { head: number; tail: number } {
  if (alpha < 10) return { head: -0.5 * t, tail: 0.5 * alpha * Math.log(t) - halfLogGamma };
  const head =
    -0.5 * alpha * xMinusLog1p((t - alpha) / alpha) -
    0.25 * Math.log(2 * Math.PI * alpha) -
    0.5 * logGammaStirlingCorrection(alpha);
  return { head, tail: 0 };
}

/**
 * g_j(t) = √w p_j(t) into out[0..P) and G_j(t) = √w p_j′(t) into dout[0..P), P = 2N (module
 * comment: p_j = Q_j + ρ_jQ_{j−1}, p_j′ = ρ_jQ_{j−1}, Q_j by the scaled forward recurrence).
 */
function basisAt(
  t: number,
  size: number,
  alpha: number,
  halfLogGamma: number,
  rho: Float64Array,
  b: Float64Array,
  out: Float64Array,
  dout: Float64Array,
): void {
  const { head, tail } = halfLogWeight(t, alpha, halfLogGamma); // log(t^{α/2}e^{−t/2}/√Γ(α+1))
  let current = 1; // Q_j (scaled)
  let previous = 0; // Q_{j−1} (scaled)
  let factor = Math.exp(head + tail);
  let exponent = 0;
  for (let j = 0; j < size; j++) {
    const q = current * factor;
    const qPrevious = rho[j] * previous * factor;
    out[j] = q + qPrevious; // √w (Q_j + ρ_j Q_{j−1})
    dout[j] = qPrevious; // √w ρ_j Q_{j−1}
    // b_{j+1}Q_{j+1} = (t − (2j+α+1))Q_j − b_jQ_{j−1} (DLMF 18.9.13, orthonormal form).
    const next = ((t - (2 * j + alpha + 1)) * current - b[j] * previous) / b[j + 1];
    previous = current;
    current = next;
    if (Math.abs(current) > BIG) {
      current *= SMALL;
      previous *= SMALL;
      exponent++;
      // head + exponent·HI first: near the edge the two nearly cancel, exactly (Sterbenz).
      factor = Math.exp(head + exponent * LOG_BIG_HI + (exponent * LOG_BIG_LO + tail));
    }
  }
}

/**
 * z = C∞⁻¹b for the tridiagonal C∞ of size P = 2N, C∞_{j,j+1} = ρ_{j+1} (module comment):
 * rows 2i give z_{2i+1} forward, rows 2i+1 give z_{2i} backward.
 */
function applyInverse(
  b: Float64Array,
  offset: number,
  size: number,
  rho: Float64Array,
  z: Float64Array,
): void {
  let odd = 0; // z_{2i−1}
  for (let i = 0; 2 * i + 1 < size; i++) {
    // Row 2i: −ρ_{2i} z_{2i−1} + ρ_{2i+1} z_{2i+1} = b_{2i}.
    odd = (b[offset + 2 * i] + rho[2 * i] * odd) / rho[2 * i + 1];
    z[offset + 2 * i + 1] = odd;
  }
  let even = 0; // z_{2i+2}
  for (let i = size / 2 - 1; i >= 0; i--) {
    // Row 2i+1: −ρ_{2i+1} z_{2i} + ρ_{2i+2} z_{2i+2} = b_{2i+1} (ρ_{2N} term absent: z_{2N} = 0).
    even = (rho[2 * i + 2] * even - b[offset + 2 * i + 1]) / rho[2 * i + 1];
    z[offset + 2 * i] = even;
  }
}

/**
 * P(λ_max < x) for the N-point Laguerre symplectic ensemble with density
 * ∝ |Δ(x)|⁴ Π x_i^{k−1} e^{−x_i} on (0, ∞) (β = 4 Laguerre, shape k > 0, scale 1), 1 ≤ N ≤ 20000:
 * the Pfaffian ratio of the module comment, as the square root of a 2·order-dimensional determinant
 * over `order` Gauss–Legendre nodes in log t on (x, max(μ + 14σ, x + 6σ)), μ, σ of
 * lseEdge. Cost O(order²·N). Returns 0 for x ≤ 0, where more than 20 zeros of L_{2N}^{(k−1)}
 * lie above x (F < 1e−88 there), where the trace bound P(Σλ_i < Nx) is below 1e−17, and where
 * rounding makes the determinant F² non-positive (F ≲ 1e−30). (λ_max − μ)/σ → TW₄ (β-ensemble
 * convention).
 */
export function lseLargestEigenvalueCdf(x: number, n: number, k: number, order?: number): number {
  checkArguments(x, n, k, "lseLargestEigenvalueCdf");
  if (order !== undefined && !(Number.isInteger(order) && order >= 2)) {
    throw new RangeError(`lseLargestEigenvalueCdf: order must be an integer >= 2, got ${order}`);
  }
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  const alpha = k - 1;
  const size = 2 * n;
  if (marchenkoPasturCountAbove(x, size, Math.max(size + alpha, size), size) > MAX_ZEROS) return 0;
  // λ_max < x implies Σλ_i < Nx, and Σλ_i ~ Gamma(Nk + 2N(N − 1), 1) (the density is homogeneous
  // of that degree − N): below 1e−17 F is negligible (this also keeps x ≪ μ out of the log map).
  if (regularizedGammaP(n * k + 2 * n * (n - 1), n * x) < TRACE_BOUND) return 0;
  const { center, scale } = lseEdge(n, k);
  const lower = x;
  const upper = Math.max(center + RIGHT_UNITS * scale, lower + TAIL_UNITS * scale);
  const m = order ?? lseLargestEigenvalueDefaultOrder(lower, n, k);
  const { nodes, weights } = gaussLegendre(m);
  // t = e^v, v Gauss–Legendre on (log x, log upper), dt = t dv: the t^α factor becomes e^{αv}.
  const from = Math.log(lower);
  const half = (Math.log(upper) - from) / 2;
  const halfLogGamma = 0.5 * logGamma(alpha + 1);
  // Y = [U V] as 2m vectors of length P: y[q·P + j], q < m: √w_q g_j(t_q); q ≥ m: √w G_j.
  // ρ_j = √(j/(j+α)) (ρ_0 = 0, and ρ_P = 0: no row beyond 2N − 1) and b_j = √(j(j+α)), once per call.
  const rho = new Float64Array(size + 1);
  const bj = new Float64Array(size + 1);
  for (let j = 1; j <= size; j++) {
    rho[j] = Math.sqrt(j / (j + alpha));
    bj[j] = Math.sqrt(j * (j + alpha));
  }
  rho[size] = 0;
  const y = new Float64Array(2 * m * size);
  const g = new Float64Array(size);
  const dg = new Float64Array(size);
  for (let q = 0; q < m; q++) {
    const v = from + half * (nodes[q] + 1);
    const t = Math.exp(v);
    basisAt(t, size, alpha, halfLogGamma, rho, bj, g, dg);
    const root = Math.sqrt(half * weights[q] * t);
    const base = q * size;
    const dbase = (m + q) * size;
    for (let j = 0; j < size; j++) {
      y[base + j] = root * g[j];
      y[dbase + j] = root * dg[j];
    }
  }
  const z = new Float64Array(2 * m * size);
  for (let a = 0; a < 2 * m; a++) applyInverse(y, a * size, size, rho, z);
  return symplecticNystromCdf(y, z, m, size);
}
