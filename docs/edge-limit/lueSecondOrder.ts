/**
 * The second LUE soft-edge correction, measured against the exact finite-N LUE law
 * (lueLargestEigenvalueCdf, Laguerre-kernel Fredholm determinant) in s = (λ_max − μ)/σ with
 * h = (1/√M + 1/√N)^{4/3}, ρ = √(MN)/(√M + √N)² and E = L₁F₂, L₁ = a·s²D + b·D², a = 1/20 − 2ρ/5,
 * b = −3/40 + ρ/10 (softEdgeLaw.ts):
 * 1. per M/N ∈ {1, 1.5, 2, 3, 4, 9, 25, 100}: R_N = (F_N − F₂ − hE)/h² on s ∈ [−5, 3] (step 0.1) for
 *    N = 250 … 4000, extrapolated to h → 0 by a least-squares quadratic in h at each s; as for the
 *    GUE (docs/tracy-widom/secondOrder.ts) the top terms are fixed at ½L₁² and the three lower ones
 *    (s³F₂′, sF₂″, F₂′) fitted, giving L₂ = c₁s³D + c₂sD² + c₃D;
 * 2. ρ = 0 from the GUE fit (docs/tracy-widom/second-order.json, pinned fit);
 * 3. each c_k as a polynomial of degree 2 and 3 in ρ, least squares over ρ = 0 and M/N = 1 … 25
 *    (M = 100N, the least resolved, kept as a check), compared with the earlier 3-point conjecture;
 * 4. the remainder sup|F_N − F₂ − hE − h²E₂|/h³ with the degree-2 fit, N = 2 … 1000, M = N − 0.99 … 100N;
 * 5. the implemented law (softEdgeLaw order 2, tail continuation) against the exact law, N = 2 … 200;
 * 6. a dense sweep of the implemented law where it is farthest (N = 9 … 24, M ≈ N).
 * Larger N are not used: at M ≈ 3·10⁶ the exact law's error (≈ 1e−9) is no longer small against h².
 * Writes docs/edge-limit/lue-second-order.json (fit to stderr, tables to stdout; ≈ 4 min).
 * Usage (from the repository root): nice node --import tsx docs/edge-limit/lueSecondOrder.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { lueEdge, lueLargestEigenvalueCdf } from "../../src/theory/laguerreLargestEigenvalueCdf.js";
import {
  laguerreSoftEdgeCorrection,
  laguerreSoftEdgeParameter,
  softEdgeLaw,
} from "../../src/theory/softEdgeLaw.js";
import { tracyWidomDerivatives } from "../tracy-widom/expansionFit.js";

/** Solves the k×k system A x = y (Gaussian elimination with partial pivoting). */
function solve(a: number[][], y: number[]): number[] {
  const k = y.length;
  const m = a.map((row, i) => [...row, y[i] as number]);
  for (let j = 0; j < k; j++) {
    let p = j;
    for (let i = j + 1; i < k; i++) if (Math.abs(m[i]![j]!) > Math.abs(m[p]![j]!)) p = i;
    [m[j], m[p]] = [m[p]!, m[j]!];
    for (let i = j + 1; i < k; i++) {
      const f = m[i]![j]! / m[j]![j]!;
      for (let c = j; c <= k; c++) m[i]![c]! -= f * m[j]![c]!;
    }
  }
  const x = new Array<number>(k).fill(0);
  for (let j = k - 1; j >= 0; j--) {
    let s = m[j]![k]!;
    for (let c = j + 1; c < k; c++) s -= m[j]![c]! * x[c]!;
    x[j] = s / m[j]![j]!;
  }
  return x;
}

/** Least squares by the normal equations (small, well-scaled problems only). */
function leastSquares(columns: number[][], y: number[]): number[] {
  const g = columns.map((u) => columns.map((v) => u.reduce((s, ui, i) => s + ui * v[i]!, 0)));
  return solve(
    g,
    columns.map((u) => u.reduce((s, ui, i) => s + ui * y[i]!, 0)),
  );
}

