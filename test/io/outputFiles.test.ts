/**
 * Output files (src/io/outputFiles.ts, docs/conventions.md §5): regular files are replaced
 * atomically, device nodes and FIFOs are written in place and survive, symbolic links are
 * followed and kept, bad paths are reported before any work with a one-line reason, and the
 * outputs of a run are committed together. Device nodes and FIFOs are made in a temporary folder
 * (mknod needs root; that case is skipped otherwise) — never /dev/null itself.
 */
import assert from "node:assert/strict";
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  commitOutputs,
  OutputPathError,
  planOutput,
  prepareFolder,
  writeFileAtomic,
} from "../../src/io/outputFiles.js";
import { characterDevice, throughFifo } from "../helpers/fifo.js";

const temporaryFolder = () => mkdtempSync(join(tmpdir(), "betaens-out-"));

describe("planOutput: checked before any work", () => {
  it("new and existing regular files are replaced atomically", () => {
    const dir = temporaryFolder();
    assert.deepEqual(planOutput(join(dir, "a.json")), {
      path: join(dir, "a.json"),
      target: join(dir, "a.json"),
      mode: "replace",
    });
    writeFileSync(join(dir, "b.json"), "old");
    assert.equal(planOutput(join(dir, "b.json")).mode, "replace");
  });

  it("reports a missing folder, a folder, a file used as a folder, with the path as given", () => {
    const dir = temporaryFolder();
    writeFileSync(join(dir, "file"), "");
    const cases: [string, RegExp][] = [
      [
        join(dir, "nonexistent", "x.json"),
        /^cannot write .*x\.json: no such folder '.*nonexistent'$/,
      ],
      [dir, /: it is a folder$/],
      [`${dir}/`, /: it is a folder$/],
      [join(dir, "file", "x.json"), /: '.*file' is not a folder$/],
      ["", /empty path/],
    ];
    for (const [path, pattern] of cases) {
      assert.throws(
        () => planOutput(path),
        (error: Error) => error instanceof OutputPathError && pattern.test(error.message),
        path,
      );
    }
  });

  it("a socket is refused (neither a regular file, a character device nor a FIFO)", async () => {
    const dir = temporaryFolder();
    const { createServer } = await import("node:net");
    const server = createServer();
    const path = join(dir, "socket");
    await new Promise<void>((done) => server.listen(path, done));
    try {
      assert.throws(() => planOutput(path), /not a regular file, a character device or a FIFO/);
    } finally {
      server.close();
    }
  });
});

describe("device nodes, FIFOs and symbolic links are never replaced", () => {
  it("a FIFO is written in place and is still a FIFO afterwards", async () => {
    const dir = temporaryFolder();
    const bytes = await throughFifo(dir, "pipe", (fifo) =>
      writeFileAtomic(fifo, "through the pipe\n"),
    );
    assert.equal(bytes.toString("utf8"), "through the pipe\n");
    assert.deepEqual(readdirSync(dir).sort(), ["copy", "pipe"]);
  });

  it("a character device (a /dev/null made in a temporary folder) survives", (t) => {
    const dir = temporaryFolder();
    const device = characterDevice(dir, "null", t);
    if (device === undefined) return;
    assert.equal(planOutput(device).mode, "direct");
    writeFileAtomic(device, new Uint8Array(1000));
    assert.ok(lstatSync(device).isCharacterDevice(), "the device node was replaced");
    assert.equal(statSync(device).rdev, statSync("/dev/null").rdev);
    assert.deepEqual(readdirSync(dir), ["null"], "no temporary file left");
  });

  it("a symbolic link is followed: its target is replaced, the link is kept", () => {
    const dir = temporaryFolder();
    mkdirSync(join(dir, "real"));
    writeFileSync(join(dir, "real", "data.json"), "old");
    symlinkSync(join("real", "data.json"), join(dir, "link.json"));
    writeFileAtomic(join(dir, "link.json"), "new");
    assert.ok(lstatSync(join(dir, "link.json")).isSymbolicLink(), "the link was replaced");
    assert.equal(readlinkSync(join(dir, "link.json")), join("real", "data.json"));
    assert.equal(readFileSync(join(dir, "real", "data.json"), "utf8"), "new");
    assert.deepEqual(readdirSync(join(dir, "real")), ["data.json"]);
  });

  it("a dangling symbolic link creates its target", () => {
    const dir = temporaryFolder();
    symlinkSync("target.json", join(dir, "link.json"));
    writeFileAtomic(join(dir, "link.json"), "made");
    assert.ok(lstatSync(join(dir, "link.json")).isSymbolicLink());
    assert.equal(readFileSync(join(dir, "target.json"), "utf8"), "made");
  });

  it("a link to /dev/stdout writes to standard output", () => {
    const dir = temporaryFolder();
    symlinkSync("/dev/stdout", join(dir, "out"));
    assert.equal(planOutput(join(dir, "out")).mode, "stdout");
    assert.equal(planOutput("/dev/stdout").mode, "stdout");
  });
});

describe("commitOutputs: all outputs of a run or none", () => {
  it("when the second output cannot be written, the first is not left behind", () => {
    const dir = temporaryFolder();
    mkdirSync(join(dir, "sub"));
    const first = planOutput(join(dir, "first.json"));
    const second = planOutput(join(dir, "sub", "second.svg"));
    rmSync(join(dir, "sub"), { recursive: true });
    assert.throws(
      () =>
        commitOutputs([
          { output: first, data: "1" },
          { output: second, data: "2" },
        ]),
      /^Error: cannot write .*second\.svg: its folder does not exist \(any more\)$/,
    );
    assert.deepEqual(readdirSync(dir), [], "nothing written, no temporary file");
  });
});

describe("prepareFolder (betaens demo --out)", () => {
  it("creates a missing folder, accepts an existing one, refuses a file and a missing parent", () => {
    const dir = temporaryFolder();
    prepareFolder(join(dir, "new"));
    assert.ok(statSync(join(dir, "new")).isDirectory());
    prepareFolder(join(dir, "new"));
    writeFileSync(join(dir, "file"), "");
    assert.throws(() => prepareFolder(join(dir, "file")), /not a folder/);
    assert.throws(() => prepareFolder(join(dir, "a", "b")), /no such folder/);
  });

  it("a folder that cannot be created (under /proc) is an error, not a hang", () => {
    assert.throws(() => prepareFolder("/proc/betaens-demo"), OutputPathError);
  });
});
