import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  bidiagonalNegativeCount,
  bidiagonalSmallestEigenvalue,
} from "../../src/tridiagonal/bidiagonalBisection.js";
import { bidiagonalSquaredSingularValues } from "../../src/tridiagonal/dqds.js";
import { sturmCount } from "../../src/tridiagonal/sturm.js";
import {
  bidiagonalToJacobi,
  randomLaguerreBidiagonal,
  relativeAccurateEigenvalue,
} from "./helpers.js";

describe("bidiagonalSmallestEigenvalue (dstqds bisection)", () => {
  it("matches dqds and the test's reference bisection to a few ulps, tiny eigenvalues included", () => {
    const cases: [number, number, number, number][] = [
      [1, 2, 1, 1],
      [2, 1, 1, 2],
      [60, 1, 1, 3],
      [200, 2, 0.5, 4],
      [200, 1, 0.01, 5], // λ_min can be ~1e−100
      [500, 4, 3, 6],
    ];
    for (const [n, beta, k, seed] of cases) {
      const { q, e } = randomLaguerreBidiagonal(n, beta, k, seed);
      const min = bidiagonalSmallestEigenvalue(q, e);
      const dqds = bidiagonalSquaredSingularValues(q, e)[0];
      const reference = relativeAccurateEigenvalue(q, e, 0);
      assert.ok(Math.abs(min - dqds) <= 1e-13 * dqds, `N = ${n}: ${min} vs dqds ${dqds}`);
      assert.ok(Math.abs(min - reference) <= 1e-14 * reference, `vs reference ${reference}`);
    }
  });

  it("the count equals the Sturm count of B Bᵀ away from eigenvalues", () => {
    const { q, e } = randomLaguerreBidiagonal(40, 2, 1.5, 9);
    const { a, b } = bidiagonalToJacobi(q, e);
    const ev = bidiagonalSquaredSingularValues(q, e);
    for (let i = 0; i < ev.length - 1; i++) {
      const sigma = 0.5 * (ev[i] + ev[i + 1]);
      assert.equal(bidiagonalNegativeCount(q, e, sigma, 1e-300), i + 1);
      assert.equal(sturmCount(a, b, sigma), i + 1);
    }
  });

  it("zero and degenerate inputs", () => {
    assert.equal(bidiagonalSmallestEigenvalue(Float64Array.of(0.3), new Float64Array(0)), 0.3);
    assert.equal(bidiagonalSmallestEigenvalue(Float64Array.of(1, 0), Float64Array.of(1)), 0);
    assert.throws(() => bidiagonalSmallestEigenvalue(Float64Array.of(1, -1), Float64Array.of(1)));
    assert.throws(() => bidiagonalSmallestEigenvalue(Float64Array.of(1, 1), Float64Array.of()));
  });
});
