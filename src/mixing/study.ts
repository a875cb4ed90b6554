/**
 * The O(log N) mixing study of the Gibbs sampler (docs/theory.md §4.3–4.4; the paper's claim after
 * Krishnapur–Rider–Virág 2016): C independent chains per N, λ_max rescaled after every pass to
 * ξ = N^{2/3} c_V (λ_max − b_V) (docs/theory.md §3.9), its KS distance D_N(p) to TW_β (β-ensemble
 * convention) per pass, and p*(N) = min{p : D_N(p) ≤ 1.36/√C + slack(N)}.
 *
 * Slack. 1.36/√C is the 95% point of the KS distance of C draws from the law itself
 * (Kolmogorov's limit); the law of ξ at finite N is not TW_β, so the slack is the KS distance to
 * TW_β of M exact draws of the Hermite control at the same N and β (control.ts; M = max(20000,
 * 20C) by default). Since D(chains, TW) ≤ D(chains, F_N) + sup|F_N − TW|, the threshold is
 * conservative (it errs towards declaring a pass "mixed"; the control's own noise adds about
 * 0.87/√M ≈ 0.006). The control is the Gaussian potential, so for another V the slack is only a
 * proxy for that V's finite-N bias (docs/theory.md §4.4 suggests exactly this proxy).
 */

import { checkBudget } from "../budget.js";
import { truncationSize } from "../ensembles/edge.js";
import { TRACY_WIDOM_BETA_N } from "../ensembles/tracyWidomBeta.js";
import { type GibbsInitial, runGibbsChain } from "../gibbs/sampler.js";
import { createRandomSource } from "../random/philox.js";
import { MIXING_DEFAULTS, mixingControlSamples } from "../spec/defaults.js";
import { ksStatistic } from "../statistics/ks.js";
import { meanAndVariance } from "../statistics/moments.js";
import { edgeConstants, edgeScale, equilibriumMeasure } from "../theory/equilibrium.js";
import { largestEigenvalue } from "../tridiagonal/bisection.js";
import { VERSION } from "../version.js";
import { hermiteControlSample } from "./control.js";
import { firstPassWithin, type LineFit, leastSquares } from "./passes.js";
import { tracyWidomReference, tracyWidomReferenceComputed } from "./reference.js";

export interface MixingOptions {
  /** V(x) = Σ coeffs[k] x^k, lowest degree first (as for gibbsRun). */
  coeffs: Float64Array | number[];
  beta: number;
  /** The sizes N (integers ≥ 2). */
  ns: number[];
  /** Independent chains C per N. */
  chains: number;
  /** Gibbs passes P per chain. */
  passes: number;
  /** Chain c of ns[j] uses createRandomSource(seed, c, j). */
  seed: number;
  /** Initial state of every chain: "zero" (default, DPPy's) or "hermite" (gibbs/initial.ts). */
  initial?: GibbsInitial;
  /** Exact Hermite control draws per N for the slack (default max(20000, 20·chains)). */
  controlSamples?: number;
  /** TW_β draws for the reference CDF when β ∉ {1, 2, 4} (default 20000; reference.ts). */
  referenceSamples?: number;
  /** Called after each chain: (chains done, total chains over all N). */
  onProgress?: (done: number, total: number) => void;
}

export interface MixingResult {
  betaens: string;
  command: "mixing";
  /** V's coefficients, lowest degree first. */
  potential: number[];
  beta: number;
  ns: number[];
  chains: number;
  passes: number;
  seed: number;
  initial: GibbsInitial;
  /** b_V and c_V of the rescaling ξ = N^{2/3} c_V (λ_max − b_V). */
  edge: { b: number; c: number };
  /**
   * "fredholm" for β ∈ {1, 2, 4}; "computed" TW_β for other β in [0.2, 15]; else "sample", the
   * empirical CDF of `referenceSamples` TW_β draws.
   */
  reference: "fredholm" | "computed" | "sample";
  referenceSamples: number;
  /** 1.36/√C. */
  noiseLevel: number;
  /** Per N: the control's KS distance to TW_β, and threshold = noiseLevel + slack. */
  slack: number[];
  threshold: number[];
  control: { samples: number; mean: number[]; variance: number[] };
  /** ks[j][p − 1] = D_{ns[j]}(p); mean, variance of ξ likewise. */
  ks: number[][];
  mean: number[][];
  variance: number[][];
  /** p*(N) per N (1-based pass), null when no pass is within the threshold. */
  pStar: (number | null)[];
  /** Least-squares fits p* ≈ a + b·ln N and ln p* ≈ a + γ·ln N (null with < 2 points). */
  fit: { logN: LineFit | null; power: LineFit | null };
}

/** Substream offset of the control draws (chains use substreams 0 … ns.length − 1). */
const CONTROL_SUBSTREAM = 2 ** 31;

