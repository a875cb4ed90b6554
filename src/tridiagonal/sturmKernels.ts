/**
 * Sturm counts on the WebAssembly kernels (asm/sturm.ts): the histogram of sturmHistogram and the
 * multisection behind bisectEigenvalue. Every count is the count of sturmCountUnchecked (same
 * recurrence, same IEEE operations, same pivot guard), so the results are bit-identical to the
 * JavaScript reference; the callers in histogram.ts and bisection.ts choose this path when
 * wasmKernels() is available and the matrix is large enough for it to pay.
 */
import type { Kernels } from "../wasm/kernels.js";

/** Rows copied into the kernels' memory per call of the histogram (fits the second-level cache). */
const STREAM_ROWS = 16384;
/** Largest matrix copied whole into the kernels' memory for bisection (64 MiB). */
export const MAX_RESIDENT_ROWS = 1 << 22;

/** A symmetric tridiagonal matrix in the kernels' memory: A[i] = a_i, B[i] = b_{i−1}. */
interface Resident {
  aPtr: number;
  bPtr: number;
}

/** Copies rows [r0, r1) of (a, b) to the kernels' heap (A then B), growing memory if needed. */
function copyRows(
  k: Kernels,
  a: Float64Array,
  b: Float64Array,
  r0: number,
  r1: number,
): Resident | undefined {
  const rows = r1 - r0;
  const aPtr = k.heapBase;
  const bPtr = aPtr + 8 * rows + 16;
  if (!k.ensureMemory(bPtr + 8 * rows + 16)) return undefined;
  const f64 = k.f64;
  f64.set(a.subarray(r0, r1), aPtr >>> 3);
  // B[i] = b_{r0+i−1}; B[0] is unused when r0 = 0.
  if (r0 === 0) f64.set(b.subarray(0, r1 - 1), (bPtr >>> 3) + 1);
  else f64.set(b.subarray(r0 - 1, r1 - 1), bPtr >>> 3);
  return { aPtr, bPtr };
}

/** Writes the points to POINT_X (padded with copies of the last one to `slots`). */
function setPoints(k: Kernels, xs: ArrayLike<number>, count: number, slots: number): void {
  const f64 = k.f64;
  const x = k.pointX >>> 3;
  for (let j = 0; j < slots; j++) f64[x + j] = xs[Math.min(j, count - 1)];
}

/** Rows per kernel call (long loops are split so that the engine's optimising tier takes over). */
const CALL_ROWS = 65536;

/** Runs the count kernel over `rows` rows for `points` points already set up in POINT_*. */
function run(
  k: Kernels,
  m: Resident,
  rows: number,
  first: boolean,
  points: number,
  pivmin: number,
): void {
  for (let r0 = 0; r0 < rows; r0 += CALL_ROWS) {
    const count = Math.min(CALL_ROWS, rows - r0);
    const a = m.aPtr + 8 * r0;
    const b = m.bPtr + 8 * r0;
    const start = first && r0 === 0 ? 1 : 0;
    if (points <= 4) k.exports.sturmCountsFew2(a, b, count, start, pivmin);
    else if (points <= 8) k.exports.sturmCountsFew(a, b, count, start, 4, pivmin);
    else k.exports.sturmCountsMany(a, b, count, start, (points + 1) >> 1, pivmin);
  }
}

/** Slots (lanes) used for `points` points: 4 or 8 (vectors in registers), or an even count. */
function slotsFor(points: number): number {
  return points <= 4 ? 4 : points <= 8 ? 8 : points + (points & 1);
}

/**
 * Sturm counts #{λ < x_j} of the tridiagonal (a, b) of order n at the points xs (as many as the
 * kernels take per call, MAX_POINTS), streaming the matrix through the kernels' memory in blocks:
 * out[j] = sturmCountUnchecked(a, b, n, xs[j], pivmin). Returns false if memory is short.
 */
