/**
 * Large-N limits of the empirical eigenvalue distribution of the tridiagonal β-ensembles, and
 * the maps that bring raw eigenvalues to them (docs/theory.md §2.7 table, "banded" rows; docs/conventions.md).
 */

import { wishartExponent, wishartParameters } from "../spec/params.js";
import {
  marchenkoPasturCdf,
  marchenkoPasturDensity,
  marchenkoPasturSupport,
} from "./marchenkoPastur.js";
import { semicircleCdf, semicircleDensity, semicircleSupport } from "./semicircle.js";
import { wachterCdf, wachterDensity, wachterSupport } from "./wachter.js";

export type LimitEnsemble = "hermite" | "laguerre" | "jacobi";

/** A limit law together with the map x ↦ y from raw eigenvalues to its scale. */
export interface LimitLaw {
  /** "semicircle", "marchenko-pastur" or "wachter". */
  name: string;
  /** Map from a raw eigenvalue x to the variable y of the limit law. */
  normalise: (x: number) => number;
  /** Density of the limit law in y. */
  density: (y: number) => number;
  /** CDF of the limit law in y. */
  cdf: (y: number) => number;
  /** Support [lo, hi] of the limit law in y. */
  support: [number, number];
  /** Human-readable summary, e.g. "Marchenko–Pastur, c = 0.5". */
  description: string;
}

const ALLOWED_KEYS: Record<LimitEnsemble, string[]> = {
  hermite: ["loc", "scale"],
  laguerre: ["shape", "scale", "m"],
  jacobi: ["a", "b", "m1", "m2"],
};

/**
 * The limit law of the N-point β-ensemble (β > 0) and its normalisation (docs/theory.md §2.7):
 * - hermite {loc μ = 0, scale σ = 1}: y = √2(x − μ)/(σ√(βN)) → semicircle on [−2, 2];
 * - laguerre {shape k = 1, scale θ = 1} or Wishart dims {m}: M = 2k/β + N − 1 (or M = m, then
 *   k = β(M − N + 1)/2, θ = 2), y = 2x/(θβM) → Marchenko–Pastur(c = N/M);
 * - jacobi {a = 1, b = 1} or MANOVA dims {m1, m2}: M₁ = 2a/β + N − 1, M₂ = 2b/β + N − 1, no
 *   map, limit Wachter(M₁/N, M₂/N).
 * Defaults are those of the samplers (src/ensembles).
 * When 2k/β < 1 (resp. 2a/β < 1, 2b/β < 1), M < N and the ratio N/M exceeds 1 (resp. M_i/N < 1)
 * by less than 1/N; the corresponding MANOVA/Wishart limit would carry an atom of mass < 1/N
 * that the β-ensemble does not have, so the ratio is clamped to the hard-edge value 1 (said
 * in the description). β = 0 (i.i.d. points) has no such limit: RangeError.
 *
 * @example
 * import { limitLaw } from "betaens";
 * const law = limitLaw("laguerre", 500, 1, { m: 800 }); // Marchenko–Pastur, c = 5/8
 * const fraction = law.cdf(law.normalise(600)); // share of eigenvalues below 600 as N → ∞
 */
export function limitLaw(
  ensemble: LimitEnsemble,
  n: number,
  beta: number,
  params: Record<string, number>,
): LimitLaw {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`limitLaw: n must be an integer >= 1, got ${n}`);
  }
  if (beta === 0) {
    throw new RangeError(
      "limitLaw: beta = 0 (independent points) has no semicircle/Marchenko–Pastur/Wachter limit; beta must be > 0",
    );
  }
  if (!(beta > 0 && Number.isFinite(beta))) {
    throw new RangeError(`limitLaw: beta must be a finite number > 0, got ${beta}`);
  }
  const allowed = ALLOWED_KEYS[ensemble];
  if (allowed === undefined) {
    throw new RangeError(
      `limitLaw: ensemble must be "hermite", "laguerre" or "jacobi", got ${String(ensemble)}`,
    );
  }
  for (const [key, value] of Object.entries(params)) {
    if (!allowed.includes(key)) {
      throw new RangeError(
        `limitLaw: unknown parameter "${key}" for ${ensemble} (allowed: ${allowed.join(", ")})`,
      );
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new RangeError(`limitLaw: parameter ${key} must be a finite number, got ${value}`);
    }
  }
  switch (ensemble) {
    case "hermite":
      return hermiteLimit(n, beta, params);
    case "laguerre":
      return laguerreLimit(n, beta, params);
    default:
      return jacobiLimit(n, beta, params);
  }
}

