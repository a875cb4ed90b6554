/**
 * The linear-statistics driver (src/ensembles/linearStatistics.ts): the O(N) trace route equals the
 * eigenvalue route; sampled cumulants against exact finite-N cumulants (Hermite quadratic f,
 * Laguerre Σx, fixed-trace purity, Ginibre by Kostlan, CUE) and against the large-N theory
 * (Jacobi and Gibbs mean terms), each with its power. |z| < 5 with jackknife standard errors.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runLinearStatistic } from "../../src/driver/legacy.js";
import {
  type LinearStatisticJob,
  linearStatisticSample,
} from "../../src/ensembles/linearStatistics.js";
import { parseTestFunction } from "../../src/potentials/expression.js";
import { assertSameLaw, Z_LIMIT } from "../helpers/assertStats.js";

function z(row: { cumulants: number[]; standardErrors: number[] }, j: number, expected: number) {
  return (row.cumulants[j] - expected) / row.standardErrors[j];
}

function assertCumulants(
  row: { n: number; cumulants: number[]; standardErrors: number[] },
  expected: number[],
  label: string,
): void {
  for (let j = 0; j < expected.length; j++) {
    if (!Number.isFinite(expected[j])) continue;
    const score = z(row, j, expected[j]);
    assert.ok(
      Math.abs(score) < Z_LIMIT,
      `${label}, N = ${row.n}, κ${j + 1}: ${row.cumulants[j]} ± ${row.standardErrors[j]} vs ${expected[j]} (z = ${score.toFixed(2)})`,
    );
  }
}

const hermite = (scale = 1): LinearStatisticJob["source"] => ({
  kind: "ensemble",
  spec: { ensemble: "hermite", params: { loc: 0.5, scale } },
  model: "tridiagonal",
});

describe("linear statistics: routes and streams", () => {
  it("Tr f(J) (O(N d²)) equals Σ f(eigenvalues) for every banded model and the Gibbs chain", () => {
    const sources: [LinearStatisticJob["source"], number][] = [
      [hermite(), 2.5],
      [
        {
          kind: "ensemble",
          spec: { ensemble: "laguerre", params: { shape: 3, scale: 2 } },
          model: "tridiagonal",
        },
        1,
      ],
      [
        {
          kind: "ensemble",
          spec: { ensemble: "jacobi", params: { a: 2, b: 3 } },
          model: "tridiagonal",
        },
        4,
      ],
      [
        {
          kind: "ensemble",
          spec: { ensemble: "fixed-trace", params: { shape: 1.5 } },
          model: "tridiagonal",
        },
        2,
      ],
      [{ kind: "potential", coeffs: Float64Array.of(0, 0, -0.5, 0, 0.25), passes: 3 }, 1],
    ];
    for (const [source, beta] of sources) {
      for (const scaling of ["limit", "none"] as const) {
        const base = { source, beta, ns: [7, 40], samples: 5, seed: 3, scaling };
        const poly = parseTestFunction("x^5/5 - 2*x^3 + x - 1");
        const other = parseTestFunction("x^5/5 - 2*x^3 + x - 1 + 0*sin(x)");
        assert.ok(poly.polynomial && !other.polynomial);
        for (let j = 0; j < 2; j++) {
          for (let s = 0; s < 3; s++) {
            const a = linearStatisticSample({ ...base, f: poly.text }, poly, j, s);
            const b = linearStatisticSample({ ...base, f: other.text }, other, j, s);
            assert.ok(
              Math.abs(a - b) <= 1e-9 * (1 + Math.abs(b)),
              `${JSON.stringify(source.kind === "potential" ? "potential" : source.spec)} ${scaling}: ${a} vs ${b}`,
            );
          }
        }
      }
    }
  });

  it("sample s at the j-th size is a pure function of (seed, s, j)", () => {
    const job = { source: hermite(), beta: 2, f: "x^2", samples: 6, seed: 11 };
    const a = runLinearStatistic({ ...job, ns: [10, 20] });
    const b = runLinearStatistic({ ...job, ns: [10, 20], samples: 9 });
    assert.deepEqual(a.rows[1].values, b.rows[1].values.slice(0, 6));
    assert.notDeepEqual(a.rows[0].values, a.rows[1].values.slice(0, 6));
  });
});

describe("sampled cumulants against exact finite-N cumulants", () => {
  for (const beta of [0.5, 2, 4]) {
    for (const scaling of ["none", "limit"] as const) {
      it(`Hermite, f = 2x² − x + 3, β = ${beta}, scaling ${scaling}: κ₁…κ₄ (20000 samples)`, () => {
        const result = runLinearStatistic({
          source: hermite(1.3),
          f: "2*x^2 - x + 3",
          scaling,
          ns: [5, 60],
          beta,
          samples: 20000,
          seed: 21,
        });
        for (const row of result.rows) {
          assert.equal(row.route, "trace");
          assertCumulants(row, row.theory?.exact ?? [], "Hermite");
        }
      });
    }
  }

  it("power: σ off by 1% is rejected by κ₁ of Σx² (N = 5, β = 2)", () => {
    const job = { f: "x^2", scaling: "none" as const, ns: [5], beta: 2, samples: 20000, seed: 22 };
    const right = runLinearStatistic({ ...job, source: hermite(1) }).rows[0];
    const wrong = runLinearStatistic({ ...job, source: hermite(1.01) }).rows[0];
    const exact = right.theory?.exact ?? [];
    assert.ok(Math.abs(z(wrong, 0, exact[0])) > Z_LIMIT, `z = ${z(wrong, 0, exact[0])}`);
  });

  it("Laguerre Σy ~ Gamma: κ₁…κ₄ (β = 1.5, N = 4 and 50)", () => {
    const result = runLinearStatistic({
      source: {
        kind: "ensemble",
        spec: { ensemble: "laguerre", params: { shape: 2, scale: 1 } },
        model: "tridiagonal",
      },
      f: "3*x - 1",
      ns: [4, 50],
      beta: 1.5,
      samples: 20000,
      seed: 23,
    });
    for (const row of result.rows) assertCumulants(row, row.theory?.exact ?? [], "Laguerre");
  });

  it("fixed-trace, f = x²: κ₁, κ₂ are the exact purity moments (β = 1, N = 6, M = 9)", () => {
    const result = runLinearStatistic({
      source: {
        kind: "ensemble",
        spec: { ensemble: "fixed-trace", params: { shape: 2 } },
        model: "tridiagonal",
      },
      f: "x^2",
      scaling: "none",
      ns: [6],
      beta: 1,
      samples: 20000,
      seed: 24,
    });
    assertCumulants(result.rows[0], result.rows[0].theory?.exact ?? [], "fixed-trace");
  });

  it("CUE, f = cos θ: κ₁ = 0 and κ₂ = 1/2 exactly at every N (β = 2, N = 20)", () => {
    const result = runLinearStatistic({
      source: { kind: "ensemble", spec: { ensemble: "circular", params: {} }, model: "cmv" },
      f: "cos(x)",
      ns: [20],
      beta: 2,
      samples: 4000,
      seed: 25,
    });
    const row = result.rows[0];
    assertCumulants(row, [0, 0.5], "CUE");
    assert.ok(Math.abs((row.theory?.asymptotic ?? [])[1] - 0.5) < 1e-12);
  });
});

describe("Ginibre radial statistics (Kostlan model)", () => {
  it("the Kostlan model and the dense matrix give the same law of L_N (N = 30, two-sample KS)", () => {
    const job = { f: "r^4 - r^2", ns: [30], beta: 2, samples: 1500, seed: 26 };
    const moduli = runLinearStatistic({
      ...job,
      source: { kind: "ensemble", spec: { ensemble: "ginibre", params: {} }, model: "kostlan" },
    });
    const dense = runLinearStatistic({
      ...job,
      seed: 27,
      source: { kind: "ensemble", spec: { ensemble: "ginibre", params: {} }, model: "full" },
    });
    assert.equal(dense.rows[0].route, "eigenvalues");
    assertSameLaw(moduli.rows[0].values, dense.rows[0].values, "Kostlan vs dense Ginibre");
    assertCumulants(dense.rows[0], dense.rows[0].theory?.exact ?? [], "dense Ginibre vs exact");
  });

  it("f = r⁴ − r²: κ₁…κ₄ against the exact cumulants at N = 100, 500, 2000 (10000 samples)", () => {
    const result = runLinearStatistic({
      source: { kind: "ensemble", spec: { ensemble: "ginibre", params: {} }, model: "kostlan" },
      f: "r^4 - r^2",
      ns: [100, 500, 2000],
      beta: 2,
      samples: 10000,
      seed: 28,
    });
    for (const row of result.rows) {
      assert.equal(row.route, "moduli");
      assertCumulants(row, row.theory?.exact ?? [], "Ginibre");
    }
  });

  it("power: moduli scaled by 1% (f = r² with scaling none vs the law of 1.01·|z|) are rejected", () => {
    const result = runLinearStatistic({
      source: { kind: "ensemble", spec: { ensemble: "ginibre", params: {} }, model: "kostlan" },
      f: "1.0201*r^2/100",
      scaling: "none",
      ns: [100],
      beta: 2,
      samples: 20000,
      seed: 29,
    });
    const row = result.rows[0];
    // Exact κ₁ of Σ|z|²/N is (N + 1)/2; the 1% larger moduli shift it by 2%.
    assert.ok(Math.abs(z(row, 0, 50.5)) > Z_LIMIT);
  });
});

describe("large-N mean terms against simulation", () => {
  for (const beta of [1, 4]) {
    it(`Jacobi (MANOVA M₁ = 2N, M₂ = 3N), β = ${beta}, f = y²: κ₁ = N∫y² dμ + (2/β−1)(1/2)a₂ (N = 100)`, () => {
      const n = 100;
      const result = runLinearStatistic({
        source: {
          kind: "ensemble",
          spec: {
            ensemble: "jacobi",
            params: { a: (beta * (2 * n - n + 1)) / 2, b: (beta * (3 * n - n + 1)) / 2 },
          },
          model: "tridiagonal",
        },
        f: "x^2",
        ns: [n],
        beta,
        samples: 12000,
        seed: 30 + beta,
      });
      const row = result.rows[0];
      const theory = row.theory;
      assert.ok(theory?.leadingMean !== undefined && theory.meanCorrection !== undefined);
      assertCumulants(row, [theory.leadingMean + theory.meanCorrection], "Jacobi mean");
      // Power: without the O(1) term the mean is rejected.
      assert.ok(Math.abs(z(row, 0, theory.leadingMean)) > Z_LIMIT, "the O(1) term matters");
    });
  }

  it("Gibbs, V = x⁴/4, β = 1: E Σx⁴ = N − 1 + 2/β exactly; f = x² against the one-cut mean and variance", () => {
    const result = runLinearStatistic({
      source: { kind: "potential", coeffs: Float64Array.of(0, 0, 0, 0, 0.25), passes: 10 },
      f: "x^4",
      ns: [40],
      beta: 1,
      samples: 2000,
      seed: 33,
    });
    assertCumulants(result.rows[0], [40 - 1 + 2], "E Σ x V'(x)");
    const quadratic = runLinearStatistic({
      source: { kind: "potential", coeffs: Float64Array.of(0, 0, 0, 0, 0.25), passes: 10 },
      f: "x^2",
      ns: [40],
      beta: 1,
      samples: 2000,
      seed: 34,
    }).rows[0];
    const t = quadratic.theory;
    assert.ok(t?.asymptotic && t.leadingMean !== undefined);
    assertCumulants(quadratic, [t.asymptotic[0], t.asymptotic[1]], "Gibbs x²");
    assert.ok(
      Math.abs(z(quadratic, 0, t.leadingMean)) > Z_LIMIT,
      "the O(1) term (with L(f)) matters",
    );
  });
});
