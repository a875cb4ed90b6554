/**
 * `betaens demo [--out DIR]`: a built-in sampling job that shows what betaens does — the three
 * classical ensembles at non-classical β against their limit laws, and a Sturm-count histogram of
 * a million-point Hermite ensemble — writing SVG figures and a JSON summary to DIR
 * (default ./betaens-demo).
 */
import { join, resolve } from "node:path";
import { runSample } from "../driver/legacy.js";
import { defaultHermiteParams } from "../ensembles/hermite.js";
import { jacobiParamsFromManova } from "../ensembles/jacobi.js";
import { laguerreParamsFromWishart } from "../ensembles/laguerre.js";
import type { ClassicalSpec } from "../ensembles/models.js";
import type { SampleJob } from "../ensembles/sample.js";
import { formatJson } from "../io/format.js";
import { prepareFolder, writeFileAtomic } from "../io/outputFiles.js";
import { defaultHistogramRange, samplePlotSvg } from "../plot/sampleFigure.js";
import { limitLaw } from "../theory/limits.js";
import { uniformEdges } from "../tridiagonal/histogram.js";
import { flagString, parseFlags, quote } from "./args.js";
import { UsageError } from "./errors.js";

export const DEMO_USAGE = `usage: betaens demo [--out DIR]

Samples the Hermite (β = 5.43), Laguerre (β = 2.98) and Jacobi (β = 3.14) ensembles with the
tridiagonal models, compares each with its limit law (KS distance), draws a Sturm-count histogram
of a Hermite ensemble with N = 10⁶, and writes the SVG figures and summary.json to DIR (default
./betaens-demo, created if missing; its parent folder must exist). Seed 2020; a few seconds.`;

interface DemoRow {
  file: string;
  ensemble: string;
  n: number;
  beta: number;
  samples: number;
  stat: string;
  seconds: number;
  ksDistance?: number;
}

/** Kolmogorov distance between the pooled normalised points and the limit CDF. */
function ksToLimit(job: SampleJob, rows: Float64Array[]): number {
  const spec = job.spec as ClassicalSpec;
  const law = limitLaw(spec.ensemble, job.n, job.beta, { ...spec.params });
  const pooled = Float64Array.from(rows.flatMap((r) => Array.from(r, law.normalise))).sort();
  let d = 0;
  const m = pooled.length;
  for (let i = 0; i < m; i++) {
    const f = law.cdf(pooled[i]);
    d = Math.max(d, Math.abs(f - i / m), Math.abs(f - (i + 1) / m));
  }
  return d;
}

export async function demoCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(argv, ["out"], [], "demo");
  if (positionals.length > 0) {
    throw new UsageError(`demo takes no arguments, got ${quote(positionals[0])}`);
  }
  const out = resolve(prepareFolder(flagString(values, "out") ?? "betaens-demo"));
  const seed = 2020;
  const jobs: { file: string; job: SampleJob }[] = [];
  const hermite: ClassicalSpec = { ensemble: "hermite", params: defaultHermiteParams };
  jobs.push({
    file: "hermite-beta5.43.svg",
    job: {
      spec: hermite,
      model: "tridiagonal",
      n: 500,
      beta: 5.43,
      samples: 20,
      seed,
      stat: "eigenvalues",
    },
  });
  jobs.push({
    file: "laguerre-beta2.98.svg",
    job: {
      spec: { ensemble: "laguerre", params: laguerreParamsFromWishart(400, 800, 2.98) },
      model: "tridiagonal",
      n: 400,
      beta: 2.98,
      samples: 20,
      seed,
      stat: "eigenvalues",
    },
  });
  jobs.push({
    file: "jacobi-beta3.14.svg",
    job: {
      spec: { ensemble: "jacobi", params: jacobiParamsFromManova(400, 500, 600, 3.14) },
      model: "tridiagonal",
      n: 400,
      beta: 3.14,
      samples: 20,
      seed,
      stat: "eigenvalues",
    },
  });
  const big = 1_000_000;
  jobs.push({
    file: "hermite-1e6-sturm-histogram.svg",
    job: {
      spec: hermite,
      model: "tridiagonal",
      n: big,
      beta: 2,
      samples: 1,
      seed,
      stat: "histogram",
      edges: uniformEdges(...defaultHistogramRange(hermite, big, 2), 100),
    },
  });
  const summary: DemoRow[] = [];
  process.stdout.write(`betaens demo: writing figures to ${out}\n`);
  process.stdout.write(
    "ensemble   N        β     samples  stat         seconds  KS to limit  file\n",
  );
  for (const { file, job } of jobs) {
    const start = performance.now();
    const result = runSample(job);
    const seconds = (performance.now() - start) / 1000;
    writeFileAtomic(join(out, file), samplePlotSvg(job, result));
    const row: DemoRow = {
      file,
      ensemble: job.spec.ensemble,
      n: job.n,
      beta: job.beta,
      samples: job.samples,
      stat: job.stat,
      seconds,
    };
    if (job.stat === "eigenvalues")
      row.ksDistance = ksToLimit(job, result.samples as Float64Array[]);
    summary.push(row);
    process.stdout.write(
      `${row.ensemble.padEnd(10)} ${String(row.n).padEnd(8)} ${String(row.beta).padEnd(5)} ` +
        `${String(row.samples).padEnd(8)} ${row.stat.padEnd(12)} ${seconds.toFixed(3).padStart(7)}  ` +
        `${row.ksDistance === undefined ? "—".padEnd(11) : row.ksDistance.toExponential(2).padEnd(11)}  ${file}\n`,
    );
  }
  writeFileAtomic(join(out, "summary.json"), formatJson({ seed, runs: summary }));
  process.stdout.write(`done: ${summary.length} figures and summary.json in ${out}\n`);
}
