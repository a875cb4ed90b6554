/**
 * One-cut equilibrium measures of polynomial potentials in Chebyshev form.
 *
 * For V with the βN/2 scaling, μ_V minimises ∫V dμ − ∫∫ log|x−y| dμ dμ and satisfies the
 * Euler–Lagrange equation PV∫ ρ(y)/(x − y) dy = V'(x)/2 on its support (docs/theory.md §1.2). If the support
 * is one interval [a, b] = [c − r, c + r], write x = c + r t and expand
 *     V'(c + r t) = Σ_{k≥0} V'_k T_k(t)   (Chebyshev polynomials of the first kind).
 * The finite Hilbert transform PV (1/π)∫ √(1−τ²) U_{k−1}(τ)/(t − τ) dτ = T_k(t) (Mason & Handscomb,
 * Chebyshev Polynomials, 2003, §9.5) gives
 *     ρ(x) = (1/2π) √(1 − t²) h(t),   h(t) = Σ_{k≥1} V'_k U_{k−1}(t),
 * with the endpoint conditions V'_0 = 0 (the EL equation has no T_0 term) and r·V'_1 = 4 (unit
 * mass: ∫ρ = r V'_1/4). This is the representation of Olver, Nadakuditi & Trogdon, "Sampling
 * unitary ensembles", Random Matrices Theory Appl. 4 (2015) — their Eq. 2.3 gives the edge
 * constant c_V used in docs/theory.md §3.9. The CDF is explicit: with t = cos θ,
 *     ∫_{−1}^{t} √(1−τ²) U_{k−1}(τ) dτ = ∫_θ^π sin kφ sin φ dφ = ½ (I_{k−1} − I_{k+1}),
 *     I_0 = π − θ,  I_m = −sin(mθ)/m.
 * Near the right edge ρ(x) ≈ K √(b − x) with K = (1/2π) √(2/r) Σ k V'_k, so
 * c_V = (πK)^{2/3} = (Σ k V'_k)^{2/3} (b − a)^{−1/3} (docs/theory.md §3.9); at the left edge use
 * Σ (−1)^{k−1} k V'_k. Outside the support, V'(x) − 2∫ρ(y)/(x−y)dy = sgn(t)√(t²−1) h(t).
 */
import { taylorShift } from "../potentials/polynomial.js";

/** A one-cut equilibrium measure: support [a, b] and the Chebyshev coefficients of V'. */
export interface OneCutMeasure {
  readonly kind: "one-cut";
  /** Support [a, b]. */
  readonly support: [number, number];
  /** V'_k, k = 0..d−1: V'((a+b)/2 + (b−a)t/2) = Σ V'_k T_k(t). */
  readonly chebyshev: Float64Array;
  /** Density ρ(x) (0 outside the support). */
  density(x: number): number;
  /** CDF F(x) = μ_V((−∞, x]). */
  cdf(x: number): number;
}

/**
 * Chebyshev coefficients of q(t) = Σ_j m_j t^j (monomial coefficients), by Horner's scheme in the
 * Chebyshev basis using t·T_0 = T_1, t·T_k = (T_{k+1} + T_{k−1})/2 (Mason & Handscomb §2.4).
 */
export function monomialToChebyshev(m: ArrayLike<number>, degree: number): Float64Array {
  let s = new Float64Array(degree + 2);
  let next = new Float64Array(degree + 2);
  for (let j = degree; j >= 0; j--) {
    next.fill(0);
    for (let k = 0; k <= degree; k++) {
      const v = s[k];
      if (v === 0) continue;
      if (k === 0) next[1] += v;
      else {
        next[k + 1] += 0.5 * v;
        next[k - 1] += 0.5 * v;
      }
    }
    next[0] += m[j];
    const t = s;
    s = next;
    next = t;
  }
  return s.slice(0, degree + 1);
}

/**
 * Chebyshev coefficients V'_k of t ↦ V'(c + r t) for V(x) = Σ_k coeffs[k] x^k (Taylor shift then
 * scaling, then monomialToChebyshev).
 */
export function derivativeChebyshev(coeffs: ArrayLike<number>, c: number, r: number): Float64Array {
  const d = coeffs.length - 1;
  const dv = new Float64Array(Math.max(d, 1));
  for (let k = 1; k <= d; k++) dv[k - 1] = k * coeffs[k];
  const shifted = new Float64Array(dv.length);
  taylorShift(dv, dv.length - 1, c, shifted);
  let scale = 1;
  for (let k = 0; k < shifted.length; k++) {
    shifted[k] *= scale;
    scale *= r;
  }
  return monomialToChebyshev(shifted, shifted.length - 1);
}

/** h(t) = Σ_{k≥1} V'_k U_{k−1}(t) by the three-term recurrence U_{k} = 2t U_{k−1} − U_{k−2}. */
export function chebyshevDensityFactor(chebyshev: Float64Array, t: number): number {
  let uPrev = 0; // U_{-1}
  let u = 1; // U_0
  let h = 0;
  for (let k = 1; k < chebyshev.length; k++) {
    h += chebyshev[k] * u;
    const next = 2 * t * u - uPrev;
    uPrev = u;
    u = next;
  }
  return h;
}

/**
 * The one-cut measure with support [a, b] for V (coefficients lowest degree first), assuming the
 * endpoint conditions hold (see equilibriumSolve.ts to find a, b). Density and CDF in closed form
 * (file header).
 */
export function oneCutMeasure(coeffs: ArrayLike<number>, a: number, b: number): OneCutMeasure {
  const c = 0.5 * (a + b);
  const r = 0.5 * (b - a);
  const cheb = derivativeChebyshev(coeffs, c, r);
  const density = (x: number): number => {
    if (!(x > a && x < b)) return 0;
    const t = (x - c) / r;
    return (Math.sqrt((1 - t) * (1 + t)) * chebyshevDensityFactor(cheb, t)) / (2 * Math.PI);
  };
  const cdf = (x: number): number => {
    if (x <= a) return 0;
    if (x >= b) return 1;
    const t = (x - c) / r;
    const theta = Math.acos(Math.min(1, Math.max(-1, t)));
    const integral = (m: number) => (m === 0 ? Math.PI - theta : -Math.sin(m * theta) / m);
    let sum = 0;
    for (let k = 1; k < cheb.length; k++) {
      sum += cheb[k] * 0.5 * (integral(k - 1) - integral(k + 1));
    }
    const value = (r * sum) / (2 * Math.PI);
    return Math.min(1, Math.max(0, value));
  };
  return { kind: "one-cut", support: [a, b], chebyshev: cheb, density, cdf };
}

/** Edge constants of a one-cut measure (see edgeConstants in ./equilibrium.ts). */
export function oneCutEdgeSums(chebyshev: Float64Array): { right: number; left: number } {
  let right = 0;
  let left = 0;
  for (let k = 1; k < chebyshev.length; k++) {
    right += k * chebyshev[k];
    left += (k % 2 === 1 ? 1 : -1) * k * chebyshev[k];
  }
  return { right, left };
}
