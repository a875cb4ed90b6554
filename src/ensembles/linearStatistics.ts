/**
 * The driver behind `betaens linstat`: sample cumulants κ₁…κ₄ (k-statistics with jackknife
 * standard errors) of a linear statistic L_N = Σ_i f(x_i) for a list of sizes N, for any ensemble
 * and model of `betaens sample`, the Gibbs sampler of a polynomial potential V, and the radial
 * (Kostlan) model of Ginibre; with the theory available for each case
 * (docs/linear-statistics/README.md). Browser-safe.
 *
 * Split as the other drivers will be (issue 12): a pure per-sample function
 * (linearStatisticSample: (job, size index j, sample s) → L_N) and a reducer (sampleCumulants).
 * Random streams: sample s at the j-th size of seed K uses createRandomSource(K, s, j) (the
 * convention of the mixing study), so every number is a pure function of (K, s, j).
 *
 * Cheapest exact route per sample: for a polynomial f and a banded model (Hermite, Laguerre,
 * Jacobi, fixed-trace, Gibbs), L_N = Σ_k f_k Tr J^k from the Jacobi matrix in O(N·d²) — no
 * eigenvalues (tridiagonal/tracePowers.ts); for radial f of Ginibre, Kostlan's theorem gives the
 * moduli in O(N); otherwise the eigenvalues of the model.
 */

import { type BudgetLimit, checkBudget } from "../budget.js";
import { checkGibbsArguments, type GibbsInitial, runGibbsChain } from "../gibbs/sampler.js";
import {
  parseTestFunction,
  type TestFunction,
  taylorCoefficients,
} from "../potentials/expression.js";
import { gamma } from "../random/gamma.js";
import { createRandomSource } from "../random/philox.js";
import type { RandomSource } from "../random/source.js";
import { LINSTAT_DEFAULTS } from "../spec/defaults.js";
import { sampleCumulants } from "../statistics/cumulants.js";
import { edgeConstants, equilibriumMeasure } from "../theory/equilibrium.js";
import { fixedTracePurityMoments } from "../theory/fixedTrace.js";
import {
  ginibreRadialAsymptotics,
  ginibreRadialCumulants,
} from "../theory/ginibreLinearStatistics.js";
import { limitLaw } from "../theory/limits.js";
import {
  circularLinearStatistic,
  densityFactorLogDerivative,
  hermiteQuadraticCumulants,
  laguerreLinearCumulants,
  oneCutLinearStatistic,
} from "../theory/linearStatistics.js";
import { tridiagonalEigenvalues } from "../tridiagonal/eigenvalues.js";
import { tracePowers } from "../tridiagonal/tracePowers.js";
import type { SymmetricTridiagonal } from "../tridiagonal/types.js";
import { VERSION } from "../version.js";
import {
  checkEnsemble,
  drawSample,
  drawTridiagonal,
  drawValues,
  type EnsembleSpec,
  type SampleModel,
} from "./models.js";
import { checkRandomSource, checkSamplerCost, checkSize } from "./validate.js";

/** Where the points come from. */
export type LinearStatisticSource =
  | {
      kind: "ensemble";
      spec: EnsembleSpec;
      /** A model of `betaens sample`, or "kostlan" (Ginibre moduli only, radial f). */
      model: SampleModel | "kostlan";
    }
  | {
      kind: "potential";
      /** V(x) = Σ coeffs[k] x^k, lowest degree first. */
      coeffs: Float64Array;
      passes: number;
      initial?: GibbsInitial;
    };

export interface LinearStatisticJob {
  source: LinearStatisticSource;
  /** f in the grammar of potentials/expression.ts: variable x (angles for circular), r for Ginibre. */
  f: string;
  /**
   * "limit" (default): f is applied to the points mapped to the limit law's scale (the maps of
   * theory/limits.ts; Nλ for fixed-trace; |z|/√N for Ginibre; the Gibbs points as they are);
   * "none": to the points as sampled.
   */
  scaling?: "limit" | "none";
  ns: number[];
  beta: number;
  samples: number;
  seed: number;
  /** Index F of the first sample (default 0): sample s of size j uses stream (seed, F + s, j). */
  firstSample?: number;
}

/** Theory attached to one size N (whatever is known for the case; see the module comment). */
export interface LinearStatisticTheory {
  /** Exact finite-N cumulants κ₁…κ₄ (NaN where unknown). */
  exact?: number[];
  /** Large-N cumulants: mean with its O(1) term, limit variance, and (Ginibre) κ₃, κ₄ to leading order. */
  asymptotic?: number[];
  /** N∫f dμ, the leading term of κ₁. */
  leadingMean?: number;
  /** The O(1) term of κ₁. */
  meanCorrection?: number;
  /** What the numbers are, with sources. */
  note: string;
}

