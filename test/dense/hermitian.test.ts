/**
 * Dense real symmetric, complex Hermitian and quaternion self-dual eigenvalue solvers
 * (Householder tridiagonalisation + the tridiagonal QL/QR solver): known spectra, similarity
 * invariance, trace identities, agreement with the tridiagonal solver, argument checks.
 * Deterministic (fixed matrices); tolerances are multiples of ε·‖A‖·n.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hermitianEigenvalues } from "../../src/dense/hermitianEigenvalues.js";
import { hermitianTridiagonalForm } from "../../src/dense/hermitianTridiagonalForm.js";
import { selfDualEigenvalues } from "../../src/dense/selfDualEigenvalues.js";
import { symmetricEigenvalues } from "../../src/dense/symmetricEigenvalues.js";
import { symmetricTridiagonalForm } from "../../src/dense/symmetricTridiagonalForm.js";
import { tridiagonalEigenvalues } from "../../src/tridiagonal/eigenvalues.js";
import {
  adjoint,
  type Complex,
  maxDifference,
  multiply,
  randomHermitian,
  randomSymmetric,
  randomUnitary,
} from "./helpers.js";

const EPS = Number.EPSILON;

function sorted(values: number[]): Float64Array {
  return Float64Array.from(values).sort();
}

/** U diag(d) U* for a random unitary U: a Hermitian matrix with known spectrum d. */
function hermitianWithSpectrum(d: number[], seed: number): Complex {
  const n = d.length;
  const u = randomUnitary(n, seed);
  const diag: Complex = { re: new Float64Array(n * n), im: new Float64Array(n * n) };
  for (let i = 0; i < n; i++) diag.re[i * n + i] = d[i];
  return multiply(n, multiply(n, u, diag), adjoint(n, u));
}

