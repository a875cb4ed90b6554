/**
 * The driver behind `betaens sample` (and the browser worker): draws S independent samples of an
 * ensemble and reduces each to the requested statistic. Browser-safe (no Node APIs).
 *
 * Random streams: sample s (0-based) of seed K uses createRandomSource(K, s), so sample s is the
 * same whatever the number of samples, the batching or the worker that computes it.
 */
import { createRandomSource } from "../random/philox.js";
import { largestEigenvalue } from "../tridiagonal/bisection.js";
import { tridiagonalEigenvalues } from "../tridiagonal/eigenvalues.js";
import { sturmHistogram } from "../tridiagonal/histogram.js";
import { VERSION } from "../version.js";
import { type ClassicalSpec, checkClassical, classicalTridiagonal } from "./models.js";

export type SampleStat = "eigenvalues" | "max" | "histogram";
export type SampleModel = "tridiagonal" | "full" | "cmv";

export interface SampleJob {
  spec: ClassicalSpec;
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
  /** stat = eigenvalues: S ascending rows of N; stat = max: S numbers. */
  samples?: Float64Array[] | Float64Array;
  edges?: Float64Array;
  counts?: Float64Array;
  below?: number;
  above?: number;
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
  const { n, samples, stat } = job;
  const bins = job.edges ? job.edges.length - 1 : 0;
  if (n > LIMITS.maxN) {
    throw new RangeError(`n = ${n} is too large (at most ${LIMITS.maxN.toExponential()})`);
  }
  const keptValues = stat === "eigenvalues" ? samples * n : stat === "max" ? samples : bins;
  // Two bidiagonal/tridiagonal arrays, the eigenvalue copy and work arrays: ≈ 6 doubles per point.
  const bytes = 8 * (6 * n + keptValues);
  const denseOrEigen = stat === "eigenvalues" || job.model === "full" || job.model === "cmv";
  const operations = denseOrEigen
    ? samples * n * n
    : samples * n * (stat === "max" ? 60 : bins + 1);
  if (bytes > LIMITS.maxBytes) {
    throw new RangeError(
      `this run would need about ${(bytes / 1024 ** 3).toFixed(1)} GiB of memory ` +
        `(limit ${LIMITS.maxBytes / 1024 ** 3} GiB); use --stat max or --stat histogram, or fewer samples`,
    );
  }
  const limit = denseOrEigen ? LIMITS.maxEigenOperations : LIMITS.maxSturmOperations;
  if (operations > limit) {
    const hint =
      stat === "eigenvalues" ? "; use --stat max or --stat histogram (O(N) per point)" : "";
    throw new RangeError(
      `this run would take about ${operations.toExponential(1)} operations (limit ` +
        `${limit.toExponential(0)}, roughly ${Math.round(limit / 1e8 / 60)} minutes)${hint}`,
    );
  }
  return { bytes, operations };
}

/** Throws a RangeError unless the job is well-formed. */
export function checkJob(job: SampleJob): void {
  checkClassical(job.spec, job.n, job.beta);
  if (!Number.isInteger(job.samples) || job.samples < 1) {
    throw new RangeError(`samples must be an integer >= 1, got ${job.samples}`);
  }
  if (!Number.isInteger(job.seed) || job.seed < 0 || job.seed > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`seed must be an integer in [0, 2^53 - 1], got ${job.seed}`);
  }
  if (job.model !== "tridiagonal") {
    throw new RangeError(`model "${job.model}" is not available for ${job.spec.ensemble}`);
  }
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
  const maxima = new Float64Array(stat === "max" ? samples : 0);
  const edges = job.edges ?? new Float64Array(0);
  const counts = new Float64Array(Math.max(edges.length - 1, 0));
  let below = 0;
  let above = 0;
  for (let s = 0; s < samples; s++) {
    const rng = createRandomSource(seed, s);
    const t = classicalTridiagonal(spec, rng, n, beta);
    if (stat === "eigenvalues") {
      rows.push(tridiagonalEigenvalues(t.diagonal, t.offDiagonalSquared));
    } else if (stat === "max") {
      maxima[s] = largestEigenvalue(t.diagonal, t.offDiagonalSquared);
    } else {
      const h = sturmHistogram(t.diagonal, t.offDiagonalSquared, edges);
      for (let b = 0; b < counts.length; b++) counts[b] += h.counts[b];
      below += h.below;
      above += h.above;
    }
    onProgress?.(s + 1, samples);
  }
  if (stat === "eigenvalues") result.samples = rows;
  else if (stat === "max") result.samples = maxima;
  else {
    result.edges = edges;
    result.counts = counts;
    result.below = below;
    result.above = above;
  }
  return result;
}
