import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

export type FlagValues = Record<string, string | boolean | undefined>;

/** At most this many characters of a user's input are quoted back in an error message. */
const QUOTE_LIMIT = 80;

/** `"text"`, shortened to about 80 characters with "…" (error messages quote inputs this way). */
export function quote(text: string): string {
  return `"${text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT - 1)}…` : text}"`;
}

/**
 * Parses `argv` against the allowed string flags (node's util.parseArgs, strict): unknown flags,
 * missing values and flags given twice are usage errors (their messages end with a pointer to
 * `betaens help <command>` when `command` is given). Returns the flag values and positionals.
 */
export function parseFlags(
  argv: string[],
  stringFlags: readonly string[],
  booleanFlags: readonly string[] = [],
  command?: string,
): { values: FlagValues; positionals: string[] } {
  const options: Record<string, { type: "string" | "boolean" }> = {};
  for (const f of stringFlags) options[f] = { type: "string" };
  for (const f of booleanFlags) options[f] = { type: "boolean" };
  const help = command ? `; run "betaens help ${command}"` : "";
  let parsed: {
    values: Record<string, unknown>;
    positionals: string[];
    tokens?: { kind: string; name?: string }[];
  };
  try {
    parsed = parseArgs({
      args: attachDashValues(argv, stringFlags),
      options,
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError(parseErrorMessage(error, help));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option" || token.name === undefined) continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given twice${help}`);
    seen.add(token.name);
  }
  return { values: parsed.values as FlagValues, positionals: parsed.positionals };
}

/** Our one-line wording of node's parseArgs errors (whose messages span lines and quote oddly). */
function parseErrorMessage(error: unknown, help: string): string {
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  const option = /^(?:Unknown option|Option) '([^' ]+)/.exec(message)?.[1];
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option !== undefined) {
    return `unknown option ${quote(option)}${help}`;
  }
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option !== undefined) {
    if (/does not take an argument/.test(message)) return `${option} does not take a value`;
    if (/ambiguous/.test(message)) {
      return `${option} needs a value (write ${option}=VALUE for a value starting with "-")`;
    }
    return `${option} needs a value`;
  }
  return message.replace(/\s*\n\s*/g, " ");
}

/**
 * "--x -3,-1" → "--x=-3,-1" for the given string flags: node's parseArgs refuses a value that
 * starts with "-" after a space, but Tracy–Widom arguments are mostly negative (and potentials
 * may start with a minus sign). A following token that starts with "--" stays a flag.
 */
export function attachDashValues(argv: string[], flags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    const next = argv[i + 1];
    if (
      token.startsWith("--") &&
      flags.includes(token.slice(2)) &&
      next !== undefined &&
      next.length > 1 &&
      next.startsWith("-") &&
      !next.startsWith("--")
    ) {
      out.push(`${token}=${next}`);
      i++;
    } else {
      out.push(token);
    }
  }
  return out;
}

/** Parses a finite decimal number ("2.5", "1e6", "-3"); rejects NaN, Infinity and junk. */
export function parseNumber(flag: string, text: string): number {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
    throw new UsageError(`--${flag} must be a number, got ${quote(text)}`);
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) throw new UsageError(`--${flag} must be finite, got ${quote(text)}`);
  return value;
}

/** Parses an integer, accepting "1e6"-style notation; checks value ≥ min. */
export function parseInteger(flag: string, text: string, min: number): number {
  const value = parseNumber(flag, text);
  if (!Number.isInteger(value)) {
    throw new UsageError(`--${flag} must be an integer, got ${quote(text)}`);
  }
  if (value < min) throw new UsageError(`--${flag} must be >= ${min}, got ${value}`);
  if (!Number.isSafeInteger(value)) {
    throw new UsageError(`--${flag} is too large: ${quote(text)} (at most 2^53 - 1)`);
  }
  return value;
}

/** Parses a comma-separated list of numbers. */
export function parseNumberList(flag: string, text: string): number[] {
  return text.split(",").map((part) => parseNumber(flag, part));
}

/** The string value of a flag, or undefined. */
export function flagString(values: FlagValues, flag: string): string | undefined {
  const v = values[flag];
  return typeof v === "string" ? v : undefined;
}

/** Checks that a flag's value is one of the allowed choices. */
export function parseChoice<T extends string>(
  flag: string,
  text: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (text === undefined) return fallback;
  if (!(choices as readonly string[]).includes(text)) {
    throw new UsageError(`--${flag} must be one of ${choices.join(", ")}; got ${quote(text)}`);
  }
  return text as T;
}
