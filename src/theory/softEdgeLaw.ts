/**
 * Finite-N soft-edge laws: the law of the rescaled largest eigenvalue s = (λ_max − center)/scale of
 * the N-point Hermite β-ensemble, β ∈ {1, 2, 4} (center = μ + σ√(2βN′), scale = σ√(β/2)·N^{−1/6},
 * N′ = N + 1/2 − 1/β: edgeScaling), with its first finite-N correction. In the variable
 * t = (N′/N)^{1/6}·s, i.e. with the scale σ√(β/2)·N′^{−1/6} (N′ throughout):
 *   P(t_N ≤ t) = F_β(t) + N′^{−2/3}·E_β(t) + O(N^{−4/3}),   E_β(t) = t²F_β′(t)/20 − 3F_β″(t)/(20β).
 * The form (a combination of s²F′ and F″) is the leading correction of Forrester–Trinh (J. Math.
 * Phys. 59 (2018) 053302) and Bornemann (arXiv:2403.07628, §2 GUE, §5 GOE/GSE). The papers' texts
 * were not available to this project; the constants are established here in our own scaling
 * against exact finite-N laws (docs/tracy-widom/README.md §3, docs/edge-limit/README.md):
 *   β = 2 (N′ = N): 1/20 and −3/40 against the exact finite-N GUE law (hermiteLargestEigenvalueCdf.ts):
 *          remainder 0.0195·N^{−4/3} for N = 10 … 10⁵;
 *   β = 1, 4 (N′ = N − 1/2, N + 1/4): the same formula with −3/(20β), against the exact finite-N GOE
 *          and GSE laws (goeLargestEigenvalueCdf.ts, gseLargestEigenvalueCdf.ts, de Bruijn Pfaffians):
 *          remainder 0.0153 (β = 1) and 0.0466 (β = 4)·N^{−4/3}, flat from N = 20 to 4000 and 1000.
 * Second correction (Laguerre β = 2 below): P(t_N ≤ t) = F_β + hE + h²E₂ + O(h³), h = N′^{−2/3},
 *   E₂ = ½L₁²F_β + L₂F_β,   L₁ = t²D/20 − 3D²/(20β) (so E = L₁F_β),   L₂ = −(3/560)t³D + (3/(70β))tD² + c₃D,
 *   c₃ = −33/560, −3/140, −33/2240 (β = 1, 2, 4); for the GUE
 *   E₂ = t⁴F₂″/800 − 3t²F₂‴/800 + 9F₂⁗/3200 − t³F₂′/350 + 39tF₂″/2800 − 141F₂′/5600
 * (β = 1, 4: SOFT_EDGE_SECOND_CORRECTIONS). The form (polynomial-coefficient derivatives of F_β) is
 * Bornemann's (arXiv:2403.07628 §2, §5; text not available here); the coefficients are our
 * least-squares fits to the exact finite-N laws, Richardson-extrapolated to h → 0
 * (docs/tracy-widom/secondOrder.ts for the GUE, docs/edge-limit/pfaffianCorrections.ts for β = 1, 4):
 * the fitted L₂ agree with these rationals to 5–7 digits, and the remainder is then 0.0047, 0.0126,
 * 0.0171·N^{−2} (β = 2, 1, 4) for N ≥ 10. `order: 2` (the default) adds h²E₂ (Laguerre: below).
 * Laguerre β = 2 (complex Wishart N×M, M = N + a, weight x^a e^{−x}; spec.m = M): in
 * s = (λ_max − μ)/σ with μ = (√M + √N)², σ = (√M + √N)(1/√M + 1/√N)^{1/3} (edgeScaling at β = 2;
 * no shift of N, M), h = σ/√(MN) = (1/√M + 1/√N)^{4/3} and ρ = √(MN)/(√M + √N)² ∈ (0, 1/4]:
 *   P(s_N ≤ s) = F₂(s) + h·E(s) + O(h²),   E = (1/20 − 2ρ/5)·s²F₂′ − (3/40 − ρ/10)·F₂″,
 * which tends to the GUE correction as M → ∞ (ρ → 0, h → N^{−2/3}). Established against the exact
 * finite-N LUE law (laguerreLargestEigenvalueCdf.ts; docs/edge-limit/README.md, lueCorrection.ts):
 * the remainder sup|F_N − F₂ − hE| is 0.0332·h² (M = N) … 0.0045·h² (M = 100N) at large N, at
 * most 0.042·h² for N ≥ 10 and 0.055·h² at N = 2. Bornemann
 * (arXiv:2403.07628 §3) derives the LUE expansion in his own parametrisation; his formulas were
 * not available here, so the agreement with his coefficients is unchecked.
 * Second LUE correction (β = 2): P(s_N ≤ s) = F₂ + hE + h²E₂ + O(h³), E₂ = ½L₁²F₂ + L₂F₂ with
 * L₁ = a·s²D + b·D² (E = L₁F₂) and L₂ = c₁(ρ)·s³D + c₂(ρ)·sD² + c₃(ρ)·D, c_k quadratics in ρ
 * measured against the exact finite-N LUE law (docs/edge-limit/lueSecondOrder.ts: least squares
 * over ρ = 0 (GUE) and M/N = 1 … 25; the constant terms are the GUE −3/560, 3/140, −3/140, the
 * other coefficients are measured decimals, consistent with the rationals of
 * docs/edge-limit/README.md to 1e−4 … 3e−3 but not pinned by the fit): remainder
 * sup|F_N − F₂ − hE − h²E₂| ≤ 0.0226·h³ for N = 2 … 1000, M = N − 0.99 … 100N. `order: 2` is its default.
 * Laguerre β = 1, 4 (spec.m = M = 2k/β + N − 1, edgeScaling's Laguerre s, already in
 * M′, N′ = · + 1/2 − 1/β): the same formula with M′, N′ in h and ρ and b = (2/β)(−3/40 + ρ/10), first
 * our conjecture (checked by simulation to ≈ 1e−3, docs/tracy-widom/README.md §3), now checked against
 * the exact finite-N LOE and LSE laws (loeLargestEigenvalueCdf.ts, lseLargestEigenvalueCdf.ts): the
 * remainder is O(h²), 0.024·h² (β = 1) and 0.050·h² (β = 4) at M ≈ N, 0.013, 0.018·h² at M = 100N,
 * at most 0.0424, 0.0817·h² (N = 2) (docs/edge-limit/laguerrePfaffianCorrections.ts). Their second
 * correction has the β = 2 form, E₂ = ½L₁²F_β + L₂F_β, L₂ = c₁(ρ)s³D + c₂(ρ)sD² + c₃(ρ)D, with quadratics
 * c_k(ρ) fitted to the exact laws (LAGUERRE_SECOND_CORRECTION_POLYNOMIALS_BETA; constant terms the
 * Hermite β = 1, 4 values); remainder ≤ 0.0143·h³ (β = 1), 0.0341·h³ (β = 4) for N = 2 … 300, M = N − 1 … 100N
 * (docs/edge-limit/laguerreSecondOrderBeta.ts). `order: 2` is their default.
 *
 * The corrected F is not a CDF far in the tails (F + hE can decrease, or pass 1, where F or 1 − F
 * is as small as hE); the law keeps it on [tL, tR], the widest interval around the median on which
 * its density is positive and F, 1 − F change by less than a factor 2, and continues it outside by
 * F·(corrected/F)(tL) and 1 − (1 − F)·(corrected sf/sf)(tR): monotone, continuous, and within
 * max(h|E(tL)|, h|E(tR)|) of the uncorrected tails.
 *
 * @example
 * ```ts
 * const law = softEdgeLaw({ ensemble: "hermite", beta: 2, n: 100 });
 * law.cdf(-2);   // P(100^{1/6}(λ_max − 20) ≤ −2) for the 100-point GUE, Kolmogorov error 4.7e−7 (order 2)
 * ```
 */
