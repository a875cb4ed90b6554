/**
 * The finite Hankel transform V_a(X) and the Fredholm determinants built from it — one engine for
 * the bulk (sine-kernel) laws of β = 1, 2, 4 and the hard-edge laws.
 *
 * V_a(X) is the operator on L²(0, 1) with the symmetric kernel
 *   V(u, v) = √X·√(uv)·J_a(√X·uv) = X^{(a+1)/2} (uv)^{a+1/2} Ĵ_a(√X·uv),   a > −1,
 * (Ĵ_a(z) = z^{−a}J_a(z), special/besselSeries.ts). Its square is the Bessel kernel of the hard
 * edge, K_a(x, y) = ¼∫₀¹ J_a(√(xt))J_a(√(yt))dt on (0, X) (Tracy & Widom, Commun. Math. Phys.
 * 161 (1994) 289–309, eq. (1.7)), transported to (0, 1) by x = Xu² — so
 *   E₂^hard(0; X; a) = det(I − K_a)_{L²(0,X)} = det(I − V_a²) = det(I − V_a)·det(I + V_a),
 * the probability that the hard-edge scaled Laguerre unitary ensemble (weight x^a e^{−x}, scaling
 * x ↦ 4Nx) has no eigenvalue in (0, X). The two factors are the orthogonal and symplectic
 * hard-edge laws (Forrester, Nonlinearity 19 (2006) 2989–3002; Desrosiers & Forrester,
 * math-ph/0604027: E₁^hard(0; X; (a−1)/2) = det(I − V_a), E₄^hard = ½[det(I − V_a) + det(I + V_a)]).
 * For a = ∓½, V_a² are the even and odd sine kernels S(x − y) ± S(x + y) on (0, s/2),
 * S(t) = sin(πt)/(πt), with X = (πs/2)² (J_{∓1/2} are cos and sin): this is how the bulk gap
 * probabilities of β = 1, 2, 4 are computed (gapProbabilities.ts).
 *
 * Discretisation (Bornemann, Math. Comp. 79 (2010) 871–915): Nyström with the m-point Gauss–Jacobi
 * rule (u_j, ω_j) for the weight u^{2a+1} on (0, 1), which absorbs the factor (uv)^{a+1/2} so that
 * the remaining kernel Ĵ_a(√X u v) is entire and the method converges exponentially in m for every
 * a > −1:  A_jk = √(ω_j ω_k) X^{(a+1)/2} Ĵ_a(√X u_j u_k). X-derivatives of the determinants come
 * from Jacobi's formula with the exact derivative matrices ∂_X A, ∂²_X A (term by term in the
 * series), never from finite differences:
 *   (log det M)′ = tr(M⁻¹M′),  (log det M)″ = tr(M⁻¹M″) − tr((M⁻¹M′)²).
 * det(I − V²) is factored from I − A² itself (the LU keeps log det relative to its size when
 * A² is small, i.e. the small-X tail of the laws keeps its relative accuracy).
 */

import { symmetricEigenvalues } from "../dense/symmetricEigenvalues.js";
import {
  BESSEL_SERIES_MAX_W,
  besselEntireSeriesUnchecked,
  besselSeriesPrefactor,
} from "../special/besselSeries.js";
import { detExp, detLog } from "../special/deterministicMath.js";
import { gaussJacobiUnit } from "./gaussJacobi.js";
import { luFactorIdentityPlus, luSolve, matrixProduct } from "./tracyWidomLinearAlgebra.js";

/** Largest X for which the Nyström matrices can be formed (z = √X·uv ≤ 40 in the series). */
export const BESSEL_HANKEL_MAX_X = BESSEL_SERIES_MAX_W;

/** log det and its first two X-derivatives. */
export interface LogDeterminant {
  value: number;
  d1: number;
  d2: number;
}

/**
 * Default Nyström order: 24 + ⌈0.75·√X⌉ + ⌈a⌉₊. The tests check that doubling it changes the
 * determinants and their derivatives only at rounding level over the supported range.
 */
export function besselHankelOrder(a: number, x: number): number {
  return 24 + Math.ceil(0.75 * Math.sqrt(x)) + Math.max(0, Math.ceil(a));
}

