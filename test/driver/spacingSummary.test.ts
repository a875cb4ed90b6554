/**
 * `--stat spacings | window --summary cdf` on the driver (statistics/spacingSummary.ts): the same
 * bytes with --workers 1, 2 and with 3 shards merged by `betaens merge`; the counts of the shard
 * script that built the sine_β table (docs/local-statistics/sineBeta.ts) for the same random
 * streams; the sampled CDFs of CUE(β = 2) against the exact sine₂ laws within 5 standard errors,
 * and not when the unfolding is 1% off.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  addSample,
  emptyAccumulator,
  RATIO_BINS,
  SPACING_BINS,
} from "../../docs/local-statistics/sineBeta.js";
import { finalize } from "../../src/driver/finalize.js";
import { mergeAll, type Partial } from "../../src/driver/partial.js";
import { run } from "../../src/driver/run.js";
import { circularCmvAngles } from "../../src/ensembles/circular.js";
import { createRandomSource } from "../../src/random/philox.js";
import type { SampleJob } from "../../src/spec/job.js";
import { shardRange } from "../../src/spec/shard.js";
import {
  SPACING_ROW_WIDTH,
  type SpacingSummaryResult,
  SpacingSummaryWork,
  spacingSummaryResult,
} from "../../src/statistics/spacingSummary.js";
import {
  sineGapRatioLaw,
  sineNearestNeighbourLaw,
  sineSpacingLaw,
} from "../../src/theory/localStatistics.js";
import { betaensInProcess } from "../helpers/cliInProcess.js";

const dir = mkdtempSync(join(tmpdir(), "betaens-spacing-summary-"));
let counter = 0;

const cli = betaensInProcess;

async function output(args: string[]): Promise<Buffer> {
  const file = join(dir, `out-${counter++}.json`);
  const r = await cli([...args, "--output", file]);
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(file);
}

async function sharded(args: string[], k: number): Promise<Buffer> {
  const stem = join(dir, `run-${counter++}`);
  for (let i = k - 1; i >= 0; i--) {
    const r = await cli([...args, "--shard", `${i}/${k}`, "--output", `${stem}-{shard}.bep`]);
    assert.equal(r.status, 0, r.stderr);
  }
  const parts = Array.from({ length: k }, (_, i) => `${stem}-${i}.bep`);
  return output(["merge", ...parts]);
}

describe("--summary cdf of spacings and window: one thread = 2 workers = 3 shards merged", () => {
  const runs: [string, string[]][] = [
    [
      "circular, whole circle",
      ["sample", "circular", "--n", "60", "--beta", "1.5", "--samples", "25"],
    ],
    [
      "hermite, bulk window",
      ["sample", "hermite", "--n", "120", "--beta", "4", "--samples", "14", "--bulk", "0.2,0.8"],
    ],
    [
      "window sampler",
      ["sample", "hermite", "--n", "3000", "--samples", "7", "--stat", "window", "--count", "50"],
    ],
  ];
  for (const [name, base] of runs) {
    it(name, async () => {
      const args = [...base, "--seed", "11", "--summary", "cdf", "--bins", "40"];
      if (!args.includes("window")) args.push("--stat", "spacings");
      const one = await output([...args, "--workers", "1"]);
      assert.deepEqual(await output([...args, "--workers", "2"]), one, "--workers 2");
      assert.deepEqual(await sharded(args, 3), one, "3 shards + merge");
      const result = JSON.parse(one.toString("utf8"));
      assert.equal(result.summary, "cdf");
      assert.ok(result.spacings > 0 && result.spacing.counts.length === 40);
    });
  }

  it("refuses what it cannot do (one line, exit 2)", async () => {
    const bad = async (args: string[], pattern: RegExp) => {
      const r = await cli(["sample", "circular", "--n", "50", "--stat", "spacings", ...args]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, pattern);
      assert.equal(r.stderr.trim().split("\n").length, 1);
    };
    await bad(["--summary", "moments"], /takes --summary values or cdf/);
    await bad(["--workers", "2"], /use --summary cdf/);
    await bad(["--summary", "cdf", "--format", "csv"], /writes JSON/);
    await bad(["--substream", "1"], /--substream applies only/);
    await bad(["--summary", "cdf", "--substream", "-1"], /substream/);
  });
});

/** A driver job of CβE spacings with the sine_β table's grids. */
function tableJob(beta: number, seed: number, substream: number, count: number): SampleJob {
  return {
    task: "sample",
    ensemble: "circular",
    params: {},
    reported: [],
    model: "cmv",
    stat: "spacings",
    n: 400,
    beta,
    seed,
    first: 0,
    count,
    scaling: "none",
    summary: "cdf",
    grid: { lo: 0, hi: 5, bins: SPACING_BINS },
    local: { ratioBins: RATIO_BINS, substream },
  };
}

