/**
 * `betaens tw <cdf|pdf|sf|logcdf|logsf|logpdf|quantile|isf|sample> …` — the Tracy–Widom laws on the
 * command line (docs/conventions.md, docs/tracy-widom/). Any β > 0: β ∈ {1, 2, 4} from the Fredholm
 * determinants (src/theory/tracyWidom.ts, relative accuracy in both tails), other β computed from
 * the Bloemendal–Virág boundary-value problem (src/theory/tracyWidomGeneral.ts), both through the
 * distribution objects of tracyWidom(β). sample: on the driver (--workers, --shard), by inversion
 * for β ∈ {1, 2, 4} and from the truncated Hermite model otherwise (src/ensembles/tracyWidomBeta.ts).
 */

import { checkBudget } from "../budget.js";
import { truncationSize } from "../ensembles/edge.js";
import { TRACY_WIDOM_BETA_N } from "../ensembles/tracyWidomBeta.js";
import { CDF_GRID, TW_SAMPLE_DEFAULTS } from "../spec/defaults.js";
import type { Summary, TracyWidomJob, UniformBins } from "../spec/job.js";
import { shardRange } from "../spec/shard.js";
import type { TracyWidomConvention } from "../theory/tracyWidom.js";
import { TRACY_WIDOM_BETA_RANGE } from "../theory/tracyWidomGeneral.js";
import { tracyWidom } from "../theory/tracyWidomLaw.js";
import { VERSION } from "../version.js";
import {
  flagString,
  parseChoice,
  parseFlags,
  parseInteger,
  parseNumber,
  parseNumberList,
} from "./args.js";
import { UsageError } from "./errors.js";
import {
  announceSeed,
  chooseSeed,
  parseFirstSample,
  planRunOutputs,
  type RunOutputs,
  textBytesOf,
  writeRunOutputs,
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

export const TW_USAGE = `usage: betaens tw <cdf|pdf|sf|logcdf|logsf|logpdf> --beta B [--convention beta|tw] --x X1,X2,…
       betaens tw quantile --beta B [--convention beta|tw] --p P1,P2,…   (0 < p < 1)
       betaens tw isf --beta B [--convention beta|tw] --q Q1,Q2,…        (0 < q < 1; the x with 1 − F(x) = q)
       betaens tw sample --beta B [--samples S] [--seed K] [--first-sample F] [--convention beta|tw]
                         [--n N]
  common: [--format json|csv|npy] [--output FILE]
  --beta: any β > 0; 1, 2, 4 from the Fredholm determinants (tails to ~1e−12 relative),
          other β in [${TRACY_WIDOM_BETA_RANGE[0]}, ${TRACY_WIDOM_BETA_RANGE[1]}] computed from the Bloemendal–Virág equation (~1e−8, set-up < 1 s).
  --convention beta (default): the β-ensemble law (β = 4: CDF F4^TW(2^(1/6) s));
               tw: Tracy–Widom's 1996 F4 (differs only for β = 4).
  sample: any β > 0; β = 1, 2, 4 by inversion of the Fredholm CDF, other β from the Hermite
          β-ensemble of size --n (default ${TRACY_WIDOM_BETA_N}, top ~c·N^(1/3) rows).
  csv/npy: cdf/pdf/quantile write rows "x,value" (shape (k, 2)); sample one number per line.
  sample s of seed K uses random stream (K, s); --first-sample F draws F … F+S−1.
  sample --summary ${TW_SAMPLE_DEFAULTS.summary} (default) | moments (exact power sums: mean, variance, skewness,
         excess kurtosis; csv/npy: count, mean, variance, skewness, excess kurtosis) | cdf
         (counts on --bins B (default ${CDF_GRID.bins}) over --range LO,HI (default ${CDF_GRID.lo},${CDF_GRID.hi})): any --samples.
${SCALE_USAGE}`;

const SUBCOMMANDS = [
  "cdf",
  "pdf",
  "sf",
  "logcdf",
  "logsf",
  "logpdf",
  "quantile",
  "isf",
  "sample",
] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];
/** The subcommands evaluating a function of x. */
const OF_X = ["cdf", "pdf", "sf", "logcdf", "logsf", "logpdf"] as const;

const FLAGS = [
  "beta",
  "convention",
  "x",
  "p",
  "q",
  "samples",
  "seed",
  "first-sample",
  "n",
  "format",
  "output",
  "summary",
  "bins",
  "range",
  ...SCALE_FLAGS,
] as const;

