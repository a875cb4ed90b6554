/**
 * Circular β-ensemble: the CMV model (any β ≥ 0, O(N²) eigenangles) and the Haar full models
 * COE/CUE/CSE, against exact theory:
 *   - E|Σ_j e^{iθ_j}|² = 2N/(β(N−1)+2) (any β, including non-integer),
 *   - the exact N = 2 spacing law (density ∝ |sin(Δθ/2)|^β),
 *   - uniform one-point marginal,
 *   - |α_k|² ~ Beta(1, (ν−1)/2) for the O(1) Verblunsky draws,
 *   - full models against CMV by two-sample KS on spacings and |Tr U|,
 *   - the O(N²) angles against a dense eigensolve of the same CMV matrix.
 * Thresholds: |z| < 5 for means, KS p > 1e-6 (false-alarm rate ~1e-6 per assertion; pooled
 * angles/spacings within a sample are dependent, which makes those KS tests conservative).
 * Fixed seeds: deterministic.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cmvMatrix } from "../../src/dense/cmvMatrix.js";
import { complexEigenvalues } from "../../src/dense/complexEigenvalues.js";
import {
  circularCmvAngles,
  circularFullAngles,
  haarUnitary,
  pairedAngles,
  verblunskyCoefficients,
} from "../../src/ensembles/circular.js";
import { createRandomSource } from "../../src/random/philox.js";
import type { RandomSource } from "../../src/random/source.js";
import { regularizedBetaI } from "../../src/special/regularizedBeta.js";
import { assertKs, assertMean, assertSameLaw } from "../helpers/assertStats.js";

const TWO_PI = 2 * Math.PI;

type AngleSampler = (rng: RandomSource, n: number, beta: number) => Float64Array;

function draw(sampler: AngleSampler, seed: number, samples: number, n: number, beta: number) {
  const all: Float64Array[] = [];
  for (let s = 0; s < samples; s++) {
    const theta = sampler(createRandomSource(seed, s), n, beta);
    assert.equal(theta.length, n);
    for (let i = 0; i < n; i++) assert.ok(theta[i] >= 0 && theta[i] < TWO_PI, `angle ${theta[i]}`);
    for (let i = 1; i < n; i++) assert.ok(theta[i] >= theta[i - 1], "sorted");
    all.push(theta);
  }
  return all;
}

/** |Σ_j e^{iθ_j}|² = |Tr U|² of each sample. */
function traceSquared(samples: Float64Array[]): Float64Array {
  return Float64Array.from(samples, (theta) => {
    let c = 0;
    let s = 0;
    for (const t of theta) {
      c += Math.cos(t);
      s += Math.sin(t);
    }
    return c * c + s * s;
  });
}

/** All N nearest-neighbour spacings of each sample (including the one across 0 ≡ 2π). */
function spacings(samples: Float64Array[]): Float64Array {
  const out: number[] = [];
  for (const theta of samples) {
    const n = theta.length;
    for (let i = 0; i < n; i++)
      out.push(i + 1 < n ? theta[i + 1] - theta[i] : theta[0] + TWO_PI - theta[n - 1]);
  }
  return Float64Array.from(out);
}

function pooled(samples: Float64Array[]): Float64Array {
  const out = new Float64Array(samples.length * samples[0].length);
  for (let s = 0; s < samples.length; s++) out.set(samples[s], s * samples[s].length);
  return out;
}

/**
 * The counter-clockwise gap from one of the two points of an N = 2 sample to the other, the
 * point chosen by the parity of the sample index (independent of the sample). Its density is
 * ∝ sin^β(x/2) on (0, 2π). (The gap θ₂ − θ₁ of the SORTED angles is not: its density is
 * ∝ sin^β(x/2)·(2π − x), since θ₁ = min is not uniform.)
 */
function counterClockwiseGaps(samples: Float64Array[]): Float64Array {
  return Float64Array.from(samples, (t, s) => (s % 2 === 0 ? t[1] - t[0] : TWO_PI - (t[1] - t[0])));
}

