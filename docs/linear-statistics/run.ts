/**
 * The tables and figures of docs/linear-statistics/README.md: sample cumulants of L_N = Σ f(x_i)
 * against N with the theory, for two polynomial potentials (Gibbs sampler, β = 1), the Gaussian
 * ensemble (exact finite-N cumulants) and the Ginibre ensemble (Kostlan model, N = 100–2000, exact
 * and edge asymptotics). Run from the repository root (a few minutes; use nice):
 *   nice node --import tsx docs/linear-statistics/run.ts [case]
 */
import { writeFileSync } from "node:fs";
import { runLinearStatistic } from "../../src/driver/legacy.js";
import type {
  LinearStatisticJob,
  LinearStatisticResult,
} from "../../src/ensembles/linearStatistics.js";
import {
  linearStatisticCumulantsSvg,
  linearStatisticHistogramSvg,
} from "../../src/plot/linearStatisticsFigure.js";

const here = (file: string) => new URL(file, import.meta.url);

const cases: [string, LinearStatisticJob][] = [
  [
    "quartic",
    {
      source: { kind: "potential", coeffs: Float64Array.of(0, 0, 0, 0, 0.25), passes: 10 },
      f: "x^2",
      ns: [25, 50, 100, 200],
      beta: 1,
      samples: 4000,
      seed: 1,
    },
  ],
  [
    "asymmetric",
    {
      source: { kind: "potential", coeffs: Float64Array.of(0, 0, 1, 1 / 3, 0.25), passes: 10 },
      f: "x^3 + x",
      ns: [25, 50, 100, 200],
      beta: 1,
      samples: 4000,
      seed: 2,
    },
  ],
  [
    "hermite",
    {
      source: {
        kind: "ensemble",
        spec: { ensemble: "hermite", params: { loc: 0, scale: 1 } },
        model: "tridiagonal",
      },
      f: "x^2 - x/2",
      ns: [10, 30, 100, 300, 1000],
      beta: 4,
      samples: 100000,
      seed: 3,
    },
  ],
  [
    "ginibre",
    {
      source: { kind: "ensemble", spec: { ensemble: "ginibre", params: {} }, model: "kostlan" },
      f: "r^4 - r^2",
      ns: [100, 200, 500, 1000, 2000],
      beta: 2,
      samples: 100000,
      seed: 4,
    },
  ],
];

const fmt = (x: number, digits = 4) =>
  Number.isFinite(x) ? Number(x.toPrecision(digits)).toString() : "—";

function table(result: LinearStatisticResult): string {
  const lines = [
    "| N | κ₁ − N∫f dμ | theory | κ₂ | exact | limit | N·κ₃ | exact/limit | N²·κ₄ | exact/limit |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const row of result.rows) {
    const t = row.theory;
    const lead = t?.leadingMean ?? 0;
    const pm = (j: number, scale: number) =>
      `${fmt((row.cumulants[j] - (j === 0 ? lead : 0)) * scale)} ± ${fmt(row.standardErrors[j] * scale, 2)}`;
    const ex = (j: number, scale: number) =>
      t?.exact && Number.isFinite(t.exact[j])
        ? fmt((t.exact[j] - (j === 0 ? lead : 0)) * scale)
        : "—";
    const as = (j: number, scale: number) =>
      t?.asymptotic && Number.isFinite(t.asymptotic[j])
        ? fmt((t.asymptotic[j] - (j === 0 ? lead : 0)) * scale)
        : "—";
    const both = (j: number, scale: number) => {
      const e = ex(j, scale);
      const a = as(j, scale);
      return e === "—" && a === "—" ? "—" : `${e} / ${a}`;
    };
    const n = row.n;
    lines.push(
      `| ${n} | ${pm(0, 1)} | ${t?.meanCorrection !== undefined ? fmt(t.meanCorrection) : ex(0, 1)} | ${pm(1, 1)} | ${ex(1, 1)} | ${as(1, 1)} | ${pm(2, n)} | ${both(2, n)} | ${pm(3, n * n)} | ${both(3, n * n)} |`,
    );
  }
  return lines.join("\n");
}

const only = process.argv[2];
const summary: Record<string, unknown> = {};
for (const [name, job] of cases) {
  if (only && name !== only) continue;
  const t0 = performance.now();
  const result = runLinearStatistic(job);
  const seconds = (performance.now() - t0) / 1000;
  writeFileSync(here(`${name}-cumulants.svg`), linearStatisticCumulantsSvg(result));
  writeFileSync(here(`${name}-histogram.svg`), linearStatisticHistogramSvg(result));
  summary[name] = {
    f: job.f,
    ensemble: result.ensemble,
    beta: job.beta,
    samples: job.samples,
    seed: job.seed,
    seconds,
    rows: result.rows.map(({ values: _values, ...row }) => row),
  };
  console.log(
    `\n### ${name}: f = ${job.f}, ${result.ensemble}, β = ${job.beta}, ${job.samples} samples (${seconds.toFixed(0)} s)\n`,
  );
  console.log(table(result));
  writeFileSync(here(`summary-${name}.json`), `${JSON.stringify(summary[name], null, 1)}\n`);
}
