/**
 * Equilibrium measures μ_V of polynomial potentials (βN/2 scaling, docs/theory.md §1.2, §3.8) and the edge
 * constants of λ_max (docs/theory.md §3.9).
 *
 * Closed forms (docs/theory.md §3.8): monomials t·x^{2m} (Deift 2000, Prop. 6.156), the symmetric quartic
 * g₂x²/2 + g₄x⁴/4 (one-cut iff g₂ > −2√g₄, else two-cut; Duits–Kuijlaars 2006), and the
 * Claeys–Its–Krasovsky potential x⁴/20 − 4x³/15 + x²/5 + 8x/5 with ρ = √((x+2)(2−x)⁵)/(10π)
 * (Claeys, Its & Krasovsky, Duke Math. J. 2010, Example 1.2). Their supports are explicit; the
 * densities and CDFs use the Chebyshev form of equilibriumOneCut.ts, which is exact for any
 * polynomial. Any other V goes to the numerical one-cut solver (equilibriumSolve.ts), which
 * reports when the one-cut ansatz fails.
 */
import { validatePotential } from "../potentials/validate.js";
import { detPow } from "../special/deterministicMath.js";
import { type OneCutMeasure, oneCutEdgeSums, oneCutMeasure } from "./equilibriumOneCut.js";
import { solveOneCutEquilibrium } from "./equilibriumSolve.js";
import { symmetricQuarticTwoCut, type TwoCutMeasure } from "./equilibriumTwoCut.js";

export type { OneCutMeasure } from "./equilibriumOneCut.js";
export type { TwoCutMeasure } from "./equilibriumTwoCut.js";
/** μ_V: a one-cut measure (Chebyshev form) or the two-cut symmetric quartic. */
export type EquilibriumMeasure = OneCutMeasure | TwoCutMeasure;

/** The Claeys–Its–Krasovsky potential x⁴/20 − 4x³/15 + x²/5 + 8x/5 (docs/theory.md §3.8(c)). */
export const CIK_POTENTIAL: Float64Array = Float64Array.from([0, 8 / 5, 1 / 5, -4 / 15, 1 / 20]);

/**
 * μ_V for V(x) = t·x^{2m}: support [−A, A] with A² = (m t p_m)^{−1/m}, p_j = Π_{l≤j} (2l−1)/(2l)
 * (Deift, Orthogonal Polynomials and Random Matrices, 1999/2000, Prop. 6.156; docs/theory.md §3.8(a)).
 */
export function monomialEquilibrium(m: number, t: number): OneCutMeasure {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`m must be an integer >= 1, got ${m}`);
  if (!(t > 0) || !Number.isFinite(t))
    throw new RangeError(`t must be a finite number > 0, got ${t}`);
  let p = 1;
  for (let l = 1; l <= m; l++) p *= (2 * l - 1) / (2 * l);
  const A = Math.sqrt(detPow(m * t * p, -1 / m));
  const coeffs = new Float64Array(2 * m + 1);
  coeffs[2 * m] = t;
  return oneCutMeasure(coeffs, -A, A);
}

/**
 * μ_V for V(x) = g₂x²/2 + g₄x⁴/4, g₄ > 0 (docs/theory.md §3.8(b)): one-cut on [−A, A] with
 * A² = (2/(3g₄))(√(g₂² + 12g₄) − g₂) when g₂ ≥ −2√g₄, two-cut otherwise.
 */
export function quarticEquilibrium(g2: number, g4: number): EquilibriumMeasure {
  if (!(g4 > 0) || !Number.isFinite(g4) || !Number.isFinite(g2)) {
    throw new RangeError(
      `quartic equilibrium needs finite g2 and g4 > 0, got g2 = ${g2}, g4 = ${g4}`,
    );
  }
  if (g2 < -2 * Math.sqrt(g4)) return symmetricQuarticTwoCut(g2, g4);
  const A = Math.sqrt((2 / (3 * g4)) * (Math.sqrt(g2 * g2 + 12 * g4) - g2));
  return oneCutMeasure(Float64Array.from([0, 0, g2 / 2, 0, g4 / 4]), -A, A);
}

/** μ_V of the CIK potential: ρ(x) = √((x+2)(2−x)⁵)/(10π) on [−2, 2] (docs/theory.md §3.8(c)). */
export function cikEquilibrium(): OneCutMeasure {
  return oneCutMeasure(CIK_POTENTIAL, -2, 2);
}

