/** Runs the betaens CLI from source (tsx) in a child process, as a user would. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = join(ROOT, "src/cli/bin.ts");

/** Runs `betaens ARGS…`; returns the exit status and both outputs. */
export function betaens(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, BETAENS_DEBUG: "" },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `betaens ARGS…`, asserts success and parses the JSON it prints. */
export function betaensJson(args: string[]): Record<string, unknown> {
  const r = betaens(args);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}
