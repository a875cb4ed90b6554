/**
 * The sine_β spacing, nearest-neighbour spacing and gap-ratio laws for any β, by simulation of the
 * circular β-ensemble (Killip–Nenciu CMV model, src/ensembles/circular.ts): on the circle the
 * density is exactly uniform, so the unfolded spacings N(θ_{i+1} − θ_i)/2π need no fitted density,
 * and every one of the N spacings (with the one across 2π ≡ 0) is used. The CβE_N local statistics
 * converge to sine_β at rate O(N⁻²) (Bornemann, Forrester & Mays, Stud. Appl. Math. 138 (2017)
 * 401–437 for β = 1, 2, 4; the tests and the β = 2 rows compare with the exact laws).
 *
 * Each β is one job of the driver (src/driver/, `--stat spacings --summary cdf`: counts on fixed
 * grids, exactly mergeable), run on the worker pool; sample s of β-index b uses
 * createRandomSource(SEED, s, b) (`--substream b`), so any split over threads, processes or
 * machines (`betaens sample … --shard i/K` + `betaens merge`) gives the same table. Standard errors
 * are computed across samples (independent; the spacings within one sample are not).
 *
 *   node --import tsx docs/local-statistics/sineBeta.ts [samples] [workers] > sine-beta.json
 *
 * `emptyAccumulator`/`addSample` below are the accumulator of the first (hand-sharded) version of
 * this script, kept as an independent reference: test/driver/spacingSummary.test.ts checks that the
 * driver's counts equal its counts for the same streams.
 */
import { runJob, defaultWorkers } from "../../src/cli/pool.js";
import { finalize } from "../../src/driver/finalize.js";
import type { SampleJob } from "../../src/spec/job.js";
import { tableFromRuns } from "./sineBetaMerge.js";

export const BETAS = [0.5, 1, 1.5, 2, 3, 4, 6, 10] as const;
export const SEED = 20260316;
/** CβE size: finite-N corrections O(N⁻²) ≈ 1e−6, far below the statistical error. */
export const N = 400;
/** Bin width and number of bins of the spacing / nearest-neighbour histograms on [0, 5). */
export const SPACING_BIN = 0.01;
export const SPACING_BINS = 500;
/** Bin width and count of the folded ratio r̃ = min(r, 1/r) on [0, 1]. */
export const RATIO_BIN = 0.005;
export const RATIO_BINS = 200;

export interface Accumulator {
  beta: number;
  samples: number;
  spacings: number;
  /** Counts per bin (spacing, nearest-neighbour, folded ratio). */
  spacingCounts: number[];
  nearestCounts: number[];
  ratioCounts: number[];
  /** Per-sample CDF values at the bin edges: sums and sums of squares (for standard errors). */
  spacingCdfSum: number[];
  spacingCdfSquares: number[];
  nearestCdfSum: number[];
  nearestCdfSquares: number[];
  ratioCdfSum: number[];
  ratioCdfSquares: number[];
  /** Per-sample means of s², r̃, r (sums and sums of squares). */
  moments: Record<"s2" | "folded" | "ratio" | "nearest", { sum: number; squares: number }>;
}

export function emptyAccumulator(beta: number): Accumulator {
  const zeros = (n: number) => new Array<number>(n).fill(0);
  const moment = () => ({ sum: 0, squares: 0 });
  return {
    beta,
    samples: 0,
    spacings: 0,
    spacingCounts: zeros(SPACING_BINS + 1),
    nearestCounts: zeros(SPACING_BINS + 1),
    ratioCounts: zeros(RATIO_BINS),
    spacingCdfSum: zeros(SPACING_BINS),
    spacingCdfSquares: zeros(SPACING_BINS),
    nearestCdfSum: zeros(SPACING_BINS),
    nearestCdfSquares: zeros(SPACING_BINS),
    ratioCdfSum: zeros(RATIO_BINS),
    ratioCdfSquares: zeros(RATIO_BINS),
    moments: { s2: moment(), folded: moment(), ratio: moment(), nearest: moment() },
  };
}

