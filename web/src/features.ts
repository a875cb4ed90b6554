/** Which optional parts of the library this build of the explorer shows. */
import type { Features } from "./state.js";

export const FEATURES: Features = {
  circular: true,
  gibbs: true,
  tracyWidom: true,
};
