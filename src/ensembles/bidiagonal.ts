import type { SymmetricTridiagonal } from "../tridiagonal/types.js";

/**
 * A lower bidiagonal matrix B in squared form: q[i] = B[i][i]² (length n), e[i] = B[i+1][i]²
 * (length n−1). The Laguerre and Jacobi models are naturally of this form: (q, e) = (ξ_odd, ξ_even)
 * and J = B Bᵀ (docs/theory.md §2.4–2.5).
 */
export interface SquaredBidiagonal {
  readonly q: Float64Array;
  readonly e: Float64Array;
}

/**
 * The Jacobi matrix J = B Bᵀ of a squared bidiagonal: a_1 = q_1, a_n = e_{n−1} + q_n,
 * b_n = q_n e_n (i.e. a_n = ξ_{2n−2} + ξ_{2n−1}, b_n = ξ_{2n−1} ξ_{2n}; docs/theory.md §2.4).
 */
export function bidiagonalToTridiagonal(bidiagonal: SquaredBidiagonal): SymmetricTridiagonal {
  const { q, e } = bidiagonal;
  const n = q.length;
  const diagonal = new Float64Array(n);
  const offDiagonalSquared = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) {
    diagonal[i] = (i > 0 ? e[i - 1] : 0) + q[i];
    if (i < n - 1) offDiagonalSquared[i] = q[i] * e[i];
  }
  return { diagonal, offDiagonalSquared };
}
