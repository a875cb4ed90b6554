/**
 * Benchmark of the exact β = 2 law for polynomial V (src/theory/unitaryEnsemble.ts, issue 10):
 * set-up (recurrence coefficients by the discretised Stieltjes procedure) and one evaluation of
 * P(λ_max ≤ s) at N = 1000 (targets: set-up ≤ 1 s, ≤ 50 ms per point), for V = x²/2 (baseline: the
 * special-purpose GUE determinant src/theory/hermiteLargestEigenvalueCdf.ts at the same points,
 * same run), x⁴/4 and the double wells; N = 2000 for scale. BENCH_CLOCK=cpu for CPU time.
 *
 * Run standalone: node --import tsx bench/unitaryEnsemble.ts
 */
import { pathToFileURL } from "node:url";
import { gueLargestEigenvalueCdf } from "../src/theory/hermiteLargestEigenvalueCdf.js";
import {
  unitaryEnsemble,
  unitaryLargestEigenvalueCdf,
  unitaryLargestEigenvalueLaw,
} from "../src/theory/unitaryEnsemble.js";
import { printTable, type Row } from "./table.js";

const useCpuClock = process.env.BENCH_CLOCK === "cpu";
function now(): number {
  if (useCpuClock) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  }
  return performance.now() / 1000;
}

const POTENTIALS: [string, number[]][] = [
  ["x²/2", [0, 0, 0.5]],
  ["x⁴/4", [0, 0, 0, 0, 0.25]],
  ["x⁴/4 − 2x²", [0, 0, -2, 0, 0.25]],
  ["x⁴/4 − 1.8x² + 0.25x", [0, 0.25, -1.8, 0, 0.25]],
];

export async function benchUnitaryEnsemble(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of [1000, 2000]) {
    for (const [name, coeffs] of POTENTIALS) {
      if (n === 2000 && name !== "x⁴/4 − 2x²") continue;
      let t0 = now();
      const ens = unitaryEnsemble(coeffs, n);
      const setup = now() - t0;
      // Points across the bulk of the λ_max law (quantiles 0.01 … 0.99, computed outside the timing).
      const law = unitaryLargestEigenvalueLaw(ens);
      const points = [0.01, 0.1, 0.5, 0.9, 0.99].map((p) => law.quantile(p));
      t0 = now();
      for (const s of points) unitaryLargestEigenvalueCdf(ens, s);
      const perPoint = (now() - t0) / points.length;
      let baseline = Number.NaN;
      if (name === "x²/2") {
        t0 = now();
        for (const s of points) gueLargestEigenvalueCdf(s * Math.sqrt(n), n);
        baseline = (now() - t0) / points.length;
      }
      rows.push({
        task: `exact λ_max law, V = ${name}: set-up ${setup.toFixed(3)} s (${ens.nodes} Stieltjes nodes); per point`,
        n,
        seconds: perPoint,
        baseline: name === "x²/2" ? "GUE Christoffel–Darboux determinant (same points)" : "—",
        baselineSeconds: baseline,
        ratio: baseline / perPoint,
      });
      rows.push({
        task: `exact λ_max law, V = ${name}: set-up (recurrence coefficients)`,
        n,
        seconds: setup,
        baseline: "—",
        baselineSeconds: Number.NaN,
        ratio: Number.NaN,
      });
    }
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchUnitaryEnsemble().then(printTable);
}
