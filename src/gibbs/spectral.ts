/**
 * The spectral move of the Gibbs sampler: an exact Markov move on the Jacobi coefficients (a, b)
 * made in spectral coordinates, which removes the two slow modes of the coordinate-wise Gibbs
 * sweep for multi-cut potentials (docs/gibbs-exact/README.md has the measurements):
 *  - the spectral weights: a Jacobi matrix is the same thing as its eigenvalues λ_1 < … < λ_N and
 *    the squared first components w_i of its normalised eigenvectors (Σ w_i = 1, w_i > 0), and in
 *    these coordinates the target π(a, b) ∝ Π b_n^{β(N−n)/2−1} exp(−(βN/2) Tr V(J)) is the product
 *        |Δ(λ)|^β Π exp(−(βN/2)V(λ_i))  ×  Dirichlet(β/2, …, β/2)(w)
 *    (Dumitriu & Edelman, J. Math. Phys. 43 (2002), Lemma 2.9 and Thm 2.12, for the Jacobian and the
 *    Gaussian case; Krishnapur, Rider & Virág, CPAM 69 (2016), Prop. 2, for any V: Tr V(J) =
 *    Σ V(λ_i) depends on λ only). With two cuts the weights mix extremely slowly under the sweep
 *    (eigenvalues pinned in two narrow wells make the coefficients move on thin curved ridges);
 *  - the masses of the cuts: moving an eigenvalue from one cut to another through a gap where the
 *    density is e^{−O(N)} takes the sweep exponentially long.
 *
 * The move: (1) λ = eig(J) (root-free QL, O(N²)); (2) a Metropolis–Hastings sweep of N
 * single-eigenvalue moves targeting the eigenvalue law, each proposing a point in a gap between
 * two other eigenvalues chosen uniformly (so a point can jump to another cut in one step);
 * (3) fresh weights w ~ Dirichlet(β/2) (the exact conditional of w given λ); (4) J rebuilt from
 * (λ, w) by the Rutishauser–Kahan–Pal–Gragg–Harrod Givens-rotation algorithm, O(N²) and stable
 * (Gragg & Harrod, Numer. Math. 44 (1984) 317–335; Gautschi, Orthogonal Polynomials:
 * Computation and Approximation, 2004, §2.2.3.2). Step (2) leaves the λ-marginal invariant with w
 * untouched, hence the product; step (3) is a Gibbs step of the product; the map (λ, w) ↔ (a, b) is
 * a bijection between the open sets where the λ are distinct and w > 0 (resp. b > 0). So the
 * move leaves π invariant exactly, up to floating point (as every draw of the sampler).
 *
 * Proposal of step (2) for eigenvalue i, given the others μ_1 < … < μ_{N−1}: with probability
 * 1 − 2τ a gap (μ_j, μ_{j+1}) chosen uniformly among the N − 2 and x = μ_j + (μ_{j+1} − μ_j)·B,
 * B ~ Beta(β+1, β+1); with probability τ each, beyond an outer eigenvalue: x = μ_{N−1} + ℓ·G or
 * μ_1 − ℓ·G, G ~ Gamma(β+1), ℓ the mean gap. Its density h(x | μ) depends on the others only,
 * so the Hastings ratio is π(x | μ) h(λ_i | μ) / (π(λ_i | μ) h(x | μ)) with
 * π(x | μ) ∝ Π_j |x − μ_j|^β exp(−(βN/2)V(x)) (Hastings 1970).
 */
import { evaluatePolynomial } from "../potentials/polynomial.js";
import { beta as betaVariate } from "../random/beta.js";
import { gamma, logGammaVariate } from "../random/gamma.js";
import type { RandomSource } from "../random/source.js";
import { detExp, detHypot, detLog } from "../special/deterministicMath.js";
import { tridiagonalEigenvalues } from "../tridiagonal/eigenvalues.js";
import type { SymmetricTridiagonal } from "../tridiagonal/types.js";