/** CDF of the N = 2 gap ∈ (0, 2π), density ∝ sin^β(x/2): via I_{sin²(x/2)}((β+1)/2, 1/2)/2. */
function twoPointGapCdf(beta: number): (x: number) => number {
  return (x) => {
    if (x <= 0) return 0;
    if (x >= TWO_PI) return 1;
    const half = (y: number) => 0.5 * regularizedBetaI(Math.sin(y / 2) ** 2, (beta + 1) / 2, 0.5);
    return x <= Math.PI ? half(x) : 1 - half(TWO_PI - x);
  };
}

describe("CMV model: exact finite-N identities", () => {
  for (const n of [6, 25]) {
    for (const beta of [0, 0.5, 1, 2, 2.7, 4, 10]) {
      it(`E|Σ e^{iθ}|² = 2N/(β(N−1)+2) at N = ${n}, β = ${beta}`, () => {
        const samples = draw(circularCmvAngles, 100 + n, n === 6 ? 10000 : 2000, n, beta);
        assertMean(traceSquared(samples), (2 * n) / (beta * (n - 1) + 2), "E|Tr U|²");
      });
    }
  }

  for (const beta of [0.3, 1, 2, 4, 9.5]) {
    it(`N = 2 spacing law ∝ |sin(Δθ/2)|^β, β = ${beta}; uniform marginal`, () => {
      const samples = draw(circularCmvAngles, 200, 10000, 2, beta);
      assertKs(counterClockwiseGaps(samples), twoPointGapCdf(beta), "gap");
      assertKs(pooled(samples), (x) => x / TWO_PI, "uniform marginal");
    });
  }

  it("uniform one-point marginal at N = 10 for β ∈ {0.5, 2, 7.3}", () => {
    for (const beta of [0.5, 2, 7.3]) {
      assertKs(
        pooled(draw(circularCmvAngles, 300, 2000, 10, beta)),
        (x) => x / TWO_PI,
        `β=${beta}`,
      );
    }
  });

  it("|α_k|² ~ Beta(1, (ν−1)/2) with ν = β(N−k−1)+1, uniform phase, |α_{N−1}| = 1", () => {
    const n = 5;
    const beta = 2.5;
    const samples = 20000;
    const moduli: number[][] = [[], [], []];
    const phases: number[] = [];
    for (let s = 0; s < samples; s++) {
      const a = verblunskyCoefficients(createRandomSource(400, s), n, beta);
      for (const k of [0, 2, 3]) moduli[k === 0 ? 0 : k - 1].push(a.re[k] ** 2 + a.im[k] ** 2);
      const t = Math.atan2(a.im[1], a.re[1]);
      phases.push(t < 0 ? t + TWO_PI : t);
      assert.ok(Math.abs(Math.hypot(a.re[n - 1], a.im[n - 1]) - 1) < 1e-15);
      assert.ok(Math.abs(a.rhoSquared[2] - (1 - moduli[1][s])) < 1e-15);
    }
    [0, 2, 3].forEach((k, i) => {
      const half = (beta * (n - k - 1)) / 2;
      assertKs(Float64Array.from(moduli[i]), (x) => 1 - (1 - x) ** half, `|α_${k}|²`);
    });
    assertKs(Float64Array.from(phases), (x) => x / TWO_PI, "phase of α_1");
  });

  it("the O(N²) angles equal the dense eigenangles of the same CMV matrix (to 1e-12)", () => {
    for (const beta of [0.2, 1, 2.5, 4]) {
      for (const n of [3, 12]) {
        const seed = createRandomSource(500, n);
        const angles = circularCmvAngles(seed, n, beta);
        const alpha = verblunskyCoefficients(createRandomSource(500, n), n, beta);
        const c = cmvMatrix(alpha.re, alpha.im, alpha.rhoSquared);
        const e = complexEigenvalues(n, c.re, c.im);
        const dense = Float64Array.from(e.re, (x, i) => {
          const t = Math.atan2(e.im[i], x);
          return t < 0 ? t + TWO_PI : t;
        }).sort();
        for (let i = 0; i < n; i++) {
          const d = Math.abs(angles[i] - dense[i]);
          assert.ok(Math.min(d, TWO_PI - d) < 1e-12, `β=${beta} N=${n}: ${d}`);
        }
      }
    }
  });
});

