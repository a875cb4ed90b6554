/**
 * The explorer's run of the potential V ensemble on the driver: each view is a `betaens gibbs`
 * job (src/spec/job.ts: trace, histogram, eigenvalues of chain 0) that also keeps λ_max of every
 * chain's final state; chain s of seed K is createRandomSource(K, s), so every number equals the
 * CLI's for the same seed and settings (spectral moves at the default interval). A block is one
 * chain (run(job, sink, { first: s, count: 1 })); the worker pool (worker.ts) runs them on Web
 * Workers and GibbsFold folds them into the payload in chain order, so any number of workers
 * gives the same snapshots. No sampling loop of its own.
 */
import { type Kernel, kernelFor } from "../../src/driver/kernels.js";
import type { Partial } from "../../src/driver/partial.js";
import { run } from "../../src/driver/run.js";
import { defaultSpectralInterval } from "../../src/gibbs/sampler.js";
import type { GibbsJob, SampleRange } from "../../src/spec/job.js";
import { uniformEdges } from "../../src/tridiagonal/histogram.js";
import { measureRange, potentialTheory } from "./gibbsTheory.js";
import type { GibbsPayload, Progress, Snapshot } from "./protocol.js";
import type { Settings } from "./state.js";

/** Chains drawn in the trace view (the mean is over all chains). */
export const TRACE_CHAINS_SHOWN = 20;
/** All chains' traces are kept (for the download) while chains × passes ≤ this; else the first 20. */
export const TRACE_VALUES_KEPT = 1_000_000;
/** Least time between two progress reports inside a chain. */
export const PROGRESS_MS = 150;

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
 * Histogram edges when μ_V is unknown, from chain 0's final points (the partial of chain 0 of
 * gibbsExplorerJob({ ...settings, view: "configuration" })): their extremes ± 10% of their
 * spread (points of later chains outside are counted below / above).
 */
export function fallbackEdges(chainZero: Partial, bins: number): Float64Array {
  const points = chainZero.rows as Float64Array;
  const lo = points[0];
  const hi = points[points.length - 1];
  const margin = hi > lo ? 0.1 * (hi - lo) : 1;
  return uniformEdges(lo - margin, hi + margin, bins);
}

/**
 * The histogram edges of a view: over μ_V's support ± 5% (as `betaens gibbs --stat histogram`),
 * "chain 0" when μ_V is unknown (fallbackEdges of chain 0's final points: run that job first),
 * undefined for the other views.
 */
export function gibbsEdges(settings: Settings): Float64Array | "chain 0" | undefined {
  if (settings.view !== "histogram") return undefined;
  const measure = potentialTheory(Float64Array.from(settings.coeffs ?? [])).measure;
  if (!measure) return "chain 0";
  const [lo, hi] = measureRange(measure);
  return uniformEdges(lo, hi, settings.bins);
}

/**
 * Folds the one-chain partials of a Gibbs job in chain order (take(partial) for chain 0, 1, …)
 * into the payload the figures draw; each take returns the snapshot of the chains so far (the
 * payload is filled in place: copy it before keeping it). Whatever thread ran each chain, the
 * same partials folded in the same order give the same payload.
 */
export class GibbsFold {
  readonly payload: GibbsPayload;
  private readonly keepAll: boolean;
  constructor(
    private readonly job: GibbsJob,
    edges?: Float64Array,
  ) {
    const chains = job.count;
    this.keepAll = chains * job.passes <= TRACE_VALUES_KEPT;
    this.payload = {
      kind: "gibbs",
      chains: 0,
      maxima: new Float64Array(chains),
      traces: [],
      traceSum: new Float64Array(job.stat === "trace" ? job.passes : 0),
    };
    if (edges) {
      const bins = edges.length - 1;
      this.payload.histogram = { edges, counts: new Float64Array(bins), below: 0, above: 0 };
    }
  }

  /** Folds the partial of chain payload.chains (one chain); the snapshot of the chains so far. */
  take(partial: Partial): Snapshot {
    const { job, payload } = this;
    const s = payload.chains;
    if (partial.first !== s || partial.count !== 1) {
      throw new Error(`chain ${s} expected, got chains ${partial.first} … +${partial.count}`);
    }
    payload.maxima[s] = finalMax(partial);
    if (job.stat === "trace") {
      const trace = partial.rows as Float64Array;
      for (let p = 0; p < job.passes; p++) payload.traceSum[p] += trace[p];
      if (this.keepAll || s < TRACE_CHAINS_SHOWN) payload.traces.push(trace);
    }
    if (payload.histogram && partial.counts) {
      const h = payload.histogram;
      for (let b = 0; b < h.counts.length; b++) h.counts[b] += partial.counts[b];
      h.below += partial.below;
      h.above += partial.above;
    }
    if (job.stat === "eigenvalues") payload.points = partial.rows as Float64Array;
    payload.chains = s + 1;
    return { done: s + 1, total: job.count, payload };
  }
}

/** Blocks of a Gibbs job: one chain each (the CLI's unit of work, src/cli/pool.ts). */
export function gibbsBlocks(job: GibbsJob): SampleRange[] {
  return Array.from({ length: job.count }, (_, s) => ({ first: s, count: 1 }));
}

/**
 * The progress inside chain s (of `chains`, `passes` passes each) the page shows; `row`: chain
 * 0's trace so far (trace view), whose completed passes Stop draws before chain 0 completes.
 */
export function chainProgress(
  job: GibbsJob,
  s: number,
  fraction: number,
  row?: Float64Array,
): Progress {
  const pass = Math.round(fraction * job.passes);
  return {
    done: s + fraction,
    total: job.count,
    detail: `chain ${s + 1} of ${job.count}, pass ${pass} of ${job.passes}`,
    passTrace: s === 0 && job.stat === "trace" && row ? row.slice(0, pass) : undefined,
  };
}

/**
 * Runs the chains for the view in this thread, one snapshot per chain: λ_max of each final state
 * always; per view also λ_max after every pass (trace), Sturm counts of the final states
 * (histogram, over μ_V's support ± 5% as `betaens gibbs --stat histogram`) or chain 0's final
 * eigenvalues. The worker pool (worker.ts) computes the same snapshots from the same partials.
 */
export function* gibbsExplorerRun(
  settings: Settings,
  onProgress?: (progress: Progress) => void,
): Generator<Snapshot> {
  let edges = gibbsEdges(settings);
  if (edges === "chain 0") {
    const first = gibbsExplorerJob({ ...settings, view: "configuration" });
    edges = fallbackEdges(run(first), settings.bins);
  }
  const job = gibbsExplorerJob(settings, edges);
  const kernel: Kernel = kernelFor(job);
  const fold = new GibbsFold(job, edges);
  for (const block of gibbsBlocks(job)) {
    let reported = performance.now();
    const within = onProgress
      ? (s: number, fraction: number, row?: Float64Array) => {
          if (fraction >= 1) return;
          const now = performance.now();
          if (now - reported < PROGRESS_MS) return;
          reported = now;
          onProgress(chainProgress(job, s, fraction, row));
        }
      : undefined;
    yield fold.take(run(job, { kernel, within }, block));
  }
}
