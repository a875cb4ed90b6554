/**
 * Marchenko–Pastur law with ratio c = N/M ∈ (0, 1] and variance 1, the limit of the Laguerre
 * β-ensemble after the map x ↦ 2x/(θβM) (docs/theory.md §2.7; Marchenko–Pastur 1967; Bai–Silverstein,
 * "Spectral Analysis of Large Dimensional Random Matrices", §3.1).
 *
 * CDF in closed form (derived here, checked against quadrature in the tests): put
 * x = m − r·cos ψ with centre m = 1 + c, half-width r = 2√c, ψ ∈ [0, π]. Then
 * F(x) = (2/π)∫₀^ψ sin²φ/(m − r cos φ) dφ; dividing sin²φ by m − r cos φ and using the standard
 * integral ∫dφ/(p + q cos φ) = (2/√(p²−q²))·arctan(√((p−q)/(p+q))·tan(φ/2)) (Gradshteyn–Ryzhik
 * §2.55) gives
 *   F(x) = (cψ + √c·sin ψ − (1 − c)·A)/(πc),  A = atan2(√c·sin ψ, 1 − √c·cos ψ).
 */

import { detAsin, detAtan2, detCos, detSin } from "../special/deterministicMath.js";

function checkRatio(c: number, caller: string): void {
  if (!(c > 0 && c <= 1)) {
    throw new RangeError(`${caller}: ratio c = N/M must be in (0, 1], got ${c}`);
  }
}

function checkX(x: number, caller: string): void {
  if (Number.isNaN(x)) throw new RangeError(`${caller}: x must be a number, got NaN`);
}

/** Support [λ₋, λ₊] of Marchenko–Pastur(c), λ± = (1 ± √c)² (docs/theory.md §2.7). */
export function marchenkoPasturSupport(c: number): [number, number] {
  checkRatio(c, "marchenkoPasturSupport");
  const s = Math.sqrt(c);
  return [(1 - s) * (1 - s), (1 + s) * (1 + s)];
}

/**
 * Marchenko–Pastur density ρ(x) = √((λ₊ − x)(x − λ₋))/(2πcx) on (λ₋, λ₊), 0 elsewhere
 * (docs/theory.md §2.7). For c = 1 it has a 1/√x singularity at the hard edge 0.
 */
export function marchenkoPasturDensity(x: number, c: number): number {
  checkRatio(c, "marchenkoPasturDensity");
  checkX(x, "marchenkoPasturDensity");
  const [lo, hi] = marchenkoPasturSupport(c);
  if (x <= lo || x >= hi) return 0;
  return Math.sqrt((hi - x) * (x - lo)) / (2 * Math.PI * c * x);
}

/**
 * Marchenko–Pastur CDF, closed form F(x) = (cψ + √c sin ψ − (1 − c)·A)/(πc) with
 * x = 1 + c − 2√c·cos ψ and A = atan2(√c sin ψ, 1 − √c cos ψ) (derivation in the file header).
 */
export function marchenkoPasturCdf(x: number, c: number): number {
  checkRatio(c, "marchenkoPasturCdf");
  checkX(x, "marchenkoPasturCdf");
  const [lo, hi] = marchenkoPasturSupport(c);
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  const s = Math.sqrt(c);
  const width = hi - lo; // = 2r = 4√c
  // sin²(ψ/2) = (x − λ₋)/(λ₊ − λ₋); take the better-conditioned end for asin.
  const psi =
    x <= 1 + c
      ? 2 * detAsin(Math.sqrt((x - lo) / width))
      : Math.PI - 2 * detAsin(Math.sqrt((hi - x) / width));
  const sinPsi = detSin(psi);
  const a = detAtan2(s * sinPsi, 1 - s * detCos(psi));
  const f = (c * psi + s * sinPsi - (1 - c) * a) / (Math.PI * c);
  return Math.min(1, Math.max(0, f));
}
