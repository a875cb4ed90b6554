import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bidiagonalSquaredSingularValues } from "../../src/tridiagonal/dqds.js";
import { tridiagonalEigenvalues } from "../../src/tridiagonal/eigenvalues.js";
import {
  bidiagonalToJacobi,
  EPS,
  maxAbsDiff,
  normBound,
  randomLaguerreBidiagonal,
  relativeAccurateEigenvalue,
} from "./helpers.js";

// Deterministic (fixed-seed matrices). The reference is bisection on the differential
// stationary qd count, which is relatively accurate; dqds must match it to ~100ε RELATIVE
// (observed ≤ 15ε for N ≤ 200), whereas QL on the same matrix is only accurate to ~ε‖T‖ ABSOLUTE.

function maxRelativeError(q: Float64Array, e: Float64Array, ev: Float64Array): number {
  let worst = 0;
  for (let k = 0; k < q.length; k++) {
    const ref = relativeAccurateEigenvalue(q, e, k);
    worst = Math.max(worst, ref === 0 ? Math.abs(ev[k]) : Math.abs(ev[k] - ref) / ref);
  }
  return worst;
}

function checkAgainstQl(q: Float64Array, e: Float64Array, ev: Float64Array): void {
  const { a, b } = bidiagonalToJacobi(q, e);
  const ql = tridiagonalEigenvalues(a, b);
  const norm = normBound(a, b);
  // Both are backward stable; dqds accumulates ~√(passes)·ε relative error on the largest
  // eigenvalues (observed 51ε‖T‖ at N = 1000).
  assert.ok(
    maxAbsDiff(ev, ql) <= 150 * EPS * norm,
    `vs QL: ${maxAbsDiff(ev, ql) / (EPS * norm)}ε‖T‖`,
  );
  // Σλ = tr(BBᵀ) = Σq + Σe.
  let trace = 0;
  let sum = 0;
  for (let i = 0; i < q.length; i++) trace += q[i] + (i < e.length ? e[i] : 0);
  for (const x of ev) sum += x;
  assert.ok(Math.abs(sum - trace) <= 10 * q.length * EPS * norm);
}

function checkAscending(ev: Float64Array): void {
  for (let i = 1; i < ev.length; i++) assert.ok(ev[i - 1] <= ev[i]);
}

