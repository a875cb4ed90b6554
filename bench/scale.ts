/**
 * Benchmarks of the driver and of parallel runs (docs/scale.md):
 * - threads: `betaens sample hermite --n 1e6 --stat max` with --workers 2 against --workers 1,
 *   from the built CLI (dist/, built first if missing), interleaved, median of 3 runs each; wall
 *   time and CPU time per sample (CPU of all threads: getrusage, bench/maxRss.mjs). The speed-up
 *   needs two idle cores: on a loaded machine the CPU time per sample shows the overhead instead;
 * - Gibbs chains: `betaens gibbs` (two-cut quartic, N = 300, 16 passes, 192 chains) with
 *   --workers 2 against --workers 1, interleaved, median of 3; wall and CPU per chain;
 * - driver overhead: run(job) of src/driver/ against the loop it replaced (runSample), same job,
 *   interleaved in this process, per sample;
 * - memory: peak RSS of `--stat max` of hermite N = 1e6 streamed to an NPY file for 1e3 and 1e4
 *   samples (independent of --samples: rows are written as they are produced).
 * "seconds" are per sample. Run standalone: node --import tsx bench/scale.ts
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { run } from "../src/driver/run.js";
import type { SampleJob } from "../src/spec/job.js";
import { referenceRunSample as runSample } from "../test/helpers/referenceLoops.js";
import { printTable, type Row } from "./table.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs the built CLI; returns wall seconds, CPU seconds (all threads) and peak RSS in MiB. */
function cli(args: string[]): { wall: number; cpu: number; rssMiB: number } {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      pathToFileURL(join(ROOT, "bench/maxRss.mjs")).href,
      join(ROOT, "bin/betaens.js"),
      ...args,
    ],
    { encoding: "utf8" },
  );
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`betaens ${args.join(" ")}: ${r.stderr}`);
  const rss = /maxRSS (\d+)/.exec(r.stderr);
  const cpu = /cpu (\d+)/.exec(r.stderr);
  return { wall, cpu: Number(cpu?.[1] ?? Number.NaN) / 1e6, rssMiB: Number(rss?.[1]) / 1024 };
}

function ensureBuilt(): void {
  // Always rebuilt: a stale dist/ would measure old code.
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
}

