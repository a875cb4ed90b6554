import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  gershgorinInterval,
  kthEigenvalue,
  largestEigenvalue,
} from "../../src/tridiagonal/bisection.js";
import { tridiagonalEigenvalues } from "../../src/tridiagonal/eigenvalues.js";
import { EPS, hermiteJacobi, normBound, randomHermite, toeplitz121 } from "./helpers.js";

// Deterministic (fixed-seed matrices); tolerances relative to ‖T‖, a few times the observed errors.

describe("gershgorinInterval", () => {
  it("contains every eigenvalue and is tight for the 1-2-1 matrix", () => {
    for (const seed of [1, 2, 3]) {
      const { a, b } = randomHermite(200, seed);
      const [lo, hi] = gershgorinInterval(a, b);
      const ev = tridiagonalEigenvalues(a, b);
      assert.ok(lo < ev[0] && ev[199] < hi);
    }
    const { a, b } = toeplitz121(10);
    const [lo, hi] = gershgorinInterval(a, b);
    assert.ok(lo < 0 && lo > -1e-12 && hi > 4 && hi < 4 + 1e-12);
  });

  it("n = 1 and bad input", () => {
    const [lo, hi] = gershgorinInterval(Float64Array.of(3), new Float64Array(0));
    assert.ok(lo <= 3 && hi >= 3 && hi - lo < 1e-12);
    assert.throws(() => gershgorinInterval(Float64Array.of(1), Float64Array.of(1)), RangeError);
    assert.throws(
      () => gershgorinInterval(Float64Array.of(Number.MAX_VALUE, 0), Float64Array.of(1e308)),
      RangeError,
    );
  });
});

describe("kthEigenvalue", () => {
  it("matches tridiagonalEigenvalues for every k (random N = 50, Hermite N = 60)", () => {
    const matrices = [randomHermite(50, 4), randomHermite(50, 5), hermiteJacobi(60)];
    for (const { a, b } of matrices) {
      const n = a.length;
      const ev = tridiagonalEigenvalues(a, b);
      const norm = normBound(a, b);
      for (let k = 0; k < n; k++) {
        const x = kthEigenvalue(a, b, k);
        assert.ok(Math.abs(x - ev[k]) <= 50 * EPS * norm, `k = ${k}: ${x} vs ${ev[k]}`);
      }
    }
  });

  it("1-2-1 Toeplitz: exact eigenvalues to 4ε‖T‖", () => {
    const { a, b, exact } = toeplitz121(33);
    for (let k = 0; k < 33; k++) {
      assert.ok(Math.abs(kthEigenvalue(a, b, k) - exact[k]) <= 4 * EPS * 4 * 4, `k = ${k}`);
    }
  });

  it("n = 1, n = 2 and split matrices", () => {
    assert.equal(kthEigenvalue(Float64Array.of(-2), new Float64Array(0), 0), -2);
    const a = Float64Array.of(1, 3);
    const b = Float64Array.of(1);
    assert.ok(Math.abs(kthEigenvalue(a, b, 0) - (2 - Math.SQRT2)) < 1e-15);
    assert.ok(Math.abs(kthEigenvalue(a, b, 1) - (2 + Math.SQRT2)) < 1e-15);
    const d = Float64Array.of(4, -1, 4, 2);
    const z = new Float64Array(3);
    const expected = [-1, 2, 4, 4];
    for (let k = 0; k < 4; k++)
      assert.ok(Math.abs(kthEigenvalue(d, z, k) - expected[k]) <= 8 * EPS * 4);
  });

  it("rejects bad k and bad matrices with RangeError", () => {
    const { a, b } = toeplitz121(5);
    for (const k of [-1, 5, 1.5, Number.NaN])
      assert.throws(() => kthEigenvalue(a, b, k), RangeError);
    assert.throws(() => kthEigenvalue(a, Float64Array.of(1), 0), RangeError);
    assert.throws(
      () => kthEigenvalue(Float64Array.of(Number.NaN), new Float64Array(0), 0),
      RangeError,
    );
  });
});

describe("largestEigenvalue", () => {
  it("equals the maximum of tridiagonalEigenvalues", () => {
    for (const [n, seed] of [
      [2, 1],
      [3, 2],
      [50, 3],
      [1000, 4],
    ]) {
      const { a, b } = randomHermite(n, seed);
      const ev = tridiagonalEigenvalues(a, b);
      const norm = normBound(a, b);
      const x = largestEigenvalue(a, b);
      // The QL error dominates: it grows slowly with n (observed up to 56ε‖T‖ at n = 1000).
      assert.ok(Math.abs(x - ev[n - 1]) <= 150 * EPS * norm, `n = ${n}: ${x} vs ${ev[n - 1]}`);
    }
  });

  it("is exact for the 1-2-1 matrix and for a diagonal matrix", () => {
    for (const n of [1, 2, 10, 1000]) {
      const { a, b, exact } = toeplitz121(n);
      assert.ok(Math.abs(largestEigenvalue(a, b) - exact[n - 1]) <= 4 * EPS * 4);
    }
    assert.ok(
      Math.abs(largestEigenvalue(Float64Array.of(1, 7, 3), new Float64Array(2)) - 7) <= 8 * EPS * 7,
    );
  });

  it("N = 1e5 β-Hermite: close to the edge 2 after scaling by 1/√(βN)", () => {
    const n = 100_000;
    const { a, b } = randomHermite(n, 10);
    const x = largestEigenvalue(a, b) / Math.sqrt(n);
    // With β = 1 the scaled λ_max is 2 + O(N^{-2/3}) ≈ 2 ± 0.01.
    assert.ok(Math.abs(x - 2) < 0.01, `${x}`);
  });

  it("rejects bad input with RangeError", () => {
    assert.throws(() => largestEigenvalue(new Float64Array(0), new Float64Array(0)), RangeError);
    assert.throws(() => largestEigenvalue(Float64Array.of(1, 2), Float64Array.of(-1)), RangeError);
  });
});
