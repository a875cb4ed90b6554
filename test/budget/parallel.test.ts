/**
 * The up-front estimate of a run on K threads (budget.ts parallelEstimate): the time on one core
 * divided by max(1, min(K, cores) · 0.9), the memory raised by each worker thread; every command
 * (`sample`, `gibbs`, `tw sample`, `mixing`) checks its estimate on its --workers. A shard of a
 * mixing study is checked on its own chains, not on the whole study (and the driver's kernel, run
 * by every worker thread and shard, does not refuse the whole study).
 */
import assert from "node:assert/strict";
import { availableParallelism } from "node:os";
import { afterEach, describe, it } from "node:test";
import {
  BudgetError,
  checkBudget,
  PARALLEL_EFFICIENCY,
  parallelEstimate,
  setBudget,
  WORKER_THREAD_BYTES,
} from "../../src/budget.js";
import { mixingCommand } from "../../src/cli/mixing.js";
import { parseSampleArgs } from "../../src/cli/sample.js";
import { kernelFor } from "../../src/driver/kernels.js";
import { estimateMixingCost } from "../../src/mixing/study.js";
import type { MixingJob } from "../../src/spec/job.js";

const MiB = 1024 ** 2;

afterEach(() => {
  setBudget();
});

/** The message of the error `f` throws. */
function refusal(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    assert.ok(error instanceof RangeError, String(error));
    return error.message;
  }
  assert.fail("not refused");
}

describe("parallelEstimate", () => {
  it("divides the time by min(K, cores) · 0.9 and adds each worker's memory", () => {
    const one = { what: "x", seconds: 90, bytes: 1000 };
    assert.deepEqual(parallelEstimate(one), one);
    assert.deepEqual(parallelEstimate({ ...one, threads: { workers: 1, cores: 8 } }), one);
    const two = parallelEstimate({ ...one, threads: { workers: 2, cores: 2, bytesPerWorker: 10 } });
    assert.equal(PARALLEL_EFFICIENCY, 0.9);
    assert.equal(two.seconds, 90 / 1.8);
    assert.equal(two.bytes, 1000 + 2 * (WORKER_THREAD_BYTES + 10));
    // More threads than cores: no more speed, more memory.
    const eight = parallelEstimate({ ...one, threads: { workers: 8, cores: 2 } });
    assert.equal(eight.seconds, 90 / 1.8);
    assert.equal(eight.bytes, 1000 + 8 * WORKER_THREAD_BYTES);
    // One core: 2 threads are no faster than one (the speed-up is at least 1).
    assert.equal(parallelEstimate({ ...one, threads: { workers: 2, cores: 1 } }).seconds, 90);
    // Operations are converted to seconds first.
    const ops = parallelEstimate({ what: "x", operations: 9e9, threads: { workers: 4, cores: 4 } });
    assert.equal(ops.seconds, 90 / 3.6);
  });

  it("checkBudget: 50 minutes on one core pass on 2 cores, not on one", () => {
    const est = { what: "this run", seconds: 3000 };
    assert.match(
      refusal(() => checkBudget(est)),
      /would take about 50 minutes/,
    );
    assert.match(
      refusal(() => checkBudget({ ...est, threads: { workers: 2, cores: 1 } })),
      /would take about 50 minutes/,
    );
    const ok = checkBudget({ ...est, threads: { workers: 2, cores: 2 } });
    assert.equal(ok.seconds, 3000 / 1.8);
  });
});

describe("commands estimate on their --workers", () => {
  const cores = availableParallelism();
  const speedup = (k: number) => Math.max(1, Math.min(k, cores) * PARALLEL_EFFICIENCY);
  // λ_max of Hermite N = 1e9: far over 30 minutes whatever the threads.
  const long = ["hermite", "--n", "1e9", "--stat", "max", "--samples", "1e9", "--seed", "1"];

  it("sample: the refused time is the one-core time over the speed-up", () => {
    const time = (workers: string) => {
      try {
        parseSampleArgs([...long, "--workers", workers]);
      } catch (error) {
        assert.ok(error instanceof BudgetError, String(error));
        return error.estimate.seconds;
      }
      return assert.fail("not refused");
    };
    const one = time("1");
    assert.ok(Math.abs(time("2") - one / speedup(2)) <= 1e-9 * one);
    assert.ok(Math.abs(time("3") - one / speedup(3)) <= 1e-9 * one);
  });

  it("sample: each worker adds its memory", () => {
    setBudget({ maxBytes: 40 * MiB });
    const small = ["hermite", "--n", "1000", "--stat", "max", "--samples", "10"];
    parseSampleArgs([...small, "--workers", "1"]);
    assert.match(
      refusal(() => parseSampleArgs([...small, "--workers", "3"])),
      /^this run would need about 48 MiB of memory \(limit 40 MiB\)/,
    );
  });

  it("mixing: the time on --workers K, and a shard's own chains", async () => {
    const study = ["--potential", "x^4/4", "--beta", "2", "--n", "2000,4000"];
    const big = [...study, "--chains", "20000", "--passes", "100", "--seed", "1"];
    const seconds = async (extra: string[]) => {
      try {
        await mixingCommand([...big, ...extra]);
      } catch (error) {
        assert.ok(error instanceof BudgetError, String(error));
        return error.estimate;
      }
      return assert.fail("not refused");
    };
    const one = await seconds(["--workers", "1"]);
    const two = await seconds(["--workers", "2"]);
    assert.equal(one.what, "this study");
    assert.ok(Math.abs(two.seconds - one.seconds / speedup(2)) <= 1e-9 * one.seconds);
    // Shard 1 of 2 holds the chains at N = 4000 only (the control draws are the merge's).
    const shard = await seconds([
      "--workers",
      "1",
      "--shard",
      "1/2",
      "--output",
      "/tmp/x-{shard}.bep",
    ]);
    assert.equal(shard.what, "this shard of the study");
    const options = {
      coeffs: [0, 0, 0, 0, 0.25],
      beta: 2,
      ns: [2000, 4000],
      chains: 20000,
      passes: 100,
      seed: 1,
    };
    const expected = estimateMixingCost(options, { first: 20000, count: 20000, summary: false });
    assert.equal(shard.seconds, expected.seconds);
    assert.ok(shard.seconds < one.seconds);
  });

  it("mixing: the parts of a study add up to it; the kernel refuses no part", () => {
    const options = {
      coeffs: [0, 0, 0, 0, 0.25],
      beta: 2.5,
      ns: [50, 80, 200],
      chains: 30,
      passes: 7,
      seed: 1,
    };
    const whole = estimateMixingCost(options).seconds;
    const summary = estimateMixingCost(options, { first: 0, count: 0, summary: true }).seconds;
    let parts = summary;
    for (let i = 0; i < 7; i++) {
      const first = Math.floor((i * 90) / 7);
      const count = Math.floor(((i + 1) * 90) / 7) - first;
      parts += estimateMixingCost(options, { first, count, summary: false }).seconds;
    }
    assert.ok(Math.abs(parts - whole) <= 1e-9 * whole, `${parts} vs ${whole}`);
    // A study of 10⁹ chains: every thread and shard makes its kernel; none refuses the whole.
    const job: MixingJob = {
      task: "mixing",
      coeffs: [0, 0, 0, 0, 0.25],
      beta: 2,
      ns: [1000],
      chains: 1e9,
      passes: 10,
      initial: "zero",
      seed: 1,
      controlSamples: 100,
      first: 0,
      count: 1e9,
    };
    assert.doesNotThrow(() => kernelFor(job));
  });
});
