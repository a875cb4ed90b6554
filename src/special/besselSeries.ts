/**
 * The entire part of the Bessel function, Ĵ_a(z) = z^{−a} J_a(z), and the two series derived from
 * it that the Bessel–Hankel Fredholm determinants need (theory/besselHankel.ts), for real a > −1:
 *   Ĵ_a(z) = 2^{−a} Σ_k (−z²/4)^k / (k! Γ(k + a + 1))                       (DLMF 10.2.2)
 *   g₀ = Σ_k t_k,   g₁ = Σ_k (k + (a+1)/2) t_k,   g₂ = Σ_k (k + (a+1)/2)(k + (a−1)/2) t_k,
 *   t_k = (−w/4)^k / (k! (a+1)_k),  w = z²,
 * so that Ĵ_a(z) = g₀/(2^a Γ(a+1)), and for F(X) = X^{(a+1)/2} Ĵ_a(√X·c):
 *   F′(X) = X^{(a−1)/2} g₁/(2^a Γ(a+1)),  F″(X) = X^{(a−3)/2} g₂/(2^a Γ(a+1))   (w = X c²),
 * term by term (X^{(a+1)/2+k} differentiated once and twice).
 *
 * The alternating series is summed in double-double arithmetic (Dekker, Numer. Math. 18 (1971)
 * 224–242: Veltkamp's split, TwoSum, TwoProduct), so the cancellation between terms of size up to
 * e^z/(2πz) costs nothing for z ≤ 40 (the largest term is < 2e15 there, the rounding of the sum
 * ≈ 1e−32 of it): the results are correct to a few ulps in absolute terms relative to max(1, |g|).
 * Only exactly rounded operations are used, so the values are the same bits in every engine.
 *
 * @example
 * ```ts
 * const out = new Float64Array(3);
 * besselEntireSeries(0, 1, out); // out[0] = J₀(1) = 0.7651976865579666
 * ```
 */

import { detExp, detLog } from "./deterministicMath.js";
import { DD_LOW, ddAdd, ddDiv, ddMul, productError } from "./doubleDouble.js";

/** Veltkamp's splitting constant 2^27 + 1. */
const SPLITTER = 134217729;
/** Largest w = z² accepted (z = 40). */
export const BESSEL_SERIES_MAX_W = 1600;

/**
 * g₀, g₁, g₂ of the module comment at w = z² ≥ 0 for the order a > −1, written to out[0..2].
 * Throws RangeError for w outside [0, BESSEL_SERIES_MAX_W] or a ≤ −1.
 */
export function besselEntireSeries(a: number, w: number, out: Float64Array): void {
  if (!(a > -1 && Number.isFinite(a))) throw new RangeError(`order a must be > −1, got ${a}`);
  if (!(w >= 0 && w <= BESSEL_SERIES_MAX_W)) {
    throw new RangeError(`w = z² must be in [0, ${BESSEL_SERIES_MAX_W}], got ${w}`);
  }
  besselEntireSeriesUnchecked(a, w, out);
}

/** besselEntireSeries without argument checks (hot loop of the Nyström matrices). */
export function besselEntireSeriesUnchecked(a: number, w: number, out: Float64Array): void {
  // x = −w/4 exactly (division by 4 is exact).
  const x = -w / 4;
  const h1 = (a + 1) / 2;
  const h2 = (a - 1) / 2;
  // Term t_k = th + tl (double-double); the three sums in SUMS (double-double pairs).
  let th = 1;
  let tl = 0;
  SUMS[0] = 1;
  SUMS[1] = 0;
  SUMS[2] = h1;
  SUMS[3] = 0;
  SUMS[4] = h1 * h2;
  SUMS[5] = twoProductError(h1, h2, SUMS[4]);
  let largest = 1;
  for (let k = 1; k < 400; k++) {
    // t ← t·x/(k(a + k)): multiply by the double x, then divide by d = k(a + k), formed exactly
    // as a double-double (a + k by TwoSum, times the integer k by TwoProduct).
    const sum = a + k;
    const sumError = a - (sum - (sum - a)) + (k - (sum - a));
    const dh0 = k * sum;
    const dl0 = twoProductError(k, sum, dh0) + k * sumError;
    const dh = dh0 + dl0;
    const dl = dl0 - (dh - dh0);
    let p = th * x;
    let q = twoProductError(th, x, p) + tl * x;
    let hi = p + q;
    let lo = q - (hi - p);
    // (hi, lo)/(dh, dl): quotient q1, remainder (hi, lo) − q1·(dh, dl), correction q2.
    const q1 = hi / dh;
    p = q1 * dh;
    const r = hi - p - twoProductError(q1, dh, p) + lo - q1 * dl;
    const q2 = r / dh;
    th = q1 + q2;
    tl = q2 - (th - q1);
    // s0 += t;  s1 += (k + h1)·t;  s2 += (k + h1)(k + h2)·t.
    accumulate(0, th, tl);
    // The factors k + h1 and k + h2 as exact double-doubles (TwoSum of the integer and h).
    const c1 = k + h1;
    const c1l = h1 - (c1 - (c1 - h1)) + (k - (c1 - h1));
    p = th * c1;
    q = twoProductError(th, c1, p) + th * c1l + tl * c1;
    hi = p + q;
    lo = q - (hi - p);
    accumulate(2, hi, lo);
    const c2 = k + h2;
    const c2l = h2 - (c2 - (c2 - h2)) + (k - (c2 - h2));
    p = hi * c2;
    accumulate(4, p, twoProductError(hi, c2, p) + hi * c2l + lo * c2);
    const size = Math.abs(th);
    if (size > largest) largest = size;
    // Past the peak (k² > w/4, i.e. k > z/2) and below 2^−110 of the largest term: done (the
    // remaining tail is smaller still: the terms decrease faster than geometrically there).
    if (k * k > -x && size * (k + h1) * (k + Math.abs(h2)) < 7.7e-34 * largest) break;
  }
  out[0] = SUMS[0] + SUMS[1];
  out[1] = SUMS[2] + SUMS[3];
  out[2] = SUMS[4] + SUMS[5];
}

