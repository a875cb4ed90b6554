/**
 * `betaens spacing|gap|hardedge …` — the local-statistics laws on the command line
 * (src/theory/localStatistics.ts): cdf, sf, pdf, quantile and sample of
 *   spacing:  the sine_β spacing (--kind consecutive, default) or nearest-neighbour spacing;
 *   gap:      the ratio of consecutive spacings r (--kind ratio) or min(r, 1/r) (--kind folded),
 *             and `gap probability`: E_β(k; s), the law of the number of points in a length s;
 *   hardedge: the hard-edge law of X = 4(N + a/β)·λ_min for the Laguerre weight x^a e^{−βx/2}.
 * β = 1, 2, 4 are exact where the method table of localStatistics.ts says so, the other tabulated β
 * (0.5, 1.5, 3, 6, 10) come from the simulation in docs/local-statistics; the JSON says which.
 */
import { createRandomSource } from "../random/philox.js";
import type { ContinuousLaw } from "../theory/distribution.js";
import {
  hardEdgeLaw,
  sineCountingLaw,
  sineGapRatioLaw,
  sineNearestNeighbourLaw,
  sineSpacingLaw,
} from "../theory/localStatistics.js";
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
  writeRunOutputs,
} from "./output.js";

type Command = "spacing" | "gap" | "hardedge";
const SUBCOMMANDS = ["cdf", "sf", "pdf", "quantile", "sample"] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

export const SPACING_USAGE = `usage: betaens spacing <cdf|sf|pdf> --beta B [--kind consecutive|nearest] --x X1,X2,…
       betaens spacing quantile --beta B [--kind …] --p P1,P2,…      (0 < p < 1)
       betaens spacing sample --beta B [--kind …] [--samples S] [--seed K] [--first-sample F]
  The sine_β spacing law at unit density (N = ∞): consecutive spacings (Gaudin's law; exact for
  beta 1, 2, 4) or the nearest-neighbour distance min(s_left, s_right) (exact for beta 2); beta
  0.5, 1.5, 3, 6, 10 (and nearest for 1, 4) from the CβE simulation table (docs/local-statistics).
  common: [--format json|csv|npy] [--output FILE]`;

export const GAP_USAGE = `usage: betaens gap <cdf|sf|pdf> --beta B [--kind ratio|folded] --x X1,X2,…
       betaens gap quantile --beta B [--kind …] --p P1,P2,…
       betaens gap sample --beta B [--kind …] [--samples S] [--seed K] [--first-sample F]
       betaens gap probability --beta 1|2|4 --s S1,S2,… [--k K]
  The ratio r = s_{n+1}/s_n of consecutive spacings of sine_β (--kind ratio, default) or
  min(r, 1/r) (--kind folded): exact for beta 2, simulated for the other tabulated beta.
  probability: E_β(k; s), k = 0 … K (default 5), the probability of exactly k points of sine_β in an
  interval of length s (exact, beta 1, 2, 4).
  common: [--format json|csv|npy] [--output FILE]`;

export const HARDEDGE_USAGE = `usage: betaens hardedge <cdf|sf|pdf> --beta 1|2|4 --a A --x X1,X2,…
       betaens hardedge quantile --beta 1|2|4 --a A --p P1,P2,…
       betaens hardedge sample --beta 1|2|4 --a A [--samples S] [--seed K] [--first-sample F]
  The limit law of X = 4(N + a/beta)·λ_min for the Laguerre weight x^a e^{−βx/2} (a > −1; beta 4:
  a > 0). For betaens laguerre parameters (shape k, scale θ): a = k − 1 and x = 2λ/(βθ); real
  Wishart N×M: a = (M − N − 1)/2. Each value is a Fredholm determinant (≈ 1 ms; quantile ≈ 60).
  common: [--format json|csv|npy] [--output FILE]`;

const FLAGS = [
  "beta",
  "kind",
  "a",
  "x",
  "p",
  "s",
  "k",
  "samples",
  "seed",
  "first-sample",
  "format",
  "output",
] as const;

/** Most values per call (each hard-edge value is a determinant: a tenth of that). */
const MAX_VALUES = 1e6;

function lawFor(
  command: Command,
  values: Record<string, string | boolean | undefined>,
  beta: number,
) {
  const kindText = flagString(values, "kind");
  if (command === "hardedge") {
    if (kindText !== undefined) throw new UsageError("--kind does not apply to hardedge");
    const aText = flagString(values, "a");
    if (aText === undefined) throw new UsageError("--a is required for hardedge");
    const a = parseNumber("a", aText);
    return {
      law: hardEdgeLaw(beta as 1 | 2 | 4, a),
      kind: "smallest",
      fields: { a },
      costly: true,
    };
  }
  if (flagString(values, "a") !== undefined)
    throw new UsageError(`--a does not apply to ${command}`);
  if (command === "spacing") {
    const kind = parseChoice("kind", kindText, ["consecutive", "nearest"], "consecutive");
    const law = kind === "nearest" ? sineNearestNeighbourLaw(beta) : sineSpacingLaw(beta);
    return { law, kind, fields: {}, costly: false };
  }
  const kind = parseChoice("kind", kindText, ["ratio", "folded"], "ratio");
  return { law: sineGapRatioLaw(beta, kind === "folded"), kind, fields: {}, costly: false };
}

