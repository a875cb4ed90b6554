/**
 * `betaens serve`: only real paths inside the served folder are served (a symbolic link leading
 * out of it is a 404, one inside it works), and a host that is not an address of this machine is
 * a usage error (exit 2, one line).
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { startStaticServer } from "../../src/cli/serve.js";
import { betaens } from "../helpers/cli.js";

describe("betaens serve", () => {
  it("does not follow symbolic links out of the folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "betaens-serve-links-"));
    const root = join(dir, "site");
    mkdirSync(join(root, "assets"), { recursive: true });
    writeFileSync(join(root, "index.html"), "<!doctype html><title>ok</title>");
    writeFileSync(join(root, "assets", "app.js"), "export {};");
    writeFileSync(join(dir, "secret.txt"), "secret");
    mkdirSync(join(dir, "outside"));
    writeFileSync(join(dir, "outside", "index.html"), "outside");
    symlinkSync(join(dir, "secret.txt"), join(root, "secret.txt"));
    symlinkSync(join(dir, "outside"), join(root, "outside"));
    symlinkSync(join(root, "assets", "app.js"), join(root, "alias.js"));
    const server = await startStaticServer({ root, port: 0 });
    try {
      const status = async (path: string) => (await fetch(new URL(path, server.url))).status;
      assert.equal(await status("/secret.txt"), 404);
      assert.equal(await status("/outside/"), 404);
      assert.equal(await status("/outside/index.html"), 404);
      assert.equal(await status("/alias.js"), 200);
      assert.equal(await status("/assets/app.js"), 200);
      assert.equal(await status("/"), 200);
    } finally {
      await server.close();
    }
  });

  it("--host that is not an address of this machine: exit 2, one line", () => {
    const site = mkdtempSync(join(tmpdir(), "betaens-serve-host-"));
    writeFileSync(join(site, "index.html"), "<!doctype html><title>ok</title>");
    for (const host of ["999.1.1.1", "not a host"]) {
      const r = betaens(["serve", "--host", host, "--port", "0", "--dir", site]);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
      assert.match(r.stderr, /^betaens: error: --host /);
    }
  });
});
