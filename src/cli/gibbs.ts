/** `betaens gibbs --potential "…" --n N …`: the Gibbs sampler on Jacobi matrices (docs/conventions.md). */
import { gibbsEdgeRescaling } from "../driver/kernels.js";
import { checkGibbsRun, type GibbsRunResult, type GibbsStat } from "../gibbs/run.js";
import { defaultSpectralInterval, type GibbsInitial } from "../gibbs/sampler.js";
import { writeFileAtomic } from "../io/atomicWrite.js";
import { histogramSvg } from "../plot/histogram.js";
import { lineChartSvg } from "../plot/lineChart.js";
import { parseCoefficientList } from "../potentials/coefficients.js";
import { parsePotential } from "../potentials/parse.js";
import type { GibbsJob, UniformBins } from "../spec/job.js";
import { shardRange } from "../spec/shard.js";
import { equilibriumMeasure } from "../theory/equilibrium.js";
import { tracyWidomPdf } from "../theory/tracyWidom.js";
import {
  unitaryCuts,
  unitaryEnsemble,
  unitaryExpectedCount,
  unitaryLargestEigenvaluePdf,
} from "../theory/unitaryEnsemble.js";
import { uniformEdges } from "../tridiagonal/histogram.js";
import {
  flagString,
  parseChoice,
  parseFlags,
  parseInteger,
  parseNumber,
  parseNumberList,
} from "./args.js";
import { UsageError } from "./errors.js";
import { LAW_MAX_N } from "./law.js";
import { chooseFormat, chooseSeed } from "./output.js";
import { executeJob, parseScaleFlags, SCALE_FLAGS, SCALE_USAGE } from "./scale.js";

export const GIBBS_USAGE = `usage: betaens gibbs --potential "x^4/4 - x^2" | --coeffs g0,g1,…,gd --n N [--beta B]
        [--passes P] [--samples S] [--seed K] [--initial zero|hermite] [--record P1,P2,…]
        [--stat eigenvalues|max|histogram|trace] [--bins B --range LO,HI] [--scaling none|edge]
        [--spectral K] [--format json|csv|npy] [--output FILE] [--plot FILE.svg]
  Samples |Δ(x)|^β Π exp(−(βN/2)·V(x_i)) by the Gibbs sampler on the Jacobi coefficients (a, b):
  S independent chains of P passes (default 10), chain s uses random stream (seed, s).
  --spectral K: an exact spectral move (eigenvalue Metropolis–Hastings + fresh Dirichlet weights)
  after every K passes; default max(1, ceil(N/500)) for β ≥ 0.1, 0 = off (the plain sweep).
  With --samples ≥ 4 and --passes ≥ 8: split-R̂ and ESS of λ_max over the second half of the
  passes ("diagnostics"); for a multi-cut V the points in each cut ("cuts"), on stderr too.
  --record P1,P2,… (with --stat eigenvalues, JSON only) also outputs "recordedPasses" and
  "recorded": [chain][k] = the eigenvalues after pass P_k.
${SCALE_USAGE}`;

const FLAGS = [
  "potential",
  "coeffs",
  "n",
  "beta",
  "passes",
  "samples",
  "seed",
  "initial",
  "record",
  "stat",
  "bins",
  "range",
  "scaling",
  "spectral",
  "format",
  "output",
  "plot",
  ...SCALE_FLAGS,
] as const;

export interface GibbsCliResult extends GibbsRunResult {
  scaling?: { kind: "edge"; bV: number; cV: number };
  /** Multi-cut V: the points in each cut (final states) against the reference masses. */
  cuts?: CutSummary[];
}

