/**
 * The in-process accumulator of a run: takes the numbers of each sample as the kernel produces
 * them and keeps what the statistic needs — rows in sample order (kept, or streamed to a sink in
 * blocks so that memory stays bounded), integer counts over fixed bins, exact power sums — and
 * knows how many samples are complete. `partial()` is the plain-data result (partial.ts).
 */
import { PowerSums } from "../statistics/exactSum.js";
import type { Layout } from "./kernels.js";
import type { Partial } from "./partial.js";

/** Rows per streamed block: a block holds at most this many rows (and at most ~4 MiB). */
const BLOCK_BYTES = 4 * 1024 * 1024;

/** Receives blocks of finished rows, in sample order (rows of `width` numbers each). */
export type RowSink = (block: Float64Array, first: number, rows: number) => void;

/** Index of the bin [edges[i], edges[i+1]) holding x, −1 below, bins above (binary search). */
function binOf(edges: Float64Array, x: number): number {
  const bins = edges.length - 1;
  if (!(x >= edges[0])) return -1;
  if (x >= edges[bins]) return bins;
  let lo = 0;
  let hi = bins;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (x >= edges[mid]) lo = mid;
    else hi = mid;
  }
  return lo;
}

export class Accumulator {
  readonly first: number;
  /** Complete samples so far: first … first + done − 1. */
  done = 0;
  private readonly layout: Layout;
  private readonly rowSink?: RowSink;
  private rows: Float64Array;
  /** Rows buffered and not yet handed to rowSink (streaming), or kept (no sink). */
  private buffered = 0;
  private bufferFirst: number;
  private readonly recorded: Float64Array;
  private readonly scratchRow: Float64Array;
  private readonly scratchRecord: Float64Array;
  private readonly counts?: Float64Array;
  private below = 0;
  private above = 0;
  private readonly sums?: PowerSums;
  private exact = true;
  private recordedCount = 0;

  /**
   * `expected`: the number of samples of the block (rows are preallocated when kept);
   * `rowSink`: stream rows there in blocks instead of keeping them.
   */
  constructor(
    layout: Layout,
    first: number,
    expected: number,
    rowSink?: RowSink,
    blockRows?: number,
  ) {
    this.layout = layout;
    this.first = first;
    this.bufferFirst = first;
    this.rowSink = rowSink;
    const width = layout.width;
    const rowsPerBlock = blockRows ?? Math.max(1, Math.floor(BLOCK_BYTES / 8 / Math.max(width, 1)));
    this.rows = new Float64Array(
      width * (rowSink ? Math.max(1, Math.min(rowsPerBlock, expected)) : expected),
    );
    this.recorded = new Float64Array(layout.recordWidth * expected);
    this.scratchRow = new Float64Array(width);
    this.scratchRecord = new Float64Array(layout.recordWidth);
    if (layout.edges) this.counts = new Float64Array(layout.edges.length - 1);
    else if (layout.counts) this.counts = new Float64Array(layout.counts);
    if (layout.moments) this.sums = new PowerSums();
  }

  /** A buffer of `width` numbers for the kernel to fill before calling row() (reused). */
  rowBuffer(): Float64Array {
    return this.scratchRow;
  }

  /** A buffer of `recordWidth` numbers for record() (reused). */
  recordBuffer(): Float64Array {
    return this.scratchRecord;
  }

  /** The row of the current sample (completes it). */
  row(values: ArrayLike<number>): void {
    const width = this.layout.width;
    if (this.buffered * width >= this.rows.length) this.flush();
    this.rows.set(values as Float64Array, this.buffered * width);
    this.buffered++;
    this.done++;
  }

  /** The recorded numbers of the current sample (call before completing it). */
  record(values: ArrayLike<number>): void {
    this.recorded.set(values as Float64Array, this.recordedCount * this.layout.recordWidth);
    this.recordedCount++;
  }

  /** The per-sample number of the current sample, kept as the summary says (completes it). */
  scalar(x: number): void {
    if (this.layout.width === 1) {
      this.scratchRow[0] = x;
      this.row(this.scratchRow);
      return;
    }
    if (this.sums) this.sums.add(x);
    if (this.counts && this.layout.edges) {
      const b = binOf(this.layout.edges, x);
      if (b < 0) this.below++;
      else if (b >= this.counts.length) this.above++;
      else this.counts[b]++;
    }
    this.done++;
  }

  /** Histogram counts of the current sample's points (completes it). */
  histogram(h: { counts: ArrayLike<number>; below: number; above: number }): void {
    const counts = this.counts as Float64Array;
    for (let b = 0; b < counts.length; b++) counts[b] += h.counts[b];
    this.below += h.below;
    this.above += h.above;
    this.done++;
  }

  /**
   * Adds a sample's integer counts (the layout's `counts` numbers: a spacing summary) without
   * completing the sample (its row() does).
   */
  addCounts(values: ArrayLike<number>): void {
    const counts = this.counts as Float64Array;
    for (let b = 0; b < counts.length; b++) counts[b] += values[b];
  }

  /** Adds the points of a sorted array to the counts ([lo, hi) bins; completes the sample). */
  sortedPoints(values: Float64Array): void {
    const counts = this.counts as Float64Array;
    const edges = this.layout.edges as Float64Array;
    const bins = counts.length;
    let b = 0;
    for (const x of values) {
      if (x < edges[0]) {
        this.below++;
        continue;
      }
      if (x >= edges[bins]) {
        this.above++;
        continue;
      }
      while (x >= edges[b + 1]) b++;
      counts[b]++;
    }
    this.done++;
  }

  /** Marks the run as having drawn a conditional inexactly (Gibbs). */
  inexact(): void {
    this.exact = false;
  }

  /** Hands the buffered rows to the sink (streaming only). */
  flush(): void {
    if (!this.rowSink) {
      // Kept rows: grow (only when more samples arrive than expected).
      const grown = new Float64Array(Math.max(this.rows.length * 2, this.layout.width));
      grown.set(this.rows);
      this.rows = grown;
      return;
    }
    if (this.buffered > 0) {
      this.rowSink(
        this.rows.subarray(0, this.buffered * this.layout.width),
        this.bufferFirst,
        this.buffered,
      );
    }
    this.bufferFirst += this.buffered;
    this.buffered = 0;
  }

  /** The plain-data result of the completed samples (streamed rows are flushed first). */
  partial(): Partial {
    const { width, recordWidth } = this.layout;
    if (this.rowSink) this.flush();
    return {
      first: this.first,
      count: this.done,
      width,
      rows: width > 0 && !this.rowSink ? this.rows.slice(0, this.done * width) : undefined,
      recordWidth,
      recorded: recordWidth > 0 ? this.recorded.slice(0, this.done * recordWidth) : undefined,
      counts: this.counts?.slice(),
      below: this.below,
      above: this.above,
      powerSums: this.sums?.toJSON(),
      exact: this.exact,
    };
  }
}