import type { RandomSource } from "../random/source.js";
import { detPow } from "../special/deterministicMath.js";
import { type ContinuousLaw, continuousLaw } from "./distribution.js";
import {
  tracyWidomCdf,
  tracyWidomIsf,
  tracyWidomMoments,
  tracyWidomPdf,
  tracyWidomQuantile,
  tracyWidomSample,
  tracyWidomSf,
} from "./tracyWidom.js";
import { tracyWidom } from "./tracyWidomLaw.js";

export type SoftEdgeEnsemble = "hermite" | "laguerre";

export interface SoftEdgeSpec {
  ensemble: SoftEdgeEnsemble;
  beta: number;
  n: number;
  /** Laguerre only: the Wishart dimension M = N + a > N − 1 (shape k = M − N + 1 at β = 2). */
  m?: number;
}

/** A first correction E(t) = a·t²F′(t) + b·F″(t) with its source. */
export interface SoftEdgeCorrection {
  readonly a: number;
  readonly b: number;
  /** Where the coefficients come from. */
  readonly source: string;
}

/** The corrections known per ensemble and β (the module comment; docs/tracy-widom/README.md §3). */
export const SOFT_EDGE_CORRECTIONS: Readonly<Record<string, SoftEdgeCorrection>> = {
  // GOE: t²F₁′/20 − 3F₁″/20 in N′ = N − 1/2 (the GUE form with b = −3/(20β); exact finite-N GOE law, docs/edge-limit)
  "hermite|1": {
    a: 1 / 20,
    b: -3 / 20,
    source: "exact finite-N GOE law (remainder 0.015·N^(−4/3))",
  },
  // GUE: t²F₂′/20 − 3F₂″/40 (form: Forrester–Trinh 2018, Bornemann 2024 §2; constants: exact finite-N GUE law, README §3)
  "hermite|2": {
    a: 1 / 20,
    b: -3 / 40,
    source: "exact finite-N GUE law (remainder 0.0195·N^(−4/3))",
  },
  // GSE (β-ensemble convention): t²F₄′/20 − 3F₄″/80 in N′ = N + 1/4 (the GUE form with b = −3/(20β); exact finite-N GSE law, docs/edge-limit)
  "hermite|4": {
    a: 1 / 20,
    b: -3 / 80,
    source: "exact finite-N GSE law (remainder 0.047·N^(−4/3))",
  },
};

