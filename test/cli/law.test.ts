/**
 * `betaens law` (exact β = 2 laws) and the issue-10 additions to `betaens gibbs`: spectral moves,
 * diagnostics, per-cut counts, the exact λ_max overlay, small β, errors (one line, exit 2).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { betaens, betaensJson } from "../helpers/cli.js";

const TILTED = "x^4/4 - 1.8*x^2 + 0.25*x";

function assertUsageError(args: string[], pattern: RegExp): void {
  const r = betaens(args);
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stdout, "");
  const lines = r.stderr.trim().split("\n");
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /^betaens: error: /);
  assert.match(lines[0], pattern);
}

describe("betaens law", () => {
  it("lmax: cdf, pdf, quantile, mean and sd of the exact λ_max law", () => {
    const out = betaensJson([
      "law",
      "lmax",
      "--potential",
      "x^4/4 - 2*x^2",
      "--n",
      "200",
      "--x",
      "2.43",
      "--p",
      "0.5",
    ]);
    assert.equal(out.law, "lmax");
    assert.equal(out.beta, 2);
    assert.ok(Math.abs((out.mean as number) - 2.432548) < 1e-5);
    assert.ok(Math.abs((out.sd as number) - 0.0086336) < 1e-6);
    const cdf = (out.cdf as number[])[0];
    assert.ok(cdf > 0.3 && cdf < 0.5);
    assert.ok(((out.pdf as number[])[0] as number) > 0);
    assert.ok(Math.abs((out.quantile as number[])[0] - 2.43225) < 1e-4);
  });
  it("count: the law of the points in each cut (tilted double well, N = 160: 66.02 on the right)", () => {
    const out = betaensJson(["law", "count", "--potential", TILTED, "--n", "160"]);
    const cuts = out.cuts as {
      mean: number;
      variance: number;
      probability: number[];
      interval: unknown[];
    }[];
    assert.equal(cuts.length, 2);
    assert.ok(Math.abs(cuts[1].mean - 66.0226) < 1e-3, `${cuts[1].mean}`);
    assert.ok(Math.abs(cuts[1].variance - 0.0249) < 1e-3);
    assert.equal(cuts[0].interval[0], null);
    const total = cuts[1].probability.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(total - 1) < 1e-12);
  });
  it("density: ρ_N at --x, and CSV rows", () => {
    const out = betaensJson(["law", "density", "--potential", "x^2/2", "--n", "50", "--x", "0"]);
    // GUE density at 0 tends to 1/π.
    assert.ok(Math.abs((out.density as number[])[0] - 1 / Math.PI) < 0.01);
    const csv = betaens([
      "law",
      "density",
      "--coeffs",
      "0,0,0.5",
      "--n",
      "5",
      "--x",
      "-1,1",
      "--format",
      "csv",
    ]);
    assert.equal(csv.status, 0, csv.stderr);
    assert.equal(csv.stdout.trim().split("\n").length, 2);
  });
  it("errors: β ≠ 2, missing --n, N too large, unknown subcommand, flag of another subcommand", () => {
    assertUsageError(
      ["law", "lmax", "--potential", "x^4/4", "--n", "10", "--beta", "1"],
      /β = 2 only/,
    );
    assertUsageError(["law", "lmax", "--potential", "x^4/4"], /--n is required/);
    assertUsageError(["law", "lmax", "--potential", "x^4/4", "--n", "6000"], /limit 5000/);
    assertUsageError(
      ["law", "spacing", "--potential", "x^4/4", "--n", "10"],
      /unknown law subcommand/,
    );
    assertUsageError(
      ["law", "density", "--potential", "x^4/4", "--n", "10", "--p", "0.5"],
      /does not apply/,
    );
  });
});

describe("betaens gibbs: issue 10", () => {
  it("reports R̂/ESS and the points per cut on stderr and in the JSON; overlays the exact law", () => {
    const dir = mkdtempSync(join(tmpdir(), "betaens-law-"));
    const plot = join(dir, "lmax.svg");
    const r = betaens([
      "gibbs",
      "--potential",
      TILTED,
      "--n",
      "40",
      "--passes",
      "12",
      "--samples",
      "4",
      "--seed",
      "3",
      "--stat",
      "max",
      "--plot",
      plot,
    ]);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.spectralEvery, 1);
    assert.ok(out.diagnostics.rhat > 0 && out.diagnostics.essBulk > 0);
    assert.equal(out.diagnostics.firstPass, 7);
    assert.equal(out.cuts.length, 2);
    assert.ok(out.cuts[1].exactMeanCount > 0 && out.cuts[1].equilibriumCount === null);
    assert.match(r.stderr, /split-R̂ [0-9.]+, ESS bulk [0-9]+/);
    assert.match(r.stderr, /cut 2 \[/);
    assert.match(readFileSync(plot, "utf8"), /exact, N = 40/);
  });
  it("β = 0.001 and 0.01 (the crash of the issue) run; β below 1e−9 is refused in one line", () => {
    for (const beta of ["0.001", "0.01"]) {
      const out = betaensJson([
        "gibbs",
        "--potential",
        "x^4/4 - x^2",
        "--n",
        "200",
        "--beta",
        beta,
        "--passes",
        "20",
        "--seed",
        "42",
        "--stat",
        "max",
      ]);
      assert.ok(Number.isFinite((out.samples as number[])[0]));
      assert.equal(out.spectralEvery, 0);
    }
    assertUsageError(
      ["gibbs", "--potential", "x^4/4", "--n", "10", "--beta", "1e-10"],
      /limit 1e-9/,
    );
    assertUsageError(
      ["gibbs", "--potential", "x^4/4", "--n", "10", "--beta", "0.05", "--spectral", "1"],
      /beta >= 0.1/,
    );
  });
});
