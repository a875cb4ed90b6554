/**
 * limitLaw: the normalisations of docs/theory.md §2.7 against exact finite-N moment identities
 * (docs/theory.md §8), generic properties of the returned laws, and argument checks.
 * Deterministic: no random numbers, so no false-alarm rate.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type LimitLaw, limitLaw } from "../../src/theory/limits.js";
import { integrateOnSupport } from "./lawQuadrature.js";

function moment(law: LimitLaw, k: number): number {
  const [lo, hi] = law.support;
  return integrateOnSupport((y) => y ** k * law.density(y), lo, hi);
}

const cases: { label: string; law: LimitLaw }[] = [
  { label: "hermite default", law: limitLaw("hermite", 50, 2.5, {}) },
  { label: "hermite loc/scale", law: limitLaw("hermite", 7, 0.3, { loc: -3, scale: 2 }) },
  { label: "laguerre c = 0.5", law: limitLaw("laguerre", 10, 2, { shape: 11, scale: 3 }) },
  { label: "laguerre clamped", law: limitLaw("laguerre", 10, 4, { shape: 1 }) },
  { label: "laguerre m", law: limitLaw("laguerre", 100, 1, { m: 300 }) },
  { label: "jacobi", law: limitLaw("jacobi", 10, 2, { a: 11, b: 1.5 }) },
  { label: "jacobi clamped", law: limitLaw("jacobi", 20, 2, { a: 0.5, b: 0.5 }) },
  { label: "jacobi m1 m2", law: limitLaw("jacobi", 30, 1, { m1: 45, m2: 60 }) },
];

describe("limitLaw: generic properties of every returned law", () => {
  for (const { label, law } of cases) {
    it(`${label} (${law.description}): unit mass, CDF 0/1 at the ends, monotone, F' = density`, () => {
      const [lo, hi] = law.support;
      assert.ok(Math.abs(moment(law, 0) - 1) < 1e-12);
      assert.equal(law.cdf(lo), 0);
      assert.equal(law.cdf(hi), 1);
      let previous = 0;
      for (let i = 0; i <= 500; i++) {
        const value = law.cdf(lo + ((hi - lo) * i) / 500);
        assert.ok(value >= previous);
        previous = value;
      }
      const h = 1e-5 * (hi - lo);
      for (const t of [0.1, 0.3, 0.5, 0.7, 0.9]) {
        const y = lo + t * (hi - lo);
        const derivative = (law.cdf(y + h) - law.cdf(y - h)) / (2 * h);
        assert.ok(Math.abs(derivative - law.density(y)) < 1e-6 * Math.max(1, law.density(y)));
      }
      assert.ok(Number.isFinite(law.normalise(1.5)));
    });
  }
});

describe("limitLaw: hermite", () => {
  it("maps x to √2(x − μ)/(σ√(βN)) onto the semicircle", () => {
    const n = 7;
    const beta = 0.3;
    const law = limitLaw("hermite", n, beta, { loc: -3, scale: 2 });
    assert.equal(law.name, "semicircle");
    assert.deepEqual(law.support, [-2, 2]);
    const y = 1.25;
    const x = -3 + (2 * Math.sqrt(beta * n) * y) / Math.SQRT2;
    assert.ok(Math.abs(law.normalise(x) - y) < 1e-14);
  });
  it("normalises the exact finite-N second moment to 1 + (2 − β)/(βN) (= 1 at β = 2)", () => {
    // E Σ(x_i − μ)² = σ²(N + βN(N − 1)/2) (docs/theory.md §8); the map multiplies squares by 2/(σ²βN).
    for (const [n, beta, loc, scale] of [
      [10, 2, 1, 3],
      [25, 0.7, 0, 1],
      [4, 5, -2, 0.5],
    ]) {
      const law = limitLaw("hermite", n, beta, { loc, scale });
      const factor = law.normalise(loc + 1) ** 2; // y² per unit (x − μ)²
      const perPoint = (factor * scale * scale * (n + (beta * n * (n - 1)) / 2)) / n;
      assert.ok(Math.abs(perPoint - (1 + (2 - beta) / (beta * n))) < 1e-13);
      const limitSecondMoment = moment(law, 2);
      assert.ok(Math.abs(limitSecondMoment - 1) < 1e-12);
      if (beta === 2) assert.ok(Math.abs(perPoint - limitSecondMoment) < 1e-12);
    }
  });
});

describe("limitLaw: laguerre", () => {
  it("uses M = 2k/β + N − 1, c = N/M and y = 2x/(θβM)", () => {
    const law = limitLaw("laguerre", 10, 2, { shape: 11, scale: 3 }); // M = 20
    assert.equal(law.name, "marchenko-pastur");
    assert.match(law.description, /Marchenko–Pastur, c = 0\.5\b/);
    const s = Math.sqrt(0.5);
    assert.ok(Math.abs(law.support[0] - (1 - s) ** 2) < 1e-15);
    assert.ok(Math.abs(law.support[1] - (1 + s) ** 2) < 1e-15);
    assert.ok(Math.abs(law.normalise(60) - (2 * 60) / (3 * 2 * 20)) < 1e-15);
  });
  it("maps the exact finite-N mean θN(k + β(N−1)/2)/N to the Marchenko–Pastur mean 1", () => {
    for (const [n, beta, shape, scale] of [
      [10, 2, 11, 3],
      [3, 0.7, 2.5, 1],
      [40, 2.5, 30, 0.2],
    ]) {
      const law = limitLaw("laguerre", n, beta, { shape, scale });
      const finiteMean = law.normalise(scale * (shape + (beta * (n - 1)) / 2));
      assert.ok(Math.abs(finiteMean - 1) < 1e-13);
      assert.ok(Math.abs(moment(law, 1) - finiteMean) < 1e-12);
      const c = n / ((2 * shape) / beta + n - 1);
      assert.ok(Math.abs(moment(law, 2) - 1 - c) < 1e-12, "variance c");
    }
  });
  it("accepts Wishart dims m (k = β(M−N+1)/2, θ = 2, y = x/(βM)) and checks consistency", () => {
    const n = 100;
    const beta = 1;
    const byM = limitLaw("laguerre", n, beta, { m: 300 });
    const byShape = limitLaw("laguerre", n, beta, { shape: (beta * 201) / 2, scale: 2 });
    assert.deepEqual(byM.support, byShape.support);
    assert.ok(Math.abs(byM.normalise(123) - 123 / 300) < 1e-15);
    assert.equal(byM.normalise(123), byShape.normalise(123));
    assert.doesNotThrow(() => limitLaw("laguerre", n, beta, { m: 300, shape: 100.5, scale: 2 }));
    assert.throws(() => limitLaw("laguerre", n, beta, { m: 300, shape: 3 }), RangeError);
    assert.throws(() => limitLaw("laguerre", n, beta, { m: 300, scale: 1 }), RangeError);
    assert.throws(() => limitLaw("laguerre", n, beta, { m: 99 }), RangeError);
  });
  it("clamps N/M > 1 (2k/β < 1) to c = 1 and says so", () => {
    const law = limitLaw("laguerre", 10, 4, { shape: 1 }); // M = 9.5
    assert.deepEqual(law.support, [0, 4]);
    assert.match(law.description, /clamped/);
    // The normalised finite-N mean is still exactly 1, as is the c = 1 limit's.
    assert.ok(Math.abs(law.normalise(1 + (4 * 9) / 2) - 1) < 1e-14);
  });
});

describe("limitLaw: jacobi", () => {
  it("uses Wachter(M₁/N, M₂/N) with M_i = 2a/β + N − 1 and no map", () => {
    const law = limitLaw("jacobi", 10, 2, { a: 11, b: 1.5 }); // M₁ = 20, M₂ = 10.5
    assert.equal(law.name, "wachter");
    assert.equal(law.normalise(0.37), 0.37);
    assert.match(law.description, /M1\/N = 2, M2\/N = 1\.05/);
    const a = 2;
    const b = 1.05;
    const root = Math.sqrt(a * (a + b - 1));
    assert.ok(Math.abs(law.support[0] - ((root - Math.sqrt(b)) / (a + b)) ** 2) < 1e-15);
    assert.ok(Math.abs(law.support[1] - ((root + Math.sqrt(b)) / (a + b)) ** 2) < 1e-15);
  });
  it("has the exact finite-N mean (a + γ(N−1))/(a + b + 2γ(N−1)) as its mean", () => {
    for (const [n, beta, a, b] of [
      [10, 2, 11, 1.5],
      [3, 0.7, 2, 5],
      [3, 2.5, 4, 1.3],
      [50, 1, 30, 80],
    ]) {
      const gamma = beta / 2;
      const finiteMean = (a + gamma * (n - 1)) / (a + b + 2 * gamma * (n - 1));
      const law = limitLaw("jacobi", n, beta, { a, b });
      assert.ok(Math.abs(moment(law, 1) - finiteMean) < 1e-12, `${n} ${beta} ${a} ${b}`);
    }
  });
  it("accepts MANOVA dims m1, m2 and clamps M_i/N < 1 to the hard edge", () => {
    const byDims = limitLaw("jacobi", 30, 1, { m1: 45, m2: 60 });
    const byExponents = limitLaw("jacobi", 30, 1, { a: 8, b: 15.5 });
    assert.deepEqual(byDims.support, byExponents.support);
    assert.throws(() => limitLaw("jacobi", 30, 1, { m1: 45, m2: 60, a: 1 }), RangeError);
    const clamped = limitLaw("jacobi", 20, 2, { a: 0.5, b: 0.5 }); // M_i/N = 0.975
    assert.deepEqual(clamped.support, [0, 1]);
    assert.match(clamped.description, /clamped/);
    assert.ok(Math.abs(clamped.cdf(0.5) - 0.5) < 1e-15, "arcsine law");
  });
});

describe("limitLaw: argument checks", () => {
  it("defaults to the samplers' parameters: laguerre shape 1, scale 1; jacobi a = b = 1", () => {
    const laguerre = limitLaw("laguerre", 10, 2, {});
    assert.equal(
      laguerre.normalise(3),
      limitLaw("laguerre", 10, 2, { shape: 1, scale: 1 }).normalise(3),
    );
    assert.deepEqual(
      limitLaw("jacobi", 10, 2, { a: 3 }).support,
      limitLaw("jacobi", 10, 2, { a: 3, b: 1 }).support,
    );
  });
  it("rejects beta = 0 with a message saying why", () => {
    assert.throws(() => limitLaw("hermite", 10, 0, {}), {
      name: "RangeError",
      message: /beta = 0.*no .*limit/,
    });
  });
  it("rejects bad n, beta, ensemble and parameters", () => {
    const bad: [string, number, number, Record<string, number>][] = [
      ["hermite", 0, 2, {}],
      ["hermite", 2.5, 2, {}],
      ["hermite", 10, -1, {}],
      ["hermite", 10, Number.NaN, {}],
      ["hermite", 10, Number.POSITIVE_INFINITY, {}],
      ["hermite", 10, 2, { scale: 0 }],
      ["hermite", 10, 2, { sigma: 2 }],
      ["hermite", 10, 2, { loc: Number.NaN }],
      ["laguerre", 10, 2, { shape: -1 }],
      ["laguerre", 10, 2, { shape: 1, scale: -2 }],
      ["jacobi", 10, 2, { b: -1 }],
      ["jacobi", 10, 2, { a: 0, b: 1 }],
      ["circular", 10, 2, {}],
    ];
    for (const [ensemble, n, beta, params] of bad) {
      assert.throws(
        () => limitLaw(ensemble as "hermite", n, beta, params),
        RangeError,
        `${ensemble} ${n} ${beta} ${JSON.stringify(params)}`,
      );
    }
  });
});
