/**
 * Histogram of points (or of pre-binned counts) as a probability density, with an optional
 * density curve over it (e.g. the semicircle law over normalised eigenvalues), as SVG.
 */

import {
  axesSvg,
  checkSize,
  clipToBand,
  type Frame,
  finiteExtent,
  formatNumber,
  type LegendEntry,
  legendRowsFor,
  legendSvg,
  linearScale,
  logTicks,
  niceRange,
  niceTicks,
  noDataSvg,
  PALETTE,
  pathData,
  plotArea,
  svgDocument,
  widenDegenerate,
} from "./svg.js";

/** Bin edges, raw counts, density heights and the number of points counted. */
export interface HistogramBars {
  edges: Float64Array;
  counts: Float64Array;
  /** counts[i]/(total·(edges[i+1] − edges[i])): Σ heights·widths = 1 when total > 0. */
  heights: Float64Array;
  total: number;
}

/**
 * Bin the finite values into `bins` equal bins over `range` (default: [min, max], widened if
 * all values are equal); bins are [e_i, e_{i+1}) except the last, which is closed (as numpy's
 * histogram); points outside the range are not counted. Heights are normalised to a
 * probability density: height_i = count_i/(total·width_i).
 */
export function histogramBars(
  values: ArrayLike<number>,
  bins: number,
  range?: [number, number],
): HistogramBars {
  if (!(Number.isInteger(bins) && bins >= 1)) {
    throw new RangeError(`histogram: bins must be an integer >= 1, got ${bins}`);
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(`histogram: values must be finite, got ${values[i]} at index ${i}`);
    }
  }
  let lo: number;
  let hi: number;
  if (range) {
    [lo, hi] = range;
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) {
      throw new RangeError(`histogram: range must be finite with lo < hi, got [${lo}, ${hi}]`);
    }
  } else {
    const extent = finiteExtent(values);
    [lo, hi] = extent ? widenDegenerate(extent[0], extent[1]) : [0, 1];
  }
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = i === bins ? hi : lo + ((hi - lo) * i) / bins;
  const counts = new Float64Array(bins);
  let total = 0;
  const scale = bins / (hi - lo);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo || v > hi) continue;
    const k = Math.min(bins - 1, Math.floor((v - lo) * scale));
    counts[k]++;
    total++;
  }
  return { edges, counts, heights: densityHeights(edges, counts, total), total };
}

/** Pre-binned counts over the given edges, normalised to a probability density. */
export function histogramFromCounts(
  edges: ArrayLike<number>,
  counts: ArrayLike<number>,
): HistogramBars {
  if (edges.length !== counts.length + 1 || counts.length < 1) {
    throw new RangeError(
      `histogram: need edges.length = counts.length + 1 >= 2, got ${edges.length} and ${counts.length}`,
    );
  }
  const e = Float64Array.from(edges);
  const c = Float64Array.from(counts);
  for (let i = 0; i < e.length; i++) {
    if (!Number.isFinite(e[i]) || (i > 0 && !(e[i] > e[i - 1]))) {
      throw new RangeError(`histogram: edges must be finite and strictly increasing (index ${i})`);
    }
  }
  let total = 0;
  for (let i = 0; i < c.length; i++) {
    if (!(Number.isFinite(c[i]) && c[i] >= 0)) {
      throw new RangeError(`histogram: counts must be finite and >= 0, got ${c[i]} at index ${i}`);
    }
    total += c[i];
  }
  return { edges: e, counts: c, heights: densityHeights(e, c, total), total };
}

function densityHeights(edges: Float64Array, counts: Float64Array, total: number): Float64Array {
  const heights = new Float64Array(counts.length);
  if (total <= 0) return heights;
  for (let i = 0; i < counts.length; i++) {
    heights[i] = counts[i] / (total * (edges[i + 1] - edges[i]));
  }
  return heights;
}

