import type { SymmetricTridiagonal } from "../tridiagonal/types.js";
import { checkAllFinite, checkSquare } from "./validate.js";

/**
 * Householder reduction of a real symmetric n×n matrix A (row-major, only the lower triangle
 * i ≥ j is read) to the symmetric tridiagonal T = QᵀAQ with the same eigenvalues:
 * for k = 0..n−3, H_k = I − τ v vᵀ maps A[k+1:, k] to ∓‖·‖e₁, and the trailing block is updated
 * by the symmetric rank-2 form A ← A − v wᵀ − w vᵀ, w = p − (τ/2)(pᵀv)v, p = τAv.
 * Returns diag(T) and T[k][k+1]² = ‖A[k+1:, k]‖². A is not modified. (4/3)n³ flops.
 * Reference: Golub & Van Loan, Matrix Computations, 4th ed., Alg. 8.3.1; LAPACK dsytd2.
 */
export function symmetricTridiagonalForm(n: number, a: Float64Array): SymmetricTridiagonal {
  checkSquare("symmetricTridiagonalForm", n, a);
  checkAllFinite("symmetricTridiagonalForm", a);
  const m = Float64Array.from(a);
  const diagonal = new Float64Array(n);
  const offDiagonalSquared = new Float64Array(Math.max(n - 1, 0));
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    diagonal[k] = m[k * n + k];
    // x = A[k+1:n, k], scaled by its largest entry to avoid overflow in the norm.
    let scale = 0;
    for (let i = k + 1; i < n; i++) scale = Math.max(scale, Math.abs(m[i * n + k]));
    if (scale === 0) continue; // column already reduced: T[k][k+1] = 0
    let tail = 0;
    for (let i = k + 2; i < n; i++) {
      const x = m[i * n + k] / scale;
      tail += x * x;
    }
    const x0 = m[(k + 1) * n + k] / scale;
    const normScaled = Math.sqrt(tail + x0 * x0);
    const norm = normScaled * scale;
    offDiagonalSquared[k] = norm * norm; // not norm ** 2: Math.pow is not exactly specified
    if (tail === 0) continue; // already tridiagonal in this column
    // v = x − α e₁ with α = −sign(x0)‖x‖ (no cancellation); τ = 2/‖v‖² = 1/(‖x‖(‖x‖ + |x0|)).
    const sign = x0 >= 0 ? 1 : -1;
    v[k + 1] = x0 + sign * normScaled;
    for (let i = k + 2; i < n; i++) v[i] = m[i * n + k] / scale;
    const tau = 1 / (normScaled * (normScaled + Math.abs(x0)));
    // p = τ A v on the trailing block (lower triangle only, row-contiguous).
    for (let i = k + 1; i < n; i++) p[i] = 0;
    for (let i = k + 1; i < n; i++) {
      const row = i * n;
      const vi = v[i];
      let sum = m[row + i] * vi;
      for (let j = k + 1; j < i; j++) {
        const aij = m[row + j];
        sum += aij * v[j];
        p[j] += aij * vi;
      }
      p[i] += sum;
    }
    let pv = 0;
    for (let i = k + 1; i < n; i++) {
      p[i] *= tau;
      pv += p[i] * v[i];
    }
    const half = 0.5 * tau * pv;
    for (let i = k + 1; i < n; i++) p[i] -= half * v[i]; // p becomes w
    for (let i = k + 1; i < n; i++) {
      const row = i * n;
      const vi = v[i];
      const wi = p[i];
      for (let j = k + 1; j <= i; j++) m[row + j] -= vi * p[j] + wi * v[j];
    }
  }
  if (n >= 2) {
    diagonal[n - 2] = m[(n - 2) * n + n - 2];
    const last = m[(n - 1) * n + n - 2];
    offDiagonalSquared[n - 2] = last * last;
  }
  if (n >= 1) diagonal[n - 1] = m[n * n - 1];
  return { diagonal, offDiagonalSquared };
}
