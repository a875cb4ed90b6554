/**
 * The `betaens gibbs` command line: output fields per docs/conventions.md, reproducibility per chain,
 * agreement with the library, edge scaling, plots and error paths (one line, exit status 2).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { gibbsRun } from "../../src/driver/legacy.js";
import { parsePotential } from "../../src/potentials/parse.js";
import { detPow } from "../../src/special/deterministicMath.js";
import { edgeConstants, edgeScale, equilibriumMeasure } from "../../src/theory/equilibrium.js";
import { betaens, betaensJson } from "../helpers/cli.js";

const json = betaensJson;

describe("betaens gibbs", () => {
  it("eigenvalues: fields per docs/conventions.md, equal to the library for the same seed", () => {
    const out = json([
      "gibbs",
      "--potential",
      "x^4/4 - 1.25*x^2",
      "--n",
      "12",
      "--beta",
      "1.5",
      "--passes",
      "3",
      "--samples",
      "2",
      "--seed",
      "7",
    ]);
    assert.equal(out.command, "gibbs");
    assert.deepEqual(out.potential, [0, 0, -1.25, 0, 0.25]);
    assert.equal(out.passes, 3);
    assert.equal(out.n, 12);
    assert.equal(out.beta, 1.5);
    assert.equal(out.seed, 7);
    const lib = gibbsRun({
      coeffs: Float64Array.from([0, 0, -1.25, 0, 0.25]),
      n: 12,
      beta: 1.5,
      passes: 3,
      samples: 2,
      seed: 7,
      stat: "eigenvalues",
    });
    assert.deepEqual(
      out.samples,
      (lib.samples as Float64Array[]).map((r) => Array.from(r)),
    );
  });

  it("--coeffs is the same potential as --potential; chain s does not depend on --samples", () => {
    const a = json([
      "gibbs",
      "--coeffs",
      "0,0,0.5",
      "--n",
      "8",
      "--passes",
      "2",
      "--samples",
      "3",
      "--seed",
      "4",
      "--stat",
      "max",
    ]);
    const b = json([
      "gibbs",
      "--potential",
      "x^2/2",
      "--n",
      "8",
      "--passes",
      "2",
      "--samples",
      "1",
      "--seed",
      "4",
      "--stat",
      "max",
    ]);
    assert.equal((a.samples as number[])[0], (b.samples as number[])[0]);
  });

  it("--stat trace gives one row of P λ_max per chain; --scaling edge rescales by b_V, c_V", () => {
    // N = 77: one of the N where n ** (2 / 3) and detPow(n, 2 / 3) differ by an ulp (CHANGELOG).
    assert.notEqual(77 ** (2 / 3), detPow(77, 2 / 3));
    const t = json([
      "gibbs",
      "--potential",
      "x^4/4",
      "--n",
      "77",
      "--passes",
      "4",
      "--samples",
      "2",
      "--seed",
      "1",
      "--stat",
      "trace",
    ]);
    const rows = t.samples as number[][];
    assert.equal(rows.length, 2);
    assert.equal(rows[0].length, 4);
    const e = json([
      "gibbs",
      "--potential",
      "x^4/4",
      "--n",
      "77",
      "--passes",
      "4",
      "--samples",
      "2",
      "--seed",
      "1",
      "--stat",
      "trace",
      "--scaling",
      "edge",
    ]);
    const scaling = e.scaling as { bV: number; cV: number };
    assert.ok(Math.abs(scaling.cV - 2.089137) < 1e-6);
    assert.ok(Math.abs(scaling.bV - 1.519671) < 1e-6);
    // c_V exactly the library's edge constant; every ξ = edgeScale(N, c_V)·(λ_max − b_V), bit for bit.
    const constants = edgeConstants(equilibriumMeasure(parsePotential("x^4/4")));
    assert.equal(scaling.cV, constants.rightScale);
    assert.equal(scaling.bV, constants.right);
    const scaled = e.samples as number[][];
    const scale = edgeScale(77, scaling.cV);
    assert.deepEqual(
      scaled,
      rows.map((row) => row.map((x) => scale * (x - scaling.bV))),
    );
  });

  it("--record P1,P2 gives the eigenvalues after those passes; the last equals the final sample", () => {
    const out = json([
      "gibbs",
      "--potential",
      "x^4/4",
      "--n",
      "6",
      "--passes",
      "4",
      "--record",
      "1,4",
      "--samples",
      "2",
      "--seed",
      "5",
    ]);
    assert.deepEqual(out.recordedPasses, [1, 4]);
    const recorded = out.recorded as number[][][];
    assert.equal(recorded.length, 2);
    assert.deepEqual(recorded[1][1], (out.samples as number[][])[1]);
    assert.notDeepEqual(recorded[1][0], recorded[1][1]);
    const bad = betaens([
      "gibbs",
      "--potential",
      "x^4/4",
      "--n",
      "6",
      "--passes",
      "4",
      "--record",
      "5",
    ]);
    assert.equal(bad.status, 2);
  });

  it("--stat histogram counts N·S points; --plot writes SVGs", () => {
    const dir = mkdtempSync(join(tmpdir(), "betaens-gibbs-"));
    const h = json([
      "gibbs",
      "--potential",
      "x^2/2",
      "--n",
      "40",
      "--samples",
      "3",
      "--seed",
      "2",
      "--stat",
      "histogram",
      "--bins",
      "10",
      "--plot",
      join(dir, "h.svg"),
    ]);
    const total =
      (h.counts as number[]).reduce((s, c) => s + c, 0) + (h.below as number) + (h.above as number);
    assert.equal(total, 120);
    for (const stat of ["eigenvalues", "trace", "max"]) {
      const file = join(dir, `${stat}.svg`);
      const r = betaens([
        "gibbs",
        "--potential",
        "x^4/4",
        "--n",
        "40",
        "--passes",
        "3",
        "--samples",
        "4",
        "--seed",
        "2",
        "--stat",
        stat,
        "--plot",
        file,
      ]);
      assert.equal(r.status, 0, r.stderr);
      const svg = readFileSync(file, "utf8");
      assert.match(svg, /<\/svg>\s*$/);
      assert.ok(!/NaN|Infinity/.test(svg));
    }
  });

  const errors: [string, string[], RegExp][] = [
    ["odd degree", ["--potential", "x^3", "--n", "5"], /even degree/],
    ["negative leading coefficient", ["--potential=-x^4", "--n", "5"], /leading/],
    ["dash value without =", ["--potential", "-x^4", "--n", "5"], /leading/],
    ["unreadable term", ["--potential", "x^4 + y", "--n", "5"], /cannot read/],
    [
      "both potential and coeffs",
      ["--potential", "x^2", "--coeffs", "0,0,1", "--n", "5"],
      /exactly one/,
    ],
    ["neither", ["--n", "5"], /exactly one/],
    ["beta 0", ["--potential", "x^2", "--n", "5", "--beta", "0"], /beta/],
    ["passes 0", ["--potential", "x^2", "--n", "5", "--passes", "0"], /passes/],
    ["bad stat", ["--potential", "x^2", "--n", "5", "--stat", "mean"], /--stat/],
    ["unknown flag", ["--potential", "x^2", "--n", "5", "--loc", "1"], /loc/],
    [
      "scaling with eigenvalues",
      ["--potential", "x^2", "--n", "5", "--scaling", "edge"],
      /scaling/,
    ],
  ];
  for (const [label, args, pattern] of errors) {
    it(`error: ${label}`, () => {
      const r = betaens(["gibbs", ...args]);
      assert.equal(r.status, 2, r.stderr);
      const lines = r.stderr.trim().split("\n");
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], /^betaens: error: /);
      assert.match(lines[0], pattern);
    });
  }
});
