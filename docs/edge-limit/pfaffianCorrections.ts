/**
 * Finite-N soft-edge corrections of the GOE and GSE (Hermite β = 1, 4 of docs/conventions.md),
 * established against their exact finite-N λ_max laws (goeLargestEigenvalueCdf.ts,
 * gseLargestEigenvalueCdf.ts: de Bruijn Pfaffians, ~1e−13 absolute). Variable and parameter as in
 * src/theory/softEdgeLaw.ts: N′ = N + 1/2 − 1/β, h = N′^{−2/3},
 * t = (λ_max − √(2βN′))/(√(β/2)·N′^{−1/6}).
 *
 * 1. Fit of the second correction. R_N(t) = (F_N(t) − F_β(t) − hE(t))/h², E = t²F′/20 − 3F″/(20β),
 *    on t ∈ [−5, 3] (step 0.05) for the FIT_SIZES, extrapolated to h → 0 by a least-squares
 *    quadratic in h at each t, then least squares of R_∞ on t⁴F″, t²F‴, F⁗, t³F′, tF″, F′ (the form
 *    E₂ = ½L₁²F + L₂F of the GUE, L₁ = t²D/20 − 3D²/(20β), L₂ = c₁t³D + c₂tD² + c₃D); a second fit fixes
 *    the three top terms at ½L₁²'s (a = 1/20, b = −3/(20β): a²/2, ab, b²/2) and fits c₁, c₂, c₃ with
 *    the lower part of ½L₁² (a², 2ab, ab) subtracted. Derivatives: 9-point differences of f_β = F_β′.
 * 2. Table: sup_s |F_N − law| over s ∈ [−7, 5] (step 0.02, maximiser refined on a 0.001 grid), s the
 *    edgeScaling variable, for softEdgeLaw order 0 (TW_β), 1 and (where implemented) 2.
 * Usage (repository root): node --import tsx docs/edge-limit/pfaffianCorrections.ts <β> [fit|table|both]
 * Writes docs/edge-limit/pfaffian-corrections-beta<β>.json (merging what is computed into what is there).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { edgeScaling } from "../../src/theory/edgeScaling.js";
import { goeLargestEigenvalueCdf } from "../../src/theory/goeLargestEigenvalueCdf.js";
import { gseLargestEigenvalueCdf } from "../../src/theory/gseLargestEigenvalueCdf.js";
import { SOFT_EDGE_SECOND_CORRECTIONS, softEdgeLaw } from "../../src/theory/softEdgeLaw.js";
import { leastSquares, tracyWidomDerivatives } from "../tracy-widom/expansionFit.js";

const beta = Number(process.argv[2]) as 1 | 4;
const what = process.argv[3] ?? "both";
if (beta !== 4 && beta !== 1)
  throw new Error("usage: pfaffianCorrections.ts <1|4> [fit|table|both]");
const exactCdf: (x: number, n: number) => number =
  beta === 4 ? gseLargestEigenvalueCdf : goeLargestEigenvalueCdf;
const shift = 0.5 - 1 / beta;
/** F_N at t (the expansion variable, N′ scale). */
const exact = (t: number, n: number) => {
  const np = n + shift;
  return exactCdf(Math.sqrt(2 * beta * np) + Math.sqrt(beta / 2) * np ** (-1 / 6) * t, n);
};

const out = new URL(`./pfaffian-corrections-beta${beta}.json`, import.meta.url);
const record: Record<string, unknown> = existsSync(out)
  ? JSON.parse(readFileSync(out, "utf8"))
  : {};
record.generator = `docs/edge-limit/pfaffianCorrections.ts ${beta}`;

