/**
 * The hard-edge law: the limit distribution of the smallest eigenvalue of the Laguerre β-ensemble
 * with weight x^a e^{−βx/2} (a > −1), in the scaled variable X = 4(N + a/β)·λ_min. The shift a/β
 * makes the finite-N law converge at the optimal rate O(N⁻²) instead of O(N⁻¹) (Bornemann, Ann.
 * Appl. Probab. 26 (2016) 1942–1946 for β = 2; Forrester & Trinh, Stud. Appl. Math. 143 (2019)
 * 315–336 for general β), which the tests measure against the exact finite-N law at β = 2.
 *
 * P(X > x) = E_β(x; a) is a Fredholm determinant of the finite Hankel transform V_b
 * (besselHankel.ts):
 *   β = 2, a > −1:  E₂ = det(I − V_a(x)²)   (the Bessel kernel; Tracy & Widom 1994);
 *   β = 1, a > −1:  E₁ = det(I − V_{2a+1}(x))  (Forrester, Nonlinearity 19 (2006) 2989; Desrosiers &
 *                   Forrester 2006: E₁^hard(0; (0, x); (b − 1)/2) = det(I − V_b));
 *   β = 4, a > 0:   E₄ = ½[det(I − V_{a−1}(4x)) + det(I + V_{a−1}(4x))]  (same references; for
 *                   a ≤ 0 no such form is known and the law is refused).
 * The β = 1, 4 forms (parameter maps and the factor 4) are checked against simulations of the
 * Laguerre tridiagonal model in the tests, and against Edelman's closed forms E₂(x; 0) = e^{−x/4}
 * and E₁(x; −½) = e^{−x/8 − √x/2} (Edelman, SIAM J. Matrix Anal. Appl. 9 (1988) 543–560: the
 * smallest eigenvalue of complex and real square Wishart matrices).
 * Evaluation: the Nyström determinant at each x (≈ 1 ms) in double precision, whose relative
 * accuracy in the upper tail is ≈ 1e−16·e^{2√X} (X = 100: 5e−8) because det(I − V²) and det(I ∓ V)
 * have factors 1 − ν ~ e^{−2√X}; for β = 2 the large-X expansion (besselAsymptotics.ts) takes over
 * as soon as its first omitted term is smaller than that (≈ 1e−9 relative at the switch for |a| ≤ 1,
 * exact for a = 0). For β = 1, 4 with an integer or half-integer order (β = 1: b = 2a + 1, β = 4:
 * b = a − 1 — every real and quaternion Wishart case) the determinants are computed in double-double
 * beyond X = 9 (besselSignedLogDeterminantDD, ≈ 3–40 ms): log sf to ≤ 2e−13 absolute, i.e. sf to
 * 2e−13 relative, up to X ≈ 600 (β = 1: sf ≈ 1e−38; β = 4: x = 150, sf ≈ 1e−28), measured against
 * Edelman's closed forms and 40-digit references (docs/local-statistics/hardEdgeTail.py); beyond,
 * the error grows (X = 800: 4e−10, X = 1000: 4e−7). Other orders keep the double determinants. The
 * determinants are evaluated up to X = 1600 (β = 4: x = 400); beyond, sf is returned as 0.
 *
 * @example
 * ```ts
 * const law = hardEdgeLaw(2, 0);
 * law.sf(4);  // e^{−1}: P(4N·λ_min > 4) for square complex Wishart (LUE, a = 0), N → ∞
 * law.quantile(0.5);
 * ```
 */

import { detExp, detLog, detLog1p } from "../special/deterministicMath.js";
import { gaussLegendre } from "../special/gaussLegendre.js";
import { hardEdgeAsymptotics } from "./besselAsymptotics.js";
import {
  BESSEL_HANKEL_MAX_X,
  besselGapLogDeterminant,
  besselHankelOrder,
  besselSignedLogDeterminants,
} from "./besselHankel.js";
import { besselSignedLogDeterminantDD, isHalfIntegerOrder } from "./besselHankelDD.js";
import { type ContinuousLaw, continuousLaw } from "./distribution.js";
import type { ClassicalBeta } from "./spacingLaw.js";

/**
 * Above this argument X of the determinants of β = 1, 4 (order integer or half-integer), they are
 * computed in double-double: the double ones lose ≈ 1e−16·e^{2√X} relative (4e−14 at X = 9).
 */
