/**
 * Whole coefficient arrays of the tridiagonal β-ensemble models, drawn in the documented order of
 * each model (the reproducibility contract of src/ensembles/{hermite,laguerre,jacobi}.ts):
 * the JavaScript loops below are the reference; when the WebAssembly kernels are available
 * (src/wasm/kernels.ts) and the source is a Philox stream, the kernels fill the arrays instead,
 * uniform for uniform, with exactly the same bits and leave the source at the same position.
 *
 * "rows" is the length of the first array: the full N for a model, or K < N for the leading K×K
 * block used by the truncated λ_max (src/ensembles/edge.ts); shapes always use the full N.
 */
import { type Kernels, wasmKernels } from "../wasm/kernels.js";
import { betaPair } from "./beta.js";
import { gamma } from "./gamma.js";
import { normal } from "./normal.js";
import { PhiloxSource } from "./philox.js";
import type { RandomSource } from "./source.js";

/** Below this many rows the JavaScript loop is as fast as a kernel call (measured: 20–64). */
const MIN_KERNEL_ROWS = 32;

/**
 * The Philox stream of rng and the kernels, when the kernels can draw for it: a PhiloxSource
 * (whose position can be handed over) and all shapes finite (otherwise the reference path runs
 * and throws its RangeError at the same draw as always).
 */
function kernelsFor(rng: RandomSource, rows: number, finite: boolean): Kernels | undefined {
  if (!finite || rows < MIN_KERNEL_ROWS || !(rng instanceof PhiloxSource)) return undefined;
  return wasmKernels();
}

/** Hands rng's position to the kernels' stream (asm/stream.ts streamBegin). */
function beginStream(k: Kernels, rng: PhiloxSource): Uint32Array {
  const state = k.u32.subarray(k.streamState >>> 2, (k.streamState >>> 2) + 12);
  rng.saveState(state);
  k.exports.streamBegin();
  return state;
}

/** Throws what the reference would have thrown inside the chunk just drawn, if anything. */
function checkStream(k: Kernels): void {
  if (k.exports.streamExhausted()) {
    throw new RangeError("Philox stream exhausted (2^32 blocks); use another substream");
  }
  if (k.exports.rejectionFailed.value) {
    throw new Error("gamma rejection sampler did not accept in 1000 attempts");
  }
}

/** Takes the position after the last draw back into rng (asm/stream.ts streamEnd). */
function endStream(k: Kernels, rng: PhiloxSource): void {
  k.exports.streamEnd();
  rng.restoreState(k.u32.subarray(k.streamState >>> 2, (k.streamState >>> 2) + 12));
}

/** Copies the chunk of rows i0 … i0 + count − 1 out of the kernels' row buffers. */
function copyRows(
  k: Kernels,
  first: Float64Array,
  second: Float64Array,
  i0: number,
  count: number,
): void {
  const f64 = k.f64;
  const a = k.rowsA >>> 3;
  const b = k.rowsB >>> 3;
  first.set(f64.subarray(a, a + count), i0);
  const offCount = Math.min(count, second.length - i0);
  if (offCount > 0) second.set(f64.subarray(b, b + offCount), i0);
}

/**
 * Hermite model rows (Dumitriu & Edelman, J. Math. Phys. 43 (2002) §II-C; docs/theory.md §2.3):
 * diagonal[i] = loc + scale·Z, then offDiagonalSquared[i] ~ Gamma(β(N − i − 1)/2, scale²) (0 when
 * the shape is 0), i = 0 … K − 1 with K = diagonal.length ≤ N and offDiagonalSquared.length = K − 1.
 * Draw order: a_1, b_1, a_2, b_2, …, a_K.
 */
export function drawHermiteCoefficients(
  rng: RandomSource,
  n: number,
  beta: number,
  loc: number,
  scale: number,
  diagonal: Float64Array,
  offDiagonalSquared: Float64Array,
): void {
  const rows = diagonal.length;
  const variance = scale * scale;
  const finite = Number.isFinite((beta * (n - 1)) / 2) && variance > 0 && Number.isFinite(variance);
  const k = kernelsFor(rng, rows, finite);
  if (k) {
    const source = rng as PhiloxSource;
    beginStream(k, source);
    for (let i0 = 0; i0 < rows; i0 += k.chunkRows) {
      const count = Math.min(k.chunkRows, rows - i0);
      k.exports.hermiteRows(n, rows, i0, count, beta, loc, scale, variance);
      checkStream(k);
      copyRows(k, diagonal, offDiagonalSquared, i0, count);
    }
    endStream(k, source);
    return;
  }
  for (let i = 0; i < rows; i++) {
    diagonal[i] = loc + scale * normal(rng);
    if (i < rows - 1) {
      // b_{i+1} has shape β(N − (i+1))/2; shape 0 (β = 0) is the point mass at 0.
      const shape = (beta * (n - i - 1)) / 2;
      offDiagonalSquared[i] = shape > 0 ? gamma(rng, shape, variance) : 0;
    }
  }
}

