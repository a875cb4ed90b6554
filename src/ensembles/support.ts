/**
 * The support of each ensemble's points, and the clamp that keeps every returned value in it.
 *
 * Rounding can push a computed eigenvalue just outside the support even though the exact one is
 * inside: the Jacobi matrix J = B Bᵀ of the Killip–Nenciu model has all eigenvalues in [0, 1]
 * because I − J is positive semi-definite too, but once the canonical moments are rounded that
 * second factorisation is lost, and dqds or bisection — accurate to a few ulps of the rounded
 * matrix — can return 1 + 2⁻⁵² (measured: 2.5e3 of 1.6e5 eigenvalues at N = 4, a = 1.7,
 * b = 0.03, β = 0.4, up to 6.7e−16 above 1). Such a value is a rounding artefact of size
 * ≲ n·ulp, and the nearest point of the closed support is the correctly rounded answer, so the
 * drivers that turn a model into values (jacobiEigenvalues, drawValues, drawLargestEigenvalue,
 * the truncated and limit λ_max models) clamp to it, and to nothing else: a value farther
 * outside than CLAMP_SLACK is a bug, not rounding, and throws.
 */

/** Closed interval [lower, upper] (±∞ allowed). */
export type Support = readonly [lower: number, upper: number];

export const REAL_LINE: Support = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
export const HALF_LINE: Support = [0, Number.POSITIVE_INFINITY];
export const UNIT_INTERVAL: Support = [0, 1];

/**
 * Largest distance outside the support accepted as rounding, relative to max(1, |value|):
 * dqds and bisection are accurate to a few n·ulp; 1e−10 leaves room for N up to ~1e5 and still
 * flags a wrong model.
 */
const CLAMP_SLACK = 1e-10;

/** x moved to the nearest point of the closed support (throws if it is farther than rounding). */
export function clampToSupport(x: number, support: Support): number {
  const [lower, upper] = support;
  if (x < lower) {
    checkSlack(x, lower);
    return lower;
  }
  if (x > upper) {
    checkSlack(x, upper);
    return upper;
  }
  return x;
}

/** clampToSupport applied to every entry, in place; returns `values`. */
export function clampAllToSupport(values: Float64Array, support: Support): Float64Array {
  const [lower, upper] = support;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x < lower || x > upper) values[i] = clampToSupport(x, support);
  }
  return values;
}

function checkSlack(x: number, end: number): void {
  if (!(Math.abs(x - end) <= CLAMP_SLACK * Math.max(1, Math.abs(end)))) {
    throw new Error(`value ${x} lies outside the support by more than rounding (end ${end})`);
  }
}
