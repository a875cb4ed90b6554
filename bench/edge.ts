/**
 * Benchmarks of λ_max for huge N from the truncated tridiagonal models (src/ensembles/edge.ts,
 * issue 5): one sample (drawing the top K = truncationSize(N, β) rows and bisecting) at
 * N = 1e6, 1e9, 1e12, against the full O(N) model + bisection (hermiteTridiagonal +
 * largestEigenvalue) at N = 1e6, measured in the same run. "N" is the matrix size; seconds are per
 * sample. The ratio is baseline time / time. The "limit" rows are the Tracy–Widom limit model
 * (src/ensembles/edgeLimit.ts: an approximation with Kolmogorov distance ≤ 0.3·N^(−2/3) for
 * Hermite, 1.0·N^(−2/3) for Laguerre), timed
 * against the exact truncated model at the same N.
 * Run standalone: node --import tsx bench/edge.ts
 */
import { pathToFileURL } from "node:url";
import {
  hermiteLargestEigenvalueTruncated,
  laguerreLargestEigenvalueTruncated,
} from "../src/ensembles/edge.js";
import {
  hermiteLargestEigenvalueLimit,
  laguerreLargestEigenvalueLimit,
} from "../src/ensembles/edgeLimit.js";
import { hermiteTridiagonal } from "../src/ensembles/hermite.js";
import { tracyWidomBetaSample } from "../src/ensembles/tracyWidomBeta.js";
import { createRandomSource } from "../src/random/philox.js";
import { tracyWidomSample } from "../src/theory/tracyWidom.js";
import { largestEigenvalue } from "../src/tridiagonal/bisection.js";
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
