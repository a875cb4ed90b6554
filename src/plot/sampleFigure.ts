/**
 * The figure of `betaens sample --plot` (and of the browser explorer): normalised points against
 * the limiting density. Pure and browser-safe.
 */
import type { EnsembleSpec } from "../ensembles/models.js";
import type { SampleJob, SampleResult } from "../ensembles/sample.js";
import { edgeScaling } from "../theory/edgeScaling.js";
import { limitLaw } from "../theory/limits.js";
import { referenceDensity, referenceRange } from "../theory/reference.js";
import { tracyWidomPdf } from "../theory/tracyWidom.js";
import { fixedTraceHistogramRange, fixedTracePlotSvg } from "./fixedTraceFigure.js";
import { histogramSvg } from "./histogram.js";
import { scatterSvg } from "./scatter.js";

const NAMES: Record<string, string> = {
  hermite: "Hermite",
  laguerre: "Laguerre",
  jacobi: "Jacobi",
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

/** Default --range of a histogram: the limit's support mapped back to raw eigenvalues, ±5%. */
export function defaultHistogramRange(
  spec: EnsembleSpec,
  n: number,
  beta: number,
): [number, number] {
  if (spec.ensemble === "circular") return [0, 2 * Math.PI];
  if (spec.ensemble === "ginibre") throw new RangeError("Ginibre points are complex: no histogram");
  if (spec.ensemble === "fixed-trace") return fixedTraceHistogramRange(n, beta, spec.params);
  if (beta === 0) return referenceRange(spec, n);
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

function parameterText(params: Record<string, number>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k} = ${Number(v.toPrecision(6))}`)
    .join(", ");
}

/** The SVG figure for a sample result (pure; the browser explorer uses it too). */
export function samplePlotSvg(job: SampleJob, result: SampleResult): string {
  const { spec, n, beta } = job;
  if (spec.ensemble === "fixed-trace") return fixedTracePlotSvg({ ...job, spec }, result);
  const name = NAMES[spec.ensemble] ?? spec.ensemble;
  const head = `${name} β-ensemble, β = ${beta}, N = ${n}, ${job.samples} sample${job.samples > 1 ? "s" : ""} (${parameterText(result.params)})`;
  if (result.stat === "max") {
    const maxima = result.samples as Float64Array;
    const classical = spec.ensemble !== "circular" && spec.ensemble !== "ginibre";
    if (!classical || beta === 0) {
      return histogramSvg({
        values: maxima,
        title: head,
        xLabel: "largest eigenvalue λ_max",
        width: WIDTH,
      });
    }
    // On the Tracy–Widom scale: (λ_max − center)/scale → TW_β (edgeScaling; docs/conventions.md).
    const edge = edgeScaling(spec.ensemble, n, beta, spec.params);
    const rescaled = result.scaling ? maxima : maxima.map(edge.rescale);
    const tw = beta === 1 || beta === 2 || beta === 4 ? beta : undefined;
    return histogramSvg({
      values: rescaled,
      title: job.model === "limit" ? `${head}, Tracy–Widom limit model` : head,
      xLabel: `rescaled λ_max: (λ_max − ${Number(edge.center.toPrecision(6))})/${Number(edge.scale.toPrecision(4))}`,
      density: tw ? (x: number) => tracyWidomPdf(x, tw) : undefined,
      densityLabel: tw ? `Tracy–Widom TW_${tw} (β-ensemble convention)` : undefined,
      width: WIDTH,
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
      title: `${head}, model ${job.model}`,
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
      title: `${head}, model ${job.model}`,
      xLabel: "eigenangle θ ∈ [0, 2π)",
      width: WIDTH,
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
  if (beta === 0) {
    const density = (x: number) => referenceDensity(spec, x);
    const common = {
      density,
      densityLabel: "reference density (β = 0: independent points)",
      width: WIDTH,
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
    width: WIDTH,
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
