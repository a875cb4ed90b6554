/**
 * The exact finite-N law of the β = 2 ensemble with polynomial potential V, density
 *   ∝ Δ(x)² Π exp(−N·V(x_i))   (the project's |Δ|^β Π exp(−(βN/2)V(x_i)) at β = 2),
 * for any V of even degree with positive leading coefficient. It is a determinantal point process
 * with the Christoffel–Darboux kernel of the polynomials p_k orthonormal for w(x) = e^{−N V(x)}:
 *   K_N(x, y) = Σ_{k<N} φ_k(x) φ_k(y),   φ_k = p_k·√w
 * (Gaudin–Mehta; Mehta, Random Matrices, 3rd ed., §5.2; Deift, Orthogonal Polynomials and Random
 * Matrices, 1999, §5.4), so that
 *   one-point density   ρ_N(x) = K_N(x, x)/N,
 *   P(λ_max ≤ s)        = det(I − K_N)_{L²(s,∞)}       (Gaudin–Mehta; Bornemann 2010, §1),
 *   #points in (a, b)   = a sum of independent Bernoulli(λ_i), λ_i the eigenvalues of K_N on (a, b)
 *                         (Hough, Krishnapur, Peres, Virág, Probab. Surveys 3 (2006), Thm 7).
 *
 * Recurrence coefficients. x p_k = b_{k+1} p_{k+1} + α_k p_k + b_k p_{k−1} (b_0 = 0) are computed by
 * the discretised Stieltjes procedure (Gautschi, Orthogonal Polynomials: Computation and
 * Approximation, 2004, §2.2.3.1) on a composite Gauss–Legendre rule (20 nodes per panel, equal
 * panels) over an interval [L, R] that holds the whole mass of every φ_k² (k < N), with weights
 * ω_i e^{−N(V(x_i) − min V)}. It is run in Lanczos form with Paige's ordering
 * (α_k = q_kᵀ(x q_k − b_k q_{k−1})) on the vectors q_k(i) = √(ω_i w(x_i)) p_k(x_i), each node
 * carrying its own binary exponent: at N = 2000 the weight spans thousands of orders of magnitude
 * across the support, far beyond the double range, while the q_k(i) stay ≤ 1. [L, R] and the
 * number of panels are chosen a posteriori: a pilot run at N′ = min(N, 128) starts from
 * {V − min V ≤ 4} and widens it until the Christoffel function K_N′(x, x) at both ends is below
 * 1e−40 of its maximum (K_N decays faster beyond the edges, so the interval holds the mass at N
 * too); the panels then hold at most 4 expected zeros of p_N each (measured: ≤ 5 gives the
 * coefficients to 1e−14, 6 to 1e−11), which the run at N checks, falling back to refining.
 *
 * Determinants and eigenvalues: Bornemann's Nyström method (./fredholm.ts) with the kernel in
 * factored form, A = (√ν_j φ_k(y_j))·(…)ᵀ, on a composite rule over the part of the interval where
 * K_N is not negligible (panels of ≤ 4 expected points, ≤ 24 e-folds of K_N, ≤ 3 Stieltjes panels),
 * so the m×m matrix costs O(m²N) and has no Christoffel–Darboux cancellation. Accuracy (measured in
 * test/theory/unitaryEnsemble.test.ts and docs/gibbs-exact/): 1e−12 or better against the exact GUE
 * law (V = x²/2; measured 2e−14 at N = 2000 and 6e−15 at N = 5000) and against direct quadrature
 * of the joint density at N = 2, 3.
 *
 * @example
 * ```ts
 * const ens = unitaryEnsemble(Float64Array.from([0, 0, -2, 0, 0.25]), 200); // V = x⁴/4 − 2x²
 * unitaryLargestEigenvalueCdf(ens, 2.43);    // P(λ_max ≤ 2.43)
 * const law = unitaryLargestEigenvalueLaw(ens); law.mean; law.quantile(0.5);
 * unitaryCountLaw(ens, 0, Infinity);         // P(k points in (0, ∞)), k = 0..N
 * ```
 */
import { evaluatePolynomial } from "../potentials/polynomial.js";
import { createRealRootsWork, realRoots } from "../potentials/realRoots.js";
import { validatePotential } from "../potentials/validate.js";
import { detExp, detLog } from "../special/deterministicMath.js";
import { gaussLegendre } from "../special/gaussLegendre.js";
import { pivotMinimum, sturmCountUnchecked } from "../tridiagonal/sturm.js";
import { type ContinuousLaw, continuousLaw } from "./distribution.js";
import { bernoulliSumLaw, factoredNystromMatrix, gramEigenvalues } from "./fredholm.js";
import { luFactorIdentityPlus, luSolve } from "./tracyWidomLinearAlgebra.js";

const LN2 = Math.LN2;
/** Recurrence coefficients computed beyond J_N (for the variance of quadratic statistics). */
const EXTRA = 6;
/** Binary exponent step of the per-node rescaling (values kept below 2^RESCALE_BITS). */
const RESCALE_BITS = 256;
const RESCALE_DOWN = 2 ** -RESCALE_BITS;
const RESCALE_UP = 2 ** RESCALE_BITS;
/** Relative size of K_N(x, x) that marks the ends of the interval holding the mass. */
const EDGE_THRESHOLD = 1e-40;
/** Expected number of points above s beyond which P(λ_max ≤ s) ≤ e^{−45} < 3e−20 is returned as 0. */
const MAX_EXPECTED_ABOVE = 45;
/** Largest N accepted (the recurrence set-up costs O(N²) time and O(N) memory). */
export const UNITARY_ENSEMBLE_MAX_N = 20000;

