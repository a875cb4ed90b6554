/**
 * Whole coefficient arrays of the tridiagonal models, a chunk of rows per call, with the draws of
 * src/ensembles/{hermite,laguerre,jacobi}.ts in their documented order (the reproducibility
 * contract): rows i0 … i0 + count − 1 of a model with `rows` rows (the full N, or the leading
 * K×K block of src/ensembles/edge.ts) are written to ROWS_A[0 … count) and ROWS_B[0 … count);
 * the off-diagonal entry of the last row is not drawn.
 */
import { seekUniform, uniformPos, uniformsAhead } from "./stream";
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
// Per slot (at most two per row of a block): normals, slot lists, and the Marsaglia–Tsang t, z², d, v.
const NORMALS: usize = memory.data(8 * 2 * BLOCK, 16);
const TAILS: usize = memory.data(4 * (2 * BLOCK + 4), 16);
const SQUEEZED: usize = memory.data(4 * (2 * BLOCK + 4), 16);
const TS: usize = memory.data(8 * 2 * BLOCK, 16);
const Z2S: usize = memory.data(8 * 2 * BLOCK, 16);
const DS: usize = memory.data(8 * 2 * BLOCK, 16);
const VS: usize = memory.data(8 * 2 * BLOCK, 16);

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

/** Test hook: dst[j] = Φ^{-1}(src[j]) by blockNormals, j < 2·pairs ≤ 2·BLOCK. */
export function normalsTest(src: usize, pairs: i32, dst: usize): void {
  blockNormals(src, pairs, 2, 1);
  memory.copy(dst, NORMALS, <usize>(16 * pairs));
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
      seekUniform(base + 3 * len);
      j += len;
      continue;
    }
    seekUniform(base + 3 * bad);
    hermiteRowScalar(j + bad, i + bad, n, rows, beta, loc, scale, variance);
    j += bad + 1;
  }
}

/** Gamma shapes of the slots of a block, and the gamma variates. */
const SHAPES: usize = memory.data(8 * 2 * BLOCK, 16);
const GAMMAS: usize = memory.data(8 * 2 * BLOCK, 16);

/**
 * Marsaglia–Tsang gammas for `pairs` pairs of slots, slot 2p + l with shape SHAPES[2p + l] ≥ 1 and
 * uniforms z = u[4p + 2l], then u[4p + 2l + 1] (one attempt: normal, then uniform, as gamma.ts),
 * into GAMMAS: the normals by blockNormals, then the squeeze test of every slot, then the log test
 * of the slots it did not accept. Returns the first pair with a slot rejected on its first
 * attempt (or with t ≤ 0), or `pairs` if none: from there on the speculation is void.
 */
function gammaPairs(u: usize, pairs: i32): i32 {
  blockNormals(u, pairs, 4, 2);
  let squeezed = 0;
  for (let s = 0; s < 2 * pairs; s++) {
    const d = load<f64>(SHAPES + (<usize>s << 3)) - 1.0 / 3.0;
    const c = 1 / Math.sqrt(9 * d);
    const z = load<f64>(NORMALS + (<usize>s << 3));
    const t = 1 + c * z;
    const v = t * t * t;
    const z2 = z * z;
    const uu = load<f64>(u + (<usize>(2 * s + 1) << 3));
    store<f64>(GAMMAS + (<usize>s << 3), d * v);
    store<f64>(TS + (<usize>s << 3), t);
    store<f64>(Z2S + (<usize>s << 3), z2);
    store<f64>(DS + (<usize>s << 3), d);
    store<f64>(VS + (<usize>s << 3), v);
    store<i32>(SQUEEZED + (<usize>squeezed << 2), s);
    squeezed += <i32>!(t > 0 && uu < 1 - 0.0331 * z2 * z2);
  }
  for (let k = 0; k < squeezed; k++) {
    const s = load<i32>(SQUEEZED + (<usize>k << 2));
    const t = load<f64>(TS + (<usize>s << 3));
    if (
      t > 0 &&
      logTest(
        load<f64>(u + (<usize>(2 * s + 1) << 3)),
        load<f64>(Z2S + (<usize>s << 3)),
        load<f64>(DS + (<usize>s << 3)),
        load<f64>(VS + (<usize>s << 3)),
      )
    ) {
      continue;
    }
    return s >> 1;
  }
  return pairs;
}

/** One Laguerre row by the scalar reference path. */
function laguerreRowScalar(
  j: i32,
  i: i32,
  n: f64,
  rows: i32,
  beta: f64,
  shape: f64,
  theta: f64,
): void {
  const half = (beta * (n - <f64>i - 1)) / 2;
  store<f64>(ROWS_A + (<usize>j << 3), gamma(half + shape, theta));
  if (i < rows - 1) {
    store<f64>(ROWS_B + (<usize>j << 3), half > 0 ? gamma(half, theta) : 0);
  }
}

