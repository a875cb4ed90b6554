/**
 * TW_β for any β > 0, computed (not sampled) from the boundary-value problem of Bloemendal and
 * Virág (A. Bloemendal, B. Virág, "Limits of spiked random matrices I", Probab. Theory Relat.
 * Fields 156 (2013), Thm. 1.7; Bloemendal's thesis, 2011), solved numerically along the lines of
 * T. Trogdon and Y. Zhang, "Computing the Tracy–Widom distribution for arbitrary β > 0", SIGMA 20
 * (2024) 005 (a spectral discretisation in an angle variable and an ODE system in x). Our
 * discretisation (Chebyshev collocation, Crank–Nicolson with Richardson extrapolation, the
 * Hessenberg trick below) is our own.
 *
 * The problem. F(x, w) = P(the diffusion dp = (t − p²)dt + (2/√β)dB_t started at time x at p = w
 * never explodes to −∞) solves
 *   ∂_x F + (2/β)∂²_w F + (x − w²)∂_w F = 0,  F → 1 as x, w → ∞ together,  F → 0 as w → −∞,
 * and TW_β(x) = F(x, +∞) is the CDF of the β-ensemble soft-edge law (Ramírez–Rider–Virág 2011:
 * −Λ₀ of the stochastic Airy operator; for β = 4 the "beta" convention, F₄^TW(2^{1/6}x)).
 *
 * Angle variable. w = σ·cot θ, θ ∈ (0, π), maps w = +∞ to θ = 0 and w = −∞ to θ = π; with
 * s = sin θ, c = cos θ (∂_w = −(s²/σ)∂_θ):
 *   ∂_x F + (2/(βσ²))[s⁴F_θθ + s² sin 2θ F_θ] + [σc² − (x/σ)s²]F_θ = 0.
 * At θ = 0 this reads ∂_x F = −σF_θ: no boundary condition is needed there (outflow in the
 * direction of decreasing x) and the density is TW_β′(x) = −σF_θ(x, 0), a spectral derivative.
 * At θ = π, F = 0. σ ≈ √x₀ places the steep part of F (near w = −√x, the unstable point of the
 * drift) where the Chebyshev points are dense enough.
 *
 * Discretisation. Chebyshev–Lobatto collocation in θ (N + 1 points, F(π) = 0 eliminated) gives
 * dF/dτ = (L₀ + τL₁)F in τ = −x, integrated from x₀ (where 1 − TW_β(x₀) < 1e−14 by the right-tail
 * asymptotics) down to x_min by Crank–Nicolson, whose matrices (A − τB) (A = I − (h/2)L₀,
 * B = (h/2)L₁) change with τ: with the Hessenberg form A⁻¹B = QHQᵀ (computed once), a step is
 *   z_{n+1} = (I − τ_{n+1}H)⁻¹(2QᵀA⁻¹Q − I + τ_n H)z_n,   F = Qz,
 * i.e. O(N²) per step instead of a new LU factorisation (Laub's trick for frequency responses).
 * Two runs, steps h and h/2, are combined by Richardson extrapolation (CN's error is even in h).
 * The initial profile at x₀ is a smooth step at w = −√x₀ (its shape only matters through the
 * probability of an explosion after x₀, i.e. ≲ 1 − TW_β(x₀)).
 *
 * Representation. F and f on the x-grid of spacing h, interpolated by cubic Hermite polynomials;
 * left of the grid log F follows the left-tail asymptotics of Borot–Eynard–Majumdar–Nadal (2011),
 *   log F_β(x) = −β|x|³/24 + (√2/3)(β/2 − 1)|x|^{3/2} + ((β/2 + 2/β − 3)/8)·log|x| + const + o(1),
 * with the constant matched to the grid; right of it, 1 − F_β follows the right tail of
 * Dumaz–Virág (2013) / Borot–Nadal (2012),
 *   1 − F_β(x) ≈ Γ(β/2)/(2π(4β)^{β/2})·x^{−3β/4}·e^{−2βx^{3/2}/3},
 * matched likewise. Accuracy: see docs/tracy-widom/README.md (measured against F₁, F₂, F₄ and by
 * self-convergence for other β).
 */

