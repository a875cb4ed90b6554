/** `betaens sample <ensemble> …` — the command-line contract of docs/conventions.md. */

import { checkBudget } from "../budget.js";
import { defaultEnergy } from "../ensembles/localStatistics.js";
import type { ClassicalSpec, EnsembleSpec } from "../ensembles/models.js";
import {
  checkJob,
  defaultModel,
  estimateJobCost,
  runLocalStatistics,
  type SampleJob,
  type SampleModel,
  type SampleResult,
  type SampleStat,
} from "../ensembles/sample.js";
import { defaultHistogramRange, samplePlotSvg } from "../plot/sampleFigure.js";
import { spacingPlotSvg } from "../plot/spacingFigure.js";
import {
  CDF_GRID,
  DEFAULT_BETA,
  DEFAULT_BULK,
  DEFAULT_HISTOGRAM_BINS,
  DEFAULT_SAMPLES,
  DEFAULT_SUMMARY,
  LOCAL_CDF_GRID,
  LOCAL_RATIO_BINS,
} from "../spec/defaults.js";
import type {
  EnsembleName,
  SampleJob as SpecSampleJob,
  Summary,
  UniformBins,
} from "../spec/job.js";
import {
  DEFAULT_PARAMETERS,
  ENSEMBLE_NAMES,
  ENSEMBLE_PARAMETERS,
  ensembleParameters,
} from "../spec/params.js";
import { shardRange } from "../spec/shard.js";
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
import {
  announceSeed,
  chooseSeed,
  parseFirstSample,
  planRunOutputs,
  type RunOutputs,
  type Seed,
  textBytesOf,
  writeRunOutputs,
} from "./output.js";
import { progressReporter } from "./progress.js";
import {
  executeJob,
  parseScaleFlags,
  SCALE_FLAGS,
  SCALE_USAGE,
  type ScaleOptions,
  shardFlagValues,
  threadsFor,
} from "./scale.js";

/** The ensembles and their parameter flags (--NAME): the spec's table (src/spec/params.ts). */
const ENSEMBLES: readonly string[] = ENSEMBLE_NAMES;
export const ENSEMBLE_FLAGS: Readonly<Record<string, readonly string[]>> = ENSEMBLE_PARAMETERS;
/** "0, 1": the defaults of an ensemble's sampler parameters, for the usage text. */
const defaults = (ensemble: EnsembleName) => Object.values(DEFAULT_PARAMETERS[ensemble]).join(", ");
const COMMON_FLAGS = [
  "n",
  "beta",
  "samples",
  "seed",
  "first-sample",
  "model",
  "stat",
  "bins",
  "range",
  "format",
  "output",
  "plot",
  "scaling",
  "summary",
  "bulk",
  "energy",
  "count",
  "substream",
  ...SCALE_FLAGS,
] as const;

