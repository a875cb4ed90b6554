/**
 * The O(N²) CMV eigenangle solver (phase of the Schur function, safeguarded Newton) against the
 * dense reference (the CMV matrix LM and the complex QR algorithm): agreement to near machine
 * precision at small N for many β (including tiny β, where |α_k| ≈ 1 and the problem splits),
 * exact cases, and argument checks. Deterministic (fixed seeds).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cmvEigenangles } from "../../src/dense/cmvEigenangles.js";
import { cmvMatrix } from "../../src/dense/cmvMatrix.js";
import { complexEigenvalues } from "../../src/dense/complexEigenvalues.js";
import { verblunskyCoefficients } from "../../src/ensembles/circular.js";
import { createRandomSource } from "../../src/random/philox.js";
import { adjoint, multiply } from "./helpers.js";

const TWO_PI = 2 * Math.PI;

function denseAngles(re: Float64Array, im: Float64Array, rho2?: Float64Array): Float64Array {
  const n = re.length;
  const c = cmvMatrix(re, im, rho2);
  const e = complexEigenvalues(n, c.re, c.im);
  return Float64Array.from(e.re, (x, i) => {
    const t = Math.atan2(e.im[i], x);
    return t < 0 ? t + TWO_PI : t;
  }).sort();
}

/** Largest distance on the circle between two sorted angle lists (allowing a wrap at 0). */
function angleDistance(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    worst = Math.max(worst, Math.min(d, TWO_PI - d));
  }
  if (worst > 1e-6 && a.length > 1) {
    // A pair straddling 0 ≡ 2π sorts to opposite ends: compare with b rotated by one.
    const rotated = Float64Array.from(b, (_, i) => b[(i + b.length - 1) % b.length]);
    const other = angleDistance(a, rotated);
    return Math.min(worst, other);
  }
  return worst;
}

describe("cmvMatrix", () => {
  it("is unitary and five-diagonal", () => {
    for (const n of [1, 2, 5, 8]) {
      const alpha = verblunskyCoefficients(createRandomSource(3, n), n, 2);
      const c = cmvMatrix(alpha.re, alpha.im, alpha.rhoSquared);
      const cc = multiply(n, adjoint(n, c), c);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          assert.ok(Math.hypot(cc.re[i * n + j] - (i === j ? 1 : 0), cc.im[i * n + j]) < 1e-14);
          if (Math.abs(i - j) > 2) assert.equal(Math.hypot(c.re[i * n + j], c.im[i * n + j]), 0);
        }
      }
    }
  });
});

describe("cmvEigenangles (O(N²)) against the dense O(N³) solver", () => {
  for (const beta of [0.001, 0.05, 0.5, 1, 2, 3.7, 4, 50]) {
    it(`β = ${beta}: N ∈ {1, 2, 3, 5, 10, 40}, agreement to 1e-12`, () => {
      for (const n of [1, 2, 3, 5, 10, 40]) {
        for (let s = 0; s < 5; s++) {
          const alpha = verblunskyCoefficients(createRandomSource(17, s, n), n, beta);
          const fast = cmvEigenangles(alpha.re, alpha.im, alpha.rhoSquared);
          const dense = denseAngles(alpha.re, alpha.im, alpha.rhoSquared);
          assert.equal(fast.length, n);
          for (let i = 0; i < n; i++) assert.ok(fast[i] >= 0 && fast[i] < TWO_PI);
          for (let i = 1; i < n; i++) assert.ok(fast[i] >= fast[i - 1]);
          const d = angleDistance(fast, dense);
          assert.ok(d < 1e-12, `N = ${n}, sample ${s}: max angle difference ${d}`);
        }
      }
    });
  }

  it("without rhoSquared (computed as 1 − |α|²) gives the same angles", () => {
    const alpha = verblunskyCoefficients(createRandomSource(5), 30, 2);
    const a = cmvEigenangles(alpha.re, alpha.im, alpha.rhoSquared);
    const b = cmvEigenangles(alpha.re, alpha.im);
    assert.ok(angleDistance(a, b) < 1e-13);
  });

  it("α_k = 0 (k < N−1): the zeros of zᴺ − ᾱ_{N−1} are the N-th roots of ᾱ_{N−1}", () => {
    const n = 7;
    const eta = 1.234;
    const re = new Float64Array(n);
    const im = new Float64Array(n);
    re[n - 1] = Math.cos(eta);
    im[n - 1] = Math.sin(eta);
    const angles = cmvEigenangles(re, im);
    const expected = Float64Array.from({ length: n }, (_, k) => {
      const t = (-eta + TWO_PI * k) / n;
      return t < 0 ? t + TWO_PI : t;
    }).sort();
    assert.ok(angleDistance(angles, expected) < 1e-14);
  });

  it("splits where |α_k| = 1 (ρ_k = 0) and still matches the dense solver", () => {
    const n = 9;
    const alpha = verblunskyCoefficients(createRandomSource(8), n, 1.5);
    const re = Float64Array.from(alpha.re);
    const im = Float64Array.from(alpha.im);
    const rho2 = Float64Array.from(alpha.rhoSquared);
    for (const k of [0, 3, 4, 7]) {
      const m = Math.hypot(re[k], im[k]);
      re[k] /= m;
      im[k] /= m;
      rho2[k] = 0;
    }
    const d = angleDistance(cmvEigenangles(re, im, rho2), denseAngles(re, im, rho2));
    assert.ok(d < 1e-12, `difference ${d}`);
  });

  it("rejects bad coefficients with a RangeError", () => {
    assert.throws(() => cmvEigenangles(new Float64Array(0), new Float64Array(0)), RangeError);
    assert.throws(() => cmvEigenangles(Float64Array.of(0.5), Float64Array.of(0)), /modulus 1/);
    assert.throws(
      () => cmvEigenangles(Float64Array.of(1.5, 1), Float64Array.of(0, 0)),
      /unit disk/,
    );
    assert.throws(() => cmvEigenangles(Float64Array.of(0, 1), Float64Array.of(0)), RangeError);
    assert.throws(
      () => cmvEigenangles(Float64Array.of(Number.NaN, 1), Float64Array.of(0, 0)),
      RangeError,
    );
  });
});
