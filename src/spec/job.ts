/**
 * A job is a value: everything that determines the numbers of a run — the task, the ensemble and
 * its parameters, N, β, the statistic, the seed and the range of sample indices — as plain data.
 * It crosses to worker threads and Web Workers (structured clone) and into the manifests of shard
 * partial results (canonicalJob: one normalised JSON text per job). Browser-safe; imports nothing
 * above random/ (the samplers live in ensembles/, gibbs/; the driver in driver/).
 *
 * Sample s (first ≤ s < first + count) of seed K is drawn from createRandomSource(K, s), so any
 * split of [first, first + count) into blocks — threads, Web Workers, Slurm array tasks — gives
 * the same numbers (docs/scale.md).
 */

/** The ensembles sampled by `betaens sample` (classical, circular, Ginibre, fixed-trace). */
export type EnsembleName =
  | "hermite"
  | "laguerre"
  | "jacobi"
  | "circular"
  | "ginibre"
  | "fixed-trace";

/** How a sample is drawn (ensembles/models.ts MODELS lists which apply to each ensemble). */
export type SampleModel = "tridiagonal" | "full" | "cmv" | "limit";

/** Uniform histogram bins: `bins` cells of equal width on [lo, hi) (tridiagonal/histogram.ts). */
export interface UniformBins {
  lo: number;
  hi: number;
  bins: number;
}

/**
 * What a run keeps of a per-sample number (λ_max, a TW draw): every value in sample order
 * ("values"), exact power sums for the moments ("moments"), or counts on a fixed fine grid from
 * which the empirical CDF is read ("cdf"; the grid is `grid`).
 */
export type Summary = "values" | "moments" | "cdf";

/** `betaens sample`: S independent samples of a classical, circular or Ginibre ensemble. */
export interface SampleJob {
  task: "sample";
  ensemble: EnsembleName;
  /** The sampler's parameters (Wishart/MANOVA dimensions already converted: see spec/params.ts). */
  params: Record<string, number>;
  /**
   * The parameters as the user gave them, reported in the output in this order (e.g. m, shape,
   * scale): a list of pairs, because the canonical form sorts object keys.
   */
  reported: [string, number][];
  model: SampleModel;
  /**
   * purity, entropy, min: statistics of a random density matrix (fixed-trace only). spacings,
   * window: the driver runs them with summary "cdf" only (counts on fixed grids, see `local`);
   * their rows of varying length ("values") run in one thread (ensembles/sample.ts).
   */
  stat: "eigenvalues" | "max" | "histogram" | "purity" | "entropy" | "min" | "spacings" | "window";
  n: number;
  beta: number;
  seed: number;
  /** Samples first … first + count − 1. */
  first: number;
  count: number;
  /** stat = histogram: the bins. */
  histogram?: UniformBins;
  /** stat = histogram: any increasing bin edges instead of `histogram` (library calls). */
  edges?: number[];
  /** stat = max: (λ_max − center)/scale on the Tracy–Widom scale ("edge"). */
  scaling: "none" | "edge";
  /** stat = max: what is kept of λ_max (default "values"). */
  summary: Summary;
  /** summary = cdf: the grid (stat spacings | window: the grid of the unfolded spacings). */
  grid?: UniformBins;
  /** stat spacings | window: the local-statistics summary's settings. */
  local?: LocalStatisticsSettings;
}

/**
 * The settings of `--stat spacings | window --summary cdf` (statistics/spacingSummary.ts): the
 * bulk window (spacings), the energy and the number of eigenvalues (window), the bins of the
 * folded ratio min(r, 1/r) on [0, 1], and the Philox substream of every sample (sample s uses
 * createRandomSource(seed, s, substream): a table of several runs with one seed, e.g. one per β,
 * keeps them independent).
 */
export interface LocalStatisticsSettings {
  bulk?: [number, number];
  energy?: number;
  windowSize?: number;
  ratioBins: number;
  substream: number;
}

/** `betaens gibbs`: S independent Gibbs chains for a polynomial potential. */
export interface GibbsJob {
  task: "gibbs";
  /** V(x) = Σ coeffs[k] x^k, lowest degree first. */
  coeffs: number[];
  n: number;
  beta: number;
  passes: number;
  initial: "zero" | "hermite";
  stat: "eigenvalues" | "max" | "trace" | "histogram";
  seed: number;
  first: number;
  count: number;
  histogram?: UniformBins;
  /** stat = histogram: any increasing bin edges instead of `histogram` (library calls). */
  edges?: number[];
  scaling: "none" | "edge";
  /** stat = eigenvalues: also keep the eigenvalues after these passes (1-based, increasing). */
  record?: number[];
  summary: Summary;
  grid?: UniformBins;
  /** Passes between exact spectral moves (0: none; gibbs/spectral.ts). */
  spectralEvery: number;
  /**
   * "auto": keep every chain's λ_max after each pass of the second half of the run, for split-R̂
   * and ESS (computed when the run has ≥ 4 chains and ≥ 8 passes); "off": not.
   */
  diagnostics: "auto" | "off";
  /** Split points c_1 < … < c_{k−1} of a multi-cut V: the points of each chain in each cut are kept. */
  cutPoints?: number[];
  /** Also keep λ_max of each chain's final state whatever the statistic (the explorer's views). */
  keepMax?: boolean;
}

