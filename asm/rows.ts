/**
 * Whole coefficient arrays of the tridiagonal models, a chunk of rows per call, with the draws of
 * src/ensembles/{hermite,laguerre,jacobi}.ts in their documented order (the reproducibility
 * contract): rows i0 … i0 + count − 1 of a model with `rows` rows (the full N, or the leading
 * K×K block of src/ensembles/edge.ts) are written to ROWS_A[0 … count) and ROWS_B[0 … count);
 * the off-diagonal entry of the last row is not drawn.
 */
import { uniformPos, uniformsAhead } from "./stream";
import {
  betaComplement,
  betaPair,
  betaX,
  gamma,
  normal,
  normalCentral,
  normalQuantileCentral2,
} from "./variates";

/** Rows per call. */
export const CHUNK_ROWS: i32 = 4096;
export const ROWS_A: usize = memory.data(8 * CHUNK_ROWS, 16);
export const ROWS_B: usize = memory.data(8 * CHUNK_ROWS, 16);

/** Rows per speculative block, and their flags (1 = the fast path's values stand). */
const BLOCK: i32 = 64;
const FLAGS: usize = memory.data(4 * BLOCK, 16);

/** One Hermite row by the scalar reference path (normal, then gamma if the shape is > 0). */
function hermiteRowScalar(
  j: i32,
  i: i32,
  n: f64,
  rows: i32,
  beta: f64,
  loc: f64,
  scale: f64,
  variance: f64,
): void {
  store<f64>(ROWS_A + (<usize>j << 3), loc + scale * normal());
  if (i < rows - 1) {
    const shape = (beta * (n - <f64>i - 1)) / 2;
    store<f64>(ROWS_B + (<usize>j << 3), shape > 0 ? gamma(shape, variance) : 0);
  }
}

/**
 * Hermite (Dumitriu–Edelman 2002, §II-C): a_i = loc + scale·Z, then b_i ~ Gamma(β(N − i − 1)/2,
 * variance) (0 when the shape is 0), rows i = i0 … (hermite.ts, edge.ts hermiteLeadingBlock).
 *
 * Speculatively, a block of rows is computed first as if each row took exactly three uniforms
 * (Z; the gamma's normal and uniform, accepted by the squeeze on the first attempt, shape ≥ 1, both
 * normals in the central region of AS 241): both normals of a row in one f64x2, no branches, so
 * the long polynomial chains of successive rows overlap. Then each row that missed one of these
 * conditions is redone by the scalar reference path from its own stream position; if it took other
 * than three uniforms (a rejection), the rows after it are recomputed from there.
 */
export function hermiteRows(
  n: f64,
  rows: i32,
  i0: i32,
  count: i32,
  beta: f64,
  loc: f64,
  scale: f64,
  variance: f64,
): void {
  let j = 0;
  while (j < count) {
    const i = i0 + j;
    // Speculate only on rows with a gamma draw (not the last row of the model).
    let len = min(BLOCK, min(count - j, rows - 1 - i));
    if (len <= 0) {
      hermiteRowScalar(j, i, n, rows, beta, loc, scale, variance);
      j++;
      continue;
    }
    const u = uniformsAhead(3 * len);
    const base = uniformPos;
    for (let r = 0; r < len; r++) {
      const ur = u + <usize>(24 * r);
      const p = v128.load(ur);
      const uu = load<f64>(ur, 16);
      const z = normalQuantileCentral2(p);
      const shape = (beta * (n - <f64>(i + r) - 1)) / 2;
      const d = shape - 1.0 / 3.0;
      const c = 1 / Math.sqrt(9 * d);
      const zg = f64x2.extract_lane(z, 1);
      const t = 1 + c * zg;
      const v = t * t * t;
      const z2 = zg * zg;
      const ok =
        <i32>i64x2.all_true(normalCentral(p)) &
        <i32>(shape >= 1) &
        <i32>(t > 0) &
        <i32>(uu < 1 - 0.0331 * z2 * z2);
      store<f64>(ROWS_A + (<usize>(j + r) << 3), loc + scale * f64x2.extract_lane(z, 0));
      store<f64>(ROWS_B + (<usize>(j + r) << 3), variance * (d * v));
      store<i32>(FLAGS + (<usize>r << 2), ok);
    }
    let done = len;
    let aligned = true;
    for (let r = 0; r < len; r++) {
      if (load<i32>(FLAGS + (<usize>r << 2))) continue;
      uniformPos = base + 3 * r;
      hermiteRowScalar(j + r, i + r, n, rows, beta, loc, scale, variance);
      if (uniformPos !== base + 3 * (r + 1)) {
        done = r + 1; // a rejection moved the stream: recompute the following rows from here
        aligned = false;
        break;
      }
    }
    if (aligned) uniformPos = base + 3 * len;
    j += done;
  }
}

/**
 * Laguerre (Dumitriu–Edelman 2002, §III-B): ξ_{2i+1} ~ Gamma(β(N − i − 1)/2 + k, θ) to ROWS_A,
 * then ξ_{2i+2} ~ Gamma(β(N − i − 1)/2, θ) (0 when the shape is 0) to ROWS_B (laguerre.ts).
 */
export function laguerreRows(
  n: f64,
  rows: i32,
  i0: i32,
  count: i32,
  beta: f64,
  shape: f64,
  theta: f64,
): void {
  for (let j = 0; j < count; j++) {
    const i = i0 + j;
    const half = (beta * (n - <f64>i - 1)) / 2;
    store<f64>(ROWS_A + (<usize>j << 3), gamma(half + shape, theta));
    if (i < rows - 1) {
      store<f64>(ROWS_B + (<usize>j << 3), half > 0 ? gamma(half, theta) : 0);
    }
  }
}

/** 1 − c_{j−1} carried from one jacobiRows call to the next (1 at the start: c_0 = 0). */
let previousComplement: f64 = 1;

export function jacobiStart(): void {
  previousComplement = 1;
}

/**
 * Jacobi (Killip–Nenciu 2004, canonical moments; jacobi.ts): c_{2i+1} ~ Beta(h + a, h + b),
 * c_{2i+2} ~ Beta(h, β(N − i − 2)/2 + a + b), h = β(N − i − 1)/2, and (q_i, e_i) =
 * ((1 − c_{2i})c_{2i+1}, (1 − c_{2i+1})c_{2i+2}) to ROWS_A, ROWS_B.
 */
export function jacobiRows(
  n: f64,
  rows: i32,
  i0: i32,
  count: i32,
  beta: f64,
  a: f64,
  b: f64,
): void {
  for (let j = 0; j < count; j++) {
    const i = i0 + j;
    const half = (beta * (n - <f64>i - 1)) / 2;
    betaPair(half + a, half + b);
    store<f64>(ROWS_A + (<usize>j << 3), previousComplement * betaX);
    previousComplement = betaComplement;
    if (i < rows - 1) {
      if (half > 0) {
        betaPair(half, (beta * (n - <f64>i - 2)) / 2 + a + b);
        store<f64>(ROWS_B + (<usize>j << 3), previousComplement * betaX);
        previousComplement = betaComplement;
      } else {
        store<f64>(ROWS_B + (<usize>j << 3), 0);
        previousComplement = 1;
      }
    }
  }
}
