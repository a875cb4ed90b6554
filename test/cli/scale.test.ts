/**
 * All cores and many machines: every sampling command gives the same bytes with --workers 1, 2, 3
 * and when split into K ∈ {1, 2, 7} shards merged by `betaens merge`, in every output format;
 * `merge` refuses corrupt files, different runs, overlapping and missing shards (one line,
 * exit 2); a lost shard re-run is byte-identical. Runs main() in this process (outputs to files).
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { betaensInProcess } from "../helpers/cliInProcess.js";

/** A partial file with its manifest changed and a valid checksum (as a forger would write it). */
function resealed(
  bytes: Buffer,
  change: (m: Record<string, unknown>) => Record<string, unknown>,
): Buffer {
  const length = Number(bytes.subarray(bytes.length - 15).toString("latin1"));
  const start = bytes.length - 32 - length;
  const { checksum: _old, ...manifest } = JSON.parse(
    bytes.subarray(start, start + length).toString("utf8"),
  );
  const body = change(manifest);
  const hash = createHash("sha256").update(bytes.subarray(0, start)).update(JSON.stringify(body));
  const text = Buffer.from(JSON.stringify({ ...body, checksum: `sha256:${hash.digest("hex")}` }));
  const trailer = Buffer.from(
    `\nBETAENS-MANIFEST${String(text.length).padStart(15, "0")}`,
    "latin1",
  );
  return Buffer.concat([bytes.subarray(0, start), text, trailer]);
}

const dir = mkdtempSync(join(tmpdir(), "betaens-scale-"));
let counter = 0;

const cli = betaensInProcess;

/** The bytes `betaens ARGS… --output FILE.ext` writes. */
async function output(args: string[], ext: string): Promise<Buffer> {
  const file = join(dir, `out-${counter++}.${ext}`);
  const r = await cli([...args, "--output", file]);
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(file);
}

/** The bytes of the run split into K shards and merged (shards written in reverse order). */
async function sharded(args: string[], k: number, ext: string): Promise<Buffer> {
  const stem = join(dir, `part-${counter++}`);
  for (let i = k - 1; i >= 0; i--) {
    const r = await cli([...args, "--shard", `${i}/${k}`, "--output", `${stem}-{shard}.bep`]);
    assert.equal(r.status, 0, r.stderr);
  }
  const parts = Array.from({ length: k }, (_, i) => `${stem}-${i}.bep`);
  const file = join(dir, `merged-${counter++}.${ext}`);
  const r = await cli(["merge", ...parts, "--output", file]);
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(file);
}

