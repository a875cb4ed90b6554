/**
 * The command line's output contract (docs/conventions.md §3, §5, §6), for every command:
 * output paths checked before any work (exit 2, the path as given), all outputs written together,
 * device nodes and FIFOs never replaced, a closed stdout pipe ends the run quietly, a drawn seed
 * is reported when the output cannot carry it, and --first-sample shards reproduce a larger run.
 */
import assert from "node:assert/strict";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { decodeNpy } from "../../src/io/npy.js";
import { betaens, betaensJson, throughClosedPipe, usageError } from "../helpers/cli.js";
import { characterDevice, throughFifo } from "../helpers/fifo.js";

const temporaryFolder = () => mkdtempSync(join(tmpdir(), "betaens-cli-"));

describe("output paths are checked before any work", () => {
  it("a missing folder, a folder, ./ and a file used as a folder: exit 2, no temporary file named", () => {
    const dir = temporaryFolder();
    writeFileSync(join(dir, "file"), "");
    const sample = ["sample", "hermite", "--n", "5", "--seed", "1"];
    const line = usageError(
      [...sample, "--output", join(dir, "nonexistent", "x.json")],
      /cannot write .*nonexistent\/x\.json: no such folder '.*nonexistent'$/,
    );
    assert.ok(!line.includes(".tmp"), line);
    usageError([...sample, "--output", dir], /cannot write .*: it is a folder$/);
    usageError([...sample, "--output", "./"], /cannot write \.\/: it is a folder$/);
    usageError([...sample, "--plot", join(dir, "file", "x.svg")], /is not a folder$/);
    usageError(
      ["gibbs", "--potential", "x^4/4", "--n", "5", "--output", join(dir, "no", "g.json")],
      /no such folder/,
    );
    usageError(
      ["tw", "cdf", "--beta", "2", "--x", "0", "--output", join(dir, "no", "t.json")],
      /no such folder/,
    );
    usageError(
      [
        "mixing",
        "--potential",
        "x^2/2",
        "--beta",
        "2",
        "--n",
        "4",
        "--plot",
        join(dir, "no", "m.svg"),
      ],
      /no such folder/,
    );
    assert.deepEqual(readdirSync(dir), ["file"]);
  });

  it("a folder where no file can be created (even as root: /sys, /proc): exit 2 before any work", (t) => {
    for (const folder of ["/sys", "/proc"]) {
      let creatable = true;
      try {
        writeFileSync(join(folder, `betaens-probe-${process.pid}`), "");
      } catch {
        creatable = false;
      }
      if (creatable) {
        t.diagnostic(`${folder} accepts new files here: not checked`);
        continue;
      }
      for (const args of [
        ["sample", "hermite", "--n", "3", "--output", join(folder, "x.json")],
        ["law", "density", "--potential", "x^2", "--n", "3", "--plot", join(folder, "x.svg")],
      ]) {
        usageError(args, new RegExp(`cannot write .*: folder '${folder}' is not writable$`));
      }
    }
  });

  it("a bad --plot path leaves no --output file behind", () => {
    const dir = temporaryFolder();
    const out = join(dir, "ok.json");
    usageError(
      ["sample", "hermite", "--n", "5", "--output", out, "--plot", join(dir, "missing", "p.svg")],
      /no such folder/,
    );
    assert.ok(!existsSync(out));
    usageError(
      [
        "sample",
        "hermite",
        "--n",
        "5",
        "--output",
        join(dir, "same.svg"),
        "--format",
        "json",
        "--plot",
        join(dir, "same.svg"),
      ],
      /same file/,
    );
    assert.deepEqual(readdirSync(dir), []);
  });

  it("--output and --plot are both written on success", () => {
    const dir = temporaryFolder();
    const r = betaens([
      "sample",
      "hermite",
      "--n",
      "20",
      "--seed",
      "1",
      "--output",
      join(dir, "x.json"),
      "--plot",
      join(dir, "x.svg"),
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readdirSync(dir).sort(), ["x.json", "x.svg"]);
  });
});

describe("device nodes and FIFOs given as --output", () => {
  it("a character device made in a temporary folder is written, not replaced", (t) => {
    const dir = temporaryFolder();
    const device = characterDevice(dir, "null", t);
    if (device === undefined) return;
    const r = betaens(["sample", "hermite", "--n", "5", "--format", "npy", "--output", device]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(lstatSync(device).isCharacterDevice(), "the device node was replaced by a file");
    assert.deepEqual(readdirSync(dir), ["null"]);
  });

  it("a FIFO receives the NPY bytes and stays a FIFO", async () => {
    const args = ["sample", "hermite", "--n", "4", "--samples", "3", "--seed", "2"];
    const bytes = await throughFifo(temporaryFolder(), "pipe.npy", (fifo) => {
      const r = betaens([...args, "--output", fifo]);
      assert.equal(r.status, 0, r.stderr);
    });
    const { shape, data } = decodeNpy(new Uint8Array(bytes));
    assert.deepEqual(shape, [3, 4]);
    assert.deepEqual(Array.from(data), (betaensJson(args).samples as number[][]).flat());
  });
});

describe("a closed stdout pipe ends the run quietly (exit 0, no stack trace)", () => {
  const cases = [
    ["sample", "hermite", "--n", "100", "--samples", "100", "--format", "csv", "--seed", "1"],
    ["tw", "sample", "--beta", "2", "--samples", "20000", "--format", "csv", "--seed", "1"],
    [
      "gibbs",
      "--potential",
      "x^2/2",
      "--n",
      "100",
      "--samples",
      "100",
      "--passes",
      "1",
      "--seed",
      "1",
    ],
  ];
  for (const args of cases) {
    it(`betaens ${args.slice(0, 2).join(" ")} … | head -c 10`, () => {
      const { status } = throughClosedPipe(args);
      assert.equal(status, 0, `exit status of betaens: ${status}`);
    });
  }

  it("stderr stays empty", () => {
    const args = ["sample", "hermite", "--n", "100", "--samples", "200", "--format", "csv"];
    assert.equal(throughClosedPipe([...args, "--seed", "1"]).stderr, "");
  });
});

describe("the drawn seed is reported when the output cannot carry it", () => {
  it("CSV and NPY: 'betaens: seed K' on stderr, and --seed K reproduces the run", () => {
    const args = ["sample", "hermite", "--n", "4", "--samples", "2", "--format", "csv"];
    const r = betaens(args);
    assert.equal(r.status, 0, r.stderr);
    const match = /^betaens: seed (\d+)\n$/.exec(r.stderr);
    assert.ok(match, `stderr: ${JSON.stringify(r.stderr)}`);
    const again = betaens([...args, "--seed", match[1]]);
    assert.equal(again.stdout, r.stdout);
    assert.equal(again.stderr, "", "no seed line when --seed is given");
    const tw = betaens(["tw", "sample", "--beta", "1", "--format", "csv"]);
    assert.match(tw.stderr, /^betaens: seed \d+\n$/);
    const gibbs = betaens(["gibbs", "--potential", "x^2/2", "--n", "3", "--format", "csv"]);
    assert.match(gibbs.stderr, /^betaens: seed \d+\n$/);
  });

  it("JSON carries the seed: nothing on stderr", () => {
    const r = betaens(["sample", "hermite", "--n", "4"]);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, "");
    assert.ok(Number.isInteger(JSON.parse(r.stdout).seed));
  });
});

describe("--first-sample F draws samples F … F+S−1, bit-identical to a larger run", () => {
  it("sample: eigenvalues, max (truncated model) and histogram shards", () => {
    const base = ["sample", "hermite", "--n", "6", "--seed", "11", "--beta", "1.5"];
    const all = betaensJson([...base, "--samples", "5"]);
    const shard = betaensJson([...base, "--samples", "3", "--first-sample", "2"]);
    assert.deepEqual(shard.samples, (all.samples as number[][]).slice(2));
    assert.equal(shard.firstSample, 2);
    assert.equal(all.firstSample, undefined);
    const max = ["sample", "laguerre", "--n", "1e7", "--stat", "max", "--seed", "3"];
    const maxAll = betaensJson([...max, "--samples", "4"]).samples as number[];
    const maxShard = betaensJson([...max, "--samples", "2", "--first-sample", "2"]).samples;
    assert.deepEqual(maxShard, maxAll.slice(2));
    const histogram = [
      "sample",
      "jacobi",
      "--n",
      "50",
      "--stat",
      "histogram",
      "--bins",
      "7",
      "--seed",
      "5",
    ];
    const whole = betaensJson([...histogram, "--samples", "6"]).counts as number[];
    const a = betaensJson([...histogram, "--samples", "2"]).counts as number[];
    const b = betaensJson([...histogram, "--samples", "4", "--first-sample", "2"])
      .counts as number[];
    assert.deepEqual(
      a.map((c, i) => c + b[i]),
      whole,
    );
  });

  it("gibbs chains and tw samples", () => {
    const gibbs = ["gibbs", "--potential", "x^4/4", "--n", "5", "--passes", "2", "--seed", "9"];
    const all = betaensJson([...gibbs, "--samples", "4"]).samples as number[][];
    const shard = betaensJson([...gibbs, "--samples", "1", "--first-sample", "3"]);
    assert.deepEqual(shard.samples, all.slice(3));
    assert.equal(shard.firstSample, 3);
    for (const extra of [
      ["--beta", "2"],
      ["--beta", "3.3", "--n", "1000"],
    ]) {
      const tw = ["tw", "sample", ...extra, "--seed", "4"];
      const twAll = betaensJson([...tw, "--samples", "5"]).samples as number[];
      const twShard = betaensJson([...tw, "--samples", "2", "--first-sample", "3"]).samples;
      assert.deepEqual(twShard, twAll.slice(3));
    }
  });

  it("bad values are usage errors", () => {
    usageError(["sample", "hermite", "--n", "3", "--first-sample", "-1"], /--first-sample/);
    usageError(["sample", "hermite", "--n", "3", "--first-sample", "9007199254740991"], /2\^53/);
  });

  it("help sample lists the defaults and the sample-stream rule", () => {
    const help = betaens(["help", "sample"]).stdout;
    assert.match(help, /--beta 2, --samples 1/);
    assert.match(help, /--bins 100/);
    assert.match(help, /sample s of seed K is a pure function of \(K, s\)/);
    assert.match(help, /--first-sample F/);
    for (const command of ["gibbs", "tw"]) {
      assert.match(betaens(["help", command]).stdout, /--first-sample F/);
    }
  });
});

describe("usage errors everywhere: exit 2, one line", () => {
  it("a flag given twice", () => {
    usageError(["sample", "hermite", "--n", "5", "--n", "6"], /--n is given twice/);
    usageError(["tw", "cdf", "--beta", "2", "--x=1", "--x=2"], /--x is given twice/);
    usageError(
      ["gibbs", "--potential", "x^2/2", "--n", "4", "--seed", "1", "--seed", "2"],
      /twice/,
    );
  });

  it("--format that contradicts the --output extension", () => {
    const dir = temporaryFolder();
    usageError(
      ["sample", "hermite", "--n", "5", "--output", join(dir, "x.csv"), "--format", "json"],
      /--format json does not match the extension of --output/,
    );
    assert.deepEqual(readdirSync(dir), []);
  });

  it("help for an unknown command, demo with an argument, unknown options with balanced quotes", () => {
    usageError(["help", "bogus"], /no help for "bogus"/);
    usageError(["demo", "foo"], /demo takes no arguments/);
    const line = usageError(
      ["sample", "hermite", "--n", "5", "--frobnicate", "1"],
      /unknown option/,
    );
    assert.equal((line.match(/"/g) ?? []).length % 2, 0, line);
    assert.equal((line.match(/'/g) ?? []).length % 2, 0, line);
    assert.match(line, /run "betaens help sample"/);
    usageError(["sample", "hermite", "--n"], /--n needs a value/);
  });

  it("error lines quote at most about 80 characters of an input", () => {
    const quotedParts = (line: string) => [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    const long = "9".repeat(300);
    const line = usageError(["sample", "hermite", "--n", `${long}x`], /--n must be a number/);
    assert.ok(line.length < 160, line);
    const potential = `x^4/4 + ${"y".repeat(300)}`;
    const p = usageError(["gibbs", "--potential", potential, "--n", "4"], /potential|term/);
    assert.ok(quotedParts(p).length > 0, p);
    for (const part of quotedParts(p)) assert.ok(part.length <= 80, part);
  });

  it("demo: --help, --out a file, --out a folder that cannot be made (no hang)", () => {
    const help = betaens(["demo", "--help"]);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /usage: betaens demo/);
    const dir = temporaryFolder();
    writeFileSync(join(dir, "file"), "");
    usageError(["demo", "--out", join(dir, "file")], /not a folder/);
    usageError(["demo", "--out", join(dir, "a", "b")], /no such folder/);
    usageError(["demo", "--out", "/proc/betaens-demo"], /cannot (create|write)/);
    mkdirSync(join(dir, "ok"));
    assert.deepEqual(readdirSync(join(dir, "ok")), []);
  });
});
