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
import { tracyWidom } from "../../src/theory/tracyWidomLaw.js";
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
  it("x far beyond the table (±1e300, 1.7e308): CDF 0 or 1 and density 0, never null", () => {
    for (const beta of ["1", "2", "4"]) {
      const x = "1e300,-1e308,1.7e308,-1e200";
      assert.deepEqual(json(["cdf", "--beta", beta, "--x", x]).cdf, [1, 0, 1, 0], beta);
      assert.deepEqual(json(["pdf", "--beta", beta, "--x", x]).pdf, [0, 0, 0, 0], beta);
    }
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

describe("tw for any β and the tail functions (issue 15)", () => {
  it("cdf, pdf, quantile for β = 3.3 come from the computed law tracyWidom(3.3)", () => {
    const law = tracyWidom(3.3);
    const out = json(["cdf", "--beta", "3.3", "--x", "-2,0"]);
    assert.deepEqual(out.cdf, [law.cdf(-2), law.cdf(0)]);
    assert.deepEqual(json(["pdf", "--beta", "3.3", "--x", "-2"]).pdf, [law.pdf(-2)]);
    const q = json(["quantile", "--beta", "3.3", "--p", "0.5"]).quantile as number[];
    assert.ok(Math.abs(law.cdf(q[0]) - 0.5) < 1e-12);
  });
  it("sf, logcdf, logsf, logpdf, isf (β = 2): the tails far beyond double-precision 1 − F", () => {
    const law = tracyWidom(2);
    assert.deepEqual(json(["logsf", "--beta", "2", "--x", "20"]).logsf, [law.logsf(20)]);
    assert.deepEqual(json(["sf", "--beta", "2", "--x", "8"]).sf, [law.sf(8)]);
    assert.deepEqual(json(["logcdf", "--beta", "2", "--x", "-15"]).logcdf, [law.logcdf(-15)]);
    assert.deepEqual(json(["logpdf", "--beta", "2", "--x", "0"]).logpdf, [law.logpdf(0)]);
    const isf = json(["isf", "--beta", "2", "--q", "1e-100"]);
    assert.deepEqual(Object.keys(isf), ["betaens", "command", "beta", "convention", "q", "isf"]);
    assert.ok(Math.abs(law.logsf((isf.isf as number[])[0]) / Math.log(1e-100) - 1) < 1e-12);
  });
  it("huge arguments give finite, monotone values (issue 11)", () => {
    for (const beta of ["1", "2", "4"]) {
      const out = json(["cdf", "--beta", beta, "--x", "-1e308,-1e200,1e200,1e300"]);
      assert.deepEqual(out.cdf, [0, 0, 1, 1]);
      const pdf = json(["pdf", "--beta", beta, "--x", "-1e308,1e300"]).pdf;
      assert.deepEqual(pdf, [0, 0]);
    }
  });
});

describe("tw errors (exit status 2, one line)", () => {
  it("bad β", () => {
    fails(["cdf", "--beta", "0.01", "--x", "0"], /--beta 0.01 is outside \[0.2, 15\]/);
    fails(["quantile", "--beta", "1000", "--p", "0.5"], /--beta 1000 is outside/);
    fails(["cdf", "--beta", "0", "--x", "0"], /--beta must be a finite number > 0/);
    fails(
      ["cdf", "--beta", "3", "--x", "0", "--convention", "tw"],
      /--convention tw is defined only/,
    );
    fails(["sample", "--beta", "0"], /--beta must be a finite number > 0/);
    fails(["sample", "--beta", "-1"], /--beta must be a finite number > 0/);
    // Issue 11: a β too small for the model gives one clear line, not an internal message.
    fails(
      ["sample", "--beta", "1e-9"],
      /^betaens: error: --beta 1e-9 is too small for the Hermite model of size --n 1000000: it needs beta > 1\/\(n \+ 1\/2\); use --n 1000000000 or more/,
    );
    fails(["isf", "--beta", "2", "--q", "1"], /--q must be in \(0, 1\)/);
    fails(["sample", "--beta", "abc"], /--beta must be a number/);
    fails(["cdf", "--x", "0"], /--beta is required/);
  });
  it("a β too small for the Hermite model at N: a hint (--n), not the library's wording", () => {
    fails(
      ["sample", "--beta", "1e-9"],
      /^(?!.*edgeScaling).*too small .* use --n 1000000000 or more/,
    );
    fails(["sample", "--beta", "1e-20"], /too small .* use a larger --beta/);
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
    fails(
      ["sample", "--beta", "2", "--samples", "1e8", "--workers", "1"],
      /would take about 83 minutes/,
    );
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
    const r = betaens(["tw", "cdf", "--beta", "0.01", "--x", "0"]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^betaens: error: --beta 0.01 is outside/);
    assert.equal(r.stderr.trim().split("\n").length, 1);
  });
});

describe("λ_max plots overlay TW_β for every β in the computed range (issue 15)", () => {
  const bin = fileURLToPath(new URL("../../src/cli/bin.ts", import.meta.url));
  const plot = (beta: string): string => {
    const svg = join(mkdtempSync(join(tmpdir(), "betaens-twoverlay-")), "max.svg");
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        bin,
        "sample",
        "hermite",
        "--n",
        "50",
        "--beta",
        beta,
        "--stat",
        "max",
      ].concat(["--samples", "40", "--seed", "3", "--plot", svg]),
      { encoding: "utf8" },
    );
    assert.equal(r.status, 0, r.stderr);
    return readFileSync(svg, "utf8");
  };
  it("β = 3.3: the computed TW_3.3 density is drawn; β = 20 (outside [0.2, 15]): no overlay", () => {
    assert.match(plot("3.3"), /Tracy–Widom TW_3\.3/);
    assert.doesNotMatch(plot("20"), /Tracy–Widom/);
  });
});
