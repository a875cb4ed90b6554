import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chi } from "../../src/random/chi.js";
import { normal } from "../../src/random/normal.js";
import { createRandomSource } from "../../src/random/philox.js";
import { logGamma } from "../../src/special/logGamma.js";
import { regularizedGammaP } from "../../src/special/regularizedGamma.js";
import { assertKs, assertKsRejects, assertSameLaw, Z_LIMIT } from "../helpers/assertStats.js";

// Fixed seeds; each statistical assertion has a false-alarm rate ~1e-6 (KS p > 1e-6, |z| < 5).
const N = 100_000;

function sampleChi(k: number, seed: number): Float64Array {
  const rng = createRandomSource(seed);
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i++) xs[i] = chi(rng, k);
  return xs;
}

/** CDF of χ_k: P(χ_k <= x) = P(k/2, x²/2) (JKB vol. 1, §18.9). */
const chiCdf = (k: number) => (x: number) => regularizedGammaP(0.5 * k, 0.5 * x * x);

describe("chi", () => {
  [0.5, 1, 3, 10, 1000].forEach((k, index) => {
    it(`χ_${k}: KS vs P(k/2, x²/2) and exact mean √2 Γ((k+1)/2)/Γ(k/2) (n = 1e5)`, () => {
      const xs = sampleChi(k, 400 + index);
      assertKs(xs, chiCdf(k), `chi(${k})`);
      const mean = Math.SQRT2 * Math.exp(logGamma(0.5 * (k + 1)) - logGamma(0.5 * k));
      const variance = k - mean * mean;
      let sum = 0;
      for (const x of xs) sum += x;
      const z = (sum / N - mean) / Math.sqrt(variance / N);
      assert.ok(Math.abs(z) < Z_LIMIT, `chi(${k}) mean z = ${z}`);
    });
  });

  it("χ_3 has the law of the norm of a 3-d Gaussian vector (two-sample KS)", () => {
    const rng = createRandomSource(410);
    const norms = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      const x = normal(rng);
      const y = normal(rng);
      const z = normal(rng);
      norms[i] = Math.sqrt(x * x + y * y + z * z);
    }
    assertSameLaw(sampleChi(3, 411), norms, "chi(3) vs |N(0, I_3)|");
  });

  it("KS detects a 2% error in k (power check, k = 10)", () => {
    assertKsRejects(sampleChi(10, 420), chiCdf(10.2), "chi(10) vs chi(10.2)");
  });

  it("rejects bad k", () => {
    const rng = createRandomSource(1);
    assert.throws(() => chi(rng, 0), RangeError);
    assert.throws(() => chi(rng, -3), RangeError);
    assert.throws(() => chi(rng, Number.NaN), RangeError);
  });
});