/** The lower coefficients of ½L₁² (s³F′: a², sF″: 2ab, F′: ab) at ρ. */
function halfL1Squared(rho: number): number[] {
  const a = 1 / 20 - (2 * rho) / 5;
  const b = -3 / 40 + rho / 10;
  return [a * a, 2 * a * b, a * b];
}

/** The L₂ coefficients (s³D, sD², D) as polynomials in ρ, c[k][j] the coefficient of ρ^j. */
const polyAt = (c: number[][], rho: number) =>
  c.map((q) => q.reduce((s, x, j) => s + x * rho ** j, 0));

/** Lower coefficients of E₂ = ½L₁²F₂ + L₂F₂ with L₂ from the polynomials c (top terms fixed). */
function lowerOf(c: number[][], rho: number): number[] {
  const l1 = halfL1Squared(rho);
  const l2 = polyAt(c, rho);
  return l1.map((x, k) => x + l2[k]!);
}

const SIZES = [250, 500, 1000, 2000, 4000];
const RATIOS = [1, 1.5, 2, 3, 4, 9, 25, 100];
const grid: number[] = [];
for (let i = 0; i <= 80; i++) grid.push(-5 + 0.1 * i);
const ders = grid.map((s) => tracyWidomDerivatives(s, 2));
const col = (power: number, k: number) => grid.map((s, i) => s ** power * ders[i]![k]!);
const rhoOf = (n: number, m: number) => Math.sqrt(m * n) / (Math.sqrt(m) + Math.sqrt(n)) ** 2;

/** sup over s ∈ [−7, 5] (step 0.04) of |F_N − F₂ − hE − h²E₂| for each E₂ lower-coefficient set (null: order 1). */
function remainders(n: number, m: number, lowers: (number[] | null)[], step = 0.04): number[] {
  const { center, scale } = lueEdge(n, m - n);
  const h = laguerreSoftEdgeParameter(n, m);
  const { a, b } = laguerreSoftEdgeCorrection(n, m);
  const sup = lowers.map(() => 0);
  for (let s = -7; s <= 5 + 1e-9; s += step) {
    const [f, f1, f2, f3, f4] = tracyWidomDerivatives(s, 2) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const exact = lueLargestEigenvalueCdf(center + scale * s, n, m - n);
    const first = f + h * (a * s * s * f1 + b * f2);
    const top = ((a * a) / 2) * s ** 4 * f2 + a * b * s * s * f3 + ((b * b) / 2) * f4;
    lowers.forEach((lower, k) => {
      const model =
        lower === null
          ? first
          : first + h * h * (top + lower[0]! * s ** 3 * f1 + lower[1]! * s * f2 + lower[2]! * f1);
      sup[k] = Math.max(sup[k]!, Math.abs(exact - model));
    });
  }
  return sup;
}

