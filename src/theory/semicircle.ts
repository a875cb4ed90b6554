/**
 * Wigner's semicircle law on [−2, 2], the limit of the Hermite β-ensemble after the map
 * x ↦ √2(x − μ)/(σ√(βN)) (docs/theory.md §2.7; Anderson–Guionnet–Zeitouni, "An Introduction to Random
 * Matrices", Thm 2.1.1).
 */

import { detAsin, detSin } from "../special/deterministicMath.js";

/** Support of the semicircle law: [−2, 2]. */
export function semicircleSupport(): [number, number] {
  return [-2, 2];
}

/** Semicircle density ρ(x) = √(4 − x²)/(2π) on (−2, 2), 0 elsewhere (docs/theory.md §2.7). */
export function semicircleDensity(x: number): number {
  if (Number.isNaN(x)) throw new RangeError("semicircleDensity: x must be a number, got NaN");
  if (x <= -2 || x >= 2) return 0;
  return Math.sqrt((2 - x) * (2 + x)) / (2 * Math.PI);
}

/**
 * Semicircle CDF in closed form: with x = −2cos t, F(x) = (2t − sin 2t)/(2π),
 * t = arccos(−x/2) = 2·asin(√(2 + x)/2) (integrate 4sin²φ/(2π) over [0, t]).
 * The lower half is computed directly (relative accuracy in the tail via a series for
 * u − sin u), the upper half by the symmetry F(x) = 1 − F(−x).
 */
export function semicircleCdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError("semicircleCdf: x must be a number, got NaN");
  if (x <= -2) return 0;
  if (x >= 2) return 1;
  if (x > 0) return 1 - lowerSemicircleCdf(-x);
  return lowerSemicircleCdf(x);
}

/** F(x) for −2 < x ≤ 0. */
function lowerSemicircleCdf(x: number): number {
  const t = 2 * detAsin(Math.sqrt(2 + x) / 2);
  return uMinusSinU(2 * t) / (2 * Math.PI);
}

/** u − sin u without cancellation for small u (Taylor series u³/3! − u⁵/5! + …). */
function uMinusSinU(u: number): number {
  if (Math.abs(u) >= 1) return u - detSin(u);
  const u2 = u * u;
  let term = (u * u2) / 6;
  let sum = term;
  // Alternating series with |term ratio| ≤ 1/20: 12 terms reach 1e-30 relative.
  for (let k = 5; k < 30; k += 2) {
    term *= -u2 / (k * (k - 1));
    sum += term;
  }
  return sum;
}
