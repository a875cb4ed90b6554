/**
 * Ensemble parameters in one place: the names each ensemble accepts, their defaults, and the
 * conversion of the Wishart and MANOVA forms (docs/conventions.md) to the sampler parameters,
 * done once when a job is made. The CLI's flag tables derive from ENSEMBLE_PARAMETERS.
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
    const params = { shape: (beta * (m - n + 1)) / 2, scale: 2 };
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
    const params = { a: (beta * (m1 - n + 1)) / 2, b: (beta * (m2 - n + 1)) / 2 };
    return { params, reported: { m1, m2, ...params } };
  }
  if (ensemble === "fixed-trace") {
    if (given.shape !== undefined) {
      if (given.m !== undefined) throw new RangeError("give either --m or --shape, not both");
      return { params: { shape: given.shape }, reported: { shape: given.shape } };
    }
    // ρ = W/Tr W with W an N×N β-Wishart matrix of real dimension M > N − 1 (default M = N):
    // shape k = β(M − N + 1)/2 (theory/fixedTrace.ts wishartShape).
    const m = given.m ?? n;
    if (!(Number.isFinite(m) && m > n - 1)) {
      throw new RangeError(`m must be a finite number > n − 1 = ${n - 1}, got ${m}`);
    }
    const params = { shape: (beta * (m - n + 1)) / 2 };
    return { params, reported: { m, ...params } };
  }
  const params: Record<string, number> = {};
  for (const [key, value] of Object.entries(DEFAULT_PARAMETERS[ensemble])) {
    params[key] = given[key] ?? value;
  }
  return { params, reported: { ...params } };
}
