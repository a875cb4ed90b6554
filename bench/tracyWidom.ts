/**
 * Benchmarks of the Tracy–Widom functions (issue 5): one evaluation through the fast path (the
 * Chebyshev table of src/theory/tracyWidomTable.ts) against the direct Nyström evaluation of the
 * Fredholm determinant (tracyWidomCdfFredholm, 40 Gauss–Legendre nodes), both measured in this
 * run; also the pdf, the quantile and one draw, and the one-off table build (measured first, in a
 * fresh process it includes JIT warm-up). "N" is the number of evaluations timed. The ratio is
 * baseline time / time (the speed-up of the fast path). Issue 15: the tail functions (logcdf,
 * sf, logsf over s ∈ [−12, 12] and over [−30, 40], mostly the tail expansions) and TW_β for a
 * non-classical β (set-up of the Bloemendal–Virág law, then one evaluation); seconds are CPU
 * time, wall time alongside.
 * Run standalone: node --import tsx bench/tracyWidom.ts
 */
import { pathToFileURL } from "node:url";
import { createRandomSource } from "../src/random/philox.js";
import {
  tracyWidomCdf,
  tracyWidomCdfFredholm,
  tracyWidomLogCdf,
  tracyWidomLogSf,
  tracyWidomPdf,
  tracyWidomPdfFredholm,
  tracyWidomQuantile,
  tracyWidomSample,
  tracyWidomSf,
} from "../src/theory/tracyWidom.js";
import { tracyWidomBetaLaw } from "../src/theory/tracyWidomGeneral.js";
import type { Row } from "./table.js";

export type { Row };

/** CPU and wall seconds per call. */
interface Timing {
  cpu: number;
  wall: number;
}

function row(task: string, n: number, t: Timing, baseline: string, base: Timing): Row {
  return {
    task,
    n,
    seconds: t.cpu,
    wallSeconds: t.wall,
    baseline,
    baselineSeconds: base.cpu,
    baselineWallSeconds: base.wall,
    ratio: base.cpu / t.cpu,
  };
}

/** CPU and wall seconds of one run of f. */
function timed(f: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1e6, wall };
}

/** Time per call of f over `count` arguments s ∈ [lo, hi] (after a short warm-up). */
function perCall(f: (s: number) => number, count: number, lo = -5, hi = 3): Timing {
  let sink = 0;
  for (let i = 0; i < Math.min(count, 200); i++) sink += f(lo + ((hi - lo) * i) / 200);
  const t = timed(() => {
    for (let i = 0; i < count; i++) sink += f(lo + ((hi - lo) * (i + 0.5)) / count);
  });
  if (Number.isNaN(sink)) throw new Error("NaN in benchmark");
  return { cpu: t.cpu / count, wall: t.wall / count };
}

export async function benchTracyWidom(): Promise<Row[]> {
  const rows: Row[] = [];
  const build = timed(() => tracyWidomCdf(0, 2)); // builds the table
  const slowCdf = perCall((s) => tracyWidomCdfFredholm(s, 2), 400);
  rows.push(row("TW table build (once per process)", 1, build, "one Nyström CDF", slowCdf));
  const n = 1_000_000;
  for (const beta of [1, 2, 4] as const) {
    const fast = perCall((s) => tracyWidomCdf(s, beta), n);
    const slow = beta === 2 ? slowCdf : perCall((s) => tracyWidomCdfFredholm(s, beta), 400);
    rows.push(row(`TW_${beta} cdf (table)`, n, fast, "Nyström det, 40 nodes", slow));
  }
  for (const beta of [1, 2, 4] as const) {
    const slow = perCall((s) => tracyWidomCdfFredholm(s, beta), 400);
    for (const [name, f] of [
      ["logcdf", tracyWidomLogCdf],
      ["sf", tracyWidomSf],
      ["logsf", tracyWidomLogSf],
    ] as const) {
      for (const [lo, hi] of [
        [-12, 12],
        [-30, 40],
      ]) {
        const fast = perCall((s) => f(s, beta), n, lo, hi);
        rows.push(
          row(`TW_${beta} ${name}, s ∈ [${lo}, ${hi}]`, n, fast, "Nyström det, 40 nodes", slow),
        );
      }
    }
  }
  // TW_β, β = 3.3: the set-up (once per β) and one evaluation, against the F₂ table build.
  let law = tracyWidomBetaLaw(3.3);
  const setUp = timed(() => {
    law = tracyWidomBetaLaw(3.3);
  });
  rows.push(row("TW_3.3 set-up (Bloemendal–Virág)", 1, setUp, "F₂ table build", build));
  for (const [name, f] of [
    ["cdf", law.cdf],
    ["pdf", law.pdf],
    ["logsf", law.logsf],
  ] as const) {
    const t = perCall(f, n, -8, 6);
    rows.push(row(`TW_3.3 ${name}, s ∈ [−8, 6]`, n, t, "Nyström det, 40 nodes", slowCdf));
  }
  const fastPdf = perCall((s) => tracyWidomPdf(s, 2), n);
  const slowPdf = perCall((s) => tracyWidomPdfFredholm(s, 2), 400);
  rows.push(row("TW_2 pdf (table)", n, fastPdf, "Nyström Jacobi formula", slowPdf));
  const m = 100_000;
  const quantile = perCall((s) => tracyWidomQuantile((s + 5.0001) / 8.0002, 2), m);
  rows.push(row("TW_2 quantile (Newton on the table)", m, quantile, "one Nyström CDF", slowCdf));
  const rng = createRandomSource(1);
  const sample = perCall(() => tracyWidomSample(rng, 1), m);
  rows.push(row("TW_1 sample (inversion)", m, sample, "one Nyström CDF", slowCdf));
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchTracyWidom();
  for (const r of rows) {
    console.log(
      `${r.task.padEnd(40)} N=${String(r.n).padStart(8)}  ${(r.seconds * 1e6).toPrecision(3).padStart(8)} µs CPU (${((r.wallSeconds ?? Number.NaN) * 1e6).toPrecision(3)} wall)   ` +
        `baseline ${r.baseline}: ${(r.baselineSeconds * 1e6).toPrecision(3)} µs   ratio ${r.ratio.toPrecision(3)}`,
    );
  }
}
