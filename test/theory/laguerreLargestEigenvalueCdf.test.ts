import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { laguerreLargestEigenvalueTruncated } from "../../src/ensembles/edge.js";
import { largestEigenvalueOf } from "../../src/ensembles/largestEigenvalue.js";
import { createRandomSource } from "../../src/random/philox.js";
import { gaussLegendre } from "../../src/special/gaussLegendre.js";
import { logGamma } from "../../src/special/logGamma.js";
import { regularizedGammaP } from "../../src/special/regularizedGamma.js";
import {
  lueEdge,
  lueLargestEigenvalueCdf,
  lueLargestEigenvalueDefaultOrder,
  lueLargestEigenvaluePdf,
} from "../../src/theory/laguerreLargestEigenvalueCdf.js";
import { lueLargestEigenvalue } from "../../src/theory/laws.js";

// Deterministic checks (tolerances are accuracy budgets) and one seeded KS test.

/**
 * N = 2 in closed form: with A_k = ∫_0^x t^{a+k}e^{−t} dt = Γ(a+k+1)P(a+k+1, x), expanding
 * (t₁ − t₂)² gives P(λ_max < x) = (A₀A₂ − A₁²)/(Γ(a+1)Γ(a+3) − Γ(a+2)²) = (a+2)P₀P₂ − (a+1)P₁².
 */
function lue2Closed(x: number, a: number): number {
  const p = (k: number) => regularizedGammaP(a + k + 1, x);
  return (a + 2) * p(0) * p(2) - (a + 1) * p(1) ** 2;
}

/**
 * Independent evaluation for small N: Nyström with the plain sum K_N(x, y) = Σ_{k<N} φ_k(x)φ_k(y),
 * φ_k from the textbook Laguerre recurrence (k+1)L_{k+1} = (2k+a+1−x)L_k − (k+a)L_{k−1} (DLMF
 * 18.9.13) and the norm Γ(k+a+1)/k! (DLMF 18.3), on (x, upper) with m Gauss–Legendre nodes,
 * determinant by Gaussian elimination with partial pivoting.
 */
function sumKernelCdf(x: number, n: number, a: number, upper: number, m = 120): number {
  const { nodes, weights } = gaussLegendre(m);
  const half = (upper - x) / 2;
  const phi = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const t = x + half * (nodes[i] + 1);
    const root = Math.sqrt(half * weights[i]);
    let previous = 0;
    let current = 1;
    for (let k = 0; k < n; k++) {
      const logNorm = 0.5 * (logGamma(k + 1) - logGamma(k + a + 1));
      phi[i * n + k] = root * current * Math.exp(logNorm + 0.5 * a * Math.log(t) - 0.5 * t);
      const next = ((2 * k + a + 1 - t) * current - (k + a) * previous) / (k + 1);
      previous = current;
      current = next;
    }
  }
  const matrix = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += phi[i * n + k] * phi[j * n + k];
      matrix[i * m + j] = (i === j ? 1 : 0) - s;
    }
  }
  let det = 1;
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let r = c + 1; r < m; r++)
      if (Math.abs(matrix[r * m + c]) > Math.abs(matrix[p * m + c])) p = r;
    if (p !== c) {
      for (let k = 0; k < m; k++) {
        const tmp = matrix[c * m + k];
        matrix[c * m + k] = matrix[p * m + k];
        matrix[p * m + k] = tmp;
      }
      det = -det;
    }
    const pivot = matrix[c * m + c];
    det *= pivot;
    for (let r = c + 1; r < m; r++) {
      const f = matrix[r * m + c] / pivot;
      for (let k = c; k < m; k++) matrix[r * m + k] -= f * matrix[c * m + k];
    }
  }
  return det;
}

