/**
 * Full-matrix models at small N against exact laws (complements full.test.ts, whose two-sample
 * tests against the tridiagonal models only detect a few-% scale error at N = 2 and 5):
 *   - GOE/GUE/GSE: Tr (H − μ)² /σ² = Σ(x−μ)²/σ² ~ χ²(N + βN(N−1)/2) exactly (docs/theory.md §8);
 *   - Wishart XX* (N×M, real components N(0,1), θ = 2): Σx = Tr XX* ~ Gamma(βNM/2, θ) exactly;
 *   - MANOVA: Aomoto's E Σx = N(a + γ(N−1))/(a + b + 2γ(N−1)), γ = β/2 (docs/theory.md §8).
 * Sample sizes make a 1% scale error give |z| ≳ 7 on the mean (the power test below checks it);
 * thresholds |z| < 5 and KS p > 1e-6 (false-alarm rate ~1e-6 per assertion), fixed seeds.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  hermiteFullEigenvalues,
  jacobiFullEigenvalues,
  laguerreFullEigenvalues,
} from "../../src/ensembles/full.js";
import { jacobiParamsFromManova } from "../../src/ensembles/jacobi.js";
import { createRandomSource } from "../../src/random/philox.js";
import { regularizedGammaP } from "../../src/special/regularizedGamma.js";
import { assertKs, assertMean } from "../helpers/assertStats.js";

const BETAS = [1, 2, 4] as const;

/** Samples for a statistic with relative sd r per sample: |z| ≈ 7 for a 1% shift. */
function samplesFor(relativeSd: number, shift: number): number {
  return Math.ceil(((7 * relativeSd) / shift) ** 2);
}

describe("full models at N = 2 and 5 against exact laws", () => {
  for (const n of [2, 5]) {
    for (const beta of BETAS) {
      it(`GβE N = ${n}, β = ${beta}: Σ(x−μ)²/σ² ~ χ²(N + βN(N−1)/2)`, () => {
        const nu = n + (beta * n * (n - 1)) / 2;
        const samples = samplesFor(Math.sqrt(2 / nu), 0.02);
        const loc = 0.3;
        const scale = 1.4;
        const t = new Float64Array(samples);
        for (let s = 0; s < samples; s++) {
          const x = hermiteFullEigenvalues(createRandomSource(40 + n, s), n, beta, { loc, scale });
          for (const xi of x) t[s] += ((xi - loc) / scale) ** 2;
        }
        assertKs(t, (u) => regularizedGammaP(nu / 2, u / 2), "Σ(x−μ)²/σ² vs χ²");
        assertMean(t, nu, "E Σ(x−μ)²/σ²");
      });

      it(`Wishart N = ${n}, M = ${n + 1}, β = ${beta}: Σx ~ Gamma(βNM/2, θ)`, () => {
        const m = n + 1;
        const theta = 2;
        const shape = (beta * n * m) / 2;
        const samples = samplesFor(1 / Math.sqrt(shape), 0.01);
        const t = new Float64Array(samples);
        for (let s = 0; s < samples; s++) {
          const x = laguerreFullEigenvalues(createRandomSource(50 + n, s), n, beta, {
            m,
            scale: theta,
          });
          for (const xi of x) t[s] += xi;
        }
        assertKs(t, (u) => regularizedGammaP(shape, u / theta), "Σx vs Gamma");
        assertMean(t, shape * theta, "E Σx");
      });

      it(`MANOVA N = ${n}, M1 = ${n + 1}, M2 = ${n + 2}, β = ${beta}: Aomoto E Σx`, () => {
        const { a, b } = jacobiParamsFromManova(n, n + 1, n + 2, beta);
        const g = beta / 2;
        const expected = (n * (a + g * (n - 1))) / (a + b + 2 * g * (n - 1));
        const samples = 40000;
        const t = new Float64Array(samples);
        for (let s = 0; s < samples; s++) {
          const x = jacobiFullEigenvalues(createRandomSource(60 + n, s), n, beta, {
            m1: n + 1,
            m2: n + 2,
          });
          for (const xi of x) t[s] += xi;
        }
        assertMean(t, expected, "E Σx (Aomoto)");
      });
    }
  }

  it("power: a GUE scaled by 1.01 at N = 2 fails the χ² mean test", () => {
    const n = 2;
    const nu = n + n * (n - 1);
    const samples = samplesFor(Math.sqrt(2 / nu), 0.02);
    const t = new Float64Array(samples);
    for (let s = 0; s < samples; s++) {
      const x = hermiteFullEigenvalues(createRandomSource(42, s), n, 2, { loc: 0, scale: 1 });
      for (const xi of x) t[s] += (1.01 * xi) ** 2;
    }
    assert.throws(() => assertMean(t, nu, "E Σx²"));
  });
});
