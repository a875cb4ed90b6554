/**
 * Small dense linear algebra for the Nyström matrices of the Tracy–Widom determinants:
 * LU factorisation of I + Y with partial pivoting (Golub–Van Loan, Matrix Computations, Alg.
 * 3.4.1), log-determinant and traces tr(M⁻¹R). Matrices are row-major Float64Arrays of size m·m.
 */

import { detLog, detLog1p } from "../special/deterministicMath.js";

/**
 * Factorises M = I + Y in place (y is overwritten by the factors of P·M = L·U: unit lower L
 * strictly below the diagonal, U on and above it) and returns log det M, or NaN if det M ≤ 0.
 *
 * While no row exchange is needed the elimination runs on Y itself, with the diagonal of U kept
 * as 1 + d_k and log det M = Σ log1p(d_k): for M close to I (the right tail of the Tracy–Widom
 * laws) log det M is then accurate relative to its own (tiny) size, not only to 1e−16.
 * Partial pivoting takes over as soon as a row exchange is required.
 */
export function luFactorIdentityPlus(y: Float64Array, m: number, pivots: Int32Array): number {
  let logDet = 0;
  let sign = 1;
  let identityForm = true; // y holds M − I (diagonal part only) so far
  for (let k = 0; k < m; k++) {
    const kk = k * m + k;
    // Choose the pivot row.
    let pivotRow = k;
    let pivotSize = Math.abs(identityForm ? 1 + y[kk] : y[kk]);
    for (let i = k + 1; i < m; i++) {
      const size = Math.abs(y[i * m + k]);
      if (size > pivotSize) {
        pivotSize = size;
        pivotRow = i;
      }
    }
    if (pivotRow !== k && identityForm) {
      // Leave the identity form: add I back to the remaining diagonal.
      for (let i = k; i < m; i++) y[i * m + i] += 1;
      identityForm = false;
    }
    pivots[k] = pivotRow;
    if (pivotRow !== k) {
      const a = k * m;
      const b = pivotRow * m;
      for (let j = 0; j < m; j++) {
        const t = y[a + j];
        y[a + j] = y[b + j];
        y[b + j] = t;
      }
      sign = -sign;
    }
    let pivot: number;
    if (identityForm) {
      logDet += detLog1p(y[kk]);
      pivot = 1 + y[kk];
      y[kk] = pivot;
    } else {
      pivot = y[kk];
      if (pivot < 0) sign = -sign;
      logDet += detLog(Math.abs(pivot));
    }
    if (pivot === 0) return Number.NaN;
    const rowK = k * m;
    for (let i = k + 1; i < m; i++) {
      const rowI = i * m;
      const l = y[rowI + k] / pivot;
      y[rowI + k] = l;
      if (l === 0) continue;
      for (let j = k + 1; j < m; j++) y[rowI + j] -= l * y[rowK + j];
    }
  }
  return sign > 0 ? logDet : Number.NaN;
}

/** Solves (P·M = L·U) x = b in place, with the factors from luFactorIdentityPlus. */
export function luSolve(lu: Float64Array, m: number, pivots: Int32Array, b: Float64Array): void {
  for (let k = 0; k < m; k++) {
    const p = pivots[k];
    if (p !== k) {
      const t = b[k];
      b[k] = b[p];
      b[p] = t;
    }
  }
  for (let i = 1; i < m; i++) {
    let s = b[i];
    const row = i * m;
    for (let j = 0; j < i; j++) s -= lu[row + j] * b[j];
    b[i] = s;
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = b[i];
    const row = i * m;
    for (let j = i + 1; j < m; j++) s -= lu[row + j] * b[j];
    b[i] = s / lu[row + i];
  }
}

/**
 * tr(M⁻¹R) for the factored M (luFactorIdentityPlus) and a row-major m×m matrix R, by m solves.
 * `work` must have length ≥ m.
 */
export function traceOfSolve(
  lu: Float64Array,
  m: number,
  pivots: Int32Array,
  r: Float64Array,
  work: Float64Array,
): number {
  let trace = 0;
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < m; i++) work[i] = r[i * m + j];
    luSolve(lu, m, pivots, work);
    trace += work[j];
  }
  return trace;
}

/** C = A·B for row-major m×m matrices (C must not alias A or B). */
export function matrixProduct(a: Float64Array, b: Float64Array, c: Float64Array, m: number): void {
  c.fill(0);
  for (let i = 0; i < m; i++) {
    const rowI = i * m;
    for (let k = 0; k < m; k++) {
      const aik = a[rowI + k];
      if (aik === 0) continue;
      const rowK = k * m;
      for (let j = 0; j < m; j++) c[rowI + j] += aik * b[rowK + j];
    }
  }
}
