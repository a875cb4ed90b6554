// The Gibbs sampler's univariate samplers as they were before issue 10 (git fc3765c), kept only as the
// "before" of bench/gibbs.ts (per-update cost measured against today's code in the same run).
/**
 * Exact samplers for the one-dimensional conditionals of the Gibbs sampler:
 *   (A) f(x) ∝ exp(P(x)) on ℝ, P a polynomial of even degree with negative leading coefficient;
 *   (B) f(y) ∝ y^{σ−1} exp(P(y)) on (0, ∞), σ > 0, P with negative leading coefficient (or P
 *       linear with negative slope, the Gamma law).
 * No log-concavity is assumed: cubic terms, negative even coefficients, sextics, multimodal
 * shapes and σ < 1 are all sampled exactly.
 *
 * Design (justification of exactness). Let g = log f (g = P, or g = (σ−1) log y + P).
 *  1. Convexity pieces. The points where g'' changes sign are the real roots of P'' (case A) or
 *     of y²P''(y) − (σ−1) (case B), found with certainty by ../potentials/realRoots.ts (Rolle
 *     bracketing). Between two of them g is either concave or convex; which one is read off the
 *     sign of g'' at an interior point. The unbounded pieces are concave, because g'' → −∞ (or
 *     to 2p₂ < 0 when P is quadratic): the leading coefficient of P is negative.
 *  2. Envelope. On a concave piece any tangent line of g lies above g, so the minimum of a few
 *     tangents is an upper bound (the hull of adaptive rejection sampling, Gilks & Wild 1992);
 *     on a convex piece the chord between the piece's end points lies above g. Tangent points
 *     are the piece's ends, the modes (real roots of g', i.e. of P' or of yP'(y) + σ − 1, also
 *     found with certainty) and the points where g has dropped by 1 from a mode, which gives an
 *     acceptance rate ≈ 0.89 on a Gaussian-like piece. Unbounded pieces end with a tangent of
 *     slope < 0 (right) or > 0 (left), so the envelope has finite mass. In case B with σ < 1 the
 *     first piece (0, y₁] is convex with g → +∞ at 0; there we use h(y) = y^{σ−1} e^{M} on
 *     (0, δ], with M = p₀ + Σ_{k≥1} max(p_k, 0) δ^k ≥ max_{[0,δ]} P, and a chord on [δ, y₁].
 *  3. Sampling. h is piecewise exponential (or a power), so a segment is chosen by its mass and
 *     a point drawn by inversion; it is accepted with probability f/h = exp(g − log h) ≤ 1
 *     (von Neumann's rejection method). After a rejection the envelope is refined at the
 *     rejected point (./envelope.ts), which keeps exactness (Gilks & Wild 1992, §2.2) and makes
 *     even a poor first envelope converge. The loop runs until acceptance; after 10⁶
 *     rejections it throws an Error describing the density (it never returns a rejected point).
 * Exactness up to floating point: the breakpoints are computed to a few ulps, so g may exceed
 * the envelope only within rounding distance of an inflection point, a set of negligible mass.
 *
 * This replaces DPPy's `sampler_exact_convex_quartic` (Devroye 2012, docs/theory.md §3.5), which needs
 * log-concavity, and its special cases for σ ≤ 1, which crash or are biased (docs/theory.md §6 item 4).
 */

import {
  effectiveDegree,
  evaluatePolynomial,
  taylorShift,
} from "../../src/potentials/polynomial.js";
import {
  createRealRootsWork,
  type RealRootsWork,
  realRootsChain,
} from "../../src/potentials/realRoots.js";
import { gamma } from "../../src/random/gamma.js";
import { normal } from "../../src/random/normal.js";
import type { RandomSource } from "../../src/random/source.js";
import { detCbrt, detLog, detPow } from "../../src/special/deterministicMath.js";
import {
  addLine,
  addPower,
  CHORD,
  chooseSegment,
  createEnvelope,
  type Envelope,
  lineAt,
  POWER,
  refineChord,
  refinePower,
  refineTangent,
  sampleSegment,
  TANGENT,
  updateMasses,
} from "./envelope.js";

