/**
 * detLog and detExp of src/special/deterministicMath.ts, operation for operation (fdlibm e_log.c
 * and e_exp.c methods, see there): WebAssembly's f64 +, −, ×, ÷ and sqrt are IEEE 754
 * round-to-nearest and never fused, exactly as in JavaScript, so these return the same bits.
 */

const LN2_HI: f64 = 0.6931471803691238;
const LN2_LO: f64 = 1.9082149292705877e-10;
const LG1: f64 = 0.6666666666666735;
const LG2: f64 = 0.3999999999940942;
const LG3: f64 = 0.2857142874366239;
const LG4: f64 = 0.22222198432149784;
const LG5: f64 = 0.1818357216161805;
const LG6: f64 = 0.15313837699209373;
const LG7: f64 = 0.14798198605116586;
const TWO_P54: f64 = 18014398509481984;
const TWO_M1000: f64 = 9.332636185032189e-302;
const TWO_P1023: f64 = 8.98846567431158e307;

/** 2^k, exactly, for an integer k in [−1074, 1023] (the POW2 table of deterministicMath.ts). */
// @ts-ignore: decorator
@inline
export function pow2(k: i32): f64 {
  if (k >= -1022) return reinterpret<f64>(<u64>(k + 1023) << 52);
  return reinterpret<f64>(<u64>1 << <u64>(k + 1074));
}

/** scaleByPowerOfTwo of deterministicMath.ts: y·2^k rounded once. */
// @ts-ignore: decorator
@inline
function scaleByPowerOfTwo(y: f64, k: i32): f64 {
  if (k > 1023) return y * 2 * TWO_P1023;
  if (k >= -1021) return y * pow2(k);
  return y * pow2(k + 1000) * TWO_M1000;
}

/** detLog: log x, error < 1 ulp (fdlibm e_log.c method). */
export function detLog(x: f64): f64 {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  let hx = <u32>(reinterpret<u64>(x) >> 32);
  let k: i32 = 0;
  if (hx < 0x00100000) {
    x *= TWO_P54;
    hx = <u32>(reinterpret<u64>(x) >> 32);
    k = -54;
  }
  const e = <i32>((hx + 0x95f64) >>> 20) - 1023;
  const f = x * pow2(-e) - 1;
  const kk = <f64>(k + e);
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const r = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  const hfsq = 0.5 * f * f;
  return kk * LN2_HI - (hfsq - (s * (hfsq + r) + (kk * LN2_LO + 0)) - f);
}

const INV_LN2: f64 = 1.4426950408889634;
const HALF_LN2: f64 = 0.34657359027997264;
const EXP_OVERFLOW: f64 = 709.782712893384;
const EXP_UNDERFLOW: f64 = -745.1332191019411;
const P1: f64 = 0.16666666666666602;
const P2: f64 = -0.0027777777777015593;
const P3: f64 = 0.00006613756321437934;
const P4: f64 = -0.0000016533902205465252;
const P5: f64 = 4.1381367970572385e-8;
const TWO_M28: f64 = 3.725290298461914e-9;
const E: f64 = 2.718281828459045;

/** expReduced of deterministicMath.ts: 2^k·exp(hi − lo). */
// @ts-ignore: decorator
@inline
function expReduced(hi: f64, lo: f64, k: i32): f64 {
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  return k === 0 ? y : scaleByPowerOfTwo(y, k);
}

/** detExp: e^x, error < 1 ulp (fdlibm e_exp.c method). */
export function detExp(x: f64): f64 {
  if (!(x <= EXP_OVERFLOW)) return isNaN(x) ? x : Infinity;
  if (x < EXP_UNDERFLOW) return 0;
  const ax = Math.abs(x);
  if (ax <= HALF_LN2) {
    if (ax < TWO_M28) return 1 + x;
    return expReduced(x, 0, 0);
  }
  if (x === 1) return E;
  const kf = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
  return expReduced(x - kf * LN2_HI, kf * LN2_LO, <i32>kf);
}

/**
 * detLog on both lanes of x, for lanes with x normal, positive and below 2^1022 (the callers'
 * probabilities and t³ ∈ (0, 100)): the same operations as detLog, lane by lane; the k·ln2_lo + 0
 * of the scalar version is k·ln2_lo exactly (k·ln2_lo is never −0), so the + 0 is left out.
 */
// @ts-ignore: decorator
@inline
export function detLog2(x: v128): v128 {
  const hx = i64x2.shr_u(x, 32);
  const e = i64x2.sub(i64x2.shr_u(i64x2.add(hx, i64x2.splat(0x95f64)), 20), i64x2.splat(1023));
  const scale = i64x2.shl(i64x2.sub(i64x2.splat(1023), e), 52); // 2^−e
  const f = f64x2.sub(f64x2.mul(x, scale), f64x2.splat(1));
  const k = f64x2.convert_low_i32x4_s(i32x4.shuffle(e, e, 0, 2, 0, 2));
  const s = f64x2.div(f, f64x2.add(f64x2.splat(2), f));
  const z = f64x2.mul(s, s);
  const w = f64x2.mul(z, z);
  const odd = f64x2.mul(
    z,
    f64x2.add(
      f64x2.splat(LG1),
      f64x2.mul(
        w,
        f64x2.add(
          f64x2.splat(LG3),
          f64x2.mul(w, f64x2.add(f64x2.splat(LG5), f64x2.mul(w, f64x2.splat(LG7)))),
        ),
      ),
    ),
  );
  const even = f64x2.mul(
    w,
    f64x2.add(
      f64x2.splat(LG2),
      f64x2.mul(w, f64x2.add(f64x2.splat(LG4), f64x2.mul(w, f64x2.splat(LG6)))),
    ),
  );
  const r = f64x2.add(odd, even);
  const hfsq = f64x2.mul(f64x2.mul(f64x2.splat(0.5), f), f);
  const inner = f64x2.add(f64x2.mul(s, f64x2.add(hfsq, r)), f64x2.mul(k, f64x2.splat(LN2_LO)));
  return f64x2.sub(
    f64x2.mul(k, f64x2.splat(LN2_HI)),
    f64x2.sub(f64x2.sub(hfsq, inner), f),
  );
}

/** Test hook: dst[j] = detLog2 lane by lane for src[j], j < count (even). */
export function detLog2Test(src: usize, count: i32, dst: usize): void {
  for (let j = 0; j < count; j += 2) {
    v128.store(dst + (<usize>j << 3), detLog2(v128.load(src + (<usize>j << 3))));
  }
}
