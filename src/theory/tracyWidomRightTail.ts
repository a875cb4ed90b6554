/**
 * Right-tail asymptotics of the Tracy–Widom determinants, in logarithmic form so that they stay
 * finite (and keep their relative accuracy) however far right: used for t ≥ 17, where the Nyström
 * table ends and 1 − F < 1e−21.
 *
 * There B_t(x, y) = Ai(x + y + t) has trace tr B_t = ½J(t), J(t) = ∫_t^∞ Ai, and
 * tr B_t² = tr K_Ai = ∫_t^∞ (x − t)Ai(x)² dx; every further term of log det(I ∓ B_t) is smaller
 * by a factor O(Ai(t)) < 1e−21, below double rounding. Hence, with a = log F₁, b = log F₂,
 * u = ∫_t^∞ Ai² (= b′ to the same order) and the β = 4 combinations of tracyWidom.ts,
 *   −a = J/2,   a′ = Ai/2,   −b = tr K_Ai,   b′ = u,
 *   1 − F₄ = ½(tr B² − (tr B)²) = tr K_Ai/2 − J²/8,   dF₄/dt = u/2 − J·Ai/4,
 * (the β = 4 terms cancel at leading order: B_t is asymptotically of rank one). Each is written as
 * e^{−ζ} or e^{−2ζ} times a power of t times a series in 1/ζ, ζ = (2/3)t^{3/2}, built from the
 * Airy expansions (DLMF 9.7.5, 9.7.6)
 *   Ai(t) = e^{−ζ}S₀(ζ)/(2√π t^{1/4}),  Ai′(t) = −t^{1/4}e^{−ζ}S₁(ζ)/(2√π),
 *   S₀ = Σ(−1)^k u_k ζ^{−k},  S₁ = Σ(−1)^k v_k ζ^{−k},
 *   u_k = (2k+1)(2k+3)⋯(6k−1)/(216^k k!),  v_k = −(6k+1)/(6k−1)·u_k   (DLMF 9.7.2),
 * and the exact identities J = e^{−ζ}P(ζ)/(2√π t^{3/4}) with P − dP/dζ + P/(2ζ) = S₀ (so
 * p_k = (−1)^k u_k − (k − ½)p_{k−1}, from J′ = −Ai), u = Ai′² − tAi², and
 * tr K_Ai = (2t²Ai² − 2tAi′² − Ai·Ai′)/3 (both by differentiation, using Ai″ = tAi). The leading
 * terms that cancel in these combinations are removed exactly from the series (the coefficients
 * are exact zeros), so nothing cancels at run time.
 */

import { detLog } from "../special/deterministicMath.js";

/** Number of series terms kept: at ζ ≥ 46 (t ≥ 17) the 24th term is below 1e−30 of the first. */
const TERMS = 24;

/** Coefficients c_k of Σ c_k ζ^{−k}, k = 0 … TERMS − 1. */
type Series = Float64Array;

function product(a: Series, b: Series): Series {
  const out = new Float64Array(TERMS);
  for (let i = 0; i < TERMS; i++) {
    for (let j = 0; i + j < TERMS; j++) out[i + j] += a[i] * b[j];
  }
  return out;
}

/** ζ·Σ c_k ζ^{−k} = Σ c_{k+1} ζ^{−k} (valid when c_0 = 0). */
function timesZeta(a: Series): Series {
  const out = new Float64Array(TERMS);
  for (let k = 0; k + 1 < TERMS; k++) out[k] = a[k + 1];
  return out;
}

/** ζ^{−1}·Σ c_k ζ^{−k}. */
function overZeta(a: Series): Series {
  const out = new Float64Array(TERMS);
  for (let k = 1; k < TERMS; k++) out[k] = a[k - 1];
  return out;
}

function combine(alpha: number, a: Series, beta: number, b: Series): Series {
  const out = new Float64Array(TERMS);
  for (let k = 0; k < TERMS; k++) out[k] = alpha * a[k] + beta * b[k];
  return out;
}

