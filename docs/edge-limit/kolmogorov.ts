/**
 * Kolmogorov distance between the exact law of the rescaled largest eigenvalue of the N-point GUE
 * (β = 2 Hermite ensemble, loc 0, scale 1) and Tracy–Widom F₂:
 *   d(N) = sup_s |F_N(2√N + N^{−1/6}s) − F₂(s)|,
 * F_N from gueLargestEigenvalueCdf (Fredholm determinant of the Hermite kernel, Bornemann's
 * Nyström method), F₂ from tracyWidomCdf. Also: the mean and variance of the rescaled λ_max
 * (from ∫(F₂ − F_N) ds and ∫2s(F₂ − F_N) ds), a power-law fit d ≈ C·N^{−p}, and the constant
 * C∞ = sup_s |E(s)| of the leading correction F_N − F₂ ≈ N^{−2/3}E(s), E = s²F₂′/20 − 3F₂″/40.
 * Writes docs/edge-limit/kolmogorov.json and prints a table.
 * Usage (from the repository root): node --import tsx docs/edge-limit/kolmogorov.ts
 */
import { writeFileSync } from "node:fs";
import { gaussLegendre } from "../../src/special/gaussLegendre.js";
import { edgeScaling } from "../../src/theory/edgeScaling.js";
import { gueLargestEigenvalueCdf } from "../../src/theory/hermiteLargestEigenvalueCdf.js";
import { tracyWidomCdf, tracyWidomPdf } from "../../src/theory/tracyWidom.js";

const SIZES = [2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6];
/** The grid of s: [−8, 6], step 0.01 up to N = 1e4 and 0.05 beyond (then refined). */
const S_MIN = -8;
const S_MAX = 6;
/** TW₂ mean and variance (docs/conventions.md). */
const TW_MEAN = -1.771086807411601;
const TW_VARIANCE = 0.813194792833;

/** Maximiser of a unimodal g on [a, b] by golden-section search (Kiefer 1953), to 1e−9. */
function goldenMax(g: (s: number) => number, a: number, b: number): { s: number; value: number } {
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let gc = g(c);
  let gd = g(d);
  while (b - a > 1e-9) {
    if (gc > gd) {
      b = d;
      d = c;
      gd = gc;
      c = b - r * (b - a);
      gc = g(c);
    } else {
      a = c;
      c = d;
      gc = gd;
      d = a + r * (b - a);
      gd = g(d);
    }
  }
  return gc > gd ? { s: c, value: gc } : { s: d, value: gd };
}

/** ∫_{−10}^{8} g(s) ds by 9 Gauss–Legendre panels of width 2, 16 nodes each. */
function integrate(g: (s: number) => number): number {
  const { nodes, weights } = gaussLegendre(16);
  let sum = 0;
  for (let left = -10; left < 8; left += 2) {
    for (let i = 0; i < 16; i++) sum += weights[i] * g(left + 1 + nodes[i]);
  }
  return sum;
}

/** F₂″ = f₂′ by the five-point central difference of the density (step 0.01, error ~1e−10). */
function tracyWidomPdfDerivative(s: number): number {
  const h = 0.01;
  const f = (t: number) => tracyWidomPdf(t, 2);
  return (f(s - 2 * h) - 8 * f(s - h) + 8 * f(s + h) - f(s + 2 * h)) / (12 * h);
}

/** The leading correction E(s) = s²F₂′(s)/20 − 3F₂″(s)/40 (identified numerically here). */
function correction(s: number): number {
  return (s * s * tracyWidomPdf(s, 2)) / 20 - (3 * tracyWidomPdfDerivative(s)) / 40;
}

interface Row {
  n: number;
  center: number;
  scale: number;
  /** sup_s |F_N − F₂| and where it is attained. */
  d: number;
  argmax: number;
  /** max_s (F_N − F₂) and min_s (F_N − F₂) on the grid. */
  maxDifference: number;
  minDifference: number;
  /** d·N^{2/3}. */
  scaledD: number;
  /** E[s_N] − E[TW₂] = ∫(F₂ − F_N) ds and the mean, variance of s_N = (λ_max − center)/scale. */
  meanShift: number;
  mean: number;
  variance: number;
  gridStep: number;
  seconds: number;
}