describe("bidiagonalSquaredSingularValues (dqds)", () => {
  it("β-Laguerre bidiagonals: high relative accuracy, including tiny eigenvalues", () => {
    const cases: [number, number, number, number][] = [
      [60, 1, 1, 1],
      [200, 2, 0.5, 2],
      [200, 1, 0.01, 3], // q_{n−1} ~ Γ(0.01): smallest eigenvalue can be ~1e-100
    ];
    for (const [n, beta, k, seed] of cases) {
      const { q, e } = randomLaguerreBidiagonal(n, beta, k, seed);
      const ev = bidiagonalSquaredSingularValues(q, e);
      assert.equal(ev.length, n);
      checkAscending(ev);
      const rel = maxRelativeError(q, e, ev);
      assert.ok(rel <= 100 * EPS, `n = ${n}, β = ${beta}, k = ${k}: relative error ${rel / EPS}ε`);
      checkAgainstQl(q, e, ev);
      // det(BBᵀ) = Πq: Σ log λ = Σ log q to a few n·ε.
      let logDet = 0;
      let logProd = 0;
      for (let i = 0; i < n; i++) {
        logDet += Math.log(ev[i]);
        logProd += Math.log(q[i]);
      }
      assert.ok(Math.abs(logDet - logProd) <= 10 * n * EPS * Math.max(1, Math.abs(logProd)));
    }
  });

  it("Laguerre polynomials: L U with q_k = k + α, e_k = k has the zeros of L_n^(α)", () => {
    const l5 = [
      0.2635603197181409, 1.413403059106517, 3.596425771040722, 7.085810005858837,
      12.64080084427578,
    ];
    const ev5 = bidiagonalSquaredSingularValues(
      Float64Array.of(1, 2, 3, 4, 5),
      Float64Array.of(1, 2, 3, 4),
    );
    assert.ok(maxAbsDiff(ev5, l5) <= 1e-13);
    // α → −1: the smallest zero → 0 like (α + 1)·c; dqds keeps its relative accuracy.
    const n = 30;
    const alpha = -1 + 1e-12;
    const q = new Float64Array(n);
    const e = new Float64Array(n - 1);
    for (let k = 1; k <= n; k++) q[k - 1] = k + alpha;
    for (let k = 1; k < n; k++) e[k - 1] = k;
    const ev = bidiagonalSquaredSingularValues(q, e);
    assert.ok(ev[0] > 1e-15 && ev[0] < 1e-12);
    assert.ok(maxRelativeError(q, e, ev) <= 100 * EPS);
    checkAgainstQl(q, e, ev);
  });

  it("graded bidiagonal: eigenvalues from 1 down to ~1e-40, all to high relative accuracy", () => {
    const n = 40;
    const q = new Float64Array(n);
    const e = new Float64Array(n - 1);
    for (let k = 0; k < n; k++) q[k] = 10 ** -k;
    for (let k = 0; k < n - 1; k++) e[k] = 10 ** (-k - 0.5);
    const ev = bidiagonalSquaredSingularValues(q, e);
    checkAscending(ev);
    assert.ok(ev[0] < 1e-38);
    assert.ok(maxRelativeError(q, e, ev) <= 100 * EPS);
    // The reversed grading (small entries on top) is flipped internally.
    const ev2 = bidiagonalSquaredSingularValues(q.slice().reverse(), e.slice().reverse());
    for (let k = 0; k < n; k++) assert.ok(Math.abs(ev2[k] - ev[k]) <= 100 * EPS * ev[k]);
  });

  it("N = 1000 β = 2 Laguerre: agrees with QL and the trace", () => {
    const { q, e } = randomLaguerreBidiagonal(1000, 2, 1, 4);
    const ev = bidiagonalSquaredSingularValues(q, e);
    checkAscending(ev);
    checkAgainstQl(q, e, ev);
  });

  it("zeros: a zero q gives a zero eigenvalue, zero e split the matrix", () => {
    const z = bidiagonalSquaredSingularValues(Float64Array.of(1, 0, 2), Float64Array.of(1, 1));
    assert.equal(z[0], 0);
    const { a, b } = bidiagonalToJacobi(Float64Array.of(1, 0, 2), Float64Array.of(1, 1));
    assert.ok(maxAbsDiff(z, tridiagonalEigenvalues(a, b)) <= 1e-14);
    const s = bidiagonalSquaredSingularValues(Float64Array.of(3, 1, 2), Float64Array.of(0, 0));
    assert.deepEqual(Array.from(s), [1, 2, 3]);
    const zero = bidiagonalSquaredSingularValues(new Float64Array(4), new Float64Array(3));
    assert.deepEqual(Array.from(zero), [0, 0, 0, 0]);
    const top = bidiagonalSquaredSingularValues(Float64Array.of(0, 1, 1), Float64Array.of(1, 1));
    assert.equal(top[0], 0);
  });

  it("n = 1 and n = 2 (closed form of the 2×2)", () => {
    assert.deepEqual(
      Array.from(bidiagonalSquaredSingularValues(Float64Array.of(2.5), new Float64Array(0))),
      [2.5],
    );
    for (const [a, b, c] of [
      [1, 1, 1],
      [1e-20, 1, 1e20],
      [4, 1e-30, 1e-10],
    ]) {
      const ev = bidiagonalSquaredSingularValues(Float64Array.of(a, c), Float64Array.of(b));
      // eigenvalues of [[a, √(ab)], [√(ab), b + c]]: product ac, sum a + b + c.
      assert.ok(Math.abs(ev[0] * ev[1] - a * c) <= 4 * EPS * a * c);
      assert.ok(Math.abs(ev[0] + ev[1] - (a + b + c)) <= 4 * EPS * (a + b + c));
    }
  });

  it("extreme scales: entries near 1e±300 and subnormal", () => {
    const { q, e } = randomLaguerreBidiagonal(50, 1, 1, 5);
    const ev = bidiagonalSquaredSingularValues(q, e);
    for (const s of [1e300, 1e-300, 1e-310]) {
      const evs = bidiagonalSquaredSingularValues(
        q.map((x) => x * s),
        e.map((x) => x * s),
      );
      // Subnormal inputs (1e-310) carry only ~13 significant digits.
      const tol = s < 1e-300 ? 1e-9 : 1e-13;
      for (let k = 0; k < 50; k++) assert.ok(Math.abs(evs[k] / s - ev[k]) <= tol * ev[k], `${s}`);
    }
  });

  it("does not modify its inputs; rejects bad input with RangeError", () => {
    const { q, e } = randomLaguerreBidiagonal(30, 1, 1, 6);
    const q0 = q.slice();
    const e0 = e.slice();
    bidiagonalSquaredSingularValues(q, e);
    assert.deepEqual(q, q0);
    assert.deepEqual(e, e0);
    const f = (x: number[], y: number[]) =>
      bidiagonalSquaredSingularValues(Float64Array.from(x), Float64Array.from(y));
    assert.throws(() => f([], []), RangeError);
    assert.throws(() => f([1, 2], [1, 1]), RangeError);
    assert.throws(() => f([1, -2], [1]), RangeError);
    assert.throws(() => f([1, 2], [Number.NaN]), RangeError);
    assert.throws(() => f([1, Number.POSITIVE_INFINITY], [1]), RangeError);
  });
});
