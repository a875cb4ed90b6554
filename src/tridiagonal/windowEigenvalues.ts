/**
 * The k eigenvalues of a symmetric tridiagonal T nearest an energy E, without computing the others:
 * for the bulk local statistics of the β-ensembles at sizes (N up to 10⁸) where the O(N²)
 * eigensolvers are out of reach and one O(N) Sturm count per bisection step per eigenvalue
 * (O(N·k·log 1/ε)) would take hours.
 *
 * Phase. The leading minors D_i(x) = det(T[0..i) − x) satisfy (D_{i+1}, D_i) = A_i(x)(D_i, D_{i−1}),
 * A_i = [[a_i − x, −b_{i−1}], [1, 0]], det A_i = b_{i−1} > 0: the direction of the vector is a point
 * of the projective line moved by orientation-preserving Möbius maps, and its continuous lift θ
 * (the discrete Prüfer angle, cot θ = q_i = D_{i+1}/D_i, the Sturm pivot) increases with x. Sturm
 * counts are read off the lift: ⌊θ_after/π⌋ = ⌊θ_before/π⌋ + [q_before < 0] (Wilkinson, The
 * Algebraic Eigenvalue Problem §5.37; the discrete Prüfer angle of Teschl, Jacobi Operators, ch. 4).
 * Over a block of rows the lift is the lift of the block's matrix product M_J(x), a polynomial in x,
 * fixed by one value Λ_J(x) (the lift of the image of θ = 0).
 *
 * Compression. On a window W = [L, R] holding the wanted eigenvalues each block is cut so that its
 * phase moves by ≲ 1 radian across W; M_J(x) and Λ_J(x) are then smooth and are interpolated at 17
 * Chebyshev points of W (checked at two more points; a failing block is halved). Built once from
 * the rows: 17 products of 2×2 matrices per row, no division (the counts are sign changes of the
 * products' first column). For the root finding W is cut into sub-windows; on each the blocks are
 * merged (the same interpolation over the sub-window of the composed block maps, no rows touched),
 * so that one evaluation of the phase near an eigenvalue costs O(#blocks/#sub-windows).
 *
 * Eigenvalues. A twisted factorisation (Parlett & Dhillon, Linear Algebra Appl. 309 (2000)
 * 121–151) at a row r in the middle of the rows whose local band reaches E: rows 0..r are swept
 * forward, rows n−1..r+1 backward (by the same code on the reversed order: the trailing rows where E
 * is outside the local band — exponentially ill-conditioned when swept forward — are then the
 * first, stable part of the backward sweep). With the trailing minors D̃_i,
 *   det(T − x) = D_{r+1}D̃_{r+1} − b_r D_r D̃_{r+2},
 * so x is an eigenvalue iff (D_{r+1}, D_r) ∥ (b_r D̃_{r+2}, D̃_{r+1}); the continuous increasing phase
 * Θ(x) = θ⁺(x) − φ⁻(x) of the two directions meets πℤ exactly at the eigenvalues. Exact Sturm counts
 * c_L, c_R at the window's ends (sturm.ts) fix which multiple of π is which eigenvalue and check
 * that Θ winds exactly c_R − c_L times; each eigenvalue is then bracketed by Θ and found by the
 * Illinois iteration on det(T − x) itself (its magnitude is carried through the blocks as well),
 * which is smooth and has a simple root there. Four exact Sturm counts between found eigenvalues
 * check the result; a failed check throws.
 *
 * Cost: O(17·N) flops to build, a few exact Sturm counts O(N) each, and about 6 phase evaluations
 * per eigenvalue of O(#blocks/#sub-windows) each: O(N + k²/#sub-windows + #sub-windows·k). Measured
 * numbers are in bench/window.ts and the README. Deterministic math only: the eigenvalues are the
 * same bits in every engine.
 */

import { detAtan2, detCos, detLog, detSin } from "../special/deterministicMath.js";
import { gershgorinUnchecked } from "./bisection.js";
import { pivotMinimum, sturmCount4Unchecked, sturmCountUnchecked } from "./sturm.js";
import { checkTridiagonal } from "./validate.js";

/** Chebyshev degree of the block interpolants. */
const DEGREE = 16;
const NODES = DEGREE + 1;
/** Phase budget (radians across the interval) per block. */
const PHASE_BUDGET = 1.0;
/** Largest accepted interpolation error (radians) of a block's directions at the check points. */
const BLOCK_TOLERANCE = 1e-13;
/** Largest accepted error of the interpolated lift (only its integer part is used). */
/** Largest accepted condition number ‖M‖²_F/|det M| of a block that maps a variable input. */
const MAX_CONDITION = 1e10;
/** Check points (Chebyshev variable) of every block. */
const CHECKS = [-0.83, -0.41, 0.17, 0.62];
const TWO_P400 = 2 ** 400;
const TWO_M400 = 2 ** -400;