/** One term c·t^power·F^{(derivative)}(t) of a second correction. */
export interface SoftEdgeTerm {
  readonly c: number;
  readonly power: number;
  readonly derivative: 1 | 2 | 3 | 4;
}

/**
 * The second corrections E₂ (P(t_N ≤ t) = F + hE + h²E₂ + O(h³)) of the Hermite ensembles (Laguerre β = 2:
 * laguerreSoftEdgeSecondCorrection): E₂ = ½L₁²F_β + L₂F_β (module comment; fitted to the exact finite-N
 * GUE, GOE and GSE laws, docs/tracy-widom/README.md §3, docs/edge-limit/pfaffianCorrections.ts).
 */
export const SOFT_EDGE_SECOND_CORRECTIONS: Readonly<Record<string, readonly SoftEdgeTerm[]>> = {
  "hermite|2": [
    // ½L₁²F₂: t⁴F″/800 − 3t²F‴/800 + 9F⁗/3200 + t³F′/400 − 3tF″/400 − 3F′/800 (L₁ = t²D/20 − 3D²/40)
    // plus L₂F₂ = −3t³F′/560 + 3tF″/140 − 3F′/140 (fitted to the exact GUE law, secondOrder.ts)
    { c: 1 / 800, power: 4, derivative: 2 },
    { c: -3 / 800, power: 2, derivative: 3 },
    { c: 9 / 3200, power: 0, derivative: 4 },
    { c: -1 / 350, power: 3, derivative: 1 },
    { c: 39 / 2800, power: 1, derivative: 2 },
    { c: -141 / 5600, power: 0, derivative: 1 },
  ],
  "hermite|1": [
    // ½L₁²F₁ with L₁ = t²D/20 − 3D²/20: t⁴F″/800 − 3t²F‴/400 + 9F⁗/800 + t³F′/400 − 3tF″/200 − 3F′/400
    // plus L₂F₁ = −3t³F′/560 + 3tF″/70 − 33F′/560 (fitted to the exact GOE law, docs/edge-limit/pfaffianCorrections.ts)
    { c: 1 / 800, power: 4, derivative: 2 },
    { c: -3 / 400, power: 2, derivative: 3 },
    { c: 9 / 800, power: 0, derivative: 4 },
    { c: -1 / 350, power: 3, derivative: 1 },
    { c: 39 / 1400, power: 1, derivative: 2 },
    { c: -93 / 1400, power: 0, derivative: 1 },
  ],
  "hermite|4": [
    // ½L₁²F₄ with L₁ = t²D/20 − 3D²/80: t⁴F″/800 − 3t²F‴/1600 + 9F⁗/12800 + t³F′/400 − 3tF″/800 − 3F′/1600
    // plus L₂F₄ = −3t³F′/560 + 3tF″/280 − 33F′/2240 (fitted to the exact GSE law, docs/edge-limit/pfaffianCorrections.ts)
    { c: 1 / 800, power: 4, derivative: 2 },
    { c: -3 / 1600, power: 2, derivative: 3 },
    { c: 9 / 12800, power: 0, derivative: 4 },
    { c: -1 / 350, power: 3, derivative: 1 },
    { c: 39 / 5600, power: 1, derivative: 2 },
    { c: -93 / 5600, power: 0, derivative: 1 },
  ],
};

