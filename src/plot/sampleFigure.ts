/**
 * The figure of `betaens sample --plot` (and of the browser explorer): normalised points against
 * the limiting density. Pure and browser-safe.
 */
import type { ClassicalSpec, EnsembleSpec } from "../ensembles/models.js";
import type { SampleJob, SampleResult } from "../ensembles/sample.js";
import { edgeScaling } from "../theory/edgeScaling.js";
import { limitLaw } from "../theory/limits.js";
import { referenceDensity, referenceRange } from "../theory/reference.js";
import { tracyWidomDensity } from "../theory/tracyWidomLaw.js";
import { fixedTraceHistogramRange, fixedTracePlotSvg } from "./fixedTraceFigure.js";
import { histogramSvg } from "./histogram.js";
import { scatterSvg } from "./scatter.js";

const NAMES: Record<string, string> = {
  hermite: "Hermite β-ensemble",
  laguerre: "Laguerre β-ensemble",
  jacobi: "Jacobi β-ensemble",
  circular: "Circular β-ensemble",
  ginibre: "Ginibre ensemble",
};
const NORMALISATIONS: Record<string, string> = {
  hermite: "√2(x − μ)/(σ√(βN))",
  laguerre: "2x/(θβM), M = 2k/β + N − 1",
  jacobi: "x",
};
/** Figure width in pixels: room for the parameters in the title. */
const WIDTH = 820;

/** The affine map y = normalise(x) of an ensemble and its inverse (all maps of docs/theory.md §2.7 are affine). */
function affine(normalise: (x: number) => number): { slope: number; offset: number } {
  const offset = normalise(0);
  return { slope: normalise(1) - offset, offset };
}

/**
 * Whether β·N is so small (β·N < 1) that the points are nearly independent draws from the weight:
 * the figures then compare with the weight's density (the β = 0 law) instead of the β·N → ∞
 * limit law, whose scale √(βN) would shrink to nothing.
 */
export function nearlyIndependent(n: number, beta: number): boolean {
  return beta === 0 || beta * n < 1;
}

/**
 * Default --range of a histogram: the limit's support mapped back to raw eigenvalues, ±5%. For
 * Hermite it also covers the β = 0 reference range (μ ± (√(2 ln N) + 1)σ, the spread of N
 * independent Gaussians), so that as β → 0 the range shrinks continuously to that instead of to
 * the point μ; for β·N ≳ 15 (any usual run) the semicircle is the wider and the range unchanged.
 */
export function defaultHistogramRange(
  spec: EnsembleSpec,
  n: number,
  beta: number,
): [number, number] {
  if (spec.ensemble === "circular") return [0, 2 * Math.PI];
  if (spec.ensemble === "ginibre") throw new RangeError("Ginibre points are complex: no histogram");
  if (spec.ensemble === "fixed-trace") return fixedTraceHistogramRange(n, beta, spec.params);
  if (beta === 0) return referenceRange(spec, n);
  const [a, b] = limitHistogramRange(spec, n, beta);
  if (spec.ensemble !== "hermite") return [a, b];
  const [r0, r1] = referenceRange(spec, n);
  return [Math.min(a, r0), Math.max(b, r1)];
}

/** The limit law's support mapped back to raw eigenvalues, ±5% (within [0, ∞) or [0, 1]). */
function limitHistogramRange(spec: ClassicalSpec, n: number, beta: number): [number, number] {
  const law = limitLaw(spec.ensemble, n, beta, { ...spec.params });
  const { slope, offset } = affine(law.normalise);
  const [lo, hi] = law.support;
  const margin = 0.05 * (hi - lo);
  let a = (lo - margin - offset) / slope;
  let b = (hi + margin - offset) / slope;
  if (spec.ensemble !== "hermite") a = Math.max(a, 0);
  if (spec.ensemble === "jacobi") b = Math.min(b, 1);
  return [a, b];
}

/** " (k = 3, θ = 2)"-style parameter list, or "" when there are none. */
function parameterText(params: Record<string, number>): string {
  const list = Object.entries(params).map(([k, v]) => `${k} = ${Number(v.toPrecision(6))}`);
  return list.length > 0 ? ` (${list.join(", ")})` : "";
}

/**
 * The figure title: "Hermite β-ensemble, β = 2.5, N = 1000, 10 samples (loc = 0, scale = 1)";
 * Ginibre has no β to choose (always 2), circular and Ginibre no parameters.
 */
export function sampleTitle(job: SampleJob, params: Record<string, number>): string {
  const { spec, n, beta, samples } = job;
  const name = NAMES[spec.ensemble] ?? spec.ensemble;
  const betaText = spec.ensemble === "ginibre" ? "" : `, β = ${beta}`;
  const count = `${samples} sample${samples === 1 ? "" : "s"}`;
  return `${name}${betaText}, N = ${n}, ${count}${parameterText(params)}`;
}

