/**
 * The tables and figures of docs/density-matrices/README.md: purity mean and variance against N for
 * β = 1, 2, 4 (exact formula vs sampled, z-scores), the mean entropy (Page's formula at β = 2,
 * sampled values at β = 1, 4), the smallest eigenvalue at shape k = 1, and the β = 2 eigenvalue
 * density overlaid on histograms. Run from the repository root (about a minute):
 *   nice node --import tsx docs/density-matrices/run.ts
 */
import { writeFileSync } from "node:fs";
import {
  densityMatrixStatistic,
  type DensityMatrixStat,
} from "../../src/ensembles/densityMatrixStatistics.js";
import { fixedTraceBidiagonal } from "../../src/ensembles/fixedTrace.js";
import { runSample } from "../../src/driver/legacy.js";
import { samplePlotSvg } from "../../src/plot/sampleFigure.js";
import { createRandomSource } from "../../src/random/philox.js";
import { sampleCumulants } from "../../src/statistics/cumulants.js";
import {
  fixedTracePurityMoments,
  fixedTraceSmallestEigenvalueLaw,
  pageMeanEntropy,
  wishartShape,
} from "../../src/theory/fixedTrace.js";

const here = (file: string) => new URL(file, import.meta.url);
const seed = 17;

function sample(stat: DensityMatrixStat, n: number, beta: number, shape: number, samples: number) {
  const values = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    const bidiagonal = fixedTraceBidiagonal(createRandomSource(seed, s, n), n, beta, { shape });
    values[s] = densityMatrixStatistic({ kind: "bidiagonal", bidiagonal }, stat);
  }
  return values;
}

const fmt = (x: number, digits = 6) => Number(x.toPrecision(digits)).toString();
const summary: Record<string, unknown> = { seed };

// Purity: M = N, β = 1, 2, 4.
const purityRows: Record<string, number>[] = [];
const purityTable = [
  "| β | N = M | exact E[Tr ρ²] | sampled mean | z | exact Var[Tr ρ²] | sampled variance | z |",
  "|---|---|---|---|---|---|---|---|",
];
const puritySamples = 100000;
for (const beta of [1, 2, 4]) {
  for (const n of [2, 4, 8, 16, 32, 64, 128]) {
    const shape = wishartShape(n, n, beta);
    const { mean, variance } = fixedTracePurityMoments(n, beta, shape);
    const est = sampleCumulants(sample("purity", n, beta, shape, puritySamples));
    const zMean = (est.cumulants[0] - mean) / est.standardErrors[0];
    const zVar = (est.cumulants[1] - variance) / est.standardErrors[1];
    purityRows.push({
      beta,
      n,
      mean,
      variance,
      sampledMean: est.cumulants[0],
      sampledVariance: est.cumulants[1],
      zMean,
      zVar,
    });
    purityTable.push(
      `| ${beta} | ${n} | ${fmt(mean)} | ${fmt(est.cumulants[0])} | ${zMean.toFixed(2)} | ${fmt(variance, 4)} | ${fmt(est.cumulants[1], 4)} | ${zVar.toFixed(2)} |`,
    );
  }
}
summary.purity = { samples: puritySamples, rows: purityRows };
console.log(`\nPurity (${puritySamples} samples per row):\n${purityTable.join("\n")}`);

// Entropy: β = 2 against Page; β = 1, 4 sampled.
const entropyTable = [
  "| N = M | β = 2: Page | β = 2: sampled (z) | β = 1: sampled ± SE | β = 4: sampled ± SE | log N − 1/2 |",
  "|---|---|---|---|---|---|",
];
const entropyRows: Record<string, number>[] = [];
const entropySamples = 20000;
for (const n of [2, 4, 8, 16, 32]) {
  const page = pageMeanEntropy(n, n);
  const cells: string[] = [];
  const row: Record<string, number> = { n, page };
  for (const beta of [2, 1, 4]) {
    const est = sampleCumulants(
      sample("entropy", n, beta, wishartShape(n, n, beta), entropySamples),
    );
    const mean = est.cumulants[0];
    const se = est.standardErrors[0];
    row[`beta${beta}`] = mean;
    row[`beta${beta}SE`] = se;
    cells.push(
      beta === 2
        ? `${fmt(mean)} (${((mean - page) / se).toFixed(2)})`
        : `${fmt(mean, 5)} ± ${fmt(se, 2)}`,
    );
  }
  entropyRows.push(row);
  entropyTable.push(`| ${n} | ${fmt(page)} | ${cells.join(" | ")} | ${fmt(Math.log(n) - 0.5)} |`);
}
summary.entropy = { samples: entropySamples, rows: entropyRows };
console.log(`\nEntropy (${entropySamples} samples per cell):\n${entropyTable.join("\n")}`);

// λ_min at shape k = 1: mean against the exact law.
const minTable = ["| β | N | M | exact E[λ_min] | sampled mean | z |", "|---|---|---|---|---|---|"];
for (const [beta, n] of [
  [1, 10],
  [2, 10],
  [4, 10],
  [2, 100],
]) {
  const law = fixedTraceSmallestEigenvalueLaw(n, beta);
  const est = sampleCumulants(sample("min", n, beta, 1, 20000));
  const m = (2 * 1) / beta + n - 1;
  minTable.push(
    `| ${beta} | ${n} | ${fmt(m)} | ${fmt(law.mean)} | ${fmt(est.cumulants[0])} | ${((est.cumulants[0] - law.mean) / est.standardErrors[0]).toFixed(2)} |`,
  );
}
console.log(`\nλ_min at k = 1 (20000 samples):\n${minTable.join("\n")}`);

// Figures: the β = 2 density over histograms, the λ_min law.
const figures: [string, Parameters<typeof runSample>[0]][] = [];
for (const [n, m] of [
  [3, 3],
  [5, 5],
  [10, 15],
]) {
  figures.push([
    `density-n${n}-m${m}.svg`,
    {
      spec: { ensemble: "fixed-trace", params: { shape: wishartShape(n, m, 2) } },
      model: "tridiagonal",
      n,
      beta: 2,
      samples: 20000,
      seed,
      stat: "eigenvalues",
    },
  ]);
}
figures.push([
  "density-n2-beta4.svg",
  {
    spec: { ensemble: "fixed-trace", params: { shape: wishartShape(2, 3, 4) } },
    model: "tridiagonal",
    n: 2,
    beta: 4,
    samples: 20000,
    seed,
    stat: "eigenvalues",
  },
]);
figures.push([
  "min-n10-beta1.svg",
  {
    spec: { ensemble: "fixed-trace", params: { shape: 1 } },
    model: "tridiagonal",
    n: 10,
    beta: 1,
    samples: 20000,
    seed,
    stat: "min",
  },
]);
for (const [file, job] of figures) {
  const result = runSample(job);
  writeFileSync(here(file), samplePlotSvg(job, result));
  console.log(`wrote ${file}`);
}
writeFileSync(here("summary.json"), `${JSON.stringify(summary, null, 1)}\n`);