function checkOptions(o: MixingOptions): void {
  if (!(o.beta > 0 && Number.isFinite(o.beta))) {
    throw new RangeError(`beta must be a finite number > 0, got ${o.beta}`);
  }
  if (!Array.isArray(o.ns) || o.ns.length === 0)
    throw new RangeError("ns must be a non-empty list");
  if (o.ns.length >= CONTROL_SUBSTREAM) throw new RangeError("too many sizes");
  for (const n of o.ns) {
    if (!(Number.isInteger(n) && n >= 2)) {
      throw new RangeError(`every N must be an integer >= 2, got ${n}`);
    }
  }
  if (!(Number.isInteger(o.chains) && o.chains >= 2)) {
    throw new RangeError(`chains must be an integer >= 2, got ${o.chains}`);
  }
  if (!(Number.isInteger(o.passes) && o.passes >= 1)) {
    throw new RangeError(`passes must be an integer >= 1, got ${o.passes}`);
  }
  if (!(Number.isInteger(o.seed) && o.seed >= 0 && o.seed <= Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`seed must be an integer in [0, 2^53 − 1], got ${o.seed}`);
  }
  const m = o.controlSamples;
  if (m !== undefined && !(Number.isInteger(m) && m >= 1)) {
    throw new RangeError(`controlSamples must be an integer >= 1, got ${m}`);
  }
}

/** Seconds per Gibbs conditional draw (as for `betaens gibbs`) and per truncated-model row. */
const SECONDS_PER_DRAW = 3.5e-6;
const SECONDS_PER_ROW = 2e-6;
/** Sturm-count steps per second (λ_max by bisection after every pass). */
const STURM_STEPS_PER_SECOND = 2e8;

/**
 * A part of a study: its chains u = j·C + c with first ≤ u < first + count (chain c at size
 * ns[j]), and whether it also computes the summary (the control and reference draws). A shard
 * runs its chains only; `betaens merge` the summary only; one process both.
 */
export interface MixingPart {
  first: number;
  count: number;
  summary: boolean;
}

/**
 * Memory and time of a study, or of a part of it, estimated before it runs (the shared budget,
 * src/budget.ts): per N, C·P passes of 2N conditional draws and one λ_max (≈ 60 Sturm steps per
 * row) for each of the part's chains; with the summary, M control draws of the truncated Hermite
 * model per N, and for β ∉ {1, 2, 4} the reference TW_β draws.
 */
export function estimateMixingCost(
  options: MixingOptions,
  part: MixingPart = { first: 0, count: options.ns.length * options.chains, summary: true },
): { bytes: number; seconds: number } {
  const { beta, ns, chains, passes } = options;
  const control = part.summary ? (options.controlSamples ?? mixingControlSamples(chains)) : 0;
  const referenceSamples = options.referenceSamples ?? MIXING_DEFAULTS.referenceSamples;
  let seconds = 0;
  let bytes = 0;
  ns.forEach((n, j) => {
    const units = Math.max(
      0,
      Math.min(part.first + part.count, (j + 1) * chains) - Math.max(part.first, j * chains),
    );
    const pass = 2 * n * SECONDS_PER_DRAW + (60 * n) / STURM_STEPS_PER_SECOND;
    seconds += units * passes * pass + control * SECONDS_PER_ROW * truncationSize(n, beta);
    if (units > 0 || control > 0) {
      bytes = Math.max(bytes, 8 * (passes * units + control + 12 * n));
    }
  });
  if (part.summary && !(beta === 1 || beta === 2 || beta === 4)) {
    if (tracyWidomReferenceComputed(beta)) {
      seconds += 1; // TW_β set-up ≤ 1 s (docs/tracy-widom/)
    } else {
      seconds += referenceSamples * SECONDS_PER_ROW * truncationSize(TRACY_WIDOM_BETA_N, beta);
      bytes += 8 * referenceSamples;
    }
  }
  return { bytes, seconds };
}

/** What every unit of a study shares: the validated options, V's edge and the chains' start. */
export interface MixingPlan {
  options: MixingOptions;
  coeffs: Float64Array;
  initial: GibbsInitial;
  /** b_V and c_V of ξ = N^{2/3} c_V (λ_max − b_V). */
  b: number;
  c: number;
  controlSamples: number;
}

/**
 * Validates the options and computes V's right edge (throws when it is critical); checks the cost
 * of `part` (default: the whole study) against the shared budget.
 */
export function mixingPlan(options: MixingOptions, part?: MixingPart): MixingPlan {
  checkOptions(options);
  checkBudget(
    { what: "this mixing study", ...estimateMixingCost(options, part) },
    "use fewer chains, passes, sizes or control samples",
  );
  const coeffs = Float64Array.from(options.coeffs);
  const { right: b, rightScale: c } = edgeConstants(equilibriumMeasure(coeffs));
  if (!(c > 0)) {
    throw new RangeError(
      "the right edge of this potential is critical (c_V = 0): λ_max is not Tracy–Widom",
    );
  }
  const controlSamples = options.controlSamples ?? mixingControlSamples(options.chains);
  return {
    options,
    coeffs,
    initial: options.initial ?? MIXING_DEFAULTS.initial,
    b,
    c,
    controlSamples,
  };
}

