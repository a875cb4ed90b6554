/**
 * The jobs of `betaens sample`: their checks and cost estimate, and λ_max of one sample by the
 * model that applies (full, truncated or limit). The run itself is the driver's (runSample in
 * src/driver/legacy.ts, kernels in src/driver/kernels.ts). Browser-safe (no Node APIs).
 *
 * Random streams: sample s (0-based) of seed K uses createRandomSource(K, s), so sample s is the
 * same whatever the number of samples, the batching or the worker that computes it.
 */
import { createRandomSource } from "../random/philox.js";
import { type DensityMatrixStat, isDensityMatrixStat } from "./densityMatrixStatistics.js";
import { truncationSize } from "./edge.js";
import { largestEigenvalueOf } from "./largestEigenvalue.js";
import {
  type ClassicalSpec,
  checkEnsemble,
  type EnsembleSpec,
  MODELS,
  type SampleModel,
} from "./models.js";

export type { SampleModel } from "./models.js";
/** purity, entropy and min are statistics of the fixed-trace ensemble (densityMatrixStatistics.ts). */
export type SampleStat = "eigenvalues" | "max" | "histogram" | DensityMatrixStat;

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
  const keptValues = stat === "eigenvalues" ? samples * n : scalar ? samples : bins;
  // Dense models hold complex matrices (β = 4: of order 2N, a few copies); banded ones ≈ 6 N doubles.
  const workDoubles = model === "full" || job.spec.ensemble === "ginibre" ? 32 * n * n : 6 * n;
  const bytes = 8 * (workDoubles + keptValues);
  const dense = model === "full" || job.spec.ensemble === "ginibre";
  const quadratic = stat === "eigenvalues" || stat === "entropy" || model === "cmv";
  const operations = dense
    ? samples * n * n * n
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
 * Laguerre, tridiagonal, β > 0): only the first K ≈ c(β)·N^(1/3) rows carry the top eigenvector, and
 * the truncated λ_max equals the full one to 1e−12 of the Tracy–Widom scale (src/ensembles/edge.ts).
 * Undefined when the full matrix is used (K ≥ N, or another ensemble/statistic).
 */
export function truncatedRows(
  job: Pick<SampleJob, "spec" | "stat" | "model" | "n" | "beta">,
): number | undefined {
  const { spec, stat, model, n, beta } = job;
  if (stat !== "max" || model !== "tridiagonal" || !(beta > 0)) return undefined;
  if (spec.ensemble !== "hermite" && spec.ensemble !== "laguerre") return undefined;
  const k = truncationSize(n, beta);
  return k < n ? k : undefined;
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

function isClassical(spec: EnsembleSpec): spec is ClassicalSpec {
  return spec.ensemble === "hermite" || spec.ensemble === "laguerre" || spec.ensemble === "jacobi";
}

/** The default model of an ensemble (tridiagonal, or CMV for circular, full for Ginibre). */
export function defaultModel(ensemble: EnsembleSpec["ensemble"]): SampleModel {
  return MODELS[ensemble][0];
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
  if (job.model === "limit")
    return largestEigenvalueOf(spec, rng, n, beta, { method: "limit", rescaled });
  if (usesEdgeModel(job)) {
    // Same random stream and draw order as the full model: the first K rows are identical.
    return largestEigenvalueOf(spec, rng, n, beta, { method: "truncated", rescaled });
  }
  return largestEigenvalueOf(spec, rng, n, beta, { method: "full", model: job.model });
}
