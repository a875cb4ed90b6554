/**
 * λ_max of the Hermite and Laguerre β-ensembles at huge N from the Tracy–Widom limit (the "limit" model):
 * λ_max ≈ center + scale·F_β⁻¹(U), U uniform, center and scale from edgeScaling (N′ = N + 1/2 − 1/β
 * centring), F_β the Fredholm-determinant CDF of tracyWidom.ts (β ∈ {1, 2, 4}, β-ensemble
 * convention). One uniform and one Chebyshev-table quantile per sample: microseconds at any N.
 *
 * This is an approximation of the finite-N law, not an exact sampler: the Kolmogorov distance
 * d(N) = sup_s |P((λ_max − center)/scale ≤ s) − F_β(s)| is O(N^{−2/3}) (Johnstone–Ma 2012 for
 * β = 1, 2). Measured (docs/edge-limit/): β = 2 exactly, from the finite-N GUE Fredholm determinant
 * (hermiteLargestEigenvalueCdf.ts), d(N) = 0.0878·N^{−2/3} + 0.0108·N^{−4/3} for N = 2 … 1e6;
 * β = 1 and 4 exactly too, from the finite-N GOE and GSE Pfaffians (goeLargestEigenvalueCdf.ts,
 * gseLargestEigenvalueCdf.ts; docs/edge-limit/README.md): d(N)·N^{2/3} = 0.070 (N = 2) falling to
 * 0.042 (N = 4000) at β = 1, 0.113 (N = 2) rising to 0.142 (N = 1000) at β = 4 (earlier simulations of
 * the tridiagonal model gave ≈ 0.06 and 0.13–0.157). The uncorrected envelope is 0.3·N^{−2/3} (≥ 2× every
 * measurement); the model uses it only where no corrected law exists, and the
 * model refuses sizes where it exceeds the tolerance (1e−6 by default, N ≥ 1.6e8: a KS test would
 * need ~1e12 samples to notice). At N = 1e12 the bound is 3e−9 (exact β = 2 value 8.8e−10).
 *
 * Laguerre (Johnstone's centring, M′ = M + 1/2 − 1/β): simulated d(N)·N^{2/3} is flat in N
 * (N = 10 … 1000) and at most ≈ 0.51 (β = 4, M ≈ N, small shape k); ≈ 0.03–0.07 when M = 100N
 * (docs/edge-limit/). Envelope 1.0·N^{−2/3} with N the matrix size (M ≥ N − 1 always), i.e.
 * N ≥ 1e9 at the default tolerance.
 * Below that size use the exact truncated tridiagonal model (edge.ts), which costs O(N^{1/3}).
 *
 * Hermite β = 1, 2, 4 with the first two finite-N corrections (src/theory/softEdgeLaw.ts, order 2):
 * the model draws from F_β + hE + h²E₂ (h = N′^{−2/3}, N′ = N + 1/2 − 1/β) instead of F_β. Its exact
 * distance to the finite-N law is, for N = 10 … (β = 2: 1e5, exact GUE law hermiteLargestEigenvalueCdf.ts;
 * β = 1: 4000, GOE law goeLargestEigenvalueCdf.ts; β = 4: 3000, GSE law gseLargestEigenvalueCdf.ts),
 * 0.0047·N^{−2}, 0.0126·N^{−2}, 0.0171·N^{−2}, and at most 0.0258, 0.0217, 0.0611·N^{−2} (N = 2)
 * (docs/tracy-widom/README.md §3, docs/edge-limit/README.md); envelopes 0.06, 0.05, 0.14·N^{−2}, so the
 * smallest admitted sizes at 1e−6 are N = 245, 224, 375 instead of 1.6e8.
 *
 * Laguerre β = 2 (complex Wishart, M = k + N − 1) likewise draws from the corrected LUE law
 * F₂ + hE + h²E₂ (softEdgeLaw order 2, h = (1/√M + 1/√N)^{4/3}), whose exact distance to the
 * finite-N LUE law (laguerreLargestEigenvalueCdf.ts) is ≤ 0.0152·h³ for N ≥ 100 and ≤ 0.0811·h³
 * for N ≥ 2 at every M/N measured (N − 0.99 … 100N; docs/edge-limit/README.md, lueSecondOrder.ts);
 * envelope 0.18·h³, so the smallest admitted size at 1e−6 is N = 1698 for M ≈ N (also for the
 * worst case M → N − 1, used when the shape is not given), falling to 425 as M → ∞, instead of
 * 1e9 (17215 and 4304 with the first correction alone, envelope 0.07·h²). Laguerre β = 1, 4 (real and
 * quaternion Wishart) draw from the order-2 corrected law F_β + hE + h²E₂ (softEdgeLaw: the LUE
 * correction with M′, N′ = · + 1/2 − 1/β and b scaled by 2/β, and E₂ = ½L₁²F_β + L₂F_β with c_k(ρ)
 * fitted to the exact laws), whose exact distance to the finite-N LOE and LSE laws
 * (loeLargestEigenvalueCdf.ts, lseLargestEigenvalueCdf.ts) is ≤ 0.0535·h³ (β = 1) and ≤ 0.120·h³
 * (β = 4, both at N = 15) for N ≥ 2 and every M/N measured (≈ 1 … 100;
 * docs/edge-limit/laguerrePfaffianCorrections.ts); envelopes 0.12·h³, 0.27·h³, admitted from N = 1387,
 * 2079 at M ≈ N (and without a shape), 347, 520 as M → ∞, instead of 1e9 (order 1 alone: ≤ 0.0424,
 * 0.0817·h², which would need N ≥ 2·10⁴, 3.5·10⁴).
 *
 * Why not exact at N = 1e12: the exact truncated model must draw ≈ c(β)·N^{1/3} ≈ 1.8e5 rows
 * (the top eigenvector reaches ≈ 10 N^{1/3} rows; edge.ts), i.e. ≥ 3e5 normal/gamma variates,
 * tens of milliseconds; the limit model is ≈ 1e4 times faster and its error (≤ 3e−9 in
 * Kolmogorov distance at N = 1e12) is far below the statistical resolution of any run.
 */

