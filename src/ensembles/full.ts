/**
 * Full-matrix (dense) models of the Hermite, Laguerre and Jacobi β-ensembles for β ∈ {1, 2, 4}:
 * GOE/GUE/GSE, real/complex/quaternion Wishart, and MANOVA. Each samples exactly the law of
 * docs/conventions.md for the same parameters as the tridiagonal model (test/ensembles/full.test.ts
 * compares the two). β = 4 matrices are handled in their 2N×2N complex form and return N
 * eigenvalues, each once. Cost O(N³) (Wishart/MANOVA O(N²M)).
 */
import { choleskyInPlace } from "../dense/cholesky.js";
import { forwardSubstitution } from "../dense/forwardSubstitution.js";
import {
  type ComplexMatrix,
  complexGaussianMatrix,
  quaternionGaussianMatrix,
  realGaussianMatrix,
} from "../dense/gaussianMatrix.js";
import { gramMatrix } from "../dense/gramMatrix.js";
import { hermitianEigenvalues } from "../dense/hermitianEigenvalues.js";
import { selfDualEigenvalues } from "../dense/selfDualEigenvalues.js";
import { symmetricEigenvalues } from "../dense/symmetricEigenvalues.js";
import { normal } from "../random/normal.js";
import type { RandomSource } from "../random/source.js";
import { defaultHermiteParams, type HermiteParams } from "./hermite.js";
import {
  checkFinite,
  checkPositive,
  checkRandomSource,
  checkSamplerCost,
  checkSize,
} from "./validate.js";

/** The Dyson indices with a classical full-matrix model: real, complex, quaternion. */
export type FullBeta = 1 | 2 | 4;

/** Throws a RangeError unless β ∈ {1, 2, 4} (the only β with a full-matrix model). */
export function checkFullBeta(beta: number): asserts beta is FullBeta {
  if (beta !== 1 && beta !== 2 && beta !== 4) {
    throw new RangeError(`the full-matrix model needs beta in {1, 2, 4}, got ${beta}`);
  }
}

/** Parameters of the Wishart (Laguerre) full model: X is N×M; eigenvalues scaled by θ/2. */
export interface WishartParams {
  /** Number of columns M ≥ N of X (an integer). */
  m: number;
  /** Scale θ of the Laguerre law (2 for the plain Wishart matrix XX*). */
  scale: number;
}

/** Parameters of the MANOVA (Jacobi) full model: X is N×M1, Y is N×M2. */
export interface ManovaParams {
  m1: number;
  m2: number;
}

function checkDimension(name: string, m: number, n: number): void {
  if (!Number.isInteger(m) || m < n) {
    throw new RangeError(`${name} must be an integer >= n = ${n}, got ${m}`);
  }
}

/**
 * The Wishart dimension M = 2k/β + N − 1 of the Laguerre shape k, which must be an integer
 * ≥ N for the full model to exist (inverse of k = β(M − N + 1)/2, docs/conventions.md).
 */
export function wishartDimension(n: number, beta: number, shape: number): number {
  checkSize(n);
  checkFullBeta(beta);
  checkPositive("shape", shape);
  const m = (2 * shape) / beta + n - 1;
  const rounded = Math.round(m);
  if (Math.abs(m - rounded) > 1e-9 * Math.max(1, m) || rounded < n) {
    throw new RangeError(
      `the full Laguerre model needs M = 2·shape/beta + n − 1 to be an integer >= n, got ${m}`,
    );
  }
  return rounded;
}

/**
 * The MANOVA dimensions M1 = 2a/β + N − 1, M2 = 2b/β + N − 1 of the Jacobi parameters (a, b),
 * which must be integers ≥ N for the full model to exist (docs/conventions.md).
 */
export function manovaDimensions(
  n: number,
  beta: number,
  params: { a: number; b: number },
): ManovaParams {
  checkSize(n);
  checkFullBeta(beta);
  const dims: number[] = [];
  for (const [name, value] of [
    ["a", params.a],
    ["b", params.b],
  ] as const) {
    checkPositive(name, value);
    const m = (2 * value) / beta + n - 1;
    const rounded = Math.round(m);
    if (Math.abs(m - rounded) > 1e-9 * Math.max(1, m) || rounded < n) {
      throw new RangeError(
        `the full Jacobi model needs 2·${name}/beta + n − 1 to be an integer >= n, got ${m}`,
      );
    }
    dims.push(rounded);
  }
  return { m1: dims[0], m2: dims[1] };
}

