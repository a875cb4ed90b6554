/**
 * Benchmarks of the local-statistics laws and of the window sampler (docs/local-statistics).
 *
 * Rows and baselines (each measured in the same run):
 * - Gaudin's p_β(s), β = 1, 2, 4, one point after set-up (the Chebyshev tables of the determinants):
 *   against evaluating the Nyström determinants at that point directly (besselGapLogDeterminant,
 *   the method behind the table), per point.
 * - the set-up itself: the first call of spacingLaw(2) in this process, which builds the tables of
 *   the even and odd determinants (double-double Nyström beyond t = 3) — no baseline.
 * - the k = 1000 eigenvalues nearest E = 0 of a Hermite β = 2 matrix of order N = 10⁶ and 10⁷
 *   (windowEigenvalues, the matrix drawn once outside the timing): against bisection of the same
 *   eigenvalues with exact Sturm counts (LAPACK dstebz's method, 4 counts per pass), timed on 8 of
 *   them and scaled to k (the full run would take minutes to hours).
 * - the hard-edge law, β = 2, a = 0.5: one CDF value (a Nyström determinant at each call).
 *
 * Run standalone: node --import tsx bench/localStatistics.ts   (BENCH_CLOCK=cpu for CPU time)
 */
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { hermiteTridiagonal } from "../src/ensembles/hermite.js";
import { createRandomSource } from "../src/random/philox.js";
import { besselGapLogDeterminant } from "../src/theory/besselHankel.js";
import { hardEdgeLaw } from "../src/theory/hardEdge.js";
import { spacingLaw } from "../src/theory/spacingLaw.js";
import { bisectEigenvalue, gershgorinUnchecked } from "../src/tridiagonal/bisection.js";
import { pivotMinimum } from "../src/tridiagonal/sturm.js";
import { windowEigenvalues } from "../src/tridiagonal/windowEigenvalues.js";
import { printTable, type Row } from "./table.js";

const useCpuClock = process.env.BENCH_CLOCK === "cpu";
function now(): number {
  if (useCpuClock) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  }
  return performance.now() / 1000;
}

function time(f: () => unknown): number {
  const t0 = now();
  f();
  return now() - t0;
}

function median(f: () => unknown, reps: number): number {
  f();
  const times: number[] = [];
  for (let r = 0; r < reps; r++) times.push(time(f));
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)];
}

function row(
  task: string,
  n: number,
  seconds: number,
  baseline: string,
  baselineSeconds: number,
): Row {
  return { task, n, seconds, baseline, baselineSeconds, ratio: baselineSeconds / seconds };
}

export async function benchLocalStatistics(): Promise<Row[]> {
  const rows: Row[] = [];
  // Set-up: the first spacing law in this process builds the even/odd tables.
  const setup = time(() => spacingLaw(2).pdf(1));
  rows.push(row("p₂ set-up (even/odd determinant tables)", 0, setup, "—", Number.NaN));
  const points = new Float64Array(2000);
  for (let i = 0; i < points.length; i++) points[i] = 0.003 + (6 * i) / points.length;
  for (const beta of [1, 2, 4] as const) {
    const law = spacingLaw(beta);
    const t =
      median(() => {
        for (const s of points) law.pdf(s);
      }, 7) / points.length;
    // Baseline: the Nyström determinants at each point (both parts for β = 2, 4).
    const direct =
      median(() => {
        for (let i = 0; i < 20; i++) {
          const s = points[i * 100];
          const x = ((beta === 4 ? 1 : 0.5) * Math.PI * s) ** 2;
          besselGapLogDeterminant(-0.5, x);
          if (beta !== 1) besselGapLogDeterminant(0.5, x);
        }
      }, 3) / 20;
    rows.push(
      row(
        `p_${beta}(s), one point after set-up`,
        0,
        t,
        "Nyström determinants at the point",
        direct,
      ),
    );
  }
  const hard = hardEdgeLaw(2, 0.5);
  const tHard = median(() => hard.cdf(3.7), 5);
  rows.push(row("hard-edge CDF, β = 2, a = 0.5 (Nyström)", 0, tHard, "—", Number.NaN));
  for (const n of [1_000_000, 10_000_000]) {
    const t = hermiteTridiagonal(createRandomSource(31, 0), n, 2, { loc: 0, scale: 1 });
    const k = 1000;
    let result: ReturnType<typeof windowEigenvalues> | undefined;
    const seconds = time(() => {
      result = windowEigenvalues(t.diagonal, t.offDiagonalSquared, 0, k);
    });
    // Baseline: bisection (4 Sturm counts per pass) for 8 of the same eigenvalues, scaled to k.
    const a = t.diagonal;
    const b = t.offDiagonalSquared;
    const pivmin = pivotMinimum(b);
    const [lo, hi] = gershgorinUnchecked(a, b, n, pivmin);
    const tol = 2 * 2 ** -52 * Math.max(Math.abs(lo), Math.abs(hi)) + 2 * pivmin;
    const first = (result as NonNullable<typeof result>).firstIndex;
    const sample = time(() => {
      for (let j = 0; j < 8; j++) bisectEigenvalue(a, b, n, first + j * 125, lo, hi, tol, pivmin);
    });
    rows.push(
      row(
        "k = 1000 eigenvalues nearest E (window)",
        n,
        seconds,
        "bisection, 8 timed ×125",
        (sample * k) / 8,
      ),
    );
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchLocalStatistics().then((rows) => {
    printTable(rows);
    console.log(
      `${useCpuClock ? "process CPU time" : "wall clock"}; load average (1 min): ${loadavg()[0].toFixed(2)}`,
    );
  });
}
