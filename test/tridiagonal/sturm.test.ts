import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tridiagonalEigenvalues } from "../../src/tridiagonal/eigenvalues.js";
import { sturmCount } from "../../src/tridiagonal/sturm.js";
import { EPS, hermiteJacobi, normBound, randomHermite, toeplitz121 } from "./helpers.js";

// Deterministic (fixed-seed matrices). Points closer than 1000·ε‖T‖ to an eigenvalue are skipped
// where the count is genuinely ambiguous in floating point.

/** #{λ < x} from a sorted list. */
function countBelow(sorted: Float64Array, x: number): number {
  let c = 0;
  while (c < sorted.length && sorted[c] < x) c++;
  return c;
}

function nearest(sorted: Float64Array, x: number): number {
  let d = Number.POSITIVE_INFINITY;
  for (const v of sorted) d = Math.min(d, Math.abs(v - x));
  return d;
}

describe("sturmCount", () => {
  it("agrees with the computed eigenvalues at many points (random matrices)", () => {
    for (const [n, seed] of [
      [1, 5],
      [2, 6],
      [40, 7],
      [500, 8],
    ]) {
      const { a, b } = randomHermite(n, seed);
      const ev = tridiagonalEigenvalues(a, b);
      const norm = normBound(a, b);
      let checked = 0;
      for (let j = 0; j <= 400; j++) {
        const x = -1.1 * norm + (2.2 * norm * j) / 400;
        if (nearest(ev, x) < 1000 * EPS * norm) continue;
        assert.equal(sturmCount(a, b, x), countBelow(ev, x), `n = ${n}, x = ${x}`);
        checked++;
      }
      assert.ok(checked > 390);
      // Midpoints between consecutive eigenvalues give every count 0..n.
      assert.equal(sturmCount(a, b, ev[0] - 1), 0);
      for (let k = 0; k + 1 < n; k++) {
        if (ev[k + 1] - ev[k] < 1000 * EPS * norm) continue;
        assert.equal(sturmCount(a, b, 0.5 * (ev[k] + ev[k + 1])), k + 1);
      }
      assert.equal(sturmCount(a, b, ev[n - 1] + 1), n);
    }
  });

  it("is monotone in x", () => {
    const { a, b } = randomHermite(300, 9);
    let previous = 0;
    for (let j = 0; j <= 5000; j++) {
      const c = sturmCount(a, b, -60 + (120 * j) / 5000);
      assert.ok(c >= previous);
      previous = c;
    }
    assert.equal(previous, 300);
  });

  it("ties: an eigenvalue exactly at x is not counted (counts are of λ < x)", () => {
    // 1-2-1 of odd order has the eigenvalue 2 exactly, and every pivot at x = 2 is 0 or ∞-like.
    for (const n of [1, 3, 5, 21, 101]) {
      const { a, b } = toeplitz121(n);
      assert.equal(sturmCount(a, b, 2), (n - 1) / 2, `n = ${n}`);
    }
    // Probabilists' Hermite of odd order has the zero 0 exactly.
    for (const n of [3, 9, 51]) {
      const { a, b } = hermiteJacobi(n);
      assert.equal(sturmCount(a, b, 0), (n - 1) / 2);
    }
    // Diagonal matrix: x equal to a diagonal entry.
    const a = Float64Array.of(1, 2, 3, 4);
    const b = new Float64Array(3);
    assert.equal(sturmCount(a, b, 3), 2);
    assert.equal(sturmCount(a, b, 1), 0);
    assert.equal(sturmCount(a, b, 4.000000000000001), 4);
  });

  it("zero pivots do not produce NaN (all-zero diagonal, x = 0 and neighbours)", () => {
    const n = 10;
    const a = new Float64Array(n);
    const b = new Float64Array(n - 1).fill(1);
    assert.equal(sturmCount(a, b, 0), 5);
    assert.equal(sturmCount(a, b, -1e-300), 5);
    assert.equal(sturmCount(a, b, 1e-300), 5);
    assert.equal(sturmCount(a, b, -3), 0);
    assert.equal(sturmCount(a, b, 3), 10);
  });

  it("is robust to huge and tiny entries (no overflow: b is used directly)", () => {
    for (const scale of [1e150, 1e-150, 1e154]) {
      const { a, b } = toeplitz121(30);
      const s2 = scale * scale;
      for (let i = 0; i < a.length; i++) a[i] *= scale;
      for (let i = 0; i < b.length; i++) b[i] *= s2;
      const ev = tridiagonalEigenvalues(a, b);
      for (let j = 0; j <= 100; j++) {
        const x = (-0.5 + (5 * j) / 100) * scale;
        if (nearest(ev, x) < 1e-10 * scale) continue;
        assert.equal(sturmCount(a, b, x), countBelow(ev, x), `scale ${scale}, x = ${x}`);
      }
    }
    // b near the largest double, a = 0: eigenvalues ±2√b cos(kπ/(n+1)).
    const n = 7;
    const b = new Float64Array(n - 1).fill(1e308);
    const a = new Float64Array(n);
    assert.equal(sturmCount(a, b, 0), 3);
    assert.equal(sturmCount(a, b, 1.8e154), 6); // λ_max = 2e154·cos(π/8) ≈ 1.848e154
    assert.equal(sturmCount(a, b, 1.9e154), 7);
    assert.equal(sturmCount(a, b, -2e154), 0);
  });

  it("handles zeros on the off-diagonal (split matrices)", () => {
    const a = Float64Array.of(5, -1, 3, 0);
    const b = Float64Array.of(0, 2, 0);
    const ev = tridiagonalEigenvalues(a, b);
    for (let x = -5; x <= 6; x += 0.25) {
      if (nearest(ev, x) < 1e-12) continue;
      assert.equal(sturmCount(a, b, x), countBelow(ev, x));
    }
  });

  it("rejects bad input with RangeError", () => {
    const a = Float64Array.of(1, 2, 3);
    const b = Float64Array.of(1, 1);
    assert.throws(() => sturmCount(a, b, Number.NaN), RangeError);
    assert.throws(() => sturmCount(a, b, Number.POSITIVE_INFINITY), RangeError);
    assert.throws(() => sturmCount(a, Float64Array.of(1), 0), RangeError);
    assert.throws(() => sturmCount(Float64Array.of(1, Number.NaN, 3), b, 0), RangeError);
    assert.throws(() => sturmCount(a, Float64Array.of(1, -2), 0), RangeError);
    assert.throws(() => sturmCount(new Float64Array(0), new Float64Array(0), 0), RangeError);
  });
});
