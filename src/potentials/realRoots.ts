/**
 * All real roots of a real polynomial, with certainty, by recursive bracketing on the derivatives.
 *
 * Between two consecutive real roots of p' the polynomial p is monotone, so it has at most one
 * root there, and it has one exactly when p changes sign between the two critical points (Rolle).
 * Starting from p^{(n−1)} (linear) and going down to p, the sign-change roots of every derivative
 * are therefore located by one bracketed search per monotone interval; unbounded intervals are
 * closed by Cauchy's bound |z| < 1 + max_k |c_k / c_n| on the roots (Householder, The Numerical
 * Treatment of a Single Nonlinear Equation, 1970, §2.2). Each bracketed root is refined by Newton's
 * method safeguarded by bisection (Press et al., Numerical Recipes, 3rd ed., §9.4 "rtsafe").
 *
 * What is returned: the roots where p changes sign (odd multiplicity), sorted, each to within a
 * few ulps of the exact one as far as the rounding of p allows. A root of even multiplicity
 * (a touching zero) is returned only when p vanishes there in floating point; callers that need
 * signs (convexity, positivity) are unaffected by it either way.
 */
import { effectiveDegree } from "./polynomial.js";

/** Preallocated buffers for realRoots, for polynomials of degree ≤ maxDegree. */
export interface RealRootsWork {
  readonly maxDegree: number;
  /** derivatives[j*(maxDegree+1) + k] = coefficient of x^k in p^{(j)}. */
  readonly derivatives: Float64Array;
  /** roots[j*maxDegree + r] = r-th sign-change root of p^{(j)}, ascending. */
  readonly roots: Float64Array;
  /** counts[j] = number of roots of p^{(j)} stored in roots. */
  readonly counts: Int32Array;
}

/** Allocates the buffers realRoots needs for polynomials of degree ≤ maxDegree. */
export function createRealRootsWork(maxDegree: number): RealRootsWork {
  if (!Number.isInteger(maxDegree) || maxDegree < 0) {
    throw new RangeError(`maxDegree must be a non-negative integer, got ${maxDegree}`);
  }
  const m = Math.max(maxDegree, 1);
  return {
    maxDegree,
    derivatives: new Float64Array((m + 1) * (m + 1)),
    roots: new Float64Array((m + 1) * m),
    counts: new Int32Array(m + 1),
  };
}

function evaluateAt(d: Float64Array, offset: number, degree: number, x: number): number {
  let value = d[offset + degree];
  for (let k = degree - 1; k >= 0; k--) value = value * x + d[offset + k];
  return value;
}

/**
 * Root of the monotone function f = p^{(j)} on [lo, hi] where f(lo), f(hi) have opposite signs
 * (fLo is f(lo)); fp = p^{(j+1)} is its derivative. Newton steps, replaced by bisection whenever
 * they leave the bracket or fail to halve it.
 */
function bracketedRoot(
  d: Float64Array,
  f: number,
  fp: number,
  degree: number,
  lo: number,
  hi: number,
  fLo: number,
): number {
  const rising = fLo < 0;
  let x = 0.5 * (lo + hi);
  let stepOld = hi - lo;
  let step = stepOld;
  for (let iter = 0; iter < 200; iter++) {
    const fx = evaluateAt(d, f, degree, x);
    if (fx === 0) return x;
    if (fx < 0 === rising) lo = x;
    else hi = x;
    const dfx = evaluateAt(d, fp, degree - 1, x);
    const newton = dfx !== 0 ? x - fx / dfx : Number.NaN;
    if (newton > lo && newton < hi && Math.abs(fx / dfx) < 0.5 * Math.abs(stepOld)) {
      stepOld = step;
      step = fx / dfx;
      x = newton;
    } else {
      stepOld = step;
      step = 0.5 * (hi - lo);
      x = lo + step;
    }
    const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(x), Number.MIN_VALUE * 1e10);
    if (Math.abs(step) <= tolerance || hi - lo <= tolerance) return x;
    if (x <= lo || x >= hi) return 0.5 * (lo + hi);
  }
  return x;
}

/**
 * Fills work with the sign-change real roots of p and of all its derivatives p^{(j)}
 * (j = 0..n−1, n = degree of p after dropping zero leading coefficients): work.counts[j] roots,
 * ascending, at work.roots[j*work.maxDegree ..]. Returns n. No allocation.
 * Reference: see the file header (Rolle bracketing + rtsafe).
 */
