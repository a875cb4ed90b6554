/**
 * log det(I − V_a(t²)²) and its t-derivative in double-double arithmetic, for the half-integer
 * orders of the bulk laws (a = −½, ½, 3/2; theory/besselHankel.ts has the double version and the
 * definitions).
 *
 * Why: det(I − V²) = Π(1 − ν_i²) has factors 1 − ν_i² as small as ≈ 8√(πt)·e^{−2t} for the
 * eigenvalues ν_i near ±1 (Slepian's asymptotics of the prolate eigenvalues), and any method working
 * to absolute precision ε in the matrix loses the relative digits ε/(1 − ν_i²): about 5·10⁻⁹ at
 * t = 3π (the spacing laws at s = 6). In double-double (ε ≈ 1e−32) the loss is harmless up to
 * t ≈ 16, where the large-X expansion (besselAsymptotics.ts) is accurate to < 1e−15. Everything —
 * Gauss–Jacobi nodes and weights, the kernel series, the prefactor √(2/π)/Γ-factor, the products,
 * the Cholesky factorisation of I − A² (symmetric positive definite) and the trace of Jacobi's
 * formula — is carried in double-double (special/doubleDouble.ts); only the final log is rounded.
 *
 * Derivative: A(t) = c_a t^{a+1} W^{1/2} G₀ W^{1/2} with G₀_jk = g₀(t² u_j² u_k²) and, term by term,
 * A′(t) = 2 c_a t^a W^{1/2} G₁ W^{1/2} (special/besselSeries.ts); then
 *   d/dt log det(I − A²) = −tr((I − A²)⁻¹(A′A + AA′)) = −2 Σ_jk H_jk A′_kj,  H = (I − A²)⁻¹A
 * (A commutes with (I − A²)⁻¹).
 */

import { besselEntireSeriesDD } from "../special/besselSeries.js";
import { detLog, detLog1p } from "../special/deterministicMath.js";
import {
  DD_LOW,
  ddAdd,
  ddDiv,
  ddDot,
  ddMul,
  ddSqrt,
  PI_HI,
  PI_LO,
} from "../special/doubleDouble.js";
import { gaussJacobiUnitDD } from "./gaussJacobi.js";

/** The half-integer orders supported here. */
export type HalfIntegerOrder = -0.5 | 0.5 | 1.5;

/**
 * ℓ(t) = log det(I − V_a(t²)²) and ℓ′(t) (t-derivative), computed in double-double with m
 * Gauss–Jacobi nodes (weight u^{2a+1}); t > 0. Returns [ℓ, ℓ′] rounded to double.
 */
export function sineLogDeterminantDD(a: HalfIntegerOrder, t: number, m: number): [number, number] {
  if (!(t > 0 && t <= 40)) throw new RangeError(`t must be in (0, 40], got ${t}`);
  const { aH, aL, dH, dL } = nystromMatricesDD(a, t, m);
  const mm = m * m;
  // M = I − A² (lower triangle), then its Cholesky factor L in place (row-major lower).
  const lH = new Float64Array(mm);
  const lL = new Float64Array(mm);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      // −(A²)_ij + δ_ij = −Σ_k A_ik A_jk + δ_ij (A symmetric: rows i and j).
      const h = ddDot(aH, aL, i * m, 1, aH, aL, j * m, 1, m, 0, 0);
      const l = DD_LOW[0];
      if (i === j) {
        lH[i * m + j] = ddAdd(1, 0, -h, -l);
        lL[i * m + j] = DD_LOW[0];
      } else {
        lH[i * m + j] = -h;
        lL[i * m + j] = -l;
      }
    }
  }
  const logDet = choleskyLogDetDD(lH, lL, m, null);
  // H = M⁻¹A = L⁻ᵀ(L⁻¹A): forward then backward substitution, column by column.
  const fH = new Float64Array(mm);
  const fL = new Float64Array(mm);
  for (let c = 0; c < m; c++) {
    for (let i = 0; i < m; i++) {
      // F_ic = (A_ic − Σ_{k<i} L_ik F_kc)/L_ii
      const nh = ddDot(lH, lL, i * m, 1, fH, fL, c, m, i, -aH[i * m + c], -aL[i * m + c]);
      fH[i * m + c] = ddDiv(-nh, -DD_LOW[0], lH[i * m + i], lL[i * m + i]);
      fL[i * m + c] = DD_LOW[0];
    }
    for (let i = m - 1; i >= 0; i--) {
      // H_ic = (F_ic − Σ_{k>i} L_ki H_kc)/L_ii, stored over F
      const n = m - 1 - i;
      const nh = ddDot(
        lH,
        lL,
        (i + 1) * m + i,
        m,
        fH,
        fL,
        (i + 1) * m + c,
        m,
        n,
        -fH[i * m + c],
        -fL[i * m + c],
      );
      fH[i * m + c] = ddDiv(-nh, -DD_LOW[0], lH[i * m + i], lL[i * m + i]);
      fL[i * m + c] = DD_LOW[0];
    }
  }
  // ℓ′ = −2 Σ_jk H_jk A′_kj = −2 ⟨H, A′⟩ (A′ symmetric).
  const trace = ddDot(fH, fL, 0, 1, dH, dL, 0, 1, mm, 0, 0);
  return [logDet, -2 * (trace + DD_LOW[0])];
}

