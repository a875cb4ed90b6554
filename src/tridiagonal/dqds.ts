import { floorLog2, powerOfTwo } from "../special/deterministicMath.js";

/** Unit roundoff 2^−53. */
const EPS = 2 ** -53;
/** Relative accuracy asked of each deflation and split: the eigenvalue moves by ≤ EPS·λ. */
const HALF_EPS = 0.5 * EPS;
/** Relative back-off applied to every shift. */
const SHIFT_BACKOFF = 1 - 2 ** -40;

/**
 * Eigenvalues, ascending, of B Bᵀ where B is lower bidiagonal with diagonal √q_i and
 * subdiagonal √e_i (q ≥ 0, e ≥ 0 given squared), i.e. of the positive semi-definite Jacobi
 * matrix with a_1 = q_1, a_i = e_{i−1} + q_i, b_i = q_i e_i (the squared singular values of B),
 * by the shifted differential qd algorithm (dqds) in the positive case. Each eigenvalue is
 * computed to high RELATIVE accuracy (a few n·ε), however small, because dqds only forms sums
 * of positive numbers, products and quotients. The Laguerre and Jacobi β-ensemble models come
 * in exactly this form: (q, e) = (ξ_odd, ξ_even). O(n²); the inputs are not modified.
 *
 * Shifts: one dqds pass on (q, e) with shift τ yields (q̂, ê) representing U L − τ I. During the
 * same pass we accumulate S₁ = tr((L̂Û)⁻¹) = Σ 1/λ and S₂ = tr((L̂Û)⁻²) = Σ 1/λ² of the new matrix by
 * positive forward recurrences (h_k = (1 + ê_{k−1} h_{k−1})/q̂_k, S₁ = Σ h_k;
 * s_k = (ê_{k−1}/q̂_k)(s_{k−1} + h_{k−1}²), S₂ = Σ (h_k² + 2 s_k)); their prefixes are the same sums
 * for the leading blocks. The next shift is the larger of two lower bounds on λ_min:
 * Laguerre's step from 0, m/(S₁ + √((m−1)(m S₂ − S₁²))), which never passes the smallest root of a
 * polynomial with real roots and converges cubically; and the local bound δ − c²/(μ − δ), with
 * δ = q_n + e_{n−1}, c² = q_{n−1}e_{n−1} and μ the Laguerre bound of the leading block, which is
 * sharp once e_{n−1} is small. The shift is backed off by 2⁻⁴⁰ relative so that rounding does not
 * push it past λ_min; a pass that still fails (some d < 0) is redone with a smaller shift.
 * Deflation: q_n is accepted when |λ − q_n| ≤ e_{n−1} + min(√(q_{n−1}e_{n−1}), c²/(μ − δ)) (Weyl,
 * resp. the same gap argument) is ≤ ε·(σ + q_n), ε = 2⁻⁵³; a bottom 2×2 and interior splits use
 * Weyl's bound e_k + √(q_k e_k) ≤ ε·σ. The block is flipped (same eigenvalues) when its top is
 * clearly smaller than its bottom, since dqds converges at the bottom.
 *
 * References: Fernando & Parlett, "Accurate singular values and differential qd algorithms",
 * Numer. Math. 67 (1994); Parlett & Marques, "An implementation of the dqds algorithm (positive
 * case)", Linear Algebra Appl. 309 (2000); LAPACK dlasq1–dlasq6 (whose shift strategy differs:
 * it is replaced here by the Laguerre bound above); Laguerre's method: Parlett, "The Symmetric
 * Eigenvalue Problem", §3.7.
 */
