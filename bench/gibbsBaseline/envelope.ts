// The Gibbs sampler's univariate samplers as they were before issue 10 (git fc3765c), kept only as the
// "before" of bench/gibbs.ts (per-update cost measured against today's code in the same run).
/**
 * Piecewise upper envelopes h ≥ f of a univariate log-density g = log f, for exact rejection
 * sampling (von Neumann 1951; Devroye, Non-Uniform Random Variate Generation, 1986, §II.3 and
 * §VII.2). The real line (or (0, ∞)) is cut into segments; on each segment log h is
 *   - LINE (kind TANGENT or CHORD): log h(x) = value + slope·(x − anchor), a line in log scale,
 *     so h is exponential and its mass and inverse CDF are explicit; or
 *   - POWER (only on (0, r], for y^{σ−1} e^{P(y)} with σ < 1): log h(y) = (σ−1) log y + bound,
 *     with bound ≥ max_{(0,r]} P, sampled as r·U^{1/σ}.
 * Validity of each kind is the caller's business (see ./univariate.ts): a TANGENT lies in a piece
 * where g is concave (a tangent line of a concave function lies above it), a CHORD in a piece
 * where g is convex (a chord of a convex function lies above it).
 *
 * After a rejection at x the segment containing x is refined (adaptive rejection sampling,
 * Gilks & Wild, Applied Statistics 41:337, 1992): a TANGENT segment becomes the minimum of its
 * line and the tangent at x, a CHORD segment is split into two chords at x, a POWER segment
 * becomes POWER on (0, x] and a CHORD on [x, r]. The envelope only changes after a rejection, so
 * the accepted point still has law exactly f (Gilks & Wild, §2.2).
 */
import { detExp, detExpm1, detLog, detLog1p } from "../../src/special/deterministicMath.js";

/** Segment kinds (see the file header). */
export const TANGENT = 0;
export const CHORD = 1;
export const POWER = 2;

/** Segments available for refinement after the initial envelope (refinement then stops). */
export const REFINEMENT_SEGMENTS = 64;

/** Segments of a piecewise envelope, in preallocated arrays (order irrelevant). */
export interface Envelope {
  count: number;
  /** Number of segments the arrays hold. */
  readonly capacity: number;
  readonly left: Float64Array;
  readonly right: Float64Array;
  readonly kind: Uint8Array;
  readonly anchor: Float64Array;
  readonly value: Float64Array;
  readonly slope: Float64Array;
  /** POWER segments: the exponent σ − 1 is shared (Envelope.power), the bound is `value`. */
  power: number;
  readonly logMass: Float64Array;
  readonly cumulative: Float64Array;
  total: number;
}

/**
 * Allocates an empty envelope for densities whose log has at most `pieces` convexity pieces
 * (each takes at most 6 initial segments), plus REFINEMENT_SEGMENTS for refinement.
 */
export function createEnvelope(pieces: number): Envelope {
  const m = 6 * pieces + REFINEMENT_SEGMENTS;
  return {
    count: 0,
    capacity: m,
    left: new Float64Array(m),
    right: new Float64Array(m),
    kind: new Uint8Array(m),
    anchor: new Float64Array(m),
    value: new Float64Array(m),
    slope: new Float64Array(m),
    power: 0,
    logMass: new Float64Array(m),
    cumulative: new Float64Array(m),
    total: 0,
  };
}

/** Appends a LINE segment on [left, right] with log h(x) = value + slope (x − anchor). */
export function addLine(
  env: Envelope,
  kind: number,
  left: number,
  right: number,
  anchor: number,
  value: number,
  slope: number,
): void {
  if (env.count >= env.capacity) throw new Error("internal error: envelope capacity exceeded");
  const j = env.count++;
  env.kind[j] = kind;
  env.left[j] = left;
  env.right[j] = right;
  env.anchor[j] = anchor;
  env.value[j] = value;
  env.slope[j] = slope;
}

/** Appends a POWER segment (0, right] with log h(y) = power·log y + bound. */
export function addPower(env: Envelope, right: number, bound: number): void {
  if (env.count >= env.capacity) throw new Error("internal error: envelope capacity exceeded");
  const j = env.count++;
  env.kind[j] = POWER;
  env.left[j] = 0;
  env.right[j] = right;
  env.anchor[j] = 0;
  env.value[j] = bound;
  env.slope[j] = 0;
}

/** log h(x) on segment j (LINE kinds only). */
export function lineAt(env: Envelope, j: number, x: number): number {
  return env.value[j] + env.slope[j] * (x - env.anchor[j]);
}

/** log ∫ h over segment j, in closed form (+Infinity if the segment is improper). */
function segmentLogMass(env: Envelope, j: number): number {
  const l = env.left[j];
  const r = env.right[j];
  if (env.kind[j] === POWER) {
    const sigma = env.power + 1;
    return env.value[j] + sigma * detLog(r) - detLog(sigma);
  }
  const s = env.slope[j];
  if (l === Number.NEGATIVE_INFINITY) {
    return s > 0 ? lineAt(env, j, r) - detLog(s) : Number.POSITIVE_INFINITY;
  }
  if (r === Number.POSITIVE_INFINITY) {
    return s < 0 ? lineAt(env, j, l) - detLog(-s) : Number.POSITIVE_INFINITY;
  }
  const w = r - l;
  if (w <= 0) return Number.NEGATIVE_INFINITY;
  if (s > 0) return lineAt(env, j, r) + detLog(-detExpm1(-s * w) / s);
  if (s < 0) return lineAt(env, j, l) + detLog(-detExpm1(s * w) / -s);
  return lineAt(env, j, l) + detLog(w);
}

