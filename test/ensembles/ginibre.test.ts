/**
 * Complex Ginibre ensemble against exact finite-N theory. Kostlan's theorem: the squared moduli
 * {|z_i|²} of the eigenvalues are distributed as independent Gamma(k, 1), k = 1..N. Hence
 *   - max|z_i|² has CDF Π_k P(k, x) (regularized lower incomplete gamma),
 *   - Σ|z_i|² ~ Gamma(N(N+1)/2, 1): mean and variance N(N+1)/2,
 *   - the pooled |z|² have the mixture CDF (1/N) Σ_k P(k, x) (the exact one-point law),
 * and the arguments are uniform (rotation invariance). At N = 100 the points of z/√N fill the
 * unit disk: |z|²/N is close to Uniform(0, 1) (a finite-N check, not exact).
 * Thresholds: |z| < 5, KS p > 1e-6 (false-alarm ~1e-6 per assertion). Fixed seeds.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ginibreEigenvalues } from "../../src/ensembles/ginibre.js";
import { createRandomSource } from "../../src/random/philox.js";
import { regularizedGammaP } from "../../src/special/regularizedGamma.js";
import { ksStatistic } from "../../src/statistics/ks.js";
import { assertKs, assertKsRejects, assertMean } from "../helpers/assertStats.js";

const TWO_PI = 2 * Math.PI;

function draw(n: number, samples: number, seed: number) {
  const moduli: Float64Array[] = [];
  const args: number[] = [];
  for (let s = 0; s < samples; s++) {
    const z = ginibreEigenvalues(createRandomSource(seed, s), n);
    assert.equal(z.re.length, n);
    moduli.push(Float64Array.from(z.re, (x, i) => x * x + z.im[i] ** 2));
    for (let i = 0; i < n; i++) {
      const t = Math.atan2(z.im[i], z.re[i]);
      args.push(t < 0 ? t + TWO_PI : t);
    }
  }
  return { moduli, args: Float64Array.from(args) };
}

const maxCdf = (n: number) => (x: number) => {
  let p = 1;
  for (let k = 1; k <= n; k++) p *= regularizedGammaP(k, x);
  return p;
};

const mixtureCdf = (n: number) => (x: number) => {
  let p = 0;
  for (let k = 1; k <= n; k++) p += regularizedGammaP(k, x);
  return p / n;
};

describe("Ginibre: Kostlan's theorem", () => {
  for (const [n, samples] of [
    [1, 4000],
    [3, 4000],
    [10, 2000],
    [40, 400],
  ] as const) {
    it(`N = ${n}: max|z|² ~ Π P(k, ·), E Σ|z|² = N(N+1)/2, pooled |z|² law, uniform arguments`, () => {
      const { moduli, args } = draw(n, samples, 10 + n);
      assertKs(
        Float64Array.from(moduli, (m) => Math.max(...m)),
        maxCdf(n),
        "max |z|²",
      );
      assertMean(
        Float64Array.from(moduli, (m) => m.reduce((s, v) => s + v, 0)),
        (n * (n + 1)) / 2,
        "E Σ|z|²",
      );
      const pooled = new Float64Array(n * samples);
      for (let s = 0; s < samples; s++) pooled.set(moduli[s], s * n);
      assertKs(pooled, mixtureCdf(n), "pooled |z|²");
      assertKs(args, (x) => x / TWO_PI, "arguments");
    });
  }

  it("power: eigenvalues scaled by 1.02 (E|A_ij|² off by 4%) fail the max test at N = 10", () => {
    const { moduli } = draw(10, 2000, 20);
    assertKsRejects(
      Float64Array.from(moduli, (m) => 1.02 ** 2 * Math.max(...m)),
      maxCdf(10),
      "scaled max |z|²",
    );
  });

  it("N = 100: z/√N fills the unit disk (|z|²/N close to uniform, KS distance < 0.05)", () => {
    const n = 100;
    const { moduli } = draw(n, 5, 30);
    const pooled = new Float64Array(5 * n);
    for (let s = 0; s < 5; s++)
      pooled.set(
        moduli[s].map((v) => v / n),
        s * n,
      );
    const d = ksStatistic(pooled, (x) => Math.min(1, Math.max(0, x)));
    assert.ok(d < 0.05, `KS distance to Uniform(0,1) = ${d}`);
    assert.ok(Math.max(...pooled) < 1.5);
  });

  it("rejects a bad n", () => {
    assert.throws(() => ginibreEigenvalues(createRandomSource(1), 0), RangeError);
    assert.throws(() => ginibreEigenvalues(createRandomSource(1), 2.5), RangeError);
  });
});
