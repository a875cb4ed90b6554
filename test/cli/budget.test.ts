/**
 * One refusal policy for every command (src/budget.ts, docs/conventions.md §6): the same memory
 * and time limits and the same message shape, checked before any work, with advice in terms of
 * the command's own flags (never advising the flag already given).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { betaens, usageError } from "../helpers/cli.js";

/** A refusal: a usage error (exit 2, one line) in the shared message shape. */
function refused(args: string[], pattern: RegExp): string {
  const line = usageError(args, pattern);
  assert.match(line, /^betaens: error: this (run|study) would (need|take|write) about /);
  return line;
}

describe("every command refuses up front what would exhaust memory or time", () => {
  it("sample: time, memory (advice fits the statistic), text output", () => {
    refused(["sample", "hermite", "--n", "1e6"], /2.8 hours \(limit 30 minutes\); use --stat max/);
    const max = refused(
      ["sample", "hermite", "--n", "100", "--stat", "max", "--samples", "2e9"],
      /would need about 15 GiB of memory \(limit 8 GiB\); use fewer --samples/,
    );
    assert.ok(!/--stat max/.test(max), max);
    refused(["sample", "jacobi", "--n", "1e9", "--stat", "max"], /memory .*use a smaller --n/);
    refused(
      ["sample", "hermite", "--n", "1000", "--samples", "30000"],
      /write about 7\d\d MiB of text.*use --format npy/,
    );
    refused(
      ["sample", "hermite", "--n", "2000", "--model", "full", "--samples", "1000"],
      /tridiagonal model/,
    );
  });

  it("gibbs: --bins is capped as for sample; long chains are refused", () => {
    const r = betaens([
      "gibbs",
      "--potential",
      "x^4/4",
      "--n",
      "100",
      "--stat",
      "histogram",
      "--bins",
      "1e8",
    ]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^betaens: error: --bins must be <= 1e6, got 100000000\n$/);
    refused(
      ["gibbs", "--potential", "x^4/4", "--n", "1e5", "--passes", "1e4", "--stat", "max"],
      /would take about .* hours \(limit 30 minutes\); use .*fewer --samples or --passes/,
    );
  });

  it("tw sample: a months-long run is refused", () => {
    refused(
      ["tw", "sample", "--beta", "3.3", "--n", "1e15", "--samples", "1e7"],
      /would take about .* (days|years) \(limit 30 minutes\)/,
    );
  });

  it("mixing: the same limit (not a day), and no 'Invalid typed array length'", () => {
    const base = ["mixing", "--potential", "x^4/4", "--beta", "2", "--n", "100"];
    refused([...base, "--control", "1e9"], /would take about .* \(limit 30 minutes\)/);
    const huge = refused([...base, "--control", "1e15"], /would need about .* of memory/);
    assert.ok(!/Invalid/.test(huge));
  });
});
