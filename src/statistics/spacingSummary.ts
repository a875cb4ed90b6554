/**
 * A fixed-size, exactly mergeable summary of the unfolded spacings of many samples: the summary
 * of `--stat spacings | window --summary cdf`, which the driver splits over worker threads and
 * shards (the rows of varying length of `--summary values` cannot be). Browser-safe.
 *
 * Per sample, from its unfolded spacings s_0 … s_{m−1} (cyclic on the circle: the pair
 * (s_{m−1}, s_0) counts too), the pairs (s_i, s_{i+1}) give the nearest-neighbour spacing
 * min(s_i, s_{i+1}) and the gap ratio r = s_{i+1}/s_i (Oganesyan–Huse; folded r̃ = min(r, 1/r)).
 * Three histograms — spacings and nearest-neighbour spacings on the grid [lo, hi) with B bins,
 * folded ratios on [0, 1] with R bins (bin k = ⌊(x − lo)/h⌋, h = (hi − lo)/B; r̃ = 1 in the last
 * bin) — hold integer counts, and, for the standard errors of the empirical CDFs across samples
 * (the samples are independent, the spacings within one are not), the integer sums over samples
 * of c_k² and c_k·m, c_k the sample's count at or below bin k. Integers below 2^53 add exactly,
 * so counts merge exactly in any split. The per-sample sums (m, pairs, Σs, Σs², Σ min, Σr̃, Σr)
 * are kept as one row per sample and summed in sample order by `spacingSummaryResult`, so the
 * result is bit-identical for any split too.
 *
 * Standard errors are those of ratio estimators: for the CDF F_k = Σc_k/Σm,
 * SE² = Σ_s (c_k − F_k m_s)² / (S(S − 1) m̄²), the same for the means (Cochran, Sampling
 * Techniques, 3rd ed. 1977, §6.3); with m fixed (the circle) they are the usual standard errors
 * of the mean of the per-sample values.
 */

/** Numbers per sample in the rows: m, pairs, Σs, Σs², Σ min(s_i, s_{i+1}), Σr̃, Σr. */
export const SPACING_ROW_WIDTH = 7;

/** The grids of a spacing summary. */
export interface SpacingGrid {
  lo: number;
  hi: number;
  bins: number;
  ratioBins: number;
}

/** Numbers of the counts of one histogram of `bins` bins: counts, below, above, Σc², Σc·m. */
function histogramLength(bins: number): number {
  return 3 * bins + 2;
}

/** Length of the counts array of a spacing summary (three histograms). */
export function spacingCountsLength(grid: SpacingGrid): number {
  return 2 * histogramLength(grid.bins) + histogramLength(grid.ratioBins);
}

/** Checks a grid (RangeError). */
export function checkSpacingGrid(grid: SpacingGrid): void {
  if (!(Number.isFinite(grid.lo) && Number.isFinite(grid.hi) && grid.lo < grid.hi)) {
    throw new RangeError(`the spacing grid needs lo < hi, got ${grid.lo}, ${grid.hi}`);
  }
  for (const [name, b] of [
    ["bins", grid.bins],
    ["ratio bins", grid.ratioBins],
  ] as const) {
    if (!(Number.isInteger(b) && b >= 1 && b <= 1e6)) {
      throw new RangeError(`${name} must be an integer in [1, 1e6], got ${b}`);
    }
  }
}

/**
 * Work buffers for one sample's histograms (reused across samples: no allocation per sample).
 */
export class SpacingSummaryWork {
  readonly grid: SpacingGrid;
  private readonly local: Float64Array;
  /** The sample's contribution to the counts (add it with Accumulator.addCounts). */
  readonly counts: Float64Array;

  constructor(grid: SpacingGrid) {
    checkSpacingGrid(grid);
    this.grid = grid;
    this.local = new Float64Array(Math.max(grid.bins, grid.ratioBins) + 2);
    this.counts = new Float64Array(spacingCountsLength(grid));
  }

  /**
   * The contribution of one sample with unfolded spacings `s` (cyclic: the circle's pair across
   * 2π ≡ 0 counts) to the counts (this.counts, overwritten) and its row (written to `row`).
   */
  add(s: ArrayLike<number>, cyclic: boolean, row: Float64Array): void {
    const { lo, hi, bins, ratioBins } = this.grid;
    const h = (hi - lo) / bins;
    const m = s.length;
    const pairs = cyclic ? m : Math.max(m - 1, 0);
    const counts = this.counts;
    counts.fill(0);
    const local = this.local;
    // Histogram 1: the spacings.
    local.fill(0);
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < m; i++) {
      const x = s[i];
      local[binIndex(x, lo, h, bins)]++;
      sum += x;
      squares += x * x;
    }
    this.store(0, bins, m);
    // Histograms 2 and 3: nearest-neighbour spacings and folded ratios of the pairs.
    local.fill(0);
    let nearestSum = 0;
    for (let i = 0; i < pairs; i++) {
      const a = s[i];
      const b = s[i + 1 < m ? i + 1 : 0];
      const near = Math.min(a, b);
      local[binIndex(near, lo, h, bins)]++;
      nearestSum += near;
    }
    this.store(histogramLength(bins), bins, pairs);
    local.fill(0);
    let foldedSum = 0;
    let ratioSum = 0;
    const hr = 1 / ratioBins;
    for (let i = 0; i < pairs; i++) {
      const a = s[i];
      const b = s[i + 1 < m ? i + 1 : 0];
      const r = b / a;
      const folded = Math.min(r, 1 / r);
      // r̃ ∈ [0, 1]: r̃ = 1 in the last bin (no "above").
      local[1 + Math.min(ratioBins - 1, Math.floor(folded / hr))]++;
      foldedSum += folded;
      ratioSum += r;
    }
    this.store(2 * histogramLength(bins), ratioBins, pairs);
    row[0] = m;
    row[1] = pairs;
    row[2] = sum;
    row[3] = squares;
    row[4] = nearestSum;
    row[5] = foldedSum;
    row[6] = ratioSum;
  }

  /** Writes the local histogram (below at 0, bins 1…B, above at B + 1) at `at` of the counts. */
  private store(at: number, bins: number, total: number): void {
    const counts = this.counts;
    const local = this.local;
    for (let k = 0; k < bins; k++) counts[at + k] = local[1 + k];
    counts[at + bins] = local[0];
    counts[at + bins + 1] = local[bins + 1];
    let c = local[0];
    for (let k = 0; k < bins; k++) {
      c += local[1 + k];
      counts[at + bins + 2 + k] = c * c;
      counts[at + 2 * bins + 2 + k] = c * total;
    }
  }
}

