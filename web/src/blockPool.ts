/**
 * The explorer's pool of sampling Web Workers, without the Workers themselves (no DOM, no
 * `self`: tested in Node with stand-in ports). A run is a driver job cut into blocks
 * (src/spec/job.ts, src/driver/run.ts); runBlocks hands the blocks to the ports as they become
 * free and delivers the partials in block order, so the merged result is the one of a single
 * thread — the CLI's — for any number of workers. The sample views (jobs.ts: SnapshotMerger) and
 * the Gibbs views (gibbs.ts: GibbsFold, one chain per block) both run through runBlocks.
 */
import { type Kernel, kernelFor } from "../../src/driver/kernels.js";
import type { Partial } from "../../src/driver/partial.js";
import { run } from "../../src/driver/run.js";
import {
  canonicalJob,
  type GibbsJob,
  type Job,
  type SampleJob,
  type SampleRange,
} from "../../src/spec/job.js";
import {
  chainProgress,
  fallbackEdges,
  GibbsFold,
  gibbsBlocks,
  gibbsEdges,
  gibbsExplorerJob,
  PROGRESS_MS,
} from "./gibbs.js";
import { explorerBlocks, SnapshotMerger } from "./jobs.js";
import type { Progress, Snapshot } from "./protocol.js";
import type { Settings } from "./state.js";

/** Run block `block` of `job` (numbered `index` in its run); `within`: report progress inside samples. */
export interface BlockMessage {
  job: Job;
  block: SampleRange;
  index: number;
  within?: boolean;
}
/** Progress inside sample s of a block; `row`: sample 0's row so far (a Gibbs trace), copied. */
export interface WithinReport {
  s: number;
  fraction: number;
  row?: Float64Array;
}
export type BlockResult =
  | { index: number; partial: Partial }
  | { index: number; error: string }
  | { index: number; within: WithinReport };

/** A sampling worker as the pool sees it (a Web Worker running blockWorker.ts, or a stand-in). */
export interface BlockPort {
  postMessage(message: BlockMessage): void;
  onmessage: ((event: { data: BlockResult }) => void) | null;
}

/** Sampling workers at most. */
export const MAX_WORKERS = 16;

/** A `within` callback that passes on at most one report every PROGRESS_MS (none at fraction 1). */
function throttled(
  report: (s: number, fraction: number, row?: Float64Array) => void,
): (s: number, fraction: number, row?: Float64Array) => void {
  let last = performance.now();
  return (s, fraction, row) => {
    if (fraction >= 1) return;
    const now = performance.now();
    if (now - last < PROGRESS_MS) return;
    last = now;
    report(s, fraction, row);
  };
}

let cached: { key: string; kernel: Kernel } | undefined;

/**
 * A block worker's work (blockWorker.ts): runs the block on the driver and posts its partial,
 * and, when asked, progress inside its samples. Everything is posted by copy (the caller posts
 * without a transfer list: a detached buffer deoptimises the worker, src/cli/poolWorker.ts).
 */
export function runBlockMessage(message: BlockMessage, post: (reply: BlockResult) => void): void {
  const { job, block, index } = message;
  try {
    const key = canonicalJob(job);
    if (cached?.key !== key) cached = { key, kernel: kernelFor(job) };
    const within = message.within
      ? throttled((s, fraction, row) =>
          post({ index, within: { s, fraction, row: s === 0 ? row?.slice() : undefined } }),
        )
      : undefined;
    post({ index, partial: run(job, { kernel: cached.kernel, within }, block) });
  } catch (error) {
    post({ index, error: error instanceof Error ? error.message : String(error) });
  }
}

export interface BlockRun {
  job: Job;
  kernel: Kernel;
  blocks: SampleRange[];
  /** The workers; none or one: the blocks run in this thread. */
  workers: BlockPort[];
  /** Called with each block's partial, in block order. */
  take(partial: Partial, index: number): void;
  fail(message: string): void;
  /** Called once, after the last block is taken. */
  done?(): void;
  /** Progress inside sample s of the first block not yet taken (at most every PROGRESS_MS). */
  within?(s: number, fraction: number, row?: Float64Array): void;
}

/**
 * Runs the blocks of a job on the workers (at most 4 blocks per worker wait for delivery) and
 * calls take(partial, index) for block 0, 1, … in this order, whatever order they finish in.
 */