/** Nyström matrices of V_a(X): A and, if asked, ∂_X A and ∂²_X A (row-major m×m, symmetric). */
export interface BesselHankelMatrices {
  m: number;
  matrix: Float64Array;
  d1?: Float64Array;
  d2?: Float64Array;
}

/** Checks a > −1 and 0 ≤ X ≤ BESSEL_HANKEL_MAX_X. */
function checkArguments(a: number, x: number): void {
  if (!(a > -1 && Number.isFinite(a))) throw new RangeError(`order a must be > −1, got ${a}`);
  if (!(x >= 0 && x <= BESSEL_HANKEL_MAX_X)) {
    throw new RangeError(`X must be in [0, ${BESSEL_HANKEL_MAX_X}], got ${x}`);
  }
}

/** The Nyström matrices of V_a(X) with m nodes (derivatives: 0, 1 or 2 of them). */
export function besselHankelMatrices(
  a: number,
  x: number,
  m = besselHankelOrder(a, x),
  derivatives: 0 | 1 | 2 = 0,
): BesselHankelMatrices {
  checkArguments(a, x);
  const { nodes, weights } = gaussJacobiUnit(m, 2 * a + 1);
  const matrix = new Float64Array(m * m);
  const d1 = derivatives >= 1 ? new Float64Array(m * m) : undefined;
  const d2 = derivatives >= 2 ? new Float64Array(m * m) : undefined;
  if (x === 0) {
    // V(0) = 0; its X-derivatives are singular or zero there and are not formed.
    d1?.fill(Number.NaN);
    d2?.fill(Number.NaN);
    return { m, matrix, d1, d2 };
  }
  const prefactor = besselSeriesPrefactor(a);
  const logX = detLog(x);
  // The prefactors 2^{−a}Γ(a+1)⁻¹ X^{(a+1)/2}, X^{(a−1)/2}, X^{(a−3)/2}.
  const p0 = prefactor * detExp(((a + 1) / 2) * logX);
  const p1 = prefactor * detExp(((a - 1) / 2) * logX);
  const p2 = prefactor * detExp(((a - 3) / 2) * logX);
  const root = new Float64Array(m);
  const squares = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    root[j] = Math.sqrt(weights[j]);
    squares[j] = nodes[j] * nodes[j];
  }
  const g = new Float64Array(3);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k <= j; k++) {
      besselEntireSeriesUnchecked(a, x * squares[j] * squares[k], g);
      const w = root[j] * root[k];
      matrix[j * m + k] = matrix[k * m + j] = w * p0 * g[0];
      if (d1) d1[j * m + k] = d1[k * m + j] = w * p1 * g[1];
      if (d2) d2[j * m + k] = d2[k * m + j] = w * p2 * g[2];
    }
  }
  return { m, matrix, d1, d2 };
}

/** The eigenvalues ν_i of V_a(X), ascending (real, |ν_i| < 1; the Nyström approximation). */
export function besselHankelEigenvalues(
  a: number,
  x: number,
  m = besselHankelOrder(a, x),
): Float64Array {
  const { matrix } = besselHankelMatrices(a, x, m, 0);
  return symmetricEigenvalues(m, matrix);
}

/**
 * log det(I − V_a(X)²) = log E₂^hard(0; X; a) and its first two X-derivatives (see the module
 * comment). X in (0, BESSEL_HANKEL_MAX_X]; value = 0, derivatives as X → 0⁺ limits are not
 * provided at X = 0 (NaN) except when they vanish.
 */
