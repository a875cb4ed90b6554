/**
 * Exact finite-N theory of the fixed-trace Laguerre ensemble: the eigenvalues λ = x/T of a random
 * density matrix ρ = W/Tr W, where x is a Laguerre β-ensemble sample |Δ(x)|^β Π x_i^(k−1) e^(−x_i/θ)
 * and T = Σ x_i (docs/density-matrices/README.md, §1–§3).
 *
 * The one fact behind every formula here: T is independent of λ, and T ~ Gamma(K, θ) with
 * K = Nk + βN(N−1)/2. Proof: the density of x is homogeneous of degree βN(N−1)/2 + N(k−1) times
 * e^(−T/θ); in the coordinates (T, λ) on (0, ∞) × simplex (Jacobian T^(N−1)) it factorises as
 * T^(K−1) e^(−T/θ) · |Δ(λ)|^β Π λ_i^(k−1). Hence E[g(λ)]·E[T^p] = E[T^p g(λ)] for any g, in
 * particular E[Σλ²] = E[Σx²]/E[T²] and E[(Σλ²)²] = E[(Σx²)²]/E[T⁴].
 */
import { fixedTraceShape } from "../spec/params.js";
import { digamma } from "../special/digamma.js";
import { type ContinuousLaw, continuousLaw } from "./distribution.js";

function checkSizeBetaShape(n: number, beta: number, shape: number, caller: string): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`${caller}: n must be an integer >= 1, got ${n}`);
  }
  if (!(beta > 0) || !Number.isFinite(beta)) {
    throw new RangeError(`${caller}: beta must be a finite number > 0, got ${beta}`);
  }
  if (!(shape > 0) || !Number.isFinite(shape)) {
    throw new RangeError(`${caller}: shape must be a finite number > 0, got ${shape}`);
  }
}

/**
 * The Laguerre shape k = β(M − N + 1)/2 of the β-Wishart matrix with dimensions N and real
 * M > N − 1 (the fixed-trace ensemble of random N×N density matrices obtained by tracing out an
 * M-dimensional environment: the "induced measure" of Życzkowski–Sommers 2001, M = N for
 * Hilbert–Schmidt). Throws a RangeError unless M > N − 1 and β > 0.
 */
export function wishartShape(n: number, m: number, beta: number): number {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`n must be an integer >= 1, got ${n}`);
  }
  if (!(beta > 0) || !Number.isFinite(beta)) {
    throw new RangeError(`beta must be a finite number > 0, got ${beta}`);
  }
  if (!Number.isFinite(m) || !(m > n - 1)) {
    throw new RangeError(`m must be a finite number > n − 1 = ${n - 1}, got ${m}`);
  }
  return fixedTraceShape(n, m, beta);
}

/** K = Nk + βN(N−1)/2: the trace of the Laguerre β-ensemble is Gamma(K, θ) (module comment). */
export function laguerreTraceShape(n: number, beta: number, shape: number): number {
  checkSizeBetaShape(n, beta, shape, "laguerreTraceShape");
  return n * shape + (beta * n * (n - 1)) / 2;
}

/**
 * E[p₂] and E[p₂²] for p₂ = Σ x_i² of the Laguerre β-ensemble with shape k and scale θ:
 *   E p₂  = θ² N(β(N−1) + 2k)(β(N−1) + k + 1)/2,
 *   E p₂² = θ⁴ N(β(N−1) + 2k)·Q/4, Q the quartic of the code below.
 * Derived from the bidiagonal model (docs/density-matrices/README.md §2): p₂ = Tr J² =
 * Σ ξ_i² + 2 Σ ξ_i ξ_{i+1} over its 2N − 1 independent Gamma coordinates, whose moments are
 * rising factorials; summed in closed form by polynomial interpolation in N (exact, degree ≤ 8)
 * and checked in the tests against the O(N) sum over the coordinates.
 */
export function laguerreSumOfSquaresMoments(
  n: number,
  beta: number,
  shape: number,
  scale = 1,
): { mean: number; secondMoment: number } {
  checkSizeBetaShape(n, beta, shape, "laguerreSumOfSquaresMoments");
  if (!(scale > 0) || !Number.isFinite(scale)) {
    throw new RangeError(`laguerreSumOfSquaresMoments: scale must be > 0, got ${scale}`);
  }
  const N = n;
  const b = beta;
  const k = shape;
  const a = b * (N - 1) + 2 * k;
  const mean = (N * a * (b * (N - 1) + k + 1)) / 2;
  const N2 = N * N;
  const b2 = b * b;
  const b3 = b2 * b;
  const k2 = k * k;
  const q =
    N2 * N2 * b3 -
    3 * N2 * N * b3 +
    4 * N2 * N * b2 * k +
    2 * N2 * N * b2 +
    3 * N2 * b3 -
    8 * N2 * b2 * k +
    5 * N2 * b2 +
    5 * N2 * b * k2 +
    6 * N2 * b * k +
    N2 * b -
    N * b3 +
    4 * N * b2 * k -
    17 * N * b2 -
    5 * N * b * k2 +
    12 * N * b * k +
    19 * N * b +
    2 * N * k2 * k +
    4 * N * k2 +
    2 * N * k +
    (10 * b2 - 18 * b * k - 20 * b + 8 * k2 + 20 * k + 12);
  const s2 = scale * scale;
  return { mean: mean * s2, secondMoment: ((N * a * q) / 4) * s2 * s2 };
}