/** Runs `betaens gibbs`. */
export function gibbsCommand(argv: string[]): void | Promise<void> {
  const { values, positionals } = parseFlags(argv, FLAGS);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const potentialText = flagString(values, "potential");
  const coeffsText = flagString(values, "coeffs");
  if ((potentialText === undefined) === (coeffsText === undefined)) {
    throw new UsageError('give exactly one of --potential "…" or --coeffs g0,g1,…');
  }
  const coeffs =
    potentialText !== undefined
      ? parsePotential(potentialText)
      : parseCoefficientList(coeffsText ?? "");
  const nText = flagString(values, "n");
  if (nText === undefined) throw new UsageError("--n is required");
  const n = parseInteger("n", nText, 1);
  const betaText = flagString(values, "beta");
  const beta = betaText === undefined ? 2 : parseNumber("beta", betaText);
  if (!(beta > 0)) throw new UsageError(`--beta must be > 0 for the Gibbs sampler, got ${beta}`);
  const passesText = flagString(values, "passes");
  const passes = passesText === undefined ? 10 : parseInteger("passes", passesText, 1);
  const samplesText = flagString(values, "samples");
  const samples = samplesText === undefined ? 1 : parseInteger("samples", samplesText, 1);
  const seed = chooseSeed(flagString(values, "seed"), (t) => parseInteger("seed", t, 0));
  const stat = parseChoice<GibbsStat>(
    "stat",
    flagString(values, "stat"),
    ["eigenvalues", "max", "histogram", "trace"],
    "eigenvalues",
  );
  const initial = parseChoice<GibbsInitial>(
    "initial",
    flagString(values, "initial"),
    ["zero", "hermite"],
    "zero",
  );
  const scaling = parseChoice("scaling", flagString(values, "scaling"), ["none", "edge"], "none");
  if (scaling === "edge" && stat !== "max" && stat !== "trace") {
    throw new UsageError("--scaling edge applies to --stat max and --stat trace");
  }
  let edges: Float64Array | undefined;
  let histogram: UniformBins | undefined;
  const binsText = flagString(values, "bins");
  const rangeText = flagString(values, "range");
  if (stat === "histogram") {
    const bins = binsText === undefined ? 100 : parseInteger("bins", binsText, 1);
    let range: [number, number];
    if (rangeText === undefined) {
      const [lo, hi] = equilibriumMeasure(coeffs).support;
      const margin = 0.05 * (hi - lo);
      range = [lo - margin, hi + margin];
    } else {
      const parts = parseNumberList("range", rangeText);
      if (parts.length !== 2 || !(parts[1] > parts[0])) {
        throw new UsageError(`--range must be LO,HI with LO < HI, got "${rangeText}"`);
      }
      range = [parts[0], parts[1]];
    }
    edges = uniformEdges(range[0], range[1], bins);
    histogram = { lo: range[0], hi: range[1], bins };
  } else if (binsText !== undefined || rangeText !== undefined) {
    throw new UsageError("--bins and --range apply only to --stat histogram");
  }
  const output = flagString(values, "output");
  const formatText = flagString(values, "format");
  const format = chooseFormat(formatText, output);
  const plot = flagString(values, "plot");
  if (plot !== undefined && !plot.toLowerCase().endsWith(".svg")) {
    throw new UsageError(`--plot must name an .svg file, got "${plot}"`);
  }
  const recordText = flagString(values, "record");
  const recordPasses =
    recordText === undefined
      ? undefined
      : parseNumberList("record", recordText).map((p) => {
          if (!Number.isInteger(p)) throw new UsageError(`--record takes pass numbers, got ${p}`);
          return p;
        });
  if (recordPasses && format !== "json") {
    throw new UsageError("--record output needs --format json (rows of different shape)");
  }
  const spectralText = flagString(values, "spectral");
  const spectralEvery =
    spectralText === undefined
      ? defaultSpectralInterval(n, beta)
      : parseInteger("spectral", spectralText, 0);
  const cutInfo = n >= 2 ? multiCut(coeffs, n, beta) : undefined;
  const options = {
    coeffs,
    n,
    beta,
    passes,
    samples,
    seed,
    stat,
    initial,
    edges,
    recordPasses,
    spectralEvery,
    cutPoints: cutInfo?.splits,
  };
  checkGibbsRun(options);
  if (scaling === "edge") gibbsEdgeRescaling(coeffs, n);
  const scale = parseScaleFlags(values, {
    seedGiven: flagString(values, "seed") !== undefined,
    output,
    plot,
    format: formatText,
  });
  // The cost this process takes on: its shard's chains (the whole run is split).
  const mine = scale.shard ? shardRange({ first: 0, count: samples }, scale.shard).count : samples;
  // Work estimate in units of ≈ 1e-8 s: passes · N conditional draws per chain at ≈ 7 µs each
  // (measured, x⁴/4), ≈ 3N² per spectral move (bench/gibbs.ts), plus the O(N²) eigenvalues.
  // Refuse runs beyond ≈ 30 minutes.
  const moves = spectralEvery > 0 ? Math.floor(passes / spectralEvery) : 0;
  const operations =
    mine * (passes * n * 700 + moves * 3 * n * n + (stat === "eigenvalues" ? n * n : 0));
  if (operations > 2e11) {
    throw new RangeError(
      `this run would take about ${Math.round(operations / 1e8 / 60)} minutes; reduce --samples, --passes or --n`,
    );
  }
  const job: GibbsJob = {
    task: "gibbs",
    coeffs: Array.from(coeffs),
    n,
    beta,
    passes,
    initial,
    stat,
    seed,
    first: 0,
    count: samples,
    histogram,
    scaling,
    record: recordPasses,
    summary: "values",
    spectralEvery,
    diagnostics: "auto",
    cutPoints: cutInfo ? Array.from(cutInfo.splits) : undefined,
  };
  const done = executeJob(job, {
    scale,
    format,
    output,
    keep: plot !== undefined,
    label: "gibbs chains",
    operations,
    finish: gibbsFinish(job, cutInfo),
  });
  const drawPlot = (result: Record<string, unknown> | undefined) => {
    if (plot !== undefined && result) {
      writeFileAtomic(plot, gibbsPlotSvg(result as unknown as GibbsCliResult, coeffs));
    }
  };
  return done instanceof Promise ? done.then(drawPlot) : drawPlot(done);
}

