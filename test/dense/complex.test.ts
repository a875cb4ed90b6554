/**
 * Dense general complex eigenvalues (Householder–Hessenberg + shifted complex QR) and the small
 * dense utilities (unitary QR factor, Cholesky, forward substitution, Gram matrix): known spectra,
 * similarity invariance, trace identities Tr A^k = Σλ^k, unitary and Hermitian special cases.
 * Deterministic; tolerances are multiples of ε·‖A‖·n.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { choleskyInPlace } from "../../src/dense/cholesky.js";
import { complexEigenvalues } from "../../src/dense/complexEigenvalues.js";
import { forwardSubstitution } from "../../src/dense/forwardSubstitution.js";
import { complexGaussianMatrix } from "../../src/dense/gaussianMatrix.js";
import { gramMatrix } from "../../src/dense/gramMatrix.js";
import { hermitianEigenvalues } from "../../src/dense/hermitianEigenvalues.js";
import { hessenbergForm } from "../../src/dense/hessenbergForm.js";
import { unitaryQrFactor } from "../../src/dense/unitaryQrFactor.js";
import { createRandomSource } from "../../src/random/philox.js";
import {
  adjoint,
  type Complex,
  complexSetDistance,
  maxAbs,
  maxDifference,
  multiply,
  randomHermitian,
  randomUnitary,
} from "./helpers.js";

function gaussian(n: number, seed: number): Complex {
  return complexGaussianMatrix(createRandomSource(seed), n, n);
}

/** Σ_i λ_i^k and Tr A^k for k = 1..3. */
function powerSums(
  n: number,
  a: Complex,
  lambda: Complex,
): { traces: number[][]; sums: number[][] } {
  const traces: number[][] = [];
  const sums: number[][] = [];
  let p = a;
  for (let k = 1; k <= 3; k++) {
    let tr = 0;
    let ti = 0;
    for (let i = 0; i < n; i++) {
      tr += p.re[i * n + i];
      ti += p.im[i * n + i];
    }
    traces.push([tr, ti]);
    let sr = 0;
    let si = 0;
    for (let i = 0; i < n; i++) {
      // λ^k by repeated multiplication
      let zr = 1;
      let zi = 0;
      for (let j = 0; j < k; j++) {
        const t = zr * lambda.re[i] - zi * lambda.im[i];
        zi = zr * lambda.im[i] + zi * lambda.re[i];
        zr = t;
      }
      sr += zr;
      si += zi;
    }
    sums.push([sr, si]);
    p = multiply(n, p, a);
  }
  return { traces, sums };
}