export interface LinearStatisticRow {
  /** The size N. */
  n: number;
  /** The number S of samples. */
  samples: number;
  /** k-statistics k₁…k₄ of the S values (unbiased for κ₁…κ₄). */
  cumulants: [number, number, number, number];
  /** Their delete-one jackknife standard errors. */
  standardErrors: [number, number, number, number];
  /** How L_N was computed per sample: "trace" (Tr f(J), O(N d²)), "moduli" (Kostlan, O(N)) or "eigenvalues". */
  route: "trace" | "moduli" | "eigenvalues";
  theory?: LinearStatisticTheory;
  /** The S values of L_N. */
  values: Float64Array;
}

export interface LinearStatisticResult {
  betaens: string;
  command: "linstat";
  ensemble: string;
  model: string;
  f: string;
  variable: string;
  scaling: "limit" | "none";
  beta: number;
  params: Record<string, number | number[]>;
  seed: number;
  /** Present when the job's firstSample is not 0: the values are samples F, F + 1, …. */
  firstSample?: number;
  samples: number;
  n: number[];
  rows: LinearStatisticRow[];
}

function ensembleName(source: LinearStatisticSource): string {
  return source.kind === "potential" ? "potential" : source.spec.ensemble;
}

/** The variable of f: r (modulus, unit-disk scale with "limit") for Ginibre, x otherwise. */
export function linearStatisticVariable(source: LinearStatisticSource): "x" | "r" {
  return source.kind === "ensemble" && source.spec.ensemble === "ginibre" ? "r" : "x";
}

/** y = slope·x + offset, the map to the limit scale (identity for "none"). */
export function linearStatisticMap(
  source: LinearStatisticSource,
  n: number,
  beta: number,
  scaling: "limit" | "none",
): { slope: number; offset: number } {
  if (scaling === "none" || source.kind === "potential") return { slope: 1, offset: 0 };
  const spec = source.spec;
  switch (spec.ensemble) {
    case "hermite":
    case "laguerre":
    case "jacobi": {
      if (beta === 0) return { slope: 1, offset: 0 };
      const law = limitLaw(spec.ensemble, n, beta, { ...spec.params });
      const offset = law.normalise(0);
      return { slope: law.normalise(1) - offset, offset };
    }
    case "fixed-trace":
      return { slope: n, offset: 0 };
    case "ginibre":
      return { slope: 1 / Math.sqrt(n), offset: 0 };
    case "circular":
      return { slope: 1, offset: 0 };
  }
}

/**
 * Throws a RangeError unless the job is well-formed and within the budget (checkLinearStatisticCost,
 * with `advice` for a refusal); returns the parsed test function.
 */
