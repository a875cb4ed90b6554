/**
 * Benchmarks of the Tracy–Widom functions (issue 5): one evaluation through the fast path (the
 * Chebyshev table of src/theory/tracyWidomTable.ts) against the direct Nyström evaluation of the
 * Fredholm determinant (tracyWidomCdfFredholm, 40 Gauss–Legendre nodes), both measured in this
 * run; also the pdf, the quantile and one draw, and the one-off table build (measured first, in a
 * fresh process it includes JIT warm-up). "N" is the number of evaluations timed. The ratio is
 * baseline time / time (the speed-up of the fast path).
 * Run standalone: node --import tsx bench/tracyWidom.ts
 */
import { pathToFileURL } from "node:url";
import { createRandomSource } from "../src/random/philox.js";
import {
  tracyWidomCdf,
  tracyWidomCdfFredholm,
  tracyWidomPdf,
  tracyWidomPdfFredholm,
  tracyWidomQuantile,
  tracyWidomSample,
} from "../src/theory/tracyWidom.js";
import type { Row } from "./table.js";

export type { Row };

function row(
  task: string,
  n: number,
  seconds: number,
  baseline: string,
  baselineSeconds: number,
): Row {
  return { task, n, seconds, baseline, baselineSeconds, ratio: baselineSeconds / seconds };
}

/** Seconds per call of f over `count` arguments s ∈ [−5, 3] (after a short warm-up). */
function perCall(f: (s: number) => number, count: number): number {
  let sink = 0;
  for (let i = 0; i < Math.min(count, 200); i++) sink += f(-5 + (8 * i) / 200);
  const t0 = performance.now();
  for (let i = 0; i < count; i++) sink += f(-5 + (8 * (i + 0.5)) / count);
  const seconds = (performance.now() - t0) / 1000 / count;
  if (Number.isNaN(sink)) throw new Error("NaN in benchmark");
  return seconds;
}

export async function benchTracyWidom(): Promise<Row[]> {
  const rows: Row[] = [];
  const t0 = performance.now();
  tracyWidomCdf(0, 2); // builds the table
  const build = (performance.now() - t0) / 1000;
  const slowCdf = perCall((s) => tracyWidomCdfFredholm(s, 2), 400);
  rows.push(row("TW table build (once per process)", 1, build, "one Nyström CDF", slowCdf));
  const n = 1_000_000;
  for (const beta of [1, 2, 4] as const) {
    const fast = perCall((s) => tracyWidomCdf(s, beta), n);
    const slow = beta === 2 ? slowCdf : perCall((s) => tracyWidomCdfFredholm(s, beta), 400);
    rows.push(row(`TW_${beta} cdf (table)`, n, fast, "Nyström det, 40 nodes", slow));
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
      `${r.task.padEnd(40)} N=${String(r.n).padStart(8)}  ${(r.seconds * 1e6).toPrecision(3).padStart(8)} µs   ` +
        `baseline ${r.baseline}: ${(r.baselineSeconds * 1e6).toPrecision(3)} µs   ratio ${r.ratio.toPrecision(3)}`,
    );
  }
}
