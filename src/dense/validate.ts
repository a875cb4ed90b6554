/**
 * Argument checks shared by the dense solvers. Matrices are stored ROW-MAJOR in Float64Arrays:
 * entry (i, j) of an n×n matrix is at index i·n + j; a complex matrix is a pair (re, im).
 */

/** Checks that n is a non-negative integer and that every array holds an n×n matrix. */
export function checkSquare(caller: string, n: number, ...arrays: Float64Array[]): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`${caller}: n must be an integer >= 0, got ${n}`);
  }
  for (const a of arrays) {
    if (!(a instanceof Float64Array) || a.length !== n * n) {
      throw new RangeError(
        `${caller}: expected a Float64Array of length n*n = ${n * n}, got length ${a?.length}`,
      );
    }
  }
}

/** Checks that every entry of the arrays is finite (NaN or ±Infinity would give garbage). */
export function checkAllFinite(caller: string, ...arrays: Float64Array[]): void {
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      if (!Number.isFinite(a[i])) {
        throw new RangeError(`${caller}: matrix entry ${i} is not finite (${a[i]})`);
      }
    }
  }
}
