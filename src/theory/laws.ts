/**
 * The library's other laws as distribution objects (the ContinuousLaw shape of distribution.ts):
 * the semicircle, Marchenko–Pastur and Wachter limit laws, equilibrium measures of polynomial
 * potentials, and the exact laws of λ_max of the finite-N GUE and LUE. Same conventions as tracyWidom(β):
 * vectorised over Float64Array, NaN for invalid input, RangeError for invalid parameters (once,
 * at construction).
 *
 * @example
 * ```ts
 * semicircle().quantile(0.5);                 // 0
 * marchenkoPastur(0.25).cdf(new Float64Array([0.5, 1, 2]));
 * gueLargestEigenvalue(10).sf(2 * Math.sqrt(10) + 1);
 * ```
 */

import { gaussLegendre } from "../special/gaussLegendre.js";
import { type ContinuousLaw, continuousLaw } from "./distribution.js";
import { type EquilibriumMeasure, equilibriumMeasure } from "./equilibrium.js";
import { gueLargestEigenvalueCdf, gueLargestEigenvaluePdf } from "./hermiteLargestEigenvalueCdf.js";
import {
  lueEdge,
  lueLargestEigenvalueCdf,
  lueLargestEigenvaluePdf,
} from "./laguerreLargestEigenvalueCdf.js";
import {
  marchenkoPasturCdf,
  marchenkoPasturDensity,
  marchenkoPasturSupport,
} from "./marchenkoPastur.js";
import { semicircleCdf, semicircleDensity } from "./semicircle.js";
import { wachterCdf, wachterDensity, wachterSupport } from "./wachter.js";

/**
 * Mean and variance of a density on [lo, hi] with square-root (or 1/√ hard-edge) behaviour at the
 * ends: x = m − r cos ψ turns ρ(x)dx into a smooth integrand in ψ ∈ [0, π], integrated by
 * 96-point Gauss–Legendre.
 */
function momentsOnInterval(
  density: (x: number) => number,
  lo: number,
  hi: number,
): [number, number, number] {
  const { nodes, weights } = gaussLegendre(96);
  const m = (lo + hi) / 2;
  const r = (hi - lo) / 2;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i < nodes.length; i++) {
    const psi = (Math.PI / 2) * (nodes[i] + 1);
    const x = m - r * Math.cos(psi);
    const w = (Math.PI / 2) * weights[i] * r * Math.sin(psi) * density(x);
    m0 += w;
    m1 += w * x;
    m2 += w * x * x;
  }
  return [m0, m1, m2];
}

function meanVariance(parts: [number, number, number][]): { mean: number; variance: number } {
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  for (const [a, b, c] of parts) {
    m0 += a;
    m1 += b;
    m2 += c;
  }
  const mean = m1 / m0;
  return { mean, variance: m2 / m0 - mean * mean };
}

/** Wigner's semicircle law on [−2, 2] (mean 0, variance 1). */
export function semicircle(): ContinuousLaw {
  return continuousLaw({
    name: "semicircle(−2, 2)",
    support: [-2, 2],
    pdf: semicircleDensity,
    cdf: semicircleCdf,
    sf: (x) => semicircleCdf(-x),
    mean: 0,
    variance: 1,
  });
}

/** Marchenko–Pastur law with ratio c = N/M ∈ (0, 1] and variance 1 (mean 1, variance c). */
export function marchenkoPastur(c: number): ContinuousLaw {
  const support = marchenkoPasturSupport(c); // checks c
  return continuousLaw({
    name: `Marchenko–Pastur(c = ${c})`,
    support,
    pdf: (x) => marchenkoPasturDensity(x, c),
    cdf: (x) => marchenkoPasturCdf(x, c),
    mean: 1,
    variance: c,
  });
}

/** Wachter's law with parameters a, b ≥ 1 (the Jacobi/MANOVA limit; docs/theory.md §2.7). */
export function wachter(a: number, b: number): ContinuousLaw {
  const support = wachterSupport(a, b); // checks a, b
  const density = (x: number) => wachterDensity(x, a, b);
  const { mean, variance } = meanVariance([momentsOnInterval(density, support[0], support[1])]);
  return continuousLaw({
    name: `Wachter(${a}, ${b})`,
    support,
    pdf: density,
    cdf: (x) => wachterCdf(x, a, b),
    mean,
    variance,
  });
}

/**
 * The equilibrium measure μ_V of a polynomial potential V (coefficients g₀, g₁, …, lowest degree
 * first, even degree, positive leading coefficient; one- or two-cut), or of an already computed
 * measure (equilibrium.ts).
 */
export function equilibriumLaw(potential: ArrayLike<number> | EquilibriumMeasure): ContinuousLaw {
  const measure =
    "kind" in (potential as EquilibriumMeasure)
      ? (potential as EquilibriumMeasure)
      : equilibriumMeasure(potential as ArrayLike<number>);
  const density = (x: number) => measure.density(x);
  const pieces =
    measure.kind === "two-cut"
      ? measure.intervals.map(([lo, hi]) => momentsOnInterval(density, lo, hi))
      : [momentsOnInterval(density, measure.support[0], measure.support[1])];
  const { mean, variance } = meanVariance(pieces);
  return continuousLaw({
    name: `equilibrium measure (${measure.kind})`,
    support: measure.support,
    pdf: density,
    cdf: (x) => measure.cdf(x),
    mean,
    variance,
  });
}

