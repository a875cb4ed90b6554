/**
 * Whole coefficient arrays of the tridiagonal models, a chunk of rows per call, with the draws of
 * src/ensembles/{hermite,laguerre,jacobi}.ts in their documented order (the reproducibility
 * contract): rows i0 … i0 + count − 1 of a model with `rows` rows (the full N, or the leading
 * K×K block of src/ensembles/edge.ts) are written to ROWS_A[0 … count) and ROWS_B[0 … count);
 * the off-diagonal entry of the last row is not drawn.
 */
import { uniformPos, uniformsAhead } from "./stream";
import { detLog2 } from "./math";
import {
  betaComplement,
  betaPair,
  betaX,
  farTail,
  gamma,
  normal,
  normalCentral,
  normalQuantile,
  normalQuantileCentral2,
  normalQuantileTail2,
} from "./variates";

/** Rows per call. */
export const CHUNK_ROWS: i32 = 4096;
export const ROWS_A: usize = memory.data(8 * CHUNK_ROWS, 16);
export const ROWS_B: usize = memory.data(8 * CHUNK_ROWS, 16);

/** Rows per speculative block, and the block's scratch: normals, lists of rows or slots. */
const BLOCK: i32 = 64;
const NORMALS: usize = memory.data(16 * BLOCK, 16);
const TAILS: usize = memory.data(8 * BLOCK + 16, 16);
const SQUEEZED: usize = memory.data(4 * BLOCK + 16, 16);
const TS: usize = memory.data(8 * BLOCK, 16);
const Z2S: usize = memory.data(8 * BLOCK, 16);
const DS: usize = memory.data(8 * BLOCK, 16);
const VS: usize = memory.data(8 * BLOCK, 16);

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
 * Normals of a block of slots: NORMALS[s] = Φ^{-1}(p_s) for s < slots, where p_s is the uniform at
 * `u + 8·offset(s)`, offset(2r + l) = stride·r + l·gap. The central region of AS 241 for all slots
 * two at a time without branches, the tails gathered into a list and done two at a time, a far
 * tail (p < 1.4e−11) by the scalar normalQuantile.
 */
// @ts-ignore: decorator
@inline
function blockNormals(u: usize, rowsInBlock: i32, stride: i32, gap: i32): void {
  let tails = 0;
  for (let r = 0; r < rowsInBlock; r++) {
    const at = u + (<usize>(stride * r) << 3);
    const p = f64x2.replace_lane(f64x2.splat(load<f64>(at)), 1, load<f64>(at + (<usize>gap << 3)));
    v128.store(NORMALS + (<usize>r << 4), normalQuantileCentral2(p));
    const outside = v128.not(normalCentral(p));
    store<i32>(TAILS + (<usize>tails << 2), 2 * r);
    tails += <i32>(i64x2.extract_lane(outside, 0) !== 0);
    store<i32>(TAILS + (<usize>tails << 2), 2 * r + 1);
    tails += <i32>(i64x2.extract_lane(outside, 1) !== 0);
  }
  if (tails === 0) return;
  if (tails & 1) {
    store<i32>(TAILS + (<usize>tails << 2), load<i32>(TAILS + (<usize>(tails - 1) << 2)));
  }
  for (let t = 0; t < tails; t += 2) {
    const s0 = load<i32>(TAILS + (<usize>t << 2));
    const s1 = load<i32>(TAILS + (<usize>(t + 1) << 2));
    const a0 = u + (<usize>(stride * (s0 >> 1) + (s0 & 1) * gap) << 3);
    const a1 = u + (<usize>(stride * (s1 >> 1) + (s1 & 1) * gap) << 3);
    const p = f64x2.replace_lane(f64x2.splat(load<f64>(a0)), 1, load<f64>(a1));
    farTail = false;
    const z = normalQuantileTail2(p);
    store<f64>(NORMALS + (<usize>s0 << 3), f64x2.extract_lane(z, 0));
    store<f64>(NORMALS + (<usize>s1 << 3), f64x2.extract_lane(z, 1));
    if (farTail) {
      store<f64>(NORMALS + (<usize>s0 << 3), normalQuantile(load<f64>(a0)));
      store<f64>(NORMALS + (<usize>s1 << 3), normalQuantile(load<f64>(a1)));
    }
  }
}

