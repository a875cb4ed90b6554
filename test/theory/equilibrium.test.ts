/**
 * Equilibrium measures: closed forms of docs/theory.md §3.8 against their published formulas, unit mass,
 * the Euler–Lagrange equation PV∫ρ(y)/(x−y)dy = V'(x)/2 on the support (values of docs/theory.md §8), the
 * CDF against the integrated density, the numerical one-cut solver (agreement with the closed
 * forms, failure reports), and the edge constants b_V, c_V of docs/theory.md §3.9/§8. Deterministic.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { detPow } from "../../src/special/deterministicMath.js";
import {
  CIK_POTENTIAL,
  type EquilibriumMeasure,
  edgeConstants,
  edgeScale,
  equilibriumMeasure,
  monomialEquilibrium,
  quarticEquilibrium,
} from "../../src/theory/equilibrium.js";
import { solveOneCutEquilibrium } from "../../src/theory/equilibriumSolve.js";
import { gaussLegendreRule } from "./lawQuadrature.js";

const RULE = gaussLegendreRule(40);

/** ∫_lo^hi f with y = lo + (hi−lo) sin²(ψ/2), composite Gauss–Legendre (smooths √ edges). */
function integrate(f: (y: number) => number, lo: number, hi: number, panels = 64): number {
  const h = Math.PI / panels;
  let sum = 0;
  for (let p = 0; p < panels; p++) {
    for (let i = 0; i < RULE.nodes.length; i++) {
      const psi = (p + 0.5) * h + 0.5 * h * RULE.nodes[i];
      const y = lo + (hi - lo) * Math.sin(psi / 2) ** 2;
      sum += RULE.weights[i] * 0.5 * h * f(y) * 0.5 * (hi - lo) * Math.sin(psi);
    }
  }
  return sum;
}

function intervals(mu: EquilibriumMeasure): [number, number][] {
  return mu.kind === "two-cut" ? mu.intervals : [mu.support];
}

/** PV ∫ ρ(y)/(x − y) dy, by subtracting ρ(x) on the interval that contains x. */
function hilbert(mu: EquilibriumMeasure, x: number): number {
  let total = 0;
  for (const [lo, hi] of intervals(mu)) {
    if (x > lo && x < hi) {
      const rx = mu.density(x);
      total += integrate((y) => (y === x ? 0 : (mu.density(y) - rx) / (x - y)), lo, hi, 256);
      total += rx * Math.log((x - lo) / (hi - x));
    } else total += integrate((y) => mu.density(y) / (x - y), lo, hi);
  }
  return total;
}

function derivative(v: ArrayLike<number>, x: number): number {
  let s = 0;
  for (let k = v.length - 1; k >= 1; k--) s = s * x + k * v[k];
  return s;
}

const cases: { name: string; v: number[] }[] = [
  { name: "x²/2", v: [0, 0, 0.5] },
  { name: "x⁴/4", v: [0, 0, 0, 0, 0.25] },
  { name: "x⁶/6", v: [0, 0, 0, 0, 0, 0, 1 / 6] },
  { name: "x⁸/8 + 3", v: [3, 0, 0, 0, 0, 0, 0, 0, 0.125] },
  { name: "x⁴/4 + x²/2", v: [0, 0, 0.5, 0, 0.25] },
  { name: "x⁴/4 − x² (onset)", v: [0, 0, -1, 0, 0.25] },
  { name: "x⁴/4 − 5x²/4 (two-cut)", v: [0, 0, -1.25, 0, 0.25] },
  { name: "CIK", v: Array.from(CIK_POTENTIAL) },
  { name: "x⁴/4 + x³/3 (solver)", v: [0, 0, 0, 1 / 3, 0.25] },
  { name: "x⁶/6 − x³/2 + x (solver)", v: [0, 1, 0, -0.5, 0, 0, 1 / 6] },
  { name: "x⁸/8 − x⁴/2 + 2x² + x (solver)", v: [0, 1, 2, 0, -0.5, 0, 0, 0, 0.125] },
];

