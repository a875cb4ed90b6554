/** The O(log N) mixing study of the Gibbs sampler (docs/theory.md §4.3–4.4). */
export { hermiteControlSample } from "./control.js";
export { mixingFigureSvg } from "./figure.js";
export { firstPassWithin, type LineFit, leastSquares } from "./passes.js";
export { type TracyWidomReference, tracyWidomReference } from "./reference.js";
export { type MixingOptions, type MixingResult, mixingStudy } from "./study.js";
