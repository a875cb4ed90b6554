/**
 * Deterministic elementary functions: the same bits on every JavaScript engine.
 *
 * ECMAScript specifies +, −, ×, ÷, Math.sqrt, Math.abs, Math.floor/round/trunc/min/max and
 * Math.fround exactly (IEEE 754 round-to-nearest), but Math.log, exp, pow, sin, cos, atan2,
 * hypot, … are "implementation-approximated" and do differ in the last bit between engines and
 * engine versions. The functions below use only the exactly specified operations and exact bit
 * manipulation of doubles (a Float64Array/Uint32Array view, with the word order detected at load
 * time), so the samplers built on them reproduce bit for bit on every platform. JavaScript never
 * contracts a·b + c into a fused multiply-add, so every expression below is evaluated exactly as
 * written.
 *
 * The methods are the classical ones of Sun's fdlibm (1993; the algorithm descriptions in
 * e_log.c, s_log1p.c, e_exp.c, s_expm1.c, k_sin.c, k_cos.c, e_rem_pio2.c, s_atan.c, e_atan2.c,
 * whose published minimax coefficients are used): Cody–Waite argument reduction with a
 * multi-part constant (Cody & Waite, Software Manual for the Elementary Functions, 1980) and a
 * minimax polynomial or rational kernel, each with error < 1 ulp. Huge trigonometric arguments
 * are reduced exactly with Payne & Hanek's method (SIGNUM Newsletter 18:19, 1983) using BigInt
 * bits of 2/π. pow and hypot use double-double arithmetic (Dekker, Numer. Math. 18:224, 1971).
 */

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
F64[0] = 1;
/** Index in U32 of the high (sign/exponent) word of F64[0]: 1 on little-endian machines. */
const HI = U32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;
/**
 * Second results of the internal helpers (reduced mantissa, double-double parts, remainders).
 * Kept in a typed array: a module-level `let` holding a double would be re-boxed on every write.
 */
const OUT = new Float64Array(6);
const REDUCED_F = 0;
const DD_HI = 1;
const DD_LO = 2;
const REM_HI = 3;
const REM_LO = 4;
const ATAN_TAIL = 5;

/** The high 32 bits (sign, exponent, top 20 mantissa bits) of x; leaves x in F64[0]. */
function highWord(x: number): number {
  F64[0] = x;
  return U32[HI];
}

/**
 * POW2[k + 1074] = 2^k for k = −1074..1023, filled by exact doublings and halvings. A table load
 * is faster than assembling the bits (a 32-bit store followed by a 64-bit load of the same
 * memory defeats store forwarding).
 */
const POW2 = new Float64Array(2098);
for (let i = 1074, v = 1; i < 2098; i++, v *= 2) POW2[i] = v;
for (let i = 1073, v = 0.5; i >= 0; i--, v *= 0.5) POW2[i] = v;

/** 2^k for an integer k in [−1074, 1023]. */
function pow2(k: number): number {
  return POW2[k + 1074];
}

const TWO_M1000 = 9.332636185032189e-302; // 2^-1000
const TWO_P1023 = 8.98846567431158e307; // 2^1023
const TWO_P54 = 18014398509481984; // 2^54
const TWO_M54 = 5.551115123125783e-17; // 2^-54
const TWO_P64 = 18446744073709552000; // 2^64
/** Veltkamp's splitting constant 2^27 + 1 (Dekker 1971). */
const SPLITTER = 134217729;

/**
 * y·2^k for an integer k in [−1075, 1024] and y of order 1, rounded once (as fdlibm's exp):
 * exact unless the result overflows or is subnormal.
 */
function scaleByPowerOfTwo(y: number, k: number): number {
  if (k > 1023) return y * 2 * TWO_P1023;
  if (k >= -1021) return y * pow2(k);
  return y * pow2(k + 1000) * TWO_M1000;
}

/**
 * 2^k, exactly, for an integer k in [−1074, 1023] (built from the bits of the double, no pow).
 * Throws RangeError otherwise.
 */
export function powerOfTwo(k: number): number {
  if (!Number.isInteger(k) || k < -1074 || k > 1023) {
    throw new RangeError(`powerOfTwo: k must be an integer in [-1074, 1023], got ${k}`);
  }
  return pow2(k);
}

/**
 * ⌊log₂|x|⌋, exactly, for finite x ≠ 0 (the unbiased binary exponent, IEEE 754 logb; subnormals
 * included). Throws RangeError for 0, ±Infinity and NaN.
 */
export function floorLog2(x: number): number {
  if (x === 0 || !Number.isFinite(x)) {
    throw new RangeError(`floorLog2: x must be finite and nonzero, got ${x}`);
  }
  const e = (highWord(x) >>> 20) & 0x7ff;
  if (e === 0) return ((highWord(x * TWO_P54) >>> 20) & 0x7ff) - 1023 - 54;
  return e - 1023;
}

// ---------------------------------------------------------------------------------------------
// Logarithms (fdlibm e_log.c / s_log1p.c method).

