/**
 * Input checks shared by the tridiagonal routines. A symmetric tridiagonal matrix of order n is
 * given by its diagonal (length n) and its squared off-diagonal (length n − 1, entries ≥ 0).
 */

/**
 * Checks the shapes and values of (diagonal, offDiagonalSquared) and returns n.
 * Throws RangeError on a length mismatch, an empty matrix, a non-finite entry or a negative
 * squared off-diagonal entry.
 */
export function checkTridiagonal(
  diagonal: Float64Array,
  offDiagonalSquared: Float64Array,
  caller: string,
): number {
  const n = diagonal.length;
  if (n < 1) throw new RangeError(`${caller}: the matrix must have order n >= 1, got n = 0`);
  if (offDiagonalSquared.length !== n - 1) {
    throw new RangeError(
      `${caller}: offDiagonalSquared must have length n - 1 = ${n - 1}, got ${offDiagonalSquared.length}`,
    );
  }
  for (let i = 0; i < n; i++) {
    const a = diagonal[i];
    if (!Number.isFinite(a)) {
      throw new RangeError(`${caller}: diagonal[${i}] must be finite, got ${a}`);
    }
  }
  for (let i = 0; i < n - 1; i++) {
    const b = offDiagonalSquared[i];
    if (!(b >= 0) || b === Number.POSITIVE_INFINITY) {
      throw new RangeError(
        `${caller}: offDiagonalSquared[${i}] must be finite and >= 0 (it is a square), got ${b}`,
      );
    }
  }
  return n;
}

/** Throws RangeError unless x is a finite number. */
export function checkFinite(x: number, name: string, caller: string): void {
  if (!Number.isFinite(x)) throw new RangeError(`${caller}: ${name} must be finite, got ${x}`);
}
