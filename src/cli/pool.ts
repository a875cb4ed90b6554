/**
 * All cores of one machine (Node only): `runJob(job, { workers: K })` splits the job's samples into
 * contiguous blocks, hands them to K worker threads (node:worker_threads, each running the driver
 * on its blocks: poolWorker.ts) as they become free, and puts the blocks back together in sample
 * order. The result is the one of a single thread, byte for byte, for every K (each sample is a
 * pure function of (seed, s)); memory stays bounded because at most 2K blocks are in flight, a
 * block holds at most BLOCK_ROW_BYTES of rows, finished rows are handed to the row sink in order,
 * and each thread's young generation is capped (WORKER_RESOURCE_LIMITS; docs/scale.md).
 */
import { availableParallelism } from "node:os";
import { type ResourceLimits, Worker } from "node:worker_threads";
import type { RowSink } from "../driver/accumulator.js";
import { kernelFor } from "../driver/kernels.js";
import { mergeAll, mergePartials, type Partial } from "../driver/partial.js";
import { run } from "../driver/run.js";
import type { Job, SampleRange } from "../spec/job.js";

export interface RunOptions {
  /** Worker threads; 1 = this thread only. */
  workers: number;
  /** Stream finished rows here (in sample order) instead of keeping them. */
  rows?: RowSink;
  /** (samples complete, samples of the run). */
  progress?: (done: number, total: number) => void;
  /** The samples to run (default: the job's); a block inside the job's range. */
  range?: SampleRange;
  /** Filled in while the run goes on (tests: memory bounds that do not depend on timing). */
  stats?: PoolStats;
}

/** What a pooled run held at most: the evidence that its memory is bounded. */
export interface PoolStats {
  /** Blocks planned. */
  blocks: number;
  /** Largest number of blocks handed out and not yet delivered in order (≤ 2 × threads). */
  maxInFlight: number;
  /** Largest block, in bytes of rows (≤ BLOCK_ROW_BYTES). */
  maxBlockRowBytes: number;
  /** Threads started, and the V8 limits they run with. */
  threads: number;
  resourceLimits?: ResourceLimits;
}

/** Bytes of rows per block at most (a block's rows travel back from its worker at once). */
export const BLOCK_ROW_BYTES = 8 * 1024 * 1024;
/**
 * V8 limits of each worker thread. The young generation (new objects; scavenged) otherwise grows
 * towards 3 × 16 MiB per thread over a long run of small allocations (a truncated λ_max sample
 * allocates a few KiB): with 2 threads, --samples 1e5 of λ_max peaked at 133 MiB against 106 MiB
 * with 2 MiB semi-spaces (young generation 6 MiB), at the same CPU time (docs/scale.md).
 */
export const WORKER_RESOURCE_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 6 };
/** Blocks per worker, for balance when samples differ in cost (Gibbs rejection sampling). */
const BLOCKS_PER_WORKER = 8;

/** The default number of workers: the available parallelism (os.availableParallelism()). */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Estimated operations (≈ 1e-8 s each) of one block at most: about a second of work. */
const BLOCK_OPERATIONS = 1e8;

/**
 * Blocks of the range: ≈ BLOCKS_PER_WORKER per worker, each at most about a second of work (for
 * progress and a prompt stop) and with rows ≤ BLOCK_ROW_BYTES.
 */
export function planBlocks(
  range: SampleRange,
  workers: number,
  width: number,
  operationsPerSample = 1,
): SampleRange[] {
  const byMemory = Math.max(1, Math.floor(BLOCK_ROW_BYTES / (8 * Math.max(width, 1))));
  const byTime = Math.max(1, Math.floor(BLOCK_OPERATIONS / Math.max(operationsPerSample, 1)));
  const size = Math.max(
    1,
    Math.min(byMemory, byTime, Math.ceil(range.count / (workers * BLOCKS_PER_WORKER))),
  );
  const blocks: SampleRange[] = [];
  for (let s = 0; s < range.count; s += size) {
    blocks.push({ first: range.first + s, count: Math.min(size, range.count - s) });
  }
  return blocks;
}

