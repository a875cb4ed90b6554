/**
 * The second finite-N soft-edge correction of the Laguerre β = 1, 4 ensembles (real and quaternion
 * Wishart), measured against their exact finite-N λ_max laws (loeLargestEigenvalueCdf,
 * lseLargestEigenvalueCdf; density ∝ |Δ|^β Π x^{k−1}e^{−x}, θ = 1), as lueSecondOrder.ts does for β = 2.
 * Wishart convention: dimension M, shape k = β(M − N + 1)/2, scale θ = 2, so P(λ_max ≤ x) = exact(x/2).
 * s = (λ_max − center)/scale (edgeScaling, N′, M′ = · + 1/2 − 1/β), h = (1/√M′ + 1/√N′)^{4/3},
 * ρ = √(M′N′)/(√M′ + √N′)², E = L₁F_β, L₁ = a·s²D + b·D², a = 1/20 − 2ρ/5, b = (2/β)(−3/40 + ρ/10).
 * Hypothesis: E₂ = ½L₁²F_β + L₂F_β, L₂ = c₁(ρ)s³D + c₂(ρ)sD² + c₃(ρ)D.
 * 1. per ratio r = M′/N′ ∈ {1, 1.5, 2, 3, 4, 9, 25, 100} (M′/N′ rather than M/N so that ρ, a, b are the
 *    same at every N): R_N = (F_N − F_β − hE)/h² on s ∈ [−5, 3] (step 0.1), N = 250 … 4000,
 *    extrapolated to h → 0 by a least-squares quadratic in h at each s (also from the 4 largest N, as
 *    a resolution check); top terms fixed at ½L₁², the lower three fitted, ½L₁²'s share subtracted;
 * 2. each c_k as a polynomial in ρ over ρ = 0 (the Hermite β values −3/560, 3/(70β), c₃(β)) and
 *    r = 1 … 25 (M = 100N kept as a check): degree 2 free, degree 2 with the constant pinned to the
 *    Hermite value, degree 3 free; compared with the β = 2 quadratics (softEdgeLaw.ts);
 * 3. the remainder sup over s ∈ [−7, 5] (step 0.04) of |F_N − F_β − hE − h²E₂|/h³ (degree-2 fit) and
 *    order 1 (÷h²), N = 2 … 300, M = N − 1 + 2k/β with k = 1e−3, and M = N, 2N, 4N, 9N, 25N, 100N.
 * Usage (repository root): nice node --import tsx docs/edge-limit/laguerreSecondOrderBeta.ts <1|4>
 * Writes docs/edge-limit/laguerre-second-order-beta<β>.json (fit to stderr, table to stdout).
 */
import { writeFileSync } from "node:fs";
import { edgeScaling } from "../../src/theory/edgeScaling.js";
import { loeLargestEigenvalueCdf } from "../../src/theory/loeLargestEigenvalueCdf.js";
import { lseLargestEigenvalueCdf } from "../../src/theory/lseLargestEigenvalueCdf.js";
import {
  LAGUERRE_SECOND_CORRECTION_POLYNOMIALS,
  laguerreSoftEdgeCorrection,
  laguerreSoftEdgeParameter,
} from "../../src/theory/softEdgeLaw.js";
import { leastSquares, tracyWidomDerivatives } from "../tracy-widom/expansionFit.js";

const beta = Number(process.argv[2]) as 1 | 4;
if (beta !== 1 && beta !== 4) throw new Error("usage: laguerreSecondOrderBeta.ts <1|4>");
const exactCdf = beta === 1 ? loeLargestEigenvalueCdf : lseLargestEigenvalueCdf;
const shift = 0.5 - 1 / beta;
const started = performance.now();
const elapsed = () => ((performance.now() - started) / 1000).toFixed(1);

/** Hermite β L₂ coefficients (the ρ → 0 limit), docs/tracy-widom/README.md. */
const HERMITE = [-3 / 560, 3 / (70 * beta), beta === 1 ? -33 / 560 : -33 / 2240];

