/**
 * `betaens tw <cdf|pdf|quantile|sample> …` — the Tracy–Widom laws on the command line
 * (docs/conventions.md). cdf/pdf/quantile: β ∈ {1, 2, 4} from the Fredholm determinants
 * (src/theory/tracyWidom.ts); sample: any β > 0, by inversion for β ∈ {1, 2, 4} and from the
 * truncated Hermite model otherwise (src/ensembles/tracyWidomBeta.ts).
 */

import { TRACY_WIDOM_BETA_N } from "../ensembles/tracyWidomBeta.js";
import type { Summary, TracyWidomJob, UniformBins } from "../spec/job.js";
import {
  type TracyWidomConvention,
  tracyWidomCdf,
  tracyWidomPdf,
  tracyWidomQuantile,
} from "../theory/tracyWidom.js";
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
import { chooseFormat, chooseSeed, writeResult } from "./output.js";
import { executeJob, parseScaleFlags, SCALE_FLAGS, SCALE_USAGE } from "./scale.js";

export const TW_USAGE = `usage: betaens tw <cdf|pdf> --beta 1|2|4 [--convention beta|tw] --x X1,X2,…
       betaens tw quantile --beta 1|2|4 [--convention beta|tw] --p P1,P2,…   (0 < p < 1)
       betaens tw sample --beta B [--samples S] [--seed K] [--convention beta|tw] [--n N]
  common: [--format json|csv|npy] [--output FILE]
  --convention beta (default): the β-ensemble law (β = 4: CDF F4^TW(2^(1/6) s));
               tw: Tracy–Widom's 1996 F4 (differs only for β = 4).
  sample: any β > 0; β = 1, 2, 4 by inversion of the Fredholm CDF, other β from the Hermite
          β-ensemble of size --n (default ${TRACY_WIDOM_BETA_N}, top ~c·N^(1/3) rows).
  csv/npy: cdf/pdf/quantile write rows "x,value" (shape (k, 2)); sample one number per line.
  sample --summary values (default) | moments (exact power sums: mean, variance, skewness,
         excess kurtosis; csv/npy: count, mean, variance, skewness, excess kurtosis) | cdf
         (counts on --bins B (default 10000) over --range LO,HI (default -10,10)): any --samples.
${SCALE_USAGE}`;

const SUBCOMMANDS = ["cdf", "pdf", "quantile", "sample"] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

const FLAGS = [
  "beta",
  "convention",
  "x",
  "p",
  "samples",
  "seed",
  "n",
  "format",
  "output",
  "summary",
  "bins",
  "range",
  ...SCALE_FLAGS,
] as const;

/** Samples above this are refused (memory: one double each, plus the JSON text). */
const MAX_SAMPLES = 1e7;

