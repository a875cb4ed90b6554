/**
 * Gauss–Jacobi quadrature on (0, 1) for the weight u^γ (γ > −1):
 *   ∫₀¹ f(u) u^γ du ≈ Σ_k w_k f(u_k),  exact for polynomials f of degree ≤ 2m − 1
 * (the Jacobi rule with α = 0, β = γ on (−1, 1) mapped by u = (1 + x)/2; DLMF 3.5.28, 18.3).
 *
 * Nodes: Golub & Welsch (Math. Comp. 23 (1969) 221–230): the eigenvalues of the Jacobi matrix of
 * the shifted Jacobi polynomials, here by Sturm bisection (tridiagonal/bisection.ts, absolute
 * accuracy ≈ 2 ulp), then two Newton steps on the three-term recurrence (DLMF 18.9.2) in u itself
 * so that the small nodes near u = 0 keep their relative accuracy. Weights: the Christoffel
 * numbers w_k = 1/Σ_{j<m} p_j(u_k)², p_j the orthonormal polynomials (Golub–Welsch, eq. (5.3);
 * Gautschi, Orthogonal Polynomials, Thm 1.46). μ₀ = ∫₀¹ u^γ du = 1/(γ + 1) is exact, so the
 * rule needs no Gamma function. Only exactly rounded operations are used (+, −, ×, ÷, √): the
 * nodes and weights are the same bits in every JavaScript engine. O(m²); cached per (m, γ).
 */

import { DD_LOW, ddAdd, ddDiv, ddMul, ddSqrt } from "../special/doubleDouble.js";
import { bisectEigenvalue, gershgorinUnchecked } from "../tridiagonal/bisection.js";
import { pivotMinimum } from "../tridiagonal/sturm.js";

export interface UnitJacobiRule {
  /** The m nodes in (0, 1), ascending. */
  readonly nodes: Float64Array;
  /** The m positive weights. */
  readonly weights: Float64Array;
}

const cache = new Map<string, UnitJacobiRule>();

/**
 * The m-point Gauss rule on (0, 1) for the weight u^γ, γ > −1 (see the module comment). The arrays
 * are shared (cached): do not modify them.
 *
 * @example
 * ```ts
 * const { nodes, weights } = gaussJacobiUnit(10, 0.5);
 * let s = 0;
 * for (let k = 0; k < 10; k++) s += weights[k] * nodes[k] ** 3; // ∫₀¹ u^3.5 du = 1/4.5
 * ```
 */
export function gaussJacobiUnit(m: number, gamma: number): UnitJacobiRule {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`m must be a positive integer, got ${m}`);
  if (!(gamma > -1 && Number.isFinite(gamma))) {
    throw new RangeError(`gamma must be a finite number > −1, got ${gamma}`);
  }
  const key = `${m}:${gamma}`;
  let rule = cache.get(key);
  if (rule === undefined) {
    rule = computeRule(m, gamma);
    cache.set(key, rule);
  }
  return rule;
}

/**
 * Recurrence of the orthonormal polynomials for u^γ on (0, 1): u p_j = β_{j+1} p_{j+1} + α_j p_j +
 * β_j p_{j−1}, from the Jacobi (α = 0, β = γ) coefficients on (−1, 1) (DLMF 18.9.2) under
 * u = (1 + x)/2: α_j = (1 + a_j)/2, β_j² = b_j/4 with
 *   a_j = (γ² − 0)/((2j + γ)(2j + γ + 2)),  b_j = 4j²(j + γ)²/((2j + γ)²(2j + γ + 1)(2j + γ − 1)).
 * a_0 = γ/(γ + 2) is written without the 0/0 of γ = 0.
 */
function recurrence(
  m: number,
  gamma: number,
): { diagonal: Float64Array; offSquared: Float64Array } {
  const diagonal = new Float64Array(m);
  const offSquared = new Float64Array(Math.max(m - 1, 0));
  for (let j = 0; j < m; j++) {
    const t = 2 * j + gamma;
    // 1 + a_j = 1 + γ²/(t(t + 2)); for j = 0, a_0 = γ/(γ + 2).
    const aj = j === 0 ? gamma / (gamma + 2) : (gamma * gamma) / (t * (t + 2));
    diagonal[j] = (1 + aj) / 2;
    if (j >= 1) {
      const bj = (4 * j * j * (j + gamma) * (j + gamma)) / (t * t * (t + 1) * (t - 1));
      offSquared[j - 1] = bj / 4;
    }
  }
  return { diagonal, offSquared };
}

