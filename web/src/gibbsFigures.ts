/**
 * Figures, shown numbers and exportable results of the potential V ensemble (Gibbs sampler):
 * the final points against μ_V, λ_max rescaled by b_V, c_V against TW_β, the λ_max trace per
 * pass, and one configuration. The plots follow `betaens gibbs --plot` (src/cli/gibbs.ts,
 * gibbsPlotSvg), drawn with the library's plot helpers.
 */
import { histogramSvg } from "../../src/plot/histogram.js";
import {
  axesSvg,
  clipToBand,
  escapeXml,
  type Frame,
  formatNumber,
  type LegendEntry,
  legendSvg,
  linearScale,
  niceRange,
  niceTicks,
  PALETTE,
  pathData,
  plotArea,
  svgDocument,
  widenDegenerate,
} from "../../src/plot/svg.js";
import { unfoldedSpacings } from "../../src/statistics/unfolding.js";
import { type EquilibriumMeasure, edgeScale } from "../../src/theory/equilibrium.js";
import { exactLambdaMaxOverlay } from "./exactOverlay.js";
import { tracyWidomOverlay } from "./extraFigures.js";
import { TRACE_CHAINS_SHOWN } from "./gibbs.js";
import { type PotentialTheory, potentialTheory, supportText } from "./gibbsTheory.js";
import type { GibbsPayload } from "./protocol.js";
import {
  FIGURE_WIDTH,
  type Figure,
  fileStem,
  LOG_SCALE,
  resultHeader,
  type ShownNumber,
  ZOOM,
} from "./results.js";
import type { Settings } from "./state.js";
import { CONFIGURATION_BULK, locallyUnfoldedSpacings } from "./surmise.js";
import { spacingSvg, stackSvg, stripSvg } from "./svgParts.js";

/** The axis label of rescaled λ_max (docs/theory.md §3.9). */
const RESCALED = "N^(2/3) c_V (λ_max − b_V)";
/** At most this many points per trace line (longer traces are drawn at every k-th pass). */
const TRACE_POINTS = 1500;

/** The figure of a snapshot of the Gibbs run of `settings`. */
export function gibbsFigure(settings: Settings, p: GibbsPayload): Figure {
  switch (settings.view) {
    case "histogram":
      return histogramFigure(settings, p);
    case "edge":
      return edgeFigure(settings, p);
    case "gibbs":
      return traceFigure(settings, p);
    case "configuration":
      return configurationFigure(settings, p);
    default:
      throw new RangeError(`no ${settings.view} view for the potential V ensemble`);
  }
}