export function runBlocks(r: BlockRun): void {
  const { job, kernel, blocks, workers } = r;
  const fail = (error: unknown) => r.fail(error instanceof Error ? error.message : String(error));
  if (workers.length <= 1) {
    try {
      blocks.forEach((block, index) => {
        const within = r.within && throttled(r.within);
        r.take(run(job, { kernel, within }, block), index);
      });
    } catch (error) {
      fail(error);
      return;
    }
    r.done?.();
    return;
  }
  const ready = new Map<number, Partial>();
  let next = 0;
  let deliver = 0;
  let failed = false;
  const dispatch = (worker: BlockPort): boolean => {
    if (next >= blocks.length || next - deliver >= 4 * workers.length) return false;
    worker.postMessage({ job, block: blocks[next], index: next, within: r.within !== undefined });
    next++;
    return true;
  };
  const idle: BlockPort[] = [];
  for (const worker of workers) {
    worker.onmessage = (event) => {
      if (failed) return;
      const reply = event.data;
      if ("within" in reply) {
        if (reply.index === deliver)
          r.within?.(reply.within.s, reply.within.fraction, reply.within.row);
        return;
      }
      if ("error" in reply) {
        failed = true;
        r.fail(reply.error);
        return;
      }
      ready.set(reply.index, reply.partial);
      try {
        while (ready.has(deliver)) {
          const partial = ready.get(deliver) as Partial;
          ready.delete(deliver);
          r.take(partial, deliver);
          deliver++;
        }
      } catch (error) {
        failed = true;
        fail(error);
        return;
      }
      if (deliver === blocks.length) {
        r.done?.();
        return;
      }
      if (!dispatch(worker)) idle.push(worker);
      while (idle.length > 0 && dispatch(idle[idle.length - 1])) idle.pop();
    };
    if (!dispatch(worker)) idle.push(worker);
  }
}

/** The workers a run uses (of `workers`): at most MAX_WORKERS, one per block. */
function used(workers: BlockPort[], blocks: number): BlockPort[] {
  return workers.slice(0, Math.min(MAX_WORKERS, blocks));
}

/**
 * Runs a sample view's job on the workers (`hardware`: the cores to plan blocks for); calls
 * post(snapshot, final) after each block delivered in order (the merged partial holds exactly
 * the completed samples 0 … done − 1). Returns the number of workers used (1: this thread).
 */
export function runSampleJob(
  job: SampleJob,
  hardware: number,
  workers: (count: number) => BlockPort[],
  post: (snapshot: Snapshot, final: boolean) => void,
  fail: (message: string) => void,
): number {
  const kernel = kernelFor(job);
  const blocks = explorerBlocks(job.count, Math.max(1, hardware), kernel.operationsPerSample);
  const merger = new SnapshotMerger(job, blocks.length);
  // Block 0 (sample 0 alone) is drawn first; the other blocks keep the workers busy.
  const ports = used(workers(Math.min(MAX_WORKERS, hardware, blocks.length - 1)), blocks.length);
  runBlocks({
    job,
    kernel,
    blocks,
    workers: ports,
    take: (partial, index) => {
      for (const { snapshot, final } of merger.take(partial, index)) post(snapshot, final);
    },
    fail,
  });
  return Math.max(1, ports.length);
}

/**
 * Runs a Gibbs view on the workers, one chain per block, folded in chain order (GibbsFold): the
 * snapshots of gibbsExplorerRun for any number of workers. When the histogram's edges come from
 * chain 0 (μ_V unknown), chain 0's final state runs first, then all chains. Progress inside the
 * first chain not yet complete goes to onProgress. Returns the number of workers used.
 */
export function runGibbsJob(
  settings: Settings,
  hardware: number,
  workers: (count: number) => BlockPort[],
  post: (snapshot: Snapshot, final: boolean) => void,
  onProgress: (progress: Progress) => void,
  fail: (message: string) => void,
): number {
  const edges = gibbsEdges(settings);
  const chains = settings.view === "configuration" ? 1 : settings.samples;
  const ports = used(workers(Math.min(MAX_WORKERS, hardware, chains)), chains);
  const chainsRun = (edges?: Float64Array) => {
    let job: GibbsJob;
    let kernel: Kernel;
    try {
      job = gibbsExplorerJob(settings, edges);
      kernel = kernelFor(job);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
      return;
    }
    const fold = new GibbsFold(job, edges);
    runBlocks({
      job,
      kernel,
      blocks: gibbsBlocks(job),
      workers: ports,
      take: (partial, index) => post(fold.take(partial), index === job.count - 1),
      fail,
      within: (s, fraction, row) => onProgress(chainProgress(job, s, fraction, row)),
    });
  };
  if (edges === "chain 0") {
    const first = gibbsExplorerJob({ ...settings, view: "configuration" });
    let chainZero: Float64Array | undefined;
    runBlocks({
      job: first,
      kernel: kernelFor(first),
      blocks: [{ first: 0, count: 1 }],
      workers: ports,
      take: (partial) => {
        chainZero = fallbackEdges(partial, settings.bins);
      },
      fail,
      done: () => chainsRun(chainZero),
    });
  } else {
    chainsRun(edges);
  }
  return Math.max(1, ports.length);
}