function computeRule(m: number, gamma: number): UnitJacobiRule {
  const { diagonal, offSquared } = recurrence(m, gamma);
  const nodes = new Float64Array(m);
  const weights = new Float64Array(m);
  if (m === 1) {
    nodes[0] = diagonal[0];
    weights[0] = 1 / (gamma + 1);
    return { nodes, weights };
  }
  const offDiagonal = new Float64Array(m - 1);
  for (let j = 0; j < m - 1; j++) offDiagonal[j] = Math.sqrt(offSquared[j]);
  const pivmin = pivotMinimum(offSquared);
  const [lo, hi] = gershgorinUnchecked(diagonal, offSquared, m, pivmin);
  const tolerance = 2 * 2 ** -52 * Math.max(Math.abs(lo), Math.abs(hi)) + 2 * pivmin;
  const mu0 = 1 / (gamma + 1);
  const values = new Float64Array(3);
  for (let k = 0; k < m; k++) {
    let u = bisectEigenvalue(diagonal, offSquared, m, k, lo, hi, tolerance, pivmin);
    // Newton on p_m (relative accuracy for nodes near 0, where bisection is only absolute).
    for (let step = 0; step < 2; step++) {
      orthonormalValues(diagonal, offDiagonal, mu0, m, u, values);
      const next = u - values[0] / values[1];
      if (next > 0 && next < 1) u = next;
    }
    orthonormalValues(diagonal, offDiagonal, mu0, m, u, values);
    nodes[k] = u;
    weights[k] = 1 / values[2];
  }
  return { nodes, weights };
}

/**
 * At u: out[0] = p_m(u), out[1] = p_m′(u) (both up to the same positive factor), out[2] =
 * Σ_{j<m} p_j(u)² for the orthonormal p_j (p_0 = 1/√μ₀), by the three-term recurrence.
 */
function orthonormalValues(
  diagonal: Float64Array,
  off: Float64Array,
  mu0: number,
  m: number,
  u: number,
  out: Float64Array,
): void {
  let previous = 0;
  let current = 1 / Math.sqrt(mu0);
  let dPrevious = 0;
  let dCurrent = 0;
  let sumSquares = current * current;
  for (let j = 0; j < m; j++) {
    const beta = j === 0 ? 0 : off[j - 1];
    // β_{j+1} p_{j+1} = (u − α_j) p_j − β_j p_{j−1}; p_m uses β_m := 1 (a positive factor).
    const next = j + 1 < m ? off[j] : 1;
    const p = ((u - diagonal[j]) * current - beta * previous) / next;
    const dp = (current + (u - diagonal[j]) * dCurrent - beta * dPrevious) / next;
    previous = current;
    current = p;
    dPrevious = dCurrent;
    dCurrent = dp;
    if (j + 1 < m) sumSquares += current * current;
  }
  out[0] = current;
  out[1] = dCurrent;
  out[2] = sumSquares;
}

/** A Gauss–Jacobi rule on (0, 1) in double-double: nodes and weights as (hi, lo) arrays. */
export interface UnitJacobiRuleDD {
  readonly nodesHi: Float64Array;
  readonly nodesLo: Float64Array;
  readonly weightsHi: Float64Array;
  readonly weightsLo: Float64Array;
}

const cacheDD = new Map<string, UnitJacobiRuleDD>();

/**
 * The rule of gaussJacobiUnit(m, γ) refined to double-double accuracy (≈ 1e−30): two Newton steps
 * on p_m with the recurrence evaluated in double-double from its exact rational coefficients
 * (γ must be an integer ≥ 0 here, so that they are exact), weights 1/Σ p_j² likewise. For the
 * double-double Nyström matrices of theory/besselHankelDD.ts. Cached; do not modify the arrays.
 */