/**
 * A worker thread running poolWorker.js next to this file; from the TypeScript sources (tests,
 * `node --import tsx`), poolWorker.ts is loaded through tsx's loader, registered in the thread.
 */
function startWorker(): Worker {
  const resourceLimits = WORKER_RESOURCE_LIMITS;
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./poolWorker.js", import.meta.url), { resourceLimits });
  const url = new URL("./poolWorker.ts", import.meta.url).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/** Message to a worker: run this block of this job. */
export interface BlockRequest {
  job: Job;
  block: SampleRange;
  index: number;
}
export type BlockReply =
  | { index: number; partial: Partial }
  | { index: number; error: string; name: string };

/**
 * Runs the job's samples (or options.range) on options.workers threads and returns the partial
 * (rows absent when streamed to options.rows). Validates the job in this thread first.
 */
export async function runJob(job: Job, options: RunOptions): Promise<Partial> {
  const kernel = kernelFor(job);
  const range = options.range ?? { first: job.first, count: job.count };
  const blocks = planBlocks(
    range,
    options.workers,
    kernel.layout.width,
    kernel.operationsPerSample,
  );
  const workers = Math.min(options.workers, blocks.length);
  const stats = options.stats;
  if (stats) {
    stats.blocks = blocks.length;
    stats.maxInFlight = 0;
    stats.threads = workers <= 1 ? 0 : workers;
    stats.maxBlockRowBytes = Math.max(...blocks.map((b) => 8 * b.count * kernel.layout.width));
  }
  if (workers <= 1) {
    return run(job, { kernel, rows: options.rows, progress: options.progress }, range);
  }
  return new Promise<Partial>((resolve, reject) => {
    const threads: Worker[] = [];
    const ready = new Map<number, Partial>();
    const kept: Partial[] = [];
    let merged: Partial | undefined;
    let next = 0; // next block to hand out
    let deliver = 0; // next block to deliver in order
    let done = 0;
    let failed = false;
    const stop = () => {
      for (const t of threads) void t.terminate();
    };
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      stop();
      reject(error);
    };
    const take = (partial: Partial) => {
      if (options.rows && partial.rows) {
        options.rows(partial.rows, partial.first, partial.count);
        partial = { ...partial, rows: undefined };
      }
      if (options.rows) merged = merged ? mergePartials(merged, partial) : partial;
      else kept.push(partial);
    };
    const dispatch = (worker: Worker) => {
      // At most 2 blocks per worker wait for delivery: memory stays bounded.
      if (next >= blocks.length || next - deliver >= 2 * workers) return false;
      const request: BlockRequest = { job, block: blocks[next], index: next };
      next++;
      if (stats) stats.maxInFlight = Math.max(stats.maxInFlight, next - deliver);
      worker.postMessage(request);
      return true;
    };
    const idle: Worker[] = [];
    for (let w = 0; w < workers; w++) {
      const worker = startWorker();
      threads.push(worker);
      if (stats) stats.resourceLimits = worker.resourceLimits;
      worker.on("error", (error) => fail(error));
      worker.on("message", (reply: BlockReply) => {
        if (failed) return;
        if ("error" in reply) {
          const error =
            reply.name === "RangeError" ? new RangeError(reply.error) : new Error(reply.error);
          fail(error);
          return;
        }
        ready.set(reply.index, reply.partial);
        done += reply.partial.count;
        while (ready.has(deliver)) {
          const partial = ready.get(deliver) as Partial;
          ready.delete(deliver);
          deliver++;
          try {
            take(partial);
          } catch (error) {
            fail(error as Error);
            return;
          }
        }
        options.progress?.(done, range.count);
        if (deliver === blocks.length) {
          stop();
          resolve(options.rows ? (merged as Partial) : mergeAll(kept));
          return;
        }
        if (!dispatch(worker)) idle.push(worker);
        while (idle.length > 0 && dispatch(idle[idle.length - 1])) idle.pop();
      });
      if (!dispatch(worker)) idle.push(worker);
    }
  });
}
