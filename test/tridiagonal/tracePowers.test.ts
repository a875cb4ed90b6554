import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normal } from "../../src/random/normal.js";
import { createRandomSource } from "../../src/random/philox.js";
import { tridiagonalEigenvalues } from "../../src/tridiagonal/eigenvalues.js";
import { tracePowers } from "../../src/tridiagonal/tracePowers.js";
import { bidiagonalToJacobi, randomLaguerreBidiagonal } from "./helpers.js";

/** Σ λ^k from the eigenvalues (the O(N²) route tracePowers avoids). */
function powerSums(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const ev = tridiagonalEigenvalues(a, b);
  const out = new Float64Array(d + 1);
  for (const x of ev) for (let k = 0; k <= d; k++) out[k] += x ** k;
  return out;
}

describe("tracePowers: Tr J^k without eigenvalues", () => {
  it("equals Σλ^k for random Jacobi matrices, N = 1..60, k ≤ 9", () => {
    for (const n of [1, 2, 3, 7, 60]) {
      const rng = createRandomSource(3, n);
      const a = new Float64Array(n).map(() => normal(rng));
      const b = new Float64Array(n - 1).map(() => 0.2 + normal(rng) ** 2);
      const d = 9;
      const t = tracePowers(a, b, d);
      const p = powerSums(a, b, d);
      for (let k = 0; k <= d; k++) {
        // Tr J^k is exact up to rounding of a sum of magnitude ≤ Σ|λ|^k.
        let scale = 0;
        for (const x of tridiagonalEigenvalues(a, b)) scale += Math.abs(x) ** k;
        assert.ok(Math.abs(t[k] - p[k]) <= 1e-12 * scale, `N = ${n}, k = ${k}: ${t[k]} vs ${p[k]}`);
      }
    }
  });

  it("Laguerre J = BBᵀ: Tr J = Σξ, Tr J² = Σξ² + 2Σξξ'", () => {
    const { q, e } = randomLaguerreBidiagonal(30, 2, 1.5, 4);
    const { a, b } = bidiagonalToJacobi(q, e);
    const t = tracePowers(a, b, 2);
    const chain: number[] = [];
    for (let i = 0; i < q.length; i++) {
      chain.push(q[i]);
      if (i < e.length) chain.push(e[i]);
    }
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < chain.length; i++) {
      s1 += chain[i];
      s2 += chain[i] ** 2 + (i > 0 ? 2 * chain[i] * chain[i - 1] : 0);
    }
    assert.ok(Math.abs(t[1] - s1) <= 1e-13 * s1);
    assert.ok(Math.abs(t[2] - s2) <= 1e-13 * s2);
  });

  it("rejects bad arguments", () => {
    assert.throws(() => tracePowers(new Float64Array(3), new Float64Array(1), 2));
    assert.throws(() => tracePowers(new Float64Array(3), new Float64Array(2), -1));
  });
});
