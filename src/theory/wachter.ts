/**
 * Wachter law with a = M₁/N ≥ 1 and b = M₂/N ≥ 1 (may be non-integer), the limit of the Jacobi
 * (MANOVA) β-ensemble on [0, 1] without any rescaling (docs/theory.md §2.7; Wachter, Ann. Probab. 8 (1980)
 * 937–957). Mean a/(a + b). a = 1 (resp. b = 1) puts a hard edge at 0 (resp. 1) with a
 * 1/√x (resp. 1/√(1−x)) singularity; a = b = 1 is the arcsine law 1/(π√(x(1−x))).
 *
 * CDF in closed form (derived here, checked against quadrature in the tests): put
 * x = m − r·cos ψ with m = (s₊ + s₋)/2, r = (s₊ − s₋)/2, ψ ∈ [0, π]; split
 * 1/(x(1−x)) = 1/x + 1/(1−x) and use ∫sin²φ/(p + q cos φ) dφ with the standard integral
 * ∫dφ/(p + q cos φ) = (2/√(p²−q²))·arctan(√((p−q)/(p+q))·tan(φ/2)) (Gradshteyn–Ryzhik §2.55).
 * The sin ψ terms cancel and, since √(s₊s₋) = (a−1)/(a+b) and √((1−s₊)(1−s₋)) = (b−1)/(a+b),
 *   F(x) = (a+b)ψ/(2π) − (a−1)·T₁/π − (b−1)·T₂/π,
 *   T₁ = atan2(√s₊·sin(ψ/2), √s₋·cos(ψ/2)),  T₂ = atan2(√(1−s₊)·sin(ψ/2), √(1−s₋)·cos(ψ/2)).
 */

import { detAtan2 } from "../special/deterministicMath.js";

/** Edge data computed without cancellation: √s±, √(1 − s±) and the support. */
interface WachterEdges {
  lo: number;
  hi: number;
  sqrtLo: number;
  sqrtHi: number;
  sqrtOneMinusLo: number;
  sqrtOneMinusHi: number;
}

function checkParameters(a: number, b: number, caller: string): void {
  if (!(a >= 1 && Number.isFinite(a))) {
    throw new RangeError(`${caller}: a = M1/N must be a finite number >= 1, got ${a}`);
  }
  if (!(b >= 1 && Number.isFinite(b))) {
    throw new RangeError(`${caller}: b = M2/N must be a finite number >= 1, got ${b}`);
  }
}

/**
 * √s± = (√(a(a+b−1)) ± √b)/(a+b) and √(1−s±) = (√(b(a+b−1)) ∓ √a)/(a+b); the differences are
 * rewritten as (a−1)/(√(a(a+b−1)) + √b) and (b−1)/(√(b(a+b−1)) + √a), so a = 1 or b = 1 gives an
 * exact hard edge at 0 or 1.
 */
function wachterEdges(a: number, b: number): WachterEdges {
  const p = Math.sqrt(a * (a + b - 1));
  const q = Math.sqrt(b * (a + b - 1));
  const sqrtHi = (p + Math.sqrt(b)) / (a + b);
  const sqrtLo = (a - 1) / (p + Math.sqrt(b));
  const sqrtOneMinusLo = (q + Math.sqrt(a)) / (a + b);
  const sqrtOneMinusHi = (b - 1) / (q + Math.sqrt(a));
  // Each edge from whichever of s or 1 − s is small, so hard edges are exactly 0 or 1.
  const lo = sqrtLo * sqrtLo;
  const hiFromAbove = 1 - sqrtOneMinusHi * sqrtOneMinusHi;
  return {
    lo: lo <= 0.5 ? lo : 1 - sqrtOneMinusLo * sqrtOneMinusLo,
    hi: hiFromAbove >= 0.5 ? hiFromAbove : sqrtHi * sqrtHi,
    sqrtLo,
    sqrtHi,
    sqrtOneMinusLo,
    sqrtOneMinusHi,
  };
}

/** Support [s₋, s₊] of Wachter(a, b), s± = ((√(a(a+b−1)) ± √b)/(a+b))² (docs/theory.md §2.7). */
export function wachterSupport(a: number, b: number): [number, number] {
  checkParameters(a, b, "wachterSupport");
  const e = wachterEdges(a, b);
  return [e.lo, e.hi];
}

/**
 * Wachter density ρ(x) = (a+b)/(2π)·√((s₊ − x)(x − s₋))/(x(1 − x)) on (s₋, s₊), 0 elsewhere
 * (docs/theory.md §2.7).
 */
export function wachterDensity(x: number, a: number, b: number): number {
  checkParameters(a, b, "wachterDensity");
  if (Number.isNaN(x)) throw new RangeError("wachterDensity: x must be a number, got NaN");
  const e = wachterEdges(a, b);
  if (x <= e.lo || x >= e.hi) return 0;
  // s₊ − x = (1 − x) − (1 − s₊) keeps the hard edge at 1 exact when b = 1.
  const upper = x > 0.5 ? 1 - x - e.sqrtOneMinusHi * e.sqrtOneMinusHi : e.hi - x;
  return ((a + b) / (2 * Math.PI)) * (Math.sqrt(Math.max(0, upper) * (x - e.lo)) / (x * (1 - x)));
}

/**
 * Wachter CDF, closed form F(x) = (a+b)ψ/(2π) − (a−1)T₁/π − (b−1)T₂/π with x = m − r cos ψ
 * (T₁, T₂ and the derivation in the file header).
 */
export function wachterCdf(x: number, a: number, b: number): number {
  checkParameters(a, b, "wachterCdf");
  if (Number.isNaN(x)) throw new RangeError("wachterCdf: x must be a number, got NaN");
  const e = wachterEdges(a, b);
  if (x <= e.lo) return 0;
  if (x >= e.hi) return 1;
  const width = e.hi - e.lo;
  const mid = (e.hi + e.lo) / 2;
  // sin²(ψ/2) = (x − s₋)/(s₊ − s₋); near s₊ use cos²(ψ/2) = (s₊ − x)/(s₊ − s₋).
  let sinHalf: number;
  let cosHalf: number;
  if (x <= mid) {
    sinHalf = Math.sqrt((x - e.lo) / width);
    cosHalf = Math.sqrt(Math.max(0, 1 - sinHalf * sinHalf));
  } else {
    const upper = x > 0.5 ? 1 - x - e.sqrtOneMinusHi * e.sqrtOneMinusHi : e.hi - x;
    cosHalf = Math.sqrt(Math.max(0, upper) / width);
    sinHalf = Math.sqrt(Math.max(0, 1 - cosHalf * cosHalf));
  }
  const psi = 2 * detAtan2(sinHalf, cosHalf);
  const t1 = a === 1 ? 0 : detAtan2(e.sqrtHi * sinHalf, e.sqrtLo * cosHalf);
  const t2 = b === 1 ? 0 : detAtan2(e.sqrtOneMinusHi * sinHalf, e.sqrtOneMinusLo * cosHalf);
  const f = ((a + b) * psi) / (2 * Math.PI) - ((a - 1) * t1) / Math.PI - ((b - 1) * t2) / Math.PI;
  return Math.min(1, Math.max(0, f));
}
