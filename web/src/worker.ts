/**
 * The sampling Web Worker: runs one explorer job at a time and posts snapshots of its partial
 * results — the first one at once, then at most every POST_INTERVAL_MS, and the final one. The
 * page cancels a run by terminating the worker (and so its own workers).
 *
 * The sample views are driver jobs (jobs.ts): their samples are cut into blocks that
 * navigator.hardwareConcurrency Web Workers (blockWorker.ts) run on the driver, merged here in
 * sample order — the same numbers for any number of workers, the CLI's numbers. The Gibbs views
 * run in this worker (gibbs.ts).
 */
import { kernelFor } from "../../src/driver/kernels.js";
import type { Partial } from "../../src/driver/partial.js";
import { run } from "../../src/driver/run.js";
import type { SampleJob } from "../../src/spec/job.js";
import { loadWasmKernels } from "../../src/wasm/kernels.js";
import type { BlockMessage, BlockResult } from "./blockWorker.js";
import { explorerRun } from "./compute.js";
import { TRACE_CHAINS_SHOWN } from "./gibbs.js";
import { explorerBlocks, explorerJob, SnapshotMerger } from "./jobs.js";
import type { Progress, RunRequest, Snapshot, WorkerReply } from "./protocol.js";

// Compile the WebAssembly kernels (src/wasm) while the page sends the job; a run that starts
// before this finishes compiles them synchronously, and without them the JavaScript path gives
// the same numbers.
void loadWasmKernels();

const POST_INTERVAL_MS = 80;

interface WorkerScope {
  onmessage: ((event: MessageEvent<RunRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
}
const scope = self as unknown as WorkerScope;

/**
 * Copies the typed arrays of a snapshot (the run keeps filling its own). Partial Gibbs snapshots
 * carry only the traces that are drawn; the final one carries all those kept (for downloads).
 */
function copy(snapshot: Snapshot, final: boolean): Snapshot {
  const p = snapshot.payload;
  switch (p.kind) {
    case "histogram":
      return { ...snapshot, payload: { ...p, counts: p.counts.slice() } };
    case "edge":
      return {
        ...snapshot,
        payload: { ...p, maxima: p.maxima.slice(0, Math.floor(snapshot.done)) },
      };
    case "gibbs": {
      const traces = final ? p.traces : p.traces.slice(0, TRACE_CHAINS_SHOWN);
      const h = p.histogram;
      return {
        ...snapshot,
        payload: {
          ...p,
          maxima: p.maxima.slice(0, p.chains),
          traces, // finished rows: never written again (postMessage clones them)
          traceSum: p.traceSum.slice(),
          histogram: h && { ...h, counts: h.counts.slice() },
        },
      };
    }
    default:
      return snapshot;
  }
}

/** Sampling workers at most. */
const MAX_WORKERS = 16;

const pool: Worker[] = [];

/** The pool's workers (started once, kept between runs); none where workers cannot nest. */
function sampleWorkers(wanted: number): Worker[] {
  if (typeof Worker === "undefined") return [];
  while (pool.length < wanted) {
    pool.push(new Worker(new URL("./blockWorker.ts", import.meta.url), { type: "module" }));
  }
  return pool.slice(0, wanted);
}

/**
 * Runs a sample job over the pool; calls post(snapshot, final) after each block delivered in
 * order (the merged partial holds exactly the completed samples 0 … done − 1).
 */
function runJob(
  job: SampleJob,
  post: (snapshot: Snapshot, final: boolean) => void,
  fail: (message: string) => void,
): void {
  const kernel = kernelFor(job);
  const hardware = (self.navigator as Navigator | undefined)?.hardwareConcurrency ?? 1;
  const blocks = explorerBlocks(job.count, Math.max(1, hardware), kernel.operationsPerSample);
  const merger = new SnapshotMerger(job, blocks.length);
  const take = (partial: Partial, index: number) => {
    for (const { snapshot, final } of merger.take(partial, index)) post(snapshot, final);
  };
  const workers = sampleWorkers(Math.min(MAX_WORKERS, hardware, blocks.length - 1));
  if (workers.length <= 1) {
    blocks.forEach((block, index) => {
      take(run(job, { kernel }, block), index);
    });
    return;
  }
  const ready = new Map<number, Partial>();
  let next = 0;
  let deliver = 0;
  let failed = false;
  const dispatch = (worker: Worker): boolean => {
    if (next >= blocks.length || next - deliver >= 4 * workers.length) return false;
    const message: BlockMessage = { job, block: blocks[next], index: next };
    next++;
    worker.postMessage(message);
    return true;
  };
  const idle: Worker[] = [];
  for (const worker of workers) {
    worker.onmessage = (event: MessageEvent<BlockResult>) => {
      if (failed) return;
      const reply = event.data;
      if ("error" in reply) {
        failed = true;
        fail(reply.error);
        return;
      }
      ready.set(reply.index, reply.partial);
      try {
        while (ready.has(deliver)) {
          const partial = ready.get(deliver) as Partial;
          ready.delete(deliver);
          take(partial, deliver);
          deliver++;
        }
      } catch (error) {
        failed = true;
        fail(error instanceof Error ? error.message : String(error));
        return;
      }
      if (!dispatch(worker)) idle.push(worker);
      while (idle.length > 0 && dispatch(idle[idle.length - 1])) idle.pop();
    };
    if (!dispatch(worker)) idle.push(worker);
  }
}

scope.onmessage = (event) => {
  const { id, settings } = event.data;
  const job = (() => {
    try {
      return explorerJob(settings);
    } catch (error) {
      scope.postMessage({
        type: "error",
        id,
        message: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
  })();
  if (job === undefined) return;
  if (job !== null) {
    const start = performance.now();
    let lastPost = Number.NEGATIVE_INFINITY;
    let posted = 0;
    try {
      runJob(
        job,
        (snapshot, final) => {
          const now = performance.now();
          if (final || posted === 0 || snapshot.done === 1 || now - lastPost >= POST_INTERVAL_MS) {
            scope.postMessage({ type: "snapshot", id, elapsedMs: now - start, ...snapshot, final });
            lastPost = now;
            posted++;
          }
        },
        (message) => scope.postMessage({ type: "error", id, message }),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      scope.postMessage({ type: "error", id, message });
    }
    return;
  }
  const start = performance.now();
  let lastPost = Number.NEGATIVE_INFINITY;
  let posted = 0;
  // Snapshots of whole samples are paced on their own: the page draws only these (issue 13).
  let lastCompletePost = Number.NEGATIVE_INFINITY;
  try {
    let last: Snapshot | undefined;
    const onProgress = (progress: Progress) => {
      scope.postMessage({
        type: "progress",
        id,
        elapsedMs: performance.now() - start,
        ...progress,
      });
    };
    for (const snapshot of explorerRun(settings, onProgress)) {
      last = snapshot;
      const now = performance.now();
      const final = snapshot.final ?? snapshot.done >= snapshot.total;
      // Always post the first complete sample (time to first histogram) and the final result.
      const firstComplete = posted === 0 || snapshot.done === 1;
      const complete = Number.isInteger(snapshot.done);
      if (
        final ||
        firstComplete ||
        now - lastPost >= POST_INTERVAL_MS ||
        (complete && now - lastCompletePost >= POST_INTERVAL_MS)
      ) {
        if (complete) lastCompletePost = now;
        scope.postMessage({
          type: "snapshot",
          id,
          elapsedMs: now - start,
          ...copy(snapshot, final),
          final,
        });
        lastPost = now;
        posted++;
      }
    }
    if (!last) throw new Error("the run produced nothing");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ type: "error", id, message });
  }
};
