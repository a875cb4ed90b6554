/**
 * betaens — fast, validated sampling of β-ensembles. The library entry: browser-safe (no Node
 * APIs are reachable from here). See ARCHITECTURE.md for the map of folders.
 */

export { cmvEigenangles } from "./dense/cmvEigenangles.js";
export { complexEigenvalues } from "./dense/complexEigenvalues.js";
export { hermitianEigenvalues } from "./dense/hermitianEigenvalues.js";
export { selfDualEigenvalues } from "./dense/selfDualEigenvalues.js";
export { symmetricEigenvalues } from "./dense/symmetricEigenvalues.js";
export {
  type Accumulator,
  finalize,
  type Kernel,
  kernelFor,
  mergeAll,
  mergePartials,
  type Partial,
  type RunSink,
  run,
} from "./driver/index.js";
export { gibbsRun, runLinearStatistic, runSample } from "./driver/legacy.js";
export * from "./ensembles/bidiagonal.js";
export * from "./ensembles/circular.js";
// λ_max by the truncated and limit models: through largestEigenvalueOf(spec, rng, N, β,
// {method, rescaled}); the eight per-ensemble wrapper names stay private (issue 12).
export {
  hermiteLeadingBlock,
  laguerreLeadingBlock,
  largestEigenvalueCentred,
  truncationMultiplier,
  truncationSize,
} from "./ensembles/edge.js";
export {
  checkEdgeLimit,
  EDGE_LIMIT_CONSTANTS,
  EDGE_LIMIT_TOLERANCE,
  type EdgeLimitEnsemble,
  edgeLimitDistanceBound,
  edgeLimitMinimumSize,
  largestEigenvalueLimit,
} from "./ensembles/edgeLimit.js";
export * from "./ensembles/full.js";
export * from "./ensembles/ginibre.js";
export * from "./ensembles/hermite.js";
export * from "./ensembles/jacobi.js";
export * from "./ensembles/laguerre.js";
export * from "./ensembles/largestEigenvalue.js";
export * from "./ensembles/models.js";
export * from "./ensembles/sample.js";
export * from "./ensembles/tracyWidomBeta.js";
export * from "./gibbs/run.js";
export * from "./gibbs/sampler.js";
// Issue 10: the exact β = 2 law for polynomial V, the Gibbs sampler's spectral move, R̂/ESS.
export {
  createSpectralWork,
  jacobiFromSpectrum,
  SPECTRAL_MIN_BETA,
  spectralMove,
  spectralMoveAvailable,
} from "./gibbs/spectral.js";
export * from "./io/format.js";
export * from "./io/npy.js";
export * from "./io/stream.js";
export * from "./mixing/index.js";
export * from "./plot/index.js";
export * from "./plot/sampleFigure.js";
export * from "./potentials/coefficients.js";
export * from "./potentials/parse.js";
export * from "./potentials/validate.js";
export * from "./random/index.js";
export {
  canonicalJob,
  type GibbsJob,
  type Job,
  jobFromCanonical,
  jobSlice,
  type MixingJob,
  type SampleJob as SampleJobSpec,
  type SampleRange,
  type Summary,
  type TracyWidomJob,
  type UniformBins,
} from "./spec/job.js";
export * from "./spec/params.js";
export * from "./spec/shard.js";
export * from "./special/airy.js";
export * from "./special/deterministicMath.js";
export * from "./special/erf.js";
export * from "./special/gaussLegendre.js";
export * from "./special/logGamma.js";
export * from "./special/regularizedBeta.js";
export * from "./special/regularizedGamma.js";
export {
  autocovariance,
  type ConvergenceDiagnostics,
  convergenceDiagnostics,
  effectiveSampleSize,
  integratedAutocorrelationTime,
  potentialScaleReduction,
  rankNormalize,
  splitChains,
} from "./statistics/convergence.js";
export * from "./statistics/exactSum.js";
export * from "./statistics/ks.js";
export * from "./statistics/moments.js";
export * from "./theory/edgeScaling.js";
export * from "./theory/equilibrium.js";
export * from "./theory/hermiteLargestEigenvalueCdf.js";
export * from "./theory/limits.js";
export * from "./theory/marchenkoPastur.js";
export * from "./theory/reference.js";
export * from "./theory/semicircle.js";
export * from "./theory/tracyWidom.js";
export {
  christoffelDarbouxKernel,
  orthonormalFunctions,
  type UnitaryEnsemble,
  unitaryCountLaw,
  unitaryCuts,
  unitaryDensity,
  unitaryEnsemble,
  unitaryExpectedCount,
  unitaryLargestEigenvalueCdf,
  unitaryLargestEigenvalueLaw,
  unitaryLargestEigenvaluePdf,
  unitaryLinearStatistic,
} from "./theory/unitaryEnsemble.js";
export * from "./theory/wachter.js";
export * from "./tridiagonal/index.js";
export * from "./version.js";
export { loadWasmKernels, setWasmKernels, wasmKernelsStatus } from "./wasm/kernels.js";

// ── Random density matrices (fixed-trace Laguerre ensemble) and linear statistics Σ f(x_i) ──

export * from "./ensembles/densityMatrixStatistics.js";
export * from "./ensembles/fixedTrace.js";
export * from "./ensembles/linearStatistics.js";
export * from "./plot/fixedTraceFigure.js";
export * from "./plot/linearStatisticsFigure.js";
export * from "./potentials/expression.js";
export * from "./special/digamma.js";
export * from "./statistics/cumulants.js";
export * from "./theory/fixedTrace.js";
export * from "./theory/fixedTraceDensity.js";
export * from "./theory/ginibreLinearStatistics.js";
export * from "./theory/linearStatistics.js";
export * from "./tridiagonal/bidiagonalBisection.js";
export * from "./tridiagonal/tracePowers.js";
