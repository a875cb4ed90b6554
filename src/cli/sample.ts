/** `betaens sample <ensemble> …` — the command-line contract of docs/conventions.md. */
import { fixedTraceParamsFromDimensions } from "../ensembles/fixedTrace.js";
import { defaultHermiteParams } from "../ensembles/hermite.js";
import { jacobiParamsFromManova } from "../ensembles/jacobi.js";
import { laguerreParamsFromWishart } from "../ensembles/laguerre.js";
import type { EnsembleSpec } from "../ensembles/models.js";
import {
  checkJob,
  checkJobCost,
  defaultModel,
  type SampleJob,
  type SampleModel,
  type SampleResult,
  type SampleStat,
} from "../ensembles/sample.js";
import { defaultHistogramRange } from "../plot/sampleFigure.js";
import type { SampleJob as SpecSampleJob, Summary, UniformBins } from "../spec/job.js";
import { shardRange } from "../spec/shard.js";
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
import { writeSamplePlot } from "./samplePlot.js";
import {
  executeJob,
  parseScaleFlags,
  SCALE_FLAGS,
  SCALE_USAGE,
  type ScaleOptions,
} from "./scale.js";

const ENSEMBLES = ["hermite", "laguerre", "jacobi", "circular", "ginibre", "fixed-trace"] as const;
export const ENSEMBLE_FLAGS: Record<string, readonly string[]> = {
  hermite: ["loc", "scale"],
  laguerre: ["shape", "scale", "m"],
  jacobi: ["a", "b", "m1", "m2"],
  circular: [],
  ginibre: [],
  "fixed-trace": ["m", "shape"],
};
const COMMON_FLAGS = [
  "n",
  "beta",
  "samples",
  "seed",
  "model",
  "stat",
  "bins",
  "range",
  "format",
  "output",
  "plot",
  "scaling",
  "summary",
  ...SCALE_FLAGS,
] as const;

export const SAMPLE_USAGE = `usage: betaens sample <hermite|laguerre|jacobi|circular|ginibre|fixed-trace> --n N [--beta B]
        [--samples S] [--seed K] [--model tridiagonal|full|cmv|limit]
        [--stat eigenvalues|max|histogram|purity|entropy|min]
        [--bins B --range LO,HI] [--scaling none|edge] [--format json|csv|npy] [--output FILE]
        [--plot FILE.svg] [--summary values|moments|cdf]
  hermite:  [--loc MU] [--scale SIGMA]
  laguerre: [--shape K] [--scale THETA] | [--m M]
  jacobi:   [--a A --b B] | [--m1 M1 --m2 M2]
  fixed-trace: [--m M] | [--shape K]   eigenvalues of random density matrices ρ = W/Tr W, W an
           N×N β-Wishart matrix with real M > N − 1 (default M = N); --stat purity (Tr ρ², O(N)),
           entropy (−Tr ρ log ρ), min (λ_min); docs/density-matrices
  --model limit: hermite/laguerre --stat max only, beta 1, 2 or 4: λ_max drawn from the
                 Tracy–Widom limit (≈ 5 µs); Kolmogorov error <= 0.3·N^(-2/3) (hermite, N >= 1.6e8)
                 or 1.0·N^(-2/3) (laguerre, N >= 1e9); docs/edge-limit
  --summary (--stat max): values (default) | moments (exact power sums: mean, variance,
            skewness, excess kurtosis) | cdf (counts on --bins B (10000) over --range LO,HI;
            default -10,10 with --scaling edge)
${SCALE_USAGE}`;