export interface HistogramOptions {
  values?: Float64Array | number[];
  counts?: { edges: Float64Array | number[]; counts: Float64Array | number[] };
  /** Number of bins for `values` (default: ⌈√n⌉ clamped to [10, 100]). */
  bins?: number;
  range?: [number, number];
  density?: (x: number) => number;
  densityLabel?: string;
  /** Parameters of the run go in the title. */
  title: string;
  xLabel: string;
  yLabel?: string;
  width?: number;
  height?: number;
  /** A logarithmic density axis (to see the tails); default false. */
  logY?: boolean;
  /** Fraction of the plot's height kept clear above the bars (for the legend); default 0. */
  headroom?: number;
  /**
   * A band per bin (densities lower[i] ≤ upper[i], e.g. where 95% of histograms of this many
   * points fall under the theory), drawn as a shaded step area behind the bars.
   */
  band?: { lower: ArrayLike<number>; upper: ArrayLike<number>; label: string };
  /** A second density drawn dashed for comparison (e.g. an approximation of the law drawn solid). */
  reference?: { density: (x: number) => number; label: string };
  /**
   * Zoom: show only x in [a, b]. The bars keep the density of the whole histogram (normalised by
   * all the points counted, so they still match the density curve): `values` are re-binned into
   * `bins` equal bins over [a, b] (a band then has one entry per bin of the window); with
   * `counts`, the given bins that meet [a, b] are drawn, cut at a and b (each bar carries
   * data-bin = its index in `counts`).
   */
  window?: [number, number];
}

/** Number of samples of the density curve across the plot. */
const CURVE_SAMPLES = 600;

/**
 * SVG histogram normalised to a probability density (bar areas sum to 1 over the counted
 * points), with the density curve (sampled finely, clipped to the plot), nice axes, a legend
 * and the title. Exactly one `<rect class="bar">` per bin.
 *
 * @example
 * import { createRandomSource, hermiteEigenvalues, semicircleDensity } from "betaens";
 * import { histogramSvg } from "betaens/plot";
 * const n = 1000;
 * const x = hermiteEigenvalues(createRandomSource(1, 0), n, 2).map((v) => v / Math.sqrt(n));
 * const svg = histogramSvg({ values: x, density: semicircleDensity, title: "GUE", xLabel: "x/√N" });
 */