export interface WindowResult {
  /** The `count` eigenvalues nearest the energy, ascending. */
  values: Float64Array;
  /** Index (0-based, in the ascending spectrum) of values[0]. */
  firstIndex: number;
  /** The window [lo, hi] that was resolved and the number of eigenvalues found in it. */
  window: [number, number];
  resolved: number;
  /** Blocks of the window representation, sub-windows, twist row and phase evaluations. */
  blocks: number;
  subwindows: number;
  twist: number;
  evaluations: number;
  /** Exact O(N) Sturm counts used. */
  exactCounts: number;
}

/** Cosines of the Chebyshev points of the first kind and the DCT matrix (values → coefficients). */
const NODE_COS = new Float64Array(NODES);
const DCT = new Float64Array(NODES * NODES);
for (let j = 0; j < NODES; j++) NODE_COS[j] = detCos((Math.PI * (j + 0.5)) / NODES);
for (let k = 0; k < NODES; k++) {
  for (let j = 0; j < NODES; j++) {
    DCT[k * NODES + j] = ((k === 0 ? 1 : 2) / NODES) * detCos((Math.PI * k * (j + 0.5)) / NODES);
  }
}

/** Chebyshev sum Σ c_k T_k(u) by Clenshaw, coefficients c[base … base + DEGREE]. */
function clenshaw(c: Float64Array, base: number, u: number): number {
  const u2 = 2 * u;
  let b1 = 0;
  let b2 = 0;
  for (let k = DEGREE; k >= 1; k--) {
    const b0 = c[base + k] + u2 * b1 - b2;
    b2 = b1;
    b1 = b0;
  }
  return c[base] + u * b1 - b2;
}

/** Projective angle in [0, π) of the direction (x, y). */
function projectiveAngle(x: number, y: number): number {
  if (y < 0 || (y === 0 && x < 0)) {
    x = -x;
    y = -y;
  }
  return detAtan2(y, x);
}

/** |α − β| on the projective circle of length π. */
function angleDistance(alpha: number, beta: number): number {
  const d = Math.abs(alpha - beta) % Math.PI;
  return Math.min(d, Math.PI - d);
}

/**
 * Block maps at points: for each point j, out[5j … 5j + 4] = m00, m01, m10, m11 (the 2×2 product,
 * scaled by a power of two common to all points) and the lift Λ of the image of θ = 0.
 */
type BlockSampler = (xs: Float64Array, out: Float64Array) => void;

/** A block: a range of the parent's items and the Chebyshev coefficients of m00, m01, m10, m11, Λ. */
interface Block {
  start: number;
  end: number;
  coefficients: Float64Array; // 5·NODES (m00, m01, m10, m11; the fifth unused)
  /** ⌊Λ/π⌋ at the interval's left end, Λ the lift of the image of θ = 0. */
  turnsAtLo: number;
  /** The zeros in (−1, 1] (Chebyshev variable) of the interpolated m10, ascending. */
  zeros: Float64Array;
}

/** A sweep represented on the interval [lo, hi] of x by consecutive blocks. */
interface Sweep {
  lo: number;
  hi: number;
  blocks: Block[];
}

/** Rows [start, end) of a forward (or backward) sweep of T as a BlockSampler. */
function rowSampler(
  a: Float64Array,
  b: Float64Array,
  backward: boolean,
  start: number,
  end: number,
): BlockSampler {
  const n = a.length;
  return (xs, out) => {
    const m = xs.length;
    const state = new Float64Array(4 * m);
    const negatives = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      state[4 * j] = 1;
      state[4 * j + 3] = 1;
    }
    // Sweep row t is row t (forward) or n − 1 − t (backward), coupled to the previous sweep row by
    // b[t − 1] (forward) or b[n − 1 − t] (backward); the first row of a sweep has no coupling.
    for (let t = start; t < end; t++) {
      const ai = backward ? a[n - 1 - t] : a[t];
      const bi = t === 0 ? 0 : backward ? b[n - 1 - t] : b[t - 1];
      let big = 0;
      for (let j = 0; j < m; j++) {
        const o = 4 * j;
        const m00 = state[o];
        const m01 = state[o + 1];
        const m10 = state[o + 2];
        const m11 = state[o + 3];
        // The lift: a negative pivot q = m00/m10 of the image of θ = 0 before this row.
        if (t > start && m00 < 0 !== m10 < 0 && m00 !== 0 && m10 !== 0) negatives[j]++;
        const c = ai - xs[j];
        const n00 = c * m00 - bi * m10;
        const n01 = c * m01 - bi * m11;
        state[o] = n00;
        state[o + 1] = n01;
        state[o + 2] = m00;
        state[o + 3] = m01;
        const s = Math.abs(n00) + Math.abs(n01);
        if (s > big) big = s;
      }
      if (big > TWO_P400) for (let q = 0; q < 4 * m; q++) state[q] *= TWO_M400;
    }
    for (let j = 0; j < m; j++) {
      const o = 4 * j;
      out[5 * j] = state[o];
      out[5 * j + 1] = state[o + 1];
      out[5 * j + 2] = state[o + 2];
      out[5 * j + 3] = state[o + 3];
      // cot θ = m00/m10, θ ∈ (0, π): the projective angle of (m00, m10).
      out[5 * j + 4] = Math.PI * negatives[j] + projectiveAngle(state[o], state[o + 2]);
    }
  };
}

