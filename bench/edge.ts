/**
 * Benchmarks of λ_max for huge N from the truncated tridiagonal models (src/ensembles/edge.ts,
 * issue 5): one sample (drawing the top K = truncationSize(N, β) rows and bisecting) at
 * N = 1e6, 1e9, 1e12, against the full O(N) model + bisection (hermiteTridiagonal +
 * largestEigenvalue) at N = 1e6, measured in the same run. "N" is the matrix size; seconds are per
 * sample. The ratio is baseline time / time. The "limit" rows are the Tracy–Widom limit model
 * (src/ensembles/edgeLimit.ts: an approximation with Kolmogorov distance ≤ 0.3·N^(−2/3) for
 * Hermite, 1.0·N^(−2/3) for Laguerre), timed
 * against the exact truncated model at the same N.
 *
 * Issue 19 (rule for K over all β): per β at N = 1e6 (and β = 2 at N = 1e12), the current model
 * against the first rule K = ⌈(10 + (384/β)^{1/3})·N^{1/3}⌉ + 10 (all K rows bisected; wrong for
 * a fraction of the samples at β ≲ 0.5), calls interleaved, wall and CPU time (two rows each); and the exact
 * variants: all N rows drawn (c = Infinity: one bisection of K₁ rows plus one Sturm pass of all
 * N rows) against the full model + bisection.
 * Run standalone: node --import tsx bench/edge.ts
 */
import { pathToFileURL } from "node:url";
import {
  hermiteLargestEigenvalueTruncated,
  hermiteLeadingBlock,
  laguerreLargestEigenvalueTruncated,
} from "../src/ensembles/edge.js";
import {
  hermiteLargestEigenvalueLimit,
  laguerreLargestEigenvalueLimit,
} from "../src/ensembles/edgeLimit.js";
import { hermiteTridiagonal } from "../src/ensembles/hermite.js";
import { tracyWidomBetaSample } from "../src/ensembles/tracyWidomBeta.js";
import { createRandomSource } from "../src/random/philox.js";
import { detCbrt } from "../src/special/deterministicMath.js";
import { tracyWidomSample } from "../src/theory/tracyWidom.js";
import { largestEigenvalue } from "../src/tridiagonal/bisection.js";
import { pivotMinimum, sturmCountUnchecked } from "../src/tridiagonal/sturm.js";
import type { Row } from "./table.js";

export type { Row };

/**
 * Seconds now: wall clock by default, process CPU time with BENCH_CLOCK=cpu (less sensitive to
 * other jobs on a shared machine; the work is single-threaded).
 */
function now(): number {
  if (process.env.BENCH_CLOCK === "cpu") {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  }
  return performance.now() / 1000;
}

/** Seconds per call of f(i), i = 0 … count − 1, after one warm-up call. */
function perCall(f: (i: number) => number, count: number): number {
  let sink = f(count);
  const t0 = now();
  for (let i = 0; i < count; i++) sink += f(i);
  const seconds = (now() - t0) / count;
  if (Number.isNaN(sink)) throw new Error("NaN in benchmark");
  return seconds;
}

/**
 * Seconds per call of f and of g (calls interleaved f, g, f, g, … after one warm-up each), wall
 * and CPU (user + system of this single-threaded process).
 */
function interleaved(
  f: (i: number) => number,
  g: (i: number) => number,
  count: number,
): { wall: [number, number]; cpu: [number, number] } {
  let sink = f(count) + g(count);
  const wall: [number, number] = [0, 0];
  const cpu: [number, number] = [0, 0];
  for (let i = 0; i < count; i++) {
    for (const [j, h] of [f, g].entries()) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      sink += h(i);
      wall[j] += (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      cpu[j] += (c.user + c.system) / 1e6;
    }
  }
  if (Number.isNaN(sink)) throw new Error("NaN in benchmark");
  return {
    wall: [wall[0] / count, wall[1] / count],
    cpu: [cpu[0] / count, cpu[1] / count],
  };
}

/** The multiplier of the first rule for K (before issue 19): 10 + (24·16/β)^{1/3}. */
function firstRuleMultiplier(beta: number): number {
  return 10 + detCbrt(384 / beta);
}

