/**
 * Benchmark of the Gibbs sampler (issue 4): seconds per pass (a_1, b_1, …, a_N, i.e. 2N − 1 exact
 * conditional draws) for V ∈ {x²/2, x⁴/4, x⁶/6, CIK} at β = 2 and N ∈ {1e2, 1e3, 1e4, 1e5},
 * measured on a warmed-up chain (10 passes from a = b = 0 first, so that the conditionals have
 * their stationary shapes). The task column also gives the cost per coefficient update in µs.
 * Baseline: one exact draw of the Hermite tridiagonal model's coefficients at the same N (also
 * O(N)), so the ratio (baseline / pass) is the cost of an exact Hermite sample in units of Gibbs
 * passes; a constant ratio across N shows that a pass is O(N).
 * For scale (not measured here): DPPy needs about 3 ms per exact conditional draw (docs/theory.md §5).
 *
 * Issue 10 rows ("before/after"): the same pass with the univariate samplers as they were before
 * issue 10 (bench/gibbsBaseline/, git fc3765c: no domination checks) against today's, interleaved
 * in the same run on identical states; and one spectral move (src/gibbs/spectral.ts) against one
 * pass. BENCH_CLOCK=cpu measures process CPU time instead of wall time.
 *
 * Run standalone: node --import tsx bench/gibbs.ts
 */
import { pathToFileURL } from "node:url";
import { hermiteTridiagonal } from "../src/ensembles/hermite.js";
import { createGibbsWork, gibbsSweep } from "../src/gibbs/sampler.js";
import { createSpectralWork, spectralMove } from "../src/gibbs/spectral.js";
import { createRandomSource } from "../src/random/philox.js";
import { CIK_POTENTIAL } from "../src/theory/equilibrium.js";
import { baselineSweep, createBaselineWork } from "./gibbsBaseline/sweep.js";
import { printTable, type Row } from "./table.js";

export type { Row };

const useCpuClock = process.env.BENCH_CLOCK === "cpu";
/** Seconds now: wall clock, or process CPU time (user + system) with BENCH_CLOCK=cpu. */
function now(): number {
  if (useCpuClock) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  }
  return performance.now() / 1000;
}

/** Median over `reps` of the mean time per call of f over `inner` calls. */
function timePerCall(f: () => void, inner: number, reps: number): number {
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = now();
    for (let i = 0; i < inner; i++) f();
    times.push((now() - t0) / inner);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)];
}

/** Medians of the time per call of f and g, measured alternately (interleaved) `reps` times. */
function timeInterleaved(
  f: () => void,
  g: () => void,
  inner: number,
  reps: number,
): [number, number] {
  const tf: number[] = [];
  const tg: number[] = [];
  for (let r = 0; r < reps; r++) {
    let t0 = now();
    for (let i = 0; i < inner; i++) f();
    tf.push((now() - t0) / inner);
    t0 = now();
    for (let i = 0; i < inner; i++) g();
    tg.push((now() - t0) / inner);
  }
  tf.sort((x, y) => x - y);
  tg.sort((x, y) => x - y);
  return [tf[Math.floor(reps / 2)], tg[Math.floor(reps / 2)]];
}

/**
 * Issue 10: per-update cost of today's pass against the pre-issue pass (same states, interleaved),
 * and the cost of one spectral move against one pass.
 */