/** An exact β = 2 ensemble with polynomial potential: the orthonormal polynomials of e^{−NV}. */
export interface UnitaryEnsemble {
  /** V(x) = Σ coeffs[k] x^k, lowest degree first. */
  readonly coeffs: Float64Array;
  readonly n: number;
  /** [L, R]: every φ_k², k < N, has relative size < 1e−40 outside (so has the law). */
  readonly interval: readonly [number, number];
  /** min V over ℝ; the weight used is e^{−N(V − min V)} (the law does not depend on it). */
  readonly minimum: number;
  /** log ∫ e^{−N(V(x) − min V)} dx. */
  readonly logMass: number;
  /** α_0..α_{N−1}: the diagonal of the Jacobi matrix J_N of the weight. */
  readonly alpha: Float64Array;
  /** b_1..b_{N−1} (index k − 1): the off-diagonal of J_N (b_k = √β_k > 0). */
  readonly offDiagonal: Float64Array;
  /** α_0..α_{N+5} and b_1..b_{N+5}: J_N's coefficients and the next six (linear statistics). */
  readonly recurrenceAlpha: Float64Array;
  readonly recurrenceOffDiagonal: Float64Array;
  /** b_k² (the squared off-diagonal, for Sturm counts: zeros of p_N are J_N's eigenvalues). */
  readonly offDiagonalSquared: Float64Array;
  /** Number M of Gauss–Legendre nodes of the Stieltjes procedure. */
  readonly nodes: number;
  /** The Stieltjes rule's nodes and ω_i K_N(x_i, x_i) (cumulative, for cheap expected counts). */
  readonly gridNodes: Float64Array;
  readonly gridCumulativeCount: Float64Array;
  /** K_N(x_i, x_i) at the grid nodes, and its maximum. */
  readonly gridChristoffel: Float64Array;
  readonly gridChristoffelMax: number;
  /** Largest panel width of the Stieltjes grid (a length on which everything is resolved). */
  readonly gridPanelWidth: number;
}

/** Options of unitaryEnsemble. */
export interface UnitaryEnsembleOptions {
  /** Panels of the composite Gauss–Legendre rule (default: chosen a posteriori, see the tests). */
  panels?: number;
}

/** log Σ exp(v_i) without overflow. */
function logSumExp(values: Float64Array): number {
  let top = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i] > top) top = values[i];
  if (top === Number.NEGATIVE_INFINITY) return top;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += detExp(values[i] - top);
  return top + detLog(sum);
}

/** 2^e for an integer e (exact; 0 below the subnormal range). */
function pow2(e: number): number {
  if (e < -1074) return 0;
  if (e > 1023) return Number.POSITIVE_INFINITY;
  if (e < -1022) return 2 ** (e + 100) * 2 ** -100;
  return 2 ** e;
}

/** m·2^E with m ∈ [1, 2) and E integer, for the number e^{logValue}. */
function splitExponent(logValue: number): { mantissa: number; exponent: number } {
  const bits = logValue / LN2;
  const exponent = Math.floor(bits);
  return { mantissa: detExp((bits - exponent) * LN2), exponent };
}

/** min V over ℝ and a point where it is attained. */
function potentialMinimum(coeffs: Float64Array): { value: number; at: number } {
  const d = coeffs.length - 1;
  const dv = new Float64Array(d);
  for (let k = 1; k <= d; k++) dv[k - 1] = k * coeffs[k];
  const roots = new Float64Array(d);
  const count = realRoots(dv, d - 1, roots, createRealRootsWork(d));
  let best = Number.POSITIVE_INFINITY;
  let at = 0;
  for (let r = 0; r < count; r++) {
    const v = evaluatePolynomial(coeffs, d, roots[r]);
    if (v < best) {
      best = v;
      at = roots[r];
    }
  }
  if (count === 0) {
    best = evaluatePolynomial(coeffs, d, 0);
    at = 0;
  }
  return { value: best, at };
}

/** The outermost real roots of V − min V − level (an interval holding {V − min V ≤ level}). */
function sublevelInterval(coeffs: Float64Array, minimum: number, level: number): [number, number] {
  const d = coeffs.length - 1;
  const shifted = Float64Array.from(coeffs);
  shifted[0] -= minimum + level;
  const roots = new Float64Array(d);
  const count = realRoots(shifted, d, roots, createRealRootsWork(d));
  if (count < 2) throw new Error("internal error: sublevel set of the potential not bounded");
  return [roots[0], roots[count - 1]];
}

/** Nodes per panel of the composite Gauss–Legendre rule of the Stieltjes procedure. */
const PANEL_NODES = 20;
/**
 * Expected zeros of p_N per panel: the panels are laid out with at most ZEROS_PER_PANEL (by the
 * density of a smaller-N run) and accepted if none holds more than RESOLVED_ZEROS. Measured
 * (test/theory/unitaryEnsemble.test.ts): uniform panels with ≤ 5 zeros give the coefficients to
 * 1e−14 relative to a 10× finer rule; 6 gives 1e−11, 7 gives 1e−9.
 */
const ZEROS_PER_PANEL = 4;
const RESOLVED_ZEROS = 5;
/** N of the pilot run that locates the interval and the density. */
const PILOT_N = 128;

/** The composite rule with PANEL_NODES Gauss–Legendre nodes on each panel [edges[p], edges[p+1]]. */
function compositeRule(edges: Float64Array): { nodes: Float64Array; weights: Float64Array } {
  const { nodes: t, weights: tw } = gaussLegendre(PANEL_NODES);
  const panels = edges.length - 1;
  const m = panels * PANEL_NODES;
  const nodes = new Float64Array(m);
  const weights = new Float64Array(m);
  for (let p = 0; p < panels; p++) {
    const a = edges[p];
    const h = edges[p + 1] - a;
    for (let j = 0; j < PANEL_NODES; j++) {
      nodes[p * PANEL_NODES + j] = a + 0.5 * h * (1 + t[j]);
      weights[p * PANEL_NODES + j] = 0.5 * h * tw[j];
    }
  }
  return { nodes, weights };
}

