/**
 * What every command does with its outputs, seed and first sample (docs/conventions.md §3, §5):
 * paths checked before any work, all outputs written together and atomically, the drawn seed
 * reported when the output cannot carry it, and a closed stdout pipe ending the run quietly.
 */
import { randomInt } from "node:crypto";
import { formatResult, type OutputFormat, type Tabular } from "../io/format.js";
import { commitOutputs, type OutputTarget, planOutput } from "../io/outputFiles.js";
import { type FlagValues, flagString, parseInteger, quote } from "./args.js";
import { UsageError } from "./errors.js";

const FORMATS: readonly OutputFormat[] = ["json", "csv", "npy"];

/**
 * The output format: --format if given, else from the --output extension, else JSON. A --format
 * that contradicts the extension of --output (x.csv with --format json) is a usage error, as is a
 * format outside `allowed`.
 */
export function chooseFormat(
  format: string | undefined,
  output: string | undefined,
  allowed: readonly OutputFormat[] = FORMATS,
): OutputFormat {
  const extension = output?.toLowerCase().match(/\.(json|csv|npy)$/)?.[1] as
    | OutputFormat
    | undefined;
  if (format !== undefined) {
    if (!(allowed as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${allowed.join(", ")}; got ${quote(format)}`);
    }
    if (extension !== undefined && extension !== format) {
      throw new UsageError(
        `--format ${format} does not match the extension of --output ${quote(output ?? "")}`,
      );
    }
    return format as OutputFormat;
  }
  const chosen = extension ?? "json";
  if (!allowed.includes(chosen)) {
    throw new UsageError(
      `--output must name a ${allowed.map((f) => `.${f}`).join(" or ")} file, got ${quote(output ?? "")}`,
    );
  }
  return chosen;
}

/** The checked outputs of a run: the data format and where the data and the figures go. */
export interface RunOutputs {
  format: OutputFormat;
  /** --output, or undefined for stdout. */
  output?: OutputTarget;
  /** --plot (an SVG file). */
  plot?: OutputTarget;
  /** Further figures by flag name (e.g. "plot-histogram"), each an SVG file. */
  figures?: Record<string, OutputTarget>;
}

/**
 * Reads --format, --output and --plot (and the figure flags in `options.figures`) and checks them
 * BEFORE any work (docs/conventions.md §5): format and extension agree, each figure is an .svg,
 * every path can be written, no two name the same file, and NPY is not about to be written to a
 * terminal.
 */
export function planRunOutputs(
  values: FlagValues,
  options: { formats?: readonly OutputFormat[]; plot?: boolean; figures?: readonly string[] } = {},
): RunOutputs {
  const outputPath = flagString(values, "output");
  const format = chooseFormat(flagString(values, "format"), outputPath, options.formats);
  const figureFlags = [...(options.plot === false ? [] : ["plot"]), ...(options.figures ?? [])];
  const planned: [string, OutputTarget][] = [];
  for (const flag of figureFlags) {
    const path = flagString(values, flag);
    if (path === undefined) continue;
    if (!path.toLowerCase().endsWith(".svg")) {
      throw new UsageError(`--${flag} must name an .svg file, got ${quote(path)}`);
    }
    planned.push([flag, planOutput(path)]);
  }
  const output = outputPath === undefined ? undefined : planOutput(outputPath);
  const all: [string, OutputTarget][] = output ? [["output", output], ...planned] : planned;
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const [a, x] = all[i];
      const [b, y] = all[j];
      if (x.mode !== "stdout" && y.mode !== "stdout" && x.target === y.target) {
        throw new UsageError(`--${a} and --${b} name the same file`);
      }
    }
  }
  const binaryToTerminal = (target: OutputTarget | undefined) =>
    target === undefined || target.mode === "stdout";
  if (format === "npy" && binaryToTerminal(output) && process.stdout.isTTY) {
    throw new UsageError("refusing to write binary NPY to a terminal; use --output FILE.npy");
  }
  const plan: RunOutputs = { format, output };
  const figures: Record<string, OutputTarget> = {};
  for (const [flag, target] of planned) {
    if (flag === "plot") plan.plot = target;
    else figures[flag] = target;
  }
  if (Object.keys(figures).length > 0) plan.figures = figures;
  return plan;
}

/**
 * Writes a run's data (to --output or stdout) and its figure together: the files are committed
 * first (atomically, all or none), stdout last. `payload` overrides the formatted result (for
 * commands with their own table layout).
 */
export function writeRunOutputs(
  plan: RunOutputs,
  result: object & Tabular,
  figure?: () => string,
  payload: string | Uint8Array = formatResult(result, plan.format),
  figures: Record<string, () => string> = {},
): void {
  const items: { output: OutputTarget; data: string | Uint8Array }[] = [];
  if (plan.plot && figure) items.push({ output: plan.plot, data: figure() });
  for (const [flag, target] of Object.entries(plan.figures ?? {})) {
    const draw = figures[flag];
    if (draw) items.push({ output: target, data: draw() });
  }
  if (plan.output) items.push({ output: plan.output, data: payload });
  commitOutputs(items);
  if (!plan.output) process.stdout.write(payload);
}

/** Characters per number of JSON or CSV text (up to 24 for a double, plus a separator). */
const TEXT_BYTES_PER_NUMBER = 25;

/** Size of the text a result of `values` numbers becomes in `format` (0 for binary NPY). */
export function textBytesOf(values: number, format: OutputFormat): number {
  return format === "npy" ? 0 : values * TEXT_BYTES_PER_NUMBER;
}

/** The seed of a run and whether it was drawn (no --seed given). */
export interface Seed {
  seed: number;
  drawn: boolean;
}

/** The seed: --seed if given (an integer in [0, 2^53 − 1]), else a random one in [0, 2^47). */
export function chooseSeed(values: FlagValues): Seed {
  const text = flagString(values, "seed");
  if (text !== undefined) return { seed: parseInteger("seed", text, 0), drawn: false };
  return { seed: randomInt(0, 2 ** 47), drawn: true };
}

/**
 * Reports a drawn seed on stderr (`betaens: seed 123`) when the output format cannot carry it
 * (CSV, NPY), so that every run can be reproduced. Call after the checks, before the work.
 */
export function announceSeed(seed: Seed, format: OutputFormat): void {
  if (seed.drawn && format !== "json") process.stderr.write(`betaens: seed ${seed.seed}\n`);
}

/**
 * --first-sample F (default 0): the run draws samples F … F + S − 1 (docs/conventions.md §3);
 * F + S must stay below 2^53.
 */
export function parseFirstSample(values: FlagValues, samples: number): number {
  const text = flagString(values, "first-sample");
  if (text === undefined) return 0;
  const first = parseInteger("first-sample", text, 0);
  if (!Number.isSafeInteger(first + samples)) {
    throw new UsageError("--first-sample + --samples must be below 2^53");
  }
  return first;
}

let pipeHandlersInstalled = false;

/**
 * A closed stdout pipe (`betaens … | head`) ends the run quietly with status 0, as for `cat` and
 * `seq`; a closed stderr is ignored. Installed once per process by the CLI's entry.
 */
export function handleClosedPipes(): void {
  if (pipeHandlersInstalled) return;
  pipeHandlersInstalled = true;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    process.stderr.write(`betaens: error: cannot write to standard output: ${error.message}\n`);
    process.exit(1);
  });
  process.stderr.on("error", () => {});
}
