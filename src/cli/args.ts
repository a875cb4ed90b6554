import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

export type FlagValues = Record<string, string | boolean | undefined>;

/**
 * Parses `argv` against the allowed string flags (node's util.parseArgs, strict): unknown flags,
 * missing values and repeated flags are usage errors. Returns the flag values and positionals.
 */
export function parseFlags(
  argv: string[],
  stringFlags: readonly string[],
  booleanFlags: readonly string[] = [],
): { values: FlagValues; positionals: string[] } {
  const options: Record<string, { type: "string" | "boolean" }> = {};
  for (const f of stringFlags) options[f] = { type: "string" };
  for (const f of booleanFlags) options[f] = { type: "boolean" };
  try {
    const { values, positionals } = parseArgs({
      args: attachDashValues(argv, stringFlags),
      options,
      strict: true,
      allowPositionals: true,
    });
    return { values: values as FlagValues, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // node's messages span lines ("… ambiguous.\nDid you forget …\nTo specify … use '--x=-XYZ'."):
    // keep them on one line, hint included.
    throw new UsageError(message.replace(/\s*\n\s*/g, " "));
  }
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
    throw new UsageError(`--${flag} must be a number, got "${text}"`);
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) throw new UsageError(`--${flag} must be finite, got "${text}"`);
  return value;
}

/** Parses an integer, accepting "1e6"-style notation; checks value ≥ min. */
export function parseInteger(flag: string, text: string, min: number): number {
  const value = parseNumber(flag, text);
  if (!Number.isInteger(value)) throw new UsageError(`--${flag} must be an integer, got "${text}"`);
  if (value < min) throw new UsageError(`--${flag} must be >= ${min}, got ${value}`);
  if (!Number.isSafeInteger(value)) throw new UsageError(`--${flag} is too large: ${text}`);
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
    throw new UsageError(`--${flag} must be one of ${choices.join(", ")}; got "${text}"`);
  }
  return text as T;
}
