/**
 * A small expression grammar for test functions f of linear statistics Σ f(x_i)
 * (docs/linear-statistics/README.md, "The --f grammar"):
 *
 *   expression := term (("+" | "−") term)*
 *   term       := unary (("*" | "/") unary)*
 *   unary      := ("+" | "−") unary | power
 *   power      := atom ("^" unary)?              (right-associative: x^2^3 = x^(2^3))
 *   atom       := number | variable | "pi" | "e" | function "(" expression ")" | "(" expression ")"
 *   function   := exp | log | sqrt | abs | sin | cos | tan | atan | sinh | cosh | tanh
 *
 * Numbers are decimals with an optional exponent (1e-3); the variable is one name given by the
 * caller ("x" for points on the line or angles, "r" for moduli |z| of complex points); spaces
 * are ignored; multiplication is explicit (2*x, not 2x). Every polynomial written in the potential
 * grammar (potentials/parse.ts) is accepted with the same meaning.
 *
 * Evaluation uses the engine-independent det* functions (special/deterministicMath.ts), so a
 * statistic is bit-identical in Node and in browsers. `polynomialCoefficients` recognises
 * polynomials (so that Σ f(x_i) = Tr f(J) can be formed from a Jacobi matrix without its
 * eigenvalues) and `taylorCoefficients` gives f^(k)(x₀)/k! by automatic differentiation (Taylor
 * arithmetic; Griewank & Walther, "Evaluating Derivatives", 2nd ed., ch. 13).
 */
import {
  detAtan,
  detCos,
  detExp,
  detExpm1,
  detLog,
  detPow,
  detSin,
  detTan,
} from "../special/deterministicMath.js";

export type FunctionName =
  | "exp"
  | "log"
  | "sqrt"
  | "abs"
  | "sin"
  | "cos"
  | "tan"
  | "atan"
  | "sinh"
  | "cosh"
  | "tanh";

const FUNCTIONS: readonly FunctionName[] = [
  "exp",
  "log",
  "sqrt",
  "abs",
  "sin",
  "cos",
  "tan",
  "atan",
  "sinh",
  "cosh",
  "tanh",
];

/** The syntax tree of an expression. */
export type Expression =
  | { kind: "number"; value: number }
  | { kind: "variable" }
  | { kind: "negate"; argument: Expression }
  | { kind: "binary"; operator: "+" | "-" | "*" | "/" | "^"; left: Expression; right: Expression }
  | { kind: "call"; name: FunctionName; argument: Expression };

/** A parsed test function: its text, tree, evaluator and (if any) polynomial coefficients. */
export interface TestFunction {
  readonly text: string;
  readonly variable: string;
  readonly tree: Expression;
  /** f(x), engine-independent. */
  readonly evaluate: (x: number) => number;
  /** Coefficients lowest degree first when f is a polynomial in the variable, else undefined. */
  readonly polynomial: Float64Array | undefined;
}

