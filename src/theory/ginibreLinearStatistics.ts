/**
 * Radial linear statistics L_N = Σ_i f(|z_i|/√N) of the complex Ginibre ensemble (the
 * two-dimensional Coulomb gas at β = 2, droplet = unit disk): exact finite-N cumulants and their
 * large-N forms (docs/linear-statistics/README.md §5).
 *
 * Exact: by Kostlan's theorem (Kostlan, Linear Algebra Appl. 162 (1992) 385) the set {|z_i|²} has
 * the law of {Γ_1, …, Γ_N}, independent with Γ_j ~ Gamma(j, 1). So with F(u) = f(√u),
 * κ_p(L_N) = Σ_j κ_p(F(Γ_j/N)) exactly, each term a one-dimensional integral.
 *
 * Large N: Γ_j/N has cumulants (m−1)!·τ/N^(m−1) at τ = j/N, so at leading order (tree level)
 * κ_p(F(Γ_j/N)) = N^(1−p)·C_p(τ) with C_2 = τF'², C_3 = 2τF'³ + 3τ²F'²F'',
 * C_4 = 6τF'⁴ + 24τ²F'³F'' + 12τ³F'²F''² + 4τ³F'³F'''; summing over j,
 *   κ₁ = N∫_0^1 F du + F'(1)/2 + O(1/N),   κ₂ → ∫_0^1 u F'(u)² du = (1/2)∫_0^1 r f'(r)² dr,
 *   κ₃ = F'(1)³/N + O(N^−2),               κ₄ = (3F'(1)⁴ + 4F'(1)³F''(1))/N² + O(N^−3),
 * because C_3 = d/dτ[τ²F'³] and C_4 = d/dτ[3τ²F'⁴ + 4τ³F'³F''] are exact derivatives: the higher
 * cumulants depend only on f and its derivatives at the edge r = 1, the structure found by
 * De Bruyne, Le Doussal, Majumdar & Schehr, "Linear statistics for Coulomb gases: higher order
 * cumulants", arXiv:2310.16420 (2023), for d = 2, β = 2 by the same determinantal (Kostlan) route.
 * In f: F'(1) = f'(1)/2, F''(1) = (f''(1) − f'(1))/4, so κ₃ ≈ f'(1)³/(8N) and
 * κ₄ ≈ (f'(1)⁴ + 2f'(1)³f''(1))/(16N²). The formulas here are derived independently (above) and
 * checked against the exact finite-N cumulants in the tests.
 */
import { gaussLegendre } from "../special/gaussLegendre.js";
import { logGamma } from "../special/logGamma.js";

const RULE = gaussLegendre(24);

/**
 * The four central-moment-based cumulants of F(X), X ~ Gamma(j, 1)/N, by composite Gauss–Legendre
 * in y = log X over the window where the log-density is within 60 of its maximum.
 */
function termCumulants(F: (u: number) => number, j: number, n: number, out: Float64Array): void {
  // log-density of y = log(Γ_j): j·y − e^y − log Γ(j), maximal at y = log j.
  const peak = Math.log(j);
  const logMax = j * peak - j;
  const logDensity = (y: number) => j * y - Math.exp(y) - logMax;
  // Window: step out until the log-density drops by 60 (exponential left tail, double-exponential right).
  let left = peak;
  let step = 1 / Math.sqrt(j);
  while (logDensity(left) > -60) {
    left -= step;
    step *= 1.5;
  }
  let right = peak;
  step = 1 / Math.sqrt(j);
  while (logDensity(right) > -60) {
    right += step;
    step *= 1.5;
  }
  const panels = 32;
  const h = (right - left) / panels;
  const logNorm = logMax - logGamma(j); // density of y is exp(logDensity(y) + logNorm)
  const logN = Math.log(n);
  // Two passes: mean, then central moments.
  let mass = 0;
  let mean = 0;
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let p = 0; p < panels; p++) {
    for (let i = 0; i < RULE.nodes.length; i++) {
      const y = left + h * (p + 0.5 * (RULE.nodes[i] + 1));
      const w = 0.5 * h * RULE.weights[i] * Math.exp(logDensity(y) + logNorm);
      const v = F(Math.exp(y - logN));
      nodes.push(v);
      weights.push(w);
      mass += w;
      mean += w * v;
    }
  }
  mean /= mass;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < nodes.length; i++) {
    const d = nodes[i] - mean;
    const d2 = d * d;
    m2 += weights[i] * d2;
    m3 += weights[i] * d2 * d;
    m4 += weights[i] * d2 * d2;
  }
  m2 /= mass;
  m3 /= mass;
  m4 /= mass;
  out[0] += mean;
  out[1] += m2;
  out[2] += m3;
  out[3] += m4 - 3 * m2 * m2;
}