/** 1 + bin of x on the grid (0: below lo, bins + 1: at or above hi). */
function binIndex(x: number, lo: number, h: number, bins: number): number {
  if (!(x >= lo)) return 0;
  const k = Math.floor((x - lo) / h);
  return k >= bins ? bins + 1 : 1 + k;
}

/** A mean with its standard error. */
export interface Estimate {
  value: number;
  se: number;
}

/** One histogram of the result: counts, the empirical CDF at the right bin edges and its SE. */
export interface SpacingHistogram {
  /** Right edges of the bins. */
  x: number[];
  counts: number[];
  below: number;
  above: number;
  cdf: number[];
  se: number[];
}

export interface SpacingSummaryResult {
  samples: number;
  spacings: number;
  pairs: number;
  grid: { lo: number; hi: number; bins: number };
  ratioBins: number;
  spacing: SpacingHistogram;
  nearest: SpacingHistogram;
  folded: SpacingHistogram;
  /** E[s], E[s²], E[min(s_i, s_{i+1})], E[r̃], E[r] (ratio estimators, SE across samples). */
  means: Record<"spacing" | "spacingSquared" | "nearest" | "folded" | "ratio", Estimate>;
}

/**
 * The summary of S samples from the merged counts and the rows (S × SPACING_ROW_WIDTH, sample
 * order; summed in that order).
 */
export function spacingSummaryResult(
  grid: SpacingGrid,
  counts: Float64Array,
  rows: Float64Array,
): SpacingSummaryResult {
  const S = rows.length / SPACING_ROW_WIDTH;
  const column = (j: number): { sum: number; squares: number } => {
    let sum = 0;
    let squares = 0;
    for (let s = 0; s < S; s++) {
      const v = rows[s * SPACING_ROW_WIDTH + j];
      sum += v;
      squares += v * v;
    }
    return { sum, squares };
  };
  /** Σ_s y_s·w_s over samples (columns j, k). */
  const cross = (j: number, k: number): number => {
    let t = 0;
    for (let s = 0; s < S; s++) {
      t += rows[s * SPACING_ROW_WIDTH + j] * rows[s * SPACING_ROW_WIDTH + k];
    }
    return t;
  };
  const m = column(0);
  const p = column(1);
  /** Ratio estimator Σy/Σw and its SE from Σy, Σy², Σyw, Σw, Σw². */
  const ratio = (
    y: { sum: number; squares: number },
    yw: number,
    w: { sum: number; squares: number },
  ): Estimate => {
    const value = y.sum / w.sum;
    const residual = Math.max(0, y.squares - 2 * value * yw + value * value * w.squares);
    const mean = w.sum / S;
    return { value, se: S > 1 ? Math.sqrt(residual / (S * (S - 1))) / mean : Number.NaN };
  };
  const mean = (j: number, w: 0 | 1): Estimate => ratio(column(j), cross(j, w), w === 0 ? m : p);
  const histogram = (at: number, bins: number, lo: number, hi: number, w: typeof m) => {
    const x: number[] = [];
    const out: number[] = [];
    const cdf: number[] = [];
    const se: number[] = [];
    let c = counts[at + bins];
    for (let k = 0; k < bins; k++) {
      x.push(lo + ((k + 1) * (hi - lo)) / bins);
      out.push(counts[at + k]);
      c += counts[at + k];
      const e = ratio(
        { sum: c, squares: counts[at + bins + 2 + k] },
        counts[at + 2 * bins + 2 + k],
        w,
      );
      cdf.push(e.value);
      se.push(e.se);
    }
    return { x, counts: out, below: counts[at + bins], above: counts[at + bins + 1], cdf, se };
  };
  const { lo, hi, bins, ratioBins } = grid;
  const length = histogramLength(bins);
  return {
    samples: S,
    spacings: m.sum,
    pairs: p.sum,
    grid: { lo, hi, bins },
    ratioBins,
    spacing: histogram(0, bins, lo, hi, m),
    nearest: histogram(length, bins, lo, hi, p),
    folded: histogram(2 * length, ratioBins, 0, 1, p),
    means: {
      spacing: mean(2, 0),
      spacingSquared: mean(3, 0),
      nearest: mean(4, 1),
      folded: mean(5, 1),
      ratio: mean(6, 1),
    },
  };
}
