/**
 * Test-only quadrature for densities with square-root edges: on a support [lo, hi] put
 * x = lo + (hi − lo)·sin²(ψ/2), ψ ∈ [0, π]; dx = ((hi − lo)/2)·sin ψ dψ removes the √ endpoint
 * behaviour (and a 1/√x hard edge), leaving a smooth integrand, integrated by composite
 * Gauss–Legendre. Independent of the closed-form CDFs it checks.
 */

/** Gauss–Legendre nodes/weights on [−1, 1] by Newton on P_n (A&S 25.4.29: w = 2/((1−x²)P_n′²)). */
export function gaussLegendreRule(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 1; k < n; k++) {
        const p2 = ((2 * k + 1) * x * p1 - k * p0) / (k + 1);
        p0 = p1;
        p1 = p2;
      }
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / derivative;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * derivative * derivative);
  }
  return { nodes, weights };
}

const RULE = gaussLegendreRule(20);

/** ∫_lo^upTo f(x) dx for a density f on [lo, hi] with (at worst) √ or 1/√ edge behaviour. */
export function integrateOnSupport(
  f: (x: number) => number,
  lo: number,
  hi: number,
  upTo: number = hi,
  panels = 128,
): number {
  const width = hi - lo;
  const t = Math.min(1, Math.max(0, (upTo - lo) / width));
  const psiEnd = 2 * Math.asin(Math.sqrt(t));
  const h = psiEnd / panels;
  let sum = 0;
  for (let p = 0; p < panels; p++) {
    const centre = (p + 0.5) * h;
    for (let i = 0; i < RULE.nodes.length; i++) {
      const psi = centre + (h / 2) * RULE.nodes[i];
      // Round x first, then use the ψ of the rounded x (x − lo, hi − x are exact by Sterbenz):
      // this keeps f(x)·dx/dψ consistent next to a 1/√ hard edge, where f(fl(x)) ≠ f(x).
      let x: number;
      let sinSq: number;
      let cosSq: number;
      if (psi <= Math.PI / 2) {
        x = lo + width * Math.sin(psi / 2) ** 2;
        sinSq = (x - lo) / width;
        cosSq = 1 - sinSq;
      } else {
        x = hi - width * Math.cos(psi / 2) ** 2;
        cosSq = (hi - x) / width;
        sinSq = 1 - cosSq;
      }
      const sinPsi = 2 * Math.sqrt(sinSq * cosSq);
      sum += RULE.weights[i] * (h / 2) * f(x) * (width / 2) * sinPsi;
    }
  }
  return sum;
}
