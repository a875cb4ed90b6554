import { hermitianEigenvalues } from "./hermitianEigenvalues.js";
import { pairedValues } from "./pairedValues.js";

/**
 * The n eigenvalues, ascending, each once, of an n×n quaternion Hermitian (self-dual) matrix
 * given as its 2n×2n complex Hermitian representation re + i·im (row-major, lower triangle
 * read), e.g. [[P, Q], [−Q̄, P̄]] with P Hermitian and Q antisymmetric. The 2n complex eigenvalues
 * come in equal pairs; each pair is checked (to 1e-9 of the spectral radius) and averaged.
 * Reference: Mehta, Random Matrices, 3rd ed., §2.4; Dyson (1962) for the quaternion structure.
 */
export function selfDualEigenvalues(n: number, re: Float64Array, im: Float64Array): Float64Array {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`selfDualEigenvalues: n must be an integer >= 0, got ${n}`);
  }
  if (n === 0) return new Float64Array(0);
  const all = hermitianEigenvalues(2 * n, re, im);
  const radius = Math.max(Math.abs(all[0]), Math.abs(all[2 * n - 1]));
  return pairedValues(all, 1e-9 * radius + Number.MIN_VALUE);
}
