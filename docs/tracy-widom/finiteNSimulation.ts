/**
 * Finite-N soft-edge laws of the Hermite β-ensemble, β = 1, 4, by simulation: S draws per N of the
 * rescaled λ_max (exact truncated tridiagonal model, src/ensembles/edge.ts, edgeScaling with
 * N′ = N + 1/2 − 1/β) against (a) TW_β and (b) the corrected law softEdgeLaw (F_β + N′^{−2/3}E_β in
 * t = (N′/N)^{1/6}s, E_β = t²F′/20 − 3F″/(20β)): Kolmogorov distances, their p-values (ksPValue,
 * src/statistics/ks.ts) and, for (b), where the empirical CDF departs most and with which sign.
 * The KS noise of S draws is ≈ 0.87/√S (8.7e−4 at S = 10⁶), so distances at that level are
 * unresolved. Sample s of row (β, N) is a pure function of (seed, s, N): any subset of rows gives
 * the same numbers as the full run.
 *   nice node --import tsx docs/tracy-widom/finiteNSimulation.ts [S=1000000] [betas=1,4] [Ns=10,30,100,300] > out.json
 * (≈ 6 CPU-min for the default rows at S = 10⁶.)
 */
import { hermiteRescaledLargestEigenvalueTruncated } from "../../src/ensembles/edge.js";
import { createRandomSource } from "../../src/random/philox.js";
import { ksPValue, ksStatistic } from "../../src/statistics/ks.js";
import { softEdgeLaw } from "../../src/theory/softEdgeLaw.js";
import { tracyWidomCdf } from "../../src/theory/tracyWidom.js";

const samples = Number(process.argv[2] ?? 1000000);
const betas = (process.argv[3] ?? "1,4").split(",").map(Number);
const sizes = (process.argv[4] ?? "10,30,100,300").split(",").map(Number);
const SEED = 20261205;

/** sup |F_S − cdf| on the sorted sample, with the argument and the sign of F_S − cdf there. */
function largestDeparture(sorted: Float64Array, cdf: (x: number) => number) {
  let d = 0;
  let at = Number.NaN;
  let sign = 0;
  for (let i = 0; i < sorted.length; i++) {
    const f = cdf(sorted[i]);
    const above = (i + 1) / sorted.length - f;
    const below = f - i / sorted.length;
    if (above > d) [d, at, sign] = [above, sorted[i], 1];
    if (below > d) [d, at, sign] = [below, sorted[i], -1];
  }
  return { d, at, sign };
}

const rows = [];
for (const beta of betas) {
  if (beta !== 1 && beta !== 4) throw new RangeError(`beta must be 1 or 4, got ${beta}`);
  for (const n of sizes) {
    const x = new Float64Array(samples);
    for (let s = 0; s < samples; s++) {
      x[s] = hermiteRescaledLargestEigenvalueTruncated(createRandomSource(SEED, s, n), n, beta);
    }
    const law = softEdgeLaw({ ensemble: "hermite", beta, n });
    const plain = ksStatistic(x, (s) => tracyWidomCdf(s, beta));
    const corrected = ksStatistic(x, (s) => law.cdf(s));
    const departure = largestDeparture(x.sort(), (s) => law.cdf(s));
    const row = {
      beta,
      n,
      samples,
      plain,
      corrected,
      noise: 0.87 / Math.sqrt(samples),
      pPlain: ksPValue(plain, samples),
      pCorrected: ksPValue(corrected, samples),
      correctedAt: departure.at,
      correctedSign: departure.sign,
    };
    rows.push(row);
    process.stderr.write(`${JSON.stringify(row)}\n`);
  }
}
process.stdout.write(`${JSON.stringify({ seed: SEED, samples, rows }, null, 2)}\n`);