/** Probability of proposing beyond each outer eigenvalue (τ above). */
const OUTER = 0.05;
/**
 * Below this β the Dirichlet(β/2) weights underflow (a Gamma(β/2) variate is below 1e−300 with
 * probability ≈ 10^{−150β}), so the spectral move is not used: see spectralMoveAvailable.
 */
export const SPECTRAL_MIN_BETA = 0.1;

/** Whether the spectral move is defined for this β (Dirichlet weights representable). */
export function spectralMoveAvailable(beta: number): boolean {
  return beta >= SPECTRAL_MIN_BETA;
}

/**
 * log Γ(z) for z ≥ 1 with the engine-independent det* math (the move's accept/reject decisions
 * must be bit-identical everywhere): shift to z + k ≥ 12, then Stirling's series to z^{−9}
 * (DLMF 5.11.1), absolute error below 1e−14.
 */
export function detLogGamma(z: number): number {
  let shift = 0;
  let product = 1;
  while (z < 12) {
    product *= z;
    z += 1;
    if (product > 1e200) {
      shift += detLog(product);
      product = 1;
    }
  }
  shift += detLog(product);
  const inv = 1 / z;
  const inv2 = inv * inv;
  const series =
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  return (z - 0.5) * detLog(z) - z + 0.9189385332046728 + series - shift;
}

/** Statistics of the spectral moves (for diagnostics and tests). */
export interface SpectralStats {
  proposals: number;
  accepted: number;
  moves: number;
}

/** Preallocated buffers of the spectral move for N points. */
export interface SpectralWork {
  readonly n: number;
  readonly logWeights: Float64Array;
  readonly weights: Float64Array;
  readonly diagonal: Float64Array;
  readonly offDiagonal: Float64Array;
  readonly stats: SpectralStats;
}

export function createSpectralWork(n: number): SpectralWork {
  return {
    n,
    logWeights: new Float64Array(n),
    weights: new Float64Array(n),
    diagonal: new Float64Array(n),
    offDiagonal: new Float64Array(n),
    stats: { proposals: 0, accepted: 0, moves: 0 },
  };
}

/**
 * The Jacobi matrix of the discrete measure Σ w_i δ_{λ_i} (any order, w_i ≥ 0, Σ w_i > 0):
 * writes its diagonal into `diagonal` and its off-diagonal (signed; square it for b) into
 * `offDiagonal` (entry k couples k and k+1). Points are added one at a time; adding (x, w) to a
 * measure of mass m with Jacobi matrix T is the tridiagonalisation of diag(x) ⊕ T from the vector
 * (√w, √m, 0, …): one Givens rotation makes the vector e_1, then a bulge is chased down by
 * rotations in the planes (k, k+1) (Gragg & Harrod 1984, §2; Gautschi 2004, §2.2.3.2). O(n²).
 */
