/**
 * Reference measures of the classical ensembles (the law of each point when β = 0): N(μ, σ²),
 * Gamma(k, θ) and Beta(a, b) densities (DLMF 5.2, 8.2 and 8.17 normalisations).
 */
import type { ClassicalSpec } from "../ensembles/models.js";
import { detLog } from "../special/deterministicMath.js";
import { logGamma } from "../special/logGamma.js";

/** Density of the reference measure of a classical ensemble at x. */
export function referenceDensity(spec: ClassicalSpec, x: number): number {
  switch (spec.ensemble) {
    case "hermite": {
      const { loc, scale } = spec.params;
      const z = (x - loc) / scale;
      return Math.exp(-0.5 * z * z) / (scale * Math.sqrt(2 * Math.PI));
    }
    case "laguerre": {
      // x^(k−1) e^(−x/θ) / (Γ(k) θ^k)
      const { shape: k, scale: theta } = spec.params;
      if (x <= 0) return 0;
      return Math.exp((k - 1) * Math.log(x / theta) - x / theta - logGamma(k)) / theta;
    }
    case "jacobi": {
      // x^(a−1)(1−x)^(b−1) / B(a, b)
      const { a, b } = spec.params;
      if (x <= 0 || x >= 1) return 0;
      const logB = logGamma(a) + logGamma(b) - logGamma(a + b);
      return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logB);
    }
  }
}

/**
 * A range holding the bulk of N reference draws (for default histogram ranges at β = 0). Uses
 * detLog so that the histogram edges, hence the counts, are bit-identical in every engine.
 */
export function referenceRange(spec: ClassicalSpec, n: number): [number, number] {
  const spread = Math.sqrt(2 * detLog(Math.max(n, 2))) + 1;
  switch (spec.ensemble) {
    case "hermite": {
      const { loc, scale } = spec.params;
      return [loc - spread * scale, loc + spread * scale];
    }
    case "laguerre": {
      const { shape: k, scale: theta } = spec.params;
      return [0, theta * (k + spread * Math.sqrt(k) + spread * spread)];
    }
    case "jacobi":
      return [0, 1];
  }
}
