/**
 * The jobs of `betaens sample`: their checks and cost estimate, and λ_max of one sample by the
 * model that applies (full, truncated or limit). The run itself is the driver's (runSample in
 * src/driver/legacy.ts, kernels in src/driver/kernels.ts). Browser-safe (no Node APIs).
 *
 * Random streams: sample s (0-based) of seed K uses createRandomSource(K, s), so sample s is the
 * same whatever the number of samples, the batching or the worker that computes it; a job with
 * firstSample F draws samples F … F + S − 1 (docs/conventions.md §3).
 */

import { type BudgetLimit, checkBudget, type Threads } from "../budget.js";
import { createRandomSource } from "../random/philox.js";
import { DEFAULT_BULK } from "../spec/defaults.js";
import { checkBulkWindow } from "../statistics/unfolding.js";
import { VERSION } from "../version.js";
import { type DensityMatrixStat, isDensityMatrixStat } from "./densityMatrixStatistics.js";
import { checkTruncatedRows, truncationSize } from "./edge.js";
import { largestEigenvalueOf } from "./largestEigenvalue.js";
import { defaultEnergy, drawSpacings, sampleWindow } from "./localStatistics.js";
import {
  type ClassicalSpec,
  checkEnsemble,
  drawSample,
  type EnsembleSpec,
  MODELS,
  type SampleModel,
} from "./models.js";

export type { SampleModel } from "./models.js";
/** purity, entropy and min are statistics of the fixed-trace ensemble (densityMatrixStatistics.ts). */
export type SampleStat =
  | "eigenvalues"
  | "max"
  | "histogram"
  | "spacings"
  | "window"
  | DensityMatrixStat;

export interface SampleJob {
  spec: EnsembleSpec;
  model: SampleModel;
  n: number;
  beta: number;
  samples: number;
  seed: number;
  /** Index of the first sample drawn (default 0): the run draws samples F … F + S − 1. */
  firstSample?: number;
  stat: SampleStat;
  /** Histogram bin edges (B + 1 increasing numbers), required when stat = "histogram". */
  edges?: Float64Array;
  /** Parameters to report in the output (e.g. the Wishart dims the user gave); default spec.params. */
  reportedParams?: Record<string, number>;
  /** "edge": report λ_max on the Tracy–Widom scale, (λ_max − center)/scale (stat = max only). */
  scaling?: "none" | "edge";
  /** stat = spacings: the limit-CDF window [lo, hi] of the spacings kept (default [0, 1]). */
  bulk?: [number, number];
  /** stat = window: the energy (raw units; default the median of the limit law) and count k. */
  energy?: number;
  count?: number;
}

export interface SampleResult {
  betaens: string;
  command: "sample";
  ensemble: string;
  model: SampleModel;
  n: number;
  beta: number;
  params: Record<string, number>;
  seed: number;
  /** Present when the job's firstSample is not 0: the rows are samples F, F + 1, …. */
  firstSample?: number;
  stat: SampleStat;
  /**
   * stat = eigenvalues: S ascending rows of N (circular: angles in [0, 2π); ginibre: S rows of N
   * [re, im] pairs); stat = max, purity, entropy, min: S numbers.
   */
  samples?: Float64Array[] | Float64Array | number[][][];
  edges?: Float64Array;
  counts?: Float64Array;
  below?: number;
  above?: number;
  /** With scaling = "edge": samples are (λ_max − center)/scale → TW_β (β-ensemble convention). */
  scaling?: { kind: "edge"; center: number; scale: number };
  /** stat = spacings | window: the local-statistics fields (ensembles/localStatistics.ts). */
  bulk?: [number, number];
  energy?: number;
  count?: number;
  /** stat = window: per sample the index of the first eigenvalue, unfolded spacings and ratios. */
  firstIndex?: number[];
  spacings?: Float64Array[];
  ratios?: Float64Array[];
}

/** Sturm-count steps (one row of one count) per second, measured (≈ 3e8 for histograms). */
const STURM_STEPS_PER_SECOND = 2e8;
/** Steps of the O(N²) tridiagonal eigenvalue solver per second (N = 1e4 in ≈ 1 s). */
const EIGEN_STEPS_PER_SECOND = 1e8;

/** The up-front cost of a job: peak memory, time, and the numbers it keeps for the output. */
export interface JobCost {
  bytes: number;
  seconds: number;
  /** Numbers in the result (S·N eigenvalues, 2·S·N for Ginibre, S maxima, 3·B for a histogram). */
  values: number;
}

