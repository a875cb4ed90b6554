/** Parsing and validation of potentials (docs/conventions.md grammar), and the polynomial helpers. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCoefficientList } from "../../src/potentials/coefficients.js";
import { parsePotential } from "../../src/potentials/parse.js";
import { evaluatePolynomial, taylorShift } from "../../src/potentials/polynomial.js";
import { createRealRootsWork, realRoots } from "../../src/potentials/realRoots.js";
import { formatPotential, validatePotential } from "../../src/potentials/validate.js";

function close(actual: Float64Array, expected: number[]): void {
  assert.equal(actual.length, expected.length, `${Array.from(actual)} vs ${expected}`);
  for (let k = 0; k < expected.length; k++) {
    assert.ok(
      Math.abs(actual[k] - expected[k]) <= 1e-15 * (1 + Math.abs(expected[k])),
      `${actual} vs ${expected}`,
    );
  }
}

describe("parsePotential", () => {
  it("reads the grammar of docs/conventions.md", () => {
    close(parsePotential("x^4/20 - 4*x^3/15 + x^2/5 + 8*x/5"), [0, 8 / 5, 1 / 5, -4 / 15, 1 / 20]);
    close(parsePotential("x^4/4 - 1.25*x^2"), [0, 0, -1.25, 0, 0.25]);
    close(parsePotential("x^2/2"), [0, 0, 0.5]);
    close(parsePotential(" -x^2 + 3 + x^6/6 "), [3, 0, -1, 0, 0, 0, 1 / 6]);
    close(parsePotential("+2.5*x^4 - x + 7/2"), [3.5, -1, 0, 0, 2.5]);
    close(parsePotential("1e-3*x^2 + 2E+1*x^4"), [0, 0, 1e-3, 0, 20]);
    close(parsePotential("x^2 + x^2 - x"), [0, -1, 2]);
    close(parsePotential(".5*x^2"), [0, 0, 0.5]);
    close(parsePotential("x^4/4 + 0*x^6"), [0, 0, 0, 0, 0.25]);
    close(parsePotential("3*x^0 + x^1"), [3, 1]);
  });

  it("rejects malformed terms with a RangeError quoting them", () => {
    const bad: [string, RegExp][] = [
      ["", /empty/],
      ["x^4/4 +", /empty term/],
      ["x^4/4 + y^2", /"\+y\^2"/],
      ["x^4 ** 2", /cannot read term/],
      ["x^-2", /cannot read term/],
      ["x^2.5", /cannot read term/],
      ["x^4/0", /division by zero/],
      ["4*", /"\+4\*"/],
      ["--x^2", /"--x\^2"|cannot read/],
      ["x^4 * x^2", /cannot read term/],
      ["sin(x)", /cannot read term/],
      ["1e999*x^2", /not finite/],
    ];
    for (const [text, pattern] of bad) {
      assert.throws(
        () => parsePotential(text),
        (e: unknown) => e instanceof RangeError && pattern.test(e.message),
        `"${text}" should be rejected`,
      );
    }
  });
});

describe("parseCoefficientList", () => {
  it("reads g0,…,gd and drops trailing zeros", () => {
    close(parseCoefficientList("0,0,0,0,0.25"), [0, 0, 0, 0, 0.25]);
    close(parseCoefficientList(" 1 , -2.5e-1, 3, 0 "), [1, -0.25, 3]);
  });
  it("rejects entries that are not finite decimal numbers", () => {
    for (const text of ["", "1,,2", "1,x", "0x10,1", "1,Infinity", "1,NaN"]) {
      assert.throws(() => parseCoefficientList(text), RangeError, text);
    }
  });
});

describe("validatePotential", () => {
  it("accepts even degree >= 2 with positive leading coefficient", () => {
    assert.equal(validatePotential([0, 0, 0.5]), 2);
    assert.equal(validatePotential(Float64Array.from([1, -2, -3, 4, 0.1])), 4);
    assert.equal(validatePotential([0, 0, 0, 0, 0, 0, 0, 0, 1]), 8);
  });
  it("rejects odd degree, negative leading coefficient, non-finite or too short", () => {
    const cases: [number[], RegExp][] = [
      [[0, 0, 0, 1], /even degree, got degree 3/],
      [[0, 0, -1], /leading coefficient must be > 0, got -1\*x\^2/],
      [[0, 1], /degree >= 2, got degree 1/],
      [[5], /degree >= 2, got degree 0/],
      [[], /no coefficients/],
      [[0, Number.NaN, 1], /x\^1 must be a finite number/],
      [[0, 0, Number.POSITIVE_INFINITY], /x\^2 must be a finite number/],
      [[0, 0, 1, 0], /leading coefficient \(x\^3\) is 0/],
    ];
    for (const [coeffs, pattern] of cases) {
      assert.throws(
        () => validatePotential(coeffs),
        (e: unknown) => e instanceof RangeError && pattern.test(e.message),
        JSON.stringify(coeffs),
      );
    }
  });
  it("formats potentials for messages", () => {
    assert.equal(formatPotential([0, -1, 0, 0, 0.25]), "0.25*x^4 - 1*x");
    assert.equal(formatPotential([0]), "0");
  });
});

describe("polynomial helpers", () => {
  it("realRoots finds all sign-change roots, sorted, to ~1e-12", () => {
    const work = createRealRootsWork(10);
    const out = new Float64Array(10);
    const fromRoots = (rs: number[], lead = 1) => {
      let c = [lead];
      for (const r of rs) {
        const next = new Array(c.length + 1).fill(0);
        for (let k = 0; k < c.length; k++) {
          next[k + 1] += c[k];
          next[k] -= r * c[k];
        }
        c = next;
      }
      return Float64Array.from(c);
    };
    const cases: [number[], number[]][] = [
      [
        [1, 2, 3],
        [1, 2, 3],
      ],
      [
        [-5, 0.1, 0.2, 7],
        [-5, 0.1, 0.2, 7],
      ],
      [
        [3, 1, 2, 7, 6, 5, 4],
        [1, 2, 3, 4, 5, 6, 7],
      ],
      [
        [1e-3, 2e-3, 3e-3, 1e3],
        [1e-3, 2e-3, 3e-3, 1e3],
      ],
      [
        [0.5, 0.5, 0.5, 2],
        [0.5, 2],
      ], // triple root changes sign
    ];
    for (const [roots, expected] of cases) {
      const c = fromRoots(roots, -2.5);
      const count = realRoots(c, c.length - 1, out, work);
      const found = Array.from(out.slice(0, count));
      const filtered = found.filter((x, i) => i === 0 || Math.abs(x - found[i - 1]) > 1e-6);
      assert.equal(filtered.length, expected.length, `${roots}: ${found}`);
      for (let i = 0; i < expected.length; i++) {
        assert.ok(
          Math.abs(filtered[i] - expected[i]) < 1e-5 * (1 + Math.abs(expected[i])),
          `${roots}: ${found}`,
        );
      }
    }
    // A double root has no sign change: it may be reported (if p vanishes there in floating
    // point) or not, but the simple root is always found.
    const touching = fromRoots([-1, -1, 2]);
    const n = realRoots(touching, 3, out, work);
    assert.ok(Array.from(out.slice(0, n)).some((x) => Math.abs(x - 2) < 1e-12));
    for (let i = 0; i < n; i++)
      assert.ok(Math.abs(out[i] + 1) < 1e-6 || Math.abs(out[i] - 2) < 1e-12);
    // No real roots; roots of x^4 − 3x² + 2 = (x² − 1)(x² − 2).
    assert.equal(realRoots(Float64Array.from([1, 0, 1, 0, 1]), 4, out, work), 0);
    assert.equal(realRoots(Float64Array.from([2, 0, -3, 0, 1]), 4, out, work), 4);
    close(out.slice(0, 4), [-Math.SQRT2, -1, 1, Math.SQRT2]);
  });

  it("taylorShift and evaluatePolynomial agree", () => {
    const c = Float64Array.from([1, -2, 0.5, 3, -0.25]);
    const t = new Float64Array(5);
    taylorShift(c, 4, 0.7, t);
    for (const h of [-1.3, 0, 0.4, 2]) {
      assert.ok(Math.abs(evaluatePolynomial(t, 4, h) - evaluatePolynomial(c, 4, 0.7 + h)) < 1e-12);
    }
  });
});
