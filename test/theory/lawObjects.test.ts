/**
 * The distribution objects (issue 15, part 4): tracyWidom(β) of tracyWidomLaw.ts and the other laws
 * of laws.ts, against exact references:
 * - TW₁, TW₂, TW₄ means and variances: the values of Prähofer–Spohn / Bornemann (Math. Comp. 79
 *   (2010), Table 10), 13 digits; the β-ensemble TW₄ is the TW-convention law scaled by 2^{−1/6}.
 * - λ_max of the 2-point GUE (density ∝ (x − y)²e^{−(x²+y²)/2}): with u = (x + y)/√2 ~ N(0, 1) and
 *   |v| = |x − y|/√2 ~ χ₃, λ_max = (u + |v|)/√2, so E = 2/√π, Var = 2 − 4/π, and
 *   P(λ_max ≤ t) = Φ(t)² − tφ(t)Φ(t) − φ(t)² (integrating (x − y)²φ(x)φ(y)/2 over x, y ≤ t).
 *   N = 1: λ_max ~ N(0, 1).
 * - The equilibrium measure of V = x²/2 is the semicircle on [−2, 2]; Wachter's mean is a/(a + b).
 * - The object's methods are the library's functions (same numbers), vectorised over Float64Array,
 *   NaN for invalid input, RangeError for invalid parameters, the objects cached per (β, convention),
 *   sample() reproducible and distributed by the law (KS), and the Jupyter MIME bundle an SVG.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as api from "../../src/index.js";
import { createRandomSource } from "../../src/random/philox.js";
import { normalCdf } from "../../src/special/erf.js";
import { JUPYTER_DISPLAY } from "../../src/theory/distribution.js";
import {
  equilibriumLaw,
  gueLargestEigenvalue,
  marchenkoPastur,
  semicircle,
  wachter,
} from "../../src/theory/laws.js";
import {
  tracyWidomCdf,
  tracyWidomIsf,
  tracyWidomLogSf,
  tracyWidomPdf,
} from "../../src/theory/tracyWidom.js";
import { tracyWidom } from "../../src/theory/tracyWidomLaw.js";
import { assertKs } from "../helpers/assertStats.js";

const close = (got: number, want: number, tol: number, what: string) =>
  assert.ok(Math.abs(got - want) <= tol, `${what}: ${got} vs ${want} (diff ${got - want})`);

describe("tracyWidom(β) distribution objects", () => {
  // Bornemann (2010) (E, Var of F₁, F₂, F₄ in Tracy–Widom's convention).
  const reference = [
    { beta: 1, convention: "beta", mean: -1.206533574582, variance: 1.607781034581 },
    { beta: 2, convention: "beta", mean: -1.7710868074116, variance: 0.8131947928329 },
    { beta: 4, convention: "tw", mean: -2.306884893241, variance: 0.5177237207726 },
    {
      beta: 4,
      convention: "beta",
      mean: -2.306884893241 / 2 ** (1 / 6),
      variance: 0.5177237207726 / 2 ** (1 / 3),
    },
  ] as const;
  for (const r of reference) {
    it(`TW_${r.beta} (${r.convention}): mean and variance to 1e−12 of Bornemann's table`, () => {
      const law = tracyWidom(r.beta, { convention: r.convention });
      close(law.mean, r.mean, 1e-12, "mean");
      close(law.variance, r.variance, 1e-12, "variance");
    });
  }

  it("methods are the library's functions, vectorised; NaN for invalid input", () => {
    const law = tracyWidom(2);
    const xs = new Float64Array([-6, -2, 0, 3, 10]);
    const cdf = law.cdf(xs);
    assert.ok(cdf instanceof Float64Array && cdf.length === xs.length);
    for (let i = 0; i < xs.length; i++) {
      assert.equal(cdf[i], tracyWidomCdf(xs[i], 2));
      assert.equal(law.pdf(xs[i]), tracyWidomPdf(xs[i], 2));
      assert.equal(law.logsf(xs[i]), tracyWidomLogSf(xs[i], 2));
    }
    assert.equal(law.isf(1e-50), tracyWidomIsf(1e-50, 2));
    for (const f of [law.cdf, law.pdf, law.logcdf, law.sf, law.logsf, law.logpdf])
      assert.ok(Number.isNaN(f(Number.NaN)));
    for (const p of [-0.1, 1.5, Number.NaN]) {
      assert.ok(Number.isNaN(law.quantile(p)) && Number.isNaN(law.isf(p)), `p = ${p}`);
    }
    const general = tracyWidom(3.3);
    assert.ok(Number.isNaN(general.cdf(Number.NaN)) && Number.isNaN(general.quantile(2)));
    const ps = general.quantile(new Float64Array([1e-20, 0.5, 0.999]));
    assert.ok(ps instanceof Float64Array);
    for (const [i, p] of [1e-20, 0.5, 0.999].entries())
      close(general.cdf(ps[i]) / p, 1, 1e-9, `TW_3.3 quantile(${p})`);
  });

  it("objects are cached per (β, convention): the set-up of a general β runs once", () => {
    assert.equal(tracyWidom(3.3), tracyWidom(3.3));
    assert.equal(tracyWidom(4, { convention: "tw" }), tracyWidom(4, { convention: "tw" }));
    assert.notEqual(tracyWidom(4), tracyWidom(4, { convention: "tw" }));
  });

  it('is the public API: import { tracyWidom, semicircle, … } from "betaens"', () => {
    assert.equal(api.tracyWidom, tracyWidom);
    assert.equal(api.gueLargestEigenvalue, gueLargestEigenvalue);
    assert.equal(api.semicircle, semicircle);
    assert.equal(api.marchenkoPastur, marchenkoPastur);
    assert.equal(api.wachter, wachter);
    assert.equal(api.equilibriumLaw, equilibriumLaw);
    assert.equal(api.JUPYTER_DISPLAY, JUPYTER_DISPLAY);
    assert.equal(typeof api.tracyWidomBetaLaw, "function");
  });

  it("rejects invalid β and conventions with RangeError", () => {
    for (const beta of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      assert.throws(() => tracyWidom(beta), RangeError);
    assert.throws(() => tracyWidom(3.3, { convention: "tw" }), RangeError);
    assert.throws(() => tracyWidom(2, { convention: "x" as unknown as "tw" }), RangeError);
  });

  it("sample(rng, n) is reproducible and distributed by the law (KS, β = 1 and 3.3)", () => {
    for (const beta of [1, 3.3]) {
      const law = tracyWidom(beta);
      const a = law.sample(createRandomSource(9, 0), 3000);
      assert.deepEqual(a, law.sample(createRandomSource(9, 0), 3000));
      assertKs(a, (x) => law.cdf(x), `tracyWidom(${beta}).sample`);
    }
  });

  it("renders itself for Deno's Jupyter kernel: an SVG and the name", () => {
    const law = tracyWidom(1);
    const bundle = law[JUPYTER_DISPLAY]();
    assert.equal(JUPYTER_DISPLAY, Symbol.for("Jupyter.display"));
    assert.match(bundle["image/svg+xml"], /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(bundle["image/svg+xml"], /<\/svg>\s*$/);
    assert.match(bundle["text/plain"], /TW_1/);
  });
});

describe("the other laws as distribution objects (laws.ts)", () => {
  it("λ_max of GUE(N = 2): mean 2/√π, variance 2 − 4/π, CDF Φ² − tφΦ − φ² (exact)", () => {
    const law = gueLargestEigenvalue(2);
    close(law.mean, 2 / Math.sqrt(Math.PI), 1e-11, "mean");
    close(law.variance, 2 - 4 / Math.PI, 1e-11, "variance");
    for (const t of [-1.5, -0.3, 0, 0.7, 1.1, 2, 3.5]) {
      const Phi = normalCdf(t);
      const phi = Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
      close(law.cdf(t), Phi * Phi - t * phi * Phi - phi * phi, 1e-12, `F(${t})`);
    }
    const q = law.quantile(0.3);
    close(law.cdf(q), 0.3, 1e-13, "quantile(0.3)");
  });

  it("λ_max of GUE(N = 1) is N(0, 1)", () => {
    const law = gueLargestEigenvalue(1);
    for (const t of [-2, -0.5, 0.5, 1.7]) close(law.cdf(t), normalCdf(t), 1e-12, `Φ(${t})`);
    close(law.mean, 0, 1e-11, "mean");
    close(law.variance, 1, 1e-11, "variance");
  });

  it("the equilibrium measure of V = x²/2 is the semicircle on [−2, 2]", () => {
    const mu = equilibriumLaw([0, 0, 0.5]);
    const sc = semicircle();
    assert.deepEqual([...mu.support], [-2, 2]);
    for (const x of [-1.9, -1, 0, 0.4, 1.5]) {
      close(mu.cdf(x), sc.cdf(x), 1e-13, `F(${x})`);
      close(mu.pdf(x), sc.pdf(x), 1e-13, `ρ(${x})`);
    }
    close(mu.mean, 0, 1e-13, "mean");
    close(mu.variance, 1, 1e-12, "variance");
    // F(1) = 2/3 + √3/(4π) for the semicircle on [−2, 2].
    close(sc.cdf(1), 2 / 3 + Math.sqrt(3) / (4 * Math.PI), 1e-15, "semicircle F(1)");
    close(sc.quantile(0.5), 0, 1e-15, "semicircle median");
  });

  it("Wachter's mean is a/(a + b); Marchenko–Pastur's quantile inverts its CDF", () => {
    for (const [a, b] of [
      [2, 3],
      [1, 1],
      [5, 1.5],
    ]) {
      close(wachter(a, b).mean, a / (a + b), 1e-13, `Wachter(${a}, ${b}) mean`);
    }
    const mp = marchenkoPastur(0.3);
    for (const p of [0.01, 0.5, 0.99]) close(mp.cdf(mp.quantile(p)), p, 1e-13, `MP quantile(${p})`);
    assert.throws(() => marchenkoPastur(1.5), RangeError);
    assert.throws(() => wachter(0.5, 2), RangeError);
  });
});