import {
  detCos,
  detExp,
  detExpm1,
  detLog,
  detLog1p,
  detPow,
  detSin,
} from "../special/deterministicMath.js";
import { logGamma } from "../special/logGamma.js";
import { luFactorIdentityPlus, luSolve } from "./tracyWidomLinearAlgebra.js";

/** Discretisation parameters (defaults: docs/tracy-widom/README.md, chosen by the convergence study). */
export interface TracyWidomBetaOptions {
  /** Chebyshev degree in θ (default 112; 128 for β < 1; ≈ 112·√(β/4) for β > 4). */
  degree?: number;
  /** Coarse step in x (default 0.02·min(1, √(2/β)); the extrapolation also runs h/2). */
  step?: number;
  /** Scale σ of the map w = σ·cot θ (default max(1.5, √x₀)). */
  sigma?: number;
  /** The start x₀ of the integration solves 2βx₀^{3/2}/3 = startExponent (default 45). */
  startExponent?: number;
  /** The grid is trusted up to the x with 2βx^{3/2}/3 = trustExponent (default 25). */
  trustExponent?: number;
}

export interface TracyWidomBetaLaw {
  beta: number;
  /** The x-grid of the computed values: x_k = xMin + k·step, k = 0 … n − 1. */
  xMin: number;
  xMax: number;
  step: number;
  /** Chebyshev degree in θ used. */
  degree: number;
  cdfValues: Float64Array;
  pdfValues: Float64Array;
  cdf(x: number): number;
  logcdf(x: number): number;
  sf(x: number): number;
  logsf(x: number): number;
  pdf(x: number): number;
  logpdf(x: number): number;
  quantile(p: number): number;
  isf(q: number): number;
  mean: number;
  variance: number;
}

// ---------------------------------------------------------------------------------------------
// Asymptotics used to choose the domain and to extend the computed values.

/** log of the right-tail asymptotic 1 − F_β(x) ≈ Γ(β/2)/(2π(4β)^{β/2}) x^{−3β/4} e^{−2βx^{3/2}/3}. */
export function tracyWidomBetaRightTailLog(beta: number, x: number): number {
  return (
    logGamma(beta / 2) -
    detLog(2 * Math.PI) -
    (beta / 2) * detLog(4 * beta) -
    ((3 * beta) / 4) * detLog(x) -
    ((2 * beta) / 3) * x * Math.sqrt(x)
  );
}

/** The x-dependent part of the left-tail asymptotic log F_β(−y), y = −x > 0 (no constant). */
export function tracyWidomBetaLeftTailShape(beta: number, x: number): number {
  const y = -x;
  // Beyond 1e100 the cubic term alone is below −1e298 (and y³ would overflow against y^{3/2}).
  if (y > 1e100) return Number.NEGATIVE_INFINITY;
  return (
    (-beta * y * y * y) / 24 +
    (Math.SQRT2 / 3) * (beta / 2 - 1) * y * Math.sqrt(y) +
    ((beta / 2 + 2 / beta - 3) / 8) * detLog(y)
  );
}

/** d/dx of the left-tail shape (for the density left of the grid). */
function leftTailShapeDerivative(beta: number, x: number): number {
  const y = -x;
  return (
    (beta * y * y) / 8 -
    (Math.SQRT2 / 2) * (beta / 2 - 1) * Math.sqrt(y) -
    (beta / 2 + 2 / beta - 3) / (8 * y)
  );
}

/** d/dx of the right-tail log (negative). */
function rightTailLogDerivative(beta: number, x: number): number {
  return -(3 * beta) / (4 * x) - beta * Math.sqrt(x);
}

