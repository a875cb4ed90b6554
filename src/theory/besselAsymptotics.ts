/**
 * Large-X expansion of the hard-edge gap probability D_a(X) = det(I − K_a)_{L²(0,X)} (Bessel
 * kernel, a > −1):
 *   log D_a(X) = −X/4 + a√X − (a²/4) log X + log(G(1 + a)/(2π)^{a/2}) + Σ_{k≥1} d_k(a) X^{−k/2},
 * the leading terms conjectured by Tracy & Widom (Commun. Math. Phys. 161 (1994) 289–309, eq. (1.23))
 * and proved with the constant by Ehrhardt (|a| < 1; Commun. Math. Phys. 272 (2007)) and Deift,
 * Krasovsky & Vasilevska (IMRN 2011, all a > −1); G is Barnes' G-function. The coefficients d_k
 * come from the Painlevé III σ-form of the same paper (eq. (1.21)): σ(X) = −X (log D)′ satisfies
 *   (Xσ″)² + σ′(σ − Xσ′)(4σ′ − 1) − a²σ′² = 0,
 * with σ = Σ_n s_n y^{2−n}, y = √X, s₀ = ¼, s₁ = −a/2, s₂ = a²/4. Substituting, the coefficient of
 * y^{−(n−1)} is −(a/4)·s_n + (terms in s₀ … s_{n−1}); setting it to zero gives s_n (n ≥ 3), and
 * d_k = 2 s_{k+2}/k. (For a = 0 every d_k vanishes: D₀(X) = e^{−X/4} exactly.) The series is
 * asymptotic, not convergent; it is summed up to its smallest term (optimal truncation), and the
 * callers use it only where that term is below 1e−15 (measured in the tests).
 *
 * With a = ∓½ these are the even/odd sine-kernel determinants at X = (πs/2)², i.e. the large-s
 * expansions of Dyson (Commun. Math. Phys. 47 (1976)) for β = 1, 2, 4.
 */

import { deterministicLogGamma } from "../special/besselSeries.js";
import { detLog } from "../special/deterministicMath.js";

/** Number of σ-coefficients computed (the series is truncated at its smallest term before that). */
const TERMS = 60;

/** The coefficients s_n, n = 0 … TERMS − 1, of σ = Σ s_n y^{2−n} for the order a. */
export function sigmaCoefficients(a: number, terms = TERMS): Float64Array {
  const s = new Float64Array(terms);
  s[0] = 0.25;
  if (terms > 1) s[1] = -a / 2;
  if (terms > 2) s[2] = (a * a) / 4;
  if (a === 0) {
    s.fill(0, 1);
    return s;
  }
  // Series coefficients (powers y^{−n}) of P = Xσ″, Q = σ′, R̃ = (σ − Xσ′)/y², T = 4σ′ − 1.
  const p = new Float64Array(terms);
  const q = new Float64Array(terms);
  const r = new Float64Array(terms);
  const t = new Float64Array(terms);
  const fill = (n: number) => {
    p[n] = (-s[n] * n * (2 - n)) / 4;
    q[n] = (s[n] * (2 - n)) / 2;
    r[n] = (s[n] * n) / 2;
    t[n] = n === 0 ? 0 : 2 * s[n] * (2 - n);
  };
  for (let n = 0; n < Math.min(3, terms); n++) fill(n);
  for (let n = 3; n < terms; n++) {
    // Coefficient of y^{−N}, N = n − 1, of P² + y²·Q·R̃·T − a²Q² with s_n = 0 (not yet filled).
    const order = n - 1;
    let c = 0;
    for (let i = 0; i <= order; i++) c += p[i] * p[order - i] - a * a * q[i] * q[order - i];
    // y²QR̃T: indices i + j + k = order + 2.
    const total = order + 2;
    for (let i = 0; i <= total; i++) {
      if (q[i] === 0 && i > 0) continue;
      for (let j = 1; j <= total - i - 1; j++) {
        const k = total - i - j;
        if (k < 1 || k >= n || j >= n || i >= n) continue;
        c += q[i] * r[j] * t[k];
      }
    }
    // The coefficient is −(a/4)s_n + c = 0.
    s[n] = (4 * c) / a;
    fill(n);
  }
  return s;
}

