/**
 * Soft-edge scaling of the largest eigenvalue of the classical β-ensembles: the centre and scale
 * that map λ_max to the Tracy–Widom scale, (λ_max − center)/scale → TW_β, TW_β in the β-ensemble
 * convention of docs/conventions.md (the stochastic Airy operator; for β = 4 its CDF is
 * F₄^TW(2^{1/6}s)). Parameters are those of the samplers and of limits.ts.
 *
 * Finite-size shifts: every "size" K enters as K′ = K + 1/2 − 1/β, which is Johnstone's K − 1/2
 * for β = 1 (Johnstone 2001, 2008) and the N′ of docs/conventions.md for the Hermite ensemble; it
 * removes the O(N^{−1/3}) bias of the centring and leaves the limit unchanged.
 */
import {
  detAsin,
  detCbrt,
  detExp,
  detLog,
  detPow,
  detSin,
  detTan,
} from "../special/deterministicMath.js";

export type EdgeEnsemble = "hermite" | "laguerre" | "jacobi";

/**
 * Parameters, as for the samplers and limits.ts: hermite {loc, scale}; laguerre {shape, scale}
 * or Wishart {m}; jacobi {a, b} or MANOVA {m1, m2}. (HermiteParams, LaguerreParams and
 * JacobiParams of src/ensembles are accepted as they are.)
 */
export interface EdgeParams {
  loc?: number;
  scale?: number;
  shape?: number;
  m?: number;
  a?: number;
  b?: number;
  m1?: number;
  m2?: number;
}

export interface EdgeScaling {
  /** λ-value of the centring (for Jacobi the logistic image of the logit-scale centre μ). */
  center: number;
  /** λ-scale of the fluctuations (for Jacobi the linearisation σ·c(1 − c) of the logit map). */
  scale: number;
  /** The map to the TW_β scale: (λ − center)/scale, for Jacobi (logit λ − μ)/σ. */
  rescale(lambdaMax: number): number;
}

const ALLOWED_KEYS: Record<EdgeEnsemble, readonly string[]> = {
  hermite: ["loc", "scale"],
  laguerre: ["shape", "scale", "m"],
  jacobi: ["a", "b", "m1", "m2"],
};

/**
 * Centre and scale of λ_max for the N-point β-ensemble (β > 0):
 * - hermite {loc μ = 0, scale σ = 1} (density ∝ |Δ|^β Π e^{−(x−μ)²/(2σ²)}):
 *     center = μ + σ√(2βN′), scale = σ√(β/2)·N^{−1/6}, N′ = N + 1/2 − 1/β (docs/conventions.md;
 *     Dumitriu–Edelman 2002 model, Edelman–Sutton 2007 / Ramírez–Rider–Virág 2011 limit).
 * - laguerre {shape k = 1, scale θ = 1} or Wishart dims {m} (then k = β(m − N + 1)/2, θ = 2):
 *     M = 2k/β + N − 1; with z = 2x/(βθ) (the weight z^{β(M−N+1)/2−1} e^{−βz/2}),
 *     z_max ≈ (√M′ + √N′)² + (√M′ + √N′)(1/√M′ + 1/√N′)^{1/3}·TW_β, so
 *     center = (βθ/2)(√M′ + √N′)², scale = (βθ/2)(√M′ + √N′)(1/√M′ + 1/√N′)^{1/3}
 *     (Johnstone 2001 for β = 1, Johansson 2000 for β = 2; the β-ensemble limit for all β:
 *     Ramírez–Rider–Virág 2011).
 * - jacobi {a = 1, b = 1} or MANOVA dims {m1, m2} (density ∝ |Δ|^β Π x^{a−1}(1−x)^{b−1}):
 *     M₁ = 2a/β + N − 1, M₂ = 2b/β + N − 1; on the logit scale w = log(x/(1−x)),
 *     (w_max − μ)/σ → TW_β with (Johnstone 2008, Theorem 1, there β = 1, p = N, n = M₁, m = M₂)
 *     L = M₁′ + M₂′ (= m + n − 1 at β = 1), sin²(γ/2) = min(N′, M₁′)/L, sin²(φ/2) = max(N′, M₁′)/L,
 *     μ = 2 log tan((φ + γ)/2), σ³ = 16/(L² sin²(φ + γ) sin φ sin γ).
 *     The upper edge must be soft (φ + γ < π), else RangeError.
 *
 * @example
 * import { edgeScaling } from "betaens";
 * const { center, scale } = edgeScaling("laguerre", 1000, 1, { m: 2000 });
 * // (λ_max − center)/scale → TW₁ for real Wishart N = 1000, M = 2000
 */
