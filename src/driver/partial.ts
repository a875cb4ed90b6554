/**
 * The result of running a block of a job's samples, before it is turned into the output: plain
 * data (typed arrays, numbers, strings), so it crosses worker threads and Web Workers by
 * structured clone (copied, never transferred: see cli/poolWorker.ts) and is written to shard files as it is.
 *
 * Merging partials of consecutive blocks gives the partial of their union, bit for bit the one a
 * single run of the union computes: rows are concatenated in sample order, counts (integers,
 * exact in doubles below 2^53) are added, power sums are exact (statistics/exactSum.ts), and the
 * Gibbs exactness flag is a logical and.
 */
import { PowerSums } from "../statistics/exactSum.js";

export interface Partial {
  /** The samples covered: first … first + count − 1 (the completed ones, after a cancellation). */
  first: number;
  count: number;
  /** Numbers per sample in `rows` (λ_max: 1; eigenvalues: N; Ginibre: 2N as re, im pairs). */
  width: number;
  /**
   * count × width numbers in sample order; absent when the rows were streamed to a sink
   * (RunSink.rows) instead of being kept, or when the statistic has no rows.
   */
  rows?: Float64Array;
  /** Numbers per sample in `recorded` (Gibbs --record: R × N). */
  recordWidth: number;
  recorded?: Float64Array;
  /** Histogram (or CDF grid) counts over fixed bins, and the points below / above them. */
  counts?: Float64Array;
  below: number;
  above: number;
  /** Exact power sums of a per-sample number (summary "moments"): PowerSums.toJSON(). */
  powerSums?: { count: number; sums: string[] };
  /** Gibbs: false as soon as one conditional was not drawn exactly. */
  exact: boolean;
}

/** An empty partial starting at sample `first`. */
export function emptyPartial(
  first: number,
  width: number,
  recordWidth: number,
  layout: { rows: boolean; recorded: boolean; bins?: number; moments: boolean },
): Partial {
  return {
    first,
    count: 0,
    width,
    rows: layout.rows ? new Float64Array(0) : undefined,
    recordWidth,
    recorded: layout.recorded ? new Float64Array(0) : undefined,
    counts: layout.bins !== undefined ? new Float64Array(layout.bins) : undefined,
    below: 0,
    above: 0,
    powerSums: layout.moments ? new PowerSums().toJSON() : undefined,
    exact: true,
  };
}

function concat(
  a: Float64Array | undefined,
  b: Float64Array | undefined,
): Float64Array | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Float64Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * The partial of two consecutive blocks (b must start where a ends). Rows are concatenated only
 * when both are kept (a streamed block stays streamed).
 */
export function mergePartials(a: Partial, b: Partial): Partial {
  if (b.first !== a.first + a.count) {
    throw new RangeError(
      `blocks are not consecutive: ${a.first}…${a.first + a.count - 1} then ${b.first}…${b.first + b.count - 1}`,
    );
  }
  if (a.width !== b.width || a.recordWidth !== b.recordWidth) {
    throw new RangeError("blocks of different shapes cannot be merged");
  }
  let counts: Float64Array | undefined;
  if (a.counts || b.counts) {
    if (!a.counts || !b.counts || a.counts.length !== b.counts.length) {
      throw new RangeError("histograms over different bins cannot be merged");
    }
    counts = a.counts.slice();
    for (let i = 0; i < counts.length; i++) counts[i] += b.counts[i];
  }
  let powerSums: Partial["powerSums"];
  if (a.powerSums || b.powerSums) {
    if (!a.powerSums || !b.powerSums) throw new RangeError("moments missing from one block");
    const sums = PowerSums.fromJSON(a.powerSums);
    sums.merge(PowerSums.fromJSON(b.powerSums));
    powerSums = sums.toJSON();
  }
  return {
    first: a.first,
    count: a.count + b.count,
    width: a.width,
    rows: concat(a.rows, b.rows),
    recordWidth: a.recordWidth,
    recorded: concat(a.recorded, b.recorded),
    counts,
    below: a.below + b.below,
    above: a.above + b.above,
    powerSums,
    exact: a.exact && b.exact,
  };
}

/** The partial of consecutive blocks (in order), concatenating each kind of rows once. */
export function mergeAll(parts: Partial[]): Partial {
  if (parts.length === 0) throw new RangeError("nothing to merge");
  const join = (pick: (p: Partial) => Float64Array | undefined): Float64Array | undefined => {
    if (parts.some((p) => pick(p) === undefined)) return undefined;
    const out = new Float64Array(parts.reduce((t, p) => t + (pick(p) as Float64Array).length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(pick(p) as Float64Array, at);
      at += (pick(p) as Float64Array).length;
    }
    return out;
  };
  let merged = { ...parts[0], rows: undefined, recorded: undefined } as Partial;
  for (let i = 1; i < parts.length; i++) {
    merged = mergePartials(merged, { ...parts[i], rows: undefined, recorded: undefined });
  }
  return { ...merged, rows: join((p) => p.rows), recorded: join((p) => p.recorded) };
}
