/**
 * `betaens spacing|gap|hardedge …` (src/cli/localLaws.ts) and `betaens sample --stat
 * spacings|window` (src/cli/sample.ts): outputs against the library, formats, and the error paths
 * (one line "betaens: error: …", exit status 2), through the real binary.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { createRandomSource } from "../../src/random/philox.js";
import { ksPValue, ksStatistic } from "../../src/statistics/ks.js";
import {
  hardEdgeLaw,
  sineCountingLaw,
  sineGapRatioLaw,
  sineSpacingLaw,
} from "../../src/theory/localStatistics.js";
import { betaens, betaensJson } from "../helpers/cli.js";

describe("betaens spacing | gap | hardedge", () => {
  it("evaluate the laws of the library (json and csv)", () => {
    const pdf = betaensJson(["spacing", "pdf", "--beta", "2", "--x", "0.5,1"]);
    assert.deepEqual(pdf.pdf, [sineSpacingLaw(2).pdf(0.5), sineSpacingLaw(2).pdf(1)]);
    assert.equal(pdf.kind, "consecutive");
    const q = betaensJson(["gap", "quantile", "--beta", "1", "--kind", "folded", "--p", "0.5"]);
    assert.deepEqual(q.quantile, [sineGapRatioLaw(1, true).quantile(0.5)]);
    assert.match(String(q.law), /simulated/);
    const he = betaensJson(["hardedge", "sf", "--beta", "2", "--a", "0", "--x", "4"]);
    assert.deepEqual(he.sf, [hardEdgeLaw(2, 0).sf(4)]);
    const csv = betaens(["spacing", "cdf", "--beta", "4", "--x", "1", "--format", "csv"]);
    assert.equal(csv.status, 0);
    assert.equal(csv.stdout.trim(), `1,${sineSpacingLaw(4).cdf(1)}`);
    const probabilities = betaensJson([
      "gap",
      "probability",
      "--beta",
      "2",
      "--s",
      "1",
      "--k",
      "2",
    ]);
    const law = sineCountingLaw(2, 1);
    assert.deepEqual(probabilities.probabilities, [[law.pmf(0), law.pmf(1), law.pmf(2)]]);
  });

  it("sample by inversion: sample i of seed K is the quantile of the first uniform of stream (K, i)", () => {
    const out = betaensJson(["spacing", "sample", "--beta", "2", "--samples", "3", "--seed", "9"]);
    const law = sineSpacingLaw(2);
    const expected = [0, 1, 2].map((i) => law.quantile(createRandomSource(9, i).uniform()));
    assert.deepEqual(out.samples, expected);
  });

  it("refuse bad input with one line and exit status 2", () => {
    for (const args of [
      ["spacing", "pdf", "--beta", "7", "--x", "1"],
      ["spacing", "pdf", "--x", "1"],
      ["spacing", "quantile", "--beta", "2", "--p", "1"],
      ["spacing", "mode", "--beta", "2"],
      ["gap", "pdf", "--beta", "2", "--a", "1", "--x", "1"],
      ["gap", "probability", "--beta", "3", "--s", "1"],
      ["hardedge", "cdf", "--beta", "4", "--a", "0", "--x", "1"],
      ["hardedge", "cdf", "--beta", "2", "--x", "1"],
      ["hardedge", "sample", "--beta", "2", "--a", "0", "--samples", "1e9"],
    ]) {
      const r = betaens(args);
      assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, /^betaens: error: [^\n]+\n$/);
    }
  });
});

describe("betaens sample --stat spacings | window", () => {
  it("write unfolded spacings (json) and refuse ragged NPY", () => {
    const out = betaensJson([
      "sample",
      "circular",
      "--n",
      "50",
      "--stat",
      "spacings",
      "--seed",
      "1",
    ]);
    const row = (out.samples as number[][])[0];
    assert.equal(row.length, 50);
    assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 50) < 1e-9);
    const bulk = betaensJson([
      "sample",
      "hermite",
      "--n",
      "400",
      "--stat",
      "spacings",
      "--bulk",
      "0.25,0.75",
      "--seed",
      "2",
    ]);
    assert.deepEqual(bulk.bulk, [0.25, 0.75]);
    const npy = betaens([
      "sample",
      "hermite",
      "--n",
      "100",
      "--stat",
      "spacings",
      "--bulk",
      "0.2,0.8",
      "--format",
      "npy",
    ]);
    assert.equal(npy.status, 2);
    for (const args of [
      ["sample", "ginibre", "--n", "10", "--stat", "spacings"],
      ["sample", "hermite", "--n", "10", "--bulk", "0.2,0.8"],
      ["sample", "hermite", "--n", "10", "--stat", "spacings", "--bulk", "0.8,0.2"],
      ["sample", "hermite", "--n", "100", "--stat", "window"],
      ["sample", "circular", "--n", "100", "--stat", "window", "--count", "5"],
      ["sample", "hermite", "--n", "100", "--stat", "window", "--count", "500"],
      ["sample", "hermite", "--n", "100", "--energy", "0"],
    ]) {
      const r = betaens(args);
      assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, /^betaens: error: /);
    }
  });

  it("give the window's eigenvalues, unfolded spacings and ratios, and plot them", () => {
    const dir = mkdtempSync(join(tmpdir(), "betaens-window-"));
    const plot = join(dir, "w.svg");
    const out = betaensJson([
      "sample",
      "laguerre",
      "--n",
      "20000",
      "--beta",
      "1",
      "--stat",
      "window",
      "--count",
      "40",
      "--samples",
      "2",
      "--seed",
      "3",
      "--plot",
      plot,
    ]);
    const rows = out.samples as number[][];
    assert.equal(rows.length, 2);
    assert.equal(rows[0].length, 40);
    assert.equal((out.spacings as number[][])[0].length, 39);
    assert.equal((out.ratios as number[][])[0].length, 38);
    assert.equal((out.firstIndex as number[]).length, 2);
    assert.match(readFileSync(plot, "utf8"), /<svg/);
  });
});

describe("betaens gibbs --stat spacings", () => {
  it("unfolds the chains' final eigenvalues by the equilibrium measure of V (KS against p₂)", () => {
    const out = betaensJson([
      "gibbs",
      "--potential",
      "x^4/4",
      "--n",
      "400",
      "--passes",
      "8",
      "--samples",
      "25",
      "--seed",
      "4",
      "--stat",
      "spacings",
      "--bulk",
      "0.2,0.8",
    ]);
    const all = (out.samples as number[][]).flat();
    const law = sineSpacingLaw(2);
    assert.ok(
      ksPValue(
        ksStatistic(all, (s) => law.cdf(s)),
        all.length,
      ) > 1e-6,
    );
    // ≈ 6000 spacings: power against a 5% unfolding error (measured p = 6e−14; 1%: p = 0.12, not
    // detectable at this size — the 1% checks are the tridiagonal ones in test/ensembles).
    assert.ok(
      ksPValue(
        ksStatistic(
          all.map((v) => 1.05 * v),
          (s) => law.cdf(s),
        ),
        all.length,
      ) < 1e-6,
    );
    const mean = all.reduce((a, b) => a + b, 0) / all.length;
    assert.ok(Math.abs(mean - 1) < 0.02, `mean ${mean}`);
    const r = betaens(["gibbs", "--potential", "x^4/4", "--n", "10", "--bulk", "0.2,0.8"]);
    assert.equal(r.status, 2);
  });
});
