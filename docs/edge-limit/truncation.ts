/**
 * How many rows of the tridiagonal model carry λ_max: the evidence behind truncationSize
 * (src/ensembles/edge.ts; docs/edge-limit/truncation.md).
 *
 * For each case (Hermite, or Laguerre with one of three parameter sets; β; N) and each of S
 * samples, the FULL model is drawn (createRandomSource(seed, s, N)) and
 * - λ_N = largestEigenvalueCentred of all N rows, plain bisection of all rows (the reference,
 *   independent of the truncation and of its check), in the library's frame (bisectionFrame);
 * - the needed depth j* = the first row at which the Sturm pivot at λ_N − δ, δ = 1e−14·scale (or
 *   4 ulp of λ_N if larger), turns ≥ 0, i.e. the smallest K with λ_max(K) ≥ λ_N − δ (λ_max of the
 *   leading K×K block increases with K, Cauchy interlacing); reported as x* = j*·N^{−1/3};
 * - the production value: hermite/laguerreLargestEigenvalueTruncated with the same random stream,
 *   compared with center + λ_N ("mismatches"; the float sums are equal iff the λ − center are,
 *   up to differences below ulp(center), far below any path divergence of the bisection).
 * Per case: quantiles and maximum of x*, how often x* exceeds the bisected rows K₁ (the
 * re-bisection rate) and the drawn rows K (a mismatch), and a fit of the tail
 * log P(x* > x) = a − b·(x + s₀)^{3/2} (s₀ = median of (λ_N − center)/scale; fitted where
 * 10/S ≤ P ≤ 1e−2) extrapolated to P = 1e−12 ("x12"), next to c(β) = K/N^{1/3}. The theory
 * (stochastic Airy operator, right tail of TW_β) predicts b ≈ 2β/3; "bRatio" = b/(2β/3).
 *
 * Run: node --import tsx docs/edge-limit/truncation.ts hermite (writes truncation-hermite.json),
 * the same with laguerre (truncation-laguerre.json): ≈ 40 min each on one idle core. Then
 * node --import tsx docs/edge-limit/truncation.ts table   prints the Markdown table of truncation.md.
 * TRUNCATION_BETAS=0.3,1,2,3 (with hermite or laguerre) re-runs only those β and replaces their
 * rows in the JSON file (how the Hermite rows of β = 0.3 … 3 were redone after the last change of
 * c(β); truncation.md).
 */

import { readFileSync, writeFileSync } from "node:fs";
import {
  bisectionFrame,
  hermiteLargestEigenvalueTruncated,
  laguerreLargestEigenvalueTruncated,
  largestEigenvalueCentred,
  truncationSize,
} from "../../src/ensembles/edge.js";
import { hermiteTridiagonal } from "../../src/ensembles/hermite.js";
import { type LaguerreParams, laguerreTridiagonal } from "../../src/ensembles/laguerre.js";
import { createRandomSource } from "../../src/random/philox.js";
import { pivotMinimum } from "../../src/tridiagonal/sturm.js";

const SEED = 20260519;
/** TRUNCATION_SAMPLE_SCALE=0.01 for a quick smoke run (results not comparable). */
const SAMPLE_SCALE = Number(process.env.TRUNCATION_SAMPLE_SCALE ?? 1);
const ALL_BETAS = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 2, 3, 10, 100, 1000];
/** TRUNCATION_BETAS=0.3,1,2 re-runs those β only and replaces their rows in the JSON file. */
const BETAS = process.env.TRUNCATION_BETAS
  ? process.env.TRUNCATION_BETAS.split(",").map(Number)
  : ALL_BETAS;
const HERMITE_SIZES: [number, number][] = [
  [100, 30_000],
  [1000, 50_000],
  [10_000, 10_000],
  [100_000, 500],
  [1_000_000, 50],
];
/** Laguerre: fewer β and samples (the same scaling as Hermite; three parameter sets each). */
const LAGUERRE_BETAS = [0.001, 0.01, 0.1, 1, 10, 1000];
const LAGUERRE_SIZES: [number, number][] = [
  [1000, 10_000],
  [10_000, 2000],
  [100_000, 100],
];
type LaguerreSet = "shape 1" | "M = 4N" | "shape 0.01";
const LAGUERRE_SETS: LaguerreSet[] = ["shape 1", "M = 4N", "shape 0.01"];

