/** The betaens WebAssembly kernels (built by scripts/build-wasm.mjs; see ARCHITECTURE.md). */
export {
  STREAM_STATE,
  benchRefill,
  streamBegin,
  streamEnd,
  streamExhausted,
  streamUniforms,
} from "./stream";
export { detExp, detLog } from "./math";
export { benchGammas, benchNormals, benchUniforms, rejectionFailed } from "./variates";
export {
  CHUNK_ROWS,
  ROWS_A,
  ROWS_B,
  hermiteRows,
  jacobiRows,
  jacobiStart,
  laguerreRows,
} from "./rows";

/** First free byte after the static data (the kernels' large buffers start here). */
export function heapBase(): usize {
  return __heap_base;
}
export { MAX_POINTS, POINT_C, POINT_Q, POINT_X, sturmCountsFew, sturmCountsMany } from "./sturm";
