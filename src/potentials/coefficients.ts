/**
 * Parsing of a potential given as a coefficient list "g0,g1,…,gd" (lowest degree first), the
 * `--coeffs` form of docs/conventions.md.
 */

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Coefficients (g_0, …, g_d) read from a comma-separated list of decimal numbers, lowest degree
 * first; trailing zeros are dropped. Throws a RangeError quoting the entry that is not a finite
 * number. The result is not validated as a potential: see validatePotential.
 */
export function parseCoefficientList(text: string): Float64Array {
  if (typeof text !== "string" || text.trim().length === 0) {
    throw new RangeError("coefficient list is empty (expected g0,g1,…,gd)");
  }
  const entries = text.split(",");
  const coeffs = new Float64Array(entries.length);
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k].trim();
    const value = DECIMAL.test(entry) ? Number(entry) : Number.NaN;
    if (!Number.isFinite(value)) {
      throw new RangeError(
        `coefficient list "${text}": entry ${k} ("${entry}", coefficient of x^${k}) is not a finite number`,
      );
    }
    coeffs[k] = value;
  }
  let length = coeffs.length;
  while (length > 1 && coeffs[length - 1] === 0) length--;
  return coeffs.slice(0, length);
}
