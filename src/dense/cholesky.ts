/**
 * In-place Cholesky factorisation B = L L* of a Hermitian positive definite p×p matrix B = re + i·im
 * (row-major; im omitted for a real B; the lower triangle is read and overwritten by L, whose diagonal is real positive; the
 * strict upper triangle is not touched): L_jj = √(B_jj − Σ_{k<j}|L_jk|²),
 * L_ij = (B_ij − Σ_{k<j} L_ik conj(L_jk))/L_jj. Throws a RangeError if B is not positive definite.
 * O(p³/3) complex flops. Reference: Golub & Van Loan, Matrix Computations, 4th ed., Alg. 4.2.1;
 * LAPACK zpotf2.
 */
export function choleskyInPlace(p: number, re: Float64Array, im?: Float64Array): void {
  if (re.length !== p * p || (im && im.length !== p * p)) {
    throw new RangeError(`choleskyInPlace: expected arrays of length p*p = ${p * p}`);
  }
  for (let j = 0; j < p; j++) {
    const rj = j * p;
    let d = re[rj + j];
    if (im) for (let k = 0; k < j; k++) d -= re[rj + k] * re[rj + k] + im[rj + k] * im[rj + k];
    else for (let k = 0; k < j; k++) d -= re[rj + k] * re[rj + k];
    if (!(d > 0)) {
      throw new RangeError(`choleskyInPlace: matrix is not positive definite (pivot ${j} = ${d})`);
    }
    const ljj = Math.sqrt(d);
    re[rj + j] = ljj;
    const inv = 1 / ljj;
    if (!im) {
      for (let i = j + 1; i < p; i++) {
        const ri = i * p;
        let sr = re[ri + j];
        for (let k = 0; k < j; k++) sr -= re[ri + k] * re[rj + k];
        re[ri + j] = sr * inv;
      }
      continue;
    }
    im[rj + j] = 0;
    for (let i = j + 1; i < p; i++) {
      const ri = i * p;
      let sr = re[ri + j];
      let si = im[ri + j];
      for (let k = 0; k < j; k++) {
        // L_ik conj(L_jk)
        const ar = re[ri + k];
        const ai = im[ri + k];
        const br = re[rj + k];
        const bi = im[rj + k];
        sr -= ar * br + ai * bi;
        si -= ai * br - ar * bi;
      }
      re[ri + j] = sr * inv;
      im[ri + j] = si * inv;
    }
  }
}