/** ln 2 = LN2_HI + LN2_LO; LN2_HI has 32 significant bits, so k·LN2_HI is exact for |k| < 2^21. */
const LN2_HI = 0.6931471803691238; // 0x3FE62E42 FEE00000
const LN2_LO = 1.9082149292705877e-10; // 0x3DEA39EF 35793C76
// Minimax R(z) ≈ (log(1+f) − 2s)/s, s = f/(2+f), z = s², on [0, 0.1716²], error < 2^-58.45.
const LG1 = 0.6666666666666735; // 0x3FE55555 55555593
const LG2 = 0.3999999999940942; // 0x3FD99999 9997FA04
const LG3 = 0.2857142874366239; // 0x3FD24924 94229359
const LG4 = 0.22222198432149784; // 0x3FCC71C5 1D8E78AF
const LG5 = 0.1818357216161805; // 0x3FC74664 96CB03DE
const LG6 = 0.15313837699209373; // 0x3FC39A09 D078C69F
const LG7 = 0.14798198605116586; // 0x3FC2F112 DF3E5244

/**
 * For finite x > 0, returns k and writes f = m − 1 into OUT[REDUCED_F], where x = 2^k·m and
 * m ∈ [0.7071, 1.4142) (m >= 1.41421127… goes to the lower half: adding 0x95f64 to the high word
 * carries into the exponent exactly then, the branch-free test of fdlibm e_log.c).
 */
function reduceLog(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    x *= TWO_P54; // subnormal: scale up
    hx = highWord(x);
    k = -54;
  }
  const e = ((hx + 0x95f64) >>> 20) - 1023;
  OUT[REDUCED_F] = x * pow2(-e) - 1; // exact
  return k + e;
}

/**
 * k·ln2 + log(1+f) + c for f ∈ [√2/2 − 1, √2 − 1) and a small correction c: with s = f/(2+f),
 * log(1+f) = 2s + s·R(s²) = f − (f²/2 − s(f²/2 + R)) (fdlibm e_log.c, step 2).
 */
function logReduced(k: number, f: number, c: number): number {
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const r = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + (k * LN2_LO + c)) - f);
}

/**
 * Natural logarithm log x, error < 1 ulp, bit-identical on every engine: x = 2^k·m with
 * m ∈ [√2/2, √2), log x = k·ln2 + log m with log m from a minimax polynomial in s = (m−1)/(m+1)
 * (fdlibm e_log.c method). log(±0) = −Infinity, log(x < 0) = NaN, log(+Infinity) = +Infinity.
 */
export function detLog(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  const k = reduceLog(x);
  return logReduced(k, OUT[REDUCED_F], 0);
}

const TWO_M29 = 1.862645149230957e-9;

/**
 * log(1 + x), error < 1 ulp, accurate for tiny x, bit-identical on every engine: u = 1 + x is
 * reduced as in detLog and the rounding error c = (1 + x) − u enters as log(u) + c/u (fdlibm
 * s_log1p.c method). log1p(−1) = −Infinity, NaN for x < −1.
 */
export function detLog1p(x: number): number {
  if (!(x >= -1)) return Number.NaN;
  if (x === -1) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return x;
  const ax = Math.abs(x);
  if (ax < TWO_M29) {
    if (ax < TWO_M54) return x; // keeps −0
    return x - x * x * 0.5;
  }
  const u = 1 + x;
  // Exact rounding error of u (Sterbenz: u − x is exact for x >= 1, u − 1 for u in [1/2, 2]).
  const c = x >= 1 ? 1 - (u - x) : x - (u - 1);
  const k = reduceLog(u);
  return logReduced(k, OUT[REDUCED_F], c / u);
}

// ---------------------------------------------------------------------------------------------
// Exponentials (fdlibm e_exp.c / s_expm1.c method).

const INV_LN2 = Math.LOG2E; // 0x3FF71547 652B82FE (exactly specified: the double nearest 1/ln 2)
const HALF_LN2 = 0.34657359027997264;
const EXP_OVERFLOW = 709.782712893384; // 0x40862E42 FEFA39EF
const EXP_UNDERFLOW = -745.1332191019411; // 0xC0874910 D52D3051
// Minimax for R(z) = r·(e^r + 1)/(e^r − 1) ≈ 2 + P1 z + … + P5 z⁵ on [0, 0.3466²], error < 2^-59.
const P1 = 0.16666666666666602; // 0x3FC55555 5555553E
const P2 = -0.0027777777777015593; // 0xBF66C16C 16BEBD93
const P3 = 0.00006613756321437934; // 0x3F11566A AF25DE2C
const P4 = -0.0000016533902205465252; // 0xBEBBBD41 C5D26BF1
const P5 = 4.1381367970572385e-8; // 0x3E663769 72BEA4D0
const TWO_M28 = 3.725290298461914e-9;

/**
 * 2^k·exp(hi − lo) for |hi − lo| ≲ ½ln2, with lo a small tail: exp(r) = 1 + r + r·c/(2 − c),
 * c = r − r²(P1 + … + P5 r⁸), evaluated as 1 − ((lo − r·c/(2 − c)) − hi) (fdlibm e_exp.c, step 2).
 */
function expReduced(hi: number, lo: number, k: number): number {
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  return k === 0 ? y : scaleByPowerOfTwo(y, k);
}

/**
 * Exponential e^x, error < 1 ulp, bit-identical on every engine: x = k·ln2 + r with |r| ≤ ½ln2
 * (Cody–Waite, ln2 in two parts), e^r from a minimax rational kernel, then the exact scaling by
 * 2^k (fdlibm e_exp.c method). Overflows to +Infinity above 709.78…, underflows to 0 below −745.13….
 */