/**
 * What `betaens gibbs` (and `betaens merge` of its shards) does with the whole run's output
 * before writing it: the per-cut summary (added to the JSON) and the diagnostics, on stderr.
 */
export function gibbsFinish(
  job: GibbsJob,
  cuts?: CutInfo,
): (output: Record<string, unknown>) => void {
  return (output) => {
    const result = output as unknown as GibbsCliResult;
    const info =
      cuts ??
      (job.cutPoints ? multiCut(Float64Array.from(job.coeffs), job.n, job.beta) : undefined);
    if (info && result.cutCounts) result.cuts = cutReport(info, result.cutCounts);
    reportDiagnostics(result, job.count);
  };
}

/** The cuts of a multi-cut V and their reference masses (undefined for a one-cut V). */
interface CutInfo {
  splits: Float64Array;
  intervals: [number, number][];
  /** N·μ_V(cut) when μ_V is known in closed form (symmetric quartic two-cut), else null. */
  equilibrium: (number | null)[];
  /** E[#points in the cut] of the exact β = 2 law at this N (β = 2 only), else null. */
  exactMean: (number | null)[];
}

/**
 * Locates the cuts of V from the β = 2 one-point density at min(N, 200) points (a gap is where it
 * falls below 1e−4 of its maximum; gaps do not depend on β), with the reference masses.
 */