/** Adds one CβE sample (ascending angles) to the accumulator. */
export function addSample(acc: Accumulator, angles: Float64Array): void {
  const n = angles.length;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? angles[i + 1] : angles[0] + 2 * Math.PI;
    s[i] = ((next - angles[i]) * n) / (2 * Math.PI);
  }
  const local = {
    spacing: new Float64Array(SPACING_BINS + 1),
    nearest: new Float64Array(SPACING_BINS + 1),
    ratio: new Float64Array(RATIO_BINS),
  };
  let s2 = 0;
  let folded = 0;
  let ratio = 0;
  let nearestMean = 0;
  for (let i = 0; i < n; i++) {
    const a = s[i];
    const b = s[(i + 1) % n];
    // Nearest neighbour of point i + 1: min of its left (s_i) and right (s_{i+1}) gaps.
    const near = Math.min(a, b);
    const r = b / a;
    const rt = Math.min(r, 1 / r);
    local.spacing[Math.min(SPACING_BINS, Math.floor(a / SPACING_BIN))]++;
    local.nearest[Math.min(SPACING_BINS, Math.floor(near / SPACING_BIN))]++;
    local.ratio[Math.min(RATIO_BINS - 1, Math.floor(rt / RATIO_BIN))]++;
    s2 += a * a;
    folded += rt;
    ratio += r;
    nearestMean += near;
  }
  acc.samples++;
  acc.spacings += n;
  const cumulate = (counts: Float64Array, total: number[], sum: number[], squares: number[]) => {
    let c = 0;
    for (let k = 0; k < sum.length; k++) {
      c += counts[k];
      total[k] += counts[k];
      const f = c / n; // per-sample CDF at the right edge of bin k
      sum[k] += f;
      squares[k] += f * f;
    }
    for (let k = sum.length; k < counts.length; k++) total[k] += counts[k];
  };
  cumulate(local.spacing, acc.spacingCounts, acc.spacingCdfSum, acc.spacingCdfSquares);
  cumulate(local.nearest, acc.nearestCounts, acc.nearestCdfSum, acc.nearestCdfSquares);
  cumulate(local.ratio, acc.ratioCounts, acc.ratioCdfSum, acc.ratioCdfSquares);
  const add = (key: keyof Accumulator["moments"], value: number) => {
    acc.moments[key].sum += value;
    acc.moments[key].squares += value * value;
  };
  add("s2", s2 / n);
  add("folded", folded / n);
  add("ratio", ratio / n);
  add("nearest", nearestMean / n);
}

/**
 * The driver job of β-index b: `betaens sample circular --n 400 --beta β --seed SEED
 * --substream b --stat spacings --summary cdf --bins 500 --range 0,5` (samples 0 … samples − 1).
 */
export function tableJob(b: number, samples: number): SampleJob {
  return {
    task: "sample",
    ensemble: "circular",
    params: {},
    reported: [],
    model: "cmv",
    stat: "spacings",
    n: N,
    beta: BETAS[b],
    seed: SEED,
    first: 0,
    count: samples,
    scaling: "none",
    summary: "cdf",
    grid: { lo: 0, hi: SPACING_BINS * SPACING_BIN, bins: SPACING_BINS },
    local: { ratioBins: RATIO_BINS, substream: b },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // node --import tsx docs/local-statistics/sineBeta.ts [samples] [workers]  > sine-beta.json
  const samples = Number(process.argv[2] ?? 12000);
  const workers = Number(process.argv[3] ?? defaultWorkers());
  if (!(Number.isInteger(samples) && samples >= 2 && Number.isInteger(workers) && workers >= 1)) {
    process.stderr.write("usage: sineBeta.ts [samples >= 2] [workers >= 1]\n");
    process.exit(2);
  }
  const t0 = performance.now();
  const results: Record<string, unknown>[] = [];
  for (let b = 0; b < BETAS.length; b++) {
    const job = tableJob(b, samples);
    results.push(finalize(job, await runJob(job, { workers })));
    process.stderr.write(
      `β=${BETAS[b]}: ${samples} samples (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`,
    );
  }
  process.stdout.write(`${JSON.stringify(tableFromRuns(results))}\n`);
}
