/**
 * The Tracy–Widom distribution functions as Fredholm determinants, evaluated by Bornemann's
 * Nyström method (F. Bornemann, "On the numerical evaluation of Fredholm determinants",
 * Math. Comp. 79 (2010) 871–915; and "On the numerical evaluation of distributions in random
 * matrix theory: a review", Markov Process. Related Fields 16 (2010) 803–866).
 *
 * Everything is expressed through one operator, B_t(x, y) = Ai(x + y + t) on L²(0, ∞):
 *   F₁(s) = det(I − B_s)                                   (Ferrari–Spohn 2005; Sasamoto 2005)
 *   F₂(s) = det(I − K_Ai)_{L²(s,∞)} = det(I − B_s²) = det(I − B_s)·det(I + B_s)
 *   F₄^TW(s) = ½[det(I − B_t) + det(I + B_t)],  t = √2·s  (Tracy–Widom 1996 normalisation)
 * (the last is Bornemann's review, eq. for F₄, equivalently F₄(s) = ½[F₁(√2 s) + F₂(√2 s)/F₁(√2 s)]).
 * The β-ensemble convention for β = 4 (conventions.md) is F₄^TW(2^{1/6}s), i.e. t = 2^{2/3}·s.
 */

import { airyAiWithDerivative } from "../special/airy.js";
import { gaussLegendre } from "../special/gaussLegendre.js";
import {
  luFactorIdentityPlus,
  matrixProduct,
  traceOfSolve,
} from "./tracyWidomLinearAlgebra.js";

/** The β = 4 normalisation: "beta" is the β-ensemble (stochastic Airy) law, "tw" Tracy–Widom 1996. */
export type TracyWidomConvention = "beta" | "tw";

/** log-determinants of the Airy–Hankel operator B_t and their t-derivatives. */
export interface AiryFredholmValues {
  /** a(t) = log det(I − B_t) = log F₁(t). */
  logDetMinus: number;
  /** c(t) = log det(I + B_t) = log(F₂(t)/F₁(t)). */
  logDetPlus: number;
  /** b(t) = log det(I − B_t²) = log F₂(t). */
  logDetSquare: number;
  /** a′(t) = −tr((I − B_t)⁻¹ ∂_t B_t). */
  dLogDetMinus: number;
  /** c′(t) = tr((I + B_t)⁻¹ ∂_t B_t). */
  dLogDetPlus: number;
  /** b′(t) = −2 tr((I − B_t²)⁻¹ B_t ∂_t B_t). */
  dLogDetSquare: number;
}

/** Length L of the truncated interval (0, L): Ai(t + L) ≈ 1e−10 so that Ai(t + x + y)² terms are < 1e−20. */
function truncation(t: number): number {
  return t <= 4 ? 12 - t : 8;
}

/** Default Gauss–Legendre order: converged to rounding for t ≥ −8 with m = 48, more nodes further left. */
export function defaultFredholmOrder(t: number): number {
  return t >= -8 ? 48 : 48 + 4 * Math.ceil(-8 - t);
}

/**
 * log det(I ∓ B_t), log det(I − B_t²) and their derivatives in t, where B_t(x, y) = Ai(x + y + t)
 * on L²(0, ∞), by the Nyström method with m-point Gauss–Legendre on (0, L) (Bornemann 2010, §4):
 *   det(I − B_t) ≈ det(δ_ij − √w_i Ai(t + x_i + x_j) √w_j).
 * The derivatives use ∂_t log det(I − K) = −tr((I − K)⁻¹ ∂_t K) on the same matrices (Jacobi's
 * formula), with ∂_t B_t(x, y) = Ai′(x + y + t): no finite differences.
 */
export function airyFredholmDeterminants(t: number, order = defaultFredholmOrder(t)): AiryFredholmValues {
  if (!Number.isFinite(t)) throw new RangeError(`t must be finite, got ${t}`);
  if (!Number.isInteger(order) || order < 2) {
    throw new RangeError(`order must be an integer >= 2, got ${order}`);
  }
  const m = order;
  const length = truncation(t);
  const { nodes, weights } = gaussLegendre(m);
  const x = new Float64Array(m);
  const root = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    x[i] = (length * (nodes[i] + 1)) / 2;
    root[i] = Math.sqrt((length * weights[i]) / 2);
  }
  const b = new Float64Array(m * m);
  const bPrime = new Float64Array(m * m);
  const airy = new Float64Array(2);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      airyAiWithDerivative(t + x[i] + x[j], airy);
      const w = root[i] * root[j];
      b[i * m + j] = b[j * m + i] = w * airy[0];
      bPrime[i * m + j] = bPrime[j * m + i] = w * airy[1];
    }
  }
  const pivots = new Int32Array(m);
  const work = new Float64Array(m);
  const y = new Float64Array(m * m);
  // I − B
  for (let k = 0; k < m * m; k++) y[k] = -b[k];
  const logDetMinus = luFactorIdentityPlus(y, m, pivots);
  const dLogDetMinus = -traceOfSolve(y, m, pivots, bPrime, work);
  // I + B
  y.set(b);
  const logDetPlus = luFactorIdentityPlus(y, m, pivots);
  const dLogDetPlus = traceOfSolve(y, m, pivots, bPrime, work);
  // I − B²: built from B² directly so that it stays accurate when B is tiny (right tail).
  const product = new Float64Array(m * m);
  matrixProduct(b, b, product, m);
  for (let k = 0; k < m * m; k++) y[k] = -product[k];
  const logDetSquare = luFactorIdentityPlus(y, m, pivots);
  matrixProduct(b, bPrime, product, m);
  const dLogDetSquare = -2 * traceOfSolve(y, m, pivots, product, work);
  return { logDetMinus, logDetPlus, logDetSquare, dLogDetMinus, dLogDetPlus, dLogDetSquare };
}

