import { hessenbergEigenvalues } from "./hessenbergEigenvalues.js";
import { hessenbergForm } from "./hessenbergForm.js";
import { checkAllFinite, checkSquare } from "./validate.js";

/**
 * All eigenvalues of a general complex n×n matrix A = re + i·im (row-major), in no particular
 * order: Householder reduction to upper Hessenberg form, then the shifted complex QR algorithm
 * (Wilkinson shifts, deflation). A is not modified. O(n³).
 * Reference: Golub & Van Loan, Matrix Computations, 4th ed., §7.4–7.5; LAPACK zgehrd + zlahqr.
 */
export function complexEigenvalues(
  n: number,
  re: Float64Array,
  im: Float64Array,
): { re: Float64Array; im: Float64Array } {
  checkSquare("complexEigenvalues", n, re, im);
  checkAllFinite("complexEigenvalues", re, im);
  const hr = Float64Array.from(re);
  const hi = Float64Array.from(im);
  hessenbergForm(n, hr, hi);
  return hessenbergEigenvalues(n, hr, hi);
}
