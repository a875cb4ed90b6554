/**
 * Finite-N soft-edge laws of the Laguerre β-ensemble, β = 1, 4, by simulation: S draws per
 * (β, N, M/N) of the rescaled λ_max (exact truncated tridiagonal model, src/ensembles/edge.ts,
 * laguerreRescaledLargestEigenvalueTruncated; edgeScaling with M′, N′ = · + 1/2 − 1/β; Wishart
 * dimension M = rN, shape k = β(M − N + 1)/2) against
 *   plain:      TW_β;
 *   corrected:  softEdgeLaw (our conjecture: the exact LUE correction with N′, M′ in h, ρ and
 *               b = (2/β)(−3/40 + ρ/10), a = 1/20 − 2ρ/5);
 *   noShift:    the same with N, M unshifted (the law of the unshifted-centred variable, mapped);
 *   bUnscaled:  N′, M′, but b = −3/40 + ρ/10 (no 2/β).
 * Kolmogorov distances and p-values (ksPValue, src/statistics/ks.ts). KS noise ≈ 0.87/√S.
 * Sample s of row (β, N, r) is a pure function of (seed, s, N, r).
 *   nice node --import tsx docs/tracy-widom/laguerreFiniteNSimulation.ts [S=400000] [betas=1,4] [Ns=10,30,100,300] [ratios=1,4] > out.json
 */
import { laguerreRescaledLargestEigenvalueTruncated } from "../../src/ensembles/edge.js";
import { createRandomSource } from "../../src/random/philox.js";
import { ksPValue, ksStatistic } from "../../src/statistics/ks.js";
import { softEdgeLaw } from "../../src/theory/softEdgeLaw.js";
import { tracyWidomCdf, tracyWidomPdf } from "../../src/theory/tracyWidom.js";

const samples = Number(process.argv[2] ?? 400000);
const betas = (process.argv[3] ?? "1,4").split(",").map(Number);
const sizes = (process.argv[4] ?? "10,30,100,300").split(",").map(Number);
const ratios = (process.argv[5] ?? "1,4").split(",").map(Number);
const SEED = 20261206;

/** z-scale centre, scale of the soft edge at dimensions (n, m) (edgeScaling without βθ/2). */
function edge(n: number, m: number) {
  const a = Math.sqrt(m);
  const b = Math.sqrt(n);
  return {
    mu: (a + b) ** 2,
    sigma: (a + b) * Math.cbrt(1 / a + 1 / b),
    rho: (a * b) / (a + b) ** 2,
    h: (1 / a + 1 / b) ** (4 / 3),
  };
}

/** Raw (clipped) F_β(u) + h(a u²F′ + b F″) for the variable centred at dimensions shifted by δ, at x of edgeScaling. */
function variantCdf(beta: 1 | 4, n: number, m: number, delta: number, bFactor: number) {
  const shift = 0.5 - 1 / beta;
  const ref = edge(n + shift, m + shift);
  const e = edge(n + delta, m + delta);
  const a = 1 / 20 - (2 * e.rho) / 5;
  const b = bFactor * (-3 / 40 + e.rho / 10);
  return (x: number) => {
    const u = (ref.mu - e.mu + ref.sigma * x) / e.sigma;
    const f = tracyWidomPdf(u, beta);
    const fp = (tracyWidomPdf(u + 1e-4, beta) - tracyWidomPdf(u - 1e-4, beta)) / 2e-4;
    // Clipped to [0, 1] (the raw expansion leaves it far in the tails, where it carries no mass).
    return Math.min(1, Math.max(0, tracyWidomCdf(u, beta) + e.h * (a * u * u * f + b * fp)));
  };
}

const rows = [];
for (const beta of betas) {
  if (beta !== 1 && beta !== 4) throw new RangeError(`beta must be 1 or 4, got ${beta}`);
  for (const ratio of ratios) {
    for (const n of sizes) {
      const m = ratio * n;
      const shape = (beta * (m - n + 1)) / 2;
      const x = new Float64Array(samples);
      for (let s = 0; s < samples; s++) {
        const rng = createRandomSource(SEED, s, 1000 * ratio + n);
        x[s] = laguerreRescaledLargestEigenvalueTruncated(rng, n, beta, { shape, scale: 2 });
      }
      const law = softEdgeLaw({ ensemble: "laguerre", beta, n, m });
      const d = {
        plain: ksStatistic(x, (s) => tracyWidomCdf(s, beta)),
        corrected: ksStatistic(x, (s) => law.cdf(s)),
        noShift: ksStatistic(x, variantCdf(beta, n, m, 0, 2 / beta)),
        bUnscaled: ksStatistic(x, variantCdf(beta, n, m, 0.5 - 1 / beta, 1)),
      };
      const row = {
        beta,
        n,
        m,
        samples,
        ...d,
        noise: 0.87 / Math.sqrt(samples),
        pPlain: ksPValue(d.plain, samples),
        pCorrected: ksPValue(d.corrected, samples),
        pNoShift: ksPValue(d.noShift, samples),
        pBUnscaled: ksPValue(d.bUnscaled, samples),
      };
      rows.push(row);
      process.stderr.write(`${JSON.stringify(row)}\n`);
    }
  }
}
process.stdout.write(`${JSON.stringify({ seed: SEED, samples, rows }, null, 2)}\n`);
