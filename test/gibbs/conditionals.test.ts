/**
 * The walk-counting conditionals against brute force: −s·Tr V(J) computed from the dense Jacobi
 * matrix (explicit matrix powers), as a function of one coefficient, must equal the derived
 * polynomial up to an additive constant. Deterministic (fixed seeds), tolerance 1e−10 relative.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  createConditionalWork,
  diagonalConditional,
  offDiagonalConditional,
} from "../../src/gibbs/conditionals.js";
import { evaluatePolynomial } from "../../src/potentials/polynomial.js";
import { createRandomSource } from "../../src/random/philox.js";
import type { RandomSource } from "../../src/random/source.js";

/** Tr V(J) from the dense N×N matrix J (diagonal a, off-diagonal √b), by explicit powers. */
function denseTraceV(a: Float64Array, b: Float64Array, v: ArrayLike<number>): number {
  const n = a.length;
  const J = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    J[i * n + i] = a[i];
    if (i < n - 1) {
      J[i * n + i + 1] = Math.sqrt(b[i]);
      J[(i + 1) * n + i] = Math.sqrt(b[i]);
    }
  }
  let P = new Float64Array(n * n);
  for (let i = 0; i < n; i++) P[i * n + i] = 1;
  let total = v[0] * n;
  for (let k = 1; k < v.length; k++) {
    const Q = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let l = 0; l < n; l++) {
        const pil = P[i * n + l];
        if (pil === 0) continue;
        for (let j = 0; j < n; j++) Q[i * n + j] += pil * J[l * n + j];
      }
    P = Q;
    let tr = 0;
    for (let i = 0; i < n; i++) tr += P[i * n + i];
    total += v[k] * tr;
  }
  return total;
}

/** Absolute size of the terms of Tr V(J): Σ_k |v_k| Tr |J|^k, the scale of rounding errors. */
function traceScale(a: Float64Array, b: Float64Array, v: ArrayLike<number>): number {
  const absA = a.map(Math.abs);
  const absV = Array.from(v, Math.abs);
  return denseTraceV(absA, b, absV);
}

function randomState(rng: RandomSource, n: number): { a: Float64Array; b: Float64Array } {
  const a = new Float64Array(n);
  const b = new Float64Array(Math.max(n - 1, 0));
  for (let i = 0; i < n; i++) a[i] = 2 * rng.uniform() - 1;
  for (let i = 0; i < n - 1; i++) b[i] = 0.1 + rng.uniform();
  return { a, b };
}

function randomPotential(rng: RandomSource, degree: number): Float64Array {
  const v = new Float64Array(degree + 1);
  for (let k = 0; k <= degree; k++) v[k] = 2 * rng.uniform() - 1;
  v[degree] = 0.1 + rng.uniform();
  return v;
}

const work = createConditionalWork(10);
const out = new Float64Array(11);

/** Max relative discrepancy between the derived polynomial and the dense trace, in x. */
function checkDiagonal(a: Float64Array, b: Float64Array, v: Float64Array, i: number, s: number) {
  const n = a.length;
  const d = v.length - 1;
  diagonalConditional(a, b, n, i, v, d, s, out, work);
  const xs = [-1.3, -0.4, 0.2, 0.9, 1.7];
  const saved = a[i];
  const exact: number[] = [];
  let scale = 0;
  for (const x of xs) {
    a[i] = x;
    exact.push(-s * denseTraceV(a, b, v));
    scale = Math.max(scale, s * traceScale(a, b, v));
  }
  a[i] = saved;
  let worst = 0;
  for (let j = 1; j < xs.length; j++) {
    const derived = evaluatePolynomial(out, d, xs[j]) - evaluatePolynomial(out, d, xs[0]);
    worst = Math.max(worst, Math.abs(derived - (exact[j] - exact[0])) / scale);
  }
  return worst;
}

function checkOffDiagonal(a: Float64Array, b: Float64Array, v: Float64Array, i: number, s: number) {
  const n = a.length;
  const d = v.length - 1;
  const degree = offDiagonalConditional(a, b, n, i, v, d, s, out, work);
  assert.equal(degree, d >> 1);
  const ys = [0.05, 0.3, 0.8, 1.4, 2.2];
  const saved = b[i];
  const exact: number[] = [];
  let scale = 0;
  for (const y of ys) {
    b[i] = y;
    exact.push(-s * denseTraceV(a, b, v));
    scale = Math.max(scale, s * traceScale(a, b, v));
  }
  b[i] = saved;
  let worst = 0;
  for (let j = 1; j < ys.length; j++) {
    const derived = evaluatePolynomial(out, degree, ys[j]) - evaluatePolynomial(out, degree, ys[0]);
    worst = Math.max(worst, Math.abs(derived - (exact[j] - exact[0])) / scale);
  }
  return worst;
}