/**
 * The LUE correction at ρ = √(MN)/(√M + √N)²: a = 1/20 − 2ρ/5, b = −3/40 + ρ/10 (fitted to the exact
 * finite-N LUE law, docs/edge-limit/README.md; the M → ∞ limit is the GUE correction). β = 1, 4
 * (checked against the exact finite-N LOE, LSE laws, docs/edge-limit/README.md): N, M → N′, M′ =
 * · + 1/2 − 1/β in ρ, and b = (2/β)(−3/40 + ρ/10).
 */
export function laguerreSoftEdgeCorrection(n: number, m: number, beta = 2): SoftEdgeCorrection {
  const rm = Math.sqrt(m + 0.5 - 1 / beta);
  const rn = Math.sqrt(n + 0.5 - 1 / beta);
  const rho = (rm * rn) / ((rm + rn) * (rm + rn));
  if (beta !== 2) {
    return {
      a: 1 / 20 - (2 * rho) / 5,
      b: (2 / beta) * (-3 / 40 + rho / 10),
      source:
        "exact finite-N LOE/LSE laws (remainder ≤ 0.042·h² (β = 1), 0.082·h² (β = 4), h in M′, N′)",
    };
  }
  return {
    a: 1 / 20 - (2 * rho) / 5,
    b: -3 / 40 + rho / 10,
    source: "exact finite-N LUE law (remainder ≤ 0.042·h² for N ≥ 10, h = (1/√M + 1/√N)^(4/3))",
  };
}

/**
 * L₂(ρ) of the second LUE correction: [c₀, c₁, c₂] of c₀ + c₁ρ + c₂ρ² for the s³D, sD² and D terms
 * (least squares over the exact-law fits, docs/edge-limit/lueSecondOrder.ts, lue-second-order.json).
 */
export const LAGUERRE_SECOND_CORRECTION_POLYNOMIALS: readonly (readonly [
  number,
  number,
  number,
])[] = [
  [-3 / 560, 0.0142838, 0.085723],
  [3 / 140, -0.107122, 0.0570455],
  [-3 / 140, 0.0321157, 0.0429847],
];

/**
 * L₂ = c₁(ρ)s³D + c₂(ρ)sD² + c₃(ρ)D for Laguerre β = 1, 4 (ρ in M′, N′): quadratics in ρ, the constant
 * terms the Hermite β = 1, 4 values (−3/560, 3/(70β), −33/560 or −33/2240), the others measured
 * against the exact finite-N LOE and LSE laws (docs/edge-limit/laguerreSecondOrderBeta.ts, fits with the
 * constant pinned; residual ≤ 1.4e−6 (β = 1), 2.4e−7 (β = 4)). As for β = 2 the ρ² terms of c₂, c₃
 * are the least pinned (a cubic moves them by ≤ 1.5%). Within the fits' resolution c₁ does not depend
 * on β, c₂ = (2/β)·c₂(β = 2) and c₃(β = 4) = c₃(β = 1)/4 (the README of docs/edge-limit).
 */
export const LAGUERRE_SECOND_CORRECTION_POLYNOMIALS_BETA: Readonly<
  Record<1 | 4, readonly (readonly [number, number, number])[]>
> = {
  1: [
    [-3 / 560, 0.01429951, 0.0856562],
    [3 / 70, -0.2142769, 0.1142482],
    [-33 / 560, 0.1071132, 0.09298211],
  ],
  4: [
    [-3 / 560, 0.01428671, 0.08570948],
    [3 / 280, -0.05357415, 0.0285843],
    [-33 / 2240, 0.0267954, 0.02316828],
  ],
};

/**
 * The second Laguerre correction E₂ = ½L₁²F_β + L₂F_β at (N, M) (module comment), as terms:
 * ½L₁²F = (a²/2)s⁴F″ + ab·s²F‴ + (b²/2)F⁗ + a²s³F′ + 2ab·sF″ + ab·F′, plus L₂F; β = 2 with
 * LAGUERRE_SECOND_CORRECTION_POLYNOMIALS, β = 1, 4 with LAGUERRE_SECOND_CORRECTION_POLYNOMIALS_BETA
 * (a, b, ρ in M′, N′ = · + 1/2 − 1/β).
 */
