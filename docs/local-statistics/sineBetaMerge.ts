/**
 * Merges shards of docs/local-statistics/sineBeta.ts (disjoint sample ranges) and derives, per β:
 * the CDFs of the spacing, the nearest-neighbour spacing and the folded gap ratio r̃ = min(r, 1/r)
 * on their grids with standard errors (between-sample variance of the per-sample CDFs, the samples
 * being independent), and E[s²] − 1 = Var(s), E[min(s_l, s_r)], ⟨r̃⟩, ⟨r⟩ with standard errors.
 *
 *   node --import tsx docs/local-statistics/sineBetaMerge.ts beta-0.json … beta-7.json > sine-beta.json
 * (the driver's outputs of the eight β, see README.md), or shards of the first sineBeta.ts.
 */
import { readFileSync } from "node:fs";
import type { SpacingSummaryResult } from "../../src/statistics/spacingSummary.js";
import {
  type Accumulator,
  emptyAccumulator,
  N,
  RATIO_BIN,
  RATIO_BINS,
  SEED,
  SPACING_BIN,
  SPACING_BINS,
} from "./sineBeta.js";

interface Shard {
  seed: number;
  n: number;
  from: number;
  to: number;
  accumulators: Accumulator[];
}

export interface MergedLaw {
  beta: number;
  samples: number;
  spacings: number;
  /** Right bin edges and CDF values with standard errors. */
  spacing: { x: number[]; cdf: number[]; se: number[] };
  nearest: { x: number[]; cdf: number[]; se: number[] };
  folded: { x: number[]; cdf: number[]; se: number[] };
  moments: Record<
    "variance" | "nearestMean" | "foldedMean" | "ratioMean",
    { value: number; se: number }
  >;
}

function mergeShards(shards: Shard[]): Accumulator[] {
  const ranges = shards.map((s) => [s.from, s.to]).sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i][0] < ranges[i - 1][1]) throw new Error("shards overlap");
  }
  for (const s of shards) {
    if (s.seed !== SEED || s.n !== N) throw new Error("shard from another configuration");
  }
  const merged = shards[0].accumulators.map((a) => emptyAccumulator(a.beta));
  for (const shard of shards) {
    shard.accumulators.forEach((acc, b) => {
      const m = merged[b];
      m.samples += acc.samples;
      m.spacings += acc.spacings;
      for (const key of [
        "spacingCounts",
        "nearestCounts",
        "ratioCounts",
        "spacingCdfSum",
        "spacingCdfSquares",
        "nearestCdfSum",
        "nearestCdfSquares",
        "ratioCdfSum",
        "ratioCdfSquares",
      ] as const) {
        for (let k = 0; k < m[key].length; k++) m[key][k] += acc[key][k];
      }
      for (const key of Object.keys(m.moments) as (keyof Accumulator["moments"])[]) {
        m.moments[key].sum += acc.moments[key].sum;
        m.moments[key].squares += acc.moments[key].squares;
      }
    });
  }
  return merged;
}

/** Mean and standard error of the mean from a sum and a sum of squares over S samples. */
function meanSe(sum: number, squares: number, samples: number): { value: number; se: number } {
  const mean = sum / samples;
  const variance = Math.max(0, (squares / samples - mean * mean) * (samples / (samples - 1)));
  return { value: mean, se: Math.sqrt(variance / samples) };
}

export function summarise(acc: Accumulator): MergedLaw {
  const S = acc.samples;
  const cdf = (sum: number[], squares: number[], bin: number) => {
    const x: number[] = [];
    const value: number[] = [];
    const se: number[] = [];
    for (let k = 0; k < sum.length; k++) {
      const m = meanSe(sum[k], squares[k], S);
      x.push(Number(((k + 1) * bin).toFixed(6)));
      value.push(m.value);
      se.push(m.se);
    }
    return { x, cdf: value, se };
  };
  const s2 = meanSe(acc.moments.s2.sum, acc.moments.s2.squares, S);
  return {
    beta: acc.beta,
    samples: S,
    spacings: acc.spacings,
    spacing: cdf(acc.spacingCdfSum, acc.spacingCdfSquares, SPACING_BIN),
    nearest: cdf(acc.nearestCdfSum, acc.nearestCdfSquares, SPACING_BIN),
    folded: cdf(acc.ratioCdfSum, acc.ratioCdfSquares, RATIO_BIN),
    moments: {
      variance: { value: s2.value - 1, se: s2.se },
      nearestMean: meanSe(acc.moments.nearest.sum, acc.moments.nearest.squares, S),
      foldedMean: meanSe(acc.moments.folded.sum, acc.moments.folded.squares, S),
      ratioMean: meanSe(acc.moments.ratio.sum, acc.moments.ratio.squares, S),
    },
  };
}

/** The driver's result of one β (`--stat spacings --summary cdf`, JSON) as a row of the table. */
export function lawFromRun(run: Record<string, unknown>): MergedLaw {
  const r = run as unknown as SpacingSummaryResult & { beta: number; n: number; seed: number };
  if (r.n !== N || r.seed !== SEED || r.grid.bins !== SPACING_BINS || r.ratioBins !== RATIO_BINS) {
    throw new Error(`a run of another configuration (β = ${r.beta})`);
  }
  const cdf = (h: SpacingSummaryResult["spacing"]) => ({
    x: h.x.map((x) => Number(x.toFixed(6))),
    cdf: h.cdf,
    se: h.se,
  });
  const m = r.means;
  return {
    beta: r.beta,
    samples: r.samples,
    spacings: r.spacings,
    spacing: cdf(r.spacing),
    nearest: cdf(r.nearest),
    folded: cdf(r.folded),
    moments: {
      variance: { value: m.spacingSquared.value - 1, se: m.spacingSquared.se },
      nearestMean: m.nearest,
      foldedMean: m.folded,
      ratioMean: m.ratio,
    },
  };
}

/** sine-beta.json from the driver's results of every β (in the order of BETAS). */
export function tableFromRuns(runs: Record<string, unknown>[]): Record<string, unknown> {
  const laws = runs.map(lawFromRun);
  const samples = laws[0]?.samples;
  if (laws.some((l) => l.samples !== samples)) throw new Error("runs of different lengths");
  return { seed: SEED, n: N, samples, spacingBins: SPACING_BINS, ratioBins: RATIO_BINS, laws };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Either the driver's outputs, one per β (betaens sample … --summary cdf, or betaens merge of its
  // shards), or shards of the first version of sineBeta.ts ({from, to, accumulators}).
  const inputs = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, "utf8")));
  if (inputs.length === 0) {
    process.stderr.write("usage: sineBetaMerge.ts run.json … | shard.json …\n");
    process.exit(2);
  }
  if (inputs[0].command === "sample") {
    process.stdout.write(`${JSON.stringify(tableFromRuns(inputs))}\n`);
  } else {
    const shards = inputs as Shard[];
    const laws = mergeShards(shards).map(summarise);
    const samples = shards.reduce((t, s) => t + (s.to - s.from), 0);
    process.stdout.write(
      `${JSON.stringify({ seed: SEED, n: N, samples, spacingBins: SPACING_BINS, ratioBins: RATIO_BINS, laws })}\n`,
    );
  }
}