/** `panels` equal panels of [lo, hi]. */
function uniformPanels(lo: number, hi: number, panels: number): Float64Array {
  const edges = new Float64Array(panels + 1);
  for (let p = 0; p <= panels; p++) edges[p] = lo + ((hi - lo) * p) / panels;
  edges[panels] = hi;
  return edges;
}

interface StieltjesResult {
  alpha: Float64Array;
  offDiagonal: Float64Array;
  logMass: number;
  /** K_N(x_i, x_i)·ω_i at the nodes. */
  christoffel: Float64Array;
  nodes: Float64Array;
  weights: Float64Array;
}

/**
 * Discretised Stieltjes procedure (Lanczos form, Paige's ordering) for the first N recurrence
 * coefficients of e^{−N(V − min V)} on the composite Gauss–Legendre rule of the panels `edges`,
 * with a binary exponent per node (file header). O(M·N) time, O(M) memory.
 */
function stieltjes(
  coeffs: Float64Array,
  n: number,
  minimum: number,
  edges: Float64Array,
): StieltjesResult {
  const d = coeffs.length - 1;
  const { nodes: x, weights } = compositeRule(edges);
  const m = x.length;
  const logW = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    logW[i] = detLog(weights[i]) - n * (evaluatePolynomial(coeffs, d, x[i]) - minimum);
  }
  const logMass = logSumExp(logW);
  // q_0(i) = √(ω_i w_i / μ_0) = u(i)·2^{e(i)}.
  let u = new Float64Array(m); // q_k mantissas
  let uPrev = new Float64Array(m); // q_{k−1} mantissas
  const exponent = new Int32Array(m);
  const square = new Float64Array(m); // 2^{2e(i)}
  for (let i = 0; i < m; i++) {
    const s = splitExponent(0.5 * (logW[i] - logMass));
    u[i] = s.mantissa;
    exponent[i] = s.exponent;
    square[i] = pow2(2 * s.exponent);
  }
  // EXTRA coefficients beyond J_N for the linear statistics.
  const total = n + EXTRA;
  const alpha = new Float64Array(total);
  const offDiagonal = new Float64Array(total - 1);
  const christoffel = new Float64Array(m);
  let r = new Float64Array(m);
  let bk = 0;
  for (let k = 0; k < total; k++) {
    const counted = k < n ? 1 : 0;
    // w = x q_k − b_k q_{k−1}; α_k = q_kᵀ w (Paige); r = w − α_k q_k.
    let a = 0;
    for (let i = 0; i < m; i++) {
      const ui = u[i];
      const wi = x[i] * ui - bk * uPrev[i];
      r[i] = wi;
      const sq = square[i];
      a += ui * wi * sq;
      christoffel[i] += counted * ui * ui * sq;
    }
    alpha[k] = a;
    if (k === total - 1) break;
    let norm = 0;
    for (let i = 0; i < m; i++) {
      const ri = r[i] - a * u[i];
      r[i] = ri;
      norm += ri * ri * square[i];
    }
    const next = Math.sqrt(norm);
    if (!(next > 0) || !Number.isFinite(next)) {
      throw new Error(
        `internal error: Stieltjes procedure broke down at k = ${k + 1} (b = ${next})`,
      );
    }
    offDiagonal[k] = next;
    const inv = 1 / next;
    for (let i = 0; i < m; i++) {
      let v = r[i] * inv;
      if (Math.abs(v) > RESCALE_UP) {
        v *= RESCALE_DOWN;
        u[i] *= RESCALE_DOWN;
        exponent[i] += RESCALE_BITS;
        square[i] = pow2(2 * exponent[i]);
      }
      r[i] = v;
    }
    const old = uPrev;
    uPrev = u;
    u = r;
    r = old;
    bk = next;
  }
  return { alpha, offDiagonal, logMass, christoffel, nodes: x, weights };
}

/** Largest expected number of zeros of p_N in one panel: max_p ∫_panel K_N(x, x) dx. */
function maxZerosPerPanel(result: StieltjesResult): number {
  const c = result.christoffel;
  let top = 0;
  for (let p = 0; p < c.length; p += PANEL_NODES) {
    let sum = 0;
    for (let j = 0; j < PANEL_NODES; j++) sum += c[p + j];
    top = Math.max(top, sum);
  }
  return top;
}

/** K_N(x, x) at the first and last node relative to its maximum over the nodes. */
function edgeSizes(result: StieltjesResult): { left: number; right: number } {
  const c = result.christoffel;
  const w = result.weights;
  const m = c.length;
  let top = 0;
  for (let i = 0; i < m; i++) top = Math.max(top, c[i] / w[i]);
  return { left: c[0] / w[0] / top, right: c[m - 1] / w[m - 1] / top };
}

/** The smallest [x_first−1, x_last+1] of nodes outside which K_N(x, x) < EDGE_THRESHOLD·max. */
function massInterval(result: StieltjesResult, lo: number, hi: number): [number, number] {
  const c = result.christoffel;
  const w = result.weights;
  const x = result.nodes;
  const m = c.length;
  let top = 0;
  for (let i = 0; i < m; i++) top = Math.max(top, c[i] / w[i]);
  let first = 0;
  while (first < m - 1 && c[first] / w[first] < EDGE_THRESHOLD * top) first++;
  let last = m - 1;
  while (last > 0 && c[last] / w[last] < EDGE_THRESHOLD * top) last--;
  return [first > 0 ? x[first - 1] : lo, last < m - 1 ? x[last + 1] : hi];
}

