/**
 * Test-only CDFs of unnormalised densities exp(g), by composite adaptive Gauss–Legendre
 * quadrature (20-point rule on each half vs the whole panel, recursive bisection until they agree
 * to 1e−13 of the total mass). Independent of the samplers under test.
 *
 * Half-line densities y^{σ−1} e^{P(y)} with σ < 1 are integrated in u = y^σ, where the integrand
 * e^{P(u^{1/σ})}/σ is bounded: the y^{σ−1} singularity disappears.
 */
import assert from "node:assert/strict";
import { gaussLegendreRule } from "../theory/lawQuadrature.js";

const RULE = gaussLegendreRule(20);

function gl(f: (x: number) => number, a: number, b: number): number {
  const c = 0.5 * (a + b);
  const h = 0.5 * (b - a);
  let s = 0;
  for (let i = 0; i < RULE.nodes.length; i++) s += RULE.weights[i] * f(c + h * RULE.nodes[i]);
  return s * h;
}

/** ∫_a^b f by adaptive bisection of the 20-point Gauss–Legendre rule (absolute tolerance tol). */
export function adaptiveIntegral(
  f: (x: number) => number,
  a: number,
  b: number,
  tol: number,
  whole = gl(f, a, b),
  depth = 0,
): number {
  const m = 0.5 * (a + b);
  const left = gl(f, a, m);
  const right = gl(f, m, b);
  const sum = left + right;
  if (Math.abs(sum - whole) <= Math.max(tol, 1e-13 * Math.abs(sum)) || depth > 24) return sum;
  return (
    adaptiveIntegral(f, a, m, 0.5 * tol, left, depth + 1) +
    adaptiveIntegral(f, m, b, 0.5 * tol, right, depth + 1)
  );
}

/**
 * CDF of the density ∝ exp(logf(t)) on [lo, hi] (in the variable t), which must carry all but
 * e^{−40} of the mass (asserted at the ends, except at lo if it is the natural end of the
 * domain). Panels: `panels` equal pieces.
 */
export function cdfOfLogDensity(
  logf: (t: number) => number,
  lo: number,
  hi: number,
  panels = 2000,
  naturalLowerEnd = false,
): (t: number) => number {
  const h = (hi - lo) / panels;
  let top = Number.NEGATIVE_INFINITY;
  for (let i = 0; i <= 8 * panels; i++) top = Math.max(top, logf(lo + (i * h) / 8));
  assert.ok(Number.isFinite(top), "density maximum must be finite");
  for (const end of naturalLowerEnd ? [hi] : [lo, hi]) {
    const g = logf(end);
    assert.ok(!(g > top - 40), `test range too narrow: log density ${g} at ${end}, max ${top}`);
  }
  const f = (t: number) => Math.exp(logf(t) - top);
  const cumulative = new Float64Array(panels + 1);
  let rough = 0;
  for (let i = 0; i < panels; i++) rough += gl(f, lo + i * h, lo + (i + 1) * h);
  for (let i = 0; i < panels; i++) {
    const a = lo + i * h;
    cumulative[i + 1] = cumulative[i] + adaptiveIntegral(f, a, a + h, 1e-14 * rough);
  }
  const total = cumulative[panels];
  return (t: number) => {
    if (t <= lo) return 0;
    if (t >= hi) return 1;
    const i = Math.min(panels - 1, Math.floor((t - lo) / h));
    const a = lo + i * h;
    const partial = t > a ? adaptiveIntegral(f, a, t, 1e-14 * rough) : 0;
    return Math.min(1, Math.max(0, (cumulative[i] + partial) / total));
  };
}

/** Horner evaluation of Σ c_k x^k. */
export function poly(c: ArrayLike<number>, x: number): number {
  let v = 0;
  for (let k = c.length - 1; k >= 0; k--) v = v * x + c[k];
  return v;
}

/** CDF of ∝ exp(P(x)) on ℝ, P = Σ c_k x^k, using the range [lo, hi]. */
export function expPolynomialCdf(c: ArrayLike<number>, lo: number, hi: number) {
  return cdfOfLogDensity((x) => poly(c, x), lo, hi);
}

/** CDF of ∝ y^{σ−1} exp(P(y)) on (0, ∞), using the range (0, hi]. */
export function gammaPolynomialCdf(sigma: number, c: ArrayLike<number>, hi: number) {
  if (sigma < 1) {
    const G = cdfOfLogDensity((u) => poly(c, u ** (1 / sigma)), 0, hi ** sigma, 2000, true);
    return (y: number) => (y <= 0 ? 0 : G(y ** sigma));
  }
  const G = cdfOfLogDensity(
    (y) => (y > 0 ? (sigma - 1) * Math.log(y) + poly(c, y) : sigma === 1 ? poly(c, 0) : -Infinity),
    0,
    hi,
    2000,
    true,
  );
  return (y: number) => (y <= 0 ? 0 : G(y));
}
