import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { airyAi, airyAiWithDerivative } from "../../src/special/airy.js";
import { gaussLegendre } from "../../src/special/gaussLegendre.js";
import { airyFredholmLeftTail } from "../../src/theory/tracyWidomAsymptotics.js";
import {
  airyFredholmDeterminants,
  airyKernelDeterminant,
  tracyWidomCdfFredholm,
  tracyWidomPdfFredholm,
} from "../../src/theory/tracyWidomFredholm.js";
import {
  luFactorIdentityPlus,
  luSolve,
  traceOfSolve,
} from "../../src/theory/tracyWidomLinearAlgebra.js";

/**
 * 25-digit references computed with mpmath 1.3 at 32 digits by two independent Nyström
 * discretisations that agree to all digits shown: F₂ both as det(I − K_Ai) on L²(s, ∞) and as
 * det(I − B_s)det(I + B_s) (96 and 192 Gauss–Legendre nodes, two truncation lengths).
 * 25-digit values (s = −3, −2, 0):
 *   F₁:    0.06960011886736988844, 0.27432019790921785767, 0.83190806620295192746
 *   F₂:    0.08031955293933454808, 0.41322414250512255469, 0.96937282835526266835
 *   F₄^TW: 0.16770803819804684834, 0.67350867155861119547, 0.99857419735816854022
 * (below rounded to doubles). docs/theory.md §8 gives F₂(−3) = 0.0803196, F₂(−2) = 0.413224, F₂(0) = 0.969373, F₁ 0.069600,
 * 0.274320, 0.831908, F₄^TW 0.167708, 0.673509, 0.998574: consistent.
 */
const REFERENCE_CDF: Record<string, [number, number, number]> = {
  // s = −3, −2, 0
  F1: [0.06960011886736989, 0.27432019790921786, 0.8319080662029519],
  F2: [0.08031955293933454, 0.41322414250512257, 0.9693728283552626],
  F4tw: [0.16770803819804686, 0.6735086715586112, 0.9985741973581685],
};