function theoryOf(settings: Settings): PotentialTheory {
  return potentialTheory(settings.coeffs ?? []);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** "Gibbs sampler, V(x) = x^4/4 − x^2, β = 2, N = 200, 50 passes, 3 chains". */
function head(settings: Settings, chains: number): string {
  return `Gibbs sampler, V(x) = ${settings.potential}, β = ${settings.beta}, N = ${settings.n}, ${settings.passes} pass${settings.passes === 1 ? "" : "es"}, ${plural(chains, "chain")}`;
}

/** The soft-edge rescaling ξ = N^{2/3} c_V (λ_max − b_V) (as `betaens gibbs --scaling edge`). */
export function rescaling(
  settings: Settings,
  theory: PotentialTheory,
): ((x: number) => number) | null {
  const edge = theory.edge;
  if (!edge) return null;
  const scale = edgeScale(settings.n, edge.rightScale);
  return (x) => scale * (x - edge.right);
}

/** Why λ_max is shown unscaled (lawOf has said why there are no b_V, c_V). */
function rawNote(theory: PotentialTheory): string {
  return theory.measure ? "Raw λ_max shown." : "Raw λ_max shown (no b_V, c_V without μ_V).";
}

/** μ_V, the edge constants and the chains' start, in words. */
function lawOf(settings: Settings, theory: PotentialTheory): string {
  const g = (v: number) => String(Number(v.toPrecision(5)));
  const parts: string[] = [];
  const m = theory.measure;
  if (m) {
    parts.push(
      `Limit law: the equilibrium measure μ_V of V (${m.kind}), support ${supportText(m)}; the βN/2 scaling keeps it fixed as N grows.`,
    );
    parts.push(
      theory.edge
        ? `Soft right edge b_V = ${g(theory.edge.right)}, c_V = ${g(theory.edge.rightScale)}: ${RESCALED} → TW_β.`
        : "The right edge is critical (c_V = 0): λ_max is not on the N^(−2/3) Tracy–Widom scale.",
    );
  } else {
    parts.push(`No limit density drawn: ${theory.measureError}.`);
  }
  parts.push(
    settings.initial === "hermite"
      ? "Each chain starts from an exact Gaussian β-ensemble sample matched to μ_V."
      : "Each chain starts from a = b = 0 (all points at 0, as DPPy).",
  );
  return parts.join(" ");
}

function commonNumbers(settings: Settings, p: GibbsPayload): ShownNumber[] {
  const numbers: ShownNumber[] = [];
  if (p.chains > 0) {
    numbers.push({
      id: "lambda-max-0",
      label: `λ_max of chain 0 after pass ${settings.passes}`,
      value: p.maxima[0],
    });
  }
  numbers.push({ id: "chains-done", label: "chains done", value: p.chains });
  return numbers;
}

/**
 * When a cut of μ_V is narrower than a few bins (e.g. V = x⁴/4 − 1000x²: two cuts of width 0.045
 * in a range of 98), the density sampled across the plot misses it: draw instead the mass of μ_V
 * in each bin over the bin's width, (F(e_{i+1}) − F(e_i))/(e_{i+1} − e_i), comparable bar by bar.
 */
function binAveraged(m: EquilibriumMeasure, edges: Float64Array): ((x: number) => number) | null {
  const width = (edges[edges.length - 1] - edges[0]) / (edges.length - 1);
  const intervals = m.kind === "two-cut" ? m.intervals : [m.support];
  if (intervals.every(([a, b]) => b - a >= 3 * width)) return null;
  const heights = new Float64Array(edges.length - 1);
  for (let i = 0; i < heights.length; i++) {
    heights[i] = (m.cdf(edges[i + 1]) - m.cdf(edges[i])) / (edges[i + 1] - edges[i]);
  }
  return (x) => {
    const i = Math.min(heights.length - 1, Math.max(0, Math.floor((x - edges[0]) / width)));
    return x < edges[0] || x > edges[edges.length - 1] ? 0 : heights[i];
  };
}

/** The final points of all chains (Sturm counts) against the density of μ_V. */
function histogramFigure(settings: Settings, p: GibbsPayload): Figure {
  const theory = theoryOf(settings);
  const m = theory.measure;
  const h = p.histogram;
  if (!h) throw new RangeError("the Gibbs run has no histogram yet");
  const averaged = m ? binAveraged(m, h.edges) : null;
  const svg = histogramSvg({
    counts: { edges: h.edges, counts: h.counts },
    density: averaged ?? (m ? (x) => m.density(x) : undefined),
    densityLabel: m
      ? averaged
        ? `μ_V (${m.kind}) averaged over each bin: its cuts are narrower than the curve's resolution`
        : `equilibrium measure μ_V (${m.kind})`
      : undefined,
    title: head(settings, p.chains),
    xLabel: `x: points of each chain after pass ${settings.passes}`,
    width: FIGURE_WIDTH,
    logY: LOG_SCALE,
    window: ZOOM,
  });
  let counted = 0;
  for (const c of h.counts) counted += c;
  const numbers = commonNumbers(settings, p);
  numbers.push(
    { id: "points-counted", label: "points in the range", value: counted },
    {
      id: "points-outside",
      label: "points below / above the range",
      value: `${h.below} / ${h.above}`,
    },
  );
  return {
    svg,
    numbers,
    law: lawOf(settings, theory),
    data: {
      ...resultHeader(settings, "histogram"),
      chainsDone: p.chains,
      edges: h.edges,
      counts: h.counts,
      below: h.below,
      above: h.above,
    },
    fileStem: fileStem(settings),
  };
}

/** Histogram of λ_max of the chains' final states, rescaled by b_V, c_V, against TW_β. */
function edgeFigure(settings: Settings, p: GibbsPayload): Figure {
  const theory = theoryOf(settings);
  const maxima = p.maxima.subarray(0, p.chains);
  const rescale = rescaling(settings, theory);
  const values = rescale ? maxima.map(rescale) : maxima;
  const tw = rescale ? tracyWidomOverlay(settings.beta) : null;
  // β = 2: the exact finite-N law of λ_max (drawn instead of TW₂, in the same units as the bars).
  const exact =
    settings.beta === 2 && settings.coeffs
      ? exactLambdaMaxOverlay(settings.coeffs, settings.n)
      : null;
  const edgeMap = rescale && theory.edge ? theory.edge : null;
  const exactDensity = exact
    ? edgeMap
      ? (() => {
          const scale = edgeScale(settings.n, edgeMap.rightScale);
          return (x: number) => exact.density(edgeMap.right + x / scale) / scale;
        })()
      : exact.density
    : undefined;
  let range: [number, number] | undefined;
  if (tw && values.length > 0) {
    let [lo, hi] = tw.range;
    for (const v of values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    range = [lo, hi];
  }
  const done = values.length;
  const svg = histogramSvg({
    values,
    range,
    bins: Math.min(80, Math.max(10, Math.ceil(2 * Math.sqrt(done)))),
    density: exactDensity ?? tw?.density,
    densityLabel: exact ? exact.label : tw?.label,
    title: `${head(settings, done)}: λ_max`,
    xLabel: rescale ? `rescaled λ_max = ${RESCALED}` : "λ_max",
    width: FIGURE_WIDTH,
    logY: LOG_SCALE,
    window: ZOOM,
  });
  const numbers = commonNumbers(settings, p);
  if (rescale && done > 0) {
    let mean = 0;
    for (const v of values) mean += v;
    mean /= done;
    let variance = 0;
    for (const v of values) variance += (v - mean) ** 2;
    variance = done > 1 ? variance / (done - 1) : Number.NaN;
    numbers.push({ id: "rescaled-mean", label: "mean of rescaled λ_max", value: mean });
    numbers.push({ id: "rescaled-variance", label: "variance of rescaled λ_max", value: variance });
    if (tw) {
      numbers.push({
        id: "tw-moments",
        label: `TW_${settings.beta} mean / variance`,
        value: `${tw.mean.toFixed(4)} / ${tw.variance.toFixed(4)}`,
      });
    }
  }
  if (exact) {
    numbers.push({
      id: "exact-moments",
      label: `exact λ_max mean / sd (β = 2, N = ${settings.n})`,
      value: `${exact.mean.toFixed(5)} / ${Math.sqrt(exact.variance).toFixed(5)}`,
    });
  }
  const notes = [lawOf(settings, theory)];
  if (exact) {
    notes.push(
      `The curve is the exact law of λ_max at N = ${settings.n} (β = 2: a Fredholm determinant of the Christoffel–Darboux kernel of e^(−NV)).`,
    );
  }
  if (!rescale) notes.push(rawNote(theory));
  else if (!tw)
    notes.push("The Tracy–Widom density is drawn for β = 1, 2, 4 (other β: the histogram only).");
  else notes.push(`${tw.label} (β-ensemble convention); finite N shifts the mean by O(N^(−2/3)).`);
  const data: Record<string, unknown> = { ...resultHeader(settings, "max"), samples: maxima };
  if (theory.edge) data.edge = { bV: theory.edge.right, cV: theory.edge.rightScale };
  return { svg, numbers, law: notes.join(" "), data, fileStem: fileStem(settings) };
}

/** λ_max after each pass: the first chains, their mean over all chains, the TW_β mean. */
function traceFigure(settings: Settings, p: GibbsPayload): Figure {
  const theory = theoryOf(settings);
  const rescale = rescaling(settings, theory);
  const passes = p.traceSum.length;
  const chains = p.chains;
  const map = (row: ArrayLike<number>) => Float64Array.from(row, (v) => (rescale ? rescale(v) : v));
  const mean = map(p.traceSum.map((v) => v / Math.max(chains, 1)));
  const rows = p.traces.slice(0, TRACE_CHAINS_SHOWN).map(map);
  const tw = rescale ? tracyWidomOverlay(settings.beta) : null;
  const reference = tw
    ? { value: tw.mean, label: `TW_${settings.beta} mean ${tw.mean.toFixed(3)} (dashed)` }
    : !rescale && theory.measure
      ? { value: theory.measure.support[1], label: "right edge b_V of μ_V (dashed)" }
      : null;
  const shown = rows.length;
  const svg = traceSvg({
    rows,
    mean,
    reference,
    title: `${head(settings, chains)}: λ_max trace${p.passesDone !== undefined ? ` (stopped: pass ${p.passesDone} of ${p.passesPlanned})` : ""}`,
    yLabel: rescale ? RESCALED : "λ_max",
    chainsLabel:
      shown === chains ? `${plural(shown, "chain")}` : `chains 0–${shown - 1} (of ${chains})`,
    meanLabel: `mean over ${plural(chains, "chain")}`,
  });
  const numbers = commonNumbers(settings, p);
  if (chains > 0 && passes > 0) {
    numbers.push({
      id: "trace-mean-last",
      label: `mean of ${rescale ? "rescaled " : ""}λ_max after pass ${passes}`,
      value: mean[passes - 1],
    });
  }
  const notes = [lawOf(settings, theory)];
  if (!rescale) notes.push(rawNote(theory));
  notes.push("A chain has mixed when its trace wanders around the stationary level.");
  const data: Record<string, unknown> = {
    ...resultHeader(settings, "trace"),
    chainsDone: chains,
    samples: p.traces,
    mean: p.traceSum.map((v) => v / Math.max(chains, 1)),
  };
  if (p.traces.length < chains) data.chainsKept = p.traces.length;
  if (p.passesDone !== undefined) {
    data.passesDone = p.passesDone;
    data.passesPlanned = p.passesPlanned;
  }
  if (theory.edge) data.edge = { bV: theory.edge.right, cV: theory.edge.rightScale };
  return { svg, numbers, law: notes.join(" "), data, fileStem: fileStem(settings) };
}

/** The final points of chain 0 on the line, over their spacings unfolded by μ_V's CDF. */
function configurationFigure(settings: Settings, p: GibbsPayload): Figure {
  const theory = theoryOf(settings);
  const m = theory.measure;
  const points = p.points;
  if (!points) throw new RangeError("the Gibbs run has no configuration yet");
  const title = `${head(settings, 1)}: chain 0 after the last pass`;
  const strip = stripSvg(points, title, "x", m ? m.support : null);
  const spacings = m
    ? unfoldedSpacings(points, (x) => m.cdf(x), points.length, CONFIGURATION_BULK)
    : locallyUnfoldedSpacings(points);
  const spacing = spacingSvg(
    spacings,
    settings.beta,
    m ? "spacing s of N·F(x), F the CDF of μ_V" : "spacing / local mean spacing",
  );
  return {
    svg: stackSvg([strip, spacing], title),
    numbers: [
      { id: "first-eigenvalue", label: "smallest point x₁ of chain 0", value: points[0] },
      {
        id: "last-eigenvalue",
        label: "largest point x_N of chain 0",
        value: points[points.length - 1],
      },
    ],
    law: lawOf(settings, theory),
    data: { ...resultHeader(settings, "eigenvalues"), samples: [points] },
    fileStem: fileStem(settings),
  };
}

interface TraceOptions {
  rows: Float64Array[];
  mean: Float64Array;
  reference: { value: number; label: string } | null;
  title: string;
  yLabel: string;
  chainsLabel: string;
  meanLabel: string;
}

/**
 * Line chart of traces over passes 1..P: thin translucent lines for the chains, a thick line
 * for their mean, a dashed horizontal reference. Long traces are drawn at every k-th pass.
 */
export function traceSvg(opts: TraceOptions): string {
  const width = FIGURE_WIDTH;
  const height = 440;
  const passes = opts.mean.length;
  const step = Math.max(1, Math.ceil(passes / TRACE_POINTS));
  const index: number[] = [];
  for (let i = 0; i < passes; i += step) index.push(i);
  if (passes > 0 && index[index.length - 1] !== passes - 1) index.push(passes - 1);
  const xs = index.map((i) => i + 1);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const row of [...opts.rows, opts.mean]) {
    for (const i of index) {
      const v = row[i];
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (opts.reference) {
    lo = Math.min(lo, opts.reference.value);
    hi = Math.max(hi, opts.reference.value);
  }
  if (!(hi >= lo)) [lo, hi] = [0, 1];
  const [y0, y1] = niceRange(...widenDegenerate(lo, hi), 5);
  const [x0, x1] = passes > 1 ? [1, passes] : [0, 2];
  const area = plotArea(width, height);
  const frame: Frame = {
    ...area,
    sx: linearScale(x0, x1, area.left, area.left + area.width),
    sy: linearScale(y0, y1, area.top + area.height, area.top),
  };
  const xTicks = niceTicks(x0, x1).filter((t) => Number.isInteger(t.value));
  const body = [axesSvg(frame, xTicks, niceTicks(y0, y1, 5), "pass", opts.yLabel)];
  const line = (row: Float64Array) => {
    const ys = index.map((i) => row[i]);
    const runs = clipToBand(xs, ys, y0, y1).map((run) =>
      run.map(([x, y]): [number, number] => [frame.sx(x), frame.sy(y)]),
    );
    return pathData(runs);
  };
  const f = formatNumber;
  body.push(
    `<g class="chains" fill="none" stroke="${PALETTE[0]}" stroke-width="1" stroke-opacity="0.45">`,
  );
  for (const row of opts.rows) body.push(`<path class="chain" d="${line(row)}"/>`);
  body.push("</g>");
  const legend: LegendEntry[] = [{ label: opts.chainsLabel, color: PALETTE[0], kind: "line" }];
  if (opts.reference) {
    const y = f(frame.sy(opts.reference.value));
    body.push(
      `<line class="reference" x1="${f(frame.left)}" y1="${y}" x2="${f(frame.left + frame.width)}" y2="${y}" stroke="${PALETTE[7]}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    );
    legend.push({ label: opts.reference.label, color: PALETTE[7], kind: "line" });
  }
  body.push(
    `<path class="mean" d="${line(opts.mean)}" fill="none" stroke="${PALETTE[1]}" stroke-width="2.5"/>`,
  );
  if (index.length <= 60) {
    body.push(`<g class="markers" fill="${PALETTE[1]}">`);
    for (let k = 0; k < index.length; k++) {
      const v = opts.mean[index[k]];
      if (!Number.isFinite(v)) continue;
      body.push(`<circle cx="${f(frame.sx(xs[k]))}" cy="${f(frame.sy(v))}" r="2.5"/>`);
    }
    body.push("</g>");
  }
  legend.push({ label: opts.meanLabel, color: PALETTE[1], kind: "line" });
  body.push(legendSvg(frame, legend));
  if (step > 1) {
    body.push(
      `<text class="note" x="${f(frame.left + 6)}" y="${f(frame.top + frame.height - 8)}" fill="#555">${escapeXml(`1 pass in ${step} drawn`)}</text>`,
    );
  }
  return svgDocument(width, height, opts.title, body.join(""));
}
