/**
 * Small SVG building blocks shared by the charts: XML escaping, compact numbers, nice ticks,
 * scales, axes, legend and the document wrapper.
 *
 * We write our own small SVG: no plotting library renders server-side SVG in Node without a
 * DOM (and the output must also be producible in a browser worker), while the charts we need
 * are a histogram with a density curve, line traces and a scatter plot. Everything here is a
 * pure function returning strings; no node: imports.
 */

/** Escape the five XML special characters (XML 1.0 §2.4, §4.6 predefined entities). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * A number for an SVG attribute: at most 4 significant digits, no trailing zeros, "0" for
 * −0; non-finite values are a programming error here (RangeError), never "NaN" in the output.
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`formatNumber: non-finite value ${x}`);
  if (x === 0) return "0";
  return String(Number(x.toPrecision(4)));
}

/** Clamp a pixel coordinate to a finite band around the drawing (guards huge/∞ values). */
export function clampPixel(v: number): number {
  if (Number.isNaN(v)) return 0;
  return Math.min(1e5, Math.max(-1e5, v));
}

/** An axis tick: its value in data units and its label. */
export interface Tick {
  value: number;
  label: string;
}

/**
 * "Nice" step 1, 2 or 5 × 10^k close to span/target (Heckbert, "Nice numbers for graph
 * labels", Graphics Gems I, 1990).
 */
export function niceStep(span: number, target: number): number {
  const raw = span / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
  return nice * power;
}

/** Ticks at multiples of a nice step inside [lo, hi] (lo < hi, both finite), ~target of them. */
export function niceTicks(lo: number, hi: number, target = 6): Tick[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) {
    throw new RangeError(`niceTicks: need finite lo < hi, got [${lo}, ${hi}]`);
  }
  const step = niceStep(hi - lo, target);
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const ticks: Tick[] = [];
  for (let k = first; k <= last; k++) {
    const value = Number((k * step).toPrecision(12)) || 0; // no −0
    ticks.push({ value, label: tickLabel(value, step) });
  }
  return ticks;
}

/** Outward-rounded range [lo', hi'] ⊇ [lo, hi] on the nice grid (for value axes). */
export function niceRange(lo: number, hi: number, target = 6): [number, number] {
  const step = niceStep(hi - lo, target);
  return [Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step];
}

/** Label of a tick value on a grid of the given step: fixed decimals, exponent if extreme. */
export function tickLabel(value: number, step: number): string {
  const magnitude = Math.abs(value);
  if (value !== 0 && (magnitude >= 1e6 || step < 1e-5)) {
    const digits = Math.max(0, Math.floor(Math.log10(magnitude)) - Math.floor(Math.log10(step)));
    return value.toExponential(Math.min(digits, 6)).replace("e+", "e");
  }
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return value.toFixed(decimals);
}

/** Ticks at powers of ten in [lo, hi] (lo > 0) for a log axis; nice linear ticks if < 2 fit. */
export function logTicks(lo: number, hi: number): Tick[] {
  const first = Math.ceil(Math.log10(lo) - 1e-9);
  const last = Math.floor(Math.log10(hi) + 1e-9);
  if (last - first < 1) return niceTicks(lo, hi, 4);
  const stride = Math.ceil((last - first + 1) / 8);
  const ticks: Tick[] = [];
  for (let k = first; k <= last; k += stride) {
    const value = 10 ** k;
    const label = k >= -3 && k <= 4 ? String(Number(value.toPrecision(1))) : `1e${k}`;
    ticks.push({ value, label });
  }
  return ticks;
}

/** Affine map of [d0, d1] onto [r0, r1]. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** The plot area in pixels and the data → pixel maps. */
export interface Frame {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Rows of legend reserved between the title and the plot (legendSvg draws them there). */
  legendRows?: number;
  sx: (x: number) => number;
  sy: (y: number) => number;
}

const FRAME_LEFT = 68;
const FRAME_RIGHT = 16;
const FRAME_TOP = 40;
const FRAME_BOTTOM = 50;
/** Height of one legend row in pixels. */
const LEGEND_ROW = 18;

