/**
 * `betaens tw <cdf|pdf|sf|logcdf|logsf|logpdf|quantile|isf|sample> …` — the Tracy–Widom laws on the
 * command line (docs/conventions.md, docs/tracy-widom/). Any β > 0: β ∈ {1, 2, 4} from the Fredholm
 * determinants (src/theory/tracyWidom.ts, relative accuracy in both tails), other β computed from
 * the Bloemendal–Virág boundary-value problem (src/theory/tracyWidomGeneral.ts), both through the
 * distribution objects of tracyWidom(β). sample: by inversion for β ∈ {1, 2, 4} and from the
 * truncated Hermite model otherwise (src/ensembles/tracyWidomBeta.ts).
 */

import { TRACY_WIDOM_BETA_N, tracyWidomBetaSample } from "../ensembles/tracyWidomBeta.js";
import { createRandomSource } from "../random/philox.js";
import { type TracyWidomConvention, tracyWidomSample } from "../theory/tracyWidom.js";
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
import { chooseFormat, chooseSeed, writeResult } from "./output.js";
import { progressReporter } from "./progress.js";

export const TW_USAGE = `usage: betaens tw <cdf|pdf|sf|logcdf|logsf|logpdf> --beta B [--convention beta|tw] --x X1,X2,…
       betaens tw quantile --beta B [--convention beta|tw] --p P1,P2,…   (0 < p < 1)
       betaens tw isf --beta B [--convention beta|tw] --q Q1,Q2,…        (0 < q < 1; the x with 1 − F(x) = q)
       betaens tw sample --beta B [--samples S] [--seed K] [--convention beta|tw] [--n N]
  common: [--format json|csv|npy] [--output FILE]
  --beta: any β > 0; 1, 2, 4 from the Fredholm determinants (tails to ~1e−12 relative),
          other β in [${TRACY_WIDOM_BETA_RANGE[0]}, ${TRACY_WIDOM_BETA_RANGE[1]}] computed from the Bloemendal–Virág equation (~1e−8, set-up < 1 s).
  --convention beta (default): the β-ensemble law (β = 4: CDF F4^TW(2^(1/6) s));
               tw: Tracy–Widom's 1996 F4 (differs only for β = 4).
  sample: any β > 0; β = 1, 2, 4 by inversion of the Fredholm CDF, other β from the Hermite
          β-ensemble of size --n (default ${TRACY_WIDOM_BETA_N}, top ~c·N^(1/3) rows).
  csv/npy: cdf/pdf/quantile write rows "x,value" (shape (k, 2)); sample one number per line.`;

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
  "n",
  "format",
  "output",
] as const;

/** Samples above this are refused (memory: one double each, plus the JSON text). */
const MAX_SAMPLES = 1e7;

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
  sample: ["beta", "convention", "samples", "seed", "n", "format", "output"],
};

/** Runs `betaens tw …` with the arguments after "tw"; writes the result to stdout or --output. */
export function twCommand(argv: string[]): void {
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
  const format = chooseFormat(flagString(values, "format"), output);
  const head = { betaens: VERSION, command: "tw" };

  if (sub === "sample") {
    const result = sampleResult(values, beta, convention);
    const json = { ...head, beta, convention, ...result.fields, samples: result.samples };
    writeResult(format === "json" ? json : { samples: result.samples }, format, output);
    return;
  }

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
    writeResult(format === "json" ? json : { samples: rows }, format, output);
    return;
  }
  const xText = flagString(values, "x");
  if (xText === undefined) throw new UsageError(`--x is required for tw ${sub}`);
  const x = parseNumberList("x", xText);
  const f = law[sub as (typeof OF_X)[number]];
  const y = x.map((value) => f(value));
  const rows = x.map((value, i) => [value, y[i]]);
  const json = { ...head, beta, convention, x, [sub]: y };
  writeResult(format === "json" ? json : { samples: rows }, format, output);
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

/** Draws the samples of `tw sample`: sample i of seed K uses createRandomSource(K, i). */
function sampleResult(
  values: Record<string, string | boolean | undefined>,
  beta: number,
  convention: TracyWidomConvention,
): { samples: Float64Array; fields: Record<string, number | string> } {
  if (!(beta > 0 && Number.isFinite(beta))) {
    throw new UsageError(`--beta must be a finite number > 0, got ${beta}`);
  }
  const samplesText = flagString(values, "samples");
  const count = samplesText === undefined ? 1 : parseInteger("samples", samplesText, 1);
  if (count > MAX_SAMPLES)
    throw new UsageError(`--samples must be <= ${MAX_SAMPLES}, got ${count}`);
  const seed = chooseSeed(flagString(values, "seed"), (t) => parseInteger("seed", t, 0));
  const nText = flagString(values, "n");
  const samples = new Float64Array(count);
  if (beta === 1 || beta === 2 || beta === 4) {
    if (nText !== undefined) {
      throw new UsageError("--n applies only to beta not in {1, 2, 4} (those are sampled exactly)");
    }
    for (let i = 0; i < count; i++) {
      samples[i] = tracyWidomSample(createRandomSource(seed, i), beta, convention);
    }
    return { samples, fields: { seed, method: "inversion" } };
  }
  if (convention === "tw") {
    throw new UsageError("--convention tw is defined only for beta = 4 (1, 2: same as beta)");
  }
  const n = nText === undefined ? TRACY_WIDOM_BETA_N : parseInteger("n", nText, 2);
  // The model's centring uses N′ = N + 1/2 − 1/β (docs/conventions.md), which must be positive.
  if (!(n + 0.5 - 1 / beta > 0)) {
    throw new UsageError(
      `--beta ${beta} is too small for the Hermite model of size --n ${n}: it needs beta > 1/(n + 1/2) = ${(1 / (n + 0.5)).toPrecision(3)}; pass a larger --n`,
    );
  }
  const progress = progressReporter(count, count * 3e5 * Math.cbrt(n / 1e6), "sampling TW");
  try {
    for (let i = 0; i < count; i++) {
      samples[i] = tracyWidomBetaSample(createRandomSource(seed, i), beta, n);
      if ((i & 63) === 63) progress.update(i + 1, count);
    }
  } finally {
    progress.done();
  }
  return { samples, fields: { seed, method: "hermite-truncated", n } };
}
