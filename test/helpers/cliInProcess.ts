/** Runs the betaens CLI inside the test process (for tests of the worker pool and shards). */
import { main } from "../../src/cli/main.js";

/**
 * Runs `betaens ARGS…` in this process (the CLI's main, as the worker-pool tests need); returns
 * the exit status and what went to stderr.
 */
export async function betaensInProcess(
  args: string[],
): Promise<{ status: number; stderr: string }> {
  const write = process.stderr.write;
  let stderr = "";
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stderr.write;
  try {
    return { status: await main(args), stderr };
  } finally {
    process.stderr.write = write;
  }
}