/**
 * Interpolates the sampled block maps on [lo, hi]; returns the block, or undefined if the check at
 * two further points fails (the caller halves the block). `first`: the block only maps θ = 0.
 */
function interpolateBlock(
  sampler: BlockSampler,
  lo: number,
  hi: number,
  first: boolean,
  start: number,
  end: number,
): Block | undefined {
  const mid = 0.5 * (lo + hi);
  const half = 0.5 * (hi - lo);
  const points = NODES + CHECKS.length + 1;
  const xs = new Float64Array(points);
  for (let j = 0; j < NODES; j++) xs[j] = mid + half * NODE_COS[j];
  for (let t = 0; t < CHECKS.length; t++) xs[NODES + t] = mid + half * CHECKS[t];
  xs[points - 1] = lo;
  const values = new Float64Array(5 * points);
  sampler(xs, values);
  const coefficients = new Float64Array(5 * NODES);
  for (let f = 0; f < 4; f++) {
    for (let k = 0; k < NODES; k++) {
      let sum = 0;
      for (let j = 0; j < NODES; j++) sum += DCT[k * NODES + j] * values[5 * j + f];
      coefficients[f * NODES + k] = sum;
    }
  }
  for (let t = 0; t < CHECKS.length; t++) {
    const u = CHECKS[t];
    const o = 5 * (NODES + t);
    const m00 = clenshaw(coefficients, 0, u);
    const m10 = clenshaw(coefficients, 2 * NODES, u);
    let error = angleDistance(projectiveAngle(m00, m10), projectiveAngle(values[o], values[o + 2]));
    if (!first) {
      const m01 = clenshaw(coefficients, NODES, u);
      const m11 = clenshaw(coefficients, 3 * NODES, u);
      error = Math.max(
        error,
        angleDistance(projectiveAngle(m01, m11), projectiveAngle(values[o + 1], values[o + 3])),
      );
      // A block that maps a variable input must be well conditioned: for a nearly rank-one
      // product the images of all inputs nearly coincide and the half-turn count of the lift
      // (which side of the repelling direction the input lies) is lost in rounding.
      const condition =
        (m00 * m00 + m01 * m01 + m10 * m10 + m11 * m11) / Math.abs(m00 * m11 - m01 * m10);
      if (!(condition < MAX_CONDITION)) error = Number.POSITIVE_INFINITY;
    }
    if (error > BLOCK_TOLERANCE && end - start > 1) return undefined;
  }
  // The lift Λ increases with x, and ⌊Λ/π⌋ steps by one exactly where the image of θ = 0 is
  // horizontal, i.e. at the zeros of m10: ⌊Λ(x)/π⌋ = ⌊Λ(lo)/π⌋ + #{zeros of m10 in (lo, x]}.
  return {
    start,
    end,
    coefficients,
    turnsAtLo: Math.floor(values[5 * (points - 1) + 4] / Math.PI),
    zeros: chebyshevZeros(coefficients, 2 * NODES),
  };
}

/** Real zeros in (−1, 1] of Σ c_k T_k (sign changes on a fine grid, then bisection). */
function chebyshevZeros(c: Float64Array, base: number): Float64Array {
  const grid = 8 * NODES;
  const zeros: number[] = [];
  let uPrev = -1;
  let fPrev = clenshaw(c, base, -1);
  for (let i = 1; i <= grid; i++) {
    const u = -1 + (2 * i) / grid;
    const f = clenshaw(c, base, u);
    if ((fPrev < 0 && f >= 0) || (fPrev > 0 && f <= 0) || (fPrev === 0 && i === 1 && f !== 0)) {
      let a = uPrev;
      let b = u;
      let fa = fPrev;
      for (let it = 0; it < 60 && b - a > 1e-15; it++) {
        const m = 0.5 * (a + b);
        const fm = clenshaw(c, base, m);
        if ((fa < 0 && fm >= 0) || (fa > 0 && fm <= 0)) b = m;
        else {
          a = m;
          fa = fm;
        }
      }
      zeros.push(b);
    }
    uPrev = u;
    fPrev = f;
  }
  return Float64Array.from(zeros);
}

