/**
 * log Γ(x) for x > 0, absolute error ~1e-16 for x < 10, relative ~1e-16 above; plus the two
 * helpers every log-space density prefactor needs (Stirling remainder, x - log(1 + x)).
 */

const HALF_LOG_TWO_PI = 0.9189385332046728; // log(2π)/2
const EULER_GAMMA = 0.5772156649015329;

/**
 * ζ(k) - 1 for k = 2..K_MAX, by Euler–Maclaurin summation (DLMF 25.2.8 with N = 20):
 * Σ_{n=2}^{N-1} n^-k + N^{1-k}/(k-1) + N^-k/2 + Σ_j B_2j/(2j)! k(k+1)…(k+2j-2) N^{-k-2j+1}.
 * The first omitted term is < 2e-16 (k = 2) and smaller for larger k.
 */
const K_MAX = 40;
const ZETA_MINUS_ONE = (() => {
  const out = new Float64Array(K_MAX + 1);
  const N = 20;
  // B_2j/(2j)! for j = 1..4 (DLMF 24.2.1 table): 1/12, -1/720, 1/30240, -1/1209600.
  const bernoulliOverFactorial = [1 / 12, -1 / 720, 1 / 30240, -1 / 1209600];
  for (let k = 2; k <= K_MAX; k++) {
    let tail = N ** (1 - k) / (k - 1) + 0.5 * N ** -k;
    let rising = k; // k(k+1)…(k+2j-2)
    for (let j = 1; j <= 4; j++) {
      tail += bernoulliOverFactorial[j - 1] * rising * N ** (-k - 2 * j + 1);
      rising *= (k + 2 * j - 1) * (k + 2 * j);
    }
    let head = 0;
    for (let n = N - 1; n >= 2; n--) head += n ** -k;
    out[k] = head + tail;
  }
  return out;
})();

/**
 * log Γ(1 + z) for |z| <= 1/2 by A&S 6.1.41 / DLMF 5.7.3 with the pole at z = -1 removed:
 * log Γ(1+z) = -log(1+z) + z(1-γ) + Σ_{k>=2} (-1)^k (ζ(k)-1) z^k / k.
 * Terms decay like (z/2)^k, so 40 terms give full double precision.
 */
function logGammaOnePlus(z: number): number {
  let sum = 0;
  for (let k = K_MAX; k >= 2; k--) {
    sum = sum * z + ((k % 2 === 0 ? 1 : -1) * ZETA_MINUS_ONE[k]) / k;
  }
  return -Math.log1p(z) + z * (1 - EULER_GAMMA) + sum * z * z;
}

/**
 * log Γ(1 + z) for z > -1, without the rounding of forming 1 + z (which costs an absolute
 * error up to 0.58·2^-53 near z = 0): series A&S 6.1.41 for |z| <= 1/2, else log Γ(1 + z).
 */
export function logGamma1p(z: number): number {
  if (!(z > -1)) {
    throw new RangeError(`logGamma1p needs z > -1, got ${z}`);
  }
  if (Math.abs(z) <= 0.5) return logGammaOnePlus(z);
  return logGamma(1 + z);
}

/**
 * Stirling remainder c(x) = log Γ(x) - [(x - 1/2) log x - x + log(2π)/2], for x >= 10,
 * by DLMF 5.11.1: Σ B_2k / (2k(2k-1) x^{2k-1}), seven terms (error < 3e-17 at x = 10).
 */
export function logGammaStirlingCorrection(x: number): number {
  if (!(x >= 10)) {
    throw new RangeError(`logGammaStirlingCorrection needs x >= 10, got ${x}`);
  }
  const r = 1 / x;
  const r2 = r * r;
  return (
    r *
    (1 / 12 -
      r2 *
        (1 / 360 -
          r2 * (1 / 1260 - r2 * (1 / 1680 - r2 * (1 / 1188 - r2 * (691 / 360360 - r2 / 156))))))
  );
}

/**
 * t - log(1 + t) for t > -1, accurate to a few ulps also for small |t| (where it is ≈ t²/2):
 * with u = t/(2+t), log(1+t) = 2 atanh u (DLMF 4.6.1) so t - log(1+t) = t u - 2 Σ_{k>=1} u^{2k+1}/(2k+1).
 */
export function xMinusLog1p(t: number): number {
  if (!(t > -1)) {
    if (t === -1) return Infinity;
    throw new RangeError(`xMinusLog1p needs t > -1, got ${t}`);
  }
  if (t < -0.5 || t > 1) return t - Math.log1p(t);
  const u = t / (2 + t);
  const u2 = u * u;
  let power = u * u2;
  let series = 0;
  for (let k = 1; k < 60; k++) {
    const term = power / (2 * k + 1);
    series += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(series)) break;
    power *= u2;
  }
  return t * u - 2 * series;
}

/**
 * log Γ(x) for x > 0 (DLMF 5.2.1). Small x: series of log Γ(1+z) (A&S 6.1.41) with the
 * recurrence Γ(x+1) = xΓ(x); x >= 10: Stirling (DLMF 5.11.1). Exact zeros at x = 1, 2 are
 * reproduced with relative accuracy. Throws RangeError for x <= 0 or NaN.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) {
    throw new RangeError(`logGamma needs x > 0, got ${x}`);
  }
  if (x === Infinity) return Infinity;
  if (x < 0.5) return logGammaOnePlus(x) - Math.log(x);
  if (x <= 1.5) return logGammaOnePlus(x - 1);
  if (x <= 2.5) return Math.log(x - 1) + logGammaOnePlus(x - 2);
  if (x < 10) {
    // Γ(x) = (x-1)(x-2)…(x-m) Γ(x-m) with x - m in (1.5, 2.5]; every x - j is exact.
    let product = 1;
    let y = x;
    while (y > 2.5) {
      y -= 1;
      product *= y;
    }
    return Math.log(product) + Math.log(y - 1) + logGammaOnePlus(y - 2);
  }
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + logGammaStirlingCorrection(x);
}
