import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { laguerreLargestEigenvalueTruncated } from "../../src/ensembles/edge.js";
import { largestEigenvalueOf } from "../../src/ensembles/largestEigenvalue.js";
import { createRandomSource } from "../../src/random/philox.js";
import { gaussLegendre } from "../../src/special/gaussLegendre.js";
import { logGamma } from "../../src/special/logGamma.js";
import { regularizedGammaP } from "../../src/special/regularizedGamma.js";
import { edgeScaling } from "../../src/theory/edgeScaling.js";
import {
  lseEdge,
  lseLargestEigenvalueCdf,
  lseLargestEigenvalueDefaultOrder,
} from "../../src/theory/lseLargestEigenvalueCdf.js";
import { tracyWidomCdf } from "../../src/theory/tracyWidom.js";

// Deterministic checks (tolerances are accuracy budgets) and one seeded KS test.

/** log of the Laguerre–Selberg integral ∫_{(0,∞)^N} |Δ|⁴ Π x^{k−1}e^{−x} = Π_{j<N} Γ(3+2j)Γ(k+2j)/2 (Mehta §17.6). */
function logSelberg(n: number, k: number): number {
  let sum = 0;
  for (let j = 0; j < n; j++) sum += logGamma(3 + 2 * j) + logGamma(k + 2 * j) - Math.log(2);
  return sum;
}

/**
 * ∫_{(0,s)^N} |Δ|⁴ Π x^{k−1}e^{−x} dx for N = 2, 3 by a tensor Gauss–Legendre rule in u, x = u^p:
 * p = 1/k for k = 1/2, 1 (then x^{k−1}dx = p·du and the integrand is a polynomial in u times
 * e^{−u^p}), p = 1 for integer k (a polynomial times e^{−x}). Summed over i > j (> l) by symmetry.
 */
function jointIntegral(s: number, n: 2 | 3, k: number, m: number): number {
  const p = k < 1 ? 1 / k : 1;
  if (!Number.isInteger(p) || !(k < 1 || Number.isInteger(k))) throw new Error("k not supported");
  const { nodes, weights } = gaussLegendre(m);
  const half = s ** (1 / p) / 2;
  const x = new Float64Array(m);
  const w = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const u = half * (nodes[i] + 1);
    x[i] = u ** p;
    // x^{k−1} dx = p u^{pk−1} du (= p du for p = 1/k; = x^{k−1} du for p = 1).
    w[i] = half * weights[i] * p * u ** (p * k - 1) * Math.exp(-x[i]);
  }
  let sum = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < i; j++) {
      const wij = w[i] * w[j] * (x[i] - x[j]) ** 4;
      if (n === 2) {
        sum += 2 * wij;
        continue;
      }
      for (let l = 0; l < j; l++) sum += 6 * wij * w[l] * ((x[i] - x[l]) * (x[j] - x[l])) ** 4;
    }
  }
  return sum;
}

/**
 * N = 2, 3 for any k by expanding |Δ|⁴ into monomials: ∫_{(0,s)^N} Π x_i^{k−1+e_i}e^{−x_i} =
 * Π Γ(k+e_i)P(k+e_i, s), P the regularised incomplete gamma; normalised by the Selberg integral.
 */
function expandedCdf(s: number, n: 2 | 3, k: number): number {
  // Coefficients of Π_{i<j}(x_i − x_j)⁴ as a map from the exponent tuple to its coefficient.
  let poly = new Map<string, number>([[Array(n).fill(0).join(","), 1]]);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (let r = 0; r < 4; r++) {
        const next = new Map<string, number>();
        for (const [key, c] of poly) {
          const e = key.split(",").map(Number);
          for (const [idx, sign] of [
            [i, 1],
            [j, -1],
          ] as const) {
            const f = e.slice();
            f[idx] = (f[idx] as number) + 1;
            const fk = f.join(",");
            next.set(fk, (next.get(fk) ?? 0) + sign * c);
          }
        }
        poly = next;
      }
    }
  }
  const logZ = logSelberg(n, k);
  let sum = 0;
  for (const [key, c] of poly) {
    if (c === 0) continue;
    let term = Math.log(Math.abs(c)) - logZ;
    let prob = 1;
    for (const e of key.split(",").map(Number)) {
      term += logGamma(k + e);
      prob *= regularizedGammaP(k + e, s);
    }
    sum += Math.sign(c) * Math.exp(term) * prob;
  }
  return sum;
}