export const HARD_EDGE_DD_FROM = 9;

/**
 * log det(I − σV_b(X)) and its X-derivative in double-double (besselHankelDD.ts), written to out.
 */
function signedLogDeterminantDD(
  b: number,
  X: number,
  sigma: 1 | -1,
  out: Float64Array,
  at: number,
) {
  const t = Math.sqrt(X);
  const [value, dt] = besselSignedLogDeterminantDD(b, t, besselHankelOrder(b, X) + 4, sigma);
  out[at] = value;
  out[at + 1] = dt / (2 * t); // dt/dX = 1/(2t)
}

const ddValues = new Float64Array(4);

/**
 * log P(X > x) and its x-derivative (NaN-free for x > 0); `precise`: the determinants of β = 1, 4
 * in double-double beyond HARD_EDGE_DD_FROM when their order allows (relative accuracy in the
 * upper tail).
 */
function logSurvival(
  beta: ClassicalBeta,
  a: number,
  x: number,
  out: Float64Array,
  precise = true,
): void {
  if (beta === 2) {
    const d = besselGapLogDeterminant(a, x);
    out[0] = d.value;
    out[1] = d.d1;
    return;
  }
  const order = beta === 1 ? 2 * a + 1 : a - 1;
  const X = beta === 1 ? x : 4 * x;
  if (precise && X > HARD_EDGE_DD_FROM && isHalfIntegerOrder(order)) {
    if (beta === 1) {
      signedLogDeterminantDD(order, X, 1, out, 0);
      return;
    }
    signedLogDeterminantDD(order, X, 1, ddValues, 0);
    signedLogDeterminantDD(order, X, -1, ddValues, 2);
    const top = Math.max(ddValues[0], ddValues[2]);
    const wm = detExp(ddValues[0] - top);
    const wp = detExp(ddValues[2] - top);
    out[0] = top + detLog(0.5 * (wm + wp));
    out[1] = (4 * (wm * ddValues[1] + wp * ddValues[3])) / (wm + wp);
    return;
  }
  if (beta === 1) {
    const d = besselSignedLogDeterminants(2 * a + 1, x).minus;
    out[0] = d.value;
    out[1] = d.d1;
    return;
  }
  const d = besselSignedLogDeterminants(a - 1, 4 * x);
  // E = ½(e^{L₋} + e^{L₊}), E′ = 2(e^{L₋}L₋′ + e^{L₊}L₊′) (d/dx of L(4x) = 4L′).
  const top = Math.max(d.minus.value, d.plus.value);
  const wm = detExp(d.minus.value - top);
  const wp = detExp(d.plus.value - top);
  out[0] = top + detLog(0.5 * (wm + wp));
  out[1] = (4 * (wm * d.minus.d1 + wp * d.plus.d1)) / (wm + wp);
}

/** The largest x at which the determinants are evaluated for β = 1, 4. */
function evaluationLimit(beta: ClassicalBeta): number {
  return beta === 4 ? BESSEL_HANKEL_MAX_X / 4 : BESSEL_HANKEL_MAX_X;
}

/** Throws RangeError unless (β, a) has a hard-edge law here. */
export function checkHardEdge(beta: number, a: number): asserts beta is ClassicalBeta {
  if (beta !== 1 && beta !== 2 && beta !== 4) {
    throw new RangeError(`hard-edge laws: beta must be 1, 2 or 4, got ${beta}`);
  }
  if (!Number.isFinite(a) || (beta === 4 ? !(a > 0) : !(a > -1))) {
    throw new RangeError(
      `hard-edge laws: the exponent a must be ${beta === 4 ? "> 0 for beta = 4" : "> −1"}, got ${a}`,
    );
  }
  if (a > 50) throw new RangeError(`hard-edge laws: a must be <= 50 here, got ${a}`);
}

/**
 * The hard-edge limit law of X = 4(N + a/β)·λ_min for the Laguerre weight x^a e^{−βx/2}, β ∈ {1, 2, 4}
 * (module comment): a ContinuousLaw on [0, ∞). Each evaluation is a Nyström determinant.
 */
