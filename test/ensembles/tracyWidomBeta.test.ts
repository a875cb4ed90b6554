/**
 * TW_β for any β > 0 by the truncated Hermite model (src/ensembles/tracyWidomBeta.ts).
 * - β = 1, 2, 4: KS against the Fredholm CDFs (β-ensemble convention), 4000 samples each,
 *   p > 1e−6 (false-alarm rate 1e−6 per assertion); the β = 4 samples must be rejected by the
 *   other β = 4 convention (F₄^TW unscaled), which proves the test has power.
 * - β = 0.5, 3, 6: KS against TW_β computed from the Bloemendal–Virág equation
 *   (src/theory/tracyWidomGeneral.ts): two independent routes to the same law (random tridiagonal
 *   model vs a PDE). 6000 samples each; the law of a β 25% off must be rejected (power).
 * - The mean decreases strictly in β (β = 0.5, 1, 2, 3.3, 4, 8). The draws of different β share
 *   their random streams (sample i uses the same Philox stream for every β), which couples them
 *   strongly; each adjacent difference of means must be positive with paired |z| > 5.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TRACY_WIDOM_BETA_N, tracyWidomBetaSample } from "../../src/ensembles/tracyWidomBeta.js";
import { createRandomSource } from "../../src/random/philox.js";
import { tracyWidomCdf } from "../../src/theory/tracyWidom.js";
import { tracyWidomBetaLaw } from "../../src/theory/tracyWidomGeneral.js";
import { assertKs, assertKsRejects, Z_LIMIT } from "../helpers/assertStats.js";

function draws(beta: number, samples: number, seed: number): Float64Array {
  const xs = new Float64Array(samples);
  for (let i = 0; i < samples; i++) xs[i] = tracyWidomBetaSample(createRandomSource(seed, i), beta);
  return xs;
}

describe("tracyWidomBetaSample agrees with the Fredholm laws", () => {
  for (const beta of [1, 2, 4] as const) {
    it(`β = ${beta}: KS vs F_${beta} (β convention), 4000 samples`, () => {
      const xs = draws(beta, 4000, 40 + beta);
      assertKs(xs, (s) => tracyWidomCdf(s, beta), `TW_${beta} sampler vs Fredholm`);
      if (beta === 4) assertKsRejects(xs, (s) => tracyWidomCdf(s, 4, "tw"), "vs F4^TW unscaled");
    });
  }
});

describe("tracyWidomBetaSample agrees with TW_β computed from the Bloemendal–Virág equation", () => {
  for (const beta of [0.5, 3, 6]) {
    it(`β = ${beta}: KS vs the computed law, 6000 samples; β·1.25 rejected`, () => {
      const xs = draws(beta, 6000, 50 + 10 * beta);
      const law = tracyWidomBetaLaw(beta);
      assertKs(xs, law.cdf, `TW_${beta} sampler vs Bloemendal–Virág`);
      assertKsRejects(xs, tracyWidomBetaLaw(beta * 1.25).cdf, `vs TW_${beta * 1.25}`);
    });
  }
});

describe("the mean of TW_β decreases in β", () => {
  it("β = 0.5, 1, 2, 3.3, 4, 8 (paired draws)", () => {
    const betas = [0.5, 1, 2, 3.3, 4, 8];
    const samples = 200;
    const xs = betas.map((beta) => draws(beta, samples, 77));
    for (let j = 1; j < betas.length; j++) {
      let mean = 0;
      for (let i = 0; i < samples; i++) mean += xs[j - 1][i] - xs[j][i];
      mean /= samples;
      let ss = 0;
      for (let i = 0; i < samples; i++) ss += (xs[j - 1][i] - xs[j][i] - mean) ** 2;
      const z = mean / Math.sqrt(ss / (samples - 1) / samples);
      assert.ok(z > Z_LIMIT, `mean(β=${betas[j - 1]}) − mean(β=${betas[j]}) = ${mean}, z = ${z}`);
    }
  });
});

describe("arguments", () => {
  it("rejects β ≤ 0, non-finite β and bad n; default n", () => {
    const rng = createRandomSource(1);
    assert.throws(() => tracyWidomBetaSample(rng, 0), RangeError);
    assert.throws(() => tracyWidomBetaSample(rng, -1), RangeError);
    assert.throws(() => tracyWidomBetaSample(rng, Number.NaN), RangeError);
    assert.throws(() => tracyWidomBetaSample(rng, Number.POSITIVE_INFINITY), RangeError);
    assert.throws(() => tracyWidomBetaSample(rng, 2, 1.5), RangeError);
    assert.equal(TRACY_WIDOM_BETA_N, 1e6);
    // The same stream gives the same draw; an explicit n equal to the default changes nothing.
    assert.equal(
      tracyWidomBetaSample(createRandomSource(3, 1), 2.5),
      tracyWidomBetaSample(createRandomSource(3, 1), 2.5, 1e6),
    );
  });
});
