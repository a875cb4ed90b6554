/**
 * The Gibbs sampler against exact laws.
 *  - V = x²/2: the conditionals are independent N(0, 2/(βN)) and Gamma(β(N−i)/2, 2/(βN)), so one
 *    pass from ANY state is an exact Hermite sample: coefficient marginals by KS against their
 *    exact CDFs, eigenvalue statistics by two-sample KS against the tridiagonal Hermite model.
 *  - Small N (N = 2, 3), quartic and sextic V, β ∈ {1, 2, 2.7}: the one-point marginal of
 *    |Δ(x)|^β Π e^{−(βN/2)V(x_i)} by numerical integration; one uniformly chosen eigenvalue per
 *    chain (independent chains), KS against it; for N = 2 also the gap x₂ − x₁.
 * Fixed seeds; each KS/z assertion has false-alarm rate ~1e−6 (p > 1e−6, |z| < 5).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hermiteEigenvalues } from "../../src/ensembles/hermite.js";
import { createGibbsWork, gibbsSweep, runGibbsChain } from "../../src/gibbs/sampler.js";
import { createRandomSource } from "../../src/random/philox.js";
import { normalCdf } from "../../src/special/erf.js";
import { regularizedGammaP } from "../../src/special/regularizedGamma.js";
import { semicircleFit } from "../../src/theory/equilibriumSemicircleFit.js";
import { tridiagonalEigenvalues } from "../../src/tridiagonal/eigenvalues.js";
import { assertKs, assertMean, assertSameLaw } from "../helpers/assertStats.js";
import { adaptiveIntegral } from "./densityCdf.js";

const GAUSSIAN = Float64Array.from([0, 0, 0.5]);

describe("V = x²/2: one pass is an exact Hermite sample", () => {
  const n = 7;
  const beta = 2.7;
  const chains = 4000;
  const variance = 2 / (beta * n);
  it("coefficient marginals after one pass from a non-stationary state", () => {
    const a = new Float64Array(chains * n);
    const b = new Float64Array(chains * (n - 1));
    const work = createGibbsWork(2);
    for (let c = 0; c < chains; c++) {
      const rng = createRandomSource(11, c);
      // An arbitrary (far from stationary) starting state.
      const state = {
        diagonal: Float64Array.from({ length: n }, (_, i) => 3 + i),
        offDiagonalSquared: Float64Array.from({ length: n - 1 }, (_, i) => 10 * (i + 1)),
      };
      gibbsSweep(state, GAUSSIAN, beta, rng, work);
      a.set(state.diagonal, c * n);
      b.set(state.offDiagonalSquared, c * (n - 1));
    }
    for (const i of [0, 3, n - 1]) {
      const xs = Float64Array.from({ length: chains }, (_, c) => a[c * n + i]);
      assertKs(xs, (x) => normalCdf(x / Math.sqrt(variance)), `a_${i + 1} ~ N(0, 2/(βN))`);
    }
    for (const i of [0, 2, n - 2]) {
      const shape = (beta * (n - i - 1)) / 2;
      const ys = Float64Array.from({ length: chains }, (_, c) => b[c * (n - 1) + i]);
      assertKs(ys, (y) => regularizedGammaP(shape, y / variance), `b_${i + 1} ~ Gamma`);
    }
  });

  it("eigenvalues: two-sample KS against the tridiagonal Hermite model (σ² = 2/(βN))", () => {
    const m = 12;
    const gibbsMax = new Float64Array(chains);
    const gibbsMid = new Float64Array(chains);
    const hermiteMax = new Float64Array(chains);
    const hermiteMid = new Float64Array(chains);
    for (let c = 0; c < chains; c++) {
      const r = runGibbsChain({
        coeffs: GAUSSIAN,
        n: m,
        beta,
        passes: 1,
        rng: createRandomSource(12, c),
      });
      const ev = tridiagonalEigenvalues(r.diagonal, r.offDiagonalSquared);
      gibbsMax[c] = ev[m - 1];
      gibbsMid[c] = ev[m / 2];
      const h = hermiteEigenvalues(createRandomSource(13, c), m, beta, {
        loc: 0,
        scale: Math.sqrt(2 / (beta * m)),
      });
      hermiteMax[c] = h[m - 1];
      hermiteMid[c] = h[m / 2];
    }
    assertSameLaw(gibbsMax, hermiteMax, "λ_max, Gibbs vs Hermite");
    assertSameLaw(gibbsMid, hermiteMid, "λ_(N/2+1), Gibbs vs Hermite");
  });

  it("the hermite initial state is exact for V = x²/2 and passes keep the law (invariance)", () => {
    const fit = semicircleFit(GAUSSIAN);
    assert.ok(Math.abs(fit.mean) < 1e-9 && Math.abs(fit.variance - 1) < 1e-7, JSON.stringify(fit));
    const m = 10;
    const traces = new Float64Array(chains);
    for (let c = 0; c < chains; c++) {
      const r = runGibbsChain({
        coeffs: GAUSSIAN,
        n: m,
        beta,
        passes: 3,
        rng: createRandomSource(14, c),
        initial: "hermite",
      });
      let s = 0;
      for (let i = 0; i < m; i++) s += r.diagonal[i] ** 2;
      for (let i = 0; i < m - 1; i++) s += 2 * r.offDiagonalSquared[i];
      traces[c] = s; // Tr J² = Σ x_i²
    }
    // Exact (docs/theory.md §8): E Σ x_i² = σ²(N + βN(N−1)/2), σ² = 2/(βN).
    assertMean(traces, (2 / (beta * m)) * (m + (beta * m * (m - 1)) / 2), "E Tr J²");
  });
});

/** Unnormalised one-point marginal of the N-point ensemble (N = 2 or 3) at x, by quadrature. */
function onePointDensity(v: number[], n: number, beta: number, x: number, range: number): number {
  const s = (beta * n) / 2;
  const V = (t: number) => {
    let r = 0;
    for (let k = v.length - 1; k >= 0; k--) r = r * t + v[k];
    return r;
  };
  const w = (t: number) => Math.exp(-s * V(t));
  // Absolute tolerance ~1e−10 relative to the size of the integrands (max of w ≈ e^{−s min V}).
  let wMax = 0;
  for (let i = 0; i <= 2000; i++) wMax = Math.max(wMax, w(-range + (range * i) / 1000));
  const tol = 1e-10 * wMax ** (n - 1) * (1 + range) ** (beta * n);
  if (n === 2) {
    const f = (y: number) => Math.abs(x - y) ** beta * w(y);
    return w(x) * (adaptiveIntegral(f, -range, x, tol) + adaptiveIntegral(f, x, range, tol));
  }
  // n = 3: ∫∫ |x−y|^β |x−z|^β |y−z|^β w(y) w(z) dz dy = 2 ∫_y ∫_{z<y} (symmetric in y, z).
  const inner = (y: number) => {
    const g = (z: number) => Math.abs(x - z) ** beta * Math.abs(y - z) ** beta * w(z);
    const lo = Math.min(x, y);
    const hi = Math.max(x, y);
    const upper = Math.min(y, hi);
    let total = adaptiveIntegral(g, -range, Math.min(lo, upper), tol);
    if (upper > lo) total += adaptiveIntegral(g, lo, upper, tol);
    return Math.abs(x - y) ** beta * w(y) * total;
  };
  return (
    2 * w(x) * (adaptiveIntegral(inner, -range, x, tol) + adaptiveIntegral(inner, x, range, tol))
  );
}