/** Largest x < −1 with left-tail shape ≤ target. */
function leftTailPoint(beta: number, target: number): number {
  let hi = -1;
  let lo = -2;
  while (tracyWidomBetaLeftTailShape(beta, lo) > target) lo *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = 0.5 * (lo + hi);
    if (tracyWidomBetaLeftTailShape(beta, mid) > target) hi = mid;
    else lo = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Dense linear algebra for the Hessenberg stepping.

/**
 * Reduces the row-major n×n matrix a to upper Hessenberg form H = QᵀaQ by Householder reflections
 * (Golub–Van Loan, Matrix Computations, Alg. 7.4.2), in place; returns Q (row-major).
 */
function hessenbergReduce(a: Float64Array, n: number): Float64Array {
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const v = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    let norm = 0;
    for (let i = k + 1; i < n; i++) norm += a[i * n + k] * a[i * n + k];
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const x0 = a[(k + 1) * n + k];
    const alpha = x0 > 0 ? -norm : norm;
    let vnorm = 0;
    for (let i = k + 1; i < n; i++) {
      v[i] = a[i * n + k] - (i === k + 1 ? alpha : 0);
      vnorm += v[i] * v[i];
    }
    if (vnorm === 0) continue;
    const scale = 2 / vnorm;
    // a ← (I − scale·vvᵀ)a (rows k+1…), then a ← a(I − scale·vvᵀ) (columns k+1…).
    for (let j = k; j < n; j++) {
      let s = 0;
      for (let i = k + 1; i < n; i++) s += v[i] * a[i * n + j];
      s *= scale;
      for (let i = k + 1; i < n; i++) a[i * n + j] -= s * v[i];
    }
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = k + 1; j < n; j++) s += a[i * n + j] * v[j];
      s *= scale;
      for (let j = k + 1; j < n; j++) a[i * n + j] -= s * v[j];
    }
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = k + 1; j < n; j++) s += q[i * n + j] * v[j];
      s *= scale;
      for (let j = k + 1; j < n; j++) q[i * n + j] -= s * v[j];
    }
    for (let i = k + 2; i < n; i++) a[i * n + k] = 0;
  }
  return q;
}

/**
 * Solves (I − τH)x = b in place for upper Hessenberg H (row-major n×n), by Gaussian elimination
 * with partial pivoting between adjacent rows; `work` holds n·n entries.
 */