/** Builds the blocks of items [0, count) from initial cuts, halving blocks that fail the check. */
function buildBlocks(
  cuts: [number, number][],
  lo: number,
  hi: number,
  sampler: (start: number, end: number) => BlockSampler,
): Block[] {
  const blocks: Block[] = [];
  const todo = cuts.slice().reverse();
  while (todo.length > 0) {
    const [s, e] = todo.pop() as [number, number];
    const block = interpolateBlock(sampler(s, e), lo, hi, s === 0, s, e);
    if (block === undefined) {
      const middle = (s + e) >> 1;
      todo.push([middle, e], [s, middle]);
      continue;
    }
    blocks.push(block);
  }
  return blocks;
}

/** Scratch state of one sweep evaluation: direction (v₀, v₁), turns, amplitude 2^e·m. */
const SWEEP_OUT = new Float64Array(4);

/**
 * Composes blocks [from, to) of a sweep at x ∈ [lo, hi] starting from θ = 0 (from = 0) or from the
 * state in SWEEP_OUT (from > 0), leaving in SWEEP_OUT: v₀, v₁ (direction, L¹-normalised, upper
 * half plane), turns (⌊θ/π⌋) and log₂ of the amplitude relative to the blocks' scaling.
 */
function composeSweep(sweep: Sweep, from: number, to: number, x: number): void {
  const u = (2 * x - sweep.lo - sweep.hi) / (sweep.hi - sweep.lo);
  let vx = SWEEP_OUT[0];
  let vy = SWEEP_OUT[1];
  let turns = SWEEP_OUT[2];
  let mantissa = 1;
  let exponent = SWEEP_OUT[3];
  for (let J = from; J < to; J++) {
    const c = sweep.blocks[J].coefficients;
    const block = sweep.blocks[J];
    const m00 = clenshaw(c, 0, u);
    const m10 = clenshaw(c, 2 * NODES, u);
    // Image of θ = 0 (first column) in the upper half plane.
    let ux = m00;
    let uy = m10;
    if (uy < 0 || (uy === 0 && ux < 0)) {
      ux = -ux;
      uy = -uy;
    }
    // ⌊Λ/π⌋ at u: one more per zero of m10 in (−1, u] (interpolateBlock).
    let nl = block.turnsAtLo;
    const zeros = block.zeros;
    for (let z = 0; z < zeros.length && zeros[z] <= u; z++) nl++;
    let wx: number;
    let wy: number;
    if (J === 0) {
      // The input of the first block is θ = 0 itself: the image is u.
      turns = nl;
      wx = ux;
      wy = uy;
    } else {
      const m01 = clenshaw(c, NODES, u);
      const m11 = clenshaw(c, 3 * NODES, u);
      wx = m00 * vx + m01 * vy;
      wy = m10 * vx + m11 * vy;
      if (wy < 0 || (wy === 0 && wx < 0)) {
        wx = -wx;
        wy = -wy;
      }
      // F(φ) = Λ + ((angle(w) − angle(u)) mod π): one more half-turn when w is clockwise of u.
      turns += nl + (ux * wy - uy * wx < 0 ? 1 : 0);
    }
    const norm = Math.abs(wx) + Math.abs(wy);
    vx = wx / norm;
    vy = wy / norm;
    mantissa *= norm;
    if (mantissa > 1e150 || mantissa < 1e-150) {
      const shift = Math.round(Math.log2(mantissa));
      mantissa /= 2 ** shift;
      exponent += shift;
    }
  }
  SWEEP_OUT[0] = vx;
  SWEEP_OUT[1] = vy;
  SWEEP_OUT[2] = turns;
  SWEEP_OUT[3] = exponent + detLog(mantissa) / Math.LN2;
}

