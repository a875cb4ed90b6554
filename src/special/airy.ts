/**
 * Airy functions Ai, Ai′, Bi, Bi′ on the whole real line (DLMF §9), to about one unit in the
 * last place where the value is representable.
 *
 * Method, by region (z = |x|, ζ = (2/3)z^{3/2}):
 * - x ≤ −10: the large-variable expansions DLMF 9.7.9–9.7.12 in modulus–phase form,
 *     Ai(−z) = R/(√π z^{1/4}) · cos(ζ − π/4 − δ),  R cos δ = P, R sin δ = Q,
 *   with the phase ζ − π/4 − δ carried in double-double, so the value is accurate relative to its
 *   own size even next to a zero of Ai. Truncation error < e^{−2ζ} < 1e−18.
 * - −10 < x ≤ 2: the Maclaurin series DLMF 9.4.1–9.4.4 summed in double-double arithmetic; the
 *   cancellation (at most about e^{ζ} ≈ 1.4e9) stays far below the 1e−32 working precision.
 * - 2 < x < 12 (Ai, Ai′): Taylor series of the Airy equation y″ = x·y (DLMF 9.2.1) about the
 *   nearest grid point x₀ ≥ x of the grid 2 + j/4. Stepping towards smaller x follows the
 *   recessive solution, so all terms have one sign: no cancellation. The grid values are
 *   computed once, in double-double, by stepping the same series backwards from x = 12 (where
 *   Ai′/Ai is known from DLMF 9.7.5–9.7.6 to 1e−24) down to 2, and normalising by the
 *   double-double Maclaurin value of Ai(2). (Bi, Bi′ use the Maclaurin series there: all its
 *   terms are positive.)
 * - x ≥ 12: DLMF 9.7.5–9.7.8; truncation error < e^{−2ζ} < 1e−24.
 */

import { detAtan2, detCos, detExp, detHypot, detSin } from "./deterministicMath.js";

// ---------------------------------------------------------------------------------------------
// Double-double arithmetic (Dekker 1971; Hida–Li–Bailey, "QD" library paper 2001). Results are
// returned in the module variables ddHi, ddLo so that the loops do not allocate.

let ddHi = 0;
let ddLo = 0;
const SPLITTER = 134217729; // 2^27 + 1

/** The rounding error of p = fl(a·b): a·b = p + twoProductError(a, b, p) exactly (Dekker). */
function twoProductError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
}

/** (ah + al)·(bh + bl). */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  const p = ah * bh;
  const e = twoProductError(ah, bh, p) + (ah * bl + al * bh);
  ddHi = p + e;
  ddLo = e - (ddHi - p);
}

/** (ah + al)·b, b a double. */
function ddMulNumber(ah: number, al: number, b: number): void {
  const p = ah * b;
  const e = twoProductError(ah, b, p) + al * b;
  ddHi = p + e;
  ddLo = e - (ddHi - p);
}

/** (ah + al)/b, b a double. */
function ddDivNumber(ah: number, al: number, b: number): void {
  const q1 = ah / b;
  const p = q1 * b;
  const r = ah - p - twoProductError(q1, b, p) + al;
  const q2 = r / b;
  ddHi = q1 + q2;
  ddLo = q2 - (ddHi - q1);
}

/** (ah + al) + (bh + bl), the accurate variant that survives cancellation. */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  let s = ah + bh;
  let v = s - ah;
  let e = ah - (s - v) + (bh - v);
  const t = al + bl;
  v = t - al;
  const f = al - (t - v) + (bl - v);
  e += t;
  let hi = s + e;
  e -= hi - s;
  s = hi;
  e += f;
  hi = s + e;
  ddHi = hi;
  ddLo = e - (hi - s);
}

/** (ah + al)/(bh + bl) by two correction steps of the long division. */
function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMulNumber(bh, bl, q1);
  ddAdd(ah, al, -ddHi, -ddLo);
  const rh = ddHi;
  const rl = ddLo;
  const q2 = rh / bh;
  ddMulNumber(bh, bl, q2);
  ddAdd(rh, rl, -ddHi, -ddLo);
  const q3 = ddHi / bh;
  const s = q1 + q2;
  const e = q2 - (s - q1) + q3;
  ddHi = s + e;
  ddLo = e - (ddHi - s);
}

