/** Public random API: counter-based Philox source and the samplers built on it. */
export { beta, betaPair } from "./beta.js";
export { chi } from "./chi.js";
export {
  drawHermiteCoefficients,
  drawJacobiCoefficients,
  drawLaguerreCoefficients,
} from "./coefficients.js";
export { gamma, logGammaVariate } from "./gamma.js";
export { normal, normalQuantile } from "./normal.js";
export { createRandomSource, philox4x32 } from "./philox.js";
export type { RandomSource } from "./source.js";
