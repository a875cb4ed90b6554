/**
 * The CLI's shell over the driver (Node only): runs a job on `--workers K` threads, as shard i/K
 * of a bigger run (`--shard i/K | auto`, a partial-result file), and writes the output — rows
 * streamed to the file as they are produced when the format allows it, so that memory does not
 * grow with --samples. Shared by `sample`, `gibbs`, `tw sample` and `mixing`; docs/scale.md.
 */
import { writeSync } from "node:fs";
import type { Threads } from "../budget.js";
import { finalize } from "../driver/finalize.js";
import { kernelFor } from "../driver/kernels.js";
import type { Partial } from "../driver/partial.js";
import { run } from "../driver/run.js";
import { rowShapeOf } from "../driver/shape.js";
import type { OutputFormat } from "../io/format.js";
import { type AtomicFile, openFileAtomic } from "../io/outputFiles.js";
import { type RowStream, rowStream } from "../io/stream.js";
import { canonicalJob, type Job } from "../spec/job.js";
import { parseShard, type ResolvedShard, shardFromEnvironment, shardRange } from "../spec/shard.js";
import { type FlagValues, flagString, parseInteger } from "./args.js";
import { UsageError } from "./errors.js";
import { type RunOutputs, writeRunOutputs } from "./output.js";
import { PartialWriter } from "./partialFile.js";
import { BLOCK_ROW_BYTES, defaultWorkers, type RunOptions, runJob } from "./pool.js";
import { progressReporter } from "./progress.js";

/** The flags every sampling command takes for parallel and sharded runs. */
export const SCALE_FLAGS = ["workers", "shard", "shards"] as const;

export const SCALE_USAGE = `  parallel: [--workers K] (threads; default: all cores for runs longer than ~1 s)
  sharded:  [--shard i/K | --shard auto [--shards K]] --seed S --output PART   (0 ≤ i < K;
            auto reads SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX;
            "{shard}" in PART becomes i); then: betaens merge PART… --output FILE`;

export interface ScaleOptions {
  /** Worker threads, or "auto" (all cores when the run is estimated to take over a second). */
  workers: number | "auto";
  shard?: ResolvedShard;
}

/** Estimated seconds above which `auto` uses every core. */
const PARALLEL_SECONDS = 1;

/**
 * Parses --workers, --shard, --shards (and checks what a shard needs: --seed, --output). A shard
 * composes with --first-sample F: shard i/K takes its block of the run's samples F … F + S − 1.
 */
export function parseScaleFlags(
  values: FlagValues,
  context: { seedGiven: boolean; output?: string; plot?: string; format?: string },
  env: Record<string, string | undefined> = process.env,
): ScaleOptions {
  const workersText = flagString(values, "workers");
  const workers = workersText === undefined ? "auto" : parseInteger("workers", workersText, 1);
  if (typeof workers === "number" && workers > 1024) {
    throw new UsageError(`--workers must be <= 1024, got ${workers}`);
  }
  const shardText = flagString(values, "shard");
  const shardsText = flagString(values, "shards");
  const shards = shardsText === undefined ? undefined : parseInteger("shards", shardsText, 1);
  if (shardText === undefined) {
    if (shards !== undefined) throw new UsageError("--shards applies only with --shard auto");
    return { workers };
  }
  let shard: ResolvedShard;
  if (shardText === "auto") {
    shard = shardFromEnvironment(env, shards);
  } else {
    if (shards !== undefined) throw new UsageError("--shards applies only with --shard auto");
    shard = { ...parseShard(shardText), source: "--shard" };
  }
  if (!context.seedGiven) {
    throw new UsageError(
      "--shard needs --seed (every shard must draw from the same random streams)",
    );
  }
  if (context.output === undefined) {
    throw new UsageError(
      '--shard needs --output PART (a partial result; "{shard}" is replaced by the shard index)',
    );
  }
  if (context.plot !== undefined) {
    throw new UsageError(
      "--plot does not apply to a shard: plot the merged result (betaens merge … --plot)",
    );
  }
  if (context.format !== undefined) {
    throw new UsageError(
      "--format does not apply to a shard: choose it when merging (betaens merge … --format)",
    );
  }
  return { workers, shard };
}

/** The thread count of a job: --workers, or all cores for runs estimated above a second. */
export function workersFor(
  job: Job,
  workers: number | "auto",
  operationsPerSample: number,
): number {
  if (workers !== "auto") return workers;
  const seconds = (operationsPerSample * job.count) / 1e8;
  return seconds > PARALLEL_SECONDS ? defaultWorkers() : 1;
}

