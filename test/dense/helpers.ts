/** Deterministic test matrices for the dense solvers (row-major, see src/dense/validate.ts). */
import { complexGaussianMatrix, realGaussianMatrix } from "../../src/dense/gaussianMatrix.js";
import { unitaryQrFactor } from "../../src/dense/unitaryQrFactor.js";
import { createRandomSource } from "../../src/random/philox.js";

export interface Complex {
  re: Float64Array;
  im: Float64Array;
}

/** A random real symmetric n×n matrix (full storage), N(0,1) entries. */
export function randomSymmetric(n: number, seed: number): Float64Array {
  const g = realGaussianMatrix(createRandomSource(seed), n, n);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) a[i * n + j] = g[i * n + j] + g[j * n + i];
  return a;
}

/** A random complex Hermitian n×n matrix (full storage). */
export function randomHermitian(n: number, seed: number): Complex {
  const g = complexGaussianMatrix(createRandomSource(seed), n, n);
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      re[i * n + j] = g.re[i * n + j] + g.re[j * n + i];
      im[i * n + j] = g.im[i * n + j] - g.im[j * n + i];
    }
  }
  return { re, im };
}

/** A random unitary n×n matrix (QR of a complex Gaussian matrix). */
export function randomUnitary(n: number, seed: number): Complex {
  const g = complexGaussianMatrix(createRandomSource(seed), n, n);
  return unitaryQrFactor(n, g.re, g.im);
}

/** C = A·B for complex n×n matrices. */
export function multiply(n: number, a: Complex, b: Complex): Complex {
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const ar = a.re[i * n + k];
      const ai = a.im[i * n + k];
      for (let j = 0; j < n; j++) {
        re[i * n + j] += ar * b.re[k * n + j] - ai * b.im[k * n + j];
        im[i * n + j] += ar * b.im[k * n + j] + ai * b.re[k * n + j];
      }
    }
  }
  return { re, im };
}

/** The conjugate transpose A*. */
export function adjoint(n: number, a: Complex): Complex {
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      re[i * n + j] = a.re[j * n + i];
      im[i * n + j] = -a.im[j * n + i];
    }
  }
  return { re, im };
}

/** max |a_i − b_i| over two equally long arrays. */
export function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/** Largest |entry| of a complex matrix (a scale for tolerances). */
export function maxAbs(a: Complex): number {
  let m = 0;
  for (let i = 0; i < a.re.length; i++) m = Math.max(m, Math.hypot(a.re[i], a.im[i]));
  return m;
}

/**
 * Matches two multisets of complex numbers greedily (each a_i to the nearest unused b_j) and
 * returns the largest distance; fine for the well-separated spectra used in the tests.
 */
export function complexSetDistance(a: Complex, b: Complex): number {
  const n = a.re.length;
  const used = new Uint8Array(n);
  let worst = 0;
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      if (used[j]) continue;
      const d = Math.hypot(a.re[i] - b.re[j], a.im[i] - b.im[j]);
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    used[best] = 1;
    worst = Math.max(worst, bestD);
  }
  return worst;
}
