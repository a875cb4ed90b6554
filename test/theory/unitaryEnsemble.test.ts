import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { evaluatePolynomial } from "../../src/potentials/polynomial.js";
import { gaussLegendre } from "../../src/special/gaussLegendre.js";
import { gueLargestEigenvalueCdf } from "../../src/theory/hermiteLargestEigenvalueCdf.js";
import {
  christoffelDarbouxKernel,
  unitaryCountLaw,
  unitaryCuts,
  unitaryDensity,
  unitaryEnsemble,
  unitaryExpectedCount,
  unitaryLargestEigenvalueCdf,
  unitaryLargestEigenvalueLaw,
  unitaryLargestEigenvaluePdf,
  unitaryLinearStatistic,
} from "../../src/theory/unitaryEnsemble.js";

const close = (a: number, b: number, tol: number, what = "") =>
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} vs ${b} (|Δ| = ${Math.abs(a - b)}, tol ${tol})`);

const TILTED = [0, 0.25, -1.8, 0, 0.25]; // x⁴/4 − 1.8x² + 0.25x (two cuts, not symmetric)
const SEXTIC = [0, 0.3, 0.5, -0.2, 0, 0, 1 / 6]; // x⁶/6 − 0.2x³ + x²/2 + 0.3x (odd terms)

/**
 * Direct quadrature of the N-point joint density ∝ Δ(x)² Π e^{−N V(x_i)} (N = 2, 3) by tensor
 * Gauss–Legendre on boxes: ∫_box g(x) p(x) dx for boxes given per coordinate.
 */
function joint(coeffs: number[], n: number, m = 64) {
  const d = coeffs.length - 1;
  const rule = gaussLegendre(m);
  const nodes = (lo: number, hi: number) =>
    Array.from(rule.nodes, (t, i) => ({
      x: lo + 0.5 * (hi - lo) * (1 + t),
      w:
        0.5 *
        (hi - lo) *
        rule.weights[i] *
        Math.exp(-n * evaluatePolynomial(coeffs, d, lo + 0.5 * (hi - lo) * (1 + t))),
    }));
  const integrate = (box: [number, number][], g: (x: number[]) => number): number => {
    const axes = box.map(([lo, hi]) => nodes(lo, hi));
    let sum = 0;
    const rec = (k: number, x: number[], w: number) => {
      if (k === n) {
        let vdm = 1;
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) vdm *= (x[i] - x[j]) ** 2;
        sum += w * vdm * g(x);
        return;
      }
      for (const p of axes[k]) rec(k + 1, [...x, p.x], w * p.w);
    };
    rec(0, [], 1);
    return sum;
  };
  return integrate;
}

/** ∫ p̃(x, y_2, …, y_n) dy over [lo, hi]^{n−1}, p̃ the unnormalised joint density, x fixed. */
function integrateWithFirst(
  coeffs: number[],
  n: number,
  x: number,
  lo: number,
  hi: number,
  m: number,
): number {
  const d = coeffs.length - 1;
  const w = (t: number) => Math.exp(-n * evaluatePolynomial(coeffs, d, t));
  const rule = gaussLegendre(m);
  const ys = Array.from(rule.nodes, (t) => lo + 0.5 * (hi - lo) * (1 + t));
  const ws = Array.from(rule.weights, (v, i) => 0.5 * (hi - lo) * v * w(ys[i]));
  let sum = 0;
  if (n === 2) {
    for (let i = 0; i < m; i++) sum += ws[i] * (x - ys[i]) ** 2;
  } else {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        sum += ws[i] * ws[j] * (x - ys[i]) ** 2 * (x - ys[j]) ** 2 * (ys[i] - ys[j]) ** 2;
      }
    }
  }
  return w(x) * sum;
}

describe("exact β = 2 law for polynomial V (orthogonal polynomials of e^{−NV})", () => {
  it("V = x²/2: b_k = √(k/N), α_k = 0, and P(λ_max ≤ s) is the GUE law at s√N to 1e−12", () => {
    for (const n of [1, 10, 100]) {
      const ens = unitaryEnsemble([0, 0, 0.5], n);
      for (let k = 0; k < n; k++) close(ens.alpha[k], 0, 1e-14, "α");
      for (let k = 1; k < n; k++) close(ens.offDiagonal[k - 1], Math.sqrt(k / n), 1e-14, "b");
      for (const s of [1.2, 1.8, 1.95, 2.0, 2.1, 2.3]) {
        const sc = s * Math.sqrt(n) * (n === 1 ? 0.5 : 1);
        close(
          unitaryLargestEigenvalueCdf(ens, sc / Math.sqrt(n)),
          gueLargestEigenvalueCdf(sc, n),
          1e-12,
          `N = ${n}, s = ${s}`,
        );
      }
    }
  });
  it("agrees at N = 1000 (x²/2) with the GUE law to 1e−12", () => {
    const n = 1000;
    const ens = unitaryEnsemble([0, 0, 0.5], n);
    for (const s of [1.97, 2.0, 2.02]) {
      close(
        unitaryLargestEigenvalueCdf(ens, s),
        gueLargestEigenvalueCdf(s * Math.sqrt(n), n),
        1e-12,
        `s = ${s}`,
      );
    }
  });
  it("N = 2, 3: λ_max CDF, density, counts and linear statistics against direct quadrature", () => {
    for (const coeffs of [TILTED, SEXTIC]) {
      for (const n of [2, 3]) {
        const ens = unitaryEnsemble(coeffs, n);
        const [lo, hi] = ens.interval;
        const integrate = joint(coeffs, n, n === 2 ? 80 : 96);
        const all: [number, number][] = Array(n).fill([lo, hi]);
        const z = integrate(all, () => 1);
        for (const s of [lo + 0.4 * (hi - lo), lo + 0.6 * (hi - lo), lo + 0.75 * (hi - lo)]) {
          const direct = integrate(Array(n).fill([lo, s]), () => 1) / z;
          close(unitaryLargestEigenvalueCdf(ens, s), direct, 1e-12, `cdf N = ${n} s = ${s}`);
          // One point above s, the others below: n·∫_{x₁>s, rest<s} p.
          const one = (n * integrate([[s, hi], ...Array(n - 1).fill([lo, s])], () => 1)) / z;
          close(
            unitaryCountLaw(ens, s, Number.POSITIVE_INFINITY)[1],
            one,
            1e-12,
            `P(1 point) N = ${n} V = ${coeffs} s = ${s} refined ${unitaryCountLaw(ens, s, Number.POSITIVE_INFINITY, 2)[1]}`,
          );
          // Density: ρ_N(x) = ∫ p(x, y, …) dy… (marginal of one coordinate), with x fixed.
          const x = s;
          const marginal = integrateWithFirst(coeffs, n, x, lo, hi, n === 2 ? 80 : 96) / z;
          close(unitaryDensity(ens, x), marginal, 1e-12, "ρ_N");
        }
        const ex2 = integrate(all, (x) => x.reduce((a, v) => a + v + v * v, 0)) / z;
        const ex22 = integrate(all, (x) => x.reduce((a, v) => a + v + v * v, 0) ** 2) / z;
        const stat = unitaryLinearStatistic(ens, [0, 1, 1]);
        close(stat.mean, ex2, 1e-12, "E Σ(x + x²)");
        close(stat.variance, ex22 - ex2 * ex2, 1e-11, "Var Σ(x + x²)");
      }
    }
  });
  it("converges in the number of panels and of Nyström nodes (N = 200, two cuts)", () => {
    const n = 200;
    const ens = unitaryEnsemble(TILTED, n);
    const fine = unitaryEnsemble(TILTED, n, { panels: 2 * Math.ceil(ens.nodes / 20) });
    for (let k = 0; k < n - 1; k++) {
      close(ens.alpha[k], fine.alpha[k], 1e-13, "α");
      close(ens.offDiagonal[k], fine.offDiagonal[k], 1e-13, "b");
    }
    for (const s of [2.28, 2.29, 2.31]) {
      const f = unitaryLargestEigenvalueCdf(ens, s);
      close(f, unitaryLargestEigenvalueCdf(ens, s, 2), 1e-12, "Nyström refine 2");
      close(f, unitaryLargestEigenvalueCdf(fine, s), 1e-12, "Stieltjes panels × 2");
    }
    // The density is the derivative of the CDF.
    const s = 2.292;
    const h = 1e-5;
    const numeric =
      (unitaryLargestEigenvalueCdf(ens, s + h) - unitaryLargestEigenvalueCdf(ens, s - h)) / (2 * h);
    close(unitaryLargestEigenvaluePdf(ens, s), numeric, 1e-6 * numeric, "pdf");
  });
  it("counts: a sum of Bernoullis with the exact mean; symmetric V splits N/2 : N/2 exactly", () => {
    const sym = unitaryEnsemble([0, 0, -2, 0, 0.25], 200);
    const law = unitaryCountLaw(sym, 0, Number.POSITIVE_INFINITY);
    let total = 0;
    let mean = 0;
    for (let k = 0; k < law.length; k++) {
      total += law[k];
      mean += k * law[k];
    }
    close(total, 1, 1e-12, "Σ p");
    close(mean, 100, 1e-9, "mean");
    close(unitaryExpectedCount(sym, 0, Number.POSITIVE_INFINITY), 100, 1e-9, "∫ K");
    const tilted = unitaryEnsemble(TILTED, 160);
    const { cuts, splits } = unitaryCuts(tilted);
    assert.equal(cuts.length, 2);
    const right = unitaryCountLaw(tilted, splits[0], Number.POSITIVE_INFINITY);
    let m = 0;
    for (let k = 0; k < right.length; k++) m += k * right[k];
    close(
      m,
      unitaryExpectedCount(tilted, splits[0], Number.POSITIVE_INFINITY),
      1e-9,
      "tilted mean",
    );
    assert.ok(Math.abs(m - 66.02) < 0.01, `tilted right cut ${m}`);
    assert.equal(unitaryCuts(unitaryEnsemble([0, 0, 0, 0, 0.25], 50)).cuts.length, 1);
  });
  it("the law object: quantile inverts the CDF, mean/variance integrate the density, kernel is symmetric", () => {
    const ens = unitaryEnsemble([0, 0, 0, 0, 0.25], 100);
    const law = unitaryLargestEigenvalueLaw(ens);
    for (const p of [0.01, 0.5, 0.99]) close(law.cdf(law.quantile(p)), p, 1e-12, "F(F⁻¹(p))");
    // Mean by an independent route: E X = b − ∫_a^b F for a law concentrated in [a, b].
    const a = law.quantile(1e-15);
    const b = law.quantile(1 - 1e-15);
    const { nodes, weights } = gaussLegendre(80);
    let integral = 0;
    for (let i = 0; i < 80; i++) {
      integral += 0.5 * (b - a) * weights[i] * law.cdf(a + 0.5 * (b - a) * (1 + nodes[i]));
    }
    close(law.mean, b - integral, 5e-9, "mean");
    assert.ok(law.variance > 0 && Math.sqrt(law.variance) < 0.05);
    close(
      christoffelDarbouxKernel(ens, 0.3, -0.7),
      christoffelDarbouxKernel(ens, -0.7, 0.3),
      1e-13,
    );
    assert.ok(Number.isNaN(law.cdf(Number.NaN)));
    assert.throws(() => unitaryEnsemble([0, 0, 0, -1], 10), RangeError);
    assert.throws(() => unitaryEnsemble([0, 0, 1], 0), RangeError);
  });
});
