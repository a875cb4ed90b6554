/** Runs the betaens CLI from source (tsx) in a child process, as a user would. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

/**
 * Runs `betaens ARGS…` and asserts a usage error: exit status 2, nothing on stdout, one line on
 * stderr starting "betaens: error: " and matching `pattern`. Returns that line.
 */
export function usageError(args: string[], pattern: RegExp): string {
  const r = betaens(args);
  assert.equal(r.status, 2, `${args.join(" ")}: status ${r.status}, stderr ${r.stderr}`);
  assert.equal(r.stdout, "");
  const lines = r.stderr.trim().split("\n");
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /^betaens: error: /);
  assert.match(lines[0], pattern);
  return lines[0];
}

/**
 * Runs `betaens ARGS… | head -c 10` (the reader closes the pipe early); returns betaens's own exit
 * status and what it wrote on stderr.
 */
export function throughClosedPipe(args: string[]): { status: number; stderr: string } {
  const errors = join(mkdtempSync(join(tmpdir(), "betaens-pipe-")), "stderr");
  const r = spawnSync(
    "bash",
    [
      "-c",
      'node --import tsx "$0" "$@" 2>"$STDERR_FILE" | head -c 10 >/dev/null; echo "$((PIPESTATUS[0]))"',
      BIN,
      ...args,
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, STDERR_FILE: errors, BETAENS_DEBUG: "" },
    },
  );
  assert.equal(r.status, 0, r.stderr);
  return { status: Number(r.stdout.trim()), stderr: readFileSync(errors, "utf8") };
}
