/**
 * The exact finite-N density of one eigenvalue of a random density matrix at β = 2: ρ = GG†/Tr GG†
 * with G an N×M complex Gaussian matrix, M > N − 1 real (docs/density-matrices/README.md §3).
 *
 * Derivation. The Laguerre unitary ensemble with weight x^α e^(−x), α = M − N, has the one-point
 * density (normalised to N) ρ_N(x) = x^α e^(−x) P(x) with P(x) = Σ_{j<N} ℓ_j(x)², where
 * ℓ_j = √(j!/Γ(j+α+1)) L_j^(α) are the orthonormal Laguerre polynomials (Christoffel–Darboux
 * kernel on the diagonal; Mehta, Random Matrices, ch. 19; Forrester, Log-gases, §5.4). A uniformly
 * chosen eigenvalue x = Tλ with T ~ Gamma(K = NM) independent of λ (theory/fixedTrace.ts), and
 * T·Beta(a, K − a) ~ Gamma(a) (the beta–gamma algebra), so writing P(x) = Σ_m c_m x^m, i.e.
 * ρ_N/N = Σ_m (c_m Γ(α+m+1)/N)·Gamma(α+m+1) density, gives (uniqueness: Mellin transforms)
 *   f(u) = Σ_m (c_m Γ(α+m+1)/N)·Beta(α+m+1, K−α−m−1) density
 *        = (Γ(K)/N) u^α (1−u)^(c−1) Σ_m c_m v^m/Γ(c − m),   v = u/(1−u),  c = K − α − 1.
 * The c_m alternate in sign and grow like N! (cancellation of 10^15 at N = 20), so for larger N
 * the sum S(v) = Σ c_m v^m/Γ(c−m) is evaluated as a Hankel contour integral (DLMF 5.9.2:
 * 1/Γ(z) = (1/2πi)∫_H e^w w^(−z) dw), S(v) = (1/2πi)∫_H e^w w^(−c) P(w v) dw, on the circle
 * |w| = c through the saddle point of e^w w^(−c) (trapezoid rule, geometric convergence; the
 * polynomial P at complex points by the three-term recurrence; Bornemann, "Accuracy and stability
 * of computing high-order derivatives of analytic functions by Cauchy integrals", Found. Comput.
 * Math. 11 (2011), for the choice of radius). The parts of the Hankel contour along the negative
 * axis are e^(−2c) smaller and are dropped, which is exact for integer c and below 1e−15
 * relative for c ≥ 18 (this branch is used only when the direct sum is ill-conditioned, N ≥ 5,
 * where c ≥ 24).
 */
import { gaussLegendre } from "../special/gaussLegendre.js";
import { logGamma } from "../special/logGamma.js";
import { logBeta, regularizedBetaI } from "../special/regularizedBeta.js";
import { type ContinuousLaw, continuousLaw } from "./distribution.js";
import { fixedTracePurityMoments, wishartShape } from "./fixedTrace.js";

interface DensityData {
  n: number;
  alpha: number;
  /** K − α − 1. */
  c: number;
  /** log(Γ(K)/(N Γ(α+1) Γ(c))). */
  logPrefactor: number;
  /** Monomial coefficients of P̃ = Γ(α+1)·P, degree 2N − 2. */
  coefficients: Float64Array;
  /** log(Γ(c)/Γ(c − m)), m = 0..2N−2. */
  logFalling: Float64Array;
}

/**
 * Monomial coefficients of P̃(x) = Γ(α+1) Σ_{j<N} ℓ_j(x)² (orthonormal Laguerre polynomials,
 * parameter α; the factor Γ(α+1) keeps them representable for large α).
 */
function kernelDiagonalCoefficients(n: number, alpha: number): Float64Array {
  const out = new Float64Array(2 * n - 1);
  const row = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    // ℓ_j(x) = √(j!/Γ(j+α+1)) Σ_i (−1)^i Γ(j+α+1)/((j−i)! Γ(α+i+1) i!) x^i.
    const logNorm = 0.5 * (logGamma(j + 1) + logGamma(alpha + 1) - logGamma(j + alpha + 1));
    for (let i = 0; i <= j; i++) {
      const log =
        logNorm +
        logGamma(j + alpha + 1) -
        logGamma(j - i + 1) -
        logGamma(alpha + i + 1) -
        logGamma(i + 1);
      row[i] = (i % 2 === 0 ? 1 : -1) * Math.exp(log);
    }
    for (let p = 0; p <= j; p++) for (let q = 0; q <= j; q++) out[p + q] += row[p] * row[q];
  }
  return out;
}

function densityData(n: number, m: number): DensityData {
  const alpha = m - n;
  const K = n * m;
  const c = K - alpha - 1;
  const coefficients = kernelDiagonalCoefficients(n, alpha);
  const logFalling = new Float64Array(2 * n - 1);
  const logGammaC = logGamma(c);
  for (let j = 0; j < 2 * n - 1; j++) logFalling[j] = logGammaC - logGamma(c - j);
  const logPrefactor = logGamma(K) - Math.log(n) - logGamma(alpha + 1) - logGammaC;
  return { n, alpha, c, logPrefactor, coefficients, logFalling };
}

