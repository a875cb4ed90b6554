import { complexEigenvalues } from "../dense/complexEigenvalues.js";
import { complexGaussianMatrix } from "../dense/gaussianMatrix.js";
import type { RandomSource } from "../random/source.js";
import { checkRandomSource, checkSamplerCost, checkSize } from "./validate.js";

/**
 * One sample of the complex Ginibre ensemble |Δ(z)|² Π exp(−|z_i|²): the N eigenvalues of an N×N
 * matrix with i.i.d. entries (g₁ + i g₂)/√2, g ~ N(0, 1) (E|A_ij|² = 1; drawn row by row, real
 * then imaginary part), by Householder–Hessenberg reduction and the shifted complex QR algorithm.
 * Returned as (re, im) in no particular order. After division by √N they fill the unit disk.
 * Reference: Ginibre, J. Math. Phys. 6 (1965) 440; Mehta, Random Matrices, 3rd ed., ch. 15;
 * docs/theory.md §1.4.
 *
 * @example
 * import { createRandomSource, ginibreEigenvalues } from "betaens";
 * const { re, im } = ginibreEigenvalues(createRandomSource(1, 0), 200); // z/√N fills the unit disk
 */
export function ginibreEigenvalues(
  rng: RandomSource,
  n: number,
): { re: Float64Array; im: Float64Array } {
  checkRandomSource(rng);
  checkSize(n);
  checkSamplerCost("ginibreEigenvalues", n, 8 * n * n, 10 * n * n * n);
  const a = complexGaussianMatrix(rng, n, n, Math.SQRT1_2);
  return complexEigenvalues(n, a.re, a.im);
}
