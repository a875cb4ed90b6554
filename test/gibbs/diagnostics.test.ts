/**
 * Convergence diagnostics of gibbsRun (split-R̂ and ESS of the λ_max trace, Vehtari et al. 2021)
 * on a known fast case and a known slow one, the per-cut counts, and every small-β path (β down
 * to the documented limit 1e−9, with and without spectral moves) of the sampler.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gibbsRun } from "../../src/driver/legacy.js";
import { defaultSpectralInterval, GIBBS_MIN_BETA, runGibbsChain } from "../../src/gibbs/sampler.js";
import { createRandomSource } from "../../src/random/philox.js";
import { largestEigenvalue } from "../../src/tridiagonal/bisection.js";

const TILTED = Float64Array.from([0, 0.25, -1.8, 0, 0.25]);

describe("Gibbs diagnostics", () => {
  it("fast case: V = x²/2 mixes in one pass, R̂ ≈ 1 and ESS of the order of chains × passes/2", () => {
    const r = gibbsRun({
      coeffs: Float64Array.from([0, 0, 0.5]),
      n: 30,
      beta: 2,
      passes: 400,
      samples: 8,
      seed: 5,
      stat: "max",
    });
    const d = r.diagnostics;
    assert.ok(d, "diagnostics expected with 8 chains");
    assert.ok(d.rhat < 1.01, `R̂ ${d.rhat}`);
    assert.ok(d.essBulk > 1000, `ESS ${d.essBulk}`);
    assert.equal(d.firstPass, 201);
    assert.equal(d.lastPass, 400);
  });
  it("slow case: the plain sweep on a tilted double well (chains stuck at their masses) has R̂ > 1.1", () => {
    const r = gibbsRun({
      coeffs: TILTED,
      n: 60,
      beta: 2,
      passes: 200,
      samples: 8,
      seed: 6,
      stat: "max",
      initial: "hermite",
      spectralEvery: 0,
      cutPoints: Float64Array.from([0.025]),
    });
    const d = r.diagnostics;
    assert.ok(d && d.rhat > 1.1, `plain sweep R̂ ${d?.rhat}`);
    // The same with spectral moves mixes (R̂ 1.005–1.024 over seeds 6–8: the rare changes of the
    // cut masses, on which λ_max depends, remain the slowest mode).
    const good = gibbsRun({
      coeffs: TILTED,
      n: 60,
      beta: 2,
      passes: 200,
      samples: 8,
      seed: 6,
      stat: "max",
      initial: "hermite",
      cutPoints: Float64Array.from([0.025]),
    });
    assert.ok(good.diagnostics && good.diagnostics.rhat < 1.05, `R̂ ${good.diagnostics?.rhat}`);
    assert.equal(good.cutCounts?.length, 8);
    for (const counts of good.cutCounts ?? []) assert.equal(counts[0] + counts[1], 60);
  });
  it("no diagnostics for fewer than 4 chains or 8 passes", () => {
    const base = { coeffs: TILTED, n: 10, beta: 2, seed: 1, stat: "max" as const };
    assert.equal(gibbsRun({ ...base, passes: 20, samples: 3 }).diagnostics, undefined);
    assert.equal(gibbsRun({ ...base, passes: 7, samples: 4 }).diagnostics, undefined);
  });
});

describe("Gibbs sampler at small and large β", () => {
  const potentials = [
    [0, 0, 0.5],
    [0, 0, -1, 0, 0.25],
    [0, 0.25, -1.8, 0, 0.25],
    [0, 8 / 5, 1 / 5, -4 / 15, 1 / 20],
    [0, 0.3, 0.5, -0.2, 0, 0, 1 / 6],
  ];
  for (const beta of [GIBBS_MIN_BETA, 1e-6, 1e-3, 0.05, 0.1, 1e3, 1e6]) {
    it(`β = ${beta}: every path runs and returns finite coefficients`, () => {
      for (const c of potentials) {
        for (const n of [2, 40]) {
          const st = runGibbsChain({
            coeffs: Float64Array.from(c),
            n,
            beta,
            passes: 4,
            rng: createRandomSource(9, n),
          });
          for (const v of st.diagonal) assert.ok(Number.isFinite(v), `a at β = ${beta}`);
          for (const v of st.offDiagonalSquared) assert.ok(v > 0 && Number.isFinite(v), `b`);
          assert.ok(Number.isFinite(largestEigenvalue(st.diagonal, st.offDiagonalSquared)));
        }
      }
    });
  }
  it("refuses β outside [1e−9, 1e12] and spectral moves below β = 0.1, with a RangeError", () => {
    const base = { coeffs: TILTED, n: 5, passes: 1, rng: createRandomSource(1, 0) };
    assert.throws(() => runGibbsChain({ ...base, beta: 1e-10 }), /below the Gibbs sampler's limit/);
    assert.throws(() => runGibbsChain({ ...base, beta: 1e13 }), /above the Gibbs sampler's limit/);
    assert.throws(() => runGibbsChain({ ...base, beta: 0.05, spectralEvery: 1 }), /beta >= 0.1/);
    assert.equal(defaultSpectralInterval(100, 0.05), 0);
    assert.equal(defaultSpectralInterval(100, 2), 1);
    assert.equal(defaultSpectralInterval(2000, 2), 4);
  });
});