function multiCut(coeffs: Float64Array, n: number, beta: number): CutInfo | undefined {
  const pilot = unitaryEnsemble(coeffs, Math.min(n, 200));
  const { cuts, splits } = unitaryCuts(pilot);
  if (cuts.length < 2) return undefined;
  const edges = [Number.NEGATIVE_INFINITY, ...splits, Number.POSITIVE_INFINITY];
  let equilibrium: (number | null)[] = cuts.map(() => null);
  try {
    const measure = equilibriumMeasure(coeffs);
    if (measure.kind === "two-cut" && cuts.length === 2) {
      equilibrium = cuts.map((_, k) => {
        const lo = k === 0 ? 0 : measure.cdf(edges[k]);
        const hi = k === cuts.length - 1 ? 1 : measure.cdf(edges[k + 1]);
        return n * (hi - lo);
      });
    }
  } catch {
    // No closed form for this multi-cut potential: no equilibrium masses.
  }
  let exactMean: (number | null)[] = cuts.map(() => null);
  if (beta === 2 && n <= LAW_MAX_N) {
    const ens = n === pilot.n ? pilot : unitaryEnsemble(coeffs, n);
    exactMean = cuts.map((_, k) => unitaryExpectedCount(ens, edges[k], edges[k + 1]));
  }
  return { splits: Float64Array.from(splits), intervals: cuts, equilibrium, exactMean };
}

/** Per-cut summary of the final states (mean and sd of the counts over chains), also on stderr. */
function cutReport(info: CutInfo, counts: number[][]): CutSummary[] {
  return info.intervals.map((interval, k) => {
    const c = counts.map((row) => row[k]);
    const mean = c.reduce((a, b) => a + b, 0) / c.length;
    const sd =
      c.length > 1 ? Math.sqrt(c.reduce((a, b) => a + (b - mean) ** 2, 0) / (c.length - 1)) : 0;
    const summary: CutSummary = {
      interval,
      meanCount: mean,
      sdCount: sd,
      equilibriumCount: info.equilibrium[k],
      exactMeanCount: info.exactMean[k],
    };
    const refs = [
      summary.equilibriumCount !== null ? `N·μ_V ${summary.equilibriumCount.toFixed(2)}` : "",
      summary.exactMeanCount !== null
        ? `exact β = 2 mean ${summary.exactMeanCount.toFixed(3)}`
        : "",
    ].filter((t) => t);
    process.stderr.write(
      `betaens: gibbs: cut ${k + 1} [${interval[0].toFixed(3)}, ${interval[1].toFixed(3)}]: ${mean.toFixed(3)} ± ${sd.toFixed(3)} points${refs.length ? ` (${refs.join(", ")})` : ""}\n`,
    );
    return summary;
  });
}

export interface CutSummary {
  interval: [number, number];
  meanCount: number;
  sdCount: number;
  equilibriumCount: number | null;
  exactMeanCount: number | null;
}

/** R̂ and ESS on stderr; a warning when R̂ > 1.01 (Vehtari et al. 2021). */
function reportDiagnostics(result: GibbsCliResult, chains: number): void {
  const d = result.diagnostics;
  if (!d) return;
  process.stderr.write(
    `betaens: gibbs: λ_max over passes ${d.firstPass}–${d.lastPass}${chains ? ` of ${chains} chains` : ""}: split-R̂ ${d.rhat.toFixed(4)}, ESS bulk ${Math.round(d.essBulk)}, tail ${Math.round(d.essTail)}\n`,
  );
  if (d.rhat > 1.01) {
    process.stderr.write(
      `betaens: warning: split-R̂ = ${d.rhat.toFixed(3)} > 1.01: the chains have not converged; increase --passes\n`,
    );
  }
}

/**
 * f tabulated at 121 points over the range of `values` widened by half its width on each side,
 * linearly interpolated (0 outside): a plot needs a smooth curve, not 600 Fredholm determinants.
 */
function tabulated(f: (x: number) => number, values: Float64Array): (x: number) => number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const pad = 0.5 * Math.max(hi - lo, 1e-9);
  lo -= pad;
  hi += pad;
  const count = 121;
  const step = (hi - lo) / (count - 1);
  const table = Float64Array.from({ length: count }, (_, i) => f(lo + i * step));
  return (x: number) => {
    const t = (x - lo) / step;
    if (!(t >= 0 && t <= count - 1)) return 0;
    const i = Math.min(Math.floor(t), count - 2);
    return table[i] + (t - i) * (table[i + 1] - table[i]);
  };
}

