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
  runSample,
  type SampleJob,
  type SampleModel,
  type SampleResult,
  type SampleStat,
} from "../ensembles/sample.js";
import { defaultHistogramRange } from "../plot/sampleFigure.js";
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
import { chooseFormat, chooseSeed, writeResult } from "./output.js";
import { progressReporter } from "./progress.js";
import { writeSamplePlot } from "./samplePlot.js";
import { writeSpacingPlot } from "./spacingPlot.js";

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
  "bulk",
  "energy",
  "count",
] as const;

export const SAMPLE_USAGE = `usage: betaens sample <hermite|laguerre|jacobi|circular|ginibre|fixed-trace> --n N [--beta B]
        [--samples S] [--seed K] [--model tridiagonal|full|cmv|limit]
        [--stat eigenvalues|max|histogram|purity|entropy|min|spacings|window]
        [--bins B --range LO,HI] [--scaling none|edge] [--bulk LO,HI] [--energy E --count K]
        [--format json|csv|npy] [--output FILE] [--plot FILE.svg]
  hermite:  [--loc MU] [--scale SIGMA]
  laguerre: [--shape K] [--scale THETA] | [--m M]
  jacobi:   [--a A --b B] | [--m1 M1 --m2 M2]
  fixed-trace: [--m M] | [--shape K]   eigenvalues of random density matrices ρ = W/Tr W, W an
           N×N β-Wishart matrix with real M > N − 1 (default M = N); --stat purity (Tr ρ², O(N)),
           entropy (−Tr ρ log ρ), min (λ_min); docs/density-matrices
  --model limit: hermite/laguerre --stat max only, beta 1, 2 or 4: λ_max drawn from the
                 Tracy–Widom limit (≈ 5 µs); Kolmogorov error <= 0.3·N^(-2/3) (hermite, N >= 1.6e8)
                 or 1.0·N^(-2/3) (laguerre, N >= 1e9); docs/edge-limit
  --stat spacings: per sample the spacings of the eigenvalues unfolded by N·F (F the limit CDF:
                 semicircle, Marchenko–Pastur, Wachter; uniform on the circle; fixed-trace: MP
                 of E[Tr W]·λ), only those with
                 F in --bulk LO,HI (default 0,1); compare with sine_β (betaens spacing).
  --stat window: hermite/laguerre/jacobi, tridiagonal: the --count K eigenvalues nearest --energy E
                 (default: the median of the limit law) without the others, O(N) per sample (N up
                 to 2e8); JSON adds their unfolded "spacings" and spacing "ratios"; docs/local-statistics`;

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
    ["eigenvalues", "max", "histogram", "purity", "entropy", "min", "spacings", "window"],
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
  const binsText = flagString(values, "bins");
  const rangeText = flagString(values, "range");
  if (stat === "histogram") {
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
  } else if (binsText !== undefined || rangeText !== undefined) {
    throw new UsageError("--bins and --range apply only to --stat histogram");
  }
  parseLocalStatisticsFlags(values, job);
  checkJob(job);
  const output = flagString(values, "output");
  const format = chooseFormat(flagString(values, "format"), output);
  if (format === "npy" && stat === "spacings" && job.bulk !== undefined) {
    throw new UsageError("--bulk gives rows of different lengths: use --format json or csv");
  }
  const plot = flagString(values, "plot");
  if (plot !== undefined && !plot.toLowerCase().endsWith(".svg")) {
    throw new UsageError(`--plot must name an .svg file, got "${plot}"`);
  }
  return { job, format, output, plot };
}

/** --bulk, --energy, --count (stat spacings and window; ensembles/localStatistics.ts). */
function parseLocalStatisticsFlags(
  values: Record<string, string | boolean | undefined>,
  job: SampleJob,
): void {
  const bulkText = flagString(values, "bulk");
  if (bulkText !== undefined) {
    if (job.stat !== "spacings") throw new UsageError("--bulk applies only to --stat spacings");
    const parts = parseNumberList("bulk", bulkText);
    if (parts.length !== 2 || !(parts[0] >= 0 && parts[1] <= 1 && parts[0] < parts[1])) {
      throw new UsageError(`--bulk must be LO,HI with 0 <= LO < HI <= 1, got "${bulkText}"`);
    }
    job.bulk = [parts[0], parts[1]];
  }
  const energyText = flagString(values, "energy");
  const countText = flagString(values, "count");
  if ((energyText !== undefined || countText !== undefined) && job.stat !== "window") {
    throw new UsageError("--energy and --count apply only to --stat window");
  }
  if (job.stat === "window") {
    if (countText === undefined) throw new UsageError("--stat window needs --count K");
    job.count = parseInteger("count", countText, 3);
    if (energyText !== undefined) job.energy = parseNumber("energy", energyText);
  }
}

/** Runs `betaens sample`; returns the result (also written to stdout or --output). */
export function sampleCommand(argv: string[]): SampleResult {
  const { job, format, output, plot } = parseSampleArgs(argv);
  const { operations } = checkJobCost(job);
  const progress = progressReporter(job.samples, operations, `sampling ${job.spec.ensemble}`);
  let result: SampleResult;
  try {
    result = runSample(job, progress.update);
  } finally {
    progress.done();
  }
  writeResult(result, format, output);
  if (plot !== undefined) {
    if (job.stat === "spacings" || job.stat === "window") writeSpacingPlot(plot, job, result);
    else writeSamplePlot(plot, job, result);
  }
  return result;
}