/** Flags each subcommand accepts (others are usage errors, not silently ignored). */
const ALLOWED: Record<Subcommand, readonly string[]> = {
  cdf: ["beta", "convention", "x", "format", "output"],
  pdf: ["beta", "convention", "x", "format", "output"],
  sf: ["beta", "convention", "x", "format", "output"],
  logcdf: ["beta", "convention", "x", "format", "output"],
  logsf: ["beta", "convention", "x", "format", "output"],
  logpdf: ["beta", "convention", "x", "format", "output"],
  quantile: ["beta", "convention", "p", "format", "output"],
  isf: ["beta", "convention", "q", "format", "output"],
  sample: [
    "beta",
    "convention",
    "samples",
    "seed",
    "first-sample",
    "n",
    "format",
    "output",
    "summary",
    "bins",
    "range",
    ...SCALE_FLAGS,
  ],
};

/** Runs `betaens tw …` with the arguments after "tw"; writes the result to stdout or --output. */
export function twCommand(argv: string[]): void | Promise<void> {
  const { values, positionals } = parseFlags(argv, FLAGS, [], "tw");
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
      `unknown tw subcommand "${positionals[0]}"; expected one of ${SUBCOMMANDS.join(", ")}`,
    );
  }
  for (const flag of FLAGS) {
    if (values[flag] !== undefined && !ALLOWED[sub].includes(flag)) {
      throw new UsageError(`--${flag} does not apply to tw ${sub}`);
    }
  }
  const betaText = flagString(values, "beta");
  if (betaText === undefined) throw new UsageError("--beta is required");
  const beta = parseNumber("beta", betaText);
  const convention = parseChoice<TracyWidomConvention>(
    "convention",
    flagString(values, "convention"),
    ["beta", "tw"],
    "beta",
  );
  const head = { betaens: VERSION, command: "tw" };

  if (sub === "sample") {
    const scale = parseScaleFlags(values, {
      seedGiven: flagString(values, "seed") !== undefined,
      output: flagString(values, "output"),
      format: flagString(values, "format"),
    });
    // Paths checked before any work (a shard's --output with "{shard}" replaced).
    const outputs = planRunOutputs(shardFlagValues(values, scale), { plot: false });
    const { job, seconds } = sampleJob(values, beta, convention, outputs, scale);
    const done = executeJob(job, {
      scale,
      outputs,
      label: "sampling TW",
      operations: seconds * 1e8,
    });
    return done instanceof Promise ? done.then(() => undefined) : undefined;
  }
  const outputs = planRunOutputs(values, { plot: false });
  const format = outputs.format;
  const law = lawFor(beta, convention);
  if (sub === "quantile" || sub === "isf") {
    const flag = sub === "quantile" ? "p" : "q";
    const text = flagString(values, flag);
    if (text === undefined) throw new UsageError(`--${flag} is required for tw ${sub}`);
    const probabilities = parseNumberList(flag, text);
    for (const value of probabilities) {
      // 0 and 1 give ∓∞, which JSON cannot carry.
      if (!(value > 0 && value < 1))
        throw new UsageError(`--${flag} must be in (0, 1), got ${value}`);
    }
    const f = sub === "quantile" ? law.quantile : law.isf;
    const result = probabilities.map((value) => f(value));
    const rows = probabilities.map((value, i) => [value, result[i]]);
    const json = { ...head, beta, convention, [flag]: probabilities, [sub]: result };
    writeRunOutputs(outputs, format === "json" ? json : { samples: rows });
    return;
  }
  const xText = flagString(values, "x");
  if (xText === undefined) throw new UsageError(`--x is required for tw ${sub}`);
  const x = parseNumberList("x", xText);
  const f = law[sub as (typeof OF_X)[number]];
  const y = x.map((value) => f(value));
  const rows = x.map((value, i) => [value, y[i]]);
  const json = { ...head, beta, convention, x, [sub]: y };
  writeRunOutputs(outputs, format === "json" ? json : { samples: rows });
}

/**
 * The law object for the evaluation subcommands: any β > 0 in the supported range; convention tw
 * only for β = 4 (and 1, 2, where it coincides).
 */
function lawFor(beta: number, convention: TracyWidomConvention) {
  if (!(beta > 0 && Number.isFinite(beta))) {
    throw new UsageError(`--beta must be a finite number > 0, got ${beta}`);
  }
  const classical = beta === 1 || beta === 2 || beta === 4;
  if (convention === "tw" && !classical) {
    throw new UsageError("--convention tw is defined only for beta = 4 (1, 2: same as beta)");
  }
  const [lo, hi] = TRACY_WIDOM_BETA_RANGE;
  if (!classical && !(beta >= lo && beta <= hi)) {
    throw new UsageError(
      `--beta ${beta} is outside [${lo}, ${hi}], where TW_beta is computed with stated accuracy (docs/tracy-widom/)`,
    );
  }
  return tracyWidom(beta, { convention });
}