export function laguerreSoftEdgeSecondCorrection(n: number, m: number, beta = 2): SoftEdgeTerm[] {
  const { a, b } = laguerreSoftEdgeCorrection(n, m, beta);
  const shift = 0.5 - 1 / beta;
  const rm = Math.sqrt(m + shift);
  const rn = Math.sqrt(n + shift);
  const rho = (rm * rn) / ((rm + rn) * (rm + rn));
  const polynomials =
    beta === 1 || beta === 4
      ? LAGUERRE_SECOND_CORRECTION_POLYNOMIALS_BETA[beta]
      : LAGUERRE_SECOND_CORRECTION_POLYNOMIALS;
  const [c1, c2, c3] = polynomials.map(([p0, p1, p2]) => p0 + rho * (p1 + rho * p2)) as [
    number,
    number,
    number,
  ];
  return [
    { c: (a * a) / 2, power: 4, derivative: 2 },
    { c: a * b, power: 2, derivative: 3 },
    { c: (b * b) / 2, power: 0, derivative: 4 },
    { c: a * a + c1, power: 3, derivative: 1 },
    { c: 2 * a * b + c2, power: 1, derivative: 2 },
    { c: a * b + c3, power: 0, derivative: 1 },
  ];
}

/** The second correction's terms for spec, or undefined (hermite β = 2, laguerre β = 2 only). */
function secondCorrectionOf(spec: SoftEdgeSpec, beta: number): readonly SoftEdgeTerm[] | undefined {
  if (spec.ensemble === "laguerre") {
    return spec.m !== undefined
      ? laguerreSoftEdgeSecondCorrection(spec.n, spec.m, beta)
      : undefined;
  }
  return SOFT_EDGE_SECOND_CORRECTIONS[`${spec.ensemble}|${beta}`];
}

/**
 * The LUE expansion parameter h = σ/√(MN) = (1/√M + 1/√N)^{4/3}; β = 1, 4: in M′, N′ = · + 1/2 − 1/β.
 */
export function laguerreSoftEdgeParameter(n: number, m: number, beta = 2): number {
  const shift = 0.5 - 1 / beta;
  return detPow(1 / Math.sqrt(m + shift) + 1 / Math.sqrt(n + shift), 4 / 3);
}

const STEP1 = 1e-4;
const STEP2 = 1e-3;

/** h, E and E′ of the first correction at s (F′ = f, F″ = f′ by central differences of f). */
function correctionTerms(
  beta: 1 | 2 | 4,
  c: SoftEdgeCorrection,
  s: number,
): { f: number; e: number; ePrime: number } {
  const f = tracyWidomPdf(s, beta);
  const fp = (tracyWidomPdf(s + STEP1, beta) - tracyWidomPdf(s - STEP1, beta)) / (2 * STEP1);
  const fpp =
    (tracyWidomPdf(s + STEP2, beta) - 2 * f + tracyWidomPdf(s - STEP2, beta)) / (STEP2 * STEP2);
  return {
    f,
    e: c.a * s * s * f + c.b * fp,
    ePrime: c.a * (2 * s * f + s * s * fp) + c.b * fpp,
  };
}

/** Step of the 9-point central differences of f = F′ in the second correction (error ≲ 1e−7 in f‴). */
const STEP9 = 0.05;
/** 9-point central-difference weights (order 8 for f′, f″; 6 for f‴, f⁗) on f(t + kd), k = −4 … 4. */
const D1 = [1 / 280, -4 / 105, 1 / 5, -4 / 5, 0, 4 / 5, -1 / 5, 4 / 105, -1 / 280];
const D2 = [-1 / 560, 8 / 315, -1 / 5, 8 / 5, -205 / 72, 8 / 5, -1 / 5, 8 / 315, -1 / 560];
const D3 = [-7 / 240, 3 / 10, -169 / 120, 61 / 30, 0, -61 / 30, 169 / 120, -3 / 10, 7 / 240];
const D4 = [7 / 240, -2 / 5, 169 / 60, -122 / 15, 91 / 8, -122 / 15, 169 / 60, -2 / 5, 7 / 240];

