/**
 * Fredholm determinants det(I − z·K) of integral operators on an interval by Bornemann's Nyström
 * method (F. Bornemann, "On the numerical evaluation of Fredholm determinants", Math. Comp. 79
 * (2010) 871–915): with an m-point quadrature rule (x_k, w_k) on (a, b),
 *   det(I − z·K) ≈ det(δ_jk − z·w_j^{1/2} K(x_j, x_k) w_k^{1/2}),
 * which converges exponentially in m for kernels analytic near the interval. The symmetric
 * Nyström matrix also gives the eigenvalues λ_i of K (for a symmetric kernel), from which the
 * probabilities of exactly k points in (a, b) of a determinantal process follow:
 *   E(k) = Σ_{|S| = k} Π_{i∈S} λ_i Π_{i∉S} (1 − λ_i)  (the law of a sum of Bernoulli(λ_i)).
 *
 * Quadrature: Gauss–Legendre on a finite (a, b); for a half-line (a, ∞) the map
 * x = a + c·(1 + t)/(1 − t) (t ∈ (−1, 1)), c > 0 a length scale of the kernel's decay, which
 * Bornemann uses for the Airy kernel (§7.1 there) — suitable for kernels decaying fast at ∞.
 * Deterministic math only (det*), so values are bit-identical across engines.
 *
 * @example
 * ```ts
 * // E₂(0; s): no point of the sine process in an interval of length s = 1.
 * const sine = (x: number, y: number) => (x === y ? 1 : Math.sin(Math.PI * (x - y)) / (Math.PI * (x - y)));
 * fredholmDeterminant(sine, 0, 1, 20); // ≈ 0.3351…
 * ```
 */
import { symmetricEigenvalues } from "../dense/symmetricEigenvalues.js";
import { detExp } from "../special/deterministicMath.js";
import { gaussLegendre } from "../special/gaussLegendre.js";
import { luFactorIdentityPlus } from "./tracyWidomLinearAlgebra.js";

export type Kernel = (x: number, y: number) => number;

export interface QuadratureRule {
  nodes: Float64Array;
  weights: Float64Array;
}

/**
 * m-point rule on (a, b): Gauss–Legendre if b is finite, else the algebraic map
 * x = a + scale·(1 + t)/(1 − t) of Gauss–Legendre (weights 2·scale/(1 − t)²).
 */
export function quadratureRule(a: number, b: number, m: number, scale = 1): QuadratureRule {
  if (!(Number.isFinite(a) && b > a)) throw new RangeError(`need a finite a < b, got (${a}, ${b})`);
  const { nodes: t, weights: w } = gaussLegendre(m);
  const nodes = new Float64Array(m);
  const weights = new Float64Array(m);
  if (Number.isFinite(b)) {
    const half = 0.5 * (b - a);
    for (let k = 0; k < m; k++) {
      nodes[k] = a + half * (1 + t[k]);
      weights[k] = half * w[k];
    }
  } else {
    if (!(scale > 0)) throw new RangeError(`scale must be > 0, got ${scale}`);
    for (let k = 0; k < m; k++) {
      const d = 1 - t[k];
      nodes[k] = a + (scale * (1 + t[k])) / d;
      weights[k] = (2 * scale * w[k]) / (d * d);
    }
  }
  return { nodes, weights };
}

/** The symmetric Nyström matrix A_jk = w_j^{1/2} K(x_j, x_k) w_k^{1/2} (row-major m×m). */
export function nystromMatrix(kernel: Kernel, rule: QuadratureRule): Float64Array {
  const { nodes, weights } = rule;
  const m = nodes.length;
  const root = new Float64Array(m);
  for (let k = 0; k < m; k++) root[k] = Math.sqrt(weights[k]); // IEEE-correctly rounded in every engine
  const a = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < m; k++) a[j * m + k] = root[j] * kernel(nodes[j], nodes[k]) * root[k];
  }
  return a;
}

