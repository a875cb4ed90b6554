/**
 * λ_max of the Hermite and Laguerre β-ensembles for huge N in O(N^{1/3}) work: only the top-left
 * K×K block of the tridiagonal model is drawn, K = truncationSize(N, β) = ⌈c(β)·N^{1/3}⌉ + K₀.
 *
 * Why it works. Near the soft edge the model is a discretised stochastic Airy operator
 * (Edelman–Sutton 2007; Ramírez–Rider–Virág 2011): with x = n·N^{−1/3} (row n) and
 * λ = center + s·scale (edgeScaling), (J − center)/scale ≈ d²/dx² − x + (2/√β)·white noise, for
 * Hermite exactly on the index scale N^{1/3}, for Laguerre on the shorter scale
 * ℓ = (MN/(√M+√N)²)^{1/3} ≤ N^{1/3}. The top eigenvector is therefore ≈ Ai(x − Λ) with Λ = −s
 * (the turning point), and past the turning point it decays like exp(−(2/3)(x − Λ)^{3/2}).
 * Cutting the matrix at row K changes λ_max by about scale·N^{1/3}·Ai(x_K − Λ)², i.e. by
 * ~exp(−(4/3)(x_K − Λ)^{3/2}) on the TW scale. So x_K must exceed the turning point Λ by a fixed
 * decay length d (about 8 for 1e−12, plus a little for the N^{1/3} prefactor), and Λ itself is
 * TW-distributed: P(Λ > t) = F_β(−t) ≈ exp(−β t³/24) (Ramírez–Rider–Virág 2011, Thm 1.3), so
 * t_β = (24 L/β)^{1/3} covers all but e^{−L} of the samples. Hence c(β) = d + t_β; the constants
 * (D_DECAY, L_TAIL, K0 below) were chosen by test/ensembles/edge.test.ts, which compares the
 * truncated and the full λ_max on identical coefficients (see the constants for the measured
 * margins).
 *
 * Precision. The largest eigenvalue is found by bisection on Sturm counts of the CENTRED block
 * J − center·I (center from edgeScaling), to a bisection tolerance of 1e−15·scale, so the result
 * does not lose the digits that an uncentred bisection to 2·ulp·‖J‖ would (at N = 1e12,
 * ulp(λ_max)/scale ≈ 5e−8). The remaining error is the backward error of the Sturm count,
 * ≈ ulp·‖J‖, i.e. the effect of rounding the coefficients themselves (≈ 4e−8 TW units at
 * N = 1e12 for Hermite), far below any statistical resolution. The *Rescaled* variants return
 * (λ_max − center)/scale computed without cancellation.
 */

import { gamma } from "../random/gamma.js";
import { normal } from "../random/normal.js";
import type { RandomSource } from "../random/source.js";
import { edgeScaling } from "../theory/edgeScaling.js";
import { bisectEigenvalue } from "../tridiagonal/bisection.js";
import { pivotMinimum, sturmCountUnchecked } from "../tridiagonal/sturm.js";
import { checkHermite, defaultHermiteParams, type HermiteParams } from "./hermite.js";
import { checkLaguerre, defaultLaguerreParams, type LaguerreParams } from "./laguerre.js";

/** Decay length past the turning point, in units of N^{1/3} rows (Ai² ≈ e^{−(4/3)d^{3/2}}). */
const D_DECAY = 10;
/** Left-tail margin: the turning point Λ = −TW exceeds t_β = (24·L/β)^{1/3} with prob. ≈ e^{−L}. */
const L_TAIL = 16;
/** Extra rows for small N (discreteness of the index). */
export const K0 = 10;

/**
 * The default multiplier c(β) = D + (24·L/β)^{1/3} of truncationSize (D = 9, L = 23): the decay
 * length of Ai² down to ~1e−14 plus the β-dependent left tail of TW_β, P(TW_β < −t) ≈ e^{−βt³/24}
 * (Ramírez–Rider–Virág 2011). c(1) ≈ 17.2, c(2) ≈ 15.5, c(4) ≈ 14.2, c(10) ≈ 12.8.
 */
export function truncationMultiplier(beta: number): number {
  if (!(beta > 0 && Number.isFinite(beta))) {
    throw new RangeError(`beta must be a finite number > 0, got ${beta}`);
  }
  return D_DECAY + Math.cbrt((24 * L_TAIL) / beta);
}

/**
 * Rows of the top-left block used for λ_max: K = min(N, ⌈c·N^{1/3}⌉ + K₀), c = c(β) by default
 * (truncationMultiplier). Truncation error ~ exp(−(4/3)(c − Λ)^{3/2}) on the TW scale (file
 * header; Edelman–Sutton 2007 for the N^{1/3} localisation).
 */