export function jacobiFromSpectrum(
  lambda: ArrayLike<number>,
  weights: ArrayLike<number>,
  diagonal: Float64Array,
  offDiagonal: Float64Array,
): void {
  const n = lambda.length;
  const d = diagonal;
  const e = offDiagonal;
  let mass = 0;
  let size = 0;
  for (let p = 0; p < n; p++) {
    const x = lambda[p];
    const w = weights[p];
    if (size === 0) {
      d[0] = x;
      mass = w;
      size = 1;
      continue;
    }
    // Shift T to indices 1..size, put x at index 0 (uncoupled).
    for (let k = size; k >= 1; k--) {
      d[k] = d[k - 1];
      e[k] = e[k - 1];
    }
    d[0] = x;
    e[0] = 0;
    const total = w + mass;
    const r = Math.sqrt(total);
    let c = Math.sqrt(w) / r;
    let s = Math.sqrt(mass) / r;
    mass = total;
    // Rotation in the plane (0, 1): the starting vector becomes √mass·e_0.
    const d1 = d[1];
    d[0] = c * c * x + s * s * d1;
    d[1] = s * s * x + c * c * d1;
    e[0] = c * s * (d1 - x);
    // Bulge at (0, 2) = s·e_1, and e_1 ← c·e_1.
    let bulge = size >= 2 ? s * e[1] : 0;
    if (size >= 2) e[1] *= c;
    // Chase: rotation in the plane (k, k+1) zeroes the bulge at (k−1, k+1).
    for (let k = 1; k < size && bulge !== 0; k++) {
      const top = e[k - 1];
      // √(top² + bulge²) with correctly rounded IEEE operations; detHypot if it under/overflows.
      let rr = Math.sqrt(top * top + bulge * bulge);
      if (!(rr > 1e-150 && rr < 1e150)) rr = detHypot(top, bulge);
      c = top / rr;
      s = bulge / rr;
      e[k - 1] = rr;
      const dk = d[k];
      const dk1 = d[k + 1];
      const ek = e[k];
      const cs = c * s;
      d[k] = c * c * dk + 2 * cs * ek + s * s * dk1;
      d[k + 1] = s * s * dk - 2 * cs * ek + c * c * dk1;
      e[k] = cs * (dk1 - dk) + (c * c - s * s) * ek;
      if (k + 1 < size) {
        bulge = s * e[k + 1];
        e[k + 1] *= c;
      } else {
        bulge = 0;
      }
    }
    size++;
  }
}

/** log Π_{j≠skip} |x − μ_j| over the sorted array mu (product in blocks, one log per block). */
function logDistanceProduct(mu: Float64Array, skip: number, x: number): number {
  let sum = 0;
  let product = 1;
  for (let j = 0; j < mu.length; j++) {
    if (j === skip) continue;
    product *= Math.abs(x - mu[j]);
    if (product > 1e150 || product < 1e-150) {
      sum += detLog(product);
      product = 1;
    }
  }
  return sum + detLog(product);
}

/**
 * One spectral move on `state` (in place): eigenvalues, `n` Metropolis–Hastings eigenvalue moves
 * (default N), fresh Dirichlet(β/2) weights, rebuilt Jacobi matrix (file header). O(N²).
 * Requires β ≥ SPECTRAL_MIN_BETA and N ≥ 2.
 */
