import { randomInt } from "node:crypto";
import { writeFileAtomic } from "../io/atomicWrite.js";
import { formatResult, type OutputFormat, type Tabular } from "../io/format.js";
import { UsageError } from "./errors.js";

/** The output format: --format if given, else from the --output extension, else JSON. */
export function chooseFormat(format: string | undefined, output: string | undefined): OutputFormat {
  if (format !== undefined) {
    if (format !== "json" && format !== "csv" && format !== "npy") {
      throw new UsageError(`--format must be one of json, csv, npy; got "${format}"`);
    }
    return format;
  }
  const extension = output?.toLowerCase().match(/\.(json|csv|npy)$/)?.[1];
  return (extension as OutputFormat | undefined) ?? "json";
}

/** Writes a result to --output (atomically) or to stdout. Refuses binary output to a terminal. */
export function writeResult(
  result: object & Tabular,
  format: OutputFormat,
  output: string | undefined,
): void {
  const payload = formatResult(result, format);
  if (output !== undefined) {
    writeFileAtomic(output, payload);
    return;
  }
  if (typeof payload !== "string" && process.stdout.isTTY) {
    throw new UsageError("refusing to write binary NPY to a terminal; use --output FILE.npy");
  }
  process.stdout.write(payload);
}

/** The seed: --seed if given (a non-negative integer), else a fresh random one (reported). */
export function chooseSeed(seedText: string | undefined, parse: (text: string) => number): number {
  if (seedText !== undefined) return parse(seedText);
  return randomInt(0, 2 ** 47);
}
