/**
 * The variates of src/random/{normal,gamma,beta}.ts on the word stream of stream.ts, operation for
 * operation and uniform for uniform (including rejected attempts), so every value has the bits of
 * the JavaScript reference. See the reference files for the methods and their sources.
 */
import { detExp, detLog, detLog2 } from "./math";
import { rejectionFailed, uniform } from "./stream";

// Wichura, Algorithm AS 241 (PPND16), Applied Statistics 37:477 (1988); as src/random/normal.ts.
const A0: f64 = 3.3871328727963665;
const A1: f64 = 133.14166789178438;
const A2: f64 = 1971.5909503065513;
const A3: f64 = 13731.69376550946;
const A4: f64 = 45921.95393154987;
const A5: f64 = 67265.7709270087;
const A6: f64 = 33430.57558358813;
const A7: f64 = 2509.0809287301227;
const B1: f64 = 42.31333070160091;
const B2: f64 = 687.1870074920579;
const B3: f64 = 5394.196021424751;
const B4: f64 = 21213.794301586597;
const B5: f64 = 39307.89580009271;
const B6: f64 = 28729.085735721943;
const B7: f64 = 5226.495278852854;
const C0: f64 = 1.4234371107496835;
const C1: f64 = 4.630337846156546;
const C2: f64 = 5.769497221460691;
const C3: f64 = 3.6478483247632045;
const C4: f64 = 1.2704582524523684;
const C5: f64 = 0.2417807251774506;
const C6: f64 = 0.022723844989269184;
const C7: f64 = 0.0007745450142783414;
const D1: f64 = 2.053191626637759;
const D2: f64 = 1.6763848301838038;
const D3: f64 = 0.6897673349851;
const D4: f64 = 0.14810397642748008;
const D5: f64 = 0.015198666563616457;
const D6: f64 = 0.0005475938084995345;
const D7: f64 = 1.0507500716444169e-9;
const E0: f64 = 6.657904643501103;
const E1: f64 = 5.463784911164114;
const E2: f64 = 1.7848265399172913;
const E3: f64 = 0.29656057182850487;
const E4: f64 = 0.026532189526576124;
const E5: f64 = 0.0012426609473880784;
const E6: f64 = 2.7115555687434876e-5;
const E7: f64 = 2.0103343992922881e-7;
const F1: f64 = 0.599832206555888;
const F2: f64 = 0.1369298809227358;
const F3: f64 = 0.014875361290850615;
const F4: f64 = 0.0007868691311456133;
const F5: f64 = 1.8463183175100548e-5;
const F6: f64 = 1.421511758316446e-7;
const F7: f64 = 2.0442631033899397e-15;

/** The tails |p − 1/2| > 0.425 of normalQuantile (rare: kept out of line). */
// @ts-ignore: decorator
@inline
function normalQuantileTail(p: f64, q: f64): f64 {
  const tail = q < 0 ? p : 1 - p;
  if (tail === 0) return q < 0 ? -Infinity : Infinity;
  let r = Math.sqrt(-detLog(tail));
  let value: f64;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((C7 * r + C6) * r + C5) * r + C4) * r + C3) * r + C2) * r + C1) * r + C0) /
      (((((((D7 * r + D6) * r + D5) * r + D4) * r + D3) * r + D2) * r + D1) * r + 1);
  } else {
    r -= 5;
    value =
      (((((((E7 * r + E6) * r + E5) * r + E4) * r + E3) * r + E2) * r + E1) * r + E0) /
      (((((((F7 * r + F6) * r + F5) * r + F4) * r + F3) * r + F2) * r + F1) * r + 1);
  }
  return q < 0 ? -value : value;
}

/** normalQuantile of normal.ts for p in (0, 1). */
// @ts-ignore: decorator
@inline
export function normalQuantile(p: f64): f64 {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q * (((((((A7 * r + A6) * r + A5) * r + A4) * r + A3) * r + A2) * r + A1) * r + A0)) /
      (((((((B7 * r + B6) * r + B5) * r + B4) * r + B3) * r + B2) * r + B1) * r + 1)
    );
  }
  return normalQuantileTailOutOfLine(p, q);
}

function normalQuantileTailOutOfLine(p: f64, q: f64): f64 {
  return normalQuantileTail(p, q);
}

/**
 * The central branch of normalQuantile (|p − 1/2| ≤ 0.425) for two probabilities at once, with the
 * reference's operations in the reference's order; lanes outside the central region give garbage
 * and are flagged by normalCentral.
 */
// @ts-ignore: decorator
@inline
export function normalQuantileCentral2(p: v128): v128 {
  const q = f64x2.sub(p, f64x2.splat(0.5));
  const r = f64x2.sub(f64x2.splat(0.180625), f64x2.mul(q, q));
  return f64x2.div(
    f64x2.mul(q, horner8(r, A7, A6, A5, A4, A3, A2, A1, A0)),
    horner8(r, B7, B6, B5, B4, B3, B2, B1, 1),
  );
}

