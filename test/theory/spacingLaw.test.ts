import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { gaussLegendre } from "../../src/special/gaussLegendre.js";
import { sineCountingLaw } from "../../src/theory/countingLaw.js";
import { gapSeries, spacingLaw } from "../../src/theory/spacingLaw.js";

/**
 * 25-digit references from docs/local-statistics/references.py: E_β(0; s), E′, E″ from the
 * trigonometric sine kernels S(x − y) (β = 2) and S(x − y) ± S(x + y) (β = 1, 4) by Gauss–Legendre
 * Nyström in mpmath at 50 digits — a different discretisation of different kernels from the
 * library's (finite Hankel transforms V_{∓1/2} with Gauss–Jacobi rules, double-double arithmetic and
 * asymptotic expansions). cdf = 1 + E′ formed at 40 digits.
 */
const references = JSON.parse(
  readFileSync(new URL("./fixtures/sine-spacing.json", import.meta.url), "utf8"),
) as {
  spacing: { beta: 1 | 2 | 4; s: number; E: string; dE: string; d2E: string; cdf: string }[];
  tail?: { beta: 1 | 2 | 4; s: number; E: string; dE: string; d2E: string }[];
};

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("Gaudin's spacing laws p_β (β = 1, 2, 4)", () => {
  it("match 25-digit references on [0.05, 6] to 12+ significant digits (pdf, sf, cdf)", () => {
    let worst = 0;
    for (const r of references.spacing) {
      const law = spacingLaw(r.beta);
      const pdf = relative(law.pdf(r.s), Number(r.d2E));
      const sf = relative(law.sf(r.s), -Number(r.dE));
      const cdf = relative(law.cdf(r.s), Number(r.cdf));
      worst = Math.max(worst, pdf, sf, cdf);
      assert.ok(
        pdf < 1e-12 && sf < 1e-12 && cdf < 1e-12,
        `β=${r.beta} s=${r.s}: ${pdf} ${sf} ${cdf}`,
      );
    }
    // Measured: 4e−14 (docs/local-statistics).
    assert.ok(worst < 1e-13, `worst relative error ${worst}`);
  });

  it("keep relative accuracy in the far tails (logs below the smallest double)", () => {
    for (const r of references.tail ?? []) {
      const law = spacingLaw(r.beta);
      assert.ok(relative(law.pdf(r.s), Number(r.d2E)) < 1e-12, `pdf β=${r.beta} s=${r.s}`);
      assert.ok(relative(law.sf(r.s), -Number(r.dE)) < 1e-12, `sf β=${r.beta} s=${r.s}`);
    }
    // Beyond the doubles: log pdf stays finite and decreasing like −βπ²s²/16.
    for (const beta of [1, 2, 4] as const) {
      const law = spacingLaw(beta);
      const a = law.logpdf(40);
      const b = law.logpdf(41);
      assert.ok(Number.isFinite(a) && a < -700);
      const rate = (a - b) / (41 * 41 - 40 * 40);
      // (the O(s) terms of log E shift the difference quotient by ≈ π/(2·81))
      assert.ok(Math.abs(rate - (beta * Math.PI * Math.PI) / 16) < 0.03, `rate ${rate}`);
    }
  });

  it("reproduce Mehta's small-s expansion E₂(0; s) = 1 − s + π²s⁴/36 − π⁴s⁶/675 + π⁶s⁸/17640 + …", () => {
    // Mehta, Random Matrices, 3rd ed. (2004), §6.4 (the power series of E₂(0; s)).
    const e = gapSeries(2);
    const pi = Math.PI;
    const expected = [1, -1, 0, 0, pi ** 2 / 36, 0, -(pi ** 4) / 675, 0, pi ** 6 / 17640];
    for (let k = 0; k < expected.length; k++) {
      assert.ok(
        Math.abs(e[k] - expected[k]) <= 1e-15 * Math.max(1, Math.abs(expected[k])),
        `e_${k}`,
      );
    }
  });

  it("have the level-repulsion constants p_β(s) ~ c_β s^β with c₁ = π²/6, c₂ = π²/3, c₄ = 16π⁴/135", () => {
    // Mehta (2004), §6.4, §7.5, §11.6 (the leading terms of p₁, p₂, p₄).
    const pi = Math.PI;
    const constants = { 1: pi ** 2 / 6, 2: pi ** 2 / 3, 4: (16 * pi ** 4) / 135 } as const;
    for (const beta of [1, 2, 4] as const) {
      const s = 1e-5;
      const ratio = spacingLaw(beta).pdf(s) / (constants[beta] * s ** beta);
      assert.ok(Math.abs(ratio - 1) < 1e-8, `β=${beta}: ${ratio}`);
      // The CDF keeps relative accuracy there too: cdf ≈ c_β s^{β+1}/(β + 1).
      const cdfRatio = spacingLaw(beta).cdf(s) / ((constants[beta] * s ** (beta + 1)) / (beta + 1));
      assert.ok(Math.abs(cdfRatio - 1) < 1e-8, `β=${beta} cdf: ${cdfRatio}`);
    }
  });

  it("have mean 1, unit mass and the classical variances 0.286, 0.180, 0.104", () => {
    // The 3-digit variances of the GOE, GUE, GSE spacing distributions quoted throughout the
    // literature (e.g. Bohigas & Giannoni, Lecture Notes in Physics 209 (1984), table of spacing
    // statistics); more digits are checked against the CβE simulation in docs/local-statistics.
    const quoted = { 1: 0.286, 2: 0.18, 4: 0.104 } as const;
    const { nodes, weights } = gaussLegendre(40);
    for (const beta of [1, 2, 4] as const) {
      const law = spacingLaw(beta);
      let mass = 0;
      let mean = 0;
      let second = 0;
      for (let p = 0; p < 8; p++) {
        for (let k = 0; k < nodes.length; k++) {
          const s = p + (nodes[k] + 1) / 2;
          const w = weights[k] / 2;
          const f = law.pdf(s);
          mass += w * f;
          mean += w * s * f;
          second += w * s * s * f;
        }
      }
      assert.ok(Math.abs(mass - 1) < 1e-13, `mass ${mass}`);
      assert.ok(Math.abs(mean - 1) < 1e-13, `mean ${mean}`);
      assert.ok(Math.abs(second - 1 - law.variance) < 1e-12, `variance ${law.variance}`);
      assert.ok(Math.abs(law.variance - quoted[beta]) < 6e-4, `β=${beta}: ${law.variance}`);
    }
  });

  it("invert the CDF (quantile) and give NaN for invalid input", () => {
    const law = spacingLaw(2);
    for (const p of [1e-9, 0.01, 0.5, 0.99, 1 - 1e-12]) {
      assert.ok(Math.abs(law.cdf(law.quantile(p)) - p) < 1e-13 + 1e-12 * p);
    }
    assert.ok(Number.isNaN(law.pdf(Number.NaN)));
    assert.ok(Number.isNaN(law.quantile(1.5)));
    assert.equal(law.pdf(-1), 0);
    assert.throws(() => spacingLaw(3 as 1), RangeError);
  });
});

