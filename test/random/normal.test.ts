import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normal, normalQuantile } from "../../src/random/normal.js";
import { createRandomSource } from "../../src/random/philox.js";
import { normalCdf } from "../../src/special/erf.js";
import { assertKs, assertKsRejects, Z_LIMIT } from "../helpers/assertStats.js";

// Statistical assertions use fixed seeds; the thresholds (KS p > 1e-6, |z| < 5) are those a
// correct sampler fails with probability ~1e-6 each (see test/helpers/assertStats.ts).
const N = 200_000;

function sampleNormals(seed: number, n: number): Float64Array {
  const rng = createRandomSource(seed);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = normal(rng);
  return xs;
}

describe("normalQuantile (AS 241)", () => {
  it("matches published quantiles", () => {
    // Reference quantiles: root of Φ(z) = p for the double p, solved with mpmath at 40 digits
    // (the first agrees with A&S Table 26.5, 1.959963984540054).
    const reference: [number, number][] = [
      [0.975, 1.9599639845400538],
      [1e-10, -6.361340902404057],
      [0.001, -3.0902323061678136],
      [1e-8, -5.612001244174789],
      [1e-20, -9.262340089798407],
      [1e-300, -37.0470962993612],
    ];
    for (const [p, z] of reference) {
      assert.ok(
        Math.abs(normalQuantile(p) / z - 1) < 1e-15,
        `p = ${p}: ${normalQuantile(p)} vs ${z}`,
      );
    }
    assert.equal(normalQuantile(0.5), 0);
    assert.equal(normalQuantile(0), -Infinity);
    assert.equal(normalQuantile(1), Infinity);
  });

  it("inverts normalCdf over (1e-300, 0.999) up to the conditioning z²·ε of Φ", () => {
    for (const p of [
      1e-300, 1e-100, 1e-20, 1e-8, 0.001, 0.02, 0.075, 0.3, 0.5, 0.7, 0.925, 0.999,
    ]) {
      const z = normalQuantile(p);
      const back = normalCdf(z);
      const tolerance = 2e-15 * (1 + z * z);
      assert.ok(Math.abs(back / p - 1) < tolerance, `p = ${p}: Φ(Φ^{-1}(p)) = ${back}`);
    }
  });

  it("rejects p outside [0, 1]", () => {
    assert.throws(() => normalQuantile(-0.1), RangeError);
    assert.throws(() => normalQuantile(Number.NaN), RangeError);
  });
});

describe("normal", () => {
  const xs = sampleNormals(11, N);

  it("follows the standard normal law (KS, n = 2e5)", () => {
    assertKs(xs, normalCdf, "normal");
  });

  it("has mean 0 and variance 1 (z-tests against the exact moments)", () => {
    let sum = 0;
    let sumSquares = 0;
    for (const x of xs) {
      sum += x;
      sumSquares += x * x;
    }
    const zMean = (sum / N) * Math.sqrt(N); // Var(mean) = 1/N
    const zVariance = (sumSquares / N - 1) / Math.sqrt(2 / N); // Var(mean of Z²) = 2/N
    assert.ok(Math.abs(zMean) < Z_LIMIT, `mean z = ${zMean}`);
    assert.ok(Math.abs(zVariance) < Z_LIMIT, `variance z = ${zVariance}`);
  });

  it("KS rejects a 0.03 mean shift and a 5% scale error at this n (power check)", () => {
    assertKsRejects(xs, (x) => normalCdf(x - 0.03), "normal with mean 0.03");
    assertKsRejects(xs, (x) => normalCdf(x / 1.05), "normal with sd 1.05");
  });

  it("is exactly symmetric and bounded (|Z| < 8.3)", () => {
    const lo = (0 + 0.5) / 2 ** 52;
    assert.equal(normalQuantile(lo), -normalQuantile(1 - lo));
    assert.ok(Number.isFinite(normalQuantile(lo)) && normalQuantile(lo) > -8.3);
  });
});
