import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  parseExpression,
  parseTestFunction,
  polynomialCoefficients,
  taylorCoefficients,
} from "../../src/potentials/expression.js";
import { parsePotential } from "../../src/potentials/parse.js";

function close(a: number, b: number, tol: number, label: string): void {
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${label}: ${a} vs ${b}`);
}

describe("expression grammar", () => {
  it("evaluates with the usual precedence and right-associative powers", () => {
    const cases: [string, number, number][] = [
      ["x^2", 3, 9],
      ["-x^2", 3, -9],
      ["2^3^2", 0, 512],
      ["x/2/2", 8, 2],
      ["1 - 2 - 3", 0, -4],
      ["2*(x + 1)^2 - 3/x", 2, 16.5],
      ["exp(x) + log(x) + sqrt(x)", 4, Math.exp(4) + Math.log(4) + 2],
      ["sin(x)^2 + cos(x)^2", 0.7, 1],
      ["abs(x) * pi - e", -2, 2 * Math.PI - Math.E],
      ["tanh(x) + atan(x) + tan(x)", 0.3, Math.tanh(0.3) + Math.atan(0.3) + Math.tan(0.3)],
      ["sinh(x) - cosh(x)", 1.5, -Math.exp(-1.5)],
      ["x^-1 + x^0.5", 4, 0.25 + 2],
      ["1e-3*x − 2", 1000, -1],
    ];
    for (const [text, x, expected] of cases) {
      close(parseTestFunction(text).evaluate(x), expected, 1e-14, text);
    }
    close(parseTestFunction("r^2 + 1", "r").evaluate(2), 5, 0, "variable r");
  });

  it("accepts every potential of the potential grammar with the same polynomial", () => {
    for (const text of [
      "x^4/20 - 4*x^3/15 + x^2/5 + 8*x/5",
      "x^4/4 - 1.25*x^2",
      "-x + 3",
      "x^6/6",
    ]) {
      const p = polynomialCoefficients(parseExpression(text));
      assert.ok(p, text);
      const q = parsePotential(text);
      assert.equal(p.length, q.length, text);
      for (let k = 0; k < p.length; k++) close(p[k], q[k], 1e-15, `${text} [${k}]`);
    }
  });

  it("recognises polynomials (and only them)", () => {
    const p = polynomialCoefficients(parseExpression("(x - 1)^3 + sqrt(4)*x/2"));
    assert.deepEqual(Array.from(p ?? []), [-1, 4, -3, 1]);
    assert.deepEqual(Array.from(polynomialCoefficients(parseExpression("3")) ?? []), [3]);
    assert.deepEqual(Array.from(polynomialCoefficients(parseExpression("x*x - x^2")) ?? []), [0]);
    for (const text of ["sin(x)", "x^2.5", "1/x", "x^x", "exp(x^2)", "x^70"]) {
      assert.equal(polynomialCoefficients(parseExpression(text)), undefined, text);
    }
  });

  it("reports errors with their position", () => {
    const bad: [string, RegExp][] = [
      ["x^", /at the end/],
      ["2x", /unexpected "x" at position 2/],
      ["x + y", /unknown name "y"/],
      ["sin x", /expected "\(" after sin/],
      ["(x + 1", /expected "\)"/],
      ["x # 2", /unexpected character "#" at position 3/],
      ["", /empty/],
    ];
    for (const [text, pattern] of bad) {
      assert.throws(() => parseExpression(text), pattern, text);
    }
  });
});

describe("Taylor coefficients by automatic differentiation", () => {
  it("match closed forms", () => {
    const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
    const check = (text: string, x0: number, exact: (k: number) => number) => {
      const t = taylorCoefficients(parseExpression(text), x0, 6);
      for (let k = 0; k <= 6; k++) close(t[k], exact(k), 1e-12, `${text} at ${x0}, k = ${k}`);
    };
    check("exp(2*x)", 0.5, (k) => (Math.exp(1) * 2 ** k) / factorial(k));
    check("x^5", 2, (k) =>
      k <= 5 ? (factorial(5) / (factorial(k) * factorial(5 - k))) * 2 ** (5 - k) : 0,
    );
    check("log(1 + x)", 0, (k) => (k === 0 ? 0 : (-1) ** (k + 1) / k));
    check("sin(x)", 0, (k) => (k % 2 === 0 ? 0 : (-1) ** ((k - 1) / 2) / factorial(k)));
    check("cos(3*x)", 0, (k) => (k % 2 === 1 ? 0 : ((-1) ** (k / 2) * 3 ** k) / factorial(k)));
    check("1/(1 - x)", 0, () => 1);
    check("sqrt(1 + x)", 0, (k) => {
      let c = 1;
      for (let j = 0; j < k; j++) c *= (0.5 - j) / (j + 1);
      return c;
    });
    check("atan(x)", 0, (k) => (k % 2 === 0 ? 0 : (-1) ** ((k - 1) / 2) / k));
    check("cosh(x) + sinh(x)", 0.2, (k) => Math.exp(0.2) / factorial(k));
    check("x^x", 1, (k) => [1, 1, 1, 0.5, 1 / 3, 1 / 12, 3 / 40][k]);
  });

  it("agrees with central differences for a composite function", () => {
    const tree = parseExpression("tanh(x^2) * exp(-x) + tan(x/3)");
    const f = parseTestFunction("tanh(x^2) * exp(-x) + tan(x/3)").evaluate;
    const h = 1e-4;
    const t = taylorCoefficients(tree, 0.8, 2);
    close(t[1], (f(0.8 + h) - f(0.8 - h)) / (2 * h), 1e-7, "f'");
    close(2 * t[2], (f(0.8 + h) - 2 * f(0.8) + f(0.8 - h)) / (h * h), 1e-5, "f''");
  });
});
