/** A mistake in how betaens was called: reported on one line, exit status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Exit status for an error (docs/conventions.md §6): 2 for bad usage or bad input — UsageError,
 * and RangeError from argument checks, output-path checks (OutputPathError) and refusals
 * (BudgetError) — and 1 for a failure while running.
 */
export function exitStatusFor(error: unknown): number {
  return error instanceof UsageError || error instanceof RangeError ? 2 : 1;
}

/** Quoted parts of a message longer than this are shortened (a pasted potential, a long list). */
const QUOTED_LIMIT = 80;
/** Longest error line, in characters. */
const LINE_LIMIT = 400;

/**
 * The one-line message shown for an error, without a stack trace: the first line of the message,
 * every quoted input ("…" or '…') shortened to about 80 characters, the whole at most 400.
 */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split("\n")[0];
  const shortened = first.replace(
    new RegExp(`(["'])([^"'\\n]{${QUOTED_LIMIT + 1},})\\1`, "g"),
    (_match, mark: string, body: string) => `${mark}${body.slice(0, QUOTED_LIMIT - 1)}…${mark}`,
  );
  const line = `betaens: error: ${shortened}`;
  return line.length > LINE_LIMIT ? `${line.slice(0, LINE_LIMIT - 1)}…` : line;
}