describe("lueLargestEigenvalueCdf", () => {
  it("N = 1 is the Gamma(a + 1) law: P(a + 1, x) to 5e−14", () => {
    for (const a of [0, 0.5, 3, 20, 100]) {
      for (const x of [0.3, 1, 2.5, 5, 12, 30, 60, 80, 110, 150]) {
        const f = lueLargestEigenvalueCdf(x, 1, a);
        const g = regularizedGammaP(a + 1, x);
        assert.ok(Math.abs(f - g) <= 5e-14, `a = ${a}, x = ${x}: ${f} vs ${g}`);
      }
    }
  });

  it("N = 2 agrees with the closed form (a+2)P₀P₂ − (a+1)P₁² to 5e−14", () => {
    for (const a of [0, 1.5, 7, 40]) {
      for (const x of [0.5, 2, 5, 10, 20, 40, 70, 100]) {
        const f = lueLargestEigenvalueCdf(x, 2, a);
        const g = lue2Closed(x, a);
        assert.ok(Math.abs(f - g) <= 5e-14, `a = ${a}, x = ${x}: ${f} vs ${g}`);
      }
    }
  });

  it("N = 6, 12 agree with the plain-sum kernel (no Christoffel–Darboux, no rescaling) to 1e−13", () => {
    for (const [n, a] of [
      [6, 2.5],
      [12, 0],
      [12, 30],
    ] as const) {
      const { center, scale } = lueEdge(n, a);
      const upper = center + 14 * scale;
      for (const s of [-4, -2, -1, 0, 1, 3]) {
        const x = center + s * scale;
        const f = lueLargestEigenvalueCdf(x, n, a);
        const g = sumKernelCdf(x, n, a, upper);
        assert.ok(Math.abs(f - g) <= 1e-13, `N = ${n}, a = ${a}, s = ${s}: ${f} vs ${g}`);
      }
    }
  });

  it("is converged in the order at N = 400 (a = 0, 400, 3600): 1.5× nodes change F by < 1e−13 (a ≤ 400), 1e−11 (a = 3600)", () => {
    for (const a of [0, 400, 3600]) {
      const { center, scale } = lueEdge(400, a);
      for (const s of [-6, -3, -1.5, 0, 2, 5]) {
        const x = center + s * scale;
        const order = lueLargestEigenvalueDefaultOrder(x, 400, a);
        const f = lueLargestEigenvalueCdf(x, 400, a);
        const g = lueLargestEigenvalueCdf(x, 400, a, Math.ceil(1.5 * order));
        // The recurrence's log-scale (~a·log x) is summed in double: rounding ~(N + a)·ε relative.
        assert.ok(
          Math.abs(f - g) <= (a > 1000 ? 1e-11 : 1e-13),
          `a = ${a}, s = ${s}: ${f} vs ${g}`,
        );
      }
    }
  });

  it("validates its input", () => {
    assert.throws(() => lueLargestEigenvalueCdf(1, 0, 0), /n must be/);
    assert.throws(() => lueLargestEigenvalueCdf(1, 2.5, 0), /n must be/);
    assert.throws(() => lueLargestEigenvalueCdf(1, 2, -1), /a must be/);
    assert.throws(() => lueLargestEigenvalueCdf(Number.NaN, 2, 0), /NaN/);
    assert.throws(() => lueLargestEigenvalueCdf(1, 2, 0, 1), /order/);
    assert.equal(lueLargestEigenvalueCdf(0, 3, 1), 0);
    assert.equal(lueLargestEigenvalueCdf(-2, 3, 1), 0);
    assert.equal(lueLargestEigenvalueCdf(Number.POSITIVE_INFINITY, 3, 1), 1);
  });

  it("is the law of the tridiagonal and dense Laguerre λ_max (β = 2, shape a + 1; KS on a grid, 1% in a is seen)", () => {
    // 20000 draws at (N, a) = (10, 90) and (5, 3) (tridiagonal; and the dense model); the sup of |F_emp − F| over 120 grid points is
    // at most the KS statistic, so the KS critical value 1.63/√m (1%) applies. a(1 + 1%) must fail.
    const m = 20000;
    const critical = 1.63 / Math.sqrt(m);
    for (const [n, a, powered, dense] of [
      [10, 90, true, false],
      [5, 3, false, false],
      [5, 3, false, true],
    ] as const) {
      const x = new Float64Array(m);
      const params = { shape: a + 1, scale: 1 };
      const spec = { ensemble: "laguerre", params } as const;
      for (let s = 0; s < m; s++) {
        const rng = createRandomSource(1515, s);
        // dense: the eigenvalues of the 5×5 complex Wishart matrix GG* (M = 8; --model full).
        x[s] = dense
          ? largestEigenvalueOf(spec, rng, n, 2, { method: "full", model: "full" })
          : laguerreLargestEigenvalueTruncated(rng, n, 2, params);
      }
      x.sort();
      const { center, scale } = lueEdge(n, a);
      const distance = (aa: number) => {
        let d = 0;
        let below = 0;
        for (let i = 0; i < 120; i++) {
          const t = center + scale * (-4 + (7 * i) / 119);
          while (below < m && x[below] <= t) below++;
          d = Math.max(d, Math.abs(below / m - lueLargestEigenvalueCdf(t, n, aa)));
        }
        return d;
      };
      const d = distance(a);
      assert.ok(d <= critical, `N = ${n}, a = ${a}: distance ${d} > ${critical}`);
      if (powered) {
        const wrong = distance(a * 1.01);
        assert.ok(wrong > critical, `N = ${n}: a·1.01 not detected (${wrong} ≤ ${critical})`);
      }
    }
  });
});

