/**
 * A sampling Web Worker of the explorer's pool: runs blocks of a job on the driver
 * (src/driver/run.ts, the CLI's code; blockPool.ts: runBlockMessage) and posts back each block's
 * partial result, copied: a transfer would detach an ArrayBuffer, after which V8 adds a detach
 * check to every typed-array access in this worker (src/cli/poolWorker.ts). The coordinating
 * worker (worker.ts) merges the blocks in sample order.
 */
import { loadWasmKernels } from "../../src/wasm/kernels.js";
import { type BlockMessage, type BlockResult, runBlockMessage } from "./blockPool.js";

// Compile the WebAssembly kernels while the first block is on its way (same numbers without them).
void loadWasmKernels();

interface BlockScope {
  onmessage: ((event: MessageEvent<BlockMessage>) => void) | null;
  postMessage(message: BlockResult): void;
}
const scope = self as unknown as BlockScope;

scope.onmessage = (event) => runBlockMessage(event.data, (reply) => scope.postMessage(reply));
