import type { RandomSource } from "../random/source.js";
import type { SymmetricTridiagonal } from "../tridiagonal/types.js";
import { checkHermite, type HermiteParams, hermiteTridiagonal } from "./hermite.js";
import { checkJacobi, type JacobiParams, jacobiTridiagonal } from "./jacobi.js";
import { checkLaguerre, type LaguerreParams, laguerreTridiagonal } from "./laguerre.js";

/** The three classical ensembles with tridiagonal models. */
export type ClassicalEnsemble = "hermite" | "laguerre" | "jacobi";

/** Parameters of a classical ensemble, tagged by its name. */
export type ClassicalSpec =
  | { ensemble: "hermite"; params: HermiteParams }
  | { ensemble: "laguerre"; params: LaguerreParams }
  | { ensemble: "jacobi"; params: JacobiParams };

/** Throws a RangeError unless the spec is a valid ensemble of size n at inverse temperature β. */
export function checkClassical(spec: ClassicalSpec, n: number, beta: number): void {
  switch (spec.ensemble) {
    case "hermite":
      checkHermite(n, beta, spec.params);
      break;
    case "laguerre":
      checkLaguerre(n, beta, spec.params);
      break;
    case "jacobi":
      checkJacobi(n, beta, spec.params);
      break;
  }
}

/** Draws the random Jacobi matrix of a classical ensemble (one sample). */
export function classicalTridiagonal(
  spec: ClassicalSpec,
  rng: RandomSource,
  n: number,
  beta: number,
): SymmetricTridiagonal {
  switch (spec.ensemble) {
    case "hermite":
      return hermiteTridiagonal(rng, n, beta, spec.params);
    case "laguerre":
      return laguerreTridiagonal(rng, n, beta, spec.params);
    case "jacobi":
      return jacobiTridiagonal(rng, n, beta, spec.params);
  }
}
