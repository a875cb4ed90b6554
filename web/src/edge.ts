/**
 * Soft-edge rescaling of λ_max for the λ_max view: s = (λ_max − centre)/width → TW_β.
 */
import type { Settings } from "./state.js";

export interface EdgeRescaling {
  rescale: (lambdaMax: number) => number;
  /** The formula, for the axis label. */
  formula: string;
  centre: number;
  width: number;
}

/**
 * Hermite, σ = 1, μ = 0 (conventions.md): (λ_max − √(2βN′))/(√(β/2)·N^(−1/6)) → TW_β with
 * N′ = N + 1/2 − 1/β; for general μ, σ apply it to (λ_max − μ)/σ. Null when there is no
 * rescaling for these settings (β = 0, or an ensemble whose edge scaling is not available).
 */
export function edgeRescaling(settings: Settings): EdgeRescaling | null {
  const { spec, n, beta } = settings;
  if (!(beta > 0) || spec?.ensemble !== "hermite") return null;
  const { loc, scale } = spec.params;
  const nPrime = n + 0.5 - 1 / beta;
  const centre = loc + scale * Math.sqrt(2 * beta * nPrime);
  const width = scale * Math.sqrt(beta / 2) * n ** (-1 / 6);
  return {
    rescale: (x) => (x - centre) / width,
    formula: "(λ_max − μ − σ√(2βN′))/(σ√(β/2)·N^(−1/6)), N′ = N + 1/2 − 1/β",
    centre,
    width,
  };
}
