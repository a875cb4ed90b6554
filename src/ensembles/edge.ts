/**
 * λ_max of the Hermite and Laguerre β-ensembles for huge N in O(N^{1/3}) work, from the top-left
 * K×K block of the tridiagonal model, K = truncationSize(N, β) = min(N, ⌈c(β)·N^{1/3}⌉ + 10).
 * The block is drawn with the same random stream as the full model, so it IS the full model's
 * leading block, and the value returned is, bit for bit, largestEigenvalueCentred of that block:
 * the full matrix's λ_max when K = N (βN ≲ 50 for β ≤ 0.01, N ≤ 128 at β = 1), and otherwise
 * except with a probability estimated at ≲ 1e−12 per sample for every β > 0. Regime map,
 * measurements, the assumptions behind that estimate and the costs: docs/edge-limit/truncation.md.
 *
 * Why K ∝ N^{1/3}. Near the soft edge the model is a discretised stochastic Airy operator
 * (Edelman–Sutton 2007; Ramírez–Rider–Virág 2011, "RRV"): with x = row·N^{−1/3} and
 * λ = center + s·scale (edgeScaling), (J − center)/scale ≈ d²/dx² − x + (2/√β)·white noise.
 * The rows below K change λ_max only through (a) the top eigenvector's tail past its turning
 * point −s, decaying like Ai², e^{−(4/3)(x + s)^{3/2}}, so x_K + s must exceed a decay length
 * (≈ 8.3 for 1e−14 of the TW scale; D = 11); s is TW_β-distributed with
 * P(TW_β < −t) ≈ e^{−βt³/24} (RRV Thm 1.3), hence x_K ≥ t_β + D, t_β = (24·28/β)^{1/3}; or
 * (b) an eigenvalue of the deep rows alone above λ_max: the operator restricted to [x_K, ∞) is
 * the same operator shifted by x_K, so this has probability ≈ P(TW_β > x_K + s)
 * ≈ e^{−(2β/3)(x_K + s)^{3/2}} (RRV Thm 1.3, right tail), hence x_K ≥ t_β + u_β,
 * u_β = (3·28/(2β))^{2/3}. (b) dominates for β ≲ 1 and grows like β^{−2/3}; the first rule,
 * c = (384/β)^{1/3} + 10, covered (a) only and was wrong for ≈ 4e−5 of the samples at β = 0.1,
 * 0.5% at 0.03, 2% at 0.01 and 17% at 0.001 (N ≥ 1e4; issue 19). Now
 * c(β) = t_β + (D³ + u_β³)^{1/3} (a smooth maximum: near β ≈ 1 both mechanisms count); the
 * measured tails of the needed depth (β = 1e−3 … 1e3, N = 1e2 … 1e6) follow these laws and,
 * extrapolated to 1e−12, lie below c(β) (docs/edge-limit/truncation.md). Where
 * c(β)·N^{1/3} + 10 ≥ N — βN ≲ 47 to 128 for β ≤ 1, N ≤ 99 for β ≥ 2: the high-temperature
 * regime, no edge localisation — K = N.
 *
 * Cost. Drawing a row costs ≈ 3 Sturm steps (WebAssembly kernels; ≈ 18 in JavaScript) and a
 * bisection ≈ 25 Sturm passes, so the K rows are drawn but bisected on their first
 * K₁ = ⌈((384/β)^{1/3} + 10)·N^{1/3}⌉ + 10 only (the first rule); one Sturm pass of the K rows at the smallest point where K₁'s counts said "all below"
 * then proves that bisecting all K rows takes the same path (largestEigenvalueCentred), and in
 * the rare case it does not, the K rows are bisected.
 *
 * Precision. λ_max is found by bisection on Sturm counts of the CENTRED block J − center·I
 * (center, scale from edgeScaling) down to an interval of width max(1e−14·scale, ulp·center):
 * ulp·‖J‖ is the backward error of a Sturm count, i.e. the effect of rounding the coefficients
 * themselves, ≈ 4e−8 TW units at N = 1e12 (Hermite, β = 2) and 2e−12 at N = 1e5 — far below
 * any statistical resolution. The *Rescaled* variants return (λ_max − center)/scale from the
 * centred computation, without the cancellation of subtracting two numbers of size √(2βN).
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
import { clampToSupport, HALF_LINE } from "./support.js";

/** Decay length past the turning point, in units of N^{1/3} rows (Ai² ≈ e^{−(4/3)d^{3/2}}). */
const D_DECAY = 11;
/** Left-tail margin: the turning point −s exceeds t_β = (24·L/β)^{1/3} with prob. ≈ e^{−L}. */
const L_TAIL = 28;
/** The first rule's constants (D = 10, L = 16): only the rows bisected, K₁ (speed, not exactness). */
const D_FIRST = 10;
const L_FIRST = 16;
/** Deep-state margin: the rows past x_K hold an eigenvalue above λ_max w.p. ≈ e^{−(2β/3)u^{3/2}}. */
const L_DEEP = 28;
/** Extra rows for small N (discreteness of the index). */
const K0 = 10;

