import type { RandomSource } from "../random/source.js";
import { largestEigenvalue } from "../tridiagonal/bisection.js";
import { bidiagonalSquaredSingularValues } from "../tridiagonal/dqds.js";
import { tridiagonalEigenvalues } from "../tridiagonal/eigenvalues.js";
import type { SymmetricTridiagonal } from "../tridiagonal/types.js";
import { bidiagonalToTridiagonal, type SquaredBidiagonal } from "./bidiagonal.js";
import { circularCmvAngles, circularFullAngles } from "./circular.js";
import { checkEdgeLimit } from "./edgeLimit.js";
import {
  checkFixedTrace,
  type FixedTraceParams,
  fixedTraceBidiagonal,
  fixedTraceFullEigenvalues,
} from "./fixedTrace.js";
import {
  checkFullBeta,
  hermiteFullEigenvalues,
  jacobiFullEigenvalues,
  laguerreFullEigenvalues,
  manovaDimensions,
  wishartDimension,
} from "./full.js";
import { ginibreEigenvalues } from "./ginibre.js";
import { checkHermite, type HermiteParams, hermiteTridiagonal } from "./hermite.js";
import { checkJacobi, type JacobiParams, jacobiBidiagonal, jacobiTridiagonal } from "./jacobi.js";
import {
  checkLaguerre,
  type LaguerreParams,
  laguerreBidiagonal,
  laguerreTridiagonal,
} from "./laguerre.js";
import {
  clampAllToSupport,
  clampToSupport,
  HALF_LINE,
  REAL_LINE,
  type Support,
  UNIT_INTERVAL,
} from "./support.js";
import { checkBeta, checkSize } from "./validate.js";

/** The three classical ensembles with tridiagonal models. */
export type ClassicalEnsemble = "hermite" | "laguerre" | "jacobi";

/** Parameters of a classical ensemble, tagged by its name. */
export type ClassicalSpec =
  | { ensemble: "hermite"; params: HermiteParams }
  | { ensemble: "laguerre"; params: LaguerreParams }
  | { ensemble: "jacobi"; params: JacobiParams };

/**
 * Any ensemble betaens samples with `sample`: classical, circular (CβE), complex Ginibre, or the
 * fixed-trace Laguerre ensemble (eigenvalues of random density matrices, fixedTrace.ts).
 */
export type EnsembleSpec =
  | ClassicalSpec
  | { ensemble: "circular"; params: Record<string, never> }
  | { ensemble: "ginibre"; params: Record<string, never> }
  | { ensemble: "fixed-trace"; params: FixedTraceParams };

/**
 * How a sample is drawn: tridiagonal/bidiagonal model, dense full matrix, CMV matrix, or "limit"
 * (λ_max of Hermite or Laguerre from the Tracy–Widom limit law at huge N, an approximation with a stated
 * Kolmogorov-distance bound: edgeLimit.ts).
 */
export type SampleModel = "tridiagonal" | "full" | "cmv" | "limit";

/** The models available for each ensemble; the first is the default. */
export const MODELS: Record<EnsembleSpec["ensemble"], readonly SampleModel[]> = {
  hermite: ["tridiagonal", "full", "limit"],
  laguerre: ["tridiagonal", "full", "limit"],
  jacobi: ["tridiagonal", "full"],
  circular: ["cmv", "full"],
  ginibre: ["full"],
  "fixed-trace": ["tridiagonal", "full"],
};

/**
 * The closed support of each classical ensemble's points (support.ts): the banded models' values
 * are clamped to it where they are computed (drawValues, drawLargestEigenvalue).
 */
export const CLASSICAL_SUPPORT: Readonly<Record<ClassicalEnsemble, Support>> = {
  hermite: REAL_LINE,
  laguerre: HALF_LINE,
  jacobi: UNIT_INTERVAL,
};

/**
 * One drawn sample before reduction to a statistic. Banded draws carry the support of their
 * ensemble; "values" draws (full and circular models) are already in their support.
 */
export type Draw =
  | { kind: "tridiagonal"; matrix: SymmetricTridiagonal; support: Support }
  | { kind: "bidiagonal"; bidiagonal: SquaredBidiagonal; support: Support }
  | { kind: "values"; values: Float64Array }
  | { kind: "complex"; re: Float64Array; im: Float64Array };

/** Throws a RangeError unless the spec is a valid ensemble of size n at inverse temperature β. */
export function checkClassical(spec: ClassicalSpec, n: number, beta: number): void {
  switch (spec.ensemble) {
    case "hermite":
      checkHermite(n, beta, spec.params);
      break;
    case "laguerre":
      checkLaguerre(n, beta, spec.params);
      break;
    case "jacobi":
      checkJacobi(n, beta, spec.params);
      break;
  }
}