export function gaussJacobiUnitDD(m: number, gamma: number): UnitJacobiRuleDD {
  if (!Number.isInteger(gamma) || gamma < 0) {
    throw new RangeError(`gaussJacobiUnitDD needs an integer gamma >= 0, got ${gamma}`);
  }
  const key = `${m}:${gamma}`;
  let rule = cacheDD.get(key);
  if (rule !== undefined) return rule;
  const base = gaussJacobiUnit(m, gamma);
  // Recurrence u p_j = β_{j+1} p_{j+1} + α_j p_j + β_j p_{j−1} in double-double:
  // α_j = (1 + a_j)/2, a_j = γ²/((2j+γ)(2j+γ+2)) (a_0 = γ/(γ+2)); β_j = √b_j/2,
  // b_j = 4j²(j+γ)²/((2j+γ)²(2j+γ+1)(2j+γ−1)) — integer numerators and denominators < 2^53.
  const alphaHi = new Float64Array(m);
  const alphaLo = new Float64Array(m);
  const betaHi = new Float64Array(m + 1);
  const betaLo = new Float64Array(m + 1);
  for (let j = 0; j < m; j++) {
    const t = 2 * j + gamma;
    const num = j === 0 ? gamma : gamma * gamma;
    const den = j === 0 ? gamma + 2 : t * (t + 2);
    // (1 + num/den)/2 = (den + num)/(2 den)
    alphaHi[j] = ddDiv(den + num, 0, 2 * den, 0);
    alphaLo[j] = DD_LOW[0];
    if (j >= 1) {
      const bNum = 4 * j * j * (j + gamma) * (j + gamma);
      const bDen = t * t * (t + 1) * (t - 1);
      const q = ddDiv(bNum, 0, 4 * bDen, 0);
      betaHi[j] = ddSqrt(q, DD_LOW[0]);
      betaLo[j] = DD_LOW[0];
    }
  }
  // β_m := 1 (a positive factor for p_m).
  betaHi[m] = 1;
  const rootMu = ddSqrt(gamma + 1, 0); // 1/√μ₀ = √(γ + 1)
  const rootMuLo = DD_LOW[0];
  const nodesHi = new Float64Array(m);
  const nodesLo = new Float64Array(m);
  const weightsHi = new Float64Array(m);
  const weightsLo = new Float64Array(m);
  const values = new Float64Array(6);
  for (let k = 0; k < m; k++) {
    let uh = base.nodes[k];
    let ul = 0;
    for (let step = 0; step < 2; step++) {
      recurrenceDD(alphaHi, alphaLo, betaHi, betaLo, rootMu, rootMuLo, m, uh, ul, values);
      // u ← u − p/p′
      const q = ddDiv(values[0], values[1], values[2], values[3]);
      uh = ddAdd(uh, ul, -q, -DD_LOW[0]);
      ul = DD_LOW[0];
    }
    recurrenceDD(alphaHi, alphaLo, betaHi, betaLo, rootMu, rootMuLo, m, uh, ul, values);
    nodesHi[k] = uh;
    nodesLo[k] = ul;
    weightsHi[k] = ddDiv(1, 0, values[4], values[5]);
    weightsLo[k] = DD_LOW[0];
  }
  rule = { nodesHi, nodesLo, weightsHi, weightsLo };
  cacheDD.set(key, rule);
  return rule;
}

/** p_m(u), p_m′(u), Σ_{j<m} p_j(u)² in double-double (out[0..5] as hi, lo pairs). */
function recurrenceDD(
  alphaHi: Float64Array,
  alphaLo: Float64Array,
  betaHi: Float64Array,
  betaLo: Float64Array,
  p0h: number,
  p0l: number,
  m: number,
  uh: number,
  ul: number,
  out: Float64Array,
): void {
  let prevH = 0;
  let prevL = 0;
  let curH = p0h;
  let curL = p0l;
  let dPrevH = 0;
  let dPrevL = 0;
  let dCurH = 0;
  let dCurL = 0;
  let sumH = ddMul(curH, curL, curH, curL);
  let sumL = DD_LOW[0];
  for (let j = 0; j < m; j++) {
    // (u − α_j)
    const dh = ddAdd(uh, ul, -alphaHi[j], -alphaLo[j]);
    const dl = DD_LOW[0];
    // p = ((u − α_j) p_j − β_j p_{j−1}) / β_{j+1}
    let ah = ddMul(dh, dl, curH, curL);
    let al = DD_LOW[0];
    let bh = ddMul(betaHi[j], betaLo[j], prevH, prevL);
    let bl = DD_LOW[0];
    let nh = ddAdd(ah, al, -bh, -bl);
    let nl = DD_LOW[0];
    const pH = ddDiv(nh, nl, betaHi[j + 1], betaLo[j + 1]);
    const pL = DD_LOW[0];
    // p′ = (p_j + (u − α_j) p_j′ − β_j p_{j−1}′) / β_{j+1}
    ah = ddMul(dh, dl, dCurH, dCurL);
    al = DD_LOW[0];
    bh = ddMul(betaHi[j], betaLo[j], dPrevH, dPrevL);
    bl = DD_LOW[0];
    nh = ddAdd(ah, al, -bh, -bl);
    nl = DD_LOW[0];
    nh = ddAdd(nh, nl, curH, curL);
    nl = DD_LOW[0];
    const dpH = ddDiv(nh, nl, betaHi[j + 1], betaLo[j + 1]);
    const dpL = DD_LOW[0];
    prevH = curH;
    prevL = curL;
    curH = pH;
    curL = pL;
    dPrevH = dCurH;
    dPrevL = dCurL;
    dCurH = dpH;
    dCurL = dpL;
    if (j + 1 < m) {
      const sq = ddMul(curH, curL, curH, curL);
      sumH = ddAdd(sumH, sumL, sq, DD_LOW[0]);
      sumL = DD_LOW[0];
    }
  }
  out[0] = curH;
  out[1] = curL;
  out[2] = dCurH;
  out[3] = dCurL;
  out[4] = sumH;
  out[5] = sumL;
}
