/**
 * The worker threads never detach an ArrayBuffer: their partials are posted by copy. One detach
 * in a thread invalidates V8's ArrayBufferDetaching protector there — every compiled function is
 * deoptimised and every later typed-array access checks for detachment (measured: ≈ 18% more CPU
 * per Gibbs chain on two threads; README "Running at scale"). V8 reports each invalidation under
 * --trace-protector-invalidation, so this counts them (2 threads against 1), nothing timed.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { BIN, ROOT } from "../helpers/cli.js";

function invalidations(args: string[], workers: number): number {
  const dir = mkdtempSync(join(tmpdir(), "betaens-detach-"));
  try {
    const r = spawnSync(
      process.execPath,
      [
        "--trace-protector-invalidation",
        "--import",
        "tsx",
        BIN,
        ...args,
        "--workers",
        String(workers),
        "--output",
        join(dir, "out"),
      ],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, BETAENS_DEBUG: "" } },
    );
    assert.equal(r.status, 0, r.stderr);
    const text = `${r.stdout}\n${r.stderr}`;
    return text.split("\n").filter((line) => line.includes("ArrayBufferDetaching")).length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Invalidations on 2 threads beyond those of the 1-thread run (tsx itself detaches one buffer). */
function added(args: string[]): number {
  return invalidations(args, 2) - invalidations(args, 1);
}

describe("pooled runs keep V8's ArrayBufferDetaching protector intact", () => {
  it("gibbs on 2 threads: no invalidation in the workers", () => {
    const gibbs = ["gibbs", "--potential", "x^4/4 - 1.5*x^2", "--n", "40", "--passes", "2"];
    assert.equal(added([...gibbs, "--stat", "max", "--samples", "24", "--seed", "1"]), 0);
  });
  it("λ_max and eigenvalues on 2 threads: no invalidation in the workers", () => {
    const sample = ["sample", "hermite", "--n", "300", "--samples", "400", "--seed", "1"];
    assert.equal(added([...sample, "--stat", "max"]), 0);
    assert.equal(added([...sample, "--stat", "eigenvalues"]), 0);
  });
});