const rhoOf = (n: number, m: number) => {
  const rm = Math.sqrt(m + shift);
  const rn = Math.sqrt(n + shift);
  return (rm * rn) / (rm + rn) ** 2;
};
const abOf = (rho: number) => ({ a: 1 / 20 - (2 * rho) / 5, b: (2 / beta) * (-3 / 40 + rho / 10) });
/** The lower coefficients of ½L₁² (s³F′: a², sF″: 2ab, F′: ab) at ρ. */
function halfL1Squared(rho: number): number[] {
  const { a, b } = abOf(rho);
  return [a * a, 2 * a * b, a * b];
}
const polyAt = (c: number[][], rho: number) =>
  c.map((q) => q.reduce((s, x, j) => s + x * rho ** j, 0));
const lowerOf = (c: number[][], rho: number) => {
  const l1 = halfL1Squared(rho);
  return polyAt(c, rho).map((x, k) => x + l1[k]!);
};

/** Centre, scale, h, a, b and the exact CDF in s at (N, Wishart M). */
function setting(n: number, m: number) {
  const k = (beta * (m - n + 1)) / 2;
  const { center, scale } = edgeScaling("laguerre", n, beta, { shape: k, scale: 2 });
  const h = laguerreSoftEdgeParameter(n, m, beta);
  const { a, b } = laguerreSoftEdgeCorrection(n, m, beta);
  return {
    k,
    h,
    a,
    b,
    rho: rhoOf(n, m),
    cdf: (s: number) => exactCdf((center + scale * s) / 2, n, k),
  };
}

const SIZES = [250, 500, 1000, 2000, 4000];
const RATIOS = [1, 1.5, 2, 3, 4, 9, 25, 100];
const grid: number[] = [];
for (let i = 0; i <= 80; i++) grid.push(-5 + 0.1 * i);
const ders = grid.map((s) => tracyWidomDerivatives(s, beta));
const col = (power: number, k: number) => grid.map((s, i) => s ** power * ders[i]![k]!);

/** Extrapolate rows R_N(s) (one per size) to h → 0 and fit the lower three coefficients. */
function fitLimit(hs: number[], rs: number[][], a: number, b: number) {
  const limit = grid.map(
    (_, i) =>
      leastSquares(
        [hs.map(() => 1), hs, hs.map((h) => h * h)],
        rs.map((r) => r[i]!),
      )[0]!,
  );
  const top = grid.map(
    (s, i) =>
      ((a * a) / 2) * s ** 4 * ders[i]![2]! +
      a * b * s * s * ders[i]![3]! +
      ((b * b) / 2) * ders[i]![4]!,
  );
  const fitted = leastSquares(
    [col(3, 1), col(1, 2), col(0, 1)],
    limit.map((y, i) => y - top[i]!),
  );
  let fitResidual = 0;
  grid.forEach((s, i) => {
    const model =
      top[i]! +
      fitted[0]! * s ** 3 * ders[i]![1]! +
      fitted[1]! * s * ders[i]![2]! +
      fitted[2]! * ders[i]![1]!;
    fitResidual = Math.max(fitResidual, Math.abs(limit[i]! - model));
  });
  return { fitted, fitResidual };
}