/**
 * Plot area of a width × height figure with room for title, labels and tick labels, and for
 * `legendRows` rows of legend between the title and the plot (see legendRowsFor), so that the
 * legend never covers the data.
 */
export function plotArea(width: number, height: number, legendRows = 0): Omit<Frame, "sx" | "sy"> {
  const top = FRAME_TOP + (legendRows > 0 ? LEGEND_ROW * legendRows + 4 : 0);
  return {
    left: FRAME_LEFT,
    top,
    width: width - FRAME_LEFT - FRAME_RIGHT,
    height: height - top - FRAME_BOTTOM,
    legendRows,
  };
}

/** Axes: frame box, grid lines, ticks with labels, axis labels. */
export function axesSvg(
  frame: Frame,
  xTicks: Tick[],
  yTicks: Tick[],
  xLabel: string,
  yLabel: string,
): string {
  const f = formatNumber;
  const right = frame.left + frame.width;
  const bottom = frame.top + frame.height;
  const parts: string[] = ['<g class="axes" stroke="#000" stroke-width="1" fill="none">'];
  const grid: string[] = ['<g class="grid" stroke="#e0e0e0" stroke-width="1">'];
  const labels: string[] = ['<g class="tick-labels" fill="#000" stroke="none">'];
  for (const tick of xTicks) {
    const x = clampPixel(frame.sx(tick.value));
    if (x < frame.left - 0.5 || x > right + 0.5) continue;
    grid.push(`<line x1="${f(x)}" y1="${f(frame.top)}" x2="${f(x)}" y2="${f(bottom)}"/>`);
    parts.push(`<line x1="${f(x)}" y1="${f(bottom)}" x2="${f(x)}" y2="${f(bottom + 5)}"/>`);
    labels.push(
      `<text x="${f(x)}" y="${f(bottom + 18)}" text-anchor="middle">${escapeXml(tick.label)}</text>`,
    );
  }
  for (const tick of yTicks) {
    const y = clampPixel(frame.sy(tick.value));
    if (y < frame.top - 0.5 || y > bottom + 0.5) continue;
    grid.push(`<line x1="${f(frame.left)}" y1="${f(y)}" x2="${f(right)}" y2="${f(y)}"/>`);
    parts.push(`<line x1="${f(frame.left - 5)}" y1="${f(y)}" x2="${f(frame.left)}" y2="${f(y)}"/>`);
    labels.push(
      `<text x="${f(frame.left - 8)}" y="${f(y + 4)}" text-anchor="end">${escapeXml(tick.label)}</text>`,
    );
  }
  parts.push(
    `<rect x="${f(frame.left)}" y="${f(frame.top)}" width="${f(frame.width)}" height="${f(frame.height)}"/>`,
  );
  parts.push("</g>");
  grid.push("</g>");
  labels.push("</g>");
  const xMid = frame.left + frame.width / 2;
  const yMid = frame.top + frame.height / 2;
  const axisLabels =
    `<text class="x-label" x="${f(xMid)}" y="${f(bottom + 38)}" text-anchor="middle">${escapeXml(xLabel)}</text>` +
    `<text class="y-label" transform="translate(16 ${f(yMid)}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`;
  return grid.join("") + parts.join("") + labels.join("") + axisLabels;
}

/** One legend entry: a swatch drawn by the caller's kind (none: text only) and its text. */
export interface LegendEntry {
  label: string;
  color: string;
  kind: "box" | "line" | "dashed" | "dot" | "none";
}

/** Width in pixels of an entry: swatch, text (≈ 6.6 px per character at 12 px) and a gap. */
function entryWidth(entry: LegendEntry): number {
  return (entry.kind === "none" ? 0 : 24) + 6.6 * entry.label.length + 18;
}

/** Entries laid out left to right in rows no wider than `width`: x offset and row of each. */
function legendLayout(entries: LegendEntry[], width: number): { x: number; row: number }[] {
  const places: { x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const entry of entries) {
    const w = entryWidth(entry);
    if (x > 0 && x + w > width) {
      row++;
      x = 0;
    }
    places.push({ x, row });
    x += w;
  }
  return places;
}