/** The series of the file comment, computed once at load (exact zeros set where terms cancel). */
function buildSeries() {
  const s0 = new Float64Array(TERMS);
  const s1 = new Float64Array(TERMS);
  let u = 1;
  s0[0] = 1;
  s1[0] = 1;
  for (let k = 1; k < TERMS; k++) {
    u *= ((6 * k - 5) * (6 * k - 3) * (6 * k - 1)) / (216 * k * (2 * k - 1));
    const sign = k % 2 === 0 ? 1 : -1;
    s0[k] = sign * u;
    s1[k] = (sign * -(6 * k + 1) * u) / (6 * k - 1);
  }
  const p = new Float64Array(TERMS);
  p[0] = 1;
  for (let k = 1; k < TERMS; k++) p[k] = s0[k] - (k - 0.5) * p[k - 1];
  // E = S₀² − S₁² (E₀ = 0 exactly, E₁ = −1/3).
  const e = combine(1, product(s0, s0), -1, product(s1, s1));
  e[0] = 0;
  // T = 3ζE + S₀S₁ = Σ_k≥1 (tr K_Ai = e^{−2ζ}T/(12π)); T₀ = 3E₁ + 1 = 0.
  const trace = combine(3, timesZeta(e), 1, product(s0, s1));
  trace[0] = 0;
  // X = 2T − P²/ζ (1 − F₄ = e^{−2ζ}X/(48π)); X₀ = X₁ = 0.
  const sf4 = combine(2, trace, -1, overZeta(product(p, p)));
  sf4[0] = 0;
  sf4[1] = 0;
  // Y = −3ζE − P·S₀ (dF₄/dt = e^{−2ζ}Y/(16πt)); Y₀ = 1 − 1 = 0.
  const pdf4 = combine(-3, timesZeta(e), -1, product(p, s0));
  pdf4[0] = 0;
  // −E (u = e^{−2ζ}√t·(−E)/(4π)).
  const minusE = combine(-1, e, 0, e);
  return { s0, p, trace, minusE, sf4, pdf4 };
}

const SERIES = buildSeries();

/** log Σ c_k y^k for y = 1/ζ and a series whose terms decrease (Horner; c has exact leading zeros). */
function logSeries(c: Series, y: number): number {
  let first = 0;
  while (c[first] === 0) first++;
  let sum = 0;
  for (let k = TERMS - 1; k > first; k--) sum = (sum + c[k]) * y;
  // sum = Σ_{k>first} c_k y^{k−first}, so Σ_{k≥first} c_k y^k = y^first·(c_first + sum).
  const head = detLog(c[first] + sum);
  return first === 0 ? head : first * detLog(y) + head;
}

/** log(4√π), log(12π), log(48π), log(16π), log(4π). */
const LOG_4_SQRT_PI = 1.9586593040445908;
const LOG_12_PI = 3.6296365356374003;
const LOG_48_PI = 5.0159308967572915;
const LOG_16_PI = 3.9173186080891815;
const LOG_4_PI = 2.5310242469692907;

export interface AiryRightTail {
  /** log(−log F₁(t)) = log(J/2). */
  logMinusA: number;
  /** log((log F₁)′(t)) = log(Ai/2). */
  logDA: number;
  /** log(−log F₂(t)) = log tr K_Ai. */
  logMinusB: number;
  /** log((log F₂)′(t)) = log ∫_t^∞ Ai². */
  logDB: number;
  /** log(1 − F₄(t)) with F₄(t) = ½(det(I − B_t) + det(I + B_t)) (the t-variable β = 4 law). */
  logSf4: number;
  /** log(dF₄/dt). */
  logPdf4: number;
}

/**
 * The right-tail quantities above at t (meant for t ≥ 17; the series alone are asymptotic and
 * accurate to rounding there). Finite for every finite t up to the overflow of ζ (t ≈ 1e205),
 * then −∞.
 */
export function airyRightTail(t: number): AiryRightTail {
  if (!(t > 1)) throw new RangeError(`the right-tail expansion needs t > 1, got ${t}`);
  const logT = detLog(t);
  const zeta = (2 / 3) * t * Math.sqrt(t);
  const y = 1 / zeta;
  const { s0, p, trace, minusE, sf4, pdf4 } = SERIES;
  // Series in 1/ζ: S₀ gives Ai, P gives J; the rest as in the file comment.
  const logAiHalf = -zeta - 0.25 * logT - LOG_4_SQRT_PI + logSeries(s0, y);
  return {
    logMinusA: -zeta - 0.75 * logT - LOG_4_SQRT_PI + logSeries(p, y),
    logDA: logAiHalf,
    logMinusB: -2 * zeta - LOG_12_PI + logSeries(trace, y),
    logDB: -2 * zeta + 0.5 * logT - LOG_4_PI + logSeries(minusE, y),
    logSf4: -2 * zeta - LOG_48_PI + logSeries(sf4, y),
    logPdf4: -2 * zeta - logT - LOG_16_PI + logSeries(pdf4, y),
  };
}
