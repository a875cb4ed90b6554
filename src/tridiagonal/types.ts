/**
 * A real symmetric tridiagonal (Jacobi) matrix J of order n, stored as
 *   diagonal[i]   = J[i][i]                 (i = 0..n-1), the paper's a_{i+1}
 *   offDiagonalSquared[i] = J[i][i+1]^2    (i = 0..n-2), the paper's b_{i+1} > 0.
 * Storing the squares is natural here: the β-ensemble models draw b_n directly, and the
 * Sturm recurrence and the Pal–Walker–Kahan QL iteration only ever use e_i^2.
 */
export interface SymmetricTridiagonal {
  readonly diagonal: Float64Array;
  readonly offDiagonalSquared: Float64Array;
}
