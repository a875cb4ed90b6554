/**
 * The exact Hermite control of the mixing study (docs/theory.md §4.4): λ_max of the Gaussian β-ensemble
 * V = x²/2 in the βN/2 scaling — the Hermite model with σ² = 2/(βN), whose equilibrium measure is
 * the semicircle on [−2, 2], b_V = 2, c_V = 1 — drawn exactly (truncated tridiagonal model,
 * src/ensembles/edge.ts) and rescaled exactly as the Gibbs chains are, ξ = N^{2/3}(λ_max − 2).
 * Its KS distance to TW_β measures the finite-N bias of that rescaling ("slack").
 */
import { hermiteLargestEigenvalueTruncated } from "../ensembles/edge.js";
import { createRandomSource } from "../random/philox.js";
import { edgeScale } from "../theory/equilibrium.js";

/**
 * M exact draws of ξ = N^{2/3}(λ_max − 2) for V = x²/2 (Dumitriu–Edelman 2002 model with
 * σ = √(2/(βN)); docs/theory.md §2.3, §3.9); draw i uses createRandomSource(seed, i, substream).
 */
export function hermiteControlSample(
  n: number,
  beta: number,
  m: number,
  seed: number,
  substream: number,
): Float64Array {
  if (!(Number.isInteger(m) && m >= 1)) {
    throw new RangeError(`control samples must be an integer >= 1, got ${m}`);
  }
  const params = { loc: 0, scale: Math.sqrt(2 / (beta * n)) };
  const scale = edgeScale(n, 1);
  const xs = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const rng = createRandomSource(seed, i, substream);
    xs[i] = scale * (hermiteLargestEigenvalueTruncated(rng, n, beta, params) - 2);
  }
  return xs;
}