export const SAMPLE_USAGE = `usage: betaens sample <hermite|laguerre|jacobi|circular|ginibre|fixed-trace> --n N
        [--beta B] [--samples S] [--seed K] [--first-sample F]
        [--model tridiagonal|full|cmv|limit] [--stat eigenvalues|max|histogram|purity|entropy|min|spacings|window]
        [--bins B --range LO,HI] [--scaling none|edge] [--bulk LO,HI] [--energy E --count K]
        [--format json|csv|npy] [--output FILE] [--plot FILE.svg] [--summary values|moments|cdf]
  hermite:  [--loc MU] [--scale SIGMA]                    (defaults ${defaults("hermite")})
  laguerre: [--shape K] [--scale THETA] | [--m M]         (defaults ${defaults("laguerre")}; --m: k = β(M−N+1)/2, θ = 2)
  jacobi:   [--a A --b B] | [--m1 M1 --m2 M2]             (defaults ${defaults("jacobi")})
  fixed-trace: [--m M] | [--shape K]   eigenvalues of random density matrices ρ = W/Tr W, W an
           N×N β-Wishart matrix with real M > N − 1 (default M = N); --stat purity (Tr ρ², O(N)),
           entropy (−Tr ρ log ρ), min (λ_min); docs/density-matrices
  defaults: --beta ${DEFAULT_BETA}, --samples ${DEFAULT_SAMPLES}, --stat eigenvalues, --model tridiagonal (circular: cmv,
            ginibre: full), --bins ${DEFAULT_HISTOGRAM_BINS} over the limit law's support ± 5%, --format from the
            --output extension, else json; without --seed a seed is drawn and reported (in the
            JSON, or on stderr for csv/npy).
  samples:  sample s of seed K is a pure function of (K, s), bit-identical on every machine;
            --first-sample F draws samples F … F+S−1, equal to rows F… of a larger run
            (split long runs into shards this way).
  --stat max of hermite/laguerre: exact at any N up to 2^51 (top ≈ c(β)·N^(1/3) rows drawn).
  --model limit: hermite/laguerre --stat max only, beta 1, 2 or 4: λ_max drawn from the
                 Tracy–Widom limit with its finite-N corrections (≈ 5 µs); Kolmogorov error
                 <= 0.05, 0.06, 0.14·N^(-2) (hermite beta 1, 2, 4: N >= 224, 245, 375),
                 0.18·h³, h = (1/√M + 1/√N)^(4/3) (laguerre beta 2: N >= 1698 at M ≈ N),
                 0.12, 0.27·h³ (laguerre beta 1, 4: N >= 1387, 2079 at M ≈ N); docs/edge-limit
  --summary (--stat max): ${DEFAULT_SUMMARY} (default) | moments (exact power sums: mean, variance,
            skewness, excess kurtosis) | cdf (counts on --bins B (${CDF_GRID.bins}) over --range LO,HI;
            default ${CDF_GRID.lo},${CDF_GRID.hi} with --scaling edge)
  --stat spacings: per sample the spacings of the eigenvalues unfolded by N·F (F the limit CDF:
                 semicircle, Marchenko–Pastur, Wachter; uniform on the circle; fixed-trace: MP
                 of E[Tr W]·λ), only those with
                 F in --bulk LO,HI (default ${DEFAULT_BULK.join(",")}); compare with sine_β (betaens spacing).
  --stat window: hermite/laguerre/jacobi, tridiagonal: the --count K eigenvalues nearest --energy E
                 (default: the median of the limit law) without the others, O(N) per sample (N up
                 to 2e8); JSON adds their unfolded "spacings" and spacing "ratios"; docs/local-statistics
                 (spacings and window run in one thread: no --workers K > 1, no --shard)
  --summary cdf (--stat spacings|window): instead of the rows, counts of the unfolded spacings and
                 nearest-neighbour spacings on --bins B (${LOCAL_CDF_GRID.bins}) over --range LO,HI (${LOCAL_CDF_GRID.lo},${LOCAL_CDF_GRID.hi}), of the
                 folded gap ratios min(r, 1/r) on ${LOCAL_RATIO_BINS} bins of [0, 1], the empirical CDFs and the
                 means of s, s², min(s_l, s_r), min(r, 1/r), r with standard errors across samples
                 (JSON); runs with --workers K and --shard i/K (exact merge). --substream J draws
                 sample s from the Philox stream (seed, s, J): independent runs with one seed.
${SCALE_USAGE}
  runs over 8 GiB of memory or ~30 minutes are refused up front (docs/conventions.md §6).`;

/** Builds the ensemble spec (and the parameters to report) from the flags (also used by linstat). */
export function buildSpec(
  ensemble: string,
  values: Record<string, string | boolean | undefined>,
  n: number,
  beta: number,
): { spec: EnsembleSpec; reported: Record<string, number> } {
  const allowed = ENSEMBLE_FLAGS[ensemble];
  if (allowed === undefined) throw new UsageError(`unknown ensemble "${ensemble}"`);
  const given: Record<string, number | undefined> = {};
  for (const flag of new Set(Object.values(ENSEMBLE_FLAGS).flat())) {
    const text = flagString(values, flag);
    if (text === undefined) continue;
    if (!allowed.includes(flag)) {
      throw new UsageError(`--${flag} does not apply to the ${ensemble} ensemble`);
    }
    given[flag] = parseNumber(flag, text);
  }
  // The one builder of the explorer too (web/src/extraFields.ts): Wishart/MANOVA forms converted once.
  const { params, reported } = ensembleParameters(ensemble as EnsembleName, given, n, beta);
  return { spec: { ensemble, params } as EnsembleSpec, reported };
}

