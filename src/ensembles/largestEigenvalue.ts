/**
 * One entry for λ_max of one sample, with the method as an option (instead of a grid of
 * hermite…/laguerre…/…Rescaled…/…Truncated/…Limit names):
 * - "full": the whole model (tridiagonal or bidiagonal, bisection; dense for model "full"),
 *   O(N) (O(N³) dense);
 * - "truncated": the top K = truncationSize(N, β) rows of the Hermite or Laguerre model, the same
 *   draws as the full model's first rows, λ_max equal to the full one to 1e−12 of the TW scale,
 *   O(N^{1/3}) (edge.ts);
 * - "limit": the Tracy–Widom limit model, one uniform, β ∈ {1, 2, 4}, Kolmogorov error
 *   ≤ edgeLimitDistanceBound(N) (edgeLimit.ts);
 * - "auto" (default): what `betaens sample --stat max` uses — truncated when K < N for Hermite and
 *   Laguerre, else full.
 * `rescaled` returns (λ_max − center)/scale of edgeScaling, computed without cancellation by the
 * truncated and limit methods (full: rescaled by edgeScaling after the fact).
 *
 * @example
 * const x = largestEigenvalueOf({ ensemble: "hermite", params: { loc: 0, scale: 1 } },
 *   createRandomSource(42, 0), 1e9, 2, { method: "truncated", rescaled: true });  // ≈ TW_2
 */
import type { RandomSource } from "../random/source.js";
import { edgeScaling } from "../theory/edgeScaling.js";
import {
  hermiteLargestEigenvalueTruncated,
  hermiteRescaledLargestEigenvalueTruncated,
  laguerreLargestEigenvalueTruncated,
  laguerreRescaledLargestEigenvalueTruncated,
  truncationSize,
} from "./edge.js";
import { largestEigenvalueLimit } from "./edgeLimit.js";
import type { LaguerreParams } from "./laguerre.js";
import {
  drawLargestEigenvalue,
  drawSample,
  type EnsembleSpec,
  type SampleModel,
} from "./models.js";

export type LargestEigenvalueMethod = "auto" | "full" | "truncated" | "limit";

export interface LargestEigenvalueOptions {
  method?: LargestEigenvalueMethod;
  /** Return (λ_max − center)/scale (edgeScaling), the Tracy–Widom-scale value. */
  rescaled?: boolean;
  /** The model of the "full" method (default: the ensemble's tridiagonal/CMV model). */
  model?: Exclude<SampleModel, "limit">;
}

/** The method "auto" resolves to for (spec, N, β): truncated when it draws fewer rows than N. */
export function autoMethod(spec: EnsembleSpec, n: number, beta: number): "full" | "truncated" {
  if (
    (spec.ensemble === "hermite" || spec.ensemble === "laguerre") &&
    beta > 0 &&
    Number.isSafeInteger(n)
  ) {
    return truncationSize(n, beta) < n ? "truncated" : "full";
  }
  return "full";
}

/** λ_max of one sample of the N-point ensemble drawn from rng (see the file comment). */
export function largestEigenvalueOf(
  spec: EnsembleSpec,
  rng: RandomSource,
  n: number,
  beta: number,
  options: LargestEigenvalueOptions = {},
): number {
  const rescaled = options.rescaled ?? false;
  const method =
    options.method === undefined || options.method === "auto"
      ? autoMethod(spec, n, beta)
      : options.method;
  if (method === "limit" || method === "truncated") {
    if (spec.ensemble !== "hermite" && spec.ensemble !== "laguerre") {
      throw new RangeError(
        `the ${method} method applies to hermite and laguerre, not ${spec.ensemble}`,
      );
    }
    if (method === "limit")
      return largestEigenvalueLimit(spec.ensemble, rng, n, beta, spec.params, rescaled);
    if (spec.ensemble === "hermite") {
      return rescaled
        ? hermiteRescaledLargestEigenvalueTruncated(rng, n, beta, spec.params)
        : hermiteLargestEigenvalueTruncated(rng, n, beta, spec.params);
    }
    const params = spec.params as LaguerreParams;
    return rescaled
      ? laguerreRescaledLargestEigenvalueTruncated(rng, n, beta, params)
      : laguerreLargestEigenvalueTruncated(rng, n, beta, params);
  }
  const model =
    options.model ??
    (spec.ensemble === "circular" ? "cmv" : spec.ensemble === "ginibre" ? "full" : "tridiagonal");
  const draw = drawSample(spec, model, rng, n, beta);
  // Bisection on the Jacobi matrix (dense models: the top eigenvalue), clamped to the support.
  const x = drawLargestEigenvalue(draw);
  if (!rescaled) return x;
  if (
    spec.ensemble === "circular" ||
    spec.ensemble === "ginibre" ||
    spec.ensemble === "fixed-trace"
  ) {
    throw new RangeError(`no edge scaling for the ${spec.ensemble} ensemble`);
  }
  return edgeScaling(spec.ensemble, n, beta, spec.params).rescale(x);
}