/**
 * The Marsaglia–Tsang log test, detLog(u) < z²/2 + d(1 − v + detLog(v)) (gamma.ts), with both
 * logarithms in one f64x2 (u ≥ 2^−53 and v = t³ ≥ 2^−159 are normal numbers).
 */
// @ts-ignore: decorator
@inline
function logTest(u: f64, z2: f64, d: f64, v: f64): bool {
  const logs = detLog2(f64x2.replace_lane(f64x2.splat(u), 1, v));
  return f64x2.extract_lane(logs, 0) < 0.5 * z2 + d * (1 - v + f64x2.extract_lane(logs, 1));
}

/**
 * Hermite (Dumitriu–Edelman 2002, §II-C): a_i = loc + scale·Z, then b_i ~ Gamma(β(N − i − 1)/2,
 * variance) (0 when the shape is 0), rows i = i0 … (hermite.ts, edge.ts hermiteLeadingBlock).
 *
 * Speculation: a block of rows whose gamma shape is ≥ 1 is computed as if each row took exactly
 * three uniforms (Z; the gamma's normal and uniform, accepted on the first attempt), in passes
 * without data-dependent branches so that the long polynomial chains of successive rows overlap:
 * all normals (blockNormals), then the squeeze test of every row, then the log test of the rows the
 * squeeze did not accept. The first row rejected on its first attempt (or with t ≤ 0) is redone by
 * the scalar reference path from its own stream position, and the block ends after it; the next
 * block starts from where that row left the stream. So every row takes the uniforms the reference
 * takes and computes the same operations on them.
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
    // Speculate on rows with a gamma draw of shape ≥ 1 (shapes decrease with i).
    let len = min(BLOCK, min(count - j, rows - 1 - i));
    if (len > 0 && !((beta * (n - <f64>(i + len - 1) - 1)) / 2 >= 1)) {
      len = 0;
      for (let r = 0; r < min(BLOCK, min(count - j, rows - 1 - i)); r++) {
        if (!((beta * (n - <f64>(i + r) - 1)) / 2 >= 1)) break;
        len = r + 1;
      }
    }
    if (len <= 0) {
      hermiteRowScalar(j, i, n, rows, beta, loc, scale, variance);
      j++;
      continue;
    }
    const u = uniformsAhead(3 * len);
    const base = uniformPos;
    blockNormals(u, len, 3, 1);
    let squeezed = 0;
    for (let r = 0; r < len; r++) {
      const shape = (beta * (n - <f64>(i + r) - 1)) / 2;
      const d = shape - 1.0 / 3.0;
      const c = 1 / Math.sqrt(9 * d);
      const z = load<f64>(NORMALS + (<usize>(2 * r + 1) << 3));
      const t = 1 + c * z;
      const v = t * t * t;
      const z2 = z * z;
      const uu = load<f64>(u + (<usize>(3 * r + 2) << 3));
      store<f64>(ROWS_A + (<usize>(j + r) << 3), loc + scale * load<f64>(NORMALS + (<usize>(2 * r) << 3)));
      store<f64>(ROWS_B + (<usize>(j + r) << 3), variance * (d * v));
      store<f64>(TS + (<usize>r << 3), t);
      store<f64>(Z2S + (<usize>r << 3), z2);
      store<f64>(DS + (<usize>r << 3), d);
      store<f64>(VS + (<usize>r << 3), v);
      store<i32>(SQUEEZED + (<usize>squeezed << 2), r);
      squeezed += <i32>!(t > 0 && uu < 1 - 0.0331 * z2 * z2);
    }
    let bad = len;
    for (let k = 0; k < squeezed; k++) {
      const r = load<i32>(SQUEEZED + (<usize>k << 2));
      const t = load<f64>(TS + (<usize>r << 3));
      if (
        t > 0 &&
        logTest(
          load<f64>(u + (<usize>(3 * r + 2) << 3)),
          load<f64>(Z2S + (<usize>r << 3)),
          load<f64>(DS + (<usize>r << 3)),
          load<f64>(VS + (<usize>r << 3)),
        )
      ) {
        continue;
      }
      bad = r;
      break;
    }
    if (bad === len) {
      uniformPos = base + 3 * len;
      j += len;
      continue;
    }
    uniformPos = base + 3 * bad;
    hermiteRowScalar(j + bad, i + bad, n, rows, beta, loc, scale, variance);
    j += bad + 1;
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