/**
 * Uniform panels on an interval widened until K_N(x, x) is negligible at both ends, refined until
 * no panel holds more than RESOLVED_ZEROS zeros: the robust (and slower) way, used for the pilot
 * run and as the fallback.
 */
function uniformRun(
  coeffs: Float64Array,
  n: number,
  minimum: number,
  start: [number, number],
  fixedPanels?: number,
): { result: StieltjesResult; lo: number; hi: number } {
  let [lo, hi] = start;
  let panels = fixedPanels ?? Math.max(16, Math.ceil(n / 2));
  for (let attempt = 0; attempt < 80; attempt++) {
    const result = stieltjes(coeffs, n, minimum, uniformPanels(lo, hi, panels));
    if (fixedPanels === undefined && maxZerosPerPanel(result) > RESOLVED_ZEROS) {
      panels = Math.ceil(1.5 * panels);
      continue;
    }
    const { left, right } = edgeSizes(result);
    if (left <= EDGE_THRESHOLD && right <= EDGE_THRESHOLD) return { result, lo, hi };
    const width = hi - lo;
    if (left > EDGE_THRESHOLD) lo -= 0.5 * width;
    if (right > EDGE_THRESHOLD) hi += 0.5 * width;
  }
  throw new Error("internal error: no interval holds the mass of the ensemble");
}

/** Largest K_N(x, x) over the nodes in [lo, hi]. */
function maxChristoffel(result: StieltjesResult, lo: number, hi: number): number {
  const { christoffel: c, weights: w, nodes: x } = result;
  let top = 0;
  for (let i = 0; i < x.length; i++) if (x[i] >= lo && x[i] <= hi) top = Math.max(top, c[i] / w[i]);
  return top;
}

/**
 * The β = 2 ensemble with potential V and N points: the recurrence coefficients of the
 * polynomials orthonormal for e^{−N V} (discretised Stieltjes, file header). A pilot run at
 * N' = min(N, 128) on uniform panels finds the interval and the density; the run at N uses panels
 * following that density and is checked a posteriori (resolution, negligible ends), falling back
 * to uniform panels if a check fails. O(M·N) time, M ≈ 7N nodes.
 */
export function unitaryEnsemble(
  coeffs: ArrayLike<number>,
  n: number,
  options: UnitaryEnsembleOptions = {},
): UnitaryEnsemble {
  const v = Float64Array.from(coeffs);
  validatePotential(v);
  if (!(Number.isInteger(n) && n >= 1 && n <= UNITARY_ENSEMBLE_MAX_N)) {
    throw new RangeError(
      `unitaryEnsemble: n must be an integer in [1, ${UNITARY_ENSEMBLE_MAX_N}], got ${n}`,
    );
  }
  const fixed = options.panels;
  if (fixed !== undefined && !(Number.isInteger(fixed) && fixed * PANEL_NODES >= n + 1)) {
    throw new RangeError(
      `unitaryEnsemble: panels must be an integer with 20·panels > n, got ${fixed}`,
    );
  }
  const { value: minimum } = potentialMinimum(v);
  const start = sublevelInterval(v, minimum, 4);
  let run: { result: StieltjesResult; lo: number; hi: number } | undefined;
  if (fixed !== undefined) {
    run = uniformRun(v, n, minimum, start, fixed);
  } else {
    // Pilot at N′ ≤ 128: the interval (K_N decays faster than K_N′ beyond the edges, so it holds
    // the mass at N too) and the peak density, K_N ≈ (N/N′)·K_N′.
    const pilotN = Math.min(n, PILOT_N);
    const pilot = uniformRun(v, pilotN, minimum, start);
    const [lo, hi] = massInterval(pilot.result, pilot.lo, pilot.hi);
    const need = (hi - lo) * maxChristoffel(pilot.result, lo, hi) * (n / pilotN);
    const panels = Math.max(16, Math.ceil(need / ZEROS_PER_PANEL));
    const result = stieltjes(v, n, minimum, uniformPanels(lo, hi, panels));
    const { left, right } = edgeSizes(result);
    if (
      maxZerosPerPanel(result) <= RESOLVED_ZEROS &&
      left <= EDGE_THRESHOLD &&
      right <= EDGE_THRESHOLD
    ) {
      run = { result, lo, hi };
    }
    run ??= uniformRun(v, n, minimum, start);
  }
  const { result } = run;
  const [lo, hi] = massInterval(result, run.lo, run.hi);
  const m = result.nodes.length;
  const cumulative = new Float64Array(m);
  let total = 0;
  for (let i = 0; i < m; i++) {
    total += result.christoffel[i];
    cumulative[i] = total;
  }
  const density = result.christoffel.map((ci, i) => ci / result.weights[i]);
  let top = 0;
  for (let i = 0; i < m; i++) top = Math.max(top, density[i]);
  const offDiagonalSquared = result.offDiagonal.map((b) => b * b);
  return {
    coeffs: v,
    n,
    interval: [lo, hi],
    minimum,
    logMass: result.logMass,
    alpha: result.alpha.subarray(0, n),
    offDiagonal: result.offDiagonal.subarray(0, n - 1),
    recurrenceAlpha: result.alpha,
    recurrenceOffDiagonal: result.offDiagonal,
    offDiagonalSquared,
    nodes: m,
    gridNodes: result.nodes,
    gridCumulativeCount: cumulative,
    gridChristoffel: density,
    gridChristoffelMax: top,
    gridPanelWidth: result.weights.subarray(0, PANEL_NODES).reduce((acc, w) => acc + w, 0),
  };
}

/**
 * φ_k(y_j)·scale_j for k = 0..N−1 at the points y (row j of `out`, m×N row-major), with
 * φ_k = p_k √w the orthonormal functions (scale_j = 1 when `scales` is omitted). Scaled three-term
 * recurrence with a binary exponent per point; entries below the double range are 0.
 */