export function truncationSize(n: number, beta: number, c?: number): number {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`n must be an integer >= 1, got ${n}`);
  }
  const multiplier = c ?? truncationMultiplier(beta);
  if (c !== undefined && !(c > 0 && Number.isFinite(c))) {
    throw new RangeError(`c must be a finite number > 0, got ${c}`);
  }
  // n^{1/3} via cbrt is exact enough; the +K0 absorbs rounding and small-N discreteness.
  return Math.min(n, Math.ceil(multiplier * Math.cbrt(n)) + K0);
}

/** One ulp of 1. */
const ULP = 2 ** -52;

/** Bracket half-width in units of `scale` tried first: |TW| > 16 has probability < 1e−20 (β ≥ 1). */
const BRACKET = 16;

/**
 * λ_max − center of the symmetric tridiagonal T with CENTRED diagonal d_i = a_i − center and
 * squared off-diagonal b, by bisection on Sturm counts (Barth–Martin–Wilkinson 1967; LAPACK
 * dstebz) started from [−16·scale, 16·scale] (widened until it brackets λ_max) down to an
 * interval of width 1e−15·scale. The start and the steps depend only on scale, so two matrices
 * sharing their leading rows (a truncated block and the full model) follow the same bisection
 * path and agree to the last bit unless their λ_max differ.
 */
export function centredLargestEigenvalue(
  centredDiagonal: Float64Array,
  offDiagonalSquared: Float64Array,
  center: number,
  scale: number,
): number {
  const n = centredDiagonal.length;
  if (n < 1) throw new RangeError("centredLargestEigenvalue: empty matrix");
  if (offDiagonalSquared.length !== n - 1) {
    throw new RangeError(
      `centredLargestEigenvalue: off-diagonal must have length ${n - 1}, got ${offDiagonalSquared.length}`,
    );
  }
  if (!(scale > 0 && Number.isFinite(scale))) {
    throw new RangeError(`centredLargestEigenvalue: scale must be finite and > 0, got ${scale}`);
  }
  if (n === 1) return centredDiagonal[0];
  const d = centredDiagonal;
  const b = offDiagonalSquared;
  const pivmin = pivotMinimum(b);
  let hi = BRACKET * scale;
  while (sturmCountUnchecked(d, b, n, hi, pivmin) < n) {
    hi *= 2;
    if (!Number.isFinite(hi)) throw new RangeError("centredLargestEigenvalue: no upper bracket");
  }
  let lo = -BRACKET * scale;
  while (sturmCountUnchecked(d, b, n, lo, pivmin) === n) {
    lo *= 2;
    if (!Number.isFinite(lo)) throw new RangeError("centredLargestEigenvalue: no lower bracket");
  }
  const tol = Math.max(1e-14 * scale, ULP * Math.abs(center));
  return bisectEigenvalue(d, b, n, n - 1, lo, hi, tol, pivmin);
}

/** The top-left K×K block of the Hermite model, centred: d_i = a_i − center, b_i. */
function hermiteBlock(
  rng: RandomSource,
  n: number,
  k: number,
  beta: number,
  params: HermiteParams,
  center: number,
): { d: Float64Array; b: Float64Array } {
  const { loc, scale } = params;
  const variance = scale * scale;
  const d = new Float64Array(k);
  const b = new Float64Array(k - 1);
  // Same draws, in the same order, as hermiteTridiagonal: a_1, b_1, a_2, b_2, …, stopping at a_K.
  for (let i = 0; i < k; i++) {
    d[i] = loc + scale * normal(rng) - center;
    if (i < k - 1) b[i] = gamma(rng, (beta * (n - i - 1)) / 2, variance);
  }
  return { d, b };
}

/** The top-left K×K block of J = B Bᵀ of the Laguerre model, centred (draws ξ_1, …, ξ_{2K−1}). */
function laguerreBlock(
  rng: RandomSource,
  n: number,
  k: number,
  beta: number,
  params: LaguerreParams,
  center: number,
): { d: Float64Array; b: Float64Array } {
  const { shape, scale: theta } = params;
  const d = new Float64Array(k);
  const b = new Float64Array(k - 1);
  // Same draws and order as laguerreBidiagonal: q_1, e_1, q_2, e_2, …, stopping at q_K;
  // J_ii = e_{i−1} + q_i, J_{i,i+1}² = q_i e_i (bidiagonalToTridiagonal).
  let ePrev = 0;
  for (let i = 0; i < k; i++) {
    const half = (beta * (n - i - 1)) / 2;
    const q = gamma(rng, half + shape, theta);
    d[i] = ePrev + q - center;
    if (i < k - 1) {
      const e = gamma(rng, half, theta);
      b[i] = q * e;
      ePrev = e;
    }
  }
  return { d, b };
}