import type { RandomSource } from "../random/source.js";
import { detPow } from "../special/deterministicMath.js";
import { edgeScaling } from "../theory/edgeScaling.js";
import { softEdgeLaw } from "../theory/softEdgeLaw.js";
import { tracyWidomSample } from "../theory/tracyWidom.js";
import { checkHermite, defaultHermiteParams, type HermiteParams } from "./hermite.js";
import { checkLaguerre, defaultLaguerreParams, type LaguerreParams } from "./laguerre.js";
import { clampToSupport, HALF_LINE } from "./support.js";

/** The ensembles with a limit model. */
export type EdgeLimitEnsemble = "hermite" | "laguerre";

/**
 * Envelope constants C of d(N) ≤ C·N^{−2/3}, β ∈ {1, 2, 4} (docs/edge-limit/README.md): ≥ 2× every
 * measured d(N)·N^{2/3} (Laguerre: simulated max 0.51 at β = 4, M ≈ N; the exact LSE law gives 0.44–0.52
 * for N ≥ 5 at M = N and 0.582 at N = 2, a 1.7× margin there; Hermite exact max 0.142, β = 4, N = 1000,
 * GSE law, and 1.9× the 0.157 of 10⁶ draws, docs/tracy-widom/README.md §3). Hermite at β = 1, 2, 4 uses
 * the corrected laws' envelopes instead (EDGE_LIMIT_CORRECTED_CONSTANTS).
 */
export const EDGE_LIMIT_CONSTANTS: Readonly<Record<EdgeLimitEnsemble, number>> = {
  hermite: 0.3,
  laguerre: 1.0,
};