// 1. Per ratio M′/N′.
const rows = [];
for (const ratio of RATIOS) {
  const hs: number[] = [];
  const rs: number[][] = [];
  let rho = 0;
  let a = 0;
  let b = 0;
  const sizes = [];
  for (const n of SIZES) {
    const m = ratio * (n + shift) - shift;
    const st = setting(n, m);
    ({ rho, a, b } = st);
    hs.push(st.h);
    sizes.push({ n, m, k: st.k, h: st.h });
    rs.push(
      grid.map((s, i) => {
        const [f, f1, f2] = ders[i] as [number, number, number];
        return (st.cdf(s) - f - st.h * (a * s * s * f1 + b * f2)) / (st.h * st.h);
      }),
    );
  }
  const all = fitLimit(hs, rs, a, b);
  const large = fitLimit(hs.slice(1), rs.slice(1), a, b);
  const l2 = all.fitted.map((x, k) => x - halfL1Squared(rho)[k]!);
  const l2Large = large.fitted.map((x, k) => x - halfL1Squared(rho)[k]!);
  const extrapolationSpread = l2.map((x, k) => x - l2Large[k]!);
  rows.push({
    ratio,
    rho,
    sizes,
    fitted: all.fitted,
    l2,
    fitResidual: all.fitResidual,
    l2Large,
    extrapolationSpread,
  });
  console.error(
    `ratio ${ratio} rho ${rho.toFixed(5)} L2 ${l2.map((x) => x.toPrecision(7)).join(", ")} fitResidual ${all.fitResidual.toExponential(1)} spread(4 largest N) ${extrapolationSpread.map((x) => x.toExponential(1)).join(", ")} [${elapsed()} s]`,
  );
}

// 2. Each c_k as a polynomial in ρ.
const points = [
  { rho: 0, l2: HERMITE },
  ...rows.filter((r) => r.ratio <= 25).map((r) => ({ rho: r.rho, l2: r.l2 })),
];
const check = rows.find((r) => r.ratio === 100)!;
function polyFit(degree: number, pinned: boolean) {
  const coefficients = [0, 1, 2].map((k) => {
    if (!pinned) {
      const cols = Array.from({ length: degree + 1 }, (_, j) => points.map((p) => p.rho ** j));
      return leastSquares(
        cols,
        points.map((p) => p.l2[k]!),
      );
    }
    const pts = points.filter((p) => p.rho > 0);
    const cols = Array.from({ length: degree }, (_, j) => pts.map((p) => p.rho ** (j + 1)));
    const rest = leastSquares(
      cols,
      pts.map((p) => p.l2[k]! - HERMITE[k]!),
    );
    return [HERMITE[k]!, ...rest];
  });
  const residuals = points.map((p) => polyAt(coefficients, p.rho).map((x, k) => x - p.l2[k]!));
  const maxResidual = Math.max(...residuals.flat().map(Math.abs));
  const checkM100N = polyAt(coefficients, check.rho).map((x, k) => x - check.l2[k]!);
  return { degree, pinnedConstant: pinned, coefficients, maxResidual, residuals, checkM100N };
}
const fits = [polyFit(2, false), polyFit(2, true), polyFit(3, false)];
for (const f of fits) {
  console.error(
    `degree ${f.degree}${f.pinnedConstant ? " (constant pinned)" : ""}: ${f.coefficients.map((q) => q.map((x) => x.toPrecision(6)).join(" ")).join(" | ")}; max residual ${f.maxResidual.toExponential(1)}; M′=100N′ ${f.checkM100N.map((x) => x.toExponential(1)).join(", ")}`,
  );
}
console.error(
  `Hermite rho 0: ${HERMITE.map((x) => x.toPrecision(6)).join(", ")}; free-quadratic constants minus Hermite: ${fits[0]!.coefficients.map((q, k) => (q[0]! - HERMITE[k]!).toExponential(1)).join(", ")}`,
);
// Comparison with β = 2: the ratio c_k^β(ρ)/c_k^2(ρ) and the difference at each measured ρ.
const beta2 = LAGUERRE_SECOND_CORRECTION_POLYNOMIALS.map((q) => [...q]);
const versusBeta2 = points.map((p) => {
  const c2 = polyAt(beta2, p.rho);
  return {
    rho: p.rho,
    beta2: c2,
    ratio: p.l2.map((x, k) => x / c2[k]!),
    difference: p.l2.map((x, k) => x - c2[k]!),
  };
});
for (const v of versusBeta2) {
  console.error(
    `rho ${v.rho.toFixed(5)}: c/c(β=2) ${v.ratio.map((x) => x.toFixed(4)).join(", ")}; c − c(β=2) ${v.difference.map((x) => x.toExponential(3)).join(", ")}`,
  );
}
const partial = {
  generator: `docs/edge-limit/laguerreSecondOrderBeta.ts ${beta}`,
  beta,
  sizes: SIZES,
  grid: [-5, 3, 0.1],
  hermite: HERMITE,
  rows,
  fits,
  beta2Polynomials: beta2,
  versusBeta2,
};
const out = new URL(`./laguerre-second-order-beta${beta}.json`, import.meta.url);
writeFileSync(out, `${JSON.stringify(partial, null, 1)}\n`);
console.error(`fits written [${elapsed()} s]`);

