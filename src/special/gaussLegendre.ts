/**
 * Gauss–Legendre quadrature on [−1, 1]: ∫ f ≈ Σ w_k f(x_k), exact for polynomials of degree
 * ≤ 2n − 1 (DLMF 3.5.19, 3.5.v).
 */

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
 * Each node x = cos θ is found by Newton's method in θ on P_n(cos θ), with P_n and P_{n−1} from
 * the three-term recurrence (k+1)P_{k+1} = (2k+1)xP_k − kP_{k−1} (DLMF 18.9.1), starting from
 * θ ≈ π(k − 1/4)/(n + 1/2) (Tricomi's first approximation, DLMF 18.16.6 for the zeros of P_n).
 * Working in θ keeps 1 − x² = sin²θ accurate near the end points, so the weights
 *   w = 2 sin²θ / (n² (P_{n−1}(x) − x P_n(x))²)
 * have full relative accuracy. Symmetry x ↦ −x is exact. Cost O(n²), cached per n; the arrays
 * returned are fresh copies.
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
  // Recurrence coefficients (2k+1)/(k+1) and k/(k+1), so that the inner loop has no division.
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let k = 1; k < n; k++) {
    a[k] = (2 * k + 1) / (k + 1);
    b[k] = k / (k + 1);
  }
  for (let k = 1; k <= half; k++) {
    // θ_k in (0, π/2): the k-th largest node.
    let theta = (Math.PI * (k - 0.25)) / (n + 0.5);
    // Newton converges quadratically from this guess; once the step is below 1e−9·θ, one more
    // step reaches rounding level.
    let converged = false;
    for (let iteration = 0; iteration < 50; iteration++) {
      const x = Math.cos(theta);
      legendre(a, b, x, values);
      const pn = values[0];
      // d/dθ P_n(cos θ) = −n (P_{n−1} − x P_n)/sin θ.
      const step = (pn * Math.sin(theta)) / (n * (values[1] - x * pn));
      theta += step;
      if (converged) break;
      if (Math.abs(step) <= 1e-9 * theta) converged = true;
    }
    const x = Math.cos(theta);
    legendre(a, b, x, values);
    const derivative = (n * (values[1] - x * values[0])) / Math.sin(theta); // sin θ · P_n′(x)
    const w = 2 / (derivative * derivative);
    nodes[n - k] = x;
    nodes[k - 1] = -x;
    weights[n - k] = w;
    weights[k - 1] = w;
  }
  if (n % 2 === 1) {
    // Middle node x = 0, where P_n′(0) = n P_{n−1}(0).
    legendre(a, b, 0, values);
    nodes[half] = 0;
    weights[half] = 2 / (n * values[1] * (n * values[1]));
  }
  return { nodes, weights };
}

/**
 * P_n(x) and P_{n−1}(x), n = a.length, by the recurrence (k+1)P_{k+1} = (2k+1)xP_k − kP_{k−1}
 * (DLMF 18.9.1), with a[k] = (2k+1)/(k+1), b[k] = k/(k+1).
 */
function legendre(a: Float64Array, b: Float64Array, x: number, out: Float64Array): void {
  const n = a.length;
  let p0 = 1;
  let p1 = x;
  for (let k = 1; k < n; k++) {
    const p2 = a[k] * x * p1 - b[k] * p0;
    p0 = p1;
    p1 = p2;
  }
  out[0] = p1;
  out[1] = p0;
}