describe("gap probabilities E_β(k; s) (counting laws)", () => {
  it("agree with the spacing references for k = 0 and sum to 1 with mean s", () => {
    for (const r of references.spacing) {
      if (r.s > 3) continue; // E(0; s) of the eigenvalue route is accurate in absolute terms
      const law = sineCountingLaw(r.beta, r.s);
      assert.ok(Math.abs(law.pmf(0) - Number(r.E)) < 2e-15, `β=${r.beta} s=${r.s}`);
      let total = 0;
      for (const p of law.probabilities) total += p;
      assert.ok(Math.abs(total - 1) < 1e-14);
      assert.ok(Math.abs(law.mean - r.s) < 1e-13, `mean ${law.mean}`);
    }
  });

  it("give the number variance s − 2∫₀^s (s − u)Y₂(u) du of β = 1, 2, 4 (Dyson & Mehta 1963)", () => {
    // Var N = s − 2∫₀^s (s − u) Y₂(u) du with the two-level cluster functions of the GUE, GOE and
    // GSE at unit density (Mehta, Random Matrices, 3rd ed. 2004, chapters 6–8 and §16.1; s(r) =
    // sin πr/(πr), Ds = s′, Is(r) = ∫₀^r s): Y₂ = s(u)² (β = 2), s(u)² − Ds(u)(Is(u) − ½) (β = 1),
    // s(2u)² − Ds(2u)·Is(2u) (β = 4). An independent route: the counting laws come from the
    // even/odd Bessel–Hankel eigenvalues and Mehta's interrelations, not from Y₂.
    const { nodes, weights } = gaussLegendre(64);
    const sinc = (u: number) => (u === 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u));
    const dsinc = (u: number) =>
      u === 0
        ? 0
        : (Math.PI * u * Math.cos(Math.PI * u) - Math.sin(Math.PI * u)) / (Math.PI * u * u);
    const isinc = (u: number) => {
      let t = 0;
      for (let k = 0; k < nodes.length; k++)
        t += ((u * weights[k]) / 2) * sinc((u * (nodes[k] + 1)) / 2);
      return t;
    };
    const cluster = (beta: 1 | 2 | 4, u: number) =>
      beta === 2
        ? sinc(u) ** 2
        : beta === 1
          ? sinc(u) ** 2 - dsinc(u) * (isinc(u) - 0.5)
          : sinc(2 * u) ** 2 - dsinc(2 * u) * isinc(2 * u);
    for (const beta of [1, 2, 4] as const) {
      for (const s of [0.5, 1, 2.5, 5]) {
        let integral = 0;
        for (let k = 0; k < nodes.length; k++) {
          const u = (s * (nodes[k] + 1)) / 2;
          integral += ((s * weights[k]) / 2) * (s - u) * cluster(beta, u);
        }
        const variance = s - 2 * integral;
        const got = sineCountingLaw(beta, s).variance;
        assert.ok(Math.abs(got - variance) < 1e-13, `β=${beta} s=${s}: ${got} vs ${variance}`);
      }
    }
  });

  it("relate β = 4 to every other point of β = 1 and refuse bad arguments", () => {
    const e1 = sineCountingLaw(1, 2);
    const e4 = sineCountingLaw(4, 1);
    assert.ok(Math.abs(e4.pmf(1) - (e1.pmf(2) + 0.5 * (e1.pmf(1) + e1.pmf(3)))) < 1e-15);
    assert.equal(e4.pmf(-1), 0);
    assert.ok(Number.isNaN(e4.pmf(0.5)));
    assert.throws(() => sineCountingLaw(2, -1), RangeError);
    assert.throws(() => sineCountingLaw(3 as 2, 1), RangeError);
  });
});