type Token =
  | { type: "number"; value: number; at: number }
  | { type: "name"; value: string; at: number }
  | { type: "op"; value: string; at: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const number = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const num = number.exec(rest);
    if (num) {
      tokens.push({ type: "number", value: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z_0-9]*/.exec(rest);
    if (name) {
      tokens.push({ type: "name", value: name[0], at: i });
      i += name[0].length;
      continue;
    }
    // "−" (U+2212) is accepted as a minus sign.
    if ("+-*/^()−".includes(ch)) {
      tokens.push({ type: "op", value: ch === "−" ? "-" : ch, at: i });
      i++;
      continue;
    }
    throw new RangeError(`f "${text}": unexpected character "${ch}" at position ${i + 1}`);
  }
  return tokens;
}

/**
 * Parses `text` in the grammar of the module comment with the given variable name (default "x").
 * Throws a RangeError naming the position of the first error.
 */
export function parseExpression(text: string, variable = "x"): Expression {
  if (typeof text !== "string") throw new RangeError("f must be a string");
  const tokens = tokenize(text);
  if (tokens.length === 0) throw new RangeError("f is empty");
  let pos = 0;
  const fail = (message: string): never => {
    const at = pos < tokens.length ? ` at position ${tokens[pos].at + 1}` : " at the end";
    throw new RangeError(`f "${text}": ${message}${at}`);
  };
  const peekOp = (value: string) =>
    pos < tokens.length && tokens[pos].type === "op" && tokens[pos].value === value;
  const expression = (): Expression => {
    let left = term();
    while (peekOp("+") || peekOp("-")) {
      const operator = tokens[pos++].value as "+" | "-";
      left = { kind: "binary", operator, left, right: term() };
    }
    return left;
  };
  const term = (): Expression => {
    let left = unary();
    while (peekOp("*") || peekOp("/")) {
      const operator = tokens[pos++].value as "*" | "/";
      left = { kind: "binary", operator, left, right: unary() };
    }
    return left;
  };
  const unary = (): Expression => {
    if (peekOp("-")) {
      pos++;
      return { kind: "negate", argument: unary() };
    }
    if (peekOp("+")) {
      pos++;
      return unary();
    }
    return power();
  };
  const power = (): Expression => {
    const base = atom();
    if (peekOp("^")) {
      pos++;
      return { kind: "binary", operator: "^", left: base, right: unary() };
    }
    return base;
  };
  const atom = (): Expression => {
    if (pos >= tokens.length) return fail("expected a number, variable or function");
    const token = tokens[pos];
    if (token.type === "number") {
      pos++;
      return { kind: "number", value: token.value };
    }
    if (token.type === "name") {
      pos++;
      if (token.value === variable) return { kind: "variable" };
      if (token.value === "pi") return { kind: "number", value: Math.PI };
      if (token.value === "e") return { kind: "number", value: Math.E };
      if ((FUNCTIONS as readonly string[]).includes(token.value)) {
        if (!peekOp("(")) return fail(`expected "(" after ${token.value}`);
        pos++;
        const argument = expression();
        if (!peekOp(")")) return fail('expected ")"');
        pos++;
        return { kind: "call", name: token.value as FunctionName, argument };
      }
      pos--;
      return fail(
        `unknown name "${token.value}" (the variable is ${variable}; functions: ${FUNCTIONS.join(", ")}; constants: pi, e)`,
      );
    }
    if (peekOp("(")) {
      pos++;
      const inner = expression();
      if (!peekOp(")")) return fail('expected ")"');
      pos++;
      return inner;
    }
    return fail(`unexpected "${token.value}"`);
  };
  const tree = expression();
  if (pos < tokens.length) fail(`unexpected "${tokens[pos].value}"`);
  return tree;
}

function sinh(x: number): number {
  // sinh x = (e^x − e^−x)/2 through expm1 for small |x|.
  const t = detExpm1(Math.abs(x));
  const value = 0.5 * (t + t / (t + 1));
  return x < 0 ? -value : value;
}

function cosh(x: number): number {
  const t = detExp(Math.abs(x));
  return 0.5 * (t + 1 / t);
}

function tanh(x: number): number {
  const t = detExpm1(-2 * Math.abs(x));
  const value = -t / (t + 2);
  return x < 0 ? -value : value;
}

function applyFunction(name: FunctionName, x: number): number {
  switch (name) {
    case "exp":
      return detExp(x);
    case "log":
      return x > 0 ? detLog(x) : x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
    case "sqrt":
      return Math.sqrt(x);
    case "abs":
      return Math.abs(x);
    case "sin":
      return detSin(x);
    case "cos":
      return detCos(x);
    case "tan":
      return detTan(x);
    case "atan":
      return detAtan(x);
    case "sinh":
      return sinh(x);
    case "cosh":
      return cosh(x);
    case "tanh":
      return tanh(x);
  }
}

/** x^y with integer exponents by repeated squaring (exact for small integers), else detPow. */
function power(x: number, y: number): number {
  if (Number.isInteger(y) && Math.abs(y) <= 64) {
    let result = 1;
    let base = x;
    let k = Math.abs(y);
    while (k > 0) {
      if (k & 1) result *= base;
      base *= base;
      k >>= 1;
    }
    return y < 0 ? 1 / result : result;
  }
  return detPow(x, y);
}

/** A closure evaluating the tree at x. */
export function compileExpression(tree: Expression): (x: number) => number {
  switch (tree.kind) {
    case "number": {
      const v = tree.value;
      return () => v;
    }
    case "variable":
      return (x) => x;
    case "negate": {
      const a = compileExpression(tree.argument);
      return (x) => -a(x);
    }
    case "call": {
      const a = compileExpression(tree.argument);
      const name = tree.name;
      return (x) => applyFunction(name, a(x));
    }
    case "binary": {
      const l = compileExpression(tree.left);
      const r = compileExpression(tree.right);
      switch (tree.operator) {
        case "+":
          return (x) => l(x) + r(x);
        case "-":
          return (x) => l(x) - r(x);
        case "*":
          return (x) => l(x) * r(x);
        case "/":
          return (x) => l(x) / r(x);
        case "^":
          if (tree.right.kind === "number") {
            const y = tree.right.value;
            return (x) => power(l(x), y);
          }
          return (x) => power(l(x), r(x));
      }
    }
  }
}

const MAX_POLYNOMIAL_DEGREE = 64;

function addPolys(a: number[], b: number[], sign: number): number[] {
  const out = new Array(Math.max(a.length, b.length)).fill(0);
  for (let i = 0; i < a.length; i++) out[i] += a[i];
  for (let i = 0; i < b.length; i++) out[i] += sign * b[i];
  return out;
}

function mulPolys(a: number[], b: number[]): number[] | undefined {
  if (a.length + b.length - 2 > MAX_POLYNOMIAL_DEGREE) return undefined;
  const out = new Array(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j] += a[i] * b[j];
  return out;
}

/** Coefficients of the tree as a polynomial in the variable, or undefined if it is not one. */
function polynomialOf(tree: Expression): number[] | undefined {
  switch (tree.kind) {
    case "number":
      return [tree.value];
    case "variable":
      return [0, 1];
    case "negate": {
      const a = polynomialOf(tree.argument);
      return a?.map((c) => -c);
    }
    case "call": {
      const a = polynomialOf(tree.argument);
      // A function of a constant is a constant; of the variable, not a polynomial.
      return a && a.length === 1 ? [applyFunction(tree.name, a[0])] : undefined;
    }
    case "binary": {
      const l = polynomialOf(tree.left);
      const r = polynomialOf(tree.right);
      if (!l || !r) return undefined;
      switch (tree.operator) {
        case "+":
          return addPolys(l, r, 1);
        case "-":
          return addPolys(l, r, -1);
        case "*":
          return mulPolys(l, r);
        case "/":
          return r.length === 1 ? l.map((c) => c / r[0]) : undefined;
        case "^": {
          if (r.length !== 1) return undefined;
          const y = r[0];
          if (l.length === 1) return [power(l[0], y)];
          if (!Number.isInteger(y) || y < 0 || (l.length - 1) * y > MAX_POLYNOMIAL_DEGREE) {
            return undefined;
          }
          let out: number[] | undefined = [1];
          for (let k = 0; k < y && out; k++) out = mulPolys(out, l);
          return out;
        }
      }
    }
  }
}

/**
 * The coefficients (lowest degree first, trailing zeros dropped) of f when the tree is a
 * polynomial of degree ≤ 64 in the variable built from +, −, *, division by constants and
 * non-negative integer powers; undefined otherwise.
 */
export function polynomialCoefficients(tree: Expression): Float64Array | undefined {
  const p = polynomialOf(tree);
  if (p === undefined || !p.every(Number.isFinite)) return undefined;
  let length = p.length;
  while (length > 1 && p[length - 1] === 0) length--;
  return Float64Array.from(p.slice(0, length));
}

/** Parses and compiles a test function (see the module comment for the grammar). */
export function parseTestFunction(text: string, variable = "x"): TestFunction {
  const tree = parseExpression(text, variable);
  return {
    text,
    variable,
    tree,
    evaluate: compileExpression(tree),
    polynomial: polynomialCoefficients(tree),
  };
}

// ---------------------------------------------------------------------------------------------
// Taylor arithmetic: truncated power series a_0 + a_1 h + … + a_K h^K.

function seriesMul(a: Float64Array, b: Float64Array): Float64Array {
  const K = a.length;
  const out = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let s = 0;
    for (let j = 0; j <= k; j++) s += a[j] * b[k - j];
    out[k] = s;
  }
  return out;
}

