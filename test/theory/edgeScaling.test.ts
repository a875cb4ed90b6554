import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hermiteTridiagonal } from "../../src/ensembles/hermite.js";
import { jacobiParamsFromManova, jacobiTridiagonal } from "../../src/ensembles/jacobi.js";
import { laguerreParamsFromWishart, laguerreTridiagonal } from "../../src/ensembles/laguerre.js";
import { createRandomSource } from "../../src/random/philox.js";
import type { RandomSource } from "../../src/random/source.js";
import { edgeScaling } from "../../src/theory/edgeScaling.js";
import { tracyWidomCdf } from "../../src/theory/tracyWidom.js";
import { wachterSupport } from "../../src/theory/wachter.js";
import { largestEigenvalue } from "../../src/tridiagonal/bisection.js";
import type { SymmetricTridiagonal } from "../../src/tridiagonal/types.js";
import { assertKs, assertKsRejects } from "../helpers/assertStats.js";

function close(a: number, b: number, tolerance = 1e-13) {
  assert.ok(Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
}

describe("edgeScaling: formulas", () => {
  it("hermite: centre μ + σ√(2βN′), scale σ√(β/2)N^{−1/6}, N′ = N + ½ − 1/β (docs/conventions.md)", () => {
    const g = edgeScaling("hermite", 100, 2, {});
    close(g.center, 20);
    close(g.scale, 100 ** (-1 / 6));
    const h = edgeScaling("hermite", 100, 1, { loc: 1, scale: 2 });
    close(h.center, 1 + 2 * Math.sqrt(2 * 99.5));
    close(h.scale, 2 * Math.sqrt(0.5) * 100 ** (-1 / 6));
    close(h.rescale(h.center + 3 * h.scale), 3);
    close(edgeScaling("hermite", 100, 4).center, Math.sqrt(8 * 100.25));
  });

  it("laguerre β = 1 is Johnstone (2001): (√(M−½) + √(N−½))², (…)(1/√(M−½) + 1/√(N−½))^{1/3}", () => {
    const n = 50;
    const m = 80;
    const e = edgeScaling("laguerre", n, 1, { m });
    const a = Math.sqrt(m - 0.5);
    const b = Math.sqrt(n - 0.5);
    close(e.center, (a + b) ** 2);
    close(e.scale, (a + b) * Math.cbrt(1 / a + 1 / b));
    // The same law given as {shape, scale} (docs/conventions.md: k = β(M−N+1)/2, θ = 2), any β.
    for (const beta of [1, 2, 4]) {
      const x = edgeScaling("laguerre", n, beta, { m });
      const y = edgeScaling("laguerre", n, beta, laguerreParamsFromWishart(n, m, beta));
      close(x.center, y.center);
      close(x.scale, y.scale);
    }
    // β = 2 with θ = 2: twice Johansson's (√M + √N)² (complex Wishart with E|X|² = 2).
    close(edgeScaling("laguerre", n, 2, { m }).center, 2 * (Math.sqrt(m) + Math.sqrt(n)) ** 2);
  });

  it("jacobi: Johnstone (2008) logit centring, whose limit is the Wachter upper edge", () => {
    // β = 1, p = N = 20, n = M₁ = 30, m = M₂ = 50: the formulas of Johnstone (2008), Theorem 1.
    const e = edgeScaling("jacobi", 20, 1, { m1: 30, m2: 50 });
    const gamma = 2 * Math.asin(Math.sqrt(19.5 / 79));
    const phi = 2 * Math.asin(Math.sqrt(29.5 / 79));
    const mu = 2 * Math.log(Math.tan((phi + gamma) / 2));
    const sigma = Math.cbrt(
      16 / (79 * 79 * Math.sin(phi + gamma) ** 2 * Math.sin(phi) * Math.sin(gamma)),
    );
    const x = 0.8;
    close(e.rescale(x), (Math.log(x / (1 - x)) - mu) / sigma);
    close(e.center, 1 / (1 + Math.exp(-mu)));
    // Large N: the centre tends to the upper edge of Wachter(M₁/N, M₂/N) (limits.ts / docs/theory.md §2.7).
    for (const beta of [1, 2, 4]) {
      const big = edgeScaling("jacobi", 100000, beta, { m1: 200000, m2: 300000 });
      assert.ok(Math.abs(big.center - wachterSupport(2, 3)[1]) < 1e-4);
    }
  });

  it("rejects bad input and hard upper edges", () => {
    assert.throws(() => edgeScaling("hermite", 1, 2), RangeError);
    assert.throws(() => edgeScaling("hermite", 10, 0), RangeError);
    assert.throws(() => edgeScaling("hermite", 10, 2, { shape: 1 }), RangeError);
    assert.throws(() => edgeScaling("circular" as "hermite", 10, 2), RangeError);
    assert.throws(() => edgeScaling("laguerre", 10, 2, { m: 5 }), RangeError);
    assert.throws(() => edgeScaling("laguerre", 10, 2, { m: 20, shape: 3 }), RangeError);
    assert.throws(() => edgeScaling("jacobi", 10, 2, { m1: 20 }), RangeError);
    // b = 0.1 at β = 2: M₂ = 2b/β + N − 1 < N, the eigenvalues pile up at the hard edge 1.
    assert.throws(() => edgeScaling("jacobi", 10, 2, { a: 5, b: 0.1 }), RangeError);
  });
});

/**
 * λ_max of `count` independent samples (sample i of seed `seed`), rescaled to the TW scale.
 */
function rescaledMaxima(
  count: number,
  seed: number,
  draw: (rng: RandomSource) => SymmetricTridiagonal,
  rescale: (x: number) => number,
): Float64Array {
  const xs = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const t = draw(createRandomSource(seed, i));
    xs[i] = rescale(largestEigenvalue(t.diagonal, t.offDiagonalSquared));
  }
  return xs;
}

