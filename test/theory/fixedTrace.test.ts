/**
 * Exact theory of the fixed-trace Laguerre ensemble (src/theory/fixedTrace.ts,
 * src/theory/fixedTraceDensity.ts) against independent exact computations: the O(N) sum over the
 * bidiagonal model's Gamma coordinates, published β = 1, 2 formulas, N = 2 Beta integrals, the
 * Laguerre kernel, and 60-digit mpmath values (docs/density-matrices/fixtures.py).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { digamma } from "../../src/special/digamma.js";
import { gaussLegendre } from "../../src/special/gaussLegendre.js";
import { logGamma } from "../../src/special/logGamma.js";
import {
  fixedTracePurityMoments,
  laguerreSumOfSquaresMoments,
  laguerreTraceShape,
  pageMeanEntropy,
  wishartShape,
} from "../../src/theory/fixedTrace.js";
import { fixedTraceEigenvalueLaw } from "../../src/theory/fixedTraceDensity.js";

function close(actual: number, expected: number, rtol: number, label: string): void {
  const err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  assert.ok(err <= rtol, `${label}: ${actual} vs ${expected} (relative error ${err})`);
}

/** (s)_m, the rising factorial. */
function rising(s: number, m: number): number {
  let r = 1;
  for (let j = 0; j < m; j++) r *= s + j;
  return r;
}

/**
 * E p₂ and E p₂² by the O(N) sum over the bidiagonal chain ξ_1..ξ_{2N−1} (independent Gammas,
 * shapes β(N−n)/2 + k and β(N−n)/2): p₂ = Σ ξ_i² + 2 Σ ξ_i ξ_{i+1}, E p₂² = Var p₂ + (E p₂)² with
 * the covariances of the overlapping terms written out.
 */
function chainMoments(n: number, beta: number, k: number): { mean: number; second: number } {
  const s: number[] = [];
  for (let i = 1; i <= n; i++) {
    s.push((beta * (n - i)) / 2 + k);
    if (i < n) s.push((beta * (n - i)) / 2);
  }
  const L = s.length;
  let mean = 0;
  for (let i = 0; i < L; i++) mean += rising(s[i], 2);
  for (let i = 0; i < L - 1; i++) mean += 2 * s[i] * s[i + 1];
  let v = 0;
  for (let i = 0; i < L; i++) v += rising(s[i], 4) - rising(s[i], 2) ** 2; // Var ξ²
  for (let i = 0; i < L - 1; i++) {
    v += 4 * (rising(s[i], 2) * rising(s[i + 1], 2) - s[i] ** 2 * s[i + 1] ** 2); // Var 2ξξ'
    v += 2 * 2 * s[i + 1] * (rising(s[i], 3) - rising(s[i], 2) * s[i]); // Cov(ξ_i², 2ξ_iξ_{i+1})
    v += 2 * 2 * s[i] * (rising(s[i + 1], 3) - rising(s[i + 1], 2) * s[i + 1]);
  }
  for (let i = 0; i < L - 2; i++) v += 2 * 4 * s[i] * s[i + 2] * s[i + 1]; // Cov(2ξ_iξ_{i+1}, 2ξ_{i+1}ξ_{i+2})
  return { mean, second: v + mean * mean };
}

