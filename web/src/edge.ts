/**
 * Soft-edge rescaling of λ_max for the λ_max view, from the library's edgeScaling
 * (src/theory/edgeScaling.ts): s = (λ_max − centre)/scale → TW_β (Jacobi: on the logit scale).
 */
import { edgeScaling } from "../../src/theory/edgeScaling.js";
import type { Settings } from "./state.js";

export interface EdgeRescaling {
  rescale: (lambdaMax: number) => number;
  /** The formula, for the axis label. */
  formula: string;
  centre: number;
  width: number;
}

const FORMULAS: Record<string, string> = {
  hermite: "(λ_max − μ − σ√(2βN′))/(σ√(β/2)·N^(−1/6)), N′ = N + 1/2 − 1/β",
  laguerre: "(λ_max − c)/s, c = (βθ/2)(√M′+√N′)², s = (βθ/2)(√M′+√N′)(1/√M′+1/√N′)^(1/3)",
  jacobi: "(logit λ_max − μ)/σ (Johnstone 2008, sizes K′ = K + 1/2 − 1/β)",
};

/**
 * The rescaling for these settings, or a note saying why there is none (β = 0, N = 1, a hard
 * upper edge of a Jacobi ensemble, an ensemble without λ_max).
 */
export function edgeRescaling(settings: Settings): {
  scaling: EdgeRescaling | null;
  note: string;
  /** The scaling is the hard-edge one N²(1 − λ_max) (Jacobi), not the Tracy–Widom one. */
  hardEdge?: boolean;
} {
  const { spec, n, beta } = settings;
  if (!spec) return { scaling: null, note: "No edge rescaling for this ensemble." };
  if (beta === 0) {
    return {
      scaling: null,
      note: "β = 0: independent points, no Tracy–Widom edge; raw λ_max shown.",
    };
  }
  try {
    const edge = edgeScaling(spec.ensemble, n, beta, { ...spec.params });
    return {
      scaling: {
        rescale: edge.rescale,
        formula: FORMULAS[spec.ensemble],
        centre: edge.center,
        width: edge.scale,
      },
      note: "",
    };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^edgeScaling: /, "") : "";
    if (spec.ensemble === "jacobi" && /hard/.test(message)) {
      // A hard edge at 1: the gap 1 − λ_max is of order N^(−2) (the density of the Wachter law
      // blows up like (1 − x)^(−1/2) there), so N²(1 − λ_max) is of order one; raw λ_max would
      // read 0.999994 with a density axis of 10⁶.
      const n2 = n * n;
      return {
        scaling: {
          rescale: (x) => n2 * (1 - x),
          formula: "N²(1 − λ_max) (hard edge at 1)",
          centre: 1,
          width: -1 / n2,
        },
        hardEdge: true,
        note: "Hard upper edge at 1: λ_max is shown as N²(1 − λ_max), of order one; its limit is a hard-edge (Bessel-type) law, not Tracy–Widom, and no density is drawn.",
      };
    }
    return { scaling: null, note: `No soft-edge rescaling here (${message}); raw λ_max shown.` };
  }
}