/**
 * The threads of a run for its up-front estimate (budget.ts parallelEstimate): --workers K, or
 * for "auto" all cores when the run takes over a second on one (as workersFor), on
 * availableParallelism() cores, at most one thread per sample (`samples`: this process's). Each
 * worker holds up to 2 blocks of rows (`rowBytes`: the bytes of the rows of this process's
 * samples; a block ≤ BLOCK_ROW_BYTES).
 */
export function threadsFor(
  scale: ScaleOptions,
  oneCoreSeconds: number,
  samples: number,
  rowBytes = 0,
): Threads {
  const cores = defaultWorkers();
  const wanted =
    scale.workers === "auto" ? (oneCoreSeconds > PARALLEL_SECONDS ? cores : 1) : scale.workers;
  // A sample runs in one thread: no more threads than samples.
  const workers = Math.max(1, Math.min(wanted, samples));
  return {
    workers,
    cores,
    bytesPerWorker: 2 * Math.min(BLOCK_ROW_BYTES, rowBytes / Math.max(workers, 1)),
  };
}

/** Whether a job's output can be written while its rows are produced. */
export function canStream(job: Job, format: OutputFormat): boolean {
  if (rowShapeOf(job) === undefined) return false;
  // Gibbs' JSON head holds exactConditionals, known only at the end.
  return !(job.task === "gibbs" && format === "json");
}

/**
 * The flag values with "{shard}" in --output replaced by the shard index (the path a shard
 * writes, checked before any work by planRunOutputs).
 */
export function shardFlagValues(values: FlagValues, scale: ScaleOptions): FlagValues {
  const output = flagString(values, "output");
  if (!scale.shard || output === undefined) return values;
  return { ...values, output: output.replaceAll("{shard}", String(scale.shard.index)) };
}

