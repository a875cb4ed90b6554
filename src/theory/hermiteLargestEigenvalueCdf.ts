/**
 * Exact law of the largest eigenvalue of the finite-N Gaussian unitary ensemble: the β = 2
 * Hermite ensemble of docs/conventions.md with loc 0, scale 1, density ∝ Δ(x)² Π e^{−x_i²/2}.
 *
 * It is a determinantal point process with the Christoffel–Darboux kernel of the orthonormal
 * Hermite functions ψ_k(x) = e^{−x²/4} He_k(x)/√(√(2π) k!) (DLMF 18.3, 18.9.1 for He_k), so
 *   P(λ_max < x) = det(I − K_N)_{L²(x,∞)},   K_N(x, y) = Σ_{k<N} ψ_k(x)ψ_k(y)
 * (Gaudin–Mehta; Mehta, Random Matrices, 3rd ed., §5 and §6; Tracy–Widom 1994), evaluated by
 * Bornemann's Nyström method (F. Bornemann, Math. Comp. 79 (2010) 871–915).
 *
 * Kernel. With ψ = ψ_N and ψ′ = √N ψ_{N−1} − (x/2)ψ_N (the ladder relation He_k′ = k He_{k−1}),
 * the Christoffel–Darboux formula K_N = √N(ψ_N(x)ψ_{N−1}(y) − ψ_{N−1}(x)ψ_N(y))/(x − y)
 * (DLMF 18.2.12 with the recurrence x p_k = √(k+1) p_{k+1} + √k p_{k−1}) becomes
 *   K_N(x, y) = (ψ(x)ψ′(y) − ψ′(x)ψ(y))/(x − y) − ψ(x)ψ(y)/2,
 *   K_N(x, x) = ψ′(x)² + (N − x²/4)ψ(x)²          (Weber's equation ψ″ = (x²/4 − N − ½)ψ, DLMF 12.2.2).
 * Near the edge 2√N, ψ_N and ψ_{N−1} agree to O(N^{−1/3}); this form cancels that agreement once
 * per node (in ψ′) instead of once per matrix entry, and its diagonal has no cancellation at all
 * beyond the Airy-type one of Ai′² − sAi².
 *
 * Hermite functions: forward three-term recurrence √(k+1) ψ_{k+1} = x ψ_k − √k ψ_{k−1}
 * (DLMF 18.9.1 normalised), stable in this direction for x near and beyond the edge (ψ_k(x) grows
 * with k there, the dominant solution). It runs on p_k = ψ_k e^{x²/4}(2π)^{1/4}, rescaled by 2^{−600}
 * whenever it exceeds 2^{600}; the Gaussian factor, the normalisation and the 2^{600} powers are
 * combined at the end in double-double (x² split exactly by Dekker's product), so that the
 * cancellation of −x²/4 against log p_N (both ~N near the edge) costs no digits.
 */

import { gaussLegendre } from "../special/gaussLegendre.js";
import {
  RESCALE_BIG as BIG,
  rescaledLog,
  RESCALE_SMALL as SMALL,
  semicircleCountAbove,
  squareError,
} from "./edgeNumerics.js";
import { luFactorIdentityPlus, luSolve } from "./tracyWidomLinearAlgebra.js";

/** ln(2π)/4, the log of the normalisation (2π)^{1/4} of ψ_0. */
const QUARTER_LOG_TWO_PI = 0.4594692666023363;

/** Window of the truncated interval (a, b) in edge units σ = N^{−1/6} beyond the edge 2√N. */
const RIGHT_UNITS = 12;
/** Above x + TAIL_UNITS·σ the kernel is negligible once x is itself past the right window. */
const TAIL_UNITS = 4;
/**
 * Largest number of zeros of ψ_N above x for which the determinant is computed; beyond it,
 * ≳ MAX_ZEROS eigenvalues are expected above x and F < e^{−MAX_ZEROS}·(…) is far below 1e−17
 * (in the Airy regime this is s ≲ −23, where F₂(s) ≈ e^{−|s|³/12} < 1e−400): 0 is returned.
 */
