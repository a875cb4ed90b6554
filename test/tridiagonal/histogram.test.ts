import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tridiagonalEigenvalues } from "../../src/tridiagonal/eigenvalues.js";
import { sturmHistogram, uniformEdges } from "../../src/tridiagonal/histogram.js";
import { EPS, normBound, randomHermite, toeplitz121 } from "./helpers.js";

// Deterministic (fixed-seed matrices). Bin-for-bin equality is asserted only after checking that
// no eigenvalue lies within 1000·ε‖T‖ of an edge (where either bin would be right).

/** Bins sorted eigenvalues: counts[i] = #{edges[i] ≤ λ < edges[i+1]}. */
function binEigenvalues(ev: Float64Array, edges: Float64Array) {
  const counts = new Float64Array(edges.length - 1);
  let below = 0;
  let above = 0;
  for (const x of ev) {
    if (x < edges[0]) below++;
    else if (x >= edges[edges.length - 1]) above++;
    else {
      let i = 0;
      while (x >= edges[i + 1]) i++;
      counts[i]++;
    }
  }
  return { counts, below, above };
}

function minDistanceToEdges(ev: Float64Array, edges: Float64Array): number {
  let d = Number.POSITIVE_INFINITY;
  for (const x of ev) for (const t of edges) d = Math.min(d, Math.abs(x - t));
  return d;
}

describe("sturmHistogram", () => {
  it("equals binning the computed eigenvalues, bin for bin (random N = 2000, 50 bins)", () => {
    for (const seed of [21, 22]) {
      const n = 2000;
      const { a, b } = randomHermite(n, seed);
      const ev = tridiagonalEigenvalues(a, b);
      // λ/√N fills [−2, 2]: the range [−1.9√N, 1.95√N] leaves points below and above.
      const edges = uniformEdges(-1.9 * Math.sqrt(n), 1.95 * Math.sqrt(n), 50);
      assert.ok(minDistanceToEdges(ev, edges) > 1000 * EPS * normBound(a, b));
      const h = sturmHistogram(a, b, edges);
      const expected = binEigenvalues(ev, edges);
      assert.deepEqual(Array.from(h.counts), Array.from(expected.counts));
      assert.equal(h.below, expected.below);
      assert.equal(h.above, expected.above);
      assert.ok(h.below > 0 && h.above > 0);
      let total = h.below + h.above;
      for (const c of h.counts) total += c;
      assert.equal(total, n);
    }
  });

  it("non-uniform edges, edges outside the spectrum, an odd number of edges", () => {
    const { a, b } = randomHermite(300, 23);
    const ev = tridiagonalEigenvalues(a, b);
    const edges = Float64Array.of(-1e6, -40, -3.3, 0.1, 7, 12.5, 1e3, 1e9);
    assert.ok(minDistanceToEdges(ev, edges) > 1e-9);
    const h = sturmHistogram(a, b, edges);
    const expected = binEigenvalues(ev, edges);
    assert.deepEqual(Array.from(h.counts), Array.from(expected.counts));
    assert.equal(h.below, 0);
    assert.equal(h.above, 0);
  });

  it("bins are [lo, hi): an eigenvalue exactly on an edge goes right", () => {
    // 1-2-1 of order 3: eigenvalues 2 − √2, 2, 2 + √2.
    const { a, b } = toeplitz121(3);
    const h = sturmHistogram(a, b, Float64Array.of(0, 1, 2, 3, 4));
    assert.deepEqual(Array.from(h.counts), [1, 0, 1, 1]);
    const g = sturmHistogram(a, b, Float64Array.of(2, 5));
    assert.equal(g.below, 1);
    assert.deepEqual(Array.from(g.counts), [2]);
    assert.equal(g.above, 0);
  });

  it("n = 1", () => {
    const h = sturmHistogram(Float64Array.of(0.5), new Float64Array(0), uniformEdges(0, 1, 4));
    assert.deepEqual(Array.from(h.counts), [0, 0, 1, 0]);
  });

  it("rejects bad edges and bad matrices with RangeError", () => {
    const { a, b } = toeplitz121(4);
    assert.throws(() => sturmHistogram(a, b, Float64Array.of(1)), RangeError);
    assert.throws(() => sturmHistogram(a, b, Float64Array.of(1, 1)), RangeError);
    assert.throws(() => sturmHistogram(a, b, Float64Array.of(2, 1)), RangeError);
    assert.throws(() => sturmHistogram(a, b, Float64Array.of(0, Number.NaN)), RangeError);
    assert.throws(() => sturmHistogram(a, Float64Array.of(1), Float64Array.of(0, 1)), RangeError);
  });
});

describe("uniformEdges", () => {
  it("gives bins + 1 increasing edges from lo to hi exactly", () => {
    const e = uniformEdges(-2, 3, 10);
    assert.equal(e.length, 11);
    assert.equal(e[0], -2);
    assert.equal(e[10], 3);
    for (let i = 1; i <= 10; i++) {
      assert.ok(e[i] > e[i - 1]);
      assert.ok(Math.abs(e[i] - (-2 + 0.5 * i)) < 1e-15);
    }
    const wide = uniformEdges(-Number.MAX_VALUE, Number.MAX_VALUE, 4);
    assert.equal(wide[2], 0);
    for (const x of wide) assert.ok(Number.isFinite(x));
  });

  it("rejects bad arguments with RangeError", () => {
    assert.throws(() => uniformEdges(1, 1, 3), RangeError);
    assert.throws(() => uniformEdges(2, 1, 3), RangeError);
    assert.throws(() => uniformEdges(0, 1, 0), RangeError);
    assert.throws(() => uniformEdges(0, 1, 2.5), RangeError);
    assert.throws(() => uniformEdges(Number.NaN, 1, 2), RangeError);
    assert.throws(() => uniformEdges(0, Number.POSITIVE_INFINITY, 2), RangeError);
  });
});