/**
 * Laguerre model rows (Dumitriu & Edelman (2002) §III-B; docs/theory.md §2.4):
 * q[i] = ξ_{2i+1} ~ Gamma(β(N − i − 1)/2 + shape, θ), then e[i] = ξ_{2i+2} ~ Gamma(β(N − i − 1)/2, θ)
 * (0 when the shape is 0), i = 0 … K − 1, K = q.length, e.length = K − 1. Draw order ξ_1, ξ_2, ….
 */
export function drawLaguerreCoefficients(
  rng: RandomSource,
  n: number,
  beta: number,
  shape: number,
  theta: number,
  q: Float64Array,
  e: Float64Array,
): void {
  const rows = q.length;
  const finite = Number.isFinite((beta * (n - 1)) / 2 + shape);
  const k = kernelsFor(rng, rows, finite);
  if (k) {
    const source = rng as PhiloxSource;
    beginStream(k, source);
    for (let i0 = 0; i0 < rows; i0 += k.chunkRows) {
      const count = Math.min(k.chunkRows, rows - i0);
      k.exports.laguerreRows(n, rows, i0, count, beta, shape, theta);
      checkStream(k);
      copyRows(k, q, e, i0, count);
    }
    endStream(k, source);
    return;
  }
  for (let i = 0; i < rows; i++) {
    const half = (beta * (n - i - 1)) / 2; // β(N − n)/2 with n = i + 1
    q[i] = gamma(rng, half + shape, theta);
    if (i < rows - 1) e[i] = half > 0 ? gamma(rng, half, theta) : 0;
  }
}

/**
 * Jacobi model rows (Killip & Nenciu, IMRN 2004, Thm 2, canonical moments; docs/theory.md §2.5):
 * c_{2i+1} ~ Beta(h + a, h + b), c_{2i+2} ~ Beta(h, β(N − i − 2)/2 + a + b), h = β(N − i − 1)/2,
 * q[i] = (1 − c_{2i})c_{2i+1}, e[i] = (1 − c_{2i+1})c_{2i+2} (c_0 = 0; Beta(0, ·) is the point
 * mass at 0), i = 0 … K − 1, K = q.length, e.length = K − 1. Draw order c_1, c_2, ….
 */
export function drawJacobiCoefficients(
  rng: RandomSource,
  n: number,
  beta: number,
  a: number,
  b: number,
  q: Float64Array,
  e: Float64Array,
): void {
  const rows = q.length;
  const finite = Number.isFinite((beta * (n - 1)) / 2 + a + b);
  const k = kernelsFor(rng, rows, finite);
  if (k) {
    const source = rng as PhiloxSource;
    beginStream(k, source);
    k.exports.jacobiStart();
    for (let i0 = 0; i0 < rows; i0 += k.chunkRows) {
      const count = Math.min(k.chunkRows, rows - i0);
      k.exports.jacobiRows(n, rows, i0, count, beta, a, b);
      checkStream(k);
      copyRows(k, q, e, i0, count);
    }
    endStream(k, source);
    return;
  }
  // c and 1 − c are both drawn to full relative precision (betaPair), since ξ_j = (1 − c_{j−1}) c_j
  // needs 1 − c accurately when c is close to 1 (large a relative to b).
  const pair = new Float64Array(2);
  let previousComplement = 1; // 1 − c_{j−1}, with c_0 = 0
  for (let i = 0; i < rows; i++) {
    const half = (beta * (n - i - 1)) / 2;
    betaPair(rng, half + a, half + b, pair);
    q[i] = previousComplement * pair[0];
    previousComplement = pair[1];
    if (i < rows - 1) {
      if (half > 0) {
        betaPair(rng, half, (beta * (n - i - 2)) / 2 + a + b, pair);
        e[i] = previousComplement * pair[0];
        previousComplement = pair[1];
      } else {
        e[i] = 0;
        previousComplement = 1;
      }
    }
  }
}