/** A sweep of rows as blocks on [lo, hi], cut by a phase budget |W|·dα/dx summed per row. */
function rowSweep(
  a: Float64Array,
  b: Float64Array,
  rows: number,
  backward: boolean,
  energy: number,
  lo: number,
  hi: number,
): Sweep {
  const n = a.length;
  const width = hi - lo;
  const cuts: [number, number][] = [];
  // The first block takes the leading rows whose local band does not reach E (for the backward
  // sweep: the trailing rows of T): it only maps θ = 0, so its conditioning does not matter.
  const head = Math.min(rows, leadingOutsideBand(a, b, rows, backward, energy));
  let start = 0;
  if (head > 1) {
    cuts.push([0, head]);
    start = head;
  }
  let budget = 0;
  for (let t = start; t < rows; t++) {
    const ai = backward ? a[n - 1 - t] : a[t];
    const bi = t === 0 ? 0 : backward ? b[n - 1 - t] : b[t - 1];
    const d = ai - energy;
    // |W|·dα/dx with dα/dx = 1/√(4b − (a − E)²) inside the local band (1/√((a − E)² − 4b), a
    // rough stand-in, outside), at most a quarter budget per row: validation halves what fails.
    budget += Math.min(PHASE_BUDGET / 4, width / Math.sqrt(Math.abs(4 * bi - d * d) + 1e-300));
    if (budget > PHASE_BUDGET || t === rows - 1) {
      cuts.push([start, t + 1]);
      start = t + 1;
      budget = 0;
    }
  }
  return {
    lo,
    hi,
    blocks: buildBlocks(cuts, lo, hi, (s, e) => rowSampler(a, b, backward, s, e)),
  };
}

/**
 * The sweep restricted to [lo, hi] ⊂ [parent.lo, parent.hi] with the parent's blocks merged by
 * `factor` (consecutive groups), each group sampled by composing its blocks — rows are not touched.
 */
function refineSweep(parent: Sweep, lo: number, hi: number, factor: number): Sweep {
  const count = parent.blocks.length;
  // A point-independent power-of-two scale per parent block (its largest coefficient → ≈ 1), so
  // that products of a group keep one common scale at all points (interpolation stays valid).
  const scales = parent.blocks.map((block) => {
    let big = 0;
    for (let i = 0; i < 4 * NODES; i++) big = Math.max(big, Math.abs(block.coefficients[i]));
    return big > 0 ? 2 ** -Math.round(Math.log2(big)) : 1;
  });
  const cuts: [number, number][] = [];
  for (let s = 0; s < count; s += factor) cuts.push([s, Math.min(count, s + factor)]);
  const sampler =
    (start: number, end: number): BlockSampler =>
    (xs, out) => {
      const view: Sweep = { lo: parent.lo, hi: parent.hi, blocks: parent.blocks.slice(start, end) };
      for (let j = 0; j < xs.length; j++) {
        // The product of the group's (scaled) interpolated matrices …
        const u = (2 * xs[j] - parent.lo - parent.hi) / (parent.hi - parent.lo);
        let p00 = 1;
        let p01 = 0;
        let p10 = 0;
        let p11 = 1;
        for (let J = start; J < end; J++) {
          const c = parent.blocks[J].coefficients;
          const sc = scales[J];
          const m00 = clenshaw(c, 0, u) * sc;
          const m01 = clenshaw(c, NODES, u) * sc;
          const m10 = clenshaw(c, 2 * NODES, u) * sc;
          const m11 = clenshaw(c, 3 * NODES, u) * sc;
          const q00 = m00 * p00 + m01 * p10;
          const q01 = m00 * p01 + m01 * p11;
          const q10 = m10 * p00 + m11 * p10;
          p11 = m10 * p01 + m11 * p11;
          p00 = q00;
          p01 = q01;
          p10 = q10;
        }
        out[5 * j] = p00;
        out[5 * j + 1] = p01;
        out[5 * j + 2] = p10;
        out[5 * j + 3] = p11;
        // … and the lift of θ = 0 entering the group, through it.
        SWEEP_OUT.fill(0);
        composeSweep(view, 0, view.blocks.length, xs[j]);
        out[5 * j + 4] = Math.PI * SWEEP_OUT[2] + projectiveAngle(SWEEP_OUT[0], SWEEP_OUT[1]);
      }
    };
  return { lo, hi, blocks: buildBlocks(cuts, lo, hi, sampler) };
}

/**
 * The k = count eigenvalues of T (diagonal a, squared off-diagonal b) nearest `energy` (module
 * comment). Requires 1 ≤ count ≤ n. Throws RangeError for bad input, Error if a consistency check
 * fails.
 *
 * @example
 * ```ts
 * const T = hermiteTridiagonal(createRandomSource(1, 0), 1e6, 2);
 * const { values } = windowEigenvalues(T.diagonal, T.offDiagonalSquared, 0, 1000);
 * ```
 */
