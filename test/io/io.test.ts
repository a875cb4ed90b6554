/** I/O: NPY encode/decode round trip and header layout, CSV/JSON formats, atomic writes. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { formatCsv, formatJson, formatNpy } from "../../src/io/format.js";
import { decodeNpy, encodeNpy } from "../../src/io/npy.js";
import { writeFileAtomic } from "../../src/io/outputFiles.js";

describe("npy", () => {
  it("round-trips shapes (S, N) and (S,) bit for bit, including ±0, subnormals and extremes", () => {
    const data = Float64Array.from([0, -0, 5e-324, -1.5, Math.PI, 1.7976931348623157e308]);
    for (const shape of [[6], [2, 3], [3, 2], [1, 6]]) {
      const bytes = encodeNpy(data, shape);
      const back = decodeNpy(bytes);
      assert.deepEqual(back.shape, shape);
      assert.deepEqual(Array.from(back.data), Array.from(data));
      assert.ok(Object.is(back.data[1], -0));
    }
  });

  it("header: magic, version 1.0, data aligned to 64 bytes, ends with a newline", () => {
    const bytes = encodeNpy(new Float64Array(4), [2, 2]);
    assert.deepEqual(Array.from(bytes.slice(0, 8)), [0x93, 78, 85, 77, 80, 89, 1, 0]);
    const headerLength = bytes[8] + 256 * bytes[9];
    assert.equal((10 + headerLength) % 64, 0);
    assert.equal(bytes[10 + headerLength - 1], 10);
    const header = String.fromCharCode(...bytes.slice(10, 10 + headerLength));
    assert.match(header, /^\{'descr': '<f8', 'fortran_order': False, 'shape': \(2, 2\), \} *\n$/);
    assert.equal(bytes.length, 10 + headerLength + 32);
  });

  it("rejects a shape that does not match the data, and foreign files", () => {
    assert.throws(() => encodeNpy(new Float64Array(3), [2, 2]), RangeError);
    assert.throws(() => decodeNpy(new Uint8Array(16)), RangeError);
  });
});

describe("formats", () => {
  const rows = [Float64Array.from([1, 2.5]), Float64Array.from([-3, 4e-20])];
  it("JSON writes typed arrays as arrays with round-trip precision", () => {
    const text = formatJson({ samples: rows, x: Float64Array.from([0.1]) });
    assert.deepEqual(JSON.parse(text), {
      samples: [
        [1, 2.5],
        [-3, 4e-20],
      ],
      x: [0.1],
    });
  });
  it("CSV: one sample per line; scalars one per line; histograms lo,hi,count", () => {
    assert.equal(formatCsv({ samples: rows }), "1,2.5\n-3,4e-20\n");
    assert.equal(formatCsv({ samples: Float64Array.from([1, 2]) }), "1\n2\n");
    assert.equal(formatCsv({ edges: [0, 1, 2], counts: [3, 4] }), "lo,hi,count\n0,1,3\n1,2,4\n");
  });
  it("NPY: (S, N) rows, (S,) scalars, (B, 3) histograms", () => {
    assert.deepEqual(decodeNpy(formatNpy({ samples: rows })).shape, [2, 2]);
    assert.deepEqual(decodeNpy(formatNpy({ samples: Float64Array.from([1, 2, 3]) })).shape, [3]);
    const h = decodeNpy(formatNpy({ edges: [0, 1, 2], counts: [3, 4] }));
    assert.deepEqual(h.shape, [2, 3]);
    assert.deepEqual(Array.from(h.data), [0, 1, 3, 1, 2, 4]);
  });
});

describe("writeFileAtomic", () => {
  it("writes the file and leaves no temporary file", () => {
    const dir = mkdtempSync(join(tmpdir(), "betaens-io-"));
    writeFileAtomic(join(dir, "a.txt"), "hello");
    writeFileAtomic(join(dir, "a.txt"), "world");
    assert.equal(readFileSync(join(dir, "a.txt"), "utf8"), "world");
    assert.deepEqual(readdirSync(dir), ["a.txt"]);
  });

  it("on failure (target is a directory) removes its temporary file and throws", () => {
    const dir = mkdtempSync(join(tmpdir(), "betaens-io-"));
    mkdirSync(join(dir, "target"));
    mkdirSync(join(dir, "target", "inside"));
    assert.throws(() => writeFileAtomic(join(dir, "target"), "x"));
    assert.deepEqual(readdirSync(dir), ["target"]);
  });

  it("Ctrl-C during a run leaves neither the output file nor a temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "betaens-io-"));
    const out = join(dir, "big.json");
    const bin = fileURLToPath(new URL("../../src/cli/bin.ts", import.meta.url));
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        bin,
        "sample",
        "hermite",
        "--n",
        "2000",
        "--samples",
        "2000",
        "--seed",
        "1",
        "--output",
        out,
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    await new Promise((r) => setTimeout(r, 2500));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((r) =>
      child.on("close", (c, signal) => r(c ?? (signal ? 130 : null))),
    );
    assert.notEqual(code, 0, stderr);
    assert.ok(!existsSync(out), "no output file");
    assert.deepEqual(readdirSync(dir), [], "no temporary file");
  });
});
