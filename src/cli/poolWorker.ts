/**
 * A worker thread of the pool (pool.ts): runs blocks of a job on the driver and posts back each
 * block's partial result. The kernel of the last job is kept, so a job is validated once per
 * thread, not once per block.
 *
 * The partials are posted by copy, not by transfer: the first ArrayBuffer detached in a thread
 * invalidates V8's "array buffer detaching" protector there, which deoptimises the compiled code and
 * adds a detach check to every typed-array access afterwards (docs/scale.md, measured on Gibbs).
 */
import { parentPort } from "node:worker_threads";
import { type Kernel, kernelFor } from "../driver/kernels.js";
import { run } from "../driver/run.js";
import { canonicalJob } from "../spec/job.js";
import type { BlockReply, BlockRequest } from "./pool.js";

let cached: { key: string; kernel: Kernel } | undefined;

parentPort?.on("message", (request: BlockRequest) => {
  const port = parentPort as NonNullable<typeof parentPort>;
  try {
    const key = canonicalJob(request.job);
    if (cached?.key !== key) cached = { key, kernel: kernelFor(request.job) };
    const partial = run(request.job, { kernel: cached.kernel }, request.block);
    const reply: BlockReply = { index: request.index, partial };
    port.postMessage(reply);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const reply: BlockReply = { index: request.index, error: e.message, name: e.name };
    port.postMessage(reply);
  }
});