export function orthonormalFunctions(
  ens: UnitaryEnsemble,
  y: ArrayLike<number>,
  scales?: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  const n = ens.n;
  const m = y.length;
  const d = ens.coeffs.length - 1;
  const phi = out ?? new Float64Array(m * n);
  const alpha = ens.alpha;
  const b = ens.offDiagonal;
  for (let j = 0; j < m; j++) {
    const yj = y[j];
    const row = j * n;
    const scale = scales ? scales[j] : 1;
    if (scale === 0) {
      phi.fill(0, row, row + n);
      continue;
    }
    const logPhi0 =
      -0.5 * n * (evaluatePolynomial(ens.coeffs, d, yj) - ens.minimum) -
      0.5 * ens.logMass +
      detLog(Math.abs(scale));
    const split = splitExponent(logPhi0);
    let e = split.exponent;
    let factor = pow2(e) * (scale < 0 ? -1 : 1);
    let current = split.mantissa;
    let previous = 0;
    phi[row] = current * factor;
    for (let k = 0; k < n - 1; k++) {
      const next = ((yj - alpha[k]) * current - (k > 0 ? b[k - 1] : 0) * previous) / b[k];
      previous = current;
      current = next;
      if (Math.abs(current) > RESCALE_UP) {
        current *= RESCALE_DOWN;
        previous *= RESCALE_DOWN;
        e += RESCALE_BITS;
        factor = pow2(e) * (scale < 0 ? -1 : 1);
      }
      phi[row + k + 1] = current * factor;
    }
  }
  return phi;
}

/** K_N(x, y) = Σ_{k<N} φ_k(x) φ_k(y), the Christoffel–Darboux kernel (direct sum, no cancellation). */
export function christoffelDarbouxKernel(ens: UnitaryEnsemble, x: number, y: number): number {
  const phi = orthonormalFunctions(ens, [x, y]);
  const n = ens.n;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += phi[k] * phi[n + k];
  return sum;
}

/** The one-point density ρ_N(x) = K_N(x, x)/N (a probability density: ∫ ρ_N = 1). */
export function unitaryDensity(ens: UnitaryEnsemble, x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (!Number.isFinite(x)) return 0;
  const phi = orthonormalFunctions(ens, [x]);
  let sum = 0;
  for (let k = 0; k < ens.n; k++) sum += phi[k] * phi[k];
  return sum / ens.n;
}

/** Expected number of points in (s, ∞) read off the Stieltjes grid (error ~ the grid spacing). */
function expectedAboveOnGrid(ens: UnitaryEnsemble, s: number): number {
  const x = ens.gridNodes;
  const c = ens.gridCumulativeCount;
  const m = x.length;
  // First node > s.
  let lo = 0;
  let hi = m;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x[mid] > s) hi = mid;
    else lo = mid + 1;
  }
  const total = c[m - 1];
  return lo === 0 ? total : total - c[lo - 1];
}

/** Number of zeros of p_N in (s, ∞) (eigenvalues of J_N above s, Sturm count). */
function zerosAbove(ens: UnitaryEnsemble, s: number): number {
  const n = ens.n;
  const below = sturmCountUnchecked(
    ens.alpha,
    ens.offDiagonalSquared,
    n,
    s,
    pivotMinimum(ens.offDiagonalSquared),
  );
  return n - below;
}

/** Expected points per panel of the Nyström rules (each panel has PANEL_NODES nodes). */
export let POINTS_PER_PANEL = 3;
/** Largest change of log K_N(x, x) across one panel. */
export let EFOLDS_PER_PANEL = 24;
export function setLawTuning(p: number, e: number) {
  POINTS_PER_PANEL = p;
  EFOLDS_PER_PANEL = e;
}
/**
 * Largest Nyström panel in Stieltjes panels: at small N the kernel varies on the scale of the
 * weight's features, not of the spacing of the points, and the grid resolves both.
 */
const WIDTH_PANELS = 3;
/** Where K_N(x, x) < DEAD·max K_N, the kernel is left out of the Nyström rules (gaps, tails). */
const DEAD = 1e-36;

/**
 * The Nyström rule on (a, b) ⊂ [L, R]: composite Gauss–Legendre with PANEL_NODES nodes per panel
 * over the parts of (a, b) where K_N(x, x) ≥ 1e−36·max (gaps between cuts hold nothing), panels
 * cut where the expected number of points (read off the Stieltjes grid) reaches POINTS_PER_PANEL
 * or log K_N has changed by EFOLDS_PER_PANEL (the steep sides of a cut), each divided by
 * `refine`; at least 2·refine panels. Returns nodes and √weights. (A single Gauss–Legendre rule
 * on (a, b) crowds its nodes at the ends and starves a cut in the middle.)
 */