function isClose(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    if (Math.abs(a[k] - b[k]) > 1e-12 * (1 + Math.abs(b[k]))) return false;
  }
  return true;
}

/**
 * The equilibrium measure of V(x) = Σ coeffs[k] x^k (validated: even degree ≥ 2, positive leading
 * coefficient): a closed form when V is a monomial (plus a constant), a symmetric quartic, or the
 * CIK potential; otherwise the numerical one-cut solution. Throws an Error with the reason when
 * V's measure is not one-cut and no closed form applies.
 *
 * @example
 * import { equilibriumMeasure, parsePotential } from "betaens";
 * const mu = equilibriumMeasure(parsePotential("x^4/4 - 5*x^2/4")); // two cuts
 * const [lo, hi] = mu.support; // hull [−2.1213, 2.1213]
 * const atZero = mu.density(0); // 0: the gap
 */
export function equilibriumMeasure(coeffs: ArrayLike<number>): EquilibriumMeasure {
  const d = validatePotential(coeffs);
  let nonzero = 0;
  for (let k = 1; k < d; k++) if (coeffs[k] !== 0) nonzero++;
  if (nonzero === 0) return monomialEquilibrium(d / 2, coeffs[d]);
  if (d === 4 && coeffs[1] === 0 && coeffs[3] === 0) {
    return quarticEquilibrium(2 * coeffs[2], 4 * coeffs[4]);
  }
  const shifted = Array.from(coeffs);
  shifted[0] = 0;
  if (isClose(shifted, CIK_POTENTIAL)) return cikEquilibrium();
  const solution = solveOneCutEquilibrium(coeffs);
  if (!solution.ok) {
    throw new Error(`no equilibrium measure available for this potential: ${solution.reason}`);
  }
  return solution.measure;
}

/** λ_max / λ_min rescaling constants: ξ = N^{2/3} c (λ_max − b) → TW_β (docs/theory.md §3.9). */
export interface EdgeConstants {
  /** Right edge b_V of the support. */
  readonly right: number;
  /** c_V = (πK)^{2/3} with ρ(x) ≈ K √(b_V − x); 0 at a critical (non-square-root) edge. */
  readonly rightScale: number;
  /** Left edge a_V and its constant, for N^{2/3} c (a_V − λ_min) → TW_β. */
  readonly left: number;
  readonly leftScale: number;
}

/**
 * N^{2/3}·c, the factor of the soft-edge rescaling ξ = N^{2/3} c_V (λ_max − b_V) → TW_β
 * (docs/theory.md §3.9); N^{2/3} by detPow, so that Node and every browser give the same bits.
 */
export function edgeScale(n: number, c: number): number {
  return detPow(n, 2 / 3) * c;
}

/**
 * Edge constants of μ_V: for a one-cut measure c_V = (Σ_k k V'_k)^{2/3} (b − a)^{−1/3}
 * (Olver–Nadakuditi–Trogdon 2015, Eq. 2.3; docs/theory.md §3.9), which equals (πK)^{2/3}; for the two-cut
 * quartic, (πK)^{2/3} from the edge density (DPPy's one-cut formula is slightly off there).
 * A critical edge (CIK's right edge, ρ ~ (b−x)^{5/2}) gets scale 0: λ_max then fluctuates on
 * the N^{−2/7} scale, with a law not implemented here.
 *
 * @example
 * import { edgeConstants, equilibriumMeasure } from "betaens";
 * const { right, rightScale } = edgeConstants(equilibriumMeasure([0, 0, 0, 0, 0.25]));
 * // b_V = 1.519671, c_V = 2.089137: N^(2/3)·c_V·(λ_max − b_V) → TW_β
 */
export function edgeConstants(measure: EquilibriumMeasure): EdgeConstants {
  const [a, b] = measure.support;
  if (measure.kind === "two-cut") {
    const scale = detPow(Math.PI * measure.edgeDensityConstant, 2 / 3);
    return { right: b, rightScale: scale, left: a, leftScale: scale };
  }
  const sums = oneCutEdgeSums(measure.chebyshev);
  const width = b - a;
  const clean = (s: number) =>
    Math.abs(s) <= 1e-12 * (1 + Math.abs(measure.chebyshev[1])) ? 0 : s;
  return {
    right: b,
    rightScale: detPow(Math.max(clean(sums.right), 0), 2 / 3) * detPow(width, -1 / 3),
    left: a,
    leftScale: detPow(Math.max(clean(sums.left), 0), 2 / 3) * detPow(width, -1 / 3),
  };
}
