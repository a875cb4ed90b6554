/**
 * Benchmarks of issue 17 (random density matrices, linear statistics): is the cost of a statistic
 * dominated by the ensemble draw? Each row times one sample of the statistic (draw included) against
 * a baseline measured in the same run, interleaved (R rounds of baseline batch / task batch; the
 * median of each), in wall time and in process CPU time:
 *  - L_N = Σ f(x_i) from Tr J^k (O(N d²)) against the tridiagonal draw alone and against the
 *    eigenvalue route (QL, O(N²));
 *  - the purity Tr ρ² of a random density matrix (O(N) from the bidiagonal) against the Laguerre draw,
 *    λ_min (dstqds bisection) and the entropy (dqds) against the purity;
 *  - a radial Ginibre statistic from Kostlan's moduli (O(N)) against the dense eigenvalues (O(N³)).
 * "N" is the matrix size; seconds are per sample. Run standalone: node --import tsx bench/linstat.ts
 */
import { pathToFileURL } from "node:url";
import { densityMatrixStatistic } from "../src/ensembles/densityMatrixStatistics.js";
import { fixedTraceBidiagonal } from "../src/ensembles/fixedTrace.js";
import { ginibreEigenvalues } from "../src/ensembles/ginibre.js";
import { hermiteTridiagonal } from "../src/ensembles/hermite.js";
import { laguerreBidiagonal } from "../src/ensembles/laguerre.js";
import { ginibreSquaredModuli } from "../src/ensembles/linearStatistics.js";
import { UNIT_INTERVAL } from "../src/ensembles/support.js";
import { createRandomSource } from "../src/random/philox.js";
import { tridiagonalEigenvalues } from "../src/tridiagonal/eigenvalues.js";
import { tracePowers } from "../src/tridiagonal/tracePowers.js";
import { printTable, type Row } from "./table.js";

export type { Row };

/** Median over rounds of (seconds per call) for two interleaved tasks, wall and CPU. */
function interleaved(
  baseline: (i: number) => number,
  task: (i: number) => number,
  count: number,
  rounds = 5,
): { base: number; baseCpu: number; task: number; taskCpu: number } {
  const time = (f: (i: number) => number, offset: number) => {
    let sink = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < count; i++) sink += f(offset + i);
    const wall = (performance.now() - t0) / 1000 / count;
    const c = process.cpuUsage(c0);
    if (Number.isNaN(sink)) throw new Error("NaN in benchmark");
    return { wall, cpu: (c.user + c.system) / 1e6 / count };
  };
  time(baseline, 1e6);
  time(task, 1e6);
  const b: { wall: number; cpu: number }[] = [];
  const t: { wall: number; cpu: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    b.push(time(baseline, r * count));
    t.push(time(task, r * count));
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return {
    base: median(b.map((x) => x.wall)),
    baseCpu: median(b.map((x) => x.cpu)),
    task: median(t.map((x) => x.wall)),
    taskCpu: median(t.map((x) => x.cpu)),
  };
}

const QUARTIC = Float64Array.of(0, 0, -1, 0, 0.25); // f = x⁴/4 − x², degree 4

function traceStatistic(seed: number, n: number): number {
  const t = hermiteTridiagonal(createRandomSource(seed, 0), n, 2);
  const p = tracePowers(t.diagonal, t.offDiagonalSquared, 4);
  let s = 0;
  for (let k = 0; k <= 4; k++) s += QUARTIC[k] * p[k];
  return s;
}

