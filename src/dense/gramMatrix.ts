/**
 * The Gram matrix W = X X* (p×p, Hermitian positive semi-definite) of a p×m matrix X = re + i·im
 * (row-major; im omitted for a real X): W_ij = Σ_k X_ik conj(X_jk). Only the lower triangle i ≥ j
 * is filled (the form every solver here reads). O(p²m).
 * Reference: Golub & Van Loan, Matrix Computations, 4th ed., §1.1 (dot-product form).
 */
export function gramMatrix(
  p: number,
  m: number,
  re: Float64Array,
  im?: Float64Array,
): { re: Float64Array; im: Float64Array } {
  if (re.length !== p * m || (im && im.length !== p * m)) {
    throw new RangeError(`gramMatrix: expected arrays of length p*m = ${p * m}, got ${re.length}`);
  }
  const wr = new Float64Array(p * p);
  const wi = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    const ri = i * m;
    for (let j = 0; j <= i; j++) {
      const rj = j * m;
      let sr = 0;
      let si = 0;
      if (im) {
        for (let k = 0; k < m; k++) {
          const ar = re[ri + k];
          const ai = im[ri + k];
          const br = re[rj + k];
          const bi = im[rj + k];
          sr += ar * br + ai * bi;
          si += ai * br - ar * bi;
        }
      } else {
        for (let k = 0; k < m; k++) sr += re[ri + k] * re[rj + k];
      }
      wr[i * p + j] = sr;
      wi[i * p + j] = i === j ? 0 : si;
    }
  }
  return { re: wr, im: wi };
}