const CASES: [string, string[], string[]][] = [
  [
    "sample eigenvalues",
    ["sample", "hermite", "--n", "30", "--samples", "11", "--seed", "4", "--beta", "1.5"],
    ["json", "csv", "npy"],
  ],
  [
    "sample max (truncated, edge scaling)",
    [
      "sample",
      "laguerre",
      "--n",
      "1e7",
      "--m",
      "2e7",
      "--stat",
      "max",
      "--scaling",
      "edge",
      "--samples",
      "13",
      "--seed",
      "4",
    ],
    ["json", "csv", "npy"],
  ],
  [
    "sample histogram",
    [
      "sample",
      "jacobi",
      "--n",
      "40",
      "--stat",
      "histogram",
      "--bins",
      "12",
      "--samples",
      "9",
      "--seed",
      "4",
    ],
    ["json", "csv", "npy"],
  ],
  [
    "sample ginibre",
    ["sample", "ginibre", "--n", "6", "--samples", "5", "--seed", "4"],
    ["json", "npy"],
  ],
  [
    "sample max --summary moments",
    [
      "sample",
      "hermite",
      "--n",
      "50",
      "--stat",
      "max",
      "--summary",
      "moments",
      "--samples",
      "40",
      "--seed",
      "4",
    ],
    ["json"],
  ],
  [
    "gibbs trace",
    [
      "gibbs",
      "--potential",
      "x^4/4 - x^2",
      "--n",
      "8",
      "--passes",
      "3",
      "--stat",
      "trace",
      "--samples",
      "7",
      "--seed",
      "4",
    ],
    ["json", "csv", "npy"],
  ],
  [
    "gibbs histogram",
    [
      "gibbs",
      "--potential",
      "x^2/2",
      "--n",
      "10",
      "--passes",
      "2",
      "--stat",
      "histogram",
      "--bins",
      "8",
      "--samples",
      "6",
      "--seed",
      "4",
    ],
    ["json"],
  ],
  [
    "gibbs max, edge scaling",
    [
      "gibbs",
      "--potential",
      "x^2/2",
      "--n",
      "10",
      "--passes",
      "2",
      "--stat",
      "max",
      "--scaling",
      "edge",
      "--samples",
      "6",
      "--seed",
      "4",
    ],
    ["json", "npy"],
  ],
  [
    "gibbs max, two cuts, R̂/ESS, spectral moves (issue 10)",
    [
      "gibbs",
      "--potential",
      "x^4/4 - 1.5*x^2",
      "--n",
      "12",
      "--passes",
      "8",
      "--stat",
      "max",
      "--samples",
      "9",
      "--seed",
      "4",
    ],
    ["json", "csv"],
  ],
  [
    "gibbs eigenvalues --record, --spectral 2, diagnostics",
    [
      "gibbs",
      "--potential",
      "x^4/4 - x^2",
      "--n",
      "7",
      "--passes",
      "8",
      "--spectral",
      "2",
      "--record",
      "1,4",
      "--samples",
      "5",
      "--seed",
      "4",
    ],
    ["json"],
  ],
  [
    "sample fixed-trace purity",
    [
      "sample",
      "fixed-trace",
      "--n",
      "9",
      "--m",
      "12",
      "--stat",
      "purity",
      "--samples",
      "11",
      "--seed",
      "4",
    ],
    ["json", "csv", "npy"],
  ],
  [
    "linstat hermite, two sizes",
    ["linstat", "hermite", "--f", "x^2 + x", "--n", "6,9", "--samples", "7", "--seed", "4"],
    ["json", "csv", "npy"],
  ],
  [
    "linstat potential (Gibbs chains)",
    [
      "linstat",
      "potential",
      "--potential",
      "x^4/4",
      "--f",
      "cos(x)",
      "--n",
      "5",
      "--passes",
      "2",
      "--samples",
      "6",
      "--seed",
      "4",
    ],
    ["json"],
  ],
  [
    "tw sample",
    ["tw", "sample", "--beta", "2", "--samples", "25", "--seed", "4"],
    ["json", "csv", "npy"],
  ],
  [
    "tw sample --summary cdf",
    [
      "tw",
      "sample",
      "--beta",
      "3",
      "--n",
      "1000",
      "--samples",
      "30",
      "--seed",
      "4",
      "--summary",
      "cdf",
      "--bins",
      "50",
      "--range",
      "-5,3",
    ],
    ["json", "npy"],
  ],
  [
    "mixing",
    [
      "mixing",
      "--potential",
      "x^2/2",
      "--beta",
      "2",
      "--n",
      "10,20",
      "--chains",
      "4",
      "--passes",
      "3",
      "--control",
      "50",
      "--seed",
      "4",
    ],
    ["json"],
  ],
];

describe("--workers K: the same bytes for K = 1, 2, 3", () => {
  for (const [name, args, formats] of CASES) {
    it(name, async () => {
      const ext = formats[formats.length - 1];
      const one = await output([...args, "--workers", "1"], ext);
      for (const k of ["2", "3"]) {
        assert.deepEqual(await output([...args, "--workers", k], ext), one, `--workers ${k}`);
      }
    });
  }
});

describe("--shard i/K + merge: the bytes of the one-process run, K = 1, 2, 7", () => {
  for (const [name, args, formats] of CASES) {
    it(name, async () => {
      for (const ext of formats) {
        const single = await output(args, ext);
        for (const k of [1, 2, 7]) {
          assert.deepEqual(await sharded(args, k, ext), single, `${ext}, ${k} shards`);
        }
      }
    });
  }
});

