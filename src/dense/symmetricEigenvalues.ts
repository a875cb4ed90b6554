import { tridiagonalEigenvalues } from "../tridiagonal/eigenvalues.js";
import { symmetricTridiagonalForm } from "./symmetricTridiagonalForm.js";

/**
 * All eigenvalues, ascending, of a real symmetric n×n matrix (row-major, lower triangle read):
 * Householder tridiagonalisation, then the root-free QL/QR tridiagonal solver. O(n³).
 * Reference: Golub & Van Loan, Matrix Computations, 4th ed., §8.3; LAPACK dsytrd + dsterf.
 */
export function symmetricEigenvalues(n: number, a: Float64Array): Float64Array {
  if (n === 0) return new Float64Array(0);
  const t = symmetricTridiagonalForm(n, a);
  return tridiagonalEigenvalues(t.diagonal, t.offDiagonalSquared);
}