function hermiteLimit(n: number, beta: number, params: Record<string, number>): LimitLaw {
  const loc = params.loc ?? 0;
  const scale = params.scale ?? 1;
  if (!(scale > 0)) throw new RangeError(`limitLaw: hermite scale must be > 0, got ${scale}`);
  const factor = Math.SQRT2 / (scale * Math.sqrt(beta * n));
  return {
    name: "semicircle",
    normalise: (x) => (x - loc) * factor,
    density: semicircleDensity,
    cdf: semicircleCdf,
    support: semicircleSupport(),
    description: "semicircle on [−2, 2]",
  };
}

function laguerreLimit(n: number, beta: number, params: Record<string, number>): LimitLaw {
  let m: number;
  let scale: number;
  if (params.m !== undefined) {
    m = params.m;
    if (!(m > n - 1)) {
      throw new RangeError(`limitLaw: laguerre m must be > n − 1 = ${n - 1}, got ${m}`);
    }
    const { shape } = wishartParameters(n, m, beta);
    if (params.shape !== undefined && !nearlyEqual(params.shape, shape)) {
      throw new RangeError(
        `limitLaw: laguerre shape ${params.shape} contradicts m = ${m} (which means shape ${shape})`,
      );
    }
    if (params.scale !== undefined && !nearlyEqual(params.scale, 2)) {
      throw new RangeError(`limitLaw: laguerre m implies scale 2, got scale ${params.scale}`);
    }
    scale = 2;
  } else {
    const shape = params.shape ?? 1;
    scale = params.scale ?? 1;
    if (!(shape > 0)) throw new RangeError(`limitLaw: laguerre shape must be > 0, got ${shape}`);
    if (!(scale > 0)) throw new RangeError(`limitLaw: laguerre scale must be > 0, got ${scale}`);
    m = (2 * shape) / beta + n - 1;
  }
  const ratio = n / m;
  const c = Math.min(1, ratio);
  const factor = 2 / (scale * beta * m);
  const clampNote = ratio > 1 ? ` (N/M = ${compact(ratio)} clamped to 1)` : "";
  return {
    name: "marchenko-pastur",
    normalise: (x) => x * factor,
    density: (y) => marchenkoPasturDensity(y, c),
    cdf: (y) => marchenkoPasturCdf(y, c),
    support: marchenkoPasturSupport(c),
    description: `Marchenko–Pastur, c = ${compact(c)}${clampNote}`,
  };
}

function jacobiLimit(n: number, beta: number, params: Record<string, number>): LimitLaw {
  const m1 = dimension(n, beta, params, "a", "m1");
  const m2 = dimension(n, beta, params, "b", "m2");
  const r1 = m1 / n;
  const r2 = m2 / n;
  const a = Math.max(1, r1);
  const b = Math.max(1, r2);
  const ratio = (r: number) => (r < 1 ? `1 (${compact(r)} clamped)` : compact(r));
  return {
    name: "wachter",
    normalise: (x) => x,
    density: (y) => wachterDensity(y, a, b),
    cdf: (y) => wachterCdf(y, a, b),
    support: wachterSupport(a, b),
    description: `Wachter, M1/N = ${ratio(r1)}, M2/N = ${ratio(r2)}`,
  };
}

/** M = 2a/β + N − 1 from the Beta exponent, or the MANOVA dimension given directly. */
function dimension(
  n: number,
  beta: number,
  params: Record<string, number>,
  exponentKey: "a" | "b",
  dimensionKey: "m1" | "m2",
): number {
  const exponent = params[exponentKey];
  const dim = params[dimensionKey];
  if (dim !== undefined) {
    if (!(dim > n - 1)) {
      throw new RangeError(
        `limitLaw: jacobi ${dimensionKey} must be > n − 1 = ${n - 1}, got ${dim}`,
      );
    }
    const implied = wishartExponent(n, dim, beta);
    if (exponent !== undefined && !nearlyEqual(exponent, implied)) {
      throw new RangeError(
        `limitLaw: jacobi ${exponentKey} = ${exponent} contradicts ${dimensionKey} = ${dim} (which means ${exponentKey} = ${implied})`,
      );
    }
    return dim;
  }
  const value = exponent ?? 1;
  if (!(value > 0)) {
    throw new RangeError(`limitLaw: jacobi ${exponentKey} must be > 0, got ${value}`);
  }
  return (2 * value) / beta + n - 1;
}

function nearlyEqual(x: number, y: number): boolean {
  return Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x), Math.abs(y));
}

/** At most 4 significant digits, no trailing zeros. */
function compact(x: number): string {
  return String(Number(x.toPrecision(4)));
}