/** log det(I − z·K) on the rule's interval, NaN if the determinant is ≤ 0. */
export function fredholmLogDeterminant(kernel: Kernel, rule: QuadratureRule, z = 1): number {
  const a = nystromMatrix(kernel, rule);
  const m = rule.nodes.length;
  for (let i = 0; i < a.length; i++) a[i] *= -z;
  return luFactorIdentityPlus(a, m, new Int32Array(m));
}

/** det(I − z·K) on (a, b) with an m-point rule (see quadratureRule for the half-line). */
export function fredholmDeterminant(
  kernel: Kernel,
  a: number,
  b: number,
  m: number,
  z = 1,
  scale = 1,
): number {
  const logDet = fredholmLogDeterminant(kernel, quadratureRule(a, b, m, scale), z);
  return Number.isNaN(logDet) ? 0 : detExp(logDet);
}

/** The eigenvalues (ascending) of a symmetric kernel on the rule's interval (Nyström). */
export function fredholmEigenvalues(kernel: Kernel, rule: QuadratureRule): Float64Array {
  return symmetricEigenvalues(rule.nodes.length, nystromMatrix(kernel, rule));
}

/**
 * The Nyström matrix of a finite-rank kernel K(x, y) = Σ_{k<r} φ_k(x)φ_k(y) given in factored form:
 * `phi` is the m×r row-major matrix Φ_jk = w_j^{1/2} φ_k(x_j) (the quadrature weights already
 * folded in). Returns ΦΦᵀ (m×m) when m ≤ r, else the Gram matrix ΦᵀΦ (r×r): both have the same
 * nonzero eigenvalues and det(I − zΦΦᵀ) = det(I − zΦᵀΦ) (Sylvester's determinant identity), so
 * the smaller one is formed, in O(min(m, r)²·max(m, r)) with no kernel cancellation.
 */
export function factoredNystromMatrix(
  phi: Float64Array,
  m: number,
  r: number,
): { matrix: Float64Array; size: number } {
  if (phi.length !== m * r) throw new RangeError(`phi must have m·r = ${m * r} entries`);
  if (m <= r) {
    const a = new Float64Array(m * m);
    for (let j = 0; j < m; j++) {
      const rowJ = j * r;
      for (let l = 0; l <= j; l++) {
        const rowL = l * r;
        let sum = 0;
        for (let k = 0; k < r; k++) sum += phi[rowJ + k] * phi[rowL + k];
        a[j * m + l] = sum;
        a[l * m + j] = sum;
      }
    }
    return { matrix: a, size: m };
  }
  const g = new Float64Array(r * r);
  for (let j = 0; j < m; j++) {
    const row = j * r;
    for (let k = 0; k < r; k++) {
      const pk = phi[row + k];
      if (pk === 0) continue;
      const gk = k * r;
      for (let l = 0; l <= k; l++) g[gk + l] += pk * phi[row + l];
    }
  }
  for (let k = 0; k < r; k++) for (let l = 0; l < k; l++) g[l * r + k] = g[k * r + l];
  return { matrix: g, size: r };
}

/** The eigenvalues (ascending) of a finite-rank kernel in factored form (see factoredNystromMatrix). */
export function gramEigenvalues(phi: Float64Array, m: number, r: number): Float64Array {
  const { matrix, size } = factoredNystromMatrix(phi, m, r);
  return symmetricEigenvalues(size, matrix);
}

/**
 * P(exactly k points), k = 0 … kMax, for a sum of independent Bernoulli(λ_i) (the counting law of
 * a determinantal process on a set where its kernel has eigenvalues λ_i), by the stable product
 * recursion over i. Eigenvalues are clamped to [0, 1] (quadrature rounding).
 */
export function bernoulliSumLaw(lambdas: ArrayLike<number>, kMax: number): Float64Array {
  const p = new Float64Array(kMax + 1);
  p[0] = 1;
  for (let i = 0; i < lambdas.length; i++) {
    const l = Math.min(1, Math.max(0, lambdas[i]));
    for (let k = kMax; k >= 1; k--) p[k] = p[k] * (1 - l) + p[k - 1] * l;
    p[0] *= 1 - l;
  }
  return p;
}
