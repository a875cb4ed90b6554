/**
 * Benchmarks of the tridiagonal eigenvalue routines on random β = 2 Hermite-like matrices:
 * a_i ~ N(0, 2), b_i ≈ Gamma(N − i) (normal approximation (N − i) + √(N − i)·z), so that the
 * spectrum fills ≈ [−2√(2N), 2√(2N)].
 *
 * Rows and baselines (each measured in the same run, median of several repetitions):
 * - all eigenvalues, N ∈ {1e3, 3e3, 1e4}: tridiagonalEigenvalues (root-free QL/QR) against dqds
 *   (bidiagonalSquaredSingularValues) applied to the LDLᵀ factors of T − σI, σ below the
 *   Gershgorin interval: the other O(N²) eigenvalues-only algorithm (LAPACK dlasq), the one a
 *   user would pick for relative accuracy.
 * - λ_max, N ∈ {1e4, 1e5, 1e6}: largestEigenvalue (quadrisection steps, several per pass with
 *   the WebAssembly kernels; interlacing bracket) against plain bisection (one Sturm count per
 *   pass from the Gershgorin interval, JavaScript, same tolerance).
 * - 100-bin Sturm histogram, N ∈ {1e4, 1e5, 1e6}: sturmHistogram against, at N = 1e4, computing
 *   all eigenvalues and binning them; at larger N (where O(N²) is unaffordable) against the
 *   straightforward loop of 101 single Sturm counts.
 *
 * Run standalone: node --import tsx bench/tridiagonal.ts   (BENCH_CLOCK=cpu for CPU time)
 */
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { gershgorinUnchecked, largestEigenvalue } from "../src/tridiagonal/bisection.js";
import { bidiagonalSquaredSingularValues } from "../src/tridiagonal/dqds.js";
import { tridiagonalEigenvalues } from "../src/tridiagonal/eigenvalues.js";
import { sturmHistogram, uniformEdges } from "../src/tridiagonal/histogram.js";
import { pivotMinimum, sturmCountUnchecked } from "../src/tridiagonal/sturm.js";
import { printTable, type Row } from "./table.js";

export type { Row };

/** Deterministic uniform (0, 1) generator (splitmix32-style mixing of a Weyl sequence). */
function uniformGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    z = (z ^ (z >>> 15)) >>> 0;
    return (z + 0.5) / 4294967296;
  };
}

/** Random β = 2 Hermite-like matrix of order n (see the header). */
export function hermiteLikeMatrix(n: number, seed = 1): { a: Float64Array; b: Float64Array } {
  const u = uniformGenerator(seed);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const a = new Float64Array(n);
  const b = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) a[i] = Math.SQRT2 * normal();
  for (let i = 0; i < n - 1; i++) {
    const shape = n - 1 - i;
    b[i] = Math.max(0.01, shape + Math.sqrt(shape) * normal());
  }
  return { a, b };
}

/**
 * Seconds elapsed since `since` (from now()): wall-clock by default; with BENCH_CLOCK=cpu the
 * CPU time (user + system) of this process, which is less sensitive to other jobs on a shared
 * machine (the work is single-threaded).
 */
const useCpuClock = process.env.BENCH_CLOCK === "cpu";
function now(): number {
  if (useCpuClock) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  }
  return performance.now() / 1000;
}

/** Median time in seconds of `reps` runs of f (after one untimed warm-up if warm). */
function median(f: () => unknown, reps: number, warm = true): number {
  if (warm) f();
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = now();
    f();
    times.push(now() - t0);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)];
}

/** dqds on T − σI = L D Lᵀ written as (q, e) = (d_i, b_i/d_i), σ below the spectrum. */
function eigenvaluesByDqds(a: Float64Array, b: Float64Array): Float64Array {
  const n = a.length;
  const [lo, hi] = gershgorinUnchecked(a, b, n, pivotMinimum(b));
  const sigma = lo - 1e-3 * (hi - lo);
  const q = new Float64Array(n);
  const e = new Float64Array(n - 1);
  let pivot = a[0] - sigma;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      e[i - 1] = b[i - 1] / pivot;
      pivot = a[i] - sigma - e[i - 1];
    }
    q[i] = pivot;
  }
  const ev = bidiagonalSquaredSingularValues(q, e);
  for (let i = 0; i < n; i++) ev[i] += sigma;
  return ev;
}

