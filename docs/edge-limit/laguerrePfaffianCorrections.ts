/**
 * The first finite-N soft-edge correction of the Laguerre β = 1, 4 ensembles (real and quaternion
 * Wishart, LOE and LSE), measured against their exact finite-N λ_max laws (loeLargestEigenvalueCdf.ts,
 * lseLargestEigenvalueCdf.ts: de Bruijn Pfaffians). In edgeScaling's variable s = (λ_max − center)/scale
 * (Wishart dimension M = 2k/β + N − 1, scale θ = 2; centre and scale in N′, M′ = · + 1/2 − 1/β) with
 * h = (1/√M′ + 1/√N′)^{4/3} and ρ = √(M′N′)/(√M′ + √N′)², softEdgeLaw's order-1 law is
 *   F_β(s) + h·((1/20 − 2ρ/5)s²F_β′ + (2/β)(−3/40 + ρ/10)F_β″)
 * (the LUE correction carried over; docs/tracy-widom/README.md §3), and its order-2 law adds h²E₂
 * (laguerreSoftEdgeSecondCorrection, fitted in laguerreSecondOrderBeta.ts). Printed and written:
 * sup_s |F_N − law| for TW_β (order 0, ÷h), the order-1 (÷h²) and the order-2 law (÷h³), as implemented
 * (with the tail continuation), s ∈ [−7, 5] step 0.02, maximiser refined to 0.001,
 * on a table of N and M/N, and a sweep of shapes k (1e−3 … 1e3) at N = 2 … 10 (where the envelope is set).
 * Usage (repository root): node --import tsx docs/edge-limit/laguerrePfaffianCorrections.ts <1|4>
 * Writes docs/edge-limit/laguerre-pfaffian-corrections-beta<β>.json.
 */
import { writeFileSync } from "node:fs";
import { edgeScaling } from "../../src/theory/edgeScaling.js";
import { loeLargestEigenvalueCdf } from "../../src/theory/loeLargestEigenvalueCdf.js";
import { lseLargestEigenvalueCdf } from "../../src/theory/lseLargestEigenvalueCdf.js";
import { laguerreSoftEdgeParameter, softEdgeLaw } from "../../src/theory/softEdgeLaw.js";

const beta = Number(process.argv[2]) as 1 | 4;
if (beta !== 1 && beta !== 4) throw new Error("usage: laguerrePfaffianCorrections.ts <1|4>");
const exactCdf = beta === 1 ? loeLargestEigenvalueCdf : lseLargestEigenvalueCdf;

/** sup_s |F_N − law| for orders 0, 1 and 2 at (N, shape k), with h. */
function distances(n: number, k: number) {
  const m = (2 * k) / beta + n - 1;
  // Scale θ = 2 (the Wishart convention); the exact laws are written for θ = 1.
  const { center, scale } = edgeScaling("laguerre", n, beta, { shape: k, scale: 2 });
  const laws = ([0, 1, 2] as const).map((order) =>
    softEdgeLaw({ ensemble: "laguerre", beta, n, m }, { order }),
  );
  const f = (s: number) => exactCdf((center + scale * s) / 2, n, k);
  const sup = [0, 0, 0];
  const at = [0, 0, 0];
  for (let i = 0; i <= 600; i++) {
    const s = -7 + 0.02 * i;
    const v = f(s);
    laws.forEach((law, j) => {
      const e = Math.abs(v - law.cdf(s));
      if (e > (sup[j] as number)) [sup[j], at[j]] = [e, s];
    });
  }
  laws.forEach((law, j) => {
    const c = at[j] as number;
    for (let i = -20; i <= 20; i++) {
      const s = c + 0.001 * i;
      const e = Math.abs(f(s) - law.cdf(s));
      if (e > (sup[j] as number)) [sup[j], at[j]] = [e, s];
    }
  });
  const h = laguerreSoftEdgeParameter(n, m, beta);
  return {
    n,
    k,
    m,
    h,
    d0: sup[0] as number,
    d0OverH: (sup[0] as number) / h,
    d1: sup[1] as number,
    d1OverH2: (sup[1] as number) / (h * h),
    argmax1: at[1] as number,
    d2: sup[2] as number,
    d2OverH3: (sup[2] as number) / (h * h * h),
    argmax2: at[2] as number,
  };
}

const rows = [];
console.log(
  "| M/N | N | h | TW_β | ÷h | order 1 | ÷h² | order 2 | ÷h³ |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
);
for (const ratio of [1, 2, 4, 10, 100]) {
  for (const n of [2, 5, 10, 30, 100, 300, 1000]) {
    // M = ratio·N, i.e. k = β(M − N + 1)/2.
    const r = distances(n, (beta * (ratio * n - n + 1)) / 2);
    rows.push({ ratio, ...r });
    console.log(
      `| ${ratio} | ${n} | ${r.h.toExponential(2)} | ${r.d0.toExponential(2)} | ${r.d0OverH.toFixed(4)} | ${r.d1.toExponential(2)} | ${r.d1OverH2.toFixed(4)} | ${r.d2.toExponential(2)} | ${r.d2OverH3.toFixed(4)} |`,
    );
  }
}
// Sweep at small N (the largest remainders are there): k from 1e−3 to 1e3, 5 per decade.
const sweep = [];
let worst = { d1OverH2: 0, n: 0, k: 0 };
let worst2 = { d2OverH3: 0, n: 0, k: 0 };
for (const n of [2, 3, 4, 6, 10, 15, 20]) {
  for (let i = 0; i <= 30; i++) {
    const k = 10 ** (-3 + i / 5);
    const r = distances(n, k);
    sweep.push({ n, k, d1OverH2: r.d1OverH2, d2OverH3: r.d2OverH3 });
    if (r.d1OverH2 > worst.d1OverH2) worst = { d1OverH2: r.d1OverH2, n, k };
    if (r.d2OverH3 > worst2.d2OverH3) worst2 = { d2OverH3: r.d2OverH3, n, k };
  }
}
console.log(
  `sweep: largest d₁/h² = ${worst.d1OverH2.toFixed(4)} at N = ${worst.n}, k = ${worst.k.toPrecision(3)}; largest d₂/h³ = ${worst2.d2OverH3.toFixed(4)} at N = ${worst2.n}, k = ${worst2.k.toPrecision(3)}`,
);
writeFileSync(
  new URL(`./laguerre-pfaffian-corrections-beta${beta}.json`, import.meta.url),
  `${JSON.stringify({ generator: `docs/edge-limit/laguerrePfaffianCorrections.ts ${beta}`, grid: [-7, 5, 0.02], rows, worst, worst2, sweep }, null, 1)}\n`,
);
