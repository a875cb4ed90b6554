/**
 * Line chart of one or more traces (λ_max per Gibbs pass, KS distance per pass, …) as SVG.
 */

import {
  axesSvg,
  checkSize,
  clipToBand,
  type Frame,
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
  rampColor,
  svgDocument,
  widenDegenerate,
} from "./svg.js";

export interface LineSeries {
  label: string;
  x: number[] | Float64Array;
  y: number[] | Float64Array;
}

export interface LineChartOptions {
  series: LineSeries[];
  title: string;
  xLabel: string;
  yLabel: string;
  /** Logarithmic x axis (points with x ≤ 0 are dropped). */
  logX?: boolean;
  /**
   * Above this many series (default 8) the lines take colours from a ramp in series order and
   * the legend names only the first and the last (with the count), so it cannot overflow.
   */
  legendLimit?: number;
  width?: number;
  height?: number;
}

/** Series with at most this many points also get a marker per point. */
const MARKER_LIMIT = 60;

/**
 * SVG line chart: one path per series (non-finite points, and x ≤ 0 on a log axis, break the
 * line), nice ticks (powers of ten on a log x axis), a legend with the series labels, the title.
 */
export function lineChartSvg(opts: LineChartOptions): string {
  const width = opts.width ?? 640;
  const height = opts.height ?? 400;
  checkSize(width, height);
  const logX = opts.logX ?? false;
  for (const s of opts.series) {
    if (s.x.length !== s.y.length) {
      throw new RangeError(
        `lineChartSvg: series "${s.label}" has ${s.x.length} x values but ${s.y.length} y values`,
      );
    }
  }
  // Transformed x (log10 on a log axis), NaN for points that cannot be drawn.
  const series = opts.series.map((s) => {
    const tx = new Float64Array(s.x.length);
    const ty = new Float64Array(s.y.length);
    for (let i = 0; i < s.x.length; i++) {
      const x = s.x[i];
      const y = s.y[i];
      const ok = Number.isFinite(x) && Number.isFinite(y) && (!logX || x > 0);
      tx[i] = ok ? (logX ? Math.log10(x) : x) : Number.NaN;
      ty[i] = ok ? y : Number.NaN;
    }
    return { label: s.label, tx, ty };
  });
  const xExtent = mergeExtents(series.map((s) => s.tx));
  const yExtent = mergeExtents(series.map((s) => s.ty));
  const hasData = xExtent !== null && yExtent !== null;
  let [x0, x1] = hasData ? widenDegenerate(xExtent[0], xExtent[1]) : [0, 1];
  if (logX && hasData && xExtent[0] === xExtent[1]) [x0, x1] = [xExtent[0] - 0.5, xExtent[0] + 0.5];
  const [yLo, yHi] = hasData ? widenDegenerate(yExtent[0], yExtent[1]) : [0, 1];
  const [y0, y1] = niceRange(yLo, yHi, 5);

  const many = series.length > (opts.legendLimit ?? 8);
  const colors = series.map((_, k) =>
    many ? rampColor(k / Math.max(1, series.length - 1)) : PALETTE[k % PALETTE.length],
  );
  const legend: LegendEntry[] = many
    ? [
        { label: series[0].label, color: colors[0], kind: "line" },
        { label: `… ${series.length} series …`, color: "#000", kind: "none" },
        { label: series[series.length - 1].label, color: colors[series.length - 1], kind: "line" },
      ]
    : series.map((s, k) => ({ label: s.label, color: colors[k], kind: "line" }));
  const area = plotArea(width, height, legendRowsFor(width, legend));
  const frame: Frame = {
    ...area,
    sx: linearScale(x0, x1, area.left, area.left + area.width),
    sy: linearScale(y0, y1, area.top + area.height, area.top),
  };
  const xTicks = logX
    ? logTicks(10 ** x0, 10 ** x1).map((t) => ({ value: Math.log10(t.value), label: t.label }))
    : niceTicks(x0, x1);
  const body: string[] = [axesSvg(frame, xTicks, niceTicks(y0, y1, 5), opts.xLabel, opts.yLabel)];
  if (!hasData) body.push(noDataSvg(frame));
  const f = formatNumber;
  series.forEach((s, k) => {
    const color = colors[k];
    const runs = clipToBand(s.tx, s.ty, y0, y1).map((run) =>
      run.map(([x, y]): [number, number] => [frame.sx(x), frame.sy(y)]),
    );
    body.push(
      `<path class="series" d="${pathData(runs)}" fill="none" stroke="${color}" stroke-width="1.5"/>`,
    );
    if (s.tx.length <= MARKER_LIMIT) {
      body.push(`<g class="markers" fill="${color}">`);
      for (let i = 0; i < s.tx.length; i++) {
        if (Number.isNaN(s.tx[i])) continue;
        body.push(`<circle cx="${f(frame.sx(s.tx[i]))}" cy="${f(frame.sy(s.ty[i]))}" r="2.5"/>`);
      }
      body.push("</g>");
    }
  });
  body.push(legendSvg(frame, legend));
  return svgDocument(width, height, opts.title, body.join(""));
}

function mergeExtents(arrays: Float64Array[]): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (Number.isNaN(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}
