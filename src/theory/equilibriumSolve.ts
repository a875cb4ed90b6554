/**
 * Numerical one-cut equilibrium measure of any polynomial potential, with a validity check.
 *
 * Unknowns: centre c and half-width r of the support [c − r, c + r]. Equations (see
 * equilibriumOneCut.ts): F₁ = V'_0(c, r) = 0 and F₂ = r·V'_1(c, r) − 4 = 0, where V'_k are the
 * Chebyshev coefficients of t ↦ V'(c + r t). With W_k those of t ↦ V''(c + r t), the Jacobian is
 *   ∂F₁/∂c = W_0,  ∂F₁/∂r = W_1/2,  ∂F₂/∂c = r W_1,  ∂F₂/∂r = V'_1 + r (W_0 + W_2/2)
 * (from ∂_r V'(c + r t) = t V''(c + r t) and t T_k = (T_{k+1} + T_{|k−1|})/2). Damped Newton from
 * the best semicircle fit (equilibriumSemicircleFit.ts).
 *
 * The one-cut ansatz is valid iff (Saff & Totik 1997, Thm IV.1.11; Deift, Orthogonal Polynomials
 * and Random Matrices, 1999, §6.6) the density is ≥ 0, i.e. h(t) = Σ V'_k U_{k−1}(t) ≥ 0 on
 * [−1, 1], and the effective potential φ = V − 2∫log|x − y| dμ − ℓ is ≥ 0 off the support, where
 * φ'(x) = sgn(t) √(t² − 1) h(t): we check φ at every real zero of h outside [−1, 1] (the only
 * candidates for its minima), integrating √(s²−1) h(s) with s = ±cosh u.
 */

import { evaluatePolynomial } from "../potentials/polynomial.js";
import { createRealRootsWork, realRoots } from "../potentials/realRoots.js";
import { detExp, detHypot, detLog } from "../special/deterministicMath.js";
import { derivativeChebyshev, type OneCutMeasure, oneCutMeasure } from "./equilibriumOneCut.js";
import { semicircleFit } from "./equilibriumSemicircleFit.js";

/** Result of solveOneCutEquilibrium: the measure, or the reason the one-cut ansatz fails. */
export type OneCutSolution =
  | { ok: true; measure: OneCutMeasure; iterations: number }
  | { ok: false; reason: string; support?: [number, number] };

/** Monomial coefficients of h(t) = Σ_{k≥1} V'_k U_{k−1}(t) (U by its three-term recurrence). */
function densityFactorPolynomial(cheb: Float64Array): Float64Array {
  const d = cheb.length - 1;
  const h = new Float64Array(Math.max(d, 1));
  let uPrev = new Float64Array(Math.max(d, 1)); // U_{-1} = 0
  let u = new Float64Array(Math.max(d, 1)); // U_0 = 1
  u[0] = 1;
  for (let k = 1; k <= d; k++) {
    for (let j = 0; j < u.length; j++) h[j] += cheb[k] * u[j];
    const next = new Float64Array(u.length);
    for (let j = 0; j < u.length - 1; j++) next[j + 1] += 2 * u[j];
    for (let j = 0; j < u.length; j++) next[j] -= uPrev[j];
    uPrev = u;
    u = next;
  }
  return h;
}

/** ∫_1^T √(s²−1) h(s) ds (T ≥ 1) with s = cosh w: ∫_0^{acosh T} sinh²w h(cosh w) dw, by Simpson. */
function outsideIntegral(h: Float64Array, end: number): number {
  // Engine-independent elementary functions (deterministicMath): acosh T = log(T + √(T² − 1)).
  const top = detLog(end + Math.sqrt((end - 1) * (end + 1)));
  const m = 2000;
  const step = top / m;
  let sum = 0;
  for (let i = 0; i <= m; i++) {
    const w = i * step;
    const e = detExp(w);
    const sinh = 0.5 * (e - 1 / e);
    const value = sinh * sinh * evaluatePolynomial(h, h.length - 1, 0.5 * (e + 1 / e));
    sum += (i === 0 || i === m ? 1 : i % 2 === 1 ? 4 : 2) * value;
  }
  return (sum * step) / 3;
}

/**
 * The one-cut equilibrium measure of V (coefficients lowest degree first, even degree, positive
 * leading coefficient) by Newton's method on the endpoint conditions, or { ok: false, reason }
 * when Newton fails or the one-cut ansatz is invalid (density negative inside, or effective
 * potential negative outside: the support has more than one interval).
 */
