/**
 * As simulate.ts, for the Laguerre (Wishart) β-ensemble: KS distance between the law of the
 * rescaled λ_max (exact truncated bidiagonal model, src/ensembles/edge.ts; Johnstone's
 * centring/scaling with N′, M′ = · + 1/2 − 1/β, src/theory/edgeScaling.ts) and TW_β, for
 * M ≈ N (shape k = 1), M = 2N and M = 10N (shape k = β(M − N + 1)/2).
 *
 * Run: node --import tsx docs/edge-limit/simulateLaguerre.ts [samples] > docs/edge-limit/simulateLaguerre.json
 */
import { laguerreRescaledLargestEigenvalueTruncated } from "../../src/ensembles/edge.js";
import { createRandomSource } from "../../src/random/philox.js";
import { ksStatistic } from "../../src/statistics/ks.js";
import { tracyWidomCdf, tracyWidomMoments } from "../../src/theory/tracyWidom.js";

const samples = Number(process.argv[2] ?? 200000);
const sizes = [10, 30, 100];
const betas = [1, 2, 4] as const;
const ratios = [1, 2, 10]; // M/N; 1 means shape k = 1 (M = 2/β + N − 1)
const SEED = 20261130;

const rows = [];
for (const beta of betas) {
  const { mean, variance } = tracyWidomMoments(beta);
  for (const ratio of ratios) {
    for (const n of sizes) {
      const shape = ratio === 1 ? 1 : (beta * (ratio * n - n + 1)) / 2;
      const params = { shape, scale: 1 };
      const x = new Float64Array(samples);
      const t0 = performance.now();
      for (let s = 0; s < samples; s++) {
        x[s] = laguerreRescaledLargestEigenvalueTruncated(
          createRandomSource(SEED, s, n * 100 + ratio),
          n,
          beta,
          params,
        );
      }
      const seconds = (performance.now() - t0) / 1000;
      let sum = 0;
      for (const v of x) sum += v;
      const row = {
        beta,
        n,
        m: (2 * shape) / beta + n - 1,
        shape,
        samples,
        ks: ksStatistic(x, (s) => tracyWidomCdf(s, beta)),
        ksNoise: 0.87 / Math.sqrt(samples),
        meanBias: sum / samples - mean,
        meanSe: Math.sqrt(variance / samples),
        seconds,
      };
      rows.push(row);
      process.stderr.write(
        `β=${beta} N=${n} M=${row.m} ks=${row.ks.toFixed(5)} bias=${row.meanBias.toFixed(5)}±${row.meanSe.toFixed(5)} (${seconds.toFixed(1)} s)\n`,
      );
    }
  }
}
process.stdout.write(`${JSON.stringify({ seed: SEED, samples, rows }, null, 2)}\n`);
