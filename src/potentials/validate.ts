/**
 * Validation of polynomial potentials V(x) = Σ_k g_k x^k (coefficients lowest degree first).
 */

/** Describes the polynomial Σ g_k x^k for error messages, e.g. "0.25*x^4 - 1*x^2". */
export function formatPotential(coeffs: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let k = coeffs.length - 1; k >= 0; k--) {
    const c = coeffs[k];
    if (c === 0) continue;
    const monomial = k === 0 ? "" : k === 1 ? "*x" : `*x^${k}`;
    const magnitude = `${Math.abs(c)}${monomial}`;
    if (parts.length === 0) parts.push(c < 0 ? `-${magnitude}` : magnitude);
    else parts.push(c < 0 ? `- ${magnitude}` : `+ ${magnitude}`);
  }
  return parts.length === 0 ? "0" : parts.join(" ");
}

/**
 * Checks that coeffs = (g_0, …, g_d) define an admissible potential for the β-ensemble
 * |Δ(x)|^β Π exp(−(βN/2) V(x_i)): all coefficients finite, degree d = coeffs.length − 1 even and
 * ≥ 2, leading coefficient g_d > 0 (so that exp(−V) is integrable and the law is finite).
 * Throws a RangeError naming the offending coefficient; returns the degree d.
 */
export function validatePotential(coeffs: ArrayLike<number>): number {
  if (coeffs === null || typeof coeffs !== "object" || typeof coeffs.length !== "number") {
    throw new RangeError("potential must be an array of coefficients (lowest degree first)");
  }
  if (coeffs.length === 0) throw new RangeError("potential has no coefficients");
  for (let k = 0; k < coeffs.length; k++) {
    const c = coeffs[k];
    if (typeof c !== "number" || !Number.isFinite(c)) {
      throw new RangeError(`potential coefficient of x^${k} must be a finite number, got ${c}`);
    }
  }
  const degree = coeffs.length - 1;
  const leading = coeffs[degree];
  if (degree < 2) {
    throw new RangeError(
      `potential must have even degree >= 2, got degree ${degree} (${formatPotential(coeffs)})`,
    );
  }
  if (leading === 0) {
    throw new RangeError(
      `potential leading coefficient (x^${degree}) is 0: drop trailing zero coefficients`,
    );
  }
  if (degree % 2 !== 0) {
    throw new RangeError(
      `potential must have even degree, got degree ${degree} (term ${leading}*x^${degree})`,
    );
  }
  if (leading < 0) {
    throw new RangeError(
      `potential leading coefficient must be > 0, got ${leading}*x^${degree} (exp(-V) would not be integrable)`,
    );
  }
  return degree;
}