export function windowEigenvalues(
  diagonal: Float64Array,
  offDiagonalSquared: Float64Array,
  energy: number,
  count: number,
): WindowResult {
  const n = checkTridiagonal(diagonal, offDiagonalSquared, "windowEigenvalues");
  if (!Number.isFinite(energy)) throw new RangeError(`energy must be finite, got ${energy}`);
  if (!Number.isInteger(count) || count < 1 || count > n) {
    throw new RangeError(`count must be an integer in [1, ${n}], got ${count}`);
  }
  const a = diagonal;
  const b = offDiagonalSquared;
  const pivmin = pivotMinimum(b);
  const [gLo, gHi] = gershgorinUnchecked(a, b, n, pivmin);
  const counter = { exact: 0 };
  const countBelow = (x: number) => {
    counter.exact++;
    return x <= gLo ? 0 : x > gHi ? n : sturmCountUnchecked(a, b, n, x, pivmin);
  };
  const cE = countBelow(energy);
  let guard = Math.ceil(0.1 * count) + 4;
  for (;;) {
    const iLo = Math.max(0, cE - Math.ceil(count / 2) - guard);
    const iHi = Math.min(n - 1, cE + Math.ceil(count / 2) + guard);
    const result = resolveIndices(a, b, n, pivmin, gLo, gHi, energy, iLo, iHi, countBelow);
    const values = result.values;
    // The `count` nearest to E among the resolved ones form a contiguous run.
    let left = 0;
    let right = values.length - 1;
    while (right - left + 1 > count) {
      if (energy - values[left] > values[right] - energy) left++;
      else right--;
    }
    // If the run touches an end of the resolved range, a nearer eigenvalue may lie beyond it.
    const touches =
      (left === 0 && result.first > 0) ||
      (right === values.length - 1 && result.first + right < n - 1);
    if (touches && guard < n) {
      guard *= 4;
      continue;
    }
    return {
      values: values.slice(left, right + 1),
      firstIndex: result.first + left,
      window: result.window,
      resolved: values.length,
      blocks: result.blocks,
      subwindows: result.subwindows,
      twist: result.twist,
      evaluations: result.evaluations,
      exactCounts: counter.exact,
    };
  }
}

interface Resolved {
  values: Float64Array;
  first: number;
  window: [number, number];
  blocks: number;
  subwindows: number;
  twist: number;
  evaluations: number;
}

/** A phase value: Θ = turns·π + angle, and log₂ of |det(T − x)| up to an x-independent constant. */
interface PhaseValue {
  turns: number;
  angle: number;
  logAmplitude: number;
}