const a = 1 / 20;
const b = -3 / (20 * beta);
if (what === "fit" || what === "both") {
  const FIT_SIZES = (process.env.FIT_SIZES ?? "500,1000,3000,10000").split(",").map(Number);
  const ts: number[] = [];
  for (let i = 0; i <= 160; i++) ts.push(-5 + 0.05 * i);
  const ders = ts.map((t) => tracyWidomDerivatives(t, beta));
  const remainders = FIT_SIZES.map((n) => {
    const h = (n + shift) ** (-2 / 3);
    const started = Date.now();
    const r = ts.map((t, i) => {
      const [f, f1, f2] = ders[i] as number[];
      const e = a * t * t * (f1 as number) + b * (f2 as number);
      return (exact(t, n) - (f as number) - h * e) / (h * h);
    });
    console.error(`N = ${n}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return r;
  });
  const hs = FIT_SIZES.map((n) => (n + shift) ** (-2 / 3));
  const limit = ts.map(
    (_, i) =>
      leastSquares(
        [hs.map(() => 1), hs, hs.map((h) => h * h)],
        remainders.map((r) => r[i] as number),
      )[0] as number,
  );
  const shape: [number, number][] = [
    [4, 2],
    [2, 3],
    [0, 4],
    [3, 1],
    [1, 2],
    [0, 1],
  ];
  const basis = shape.map(([power, derivative]) =>
    ts.map((t, i) => t ** power * ((ders[i] as number[])[derivative] as number)),
  );
  const free = leastSquares(basis, limit);
  // ½L₁²F = a²/2·t⁴F″ + ab·t²F‴ + b²/2·F⁗ + a²·t³F′ + 2ab·tF″ + ab·F′ (a, b of L₁).
  const half = [(a * a) / 2, a * b, (b * b) / 2, a * a, 2 * a * b, a * b];
  const target = limit.map(
    (y, i) => y - half.reduce((acc, c, j) => acc + c * ((basis[j] as number[])[i] as number), 0),
  );
  const l2 = leastSquares(basis.slice(3), target);
  let residual = 0;
  ts.forEach((_, i) => {
    let model = 0;
    for (let j = 0; j < 6; j++)
      model += (half[j] as number) * ((basis[j] as number[])[i] as number);
    for (let j = 0; j < 3; j++)
      model += (l2[j] as number) * ((basis[j + 3] as number[])[i] as number);
    residual = Math.max(residual, Math.abs((limit[i] as number) - model));
  });
  const names = ["t⁴F″", "t²F‴", "F⁗", "t³F′", "tF″", "F′"];
  console.log("| term | ½L₁² | fitted (6 free) |\n|---|---|---|");
  names.forEach((name, j) => {
    console.log(
      `| ${name} | ${(half[j] as number).toPrecision(7)} | ${(free[j] as number).toPrecision(7)} |`,
    );
  });
  console.log(
    `L₂ = c₁t³D + c₂tD² + c₃D (top fixed): c₁ = ${l2[0]?.toPrecision(7)}, c₂ = ${l2[1]?.toPrecision(7)}, c₃ = ${l2[2]?.toPrecision(7)}; sup|R_∞ − E₂| = ${residual.toExponential(2)}`,
  );
  record.fit = { sizes: FIT_SIZES, grid: [-5, 3, 0.05], halfL1Squared: half, free, l2, residual };
}

if (what === "table" || what === "both") {
  const SIZES = (process.env.SIZES ?? "2,3,5,10,20,50,100,200,500,1000,3000")
    .split(",")
    .map(Number);
  const orders: (0 | 1 | 2)[] =
    SOFT_EDGE_SECOND_CORRECTIONS[`hermite|${beta}`] === undefined ? [0, 1] : [0, 1, 2];
  const rows: Record<string, number>[] = [];
  console.log(`| N | ${orders.map((o) => `order ${o} | ·N^(${(2 * (o + 1)) / 3})`).join(" | ")} |`);
  for (const n of SIZES) {
    const { center, scale } = edgeScaling("hermite", n, beta);
    const laws = orders.map((order) => softEdgeLaw({ ensemble: "hermite", beta, n }, { order }));
    const sup = orders.map(() => 0);
    const at = orders.map(() => 0);
    const cache = new Map<number, number>();
    const f = (s: number) => {
      let v = cache.get(s);
      if (v === undefined) {
        v = exactCdf(center + scale * s, n);
        cache.set(s, v);
      }
      return v;
    };
    for (let i = 0; i <= 600; i++) {
      const s = -7 + 0.02 * i;
      laws.forEach((law, k) => {
        const e = Math.abs(f(s) - law.cdf(s));
        if (e > (sup[k] as number)) [sup[k], at[k]] = [e, s];
      });
    }
    laws.forEach((law, k) => {
      const centre = at[k] as number;
      for (let j = -20; j <= 20; j++) {
        const s = centre + 0.001 * j;
        const e = Math.abs(f(s) - law.cdf(s));
        if (e > (sup[k] as number)) [sup[k], at[k]] = [e, s];
      }
    });
    const row: Record<string, number> = { n };
    orders.forEach((o, k) => {
      row[`d${o}`] = sup[k] as number;
      row[`d${o}Scaled`] = (sup[k] as number) * n ** ((2 * (o + 1)) / 3);
      row[`argmax${o}`] = at[k] as number;
    });
    rows.push(row);
    console.log(
      `| ${n} | ${orders.map((o) => `${(row[`d${o}`] as number).toExponential(2)} | ${(row[`d${o}Scaled`] as number).toFixed(4)}`).join(" | ")} |`,
    );
  }
  record.table = { grid: [-7, 5, 0.02], orders, rows };
}
writeFileSync(out, `${JSON.stringify(record, null, 1)}\n`);