/** Runs `betaens spacing|gap|hardedge …` with the arguments after the command name. */
export function localLawCommand(command: Command, argv: string[]): void {
  const { values, positionals } = parseFlags(argv, FLAGS);
  const allowed = command === "gap" ? [...SUBCOMMANDS, "probability"] : SUBCOMMANDS;
  if (positionals.length !== 1 || !(allowed as readonly string[]).includes(positionals[0])) {
    throw new UsageError(
      positionals.length === 0
        ? `missing subcommand: one of ${allowed.join(", ")}`
        : `unknown ${command} subcommand "${positionals.join(" ")}"; expected one of ${allowed.join(", ")}`,
    );
  }
  const sub = positionals[0] as Subcommand | "probability";
  const betaText = flagString(values, "beta");
  if (betaText === undefined) throw new UsageError("--beta is required");
  const beta = parseNumber("beta", betaText);
  const outputs = planRunOutputs(values, { plot: false });
  const format = outputs.format;
  const head = { betaens: VERSION, command };
  const only = (flags: string[]) => {
    for (const flag of FLAGS) {
      if (values[flag] !== undefined && !flags.includes(flag)) {
        throw new UsageError(`--${flag} does not apply to ${command} ${sub}`);
      }
    }
  };
  if (sub === "probability") {
    only(["beta", "s", "k", "format", "output"]);
    if (beta !== 1 && beta !== 2 && beta !== 4) {
      throw new UsageError(`--beta must be 1, 2 or 4 for gap probability, got ${beta}`);
    }
    const sText = flagString(values, "s");
    if (sText === undefined) throw new UsageError("--s is required for gap probability");
    const s = parseNumberList("s", sText);
    if (s.length > 1e4)
      throw new UsageError(`at most 10000 interval lengths per call, got ${s.length}`);
    const kText = flagString(values, "k");
    const kMax = kText === undefined ? 5 : parseInteger("k", kText, 0);
    if (kMax > 1000) throw new UsageError(`--k must be <= 1000, got ${kMax}`);
    const rows = s.map((length) => {
      const law = sineCountingLaw(beta, length);
      return Array.from({ length: kMax + 1 }, (_, k) => law.pmf(k));
    });
    const json = { ...head, subcommand: "probability", beta, s, k: kMax, probabilities: rows };
    writeRunOutputs(outputs, format === "json" ? json : { samples: rows });
    return;
  }
  only(
    sub === "sample"
      ? ["beta", "kind", "a", "samples", "seed", "first-sample", "format", "output"]
      : sub === "quantile"
        ? ["beta", "kind", "a", "p", "format", "output"]
        : ["beta", "kind", "a", "x", "format", "output"],
  );
  const { law, kind, fields, costly } = lawFor(command, values, beta);
  const limit = costly ? MAX_VALUES / 100 : MAX_VALUES;
  const described = { ...head, law: law.name, beta, kind, ...fields };
  if (sub === "sample") {
    const samplesText = flagString(values, "samples");
    const count = samplesText === undefined ? 1 : parseInteger("samples", samplesText, 1);
    if (count > (costly ? limit / 60 : limit)) {
      throw new UsageError(
        `--samples must be <= ${costly ? limit / 60 : limit} for ${command}, got ${count}`,
      );
    }
    const seed = chooseSeed(values);
    const first = parseFirstSample(values, count);
    announceSeed(seed, format);
    // Sample i of seed K is the quantile of the first uniform of createRandomSource(K, i).
    const samples = new Float64Array(count);
    for (let i = 0; i < count; i++)
      samples[i] = law.quantile(createRandomSource(seed.seed, first + i).uniform());
    const json: Record<string, unknown> & { samples: Float64Array } = {
      ...described,
      seed: seed.seed,
      ...(first !== 0 ? { firstSample: first } : {}),
      samples,
    };
    writeRunOutputs(outputs, format === "json" ? json : { samples });
    return;
  }
  const flag = sub === "quantile" ? "p" : "x";
  const text = flagString(values, flag);
  if (text === undefined) throw new UsageError(`--${flag} is required for ${command} ${sub}`);
  const points = parseNumberList(flag, text);
  if (points.length > (sub === "quantile" && costly ? limit / 60 : limit)) {
    throw new UsageError(`too many values for ${command} ${sub}: ${points.length}`);
  }
  if (sub === "quantile") {
    for (const p of points) {
      if (!(p > 0 && p < 1)) throw new UsageError(`--p must be in (0, 1), got ${p}`);
    }
  }
  const f: (x: number) => number = (law as ContinuousLaw)[sub] as (x: number) => number;
  const y = points.map((x) => f(x));
  const rows = points.map((x, i) => [x, y[i]]);
  writeRunOutputs(
    outputs,
    format === "json" ? { ...described, [flag]: points, [sub]: y } : { samples: rows },
  );
}