/**
 * Independent evaluation for moderate N: the same Pfaffian ratio in the orthonormal Laguerre basis
 * ℓ_j = √(j!/Γ(j+α+1)) x^{α/2}e^{−x/2}L_j^{(α)} with D_j = −√(j!/Γ(j+α+1)) x^{α/2}e^{−x/2}L_{j−1}^{(α+1)}
 * (DLMF 18.9.23), where C∞ is dense, C∞_ij = −√(h_i/h_j) for i < j (h_i = Γ(i+α+1)/i!), solved by
 * Gaussian elimination with partial pivoting; L^{(α)}, L^{(α+1)} by the textbook recurrence (DLMF
 * 18.9.13) with a common 1e200 rescaling, normalised per j by log Γ; m Gauss–Legendre nodes in log t
 * on (x, μ + 16σ); det(I − J·G) by elimination.
 */
function denseReferenceCdf(x: number, n: number, k: number, m: number): number {
  const alpha = k - 1;
  const size = 2 * n;
  const dim = 2 * m;
  const { center, scale } = lseEdge(n, k);
  const upper = Math.max(center + 16 * scale, x + 8 * scale);
  const { nodes, weights } = gaussLegendre(m);
  const from = Math.log(x);
  const half = (Math.log(upper) - from) / 2;
  const y = new Float64Array(size * dim); // row j: ℓ_j at the m nodes, then D_j
  const logNorm = new Float64Array(size);
  for (let j = 0; j < size; j++) logNorm[j] = 0.5 * (logGamma(j + 1) - logGamma(j + alpha + 1));
  for (let q = 0; q < m; q++) {
    const t = Math.exp(from + half * (nodes[q] + 1));
    const root = Math.sqrt(half * weights[q] * t);
    const logWeight = 0.5 * alpha * Math.log(t) - 0.5 * t;
    let p0 = 0;
    let p1 = 1; // L_j^{(α)}
    let r0 = 0;
    let r1 = 1; // L_{j}^{(α+1)}, r0 = L_{j−1}^{(α+1)}
    let logScale = 0;
    for (let j = 0; j < size; j++) {
      const f = root * Math.exp(logWeight + logNorm[j] + logScale);
      y[j * dim + q] = f * p1;
      y[j * dim + m + q] = -f * r0;
      const np = ((2 * j + alpha + 1 - t) * p1 - (j + alpha) * p0) / (j + 1);
      p0 = p1;
      p1 = np;
      const nr = ((2 * j + alpha + 2 - t) * r1 - (j + alpha + 1) * r0) / (j + 1);
      r0 = r1;
      r1 = nr;
      if (Math.max(Math.abs(p1), Math.abs(r1)) > 1e200) {
        p0 /= 1e200;
        p1 /= 1e200;
        r0 /= 1e200;
        r1 /= 1e200;
        logScale += 200 * Math.LN10;
      }
    }
  }
  const c = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const r = Math.exp(logNorm[j] - logNorm[i]); // √(h_i/h_j)
      c[i * size + j] = -r;
      c[j * size + i] = r;
    }
  }
  const z = y.slice();
  eliminate(c, size, z, dim);
  const mat = new Float64Array(dim * dim);
  for (let a = 0; a < dim; a++) {
    for (let b = 0; b < dim; b++) {
      let g = 0;
      for (let j = 0; j < size; j++) g += y[j * dim + a] * z[j * dim + b];
      // I − J·G: rows a < m are −G_{m+a,·}, rows m + a are +G_{a,·}.
      if (a < m) mat[(m + a) * dim + b] = g;
      else mat[(a - m) * dim + b] = -g;
    }
  }
  for (let a = 0; a < dim; a++) mat[a * dim + a] += 1;
  return Math.sqrt(Math.max(0, eliminate(mat, dim, new Float64Array(0), 0)));
}

/** Gaussian elimination with partial pivoting: solves A X = B in place (B: n × r), returns det A. */
function eliminate(a: Float64Array, n: number, b: Float64Array, r: number): number {
  let det = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(a[i * n + c]) > Math.abs(a[p * n + c])) p = i;
    if (p !== c) {
      det = -det;
      for (let k = 0; k < n; k++) [a[c * n + k], a[p * n + k]] = [a[p * n + k], a[c * n + k]];
      for (let k = 0; k < r; k++) [b[c * r + k], b[p * r + k]] = [b[p * r + k], b[c * r + k]];
    }
    const pivot = a[c * n + c];
    det *= pivot;
    for (let i = c + 1; i < n; i++) {
      const f = a[i * n + c] / pivot;
      if (f === 0) continue;
      for (let k = c; k < n; k++) a[i * n + k] -= f * a[c * n + k];
      for (let k = 0; k < r; k++) b[i * r + k] -= f * b[c * r + k];
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    for (let k = 0; k < r; k++) {
      let s = b[c * r + k];
      for (let j = c + 1; j < n; j++) s -= a[c * n + j] * b[j * r + k];
      b[c * r + k] = s / a[c * n + c];
    }
  }
  return det;
}