/** Estimates memory, time and output size of a job (no checks; see checkJobCost). */
export function estimateJobCost(job: SampleJob): JobCost {
  const { samples, stat, model } = job;
  const bins = job.edges ? job.edges.length - 1 : 0;
  if (model === "limit") {
    // One uniform and one tabulated quantile per sample, whatever N (≈ 5 µs).
    return { bytes: 8 * samples, seconds: samples * 1e-5, values: samples };
  }
  // Work and memory scale with the rows actually drawn.
  const n = (Number.isSafeInteger(job.n) ? truncatedRows(job) : undefined) ?? job.n;
  const complex = job.spec.ensemble === "ginibre";
  const scalar = stat === "max" || isDensityMatrixStat(stat);
  const values =
    stat === "eigenvalues" || stat === "spacings"
      ? samples * n * (complex ? 2 : 1)
      : scalar
        ? samples
        : stat === "window"
          ? samples * 3 * (job.count ?? 0)
          : 3 * bins;
  // Dense models hold complex matrices (β = 4: of order 2N, a few copies); banded ones ≈ 6 N doubles.
  const dense = model === "full" || complex;
  const workDoubles = dense ? 32 * n * n : 6 * n;
  const bytes = 8 * (workDoubles + values);
  // Entropy needs every eigenvalue (O(N²)); purity is Σ λ² of the bidiagonal's tridiagonal (O(N)).
  const quadratic = stat === "eigenvalues" || stat === "spacings" || stat === "entropy";
  let seconds: number;
  if (dense) seconds = (samples * n * n * n) / EIGEN_STEPS_PER_SECOND;
  else if (model === "cmv") seconds = (5 * samples * n * n) / EIGEN_STEPS_PER_SECOND;
  else if (stat === "window") {
    // The window sampler: ≈ 40 passes over the rows (17-point block products, ~13 Sturm counts)
    // plus ≈ 10 phase evaluations per eigenvalue of ≈ 60 blocks each (tridiagonal/windowEigenvalues.ts).
    seconds = (samples * (40 * n + 600 * (job.count ?? 0) ** 1.5)) / EIGEN_STEPS_PER_SECOND;
  } else if (quadratic) seconds = (samples * n * n) / EIGEN_STEPS_PER_SECOND;
  else {
    const steps = stat === "max" || stat === "min" ? 60 : stat === "purity" ? 1 : bins + 1;
    seconds = (samples * n * steps) / STURM_STEPS_PER_SECOND;
  }
  return { bytes, seconds, values };
}

/** What to change when a job is over budget, in the library's words (the CLI passes its own). */
function jobAdvice(job: SampleJob, limit: BudgetLimit): string {
  const dense = job.model === "full" || job.spec.ensemble === "ginibre";
  if (dense) return "the tridiagonal model samples the same law in O(N) memory and O(N²) time";
  if (limit === "memory" && job.stat !== "eigenvalues") return "use a smaller n";
  return job.stat === "eigenvalues"
    ? 'use stat "max" or "histogram" (O(N) per point), or fewer samples'
    : "use fewer samples";
}

/**
 * Checks a job's estimated memory and time against the shared budget (src/budget.ts) and throws a
 * BudgetError (a RangeError) beyond it, with `advice` (default: in the library's words). With
 * `threads` (K workers), the time is divided by the speed-up and each worker adds its memory
 * (budget.ts parallelEstimate).
 */
export function checkJobCost(
  job: SampleJob,
  advice?: (limit: BudgetLimit) => string | undefined,
  threads?: Threads,
): JobCost {
  const cost = estimateJobCost(job);
  // A worker thread holds one sample's work arrays (and its blocks of rows: the caller's part).
  const perWorker =
    threads && threads.workers > 1 ? estimateJobCost({ ...job, samples: 1 }) : undefined;
  const bytesPerWorker = perWorker && perWorker.bytes + (threads?.bytesPerWorker ?? 0);
  checkBudget(
    {
      what: "this run",
      bytes: cost.bytes,
      seconds: cost.seconds,
      threads: threads && { ...threads, bytesPerWorker },
    },
    (limit) => (advice ? advice(limit) : jobAdvice(job, limit)),
  );
  return cost;
}

/**
 * The number of rows drawn per sample when --stat max uses the truncated model (Hermite and
 * Laguerre, tridiagonal, β > 0): K = truncationSize(N, β) ≈ c(β)·N^(1/3), c(β) growing like
 * β^(−2/3) for small β, so that the rows below K change λ_max with probability ≲ 1e−12
 * (src/ensembles/edge.ts; regime map and measurements in docs/edge-limit/truncation.md).
 * Undefined when the full matrix is used (K ≥ N — e.g. whenever βN ≲ 45 — or another
 * ensemble/statistic). Throws a RangeError when K exceeds what one sample may hold
 * (checkTruncatedRows: only β ≲ 0.002 at N ≳ 5e14).
 */
