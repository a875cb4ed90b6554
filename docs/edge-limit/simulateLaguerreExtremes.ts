/**
 * Laguerre limit-model envelope, extreme cases: small shapes k (M − N + 1 → 0, the largest
 * distances measured), M = 100N, and M ≈ N at larger N (300, 1000) to check the N^(−2/3) rate.
 * Prints one line per case: KS distance of the rescaled exact λ_max (truncated bidiagonal model)
 * to TW_β and d·N^(2/3). Output committed as simulateLaguerreExtremes.txt (≈ 6 min on one core).
 *
 * Run: node --import tsx docs/edge-limit/simulateLaguerreExtremes.ts > docs/edge-limit/simulateLaguerreExtremes.txt
 */
import { laguerreRescaledLargestEigenvalueTruncated } from "../../src/ensembles/edge.js";
import { createRandomSource } from "../../src/random/philox.js";
import { ksStatistic } from "../../src/statistics/ks.js";
import { tracyWidomCdf } from "../../src/theory/tracyWidom.js";

function distance(
  seed: number,
  n: number,
  beta: 1 | 2 | 4,
  shape: number,
  samples: number,
): number {
  const x = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    x[s] = laguerreRescaledLargestEigenvalueTruncated(createRandomSource(seed, s, n), n, beta, {
      shape,
      scale: 1,
    });
  }
  return ksStatistic(x, (t) => tracyWidomCdf(t, beta));
}

for (const beta of [1, 2, 4] as const) {
  for (const shape of [0.01, 0.1, "M=100N"] as const) {
    for (const n of [10, 30, 100]) {
      const k = shape === "M=100N" ? (beta * (100 * n - n + 1)) / 2 : shape;
      const d = distance(77, n, beta, k, 200000);
      console.log(
        `β=${beta} shape=${shape} N=${n} ks=${d.toFixed(5)} d·N^(2/3)=${(d * n ** (2 / 3)).toFixed(3)}`,
      );
    }
  }
}
const samples = 400000;
for (const beta of [2, 4] as const) {
  for (const n of [300, 1000]) {
    const d = distance(78, n, beta, 0.1, samples);
    console.log(
      `β=${beta} shape=0.1 N=${n} ks=${d.toFixed(5)} noise=${(0.87 / Math.sqrt(samples)).toFixed(5)} d·N^(2/3)=${(d * n ** (2 / 3)).toFixed(3)}`,
    );
  }
}