describe("Laguerre Σx² moments and the purity of random density matrices", () => {
  const cases: [number, number, number][] = [
    [1, 2, 0.7],
    [2, 1, 1],
    [2, 0.5, 3.2],
    [3, 4, 0.25],
    [5, 2, 1],
    [7, 2.5, 1.75],
    [40, 1, 3],
    [200, 0.3, 10],
  ];
  for (const [n, beta, k] of cases) {
    it(`N = ${n}, β = ${beta}, k = ${k}: closed form = O(N) sum over the bidiagonal chain`, () => {
      const chain = chainMoments(n, beta, k);
      const closed = laguerreSumOfSquaresMoments(n, beta, k);
      close(closed.mean, chain.mean, 1e-13, "E p₂");
      close(closed.secondMoment, chain.second, 1e-12, "E p₂²");
      const scaled = laguerreSumOfSquaresMoments(n, beta, k, 1.7);
      close(scaled.mean, 1.7 ** 2 * chain.mean, 1e-13, "E p₂, θ = 1.7");
      close(scaled.secondMoment, 1.7 ** 4 * chain.second, 1e-12, "E p₂², θ = 1.7");
      // Purity moments from the independence of T ~ Gamma(K) and λ.
      const K = laguerreTraceShape(n, beta, k);
      const { mean, variance } = fixedTracePurityMoments(n, beta, k);
      close(mean, chain.mean / rising(K, 2), 1e-13, "E purity = E p₂/E T²");
      const second = chain.second / rising(K, 4);
      if (n > 1) close(variance, second - mean * mean, 1e-9, "Var purity");
      else assert.equal(Math.abs(variance), 0);
    });
  }

  it("β = 2: E = (N + M)/(NM + 1), Var = 2(N²−1)(M²−1)/((NM+1)²(NM+2)(NM+3)) (Giraud 2007)", () => {
    for (const [n, m] of [
      [2, 2],
      [3, 5],
      [4, 3.5],
      [10, 10],
      [17, 40.25],
    ]) {
      const k = wishartShape(n, m, 2);
      const { mean, variance } = fixedTracePurityMoments(n, 2, k);
      const nm = n * m;
      close(mean, (n + m) / (nm + 1), 1e-14, `E, N = ${n}, M = ${m}`);
      const expected = (2 * (n * n - 1) * (m * m - 1)) / ((nm + 1) ** 2 * (nm + 2) * (nm + 3));
      close(variance, expected, 1e-12, `Var, N = ${n}, M = ${m}`);
    }
  });

  it("β = 1: E = (N + M + 1)/(NM + 2) (Giraud 2007; Žnidarič 2007)", () => {
    for (const [n, m] of [
      [2, 2],
      [3, 7],
      [8, 8],
    ]) {
      const { mean } = fixedTracePurityMoments(n, 1, wishartShape(n, m, 1));
      close(mean, (n + m + 1) / (n * m + 2), 1e-14, `N = ${n}, M = ${m}`);
    }
  });

  it("N = 2, any β: purity = (1 + s)/2 with s ~ Beta((β+1)/2, k) (direct Beta integral)", () => {
    for (const [beta, k] of [
      [0.4, 0.6],
      [1, 1],
      [2.5, 3],
      [9, 0.2],
    ]) {
      const a = (beta + 1) / 2;
      const es = a / (a + k);
      const vs = (a * k) / ((a + k) ** 2 * (a + k + 1));
      const { mean, variance } = fixedTracePurityMoments(2, beta, k);
      close(mean, (1 + es) / 2, 1e-14, "E");
      close(variance, vs / 4, 1e-13, "Var");
    }
  });

  it("breaking a formula is caught: k off by 1% moves E and Var beyond 1e−4 relative", () => {
    const exact = fixedTracePurityMoments(5, 2, 1);
    const wrong = fixedTracePurityMoments(5, 2, 1.01);
    assert.ok(Math.abs(wrong.mean / exact.mean - 1) > 1e-4);
    assert.ok(Math.abs(wrong.variance / exact.variance - 1) > 1e-4);
  });
});

/** Monomial coefficients c_m of Σ_j (j!/Γ(j+α+1)) L_j^(α)(x)² (the LUE kernel over x^α e^−x). */
function kernelCoefficients(n: number, alpha: number): number[] {
  const c = new Array(2 * n - 1).fill(0);
  for (let j = 0; j < n; j++) {
    const row: number[] = [];
    for (let i = 0; i <= j; i++) {
      const log = logGamma(j + alpha + 1) - logGamma(j - i + 1) - logGamma(alpha + i + 1);
      row.push(((i % 2 === 0 ? 1 : -1) * Math.exp(log)) / Math.exp(logGamma(i + 1)));
    }
    const f = Math.exp(logGamma(j + 1) - logGamma(j + alpha + 1));
    for (let p = 0; p <= j; p++) for (let q = 0; q <= j; q++) c[p + q] += f * row[p] * row[q];
  }
  return c;
}