/** Rows the legend strip of a `figureWidth`-wide figure needs for these entries (0 if none). */
export function legendRowsFor(figureWidth: number, entries: LegendEntry[]): number {
  if (entries.length === 0) return 0;
  const places = legendLayout(entries, figureWidth - FRAME_LEFT - FRAME_RIGHT);
  return places[places.length - 1].row + 1;
}

/** One swatch at (x, y) (y = text baseline). */
function swatchSvg(entry: LegendEntry, x: number, y: number): string {
  const f = formatNumber;
  const color = escapeXml(entry.color);
  if (entry.kind === "box") {
    return `<rect x="${f(x)}" y="${f(y - 9)}" width="18" height="10" fill="${color}" fill-opacity="0.6" stroke="${color}"/>`;
  }
  if (entry.kind === "line") {
    return `<line x1="${f(x)}" y1="${f(y - 4)}" x2="${f(x + 18)}" y2="${f(y - 4)}" stroke="${color}" stroke-width="2"/>`;
  }
  if (entry.kind === "dashed") {
    return `<line x1="${f(x)}" y1="${f(y - 4)}" x2="${f(x + 18)}" y2="${f(y - 4)}" stroke="${color}" stroke-width="2" stroke-dasharray="5 3"/>`;
  }
  if (entry.kind === "dot")
    return `<circle cx="${f(x + 9)}" cy="${f(y - 4)}" r="3" fill="${color}"/>`;
  return "";
}

/**
 * The legend. When the frame reserved legend rows (plotArea(w, h, rows)) it is a strip of
 * entries between the title and the plot, never over the data; otherwise a box in the plot's
 * top-right corner.
 */
export function legendSvg(frame: Frame, entries: LegendEntry[]): string {
  if (entries.length === 0) return "";
  const f = formatNumber;
  if (frame.legendRows) {
    const places = legendLayout(entries, frame.width);
    const top = frame.top - 4 - LEGEND_ROW * frame.legendRows;
    const parts = ['<g class="legend">'];
    entries.forEach((entry, i) => {
      const x = frame.left + places[i].x;
      const y = top + 13 + LEGEND_ROW * places[i].row;
      parts.push(swatchSvg(entry, x, y));
      const textX = entry.kind === "none" ? x : x + 24;
      parts.push(`<text x="${f(textX)}" y="${f(y)}">${escapeXml(entry.label)}</text>`);
    });
    parts.push("</g>");
    return parts.join("");
  }
  const longest = Math.max(...entries.map((e) => e.label.length));
  const boxWidth = Math.min(frame.width - 10, 34 + 6.6 * longest);
  const boxHeight = 8 + 18 * entries.length;
  const x0 = frame.left + frame.width - boxWidth - 6;
  const y0 = frame.top + 6;
  const parts = [
    `<g class="legend"><rect x="${f(x0)}" y="${f(y0)}" width="${f(boxWidth)}" height="${f(boxHeight)}" fill="#fff" fill-opacity="0.85" stroke="#999"/>`,
  ];
  entries.forEach((entry, i) => {
    const y = y0 + 16 + 18 * i;
    parts.push(swatchSvg(entry, x0 + 8, y));
    parts.push(`<text x="${f(x0 + 32)}" y="${f(y)}">${escapeXml(entry.label)}</text>`);
  });
  parts.push("</g>");
  return parts.join("");
}

/** The complete document: root element, accessible title, white background, centred title. */
export function svgDocument(width: number, height: number, title: string, body: string): string {
  const f = formatNumber;
  const t = escapeXml(title);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f(width)}" height="${f(height)}" viewBox="0 0 ${f(width)} ${f(height)}" font-family="sans-serif" font-size="12" role="img">` +
    `<title>${t}</title>` +
    `<rect width="${f(width)}" height="${f(height)}" fill="#fff"/>` +
    `<text class="title" x="${f(width / 2)}" y="24" text-anchor="middle" font-size="15">${t}</text>` +
    body +
    "</svg>\n"
  );
}

/** Figure size must be finite and leave room for the plot area. */
export function checkSize(width: number, height: number): void {
  if (!(Number.isFinite(width) && width >= 200 && Number.isFinite(height) && height >= 150)) {
    throw new RangeError(`plot: width must be >= 200 and height >= 150, got ${width} × ${height}`);
  }
}

