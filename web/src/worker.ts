/**
 * The sampling Web Worker: runs one explorer job at a time and posts snapshots of its partial
 * results — the first one at once, then at most every POST_INTERVAL_MS, and the final one. The
 * page cancels a run by terminating the worker (and so its own workers).
 *
 * The sample views (jobs.ts) and the Gibbs views (gibbs.ts, one chain per block) are driver jobs:
 * their samples are cut into blocks that up to navigator.hardwareConcurrency Web Workers
 * (blockWorker.ts; the page sends the count) run on the driver, merged here in sample order
 * (blockPool.ts) — the same numbers for any number of workers, the CLI's numbers. Every reply
 * says how many workers the run uses. Local statistics and Ginibre run in this worker.
 */
import { loadWasmKernels } from "../../src/wasm/kernels.js";
import { type BlockPort, runGibbsJob, runSampleJob } from "./blockPool.js";
import { explorerRun } from "./compute.js";
import { TRACE_CHAINS_SHOWN } from "./gibbs.js";
import { explorerJob } from "./jobs.js";
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

const pool: Worker[] = [];

/** The pool's workers (started once, kept between runs); none where workers cannot nest. */
function sampleWorkers(wanted: number): BlockPort[] {
  if (typeof Worker === "undefined" || wanted <= 1) return [];
  while (pool.length < wanted) {
    pool.push(new Worker(new URL("./blockWorker.ts", import.meta.url), { type: "module" }));
  }
  return pool.slice(0, wanted) as unknown as BlockPort[];
}

scope.onmessage = (event) => {
  const { id, settings } = event.data;
  const hardware = Math.max(
    1,
    Math.floor(
      event.data.workers ?? (self.navigator as Navigator | undefined)?.hardwareConcurrency ?? 1,
    ),
  );
  const start = performance.now();
  let lastPost = Number.NEGATIVE_INFINITY;
  let posted = 0;
  let workers = 1;
  const fail = (message: string) => scope.postMessage({ type: "error", id, message });
  const failWith = (error: unknown) => fail(error instanceof Error ? error.message : String(error));
  /** Posts the first, the final and otherwise at most one snapshot every POST_INTERVAL_MS. */
  const post = (snapshot: Snapshot, final: boolean, copied = (s: Snapshot) => s) => {
    const now = performance.now();
    if (final || posted === 0 || snapshot.done === 1 || now - lastPost >= POST_INTERVAL_MS) {
      const elapsedMs = now - start;
      scope.postMessage({ type: "snapshot", id, elapsedMs, workers, ...copied(snapshot), final });
      lastPost = now;
      posted++;
    }
  };
  const onProgress = (progress: Progress) => {
    const elapsedMs = performance.now() - start;
    scope.postMessage({ type: "progress", id, elapsedMs, workers, ...progress });
  };
  if (settings.ensemble === "potential") {
    try {
      workers = runGibbsJob(
        settings,
        hardware,
        sampleWorkers,
        (snapshot, final) => post(snapshot, final, (s) => copy(s, final)),
        onProgress,
        fail,
      );
    } catch (error) {
      failWith(error);
    }
    return;
  }
  let job: ReturnType<typeof explorerJob>;
  try {
    job = explorerJob(settings);
  } catch (error) {
    failWith(error);
    return;
  }
  if (job !== null) {
    try {
      workers = runSampleJob(job, hardware, sampleWorkers, post, fail);
    } catch (error) {
      failWith(error);
    }
    return;
  }
  // Snapshots of whole samples are paced on their own: the page draws only these (issue 13).
  let lastCompletePost = Number.NEGATIVE_INFINITY;
  try {
    let last: Snapshot | undefined;
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
