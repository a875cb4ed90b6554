/**
 * `betaens linstat <ensemble> --f "EXPR" --n N1,N2,…`: sample cumulants κ₁…κ₄ of L_N = Σ f(x_i)
 * with standard errors and theory, for any ensemble/model of `betaens sample`, Ginibre's radial
 * (Kostlan) model, and the Gibbs sampler of a polynomial potential (docs/linear-statistics).
 */

import { type BudgetLimit, checkBudget } from "../budget.js";
import { linearStatisticJobValue } from "../driver/kernels.js";
import {
  checkLinearStatisticCost,
  checkLinearStatisticJob,
  type LinearStatisticJob,
  type LinearStatisticResult,
  type LinearStatisticSource,
} from "../ensembles/linearStatistics.js";
import { MODELS, type SampleModel } from "../ensembles/models.js";
import type { GibbsInitial } from "../gibbs/sampler.js";
import { formatJson } from "../io/format.js";
import { encodeNpy } from "../io/npy.js";
import {
  linearStatisticCumulantsSvg,
  linearStatisticHistogramSvg,
} from "../plot/linearStatisticsFigure.js";
import { parseCoefficientList } from "../potentials/coefficients.js";
import { parsePotential } from "../potentials/parse.js";
import { LINSTAT_DEFAULTS } from "../spec/defaults.js";
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
} from "./output.js";
import { buildSpec, ENSEMBLE_FLAGS } from "./sample.js";
import {
  executeJob,
  parseScaleFlags,
  SCALE_FLAGS,
  SCALE_USAGE,
  type ScaleOptions,
  shardFlagValues,
} from "./scale.js";

export const LINSTAT_USAGE = `usage: betaens linstat <hermite|laguerre|jacobi|circular|ginibre|fixed-trace|potential>
        --f "EXPR" --n N1,N2,… [--beta B] [--samples S] [--seed K] [--first-sample F]
        [--model tridiagonal|full|cmv|kostlan] [--scaling limit|none]
        [--format json|csv|npy] [--output FILE] [--plot FILE.svg] [--plot-histogram FILE.svg]
  ensemble parameters as for betaens sample; potential: --potential "V" | --coeffs g0,…,gd
        [--passes P (${LINSTAT_DEFAULTS.passes})] [--initial zero|hermite] (the Gibbs sampler)
  Sample cumulants κ₁…κ₄ of L_N = Σ f(x_i) (k-statistics, jackknife standard errors), S samples
  (default ${LINSTAT_DEFAULTS.samples}) per N, with the exact and large-N theory where known. EXPR: numbers, the variable
  (x; r = |z| for ginibre), + − * / ^, ( ), pi, e, exp log sqrt abs sin cos tan atan sinh cosh tanh.
  --scaling limit (default) applies f to the points on the limit law's scale (semicircle on
  [−2, 2], Marchenko–Pastur, Wachter, Nλ for fixed-trace, |z|/√N for ginibre); none to raw points.
  A polynomial f is computed from the Jacobi matrix in O(N) per sample (Σx^k = Tr J^k); ginibre
  defaults to --model kostlan (moduli |z|² ~ Gamma(j), O(N); radial f). docs/linear-statistics
  Sample s at size N_j uses stream (seed, s, j); --first-sample F takes samples F … F+S−1. Without
  --seed a seed is drawn and reported (in the JSON, or on stderr for csv/npy). Runs over 8 GiB of
  memory or ~30 minutes are refused up front (docs/conventions.md §6).
${SCALE_USAGE}`;

const FLAGS = [
  "f",
  "n",
  "beta",
  "samples",
  "seed",
  "first-sample",
  "model",
  "scaling",
  "format",
  "output",
  "plot",
  "plot-histogram",
  "potential",
  "coeffs",
  "passes",
  "initial",
  ...SCALE_FLAGS,
] as const;

const ENSEMBLES = [
  "hermite",
  "laguerre",
  "jacobi",
  "circular",
  "ginibre",
  "fixed-trace",
  "potential",
] as const;

