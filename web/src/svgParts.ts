/** SVG pieces of the explorer's figures built from the library's plot helpers. */

import { histogramSvg } from "../../src/plot/histogram.js";
import {
  axesSvg,
  escapeXml,
  formatNumber,
  linearScale,
  niceTicks,
  PALETTE,
  plotArea,
  svgDocument,
} from "../../src/plot/svg.js";
import { FIGURE_WIDTH } from "./results.js";
import { surmiseDeviation, wignerSurmise } from "./surmise.js";

/** The points as ticks on a line (with the support of the limit law shaded). */
export function stripSvg(
  y: Float64Array,
  title: string,
  xLabel: string,
  support: [number, number] | null,
): string {
  const width = FIGURE_WIDTH;
  const height = 190;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of y) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (support) {
    lo = Math.min(lo, support[0]);
    hi = Math.max(hi, support[1]);
  }
  if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
  const pad = 0.03 * (hi - lo);
  lo -= pad;
  hi += pad;
  const area = plotArea(width, height);
  const frame = {
    ...area,
    sx: linearScale(lo, hi, area.left, area.left + area.width),
    sy: linearScale(0, 1, area.top + area.height, area.top),
  };
  const f = formatNumber;
  const body = [axesSvg(frame, niceTicks(lo, hi), [], xLabel, "")];
  if (support) {
    const x0 = frame.sx(support[0]);
    body.push(
      `<rect class="support" x="${f(x0)}" y="${f(frame.top)}" width="${f(frame.sx(support[1]) - x0)}" height="${f(area.height)}" fill="${PALETTE[2]}" fill-opacity="0.08"/>`,
    );
  }
  // Thin ticks; when many, slightly transparent so that clusters read as darker.
  const opacity = y.length > 1000 ? 0.35 : y.length > 200 ? 0.6 : 0.9;
  body.push(
    `<g class="points" stroke="${PALETTE[0]}" stroke-width="1" stroke-opacity="${opacity}">`,
  );
  const y0 = f(frame.sy(0.2));
  const y1 = f(frame.sy(0.8));
  for (const v of y) {
    const x = f(frame.sx(v));
    body.push(`<line class="point" x1="${x}" y1="${y0}" x2="${x}" y2="${y1}"/>`);
  }
  body.push("</g>");
  return svgDocument(width, height, title, body.join(""));
}

/** Stacks complete SVG documents vertically into one document (one file to download). */
export function stackSvg(parts: string[], title: string): string {
  let y = 0;
  let width = 0;
  const inner: string[] = [];
  for (const part of parts) {
    const h = Number(/height="([\d.]+)"/.exec(part)?.[1] ?? 0);
    const w = Number(/width="([\d.]+)"/.exec(part)?.[1] ?? 0);
    inner.push(
      part.replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /, `<svg y="${y}" `).trim(),
    );
    y += h;
    width = Math.max(width, w);
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" role="img">` +
    `<title>${escapeXml(title)}</title>${inner.join("")}</svg>\n`
  );
}

/**
 * The range and bins of the spacing histogram: 1 ± 6 standard deviations of the surmise (within
 * [0, ∞)), widened to hold every spacing (so that the legend's n is the count in the title), and
 * bins of about 0.4 sd (at most ≈ 2√n) so that the peak of a large-β surmise is resolved.
 */
export function spacingBins(
  spacings: Float64Array,
  beta: number,
): { range: [number, number]; bins: number } {
  const sd = surmiseDeviation(beta);
  let lo = Math.max(0, 1 - 6 * sd);
  let hi = 1 + 6 * sd;
  for (const s of spacings) {
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  if (lo > 0) lo = Math.max(0, lo - 0.02 * (hi - lo));
  hi += 1e-9 * Math.max(1, hi); // the largest spacing falls inside the last bin
  const most = Math.max(10, Math.ceil(2 * Math.sqrt(spacings.length)));
  const bins = Math.min(most, Math.max(10, Math.ceil((hi - lo) / (0.4 * sd))));
  return { range: [lo, hi], bins };
}

/** Histogram of spacings unfolded to mean 1 against the β-Wigner surmise (β > 0) or e^(−s). */
export function spacingSvg(spacings: Float64Array, beta: number, xLabel: string): string {
  const surmise = beta > 0;
  const { range, bins } = spacingBins(spacings, beta);
  return histogramSvg({
    values: spacings,
    range,
    bins,
    density: surmise ? (s) => wignerSurmise(s, beta) : (s) => Math.exp(-s),
    densityLabel: surmise
      ? `β-Wigner surmise ∝ s^${formatNumber(beta)} e^(−bs²)`
      : "Poisson: e^(−s) (no repulsion)",
    title: `Nearest-neighbour spacings, unfolded to mean 1 (${spacings.length} spacings)`,
    xLabel,
    width: FIGURE_WIDTH,
    height: 340,
  });
}
