/**
 * The spectral move (src/gibbs/spectral.ts) against exact laws, without any Gibbs sweep:
 *  - the Jacobi matrix of a discrete measure (RKPW): its eigenvalues are the atoms and (J^k)_{11}
 *    the moments Σ w_i λ_i^k;
 *  - V = x²/2: started from an exact Hermite sample, spectral moves alone must keep the law of
 *    every coefficient (a_n ~ N(0, 2/(βN)), b_n ~ Gamma(β(N−n)/2, 2/(βN))) — which checks the
 *    Dirichlet(β/2) weights and the rebuild — and of λ_max (exact GUE law at β = 2) — which checks
 *    the eigenvalue Metropolis–Hastings moves (their Hastings ratio included).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hermiteInitialState } from "../../src/gibbs/initial.js";
import {
  createSpectralWork,
  detLogGamma,
  jacobiFromSpectrum,
  spectralMove,
} from "../../src/gibbs/spectral.js";
import { createRandomSource } from "../../src/random/philox.js";
import { normalCdf } from "../../src/special/erf.js";
import { logGamma } from "../../src/special/logGamma.js";
import { regularizedGammaP } from "../../src/special/regularizedGamma.js";
import { gueLargestEigenvalueCdf } from "../../src/theory/hermiteLargestEigenvalueCdf.js";
import { largestEigenvalue } from "../../src/tridiagonal/bisection.js";
import { tridiagonalEigenvalues } from "../../src/tridiagonal/eigenvalues.js";
import { assertKs } from "../helpers/assertStats.js";

const GAUSSIAN = Float64Array.from([0, 0, 0.5]);

describe("spectral move", () => {
  it("rebuilds the Jacobi matrix of a discrete measure (eigenvalues and moments)", () => {
    const rng = createRandomSource(1, 0);
    for (const n of [1, 2, 5, 60]) {
      const lambda = Float64Array.from({ length: n }, () => 4 * rng.uniform() - 2).sort();
      const w = Float64Array.from({ length: n }, () => rng.uniform() + 0.01);
      const total = w.reduce((a, b) => a + b, 0);
      for (let i = 0; i < n; i++) w[i] /= total;
      const d = new Float64Array(n);
      const e = new Float64Array(n);
      jacobiFromSpectrum(lambda, w, d, e);
      const eig = tridiagonalEigenvalues(
        d,
        e.slice(0, n - 1).map((x) => x * x),
      );
      for (let i = 0; i < n; i++) assert.ok(Math.abs(eig[i] - lambda[i]) < 1e-13, `λ_${i}`);
      let v = new Float64Array(n);
      v[0] = 1;
      for (let k = 1; k <= 6; k++) {
        const next = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          next[i] =
            d[i] * v[i] + (i > 0 ? e[i - 1] * v[i - 1] : 0) + (i < n - 1 ? e[i] * v[i + 1] : 0);
        }
        v = next;
        let moment = 0;
        for (let i = 0; i < n; i++) moment += w[i] * lambda[i] ** k;
        assert.ok(Math.abs(v[0] - moment) < 1e-12, `moment ${k}: ${v[0]} vs ${moment}`);
      }
    }
  });

  it("log Γ in deterministic arithmetic", () => {
    for (const z of [1, 1.5, 2.7, 11.9, 12, 40, 1001]) {
      assert.ok(
        Math.abs(detLogGamma(z) - logGamma(z)) < 1e-13 * (1 + Math.abs(logGamma(z))),
        `${z}`,
      );
    }
  });

  for (const beta of [2, 0.7, 5]) {
    it(`keeps the Hermite law (β = ${beta}) under spectral moves alone`, () => {
      const n = 8;
      const chains = 3000;
      const variance = 2 / (beta * n);
      const a1 = new Float64Array(chains);
      const aN = new Float64Array(chains);
      const b1 = new Float64Array(chains);
      const bLast = new Float64Array(chains);
      const lmax = new Float64Array(chains);
      for (let c = 0; c < chains; c++) {
        const rng = createRandomSource(77, c);
        const state = hermiteInitialState(rng, GAUSSIAN, n, beta);
        const work = createSpectralWork(n);
        for (let m = 0; m < 3; m++) spectralMove(state, GAUSSIAN, beta, rng, work);
        a1[c] = state.diagonal[0];
        aN[c] = state.diagonal[n - 1];
        b1[c] = state.offDiagonalSquared[0];
        bLast[c] = state.offDiagonalSquared[n - 2];
        lmax[c] = largestEigenvalue(state.diagonal, state.offDiagonalSquared);
      }
      const normal = (x: number) => normalCdf(x / Math.sqrt(variance));
      assertKs(a1, normal, "a_1");
      assertKs(aN, normal, "a_N");
      assertKs(b1, (y) => regularizedGammaP((beta * (n - 1)) / 2, y / variance), "b_1");
      assertKs(bLast, (y) => regularizedGammaP(beta / 2, y / variance), "b_{N−1}");
      if (beta === 2) {
        // Δ² Π e^{−N x²/2}: the GUE scaled by 1/√N.
        assertKs(lmax, (s) => gueLargestEigenvalueCdf(s * Math.sqrt(n), n), "λ_max");
      }
    });
  }

  it("moves eigenvalues between cuts and rejects β below its limit", () => {
    const coeffs = Float64Array.from([0, 0.25, -1.8, 0, 0.25]);
    const n = 40;
    const rng = createRandomSource(3, 0);
    // All points in the right well: the moves must bring some to the deeper left well.
    const state = {
      diagonal: Float64Array.from({ length: n }, () => 1.8),
      offDiagonalSquared: new Float64Array(n - 1).fill(0.01),
    };
    const work = createSpectralWork(n);
    for (let m = 0; m < 20; m++) spectralMove(state, coeffs, 2, rng, work);
    const eig = tridiagonalEigenvalues(state.diagonal, state.offDiagonalSquared);
    const left = eig.filter((x) => x < 0).length;
    assert.ok(left > 15, `points moved to the left well: ${left}`);
    assert.ok(work.stats.accepted > 0 && work.stats.accepted < work.stats.proposals);
    assert.throws(() => spectralMove(state, coeffs, 0.05, rng, work), RangeError);
  });
});