export function detExp(x: number): number {
  if (!(x <= EXP_OVERFLOW)) return Number.isNaN(x) ? x : Number.POSITIVE_INFINITY;
  if (x < EXP_UNDERFLOW) return 0;
  const ax = Math.abs(x);
  if (ax <= HALF_LN2) {
    if (ax < TWO_M28) return 1 + x;
    return expReduced(x, 0, 0);
  }
  if (x === 1) return Math.E; // the kernel gives e rounded up by one ulp; prefer the nearest
  const k = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
  return expReduced(x - k * LN2_HI, k * LN2_LO, k);
}

// Minimax R1(z) ≈ 1 + Q1 z + … + Q5 z⁵ for r(e^r + 1)/(e^r − 1) = 2 + r²/6·R1(r²), scaled for z = r²/2.
const Q1 = -0.03333333333333313; // 0xBFA11111 111110F4
const Q2 = 0.0015873015872548146; // 0x3F5A01A0 19FE5585
const Q3 = -0.0000793650757867488; // 0xBF14CE19 9EAADBB7
const Q4 = 0.000004008217827329362; // 0x3ED0CFCA 86E65239
const Q5 = -2.0109921818362437e-7; // 0xBE8AFDB7 6E09C32D
const EXPM1_SATURATION = -38.816242111356935; // −56·ln2: below, e^x − 1 rounds to −1

/**
 * e^x − 1, error < 1 ulp, accurate for tiny x, bit-identical on every engine: x = k·ln2 + r with
 * the reduction error kept as a correction c, expm1(r) = r + r²/2 + r³/2·(3 − (R1 + R1·r/2))/(6 −
 * r(3 − R1·r/2)), then 2^k(expm1(r) + 1) − 1 rearranged per k to avoid cancellation (fdlibm
 * s_expm1.c method). expm1(−Infinity) = −1.
 */
export function detExpm1(x: number): number {
  if (!(x <= EXP_OVERFLOW)) return Number.isNaN(x) ? x : Number.POSITIVE_INFINITY;
  if (x < EXPM1_SATURATION) return -1;
  const ax = Math.abs(x);
  let k = 0;
  let r = x;
  let c = 0;
  if (ax > HALF_LN2) {
    k = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
    const hi = x - k * LN2_HI;
    const lo = k * LN2_LO;
    r = hi - lo;
    c = hi - r - lo;
  } else if (ax < TWO_M54) {
    return x; // keeps −0
  }
  const hfx = 0.5 * r;
  const hxs = r * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - r * t));
  if (k === 0) return r - (r * e - hxs);
  e = r * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (r - e) - 0.5;
  if (k === 1) return r < -0.25 ? -2 * (e - (r + 0.5)) : 1 + 2 * (r - e);
  if (k <= -2 || k > 56) return scaleByPowerOfTwo(1 - (e - r), k) - 1;
  if (k < 20) return (1 - pow2(-k) - (e - r)) * pow2(k);
  return (r - (e + pow2(-k)) + 1) * pow2(k);
}

// ---------------------------------------------------------------------------------------------
// Double-double helpers (Dekker 1971): exact products and sums, results in OUT[DD_HI]/OUT[DD_LO].

/** a·b = OUT[DD_HI] + OUT[DD_LO] exactly (Dekker's product with Veltkamp splitting, no FMA); |a|,|b| < 2^996. */
function twoProduct(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  OUT[DD_HI] = p;
  OUT[DD_LO] = ah * bh - p + ah * bl + al * bh + al * bl;
}

// ---------------------------------------------------------------------------------------------
// Powers and roots.

/**
 * log|x| as the double-double OUT[DD_HI] + OUT[DD_LO] with relative error ~2^-64, for finite x > 0:
 * log m = 2 atanh s = 2s + (2/3)s³ + s⁵·Σ_{j≥0} 2s^{2j}/(2j+5), s = (m−1)/(m+1), |s| ≤ 0.1716,
 * with 2s and (2/3)s³ in double-double and the rest (relative size < 2^-12) in double.
 */
function logDoubleDouble(x: number): void {
  const k = reduceLog(x);
  const f = OUT[REDUCED_F];
  const d = 2 + f;
  const dl = 2 - d + f; // d + dl = 2 + f exactly
  const sh = f / d;
  twoProduct(sh, d);
  const sl = (f - OUT[DD_HI] - OUT[DD_LO] - sh * dl) / d; // s = sh + sl
  // s² and s³ in double-double.
  twoProduct(sh, sh);
  const zh = OUT[DD_HI];
  const zl = OUT[DD_LO] + 2 * sh * sl;
  twoProduct(zh, sh);
  const ch = OUT[DD_HI];
  const cl = OUT[DD_LO] + zh * sl + zl * sh;
  // (2/3)s³ = 2c/3 in double-double.
  const qh = (2 * ch) / 3;
  twoProduct(3, qh);
  const ql = (2 * ch - OUT[DD_HI] - OUT[DD_LO] + 2 * cl) / 3;
  // Taylor tail s⁵(2/5 + 2z/7 + …), truncated where z^j/(2j+5) < 2^-66 (z ≤ 0.02944).
  const z = zh;
  let series = 2 / 27;
  for (let j = 10; j >= 0; j--) series = 2 / (2 * j + 5) + z * series;
  const tail = sh * z * z * series;
  // Sum k·ln2 + 2s + (2/3)s³ + tail, largest parts first, into hi + lo.
  const a = k * LN2_HI; // exact
  const b = 2 * sh;
  const s1 = a + b;
  const e1 = Math.abs(a) >= Math.abs(b) ? a - s1 + b : b - s1 + a;
  const s2 = s1 + qh;
  const e2 = Math.abs(s1) >= Math.abs(qh) ? s1 - s2 + qh : qh - s2 + s1;
  const low = e1 + e2 + (k * LN2_LO + 2 * sl + ql + tail);
  OUT[DD_HI] = s2 + low;
  OUT[DD_LO] = s2 - OUT[DD_HI] + low;
}

