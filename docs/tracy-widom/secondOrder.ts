/**
 * The second finite-N soft-edge correction of the GUE, established against the exact law of
 * t = N^{1/6}(λ_max − 2√N) (N-point GUE, density ∝ Δ²Πe^{−x²/2}; finite-N Fredholm determinant of
 * hermiteLargestEigenvalueCdf.ts, ~1e−14 absolute), h = N^{−2/3}:
 *
 * 1. Fit. R_N(t) = (F_N(t) − F₂(t) − hE(t))/h², E = t²F₂′/20 − 3F₂″/40, on t ∈ [−5, 3] (step 0.05)
 *    for N = 1000, 3000, 10⁴, 3·10⁴, extrapolated to h → 0 by a least-squares quadratic in h at each
 *    t (Richardson), then least squares (Householder QR) of R_∞ on the six terms t⁴F₂″, t²F₂‴, F₂⁗,
 *    t³F₂′, tF₂″, F₂′ (Bornemann's form: polynomial-coefficient derivatives of F₂; derivatives by
 *    9-point central differences of the tabulated density, step 0.05, error ≲ 1e−7). The fitted
 *    values are compared with the rationals of softEdgeLaw.ts (E₂ = ½L₁²F₂ + L₂F₂); a second fit
 *    fixes the top three (½L₁²'s t⁴F″/800, −3t²F‴/800, 9F⁗/3200) and fits the other three.
 * 2. Table. sup_s |F_N − law| over s ∈ [−7, 5] (step 0.01, maximiser refined on a 0.0005 grid) for
 *    the plain TW₂ (order 0), softEdgeLaw order 1 (F₂ + hE) and order 2 (F₂ + hE + h²E₂), i.e. the
 *    implemented laws with their tail continuation.
 * Writes docs/tracy-widom/second-order.json and prints markdown tables.
 * Usage (from the repository root): node --import tsx docs/tracy-widom/secondOrder.ts
 */
import { writeFileSync } from "node:fs";
import { gueLargestEigenvalueCdf } from "../../src/theory/hermiteLargestEigenvalueCdf.js";
import { SOFT_EDGE_SECOND_CORRECTIONS, softEdgeLaw } from "../../src/theory/softEdgeLaw.js";
import { tracyWidomCdf } from "../../src/theory/tracyWidom.js";
import { leastSquares, tracyWidomDerivatives } from "./expansionFit.js";

const exact = (t: number, n: number) =>
  gueLargestEigenvalueCdf(2 * Math.sqrt(n) + t * n ** (-1 / 6), n);