/** Rejections after which a sampler gives up with an Error (pathological acceptance). */
export const MAX_REJECTIONS = 1_000_000;
/** Newton steps refining the drop-by-1 tangent points (the Taylor scale estimate is already good). */
const NEWTON_STEPS = 1;

/** Preallocated buffers of the univariate samplers, for P of degree ≤ maxDegree. */
export interface UnivariateWork {
  readonly maxDegree: number;
  /** The density being sampled: g(x) = logShape·log x + P(x); halfLine for case B. */
  readonly p: Float64Array;
  readonly dp: Float64Array;
  readonly d2p: Float64Array;
  readonly aux: Float64Array;
  readonly taylor: Float64Array;
  /** Point at which `taylor` holds the Taylor coefficients of P (NaN: none). */
  taylorAt: number;
  degree: number;
  logShape: number;
  halfLine: boolean;
  readonly roots: RealRootsWork;
  readonly breaks: Float64Array;
  readonly breakIsCritical: Uint8Array;
  breakCount: number;
  readonly points: Float64Array;
  readonly envelope: Envelope;
  /** Statistics: proposals and rejections since creation (for benchmarks and tests). */
  proposals: number;
  rejections: number;
}

/** Allocates the work buffers for polynomials P of degree ≤ maxDegree. */
export function createUnivariateWork(maxDegree: number): UnivariateWork {
  if (!Number.isInteger(maxDegree) || maxDegree < 1) {
    throw new RangeError(`maxDegree must be an integer >= 1, got ${maxDegree}`);
  }
  const m = maxDegree + 1;
  return {
    maxDegree,
    p: new Float64Array(m),
    dp: new Float64Array(m),
    d2p: new Float64Array(m),
    aux: new Float64Array(m),
    taylor: new Float64Array(m),
    taylorAt: Number.NaN,
    degree: 0,
    logShape: 0,
    halfLine: false,
    roots: createRealRootsWork(maxDegree),
    breaks: new Float64Array(4 * m),
    breakIsCritical: new Uint8Array(4 * m),
    breakCount: 0,
    points: new Float64Array(8),
    // Breakpoints: ≤ maxDegree critical and ≤ maxDegree inflection points.
    envelope: createEnvelope(2 * maxDegree + 2),
    proposals: 0,
    rejections: 0,
  };
}

/** g(x) = logShape·log x + P(x). */
function logDensity(work: UnivariateWork, x: number): number {
  const px = evaluatePolynomial(work.p, work.degree, x);
  return work.logShape === 0 ? px : px + work.logShape * detLog(x);
}

/** g'(x). */
function logDensitySlope(work: UnivariateWork, x: number): number {
  const d = evaluatePolynomial(work.dp, work.degree - 1, x);
  return work.logShape === 0 ? d : d + work.logShape / x;
}

/** g''(x). */
function logDensityCurvature(work: UnivariateWork, x: number): number {
  const d = work.degree >= 2 ? evaluatePolynomial(work.d2p, work.degree - 2, x) : 0;
  return work.logShape === 0 ? d : d - work.logShape / (x * x);
}

/** Inserts the roots stored at derivative level `level` of work.roots that lie in (lo, ∞). */
function collectRoots(work: UnivariateWork, level: number, lo: number, critical: number): void {
  const stride = Math.max(work.roots.maxDegree, 1);
  const count = work.roots.counts[level];
  for (let r = 0; r < count; r++) {
    const x = work.roots.roots[level * stride + r];
    if (!(x > lo)) continue;
    // Insertion into the sorted list of breakpoints; equal points are merged (critical wins).
    let k = work.breakCount;
    while (k > 0 && work.breaks[k - 1] > x) k--;
    if (k > 0 && work.breaks[k - 1] === x) {
      if (critical) work.breakIsCritical[k - 1] = 1;
      continue;
    }
    for (let q = work.breakCount; q > k; q--) {
      work.breaks[q] = work.breaks[q - 1];
      work.breakIsCritical[q] = work.breakIsCritical[q - 1];
    }
    work.breaks[k] = x;
    work.breakIsCritical[k] = critical;
    work.breakCount++;
  }
}