/** Writes bytes to an fd (standard output through process.stdout, synchronous on Linux). */
function writeAllSync(fd: number, data: string | Uint8Array): void {
  if (fd === 1) {
    process.stdout.write(data);
    return;
  }
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

/**
 * Where a streamed output goes: --output (planned before the work: an atomic file, or a device
 * or FIFO written in place), or standard output.
 */
export function outputTarget(outputs: RunOutputs): AtomicFile {
  if (outputs.output !== undefined) return openFileAtomic(outputs.output.path);
  return { fd: 1, commit() {}, abort() {} };
}

/** A value or a promise of it: single-thread runs finish synchronously. */
type MaybePromise<T> = T | Promise<T>;

function then<T, U>(value: MaybePromise<T>, next: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** Calls `body`, then `after` whether it succeeds or fails (synchronously when body is). */
function always<T>(body: () => MaybePromise<T>, after: (ok: boolean) => void): MaybePromise<T> {
  let result: MaybePromise<T>;
  try {
    result = body();
  } catch (error) {
    after(false);
    throw error;
  }
  if (result instanceof Promise) {
    return result.then(
      (value) => {
        after(true);
        return value;
      },
      (error) => {
        after(false);
        throw error;
      },
    );
  }
  after(true);
  return result;
}

/**
 * Writes a row stream to the target: head, the rows that `produce` hands to its sink (in
 * order), then the tail; commits the target, or aborts it on error.
 */
export function writeStream(
  target: AtomicFile,
  stream: RowStream,
  produce: (sink: (block: Float64Array, rows: number) => void) => MaybePromise<unknown>,
): MaybePromise<void> {
  let ok = false;
  return always(
    () => {
      writeAllSync(target.fd, stream.head);
      return then(
        produce((block, rows) => writeAllSync(target.fd, stream.encode(block, rows))),
        () => {
          writeAllSync(target.fd, stream.tail());
          target.commit();
          ok = true;
        },
      );
    },
    () => {
      if (!ok) target.abort();
    },
  );
}

/** Runs samples on `workers` threads; synchronously in this thread when workers = 1. */
function runOn(job: Job, options: RunOptions): MaybePromise<Partial> {
  if (options.workers <= 1) {
    const range = options.range ?? { first: job.first, count: job.count };
    return run(job, { rows: options.rows, progress: options.progress }, range);
  }
  return runJob(job, options);
}

export interface ExecuteOptions {
  scale: ScaleOptions;
  /** The outputs, checked before any work (planRunOutputs; a shard's --output is its partial). */
  outputs: RunOutputs;
  /** Keep the rows in memory and return the result (implied by a figure to draw). */
  keep?: boolean;
  /** Progress bar label and work estimate. */
  label: string;
  operations: number;
  /**
   * Called with the output object of the whole run (not for a shard), before it is written when
   * it is built in memory (it may add fields), after the rows when they were streamed.
   */
  finish?: (result: Record<string, unknown>) => void;
  /** The --plot figure, drawn from the output object and written with the data. */
  figure?: (result: Record<string, unknown>) => string;
  /** Further figures by flag name (RunOutputs.figures), drawn from the output object. */
  figures?: Record<string, (result: Record<string, unknown>) => string>;
  /** The data to write instead of the formatted output object (commands with their own tables). */
  payload?: (result: Record<string, unknown>) => string | Uint8Array;
}

/** Whether executeJob will stream the rows of a whole run (not a shard) to its output. */
export function willStream(
  job: Job,
  outputs: RunOutputs,
  options: { keep?: boolean; figure?: boolean; payload?: boolean } = {},
): boolean {
  const keep =
    options.keep === true ||
    options.payload === true ||
    (options.figure === true && outputs.plot !== undefined) ||
    outputs.figures !== undefined;
  return !keep && rowShapeOf(job) !== undefined && canStream(job, outputs.format);
}

/**
 * Runs a job as the CLI does: a shard (partial file), or the whole job with its output written
 * (streamed when possible). Returns the JSON output object when it was built in memory. On one
 * thread everything happens synchronously (no promise).
 */
export function executeJob(
  job: Job,
  options: ExecuteOptions,
): MaybePromise<Record<string, unknown> | undefined> {
  const kernel = kernelFor(job);
  const { outputs } = options;
  const format = outputs.format;
  const workers = workersFor(job, options.scale.workers, kernel.operationsPerSample);
  const shard = options.scale.shard;
  const range = shard ? shardRange(job, shard) : { first: job.first, count: job.count };
  const progress = progressReporter(range.count, options.operations / 1e8, options.label);
  return always(
    (): MaybePromise<Record<string, unknown> | undefined> => {
      if (shard) {
        // shardFlagValues put the shard index into the path before planRunOutputs checked it.
        if (!outputs.output) throw new UsageError("--shard needs --output PART");
        const target = openFileAtomic(outputs.output.path);
        let ok = false;
        return always(
          () => {
            const writer = new PartialWriter(target.fd);
            const rows = (block: Float64Array) => writer.rows(block);
            return then(
              runOn(job, { workers, range, rows, progress: progress.update }),
              (partial) => {
                const run = { first: job.first, count: job.count };
                writer.finish({ job: canonicalJob(job), run, shard }, partial);
                target.commit();
                ok = true;
                return undefined;
              },
            );
          },
          () => {
            if (!ok) target.abort();
          },
        );
      }
      const shape = rowShapeOf(job);
      const streamed = willStream(job, outputs, {
        keep: options.keep,
        figure: options.figure !== undefined,
        payload: options.payload !== undefined,
      });
      if (streamed && shape) {
        const head = finalize(job, headPartial(job, kernel.layout.width), format);
        const stream = rowStream(head, format, shape, job.count);
        const target = outputTarget(outputs);
        let final: Partial | undefined;
        return then(
          writeStream(target, stream, (sink) =>
            then(
              runOn(job, {
                workers,
                rows: (block, _first, rows) => sink(block, rows),
                progress: progress.update,
              }),
              (partial) => {
                final = partial;
              },
            ),
          ),
          () => {
            progress.done();
            if (options.finish && final) options.finish(finalize(job, final, format));
            return undefined;
          },
        );
      }
      return then(runOn(job, { workers, progress: progress.update }), (partial) => {
        progress.done();
        const result = finalize(job, partial, format);
        options.finish?.(result);
        const figure = options.figure;
        const figures = Object.fromEntries(
          Object.entries(options.figures ?? {}).map(([flag, draw]) => [flag, () => draw(result)]),
        );
        writeRunOutputs(
          outputs,
          result,
          figure && (() => figure(result)),
          options.payload ? options.payload(result) : undefined,
          figures,
        );
        return job.task === "tw" && format !== "json" ? finalize(job, partial) : result;
      });
    },
    () => progress.done(),
  );
}

/** A stand-in partial for building the head of a streamed output (fields not from the rows). */
export function headPartial(job: Job, width: number): Partial {
  return {
    first: job.first,
    count: job.count,
    width,
    recordWidth: 0,
    below: 0,
    above: 0,
    exact: true,
  };
}