describe("symmetricEigenvalues", () => {
  it("returns the spectrum of Q D Qᵀ (Q real orthogonal, built from Householder reflectors)", () => {
    for (const n of [1, 2, 3, 7, 40]) {
      const d = Array.from({ length: n }, (_, i) => (i - n / 3) * 0.7 + (i % 3) * 1e-3);
      // Q = product of two reflectors I − 2vvᵀ/vᵀv.
      let a = new Float64Array(n * n);
      for (let i = 0; i < n; i++) a[i * n + i] = d[i];
      for (const seed of [1, 2]) {
        const v = Array.from({ length: n }, (_, i) => Math.sin(seed * (i + 1)) + 0.3);
        const vv = v.reduce((s, x) => s + x * x, 0);
        const h = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) h[i * n + j] = (i === j ? 1 : 0) - (2 * v[i] * v[j]) / vv;
        }
        const ha = new Float64Array(n * n);
        const hah = new Float64Array(n * n);
        for (let i = 0; i < n; i++)
          for (let k = 0; k < n; k++)
            for (let j = 0; j < n; j++) ha[i * n + j] += h[i * n + k] * a[k * n + j];
        for (let i = 0; i < n; i++)
          for (let k = 0; k < n; k++)
            for (let j = 0; j < n; j++) hah[i * n + j] += ha[i * n + k] * h[k * n + j];
        a = hah;
      }
      const lambda = symmetricEigenvalues(n, a);
      assert.ok(maxDifference(lambda, sorted(d)) < 50 * n * EPS * 10, `n = ${n}`);
    }
  });

  it("agrees with tridiagonalEigenvalues on a dense tridiagonal matrix", () => {
    const n = 30;
    const diagonal = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
    const off = Float64Array.from({ length: n - 1 }, (_, i) => 0.5 + Math.sin(i) ** 2);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) a[i * n + i] = diagonal[i];
    for (let i = 0; i + 1 < n; i++) {
      a[(i + 1) * n + i] = Math.sqrt(off[i]);
      a[i * n + i + 1] = Math.sqrt(off[i]);
    }
    assert.ok(
      maxDifference(symmetricEigenvalues(n, a), tridiagonalEigenvalues(diagonal, off)) < 1e-13,
    );
    // The Householder form of a tridiagonal matrix is itself (up to signs of the off-diagonal).
    const t = symmetricTridiagonalForm(n, a);
    assert.ok(maxDifference(t.diagonal, diagonal) < 1e-14);
    assert.ok(maxDifference(t.offDiagonalSquared, off) < 1e-14);
  });

  it("satisfies Σλ = Tr A and Σλ² = ‖A‖_F², reads only the lower triangle, leaves A intact", () => {
    for (const n of [5, 60]) {
      const a = randomSymmetric(n, 7 + n);
      const copy = Float64Array.from(a);
      const lambda = symmetricEigenvalues(n, a);
      assert.deepEqual(a, copy);
      let trace = 0;
      let frob = 0;
      for (let i = 0; i < n; i++) trace += a[i * n + i];
      for (const x of a) frob += x * x;
      const s1 = lambda.reduce((s, x) => s + x, 0);
      const s2 = lambda.reduce((s, x) => s + x * x, 0);
      assert.ok(Math.abs(s1 - trace) < 1e-12 * frob);
      assert.ok(Math.abs(s2 - frob) < 1e-13 * frob);
      // Garbage in the strict upper triangle is ignored.
      const lower = Float64Array.from(a);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) lower[i * n + j] = 1e300;
      assert.ok(maxDifference(symmetricEigenvalues(n, lower), lambda) < 1e-12 * Math.sqrt(frob));
    }
  });

  it("handles zero and already-reduced columns, n = 0 and n = 1", () => {
    assert.deepEqual(symmetricEigenvalues(0, new Float64Array(0)), new Float64Array(0));
    assert.deepEqual(symmetricEigenvalues(1, Float64Array.of(-3)), Float64Array.of(-3));
    assert.deepEqual(symmetricEigenvalues(3, new Float64Array(9)), new Float64Array(3));
    const diag = Float64Array.of(3, 0, 0, 0, 1, 0, 0, 0, 2);
    assert.deepEqual(Array.from(symmetricEigenvalues(3, diag)), [1, 2, 3]);
  });

  it("rejects bad input with a RangeError", () => {
    assert.throws(() => symmetricEigenvalues(3, new Float64Array(8)), RangeError);
    assert.throws(() => symmetricEigenvalues(2.5, new Float64Array(4)), RangeError);
    assert.throws(() => symmetricEigenvalues(2, Float64Array.of(1, 0, Number.NaN, 1)), RangeError);
  });
});

