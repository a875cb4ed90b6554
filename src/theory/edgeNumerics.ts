/**
 * Numerical pieces shared by the exact finite-N λ_max laws (hermite-, goe-, gse-, laguerre-, loe-,
 * lseLargestEigenvalueCdf.ts): the 2^{±600} rescaling of the three-term recurrences and the
 * double-double logarithm of the accumulated factor, the expected counts of zeros/eigenvalues above
 * x that set quadrature orders and cut-offs, and the Nyström determinant of the Pfaffian laws.
 */

import { gaussLegendre } from "../special/gaussLegendre.js";
import { luFactorIdentityPlus } from "./tracyWidomLinearAlgebra.js";

/** Rescaling threshold of the recurrences, 2^600, its inverse and its exponent. */
export const RESCALE_BIG = 2 ** 600;
export const RESCALE_SMALL = 2 ** -600;
export const RESCALE_BITS = 600;
/** ln 2 as a double-double (ln 2 = LN2_HI + LN2_LO to ~1e−33). */
const LN2_HI = Math.LN2;
const LN2_LO = 2.3190468138462996e-17;
/** Dekker's splitting constant 2^27 + 1. */
const SPLITTER = 134217729;

/** The rounding error of s = fl(a + b) (Knuth's TwoSum). */
export function twoSumError(a: number, b: number, s: number): number {
  const bVirtual = s - a;
  const aVirtual = s - bVirtual;
  return a - aVirtual + (b - bVirtual);
}

/** The rounding error of fl(x·x) (Dekker's exact product): x² = fl(x²) + squareError(x). */
export function squareError(x: number, square: number): number {
  const xHi = SPLITTER * x - (SPLITTER * x - x);
  const xLo = x - xHi;
  return xHi * xHi - square + 2 * xHi * xLo + xLo * xLo;
}

/**
 * a + aLo + 600·e·ln 2 + rest in double-double, rounded once: the log of a recurrence's Gaussian or
 * exponential factor after e rescalings by 2^{−600}. Near the soft edge a (−x²/4, −x²/2 or −x, ~N)
 * and the log of the recurrence value cancel, so the sum must be exact to far below 1 ulp of N
 * (600e exact, ln 2 split by Dekker; aLo the rounding error of a).
 */
export function rescaledLog(a: number, aLo: number, exponent: number, rest: number): number {
  const bits = RESCALE_BITS * exponent;
  const product = bits * LN2_HI;
  const bitsHi = SPLITTER * bits - (SPLITTER * bits - bits);
  const bitsLo = bits - bitsHi;
  const lnHi = SPLITTER * LN2_HI - (SPLITTER * LN2_HI - LN2_HI);
  const lnLo = LN2_HI - lnHi;
  const productLo = bitsHi * lnHi - product + bitsHi * lnLo + bitsLo * lnHi + bitsLo * lnLo;
  const sum = a + product;
  const sumLo = twoSumError(a, product, sum);
  return sum + (sumLo + productLo + bits * LN2_LO + aLo + rest);
}

/**
 * Expected number of zeros of the n-th Hermite function above x, or of the points of the n-point
 * Hermite ensemble, from the semicircle law on [−edge, edge] (Gawronski 1987):
 * n·(arccos u − u√(1 − u²))/π with u = x/edge.
 */
export function semicircleCountAbove(x: number, n: number, edge: number): number {
  const u = x / edge;
  if (u >= 1) return 0;
  if (u <= -1) return n;
  return (n * (Math.acos(u) - u * Math.sqrt(1 - u * u))) / Math.PI;
}

/**
 * Expected number of eigenvalues above x of the n×m Wishart spectrum (and of zeros of Laguerre
 * polynomials), from the Marchenko–Pastur law: ∫_x^{b} √((b−t)(t−c))/(2πt) dt, c, b = (√m ∓ √n)²,
 * by 32-point Gauss–Legendre in t = (c+b)/2 + ((b−c)/2)cos θ; `below` (default min(n, m)) is returned
 * for x ≤ c.
 */
export function marchenkoPasturCountAbove(
  x: number,
  n: number,
  m: number,
  below: number = Math.min(n, m),
): number {
  const root = Math.sqrt(m * n);
  const lo = m + n - 2 * root;
  const hi = m + n + 2 * root;
  if (x >= hi) return 0;
  if (x <= lo) return below;
  const mid = 0.5 * (lo + hi);
  const rad = 0.5 * (hi - lo);
  const thetaX = Math.acos((x - mid) / rad);
  const { nodes, weights } = gaussLegendre(32);
  let sum = 0;
  for (let i = 0; i < 32; i++) {
    const theta = 0.5 * thetaX * (nodes[i] + 1);
    const s = Math.sin(theta);
    sum += (weights[i] * rad * rad * s * s) / (2 * Math.PI * (mid + rad * Math.cos(theta)));
  }
  return 0.5 * thetaX * sum;
}

/**
 * The β = 4 Pfaffian laws' Nyström determinant: with y = [U V] (2m vectors of length `size`,
 * y[a·size + i]; U = √w·g(t_a), V = √w·g′(t_a)) and z = C∞⁻¹y likewise, G = yᵀz is antisymmetric and
 * F² = det(I − J·G), J = [[0, I], [−I, 0]] (Sylvester's identity applied to det(I − C∞⁻¹R),
 * R = Y J Yᵀ; gseLargestEigenvalueCdf.ts). Returns F = √det, or 0 when det ≤ 0 (F below rounding).
 */
export function symplecticNystromCdf(
  y: Float64Array,
  z: Float64Array,
  m: number,
  size: number,
): number {
  const dim = 2 * m;
  const gram = new Float64Array(dim * dim);
  for (let a = 0; a < dim; a++) {
    const ya = a * size;
    for (let b = a + 1; b < dim; b++) {
      const zb = b * size;
      let sum = 0;
      for (let i = 0; i < size; i++) sum += y[ya + i] * z[zb + i];
      gram[a * dim + b] = sum;
      gram[b * dim + a] = -sum;
    }
  }
  // I − J·G: rows a < m are −G_{m+a,·}, rows m + a are +G_{a,·} (as I + mat for luFactorIdentityPlus).
  const mat = new Float64Array(dim * dim);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < dim; b++) {
      mat[a * dim + b] = -gram[(m + a) * dim + b];
      mat[(m + a) * dim + b] = gram[a * dim + b];
    }
  }
  const pivots = new Int32Array(dim);
  const logDet = luFactorIdentityPlus(mat, dim, pivots);
  if (Number.isNaN(logDet)) return 0;
  return Math.min(1, Math.exp(0.5 * logDet));
}