export function bidiagonalSquaredSingularValues(q: Float64Array, e: Float64Array): Float64Array {
  const n = q.length;
  const name = "bidiagonalSquaredSingularValues";
  if (n < 1) throw new RangeError(`${name}: q must have length n >= 1, got 0`);
  if (e.length !== n - 1) {
    throw new RangeError(`${name}: e must have length n - 1 = ${n - 1}, got ${e.length}`);
  }
  let maxEntry = 0;
  for (let i = 0; i < n; i++) {
    const v = q[i];
    if (!(v >= 0) || v === Number.POSITIVE_INFINITY) {
      throw new RangeError(`${name}: q[${i}] must be finite and >= 0 (it is a square), got ${v}`);
    }
    if (v > maxEntry) maxEntry = v;
  }
  for (let i = 0; i < n - 1; i++) {
    const v = e[i];
    if (!(v >= 0) || v === Number.POSITIVE_INFINITY) {
      throw new RangeError(`${name}: e[${i}] must be finite and >= 0 (it is a square), got ${v}`);
    }
    if (v > maxEntry) maxEntry = v;
  }
  const out = new Float64Array(n);
  if (maxEntry === 0) return out;
  // Exact power-of-two scaling so that the largest entry is in [1, 2): avoids over/underflow
  // in the Laguerre sums and leaves the relative accuracy untouched. The factor 2^k is applied
  // as two halves so that it is representable even for subnormal inputs (k up to 1074).
  const k = -floorLog2(maxEntry);
  const scale1 = powerOfTwo(Math.trunc(k / 2));
  const scale2 = powerOfTwo(k - Math.trunc(k / 2));
  const qq = new Float64Array(n);
  const ee = new Float64Array(n); // ee[n−1] stays 0
  for (let i = 0; i < n; i++) qq[i] = q[i] * scale1 * scale2;
  for (let i = 0; i < n - 1; i++) ee[i] = e[i] * scale1 * scale2;
  const found = new DqdsSolver(qq, ee, out).run();
  if (found !== n) throw new Error(`${name}: internal error, ${found} of ${n} eigenvalues`);
  const unscale1 = 1 / scale1;
  const unscale2 = 1 / scale2;
  for (let i = 0; i < n; i++) out[i] = out[i] * unscale1 * unscale2;
  out.sort();
  return out;
}

/**
 * Laguerre's step from 0 towards the smallest root of a polynomial with m positive roots λ_i,
 * given S₁ = Σ 1/λ_i and S₂ = Σ 1/λ_i²: m/(S₁ + √((m−1)(m S₂ − S₁²))) ≤ min λ_i. Returns 0 when the
 * sums are not finite (a zero eigenvalue).
 */
function laguerreBound(m: number, s1: number, s2: number): number {
  const spread = (m - 1) * (m * s2 - s1 * s1);
  const step = m / (s1 + Math.sqrt(Math.max(spread, 0)));
  return step > 0 && step < Number.POSITIVE_INFINITY ? step : 0;
}

/** Smallest of the two eigenvalues of the LU block (a, b, c) = (q_k, e_k, q_{k+1}). */
function smaller2x2(a: number, b: number, c: number): number {
  const big = larger2x2(a, b, c);
  return big > 0 ? (a / big) * c : 0;
}

/** Largest eigenvalue of [[a, √(ab)], [√(ab), b + c]] (the LU block (a, b, c)), stably. */
function larger2x2(a: number, b: number, c: number): number {
  const half = 0.5 * (a + b - c);
  return 0.5 * (a + b + c) + Math.sqrt(half * half + b * c);
}

/**
 * State of one dqds run: the working qd arrays and a second pair that each pass writes into (the
 * pairs are swapped after a successful pass; rows of pending blocks hold the same values in both
 * pairs, so they survive swaps), the stack of blocks still to do (each with its accumulated shift
 * σ) and the output.
 */
class DqdsSolver {
  private q: Float64Array;
  private e: Float64Array;
  private qNew: Float64Array;
  private eNew: Float64Array;
  private readonly out: Float64Array;
  private found = 0;
  private readonly stackStart: Int32Array;
  private readonly stackEnd: Int32Array;
  private readonly stackSigma: Float64Array;
  private stackSize = 0;
  /** Results of the last pass: Laguerre sums (total, and without the last one or two terms). */
  private s1 = 0;
  private s2 = 0;
  private s1Prefix1 = 0;
  private s2Prefix1 = 0;
  private s1Prefix2 = 0;
  private s2Prefix2 = 0;
  /** Last index k < end with a negligible ê_k found by the last pass, or −1. */
  private splitAt = -1;

  constructor(q: Float64Array, e: Float64Array, out: Float64Array) {
    const n = q.length;
    this.q = q;
    this.e = e;
    this.qNew = Float64Array.from(q);
    this.eNew = Float64Array.from(e);
    this.out = out;
    this.stackStart = new Int32Array(n);
    this.stackEnd = new Int32Array(n);
    this.stackSigma = new Float64Array(n);
  }