export function histogramSvg(opts: HistogramOptions): string {
  const width = opts.width ?? 640;
  const height = opts.height ?? 400;
  checkSize(width, height);
  const full = barsOf(opts);
  const zoomed = opts.window ? windowBars(opts, full, opts.window) : null;
  const bars = zoomed ?? full;
  const lo = bars.edges[0];
  const hi = bars.edges[bars.edges.length - 1];

  // Density curve samples, and its largest finite value over the range.
  let curveX: Float64Array | null = null;
  let curveY: Float64Array | null = null;
  let curveMax = 0;
  if (opts.density) {
    curveX = new Float64Array(CURVE_SAMPLES + 1);
    curveY = new Float64Array(CURVE_SAMPLES + 1);
    for (let i = 0; i <= CURVE_SAMPLES; i++) {
      const x = lo + ((hi - lo) * i) / CURVE_SAMPLES;
      const y = opts.density(x);
      curveX[i] = x;
      curveY[i] = y;
      if (Number.isFinite(y) && y > curveMax) curveMax = y;
    }
  }
  let barMax = 0;
  for (const h of bars.heights) barMax = Math.max(barMax, h);
  // A density spike (hard edge) may exceed the bars by far: cap the axis at twice the bars.
  let top = barMax > 0 ? Math.max(barMax, Math.min(curveMax, 2 * barMax)) : curveMax;
  if (!(top > 0 && Number.isFinite(top))) top = 1;
  const headroom = Math.min(Math.max(opts.headroom ?? 0, 0), 0.8);
  let [, yTop] = niceRange(0, (top * 1.05) / (1 - headroom));
  // Log density axis (tails): from the decade below half the smallest positive bar.
  let yBottom = 0;
  if (opts.logY) {
    let smallest = Number.POSITIVE_INFINITY;
    for (const h of bars.heights) if (h > 0 && h < smallest) smallest = h;
    if (!Number.isFinite(smallest)) smallest = top * 1e-3;
    yBottom = 10 ** Math.floor(Math.log10(smallest / 2));
    const decades = Math.log10(top * 1.05) - Math.log10(yBottom);
    yTop = 10 ** (Math.log10(top * 1.05) + (headroom * decades) / (1 - headroom));
  }

  const barColor = PALETTE[0];
  const curveColor = PALETTE[1];
  const legend: LegendEntry[] = [
    { label: `histogram (n = ${formatCount(full.total)})`, color: barColor, kind: "box" },
  ];
  if (curveX && curveY) {
    legend.push({ label: opts.densityLabel ?? "limit density", color: curveColor, kind: "line" });
  }
  if (opts.band) legend.push({ label: opts.band.label, color: PALETTE[1], kind: "box" });
  const referenceColor = PALETTE[2];
  if (opts.reference) {
    legend.push({ label: opts.reference.label, color: referenceColor, kind: "dashed" });
  }
  const area = plotArea(width, height, legendRowsFor(width, legend));
  const bottomPx = area.top + area.height;
  const logScale = linearScale(Math.log10(yBottom), Math.log10(yTop), bottomPx, area.top);
  const frame: Frame = {
    ...area,
    sx: linearScale(lo, hi, area.left, area.left + area.width),
    sy: opts.logY
      ? (v) => logScale(Math.log10(Math.max(v, yBottom)))
      : linearScale(0, yTop, bottomPx, area.top),
  };
  const f = formatNumber;
  const yTicks = opts.logY ? logTicks(yBottom, yTop) : niceTicks(0, yTop, 5);
  const yLabel = (opts.yLabel ?? "density") + (opts.logY ? " (log scale)" : "");
  const body: string[] = [axesSvg(frame, niceTicks(lo, hi), yTicks, opts.xLabel, yLabel)];

  const band = opts.band;
  if (band) {
    if (band.lower.length !== bars.heights.length || band.upper.length !== bars.heights.length) {
      throw new RangeError("histogramSvg: the band needs one lower and one upper value per bin");
    }
    const top: string[] = [];
    const low: string[] = [];
    for (let i = 0; i < bars.heights.length; i++) {
      const x0 = f(frame.sx(bars.edges[i]));
      const x1 = f(frame.sx(bars.edges[i + 1]));
      const yu = f(frame.sy(Math.min(band.upper[i], yTop)));
      const yl = f(frame.sy(Math.min(band.lower[i], yTop)));
      top.push(`${x0},${yu} ${x1},${yu}`);
      low.unshift(`${x0},${yl} ${x1},${yl}`.split(" ").reverse().join(" "));
    }
    body.push(
      `<path class="band" d="M${top.join(" L")} L${low.join(" L")} Z" fill="${PALETTE[1]}" fill-opacity="0.18" stroke="none"/>`,
    );
  }
  body.push(
    // data-lo/hi (x at the plot's left/right) and data-left/right (their pixels): drag-to-zoom.
    `<g class="bars" data-lo="${lo}" data-hi="${hi}" data-left="${f(frame.left)}" data-right="${f(frame.left + frame.width)}" fill="${barColor}" fill-opacity="0.35" stroke="${barColor}" stroke-width="0.5">`,
  );
  const bottom = frame.sy(0);
  for (let i = 0; i < bars.heights.length; i++) {
    const x0 = frame.sx(bars.edges[i]);
    const x1 = frame.sx(bars.edges[i + 1]);
    const yPix = frame.sy(Math.min(bars.heights[i], yTop));
    const bin = zoomed?.first !== undefined ? ` data-bin="${zoomed.first + i}"` : "";
    body.push(
      `<rect class="bar"${bin} x="${f(x0)}" y="${f(yPix)}" width="${f(Math.max(0, x1 - x0))}" height="${f(Math.max(0, bottom - yPix))}"/>`,
    );
  }
  body.push("</g>");
  if (bars.total === 0) body.push(noDataSvg(frame));
  else if (zoomed && zoomed.inWindow === 0) body.push(noDataSvg(frame));

  if (curveX && curveY) {
    const runs = clipToBand(curveX, curveY, yBottom, yTop).map((run) =>
      run.map(([x, y]): [number, number] => [frame.sx(x), frame.sy(y)]),
    );
    body.push(
      `<path class="density" d="${pathData(runs)}" fill="none" stroke="${curveColor}" stroke-width="2"/>`,
    );
  }
  if (opts.reference) {
    const x = new Float64Array(CURVE_SAMPLES + 1);
    const y = new Float64Array(CURVE_SAMPLES + 1);
    for (let i = 0; i <= CURVE_SAMPLES; i++) {
      x[i] = lo + ((hi - lo) * i) / CURVE_SAMPLES;
      y[i] = opts.reference.density(x[i]);
    }
    const runs = clipToBand(x, y, yBottom, yTop).map((run) =>
      run.map(([u, v]): [number, number] => [frame.sx(u), frame.sy(v)]),
    );
    body.push(
      `<path class="reference" d="${pathData(runs)}" fill="none" stroke="${referenceColor}" stroke-width="2" stroke-dasharray="6 4"/>`,
    );
  }
  body.push(legendSvg(frame, legend));
  return svgDocument(width, height, opts.title, body.join(""));
}