/** √(x) as a double-double, for x > 0 (one Newton correction of Math.sqrt). */
function ddSqrtNumber(x: number): void {
  const s = Math.sqrt(x);
  const p = s * s;
  const r = x - p - twoProductError(s, s, p);
  const c = r / (2 * s);
  ddHi = s + c;
  ddLo = c - (ddHi - s);
}

// ---------------------------------------------------------------------------------------------
// Constants (double-double pairs, values of DLMF 9.2.3–9.2.5 rounded from 40-digit evaluations).

/** Ai(0) = 3^{−2/3}/Γ(2/3) (DLMF 9.2.3). */
const AI0_HI = 0.3550280538878172;
const AI0_LO = 2.05233632436212e-17;
/** −Ai′(0) = 3^{−1/3}/Γ(1/3) (DLMF 9.2.4). */
const MAI1_HI = 0.2588194037928068;
const MAI1_LO = -2.522243111610832e-17;
/** Bi(0) = 3^{−1/6}/Γ(2/3) (DLMF 9.2.5). */
const BI0_HI = 0.6149266274460007;
const BI0_LO = 5.0899207794891416e-17;
/** Bi′(0) = 3^{1/6}/Γ(1/3) (DLMF 9.2.6). */
const BI1_HI = 0.4482883573538264;
const BI1_LO = -2.5363237774417305e-17;
const PI_4_HI = 0.7853981633974483;
const PI_4_LO = 3.061616997868383e-17;
const TWO_THIRDS_HI = 0.6666666666666666;
const TWO_THIRDS_LO = 3.700743415417188e-17;
const INV_SQRT_PI = 0.5641895835477563; // 1/√π

// ---------------------------------------------------------------------------------------------
// Coefficients u_k, v_k of DLMF 9.7.2: u_0 = v_0 = 1,
// u_k = (2k+1)(2k+3)…(6k−1)/(216^k k!), v_k = −(6k+1)/(6k−1)·u_k.

const ASYMPTOTIC_TERMS = 40;
const U = new Float64Array(ASYMPTOTIC_TERMS);
const V = new Float64Array(ASYMPTOTIC_TERMS);
const U_LO = new Float64Array(ASYMPTOTIC_TERMS);
const V_LO = new Float64Array(ASYMPTOTIC_TERMS);
{
  let uh = 1;
  let ul = 0;
  U[0] = 1;
  V[0] = 1;
  for (let k = 1; k < ASYMPTOTIC_TERMS; k++) {
    ddMulNumber(uh, ul, (6 * k - 5) * (6 * k - 3) * (6 * k - 1));
    ddDivNumber(ddHi, ddLo, (2 * k - 1) * 216 * k);
    uh = ddHi;
    ul = ddLo;
    U[k] = uh;
    U_LO[k] = ul;
    ddMulNumber(uh, ul, -(6 * k + 1));
    ddDivNumber(ddHi, ddLo, 6 * k - 1);
    V[k] = ddHi;
    V_LO[k] = ddLo;
  }
}

/** ζ = (2/3)z^{3/2} as a double-double (z > 0). */
function zetaOf(z: number): void {
  ddSqrtNumber(z);
  ddMulNumber(ddHi, ddLo, z);
  ddMul(ddHi, ddLo, TWO_THIRDS_HI, TWO_THIRDS_LO);
}

// ---------------------------------------------------------------------------------------------
// Region evaluators. Each writes [Ai, Ai′, Bi, Bi′] into `out` (Bi, Bi′ only when `withBi`).

/** Ai(x) of the last `maclaurin` call as a double-double (used to normalise the Taylor grid). */
let maclaurinAiHi = 0;
let maclaurinAiLo = 0;