  run(): number {
    const n = this.q.length;
    let start = 0;
    for (let k = 0; k < n; k++) {
      if (k === n - 1 || this.e[k] === 0) {
        this.push(start, k, 0);
        start = k + 1;
      }
    }
    while (this.stackSize > 0) {
      this.stackSize--;
      const s = this.stackSize;
      this.solveBlock(this.stackStart[s], this.stackEnd[s], this.stackSigma[s]);
    }
    return this.found;
  }

  private push(start: number, end: number, sigma: number): void {
    const s = this.stackSize++;
    this.stackStart[s] = start;
    this.stackEnd[s] = end;
    this.stackSigma[s] = sigma;
  }

  private emit(value: number): void {
    this.out[this.found++] = value;
  }

  /** Reverses q[start..end] and e[start..end−1] (B ↦ flipped Bᵀ: same eigenvalues). */
  private flip(start: number, end: number): void {
    const q = this.q;
    const e = this.e;
    for (let i = start, j = end; i < j; i++, j--) {
      const t = q[i];
      q[i] = q[j];
      q[j] = t;
    }
    for (let i = start, j = end - 1; i < j; i++, j--) {
      const t = e[i];
      e[i] = e[j];
      e[j] = t;
    }
  }

  /** Finds all eigenvalues of the unreduced block [start, end] whose entries represent λ − σ. */
  private solveBlock(start: number, end: number, sigmaIn: number): void {
    let q = this.q;
    let e = this.e;
    let sigma = sigmaIn;
    let sigmaLow = 0; // compensation term of the running sum σ (Kahan)
    let sumsValid = false;
    let tau = 0;
    let passes = 0;
    const maxPasses = 100 * (end - start + 1) + 100;
    let checkEnds = true;
    let prefixDepth = 0; // how many of the prefix sums of the last pass are still usable
    while (true) {
      if (checkEnds) {
        checkEnds = false;
        // Deflate converged eigenvalues at the bottom.
        while (end > start) {
          const last = q[end];
          const eLast = e[end - 1];
          const qPrev = q[end - 1];
          // |λ − last| ≤ e + √(q_{n−1} e) (Weyl), or ≤ e + q_{n−1}e/(μ − last − e) when the
          // rest of the block has all its eigenvalues ≥ μ > last + e.
          let error = eLast + Math.sqrt(qPrev * eLast);
          if (prefixDepth >= 1) {
            const mu = laguerreBound(end - start, this.s1Prefix1, this.s2Prefix1);
            const delta = last + eLast;
            if (mu > delta) error = Math.min(error, eLast + (qPrev * eLast) / (mu - delta));
          }
          if (error <= EPS * (sigma + last)) {
            this.emit(sigma + (last - sigmaLow));
            end--;
            prefixDepth--;
            if (prefixDepth >= 0) {
              this.s1 = this.s1Prefix1;
              this.s2 = this.s2Prefix1;
              this.s1Prefix1 = this.s1Prefix2;
              this.s2Prefix1 = this.s2Prefix2;
            }
            continue;
          }
          if (end - 1 > start) {
            const small = smaller2x2(q[end - 1], eLast, last);
            const t2 = HALF_EPS * (sigma + small);
            const ePrev = e[end - 2];
            if (ePrev <= t2 && q[end - 2] * ePrev <= t2 * t2) {
              this.emit(sigma + (small - sigmaLow));
              this.emit(sigma + (larger2x2(q[end - 1], eLast, last) - sigmaLow));
              end -= 2;
              prefixDepth -= 2;
              if (prefixDepth >= 0) {
                this.s1 = this.s1Prefix2;
                this.s2 = this.s2Prefix2;
              }
              continue;
            }
          }
          break;
        }
        if (prefixDepth < 0) sumsValid = false;
        if (end === start) {
          this.emit(sigma + (q[start] - sigmaLow));
          return;
        }
        if (end === start + 1) {
          const a = q[start];
          const b = e[start];
          const c = q[end];
          this.emit(sigma + (smaller2x2(a, b, c) - sigmaLow));
          this.emit(sigma + (larger2x2(a, b, c) - sigmaLow));
          return;
        }
        if (1.5 * q[start] < q[end]) {
          this.flip(start, end); // the spectral sums stay valid, the prefix sums do not
          prefixDepth = 0;
        }
      }
      if (++passes > maxPasses) {
        throw new Error("bidiagonalSquaredSingularValues: dqds did not converge");
      }
      tau = 0;
      if (sumsValid) {
        tau = laguerreBound(end - start + 1, this.s1, this.s2);
        if (prefixDepth >= 1) {
          // λ_min ≥ δ − c²/(μ − δ) with δ = q_n + e_{n−1}, c² = q_{n−1}e_{n−1} and μ ≤ λ_min
          // of the leading block (Laguerre bound from the prefix sums).
          const mu = laguerreBound(end - start, this.s1Prefix1, this.s2Prefix1);
          const delta = q[end] + e[end - 1];
          if (mu > delta) {
            const local = delta - (q[end - 1] * e[end - 1]) / (mu - delta);
            if (local > tau) tau = local;
          }
        }
      }
      // Both bounds are rigorous in exact arithmetic; backing off by 2^−40 relative keeps a
      // converged shift from overshooting λ_min by rounding (which would waste a pass).
      tau *= SHIFT_BACKOFF;
      // Try τ, then a slightly smaller one, then τ/2, then 0 (which cannot fail).
      let ok = this.pass(start, end, tau, sigma);
      for (let retry = 0; !ok && retry < 3; retry++) {
        tau = retry === 0 ? tau * (1 - 2 ** -20) : retry === 1 ? tau * 0.5 : 0;
        ok = this.pass(start, end, tau, sigma);
      }
      if (!ok) throw new Error("bidiagonalSquaredSingularValues: zero-shift dqd pass failed");
      // Accept: swap the pairs of arrays, σ += τ (compensated).
      this.q = this.qNew;
      this.e = this.eNew;
      this.qNew = q;
      this.eNew = e;
      q = this.q;
      e = this.e;
      const y = tau - sigmaLow;
      const t = sigma + y;
      sigmaLow = t - sigma - y;
      sigma = t;
      sumsValid = true;
      prefixDepth = 2;
      checkEnds = true;
      const split = this.splitAt;
      if (split >= start && split < end - 1) {
        // ê_split is negligible: the top part becomes a block of its own, stored in both pairs.
        e[split] = 0;
        for (let k = start; k <= split; k++) {
          this.qNew[k] = q[k];
          this.eNew[k] = e[k];
        }
        this.push(start, split, sigma);
        start = split + 1;
        sumsValid = false;
        prefixDepth = 0;
      }
    }
  }

