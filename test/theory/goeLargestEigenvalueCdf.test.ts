import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { largestEigenvalueOf } from "../../src/ensembles/largestEigenvalue.js";
import { createRandomSource } from "../../src/random/philox.js";
import { normalCdf } from "../../src/special/erf.js";
import { gaussLegendre } from "../../src/special/gaussLegendre.js";
import { edgeScaling } from "../../src/theory/edgeScaling.js";
import {
  goeLargestEigenvalueCdf,
  goeLargestEigenvalueDefaultOrder,
} from "../../src/theory/goeLargestEigenvalueCdf.js";
import { tracyWidomCdf } from "../../src/theory/tracyWidom.js";

// Deterministic checks (tolerances are accuracy budgets) and one seeded KS test.

/** x = √(2N) + 2^{−1/2}N^{−1/6}s: s in GOE edge units around the leading-order edge. */
function edgePoint(n: number, s: number): number {
  return Math.sqrt(2 * n) + s * Math.SQRT1_2 * n ** (-1 / 6);
}

/**
 * ∫ over L < t_1 < … < t_N < s of Π_{i<j}(t_j − t_i) Π e^{−t_i²/2} (N = 2, 3), by nested
 * Gauss–Legendre rules on each ordered coordinate (t_N on (L, s), t_{k−1} on (L, t_k)): on the
 * ordered region |Δ| is the polynomial Δ, so the rule is exact up to the Gaussian factor.
 */
function orderedIntegral(n: 2 | 3, s: number, m = 60, lower = -10): number {
  const { nodes, weights } = gaussLegendre(m);
  let sum = 0;
  const hN = (s - lower) / 2;
  for (let i = 0; i < m; i++) {
    const tN = lower + hN * (nodes[i] + 1);
    const wN = hN * weights[i] * Math.exp(-0.5 * tN * tN);
    const h2 = (tN - lower) / 2;
    for (let j = 0; j < m; j++) {
      const t2 = lower + h2 * (nodes[j] + 1);
      const w2 = wN * h2 * weights[j] * Math.exp(-0.5 * t2 * t2) * (tN - t2);
      if (n === 2) {
        sum += w2;
        continue;
      }
      const h1 = (t2 - lower) / 2;
      for (let k = 0; k < m; k++) {
        const t1 = lower + h1 * (nodes[k] + 1);
        sum += w2 * h1 * weights[k] * Math.exp(-0.5 * t1 * t1) * (tN - t1) * (t2 - t1);
      }
    }
  }
  return sum;
}