/**
 * Distance w > 0 with g(x0 + dir·w) ≈ g(x0) − 1 inside a concave piece (capped by `limit`), from a
 * Taylor scale estimate refined by a Newton step (a drop anywhere in [0.5, 2] gives an
 * acceptance rate above 0.83 on a Gaussian). Any positive value keeps the envelope valid; this
 * only tunes its efficiency.
 */
function dropDistance(work: UnivariateWork, x0: number, dir: number, limit: number): number {
  const n = work.degree;
  const t = work.taylor;
  if (x0 !== work.taylorAt) {
    taylorShift(work.p, n, x0, t);
    work.taylorAt = x0;
  }
  let scale: number;
  if (work.logShape === 0) {
    scale = Math.max(Math.abs(t[1]), Math.sqrt(Math.abs(t[2])));
  } else {
    scale = Math.max(
      Math.abs(logDensitySlope(work, x0)),
      Math.sqrt(0.5 * Math.abs(logDensityCurvature(work, x0))),
    );
  }
  // scale = max(scale, |t_k|^{1/k}); the root is taken only when it wins (no pow otherwise).
  let power = scale * scale;
  for (let k = 3; k <= n; k++) {
    power *= scale;
    const c = Math.abs(t[k]);
    if (c > power) {
      scale = k === 3 ? detCbrt(c) : k === 4 ? Math.sqrt(Math.sqrt(c)) : detPow(c, 1 / k);
      power = c;
    }
  }
  let w = scale > 0 ? 1 / scale : 1;
  if (work.halfLine && work.logShape !== 0 && dir < 0) w = Math.min(w, 0.5 * x0);
  if (w >= limit) w = 0.5 * limit;
  for (let iter = 0; iter < NEWTON_STEPS; iter++) {
    let phi: number;
    let dphi: number;
    if (work.logShape === 0) {
      // φ(w) = Σ_{k≥1} t_k (dir·w)^k + 1 and its derivative, by Horner.
      const h = dir * w;
      let value = t[n];
      let slope = 0;
      for (let k = n - 1; k >= 1; k--) {
        slope = slope * h + value;
        value = value * h + t[k];
      }
      phi = value * h + 1;
      dphi = dir * (slope * h + value);
    } else {
      const x = x0 + dir * w;
      phi = logDensity(work, x) - logDensity(work, x0) + 1;
      dphi = dir * logDensitySlope(work, x);
    }
    if (Math.abs(phi) < 0.3 || !(dphi < 0)) break;
    const next = w - phi / dphi;
    if (!(next > 0) || !Number.isFinite(next)) break;
    w = next >= limit ? 0.5 * (w + limit) : next;
  }
  return w;
}

/**
 * Adds to the envelope the hull of tangents at the sorted points work.points[0..k−1] over the
 * concave piece [l, r]. Ensures slope > 0 on an unbounded left end and < 0 on an unbounded right.
 */
function addTangentHull(work: UnivariateWork, k: number, l: number, r: number): void {
  const env = work.envelope;
  const pts = work.points;
  let prevZ = l;
  let prevAnchor = pts[0];
  let prevValue = logDensity(work, prevAnchor);
  let prevSlope = logDensitySlope(work, prevAnchor);
  for (let j = 1; j < k; j++) {
    const t = pts[j];
    const gt = logDensity(work, t);
    const st = logDensitySlope(work, t);
    // Intersection of the tangents at prevAnchor and t, clamped to [prevAnchor, t].
    const ds = prevSlope - st;
    let z =
      ds > 0 ? (gt - prevValue + prevSlope * prevAnchor - st * t) / ds : 0.5 * (prevAnchor + t);
    if (!(z >= prevAnchor)) z = prevAnchor;
    if (z > t) z = t;
    if (z > prevZ) addLine(env, TANGENT, prevZ, z, prevAnchor, prevValue, prevSlope);
    prevZ = z;
    prevAnchor = t;
    prevValue = gt;
    prevSlope = st;
  }
  if (r > prevZ) addLine(env, TANGENT, prevZ, r, prevAnchor, prevValue, prevSlope);
}