function hessenbergSolve(
  h: Float64Array,
  n: number,
  tau: number,
  b: Float64Array,
  work: Float64Array,
): void {
  // work = I − τH (upper Hessenberg).
  for (let i = 0; i < n; i++) {
    const from = i === 0 ? 0 : i - 1;
    for (let j = from; j < n; j++) work[i * n + j] = (i === j ? 1 : 0) - tau * h[i * n + j];
  }
  for (let k = 0; k < n - 1; k++) {
    const r0 = k * n;
    const r1 = (k + 1) * n;
    if (Math.abs(work[r1 + k]) > Math.abs(work[r0 + k])) {
      for (let j = k; j < n; j++) {
        const t = work[r0 + j];
        work[r0 + j] = work[r1 + j];
        work[r1 + j] = t;
      }
      const t = b[k];
      b[k] = b[k + 1];
      b[k + 1] = t;
    }
    const l = work[r1 + k] / work[r0 + k];
    if (l !== 0) {
      for (let j = k + 1; j < n; j++) work[r1 + j] -= l * work[r0 + j];
      b[k + 1] -= l * b[k];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    const row = i * n;
    for (let j = i + 1; j < n; j++) s -= work[row + j] * b[j];
    b[i] = s / work[row + i];
  }
}

// ---------------------------------------------------------------------------------------------
// The PDE solve.

interface Discretisation {
  n: number;
  sigma: number;
  /** Row 0 of F = Qz and of the density −σ(D_θ F)(0) in z coordinates, per run. */
  theta: Float64Array;
  l0: Float64Array;
  l1: Float64Array;
  d0: Float64Array;
}

/** Chebyshev collocation of the θ-equation (see the file comment), unknowns θ_0 … θ_{N−1}. */
function discretise(beta: number, degree: number, sigma: number): Discretisation {
  const m = degree;
  const nodes = new Float64Array(m + 1); // z_j = cos(πj/m), from 1 to −1
  for (let j = 0; j <= m; j++) nodes[j] = detCos((Math.PI * j) / m);
  // Differentiation matrix in z (Trefethen, Spectral Methods in MATLAB, cheb.m), rows by the
  // negative-sum trick for the diagonal.
  const d = new Float64Array((m + 1) * (m + 1));
  for (let i = 0; i <= m; i++) {
    const ci = (i === 0 || i === m ? 2 : 1) * (i % 2 === 0 ? 1 : -1);
    let rowSum = 0;
    for (let j = 0; j <= m; j++) {
      if (i === j) continue;
      const cj = (j === 0 || j === m ? 2 : 1) * (j % 2 === 0 ? 1 : -1);
      const value = ci / cj / (nodes[i] - nodes[j]);
      d[i * (m + 1) + j] = value;
      rowSum += value;
    }
    d[i * (m + 1) + i] = -rowSum;
  }
  // θ = π(1 − z)/2: d/dθ = −(2/π) d/dz.
  const theta = new Float64Array(m + 1);
  for (let j = 0; j <= m; j++) theta[j] = (Math.PI * (1 - nodes[j])) / 2;
  const dt = new Float64Array((m + 1) * (m + 1));
  for (let k = 0; k < dt.length; k++) dt[k] = (-2 / Math.PI) * d[k];
  const n = m; // unknowns 0 … m − 1 (F(θ_m = π) = 0)
  const l0 = new Float64Array(n * n);
  const l1 = new Float64Array(n * n);
  const diffusion = 2 / (beta * sigma * sigma);
  for (let i = 0; i < n; i++) {
    const s = detSin(theta[i]);
    const c = detCos(theta[i]);
    const s2 = s * s;
    const sin2 = 2 * s * c;
    const a2 = diffusion * s2 * s2; // coefficient of F_θθ
    const a1 = diffusion * s2 * sin2 + sigma * c * c; // of F_θ (x-independent part)
    const b1 = s2 / sigma; // of F_θ times τ = −x
    for (let j = 0; j < n; j++) {
      // (D²)_ij = Σ_k D_ik D_kj over all m + 1 points (F_m = 0 drops column m only).
      let second = 0;
      for (let k = 0; k <= m; k++) second += dt[i * (m + 1) + k] * dt[k * (m + 1) + j];
      const first = dt[i * (m + 1) + j];
      l0[i * n + j] = a2 * second + a1 * first;
      l1[i * n + j] = b1 * first;
    }
  }
  const d0 = new Float64Array(n);
  for (let j = 0; j < n; j++) d0[j] = -sigma * dt[j];
  return { n, sigma, theta, l0, l1, d0 };
}

/**
 * The initial profile at x₀: a logistic step in w at −√x₀ (width ∝ (β√x₀)^{−1/2}), F(θ = 0) = 1.
 * (A few backward-Euler steps to damp stiff components, as Rannacher advises for Crank–Nicolson
 * with rough data, made things worse here: their O(h) error enters through the start, whose
 * influence is not negligible — docs/tracy-widom/README.md.)
 */
function initialProfile(disc: Discretisation, beta: number, x0: number): Float64Array {
  const { n, theta, sigma } = disc;
  const f = new Float64Array(n);
  const centre = -Math.sqrt(x0);
  const rate = 0.8 * Math.sqrt(beta * Math.sqrt(x0));
  f[0] = 1;
  for (let i = 1; i < n; i++) {
    const w = (sigma * detCos(theta[i])) / detSin(theta[i]);
    f[i] = 1 / (1 + detExp(-2 * rate * (w - centre)));
  }
  return f;
}

/**
 * Crank–Nicolson from x₀ (initial values f) down to x₀ − steps·h; returns F(x, 0) and the density at every step
 * (index k ↔ x₀ − k·h).
 */
function crankNicolson(
  disc: Discretisation,
  f: Float64Array,
  x0: number,
  h: number,
  steps: number,
): { cdf: Float64Array; pdf: Float64Array } {
  const { n, l0, l1, d0 } = disc;
  // A = I − (h/2)L₀ (factored), M = A⁻¹B with B = (h/2)L₁.
  const y = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) y[k] = -0.5 * h * l0[k];
  const pivots = new Int32Array(n);
  luFactorIdentityPlus(y, n, pivots); // (its log-determinant is not needed)
  const column = new Float64Array(n);
  const mMatrix = new Float64Array(n * n);
  const aInverse = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) column[i] = 0.5 * h * l1[i * n + j];
    luSolve(y, n, pivots, column);
    for (let i = 0; i < n; i++) mMatrix[i * n + j] = column[i];
    column.fill(0);
    column[j] = 1;
    luSolve(y, n, pivots, column);
    for (let i = 0; i < n; i++) aInverse[i * n + j] = column[i];
  }
  const hMatrix = mMatrix; // reduced in place
  const q = hessenbergReduce(hMatrix, n);
  // G = Qᵀ A⁻¹ Q; R = 2G − I.
  const tmp = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += aInverse[i * n + k] * q[k * n + j];
      tmp[i * n + j] = s;
    }
  }
  const r = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += q[k * n + i] * tmp[k * n + j];
      r[i * n + j] = 2 * s - (i === j ? 1 : 0);
    }
  }
  // Read-out vectors: F(x, 0) = (Qz)_0, density = d0·Qz.
  const readF = new Float64Array(n);
  const readPdf = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    readF[j] = q[j];
    let s = 0;
    for (let k = 0; k < n; k++) s += d0[k] * q[k * n + j];
    readPdf[j] = s;
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += q[k * n + i] * f[k];
    z[i] = s;
  }
  const cdf = new Float64Array(steps + 1);
  const pdf = new Float64Array(steps + 1);
  const next = new Float64Array(n);
  const work = new Float64Array(n * n);
  const readOut = (k: number) => {
    let a = 0;
    let b = 0;
    for (let j = 0; j < n; j++) {
      a += readF[j] * z[j];
      b += readPdf[j] * z[j];
    }
    cdf[k] = a;
    pdf[k] = b;
  };
  readOut(0);
  let tau = -x0;
  for (let step = 1; step <= steps; step++) {
    // next = (R + τ_n H) z
    for (let i = 0; i < n; i++) {
      let s = 0;
      const row = i * n;
      for (let k = 0; k < n; k++) s += r[row + k] * z[k];
      let t = 0;
      for (let k = i === 0 ? 0 : i - 1; k < n; k++) t += hMatrix[row + k] * z[k];
      next[i] = s + tau * t;
    }
    tau = -x0 + step * h;
    hessenbergSolve(hMatrix, n, tau, next, work);
    z.set(next);
    readOut(step);
  }
  return { cdf, pdf };
}

