import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { laguerreLargestEigenvalueTruncated } from "../../src/ensembles/edge.js";
import { largestEigenvalueOf } from "../../src/ensembles/largestEigenvalue.js";
import { createRandomSource } from "../../src/random/philox.js";
import { gaussLegendre } from "../../src/special/gaussLegendre.js";
import { regularizedGammaP } from "../../src/special/regularizedGamma.js";
import { edgeScaling } from "../../src/theory/edgeScaling.js";
import {
  loeEdge,
  loeLargestEigenvalueCdf,
  loeLargestEigenvalueDefaultOrder,
} from "../../src/theory/loeLargestEigenvalueCdf.js";
import { tracyWidomCdf } from "../../src/theory/tracyWidom.js";

// Deterministic checks (tolerances are accuracy budgets) and seeded KS tests.

/**
 * ∫ over 0 < t_1 < … < t_N < s of Π_{i<j}(t_j − t_i) Π t_i^{k−1}e^{−t_i} (N = 2, 3), by nested
 * Gauss–Legendre rules on each ordered coordinate (t_N on (0, s), t_{j−1} on (0, t_j)), in
 * t = v² (t^{k−1}dt = 2v^{2k−1}dv: smooth for k = ½, 1, and v^{6.4} instead of t^{2.7} at 0 for
 * k = 3.7): on the ordered region |Δ| is the polynomial Δ, so the rule is exact up to the weight.
 */
function orderedIntegral(n: 2 | 3, k: number, s: number, m = 60): number {
  const { nodes, weights } = gaussLegendre(m);
  // Coordinate v ∈ (0, √s) ↦ t = v², and its weight t^{k−1}e^{−t}·dt/dv.
  const point = (v: number) => v * v;
  const weight = (v: number) => 2 * v ** (2 * k - 1) * Math.exp(-v * v);
  let sum = 0;
  const hN = Math.sqrt(s) / 2;
  for (let i = 0; i < m; i++) {
    const vN = hN * (nodes[i] + 1);
    const tN = point(vN);
    const wN = hN * weights[i] * weight(vN);
    const h2 = vN / 2;
    for (let j = 0; j < m; j++) {
      const v2 = h2 * (nodes[j] + 1);
      const t2 = point(v2);
      const w2 = wN * h2 * weights[j] * weight(v2) * (tN - t2);
      if (n === 2) {
        sum += w2;
        continue;
      }
      const h1 = v2 / 2;
      for (let l = 0; l < m; l++) {
        const v1 = h1 * (nodes[l] + 1);
        const t1 = point(v1);
        sum += w2 * h1 * weights[l] * weight(v1) * (tN - t1) * (t2 - t1);
      }
    }
  }
  return sum;
}

/** x = μ + σs with μ, σ of edgeScaling("laguerre", N, 1, {shape: k, scale: 1}). */
function edgePoint(n: number, k: number, s: number): number {
  const { center, scale } = loeEdge(n, k);
  return center + scale * s;
}

