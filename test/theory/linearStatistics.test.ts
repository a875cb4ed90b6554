/**
 * Theory of linear statistics (src/theory/linearStatistics.ts, ginibreLinearStatistics.ts) against
 * exact finite-N results: the χ²/Gamma laws of Σx² and Σx in the tridiagonal models, exact Laguerre
 * moments, the Schwinger–Dyson identities E Σ V'(x_i) = 0 and E Σ x_i V'(x_i) = N − 1 + 2/β, an
 * independent (root-based) form of the one-cut mean term, and Kostlan's exact Ginibre cumulants.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  compileExpression,
  parseExpression,
  taylorCoefficients,
} from "../../src/potentials/expression.js";
import { equilibriumMeasure, quarticEquilibrium } from "../../src/theory/equilibrium.js";
import { laguerreSumOfSquaresMoments } from "../../src/theory/fixedTrace.js";
import {
  ginibreRadialAsymptotics,
  ginibreRadialCumulants,
} from "../../src/theory/ginibreLinearStatistics.js";
import { limitLaw } from "../../src/theory/limits.js";
import {
  chebyshevCoefficients,
  densityFactorLogDerivative,
  hermiteQuadraticCumulants,
  type OneCutLaw,
  oneCutLinearStatistic,
} from "../../src/theory/linearStatistics.js";

function close(a: number, b: number, tol: number, label: string): void {
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${label}: ${a} vs ${b}`);
}

function semicircleLaw(n: number, beta: number): OneCutLaw {
  const law = limitLaw("hermite", n, beta, {});
  return { support: law.support, density: law.density };
}

describe("one-cut theory against the exact Gaussian ensemble", () => {
  it("Chebyshev coefficients of y² on [−2, 2] are a₀ = a₂ = 2", () => {
    const a = chebyshevCoefficients((y) => y * y, -2, 2);
    assert.equal(a.length, 3);
    close(a[0], 2, 1e-14, "a0");
    close(a[1], 0, 1e-14, "a1");
    close(a[2], 2, 1e-14, "a2");
  });

  for (const beta of [0.5, 1, 2, 4, 7]) {
    it(`β = ${beta}: the variance normalisation (1/(2β))Σ k a_k² is the limit of the exact Var Σy², Var Σy`, () => {
      // On the semicircle scale y = √2 x/(σ√(βN)) the exact law is Σy² = (2/(βN))·χ²(ν),
      // ν = N + βN(N−1)/2, so Var Σy² = 8ν/(βN)² → 4/β; Σy = Σ a_n is N(0, 2/β) exactly.
      for (const n of [10, 100, 1000, 10000]) {
        const law = semicircleLaw(n, beta);
        const quadratic = oneCutLinearStatistic((y) => y * y, law, n, beta);
        const nu = n + (beta * n * (n - 1)) / 2;
        const exact = (8 * nu) / (beta * n) ** 2;
        // exact = 4/β + (8/β² − 4/β)/N: the limit is approached as exact/limit = 1 + (2/β − 1)/N.
        close(exact / quadratic.variance, 1 + (2 / beta - 1) / n, 1e-12, `N = ${n}`);
        const linear = oneCutLinearStatistic((y) => y, law, n, beta);
        close(linear.variance, 2 / beta, 1e-13, `Var Σy, N = ${n}`);
        // The same from the exact cumulants of the tridiagonal model (σ' = √(2/(βN))).
        const k = hermiteQuadraticCumulants([0, 0, 1], n, beta, 0, Math.sqrt(2 / (beta * n)));
        close(k[1], exact, 1e-12, "hermiteQuadraticCumulants κ₂");
      }
    });

    it(`β = ${beta}: the mean N∫f dμ + (2/β − 1)m(f) is exact for every quadratic f`, () => {
      for (const n of [3, 50, 2000]) {
        const law = semicircleLaw(n, beta);
        const c = [0.7, -1.3, 2.1];
        const theory = oneCutLinearStatistic((y) => c[0] + c[1] * y + c[2] * y * y, law, n, beta);
        const exact = hermiteQuadraticCumulants(c, n, beta, 0, Math.sqrt(2 / (beta * n)));
        close(theory.mean, exact[0], 1e-12, `N = ${n}`);
      }
    });
  }

  it("exact Hermite cumulants: χ² cumulants of Σx² and power (σ·1.01 changes κ₁ by 2%)", () => {
    const [n, beta, scale] = [7, 2.5, 1.3];
    const nu = n + (beta * n * (n - 1)) / 2;
    const k = hermiteQuadraticCumulants([0, 0, 1], n, beta, 0, scale);
    const s2 = scale * scale;
    const expected = [nu * s2, 2 * nu * s2 ** 2, 8 * nu * s2 ** 3, 48 * nu * s2 ** 4];
    for (let j = 0; j < 4; j++) close(k[j], expected[j], 1e-13, `κ${j + 1}`);
    const wrong = hermiteQuadraticCumulants([0, 0, 1], n, beta, 0, 1.01 * scale);
    assert.ok(Math.abs(wrong[0] / k[0] - 1) > 0.019);
  });
});

describe("Laguerre: the classical mean term against exact moments", () => {
  for (const beta of [0.5, 1, 2, 4]) {
    it(`β = ${beta}, M = γN: E Σy² = N∫y² dMP + (2/β − 1)·N/M exactly; E Σy = N∫y dMP`, () => {
      for (const [n, gamma] of [
        [50, 2],
        [400, 1.5],
        [2000, 3],
      ]) {
        const m = gamma * n;
        const law = limitLaw("laguerre", n, beta, { m });
        const slope = 2 / (2 * beta * m); // y = 2x/(θβM), θ = 2
        const shape = (beta * (m - n + 1)) / 2;
        const exact = laguerreSumOfSquaresMoments(n, beta, shape, 2).mean * slope * slope;
        const theory = oneCutLinearStatistic(
          (y) => y * y,
          { support: law.support, density: law.density },
          n,
          beta,
        );
        close(theory.meanCorrection, (2 / beta - 1) / gamma, 1e-12, "m(y²) = (2/β − 1)c, c = N/M");
        close(theory.mean, exact, 1e-11, `E Σy², N = ${n}`);
        const linear = oneCutLinearStatistic(
          (y) => y,
          { support: law.support, density: law.density },
          n,
          beta,
        );
        close(linear.mean, n, 1e-12, "E Σy = βNM·slope = N");
      }
    });
  }
});

describe("one-cut potentials: Schwinger–Dyson identities and an independent form of m(f)", () => {
  const potentials: [string, number[]][] = [
    ["x⁴/4", [0, 0, 0, 0, 0.25]],
    ["x⁴/4 − x²/2", [0, 0, -0.5, 0, 0.25]],
    ["x⁶/6 + x", [0, 1, 0, 0, 0, 0, 1 / 6]],
    ["x⁴/4 + x³/3 + x²", [0, 0, 1, 1 / 3, 0.25]],
  ];
  for (const [name, coeffs] of potentials) {
    for (const beta of [1, 4]) {
      it(`${name}, β = ${beta}: E Σ V'(x) = 0 and E Σ x V'(x) = N − 1 + 2/β`, () => {
        const measure = equilibriumMeasure(coeffs);
        assert.equal(measure.kind, "one-cut");
        if (measure.kind !== "one-cut") return;
        const law: OneCutLaw = {
          support: measure.support,
          density: (x) => measure.density(x),
          logFactorDerivative: densityFactorLogDerivative(measure.chebyshev),
        };
        const dv = (x: number) => {
          let s = 0;
          for (let k = 1; k < coeffs.length; k++) s += k * coeffs[k] * x ** (k - 1);
          return s;
        };
        const n = 100;
        const first = oneCutLinearStatistic(dv, law, n, beta);
        close(first.mean, 0, 1e-9, "E Σ V'");
        const second = oneCutLinearStatistic((x) => x * dv(x), law, n, beta);
        close(second.leadingMean, n, 1e-10, "N∫xV' dμ = N");
        close(second.meanCorrection, 2 / beta - 1, 1e-9, "m(xV') = 2/β − 1");
      });
    }
  }

  it("symmetric quartic: the Plemelj form of m(f) equals the root-based form (3/2 − √(m₀(m₀+A²))/(x²+m₀))", () => {
    for (const g2 of [-1, 0, 1.5]) {
      const measure = quarticEquilibrium(g2, 1);
      if (measure.kind !== "one-cut") throw new Error("expected one-cut");
      const A = measure.support[1];
      const m0 = g2 + (A * A) / 2;
      const law: OneCutLaw = {
        support: measure.support,
        density: (x) => measure.density(x),
        logFactorDerivative: densityFactorLogDerivative(measure.chebyshev),
      };
      for (const f of [
        (x: number) => x * x,
        (x: number) => Math.exp(x),
        (x: number) => Math.cos(3 * x),
      ]) {
        const plemelj = oneCutLinearStatistic(f, law, 10, 1).meanCorrection; // 2/β − 1 = 1
        let integral = 0;
        const K = 20000;
        for (let i = 0; i < K; i++) {
          const x = A * Math.cos((Math.PI * (i + 0.5)) / K);
          integral += (f(x) * (1.5 - Math.sqrt(m0 * (m0 + A * A)) / (x * x + m0))) / K;
        }
        close(plemelj, (f(-A) + f(A)) / 4 - integral, 1e-10, `g₂ = ${g2}`);
      }
    }
  });

  it("power: dropping the log-density term L(f) breaks the identity for a non-constant density factor", () => {
    const coeffs = [0, 0, 0, 0, 0.25];
    const measure = equilibriumMeasure(coeffs);
    if (measure.kind !== "one-cut") throw new Error("expected one-cut");
    const withoutL = oneCutLinearStatistic(
      (x) => x ** 4,
      { support: measure.support, density: (x) => measure.density(x) },
      100,
      1,
    );
    assert.ok(Math.abs(withoutL.meanCorrection - 1) > 0.1, `${withoutL.meanCorrection}`);
  });
});

describe("Ginibre radial statistics: edge asymptotics against exact (Kostlan) cumulants", () => {
  for (const text of ["r^2", "r^4", "exp(r^2)", "cos(2*r^2) + r^2"]) {
    it(`f = ${text}: the relative errors of κ₂, κ₃, κ₄ and N·(error of κ₁) fall like 1/N`, () => {
      const tree = parseExpression(text, "r");
      const f = compileExpression(tree);
      const taylor = (r: number, k: number) => taylorCoefficients(tree, r, k);
      const relative: number[][] = [];
      for (const n of [400, 1600]) {
        const exact = ginibreRadialCumulants(f, n);
        const asym = ginibreRadialAsymptotics(taylor, n).cumulants;
        relative.push([
          n * Math.abs(exact[0] - asym[0]),
          ...[1, 2, 3].map((j) => Math.abs(exact[j] / asym[j] - 1)),
        ]);
      }
      for (let j = 0; j < 4; j++) {
        const [coarse, fine] = relative.map((r) => r[j]);
        assert.ok(
          j === 0 ? fine < 0.02 * 1600 : fine < 0.02,
          `κ${j + 1}: relative error ${fine} at N = 1600`,
        );
        // 1/N convergence: about 4× smaller at 4× the size (unless already at rounding level).
        if (coarse > 1e-9 && j > 0)
          assert.ok(fine < coarse / 2.5, `κ${j + 1}: ${coarse} → ${fine}`);
      }
    });
  }

  it("f = r²: Σ|z|²/N = Σ Γ_j/N has κ_p = (p−1)!·N(N+1)/(2N^p) exactly", () => {
    for (const n of [1, 5, 300]) {
      const k = ginibreRadialCumulants((r) => r * r, n);
      const base = (n * (n + 1)) / 2;
      const expected = [base / n, base / n ** 2, (2 * base) / n ** 3, (6 * base) / n ** 4];
      for (let j = 0; j < 4; j++) close(k[j], expected[j], 1e-10, `N = ${n}, κ${j + 1}`);
    }
  });
});
