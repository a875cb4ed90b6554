import { wasmKernels } from "../wasm/kernels.js";
import { pivotMinimum, sturmCount4Unchecked } from "./sturm.js";
import { bisectEigenvalueKernel } from "./sturmKernels.js";
import { checkTridiagonal } from "./validate.js";

/** Below this order the JavaScript quadrisection is as fast as the kernels (measured: 100–300). */
const KERNEL_MIN_ROWS = 160;

/** One ulp of 1, 2^−52. */
const ULP = 2 ** -52;
/** Safety factor of LAPACK dstebz for widening the Gershgorin interval. */
const FUDGE = 2.1;

/**
 * An interval [lo, hi] containing every eigenvalue of the symmetric tridiagonal T (diagonal a,
 * squared off-diagonal b): the union of the Gershgorin discs a_i ± (√b_{i−1} + √b_i), widened
 * by 2.1·(n·ulp·‖T‖ + 2·pivmin) so that it is safe in floating point (LAPACK dstebz).
 * Throws RangeError if the bound overflows.
 *
 * Reference: Gershgorin (1931); Golub & Van Loan, "Matrix Computations", Thm 7.2.1; LAPACK dstebz.
 */
export function gershgorinInterval(
  diagonal: Float64Array,
  offDiagonalSquared: Float64Array,
): [number, number] {
  const n = checkTridiagonal(diagonal, offDiagonalSquared, "gershgorinInterval");
  return gershgorinUnchecked(diagonal, offDiagonalSquared, n, pivotMinimum(offDiagonalSquared));
}

/** gershgorinInterval without input checks (pivmin as in sturm.ts). */
export function gershgorinUnchecked(
  a: Float64Array,
  b: Float64Array,
  n: number,
  pivmin: number,
): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let rootPrev = 0;
  for (let i = 0; i < n; i++) {
    const rootNext = i < n - 1 ? Math.sqrt(b[i]) : 0;
    const radius = rootPrev + rootNext;
    const left = a[i] - radius;
    const right = a[i] + radius;
    if (left < lo) lo = left;
    if (right > hi) hi = right;
    rootPrev = rootNext;
  }
  const norm = Math.max(Math.abs(lo), Math.abs(hi));
  const margin = FUDGE * (n * ULP * norm + 2 * pivmin);
  lo -= margin;
  hi += margin;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw new RangeError("gershgorinInterval: the matrix norm overflows double precision");
  }
  return [lo, hi];
}

/**
 * Bisection (quadrisection: four Sturm counts per pass, the interval shrinks 5-fold) for the
 * k-th smallest eigenvalue, starting from [lo, hi] with #{λ < lo} ≤ k < #{λ < hi}. Stops when
 * hi − lo ≤ tol or when the interval cannot shrink further in floating point. If `bracket` is
 * given, the final [lo, hi] is written to it (hi is the smallest point probed with count > k).
 * The loop below is the reference; with the WebAssembly kernels the same steps are taken several
 * per pass over the matrix (sturmKernels.ts bisectEigenvalueKernel), with the same result and the
 * same final bracket bit for bit.
 */
export function bisectEigenvalue(
  a: Float64Array,
  b: Float64Array,
  n: number,
  k: number,
  lo: number,
  hi: number,
  tol: number,
  pivmin: number,
  bracket?: Float64Array,
): number {
  const kernels = n >= KERNEL_MIN_ROWS ? wasmKernels() : undefined;
  if (kernels) {
    const value = bisectEigenvalueKernel(kernels, a, b, n, k, lo, hi, tol, pivmin, bracket);
    if (value !== undefined) return value;
  }
  const counts = new Int32Array(4);
  while (hi - lo > tol) {
    const w = (hi - lo) / 5;
    const x1 = lo + w;
    const x2 = lo + 2 * w;
    const x3 = lo + 3 * w;
    const x4 = lo + 4 * w;
    sturmCount4Unchecked(a, b, n, x1, x2, x3, x4, pivmin, counts);
    let newLo = lo;
    let newHi = hi;
    if (counts[0] > k) newHi = x1;
    else if (counts[1] > k) {
      newLo = x1;
      newHi = x2;
    } else if (counts[2] > k) {
      newLo = x2;
      newHi = x3;
    } else if (counts[3] > k) {
      newLo = x3;
      newHi = x4;
    } else newLo = x4;
    if (newHi > hi) newHi = hi;
    if (newLo === lo && newHi === hi) break;
    lo = newLo;
    hi = newHi;
  }
  if (bracket) {
    bracket[0] = lo;
    bracket[1] = hi;
  }
  return lo + 0.5 * (hi - lo);
}

