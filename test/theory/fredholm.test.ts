import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  bernoulliSumLaw,
  fredholmDeterminant,
  fredholmEigenvalues,
  quadratureRule,
} from "../../src/theory/fredholm.js";

const close = (a: number, b: number, tol: number) =>
  assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b} (tol ${tol})`);

describe("Fredholm determinants (Nyström)", () => {
  it("is exact for separable kernels on a finite interval and a half-line", () => {
    // det(I − z·u⊗u) = 1 − z·∫u².
    close(
      fredholmDeterminant((x, y) => Math.exp(x + y), 0, 1, 20, 0.3),
      1 - (0.3 * (Math.E ** 2 - 1)) / 2,
      1e-14,
    );
    close(
      fredholmDeterminant((x, y) => Math.exp(-x - y), 0, Number.POSITIVE_INFINITY, 40, 1),
      0.5,
      1e-13,
    );
    // Rank two: K = u1⊗u1 + u2⊗u2 with orthogonal u1 = 1, u2 = x − 1/2 on (0, 1): (1 − 1)(1 − 1/12).
    close(
      fredholmDeterminant((x, y) => 1 + (x - 0.5) * (y - 0.5), 0, 1, 10, 0.5),
      (1 - 0.5) * (1 - 0.5 / 12),
      1e-14,
    );
  });
  it("gives the eigenvalues of a symmetric kernel and the counting law", () => {
    const rule = quadratureRule(0, 1, 10);
    const lambdas = fredholmEigenvalues((x, y) => 1 + (x - 0.5) * (y - 0.5), rule);
    close(lambdas[9], 1, 1e-14);
    close(lambdas[8], 1 / 12, 1e-14);
    const law = bernoulliSumLaw([0.5, 0.25], 2);
    close(law[0], 0.375, 1e-16);
    close(law[1], 0.5, 1e-16);
    close(law[2], 0.125, 1e-16);
  });
});