function laguerreParams(set: LaguerreSet, n: number, beta: number): LaguerreParams {
  if (set === "shape 1") return { shape: 1, scale: 1 };
  if (set === "M = 4N") return { shape: (beta * (3 * n + 1)) / 2, scale: 2 };
  return { shape: 0.01, scale: 0.5 };
}

/** Index of the first pivot ≥ 0 of the Sturm recurrence at x (n if all are negative). */
function firstNonNegativePivot(
  d: Float64Array,
  b: Float64Array,
  x: number,
  pivmin: number,
): number {
  let q = d[0] - x;
  if (Math.abs(q) < pivmin) q = pivmin;
  if (!(q < 0)) return 0;
  for (let i = 1; i < d.length; i++) {
    q = d[i] - x - b[i - 1] / q;
    if (Math.abs(q) < pivmin) q = pivmin;
    if (!(q < 0)) return i;
  }
  return d.length;
}

/** Rows the library bisects (edge.ts bisectedRows): ⌈((24·16/β)^{1/3} + 10)·N^{1/3}⌉ + 10. */
function bisectedRows(n: number, beta: number, k: number): number {
  return Math.max(2, Math.min(k, Math.ceil((Math.cbrt(384 / beta) + 10) * Math.cbrt(n)) + 10));
}

/** Least-squares fit of log P(X > x) = a − b·(x + s0)^{3/2} on the tail 10/S ≤ P ≤ 1e−2. */
function tailFit(sorted: Float64Array, s0: number): { a: number; b: number; points: number } {
  const S = sorted.length;
  let n = 0;
  let su = 0;
  let sv = 0;
  let suu = 0;
  let suv = 0;
  for (let i = 0; i < S; i++) {
    const p = (S - i) / S; // P(X ≥ sorted[i]) with the empirical law
    if (p > 1e-2 || p < 10 / S) continue;
    if (i + 1 < S && sorted[i + 1] === sorted[i]) continue; // one point per distinct value
    const u = Math.max(sorted[i] + s0, 0) ** 1.5;
    const v = Math.log(p);
    n++;
    su += u;
    sv += v;
    suu += u * u;
    suv += u * v;
  }
  if (n < 5) return { a: Number.NaN, b: Number.NaN, points: n };
  const slope = (n * suv - su * sv) / (n * suu - su * su);
  return { a: (sv - slope * su) / n, b: -slope, points: n };
}

interface Row {
  ensemble: string;
  params?: LaguerreParams;
  set?: string;
  beta: number;
  n: number;
  samples: number;
  /** Drawn rows K and bisected rows K₁, in units of N^{1/3}. */
  c: number;
  c1: number;
  quantiles: Record<string, number>;
  max: number;
  /** Samples with x* > K₁ (re-bisected) and x* > K (truncation not exact). */
  overBisected: number;
  overDrawn: number;
  /** Samples whose production value differs from λ_N (bit for bit). */
  mismatches: number;
  fit: { a: number; b: number; points: number; bRatio: number; s0: number; x12: number };
  /** The 30 largest x*, with their s = (λ_N − center)/scale, to re-evaluate another c(β). */
  tail: [number, number][];
  seconds: number;
}