// 1. The fit.
const FIT_SIZES = [1000, 3000, 10000, 30000];
const ts: number[] = [];
for (let i = 0; i <= 160; i++) ts.push(-5 + 0.05 * i);
const ders = ts.map((t) => tracyWidomDerivatives(t, 2));
const remainders = FIT_SIZES.map((n) => {
  const h = n ** (-2 / 3);
  return ts.map((t, i) => {
    const [f, f1, f2] = ders[i] as number[];
    const e = (t * t * (f1 as number)) / 20 - (3 * (f2 as number)) / 40;
    return (exact(t, n) - (f as number) - h * e) / (h * h);
  });
});
// Richardson: R_N(t) = R_∞(t) + h·R₃(t) + h²·R₄(t), least squares over the four N at each t.
const hs = FIT_SIZES.map((n) => n ** (-2 / 3));
const limit = ts.map(
  (_, i) =>
    leastSquares(
      [hs.map(() => 1), hs, hs.map((h) => h * h)],
      remainders.map((r) => r[i] as number),
    )[0] as number,
);
const terms = SOFT_EDGE_SECOND_CORRECTIONS["hermite|2"] ?? [];
const basis = terms.map(({ power, derivative }) =>
  ts.map((t, i) => t ** power * ((ders[i] as number[])[derivative] as number)),
);
const fitted = leastSquares(basis, limit);
let fitResidual = 0;
let modelResidual = 0;
ts.forEach((_, i) => {
  let fit = 0;
  let model = 0;
  terms.forEach(({ c }, j) => {
    fit += (fitted[j] as number) * ((basis[j] as number[])[i] as number);
    model += c * ((basis[j] as number[])[i] as number);
  });
  fitResidual = Math.max(fitResidual, Math.abs((limit[i] as number) - fit));
  modelResidual = Math.max(modelResidual, Math.abs((limit[i] as number) - model));
});
// Second fit: the three top-order terms fixed at ½L₁²'s t⁴F″/800, −3t²F‴/800, 9F⁗/3200 (they
// have no L₂ part), the three lower ones (t³F′, tF″, F′: ½L₁² and L₂ together) fitted.
const pinnedTarget = limit.map(
  (y, i) =>
    y -
    [0, 1, 2].reduce((a, j) => a + (terms[j]?.c ?? 0) * ((basis[j] as number[])[i] as number), 0),
);
const pinned = leastSquares(basis.slice(3), pinnedTarget);
const names = ["t⁴F″", "t²F‴", "F⁗", "t³F′", "tF″", "F′"];
const coefficients = terms.map(({ c, power, derivative }, j) => ({
  term: names[j],
  power,
  derivative,
  fitted: fitted[j] as number,
  rational: c,
  relativeDifference: (fitted[j] as number) / c - 1,
  pinnedFit: j < 3 ? null : (pinned[j - 3] as number),
  pinnedRelativeDifference: j < 3 ? null : (pinned[j - 3] as number) / c - 1,
}));
console.log(
  "| term | rational | fitted (6 free) | rel. diff. | fitted (top 3 fixed) | rel. diff. |\n|---|---|---|---|---|---|",
);
for (const c of coefficients) {
  const p =
    c.pinnedFit === null
      ? "fixed | –"
      : `${c.pinnedFit.toPrecision(7)} | ${(c.pinnedRelativeDifference as number).toExponential(1)}`;
  console.log(
    `| ${c.term} | ${c.rational.toPrecision(7)} | ${c.fitted.toPrecision(7)} | ${c.relativeDifference.toExponential(1)} | ${p} |`,
  );
}
console.log(
  `sup|R_∞ − fit| = ${fitResidual.toExponential(2)}, sup|R_∞ − E₂| = ${modelResidual.toExponential(2)}\n`,
);

// 2. The table.
const SIZES = [2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 3000, 10000, 30000, 100000];
const rows = [];
console.log(
  "| N | order 0 | ·N^(2/3) | order 1 | ·N^(4/3) | order 2 | ·N² | order-2 argmax |\n|---|---|---|---|---|---|---|---|",
);
for (const n of SIZES) {
  const laws = ([0, 1, 2] as const).map((order) =>
    softEdgeLaw({ ensemble: "hermite", beta: 2, n }, { order }),
  );
  const sup = [0, 0, 0];
  const at = [0, 0, 0];
  for (let i = 0; i <= 1200; i++) {
    const s = -7 + 0.01 * i;
    const x = exact(s, n);
    laws.forEach((law, k) => {
      const e = Math.abs(x - law.cdf(s));
      if (e > (sup[k] as number)) [sup[k], at[k]] = [e, s];
    });
  }
  laws.forEach((law, k) => {
    const centre = at[k] as number;
    for (let j = -40; j <= 40; j++) {
      const s = centre + 0.0005 * j;
      const e = Math.abs(exact(s, n) - law.cdf(s));
      if (e > (sup[k] as number)) [sup[k], at[k]] = [e, s];
    }
  });
  const [d0, d1, d2] = sup as [number, number, number];
  const row = {
    n,
    d0,
    d0TimesN23: d0 * n ** (2 / 3),
    d1,
    d1TimesN43: d1 * n ** (4 / 3),
    d2,
    d2TimesN2: d2 * n * n,
    argmax2: at[2] as number,
  };
  rows.push(row);
  console.log(
    `| ${n} | ${d0.toExponential(2)} | ${row.d0TimesN23.toFixed(4)} | ${d1.toExponential(2)} | ${row.d1TimesN43.toFixed(4)} | ${d2.toExponential(2)} | ${row.d2TimesN2.toFixed(4)} | ${row.argmax2.toFixed(3)} |`,
  );
}
writeFileSync(
  new URL("./second-order.json", import.meta.url),
  `${JSON.stringify(
    {
      generator: "docs/tracy-widom/secondOrder.ts",
      fit: { sizes: FIT_SIZES, grid: [-5, 3, 0.05], coefficients, fitResidual, modelResidual },
      rows,
    },
    null,
    1,
  )}\n`,
);