// ---------------------------------------------------------------------------------------------
// The law.

/**
 * Default θ-degree: 112, growing like √β beyond β = 4 (the boundary layer near w = −√x narrows);
 * 128 below β = 1, where the start x₀ (hence σ) is larger (measured: the CDF error at β = 0.2–0.8
 * falls from 1.3–5.3e−8 at degree 112 to ≤ 4e−10 at 128; docs/tracy-widom/README.md).
 */
function defaultDegree(beta: number): number {
  if (beta > 4) return 2 * Math.round(56 * Math.sqrt(beta / 4));
  return beta < 1 ? 128 : 112;
}

/**
 * The β for which tracyWidomBetaLaw computes TW_β with the accuracy stated in docs/tracy-widom/
 * (measured by self-convergence and against F₁, F₂, F₄); outside, RangeError.
 */
export const TRACY_WIDOM_BETA_RANGE: readonly [number, number] = [0.2, 15];

/** Default step: 0.02, finer for β > 2 where TW_β narrows (its standard deviation ~ β^{−1/2}). */
function defaultStep(beta: number): number {
  return beta > 2 ? 0.02 * Math.sqrt(2 / beta) : 0.02;
}

/**
 * Computes TW_β (β-ensemble convention) on a grid and returns the law (see the file comment).
 * About 0.2–1 s; throws a RangeError for β outside (0, ∞) or bad options.
 */
