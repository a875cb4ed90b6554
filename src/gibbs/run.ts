/**
 * The options, result and checks of `betaens gibbs`: S independent Gibbs chains for the
 * β-ensemble with polynomial potential V, each run for P passes from the documented initial
 * state, reduced to the requested statistic. The run itself is the driver's (gibbsRun in
 * src/driver/legacy.ts, kernels in src/driver/kernels.ts). Browser-safe.
 *
 * Random streams: chain s (0-based) of seed K uses createRandomSource(K, s), so chain s is the
 * same whatever the number of chains (docs/conventions.md, "--samples").
 */
import { GIBBS_DEFAULTS } from "../spec/defaults.js";
import type { ConvergenceDiagnostics } from "../statistics/convergence.js";
import { checkGibbsArguments, checkSpectralInterval, type GibbsInitial } from "./sampler.js";

/** What a run returns per chain (docs/conventions.md, `betaens gibbs --stat`). */
export type GibbsStat = "eigenvalues" | "max" | "trace" | "histogram";

/** Options of gibbsRun (the `betaens gibbs` flags). */
export interface GibbsRunOptions {
  /** V(x) = Σ coeffs[k] x^k, lowest degree first (even degree ≥ 2, positive leading coefficient). */
  coeffs: Float64Array;
  n: number;
  beta: number;
  passes: number;
  /** Number S ≥ 1 of independent chains. */
  samples: number;
  /** Non-negative integer seed; chain s uses createRandomSource(seed, s). */
  seed: number;
  /** Index of the first chain (default 0): the run draws chains F … F + S − 1. */
  firstSample?: number;
  stat: GibbsStat;
  /** "zero" (default, DPPy's a = b = 0) or "hermite" (see hermiteInitialState). */
  initial?: GibbsInitial;
  /** Bin edges (B + 1 increasing finite numbers), required for stat "histogram". */
  edges?: Float64Array;
  /**
   * With stat "eigenvalues": also record the eigenvalues after these passes (1-based, increasing,
   * ≤ passes). The result then has `recordedPasses` and `recorded[s][k]` = eigenvalues of chain s
   * after pass recordedPasses[k]; `samples` still holds the final eigenvalues.
   */
  recordPasses?: number[];
  /** Passes between spectral moves (0: none); default defaultSpectralInterval(N, β). */
  spectralEvery?: number;
  /**
   * Increasing split points c_1 < … < c_{k−1} separating the cuts of a multi-cut V: the result
   * then has `cutCounts[s]` = the numbers of final points of chain s in (−∞, c_1), …, (c_{k−1}, ∞).
   */
  cutPoints?: Float64Array;
  /**
   * Convergence diagnostics (split-R̂, ESS of λ_max per pass; needs samples ≥ 4 and passes ≥ 8):
   * "auto" (default) computes them when possible, "off" never.
   */
  diagnostics?: "auto" | "off";
  /** Called after each chain: (chains done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** The JSON object of `betaens gibbs` (docs/conventions.md), with typed arrays for the numbers. */
export interface GibbsRunResult {
  betaens: string;
  command: "gibbs";
  n: number;
  beta: number;
  /** V's coefficients, lowest degree first. */
  potential: number[];
  passes: number;
  seed: number;
  /** Present when the run's firstSample is not 0: the rows are chains F, F + 1, …. */
  firstSample?: number;
  stat: GibbsStat;
  initial: GibbsInitial;
  /** Always true: every conditional is drawn exactly (no MCMC move within a Gibbs step). */
  exactConditionals: boolean;
  /** Passes between spectral moves (0: none), see ./spectral.ts. */
  spectralEvery: number;
  /**
   * Split-R̂ and ESS (Vehtari et al. 2021) of the λ_max trace over the second half of the passes
   * (the first half is discarded as warm-up), S chains.
   */
  diagnostics?: ConvergenceDiagnostics & { firstPass: number; lastPass: number };
  /** Final number of points of each chain in each cut (see GibbsRunOptions.cutPoints). */
  cutCounts?: number[][];
  /**
   * eigenvalues: S ascending rows of N; max: S numbers (λ_max of the final state);
   * trace: S rows of P numbers (λ_max after each pass).
   */
  samples?: Float64Array[] | Float64Array;
  /** The passes recorded with `recordPasses`, and the eigenvalues after them (per chain). */
  recordedPasses?: number[];
  recorded?: Float64Array[][];
  edges?: Float64Array;
  counts?: Float64Array;
  below?: number;
  above?: number;
}

/** Throws a RangeError unless the options are well-formed. */
export function checkGibbsRun(options: GibbsRunOptions): void {
  const { coeffs, n, beta, passes, samples, seed, stat } = options;
  checkGibbsArguments(coeffs, n, beta, passes);
  if (!Number.isInteger(samples) || samples < 1) {
    throw new RangeError(`samples must be an integer >= 1, got ${samples}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`seed must be an integer in [0, 2^53 - 1], got ${seed}`);
  }
  const first = options.firstSample ?? 0;
  if (!Number.isInteger(first) || first < 0 || !Number.isSafeInteger(first + samples)) {
    throw new RangeError(
      `firstSample must be an integer >= 0 with firstSample + samples <= 2^53 - 1, got ${first}`,
    );
  }
  if (!["eigenvalues", "max", "trace", "histogram"].includes(stat)) {
    throw new RangeError(`stat must be eigenvalues, max, trace or histogram, got ${String(stat)}`);
  }
  const initial = options.initial ?? GIBBS_DEFAULTS.initial;
  if (initial !== "zero" && initial !== "hermite") {
    throw new RangeError(`initial must be "zero" or "hermite", got ${String(initial)}`);
  }
  if (options.recordPasses !== undefined) {
    const r = options.recordPasses;
    if (stat !== "eigenvalues") throw new RangeError("recording passes needs stat eigenvalues");
    for (let k = 0; k < r.length; k++) {
      if (!Number.isInteger(r[k]) || r[k] < 1 || r[k] > passes || (k > 0 && r[k] <= r[k - 1])) {
        throw new RangeError(
          `recorded passes must be increasing integers in [1, passes = ${passes}], got ${r.join(",")}`,
        );
      }
    }
  }
  if (options.spectralEvery !== undefined)
    checkSpectralInterval(options.spectralEvery, options.beta);
  if (options.cutPoints !== undefined) {
    const c = options.cutPoints;
    for (let i = 0; i < c.length; i++) {
      if (!Number.isFinite(c[i]) || (i > 0 && !(c[i] > c[i - 1]))) {
        throw new RangeError("cut points must be finite and strictly increasing");
      }
    }
  }
  if (stat === "trace" && passes < 1) {
    throw new RangeError("stat trace needs passes >= 1");
  }
  if (stat === "histogram") {
    const edges = options.edges;
    if (!edges || edges.length < 2) throw new RangeError("histogram needs at least one bin");
    for (let i = 0; i < edges.length; i++) {
      if (!Number.isFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
        throw new RangeError("histogram edges must be finite and strictly increasing");
      }
    }
  }
}
