/**
 * The `betaens sample` command line: every flag, every output format (NPY round-tripped through
 * our reader, and through numpy.load — required in CI), atomic --output, --plot, and every error path
 * (one line "betaens: error: …", exit status 2, no stack trace).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { hermiteEigenvalues, hermiteTridiagonal } from "../../src/ensembles/hermite.js";
import { decodeNpy } from "../../src/io/npy.js";
import { createRandomSource } from "../../src/random/philox.js";
import { edgeScaling } from "../../src/theory/edgeScaling.js";
import { tracyWidomSample } from "../../src/theory/tracyWidom.js";
import { largestEigenvalue } from "../../src/tridiagonal/bisection.js";
import { betaens, betaensJson } from "../helpers/cli.js";

const json = betaensJson;

describe("betaens sample: outputs", () => {
  it("JSON eigenvalues match the library for the same seed; fields per docs/conventions.md", () => {
    const out = json([
      "sample",
      "hermite",
      "--n",
      "20",
      "--beta",
      "2.5",
      "--samples",
      "3",
      "--seed",
      "42",
    ]);
    assert.equal(out.command, "sample");
    assert.equal(out.ensemble, "hermite");
    assert.equal(out.model, "tridiagonal");
    assert.equal(out.n, 20);
    assert.equal(out.beta, 2.5);
    assert.equal(out.seed, 42);
    assert.equal(out.stat, "eigenvalues");
    assert.deepEqual(out.params, { loc: 0, scale: 1 });
    const samples = out.samples as number[][];
    assert.equal(samples.length, 3);
    assert.deepEqual(
      samples[1],
      Array.from(hermiteEigenvalues(createRandomSource(42, 1), 20, 2.5)),
    );
    for (const row of samples) for (let i = 1; i < row.length; i++) assert.ok(row[i] >= row[i - 1]);
  });

  it("the i-th sample does not depend on --samples", () => {
    const a = json(["sample", "laguerre", "--n", "7", "--m", "9", "--samples", "2", "--seed", "5"]);
    const b = json(["sample", "laguerre", "--n", "7", "--m", "9", "--samples", "5", "--seed", "5"]);
    assert.deepEqual((a.samples as number[][])[1], (b.samples as number[][])[1]);
    assert.deepEqual(b.params, { m: 9, shape: 3, scale: 2 });
  });

  it("--stat max gives λ_max per sample, equal to the largest eigenvalue", () => {
    const m = json([
      "sample",
      "hermite",
      "--n",
      "50",
      "--samples",
      "4",
      "--seed",
      "3",
      "--stat",
      "max",
      "--loc",
      "1",
      "--scale",
      "2",
    ]);
    const e = json([
      "sample",
      "hermite",
      "--n",
      "50",
      "--samples",
      "4",
      "--seed",
      "3",
      "--loc",
      "1",
      "--scale",
      "2",
    ]);
    const maxima = m.samples as number[];
    const rows = e.samples as number[][];
    maxima.forEach((x, i) => {
      assert.ok(Math.abs(x - rows[i][49]) <= 1e-12 * Math.abs(rows[i][49]) + 1e-12);
    });
    const t = hermiteTridiagonal(createRandomSource(3, 0), 50, 2, { loc: 1, scale: 2 });
    assert.equal(maxima[0], largestEigenvalue(t.diagonal, t.offDiagonalSquared));
  });

  it("--stat histogram counts every point once, with below/above", () => {
    const h = json([
      "sample",
      "jacobi",
      "--n",
      "40",
      "--a",
      "2",
      "--b",
      "3",
      "--samples",
      "5",
      "--seed",
      "1",
      "--stat",
      "histogram",
      "--bins",
      "8",
      "--range",
      "0.1,0.9",
    ]);
    const counts = h.counts as number[];
    const edges = h.edges as number[];
    assert.equal(counts.length, 8);
    assert.equal(edges.length, 9);
    assert.equal(edges[0], 0.1);
    assert.equal(edges[8], 0.9);
    const total = counts.reduce((s, c) => s + c, 0) + (h.below as number) + (h.above as number);
    assert.equal(total, 200);
    const e = json([
      "sample",
      "jacobi",
      "--n",
      "40",
      "--a",
      "2",
      "--b",
      "3",
      "--samples",
      "5",
      "--seed",
      "1",
    ]);
    const pooled = (e.samples as number[][]).flat();
    for (let i = 0; i < 8; i++) {
      const inBin = pooled.filter((x) => x >= edges[i] && x < edges[i + 1]).length;
      assert.equal(counts[i], inBin, `bin ${i}`);
    }
    assert.equal(h.below, pooled.filter((x) => x < 0.1).length);
  });

  it("default histogram range covers the limit law", () => {
    const h = json(["sample", "hermite", "--n", "500", "--seed", "2", "--stat", "histogram"]);
    assert.equal((h.counts as number[]).length, 100);
    assert.equal(h.below, 0);
    assert.equal(h.above, 0);
  });

  it("CSV: one sample per line", () => {
    const r = betaens([
      "sample",
      "hermite",
      "--n",
      "4",
      "--samples",
      "3",
      "--seed",
      "9",
      "--format",
      "csv",
    ]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split("\n");
    assert.equal(lines.length, 3);
    const j = json(["sample", "hermite", "--n", "4", "--samples", "3", "--seed", "9"]);
    assert.deepEqual(lines[2].split(",").map(Number), (j.samples as number[][])[2]);
  });

  it("NPY to --output: shape (S, N), readable back bit for bit; atomic write leaves no temp file", (t) => {
    const dir = mkdtempSync(join(tmpdir(), "betaens-"));
    const file = join(dir, "x.npy");
    const r = betaens([
      "sample",
      "jacobi",
      "--n",
      "6",
      "--m1",
      "8",
      "--m2",
      "9",
      "--samples",
      "4",
      "--seed",
      "8",
      "--output",
      file,
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, "");
    const { data, shape } = decodeNpy(new Uint8Array(readFileSync(file)));
    assert.deepEqual(shape, [4, 6]);
    const j = json([
      "sample",
      "jacobi",
      "--n",
      "6",
      "--m1",
      "8",
      "--m2",
      "9",
      "--samples",
      "4",
      "--seed",
      "8",
    ]);
    assert.deepEqual(Array.from(data), (j.samples as number[][]).flat());
    assert.deepEqual(readdirSync(dir), ["x.npy"]);
    // numpy.load must read it. Python is found as the README says: $PYTHON, else python3 on the
    // PATH; without numpy the check is skipped with a note, except under CI (.ci/run installs it).
    const python = process.env.PYTHON || "python3";
    const py = spawnSync(
      python,
      [
        "-c",
        `import numpy as np; a = np.load(${JSON.stringify(file)}); print(a.shape, a.dtype, repr(float(a[3, 5])))`,
      ],
      { encoding: "utf8" },
    );
    if (py.status !== 0 && !process.env.CI) {
      t.diagnostic(`numpy.load not checked: ${python} with numpy not found (set PYTHON)`);
      return;
    }
    assert.equal(py.status, 0, `numpy.load failed (${python}): ${py.stderr ?? py.error}`);
    assert.equal(py.stdout.trim(), `(4, 6) float64 ${(j.samples as number[][])[3][5]}`);
  });

  it("NPY for --stat max has shape (S,)", () => {
    const dir = mkdtempSync(join(tmpdir(), "betaens-"));
    const file = join(dir, "m.npy");
    const r = betaens([
      "sample",
      "hermite",
      "--n",
      "9",
      "--samples",
      "5",
      "--seed",
      "8",
      "--stat",
      "max",
      "--output",
      file,
    ]);
    assert.equal(r.status, 0, r.stderr);
    const { shape } = decodeNpy(new Uint8Array(readFileSync(file)));
    assert.deepEqual(shape, [5]);
  });

  it("--plot writes an SVG with the limit density and parameters in the title", () => {
    const dir = mkdtempSync(join(tmpdir(), "betaens-"));
    for (const args of [
      ["hermite", "--beta", "2.5", "--n", "300"],
      ["laguerre", "--m", "600", "--n", "300"],
      ["jacobi", "--m1", "400", "--m2", "500", "--n", "300"],
      ["hermite", "--beta", "0", "--n", "300"],
      ["hermite", "--n", "300", "--stat", "histogram"],
      ["hermite", "--n", "300", "--stat", "max", "--samples", "50"],
    ]) {
      const svg = join(dir, `${args.join("_")}.svg`);
      const r = betaens(["sample", ...args, "--seed", "1", "--plot", svg]);
      assert.equal(r.status, 0, r.stderr);
      const text = readFileSync(svg, "utf8");
      assert.match(text, /^<svg|^<\?xml/);
      assert.match(text, /<\/svg>\s*$/);
      assert.ok(!/NaN|Infinity/.test(text), "no NaN in the SVG");
      assert.match(text, /N = 300|N=300/);
    }
  });

  it("--stat max of hermite/laguerre at N = 1e12 uses the truncated model (O(N^(1/3)) rows)", () => {
    const out = json([
      "sample",
      "hermite",
      "--n",
      "1e12",
      "--beta",
      "2",
      "--stat",
      "max",
      "--samples",
      "3",
      "--seed",
      "4",
      "--scaling",
      "edge",
    ]);
    assert.equal(out.n, 1e12);
    for (const x of out.samples as number[])
      assert.ok(Number.isFinite(x) && Math.abs(x) < 8, `${x}`);
    const l = json([
      "sample",
      "laguerre",
      "--n",
      "1e9",
      "--m",
      "2e9",
      "--stat",
      "max",
      "--samples",
      "2",
      "--seed",
      "4",
    ]);
    for (const x of l.samples as number[]) assert.ok(x > 1e10 && x < 1.3e10, `${x}`);
  });

  it("--model limit: λ_max at N = 1e12 from the Tracy–Widom limit, rescaled without cancellation", () => {
    const args = ["sample", "hermite", "--n", "1e12", "--stat", "max", "--model", "limit"];
    const raw = json([...args, "--samples", "4", "--seed", "9", "--loc", "1", "--scale", "3"]);
    const edge = json([
      ...args,
      "--samples",
      "4",
      "--seed",
      "9",
      "--loc",
      "1",
      "--scale",
      "3",
      "--scaling",
      "edge",
    ]);
    assert.equal(raw.model, "limit");
    const { center, scale } = edge.scaling as { center: number; scale: number };
    (raw.samples as number[]).forEach((x, s) => {
      // β = 2 draws from the corrected law F₂ + N^(−2/3)E (softEdgeLaw), ≈ 1e−9 from F₂⁻¹(U) here.
      const tw = tracyWidomSample(createRandomSource(9, s), 2);
      const rescaled = (edge.samples as number[])[s];
      assert.ok(Math.abs(rescaled - tw) < 1e-6);
      assert.equal(x, center + scale * rescaled);
    });
    const wishart = json([
      "sample",
      "laguerre",
      "--n",
      "1e12",
      "--m",
      "3e12",
      "--stat",
      "max",
      "--model",
      "limit",
      "--samples",
      "3",
      "--seed",
      "9",
    ]);
    const w = edgeScaling("laguerre", 1e12, 2, { m: 3e12 });
    (wishart.samples as number[]).forEach((x, s) => {
      // Laguerre β = 2 draws from the corrected LUE law F₂ + hE (softEdgeLaw), h ≈ 1e−8 here.
      const tw = tracyWidomSample(createRandomSource(9, s), 2);
      assert.ok(Math.abs((x - w.center) / w.scale - tw) < 1e-6, `${x}`);
    });
    const svg = join(mkdtempSync(join(tmpdir(), "betaens-limit-")), "limit.svg");
    const r = betaens([...args, "--samples", "200", "--seed", "9", "--beta", "4", "--plot", svg]);
    assert.equal(r.status, 0, r.stderr);
    const text = readFileSync(svg, "utf8");
    assert.match(text, /Tracy–Widom limit model/);
    assert.match(text, /TW_4/);
  });

  it("--seed omitted: a seed is drawn and reported", () => {
    const out = json(["sample", "hermite", "--n", "3"]);
    assert.ok(Number.isInteger(out.seed));
  });

  it("--n accepts 1e3-style numbers; help and version work", () => {
    const out = json(["sample", "hermite", "--n", "1e3", "--stat", "max", "--seed", "1"]);
    assert.equal(out.n, 1000);
    assert.equal(betaens(["--version"]).status, 0);
    assert.match(betaens(["help"]).stdout, /usage: betaens/);
    assert.match(betaens(["sample", "--help"]).stdout, /usage: betaens sample/);
  });
});

describe("betaens sample: errors are one line, exit status 2, no stack trace", () => {
  const cases: [string, string[], RegExp][] = [
    ["negative beta", ["hermite", "--n", "5", "--beta", "-1"], /beta/],
    ["NaN beta", ["hermite", "--n", "5", "--beta", "NaN"], /beta/],
    ["N = 0", ["hermite", "--n", "0"], /--n/],
    ["N not an integer", ["hermite", "--n", "2.5"], /--n/],
    ["N missing", ["hermite"], /--n is required/],
    ["N junk", ["hermite", "--n", "ten"], /--n/],
    ["unknown ensemble", ["wigner", "--n", "5"], /unknown ensemble/],
    ["no ensemble", ["--n", "5"], /missing ensemble/],
    ["unknown flag", ["hermite", "--n", "5", "--frobnicate", "1"], /frobnicate/],
    ["flag for another ensemble", ["hermite", "--n", "5", "--shape", "2"], /does not apply/],
    ["scale ≤ 0", ["hermite", "--n", "5", "--scale", "0"], /scale/],
    ["shape ≤ 0", ["laguerre", "--n", "5", "--shape", "-2"], /shape/],
    ["M < N", ["laguerre", "--n", "5", "--m", "4"], /m must be/],
    ["m and shape together", ["laguerre", "--n", "5", "--m", "6", "--shape", "1"], /not both/],
    ["a ≤ 0", ["jacobi", "--n", "5", "--a", "0", "--b", "1"], /a must be/],
    ["m1 without m2", ["jacobi", "--n", "5", "--m1", "6"], /--m2/],
    ["M2 < N", ["jacobi", "--n", "5", "--m1", "6", "--m2", "3"], /m2 must be/],
    ["bad stat", ["hermite", "--n", "5", "--stat", "median"], /--stat/],
    ["bad model", ["hermite", "--n", "5", "--model", "dense"], /--model/],
    ["bad format", ["hermite", "--n", "5", "--format", "xml"], /--format/],
    ["bad range", ["hermite", "--n", "5", "--stat", "histogram", "--range", "1,0"], /--range/],
    ["bins without histogram", ["hermite", "--n", "5", "--bins", "10"], /histogram/],
    ["negative seed", ["hermite", "--n", "5", "--seed", "-1"], /--seed/],
    ["absurd eigenvalue job", ["hermite", "--n", "1e6"], /would take about 2.8 hours/],
    ["absurd memory", ["jacobi", "--n", "1e9", "--stat", "max"], /too large|memory/],
    ["absurd N even truncated", ["hermite", "--n", "1e17", "--stat", "max"], /too large|--n/],
    [
      "exact λ_max needs more than 1e8 rows (β = 0.001, issue 19)",
      ["hermite", "--n", "2e15", "--beta", "0.001", "--stat", "max"],
      /needs the top 1\.63e\+8 rows/,
    ],
    ["plot not svg", ["hermite", "--n", "5", "--plot", "x.png"], /svg/],
    [
      "limit model at small N",
      ["hermite", "--n", "200", "--stat", "max", "--model", "limit"],
      /exact tridiagonal/,
    ],
    [
      "limit model at β = 3",
      ["hermite", "--n", "1e12", "--beta", "3", "--stat", "max", "--model", "limit"],
      /beta in/,
    ],
    ["limit model for eigenvalues", ["hermite", "--n", "1e12", "--model", "limit"], /--stat max/],
    [
      "limit model for jacobi",
      ["jacobi", "--n", "1e12", "--stat", "max", "--model", "limit"],
      /not available/,
    ],
    [
      "laguerre limit model at small N",
      ["laguerre", "--n", "1000", "--beta", "1", "--stat", "max", "--model", "limit"],
      /n >= 1.39e\+3/,
    ],
    [
      "laguerre β = 2 (corrected) limit model at small N",
      ["laguerre", "--n", "1000", "--beta", "2", "--stat", "max", "--model", "limit"],
      /n >= 1.70e\+3/,
    ],
  ];
  for (const [label, args, pattern] of cases) {
    it(label, () => {
      const r = betaens(["sample", ...args]);
      assert.equal(r.status, 2, `${label}: status ${r.status}, stderr ${r.stderr}`);
      assert.equal(r.stdout, "");
      const lines = r.stderr.trim().split("\n");
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], /^betaens: error: /);
      assert.match(lines[0], pattern);
      assert.ok(!/\bat .*\.(ts|js):\d+/.test(r.stderr), "no stack trace");
    });
  }

  it("unknown command", () => {
    const r = betaens(["frobnicate"]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^betaens: error: unknown command/);
  });

  it("a failing --output leaves no file behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "betaens-"));
    const file = join(dir, "missing-dir", "x.json");
    const r = betaens(["sample", "hermite", "--n", "5", "--output", file]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^betaens: error: cannot write .*x.json: no such folder/);
    assert.ok(!existsSync(file));
  });
});