describe("goeLargestEigenvalueCdf", () => {
  it("N = 1 is the standard normal CDF Φ(x) (to 1e−14)", () => {
    for (const x of [-8, -5, -2, -0.7, 0, 0.3, 1, 2.5, 4, 7]) {
      const got = goeLargestEigenvalueCdf(x, 1);
      assert.ok(Math.abs(got - normalCdf(x)) < 1e-14, `x = ${x}: ${got} vs ${normalCdf(x)}`);
    }
  });

  it("N = 2, 3 match quadrature of the joint density |Δ|Πe^{−x²/2} on (−∞, s)^N (to 1e−13)", () => {
    // Measured: ≤ 4e−15 (N = 2), ≤ 3e−14 (N = 3, the reference's own accuracy at 60³ nodes).
    // P(λ_max < 0) = (2 − √2)/4 for N = 2 is on the grid.
    for (const n of [2, 3] as const) {
      const total = orderedIntegral(n, 10);
      for (const s of [-4, -3, -2, -1, 0, 0.5, 1, 1.5, 2, 3, 4, 6]) {
        const got = goeLargestEigenvalueCdf(s, n);
        const ref = orderedIntegral(n, s) / total;
        assert.ok(Math.abs(got - ref) < 1e-13, `N = ${n}, s = ${s}: ${got} vs ${ref}`);
      }
    }
    assert.ok(Math.abs(goeLargestEigenvalueCdf(0, 2) - (2 - Math.SQRT2) / 4) < 1e-15);
  });

  it("reproduces 32-digit references (mpmath, A(∞) inverted as a dense matrix) to 2e−15 (N ≤ 150), 1e−14 (N = 1000)", () => {
    // Independent mpmath 1.3 script at 32 digits (test/theory/fixtures/goeReference.py): the same Pfaffian reduction
    // with A(∞) built from the εφ recurrence and inverted by dense LU (not the closed form −½D_N used
    // here), unscaled Hermite recurrence, 96 Gauss–Legendre nodes on (x, √(2N) + 24σ). Measured
    // |error| ≤ 1e−15 for N = 4, 5, 50, 51, 150. Rounded to doubles; 25 digits:
    // 1.306778906246494501761933e-8, 0.3938961435633229761583515, 0.9728662776980890769903195,
    // 5.219739054484035839938647e-9, 0.3827124427931532378002176, 0.9993760663515289342064988,
    // 0.000008429240653270843896576736, 0.317227137152903971207009, 0.8567357504882759911369828,
    // 0.9988138044925037366100545, 2.068355577608215444071382e-11, 0.00000834426982029139914927123,
    // 7.666608139483490664407869e-12, 0.000005455181394283413267708819.
    const cases: [number, number, number][] = [
      [4, -1.6614210684913018, 1.3067789062464945e-8],
      [4, 1.705965076436817, 0.393896143563323],
      [4, 3.389658148900877, 0.9728662776980891],
      [5, -1.1636573283124165, 5.219739054484036e-9],
      [5, 2.0807939130481805, 0.38271244279315325],
      [5, 4.784503280848678, 0.999376066351529],
      [50, 7.789581100815768, 0.000008429240653270844],
      [50, 9.263193700271923, 0.31722713715290396],
      [50, 10.0, 0.856735750488276],
      [50, 11.105209449592117, 0.9988138044925038],
      [51, 7.161990838889699, 2.0683555776082154e-11],
      [51, 7.8963693637577945, 0.0000083442698202914],
      [150, 14.8664032317918, 7.66660813948349e-12],
      [150, 15.479929442766045, 0.000005455181394283413],
    ];
    for (const [n, x, ref] of cases) {
      const got = goeLargestEigenvalueCdf(x, n);
      assert.ok(Math.abs(got - ref) < 2e-15, `N = ${n}, x = ${x}: ${got} vs ${ref}`);
    }
    // N = 1000 by the same script with A(∞)⁻¹ = −½D_N in 32 digits (dense inversion too slow; at
    // N = 50 both agree to 25 digits). Measured |error| ≤ 4e−15. 25 digits:
    // 0.000003740881434400452459338104, 0.008768968574624754336918752, 0.2889618259163171800868421,
    // 0.8410120413678468752765826, 0.9984722845989957102300311.
    const large: [number, number][] = [
      [43.37971876349592, 0.0000037408814344004524],
      [43.826932358995876, 0.008768968574624754],
      [44.274145954495836, 0.2889618259163172],
      [44.721359549995796, 0.8410120413678469],
      [45.39217994324573, 0.9984722845989957],
    ];
    for (const [x, ref] of large) {
      const got = goeLargestEigenvalueCdf(x, 1000);
      assert.ok(Math.abs(got - ref) < 1e-14, `N = 1000, x = ${x}: ${got} vs ${ref}`);
    }
  });

  it("is converged in the quadrature order (default vs 1.5× default + 10, to 1e−13)", () => {
    // Measured: ≤ 6e−15 for N ≤ 5000.
    for (const n of [50, 51, 500, 501]) {
      for (const s of [-10, -7, -4, -2, -1, 0, 1, 3, 6]) {
        const x = edgePoint(n, s);
        const m = goeLargestEigenvalueDefaultOrder(x, n);
        const a = goeLargestEigenvalueCdf(x, n);
        const b = goeLargestEigenvalueCdf(x, n, Math.round(1.5 * m) + 10);
        assert.ok(Math.abs(a - b) < 1e-13, `N = ${n}, s = ${s}: ${a} vs ${b}`);
      }
    }
  });

  it("is monotone in x with limits 0 and 1; bulk and far tails", () => {
    for (const n of [6, 7, 300]) {
      let previous = 0;
      for (let s = -14; s <= 10; s += 0.1) {
        const f = goeLargestEigenvalueCdf(edgePoint(n, s), n);
        assert.ok(f >= 0 && f <= 1, `N = ${n}, s = ${s}: ${f}`);
        assert.ok(f >= previous - 1e-15, `N = ${n}, s = ${s}: ${f} < ${previous}`);
        previous = f;
      }
      assert.ok(goeLargestEigenvalueCdf(edgePoint(n, 10), n) > 1 - 1e-10, "right tail");
      assert.equal(goeLargestEigenvalueCdf(Number.NEGATIVE_INFINITY, n), 0);
      assert.equal(goeLargestEigenvalueCdf(Number.POSITIVE_INFINITY, n), 1);
      assert.equal(goeLargestEigenvalueCdf(-1e6, n), 0);
    }
    // Deep in the bulk of N = 300 (≫ 40 eigenvalues expected above x): returned as 0.
    assert.equal(goeLargestEigenvalueCdf(0, 300), 0);
  });

  it("is the law of λ_max of the tridiagonal β = 1 Hermite model (KS on a grid; 1% in scale is seen)", () => {
    // 20000 draws (exact Dumitriu–Edelman model, method "full") at N = 10 and 40; the sup of
    // |F_emp − F| over 120 grid points is at most the KS statistic, so the 1% critical value
    // 1.63/√m applies. The law of 1.01·λ_max must fail. Measured: 0.0045, 0.0086 (pass);
    // 0.024, 0.066 for the rescaled law; critical 0.0115.
    const m = 20000;
    const critical = 1.63 / Math.sqrt(m);
    const spec = { ensemble: "hermite", params: { loc: 0, scale: 1 } } as const;
    for (const n of [10, 40]) {
      const x = new Float64Array(m);
      for (let s = 0; s < m; s++) {
        x[s] = largestEigenvalueOf(spec, createRandomSource(2024, s), n, 1, { method: "full" });
      }
      x.sort();
      const { center, scale } = edgeScaling("hermite", n, 1);
      const distance = (factor: number) => {
        let d = 0;
        let below = 0;
        for (let i = 0; i < 120; i++) {
          const t = center + scale * (-5 + (9 * i) / 119);
          while (below < m && x[below] <= t) below++;
          d = Math.max(d, Math.abs(below / m - goeLargestEigenvalueCdf(t / factor, n)));
        }
        return d;
      };
      const d = distance(1);
      assert.ok(d <= critical, `N = ${n}: distance ${d} > ${critical}`);
      const wrong = distance(1.01);
      assert.ok(wrong > critical, `N = ${n}: 1.01·λ not detected (${wrong} ≤ ${critical})`);
    }
  });

  it("approaches TW₁ at the rate N^{−2/3} with the edgeScaling centring √(2N − 1)", () => {
    // sup_s |F_N(center + scale·s) − F₁(s)| over s ∈ [−8, 6]; measured d·N^{2/3} = 0.0452 (N = 500),
    // 0.0431 (N = 2000), d(2000) = 2.7e−4. With the leading-order centre √(2N) instead the
    // distance is O(N^{−1/3}): 0.0129 at N = 2000.
    const sup: number[] = [];
    const ns = [500, 2000];
    for (const n of ns) {
      const { center, scale } = edgeScaling("hermite", n, 1);
      assert.ok(Math.abs(center - Math.sqrt(2 * n - 1)) < 1e-12 * center, `center ${center}`);
      assert.ok(Math.abs(scale - Math.SQRT1_2 * n ** (-1 / 6)) < 1e-15, `scale ${scale}`);
      let d = 0;
      let naive = 0;
      for (let s = -8; s <= 6; s += 0.125) {
        const f1 = tracyWidomCdf(s, 1);
        d = Math.max(d, Math.abs(goeLargestEigenvalueCdf(center + scale * s, n) - f1));
        naive = Math.max(naive, Math.abs(goeLargestEigenvalueCdf(edgePoint(n, s), n) - f1));
      }
      sup.push(d);
      const scaled = d * n ** (2 / 3);
      assert.ok(scaled > 0.035 && scaled < 0.05, `N = ${n}: d·N^(2/3) = ${scaled}`);
      assert.ok(naive > 10 * d, `N = ${n}: centring √(2N) gives ${naive}, √(2N − 1) ${d}`);
    }
    assert.ok(sup[1] < 4e-4 && sup[1] < sup[0] / 2, `d = ${sup}`);
  });

  it("rejects bad input with RangeError", () => {
    assert.throws(() => goeLargestEigenvalueCdf(0, 0), RangeError);
    assert.throws(() => goeLargestEigenvalueCdf(0, 2.5), RangeError);
    assert.throws(() => goeLargestEigenvalueCdf(0, Number.NaN), RangeError);
    assert.throws(() => goeLargestEigenvalueCdf(0, 20001), RangeError);
    assert.throws(() => goeLargestEigenvalueCdf(Number.NaN, 3), RangeError);
    assert.throws(() => goeLargestEigenvalueCdf(0, 3, 1), RangeError);
    assert.throws(() => goeLargestEigenvalueCdf(0, 3, 10.5), RangeError);
    assert.throws(() => goeLargestEigenvalueDefaultOrder(0, 0), RangeError);
    assert.throws(() => goeLargestEigenvalueDefaultOrder(Number.NaN, 3), RangeError);
  });
});
