/**
 * Figures of `betaens sample fixed-trace --plot`: eigenvalues of random density matrices against
 * their exact finite-N density (β = 2, or N = 2 for any β) or the rescaled Marchenko–Pastur limit;
 * purity, entropy and λ_min with their exact moments or laws where known. Pure and browser-safe.
 */
import type { FixedTraceParams } from "../ensembles/fixedTrace.js";
import type { SampleResult } from "../ensembles/sample.js";
import {
  fixedTracePurityMoments,
  fixedTraceSmallestEigenvalueLaw,
  pageMeanEntropy,
} from "../theory/fixedTrace.js";
import { fixedTraceEigenvalueLaw } from "../theory/fixedTraceDensity.js";
import { marchenkoPasturDensity, marchenkoPasturSupport } from "../theory/marchenkoPastur.js";
import { histogramSvg } from "./histogram.js";

const WIDTH = 820;

/** The environment dimension M = 2k/β + N − 1 of a fixed-trace ensemble. */
function dimension(n: number, beta: number, params: FixedTraceParams): number {
  return (2 * params.shape) / beta + n - 1;
}

/**
 * Default histogram range of ρ's eigenvalues: the Marchenko–Pastur support of ratio min(1, N/M)
 * divided by N (λ = x/T with T ≈ βNM/2 on the scale where x/(βM/2) → MP), ±5%, within [0, 1].
 */
export function fixedTraceHistogramRange(
  n: number,
  beta: number,
  params: FixedTraceParams,
): [number, number] {
  const c = Math.min(1, n / dimension(n, beta, params));
  const [lo, hi] = marchenkoPasturSupport(c);
  const margin = 0.05 * (hi - lo);
  return [Math.max(0, (lo - margin) / n), Math.min(1, (hi + margin) / n)];
}

function compact(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** The SVG figure of a fixed-trace sample result. */
export function fixedTracePlotSvg(
  job: { n: number; beta: number; samples: number; spec: { params: FixedTraceParams } },
  result: SampleResult,
): string {
  const { n, beta } = job;
  const params = job.spec.params;
  const m = dimension(n, beta, params);
  const head = `fixed-trace Laguerre (random density matrices), β = ${beta}, N = ${n}, M = ${compact(m)}, ${job.samples} sample${job.samples > 1 ? "s" : ""}`;
  const stat = result.stat;
  if (stat === "purity" || stat === "entropy" || stat === "min" || stat === "max") {
    const values = result.samples as Float64Array;
    if (stat === "min" && n >= 2 && Math.abs(params.shape - 1) < 1e-12) {
      const law = fixedTraceSmallestEigenvalueLaw(n, beta);
      return histogramSvg({
        values,
        title: head,
        xLabel: "smallest eigenvalue λ_min of ρ",
        density: (u) => law.pdf(u),
        densityLabel: "exact: P(λ_min > u) = (1 − Nu)^(K−1) (shape k = 1)",
        width: WIDTH,
      });
    }
    let note = "";
    if (stat === "purity") {
      const { mean, variance } = fixedTracePurityMoments(n, beta, params.shape);
      note = ` — exact E = ${compact(mean)}, sd = ${compact(Math.sqrt(variance))}`;
    } else if (stat === "entropy" && beta === 2) {
      note = ` — Page: E = ${compact(pageMeanEntropy(n, m))}`;
    }
    const labels: Record<string, string> = {
      purity: "purity Tr ρ²",
      entropy: "von Neumann entropy −Tr ρ log ρ",
      min: "smallest eigenvalue λ_min of ρ",
      max: "largest eigenvalue λ_max of ρ",
    };
    return histogramSvg({ values, title: `${head}${note}`, xLabel: labels[stat], width: WIDTH });
  }
  let density: (u: number) => number;
  let densityLabel: string;
  if (n >= 2 && (beta === 2 || n === 2)) {
    const law = fixedTraceEigenvalueLaw(n, m, beta);
    density = (u) => law.pdf(u);
    densityLabel = `exact finite-N density (β = ${beta}, Laguerre kernel + trace constraint)`;
  } else {
    const c = Math.min(1, n / m);
    density = (u) => n * marchenkoPasturDensity(n * u, c);
    densityLabel = `limit: Marchenko–Pastur (c = ${compact(c)}) of Nλ`;
  }
  const common = { title: head, xLabel: "eigenvalue λ of ρ", density, densityLabel, width: WIDTH };
  if (stat === "histogram") {
    return histogramSvg({
      ...common,
      counts: { edges: result.edges as Float64Array, counts: result.counts as Float64Array },
    });
  }
  const rows = result.samples as Float64Array[];
  const pooled = new Float64Array(rows.reduce((s, r) => s + r.length, 0));
  let k = 0;
  for (const row of rows) {
    pooled.set(row, k);
    k += row.length;
  }
  return histogramSvg({ ...common, values: pooled, range: [0, Math.min(1, 1.2 * maxOf(pooled))] });
}

function maxOf(values: Float64Array): number {
  let m = 0;
  for (const v of values) if (v > m) m = v;
  return m;
}
