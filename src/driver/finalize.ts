/**
 * From a job and the partial of all its samples to the object a front end writes: the JSON
 * object of `betaens sample`, `gibbs`, `tw sample` or `mixing` (docs/conventions.md), field for
 * field and number for number the one of the loops the driver replaces. When the rows were
 * streamed (partial.rows absent), `samples` is the STREAMED marker and io/stream.ts writes the
 * rows in its place.
 */
import { isDensityMatrixStat } from "../ensembles/densityMatrixStatistics.js";
import { linearStatisticResult } from "../ensembles/linearStatistics.js";
import type { SampleResult } from "../ensembles/sample.js";
import type { GibbsRunResult } from "../gibbs/run.js";
import type { OutputFormat } from "../io/format.js";
import type { MixingResult } from "../mixing/study.js";
import { mixingSummary } from "../mixing/study.js";
import type { GibbsJob, Job, SampleJob, TracyWidomJob } from "../spec/job.js";
import { convergenceDiagnostics } from "../statistics/convergence.js";
import { momentsFromPowerSums, PowerSums, type SampleMoments } from "../statistics/exactSum.js";
import { spacingSummaryResult } from "../statistics/spacingSummary.js";
import { edgeScaling } from "../theory/edgeScaling.js";
import { VERSION } from "../version.js";
import {
  binEdges,
  countEdges,
  gibbsAuxLayout,
  gibbsEdgeRescaling,
  linearStatisticJobOf,
  mixingJobPlan,
  spacingGridOf,
} from "./kernels.js";
import type { Partial } from "./partial.js";

/** Stands for rows streamed to the output instead of held in memory (io/stream.ts). */
export const STREAMED = Object.freeze({ streamed: true as const });
export type Streamed = typeof STREAMED;

/** Rows of a partial as the loops returned them: one Float64Array view per sample. */
export function rowViews(rows: Float64Array, width: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let i = 0; i < rows.length; i += width) out.push(rows.subarray(i, i + width));
  return out;
}

/** Ginibre rows (re, im interleaved) as rows of [re, im] pairs. */
function pairRows(rows: Float64Array, width: number): number[][][] {
  return rowViews(rows, width).map((row) => {
    const pairs: number[][] = [];
    for (let i = 0; i < row.length; i += 2) pairs.push([row[i], row[i + 1]]);
    return pairs;
  });
}

/** The moments of a summary "moments" run. */
export function momentsOf(partial: Partial): SampleMoments {
  if (!partial.powerSums) throw new RangeError("this run kept no moments");
  return momentsFromPowerSums(PowerSums.fromJSON(partial.powerSums));
}

/** The fields a per-sample-number summary adds: moments, or the CDF grid counts. */
function summaryFields(
  job: SampleJob | GibbsJob | TracyWidomJob,
  partial: Partial,
): Record<string, unknown> {
  if (job.summary === "moments") {
    return { summary: "moments", moments: momentsOf(partial), powerSums: partial.powerSums };
  }
  return {
    summary: "cdf",
    edges: binEdges(job.grid as NonNullable<typeof job.grid>),
    counts: partial.counts,
    below: partial.below,
    above: partial.above,
  };
}

function sampleResult(job: SampleJob, partial: Partial): SampleResult & Record<string, unknown> {
  const result: SampleResult & Record<string, unknown> = {
    betaens: VERSION,
    command: "sample",
    ensemble: job.ensemble,
    model: job.model,
    n: job.n,
    beta: job.beta,
    params: Object.fromEntries(job.reported),
    seed: job.seed,
    stat: job.stat,
  };
  if (job.first !== 0) result.firstSample = job.first;
  const rows = partial.rows;
  if (job.stat === "eigenvalues") {
    result.samples = (
      rows === undefined
        ? STREAMED
        : job.ensemble === "ginibre"
          ? pairRows(rows, partial.width)
          : rowViews(rows, partial.width)
    ) as SampleResult["samples"];
  } else if (isDensityMatrixStat(job.stat)) {
    if (job.summary === "values") result.samples = (rows ?? STREAMED) as Float64Array;
    else Object.assign(result, summaryFields(job, partial));
  } else if (job.stat === "max") {
    if (job.summary === "values") result.samples = (rows ?? STREAMED) as Float64Array;
    else Object.assign(result, summaryFields(job, partial));
    if (
      job.scaling === "edge" &&
      (job.ensemble === "hermite" || job.ensemble === "laguerre" || job.ensemble === "jacobi")
    ) {
      const edge = edgeScaling(job.ensemble, job.n, job.beta, job.params);
      result.scaling = { kind: "edge", center: edge.center, scale: edge.scale };
    }
  } else if (job.stat === "spacings" || job.stat === "window") {
    // The summary of the unfolded spacings (statistics/spacingSummary.ts); the rows are its
    // per-sample sums, not output.
    const local = job.local;
    if (job.stat === "spacings") result.bulk = local?.bulk ? [...local.bulk] : [0, 1];
    else {
      result.energy = local?.energy;
      result.count = local?.windowSize;
    }
    if (local && local.substream !== 0) result.substream = local.substream;
    result.summary = "cdf";
    Object.assign(
      result,
      spacingSummaryResult(
        spacingGridOf(job),
        partial.counts as Float64Array,
        partial.rows as Float64Array,
      ),
    );
  } else {
    result.edges = countEdges(job);
    result.counts = partial.counts;
    result.below = partial.below;
    result.above = partial.above;
  }
  return result;
}

