/** `betaens gibbs --potential "…" --n N …`: the Gibbs sampler on Jacobi matrices (docs/conventions.md). */

import { checkBudget } from "../budget.js";
import { gibbsEdgeRescaling } from "../driver/kernels.js";
import { checkGibbsRun, type GibbsRunResult, type GibbsStat } from "../gibbs/run.js";
import { defaultSpectralInterval, type GibbsInitial } from "../gibbs/sampler.js";
import { histogramSvg } from "../plot/histogram.js";
import { lineChartSvg } from "../plot/lineChart.js";
import { potentialLabel } from "../plot/potentialLabel.js";
import { parseCoefficientList } from "../potentials/coefficients.js";
import { parsePotential } from "../potentials/parse.js";
import { DEFAULT_BULK, GIBBS_DEFAULTS } from "../spec/defaults.js";
import type { GibbsJob, UniformBins } from "../spec/job.js";
import { shardRange } from "../spec/shard.js";
import { unfoldedSpacings } from "../statistics/unfolding.js";
import { edgeScale, equilibriumMeasure } from "../theory/equilibrium.js";
import { tracyWidomDensity } from "../theory/tracyWidomLaw.js";
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
  quote,
} from "./args.js";
import { UsageError } from "./errors.js";
import { LAW_MAX_N } from "./law.js";
import {
  announceSeed,
  chooseSeed,
  parseFirstSample,
  planRunOutputs,
  textBytesOf,
} from "./output.js";
import {
  executeJob,
  parseScaleFlags,
  SCALE_FLAGS,
  SCALE_USAGE,
  type ScaleOptions,
  shardFlagValues,
  threadsFor,
} from "./scale.js";

export const GIBBS_USAGE = `usage: betaens gibbs --potential "x^4/4 - x^2" | --coeffs g0,g1,…,gd --n N [--beta B]
        [--passes P] [--samples S] [--seed K] [--first-sample F] [--initial zero|hermite] [--record P1,P2,…]
        [--stat eigenvalues|max|histogram|trace|spacings] [--bins B --range LO,HI] [--bulk LO,HI]
        [--scaling none|edge] [--spectral K] [--format json|csv|npy] [--output FILE]
        [--plot FILE.svg]
  Samples |Δ(x)|^β Π exp(−(βN/2)·V(x_i)) by the Gibbs sampler on the Jacobi coefficients (a, b):
  S independent chains of P passes, chain s uses random stream (seed, s); --first-sample F runs
  chains F … F+S−1 (bit-identical to those of a larger run).
  defaults: --beta ${GIBBS_DEFAULTS.beta}, --passes ${GIBBS_DEFAULTS.passes}, --samples ${GIBBS_DEFAULTS.samples}, --initial ${GIBBS_DEFAULTS.initial} (a = b = 0), --stat ${GIBBS_DEFAULTS.stat},
  --bins ${GIBBS_DEFAULTS.bins} over the support of μ_V ± ${100 * GIBBS_DEFAULTS.rangeMargin}%; without --seed a seed is drawn and reported.
  --spectral K: an exact spectral move (eigenvalue Metropolis–Hastings + fresh Dirichlet weights)
  after every K passes; default max(1, ceil(N/500)) for β ≥ 0.1, 0 = off (the plain sweep).
  With --samples ≥ 4 and --passes ≥ 8: split-R̂ and ESS of λ_max over the second half of the
  passes ("diagnostics"); for a multi-cut V the points in each cut ("cuts"), on stderr too.
  Runs over 8 GiB of memory or ~30 minutes are refused up front (docs/conventions.md §6).
  --record P1,P2,… (with --stat eigenvalues, JSON only) also outputs "recordedPasses" and
  "recorded": [chain][k] = the eigenvalues after pass P_k.
  --stat spacings: the final eigenvalues' spacings unfolded by N·F_V (F_V the CDF of the equilibrium
  measure μ_V), those with F_V in --bulk LO,HI (default ${DEFAULT_BULK.join(",")}); compare with betaens spacing
  (not with --shard: shard --stat eigenvalues instead).
${SCALE_USAGE}`;

const FLAGS = [
  "potential",
  "coeffs",
  "n",
  "beta",
  "passes",
  "samples",
  "seed",
  "first-sample",
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
  "bulk",
  ...SCALE_FLAGS,
] as const;

export interface GibbsCliResult extends Omit<GibbsRunResult, "stat"> {
  stat: GibbsStat | "spacings";
  scaling?: { kind: "edge"; bV: number; cV: number };
  /** --stat spacings: the window of F_V kept. */
  bulk?: [number, number];
  /** Multi-cut V: the points in each cut (final states) against the reference masses. */
  cuts?: CutSummary[];
}