/** Flags each subcommand accepts (others are usage errors, not silently ignored). */
const ALLOWED: Record<Subcommand, readonly string[]> = {
  cdf: ["beta", "convention", "x", "format", "output"],
  pdf: ["beta", "convention", "x", "format", "output"],
  quantile: ["beta", "convention", "p", "format", "output"],
  sample: [
    "beta",
    "convention",
    "samples",
    "seed",
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
  const { values, positionals } = parseFlags(argv, FLAGS);
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
  const output = flagString(values, "output");
  const formatText = flagString(values, "format");
  const format = chooseFormat(formatText, output);
  const head = { betaens: VERSION, command: "tw" };

  if (sub === "sample") {
    const job = sampleJob(values, beta, convention);
    const scale = parseScaleFlags(values, {
      seedGiven: flagString(values, "seed") !== undefined,
      output,
      format: formatText,
    });
    if (job.summary === "values" && job.count > MAX_SAMPLES && !scale.shard) {
      throw new UsageError(
        `--samples must be <= ${MAX_SAMPLES}, got ${job.count} (or use --summary moments|cdf, or --shard)`,
      );
    }
    const operations =
      job.method === "inversion"
        ? job.count * 500
        : job.count * 3e5 * Math.cbrt((job.n ?? 1e6) / 1e6);
    const done = executeJob(job, { scale, format, output, label: "sampling TW", operations });
    return done instanceof Promise ? done.then(() => undefined) : undefined;
  }

  const classical = classicalBeta(beta, sub);
  if (sub === "quantile") {
    const pText = flagString(values, "p");
    if (pText === undefined) throw new UsageError("--p is required for tw quantile");
    const p = parseNumberList("p", pText);
    for (const value of p) {
      // p = 0, 1 give ∓∞, which JSON cannot carry.
      if (!(value > 0 && value < 1)) throw new UsageError(`--p must be in (0, 1), got ${value}`);
    }
    const quantile = p.map((value) => tracyWidomQuantile(value, classical, convention));
    const rows = p.map((value, i) => [value, quantile[i]]);
    const json = { ...head, beta: classical, convention, p, quantile };
    writeResult(format === "json" ? json : { samples: rows }, format, output);
    return;
  }
  const xText = flagString(values, "x");
  if (xText === undefined) throw new UsageError(`--x is required for tw ${sub}`);
  const x = parseNumberList("x", xText);
  const f = sub === "cdf" ? tracyWidomCdf : tracyWidomPdf;
  const y = x.map((value) => f(value, classical, convention));
  const rows = x.map((value, i) => [value, y[i]]);
  const json = { ...head, beta: classical, convention, x, [sub]: y };
  writeResult(format === "json" ? json : { samples: rows }, format, output);
}

/** β for the Fredholm laws: 1, 2 or 4, else a usage error naming the subcommand. */
function classicalBeta(beta: number, sub: string): 1 | 2 | 4 {
  if (beta !== 1 && beta !== 2 && beta !== 4) {
    throw new UsageError(
      `--beta must be 1, 2 or 4 for tw ${sub}, got ${beta} (tw sample accepts any beta > 0)`,
    );
  }
  return beta;
}

/** The job of `tw sample`: sample i of seed K uses createRandomSource(K, i). */
function sampleJob(
  values: Record<string, string | boolean | undefined>,
  beta: number,
  convention: TracyWidomConvention,
): TracyWidomJob {
  if (!(beta > 0)) throw new UsageError(`--beta must be > 0, got ${beta}`);
  const samplesText = flagString(values, "samples");
  const count = samplesText === undefined ? 1 : parseInteger("samples", samplesText, 1);
  const seed = chooseSeed(flagString(values, "seed"), (t) => parseInteger("seed", t, 0));
  const nText = flagString(values, "n");
  const summary = parseChoice<Summary>(
    "summary",
    flagString(values, "summary"),
    ["values", "moments", "cdf"],
    "values",
  );
  const binsText = flagString(values, "bins");
  const rangeText = flagString(values, "range");
  let grid: UniformBins | undefined;
  if (summary === "cdf") {
    const bins = binsText === undefined ? 10000 : parseInteger("bins", binsText, 1);
    if (bins > 1e6) throw new UsageError(`--bins must be <= 1e6, got ${bins}`);
    const range = rangeText === undefined ? [-10, 10] : parseNumberList("range", rangeText);
    if (range.length !== 2 || !(range[1] > range[0])) {
      throw new UsageError(`--range must be LO,HI with LO < HI, got "${rangeText}"`);
    }
    grid = { lo: range[0], hi: range[1], bins };
  } else if (binsText !== undefined || rangeText !== undefined) {
    throw new UsageError("--bins and --range apply only to --summary cdf");
  }
  const common = { task: "tw" as const, beta, convention, seed, first: 0, count, summary, grid };
  if (beta === 1 || beta === 2 || beta === 4) {
    if (nText !== undefined) {
      throw new UsageError("--n applies only to beta not in {1, 2, 4} (those are sampled exactly)");
    }
    return { ...common, method: "inversion" };
  }
  if (convention === "tw") {
    throw new UsageError("--convention tw is defined only for beta = 4 (1, 2: same as beta)");
  }
  const n = nText === undefined ? TRACY_WIDOM_BETA_N : parseInteger("n", nText, 2);
  return { ...common, method: "hermite-truncated", n };
}
