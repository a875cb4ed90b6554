/**
 * Statistical assertions shared by the tests. Thresholds are chosen for a false-alarm rate of
 * about 1e-6 per assertion: |z| < 5 (two-sided normal tail 5.7e-7) for means, and a
 * Kolmogorov–Smirnov p-value above 1e-6. With fixed seeds the tests are deterministic; these
 * rates say how unlikely it was that a correct sampler would have failed for the chosen seed.
 */
import assert from "node:assert/strict";
import { ksPValue, ksStatistic, ksTwoSample } from "../../src/statistics/ks.js";

export const Z_LIMIT = 5;
export const P_LIMIT = 1e-6;

/** Asserts that the sample mean of xs matches `expected` within Z_LIMIT standard errors. */
export function assertMean(xs: ArrayLike<number>, expected: number, label: string): number {
  const n = xs.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - mean) ** 2;
  const se = Math.sqrt(ss / (n - 1) / n);
  const z = se > 0 ? (mean - expected) / se : mean === expected ? 0 : Number.POSITIVE_INFINITY;
  assert.ok(
    Math.abs(z) < Z_LIMIT,
    `${label}: mean ${mean} vs exact ${expected} (z = ${z.toFixed(2)}, se = ${se.toExponential(2)})`,
  );
  return z;
}

/** Asserts a one-sample KS test does not reject the exact CDF (p > P_LIMIT). */
export function assertKs(xs: ArrayLike<number>, cdf: (x: number) => number, label: string): number {
  const d = ksStatistic(Float64Array.from(xs), cdf);
  const p = ksPValue(d, xs.length);
  assert.ok(p > P_LIMIT, `${label}: KS D = ${d.toFixed(5)}, p = ${p.toExponential(2)}`);
  return p;
}

/** Asserts a one-sample KS test DOES reject (to show a test has power against a wrong law). */
export function assertKsRejects(
  xs: ArrayLike<number>,
  cdf: (x: number) => number,
  label: string,
): void {
  const d = ksStatistic(Float64Array.from(xs), cdf);
  const p = ksPValue(d, xs.length);
  assert.ok(p < P_LIMIT, `${label}: expected rejection, got KS D = ${d.toFixed(5)}, p = ${p}`);
}

/** Asserts a two-sample KS test does not reject equality of the two laws. */
export function assertSameLaw(x: ArrayLike<number>, y: ArrayLike<number>, label: string): number {
  const { statistic, pValue } = ksTwoSample(Float64Array.from(x), Float64Array.from(y));
  assert.ok(pValue > P_LIMIT, `${label}: two-sample KS D = ${statistic}, p = ${pValue}`);
  return pValue;
}

/** Digamma ψ(x), x > 0: recurrence ψ(x) = ψ(x+1) − 1/x up to x ≥ 8, then DLMF 5.11.2. */
export function digamma(x: number): number {
  let shift = 0;
  while (x < 8) {
    shift -= 1 / x;
    x += 1;
  }
  const r = 1 / (x * x);
  return (
    shift +
    Math.log(x) -
    0.5 / x -
    r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r * (1 / 132)))))
  );
}