/** Envelope of one concave piece [l, r] (l may be −∞, or 0 with g(0) = −∞; r may be +∞). */
function concavePiece(
  work: UnivariateWork,
  l: number,
  r: number,
  lCritical: boolean,
  rCritical: boolean,
): void {
  const pts = work.points;
  let k = 0;
  const lFinite = l > Number.NEGATIVE_INFINITY && !(work.halfLine && l === 0 && work.logShape > 0);
  const rFinite = r < Number.POSITIVE_INFINITY;
  const width = r - l;
  if (lFinite) {
    pts[k++] = l;
    if (lCritical || !rFinite) {
      const w = dropDistance(work, l, 1, rFinite ? width : Number.POSITIVE_INFINITY);
      if (l + w < r) pts[k++] = l + w;
    }
  } else if (rFinite) {
    // Unbounded left end, or the singular end 0 (σ > 1): one tangent strictly inside.
    const limit = l === Number.NEGATIVE_INFINITY ? Number.POSITIVE_INFINITY : r;
    const w = rCritical ? dropDistance(work, r, -1, limit) : Math.min(0.5 * limit, 1);
    const t = l === Number.NEGATIVE_INFINITY ? r - w : Math.max(r - w, 0.125 * r);
    if (t < r) pts[k++] = t;
  }
  if (rFinite) {
    if (rCritical && lFinite) {
      const w = dropDistance(work, r, -1, width);
      if (r - w > pts[k - 1]) pts[k++] = r - w;
    }
    pts[k++] = r;
  }
  // Both ends singular or unbounded (excluded by the theory, kept for robustness).
  if (k === 0) pts[k++] = rFinite ? 0.5 * r : l === 0 ? 1 : 0;
  // Unbounded ends need a strictly sloped tangent (always true mathematically; guard rounding).
  if (!rFinite) {
    let t = pts[k - 1];
    let step = Math.max(Math.abs(t - l), 1e-300);
    for (let i = 0; i < 200 && !(logDensitySlope(work, t) < 0); i++) {
      t += step;
      step *= 2;
    }
    if (t > pts[k - 1]) pts[k++] = t;
  }
  if (l === Number.NEGATIVE_INFINITY) {
    let t = pts[0];
    let step = Math.max(Math.abs(r - t), 1e-300);
    for (let i = 0; i < 200 && !(logDensitySlope(work, t) > 0); i++) {
      t -= step;
      step *= 2;
    }
    if (t < pts[0]) {
      for (let q = k; q > 0; q--) pts[q] = pts[q - 1];
      pts[0] = t;
      k++;
    }
  }
  addTangentHull(work, k, l, r);
}

/** Upper bound of P on [0, δ]: p₀ + Σ_{k≥1} max(p_k, 0) δ^k. */
function polynomialBoundNearZero(work: UnivariateWork, delta: number): number {
  let bound = work.p[0];
  let power = 1;
  for (let k = 1; k <= work.degree; k++) {
    power *= delta;
    if (work.p[k] > 0) bound += work.p[k] * power;
  }
  return bound;
}

