import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runSample } from "../../src/driver/legacy.js";
import { sampleWindow, unfoldingCdf } from "../../src/ensembles/localStatistics.js";
import { createRandomSource } from "../../src/random/philox.js";
import { ksPValue, ksStatistic } from "../../src/statistics/ks.js";
import {
  circularSpacings,
  nearestNeighbourDistances,
  spacingRatios,
  unfoldedSpacings,
} from "../../src/statistics/unfolding.js";
import { spacingLaw } from "../../src/theory/spacingLaw.js";

const pool = (rows: Float64Array[]) => {
  const out: number[] = [];
  for (const row of rows) for (const v of row) out.push(v);
  return out;
};

describe("unfolding and spacing statistics", () => {
  it("unfold by N·F, keep a CDF window, and form ratios and nearest-neighbour distances", () => {
    const x = Float64Array.of(0.1, 0.2, 0.4, 0.7, 0.9);
    const s = unfoldedSpacings(x, (v) => v, 10);
    assert.deepEqual(
      Array.from(s, (v) => Number(v.toFixed(12))),
      [1, 2, 3, 2],
    );
    assert.deepEqual(
      Array.from(
        unfoldedSpacings(x, (v) => v, 10, [0.15, 0.75]),
        (v) => Number(v.toFixed(12)),
      ),
      [2, 3],
    );
    assert.deepEqual(Array.from(spacingRatios(Float64Array.of(1, 2, 4))), [2, 2]);
    assert.deepEqual(Array.from(spacingRatios(Float64Array.of(1, 2, 1), true)), [0.5, 0.5]);
    assert.deepEqual(Array.from(nearestNeighbourDistances(Float64Array.of(1, 3, 2))), [1, 2]);
    // On the circle the N spacings (one across 2π) sum to N exactly.
    const angles = Float64Array.of(0.1, 1, 3, 5.5);
    let total = 0;
    for (const v of circularSpacings(angles)) total += v;
    assert.ok(Math.abs(total - 4) < 1e-12);
    assert.throws(() => unfoldedSpacings(Float64Array.of(2, 1), (v) => v, 2), RangeError);
    assert.throws(() => unfoldedSpacings(x, (v) => v, 5, [0.5, 0.4]), RangeError);
  });

  it("unfold β = 0 (independent points) by the reference CDF: exponential spacings (KS)", () => {
    const r = runSample({
      spec: { ensemble: "laguerre", params: { shape: 2, scale: 1 } },
      model: "tridiagonal",
      n: 2000,
      beta: 0,
      samples: 20,
      seed: 3,
      stat: "spacings",
      bulk: [0.1, 0.9],
    });
    const all = pool(r.samples as Float64Array[]);
    const p = ksPValue(
      ksStatistic(all, (s) => 1 - Math.exp(-s)),
      all.length,
    );
    assert.ok(p > 1e-6, `p = ${p}`);
  });
});

