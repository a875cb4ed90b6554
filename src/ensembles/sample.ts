/**
 * The driver behind `betaens sample` (and the browser worker): draws S independent samples of an
 * ensemble and reduces each to the requested statistic. Browser-safe (no Node APIs).
 *
 * Random streams: sample s (0-based) of seed K uses createRandomSource(K, s), so sample s is the
 * same whatever the number of samples, the batching or the worker that computes it.
 */
import { createRandomSource } from "../random/philox.js";
import { checkBulkWindow } from "../statistics/unfolding.js";
import { edgeScaling } from "../theory/edgeScaling.js";
import { sturmHistogram } from "../tridiagonal/histogram.js";
import { VERSION } from "../version.js";
import {
  type DensityMatrixStat,
  densityMatrixStatistic,
  isDensityMatrixStat,
} from "./densityMatrixStatistics.js";
import {
  checkTruncatedRows,
  hermiteLargestEigenvalueTruncated,
  hermiteRescaledLargestEigenvalueTruncated,
  laguerreLargestEigenvalueTruncated,
  laguerreRescaledLargestEigenvalueTruncated,
  truncationSize,
} from "./edge.js";
import { largestEigenvalueLimit } from "./edgeLimit.js";
import type { LaguerreParams } from "./laguerre.js";
import { defaultEnergy, drawSpacings, sampleWindow } from "./localStatistics.js";
import {
  type ClassicalSpec,
  checkEnsemble,
  type Draw,
  drawLargestEigenvalue,
  drawSample,
  drawTridiagonal,
  drawValues,
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

/** Limits that keep a run from exhausting memory or running for hours (estimated up front). */
export const LIMITS = {
  /** Bytes of Float64Arrays alive at once (matrix, work arrays and kept output). */
  maxBytes: 8 * 1024 ** 3,
  /** Operation count S·N² of the O(N²) eigenvalue solver (≈ 1e8 per second here). */
  maxEigenOperations: 2e11,
  /** Operation count S·N·(B + 1) of Sturm counts, or S·N·60 for bisection. */
  maxSturmOperations: 2e12,
  maxN: 2e8,
};

/** Estimates memory (bytes) and work (operations) of a job; throws a RangeError beyond LIMITS. */
export function checkJobCost(job: SampleJob): { bytes: number; operations: number } {
  const { samples, stat, model } = job;
  const bins = job.edges ? job.edges.length - 1 : 0;
  const truncated = Number.isSafeInteger(job.n) ? truncatedRows(job) : undefined;
  if (model === "limit") {
    // One uniform and one tabulated quantile per sample, whatever N.
    return { bytes: 8 * samples, operations: samples * 100 };
  }
  if (truncated === undefined && job.n > LIMITS.maxN) {
    throw new RangeError(
      `n = ${job.n} is too large for this statistic (at most ${LIMITS.maxN.toExponential()}; ` +
        "--stat max of hermite and laguerre accepts N up to 2^51)",
    );
  }
  // Work and memory scale with the rows actually drawn.
  const n = truncated ?? job.n;
  const scalar = stat === "max" || isDensityMatrixStat(stat);
  const keptValues =
    stat === "eigenvalues" || stat === "spacings"
      ? samples * n
      : scalar
        ? samples
        : stat === "window"
          ? samples * 3 * (job.count ?? 0)
          : bins;
  // Dense models hold complex matrices (β = 4: of order 2N, a few copies); banded ones ≈ 6 N doubles.
  const workDoubles = model === "full" || job.spec.ensemble === "ginibre" ? 32 * n * n : 6 * n;
  const bytes = 8 * (workDoubles + keptValues);
  const dense = model === "full" || job.spec.ensemble === "ginibre";
  const quadratic =
    stat === "eigenvalues" || stat === "spacings" || stat === "entropy" || model === "cmv";
  // The window sampler: ≈ 40 passes over the rows (17-point block products, ~13 Sturm counts)
  // plus ≈ 10 phase evaluations per eigenvalue of ≈ 60 blocks each (tridiagonal/windowEigenvalues.ts).
  const windowOperations = samples * (40 * n + 600 * (job.count ?? 0) ** 1.5);
  const operations = dense
    ? samples * n * n * n
    : stat === "window"
      ? windowOperations
      : quadratic
        ? samples * n * n
        : samples * n * (stat === "max" || stat === "min" ? 60 : stat === "purity" ? 1 : bins + 1);
  if (bytes > LIMITS.maxBytes) {
    throw new RangeError(
      `this run would need about ${(bytes / 1024 ** 3).toFixed(1)} GiB of memory ` +
        `(limit ${LIMITS.maxBytes / 1024 ** 3} GiB); use --stat max or --stat histogram, or fewer samples`,
    );
  }
  const limit = dense || quadratic ? LIMITS.maxEigenOperations : LIMITS.maxSturmOperations;
  if (operations > limit) {
    const hint =
      stat === "eigenvalues" && !dense
        ? "; use --stat max or --stat histogram (O(N) per point)"
        : dense
          ? "; the tridiagonal model samples the same law in O(N²)"
          : "";
    throw new RangeError(
      `this run would take about ${operations.toExponential(1)} operations (limit ` +
        `${limit.toExponential(0)}, roughly ${Math.round(limit / 1e8 / 60)} minutes)${hint}`,
    );
  }
  return { bytes, operations };
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

/** Throws a RangeError unless the job is well-formed. */
export function checkJob(job: SampleJob): void {
  checkEnsemble(job.spec, job.model, job.n, job.beta);
  if (!Number.isInteger(job.samples) || job.samples < 1) {
    throw new RangeError(`samples must be an integer >= 1, got ${job.samples}`);
  }
  if (!Number.isInteger(job.seed) || job.seed < 0 || job.seed > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`seed must be an integer in [0, 2^53 - 1], got ${job.seed}`);
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
  checkJobCost(job);
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

/** Adds the points of a sorted array to histogram counts over `edges` ([lo, hi) bins). */
function binSorted(
  values: Float64Array,
  edges: Float64Array,
  counts: Float64Array,
): { below: number; above: number } {
  const bins = counts.length;
  let below = 0;
  let above = 0;
  let b = 0;
  for (const x of values) {
    if (x < edges[0]) {
      below++;
      continue;
    }
    if (x >= edges[bins]) {
      above++;
      continue;
    }
    while (x >= edges[b + 1]) b++;
    counts[b]++;
  }
  return { below, above };
}

/** stat = spacings | window: one row per sample (ensembles/localStatistics.ts). */
function runLocalStatistics(
  job: SampleJob,
  result: SampleResult,
  onProgress?: (done: number, total: number) => void,
): SampleResult {
  const { spec, n, beta, samples, seed } = job;
  const rows: Float64Array[] = [];
  if (job.stat === "spacings") {
    const window = job.bulk ?? [0, 1];
    for (let s = 0; s < samples; s++) {
      const draw = drawSample(spec, job.model, createRandomSource(seed, s), n, beta);
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
    const w = sampleWindow(classical, createRandomSource(seed, s), n, beta, energy, count);
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
 */
export function sampleLargestEigenvalue(
  job: LargestEigenvalueJob,
  s: number,
  rescaled = false,
): number {
  const { spec, n, beta } = job;
  const rng = createRandomSource(job.seed, s);
  if (job.model === "limit" && (spec.ensemble === "hermite" || spec.ensemble === "laguerre")) {
    return largestEigenvalueLimit(spec.ensemble, rng, n, beta, spec.params, rescaled);
  }
  if (usesEdgeModel(job)) {
    // Same random stream and draw order as the full model: the first K rows are identical.
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
  return drawLargestEigenvalue(drawSample(spec, job.model, rng, n, beta));
}

/**
 * Runs a sampling job. `onProgress(done, total)` is called after each sample (for progress bars
 * and for the browser worker's partial results).
 */
export function runSample(
  job: SampleJob,
  onProgress?: (done: number, total: number) => void,
): SampleResult {
  checkJob(job);
  const { n, beta, samples, seed, stat, spec } = job;
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
  const rows: Float64Array[] = [];
  const complexRows: number[][][] = [];
  const maxima = new Float64Array(stat === "max" || isDensityMatrixStat(stat) ? samples : 0);
  const edges = job.edges ?? new Float64Array(0);
  const counts = new Float64Array(Math.max(edges.length - 1, 0));
  let below = 0;
  let above = 0;
  // The truncated and limit models compute (λ_max − center)/scale without cancellation (edge.ts).
  const rescaledDirectly = stat === "max" && job.scaling === "edge" && usesEdgeModel(job);
  if (stat === "spacings" || stat === "window") return runLocalStatistics(job, result, onProgress);
  for (let s = 0; s < samples; s++) {
    if (stat === "max") {
      maxima[s] = sampleLargestEigenvalue(job, s, rescaledDirectly);
      onProgress?.(s + 1, samples);
      continue;
    }
    const draw: Draw = drawSample(spec, job.model, createRandomSource(seed, s), n, beta);
    if (draw.kind === "complex") {
      complexRows.push(Array.from(draw.re, (re, i) => [re, draw.im[i]]));
    } else if (stat === "eigenvalues") {
      rows.push(drawValues(draw));
    } else if (isDensityMatrixStat(stat)) {
      maxima[s] = densityMatrixStatistic(draw, stat);
    } else {
      const t = drawTridiagonal(draw);
      const h = t
        ? sturmHistogram(t.diagonal, t.offDiagonalSquared, edges)
        : binSorted(drawValues(draw), edges, counts);
      if ("counts" in h) for (let b = 0; b < counts.length; b++) counts[b] += h.counts[b];
      below += h.below;
      above += h.above;
    }
    onProgress?.(s + 1, samples);
  }
  if (spec.ensemble === "ginibre") result.samples = complexRows;
  else if (stat === "eigenvalues") result.samples = rows;
  else if (isDensityMatrixStat(stat)) result.samples = maxima;
  else if (stat === "max") {
    result.samples = maxima;
    if (job.scaling === "edge" && isClassical(spec)) {
      const edge = edgeScaling(spec.ensemble, n, beta, spec.params);
      if (!rescaledDirectly) for (let s = 0; s < samples; s++) maxima[s] = edge.rescale(maxima[s]);
      result.scaling = { kind: "edge", center: edge.center, scale: edge.scale };
    }
  } else {
    result.edges = edges;
    result.counts = counts;
    result.below = below;
    result.above = above;
  }
  return result;
}