export async function benchGibbsIssue10(): Promise<Row[]> {
  const rows: Row[] = [];
  const beta = 2;
  const cases: [string, Float64Array][] = [
    ["x⁴/4", Float64Array.from([0, 0, 0, 0, 0.25])],
    ["x⁴/4 − 2x²", Float64Array.from([0, 0, -2, 0, 0.25])],
    ["x⁶/6", Float64Array.from([0, 0, 0, 0, 0, 0, 1 / 6])],
  ];
  for (const n of [1000, 10000]) {
    for (const [name, coeffs] of cases) {
      const state = { diagonal: new Float64Array(n), offDiagonalSquared: new Float64Array(n - 1) };
      const warm = createGibbsWork(coeffs.length - 1);
      const rng0 = createRandomSource(3, n);
      for (let p = 0; p < 10; p++) gibbsSweep(state, coeffs, beta, rng0, warm);
      // Both passes start from copies of the same warmed state, with the same random stream.
      const copy = () => ({
        diagonal: Float64Array.from(state.diagonal),
        offDiagonalSquared: Float64Array.from(state.offDiagonalSquared),
      });
      const sNew = copy();
      const sOld = copy();
      const rNew = createRandomSource(4, n);
      const rOld = createRandomSource(4, n);
      const wNew = createGibbsWork(coeffs.length - 1);
      const wOld = createBaselineWork(coeffs.length - 1);
      const inner = Math.max(1, Math.round(20000 / n));
      const [after, before] = timeInterleaved(
        () => gibbsSweep(sNew, coeffs, beta, rNew, wNew),
        () => baselineSweep(sOld, coeffs, beta, rOld, wOld),
        inner,
        7,
      );
      const us = (t: number) => ((t / (2 * n - 1)) * 1e6).toFixed(2);
      rows.push({
        task: `Gibbs pass, V = ${name}, today (${us(after)} µs/update) vs before issue 10 (${us(before)})`,
        n,
        seconds: after,
        baseline: "pass before issue 10 (bench/gibbsBaseline)",
        baselineSeconds: before,
        ratio: before / after,
      });
    }
  }
  const coeffs = Float64Array.from([0, 0.25, -1.8, 0, 0.25]);
  for (const n of [100, 400, 1000, 2000]) {
    const state = { diagonal: new Float64Array(n), offDiagonalSquared: new Float64Array(n - 1) };
    const rng = createRandomSource(5, n);
    const work = createGibbsWork(4);
    const spectral = createSpectralWork(n);
    for (let p = 0; p < 5; p++) {
      gibbsSweep(state, coeffs, beta, rng, work);
      spectralMove(state, coeffs, beta, rng, spectral);
    }
    const [move, pass] = timeInterleaved(
      () => spectralMove(state, coeffs, beta, rng, spectral),
      () => gibbsSweep(state, coeffs, beta, rng, work),
      1,
      n >= 2000 ? 3 : 7,
    );
    rows.push({
      task: "spectral move (eigenvalues, N MH moves, Dirichlet weights, RKPW), V = x⁴/4 − 1.8x² + 0.25x",
      n,
      seconds: move,
      baseline: "one Gibbs pass",
      baselineSeconds: pass,
      ratio: pass / move,
    });
  }
  return rows;
}

const POTENTIALS: [string, Float64Array][] = [
  ["x²/2", Float64Array.from([0, 0, 0.5])],
  ["x⁴/4", Float64Array.from([0, 0, 0, 0, 0.25])],
  ["x⁶/6", Float64Array.from([0, 0, 0, 0, 0, 0, 1 / 6])],
  ["CIK", CIK_POTENTIAL],
];

export async function benchGibbs(): Promise<Row[]> {
  const rows: Row[] = [];
  const beta = 2;
  for (const n of [100, 1000, 10000, 100000]) {
    const inner = Math.max(1, Math.round(20000 / n));
    const reps = n >= 100000 ? 3 : 5;
    const scale = Math.sqrt(2 / (beta * n));
    const hermiteRng = createRandomSource(1, n);
    const baseline = timePerCall(
      () => {
        hermiteTridiagonal(hermiteRng, n, beta, { loc: 0, scale });
      },
      inner,
      reps,
    );
    for (const [name, coeffs] of POTENTIALS) {
      const rng = createRandomSource(2, n);
      const state = { diagonal: new Float64Array(n), offDiagonalSquared: new Float64Array(n - 1) };
      const work = createGibbsWork(coeffs.length - 1);
      for (let p = 0; p < 10; p++) gibbsSweep(state, coeffs, beta, rng, work);
      const seconds = timePerCall(() => gibbsSweep(state, coeffs, beta, rng, work), inner, reps);
      const perUpdate = (seconds / (2 * n - 1)) * 1e6;
      rows.push({
        task: `Gibbs pass, V = ${name} (${perUpdate.toFixed(2)} µs/update)`,
        n,
        seconds,
        baseline: "exact Hermite tridiagonal coefficients",
        baselineSeconds: baseline,
        ratio: baseline / seconds,
      });
    }
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchGibbsIssue10().then((rows) => printTable(rows, "issue 10: before/after and spectral moves"));
  if (!process.argv.includes("--issue10")) benchGibbs().then(printTable);
}
