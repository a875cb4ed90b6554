/**
 * The memory of a pooled run is bounded by construction, not by luck: at most 2 blocks per thread
 * are out at once, a block holds at most BLOCK_ROW_BYTES of rows, rows reach the sink in sample
 * order as they are delivered, and every worker thread runs with a capped young generation (the
 * 162 → ≤ 150 MiB fix of the 1e6-sample λ_max run, docs/scale.md). Counts, not RSS thresholds:
 * nothing here depends on timing or on the machine's load.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  BLOCK_ROW_BYTES,
  type PoolStats,
  planBlocks,
  runJob,
  WORKER_RESOURCE_LIMITS,
} from "../../src/cli/pool.js";
import { run } from "../../src/driver/run.js";
import type { SampleJob } from "../../src/spec/job.js";

const job: SampleJob = {
  task: "sample",
  ensemble: "hermite",
  params: { loc: 0, scale: 1 },
  reported: [
    ["loc", 0],
    ["scale", 1],
  ],
  model: "tridiagonal",
  stat: "max",
  n: 1e6,
  beta: 2,
  seed: 2,
  first: 0,
  count: 1200,
  scaling: "none",
  summary: "values",
};

describe("pooled runs hold a bounded number of bounded blocks", () => {
  it("λ_max streamed on 2 threads: ≤ 4 blocks in flight, rows in order, young generation capped", async () => {
    const stats = {} as PoolStats;
    const received: number[] = [];
    let expectedFirst = 0;
    const partial = await runJob(job, {
      workers: 2,
      stats,
      rows: (block, first, rows) => {
        assert.equal(first, expectedFirst, "rows reach the sink in sample order");
        expectedFirst += rows;
        for (let i = 0; i < rows; i++) received.push(block[i]);
      },
    });
    assert.equal(partial.rows, undefined, "streamed rows are not kept");
    assert.equal(received.length, job.count);
    assert.ok(stats.blocks >= 8, `${stats.blocks} blocks: the bound is exercised`);
    assert.equal(stats.threads, 2);
    assert.ok(stats.maxInFlight >= 1 && stats.maxInFlight <= 4, `${stats.maxInFlight} in flight`);
    assert.ok(stats.maxBlockRowBytes <= BLOCK_ROW_BYTES);
    const young = stats.resourceLimits?.maxYoungGenerationSizeMb;
    assert.equal(young, WORKER_RESOURCE_LIMITS.maxYoungGenerationSizeMb);
    assert.ok(young !== undefined && young <= 8, `young generation ${young} MiB`);
    // The same numbers as one thread.
    const one = run(job).rows as Float64Array;
    assert.deepEqual(Float64Array.from(received), one);
  });

  it("a block never holds more than BLOCK_ROW_BYTES of rows, however wide the rows", () => {
    for (const width of [1, 100, 1e5, 1e6, 2e6]) {
      for (const count of width === 1 ? [1, 17, 1e4, 1e8] : [1, 17, 1e4]) {
        const blocks = planBlocks({ first: 5, count }, 2, width, 1);
        let next = 5;
        for (const b of blocks) {
          assert.equal(b.first, next);
          next += b.count;
          assert.ok(
            b.count === 1 || 8 * b.count * width <= BLOCK_ROW_BYTES,
            `${width} × ${b.count}`,
          );
        }
        assert.equal(next, 5 + count);
      }
    }
  });
});
