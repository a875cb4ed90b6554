/**
 * Scatter plot of planar points (circular-ensemble eigenvalues e^{iθ}, Ginibre points/√N) as
 * SVG, optionally with the unit circle and equal scales on both axes.
 */

import {
  axesSvg,
  checkSize,
  type Frame,
  formatNumber,
  linearScale,
  niceTicks,
  noDataSvg,
  PALETTE,
  plotArea,
  svgDocument,
  widenDegenerate,
} from "./svg.js";

export interface ScatterOptions {
  points: { x: number[] | Float64Array; y: number[] | Float64Array };
  title: string;
  xLabel: string;
  yLabel: string;
  /** Draw the unit circle. */
  circle?: boolean;
  /** One data unit has the same length in pixels on both axes. */
  aspectEqual?: boolean;
  width?: number;
  height?: number;
}

/**
 * SVG scatter plot: one `<circle class="point">` per finite point (non-finite points are
 * skipped), 5 % padding around the data (and the unit circle if drawn), nice ticks.
 */
export function scatterSvg(opts: ScatterOptions): string {
  const width = opts.width ?? 560;
  const height = opts.height ?? 520;
  checkSize(width, height);
  const { x, y } = opts.points;
  if (x.length !== y.length) {
    throw new RangeError(`scatterSvg: ${x.length} x values but ${y.length} y values`);
  }
  let xLo = Number.POSITIVE_INFINITY;
  let xHi = Number.NEGATIVE_INFINITY;
  let yLo = Number.POSITIVE_INFINITY;
  let yHi = Number.NEGATIVE_INFINITY;
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    if (!(Number.isFinite(x[i]) && Number.isFinite(y[i]))) continue;
    xLo = Math.min(xLo, x[i]);
    xHi = Math.max(xHi, x[i]);
    yLo = Math.min(yLo, y[i]);
    yHi = Math.max(yHi, y[i]);
    count++;
  }
  if (opts.circle) {
    xLo = Math.min(xLo, -1);
    xHi = Math.max(xHi, 1);
    yLo = Math.min(yLo, -1);
    yHi = Math.max(yHi, 1);
  }
  if (!(xLo <= xHi)) [xLo, xHi, yLo, yHi] = [0, 1, 0, 1];
  [xLo, xHi] = padded(widenDegenerate(xLo, xHi));
  [yLo, yHi] = padded(widenDegenerate(yLo, yHi));

  const area = plotArea(width, height);
  if (opts.aspectEqual) {
    const unit = Math.max((xHi - xLo) / area.width, (yHi - yLo) / area.height);
    [xLo, xHi] = around((xLo + xHi) / 2, (unit * area.width) / 2);
    [yLo, yHi] = around((yLo + yHi) / 2, (unit * area.height) / 2);
  }
  const frame: Frame = {
    ...area,
    sx: linearScale(xLo, xHi, area.left, area.left + area.width),
    sy: linearScale(yLo, yHi, area.top + area.height, area.top),
  };
  const f = formatNumber;
  const body: string[] = [
    axesSvg(frame, niceTicks(xLo, xHi), niceTicks(yLo, yHi), opts.xLabel, opts.yLabel),
  ];
  if (opts.circle) {
    const cx = frame.sx(0);
    const cy = frame.sy(0);
    body.push(
      `<ellipse class="unit-circle" cx="${f(cx)}" cy="${f(cy)}" rx="${f(frame.sx(1) - cx)}" ry="${f(cy - frame.sy(1))}" fill="none" stroke="#999" stroke-width="1" stroke-dasharray="4 3"/>`,
    );
  }
  if (count === 0) body.push(noDataSvg(frame));
  body.push(`<g class="points" fill="${PALETTE[0]}" fill-opacity="0.7">`);
  for (let i = 0; i < x.length; i++) {
    if (!(Number.isFinite(x[i]) && Number.isFinite(y[i]))) continue;
    body.push(
      `<circle class="point" cx="${f(frame.sx(x[i]))}" cy="${f(frame.sy(y[i]))}" r="1.8"/>`,
    );
  }
  body.push("</g>");
  return svgDocument(width, height, opts.title, body.join(""));
}

function padded([lo, hi]: [number, number]): [number, number] {
  const pad = 0.05 * (hi - lo);
  return [lo - pad, hi + pad];
}

function around(centre: number, half: number): [number, number] {
  return [centre - half, centre + half];
}
