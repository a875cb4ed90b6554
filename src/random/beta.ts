/**
 * Beta variates from two gamma variates, X = G_a / (G_a + G_b).
 */

import { detExp } from "../special/deterministicMath.js";
import { gamma, logGammaVariate } from "./gamma.js";
import type { RandomSource } from "./source.js";

function checkShapes(a: number, b: number): void {
  if (!(a > 0) || a === Infinity || !(b > 0) || b === Infinity) {
    throw new RangeError(`beta shapes must be finite and > 0, got a=${a}, b=${b}`);
  }
}

/**
 * Draws X ~ Beta(a, b) and writes out[0] = X, out[1] = 1 - X, each with relative accuracy
 * ~1e-15 (so 1 - X keeps its digits when X is close to 1, e.g. a ≫ b).
 * X = G_a/(G_a + G_b) with G_a ~ Gamma(a), G_b ~ Gamma(b) drawn in that order (Devroye,
 * Non-Uniform Random Variate Generation, 1986, §IX.4.1). If a shape is < 1 the ratio is
 * formed in log space, X = 1/(1 + exp(log G_b - log G_a)), so tiny shapes give no 0/0.
 */
export function betaPair(rng: RandomSource, a: number, b: number, out: Float64Array): void {
  checkShapes(a, b);
  if (a >= 1 && b >= 1) {
    const ga = gamma(rng, a);
    const gb = gamma(rng, b);
    const sum = ga + gb;
    out[0] = ga / sum;
    out[1] = gb / sum;
    return;
  }
  const logGa = logGammaVariate(rng, a); // G_a first, then G_b (reproducibility contract)
  const logGb = logGammaVariate(rng, b);
  const delta = logGb - logGa;
  out[0] = 1 / (1 + detExp(delta));
  out[1] = 1 / (1 + detExp(-delta));
}

const scratch = new Float64Array(2);

/**
 * Beta(a, b) variate, density x^{a-1}(1-x)^{b-1}/B(a,b) on (0,1) (DLMF 8.17.1 integrand).
 * Same draws as betaPair; relative accuracy ~1e-15, so when a ≫ b the result is 1 - ε with
 * ε known only to absolute precision 2^-53 — use betaPair to get 1 - X accurately.
 */
export function beta(rng: RandomSource, a: number, b: number): number {
  betaPair(rng, a, b, scratch);
  return scratch[0];
}