/** Builds the initial envelope from the convexity pieces of g (see the file header). */
function buildEnvelope(work: UnivariateWork): void {
  const env = work.envelope;
  env.count = 0;
  env.power = work.logShape;
  const n = work.degree;
  const lo = work.halfLine ? 0 : Number.NEGATIVE_INFINITY;
  work.breakCount = 0;
  if (work.logShape === 0) {
    // Critical points: roots of P'; inflection points: roots of P'' (level 1 of the chain).
    realRootsChain(work.dp, n - 1, work.roots);
    collectRoots(work, 0, lo, 1);
    if (n >= 3) collectRoots(work, 1, lo, 0);
  } else {
    const aux = work.aux;
    // Critical points: y P'(y) + (σ − 1) = 0.
    aux[0] = work.logShape;
    for (let k = 1; k <= n; k++) aux[k] = k * work.p[k];
    realRootsChain(aux, n, work.roots);
    collectRoots(work, 0, 0, 1);
    // Inflection points: y² P''(y) − (σ − 1) = 0.
    aux[0] = -work.logShape;
    aux[1] = 0;
    for (let k = 2; k <= n; k++) aux[k] = k * (k - 1) * work.p[k];
    realRootsChain(aux, n, work.roots);
    collectRoots(work, 0, 0, 0);
  }
  const count = work.breakCount;
  for (let piece = 0; piece <= count; piece++) {
    const l = piece === 0 ? lo : work.breaks[piece - 1];
    const r = piece === count ? Number.POSITIVE_INFINITY : work.breaks[piece];
    const lCritical = piece > 0 && work.breakIsCritical[piece - 1] === 1;
    const rCritical = piece < count && work.breakIsCritical[piece] === 1;
    let concave: boolean;
    if (r === Number.POSITIVE_INFINITY || l === Number.NEGATIVE_INFINITY) concave = true;
    else if (work.halfLine && l === 0 && work.logShape !== 0) concave = work.logShape > 0;
    else concave = logDensityCurvature(work, 0.5 * (l + r)) <= 0;
    if (concave) {
      concavePiece(work, l, r, lCritical, rCritical);
    } else if (work.halfLine && l === 0 && work.logShape < 0) {
      // Singular convex piece (0, r]: POWER on (0, δ], CHORD on [δ, r].
      let scale = 0;
      for (let k = 1; k <= n; k++) {
        const c = Math.abs(work.p[k]);
        if (c > 0) scale = Math.max(scale, detPow(4 * n * c, 1 / k));
      }
      const delta = scale > 0 ? Math.min(r, 1 / scale) : r;
      addPower(env, delta, polynomialBoundNearZero(work, delta));
      if (delta < r) {
        const gd = logDensity(work, delta);
        addLine(env, CHORD, delta, r, delta, gd, (logDensity(work, r) - gd) / (r - delta));
      }
    } else {
      const gl = logDensity(work, l);
      addLine(env, CHORD, l, r, l, gl, (logDensity(work, r) - gl) / (r - l));
    }
  }
  updateMasses(env);
}

function describe(work: UnivariateWork): string {
  const terms: string[] = [];
  for (let k = 0; k <= work.degree; k++) terms.push(`${work.p[k]}*x^${k}`);
  const base = `exp(${terms.join(" + ")})`;
  return work.halfLine ? `y^${work.logShape} * ${base} on (0, inf)` : `${base} on R`;
}

/** The rejection loop on the current envelope, refining it after each rejection. */
function rejectionLoop(rng: RandomSource, work: UnivariateWork): number {
  const env = work.envelope;
  for (let attempt = 0; attempt <= MAX_REJECTIONS; attempt++) {
    work.proposals++;
    const j = chooseSegment(env, rng.uniform());
    const x = sampleSegment(env, j, rng.uniform());
    const kind = env.kind[j];
    let logRatio: number;
    let gx = 0;
    let bound = 0;
    if (kind === POWER) {
      bound = polynomialBoundNearZero(work, x);
      logRatio = evaluatePolynomial(work.p, work.degree, x) - env.value[j];
    } else {
      gx = logDensity(work, x);
      logRatio = gx - lineAt(env, j, x);
    }
    if (logRatio >= 0 || detLog(rng.uniform()) <= logRatio) return x;
    work.rejections++;
    let changed: boolean;
    if (kind === TANGENT) changed = refineTangent(env, j, x, gx, logDensitySlope(work, x));
    else if (kind === CHORD) changed = refineChord(env, j, x, gx);
    else {
      const r = env.right[j];
      changed = refinePower(env, j, x, bound, logDensity(work, x), logDensity(work, r));
    }
    if (changed) updateMasses(env);
  }
  throw new Error(
    `univariate sampler: more than ${MAX_REJECTIONS} rejections for the density ${describe(work)}`,
  );
}