/** True if y is an odd integer (then (−x)^y = −x^y). */
function isOddInteger(y: number): boolean {
  return Number.isInteger(y) && y % 2 !== 0;
}

/**
 * x^y with the special values of ECMAScript's Number::exponentiate (e.g. 1^NaN = NaN,
 * (±1)^±Infinity = NaN, (negative)^(non-integer) = NaN), error < 1 ulp, bit-identical on every
 * engine: |x|^y = exp(y·log|x|) with log|x| and the product in double-double (relative error
 * ~2^-64, so even |y·log x| ≈ 700 costs < 0.1 ulp), then the exp kernel of detExp on the
 * double-double argument. Cf. fdlibm e_pow.c (which computes log₂ in extra precision instead).
 */
export function detPow(x: number, y: number): number {
  if (Number.isNaN(y)) return Number.NaN;
  if (y === 0) return 1;
  if (Number.isNaN(x)) return Number.NaN;
  const ax = Math.abs(x);
  if (y === Number.POSITIVE_INFINITY || y === Number.NEGATIVE_INFINITY) {
    if (ax === 1) return Number.NaN;
    return ax > 1 === y > 0 ? Number.POSITIVE_INFINITY : 0;
  }
  const negative = x < 0 || (x === 0 && 1 / x < 0);
  if (ax === 0 || ax === Number.POSITIVE_INFINITY) {
    const big = ax === 0 ? y < 0 : y > 0;
    const value = big ? Number.POSITIVE_INFINITY : 0;
    return negative && isOddInteger(y) ? -value : value;
  }
  let sign = 1;
  if (x < 0) {
    if (!Number.isInteger(y)) return Number.NaN;
    if (y % 2 !== 0) sign = -1;
  }
  if (ax === 1) return sign;
  logDoubleDouble(ax);
  const lh = OUT[DD_HI];
  if (Math.abs(y) > TWO_P64) {
    // |log x| >= 2^-53 for x ≠ 1, so |y·log x| > 2^11: certain overflow or underflow.
    return y > 0 === lh > 0 ? sign * Number.POSITIVE_INFINITY : sign * 0;
  }
  const ll = OUT[DD_LO];
  twoProduct(y, lh);
  let ph = OUT[DD_HI];
  let pl = OUT[DD_LO] + y * ll;
  const p = ph + pl; // renormalise
  pl = ph - p + pl;
  ph = p;
  if (ph > EXP_OVERFLOW + 1e-6) return sign * Number.POSITIVE_INFINITY;
  if (ph < EXP_UNDERFLOW - 1e-6) return sign * 0;
  let k = 0;
  if (Math.abs(ph) > HALF_LN2) k = Math.trunc(INV_LN2 * ph + (ph < 0 ? -0.5 : 0.5));
  // exp(ph + pl) = 2^k·exp(hi − lo) with hi = ph − k·ln2_hi (exact), lo = k·ln2_lo − pl.
  return sign * expReduced(ph - k * LN2_HI, k * LN2_LO - pl, k);
}

/**
 * Cube root ∛x, nearly correctly rounded (error < 0.51 ulp), bit-identical on every engine:
 * x = 2^{3q}·t with t ∈ [1, 8), three steps of Halley's iteration y ← y(y³ + 2t)/(2y³ + t) from a
 * piecewise constant start, and a last Newton step with the residual y³ − t computed exactly in
 * double-double (Dekker 1971). Preserves ±0, ±Infinity, NaN.
 */
export function detCbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  let ax = Math.abs(x);
  let shift = 0;
  if (ax < 2.2250738585072014e-308) {
    ax *= TWO_P54; // subnormal: ∛(2^54) = 2^18
    shift = -18;
  }
  const e = ((highWord(ax) >>> 20) & 0x7ff) - 1023;
  const q = Math.floor(e / 3);
  const t = ax * pow2(-3 * q); // ∈ [1, 8), exact
  let y = t < 3.375 ? (t < 1.728 ? 1.1 : 1.35) : t < 5.832 ? 1.65 : 1.9;
  for (let i = 0; i < 3; i++) {
    const y3 = y * y * y;
    y *= (y3 + 2 * t) / (2 * y3 + t); // Halley: relative error 0.1 → ~1e-3 → ~1e-9 → rounding
  }
  twoProduct(y, y);
  const y2h = OUT[DD_HI];
  const y2l = OUT[DD_LO];
  twoProduct(y2h, y);
  const residual = OUT[DD_HI] - t + OUT[DD_LO] + y2l * y; // y³ − t (OUT[DD_HI] − t is exact, Sterbenz)
  y -= residual / (3 * y2h);
  const root = y * pow2(q + shift);
  return x < 0 ? -root : root;
}