export function sturmCountsKernel(
  k: Kernels,
  a: Float64Array,
  b: Float64Array,
  n: number,
  xs: ArrayLike<number>,
  pivmin: number,
  out: Float64Array,
): boolean {
  const points = xs.length;
  for (let p0 = 0; p0 < points; p0 += k.maxPoints) {
    const count = Math.min(k.maxPoints, points - p0);
    const group = Array.from({ length: count }, (_, j) => xs[p0 + j]);
    const slots = slotsFor(count);
    setPoints(k, group, count, slots);
    for (let r0 = 0; r0 < n; r0 += STREAM_ROWS) {
      const r1 = Math.min(n, r0 + STREAM_ROWS);
      const m = copyRows(k, a, b, r0, r1);
      if (!m) return false;
      run(k, m, r1 - r0, r0 === 0, count, pivmin);
    }
    const c = k.i32;
    const at = k.pointC >>> 2;
    for (let j = 0; j < count; j++) out[p0 + j] = c[at + 2 * j]; // i64 counts < 2^31: low words
  }
  return true;
}

/** State of one point of the multisection: its recurrence after the rows run so far. */
interface Point {
  x: number;
  q: number;
  count: number;
}

/** Decision "#{λ < x} > k" once known from a partial count after `done` of n rows, else undefined. */
function decided(count: number, done: number, n: number, k: number): boolean | undefined {
  if (count > k) return true;
  if (count + (n - done) <= k) return false;
  return undefined;
}

/** Runs `points` (at most MAX_POINTS) over rows [r0, r1) from their saved state, updating it. */
function advance(
  k: Kernels,
  m: Resident,
  r0: number,
  r1: number,
  points: Point[],
  pivmin: number,
): void {
  const count = points.length;
  const slots = slotsFor(count);
  const f64 = k.f64;
  const i32 = k.i32;
  const x = k.pointX >>> 3;
  const q = k.pointQ >>> 3;
  const c = k.pointC >>> 2; // i64 counts < 2^31, as low and high 32-bit words
  for (let j = 0; j < slots; j++) {
    const p = points[Math.min(j, count - 1)];
    f64[x + j] = p.x;
    f64[q + j] = p.q;
    i32[c + 2 * j] = p.count;
    i32[c + 2 * j + 1] = 0;
  }
  const shifted = { aPtr: m.aPtr + 8 * r0, bPtr: m.bPtr + 8 * r0 };
  run(k, shifted, r1 - r0, r0 === 0, count, pivmin);
  const f = k.f64;
  const i = k.i32;
  for (let j = 0; j < count; j++) {
    points[j].q = f[q + j];
    points[j].count = i[c + 2 * j];
  }
}

/** One quadrisection step of bisectEigenvalue: its four points and the interval after each outcome. */
interface Level {
  lo: number;
  hi: number;
  points: Point[];
  /** Index 0..4 of the predicted outcome (first point with count > k; 4 if none). */
  predicted: number;
}

/** The four points lo + j·(hi − lo)/5 of bisectEigenvalue, computed as it computes them. */
function levelPoints(lo: number, hi: number): Point[] {
  const w = (hi - lo) / 5;
  return [lo + w, lo + 2 * w, lo + 3 * w, lo + 4 * w].map((x) => ({ x, q: 0, count: 0 }));
}

/** bisectEigenvalue's next interval after outcome j (the first point with count > k, 4 if none). */
function stepInterval(level: Level, outcome: number): [number, number] {
  const xs = level.points;
  let newLo = outcome === 0 ? level.lo : xs[outcome - 1].x;
  let newHi = outcome === 4 ? level.hi : xs[outcome].x;
  if (outcome === 4) newLo = xs[3].x;
  if (newHi > level.hi) newHi = level.hi;
  return [newLo, newHi];
}

/** Rows run for every step before predicting its outcome, at first (at most half the matrix). */
const PREFIX_ROWS = 4096;
/** Open points (decision still unknown after the prefix) that one pass carries: four vectors. */
const OPEN_POINTS = 8;
/** Most levels (quadrisection steps) predicted per pass. */
const MAX_LEVELS = 12;

