/**
 * Large-N and exact finite-N theory of linear statistics L_N = Σ_i f(x_i) of one-cut β-ensembles
 * and of the circular β-ensemble (docs/linear-statistics/README.md §2–§4).
 *
 * One-cut β-ensembles |Δ(x)|^β Π e^(−(βN/2)V(x_i)) with support [a, b] = [c − r, c + r], density
 * ρ(x) ∝ √(1−τ²)·h(τ) in τ = (x − c)/r, and f(c + rτ) = Σ_k a_k T_k(τ):
 *  - mean: E L_N = N∫f dμ + m(f) + O(1/N) with
 *      m(f) = (2/β − 1)·[ (f(a) + f(b))/4 − (1/2)∫f dμ_arcsine − L(f) ]
 *           = (2/β − 1)·[ (1/2)Σ_{k ≥ 2 even} a_k − L(f) ],
 *      L(f) = (1/2π)∫_0^π (h'/h)(cos ψ) sin ψ Σ_k a_k sin(kψ) dψ;
 *    from the first-order loop (Schwinger–Dyson) equation E[G² + (1 − 2/β)G' − N V'G + N P] = 0 for
 *    G(z) = Σ 1/(z − x_i): its 1/N term, solved with the analyticity of E G off [a, b] and the
 *    Sokhotski–Plemelj formula, gives the correction measure (derivation in the docs; the same
 *    equation as Johansson, Duke Math. J. 91 (1998) §2, Chekhov & Eynard, JHEP 2006, and
 *    Borot & Guionnet, Commun. Math. Phys. 317 (2013), Thm 1.3). For the Gaussian ensemble h is
 *    constant and L = 0 (Johansson 1998, Cor. 2.4); for the Laguerre (Wishart) and Jacobi (MANOVA)
 *    ensembles the weight exponents k − 1 = (β/2)(M − N) + (β/2 − 1) contribute an O(1/N)
 *    potential −(1 − 2/β)log x/N whose linear response cancels L exactly, leaving the bracket
 *    without L (at β = 1 this is the mean of Bai & Silverstein, Ann. Probab. 32 (2004), Thm 1.1,
 *    and at β = 2 it vanishes);
 *  - variance: Var L_N → (1/(2β))·Σ_k k a_k² (Johansson 1998, Thm 2.4: (2/β)·(1/4)Σ k a_k²);
 *  - cumulants of order j ≥ 3: O(N^(2−j)) (Borot & Guionnet 2013), i.e. N^(j−2)κ_j stays bounded.
 * The normalisation of the variance is checked in the tests against the exact finite-N law of
 * Σx² of the Gaussian ensemble (a χ², test/ensembles/hermite.test.ts), given here by
 * hermiteQuadraticCumulants.
 */
import { gaussLegendre } from "../special/gaussLegendre.js";

/**
 * Chebyshev coefficients a_k of τ ↦ f(c + rτ) on [−1, 1] (f = Σ a_k T_k), by the discrete cosine
 * sums at m Chebyshev points (m doubled from 64 until the last quarter of the coefficients is
 * below 1e−14 of the largest, m ≤ 8192). Trailing negligible coefficients are dropped.
 */
export function chebyshevCoefficients(
  f: (x: number) => number,
  lo: number,
  hi: number,
): Float64Array {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) {
    throw new RangeError(`chebyshevCoefficients: need finite lo < hi, got [${lo}, ${hi}]`);
  }
  const c = 0.5 * (lo + hi);
  const r = 0.5 * (hi - lo);
  let coefficients = new Float64Array(0);
  for (let m = 64; m <= 8192; m *= 2) {
    // cos(πk(j + ½)/m) = table[k(2j + 1) mod 4m] with table[i] = cos(πi/(2m)).
    const table = new Float64Array(4 * m);
    for (let i = 0; i < 4 * m; i++) table[i] = Math.cos((Math.PI * i) / (2 * m));
    const values = new Float64Array(m);
    for (let j = 0; j < m; j++) values[j] = f(c + r * table[2 * j + 1]);
    coefficients = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += values[j] * table[(k * (2 * j + 1)) % (4 * m)];
      coefficients[k] = ((k === 0 ? 1 : 2) * s) / m;
    }
    let max = 0;
    let tail = 0;
    for (let k = 0; k < m; k++) {
      const v = Math.abs(coefficients[k]);
      if (v > max) max = v;
      if (k >= (3 * m) / 4 && v > tail) tail = v;
    }
    if (!Number.isFinite(max)) {
      throw new RangeError("chebyshevCoefficients: f is not finite on the support");
    }
    if (tail <= 1e-14 * max || max === 0) break;
  }
  let length = coefficients.length;
  let max = 0;
  for (const v of coefficients) max = Math.max(max, Math.abs(v));
  while (length > 1 && Math.abs(coefficients[length - 1]) <= 1e-15 * max) length--;
  return coefficients.slice(0, length);
}

