/**
 * `betaens merge PART… [--output FILE] [--format json|csv|npy] [--plot FILE.svg]`: combines the
 * partial results of the K shards of one run into the output the run would have written in one
 * process — byte for byte (rows concatenated in sample order, integer counts added, exact power
 * sums merged). Refuses, with one line each, files that are not partials or are corrupt
 * (checksum), shards of different runs or betaens versions, overlapping and missing shards.
 * Memory stays bounded: rows are copied from the partials to the output in blocks.
 */
import { finalize } from "../driver/finalize.js";
import { ensembleSampleJob } from "../driver/kernels.js";
import { mergeAll, type Partial } from "../driver/partial.js";
import { rowShapeOf } from "../driver/shape.js";
import type { LinearStatisticResult } from "../ensembles/linearStatistics.js";
import type { SampleResult } from "../ensembles/sample.js";
import { rowStream } from "../io/stream.js";
import { mixingFigureSvg } from "../mixing/figure.js";
import type { MixingResult } from "../mixing/study.js";
import { linearStatisticCumulantsSvg } from "../plot/linearStatisticsFigure.js";
import { samplePlotSvg } from "../plot/sampleFigure.js";
import { type Job, jobDifferences, jobFromCanonical } from "../spec/job.js";
import { shardRange } from "../spec/shard.js";
import { VERSION } from "../version.js";
import { parseFlags } from "./args.js";
import { UsageError } from "./errors.js";
import { type GibbsCliResult, gibbsFinish, gibbsPlotSvg } from "./gibbs.js";
import { linstatPayload } from "./linstat.js";
import { planRunOutputs, writeRunOutputs } from "./output.js";
import { openPartial, type PartialFile } from "./partialFile.js";
import { canStream, headPartial, outputTarget, writeStream } from "./scale.js";

export const MERGE_USAGE = `usage: betaens merge PART… [--output FILE] [--format json|csv|npy] [--plot FILE.svg]
  Combines the partial results of the shards of one run (betaens … --shard i/K --output PART)
  into the output of the whole run, byte-identical to a run in one process. Every shard 0 … K−1
  must be given once; files are checked (checksum) and must come from the same run and version.`;

/** Rows per block copied from a partial to the output. */
const COPY_ROWS_BYTES = 4 * 1024 * 1024;

function range(first: number, count: number): string {
  return count === 0 ? "no samples" : `samples ${first}…${first + count - 1}`;
}

/** Opens and cross-checks the partials; returns them in shard order and the run's job. */
export function openRun(paths: string[]): { job: Job; parts: PartialFile[] } {
  const parts: PartialFile[] = [];
  try {
    for (const path of paths) parts.push(openPartial(path));
    const head = parts[0];
    const m0 = head.manifest;
    for (const part of parts) {
      const m = part.manifest;
      if (m.betaens !== VERSION) {
        throw new RangeError(
          `${part.path} was written by betaens ${m.betaens}; this is betaens ${VERSION}: merge with the version that wrote the shards`,
        );
      }
      if (m.job !== m0.job) {
        const a = jobFromCanonical(m0.job, m0.run);
        const b = jobFromCanonical(m.job, m.run);
        throw new RangeError(
          `${head.path} and ${part.path} are shards of different runs (they differ in ${jobDifferences(a, b).join(", ") || "the job"})`,
        );
      }
      if (m.run.first !== m0.run.first || m.run.count !== m0.run.count) {
        throw new RangeError(
          `${head.path} and ${part.path} are shards of different runs (${range(m0.run.first, m0.run.count)} vs ${range(m.run.first, m.run.count)})`,
        );
      }
      if (m.shard.count !== m0.shard.count) {
        throw new RangeError(
          `${head.path} is a shard of ${m0.shard.count}, ${part.path} a shard of ${m.shard.count}: the run was split differently`,
        );
      }
      const expected = shardRange(m.run, m.shard);
      if (expected.first !== m.range.first || expected.count !== m.range.count) {
        throw new RangeError(
          `${part.path}: corrupt (its samples do not match shard ${m.shard.index} of ${m.shard.count})`,
        );
      }
    }
    const byIndex = new Map<number, PartialFile>();
    for (const part of parts) {
      const index = part.manifest.shard.index;
      const other = byIndex.get(index);
      if (other) {
        throw new RangeError(
          `${other.path} and ${part.path} both hold shard ${index} of ${m0.shard.count} (${range(part.manifest.range.first, part.manifest.range.count)}): give each shard once`,
        );
      }
      byIndex.set(index, part);
    }
    const missing: number[] = [];
    for (let i = 0; i < m0.shard.count; i++) if (!byIndex.has(i)) missing.push(i);
    if (missing.length > 0) {
      const shown = missing.slice(0, 10).map((i) => {
        const r = shardRange(m0.run, { index: i, count: m0.shard.count });
        return `${i} (${range(r.first, r.count)})`;
      });
      throw new RangeError(
        `missing shard${missing.length > 1 ? "s" : ""} ${shown.join(", ")}${missing.length > 10 ? `, … (${missing.length} in all)` : ""} of ${m0.shard.count}`,
      );
    }
    const ordered = [...byIndex.keys()]
      .sort((a, b) => a - b)
      .map((i) => byIndex.get(i) as PartialFile);
    return { job: jobFromCanonical(m0.job, m0.run), parts: ordered };
  } catch (error) {
    for (const part of parts) part.close();
    throw error;
  }
}