/**
 * bisectEigenvalue on the kernels, bit-identical to it: the same sequence of quadrisection steps
 * (same points, same decisions #{λ < x} > k, same stopping rules), several steps per pass over the
 * matrix when they can be predicted. A pass runs the four points of a step over the first P rows,
 * where a count > k, or one that cannot exceed k any more, is final, and an open one is predicted
 * from its proportion, count·n/P > k (for λ_max, k = n − 1: "all pivots negative so far"); the
 * predicted outcome gives the next step's interval, whose points run over the first P rows in turn,
 * and so on while the open points fit four vectors. All open points then run together over the
 * remaining rows — one pass, bound by the latency of the recurrence as a single step would be —
 * and the steps are taken in order while each actual outcome agrees with the prediction the next
 * step was built on. Near λ_max a point just below it keeps negative pivots until about the row
 * where the top eigenvector has decayed, so P moves halfway to n whenever the second step of a pass
 * was mispredicted. Returns undefined if the matrix does not fit the kernels' memory (the caller then
 * runs the reference).
 */
export function bisectEigenvalueKernel(
  k: Kernels,
  a: Float64Array,
  b: Float64Array,
  n: number,
  kth: number,
  lo: number,
  hi: number,
  tol: number,
  pivmin: number,
  bracket?: Float64Array,
): number | undefined {
  if (n > MAX_RESIDENT_ROWS) return undefined;
  const m = copyRows(k, a, b, 0, n);
  if (!m) return undefined;
  let prefix = Math.min(Math.ceil(n / 2), PREFIX_ROWS);
  while (hi - lo > tol) {
    // Predict a path of steps from the first `prefix` rows.
    const levels: Level[] = [];
    const open: Point[] = [];
    let l = lo;
    let h = hi;
    while (levels.length < MAX_LEVELS && h - l > tol && open.length < OPEN_POINTS) {
      const level: Level = { lo: l, hi: h, points: levelPoints(l, h), predicted: 4 };
      advance(k, m, 0, prefix, level.points, pivmin);
      let predicted = -1;
      level.points.forEach((p, j) => {
        const known = decided(p.count, prefix, n, kth);
        if (known === undefined) open.push(p);
        if (predicted < 0 && (known ?? p.count * (n / prefix) > kth)) predicted = j;
      });
      level.predicted = predicted < 0 ? 4 : predicted;
      levels.push(level);
      const [nl, nh] = stepInterval(level, level.predicted);
      if (nl === l && nh === h) break;
      l = nl;
      h = nh;
    }
    // Continue the points whose decision is still open over the remaining rows.
    for (let j = 0; prefix < n && j < open.length; j += k.maxPoints) {
      advance(k, m, prefix, n, open.slice(j, j + k.maxPoints), pivmin);
    }
    // Take the steps while the predictions they were built on hold.
    let taken = 0;
    for (const level of levels) {
      if (!(hi - lo > tol)) break;
      let outcome = level.points.findIndex((p) => p.count > kth);
      if (outcome < 0) outcome = 4;
      const [newLo, newHi] = stepInterval(level, outcome);
      if (newLo === lo && newHi === hi) return finish(lo, hi, bracket);
      lo = newLo;
      hi = newHi;
      taken++;
      if (outcome !== level.predicted) break;
    }
    if (taken < 2 && levels.length > 1) {
      prefix = Math.ceil((prefix + n) / 2);
    }
  }
  return finish(lo, hi, bracket);
}

/** The midpoint of the final [lo, hi], written to `bracket` if given (as bisectEigenvalue does). */
function finish(lo: number, hi: number, bracket: Float64Array | undefined): number {
  if (bracket) {
    bracket[0] = lo;
    bracket[1] = hi;
  }
  return lo + 0.5 * (hi - lo);
}
