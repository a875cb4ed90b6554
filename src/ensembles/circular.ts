/**
 * The circular β-ensemble Π_{j<k} |e^{iθ_j} − e^{iθ_k}|^β on [0, 2π)^N: the Killip–Nenciu CMV
 * model for every β > 0 (eigenangles in O(N²)), and the Haar full-matrix models COE/CUE/CSE for
 * β = 1, 2, 4. Angles are returned in [0, 2π), ascending.
 */
import { cmvEigenangles } from "../dense/cmvEigenangles.js";
import { complexEigenvalues } from "../dense/complexEigenvalues.js";
import { type ComplexMatrix, complexGaussianMatrix } from "../dense/gaussianMatrix.js";
import { unitaryQrFactor } from "../dense/unitaryQrFactor.js";
import type { RandomSource } from "../random/source.js";
import { detAtan2, detCos, detExp, detLog, detSin } from "../special/deterministicMath.js";
import { checkFullBeta } from "./full.js";
import { checkBeta, checkRandomSource, checkSamplerCost, checkSize } from "./validate.js";

const TWO_PI = 2 * Math.PI;

/** Verblunsky coefficients α_k = re + i·im with ρ_k² = 1 − |α_k|² stored without cancellation. */
export interface VerblunskyCoefficients {
  readonly re: Float64Array;
  readonly im: Float64Array;
  readonly rhoSquared: Float64Array;
}

/**
 * Independent α_k ~ Θ_{ν_k}, ν_k = β(N − k − 1) + 1, k = 0..N−1 (Killip–Nenciu), each in O(1):
 * Θ_ν has density ∝ (1 − |z|²)^{(ν−3)/2} on the unit disk, so |α|² ~ Beta(1, (ν−1)/2) and the phase
 * is uniform and independent; we draw ρ² = 1 − |α|² ~ Beta((ν−1)/2, 1) as U^{2/(ν−1)} (exact, and
 * accurate when |α| is close to 1). α_{N−1} (ν = 1) is uniform on the unit circle.
 * Draw order: for k = 0..N−2 the uniform for ρ_k² then the one for the phase; then the phase of
 * α_{N−1}. Requires β > 0.
 * Reference: Killip & Nenciu, IMRN 2004 (50), Prop. 2.3 and Thm 1; docs/theory.md §2.6.
 */
export function verblunskyCoefficients(
  rng: RandomSource,
  n: number,
  beta: number,
): VerblunskyCoefficients {
  checkSize(n);
  checkBeta(beta);
  if (beta === 0) throw new RangeError("verblunskyCoefficients needs beta > 0");
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const rhoSquared = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let modulus = 1;
    if (k < n - 1) {
      const half = (beta * (n - k - 1)) / 2; // (ν − 1)/2
      const rho2 = detExp(detLog(rng.uniform()) / half);
      rhoSquared[k] = rho2;
      modulus = Math.sqrt(1 - rho2);
    }
    const phase = TWO_PI * rng.uniform();
    re[k] = modulus * detCos(phase);
    im[k] = modulus * detSin(phase);
  }
  return { re, im, rhoSquared };
}

/** N independent uniform angles in [0, 2π), sorted (the β = 0 circular ensemble). */
function uniformAngles(rng: RandomSource, n: number): Float64Array {
  const angles = new Float64Array(n);
  for (let i = 0; i < n; i++) angles[i] = TWO_PI * rng.uniform();
  return angles.sort();
}

/**
 * One sample of the circular β-ensemble, any β ≥ 0 (β = 0: i.i.d. uniform angles): the
 * eigenangles of the CMV matrix of verblunskyCoefficients(rng, n, β), computed in O(N²) by
 * cmvEigenangles (no dense eigensolver). Ascending, in [0, 2π).
 * Reference: Killip & Nenciu, IMRN 2004 (50), Thm 1; docs/theory.md §2.6.
 *
 * @example
 * import { circularCmvAngles, createRandomSource } from "betaens";
 * const theta = circularCmvAngles(createRandomSource(1, 0), 2000, 3.3); // O(N²), in [0, 2π)
 */
export function circularCmvAngles(rng: RandomSource, n: number, beta: number): Float64Array {
  checkRandomSource(rng);
  checkSize(n);
  checkBeta(beta);
  checkSamplerCost("circularCmvAngles", n, 8 * n, 5 * n * n);
  if (beta === 0) return uniformAngles(rng, n);
  const alpha = verblunskyCoefficients(rng, n, beta);
  return cmvEigenangles(alpha.re, alpha.im, alpha.rhoSquared);
}

/**
 * A Haar-distributed n×n unitary matrix (row-major): the Q factor, with R's diagonal made positive,
 * of an n×n matrix of i.i.d. standard complex Gaussians (drawn row by row, real then imaginary part).
 * Reference: Mezzadri, Notices AMS 54 (2007) 592–604.
 */
export function haarUnitary(rng: RandomSource, n: number): ComplexMatrix {
  checkRandomSource(rng);
  checkSize(n);
  checkSamplerCost("haarUnitary", n, 6 * n * n, n * n * n);
  const g = complexGaussianMatrix(rng, n, n, Math.SQRT1_2);
  return unitaryQrFactor(n, g.re, g.im);
}

