/**
 * `betaens mixing …` (src/cli/mixing.ts): flags, outputs (stdout JSON, --output, --plot) and every
 * error path. mixingCommand is called in-process with stdout captured (tiny runs); errors must be
 * UsageError/RangeError (exit status 2 via the dispatcher). Once main.ts dispatches "mixing",
 * the last suite also runs the binary.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { errorLine, exitStatusFor } from "../../src/cli/errors.js";
import { MIXING_USAGE, mixingCommand } from "../../src/cli/mixing.js";
import { mixingStudy } from "../../src/mixing/study.js";
import { VERSION } from "../../src/version.js";
import { assertWellFormedSvg } from "../plot/wellFormed.js";

async function run(argv: string[]): Promise<string> {
  const write = process.stdout.write;
  let text = "";
  process.stdout.write = ((chunk: string | Uint8Array) => {
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stdout.write;
  try {
    await mixingCommand(argv);
  } finally {
    process.stdout.write = write;
  }
  return text;
}

async function fails(argv: string[], pattern: RegExp): Promise<void> {
  let caught: unknown;
  try {
    await run(argv);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught !== undefined, `expected an error for ${argv.join(" ")}`);
  assert.equal(exitStatusFor(caught), 2, String(caught));
  assert.match(errorLine(caught), /^betaens: error: /);
  assert.match(errorLine(caught), pattern);
}

const TINY = ["--n", "6,10", "--chains", "8", "--passes", "3", "--seed", "4", "--control", "50"];

describe("betaens mixing: outputs", () => {
  it("JSON on stdout equals mixingStudy with the same options", async () => {
    const out = JSON.parse(await run(["--potential", "x^4/4", "--beta", "2", ...TINY]));
    assert.equal(out.betaens, VERSION);
    assert.equal(out.command, "mixing");
    const direct = mixingStudy({
      coeffs: [0, 0, 0, 0, 0.25],
      beta: 2,
      ns: [6, 10],
      chains: 8,
      passes: 3,
      seed: 4,
      controlSamples: 50,
    });
    assert.deepEqual(out, JSON.parse(JSON.stringify(direct)));
    for (const key of ["ns", "passes", "ks", "mean", "variance", "pStar"]) assert.ok(key in out);
  });
  it("--coeffs, --initial hermite, --output and --plot", async () => {
    const dir = mkdtempSync(join(tmpdir(), "betaens-mixing-"));
    const output = join(dir, "m.json");
    const plot = join(dir, "m.svg");
    const stdout = await run([
      "--coeffs",
      "0,0,0.5,0,0.25",
      "--beta",
      "1",
      "--initial",
      "hermite",
      ...TINY,
      "--output",
      output,
      "--plot",
      plot,
    ]);
    assert.equal(stdout, "");
    const out = JSON.parse(readFileSync(output, "utf8"));
    assert.deepEqual(out.potential, [0, 0, 0.5, 0, 0.25]);
    assert.equal(out.initial, "hermite");
    assert.equal(out.beta, 1);
    assertWellFormedSvg(readFileSync(plot, "utf8"));
  });
  it("a potential that starts with a minus sign is a value, not a flag", async () => {
    const out = JSON.parse(await run(["--potential", "-x^2/2 + x^4/4", "--beta", "2", ...TINY]));
    assert.deepEqual(out.potential, [0, 0, -0.5, 0, 0.25]);
  });
  it("defaults: 200 chains, 15 passes, a drawn seed", async () => {
    const out = JSON.parse(
      await run(["--potential", "x^2/2", "--beta", "4", "--n", "3", "--control", "10"]),
    );
    assert.equal(out.chains, 200);
    assert.equal(out.passes, 15);
    assert.ok(Number.isInteger(out.seed));
    assert.equal(out.ks[0].length, 15);
  });
});

describe("betaens mixing: errors (exit status 2)", () => {
  it("potential, β and sizes", async () => {
    await fails(["--beta", "2", ...TINY], /exactly one of --potential/);
    await fails(
      ["--potential", "x^4/4", "--coeffs", "0,0,1", "--beta", "2", ...TINY],
      /exactly one/,
    );
    await fails(["--potential", "x^3", "--beta", "2", ...TINY], /degree|even/);
    await fails(["--potential", "x^^4", "--beta", "2", ...TINY], /./);
    await fails(["--potential", "x^4/4", ...TINY], /--beta is required/);
    await fails(["--potential", "x^4/4", "--beta", "-2", ...TINY], /--beta must be > 0/);
    await fails(["--potential", "x^4/4", "--beta", "2"], /--n is required/);
    await fails(["--potential", "x^4/4", "--beta", "2", "--n", "10,1"], /--n must be >= 2/);
    await fails(["--potential", "x^4/4", "--beta", "2", "--n", "10,x"], /--n must be a number/);
    await fails(["--potential", "x^4/4", "--beta", "2", "--n", "10,10"], /repeated/);
  });
  it("counts, files, flags", async () => {
    const p = ["--potential", "x^4/4", "--beta", "2", "--n", "10"];
    await fails([...p, "--chains", "1"], /--chains must be >= 2/);
    await fails([...p, "--passes", "0"], /--passes must be >= 1/);
    await fails([...p, "--seed", "1.5"], /--seed must be an integer/);
    await fails([...p, "--control", "0"], /--control must be >= 1/);
    await fails([...p, "--initial", "random"], /--initial must be one of/);
    await fails([...p, "--output", "m.csv"], /--output must name a .json file/);
    await fails([...p, "--plot", "m.png"], /--plot must name an .svg file/);
    await fails([...p, "--format", "csv"], /format/);
    await fails([...p, "extra"], /unexpected argument "extra"/);
    await fails([...p, "--chains", "1e6", "--passes", "1e4"], /would need about 75 GiB of memory/);
    await fails(
      [...p, "--chains", "1e5", "--passes", "1e4", "--workers", "1"],
      /would take about 20 hours \(limit 30 minutes\)/,
    );
    await fails(
      [
        "--potential",
        "x^4/20 - 4*x^3/15 + x^2/5 + 8*x/5",
        "--beta",
        "2",
        "--n",
        "10",
        "--chains",
        "2",
      ],
      /critical/,
    );
  });
  it("usage lists the flags", () => {
    for (const flag of [
      "--potential",
      "--beta",
      "--n",
      "--chains",
      "--passes",
      "--seed",
      "--output",
      "--plot",
    ]) {
      assert.ok(MIXING_USAGE.includes(flag), flag);
    }
  });
});

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WIRED = readFileSync(join(ROOT, "src/cli/main.ts"), "utf8").includes("mixingCommand");

describe("betaens mixing through the binary", {
  skip: !WIRED && "main.ts has no mixing yet",
}, () => {
  it("exit 0 with JSON; exit 2 with one error line", () => {
    const spawn = (args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/bin.ts"), ...args], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, BETAENS_DEBUG: "" },
      });
    const ok = spawn(["mixing", "--potential", "x^4/4", "--beta", "2", ...TINY]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).command, "mixing");
    const bad = spawn([
      "mixing",
      "--potential",
      "x^4/4",
      "--beta",
      "2",
      "--n",
      "10",
      "--chains",
      "1",
    ]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^betaens: error: --chains must be >= 2[^\n]*\n$/);
  });
});