function lawRule(
  ens: UnitaryEnsemble,
  a: number,
  b: number,
  refine = 1,
): { y: Float64Array; root: Float64Array } {
  const x = ens.gridNodes;
  const c = ens.gridCumulativeCount;
  const k = ens.gridChristoffel;
  const budget = POINTS_PER_PANEL / refine;
  const efolds = EFOLDS_PER_PANEL / refine;
  const dead = DEAD * ens.gridChristoffelMax;
  const maxWidth = (WIDTH_PANELS * ens.gridPanelWidth) / refine;
  const panels: number[] = []; // pairs (left, right)
  let start = Number.NaN; // left end of the open panel (NaN: none open)
  let startCount = 0;
  let startLog = 0;
  let previousX = a;
  for (let i = 0; i < x.length; i++) {
    if (x[i] <= a) continue;
    if (x[i] >= b) break;
    const live = k[i] >= dead;
    if (Number.isNaN(start)) {
      if (live) {
        start = previousX;
        startCount = i > 0 ? c[i - 1] : 0;
        startLog = detLog(k[i]);
      }
    } else if (!live) {
      panels.push(start, x[i]);
      start = Number.NaN;
    } else {
      const logK = detLog(k[i]);
      if (
        c[i] - startCount >= budget ||
        Math.abs(logK - startLog) >= efolds ||
        x[i] - start >= maxWidth
      ) {
        panels.push(start, x[i]);
        start = x[i];
        startCount = c[i];
        startLog = logK;
      }
    }
    previousX = x[i];
  }
  if (!Number.isNaN(start)) panels.push(start, b);
  if (panels.length === 0) panels.push(a, b);
  // At least 2·refine panels: halve the widest.
  while (panels.length < 4 * refine) {
    let widest = 0;
    for (let p = 2; p < panels.length; p += 2) {
      if (panels[p + 1] - panels[p] > panels[widest + 1] - panels[widest]) widest = p;
    }
    const mid = 0.5 * (panels[widest] + panels[widest + 1]);
    panels.splice(widest + 1, 0, mid, mid);
  }
  const { nodes: t, weights: tw } = gaussLegendre(PANEL_NODES);
  const count = panels.length / 2;
  const y = new Float64Array(count * PANEL_NODES);
  const root = new Float64Array(count * PANEL_NODES);
  for (let p = 0; p < count; p++) {
    const left = panels[2 * p];
    const h = panels[2 * p + 1] - left;
    for (let j = 0; j < PANEL_NODES; j++) {
      y[p * PANEL_NODES + j] = left + 0.5 * h * (1 + t[j]);
      root[p * PANEL_NODES + j] = Math.sqrt(0.5 * h * tw[j]);
    }
  }
  return { y, root };
}

/** Number of nodes of the default Nyström rule on (s, R) (for cost estimates). */
export function unitaryDefaultOrder(ens: UnitaryEnsemble, s: number): number {
  return lawRule(ens, Math.max(s, ens.interval[0]), ens.interval[1]).y.length;
}

/** Evaluation of F(s) = P(λ_max ≤ s) with what the density needs. */
interface CdfEvaluation {
  logCdf: number;
  /** d/ds log F(s) (only with `derivative`). */
  logDerivative: number;
}

function evaluateCdf(
  ens: UnitaryEnsemble,
  s: number,
  refine: number,
  derivative: boolean,
): CdfEvaluation {
  const [lo, hi] = ens.interval;
  if (s >= hi) return { logCdf: 0, logDerivative: 0 };
  if (s < lo) s = lo;
  if (expectedAboveOnGrid(ens, s) > MAX_EXPECTED_ABOVE) {
    return { logCdf: Number.NEGATIVE_INFINITY, logDerivative: Number.NaN };
  }
  const n = ens.n;
  const { y, root } = lawRule(ens, s, hi, refine);
  const m = y.length;
  const phi = orthonormalFunctions(ens, y, root);
  // I − K on the rule: the m×m matrix A = ΦΦᵀ, or the N×N Gram ΦᵀΦ when N < m (same determinant).
  const { matrix, size } = factoredNystromMatrix(phi, m, n);
  for (let i = 0; i < matrix.length; i++) matrix[i] = -matrix[i];
  const pivots = new Int32Array(size);
  const logDet = luFactorIdentityPlus(matrix, size, pivots);
  if (Number.isNaN(logDet)) return { logCdf: Number.NEGATIVE_INFINITY, logDerivative: Number.NaN };
  let logDerivative = Number.NaN;
  if (derivative) {
    // d/ds log det(I_N − G(s)) = φ(s)ᵀ (I_N − G)^{−1} φ(s), G = ΦᵀΦ (dG/ds = −φ(s)φ(s)ᵀ).
    const f = orthonormalFunctions(ens, [s]);
    let norm = 0;
    for (let k = 0; k < n; k++) norm += f[k] * f[k];
    if (size === n) {
      const z = Float64Array.from(f);
      luSolve(matrix, n, pivots, z);
      let q = 0;
      for (let k = 0; k < n; k++) q += f[k] * z[k];
      logDerivative = q;
    } else {
      // (I_N − ΦᵀΦ)^{−1} = I + Φᵀ(I_m − ΦΦᵀ)^{−1}Φ.
      const v = new Float64Array(m);
      for (let j = 0; j < m; j++) {
        let acc = 0;
        const row = j * n;
        for (let k = 0; k < n; k++) acc += phi[row + k] * f[k];
        v[j] = acc;
      }
      const z = Float64Array.from(v);
      luSolve(matrix, m, pivots, z);
      let q = 0;
      for (let j = 0; j < m; j++) q += v[j] * z[j];
      logDerivative = norm + q;
    }
  }
  return { logCdf: Math.min(logDet, 0), logDerivative };
}

function checkRefine(refine: number): void {
  if (!(Number.isInteger(refine) && refine >= 1)) {
    throw new RangeError(`refine must be an integer >= 1, got ${refine}`);
  }
}

/**
 * P(λ_max ≤ s) = det(I − K_N) on L²(s, ∞), by the Nyström method (Bornemann, Math. Comp. 79
 * (2010)) on the composite rule of (s, R) (lawRule: 20 nodes per 3 expected points, at least 40;
 * `refine` divides the panels, for convergence checks). Returns 0 where more than 45 points are
 * expected above s (the value is < 3e−20 there).
 */
export function unitaryLargestEigenvalueCdf(ens: UnitaryEnsemble, s: number, refine = 1): number {
  checkRefine(refine);
  if (Number.isNaN(s)) return Number.NaN;
  if (s === Number.POSITIVE_INFINITY) return 1;
  if (s === Number.NEGATIVE_INFINITY) return 0;
  const { logCdf } = evaluateCdf(ens, s, refine, false);
  return logCdf === Number.NEGATIVE_INFINITY ? 0 : detExp(logCdf);
}