/** V as a short title text: coefficients to 4 significant digits, highest degree first. */
function compactPotential(coeffs: Float64Array): string {
  const terms: string[] = [];
  for (let k = coeffs.length - 1; k >= 0; k--) {
    const c = coeffs[k];
    if (c === 0) continue;
    const magnitude = Number(Math.abs(c).toPrecision(4));
    const power = k === 0 ? "" : k === 1 ? "x" : `x^${k}`;
    const body = k === 0 ? `${magnitude}` : magnitude === 1 ? power : `${magnitude}${power}`;
    terms.push(`${c < 0 ? "−" : terms.length > 0 ? "+" : ""}${terms.length > 0 ? " " : ""}${body}`);
  }
  return terms.join(" ").replace(/^− /, "−") || "0";
}

/** The figure of `betaens gibbs --plot`: points against μ_V, λ_max against TW, or the trace. */
export function gibbsPlotSvg(result: GibbsCliResult, coeffs: Float64Array): string {
  const chains = Array.isArray(result.samples)
    ? result.samples.length
    : (result.samples?.length ?? result.recorded?.length);
  const head = `Gibbs, V(x) = ${compactPotential(coeffs)}, β = ${result.beta}, N = ${result.n}, ${result.passes} passes${chains ? `, ${chains} chains` : ""}`;
  const tw = result.beta === 1 || result.beta === 2 || result.beta === 4 ? result.beta : undefined;
  if (result.stat === "trace") {
    const rows = result.samples as Float64Array[];
    const shown = rows.slice(0, 20);
    return lineChartSvg({
      series: shown.map((row, i) => ({
        label: `chain ${i}`,
        x: Array.from(row, (_, p) => p + 1),
        y: row,
      })),
      title: `${head}${rows.length > shown.length ? ` (first ${shown.length} shown)` : ""}`,
      xLabel: "pass",
      yLabel: result.scaling ? "N^(2/3) c_V (λ_max − b_V)" : "λ_max",
      width: 900,
    });
  }
  if (result.stat === "max") {
    const values = result.samples as Float64Array;
    const scaled = result.scaling !== undefined;
    let density: ((x: number) => number) | undefined;
    let densityLabel: string | undefined;
    if (result.beta === 2 && result.n <= LAW_MAX_N) {
      // The exact finite-N law (β = 2), tabulated and interpolated (one Fredholm determinant per node).
      const ens = unitaryEnsemble(coeffs, result.n);
      const map = result.scaling
        ? { shift: result.scaling.bV, scale: result.n ** (2 / 3) * result.scaling.cV }
        : { shift: 0, scale: 1 };
      density = tabulated(
        (x) => unitaryLargestEigenvaluePdf(ens, map.shift + x / map.scale) / map.scale,
        values,
      );
      densityLabel = `exact, N = ${result.n}`;
    } else if (scaled && tw) {
      density = (x: number) => tracyWidomPdf(x, tw);
      densityLabel = `Tracy–Widom TW_${tw}`;
    }
    return histogramSvg({
      values,
      title: head,
      xLabel: scaled ? "N^(2/3) c_V (λ_max − b_V)" : "λ_max",
      density,
      densityLabel,
      width: 820,
    });
  }
  let density: ((x: number) => number) | undefined;
  let label: string | undefined;
  try {
    const measure = equilibriumMeasure(coeffs);
    density = (x: number) => measure.density(x);
    label = `equilibrium measure μ_V (${measure.kind})`;
  } catch {
    density = undefined;
  }
  if (result.stat === "histogram") {
    return histogramSvg({
      counts: { edges: result.edges as Float64Array, counts: result.counts as Float64Array },
      title: head,
      xLabel: "x",
      density,
      densityLabel: label,
      width: 820,
    });
  }
  const rows = result.samples as Float64Array[];
  const pooled = Float64Array.from(rows.flatMap((r) => Array.from(r)));
  return histogramSvg({
    values: pooled,
    title: head,
    xLabel: "x",
    density,
    densityLabel: label,
    width: 820,
  });
}
