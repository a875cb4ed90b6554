/**
 * Figures of `betaens linstat`: the sample cumulants of L_N = Σ f(x_i) against N with the theory
 * (four panels: κ₁ − N∫f dμ, κ₂, N·κ₃, N²·κ₄, each with ±2 standard errors), and the histogram of
 * the standardised L_N against the standard normal density. Pure and browser-safe.
 */
import type { LinearStatisticResult, LinearStatisticRow } from "../ensembles/linearStatistics.js";
import { histogramSvg } from "./histogram.js";
import { type LineSeries, lineChartSvg } from "./lineChart.js";
import { svgDocument } from "./svg.js";

const PANEL_WIDTH = 500;
const PANEL_HEIGHT = 340;

function finite(values: number[]): boolean {
  return values.some((v) => Number.isFinite(v));
}

/** Places a complete SVG document at (x, y) inside another one (nested <svg> element). */
function nest(svg: string, x: number, y: number): string {
  return svg.trim().replace(/^<svg /, `<svg x="${x}" y="${y}" `);
}

function head(result: LinearStatisticResult): string {
  const where = result.ensemble === "potential" ? "Gibbs sampler, V" : result.ensemble;
  return `L_N = Σ f(${result.variable}_i), f = ${result.f}, ${where}, β = ${result.beta}, ${result.samples} samples per N`;
}

/**
 * The four-panel figure of sample cumulants against N (log axis): κ₁ minus its leading term N∫f dμ
 * (when known), κ₂, N·κ₃ and N²·κ₄, each with the sample value, ±2 standard errors, and the exact
 * finite-N and large-N theory where available (a flat theory line for a scaled cumulant is the
 * rate N^(2−j) with its constant).
 */
export function linearStatisticCumulantsSvg(result: LinearStatisticResult): string {
  const rows = result.rows;
  const ns = rows.map((r) => r.n);
  const panels: string[] = [];
  for (let j = 0; j < 4; j++) {
    // Rescale: κ₁ − leading mean; κ₂; N κ₃; N² κ₄.
    const factor = (row: LinearStatisticRow) => (j >= 2 ? row.n ** (j - 1) : 1);
    const shift = (row: LinearStatisticRow) =>
      j === 0 && row.theory?.leadingMean !== undefined ? row.theory.leadingMean : 0;
    const shifted = j === 0 && rows.every((r) => r.theory?.leadingMean !== undefined);
    const sample = rows.map((r) => (r.cumulants[j] - shift(r)) * factor(r));
    const se = rows.map((r) => r.standardErrors[j] * factor(r));
    const series: LineSeries[] = [
      { label: "sample (k-statistic)", x: ns, y: sample },
      { label: "sample + 2 SE", x: ns, y: sample.map((v, i) => v + 2 * se[i]) },
      { label: "sample − 2 SE", x: ns, y: sample.map((v, i) => v - 2 * se[i]) },
    ];
    const exact = rows.map((r) =>
      r.theory?.exact ? (r.theory.exact[j] - shift(r)) * factor(r) : Number.NaN,
    );
    if (finite(exact)) series.push({ label: "exact (finite N)", x: ns, y: exact });
    const asymptotic = rows.map((r) =>
      r.theory?.asymptotic ? (r.theory.asymptotic[j] - shift(r)) * factor(r) : Number.NaN,
    );
    if (finite(asymptotic)) series.push({ label: "large-N theory", x: ns, y: asymptotic });
    const labels = [shifted ? "κ₁ − N∫f dμ" : "κ₁", "κ₂ (variance)", "N·κ₃", "N²·κ₄"];
    panels.push(
      lineChartSvg({
        series,
        title: labels[j],
        xLabel: "N",
        yLabel: labels[j],
        logX: true,
        width: PANEL_WIDTH,
        height: PANEL_HEIGHT,
      }),
    );
  }
  const width = 2 * PANEL_WIDTH;
  const height = 2 * PANEL_HEIGHT + 40;
  const body = panels
    .map((svg, i) => nest(svg, (i % 2) * PANEL_WIDTH, 40 + Math.floor(i / 2) * PANEL_HEIGHT))
    .join("");
  return svgDocument(width, height, head(result), body);
}

/** Histogram of (L_N − mean)/sd (sample mean and sd) for the row of size n (default the largest). */
export function linearStatisticHistogramSvg(result: LinearStatisticResult, n?: number): string {
  const row =
    n === undefined ? result.rows[result.rows.length - 1] : result.rows.find((r) => r.n === n);
  if (!row) throw new RangeError(`no row for N = ${n}`);
  const mean = row.cumulants[0];
  const sd = Math.sqrt(row.cumulants[1]);
  const values = row.values.map((v) => (sd > 0 ? (v - mean) / sd : 0));
  return histogramSvg({
    values,
    title: `${head(result)}, N = ${row.n}`,
    xLabel: "standardised L_N: (L_N − mean)/sd",
    density: (z) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI),
    densityLabel: "standard normal",
    width: 820,
  });
}