/** Riemann ζ(k), k = 2 … 60, by Euler–Maclaurin with N = 20 (as special/logGamma.ts). */
const ZETA = (() => {
  const out = new Float64Array(61);
  const N = 20;
  const bernoulliOverFactorial = [1 / 12, -1 / 720, 1 / 30240, -1 / 1209600, 1 / 47900160];
  for (let k = 2; k <= 60; k++) {
    // N^{−k} by repeated multiplication (exact operations only).
    let inversePower = 1;
    for (let i = 0; i < k; i++) inversePower /= N;
    let tail = (inversePower * N) / (k - 1) + 0.5 * inversePower;
    let rising = k;
    let power = inversePower / N; // N^{−k−1}
    for (let j = 1; j <= 5; j++) {
      tail += bernoulliOverFactorial[j - 1] * rising * power;
      rising *= (k + 2 * j - 1) * (k + 2 * j);
      power /= N * N;
    }
    let head = 0;
    for (let n = N - 1; n >= 1; n--) {
      let term = 1;
      for (let i = 0; i < k; i++) term /= n;
      head += term;
    }
    out[k] = head + tail;
  }
  return out;
})();

const EULER_GAMMA = 0.5772156649015329;
const LOG_TWO_PI = 1.8378770664093453;

/**
 * log G(1 + z) for real z > −1 (Barnes' G): the Maclaurin series (DLMF 5.17.3)
 *   log G(1 + z) = (z/2) log 2π − (z + (1 + γ)z²)/2 + Σ_{k≥2} (−1)^k ζ(k) z^{k+1}/(k + 1)
 * for |z| ≤ ½, and G(1 + z) = Γ(z) G(z) (DLMF 5.17.1) to shift other z into that range.
 */
export function logBarnesG1p(z: number): number {
  if (!(z > -1 && Number.isFinite(z))) throw new RangeError(`log G(1 + z) needs z > −1, got ${z}`);
  let shift = 0;
  while (z > 0.5) {
    shift += deterministicLogGamma(z); // log G(1+z) = log Γ(z) + log G(z)
    z -= 1;
  }
  while (z < -0.5) {
    // log G(1+z) = log G(2+z) − log Γ(1+z)
    shift -= deterministicLogGamma(1 + z);
    z += 1;
  }
  let sum = 0;
  for (let k = 60; k >= 2; k--) {
    sum = sum * z + ((k % 2 === 0 ? 1 : -1) * ZETA[k]) / (k + 1);
  }
  return shift + (z / 2) * LOG_TWO_PI - (z + (1 + EULER_GAMMA) * z * z) / 2 + sum * z * z * z;
}

/** The expansion of log D_a for one order a: value and X-derivatives at large X. */
export interface HardEdgeAsymptotics {
  /** log D_a(X), (log D_a)′(X), (log D_a)″(X) and the size of the first omitted term. */
  evaluate(x: number, out: Float64Array): void;
}

/** Builds the large-X expansion of log D_a(X) (module comment). */
export function hardEdgeAsymptotics(a: number): HardEdgeAsymptotics {
  const s = sigmaCoefficients(a);
  const constant = logBarnesG1p(a) - (a / 2) * LOG_TWO_PI;
  return {
    evaluate(x: number, out: Float64Array): void {
      const y = Math.sqrt(x);
      const inverse = 1 / y;
      // log D = −X/4 + a y − (a²/2) log y + C + Σ_{n≥3} 2 s_n y^{2−n}/(n − 2)
      // (log D)′ = −Σ_n s_n y^{−n};  (log D)″ = Σ_n (n/2) s_n y^{−n−2}.
      let value = -x / 4 + a * y - ((a * a) / 2) * detLog(y) + constant;
      let d1 = -(s[0] + s[1] * inverse + s[2] * inverse * inverse);
      let d2 = ((s[1] * inverse) / 2 + s[2] * inverse * inverse) * inverse * inverse;
      let power = inverse * inverse; // y^{−2}
      let previous = Number.POSITIVE_INFINITY;
      let omitted = 0;
      for (let n = 3; n < s.length; n++) {
        power *= inverse; // y^{−n}
        const termValue = (2 * s[n] * power * y * y) / (n - 2);
        const size = Math.abs(termValue) + Math.abs(s[n] * power);
        if (size > previous) {
          omitted = previous;
          break;
        }
        previous = size;
        value += termValue;
        d1 -= s[n] * power;
        d2 += ((n / 2) * s[n] * power) / x;
        omitted = size;
      }
      out[0] = value;
      out[1] = d1;
      out[2] = d2;
      out[3] = omitted;
    },
  };
}