function runCase(
  ensemble: "hermite" | "laguerre",
  set: LaguerreSet | undefined,
  beta: number,
  n: number,
  samples: number,
): Row {
  const params = set ? laguerreParams(set, n, beta) : undefined;
  const { center, scale } = bisectionFrame(ensemble, n, beta, params);
  const cube = Math.cbrt(n);
  const k = truncationSize(n, beta);
  const k1 = bisectedRows(n, beta, k);
  const depth = new Float64Array(samples);
  const s = new Float64Array(samples);
  let overBisected = 0;
  let overDrawn = 0;
  let mismatches = 0;
  const t0 = performance.now();
  for (let i = 0; i < samples; i++) {
    const rng = () => createRandomSource(SEED, i, n);
    const t = params
      ? laguerreTridiagonal(rng(), n, beta, params)
      : hermiteTridiagonal(rng(), n, beta);
    const { diagonal: a, offDiagonalSquared: b } = t;
    const y = largestEigenvalueCentred(a, b, center, scale);
    const production = params
      ? laguerreLargestEigenvalueTruncated(rng(), n, beta, params)
      : hermiteLargestEigenvalueTruncated(rng(), n, beta);
    // The library clamps Laguerre values to [0, ∞) (support.ts).
    const reference = params ? Math.max(0, center + y) : center + y;
    if (production !== reference) mismatches++;
    const delta = Math.max(1e-14 * scale, 4 * 2 ** -52 * (Math.abs(center) + Math.abs(y)));
    const d = new Float64Array(n);
    for (let j = 0; j < n; j++) d[j] = a[j] - center;
    const j = firstNonNegativePivot(d, b, y - delta, pivotMinimum(b));
    depth[i] = (j + 1) / cube;
    s[i] = y / scale;
    if (j + 1 > k1) overBisected++;
    if (j + 1 > k) overDrawn++;
  }
  const seconds = (performance.now() - t0) / 1000;
  const sorted = depth.slice().sort();
  const quantile = (p: number) => sorted[Math.min(samples - 1, Math.floor(p * samples))];
  const quantiles: Record<string, number> = {};
  for (const p of [0.5, 0.99, 0.999, 0.9999])
    if (p * samples <= samples - 10) quantiles[p] = quantile(p);
  const s0 = s.slice().sort()[Math.floor(samples / 2)];
  const f = tailFit(sorted, s0);
  const x12 = ((f.a + 12 * Math.log(10)) / f.b) ** (2 / 3) - s0;
  const order = Array.from(depth.keys()).sort((i, j) => depth[j] - depth[i]);
  const tail = order.slice(0, 30).map((i): [number, number] => [depth[i], s[i]]);
  return {
    tail,
    ensemble,
    params,
    set,
    beta,
    n,
    samples,
    c: k / cube,
    c1: k1 / cube,
    quantiles,
    max: sorted[samples - 1],
    overBisected,
    overDrawn,
    mismatches,
    fit: { ...f, bRatio: f.b / ((2 * beta) / 3), s0, x12 },
    seconds,
  };
}

function line(r: Row): string {
  const q = Object.entries(r.quantiles)
    .map(([p, x]) => `q${p}=${x.toFixed(1)}`)
    .join(" ");
  const fit = Number.isFinite(r.fit.b)
    ? `fit b/(2β/3)=${r.fit.bRatio.toFixed(2)} x(1e-12)=${r.fit.x12.toFixed(1)}`
    : "fit -";
  return (
    `${r.ensemble}${r.set ? ` (${r.set})` : ""} β=${r.beta} N=${r.n} S=${r.samples}: ` +
    `K/N^⅓=${r.c.toFixed(1)} K1/N^⅓=${r.c1.toFixed(1)} ${q} max=${r.max.toFixed(1)} ` +
    `>K1: ${r.overBisected} >K: ${r.overDrawn} mismatches: ${r.mismatches} ${fit} s0=${r.fit.s0.toFixed(2)} ` +
    `(${r.seconds.toFixed(0)} s)`
  );
}

