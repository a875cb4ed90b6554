/**
 * `betaens law lmax|density|count --potential "…" --n N …`: the exact finite-N laws of the β = 2
 * ensemble ∝ Δ(x)² Π exp(−N·V(x_i)) (src/theory/unitaryEnsemble.ts): the law of λ_max (cdf, pdf,
 * quantiles, mean, sd), the one-point density ρ_N and the law of the number of points in an
 * interval (or in each cut). The reference for every Gibbs run at β = 2.
 */
import { type BudgetLimit, checkBudget } from "../budget.js";
import { lineChartSvg } from "../plot/lineChart.js";
import { potentialLabel } from "../plot/potentialLabel.js";
import { parseCoefficientList } from "../potentials/coefficients.js";
import { parsePotential } from "../potentials/parse.js";
import {
  type UnitaryEnsemble,
  unitaryCountLaw,
  unitaryCuts,
  unitaryDensity,
  unitaryEnsemble,
  unitaryExpectedCount,
  unitaryLargestEigenvalueCdf,
  unitaryLargestEigenvalueLaw,
  unitaryLargestEigenvaluePdf,
} from "../theory/unitaryEnsemble.js";
import { VERSION } from "../version.js";
import {
  type FlagValues,
  flagString,
  parseFlags,
  parseInteger,
  parseNumber,
  parseNumberList,
  quote,
} from "./args.js";
import { UsageError } from "./errors.js";
import { planRunOutputs, textBytesOf, writeRunOutputs } from "./output.js";

export const LAW_USAGE = `usage: betaens law lmax    --potential "x^4/4 - 2*x^2" | --coeffs g0,…,gd --n N [--x X1,…] [--p P1,…]
       betaens law density --potential … --n N [--x X1,…]
       betaens law count   --potential … --n N [--interval A,B]
  common: [--beta 2] [--format json|csv] [--output FILE] [--plot FILE.svg]
  The exact law of the β = 2 ensemble ∝ Δ(x)² Π exp(−N·V(x_i)) (orthogonal polynomials of e^(−NV),
  Christoffel–Darboux kernel, Fredholm determinants), N ≤ ${5000}:
  lmax     P(λ_max ≤ x) and its density at --x, quantiles at --p, mean and sd of λ_max;
  density  the one-point density ρ_N(x) = K_N(x, x)/N at --x (default: 201 points over the support);
  count    P(k points in (A, B)), k = 0..N, with mean and variance (default: each cut of V).
  csv: lmax/density rows "x,value…"; count rows "k,probability".
  Runs over 8 GiB of memory or ~30 minutes are refused up front (docs/conventions.md §6).`;

const SUBCOMMANDS = ["lmax", "density", "count"] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];
const FLAGS = [
  "potential",
  "coeffs",
  "n",
  "beta",
  "x",
  "p",
  "interval",
  "format",
  "output",
  "plot",
] as const;
const ALLOWED: Record<Subcommand, readonly string[]> = {
  lmax: ["potential", "coeffs", "n", "beta", "x", "p", "format", "output", "plot"],
  density: ["potential", "coeffs", "n", "beta", "x", "format", "output", "plot"],
  count: ["potential", "coeffs", "n", "beta", "interval", "format", "output"],
};
/** Largest N of the command (set-up O(N²), a count law O(N³)). */
export const LAW_MAX_N = 5000;
/** Largest Gram matrix of a count law (O(size³) eigenvalues). */
const MAX_GRAM = 3000;

/** The potential of --potential or --coeffs (exactly one). */
export function potentialFromFlags(values: Record<string, unknown>): Float64Array {
  const potentialText = flagString(values as never, "potential");
  const coeffsText = flagString(values as never, "coeffs");
  if ((potentialText === undefined) === (coeffsText === undefined)) {
    throw new UsageError('give exactly one of --potential "…" or --coeffs g0,g1,…');
  }
  return potentialText !== undefined
    ? parsePotential(potentialText)
    : parseCoefficientList(coeffsText ?? "");
}