/**
 * Mean and variance of the purity Tr ρ² = Σ λ_i² of the fixed-trace Laguerre ensemble, any β > 0
 * and shape k > 0 (docs/density-matrices/README.md §2), K = Nk + βN(N−1)/2:
 *   E[Tr ρ²]   = (β(N−1) + k + 1)/(K + 1),
 *   Var[Tr ρ²] = (N−1)(βN + 2)(β(N−2) + 2k)(β(N−1) + 2k + 2) / (4(K+1)²(K+2)(K+3)),
 * from E[Σλ²] = E[p₂]/E[T²] and E[(Σλ²)²] = E[p₂²]/E[T⁴] (laguerreSumOfSquaresMoments, T ~ Gamma(K)).
 * With k = β(M−N+1)/2 this gives (N + M)/(NM + 1) and 2(N²−1)(M²−1)/((NM+1)²(NM+2)(NM+3)) at
 * β = 2 (Lubkin 1978; Giraud, J. Phys. A 40 (2007) 2793; Scott & Caves 2003) and
 * (N + M + 1)/(NM + 2) at β = 1 (Giraud 2007), checked in the tests.
 */
export function fixedTracePurityMoments(
  n: number,
  beta: number,
  shape: number,
): { mean: number; variance: number } {
  checkSizeBetaShape(n, beta, shape, "fixedTracePurityMoments");
  const K = laguerreTraceShape(n, beta, shape);
  const mean = (beta * (n - 1) + shape + 1) / (K + 1);
  const variance =
    ((n - 1) * (beta * n + 2) * (beta * (n - 2) + 2 * shape) * (beta * (n - 1) + 2 * shape + 2)) /
    (4 * (K + 1) * (K + 1) * (K + 2) * (K + 3));
  return { mean, variance };
}

/**
 * Page's mean entanglement entropy E[−Σ λ_i log λ_i] of the fixed-trace ensemble at β = 2 with
 * dimensions N and real M > N − 1:
 *   E S = ψ(NM + 1) − ψ(M + 1) − (N − 1)/(2M)  ( = Σ_{j=M+1}^{NM} 1/j − (N−1)/(2M), integer M ≥ N ),
 * conjectured by Page (Phys. Rev. Lett. 71 (1993) 1291), proved by Foong & Kanno (1994), Sánchez-Ruiz
 * (1995) and Sen (Phys. Rev. Lett. 77 (1996) 1). The digamma form holds for real M > N − 1 (checked
 * in the tests against E S = ψ(K+1) − E[Σ x log x]/K from the Laguerre kernel, docs §3).
 */
export function pageMeanEntropy(n: number, m: number): number {
  wishartShape(n, m, 2);
  return digamma(n * m + 1) - digamma(m + 1) - (n - 1) / (2 * m);
}

/**
 * Law of the smallest eigenvalue of ρ when the Laguerre shape is k = 1 (M = N − 1 + 2/β: the square
 * complex case M = N at β = 2, M = N + 1 at β = 1, M = N − 1/2 at β = 4), any β > 0, N ≥ 2:
 *   P(λ_min > u) = (1 − N u)^(K−1),  0 ≤ u ≤ 1/N,  K = N + βN(N−1)/2.
 * Proof: shift λ_i = u + (1 − Nu)μ_i; the weight Π λ^(k−1) is 1, Δ(λ) = (1−Nu)^(N(N−1)/2) Δ(μ) and the
 * simplex volume scales by (1−Nu)^(N−1) (docs/density-matrices/README.md §4; at β = 2 this is the
 * result of Majumdar, Bohigas & Lakshminarayan, J. Stat. Phys. 131 (2008) 33, for N = M).
 */
export function fixedTraceSmallestEigenvalueLaw(n: number, beta: number): ContinuousLaw {
  if (!Number.isInteger(n) || n < 2) {
    throw new RangeError(`fixedTraceSmallestEigenvalueLaw: n must be an integer >= 2, got ${n}`);
  }
  const K = laguerreTraceShape(n, beta, 1);
  const e = K - 1;
  const survival = (u: number) => (u <= 0 ? 1 : u >= 1 / n ? 0 : (1 - n * u) ** e);
  return continuousLaw({
    name: `λ_min of fixed-trace Laguerre (N = ${n}, β = ${beta}, k = 1)`,
    support: [0, 1 / n],
    pdf: (u) => (u < 0 || u > 1 / n ? 0 : n * e * (1 - n * u) ** (e - 1)),
    cdf: (u) => 1 - survival(u),
    sf: survival,
    logsf: (u) => (u <= 0 ? 0 : u >= 1 / n ? Number.NEGATIVE_INFINITY : e * Math.log1p(-n * u)),
    quantile: (p) => (p >= 0 && p <= 1 ? -Math.expm1(Math.log1p(-p) / e) / n : Number.NaN),
    isf: (q) => (q >= 0 && q <= 1 ? -Math.expm1(Math.log(q) / e) / n : Number.NaN),
    mean: 1 / (n * K),
    variance: 2 / (n * n * K * (K + 1)) - 1 / (n * n * K * K),
  });
}