/** The density of λ_max: F′(s) = F(s)·φ(s)ᵀ(I − G(s))^{−1}φ(s) (Jacobi's formula for d log det). */
export function unitaryLargestEigenvaluePdf(ens: UnitaryEnsemble, s: number, refine = 1): number {
  checkRefine(refine);
  if (Number.isNaN(s)) return Number.NaN;
  if (!Number.isFinite(s) || s >= ens.interval[1]) return 0;
  const { logCdf, logDerivative } = evaluateCdf(ens, s, refine, true);
  if (logCdf === Number.NEGATIVE_INFINITY) return 0;
  return Math.max(0, detExp(logCdf) * logDerivative);
}

/**
 * P(exactly k points in (a, b)), k = 0..N: the law of Σ Bernoulli(λ_i), λ_i the eigenvalues of
 * K_N restricted to (a, b) ∩ [L, R] (Nyström on lawRule, eigenvalues of the m×m or N×N Gram
 * matrix, whichever is smaller; Hough–Krishnapur–Peres–Virág 2006, Thm 7). O(min(m, N)³).
 */
export function unitaryCountLaw(
  ens: UnitaryEnsemble,
  a: number,
  b: number,
  refine = 1,
): Float64Array {
  checkRefine(refine);
  if (Number.isNaN(a) || Number.isNaN(b) || !(b > a)) {
    throw new RangeError(`count interval must have a < b, got (${a}, ${b})`);
  }
  const n = ens.n;
  const [lo, hi] = ens.interval;
  const left = Math.max(a, lo);
  const right = Math.min(b, hi);
  const law = new Float64Array(n + 1);
  if (!(right > left)) {
    law[0] = 1;
    return law;
  }
  const { y, root } = lawRule(ens, left, right, refine);
  const phi = orthonormalFunctions(ens, y, root);
  return bernoulliSumLaw(gramEigenvalues(phi, y.length, n), n);
}

/** E[#points in (a, b)] = ∫_a^b K_N(x, x) dx (composite Gauss–Legendre on lawRule). */
export function unitaryExpectedCount(
  ens: UnitaryEnsemble,
  a: number,
  b: number,
  refine = 1,
): number {
  checkRefine(refine);
  const [lo, hi] = ens.interval;
  const left = Math.max(a, lo);
  const right = Math.min(b, hi);
  if (!(right > left)) return 0;
  const { y, root } = lawRule(ens, left, right, refine);
  const phi = orthonormalFunctions(ens, y, root);
  let sum = 0;
  for (let i = 0; i < phi.length; i++) sum += phi[i] * phi[i];
  return sum;
}

/**
 * Mean and variance of λ_max: composite Gauss–Legendre (4 panels × 16 nodes) of x·f and x²·f
 * over [median − 12σ₀, median + 20σ₀], σ₀ = 0.4/f(median), widened until F(lo) < 1e−17 and
 * 1 − F(hi) < 1e−15.
 */
function lawMoments(ens: UnitaryEnsemble): { mean: number; variance: number } {
  const median = lawQuantile(ens, 0.5);
  const sigma = 0.4 / unitaryLargestEigenvaluePdf(ens, median);
  let lo = median - 12 * sigma;
  let hi = median + 20 * sigma;
  for (let i = 0; i < 20 && unitaryLargestEigenvalueCdf(ens, lo) > 1e-17; i++) lo -= 4 * sigma;
  for (let i = 0; i < 20 && 1 - unitaryLargestEigenvalueCdf(ens, hi) > 1e-15; i++) hi += 4 * sigma;
  const panels = 4;
  const { nodes, weights } = gaussLegendre(16);
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  const width = (hi - lo) / panels;
  for (let p = 0; p < panels; p++) {
    const a = lo + p * width;
    for (let j = 0; j < nodes.length; j++) {
      const x = a + 0.5 * width * (1 + nodes[j]);
      const f = unitaryLargestEigenvaluePdf(ens, x) * 0.5 * width * weights[j];
      const dx = x - median;
      m0 += f;
      m1 += f * dx;
      m2 += f * dx * dx;
    }
  }
  const shift = m1 / m0;
  return { mean: median + shift, variance: m2 / m0 - shift * shift };
}

/** Quantile by safeguarded Newton on F (pdf from Jacobi's formula), bracketed by [L, R]. */
function lawQuantile(ens: UnitaryEnsemble, p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  const [lo, hi] = ens.interval;
  if (p === 0) return lo;
  if (p === 1) return hi;
  let a = lo;
  let b = hi;
  let x = largestZero(ens); // near the bulk of the law of λ_max
  for (let iter = 0; iter < 200; iter++) {
    const { logCdf, logDerivative } = evaluateCdf(ens, x, 1, true);
    const f = logCdf === Number.NEGATIVE_INFINITY ? 0 : detExp(logCdf);
    if (f < p) a = x;
    else b = x;
    const density = f * logDerivative;
    let next = density > 0 ? x - (f - p) / density : Number.NaN;
    if (!(next > a && next < b)) next = 0.5 * (a + b);
    if (Math.abs(next - x) <= 1e-14 * Math.max(1, Math.abs(x)) || b - a <= 1e-15 * Math.abs(x)) {
      return next;
    }
    x = next;
  }
  return x;
}

/** The largest zero of p_N (the largest eigenvalue of J_N), by bisection on Sturm counts. */
function largestZero(ens: UnitaryEnsemble): number {
  let [a, b] = ens.interval;
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (a + b);
    if (zerosAbove(ens, mid) >= 1) a = mid;
    else b = mid;
  }
  return 0.5 * (a + b);
}