/** Runs `betaens law …`; returns the JSON object written. */
export function lawCommand(argv: string[]): Record<string, unknown> {
  const { values, positionals } = parseFlags(argv, FLAGS, [], "law");
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? `missing subcommand: one of ${SUBCOMMANDS.join(", ")}`
        : `expected one subcommand, got ${positionals.join(" ")}`,
    );
  }
  const sub = positionals[0] as Subcommand;
  if (!(SUBCOMMANDS as readonly string[]).includes(sub)) {
    throw new UsageError(
      `unknown law subcommand ${quote(positionals[0])}; expected one of ${SUBCOMMANDS.join(", ")}`,
    );
  }
  for (const flag of FLAGS) {
    if (values[flag] !== undefined && !ALLOWED[sub].includes(flag)) {
      throw new UsageError(`--${flag} does not apply to law ${sub}`);
    }
  }
  const coeffs = potentialFromFlags(values);
  const nText = flagString(values, "n");
  if (nText === undefined) throw new UsageError("--n is required");
  const n = parseInteger("n", nText, 1);
  if (n > LAW_MAX_N) {
    throw new RangeError(
      `--n ${n} is above the exact law's limit ${LAW_MAX_N} (set-up time grows like N², a count law like N³)`,
    );
  }
  const betaText = flagString(values, "beta");
  if (betaText !== undefined && parseNumber("beta", betaText) !== 2) {
    throw new UsageError(
      `the exact finite-N law is implemented for β = 2 only (orthogonal polynomials), got --beta ${betaText}`,
    );
  }
  const outputs = planRunOutputs(values, { formats: ["json", "csv"] });
  const points = lawPoints(sub, values);
  checkBudget(
    {
      what: "this run",
      ...lawCost(sub, n, coeffs.length - 1, points, outputs.plot !== undefined),
      textBytes: textBytesOf(
        3 * (points.x + points.p) + (sub === "count" ? 2 * n : 0),
        outputs.format,
      ),
    },
    (limit) => lawAdvice(sub, limit),
  );
  const ens = unitaryEnsemble(coeffs, n);
  const head = {
    betaens: VERSION,
    command: "law",
    law: sub,
    potential: Array.from(coeffs),
    n,
    beta: 2,
    interval: ens.interval,
  };
  let json: Record<string, unknown>;
  let rows: number[][];
  if (sub === "lmax") {
    ({ json, rows } = lmaxResult(ens, values));
  } else if (sub === "density") {
    ({ json, rows } = densityResult(ens, values));
  } else {
    ({ json, rows } = countResult(ens, values));
  }
  const result = { ...head, ...json };
  writeRunOutputs(outputs, outputs.format === "json" ? result : { samples: rows }, () =>
    lawPlotSvg(ens, sub, coeffs),
  );
  return result;
}

/** The numbers of --x and --p values a run evaluates (defaults: none for lmax, 201 for density). */
function lawPoints(sub: Subcommand, values: FlagValues): { x: number; p: number } {
  const count = (flag: string) => {
    const text = flagString(values, flag);
    return text === undefined ? undefined : parseNumberList(flag, text).length;
  };
  const pText = flagString(values, "p");
  for (const v of pText === undefined ? [] : parseNumberList("p", pText)) {
    if (!(v > 0 && v < 1)) throw new UsageError(`--p must be in (0, 1), got ${v}`);
  }
  const intervalText = flagString(values, "interval");
  if (intervalText !== undefined) {
    const parts = parseNumberList("interval", intervalText);
    if (parts.length !== 2 || !(parts[1] > parts[0])) {
      throw new UsageError(`--interval must be A,B with A < B, got ${quote(intervalText)}`);
    }
  }
  return {
    x: count("x") ?? (sub === "density" ? 201 : 0),
    p: count("p") ?? 0,
  };
}

/**
 * Up-front cost of `betaens law` (measured on this machine, V of degree 4, bench/unitaryEnsemble.ts):
 * set-up ≈ 5e−7·N² s (0.7 s at N = 1000, 4.2 s at 3000); per λ_max point (CDF and density)
 * ≲ 2e−5·N s; per quantile ≈ 1.5e−4·N s; per density point ≈ 4e−7·N s; a count law
 * ≈ 1.5e−8·G³ s for its G×G Gram matrix (G ≤ min(N, 3000), 14 s at G = 1000), one per cut.
 * Memory: the Stieltjes nodes (≈ 20·N) and a few G×G matrices.
 */
function lawCost(
  sub: Subcommand,
  n: number,
  degree: number,
  points: { x: number; p: number },
  plot: boolean,
): { bytes: number; seconds: number } {
  let seconds = 5e-7 * n * n;
  let bytes = 8 * 200 * n;
  if (sub === "lmax") {
    seconds += n * (2e-5 * (points.x + (plot ? 161 : 0)) + 1.5e-4 * (points.p + (plot ? 2 : 0)));
  } else if (sub === "density") {
    seconds += 4e-7 * n * (points.x + (plot ? 401 : 0));
  } else {
    const gram = Math.min(n, MAX_GRAM);
    const laws = Math.max(1, Math.floor(degree / 2));
    seconds += laws * 1.5e-8 * gram ** 3;
    bytes += 8 * 4 * gram * gram;
  }
  return { bytes: bytes + 8 * 3 * (points.x + points.p), seconds };
}

function lawAdvice(sub: Subcommand, limit: BudgetLimit): string {
  if (limit === "text") return "use fewer --x or --p values";
  return sub === "count" ? "use a smaller --n" : "use fewer --x or --p values, or a smaller --n";
}