function checkEdgeBeta(beta: number): void {
  if (!(beta > 0 && Number.isFinite(beta))) {
    throw new RangeError(`beta must be a finite number > 0 for the soft edge, got ${beta}`);
  }
}

function checkEdgeSize(n: number): void {
  if (!(Number.isInteger(n) && n >= 2)) {
    throw new RangeError(`n must be an integer >= 2, got ${n}`);
  }
  if (n > 2 ** 53 / 4) throw new RangeError(`n must be <= 2^51, got ${n}`);
}

function hermiteRescaled(
  rng: RandomSource,
  n: number,
  beta: number,
  params: HermiteParams,
  c: number | undefined,
): { y: number; center: number; scale: number } {
  checkEdgeSize(n);
  checkEdgeBeta(beta);
  checkHermite(n, beta, params);
  const { center, scale } = edgeScaling("hermite", n, beta, params);
  const k = truncationSize(n, beta, c);
  const { d, b } = hermiteBlock(rng, n, k, beta, params, center);
  return { y: centredLargestEigenvalue(d, b, center, scale), center, scale };
}

function laguerreRescaled(
  rng: RandomSource,
  n: number,
  beta: number,
  params: LaguerreParams,
  c: number | undefined,
): { y: number; center: number; scale: number } {
  checkEdgeSize(n);
  checkEdgeBeta(beta);
  checkLaguerre(n, beta, params);
  const { center, scale } = edgeScaling("laguerre", n, beta, {
    shape: params.shape,
    scale: params.scale,
  });
  const k = truncationSize(n, beta, c);
  const { d, b } = laguerreBlock(rng, n, k, beta, params, center);
  return { y: centredLargestEigenvalue(d, b, center, scale), center, scale };
}

/**
 * λ_max of the Hermite β-ensemble (Dumitriu–Edelman model, hermite.ts) from its top-left K×K
 * block, K = truncationSize(N, β, c): the block is exactly the leading block of
 * hermiteTridiagonal(rng, N, β, params) for the same rng (same draws, same order), and its λ_max
 * equals the full one to ≤ 1e−12·scale (file header). O(N^{1/3}) time and memory; N ≤ 2^51.
 */
export function hermiteLargestEigenvalueTruncated(
  rng: RandomSource,
  n: number,
  beta: number,
  params: HermiteParams = defaultHermiteParams,
  c?: number,
): number {
  const r = hermiteRescaled(rng, n, beta, params, c);
  return r.center + r.y;
}

/**
 * (λ_max − center)/scale of the Hermite β-ensemble, center and scale from
 * edgeScaling("hermite", N, β, params), computed from the centred block without cancellation
 * (as hermiteLargestEigenvalueTruncated). → TW_β (β-ensemble convention) as N → ∞.
 */
export function hermiteRescaledLargestEigenvalueTruncated(
  rng: RandomSource,
  n: number,
  beta: number,
  params: HermiteParams = defaultHermiteParams,
  c?: number,
): number {
  const r = hermiteRescaled(rng, n, beta, params, c);
  return r.y / r.scale;
}

/**
 * λ_max of the Laguerre β-ensemble (Dumitriu–Edelman bidiagonal model, laguerre.ts) from the
 * top-left K×K block of J = B Bᵀ, K = truncationSize(N, β, c), drawn as the first 2K − 1
 * variates ξ_1, …, ξ_{2K−1} of laguerreBidiagonal(rng, N, β, params). O(N^{1/3}); N ≤ 2^51.
 */
export function laguerreLargestEigenvalueTruncated(
  rng: RandomSource,
  n: number,
  beta: number,
  params: LaguerreParams = defaultLaguerreParams,
  c?: number,
): number {
  const r = laguerreRescaled(rng, n, beta, params, c);
  return r.center + r.y;
}

/**
 * (λ_max − center)/scale of the Laguerre β-ensemble, center and scale from
 * edgeScaling("laguerre", N, β, {shape, scale}), without cancellation. → TW_β as N → ∞.
 */
export function laguerreRescaledLargestEigenvalueTruncated(
  rng: RandomSource,
  n: number,
  beta: number,
  params: LaguerreParams = defaultLaguerreParams,
  c?: number,
): number {
  const r = laguerreRescaled(rng, n, beta, params, c);
  return r.y / r.scale;
}
