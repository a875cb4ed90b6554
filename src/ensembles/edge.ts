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
 * t_β = (24 L/β)^{1/3} covers all but ≈ e^{−L} of the samples. Hence c(β) = D + t_β, with
 * D = 10, L = 16, K₀ = 10: c(0.5) = 19.2, c(1) = 17.3, c(2) = 15.8, c(4) = 14.6, c(10) = 13.4,
 * c(∞) = 10 (the deterministic Airy case needs 2.34 + 7.5).
 *
 * How the constants were chosen (the bound). For each sample, the smallest K with
 * |λ_max(K) − λ_max(N)| ≤ 1e−12·scale on identical coefficients was found by bisection in K
 * (λ_max(K) increases with K by interlacing). In units of N^{1/3}: median 8.7–9.6 for every β and
 * N = 1e3 … 1e5; maximum over 2000 seeds at N = 1e3: 14.3 (β = 0.5), 13.7 (1), 12.4 (2),
 * 11.4 (4), 10.5 (10); over 100 seeds at N = 1e5: 12.2, 12.6, 11.0, 10.7, 10.4; extremes
 * β = 0.1: 18.9 (300 seeds, c = 25.7), β = 1000: 9.7 (c = 10.7). So c(β) exceeds the worst case
 * seen by ≥ 2.9 N^{1/3} rows for β ≤ 10 (plus K₀ rows); at the decay rate e^{−(4/3)y^{3/2}}
 * (rate ≈ 2√y ≈ 6 per N^{1/3} rows at y ≈ 8) that is a factor ≳ e^{−17} on the error.
 * test/ensembles/edge.test.ts checks the bound on fresh seeds for N = 2 … 1e5,
 * β ∈ {0.5, 1, 2, 4, 10}, Hermite and Laguerre (three parameter sets). For N > 1e5 the N^{1/3}
 * prefactor of the error grows (by 1e4/46 at N = 1e12), which costs ≈ 1 N^{1/3} rows of that
 * margin; the bound 1e−12·scale still holds there with ≈ 2 N^{1/3} rows to spare, except in the
 * far left tail of TW_β (probability ≈ e^{−16}), where the error stays exponentially small.
 *
 * Precision. λ_max is found by bisection on Sturm counts of the CENTRED block J − center·I
 * (center, scale from edgeScaling) down to an interval of width max(1e−14·scale, ulp·center):
 * ulp·‖J‖ is the backward error of a Sturm count, i.e. the effect of rounding the coefficients
 * themselves, ≈ 4e−8 TW units at N = 1e12 (Hermite, β = 2) and 2e−12 at N = 1e5 — far below
 * any statistical resolution. The *Rescaled* variants return (λ_max − center)/scale from the
 * centred computation, without the cancellation of subtracting two numbers of size √(2βN).
 * Sturm-count bisection with a scale-only start makes a truncated block and the full matrix take
 * the same path, so they agree bit for bit when the truncation is exact to that precision.
 */

import { drawHermiteCoefficients, drawLaguerreCoefficients } from "../random/coefficients.js";
import type { RandomSource } from "../random/source.js";
import { detCbrt } from "../special/deterministicMath.js";
import { edgeScaling } from "../theory/edgeScaling.js";
import { bisectEigenvalue } from "../tridiagonal/bisection.js";
import { pivotMinimum, sturmCountUnchecked } from "../tridiagonal/sturm.js";
import type { SymmetricTridiagonal } from "../tridiagonal/types.js";
import { checkHermite, defaultHermiteParams, type HermiteParams } from "./hermite.js";
import { checkLaguerre, defaultLaguerreParams, type LaguerreParams } from "./laguerre.js";

/** Decay length past the turning point, in units of N^{1/3} rows (Ai² ≈ e^{−(4/3)d^{3/2}}). */
const D_DECAY = 10;
/** Left-tail margin: the turning point Λ = −TW exceeds t_β = (24·L/β)^{1/3} with prob. ≈ e^{−L}. */
const L_TAIL = 16;
/** Extra rows for small N (discreteness of the index). */
const K0 = 10;

/**
 * The default multiplier c(β) = D + (24·L/β)^{1/3} of truncationSize (D = 10, L = 16): the decay
 * length of Ai² past the turning point plus the β-dependent left tail of TW_β,
 * P(TW_β < −t) ≈ e^{−βt³/24} (Ramírez–Rider–Virág 2011). c(1) ≈ 17.3, c(2) ≈ 15.8, c(4) ≈ 14.6,
 * c(10) ≈ 13.4 (file header for how they were chosen).
 */
export function truncationMultiplier(beta: number): number {
  if (!(beta > 0 && Number.isFinite(beta))) {
    throw new RangeError(`beta must be a finite number > 0, got ${beta}`);
  }
  return D_DECAY + detCbrt((24 * L_TAIL) / beta);
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
  const multiplier = truncationMultiplier(beta);
  if (c !== undefined && !(c > 0 && Number.isFinite(c))) {
    throw new RangeError(`c must be a finite number > 0, got ${c}`);
  }
  // n^{1/3} via cbrt is exact enough; the +K0 absorbs rounding and small-N discreteness.
  return Math.min(n, Math.ceil((c ?? multiplier) * detCbrt(n)) + K0);
}

/** One ulp of 1. */
const ULP = 2 ** -52;

/** Bracket half-width in units of `scale` tried first: |TW_β| > 16 has probability < 1e−20 (β ≥ 1). */
const BRACKET = 16;

