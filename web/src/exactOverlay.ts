/**
 * The exact finite-N λ_max law drawn over the Gibbs λ_max histogram at β = 2
 * (src/theory/unitaryEnsemble.ts, as `betaens gibbs --plot` does): its density tabulated once per
 * (V, N) at 81 points between the 1e−6 and 1 − 1e−6 quantiles and interpolated linearly. Only for
 * N ≤ EXACT_OVERLAY_MAX_N, where the set-up takes well under a second.
 */
import {
  unitaryEnsemble,
  unitaryLargestEigenvalueLaw,
  unitaryLargestEigenvaluePdf,
} from "../../src/theory/unitaryEnsemble.js";

export const EXACT_OVERLAY_MAX_N = 500;
const POINTS = 81;

export interface ExactOverlay {
  /** Density of raw λ_max. */
  density: (x: number) => number;
  label: string;
  mean: number;
  variance: number;
}

let cacheKey = "";
let cached: ExactOverlay | null = null;

/** The exact λ_max law of the β = 2 ensemble with potential coeffs and N points, or null. */
export function exactLambdaMaxOverlay(coeffs: readonly number[], n: number): ExactOverlay | null {
  if (n > EXACT_OVERLAY_MAX_N || n < 1) return null;
  const key = `${coeffs.join(",")}|${n}`;
  if (key === cacheKey) return cached;
  const ens = unitaryEnsemble(coeffs, n);
  const law = unitaryLargestEigenvalueLaw(ens);
  const lo = law.quantile(1e-6);
  const hi = law.quantile(1 - 1e-6);
  const step = (hi - lo) / (POINTS - 1);
  const table = Float64Array.from({ length: POINTS }, (_, i) =>
    unitaryLargestEigenvaluePdf(ens, lo + i * step),
  );
  cached = {
    density: (x) => {
      const t = (x - lo) / step;
      if (!(t >= 0 && t <= POINTS - 1)) return 0;
      const i = Math.min(Math.floor(t), POINTS - 2);
      return table[i] + (t - i) * (table[i + 1] - table[i]);
    },
    label: `exact, N = ${n}`,
    mean: law.mean,
    variance: law.variance,
  };
  cacheKey = key;
  return cached;
}