describe("Page's mean entropy (β = 2)", () => {
  it("digamma = harmonic-sum form for integer M ≥ N", () => {
    for (const [n, m] of [
      [2, 2],
      [3, 5],
      [6, 6],
      [10, 31],
    ]) {
      let h = 0;
      for (let j = m + 1; j <= n * m; j++) h += 1 / j;
      close(pageMeanEntropy(n, m), h - (n - 1) / (2 * m), 1e-13, `N = ${n}, M = ${m}`);
    }
  });

  it("= ψ(K+1) − E[Σ x log x]/K from the Laguerre kernel, real M > N − 1", () => {
    // E[Σ x log x] = Σ_m c_m Γ(α+m+2) ψ(α+m+2) (∫ x^{a−1} log x e^{−x} dx = Γ(a)ψ(a)), K = NM.
    for (const [n, m] of [
      [2, 1.5],
      [3, 2.5],
      [3, 3],
      [4, 3.3],
      [5, 7.25],
    ]) {
      const alpha = m - n;
      const c = kernelCoefficients(n, alpha);
      let xlx = 0;
      for (let j = 0; j < c.length; j++) {
        xlx += c[j] * Math.exp(logGamma(alpha + j + 2)) * digamma(alpha + j + 2);
      }
      const K = n * m;
      close(pageMeanEntropy(n, m), digamma(K + 1) - xlx / K, 1e-10, `N = ${n}, M = ${m}`);
    }
  });

  it("digamma against mpmath (17 digits)", () => {
    for (const [x, r] of [
      [0.001, -1000.5755719318103],
      [0.1, -10.423754940411076],
      [0.5, -1.9635100260214235],
      [1, -0.5772156649015329],
      [2.5, 0.7031566406452432],
      [7.3, 1.9178203356379862],
      [9.9, 2.2411803166063815],
      [10, 2.251752589066721],
      [57.3, 4.039549239957579],
      [1e6, 13.815510057964191],
    ]) {
      close(digamma(x), r, 2e-15, `ψ(${x})`);
    }
    assert.ok(Math.abs(digamma(1.4616321449683622)) < 1e-15, "root of ψ");
    assert.ok(Number.isNaN(digamma(0)) && Number.isNaN(digamma(-1)));
  });
});

const FIXTURES = [
  {
    n: 3,
    m: 3,
    pdf: [
      [0.05, 2.65910569375],
      [0.2, 1.4024704],
      [0.5, 0.0625],
      [0.8, 1.0494975999999998],
    ],
    cdf: [
      [0.05, 0.24378694417968752],
      [0.2, 0.44687616],
      [0.5, 0.66796875],
      [0.8, 0.92430336],
    ],
  },
  {
    n: 3,
    m: 2.5,
    pdf: [
      [0.05, 1.5679688315478364],
      [0.3, 0.9366925339846344],
      [0.6, 0.41191598501507243],
    ],
    cdf: [
      [0.05, 0.3016703835703706],
      [0.3, 0.6005212251974252],
      [0.6, 0.6843852046499471],
    ],
  },
  {
    n: 4,
    m: 7.25,
    pdf: [
      [0.1, 2.121292958504122],
      [0.25, 1.6715695346968815],
      [0.4, 0.3178195900550797],
    ],
    cdf: [
      [0.1, 0.26093769140255885],
      [0.25, 0.5534288725659026],
      [0.4, 0.7538369727278126],
    ],
  },
  {
    n: 6,
    m: 6,
    pdf: [
      [0.02, 5.649220942619718],
      [0.1, 2.0200419987702767],
      [0.3, 1.3631062339662086],
    ],
    cdf: [
      [0.02, 0.21170068455681185],
      [0.1, 0.47959279422736567],
      [0.3, 0.7940184102325623],
    ],
  },
  {
    n: 10,
    m: 10,
    pdf: [
      [0.02, 6.7099739960621205],
      [0.1, 2.3138758991683894],
      [0.25, 0.8438367647995051],
    ],
    cdf: [
      [0.02, 0.28221466418749214],
      [0.1, 0.6058946600795839],
      [0.25, 0.8926275435770648],
    ],
  },
  {
    n: 12,
    m: 11.5,
    pdf: [
      [0.01, 10.264274408439235],
      [0.08, 3.1179975152038324],
      [0.2, 2.090350762888619],
    ],
    cdf: [
      [0.01, 0.23391439090582164],
      [0.08, 0.5975657763927228],
      [0.2, 0.8700436205995549],
    ],
  },
  {
    n: 20,
    m: 20,
    pdf: [
      [0.01, 14.264040898914745],
      [0.05, 5.273990021981069],
      [0.125, 2.411397420693168],
      [0.175, 1.5353404543741527],
    ],
    cdf: [
      [0.01, 0.282229331900313],
      [0.05, 0.6079208045470713],
      [0.125, 0.8902074184240067],
      [0.175, 0.9831605526426788],
    ],
  },
  {
    n: 30,
    m: 45,
    pdf: [
      [0.01, 21.741616769805077],
      [0.04, 9.784400264236078],
      [0.07, 4.822346059338709],
    ],
    cdf: [
      [0.01, 0.2456002693212485],
      [0.04, 0.6548379016196245],
      [0.07, 0.869512938817441],
    ],
  },
];

