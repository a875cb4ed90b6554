/**
 * The digamma function ψ(x) = Γ'(x)/Γ(x) for x > 0 (the mean entanglement entropy of random
 * density matrices and the moments of log-Gamma variables are sums of ψ values).
 */

/**
 * ψ(x) for x > 0, relative error ~1e-15 away from the root x₀ ≈ 1.4616 (absolute ~1e-16 near it):
 * the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series
 * ψ(x) = log x − 1/(2x) − Σ_{k≥1} B_{2k}/(2k x^{2k}) (DLMF 5.11.2), 7 terms (the first omitted
 * term is < 1e−17 at x = 10). NaN for x ≤ 0 or NaN.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const r = 1 / (x * x);
  // B_2k/(2k) for k = 1..7: 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760, 1/12.
  const series =
    r *
    (1 / 12 -
      r *
        (1 / 120 -
          r * (1 / 252 - r * (1 / 240 - r * (1 / 132 - r * (691 / 32760 - r * (1 / 12)))))));
  return shift + Math.log(x) - 0.5 / x - series;
}