/** Builds the ensemble spec (and the parameters to report) from the flags (also used by linstat). */
export function buildSpec(
  ensemble: string,
  values: Record<string, string | boolean | undefined>,
  n: number,
  beta: number,
): { spec: EnsembleSpec; reported: Record<string, number> } {
  const num = (flag: string): number | undefined => {
    const text = flagString(values, flag);
    return text === undefined ? undefined : parseNumber(flag, text);
  };
  for (const flag of Object.values(ENSEMBLE_FLAGS).flat()) {
    if (values[flag] !== undefined && !ENSEMBLE_FLAGS[ensemble].includes(flag)) {
      throw new UsageError(`--${flag} does not apply to the ${ensemble} ensemble`);
    }
  }
  if (ensemble === "hermite") {
    const params = {
      loc: num("loc") ?? defaultHermiteParams.loc,
      scale: num("scale") ?? defaultHermiteParams.scale,
    };
    return { spec: { ensemble, params }, reported: params };
  }
  if (ensemble === "laguerre") {
    const m = num("m");
    if (m !== undefined) {
      if (values.shape !== undefined || values.scale !== undefined) {
        throw new UsageError("give either --m or --shape/--scale for laguerre, not both");
      }
      const params = laguerreParamsFromWishart(n, m, beta);
      return { spec: { ensemble, params }, reported: { m, ...params } };
    }
    const params = { shape: num("shape") ?? 1, scale: num("scale") ?? 1 };
    return { spec: { ensemble, params }, reported: params };
  }
  if (ensemble === "jacobi") {
    const m1 = num("m1");
    const m2 = num("m2");
    if (m1 !== undefined || m2 !== undefined) {
      if (m1 === undefined || m2 === undefined) {
        throw new UsageError("jacobi needs both --m1 and --m2");
      }
      if (values.a !== undefined || values.b !== undefined) {
        throw new UsageError("give either --m1/--m2 or --a/--b for jacobi, not both");
      }
      const params = jacobiParamsFromManova(n, m1, m2, beta);
      return { spec: { ensemble, params }, reported: { m1, m2, ...params } };
    }
    const params = { a: num("a") ?? 1, b: num("b") ?? 1 };
    return { spec: { ensemble, params }, reported: params };
  }
  if (ensemble === "fixed-trace") {
    const shape = num("shape");
    if (shape !== undefined) {
      if (values.m !== undefined) throw new UsageError("give either --m or --shape, not both");
      return { spec: { ensemble, params: { shape } }, reported: { shape } };
    }
    const m = num("m") ?? n;
    const params = fixedTraceParamsFromDimensions(n, m, beta);
    return { spec: { ensemble, params }, reported: { m, ...params } };
  }
  if (ensemble === "circular" || ensemble === "ginibre") {
    return { spec: { ensemble, params: {} }, reported: {} };
  }
  throw new UsageError(`unknown ensemble "${ensemble}"`);
}