describe("complexEigenvalues", () => {
  it("returns the diagonal of a triangular matrix, and the spectrum of S T S⁻¹ (S unitary)", () => {
    for (const n of [1, 2, 3, 10, 60]) {
      const t: Complex = { re: new Float64Array(n * n), im: new Float64Array(n * n) };
      const d: Complex = { re: new Float64Array(n), im: new Float64Array(n) };
      const g = gaussian(n, 40 + n);
      for (let i = 0; i < n; i++) {
        d.re[i] = Math.cos(1.3 * i) * (1 + i / n);
        d.im[i] = Math.sin(1.3 * i) * (1 + i / n);
        t.re[i * n + i] = d.re[i];
        t.im[i * n + i] = d.im[i];
        for (let j = i + 1; j < n; j++) {
          t.re[i * n + j] = 0.3 * g.re[i * n + j];
          t.im[i * n + j] = 0.3 * g.im[i * n + j];
        }
      }
      assert.ok(
        complexSetDistance(complexEigenvalues(n, t.re, t.im), d) === 0,
        `triangular n=${n}`,
      );
      const s = randomUnitary(n, 50 + n);
      const a = multiply(n, multiply(n, s, t), adjoint(n, s));
      const lambda = complexEigenvalues(n, a.re, a.im);
      assert.ok(
        complexSetDistance(lambda, d) < 1e-11,
        `similar n=${n}: ${complexSetDistance(lambda, d)}`,
      );
    }
  });

  it("finds the roots of unity from the companion matrix of zⁿ − 1 (a unitary shift)", () => {
    for (const n of [2, 5, 32]) {
      const re = new Float64Array(n * n);
      const im = new Float64Array(n * n);
      for (let i = 1; i < n; i++) re[i * n + i - 1] = 1;
      re[n - 1] = 1;
      const lambda = complexEigenvalues(n, re, im);
      const roots: Complex = {
        re: Float64Array.from({ length: n }, (_, k) => Math.cos((2 * Math.PI * k) / n)),
        im: Float64Array.from({ length: n }, (_, k) => Math.sin((2 * Math.PI * k) / n)),
      };
      assert.ok(complexSetDistance(lambda, roots) < 1e-13, `n = ${n}`);
    }
  });

  it("satisfies Tr Aᵏ = Σ λᵏ (k = 1, 2, 3) on random complex matrices", () => {
    for (const n of [4, 30, 80]) {
      const a = gaussian(n, 60 + n);
      const lambda = complexEigenvalues(n, a.re, a.im);
      const { traces, sums } = powerSums(n, a, lambda);
      for (let k = 0; k < 3; k++) {
        const scale = (Math.sqrt(2 * n) + 1) ** (k + 1) * n;
        assert.ok(
          Math.hypot(traces[k][0] - sums[k][0], traces[k][1] - sums[k][1]) < 1e-13 * scale,
          `n = ${n}, k = ${k + 1}`,
        );
      }
    }
  });

  it("puts the eigenvalues of a unitary matrix on the unit circle; agrees with the Hermitian solver", () => {
    const n = 40;
    const u = randomUnitary(n, 3);
    const lambda = complexEigenvalues(n, u.re, u.im);
    for (let i = 0; i < n; i++)
      assert.ok(Math.abs(Math.hypot(lambda.re[i], lambda.im[i]) - 1) < 1e-13);
    const h = randomHermitian(n, 4);
    const e = complexEigenvalues(n, h.re, h.im);
    const real = Float64Array.from(e.re).sort();
    assert.ok(maxDifference(real, hermitianEigenvalues(n, h.re, h.im)) < 1e-12 * maxAbs(h) * n);
    assert.ok(e.im.every((x) => Math.abs(x) < 1e-12 * maxAbs(h) * n));
  });

  it("handles zero, diagonal and defective (Jordan) matrices and does not modify its input", () => {
    const z = complexEigenvalues(3, new Float64Array(9), new Float64Array(9));
    assert.deepEqual(Array.from(z.re), [0, 0, 0]);
    // Jordan block J₃(2) under a unitary similarity: eigenvalue 2 with error O(ε^{1/3}).
    const n = 3;
    const j: Complex = { re: Float64Array.of(2, 1, 0, 0, 2, 1, 0, 0, 2), im: new Float64Array(9) };
    const s = randomUnitary(n, 11);
    const a = multiply(n, multiply(n, s, j), adjoint(n, s));
    const copy = Float64Array.from(a.re);
    const lambda = complexEigenvalues(n, a.re, a.im);
    assert.deepEqual(a.re, copy);
    for (let i = 0; i < n; i++) assert.ok(Math.hypot(lambda.re[i] - 2, lambda.im[i]) < 1e-4);
  });

  it("rejects bad input with a RangeError", () => {
    assert.throws(
      () => complexEigenvalues(2, new Float64Array(4), new Float64Array(5)),
      RangeError,
    );
    assert.throws(
      () => complexEigenvalues(1, Float64Array.of(Number.NaN), new Float64Array(1)),
      RangeError,
    );
  });
});

describe("hessenbergForm", () => {
  it("zeroes the entries below the subdiagonal and keeps the trace and Frobenius norm", () => {
    const n = 20;
    const a = gaussian(n, 70);
    const h = { re: Float64Array.from(a.re), im: Float64Array.from(a.im) };
    hessenbergForm(n, h.re, h.im);
    let fa = 0;
    let fh = 0;
    for (let i = 0; i < n * n; i++) {
      fa += a.re[i] ** 2 + a.im[i] ** 2;
      fh += h.re[i] ** 2 + h.im[i] ** 2;
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < i - 1; j++) assert.equal(h.re[i * n + j], 0);
    assert.ok(Math.abs(fa - fh) < 1e-13 * fa);
  });
});