/** E₂(t) and E₂′(t) of the second correction (F′ … F⁽⁵⁾ from 9-point differences of f). */
function secondCorrectionTerms(
  beta: 1 | 2 | 4,
  terms: readonly SoftEdgeTerm[],
  t: number,
): { e2: number; e2Prime: number } {
  const v: number[] = [];
  for (let k = -4; k <= 4; k++) v.push(tracyWidomPdf(t + k * STEP9, beta));
  const dot = (w: number[]) => {
    let x = 0;
    for (let i = 0; i < 9; i++) x += (w[i] as number) * (v[i] as number);
    return x;
  };
  // d[k] = F^{(k)}(t), k = 1 … 5.
  const d = [
    0,
    v[4] as number,
    dot(D1) / STEP9,
    dot(D2) / (STEP9 * STEP9),
    dot(D3) / (STEP9 * STEP9 * STEP9),
    dot(D4) / (STEP9 * STEP9 * STEP9 * STEP9),
  ];
  let e2 = 0;
  let e2Prime = 0;
  for (const { c, power, derivative } of terms) {
    const tp = power === 0 ? 1 : t ** power;
    const tp1 = power === 0 ? 0 : power * t ** (power - 1);
    e2 += c * tp * (d[derivative] as number);
    e2Prime += c * (tp1 * (d[derivative] as number) + tp * (d[derivative + 1] as number));
  }
  return { e2, e2Prime };
}

/** ∫ t^j F^{(k)}(t) dt = (−1)^{k−1}·j!/(j−k+1)!·E[t^{j−k+1}] (parts, k ≥ 1; 0 for j < k − 1). */
function termIntegral(beta: 1 | 2 | 4, power: number, derivative: number): number {
  const p = power - derivative + 1;
  if (p < 0) return 0;
  let factor = derivative % 2 === 1 ? 1 : -1;
  for (let i = p + 1; i <= power; i++) factor *= i;
  return factor * momentOf(beta, p);
}

function checkSpec(spec: SoftEdgeSpec): {
  beta: 1 | 2 | 4;
  correction: SoftEdgeCorrection;
  h: number;
  k: number;
} {
  const { ensemble, beta, n } = spec;
  if (ensemble !== "hermite" && ensemble !== "laguerre") {
    throw new RangeError(
      `softEdgeLaw: ensemble must be "hermite" or "laguerre", got ${String(ensemble)}`,
    );
  }
  if (!(beta === 1 || beta === 2 || beta === 4)) {
    throw new RangeError(`softEdgeLaw: beta must be 1, 2 or 4, got ${beta}`);
  }
  if (!(Number.isInteger(n) && n >= 2)) {
    throw new RangeError(`softEdgeLaw: n must be an integer >= 2, got ${n}`);
  }
  if (ensemble === "laguerre") {
    const m = spec.m;
    if (!(typeof m === "number" && Number.isFinite(m) && m > n - 1)) {
      throw new RangeError(
        `softEdgeLaw: laguerre needs the Wishart dimension m > n − 1 (m = n + a), got ${m}`,
      );
    }
    // edgeScaling's Laguerre centre and scale are already written in M′, N′: no change of variable.
    return {
      beta,
      correction: laguerreSoftEdgeCorrection(n, m, beta),
      h: laguerreSoftEdgeParameter(n, m, beta),
      k: 1,
    };
  }
  if (spec.m !== undefined) {
    throw new RangeError("softEdgeLaw: m is a laguerre parameter");
  }
  const correction = SOFT_EDGE_CORRECTIONS[`${ensemble}|${beta}`];
  if (correction === undefined) {
    throw new RangeError(
      `softEdgeLaw: no finite-N correction is available for ${ensemble} at beta = ${beta}`,
    );
  }
  // s ↦ t = k·s: from the N^{−1/6} scale of edgeScaling to the N′^{−1/6} of the expansion.
  return {
    beta,
    correction,
    h: softEdgeParameter(n, beta),
    k: detPow(shiftedSize(n, beta) / n, 1 / 6),
  };
}

/** N′ = N + 1/2 − 1/β, the size in which the expansion is written. */
function shiftedSize(n: number, beta: number): number {
  return n + 0.5 - 1 / beta;
}

/** The expansion parameter h = N′^{−2/3} of the first correction (N′ = N + 1/2 − 1/β). */
export function softEdgeParameter(n: number, beta: number): number {
  return detPow(shiftedSize(n, beta), -2 / 3);
}

/**
 * The first finite-N correction E(t) of spec in the variable t = (N′/N)^{1/6}·s (P(t_N ≤ t) ≈
 * F_β(t) + N′^{−2/3}E(t)), without the clipping of softEdgeLaw; throws where none is available.
 */