/** The smallest x in [lo, hi] with cdf(x) ≥ p, by bisection to ≈ 2 ulp (cdf(lo) < p ≤ cdf(hi)). */
function bisectCdf(cdf: (x: number) => number, p: number, lo: number, hi: number): number {
  for (let i = 0; i < 200 && hi - lo > 4e-16 * Math.max(1, Math.abs(hi)); i++) {
    const mid = 0.5 * (lo + hi);
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The exact law of λ_max of the N-point GUE (β = 2 Hermite ensemble, loc 0, scale 1), from the
 * Fredholm determinant of the Hermite kernel (hermiteLargestEigenvalueCdf.ts), N ≤ 1e7. Each
 * evaluation costs O(order·N) (≈ 50 ms at N = 1e6); mean and variance are computed on first access
 * (64-point Gauss–Legendre over centre ± 10 edge units, ≈ 130 evaluations).
 */
export function gueLargestEigenvalue(n: number): ContinuousLaw {
  gueLargestEigenvalueCdf(0, n); // checks n
  const centre = 2 * Math.sqrt(n);
  const unit = n ** (-1 / 6);
  const law = continuousLaw({
    name: `λ_max of GUE(N = ${n})`,
    support: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    pdf: (x) => gueLargestEigenvaluePdf(x, n),
    cdf: (x) => gueLargestEigenvalueCdf(x, n),
    // The quantile brackets from the Tracy–Widom scale: solve on [centre − 30u, centre + 30u].
    quantile: (p) => {
      if (!(p >= 0 && p <= 1)) return Number.NaN;
      if (p === 0) return Number.NEGATIVE_INFINITY;
      if (p === 1) return Number.POSITIVE_INFINITY;
      let lo = centre - 30 * unit;
      const hi = centre + 30 * unit;
      while (gueLargestEigenvalueCdf(lo, n) > p) lo -= 30 * unit;
      return bisectCdf((x) => gueLargestEigenvalueCdf(x, n), p, lo, hi);
    },
    mean: Number.NaN,
    variance: Number.NaN,
  });
  let moments: { mean: number; variance: number } | undefined;
  const compute = () => {
    if (moments === undefined) {
      const { nodes, weights } = gaussLegendre(64);
      const parts: [number, number, number][] = [];
      for (const [lo, hi] of [
        [centre - 10 * unit, centre - 2 * unit],
        [centre - 2 * unit, centre + 6 * unit],
      ]) {
        let m0 = 0;
        let m1 = 0;
        let m2 = 0;
        for (let i = 0; i < nodes.length; i++) {
          const x = lo + ((hi - lo) * (nodes[i] + 1)) / 2;
          const w = ((hi - lo) / 2) * weights[i] * gueLargestEigenvaluePdf(x, n);
          m0 += w;
          m1 += w * x;
          m2 += w * x * x;
        }
        parts.push([m0, m1, m2]);
      }
      moments = meanVariance(parts);
    }
    return moments;
  };
  Object.defineProperty(law, "mean", { get: () => compute().mean, enumerable: true });
  Object.defineProperty(law, "variance", { get: () => compute().variance, enumerable: true });
  return law;
}

/**
 * The exact law of λ_max of the N-point LUE (β = 2 Laguerre, density ∝ Δ² Π x^a e^{−x}; complex
 * Wishart N×M with a = M − N), from the Fredholm determinant of the Laguerre kernel
 * (laguerreLargestEigenvalueCdf.ts). Mean and variance on first access, from
 * E[X] = L + ∫_L^U (1 − F), E[X²] = L² + ∫_L^U 2x(1 − F) (L the last point where F < 1e−16 stepping
 * down from the edge by σ, U = μ + 14σ; 4 panels of 32-point Gauss–Legendre).
 */
export function lueLargestEigenvalue(n: number, a: number): ContinuousLaw {
  lueLargestEigenvalueCdf(1, n, a); // checks n, a
  const { center, scale } = lueEdge(n, a);
  const law = continuousLaw({
    name: `λ_max of LUE(N = ${n}, a = ${a})`,
    support: [0, Number.POSITIVE_INFINITY],
    pdf: (x) => lueLargestEigenvaluePdf(x, n, a),
    cdf: (x) => lueLargestEigenvalueCdf(x, n, a),
    quantile: (p) => {
      if (!(p >= 0 && p <= 1)) return Number.NaN;
      if (p === 0) return 0;
      if (p === 1) return Number.POSITIVE_INFINITY;
      const lo = 0;
      let hi = center + 30 * scale;
      while (lueLargestEigenvalueCdf(hi, n, a) < p) hi += 30 * scale;
      return bisectCdf((x) => lueLargestEigenvalueCdf(x, n, a), p, lo, hi);
    },
    mean: Number.NaN,
    variance: Number.NaN,
  });
  let moments: { mean: number; variance: number } | undefined;
  const compute = () => {
    if (moments === undefined) {
      let lower = center;
      while (lower > 0 && lueLargestEigenvalueCdf(lower, n, a) >= 1e-16) lower -= scale;
      lower = Math.max(0, lower);
      const upper = center + 14 * scale;
      const { nodes, weights } = gaussLegendre(32);
      let m1 = lower;
      let m2 = lower * lower;
      const width = (upper - lower) / 4;
      for (let panel = 0; panel < 4; panel++) {
        const lo = lower + panel * width;
        for (let i = 0; i < nodes.length; i++) {
          const x = lo + (width * (nodes[i] + 1)) / 2;
          const w = (width / 2) * weights[i] * (1 - lueLargestEigenvalueCdf(x, n, a));
          m1 += w;
          m2 += 2 * x * w;
        }
      }
      moments = { mean: m1, variance: m2 - m1 * m1 };
    }
    return moments;
  };
  Object.defineProperty(law, "mean", { get: () => compute().mean, enumerable: true });
  Object.defineProperty(law, "variance", { get: () => compute().variance, enumerable: true });
  return law;
}
