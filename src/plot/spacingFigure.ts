/**
 * The figure of `betaens sample --stat spacings|window --plot`: the pooled unfolded spacings of all
 * samples as a density histogram over the sine_β spacing law — exact (Gaudin) for β = 1, 2, 4, the
 * simulated table for the tabulated β (theory/localStatistics.ts); no curve otherwise (β = 0:
 * Poisson spacings, density e^{−s}). Pure; browser-safe.
 */
import type { SampleJob, SampleResult } from "../ensembles/sample.js";
import { sineSpacingLaw, TABULATED_BETAS } from "../theory/localStatistics.js";
import { histogramSvg } from "./histogram.js";

export function spacingPlotSvg(job: SampleJob, result: SampleResult): string {
  const rows = (result.stat === "window" ? result.spacings : result.samples) as Float64Array[];
  let total = 0;
  for (const row of rows) total += row.length;
  const values = new Float64Array(total);
  let k = 0;
  for (const row of rows) for (const v of row) values[k++] = v;
  const { beta } = job;
  const exact = beta === 1 || beta === 2 || beta === 4;
  const law = exact || TABULATED_BETAS.includes(beta) ? sineSpacingLaw(beta) : undefined;
  const density =
    beta === 0 ? (s: number) => Math.exp(-s) : law ? (s: number) => law.pdf(s) : undefined;
  const label =
    beta === 0
      ? "Poisson: e^(−s)"
      : law
        ? exact
          ? `sine_${beta} spacing law (exact, N = ∞)`
          : `sine_${beta} spacing law (simulated table)`
        : undefined;
  const where =
    result.stat === "window"
      ? `${result.count} eigenvalues nearest E = ${Number((result.energy ?? 0).toPrecision(6))}`
      : `limit-CDF window [${(result.bulk ?? [0, 1]).join(", ")}]`;
  return histogramSvg({
    values,
    bins: 60,
    range: [0, 4],
    density,
    densityLabel: label,
    title: `${job.spec.ensemble} β = ${beta}, N = ${job.n}, ${job.samples} sample${job.samples > 1 ? "s" : ""}: unfolded spacings, ${where}`,
    xLabel: "unfolded spacing s (mean 1)",
    width: 820,
  });
}