/** The factor κ with t = κ·s: 1 for β = 1, 2; √2 for F₄^TW; 2^{2/3} for the β-ensemble β = 4 law. */
export function tracyWidomArgumentScale(beta: 1 | 2 | 4, convention: TracyWidomConvention): number {
  if (beta !== 4) return 1;
  return convention === "tw" ? Math.SQRT2 : 2 ** (2 / 3);
}

export function checkTracyWidomArguments(beta: number, convention: string): void {
  if (beta !== 1 && beta !== 2 && beta !== 4) {
    throw new RangeError(`beta must be 1, 2 or 4, got ${beta}`);
  }
  if (convention !== "beta" && convention !== "tw") {
    throw new RangeError(`convention must be "beta" or "tw", got ${JSON.stringify(convention)}`);
  }
}

/**
 * The Tracy–Widom CDF F_β(s) evaluated directly by the Nyström method (the slow exact path,
 * about a millisecond per call): F₁ = det(I − B_s), F₂ = det(I − B_s²),
 * F₄ = ½[det(I − B_t) + det(I + B_t)] with t = √2 s ("tw") or t = 2^{2/3} s ("beta").
 * Absolute error about 1e−15; `order` is the number of quadrature nodes.
 */
export function tracyWidomCdfFredholm(
  s: number,
  beta: 1 | 2 | 4,
  convention: TracyWidomConvention = "beta",
  order?: number,
): number {
  checkTracyWidomArguments(beta, convention);
  if (Number.isNaN(s)) return Number.NaN;
  if (s === Number.POSITIVE_INFINITY) return 1;
  if (s === Number.NEGATIVE_INFINITY) return 0;
  const t = tracyWidomArgumentScale(beta, convention) * s;
  const v = airyFredholmDeterminants(t, order ?? defaultFredholmOrder(t));
  if (beta === 1) return finiteOrZero(Math.exp(v.logDetMinus));
  if (beta === 2) return finiteOrZero(Math.exp(v.logDetSquare));
  return finiteOrZero(0.5 * (Math.exp(v.logDetMinus) + Math.exp(v.logDetPlus)));
}

/**
 * The Tracy–Widom density f_β(s) = F_β′(s) from the same Nyström matrices, by Jacobi's formula
 * d/dt log det(I − K_t) = −tr((I − K_t)⁻¹ ∂_t K_t) (not by finite differences):
 * f₁ = F₁·a′, f₂ = F₂·b′, f₄ = κ·½[e^{a}a′ + e^{c}c′] with a, b, c as in AiryFredholmValues.
 */
export function tracyWidomPdfFredholm(
  s: number,
  beta: 1 | 2 | 4,
  convention: TracyWidomConvention = "beta",
  order?: number,
): number {
  checkTracyWidomArguments(beta, convention);
  if (Number.isNaN(s)) return Number.NaN;
  if (!Number.isFinite(s)) return 0;
  const kappa = tracyWidomArgumentScale(beta, convention);
  const t = kappa * s;
  const v = airyFredholmDeterminants(t, order ?? defaultFredholmOrder(t));
  let density: number;
  if (beta === 1) density = Math.exp(v.logDetMinus) * v.dLogDetMinus;
  else if (beta === 2) density = Math.exp(v.logDetSquare) * v.dLogDetSquare;
  else {
    density =
      0.5 *
      kappa *
      (Math.exp(v.logDetMinus) * v.dLogDetMinus + Math.exp(v.logDetPlus) * v.dLogDetPlus);
  }
  return finiteOrZero(density);
}

/** Far in the left tail the discrete determinant can lose its sign to rounding: report 0 there. */
function finiteOrZero(v: number): number {
  return Number.isFinite(v) ? Math.max(v, 0) : 0;
}

/**
 * F₂(s) = det(I − K_Ai) on L²(s, ∞) with the Airy kernel
 * K_Ai(x, y) = (Ai(x)Ai′(y) − Ai′(x)Ai(y))/(x − y), K_Ai(x, x) = Ai′(x)² − x Ai(x)²,
 * by the Nyström method on (s, max(s, 0) + 12) (Bornemann 2010, §6.1). An independent
 * discretisation of F₂, used to cross-check det(I − B_s²).
 */
export function airyKernelDeterminant(s: number, order = 64): number {
  if (!Number.isFinite(s)) throw new RangeError(`s must be finite, got ${s}`);
  const m = order;
  const upper = Math.max(s, 0) + 12;
  const { nodes, weights } = gaussLegendre(m);
  const x = new Float64Array(m);
  const root = new Float64Array(m);
  const ai = new Float64Array(m);
  const aip = new Float64Array(m);
  const airy = new Float64Array(2);
  for (let i = 0; i < m; i++) {
    x[i] = s + ((upper - s) * (nodes[i] + 1)) / 2;
    root[i] = Math.sqrt(((upper - s) * weights[i]) / 2);
    airyAiWithDerivative(x[i], airy);
    ai[i] = airy[0];
    aip[i] = airy[1];
  }
  const y = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const k =
        i === j
          ? aip[i] * aip[i] - x[i] * ai[i] * ai[i]
          : (ai[i] * aip[j] - aip[i] * ai[j]) / (x[i] - x[j]);
      y[i * m + j] = -root[i] * k * root[j];
    }
  }
  const logDet = luFactorIdentityPlus(y, m, new Int32Array(m));
  return finiteOrZero(Math.exp(logDet));
}