/**
 * Envelope constants C₃ of d(N) ≤ C₃·N^{−2} for the corrected Hermite laws (F_β + hE + h²E₂,
 * h = N′^{−2/3}, softEdgeLaw order 2), per β: ≥ 2.3× the largest exact distance measured for N = 2 …
 * (β = 2: 0.0047–0.0258, N ≤ 1e5, docs/tracy-widom/README.md §3, secondOrder.ts; β = 1: 0.0126–0.0217,
 * N ≤ 4000, GOE law; β = 4: 0.0171–0.0611, N ≤ 3000, GSE law; docs/edge-limit/pfaffianCorrections.ts).
 */
export const EDGE_LIMIT_CORRECTED_CONSTANTS: Readonly<Record<1 | 2 | 4, number>> = {
  1: 0.05,
  2: 0.06,
  4: 0.14,
};

/**
 * Envelope constant C₃ of d ≤ C₃·h³, h = (1/√M + 1/√N)^{4/3}, for the corrected Laguerre β = 2 law
 * (order 2): ≥ 2.2× the exact 0.0811 (N = 17, M = 16.5), the largest measured for N = 2 … 200,
 * M = N − 0.99 … 100N; ≥ 11× the 0.0152 of N ≥ 100 (docs/edge-limit/README.md, lueSecondOrder.ts).
 */
export const EDGE_LIMIT_LAGUERRE_CORRECTED_CONSTANT = 0.18;

/**
 * Envelope constants C₃ of d ≤ C₃·h³, h = (1/√M′ + 1/√N′)^{4/3} (M′, N′ = · + 1/2 − 1/β), for the
 * order-2 corrected Laguerre β = 1, 4 laws (softEdgeLaw, laguerreSoftEdgeSecondCorrection): ≥ 2.2× the
 * largest exact distance of the implemented law (with its tail continuation) measured against the
 * finite-N LOE and LSE laws over N = 2 … 1000, M/N = 1 … 100, and a sweep of shapes k = 1e−3 … 1e3 at
 * N = 2 … 20 (β = 1: 0.0535 at N = 15; β = 4: 0.1200 at N = 15; docs/edge-limit/laguerrePfaffianCorrections.ts).
 */
export const EDGE_LIMIT_LAGUERRE_BETA_CORRECTED_CONSTANTS: Readonly<Record<1 | 4, number>> = {
  1: 0.12,
  4: 0.27,
};

/** Whether the limit model draws from the corrected law (softEdgeLaw) for this ensemble and β. */
export function edgeLimitIsCorrected(
  ensemble: EdgeLimitEnsemble,
  beta: number | undefined,
): boolean {
  return (
    (ensemble === "hermite" || ensemble === "laguerre") && (beta === 1 || beta === 2 || beta === 4)
  );
}

/** C₃ of the corrected Hermite law at β (EDGE_LIMIT_CORRECTED_CONSTANTS). */
function hermiteCorrectedConstant(beta: number | undefined): number {
  return EDGE_LIMIT_CORRECTED_CONSTANTS[beta as 1 | 2 | 4];
}

/**
 * The Wishart dimension M = 2k/β + N − 1 of a Laguerre shape k; without k the worst case of the
 * corrected bound, M → N − 1 (k → 0; the expansion parameter h decreases with M).
 */
function wishartDimension(n: number, beta: number, shape: number | undefined): number {
  if (shape === undefined) return n - 1;
  if (!(shape > 0 && Number.isFinite(shape))) {
    throw new RangeError(`laguerre shape must be a finite number > 0, got ${shape}`);
  }
  return (2 * shape) / beta + n - 1;
}

/** Default largest Kolmogorov distance the limit model accepts. */
export const EDGE_LIMIT_TOLERANCE = 1e-6;

/** bound ≤ tolerance up to rounding of N^{−2/3} (so that N = 1e9 passes 1.0·N^{−2/3} ≤ 1e−6). */
function withinTolerance(bound: number, tolerance: number): boolean {
  return bound <= tolerance * (1 + 1e-12);
}

function constantOf(ensemble: EdgeLimitEnsemble): number {
  const c = EDGE_LIMIT_CONSTANTS[ensemble];
  if (c === undefined) {
    throw new RangeError(
      `the limit model exists for hermite and laguerre only, got ${String(ensemble)}`,
    );
  }
  return c;
}

