/**
 * One run to its end in a Web Worker of its own, for the features that chain runs (compare.ts,
 * animate.ts): resolves with the final snapshot only (never a partial one), rejects on an error
 * or on cancel(). The worker is the page's (worker.ts), so a run's numbers are those of the same
 * settings run from the form, bit for bit.
 */
import type { RunRequest, Snapshot, WorkerReply } from "./protocol.js";
import type { Settings } from "./state.js";

export interface OneRun {
  result: Promise<Snapshot>;
  cancel(): void;
}

/** Raised by cancel(). */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
  }
}

export function runOnce(
  makeWorker: () => Worker,
  settings: Settings,
  onProgress?: (done: number, total: number, detail: string) => void,
): OneRun {
  const worker = makeWorker();
  let fail: (error: Error) => void = () => {};
  const result = new Promise<Snapshot>((resolve, reject) => {
    fail = (error) => {
      worker.terminate();
      reject(error);
    };
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === "error") fail(new Error(reply.message));
      else if (reply.type === "progress") onProgress?.(reply.done, reply.total, reply.detail);
      else {
        onProgress?.(reply.done, reply.total, "");
        if (reply.final) {
          worker.terminate();
          resolve(reply);
        }
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail(new Error(`the sampler failed: ${event.message || "unknown error"}`));
    };
  });
  const request: RunRequest = {
    type: "run",
    id: 1,
    settings,
    workers: navigator.hardwareConcurrency || 1,
  };
  worker.postMessage(request);
  return { result, cancel: () => fail(new Cancelled()) };
}