/** Issue 19: the current truncated model against the first rule and the exact all-rows variant. */
function benchRuleForK(): Row[] {
  const rows: Row[] = [];
  for (const [beta, n, count] of [
    [0.001, 1e6, 10],
    [0.01, 1e6, 40],
    [0.1, 1e6, 150],
    [0.3, 1e6, 150],
    [1, 1e6, 200],
    [2, 1e6, 200],
    [10, 1e6, 200],
    [2, 1e12, 10],
  ]) {
    const t = interleaved(
      (i) => hermiteLargestEigenvalueTruncated(createRandomSource(6, i), n, beta),
      (i) =>
        hermiteLargestEigenvalueTruncated(
          createRandomSource(6, i),
          n,
          beta,
          undefined,
          firstRuleMultiplier(beta),
        ),
      count,
    );
    const baseline = "first rule for K (not exact at β ≲ 0.5)";
    for (const [clock, times] of [
      ["wall", t.wall],
      ["CPU", t.cpu],
    ] as const) {
      rows.push({
        task: `hermite β = ${beta} λ_max, truncated (${clock})`,
        n,
        seconds: times[0],
        baseline,
        baselineSeconds: times[1],
        ratio: times[1] / times[0],
      });
    }
  }
  const n = 1e6;
  // The parts: drawing rows (one normal, one gamma) against one Sturm pass (the check) over them.
  const rowsK = 100_000;
  const block = hermiteLeadingBlock(createRandomSource(8, 0), n, rowsK, 2);
  const pivmin = pivotMinimum(block.offDiagonalSquared);
  const parts = interleaved(
    (i) => sturmCountUnchecked(block.diagonal, block.offDiagonalSquared, rowsK, 50 + i, pivmin),
    (i) => hermiteLeadingBlock(createRandomSource(8, i), n, rowsK, 2).diagonal[0],
    20,
  );
  rows.push({
    task: "one Sturm pass over 1e5 rows (the check) (CPU)",
    n: rowsK,
    seconds: parts.cpu[0],
    baseline: "drawing the 1e5 rows",
    baselineSeconds: parts.cpu[1],
    ratio: parts.cpu[1] / parts.cpu[0],
  });
  // Exact whatever β: all N rows drawn, bisection on K₁ rows and one Sturm pass of all N rows.
  const all = interleaved(
    (i) => hermiteLargestEigenvalueTruncated(createRandomSource(7, i), n, 2, undefined, Infinity),
    (i) => {
      const t = hermiteTridiagonal(createRandomSource(7, i), n, 2);
      return largestEigenvalue(t.diagonal, t.offDiagonalSquared);
    },
    5,
  );
  for (const [clock, times] of [
    ["wall", all.wall],
    ["CPU", all.cpu],
  ] as const) {
    rows.push({
      task: `hermite β = 2 λ_max, all N rows (c = Infinity) (${clock})`,
      n,
      seconds: times[0],
      baseline: "full model + bisection",
      baselineSeconds: times[1],
      ratio: times[1] / times[0],
    });
  }
  return rows;
}

export async function benchEdge(): Promise<Row[]> {
  const beta = 2;
  const full = perCall((i) => {
    const t = hermiteTridiagonal(createRandomSource(1, i), 1e6, beta);
    return largestEigenvalue(t.diagonal, t.offDiagonalSquared);
  }, 3);
  const baseline = "full model + bisection, N = 1e6";
  const rows: Row[] = [];
  const add = (task: string, n: number, seconds: number) =>
    rows.push({ task, n, seconds, baseline, baselineSeconds: full, ratio: full / seconds });
  const truncatedSeconds = new Map<number, number>();
  for (const [n, count] of [
    [1e6, 300],
    [1e9, 20],
    [1e12, 5],
  ]) {
    const seconds = perCall(
      (i) => hermiteLargestEigenvalueTruncated(createRandomSource(2, i), n, beta),
      count,
    );
    truncatedSeconds.set(n, seconds);
    add("hermite β = 2 λ_max, truncated", n, seconds);
  }
  for (const n of [1e9, 1e12]) {
    const seconds = perCall(
      (i) => hermiteLargestEigenvalueLimit(createRandomSource(2, i), n, beta),
      20000,
    );
    const exact = truncatedSeconds.get(n) ?? Number.NaN;
    rows.push({
      task: "hermite β = 2 λ_max, limit model (TW quantile)",
      n,
      seconds,
      baseline: `exact truncated model, N = ${n.toExponential(0)}`,
      baselineSeconds: exact,
      ratio: exact / seconds,
    });
  }
  for (const [n, count] of [
    [1e6, 300],
    [1e12, 5],
  ]) {
    const seconds = perCall(
      (i) => laguerreLargestEigenvalueTruncated(createRandomSource(3, i), n, beta),
      count,
    );
    add("laguerre β = 2 (M ≈ N) λ_max, truncated", n, seconds);
    if (n === 1e12) {
      const limit = perCall(
        (i) => laguerreLargestEigenvalueLimit(createRandomSource(3, i), n, beta),
        20000,
      );
      rows.push({
        task: "laguerre β = 2 λ_max, limit model (TW quantile)",
        n,
        seconds: limit,
        baseline: "exact truncated model, N = 1e+12",
        baselineSeconds: seconds,
        ratio: seconds / limit,
      });
    }
  }
  add(
    "TW_3.3 sample (tracyWidomBetaSample)",
    1e6,
    perCall((i) => tracyWidomBetaSample(createRandomSource(4, i), 3.3), 300),
  );
  add(
    "TW_2 sample by inversion (for scale)",
    1,
    perCall((i) => tracyWidomSample(createRandomSource(5, i), 2), 10000),
  );
  rows.push(...benchRuleForK());
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchEdge()) {
    console.log(
      `${r.task.padEnd(42)} N=${r.n.toExponential(0).padStart(6)}  ${(r.seconds * 1e3).toPrecision(3).padStart(8)} ms   ` +
        `baseline ${r.baseline}: ${(r.baselineSeconds * 1e3).toPrecision(3)} ms   speed-up ${r.ratio.toPrecision(3)}`,
    );
  }
}