function lmaxResult(
  ens: UnitaryEnsemble,
  values: Record<string, unknown>,
): { json: Record<string, unknown>; rows: number[][] } {
  const law = unitaryLargestEigenvalueLaw(ens);
  const xText = flagString(values as never, "x");
  const pText = flagString(values as never, "p");
  const json: Record<string, unknown> = { mean: law.mean, sd: Math.sqrt(law.variance) };
  const rows: number[][] = [];
  if (xText !== undefined) {
    const x = parseNumberList("x", xText);
    const cdf = x.map((v) => unitaryLargestEigenvalueCdf(ens, v));
    const pdf = x.map((v) => unitaryLargestEigenvaluePdf(ens, v));
    Object.assign(json, { x, cdf, pdf });
    x.forEach((v, i) => {
      rows.push([v, cdf[i], pdf[i]]);
    });
  }
  if (pText !== undefined) {
    const p = parseNumberList("p", pText);
    for (const v of p) {
      if (!(v > 0 && v < 1)) throw new UsageError(`--p must be in (0, 1), got ${v}`);
    }
    const quantile = p.map((v) => law.quantile(v));
    Object.assign(json, { p, quantile });
    p.forEach((v, i) => {
      rows.push([quantile[i], v]);
    });
  }
  return { json, rows };
}

function densityResult(
  ens: UnitaryEnsemble,
  values: Record<string, unknown>,
): { json: Record<string, unknown>; rows: number[][] } {
  const xText = flagString(values as never, "x");
  const [lo, hi] = ens.interval;
  const x = xText !== undefined ? parseNumberList("x", xText) : grid(lo, hi, 201);
  const density = x.map((v) => unitaryDensity(ens, v));
  return { json: { x, density }, rows: x.map((v, i) => [v, density[i]]) };
}

function grid(lo: number, hi: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
}

function countResult(
  ens: UnitaryEnsemble,
  values: Record<string, unknown>,
): { json: Record<string, unknown>; rows: number[][] } {
  const text = flagString(values as never, "interval");
  let intervals: [number, number][];
  if (text !== undefined) {
    const parts = parseNumberList("interval", text);
    if (parts.length !== 2 || !(parts[1] > parts[0])) {
      throw new UsageError(`--interval must be A,B with A < B, got ${quote(text)}`);
    }
    intervals = [[parts[0], parts[1]]];
  } else {
    const { splits } = unitaryCuts(ens);
    const edges = [Number.NEGATIVE_INFINITY, ...splits, Number.POSITIVE_INFINITY];
    intervals = edges.slice(1).map((b, i) => [edges[i], b]);
  }
  const laws = intervals.map(([a, b]) => {
    const expected = unitaryExpectedCount(ens, a, b);
    if (Math.min(ens.n, 5 * expected + 40) > MAX_GRAM) {
      throw new RangeError(
        `the count law of about ${Math.round(expected)} points needs a ${Math.min(ens.n, Math.round(5 * expected + 40))}² eigenvalue problem (limit ${MAX_GRAM}²); take a smaller --interval or --n`,
      );
    }
    const p = unitaryCountLaw(ens, a, b);
    let mean = 0;
    for (let k = 0; k < p.length; k++) mean += k * p[k];
    let variance = 0;
    for (let k = 0; k < p.length; k++) variance += (k - mean) ** 2 * p[k];
    // Keep the support where the probability is visible (≥ 1e−16 of the mode's).
    let top = 0;
    for (let k = 0; k < p.length; k++) top = Math.max(top, p[k]);
    let first = 0;
    while (first < p.length - 1 && p[first] < 1e-16 * top) first++;
    let last = p.length - 1;
    while (last > first && p[last] < 1e-16 * top) last--;
    const k = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    return {
      interval: [a, b].map((v) => (Number.isFinite(v) ? v : null)),
      mean,
      variance,
      k,
      probability: Array.from(p.subarray(first, last + 1)),
    };
  });
  const rows = laws.flatMap((l) => l.k.map((k, i) => [k, l.probability[i]]));
  return { json: text !== undefined ? laws[0] : { cuts: laws }, rows };
}

/** λ_max density or ρ_N as a line chart. */
function lawPlotSvg(ens: UnitaryEnsemble, sub: Subcommand, coeffs: Float64Array): string {
  const title = `exact β = 2 law, V(x) = ${potentialLabel(coeffs)}, N = ${ens.n}`;
  if (sub === "density") {
    const x = grid(ens.interval[0], ens.interval[1], 401);
    return lineChartSvg({
      series: [{ label: "ρ_N", x, y: x.map((v) => unitaryDensity(ens, v)) }],
      title,
      xLabel: "x",
      yLabel: "one-point density ρ_N(x)",
      width: 820,
    });
  }
  const law = unitaryLargestEigenvalueLaw(ens);
  const lo = law.quantile(1e-6);
  const hi = law.quantile(1 - 1e-6);
  const x = grid(lo, hi, 161);
  return lineChartSvg({
    series: [
      { label: "density of λ_max", x, y: x.map((v) => unitaryLargestEigenvaluePdf(ens, v)) },
    ],
    title,
    xLabel: "λ_max",
    yLabel: "density",
    width: 820,
  });
}
