/** The betaens WebAssembly kernels (built by asm/build.mjs into src/wasm; see ARCHITECTURE.md). */
export {
  STREAM_STATE,
  rejectionFailed,
  streamBegin,
  streamEnd,
  streamExhausted,
  streamUniforms,
} from "./stream";
export { detExp, detLog, detLog2Test } from "./math";
export {
  CHUNK_ROWS,
  ROWS_A,
  ROWS_B,
  hermiteRows,
  jacobiRows,
  jacobiStart,
  laguerreRows,
  normalsTest,
} from "./rows";

export {
  MAX_POINTS,
  POINT_C,
  POINT_Q,
  POINT_X,
  sturmCountsFew,
  sturmCountsFew2,
  sturmCountsMany,
} from "./sturm";

/** First free byte after the static data (the kernels' large buffers start here). */
export function heapBase(): usize {
  return __heap_base;
}