/** Maclaurin series (DLMF 9.4.1–9.4.4) in double-double: Ai = c₁f − c₂g, Bi = √3(c₁f + c₂g). */
function maclaurin(x: number, out: Float64Array, withBi: boolean): void {
  // x³ as a double-double.
  const x2 = x * x;
  const x2l = twoProductError(x, x, x2);
  ddMulNumber(x2, x2l, x);
  const x3h = ddHi;
  const x3l = ddLo;
  // f = Σ t_k, t_{k+1} = t_k x³/((3k+2)(3k+3));   g = Σ r_k, r_0 = x, r_{k+1} = r_k x³/((3k+3)(3k+4));
  // f′ = Σ p_k, p_1 = x²/2, p_{k+1} = p_k x³/(3k(3k+2));  g′ = Σ q_k, q_0 = 1, q_{k+1} = q_k x³/((3k+1)(3k+3)).
  let th = 1;
  let tl = 0;
  let rh = x;
  let rl = 0;
  let ph = 0;
  let pl = 0;
  let qh = 1;
  let ql = 0;
  let fh = 1;
  let fl = 0;
  let gh = x;
  let gl = 0;
  let dfh = 0;
  let dfl = 0;
  let dgh = 1;
  let dgl = 0;
  for (let k = 0; k < 200; k++) {
    const k3 = 3 * k;
    ddMul(th, tl, x3h, x3l);
    ddDivNumber(ddHi, ddLo, (k3 + 2) * (k3 + 3));
    th = ddHi;
    tl = ddLo;
    ddAdd(fh, fl, th, tl);
    fh = ddHi;
    fl = ddLo;
    ddMul(rh, rl, x3h, x3l);
    ddDivNumber(ddHi, ddLo, (k3 + 3) * (k3 + 4));
    rh = ddHi;
    rl = ddLo;
    ddAdd(gh, gl, rh, rl);
    gh = ddHi;
    gl = ddLo;
    if (k === 0) {
      ph = x2 / 2;
      pl = x2l / 2;
    } else {
      ddMul(ph, pl, x3h, x3l);
      ddDivNumber(ddHi, ddLo, k3 * (k3 + 2));
      ph = ddHi;
      pl = ddLo;
    }
    ddAdd(dfh, dfl, ph, pl);
    dfh = ddHi;
    dfl = ddLo;
    ddMul(qh, ql, x3h, x3l);
    ddDivNumber(ddHi, ddLo, (k3 + 1) * (k3 + 3));
    qh = ddHi;
    ql = ddLo;
    ddAdd(dgh, dgl, qh, ql);
    dgh = ddHi;
    dgl = ddLo;
    const scale = Math.max(1, Math.abs(fh), Math.abs(gh), Math.abs(dfh), Math.abs(dgh));
    if (
      Math.max(Math.abs(th), Math.abs(rh), Math.abs(ph), Math.abs(qh)) < 1e-26 * scale ||
      x3h === 0
    ) {
      break;
    }
  }
  // Ai = c₁f − c₂g, Ai′ = c₁f′ − c₂g′.
  ddMul(AI0_HI, AI0_LO, fh, fl);
  const afh = ddHi;
  const afl = ddLo;
  ddMul(MAI1_HI, MAI1_LO, gh, gl);
  ddAdd(afh, afl, -ddHi, -ddLo);
  maclaurinAiHi = ddHi;
  maclaurinAiLo = ddLo;
  out[0] = ddHi + ddLo;
  ddMul(AI0_HI, AI0_LO, dfh, dfl);
  const adh = ddHi;
  const adl = ddLo;
  ddMul(MAI1_HI, MAI1_LO, dgh, dgl);
  ddAdd(adh, adl, -ddHi, -ddLo);
  out[1] = ddHi + ddLo;
  if (!withBi) return;
  ddMul(BI0_HI, BI0_LO, fh, fl);
  const bfh = ddHi;
  const bfl = ddLo;
  ddMul(BI1_HI, BI1_LO, gh, gl);
  ddAdd(bfh, bfl, ddHi, ddLo);
  out[2] = ddHi + ddLo;
  ddMul(BI0_HI, BI0_LO, dfh, dfl);
  const bdh = ddHi;
  const bdl = ddLo;
  ddMul(BI1_HI, BI1_LO, dgh, dgl);
  ddAdd(bdh, bdl, ddHi, ddLo);
  out[3] = ddHi + ddLo;
}

