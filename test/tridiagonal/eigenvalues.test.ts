import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { kthEigenvalue } from "../../src/tridiagonal/bisection.js";
import { tridiagonalEigenvalues } from "../../src/tridiagonal/eigenvalues.js";
import {
  EPS,
  hermiteJacobi,
  laguerreJacobi,
  maxAbsDiff,
  normBound,
  randomHermite,
  toeplitz121,
} from "./helpers.js";

// Deterministic tests (no randomness beyond fixed-seed matrices): tolerances are error bounds
// relative to ‖T‖, set a few times above the errors observed, far below any real bug.

function assertAscending(x: Float64Array): void {
  for (let i = 1; i < x.length; i++) assert.ok(x[i - 1] <= x[i], `not ascending at ${i}`);
}

/** Σλ = Σa and Σλ² = Σa² + 2Σb (trace of T and of T²). */
function checkTraceIdentities(a: Float64Array, b: Float64Array, ev: Float64Array): void {
  const n = a.length;
  const norm = normBound(a, b);
  let s1 = 0;
  let s2 = 0;
  let t1 = 0;
  let t2 = 0;
  for (let i = 0; i < n; i++) {
    s1 += ev[i];
    s2 += ev[i] * ev[i];
    t1 += a[i];
    t2 += a[i] * a[i];
  }
  for (let i = 0; i < n - 1; i++) t2 += 2 * b[i];
  assert.ok(Math.abs(s1 - t1) <= 10 * n * EPS * norm, `trace: ${s1} vs ${t1}`);
  assert.ok(Math.abs(s2 - t2) <= 10 * n * EPS * norm * norm, `trace of T²: ${s2} vs ${t2}`);
}

