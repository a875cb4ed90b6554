/**
 * Ensemble parameters in one place: the names each ensemble accepts, their defaults, and the
 * conversion of the Wishart and MANOVA forms (docs/conventions.md) to the sampler parameters,
 * done once when a job is made (wishartParameters, manovaParameters, fixedTraceShape: the only
 * copies; ensembles/ and theory/ call them too). ensembleParameters is the one job builder of the
 * CLI (cli/sample.ts buildSpec) and the explorer. The CLI's flag tables derive from ENSEMBLE_PARAMETERS.
 * Browser-safe; the full checks of the parameters run in ensembles/ when the job is validated.
 */
import type { EnsembleName } from "./job.js";

/** The parameters each ensemble accepts (as flags --NAME), sampler form first. */
export const ENSEMBLE_PARAMETERS: Readonly<Record<EnsembleName, readonly string[]>> = {
  hermite: ["loc", "scale"],
  laguerre: ["shape", "scale", "m"],
  jacobi: ["a", "b", "m1", "m2"],
  circular: [],
  ginibre: [],
  "fixed-trace": ["shape", "m"],
};

export const ENSEMBLE_NAMES = Object.keys(ENSEMBLE_PARAMETERS) as EnsembleName[];

/** Defaults of the sampler parameters (reference measures N(0, 1), Gamma(1, 1), Beta(1, 1)). */
export const DEFAULT_PARAMETERS: Readonly<Record<EnsembleName, Readonly<Record<string, number>>>> =
  {
    hermite: { loc: 0, scale: 1 },
    laguerre: { shape: 1, scale: 1 },
    jacobi: { a: 1, b: 1 },
    circular: {},
    ginibre: {},
    // Default M = N (the shape is β/2); see ensembleParameters.
    "fixed-trace": {},
  };

/**
 * k = β(M − N + 1)/2: the exponent that an N×M β-Gaussian block gives — the Laguerre shape of a
 * β-Wishart matrix, each Jacobi exponent of a β-MANOVA pair, the fixed-trace shape
 * (Dumitriu–Edelman 2002; docs/conventions.md). No checks: the callers check M against N.
 */
export function wishartExponent(n: number, m: number, beta: number): number {
  return (beta * (m - n + 1)) / 2;
}

/** Laguerre (k, θ) of the β-Wishart matrix with dimensions N ≤ M: k = β(M − N + 1)/2, θ = 2. */
export function wishartParameters(
  n: number,
  m: number,
  beta: number,
): { shape: number; scale: number } {
  return { shape: wishartExponent(n, m, beta), scale: 2 };
}

/** Jacobi (a, b) of the β-MANOVA pair with dimensions N ≤ M1, M2: a, b = β(M1,2 − N + 1)/2. */
export function manovaParameters(
  n: number,
  m1: number,
  m2: number,
  beta: number,
): { a: number; b: number } {
  return { a: wishartExponent(n, m1, beta), b: wishartExponent(n, m2, beta) };
}

/** Fixed-trace shape k = β(M − N + 1)/2 of ρ = W/Tr W, W an N×N β-Wishart matrix (real M > N − 1). */
export function fixedTraceShape(n: number, m: number, beta: number): number {
  return wishartExponent(n, m, beta);
}

/**
 * The sampler parameters of an ensemble from what the user gave, and the parameters to report:
 * laguerre {m}: shape k = β(M − N + 1)/2, scale θ = 2 (β-Wishart, M ≥ N); jacobi {m1, m2}:
 * a = β(M₁ − N + 1)/2, b = β(M₂ − N + 1)/2 (β-MANOVA). Throws a RangeError for a parameter the
 * ensemble does not take, a mix of both forms, or dimensions < N.
 */
export function ensembleParameters(
  ensemble: EnsembleName,
  given: Record<string, number | undefined>,
  n: number,
  beta: number,
): { params: Record<string, number>; reported: Record<string, number> } {
  const allowed = ENSEMBLE_PARAMETERS[ensemble];
  if (allowed === undefined) throw new RangeError(`unknown ensemble "${ensemble}"`);
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined && !allowed.includes(key)) {
      throw new RangeError(`--${key} does not apply to the ${ensemble} ensemble`);
    }
  }
  const dimension = (name: string, m: number): number => {
    if (!Number.isFinite(m) || m < n) {
      throw new RangeError(`${name} must be a finite number >= n = ${n}, got ${m}`);
    }
    return m;
  };
  if (ensemble === "laguerre" && given.m !== undefined) {
    if (given.shape !== undefined || given.scale !== undefined) {
      throw new RangeError("give either --m or --shape/--scale for laguerre, not both");
    }
    const m = dimension("m", given.m);
    if (beta === 0) {
      throw new RangeError("Wishart dimensions need beta > 0 (shape = beta(M-N+1)/2 would be 0)");
    }
    const params = wishartParameters(n, m, beta);
    return { params, reported: { m, ...params } };
  }
  if (ensemble === "jacobi" && (given.m1 !== undefined || given.m2 !== undefined)) {
    if (given.m1 === undefined || given.m2 === undefined) {
      throw new RangeError("jacobi needs both --m1 and --m2");
    }
    if (given.a !== undefined || given.b !== undefined) {
      throw new RangeError("give either --m1/--m2 or --a/--b for jacobi, not both");
    }
    const m1 = dimension("m1", given.m1);
    const m2 = dimension("m2", given.m2);
    if (beta === 0) {
      throw new RangeError("MANOVA dimensions need beta > 0 (a = beta(M1-N+1)/2 would be 0)");
    }
    const params = manovaParameters(n, m1, m2, beta);
    return { params, reported: { m1, m2, ...params } };
  }
  if (ensemble === "fixed-trace") {
    if (given.shape !== undefined) {
      if (given.m !== undefined) throw new RangeError("give either --m or --shape, not both");
      return { params: { shape: given.shape }, reported: { shape: given.shape } };
    }
    // ρ = W/Tr W with W an N×N β-Wishart matrix of real dimension M > N − 1 (default M = N):
    // shape k = β(M − N + 1)/2.
    const m = given.m ?? n;
    if (!(beta > 0 && Number.isFinite(beta))) {
      throw new RangeError(`beta must be a finite number > 0, got ${beta}`);
    }
    if (!(Number.isFinite(m) && m > n - 1)) {
      throw new RangeError(`m must be a finite number > n − 1 = ${n - 1}, got ${m}`);
    }
    const params = { shape: fixedTraceShape(n, m, beta) };
    return { params, reported: { m, ...params } };
  }
  const params: Record<string, number> = {};
  for (const [key, value] of Object.entries(DEFAULT_PARAMETERS[ensemble])) {
    params[key] = given[key] ?? value;
  }
  return { params, reported: { ...params } };
}
