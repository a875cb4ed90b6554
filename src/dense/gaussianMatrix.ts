import { normal } from "../random/normal.js";
import type { RandomSource } from "../random/source.js";

/** A dense complex matrix, row-major: entry (i, j) of an r×c matrix is re/im[i·c + j]. */
export interface ComplexMatrix {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/**
 * An r×c matrix of independent real N(0, 1) entries (β = 1), row-major, drawn in row-major order.
 * Reference: Mehta, Random Matrices, 3rd ed., §2.
 */
export function realGaussianMatrix(rng: RandomSource, rows: number, cols: number): Float64Array {
  const a = new Float64Array(rows * cols);
  for (let i = 0; i < a.length; i++) a[i] = normal(rng);
  return a;
}

/**
 * An r×c matrix of independent complex Gaussian entries with Re, Im i.i.d. N(0, σ²) (β = 2;
 * E|a_ij|² = 2σ²), row-major; each entry draws its real then its imaginary part.
 * Reference: Mehta, Random Matrices, 3rd ed., §2; docs/theory.md §1.5 ("cG" has σ = 1).
 */
export function complexGaussianMatrix(
  rng: RandomSource,
  rows: number,
  cols: number,
  sigma = 1,
): ComplexMatrix {
  const re = new Float64Array(rows * cols);
  const im = new Float64Array(rows * cols);
  for (let i = 0; i < re.length; i++) {
    re[i] = sigma * normal(rng);
    im[i] = sigma * normal(rng);
  }
  return { re, im };
}

/**
 * The 2r×2c complex representation [[X, Y], [−Ȳ, X̄]] of an r×c matrix of independent quaternion
 * Gaussian entries x + y·j (β = 4), with X, Y complexGaussianMatrix(rng, r, c) drawn in that
 * order (each of the four real components N(0, 1)). Reference: Mehta, Random Matrices, 3rd ed.,
 * §2.4; docs/theory.md §1.5.
 */
export function quaternionGaussianMatrix(
  rng: RandomSource,
  rows: number,
  cols: number,
): ComplexMatrix {
  const x = complexGaussianMatrix(rng, rows, cols);
  const y = complexGaussianMatrix(rng, rows, cols);
  const c2 = 2 * cols;
  const re = new Float64Array(4 * rows * cols);
  const im = new Float64Array(4 * rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const s = i * cols + j;
      const top = i * c2 + j;
      const bottom = (i + rows) * c2 + j;
      re[top] = x.re[s];
      im[top] = x.im[s];
      re[top + cols] = y.re[s];
      im[top + cols] = y.im[s];
      re[bottom] = -y.re[s];
      im[bottom] = y.im[s];
      re[bottom + cols] = x.re[s];
      im[bottom + cols] = -x.im[s];
    }
  }
  return { re, im };
}