/** Parses the flags of `betaens sample` into a validated job (throws UsageError/RangeError). */
export function parseSampleArgs(argv: string[]): {
  job: SampleJob;
  specJob: SpecSampleJob;
  scale: ScaleOptions;
  format: "json" | "csv" | "npy";
  output?: string;
  plot?: string;
} {
  const allFlags = [...COMMON_FLAGS, ...new Set(Object.values(ENSEMBLE_FLAGS).flat())];
  const { values, positionals } = parseFlags(argv, allFlags);
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? `missing ensemble: one of ${ENSEMBLES.join(", ")}`
        : `expected one ensemble, got ${positionals.join(" ")}`,
    );
  }
  const ensemble = positionals[0];
  if (!(ENSEMBLES as readonly string[]).includes(ensemble)) {
    throw new UsageError(`unknown ensemble "${ensemble}"; expected one of ${ENSEMBLES.join(", ")}`);
  }
  const nText = flagString(values, "n");
  if (nText === undefined) throw new UsageError("--n is required");
  const n = parseInteger("n", nText, 1);
  const betaText = flagString(values, "beta");
  const beta = betaText === undefined ? 2 : parseNumber("beta", betaText);
  if (beta < 0) throw new UsageError(`--beta must be >= 0, got ${beta}`);
  const samplesText = flagString(values, "samples");
  const samples = samplesText === undefined ? 1 : parseInteger("samples", samplesText, 1);
  const seed = chooseSeed(flagString(values, "seed"), (t) => parseInteger("seed", t, 0));
  const model = parseChoice<SampleModel>(
    "model",
    flagString(values, "model"),
    ["tridiagonal", "full", "cmv", "limit"],
    defaultModel(ensemble as EnsembleSpec["ensemble"]),
  );
  const stat = parseChoice<SampleStat>(
    "stat",
    flagString(values, "stat"),
    ["eigenvalues", "max", "histogram", "purity", "entropy", "min"],
    "eigenvalues",
  );
  const { spec, reported } = buildSpec(ensemble, values, n, beta);
  const scaling = parseChoice<"none" | "edge">(
    "scaling",
    flagString(values, "scaling"),
    ["none", "edge"],
    "none",
  );
  const job: SampleJob = {
    spec,
    model,
    n,
    beta,
    samples,
    seed,
    stat,
    reportedParams: reported,
    scaling,
  };
  const summary = parseChoice<Summary>(
    "summary",
    flagString(values, "summary"),
    ["values", "moments", "cdf"],
    "values",
  );
  if (summary !== "values" && stat !== "max") {
    throw new UsageError("--summary applies to --stat max (λ_max of each sample)");
  }
  const binsText = flagString(values, "bins");
  const rangeText = flagString(values, "range");
  let histogram: UniformBins | undefined;
  let grid: UniformBins | undefined;
  if (summary === "cdf") {
    const bins = binsText === undefined ? 10000 : parseInteger("bins", binsText, 1);
    if (bins > 1e6) throw new UsageError(`--bins must be <= 1e6, got ${bins}`);
    let range: [number, number];
    if (rangeText === undefined) {
      if (scaling !== "edge") {
        throw new UsageError(
          "--summary cdf needs --range LO,HI (or --scaling edge: default -10,10)",
        );
      }
      range = [-10, 10];
    } else {
      const parts = parseNumberList("range", rangeText);
      if (parts.length !== 2 || !(parts[1] > parts[0])) {
        throw new UsageError(`--range must be LO,HI with LO < HI, got "${rangeText}"`);
      }
      range = [parts[0], parts[1]];
    }
    grid = { lo: range[0], hi: range[1], bins };
  } else if (stat === "histogram") {
    const bins = binsText === undefined ? 100 : parseInteger("bins", binsText, 1);
    if (bins > 1e6) throw new UsageError(`--bins must be <= 1e6, got ${bins}`);
    let range: [number, number];
    if (rangeText === undefined) {
      range = defaultHistogramRange(spec, n, beta);
    } else {
      const parts = parseNumberList("range", rangeText);
      if (parts.length !== 2 || !(parts[1] > parts[0])) {
        throw new UsageError(`--range must be LO,HI with LO < HI, got "${rangeText}"`);
      }
      range = [parts[0], parts[1]];
    }
    job.edges = uniformEdges(range[0], range[1], bins);
    histogram = { lo: range[0], hi: range[1], bins };
  } else if (binsText !== undefined || rangeText !== undefined) {
    throw new UsageError("--bins and --range apply only to --stat histogram or --summary cdf");
  }
  const output = flagString(values, "output");
  const formatText = flagString(values, "format");
  const format = chooseFormat(formatText, output);
  const plot = flagString(values, "plot");
  if (plot !== undefined && !plot.toLowerCase().endsWith(".svg")) {
    throw new UsageError(`--plot must name an .svg file, got "${plot}"`);
  }
  if (plot !== undefined && summary !== "values") {
    throw new UsageError("--plot needs --summary values (the figure shows every λ_max)");
  }
  const scale = parseScaleFlags(values, {
    seedGiven: flagString(values, "seed") !== undefined,
    output,
    plot,
    format: formatText,
  });
  // The cost this process takes on: its shard's samples (the whole run is split).
  const mine = scale.shard ? shardRange({ first: 0, count: samples }, scale.shard).count : samples;
  checkJob({ ...job, samples: Math.max(mine, 1) });
  const specJob: SpecSampleJob = {
    task: "sample",
    ensemble: spec.ensemble,
    params: { ...spec.params },
    reported: Object.entries(reported),
    model,
    stat,
    n,
    beta,
    seed,
    first: 0,
    count: samples,
    histogram,
    scaling,
    summary,
    grid,
  };
  return { job, specJob, scale, format, output, plot };
}

/**
 * Runs `betaens sample` on the driver (src/driver/: threads with --workers, a partial result with
 * --shard); the output is written to stdout or --output, the rows streamed as they are produced.
 */
export function sampleCommand(argv: string[]): void | Promise<void> {
  const { job, specJob, scale, format, output, plot } = parseSampleArgs(argv);
  const mine = scale.shard ? shardRange(specJob, scale.shard).count : job.samples;
  const { operations } = checkJobCost({ ...job, samples: Math.max(mine, 1) });
  const done = executeJob(specJob, {
    scale,
    format,
    output,
    keep: plot !== undefined,
    label: `sampling ${job.spec.ensemble}`,
    operations,
  });
  const drawPlot = (result: Record<string, unknown> | undefined) => {
    if (plot !== undefined && result) writeSamplePlot(plot, job, result as unknown as SampleResult);
  };
  return done instanceof Promise ? done.then(drawPlot) : drawPlot(done);
}
