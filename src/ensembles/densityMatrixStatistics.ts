/**
 * The statistics of `betaens sample fixed-trace --stat purity|entropy|min`: pure functions of one
 * drawn sample (the per-sample half of a statistic; the reducer is "keep the S numbers"). Each uses
 * the cheapest exact route: purity in O(N) from the bidiagonal, λ_min by relatively accurate
 * bisection in O(N log 1/ε), the entropy from all eigenvalues (dqds, O(N²)).
 */
import { bidiagonalSmallestEigenvalue } from "../tridiagonal/bidiagonalBisection.js";
import { bidiagonalPurity, purity, vonNeumannEntropy } from "./fixedTrace.js";
import { type Draw, drawValues } from "./models.js";

/** Scalar statistics of a random density matrix ρ (a fixed-trace sample). */
export type DensityMatrixStat = "purity" | "entropy" | "min";

export const DENSITY_MATRIX_STATS: readonly DensityMatrixStat[] = ["purity", "entropy", "min"];

/** True for the statistics of this module. */
export function isDensityMatrixStat(stat: string): stat is DensityMatrixStat {
  return (DENSITY_MATRIX_STATS as readonly string[]).includes(stat);
}

/** Operations per sample (for the up-front cost estimate), beyond the O(N) draw. */
export function densityMatrixStatCost(stat: DensityMatrixStat, n: number): number {
  return stat === "entropy" ? n * n : stat === "min" ? 70 * n : n;
}

/**
 * The statistic of one fixed-trace sample: purity Tr ρ², von Neumann entropy −Tr ρ log ρ, or the
 * smallest eigenvalue of ρ. Accepts the bidiagonal draw of the tridiagonal model or the eigenvalues
 * of the full model.
 */
export function densityMatrixStatistic(draw: Draw, stat: DensityMatrixStat): number {
  if (draw.kind === "bidiagonal") {
    if (stat === "purity") return bidiagonalPurity(draw.bidiagonal);
    if (stat === "min") return bidiagonalSmallestEigenvalue(draw.bidiagonal.q, draw.bidiagonal.e);
  }
  const values = drawValues(draw);
  if (stat === "purity") return purity(values);
  if (stat === "min") return values[0]; // the full model's eigenvalues are normalised
  return vonNeumannEntropy(values);
}
