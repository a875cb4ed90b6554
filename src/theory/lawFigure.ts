/**
 * A small self-contained SVG of a univariate law (density and CDF on its central range), for the
 * rich display of distribution objects in notebooks (distribution.ts). Pure string building, no
 * DOM; the plot/ folder (a layer above theory/) has the full charts.
 */

/** What the figure needs of a law. */
export interface LawFigureInput {
  name: string;
  support: readonly [number, number];
  pdf: (x: number) => number;
  cdf: (x: number) => number;
  quantile: (p: number) => number;
}

const WIDTH = 480;
const HEIGHT = 300;
const LEFT = 48;
const RIGHT = 16;
const TOP = 28;
const BOTTOM = 36;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function format(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return "0";
  return String(Number(x.toPrecision(4)));
}

/** Ticks at a 1–2–5 step inside [lo, hi] (Heckbert, Graphics Gems I, 1990). */
function ticks(lo: number, hi: number, target: number): number[] {
  const raw = (hi - lo) / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const step = (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * power;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) {
    out.push(Math.abs(v) < 1e-12 * step ? 0 : v);
  }
  return out;
}

/**
 * The range shown: the support where finite, else the 1e−4 and 1 − 1e−4 quantiles (widened by 5%).
 */
export function lawFigureRange(law: LawFigureInput): [number, number] {
  let [lo, hi] = law.support;
  if (!Number.isFinite(lo)) lo = law.quantile(1e-4);
  if (!Number.isFinite(hi)) hi = law.quantile(1 - 1e-4);
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) return [-1, 1];
  const margin = 0.05 * (hi - lo);
  return [
    Number.isFinite(law.support[0]) ? lo : lo - margin,
    Number.isFinite(law.support[1]) ? hi : hi + margin,
  ];
}

/** SVG of the density (solid) and of the CDF (dashed, right scale 0…1) of a law. */
export function lawFigureSvg(law: LawFigureInput, points = 240): string {
  const [lo, hi] = lawFigureRange(law);
  const xs: number[] = [];
  const fs: number[] = [];
  const Fs: number[] = [];
  let top = 0;
  for (let i = 0; i <= points; i++) {
    // Avoid the end points of a finite support (densities may diverge there).
    const x = lo + ((hi - lo) * (i + 0.001 * (i === 0 ? 1 : i === points ? -1 : 0))) / points;
    const f = law.pdf(x);
    const F = law.cdf(x);
    xs.push(x);
    fs.push(Number.isFinite(f) ? f : Number.NaN);
    Fs.push(Number.isFinite(F) ? F : Number.NaN);
    if (Number.isFinite(f) && f > top) top = f;
  }
  // A density with an integrable singularity: cap the scale at the 98th percentile of the values.
  const sorted = fs.filter(Number.isFinite).sort((a, b) => a - b);
  const cap = sorted.length ? sorted[Math.floor(0.98 * (sorted.length - 1))] * 1.25 : 1;
  if (top > cap && cap > 0) top = cap;
  if (!(top > 0)) top = 1;
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const px = (x: number) => LEFT + ((x - lo) / (hi - lo)) * plotW;
  const py = (y: number) => TOP + plotH - Math.min(1.05, Math.max(0, y)) * plotH;
  const path = (values: number[], scale: number) => {
    let d = "";
    let pen = false;
    for (let i = 0; i < xs.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) {
        pen = false;
        continue;
      }
      d += `${pen ? "L" : "M"}${format(px(xs[i]))},${format(py(v / scale))}`;
      pen = true;
    }
    return d;
  };
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${LEFT}" y="16" font-size="13">${escapeXml(law.name)}: density (solid), CDF (dashed, 0…1)</text>`,
    `<line x1="${LEFT}" y1="${TOP + plotH}" x2="${LEFT + plotW}" y2="${TOP + plotH}" stroke="black"/>`,
    `<line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${TOP + plotH}" stroke="black"/>`,
  );
  for (const t of ticks(lo, hi, 6)) {
    const x = format(px(t));
    parts.push(
      `<line x1="${x}" y1="${TOP + plotH}" x2="${x}" y2="${TOP + plotH + 4}" stroke="black"/>`,
      `<text x="${x}" y="${TOP + plotH + 16}" text-anchor="middle">${format(t)}</text>`,
    );
  }
  for (const t of ticks(0, top, 4)) {
    const y = format(py(t / top));
    parts.push(
      `<line x1="${LEFT - 4}" y1="${y}" x2="${LEFT}" y2="${y}" stroke="black"/>`,
      `<text x="${LEFT - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${format(t)}</text>`,
    );
  }
  parts.push(
    `<path class="cdf" d="${path(Fs, 1)}" fill="none" stroke="#888" stroke-dasharray="4 3"/>`,
    `<path class="density" d="${path(fs, top)}" fill="none" stroke="#1f5fbf" stroke-width="1.6"/>`,
    "</svg>",
  );
  return parts.join("\n");
}
