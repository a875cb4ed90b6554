/**
 * Sturm counts #{λ < x} of a symmetric tridiagonal matrix at many points x at once, two points per
 * f64x2 vector, with the recurrence, pivot guard and tie convention of src/tridiagonal/sturm.ts:
 *   q_1 = a_1 − x,  q_i = (a_i − x) − b_{i−1}/q̃_{i−1},  q̃ = pivmin if |q| < pivmin else q,
 *   count = #{i : q̃_i < 0} = #{i : q_i ≤ −pivmin}.
 * Every point's recurrence is evaluated with the same IEEE operations in the same order as the
 * JavaScript reference, so the counts are identical. The rare rows where some |q| < pivmin take a
 * slow path that selects b/pivmin instead of b/q (the same quotient the reference divides by).
 *
 * Point state lives in memory: POINT_X[j] (the point), POINT_Q[j] (the unguarded q of the last
 * row processed), POINT_C[j] (i64 count so far), j < 2·vectors. A row range [r0, r1) of the matrix
 * is given by pointers: A[i] = a_{r0+i}, B[i] = b_{r0+i−1} (B[0] unused when r0 = 0).
 * References: Wilkinson (1965) §5.37; LAPACK dstebz/dlaebz; Demmel, Dhillon & Ren, ETNA 3 (1995).
 */

/** Maximum number of points per call (a multiple of 8). */
export const MAX_POINTS: i32 = 1024;
export const POINT_X: usize = memory.data(8 * MAX_POINTS, 16);
export const POINT_Q: usize = memory.data(8 * MAX_POINTS, 16);
export const POINT_C: usize = memory.data(8 * MAX_POINTS, 16);

// @ts-ignore: decorator
@inline
function anyGuard(q: v128, piv: v128): v128 {
  return f64x2.lt(f64x2.abs(q), piv);
}

/** The first row (r0 = 0): q = a_0 − x for every point, counts from it. */
function firstRow(a0: f64, vectors: i32, pivmin: f64): void {
  const a = f64x2.splat(a0);
  const negPiv = f64x2.splat(-pivmin);
  for (let v = 0; v < vectors; v++) {
    const o = <usize>v << 4;
    const q = f64x2.sub(a, v128.load(POINT_X + o));
    v128.store(POINT_Q + o, q);
    v128.store(POINT_C + o, i64x2.sub(i64x2.splat(0), f64x2.le(q, negPiv)));
  }
}

/**
 * Continues the recurrences of `vectors` point pairs over rows r0 … r0 + rows − 1 (A, B as in the
 * header), the points in the inner loop with their state in memory: for many points, where the
 * divisions of different points overlap (throughput bound).
 */
export function sturmCountsMany(
  aPtr: usize,
  bPtr: usize,
  rows: i32,
  first: bool,
  vectors: i32,
  pivmin: f64,
): void {
  let start = 0;
  if (first) {
    firstRow(load<f64>(aPtr), vectors, pivmin);
    start = 1;
  }
  const piv = f64x2.splat(pivmin);
  const negPiv = f64x2.splat(-pivmin);
  for (let i = start; i < rows; i++) {
    const ai = f64x2.splat(load<f64>(aPtr + (<usize>i << 3)));
    const bs = load<f64>(bPtr + (<usize>i << 3));
    const bi = f64x2.splat(bs);
    for (let v = 0; v < vectors; v++) {
      const o = <usize>v << 4;
      const q = v128.load(POINT_Q + o);
      const guard = anyGuard(q, piv);
      let quotient = f64x2.div(bi, q);
      if (v128.any_true(guard)) {
        quotient = v128.bitselect(f64x2.splat(bs / pivmin), quotient, guard);
      }
      const next = f64x2.sub(f64x2.sub(ai, v128.load(POINT_X + o)), quotient);
      v128.store(POINT_Q + o, next);
      v128.store(POINT_C + o, i64x2.sub(v128.load(POINT_C + o), f64x2.le(next, negPiv)));
    }
  }
}

/**
 * As sturmCountsMany for at most 4 vectors (8 points), kept in registers: for few points, where
 * one pass is bound by the latency of the recurrence (division + subtraction per row).
 */
