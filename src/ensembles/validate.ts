/**
 * Argument checks shared by the ensemble models. Each throws a RangeError whose message names
 * the parameter, the rule and the value, so the CLI can show it as a one-line error.
 */
import { checkBudget } from "../budget.js";

/** Checks that n is an integer ≥ 1. */
export function checkSize(n: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`n must be an integer >= 1, got ${n}`);
  }
}

/** Checks that β is a finite number ≥ 0 (β = 0 means independent draws). */
export function checkBeta(beta: number): void {
  if (!Number.isFinite(beta) || beta < 0) {
    throw new RangeError(`beta must be a finite number >= 0, got ${beta}`);
  }
}

/** Checks that a named parameter is a finite number > 0. */
export function checkPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
  }
}

/** Checks that a named parameter is a finite number. */
export function checkFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${value}`);
  }
}

/**
 * Throws a TypeError unless `rng` is a random source (createRandomSource(seed, sample)): every
 * sampler takes its random source explicitly as its first argument.
 */
export function checkRandomSource(rng: unknown): void {
  const source = rng as { uniform?: unknown; uint32?: unknown } | null | undefined;
  if (typeof source?.uniform !== "function" || typeof source.uint32 !== "function") {
    throw new TypeError(
      `the first argument must be a random source, e.g. createRandomSource(seed, sample); got ${source === null ? "null" : typeof rng}`,
    );
  }
}

/**
 * The shared budget (src/budget.ts) for one call of a sampler: `doubles` Float64 values alive at
 * once and `operations` elementary steps (≈ 1e8 per second). Throws a BudgetError (a RangeError)
 * naming the call, e.g. "hermiteEigenvalues(n = 1e9) would need about 45 GiB of memory …".
 */
export function checkSamplerCost(
  name: string,
  n: number,
  doubles: number,
  operations: number,
  advice?: string,
): void {
  const shown = n >= 1e5 ? n.toExponential().replace("e+", "e") : String(n);
  checkBudget({ what: `${name}(n = ${shown})`, bytes: 8 * doubles, operations }, advice);
}