export function besselGapLogDeterminant(
  a: number,
  x: number,
  m = besselHankelOrder(a, x),
): LogDeterminant {
  checkArguments(a, x);
  if (x === 0) return { value: 0, d1: Number.NaN, d2: Number.NaN };
  const {
    matrix: A,
    d1: A1,
    d2: A2,
  } = besselHankelMatrices(a, x, m, 2) as Required<BesselHankelMatrices>;
  const mm = m * m;
  const B = new Float64Array(mm);
  matrixProduct(A, A, B, m);
  // B₁ = A₁A + AA₁ = C + Cᵀ with C = A₁A; B₂ = A₂A + AA₂ + 2A₁² = D + Dᵀ + 2A₁².
  const C = new Float64Array(mm);
  matrixProduct(A1, A, C, m);
  const B1 = new Float64Array(mm);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) B1[i * m + j] = C[i * m + j] + C[j * m + i];
  const D = new Float64Array(mm);
  matrixProduct(A2, A, D, m);
  const E = new Float64Array(mm);
  matrixProduct(A1, A1, E, m);
  const B2 = new Float64Array(mm);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) B2[i * m + j] = D[i * m + j] + D[j * m + i] + 2 * E[i * m + j];
  }
  // M = I − B: factor I + (−B).
  const lu = new Float64Array(mm);
  for (let i = 0; i < mm; i++) lu[i] = -B[i];
  const pivots = new Int32Array(m);
  const value = luFactorIdentityPlus(lu, m, pivots);
  // Y = M⁻¹B₁ (column by column), Z = M⁻¹B₂ diagonal only.
  const Y = solveColumns(lu, m, pivots, B1);
  const Z = solveColumns(lu, m, pivots, B2);
  let trY = 0;
  let trZ = 0;
  let trY2 = 0;
  for (let i = 0; i < m; i++) {
    trY += Y[i * m + i];
    trZ += Z[i * m + i];
    for (let j = 0; j < m; j++) trY2 += Y[i * m + j] * Y[j * m + i];
  }
  // M′ = −B₁, M″ = −B₂:  L′ = −tr(M⁻¹B₁),  L″ = −tr(M⁻¹B₂) − tr((M⁻¹B₁)²).
  return { value, d1: -trY, d2: -trZ - trY2 };
}

/**
 * log det(I − V_a(X)) and log det(I + V_a(X)) with their first two X-derivatives: the hard-edge
 * laws of β = 1 and 4 (module comment). X in (0, BESSEL_HANKEL_MAX_X].
 */
export function besselSignedLogDeterminants(
  a: number,
  x: number,
  m = besselHankelOrder(a, x),
): { minus: LogDeterminant; plus: LogDeterminant } {
  checkArguments(a, x);
  if (x === 0) {
    const zero = { value: 0, d1: Number.NaN, d2: Number.NaN };
    return { minus: zero, plus: { ...zero } };
  }
  const {
    matrix: A,
    d1: A1,
    d2: A2,
  } = besselHankelMatrices(a, x, m, 2) as Required<BesselHankelMatrices>;
  const result = (sigma: 1 | -1): LogDeterminant => {
    const mm = m * m;
    const lu = new Float64Array(mm);
    for (let i = 0; i < mm; i++) lu[i] = -sigma * A[i];
    const pivots = new Int32Array(m);
    const value = luFactorIdentityPlus(lu, m, pivots);
    const Y = solveColumns(lu, m, pivots, A1);
    const Z = solveColumns(lu, m, pivots, A2);
    let trY = 0;
    let trZ = 0;
    let trY2 = 0;
    for (let i = 0; i < m; i++) {
      trY += Y[i * m + i];
      trZ += Z[i * m + i];
      for (let j = 0; j < m; j++) trY2 += Y[i * m + j] * Y[j * m + i];
    }
    // M = I − σA:  L′ = −σ tr(M⁻¹A₁),  L″ = −σ tr(M⁻¹A₂) − tr((M⁻¹A₁)²).
    return { value, d1: -sigma * trY, d2: -sigma * trZ - trY2 };
  };
  return { minus: result(1), plus: result(-1) };
}

/** M⁻¹R for the LU factors of M (luFactorIdentityPlus), R row-major m×m; returns a new matrix. */
function solveColumns(
  lu: Float64Array,
  m: number,
  pivots: Int32Array,
  r: Float64Array,
): Float64Array {
  const out = new Float64Array(m * m);
  const column = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < m; i++) column[i] = r[i * m + j];
    luSolve(lu, m, pivots, column);
    for (let i = 0; i < m; i++) out[i * m + j] = column[i];
  }
  return out;
}
