/**
 * runSample and gibbsRun, the library entries of `betaens sample` and `betaens gibbs` with their
 * original signatures, now thin shells over the driver: the job is converted to its value
 * (src/spec/job.ts), run(job) computes it in this thread, finalize(job, partial) builds the
 * result. Outputs are bit-identical to the loops they replaced (test/driver/driver.test.ts).
 */

import type { LinearStatisticJob, LinearStatisticResult } from "../ensembles/linearStatistics.js";
import type { SampleJob as EnsembleSampleJob, SampleResult } from "../ensembles/sample.js";
import { checkJob, runLocalStatistics } from "../ensembles/sample.js";
import type { GibbsRunOptions, GibbsRunResult } from "../gibbs/run.js";
import { checkGibbsRun } from "../gibbs/run.js";
import { defaultSpectralInterval } from "../gibbs/sampler.js";
import { GIBBS_DEFAULTS } from "../spec/defaults.js";
import type { GibbsJob, SampleJob } from "../spec/job.js";
import { finalize } from "./finalize.js";
import { linearStatisticJobValue } from "./kernels.js";
import { run } from "./run.js";

/** The job value of a runSample job. */
export function sampleJobValue(job: EnsembleSampleJob): SampleJob {
  return {
    task: "sample",
    ensemble: job.spec.ensemble,
    params: { ...job.spec.params } as Record<string, number>,
    reported: Object.entries(job.reportedParams ?? job.spec.params) as [string, number][],
    model: job.model,
    // spacings and window never reach the driver (runSample runs them in one thread).
    stat: job.stat as SampleJob["stat"],
    n: job.n,
    beta: job.beta,
    seed: job.seed,
    first: job.firstSample ?? 0,
    count: job.samples,
    edges: job.stat === "histogram" && job.edges ? Array.from(job.edges) : undefined,
    scaling: job.scaling ?? "none",
    summary: "values",
  };
}

/**
 * Runs a sampling job (sample s of seed K from createRandomSource(K, s)); `onProgress(done,
 * total)` is called after each sample. The result is the JSON object of `betaens sample`.
 *
 * @example
 * import { runSample } from "betaens";
 * const result = runSample({
 *   spec: { ensemble: "hermite", params: { loc: 0, scale: 1 } },
 *   model: "tridiagonal",
 *   n: 1e6,
 *   beta: 2,
 *   samples: 3,
 *   seed: 42,
 *   stat: "max",
 * }); // result.samples: λ_max of samples 0, 1, 2, as `betaens sample … --stat max`
 */
export function runSample(
  job: EnsembleSampleJob,
  onProgress?: (done: number, total: number) => void,
): SampleResult {
  checkJob(job);
  // Rows of varying length (spacings) and the window sampler's fields: one thread, no driver.
  if (job.stat === "spacings" || job.stat === "window") return runLocalStatistics(job, onProgress);
  const value = sampleJobValue(job);
  return finalize(value, run(value, { progress: onProgress })) as unknown as SampleResult;
}

/**
 * Runs S independent Gibbs chains (exact conditionals, and an exact spectral move every
 * `spectralEvery` passes) and returns the statistic: the final eigenvalues, the final λ_max,
 * λ_max after every pass ("trace"), or a histogram of the final eigenvalues over all chains
 * (Sturm counts); with ≥ 4 chains and ≥ 8 passes also split-R̂ and ESS of λ_max over the second
 * half of the passes, and with `cutPoints` the points of each chain in each cut. Chain s uses
 * createRandomSource(seed, s).
 * Reference: docs/theory.md §3.7 (DPPy `sample_mcmc`).
 *
 * @example
 * import { gibbsRun, parsePotential } from "betaens";
 * const run = gibbsRun({
 *   coeffs: parsePotential("x^4/4 - x^2"),
 *   n: 200,
 *   beta: 2,
 *   passes: 10,
 *   samples: 2,
 *   seed: 1,
 *   stat: "eigenvalues",
 * }); // run.samples: the final eigenvalues of chains 0 and 1
 */
export function gibbsRun(options: GibbsRunOptions): GibbsRunResult {
  checkGibbsRun(options);
  const job: GibbsJob = {
    task: "gibbs",
    coeffs: Array.from(options.coeffs),
    n: options.n,
    beta: options.beta,
    passes: options.passes,
    initial: options.initial ?? GIBBS_DEFAULTS.initial,
    stat: options.stat,
    seed: options.seed,
    first: options.firstSample ?? 0,
    count: options.samples,
    edges: options.stat === "histogram" && options.edges ? Array.from(options.edges) : undefined,
    scaling: GIBBS_DEFAULTS.scaling,
    record: options.recordPasses,
    summary: "values",
    spectralEvery: options.spectralEvery ?? defaultSpectralInterval(options.n, options.beta),
    diagnostics: options.diagnostics ?? "auto",
    cutPoints: options.cutPoints ? Array.from(options.cutPoints) : undefined,
  };
  return finalize(job, run(job, { progress: options.onProgress })) as unknown as GibbsRunResult;
}

/**
 * Runs a linear-statistics job: for each N, S samples of L_N = Σ f(x_i) (unit j·S + s is sample
 * s at ns[j], stream (seed, s, j)), their k-statistics with jackknife standard errors, and the
 * theory. `onProgress(done, total)` after each sample. The object of `betaens linstat`.
 */
export function runLinearStatistic(
  job: LinearStatisticJob,
  onProgress?: (done: number, total: number) => void,
): LinearStatisticResult {
  const value = linearStatisticJobValue(job);
  return finalize(value, run(value, { progress: onProgress })) as unknown as LinearStatisticResult;
}
