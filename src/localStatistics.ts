/**
 * The public API of the local statistics (issue 16), re-exported by index.ts: the sine_β spacing,
 * nearest-neighbour and gap-ratio laws, the gap probabilities E_β(k; s), the hard-edge laws,
 * unfolding, and the window sampler for huge N. Browser-safe (the explorer's worker can import it).
 */

export {
  defaultEnergy,
  drawSpacings,
  sampleWindow,
  unfoldingCdf,
  type WindowSample,
} from "./ensembles/localStatistics.js";
export {
  type BulkWindow,
  circularSpacings,
  nearestNeighbourDistances,
  spacingRatios,
  unfoldedSpacings,
} from "./statistics/unfolding.js";
export { consecutiveSpacingsDensity } from "./theory/gapRatio.js";
export {
  type CountingLaw,
  hardEdgeLaw,
  sineCountingLaw,
  sineGapRatioLaw,
  sineNearestNeighbourLaw,
  sineSpacingLaw,
  TABULATED_BETAS,
} from "./theory/localStatistics.js";
export { type WindowResult, windowEigenvalues } from "./tridiagonal/windowEigenvalues.js";