export async function benchScale(): Promise<Row[]> {
  ensureBuilt();
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), "betaens-bench-"));
  // Threads: 2 workers against 1.
  const samples = 30000; // long enough that thread start-up is small beside the run
  const args = [
    "sample",
    "hermite",
    "--n",
    "1e6",
    "--stat",
    "max",
    "--samples",
    String(samples),
    "--seed",
    "1",
  ];
  const one: { wall: number; cpu: number }[] = [];
  const two: { wall: number; cpu: number }[] = [];
  for (let round = 0; round < 3; round++) {
    one.push(cli([...args, "--workers", "1", "--output", join(dir, "one.npy")]));
    two.push(cli([...args, "--workers", "2", "--output", join(dir, "two.npy")]));
  }
  const wall1 = median(one.map((r) => r.wall)) / samples;
  const wall2 = median(two.map((r) => r.wall)) / samples;
  const cpu1 = median(one.map((r) => r.cpu)) / samples;
  const cpu2 = median(two.map((r) => r.cpu)) / samples;
  rows.push({
    task: "λ_max, hermite, --workers 2 (wall)",
    n: 1e6,
    seconds: wall2,
    baseline: "--workers 1 (wall)",
    baselineSeconds: wall1,
    ratio: wall1 / wall2,
  });
  rows.push({
    task: "λ_max, hermite, --workers 2 (CPU, all threads)",
    n: 1e6,
    seconds: cpu2,
    baseline: "--workers 1 (CPU)",
    baselineSeconds: cpu1,
    ratio: cpu1 / cpu2,
  });

  // Gibbs chains: --workers 2 against 1 (the chain is the unit; R̂/ESS and cut counts merge exactly).
  const chains = 192; // as above
  const gibbsArgs = [
    "gibbs",
    "--potential",
    "x^4/4 - 1.5*x^2",
    "--n",
    "300",
    "--passes",
    "16",
    "--stat",
    "max",
    "--samples",
    String(chains),
    "--seed",
    "1",
  ];
  const g1: { wall: number; cpu: number }[] = [];
  const g2: { wall: number; cpu: number }[] = [];
  for (let round = 0; round < 3; round++) {
    g1.push(cli([...gibbsArgs, "--workers", "1", "--output", join(dir, "g1.json")]));
    g2.push(cli([...gibbsArgs, "--workers", "2", "--output", join(dir, "g2.json")]));
  }
  const gw1 = median(g1.map((r) => r.wall)) / chains;
  const gw2 = median(g2.map((r) => r.wall)) / chains;
  const gc1 = median(g1.map((r) => r.cpu)) / chains;
  const gc2 = median(g2.map((r) => r.cpu)) / chains;
  rows.push({
    task: "Gibbs chains, x⁴/4 − 1.5x², P = 16, --workers 2 (wall)",
    n: 300,
    seconds: gw2,
    baseline: "--workers 1 (wall)",
    baselineSeconds: gw1,
    ratio: gw1 / gw2,
  });
  rows.push({
    task: "Gibbs chains, --workers 2 (CPU, all threads)",
    n: 300,
    seconds: gc2,
    baseline: "--workers 1 (CPU)",
    baselineSeconds: gc1,
    ratio: gc1 / gc2,
  });

  // Driver overhead against the loop it replaced (same job, interleaved).
  const cases: [string, SampleJob][] = [
    [
      "λ_max, hermite (driver)",
      {
        task: "sample",
        ensemble: "hermite",
        params: { loc: 0, scale: 1 },
        reported: [],
        model: "tridiagonal",
        stat: "max",
        n: 2000,
        beta: 2,
        seed: 3,
        first: 0,
        count: 4000,
        scaling: "none",
        summary: "values",
      },
    ],
    [
      "eigenvalues, hermite (driver)",
      {
        task: "sample",
        ensemble: "hermite",
        params: { loc: 0, scale: 1 },
        reported: [],
        model: "tridiagonal",
        stat: "eigenvalues",
        n: 200,
        beta: 2,
        seed: 3,
        first: 0,
        count: 1000,
        scaling: "none",
        summary: "values",
      },
    ],
  ];
  for (const [task, job] of cases) {
    const legacy = {
      spec: { ensemble: "hermite" as const, params: { loc: 0, scale: 1 } },
      model: job.model,
      n: job.n,
      beta: job.beta,
      samples: job.count,
      seed: job.seed,
      stat: job.stat,
    };
    const driver: number[] = [];
    const loop: number[] = [];
    for (let round = 0; round < 7; round++) {
      let t0 = performance.now();
      runSample(legacy);
      loop.push((performance.now() - t0) / 1000 / job.count);
      t0 = performance.now();
      run(job);
      driver.push((performance.now() - t0) / 1000 / job.count);
    }
    const d = median(driver);
    const l = median(loop);
    rows.push({
      task,
      n: job.n,
      seconds: d,
      baseline: "runSample loop",
      baselineSeconds: l,
      ratio: l / d,
    });
  }

  // Memory: peak RSS of streamed λ_max runs.
  for (const s of [1e3, 1e4]) {
    const r = cli([
      "sample",
      "hermite",
      "--n",
      "1e6",
      "--stat",
      "max",
      "--samples",
      String(s),
      "--seed",
      "2",
      "--workers",
      "2",
      "--output",
      join(dir, `rss-${s}.npy`),
    ]);
    console.log(
      `peak RSS, --stat max, hermite N = 1e6, --samples ${s}, --workers 2: ${r.rssMiB.toFixed(0)} MiB`,
    );
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(await benchScale(), "driver, threads and memory");
}
