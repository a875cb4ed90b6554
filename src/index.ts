/**
 * betaens — fast, validated sampling of β-ensembles. The library entry: browser-safe (no Node
 * APIs are reachable from here). Explicit named exports, grouped by folder in path order (the
 * order biome keeps; add a module's exports to its folder's block; ARCHITECTURE.md);
 * kernels' work buffers, engine-independent `det*` math, validators and SVG helpers stay internal.
 * Subpath entries: `betaens/tracy-widom`, `betaens/plot`, `betaens/io`.
 *
 * @example
 * import { createRandomSource, hermiteEigenvalues } from "betaens";
 * const x = hermiteEigenvalues(createRandomSource(42, 0), 1000, 2.5); // sample 0 of seed 42
 */

// ---- the refusal policy (src/budget.ts) -----------------------------------------------------
export {
  type Budget,
  BudgetError,
  type CostEstimate,
  checkBudget,
  getBudget,
  setBudget,
} from "./budget.js";
// ---- dense kernels (src/dense) --------------------------------------------------------------
export { cmvEigenangles } from "./dense/cmvEigenangles.js";
export { complexEigenvalues } from "./dense/complexEigenvalues.js";
export { hermitianEigenvalues } from "./dense/hermitianEigenvalues.js";
export { selfDualEigenvalues } from "./dense/selfDualEigenvalues.js";
export { symmetricEigenvalues } from "./dense/symmetricEigenvalues.js";
// ---- the driver: one job value (src/spec), one run loop, mergeable partials (src/driver) -------
// runSample, gibbsRun, runLinearStatistic: the library entries of `betaens sample | gibbs |
// linstat`, shells over run + finalize; shards and partials merge exactly (docs/scale.md).
export {
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
// ---- classical ensembles: tridiagonal, CMV and full models (src/ensembles) ------------------
export { bidiagonalToTridiagonal, type SquaredBidiagonal } from "./ensembles/bidiagonal.js";
export {
  circularCmvAngles,
  circularFullAngles,
  haarUnitary,
  type VerblunskyCoefficients,
  verblunskyCoefficients,
} from "./ensembles/circular.js";
// random density matrices (fixed-trace Laguerre ensemble) and linear statistics Σ f(x_i):
export {
  DENSITY_MATRIX_STATS,
  type DensityMatrixStat,
  densityMatrixStatistic,
} from "./ensembles/densityMatrixStatistics.js";
// λ_max by the full, truncated or limit model: one entry, largestEigenvalueOf(spec, rng, N, β,
// {method, rescaled}); the per-ensemble wrappers stay private (issue 12).
export { truncationSize } from "./ensembles/edge.js";
export {
  edgeLimitDistanceBound,
  edgeLimitMinimumSize,
  largestEigenvalueLimit,
} from "./ensembles/edgeLimit.js";
export {
  bidiagonalPurity,
  type FixedTraceParams,
  fixedTraceBidiagonal,
  fixedTraceEigenvalues,
  fixedTraceFullEigenvalues,
  fixedTraceParamsFromDimensions,
  purity,
  vonNeumannEntropy,
} from "./ensembles/fixedTrace.js";
export {
  type FullBeta,
  hermiteFullEigenvalues,
  jacobiFullEigenvalues,
  laguerreFullEigenvalues,
  type ManovaParams,
  manovaDimensions,
  type WishartParams,
  wishartDimension,
} from "./ensembles/full.js";
export { ginibreEigenvalues } from "./ensembles/ginibre.js";
export {
  defaultHermiteParams,
  type HermiteParams,
  hermiteEigenvalues,
  hermiteTridiagonal,
} from "./ensembles/hermite.js";
export {
  defaultJacobiParams,
  type JacobiParams,
  jacobiBidiagonal,
  jacobiEigenvalues,
  jacobiParamsFromManova,
  jacobiTridiagonal,
} from "./ensembles/jacobi.js";
export {
  defaultLaguerreParams,
  type LaguerreParams,
  laguerreBidiagonal,
  laguerreEigenvalues,
  laguerreParamsFromWishart,
  laguerreTridiagonal,
} from "./ensembles/laguerre.js";
export {
  type LargestEigenvalueMethod,
  type LargestEigenvalueOptions,
  largestEigenvalueOf,
} from "./ensembles/largestEigenvalue.js";
export {
  ginibreSquaredModuli,
  type LinearStatisticJob,
  type LinearStatisticResult,
  type LinearStatisticRow,
  type LinearStatisticSource,
  type LinearStatisticTheory,
  linearStatisticSample,
  linearStatisticTheory,
} from "./ensembles/linearStatistics.js";
export {
  type ClassicalSpec,
  type EnsembleSpec,
  MODELS,
  type SampleModel,
} from "./ensembles/models.js";
export {
  checkJob,
  defaultModel,
  estimateJobCost,
  type JobCost,
  type LargestEigenvalueJob,
  type SampleJob,
  type SampleResult,
  type SampleStat,
  sampleLargestEigenvalue,
} from "./ensembles/sample.js";
export { TRACY_WIDOM_BETA_N, tracyWidomBetaSample } from "./ensembles/tracyWidomBeta.js";
// ---- the Gibbs sampler for polynomial potentials (src/gibbs) --------------------------------
export type {
  GibbsRunOptions,
  GibbsRunResult,
  GibbsStat,
} from "./gibbs/run.js";
export {
  type GibbsChainOptions,
  type GibbsChainResult,
  type GibbsInitial,
  runGibbsChain,
} from "./gibbs/sampler.js";
export { jacobiFromSpectrum, SPECTRAL_MIN_BETA } from "./gibbs/spectral.js";
// ---- serialisation: JSON, CSV, NPY, browser-safe (src/io): the curated `betaens/io` entry ----
export * from "./io/index.js";
// ---- local statistics: sine_β spacings, gap ratios, counting, hard edge, window sampler --------
export * from "./localStatistics.js";
// ---- the mixing study of the Gibbs sampler (src/mixing) -------------------------------------
export { mixingFigureSvg } from "./mixing/figure.js";
export {
  estimateMixingCost,
  type MixingOptions,
  type MixingResult,
  mixingStudy,
} from "./mixing/study.js";
export { fixedTraceHistogramRange, fixedTracePlotSvg } from "./plot/fixedTraceFigure.js";
// ---- figures (src/plot) ---------------------------------------------------------------------
export {
  defaultHistogramRange,
  type HistogramOptions,
  histogramSvg,
  type LineChartOptions,
  type LineSeries,
  lineChartSvg,
  potentialLabel,
  type ScatterOptions,
  samplePlotSvg,
  sampleTitle,
  scatterSvg,
} from "./plot/index.js";
export {
  linearStatisticCumulantsSvg,
  linearStatisticHistogramSvg,
} from "./plot/linearStatisticsFigure.js";
// ---- polynomial potentials (src/potentials) -------------------------------------------------
export { parseCoefficientList } from "./potentials/coefficients.js";
export {
  compileExpression,
  type Expression,
  type FunctionName,
  parseExpression,
  parseTestFunction,
  polynomialCoefficients,
  type TestFunction,
  taylorCoefficients,
} from "./potentials/expression.js";
export { parsePotential } from "./potentials/parse.js";
export { formatPotential, validatePotential } from "./potentials/validate.js";
// ---- random numbers (src/random) ----------------------------------------------------------
export { beta, betaPair } from "./random/beta.js";
export { chi } from "./random/chi.js";
export {
  drawHermiteCoefficients,
  drawJacobiCoefficients,
  drawLaguerreCoefficients,
} from "./random/coefficients.js";
export { gamma } from "./random/gamma.js";
export { normal, normalQuantile } from "./random/normal.js";
export { createRandomSource } from "./random/philox.js";
export type { RandomSource } from "./random/source.js";
// ---- the job as a value, and shards (src/spec; docs/scale.md) -------------------------------
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
export { parseShard, type Shard, shardRange } from "./spec/shard.js";
// ---- special functions and statistics (src/special, src/statistics) -------------------------
export { airyAi, airyAiPrime, airyBi, airyBiPrime } from "./special/airy.js";
export { digamma } from "./special/digamma.js";
export { erf, erfc, normalCdf } from "./special/erf.js";
export { type GaussLegendreRule, gaussLegendre } from "./special/gaussLegendre.js";
export { logGamma } from "./special/logGamma.js";
export { logBeta, regularizedBetaI } from "./special/regularizedBeta.js";
export { regularizedGammaP, regularizedGammaQ } from "./special/regularizedGamma.js";
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
export {
  type CumulantEstimates,
  kStatisticsFromPowerSums,
  sampleCumulants,
} from "./statistics/cumulants.js";
export { kolmogorovSurvival, ksPValue, ksStatistic, ksTwoSample } from "./statistics/ks.js";
export { meanAndVariance } from "./statistics/moments.js";
// ---- every law as a distribution object (pdf, logpdf, cdf, logcdf, sf, logsf, quantile, isf,
// mean, variance, sample; vectorised; Jupyter display): docs/distributions.md --------------------
export {
  type ContinuousLaw,
  type ContinuousLawParts,
  continuousLaw,
  JUPYTER_DISPLAY,
  type Vectorised,
} from "./theory/distribution.js";
// ---- laws: limits, equilibrium measures, edge scaling, Tracy–Widom (src/theory) -------------
export { type EdgeParams, type EdgeScaling, edgeScaling } from "./theory/edgeScaling.js";
export {
  CIK_POTENTIAL,
  type EdgeConstants,
  type EquilibriumMeasure,
  edgeConstants,
  edgeScale,
  equilibriumMeasure,
} from "./theory/equilibrium.js";
export {
  fixedTracePurityMoments,
  fixedTraceSmallestEigenvalueLaw,
  laguerreSumOfSquaresMoments,
  laguerreTraceShape,
  pageMeanEntropy,
  wishartShape,
} from "./theory/fixedTrace.js";
export { fixedTraceEigenvalueLaw } from "./theory/fixedTraceDensity.js";
export {
  type GinibreRadialAsymptotics,
  ginibreRadialAsymptotics,
  ginibreRadialCumulants,
  type RadialTaylor,
} from "./theory/ginibreLinearStatistics.js";
export { goeLargestEigenvalueCdf } from "./theory/goeLargestEigenvalueCdf.js";
export { gseLargestEigenvalueCdf } from "./theory/gseLargestEigenvalueCdf.js";
export { gueLargestEigenvalueCdf } from "./theory/hermiteLargestEigenvalueCdf.js";
export {
  lueEdge,
  lueLargestEigenvalueCdf,
  lueLargestEigenvaluePdf,
} from "./theory/laguerreLargestEigenvalueCdf.js";
export {
  equilibriumLaw,
  gueLargestEigenvalue,
  lueLargestEigenvalue,
  marchenkoPastur,
  semicircle,
  wachter,
} from "./theory/laws.js";
export { type LimitEnsemble, type LimitLaw, limitLaw } from "./theory/limits.js";
export {
  chebyshevCoefficients,
  circularLinearStatistic,
  densityFactorLogDerivative,
  hermiteQuadraticCumulants,
  laguerreLinearCumulants,
  type OneCutLaw,
  type OneCutLinearStatisticTheory,
  oneCutLinearStatistic,
  oneCutVarianceLimit,
} from "./theory/linearStatistics.js";
export { loeLargestEigenvalueCdf } from "./theory/loeLargestEigenvalueCdf.js";
export { lseLargestEigenvalueCdf } from "./theory/lseLargestEigenvalueCdf.js";
export {
  marchenkoPasturCdf,
  marchenkoPasturDensity,
  marchenkoPasturSupport,
} from "./theory/marchenkoPastur.js";
export { referenceDensity, referenceRange } from "./theory/reference.js";
export { semicircleCdf, semicircleDensity, semicircleSupport } from "./theory/semicircle.js";
export {
  LAGUERRE_SECOND_CORRECTION_POLYNOMIALS,
  LAGUERRE_SECOND_CORRECTION_POLYNOMIALS_BETA,
  laguerreSoftEdgeCorrection,
  laguerreSoftEdgeParameter,
  laguerreSoftEdgeSecondCorrection,
  SOFT_EDGE_CORRECTIONS,
  SOFT_EDGE_SECOND_CORRECTIONS,
  type SoftEdgeCorrection,
  type SoftEdgeSpec,
  type SoftEdgeTerm,
  softEdgeCorrection,
  softEdgeLaw,
  softEdgeParameter,
  softEdgeSecondCorrection,
} from "./theory/softEdgeLaw.js";
export {
  type TracyWidomConvention,
  type TracyWidomMoments,
  tracyWidomCdf,
  tracyWidomIsf,
  tracyWidomLogCdf,
  tracyWidomLogPdf,
  tracyWidomLogSf,
  tracyWidomMoments,
  tracyWidomPdf,
  tracyWidomQuantile,
  tracyWidomSample,
  tracyWidomSf,
} from "./theory/tracyWidom.js";
export {
  TRACY_WIDOM_BETA_RANGE,
  type TracyWidomBetaLaw,
  type TracyWidomBetaOptions,
  tracyWidomBetaLaw,
} from "./theory/tracyWidomGeneral.js";
export { type TracyWidomOptions, tracyWidom } from "./theory/tracyWidomLaw.js";
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
export { wachterCdf, wachterDensity, wachterSupport } from "./theory/wachter.js";
export {
  bidiagonalNegativeCount,
  bidiagonalSmallestEigenvalue,
} from "./tridiagonal/bidiagonalBisection.js";
// ---- symmetric tridiagonal kernels (src/tridiagonal) ----------------------------------------
export { kthEigenvalue, largestEigenvalue } from "./tridiagonal/bisection.js";
export { bidiagonalSquaredSingularValues } from "./tridiagonal/dqds.js";
export { tridiagonalEigenvalues } from "./tridiagonal/eigenvalues.js";
export { type SturmHistogram, sturmHistogram, uniformEdges } from "./tridiagonal/histogram.js";
export { sturmCount } from "./tridiagonal/sturm.js";
export { tracePowers } from "./tridiagonal/tracePowers.js";
export type { SymmetricTridiagonal } from "./tridiagonal/types.js";
// ---- the version of the package --------------------------------------------------------------
export { VERSION } from "./version.js";
// ---- the WebAssembly kernels switch (src/wasm) ---------------------------------------------
export { loadWasmKernels, setWasmKernels, wasmKernelsStatus } from "./wasm/kernels.js";
