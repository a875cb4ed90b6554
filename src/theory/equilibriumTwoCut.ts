/**
 * Two-cut equilibrium measure of the symmetric quartic V(x) = g₂x²/2 + g₄x⁴/4, g₂ < −2√g₄
 * (docs/theory.md §3.8(b); Duits & Kuijlaars, Nonlinearity 19 (2006) pp. 2–3; Bleher & Its, Ann. Math. 150
 * (1999)): support [−A, −B] ∪ [B, A] with A² = (−g₂ + 2√g₄)/g₄, B² = (−g₂ − 2√g₄)/g₄ and
 *     ρ(x) = (g₄/2π) |x| √((A² − x²)(x² − B²)).
 * CDF: with u = x² = m − w cos ψ (m = (A²+B²)/2, w = (A²−B²)/2 = 2/√g₄),
 * ∫_B^x ρ = (g₄/4π) w² (ψ/2 − sin 2ψ/4), and F(−x) = 1 − F(x).
 */

/** A two-cut equilibrium measure with explicit density and CDF. */
export interface TwoCutMeasure {
  readonly kind: "two-cut";
  /** Hull of the support, [−A, A]. */
  readonly support: [number, number];
  /** The two intervals [−A, −B], [B, A]. */
  readonly intervals: [[number, number], [number, number]];
  /** Density ρ(x) (0 outside the support). */
  density(x: number): number;
  /** CDF F(x). */
  cdf(x: number): number;
  /** Right-edge density constant K: ρ(x) ≈ K √(A − x) as x → A⁻. */
  readonly edgeDensityConstant: number;
}

/** The two-cut measure of g₂x²/2 + g₄x⁴/4 (requires g₄ > 0 and g₂ < −2√g₄). */
export function symmetricQuarticTwoCut(g2: number, g4: number): TwoCutMeasure {
  const root = Math.sqrt(g4);
  if (!(g4 > 0) || !(g2 < -2 * root)) {
    throw new RangeError(
      `two-cut quartic needs g4 > 0 and g2 < -2*sqrt(g4), got g2 = ${g2}, g4 = ${g4}`,
    );
  }
  const a2 = (-g2 + 2 * root) / g4;
  const b2 = (-g2 - 2 * root) / g4;
  const A = Math.sqrt(a2);
  const B = Math.sqrt(b2);
  const m = 0.5 * (a2 + b2);
  const w = 0.5 * (a2 - b2);
  const density = (x: number): number => {
    const ax = Math.abs(x);
    if (!(ax > B && ax < A)) return 0;
    const x2 = x * x;
    return (g4 / (2 * Math.PI)) * ax * Math.sqrt((a2 - x2) * (x2 - b2));
  };
  const upper = (x: number): number => {
    // x in [B, A]: 1/2 + ∫_B^x ρ.
    const cosPsi = Math.min(1, Math.max(-1, (m - x * x) / w));
    const psi = Math.acos(cosPsi);
    return 0.5 + ((g4 * w * w) / (4 * Math.PI)) * (psi / 2 - Math.sin(2 * psi) / 4);
  };
  const cdf = (x: number): number => {
    if (x <= -A) return 0;
    if (x >= A) return 1;
    if (Math.abs(x) <= B) return 0.5;
    return x > 0 ? Math.min(1, upper(x)) : Math.max(0, 1 - upper(-x));
  };
  const K = (g4 / (2 * Math.PI)) * A * Math.sqrt(2 * A) * Math.sqrt(a2 - b2);
  return {
    kind: "two-cut",
    support: [-A, A],
    intervals: [
      [-A, -B],
      [B, A],
    ],
    density,
    cdf,
    edgeDensityConstant: K,
  };
}