export function truncatedRows(
  job: Pick<SampleJob, "spec" | "stat" | "model" | "n" | "beta">,
): number | undefined {
  const { spec, stat, model, n, beta } = job;
  if (stat !== "max" || model !== "tridiagonal" || !(beta > 0)) return undefined;
  if (spec.ensemble !== "hermite" && spec.ensemble !== "laguerre") return undefined;
  const k = truncationSize(n, beta);
  if (k >= n) return undefined;
  checkTruncatedRows(n, beta, k);
  return k;
}

/**
 * Throws a RangeError unless the job is well-formed and within the budget (checkJobCost, with the
 * given advice for a refusal).
 */
export function checkJob(
  job: SampleJob,
  advice?: (limit: BudgetLimit) => string | undefined,
  threads?: Threads,
): void {
  checkEnsemble(job.spec, job.model, job.n, job.beta);
  if (!Number.isInteger(job.samples) || job.samples < 1) {
    throw new RangeError(`samples must be an integer >= 1, got ${job.samples}`);
  }
  if (!Number.isInteger(job.seed) || job.seed < 0 || job.seed > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`seed must be an integer in [0, 2^53 - 1], got ${job.seed}`);
  }
  const first = job.firstSample ?? 0;
  if (!Number.isSafeInteger(first + job.samples) || first < 0 || !Number.isInteger(first)) {
    throw new RangeError(
      `firstSample must be an integer >= 0 with firstSample + samples <= 2^53 - 1, got ${first}`,
    );
  }
  if (job.spec.ensemble === "ginibre" && job.stat !== "eigenvalues") {
    throw new RangeError("the Ginibre ensemble supports --stat eigenvalues only (complex points)");
  }
  if (job.spec.ensemble === "circular" && job.stat === "max") {
    throw new RangeError(
      "--stat max does not apply to circular angles; use eigenvalues or histogram",
    );
  }
  if (isDensityMatrixStat(job.stat) && job.spec.ensemble !== "fixed-trace") {
    throw new RangeError(`--stat ${job.stat} applies to the fixed-trace ensemble only`);
  }
  if (job.model === "limit" && job.stat !== "max") {
    throw new RangeError("the limit model gives λ_max only: use it with --stat max");
  }
  if (job.scaling === "edge") {
    if (job.stat !== "max" || !isClassical(job.spec) || job.beta === 0) {
      throw new RangeError(
        "--scaling edge applies to --stat max of hermite, laguerre or jacobi with beta > 0",
      );
    }
  }
  checkLocalStatistics(job);
  if (job.stat === "histogram") {
    const edges = job.edges;
    if (!edges || edges.length < 2) throw new RangeError("histogram needs at least one bin");
    for (let i = 0; i < edges.length; i++) {
      if (!Number.isFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
        throw new RangeError("histogram edges must be finite and strictly increasing");
      }
    }
  }
  checkJobCost(job, advice, threads);
}

/** The checks of stat = spacings | window (ensembles/localStatistics.ts). */
function checkLocalStatistics(job: SampleJob): void {
  if (job.stat !== "spacings" && job.bulk !== undefined) {
    throw new RangeError("a bulk window applies to --stat spacings only");
  }
  if (job.stat !== "window" && (job.energy !== undefined || job.count !== undefined)) {
    throw new RangeError("an energy and a count apply to --stat window only");
  }
  if (job.stat === "spacings") {
    if (job.spec.ensemble === "ginibre")
      throw new RangeError("ginibre points are complex: no spacings");
    if (job.bulk !== undefined) checkBulkWindow(job.bulk);
  }
  if (job.stat === "window") {
    if (!isClassical(job.spec) || job.model !== "tridiagonal") {
      throw new RangeError(
        "--stat window needs hermite, laguerre or jacobi with the tridiagonal model",
      );
    }
    const count = job.count;
    if (count === undefined || !Number.isInteger(count) || count < 3 || count > job.n) {
      throw new RangeError(`--stat window needs a count in [3, n], got ${count}`);
    }
    if (job.energy !== undefined && !Number.isFinite(job.energy)) {
      throw new RangeError(`the energy must be finite, got ${job.energy}`);
    }
  }
}

function isClassical(spec: EnsembleSpec): spec is ClassicalSpec {
  return spec.ensemble === "hermite" || spec.ensemble === "laguerre" || spec.ensemble === "jacobi";
}

