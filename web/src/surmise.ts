/**
 * The β-Wigner surmise that the configuration views compare their unfolded spacings with, and the
 * local unfolding used where there is no limit CDF (β = 0).
 */
import { logGamma } from "../../src/special/logGamma.js";

/**
 * The spacing law of the 2-point Gaussian β-ensemble scaled to mean 1 (the "Wigner surmise"):
 * p_β(s) = a s^β e^{−b s²}, b = (Γ((β+2)/2)/Γ((β+1)/2))², a = 2Γ((β+2)/2)^{β+1}/Γ((β+1)/2)^{β+2}.
 * The difference of the two points has density ∝ |d|^β e^{−d²/4}, whence the form; a and b give
 * total mass 1 and mean 1. Reference: Mehta, "Random Matrices" (3rd ed., 2004) §1.5 (β = 1, 2, 4);
 * Le Caër, Male & Delannay, Physica A 383 (2007) (any β > 0). An approximation for N > 2.
 */
export function wignerSurmise(s: number, beta: number): number {
  if (!(s > 0)) return 0;
  const g2 = logGamma((beta + 2) / 2);
  const g1 = logGamma((beta + 1) / 2);
  const logB = 2 * (g2 - g1);
  const logA = Math.LN2 + (beta + 1) * g2 - (beta + 2) * g1;
  return Math.exp(logA + beta * Math.log(s) - Math.exp(logB) * s * s);
}

/**
 * Standard deviation of the surmise: E[s²] = (β + 1)/(2b) for p ∝ s^β e^{−b s²} (a Gamma integral),
 * and the mean is 1; β = 0 stands for the Poisson law e^{−s} (sd 1).
 */
export function surmiseDeviation(beta: number): number {
  if (!(beta > 0)) return 1;
  const b = Math.exp(2 * (logGamma((beta + 2) / 2) - logGamma((beta + 1) / 2)));
  return Math.sqrt(Math.max((beta + 1) / (2 * b) - 1, 0));
}

/**
 * The limit-CDF window of the configuration views' spacings, F ∈ [0.1, 0.9] where the unfolding is
 * good; the spacings themselves are the library's unfoldedSpacings (src/statistics/unfolding.ts).
 */
export const CONFIGURATION_BULK: [number, number] = [0.1, 0.9];

/**
 * Spacings divided by the local mean spacing (the average of the `window` spacings around each,
 * window ≈ 2√N), for points without a limit CDF (β = 0), kept in the middle 80%.
 */
export function locallyUnfoldedSpacings(x: Float64Array): Float64Array {
  const n = x.length;
  if (n < 3) return new Float64Array(0);
  const window = Math.max(4, Math.min(n - 1, Math.round(2 * Math.sqrt(n))));
  const half = Math.floor(window / 2);
  const out: number[] = [];
  for (let i = Math.floor(0.1 * n); i < Math.ceil(0.9 * n) && i + 1 < n; i++) {
    const lo = Math.max(0, i - half);
    const hi = Math.min(n - 1, lo + window);
    const mean = (x[hi] - x[lo]) / (hi - lo);
    if (mean > 0) out.push((x[i + 1] - x[i]) / mean);
  }
  return Float64Array.from(out);
}
