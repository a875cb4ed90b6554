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
 * Run standalone: node --import tsx bench/gibbs.ts
 */
import { pathToFileURL } from "node:url";
import { hermiteTridiagonal } from "../src/ensembles/hermite.js";
import { createGibbsWork, gibbsSweep } from "../src/gibbs/sampler.js";
import { createRandomSource } from "../src/random/philox.js";
import { CIK_POTENTIAL } from "../src/theory/equilibrium.js";
import { printTable, type Row } from "./table.js";

export type { Row };

/** Median over `reps` of the mean time per call of f over `inner` calls. */
function timePerCall(f: () => void, inner: number, reps: number): number {
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) f();
    times.push((performance.now() - t0) / 1000 / inner);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)];
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
  benchGibbs().then(printTable);
}