/**
 * Upper envelope of the Kolmogorov distance between the law of (λ_max − center)/scale of the
 * N-point Hermite or Laguerre β-ensemble (edgeScaling) and TW_β, β ∈ {1, 2, 4}: C·N^{−2/3},
 * C = EDGE_LIMIT_CONSTANTS[ensemble], above the measurements of docs/edge-limit/ (rate
 * O(N^{−2/3}): Johnstone–Ma 2012 for Hermite; Johnstone 2008, El Karoui 2006 for Laguerre).
 * The corrected laws' envelopes: Hermite β = 1, 2, 4: C₃·N^{−2} (EDGE_LIMIT_CORRECTED_CONSTANTS);
 * Laguerre β = 2: 0.18·h³, h = (1/√M + 1/√N)^{4/3}, β = 1, 4: C₃·h³ (EDGE_LIMIT_LAGUERRE_BETA_CORRECTED_CONSTANTS,
 * h in M′, N′), with M = 2k/β + N − 1 from the Laguerre shape k (worst case M → N − 1 without it).
 */
export function edgeLimitDistanceBound(
  n: number,
  ensemble: EdgeLimitEnsemble = "hermite",
  beta?: number,
  shape?: number,
): number {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`n must be an integer >= 1, got ${n}`);
  }
  const c = constantOf(ensemble);
  if (edgeLimitIsCorrected(ensemble, beta)) {
    // Corrected Hermite law (order 2, β = 1, 2, 4): C₃·N^{−2} (the module comment).
    if (ensemble === "hermite") return hermiteCorrectedConstant(beta) / (n * n);
    const b = beta as 1 | 2 | 4;
    const m = wishartDimension(n, b, shape);
    // Corrected Laguerre β = 1, 4 laws (order 2): C₃·h³ = C₃(1/√M′ + 1/√N′)⁴ (the module comment).
    if (b !== 2) {
      const shift = 0.5 - 1 / b;
      if (!(m + shift > 0)) return Number.POSITIVE_INFINITY;
      const u = 1 / Math.sqrt(m + shift) + 1 / Math.sqrt(n + shift);
      return EDGE_LIMIT_LAGUERRE_BETA_CORRECTED_CONSTANTS[b] * (u * u) * (u * u);
    }
    // Corrected Laguerre β = 2 law (order 2): C₃·h³ = C₃(1/√M + 1/√N)⁴ (the module comment).
    if (!(m > 0)) return Number.POSITIVE_INFINITY;
    const u = 1 / Math.sqrt(m) + 1 / Math.sqrt(n);
    return EDGE_LIMIT_LAGUERRE_CORRECTED_CONSTANT * (u * u) * (u * u);
  }
  return c * detPow(n, -2 / 3);
}

/**
 * The smallest N with edgeLimitDistanceBound(N, ensemble, β) ≤ tolerance: ≈ (C/tolerance)^{3/2},
 * or (C₃/tolerance)^{1/2} for the corrected Hermite laws (β = 1, 2, 4), and for the corrected Laguerre
 * β = 2 law the N where C₃·h³ reaches the tolerance at the given shape (worst case without it).
 * Without β, the uncorrected envelope.
 */
