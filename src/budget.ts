/**
 * The one refusal policy of betaens (docs/conventions.md §6): every command and every library
 * entry point whose cost grows without bound estimates its memory and time before it allocates or
 * computes anything, and refuses — a RangeError (BudgetError) whose message gives the estimate,
 * the limit and what to change — a run that would exhaust memory or take longer than half an hour.
 * Browser-safe (no Node APIs).
 *
 * Usage: `checkBudget({ what: "this run", bytes, seconds }, "use --stat max")`, or with
 * `operations` instead of `seconds` (converted at BUDGET.operationsPerSecond, ≈ one core here).
 */

/** An up-front estimate of a computation's cost. */
export interface CostEstimate {
  /** What is estimated, the subject of the message: "this run", "hermiteEigenvalues(n = 1e9)". */
  what: string;
  /** Peak memory in bytes (typed arrays alive at once, kept results). */
  bytes?: number;
  /** Time on one core, in seconds. */
  seconds?: number;
  /** Or: elementary steps, converted to seconds at BUDGET.operationsPerSecond. */
  operations?: number;
  /** Characters of JSON or CSV text the result becomes (bounded by the longest string). */
  textBytes?: number;
  /**
   * The threads the computation runs on (`--workers K`): the time above is divided by the
   * speed-up and every worker thread adds its memory (parallelEstimate). Absent: one thread.
   */
  threads?: Threads;
}

/** K worker threads on a machine with `cores` cores, each needing `bytesPerWorker` for its work. */
export interface Threads {
  workers: number;
  cores: number;
  /** Memory of one worker's work (its sampler's arrays, its blocks of rows), beyond the thread. */
  bytesPerWorker?: number;
}

/**
 * Fraction of a linear speed-up counted for K threads on min(K, cores) cores: 2 threads on 2
 * idle cores ran 1.8–1.9× one thread (bench/scale.ts, docs/scale.md), so 0.9.
 */
export const PARALLEL_EFFICIENCY = 0.9;

/**
 * Memory of one worker thread besides its work: a V8 isolate with its capped young generation and
 * the driver's code (λ_max, 1e5 samples: 89 MiB peak RSS on one thread, 105 MiB on 2 workers).
 */
export const WORKER_THREAD_BYTES = 16 * 1024 ** 2;

/**
 * The estimate of a computation spread over threads: seconds / max(1, min(K, cores) · 0.9) and
 * bytes + K · (WORKER_THREAD_BYTES + bytesPerWorker); unchanged for one thread (K ≤ 1).
 * @example
 * parallelEstimate({ what: "this run", seconds: 100, bytes: 1e6 }, { workers: 2, cores: 2 })
 * // → seconds ≈ 55.6, bytes = 1e6 + 2 · 16 MiB
 */
export function parallelEstimate(estimate: CostEstimate): CostEstimate {
  const { threads, ...single } = estimate;
  if (!threads || !(threads.workers > 1)) return single;
  const k = Math.floor(threads.workers);
  const speedup = Math.max(1, Math.min(k, Math.max(1, threads.cores)) * PARALLEL_EFFICIENCY);
  return {
    ...single,
    seconds: estimatedSeconds(single) / speedup,
    operations: undefined,
    bytes: (single.bytes ?? 0) + k * (WORKER_THREAD_BYTES + (threads.bytesPerWorker ?? 0)),
  };
}

/** The limits. Mutable only through setBudget. */
export interface Budget {
  /** Memory limit in bytes (8 GiB). */
  maxBytes: number;
  /** Time limit in seconds (30 minutes). */
  maxSeconds: number;
  /** Conversion of CostEstimate.operations to seconds (≈ 1e8 simple floating-point steps/s). */
  operationsPerSecond: number;
  /** Longest text output: a JavaScript string holds at most 2^29 − 24 characters (V8). */
  maxTextBytes: number;
}

const DEFAULT_BUDGET: Readonly<Budget> = Object.freeze({
  maxBytes: 8 * 1024 ** 3,
  maxSeconds: 1800,
  operationsPerSecond: 1e8,
  maxTextBytes: 2 ** 29 - 24,
});

const current: Budget = { ...DEFAULT_BUDGET };

/** The limits in force (a copy). */
export function getBudget(): Budget {
  return { ...current };
}