function seriesDiv(a: Float64Array, b: Float64Array): Float64Array {
  const K = a.length;
  const out = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let s = a[k];
    for (let j = 1; j <= k; j++) s -= b[j] * out[k - j];
    out[k] = s / b[0];
  }
  return out;
}

function seriesExp(a: Float64Array): Float64Array {
  const K = a.length;
  const out = new Float64Array(K);
  out[0] = Math.exp(a[0]);
  for (let k = 1; k < K; k++) {
    let s = 0;
    for (let j = 1; j <= k; j++) s += j * a[j] * out[k - j];
    out[k] = s / k;
  }
  return out;
}

function seriesLog(a: Float64Array): Float64Array {
  const K = a.length;
  const out = new Float64Array(K);
  out[0] = Math.log(a[0]);
  for (let k = 1; k < K; k++) {
    let s = 0;
    for (let j = 1; j < k; j++) s += j * out[j] * a[k - j];
    out[k] = (a[k] - s / k) / a[0];
  }
  return out;
}

/** a^p for a constant p: k a_0 b_k = Σ_{j=1}^{k} (p j − (k − j)) a_j b_{k−j}. */
function seriesPow(a: Float64Array, p: number): Float64Array {
  const K = a.length;
  const out = new Float64Array(K);
  out[0] = a[0] ** p;
  for (let k = 1; k < K; k++) {
    let s = 0;
    for (let j = 1; j <= k; j++) s += (p * j - (k - j)) * a[j] * out[k - j];
    out[k] = s / (k * a[0]);
  }
  return out;
}

