import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { laguerreEigenvalues } from "../../src/ensembles/laguerre.js";
import { createRandomSource } from "../../src/random/philox.js";
import { ksPValue, ksStatistic } from "../../src/statistics/ks.js";
import { fredholmDeterminant } from "../../src/theory/fredholm.js";
import { hardEdgeLaw } from "../../src/theory/hardEdge.js";

/**
 * The exact finite-N law of the smallest eigenvalue of the LUE (weight x^a e^{−x}, a a
 * non-negative integer): P(λ_min > x) = det(I − K_N) on (0, x) with the Laguerre
 * Christoffel–Darboux kernel K_N = Σ_{k<N} φ_k ⊗ φ_k, φ_k = √(k!/Γ(k+a+1)) x^{a/2} e^{−x/2} L_k^{(a)}
 * (orthonormal; Forrester, Log-gases and Random Matrices, §5.4), by Gauss–Legendre Nyström — an
 * independent route from the Bessel kernel of the library.
 */
function lueSmallestSurvival(n: number, a: number, x: number): number {
  const phi = (t: number, out: Float64Array) => {
    // Orthonormal recurrence: p_k = L_k^{(a)} √(k!/Γ(k+a+1)).
    let gammaA = 1;
    for (let j = 2; j <= a; j++) gammaA *= j; // Γ(a + 1) = a!
    const pre = Math.exp(-t / 2) * t ** (a / 2);
    let previous = 0;
    let current = 1 / Math.sqrt(gammaA);
    out[0] = pre * current;
    for (let k = 0; k + 1 < n; k++) {
      // (k+1) L_{k+1} = (2k+1+a−t) L_k − (k+a) L_{k−1}, normalised.
      const next =
        ((2 * k + 1 + a - t) * current - Math.sqrt(k * (k + a)) * previous) /
        Math.sqrt((k + 1) * (k + 1 + a));
      previous = current;
      current = next;
      out[k + 1] = pre * current;
    }
  };
  const u = new Float64Array(n);
  const v = new Float64Array(n);
  const kernel = (s: number, t: number) => {
    phi(s, u);
    phi(t, v);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += u[k] * v[k];
    return sum;
  };
  return fredholmDeterminant(kernel, 0, x, 40);
}