/** Parses the flags of `betaens sample` into a validated job, its outputs and its seed. */
export function parseSampleArgs(argv: string[]): {
  job: SampleJob;
  specJob: SpecSampleJob;
  scale: ScaleOptions;
  outputs: RunOutputs;
  seed: Seed;
} {
  const allFlags = [...COMMON_FLAGS, ...new Set(Object.values(ENSEMBLE_FLAGS).flat())];
  const { values, positionals } = parseFlags(argv, allFlags, [], "sample");
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? `missing ensemble: one of ${ENSEMBLES.join(", ")}`
        : `expected one ensemble, got ${positionals.join(" ")}`,
    );
  }
  const ensemble = positionals[0];
  if (!(ENSEMBLES as readonly string[]).includes(ensemble)) {
    throw new UsageError(
      `unknown ensemble ${quote(ensemble)}; expected one of ${ENSEMBLES.join(", ")}`,
    );
  }
  const nText = flagString(values, "n");
  if (nText === undefined) throw new UsageError("--n is required");
  const n = parseInteger("n", nText, 1);
  const betaText = flagString(values, "beta");
  const beta = betaText === undefined ? DEFAULT_BETA : parseNumber("beta", betaText);
  if (beta < 0) throw new UsageError(`--beta must be >= 0, got ${beta}`);
  const samplesText = flagString(values, "samples");
  const samples =
    samplesText === undefined ? DEFAULT_SAMPLES : parseInteger("samples", samplesText, 1);
  const seed = chooseSeed(values);
  const firstSample = parseFirstSample(values, samples);
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
    seed: seed.seed,
    stat,
    reportedParams: reported,
    scaling,
  };
  if (firstSample !== 0) job.firstSample = firstSample;
  const summary = parseChoice<Summary>(
    "summary",
    flagString(values, "summary"),
    ["values", "moments", "cdf"],
    DEFAULT_SUMMARY,
  );
  const local = stat === "spacings" || stat === "window";
  if (summary !== "values" && stat !== "max" && !(local && summary === "cdf")) {
    throw new UsageError(
      local
        ? `--stat ${stat} takes --summary values or cdf`
        : "--summary applies to --stat max (λ_max of each sample) and to --stat spacings|window (cdf)",
    );
  }
  const binsText = flagString(values, "bins");
  const rangeText = flagString(values, "range");
  let histogram: UniformBins | undefined;
  let grid: UniformBins | undefined;
  if (summary === "cdf") {
    const bins =
      binsText === undefined
        ? (local ? LOCAL_CDF_GRID : CDF_GRID).bins
        : parseInteger("bins", binsText, 1);
    if (bins > 1e6) throw new UsageError(`--bins must be <= 1e6, got ${bins}`);
    let range: [number, number];
    if (rangeText === undefined && local) {
      range = [LOCAL_CDF_GRID.lo, LOCAL_CDF_GRID.hi];
    } else if (rangeText === undefined) {
      if (scaling !== "edge") {
        throw new UsageError(
          `--summary cdf needs --range LO,HI (or --scaling edge: default ${CDF_GRID.lo},${CDF_GRID.hi})`,
        );
      }
      range = [CDF_GRID.lo, CDF_GRID.hi];
    } else {
      const parts = parseNumberList("range", rangeText);
      if (parts.length !== 2 || !(parts[1] > parts[0])) {
        throw new UsageError(`--range must be LO,HI with LO < HI, got "${rangeText}"`);
      }
      range = [parts[0], parts[1]];
    }
    grid = { lo: range[0], hi: range[1], bins };
  } else if (stat === "histogram") {
    const bins =
      binsText === undefined ? DEFAULT_HISTOGRAM_BINS : parseInteger("bins", binsText, 1);
    if (bins > 1e6) throw new UsageError(`--bins must be <= 1e6, got ${bins}`);
    let range: [number, number];
    if (rangeText === undefined) {
      range = defaultHistogramRange(spec, n, beta);
    } else {
      const parts = parseNumberList("range", rangeText);
      if (parts.length !== 2 || !(parts[1] > parts[0])) {
        throw new UsageError(`--range must be LO,HI with LO < HI, got ${quote(rangeText)}`);
      }
      range = [parts[0], parts[1]];
    }
    job.edges = uniformEdges(range[0], range[1], bins);
    histogram = { lo: range[0], hi: range[1], bins };
  } else if (binsText !== undefined || rangeText !== undefined) {
    throw new UsageError("--bins and --range apply only to --stat histogram or --summary cdf");
  }
  parseLocalStatisticsFlags(values, job);
  const plotText = flagString(values, "plot");
  if (plotText !== undefined && summary !== "values") {
    throw new UsageError("--plot needs --summary values (the figure shows every λ_max)");
  }
  const scale = parseScaleFlags(values, {
    seedGiven: !seed.drawn,
    output: flagString(values, "output"),
    plot: plotText,
    format: flagString(values, "format"),
  });
  if (
    local &&
    summary === "values" &&
    (scale.shard !== undefined || (typeof scale.workers === "number" && scale.workers > 1))
  ) {
    throw new UsageError(
      `--stat ${stat} runs in one thread (rows of varying length): use --summary cdf, drop --workers and --shard, or split the run with --first-sample`,
    );
  }
  const substreamText = flagString(values, "substream");
  if (substreamText !== undefined && !(local && summary === "cdf")) {
    throw new UsageError("--substream applies only to --stat spacings|window --summary cdf");
  }
  const substream = substreamText === undefined ? 0 : parseInteger("substream", substreamText, 0);
  if (substream > 0xffffffff) {
    throw new UsageError(`--substream must be <= 4294967295, got ${substream}`);
  }
  // Paths checked before any work (a shard's --output with "{shard}" replaced).
  const outputs = planRunOutputs(shardFlagValues(values, scale));
  if (local && summary === "cdf" && outputs.format !== "json") {
    throw new UsageError(
      `--summary cdf of --stat ${stat} writes JSON: drop --format ${outputs.format}`,
    );
  }
  if (outputs.format === "npy" && stat === "spacings" && job.bulk !== undefined) {
    throw new UsageError("--bulk gives rows of different lengths: use --format json or csv");
  }
  // The cost this process takes on: its shard's samples (the whole run is split).
  const mine = scale.shard
    ? shardRange({ first: firstSample, count: samples }, scale.shard).count
    : samples;
  const mineJob = { ...job, samples: Math.max(mine, 1) };
  // Its threads (--workers K): the time on min(K, cores) cores, the memory of K workers.
  let oneCore = { seconds: 0, values: 0 };
  try {
    oneCore = estimateJobCost(mineJob);
  } catch {
    // checkJob reports what is wrong with the job.
  }
  const threads = local
    ? undefined
    : threadsFor(scale, oneCore.seconds, mine, stat === "histogram" ? 0 : 8 * oneCore.values);
  checkJob(mineJob, (limit) => sampleAdvice(job, limit), threads);
  const specJob: SpecSampleJob = {
    task: "sample",
    ensemble: spec.ensemble,
    params: { ...spec.params },
    reported: Object.entries(reported),
    model,
    // spacings and window never reach the driver (sampleCommand runs them in one thread).
    stat: stat as SpecSampleJob["stat"],
    n,
    beta,
    seed: seed.seed,
    first: firstSample,
    count: samples,
    histogram,
    scaling,
    summary,
    grid,
  };
  if (local && summary === "cdf") {
    specJob.local = {
      ...(job.bulk ? { bulk: job.bulk } : {}),
      ...(stat === "window"
        ? {
            energy: job.energy ?? defaultEnergy(spec as ClassicalSpec, n, beta),
            windowSize: job.count,
          }
        : {}),
      ratioBins: LOCAL_RATIO_BINS,
      substream,
    };
  }
  // The text an output becomes is refused beyond one string (~512 MiB), streamed or not (one
  // policy, docs/conventions.md §6); a shard writes a binary partial file.
  if (!scale.shard && !(local && summary === "cdf")) {
    checkBudget(
      { what: "this run", textBytes: textBytesOf(estimateJobCost(job).values, outputs.format) },
      sampleAdvice(job, "text"),
    );
  }
  return { job, specJob, scale, outputs, seed };
}