describe("lseLargestEigenvalueCdf (exact finite-N LSE λ_max law)", () => {
  it("N = 1 is the Gamma(k, 1) law P(k, x) to 1e−13 (k = 0.05, 0.5, 1, 3.7, 20)", () => {
    for (const k of [0.05, 0.5, 1, 3.7, 20]) {
      for (const x of [0.01, 0.1, 0.5, 1, 2, 4, 8, 15, 30, 50]) {
        const f = lseLargestEigenvalueCdf(x, 1, k);
        const g = regularizedGammaP(k, x);
        assert.ok(Math.abs(f - g) <= 1e-13, `k = ${k}, x = ${x}: ${f} vs ${g}`);
      }
    }
  });

  it("N = 2, 3 agree with tensor quadrature of |Δ|⁴ Π x^{k−1}e^{−x} (k = 0.5, 1, 3, 12) to 1e−12", () => {
    for (const n of [2, 3] as const) {
      for (const k of [0.5, 1, 3, 12]) {
        const m = n === 2 ? 100 : 60;
        const total = jointIntegral(250, n, k, n === 2 ? 300 : 150);
        // The quadrature's own check: its (0, 250)^N integral is the Selberg integral.
        const relative = Math.abs(Math.log(total) - logSelberg(n, k));
        assert.ok(relative <= 1e-12, `N = ${n}, k = ${k}: Selberg ${relative}`);
        const { center, scale } = lseEdge(n, k);
        for (let i = 0; i < 10; i++) {
          const s = center + scale * (-2.5 + 0.6 * i);
          if (s <= 0) continue;
          const f = lseLargestEigenvalueCdf(s, n, k);
          const q = jointIntegral(s, n, k, m) / total;
          assert.ok(Math.abs(f - q) <= 1e-12, `N = ${n}, k = ${k}, s = ${s}: ${f} vs ${q}`);
        }
      }
    }
  });

  it("N = 2, 3 agree with the monomial expansion Σ c Π Γ(k+e)P(k+e, s) (k = 0.3, 3.7) to 1e−11", () => {
    // (Its alternating sum loses digits as k grows: 7e−13 here, 2e−9 at N = 3, k = 12, where the
    // quadrature above and lseLargestEigenvalueCdf agree to 3e−15.)
    for (const n of [2, 3] as const) {
      for (const k of [0.3, 3.7]) {
        const { center, scale } = lseEdge(n, k);
        for (let i = 0; i < 10; i++) {
          const s = center + scale * (-2.5 + 0.6 * i);
          if (s <= 0) continue;
          const f = lseLargestEigenvalueCdf(s, n, k);
          const q = expandedCdf(s, n, k);
          assert.ok(Math.abs(f - q) <= 1e-11, `N = ${n}, k = ${k}, s = ${s}: ${f} vs ${q}`);
        }
      }
    }
  });

  it("N = 20, 60, 150 agree with a dense reference in the orthonormal Laguerre basis to 1e−12", () => {
    for (const [n, k] of [
      [20, 0.4],
      [60, 25],
      [150, 2],
    ] as const) {
      const { center, scale } = lseEdge(n, k);
      for (const s of [-5, -3, -1.5, 0, 1.5, 3]) {
        const x = center + scale * s;
        const f = lseLargestEigenvalueCdf(x, n, k);
        const g = denseReferenceCdf(x, n, k, 110);
        assert.ok(Math.abs(f - g) <= 1e-12, `N = ${n}, k = ${k}, s = ${s}: ${f} vs ${g}`);
      }
    }
  });

  it("is converged in the quadrature order (order vs 1.5× order, N = 50, 500, k = 0.5, 2, 60: ≤ 1e−12)", () => {
    for (const n of [50, 500]) {
      for (const k of [0.5, 2, 60]) {
        const { center, scale } = lseEdge(n, k);
        for (const s of [-6, -3.5, -2, -1, 0, 2.5, 5]) {
          const x = center + scale * s;
          const order = lseLargestEigenvalueDefaultOrder(x, n, k);
          const a = lseLargestEigenvalueCdf(x, n, k);
          const b = lseLargestEigenvalueCdf(x, n, k, Math.ceil(1.5 * order));
          assert.ok(Math.abs(a - b) <= 1e-12, `N = ${n}, k = ${k}, s = ${s}: ${a} vs ${b}`);
        }
      }
    }
  });

  it("tends to TW₄ (β-ensemble convention) at rate N^{−2/3}: sup distance 4.4e−3 at N = 1000, 4.1× that at N = 125 (k = 2)", () => {
    const sup = (n: number) => {
      const { center, scale } = edgeScaling("laguerre", n, 4, { shape: 2, scale: 1 });
      let d = 0;
      for (let s = -6; s <= 4; s += 0.25) {
        const f = lseLargestEigenvalueCdf(center + scale * s, n, 2);
        d = Math.max(d, Math.abs(f - tracyWidomCdf(s, 4)));
      }
      return d;
    };
    const d1000 = sup(1000);
    assert.ok(d1000 >= 1e-3 && d1000 <= 1e-2, `N = 1000: ${d1000}`);
    const ratio = sup(125) / d1000; // N^{−2/3}: (1000/125)^{2/3} = 4
    assert.ok(ratio >= 3 && ratio <= 5, `d(125)/d(1000) = ${ratio}`);
  });

  it("is the law of the tridiagonal and dense β = 4 Laguerre λ_max (KS on a grid; 1% in scale is seen)", () => {
    // 20000 draws at (N, k) = (10, 2), (10, 0.7), (40, 2) (tridiagonal, shape k, scale 1; k = 2 is
    // the quaternion Wishart M = N) and the dense quaternion Wishart N = 5, M = 7 (--model full,
    // shape k = 2(M − N + 1) = 6, scale 1 instead of the Wishart θ = 2). The sup of |F_emp − F| over 120 grid points
    // is at most the KS statistic, so the KS critical value 1.63/√m (1%) applies. The law of
    // 1.01·λ_max must fail.
    const m = 20000;
    const critical = 1.63 / Math.sqrt(m);
    const options = { method: "full", model: "full" } as const;
    for (const [n, k, dense] of [
      [10, 2, false],
      [10, 0.7, false],
      [40, 2, false],
      [5, 6, true],
    ] as const) {
      const x = new Float64Array(m);
      const params = { shape: k, scale: 1 };
      for (let s = 0; s < m; s++) {
        const rng = createRandomSource(4444 + n, s);
        x[s] = dense
          ? largestEigenvalueOf({ ensemble: "laguerre", params }, rng, n, 4, options)
          : laguerreLargestEigenvalueTruncated(rng, n, 4, params);
      }
      x.sort();
      const { center, scale } = lseEdge(n, k);
      const distance = (stretch: number) => {
        let d = 0;
        let below = 0;
        for (let i = 0; i < 120; i++) {
          const t = center + scale * (-5 + (8 * i) / 119);
          while (below < m && x[below] <= t) below++;
          d = Math.max(d, Math.abs(below / m - lseLargestEigenvalueCdf(t / stretch, n, k)));
        }
        return d;
      };
      const d = distance(1);
      assert.ok(d <= critical, `N = ${n}, k = ${k}: distance ${d} > ${critical}`);
      const wrong = distance(1.01);
      assert.ok(wrong > critical, `N = ${n}, k = ${k}: 1.01·λ_max not detected (${wrong})`);
    }
  });

  it("returns 0 only where F < 1e−17 (left of the edge on a 0.2σ grid, N = 10, 50, 500, 2000)", () => {
    for (const [n, k] of [
      [10, 2],
      [50, 0.5],
      [50, 60],
      [500, 2],
      [2000, 2],
    ] as const) {
      const { center, scale } = lseEdge(n, k);
      let last = 1;
      let s = -4;
      for (; s > -60; s -= 0.2) {
        const f = lseLargestEigenvalueCdf(center + scale * s, n, k);
        if (f === 0) break;
        last = f;
      }
      assert.ok(s > -60 && last < 1e-17, `N = ${n}, k = ${k}: F = ${last} before 0 at s = ${s}`);
    }
  });

  it("lseEdge is edgeScaling's β = 4 Laguerre edge; bad input is rejected", () => {
    for (const [n, k] of [
      [2, 0.5],
      [40, 7],
    ] as const) {
      const e = edgeScaling("laguerre", n, 4, { shape: k, scale: 1 });
      assert.deepEqual(lseEdge(n, k), { center: e.center, scale: e.scale });
    }
    assert.throws(() => lseLargestEigenvalueCdf(1, 0, 2), /n must be/);
    assert.throws(() => lseLargestEigenvalueCdf(1, 2.5, 2), /n must be/);
    assert.throws(() => lseLargestEigenvalueCdf(1, 20001, 2), /n must be/);
    assert.throws(() => lseLargestEigenvalueCdf(1, 2, 0), /k must be/);
    assert.throws(() => lseLargestEigenvalueCdf(1, 2, Number.POSITIVE_INFINITY), /k must be/);
    assert.throws(() => lseLargestEigenvalueCdf(Number.NaN, 2, 2), /NaN/);
    assert.throws(() => lseLargestEigenvalueCdf(1, 2, 2, 1), /order/);
    assert.equal(lseLargestEigenvalueCdf(Number.POSITIVE_INFINITY, 3, 2), 1);
    assert.equal(lseLargestEigenvalueCdf(0, 3, 2), 0);
    assert.equal(lseLargestEigenvalueCdf(-5, 3, 2), 0);
    assert.equal(lseLargestEigenvalueCdf(100, 100, 2), 0); // far below the edge ≈ 800
  });
});