export function realRootsChain(c: ArrayLike<number>, degree: number, work: RealRootsWork): number {
  if (degree > work.maxDegree) {
    throw new RangeError(`degree ${degree} exceeds the work buffers' maxDegree ${work.maxDegree}`);
  }
  const n = effectiveDegree(c, degree);
  const stride = Math.max(work.maxDegree, 1) + 1;
  const rstride = Math.max(work.maxDegree, 1);
  const d = work.derivatives;
  const roots = work.roots;
  const counts = work.counts;
  for (let k = 0; k <= n; k++) d[k] = c[k];
  for (let j = 1; j < n; j++) {
    const src = (j - 1) * stride;
    const dst = j * stride;
    for (let k = 1; k <= n - j + 1; k++) d[dst + k - 1] = k * d[src + k];
  }
  for (let j = 0; j <= n; j++) counts[j] = 0;
  if (n === 0) return 0;
  for (let j = n - 1; j >= 0; j--) {
    const m = n - j; // degree of p^{(j)}
    const f = j * stride;
    const out = j * rstride;
    if (m === 1) {
      roots[out] = -d[f] / d[f + 1];
      counts[j] = 1;
      continue;
    }
    if (m === 2) {
      const a2 = d[f + 2];
      const a1 = d[f + 1];
      const a0 = d[f];
      const disc = a1 * a1 - 4 * a2 * a0;
      if (disc <= 0) continue; // no real root, or a double root (no sign change)
      const q = -0.5 * (a1 + (a1 >= 0 ? Math.sqrt(disc) : -Math.sqrt(disc)));
      let r1 = q / a2;
      let r2 = q !== 0 ? a0 / q : -r1;
      if (r1 > r2) {
        const t = r1;
        r1 = r2;
        r2 = t;
      }
      roots[out] = r1;
      roots[out + 1] = r2;
      counts[j] = 2;
      continue;
    }
    // Cauchy bound on the roots of p^{(j)}.
    const lead = d[f + m];
    let bound = 0;
    for (let k = 0; k < m; k++) bound = Math.max(bound, Math.abs(d[f + k] / lead));
    bound += 1;
    const signAtPlusInf = lead > 0 ? 1 : -1;
    const signAtMinusInf = m % 2 === 0 ? signAtPlusInf : -signAtPlusInf;
    const crit = (j + 1) * rstride;
    const nCrit = counts[j + 1];
    let count = 0;
    // Intervals (x_{r-1}, x_r), r = 0..nCrit, with x_{-1} = -bound, x_{nCrit} = +bound.
    let lo = -bound;
    let fLo = signAtMinusInf;
    let loIsFinitePoint = false;
    for (let r = 0; r <= nCrit; r++) {
      const hi = r < nCrit ? roots[crit + r] : bound;
      if (hi <= lo && r < nCrit) {
        // Critical point left of the Cauchy bound: p^{(j)} keeps its sign at -inf there.
        continue;
      }
      const fHi = r < nCrit ? evaluateAt(d, f, m, hi) : signAtPlusInf;
      const sLo = fLo < 0 ? -1 : 1;
      const sHi = fHi < 0 ? -1 : 1;
      if (sLo !== sHi && hi > lo) {
        const fLoValue = loIsFinitePoint ? fLo : evaluateAt(d, f, m, lo);
        const fHiValue = r < nCrit ? fHi : evaluateAt(d, f, m, hi);
        let root: number;
        if (fLoValue === 0) root = lo;
        else if (fHiValue === 0) root = hi;
        else if (fLoValue < 0 === fHiValue < 0) {
          // Rounding put both ends on the same side: the root sits at the nearer end.
          root = Math.abs(fLoValue) < Math.abs(fHiValue) ? lo : hi;
        } else root = bracketedRoot(d, f, f + stride, m, lo, hi, fLoValue);
        if (count === 0 || root > roots[out + count - 1]) roots[out + count++] = root;
      }
      lo = hi;
      fLo = fHi;
      loIsFinitePoint = r < nCrit;
    }
    counts[j] = count;
  }
  return n;
}

/**
 * The real roots of odd multiplicity of p(x) = Σ_{k≤degree} c_k x^k, ascending, written into out;
 * returns their number. Uses work (see createRealRootsWork) and allocates nothing.
 * Reference: Rolle bracketing on the derivative chain + safeguarded Newton (file header).
 */
export function realRoots(
  c: ArrayLike<number>,
  degree: number,
  out: Float64Array,
  work: RealRootsWork,
): number {
  realRootsChain(c, degree, work);
  const count = work.counts[0];
  for (let r = 0; r < count; r++) out[r] = work.roots[r];
  return count;
}
