// The systematic-scan Gibbs pass as it was before issue 10 (git fc3765c), on the baseline
// univariate samplers: the "before" of bench/gibbs.ts.
import type { ConditionalWork } from "../../src/gibbs/conditionals.js";
import {
  createConditionalWork,
  diagonalConditional,
  offDiagonalConditional,
} from "../../src/gibbs/conditionals.js";
import type { RandomSource } from "../../src/random/source.js";
import type { SymmetricTridiagonal } from "../../src/tridiagonal/types.js";
import {
  createUnivariateWork,
  sampleExpPolynomial,
  sampleGammaPolynomial,
  type UnivariateWork,
} from "./univariate.js";

export interface BaselineWork {
  conditional: ConditionalWork;
  univariate: UnivariateWork;
  polynomial: Float64Array;
}

export function createBaselineWork(maxDegree: number): BaselineWork {
  return {
    conditional: createConditionalWork(maxDegree),
    univariate: createUnivariateWork(maxDegree),
    polynomial: new Float64Array(maxDegree + 1),
  };
}

export function baselineSweep(
  state: SymmetricTridiagonal,
  coeffs: Float64Array,
  beta: number,
  rng: RandomSource,
  work: BaselineWork,
): void {
  const a = state.diagonal;
  const b = state.offDiagonalSquared;
  const n = a.length;
  const d = coeffs.length - 1;
  const s = 0.5 * beta * n;
  for (let i = 0; i < n; i++) {
    diagonalConditional(a, b, n, i, coeffs, d, s, work.polynomial, work.conditional);
    a[i] = sampleExpPolynomial(rng, work.polynomial, d, work.univariate);
    if (i < n - 1) {
      const degree = offDiagonalConditional(
        a,
        b,
        n,
        i,
        coeffs,
        d,
        s,
        work.polynomial,
        work.conditional,
      );
      b[i] = sampleGammaPolynomial(
        rng,
        0.5 * beta * (n - i - 1),
        work.polynomial,
        degree,
        work.univariate,
      );
    }
  }
}