const rows: Row[] = [];
const started = performance.now();
console.log(
  "      N        d(N)     argmax   d·N^(2/3)   max(F_N−F₂)  min(F_N−F₂)   mean shift  mean s_N   var s_N    time",
);
for (const n of SIZES) {
  const t0 = performance.now();
  const { center, scale } = edgeScaling("hermite", n, 2);
  const difference = (s: number) =>
    gueLargestEigenvalueCdf(center + scale * s, n) - tracyWidomCdf(s, 2);
  const step = n <= 1e4 ? 0.01 : 0.05;
  const count = Math.round((S_MAX - S_MIN) / step);
  let best = 0;
  let bestIndex = 0;
  let maxDifference = Number.NEGATIVE_INFINITY;
  let minDifference = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= count; i++) {
    const v = difference(S_MIN + i * step);
    maxDifference = Math.max(maxDifference, v);
    minDifference = Math.min(minDifference, v);
    if (Math.abs(v) > best) {
      best = Math.abs(v);
      bestIndex = i;
    }
  }
  const sGrid = S_MIN + bestIndex * step;
  const refined = goldenMax((s) => Math.abs(difference(s)), sGrid - step, sGrid + step);
  const d = Math.max(best, refined.value);
  const argmax = refined.value >= best ? refined.s : sGrid;
  const signed = difference(argmax);
  maxDifference = Math.max(maxDifference, signed);
  minDifference = Math.min(minDifference, signed);
  // E[S] = ∫_0^∞ (1 − F) − ∫_{−∞}^0 F and E[S²] = ∫ 2s(1{s>0} − F) ds, so the differences to
  // TW₂ are ∫(F₂ − F_N) ds and ∫2s(F₂ − F_N) ds (integrands negligible outside [−10, 8]).
  const meanShift = integrate((s) => -difference(s));
  const secondShift = integrate((s) => -2 * s * difference(s));
  const mean = TW_MEAN + meanShift;
  const variance = TW_VARIANCE + TW_MEAN * TW_MEAN + secondShift - mean * mean;
  const seconds = (performance.now() - t0) / 1000;
  const scaledD = d * n ** (2 / 3);
  rows.push({
    n,
    center,
    scale,
    d,
    argmax,
    maxDifference,
    minDifference,
    scaledD,
    meanShift,
    mean,
    variance,
    gridStep: step,
    seconds,
  });
  console.log(
    `${String(n).padStart(8)}  ${d.toExponential(4)}  ${argmax.toFixed(4).padStart(8)}  ${scaledD.toFixed(6)}  ${maxDifference.toExponential(3).padStart(11)}  ${minDifference.toExponential(3).padStart(11)}  ${meanShift.toExponential(4).padStart(11)}  ${mean.toFixed(6)}  ${variance.toFixed(6)}  ${seconds.toFixed(1).padStart(5)}s`,
  );
}

// Power-law fit log d = log C − p log N, least squares over the largest sizes (N ≥ 1e4).
const fitRows = rows.filter((r) => r.n >= 1e4);
const xs = fitRows.map((r) => Math.log(r.n));
const ys = fitRows.map((r) => Math.log(r.d));
const xMean = xs.reduce((a, b) => a + b, 0) / xs.length;
const yMean = ys.reduce((a, b) => a + b, 0) / ys.length;
let sxy = 0;
let sxx = 0;
for (let i = 0; i < xs.length; i++) {
  sxy += (xs[i] - xMean) * (ys[i] - yMean);
  sxx += (xs[i] - xMean) ** 2;
}
const p = -sxy / sxx;
const fitC = Math.exp(yMean + p * xMean);
// Local exponents between consecutive sizes.
const localExponents = rows.slice(1).map((r, i) => ({
  from: rows[i].n,
  to: r.n,
  p: -Math.log(r.d / rows[i].d) / Math.log(r.n / rows[i].n),
}));