/**
 * One sample of the Hermite β-ensemble |Δ|^β Π exp(−(x−μ)²/(2σ²)), β ∈ {1, 2, 4}, from the full
 * matrix: H Hermitian with H_ii ~ N(0, 2) and off-diagonal real/complex/quaternion entries whose
 * real components are N(0, 1) (GOE/GUE/GSE with density ∝ exp(−Tr H²/4), reference N(0, 2),
 * as DPPy's (A + A*)/√2), then x = μ + (σ/√2)·λ. Ascending, N values (β = 4: each once).
 * Draw order: lower triangle row by row (i, then j ≤ i), real then imaginary parts; for β = 4
 * the N×N Hermitian block P first, then the antisymmetric block Q (strict lower triangle).
 * Reference: Mehta, Random Matrices, 3rd ed., ch. 2–3; Dumitriu & Edelman (2002) §II; docs/theory.md §1.5.
 *
 * @example
 * import { createRandomSource, hermiteFullEigenvalues } from "betaens";
 * const x = hermiteFullEigenvalues(createRandomSource(1, 0), 100, 4); // GSE: 100 values, each once
 */
export function hermiteFullEigenvalues(
  rng: RandomSource,
  n: number,
  beta: number,
  params: HermiteParams = defaultHermiteParams,
): Float64Array {
  checkRandomSource(rng);
  checkSize(n);
  checkFullBeta(beta);
  checkFinite("loc", params.loc);
  checkPositive("scale", params.scale);
  checkSamplerCost("hermiteFullEigenvalues", n, 32 * n * n, n * n * n);
  let lambda: Float64Array;
  if (beta === 1) {
    const h = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) h[i * n + j] = normal(rng);
      h[i * n + i] = Math.SQRT2 * normal(rng);
    }
    lambda = symmetricEigenvalues(n, h);
  } else if (beta === 2) {
    const h = randomHermitian(rng, n);
    lambda = hermitianEigenvalues(n, h.re, h.im);
  } else {
    const p = randomHermitian(rng, n);
    // Q antisymmetric: Q_ij (i > j) complex with Re, Im ~ N(0, 1).
    const q = complexGaussianLowerTriangle(rng, n);
    const size = 2 * n;
    const re = new Float64Array(size * size);
    const im = new Float64Array(size * size);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        const s = i * n + j;
        // [[P, Q], [−Q̄, P̄]]: lower triangle of P and P̄, and the full block −Q̄ (Q_ji = −Q_ij).
        re[i * size + j] = p.re[s];
        im[i * size + j] = p.im[s];
        re[(i + n) * size + j + n] = p.re[s];
        im[(i + n) * size + j + n] = -p.im[s];
        if (j < i) {
          re[(i + n) * size + j] = -q.re[s];
          im[(i + n) * size + j] = q.im[s];
          re[(j + n) * size + i] = q.re[s];
          im[(j + n) * size + i] = -q.im[s];
        }
      }
    }
    lambda = selfDualEigenvalues(n, re, im);
  }
  const factor = params.scale / Math.SQRT2;
  for (let i = 0; i < n; i++) lambda[i] = params.loc + factor * lambda[i];
  return lambda;
}

/** Lower triangle of a Hermitian matrix with H_ii ~ N(0, 2), Re, Im H_ij ~ N(0, 1) (i > j). */
function randomHermitian(rng: RandomSource, n: number): ComplexMatrix {
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      re[i * n + j] = normal(rng);
      im[i * n + j] = normal(rng);
    }
    re[i * n + i] = Math.SQRT2 * normal(rng);
  }
  return { re, im };
}

/** Strict lower triangle of a matrix with independent entries, Re, Im ~ N(0, 1). */
function complexGaussianLowerTriangle(rng: RandomSource, n: number): ComplexMatrix {
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      re[i * n + j] = normal(rng);
      im[i * n + j] = normal(rng);
    }
  }
  return { re, im };
}

/** An N×M real (β = 1), complex (β = 2) or quaternion (β = 4, as 2N×2M complex) Gaussian matrix. */
function gaussianMatrix(
  rng: RandomSource,
  rows: number,
  cols: number,
  beta: FullBeta,
): { re: Float64Array; im?: Float64Array } {
  if (beta === 1) return { re: realGaussianMatrix(rng, rows, cols) };
  if (beta === 2) return complexGaussianMatrix(rng, rows, cols);
  return quaternionGaussianMatrix(rng, rows, cols);
}

