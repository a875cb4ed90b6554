/**
 * Left-tail asymptotics of the Tracy–Widom determinants, used where the Nyström determinants
 * lose relative accuracy (t < −7: there det(I − B_t) < 1e−8 and its rounding error, about
 * 1e−16 absolute, becomes a large relative error).
 *
 * With x = −t → +∞ and q the Hastings–McLeod solution of Painlevé II (q″ = sq + 2q³,
 * q(s) ~ Ai(s) as s → +∞):
 *   log F₂(−x) = −x³/12 − (1/8) log x + log τ₂ + Σ_k β_k x^{−3k},  log τ₂ = (1/24) log 2 + ζ′(−1)
 *     (Tracy–Widom 1994; the constant by Deift–Its–Krasovsky 2008 and Baik–Buckingham–DiFranco 2008),
 *   I(x) = ∫_{−x}^∞ q(s) ds = (√2/3) x^{3/2} + ½ log 2 + (1/√2) Σ_{n≥1} g_n x^{3/2 − 3n}
 *     (the constant from the F₁ tail constant of Baik–Buckingham–DiFranco 2008),
 *   log det(I − B_t) = ½(log F₂ − I),  log det(I + B_t) = ½(log F₂ + I)
 *     (F₁ = √F₂·e^{−I/2} and F₂/F₁ = √F₂·e^{I/2}, Tracy–Widom 1996).
 * The coefficients follow from q(−x) = √(x/2) Σ_n a_n x^{−3n}, a_0 = 1, a_1 = −1/8, a_2 = −73/128,
 * a_3 = −10657/1024, … (substitution into Painlevé II, solved order by order, exact rationals):
 * β_k = −e_{k+1}/(2(3k+1)(3k)) with Σ e_n y^n = (Σ a_n y^n)², and g_n = a_n/(3/2 − 3n).
 * The series are summed up to their smallest term; agreement with the Nyström values is ~1e−10
 * (relative) at t = −7.5 (checked in the tests).
 */

import { detLog } from "../special/deterministicMath.js";
import type { AiryFredholmValues } from "./tracyWidomFredholm.js";

/** β_k, k = 1…12: coefficients of x^{−3k} in log F₂(−x) (β_1 = 3/64, β_2 = 63/256, β_3 = 2407/512, …). */
const BETA = [
  0.046875, 0.24609375, 4.701171875, 196.3692626953125, 14405.56534423828, 1641033.9159545898,
  268240558.6578271, 59546912862.59937, 17239836229292.434, 6310442064060614.0,
  2.849520350084679e18, 1.5560421036463167e21,
];
/** g_n, n = 1…13: coefficients of x^{3/2−3n}/√2 in I(x) (g_1 = 1/12, g_2 = 73/576, g_3 = 10657/7680, …). */
const GAMMA = [
  0.08333333333333333, 0.1267361111111111, 1.3876302083333334, 40.435142880394345,
  2273.526776066533, 209785.9728025523, 28804523.37390435, 5511099235.5023365, 1401726159897.379,
  457468866538393.7, 1.863607261232818e17, 9.269285541110946e19, 5.528136865469638e22,
];
/** a_n, n = 1…13: q(−x) = √(x/2)(1 + Σ a_n x^{−3n}). */
const QA = [
  -0.125, -0.5703125, -10.4072265625, -424.5690002441406, -30692.611476898193, -3461468.551242113,
  -561688205.7911348, -123999732798.80257, -35744017077383.164, -1.303786269634422e16,
  -5.870362872883376e18, -3.197903511683276e21, -2.0730513245511143e24,
];
/** log τ₂ = (1/24) log 2 + ζ′(−1). */
const LOG_TAU2 = -0.13654001117711986;

/**
 * Sums Σ_{k≥1} c_k y^k up to the smallest term (optimal truncation of an asymptotic series);
 * also returns Σ k c_k y^k in `derivativeSum` (for the x-derivative).
 */
function asymptoticSum(c: readonly number[], y: number): { sum: number; derivativeSum: number } {
  let sum = 0;
  let derivativeSum = 0;
  let power = y;
  let previous = Number.POSITIVE_INFINITY;
  for (let k = 0; k < c.length; k++) {
    const term = c[k] * power;
    if (Math.abs(term) > previous) break;
    sum += term;
    derivativeSum += (k + 1) * term;
    previous = Math.abs(term);
    power *= y;
  }
  return { sum, derivativeSum };
}

/**
 * The quantities of airyFredholmDeterminants (log det(I ∓ B_t), log F₂ and t-derivatives)
 * from the left-tail expansions above; valid for t ≤ −6 (relative error below 1e−8 there,
 * below 1e−10 for t ≤ −7.5).
 */
export function airyFredholmLeftTail(t: number): AiryFredholmValues {
  if (!(t < 0)) throw new RangeError(`the left-tail expansion needs t < 0, got ${t}`);
  const x = -t;
  const y = 1 / (x * x * x);
  const sqrtX = Math.sqrt(x);
  // log F₂(−x) and d/dx.
  const b = asymptoticSum(BETA, y);
  const logF2 = -(x * x * x) / 12 - detLog(x) / 8 + LOG_TAU2 + b.sum;
  const dLogF2dx = -(x * x) / 4 - 1 / (8 * x) - (3 * b.derivativeSum) / x;
  // I(x) and dI/dx = q(−x).
  const g = asymptoticSum(GAMMA, y);
  const integral = (Math.SQRT2 / 3) * x * sqrtX + Math.LN2 / 2 + ((x * sqrtX) / Math.SQRT2) * g.sum;
  const q = asymptoticSum(QA, y);
  const dIdx = (sqrtX / Math.SQRT2) * (1 + q.sum);
  // d/dt = −d/dx.
  return {
    logDetMinus: 0.5 * (logF2 - integral),
    logDetPlus: 0.5 * (logF2 + integral),
    logDetSquare: logF2,
    dLogDetMinus: -0.5 * (dLogF2dx - dIdx),
    dLogDetPlus: -0.5 * (dLogF2dx + dIdx),
    dLogDetSquare: -dLogF2dx,
  };
}