/** The default model of an ensemble (tridiagonal, or CMV for circular, full for Ginibre). */
export function defaultModel(ensemble: EnsembleSpec["ensemble"]): SampleModel {
  return MODELS[ensemble][0];
}

/**
 * Runs a job with stat = spacings | window (ensembles/localStatistics.ts): one row per sample, of
 * a length that varies from sample to sample for spacings. Sample s uses createRandomSource(seed,
 * s) for s = firstSample … firstSample + samples − 1, as the driver's samples. These statistics
 * run in one thread (the driver keeps fixed-width rows: `--workers`/`--shard` refuse them).
 */
export function runLocalStatistics(
  job: SampleJob,
  onProgress?: (done: number, total: number) => void,
): SampleResult {
  const { spec, n, beta, samples, seed, stat } = job;
  const result: SampleResult = {
    betaens: VERSION,
    command: "sample",
    ensemble: spec.ensemble,
    model: job.model,
    n,
    beta,
    params: job.reportedParams ?? { ...spec.params },
    seed,
    stat,
  };
  const first = job.firstSample ?? 0;
  if (first !== 0) result.firstSample = first;
  const rows: Float64Array[] = [];
  if (stat === "spacings") {
    const window = job.bulk ?? DEFAULT_BULK;
    for (let s = 0; s < samples; s++) {
      const draw = drawSample(spec, job.model, createRandomSource(seed, first + s), n, beta);
      rows.push(drawSpacings(spec, draw, n, beta, window));
      onProgress?.(s + 1, samples);
    }
    result.samples = rows;
    result.bulk = [window[0], window[1]];
    return result;
  }
  const classical = spec as ClassicalSpec;
  const energy = job.energy ?? defaultEnergy(classical, n, beta);
  const count = job.count as number;
  result.energy = energy;
  result.count = count;
  result.firstIndex = [];
  result.spacings = [];
  result.ratios = [];
  for (let s = 0; s < samples; s++) {
    const rng = createRandomSource(seed, first + s);
    const w = sampleWindow(classical, rng, n, beta, energy, count);
    rows.push(w.eigenvalues);
    result.firstIndex.push(w.firstIndex);
    result.spacings.push(w.spacings);
    result.ratios.push(w.ratios);
    onProgress?.(s + 1, samples);
  }
  result.samples = rows;
  return result;
}

/** The job parts that determine λ_max of one sample. */
export type LargestEigenvalueJob = Pick<SampleJob, "spec" | "model" | "n" | "beta" | "seed">;

/**
 * True when --stat max of this job uses an edge model rather than a full draw: the truncated
 * tridiagonal model (Hermite/Laguerre, K = truncationSize(N, β) < N) or the Tracy–Widom limit model.
 */
export function usesEdgeModel(job: LargestEigenvalueJob): boolean {
  return job.model === "limit" || truncatedRows({ ...job, stat: "max" }) !== undefined;
}

/**
 * λ_max of sample s of a `--stat max` job, exactly as runSample (and so `betaens sample`)
 * computes it: truncated model or limit model when usesEdgeModel(job) (with `rescaled`, the value
 * (λ_max − center)/scale of edgeScaling, computed without cancellation), otherwise the full banded
 * model and bisection (`rescaled` is then ignored: rescale with edgeScaling). Sample s uses
 * createRandomSource(seed, s). No input checks beyond those of the samplers (see checkJob).
 *
 * @example
 * import { sampleLargestEigenvalue } from "betaens";
 * const job = {
 *   spec: { ensemble: "hermite" as const, params: { loc: 0, scale: 1 } },
 *   model: "tridiagonal" as const,
 *   n: 1e9,
 *   beta: 2,
 *   seed: 42,
 * };
 * const lambdaMax = sampleLargestEigenvalue(job, 5); // sample 5: only the top ≈ 16·N^(1/3) rows
 */
export function sampleLargestEigenvalue(
  job: LargestEigenvalueJob,
  s: number,
  rescaled = false,
): number {
  const { spec, n, beta } = job;
  const rng = createRandomSource(job.seed, s);
  if (job.model === "limit")
    return largestEigenvalueOf(spec, rng, n, beta, { method: "limit", rescaled });
  if (usesEdgeModel(job)) {
    // Same random stream and draw order as the full model: the first K rows are identical.
    return largestEigenvalueOf(spec, rng, n, beta, { method: "truncated", rescaled });
  }
  return largestEigenvalueOf(spec, rng, n, beta, { method: "full", model: job.model });
}
