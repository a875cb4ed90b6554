/**
 * The explorer's run of the potential V ensemble on the driver: each view is a `betaens gibbs`
 * job (src/spec/job.ts: trace, histogram, eigenvalues of chain 0) that also keeps λ_max of every
 * chain's final state; chain s of seed K is createRandomSource(K, s), so every number equals the
 * CLI's for the same seed and settings (spectral moves at the default interval). The chains run
 * one block of one chain at a time (run(job, sink, range)) and are folded into the payload in
 * chain order; `onProgress` reports the passes inside a chain. No sampling loop of its own.
 */
import { type Kernel, kernelFor } from "../../src/driver/kernels.js";
import type { Partial } from "../../src/driver/partial.js";
import { run } from "../../src/driver/run.js";
import { defaultSpectralInterval } from "../../src/gibbs/sampler.js";
import type { GibbsJob } from "../../src/spec/job.js";
import { uniformEdges } from "../../src/tridiagonal/histogram.js";
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
 * The job of a Gibbs view: trace (λ_max after every pass), histogram (Sturm counts over `edges`)
 * or configuration (chain 0's final eigenvalues), each keeping λ_max of every final state.
 */
export function gibbsExplorerJob(settings: Settings, edges?: Float64Array): GibbsJob {
  const { n, beta, seed, view } = settings;
  const { coeffs, passes, initial } = settings;
  if (!coeffs || passes === undefined) throw new RangeError("the potential V is missing");
  const chains = view === "configuration" ? 1 : settings.samples;
  return {
    task: "gibbs",
    coeffs: [...coeffs],
    n,
    beta,
    passes,
    initial: initial ?? "zero",
    stat:
      view === "gibbs"
        ? "trace"
        : view === "histogram"
          ? "histogram"
          : view === "configuration"
            ? "eigenvalues"
            : "max",
    seed,
    first: 0,
    count: chains,
    edges: view === "histogram" && edges ? Array.from(edges) : undefined,
    scaling: "none",
    summary: "values",
    spectralEvery: defaultSpectralInterval(n, beta),
    diagnostics: "off",
    keepMax: true,
  };
}

/** λ_max of the final state of the chain of a one-chain partial (the last auxiliary number). */
function finalMax(partial: Partial): number {
  const aux = partial.recorded as Float64Array;
  return aux[aux.length - 1];
}

/**
 * Histogram edges when μ_V is unknown: the extreme final points of chain 0 ± 10% of their
 * spread (points of later chains outside are counted below / above).
 */
function fallbackEdges(settings: Settings, bins: number): Float64Array {
  const job = gibbsExplorerJob({ ...settings, view: "configuration" });
  const points = run(job).rows as Float64Array;
  const lo = points[0];
  const hi = points[points.length - 1];
  const margin = hi > lo ? 0.1 * (hi - lo) : 1;
  return uniformEdges(lo - margin, hi + margin, bins);
}

/**
 * Runs the chains for the view, one snapshot per chain: λ_max of each final state always; per
 * view also λ_max after every pass (trace), Sturm counts of the final states (histogram, over
 * μ_V's support ± 5% as `betaens gibbs --stat histogram`) or chain 0's final eigenvalues.
 */
export function* gibbsExplorerRun(
  settings: Settings,
  onProgress?: (progress: Progress) => void,
): Generator<Snapshot> {
  const { view, bins } = settings;
  let edges: Float64Array | undefined;
  if (view === "histogram") {
    const measure = potentialTheory(Float64Array.from(settings.coeffs ?? [])).measure;
    if (measure) {
      const [lo, hi] = measureRange(measure);
      edges = uniformEdges(lo, hi, bins);
    } else {
      edges = fallbackEdges(settings, bins);
    }
  }
  const job = gibbsExplorerJob(settings, edges);
  const kernel: Kernel = kernelFor(job);
  const chains = job.count;
  const passes = job.passes;
  const keepAll = chains * passes <= TRACE_VALUES_KEPT;
  const payload: GibbsPayload = {
    kind: "gibbs",
    chains: 0,
    maxima: new Float64Array(chains),
    traces: [],
    traceSum: new Float64Array(job.stat === "trace" ? passes : 0),
  };
  if (edges) payload.histogram = { edges, counts: new Float64Array(bins), below: 0, above: 0 };
  for (let s = 0; s < chains; s++) {
    let reported = performance.now();
    const partial = run(
      job,
      {
        kernel,
        within: onProgress
          ? (_s, fraction, row) => {
              if (fraction >= 1) return;
              const now = performance.now();
              if (now - reported < PROGRESS_MS) return;
              reported = now;
              const pass = Math.round(fraction * passes);
              onProgress({
                done: s + fraction,
                total: chains,
                detail: `chain ${s + 1} of ${chains}, pass ${pass} of ${passes}`,
                // Before chain 0 completes, its completed passes are what Stop can draw.
                passTrace: s === 0 && job.stat === "trace" && row ? row.slice(0, pass) : undefined,
              });
            }
          : undefined,
      },
      { first: s, count: 1 },
    );
    payload.maxima[s] = finalMax(partial);
    if (job.stat === "trace") {
      const trace = partial.rows as Float64Array;
      for (let p = 0; p < passes; p++) payload.traceSum[p] += trace[p];
      if (keepAll || s < TRACE_CHAINS_SHOWN) payload.traces.push(trace);
    }
    if (payload.histogram && partial.counts) {
      const h = payload.histogram;
      for (let b = 0; b < bins; b++) h.counts[b] += partial.counts[b];
      h.below += partial.below;
      h.above += partial.above;
    }
    if (job.stat === "eigenvalues") payload.points = partial.rows as Float64Array;
    payload.chains = s + 1;
    yield { done: s + 1, total: chains, payload };
  }
}
