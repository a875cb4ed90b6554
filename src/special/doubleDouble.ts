/**
 * Double-double arithmetic (Dekker, Numer. Math. 18 (1971) 224–242; Knuth's TwoSum; the
 * compensated dot product of Ogita, Rump & Oishi, SIAM J. Sci. Comput. 26 (2005) 1955–1988):
 * a value is an unevaluated sum hi + lo with |lo| ≤ ulp(hi)/2, ≈ 32 significant digits. Only
 * exactly rounded operations are used (JavaScript never fuses a·b + c), so results are the same
 * bits in every engine. Results are returned as `hi` with the low part in DD_LOW[0] (no
 * allocation in hot loops).
 */

/** Veltkamp's splitting constant 2^27 + 1. */
const SPLITTER = 134217729;

/** The low part of the last double-double result. */
export const DD_LOW = new Float64Array(1);

/** The rounding error of a·b = p (TwoProduct with Veltkamp's split). */
export function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** (ah + al) + (bh + bl). */
export function ddAdd(ah: number, al: number, bh: number, bl: number): number {
  const s = ah + bh;
  const v = s - ah;
  const e = ah - (s - v) + (bh - v) + al + bl;
  const hi = s + e;
  DD_LOW[0] = e - (hi - s);
  return hi;
}

/** (ah + al)·(bh + bl). */
export function ddMul(ah: number, al: number, bh: number, bl: number): number {
  const p = ah * bh;
  const e = productError(ah, bh, p) + ah * bl + al * bh;
  const hi = p + e;
  DD_LOW[0] = e - (hi - p);
  return hi;
}

/** (ah + al)/(bh + bl): one quotient, the exact remainder, one correction. */
export function ddDiv(ah: number, al: number, bh: number, bl: number): number {
  const q1 = ah / bh;
  const p = q1 * bh;
  const r = ah - p - productError(q1, bh, p) + al - q1 * bl;
  const q2 = r / bh;
  const hi = q1 + q2;
  DD_LOW[0] = q2 - (hi - q1);
  return hi;
}

/** √(ah + al) for ah > 0: one Newton step from the double square root. */
export function ddSqrt(ah: number, al: number): number {
  if (ah <= 0) {
    DD_LOW[0] = 0;
    return ah === 0 ? 0 : Number.NaN;
  }
  const r = Math.sqrt(ah);
  const p = r * r;
  const e = ah - p - productError(r, r, p) + al;
  const c = e / (2 * r);
  const hi = r + c;
  DD_LOW[0] = c - (hi - r);
  return hi;
}

/** π as a double-double. */
export const PI_HI = Math.PI;
export const PI_LO = 1.2246467991473532e-16;

/**
 * Σ_k (xh[i]+xl[i])·(yh[j]+yl[j]) over i = xi + k·xs, j = yi + k·ys, k < n, plus (ch + cl), in
 * double-double (compensated summation of exact products; Ogita–Rump–Oishi's Dot2 extended to
 * double-double inputs).
 */
export function ddDot(
  xh: Float64Array,
  xl: Float64Array,
  xi: number,
  xs: number,
  yh: Float64Array,
  yl: Float64Array,
  yi: number,
  ys: number,
  n: number,
  ch: number,
  cl: number,
): number {
  let sh = ch;
  let sl = cl;
  for (let k = 0; k < n; k++) {
    const a = xh[xi];
    const b = yh[yi];
    const p = a * b;
    let t = SPLITTER * a;
    const ah = t - (t - a);
    const al = a - ah;
    t = SPLITTER * b;
    const bh = t - (t - b);
    const bl = b - bh;
    const e = ah * bh - p + ah * bl + al * bh + al * bl + a * yl[yi] + xl[xi] * b;
    const s = sh + p;
    const v = s - sh;
    sl += sh - (s - v) + (p - v) + e;
    sh = s;
    xi += xs;
    yi += ys;
  }
  const hi = sh + sl;
  DD_LOW[0] = sl - (hi - sh);
  return hi;
}