describe("the sine_β table on the driver", () => {
  it("has the counts of the shard script for the same streams (seed, s, b)", () => {
    const seed = 20260316;
    const b = 3; // β = 2 in the table's list
    const samples = 12;
    const acc = emptyAccumulator(2);
    for (let s = 0; s < samples; s++) {
      addSample(acc, circularCmvAngles(createRandomSource(seed, s, b), 400, 2));
    }
    const job = tableJob(2, seed, b, samples);
    const parts: Partial[] = [0, 1, 2].map((i) =>
      run(job, {}, shardRange(job, { index: i, count: 3 })),
    );
    const r = finalize(job, mergeAll(parts)) as unknown as SpacingSummaryResult;
    // The script's last spacing bin holds everything ≥ 5 (ours: "above").
    assert.deepEqual([...r.spacing.counts, r.spacing.above], acc.spacingCounts, "spacing counts");
    assert.deepEqual([...r.nearest.counts, r.nearest.above], acc.nearestCounts, "nearest");
    assert.deepEqual(r.folded.counts, acc.ratioCounts, "folded ratio counts");
    assert.equal(r.spacings, acc.spacings);
    const close = (a: number, e: number, what: string) =>
      assert.ok(Math.abs(a - e) <= 1e-12 * Math.max(1, Math.abs(e)), `${what}: ${a} vs ${e}`);
    close(r.means.spacingSquared.value, acc.moments.s2.sum / samples, "E[s²]");
    close(r.means.folded.value, acc.moments.folded.sum / samples, "⟨r̃⟩");
    close(r.means.ratio.value, acc.moments.ratio.sum / samples, "⟨r⟩");
    close(r.means.nearest.value, acc.moments.nearest.sum / samples, "E[min]");
    // Standard errors: those of the per-sample CDF values (the script's sums of squares).
    const k = 79; // CDF at s = 0.8
    const f = acc.spacingCdfSum[k] / samples;
    const variance = (acc.spacingCdfSquares[k] / samples - f * f) * (samples / (samples - 1));
    close(r.spacing.se[k], Math.sqrt(variance / samples), "SE of the CDF");
  });

  it("CUE (β = 2, N = 200): the CDFs match the exact sine₂ laws within 5 SE; 1% unfolding error fails", () => {
    const job = { ...tableJob(2, 7, 0, 300), n: 200 };
    const r = finalize(job, run(job)) as unknown as SpacingSummaryResult;
    const laws = {
      spacing: sineSpacingLaw(2),
      nearest: sineNearestNeighbourLaw(2),
      folded: sineGapRatioLaw(2, true),
    };
    let worst = 0;
    for (const key of ["spacing", "nearest", "folded"] as const) {
      const h = r[key];
      for (let i = 0; i < h.x.length; i += 5) {
        if (!(h.se[i] > 0)) continue;
        worst = Math.max(worst, Math.abs(h.cdf[i] - laws[key].cdf(h.x[i])) / h.se[i]);
      }
    }
    assert.ok(worst < 5, `worst |z| = ${worst}`);
    // The same counts with spacings 1% too large (a 1% error in the density) are far off.
    const work = new SpacingSummaryWork({
      lo: 0,
      hi: 5,
      bins: SPACING_BINS,
      ratioBins: RATIO_BINS,
    });
    const counts = new Float64Array(work.counts.length);
    const rows = new Float64Array(300 * SPACING_ROW_WIDTH);
    for (let s = 0; s < 300; s++) {
      const angles = circularCmvAngles(createRandomSource(7, s, 0), 200, 2);
      const sp = new Float64Array(200);
      for (let i = 0; i < 200; i++) {
        const next = i + 1 < 200 ? angles[i + 1] : angles[0] + 2 * Math.PI;
        sp[i] = (1.01 * (200 * (next - angles[i]))) / (2 * Math.PI);
      }
      work.add(sp, true, rows.subarray(s * SPACING_ROW_WIDTH, (s + 1) * SPACING_ROW_WIDTH));
      for (let i = 0; i < counts.length; i++) counts[i] += work.counts[i];
    }
    const off = spacingSummaryResult(
      { lo: 0, hi: 5, bins: SPACING_BINS, ratioBins: RATIO_BINS },
      counts,
      rows,
    );
    let worstOff = 0;
    for (let i = 0; i < off.spacing.x.length; i += 5) {
      if (!(off.spacing.se[i] > 0)) continue;
      const z = (off.spacing.cdf[i] - laws.spacing.cdf(off.spacing.x[i])) / off.spacing.se[i];
      worstOff = Math.max(worstOff, Math.abs(z));
    }
    assert.ok(worstOff > 5, `1% error: worst |z| = ${worstOff}`);
  });
});