const MAX_ZEROS = 40;
/** Largest N accepted: the cost is O(order·N) time and 16·N bytes of recurrence coefficients. */
const MAX_N = 1e7;

/** Recurrence coefficients for the last N used: c_k = 1/√(k+1), d_k = √(k/(k+1)), k < N. */
let cachedN = 0;
let coefficientC = new Float64Array(0);
let coefficientD = new Float64Array(0);

function recurrenceCoefficients(n: number): void {
  if (cachedN === n) return;
  coefficientC = new Float64Array(n);
  coefficientD = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    coefficientC[k] = 1 / Math.sqrt(k + 1);
    coefficientD[k] = Math.sqrt(k / (k + 1));
  }
  cachedN = n;
}

/**
 * ψ_N(x) and ψ_N′(x) at the m points x[0..m), ψ_k(x) = e^{−x²/4}He_k(x)/√(√(2π)k!) the orthonormal
 * Hermite functions of the weight e^{−x²/2} (DLMF 18.3, 18.9.1, 18.9.25), by the scaled forward
 * recurrence. Four points run interleaved (independent dependency chains, for speed); each
 * follows exactly the scalar recurrence. Needs recurrenceCoefficients(n) first.
 */
function hermiteFunctions(x: Float64Array, n: number, psi: Float64Array, dpsi: Float64Array): void {
  const m = x.length;
  const c = coefficientC;
  const d = coefficientD;
  const state = new Float64Array(8); // (p_N, p_{N−1}) per lane
  const exponents = new Int32Array(4);
  for (let start = 0; start < m; start += 4) {
    // Lanes past the end repeat the last point.
    const x0 = x[start];
    const x1 = x[Math.min(start + 1, m - 1)];
    const x2 = x[Math.min(start + 2, m - 1)];
    const x3 = x[Math.min(start + 3, m - 1)];
    let a0 = 1;
    let a1 = 1;
    let a2 = 1;
    let a3 = 1;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let b3 = 0;
    let e0 = 0;
    let e1 = 0;
    let e2 = 0;
    let e3 = 0;
    for (let k = 0; k < n; k++) {
      const ck = c[k];
      const dk = d[k];
      const n0 = x0 * ck * a0 - dk * b0;
      const n1 = x1 * ck * a1 - dk * b1;
      const n2 = x2 * ck * a2 - dk * b2;
      const n3 = x3 * ck * a3 - dk * b3;
      b0 = a0;
      b1 = a1;
      b2 = a2;
      b3 = a3;
      a0 = n0;
      a1 = n1;
      a2 = n2;
      a3 = n3;
      if (Math.abs(n0) + Math.abs(n1) + Math.abs(n2) + Math.abs(n3) > BIG) {
        if (Math.abs(a0) > BIG) {
          a0 *= SMALL;
          b0 *= SMALL;
          e0++;
        }
        if (Math.abs(a1) > BIG) {
          a1 *= SMALL;
          b1 *= SMALL;
          e1++;
        }
        if (Math.abs(a2) > BIG) {
          a2 *= SMALL;
          b2 *= SMALL;
          e2++;
        }
        if (Math.abs(a3) > BIG) {
          a3 *= SMALL;
          b3 *= SMALL;
          e3++;
        }
      }
    }
    state[0] = a0;
    state[1] = b0;
    state[2] = a1;
    state[3] = b1;
    state[4] = a2;
    state[5] = b2;
    state[6] = a3;
    state[7] = b3;
    exponents[0] = e0;
    exponents[1] = e1;
    exponents[2] = e2;
    exponents[3] = e3;
    const lanes = Math.min(4, m - start);
    for (let lane = 0; lane < lanes; lane++) {
      const xi = x[start + lane];
      const factor = Math.exp(hermiteLogScale(xi, exponents[lane]));
      const current = state[2 * lane];
      const previous = state[2 * lane + 1];
      psi[start + lane] = current * factor;
      dpsi[start + lane] = (Math.sqrt(n) * previous - 0.5 * xi * current) * factor;
    }
  }
}

