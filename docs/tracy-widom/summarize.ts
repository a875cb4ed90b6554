/**
 * Validation of the computed TW_β (src/theory/tracyWidomGeneral.ts) against simulation: reads the
 * `betaens tw sample` draws written by docs/tracy-widom/simulate.sh (truncated Hermite model,
 * docs/tracy-widom/samples/beta<β>-n<N>-seed<K>.npy), and prints, per β, the Kolmogorov distance
 * D = sup|F_n − TW_β| of all draws pooled, the DKW band ε = √(log(2/α)/(2n)) at α = 1e−3
 * (Dvoretzky–Kiefer–Wolfowitz with Massart's constant: P(D > ε) ≤ α), the KS p-value, and the sample
 * mean and variance against the law's, with z-scores.
 *   node --import tsx docs/tracy-widom/summarize.ts > docs/tracy-widom/simulation-1e7.json
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decodeNpy } from "../../src/io/npy.js";
import { ksPValue, ksStatistic } from "../../src/statistics/ks.js";
import { tracyWidom } from "../../src/theory/tracyWidomLaw.js";

const dir = fileURLToPath(new URL("./samples/", import.meta.url));
const groups = new Map<string, { n: number; files: string[] }>();
for (const file of readdirSync(dir).sort()) {
  const m = /^beta([0-9.]+)-n([0-9]+)-seed[0-9]+\.npy$/.exec(file);
  if (!m) continue;
  const key = m[1];
  const group = groups.get(key) ?? { n: Number(m[2]), files: [] };
  group.files.push(file);
  groups.set(key, group);
}

const alpha = 1e-3;
const rows = [];
for (const [key, { n, files }] of [...groups].sort((a, b) => Number(a[0]) - Number(b[0]))) {
  const beta = Number(key);
  const parts = files.map((f) => decodeNpy(readFileSync(dir + f)).data);
  const total = parts.reduce((s, p) => s + p.length, 0);
  const xs = new Float64Array(total);
  let offset = 0;
  for (const p of parts) {
    xs.set(p, offset);
    offset += p.length;
  }
  const law = tracyWidom(beta);
  const t0 = performance.now();
  const d = ksStatistic(xs, (x) => law.cdf(x));
  const ksSeconds = (performance.now() - t0) / 1000;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= total;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const c = (x - mean) ** 2;
    m2 += c;
    m4 += c * c;
  }
  const variance = m2 / (total - 1);
  const fourth = m4 / total;
  rows.push({
    beta,
    matrixSize: n,
    samples: total,
    shards: files.length,
    kolmogorovDistance: d,
    dkwBand: Math.sqrt(Math.log(2 / alpha) / (2 * total)),
    alpha,
    ksPValue: ksPValue(d, total),
    sampleMean: mean,
    lawMean: law.mean,
    meanZ: (mean - law.mean) / Math.sqrt(law.variance / total),
    sampleVariance: variance,
    lawVariance: law.variance,
    // Var(s²) ≈ (μ₄ − σ⁴)/n for the sample variance.
    varianceZ: (variance - law.variance) / Math.sqrt((fourth - variance * variance) / total),
    ksSeconds,
  });
}
console.log(JSON.stringify({ generator: "docs/tracy-widom/summarize.ts", rows }, null, 2));
