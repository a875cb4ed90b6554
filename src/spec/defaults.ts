/**
 * The defaults of every job in one place: what `betaens sample`, `gibbs`, `tw sample`, `mixing`
 * and `linstat` use for a flag not given, what the library's runners use for an option not given,
 * and the explorer's initial form. The usage texts quote these values. Browser-safe; imports
 * nothing (the sampler parameters' defaults are DEFAULT_PARAMETERS in ./params.ts).
 */

/** β when not given (`sample`, `gibbs`, `linstat`, the explorer). */
export const DEFAULT_BETA = 2;

/** Independent samples (chains) when not given (`sample`, `gibbs`, `tw sample`, the explorer). */
export const DEFAULT_SAMPLES = 1;

/** What is kept of a per-sample number (λ_max, a TW draw) when not given (spec/job.ts Summary). */
export const DEFAULT_SUMMARY = "values" as const;

/** Bins of `--stat histogram` when not given (`sample`, `gibbs`, the explorer). */
export const DEFAULT_HISTOGRAM_BINS = 100;

/**
 * The fine grid of `--summary cdf` for λ_max and TW draws (`sample --stat max --scaling edge`,
 * `tw sample`): 10000 bins on [−10, 10) of the Tracy–Widom scale.
 */
export const CDF_GRID: Readonly<{ lo: number; hi: number; bins: number }> = {
  lo: -10,
  hi: 10,
  bins: 10000,
};

/** The grid of `--stat spacings | window --summary cdf`: 500 bins of the unfolded spacing on [0, 5). */
export const LOCAL_CDF_GRID: Readonly<{ lo: number; hi: number; bins: number }> = {
  lo: 0,
  hi: 5,
  bins: 500,
};

/** Bins of the folded gap ratio min(r, 1/r) on [0, 1] of `--stat spacings | window`. */
export const LOCAL_RATIO_BINS = 200;

/** The window of F (unfolded position) whose spacings are kept, `--bulk LO,HI` (`sample`, `gibbs`). */
export const DEFAULT_BULK: readonly [number, number] = [0, 1];

/**
 * `betaens gibbs` (and the library's gibbsRun): passes P per chain, the chains' initial state
 * (a = b = 0), the statistic, the histogram's margin around the support of μ_V (± 5% of its width).
 */
export const GIBBS_DEFAULTS = {
  beta: DEFAULT_BETA,
  passes: 10,
  samples: DEFAULT_SAMPLES,
  initial: "zero",
  stat: "eigenvalues",
  bins: DEFAULT_HISTOGRAM_BINS,
  rangeMargin: 0.05,
  scaling: "none",
} as const;

/**
 * `betaens mixing` (src/mixing/study.ts): chains C and passes P per N, the initial state, and the
 * exact Hermite control draws per N, max(controlMinimum, controlPerChain·C); reference TW_β draws
 * for β ∉ {1, 2, 4}.
 */
export const MIXING_DEFAULTS = {
  chains: 200,
  passes: 15,
  initial: "zero",
  controlMinimum: 20000,
  controlPerChain: 20,
  referenceSamples: 20000,
} as const;

/** The exact Hermite control draws per N of a mixing study of C chains: max(20000, 20·C). */
export function mixingControlSamples(chains: number): number {
  return Math.max(MIXING_DEFAULTS.controlMinimum, MIXING_DEFAULTS.controlPerChain * chains);
}

/** `betaens linstat`: samples per N, Gibbs passes (potential ensemble), the points' scale. */
export const LINSTAT_DEFAULTS = {
  beta: DEFAULT_BETA,
  samples: 1000,
  passes: GIBBS_DEFAULTS.passes,
  initial: GIBBS_DEFAULTS.initial,
  scaling: "limit",
} as const;

/** `betaens tw sample`: draws, summary, and the grid of --summary cdf. */
export const TW_SAMPLE_DEFAULTS = {
  samples: DEFAULT_SAMPLES,
  summary: DEFAULT_SUMMARY,
  grid: CDF_GRID,
} as const;
