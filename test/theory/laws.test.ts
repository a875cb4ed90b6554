/**
 * Semicircle, Marchenko–Pastur and Wachter laws: closed-form CDFs against independent
 * quadrature of the densities (to 1e-12), exact moments, edge cases (hard edges) and argument
 * checks. Deterministic: no random numbers, so no false-alarm rate.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  marchenkoPasturCdf,
  marchenkoPasturDensity,
  marchenkoPasturSupport,
} from "../../src/theory/marchenkoPastur.js";
import {
  semicircleCdf,
  semicircleDensity,
  semicircleSupport,
} from "../../src/theory/semicircle.js";
import { wachterCdf, wachterDensity, wachterSupport } from "../../src/theory/wachter.js";
import { integrateOnSupport } from "./lawQuadrature.js";

interface Law {
  label: string;
  density: (x: number) => number;
  cdf: (x: number) => number;
  support: [number, number];
}

const laws: Law[] = [
  {
    label: "semicircle",
    density: semicircleDensity,
    cdf: semicircleCdf,
    support: semicircleSupport(),
  },
  ...[0.05, 0.3, 0.5, 0.9, 1].map((c) => ({
    label: `Marchenko–Pastur c = ${c}`,
    density: (x: number) => marchenkoPasturDensity(x, c),
    cdf: (x: number) => marchenkoPasturCdf(x, c),
    support: marchenkoPasturSupport(c),
  })),
  ...[
    [1, 1],
    [1, 3],
    [2.5, 1],
    [2, 3],
    [1.01, 7],
    [40, 1.5],
  ].map(([a, b]) => ({
    label: `Wachter a = ${a}, b = ${b}`,
    density: (x: number) => wachterDensity(x, a, b),
    cdf: (x: number) => wachterCdf(x, a, b),
    support: wachterSupport(a, b),
  })),
];

function moment(law: Law, k: number): number {
  const [lo, hi] = law.support;
  return integrateOnSupport((x) => x ** k * law.density(x), lo, hi);
}

describe("limit laws: generic properties", () => {
  for (const law of laws) {
    const [lo, hi] = law.support;
    it(`${law.label}: unit mass`, () => {
      assert.ok(Math.abs(moment(law, 0) - 1) < 1e-12, `mass ${moment(law, 0)}`);
    });
    it(`${law.label}: closed-form CDF equals the integrated density to 1e-12`, () => {
      for (const t of [1e-8, 1e-4, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1 - 1e-4, 1 - 1e-8]) {
        const x = lo + t * (hi - lo);
        const exact = integrateOnSupport(law.density, lo, hi, x);
        const cdf = law.cdf(x);
        assert.ok(Math.abs(cdf - exact) < 1e-12, `x = ${x}: cdf ${cdf}, quadrature ${exact}`);
      }
    });
    it(`${law.label}: CDF is 0 and 1 at the ends, monotone, and F' = density`, () => {
      assert.equal(law.cdf(lo), 0);
      assert.equal(law.cdf(hi), 1);
      assert.equal(law.cdf(lo - 1), 0);
      assert.equal(law.cdf(hi + 1), 1);
      assert.equal(law.cdf(Number.NEGATIVE_INFINITY), 0);
      assert.equal(law.cdf(Number.POSITIVE_INFINITY), 1);
      assert.equal(law.density(lo - 1), 0);
      assert.equal(law.density(hi + 1), 0);
      let previous = 0;
      for (let i = 0; i <= 2000; i++) {
        const value = law.cdf(lo + ((hi - lo) * i) / 2000);
        assert.ok(value >= previous, `not monotone at step ${i}`);
        assert.ok(value >= 0 && value <= 1);
        previous = value;
      }
      const h = 1e-5 * (hi - lo);
      for (const t of [0.05, 0.2, 0.4, 0.6, 0.8, 0.95]) {
        const x = lo + t * (hi - lo);
        const derivative = (law.cdf(x + h) - law.cdf(x - h)) / (2 * h);
        const density = law.density(x);
        assert.ok(
          Math.abs(derivative - density) < 1e-6 * Math.max(1, density),
          `x = ${x}: F' ${derivative}, density ${density}`,
        );
      }
    });
  }
});

describe("semicircle", () => {
  const law = laws[0];
  it("has moments 0, 1, 0, 2 (Catalan numbers)", () => {
    assert.ok(Math.abs(moment(law, 1)) < 1e-13);
    assert.ok(Math.abs(moment(law, 2) - 1) < 1e-12);
    assert.ok(Math.abs(moment(law, 3)) < 1e-13);
    assert.ok(Math.abs(moment(law, 4) - 2) < 1e-12);
  });
  it("has exact values F(0) = 1/2, F(1) = 2/3 + √3/(4π), and a relatively accurate tail", () => {
    assert.ok(Math.abs(semicircleCdf(0) - 0.5) < 1e-15);
    assert.ok(Math.abs(semicircleCdf(1) - (2 / 3 + Math.sqrt(3) / (4 * Math.PI))) < 1e-15);
    assert.ok(Math.abs(semicircleCdf(-1) - (1 / 3 - Math.sqrt(3) / (4 * Math.PI))) < 1e-15);
    // F(−2 + ε) = (2/(3π)) ε^{3/2} (1 + O(ε)).
    const x = -2 + 1e-12;
    const eps = x + 2; // exact (Sterbenz), the ε the double x really has
    const tail = semicircleCdf(x);
    assert.ok(Math.abs(tail / ((2 / (3 * Math.PI)) * eps ** 1.5) - 1) < 1e-9);
    assert.equal(semicircleDensity(0), 1 / Math.PI);
  });
  it("rejects NaN", () => {
    assert.throws(() => semicircleCdf(Number.NaN), RangeError);
    assert.throws(() => semicircleDensity(Number.NaN), RangeError);
  });
});

describe("Marchenko–Pastur", () => {
  it("has mean 1, variance c and third moment 1 + 3c + c²", () => {
    for (const c of [0.05, 0.3, 0.5, 0.9, 1]) {
      const law = laws.find((l) => l.label === `Marchenko–Pastur c = ${c}`)!;
      const m1 = moment(law, 1);
      const m2 = moment(law, 2);
      const m3 = moment(law, 3);
      assert.ok(Math.abs(m1 - 1) < 1e-12, `c = ${c}: mean ${m1}`);
      assert.ok(Math.abs(m2 - m1 * m1 - c) < 1e-12, `c = ${c}: variance ${m2 - m1 * m1}`);
      assert.ok(Math.abs(m3 - (1 + 3 * c + c * c)) < 1e-11, `c = ${c}: third moment ${m3}`);
    }
  });
  it("has support (1 ± √c)² and the hard-edge CDF (ψ + sin ψ)/π at c = 1", () => {
    assert.deepEqual(marchenkoPasturSupport(1), [0, 4]);
    assert.deepEqual(marchenkoPasturSupport(0.25), [0.25, 2.25]);
    // c = 1: F(2) = 1/2 + 1/π; near 0, F(x) ≈ (2/π)√x.
    assert.ok(Math.abs(marchenkoPasturCdf(2, 1) - (0.5 + 1 / Math.PI)) < 1e-15);
    const x = 1e-14;
    assert.ok(Math.abs(marchenkoPasturCdf(x, 1) / ((2 / Math.PI) * Math.sqrt(x)) - 1) < 1e-6);
  });
  it("stays accurate for small c", () => {
    const c = 1e-6;
    const [lo, hi] = marchenkoPasturSupport(c);
    const law: Law = {
      label: "small c",
      density: (x) => marchenkoPasturDensity(x, c),
      cdf: (x) => marchenkoPasturCdf(x, c),
      support: [lo, hi],
    };
    assert.ok(Math.abs(moment(law, 0) - 1) < 1e-12);
    for (const t of [0.1, 0.5, 0.9]) {
      const y = lo + t * (hi - lo);
      const exact = integrateOnSupport(law.density, lo, hi, y);
      assert.ok(Math.abs(law.cdf(y) - exact) < 1e-10, `t = ${t}: ${law.cdf(y)} vs ${exact}`);
    }
  });
  it("rejects c outside (0, 1] and NaN", () => {
    for (const c of [0, -0.5, 1.5, Number.NaN]) {
      assert.throws(() => marchenkoPasturDensity(1, c), RangeError);
      assert.throws(() => marchenkoPasturCdf(1, c), RangeError);
      assert.throws(() => marchenkoPasturSupport(c), RangeError);
    }
    assert.throws(() => marchenkoPasturCdf(Number.NaN, 0.5), RangeError);
  });
});

describe("Wachter", () => {
  it("has mean a/(a + b)", () => {
    for (const [a, b] of [
      [1, 1],
      [1, 3],
      [2.5, 1],
      [2, 3],
      [1.01, 7],
      [40, 1.5],
    ]) {
      const law = laws.find((l) => l.label === `Wachter a = ${a}, b = ${b}`)!;
      assert.ok(Math.abs(moment(law, 1) - a / (a + b)) < 1e-12, `a = ${a}, b = ${b}`);
    }
  });
  it("is the arcsine law for a = b = 1 and mirrors under (x, a, b) → (1 − x, b, a)", () => {
    assert.deepEqual(wachterSupport(1, 1), [0, 1]);
    for (const x of [1e-12, 0.01, 0.3, 0.5, 0.8, 0.999]) {
      const arcsine = (2 / Math.PI) * Math.asin(Math.sqrt(x));
      assert.ok(Math.abs(wachterCdf(x, 1, 1) - arcsine) < 1e-15, `x = ${x}`);
      const density = 1 / (Math.PI * Math.sqrt(x * (1 - x)));
      assert.ok(Math.abs(wachterDensity(x, 1, 1) / density - 1) < 1e-13);
    }
    for (const x of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      assert.ok(Math.abs(wachterCdf(x, 2, 5) - (1 - wachterCdf(1 - x, 5, 2))) < 1e-14);
      assert.ok(Math.abs(wachterDensity(x, 1, 3.5) - wachterDensity(1 - x, 3.5, 1)) < 1e-13);
    }
  });
  it("has an exact hard edge at 0 when a = 1 and at 1 when b = 1", () => {
    assert.equal(wachterSupport(1, 4)[0], 0);
    assert.equal(wachterSupport(4, 1)[1], 1);
    // a = 1: near 0 the density is ~ C/√x, so F(x) ~ 2C√x; C from the density itself.
    const x = 1e-13;
    const c = wachterDensity(x, 1, 4) * Math.sqrt(x);
    assert.ok(Math.abs(wachterCdf(x, 1, 4) / (2 * c * Math.sqrt(x)) - 1) < 1e-6);
    const y = 1 - 1e-13;
    const d = wachterDensity(y, 4, 1) * Math.sqrt(1 - y);
    assert.ok(Math.abs((1 - wachterCdf(y, 4, 1)) / (2 * d * Math.sqrt(1 - y)) - 1) < 1e-2);
  });
  it("tends continuously to the hard-edge case as a → 1", () => {
    for (const x of [0.01, 0.2, 0.5]) {
      assert.ok(Math.abs(wachterCdf(x, 1 + 1e-12, 3) - wachterCdf(x, 1, 3)) < 1e-9);
    }
  });
  it("rejects a or b < 1, non-finite parameters and NaN", () => {
    for (const [a, b] of [
      [0.5, 2],
      [2, 0.99],
      [Number.NaN, 2],
      [2, Number.POSITIVE_INFINITY],
    ]) {
      assert.throws(() => wachterDensity(0.5, a, b), RangeError);
      assert.throws(() => wachterCdf(0.5, a, b), RangeError);
      assert.throws(() => wachterSupport(a, b), RangeError);
    }
    assert.throws(() => wachterCdf(Number.NaN, 2, 2), RangeError);
  });
});