describe("hermitianEigenvalues", () => {
  it("returns the spectrum of U D U* (U random unitary), including clusters", () => {
    for (const n of [1, 2, 3, 8, 50]) {
      const d = Array.from({ length: n }, (_, i) => Math.round(3 * Math.sin(i + 1)) + 1e-9 * i);
      const a = hermitianWithSpectrum(d, 100 + n);
      const lambda = hermitianEigenvalues(n, a.re, a.im);
      assert.ok(maxDifference(lambda, sorted(d)) < 100 * n * EPS * 4, `n = ${n}`);
    }
  });

  it("is invariant under unitary similarity and matches the real solver on real input", () => {
    const n = 25;
    const a = randomHermitian(n, 5);
    const lambda = hermitianEigenvalues(n, a.re, a.im);
    const u = randomUnitary(n, 6);
    const b = multiply(n, multiply(n, u, a), adjoint(n, u));
    const scale = Math.max(Math.abs(lambda[0]), Math.abs(lambda[n - 1]));
    assert.ok(maxDifference(hermitianEigenvalues(n, b.re, b.im), lambda) < 200 * n * EPS * scale);
    const s = randomSymmetric(n, 8);
    const zero = new Float64Array(n * n);
    assert.ok(maxDifference(hermitianEigenvalues(n, s, zero), symmetricEigenvalues(n, s)) < 1e-12);
  });

  it("has Σλ = Tr A, Σλ² = ‖A‖_F², and a real tridiagonal form with the same invariants", () => {
    const n = 40;
    const a = randomHermitian(n, 9);
    const lambda = hermitianEigenvalues(n, a.re, a.im);
    let trace = 0;
    let frob = 0;
    for (let i = 0; i < n; i++) trace += a.re[i * n + i];
    for (let i = 0; i < n * n; i++) frob += a.re[i] ** 2 + a.im[i] ** 2;
    assert.ok(Math.abs(lambda.reduce((s, x) => s + x, 0) - trace) < 1e-12 * frob);
    assert.ok(Math.abs(lambda.reduce((s, x) => s + x * x, 0) - frob) < 1e-13 * frob);
    const t = hermitianTridiagonalForm(n, a.re, a.im);
    let tFrob = 0;
    for (const x of t.diagonal) tFrob += x * x;
    for (const b of t.offDiagonalSquared) tFrob += 2 * b;
    assert.ok(Math.abs(tFrob - frob) < 1e-13 * frob);
    assert.ok(t.offDiagonalSquared.every((b) => b >= 0));
  });

  it("solves the 2×2 case in closed form: [[a, z], [z̄, d]] has (a+d)/2 ± √(((a−d)/2)² + |z|²)", () => {
    const re = Float64Array.of(1, 2, 2, -3);
    const im = Float64Array.of(0, -1.5, 1.5, 0);
    const r = Math.sqrt(4 + 4 + 2.25);
    assert.ok(maxDifference(hermitianEigenvalues(2, re, im), [-1 - r, -1 + r]) < 1e-15 * 8);
  });

  it("rejects bad input with a RangeError", () => {
    assert.throws(
      () => hermitianEigenvalues(2, new Float64Array(4), new Float64Array(3)),
      RangeError,
    );
    assert.throws(
      () =>
        hermitianEigenvalues(
          2,
          new Float64Array(4),
          Float64Array.of(0, 0, Number.POSITIVE_INFINITY, 0),
        ),
      RangeError,
    );
  });
});

describe("selfDualEigenvalues (quaternion Hermitian as 2n×2n complex)", () => {
  /** [[P, Q], [−Q̄, P̄]] with P Hermitian and Q antisymmetric. */
  function selfDual(n: number, seed: number): Complex {
    const p = randomHermitian(n, seed);
    const q = randomHermitian(n, seed + 1); // use its entries as a source of numbers
    const size = 2 * n;
    const re = new Float64Array(size * size);
    const im = new Float64Array(size * size);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const qr = i === j ? 0 : i > j ? q.re[i * n + j] : -q.re[j * n + i];
        const qi = i === j ? 0 : i > j ? q.im[i * n + j] : -q.im[j * n + i];
        re[i * size + j] = p.re[i * n + j];
        im[i * size + j] = p.im[i * n + j];
        re[i * size + j + n] = qr;
        im[i * size + j + n] = qi;
        re[(i + n) * size + j] = -qr;
        im[(i + n) * size + j] = qi;
        re[(i + n) * size + j + n] = p.re[i * n + j];
        im[(i + n) * size + j + n] = -p.im[i * n + j];
      }
    }
    return { re, im };
  }

  it("returns n eigenvalues, each once: every other of the 2n complex eigenvalues", () => {
    for (const n of [1, 2, 5, 30]) {
      const a = selfDual(n, 20 + n);
      const all = hermitianEigenvalues(2 * n, a.re, a.im);
      const half = selfDualEigenvalues(n, a.re, a.im);
      assert.equal(half.length, n);
      for (let i = 0; i < n; i++) {
        assert.ok(
          Math.abs(all[2 * i] - all[2 * i + 1]) < 1e-12 * Math.max(1, Math.abs(all[2 * i])),
        );
        assert.ok(Math.abs(half[i] - all[2 * i]) < 1e-12 * Math.max(1, Math.abs(all[2 * i])));
      }
    }
  });

  it("throws when the eigenvalues are not paired (matrix not self-dual)", () => {
    const a = randomHermitian(4, 3);
    assert.throws(() => selfDualEigenvalues(2, a.re, a.im), /not a degenerate pair/);
  });
});
