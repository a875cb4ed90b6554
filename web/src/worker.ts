/**
 * The sampling Web Worker: runs one explorer job at a time (explorerRun, library code only) and
 * posts snapshots of its partial results — the first one at once, then at most every
 * POST_INTERVAL_MS, and the final one. The page cancels a run by terminating the worker.
 */
import { explorerRun } from "./compute.js";
import type { RunRequest, Snapshot, WorkerReply } from "./protocol.js";

const POST_INTERVAL_MS = 80;

interface WorkerScope {
  onmessage: ((event: MessageEvent<RunRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
}
const scope = self as unknown as WorkerScope;

/** Copies the typed arrays of a snapshot (the run keeps filling its own). */
function copy(snapshot: Snapshot): Snapshot {
  const p = snapshot.payload;
  switch (p.kind) {
    case "histogram":
      return { ...snapshot, payload: { ...p, counts: p.counts.slice() } };
    case "edge":
      return {
        ...snapshot,
        payload: { ...p, maxima: p.maxima.slice(0, Math.floor(snapshot.done)) },
      };
    case "gibbs":
      return { ...snapshot, payload: { ...p, traces: p.traces.map((t) => t.slice()) } };
    default:
      return snapshot;
  }
}

scope.onmessage = (event) => {
  const { id, settings } = event.data;
  const start = performance.now();
  let lastPost = Number.NEGATIVE_INFINITY;
  let posted = 0;
  try {
    let last: Snapshot | undefined;
    for (const snapshot of explorerRun(settings)) {
      last = snapshot;
      const now = performance.now();
      const final = snapshot.final ?? snapshot.done >= snapshot.total;
      // Always post the first complete sample (time to first histogram) and the final result.
      const firstComplete = posted === 0 || snapshot.done === 1;
      if (final || firstComplete || now - lastPost >= POST_INTERVAL_MS) {
        scope.postMessage({
          type: "snapshot",
          id,
          elapsedMs: now - start,
          ...copy(snapshot),
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