/** What to change when `betaens sample` is over budget, in terms of its flags. */
function sampleAdvice(job: SampleJob, limit: "memory" | "time" | "text"): string {
  const split = "or split it into shards with --shard i/K (docs/scale.md)";
  if (limit === "text") return "use --format npy (8 bytes per number), or fewer --samples";
  if (job.model === "full" || job.spec.ensemble === "ginibre") {
    return job.spec.ensemble === "ginibre"
      ? "use a smaller --n"
      : "the tridiagonal model (the default) samples the same law in O(N) memory and O(N²) time";
  }
  if (job.stat === "eigenvalues") {
    return `use --stat max or --stat histogram (O(N) per sample), fewer --samples, ${split}`;
  }
  const workDominates = limit === "memory" && 48 * job.n > 8 * job.samples;
  if (workDominates) return "use a smaller --n";
  return job.stat === "histogram"
    ? `use fewer --samples or --bins, ${split}`
    : `use fewer --samples, ${split}`;
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

/**
 * Runs `betaens sample` on the driver (src/driver/: threads with --workers, a partial result with
 * --shard); the output is written to stdout or --output (with --plot, together and atomically),
 * the rows streamed as they are produced when no figure needs them. spacings and window run in
 * this thread (runLocalStatistics). Returns the output object when it was built in memory.
 */
export function sampleCommand(
  argv: string[],
): SampleResult | undefined | Promise<SampleResult | undefined> {
  const { job, specJob, scale, outputs, seed } = parseSampleArgs(argv);
  const mine = scale.shard ? shardRange(specJob, scale.shard).count : job.samples;
  const { seconds } = estimateJobCost({ ...job, samples: Math.max(mine, 1) });
  announceSeed(seed, outputs.format);
  const label = `sampling ${job.spec.ensemble}`;
  if ((job.stat === "spacings" || job.stat === "window") && specJob.summary === "values") {
    const progress = progressReporter(job.samples, seconds, label);
    let result: SampleResult;
    try {
      result = runLocalStatistics(job, progress.update);
    } finally {
      progress.done();
    }
    writeRunOutputs(outputs, result, () => spacingPlotSvg(job, result));
    return result;
  }
  const done = executeJob(specJob, {
    scale,
    outputs,
    label,
    operations: seconds * 1e8,
    figure: (result) => samplePlotSvg(job, result as unknown as SampleResult),
  });
  return done as SampleResult | undefined | Promise<SampleResult | undefined>;
}
