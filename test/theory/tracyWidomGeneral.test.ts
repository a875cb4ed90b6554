/**
 * TW_β computed from the Bloemendal–Virág equation (src/theory/tracyWidomGeneral.ts): against the
 * Fredholm laws F₁, F₂, F₄ at β = 1, 2, 4; by self-convergence (finer θ grid and x-step) at other
 * β; against the large-β (low-temperature) asymptotics of the mean and variance; and the shape
 * of the law object (tails, quantile, monotonicity).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  tracyWidomCdf,
  tracyWidomMoments,
  tracyWidomPdf,
  tracyWidomSf,
} from "../../src/theory/tracyWidom.js";
import {
  TRACY_WIDOM_BETA_RANGE,
  tracyWidomBetaLaw,
  tracyWidomBetaLeftTailShape,
  tracyWidomBetaRightTailLog,
} from "../../src/theory/tracyWidomGeneral.js";

/** max |a(x) − b(x)| over x ∈ [lo, hi] on a grid that is not aligned with the law's x-grid. */
function maxDifference(
  a: (x: number) => number,
  b: (x: number) => number,
  lo = -8,
  hi = 6,
): { error: number; at: number } {
  let error = 0;
  let at = lo;
  for (let x = lo; x <= hi; x += 0.00731) {
    const d = Math.abs(a(x) - b(x));
    if (d > error) {
      error = d;
      at = x;
    }
  }
  return { error, at };
}

describe("TW_β from the Bloemendal–Virág boundary-value problem", () => {
  for (const beta of [1, 2, 4] as const) {
    it(`β = ${beta}: CDF within 1e−8, density within 3e−7, mean/variance within 1e−6 of the Fredholm law on [−8, 6]`, () => {
      const law = tracyWidomBetaLaw(beta);
      const cdf = maxDifference(law.cdf, (x) => tracyWidomCdf(x, beta));
      assert.ok(cdf.error < 1e-8, `CDF error ${cdf.error} at ${cdf.at}`);
      const pdf = maxDifference(law.pdf, (x) => tracyWidomPdf(x, beta));
      assert.ok(pdf.error < 3e-7, `density error ${pdf.error} at ${pdf.at}`);
      const m = tracyWidomMoments(beta);
      assert.ok(Math.abs(law.mean - m.mean) < 1e-6, `mean ${law.mean} vs ${m.mean}`);
      assert.ok(Math.abs(law.variance - m.variance) < 1e-6, `variance ${law.variance}`);
    });
  }

  it("self-convergence at β = 0.2, 0.5, 3, 10, 15: default vs 1.43× the θ-degree and half the x-step within 1e−8", () => {
    for (const beta of [0.2, 0.5, 3, 10, 15]) {
      const law = tracyWidomBetaLaw(beta);
      const finer = tracyWidomBetaLaw(beta, {
        degree: 2 * Math.round(0.715 * law.degree),
        step: law.step / 2,
      });
      const d = maxDifference(law.cdf, finer.cdf);
      assert.ok(d.error < 1e-8, `β = ${beta}: ${d.error} at ${d.at}`);
    }
  });

  it("large β: mean → a₁ = −2.33811 like a₁ + 1.13/β, variance ~ (4/β)∫ψ⁴ (Edelman–Persson–Sutton)", () => {
    // First-order perturbation of the stochastic Airy operator −d² + x + (2/√β)b′: its top
    // eigenfunction ψ(x) = Ai(x + a₁)/Ai′(a₁) gives Var ≈ (4/β)∫_0^∞ψ⁴ = (4/β)·0.417433497588956
    // (the integral evaluated in mpmath at 30 digits), and the mean tends to a₁.
    const a1 = -2.338107410459767;
    const psi4 = 0.4174334975889557;
    const ratios: number[] = [];
    for (const beta of [8, 15]) {
      const law = tracyWidomBetaLaw(beta);
      const meanShift = beta * (law.mean - a1);
      assert.ok(Math.abs(meanShift - 1.13) < 0.02, `β = ${beta}: β(mean − a₁) = ${meanShift}`);
      const ratio = (law.variance * beta) / (4 * psi4);
      ratios.push(ratio);
      assert.ok(Math.abs(ratio - 1) < 0.1 / beta, `β = ${beta}: ratio ${ratio}`);
    }
    assert.ok(Math.abs(ratios[1] - 1) < Math.abs(ratios[0] - 1), "closer to 1 at larger β");
  });

  it("the tail asymptotics reproduce F₁, F₂, F₄ (constants of Borot–Nadal and Borot–Eynard–Majumdar–Nadal)", () => {
    // Right tail: log(1 − F_β(x)) − formula → 0 like x^{−3/2}.
    for (const beta of [1, 2, 4] as const) {
      for (const x of [8, 16]) {
        const diff = Math.log(tracyWidomSf(x, beta)) - tracyWidomBetaRightTailLog(beta, x);
        // Measured: diff·x^{3/2} → −0.85, −1.46, −2.96 for β = 1, 2, 4.
        assert.ok(Math.abs(diff) < (0.8 * beta + 0.5) / x ** 1.5, `β = ${beta}, x = ${x}: ${diff}`);
      }
      // Left tail: log F − shape(x) tends to a constant (differences between −8 and −12 small).
      const c8 = Math.log(tracyWidomCdf(-8, beta)) - tracyWidomBetaLeftTailShape(beta, -8);
      const c12 = Math.log(tracyWidomCdf(-12, beta)) - tracyWidomBetaLeftTailShape(beta, -12);
      assert.ok(Math.abs(c8 - c12) < 0.05, `β = ${beta}: ${c8} vs ${c12}`);
    }
  });

  it("the law: monotone CDF, quantile inverts it, tails finite, NaN for NaN", () => {
    const law = tracyWidomBetaLaw(3.3);
    let previous = 0;
    for (let x = -30; x <= 30; x += 0.001) {
      const F = law.cdf(x);
      // Monotone up to one rounding of the interpolation (2.2e−16).
      assert.ok(F >= previous - 2.3e-16 && F <= 1 && law.pdf(x) >= 0, `at ${x}`);
      previous = F;
    }
    for (const p of [1e-30, 1e-6, 0.01, 0.5, 0.99, 1 - 1e-9]) {
      const x = law.quantile(p);
      assert.ok(Math.abs(law.cdf(x) / p - 1) < 1e-9, `quantile(${p}) = ${x}`);
    }
    assert.ok(Math.abs(law.sf(law.isf(1e-20)) / 1e-20 - 1) < 1e-9);
    for (const x of [-1e300, 1e300])
      assert.ok(Number.isFinite(law.cdf(x)) && Number.isFinite(law.pdf(x)));
    assert.ok(Number.isNaN(law.cdf(Number.NaN)) && Number.isNaN(law.quantile(2)));
    assert.equal(law.cdf(Number.NEGATIVE_INFINITY), 0);
    assert.equal(law.cdf(Number.POSITIVE_INFINITY), 1);
  });

  it("rejects β outside the computed range and bad options", () => {
    assert.throws(() => tracyWidomBetaLaw(0), RangeError);
    assert.throws(() => tracyWidomBetaLaw(TRACY_WIDOM_BETA_RANGE[1] * 2), RangeError);
    assert.throws(() => tracyWidomBetaLaw(2, { step: 0 }), RangeError);
    assert.throws(() => tracyWidomBetaLaw(2, { degree: 3 }), RangeError);
  });
});