describe("edgeScaling: rescaled λ_max of the tridiagonal models against TW_β (KS)", () => {
  // 1200 samples per case; KS p-value threshold 1e−6 (false-alarm rate 1e−6 per assertion).
  // The finite-N error of the Tracy–Widom approximation, O(N^{−2/3}) ≈ 0.01 at N = 1000 with
  // the N′ centring, is far below the KS resolution (D ≈ 0.08 at p = 1e−6). For β = 4 the same
  // draws must be rejected against F₄^TW, the other convention (the β = 4 trap of docs/conventions.md).
  const samples = 1200;
  for (const beta of [1, 2, 4] as const) {
    it(`hermite (μ = 1, σ = 2), N = 1000, β = ${beta}`, () => {
      const n = 1000;
      const params = { loc: 1, scale: 2 };
      const e = edgeScaling("hermite", n, beta, params);
      const xs = rescaledMaxima(
        samples,
        101 + beta,
        (r) => hermiteTridiagonal(r, n, beta, params),
        e.rescale,
      );
      assertKs(xs, (x) => tracyWidomCdf(x, beta), `hermite β = ${beta}`);
      if (beta === 4)
        assertKsRejects(xs, (x) => tracyWidomCdf(x, 4, "tw"), "hermite β = 4 vs F₄^TW");
    });

    it(`laguerre (Wishart M = 2N), N = 1000, β = ${beta}`, () => {
      const n = 1000;
      const e = edgeScaling("laguerre", n, beta, { m: 2 * n });
      const params = laguerreParamsFromWishart(n, 2 * n, beta);
      const xs = rescaledMaxima(
        samples,
        201 + beta,
        (r) => laguerreTridiagonal(r, n, beta, params),
        e.rescale,
      );
      assertKs(xs, (x) => tracyWidomCdf(x, beta), `laguerre β = ${beta}`);
      if (beta === 4)
        assertKsRejects(xs, (x) => tracyWidomCdf(x, 4, "tw"), "laguerre β = 4 vs F₄^TW");
    });

    it(`jacobi (MANOVA M₁ = 2N, M₂ = 3N), N = 400, β = ${beta}`, () => {
      const n = 400;
      const e = edgeScaling("jacobi", n, beta, { m1: 2 * n, m2: 3 * n });
      const params = jacobiParamsFromManova(n, 2 * n, 3 * n, beta);
      const xs = rescaledMaxima(
        samples,
        301 + beta,
        (r) => jacobiTridiagonal(r, n, beta, params),
        e.rescale,
      );
      assertKs(xs, (x) => tracyWidomCdf(x, beta), `jacobi β = ${beta}`);
      if (beta === 4)
        assertKsRejects(xs, (x) => tracyWidomCdf(x, 4, "tw"), "jacobi β = 4 vs F₄^TW");
    });
  }

  it("laguerre given by {shape, scale} (k = 3, θ = 0.5, so M ≈ N), N = 1000, β = 2", () => {
    const n = 1000;
    const params = { shape: 3, scale: 0.5 };
    const e = edgeScaling("laguerre", n, 2, params);
    const xs = rescaledMaxima(samples, 401, (r) => laguerreTridiagonal(r, n, 2, params), e.rescale);
    assertKs(xs, (x) => tracyWidomCdf(x, 2), "laguerre {shape, scale}");
  });
});