describe("lueLargestEigenvaluePdf and the law object", () => {
  it("N = 1: the Gamma(a + 1) density to 1e−13 relative (where F > 1e−12)", () => {
    for (const a of [0, 0.5, 20]) {
      for (const x of [0.5, 3, 12, 25, 40]) {
        if (regularizedGammaP(a + 1, x) < 1e-12) continue;
        const exact = Math.exp(a * Math.log(x) - x - logGamma(a + 1));
        const f = lueLargestEigenvaluePdf(x, 1, a);
        assert.ok(
          Math.abs(f - exact) <= 1e-13 * exact + 1e-16,
          `a = ${a}, x = ${x}: ${f} vs ${exact}`,
        );
      }
    }
  });

  it("N = 12, 100: the pdf is the derivative of the cdf (5-point difference, 1e−8 relative + 1e−12)", () => {
    for (const [n, a] of [
      [12, 30],
      [100, 0],
    ] as const) {
      const { center, scale } = lueEdge(n, a);
      for (const s of [-3, -1, 0.5, 2]) {
        const x = center + s * scale;
        const d = 0.01 * scale;
        const F = (t: number) => lueLargestEigenvalueCdf(t, n, a);
        const numeric = (F(x - 2 * d) - 8 * F(x - d) + 8 * F(x + d) - F(x + 2 * d)) / (12 * d);
        const f = lueLargestEigenvaluePdf(x, n, a);
        assert.ok(
          Math.abs(f - numeric) <= 1e-8 * f + 1e-12,
          `N = ${n}, s = ${s}: ${f} vs ${numeric}`,
        );
      }
    }
  });

  it("lueLargestEigenvalue(n, a): Gamma moments at N = 1, quantile inverts cdf", () => {
    for (const a of [0, 3.5]) {
      const law = lueLargestEigenvalue(1, a);
      assert.ok(Math.abs(law.mean - (a + 1)) < 1e-8, `mean ${law.mean}`);
      assert.ok(Math.abs(law.variance - (a + 1)) < 1e-8, `variance ${law.variance}`);
    }
    const law = lueLargestEigenvalue(10, 5);
    for (const p of [1e-6, 0.3, 0.5, 0.99]) {
      assert.ok(Math.abs(law.cdf(law.quantile(p)) - p) < 1e-12, `p = ${p}`);
    }
    assert.throws(() => lueLargestEigenvalue(0, 1), RangeError);
    assert.throws(() => lueLargestEigenvalue(3, -2), RangeError);
  });
});
