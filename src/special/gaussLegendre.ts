/**
 * Gauss–Legendre quadrature on [−1, 1]: ∫ f ≈ Σ w_k f(x_k), exact for polynomials of degree
 * ≤ 2n − 1 (DLMF 3.5.19, 3.5.v).
 */

import { detCos, detSin } from "./deterministicMath.js";

export interface GaussLegendreRule {
  /** The n nodes, ascending, the zeros of the Legendre polynomial P_n. */
  nodes: Float64Array;
  /** The weights w_k = 2/((1 − x_k²) P_n′(x_k)²) (DLMF 3.5.19). */
  weights: Float64Array;
}

const cache = new Map<number, GaussLegendreRule>();

/**
 * Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1] (DLMF 3.5.19).
 *
 * Each node x = cos θ is found by Newton's method in θ on P_n(cos θ), starting from
 * θ ≈ π(k − 1/4)/(n + 1/2) (Tricomi's first approximation, DLMF 18.16.6 for the zeros of P_n).
 * P_n and P_{n−1} come from the three-term recurrence (k+1)P_{k+1} = (2k+1)xP_k − kP_{k−1}
 * (DLMF 18.9.1) rewritten in y = 1 − x = 2 sin²(θ/2) and D_k = P_k − P_{k−1}:
 *   D_{k+1} = (k D_k − (2k+1) y P_k)/(k+1),  P_{k+1} = P_k + D_{k+1},
 * so that near x = 1 (where P′ ~ n²) the rounding of x never enters; with 1 − x² = sin²θ the
 * weights w = 2 sin²θ / (n² (P_{n−1} − x P_n)²) then have full relative accuracy up to the
 * rounding of the recurrence (about √n ulps). Symmetry x ↦ −x is exact. Cost O(n²), cached per n;
 * the arrays returned are fresh copies.
 */
export function gaussLegendre(n: number): GaussLegendreRule {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`n must be a positive integer, got ${n}`);
  }
  let rule = cache.get(n);
  if (rule === undefined) {
    rule = computeRule(n);
    cache.set(n, rule);
  }
  return { nodes: rule.nodes.slice(), weights: rule.weights.slice() };
}

function computeRule(n: number): GaussLegendreRule {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const half = Math.floor(n / 2);
  const values = new Float64Array(2); // [P_n(x), P_{n−1}(x)]
  // Recurrence coefficients k/(k+1) and (2k+1)/(k+1), so that the inner loop has no division.
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let k = 1; k < n; k++) {
    a[k] = k / (k + 1);
    b[k] = (2 * k + 1) / (k + 1);
  }
  for (let k = 1; k <= half; k++) {
    // θ_k in (0, π/2): the k-th largest node.
    let theta = (Math.PI * (k - 0.25)) / (n + 0.5);
    // Newton converges quadratically from this guess; once the step is below 1e−9·θ, one more
    // step reaches rounding level.
    let converged = false;
    for (let iteration = 0; iteration < 50; iteration++) {
      legendreNearOne(a, b, theta, values);
      const x = detCos(theta);
      const pn = values[0];
      // d/dθ P_n(cos θ) = −n (P_{n−1} − x P_n)/sin θ.
      const step = (pn * detSin(theta)) / (n * (values[1] - x * pn));
      theta += step;
      if (converged) break;
      if (Math.abs(step) <= 1e-9 * theta) converged = true;
    }
    const x = detCos(theta);
    legendreNearOne(a, b, theta, values);
    const derivative = (n * (values[1] - x * values[0])) / detSin(theta); // sin θ · P_n′(x)
    const w = 2 / (derivative * derivative);
    nodes[n - k] = x;
    nodes[k - 1] = -x;
    weights[n - k] = w;
    weights[k - 1] = w;
  }
  if (n % 2 === 1) {
    // Middle node x = 0 (θ = π/2), where P_n′(0) = n P_{n−1}(0).
    legendreNearOne(a, b, Math.PI / 2, values);
    nodes[half] = 0;
    weights[half] = 2 / (n * values[1] * (n * values[1]));
  }
  return { nodes, weights };
}

/**
 * P_n(cos θ) and P_{n−1}(cos θ), n = a.length, by the recurrence in y = 1 − cos θ = 2 sin²(θ/2)
 * and D_k = P_k − P_{k−1} (DLMF 18.9.1 rearranged), a[k] = k/(k+1), b[k] = (2k+1)/(k+1).
 */
function legendreNearOne(a: Float64Array, b: Float64Array, theta: number, out: Float64Array): void {
  const n = a.length;
  const half = detSin(theta / 2);
  const y = 2 * half * half;
  let p = 1 - y; // P_1
  let previous = 1; // P_0
  let d = -y; // D_1
  for (let k = 1; k < n; k++) {
    d = a[k] * d - b[k] * y * p;
    previous = p;
    p += d;
  }
  out[0] = p;
  out[1] = previous;
}