/**
 * Chain `chain` at size ns[j] (random stream (seed, chain, j)): writes ξ after pass p to
 * xi[p − 1] (xi of length passes).
 */
export function mixingChain(plan: MixingPlan, j: number, chain: number, xi: Float64Array): void {
  const { beta, ns, passes, seed } = plan.options;
  const n = ns[j];
  const factor = edgeScale(n, plan.c);
  const b = plan.b;
  runGibbsChain({
    coeffs: plan.coeffs,
    n,
    beta,
    passes,
    rng: createRandomSource(seed, chain, j),
    initial: plan.initial,
    // The study measures the paper's sampler: the plain sweep, without spectral moves.
    spectralEvery: 0,
    onPass: (pass, t) => {
      xi[pass - 1] = factor * (largestEigenvalue(t.diagonal, t.offDiagonalSquared) - b);
    },
  });
}

/**
 * The study's result from ξ of every chain: rows[(j·C + c)·P + p − 1] = ξ of chain c at ns[j]
 * after pass p. Computes the reference CDF, the controls, the KS distances, p*(N) and the fits.
 */
export function mixingSummary(plan: MixingPlan, rows: Float64Array): MixingResult {
  const { beta, ns, chains, passes, seed } = plan.options;
  const { coeffs, initial, b, c, controlSamples } = plan;
  const reference = tracyWidomReference(beta, seed, plan.options.referenceSamples);
  const noiseLevel = 1.36 / Math.sqrt(chains);
  const result: MixingResult = {
    betaens: VERSION,
    command: "mixing",
    potential: Array.from(coeffs),
    beta,
    ns: [...ns],
    chains,
    passes,
    seed,
    initial,
    edge: { b, c },
    reference: reference.kind,
    referenceSamples: reference.samples,
    noiseLevel,
    slack: [],
    threshold: [],
    control: { samples: controlSamples, mean: [], variance: [] },
    ks: [],
    mean: [],
    variance: [],
    pStar: [],
    fit: { logN: null, power: null },
  };
  ns.forEach((n, j) => {
    const control = hermiteControlSample(n, beta, controlSamples, seed, CONTROL_SUBSTREAM + j);
    const slack = ksStatistic(control, reference.cdf);
    const controlMoments = meanAndVariance(control);
    result.control.mean.push(controlMoments.mean);
    result.control.variance.push(controlMoments.variance);
    result.slack.push(slack);
    result.threshold.push(noiseLevel + slack);
    const ks: number[] = [];
    const mean: number[] = [];
    const variance: number[] = [];
    const values = new Float64Array(chains);
    for (let p = 0; p < passes; p++) {
      for (let chain = 0; chain < chains; chain++) {
        values[chain] = rows[(j * chains + chain) * passes + p];
      }
      ks.push(ksStatistic(values, reference.cdf));
      const m = meanAndVariance(values);
      mean.push(m.mean);
      variance.push(m.variance);
    }
    result.ks.push(ks);
    result.mean.push(mean);
    result.variance.push(variance);
    result.pStar.push(firstPassWithin(ks, noiseLevel + slack));
  });
  const logN = ns.map((n) => Math.log(n));
  result.fit.logN = leastSquares(logN, result.pStar);
  result.fit.power = leastSquares(
    logN,
    result.pStar.map((p) => (p === null ? null : Math.log(p))),
  );
  return result;
}

/**
 * Runs the study (see the file comment): for each N, C Gibbs chains (exact conditionals,
 * runGibbsChain) of P passes; after every pass ξ = N^{2/3}c_V(λ_max − b_V) (λ_max by bisection);
 * per pass the KS distance of the C values of ξ to TW_β, their mean and variance; p*(N).
 * Cost O(C·P·ΣN) Gibbs updates plus the control's O(M·ΣN^{1/3}). One thread; `betaens mixing`
 * runs the same units on the driver (src/driver/), over worker threads and shards.
 *
 * @example
 * import { mixingStudy } from "betaens";
 * const study = mixingStudy({
 *   coeffs: [0, 0, 0, 0, 0.25], // V(x) = x⁴/4
 *   beta: 2,
 *   ns: [50, 100],
 *   chains: 20,
 *   passes: 5,
 *   seed: 1,
 *   controlSamples: 200,
 * }); // study.ks[j][p − 1]: KS distance to TW₂ after pass p; study.pStar per N
 */
export function mixingStudy(options: MixingOptions): MixingResult {
  const plan = mixingPlan(options);
  const { ns, chains, passes } = options;
  const rows = new Float64Array(ns.length * chains * passes);
  const total = ns.length * chains;
  for (let u = 0; u < total; u++) {
    mixingChain(
      plan,
      Math.floor(u / chains),
      u % chains,
      rows.subarray(u * passes, (u + 1) * passes),
    );
    options.onProgress?.(u + 1, total);
  }
  return mixingSummary(plan, rows);
}