/** Lanes of p inside the central region |p − 1/2| ≤ 0.425 of normalQuantile (all ones). */
// @ts-ignore: decorator
@inline
export function normalCentral(p: v128): v128 {
  return f64x2.le(f64x2.abs(f64x2.sub(p, f64x2(0.5, 0.5))), f64x2(0.425, 0.425));
}

/** c7·r⁷ + … + c0 by Horner's rule, as written in normal.ts. */
// @ts-ignore: decorator
@inline
function horner8(
  r: v128,
  c7: f64,
  c6: f64,
  c5: f64,
  c4: f64,
  c3: f64,
  c2: f64,
  c1: f64,
  c0: f64,
): v128 {
  let y = f64x2.add(f64x2.mul(f64x2.splat(c7), r), f64x2.splat(c6));
  y = f64x2.add(f64x2.mul(y, r), f64x2.splat(c5));
  y = f64x2.add(f64x2.mul(y, r), f64x2.splat(c4));
  y = f64x2.add(f64x2.mul(y, r), f64x2.splat(c3));
  y = f64x2.add(f64x2.mul(y, r), f64x2.splat(c2));
  y = f64x2.add(f64x2.mul(y, r), f64x2.splat(c1));
  return f64x2.add(f64x2.mul(y, r), f64x2.splat(c0));
}

/** Set by normalQuantileTail2 when a lane lies in the far tail r > 5 (|Z| > 5.9, p < 1.4e−11). */
export let farTail: bool = false;

/**
 * The intermediate tail of normalQuantile (|p − 1/2| > 0.425, r = √(−log min(p, 1 − p)) ≤ 5) for
 * two probabilities at once, operation for operation as normal.ts; sets farTail if a lane has r > 5
 * (that lane must be redone by the scalar normalQuantile).
 */
// @ts-ignore: decorator
@inline
export function normalQuantileTail2(p: v128): v128 {
  const q = f64x2.sub(p, f64x2.splat(0.5));
  const negative = f64x2.lt(q, f64x2.splat(0));
  const tail = v128.bitselect(p, f64x2.sub(f64x2.splat(1), p), negative);
  let r = f64x2.sqrt(f64x2.neg(detLog2(tail)));
  if (v128.any_true(f64x2.gt(r, f64x2.splat(5)))) farTail = true;
  r = f64x2.sub(r, f64x2.splat(1.6));
  const value = f64x2.div(
    horner8(r, C7, C6, C5, C4, C3, C2, C1, C0),
    horner8(r, D7, D6, D5, D4, D3, D2, D1, 1),
  );
  return v128.bitselect(f64x2.neg(value), value, negative);
}

/** normal(rng) of normal.ts: Φ^{-1}(U), one uniform. */
// @ts-ignore: decorator
@inline
export function normal(): f64 {
  return normalQuantile(uniform());
}

/** Rejection attempts before giving up (gamma.ts MAX_ATTEMPTS). */
const MAX_ATTEMPTS: i32 = 1000;

/** Marsaglia–Tsang attempts after the squeeze failed: the log test (rare, out of line). */
function logAcceptance(u: f64, z2: f64, d: f64, v: f64): bool {
  return detLog(u) < 0.5 * z2 + d * (1 - v + detLog(v));
}

/** marsagliaTsang of gamma.ts: Gamma(shape) for shape ≥ 1, normal then uniform per attempt. */
export function marsagliaTsang(shape: f64): f64 {
  const d = shape - 1.0 / 3.0;
  const c = 1 / Math.sqrt(9 * d);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const z = normal();
    const t = 1 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = uniform();
    const z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2) return d * v;
    if (logAcceptance(u, z2, d, v)) return d * v;
  }
  rejectionFailed = true;
  return NaN;
}

/** logGammaVariate of gamma.ts: log G, G ~ Gamma(shape, 1). */
export function logGammaVariate(shape: f64): f64 {
  if (shape >= 1) return detLog(marsagliaTsang(shape));
  const boosted = marsagliaTsang(shape + 1);
  return detLog(boosted) + detLog(uniform()) / shape;
}

/** gamma(rng, shape, scale) of gamma.ts for finite shape > 0, finite scale > 0. */
// @ts-ignore: decorator
@inline
export function gamma(shape: f64, scale: f64): f64 {
  if (shape >= 1) return scale * marsagliaTsang(shape);
  return gammaSmallShape(shape, scale);
}

function gammaSmallShape(shape: f64, scale: f64): f64 {
  return detExp(logGammaVariate(shape) + detLog(scale));
}

/** betaPair of beta.ts: X ~ Beta(a, b) and 1 − X, each to full relative precision. */
export let betaX: f64 = 0;
export let betaComplement: f64 = 0;
export function betaPair(a: f64, b: f64): void {
  if (a >= 1 && b >= 1) {
    const ga = 1 * marsagliaTsang(a);
    const gb = 1 * marsagliaTsang(b);
    const sum = ga + gb;
    betaX = ga / sum;
    betaComplement = gb / sum;
    return;
  }
  const logGa = logGammaVariate(a);
  const logGb = logGammaVariate(b);
  const delta = logGb - logGa;
  betaX = 1 / (1 + detExp(delta));
  betaComplement = 1 / (1 + detExp(-delta));
}