/** Angles in [0, 2π), ascending, of complex numbers assumed on the unit circle. */
export function sortedAngles(re: Float64Array, im: Float64Array): Float64Array {
  const angles = new Float64Array(re.length);
  for (let i = 0; i < re.length; i++) {
    const t = detAtan2(im[i], re[i]);
    angles[i] = t < 0 ? t + TWO_PI : t;
    if (angles[i] >= TWO_PI) angles[i] -= TWO_PI;
  }
  return angles.sort();
}

/**
 * The n distinct values of 2n sorted angles that come in (numerically) equal pairs on the circle,
 * pairing (0,1), (2,3), … or, if a pair straddles 0 ≡ 2π, (1,2), …, (2n−1, 0); each pair is checked
 * to agree within `tolerance` and replaced by its circular mean. Throws an Error if neither pairing
 * works (the matrix was not self-dual). Reference: Kramers degeneracy of self-dual unitary
 * matrices, Mehta, Random Matrices, 3rd ed., §10.1.
 */
export function pairedAngles(sorted: Float64Array, tolerance: number): Float64Array {
  const m = sorted.length;
  const n = m / 2;
  if (!Number.isInteger(n)) {
    throw new RangeError(`pairedAngles: expected an even number of angles, got ${m}`);
  }
  for (const shift of [0, 1]) {
    const out = new Float64Array(n);
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      const a = sorted[(2 * i + shift) % m];
      let b = sorted[(2 * i + 1 + shift) % m];
      if (b < a) b += TWO_PI;
      ok = b - a <= tolerance;
      let mean = 0.5 * (a + b);
      if (mean >= TWO_PI) mean -= TWO_PI;
      out[i] = mean;
    }
    if (ok) return out.sort();
  }
  throw new Error("pairedAngles: the eigenvalues are not doubly degenerate (matrix not self-dual)");
}

/**
 * One sample of the circular β-ensemble for β ∈ {1, 2, 4} from the full Haar models: CUE = U,
 * COE = UᵀU, CSE = U^D U with U Haar on U(2N) and U^D = J Uᵀ J⁻¹, J = [[0, I], [−I, 0]] (the
 * quaternion dual; U^D U is self-dual unitary, its 2N eigenvalues are doubly degenerate and the N
 * distinct ones are returned). Eigenvalues by the dense complex QR algorithm, O(N³).
 * Ascending angles in [0, 2π). (DPPy's β = 1, 4 full models — Haar O(N), GOE/GSE eigenvectors —
 * do not have these laws; docs/theory.md §1.5.)
 * Reference: Dyson, J. Math. Phys. 3 (1962) 1199; Killip & Nenciu, IMRN 2004 (50), §1;
 * Mezzadri (2007).
 */
export function circularFullAngles(rng: RandomSource, n: number, beta: number): Float64Array {
  checkRandomSource(rng);
  checkSize(n);
  checkFullBeta(beta);
  checkSamplerCost("circularFullAngles", n, 32 * n * n, 8 * n * n * n);
  if (beta === 2) {
    const u = haarUnitary(rng, n);
    const e = complexEigenvalues(n, u.re, u.im);
    return sortedAngles(e.re, e.im);
  }
  if (beta === 1) {
    const u = haarUnitary(rng, n);
    // (UᵀU)_ij = Σ_k U_ki U_kj.
    const re = new Float64Array(n * n);
    const im = new Float64Array(n * n);
    for (let k = 0; k < n; k++) {
      const row = k * n;
      for (let i = 0; i < n; i++) {
        const ar = u.re[row + i];
        const ai = u.im[row + i];
        const out = i * n;
        for (let j = 0; j < n; j++) {
          const br = u.re[row + j];
          const bi = u.im[row + j];
          re[out + j] += ar * br - ai * bi;
          im[out + j] += ar * bi + ai * br;
        }
      }
    }
    const e = complexEigenvalues(n, re, im);
    return sortedAngles(e.re, e.im);
  }
  const size = 2 * n;
  const u = haarUnitary(rng, size);
  // U = [[A, B], [C, D]] ⇒ U^D = J Uᵀ J⁻¹ = [[Dᵀ, −Bᵀ], [−Cᵀ, Aᵀ]], i.e. (U^D)_ij = s_ij U_{j',i'}
  // with i' = i ± n, j' = j ± n (the other half) and s_ij = −1 off the diagonal blocks.
  const dr = new Float64Array(size * size);
  const di = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    const ip = i < n ? i + n : i - n;
    for (let j = 0; j < size; j++) {
      const jp = j < n ? j + n : j - n;
      const sign = i < n === j < n ? 1 : -1;
      dr[i * size + j] = sign * u.re[jp * size + ip];
      di[i * size + j] = sign * u.im[jp * size + ip];
    }
  }
  const re = new Float64Array(size * size);
  const im = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let k = 0; k < size; k++) {
      const ar = dr[i * size + k];
      const ai = di[i * size + k];
      const row = k * size;
      const out = i * size;
      for (let j = 0; j < size; j++) {
        const br = u.re[row + j];
        const bi = u.im[row + j];
        re[out + j] += ar * br - ai * bi;
        im[out + j] += ar * bi + ai * br;
      }
    }
  }
  const e = complexEigenvalues(size, re, im);
  return pairedAngles(sortedAngles(e.re, e.im), 1e-6);
}