export function spectralMove(
  state: SymmetricTridiagonal,
  coeffs: Float64Array,
  beta: number,
  rng: RandomSource,
  work: SpectralWork,
  moves?: number,
): void {
  const a = state.diagonal;
  const b = state.offDiagonalSquared;
  const n = a.length;
  if (n < 2) return;
  if (!spectralMoveAvailable(beta)) {
    throw new RangeError(`the spectral move needs beta >= ${SPECTRAL_MIN_BETA}, got ${beta}`);
  }
  const lambda = tridiagonalEigenvalues(a, b); // ascending
  const d = coeffs.length - 1;
  const s = 0.5 * beta * n;
  const count = moves ?? n;
  const stats = work.stats;
  stats.moves++;
  // log normaliser of the Beta(β+1, β+1) and Gamma(β+1) proposals.
  const logBetaFunction = 2 * detLogGamma(beta + 1) - detLogGamma(2 * beta + 2);
  const logGammaFunction = detLogGamma(beta + 1);
  const interiorGaps = n - 2;
  const outer = interiorGaps > 0 ? OUTER : 0.5;
  for (let t = 0; t < count; t++) {
    const i = Math.min(n - 1, Math.floor(rng.uniform() * n));
    // The others are lambda without index i; their gaps: (λ_{j}, λ_{j+1}) skipping i.
    const lo = lambda[0 === i ? 1 : 0];
    const hi = lambda[n - 1 === i ? n - 2 : n - 1];
    const meanGap = n > 2 ? (hi - lo) / (n - 2) : 1;
    // Propose x.
    const u = rng.uniform();
    let x: number;
    let logH: number;
    if (u < outer || u >= 1 - outer) {
      const g = gamma(rng, beta + 1);
      const dist = meanGap * g;
      x = u < outer ? lo - dist : hi + dist;
      logH = outerLogDensity(dist, meanGap, beta, outer, logGammaFunction);
    } else {
      // Gap index among the others (0-based, between the g-th and (g+1)-th other).
      const g = Math.min(
        interiorGaps - 1,
        Math.floor(((u - outer) / (1 - 2 * outer)) * interiorGaps),
      );
      const left = lambda[g >= i ? g + 1 : g];
      const right = lambda[g + 1 >= i ? g + 2 : g + 1];
      const frac = betaVariate(rng, beta + 1, beta + 1);
      x = left + (right - left) * frac;
      logH = interiorLogDensity(x, left, right, beta, outer, interiorGaps, logBetaFunction);
    }
    // h at the current λ_i: its gap among the others is (λ_{i−1}, λ_{i+1}) or an outer region.
    const current = lambda[i];
    let logHCurrent: number;
    if (i === 0) {
      logHCurrent = outerLogDensity(lo - current, meanGap, beta, outer, logGammaFunction);
    } else if (i === n - 1) {
      logHCurrent = outerLogDensity(current - hi, meanGap, beta, outer, logGammaFunction);
    } else {
      logHCurrent = interiorLogDensity(
        current,
        lambda[i - 1],
        lambda[i + 1],
        beta,
        outer,
        interiorGaps,
        logBetaFunction,
      );
    }
    stats.proposals++;
    if (!Number.isFinite(x) || !(logH > Number.NEGATIVE_INFINITY)) continue;
    const logTarget =
      beta * (logDistanceProduct(lambda, i, x) - logDistanceProduct(lambda, i, current)) -
      s * (evaluatePolynomial(coeffs, d, x) - evaluatePolynomial(coeffs, d, current));
    const logRatio = logTarget + logHCurrent - logH;
    if (!(logRatio >= 0 || detLog(rng.uniform()) < logRatio)) continue;
    stats.accepted++;
    // Move λ_i to x, keeping lambda sorted.
    let k = i;
    while (k > 0 && lambda[k - 1] > x) {
      lambda[k] = lambda[k - 1];
      k--;
    }
    while (k < n - 1 && lambda[k + 1] < x) {
      lambda[k] = lambda[k + 1];
      k++;
    }
    lambda[k] = x;
  }
  // Fresh weights w ~ Dirichlet(β/2): normalised Gamma(β/2) variates, on the log scale.
  const logW = work.logWeights;
  let top = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    logW[k] = logGammaVariate(rng, 0.5 * beta);
    if (logW[k] > top) top = logW[k];
  }
  const w = work.weights;
  for (let k = 0; k < n; k++) w[k] = detExp(logW[k] - top);
  jacobiFromSpectrum(lambda, w, work.diagonal, work.offDiagonal);
  for (let k = 0; k < n; k++) a[k] = work.diagonal[k];
  for (let k = 0; k < n - 1; k++) {
    const e = work.offDiagonal[k];
    b[k] = e * e > 0 ? e * e : Number.MIN_VALUE;
  }
}

/** log h on an interior gap (left, right) chosen with probability (1 − 2τ)/gaps. */
function interiorLogDensity(
  x: number,
  left: number,
  right: number,
  beta: number,
  outer: number,
  gaps: number,
  logBetaFunction: number,
): number {
  const width = right - left;
  if (!(x > left && x < right)) return Number.NEGATIVE_INFINITY;
  return (
    detLog((1 - 2 * outer) / gaps) +
    beta * (detLog(x - left) + detLog(right - x)) -
    (2 * beta + 1) * detLog(width) -
    logBetaFunction
  );
}

/** log h at distance dist > 0 beyond an outer eigenvalue (probability τ, ℓ·Gamma(β+1)). */
function outerLogDensity(
  dist: number,
  scale: number,
  beta: number,
  outer: number,
  logGammaFunction: number,
): number {
  if (!(dist > 0)) return Number.NEGATIVE_INFINITY;
  return (
    detLog(outer) + beta * detLog(dist / scale) - dist / scale - detLog(scale) - logGammaFunction
  );
}