describe("Gibbs diagnostics of a split run = those of one process", () => {
  it("--workers 2 and 3 shards + merge print the same R̂/ESS and per-cut lines", async () => {
    const args = [
      "gibbs",
      "--potential",
      "x^4/4 - 1.5*x^2",
      "--n",
      "10",
      "--passes",
      "8",
      "--stat",
      "max",
      "--samples",
      "8",
      "--seed",
      "6",
    ];
    const one = await cli([...args, "--workers", "1", "--output", join(dir, "d1.json")]);
    assert.equal(one.status, 0, one.stderr);
    assert.match(one.stderr, /split-R̂ [0-9.]+, ESS bulk \d+/);
    assert.match(one.stderr, /cut 2 \[/);
    const two = await cli([...args, "--workers", "2", "--output", join(dir, "d2.json")]);
    assert.equal(two.stderr, one.stderr);
    const stem = join(dir, `diag-${counter++}`);
    for (let i = 0; i < 3; i++) {
      const r = await cli([...args, "--shard", `${i}/3`, "--output", `${stem}-{shard}.bep`]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, "", "a shard reports nothing: its chains are not the run");
    }
    const parts = [0, 1, 2].map((i) => `${stem}-${i}.bep`);
    const merged = await cli(["merge", ...parts, "--output", join(dir, "d3.json")]);
    assert.equal(merged.status, 0, merged.stderr);
    assert.equal(merged.stderr, one.stderr);
  });
});

describe("merge refuses what it cannot merge exactly (one line, exit 2)", () => {
  const args = ["sample", "hermite", "--n", "20", "--samples", "10", "--seed", "8"];
  const stem = join(dir, "refuse");
  const shard = async (i: number, k: number, extra: string[] = [], name = `${stem}-${i}.bep`) => {
    const r = await cli([...args, ...extra, "--shard", `${i}/${k}`, "--output", name]);
    assert.equal(r.status, 0, r.stderr);
    return name;
  };
  const refuses = async (parts: string[], pattern: RegExp) => {
    const r = await cli(["merge", ...parts, "--output", join(dir, "never.json")]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^betaens: error: /);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, pattern);
    assert.ok(!existsSync(join(dir, "never.json")));
  };

  it("missing shards (listed), duplicates, other runs, versions, corrupt and foreign files", async () => {
    const p = [await shard(0, 4), await shard(1, 4), await shard(2, 4), await shard(3, 4)];
    await refuses([p[0], p[2]], /missing shards 1 \(samples 2…4\), 3 \(samples 7…9\) of 4/);
    await refuses([...p, p[1]], /both hold shard 1 of 4/);
    const other = await shard(1, 4, ["--beta", "1"], `${stem}-other.bep`);
    await refuses([p[0], other, p[2], p[3]], /shards of different runs \(they differ in beta\)/);
    const split = await shard(1, 3, [], `${stem}-split.bep`);
    await refuses([p[0], split], /a shard of 4, .* a shard of 3/);
    // A flipped byte in the payload, a truncated file, a foreign file.
    const bytes = readFileSync(p[1]);
    const flipped = Buffer.from(bytes);
    flipped[40] ^= 1;
    writeFileSync(`${stem}-flipped.bep`, flipped);
    await refuses([p[0], `${stem}-flipped.bep`, p[2], p[3]], /flipped\.bep: checksum mismatch/);
    writeFileSync(`${stem}-cut.bep`, bytes.subarray(0, bytes.length - 7));
    await refuses([p[0], `${stem}-cut.bep`, p[2], p[3]], /cut\.bep: truncated or corrupt/);
    const manifest = Buffer.from(bytes);
    const at = manifest.indexOf('"below":0');
    assert.ok(at > 0);
    manifest[at + 8] = "1".charCodeAt(0);
    writeFileSync(`${stem}-manifest.bep`, manifest);
    await refuses([p[0], `${stem}-manifest.bep`, p[2], p[3]], /manifest\.bep: checksum mismatch/);
    writeFileSync(`${stem}-foreign.bep`, "{}");
    await refuses([`${stem}-foreign.bep`], /not a betaens partial result/);
    writeFileSync(
      `${stem}-version.bep`,
      resealed(bytes, (m) => ({ ...m, betaens: "9.9.9" })),
    );
    await refuses([p[0], `${stem}-version.bep`], /version\.bep was written by betaens 9\.9\.9/);
    const moved = resealed(bytes, (m) => ({ ...m, range: { first: 3, count: 3 } }));
    writeFileSync(`${stem}-moved.bep`, moved);
    await refuses(
      [p[0], `${stem}-moved.bep`],
      /moved\.bep: corrupt \(its samples do not match shard 1 of 4\)/,
    );
  });

  it("a lost shard re-run is byte-identical, and then the merge succeeds", async () => {
    const a = await shard(2, 4, [], `${stem}-again-a.bep`);
    const b = await shard(2, 4, [], `${stem}-again-b.bep`);
    assert.deepEqual(readFileSync(a), readFileSync(b));
  });

  it("shard flags are checked up front", async () => {
    const bad = async (extra: string[], pattern: RegExp) => {
      const r = await cli(["sample", "hermite", "--n", "5", ...extra]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, pattern);
    };
    await bad(["--shard", "3/3", "--seed", "1", "--output", "x.bep"], /0 … 2 \(0-based/);
    await bad(["--shard", "0/2", "--output", "x.bep"], /--shard needs --seed/);
    await bad(["--shard", "0/2", "--seed", "1"], /--shard needs --output/);
    await bad(
      ["--shard", "0/2", "--seed", "1", "--output", "x.bep", "--format", "npy"],
      /--format does not apply to a shard/,
    );
    await bad(["--shards", "4"], /--shards applies only with --shard auto/);
    await bad(["--workers", "0"], /--workers must be >= 1/);
    assert.ok(!readdirSync(".").some((f) => f.endsWith(".bep")));
  });
});
