/** A mistake in how betaens was called: reported on one line, exit status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Exit status for an error: 2 for bad usage or bad input (UsageError, RangeError from argument
 * checks), 1 for a failure while running (docs/conventions.md).
 */
export function exitStatusFor(error: unknown): number {
  return error instanceof UsageError || error instanceof RangeError ? 2 : 1;
}

/** The one-line message shown for an error, without a stack trace. */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `betaens: error: ${message.split("\n")[0]}`;
}