/**
 * The SVG figure for a sample result (pure; the browser explorer uses it too).
 *
 * @example
 * import { runSample, type SampleJob } from "betaens";
 * import { samplePlotSvg } from "betaens/plot";
 * const job: SampleJob = {
 *   spec: { ensemble: "jacobi", params: { a: 2, b: 3 } },
 *   model: "tridiagonal",
 *   n: 1e5,
 *   beta: 0.5,
 *   samples: 1,
 *   seed: 7,
 *   stat: "histogram",
 *   edges: Float64Array.from({ length: 101 }, (_, i) => i / 100),
 * };
 * const svg = samplePlotSvg(job, runSample(job)); // the histogram against the Wachter law
 */
export function samplePlotSvg(
  job: SampleJob,
  result: SampleResult,
  options: { width?: number; logY?: boolean; window?: [number, number] } = {},
): string {
  const width = options.width ?? WIDTH;
  const logY = options.logY === true;
  // Zoom on the x axis (in the figure's units): see HistogramOptions.window.
  const window = options.window;
  const { spec, n, beta } = job;
  if (spec.ensemble === "fixed-trace") return fixedTracePlotSvg({ ...job, spec }, result);
  const head = sampleTitle(job, result.params);
  if (result.stat === "max") {
    const maxima = result.samples as Float64Array;
    const classical = spec.ensemble !== "circular" && spec.ensemble !== "ginibre";
    if (!classical || beta === 0) {
      return histogramSvg({
        values: maxima,
        title: head,
        xLabel: "largest eigenvalue λ_max",
        width,
        logY,
        window,
      });
    }
    // On the Tracy–Widom scale: (λ_max − center)/scale → TW_β (edgeScaling; docs/conventions.md).
    const edge = edgeScaling(spec.ensemble, n, beta, spec.params);
    const rescaled = result.scaling ? maxima : maxima.map(edge.rescale);
    const twDensity = tracyWidomDensity(beta);
    return histogramSvg({
      values: rescaled,
      title: job.model === "limit" ? `${head}, Tracy–Widom limit model` : head,
      xLabel: `rescaled λ_max: (λ_max − ${Number(edge.center.toPrecision(6))})/${Number(edge.scale.toPrecision(4))}`,
      density: twDensity,
      densityLabel: twDensity ? `Tracy–Widom TW_${beta} (β-ensemble convention)` : undefined,
      width,
      logY,
      window,
    });
  }
  if (spec.ensemble === "ginibre") {
    // After division by √N the points fill the unit disk uniformly (Ginibre 1965).
    const rows = result.samples as number[][][];
    const scale = 1 / Math.sqrt(n);
    return scatterSvg({
      points: {
        x: rows.flatMap((row) => row.map((z) => z[0] * scale)),
        y: rows.flatMap((row) => row.map((z) => z[1] * scale)),
      },
      title: head,
      xLabel: "Re z/√N",
      yLabel: "Im z/√N",
      circle: true,
      aspectEqual: true,
    });
  }
  if (spec.ensemble === "circular") {
    const common = {
      density: () => 1 / (2 * Math.PI),
      densityLabel: "limit: uniform angles, density 1/(2π)",
      title: `${head}, ${job.model === "cmv" ? "CMV model" : "Haar model"}`,
      xLabel: "eigenangle θ ∈ [0, 2π)",
      width,
      logY,
      window,
    };
    if (result.stat === "histogram") {
      return histogramSvg({
        ...common,
        counts: { edges: result.edges as Float64Array, counts: result.counts as Float64Array },
      });
    }
    return histogramSvg({
      ...common,
      values: pool(result.samples as Float64Array[]),
      range: [0, 2 * Math.PI],
    });
  }
  if (nearlyIndependent(n, beta)) {
    const density = (x: number) => referenceDensity(spec, x);
    const common = {
      density,
      densityLabel:
        beta === 0
          ? "reference density (β = 0: independent points)"
          : "weight density (β·N < 1: nearly independent points)",
      width,
      logY,
      window,
    };
    if (result.stat === "histogram") {
      return histogramSvg({
        ...common,
        counts: { edges: result.edges as Float64Array, counts: result.counts as Float64Array },
        title: head,
        xLabel: "x",
      });
    }
    return histogramSvg({
      ...common,
      values: pool(result.samples as Float64Array[]),
      title: head,
      xLabel: "x",
    });
  }
  const law = limitLaw(spec.ensemble, n, beta, { ...spec.params });
  const common = {
    density: law.density,
    densityLabel: `limit: ${law.description}`,
    title: head,
    xLabel: `normalised eigenvalue (${NORMALISATIONS[spec.ensemble]})`,
    width,
    logY,
    window,
  };
  if (result.stat === "histogram") {
    const edges = (result.edges as Float64Array).map(law.normalise);
    return histogramSvg({ ...common, counts: { edges, counts: result.counts as Float64Array } });
  }
  const values = pool(result.samples as Float64Array[]).map(law.normalise);
  return histogramSvg({ ...common, values });
}

function pool(rows: Float64Array[]): Float64Array {
  const out = new Float64Array(rows.reduce((s, r) => s + r.length, 0));
  let k = 0;
  for (const row of rows) {
    out.set(row, k);
    k += row.length;
  }
  return out;
}