/**
 * c_b = 1/(2^b Γ(b + 1)) as a double-double for an integer b ≥ 0 (1/Π_{i≤b} 2i) or a half-integer
 * b = k + ½ ≥ −½ (√(2/π)/(2k + 1)!!, from Γ(k + 3/2) = (2k + 1)!!·√π/2^{k+1}).
 */
function prefactorOf(b: number): [number, number] {
  let h = 1;
  let l = 0;
  if (Number.isInteger(b)) {
    for (let i = 1; i <= b; i++) {
      h = ddDiv(h, l, 2 * i, 0);
      l = DD_LOW[0];
    }
    return [h, l];
  }
  h = ddSqrt(ddDiv(2, 0, PI_HI, PI_LO), DD_LOW[0]);
  l = DD_LOW[0];
  for (let i = 1; i <= b - 0.5; i++) {
    h = ddDiv(h, l, 2 * i + 1, 0);
    l = DD_LOW[0];
  }
  return [h, l];
}

/** t^{b+1} and t^b as double-doubles (b an integer ≥ 0 or a half-integer ≥ −½, t > 0). */
function powersOf(b: number, t: number): [number, number, number, number] {
  let h = t;
  let l = 0;
  let steps = b;
  if (!Number.isInteger(b)) {
    h = ddSqrt(t, 0); // t^{1/2}·t^{b+1/2}
    l = DD_LOW[0];
    steps = b + 0.5;
  }
  for (let i = 0; i < steps; i++) {
    h = ddMul(h, l, t, 0);
    l = DD_LOW[0];
  }
  const ph = ddDiv(h, l, t, 0);
  return [h, l, ph, DD_LOW[0]];
}

/** True when b is an order of besselSignedLogDeterminantDD: an integer or half-integer ≥ −½. */
export function isHalfIntegerOrder(b: number): boolean {
  return Number.isInteger(2 * b) && b >= -0.5 && b <= 60;
}

/**
 * ℓ(t) = log det(I − σV_b(t²)) and ℓ′(t), σ = ±1, in double-double (the hard-edge laws of β = 1
 * and 4, theory/hardEdge.ts): the same Nyström matrices as sineLogDeterminantDD for any integer or
 * half-integer order b ≥ −½ (Gauss–Jacobi weight u^{2b+1} with an integer exponent). M = I − σA is
 * symmetric positive definite (the eigenvalues of V_b lie in (−1, 1)): Cholesky, log det M =
 * 2Σ log L_jj, and ℓ′ = −σ tr(M⁻¹A′). Returns [ℓ, ℓ′] rounded to double.
 */
export function besselSignedLogDeterminantDD(
  b: number,
  t: number,
  m: number,
  sigma: 1 | -1,
): [number, number] {
  if (!isHalfIntegerOrder(b)) {
    throw new RangeError(`the order must be an integer or half-integer in [−½, 60], got ${b}`);
  }
  if (!(t > 0 && t <= 40)) throw new RangeError(`t must be in (0, 40], got ${t}`);
  const { aH, aL, dH, dL } = nystromMatricesDD(b, t, m);
  // M = I − σA (lower triangle), then its Cholesky factor in place (row-major lower).
  const lH = new Float64Array(m * m);
  const lL = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k <= j; k++) {
      const h = aH[j * m + k];
      const l = aL[j * m + k];
      if (j === k) {
        lH[j * m + k] = ddAdd(1, 0, -sigma * h, -sigma * l);
        lL[j * m + k] = DD_LOW[0];
      } else {
        lH[j * m + k] = -sigma * h;
        lL[j * m + k] = -sigma * l;
      }
    }
  }
  const logDet = choleskyLogDetDD(lH, lL, m, "besselSignedLogDeterminantDD");
  // tr(M⁻¹A′) = Σ_c (L⁻ᵀL⁻¹A′)_cc: forward then backward substitution, column by column.
  const fH = new Float64Array(m);
  const fL = new Float64Array(m);
  let traceH = 0;
  let traceL = 0;
  for (let c = 0; c < m; c++) {
    for (let i = 0; i < m; i++) {
      const nh = ddDot(lH, lL, i * m, 1, fH, fL, 0, 1, i, -dH[i * m + c], -dL[i * m + c]);
      fH[i] = ddDiv(-nh, -DD_LOW[0], lH[i * m + i], lL[i * m + i]);
      fL[i] = DD_LOW[0];
    }
    for (let i = m - 1; i >= c; i--) {
      const n = m - 1 - i;
      const nh = ddDot(lH, lL, (i + 1) * m + i, m, fH, fL, i + 1, 1, n, -fH[i], -fL[i]);
      fH[i] = ddDiv(-nh, -DD_LOW[0], lH[i * m + i], lL[i * m + i]);
      fL[i] = DD_LOW[0];
    }
    traceH = ddAdd(traceH, traceL, fH[c], fL[c]);
    traceL = DD_LOW[0];
  }
  return [logDet, -sigma * (traceH + traceL)];
}

