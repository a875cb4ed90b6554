/**
 * Kolmogorov distance between the exact law of the rescaled largest eigenvalue of the N-point
 * Laguerre unitary ensemble (complex Wishart N×M, M = N + a, weight x^a e^{−x}) and
 *   (0) Tracy–Widom F₂, and
 *   (1) the corrected law F₂ + h·E of softEdgeLaw({ensemble: "laguerre", beta: 2, n, m}),
 *       h = (1/√M + 1/√N)^{4/3}, E = (1/20 − 2ρ/5)s²F₂′ − (3/40 − ρ/10)F₂″, ρ = √(MN)/(√M + √N)²,
 * in s = (λ_max − μ)/σ, μ = (√M + √N)², σ = (√M + √N)(1/√M + 1/√N)^{1/3}. F_N from
 * lueLargestEigenvalueCdf (Fredholm determinant of the Laguerre kernel). Also the least-squares
 * fit of (F_N − F₂)/h to a·s²F₂′ + b·F₂″ on the grid (→ the coefficients of E as h → 0).
 * Grid: s ∈ [−7, 5], step 0.02, then the maximiser refined on a 0.0005 grid (±0.02).
 * Writes docs/edge-limit/lueCorrection.json and prints a markdown table.
 * Usage (from the repository root): node --import tsx docs/edge-limit/lueCorrection.ts
 */
import { writeFileSync } from "node:fs";
import { lueEdge, lueLargestEigenvalueCdf } from "../../src/theory/laguerreLargestEigenvalueCdf.js";
import { laguerreSoftEdgeParameter, softEdgeLaw } from "../../src/theory/softEdgeLaw.js";
import { tracyWidomCdf, tracyWidomPdf } from "../../src/theory/tracyWidom.js";

const SIZES = [10, 30, 100, 300, 1000, 3000, 10000];
/** c = N/M; "a = −0.5" is the case M = N − 1/2 (c > 1, shape k = 1/2). */
const RATIOS: (number | "a=-0.5")[] = ["a=-0.5", 1, 0.5, 0.1, 0.01];

/** F₂″ = f₂′ by the five-point central difference of the density (step 0.01, error ~1e−10). */
function pdfDerivative(s: number): number {
  const d = 0.01;
  const f = (t: number) => tracyWidomPdf(t, 2);
  return (f(s - 2 * d) - 8 * f(s - d) + 8 * f(s + d) - f(s + 2 * d)) / (12 * d);
}

interface Row {
  n: number;
  m: number;
  a: number;
  c: number;
  h: number;
  rho: number;
  /** sup_s |F_N − F₂| (uncorrected) and sup_s |F_N − corrected law|, with their maximisers. */
  d0: number;
  d1: number;
  argmax1: number;
  /** d1/h², the constant of the O(h²) remainder. */
  c1: number;
  /** Least-squares (a, b) of (F_N − F₂)/h ≈ a·s²F₂′ + b·F₂″ on the grid. */
  fitA: number;
  fitB: number;
}

const rows: Row[] = [];
for (const ratio of RATIOS) {
  for (const n of SIZES) {
    const a = ratio === "a=-0.5" ? -0.5 : Math.round(n / ratio) - n;
    const m = n + a;
    const { center, scale } = lueEdge(n, a);
    const h = laguerreSoftEdgeParameter(n, m);
    const rho = Math.sqrt(m * n) / (Math.sqrt(m) + Math.sqrt(n)) ** 2;
    const law = softEdgeLaw({ ensemble: "laguerre", beta: 2, n, m });
    const exact = (s: number) => lueLargestEigenvalueCdf(center + scale * s, n, a);
    let d0 = 0;
    let d1 = 0;
    let argmax1 = 0;
    // Normal equations of the two-term fit.
    let saa = 0;
    let sab = 0;
    let sbb = 0;
    let sya = 0;
    let syb = 0;
    for (let i = 0; i <= 600; i++) {
      const s = -7 + 0.02 * i;
      const f = exact(s);
      const f2 = tracyWidomCdf(s, 2);
      d0 = Math.max(d0, Math.abs(f - f2));
      const e1 = Math.abs(f - law.cdf(s));
      if (e1 > d1) {
        d1 = e1;
        argmax1 = s;
      }
      const u = s * s * tracyWidomPdf(s, 2);
      const v = pdfDerivative(s);
      const y = (f - f2) / h;
      saa += u * u;
      sab += u * v;
      sbb += v * v;
      sya += y * u;
      syb += y * v;
    }
    for (let j = -40; j <= 40; j++) {
      const s = argmax1 + 0.0005 * j;
      const e1 = Math.abs(exact(s) - law.cdf(s));
      if (e1 > d1) d1 = e1;
    }
    const det = saa * sbb - sab * sab;
    const row: Row = {
      n,
      m,
      a,
      c: n / m,
      h,
      rho,
      d0,
      d1,
      argmax1,
      c1: d1 / (h * h),
      fitA: (sya * sbb - syb * sab) / det,
      fitB: (syb * saa - sya * sab) / det,
    };
    rows.push(row);
    console.log(
      `| ${n} | ${m} | ${row.c.toPrecision(3)} | ${h.toFixed(5)} | ${d0.toExponential(2)} | ${d1.toExponential(2)} | ${row.c1.toFixed(4)} | ${row.fitA.toFixed(4)} | ${row.fitB.toFixed(4)} | ${(1 / 20 - (2 * rho) / 5).toFixed(4)} | ${(-3 / 40 + rho / 10).toFixed(4)} |`,
    );
  }
}
writeFileSync(
  new URL("./lueCorrection.json", import.meta.url),
  `${JSON.stringify({ generator: "docs/edge-limit/lueCorrection.ts", rows }, null, 1)}\n`,
);
