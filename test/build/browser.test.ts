/**
 * The library entry must bundle for a browser: no Node built-ins reachable from src/index.ts
 * (the explorer's Web Worker runs the same code as the CLI). Also: VERSION equals package.json.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { VERSION } from "../../src/version.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("library entry", () => {
  it("bundles for the browser with no Node built-ins", async () => {
    const result = await build({
      entryPoints: [`${ROOT}src/index.ts`],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
    });
    assert.equal(result.errors.length, 0);
    const code = result.outputFiles[0].text;
    assert.ok(!/from\s*["']node:/.test(code), "no node: imports in the browser bundle");
  });

  it("VERSION matches package.json", () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8"));
    assert.equal(VERSION, pkg.version);
  });
});