export function hardEdgeLaw(beta: ClassicalBeta, a: number): ContinuousLaw {
  checkHardEdge(beta, a);
  const values = new Float64Array(2);
  const expansion = beta === 2 ? hardEdgeAsymptotics(a) : undefined;
  const asymptotic = new Float64Array(4);
  const limit = evaluationLimit(beta);
  /** [log sf, (log sf)′] at x > 0, or −∞ beyond the evaluation range. */
  const evaluate = (x: number, precise = true): boolean => {
    if (expansion !== undefined && x > 16) {
      // The expansion where its first omitted term is below the Nyström determinant's own
      // rounding error, ≈ 1e−16·e^{2√x} (the factors 1 − ν² of det(I − V²); besselHankel.ts).
      expansion.evaluate(x, asymptotic);
      if (asymptotic[3] < 1e-16 * Math.exp(2 * Math.sqrt(x)) || x > BESSEL_HANKEL_MAX_X) {
        values[0] = asymptotic[0];
        values[1] = asymptotic[1];
        return true;
      }
    }
    if (x > limit) return false;
    logSurvival(beta, a, x, values, precise);
    return true;
  };
  /** sf with the double determinants (the moments: absolute accuracy suffices). */
  const sfDouble = (x: number) => {
    if (!(x > 0)) return 1;
    return evaluate(x, false) ? detExp(values[0]) : 0;
  };
  const sf = (x: number) => {
    if (!(x > 0)) return 1;
    return evaluate(x) ? detExp(values[0]) : 0;
  };
  const logsf = (x: number) => {
    if (!(x > 0)) return 0;
    return evaluate(x) ? values[0] : Number.NEGATIVE_INFINITY;
  };
  const cdf = (x: number) => {
    if (!(x > 0)) return 0;
    // 1 − e^{L} = −expm1(L), accurate for small x where L → 0.
    return evaluate(x) ? -expm1(values[0]) : 1;
  };
  const logpdf = (x: number) => {
    if (!(x > 0)) return Number.NEGATIVE_INFINITY;
    return evaluate(x) ? values[0] + detLog(-values[1]) : Number.NEGATIVE_INFINITY;
  };
  const pdf = (x: number) => {
    if (!(x > 0)) return 0;
    return evaluate(x) ? -values[1] * detExp(values[0]) : 0;
  };
  const name = `hard edge β = ${beta}, a = ${a}`;
  const provisional = continuousLaw({
    name,
    support: [0, Number.POSITIVE_INFINITY],
    pdf,
    logpdf,
    cdf,
    sf,
    logsf,
    logcdf: (x) => {
      if (!(x > 0)) return Number.NEGATIVE_INFINITY;
      const s = sf(x);
      return s < 0.5 ? detLog1p(-s) : detLog(cdf(x));
    },
    mean: Number.NaN,
    variance: Number.NaN,
  });
  // Mean and variance on first access (a few hundred determinants).
  let computed: [number, number] | undefined;
  const get = () => {
    computed ??= moments(provisional, sfDouble);
    return computed;
  };
  return Object.defineProperties({ ...provisional } as ContinuousLaw, {
    mean: { get: () => get()[0], enumerable: true },
    variance: { get: () => get()[1], enumerable: true },
  });
}

/** e^y − 1 from detExp, with the series for small |y| (no cancellation). */
function expm1(y: number): number {
  if (Math.abs(y) < 1e-5) return y * (1 + y * (0.5 + y / 6));
  return detExp(y) - 1;
}

/** Mean and variance by E[X] = ∫ sf, E[X²] = 2∫ x sf over [0, q(1 − 1e−17)] (Gauss–Legendre). */
function moments(law: ContinuousLaw, sf: (x: number) => number): [number, number] {
  // Integrate in y = √x: ∫ sf(x) dx = ∫ 2y sf(y²) dy, smooth at 0 for the hard edge.
  const top = Math.sqrt(law.isf(1e-17));
  const nodes = 48;
  const pieces = 6;
  let m1 = 0;
  let m2 = 0;
  const { nodes: t, weights: w } = gaussLegendre(nodes);
  for (let p = 0; p < pieces; p++) {
    const lo = (top * p) / pieces;
    const hi = (top * (p + 1)) / pieces;
    for (let k = 0; k < nodes; k++) {
      const y = lo + ((hi - lo) * (t[k] + 1)) / 2;
      const weight = ((hi - lo) * w[k]) / 2;
      const s = sf(y * y);
      m1 += weight * 2 * y * s;
      m2 += weight * 2 * y * 2 * y * y * s;
    }
  }
  return [m1, m2 - m1 * m1];
}
