/** The driver: one job value (src/spec/), one run loop, mergeable partial results. */
export { Accumulator, type RowSink } from "./accumulator.js";
export { finalize, type GibbsResult, momentsOf, rowViews, STREAMED } from "./finalize.js";
export { type Kernel, kernelFor, type Layout } from "./kernels.js";
export { emptyPartial, mergeAll, mergePartials, type Partial } from "./partial.js";
export { type RunSink, run } from "./run.js";
export { rowShapeOf } from "./shape.js";
