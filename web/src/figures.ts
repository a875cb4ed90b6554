/**
 * Figures, shown numbers and exportable results of each view, from the settings and a snapshot
 * of the run. Pure (strings in, strings out): the SVG is drawn by the library's plot code.
 */
import type { SampleJob, SampleResult } from "../../src/ensembles/sample.js";
import { histogramSvg } from "../../src/plot/histogram.js";
import { nearlyIndependent, samplePlotSvg } from "../../src/plot/sampleFigure.js";
import { formatNumber } from "../../src/plot/svg.js";
import { ksPValue, ksStatistic } from "../../src/statistics/ks.js";
import { unfoldedSpacings } from "../../src/statistics/unfolding.js";
import { limitLaw } from "../../src/theory/limits.js";
import { tracyWidomCdf } from "../../src/theory/tracyWidom.js";
import { VERSION } from "../../src/version.js";
import { edgeRescaling } from "./edge.js";
import { extraFigure, lawText, limitOf, tracyWidomOverlay } from "./extraFigures.js";
import { gibbsFigure } from "./gibbsFigures.js";
import { ginibreFigure } from "./ginibre.js";
import { localStatsFigure } from "./localStats.js";
import type { ConfigurationPayload, EdgePayload, HistogramPayload, Snapshot } from "./protocol.js";
import {
  configurationTitle,
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

/** The figure of a snapshot of the run of `settings`. */
export function figureFor(settings: Settings, snapshot: Snapshot): Figure {
  const extra = extraFigure(settings, snapshot);
  if (extra) return extra;
  const p = snapshot.payload;
  switch (p.kind) {
    case "gibbs":
      return gibbsFigure(settings, p);
    case "histogram":
      return histogramFigure(settings, snapshot.done, p);
    case "configuration":
      return configurationFigure(settings, p);
    case "edge":
      return edgeFigure(settings, p);
    case "spacings":
      return localStatsFigure(settings, snapshot);
    case "ginibre":
      return ginibreFigure(settings, snapshot);
    default:
      throw new RangeError(`no figure for ${(p as { kind: string }).kind} of ${settings.ensemble}`);
  }
}

function histogramFigure(settings: Settings, done: number, p: HistogramPayload): Figure {
  const spec = settings.spec!;
  const samplesShown = Math.max(1, Math.ceil(done - 1e-9));
  const job: SampleJob = {
    spec,
    model: "tridiagonal",
    n: settings.n,
    beta: settings.beta,
    samples: samplesShown,
    seed: settings.seed,
    stat: "histogram",
    edges: p.edges,
  };
  const result: SampleResult = {
    betaens: VERSION,
    command: "sample",
    ensemble: spec.ensemble,
    model: "tridiagonal",
    n: settings.n,
    beta: settings.beta,
    params: { ...spec.params },
    seed: settings.seed,
    stat: "histogram",
    edges: p.edges,
    counts: p.counts,
    below: p.below,
    above: p.above,
  };
  let counted = 0;
  for (const c of p.counts) counted += c;
  const numbers: ShownNumber[] = [
    { id: "samples-done", label: "samples done", value: Math.floor(done + 1e-9) },
    { id: "points-counted", label: "points in the range", value: counted },
    {
      id: "points-outside",
      label: "points below / above the range",
      value: `${p.below} / ${p.above}`,
    },
  ];
  if (p.lambdaMax0 !== undefined) {
    const law = nearlyIndependent(settings.n, settings.beta)
      ? null
      : limitLaw(spec.ensemble, settings.n, settings.beta, { ...spec.params });
    if (law) {
      numbers.unshift({
        id: "lambda-max-0-normalised",
        label: "the same, normalised (the x axis)",
        value: law.normalise(p.lambdaMax0),
      });
    }
    numbers.unshift({ id: "lambda-max-0", label: "λ_max of sample 0", value: p.lambdaMax0 });
  }
  return {
    svg: samplePlotSvg(job, result, { width: FIGURE_WIDTH, logY: LOG_SCALE, window: ZOOM }),
    numbers,
    law: lawText(settings),
    data: {
      ...resultHeader(settings, "histogram"),
      samplesDone: Math.floor(done + 1e-9),
      edges: p.edges,
      counts: p.counts,
      below: p.below,
      above: p.above,
    },
    fileStem: fileStem(settings),
  };
}

/** One configuration on the line (ticks) over the spacing histogram with the Wigner surmise. */
function configurationFigure(settings: Settings, p: ConfigurationPayload): Figure {
  const points = p.points;
  const { beta, n } = settings;
  const law =
    !nearlyIndependent(n, beta) && settings.spec
      ? limitLaw(settings.spec.ensemble, n, beta, { ...settings.spec.params })
      : null;
  const y = law ? points.map(law.normalise) : points;
  const xLabel = law
    ? limitOf(settings)!.axis
    : beta === 0
      ? "x (β = 0: independent points)"
      : "x (β·N < 1: nearly independent points)";
  const title = `${configurationTitle(settings)}: one configuration (sample 0)`;
  const strip = stripSvg(y, title, xLabel, law ? law.support : null);
  const spacings = law
    ? unfoldedSpacings(y, law.cdf, y.length, CONFIGURATION_BULK)
    : locallyUnfoldedSpacings(points);
  const spacingFigure = spacingSvg(
    spacings,
    law ? beta : 0,
    law ? "spacing s of N·F(y), F the limit CDF" : "spacing / local mean spacing",
  );
  const numbers: ShownNumber[] = [
    { id: "first-eigenvalue", label: "smallest point x₁ of sample 0", value: points[0] },
    {
      id: "last-eigenvalue",
      label: "largest point x_N of sample 0",
      value: points[points.length - 1],
    },
  ];
  return {
    svg: stackSvg([strip, spacingFigure], title),
    numbers,
    law: lawText(settings),
    data: { ...resultHeader(settings, "eigenvalues"), samples: [points] },
    fileStem: fileStem(settings),
  };
}

/**
 * Pointwise 95% band of a density histogram of S independent draws from the law of `cdf`: the
 * count of bin i is Binomial(S, p_i), p_i = F(e_{i+1}) − F(e_i), so its height lies within
 * (S p_i ± 1.96 √(S p_i (1 − p_i)))/(S w) in 95% of histograms (normal approximation).
 */
function binomialBand(
  cdf: (x: number) => number,
  [lo, hi]: [number, number],
  bins: number,
  samples: number,
): { lower: Float64Array; upper: Float64Array; label: string } {
  const lower = new Float64Array(bins);
  const upper = new Float64Array(bins);
  const w = (hi - lo) / bins;
  for (let i = 0; i < bins; i++) {
    const p = Math.max(0, cdf(lo + (i + 1) * w) - cdf(lo + i * w));
    const half = 1.96 * Math.sqrt(samples * p * (1 - p));
    lower[i] = Math.max(0, samples * p - half) / (samples * w);
    upper[i] = (samples * p + half) / (samples * w);
  }
  return { lower, upper, label: `95% band for ${samples} samples` };
}

/** Histogram of the rescaled λ_max against the Tracy–Widom density (β = 1, 2, 4). */
function edgeFigure(settings: Settings, p: EdgePayload): Figure {
  const maxima = p.maxima;
  const done = maxima.length;
  const { scaling, note, hardEdge } = edgeRescaling(settings);
  const values = scaling ? maxima.map(scaling.rescale) : maxima;
  const tw = scaling && !hardEdge ? tracyWidomOverlay(settings.beta) : null;
  let range: [number, number] | undefined;
  if (tw && done > 0) {
    let lo = tw.range[0];
    let hi = tw.range[1];
    for (const v of values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    range = [lo, hi];
  }
  const title = `${configurationTitle(settings)}: λ_max of ${done} sample${done === 1 ? "" : "s"}`;
  const bins = Math.min(80, Math.max(10, Math.ceil(2 * Math.sqrt(done))));
  const cdf = tw ? (s: number) => tracyWidomCdf(s, settings.beta as 1 | 2 | 4) : null;
  const svg = histogramSvg({
    values,
    range,
    bins,
    band: cdf && range && done >= 2 ? binomialBand(cdf, ZOOM ?? range, bins, done) : undefined,
    density: tw?.density,
    densityLabel: tw?.label,
    title,
    xLabel: scaling ? `rescaled λ_max = ${scaling.formula}` : "λ_max",
    width: FIGURE_WIDTH,
    logY: LOG_SCALE,
    window: ZOOM,
  });
  const numbers: ShownNumber[] = [];
  if (done > 0) numbers.push({ id: "lambda-max-0", label: "λ_max of sample 0", value: maxima[0] });
  if (done > 0 && scaling) {
    numbers.push({
      id: "lambda-max-0-rescaled",
      label: "the same, rescaled (the x axis)",
      value: values[0],
    });
  }
  numbers.push({ id: "samples-done", label: "samples done", value: done });
  if (scaling && done > 0) {
    let mean = 0;
    for (const v of values) mean += v;
    mean /= done;
    let variance = 0;
    for (const v of values) variance += (v - mean) ** 2;
    variance = done > 1 ? variance / (done - 1) : Number.NaN;
    numbers.push({ id: "rescaled-mean", label: "mean of rescaled λ_max", value: mean });
    numbers.push({ id: "rescaled-variance", label: "variance of rescaled λ_max", value: variance });
    if (cdf) {
      // KS of the S rescaled maxima (independent samples) against TW_β (library's ksStatistic).
      const d = ksStatistic(values, cdf);
      numbers.push({ id: "ks-distance", label: `KS distance to TW_${settings.beta}`, value: d });
      numbers.push({
        id: "ks-p-value",
        label: "KS p-value (TW_β exact law)",
        value: ksPValue(d, done),
      });
    }
    if (tw) {
      numbers.push({
        id: "tw-moments",
        label: `TW_${settings.beta} mean / variance`,
        value: `${tw.mean.toFixed(4)} / ${tw.variance.toFixed(4)}`,
      });
    }
  }
  const lawParts = [
    hardEdge
      ? note
      : scaling
        ? `Soft edge: λ_max ≈ ${formatNumber(scaling.centre)} + ${formatNumber(scaling.width)}·TW_β.`
        : note,
    tw
      ? `${tw.label} (β-ensemble convention).`
      : scaling && !hardEdge
        ? "The Tracy–Widom density is drawn for β = 1, 2, 4 (other β: the histogram only)."
        : "",
  ];
  return {
    svg,
    numbers,
    law: lawParts.filter(Boolean).join(" "),
    data: { ...resultHeader(settings, "max"), samples: maxima },
    fileStem: fileStem(settings),
  };
}