/**
 * Laguerre (Dumitriu–Edelman 2002, §III-B): ξ_{2i+1} ~ Gamma(β(N − i − 1)/2 + k, θ) to ROWS_A,
 * then ξ_{2i+2} ~ Gamma(β(N − i − 1)/2, θ) (0 when the shape is 0) to ROWS_B (laguerre.ts).
 * Rows whose two shapes are ≥ 1 go through speculative blocks as in hermiteRows (four uniforms per
 * row on the first attempt), the others through the scalar reference path.
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
  let j = 0;
  while (j < count) {
    const i = i0 + j;
    const limit = min(BLOCK, min(count - j, rows - 1 - i));
    let len = 0;
    while (len < limit && (beta * (n - <f64>(i + len) - 1)) / 2 >= 1) len++;
    if (len === 0) {
      laguerreRowScalar(j, i, n, rows, beta, shape, theta);
      j++;
      continue;
    }
    for (let r = 0; r < len; r++) {
      const half = (beta * (n - <f64>(i + r) - 1)) / 2;
      store<f64>(SHAPES + (<usize>(2 * r) << 3), half + shape);
      store<f64>(SHAPES + (<usize>(2 * r + 1) << 3), half);
    }
    const u = uniformsAhead(4 * len);
    const base = uniformPos;
    const bad = gammaPairs(u, len);
    for (let r = 0; r < bad; r++) {
      store<f64>(ROWS_A + (<usize>(j + r) << 3), theta * load<f64>(GAMMAS + (<usize>(2 * r) << 3)));
      store<f64>(ROWS_B + (<usize>(j + r) << 3), theta * load<f64>(GAMMAS + (<usize>(2 * r + 1) << 3)));
    }
    if (bad === len) {
      seekUniform(base + 4 * len);
      j += len;
      continue;
    }
    seekUniform(base + 4 * bad);
    laguerreRowScalar(j + bad, i + bad, n, rows, beta, shape, theta);
    j += bad + 1;
  }
}

/** 1 − c_{j−1} carried from one jacobiRows call to the next (1 at the start: c_0 = 0). */
let previousComplement: f64 = 1;

export function jacobiStart(): void {
  previousComplement = 1;
}

/** One Jacobi row by the scalar reference path (betaPair twice, jacobi.ts). */
function jacobiRowScalar(j: i32, i: i32, n: f64, rows: i32, beta: f64, a: f64, b: f64): void {
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

/**
 * Jacobi (Killip–Nenciu 2004, canonical moments; jacobi.ts): c_{2i+1} ~ Beta(h + a, h + b),
 * c_{2i+2} ~ Beta(h, β(N − i − 2)/2 + a + b), h = β(N − i − 1)/2, each X = G_a/(G_a + G_b) from two
 * gammas (beta.ts), and (q_i, e_i) = ((1 − c_{2i})c_{2i+1}, (1 − c_{2i+1})c_{2i+2}) to ROWS_A,
 * ROWS_B. Rows whose four shapes are ≥ 1 go through speculative blocks as in hermiteRows (eight
 * uniforms per row on the first attempts), the others through the scalar reference path.
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
  let j = 0;
  while (j < count) {
    const i = i0 + j;
    const limit = min(BLOCK / 2, min(count - j, rows - 1 - i));
    let len = 0;
    while (len < limit) {
      const ii = <f64>(i + len);
      const half = (beta * (n - ii - 1)) / 2;
      const other = (beta * (n - ii - 2)) / 2 + a + b;
      if (!(half + a >= 1 && half + b >= 1 && half >= 1 && other >= 1)) break;
      len++;
    }
    if (len === 0) {
      jacobiRowScalar(j, i, n, rows, beta, a, b);
      j++;
      continue;
    }
    for (let r = 0; r < len; r++) {
      const ii = <f64>(i + r);
      const half = (beta * (n - ii - 1)) / 2;
      store<f64>(SHAPES + (<usize>(4 * r) << 3), half + a);
      store<f64>(SHAPES + (<usize>(4 * r + 1) << 3), half + b);
      store<f64>(SHAPES + (<usize>(4 * r + 2) << 3), half);
      store<f64>(SHAPES + (<usize>(4 * r + 3) << 3), (beta * (n - ii - 2)) / 2 + a + b);
    }
    const u = uniformsAhead(8 * len);
    const base = uniformPos;
    const bad = gammaPairs(u, 2 * len) >> 1;
    let complement = previousComplement;
    for (let r = 0; r < bad; r++) {
      const g = GAMMAS + (<usize>(4 * r) << 3);
      const ga = load<f64>(g);
      const gb = load<f64>(g, 8);
      const sum = ga + gb;
      store<f64>(ROWS_A + (<usize>(j + r) << 3), complement * (ga / sum));
      complement = gb / sum;
      const gc = load<f64>(g, 16);
      const gd = load<f64>(g, 24);
      const sum2 = gc + gd;
      store<f64>(ROWS_B + (<usize>(j + r) << 3), complement * (gc / sum2));
      complement = gd / sum2;
    }
    previousComplement = complement;
    if (bad === len) {
      seekUniform(base + 8 * len);
      j += len;
      continue;
    }
    seekUniform(base + 8 * bad);
    jacobiRowScalar(j + bad, i + bad, n, rows, beta, a, b);
    j += bad + 1;
  }
}