export function sturmCountsFew(
  aPtr: usize,
  bPtr: usize,
  rows: i32,
  first: bool,
  vectors: i32,
  pivmin: f64,
): void {
  let start = 0;
  if (first) {
    firstRow(load<f64>(aPtr), vectors, pivmin);
    start = 1;
  }
  const piv = f64x2.splat(pivmin);
  const negPiv = f64x2.splat(-pivmin);
  const x0 = v128.load(POINT_X);
  const x1 = v128.load(POINT_X, 16);
  const x2 = v128.load(POINT_X, 32);
  const x3 = v128.load(POINT_X, 48);
  let q0 = v128.load(POINT_Q);
  let q1 = v128.load(POINT_Q, 16);
  let q2 = v128.load(POINT_Q, 32);
  let q3 = v128.load(POINT_Q, 48);
  let c0 = v128.load(POINT_C);
  let c1 = v128.load(POINT_C, 16);
  let c2 = v128.load(POINT_C, 32);
  let c3 = v128.load(POINT_C, 48);
  // Unused vectors run on copies of x0 (their results are not stored).
  for (let i = start; i < rows; i++) {
    const ai = f64x2.splat(load<f64>(aPtr + (<usize>i << 3)));
    const bs = load<f64>(bPtr + (<usize>i << 3));
    const bi = f64x2.splat(bs);
    const g = v128.or(
      v128.or(anyGuard(q0, piv), anyGuard(q1, piv)),
      v128.or(anyGuard(q2, piv), anyGuard(q3, piv)),
    );
    let d0 = f64x2.div(bi, q0);
    let d1 = f64x2.div(bi, q1);
    let d2 = f64x2.div(bi, q2);
    let d3 = f64x2.div(bi, q3);
    if (v128.any_true(g)) {
      const bp = f64x2.splat(bs / pivmin);
      d0 = v128.bitselect(bp, d0, anyGuard(q0, piv));
      d1 = v128.bitselect(bp, d1, anyGuard(q1, piv));
      d2 = v128.bitselect(bp, d2, anyGuard(q2, piv));
      d3 = v128.bitselect(bp, d3, anyGuard(q3, piv));
    }
    q0 = f64x2.sub(f64x2.sub(ai, x0), d0);
    q1 = f64x2.sub(f64x2.sub(ai, x1), d1);
    q2 = f64x2.sub(f64x2.sub(ai, x2), d2);
    q3 = f64x2.sub(f64x2.sub(ai, x3), d3);
    c0 = i64x2.sub(c0, f64x2.le(q0, negPiv));
    c1 = i64x2.sub(c1, f64x2.le(q1, negPiv));
    c2 = i64x2.sub(c2, f64x2.le(q2, negPiv));
    c3 = i64x2.sub(c3, f64x2.le(q3, negPiv));
  }
  v128.store(POINT_Q, q0);
  v128.store(POINT_C, c0);
  if (vectors > 1) {
    v128.store(POINT_Q, q1, 16);
    v128.store(POINT_C, c1, 16);
  }
  if (vectors > 2) {
    v128.store(POINT_Q, q2, 32);
    v128.store(POINT_C, c2, 32);
  }
  if (vectors > 3) {
    v128.store(POINT_Q, q3, 48);
    v128.store(POINT_C, c3, 48);
  }
}

/** As sturmCountsFew for at most 2 vectors (4 points): a quadrisection step. */
export function sturmCountsFew2(
  aPtr: usize,
  bPtr: usize,
  rows: i32,
  first: bool,
  pivmin: f64,
): void {
  let start = 0;
  if (first) {
    firstRow(load<f64>(aPtr), 2, pivmin);
    start = 1;
  }
  const piv = f64x2.splat(pivmin);
  const negPiv = f64x2.splat(-pivmin);
  const x0 = v128.load(POINT_X);
  const x1 = v128.load(POINT_X, 16);
  let q0 = v128.load(POINT_Q);
  let q1 = v128.load(POINT_Q, 16);
  let c0 = v128.load(POINT_C);
  let c1 = v128.load(POINT_C, 16);
  for (let i = start; i < rows; i++) {
    const ai = f64x2.splat(load<f64>(aPtr + (<usize>i << 3)));
    const bs = load<f64>(bPtr + (<usize>i << 3));
    const bi = f64x2.splat(bs);
    const g = v128.or(anyGuard(q0, piv), anyGuard(q1, piv));
    let d0 = f64x2.div(bi, q0);
    let d1 = f64x2.div(bi, q1);
    if (v128.any_true(g)) {
      const bp = f64x2.splat(bs / pivmin);
      d0 = v128.bitselect(bp, d0, anyGuard(q0, piv));
      d1 = v128.bitselect(bp, d1, anyGuard(q1, piv));
    }
    q0 = f64x2.sub(f64x2.sub(ai, x0), d0);
    q1 = f64x2.sub(f64x2.sub(ai, x1), d1);
    c0 = i64x2.sub(c0, f64x2.le(q0, negPiv));
    c1 = i64x2.sub(c1, f64x2.le(q1, negPiv));
  }
  v128.store(POINT_Q, q0);
  v128.store(POINT_C, c0);
  v128.store(POINT_Q, q1, 16);
  v128.store(POINT_C, c1, 16);
}