/**
 * L = −x²/4 − ln(2π)/4 + 600·e·ln 2, the log of ψ_k/p_k after e rescalings, in double-double
 * (x² split exactly by Dekker's product, 600e·ln 2 likewise): near the edge −x²/4 and the log of
 * the recurrence value are both ~N and cancel, so each must be exact to far below 1 ulp of N.
 * Also used by the GSE law (gseLargestEigenvalueCdf.ts), whose recurrence is rescaled the same way.
 */
export function hermiteLogScale(x: number, exponent: number): number {
  const square = x * x;
  const squareLo = squareError(x, square); // x² = square + squareLo
  return rescaledLog(-0.25 * square, -0.25 * squareLo, exponent, -QUARTER_LOG_TWO_PI);
}

/**
 * Default Gauss–Legendre order for P(λ_max < x): 40 nodes for the Airy-like part of the kernel
 * at and right of the edge, plus 4 per zero of ψ_N in (x, ∞) to follow its oscillation (32 nodes
 * plus 3 per zero are already converged to rounding; the tests compare with 1.5× the order).
 */
export function gueLargestEigenvalueDefaultOrder(x: number, n: number): number {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`gueLargestEigenvalueDefaultOrder: n must be an integer >= 1, got ${n}`);
  }
  if (Number.isNaN(x)) {
    throw new RangeError("gueLargestEigenvalueDefaultOrder: x must be a number, got NaN");
  }
  return 40 + Math.ceil(4 * semicircleCountAbove(x, n, 2 * Math.sqrt(n)));
}

/**
 * P(λ_max < x) for the N-point GUE with density ∝ Δ(x)² Π e^{−x_i²/2} (β = 2 Hermite ensemble,
 * loc 0, scale 1): det(I − K_N) on L²(x, ∞), K_N the Hermite Christoffel–Darboux kernel, by the
 * Nyström method with `order` Gauss–Legendre nodes on the truncation (x, max(2√N + 12N^{−1/6},
 * x + 4N^{−1/6})) (Bornemann, Math. Comp. 79 (2010) 871–915; kernel: Mehta, Random Matrices §6).
 * (λ_max − 2√N)N^{1/6} → TW₂ (Tracy–Widom 1994). Absolute error (measured against 40-digit
 * references): ≤ 2e−15 for N ≤ 100, ~1e−14 at N = 1e4, ~2e−13 at N = 1e5 (rounding in the N-step
 * recurrence, growing like √N·ε); cost O(order·N + order³), ~50 ms at N = 1e6; N ≤ 1e7. Returns 0
 * where more than 40 zeros of ψ_N lie above x (F < 1e−17 there).
 */
export function gueLargestEigenvalueCdf(x: number, n: number, order?: number): number {
  const { logCdf } = logCdfAndDerivative(x, n, order, false, "gueLargestEigenvalueCdf");
  return logCdf === Number.NEGATIVE_INFINITY ? 0 : Math.min(1, Math.exp(logCdf));
}

/**
 * The density of λ_max of the N-point GUE: F′(x) = F(x)·R(x, x), R = K(I − K)⁻¹ the resolvent
 * kernel of K_N on L²(x, ∞) at the end point (d/dx log det(I − K_{(x,∞)}) = R(x, x), e.g.
 * Tracy–Widom 1994 §I), from the same Nyström matrix with one more solve — not a difference
 * quotient. Same arguments, accuracy and cost as gueLargestEigenvalueCdf.
 */
export function gueLargestEigenvaluePdf(x: number, n: number, order?: number): number {
  const { logCdf, dLogCdf } = logCdfAndDerivative(x, n, order, true, "gueLargestEigenvaluePdf");
  if (logCdf === Number.NEGATIVE_INFINITY || !(dLogCdf > 0)) return 0;
  return Math.exp(logCdf) * dLogCdf;
}