/** All eigenvalues with indices iLo … iHi (module comment). */
function resolveIndices(
  a: Float64Array,
  b: Float64Array,
  n: number,
  pivmin: number,
  gLo: number,
  gHi: number,
  energy: number,
  iLo: number,
  iHi: number,
  countBelow: (x: number) => number,
): Resolved {
  // Window: L with iLo − slack ≤ #{λ < L} ≤ iLo and R with iHi + 1 ≤ #{λ < R} ≤ iHi + 1 + slack:
  // brackets by doubling steps from E, then bisection on exact counts.
  const slack = Math.max(1, Math.floor((iHi - iLo) / 16));
  const firstStep = ((gHi - gLo) / n) * (iHi - iLo + 2);
  let lo = energy;
  let cLo = countBelow(lo);
  let loInner = energy;
  for (let step = firstStep; cLo > iLo; step *= 2) {
    loInner = lo;
    lo = Math.max(gLo, lo - step);
    cLo = countBelow(lo);
  }
  while (cLo < iLo - slack) {
    const m = 0.5 * (lo + loInner);
    const c = countBelow(m);
    if (c > iLo) loInner = m;
    else {
      lo = m;
      cLo = c;
    }
  }
  let hi = energy;
  let cHi = countBelow(hi);
  let hiInner = energy;
  for (let step = firstStep; cHi < iHi + 1; step *= 2) {
    hiInner = hi;
    hi = Math.min(gHi, hi + step);
    cHi = countBelow(hi);
  }
  while (cHi > iHi + 1 + slack) {
    const m = 0.5 * (hi + hiInner);
    const c = countBelow(m);
    if (c < iHi + 1) hiInner = m;
    else {
      hi = m;
      cHi = c;
    }
  }
  const expected = cHi - cLo;
  const values = new Float64Array(expected);
  const phase = buildPhase(
    a,
    b,
    n,
    energy,
    lo,
    hi,
    Math.max(1, Math.round(Math.sqrt(expected) / 2)),
  );
  const theta = phase.theta;
  const atLo = theta(lo);
  const atHi = theta(hi);
  // Eigenvalue c_L + j is where Θ = (K₀ + j)π.
  const k0 = atLo.turns + Math.floor(atLo.angle / Math.PI) + 1;
  const kEnd = atHi.turns + Math.ceil(atHi.angle / Math.PI) - 1;
  if (kEnd - k0 + 1 !== expected) {
    throw new Error(
      `windowEigenvalues: the phase winds ${kEnd - k0 + 1} times over the window but ${expected} eigenvalues lie there`,
    );
  }
  const g = (value: PhaseValue, k: number) => (value.turns - k) * Math.PI + value.angle;
  const tolerance = 4 * 2 ** -52 * Math.max(Math.abs(gLo), Math.abs(gHi));
  let previous = lo;
  let previousValue = atLo;
  let slope = (g(atHi, 0) - g(atLo, 0)) / (hi - lo);
  for (let j = 0; j < expected; j++) {
    const k = k0 + j;
    // Bracket: xl with −π < g < 0 and xh with 0 < g < π (between the neighbouring roots).
    let xl = previous;
    let vl = previousValue;
    let xh = Number.NaN;
    let vh = vl;
    let step = (0.5 * Math.PI) / slope;
    let upper = hi;
    for (let guard = 0; ; guard++) {
      if (guard > 400) throw new Error("windowEigenvalues: lost the bracket");
      const x = Math.min(upper, xl + step);
      const v = theta(x);
      const gx = g(v, k);
      if (gx <= -Math.PI || gx === 0) {
        xl = x;
        vl = v;
        if (gx === 0) {
          xh = x;
          vh = v;
          break;
        }
        continue;
      }
      if (gx < 0) {
        xl = x;
        vl = v;
        step *= 1.5;
        continue;
      }
      if (gx < Math.PI) {
        xh = x;
        vh = v;
        if (g(vl, k) > -Math.PI) break;
        // xl is still the previous root: step back into (previous root, xh).
        step = 0.5 * (xh - xl);
        upper = xh;
        continue;
      }
      // Past the next root: come back.
      upper = x;
      step *= 0.5;
    }
    let root = xh;
    let rootValue = vh;
    if (g(vh, k) !== 0) {
      // Illinois on det(T − x) ∝ 2^{logAmplitude}·sin g (smooth, one simple root in [xl, xh]).
      const reference = Math.max(vl.logAmplitude, vh.logAmplitude);
      const det = (v: PhaseValue) => 2 ** (v.logAmplitude - reference) * detSin(g(v, k));
      let fl = det(vl);
      let fh = det(vh);
      let side = 0;
      // Stop at |g| < 1e−11 (the phase's own rounding is ≈ 1e−11) or a bracket of 1e−12 spacings.
      const enough = Math.max(tolerance, 1e-12 * (Math.PI / slope));
      for (let it = 0; it < 200; it++) {
        const x0 = (xl * fh - xh * fl) / (fh - fl);
        const x = x0 > xl && x0 < xh ? x0 : 0.5 * (xl + xh);
        const v = theta(x);
        const gx = g(v, k);
        root = x;
        rootValue = v;
        if (gx === 0 || xh - xl <= enough || Math.abs(gx) < 1e-11) break;
        const fx = det(v);
        if (gx < 0) {
          xl = x;
          fl = fx;
          if (side === -1) fh /= 2;
          side = -1;
        } else {
          xh = x;
          fh = fx;
          if (side === 1) fl /= 2;
          side = 1;
        }
      }
    }
    values[j] = root;
    if (j > 0 && root > values[j - 1]) slope = Math.PI / (root - values[j - 1]);
    previous = root;
    previousValue = rootValue;
  }
  // Exact checks: #{λ < midpoint} between found eigenvalues at four places.
  if (expected >= 2) {
    const picks = [
      0,
      Math.floor((expected - 1) / 3),
      Math.floor((2 * (expected - 1)) / 3),
      expected - 2,
    ];
    const mids = picks.map((p) => 0.5 * (values[p] + values[p + 1]));
    const counts = new Int32Array(4);
    sturmCount4Unchecked(a, b, n, mids[0], mids[1], mids[2], mids[3], pivmin, counts);
    for (let t = 0; t < 4; t++) {
      const gap = values[picks[t] + 1] - values[picks[t]];
      if (gap > 64 * tolerance && counts[t] !== cLo + picks[t] + 1) {
        throw new Error(
          `windowEigenvalues: check failed: ${counts[t]} eigenvalues below ${mids[t]}, expected ${cLo + picks[t] + 1}`,
        );
      }
    }
  }
  return {
    values,
    first: cLo,
    window: [lo, hi],
    blocks: phase.blocks,
    subwindows: phase.subwindows,
    twist: phase.twist,
    evaluations: phase.evaluations(),
  };
}

interface Phase {
  theta(x: number): PhaseValue;
  blocks: number;
  subwindows: number;
  twist: number;
  evaluations(): number;
}