describe("unitaryQrFactor", () => {
  it("returns a unitary Q with R = Q*A upper triangular with a positive real diagonal", () => {
    for (const n of [1, 2, 7, 30]) {
      const a = gaussian(n, 80 + n);
      const q = unitaryQrFactor(n, a.re, a.im);
      const qq = multiply(n, adjoint(n, q), q);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          assert.ok(Math.hypot(qq.re[i * n + j] - (i === j ? 1 : 0), qq.im[i * n + j]) < 1e-14 * n);
        }
      }
      const r = multiply(n, adjoint(n, q), a);
      for (let i = 0; i < n; i++) {
        assert.ok(r.re[i * n + i] > 0 && Math.abs(r.im[i * n + i]) < 1e-13 * n);
        for (let j = 0; j < i; j++)
          assert.ok(Math.hypot(r.re[i * n + j], r.im[i * n + j]) < 1e-13 * n);
      }
    }
  });
});

describe("gramMatrix, choleskyInPlace, forwardSubstitution", () => {
  it("solve L L* = XX* + YY* and L Z = X so that ZZ* has eigenvalues in [0, 1]", () => {
    const p = 6;
    const m = 9;
    const rng = createRandomSource(90);
    const x = complexGaussianMatrix(rng, p, m);
    const y = complexGaussianMatrix(rng, p, m + 2);
    const b = gramMatrix(p, m, x.re, x.im);
    const yy = gramMatrix(p, m + 2, y.re, y.im);
    for (let i = 0; i < p * p; i++) {
      b.re[i] += yy.re[i];
      b.im[i] += yy.im[i];
    }
    const l = { re: Float64Array.from(b.re), im: Float64Array.from(b.im) };
    choleskyInPlace(p, l.re, l.im);
    // Check L L* = B on the lower triangle.
    for (let i = 0; i < p; i++) {
      for (let j = 0; j <= i; j++) {
        let sr = 0;
        let si = 0;
        for (let k = 0; k <= j; k++) {
          sr += l.re[i * p + k] * l.re[j * p + k] + l.im[i * p + k] * l.im[j * p + k];
          si += l.im[i * p + k] * l.re[j * p + k] - l.re[i * p + k] * l.im[j * p + k];
        }
        assert.ok(Math.hypot(sr - b.re[i * p + j], si - b.im[i * p + j]) < 1e-12 * 50);
      }
    }
    const z = { re: Float64Array.from(x.re), im: Float64Array.from(x.im) };
    forwardSubstitution(p, m, l.re, l.im, z.re, z.im);
    const s = gramMatrix(p, m, z.re, z.im);
    const lambda = hermitianEigenvalues(p, s.re, s.im);
    assert.ok(lambda[0] > 0 && lambda[p - 1] < 1);
  });

  it("real versions agree with the complex ones, and Cholesky rejects an indefinite matrix", () => {
    const p = 4;
    const a = Float64Array.of(4, 0, 0, 0, 2, 5, 0, 0, 1, 1, 6, 0, 0.5, 2, 1, 7);
    const lr = Float64Array.from(a);
    const lc = { re: Float64Array.from(a), im: new Float64Array(16) };
    choleskyInPlace(p, lr);
    choleskyInPlace(p, lc.re, lc.im);
    assert.ok(maxDifference(lr, lc.re) < 1e-15);
    assert.throws(() => choleskyInPlace(2, Float64Array.of(1, 0, 2, 1)), RangeError);
    const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    const xc = Float64Array.from(x);
    forwardSubstitution(p, 2, lr, undefined, x);
    forwardSubstitution(p, 2, lc.re, lc.im, xc, new Float64Array(8));
    assert.ok(maxDifference(x, xc) < 1e-15);
    const g = gramMatrix(2, 2, Float64Array.of(1, 2, 3, 4));
    assert.deepEqual(Array.from(g.re), [5, 0, 11, 25]);
  });
});
