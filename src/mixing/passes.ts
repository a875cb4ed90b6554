/**
 * p*(N) and its growth in N for the mixing study (docs/theory.md §4.4).
 */

/**
 * The first pass p (1-based) with D(p) ≤ threshold, or null if there is none (docs/theory.md §4.4:
 * p*(N) = min{p : D_N(p) ≤ 1.36/√C + slack}).
 */
export function firstPassWithin(distances: ArrayLike<number>, threshold: number): number | null {
  for (let p = 0; p < distances.length; p++) {
    if (distances[p] <= threshold) return p + 1;
  }
  return null;
}

export interface LineFit {
  intercept: number;
  slope: number;
}

/**
 * Ordinary least squares y ≈ intercept + slope·x over the pairs with finite x and y (at least two
 * distinct x), else null.
 */
export function leastSquares(x: ArrayLike<number>, y: ArrayLike<number | null>): LineFit | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const yi = y[i];
    if (yi !== null && Number.isFinite(x[i]) && Number.isFinite(yi)) {
      xs.push(x[i]);
      ys.push(yi);
    }
  }
  const k = xs.length;
  if (k < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / k;
  const my = ys.reduce((a, b) => a + b, 0) / k;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < k; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope };
}
