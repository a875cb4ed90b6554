/**
 * Summary of the mixing study in docs/mixing/ (run by run.sh after the studies):
 * - summary.json: per case p*(N), the fits, KS distance after pass 1 and after the last pass,
 *   late-pass mean of ξ and the Hermite control's mean;
 * - contraction.svg: log₁₀ |mean ξ after pass p − mean over passes 9–15| for V = x⁴/4, β = 2,
 *   one line per N: the deviation contracts by a fixed factor per pass from a start ∝ N^{2/3}.
 * Usage: node --import tsx docs/mixing/summarize.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { MixingResult } from "../../src/mixing/study.js";
import { lineChartSvg } from "../../src/plot/lineChart.js";

const dir = "docs/mixing";
const names = [
  "x2-beta1",
  "x4-beta1",
  "x4x2-beta1",
  "x2-beta2",
  "x4-beta2",
  "x4x2-beta2",
  "x2-beta4",
  "x4-beta4",
  "x4x2-beta4",
  "x4-beta2-hermite",
];
const results = new Map<string, MixingResult>(
  names.map((name) => [name, JSON.parse(readFileSync(`${dir}/${name}.json`, "utf8"))]),
);

/** Mean of ξ over passes 9 … P (all chains mixed by then in every case). */
function lateMean(means: number[]): number {
  const late = means.slice(8);
  return late.reduce((a, b) => a + b, 0) / late.length;
}

const rows = names.map((name) => {
  const r = results.get(name) as MixingResult;
  return {
    name,
    potential: r.potential,
    beta: r.beta,
    initial: r.initial,
    ns: r.ns,
    chains: r.chains,
    passes: r.passes,
    noiseLevel: r.noiseLevel,
    slack: r.slack,
    pStar: r.pStar,
    fit: r.fit,
    ksPass1: r.ks.map((ks) => ks[0]),
    ksLastPass: r.ks.map((ks) => ks[ks.length - 1]),
    lateMean: r.mean.map(lateMean),
    controlMean: r.control.mean,
  };
});
writeFileSync(`${dir}/summary.json`, `${JSON.stringify(rows, null, 1)}\n`);

const main = results.get("x4-beta2") as MixingResult;
const passes = [1, 2, 3, 4];
// Two standard errors of a mean of C values of ξ (variance ≈ 0.81): below it the deviation is noise.
const noise = 2 * Math.sqrt(0.81 / main.chains);
writeFileSync(
  `${dir}/contraction.svg`,
  lineChartSvg({
    series: [
      ...main.ns.map((n, j) => {
        const late = lateMean(main.mean[j]);
        return {
          label: `N = ${n}`,
          x: passes,
          y: passes.map((p) => Math.log10(Math.abs(main.mean[j][p - 1] - late))),
        };
      }),
      { label: "2 s.e. (noise)", x: passes, y: passes.map(() => Math.log10(noise)) },
    ],
    title: "V = x⁴/4, β = 2: |mean ξ after pass p − equilibrium mean| (log₁₀)",
    xLabel: "Gibbs pass p",
    yLabel: "log10 |mean deviation|",
    width: 900,
    height: 520,
  }),
);