function loadPolynomial(work: UnivariateWork, coeffs: ArrayLike<number>, degree: number): number {
  if (degree > work.maxDegree) {
    throw new RangeError(`degree ${degree} exceeds the work buffers' maxDegree ${work.maxDegree}`);
  }
  const n = effectiveDegree(coeffs, degree);
  for (let k = 0; k <= n; k++) {
    const c = coeffs[k];
    if (!Number.isFinite(c)) {
      throw new RangeError(`coefficient of x^${k} must be finite, got ${c}`);
    }
    work.p[k] = c;
  }
  for (let k = 1; k <= n; k++) work.dp[k - 1] = k * work.p[k];
  for (let k = 2; k <= n; k++) work.d2p[k - 2] = k * (k - 1) * work.p[k];
  work.degree = n;
  work.taylorAt = Number.NaN;
  return n;
}

/**
 * One exact draw from the density ∝ exp(P(x)) on ℝ, P(x) = Σ_{k≤degree} coeffs[k] x^k of even
 * degree ≥ 2 with negative leading coefficient (throws a RangeError otherwise). Gaussian when P
 * is quadratic; otherwise rejection from the piecewise-exponential envelope of the file header.
 */
export function sampleExpPolynomial(
  rng: RandomSource,
  coeffs: ArrayLike<number>,
  degree: number,
  work: UnivariateWork,
): number {
  const n = loadPolynomial(work, coeffs, degree);
  const lead = work.p[n];
  if (n < 2 || n % 2 !== 0 || !(lead < 0)) {
    throw new RangeError(
      `exp(P) on R needs P of even degree >= 2 with negative leading coefficient, got degree ${n}, leading ${lead}`,
    );
  }
  if (n === 2) {
    const variance = -0.5 / lead;
    return -0.5 * (work.p[1] / lead) + Math.sqrt(variance) * normal(rng);
  }
  work.logShape = 0;
  work.halfLine = false;
  buildEnvelope(work);
  return rejectionLoop(rng, work);
}

/**
 * One exact draw from the density ∝ y^{σ−1} exp(P(y)) on (0, ∞), σ = shape > 0, with P of
 * degree ≥ 2 and negative leading coefficient, or P linear with negative slope (then Gamma(σ,
 * scale −1/p₁)). Throws a RangeError if the density is not integrable. Never returns 0 (a draw
 * that underflows is returned as the smallest positive double).
 */
export function sampleGammaPolynomial(
  rng: RandomSource,
  shape: number,
  coeffs: ArrayLike<number>,
  degree: number,
  work: UnivariateWork,
): number {
  if (!(shape > 0) || !Number.isFinite(shape)) {
    throw new RangeError(`shape must be a finite number > 0, got ${shape}`);
  }
  const n = loadPolynomial(work, coeffs, degree);
  const lead = work.p[n];
  if (n === 0 || !(lead < 0)) {
    throw new RangeError(
      `y^(shape-1) exp(P(y)) on (0, inf) needs P with negative leading coefficient, got degree ${n}, leading ${lead}`,
    );
  }
  if (n === 1) {
    const y = gamma(rng, shape, -1 / lead);
    return y > 0 ? y : Number.MIN_VALUE;
  }
  work.logShape = shape - 1;
  work.halfLine = true;
  buildEnvelope(work);
  const y = rejectionLoop(rng, work);
  return y > 0 ? y : Number.MIN_VALUE;
}