/** Absolute bisection tolerance 2·ulp·‖T‖ (plus a pivmin floor), ‖T‖ from the Gershgorin bound. */
function tolerance(lo: number, hi: number, pivmin: number): number {
  return 2 * ULP * Math.max(Math.abs(lo), Math.abs(hi)) + 2 * pivmin;
}

/**
 * The k-th smallest eigenvalue (k = 0 is the smallest) of the symmetric tridiagonal T (diagonal
 * a, squared off-diagonal b), by bisection on Sturm counts from the Gershgorin interval to
 * absolute accuracy ≈ 2·ulp·‖T‖: O(n·log(1/ulp)) flops, O(1) extra memory.
 *
 * Reference: Barth, Martin & Wilkinson, "Calculation of the eigenvalues of a symmetric
 * tridiagonal matrix by the method of bisection", Numer. Math. 9 (1967); LAPACK dstebz.
 */
export function kthEigenvalue(
  diagonal: Float64Array,
  offDiagonalSquared: Float64Array,
  k: number,
): number {
  const n = checkTridiagonal(diagonal, offDiagonalSquared, "kthEigenvalue");
  if (!Number.isInteger(k) || k < 0 || k >= n) {
    throw new RangeError(`kthEigenvalue: k must be an integer in [0, ${n - 1}], got ${k}`);
  }
  if (n === 1) return diagonal[0];
  const pivmin = pivotMinimum(offDiagonalSquared);
  const [lo, hi] = gershgorinUnchecked(diagonal, offDiagonalSquared, n, pivmin);
  const tol = tolerance(lo, hi, pivmin);
  return bisectEigenvalue(diagonal, offDiagonalSquared, n, k, lo, hi, tol, pivmin);
}

/**
 * The largest eigenvalue of the symmetric tridiagonal T (diagonal a, squared off-diagonal b), by
 * bisection on Sturm counts to absolute accuracy ≈ 2·ulp·‖T‖, O(n·log(1/ulp)). The bracket is
 * [max over the 2×2 principal blocks of their largest eigenvalue (Cauchy interlacing),
 * Gershgorin upper bound].
 *
 * Reference: as kthEigenvalue (LAPACK dstebz with IL = IU = n); Parlett, "The Symmetric
 * Eigenvalue Problem", §10.1 (interlacing).
 *
 * @example
 * import { largestEigenvalue } from "betaens";
 * const top = largestEigenvalue(Float64Array.of(2, 2, 2), Float64Array.of(1, 1)); // 2 + √2
 */
export function largestEigenvalue(
  diagonal: Float64Array,
  offDiagonalSquared: Float64Array,
): number {
  const n = checkTridiagonal(diagonal, offDiagonalSquared, "largestEigenvalue");
  if (n === 1) return diagonal[0];
  const a = diagonal;
  const b = offDiagonalSquared;
  const pivmin = pivotMinimum(b);
  const [gLo, hi] = gershgorinUnchecked(a, b, n, pivmin);
  // λ_max ≥ λ_max([[a_i, √b_i], [√b_i, a_{i+1}]]) for every i.
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n - 1; i++) {
    const half = 0.5 * (a[i] - a[i + 1]);
    const top = 0.5 * (a[i] + a[i + 1]) + Math.sqrt(half * half + b[i]);
    if (top > lower) lower = top;
  }
  const tol = tolerance(gLo, hi, pivmin);
  // Back off by the rounding margin of the 2×2 formula, staying inside the Gershgorin interval.
  let lo = lower - 4 * ULP * Math.max(Math.abs(gLo), Math.abs(hi)) - 2 * pivmin;
  if (!(lo > gLo)) lo = gLo;
  return bisectEigenvalue(a, b, n, n - 1, lo, hi, tol, pivmin);
}