/** `betaens tw sample`: draws of TW_β. */
export interface TracyWidomJob {
  task: "tw";
  beta: number;
  convention: "beta" | "tw";
  /** "inversion" (β ∈ {1, 2, 4}, exact) or "hermite-truncated" (any β > 0, size n). */
  method: "inversion" | "hermite-truncated";
  /** The Hermite size of method hermite-truncated. */
  n?: number;
  seed: number;
  first: number;
  count: number;
  summary: Summary;
  grid?: UniformBins;
}

/**
 * `betaens mixing`: for each N of `ns`, `chains` Gibbs chains of `passes` passes; unit
 * u = j·chains + c is chain c at size ns[j] (random stream (seed, c, j)) and yields the rescaled
 * λ_max after every pass. first/count range over the units 0 … ns.length·chains − 1.
 */
export interface MixingJob {
  task: "mixing";
  coeffs: number[];
  beta: number;
  ns: number[];
  chains: number;
  passes: number;
  initial: "zero" | "hermite";
  seed: number;
  controlSamples: number;
  referenceSamples?: number;
  first: number;
  count: number;
}

/**
 * `betaens linstat`: for each N of `ns`, `samples` values of L_N = Σ f(x_i); unit
 * u = j·samples + s is sample s at size ns[j] (random stream (seed, s, j)). first/count range
 * over the units 0 … ns.length·samples − 1.
 */
export interface LinearStatisticJobSpec {
  task: "linstat";
  /** Where the points come from: an ensemble of `betaens sample` (+ "kostlan" for Ginibre), or V. */
  source:
    | {
        kind: "ensemble";
        ensemble: EnsembleName;
        params: Record<string, number>;
        model: SampleModel | "kostlan";
      }
    | { kind: "potential"; coeffs: number[]; passes: number; initial: "zero" | "hermite" };
  /** f in the grammar of potentials/expression.ts. */
  f: string;
  scaling: "limit" | "none";
  ns: number[];
  beta: number;
  samples: number;
  seed: number;
  /**
   * --first-sample F: the samples drawn at each size are F … F + S − 1 (streams (seed, F + s, j)).
   * The driver's units u = j·S + s (0 ≤ u < ns.length·S) are what `first`/`count` and shards split.
   */
  firstSample?: number;
  first: number;
  count: number;
}

export type Job = SampleJob | GibbsJob | TracyWidomJob | MixingJob | LinearStatisticJobSpec;

/** A contiguous block of sample indices [first, first + count). */
export interface SampleRange {
  first: number;
  count: number;
}

/** The job restricted to a block of its samples (the block must lie inside the job's range). */
export function jobSlice<J extends Job>(job: J, range: SampleRange): J {
  if (
    !(Number.isSafeInteger(range.first) && Number.isSafeInteger(range.count) && range.count >= 0) ||
    range.first < job.first ||
    range.first + range.count > job.first + job.count
  ) {
    throw new RangeError(
      `samples ${range.first}…${range.first + range.count - 1} are not inside the job's ${job.first}…${job.first + job.count - 1}`,
    );
  }
  return { ...job, first: range.first, count: range.count };
}

/**
 * Values of a JSON-able tree with object keys sorted and `undefined` dropped: the normalised form
 * of a job, so that two equal jobs have the same text whatever the order their fields were set in.
 */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = normalise(v);
    }
    return out;
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new RangeError(`a job holds only finite numbers, got ${value}`);
  }
  return value;
}

/**
 * The canonical JSON text of a job without its sample range (first, count): what every shard of
 * one run shares, written into each partial result's manifest and compared by `betaens merge`.
 * Keys sorted, numbers in JavaScript's shortest round-trip form.
 */
export function canonicalJob(job: Job): string {
  const { first: _first, count: _count, ...rest } = job;
  return JSON.stringify(normalise(rest));
}

/** The job of a canonical text with the given range (inverse of canonicalJob). */
export function jobFromCanonical(text: string, range: SampleRange): Job {
  const value = JSON.parse(text) as Record<string, unknown>;
  if (value === null || typeof value !== "object" || typeof value.task !== "string") {
    throw new RangeError("not a betaens job");
  }
  return { ...(value as unknown as Job), first: range.first, count: range.count };
}

/** The fields in which two jobs differ (top-level keys, sorted), for one-line error messages. */
export function jobDifferences(a: Job, b: Job): string[] {
  const x = JSON.parse(canonicalJob(a)) as Record<string, unknown>;
  const y = JSON.parse(canonicalJob(b)) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  return keys.filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]));
}