/** Ascending eigenvalues of a Hermitian (lower triangle) matrix of the β family, N values. */
function familyEigenvalues(
  n: number,
  beta: FullBeta,
  re: Float64Array,
  im: Float64Array,
): Float64Array {
  if (beta === 1) return symmetricEigenvalues(n, re);
  if (beta === 2) return hermitianEigenvalues(n, re, im);
  return selfDualEigenvalues(n, re, im);
}

/**
 * One sample of the Laguerre β-ensemble |Δ|^β Π x^(k−1) e^(−x/θ) with k = β(M − N + 1)/2, for
 * β ∈ {1, 2, 4}, from the Wishart matrix W = XX* with X an N×M real/complex/quaternion Gaussian
 * matrix (real components N(0, 1), so that θ = 2), eigenvalues scaled by θ/2. Ascending, N values.
 * Draw order: X row by row (β = 4: the complex blocks X then Y of quaternionGaussianMatrix).
 * Reference: Muirhead, Aspects of Multivariate Statistical Theory (1982) Thm 3.2.18; Dumitriu &
 * Edelman (2002) §III; docs/theory.md §1.5, §2.4.
 */
export function laguerreFullEigenvalues(
  rng: RandomSource,
  n: number,
  beta: number,
  params: WishartParams,
): Float64Array {
  checkRandomSource(rng);
  checkSize(n);
  checkFullBeta(beta);
  checkDimension("m", params.m, n);
  checkPositive("scale", params.scale);
  checkSamplerCost("laguerreFullEigenvalues", n, 32 * n * (n + params.m), n * n * (n + params.m));
  const p = beta === 4 ? 2 * n : n;
  const cols = beta === 4 ? 2 * params.m : params.m;
  const x = gaussianMatrix(rng, n, params.m, beta);
  const w = gramMatrix(p, cols, x.re, x.im);
  const lambda = familyEigenvalues(n, beta, w.re, w.im);
  const factor = params.scale / 2;
  for (let i = 0; i < n; i++) lambda[i] = Math.max(0, factor * lambda[i]);
  return lambda;
}

/**
 * One sample of the Jacobi β-ensemble |Δ|^β Π x^(a−1)(1−x)^(b−1) with a = β(M1 − N + 1)/2,
 * b = β(M2 − N + 1)/2, β ∈ {1, 2, 4}, from the MANOVA pair X (N×M1), Y (N×M2) of
 * real/complex/quaternion Gaussian matrices, through the symmetric-definite generalised problem
 * XX*·v = λ(XX* + YY*)·v: with the Cholesky factor B = XX* + YY* = LL* and Z = L^{−1}X, the λ are
 * the eigenvalues of the Hermitian matrix ZZ* = L^{−1}XX*L^{−*} (never of the non-symmetric
 * product XX*(XX* + YY*)^{−1}). Ascending, N values in [0, 1] (clamped against rounding).
 * Draw order: X then Y, each row by row.
 * Reference: Muirhead (1982) Thm 3.3.4; Golub & Van Loan, Matrix Computations, 4th ed., §8.7.2
 * (Cholesky reduction of Ax = λBx); docs/theory.md §1.5, §6 item 16.
 */
export function jacobiFullEigenvalues(
  rng: RandomSource,
  n: number,
  beta: number,
  params: ManovaParams,
): Float64Array {
  checkRandomSource(rng);
  checkSize(n);
  checkFullBeta(beta);
  checkDimension("m1", params.m1, n);
  checkDimension("m2", params.m2, n);
  const columns = params.m1 + params.m2;
  checkSamplerCost("jacobiFullEigenvalues", n, 32 * n * (n + columns), n * n * (n + columns));
  const p = beta === 4 ? 2 * n : n;
  const cols1 = beta === 4 ? 2 * params.m1 : params.m1;
  const cols2 = beta === 4 ? 2 * params.m2 : params.m2;
  const x = gaussianMatrix(rng, n, params.m1, beta);
  const y = gaussianMatrix(rng, n, params.m2, beta);
  const b = gramMatrix(p, cols1, x.re, x.im);
  const yy = gramMatrix(p, cols2, y.re, y.im);
  for (let i = 0; i < b.re.length; i++) {
    b.re[i] += yy.re[i];
    b.im[i] += yy.im[i];
  }
  const complex = beta !== 1;
  choleskyInPlace(p, b.re, complex ? b.im : undefined);
  forwardSubstitution(p, cols1, b.re, complex ? b.im : undefined, x.re, x.im);
  const s = gramMatrix(p, cols1, x.re, x.im);
  const lambda = familyEigenvalues(n, beta, s.re, s.im);
  for (let i = 0; i < n; i++) lambda[i] = Math.min(1, Math.max(0, lambda[i]));
  return lambda;
}