/** Throws a RangeError unless (spec, model, n, β) can be sampled. */
export function checkEnsemble(
  spec: EnsembleSpec,
  model: SampleModel,
  n: number,
  beta: number,
): void {
  if (!MODELS[spec.ensemble].includes(model)) {
    throw new RangeError(
      `model "${model}" is not available for ${spec.ensemble} (available: ${MODELS[spec.ensemble].join(", ")})`,
    );
  }
  checkSize(n);
  checkBeta(beta);
  if (spec.ensemble === "ginibre" && beta !== 2) {
    throw new RangeError(`the Ginibre ensemble exists for beta = 2 only, got ${beta}`);
  }
  if (spec.ensemble === "hermite" || spec.ensemble === "laguerre" || spec.ensemble === "jacobi") {
    checkClassical(spec, n, beta);
  }
  if (spec.ensemble === "fixed-trace") checkFixedTrace(n, beta, spec.params);
  if (model === "limit" && (spec.ensemble === "hermite" || spec.ensemble === "laguerre")) {
    const shape = spec.ensemble === "laguerre" ? spec.params.shape : undefined;
    checkEdgeLimit(n, beta, undefined, spec.ensemble, shape);
  }
  if (model === "full") {
    checkFullBeta(beta);
    if (spec.ensemble === "laguerre") wishartDimension(n, beta, spec.params.shape);
    if (spec.ensemble === "jacobi") manovaDimensions(n, beta, spec.params);
    if (spec.ensemble === "fixed-trace") wishartDimension(n, beta, spec.params.shape);
  }
}

/** Draws the random Jacobi matrix of a classical ensemble (one sample). */
export function classicalTridiagonal(
  spec: ClassicalSpec,
  rng: RandomSource,
  n: number,
  beta: number,
): SymmetricTridiagonal {
  switch (spec.ensemble) {
    case "hermite":
      return hermiteTridiagonal(rng, n, beta, spec.params);
    case "laguerre":
      return laguerreTridiagonal(rng, n, beta, spec.params);
    case "jacobi":
      return jacobiTridiagonal(rng, n, beta, spec.params);
  }
}

/** Draws one sample of any ensemble with the given model (validated by checkEnsemble). */
export function drawSample(
  spec: EnsembleSpec,
  model: SampleModel,
  rng: RandomSource,
  n: number,
  beta: number,
): Draw {
  switch (spec.ensemble) {
    case "circular":
      return {
        kind: "values",
        values:
          model === "full" ? circularFullAngles(rng, n, beta) : circularCmvAngles(rng, n, beta),
      };
    case "ginibre":
      return { kind: "complex", ...ginibreEigenvalues(rng, n) };
    case "fixed-trace":
      return model === "full"
        ? { kind: "values", values: fixedTraceFullEigenvalues(rng, n, beta, spec.params) }
        : {
            kind: "bidiagonal",
            bidiagonal: fixedTraceBidiagonal(rng, n, beta, spec.params),
            support: UNIT_INTERVAL, // eigenvalues of a density matrix
          };
    case "hermite":
      return model === "full"
        ? { kind: "values", values: hermiteFullEigenvalues(rng, n, beta, spec.params) }
        : {
            kind: "tridiagonal",
            matrix: hermiteTridiagonal(rng, n, beta, spec.params),
            support: REAL_LINE,
          };
    case "laguerre": {
      if (model !== "full") {
        return {
          kind: "bidiagonal",
          bidiagonal: laguerreBidiagonal(rng, n, beta, spec.params),
          support: HALF_LINE,
        };
      }
      const m = wishartDimension(n, beta, spec.params.shape);
      return {
        kind: "values",
        values: laguerreFullEigenvalues(rng, n, beta, { m, scale: spec.params.scale }),
      };
    }
    case "jacobi":
      return model === "full"
        ? {
            kind: "values",
            values: jacobiFullEigenvalues(rng, n, beta, manovaDimensions(n, beta, spec.params)),
          }
        : {
            kind: "bidiagonal",
            bidiagonal: jacobiBidiagonal(rng, n, beta, spec.params),
            support: UNIT_INTERVAL,
          };
  }
}

/** The sorted real points of a drawn sample (eigenvalues or angles), in the ensemble's support. */
export function drawValues(draw: Draw): Float64Array {
  if (draw.kind === "bidiagonal") {
    const { q, e } = draw.bidiagonal;
    return clampAllToSupport(bidiagonalSquaredSingularValues(q, e), draw.support);
  }
  if (draw.kind === "tridiagonal") {
    const { diagonal, offDiagonalSquared } = draw.matrix;
    return clampAllToSupport(tridiagonalEigenvalues(diagonal, offDiagonalSquared), draw.support);
  }
  if (draw.kind === "values") return draw.values;
  throw new RangeError("complex eigenvalues have no real ordering");
}

/**
 * The largest point of a drawn real sample: bisection on the Jacobi matrix of a banded draw
 * (clamped to the ensemble's support, support.ts), else the last of drawValues.
 */
export function drawLargestEigenvalue(draw: Draw): number {
  if (draw.kind === "tridiagonal" || draw.kind === "bidiagonal") {
    const t = draw.kind === "tridiagonal" ? draw.matrix : bidiagonalToTridiagonal(draw.bidiagonal);
    return clampToSupport(largestEigenvalue(t.diagonal, t.offDiagonalSquared), draw.support);
  }
  const values = drawValues(draw);
  return values[values.length - 1];
}

/** The Jacobi matrix of a banded draw (for Sturm counts and bisection). */
export function drawTridiagonal(draw: Draw): SymmetricTridiagonal | undefined {
  if (draw.kind === "tridiagonal") return draw.matrix;
  if (draw.kind === "bidiagonal") return bidiagonalToTridiagonal(draw.bidiagonal);
  return undefined;
}