function checkMultiplierBeta(beta: number): void {
  if (!(beta > 0 && Number.isFinite(beta))) {
    throw new RangeError(`beta must be a finite number > 0, got ${beta}`);
  }
}

/** t_β = (24·L/β)^{1/3}: P(TW_β < −t_β) ≈ e^{−L} (RRV 2011, Thm 1.3). */
function leftTail(beta: number, margin: number): number {
  return detCbrt((24 * margin) / beta);
}

/**
 * The multiplier c(β) = t_β + (D³ + u_β³)^{1/3} of truncationSize: t_β = (24·28/β)^{1/3} (left
 * tail of TW_β), D = 11 (decay of the top eigenvector past its turning point),
 * u_β = (3·28/(2β))^{2/3} (no eigenvalue of the deep rows above λ_max), i.e.
 * c(β) = (672/β)^{1/3} + (1331 + 42²/β²)^{1/3}: c(0.001) ≈ 1296, c(0.01) ≈ 301, c(0.1) ≈ 75.0,
 * c(0.3) ≈ 40.7, c(1) ≈ 23.3, c(2) ≈ 19.0, c(10) ≈ 15.1, c(∞) = 11 (file header;
 * docs/edge-limit/truncation.md for the measurements).
 */
export function truncationMultiplier(beta: number): number {
  checkMultiplierBeta(beta);
  const deep = detCbrt((1.5 * L_DEEP) / beta);
  const u = deep * deep;
  // Smooth maximum (D³ + u³)^{1/3}: where both mechanisms need about as many rows (β ≈ 1–3) the
  // measured tail is heavier than either alone, and max(D, u) left only ≈ 1e−12 at β = 1.
  return leftTail(beta, L_TAIL) + detCbrt(D_DECAY ** 3 + u * u * u);
}

/**
 * Rows drawn for λ_max: K = min(N, ⌈c·N^{1/3}⌉ + K₀), c = c(β) by default (truncationMultiplier);
 * c = Infinity gives K = N (all rows: the full model's λ_max, still bisected on K₁ rows only).
 */
export function truncationSize(n: number, beta: number, c?: number): number {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`n must be an integer >= 1, got ${n}`);
  }
  const multiplier = truncationMultiplier(beta);
  if (c !== undefined && !(c > 0)) {
    throw new RangeError(`c must be a number > 0 (Infinity for all rows), got ${c}`);
  }
  if (c === Number.POSITIVE_INFINITY) return n;
  // n^{1/3} via cbrt is exact enough; the +K0 absorbs rounding and small-N discreteness.
  return Math.min(n, Math.ceil((c ?? multiplier) * detCbrt(n)) + K0);
}

/** Most rows the truncated models draw per sample (three Float64Arrays of this length: 2.4 GB). */
export const MAX_TRUNCATED_ROWS = 1e8;

/**
 * Throws a RangeError when the exact truncation needs more than MAX_TRUNCATED_ROWS rows — only
 * for β ≲ 0.002 at N ≳ 5e14 (K = c(β)·N^{1/3}, c(0.001) ≈ 1296): the value would be exact but the
 * sample would not fit in memory; no approximation is substituted.
 */
export function checkTruncatedRows(n: number, beta: number, k = truncationSize(n, beta)): void {
  if (k > MAX_TRUNCATED_ROWS) {
    throw new RangeError(
      `λ_max at n = ${n}, beta = ${beta} needs the top ${k.toExponential(2)} rows of the tridiagonal ` +
        `model to be exact (docs/edge-limit/truncation.md), more than the ${MAX_TRUNCATED_ROWS.toExponential(0)} ` +
        "drawn per sample; use a smaller n or a larger beta",
    );
  }
}

/**
 * Rows bisected (K₁ ≤ K, speed only; the result is that of K rows): the first rule,
 * ⌈((384/β)^{1/3} + 10)·N^{1/3}⌉ + K₀, enough for all samples but a fraction ≲ 1e−4 at β ≥ 0.1
 * (≈ 5% at β = 0.001), which are then bisected on all K rows.
 */