/** CDF of the one-point marginal, tabulated on a grid and interpolated linearly. */
function onePointCdf(v: number[], n: number, beta: number, range: number, points: number) {
  const xs = new Float64Array(points + 1);
  const fs = new Float64Array(points + 1);
  for (let i = 0; i <= points; i++) {
    xs[i] = -range + (2 * range * i) / points;
    fs[i] = onePointDensity(v, n, beta, xs[i], range);
  }
  // Cumulative by the trapezoid rule on a fine grid (the density is smooth in x, with kinks
  // only in the inner integrals, handled by splitting them at x).
  const cum = new Float64Array(points + 1);
  for (let i = 1; i <= points; i++)
    cum[i] = cum[i - 1] + 0.5 * (fs[i] + fs[i - 1]) * (xs[i] - xs[i - 1]);
  const total = cum[points];
  assert.ok(fs[0] < 1e-12 * total && fs[points] < 1e-12 * total, "range too narrow");
  return (x: number) => {
    if (x <= -range) return 0;
    if (x >= range) return 1;
    const t = ((x + range) / (2 * range)) * points;
    const i = Math.min(points - 1, Math.floor(t));
    const frac = t - i;
    // Within a cell, integrate the linear interpolant of the density exactly.
    const h = xs[i + 1] - xs[i];
    const part = h * (fs[i] * frac + 0.5 * (fs[i + 1] - fs[i]) * frac * frac);
    return Math.min(1, (cum[i] + part) / total);
  };
}

