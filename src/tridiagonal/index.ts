/** Symmetric tridiagonal eigenvalue routines: QL/QR, dqds, Sturm counts, bisection, histograms. */
export {
  bisectEigenvalue,
  gershgorinInterval,
  kthEigenvalue,
  largestEigenvalue,
} from "./bisection.js";
export { bidiagonalSquaredSingularValues } from "./dqds.js";
export { tridiagonalEigenvalues } from "./eigenvalues.js";
export { type SturmHistogram, sturmHistogram, uniformEdges } from "./histogram.js";
export { pivotMinimum, sturmCount } from "./sturm.js";
export type { SymmetricTridiagonal } from "./types.js";