describe("sampled spacings against the exact sine_β laws (KS)", () => {
  it("Hermite β = 1, 2, 4 at N = 2000 (--stat spacings, bulk window [0.2, 0.8]), with power against a 1% unfolding error", () => {
    // 170 samples × ≈ 1200 spacings ≈ 2·10⁵ spacings per β. The spacings of one sample are
    // (negatively) correlated; the i.i.d. KS p-value is then conservative (rigid spectra make the
    // empirical CDF less variable), and the 1%-rescaled spacings must still be rejected (p < 1e−6;
    // measured p ≤ 1e−9, against p ≥ 0.38 for the right unfolding).
    for (const beta of [1, 2, 4] as const) {
      const r = runSample({
        spec: { ensemble: "hermite", params: { loc: 0, scale: 1 } },
        model: "tridiagonal",
        n: 2000,
        beta,
        samples: 170,
        seed: 5,
        stat: "spacings",
        bulk: [0.2, 0.8],
      });
      const all = pool(r.samples as Float64Array[]);
      const law = spacingLaw(beta);
      const cdf = (s: number) => law.cdf(s);
      const p = ksPValue(ksStatistic(all, cdf), all.length);
      assert.ok(p > 1e-6, `β=${beta}: p = ${p}`);
      const wrong = ksPValue(
        ksStatistic(
          all.map((v) => 1.01 * v),
          cdf,
        ),
        all.length,
      );
      assert.ok(wrong < 1e-6, `β=${beta}: a 1% unfolding error is not detected (p = ${wrong})`);
    }
  });

  it("Laguerre β = 1 (Marchenko–Pastur) and Jacobi β = 4 (Wachter) at N = 2000, with power against a 1% unfolding error", () => {
    // 100 samples × ≈ 1200 spacings each; measured p = 0.70 and 0.84 for the laws, 1.5e−8 and
    // 1e−17 for 1.01·s.
    const cases = [
      [{ ensemble: "laguerre", params: { shape: 1000, scale: 1 } }, 1],
      [{ ensemble: "jacobi", params: { a: 500, b: 1500 } }, 4],
    ] as const;
    for (const [spec, beta] of cases) {
      const r = runSample({
        spec,
        model: "tridiagonal",
        n: 2000,
        beta,
        samples: 100,
        seed: 10,
        stat: "spacings",
        bulk: [0.2, 0.8],
      });
      const all = pool(r.samples as Float64Array[]);
      const law = spacingLaw(beta);
      const cdf = (s: number) => law.cdf(s);
      const p = ksPValue(ksStatistic(all, cdf), all.length);
      assert.ok(p > 1e-6, `${spec.ensemble}: p = ${p}`);
      const wrong = ksPValue(
        ksStatistic(
          all.map((v) => 1.01 * v),
          cdf,
        ),
        all.length,
      );
      assert.ok(
        wrong < 1e-6,
        `${spec.ensemble}: a 1% unfolding error is not detected (p = ${wrong})`,
      );
    }
  });

  it("fixed-trace β = 2 at N = 2000 (unfolded by MP of E[Tr W]·λ), with power against a 1% unfolding error", () => {
    // 100 samples × ≈ 1200 spacings; measured p = 0.90 for the law, 4e−12 for 1.01·s.
    const r = runSample({
      spec: { ensemble: "fixed-trace", params: { shape: 2 } },
      model: "tridiagonal",
      n: 2000,
      beta: 2,
      samples: 100,
      seed: 9,
      stat: "spacings",
      bulk: [0.2, 0.8],
    });
    const all = pool(r.samples as Float64Array[]);
    const law = spacingLaw(2);
    const cdf = (s: number) => law.cdf(s);
    assert.ok(ksPValue(ksStatistic(all, cdf), all.length) > 1e-6);
    const wrong = ksPValue(
      ksStatistic(
        all.map((v) => 1.01 * v),
        cdf,
      ),
      all.length,
    );
    assert.ok(wrong < 1e-6, `a 1% unfolding error is not detected (p = ${wrong})`);
  });

  it("circular β = 2 (CMV, exact unfolding) and the window sampler at N = 10⁴ (β = 2)", () => {
    const circular = runSample({
      spec: { ensemble: "circular", params: {} },
      model: "cmv",
      n: 1000,
      beta: 2,
      samples: 60,
      seed: 6,
      stat: "spacings",
    });
    const law = spacingLaw(2);
    const all = pool(circular.samples as Float64Array[]);
    assert.equal(all.length, 60000);
    assert.ok(
      ksPValue(
        ksStatistic(all, (s) => law.cdf(s)),
        all.length,
      ) > 1e-6,
    );
    const spec = { ensemble: "hermite", params: { loc: 0, scale: 1 } } as const;
    const windowed: number[] = [];
    for (let s = 0; s < 30; s++) {
      const w = sampleWindow(spec, createRandomSource(7, s), 10000, 2, 0, 400);
      for (const v of w.spacings) windowed.push(v);
      assert.equal(w.ratios.length, w.spacings.length - 1);
    }
    assert.ok(
      ksPValue(
        ksStatistic(windowed, (s) => law.cdf(s)),
        windowed.length,
      ) > 1e-6,
    );
  });

  it("draw sample s of --stat window from the same matrix as every other statistic", () => {
    const spec = { ensemble: "hermite", params: { loc: 0, scale: 1 } } as const;
    const window = sampleWindow(spec, createRandomSource(8, 2), 500, 2, 0, 500);
    const all = runSample({
      spec,
      model: "tridiagonal",
      n: 500,
      beta: 2,
      samples: 3,
      seed: 8,
      stat: "eigenvalues",
    });
    const row = (all.samples as Float64Array[])[2];
    for (let i = 0; i < 500; i++) assert.ok(Math.abs(window.eigenvalues[i] - row[i]) < 1e-9);
    // The unfolding CDF maps the semicircle's edges to 0 and 1.
    const F = unfoldingCdf(spec, 500, 2);
    assert.ok(F(-100) === 0 && F(100) === 1 && Math.abs(F(0) - 0.5) < 1e-15);
  });
});