/** Large negative x (x ≤ −10): DLMF 9.7.9–9.7.12 in modulus–phase form. */
function asymptoticNegative(x: number, out: Float64Array, withBi: boolean): void {
  const z = -x;
  zetaOf(z);
  const zh = ddHi;
  const zl = ddLo;
  if (!Number.isFinite(zh)) {
    out[0] = out[1] = out[2] = out[3] = Number.NaN;
    return;
  }
  // P = Σ(−1)^k u_{2k} ζ^{−2k}, Q = Σ(−1)^k u_{2k+1} ζ^{−2k−1}; likewise Pv, Qv with v_k.
  const w = 1 / zh;
  let p = 0;
  let q = 0;
  let pv = 0;
  let qv = 0;
  let power = 1; // ζ^{−k}
  let previous = Number.POSITIVE_INFINITY;
  for (let k = 0; k < ASYMPTOTIC_TERMS; k++) {
    const size = Math.abs(U[k] * power) + Math.abs(V[k] * power);
    if (size > previous) break; // the asymptotic series started to diverge
    const sign = (k >> 1) & 1 ? -1 : 1;
    if ((k & 1) === 0) {
      p += sign * U[k] * power;
      pv += sign * V[k] * power;
    } else {
      q += sign * U[k] * power;
      qv += sign * V[k] * power;
    }
    if (size < 1e-18) break;
    previous = size;
    power *= w;
  }
  // φ = ζ − π/4 in double-double.
  ddAdd(zh, zl, -PI_4_HI, -PI_4_LO);
  const phiHi = ddHi;
  const phiLo = ddLo;
  const quarter = Math.sqrt(Math.sqrt(z));
  // Ai(−z) = R/(√π z^{1/4}) cos(φ − δ),  Bi(−z) = −R/(√π z^{1/4}) sin(φ − δ);
  // Ai′(−z) = N z^{1/4}/√π sin(φ − ε),   Bi′(−z) = N z^{1/4}/√π cos(φ − ε),
  // with R e^{iδ} = P + iQ and N e^{iε} = Pv + iQv.
  const amplitude = (detHypot(p, q) * INV_SQRT_PI) / quarter;
  ddAdd(phiHi, phiLo, -detAtan2(q, p), 0);
  let c = detCos(ddHi);
  let s = detSin(ddHi);
  let cosTheta = c - ddLo * s;
  let sinTheta = s + ddLo * c;
  out[0] = amplitude * cosTheta;
  if (withBi) out[2] = -amplitude * sinTheta;
  const amplitudePrime = detHypot(pv, qv) * INV_SQRT_PI * quarter;
  ddAdd(phiHi, phiLo, -detAtan2(qv, pv), 0);
  c = detCos(ddHi);
  s = detSin(ddHi);
  cosTheta = c - ddLo * s;
  sinTheta = s + ddLo * c;
  out[1] = amplitudePrime * sinTheta;
  if (withBi) out[3] = amplitudePrime * cosTheta;
}

/** Large positive x (x ≥ 12): DLMF 9.7.5–9.7.8. */
function asymptoticPositive(x: number, out: Float64Array, withBi: boolean): void {
  zetaOf(x);
  const zh = ddHi;
  const zl = ddLo;
  const w = 1 / zh;
  let su = 0;
  let sv = 0;
  let au = 0;
  let av = 0;
  let power = 1;
  for (let k = 0; k < ASYMPTOTIC_TERMS; k++) {
    const tu = U[k] * power;
    const tv = V[k] * power;
    const sign = k & 1 ? -1 : 1;
    su += sign * tu;
    sv += sign * tv;
    au += tu;
    av += tv;
    if (Math.abs(tu) + Math.abs(tv) < 1e-18) break;
    power *= w;
  }
  const quarter = Math.sqrt(Math.sqrt(x));
  // e^{−ζ} = e^{−ζ_hi}(1 − ζ_lo), computed as a square of e^{−ζ_hi/2} against early underflow.
  const half = detExp(-zh / 2);
  const decay = ((half * INV_SQRT_PI) / 2) * (1 - zl);
  out[0] = ((decay * su) / quarter) * half;
  out[1] = -decay * sv * quarter * half;
  if (!withBi) return;
  const growHalf = detExp(zh / 2);
  const grow = growHalf * INV_SQRT_PI * (1 + zl);
  out[2] = ((grow * au) / quarter) * growHalf;
  out[3] = grow * av * quarter * growHalf;
}

