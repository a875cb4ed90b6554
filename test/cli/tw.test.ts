/**
 * `betaens tw …` (src/cli/tw.ts): every subcommand and flag, the output formats, and every error
 * path. twCommand is called in-process with stdout captured; the errors are checked to be
 * UsageError/RangeError, which the dispatcher turns into one line "betaens: error: …" and exit
 * status 2 (errors.ts). Once main.ts dispatches "tw", the last suite also runs the real binary.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { errorLine, exitStatusFor } from "../../src/cli/errors.js";
import { TW_USAGE, twCommand } from "../../src/cli/tw.js";
import { tracyWidomBetaSample } from "../../src/ensembles/tracyWidomBeta.js";
import { decodeNpy } from "../../src/io/npy.js";
import { createRandomSource } from "../../src/random/philox.js";
import {
  tracyWidomCdf,
  tracyWidomPdf,
  tracyWidomQuantile,
  tracyWidomSample,
} from "../../src/theory/tracyWidom.js";
import { VERSION } from "../../src/version.js";

/** Runs twCommand and returns what it wrote to stdout. */
function run(argv: string[]): string {
  const write = process.stdout.write;
  let text = "";
  process.stdout.write = ((chunk: string | Uint8Array) => {
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stdout.write;
  try {
    twCommand(argv);
  } finally {
    process.stdout.write = write;
  }
  return text;
}

function json(argv: string[]): Record<string, unknown> {
  return JSON.parse(run(argv));
}

/** Asserts that twCommand fails with a usage-type error (exit 2) whose message matches. */
function fails(argv: string[], pattern: RegExp): void {
  let caught: unknown;
  try {
    run(argv);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught !== undefined, `expected an error for ${argv.join(" ")}`);
  assert.equal(exitStatusFor(caught), 2, String(caught));
  const line = errorLine(caught);
  assert.match(line, /^betaens: error: /);
  assert.ok(!line.includes("\n"));
  assert.match(line, pattern);
}

describe("tw cdf | pdf | quantile", () => {
  it("cdf, β = 2, negative x after a space, JSON fields per docs/conventions.md", () => {
    const out = json(["cdf", "--beta", "2", "--x", "-3,-2,0"]);
    assert.deepEqual(Object.keys(out), ["betaens", "command", "beta", "convention", "x", "cdf"]);
    assert.equal(out.betaens, VERSION);
    assert.equal(out.command, "tw");
    assert.equal(out.beta, 2);
    assert.equal(out.convention, "beta");
    assert.deepEqual(out.x, [-3, -2, 0]);
    const cdf = out.cdf as number[];
    assert.deepEqual(
      cdf,
      [-3, -2, 0].map((x) => tracyWidomCdf(x, 2)),
    );
    assert.ok(Math.abs(cdf[0] - 0.0803196) < 1e-7);
  });
  it("pdf, β = 1 and β = 4 in both conventions (--x=… form too)", () => {
    const p1 = json(["pdf", "--beta", "1", "--x=-1.5,0.25"]);
    assert.deepEqual(p1.pdf, [tracyWidomPdf(-1.5, 1), tracyWidomPdf(0.25, 1)]);
    const beta = json(["pdf", "--beta", "4", "--x", "-2"]);
    const tw = json(["pdf", "--beta", "4", "--convention", "tw", "--x", "-2"]);
    assert.equal(tw.convention, "tw");
    assert.deepEqual(beta.pdf, [tracyWidomPdf(-2, 4, "beta")]);
    assert.deepEqual(tw.pdf, [tracyWidomPdf(-2, 4, "tw")]);
    assert.notEqual((beta.pdf as number[])[0], (tw.pdf as number[])[0]);
  });
  it("quantile inverts cdf; fields p and quantile", () => {
    const out = json(["quantile", "--beta", "4", "--convention", "tw", "--p", "0.1,0.5,0.99"]);
    assert.deepEqual(Object.keys(out), [
      "betaens",
      "command",
      "beta",
      "convention",
      "p",
      "quantile",
    ]);
    const q = out.quantile as number[];
    assert.deepEqual(
      q,
      [0.1, 0.5, 0.99].map((p) => tracyWidomQuantile(p, 4, "tw")),
    );
    assert.ok(Math.abs(tracyWidomCdf(q[1], 4, "tw") - 0.5) < 1e-12);
  });
  it("csv and npy: rows x,value; written to --output", () => {
    const csv = run(["cdf", "--beta", "2", "--x", "-1,0", "--format", "csv"]);
    assert.equal(csv, `-1,${tracyWidomCdf(-1, 2)}\n0,${tracyWidomCdf(0, 2)}\n`);
    const dir = mkdtempSync(join(tmpdir(), "betaens-tw-"));
    const file = join(dir, "q.npy");
    assert.equal(run(["quantile", "--beta", "1", "--p", "0.25,0.75", "--output", file]), "");
    const { data, shape } = decodeNpy(new Uint8Array(readFileSync(file)));
    assert.deepEqual(shape, [2, 2]);
    assert.deepEqual(Array.from(data), [
      0.25,
      tracyWidomQuantile(0.25, 1),
      0.75,
      tracyWidomQuantile(0.75, 1),
    ]);
    const jsonFile = join(dir, "pdf.json");
    run(["pdf", "--beta", "2", "--x", "0", "--output", jsonFile]);
    assert.equal(JSON.parse(readFileSync(jsonFile, "utf8")).command, "tw");
  });
});

describe("tw sample", () => {
  it("β ∈ {1, 2, 4}: inversion, sample i from createRandomSource(seed, i)", () => {
    const out = json(["sample", "--beta", "4", "--samples", "5", "--seed", "17"]);
    assert.equal(out.seed, 17);
    assert.equal(out.method, "inversion");
    assert.deepEqual(
      out.samples,
      [0, 1, 2, 3, 4].map((i) => tracyWidomSample(createRandomSource(17, i), 4, "beta")),
    );
    const tw = json(["sample", "--beta", "4", "--seed", "17", "--convention", "tw"]);
    assert.deepEqual(tw.samples, [tracyWidomSample(createRandomSource(17, 0), 4, "tw")]);
  });
  it("other β: the truncated Hermite model, default and explicit --n", () => {
    const out = json(["sample", "--beta", "3.3", "--samples", "3", "--seed", "5"]);
    assert.equal(out.beta, 3.3);
    assert.equal(out.method, "hermite-truncated");
    assert.equal(out.n, 1e6);
    assert.deepEqual(
      out.samples,
      [0, 1, 2].map((i) => tracyWidomBetaSample(createRandomSource(5, i), 3.3)),
    );
    const small = json(["sample", "--beta", "0.7", "--seed", "5", "--n", "1e3"]);
    assert.deepEqual(small.samples, [tracyWidomBetaSample(createRandomSource(5, 0), 0.7, 1000)]);
  });
  it("without --seed a seed is drawn and reported; csv and npy", () => {
    const out = json(["sample", "--beta", "2", "--samples", "2"]);
    assert.ok(Number.isInteger(out.seed) && (out.seed as number) >= 0);
    const csv = run(["sample", "--beta", "1", "--samples", "3", "--seed", "2", "--format", "csv"]);
    const expected = [0, 1, 2].map((i) => tracyWidomSample(createRandomSource(2, i), 1));
    assert.equal(csv, `${expected.join("\n")}\n`);
    const file = join(mkdtempSync(join(tmpdir(), "betaens-tw-")), "s.npy");
    run(["sample", "--beta", "1", "--samples", "3", "--seed", "2", "--output", file]);
    const { data, shape } = decodeNpy(new Uint8Array(readFileSync(file)));
    assert.deepEqual(shape, [3]);
    assert.deepEqual(Array.from(data), expected);
  });
});

describe("tw errors (exit status 2, one line)", () => {
  it("bad β", () => {
    fails(["cdf", "--beta", "3", "--x", "0"], /--beta must be 1, 2 or 4 for tw cdf, got 3/);
    fails(["quantile", "--beta", "0.5", "--p", "0.5"], /--beta must be 1, 2 or 4/);
    fails(["sample", "--beta", "0"], /--beta must be > 0/);
    fails(["sample", "--beta", "-1"], /--beta must be > 0/);
    fails(["sample", "--beta", "abc"], /--beta must be a number/);
    fails(["cdf", "--x", "0"], /--beta is required/);
  });
  it("bad p, x, convention, samples, seed, n, format", () => {
    fails(["quantile", "--beta", "2", "--p", "1.5"], /--p must be in \(0, 1\)/);
    fails(["quantile", "--beta", "2", "--p", "-0.1"], /--p must be in \(0, 1\)/);
    fails(["quantile", "--beta", "2", "--p", "0"], /--p must be in \(0, 1\)/);
    fails(["quantile", "--beta", "2"], /--p is required/);
    fails(["cdf", "--beta", "2"], /--x is required/);
    fails(["pdf", "--beta", "2", "--x", "1,zz"], /--x must be a number/);
    fails(["cdf", "--beta", "2", "--x", "0", "--convention", "xx"], /--convention must be one of/);
    fails(["sample", "--beta", "2", "--samples", "0"], /--samples must be >= 1/);
    fails(["sample", "--beta", "2", "--samples", "1e8"], /--samples must be <= /);
    fails(["sample", "--beta", "2", "--seed", "-3"], /--seed must be >= 0/);
    fails(["sample", "--beta", "2", "--n", "100"], /--n applies only/);
    fails(["sample", "--beta", "2.5", "--n", "1"], /--n must be >= 2/);
    fails(["sample", "--beta", "2.5", "--convention", "tw"], /--convention tw is defined only/);
    fails(["cdf", "--beta", "2", "--x", "0", "--format", "xml"], /--format must be one of/);
  });
  it("unknown flags, flags of another subcommand, bad subcommands", () => {
    fails(["cdf", "--beta", "2", "--x", "0", "--bogus", "1"], /bogus/);
    fails(["cdf", "--beta", "2", "--x", "0", "--p", "0.5"], /--p does not apply to tw cdf/);
    fails(["quantile", "--beta", "2", "--p", "0.5", "--x", "0"], /--x does not apply/);
    fails(["sample", "--beta", "2", "--x", "0"], /--x does not apply to tw sample/);
    fails(["cdf", "--beta", "2", "--x", "0", "--seed", "1"], /--seed does not apply/);
    fails([], /missing subcommand/);
    fails(["cfd", "--beta", "2"], /unknown tw subcommand "cfd"/);
    fails(["cdf", "pdf", "--beta", "2"], /expected one subcommand/);
  });
  it("usage string names every subcommand and flag", () => {
    for (const word of [
      "cdf",
      "pdf",
      "quantile",
      "sample",
      "--convention",
      "--samples",
      "--seed",
    ]) {
      assert.ok(TW_USAGE.includes(word), word);
    }
  });
});

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WIRED = readFileSync(join(ROOT, "src/cli/main.ts"), "utf8").includes("twCommand");

describe("betaens tw through the real binary", { skip: !WIRED && "main.ts has no tw yet" }, () => {
  function betaens(args: string[]) {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", join(ROOT, "src/cli/bin.ts"), ...args],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, BETAENS_DEBUG: "" },
      },
    );
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }
  it("success: exit 0, JSON on stdout", () => {
    const r = betaens(["tw", "cdf", "--beta", "2", "--x", "0"]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).cdf, [tracyWidomCdf(0, 2)]);
  });
  it("bad usage: exit 2, one line on stderr, no stack trace", () => {
    const r = betaens(["tw", "cdf", "--beta", "3", "--x", "0"]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^betaens: error: --beta must be 1, 2 or 4/);
    assert.equal(r.stderr.trim().split("\n").length, 1);
  });
});