describe("tridiagonalEigenvalues", () => {
  it("1-2-1 Toeplitz: λ_k = 2 − 2cos(kπ/(n+1))", () => {
    for (const n of [1, 2, 3, 4, 7, 10, 64, 101, 500]) {
      const { a, b, exact } = toeplitz121(n);
      const ev = tridiagonalEigenvalues(a, b);
      assert.equal(ev.length, n);
      assertAscending(ev);
      const err = maxAbsDiff(ev, exact);
      assert.ok(err <= 50 * EPS * 4, `n = ${n}: max error ${err}`);
      checkTraceIdentities(a, b, ev);
    }
  });

  it("Hermite (probabilists'): tabulated zeros of He_5 and He_10", () => {
    const he5 = [
      -2.8569700138728056, -1.3556261799742659, 0, 1.3556261799742659, 2.8569700138728056,
    ];
    const ev5 = tridiagonalEigenvalues(hermiteJacobi(5).a, hermiteJacobi(5).b);
    assert.ok(maxAbsDiff(ev5, he5) <= 1e-14, `He_5: ${Array.from(ev5)}`);
    // He_10 zeros = √2 × the Gauss–Hermite nodes (physicists' H_10 zeros).
    const h10 = [
      0.342901327223705, 1.036610829789514, 1.756683649299882, 2.53273167423279, 3.436159118837738,
    ];
    const he10 = [...h10.map((x) => -x * Math.SQRT2).reverse(), ...h10.map((x) => x * Math.SQRT2)];
    const ev10 = tridiagonalEigenvalues(hermiteJacobi(10).a, hermiteJacobi(10).b);
    assert.ok(maxAbsDiff(ev10, he10) <= 1e-13, `He_10: ${Array.from(ev10)}`);
  });

  it("Hermite N = 50, 200: Newton step of the three-term recurrence at each computed zero", () => {
    for (const n of [50, 200]) {
      const { a, b } = hermiteJacobi(n);
      const ev = tridiagonalEigenvalues(a, b);
      const norm = normBound(a, b);
      for (const x of ev) {
        // Orthonormal Hermite recurrence p_{k+1} = (x p_k − √k p_{k−1})/√(k+1) and its derivative.
        let p0 = 0;
        let p1 = 1;
        let d0 = 0;
        let d1 = 0;
        for (let k = 0; k < n; k++) {
          const s = Math.sqrt(k + 1);
          const p2 = (x * p1 - Math.sqrt(k) * p0) / s;
          const d2 = (p1 + x * d1 - Math.sqrt(k) * d0) / s;
          p0 = p1;
          p1 = p2;
          d0 = d1;
          d1 = d2;
        }
        assert.ok(Math.abs(p1 / d1) <= 100 * EPS * norm, `N = ${n}, x = ${x}: step ${p1 / d1}`);
      }
      // Symmetric spectrum.
      for (let i = 0; i < n; i++) assert.ok(Math.abs(ev[i] + ev[n - 1 - i]) <= 100 * EPS * norm);
      checkTraceIdentities(a, b, ev);
    }
  });

  it("Laguerre: tabulated zeros of L_5 (α = 0) and recurrence check for α = 2.5, N = 60", () => {
    const l5 = [
      0.2635603197181409, 1.413403059106517, 3.596425771040722, 7.085810005858837,
      12.64080084427578,
    ];
    const { a, b } = laguerreJacobi(5, 0);
    assert.ok(maxAbsDiff(tridiagonalEigenvalues(a, b), l5) <= 1e-13);
    const n = 60;
    const alpha = 2.5;
    const lj = laguerreJacobi(n, alpha);
    const ev = tridiagonalEigenvalues(lj.a, lj.b);
    const norm = normBound(lj.a, lj.b);
    assertAscending(ev);
    assert.ok(ev[0] > 0);
    for (const x of ev) {
      // Orthonormal recurrence: √(b_{k+1}) p_{k+1} = (x − a_{k+1}) p_k − √(b_k) p_{k−1}.
      let p0 = 0;
      let p1 = 1;
      let d0 = 0;
      let d1 = 0;
      for (let k = 0; k < n; k++) {
        const ak = 2 * k + 1 + alpha;
        const sPrev = Math.sqrt(k * (k + alpha));
        const sNext = Math.sqrt((k + 1) * (k + 1 + alpha));
        const p2 = ((x - ak) * p1 - sPrev * p0) / sNext;
        const d2 = (p1 + (x - ak) * d1 - sPrev * d0) / sNext;
        p0 = p1;
        p1 = p2;
        d0 = d1;
        d1 = d2;
      }
      assert.ok(Math.abs(p1 / d1) <= 100 * EPS * norm, `x = ${x}: step ${p1 / d1}`);
    }
    checkTraceIdentities(lj.a, lj.b, ev);
  });

  it("random β = 1 Hermite matrices: trace identities and agreement with bisection", () => {
    for (const [n, seed] of [
      [50, 1],
      [300, 2],
    ]) {
      const { a, b } = randomHermite(n, seed);
      const ev = tridiagonalEigenvalues(a, b);
      assertAscending(ev);
      checkTraceIdentities(a, b, ev);
      const norm = normBound(a, b);
      for (let k = 0; k < n; k += 7) {
        assert.ok(Math.abs(kthEigenvalue(a, b, k) - ev[k]) <= 50 * EPS * norm);
      }
    }
  });

  it("graded matrices with entries from 1e-20 to 1e20, both orientations (QL and QR)", () => {
    const n = 41;
    for (const reversed of [false, true]) {
      const a = new Float64Array(n);
      const b = new Float64Array(n - 1);
      for (let i = 0; i < n; i++) {
        const j = reversed ? n - 1 - i : i;
        a[i] = 10 ** (-20 + j);
      }
      for (let i = 0; i < n - 1; i++) b[i] = 0.25 * a[i] * a[i + 1];
      const ev = tridiagonalEigenvalues(a, b);
      assertAscending(ev);
      checkTraceIdentities(a, b, ev);
      const norm = normBound(a, b);
      for (let k = 0; k < n; k++) {
        assert.ok(Math.abs(kthEigenvalue(a, b, k) - ev[k]) <= 50 * EPS * norm, `k = ${k}`);
      }
      // The largest eigenvalue is ≈ a_max (relative perturbation ~ b/a² = 0.025).
      assert.ok(Math.abs(ev[n - 1] / 1e20 - 1) < 0.05);
    }
  });

  it("extreme scales: a and b near the overflow and underflow thresholds", () => {
    for (const scale of [1e150, 1e-150, 1e154, 1e-153, 1e300, 1e-300]) {
      const { a, b, exact } = toeplitz121(20);
      for (let i = 0; i < a.length; i++) a[i] *= scale;
      // b scales with scale², which over/underflows for 1e±300: then take the diagonal matrix.
      const bScale = Math.abs(Math.log10(scale)) > 200 ? 0 : scale * scale;
      for (let i = 0; i < b.length; i++) b[i] *= bScale;
      const ev = tridiagonalEigenvalues(a, b);
      for (const x of ev) assert.ok(Number.isFinite(x));
      const expected =
        bScale === 0 ? new Float64Array(20).fill(2 * scale) : exact.map((x) => x * scale);
      assert.ok(maxAbsDiff(ev, expected) <= 50 * EPS * 4 * scale, `scale ${scale}`);
    }
  });

  it("Wilkinson W21+: near-double eigenvalues", () => {
    const n = 21;
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) a[i] = Math.abs(10 - i);
    const b = new Float64Array(n - 1).fill(1);
    const ev = tridiagonalEigenvalues(a, b);
    assertAscending(ev);
    checkTraceIdentities(a, b, ev);
    // The two largest eigenvalues agree to ~13 digits (Wilkinson, "The Algebraic Eigenvalue
    // Problem", §5.45): 10.746194182903...
    assert.ok(Math.abs(ev[20] - 10.7461941829034) < 1e-12, `${ev[20]}`);
    assert.ok(Math.abs(ev[19] - 10.7461941829034) < 1e-12, `${ev[19]}`);
    assert.ok(ev[20] - ev[19] < 1e-12);
    for (let k = 0; k < n; k++) assert.ok(Math.abs(kthEigenvalue(a, b, k) - ev[k]) <= 1e-13);
  });

  it("a tiny off-diagonal entry splits the matrix into independent blocks", () => {
    const left = toeplitz121(6);
    const right = toeplitz121(5);
    const a = new Float64Array(11);
    const b = new Float64Array(10);
    a.set(left.a, 0);
    a.set(
      right.a.map((x) => x + 10),
      6,
    );
    b.set(left.b, 0);
    b.set(right.b, 6);
    for (const tiny of [0, 1e-40, 1e-300]) {
      b[5] = tiny;
      const ev = tridiagonalEigenvalues(a, b);
      const expected = [...left.exact, ...right.exact.map((x) => x + 10)];
      assert.ok(maxAbsDiff(ev, expected) <= 50 * EPS * 12);
    }
  });

  it("zeros on the off-diagonal: a diagonal matrix returns its sorted diagonal exactly", () => {
    const a = Float64Array.from([3, -1, 7, 0, -5, 2]);
    const b = new Float64Array(5);
    assert.deepEqual(Array.from(tridiagonalEigenvalues(a, b)), [-5, -1, 0, 2, 3, 7]);
  });

  it("n = 1 and n = 2 (closed forms)", () => {
    assert.deepEqual(
      Array.from(tridiagonalEigenvalues(Float64Array.of(-3.5), new Float64Array(0))),
      [-3.5],
    );
    const cases: [number, number, number][] = [
      [1, 2, 3],
      [0, 1e-30, 0],
      [5, 0, -5],
      [1e10, 1, 1e10],
      [-2, 9, 4],
    ];
    for (const [p, bb, r] of cases) {
      const ev = tridiagonalEigenvalues(Float64Array.of(p, r), Float64Array.of(bb));
      const mean = (p + r) / 2;
      const radius = Math.sqrt(((p - r) / 2) ** 2 + bb);
      const scale = Math.abs(mean) + radius;
      assert.ok(Math.abs(ev[0] - (mean - radius)) <= 4 * EPS * scale, `${p}, ${bb}, ${r}`);
      assert.ok(Math.abs(ev[1] - (mean + radius)) <= 4 * EPS * scale, `${p}, ${bb}, ${r}`);
    }
  });

  it("does not modify its inputs", () => {
    const { a, b } = randomHermite(40, 3);
    const a0 = Float64Array.from(a);
    const b0 = Float64Array.from(b);
    tridiagonalEigenvalues(a, b);
    assert.deepEqual(a, a0);
    assert.deepEqual(b, b0);
  });

  it("rejects bad input with RangeError", () => {
    const f = (a: number[], b: number[]) =>
      tridiagonalEigenvalues(Float64Array.from(a), Float64Array.from(b));
    assert.throws(() => f([], []), RangeError);
    assert.throws(() => f([1, 2], []), RangeError);
    assert.throws(() => f([1, 2], [1, 1]), RangeError);
    assert.throws(() => f([1, Number.NaN], [1]), RangeError);
    assert.throws(() => f([1, Number.POSITIVE_INFINITY], [1]), RangeError);
    assert.throws(() => f([1, 2], [Number.NaN]), RangeError);
    assert.throws(() => f([1, 2], [-1]), RangeError);
    assert.throws(() => f([1, 2], [Number.POSITIVE_INFINITY]), RangeError);
  });
});
