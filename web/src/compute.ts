/**
 * The runs behind each view, as generators of snapshots (the worker posts them as partial
 * results). Only library code does the mathematics: sample s of seed K is drawn from
 * createRandomSource(K, s) by the same model functions as `betaens sample`, so the numbers equal
 * the CLI's and runSample's for the same seed.
 */
import {
  type ClassicalSpec,
  classicalTridiagonal,
  drawSample,
  drawValues,
} from "../../src/ensembles/models.js";
import { sampleLargestEigenvalue } from "../../src/ensembles/sample.js";
import { defaultHistogramRange } from "../../src/plot/sampleFigure.js";
import { createRandomSource } from "../../src/random/philox.js";
import { sturmHistogram, uniformEdges } from "../../src/tridiagonal/histogram.js";
import { wasmKernels } from "../../src/wasm/kernels.js";
import { extraRun } from "./extras.js";
import { gibbsExplorerRun } from "./gibbs.js";
import type { Progress, Snapshot } from "./protocol.js";
import type { Settings } from "./state.js";

/**
 * Above this many Sturm steps (N·bins) a sample's histogram is counted (and shown) in chunks of
 * CHUNK_BINS bins; each chunk costs two extra O(N) passes (pivot minimum, Gershgorin bounds),
 * about 10% with 20 bins (four edges per Sturm pass).
 */
const CHUNK_WORK = 2e7;
const CHUNK_BINS = 20;

function classical(settings: Settings): ClassicalSpec {
  if (!settings.spec) throw new RangeError(`${settings.ensemble}: no tridiagonal model`);
  return settings.spec;
}

/**
 * The run of a view: yields snapshots, the last one with done = total. `onProgress` reports
 * progress inside a long step without a new result (the passes of a Gibbs chain).
 */
export function* explorerRun(
  settings: Settings,
  onProgress?: (progress: Progress) => void,
): Generator<Snapshot> {
  if (settings.ensemble === "potential") {
    yield* gibbsExplorerRun(settings, onProgress);
    return;
  }
  const extra = extraRun(settings);
  if (extra) {
    yield* extra;
    return;
  }
  switch (settings.view) {
    case "histogram":
      yield* histogramRun(settings);
      return;
    case "configuration":
      yield* configurationRun(settings);
      return;
    case "edge":
      yield* edgeRun(settings);
      return;
    default:
      throw new RangeError(`the ${settings.view} view is not available for ${settings.ensemble}`);
  }
}

/**
 * Sturm-count histogram over the default range (the limit law's support ±5%, as the CLI's
 * `--stat histogram`): no eigenvalue is computed. Big samples are split into chunks of bins so
 * that the histogram appears while it is being counted.
 */
export function* histogramRun(settings: Settings): Generator<Snapshot> {
  const { n, beta, samples, seed, bins } = settings;
  const spec = classical(settings);
  const [lo, hi] = defaultHistogramRange(spec, n, beta);
  const edges = uniformEdges(lo, hi, bins);
  const counts = new Float64Array(bins);
  let below = 0;
  let above = 0;
  let lambdaMax0: number | undefined;
  // With the WebAssembly kernels a Sturm step costs about a fifth (bench/kernels.ts): chunks of
  // five times the work keep the pace of updates and save four in five per-chunk O(N) passes.
  const speed = wasmKernels() ? 5 : 1;
  const chunk = n * bins > speed * CHUNK_WORK ? speed * CHUNK_BINS : bins;
  const snapshot = (done: number, final = done >= samples): Snapshot => ({
    done,
    total: samples,
    final,
    payload: { kind: "histogram", edges, counts, below, above, lambdaMax0 },
  });
  for (let s = 0; s < samples; s++) {
    const t = classicalTridiagonal(spec, createRandomSource(seed, s), n, beta);
    for (let j = 0; j < bins; j += chunk) {
      const j1 = Math.min(bins, j + chunk);
      const h = sturmHistogram(t.diagonal, t.offDiagonalSquared, edges.subarray(j, j1 + 1));
      for (let i = 0; i < h.counts.length; i++) counts[j + i] += h.counts[i];
      if (j === 0) below += h.below;
      if (j1 === bins) above += h.above;
      if (j1 < bins) yield snapshot(s + j1 / bins);
    }
    if (s === 0) {
      // Show the first histogram before the extra bisection for λ_max of sample 0.
      yield snapshot(1, false);
      // Exactly as `betaens sample --stat max` (truncated model when it applies, value clamped
      // to the ensemble's support); it redraws sample 0, O(N) next to the O(N·bins) histogram.
      const job = { spec, model: "tridiagonal" as const, n, beta, seed };
      lambdaMax0 = sampleLargestEigenvalue(job, 0);
    }
    yield snapshot(s + 1);
  }
}

/**
 * All N eigenvalues of sample 0 (ascending), O(N²), by the CLI's own path (drawSample, then
 * drawValues: Laguerre and Jacobi by dqds on their bidiagonal, high relative accuracy).
 */
export function* configurationRun(settings: Settings): Generator<Snapshot> {
  const { n, beta, seed } = settings;
  const draw = drawSample(classical(settings), "tridiagonal", createRandomSource(seed, 0), n, beta);
  const points = drawValues(draw);
  yield { done: 1, total: 1, payload: { kind: "configuration", points } };
}

/**
 * λ_max of each sample exactly as `betaens sample --stat max` (sampleLargestEigenvalue): for
 * Hermite and Laguerre only the top ≈ c(β)·N^(1/3) rows are drawn (O(N^(1/3)) per sample, exact),
 * for Jacobi the full model and bisection (O(N)).
 */
export function* edgeRun(settings: Settings): Generator<Snapshot> {
  const { n, beta, samples, seed } = settings;
  const job = { spec: classical(settings), model: "tridiagonal" as const, n, beta, seed };
  const maxima = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    maxima[s] = sampleLargestEigenvalue(job, s);
    yield { done: s + 1, total: samples, payload: { kind: "edge", maxima } };
  }
}