/**
 * The Nyström matrices of the Bessel kernel in double-double, m Gauss–Jacobi nodes u_j (weight
 * u^{2b+1}) and weights ω_j: A_jk = c_b t^{b+1}·√(ω_j ω_k)·g(t² u_j² u_k²) and A′_jk (its t-derivative)
 * = 2c_b t^b·√(ω_j ω_k)·g′, with g, g′ from besselEntireSeriesDD; both symmetric, full storage.
 */
function nystromMatricesDD(
  b: number,
  t: number,
  m: number,
): { aH: Float64Array; aL: Float64Array; dH: Float64Array; dL: Float64Array } {
  const rule = gaussJacobiUnitDD(m, 2 * b + 1);
  const [ch, cl] = prefactorOf(b);
  const [p0h, p0l, p1h, p1l] = powersOf(b, t);
  // Scalars: c·t^{b+1} and 2c·t^b.
  const s0h = ddMul(ch, cl, p0h, p0l);
  const s0l = DD_LOW[0];
  const s1h = ddMul(2 * ch, 2 * cl, p1h, p1l);
  const s1l = DD_LOW[0];
  // √ω_j and u_j² t (so that w = (t u_j²)(t u_k²)).
  const rootH = new Float64Array(m);
  const rootL = new Float64Array(m);
  const scaledH = new Float64Array(m);
  const scaledL = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    rootH[j] = ddSqrt(rule.weightsHi[j], rule.weightsLo[j]);
    rootL[j] = DD_LOW[0];
    const u2 = ddMul(rule.nodesHi[j], rule.nodesLo[j], rule.nodesHi[j], rule.nodesLo[j]);
    scaledH[j] = ddMul(u2, DD_LOW[0], t, 0);
    scaledL[j] = DD_LOW[0];
  }
  const mm = m * m;
  const aH = new Float64Array(mm);
  const aL = new Float64Array(mm);
  const dH = new Float64Array(mm);
  const dL = new Float64Array(mm);
  const g = new Float64Array(4);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k <= j; k++) {
      const wh = ddMul(scaledH[j], scaledL[j], scaledH[k], scaledL[k]);
      besselEntireSeriesDD(b, wh, DD_LOW[0], g);
      const rh = ddMul(rootH[j], rootL[j], rootH[k], rootL[k]);
      const rl = DD_LOW[0];
      let h = ddMul(rh, rl, s0h, s0l);
      let l = DD_LOW[0];
      h = ddMul(h, l, g[0], g[1]);
      l = DD_LOW[0];
      aH[j * m + k] = aH[k * m + j] = h;
      aL[j * m + k] = aL[k * m + j] = l;
      h = ddMul(rh, rl, s1h, s1l);
      l = DD_LOW[0];
      h = ddMul(h, l, g[2], g[3]);
      l = DD_LOW[0];
      dH[j * m + k] = dH[k * m + j] = h;
      dL[j * m + k] = dL[k * m + j] = l;
    }
  }
  return { aH, aL, dH, dL };
}

/**
 * Cholesky factor L of the symmetric positive definite M (its lower triangle in lH, lL, row-major),
 * in place; returns log det M = 2Σ log L_jj. With a `caller`, throws when M is not positive
 * definite (without, a NaN pivot propagates).
 */
function choleskyLogDetDD(
  lH: Float64Array,
  lL: Float64Array,
  m: number,
  caller: string | null,
): number {
  let logDet = 0;
  for (let j = 0; j < m; j++) {
    // L_jj = √(M_jj − Σ_{k<j} L_jk²)
    const djh = ddDot(lH, lL, j * m, 1, lH, lL, j * m, 1, j, -lH[j * m + j], -lL[j * m + j]);
    const djl = DD_LOW[0];
    if (caller !== null && !(-djh > 0)) {
      throw new RangeError(`${caller}: M is not positive definite`);
    }
    const pivotH = ddSqrt(-djh, -djl);
    const pivotL = DD_LOW[0];
    lH[j * m + j] = pivotH;
    lL[j * m + j] = pivotL;
    logDet += 2 * (detLog(pivotH) + detLog1p(pivotL / pivotH));
    for (let i = j + 1; i < m; i++) {
      // L_ij = (M_ij − Σ_{k<j} L_ik L_jk)/L_jj
      const nh = ddDot(lH, lL, i * m, 1, lH, lL, j * m, 1, j, -lH[i * m + j], -lL[i * m + j]);
      lH[i * m + j] = ddDiv(-nh, -DD_LOW[0], pivotH, pivotL);
      lL[i * m + j] = DD_LOW[0];
    }
  }
  return logDet;
}
