/**
 * A sampling Web Worker of the explorer's pool: runs blocks of a job on the driver
 * (src/driver/run.ts, the CLI's code) and posts back each block's partial result, copied: a
 * transfer would detach an ArrayBuffer, after which V8 adds a detach check to every typed-array
 * access in this worker (src/cli/poolWorker.ts). The coordinating worker (worker.ts) merges the
 * blocks in sample order.
 */
import type { Kernel } from "../../src/driver/kernels.js";
import { kernelFor } from "../../src/driver/kernels.js";
import type { Partial } from "../../src/driver/partial.js";
import { run } from "../../src/driver/run.js";
import { canonicalJob, type Job, type SampleRange } from "../../src/spec/job.js";
import { loadWasmKernels } from "../../src/wasm/kernels.js";

// Compile the WebAssembly kernels while the first block is on its way (same numbers without them).
void loadWasmKernels();

export interface BlockMessage {
  job: Job;
  block: SampleRange;
  index: number;
}
export type BlockResult = { index: number; partial: Partial } | { index: number; error: string };

interface BlockScope {
  onmessage: ((event: MessageEvent<BlockMessage>) => void) | null;
  postMessage(message: BlockResult): void;
}
const scope = self as unknown as BlockScope;
let cached: { key: string; kernel: Kernel } | undefined;

scope.onmessage = (event) => {
  const { job, block, index } = event.data;
  try {
    const key = canonicalJob(job);
    if (cached?.key !== key) cached = { key, kernel: kernelFor(job) };
    const partial = run(job, { kernel: cached.kernel }, block);
    scope.postMessage({ index, partial });
  } catch (error) {
    scope.postMessage({ index, error: error instanceof Error ? error.message : String(error) });
  }
};