/** The direct sum S̃(v) = Σ c̃_m v^m Γ(c)/Γ(c−m) = Γ(c)Γ(α+1)·S(v) and Σ|terms|. */
function directSum(d: DensityData, v: number): { value: number; absolute: number } {
  let sum = 0;
  let absolute = 0;
  const logV = Math.log(v);
  for (let j = 0; j < d.coefficients.length; j++) {
    const t = d.coefficients[j] * Math.exp(j * logV + d.logFalling[j]);
    sum += t;
    absolute += Math.abs(t);
  }
  return { value: sum, absolute };
}

/**
 * log S̃(v) by the contour integral on |w| = c (module comment), with log-scaling so that nothing
 * overflows: S̃(v) = Γ(c) e^c c^(1−c)·(1/2π)∫ exp(c(e^{iθ} − 1) + i(1−c)θ) P̃(c v e^{iθ}) dθ.
 */
function contourLogSum(d: DensityData, v: number): number {
  const { n, alpha, c } = d;
  const radius = c * v;
  const evaluate = (points: number): number => {
    const logs = new Float64Array(points);
    const phases = new Float64Array(points);
    let maxLog = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < points; p++) {
      const theta = -Math.PI + (2 * Math.PI * (p + 0.5)) / points;
      const cos = Math.cos(theta);
      const sin = Math.sin(theta);
      const { logAbs, arg } = logKernelDiagonal(n, alpha, radius * cos, radius * sin);
      logs[p] = c * (cos - 1) + logAbs;
      phases[p] = c * sin + (1 - c) * theta + arg;
      if (logs[p] > maxLog) maxLog = logs[p];
    }
    let re = 0;
    for (let p = 0; p < points; p++) re += Math.exp(logs[p] - maxLog) * Math.cos(phases[p]);
    re /= points;
    // f vanishes here to within the rounding of the integral (e.g. an interior zero of f).
    if (!(re > 0)) return Number.NEGATIVE_INFINITY;
    return Math.log(re) + maxLog + logGamma(c) + c + (1 - c) * Math.log(c);
  };
  let points = 256;
  let previous = evaluate(points);
  while (points < 1 << 17) {
    points *= 2;
    const next = evaluate(points);
    if (Math.abs(next - previous) <= 1e-13) return next;
    previous = next;
  }
  return previous;
}

/**
 * log|P̃(z)| and arg P̃(z) for complex z = x + iy, P̃(z) = Σ_{j<N} ℓ̃_j(z)² (complex squares,
 * ℓ̃_j = √Γ(α+1)·ℓ_j, ℓ̃_0 = 1), by the normalised three-term recurrence
 * ℓ_{j+1} = ((2j+α+1−z)ℓ_j − √(j(j+α))ℓ_{j−1})/√((j+1)(j+α+1)), rescaled by 10^−100 whenever the
 * values grow past 10^100 (they grow like |z|^j/j!).
 */
function logKernelDiagonal(
  n: number,
  alpha: number,
  x: number,
  y: number,
): { logAbs: number; arg: number } {
  let pr = 0; // ℓ_{j−1}
  let pi = 0;
  let lr = 1; // ℓ̃_0
  let li = 0;
  let sr = lr * lr;
  let si = 0;
  let logScale = 0; // true ℓ = stored ℓ · e^{logScale}; true sum = stored sum · e^{2 logScale}
  for (let j = 0; j < n - 1; j++) {
    const ar = 2 * j + alpha + 1 - x;
    const ai = -y;
    const back = j > 0 ? Math.sqrt(j * (j + alpha)) : 0;
    const norm = 1 / Math.sqrt((j + 1) * (j + alpha + 1));
    const nr = (ar * lr - ai * li - back * pr) * norm;
    const ni = (ar * li + ai * lr - back * pi) * norm;
    pr = lr;
    pi = li;
    lr = nr;
    li = ni;
    sr += lr * lr - li * li;
    si += 2 * lr * li;
    const size = Math.abs(lr) + Math.abs(li);
    if (size > 1e100) {
      pr *= 1e-100;
      pi *= 1e-100;
      lr *= 1e-100;
      li *= 1e-100;
      sr *= 1e-200;
      si *= 1e-200;
      logScale += 100 * Math.LN10;
    }
  }
  return { logAbs: Math.log(Math.hypot(sr, si)) + 2 * logScale, arg: Math.atan2(si, sr) };
}

/** f(u), the density of one eigenvalue of ρ (module comment). */
function density(d: DensityData, u: number): number {
  if (!(u > 0 && u < 1)) return 0;
  const v = u / (1 - u);
  const logOuter = d.logPrefactor + d.alpha * Math.log(u) + (d.c - 1) * Math.log1p(-u);
  const direct = directSum(d, v);
  const outer = Math.exp(logOuter);
  // Accept the direct sum when its rounding error ε·Σ|terms| is below 1e−12 of max(f, 1e−3·N)
  // (absolute near the interior zeros of f, e.g. u = 1/2 at N = 2).
  if (2.2e-16 * direct.absolute * outer <= 1e-12 * Math.max(outer * direct.value, 1e-3 * d.n)) {
    return direct.value > 0 ? outer * direct.value : 0;
  }
  if (d.c < 18) {
    throw new RangeError("fixedTraceEigenvalueLaw: no accurate evaluation for these dimensions");
  }
  return Math.exp(logOuter + contourLogSum(d, v));
}