export function checkLinearStatisticJob(
  job: LinearStatisticJob,
  advice?: (limit: BudgetLimit) => string | undefined,
): TestFunction {
  const { source, ns, beta, samples, seed } = job;
  const scaling = job.scaling ?? LINSTAT_DEFAULTS.scaling;
  if (scaling !== "limit" && scaling !== "none") {
    throw new RangeError(`scaling must be "limit" or "none", got ${String(scaling)}`);
  }
  if (!Array.isArray(ns) || ns.length === 0) throw new RangeError("give at least one size N");
  for (const n of ns) {
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`sizes must be integers >= 1, got ${n}`);
  }
  if (!Number.isInteger(samples) || samples < 5) {
    throw new RangeError(`samples must be an integer >= 5 (k₄ needs them), got ${samples}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`seed must be an integer in [0, 2^53 - 1], got ${seed}`);
  }
  const first = job.firstSample ?? 0;
  if (!Number.isInteger(first) || first < 0 || !Number.isSafeInteger(first + samples)) {
    throw new RangeError(
      `firstSample must be an integer >= 0 with firstSample + samples <= 2^53 - 1, got ${first}`,
    );
  }
  if (ns.length > 2 ** 32) throw new RangeError("too many sizes");
  const test = parseTestFunction(job.f, linearStatisticVariable(source));
  if (source.kind === "potential") {
    if (!(beta > 0)) throw new RangeError(`the Gibbs sampler needs beta > 0, got ${beta}`);
    if (!Number.isInteger(source.passes) || source.passes < 1) {
      throw new RangeError(`passes must be an integer >= 1, got ${source.passes}`);
    }
    for (const n of ns) checkGibbsArguments(source.coeffs, n, beta, source.passes);
  } else {
    const { spec, model } = source;
    if (model === "kostlan") {
      if (spec.ensemble !== "ginibre") {
        throw new RangeError('model "kostlan" is the Ginibre moduli model (radial f only)');
      }
    } else {
      for (const n of ns) checkEnsemble(spec, model, n, beta);
      if (model === "limit") throw new RangeError("the limit model gives λ_max only");
    }
  }
  checkLinearStatisticCost(job, test, advice);
  return test;
}

/** Estimated operations (units of ≈ 1e−8 s) of one sample at size n. */
function sampleCost(source: LinearStatisticSource, test: TestFunction, n: number): number {
  const degree = test.polynomial ? test.polynomial.length - 1 : -1;
  const trace = 20 * n + n * degree * degree;
  if (source.kind === "potential") return source.passes * n * 700 + (degree >= 0 ? trace : n * n);
  const { spec, model } = source;
  if (model === "kostlan") return 40 * n;
  if (spec.ensemble === "ginibre") return 40 * n ** 3;
  if (model === "full") return 10 * n ** 3;
  if (model === "cmv") return 10 * n * n;
  return degree >= 0 ? trace : 20 * n + 5 * n * n;
}

/**
 * Estimates memory (bytes) and work (operations at ≈ 1e8 per second) and checks them against the
 * shared budget (src/budget.ts): throws a BudgetError (a RangeError) beyond it, with `advice`
 * (default: in the library's words; the CLI passes its own flags).
 */
export function checkLinearStatisticCost(
  job: LinearStatisticJob,
  test: TestFunction = parseTestFunction(job.f, linearStatisticVariable(job.source)),
  advice?: (limit: BudgetLimit) => string | undefined,
): { bytes: number; operations: number } {
  let operations = 0;
  let work = 0;
  for (const n of job.ns) {
    operations += job.samples * sampleCost(job.source, test, n);
    const dense =
      job.source.kind === "ensemble" &&
      (job.source.model === "full" || job.source.spec.ensemble === "ginibre") &&
      job.source.model !== "kostlan";
    work = Math.max(work, dense ? 32 * n * n : 8 * n);
  }
  const bytes = 8 * (work + job.samples * job.ns.length);
  const libraryAdvice = (limit: BudgetLimit): string | undefined => {
    if (limit !== "time") return "use fewer samples or a smaller n";
    if (job.source.kind === "ensemble" && job.source.spec.ensemble === "ginibre") {
      return 'for radial f use model "kostlan" (O(N) per sample)';
    }
    return test.polynomial
      ? "use fewer samples"
      : "a polynomial f is computed from the Jacobi matrix in O(N) per sample";
  };
  checkBudget({ what: "this run", bytes, operations }, advice ?? libraryAdvice);
  return { bytes, operations };
}

/** Σ_k c_k Tr J'^k for J' = slope·J + offset·I (the map applied to the matrix). */
function polynomialTrace(
  t: SymmetricTridiagonal,
  coefficients: Float64Array,
  slope: number,
  offset: number,
): number {
  const n = t.diagonal.length;
  const a = new Float64Array(n);
  const b = new Float64Array(Math.max(n - 1, 0));
  for (let i = 0; i < n; i++) a[i] = slope * t.diagonal[i] + offset;
  for (let i = 0; i < n - 1; i++) b[i] = slope * slope * t.offDiagonalSquared[i];
  const p = tracePowers(a, b, coefficients.length - 1);
  let s = 0;
  for (let k = 0; k < coefficients.length; k++) s += coefficients[k] * p[k];
  return s;
}

function sumOver(values: Float64Array, f: (x: number) => number, slope: number, offset: number) {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += f(slope * values[i] + offset);
  return s;
}

/** Kostlan's radial model of Ginibre: |z_j|² ~ Gamma(j, 1), j = 1..N, independent (drawn in order). */
export function ginibreSquaredModuli(rng: RandomSource, n: number): Float64Array {
  checkRandomSource(rng);
  checkSize(n);
  checkSamplerCost("ginibreSquaredModuli", n, n, 40 * n);
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) out[j] = gamma(rng, j + 1, 1);
  return out;
}

/** The route a job's samples take (see the module comment). */
export function linearStatisticRoute(
  source: LinearStatisticSource,
  test: TestFunction,
): "trace" | "moduli" | "eigenvalues" {
  if (source.kind === "potential") return test.polynomial ? "trace" : "eigenvalues";
  if (source.model === "kostlan") return "moduli";
  const banded =
    source.model === "tridiagonal" &&
    source.spec.ensemble !== "circular" &&
    source.spec.ensemble !== "ginibre";
  return banded && test.polynomial ? "trace" : "eigenvalues";
}

/**
 * L_N of sample s at size ns[j] (stream createRandomSource(seed, F + s, j), F = job.firstSample
 * or 0): a pure function of (job, j, s). The job is assumed valid (checkLinearStatisticJob).
 */
export function linearStatisticSample(
  job: LinearStatisticJob,
  test: TestFunction,
  j: number,
  s: number,
): number {
  const { source, beta } = job;
  const n = job.ns[j];
  const scaling = job.scaling ?? LINSTAT_DEFAULTS.scaling;
  const rng = createRandomSource(job.seed, (job.firstSample ?? 0) + s, j);
  const { slope, offset } = linearStatisticMap(source, n, beta, scaling);
  const f = test.evaluate;
  if (source.kind === "potential") {
    const state = runGibbsChain({
      coeffs: source.coeffs,
      n,
      beta,
      passes: source.passes,
      rng,
      initial: source.initial,
    });
    if (test.polynomial) return polynomialTrace(state, test.polynomial, slope, offset);
    return sumOver(
      tridiagonalEigenvalues(state.diagonal, state.offDiagonalSquared),
      f,
      slope,
      offset,
    );
  }
  const { spec, model } = source;
  if (model === "kostlan") {
    const moduli = ginibreSquaredModuli(rng, n);
    let total = 0;
    for (let i = 0; i < n; i++) total += f(slope * Math.sqrt(moduli[i]));
    return total;
  }
  const draw = drawSample(spec, model, rng, n, beta);
  if (draw.kind === "complex") {
    let total = 0;
    for (let i = 0; i < n; i++) total += f(slope * Math.hypot(draw.re[i], draw.im[i]));
    return total;
  }
  const t = model === "tridiagonal" && test.polynomial ? drawTridiagonal(draw) : undefined;
  if (t && test.polynomial) return polynomialTrace(t, test.polynomial, slope, offset);
  return sumOver(drawValues(draw), f, slope, offset);
}

/** The theory for size n (undefined when nothing is known for the case). */
export function linearStatisticTheory(
  job: LinearStatisticJob,
  test: TestFunction,
  n: number,
): LinearStatisticTheory | undefined {
  const { source, beta } = job;
  const scaling = job.scaling ?? LINSTAT_DEFAULTS.scaling;
  const { slope, offset } = linearStatisticMap(source, n, beta, scaling);
  const f = test.evaluate;
  const nan = Number.NaN;
  if (source.kind === "potential") {
    let measure: ReturnType<typeof equilibriumMeasure>;
    try {
      measure = equilibriumMeasure(source.coeffs);
    } catch {
      return undefined;
    }
    if (measure.kind !== "one-cut") {
      return { note: "two-cut equilibrium measure: no one-cut theory (the O(1) mean oscillates)" };
    }
    const edges = edgeConstants(measure);
    if (!(edges.leftScale > 0 && edges.rightScale > 0)) {
      return { note: "critical (non-square-root) edge: the regular one-cut theory does not apply" };
    }
    const theory = oneCutLinearStatistic(
      f,
      {
        support: measure.support,
        density: (x) => measure.density(x),
        logFactorDerivative: densityFactorLogDerivative(measure.chebyshev),
      },
      n,
      beta,
    );
    return {
      asymptotic: [theory.mean, theory.variance, nan, nan],
      leadingMean: theory.leadingMean,
      meanCorrection: theory.meanCorrection,
      note: "one-cut V: κ₁ = N∫f dμ_V + (2/β−1)[(1/2)Σ_even a_k − L(f)], κ₂ → (1/(2β))Σ k a_k², κ_j = O(N^(2−j)) (loop equations; docs/linear-statistics)",
    };
  }
  const { spec } = source;
  if (spec.ensemble === "ginibre") {
    // f on the unit-disk scale: g(r) = f(r/slope'), where slope maps |z| to the variable of f.
    const toUnit = Math.sqrt(n) * slope; // variable of f = toUnit · r_unit
    const g = (r: number) => f(toUnit * r);
    const taylor = (r: number, order: number) => {
      const t = taylorCoefficients(test.tree, toUnit * r, order);
      return t.map((v, k) => v * toUnit ** k);
    };
    const asymptotic = ginibreRadialAsymptotics(taylor, n);
    return {
      exact: ginibreRadialCumulants(g, n),
      asymptotic: asymptotic.cumulants,
      leadingMean: asymptotic.leadingMean,
      meanCorrection: asymptotic.meanCorrection,
      note: "Ginibre, radial f: exact by Kostlan's theorem; large N: κ₁ = N∫F + F'(1)/2, κ₂ → ∫uF'², κ₃ ≈ F'(1)³/N, κ₄ ≈ (3F'(1)⁴ + 4F'(1)³F''(1))/N², F(u) = f(√u) on the unit disk (cf. De Bruyne et al. 2023)",
    };
  }
  if (spec.ensemble === "circular") {
    const { mean, variance } = circularLinearStatistic(f, n, beta);
    return {
      exact: [mean, nan, nan, nan],
      asymptotic: [mean, variance, nan, nan],
      note: "circular: κ₁ = N f̂₀ exactly, κ₂ → (4/β)Σ_{k≥1} k|f̂_k|²",
    };
  }
  if (spec.ensemble === "fixed-trace") {
    const p = test.polynomial;
    if (!p || p.length > 3) return undefined;
    // Σλ = 1: L = N c₀ + c₁ s + c₂ s² Σλ², s the slope.
    const { mean, variance } = fixedTracePurityMoments(n, beta, spec.params.shape);
    const c0 = p[0] ?? 0;
    const c1 = p[1] ?? 0;
    const c2 = (p[2] ?? 0) * slope * slope;
    return {
      exact: [n * c0 + c1 * slope + c2 * mean, c2 * c2 * variance, nan, nan],
      note: "fixed-trace, quadratic f: exact from the purity moments",
    };
  }
  if (beta === 0) return undefined;
  const law = limitLaw(spec.ensemble, n, beta, { ...spec.params });
  // f in the limit variable y = slope·x + offset is f itself ("limit") or f((y − offset)/slope)·… :
  // the variable of f is v = s·x + o, so as a function of y it is f(s'(y) ) with x = (y − O)/S.
  const limitMap = linearStatisticMap(source, n, beta, "limit");
  const toVariable = (y: number) => slope * ((y - limitMap.offset) / limitMap.slope) + offset;
  const theory = oneCutLinearStatistic(
    (y) => f(toVariable(y)),
    { support: law.support, density: law.density },
    n,
    beta,
  );
  let exact: number[] | undefined;
  const p = test.polynomial;
  if (spec.ensemble === "hermite" && p && p.length <= 3) {
    const { loc, scale } = spec.params;
    exact = hermiteQuadraticCumulants(p, n, beta, slope * loc + offset, slope * scale);
  } else if (spec.ensemble === "laguerre" && p && p.length <= 2) {
    exact = laguerreLinearCumulants(p, n, beta, spec.params.shape, slope * spec.params.scale);
  }
  return {
    exact,
    asymptotic: [theory.mean, theory.variance, nan, nan],
    leadingMean: theory.leadingMean,
    meanCorrection: theory.meanCorrection,
    note: `${law.description}: κ₁ = N∫f dμ + (2/β−1)(1/2)Σ_even a_k, κ₂ → (1/(2β))Σ k a_k², κ_j = O(N^(2−j))${exact ? "; exact finite-N cumulants from the tridiagonal model" : ""}`,
  };
}

/**
 * The result of a job from its values: values[j·S + s] = L_N of sample s at size ns[j]
 * (linearStatisticSample). Per N the k-statistics with jackknife standard errors, and the
 * theory. The sampling loop is the driver's (runLinearStatistic in src/driver/legacy.ts).
 */
export function linearStatisticResult(
  job: LinearStatisticJob,
  values: Float64Array,
): LinearStatisticResult {
  const test = checkLinearStatisticJob(job);
  const { source, ns, samples } = job;
  const scaling = job.scaling ?? LINSTAT_DEFAULTS.scaling;
  const route = linearStatisticRoute(source, test);
  const rows: LinearStatisticRow[] = [];
  for (let j = 0; j < ns.length; j++) {
    const row = values.slice(j * samples, (j + 1) * samples);
    const estimates = sampleCumulants(row);
    rows.push({
      n: ns[j],
      samples: estimates.n,
      cumulants: estimates.cumulants,
      standardErrors: estimates.standardErrors,
      route,
      theory: linearStatisticTheory(job, test, ns[j]),
      values: row,
    });
  }
  const params: Record<string, number | number[]> =
    source.kind === "potential"
      ? { potential: Array.from(source.coeffs), passes: source.passes }
      : { ...source.spec.params };
  return {
    betaens: VERSION,
    command: "linstat",
    ensemble: ensembleName(source),
    model: source.kind === "potential" ? "gibbs" : source.model,
    f: job.f,
    variable: test.variable,
    scaling,
    beta: job.beta,
    params,
    seed: job.seed,
    ...(job.firstSample ? { firstSample: job.firstSample } : {}),
    samples,
    n: ns,
    rows,
  };
}
