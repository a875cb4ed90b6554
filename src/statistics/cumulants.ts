/**
 * Sample cumulants κ₁…κ₄ with standard errors: Fisher's k-statistics (the unbiased estimators of
 * the cumulants) and their delete-one jackknife standard errors, in O(S) for S values.
 */

/**
 * k-statistics from the power sums s_r = Σ x_i^r of n values (Fisher 1930; Kendall & Stuart,
 * The Advanced Theory of Statistics, vol. 1, §12.9): E k_j = κ_j exactly for j = 1..4.
 *   k₁ = s₁/n,  k₂ = (n s₂ − s₁²)/(n(n−1)),  k₃ = (n² s₃ − 3n s₂ s₁ + 2 s₁³)/(n(n−1)(n−2)),
 *   k₄ = ((n³ + n²) s₄ − 4(n² + n) s₃ s₁ − 3(n² − n) s₂² + 12 n s₂ s₁² − 6 s₁⁴)/(n(n−1)(n−2)(n−3)).
 * NaN where n is too small (k₂ needs n ≥ 2, k₃ n ≥ 3, k₄ n ≥ 4).
 */
export function kStatisticsFromPowerSums(
  n: number,
  s1: number,
  s2: number,
  s3: number,
  s4: number,
): [number, number, number, number] {
  const k1 = s1 / n;
  const k2 = n >= 2 ? (n * s2 - s1 * s1) / (n * (n - 1)) : Number.NaN;
  const k3 =
    n >= 3
      ? (n * n * s3 - 3 * n * s2 * s1 + 2 * s1 * s1 * s1) / (n * (n - 1) * (n - 2))
      : Number.NaN;
  const k4 =
    n >= 4
      ? ((n * n * n + n * n) * s4 -
          4 * (n * n + n) * s3 * s1 -
          3 * (n * n - n) * s2 * s2 +
          12 * n * s2 * s1 * s1 -
          6 * s1 * s1 * s1 * s1) /
        (n * (n - 1) * (n - 2) * (n - 3))
      : Number.NaN;
  return [k1, k2, k3, k4];
}

/** Sample cumulants with standard errors. */
export interface CumulantEstimates {
  /** Number of values. */
  n: number;
  /** k-statistics k₁, k₂, k₃, k₄ (unbiased for κ₁…κ₄). */
  cumulants: [number, number, number, number];
  /** Delete-one jackknife standard errors of the four k-statistics. */
  standardErrors: [number, number, number, number];
}

/**
 * k-statistics of `values` and their jackknife standard errors (Efron & Stein 1981; Efron &
 * Tibshirani, An Introduction to the Bootstrap, ch. 11): with k^(−i) the k-statistics of the
 * values without x_i, SE² = ((n−1)/n) Σ_i (k^(−i) − mean_i k^(−i))². The data are centred at their
 * mean first (k₂…k₄ are shift-invariant) so the power sums do not cancel; each k^(−i) comes from
 * the power sums minus x_i's terms, O(1) each. Needs n ≥ 5 (k₄ of n − 1 ≥ 4 values).
 *
 * @example
 * ```ts
 * const { cumulants, standardErrors } = sampleCumulants(values);
 * // cumulants[1] ± standardErrors[1] estimates the variance of the underlying law
 * ```
 */
export function sampleCumulants(values: ArrayLike<number>): CumulantEstimates {
  const n = values.length;
  if (n < 5) throw new RangeError(`sampleCumulants needs at least 5 values, got ${n}`);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) throw new RangeError(`sampleCumulants: value ${i} is ${x}`);
    mean += x;
  }
  mean /= n;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    const d2 = d * d;
    s1 += d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  const centred = kStatisticsFromPowerSums(n, s1, s2, s3, s4);
  const cumulants: [number, number, number, number] = [
    centred[0] + mean,
    centred[1],
    centred[2],
    centred[3],
  ];
  // Jackknife: two passes over the leave-one-out statistics (mean, then spread).
  const sums = [0, 0, 0, 0];
  const squares = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    const d2 = d * d;
    const k = kStatisticsFromPowerSums(n - 1, s1 - d, s2 - d2, s3 - d2 * d, s4 - d2 * d2);
    for (let j = 0; j < 4; j++) sums[j] += k[j];
  }
  const means = sums.map((s) => s / n);
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    const d2 = d * d;
    const k = kStatisticsFromPowerSums(n - 1, s1 - d, s2 - d2, s3 - d2 * d, s4 - d2 * d2);
    for (let j = 0; j < 4; j++) squares[j] += (k[j] - means[j]) ** 2;
  }
  const factor = (n - 1) / n;
  const standardErrors = squares.map((s) => Math.sqrt(factor * s)) as [
    number,
    number,
    number,
    number,
  ];
  return { n, cumulants, standardErrors };
}
