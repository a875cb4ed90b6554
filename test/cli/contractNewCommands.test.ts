/**
 * The output and refusal contract (docs/conventions.md §3, §5, §6) for the commands and options
 * that came after it was written: `betaens law`, `betaens linstat`, `betaens sample fixed-trace`
 * and the Gibbs sampler's --spectral. Paths checked before any work, devices and FIFOs written in
 * place, a closed pipe ends the run quietly, the drawn seed reported, --first-sample shards,
 * usage errors in one line with exit 2, and the shared refusal policy with the command's own advice.
 */
import assert from "node:assert/strict";
import { lstatSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { decodeNpy } from "../../src/io/npy.js";
import { betaens, betaensJson, throughClosedPipe, usageError } from "../helpers/cli.js";
import { characterDevice, throughFifo } from "../helpers/fifo.js";

const temporaryFolder = () => mkdtempSync(join(tmpdir(), "betaens-new-"));

const LAW = ["law", "density", "--potential", "x^4/4 - x^2", "--n", "20", "--x", "0,0.5"];
const LINSTAT = ["linstat", "hermite", "--f", "x^2", "--n", "8", "--samples", "20", "--seed", "3"];
const FIXED = ["sample", "fixed-trace", "--n", "6", "--stat", "purity", "--samples", "5"];
const GIBBS = ["gibbs", "--potential", "x^4/4", "--n", "30", "--spectral", "1", "--seed", "2"];

/** A refusal in the shared shape (exit 2, one line). */
function refused(args: string[], pattern: RegExp): string {
  const line = usageError(args, pattern);
  assert.match(line, /^betaens: error: this run would (need|take|write) about /);
  return line;
}

describe("law, linstat, sample fixed-trace, gibbs --spectral: output paths before any work", () => {
  for (const args of [LAW, LINSTAT, FIXED, GIBBS]) {
    it(`betaens ${args.slice(0, 2).join(" ")}: missing folder, a folder, --plot not .svg`, () => {
      const dir = temporaryFolder();
      usageError(
        [...args, "--output", join(dir, "nope", "x.json")],
        /cannot write .*x\.json: no such folder/,
      );
      usageError([...args, "--output", dir], /it is a folder/);
      usageError([...args, "--plot", join(dir, "x.png")], /--plot must name an \.svg file/);
      assert.deepEqual(readdirSync(dir), [], "nothing written, no temporary file left");
    });
  }

  it("linstat: --plot and --plot-histogram naming the same file; a bad figure leaves no data", () => {
    const dir = temporaryFolder();
    const svg = join(dir, "a.svg");
    usageError([...LINSTAT, "--plot", svg, "--plot-histogram", svg], /name the same file/);
    usageError(
      [...LINSTAT, "--output", join(dir, "x.json"), "--plot-histogram", join(dir, "no", "h.svg")],
      /no such folder/,
    );
    assert.deepEqual(readdirSync(dir), []);
    const ok = betaens([
      ...LINSTAT,
      "--output",
      join(dir, "x.json"),
      "--plot",
      svg,
      "--plot-histogram",
      join(dir, "h.svg"),
    ]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.deepEqual(readdirSync(dir).sort(), ["a.svg", "h.svg", "x.json"]);
  });
});

describe("law, linstat, fixed-trace: devices and FIFOs are written in place", () => {
  it("a character device made in a temporary folder stays a device", (t) => {
    const dir = temporaryFolder();
    const device = characterDevice(dir, "null", t);
    if (device === undefined) return;
    for (const args of [LAW, LINSTAT, [...FIXED, "--format", "npy"], GIBBS]) {
      const r = betaens([...args, "--output", device]);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(lstatSync(device).isCharacterDevice(), `${args[0]}: the device node was replaced`);
      const plot = betaens([...args, "--plot", device.replace("null", "p.svg")]);
      assert.equal(plot.status, 0, plot.stderr);
    }
    assert.deepEqual(readdirSync(dir).sort(), ["null", "p.svg"]);
  });

  it("a FIFO receives linstat's NPY table and law's JSON and stays a FIFO", async () => {
    const bytes = await throughFifo(temporaryFolder(), "t.npy", (fifo) => {
      const r = betaens([...LINSTAT, "--format", "npy", "--output", fifo]);
      assert.equal(r.status, 0, r.stderr);
    });
    const { shape } = decodeNpy(new Uint8Array(bytes));
    assert.deepEqual(shape, [1, 14]);
    const json = await throughFifo(temporaryFolder(), "law.json", (fifo) => {
      const r = betaens([...LAW, "--output", fifo]);
      assert.equal(r.status, 0, r.stderr);
    });
    assert.deepEqual(JSON.parse(json.toString("utf8")), betaensJson(LAW));
  });
});

describe("law, linstat, fixed-trace: a closed stdout pipe ends the run quietly", () => {
  const xs = Array.from({ length: 3000 }, (_, i) => (i / 1500 - 1).toFixed(4)).join(",");
  const cases = [
    ["law", "density", "--potential", "x^2/2", "--n", "10", "--x", xs, "--format", "csv"],
    ["linstat", "hermite", "--f", "x", "--n", "5", "--samples", "20000", "--seed", "1"],
    ["sample", "fixed-trace", "--n", "50", "--samples", "2000", "--format", "csv", "--seed", "1"],
  ];
  for (const args of cases) {
    it(`betaens ${args.slice(0, 2).join(" ")} … | head -c 10: exit 0, stderr empty`, () => {
      const { status, stderr } = throughClosedPipe(args);
      assert.equal(status, 0, `exit status of betaens: ${status}`);
      assert.equal(stderr, "");
    });
  }
});

describe("the drawn seed on stderr for CSV/NPY; --first-sample shards", () => {
  it("linstat and sample fixed-trace report the seed, and it reproduces the run; law has none", () => {
    for (const args of [
      ["linstat", "hermite", "--f", "x^2", "--n", "8", "--samples", "20", "--format", "csv"],
      [
        "sample",
        "fixed-trace",
        "--n",
        "6",
        "--stat",
        "entropy",
        "--samples",
        "3",
        "--format",
        "csv",
      ],
    ]) {
      const r = betaens(args);
      assert.equal(r.status, 0, r.stderr);
      const match = /^betaens: seed (\d+)\n$/.exec(r.stderr);
      assert.ok(match, `${args[0]}: stderr ${JSON.stringify(r.stderr)}`);
      const again = betaens([...args, "--seed", match[1]]);
      assert.equal(again.stdout, r.stdout);
      assert.equal(again.stderr, "");
    }
    const law = betaens([...LAW, "--format", "csv"]);
    assert.equal(law.status, 0);
    assert.equal(law.stderr, "", "law is deterministic: no seed");
  });

  it("linstat and fixed-trace shards equal the rows of a larger run", () => {
    const all = betaensJson(["linstat", "laguerre", "--f", "x", "--n", "5,9", "--samples", "12"]);
    const seed = String(all.seed);
    const shard = betaensJson([
      ...["linstat", "laguerre", "--f", "x", "--n", "5,9", "--samples", "7"],
      ...["--seed", seed, "--first-sample", "5"],
    ]);
    assert.equal(shard.firstSample, 5);
    const rows = (r: Record<string, unknown>) => r.rows as { values: number[] }[];
    for (const j of [0, 1]) {
      assert.deepEqual(rows(shard)[j].values, rows(all)[j].values.slice(5));
    }
    const fixed = [...FIXED.slice(0, 6), "--seed", "8"];
    const whole = betaensJson([...fixed, "--samples", "6"]).samples as number[];
    const part = betaensJson([...fixed, "--samples", "2", "--first-sample", "4"]).samples;
    assert.deepEqual(part, whole.slice(4));
  });
});

describe("law, linstat, gibbs --spectral: usage errors in one line, exit 2", () => {
  it("flags twice, bad values, mismatched format, unknown names quoted", () => {
    usageError([...LAW, "--n", "30"], /--n is given twice/);
    usageError([...LAW, "--format", "npy"], /--format must be one of json, csv/);
    usageError([...LAW, "--output", "x.csv", "--format", "json"], /does not match the extension/);
    usageError(
      ["law", "lmax", "--potential", "x^4/4", "--n", "20", "--p", "0.5,2"],
      /--p must be in \(0, 1\)/,
    );
    usageError(
      ["law", "bogus", "--potential", "x^2", "--n", "3"],
      /unknown law subcommand "bogus"/,
    );
    usageError([...LINSTAT, "--samples", "30"], /--samples is given twice/);
    usageError([...LINSTAT, "--first-sample", "-1"], /--first-sample must be >= 0/);
    usageError(["linstat", "bogus", "--f", "x", "--n", "3"], /unknown ensemble "bogus"/);
    usageError([...GIBBS, "--spectral", "2"], /--spectral is given twice/);
    usageError(["gibbs", "--potential", "x^4/4", "--n", "9", "--spectral", "-1"], /--spectral/);
    usageError([...FIXED, "--stat", "min"], /--stat is given twice/);
    for (const command of ["law", "linstat"]) {
      assert.match(betaens(["help", command]).stdout, /refused up front/);
    }
    assert.match(betaens(["help", "linstat"]).stdout, /--first-sample F/);
  });
});

describe("law, linstat, fixed-trace, gibbs --spectral: the shared refusal policy", () => {
  it("law: many quantiles at N = 5000 would take too long", () => {
    const ps = Array.from({ length: 3000 }, () => "0.5").join(",");
    refused(
      ["law", "lmax", "--potential", "x^4/4", "--n", "5000", "--p", ps],
      /would take about .* \(limit 30 minutes\); use fewer --x or --p values/,
    );
  });

  it("linstat: time refusal with linstat's own flags", () => {
    refused(
      ["linstat", "hermite", "--f", "x", "--n", "1e7", "--samples", "1e6"],
      /would take about .* days \(limit 30 minutes\); use fewer --samples/,
    );
    refused(
      ["linstat", "ginibre", "--f", "r", "--n", "3000", "--model", "full"],
      /use --model kostlan/,
    );
  });

  it("sample fixed-trace: entropy needs every eigenvalue (O(N²) per sample)", () => {
    refused(
      ["sample", "fixed-trace", "--n", "1e6", "--stat", "entropy", "--samples", "1000"],
      /would take about .* days \(limit 30 minutes\)/,
    );
  });

  it("gibbs: spectral moves are O(N²) each and count in the estimate", () => {
    const args = ["gibbs", "--potential", "x^4/4", "--n", "3000", "--passes", "2e5"];
    refused([...args, "--spectral", "1"], /would take about .* hours .*use a larger --spectral K/);
  });
});