describe("loeLargestEigenvalueCdf", () => {
  it("N = 1 is the Gamma(k, 1) CDF (to 1e−13)", () => {
    // Measured: ≤ 2e−16.
    for (const k of [0.5, 1, 3.7, 60.5]) {
      for (const x of [1e-3, 0.1, 0.5, 1, 2, 3.5, 6, 10, 20, 40, 60, 80]) {
        const got = loeLargestEigenvalueCdf(x, 1, k);
        const ref = regularizedGammaP(k, x);
        assert.ok(Math.abs(got - ref) < 1e-13, `k = ${k}, x = ${x}: ${got} vs ${ref}`);
      }
    }
  });

  it("N = 2, 3 match quadrature of the joint density |Δ|Πx^{k−1}e^{−x} on (0, s)^N (to 1e−12)", () => {
    // Measured: ≤ 4e−15 (N = 2), ≤ 4e−14 (N = 3: the reference's own accuracy at 60³ nodes; the
    // mpmath values at N = 3 below agree to 5e−16).
    for (const n of [2, 3] as const) {
      for (const k of [0.5, 1, 3.7]) {
        const total = orderedIntegral(n, k, 80);
        for (const s of [0.05, 0.3, 1, 2, 3.5, 5, 7, 10, 14, 20]) {
          const got = loeLargestEigenvalueCdf(s, n, k);
          const ref = orderedIntegral(n, k, s) / total;
          assert.ok(Math.abs(got - ref) < 1e-12, `N = ${n}, k = ${k}, s = ${s}: ${got} vs ${ref}`);
        }
      }
    }
  });

  it("reproduces high-precision references (mpmath, monomial basis, no truncation) to 4e−15 (N ≤ 20), 1.5e−14 (N = 100)", () => {
    // test/theory/fixtures/loeReference.py: det A(s)/det A(∞) of de Bruijn's Pfaffian in the
    // monomial basis x^{i+k−1}e^{−x}, entries from incomplete gamma functions and tanh-sinh
    // quadrature at 40 + 1.6N digits (checked by a rerun at 1.3× the digits: agreement ≤ 1e−43).
    // Shares nothing with the TypeScript method. Points μ + σ·{−4, −2, 2} (N = 5: ·{−4, −2, 1}),
    // rounded to 6 digits (N = 3: x = 3.5, 7, 14). Measured |error| ≤ 1.6e−15. 25 digits:
    // 0.008090567113804372381802754, 0.3735033794262516589676624, 0.9803738479091826216297912,
    // 1.419309740810395981181128e-8, 0.1858971151298111903419973, 0.9888796541952034488272421,
    // 0.001954360077762332000255776, 0.2475287372841043400733115, 0.9893187296313477454452159,
    // 0.002315505105942842706519738, 0.2503164640634885398490896, 0.9893536982212171117753685.
    const cases: [number, number, number, number][] = [
      [3, 3.7, 3.5, 0.008090567113804372],
      [3, 3.7, 7, 0.37350337942625167],
      [3, 3.7, 14, 0.9803738479091826],
      [5, 0.5, 0.679665, 1.419309740810396e-8],
      [5, 0.5, 4.83983, 0.1858971151298112],
      [5, 0.5, 13.1602, 0.9888796541952034],
      [20, 0.5, 25.4352, 0.001954360077762332],
      [20, 0.5, 32.2176, 0.24752873728410435],
      [20, 0.5, 45.7824, 0.9893187296313477],
      [20, 3.7, 30.9036, 0.002315505105942843],
      [20, 3.7, 38.0385, 0.25031646406348856],
      [20, 3.7, 52.3082, 0.9893536982212171],
    ];
    for (const [n, k, x, ref] of cases) {
      const got = loeLargestEigenvalueCdf(x, n, k);
      assert.ok(Math.abs(got - ref) < 4e-15, `N = ${n}, k = ${k}, x = ${x}: ${got} vs ${ref}`);
    }
    // N = 100, 101 by the same script (series for I(k, b; s), 200 and 260 digits; rerun agreement
    // ≤ 2e−109). Measured |error| ≤ 8.2e−15 (rounding, not the order: 200 nodes give the same).
    // 25 digits: 0.005269710594328501122493331, 0.2660266771784882523032152,
    // 0.9895018419698244742084661, 0.200333454788290726202658, 0.003025349993788281690492064.
    const large: [number, number, number, number][] = [
      [100, 1, 176.607, 0.005269710594328501],
      [100, 1, 188.303, 0.26602667717848827],
      [100, 1, 211.695, 0.9895018419698245],
      [101, 3.7, 194.066, 0.20033345478829073],
      [100, 0.5, 174.629, 0.003025349993788282],
    ];
    for (const [n, k, x, ref] of large) {
      const got = loeLargestEigenvalueCdf(x, n, k);
      assert.ok(Math.abs(got - ref) < 1.5e-14, `N = ${n}, k = ${k}, x = ${x}: ${got} vs ${ref}`);
    }
  });

  it("is converged in the quadrature order (default vs 1.5× default + 10, to 1e−13)", () => {
    // Measured: ≤ 2e−14 for k ≤ 60.5 (N ≤ 20000); ≈ 2e−13 at k = 500 (log-scale rounding ~εk ln x).
    for (const n of [50, 51, 300, 301]) {
      for (const k of [0.5, 1, 3.7, 60.5]) {
        for (const s of [-10, -7, -4, -2, -1, 0, 1, 3, 6]) {
          const x = edgePoint(n, k, s);
          const m = loeLargestEigenvalueDefaultOrder(x, n, k);
          const a = loeLargestEigenvalueCdf(x, n, k);
          const b = loeLargestEigenvalueCdf(x, n, k, Math.round(1.5 * m) + 10);
          assert.ok(Math.abs(a - b) < 1e-13, `N = ${n}, k = ${k}, s = ${s}: ${a} vs ${b}`);
        }
      }
    }
  });

  it("is monotone in x with limits 0 and 1; far left tail returned as 0", () => {
    for (const [n, k] of [
      [6, 0.5],
      [7, 3.7],
      [300, 1],
      [301, 150.5],
    ]) {
      let previous = 0;
      for (let s = -12; s <= 10; s += 0.1) {
        const f = loeLargestEigenvalueCdf(edgePoint(n, k, s), n, k);
        assert.ok(f >= 0 && f <= 1, `N = ${n}, s = ${s}: ${f}`);
        assert.ok(f >= previous - 1e-15, `N = ${n}, s = ${s}: ${f} < ${previous}`);
        previous = f;
      }
      // 1 − F(μ + 10σ) measured: 9e−9 (N = 6), 3e−11 (N = 300).
      assert.ok(loeLargestEigenvalueCdf(edgePoint(n, k, 10), n, k) > 1 - 1e-7, "right tail");
      assert.equal(loeLargestEigenvalueCdf(Number.POSITIVE_INFINITY, n, k), 1);
      assert.equal(loeLargestEigenvalueCdf(0, n, k), 0);
      assert.equal(loeLargestEigenvalueCdf(-3, n, k), 0);
    }
    // Deep in the bulk of N = 300 (≫ 40 eigenvalues expected above x): 0; just right of the
    // cut-off F is ~1e−26 (measured at s = −10.5, N = 1000).
    assert.equal(loeLargestEigenvalueCdf(300, 300, 1), 0);
    assert.ok(loeLargestEigenvalueCdf(edgePoint(1000, 1, -10.5), 1000, 1) < 1e-20);
  });

  it("is the law of λ_max of the β = 1 Laguerre samplers (KS on a grid; 1% in scale is seen)", () => {
    // 20000 draws each at N = 10 and 40: k = 1 from the exact truncated tridiagonal sampler, and
    // the real Wishart XXᵀ/2 (dense, model "full") with M = N (k = ½) and M = 4N (k = (3N+1)/2).
    // The sup of |F_emp − F| over 120 grid points is at most the KS statistic, so the 1% critical
    // value 1.63/√m applies; the law of 1.01·λ_max must fail. Measured: distances 0.0037–0.0068
    // (pass), 0.021–0.094 for 1.01·λ_max; critical 0.0115.
    const m = 20000;
    const critical = 1.63 / Math.sqrt(m);
    for (const n of [10, 40]) {
      for (const [k, dense] of [
        [1, false],
        [0.5, true],
        [(3 * n + 1) / 2, true],
      ] as const) {
        const params = { shape: k, scale: 1 };
        const spec = { ensemble: "laguerre", params } as const;
        const x = new Float64Array(m);
        for (let s = 0; s < m; s++) {
          const rng = createRandomSource(4242, s);
          x[s] = dense
            ? largestEigenvalueOf(spec, rng, n, 1, { method: "full", model: "full" })
            : laguerreLargestEigenvalueTruncated(rng, n, 1, params);
        }
        x.sort();
        const { center, scale } = edgeScaling("laguerre", n, 1, params);
        const distance = (factor: number) => {
          let d = 0;
          let below = 0;
          for (let i = 0; i < 120; i++) {
            const t = center + scale * (-5 + (9 * i) / 119);
            while (below < m && x[below] <= t) below++;
            d = Math.max(d, Math.abs(below / m - loeLargestEigenvalueCdf(t / factor, n, k)));
          }
          return d;
        };
        const d = distance(1);
        assert.ok(d <= critical, `N = ${n}, k = ${k}: distance ${d} > ${critical}`);
        const wrong = distance(1.01);
        assert.ok(wrong > critical, `N = ${n}, k = ${k}: 1.01·λ not seen (${wrong} ≤ ${critical})`);
      }
    }
  });

  it("approaches TW₁ at the rate N^{−2/3} in the edgeScaling units", () => {
    // sup_s |F_N(μ + σs) − F₁(s)| over s ∈ [−8, 6]; measured d·N^{2/3} = 0.209, 0.207, 0.206
    // (N = 250, 1000, 4000; k = 1), 0.161, 0.160 (k = N/2, M = 2N): d(1000) = 2.1e−3, 1.6e−3.
    for (const k of [1, 500]) {
      const sup: number[] = [];
      for (const n of [250, 1000]) {
        const kk = k === 500 ? n / 2 : k;
        const { center, scale } = edgeScaling("laguerre", n, 1, { shape: kk, scale: 1 });
        let d = 0;
        for (let s = -8; s <= 6; s += 0.125) {
          const f = loeLargestEigenvalueCdf(center + scale * s, n, kk);
          d = Math.max(d, Math.abs(f - tracyWidomCdf(s, 1)));
        }
        sup.push(d);
        const scaled = d * n ** (2 / 3);
        assert.ok(scaled > 0.12 && scaled < 0.25, `N = ${n}, k = ${kk}: d·N^(2/3) = ${scaled}`);
      }
      assert.ok(sup[1] < 3e-3 && sup[1] < sup[0] / 2, `k = ${k}: d = ${sup}`);
    }
  });

  it("rejects bad input with RangeError", () => {
    assert.throws(() => loeLargestEigenvalueCdf(1, 0, 1), RangeError);
    assert.throws(() => loeLargestEigenvalueCdf(1, 2.5, 1), RangeError);
    assert.throws(() => loeLargestEigenvalueCdf(1, Number.NaN, 1), RangeError);
    assert.throws(() => loeLargestEigenvalueCdf(1, 20001, 1), RangeError);
    assert.throws(() => loeLargestEigenvalueCdf(1, 3, 0), RangeError);
    assert.throws(() => loeLargestEigenvalueCdf(1, 3, -1), RangeError);
    assert.throws(() => loeLargestEigenvalueCdf(1, 3, Number.POSITIVE_INFINITY), RangeError);
    assert.throws(() => loeLargestEigenvalueCdf(1, 3, Number.NaN), RangeError);
    assert.throws(() => loeLargestEigenvalueCdf(Number.NaN, 3, 1), RangeError);
    assert.throws(() => loeLargestEigenvalueCdf(1, 3, 1, 1), RangeError);
    assert.throws(() => loeLargestEigenvalueCdf(1, 3, 1, 10.5), RangeError);
    assert.throws(() => loeLargestEigenvalueDefaultOrder(1, 0, 1), RangeError);
    assert.throws(() => loeLargestEigenvalueDefaultOrder(Number.NaN, 3, 1), RangeError);
  });
});