function logCdfAndDerivative(
  x: number,
  n: number,
  order: number | undefined,
  derivative: boolean,
  caller: string,
): { logCdf: number; dLogCdf: number } {
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_N)) {
    throw new RangeError(
      `${caller}: n must be an integer in [1, 1e7], got ${n} (for larger n use Tracy–Widom F₂, see docs/edge-limit)`,
    );
  }
  if (Number.isNaN(x)) throw new RangeError(`${caller}: x must be a number, got NaN`);
  if (order !== undefined && !(Number.isInteger(order) && order >= 2)) {
    throw new RangeError(`${caller}: order must be an integer >= 2, got ${order}`);
  }
  const none = { logCdf: Number.NEGATIVE_INFINITY, dLogCdf: 0 };
  if (x === Number.POSITIVE_INFINITY) return { logCdf: 0, dLogCdf: 0 };
  if (x === Number.NEGATIVE_INFINITY) return none;
  const edge = 2 * Math.sqrt(n);
  const sigma = n ** (-1 / 6);
  // Left clip: below −(edge + 12σ) the kernel is negligible (the ensemble is symmetric), and
  // F(x) ≤ P(λ_min < x) = 1 − F(−x) is itself negligible there.
  const lower = Math.max(x, -(edge + RIGHT_UNITS * sigma));
  if (semicircleCountAbove(lower, n, 2 * Math.sqrt(n)) > MAX_ZEROS) return none;
  const upper = Math.max(edge + RIGHT_UNITS * sigma, lower + TAIL_UNITS * sigma);
  const m = order ?? gueLargestEigenvalueDefaultOrder(lower, n);
  recurrenceCoefficients(n);
  const { nodes, weights } = gaussLegendre(m);
  const half = (upper - lower) / 2;
  // Nodes t_0 … t_{m−1}, and for the derivative the end point x as t_m.
  const points = derivative ? m + 1 : m;
  const t = new Float64Array(points);
  const psi = new Float64Array(points); // √w_i ψ(t_i) (unweighted at t_m)
  const dpsi = new Float64Array(points); // √w_i ψ′(t_i)
  for (let i = 0; i < m; i++) t[i] = lower + half * (nodes[i] + 1);
  if (derivative) t[m] = lower;
  hermiteFunctions(t, n, psi, dpsi);
  for (let i = 0; i < m; i++) {
    const root = Math.sqrt(half * weights[i]);
    psi[i] *= root;
    dpsi[i] *= root;
  }
  // y = −W^{1/2} K W^{1/2}, so that I + y is the Nyström matrix of I − K.
  const y = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const ti = t[i];
    const pi = psi[i];
    const qi = dpsi[i];
    y[i * m + i] = -(qi * qi + (n - 0.25 * ti * ti) * pi * pi);
    for (let j = 0; j < i; j++) {
      const k = (pi * dpsi[j] - qi * psi[j]) / (ti - t[j]) - 0.5 * pi * psi[j];
      y[i * m + j] = -k;
      y[j * m + i] = -k;
    }
  }
  const pivots = new Int32Array(m);
  const logDet = luFactorIdentityPlus(y, m, pivots);
  if (Number.isNaN(logDet)) return none;
  if (!derivative || lower > x) return { logCdf: logDet, dLogCdf: 0 };
  // R(x, x) = K(x, x) + Σ_j K(x, t_j) w_j u(t_j), (I − K)u = K(·, x) (Nyström interpolation).
  const px = psi[m];
  const qx = dpsi[m];
  const b = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    b[j] = (psi[j] * qx - dpsi[j] * px) / (t[j] - lower) - 0.5 * psi[j] * px;
  }
  const u = b.slice();
  luSolve(y, m, pivots, u);
  let r = qx * qx + (n - 0.25 * lower * lower) * px * px;
  for (let j = 0; j < m; j++) r += b[j] * u[j];
  return { logCdf: logDet, dLogCdf: r };
}