/** CDF: the Beta mixture Σ w_m I_u(α+m+1, c−m) when well-conditioned, else quadrature of f. */
function cdf(d: DensityData, u: number): number {
  if (u <= 0) return 0;
  if (u >= 1) return 1;
  const { n, alpha, c } = d;
  let sum = 0;
  let absolute = 0;
  for (let j = 0; j < d.coefficients.length; j++) {
    // w_m = c_m Γ(α+m+1)/N, component Beta(α+m+1, c−m).
    const w = (d.coefficients[j] * Math.exp(logGamma(alpha + j + 1) - logGamma(alpha + 1))) / n;
    const t = w * regularizedBetaI(u, alpha + j + 1, c - j);
    sum += t;
    absolute += Math.abs(t);
  }
  if (2.2e-16 * absolute <= 1e-10) return Math.min(1, Math.max(0, sum));
  // ∫_0^u f on panels graded toward 0, t_j = u (j/P)^4, Gauss–Legendre on each; on the first
  // panel t = t_1 s^{1/(α+1)} absorbs the t^α endpoint behaviour of f.
  const rule = gaussLegendre(20);
  const panels = 20;
  const p = 1 / (alpha + 1);
  let total = 0;
  for (let j = 0; j < panels; j++) {
    const lo = u * (j / panels) ** 4;
    const hi = u * ((j + 1) / panels) ** 4;
    for (let i = 0; i < rule.nodes.length; i++) {
      const x = 0.5 * (rule.nodes[i] + 1);
      const w = 0.5 * rule.weights[i];
      if (j === 0) total += w * density(d, hi * x ** p) * hi * p * x ** (p - 1);
      else total += w * (hi - lo) * density(d, lo + (hi - lo) * x);
    }
  }
  return Math.min(1, Math.max(0, total));
}

/**
 * The law of one eigenvalue (chosen uniformly) of a random N×N density matrix ρ = GG†/Tr GG†,
 * G an N×M Gaussian matrix (real M > N − 1; M = N: Hilbert–Schmidt), at β = 2 for N ≥ 2, and at any
 * β > 0 for N = 2. Exact: N = 2 in closed form, f(u) ∝ |1 − 2u|^β (u(1−u))^(k−1) with
 * (1 − 2u)² ~ Beta((β+1)/2, k); N ≥ 3 from the Laguerre kernel and the trace constraint (module
 * comment), pdf to ~1e−11 relative (direct Beta mixture when well-conditioned, Hankel contour
 * integral otherwise), CDF to ~1e−10 from the Beta mixture while its rounding allows (N ≲ 9),
 * else by graded Gauss–Legendre quadrature of the pdf (≈ 400 pdf evaluations per value). Mean 1/N,
 * variance E[Tr ρ²]/N − 1/N² (fixedTracePurityMoments).
 *
 * @example
 * ```ts
 * const law = fixedTraceEigenvalueLaw(4, 6); // eigenvalues of 4×4 density matrices, environment 6
 * law.pdf(0.25); law.cdf(0.5); law.mean; // 0.25
 * ```
 */
export function fixedTraceEigenvalueLaw(n: number, m: number, beta = 2): ContinuousLaw {
  const shape = wishartShape(n, m, beta);
  if (n < 2) throw new RangeError(`fixedTraceEigenvalueLaw: n must be >= 2, got ${n}`);
  if (n > 2 && beta !== 2) {
    throw new RangeError(`fixedTraceEigenvalueLaw: N >= 3 needs beta = 2, got ${beta}`);
  }
  const purityMean = fixedTracePurityMoments(n, beta, shape).mean;
  const common = {
    name: `eigenvalue of a random density matrix (β = ${beta}, N = ${n}, M = ${m})`,
    support: [0, 1] as const,
    mean: 1 / n,
    variance: purityMean / n - 1 / (n * n),
  };
  if (n === 2) {
    const a = (beta + 1) / 2;
    const logNorm = (shape - 1) * Math.log(4) + Math.LN2 - logBeta(a, shape);
    const lower = (u: number) => 0.5 * (1 - regularizedBetaI((1 - 2 * u) ** 2, a, shape));
    return continuousLaw({
      ...common,
      pdf: (u) =>
        u > 0 && u < 1
          ? Math.exp(
              logNorm + beta * Math.log(Math.abs(1 - 2 * u)) + (shape - 1) * Math.log(u * (1 - u)),
            )
          : 0,
      cdf: (u) => (u <= 0 ? 0 : u >= 1 ? 1 : u <= 0.5 ? lower(u) : 1 - lower(1 - u)),
    });
  }
  const d = densityData(n, m);
  return continuousLaw({ ...common, pdf: (u) => density(d, u), cdf: (u) => cdf(d, u) });
}