export function edgeLimitMinimumSize(
  tolerance: number = EDGE_LIMIT_TOLERANCE,
  ensemble: EdgeLimitEnsemble = "hermite",
  beta?: number,
  shape?: number,
): number {
  if (!(tolerance > 0 && tolerance < 1)) {
    throw new RangeError(`tolerance must be in (0, 1), got ${tolerance}`);
  }
  const corrected = edgeLimitIsCorrected(ensemble, beta);
  let guess: number;
  if (!corrected) guess = detPow(constantOf(ensemble) / tolerance, 1.5);
  else if (ensemble === "hermite") guess = Math.sqrt(hermiteCorrectedConstant(beta) / tolerance);
  // h³ ≤ 16/N² once M ≥ N: N ≈ 4(C₃/tolerance)^{1/2}, then the exact search below.
  else if (beta === 2) guess = 4 * Math.sqrt(EDGE_LIMIT_LAGUERRE_CORRECTED_CONSTANT / tolerance);
  // β = 1, 4 (order 2): h³ ≈ 16/N² at M ≈ N, as for β = 2; twice that N, then the search below.
  else {
    const c3 = EDGE_LIMIT_LAGUERRE_BETA_CORRECTED_CONSTANTS[beta as 1 | 4];
    guess = 8 * Math.sqrt(c3 / tolerance);
  }
  const bound = (m: number) => edgeLimitDistanceBound(m, ensemble, beta, shape);
  let n = Math.max(2, Math.ceil(guess));
  if (corrected && ensemble === "laguerre" && withinTolerance(bound(n), tolerance)) {
    // The bound decreases in N (h does, at fixed shape): bisect down to the first admitted N.
    let lo = 1;
    while (n - lo > 1) {
      const mid = Math.floor((lo + n) / 2);
      if (mid >= 2 && withinTolerance(bound(mid), tolerance)) n = mid;
      else lo = mid;
    }
  }
  while (n > 2 && withinTolerance(bound(n - 1), tolerance)) n--;
  while (!withinTolerance(bound(n), tolerance)) n++;
  return n;
}

/**
 * Throws a RangeError unless the limit model applies: β ∈ {1, 2, 4} (F_β known as a Fredholm
 * determinant), 2 ≤ N ≤ 2^51, and edgeLimitDistanceBound(N, ensemble) ≤ tolerance.
 */
export function checkEdgeLimit(
  n: number,
  beta: number,
  tolerance: number = EDGE_LIMIT_TOLERANCE,
  ensemble: EdgeLimitEnsemble = "hermite",
  shape?: number,
): void {
  constantOf(ensemble);
  if (!(beta === 1 || beta === 2 || beta === 4)) {
    throw new RangeError(
      `the limit model needs beta in {1, 2, 4} (Tracy–Widom F_beta is known exactly only there), got ${beta}; use the tridiagonal model`,
    );
  }
  if (!(Number.isInteger(n) && n >= 2)) {
    throw new RangeError(`n must be an integer >= 2, got ${n}`);
  }
  if (n > 2 ** 51) throw new RangeError(`n must be <= 2^51, got ${n}`);
  const bound = edgeLimitDistanceBound(n, ensemble, beta, shape);
  if (!withinTolerance(bound, tolerance)) {
    throw new RangeError(
      `the ${ensemble} limit model is accurate to ${tolerance.toExponential(0)} (Kolmogorov distance) only for ` +
        `n >= ${edgeLimitMinimumSize(tolerance, ensemble, beta, shape).toExponential(2)}; at n = ${n} its error may reach ` +
        `${bound.toExponential(1)}; use the exact tridiagonal model (O(N^(1/3)) per λ_max)`,
    );
  }
}

/**
 * λ_max of the N-point Hermite or Laguerre β-ensemble (β ∈ {1, 2, 4}) from the Tracy–Widom limit:
 * center + scale·F_β⁻¹(U) with one uniform U = rng.uniform(), center and scale from edgeScaling
 * (Tracy–Widom 1994, 1996; Johnstone 2001; Ramírez–Rider–Virág 2011 for the β-ensemble
 * convention); with `rescaled`, the TW_β draw F_β⁻¹(U) = (λ_max − center)/scale itself, without
 * cancellation. Kolmogorov distance to the exact law ≤ edgeLimitDistanceBound(N, ensemble); throws
 * (checkEdgeLimit) where that exceeds `tolerance`, and on invalid parameters.
 *
 * @example
 * import { createRandomSource, largestEigenvalueLimit } from "betaens";
 * const rng = createRandomSource(1, 0);
 * const xi = largestEigenvalueLimit("hermite", rng, 1e12, 2, { loc: 0, scale: 1 }, true); // ≈ TW₂
 */