// ---------------------------------------------------------------------------------------------
// The Taylor region 2 < x < 12.

const GRID_START = 2;
const GRID_END = 12;
const GRID_STEP = 0.25;
const GRID_SIZE = Math.round((GRID_END - GRID_START) / GRID_STEP) + 1;
const GRID_AI = new Float64Array(GRID_SIZE);
const GRID_AIP = new Float64Array(GRID_SIZE);
const ddScratch = new Float64Array(4);

/**
 * One Taylor step of y″ = x·y in double-double: from (y, y′) = (y0, d0) at x0 to x0 + h,
 * with h a power of two (so that the powers h^n are exact). Result in ddScratch = [y, yl, y′, y′l].
 * Coefficients: c_0 = y, c_1 = y′, c_{n+2} = (x0·c_n + c_{n−1})/((n+1)(n+2)).
 */
function taylorStepDD(
  x0: number,
  h: number,
  y0h: number,
  y0l: number,
  d0h: number,
  d0l: number,
): void {
  let am1h = 0; // c_{n−1}
  let am1l = 0;
  let a0h = y0h; // c_n
  let a0l = y0l;
  let a1h = d0h; // c_{n+1}
  let a1l = d0l;
  ddAdd(y0h, y0l, d0h * h, d0l * h);
  let yh = ddHi;
  let yl = ddLo;
  let dh = d0h;
  let dl = d0l;
  let hn = h; // h^{n+1}
  for (let n = 0; n < 300; n++) {
    ddMulNumber(a0h, a0l, x0);
    ddAdd(ddHi, ddLo, am1h, am1l);
    ddDivNumber(ddHi, ddLo, (n + 1) * (n + 2));
    const a2h = ddHi;
    const a2l = ddLo;
    ddAdd(yh, yl, a2h * hn * h, a2l * hn * h);
    yh = ddHi;
    yl = ddLo;
    ddMulNumber(a2h, a2l, (n + 2) * hn);
    ddAdd(dh, dl, ddHi, ddLo);
    dh = ddHi;
    dl = ddLo;
    am1h = a0h;
    am1l = a0l;
    a0h = a1h;
    a0l = a1l;
    a1h = a2h;
    a1l = a2l;
    hn *= h;
    if (n > 2 && Math.abs(a2h * hn) < 1e-35 * (Math.abs(yh) + Math.abs(dh))) break;
  }
  ddScratch[0] = yh;
  ddScratch[1] = yl;
  ddScratch[2] = dh;
  ddScratch[3] = dl;
}