export function solveOneCutEquilibrium(
  coeffs: ArrayLike<number>,
  start?: { center: number; radius: number },
): OneCutSolution {
  const d = coeffs.length - 1;
  const dv = new Float64Array(d);
  for (let k = 1; k <= d; k++) dv[k - 1] = k * coeffs[k];
  let c: number;
  let r: number;
  if (start) {
    c = start.center;
    r = start.radius;
  } else {
    const fit = semicircleFit(coeffs);
    c = fit.mean;
    r = 2 * Math.sqrt(fit.variance);
  }
  const residual = (cc: number, rr: number) => {
    const v = derivativeChebyshev(coeffs, cc, rr);
    return { f1: v[0], f2: rr * v[1] - 4, v };
  };
  let { f1, f2, v } = residual(c, r);
  let iterations = 0;
  for (; iterations < 200; iterations++) {
    let size = 0;
    for (let k = 0; k < v.length; k++) size += Math.abs(v[k]);
    if (Math.abs(f1) <= 1e-14 * (1 + size) && Math.abs(f2) <= 1e-14 * 4) break;
    const w = derivativeChebyshev(dv, c, r);
    const w0 = w[0] ?? 0;
    const w1 = w[1] ?? 0;
    const w2 = w[2] ?? 0;
    const j11 = w0;
    const j12 = 0.5 * w1;
    const j21 = r * w1;
    const j22 = v[1] + r * (w0 + 0.5 * w2);
    const det = j11 * j22 - j12 * j21;
    if (!(Math.abs(det) > 0) || !Number.isFinite(det)) {
      return { ok: false, reason: "singular Jacobian in the endpoint equations" };
    }
    const dc = (f1 * j22 - f2 * j12) / det;
    const dr = (j11 * f2 - j21 * f1) / det;
    const norm = detHypot(f1 / (1 + size), f2 / 4);
    let lambda = 1;
    let accepted = false;
    for (let k = 0; k < 40; k++) {
      const cn = c - lambda * dc;
      const rn = r - lambda * dr;
      if (rn > 0) {
        const trial = residual(cn, rn);
        let sizeN = 0;
        for (let q = 0; q < trial.v.length; q++) sizeN += Math.abs(trial.v[q]);
        const normN = detHypot(trial.f1 / (1 + sizeN), trial.f2 / 4);
        if (normN < norm || normN < 1e-15) {
          c = cn;
          r = rn;
          ({ f1, f2, v } = trial);
          accepted = true;
          break;
        }
      }
      lambda *= 0.5;
    }
    if (!accepted) break;
  }
  let size = 0;
  for (let k = 0; k < v.length; k++) size += Math.abs(v[k]);
  if (!(Math.abs(f1) <= 1e-10 * (1 + size) && Math.abs(f2) <= 1e-10)) {
    return { ok: false, reason: "Newton's method did not converge for the endpoint equations" };
  }
  const support: [number, number] = [c - r, c + r];
  const h = densityFactorPolynomial(v);
  const roots = new Float64Array(h.length + 1);
  const work = createRealRootsWork(Math.max(h.length - 1, 1));
  const count = realRoots(h, h.length - 1, roots, work);
  let hScale = 0;
  for (let k = 0; k < h.length; k++) hScale += Math.abs(h[k]);
  for (let q = 0; q < count; q++) {
    const t = roots[q];
    if (Math.abs(t) < 1 - 1e-7) {
      // h changes sign inside (−1, 1): the density is negative next to x.
      const x = c + r * t;
      return {
        ok: false,
        reason: `the one-cut density is negative near x = ${x.toPrecision(6)} (the support is not one interval)`,
        support,
      };
    }
  }
  for (let q = 0; q < count; q++) {
    const t = roots[q];
    if (Math.abs(t) <= 1 + 1e-7) continue;
    // φ(x) = r ∫_1^t √(s²−1) h(s) ds (t > 1), or r ∫_{|t|}^{…} with h(−s) for t < −1.
    let phi: number;
    if (t > 0) phi = outsideIntegral(h, t);
    else {
      const hMirror = h.map((value, k) => (k % 2 === 0 ? value : -value));
      phi = outsideIntegral(hMirror, -t);
    }
    if (phi < -1e-9 * hScale) {
      const x = c + r * t;
      return {
        ok: false,
        reason: `the effective potential is negative near x = ${x.toPrecision(6)} (a second cut opens)`,
        support,
      };
    }
  }
  return { ok: true, measure: oneCutMeasure(coeffs, c - r, c + r), iterations };
}