describe("conditionals by walk counting equal the dense trace", () => {
  it("diagonal a_i, degrees 2..10, all indices (incl. 1, N−1, N), N = 1..13", () => {
    const rng = createRandomSource(401);
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + (trial % 13);
      const degree = 2 + (trial % 9);
      const { a, b } = randomState(rng, n);
      const v = randomPotential(rng, degree);
      const s = 0.5 + 3 * rng.uniform();
      for (let i = 0; i < n; i++) {
        const err = checkDiagonal(a, b, v, i, s);
        assert.ok(err < 1e-10, `a_${i + 1}, N = ${n}, degree ${degree}: relative error ${err}`);
      }
    }
  });

  it("off-diagonal b_i, degrees 2..10, all indices (incl. 1, N−2, N−1), N = 2..13", () => {
    const rng = createRandomSource(402);
    for (let trial = 0; trial < 40; trial++) {
      const n = 2 + (trial % 12);
      const degree = 2 + (trial % 9);
      const { a, b } = randomState(rng, n);
      const v = randomPotential(rng, degree);
      const s = 0.5 + 3 * rng.uniform();
      for (let i = 0; i < n - 1; i++) {
        const err = checkOffDiagonal(a, b, v, i, s);
        assert.ok(err < 1e-10, `b_${i + 1}, N = ${n}, degree ${degree}: relative error ${err}`);
      }
    }
  });

  it("agrees with DPPy's closed forms q_k, r_k (docs/theory.md §3.3) for k ≤ 6", () => {
    const rng = createRandomSource(403);
    const n = 10;
    const { a: a0, b: b0 } = randomState(rng, n);
    // Padded 1-based accessors: a_0 = a_{-1} = a_{N+1} = a_{N+2} = 0, b_0 = b_{-1} = b_N = … = 0.
    const A = (k: number) => (k >= 1 && k <= n ? a0[k - 1] : 0);
    const B = (k: number) => (k >= 1 && k <= n - 1 ? b0[k - 1] : 0);
    for (const i of [1, 2, 3, 5, 8, 9, 10]) {
      const S = B(i - 1) + B(i);
      const T = A(i - 1) * B(i - 1) + A(i + 1) * B(i);
      const q: number[][] = [
        [],
        [0, 1],
        [0, 0, 1],
        [0, 3 * S, 0, 1],
        [0, 4 * T, 4 * S, 0, 1],
        [
          0,
          5 * (B(i - 1) * (A(i - 1) ** 2 + B(i - 2)) + S ** 2 + B(i) * (A(i + 1) ** 2 + B(i + 1))),
          5 * T,
          5 * S,
          0,
          1,
        ],
        [
          0,
          6 *
            (A(i - 2) * B(i - 2) * B(i - 1) +
              A(i - 1) * B(i - 1) * (A(i - 1) ** 2 + 2 * (B(i - 2) + B(i - 1) + B(i))) +
              A(i + 1) * B(i) * (A(i + 1) ** 2 + 2 * (B(i - 1) + B(i) + B(i + 1))) +
              A(i + 2) * B(i) * B(i + 1)),
          3 *
            (2 * B(i - 1) * (A(i - 1) ** 2 + B(i - 2)) +
              3 * S ** 2 +
              2 * B(i) * (A(i + 1) ** 2 + B(i + 1))),
          6 * T,
          6 * S,
          0,
          1,
        ],
      ];
      for (let k = 1; k <= 6; k++) {
        const v = new Float64Array(k + 1);
        v[k] = 1;
        diagonalConditional(a0, b0, n, i - 1, v, k, 1, out, work);
        for (let m = 1; m <= k; m++) {
          const expected = -(q[k][m] ?? 0);
          assert.ok(
            Math.abs(out[m] - expected) <= 1e-12 * (1 + Math.abs(expected)),
            `q_${k}, i = ${i}, x^${m}: ${out[m]} vs ${expected}`,
          );
        }
      }
    }
    for (const i of [1, 2, 4, 7, 8, 9]) {
      const ai = A(i);
      const aj = A(i + 1);
      const r: number[][] = [
        [0],
        [0],
        [0, 2],
        [0, 3 * (ai + aj)],
        [0, 4 * (ai * ai + ai * aj + aj * aj + B(i - 1) + B(i + 1)), 2],
        [
          0,
          5 *
            (ai ** 3 +
              ai * ai * aj +
              ai * aj * aj +
              aj ** 3 +
              B(i - 1) * (A(i - 1) + 2 * ai + aj) +
              B(i + 1) * (ai + 2 * aj + A(i + 2))),
          5 * (ai + aj),
        ],
        [
          0,
          6 *
            (ai ** 4 +
              ai ** 3 * aj +
              ai * ai * aj * aj +
              ai * aj ** 3 +
              aj ** 4 +
              B(i - 1) *
                (A(i - 1) ** 2 +
                  A(i - 1) * aj +
                  aj * aj +
                  ai * (2 * A(i - 1) + 3 * ai + 2 * aj) +
                  B(i - 2) +
                  B(i - 1) +
                  B(i + 1)) +
              B(i + 1) *
                (ai * ai +
                  ai * A(i + 2) +
                  A(i + 2) ** 2 +
                  aj * (2 * ai + 3 * aj + 2 * A(i + 2)) +
                  B(i + 1) +
                  B(i + 2))),
          3 * (3 * ai * ai + 4 * ai * aj + 3 * aj * aj + 2 * (B(i - 1) + B(i + 1))),
          2,
        ],
      ];
      for (let k = 2; k <= 6; k++) {
        const v = new Float64Array(k + 1);
        v[k] = 1;
        const deg = offDiagonalConditional(a0, b0, n, i - 1, v, k, 1, out, work);
        for (let m = 1; m <= deg; m++) {
          const expected = -(r[k][m] ?? 0);
          assert.ok(
            Math.abs(out[m] - expected) <= 1e-12 * (1 + Math.abs(expected)),
            `r_${k}, i = ${i}, y^${m}: ${out[m]} vs ${expected}`,
          );
        }
      }
    }
  });

  it("V = x²/2 gives the Hermite conditionals N(0, 1/s) and Gamma rate s", () => {
    const rng = createRandomSource(404);
    const { a, b } = randomState(rng, 7);
    const v = Float64Array.from([0, 0, 0.5]);
    for (let i = 0; i < 7; i++) {
      diagonalConditional(a, b, 7, i, v, 2, 3.5, out, work);
      assert.equal(out[1] + 0, 0);
      assert.equal(out[2], -1.75);
      if (i < 6) {
        offDiagonalConditional(a, b, 7, i, v, 2, 3.5, out, work);
        assert.equal(out[1], -3.5);
      }
    }
  });
});