/**
 * √(x² + y²) without overflow or underflow (ECMAScript Math.hypot for two arguments: +Infinity
 * if either is infinite, else NaN if either is NaN), nearly correctly rounded, bit-identical on
 * every engine (subnormal results are rounded twice: error < 1 ulp there): scale by an exact
 * power of two, r = √(a² + b²), then one correction r + (a² + b² − r²)/(2r) with the squares and r²
 * in double-double (cf. Borges, "An improved
 * algorithm for hypot(a, b)", arXiv:1904.09481, 2019).
 */
export function detHypot(x: number, y: number): number {
  let a = Math.abs(x);
  let b = Math.abs(y);
  if (a === Number.POSITIVE_INFINITY || b === Number.POSITIVE_INFINITY) {
    return Number.POSITIVE_INFINITY;
  }
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  if (a < b) {
    const swap = a;
    a = b;
    b = swap;
  }
  if (b === 0 || b < a * 8.673617379884035e-19) return a; // b/a < 2^-60: a² + b² rounds to a²
  // Scale a into [1, 2): exact (two steps when 2^-e is not representable).
  const e = floorLog2(a);
  const half = e >> 1;
  const s1 = pow2(-half);
  const s2 = pow2(half - e);
  a = a * s1 * s2;
  b = b * s1 * s2;
  twoProduct(a, a);
  const ah = OUT[DD_HI];
  const al = OUT[DD_LO];
  twoProduct(b, b);
  const sum = ah + OUT[DD_HI]; // a² >= b²: Fast2Sum
  const low = OUT[DD_HI] - (sum - ah) + al + OUT[DD_LO];
  const r = Math.sqrt(sum);
  twoProduct(r, r);
  const root = r + (sum - OUT[DD_HI] - OUT[DD_LO] + low) / (2 * r);
  return e >= -1022 ? root * pow2(half) * pow2(e - half) : root * pow2(e + 54) * TWO_M54;
}

// ---------------------------------------------------------------------------------------------
// Trigonometric functions (fdlibm k_sin.c, k_cos.c, e_rem_pio2.c methods).

// sin x ≈ x + S1 x³ + … + S6 x¹³ on [−π/4, π/4], relative error < 2^-58.
const S1 = -0.16666666666666632; // 0xBFC55555 55555549
const S2 = 0.00833333333332249; // 0x3F811111 1110F8A6
const S3 = -0.0001984126982985795; // 0xBF2A01A0 19C161D5
const S4 = 0.0000027557313707070068; // 0x3EC71DE3 57B1FE7D
const S5 = -2.5050760253406863e-8; // 0xBE5AE5E6 8A2B9CEB
const S6 = 1.58969099521155e-10; // 0x3DE5D93A 5ACFD57C
// cos x ≈ 1 − x²/2 + C1 x⁴ + … + C6 x¹⁴ on [−π/4, π/4], error < 2^-58.
const C1 = 0.0416666666666666; // 0x3FA55555 5555554C
const C2 = -0.001388888888887411; // 0xBF56C16C 16C15177
const C3 = 0.00002480158728947673; // 0x3EFA01A0 19CB1590
const C4 = -2.7557314351390663e-7; // 0xBE927E4F 809C52AD
const C5 = 2.087572321298175e-9; // 0x3E21EE9E BDB4B1C4
const C6 = -1.1359647557788195e-11; // 0xBDA8FAE9 BE8838D4