function barsOf(opts: HistogramOptions): HistogramBars {
  if (opts.values && opts.counts) {
    throw new RangeError("histogramSvg: give either values or counts, not both");
  }
  if (opts.counts) return histogramFromCounts(opts.counts.edges, opts.counts.counts);
  if (!opts.values) throw new RangeError("histogramSvg: give values or counts");
  const n = opts.values.length;
  const bins = opts.bins ?? Math.min(100, Math.max(10, Math.ceil(Math.sqrt(n))));
  return histogramBars(opts.values, bins, opts.range);
}

/** The bars of a zoom window (see HistogramOptions.window); `inWindow` = points in it. */
export function windowBars(
  opts: Pick<HistogramOptions, "values" | "bins">,
  full: HistogramBars,
  window: [number, number],
): HistogramBars & { first?: number; inWindow: number } {
  const [a, b] = window;
  if (!(Number.isFinite(a) && Number.isFinite(b) && b > a)) {
    throw new RangeError(`histogram: zoom window must be finite with a < b, got [${a}, ${b}]`);
  }
  if (opts.values) {
    const bins = opts.bins ?? full.counts.length;
    const local = histogramBars(opts.values, bins, [a, b]);
    // Normalised by every point of the full histogram, not only those in the window.
    const heights = densityHeights(local.edges, local.counts, full.total);
    return { ...local, heights, total: full.total, inWindow: local.total };
  }
  const e = full.edges;
  let first = 0;
  while (first < full.counts.length && e[first + 1] <= a) first++;
  let last = full.counts.length - 1;
  while (last >= first && e[last] >= b) last--;
  if (last < first) {
    return {
      edges: Float64Array.of(a, b),
      counts: Float64Array.of(0),
      heights: Float64Array.of(0),
      total: full.total,
      inWindow: 0,
    };
  }
  const edges = e.slice(first, last + 2);
  edges[0] = Math.max(edges[0], a);
  edges[edges.length - 1] = Math.min(edges[edges.length - 1], b);
  const counts = full.counts.slice(first, last + 1);
  let inWindow = 0;
  for (const c of counts) inWindow += c;
  return {
    edges,
    counts,
    heights: full.heights.slice(first, last + 1),
    total: full.total,
    first,
    inWindow,
  };
}

function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n) : formatNumber(n);
}
