/**
 * The joint law of two consecutive spacings of the sine₂ process and the law of their ratio
 * r = s_{n+1}/s_n (Oganesyan & Huse 2007; Atas, Bogomolny, Giraud & Roux, Phys. Rev. Lett. 110
 * (2013) 084101), exactly at N = ∞.
 *
 * For a determinantal process with kernel K the Janossy density of "points at z₁ < z₂ < z₃ and no
 * other point in J = [z₁, z₃]" is det(I − K_J)·det[R_J(z_i, z_j)]_{3×3}, R_J = K_J(I − K_J)⁻¹ the
 * resolvent kernel (Daley & Vere-Jones, An Introduction to the Theory of Point Processes, 2nd ed.,
 * §5.4 and exercise 5.4.7; Borodin & Soshnikov 2003). At unit density, with z = (0, x, x + y), it
 * is the joint density p(x, y) of a spacing x followed by a spacing y (the marginal ∫p(x, y)dy is
 * Gaudin's p₂(x), checked in the tests). Both factors come from one Nyström discretisation of the
 * sine kernel on J (Bornemann, Math. Comp. 79 (2010)): R(z_i, z_j) = S(z_i − z_j) + b_iᵀ(I − A)⁻¹b_j
 * with b_i = W^{1/2}S(· − z_i).
 * The ratio has density P(r) = ∫₀^∞ p(x, rx) x dx, with P(1/r) = r²P(r); the folded ratio
 * r̃ = min(r, 1/r) has density 2P(r) on [0, 1]. P is tabulated once (Chebyshev, 4 pieces of [0, 1])
 * from Gauss–Legendre quadrature in x; the CDFs are the exact integrals of the Chebyshev series.
 * Accuracy (measured in the tests): ≈ 1e−12 absolute for P and the CDFs; P(r) ~ c r² near 0.
 *
 * @example
 * ```ts
 * const folded = gapRatioLaw(2, "folded");
 * folded.mean;  // ⟨min(r, 1/r)⟩ for GUE at N = ∞ (≈ 0.5997)
 * ```
 */

import { detSin } from "../special/deterministicMath.js";
import { gaussLegendre } from "../special/gaussLegendre.js";
import {
  buildChebyshevTable,
  type ChebyshevTable,
  chebyshevPiece,
  evaluateChebyshev,
} from "./chebyshevTable.js";
import { type ContinuousLaw, continuousLaw } from "./distribution.js";
import { luFactorIdentityPlus, luSolve } from "./tracyWidomLinearAlgebra.js";

/** S(u) = sin(πu)/(πu), with the Taylor series near 0. */
export function sineKernel(u: number): number {
  const z = Math.PI * u;
  if (Math.abs(z) < 1e-3) {
    const z2 = z * z;
    return 1 - (z2 / 6) * (1 - z2 / 20);
  }
  return detSin(z) / z;
}

/**
 * The joint density p(x, y) of two consecutive spacings of sine₂ (x then y), by the Janossy
 * formula (module comment) with an m-point Gauss–Legendre Nyström rule on [0, x + y].
 */
export function consecutiveSpacingsDensity(x: number, y: number, m?: number): number {
  if (!(x > 0 && y > 0)) return 0;
  const length = x + y;
  const order = m ?? Math.max(16, Math.ceil(14 + 3 * length));
  const { nodes, weights } = gaussLegendre(order);
  const t = new Float64Array(order);
  const root = new Float64Array(order);
  for (let k = 0; k < order; k++) {
    t[k] = (length * (nodes[k] + 1)) / 2;
    root[k] = Math.sqrt((length * weights[k]) / 2);
  }
  const lu = new Float64Array(order * order);
  for (let j = 0; j < order; j++) {
    for (let k = 0; k <= j; k++) {
      lu[j * order + k] = lu[k * order + j] = -root[j] * root[k] * sineKernel(t[j] - t[k]);
    }
  }
  const pivots = new Int32Array(order);
  const logDet = luFactorIdentityPlus(lu, order, pivots);
  const z = [0, x, length];
  const b: Float64Array[] = [];
  const c: Float64Array[] = [];
  for (let i = 0; i < 3; i++) {
    const v = new Float64Array(order);
    for (let k = 0; k < order; k++) v[k] = root[k] * sineKernel(t[k] - z[i]);
    b.push(v);
    const w = v.slice();
    luSolve(lu, order, pivots, w);
    c.push(w);
  }
  const r = new Float64Array(9);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let s = sineKernel(z[i] - z[j]);
      for (let k = 0; k < order; k++) s += b[i][k] * c[j][k];
      r[i * 3 + j] = s;
    }
  }
  const det3 =
    r[0] * (r[4] * r[8] - r[5] * r[7]) -
    r[1] * (r[3] * r[8] - r[5] * r[6]) +
    r[2] * (r[3] * r[7] - r[4] * r[6]);
  return Math.exp(logDet) * Math.max(0, det3);
}

/** Beyond this total length x + y the joint density is below 1e−30 (E₂(0; 7.5) < 1e−29). */
const LENGTH_MAX = 7.5;
const QUADRATURE_NODES = 48;

/** P(r) = ∫₀^∞ p(x, rx) x dx for 0 ≤ r ≤ 1, by Gauss–Legendre in x on [0, 7.5/(1 + r)]. */
export function gapRatioDensityQuadrature(r: number): number {
  if (!(r > 0)) return 0;
  const top = LENGTH_MAX / (1 + r);
  const { nodes, weights } = gaussLegendre(QUADRATURE_NODES);
  let sum = 0;
  for (let k = 0; k < QUADRATURE_NODES; k++) {
    const x = (top * (nodes[k] + 1)) / 2;
    sum += weights[k] * consecutiveSpacingsDensity(x, r * x) * x;
  }
  return (sum * top) / 2;
}