export function softEdgeCorrection(spec: SoftEdgeSpec, s: number): number {
  const { beta, correction } = checkSpec(spec);
  return correctionTerms(beta, correction, s).e;
}

/**
 * The second finite-N correction E₂(t) of spec (P(t_N ≤ t) ≈ F + hE + h²E₂), without clipping;
 * throws where none is available (hermite β = 1, 2, 4 and laguerre β = 2 have one).
 */
export function softEdgeSecondCorrection(spec: SoftEdgeSpec, s: number): number {
  const { beta } = checkSpec(spec);
  const second = secondCorrectionOf(spec, beta);
  if (second === undefined) {
    throw new RangeError(
      `softEdgeSecondCorrection: no second correction is available for ${spec.ensemble} at beta = ${beta}`,
    );
  }
  return secondCorrectionTerms(beta, second, s).e2;
}

/**
 * The law of (λ_max − center)/scale of the N-point ensemble (edgeScaling) with its finite-N
 * corrections (module comment) as a ContinuousLaw: `order: 1` F + hE, `order: 2` F + hE + h²E₂
 * (hermite β = 1, 2, 4 and laguerre β = 2; their default), `order: 0` F_β itself (for comparisons). Its sample()
 * inverts the corrected CDF (Newton from the TW_β quantile, bisection safeguard; engine-independent
 * arithmetic, so draws are bit-identical across engines).
 */
