/**
 * The shared refusal policy (src/budget.ts, docs/conventions.md §6) and the library entry points
 * that use it: an unbounded request is refused up front with a RangeError (BudgetError) giving the
 * estimate in the library's words, before anything is allocated; a missing random source is a
 * TypeError that says so.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  BudgetError,
  checkBudget,
  formatBytes,
  formatDuration,
  getBudget,
  setBudget,
} from "../../src/budget.js";
import { runSample } from "../../src/driver/legacy.js";
import { circularCmvAngles } from "../../src/ensembles/circular.js";
import { hermiteFullEigenvalues } from "../../src/ensembles/full.js";
import { ginibreEigenvalues } from "../../src/ensembles/ginibre.js";
import { hermiteEigenvalues, hermiteTridiagonal } from "../../src/ensembles/hermite.js";
import { jacobiEigenvalues } from "../../src/ensembles/jacobi.js";
import { laguerreBidiagonal, laguerreEigenvalues } from "../../src/ensembles/laguerre.js";
import { mixingStudy } from "../../src/mixing/study.js";
import { createRandomSource } from "../../src/random/philox.js";

const rng = () => createRandomSource(1, 0);

describe("checkBudget", () => {
  it("passes estimates within the limits and returns bytes and seconds", () => {
    assert.deepEqual(checkBudget({ what: "x", bytes: 1e6, operations: 1e8 }), {
      bytes: 1e6,
      seconds: 1,
    });
  });

  it("refuses memory, time and text beyond the limits, in one message shape", () => {
    const cases: [Parameters<typeof checkBudget>[0], RegExp][] = [
      [
        { what: "this run", bytes: 12 * 1024 ** 3 },
        /^this run would need about 12 GiB of memory \(limit 8 GiB\); advice$/,
      ],
      [
        { what: "this run", seconds: 3 * 3600 },
        /^this run would take about 3 hours \(limit 30 minutes\); advice$/,
      ],
      [{ what: "this run", operations: 1e15 }, /^this run would take about 116 days/],
      [{ what: "this run", textBytes: 2e9 }, /^this run would write about 1.9 GiB of text/],
      [{ what: "this run", bytes: Number.NaN }, /would need about/],
    ];
    for (const [estimate, pattern] of cases) {
      assert.throws(
        () => checkBudget(estimate, "advice"),
        (e: Error) =>
          e instanceof BudgetError && e instanceof RangeError && pattern.test(e.message),
      );
    }
    assert.throws(
      () => checkBudget({ what: "w", seconds: 1e4 }, (limit) => `over the ${limit} limit`),
      /; over the time limit$/,
    );
  });

  it("formats sizes and durations", () => {
    assert.equal(formatBytes(512), "512 bytes");
    assert.equal(formatBytes(8 * 1024 ** 3), "8 GiB");
    assert.equal(formatBytes(3.3e15), "2.9 PiB");
    assert.equal(formatDuration(40), "40 seconds");
    assert.equal(formatDuration(1800), "30 minutes");
    assert.equal(formatDuration(86400 * 3), "3 days");
    assert.equal(formatDuration(1e15), "3.2e+7 years");
  });

  it("setBudget changes the limits for library users and restores them", () => {
    const previous = setBudget({ maxSeconds: 10 });
    try {
      assert.throws(() => checkBudget({ what: "w", seconds: 11 }), /limit 10 seconds/);
    } finally {
      setBudget(previous);
    }
    assert.equal(getBudget().maxSeconds, 1800);
    assert.throws(() => setBudget({ maxBytes: -1 }), RangeError);
  });
});

describe("library samplers refuse unbounded requests before allocating", () => {
  it("hermiteEigenvalues(rng, 1e9, 2): a RangeError with the estimate, in library words", () => {
    assert.throws(
      () => hermiteEigenvalues(rng(), 1e9, 2),
      (e: Error) =>
        e instanceof RangeError &&
        /^hermiteEigenvalues\(n = 1e9\) would need about 45 GiB of memory \(limit 8 GiB\); for λ_max or a histogram at this size use runSample with stat "max" or "histogram"/.test(
          e.message,
        ) &&
        !/--/.test(e.message),
    );
  });

  it("time and memory of every family", () => {
    const cases: [() => unknown, RegExp][] = [
      [
        () => hermiteEigenvalues(rng(), 1e6, 2),
        /hermiteEigenvalues\(n = 1e6\) would take about 2.8 hours/,
      ],
      [() => hermiteTridiagonal(rng(), 2e9, 2), /hermiteTridiagonal\(n = 2e9\) would need/],
      [() => laguerreBidiagonal(rng(), 2e9, 2), /laguerreBidiagonal\(n = 2e9\) would need/],
      [() => laguerreEigenvalues(rng(), 1e6, 2), /laguerreEigenvalues\(n = 1e6\) would take/],
      [() => jacobiEigenvalues(rng(), 1e6, 2), /jacobiEigenvalues\(n = 1e6\) would take/],
      [() => circularCmvAngles(rng(), 1e6, 2), /circularCmvAngles\(n = 1e6\) would take/],
      [() => hermiteFullEigenvalues(rng(), 1e5, 2), /hermiteFullEigenvalues\(n = 1e5\) would need/],
      [() => ginibreEigenvalues(rng(), 1e4), /ginibreEigenvalues\(n = 10000\) would take/],
    ];
    for (const [call, pattern] of cases) assert.throws(call, pattern);
  });

  it("runSample and mixingStudy use the same policy", () => {
    const job = {
      spec: { ensemble: "hermite" as const, params: { loc: 0, scale: 1 } },
      model: "tridiagonal" as const,
      n: 1e6,
      beta: 2,
      samples: 1,
      seed: 1,
      stat: "eigenvalues" as const,
    };
    assert.throws(() => runSample(job), /this run would take about 2\.8 hours.*stat "max"/);
    assert.throws(
      () =>
        mixingStudy({
          coeffs: [0, 0, 0.5],
          beta: 2,
          ns: [100],
          chains: 10,
          passes: 2,
          seed: 1,
          controlSamples: 1e15,
        }),
      (e: Error) =>
        e instanceof RangeError && /^this mixing study would need about/.test(e.message),
    );
  });

  it("a missing random source is a TypeError that says so", () => {
    const calls: (() => unknown)[] = [
      () => hermiteEigenvalues(undefined as never, 5, 2),
      () => hermiteTridiagonal(null as never, 5, 2),
      () => laguerreEigenvalues({} as never, 5, 2),
      () => jacobiEigenvalues(42 as never, 5, 2),
      () => circularCmvAngles(undefined as never, 5, 2),
      () => ginibreEigenvalues(undefined as never, 5),
      () => hermiteFullEigenvalues(undefined as never, 5, 2),
    ];
    for (const call of calls) {
      assert.throws(
        call,
        (e: Error) =>
          e instanceof TypeError && /first argument must be a random source/.test(e.message),
      );
    }
  });
});