describe("equilibrium measures", () => {
  it("unit mass and CDF = integrated density", () => {
    for (const { name, v } of cases) {
      const mu = equilibriumMeasure(v);
      let mass = 0;
      for (const [lo, hi] of intervals(mu)) mass += integrate(mu.density, lo, hi);
      assert.ok(Math.abs(mass - 1) < 1e-11, `${name}: mass ${mass}`);
      const [a, b] = mu.support;
      assert.equal(mu.cdf(a - 1), 0);
      assert.equal(mu.cdf(b + 1), 1);
      for (const q of [0.1, 0.3, 0.5, 0.77, 0.95]) {
        const x = a + q * (b - a);
        let partial = 0;
        for (const [lo, hi] of intervals(mu)) {
          if (x > lo) partial += integrate(mu.density, lo, Math.min(x, hi));
        }
        assert.ok(
          Math.abs(mu.cdf(x) - partial) < 1e-10,
          `${name}: F(${x}) ${mu.cdf(x)} vs ${partial}`,
        );
      }
      for (let i = 1; i < 200; i++) {
        const x = a + ((b - a) * i) / 200;
        assert.ok(mu.density(x) >= 0, `${name}: density ${mu.density(x)} < 0 at ${x}`);
      }
    }
  });

  it("Euler–Lagrange equation PV∫ρ(y)/(x−y)dy = V'(x)/2 on the support", () => {
    for (const { name, v } of cases) {
      const mu = equilibriumMeasure(v);
      for (const [lo, hi] of intervals(mu)) {
        for (const q of [0.05, 0.3, 0.5, 0.71, 0.93]) {
          const x = lo + q * (hi - lo);
          const lhs = hilbert(mu, x);
          const rhs = derivative(v, x) / 2;
          assert.ok(
            Math.abs(lhs - rhs) < 1e-8 * (1 + Math.abs(rhs)),
            `${name} at ${x}: ${lhs} vs ${rhs}`,
          );
        }
      }
    }
    // Values of docs/theory.md §8: CIK V'/2 = −0.7375, 0.8, 0.7 at x = −1.5, 0, 1; two-cut 0.1875, −0.75.
    const cik = equilibriumMeasure(CIK_POTENTIAL);
    for (const [x, value] of [
      [-1.5, -0.7375],
      [0, 0.8],
      [1, 0.7],
    ]) {
      assert.ok(Math.abs(hilbert(cik, x) - value) < 1e-9, `CIK at ${x}: ${hilbert(cik, x)}`);
    }
    const twoCut = quarticEquilibrium(-2.5, 1);
    for (const [x, value] of [
      [-1.5, 0.1875],
      [1, -0.75],
    ]) {
      assert.ok(
        Math.abs(hilbert(twoCut, x) - value) < 1e-9,
        `two-cut at ${x}: ${hilbert(twoCut, x)}`,
      );
    }
  });

  it("closed forms equal the published densities (docs/theory.md §3.8)", () => {
    // (a) Deift: ρ = (m t/π) √(A² − x²) (x^{2m−2} + Σ_{j=1}^{m−1} p_j A^{2j} x^{2m−2−2j}).
    for (const [m, t] of [
      [1, 0.5],
      [2, 0.25],
      [3, 1 / 6],
      [4, 0.3],
    ]) {
      const mu = monomialEquilibrium(m, t);
      const A = mu.support[1];
      for (const x of [-0.9 * A, -0.3 * A, 0.1 * A, 0.6 * A, 0.99 * A]) {
        let h = x ** (2 * m - 2);
        let p = 1;
        for (let j = 1; j <= m - 1; j++) {
          p *= (2 * j - 1) / (2 * j);
          h += p * A ** (2 * j) * x ** (2 * m - 2 - 2 * j);
        }
        const expected = ((m * t) / Math.PI) * Math.sqrt(A * A - x * x) * h;
        assert.ok(
          Math.abs(mu.density(x) - expected) < 1e-13,
          `x^${2 * m}: ${mu.density(x)} vs ${expected}`,
        );
      }
    }
    assert.ok(Math.abs(monomialEquilibrium(2, 0.25).support[1] - 1.519671) < 1e-6);
    assert.ok(Math.abs(monomialEquilibrium(3, 1 / 6).support[1] - 1.362584) < 1e-6);
    // (b) one-cut quartic: (g₄/2π)(x² + B²)√(A² − x²), B² = A²/2 + g₂/g₄, and its CDF formula.
    for (const [g2, g4] of [
      [1, 1],
      [-2, 1],
      [0.3, 2.5],
    ]) {
      const mu = quarticEquilibrium(g2, g4);
      const A = mu.support[1];
      const B2 = (A * A) / 2 + g2 / g4;
      for (const x of [-0.8 * A, 0, 0.45 * A, 0.97 * A]) {
        const expected = (g4 / (2 * Math.PI)) * (x * x + B2) * Math.sqrt(A * A - x * x);
        assert.ok(Math.abs(mu.density(x) - expected) < 1e-13, `quartic density at ${x}`);
        const theta = Math.asin(x / A);
        const F =
          ((g4 * A * A) / (8 * Math.PI)) *
          (((A * A + 4 * B2) / 2) * (theta + Math.PI / 2) +
            B2 * Math.sin(2 * theta) -
            ((A * A) / 8) * Math.sin(4 * theta));
        assert.ok(Math.abs(mu.cdf(x) - F) < 1e-13, `quartic CDF at ${x}: ${mu.cdf(x)} vs ${F}`);
      }
    }
    assert.ok(Math.abs(quarticEquilibrium(1, 1).support[1] - 1.317966) < 1e-6);
    const twoCut = quarticEquilibrium(-2.5, 1);
    assert.equal(twoCut.kind, "two-cut");
    if (twoCut.kind === "two-cut") {
      assert.ok(Math.abs(twoCut.intervals[1][0] - Math.SQRT1_2) < 1e-12);
      assert.ok(Math.abs(twoCut.intervals[1][1] - 2.12132) < 1e-6);
    }
    // (c) CIK: √((x+2)(2−x)⁵)/(10π) on [−2, 2].
    const cik = equilibriumMeasure(CIK_POTENTIAL);
    for (const x of [-1.9, -1.35, 0, 1.2, 1.99]) {
      const expected = Math.sqrt((x + 2) * (2 - x) ** 5) / (10 * Math.PI);
      assert.ok(Math.abs(cik.density(x) - expected) < 1e-13, `CIK density at ${x}`);
    }
  });

  it("edge constants b_V, c_V (docs/theory.md §3.9 and §8 tables)", () => {
    const table: [number[], number, number][] = [
      [[0, 0, 0.5], 2, 1],
      [[0, 0, 0, 0, 0.25], 1.519671, 2.089137],
      [[0, 0, 0.5, 0, 0.25], 1.317966, 2.046158],
      [[0, 0, 0, 0, 0, 0, 1 / 6], 1.362584, 3.053146],
    ];
    for (const [v, b, c] of table) {
      const e = edgeConstants(equilibriumMeasure(v));
      assert.ok(
        Math.abs(e.right - b) < 1e-6 && Math.abs(e.rightScale - c) < 1e-6,
        `${v}: ${JSON.stringify(e)}`,
      );
      assert.ok(Math.abs(e.left + b) < 1e-6 && Math.abs(e.leftScale - c) < 1e-6);
    }
    // c_V = (πK)^{2/3} with ρ ≈ K√(b − x): check on a non-symmetric solver output.
    const mu = equilibriumMeasure([0, 1, 0, -0.5, 0, 0, 1 / 6]);
    const e = edgeConstants(mu);
    const eps = 1e-10;
    const K = mu.density(e.right - eps) / Math.sqrt(eps);
    assert.ok(
      Math.abs(e.rightScale - (Math.PI * K) ** (2 / 3)) < 1e-4,
      `${e.rightScale} vs ${(Math.PI * K) ** (2 / 3)}`,
    );
    // Two-cut: the edge-density value 2.6727 (DPPy's one-cut formula gives 2.6758).
    assert.ok(Math.abs(edgeConstants(quarticEquilibrium(-2.5, 1)).rightScale - 2.6727) < 1e-4);
    // CIK: critical right edge, c_V = 0; the left edge is a regular soft edge.
    const cik = edgeConstants(equilibriumMeasure(CIK_POTENTIAL));
    assert.equal(cik.rightScale, 0);
    assert.ok(cik.leftScale > 0);
  });

  it("numerical one-cut solver: agrees with the closed forms, reports failure", () => {
    for (const v of [
      [0, 0, 0, 0, 0.25],
      [0, 0, 0.5, 0, 0.25],
      [0, 0, -1, 0, 0.25],
      [0, 0, 0, 0, 0, 0, 1 / 6],
      [0, 0.4, 0.5, 0.1, 0.25],
    ]) {
      const solution = solveOneCutEquilibrium(v);
      assert.ok(solution.ok, `solver failed for ${v}`);
      if (!solution.ok) continue;
      const closed = equilibriumMeasure(v);
      if (closed.kind === "one-cut" && v[1] === 0 && v[3] === 0) {
        assert.ok(Math.abs(solution.measure.support[1] - closed.support[1]) < 1e-9);
      }
    }
    const twoCut = solveOneCutEquilibrium([0, 0, -1.25, 0, 0.25]);
    assert.ok(!twoCut.ok && /negative/.test(twoCut.reason), JSON.stringify(twoCut));
    // V = 2x² − 0.2x⁴ + 0.005x⁶ has outer wells at ±4.47 as deep as the centre one: the one-cut
    // density around 0 is positive, but the effective potential is negative there.
    const outer = solveOneCutEquilibrium([0, 0, 2, 0, -0.2, 0, 0.005]);
    assert.ok(!outer.ok && /second cut/.test(outer.reason), JSON.stringify(outer));
    assert.ok(solveOneCutEquilibrium([0, 0, 2, 0, -0.1, 0, 0.005]).ok);
    // A non-symmetric double well is not one-cut either, and equilibriumMeasure says why.
    assert.throws(
      () => equilibriumMeasure([0, 0.1, -1.5, 0, 0.25]),
      (e: unknown) =>
        e instanceof Error && /not one interval|second cut/.test((e as Error).message),
    );
  });
});

describe("edgeScale (N^{2/3}·c of the soft-edge rescaling, docs/theory.md §3.9)", () => {
  it("is detPow(N, 2/3)·c, and no file of src/ or web/src computes N^{2/3} with ** or Math.pow", () => {
    for (const n of [1, 2, 4, 18, 77, 1000, 123457]) {
      for (const c of [1, 2.089137]) assert.equal(edgeScale(n, c), detPow(n, 2 / 3) * c);
    }
    // One function for the CLI, the driver, the mixing study and the explorer: `n ** (2 / 3)`
    // differs from detPow(n, 2 / 3) by an ulp for some N (CHANGELOG, 0.2.0 → Unreleased).
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const offenders: string[] = [];
    for (const dir of ["src", "web/src"]) {
      for (const file of readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })) {
        if (!file.endsWith(".ts")) continue;
        const code = readFileSync(join(root, dir, file), "utf8")
          .split("\n")
          .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line));
        if (
          code.some((line) => /\*\*\s*\(\s*2\s*\/\s*3\s*\)|Math\.pow\([^)]*2\s*\/\s*3/.test(line))
        ) {
          offenders.push(`${dir}/${file}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });
});