  /**
   * One dqds pass on the block [start, end] with shift τ into (qNew, eNew), accumulating the
   * Laguerre sums of the result. Returns false (and leaves q, e untouched) if τ was too large,
   * i.e. some d_k < 0.
   */
  private pass(start: number, end: number, tau: number, sigma: number): boolean {
    const q = this.q;
    const e = this.e;
    const qn = this.qNew;
    const en = this.eNew;
    // Splitting threshold of the new matrix (its eigenvalues are ≥ σ + τ).
    const tSplit = HALF_EPS * (sigma + tau);
    const tSplit2 = tSplit * tSplit;
    let splitAt = -1;
    let d = q[start] - tau;
    let h = 0; // h_{k−1}
    let s = 0; // s_{k−1}
    let eOld = 0; // ê_{k−1}
    let s1 = 0;
    let s2 = 0;
    let s1Prev = 0;
    let s2Prev = 0;
    for (let k = start; k < end; k++) {
      if (!(d >= 0)) return false;
      const ek = e[k];
      const qNext = q[k + 1];
      const qh = d + ek;
      const r = 1 / qh;
      const eh = ek * qNext * r;
      qn[k] = qh;
      en[k] = eh;
      d = d * qNext * r - tau; // d·q_{k+1} is formed while 1/q̂_k is computed
      // Laguerre sums of the new matrix (all terms positive).
      const hk = (1 + eOld * h) * r;
      const sk = eOld * r * (s + h * h);
      s1Prev = s1;
      s2Prev = s2;
      s1 += hk;
      s2 += hk * hk + 2 * sk;
      h = hk;
      s = sk;
      eOld = eh;
      if (eh <= tSplit && qh * eh <= tSplit2) splitAt = k;
    }
    if (!(d >= 0)) return false;
    qn[end] = d;
    const r = 1 / d;
    const hk = (1 + eOld * h) * r;
    const sk = eOld * r * (s + h * h);
    this.s1Prefix2 = s1Prev;
    this.s2Prefix2 = s2Prev;
    this.s1Prefix1 = s1;
    this.s2Prefix1 = s2;
    this.s1 = s1 + hk;
    this.s2 = s2 + hk * hk + 2 * sk;
    this.splitAt = splitAt;
    return true;
  }
}