/**
 * The exact law of λ_max in the shape of every law of the library (./distribution.ts): cdf by the
 * Nyström determinant, pdf by Jacobi's formula, quantile by safeguarded Newton, support = the
 * ensemble's interval; mean and variance by Gauss–Legendre on the density, computed at first use.
 */
export function unitaryLargestEigenvalueLaw(ens: UnitaryEnsemble): ContinuousLaw {
  let moments: { mean: number; variance: number } | undefined;
  const getMoments = () => {
    moments ??= lawMoments(ens);
    return moments;
  };
  const law = continuousLaw({
    name: `λ_max of the β = 2 ensemble, N = ${ens.n}`,
    support: ens.interval,
    pdf: (x) => unitaryLargestEigenvaluePdf(ens, x),
    cdf: (x) => unitaryLargestEigenvalueCdf(ens, x),
    logcdf: (x) => {
      if (Number.isNaN(x)) return Number.NaN;
      if (x >= ens.interval[1]) return 0;
      return evaluateCdf(ens, x, 1, false).logCdf;
    },
    quantile: (p) => lawQuantile(ens, p),
    mean: Number.NaN,
    variance: Number.NaN,
  });
  return Object.defineProperties(law, {
    mean: { get: () => getMoments().mean, enumerable: true },
    variance: { get: () => getMoments().variance, enumerable: true },
  });
}

/**
 * The cuts of the ensemble: maximal intervals where the one-point density ρ_N exceeds
 * `threshold`·max ρ_N (read off the Stieltjes grid), and split points between consecutive cuts
 * (where ρ_N is smallest in the gap). One cut for a one-cut V; at N ≳ 50 the gaps of a multi-cut V
 * have ρ_N ~ e^{−cN}, far below the default threshold 1e−4.
 */
export function unitaryCuts(
  ens: UnitaryEnsemble,
  threshold = 1e-4,
): { cuts: [number, number][]; splits: number[] } {
  const x = ens.gridNodes;
  const k = ens.gridChristoffel;
  const level = threshold * ens.gridChristoffelMax;
  const cuts: [number, number][] = [];
  const splits: number[] = [];
  let start = -1;
  let gapMin = Number.POSITIVE_INFINITY;
  let gapAt = Number.NaN;
  for (let i = 0; i < x.length; i++) {
    if (k[i] >= level) {
      if (start < 0) {
        start = i;
        if (cuts.length > 0) splits.push(gapAt);
      }
    } else {
      if (start >= 0) {
        cuts.push([x[start], x[i - 1]]);
        start = -1;
        gapMin = Number.POSITIVE_INFINITY;
      }
      if (cuts.length > 0 && k[i] < gapMin) {
        gapMin = k[i];
        gapAt = x[i];
      }
    }
  }
  if (start >= 0) cuts.push([x[start], x[x.length - 1]]);
  return { cuts, splits };
}

/** Largest degree of the polynomial linear statistics (coefficients computed beyond J_N). */
export const LINEAR_STATISTIC_MAX_DEGREE = EXTRA;

/**
 * Exact mean and variance of the linear statistic Σ_i f(x_i) for a polynomial f = Σ c_k x^k of
 * degree ≤ 6: for the projection kernel onto span{φ_0..φ_{N−1}},
 *   E Σ f = Σ_{j<N} f(J)_{jj},   Var Σ f = Σ_{j<N≤k} f(J)_{jk}²
 * with J the Jacobi matrix of the weight (infinite; f(J)_{jk} = ∫ f φ_j φ_k) — the determinantal
 * variance ∫ f² K − ∫∫ f(x)f(y)K(x, y)² written in the basis φ (Johansson, Duke Math. J. 91 (1998)
 * §2). Only entries within deg f of the corner cross the block, so both cost O(N·deg²).
 * E.g. Var Σ x_i = b_N². The reference statistic of the Gibbs tests (power against 1% changes of V).
 */
export function unitaryLinearStatistic(
  ens: UnitaryEnsemble,
  f: readonly number[],
): { mean: number; variance: number } {
  let m = f.length - 1;
  while (m > 0 && f[m] === 0) m--;
  if (m > LINEAR_STATISTIC_MAX_DEGREE) {
    throw new RangeError(
      `linear statistics are implemented for deg f <= ${LINEAR_STATISTIC_MAX_DEGREE}, got ${m}`,
    );
  }
  const n = ens.n;
  const alpha = ens.recurrenceAlpha;
  const b = ens.recurrenceOffDiagonal; // b[k] couples k and k+1
  const width = 2 * m + 1;
  let w = new Float64Array(width);
  let next = new Float64Array(width);
  // f(J) e_j on the window j − m .. j + m (local index l ↔ global j − m + l), by Horner.
  const column = (j: number): Float64Array => {
    w.fill(0);
    w[m] = f[m] ?? 0;
    for (let p = m - 1; p >= 0; p--) {
      next.fill(0);
      for (let l = 0; l < width; l++) {
        const g = j - m + l;
        if (g < 0) continue;
        let v = alpha[g] * w[l];
        if (l > 0 && g >= 1) v += b[g - 1] * w[l - 1];
        if (l < width - 1) v += b[g] * w[l + 1];
        next[l] = v;
      }
      next[m] += f[p];
      const t = w;
      w = next;
      next = t;
    }
    return w;
  };
  let mean = 0;
  for (let j = 0; j < n; j++) mean += column(j)[m];
  let variance = 0;
  for (let j = Math.max(0, n - m); j < n; j++) {
    const c = column(j);
    for (let l = 0; l < width; l++) if (j - m + l >= n) variance += c[l] * c[l];
  }
  return { mean, variance };
}
