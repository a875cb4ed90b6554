/** `betaens gibbs --potential "…" --n N …`: the Gibbs sampler on Jacobi matrices (docs/conventions.md). */
import { gibbsEdgeRescaling } from "../driver/kernels.js";
import { checkGibbsRun, type GibbsRunResult, type GibbsStat } from "../gibbs/run.js";
import type { GibbsInitial } from "../gibbs/sampler.js";
import { writeFileAtomic } from "../io/atomicWrite.js";
import { histogramSvg } from "../plot/histogram.js";
import { lineChartSvg } from "../plot/lineChart.js";
import { parseCoefficientList } from "../potentials/coefficients.js";
import { parsePotential } from "../potentials/parse.js";
import type { GibbsJob, UniformBins } from "../spec/job.js";
import { shardRange } from "../spec/shard.js";
import { equilibriumMeasure } from "../theory/equilibrium.js";
import { tracyWidomPdf } from "../theory/tracyWidom.js";
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
import { chooseFormat, chooseSeed } from "./output.js";
import { executeJob, parseScaleFlags, SCALE_FLAGS, SCALE_USAGE } from "./scale.js";

export const GIBBS_USAGE = `usage: betaens gibbs --potential "x^4/4 - x^2" | --coeffs g0,g1,…,gd --n N [--beta B]
        [--passes P] [--samples S] [--seed K] [--initial zero|hermite] [--record P1,P2,…]
        [--stat eigenvalues|max|histogram|trace] [--bins B --range LO,HI] [--scaling none|edge]
        [--format json|csv|npy] [--output FILE] [--plot FILE.svg]
  Samples |Δ(x)|^β Π exp(−(βN/2)·V(x_i)) by the Gibbs sampler on the Jacobi coefficients (a, b):
  S independent chains of P passes (default 10), chain s uses random stream (seed, s).
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
  "format",
  "output",
  "plot",
  ...SCALE_FLAGS,
] as const;

export interface GibbsCliResult extends GibbsRunResult {
  scaling?: { kind: "edge"; bV: number; cV: number };
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
  const options = { coeffs, n, beta, passes, samples, seed, stat, initial, edges, recordPasses };
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
  // (measured, x⁴/4), plus the O(N²) eigenvalues. Refuse runs beyond ≈ 30 minutes.
  const operations = mine * (passes * n * 700 + (stat === "eigenvalues" ? n * n : 0));
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
  };
  const done = executeJob(job, {
    scale,
    format,
    output,
    keep: plot !== undefined,
    label: "gibbs chains",
    operations,
  });
  const drawPlot = (result: Record<string, unknown> | undefined) => {
    if (plot !== undefined && result) {
      writeFileAtomic(plot, gibbsPlotSvg(result as unknown as GibbsCliResult, coeffs));
    }
  };
  return done instanceof Promise ? done.then(drawPlot) : drawPlot(done);
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
    return histogramSvg({
      values,
      title: head,
      xLabel: scaled ? "N^(2/3) c_V (λ_max − b_V)" : "λ_max",
      density: scaled && tw ? (x: number) => tracyWidomPdf(x, tw) : undefined,
      densityLabel: scaled && tw ? `Tracy–Widom TW_${tw}` : undefined,
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