/** Parses the flags of `betaens linstat` into a validated job. */
export function parseLinstatArgs(argv: string[]): {
  job: LinearStatisticJob;
  outputs: RunOutputs;
  seed: Seed;
  scale: ScaleOptions;
} {
  const allFlags = [...FLAGS, ...new Set(Object.values(ENSEMBLE_FLAGS).flat())];
  const { values, positionals } = parseFlags(argv, allFlags, [], "linstat");
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
  const f = flagString(values, "f");
  if (f === undefined) throw new UsageError('--f "EXPR" is required (e.g. --f "x^2")');
  const nText = flagString(values, "n");
  if (nText === undefined) throw new UsageError("--n is required (one size or a list N1,N2,…)");
  const ns = parseNumberList("n", nText).map((v) => {
    if (!Number.isSafeInteger(v) || v < 1)
      throw new UsageError(`--n takes integers >= 1, got ${v}`);
    return v;
  });
  const betaText = flagString(values, "beta");
  const beta = betaText === undefined ? LINSTAT_DEFAULTS.beta : parseNumber("beta", betaText);
  if (beta < 0) throw new UsageError(`--beta must be >= 0, got ${beta}`);
  const samplesText = flagString(values, "samples");
  const samples =
    samplesText === undefined ? LINSTAT_DEFAULTS.samples : parseInteger("samples", samplesText, 5);
  const seed = chooseSeed(values);
  const firstSample = parseFirstSample(values, samples);
  const scaling = parseChoice<"limit" | "none">(
    "scaling",
    flagString(values, "scaling"),
    ["limit", "none"],
    LINSTAT_DEFAULTS.scaling,
  );
  let source: LinearStatisticSource;
  if (ensemble === "potential") {
    for (const flag of ["model", ...new Set(Object.values(ENSEMBLE_FLAGS).flat())]) {
      if (values[flag] !== undefined) {
        throw new UsageError(`--${flag} does not apply to the potential ensemble (Gibbs sampler)`);
      }
    }
    const potentialText = flagString(values, "potential");
    const coeffsText = flagString(values, "coeffs");
    if ((potentialText === undefined) === (coeffsText === undefined)) {
      throw new UsageError('give exactly one of --potential "…" or --coeffs g0,g1,…');
    }
    const coeffs =
      potentialText !== undefined
        ? parsePotential(potentialText)
        : parseCoefficientList(coeffsText ?? "");
    const passesText = flagString(values, "passes");
    const passes =
      passesText === undefined ? LINSTAT_DEFAULTS.passes : parseInteger("passes", passesText, 1);
    const initial = parseChoice<GibbsInitial>(
      "initial",
      flagString(values, "initial"),
      ["zero", "hermite"],
      LINSTAT_DEFAULTS.initial,
    );
    source = { kind: "potential", coeffs, passes, initial };
  } else {
    for (const flag of ["potential", "coeffs", "passes", "initial"]) {
      if (values[flag] !== undefined) {
        throw new UsageError(`--${flag} applies to the potential ensemble only`);
      }
    }
    const name = ensemble as Exclude<(typeof ENSEMBLES)[number], "potential">;
    const models = [...MODELS[name], ...(name === "ginibre" ? (["kostlan"] as const) : [])].filter(
      (m) => m !== "limit",
    );
    const model = parseChoice<SampleModel | "kostlan">(
      "model",
      flagString(values, "model"),
      models,
      name === "ginibre" ? "kostlan" : models[0],
    );
    // Ensemble parameters are read once, for the first size (they do not depend on N except
    // through Wishart/MANOVA dimensions, which are then checked at every N).
    const { spec } = buildSpec(name, values, ns[0], beta);
    source = { kind: "ensemble", spec, model };
  }
  const job: LinearStatisticJob = { source, f, scaling, ns, beta, samples, seed: seed.seed };
  if (firstSample !== 0) job.firstSample = firstSample;
  const scale = parseScaleFlags(values, {
    seedGiven: !seed.drawn,
    output: flagString(values, "output"),
    plot: flagString(values, "plot") ?? flagString(values, "plot-histogram"),
    format: flagString(values, "format"),
  });
  // Paths checked before any work (a shard's --output with "{shard}" replaced).
  const outputs = planRunOutputs(shardFlagValues(values, scale), { figures: ["plot-histogram"] });
  checkLinearStatisticJob(job, (limit) => linstatAdvice(job, limit));
  // Text output: the S values of every size (JSON) or the summary table (CSV).
  const values_ = outputs.format === "json" ? samples * ns.length : ns.length * 14;
  if (!scale.shard) {
    checkBudget(
      { what: "this run", textBytes: textBytesOf(values_, outputs.format) },
      "use --format csv (the summary table), or fewer --samples",
    );
  }
  return { job, outputs, seed, scale };
}