export function tracyWidomBetaLaw(
  beta: number,
  options: TracyWidomBetaOptions = {},
): TracyWidomBetaLaw {
  if (!(beta > 0 && Number.isFinite(beta))) {
    throw new RangeError(`beta must be a finite number > 0, got ${beta}`);
  }
  const [lowest, highest] = TRACY_WIDOM_BETA_RANGE;
  if (!(beta >= lowest && beta <= highest) && options.degree === undefined) {
    throw new RangeError(
      `TW_beta is computed for beta in [${lowest}, ${highest}] (docs/tracy-widom/), got ${beta}`,
    );
  }
  const degree = options.degree ?? defaultDegree(beta);
  const step = options.step ?? defaultStep(beta);
  if (!(Number.isInteger(degree) && degree >= 16 && degree <= 512)) {
    throw new RangeError(`degree must be an integer in [16, 512], got ${degree}`);
  }
  if (!(step > 0 && step <= 0.2)) throw new RangeError(`step must be in (0, 0.2], got ${step}`);
  // Domain: from x₀ (1 − F < e^{−32}) down to x_min (log F < −40 by the left asymptotics).
  // The start x₀ and the last trusted point: where the exponential factor e^{−2βx^{3/2}/3} of the
  // right tail is e^{−45} resp. e^{−25}. (Not the whole tail asymptotic: for large β its
  // prefactor (4β)^{−β/2} is tiny, but the influence of the initial profile follows the
  // exponential alone — measured: starting at 1 − F = e^{−45} instead of the exponent's e^{−45}
  // leaves errors 2e−4 at β = 10.)
  const exponentPoint = (e: number) => detPow((1.5 * e) / beta, 2 / 3);
  const xTrust = Math.max(1, exponentPoint(options.trustExponent ?? 25));
  const x0raw = Math.max(xTrust + 1, 2, exponentPoint(options.startExponent ?? 45));
  const xMinRaw = Math.min(-3, leftTailPoint(beta, -40));
  // x₀ itself is not rounded to a multiple of the step: the result must not depend on the
  // grid's alignment through the start (whose influence is small but not negligible).
  const x0 = x0raw;
  const steps = Math.ceil((x0 - xMinRaw) / step);
  const sigma = options.sigma ?? Math.max(1.5, Math.sqrt(x0));
  const disc = discretise(beta, degree, sigma);
  const start = initialProfile(disc, beta, x0);
  const coarse = crankNicolson(disc, start, x0, step, steps);
  const fine = crankNicolson(disc, start, x0, step / 2, 2 * steps);
  // Richardson: (4·F_{h/2} − F_h)/3 at the common points, reversed to ascending x.
  const cdfValues = new Float64Array(steps + 1);
  const pdfValues = new Float64Array(steps + 1);
  for (let k = 0; k <= steps; k++) {
    const i = steps - k;
    cdfValues[i] = (4 * fine.cdf[2 * k] - coarse.cdf[k]) / 3;
    pdfValues[i] = (4 * fine.pdf[2 * k] - coarse.pdf[k]) / 3;
  }
  const xMin = x0 - steps * step;
  return { ...buildLaw(beta, xMin, step, cdfValues, pdfValues, xTrust), degree };
}

/**
 * The law from grid values: cubic Hermite inside [xFirst, xLast]; outside, the tail asymptotics
 * with their constants matched to the grid: on the left at the first grid point with F ≥ 1e−7
 * (where the grid's absolute error ≈ 1e−9 is still a small relative error), on the right at the last
 * grid point left of xTrust (the start's influence has decayed there) with 1 − F ≥ 1e−13.
 */