const BREAKS = [0, 0.25, 0.5, 0.75, 1];
const DEGREE = 22;
let table: ChebyshevTable | undefined;

/** The Chebyshev table of P on [0, 1] (built at first use) and of its running integral. */
function ratioTable(): ChebyshevTable {
  table ??= buildChebyshevTable(BREAKS, DEGREE, 1, (r, out) => {
    out[0] = gapRatioDensityQuadrature(r);
  });
  return table;
}

/** P(r) for 0 ≤ r ≤ 1 from the table. */
function densityUnit(r: number): number {
  const tab = ratioTable();
  return Math.max(0, evaluateChebyshev(tab, 0, r, chebyshevPiece(tab, r)));
}

/**
 * ∫₀^ρ P(r) dr for 0 ≤ ρ ≤ 1, integrating each piece's Chebyshev series exactly
 * (∫T_k = ½[T_{k+1}/(k+1) − T_{k−1}/(k−1)], Mason & Handscomb (2.43)).
 */
function integralUnit(rho: number): number {
  const tab = ratioTable();
  const n = tab.degree;
  const c = tab.coefficients[0];
  let total = 0;
  for (let p = 0; p < BREAKS.length - 1; p++) {
    const lo = BREAKS[p];
    const hi = BREAKS[p + 1];
    if (rho <= lo) break;
    const upper = Math.min(rho, hi);
    const u = (2 * (upper - lo)) / (hi - lo) - 1;
    // Antiderivative F(u) = Σ_k c_k ∫_{−1}^{u} T_k, times (hi − lo)/2.
    const tk = new Float64Array(n + 2);
    tk[0] = 1;
    tk[1] = u;
    for (let k = 2; k <= n + 1; k++) tk[k] = 2 * u * tk[k - 1] - tk[k - 2];
    const base = p * (n + 1);
    let sum = c[base] * (u + 1);
    sum += c[base + 1] * ((u * u - 1) / 2);
    for (let k = 2; k <= n; k++) {
      const atU = tk[k + 1] / (k + 1) - tk[k - 1] / (k - 1);
      const atMinusOne =
        ((k % 2 === 0 ? -1 : 1) * 1) / (k + 1) - ((k % 2 === 0 ? -1 : 1) * 1) / (k - 1);
      sum += (c[base + k] * (atU - atMinusOne)) / 2;
    }
    total += (sum * (hi - lo)) / 2;
  }
  return total;
}

/**
 * The N = ∞ law of the ratio of consecutive spacings of sine_β: kind "ratio" is r on [0, ∞),
 * "folded" is r̃ = min(r, 1/r) on [0, 1]. β = 2 exactly (module comment); other β come from the
 * simulated table (sineBetaLaws.ts).
 */
export function gapRatioLawExact(kind: "ratio" | "folded"): ContinuousLaw {
  const half = integralUnit(1); // = ½ by symmetry; its deviation measures the table's error
  const pdf = (r: number) => {
    if (!(r > 0) || r === Number.POSITIVE_INFINITY) return 0;
    if (kind === "folded") return r > 1 ? 0 : (2 * densityUnit(r)) / (2 * half);
    return (r <= 1 ? densityUnit(r) : densityUnit(1 / r) / (r * r)) / (2 * half);
  };
  const cdf = (r: number) => {
    if (!(r > 0)) return 0;
    if (kind === "folded") return r >= 1 ? 1 : integralUnit(r) / half;
    if (r === Number.POSITIVE_INFINITY) return 1;
    return r <= 1 ? integralUnit(r) / (2 * half) : 1 - integralUnit(1 / r) / (2 * half);
  };
  const sf = (r: number) => {
    if (!(r > 0)) return 1;
    if (kind === "folded") return r >= 1 ? 0 : (half - integralUnit(r)) / half;
    if (r === Number.POSITIVE_INFINITY) return 0;
    return r <= 1 ? 1 - integralUnit(r) / (2 * half) : integralUnit(1 / r) / (2 * half);
  };
  // Moments by Gauss–Legendre on [0, 1] (r > 1 mapped by u = 1/r).
  const { nodes, weights } = gaussLegendre(64);
  let m1 = 0;
  let m2 = 0;
  let tail1 = 0;
  let tail2 = 0;
  for (let k = 0; k < nodes.length; k++) {
    const r = (nodes[k] + 1) / 2;
    const w = weights[k] / 2;
    const p = densityUnit(r) / (2 * half);
    m1 += w * r * p;
    m2 += w * r * r * p;
    tail1 += (w * p) / r; // ∫_1^∞ r P(r) dr = ∫_0^1 P(u)/u du
    tail2 += (w * p) / (r * r);
  }
  const mean = kind === "folded" ? 2 * m1 : m1 + tail1;
  const second = kind === "folded" ? 2 * m2 : m2 + tail2;
  return continuousLaw({
    name: kind === "folded" ? "sine₂ folded gap ratio min(r, 1/r)" : "sine₂ gap ratio r",
    support: kind === "folded" ? [0, 1] : [0, Number.POSITIVE_INFINITY],
    pdf,
    cdf,
    sf,
    mean,
    variance: second - mean * mean,
  });
}