/** (1/(2β))·Σ_k k a_k²: the limit variance of a one-cut linear statistic (module comment). */
export function oneCutVarianceLimit(coefficients: ArrayLike<number>, beta: number): number {
  let s = 0;
  for (let k = 1; k < coefficients.length; k++) s += k * coefficients[k] * coefficients[k];
  return s / (2 * beta);
}

/** The one-cut data the theory needs. */
export interface OneCutLaw {
  support: readonly [number, number];
  /** Density of the limit (equilibrium) measure. */
  density: (x: number) => number;
  /**
   * (h'/h)(τ) of the density factor h in τ = (x − c)/r (ρ ∝ √(1−τ²)·h(τ)) for a polynomial
   * potential; undefined for the classical ensembles, whose L term cancels (module comment).
   */
  logFactorDerivative?: (tau: number) => number;
}

/** Large-N theory of a one-cut linear statistic. */
export interface OneCutLinearStatisticTheory {
  /** N∫f dμ. */
  leadingMean: number;
  /** m(f), the O(1) term of the mean. */
  meanCorrection: number;
  /** leadingMean + meanCorrection. */
  mean: number;
  /** (1/(2β))Σ k a_k². */
  variance: number;
  /** The Chebyshev coefficients a_k of f on the support. */
  chebyshev: Float64Array;
}

/**
 * Mean (with its O(1) correction) and limit variance of L_N = Σ f(x_i) for a one-cut β-ensemble
 * of N points with the given limit law (module comment). ∫f dμ by 400-node Gauss–Legendre in
 * θ (x = c + r cos θ, which smooths the square-root edges), L(f) likewise.
 */
export function oneCutLinearStatistic(
  f: (x: number) => number,
  law: OneCutLaw,
  n: number,
  beta: number,
): OneCutLinearStatisticTheory {
  if (!(beta > 0) || !Number.isFinite(beta)) {
    throw new RangeError(`oneCutLinearStatistic: beta must be a finite number > 0, got ${beta}`);
  }
  const [lo, hi] = law.support;
  const c = 0.5 * (lo + hi);
  const r = 0.5 * (hi - lo);
  const chebyshev = chebyshevCoefficients(f, lo, hi);
  const rule = gaussLegendre(400);
  let integral = 0;
  let logTerm = 0;
  for (let i = 0; i < rule.nodes.length; i++) {
    const theta = 0.5 * Math.PI * (rule.nodes[i] + 1);
    const w = 0.5 * Math.PI * rule.weights[i];
    const cos = Math.cos(theta);
    const sin = Math.sin(theta);
    integral += w * f(c + r * cos) * law.density(c + r * cos) * r * sin;
    if (law.logFactorDerivative) {
      let series = 0;
      for (let k = 1; k < chebyshev.length; k++) series += chebyshev[k] * Math.sin(k * theta);
      logTerm += w * law.logFactorDerivative(cos) * sin * series;
    }
  }
  logTerm /= 2 * Math.PI;
  let evenSum = 0;
  for (let k = 2; k < chebyshev.length; k += 2) evenSum += chebyshev[k];
  const meanCorrection = (2 / beta - 1) * (0.5 * evenSum - logTerm);
  const leadingMean = n * integral;
  return {
    leadingMean,
    meanCorrection,
    mean: leadingMean + meanCorrection,
    variance: oneCutVarianceLimit(chebyshev, beta),
    chebyshev,
  };
}

/**
 * (h'/h)(τ) for the density factor h(τ) = Σ_{k≥1} V'_k U_{k−1}(τ) of a one-cut equilibrium measure
 * given by the Chebyshev coefficients V'_k of V'(c + rτ) (theory/equilibriumOneCut.ts): h and h'
 * by the recurrences U_k = 2τU_{k−1} − U_{k−2}, U'_k = 2U_{k−1} + 2τU'_{k−1} − U'_{k−2}.
 */
export function densityFactorLogDerivative(chebyshev: ArrayLike<number>): (tau: number) => number {
  return (tau: number) => {
    let uPrev = 0;
    let u = 1; // U_0
    let dPrev = 0;
    let d = 0; // U_0' = 0
    let h = 0;
    let dh = 0;
    for (let k = 1; k < chebyshev.length; k++) {
      h += chebyshev[k] * u;
      dh += chebyshev[k] * d;
      const uNext = 2 * tau * u - uPrev;
      const dNext = 2 * u + 2 * tau * d - dPrev;
      uPrev = u;
      u = uNext;
      dPrev = d;
      d = dNext;
    }
    return dh / h;
  };
}