export interface GibbsResult extends GibbsRunResult {
  scaling?: { kind: "edge"; bV: number; cV: number };
}

function gibbsResult(job: GibbsJob, partial: Partial): GibbsResult & Record<string, unknown> {
  const result: GibbsResult & Record<string, unknown> = {
    betaens: VERSION,
    command: "gibbs",
    n: job.n,
    beta: job.beta,
    potential: [...job.coeffs],
    passes: job.passes,
    seed: job.seed,
    stat: job.stat,
    initial: job.initial,
    exactConditionals: partial.exact,
    spectralEvery: job.spectralEvery,
  };
  if (job.first !== 0) result.firstSample = job.first;
  // The auxiliary row of each chain: --record eigenvalues, λ_max trace (diagnostics), cut counts.
  const aux = gibbsAuxLayout(job);
  const auxRows =
    partial.recorded && partial.recordWidth > 0
      ? rowViews(partial.recorded, partial.recordWidth)
      : [];
  if (job.record && auxRows.length > 0) {
    result.recordedPasses = job.record;
    result.recorded = auxRows.map((row) => rowViews(row.subarray(0, aux.record), job.n));
  }
  if (aux.cuts > 0 && auxRows.length > 0) {
    const at = aux.record + aux.trace;
    result.cutCounts = auxRows.map((row) => Array.from(row.subarray(at, at + aux.cuts)));
  }
  if (aux.trace > 0 && auxRows.length > 0) {
    const traces = auxRows.map((row) => row.subarray(aux.record, aux.record + aux.trace));
    const d = convergenceDiagnostics(traces);
    result.diagnostics = { ...d, firstPass: aux.traceFirstPass, lastPass: job.passes };
  }
  const rows = partial.rows;
  if (job.stat === "eigenvalues" || job.stat === "trace") {
    result.samples = (
      rows === undefined ? STREAMED : rowViews(rows, partial.width)
    ) as Float64Array[];
  } else if (job.stat === "max") {
    if (job.summary === "values") result.samples = (rows ?? STREAMED) as Float64Array;
    else Object.assign(result, summaryFields(job, partial));
  } else {
    result.edges = countEdges(job);
    result.counts = partial.counts;
    result.below = partial.below;
    result.above = partial.above;
  }
  if (job.scaling === "edge") {
    const edge = gibbsEdgeRescaling(Float64Array.from(job.coeffs), job.n);
    result.scaling = { kind: "edge", bV: edge.right, cV: edge.rightScale };
  }
  return result;
}

function tracyWidomResult(
  job: TracyWidomJob,
  partial: Partial,
  format: OutputFormat,
): Record<string, unknown> {
  const samples = partial.rows ?? STREAMED;
  if (job.summary !== "values") {
    const fields = summaryFields(job, partial);
    if (format !== "json") {
      if (job.summary === "cdf") return { edges: fields.edges, counts: fields.counts };
      const m = fields.moments as SampleMoments;
      return { samples: [m.count, m.mean, m.variance, m.skewness, m.excessKurtosis] };
    }
    return {
      betaens: VERSION,
      command: "tw",
      beta: job.beta,
      convention: job.convention,
      seed: job.seed,
      method: job.method,
      ...(job.method === "hermite-truncated" ? { n: job.n } : {}),
      ...(job.first !== 0 ? { firstSample: job.first } : {}),
      ...fields,
    };
  }
  if (format !== "json") return { samples };
  return {
    betaens: VERSION,
    command: "tw",
    beta: job.beta,
    convention: job.convention,
    seed: job.seed,
    method: job.method,
    ...(job.method === "hermite-truncated" ? { n: job.n } : {}),
    ...(job.first !== 0 ? { firstSample: job.first } : {}),
    samples,
  };
}

/**
 * The output object of a job from the partial of all its samples (for CSV/NPY the tabular part:
 * `tw sample` then writes only its samples). Mixing needs its rows in memory (C·P per N).
 */
export function finalize(
  job: Job,
  partial: Partial,
  format: OutputFormat = "json",
): Record<string, unknown> {
  if (partial.first !== job.first || partial.count !== job.count) {
    throw new RangeError(
      `the partial holds samples ${partial.first}…${partial.first + partial.count - 1}, the job ${job.first}…${job.first + job.count - 1}`,
    );
  }
  switch (job.task) {
    case "sample": {
      const result = sampleResult(job, partial);
      if (format !== "json" && job.stat === "max" && job.summary === "moments") {
        const m = result.moments as SampleMoments;
        return { samples: [m.count, m.mean, m.variance, m.skewness, m.excessKurtosis] };
      }
      return result;
    }
    case "gibbs":
      return gibbsResult(job, partial);
    case "tw":
      return tracyWidomResult(job, partial, format);
    case "mixing": {
      if (!partial.rows) throw new RangeError("the mixing study needs its rows in memory");
      // The summary's own cost (control and reference draws): the chains have run.
      const plan = mixingJobPlan(job, { first: 0, count: 0, summary: true });
      return mixingSummary(plan, partial.rows) as MixingResult & Record<string, unknown>;
    }
    case "linstat": {
      if (!partial.rows) throw new RangeError("linear statistics need their values in memory");
      return linearStatisticResult(linearStatisticJobOf(job), partial.rows) as unknown as Record<
        string,
        unknown
      >;
    }
  }
}