/** What to change when `betaens linstat` is over budget, in terms of its flags. */
function linstatAdvice(job: LinearStatisticJob, limit: BudgetLimit): string {
  if (limit !== "time") return "use fewer --samples or smaller --n";
  const { source } = job;
  if (
    source.kind === "ensemble" &&
    source.spec.ensemble === "ginibre" &&
    source.model !== "kostlan"
  ) {
    return "for radial f use --model kostlan (O(N) per sample), or fewer --samples";
  }
  return "use fewer --samples or smaller --n, or split the run with --first-sample";
}

/** The summary table: n, S, k1, se1, …, k4, se4, then theory κ₁…κ₄ (large-N, else exact; NaN if unknown). */
export const LINSTAT_COLUMNS = [
  "n",
  "samples",
  "k1",
  "se1",
  "k2",
  "se2",
  "k3",
  "se3",
  "k4",
  "se4",
  "theory1",
  "theory2",
  "theory3",
  "theory4",
] as const;

export function linstatTable(result: LinearStatisticResult): number[][] {
  return result.rows.map((row) => {
    const theory = [0, 1, 2, 3].map((j) => {
      const a = row.theory?.asymptotic?.[j];
      const e = row.theory?.exact?.[j];
      return e !== undefined && Number.isFinite(e) ? e : (a ?? Number.NaN);
    });
    return [
      row.n,
      row.samples,
      ...row.cumulants.flatMap((k, j) => [k, row.standardErrors[j]]),
      ...theory,
    ];
  });
}

/** The bytes of `betaens linstat`'s output: JSON, or the summary table as CSV or NPY. */
export function linstatPayload(
  result: LinearStatisticResult,
  outputs: Pick<RunOutputs, "format">,
): string | Uint8Array {
  const table = linstatTable(result);
  const payload =
    outputs.format === "json"
      ? formatJson(result)
      : outputs.format === "csv"
        ? `${[LINSTAT_COLUMNS.join(","), ...table.map((r) => r.join(","))].join("\n")}\n`
        : encodeNpy(Float64Array.from(table.flat()), [table.length, LINSTAT_COLUMNS.length]);
  return payload;
}

/**
 * Runs `betaens linstat` on the driver (--workers, --shard): unit j·S + s is sample s at ns[j].
 * Returns the result (undefined for a shard, which writes a partial result).
 */
export function linstatCommand(
  argv: string[],
): LinearStatisticResult | undefined | Promise<LinearStatisticResult | undefined> {
  const { job, outputs, seed, scale } = parseLinstatArgs(argv);
  const { operations } = checkLinearStatisticCost(job);
  announceSeed(seed, outputs.format);
  const done = executeJob(linearStatisticJobValue(job), {
    scale,
    outputs,
    keep: true,
    label: "linstat",
    operations: scale.shard ? operations / scale.shard.count : operations,
    payload: (result) => linstatPayload(result as unknown as LinearStatisticResult, outputs),
    figure: (result) => linearStatisticCumulantsSvg(result as unknown as LinearStatisticResult),
    figures: {
      "plot-histogram": (result) =>
        linearStatisticHistogramSvg(result as unknown as LinearStatisticResult),
    },
  });
  const after = (out: Record<string, unknown> | undefined) =>
    out as unknown as LinearStatisticResult | undefined;
  return done instanceof Promise ? done.then(after) : after(done);
}
