/**
 * The one driver: `run(job, sink)` computes samples first … first + count − 1 of a job in this
 * thread and returns their partial result. Every front end is a shell over it: the CLI (one
 * thread, or a pool of worker threads each running blocks, cli/pool.ts), the shard runner
 * (cli/shard.ts), the explorer's Web Workers (web/src/worker.ts). Browser-safe.
 *
 * @example
 * const job = makeSampleJob({ ensemble: "hermite", n: 100, beta: 2, stat: "max", count: 1000, seed: 1 });
 * const result = finalize(job, run(job));   // the object `betaens sample` prints
 */
import type { Job, SampleRange } from "../spec/job.js";
import { Accumulator, type RowSink } from "./accumulator.js";
import { type Kernel, kernelFor } from "./kernels.js";
import type { Partial } from "./partial.js";

/** What a front end receives while a run goes on. */
export interface RunSink {
  /** Called after each sample: (samples complete in this run, samples of this run). */
  progress?(done: number, total: number): void;
  /**
   * Progress inside sample s (fraction of it done), for long samples (Gibbs chains); `row`: the
   * sample's row so far (a Gibbs trace: λ_max after each completed pass, then unwritten entries).
   */
  within?(s: number, fraction: number, row?: Float64Array): void;
  /** Checked before each sample: when true the run stops and returns the completed samples. */
  cancelled?(): boolean;
  /** Streams rows in blocks (sample order) instead of keeping them in the partial. */
  rows?: RowSink;
  /** Rows per streamed block (default: about 4 MiB of rows). */
  blockRows?: number;
  /** The kernel, when the caller has made it already (it validates the job: once per job). */
  kernel?: Kernel;
  /**
   * Called after every `every` complete samples with the partial so far (a copy: the explorer
   * posts it as a snapshot); the last call is the final partial.
   */
  snapshot?: { every: number; take(partial: Partial): void };
}

/**
 * Runs the job's samples (or only `range`, a block inside them) in this thread. Validates the
 * job once (kernelFor), then samples; returns the partial of the completed samples.
 */
export function run(job: Job, sink: RunSink = {}, range?: SampleRange): Partial {
  const kernel = sink.kernel ?? kernelFor(job);
  const first = range?.first ?? job.first;
  const count = range?.count ?? job.count;
  const acc = new Accumulator(kernel.layout, first, count, sink.rows, sink.blockRows);
  const { progress, cancelled, snapshot, within } = sink;
  for (let i = 0; i < count; i++) {
    if (cancelled?.()) break;
    const s = first + i;
    kernel.sample(s, acc, within && ((fraction, row) => within(s, fraction, row)));
    progress?.(i + 1, count);
    if (snapshot && (i + 1) % snapshot.every === 0 && i + 1 < count) snapshot.take(acc.partial());
  }
  const partial = acc.partial();
  snapshot?.take(partial);
  return partial;
}