export function softEdgeLaw(
  spec: SoftEdgeSpec,
  options: { order?: 0 | 1 | 2 } = {},
): ContinuousLaw {
  const { beta, correction, h, k } = checkSpec(spec);
  const second = secondCorrectionOf(spec, beta);
  const order = options.order ?? (second === undefined ? 1 : 2);
  if (!(order === 0 || order === 1 || order === 2)) {
    throw new RangeError(`softEdgeLaw: order must be 0, 1 or 2, got ${String(order)}`);
  }
  if (order === 2 && second === undefined) {
    throw new RangeError(
      `softEdgeLaw: no second correction is available for ${spec.ensemble} at beta = ${beta} (available: hermite beta = 1, 2, 4; laguerre beta = 2)`,
    );
  }
  if (order === 0) {
    const tw = tracyWidom(beta);
    return continuousLaw({
      name: `TW_${beta} (limit of ${spec.ensemble}, beta = ${beta}, N = ${spec.n})`,
      support: tw.support,
      pdf: (s) => tw.pdf(s),
      cdf: (s) => tw.cdf(s),
      sf: (s) => tw.sf(s),
      quantile: (p) => tw.quantile(p),
      mean: tw.mean,
      variance: tw.variance,
      sample: (rng: RandomSource) => tracyWidomSample(rng, beta),
    });
  }
  const terms = (t: number) => correctionTerms(beta, correction, t);
  const secondTerms = order === 2 ? (second as readonly SoftEdgeTerm[]) : [];
  const h2 = h * h;
  // The correction hE (+ h²E₂ at order 2) and its derivative.
  const delta = (t: number) => {
    const v = terms(t);
    if (order !== 2) return { f: v.f, d: h * v.e, dPrime: h * v.ePrime };
    const w = secondCorrectionTerms(beta, secondTerms, t);
    return { f: v.f, d: h * v.e + h2 * w.e2, dPrime: h * v.ePrime + h2 * w.e2Prime };
  };
  const rawCdf = (t: number) => tracyWidomCdf(t, beta) + delta(t).d;
  const rawSf = (t: number) => tracyWidomSf(t, beta) - delta(t).d;
  const rawPdf = (t: number) => {
    const v = delta(t);
    return v.f + v.dPrime;
  };
  // [tL, tR]: the widest interval around the median on which the corrected density is positive
  // and the corrected F and 1 − F stay within a factor 2 of the uncorrected ones (beyond, the
  // expansion has no meaning: the correction is as large as the tail itself).
  const inRange = (ratio: number) => ratio >= 0.5 && ratio <= 2;
  const median = tracyWidomQuantile(0.5, beta);
  let tL = median;
  while (tL > -14) {
    const t = tL - 0.01;
    if (!(rawPdf(t) > 0 && inRange(rawCdf(t) / tracyWidomCdf(t, beta)))) break;
    tL = t;
  }
  let tR = median;
  while (tR < 14) {
    const t = tR + 0.01;
    if (!(rawPdf(t) > 0 && inRange(rawSf(t) / tracyWidomSf(t, beta)))) break;
    tR = t;
  }
  const leftRatio = rawCdf(tL) / tracyWidomCdf(tL, beta);
  const rightRatio = rawSf(tR) / tracyWidomSf(tR, beta);
  const cdfT = (t: number) => {
    if (t < tL) return tracyWidomCdf(t, beta) * leftRatio;
    if (t > tR) return 1 - tracyWidomSf(t, beta) * rightRatio;
    return rawCdf(t);
  };
  const sfT = (t: number) => {
    if (t < tL) return 1 - tracyWidomCdf(t, beta) * leftRatio;
    if (t > tR) return tracyWidomSf(t, beta) * rightRatio;
    return rawSf(t);
  };
  const pdfT = (t: number) => {
    if (t < tL) return tracyWidomPdf(t, beta) * leftRatio;
    if (t > tR) return tracyWidomPdf(t, beta) * rightRatio;
    return Math.max(0, rawPdf(t));
  };
  const quantileT = (p: number) => {
    if (!(p >= 0 && p <= 1)) return Number.NaN;
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    if (p < cdfT(tL)) return tracyWidomQuantile(p / leftRatio, beta);
    if (p > cdfT(tR)) return tracyWidomIsf((1 - p) / rightRatio, beta);
    // Newton on [tL, tR] from the TW quantile, kept inside a shrinking bracket.
    let lo = tL;
    let hi = tR;
    let t = Math.min(hi, Math.max(lo, tracyWidomQuantile(p, beta)));
    for (let i = 0; i < 100; i++) {
      const g = rawCdf(t) - p;
      if (g === 0) return t;
      if (g < 0) lo = t;
      else hi = t;
      const d = rawPdf(t);
      let next = t - g / d;
      if (!(d > 0 && next > lo && next < hi)) next = 0.5 * (lo + hi);
      if (Math.abs(next - t) <= 1e-14 * Math.max(1, Math.abs(t)) || hi - lo <= 1e-15) return next;
      t = next;
    }
    return t;
  };
  // Moments of t: ∫(F − F_N) = h·a·E[t²] shifts the mean (∫F″ = 0); the second moment shifts by
  // −2h(a·E[t³] − b) (∫t·t²F′ = E[t³], ∫t F″ = −1); order 2 adds −h²∫E₂ and −2h²∫tE₂ (termIntegral).
  // Then s = t/k.
  const { mean: m1, variance } = tracyWidomMoments(beta);
  const m2 = variance + m1 * m1;
  const m3 = momentOf(beta, 3);
  let meanT = m1 - h * correction.a * m2;
  let secondT = m2 - 2 * h * (correction.a * m3 - correction.b);
  for (const { c, power, derivative } of secondTerms) {
    meanT -= h2 * c * termIntegral(beta, power, derivative);
    secondT -= 2 * h2 * c * termIntegral(beta, power + 1, derivative);
  }
  return continuousLaw({
    name: `soft-edge law (${spec.ensemble}, beta = ${beta}, N = ${spec.n}${spec.m === undefined ? "" : `, M = ${spec.m}`})`,
    support: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    pdf: (s) => k * pdfT(k * s),
    cdf: (s) => cdfT(k * s),
    sf: (s) => sfT(k * s),
    quantile: (p) => quantileT(p) / k,
    mean: meanT / k,
    variance: (secondT - meanT * meanT) / (k * k),
    sample: (rng: RandomSource) => quantileT(rng.uniform()) / k,
  });
}

/** E[s^p] of TW_β (p ≤ 2 from tracyWidomMoments; else trapezoid on [−12, 10], step 2e−3; smooth, decaying). */
const higherMoments = new Map<string, number>();
function momentOf(beta: 1 | 2 | 4, p: number): number {
  if (p === 0) return 1;
  const { mean, variance } = tracyWidomMoments(beta);
  if (p === 1) return mean;
  if (p === 2) return variance + mean * mean;
  const key = `${beta}|${p}`;
  let v = higherMoments.get(key);
  if (v === undefined) {
    v = 0;
    const step = 2e-3;
    for (let s = -12; s <= 10; s += step) {
      let x = 1;
      for (let i = 0; i < p; i++) x *= s;
      v += x * tracyWidomPdf(s, beta) * step;
    }
    higherMoments.set(key, v);
  }
  return v;
}