function buildPhase(
  a: Float64Array,
  b: Float64Array,
  n: number,
  energy: number,
  lo: number,
  hi: number,
  subwindows: number,
): Phase {
  // The cut r: in the middle of the rows whose local band reaches E.
  const r = Math.min(n - 2, Math.max(0, Math.floor(bandEnd(a, b, n, energy) / 2)));
  const forward = rowSweep(a, b, r + 1, false, energy, lo, hi);
  const backward = n - 1 - r > 0 ? rowSweep(a, b, n - 1 - r, true, energy, lo, hi) : undefined;
  const coupling = r + 1 < n ? b[r] : 0;
  // Sub-windows: the blocks merged by a factor ≈ #sub-windows over each, built on first use.
  const width = (hi - lo) / subwindows;
  const refined: ({ forward: Sweep; backward?: Sweep } | undefined)[] = new Array(subwindows);
  const piece = (x: number) => {
    const p = Math.min(subwindows - 1, Math.max(0, Math.floor((x - lo) / width)));
    let rep = refined[p];
    if (rep === undefined) {
      const plo = lo + p * width;
      const phi = p === subwindows - 1 ? hi : lo + (p + 1) * width;
      rep = {
        forward: subwindows > 1 ? refineSweep(forward, plo, phi, subwindows) : forward,
        backward:
          backward && subwindows > 1 ? refineSweep(backward, plo, phi, subwindows) : backward,
      };
      refined[p] = rep;
    }
    return rep;
  };
  let evaluations = 0;
  const theta = (x: number): PhaseValue => {
    evaluations++;
    const rep = piece(x);
    // θ⁺: forward sweep over rows 0 … r; ψ: backward sweep over rows n − 1 … r + 1, whose
    // direction (w₀, w₁) ∝ (D̃_{r+1}, D̃_{r+2}), cot ψ = p_{r+1}.
    SWEEP_OUT.fill(0);
    composeSweep(rep.forward, 0, rep.forward.blocks.length, x);
    const v0 = SWEEP_OUT[0];
    const v1 = SWEEP_OUT[1];
    const turns = SWEEP_OUT[2];
    const logForward = SWEEP_OUT[3];
    if (rep.backward === undefined) {
      return { turns, angle: detAtan2(v1, v0), logAmplitude: logForward };
    }
    SWEEP_OUT.fill(0);
    composeSweep(rep.backward, 0, rep.backward.blocks.length, x);
    const w0 = SWEEP_OUT[0];
    const w1 = SWEEP_OUT[1];
    // Θ = θ⁺ − φ⁻, φ⁻ = −mπ + atan(p_{r+1}/b_r) the lift of the direction of (b_r D̃_{r+2}, D̃_{r+1}).
    const phiMinus = detAtan2(w0, coupling * w1);
    const uNorm = Math.abs(coupling * w1) + Math.abs(w0);
    return {
      turns: turns + SWEEP_OUT[2],
      angle: detAtan2(v1, v0) - phiMinus,
      logAmplitude: logForward + SWEEP_OUT[3] + detLog(uNorm) / Math.LN2,
    };
  };
  return {
    theta,
    blocks: forward.blocks.length + (backward ? backward.blocks.length : 0),
    subwindows,
    twist: r,
    evaluations: () => evaluations,
  };
}

/**
 * The number of leading rows of a sweep (forward from row 0, or backward from row n − 1) before
 * the local band (means over 32 rows) first reaches E.
 */
function leadingOutsideBand(
  a: Float64Array,
  b: Float64Array,
  rows: number,
  backward: boolean,
  energy: number,
): number {
  const n = a.length;
  const window = 32;
  let sumA = 0;
  let sumB = 0;
  for (let t = 0; t < rows; t++) {
    sumA += backward ? a[n - 1 - t] : a[t];
    sumB += t === 0 ? 0 : backward ? b[n - 1 - t] : b[t - 1];
    if (t >= window) {
      sumA -= backward ? a[n - 1 - (t - window)] : a[t - window];
      sumB -= t - window === 0 ? 0 : backward ? b[n - 1 - (t - window)] : b[t - window - 1];
    }
    if (t + 1 >= window) {
      const d = sumA / window - energy;
      if (d * d < 4 * (sumB / window)) return Math.max(0, t + 1 - window);
    }
  }
  return rows;
}

/**
 * The last row whose local band (means of a_i and b_i over 32 rows) reaches E: the rows after it
 * are outside the band at E (the eigenvectors of the window decay there).
 */
function bandEnd(a: Float64Array, b: Float64Array, n: number, energy: number): number {
  const window = 32;
  let sumA = 0;
  let sumB = 0;
  for (let i = n - 1; i >= 1; i--) {
    sumA += a[i];
    sumB += b[i - 1];
    if (i + window <= n - 1) {
      sumA -= a[i + window];
      sumB -= b[i + window - 1];
    }
    const rows = Math.min(window, n - i);
    const d = sumA / rows - energy;
    if (rows === window && d * d < 4 * (sumB / rows)) return i;
  }
  return n - 1;
}