/**
 * CDF of the gap x₂ − x₁ of the N = 2 ensemble: density ∝ D^β ∫ e^{−β(V(m − D/2) + V(m + D/2))} dm
 * (s = βN/2 = β), tabulated and interpolated. The gap law depends strongly on β (repulsion), so
 * this test catches errors that the one-point marginal barely sees (a 15% error in β moves the
 * KS distance from 0.015 to 0.04 with 3000 chains).
 */
function gapCdf(v: number[], beta: number, range: number, points: number) {
  const V = (t: number) => {
    let r = 0;
    for (let k = v.length - 1; k >= 0; k--) r = r * t + v[k];
    return r;
  };
  let vMin = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= 2000; i++) vMin = Math.min(vMin, V(-range + (range * i) / 1000));
  const density = (d: number) =>
    d ** beta *
    adaptiveIntegral(
      (m) => Math.exp(-beta * (V(m - d / 2) + V(m + d / 2) - 2 * vMin)),
      -range,
      range,
      1e-11,
    );
  const xs = new Float64Array(points + 1);
  const fs = new Float64Array(points + 1);
  for (let i = 0; i <= points; i++) {
    xs[i] = (2 * range * i) / points;
    fs[i] = density(xs[i]);
  }
  const cum = new Float64Array(points + 1);
  for (let i = 1; i <= points; i++)
    cum[i] = cum[i - 1] + 0.5 * (fs[i] + fs[i - 1]) * (xs[i] - xs[i - 1]);
  const total = cum[points];
  assert.ok(fs[points] < 1e-12 * total, "gap range too narrow");
  return (x: number) => {
    if (x <= 0) return 0;
    if (x >= 2 * range) return 1;
    const t = (x / (2 * range)) * points;
    const i = Math.min(points - 1, Math.floor(t));
    const frac = t - i;
    const h = xs[i + 1] - xs[i];
    return Math.min(
      1,
      (cum[i] + h * (fs[i] * frac + 0.5 * (fs[i + 1] - fs[i]) * frac * frac)) / total,
    );
  };
}

describe("small N exactness: one-point marginal by numerical integration", () => {
  const cases: { name: string; v: number[]; n: number; beta: number; range: number }[] = [
    { name: "N = 2, x⁴/4 − x², β = 1", v: [0, 0, -1, 0, 0.25], n: 2, beta: 1, range: 4 },
    {
      name: "N = 2, x⁶/6 + x³/3, β = 2",
      v: [0, 0, 0, 1 / 3, 0, 0, 1 / 6],
      n: 2,
      beta: 2,
      range: 3.5,
    },
    {
      name: "N = 2, x⁴/4 (CIK-like cubic), β = 2.7",
      v: [0, 1.6, 0.2, -4 / 15, 0.05],
      n: 2,
      beta: 2.7,
      range: 9,
    },
    { name: "N = 3, x⁴/4 − 1.25x², β = 2", v: [0, 0, -1.25, 0, 0.25], n: 3, beta: 2, range: 4 },
    {
      name: "N = 3, x⁶/6 − x², β = 2.7",
      v: [0, 0, -1, 0, 0, 0, 1 / 6],
      n: 3,
      beta: 2.7,
      range: 3.5,
    },
  ];
  for (const { name, v, n, beta, range } of cases) {
    it(name, () => {
      const coeffs = Float64Array.from(v);
      const chains = 3000;
      const picks = new Float64Array(chains);
      const gaps = new Float64Array(chains);
      for (let c = 0; c < chains; c++) {
        const rng = createRandomSource(20 + n, c);
        const r = runGibbsChain({ coeffs, n, beta, passes: 25, rng });
        const ev = tridiagonalEigenvalues(r.diagonal, r.offDiagonalSquared);
        picks[c] = ev[Math.floor(rng.uniform() * n)];
        gaps[c] = ev[1] - ev[0];
      }
      const cdf = onePointCdf(v, n, beta, range, n === 2 ? 1200 : 300);
      assertKs(picks, cdf, `${name}: one-point marginal`);
      if (n === 2) assertKs(gaps, gapCdf(v, beta, range, 1500), `${name}: gap x₂ − x₁`);
    });
  }
});