describe("β = 2 density of one eigenvalue of ρ (Laguerre kernel + trace constraint)", () => {
  for (const { n, m, pdf, cdf } of FIXTURES) {
    it(`N = ${n}, M = ${m}: pdf to 1e−10 and CDF to 1e−9 of 60-digit values`, () => {
      const law = fixedTraceEigenvalueLaw(n, m);
      for (const [u, f] of pdf) close(law.pdf(u), f, 1e-10, `pdf(${u})`);
      for (const [u, F] of cdf) {
        assert.ok(Math.abs(law.cdf(u) - F) <= 1e-9, `cdf(${u}) = ${law.cdf(u)} vs ${F}`);
      }
    });
  }

  it("mass 1, mean 1/N and E[u²] = E[Tr ρ²]/N by Gauss–Legendre quadrature (N = 2..8)", () => {
    const rule = gaussLegendre(80);
    for (const [n, m] of [
      [2, 2],
      [3, 4],
      [5, 5],
      [8, 9.5],
    ]) {
      const law = fixedTraceEigenvalueLaw(n, m);
      let mass = 0;
      let first = 0;
      let second = 0;
      // 40 panels on [0, 1]: the density has N bumps and a u^α endpoint.
      const panels = 40;
      for (let p = 0; p < panels; p++) {
        for (let i = 0; i < rule.nodes.length; i++) {
          const u = (p + 0.5 * (rule.nodes[i] + 1)) / panels;
          const w = (0.5 * rule.weights[i]) / panels;
          const f = law.pdf(u);
          mass += w * f;
          first += w * u * f;
          second += w * u * u * f;
        }
      }
      close(mass, 1, 1e-7, `mass, N = ${n}`);
      close(first, 1 / n, 1e-7, `mean, N = ${n}`);
      const purity = fixedTracePurityMoments(n, 2, wishartShape(n, m, 2)).mean;
      close(second, purity / n, 1e-7, `E u², N = ${n}`);
    }
  });

  it("N = 2, any β: the closed form integrates to 1 and matches E[Tr ρ²]", () => {
    const rule = gaussLegendre(60);
    // Shapes k = 1, 4, 1.25 (k < 1 would put integrable singularities at the ends).
    for (const [beta, m] of [
      [1, 3],
      [4, 3],
      [0.5, 6],
    ]) {
      const law = fixedTraceEigenvalueLaw(2, m, beta);
      let mass = 0;
      let second = 0;
      for (let p = 0; p < 20; p++) {
        for (let i = 0; i < rule.nodes.length; i++) {
          const u = (p + 0.5 * (rule.nodes[i] + 1)) / 20;
          const w = (0.5 * rule.weights[i]) / 20;
          mass += w * law.pdf(u);
          second += w * u * u * law.pdf(u);
        }
      }
      close(mass, 1, 1e-6, `mass, β = ${beta}`);
      const purity = fixedTracePurityMoments(2, beta, wishartShape(2, m, beta)).mean;
      close(second, purity / 2, 1e-6, `E u², β = ${beta}`);
      close(law.cdf(0.5), 0.5, 1e-12, "symmetry");
    }
  });
});