/** Runs `betaens gibbs`. */
export function gibbsCommand(argv: string[]): void | Promise<void> {
  const { values, positionals } = parseFlags(argv, FLAGS, [], "gibbs");
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${quote(positionals[0])}`);
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
  const beta = betaText === undefined ? GIBBS_DEFAULTS.beta : parseNumber("beta", betaText);
  if (!(beta > 0)) throw new UsageError(`--beta must be > 0 for the Gibbs sampler, got ${beta}`);
  const passesText = flagString(values, "passes");
  const passes =
    passesText === undefined ? GIBBS_DEFAULTS.passes : parseInteger("passes", passesText, 1);
  const samplesText = flagString(values, "samples");
  const samples =
    samplesText === undefined ? GIBBS_DEFAULTS.samples : parseInteger("samples", samplesText, 1);
  const seed = chooseSeed(values);
  const firstSample = parseFirstSample(values, samples);
  const requested = parseChoice<GibbsStat | "spacings">(
    "stat",
    flagString(values, "stat"),
    ["eigenvalues", "max", "histogram", "trace", "spacings"],
    GIBBS_DEFAULTS.stat,
  );
  // --stat spacings runs the chains for their eigenvalues and unfolds them by μ_V's CDF below.
  const stat: GibbsStat = requested === "spacings" ? "eigenvalues" : requested;
  const bulkText = flagString(values, "bulk");
  if (bulkText !== undefined && requested !== "spacings") {
    throw new UsageError("--bulk applies only to --stat spacings");
  }
  const bulk =
    bulkText === undefined ? ([...DEFAULT_BULK] as [number, number]) : parseBulk(bulkText);
  const initial = parseChoice<GibbsInitial>(
    "initial",
    flagString(values, "initial"),
    ["zero", "hermite"],
    GIBBS_DEFAULTS.initial,
  );
  const scaling = parseChoice(
    "scaling",
    flagString(values, "scaling"),
    ["none", "edge"],
    GIBBS_DEFAULTS.scaling,
  );
  if (scaling === "edge" && stat !== "max" && stat !== "trace") {
    throw new UsageError("--scaling edge applies to --stat max and --stat trace");
  }
  let edges: Float64Array | undefined;
  let histogram: UniformBins | undefined;
  const binsText = flagString(values, "bins");
  const rangeText = flagString(values, "range");
  if (stat === "histogram") {
    const bins = binsText === undefined ? GIBBS_DEFAULTS.bins : parseInteger("bins", binsText, 1);
    if (bins > 1e6) throw new UsageError(`--bins must be <= 1e6, got ${bins}`);
    let range: [number, number];
    if (rangeText === undefined) {
      const [lo, hi] = equilibriumMeasure(coeffs).support;
      const margin = GIBBS_DEFAULTS.rangeMargin * (hi - lo);
      range = [lo - margin, hi + margin];
    } else {
      const parts = parseNumberList("range", rangeText);
      if (parts.length !== 2 || !(parts[1] > parts[0])) {
        throw new UsageError(`--range must be LO,HI with LO < HI, got ${quote(rangeText)}`);
      }
      range = [parts[0], parts[1]];
    }
    edges = uniformEdges(range[0], range[1], bins);
    histogram = { lo: range[0], hi: range[1], bins };
  } else if (binsText !== undefined || rangeText !== undefined) {
    throw new UsageError("--bins and --range apply only to --stat histogram");
  }
  const scale = parseScaleFlags(values, {
    seedGiven: !seed.drawn,
    output: flagString(values, "output"),
    plot: flagString(values, "plot"),
    format: flagString(values, "format"),
  });
  if (requested === "spacings" && scale.shard) {
    throw new UsageError(
      "--stat spacings does not apply to a shard: shard --stat eigenvalues, merge, then unfold",
    );
  }
  // Paths checked before any work (a shard's --output with "{shard}" replaced).
  const outputs = planRunOutputs(shardFlagValues(values, scale));
  const format = outputs.format;
  const recordText = flagString(values, "record");
  const recordPasses =
    recordText === undefined
      ? undefined
      : parseNumberList("record", recordText).map((p) => {
          if (!Number.isInteger(p)) throw new UsageError(`--record takes pass numbers, got ${p}`);
          return p;
        });
  if (requested === "spacings" && (recordPasses !== undefined || outputs.plot !== undefined)) {
    throw new UsageError("--stat spacings takes neither --record nor --plot");
  }
  if (requested === "spacings" && format === "npy" && bulkText !== undefined) {
    throw new UsageError("--bulk gives rows of different lengths: use --format json or csv");
  }
  if (recordPasses && format !== "json") {
    throw new UsageError("--record output needs --format json (rows of different shape)");
  }
  const spectralText = flagString(values, "spectral");
  const spectralEvery =
    spectralText === undefined
      ? defaultSpectralInterval(n, beta)
      : parseInteger("spectral", spectralText, 0);
  const options = {
    coeffs,
    n,
    beta,
    passes,
    samples,
    seed: seed.seed,
    firstSample,
    stat,
    initial,
    edges,
    recordPasses,
    spectralEvery,
  };
  checkGibbsRun(options);
  if (scaling === "edge") gibbsEdgeRescaling(coeffs, n);
  // The cost this process takes on: its shard's chains (the whole run is split).
  const mine = scale.shard
    ? shardRange({ first: firstSample, count: samples }, scale.shard).count
    : samples;
  const { seconds } = checkGibbsCost(
    { ...options, samples: Math.max(mine, 1) },
    format,
    outputs.plot !== undefined,
    scale.shard !== undefined,
    // spacings run in this thread (rows of varying length).
    requested === "spacings" ? undefined : scale,
  );
  announceSeed(seed, format);
  const cutInfo = n >= 2 ? multiCut(coeffs, n, beta) : undefined;
  const job: GibbsJob = {
    task: "gibbs",
    coeffs: Array.from(coeffs),
    n,
    beta,
    passes,
    initial,
    stat,
    seed: seed.seed,
    first: firstSample,
    count: samples,
    histogram,
    scaling,
    record: recordPasses,
    summary: "values",
    spectralEvery,
    diagnostics: "auto",
    cutPoints: cutInfo ? Array.from(cutInfo.splits) : undefined,
  };
  const finish = gibbsFinish(job, cutInfo);
  const done = executeJob(job, {
    scale,
    outputs,
    // Spacings are computed from the eigenvalue rows in memory (rows of varying length).
    keep: requested === "spacings",
    label: "gibbs chains",
    operations: seconds * 1e8,
    finish:
      requested === "spacings"
        ? (output) => {
            unfoldGibbsSpacings(output, coeffs, n, bulk);
            finish(output);
          }
        : finish,
    figure: (result) => gibbsPlotSvg(result as unknown as GibbsCliResult, coeffs),
  });
  return done instanceof Promise ? done.then(() => undefined) : undefined;
}

/**
 * --stat spacings: replaces the final eigenvalues of each chain by their spacings unfolded by
 * N·F_V (statistics/unfolding.ts; μ_V from theory/equilibrium.ts), those with F_V in `bulk`.
 */
function unfoldGibbsSpacings(
  output: Record<string, unknown>,
  coeffs: Float64Array,
  n: number,
  bulk: [number, number],
): void {
  const measure = equilibriumMeasure(coeffs);
  const rows = (output.samples as Float64Array[]).map((row) =>
    unfoldedSpacings(row, (x) => measure.cdf(x), n, bulk),
  );
  output.stat = "spacings";
  output.samples = rows;
  output.bulk = bulk;
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

/** --bulk LO,HI with 0 ≤ LO < HI ≤ 1. */
function parseBulk(text: string): [number, number] {
  const parts = parseNumberList("bulk", text);
  if (parts.length !== 2 || !(parts[0] >= 0 && parts[1] <= 1 && parts[0] < parts[1])) {
    throw new UsageError(`--bulk must be LO,HI with 0 <= LO < HI <= 1, got "${text}"`);
  }
  return [parts[0], parts[1]];
}

/** Seconds per conditional draw (x⁴/4 measures 1–2 µs; the margin covers higher degrees). */
const SECONDS_PER_DRAW = 3.5e-6;
/** Sturm-count and eigenvalue-solver steps per second (as for `betaens sample`). */
const STURM_STEPS_PER_SECOND = 2e8;
const EIGEN_STEPS_PER_SECOND = 1e8;

/** Steps of a spectral move per N² (≈ 3N²·1e−8 s: 23 ms at N = 1000, bench/gibbs.ts). */
const SPECTRAL_STEPS_PER_N2 = 3;
/** Set-up of the exact β = 2 law, seconds per N² (0.7 s at N = 1000, src/cli/law.ts). */
const LAW_SETUP_SECONDS_PER_N2 = 5e-7;

/**
 * The shared refusal policy (src/budget.ts) for a Gibbs run: 2N draws per pass per chain, the
 * spectral moves (O(N²) each), λ_max after every pass when the trace or the R̂/ESS diagnostics
 * need it, the statistic (O(N²) eigenvalues, O(N) bisection per λ_max, O(N·B) Sturm counts), the
 * exact β = 2 references (per-cut means, the plotted λ_max density), and the memory and text of
 * what is kept.
 */
function checkGibbsCost(
  o: {
    n: number;
    beta: number;
    passes: number;
    samples: number;
    stat: string;
    edges?: Float64Array;
    recordPasses?: number[];
    spectralEvery: number;
  },
  format: "json" | "csv" | "npy",
  plot: boolean,
  shard = false,
  scale?: ScaleOptions,
): { seconds: number } {
  const { n, passes, samples, stat } = o;
  const bins = o.edges ? o.edges.length - 1 : 0;
  const recorded = o.recordPasses?.length ?? 0;
  const diagnostics = samples >= 4 && passes >= 8;
  const passSeconds = samples * passes * 2 * n * SECONDS_PER_DRAW;
  const moves = o.spectralEvery > 0 ? Math.floor(passes / o.spectralEvery) : 0;
  const spectralSeconds =
    (samples * moves * SPECTRAL_STEPS_PER_N2 * n * n) / EIGEN_STEPS_PER_SECOND;
  const perPassMaxima = stat === "trace" || diagnostics ? samples * passes * n * 60 : 0;
  const statSteps =
    stat === "eigenvalues"
      ? { eigen: samples * (1 + recorded) * n * n, sturm: 0 }
      : stat === "trace"
        ? { eigen: 0, sturm: 0 }
        : stat === "max"
          ? { eigen: 0, sturm: samples * n * 60 }
          : { eigen: 0, sturm: samples * n * (bins + 1) };
  // β = 2, N ≤ 5000: the exact law is set up for the per-cut means and (--plot of max) the density.
  const exactLaw =
    o.beta === 2 && n <= LAW_MAX_N
      ? LAW_SETUP_SECONDS_PER_N2 * n * n + (plot && stat === "max" ? 121 * 2e-5 * n : 0)
      : 0;
  const seconds =
    passSeconds +
    spectralSeconds +
    exactLaw +
    statSteps.eigen / EIGEN_STEPS_PER_SECOND +
    (statSteps.sturm + perPassMaxima) / STURM_STEPS_PER_SECOND;
  const values =
    stat === "eigenvalues"
      ? samples * (1 + recorded) * n
      : stat === "trace"
        ? samples * passes
        : stat === "max"
          ? samples
          : 3 * bins;
  const traces = stat !== "trace" && diagnostics ? samples * passes : 0;
  const bytes = 8 * (12 * n + values + traces);
  // A shard writes a binary partial file: no text in memory.
  const textBytes = shard ? 0 : textBytesOf(values, format);
  // --workers K: the time on min(K, cores) cores; each worker holds a chain (12 N doubles).
  const threads = scale && threadsFor(scale, seconds, samples, 8 * values);
  if (threads) threads.bytesPerWorker = (threads.bytesPerWorker ?? 0) + 8 * 12 * n;
  checkBudget({ what: "this run", bytes, seconds, textBytes, threads }, (limit) =>
    limit === "text"
      ? "use --format npy (8 bytes per number), or fewer --samples"
      : moves > 0 && spectralSeconds > passSeconds
        ? "use a larger --spectral K (fewer spectral moves), fewer --samples or --passes, or a smaller --n"
        : "use fewer --samples or --passes, or a smaller --n, or split the run with --shard i/K (docs/scale.md)",
  );
  return { seconds };
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

/** The figure of `betaens gibbs --plot`: points against μ_V, λ_max against TW, or the trace. */
export function gibbsPlotSvg(result: GibbsCliResult, coeffs: Float64Array): string {
  const chains = Array.isArray(result.samples)
    ? result.samples.length
    : (result.samples?.length ?? result.recorded?.length);
  const head = `Gibbs, V(x) = ${potentialLabel(coeffs)}, β = ${result.beta}, N = ${result.n}, ${result.passes} passes${chains ? `, ${chains} chains` : ""}`;
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
        ? { shift: result.scaling.bV, scale: edgeScale(result.n, result.scaling.cV) }
        : { shift: 0, scale: 1 };
      density = tabulated(
        (x) => unitaryLargestEigenvaluePdf(ens, map.shift + x / map.scale) / map.scale,
        values,
      );
      densityLabel = `exact, N = ${result.n}`;
    } else if (scaled) {
      // TW_β for every β in the computed range (a non-classical β costs its set-up, < 1 s, once).
      density = tracyWidomDensity(result.beta);
      densityLabel = density ? `Tracy–Widom TW_${result.beta}` : undefined;
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