/** Plain bisection for λ_max: one Sturm count per halving, from the Gershgorin interval. */
function largestByPlainBisection(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const pivmin = pivotMinimum(b);
  let [lo, hi] = gershgorinUnchecked(a, b, n, pivmin);
  const tol = 2 * 2 ** -52 * Math.max(Math.abs(lo), Math.abs(hi)) + 2 * pivmin;
  while (hi - lo > tol) {
    const mid = lo + 0.5 * (hi - lo);
    if (mid === lo || mid === hi) break;
    if (sturmCountUnchecked(a, b, n, mid, pivmin) === n) hi = mid;
    else lo = mid;
  }
  return lo + 0.5 * (hi - lo);
}

/** Histogram by computing all eigenvalues and binning them. */
function histogramByEigenvalues(
  a: Float64Array,
  b: Float64Array,
  edges: Float64Array,
): Float64Array {
  const ev = tridiagonalEigenvalues(a, b);
  const counts = new Float64Array(edges.length - 1);
  let j = 0;
  for (const x of ev) {
    while (j < edges.length && edges[j] <= x) j++;
    if (j > 0 && j < edges.length) counts[j - 1]++;
  }
  return counts;
}

/** Histogram by one separate single-point Sturm count per edge. */
function histogramBySingleCounts(
  a: Float64Array,
  b: Float64Array,
  edges: Float64Array,
): Float64Array {
  const n = a.length;
  const pivmin = pivotMinimum(b);
  const below = edges.map((x) => sturmCountUnchecked(a, b, n, x, pivmin));
  return below.subarray(1).map((c, i) => c - below[i]);
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

export async function benchTridiagonal(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of [1000, 3000, 10000]) {
    const { a, b } = hermiteLikeMatrix(n, 1);
    const reps = n >= 10000 ? 3 : 5;
    const t = median(() => tridiagonalEigenvalues(a, b), reps, n < 10000);
    const tb = median(() => eigenvaluesByDqds(a, b), reps, n < 10000);
    rows.push(row("all eigenvalues (root-free QL/QR)", n, t, "dqds on LDLᵀ of T − σI", tb));
  }
  for (const n of [10_000, 100_000, 1_000_000]) {
    const { a, b } = hermiteLikeMatrix(n, 2);
    const reps = n >= 1_000_000 ? 5 : 9;
    const t = median(() => largestEigenvalue(a, b), reps);
    const tb = median(() => largestByPlainBisection(a, b), reps);
    rows.push(row("λ_max (Sturm multisection)", n, t, "plain bisection", tb));
  }
  for (const n of [10_000, 100_000, 1_000_000]) {
    const { a, b } = hermiteLikeMatrix(n, 3);
    const r = 2 * Math.sqrt(2 * n);
    const edges = uniformEdges(-1.05 * r, 1.05 * r, 100);
    const reps = n >= 1_000_000 ? 3 : 5;
    const t = median(() => sturmHistogram(a, b, edges), reps);
    const tb =
      n <= 10_000
        ? median(() => histogramByEigenvalues(a, b, edges), 3, false)
        : median(() => histogramBySingleCounts(a, b, edges), 3);
    const baseline = n <= 10_000 ? "all eigenvalues + binning" : "101 single Sturm counts";
    rows.push(row("100-bin Sturm histogram", n, t, baseline, tb));
  }
  return rows;
}

function printTableWithClock(rows: Row[]): void {
  printTable(rows);
  const clock = useCpuClock ? "process CPU time" : "wall clock";
  console.log(`medians of ${clock}; load average (1 min) at the end: ${loadavg()[0].toFixed(2)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchTridiagonal().then(printTableWithClock);
}
