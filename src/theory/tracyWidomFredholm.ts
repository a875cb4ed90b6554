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
 * The β-ensemble convention for β = 4 (docs/conventions.md) is F₄^TW(2^{1/6}s), i.e. t = 2^{2/3}·s.
 */

import { airyAiWithDerivative } from "../special/airy.js";
import { detExp } from "../special/deterministicMath.js";
import { gaussLegendre } from "../special/gaussLegendre.js";
import { luFactorIdentityPlus, luSolve } from "./tracyWidomLinearAlgebra.js";

/** The β = 4 normalisation: "beta" is the β-ensemble (stochastic Airy) law, "tw" Tracy–Widom 1996. */
export type TracyWidomConvention = "beta" | "tw";

/** log-determinants of the Airy–Hankel operator B_t and their t-derivatives. */
export interface AiryFredholmValues {
  /** a(t) = log det(I − B_t) = log F₁(t). */
  logDetMinus: number;
  /** c(t) = log det(I + B_t) = log(F₂(t)/F₁(t)). */
  logDetPlus: number;
  /** b(t) = log det(I − B_t²) = a(t) + c(t) = log F₂(t). */
  logDetSquare: number;
  /** a′(t) = −tr((I − B_t)⁻¹ ∂_t B_t) = (log F₁)′(t). */
  dLogDetMinus: number;
  /** c′(t) = tr((I + B_t)⁻¹ ∂_t B_t). */
  dLogDetPlus: number;
  /** b′(t) = −tr((I − B_t²)⁻¹ ∂_t B_t²) = (log F₂)′(t). */
  dLogDetSquare: number;
}

/** Length L of the truncated interval (0, L): Ai(t + L) ≤ 1e−10, so the neglected Ai(t + x + y)² terms are < 1e−20. */
function truncation(t: number): number {
  return t <= 4 ? 12 - t : 8;
}

/**
 * Default Gauss–Legendre order: 32 nodes for t ≥ 0 and 40 for −8 ≤ t < 0 are converged to
 * rounding (checked against 64 and 96 nodes in the tests); further left more nodes follow the
 * oscillation of Ai.
 */
export function defaultFredholmOrder(t: number): number {
  if (t >= 0) return 32;
  return t >= -8 ? 40 : 40 + 4 * Math.ceil(-8 - t);
}

/**
 * log det(I ∓ B_t), log det(I − B_t²) and their derivatives in t, where B_t(x, y) = Ai(x + y + t)
 * on L²(0, ∞), by the Nyström method with m-point Gauss–Legendre on (0, L) (Bornemann 2010, §4):
 *   det(I − B_t) ≈ det(δ_ij − √w_i Ai(t + x_i + x_j) √w_j).
 *
 * Derivatives: Jacobi's formula d/dt log det(I − B_t) = −tr((I − B_t)⁻¹ ∂_t B_t), not finite
 * differences. Since ∂_t B_t = ∂_x B_t = −B_t∂ − φ⊗δ₀ with φ = Ai(t + ·) (integration by parts),
 * the trace collapses to one solve:
 *   a′ = −tr((I − B)⁻¹∂_tB) = ½[(I − B)⁻¹φ](0),   c′ = tr((I + B)⁻¹∂_tB) = −½[(I + B)⁻¹φ](0),
 *   b′ = −tr((I − B²)⁻¹∂_t B²) = ⟨(I − B²)⁻¹φ, φ⟩   (∂_t B_t² = −φ⊗φ, the Airy-kernel identity),
 * with u(0) = φ(0) + Σ_j w_j φ(x_j) u(x_j) (Nyström interpolation). The tests check these against
 * the trace formula on the same matrices (agreement to rounding).
 */