/** (sin a, cos a) or (sinh a, cosh a): k s_k = Σ j a_j c_{k−j}, k c_k = ∓Σ j a_j s_{k−j}. */
function seriesSinCos(a: Float64Array, hyperbolic: boolean): [Float64Array, Float64Array] {
  const K = a.length;
  const s = new Float64Array(K);
  const c = new Float64Array(K);
  s[0] = hyperbolic ? Math.sinh(a[0]) : Math.sin(a[0]);
  c[0] = hyperbolic ? Math.cosh(a[0]) : Math.cos(a[0]);
  for (let k = 1; k < K; k++) {
    let ss = 0;
    let cc = 0;
    for (let j = 1; j <= k; j++) {
      ss += j * a[j] * c[k - j];
      cc += j * a[j] * s[k - j];
    }
    s[k] = ss / k;
    c[k] = (hyperbolic ? cc : -cc) / k;
  }
  return [s, c];
}

/** atan a: b' = a'/(1 + a²). */
function seriesAtan(a: Float64Array): Float64Array {
  const K = a.length;
  const d = seriesMul(a, a);
  d[0] += 1;
  const da = new Float64Array(K);
  for (let k = 1; k < K; k++) da[k - 1] = k * a[k];
  const q = seriesDiv(da, d);
  const out = new Float64Array(K);
  out[0] = Math.atan(a[0]);
  for (let k = 1; k < K; k++) out[k] = q[k - 1] / k;
  return out;
}

function taylor(tree: Expression, x0: number, K: number): Float64Array {
  switch (tree.kind) {
    case "number": {
      const out = new Float64Array(K);
      out[0] = tree.value;
      return out;
    }
    case "variable": {
      const out = new Float64Array(K);
      out[0] = x0;
      if (K > 1) out[1] = 1;
      return out;
    }
    case "negate":
      return taylor(tree.argument, x0, K).map((v) => -v);
    case "call": {
      const a = taylor(tree.argument, x0, K);
      switch (tree.name) {
        case "exp":
          return seriesExp(a);
        case "log":
          return seriesLog(a);
        case "sqrt":
          return seriesPow(a, 0.5);
        case "abs":
          return a[0] === 0 ? a.map(() => Number.NaN) : a.map((v) => (a[0] < 0 ? -v : v));
        case "sin":
          return seriesSinCos(a, false)[0];
        case "cos":
          return seriesSinCos(a, false)[1];
        case "tan": {
          const [s, c] = seriesSinCos(a, false);
          return seriesDiv(s, c);
        }
        case "atan":
          return seriesAtan(a);
        case "sinh":
          return seriesSinCos(a, true)[0];
        case "cosh":
          return seriesSinCos(a, true)[1];
        case "tanh": {
          const [s, c] = seriesSinCos(a, true);
          return seriesDiv(s, c);
        }
      }
      break;
    }
    case "binary": {
      const l = taylor(tree.left, x0, K);
      if (tree.operator === "^" && tree.right.kind === "number") {
        const y = tree.right.value;
        if (Number.isInteger(y) && y >= 0 && y <= 64) {
          let out: Float64Array = new Float64Array(K);
          out[0] = 1;
          for (let k = 0; k < y; k++) out = seriesMul(out, l);
          return out;
        }
        return seriesPow(l, y);
      }
      const r = taylor(tree.right, x0, K);
      switch (tree.operator) {
        case "+":
          return l.map((v, k) => v + r[k]);
        case "-":
          return l.map((v, k) => v - r[k]);
        case "*":
          return seriesMul(l, r);
        case "/":
          return seriesDiv(l, r);
        case "^":
          // l^r = exp(r log l).
          return seriesExp(seriesMul(r, seriesLog(l)));
      }
    }
  }
  throw new RangeError("taylorCoefficients: unsupported expression");
}

/**
 * Taylor coefficients t_k = f^(k)(x₀)/k!, k = 0..order, of the expression at x₀ by Taylor-mode
 * automatic differentiation (exact up to rounding; NaN where f is not differentiable, e.g. abs at
 * 0). Uses Math functions (a theory helper, not a sampling path).
 */
export function taylorCoefficients(tree: Expression, x0: number, order: number): Float64Array {
  if (!Number.isInteger(order) || order < 0 || order > 30) {
    throw new RangeError(`taylorCoefficients: order must be an integer in [0, 30], got ${order}`);
  }
  return taylor(tree, x0, order + 1);
}