/**
 * Exact cumulants κ₁…κ₄ of Σ (c₀ + c₁x_i + c₂x_i²) for the Gaussian β-ensemble with reference
 * N(μ, σ²), any N ≥ 1 and β ≥ 0: Σx = Tr J and Σx² = Tr J² = Σ a_n² + 2Σ b_n in the tridiagonal
 * model (a_n ~ N(μ, σ²), b_n ~ Gamma(β(N−n)/2, σ²), independent), so L is a sum of independent
 * terms: with a = μ + σZ, c₁a + c₂a² = const + pZ + qZ² (p = σ(c₁ + 2c₂μ), q = c₂σ²) has
 * κ_m = (m−1)! 2^(m−1) q^m + m! (p²/2)(2q)^(m−2) (m ≥ 2), and 2c₂b_n has κ_m = (m−1)! s_n (2c₂σ²)^m.
 */
export function hermiteQuadraticCumulants(
  coefficients: ArrayLike<number>,
  n: number,
  beta: number,
  loc = 0,
  scale = 1,
): [number, number, number, number] {
  if (coefficients.length > 3) {
    throw new RangeError("hermiteQuadraticCumulants: f must have degree <= 2");
  }
  const c0 = coefficients[0] ?? 0;
  const c1 = coefficients[1] ?? 0;
  const c2 = coefficients[2] ?? 0;
  const p = scale * (c1 + 2 * c2 * loc);
  const q = c2 * scale * scale;
  const shapes = (beta * n * (n - 1)) / 4; // Σ_n β(N−n)/2
  const offDiagonal = 2 * c2 * scale * scale;
  const factorial = [1, 1, 2, 6, 24];
  const out: [number, number, number, number] = [0, 0, 0, 0];
  out[0] = n * (c0 + c1 * loc + c2 * loc * loc + q) + shapes * offDiagonal;
  for (let m = 2; m <= 4; m++) {
    const diagonal =
      factorial[m - 1] * 2 ** (m - 1) * q ** m + factorial[m] * 0.5 * p * p * (2 * q) ** (m - 2);
    out[m - 1] = n * diagonal + factorial[m - 1] * shapes * offDiagonal ** m;
  }
  return out;
}

/**
 * Exact cumulants of Σ (c₀ + c₁x_i) for the Laguerre β-ensemble with shape k and scale θ:
 * Σx = Tr J ~ Gamma(K, θ), K = Nk + βN(N−1)/2 (theory/fixedTrace.ts), so κ_m = (m−1)! K (c₁θ)^m.
 */
export function laguerreLinearCumulants(
  coefficients: ArrayLike<number>,
  n: number,
  beta: number,
  shape: number,
  scale: number,
): [number, number, number, number] {
  if (coefficients.length > 2) {
    throw new RangeError("laguerreLinearCumulants: f must have degree <= 1");
  }
  const c0 = coefficients[0] ?? 0;
  const c1 = coefficients[1] ?? 0;
  const K = n * shape + (beta * n * (n - 1)) / 2;
  const t = c1 * scale;
  return [n * c0 + K * t, K * t * t, 2 * K * t ** 3, 6 * K * t ** 4];
}

/**
 * Theory for the circular β-ensemble (angles θ ∈ [0, 2π)): E Σ f(θ_i) = N f̂₀ exactly (rotation
 * invariance) and Var → (4/β) Σ_{k≥1} k |f̂_k|² with f̂_k = (1/2π)∫ f(θ) e^(−ikθ) dθ (E|Tr U^k|² → 2k/β;
 * Diaconis & Shahshahani 1994 and Johansson 1988 at β = 2, Jiang & Matsumoto 2015 for all β).
 * Fourier coefficients by the trapezoid rule on 4096 points.
 */
export function circularLinearStatistic(
  f: (theta: number) => number,
  n: number,
  beta: number,
): { mean: number; variance: number } {
  const m = 4096;
  const values = new Float64Array(m);
  for (let j = 0; j < m; j++) values[j] = f((2 * Math.PI * j) / m);
  let mean = 0;
  for (const v of values) mean += v / m;
  let variance = 0;
  for (let k = 1; k < m / 2; k++) {
    let re = 0;
    let im = 0;
    for (let j = 0; j < m; j++) {
      const phase = (2 * Math.PI * k * j) / m;
      re += values[j] * Math.cos(phase);
      im -= values[j] * Math.sin(phase);
    }
    re /= m;
    im /= m;
    const term = k * (re * re + im * im);
    variance += term;
    if (k > 64 && term < 1e-18 * variance) break;
  }
  return { mean: n * mean, variance: (4 / beta) * variance };
}