/** A "no data" note in the middle of the plot area. */
export function noDataSvg(frame: Frame): string {
  const f = formatNumber;
  return `<text class="no-data" x="${f(frame.left + frame.width / 2)}" y="${f(frame.top + frame.height / 2)}" text-anchor="middle" fill="#666">no data</text>`;
}

/**
 * Polyline runs of (x, y) samples restricted to y ∈ [yMin, yMax]: segments leaving the band
 * are cut at the crossing (linear interpolation), non-finite samples break the line.
 */
export function clipToBand(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  yMin: number,
  yMax: number,
): [number, number][][] {
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  const finish = () => {
    if (run.length > 1) runs.push(run);
    run = [];
  };
  for (let i = 0; i < xs.length; i++) {
    const x1 = xs[i];
    const y1 = ys[i];
    if (!(Number.isFinite(x1) && Number.isFinite(y1))) {
      finish();
      continue;
    }
    const inside = y1 >= yMin && y1 <= yMax;
    const x0 = i > 0 ? xs[i - 1] : Number.NaN;
    const y0 = i > 0 ? ys[i - 1] : Number.NaN;
    const previousFinite = Number.isFinite(x0) && Number.isFinite(y0);
    if (inside) {
      if (run.length === 0 && previousFinite && (y0 < yMin || y0 > yMax)) {
        run.push(crossing(x0, y0, x1, y1, y0 > yMax ? yMax : yMin));
      }
      run.push([x1, y1]);
    } else {
      if (run.length > 0) run.push(crossing(x0, y0, x1, y1, y1 > yMax ? yMax : yMin));
      else if (previousFinite && ((y0 > yMax && y1 < yMin) || (y0 < yMin && y1 > yMax))) {
        // Passes straight through the band between two samples.
        run.push(crossing(x0, y0, x1, y1, y0 > yMax ? yMax : yMin));
        run.push(crossing(x0, y0, x1, y1, y1 > yMax ? yMax : yMin));
      }
      finish();
    }
  }
  finish();
  return runs;
}

function crossing(x0: number, y0: number, x1: number, y1: number, level: number): [number, number] {
  const t = (level - y0) / (y1 - y0);
  return [x0 + t * (x1 - x0), level];
}

/** SVG path data "M x y L x y …" for pixel-space runs. */
export function pathData(runs: [number, number][][]): string {
  const f = formatNumber;
  return runs
    .map((run) =>
      run
        .map(([x, y], i) => `${i === 0 ? "M" : "L"}${f(clampPixel(x))} ${f(clampPixel(y))}`)
        .join(""),
    )
    .join("");
}

/** Colour-blind-safe palette (Okabe–Ito). */
export const PALETTE = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#F0E442",
  "#000000",
];

/** Stops of a perceptually ordered colour ramp (viridis, without its palest yellow). */
const RAMP = ["#440154", "#3b528b", "#21918c", "#5ec962", "#b5de2b"];

/** The colour at t ∈ [0, 1] of the ramp, as "#rrggbb" (for many series: order, not identity). */
export function rampColor(t: number): string {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (RAMP.length - 1);
  const k = Math.min(RAMP.length - 2, Math.floor(u));
  const w = u - k;
  const channel = (hex: string, c: number) => Number.parseInt(hex.slice(1 + 2 * c, 3 + 2 * c), 16);
  let out = "#";
  for (let c = 0; c < 3; c++) {
    const v = Math.round((1 - w) * channel(RAMP[k], c) + w * channel(RAMP[k + 1], c));
    out += v.toString(16).padStart(2, "0");
  }
  return out;
}

/** Finite minimum and maximum of the values accepted by keep, or null if none. */
export function finiteExtent(
  values: ArrayLike<number>,
  keep: (v: number) => boolean = () => true,
): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || !keep(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Widen a degenerate range [v, v] to a small interval around v. */
export function widenDegenerate(lo: number, hi: number): [number, number] {
  if (hi > lo) return [lo, hi];
  const pad = lo === 0 ? 0.5 : Math.max(Math.abs(lo) * 0.05, 1e-300);
  return [lo - pad, hi + pad];
}