/** The rounding error of the product a·b = p (Dekker's TwoProduct with Veltkamp's split). */
function twoProductError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** The three double-double sums (high, low) of besselEntireSeriesUnchecked. */
const SUMS = new Float64Array(6);

/** SUMS[i], SUMS[i+1] += (bh, bl) in double-double (TwoSum on the high parts, Knuth). */
function accumulate(i: number, bh: number, bl: number): void {
  const ah = SUMS[i];
  const s = ah + bh;
  const v = s - ah;
  const e = ah - (s - v) + (bh - v) + SUMS[i + 1] + bl;
  const hi = s + e;
  SUMS[i] = hi;
  SUMS[i + 1] = e - (hi - s);
}

/**
 * 1/(2^a Γ(a + 1)), the factor with Ĵ_a(z) = g₀/(2^a Γ(a + 1)), computed with the deterministic
 * log Γ below (relative error ≈ 1e−15).
 */
export function besselSeriesPrefactor(a: number): number {
  if (!(a > -1 && Number.isFinite(a))) throw new RangeError(`order a must be > −1, got ${a}`);
  return detExp(-a * LN2 - deterministicLogGamma(a + 1));
}

const LN2 = Math.LN2;
const HALF_LOG_TWO_PI = 0.9189385332046728;

/**
 * log Γ(x) for x > 0 with the engine-independent detLog: shifted up to x ≥ 15 by
 * Γ(x) = Γ(x + n)/(x(x+1)…(x+n−1)), then Stirling's series with B₂…B₁₆ (DLMF 5.11.1), whose first
 * omitted term is < 1e−17 at x = 15.
 */
export function deterministicLogGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`log Γ needs x > 0, got ${x}`);
  let shift = 0;
  let product = 1;
  while (x < 15) {
    product *= x;
    x += 1;
    shift++;
  }
  const inverse = 1 / x;
  const z = inverse * inverse;
  // Σ B_{2k}/(2k(2k−1)) x^{1−2k}, k = 1..8.
  const series =
    inverse *
    (1 / 12 +
      z *
        (-1 / 360 +
          z *
            (1 / 1260 +
              z *
                (-1 / 1680 +
                  z * (1 / 1188 + z * (-691 / 360360 + z * (1 / 156 + z * (-3617 / 122400))))))));
  const value = (x - 0.5) * detLog(x) - x + HALF_LOG_TWO_PI + series;
  return shift === 0 ? value : value - detLog(product);
}

/**
 * g₀ and g₁ (module comment) at w = wh + wl as double-doubles: out = [g₀ hi, g₀ lo, g₁ hi, g₁ lo].
 * For the double-double Nyström matrices of theory/besselHankelDD.ts; a must be exact in binary
 * (a half-integer there), w ≤ BESSEL_SERIES_MAX_W. About 30 significant digits for z ≤ 15.
 */
export function besselEntireSeriesDD(a: number, wh: number, wl: number, out: Float64Array): void {
  // x = −w/4 (exact scaling).
  const xh = -wh / 4;
  const xl = -wl / 4;
  const h1 = (a + 1) / 2;
  let th = 1;
  let tl = 0;
  let s0h = 1;
  let s0l = 0;
  let s1h = h1;
  let s1l = 0;
  let largest = 1;
  for (let k = 1; k < 400; k++) {
    // t ← t·x/(k(a + k)), with k(a + k) exact as a double-double.
    const sum = a + k;
    const sumError = a - (sum - (sum - a)) + (k - (sum - a));
    const dh0 = k * sum;
    const dl0 = productError(k, sum, dh0) + k * sumError;
    const dh = dh0 + dl0;
    const dl = dl0 - (dh - dh0);
    th = ddMul(th, tl, xh, xl);
    tl = DD_LOW[0];
    th = ddDiv(th, tl, dh, dl);
    tl = DD_LOW[0];
    s0h = ddAdd(s0h, s0l, th, tl);
    s0l = DD_LOW[0];
    const c1 = k + h1;
    const c1l = h1 - (c1 - (c1 - h1)) + (k - (c1 - h1));
    const ph = ddMul(th, tl, c1, c1l);
    s1h = ddAdd(s1h, s1l, ph, DD_LOW[0]);
    s1l = DD_LOW[0];
    const size = Math.abs(th);
    if (size > largest) largest = size;
    if (k * k > -xh && size * (k + h1) < 1e-35 * largest) break;
  }
  out[0] = s0h;
  out[1] = s0l;
  out[2] = s1h;
  out[3] = s1l;
}