/**
 * Recomputes the segment masses and their cumulative sums (relative to the largest one).
 * Throws an Error if some segment has infinite mass (an invalid envelope, i.e. a bug).
 */
export function updateMasses(env: Envelope): void {
  let top = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < env.count; j++) {
    const m = segmentLogMass(env, j);
    if (!(m < Number.POSITIVE_INFINITY)) {
      throw new Error(
        `internal error: envelope segment [${env.left[j]}, ${env.right[j]}] (kind ${env.kind[j]}, slope ${env.slope[j]}) has infinite mass`,
      );
    }
    env.logMass[j] = m;
    if (m > top) top = m;
  }
  let total = 0;
  for (let j = 0; j < env.count; j++) {
    total += detExp(env.logMass[j] - top);
    env.cumulative[j] = total;
  }
  env.total = total;
}

/** Index of the segment chosen with probability ∝ its mass, by one uniform u in (0, 1). */
export function chooseSegment(env: Envelope, u: number): number {
  const target = u * env.total;
  const last = env.count - 1;
  for (let j = 0; j < last; j++) if (target < env.cumulative[j]) return j;
  return last;
}

/**
 * A draw from h restricted to segment j by inversion, with one uniform u in (0, 1):
 * truncated exponential on LINE segments (sampled from the higher end), r·u^{1/σ} on POWER.
 */
export function sampleSegment(env: Envelope, j: number, u: number): number {
  const l = env.left[j];
  const r = env.right[j];
  if (env.kind[j] === POWER) {
    const y = r * detExp(detLog(u) / (env.power + 1));
    return y > 0 ? y : Number.MIN_VALUE;
  }
  const s = env.slope[j];
  let x: number;
  if (l === Number.NEGATIVE_INFINITY) x = r + detLog(u) / s;
  else if (r === Number.POSITIVE_INFINITY) x = l + detLog(u) / s;
  else {
    const w = r - l;
    if (Math.abs(s) * w < 1e-12) x = l + u * w;
    else if (s > 0) x = r + detLog1p(u * detExpm1(-s * w)) / s;
    else x = l + detLog1p(u * detExpm1(s * w)) / s;
    if (x < l) x = l;
    else if (x > r) x = r;
  }
  return x;
}

/**
 * Refines a TANGENT segment j after a rejection at x, where gx = g(x) < log h(x) and sx = g'(x):
 * the segment becomes min(old line, tangent at x), split at the lines' intersection. Returns
 * whether the envelope changed (false when it is full).
 */
export function refineTangent(
  env: Envelope,
  j: number,
  x: number,
  gx: number,
  sx: number,
): boolean {
  const s0 = env.slope[j];
  const gap = lineAt(env, j, x) - gx; // > 0
  const l = env.left[j];
  const r = env.right[j];
  if (!(gap > 0) || !Number.isFinite(sx)) return false;
  if (sx === s0) {
    env.anchor[j] = x;
    env.value[j] = gx;
    return true;
  }
  const z = x + gap / (sx - s0);
  if (sx > s0) {
    // Tangent at x is lower on [l, z], the old line on [z, r].
    if (z >= r) {
      env.anchor[j] = x;
      env.value[j] = gx;
      env.slope[j] = sx;
      return true;
    }
    if (env.count >= env.capacity) return false;
    addLine(env, TANGENT, z, r, env.anchor[j], env.value[j], s0);
    env.right[j] = z;
    env.anchor[j] = x;
    env.value[j] = gx;
    env.slope[j] = sx;
    return true;
  } else {
    // Old line is lower on [l, z], the tangent at x on [z, r].
    if (z <= l) {
      env.anchor[j] = x;
      env.value[j] = gx;
      env.slope[j] = sx;
      return true;
    }
    if (env.count >= env.capacity) return false;
    addLine(env, TANGENT, z, r, x, gx, sx);
    env.right[j] = z;
    return true;
  }
}

/** Splits the CHORD segment j at x (gx = g(x)) into two chords; returns whether it changed. */
export function refineChord(env: Envelope, j: number, x: number, gx: number): boolean {
  if (env.count >= env.capacity) return false;
  const l = env.left[j];
  const r = env.right[j];
  if (!(x > l && x < r)) return false;
  const gr = lineAt(env, j, r);
  const gl = lineAt(env, j, l);
  addLine(env, CHORD, x, r, x, gx, (gr - gx) / (r - x));
  env.right[j] = x;
  env.anchor[j] = l;
  env.value[j] = gl;
  env.slope[j] = (gx - gl) / (x - l);
  return true;
}

/**
 * Splits the POWER segment j = (0, r] at x: POWER on (0, x] with the new bound, CHORD on [x, r]
 * through (x, gx) and (r, gr), where gx, gr are the full log-density values. Returns whether the
 * envelope changed.
 */
export function refinePower(
  env: Envelope,
  j: number,
  x: number,
  bound: number,
  gx: number,
  gr: number,
): boolean {
  if (env.count >= env.capacity) return false;
  const r = env.right[j];
  if (!(x > 0 && x < r)) return false;
  addLine(env, CHORD, x, r, x, gx, (gr - gx) / (r - x));
  env.right[j] = x;
  env.value[j] = bound;
  return true;
}