export async function benchLinstat(): Promise<{ wall: Row[]; cpu: Row[] }> {
  const wall: Row[] = [];
  const cpu: Row[] = [];
  const add = (task: string, n: number, baseline: string, m: ReturnType<typeof interleaved>) => {
    wall.push({
      task,
      n,
      seconds: m.task,
      baseline,
      baselineSeconds: m.base,
      ratio: m.base / m.task,
    });
    cpu.push({
      task,
      n,
      seconds: m.taskCpu,
      baseline,
      baselineSeconds: m.baseCpu,
      ratio: m.baseCpu / m.taskCpu,
    });
  };
  const draw = (n: number) => (i: number) =>
    hermiteTridiagonal(createRandomSource(1, i), n, 2).diagonal[0];
  for (const [n, count] of [
    [1e3, 400],
    [1e5, 6],
  ]) {
    add(
      "hermite: L_N = Σ(x⁴/4 − x²) by Tr J^k (draw included)",
      n,
      "tridiagonal draw alone",
      interleaved(draw(n), (i) => traceStatistic(i, n), count),
    );
  }
  for (const [n, count] of [
    [1e3, 30],
    [4e3, 3],
  ]) {
    add(
      "hermite: L_N by Tr J^k",
      n,
      "eigenvalues (QL) + Σ f",
      interleaved(
        (i) => {
          const t = hermiteTridiagonal(createRandomSource(2, i), n, 2);
          const ev = tridiagonalEigenvalues(t.diagonal, t.offDiagonalSquared);
          let s = 0;
          for (const x of ev) s += x ** 4 / 4 - x * x;
          return s;
        },
        (i) => traceStatistic(i, n),
        count,
      ),
    );
  }
  for (const [n, count] of [
    [1e3, 400],
    [1e5, 6],
  ]) {
    const shape = 1;
    add(
      "fixed-trace: purity Tr ρ² (draw included)",
      n,
      "Laguerre bidiagonal draw alone",
      interleaved(
        (i) => laguerreBidiagonal(createRandomSource(3, i), n, 2, { shape, scale: 1 }).q[0],
        (i) =>
          densityMatrixStatistic(
            {
              kind: "bidiagonal",
              bidiagonal: fixedTraceBidiagonal(createRandomSource(4, i), n, 2, { shape }),
              support: UNIT_INTERVAL,
            },
            "purity",
          ),
        count,
      ),
    );
  }
  for (const stat of ["min", "entropy"] as const) {
    const n = 2000;
    add(
      `fixed-trace: ${stat === "min" ? "λ_min (dstqds bisection)" : "entropy (dqds eigenvalues)"}`,
      n,
      "purity (O(N))",
      interleaved(
        (i) =>
          densityMatrixStatistic(
            {
              kind: "bidiagonal",
              bidiagonal: fixedTraceBidiagonal(createRandomSource(5, i), n, 2, { shape: 1 }),
              support: UNIT_INTERVAL,
            },
            "purity",
          ),
        (i) =>
          densityMatrixStatistic(
            {
              kind: "bidiagonal",
              bidiagonal: fixedTraceBidiagonal(createRandomSource(6, i), n, 2, { shape: 1 }),
              support: UNIT_INTERVAL,
            },
            stat,
          ),
        stat === "min" ? 20 : 3,
      ),
    );
  }
  {
    const n = 200;
    add(
      "ginibre: Σ (r⁴ − r²) from Kostlan's moduli",
      n,
      "dense eigenvalues (Hessenberg QR)",
      interleaved(
        (i) => {
          const z = ginibreEigenvalues(createRandomSource(7, i), n);
          let s = 0;
          for (let k = 0; k < n; k++) {
            const r2 = (z.re[k] ** 2 + z.im[k] ** 2) / n;
            s += r2 * r2 - r2;
          }
          return s;
        },
        (i) => {
          const m = ginibreSquaredModuli(createRandomSource(8, i), n);
          let s = 0;
          for (let k = 0; k < n; k++) {
            const r2 = m[k] / n;
            s += r2 * r2 - r2;
          }
          return s;
        },
        1,
        3,
      ),
    );
  }
  return { wall, cpu };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { wall, cpu } = await benchLinstat();
  printTable(wall, "random density matrices and linear statistics (wall time)");
  printTable(cpu, "random density matrices and linear statistics (CPU time)");
}

/** For bench/run.ts: the wall-time rows (the CPU rows are printed when run standalone). */
export async function benchLinstatRows(): Promise<Row[]> {
  const { wall, cpu } = await benchLinstat();
  printTable(cpu, "random density matrices and linear statistics (CPU time)");
  return wall;
}