/**
 * Exact cumulants κ₁…κ₄ of L_N = Σ f(|z_i|/√N) for the N×N complex Ginibre ensemble (Kostlan's
 * theorem, module comment), f a function of r ≥ 0 smooth on [0, ~1.5]. Each of the N terms by
 * 768-node quadrature (≈ 1e−12 relative for smooth f): O(N) work.
 */
export function ginibreRadialCumulants(
  f: (r: number) => number,
  n: number,
): [number, number, number, number] {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`ginibreRadialCumulants: n must be an integer >= 1, got ${n}`);
  }
  const F = (u: number) => f(Math.sqrt(u));
  const out = new Float64Array(4);
  for (let j = 1; j <= n; j++) termCumulants(F, j, n, out);
  return [out[0], out[1], out[2], out[3]];
}

/** f and its derivatives at a point: t_k = f^(k)(r)/k!, k = 0..order (e.g. taylorCoefficients). */
export type RadialTaylor = (r: number, order: number) => ArrayLike<number>;

/** Large-N cumulants of a radial Ginibre linear statistic, with the two terms of κ₁. */
export interface GinibreRadialAsymptotics {
  /** κ₁ (to O(1/N)), κ₂ (limit), κ₃ and κ₄ (leading order). */
  cumulants: [number, number, number, number];
  /** N∫_0^1 F(u) du = 2N∫_0^1 r f(r) dr. */
  leadingMean: number;
  /** F'(1)/2 = f'(1)/4. */
  meanCorrection: number;
}

/**
 * Large-N cumulants of L_N = Σ f(|z_i|/√N) for Ginibre (module comment): κ₁ to O(1/N), κ₂ to o(1),
 * κ₃ and κ₄ at leading order, from f's Taylor coefficients (`taylor(r, order)`, e.g. from
 * potentials/expression.ts) at the edge r = 1 and, for κ₁ and κ₂, on [0, 1] (Gauss–Legendre).
 * Valid for f(r) = g(r²) with g smooth on [0, 1] (f smooth on the plane): otherwise the origin adds
 * further terms (e.g. f = e^r gives κ₄ a log N/N³ correction).
 */
export function ginibreRadialAsymptotics(
  taylor: RadialTaylor,
  n: number,
): GinibreRadialAsymptotics {
  const rule = gaussLegendre(200);
  let mean = 0;
  let variance = 0;
  for (let i = 0; i < rule.nodes.length; i++) {
    const r = 0.5 * (rule.nodes[i] + 1);
    const w = 0.5 * rule.weights[i];
    const t = taylor(r, 1);
    mean += w * 2 * r * t[0]; // ∫_0^1 F(u) du = 2∫_0^1 r f(r) dr
    variance += w * 0.5 * r * t[1] * t[1];
  }
  const edge = taylor(1, 3);
  const f1 = edge[1];
  const f2 = 2 * edge[2];
  const F1 = f1 / 2;
  const F2 = (f2 - f1) / 4;
  return {
    cumulants: [
      n * mean + F1 / 2,
      variance,
      F1 ** 3 / n,
      (3 * F1 ** 4 + 4 * F1 ** 3 * F2) / (n * n),
    ],
    leadingMean: n * mean,
    meanCorrection: F1 / 2,
  };
}
