/**
 * Argument checks shared by the ensemble models. Each throws a RangeError whose message names
 * the parameter, the rule and the value, so the CLI can show it as a one-line error.
 */

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