// 3. Remainder table with the free degree-2 fit.
const chosen = fits[0]!.coefficients;
const table = [];
console.log(
  `| N | M | ρ | h | order 1 ÷h² | at s | order 2 ÷h³ | at s |\n|---:|---:|---:|---:|---:|---:|---:|---:|`,
);
for (const n of [2, 5, 10, 30, 100, 300]) {
  for (const m of [n - 1 + 2e-3 / beta, n, 2 * n, 4 * n, 9 * n, 25 * n, 100 * n]) {
    const st = setting(n, m);
    const { a, b, h } = st;
    const lower = lowerOf(chosen, st.rho);
    let d1 = 0;
    let d2 = 0;
    let at1 = 0;
    let at2 = 0;
    for (let i = 0; i <= 300; i++) {
      const s = -7 + 0.04 * i;
      const [f, f1, f2, f3, f4] = tracyWidomDerivatives(s, beta) as [
        number,
        number,
        number,
        number,
        number,
      ];
      const exact = st.cdf(s);
      const first = f + h * (a * s * s * f1 + b * f2);
      const top = ((a * a) / 2) * s ** 4 * f2 + a * b * s * s * f3 + ((b * b) / 2) * f4;
      const second =
        first + h * h * (top + lower[0]! * s ** 3 * f1 + lower[1]! * s * f2 + lower[2]! * f1);
      const e1 = Math.abs(exact - first);
      const e2 = Math.abs(exact - second);
      if (e1 > d1) [d1, at1] = [e1, s];
      if (e2 > d2) [d2, at2] = [e2, s];
    }
    const r = {
      n,
      m,
      k: st.k,
      rho: st.rho,
      h,
      order1OverH2: d1 / h ** 2,
      argmax1: at1,
      order2OverH3: d2 / h ** 3,
      argmax2: at2,
    };
    table.push(r);
    console.log(
      `| ${n} | ${Number(m.toPrecision(6))} | ${st.rho.toFixed(4)} | ${h.toFixed(5)} | ${r.order1OverH2.toFixed(4)} | ${at1.toFixed(2)} | ${r.order2OverH3.toFixed(4)} | ${at2.toFixed(2)} |`,
    );
  }
}
const worst2 = table.reduce((p, q) => (q.order2OverH3 > p.order2OverH3 ? q : p));
const worst1 = table.reduce((p, q) => (q.order1OverH2 > p.order1OverH2 ? q : p));
console.log(
  `largest order 2 ÷h³ ${worst2.order2OverH3.toFixed(4)} at N = ${worst2.n}, M = ${worst2.m}, s = ${worst2.argmax2.toFixed(2)}; largest order 1 ÷h² ${worst1.order1OverH2.toFixed(4)} at N = ${worst1.n}, M = ${worst1.m} [${elapsed()} s]`,
);
writeFileSync(
  out,
  `${JSON.stringify({ ...partial, remainderGrid: [-7, 5, 0.04], table, worst2, worst1, seconds: Number(elapsed()) }, null, 1)}\n`,
);
