/**
 * Benchmarks of the dense and circular code (issue 3).
 *
 * - Circular β = 2, N ∈ {250, 500, 1000, 2000}: the O(N²) CMV eigenangle solver (cmvEigenangles,
 *   the phase of the Schur function + safeguarded Newton), against a dense O(N³) eigensolve of the
 *   SAME CMV matrix (cmvMatrix + complexEigenvalues: Householder–Hessenberg and the shifted
 *   complex QR algorithm, what DPPy does with numpy's eigvals). The dense solve is measured in this
 *   run at N = 250 and 500; for N = 1000 and 2000 it would take minutes, so its time is the N = 500
 *   measurement times (N/500)³, and the baseline column says "extrapolated".
 * - Full-matrix models against the tridiagonal models of the same law, N ∈ {100, 300, 1000}
 *   (β = 4 only up to N = 300: its 2N×2N complex matrices make N = 1000 take minutes): time of one
 *   sample (drawing + all eigenvalues) of the tridiagonal model, with the full model as baseline,
 *   so the ratio is the speed-up of the tridiagonal model. Laguerre uses M = N, Jacobi
 *   M1 = M2 = N.
 *
 * Times are medians of a few runs (one run for the slowest cases) on whatever machine runs it.
 * Run standalone: node --import tsx bench/dense.ts
 */
import { pathToFileURL } from "node:url";
import { cmvEigenangles } from "../src/dense/cmvEigenangles.js";
import { cmvMatrix } from "../src/dense/cmvMatrix.js";
import { complexEigenvalues } from "../src/dense/complexEigenvalues.js";
import { verblunskyCoefficients } from "../src/ensembles/circular.js";
import {
  hermiteFullEigenvalues,
  jacobiFullEigenvalues,
  laguerreFullEigenvalues,
} from "../src/ensembles/full.js";
import { hermiteEigenvalues } from "../src/ensembles/hermite.js";
import { jacobiEigenvalues, jacobiParamsFromManova } from "../src/ensembles/jacobi.js";
import { laguerreEigenvalues, laguerreParamsFromWishart } from "../src/ensembles/laguerre.js";
import { createRandomSource } from "../src/random/philox.js";
import { printTable, type Row } from "./table.js";

export type { Row };

/** Median wall time in seconds of `reps` runs of f (after one untimed warm-up if warm). */
function median(f: () => unknown, reps: number, warm = true): number {
  if (warm) f();
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    f();
    times.push((performance.now() - t0) / 1000);
  }
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

function circularRows(): Row[] {
  const rows: Row[] = [];
  const beta = 2;
  const dense = new Map<number, number>();
  for (const n of [250, 500]) {
    const alpha = verblunskyCoefficients(createRandomSource(7, n), n, beta);
    dense.set(
      n,
      median(
        () => {
          const c = cmvMatrix(alpha.re, alpha.im, alpha.rhoSquared);
          return complexEigenvalues(n, c.re, c.im);
        },
        n <= 250 ? 3 : 1,
        n <= 250,
      ),
    );
  }
  for (const n of [250, 500, 1000, 2000]) {
    const alpha = verblunskyCoefficients(createRandomSource(7, n), n, beta);
    const t = median(() => cmvEigenangles(alpha.re, alpha.im, alpha.rhoSquared), n >= 2000 ? 3 : 5);
    const measured = dense.get(n);
    const baselineSeconds = measured ?? (dense.get(500) ?? Number.NaN) * (n / 500) ** 3;
    const baseline = measured
      ? "dense QR of the CMV matrix"
      : "dense QR of the CMV matrix (extrapolated N³ from N=500)";
    rows.push(row("circular β=2: CMV eigenangles O(N²)", n, t, baseline, baselineSeconds));
  }
  return rows;
}

function fullRows(): Row[] {
  const rows: Row[] = [];
  for (const beta of [1, 2, 4] as const) {
    for (const n of [100, 300, 1000]) {
      if (beta === 4 && n > 300) continue;
      const reps = n >= 1000 ? 1 : n >= 300 ? 3 : 5;
      const warm = n < 1000;
      const label = (name: string) => `${name} β=${beta}: tridiagonal model`;
      let seed = 0;
      const rng = () => createRandomSource(11, seed++);
      {
        const tri = median(() => hermiteEigenvalues(rng(), n, beta), 5);
        const full = median(() => hermiteFullEigenvalues(rng(), n, beta), reps, warm);
        rows.push(
          row(label("Hermite"), n, tri, `full ${["GOE", "GUE", "", "GSE"][beta - 1]}`, full),
        );
      }
      {
        const params = laguerreParamsFromWishart(n, n, beta);
        const tri = median(() => laguerreEigenvalues(rng(), n, beta, params), 5);
        const full = median(
          () => laguerreFullEigenvalues(rng(), n, beta, { m: n, scale: 2 }),
          reps,
          warm,
        );
        rows.push(row(label("Laguerre"), n, tri, "full Wishart XX* (M = N)", full));
      }
      {
        const params = jacobiParamsFromManova(n, n, n, beta);
        const tri = median(() => jacobiEigenvalues(rng(), n, beta, params), 5);
        const full = median(
          () => jacobiFullEigenvalues(rng(), n, beta, { m1: n, m2: n }),
          reps,
          warm,
        );
        rows.push(row(label("Jacobi"), n, tri, "full MANOVA (Cholesky, M1 = M2 = N)", full));
      }
    }
  }
  return rows;
}

export async function benchDense(): Promise<Row[]> {
  return [...circularRows(), ...fullRows()];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchDense().then(printTable);
}