export function airyFredholmDeterminants(
  t: number,
  order = defaultFredholmOrder(t),
): AiryFredholmValues {
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
  // A = W^{1/2} B W^{1/2} and φ = W^{1/2} Ai(t + x).
  const a = new Float64Array(m * m);
  const phi = new Float64Array(m);
  const airy = new Float64Array(2);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      airyAiWithDerivative(t + x[i] + x[j], airy);
      a[i * m + j] = a[j * m + i] = root[i] * root[j] * airy[0];
    }
    airyAiWithDerivative(t + x[i], airy);
    phi[i] = root[i] * airy[0];
  }
  airyAiWithDerivative(t, airy);
  const phi0 = airy[0];
  const pivots = new Int32Array(m);
  const y = new Float64Array(m * m);
  const v = new Float64Array(m);
  // I − A
  for (let k = 0; k < m * m; k++) y[k] = -a[k];
  const logDetMinus = luFactorIdentityPlus(y, m, pivots);
  v.set(phi);
  luSolve(y, m, pivots, v);
  const dLogDetMinus = 0.5 * (phi0 + dot(phi, v, m));
  // I + A
  y.set(a);
  const logDetPlus = luFactorIdentityPlus(y, m, pivots);
  v.set(phi);
  luSolve(y, m, pivots, v);
  const dLogDetPlus = -0.5 * (phi0 - dot(phi, v, m));
  // log F₂ = a + c. In the right tail (t > 0) a + c cancels, so log det(I − A²) is computed from
  // A² itself, which keeps it accurate relative to its size (~Ai(t)²); in the left tail I − A² is
  // the worse conditioned of the two and a + c is used.
  let logDetSquare = logDetMinus + logDetPlus;
  let dLogDetSquare = dLogDetMinus + dLogDetPlus;
  if (t > 0) {
    symmetricSquare(a, y, m);
    for (let k = 0; k < m * m; k++) y[k] = -y[k];
    logDetSquare = luFactorIdentityPlus(y, m, pivots);
    v.set(phi);
    luSolve(y, m, pivots, v);
    dLogDetSquare = dot(phi, v, m);
  }
  return { logDetMinus, logDetPlus, logDetSquare, dLogDetMinus, dLogDetPlus, dLogDetSquare };
}

function dot(u: Float64Array, v: Float64Array, m: number): number {
  let s = 0;
  for (let i = 0; i < m; i++) s += u[i] * v[i];
  return s;
}

/** out = A² for a symmetric row-major A (only the upper triangle is computed, then mirrored). */
function symmetricSquare(a: Float64Array, out: Float64Array, m: number): void {
  for (let i = 0; i < m; i++) {
    const rowI = i * m;
    for (let j = i; j < m; j++) {
      const rowJ = j * m;
      let s = 0;
      for (let k = 0; k < m; k++) s += a[rowI + k] * a[rowJ + k];
      out[rowI + j] = s;
      out[rowJ + i] = s;
    }
  }
}

/** 2^{2/3} correctly rounded (a literal: `2 ** (2/3)` goes through the engine's pow). */
const TWO_TO_TWO_THIRDS = 1.5874010519681996;

/** The factor κ with t = κ·s: 1 for β = 1, 2; √2 for F₄^TW; 2^{2/3} for the β-ensemble β = 4 law. */
export function tracyWidomArgumentScale(beta: 1 | 2 | 4, convention: TracyWidomConvention): number {
  if (beta !== 4) return 1;
  return convention === "tw" ? Math.SQRT2 : TWO_TO_TWO_THIRDS;
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
  if (beta === 1) return finiteOrZero(detExp(v.logDetMinus));
  if (beta === 2) return finiteOrZero(detExp(v.logDetSquare));
  return finiteOrZero(0.5 * (detExp(v.logDetMinus) + detExp(v.logDetPlus)));
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
  if (beta === 1) density = detExp(v.logDetMinus) * v.dLogDetMinus;
  else if (beta === 2) density = detExp(v.logDetSquare) * v.dLogDetSquare;
  else {
    density =
      0.5 * kappa * (detExp(v.logDetMinus) * v.dLogDetMinus + detExp(v.logDetPlus) * v.dLogDetPlus);
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
  return finiteOrZero(detExp(logDet));
}
