/**
 * `betaens mixing --potential "…" --beta B --n N1,N2,… …`: the O(log N) mixing study of the Gibbs
 * sampler (src/mixing/study.ts; docs/theory.md §4.3–4.4), as JSON and optionally as a two-panel SVG.
 */

import { checkBudget } from "../budget.js";
import type { GibbsInitial } from "../gibbs/sampler.js";
import { mixingFigureSvg } from "../mixing/figure.js";
import { estimateMixingCost, type MixingResult } from "../mixing/study.js";
import { parseCoefficientList } from "../potentials/coefficients.js";
import { parsePotential } from "../potentials/parse.js";
import { validatePotential } from "../potentials/validate.js";
import { MIXING_DEFAULTS, mixingControlSamples } from "../spec/defaults.js";
import type { MixingJob } from "../spec/job.js";
import { shardRange } from "../spec/shard.js";
import { flagString, parseChoice, parseFlags, parseInteger, parseNumber, quote } from "./args.js";
import { UsageError } from "./errors.js";
import { chooseSeed, planRunOutputs } from "./output.js";
import {
  executeJob,
  parseScaleFlags,
  SCALE_FLAGS,
  SCALE_USAGE,
  shardFlagValues,
  threadsFor,
} from "./scale.js";

export const MIXING_USAGE = `usage: betaens mixing --potential "x^4/4" | --coeffs g0,g1,…,gd --beta B --n N1,N2,…
        [--chains C] [--passes P] [--seed K] [--initial zero|hermite] [--control M]
        [--output FILE.json] [--plot FILE.svg]
  Runs C independent Gibbs chains (default ${MIXING_DEFAULTS.chains}) of P passes (default ${MIXING_DEFAULTS.passes}) for each N; after every
  pass rescales λ_max to ξ = N^(2/3) c_V (λ_max − b_V) and reports the KS distance of the C values
  to TW_β, their mean and variance, and p*(N) = the first pass with KS ≤ 1.36/√C + slack, the
  slack being the KS distance of M exact Hermite draws at the same N (default max(${MIXING_DEFAULTS.controlMinimum}, ${MIXING_DEFAULTS.controlPerChain}C)).
  Chain c of the j-th N uses random stream (seed, c, j). JSON on stdout unless --output.
${SCALE_USAGE}
  (the units of --workers and --shard are the chains: unit j·C + c is chain c of the j-th N)`;

const FLAGS = [
  "potential",
  "coeffs",
  "beta",
  "n",
  "chains",
  "passes",
  "seed",
  "initial",
  "control",
  "output",
  "plot",
  ...SCALE_FLAGS,
] as const;

/** Runs `betaens mixing`; writes the JSON result (and the figure) and returns the result. */
export async function mixingCommand(argv: string[]): Promise<MixingResult | undefined> {
  const { values, positionals } = parseFlags(argv, FLAGS, [], "mixing");
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
  validatePotential(coeffs);
  const betaText = flagString(values, "beta");
  if (betaText === undefined) throw new UsageError("--beta is required");
  const beta = parseNumber("beta", betaText);
  if (!(beta > 0)) throw new UsageError(`--beta must be > 0, got ${beta}`);
  const nText = flagString(values, "n");
  if (nText === undefined) throw new UsageError("--n is required (a list N1,N2,…)");
  const ns = nText.split(",").map((part) => parseInteger("n", part, 2));
  if (new Set(ns).size !== ns.length) throw new UsageError(`--n has repeated sizes: ${nText}`);
  const integer = (flag: string, fallback: number, min: number): number => {
    const text = flagString(values, flag);
    return text === undefined ? fallback : parseInteger(flag, text, min);
  };
  const chains = integer("chains", MIXING_DEFAULTS.chains, 2);
  const passes = integer("passes", MIXING_DEFAULTS.passes, 1);
  const controlText = flagString(values, "control");
  const controlSamples =
    controlText === undefined ? undefined : parseInteger("control", controlText, 1);
  const { seed } = chooseSeed(values);
  const initial = parseChoice<GibbsInitial>(
    "initial",
    flagString(values, "initial"),
    ["zero", "hermite"],
    MIXING_DEFAULTS.initial,
  );
  const output = flagString(values, "output");
  const sharded = flagString(values, "shard") !== undefined;
  if (output !== undefined && !sharded && !output.toLowerCase().endsWith(".json")) {
    throw new UsageError(`--output must name a .json file, got ${quote(output)}`);
  }
  const scale = parseScaleFlags(values, {
    seedGiven: flagString(values, "seed") !== undefined,
    output,
    plot: flagString(values, "plot"),
  });
  // Paths checked before any work (a shard's --output with "{shard}" replaced).
  const outputs = planRunOutputs(shardFlagValues(values, scale), { formats: ["json"] });
  const options = { coeffs, beta, ns, chains, passes, seed, initial, controlSamples };
  // The part this process takes on: a shard's chains (the summary is the merge's), or all of it,
  // on its threads (--workers K).
  const units = { first: 0, count: chains * ns.length };
  const part = scale.shard
    ? { ...shardRange(units, scale.shard), summary: false }
    : { ...units, summary: true };
  const cost = estimateMixingCost(options, part);
  checkBudget(
    {
      what: scale.shard ? "this shard of the study" : "this study",
      ...cost,
      threads: threadsFor(scale, cost.seconds, part.count, 8 * passes * part.count),
    },
    (limit) =>
      limit === "memory"
        ? "use fewer --chains, --passes or --control"
        : "use fewer --chains, --passes or sizes --n, or a smaller --control, or split it with --shard i/K",
  );
  const job: MixingJob = {
    task: "mixing",
    coeffs: Array.from(coeffs),
    beta,
    ns,
    chains,
    passes,
    initial,
    seed,
    controlSamples: controlSamples ?? mixingControlSamples(chains),
    first: 0,
    count: chains * ns.length,
  };
  const result = (await executeJob(job, {
    scale,
    outputs,
    label: "mixing study",
    operations: cost.seconds * 1e8,
    figure: (output) => mixingFigureSvg(output as unknown as MixingResult),
  })) as MixingResult | undefined;
  return result;
}