/**
 * λ_max − center of the symmetric tridiagonal T (diagonal a, squared off-diagonal b), computed
 * on the centred matrix T − center·I by bisection on Sturm counts (Barth–Martin–Wilkinson 1967;
 * LAPACK dstebz), started from [−16·scale, 16·scale] (widened until it brackets λ_max) and
 * stopped at width max(1e−14·scale, ulp·|center|) — ulp·‖T‖ is the backward error of a Sturm
 * count, so narrower intervals carry no information. The start and every step depend only on
 * (center, scale) and on the counts, so a truncated block and the full matrix it was cut from
 * follow the same path and return the same number unless their λ_max differ.
 * Use center, scale from edgeScaling; the result divided by scale is the TW-scale fluctuation.
 */
export function largestEigenvalueCentred(
  diagonal: Float64Array,
  offDiagonalSquared: Float64Array,
  center: number,
  scale: number,
): number {
  const n = diagonal.length;
  if (n < 1) throw new RangeError("largestEigenvalueCentred: empty matrix");
  if (offDiagonalSquared.length !== n - 1) {
    throw new RangeError(
      `largestEigenvalueCentred: off-diagonal must have length ${n - 1}, got ${offDiagonalSquared.length}`,
    );
  }
  if (!Number.isFinite(center)) {
    throw new RangeError(`largestEigenvalueCentred: center must be finite, got ${center}`);
  }
  if (!(scale > 0 && Number.isFinite(scale))) {
    throw new RangeError(`largestEigenvalueCentred: scale must be finite and > 0, got ${scale}`);
  }
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = diagonal[i] - center;
  if (n === 1) return d[0];
  const b = offDiagonalSquared;
  const pivmin = pivotMinimum(b);
  let hi = BRACKET * scale;
  while (sturmCountUnchecked(d, b, n, hi, pivmin) < n) {
    hi *= 2;
    if (!Number.isFinite(hi)) throw new RangeError("largestEigenvalueCentred: no upper bracket");
  }
  let lo = -BRACKET * scale;
  while (sturmCountUnchecked(d, b, n, lo, pivmin) === n) {
    lo *= 2;
    if (!Number.isFinite(lo)) throw new RangeError("largestEigenvalueCentred: no lower bracket");
  }
  const tol = Math.max(1e-14 * scale, ULP * Math.abs(center));
  return bisectEigenvalue(d, b, n, n - 1, lo, hi, tol, pivmin);
}

/**
 * The top-left K×K block of hermiteTridiagonal(rng, N, β, params): the same draws in the same
 * order (a_1, b_1, …, b_{K−1}, a_K), so for the same rng it is exactly the leading block of the
 * full model (Dumitriu–Edelman 2002; hermite.ts). O(K).
 */
export function hermiteLeadingBlock(
  rng: RandomSource,
  n: number,
  k: number,
  beta: number,
  params: HermiteParams = defaultHermiteParams,
): SymmetricTridiagonal {
  checkHermite(n, beta, params);
  checkBlock(n, k);
  const diagonal = new Float64Array(k);
  const offDiagonalSquared = new Float64Array(k - 1);
  drawHermiteCoefficients(rng, n, beta, params.loc, params.scale, diagonal, offDiagonalSquared);
  return { diagonal, offDiagonalSquared };
}

/**
 * The top-left K×K block of J = B Bᵀ of laguerreBidiagonal(rng, N, β, params): the first 2K − 1
 * draws ξ_1, …, ξ_{2K−1} in the model's order, J_ii = ξ_{2i−2} + ξ_{2i−1},
 * J_{i,i+1}² = ξ_{2i−1}ξ_{2i} (Dumitriu–Edelman 2002 §III-B; laguerre.ts, bidiagonal.ts). O(K).
 */
export function laguerreLeadingBlock(
  rng: RandomSource,
  n: number,
  k: number,
  beta: number,
  params: LaguerreParams = defaultLaguerreParams,
): SymmetricTridiagonal {
  checkLaguerre(n, beta, params);
  checkBlock(n, k);
  const diagonal = new Float64Array(k); // ξ_odd first, then J_ii = ξ_{2i−2} + ξ_{2i−1}
  const offDiagonalSquared = new Float64Array(k - 1); // ξ_even first, then ξ_{2i−1}ξ_{2i}
  drawLaguerreCoefficients(rng, n, beta, params.shape, params.scale, diagonal, offDiagonalSquared);
  let ePrev = 0;
  for (let i = 0; i < k; i++) {
    const q = diagonal[i];
    diagonal[i] = ePrev + q;
    if (i < k - 1) {
      const e = offDiagonalSquared[i];
      offDiagonalSquared[i] = q * e;
      ePrev = e;
    }
  }
  return { diagonal, offDiagonalSquared };
}

function checkBlock(n: number, k: number): void {
  if (!(Number.isInteger(k) && k >= 1 && k <= n)) {
    throw new RangeError(`block size k must be an integer in [1, ${n}], got ${k}`);
  }
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
  const t = hermiteLeadingBlock(rng, n, truncationSize(n, beta, c), beta, params);
  return {
    y: largestEigenvalueCentred(t.diagonal, t.offDiagonalSquared, center, scale),
    center,
    scale,
  };
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
  const t = laguerreLeadingBlock(rng, n, truncationSize(n, beta, c), beta, params);
  return {
    y: largestEigenvalueCentred(t.diagonal, t.offDiagonalSquared, center, scale),
    center,
    scale,
  };
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