export function largestEigenvalueLimit(
  ensemble: EdgeLimitEnsemble,
  rng: RandomSource,
  n: number,
  beta: number,
  params: HermiteParams | LaguerreParams,
  rescaled = false,
  tolerance: number = EDGE_LIMIT_TOLERANCE,
): number {
  const shape = ensemble === "laguerre" ? (params as LaguerreParams).shape : undefined;
  checkEdgeLimit(n, beta, tolerance, ensemble, shape);
  let scaling: { center: number; scale: number };
  if (ensemble === "hermite") {
    const hermite = params as HermiteParams;
    checkHermite(n, beta, hermite);
    scaling = edgeScaling("hermite", n, beta, hermite);
  } else {
    const { shape, scale } = params as LaguerreParams;
    checkLaguerre(n, beta, { shape, scale });
    scaling = edgeScaling("laguerre", n, beta, { shape, scale });
  }
  const tw = edgeLimitIsCorrected(ensemble, beta)
    ? correctedLaw(ensemble, n, beta as 1 | 2 | 4, shape).sample(rng, 1)[0]
    : tracyWidomSample(rng, beta as 1 | 2 | 4);
  if (rescaled) return tw;
  // Laguerre eigenvalues are ≥ 0 (support.ts); at the sizes this model accepts center ≫ scale·|tw|.
  const lambda = scaling.center + scaling.scale * tw;
  return ensemble === "laguerre" ? clampToSupport(lambda, HALF_LINE) : lambda;
}

/**
 * The corrected law at N and β (Hermite β = 1, 2, 4; Laguerre β = 2 with M = k + N − 1) (cached: its
 * set-up scans the density once, ≈ 1 ms).
 */
const correctedLaws = new Map<string, ReturnType<typeof softEdgeLaw>>();
function correctedLaw(
  ensemble: EdgeLimitEnsemble,
  n: number,
  beta: 1 | 2 | 4,
  shape: number | undefined,
): ReturnType<typeof softEdgeLaw> {
  const m = ensemble === "laguerre" ? wishartDimension(n, beta, shape) : undefined;
  const key = `${ensemble}|${beta}|${n}|${m}`;
  let law = correctedLaws.get(key);
  if (law === undefined) {
    if (correctedLaws.size >= 64) correctedLaws.clear();
    law = softEdgeLaw({ ensemble, beta, n, m });
    correctedLaws.set(key, law);
  }
  return law;
}

/** largestEigenvalueLimit("hermite", …): λ_max of the Hermite β-ensemble from the TW limit. */
export function hermiteLargestEigenvalueLimit(
  rng: RandomSource,
  n: number,
  beta: number,
  params: HermiteParams = defaultHermiteParams,
  tolerance: number = EDGE_LIMIT_TOLERANCE,
): number {
  return largestEigenvalueLimit("hermite", rng, n, beta, params, false, tolerance);
}

/** largestEigenvalueLimit("hermite", …, rescaled): one TW_β draw, after the same checks. */
export function hermiteRescaledLargestEigenvalueLimit(
  rng: RandomSource,
  n: number,
  beta: number,
  params: HermiteParams = defaultHermiteParams,
  tolerance: number = EDGE_LIMIT_TOLERANCE,
): number {
  return largestEigenvalueLimit("hermite", rng, n, beta, params, true, tolerance);
}

/** largestEigenvalueLimit("laguerre", …): shape k, scale θ, M = 2k/β + N − 1. */
export function laguerreLargestEigenvalueLimit(
  rng: RandomSource,
  n: number,
  beta: number,
  params: LaguerreParams = defaultLaguerreParams,
  tolerance: number = EDGE_LIMIT_TOLERANCE,
): number {
  return largestEigenvalueLimit("laguerre", rng, n, beta, params, false, tolerance);
}

/** largestEigenvalueLimit("laguerre", …, rescaled): one TW_β draw, after the same checks. */
export function laguerreRescaledLargestEigenvalueLimit(
  rng: RandomSource,
  n: number,
  beta: number,
  params: LaguerreParams = defaultLaguerreParams,
  tolerance: number = EDGE_LIMIT_TOLERANCE,
): number {
  return largestEigenvalueLimit("laguerre", rng, n, beta, params, true, tolerance);
}