/** Seconds per draw by inversion (measured ≈ 30 µs with the table's first use) and per model row. */
const SECONDS_PER_INVERSION = 5e-5;
const SECONDS_PER_ROW = 2e-6;

/**
 * The job of `tw sample`: sample i of seed K uses createRandomSource(K, i), for i = F … F + S − 1
 * (F = --first-sample). The shared budget (src/budget.ts) is checked for this process's samples
 * (a shard's block) and the seed announced, before any work.
 */
function sampleJob(
  values: Record<string, string | boolean | undefined>,
  beta: number,
  convention: TracyWidomConvention,
  outputs: RunOutputs,
  scale: ScaleOptions,
): { job: TracyWidomJob; seconds: number } {
  if (!(beta > 0 && Number.isFinite(beta))) {
    throw new UsageError(`--beta must be a finite number > 0, got ${beta}`);
  }
  const samplesText = flagString(values, "samples");
  const count =
    samplesText === undefined
      ? TW_SAMPLE_DEFAULTS.samples
      : parseInteger("samples", samplesText, 1);
  const seed = chooseSeed(values);
  const first = parseFirstSample(values, count);
  const nText = flagString(values, "n");
  const summary = parseChoice<Summary>(
    "summary",
    flagString(values, "summary"),
    ["values", "moments", "cdf"],
    TW_SAMPLE_DEFAULTS.summary,
  );
  const binsText = flagString(values, "bins");
  const rangeText = flagString(values, "range");
  let grid: UniformBins | undefined;
  if (summary === "cdf") {
    const bins =
      binsText === undefined ? TW_SAMPLE_DEFAULTS.grid.bins : parseInteger("bins", binsText, 1);
    if (bins > 1e6) throw new UsageError(`--bins must be <= 1e6, got ${bins}`);
    const range =
      rangeText === undefined
        ? [TW_SAMPLE_DEFAULTS.grid.lo, TW_SAMPLE_DEFAULTS.grid.hi]
        : parseNumberList("range", rangeText);
    if (range.length !== 2 || !(range[1] > range[0])) {
      throw new UsageError(`--range must be LO,HI with LO < HI, got "${rangeText}"`);
    }
    grid = { lo: range[0], hi: range[1], bins };
  } else if (binsText !== undefined || rangeText !== undefined) {
    throw new UsageError("--bins and --range apply only to --summary cdf");
  }
  const classical = beta === 1 || beta === 2 || beta === 4;
  if (classical && nText !== undefined) {
    throw new UsageError("--n applies only to beta not in {1, 2, 4} (those are sampled exactly)");
  }
  if (!classical && convention === "tw") {
    throw new UsageError("--convention tw is defined only for beta = 4 (1, 2: same as beta)");
  }
  const n = nText === undefined ? TRACY_WIDOM_BETA_N : parseInteger("n", nText, 2);
  if (!classical && !(n + 0.5 - 1 / beta > 0)) {
    // The Hermite edge scaling (src/theory/edgeScaling.ts) needs N + 1/2 − 1/β > 0.
    const needed = Math.floor(1 / beta) + 1;
    throw new UsageError(
      `--beta ${beta} is too small for the Hermite model of size --n ${n}: it needs beta > 1/(n + 1/2); ` +
        (needed <= 2 ** 51
          ? `use --n ${needed} or more, or a larger --beta`
          : "use a larger --beta"),
    );
  }
  // The cost this process takes on: its shard's samples (the whole run is split).
  const mine = scale.shard ? shardRange({ first, count }, scale.shard).count : count;
  const perSample = classical ? SECONDS_PER_INVERSION : SECONDS_PER_ROW * truncationSize(n, beta);
  const seconds = mine * perSample;
  const kept = summary === "values" ? mine : 0;
  checkBudget(
    {
      what: "this run",
      bytes: 8 * kept,
      seconds,
      // A shard writes a binary partial file.
      textBytes: scale.shard ? 0 : textBytesOf(kept, outputs.format),
      // --workers K: the time on min(K, cores) cores; each worker a Hermite model of its rows.
      threads: threadsFor(scale, seconds, mine, 8 * kept),
    },
    (limit) =>
      limit === "text"
        ? "use --format npy (8 bytes per number), --summary moments|cdf, or fewer --samples"
        : "use fewer --samples (or a smaller --n), --summary moments|cdf, or split the run with --shard i/K (docs/scale.md)",
  );
  announceSeed(seed, outputs.format);
  const common = {
    task: "tw" as const,
    beta,
    convention,
    seed: seed.seed,
    first,
    count,
    summary,
    grid,
  };
  const job: TracyWidomJob = classical
    ? { ...common, method: "inversion" }
    : { ...common, method: "hermite-truncated", n };
  return { job, seconds };
}