{
  // Ai′/Ai at x = 12 from DLMF 9.7.5–9.7.6 in double-double:
  // Ai′/Ai = −√x · Σ(−1)^k v_k ζ^{−k} / Σ(−1)^k u_k ζ^{−k}   (error ~ e^{−2ζ} ≈ 1e−24).
  zetaOf(GRID_END);
  ddDiv(-1, 0, ddHi, ddLo);
  const wh = ddHi; // −1/ζ
  const wl = ddLo;
  let suh = 1;
  let sul = 0;
  let svh = 1;
  let svl = 0;
  let powh = 1; // (−1/ζ)^k
  let powl = 0;
  for (let k = 1; k < ASYMPTOTIC_TERMS; k++) {
    ddMul(powh, powl, wh, wl);
    powh = ddHi;
    powl = ddLo;
    ddMul(U[k], U_LO[k], powh, powl);
    ddAdd(suh, sul, ddHi, ddLo);
    suh = ddHi;
    sul = ddLo;
    ddMul(V[k], V_LO[k], powh, powl);
    ddAdd(svh, svl, ddHi, ddLo);
    svh = ddHi;
    svl = ddLo;
    if (Math.abs(U[k] * powh) < 1e-34) break;
  }
  ddDiv(svh, svl, suh, sul);
  const rh = ddHi;
  const rl = ddLo;
  ddSqrtNumber(GRID_END);
  ddMul(ddHi, ddLo, -rh, -rl);
  // Step backwards from (y, y′) = (1, Ai′/Ai) at x = 12 down to x = 2; the dominant solution Bi
  // shrinks relative to Ai on the way, so the recursion is stable.
  const yh = new Float64Array(GRID_SIZE);
  const yl = new Float64Array(GRID_SIZE);
  const dh = new Float64Array(GRID_SIZE);
  const dl = new Float64Array(GRID_SIZE);
  yh[GRID_SIZE - 1] = 1;
  dh[GRID_SIZE - 1] = ddHi;
  dl[GRID_SIZE - 1] = ddLo;
  for (let j = GRID_SIZE - 1; j > 0; j--) {
    taylorStepDD(GRID_START + j * GRID_STEP, -GRID_STEP, yh[j], yl[j], dh[j], dl[j]);
    yh[j - 1] = ddScratch[0];
    yl[j - 1] = ddScratch[1];
    dh[j - 1] = ddScratch[2];
    dl[j - 1] = ddScratch[3];
  }
  // Normalise by the double-double Maclaurin value of Ai(2).
  maclaurin(GRID_START, ddScratch, false);
  ddDiv(maclaurinAiHi, maclaurinAiLo, yh[0], yl[0]);
  const sh = ddHi;
  const sl = ddLo;
  for (let j = 0; j < GRID_SIZE; j++) {
    ddMul(yh[j], yl[j], sh, sl);
    GRID_AI[j] = ddHi + ddLo;
    ddMul(dh[j], dl[j], sh, sl);
    GRID_AIP[j] = ddHi + ddLo;
  }
}

// Grid values on −10, −9.75, …, 2 from the double-double Maclaurin series, for the fast path.
const LOW_START = -10;
const LOW_SIZE = Math.round((GRID_START - LOW_START) / GRID_STEP) + 1;
const LOW_AI = new Float64Array(LOW_SIZE);
const LOW_AIP = new Float64Array(LOW_SIZE);
for (let j = 0; j < LOW_SIZE; j++) {
  maclaurin(LOW_START + j * GRID_STEP, ddScratch, false);
  LOW_AI[j] = ddScratch[0];
  LOW_AIP[j] = ddScratch[1];
}

/**
 * Ai, Ai′ by the Taylor series of y″ = x·y about x₀ with (Ai, Ai′)(x₀) = (a0, a1), h = x − x₀.
 * Coefficients c_{n+2} = (x₀c_n + c_{n−1})/((n+1)(n+2)); stops when terms are below 1e−17.
 */
function taylorAbout(x0: number, h: number, ai0: number, aip0: number, out: Float64Array): void {
  let am1 = 0; // c_{n−1}
  let a0 = ai0; // c_n
  let a1 = aip0; // c_{n+1}
  let y = a0 + a1 * h;
  let d = a1;
  let hn = h; // h^{n+1}
  let previous = Number.POSITIVE_INFINITY;
  for (let n = 0; n < 60 && h !== 0; n++) {
    const a2 = (x0 * a0 + am1) / ((n + 1) * (n + 2));
    const term = a2 * hn; // c_{n+2} h^{n+1}
    y += term * h;
    d += (n + 2) * term;
    am1 = a0;
    a0 = a1;
    a1 = a2;
    hn *= h;
    // Two successive small terms (one can vanish by accident, e.g. c_2 = 0 at x₀ = 0).
    const size = Math.abs(term);
    if (Math.max(size, previous) < 1e-17 * (Math.abs(d) + Math.abs(y))) break;
    previous = size;
  }
  out[0] = y;
  out[1] = d;
}

