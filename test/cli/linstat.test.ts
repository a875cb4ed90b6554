/**
 * `betaens linstat` and `betaens sample fixed-trace` from the command line: outputs (JSON with the
 * library's numbers, CSV table with header, NPY), plots, and the error paths (one line, exit 2).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runLinearStatistic } from "../../src/driver/legacy.js";
import { bidiagonalPurity, fixedTraceBidiagonal } from "../../src/ensembles/fixedTrace.js";
import { decodeNpy } from "../../src/io/npy.js";
import { createRandomSource } from "../../src/random/philox.js";
import { betaens, betaensJson } from "../helpers/cli.js";

describe("betaens linstat", () => {
  it("JSON: the library's numbers for the same seed, theory attached", () => {
    const out = betaensJson([
      "linstat",
      "hermite",
      "--f",
      "x^2",
      "--n",
      "10,20",
      "--beta",
      "1",
      "--samples",
      "50",
      "--seed",
      "7",
    ]);
    const lib = runLinearStatistic({
      source: {
        kind: "ensemble",
        spec: { ensemble: "hermite", params: { loc: 0, scale: 1 } },
        model: "tridiagonal",
      },
      f: "x^2",
      ns: [10, 20],
      beta: 1,
      samples: 50,
      seed: 7,
    });
    assert.equal(out.command, "linstat");
    assert.equal(out.scaling, "limit");
    const rows = out.rows as {
      n: number;
      values: number[];
      cumulants: number[];
      route: string;
      theory: { exact: number[] };
    }[];
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[1].values, Array.from(lib.rows[1].values));
    assert.deepEqual(rows[0].cumulants, lib.rows[0].cumulants);
    assert.equal(rows[0].route, "trace");
    assert.equal(rows[0].theory.exact.length, 4);
  });

  it("CSV table with a header; NPY of the same table; plots are SVG", () => {
    const dir = mkdtempSync(join(tmpdir(), "betaens-linstat-"));
    const csv = betaens([
      "linstat",
      "ginibre",
      "--f",
      "r^2",
      "--n",
      "10,30",
      "--samples",
      "40",
      "--seed",
      "1",
      "--format",
      "csv",
      "--plot",
      join(dir, "k.svg"),
      "--plot-histogram",
      join(dir, "h.svg"),
    ]);
    assert.equal(csv.status, 0, csv.stderr);
    const lines = csv.stdout.trim().split("\n");
    assert.equal(lines[0], "n,samples,k1,se1,k2,se2,k3,se3,k4,se4,theory1,theory2,theory3,theory4");
    assert.equal(lines.length, 3);
    assert.equal(Number(lines[2].split(",")[0]), 30);
    // Σ|z|²/N has exact mean (N + 1)/2.
    assert.ok(Math.abs(Number(lines[2].split(",")[10]) - 15.5) < 1e-10);
    for (const f of ["k.svg", "h.svg"]) assert.match(readFileSync(join(dir, f), "utf8"), /^<svg /);
    const npy = betaens([
      "linstat",
      "laguerre",
      "--m",
      "30",
      "--f",
      "x",
      "--n",
      "10",
      "--samples",
      "20",
      "--seed",
      "2",
      "--output",
      join(dir, "t.npy"),
    ]);
    assert.equal(npy.status, 0, npy.stderr);
    const table = decodeNpy(readFileSync(join(dir, "t.npy")));
    assert.deepEqual(table.shape, [1, 14]);
  });

  it("potential ensemble (Gibbs) and bad input: one line, exit status 2", () => {
    const ok = betaens([
      "linstat",
      "potential",
      "--potential",
      "x^4/4",
      "--f",
      "x^2",
      "--n",
      "8",
      "--samples",
      "10",
      "--passes",
      "2",
      "--seed",
      "1",
    ]);
    assert.equal(ok.status, 0, ok.stderr);
    const bad: string[][] = [
      ["linstat", "hermite", "--n", "10"],
      ["linstat", "hermite", "--f", "x^", "--n", "10"],
      ["linstat", "hermite", "--f", "y", "--n", "10"],
      ["linstat", "hermite", "--f", "x", "--n", "0"],
      ["linstat", "hermite", "--f", "x", "--n", "10", "--samples", "4"],
      ["linstat", "ginibre", "--f", "x", "--n", "10"],
      ["linstat", "ginibre", "--f", "r", "--n", "4000", "--model", "full"],
      ["linstat", "hermite", "--f", "x", "--n", "10", "--model", "kostlan"],
      ["linstat", "potential", "--potential", "x^3", "--f", "x", "--n", "10"],
      ["linstat", "potential", "--f", "x", "--n", "10"],
      ["linstat", "hermite", "--f", "x", "--n", "10", "--passes", "3"],
      ["linstat", "hermite", "--f", "x", "--n", "10", "--format", "json", "--output", "t.csv"],
      ["linstat", "nothing", "--f", "x", "--n", "10"],
    ];
    for (const args of bad) {
      const r = betaens(args);
      assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, /^betaens: error: [^\n]+\n$/, args.join(" "));
    }
  });
});

describe("betaens sample fixed-trace", () => {
  it("--stat purity: the library's O(N) purity for the same seed; --m is reported", () => {
    const out = betaensJson([
      "sample",
      "fixed-trace",
      "--n",
      "5",
      "--m",
      "7.5",
      "--beta",
      "1",
      "--stat",
      "purity",
      "--samples",
      "4",
      "--seed",
      "9",
    ]);
    assert.equal(out.ensemble, "fixed-trace");
    assert.deepEqual(out.params, { m: 7.5, shape: 1.75 });
    const samples = out.samples as number[];
    const expected = bidiagonalPurity(
      fixedTraceBidiagonal(createRandomSource(9, 3), 5, 1, { shape: 1.75 }),
    );
    assert.equal(samples[3], expected);
  });

  it("eigenvalues sum to 1; entropy, min, histogram and plot work; bad input exits 2", () => {
    const out = betaensJson(["sample", "fixed-trace", "--n", "4", "--samples", "2", "--seed", "1"]);
    for (const row of out.samples as number[][]) {
      assert.ok(Math.abs(row.reduce((s, x) => s + x, 0) - 1) < 1e-14);
    }
    const dir = mkdtempSync(join(tmpdir(), "betaens-ft-"));
    for (const stat of ["entropy", "min", "histogram"]) {
      const r = betaens([
        "sample",
        "fixed-trace",
        "--n",
        "6",
        "--stat",
        stat,
        "--samples",
        "30",
        "--seed",
        "2",
        "--plot",
        join(dir, `${stat}.svg`),
      ]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(readFileSync(join(dir, `${stat}.svg`), "utf8"), /^<svg /);
    }
    for (const args of [
      ["sample", "fixed-trace", "--n", "4", "--m", "3"],
      ["sample", "fixed-trace", "--n", "4", "--beta", "0"],
      ["sample", "fixed-trace", "--n", "4", "--m", "5", "--shape", "2"],
      ["sample", "fixed-trace", "--n", "4", "--scale", "2"],
      ["sample", "fixed-trace", "--n", "4", "--model", "full", "--m", "5.5"],
      ["sample", "laguerre", "--n", "4", "--stat", "entropy"],
    ]) {
      const r = betaens(args);
      assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, /^betaens: error: [^\n]+\n$/);
    }
  });
});
