/**
 * Runs of the ensembles without a symmetric tridiagonal model: the circular β-ensemble (CMV
 * model, angles in O(N²)). The potential V ensemble (Gibbs sampler) runs in ./gibbs.ts.
 */
import { circularCmvAngles } from "../../src/ensembles/circular.js";
import { histogramBars } from "../../src/plot/histogram.js";
import { createRandomSource } from "../../src/random/philox.js";
import type { Snapshot } from "./protocol.js";
import type { Settings } from "./state.js";

/** The run for the circular ensemble, or null for the others. */
export function extraRun(settings: Settings): Generator<Snapshot> | null {
  if (settings.ensemble === "circular") return circularRun(settings);
  return null;
}

/**
 * Circular β-ensemble: histogram view = angles of S samples binned on [0, 2π); configuration view
 * = the angles of sample 0. Sample s of seed K is circularCmvAngles(createRandomSource(K, s), N, β).
 */
export function* circularRun(settings: Settings): Generator<Snapshot> {
  const { n, beta, seed, samples, bins, view } = settings;
  if (view === "configuration") {
    const points = circularCmvAngles(createRandomSource(seed, 0), n, beta);
    yield { done: 1, total: 1, payload: { kind: "configuration", points } };
    return;
  }
  if (view !== "histogram") {
    throw new RangeError(`the ${view} view is not available for the circular ensemble`);
  }
  const range: [number, number] = [0, 2 * Math.PI];
  const counts = new Float64Array(bins);
  let edges: Float64Array = new Float64Array(0);
  let firstPoint0: number | undefined;
  for (let s = 0; s < samples; s++) {
    const angles = circularCmvAngles(createRandomSource(seed, s), n, beta);
    const h = histogramBars(angles, bins, range);
    edges = h.edges;
    for (let i = 0; i < bins; i++) counts[i] += h.counts[i];
    if (s === 0) firstPoint0 = angles[0];
    yield {
      done: s + 1,
      total: samples,
      payload: { kind: "histogram", edges, counts, below: 0, above: 0, firstPoint0 },
    };
  }
}