/** Ai, Ai′ for 2 < x < 12: Taylor series about the grid point x₀ ≥ x (all terms of one sign). */
function taylorFromGrid(x: number, out: Float64Array): void {
  const j = Math.ceil((x - GRID_START) / GRID_STEP);
  const x0 = GRID_START + j * GRID_STEP;
  taylorAbout(x0, x - x0, GRID_AI[j], GRID_AIP[j], out); // x − x0 is exact (Sterbenz), in (−1/4, 0]
}

/** Ai, Ai′ for −10 < x ≤ 2: Taylor series about the nearest grid point (|h| ≤ 1/8). */
function taylorFromLowGrid(x: number, out: Float64Array): void {
  const j = Math.round((x - LOW_START) / GRID_STEP);
  const x0 = LOW_START + j * GRID_STEP;
  taylorAbout(x0, x - x0, LOW_AI[j], LOW_AIP[j], out);
}

// ---------------------------------------------------------------------------------------------
// Public API.

const scratch = new Float64Array(4);

function evaluate(x: number, out: Float64Array, withBi: boolean): void {
  if (Number.isNaN(x)) {
    out[0] = out[1] = out[2] = out[3] = Number.NaN;
  } else if (x <= -10) {
    if (x === Number.NEGATIVE_INFINITY) {
      out[0] = 0;
      out[2] = 0;
      out[1] = out[3] = Number.NaN;
    } else {
      asymptoticNegative(x, out, withBi);
    }
  } else if (x <= GRID_START) {
    maclaurin(x, out, withBi);
  } else if (x < GRID_END) {
    if (withBi) maclaurin(x, out, true);
    taylorFromGrid(x, out);
  } else if (x === Number.POSITIVE_INFINITY) {
    out[0] = out[1] = 0;
    out[2] = out[3] = Number.POSITIVE_INFINITY;
  } else {
    asymptoticPositive(x, out, withBi);
  }
}

/**
 * Ai(x), the Airy function of the first kind: the solution of y″ = x·y that decays as x → +∞
 * (DLMF 9.2.1). Relative error about 1e−16 wherever the value is a normal double.
 */
export function airyAi(x: number): number {
  evaluate(x, scratch, false);
  return scratch[0];
}

/** Ai′(x), the derivative of the Airy function (DLMF 9.2); same accuracy as airyAi. */
export function airyAiPrime(x: number): number {
  evaluate(x, scratch, false);
  return scratch[1];
}

/** Bi(x), the Airy function of the second kind (DLMF 9.2.1, 9.2.5, 9.7.7, 9.7.11). */
export function airyBi(x: number): number {
  evaluate(x, scratch, true);
  return scratch[2];
}

/** Bi′(x), the derivative of Bi (DLMF 9.2.6, 9.7.8, 9.7.12). */
export function airyBiPrime(x: number): number {
  evaluate(x, scratch, true);
  return scratch[3];
}

/** Ai, Ai′, Bi, Bi′ at x in one call (DLMF §9.2). */
export function airy(x: number): { ai: number; aiPrime: number; bi: number; biPrime: number } {
  evaluate(x, scratch, true);
  return { ai: scratch[0], aiPrime: scratch[1], bi: scratch[2], biPrime: scratch[3] };
}

/**
 * Ai(x) and Ai′(x) written to out[offset], out[offset + 1], without allocating: the fast variant
 * for kernels of integral operators (Tracy–Widom). Same method as airyAi except on −10 < x ≤ 2,
 * where a Taylor series of y″ = x·y about the nearest point of a grid of step 1/4 (grid values
 * from the double-double Maclaurin series) replaces the Maclaurin series: about 0.1 µs instead
 * of several µs, with an error below about 1e−15·max(|Ai(x)|, M(x)), M the modulus of DLMF 9.8.3
 * (relative accuracy is lost only next to the zeros of Ai and Ai′).
 */
export function airyAiWithDerivative(x: number, out: Float64Array, offset = 0): void {
  if (x > -10 && x <= GRID_START) {
    taylorFromLowGrid(x, scratch);
  } else {
    evaluate(x, scratch, false);
  }
  out[offset] = scratch[0];
  out[offset + 1] = scratch[1];
}
