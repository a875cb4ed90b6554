import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRandomSource } from "../../src/random/philox.js";
import { kolmogorovSurvival, ksPValue, ksStatistic, ksTwoSample } from "../../src/statistics/ks.js";
import { meanAndVariance } from "../../src/statistics/moments.js";

function assertRelative(actual: number, expected: number, tolerance: number, label: string) {
  const error = Math.abs(actual / expected - 1);
  assert.ok(error <= tolerance, `${label}: got ${actual}, expected ${expected} (rel err ${error})`);
}

describe("kolmogorovSurvival", () => {
  it("matches the Kolmogorov distribution table", () => {
    // P(K <= 1.36) ≈ 0.9505 (the classical 5% critical value); P(K > 1) = 0.26999967167735456
    // and P(K > 0.5) = 0.9639452436648751 (series evaluated in mpmath at 30 digits).
    assert.ok(Math.abs(1 - kolmogorovSurvival(1.36) - 0.9505) < 1e-4);
    assertRelative(kolmogorovSurvival(1), 0.26999967167735456, 1e-14, "Q(1)");
    assertRelative(kolmogorovSurvival(0.5), 0.9639452436648751, 1e-14, "Q(0.5)");
    assertRelative(kolmogorovSurvival(3), 3.045995948942526e-8, 1e-14, "Q(3)");
    assert.equal(kolmogorovSurvival(0), 1);
  });
});

describe("ksPValue", () => {
  it("matches exact values of P(D_n >= d)", () => {
    // Marsaglia, Tsang & Wang (2003) example: P(D_10 < 0.274) = 0.6284796154565043.
    assertRelative(ksPValue(0.274, 10), 1 - 0.6284796154565043, 1e-13, "n=10");
    // Durbin-matrix value evaluated in mpmath at 30 digits.
    assertRelative(ksPValue(0.15, 100), 0.019839242125646046, 1e-11, "n=100");
    assertRelative(ksPValue(0.05, 1000), 0.013012071309966894, 1e-9, "n=1000");
    // Tail: 2·(Smirnov–Birnbaum–Tingey one-sided sum) evaluated in mpmath at 40 digits.
    assertRelative(ksPValue(0.3, 50), 0.00017353260202718738, 1e-13, "n=50 tail");
    assertRelative(ksPValue(0.02, 20000), 2.2181270070049744e-7, 1e-12, "n=2e4 tail");
    assertRelative(ksPValue(0.008, 200000), 1.5157556702594705e-11, 1e-12, "n=2e5 far tail");
    // For d >= 1 - 1/n only the j = 0 term survives: P = 2(1-d)^n exactly.
    assertRelative(ksPValue(0.95, 10), 2 * 0.05 ** 10, 1e-13, "2(1-d)^n");
    assert.equal(ksPValue(0.9, 1), 2 * (1 - 0.9));
    assert.equal(ksPValue(0.4, 1), 1);
  });

  it("is continuous across the method switches and accurate for n > 1000 (Stephens)", () => {
    // scipy.stats.kstwo.sf(0.01, 20000) = 0.036386039052; Stephens' form is within 2e-4.
    assertRelative(ksPValue(0.01, 20000), 0.03638603905248727, 2e-4, "n=2e4 Stephens");
    for (const n of [200, 1000, 1001, 5000]) {
      let previous = 1;
      for (let d = 0.5 / Math.sqrt(n); d < 3 / Math.sqrt(n); d += 0.04 / Math.sqrt(n)) {
        const p = ksPValue(d, n);
        assert.ok(p <= previous + 1e-4 && p >= 0, `n=${n}, d=${d}: p=${p} after ${previous}`);
        previous = p;
      }
    }
  });

  it("gives uniform p-values for a correct null (n = 40, 3000 replicates, KS p > 1e-6)", () => {
    const rng = createRandomSource(500);
    const pValues = new Float64Array(3000);
    const sample = new Float64Array(40);
    for (let r = 0; r < pValues.length; r++) {
      for (let i = 0; i < sample.length; i++) sample[i] = rng.uniform();
      pValues[r] = ksPValue(
        ksStatistic(sample, (u) => u),
        sample.length,
      );
    }
    const d = ksStatistic(pValues, (p) => p);
    assert.ok(ksPValue(d, pValues.length) > 1e-6, `p-values not uniform: D = ${d}`);
  });

  it("rejects bad arguments", () => {
    assert.throws(() => ksPValue(0.1, 0), RangeError);
    assert.throws(() => ksPValue(0.1, 2.5), RangeError);
    assert.throws(() => ksPValue(-0.1, 10), RangeError);
    assert.throws(() => ksPValue(Number.NaN, 10), RangeError);
  });
});

describe("ksStatistic", () => {
  it("computes D by hand on a small sample and does not modify its input", () => {
    const sample = [0.9, 0.1, 0.5];
    // max(1/3 - 0.1, 0.9 - 2/3, …) = 0.2333…
    assert.ok(Math.abs(ksStatistic(sample, (u) => u) - (0.9 - 2 / 3)) < 1e-15);
    assert.deepEqual(sample, [0.9, 0.1, 0.5]);
    assert.throws(() => ksStatistic([], (u) => u), RangeError);
    assert.throws(() => ksStatistic([0.2, Number.NaN], (u) => u), RangeError);
    assert.throws(() => ksStatistic([0.2], () => 2), RangeError);
  });
});

describe("ksTwoSample", () => {
  it("handles disjoint and identical samples (with ties)", () => {
    const disjoint = ksTwoSample([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
    assert.equal(disjoint.statistic, 1);
    assert.ok(disjoint.pValue < 0.01);
    const same = ksTwoSample([1, 2, 2, 3], [3, 2, 1, 2]);
    assert.equal(same.statistic, 0);
    assert.equal(same.pValue, 1);
  });

  it("accepts two samples of one law and rejects a 0.05 shift (n = m = 2e4)", () => {
    const rng = createRandomSource(510);
    const draw = (shift: number) =>
      Float64Array.from({ length: 20_000 }, () => rng.uniform() + shift);
    const x = draw(0);
    assert.ok(ksTwoSample(x, draw(0)).pValue > 1e-6);
    assert.ok(ksTwoSample(x, draw(0.05)).pValue < 1e-6);
  });
});

describe("meanAndVariance", () => {
  it("returns the mean, unbiased variance and n, stably for a large offset", () => {
    assert.deepEqual(meanAndVariance([1, 2, 3, 4]), { mean: 2.5, variance: 5 / 3, n: 4 });
    const shifted = meanAndVariance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    assert.equal(shifted.mean, 1e9 + 10);
    assert.ok(Math.abs(shifted.variance - 30) < 1e-6);
    assert.ok(Number.isNaN(meanAndVariance([3]).variance));
    assert.throws(() => meanAndVariance([]), RangeError);
  });
});
