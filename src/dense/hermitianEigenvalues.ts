import { tridiagonalEigenvalues } from "../tridiagonal/eigenvalues.js";
import { hermitianTridiagonalForm } from "./hermitianTridiagonalForm.js";

/**
 * All eigenvalues, ascending, of a complex Hermitian n×n matrix re + i·im (row-major, lower
 * triangle read): Householder reduction to a real tridiagonal matrix, then the root-free QL/QR
 * tridiagonal solver. O(n³).
 * Reference: Golub & Van Loan, Matrix Computations, 4th ed., §8.3; LAPACK zhetrd + dsterf.
 */
export function hermitianEigenvalues(n: number, re: Float64Array, im: Float64Array): Float64Array {
  if (n === 0) return new Float64Array(0);
  const t = hermitianTridiagonalForm(n, re, im);
  return tridiagonalEigenvalues(t.diagonal, t.offDiagonalSquared);
}