export function edgeScaling(
  ensemble: EdgeEnsemble,
  n: number,
  beta: number,
  params: EdgeParams = {},
): EdgeScaling {
  if (!(Number.isInteger(n) && n >= 2)) {
    throw new RangeError(`edgeScaling: n must be an integer >= 2, got ${n}`);
  }
  if (!(beta > 0 && Number.isFinite(beta))) {
    throw new RangeError(`edgeScaling: beta must be a finite number > 0, got ${beta}`);
  }
  const allowed = ALLOWED_KEYS[ensemble];
  if (allowed === undefined) {
    throw new RangeError(
      `edgeScaling: ensemble must be "hermite", "laguerre" or "jacobi", got ${String(ensemble)}`,
    );
  }
  for (const [key, value] of Object.entries(params)) {
    if (!allowed.includes(key)) {
      throw new RangeError(
        `edgeScaling: unknown parameter "${key}" for ${ensemble} (allowed: ${allowed.join(", ")})`,
      );
    }
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new RangeError(`edgeScaling: parameter ${key} must be a finite number, got ${value}`);
    }
  }
  const shift = 0.5 - 1 / beta;
  const nPrime = n + shift;
  if (!(nPrime > 0)) {
    throw new RangeError(`edgeScaling: needs n + 1/2 − 1/beta > 0, got n = ${n}, beta = ${beta}`);
  }
  if (ensemble === "hermite") return hermiteEdge(n, nPrime, beta, params);
  if (ensemble === "laguerre") return laguerreEdge(n, nPrime, shift, beta, params);
  return jacobiEdge(n, nPrime, shift, beta, params);
}

function linear(center: number, scale: number): EdgeScaling {
  return { center, scale, rescale: (lambdaMax: number) => (lambdaMax - center) / scale };
}

function hermiteEdge(n: number, nPrime: number, beta: number, params: EdgeParams): EdgeScaling {
  const loc = params.loc ?? 0;
  const sigma = params.scale ?? 1;
  if (!(sigma > 0)) throw new RangeError(`edgeScaling: hermite scale must be > 0, got ${sigma}`);
  return linear(
    loc + sigma * Math.sqrt(2 * beta * nPrime),
    sigma * Math.sqrt(beta / 2) * detPow(n, -1 / 6),
  );
}

function laguerreEdge(
  n: number,
  nPrime: number,
  shift: number,
  beta: number,
  params: EdgeParams,
): EdgeScaling {
  let m: number;
  let theta: number;
  if (params.m !== undefined) {
    if (params.shape !== undefined || params.scale !== undefined) {
      throw new RangeError("edgeScaling: give laguerre either {m} or {shape, scale}, not both");
    }
    m = params.m;
    theta = 2;
    if (!(m > n - 1)) throw new RangeError(`edgeScaling: laguerre m must be > n − 1, got ${m}`);
  } else {
    const k = params.shape ?? 1;
    theta = params.scale ?? 1;
    if (!(k > 0)) throw new RangeError(`edgeScaling: laguerre shape must be > 0, got ${k}`);
    if (!(theta > 0)) throw new RangeError(`edgeScaling: laguerre scale must be > 0, got ${theta}`);
    m = (2 * k) / beta + n - 1;
  }
  const mPrime = m + shift;
  if (!(mPrime > 0)) throw new RangeError(`edgeScaling: laguerre M + 1/2 − 1/beta must be > 0`);
  const a = Math.sqrt(mPrime);
  const b = Math.sqrt(nPrime);
  const factor = (beta * theta) / 2;
  return linear(factor * (a + b) * (a + b), factor * (a + b) * detCbrt(1 / a + 1 / b));
}

function jacobiEdge(
  n: number,
  nPrime: number,
  shift: number,
  beta: number,
  params: EdgeParams,
): EdgeScaling {
  const hasDims = params.m1 !== undefined || params.m2 !== undefined;
  if (hasDims && (params.a !== undefined || params.b !== undefined)) {
    throw new RangeError("edgeScaling: give jacobi either {m1, m2} or {a, b}, not both");
  }
  let m1: number;
  let m2: number;
  if (hasDims) {
    if (params.m1 === undefined || params.m2 === undefined) {
      throw new RangeError("edgeScaling: jacobi needs both m1 and m2");
    }
    m1 = params.m1;
    m2 = params.m2;
  } else {
    const a = params.a ?? 1;
    const b = params.b ?? 1;
    if (!(a > 0 && b > 0))
      throw new RangeError(`edgeScaling: jacobi a, b must be > 0, got ${a}, ${b}`);
    m1 = (2 * a) / beta + n - 1;
    m2 = (2 * b) / beta + n - 1;
  }
  const m1Prime = m1 + shift;
  const m2Prime = m2 + shift;
  if (!(m1Prime > 0 && m2Prime > 0)) {
    throw new RangeError("edgeScaling: jacobi M1, M2 + 1/2 − 1/beta must be > 0");
  }
  const total = m1Prime + m2Prime;
  const gamma = 2 * detAsin(Math.sqrt(Math.min(nPrime, m1Prime) / total));
  const phi = 2 * detAsin(Math.sqrt(Math.max(nPrime, m1Prime) / total));
  if (!(phi + gamma < Math.PI)) {
    throw new RangeError(
      "edgeScaling: the upper edge of this Jacobi ensemble is hard (at 1), not a Tracy–Widom soft edge",
    );
  }
  const mu = 2 * detLog(detTan((phi + gamma) / 2));
  const s = detSin(phi + gamma);
  const sigma = detCbrt(16 / (total * total * s * s * detSin(phi) * detSin(gamma)));
  const center = 1 / (1 + detExp(-mu));
  return {
    center,
    scale: sigma * center * (1 - center),
    rescale: (lambdaMax: number) => (detLog(lambdaMax / (1 - lambdaMax)) - mu) / sigma,
  };
}