// 1. Per ratio: R_N = (F_N − F₂ − hE)/h², extrapolated to h → 0, lower coefficients fitted.
const rows = [];
for (const ratio of RATIOS) {
  const hs: number[] = [];
  const remainders: number[][] = [];
  let a = 0;
  let b = 0;
  let rho = 0;
  for (const n of SIZES) {
    const m = ratio * n;
    const { center, scale } = lueEdge(n, m - n);
    const h = laguerreSoftEdgeParameter(n, m);
    const c = laguerreSoftEdgeCorrection(n, m);
    rho = rhoOf(n, m);
    a = c.a;
    b = c.b;
    hs.push(h);
    remainders.push(
      grid.map((s, i) => {
        const [f, f1, f2] = ders[i] as [number, number, number];
        const exact = lueLargestEigenvalueCdf(center + scale * s, n, m - n);
        return (exact - f - h * (a * s * s * f1 + b * f2)) / (h * h);
      }),
    );
  }
  const limit = grid.map(
    (_, i) =>
      leastSquares(
        [hs.map(() => 1), hs, hs.map((h) => h * h)],
        remainders.map((r) => r[i]!),
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
  const l2 = fitted.map((x, k) => x - halfL1Squared(rho)[k]!);
  rows.push({ ratio, rho, fitted, l2, fitResidual });
  console.error(
    `ratio ${ratio} rho ${rho.toFixed(5)} L2 ${l2.map((x) => x.toPrecision(7)).join(", ")} fitResidual ${fitResidual.toExponential(1)}`,
  );
}

// 2. ρ = 0: the GUE fit (docs/tracy-widom/second-order.json, top terms pinned, sizes 10³ … 3·10⁴).
const gue = JSON.parse(
  readFileSync(new URL("../tracy-widom/second-order.json", import.meta.url), "utf8"),
) as { fit: { coefficients: { power: number; derivative: number; pinnedFit: number | null }[] } };
const pinned = [
  [3, 1],
  [1, 2],
  [0, 1],
].map(
  ([p, d]) => gue.fit.coefficients.find((c) => c.power === p && c.derivative === d)!.pinnedFit!,
);
const gueL2 = pinned.map((x, k) => x - halfL1Squared(0)[k]!);
console.error(`GUE rho 0 L2 ${gueL2.map((x) => x.toPrecision(7)).join(", ")}`);

// 3. Each L₂ coefficient as a polynomial of degree 2 and 3 in ρ: least squares over ρ = 0 and
// M/N = 1 … 25; M = 100N (least resolved) is kept out as a check.
const points = [
  { rho: 0, l2: gueL2 },
  ...rows.filter((r) => r.ratio <= 25).map((r) => ({ rho: r.rho, l2: r.l2 })),
];
const CONJECTURE = [
  [-3 / 560, 1 / 70, 3 / 35],
  [3 / 140, -3 / 28, 2 / 35],
  [-3 / 140, 9 / 280, 3 / 70],
];
const fits = [2, 3].map((degree) => {
  const coefficients = [0, 1, 2].map((k) => {
    const cols = Array.from({ length: degree + 1 }, (_, j) => points.map((p) => p.rho ** j));
    return leastSquares(
      cols,
      points.map((p) => p.l2[k]!),
    );
  });
  const residuals = points.map((p) => {
    const v = polyAt(coefficients, p.rho);
    return v.map((x, k) => x - p.l2[k]!);
  });
  const maxResidual = Math.max(...residuals.flat().map(Math.abs));
  const check = rows.find((r) => r.ratio === 100)!;
  const checkResidual = polyAt(coefficients, check.rho).map((x, k) => x - check.l2[k]!);
  return { degree, coefficients, maxResidual, residuals, checkM100N: checkResidual };
});
for (const f of fits) {
  console.error(
    `degree ${f.degree}: ${f.coefficients.map((q) => q.map((x) => x.toPrecision(6)).join(" ")).join(" | ")}; max residual ${f.maxResidual.toExponential(1)}; M=100N ${f.checkM100N.map((x) => x.toExponential(1)).join(", ")}`,
  );
}
console.error(
  `conjecture: ${CONJECTURE.map((q) => q.map((x) => x.toPrecision(6)).join(" ")).join(" | ")}`,
);
const conjResidual = Math.max(
  ...points.flatMap((p) => polyAt(CONJECTURE, p.rho).map((x, k) => Math.abs(x - p.l2[k]!))),
);
console.error(`conjecture max residual over the points ${conjResidual.toExponential(1)}`);

// 4. The remainder sup|F_N − F₂ − hE − h²E₂|/h³ with the degree-2 fit, and order 1 /h², over N and M.
const chosen = fits[0]!.coefficients;
const cases: [number, number][] = [];
for (const n of [2, 5, 10, 30, 100, 300, 1000]) {
  for (const m of [
    n - 1 + 0.01,
    n - 1 + 0.1,
    n - 0.5,
    n,
    1.5 * n,
    2 * n,
    4 * n,
    9 * n,
    25 * n,
    100 * n,
  ]) {
    cases.push([n, m]);
  }
}
const table = cases.map(([n, m]) => {
  const h = laguerreSoftEdgeParameter(n, m);
  const rho = rhoOf(n, m);
  const [d1, d2, dc] = remainders(n, m, [null, lowerOf(chosen, rho), lowerOf(CONJECTURE, rho)]) as [
    number,
    number,
    number,
  ];
  const r = {
    n,
    m,
    rho,
    h,
    order1OverH2: d1 / h ** 2,
    order2OverH3: d2 / h ** 3,
    conjectureOverH3: dc / h ** 3,
  };
  console.log(
    `| ${n} | ${Number(m.toPrecision(6))} | ${rho.toFixed(4)} | ${h.toFixed(5)} | ${r.order1OverH2.toFixed(4)} | ${r.order2OverH3.toFixed(4)} | ${r.conjectureOverH3.toFixed(4)} |`,
  );
  return r;
});
// 5. The library's law (softEdgeLaw order 2, with its tail continuation outside [tL, tR]) against the
// exact law: sup over s ∈ [−8, 6], step 0.01, of |F_N − law.cdf|/h³ (order 1: /h²), dense in small N.
const lawTable = [];
for (const n of [2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 70, 100, 200]) {
  for (const m of [n - 0.99, n, 1.5 * n, 2 * n, 4 * n, 9 * n, 25 * n, 100 * n]) {
    const { center, scale } = lueEdge(n, m - n);
    const h = laguerreSoftEdgeParameter(n, m);
    const law2 = softEdgeLaw({ ensemble: "laguerre", beta: 2, n, m });
    const law1 = softEdgeLaw({ ensemble: "laguerre", beta: 2, n, m }, { order: 1 });
    let d1 = 0;
    let d2 = 0;
    let at = 0;
    for (let i = 0; i <= 1400; i++) {
      const s = -8 + 0.01 * i;
      const exact = lueLargestEigenvalueCdf(center + scale * s, n, m - n);
      d1 = Math.max(d1, Math.abs(exact - law1.cdf(s)));
      const d = Math.abs(exact - law2.cdf(s));
      if (d > d2) {
        d2 = d;
        at = s;
      }
    }
    lawTable.push({
      n,
      m,
      h,
      order1OverH2: d1 / h ** 2,
      order2OverH3: d2 / h ** 3,
      argmax: at,
      d2,
    });
    console.log(
      `law | ${n} | ${Number(m.toPrecision(6))} | ${h.toFixed(5)} | ${(d1 / h ** 2).toFixed(4)} | ${(d2 / h ** 3).toFixed(4)} | ${at.toFixed(2)} | ${d2.toExponential(2)} |`,
    );
  }
}
// 6. Where the implemented law is farthest (N ≈ 10 … 20, the tail continuation on the left
// shoulder): a dense sweep, s ∈ [−5, −2] step 0.005, M = N − 0.99, N − 0.5, N, 1.1N, 1.25N.
const peakSweep = [];
for (let n = 9; n <= 24; n++) {
  for (const m of [n - 0.99, n - 0.5, n, 1.1 * n, 1.25 * n]) {
    const { center, scale } = lueEdge(n, m - n);
    const h = laguerreSoftEdgeParameter(n, m);
    const law = softEdgeLaw({ ensemble: "laguerre", beta: 2, n, m });
    let d = 0;
    for (let i = 0; i <= 600; i++) {
      const s = -5 + 0.005 * i;
      d = Math.max(d, Math.abs(lueLargestEigenvalueCdf(center + scale * s, n, m - n) - law.cdf(s)));
    }
    peakSweep.push({ n, m, order2OverH3: d / h ** 3 });
  }
}
const peak = peakSweep.reduce((a, b) => (b.order2OverH3 > a.order2OverH3 ? b : a));
console.log(
  `peak of the implemented law: N = ${peak.n}, M = ${peak.m}, d/h³ = ${peak.order2OverH3.toFixed(4)}`,
);
writeFileSync(
  new URL("./lue-second-order.json", import.meta.url),
  `${JSON.stringify({ generator: "docs/edge-limit/lueSecondOrder.ts", sizes: SIZES, rows, gueL2, fits, conjecture: CONJECTURE, table, lawTable, peakSweep, peak }, null, 1)}\n`,
);