/**
 * Changes the limits for this process (library users with a bigger machine or more patience);
 * returns the previous limits. `setBudget()` restores the defaults.
 * @example
 * import { setBudget } from "betaens";
 * const previous = setBudget({ maxSeconds: 4 * 3600 }); // allow runs of up to four hours
 * // … long computations …
 * setBudget(previous);
 */
export function setBudget(limits: Partial<Budget> = DEFAULT_BUDGET): Budget {
  const previous = getBudget();
  for (const key of Object.keys(DEFAULT_BUDGET) as (keyof Budget)[]) {
    const value = limits[key];
    if (value === undefined) continue;
    if (!(value > 0)) throw new RangeError(`budget ${key} must be > 0, got ${value}`);
    current[key] = value;
  }
  return previous;
}

/** A refused computation: a RangeError (exit status 2 on the command line) with its estimate. */
export class BudgetError extends RangeError {
  override name = "BudgetError";
  constructor(
    message: string,
    readonly estimate: { what: string; bytes: number; seconds: number; textBytes: number },
  ) {
    super(message);
  }
}

/** "12 GiB", "3.4 TiB", "512 MiB": binary units, two significant digits. */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : Number(value.toPrecision(2))} ${units[unit]}`;
}

/** "40 seconds", "25 minutes", "3.2 hours", "12 days", "4.1e+3 years". */
export function formatDuration(seconds: number): string {
  const round = (x: number) => (x < 10 ? Number(x.toPrecision(2)) : Math.round(x));
  if (seconds < 90) return `${round(seconds)} seconds`;
  if (seconds < 90 * 60) return `${round(seconds / 60)} minutes`;
  if (seconds < 48 * 3600) return `${round(seconds / 3600)} hours`;
  const days = seconds / 86400;
  if (days < 730) return `${round(days)} days`;
  const years = days / 365.25;
  return `${years < 1e4 ? round(years) : years.toExponential(1)} years`;
}

/**
 * Seconds of an estimate (seconds, or operations at the budget's rate; 0 if neither), divided by
 * the speed-up of its threads when it has any (parallelEstimate).
 */
export function estimatedSeconds(estimate: CostEstimate): number {
  if (estimate.threads) return estimatedSeconds(parallelEstimate(estimate));
  return estimate.seconds ?? (estimate.operations ?? 0) / current.operationsPerSecond;
}

/** Which limit an estimate exceeds. */
export type BudgetLimit = "memory" | "time" | "text";

/**
 * Throws a BudgetError if the estimate exceeds the memory, time or text-size limit (checked in
 * that order); the message is "<what> would need about 12 GiB of memory (limit 8 GiB); <advice>",
 * with `advice` a fixed text or chosen by the limit exceeded. Returns the estimate's bytes and
 * seconds otherwise (on its threads, when it has any: parallelEstimate). Non-finite estimates
 * count as over the limit.
 */
export function checkBudget(
  given: CostEstimate,
  advice?: string | ((limit: BudgetLimit) => string | undefined),
): { bytes: number; seconds: number } {
  const estimate = parallelEstimate(given);
  const bytes = estimate.bytes ?? 0;
  const seconds = estimatedSeconds(estimate);
  const textBytes = estimate.textBytes ?? 0;
  const details = { what: estimate.what, bytes, seconds, textBytes };
  const refuse = (limit: BudgetLimit, text: string): never => {
    const hint = typeof advice === "function" ? advice(limit) : advice;
    throw new BudgetError(`${estimate.what} ${text}${hint ? `; ${hint}` : ""}`, details);
  };
  if (!(bytes <= current.maxBytes)) {
    refuse(
      "memory",
      `would need about ${formatBytes(bytes)} of memory (limit ${formatBytes(current.maxBytes)})`,
    );
  }
  if (!(seconds <= current.maxSeconds)) {
    refuse(
      "time",
      `would take about ${formatDuration(seconds)} (limit ${formatDuration(current.maxSeconds)})`,
    );
  }
  if (!(textBytes <= current.maxTextBytes)) {
    refuse(
      "text",
      `would write about ${formatBytes(textBytes)} of text, more than one string holds (${formatBytes(current.maxTextBytes)})`,
    );
  }
  return { bytes, seconds };
}
