/**
 * `betaens serve`'s static server: MIME types, index.html for "/", 404/403/405, and no path
 * traversal out of the served folder (raw and percent-encoded "..", backslashes, NUL).
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  mimeType,
  resolveRequestPath,
  type StaticServer,
  serveCommand,
  startStaticServer,
} from "../../src/cli/serve.js";

/** A raw GET (the path is sent as is, unlike fetch, which normalises "..") . */
function get(
  url: string,
  path: string,
  method = "GET",
): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"] ?? "", body }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("betaens serve: static server", () => {
  let dir: string;
  let server: StaticServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "betaens-serve-"));
    const root = join(dir, "site");
    mkdirSync(join(root, "assets"), { recursive: true });
    writeFileSync(join(root, "index.html"), "<!doctype html><title>ok</title>");
    writeFileSync(join(root, "assets", "app.js"), "export {};");
    writeFileSync(join(root, "assets", "style.css"), "body{}");
    writeFileSync(join(root, "assets", "x.wasm"), "\0asm");
    writeFileSync(join(dir, "secret.txt"), "do not serve");
    server = await startStaticServer({ root, port: 0 });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 and serves index.html for /", async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await get(server.url, "/");
    assert.equal(r.status, 200);
    assert.equal(r.type, "text/html; charset=utf-8");
    assert.match(r.body, /<title>ok<\/title>/);
  });

  it("sends the right MIME types", async () => {
    assert.equal((await get(server.url, "/assets/app.js")).type, "text/javascript; charset=utf-8");
    assert.equal((await get(server.url, "/assets/style.css")).type, "text/css; charset=utf-8");
    assert.equal((await get(server.url, "/assets/x.wasm")).type, "application/wasm");
    assert.equal(mimeType("a/b.svg"), "image/svg+xml");
    assert.equal(mimeType("a/b.PNG"), "image/png");
    assert.equal(mimeType("a/b.unknown"), "application/octet-stream");
  });

  it("answers 404 for missing files and 405 for other methods", async () => {
    assert.equal((await get(server.url, "/nope.js")).status, 404);
    assert.equal((await get(server.url, "/", "POST")).status, 405);
    const head = await get(server.url, "/assets/app.js", "HEAD");
    assert.equal(head.status, 200);
    assert.equal(head.body, "");
  });

  it("never serves a file outside its folder", async () => {
    for (const path of [
      "/../secret.txt",
      "/assets/../../secret.txt",
      "/%2e%2e/secret.txt",
      "/%2E%2E%2Fsecret.txt",
      "/assets/%2e%2e/%2e%2e/secret.txt",
      "/..%5csecret.txt",
      "/%00index.html",
      "/%zz",
    ]) {
      const r = await get(server.url, path);
      assert.ok(r.status === 403 || r.status === 404, `${path}: status ${r.status}`);
      assert.doesNotMatch(r.body, /do not serve/, path);
    }
    const root = "/srv/site";
    assert.equal(resolveRequestPath(root, "/a/b.js?x=1#y"), "/srv/site/a/b.js");
    assert.equal(resolveRequestPath(root, "//etc/passwd"), "/srv/site/etc/passwd");
    assert.equal(resolveRequestPath(root, "/a/../b.js"), "/srv/site/b.js");
    assert.equal(resolveRequestPath(root, "/../site2/x"), null);
    assert.equal(resolveRequestPath(root, "/%2e%2e/x"), null);
  });

  it("serveCommand rejects bad flags and a --dir without index.html", async () => {
    await assert.rejects(serveCommand(["--port", "-1"]), /--port/);
    await assert.rejects(serveCommand(["--port", "70000"]), /at most 65535/);
    await assert.rejects(serveCommand(["--bogus"]), /bogus/);
    await assert.rejects(serveCommand(["extra"]), /no arguments/);
    await assert.rejects(serveCommand(["--dir", dir, "--port", "0"]), /no index\.html/);
  });
});
