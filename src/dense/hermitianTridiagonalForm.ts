import type { SymmetricTridiagonal } from "../tridiagonal/types.js";
import { checkAllFinite, checkSquare } from "./validate.js";

/**
 * Householder reduction of a complex Hermitian n×n matrix A = re + i·im (row-major, only the
 * lower triangle i ≥ j is read; the imaginary part of the diagonal is ignored) to a REAL
 * symmetric tridiagonal matrix with the same eigenvalues. Step k uses the Hermitian reflector
 * H = I − τ v v* with v = x + e^{i arg x₀}‖x‖e₁, x = A[k+1:, k], τ = 1/(‖x‖(‖x‖ + |x₀|)); the
 * resulting tridiagonal T has complex off-diagonals t_k with |t_k| = ‖x‖, and the diagonal
 * unitary D = diag(1, t̄₀/|t₀|, …) makes D*TD real with off-diagonals |t_k| ≥ 0, so only
 * |t_k|² = ‖x‖² is returned. A is not modified. (16/3)n³ real flops.
 * Reference: Golub & Van Loan, Matrix Computations, 4th ed., §8.3.1; LAPACK zhetd2.
 */
export function hermitianTridiagonalForm(
  n: number,
  re: Float64Array,
  im: Float64Array,
): SymmetricTridiagonal {
  checkSquare("hermitianTridiagonalForm", n, re, im);
  checkAllFinite("hermitianTridiagonalForm", re, im);
  const mr = Float64Array.from(re);
  const mi = Float64Array.from(im);
  const diagonal = new Float64Array(n);
  const offDiagonalSquared = new Float64Array(Math.max(n - 1, 0));
  const vr = new Float64Array(n);
  const vi = new Float64Array(n);
  const pr = new Float64Array(n);
  const pi = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    diagonal[k] = mr[k * n + k];
    let scale = 0;
    for (let i = k + 1; i < n; i++) {
      scale = Math.max(scale, Math.abs(mr[i * n + k]), Math.abs(mi[i * n + k]));
    }
    if (scale === 0) continue;
    let tail = 0;
    for (let i = k + 2; i < n; i++) {
      const xr = mr[i * n + k] / scale;
      const xi = mi[i * n + k] / scale;
      tail += xr * xr + xi * xi;
    }
    const x0r = mr[(k + 1) * n + k] / scale;
    const x0i = mi[(k + 1) * n + k] / scale;
    const abs0 = Math.sqrt(x0r * x0r + x0i * x0i);
    const normScaled = Math.sqrt(tail + abs0 * abs0);
    const norm = normScaled * scale;
    offDiagonalSquared[k] = norm * norm; // not norm ** 2: Math.pow is not exactly specified
    if (tail === 0) continue;
    // v₀ = x₀ + e^{i arg x₀}‖x‖ = e^{i arg x₀}(|x₀| + ‖x‖).
    const cr = abs0 > 0 ? x0r / abs0 : 1;
    const ci = abs0 > 0 ? x0i / abs0 : 0;
    vr[k + 1] = cr * (abs0 + normScaled);
    vi[k + 1] = ci * (abs0 + normScaled);
    for (let i = k + 2; i < n; i++) {
      vr[i] = mr[i * n + k] / scale;
      vi[i] = mi[i * n + k] / scale;
    }
    const tau = 1 / (normScaled * (normScaled + abs0));
    // p = A v on the trailing block: p_i += A_ij v_j (j < i) and p_j += conj(A_ij) v_i.
    for (let i = k + 1; i < n; i++) {
      pr[i] = 0;
      pi[i] = 0;
    }
    for (let i = k + 1; i < n; i++) {
      const row = i * n;
      const vri = vr[i];
      const vii = vi[i];
      const d = mr[row + i];
      let sr = d * vri;
      let si = d * vii;
      for (let j = k + 1; j < i; j++) {
        const ar = mr[row + j];
        const ai = mi[row + j];
        const vrj = vr[j];
        const vij = vi[j];
        sr += ar * vrj - ai * vij;
        si += ar * vij + ai * vrj;
        pr[j] += ar * vri + ai * vii;
        pi[j] += ar * vii - ai * vri;
      }
      pr[i] += sr;
      pi[i] += si;
    }
    // p ← τp; K = (τ/2) v*p (real); w = p − K v.
    let vp = 0;
    for (let i = k + 1; i < n; i++) {
      pr[i] *= tau;
      pi[i] *= tau;
      vp += vr[i] * pr[i] + vi[i] * pi[i];
    }
    const half = 0.5 * tau * vp;
    for (let i = k + 1; i < n; i++) {
      pr[i] -= half * vr[i];
      pi[i] -= half * vi[i];
    }
    // A ← A − v w* − w v* (lower triangle).
    for (let i = k + 1; i < n; i++) {
      const row = i * n;
      const vri = vr[i];
      const vii = vi[i];
      const wri = pr[i];
      const wii = pi[i];
      for (let j = k + 1; j < i; j++) {
        const wrj = pr[j];
        const wij = pi[j];
        const vrj = vr[j];
        const vij = vi[j];
        mr[row + j] -= vri * wrj + vii * wij + wri * vrj + wii * vij;
        mi[row + j] -= vii * wrj - vri * wij + wii * vrj - wri * vij;
      }
      mr[row + i] -= 2 * (vri * wri + vii * wii);
    }
  }
  if (n >= 2) {
    diagonal[n - 2] = mr[(n - 2) * n + n - 2];
    const lr = mr[(n - 1) * n + n - 2];
    const li = mi[(n - 1) * n + n - 2];
    offDiagonalSquared[n - 2] = lr * lr + li * li;
  }
  if (n >= 1) diagonal[n - 1] = mr[n * n - 1];
  return { diagonal, offDiagonalSquared };
}