/** The partial held by a file (rows read into memory only with `withRows`). */
function partialOf(part: PartialFile, withRows: boolean): Partial {
  const m = part.manifest;
  return {
    first: m.range.first,
    count: m.range.count,
    width: m.width,
    rows: withRows && m.width > 0 ? part.readRows(0, m.range.count) : undefined,
    recordWidth: m.recordWidth,
    recorded: m.recordWidth > 0 ? part.readSection("recorded") : undefined,
    counts: m.bins > 0 ? part.readSection("counts") : undefined,
    below: m.below,
    above: m.above,
    powerSums: m.powerSums ?? undefined,
    exact: m.exact,
  };
}

/** Runs `betaens merge`. */
export async function mergeCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(argv, ["output", "format", "plot"], [], "merge");
  if (positionals.length === 0)
    throw new UsageError("give the partial results to merge: betaens merge PART…");
  // Paths checked before any work (docs/conventions.md §5), as for a one-process run.
  const outputs = planRunOutputs(values);
  const format = outputs.format;
  const { job, parts } = openRun(positionals);
  try {
    const shape = rowShapeOf(job);
    const inMemory = outputs.plot !== undefined || !canStream(job, format) || shape === undefined;
    const merged = mergeAll(parts.map((part) => partialOf(part, inMemory)));
    if (inMemory) {
      const result = finalize(job, merged, format);
      if (job.task === "gibbs") gibbsFinish(job)(result);
      const payload =
        job.task === "linstat"
          ? linstatPayload(result as unknown as LinearStatisticResult, outputs)
          : undefined;
      writeRunOutputs(
        outputs,
        result,
        () => mergedFigure(job, format === "json" ? result : finalize(job, merged)),
        payload,
      );
      return;
    }
    const head = finalize(
      job,
      { ...headPartial(job, merged.width), ...merged, rows: undefined },
      format,
    );
    const stream = rowStream(head, format, shape, job.count);
    await writeStream(outputTarget(outputs), stream, async (sink) => {
      for (const part of parts) {
        const { width, range: r } = part.manifest;
        const step = Math.max(1, Math.floor(COPY_ROWS_BYTES / (8 * Math.max(width, 1))));
        for (let at = 0; at < r.count; at += step) {
          const rows = Math.min(step, r.count - at);
          sink(part.readRows(at, rows), rows);
        }
      }
    });
  } finally {
    for (const part of parts) part.close();
  }
}

/** The figure of a merged run, as the one-process run draws it with --plot. */
function mergedFigure(job: Job, result: Record<string, unknown>): string {
  if (job.task === "sample") {
    return samplePlotSvg(ensembleSampleJob(job), result as unknown as SampleResult);
  }
  if (job.task === "gibbs") {
    return gibbsPlotSvg(result as unknown as GibbsCliResult, Float64Array.from(job.coeffs));
  }
  if (job.task === "mixing") return mixingFigureSvg(result as unknown as MixingResult);
  if (job.task === "linstat") {
    return linearStatisticCumulantsSvg(result as unknown as LinearStatisticResult);
  }
  throw new UsageError("--plot applies to merged sample, gibbs, mixing and linstat runs");
}
