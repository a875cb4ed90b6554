/**
 * The explorer's run of the potential V ensemble: S independent Gibbs chains of P passes
 * (runGibbsChain, the library's sampler), chain s of seed K drawn from createRandomSource(K, s)
 * exactly as gibbsRun (`betaens gibbs`) does, so every number equals the CLI's for the same seed.
 * One snapshot per chain; `onProgress` reports the passes inside a chain.
 */
import { runGibbsChain } from "../../src/gibbs/sampler.js";
import { createRandomSource } from "../../src/random/philox.js";
import { kthEigenvalue, largestEigenvalue } from "../../src/tridiagonal/bisection.js";
import { tridiagonalEigenvalues } from "../../src/tridiagonal/eigenvalues.js";
import { sturmHistogram, uniformEdges } from "../../src/tridiagonal/histogram.js";
import type { SymmetricTridiagonal } from "../../src/tridiagonal/types.js";
import { measureRange, potentialTheory } from "./gibbsTheory.js";
import type { GibbsPayload, Progress, Snapshot } from "./protocol.js";
import type { Settings } from "./state.js";

/** Chains drawn in the trace view (the mean is over all chains). */
export const TRACE_CHAINS_SHOWN = 20;
/** All chains' traces are kept (for the download) while chains × passes ≤ this; else the first 20. */
export const TRACE_VALUES_KEPT = 1_000_000;
/** Least time between two progress reports inside a chain. */
const PROGRESS_MS = 150;

/**
 * Histogram edges when μ_V is unknown: the extreme points of chain 0's final state ± 10% of
 * their spread (points of later chains outside are counted below / above).
 */
function fallbackEdges(state: SymmetricTridiagonal, bins: number): Float64Array {
  const lo = kthEigenvalue(state.diagonal, state.offDiagonalSquared, 0);
  const hi = largestEigenvalue(state.diagonal, state.offDiagonalSquared);
  const margin = hi > lo ? 0.1 * (hi - lo) : 1;
  return uniformEdges(lo - margin, hi + margin, bins);
}

/**
 * Runs the chains for the view: λ_max of each final state always; per view also λ_max after every
 * pass (trace), Sturm counts of the final states (histogram, over μ_V's support ± 5% as
 * `betaens gibbs --stat histogram`) or chain 0's final eigenvalues (configuration: one chain).
 */
export function* gibbsExplorerRun(
  settings: Settings,
  onProgress?: (progress: Progress) => void,
): Generator<Snapshot> {
  const { n, beta, seed, view, bins } = settings;
  const { coeffs: list, passes, initial } = settings;
  if (!list || passes === undefined) throw new RangeError("the potential V is missing");
  const coeffs = Float64Array.from(list);
  const chains = view === "configuration" ? 1 : settings.samples;
  const wantTrace = view === "gibbs";
  const keepAll = chains * passes <= TRACE_VALUES_KEPT;
  const payload: GibbsPayload = {
    kind: "gibbs",
    chains: 0,
    maxima: new Float64Array(chains),
    traces: [],
    traceSum: new Float64Array(wantTrace ? passes : 0),
  };
  const measure = view === "histogram" ? potentialTheory(coeffs).measure : null;
  if (measure) {
    const [lo, hi] = measureRange(measure);
    const edges = uniformEdges(lo, hi, bins);
    payload.histogram = { edges, counts: new Float64Array(bins), below: 0, above: 0 };
  }
  for (let s = 0; s < chains; s++) {
    const trace = wantTrace ? new Float64Array(passes) : null;
    let reported = performance.now();
    const state = runGibbsChain({
      coeffs,
      n,
      beta,
      passes,
      rng: createRandomSource(seed, s),
      initial,
      onPass: (pass, t) => {
        if (trace) trace[pass - 1] = largestEigenvalue(t.diagonal, t.offDiagonalSquared);
        if (!onProgress || pass === passes) return;
        const now = performance.now();
        if (now - reported < PROGRESS_MS) return;
        reported = now;
        onProgress({
          done: s + pass / passes,
          total: chains,
          detail: `chain ${s + 1} of ${chains}, pass ${pass} of ${passes}`,
        });
      },
    });
    payload.maxima[s] = largestEigenvalue(state.diagonal, state.offDiagonalSquared);
    if (trace) {
      for (let p = 0; p < passes; p++) payload.traceSum[p] += trace[p];
      if (keepAll || s < TRACE_CHAINS_SHOWN) payload.traces.push(trace);
    }
    if (view === "histogram") {
      payload.histogram ??= {
        edges: fallbackEdges(state, bins),
        counts: new Float64Array(bins),
        below: 0,
        above: 0,
      };
      const h = payload.histogram;
      const counted = sturmHistogram(state.diagonal, state.offDiagonalSquared, h.edges);
      for (let b = 0; b < bins; b++) h.counts[b] += counted.counts[b];
      h.below += counted.below;
      h.above += counted.above;
    }
    if (view === "configuration") {
      payload.points = tridiagonalEigenvalues(state.diagonal, state.offDiagonalSquared);
    }
    payload.chains = s + 1;
    yield { done: s + 1, total: chains, payload };
  }
}