function bisectedRows(n: number, beta: number, k: number): number {
  const c1 = leftTail(beta, L_FIRST) + D_FIRST;
  return Math.max(2, Math.min(k, Math.ceil(c1 * detCbrt(n)) + K0));
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
 * (center, scale) and on the counts, so a block and the larger matrix it was cut from follow the
 * same path and return the same number unless their λ_max differ.
 * Use center, scale from edgeScaling; the result divided by scale is the TW-scale fluctuation.
 *
 * `bisected` (default: all n rows) bisects the leading block of that many rows instead and then
 * proves the answer is T's with one Sturm pass of T at x* — the smallest point where the block's
 * count was "all eigenvalues below" — all of T's pivots negative at x* means T's count is n at
 * x* and, the computed count being monotone in x (Kahan 1966; Demmel, Dhillon & Ren 1995), at
 * every larger probe, while a probe where the block has an eigenvalue above has one for T too
 * (interlacing, and the same first pivots): so the bisection of T takes the same path. If the
 * pass fails, T itself is bisected. The result is bit-identical to bisected = n, in
 * O(bisected·passes + n) instead of O(n·passes).
 */
export function largestEigenvalueCentred(
  diagonal: Float64Array,
  offDiagonalSquared: Float64Array,
  center: number,
  scale: number,
  bisected: number = diagonal.length,
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
  if (!(Number.isInteger(bisected) && bisected >= 1)) {
    throw new RangeError(
      `largestEigenvalueCentred: bisected must be an integer >= 1, got ${bisected}`,
    );
  }
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = diagonal[i] - center;
  if (n === 1) return d[0];
  const b = offDiagonalSquared;
  // One pivmin for every block size, that of T (so a block's counts are T's first pivots).
  const pivmin = pivotMinimum(b);
  const tol = Math.max(1e-14 * scale, ULP * Math.abs(center));
  const m = Math.max(2, Math.min(n, bisected));
  const probe = new Float64Array(2);
  const y = bisectLargest(d, b, m, scale, tol, pivmin, probe);
  if (m === n || allPivotsNegative(d, b, n, probe[0], pivmin)) return y;
  return bisectLargest(d, b, n, scale, tol, pivmin, probe);
}

/**
 * Bisection for the largest eigenvalue of the leading m×m block of the centred matrix (d, b);
 * writes to checkPoint[0] the smallest point probed where the count was m (all eigenvalues
 * below). Bracket from ±16·scale, doubled until it holds λ_max.
 */
function bisectLargest(
  d: Float64Array,
  b: Float64Array,
  m: number,
  scale: number,
  tol: number,
  pivmin: number,
  checkPoint: Float64Array,
): number {
  let hi = BRACKET * scale;
  while (sturmCountUnchecked(d, b, m, hi, pivmin) < m) {
    hi *= 2;
    if (!Number.isFinite(hi)) throw new RangeError("largestEigenvalueCentred: no upper bracket");
  }
  let lo = -BRACKET * scale;
  let lowestAbove = hi;
  while (sturmCountUnchecked(d, b, m, lo, pivmin) === m) {
    lowestAbove = lo;
    lo *= 2;
    if (!Number.isFinite(lo)) throw new RangeError("largestEigenvalueCentred: no lower bracket");
  }
  const y = bisectEigenvalue(d, b, m, m - 1, lo, lowestAbove, tol, pivmin, checkPoint);
  // checkPoint = [lo, hi] of the last interval; hi is the smallest probe with count m.
  checkPoint[0] = checkPoint[1];
  return y;
}

/** True when every pivot of the Sturm recurrence of (d, b) at x is negative (count = n). */
function allPivotsNegative(
  d: Float64Array,
  b: Float64Array,
  n: number,
  x: number,
  pivmin: number,
): boolean {
  // Exactly the recurrence of sturmCountUnchecked, stopped at the first pivot ≥ 0.
  let q = d[0] - x;
  if (Math.abs(q) < pivmin) q = pivmin;
  if (!(q < 0)) return false;
  for (let i = 1; i < n; i++) {
    q = d[i] - x - b[i - 1] / q;
    if (Math.abs(q) < pivmin) q = pivmin;
    if (!(q < 0)) return false;
  }
  return true;
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

/** The parameters edgeScaling takes, from the sampler's. */
function edgeParams(
  ensemble: "hermite" | "laguerre",
  params: HermiteParams | LaguerreParams,
): { loc: number; scale: number } | { shape: number; scale: number } {
  if (ensemble === "hermite") {
    const { loc, scale } = params as HermiteParams;
    return { loc, scale };
  }
  const { shape, scale } = params as LaguerreParams;
  return { shape, scale };
}

/**
 * Centre and scale of the bisection of the truncated models: edgeScaling's where it is defined
 * (N′ = N + 1/2 − 1/β > 0, and M′ > 0 for Laguerre); below that (only for N ≲ 1/β, where
 * K = N anyway) the same formulas with the unshifted sizes — any fixed frame gives the same
 * λ_max, it only centres the search. largestEigenvalueCentred of the full model in this frame is
 * the reference the truncated value equals bit for bit.
 */
export function bisectionFrame(
  ensemble: "hermite" | "laguerre",
  n: number,
  beta: number,
  params: HermiteParams | LaguerreParams = ensemble === "hermite"
    ? defaultHermiteParams
    : defaultLaguerreParams,
): { center: number; scale: number } {
  const shift = 0.5 - 1 / beta;
  if (ensemble === "hermite") {
    const { loc, scale: sigma } = params as HermiteParams;
    if (n + shift > 0) return edgeScaling("hermite", n, beta, edgeParams(ensemble, params));
    return {
      center: loc + sigma * Math.sqrt(2 * beta * n),
      scale: (sigma * Math.sqrt(beta / 2)) / Math.sqrt(detCbrt(n)),
    };
  }
  const { shape, scale: theta } = params as LaguerreParams;
  const m = (2 * shape) / beta + n - 1;
  if (n + shift > 0 && m + shift > 0) {
    return edgeScaling("laguerre", n, beta, edgeParams(ensemble, params));
  }
  const root = Math.sqrt(m) + Math.sqrt(n);
  const factor = (beta * theta) / 2;
  return {
    center: factor * root * root,
    scale: factor * root * detCbrt(1 / Math.sqrt(m) + 1 / Math.sqrt(n)),
  };
}

/**
 * λ_max − center (y), center and scale of one sample: the leading block of K = truncationSize
 * rows drawn, bisected on K₁ = bisectedRows of them with the check of largestEigenvalueCentred.
 */
function truncatedCentred(
  ensemble: "hermite" | "laguerre",
  rng: RandomSource,
  n: number,
  beta: number,
  params: HermiteParams | LaguerreParams,
  c: number | undefined,
  rescaled: boolean,
): { y: number; center: number; scale: number } {
  checkEdgeSize(n);
  checkEdgeBeta(beta);
  if (ensemble === "hermite") checkHermite(n, beta, params as HermiteParams);
  else checkLaguerre(n, beta, params as LaguerreParams);
  // The rescaled value needs edgeScaling itself (it throws where N′ ≤ 0); where that is defined
  // bisectionFrame is edgeScaling, so both variants bisect in the same frame.
  if (rescaled) edgeScaling(ensemble, n, beta, edgeParams(ensemble, params));
  const { center, scale } = bisectionFrame(ensemble, n, beta, params);
  const k = truncationSize(n, beta, c);
  checkTruncatedRows(n, beta, k);
  const t =
    ensemble === "hermite"
      ? hermiteLeadingBlock(rng, n, k, beta, params as HermiteParams)
      : laguerreLeadingBlock(rng, n, k, beta, params as LaguerreParams);
  const bisected = bisectedRows(n, beta, k);
  const y = largestEigenvalueCentred(t.diagonal, t.offDiagonalSquared, center, scale, bisected);
  return { y, center, scale };
}

/**
 * λ_max of the Hermite β-ensemble (Dumitriu–Edelman model, hermite.ts) from its top-left K×K
 * block, K = truncationSize(N, β, c): the block is exactly the leading block of
 * hermiteTridiagonal(rng, N, β, params) for the same rng (same draws, same order), and the value is
 * largestEigenvalueCentred of it, bit for bit; it is the full matrix's except with probability
 * ≲ 1e−12 per sample (docs/edge-limit/truncation.md); c = Infinity draws all N rows (exact,
 * O(N)). O(N^{1/3}) time and memory for fixed β; N ≤ 2^51.
 */
export function hermiteLargestEigenvalueTruncated(
  rng: RandomSource,
  n: number,
  beta: number,
  params: HermiteParams = defaultHermiteParams,
  c?: number,
): number {
  const r = truncatedCentred("hermite", rng, n, beta, params, c, false);
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
  const r = truncatedCentred("hermite", rng, n, beta, params, c, true);
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
  const r = truncatedCentred("laguerre", rng, n, beta, params, c, false);
  // Laguerre eigenvalues are ≥ 0 (support.ts); center + y is only rounded.
  return clampToSupport(r.center + r.y, HALF_LINE);
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
  const r = truncatedCentred("laguerre", rng, n, beta, params, c, true);
  return r.y / r.scale;
}