// The limit constant C∞ = sup |E| and the next-order coefficient D in d ≈ C∞N^{−2/3} + D·N^{−4/3}.
let eBest = 0;
let eArg = 0;
for (let s = -8; s <= 6; s += 0.01) {
  const v = Math.abs(correction(s));
  if (v > eBest) {
    eBest = v;
    eArg = s;
  }
}
const eRefined = goldenMax((s) => Math.abs(correction(s)), eArg - 0.01, eArg + 0.01);
const cInfinity = eRefined.value;
const nextOrder = rows
  .filter((r) => r.n >= 1e3)
  .map((r) => ({ n: r.n, D: (r.d - cInfinity * r.n ** (-2 / 3)) * r.n ** (4 / 3) }));
// Mean shift: E[s_N] − E[TW₂] ≈ −N^{−2/3}∫E = −N^{−2/3}E[TW₂²]/20 (∫F₂″ = 0).
const meanShiftConstant = -(TW_VARIANCE + TW_MEAN * TW_MEAN) / 20;

const extrapolation = [1e6, 1e9, 1e12].map((n) => ({
  n,
  dFit: fitC * n ** -p,
  dLeadingTerm: cInfinity * n ** (-2 / 3),
  meanShift: meanShiftConstant * n ** (-2 / 3),
}));

const totalSeconds = (performance.now() - started) / 1000;
console.log(`\nfit over N >= 1e4: d(N) ≈ C·N^(−p), C = ${fitC.toFixed(6)}, p = ${p.toFixed(6)}`);
console.log(
  `leading correction E(s) = s²F₂′/20 − 3F₂″/40: C∞ = sup|E| = ${cInfinity.toFixed(7)} at s = ${eRefined.s.toFixed(4)}`,
);
console.log(
  `next order D(N) = (d − C∞N^(−2/3))·N^(4/3): ${nextOrder.map((r) => `${r.n}: ${r.D.toFixed(4)}`).join(", ")}`,
);
console.log(`mean shift constant −E[TW₂²]/20 = ${meanShiftConstant.toFixed(6)}`);
for (const e of extrapolation) {
  console.log(
    `N = ${e.n.toExponential(0)}: d ≈ ${e.dFit.toExponential(3)} (fit), ${e.dLeadingTerm.toExponential(3)} (C∞·N^(−2/3)); mean shift ≈ ${e.meanShift.toExponential(3)}`,
  );
}
console.log(`total ${totalSeconds.toFixed(1)} s`);

writeFileSync(
  new URL("./kolmogorov.json", import.meta.url),
  `${JSON.stringify(
    {
      description:
        "Kolmogorov distance d(N) = sup_s |F_N(2√N + N^(−1/6)s) − F₂(s)| between the exact law of the rescaled largest eigenvalue of the N-point GUE (density ∝ Δ² Π e^(−x²/2)) and Tracy–Widom F₂; see README.md",
      generator: "node --import tsx docs/edge-limit/kolmogorov.ts",
      grid: {
        sMin: S_MIN,
        sMax: S_MAX,
        step: "0.01 (N ≤ 1e4), 0.05 (N > 1e4), then golden-section refinement",
      },
      tracyWidom: { mean: TW_MEAN, variance: TW_VARIANCE },
      rows,
      fit: { over: "N >= 1e4", C: fitC, p },
      localExponents,
      leadingCorrection: {
        formula: "F_N(2√N + N^(−1/6)s) − F₂(s) ≈ N^(−2/3)·(s²F₂′(s)/20 − 3F₂″(s)/40)",
        cInfinity,
        argmax: eRefined.s,
        nextOrder,
        meanShiftConstant,
      },
      extrapolation,
      totalSeconds,
    },
    null,
    2,
  )}\n`,
);
