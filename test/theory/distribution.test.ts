import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRandomSource } from "../../src/random/philox.js";
import { continuousLaw, invertCdf } from "../../src/theory/distribution.js";

const exponential = continuousLaw({
  name: "Exp(1)",
  support: [0, Number.POSITIVE_INFINITY],
  pdf: (x) => (x < 0 ? 0 : Math.exp(-x)),
  cdf: (x) => (x < 0 ? 0 : -Math.expm1(-x)),
  sf: (x) => (x < 0 ? 1 : Math.exp(-x)),
  mean: 1,
  variance: 1,
});

describe("continuousLaw", () => {
  it("derives quantile, isf, logs and vectorised forms from pdf/cdf/sf", () => {
    assert.ok(Math.abs(exponential.quantile(0.5) - Math.LN2) < 1e-15);
    assert.ok(Math.abs(exponential.isf(1e-100) - 100 * Math.LN10) < 1e-12);
    assert.ok(Math.abs(exponential.logsf(50) + 50) < 1e-12);
    const v = exponential.cdf(new Float64Array([0, 1]));
    assert.ok(
      v instanceof Float64Array && v[0] === 0 && Math.abs(v[1] - (1 - Math.exp(-1))) < 1e-16,
    );
  });
  it("gives NaN for invalid input instead of throwing", () => {
    assert.ok(Number.isNaN(exponential.cdf(Number.NaN)));
    assert.ok(Number.isNaN(exponential.quantile(1.5)));
    assert.ok(Number.isNaN(exponential.isf(-0.1)));
  });
  it("samples by inversion, reproducibly", () => {
    const a = exponential.sample(createRandomSource(1, 0), 5);
    const b = exponential.sample(createRandomSource(1, 0), 5);
    assert.deepEqual(a, b);
    assert.ok(a.every((x) => x > 0));
  });
  it("inverts a CDF with a finite support to the last double", () => {
    assert.equal(
      invertCdf((x) => x, [0, 1], 0.3),
      0.3,
    );
  });
});
