/**
 * In-place solution of L Z = X for Z (row i of Z: Z_i = (X_i − Σ_{k<i} L_ik Z_k)/L_ii), with L a
 * p×p lower triangular matrix with real positive diagonal (as from choleskyInPlace; row-major,
 * lower triangle read; lIm omitted for a real L) and X a p×m matrix (row-major), overwritten by Z
 * (xIm omitted when X and L are real). O(p²m). Reference: Golub & Van Loan, Matrix Computations,
 * 4th ed., Alg. 3.1.3 (row-oriented forward substitution); LAPACK ztrsm.
 */
export function forwardSubstitution(
  p: number,
  m: number,
  lRe: Float64Array,
  lIm: Float64Array | undefined,
  xRe: Float64Array,
  xIm?: Float64Array,
): void {
  if (lRe.length !== p * p || (lIm && lIm.length !== p * p) || xRe.length !== p * m) {
    throw new RangeError(
      `forwardSubstitution: expected L of length ${p * p} and X of length ${p * m}`,
    );
  }
  if (lIm && !xIm) {
    throw new RangeError("forwardSubstitution: a complex L needs a complex X (pass xIm)");
  }
  for (let i = 0; i < p; i++) {
    const ri = i * p;
    const xi = i * m;
    for (let k = 0; k < i; k++) {
      const ar = lRe[ri + k];
      const ai = lIm ? lIm[ri + k] : 0;
      const xk = k * m;
      if (xIm) {
        for (let j = 0; j < m; j++) {
          const zr = xRe[xk + j];
          const zi = xIm[xk + j];
          xRe[xi + j] -= ar * zr - ai * zi;
          xIm[xi + j] -= ar * zi + ai * zr;
        }
      } else {
        for (let j = 0; j < m; j++) xRe[xi + j] -= ar * xRe[xk + j];
      }
    }
    const inv = 1 / lRe[ri + i];
    for (let j = 0; j < m; j++) xRe[xi + j] *= inv;
    if (xIm) for (let j = 0; j < m; j++) xIm[xi + j] *= inv;
  }
}