describe("Haar full models COE/CUE/CSE against the CMV model", () => {
  for (const beta of [1, 2, 4]) {
    it(`β = ${beta}: E|Tr U|², two-sample KS on spacings and |Tr U| (N = 3, 8), N = 2 gap law`, () => {
      for (const n of [3, 8]) {
        const fullSamples = n === 3 ? 3000 : 1200;
        const full = draw(circularFullAngles, 600 + n, fullSamples, n, beta);
        const cmv = draw(circularCmvAngles, 700 + n, 4 * fullSamples, n, beta);
        const label = `β=${beta} N=${n}`;
        assertMean(traceSquared(full), (2 * n) / (beta * (n - 1) + 2), `${label}: E|Tr U|²`);
        assertSameLaw(spacings(full), spacings(cmv), `${label}: spacings`);
        assertSameLaw(
          traceSquared(full).map(Math.sqrt),
          traceSquared(cmv).map(Math.sqrt),
          `${label}: |Tr U|`,
        );
        assertKs(pooled(full), (x) => x / TWO_PI, `${label}: uniform marginal`);
      }
      const two = draw(circularFullAngles, 800, 4000, 2, beta);
      assertKs(counterClockwiseGaps(two), twoPointGapCdf(beta), "N = 2 gap");
    });
  }

  it("haarUnitary is unitary; COE/CSE of DPPy's kind would fail E|Tr U|² (power check)", () => {
    const n = 6;
    const u = haarUnitary(createRandomSource(1), n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sr = 0;
        let si = 0;
        for (let k = 0; k < n; k++) {
          sr += u.re[k * n + i] * u.re[k * n + j] + u.im[k * n + i] * u.im[k * n + j];
          si += u.re[k * n + i] * u.im[k * n + j] - u.im[k * n + i] * u.re[k * n + j];
        }
        assert.ok(Math.hypot(sr - (i === j ? 1 : 0), si) < 1e-14);
      }
    }
    // The CUE (β = 2) has E|Tr U|² = 1, far from COE's 2N/(N+1) = 1.714 at N = 6 (docs/theory.md §1.5):
    // using CUE samples where COE is expected must be rejected by the same z-test.
    const cue = traceSquared(draw(circularFullAngles, 900, 1500, n, 2));
    assert.throws(
      () => assertMean(cue, (2 * n) / (n - 1 + 2), "CUE as COE"),
      assert.AssertionError,
    );
  });
});

describe("pairedAngles and argument checks", () => {
  it("collapses doubly degenerate angles, also across 0 ≡ 2π, and rejects unpaired ones", () => {
    const close = Float64Array.of(1e-15, 1, 1 + 1e-13, 3, 3, TWO_PI - 1e-14);
    const paired = pairedAngles(close, 1e-9);
    assert.equal(paired.length, 3);
    // Sorted: 1, 3 and the pair around 0 ≡ 2π (mean just below 2π).
    assert.ok(Math.abs(paired[0] - 1) < 1e-12 && Math.abs(paired[1] - 3) < 1e-12);
    assert.ok(paired[2] > TWO_PI - 1e-13 && paired[2] < TWO_PI);
    assert.throws(() => pairedAngles(Float64Array.of(0.1, 0.2, 0.3, 0.4), 1e-9), /degenerate/);
  });

  it("rejects bad n and β with a RangeError", () => {
    const rng = createRandomSource(1);
    assert.throws(() => circularCmvAngles(rng, 0, 2), /n must be/);
    assert.throws(() => circularCmvAngles(rng, 3, -1), /beta/);
    assert.throws(() => circularCmvAngles(rng, 3, Number.NaN), /beta/);
    assert.throws(() => circularFullAngles(rng, 3, 3), /beta in \{1, 2, 4\}/);
    assert.throws(() => circularFullAngles(rng, 3, 0), /beta in \{1, 2, 4\}/);
    assert.throws(() => verblunskyCoefficients(rng, 3, 0), /beta > 0/);
  });
});