/** The Markdown table of truncation.md from the two JSON files. */
function table(): void {
  const rows: Row[] = [];
  for (const name of ["hermite", "laguerre"]) {
    const file = new URL(`./truncation-${name}.json`, import.meta.url);
    rows.push(...(JSON.parse(readFileSync(file, "utf8")).rows as Row[]));
  }
  console.log(
    "| ensemble | β | N | S | c = K/N^⅓ | K₁/N^⅓ | x*: median / q99 / q999 / max | > K₁ | > K | mismatches | b/(2β/3) | x₁₂ | P̂(x* > c) | P̂(x* > K₁) |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
  const f = (x: number | undefined) => (x === undefined ? "—" : x.toFixed(1));
  // The fitted tail exp(a − b(x + s₀)^{3/2}) at x (a power of ten, rounded down to a decade).
  const tail = (r: Row, x: number) => {
    const log10 = (r.fit.a - r.fit.b * Math.max(x + r.fit.s0, 0) ** 1.5) / Math.LN10;
    return log10 > -1 ? "—" : `1e${Math.ceil(log10)}`;
  };
  for (const r of rows) {
    const q = r.quantiles;
    // c of the current rule (rows run with an earlier rule are marked †: their "> K" and
    // "mismatches" are for that rule's K, which was smaller; x* does not depend on the rule).
    const c = truncationSize(r.n, r.beta) / Math.cbrt(r.n);
    const earlier = Math.abs(r.c - c) > 1e-3 * c ? "†" : "";
    const capped = c * Math.cbrt(r.n) >= r.n - 0.5; // K = N: x* ≤ N^{2/3}, no tail to fit
    const fit = !capped && r.fit.b !== null && Number.isFinite(r.fit.b);
    console.log(
      `| ${r.ensemble}${r.set ? ` (${r.set})` : ""} | ${r.beta} | ${r.n} | ${r.samples} | ` +
        `${capped ? "K = N" : c.toFixed(1)}${earlier} | ${r.c1.toFixed(1)} | ` +
        `${f(q["0.5"])} / ${f(q["0.99"])} / ${f(q["0.999"])} / ${f(r.max)} | ` +
        `${r.overBisected} | ${r.overDrawn} | ${r.mismatches} | ` +
        `${fit ? r.fit.bRatio.toFixed(2) : "—"} | ${fit ? r.fit.x12.toFixed(1) : "—"} | ` +
        `${fit ? tail(r, c) : "—"} | ${fit ? tail(r, r.c1) : "—"} |`,
    );
  }
}

const only = process.argv[2];
if (only === "table") {
  table();
  process.exit(0);
}
const rows: Row[] = [];
for (const beta of BETAS) {
  if (only !== "laguerre") {
    for (const [n, samples] of HERMITE_SIZES) {
      const r = runCase("hermite", undefined, beta, n, Math.ceil(samples * SAMPLE_SCALE));
      rows.push(r);
      console.log(line(r));
    }
  }
  if (only !== "hermite" && LAGUERRE_BETAS.includes(beta)) {
    for (const set of LAGUERRE_SETS) {
      for (const [n, samples] of LAGUERRE_SIZES) {
        const r = runCase("laguerre", set, beta, n, Math.ceil(samples * SAMPLE_SCALE));
        rows.push(r);
        console.log(line(r));
      }
    }
  }
}
/** One row per line, numbers to 5 significant digits. */
const round = (_key: string, v: unknown) =>
  typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(5)) : v;
const output = new URL(
  SAMPLE_SCALE === 1 ? `./truncation${only ? `-${only}` : ""}.json` : "/tmp/truncation-smoke.json",
  import.meta.url,
);
if (process.env.TRUNCATION_BETAS && SAMPLE_SCALE === 1) {
  // Replace the re-run cases in the existing file, keep the others and their order.
  const key = (r: Row) => `${r.ensemble}|${r.set ?? ""}|${r.beta}|${r.n}`;
  const fresh = new Map(rows.map((r) => [key(r), r]));
  const old = JSON.parse(readFileSync(output, "utf8")).rows as Row[];
  const merged = old.map((r) => fresh.get(key(r)) ?? r);
  for (const r of rows) if (!old.some((o) => key(o) === key(r))) merged.push(r);
  const setIndex = (r: Row) => LAGUERRE_SETS.indexOf(r.set as LaguerreSet);
  merged.sort((p, q) => p.beta - q.beta || setIndex(p) - setIndex(q) || p.n - q.n);
  rows.splice(0, rows.length, ...merged);
}
writeFileSync(
  output,
  `{"seed": ${SEED}, "rows": [\n${rows.map((r) => JSON.stringify(r, round)).join(",\n")}\n]}\n`,
);