describe("Tracy–Widom Fredholm determinants (slow path)", () => {
  it("reproduces the 25-digit references at s = −3, −2, 0 to 2e−15", () => {
    const points = [-3, -2, 0];
    for (let i = 0; i < 3; i++) {
      const s = points[i];
      const f1 = tracyWidomCdfFredholm(s, 1);
      const f2 = tracyWidomCdfFredholm(s, 2);
      const f4 = tracyWidomCdfFredholm(s, 4, "tw");
      assert.ok(Math.abs(f1 - REFERENCE_CDF.F1[i]) < 2e-15, `F₁(${s}) = ${f1}`);
      assert.ok(Math.abs(f2 - REFERENCE_CDF.F2[i]) < 2e-15, `F₂(${s}) = ${f2}`);
      assert.ok(Math.abs(f4 - REFERENCE_CDF.F4tw[i]) < 2e-15, `F₄(${s}) = ${f4}`);
      assert.ok(Math.abs(airyKernelDeterminant(s) - REFERENCE_CDF.F2[i]) < 2e-15);
    }
  });

  it("is converged: 40, 64 and 96 nodes agree to 1e−14 on t ∈ [−8, 12]", () => {
    for (let t = -8; t <= 12; t += 0.7) {
      const a = airyFredholmDeterminants(t);
      const b = airyFredholmDeterminants(t, 64);
      const c = airyFredholmDeterminants(t, 96);
      for (const v of [b, c]) {
        assert.ok(Math.abs(Math.exp(a.logDetMinus) - Math.exp(v.logDetMinus)) < 1e-14, `F₁(${t})`);
        assert.ok(Math.abs(Math.exp(a.logDetPlus) - Math.exp(v.logDetPlus)) < 1e-14, `D₊(${t})`);
        assert.ok(
          Math.abs(Math.exp(a.logDetSquare) - Math.exp(v.logDetSquare)) < 1e-14,
          `F₂(${t})`,
        );
        const scale = Math.exp(a.logDetSquare);
        assert.ok(Math.abs(a.dLogDetSquare - v.dLogDetSquare) * scale < 1e-14, `F₂′(${t})`);
        assert.ok(Math.abs(a.dLogDetMinus - v.dLogDetMinus) * Math.exp(a.logDetMinus) < 1e-14);
      }
    }
  });

  it("agrees with the independent Airy-kernel discretisation of F₂ to 1e−14", () => {
    for (let s = -7; s <= 6; s += 0.53) {
      const viaB = Math.exp(airyFredholmDeterminants(s).logDetSquare);
      assert.ok(Math.abs(viaB - airyKernelDeterminant(s, 80)) < 1e-14, `F₂(${s})`);
    }
  });

  it("its one-solve derivatives equal Jacobi's formula −tr((I − A)⁻¹∂A) on the same matrices", () => {
    for (const t of [-6, -3, -1, 0.5, 2, 5]) {
      const m = 40;
      const length = t <= 4 ? 12 - t : 8;
      const { nodes, weights } = gaussLegendre(m);
      const x = nodes.map((u) => (length * (u + 1)) / 2);
      const root = weights.map((w) => Math.sqrt((length * w) / 2));
      const a = new Float64Array(m * m);
      const aPrime = new Float64Array(m * m);
      const out = new Float64Array(2);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < m; j++) {
          airyAiWithDerivative(t + x[i] + x[j], out);
          a[i * m + j] = root[i] * root[j] * out[0];
          aPrime[i * m + j] = root[i] * root[j] * out[1];
        }
      }
      const pivots = new Int32Array(m);
      const work = new Float64Array(m);
      const y = a.map((v) => -v);
      luFactorIdentityPlus(y, m, pivots);
      const traceMinus = -traceOfSolve(y, m, pivots, aPrime, work);
      const z = a.slice();
      luFactorIdentityPlus(z, m, pivots);
      const tracePlus = traceOfSolve(z, m, pivots, aPrime, work);
      const v = airyFredholmDeterminants(t, m);
      // Both are exact for the discrete problem up to rounding, amplified by ‖(I ∓ A)⁻¹‖, which
      // grows like 1/F₁ in the left tail (≈ 4e5 at t = −6).
      const tolerance = (t < -4 ? 1e-10 : 1e-13) * Math.abs(traceMinus) + 1e-16;
      assert.ok(
        Math.abs(v.dLogDetMinus - traceMinus) < tolerance,
        `t = ${t}: ${v.dLogDetMinus} vs ${traceMinus}`,
      );
      assert.ok(
        Math.abs(v.dLogDetPlus - tracePlus) < tolerance,
        `t = ${t}: ${v.dLogDetPlus} vs ${tracePlus}`,
      );
    }
  });

  it("the density is the derivative of the CDF (4th-order differences, 1e−9)", () => {
    const h = 1e-3;
    for (const beta of [1, 2, 4] as const) {
      for (const s of [-4, -2.5, -1, 0, 1.5]) {
        const f = (u: number) => tracyWidomCdfFredholm(u, beta);
        const difference = (-f(s + 2 * h) + 8 * f(s + h) - 8 * f(s - h) + f(s - 2 * h)) / (12 * h);
        const density = tracyWidomPdfFredholm(s, beta);
        assert.ok(
          Math.abs(difference - density) < 1e-9,
          `β = ${beta}, s = ${s}: ${density} vs ${difference}`,
        );
      }
    }
  });

  it("F₂ satisfies Painlevé II in σ-form: (σ″)² + 4σ′((σ′)² − sσ′ + σ) = 0, σ = (log F₂)′", () => {
    // Jimbo–Miwa–Okamoto σ-form (Tracy–Widom 1994, eq. 1.17); σ′ = −q² with q Hastings–McLeod.
    // σ from Jacobi's formula, σ′ and σ″ by 6th-order central differences of σ.
    const h = 0.01;
    const sigma = (s: number) => airyFredholmDeterminants(s).dLogDetSquare;
    for (const s of [-5, -3.5, -2, -1, 0, 1, 2.5]) {
      const v = [-3, -2, -1, 0, 1, 2, 3].map((k) => sigma(s + k * h));
      const d1 = (-v[0] + 9 * v[1] - 45 * v[2] + 45 * v[4] - 9 * v[5] + v[6]) / (60 * h);
      const d2 =
        (2 * v[0] - 27 * v[1] + 270 * v[2] - 490 * v[3] + 270 * v[4] - 27 * v[5] + 2 * v[6]) /
        (180 * h * h);
      const residual = d2 * d2 + 4 * d1 * (d1 * d1 - s * d1 + v[3]);
      const size = d2 * d2 + 4 * Math.abs(d1) * (d1 * d1 + Math.abs(s * d1) + Math.abs(v[3]));
      assert.ok(Math.abs(residual) < 1e-8 * size, `s = ${s}: residual ${residual} of ${size}`);
    }
  });

  it("q = √(−(log F₂)″) is the Hastings–McLeod solution: q(s) ~ Ai(s) as s → +∞", () => {
    const h = 0.005;
    for (const s of [3, 5, 7]) {
      const v = [-3, -2, -1, 1, 2, 3].map((k) => airyFredholmDeterminants(s + k * h).dLogDetSquare);
      const d1 = (-v[0] + 9 * v[1] - 45 * v[2] + 45 * v[3] - 9 * v[4] + v[5]) / (60 * h);
      const q = Math.sqrt(-d1);
      // q − Ai = O(Ai³): relative 1e−5 at s = 3, below the differencing error beyond.
      assert.ok(Math.abs(q / airyAi(s) - 1) < 1e-5, `q(${s}) = ${q}, Ai = ${airyAi(s)}`);
    }
  });

  it("the left-tail expansions match the Nyström values where both are accurate", () => {
    for (const t of [-6.5, -7, -7.5]) {
      const tail = airyFredholmLeftTail(t);
      const v = airyFredholmDeterminants(t, 56);
      // log-values: absolute error = relative error of the determinants.
      assert.ok(Math.abs(tail.logDetMinus - v.logDetMinus) < 5e-9, `a(${t})`);
      assert.ok(Math.abs(tail.logDetPlus - v.logDetPlus) < 2e-9, `c(${t})`);
      assert.ok(Math.abs(tail.logDetSquare - v.logDetSquare) < 5e-9, `b(${t})`);
      assert.ok(Math.abs(tail.dLogDetSquare / v.dLogDetSquare - 1) < 5e-9, `b′(${t})`);
    }
  });

  it("luFactorIdentityPlus keeps log det(I + Y) accurate for tiny Y and pivots when needed", () => {
    const m = 3;
    // det(I + εE) with E = ones: 1 + 3ε, log = log1p(3ε).
    const eps = 1e-20;
    const y = new Float64Array(m * m).fill(eps);
    assert.ok(Math.abs(luFactorIdentityPlus(y, m, new Int32Array(m)) / (3 * eps) - 1) < 1e-15);
    // A matrix that needs a row exchange: I + Y = [[0, 1], [1, 1]] (det −1 → NaN), [[1, 2], [3, 4]]
    // (det −2 → NaN), [[2, 1], [4, 5]] (det 6, pivot on row 2).
    assert.ok(
      Number.isNaN(luFactorIdentityPlus(Float64Array.from([-1, 1, 1, 0]), 2, new Int32Array(2))),
    );
    const z = Float64Array.from([1, 1, 4, 4]);
    const pivots = new Int32Array(2);
    assert.ok(Math.abs(luFactorIdentityPlus(z, 2, pivots) - Math.log(6)) < 1e-15);
    const b = Float64Array.from([3, 9]); // [[2,1],[4,5]] x = [3, 9] → x = [1, 1]
    luSolve(z, 2, pivots, b);
    assert.ok(Math.abs(b[0] - 1) < 1e-15 && Math.abs(b[1] - 1) < 1e-15);
  });

  it("rejects bad arguments", () => {
    assert.throws(() => tracyWidomCdfFredholm(0, 3 as 1), RangeError);
    assert.throws(() => tracyWidomCdfFredholm(0, 4, "x" as "tw"), RangeError);
    assert.throws(() => airyFredholmDeterminants(Number.NaN), RangeError);
    assert.throws(() => airyFredholmDeterminants(0, 1), RangeError);
    assert.throws(() => airyFredholmLeftTail(1), RangeError);
  });
});
