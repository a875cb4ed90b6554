/**
 * Collapses the 2n sorted eigenvalues of a quaternion self-dual matrix, which come in equal pairs
 * (Kramers degeneracy), into the n values (λ_{2i} + λ_{2i+1})/2, after checking that each pair
 * agrees to within `tolerance`. Throws an Error if the pairing fails (the matrix was not
 * self-dual). Reference: Mehta, Random Matrices, 3rd ed., §2.4 (quaternion matrices).
 */
export function pairedValues(sorted: Float64Array, tolerance: number): Float64Array {
  const n = sorted.length / 2;
  if (!Number.isInteger(n)) {
    throw new RangeError(`pairedValues: expected an even number of values, got ${sorted.length}`);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = sorted[2 * i];
    const b = sorted[2 * i + 1];
    if (!(Math.abs(a - b) <= tolerance)) {
      throw new Error(
        `eigenvalues ${a} and ${b} (pair ${i}) are not a degenerate pair: the matrix is not quaternion self-dual`,
      );
    }
    out[i] = 0.5 * (a + b);
  }
  return out;
}
