/**
 * The explorer's views as driver jobs (src/spec/, src/driver/): the histogram, λ_max and
 * configuration views of the classical and circular ensembles are `betaens sample` jobs, so the
 * numbers are the CLI's by construction, and their samples can be spread over Web Workers and
 * merged exactly. Pure (no DOM, no Worker): tested in Node.
 */

import { finalize } from "../../src/driver/finalize.js";
import { binEdges, kernelFor } from "../../src/driver/kernels.js";
import { mergePartials, type Partial } from "../../src/driver/partial.js";
import { run } from "../../src/driver/run.js";
import { defaultHistogramRange } from "../../src/plot/sampleFigure.js";
import { DEFAULT_SUMMARY } from "../../src/spec/defaults.js";
import type { SampleJob, SampleRange } from "../../src/spec/job.js";
import type { Payload, Snapshot } from "./protocol.js";
import type { Settings } from "./state.js";

/** The job of a view, or null for the views that run elsewhere (the Gibbs sampler: gibbs.ts). */
export function explorerJob(settings: Settings): SampleJob | null {
  const { n, beta, samples, seed, bins, view } = settings;
  // Local statistics and Ginibre run in the worker itself (compute.ts), as the CLI runs them.
  if (view === "local" || settings.ensemble === "ginibre") return null;
  const base = {
    task: "sample" as const,
    n,
    beta,
    seed,
    first: 0,
    scaling: "none" as const,
    summary: DEFAULT_SUMMARY,
  };
  if (settings.ensemble === "circular") {
    const ensemble = {
      ensemble: "circular" as const,
      params: {},
      reported: [],
      model: "cmv" as const,
    };
    if (view === "configuration") return { ...base, ...ensemble, stat: "eigenvalues", count: 1 };
    if (view !== "histogram") {
      throw new RangeError(`the ${view} view is not available for the circular ensemble`);
    }
    const histogram = { lo: 0, hi: 2 * Math.PI, bins };
    return { ...base, ...ensemble, stat: "histogram", count: samples, histogram };
  }
  if (settings.ensemble === "potential") return null;
  const spec = settings.spec;
  if (!spec) throw new RangeError(`${settings.ensemble}: no tridiagonal model`);
  const ensemble = {
    ensemble: spec.ensemble,
    params: { ...spec.params } as Record<string, number>,
    reported: Object.entries(spec.params) as [string, number][],
    model: "tridiagonal" as const,
  };
  switch (view) {
    case "histogram": {
      const [lo, hi] = defaultHistogramRange(spec, n, beta);
      return {
        ...base,
        ...ensemble,
        stat: "histogram",
        count: samples,
        histogram: { lo, hi, bins },
      };
    }
    case "configuration":
      return { ...base, ...ensemble, stat: "eigenvalues", count: 1 };
    case "edge":
      return { ...base, ...ensemble, stat: "max", count: samples };
    default:
      throw new RangeError(`the ${view} view is not available for ${settings.ensemble}`);
  }
}

/**
 * What a view shows of sample 0 besides the merged statistic: λ_max of sample 0 (histogram view
 * of a classical ensemble, as `betaens sample --stat max`, truncated model where it applies) or
 * the smallest angle of sample 0 (circular histogram).
 */
export function sampleZeroExtras(job: SampleJob): { lambdaMax0?: number; firstPoint0?: number } {
  if (job.stat !== "histogram") return {};
  if (job.ensemble === "circular") {
    const rows = run({ ...job, stat: "eigenvalues", count: 1, histogram: undefined }).rows;
    return { firstPoint0: rows?.[0] };
  }
  const rows = run({ ...job, stat: "max", count: 1, histogram: undefined }).rows;
  return { lambdaMax0: rows?.[0] };
}

/** The snapshot the figures draw from the partial of the first `partial.count` samples. */
export function snapshotOf(
  job: SampleJob,
  partial: Partial,
  extras: { lambdaMax0?: number; firstPoint0?: number },
): Snapshot {
  const done = partial.count;
  const total = job.count;
  let payload: Payload;
  if (job.stat === "histogram") {
    payload = {
      kind: "histogram",
      edges: binEdges(job.histogram as NonNullable<SampleJob["histogram"]>),
      counts: (partial.counts as Float64Array).slice(),
      below: partial.below,
      above: partial.above,
      ...extras,
    };
  } else if (job.stat === "max") {
    payload = { kind: "edge", maxima: (partial.rows as Float64Array).slice(0, done) };
  } else {
    const result = finalize({ ...job, count: done }, partial);
    payload = { kind: "configuration", points: (result.samples as Float64Array[])[0] };
  }
  return { done, total, payload };
}

/** Estimated operations (≈ 1e-8 s each) of one block at most: a quarter of a second. */
const BLOCK_OPERATIONS = 2.5e7;

/** Blocks of a run over `workers` Web Workers: sample 0 alone (a fast first picture), then short blocks. */
export function explorerBlocks(
  count: number,
  workers: number,
  operationsPerSample: number,
): SampleRange[] {
  const byTime = Math.max(1, Math.floor(BLOCK_OPERATIONS / Math.max(operationsPerSample, 1)));
  const size = Math.max(1, Math.min(byTime, Math.ceil(count / (workers * 16))));
  const blocks: SampleRange[] = [{ first: 0, count: Math.min(1, count) }];
  for (let s = 1; s < count; s += size) blocks.push({ first: s, count: Math.min(size, count - s) });
  return blocks;
}

/**
 * Merges the blocks of a run in sample order and says what to show: take(partial, index) for
 * block 0, 1, … (in order) returns the snapshots to post, the last one final. The merged partial
 * holds exactly the completed samples 0 … done − 1 (what a Stop keeps).
 */
export class SnapshotMerger {
  private merged: Partial | undefined;
  private extras: { lambdaMax0?: number; firstPoint0?: number } = {};
  constructor(
    private readonly job: SampleJob,
    private readonly blocks: number,
  ) {}

  get partial(): Partial | undefined {
    return this.merged;
  }

  take(partial: Partial, index: number): { snapshot: Snapshot; final: boolean }[] {
    const { job } = this;
    this.merged = this.merged ? mergePartials(this.merged, partial) : partial;
    const out: { snapshot: Snapshot; final: boolean }[] = [];
    if (index === 0 && job.stat === "histogram") {
      // Show sample 0 at once, then compute what the view adds of it (λ_max of sample 0).
      out.push({ snapshot: snapshotOf(job, this.merged, this.extras), final: false });
      this.extras = sampleZeroExtras(job);
    }
    out.push({
      snapshot: snapshotOf(job, this.merged, this.extras),
      final: index === this.blocks - 1,
    });
    return out;
  }
}

/** A whole run in this thread, block by block (what the pool computes, in the same order). */
export function runInThread(
  job: SampleJob,
  workers: number,
): { snapshot: Snapshot; final: boolean }[] {
  const kernel = kernelFor(job);
  const blocks = explorerBlocks(job.count, workers, kernel.operationsPerSample);
  const merger = new SnapshotMerger(job, blocks.length);
  return blocks.flatMap((block, index) => merger.take(run(job, { kernel }, block), index));
}