/** sin(x + y) for |x| ≤ ~π/4 and a tail |y| ≤ ulp(x)/2: sin x + (1 − x²/2)·y (fdlibm k_sin.c). */
function sinKernel(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** cos(x + y) for |x| ≤ ~π/4 and a tail y: cos x − x·y, 1 − x²/2 summed exactly (fdlibm k_cos.c). */
function cosKernel(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const v = 1 - hz;
  return v + (1 - v - hz + (z * r - x * y));
}

const PIO4 = 0.7853981633974483;
const TWO_M27 = 7.450580596923828e-9;
const INV_PIO2 = 0.6366197723675814; // 0x3FE45F30 6DC9C883
// π/2 in 33-bit pieces with 53-bit tails (Cody–Waite): fn·PIO2_k is exact for fn < 2^20.
const PIO2_1 = 1.5707963267341256; // 0x3FF921FB 54400000
const PIO2_1T = 6.077100506506192e-11; // 0x3DD0B461 1A626331
const PIO2_2 = 6.077100506303966e-11; // 0x3DD0B461 1A600000
const PIO2_2T = 2.0222662487959506e-21; // 0x3BA3198A 2E037073
const PIO2_3 = 2.0222662487111665e-21; // 0x3BA3198A 2E000000
const PIO2_3T = 8.4784276603689e-32; // 0x397B839A 252049C1
const MEDIUM_LIMIT = 1647099; // < 2^20·π/2
const ROUND_MAGIC = 6755399441055744; // 1.5·2^52: (t + M) − M rounds |t| < 2^51 to an integer
const TWO_M16 = 0.0000152587890625;
const TWO_M49 = 1.7763568394002505e-15;
const PIO2_HI = 1.5707963267948966; // 0x3FF921FB 54442D18
const PIO2_LO = 6.123233995736766e-17; // 0x3C91A626 33145C07

/**
 * n mod 4 (any integer ≡ n) with x − n·π/2 = OUT[REM_HI] + OUT[REM_LO] for finite |x| > π/4: Cody–Waite
 * with up to three 33-bit pieces of π/2 below 2^20·π/2 (fdlibm e_rem_pio2.c, "medium"), exact
 * Payne–Hanek reduction above.
 */
function reduceHalfPi(x: number): number {
  const ax = Math.abs(x);
  if (ax >= MEDIUM_LIMIT) return reduceHalfPiLarge(x);
  const fn = x * INV_PIO2 + ROUND_MAGIC - ROUND_MAGIC;
  let r = x - fn * PIO2_1; // exact
  let w = fn * PIO2_1T;
  let y0 = r - w;
  if (Math.abs(y0) < ax * TWO_M16) {
    // Cancellation: second step, good to ~118 bits.
    let t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - (t - r - w);
    y0 = r - w;
    if (Math.abs(y0) < ax * TWO_M49) {
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - (t - r - w);
      y0 = r - w;
    }
  }
  OUT[REM_HI] = y0;
  OUT[REM_LO] = r - y0 - w;
  return fn;
}

/** Bits of 2/π kept by Payne–Hanek reduction (enough for every double: 971 + 53 + 200 + margin). */
const TWO_OVER_PI_BITS = 1300;
let twoOverPiBits: bigint | undefined;

/** Σ_{k≥0} (−1)^k·one/((2k+1)n^{2k+1}) = one·atan(1/n), truncated fixed point. */
function arctanReciprocal(n: bigint, one: bigint): bigint {
  const n2 = n * n;
  let power = one / n;
  let sum = power;
  for (let k = 1n; power !== 0n; k++) {
    power /= n2;
    const term = power / (2n * k + 1n);
    sum += k % 2n === 1n ? -term : term;
  }
  return sum;
}

/**
 * ⌊2^1300·2/π⌋ as a BigInt, computed once from Machin's formula π = 16 atan(1/5) − 4 atan(1/239)
 * in fixed point with 1400 bits (the truncation errors, ~10³ units of 2^-1400, do not matter).
 */
function twoOverPi(): bigint {
  if (twoOverPiBits === undefined) {
    const guard = 1400n;
    const one = 1n << guard;
    const pi = 16n * arctanReciprocal(5n, one) - 4n * arctanReciprocal(239n, one);
    twoOverPiBits = (1n << (BigInt(TWO_OVER_PI_BITS) + guard + 1n)) / pi;
  }
  return twoOverPiBits;
}

/**
 * Payne–Hanek reduction for |x| >= 2^20·π/2: with x = m·2^e (m < 2^53 an integer),
 * x·2/π = m·⌊2^1300·2/π⌋·2^{e−1300} in exact integer arithmetic (error < 2^-200 quadrants), split
 * into the quadrant and a fraction in [−1/2, 1/2) whose top 200 bits give OUT[REM_HI] + OUT[REM_LO] after
 * multiplication by π/2 in double-double.
 */
function reduceHalfPiLarge(x: number): number {
  const ax = Math.abs(x);
  const hx = highWord(ax);
  const lx = U32[LO];
  const e = ((hx >>> 20) & 0x7ff) - 1075;
  const m = (BigInt((hx & 0xfffff) | 0x100000) << 32n) | BigInt(lx);
  const product = m * twoOverPi();
  const shift = BigInt(TWO_OVER_PI_BITS - e); // >= 300
  let quadrant = Number((product >> shift) & 3n);
  let fraction = product & ((1n << shift) - 1n);
  if (fraction >= 1n << (shift - 1n)) {
    fraction -= 1n << shift;
    quadrant += 1;
  }
  const top = fraction >> (shift - 200n); // fraction·2^200, floor
  const gh = Number(top);
  const gl = Number(top - BigInt(gh));
  twoProduct(gh, PIO2_HI);
  const p = OUT[DD_HI];
  const tail = OUT[DD_LO] + gh * PIO2_LO + gl * PIO2_HI;
  const yh = p + tail;
  const yl = p - yh + tail;
  const scale = pow2(-200); // exact: the remainder is > 2^-70 in magnitude
  if (x < 0) {
    OUT[REM_HI] = -yh * scale;
    OUT[REM_LO] = -yl * scale;
    return -quadrant;
  }
  OUT[REM_HI] = yh * scale;
  OUT[REM_LO] = yl * scale;
  return quadrant;
}

/**
 * sin x, error < 1 ulp, bit-identical on every engine, for every double x: reduction to
 * x − nπ/2 ∈ [−π/4, π/4] (exact for all x: Cody–Waite, Payne–Hanek for |x| >= 2^20·π/2) and
 * minimax kernels for sin and cos (fdlibm k_sin.c/k_cos.c method). sin(±Infinity) = NaN.
 */
export function detSin(x: number): number {
  const ax = Math.abs(x);
  if (ax <= PIO4) {
    if (ax < TWO_M27) return x; // keeps −0
    const z = x * x;
    const r = S2 + z * (S3 + z * S4) + z * (z * z) * (S5 + z * S6);
    return x + z * x * (S1 + z * r);
  }
  if (!(ax < Number.POSITIVE_INFINITY)) return Number.NaN;
  const n = reduceHalfPi(x) & 3;
  if (n === 0) return sinKernel(OUT[REM_HI], OUT[REM_LO]);
  if (n === 1) return cosKernel(OUT[REM_HI], OUT[REM_LO]);
  if (n === 2) return -sinKernel(OUT[REM_HI], OUT[REM_LO]);
  return -cosKernel(OUT[REM_HI], OUT[REM_LO]);
}

/**
 * cos x, error < 1 ulp, bit-identical on every engine, for every double x (reduction as in
 * detSin; fdlibm k_cos.c kernel). cos(±Infinity) = NaN.
 */
export function detCos(x: number): number {
  const ax = Math.abs(x);
  if (ax <= PIO4) {
    if (ax < TWO_M27) return 1;
    return cosKernel(x, 0);
  }
  if (!(ax < Number.POSITIVE_INFINITY)) return Number.NaN;
  const n = reduceHalfPi(x) & 3;
  if (n === 0) return cosKernel(OUT[REM_HI], OUT[REM_LO]);
  if (n === 1) return -sinKernel(OUT[REM_HI], OUT[REM_LO]);
  if (n === 2) return -cosKernel(OUT[REM_HI], OUT[REM_LO]);
  return sinKernel(OUT[REM_HI], OUT[REM_LO]);
}

// ---------------------------------------------------------------------------------------------
// Inverse tangent (fdlibm s_atan.c / e_atan2.c method).

// atan at the break points 1/2, 1, 3/2, ∞ in two parts.
const ATAN_HI = [
  0.4636476090008061, // 0x3FDDAC67 0561BB4F
  0.7853981633974483, // 0x3FE921FB 54442D18
  0.982793723247329, // 0x3FEF730B D281F69B
  1.5707963267948966, // 0x3FF921FB 54442D18
];
const ATAN_LO = [
  2.2698777452961687e-17, // 0x3C7A2B7F 222F65E2
  3.061616997868383e-17, // 0x3C81A626 33145C07
  1.3903311031230998e-17, // 0x3C700788 7AF0CBBD
  6.123233995736766e-17, // 0x3C91A626 33145C07
];
// atan t ≈ t − t³(A0 + A1 t² + … + A10 t²⁰) on [0, 7/16].
const A0 = 0.3333333333333293; // 0x3FD55555 5555550D
const A1 = -0.19999999999876483; // 0xBFC99999 9998EBC4
const A2 = 0.14285714272503466; // 0x3FC24924 920083FF
const A3 = -0.11111110405462356; // 0xBFBC71C6 FE231671
const A4 = 0.09090887133436507; // 0x3FB745CD C54C206E
const A5 = -0.0769187620504483; // 0xBFB3B0F2 AF749A6D
const A6 = 0.06661073137387531; // 0x3FB10D66 A0D03D51
const A7 = -0.058335701337905735; // 0xBFADDE2D 52DEFD9A
const A8 = 0.049768779946159324; // 0x3FA97B4B 24760DEB
const A9 = -0.036531572744216916; // 0xBFA2B444 2C6A6C2F
const A10 = 0.016285820115365782; // 0x3F90AD3A E322DA11
const TWO_P66 = 73786976294838210000;

/**
 * atan(a + δ) for a >= 0 (not NaN) and a tiny δ, entering as δ/(1 + a²) beside the low part of the
 * break-point value; the rounding error of the result is left in OUT[ATAN_TAIL]: |a| is reduced to |t| ≤ 7/16 by atan a = atan c + atan((a − c)/(1 + ca)),
 * c ∈ {0, 1/2, 1, 3/2, ∞}, and atan t comes from an odd minimax polynomial (fdlibm s_atan.c).
 */
function atanReduced(a: number, delta: number): number {
  if (a >= TWO_P66) {
    OUT[ATAN_TAIL] = 0;
    return ATAN_HI[3] + ATAN_LO[3];
  }
  let id: number;
  let t: number;
  if (a < 0.4375) {
    id = -1;
    t = a;
  } else if (a < 0.6875) {
    id = 0;
    t = (2 * a - 1) / (2 + a);
  } else if (a < 1.1875) {
    id = 1;
    t = (a - 1) / (a + 1);
  } else if (a < 2.4375) {
    id = 2;
    t = (a - 1.5) / (1 + 1.5 * a);
  } else {
    id = 3;
    t = -1 / a;
  }
  const correction = delta === 0 ? 0 : delta / (1 + a * a);
  const z = t * t;
  const w = z * z;
  const odd = z * (A0 + w * (A2 + w * (A4 + w * (A6 + w * (A8 + w * A10)))));
  const even = w * (A1 + w * (A3 + w * (A5 + w * (A7 + w * A9))));
  if (id < 0) {
    const u = t * (odd + even) - correction;
    const v = t - u;
    OUT[ATAN_TAIL] = t - v - u;
    return v;
  }
  // ATAN_HI − (u − t) with the rounding errors of both subtractions kept in OUT[ATAN_TAIL].
  const u = t * (odd + even) - (ATAN_LO[id] + correction);
  const d = u - t;
  const de = Math.abs(u) >= Math.abs(t) ? u - d - t : u - (d + t);
  const v = ATAN_HI[id] - d;
  OUT[ATAN_TAIL] = ATAN_HI[id] - v - d - de;
  return v;
}

/**
 * Arctangent atan x ∈ [−π/2, π/2], error < 1 ulp, bit-identical on every engine (fdlibm s_atan.c
 * method: reduction by atan c + atan((x − c)/(1 + cx)), odd minimax polynomial).
 */
export function detAtan(x: number): number {
  if (Number.isNaN(x)) return x;
  const ax = Math.abs(x);
  if (ax < TWO_M27) return x; // keeps −0
  const value = atanReduced(ax, 0);
  return x < 0 ? -value : value;
}

const PI = Math.PI; // 0x400921FB 54442D18
const PI_LO = 1.2246467991473532e-16; // π − PI, 0x3CA1A626 33145C07
const PIO2 = 1.5707963267948966;
const TWO_P60 = 1152921504606847000;
const TWO_M60 = 8.673617379884035e-19;

/** True for −0 and negative numbers (the sign bit of a non-NaN x). */
function signBit(x: number): boolean {
  return x < 0 || (x === 0 && 1 / x < 0);
}

/**
 * atan2(y, x) ∈ [−π, π], the angle of the point (x, y), with the signed-zero and infinity
 * conventions of ECMAScript/C99 Annex F, error < 1 ulp, bit-identical on every engine:
 * atan|y/x| as in detAtan, with the rounding error of y/x (exact in double-double) carried into the
 * kernel, then π − (z − π_lo) etc. by quadrant (fdlibm e_atan2.c method).
 */
export function detAtan2(y: number, x: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  if (x === 1) return detAtan(y);
  const yNeg = signBit(y);
  const xNeg = signBit(x);
  const ay = Math.abs(y);
  const ax = Math.abs(x);
  if (ay === 0) return xNeg ? (yNeg ? -PI : PI) : y;
  if (ax === 0) return yNeg ? -PIO2 : PIO2;
  if (ax === Number.POSITIVE_INFINITY) {
    if (ay === Number.POSITIVE_INFINITY) {
      const angle = xNeg ? 3 * PIO4 : PIO4;
      return yNeg ? -angle : angle;
    }
    const angle = xNeg ? PI : 0;
    return yNeg ? -angle : angle;
  }
  if (ay === Number.POSITIVE_INFINITY) return yNeg ? -PIO2 : PIO2;
  // Scale ax into [1, 2) exactly (the quotient ay/ax is unchanged when it is normal).
  const e = floorLog2(ax);
  const half = e >> 1;
  const s1 = pow2(-half);
  const s2 = pow2(half - e);
  const sx = ax * s1 * s2;
  const sy = ay * s1 * s2;
  if (sy > TWO_P60) {
    const z = PIO2 + 0.5 * PI_LO; // |y/x| > 2^60: ±π/2 whatever the sign of x
    return yNeg ? -z : z;
  }
  let z: number;
  let tail = 0;
  if (sy < TWO_M60) {
    z = xNeg ? 0 : ay / ax;
  } else {
    // q = y/x and its rounding error δ = (sy − q·sx)/sx, exact in double-double.
    const q = sy / sx;
    twoProduct(q, sx);
    z = atanReduced(q, (sy - OUT[DD_HI] - OUT[DD_LO]) / sx);
    tail = OUT[ATAN_TAIL];
  }
  if (!xNeg) return yNeg ? -z : z;
  // π − (z + tail) = (PI − z) + (PI_LO − tail), the first difference split exactly (Fast2Sum).
  const r = PI - z;
  const value = r + (PI - r - z + (PI_LO - tail));
  return yNeg ? -value : value;
}

/**
 * tan x = sin x / cos x from detSin and detCos (one shared reduction), error < 2 ulp,
 * bit-identical on every engine. tan(±Infinity) = NaN, tan(±0) = ±0.
 */
export function detTan(x: number): number {
  const ax = Math.abs(x);
  if (ax < TWO_M27) return x; // keeps −0
  if (ax <= PIO4) return detSin(x) / cosKernel(x, 0);
  if (!(ax < Number.POSITIVE_INFINITY)) return Number.NaN;
  const n = reduceHalfPi(x) & 1;
  const s = sinKernel(OUT[REM_HI], OUT[REM_LO]);
  const c = cosKernel(OUT[REM_HI], OUT[REM_LO]);
  return n === 0 ? s / c : -c / s; // tan(y + π/2) = −cos y / sin y
}

/**
 * arcsin x = atan2(x, √((1 − x)(1 + x))) ∈ [−π/2, π/2], error < 2 ulp, bit-identical on every
 * engine (DLMF 4.23.27 rewritten with atan2). NaN outside [−1, 1]; asin(±0) = ±0.
 */
export function detAsin(x: number): number {
  if (!(Math.abs(x) <= 1)) return Number.NaN;
  if (Math.abs(x) < TWO_M27) return x;
  return detAtan2(x, Math.sqrt((1 - x) * (1 + x)));
}
