import { wasmKernels } from "../wasm/kernels.js";
import { gershgorinUnchecked } from "./bisection.js";
import { pivotMinimum, sturmCount4Unchecked, sturmCountUnchecked } from "./sturm.js";
import { sturmCountsKernel } from "./sturmKernels.js";
import { checkFinite, checkTridiagonal } from "./validate.js";

/** Below this many (row × edge) counts the JavaScript loop is as fast as the kernels. */
const KERNEL_MIN_WORK = 8192;

/** Eigenvalue counts per bin, plus those below the first and at or above the last edge. */
export interface SturmHistogram {
  /** counts[i] = #{λ : edges[i] ≤ λ < edges[i+1]}, i = 0..B−1. */
  readonly counts: Float64Array;
  /** #{λ < edges[0]}. */
  readonly below: number;
  /** #{λ ≥ edges[B]}. */
  readonly above: number;
}

/**
 * Histogram of the eigenvalues of the symmetric tridiagonal T (diagonal a, squared off-diagonal
 * b) without computing them: counts[i] = C(edges[i+1]) − C(edges[i]) where C(x) = #{λ < x} is the
 * Sturm count (sturm.ts), i.e. the number of eigenvalues in [edges[i], edges[i+1]); below =
 * C(edges[0]), above = n − C(edges[B]), so below + Σ counts + above = n exactly. O(n·B) flops;
 * edges outside the Gershgorin interval cost nothing, the others are counted four per pass (the
 * reference), or all in one pass with the WebAssembly kernels, two edges per f64x2 vector
 * (sturmKernels.ts; identical counts).
 * Ties follow sturmCount (an eigenvalue exactly on an edge goes to the bin on its right); in
 * floating point an eigenvalue within ~ε‖T‖ of an edge may land on either side.
 *
 * Reference: Albrecht, Chan & Edelman, "Sturm sequences and random eigenvalue distributions",
 * Found. Comput. Math. 9 (2009); RandomMatrices.jl `hist_eig`.
 *
 * @example
 * import { createRandomSource, hermiteTridiagonal, sturmHistogram, uniformEdges } from "betaens";
 * const J = hermiteTridiagonal(createRandomSource(1, 0), 1e6, 2);
 * const h = sturmHistogram(J.diagonal, J.offDiagonalSquared, uniformEdges(-2100, 2100, 100));
 */
export function sturmHistogram(
  diagonal: Float64Array,
  offDiagonalSquared: Float64Array,
  edges: Float64Array,
): SturmHistogram {
  const n = checkTridiagonal(diagonal, offDiagonalSquared, "sturmHistogram");
  checkEdges(edges);
  const a = diagonal;
  const b = offDiagonalSquared;
  const pivmin = pivotMinimum(b);
  const [lo, hi] = gershgorinUnchecked(a, b, n, pivmin);
  const m = edges.length;
  const below = new Float64Array(m); // C(edges[j])
  const inside: number[] = [];
  for (let j = 0; j < m; j++) {
    const x = edges[j];
    if (x <= lo) below[j] = 0;
    else if (x > hi) below[j] = n;
    else inside.push(j);
  }
  const kernels = n * inside.length >= KERNEL_MIN_WORK ? wasmKernels() : undefined;
  const fromKernels = new Float64Array(inside.length);
  if (
    kernels &&
    sturmCountsKernel(
      kernels,
      a,
      b,
      n,
      inside.map((j) => edges[j]),
      pivmin,
      fromKernels,
    )
  ) {
    for (let t = 0; t < inside.length; t++) below[inside[t]] = fromKernels[t];
    inside.length = 0;
  }
  const four = new Int32Array(4);
  let t = 0;
  for (; t + 4 <= inside.length; t += 4) {
    const j0 = inside[t];
    const j1 = inside[t + 1];
    const j2 = inside[t + 2];
    const j3 = inside[t + 3];
    sturmCount4Unchecked(a, b, n, edges[j0], edges[j1], edges[j2], edges[j3], pivmin, four);
    below[j0] = four[0];
    below[j1] = four[1];
    below[j2] = four[2];
    below[j3] = four[3];
  }
  for (; t < inside.length; t++) {
    const j = inside[t];
    below[j] = sturmCountUnchecked(a, b, n, edges[j], pivmin);
  }
  const counts = new Float64Array(m - 1);
  for (let i = 0; i < m - 1; i++) counts[i] = below[i + 1] - below[i];
  return { counts, below: below[0], above: n - below[m - 1] };
}

/** Throws RangeError unless edges has length ≥ 2 and is finite and strictly increasing. */
function checkEdges(edges: Float64Array): void {
  if (edges.length < 2) {
    throw new RangeError(`sturmHistogram: edges must have length >= 2, got ${edges.length}`);
  }
  for (let i = 0; i < edges.length; i++) {
    checkFinite(edges[i], `edges[${i}]`, "sturmHistogram");
    if (i > 0 && !(edges[i] > edges[i - 1])) {
      throw new RangeError(
        `sturmHistogram: edges must be strictly increasing, got edges[${i - 1}] = ${edges[i - 1]} and edges[${i}] = ${edges[i]}`,
      );
    }
  }
}

/**
 * bins + 1 equally spaced edges lo + (hi − lo)·i/bins, i = 0..bins (the last one exactly hi).
 * Throws RangeError unless lo < hi are finite and bins is a positive integer.
 */
export function uniformEdges(lo: number, hi: number, bins: number): Float64Array {
  checkFinite(lo, "lo", "uniformEdges");
  checkFinite(hi, "hi", "uniformEdges");
  if (!(lo < hi)) throw new RangeError(`uniformEdges: need lo < hi, got lo = ${lo}, hi = ${hi}`);
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`uniformEdges: bins must be a positive integer, got ${bins}`);
  }
  const edges = new Float64Array(bins + 1);
  const width = hi - lo;
  for (let i = 0; i < bins; i++) {
    const t = i / bins;
    edges[i] = Number.isFinite(width) ? lo + width * t : lo * (1 - t) + hi * t;
  }
  edges[bins] = hi;
  return edges;
}