function buildLaw(
  beta: number,
  xMin: number,
  step: number,
  cdfValues: Float64Array,
  pdfValues: Float64Array,
  xTrust: number,
): Omit<TracyWidomBetaLaw, "degree"> {
  const count = cdfValues.length;
  // Clean the grid: F into [0, 1], f ≥ 0, F nondecreasing.
  for (let k = 0; k < count; k++) {
    cdfValues[k] = Math.min(1, Math.max(0, cdfValues[k]));
    pdfValues[k] = Math.max(0, pdfValues[k]);
    if (k > 0 && cdfValues[k] < cdfValues[k - 1]) cdfValues[k] = cdfValues[k - 1];
  }
  let first = 0;
  while (first < count - 1 && cdfValues[first] < 1e-7) first++;
  let last = Math.min(count - 1, Math.floor((xTrust - xMin) / step));
  while (last > first + 1 && 1 - cdfValues[last] < 1e-13) last--;
  const xFirst = xMin + first * step;
  const xLast = xMin + last * step;
  // Matching constants: log F = shape(x) + cLeft left of xFirst, log(1 − F) = right(x) + cRight.
  const cLeft = detLog(cdfValues[first]) - tracyWidomBetaLeftTailShape(beta, Math.min(xFirst, -1));
  const cRight = detLog(1 - cdfValues[last]) - tracyWidomBetaRightTailLog(beta, Math.max(xLast, 1));

  /**
   * F by cubic Hermite interpolation of (F_k, f_k) on [x_k, x_{k+1}], with the slopes limited as
   * Fritsch and Carlson (SIAM J. Numer. Anal. 17 (1980) 238) prescribe so that F stays monotone
   * where the grid values sit at the rounding level (F ≈ 1); f by 4-point Lagrange interpolation
   * of the density values (error O(h⁴), independent of the limiter).
   */
  const hermite = (x: number): [number, number] => {
    const u = (x - xMin) / step;
    let k = Math.floor(u);
    if (k >= count - 1) k = count - 2;
    if (k < 0) k = 0;
    const t = u - k;
    const f0 = cdfValues[k];
    const f1 = cdfValues[k + 1];
    let d0 = pdfValues[k] * step;
    let d1 = pdfValues[k + 1] * step;
    const delta = f1 - f0;
    if (delta <= 0) {
      d0 = 0;
      d1 = 0;
    } else {
      const a = d0 / delta;
      const b = d1 / delta;
      const r = a * a + b * b;
      if (r > 9) {
        const shrink = 3 / Math.sqrt(r);
        d0 *= shrink;
        d1 *= shrink;
      }
    }
    const t2 = t * t;
    const t3 = t2 * t;
    const value =
      (2 * t3 - 3 * t2 + 1) * f0 +
      (t3 - 2 * t2 + t) * d0 +
      (-2 * t3 + 3 * t2) * f1 +
      (t3 - t2) * d1;
    // Density: Lagrange through the values at k − 1 … k + 2 (shifted inside the grid).
    const j = Math.min(Math.max(k - 1, 0), count - 4);
    const v = u - j; // position relative to node j, nodes at 0, 1, 2, 3
    const p0 = pdfValues[j];
    const p1 = pdfValues[j + 1];
    const p2 = pdfValues[j + 2];
    const p3 = pdfValues[j + 3];
    const density =
      (-p0 * (v - 1) * (v - 2) * (v - 3)) / 6 +
      (p1 * v * (v - 2) * (v - 3)) / 2 -
      (p2 * v * (v - 1) * (v - 3)) / 2 +
      (p3 * v * (v - 1) * (v - 2)) / 6;
    return [Math.min(1, Math.max(0, value)), Math.max(0, density)];
  };
  const logcdf = (x: number): number => {
    if (Number.isNaN(x)) return Number.NaN;
    if (x < xFirst)
      return x === Number.NEGATIVE_INFINITY
        ? x
        : tracyWidomBetaLeftTailShape(beta, Math.min(x, -1)) + cLeft;
    if (x > xLast) {
      if (x === Number.POSITIVE_INFINITY) return 0;
      return detLog1p(-detExp(tracyWidomBetaRightTailLog(beta, x) + cRight));
    }
    return detLog(hermite(x)[0]);
  };
  const logsf = (x: number): number => {
    if (Number.isNaN(x)) return Number.NaN;
    if (x > xLast) {
      return x === Number.POSITIVE_INFINITY
        ? Number.NEGATIVE_INFINITY
        : tracyWidomBetaRightTailLog(beta, x) + cRight;
    }
    if (x < xFirst) return detLog1p(-detExp(logcdf(x)));
    return detLog1p(-hermite(x)[0]);
  };
  const logpdfOf = (x: number): number => {
    if (Number.isNaN(x)) return Number.NaN;
    if (!Number.isFinite(x)) return Number.NEGATIVE_INFINITY;
    if (x < xFirst) {
      const logF = logcdf(x);
      if (logF === Number.NEGATIVE_INFINITY) return logF;
      return logF + detLog(leftTailShapeDerivative(beta, Math.min(x, -1)));
    }
    if (x > xLast) return logsf(x) + detLog(-rightTailLogDerivative(beta, x));
    return detLog(hermite(x)[1]);
  };
  const logpdf = logpdfOf;
  const cdf = (x: number) => detExp(logcdf(x));
  const sf = (x: number) => (x > xLast ? detExp(logsf(x)) : -detExpm1(logcdf(x)));
  const pdf = (x: number) => detExp(logpdf(x));
  const solve = (target: number, lower: boolean): number => {
    // Bisection then Newton on log F (lower) or log(1 − F) on a bracket grown from the grid.
    const value = lower ? logcdf : logsf;
    const below = (x: number) => (lower ? value(x) < target : value(x) > target);
    let lo = xFirst;
    let hi = xLast;
    while (!below(lo)) lo -= 2 * (xLast - xFirst + 1);
    while (below(hi)) hi += 2 * (xLast - xFirst + 1);
    for (let i = 0; i < 200; i++) {
      const mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) break;
      if (below(mid)) lo = mid;
      else hi = mid;
    }
    return hi;
  };
  const quantile = (p: number): number => {
    if (!(p >= 0 && p <= 1)) return Number.NaN;
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return p > 0.5 ? solve(detLog(1 - p), false) : solve(detLog(p), true);
  };
  const isf = (q: number): number => {
    if (!(q >= 0 && q <= 1)) return Number.NaN;
    if (q === 0) return Number.POSITIVE_INFINITY;
    if (q === 1) return Number.NEGATIVE_INFINITY;
    return q > 0.5 ? solve(detLog(1 - q), true) : solve(detLog(q), false);
  };
  // Moments: the trapezoidal rule on [xFirst, xLast] (spectrally accurate for a smooth density
  // that is negligible at both ends, by Euler–Maclaurin); the mass outside is < 1e−7 and its
  // contribution is added from the tail asymptotics by the same rule on a widened grid.
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  for (let x = xFirst - 8; x < xFirst - step / 2; x += step) {
    const f = detExp(logpdfOf(x));
    m0 += f;
    m1 += f * x;
    m2 += f * x * x;
  }
  for (let k = first; k <= last; k++) {
    const x = xMin + k * step;
    m0 += pdfValues[k];
    m1 += pdfValues[k] * x;
    m2 += pdfValues[k] * x * x;
  }
  for (let x = xLast + step; x < xLast + 8; x += step) {
    const f = detExp(logpdfOf(x));
    m0 += f;
    m1 += f * x;
    m2 += f * x * x;
  }
  const mean = m1 / m0;
  const variance = m2 / m0 - mean * mean;
  return {
    beta,
    xMin,
    xMax: xMin + (count - 1) * step,
    step,
    cdfValues,
    pdfValues,
    cdf,
    logcdf,
    sf,
    logsf,
    pdf,
    logpdf,
    quantile,
    isf,
    mean,
    variance,
  };
}