describe("hard-edge laws of the smallest Laguerre eigenvalue", () => {
  it("reproduce Edelman's closed forms (β = 2, a = 0: e^{−x/4}; β = 1, a = −½: e^{−x/8 − √x/2})", () => {
    // Edelman, SIAM J. Matrix Anal. Appl. 9 (1988) 543–560: N·λ_min of square complex / real
    // Wishart matrices → Exp(1) / density (1 + √x)/(2√x) e^{−(x/2 + √x)}; here X = 4Nλ_min.
    const complex = hardEdgeLaw(2, 0);
    const real = hardEdgeLaw(1, -0.5);
    // Relative accuracy: rounding level, up to ≈ 1e−16·e^{2√x} in the tail (hardEdge.ts).
    for (const x of [0.01, 1, 4, 20, 60, 100]) {
      const tolerance = 1e-14 + 4e-16 * Math.exp(2 * Math.sqrt(x));
      assert.ok(Math.abs(complex.sf(x) / Math.exp(-x / 4) - 1) < tolerance, `β=2 x=${x}`);
      assert.ok(
        Math.abs(real.sf(x) / Math.exp(-x / 8 - Math.sqrt(x) / 2) - 1) < tolerance,
        `β=1 x=${x}`,
      );
      assert.ok(
        Math.abs(complex.pdf(x) / (Math.exp(-x / 4) / 4) - 1) < 10 * tolerance,
        `β=2 pdf x=${x}`,
      );
    }
    // β = 2 far in the tail (the large-X expansion; exact here since every d_k vanishes at a = 0).
    assert.ok(Math.abs(complex.logsf(2000) + 500) < 1e-12);
    assert.ok(Math.abs(complex.mean - 4) < 1e-10 && Math.abs(complex.variance - 16) < 1e-8);
    // Small x keeps relative accuracy: cdf = 1 − e^{−x/4}.
    assert.ok(Math.abs(complex.cdf(1e-8) / -Math.expm1(-1e-8 / 4) - 1) < 1e-10);
  });

  it("give e^{−x/2}·cosh √x for β = 4, a = 1 (square quaternion Wishart)", () => {
    // det(I ∓ V₀(X)) = e^{−X/8 ∓ √X/2} (Edelman's β = 1 form and det(I − V₀²) = e^{−X/4}), so
    // E₄(x; 1) = ½[det(I − V₀(4x)) + det(I + V₀(4x))] = e^{−x/2} cosh √x.
    const law = hardEdgeLaw(4, 1);
    for (const x of [0.01, 0.5, 2, 8, 20]) {
      const expected = Math.exp(-x / 2) * Math.cosh(Math.sqrt(x));
      assert.ok(
        Math.abs(law.sf(x) / expected - 1) < 1e-12 + 1e-15 * Math.exp(4 * Math.sqrt(x)),
        `x=${x}`,
      );
    }
  });

  it("keep relative accuracy in the upper tail for β = 1, 4 (double-double determinants): closed forms", () => {
    // Edelman's forms far in the tail, where the double determinants have lost every digit
    // (≈ 1e−16·e^{2√X}: 4e−5 at X = 200, nothing at 600): log sf to 2e−13 absolute = sf to 2e−13
    // relative, down to sf ≈ 1e−38 (β = 1) and 1e−28 (β = 4).
    const real = hardEdgeLaw(1, -0.5);
    for (const x of [10, 50, 200, 400, 600]) {
      const exact = -x / 8 - Math.sqrt(x) / 2;
      assert.ok(Math.abs(real.logsf(x) - exact) < 2e-13, `β=1 x=${x}: ${real.logsf(x) - exact}`);
      assert.ok(Math.abs(real.sf(x) / Math.exp(exact) - 1) < 1e-12, `β=1 sf x=${x}`);
      // The density −(log sf)′·sf: (1/8 + 1/(4√x))·sf.
      const pdf = (1 / 8 + 1 / (4 * Math.sqrt(x))) * Math.exp(exact);
      assert.ok(Math.abs(real.pdf(x) / pdf - 1) < 1e-11, `β=1 pdf x=${x}`);
    }
    const quaternion = hardEdgeLaw(4, 1);
    for (const x of [5, 25, 75, 150]) {
      const exact = -x / 2 + Math.log(Math.cosh(Math.sqrt(x)));
      assert.ok(
        Math.abs(quaternion.logsf(x) - exact) < 2e-13,
        `β=4 x=${x}: ${quaternion.logsf(x) - exact}`,
      );
    }
  });

  it("keep relative accuracy in the upper tail for β = 1, 4: 40-digit mpmath references", () => {
    // test/theory/fixtures/hard-edge-tail.json from docs/local-statistics/hardEdgeTail.py (an
    // independent Gauss–Legendre Nyström after u = s², mpmath at 40 digits).
    const fixture = JSON.parse(
      readFileSync(new URL("./fixtures/hard-edge-tail.json", import.meta.url), "utf8"),
    ) as { rows: { beta: 1 | 4; a: number; x: number; logsf: string; agreement: string }[] };
    assert.ok(fixture.rows.length >= 24);
    const laws = new Map<string, ReturnType<typeof hardEdgeLaw>>();
    for (const row of fixture.rows) {
      assert.ok(Number(row.agreement) < 1e-20, `reference converged: ${row.agreement}`);
      const key = `${row.beta}:${row.a}`;
      if (!laws.has(key)) laws.set(key, hardEdgeLaw(row.beta, row.a));
      const law = laws.get(key) as ReturnType<typeof hardEdgeLaw>;
      const error = Math.abs(law.logsf(row.x) - Number(row.logsf));
      assert.ok(error < 2e-13, `β=${row.beta} a=${row.a} x=${row.x}: ${error}`);
    }
  });

  it("match the exact finite-N LUE law with error O(N⁻²) under the scaling 4(N + a/2)·λ (O(N⁻¹) under 4N)", () => {
    // Bornemann, Ann. Appl. Probab. 26 (2016); Forrester & Trinh, Stud. Appl. Math. 143 (2019).
    for (const a of [0, 2]) {
      const law = hardEdgeLaw(2, a);
      const errors = (scaled: boolean) =>
        [10, 20, 40].map((n) => {
          let worst = 0;
          for (const x of [1, 4, 10]) {
            const factor = 4 * (scaled ? n + a / 2 : n);
            worst = Math.max(worst, Math.abs(lueSmallestSurvival(n, a, x / factor) - law.sf(x)));
          }
          return worst;
        });
      const improved = errors(true);
      const naive = errors(false);
      if (a === 0) {
        // a = 0: both scalings coincide, and the law is exactly e^{−x/4} at every N.
        assert.ok(improved[0] < 1e-13 && improved[2] < 1e-13, `${improved}`);
        continue;
      }
      assert.ok(
        improved[1] / improved[0] < 0.3 && improved[2] / improved[1] < 0.3,
        `O(N⁻²): ${improved}`,
      );
      assert.ok(naive[1] / naive[0] > 0.4 && naive[2] / naive[1] > 0.4, `O(N⁻¹): ${naive}`);
      assert.ok(improved[2] < 2e-4, `N = 40: ${improved[2]}`);
    }
  });

  it("converge at rate O(N⁻²) under 4(N + a/β)·λ at β = 1, 4 too (exact finite-N law for a = 1)", () => {
    // For the weight x e^{−βx/2} (a = 1): shifting x → x + s gives P(λ_min > s) =
    // e^{−βNs/2}·E[det(W + s)]/E[det W] over the a = 0 ensemble, and the expected characteristic
    // polynomial is a Laguerre polynomial: P(λ_min > s) = e^{−βNs/2} ₁F₁(−N; 2/β; −s) (Forrester,
    // J. Math. Phys. 35 (1994) 2539, the a = 1 case of his ₁F₁^{(β/2)}). Checked here: β = 2
    // against the Christoffel–Darboux determinant, β = 1, 4 against the tridiagonal model (KS, with
    // power against a 3% error), and its N → ∞ limits e^{−X/8}·2I₁(√X)/√X, e^{−X/2}cosh √X.
    const finite = (beta: number, n: number, s: number) => {
      let term = 1;
      let sum = 1; // Σ_k N!/((N − k)! (2/β)_k k!) s^k: positive terms
      for (let k = 0; k < n; k++) {
        term *= ((n - k) * s) / ((2 / beta + k) * (k + 1));
        sum += term;
      }
      return Math.exp((-beta * n * s) / 2) * sum;
    };
    for (const s of [0.05, 0.2, 0.5]) {
      assert.ok(Math.abs(finite(2, 5, s) - lueSmallestSurvival(5, 1, s)) < 1e-13, `LUE s=${s}`);
    }
    const samples = 100000;
    for (const beta of [1, 4]) {
      const x = new Float64Array(samples);
      for (let s = 0; s < samples; s++) {
        x[s] = laguerreEigenvalues(createRandomSource(91, s), 5, beta, {
          shape: 2,
          scale: 2 / beta,
        })[0];
      }
      const p = ksPValue(
        ksStatistic(x, (v) => 1 - finite(beta, 5, v)),
        samples,
      );
      assert.ok(p > 1e-6, `β=${beta}, N = 5: KS p = ${p}`);
      const off = ksPValue(
        ksStatistic(x, (v) => 1 - finite(beta, 5, 1.03 * v)),
        samples,
      );
      assert.ok(off < 1e-6, `β=${beta}: a 3% error is seen (p = ${off})`);
    }
    const i1 = (z: number) => {
      let t = z / 2;
      let sum = t;
      for (let k = 1; k < 100; k++) {
        t *= (z * z) / 4 / (k * (k + 1));
        sum += t;
      }
      return sum;
    };
    const limits = {
      1: (x: number) => (Math.exp(-x / 8) * 2 * i1(Math.sqrt(x))) / Math.sqrt(x),
      4: (x: number) => Math.exp(-x / 2) * Math.cosh(Math.sqrt(x)),
    };
    for (const beta of [1, 4] as const) {
      const law = hardEdgeLaw(beta, 1);
      for (const x of [0.5, 3, 10, 40]) {
        assert.ok(Math.abs(law.sf(x) / limits[beta](x) - 1) < 1e-12, `β=${beta} limit x=${x}`);
      }
      const errors = (scaled: boolean) =>
        [10, 20, 40, 80].map((n) => {
          let worst = 0;
          for (const x of [0.5, 1, 2, 4, 7, 10, 15]) {
            const factor = 4 * (scaled ? n + 1 / beta : n);
            worst = Math.max(worst, Math.abs(finite(beta, n, x / factor) - law.sf(x)));
          }
          return worst;
        });
      // Measured ratios per doubling: 0.27, 0.26, 0.26 (β = 1), 0.25 (β = 4); 4N: 0.50–0.52.
      const improved = errors(true);
      const naive = errors(false);
      for (let i = 1; i < 4; i++) {
        assert.ok(improved[i] / improved[i - 1] < 0.3, `β=${beta} O(N⁻²): ${improved}`);
        assert.ok(naive[i] / naive[i - 1] > 0.45, `β=${beta} O(N⁻¹) under 4N: ${naive}`);
      }
    }
  });

  it("fit the Laguerre β-ensemble (tridiagonal model) for β = 1, 2, 4 (KS, N = 100)", () => {
    // X = 4(N + a/β)·λ_min for the weight x^a e^{−βx/2}: shape a + 1, scale 2/β in betaens terms.
    const n = 100;
    const samples = 3000;
    for (const [beta, a] of [
      [1, 1.5],
      [2, 0.5],
      [4, 1],
    ] as const) {
      const x = new Float64Array(samples);
      for (let s = 0; s < samples; s++) {
        const ev = laguerreEigenvalues(createRandomSource(77, s), n, beta, {
          shape: a + 1,
          scale: 2 / beta,
        });
        x[s] = 4 * (n + a / beta) * ev[0];
      }
      const law = hardEdgeLaw(beta, a);
      const d = ksStatistic(x, (v) => law.cdf(v));
      const p = ksPValue(d, samples);
      assert.ok(p > 1e-6, `β=${beta} a=${a}: D=${d} p=${p}`);
    }
  });

  it("refuse what it cannot evaluate", () => {
    assert.throws(() => hardEdgeLaw(4, 0), RangeError);
    assert.throws(() => hardEdgeLaw(3 as 2, 1), RangeError);
    assert.throws(() => hardEdgeLaw(2, -1), RangeError);
  });
});
