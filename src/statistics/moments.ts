/**
 * Sample mean and variance in one numerically stable pass.
 */

/**
 * Mean and unbiased variance s² = Σ(x - x̄)²/(n-1) by Welford's update
 * (Welford, Technometrics 4:419, 1962): δ = x - m, m += δ/k, M₂ += δ(x - m).
 * variance is NaN for n = 1; throws RangeError for an empty input or NaN entries.
 */
export function meanAndVariance(xs: Float64Array | number[]): {
  mean: number;
  variance: number;
  n: number;
} {
  const n = xs.length;
  if (n === 0) throw new RangeError("meanAndVariance needs a non-empty sample");
  let mean = 0;
  let m2 = 0;
  for (let k = 0; k < n; k++) {
    const x = xs[k];
    if (Number.isNaN(x)) throw new RangeError(`meanAndVariance: NaN at index ${k}`);
    const delta = x - mean;
    mean += delta / (k + 1);
    m2 += delta * (x - mean);
  }
  return { mean, variance: n > 1 ? m2 / (n - 1) : Number.NaN, n };
}
