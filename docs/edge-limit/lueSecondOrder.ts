/**
 * A second LUE soft-edge correction, measured (not in the library): against the exact finite-N LUE
 * law (lueLargestEigenvalueCdf, Laguerre-kernel Fredholm determinant) in s = (λ_max − μ)/σ with
 * h = (1/√M + 1/√N)^{4/3}, ρ = √(MN)/(√M + √N)² and E = L₁F₂, L₁ = a·s²D + b·D², a = 1/20 − 2ρ/5,
 * b = −3/40 + ρ/10 (softEdgeLaw.ts), R_N = (F_N − F₂ − hE)/h² on s ∈ [−5, 3] (step 0.1) for
 * N = 250 … 4000, extrapolated to h → 0 by a least-squares quadratic in h at each s. As for the GUE
 * (docs/tracy-widom/secondOrder.ts) the top terms are taken from ½L₁² and the three lower ones
 * (s³F₂′, sF₂″, F₂′) fitted; they are compared with the conjecture E₂ = ½L₁²F₂ + L₂F₂,
 *   L₂ = (−3/560 + ρ/70 + 3ρ²/35)·s³D + (3/140 − 3ρ/28 + 2ρ²/35)·sD² + (−3/140 + 9ρ/280 + 3ρ²/70)·D,
 * whose ρ-polynomials were read off the fits at ρ = 0 (GUE), 2/9 (M = 4N) and 1/4 (M = N) and are
 * checked at ρ = 0.0826 (M = 100N). Larger N are not used: at M = 3·10⁶ the exact law's error
 * (≈ 1e−9) is no longer small against h². Writes docs/edge-limit/lue-second-order.json.
 * Usage (from the repository root): nice node --import tsx docs/edge-limit/lueSecondOrder.ts
 */
import { writeFileSync } from "node:fs";
import { lueEdge, lueLargestEigenvalueCdf } from "../../src/theory/laguerreLargestEigenvalueCdf.js";
import {
  laguerreSoftEdgeCorrection,
  laguerreSoftEdgeParameter,
} from "../../src/theory/softEdgeLaw.js";
import { tracyWidomCdf, tracyWidomPdf } from "../../src/theory/tracyWidom.js";

/** F₂^{(k)}(s), k = 0 … 4 (k ≥ 2: 9-point central differences of f₂, step 0.05). */
function derivatives(s: number): number[] {
  const d = 0.05;
  const v: number[] = [];
  for (let k = -4; k <= 4; k++) v.push(tracyWidomPdf(s + k * d, 2));
  const w1 = [1 / 280, -4 / 105, 1 / 5, -4 / 5, 0, 4 / 5, -1 / 5, 4 / 105, -1 / 280];
  const w2 = [-1 / 560, 8 / 315, -1 / 5, 8 / 5, -205 / 72, 8 / 5, -1 / 5, 8 / 315, -1 / 560];
  const w3 = [-7 / 240, 3 / 10, -169 / 120, 61 / 30, 0, -61 / 30, 169 / 120, -3 / 10, 7 / 240];
  const dot = (w: number[]) => w.reduce((a, wi, i) => a + wi * (v[i] as number), 0);
  return [tracyWidomCdf(s, 2), v[4] as number, dot(w1) / d, dot(w2) / d ** 2, dot(w3) / d ** 3];
}

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

/** The conjectured lower coefficients (s³F′, sF″, F′) of E₂ = ½L₁²F₂ + L₂F₂ at ρ. */
function conjecture(rho: number): number[] {
  const a = 1 / 20 - (2 * rho) / 5;
  const b = -3 / 40 + rho / 10;
  return [
    a * a + (-3 / 560 + rho / 70 + (3 * rho * rho) / 35),
    2 * a * b + (3 / 140 - (3 * rho) / 28 + (2 * rho * rho) / 35),
    a * b + (-3 / 140 + (9 * rho) / 280 + (3 * rho * rho) / 70),
  ];
}

const SIZES = [250, 500, 1000, 2000, 4000];
const grid: number[] = [];
for (let i = 0; i <= 80; i++) grid.push(-5 + 0.1 * i);
const ders = grid.map(derivatives);
const col = (power: number, k: number) => grid.map((s, i) => s ** power * ders[i]![k]!);
const rows = [];
for (const ratio of [1, 4, 100]) {
  const hs: number[] = [];
  const remainders: number[][] = [];
  let rho = 0;
  let a = 0;
  let b = 0;
  const raw: { n: number; h: number; order1TimesH2: number; order2TimesH3: number }[] = [];
  for (const n of SIZES) {
    const m = ratio * n;
    const { center, scale } = lueEdge(n, m - n);
    const h = laguerreSoftEdgeParameter(n, m);
    const c = laguerreSoftEdgeCorrection(n, m);
    rho = Math.sqrt(m * n) / (Math.sqrt(m) + Math.sqrt(n)) ** 2;
    a = c.a;
    b = c.b;
    hs.push(h);
    const lower = conjecture(rho);
    let sup1 = 0;
    let sup2 = 0;
    remainders.push(
      grid.map((s, i) => {
        const [f, f1, f2, f3, f4] = ders[i] as [number, number, number, number, number];
        const e = a * s * s * f1 + b * f2;
        const e2 =
          ((a * a) / 2) * s ** 4 * f2 +
          a * b * s * s * f3 +
          ((b * b) / 2) * f4 +
          lower[0]! * s ** 3 * f1 +
          lower[1]! * s * f2 +
          lower[2]! * f1;
        const exact = lueLargestEigenvalueCdf(center + scale * s, n, m - n);
        sup1 = Math.max(sup1, Math.abs(exact - f - h * e));
        sup2 = Math.max(sup2, Math.abs(exact - f - h * e - h * h * e2));
        return (exact - f - h * e) / (h * h);
      }),
    );
    raw.push({ n, h, order1TimesH2: sup1 / h ** 2, order2TimesH3: sup2 / h ** 3 });
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
  const conj = conjecture(rho);
  let residual = 0;
  grid.forEach((s, i) => {
    const model =
      top[i]! +
      conj[0]! * s ** 3 * ders[i]![1]! +
      conj[1]! * s * ders[i]![2]! +
      conj[2]! * ders[i]![1]!;
    residual = Math.max(residual, Math.abs(limit[i]! - model));
  });
  const row = { ratio, rho, fitted, conjecture: conj, supLimitMinusConjecture: residual, raw };
  rows.push(row);
  console.log(
    `| M = ${ratio}N | ${rho.toFixed(5)} | ${fitted.map((x) => x.toPrecision(6)).join(", ")} | ${conj.map((x) => x.toPrecision(6)).join(", ")} | ${residual.toExponential(1)} | ${raw.map((r) => r.order2TimesH3.toFixed(3)).join(", ")} |`,
  );
}
writeFileSync(
  new URL("./lue-second-order.json", import.meta.url),
  `${JSON.stringify({ generator: "docs/edge-limit/lueSecondOrder.ts", sizes: SIZES, rows }, null, 1)}\n`,
);
