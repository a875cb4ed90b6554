/**
 * The accuracy tables of docs/tracy-widom/README.md:
 *  1. F₁, F₂, F₄ (both β = 4 conventions) against the 25-digit Painlevé II references of
 *     test/theory/fixtures/tracyWidomReference.json: worst relative error of F, 1 − F and f (as the
 *     absolute error of their logarithms) over the fixture points, split by range of s.
 *  2. TW_β from the Bloemendal–Virág equation: at β = 1, 2, 4 against the Fredholm laws on [−8, 6];
 *     at other β by self-convergence (default discretisation vs 1.43× the Chebyshev degree and half
 *     the x-step), with set-up time, mean and variance.
 *   node --import tsx docs/tracy-widom/accuracy.ts > docs/tracy-widom/accuracy.json
 */
import {
  tracyWidomCdf,
  tracyWidomLogCdf,
  tracyWidomLogPdf,
  tracyWidomLogSf,
  tracyWidomMoments,
  tracyWidomPdf,
} from "../../src/theory/tracyWidom.js";
import { tracyWidomBetaLaw } from "../../src/theory/tracyWidomGeneral.js";
import { FIXTURE_LAWS, fixtureRows } from "../../test/theory/tracyWidomFixtures.js";

const tails = [];
for (const { law, beta, convention } of FIXTURE_LAWS) {
  const worst: Record<string, { error: number; at: number }> = {};
  const bump = (key: string, error: number, at: number) => {
    if (!(error <= (worst[key]?.error ?? -1))) worst[key] = { error, at };
  };
  for (const r of fixtureRows(law)) {
    const range = r.s < -12 ? "s < −12" : r.s <= 12 ? "−12 ≤ s ≤ 12" : "s > 12";
    // The log of a quantity known to relative ε is known to absolute ε; large logs are limited
    // by their own rounding (≈ 1e−16·|log|), hence the max(1, |log|/100) normalisation.
    const rel = (got: number, want: number) =>
      Math.abs(got - want) / Math.max(1, Math.abs(want) / 100);
    bump(`F ${range}`, rel(tracyWidomLogCdf(r.s, beta, convention), r.logcdf), r.s);
    if (r.logsf !== 0)
      bump(`1 − F ${range}`, rel(tracyWidomLogSf(r.s, beta, convention), r.logsf), r.s);
    bump(`f ${range}`, rel(tracyWidomLogPdf(r.s, beta, convention), r.logpdf), r.s);
  }
  const rows = fixtureRows(law);
  tails.push({
    law,
    points: rows.length,
    pointsIn12: rows.filter((r) => r.s >= -12 && r.s <= 12).length,
    smallestF: Math.min(...rows.map((r) => r.logcdf)) / Math.LN10,
    smallestSf: Math.min(...rows.map((r) => r.logsf)) / Math.LN10,
    worst,
  });
}

function maxDifference(a: (x: number) => number, b: (x: number) => number, lo = -8, hi = 6) {
  let error = 0;
  let at = lo;
  for (let x = lo; x <= hi; x += 0.00731) {
    const d = Math.abs(a(x) - b(x));
    if (d > error) {
      error = d;
      at = x;
    }
  }
  return { error, at };
}

function timed<T>(f: () => T): { value: T; cpu: number } {
  const c0 = process.cpuUsage();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, cpu: (c.user + c.system) / 1e6 };
}

tracyWidomBetaLaw(2.5); // JIT warm-up
const general = [];
for (const beta of [0.2, 0.5, 1, 1.5, 2, 3, 4, 6, 10, 15]) {
  const { value: law, cpu } = timed(() => tracyWidomBetaLaw(beta));
  const finer = tracyWidomBetaLaw(beta, {
    degree: 2 * Math.round(0.715 * law.degree),
    step: law.step / 2,
  });
  const row: Record<string, unknown> = {
    beta,
    setUpCpuSeconds: cpu,
    degree: law.degree,
    step: law.step,
    grid: [law.xMin, law.xMax],
    mean: law.mean,
    variance: law.variance,
    selfConvergenceCdf: maxDifference(law.cdf, finer.cdf).error,
    selfConvergencePdf: maxDifference(law.pdf, finer.pdf).error,
  };
  if (beta === 1 || beta === 2 || beta === 4) {
    const m = tracyWidomMoments(beta);
    row.cdfVsFredholm = maxDifference(law.cdf, (x) => tracyWidomCdf(x, beta)).error;
    row.pdfVsFredholm = maxDifference(law.pdf, (x) => tracyWidomPdf(x, beta)).error;
    row.meanVsFredholm = law.mean - m.mean;
    row.varianceVsFredholm = law.variance - m.variance;
  }
  general.push(row);
}

console.log(JSON.stringify({ generator: "docs/tracy-widom/accuracy.ts", tails, general }, null, 2));
