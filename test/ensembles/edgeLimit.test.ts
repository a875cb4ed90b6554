/**
 * The Tracy–Widom limit model for λ_max of the Hermite and Laguerre ensembles at huge N
 * (src/ensembles/edgeLimit.ts).
 *
 * 1. It is exactly center + scale·F_β⁻¹(U) with the sample's first uniform (identity with
 *    tracyWidomSample on the same stream) and refuses β ∉ {1, 2, 4} and sizes where its error
 *    bound exceeds the tolerance.
 * 2. The error bound d(N) ≤ C·N^(−2/3) holds where we can measure d(N): for β = 1, 2, 4 by
 *    simulating the exact tridiagonal model at N = 10 and 30 (the KS distance minus its
 *    p = 1e−6 critical value must stay below the bound); for β = 2 exactly, from the finite-N
 *    GUE Fredholm determinant (N = 2 … 1e4), where the bound must also be tight within 10×.
 * 3. At the smallest admitted size the limit model and the exact truncated model agree in law
 *    (two-sample KS, β = 1, 2, 4).
 * 4. The same for Laguerre (envelope 1.0·N^(−2/3)): identity, refusals, simulated distances at
 *    N = 10, 30 for M ≈ N (small shape, the worst case measured) and M = 100N, and the two-sample
 *    check at N = 1e9 (β = 1, 4).
 * 4b. Hermite β = 2 draws from the order-2 corrected GUE law (envelope 0.06·N^(−2)): the bound
 *    covers, and is within 15× of, the exact distance from the finite-N GUE Fredholm determinant
 *    (N = 2, 5, 245); admitted from N = 245 at 1e−6. β = 1, 4 likewise against the exact GOE and GSE
 *    Pfaffians (envelopes 0.05, 0.14·N^(−2); N = 2, 5 and the smallest admitted 224, 375).
 * 4c. Laguerre β = 1, 4 draw from the order-2 corrected laws (envelopes 0.12, 0.27·h³): the bounds cover
 *    the exact distances from the finite-N LOE and LSE Pfaffians (N = 2, 15, 30 at small shapes, within
 *    15×; N = 100 at M = 4N); admitted sizes 1387, 2079 (M ≈ N), 347, 520 (M → ∞).
 * 5. Laguerre β = 2 draws from the order-2 corrected LUE law (envelope 0.18·h³, h = (1/√M + 1/√N)^{4/3}):
 *    the bound covers the exact distance from the finite-N LUE Fredholm determinant (N = 2, 5, 15,
 *    100 at M ≈ N, within 15× there; N = 100, M = 9N); admitted sizes (1698 at M ≈ N, 425 as
 *    M → ∞); two-sample check at the smallest admitted N.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  hermiteRescaledLargestEigenvalueTruncated,
  laguerreRescaledLargestEigenvalueTruncated,
} from "../../src/ensembles/edge.js";
import {
  checkEdgeLimit,
  EDGE_LIMIT_TOLERANCE,
  edgeLimitDistanceBound,
  edgeLimitMinimumSize,
  hermiteLargestEigenvalueLimit,
  hermiteRescaledLargestEigenvalueLimit,
  laguerreLargestEigenvalueLimit,
  laguerreRescaledLargestEigenvalueLimit,
} from "../../src/ensembles/edgeLimit.js";
import { createRandomSource } from "../../src/random/philox.js";
import { ksStatistic } from "../../src/statistics/ks.js";
import { edgeScaling } from "../../src/theory/edgeScaling.js";
import { goeLargestEigenvalueCdf } from "../../src/theory/goeLargestEigenvalueCdf.js";
import { gseLargestEigenvalueCdf } from "../../src/theory/gseLargestEigenvalueCdf.js";
import { gueLargestEigenvalueCdf } from "../../src/theory/hermiteLargestEigenvalueCdf.js";
import { lueEdge, lueLargestEigenvalueCdf } from "../../src/theory/laguerreLargestEigenvalueCdf.js";
import { loeLargestEigenvalueCdf } from "../../src/theory/loeLargestEigenvalueCdf.js";
import { lseLargestEigenvalueCdf } from "../../src/theory/lseLargestEigenvalueCdf.js";
import { softEdgeLaw } from "../../src/theory/softEdgeLaw.js";
import { tracyWidomCdf, tracyWidomSample } from "../../src/theory/tracyWidom.js";
import { assertSameLaw } from "../helpers/assertStats.js";

/** KS distance D with P(D > c) ≈ 1e−6 for m samples: √(−ln(5e−7)/2)/√m (Kolmogorov tail 2e^{−2mc²}). */
function ksCritical(m: number): number {
  return Math.sqrt(-Math.log(5e-7) / 2) / Math.sqrt(m);
}

describe("hermiteLargestEigenvalueLimit", () => {
  it("is center + scale·F_β⁻¹(U) with the stream's first uniform", () => {
    for (const beta of [1, 2, 4] as const) {
      for (const n of [1e9, 1e12, 2 ** 51]) {
        const params = { loc: 0.5, scale: 2 };
        const { center, scale } = edgeScaling("hermite", n, beta, params);
        for (let s = 0; s < 5; s++) {
          const tw = tracyWidomSample(createRandomSource(7, s), beta);
          const rescaled = hermiteRescaledLargestEigenvalueLimit(
            createRandomSource(7, s),
            n,
            beta,
            params,
          );
          // The model draws from the corrected law F_β + hE + h²E₂ (softEdgeLaw), ≈ 1e−8 away at these N.
          assert.ok(Math.abs(rescaled - tw) < 1e-6 * Math.max(1, n ** (-2 / 3) * 1e6));
          const x = hermiteLargestEigenvalueLimit(createRandomSource(7, s), n, beta, params);
          assert.equal(x, center + scale * rescaled);
        }
      }
    }
  });

  it("refuses β outside {1, 2, 4}, small N and bad sizes with a clear RangeError", () => {
    const rng = createRandomSource(1);
    for (const beta of [0.5, 3, 3.3, 0, -1, Number.NaN]) {
      assert.throws(() => hermiteLargestEigenvalueLimit(rng, 1e12, beta), /beta in \{1, 2, 4\}/);
    }
    assert.throws(() => hermiteLargestEigenvalueLimit(rng, 200, 2), /exact tridiagonal model/);
    // β = 2 uses the order-2 corrected law, bound 0.06·N^(−2): admitted from N = 245 on.
    assert.equal(edgeLimitMinimumSize(EDGE_LIMIT_TOLERANCE, "hermite", 2), 245);
    assert.doesNotThrow(() => hermiteLargestEigenvalueLimit(rng, 245, 2));
    assert.throws(() => hermiteLargestEigenvalueLimit(rng, 244, 2), /n >= 2\.45e\+2/);
    // β = 1, 4 likewise (bounds 0.05·N^(−2), 0.14·N^(−2)): admitted from N = 224 and 375.
    assert.equal(edgeLimitMinimumSize(EDGE_LIMIT_TOLERANCE, "hermite", 1), 224);
    assert.equal(edgeLimitMinimumSize(EDGE_LIMIT_TOLERANCE, "hermite", 4), 375);
    assert.doesNotThrow(() => hermiteLargestEigenvalueLimit(rng, 224, 1));
    assert.throws(() => hermiteLargestEigenvalueLimit(rng, 223, 1), /n >= 2\.24e\+2/);
    assert.doesNotThrow(() => hermiteLargestEigenvalueLimit(rng, 375, 4));
    assert.throws(() => hermiteLargestEigenvalueLimit(rng, 374, 4), /exact tridiagonal model/);
    assert.throws(() => hermiteLargestEigenvalueLimit(rng, 1e12 + 0.5, 2), /integer/);
    assert.throws(() => hermiteLargestEigenvalueLimit(rng, 2 ** 52, 2), /2\^51/);
    assert.throws(
      () => hermiteLargestEigenvalueLimit(rng, 1e12, 2, { loc: 0, scale: -1 }),
      RangeError,
    );
    // A looser tolerance admits smaller N.
    assert.doesNotThrow(() => hermiteLargestEigenvalueLimit(rng, 1000, 2, undefined, 1e-2));
  });

  it("edgeLimitMinimumSize is the first N whose bound is within the tolerance", () => {
    for (const tol of [1e-2, 1e-4, EDGE_LIMIT_TOLERANCE, 1e-8]) {
      const n = edgeLimitMinimumSize(tol);
      assert.ok(edgeLimitDistanceBound(n) <= tol * (1 + 1e-12), `bound(${n}) <= ${tol}`);
      assert.ok(edgeLimitDistanceBound(n - 1) > tol, `bound(${n - 1}) > ${tol}`);
      // β = 1, 2, 4 use the corrected laws and their own bounds (checked below).
      for (const beta of [1, 2, 4]) {
        const n2 = edgeLimitMinimumSize(tol, "hermite", beta);
        assert.ok(edgeLimitDistanceBound(n2, "hermite", beta) <= tol * (1 + 1e-12));
        assert.doesNotThrow(() => checkEdgeLimit(n2, beta, tol));
        if (n2 > 2) assert.throws(() => checkEdgeLimit(n2 - 1, beta, tol), RangeError);
      }
    }
    // At N = 1e12 the bound is a few 1e−9.
    assert.ok(edgeLimitDistanceBound(1e12) < 1e-8);
  });
});

describe("the bound C·N^(−2/3) against the exact finite-N law", () => {
  for (const n of [10, 30]) {
    it(`covers the simulated KS distance of the exact model at N = ${n} (β = 1, 2, 4)`, () => {
      const m = 100000;
      const bound = edgeLimitDistanceBound(n);
      for (const beta of [1, 2, 4] as const) {
        const x = new Float64Array(m);
        for (let s = 0; s < m; s++) {
          x[s] = hermiteRescaledLargestEigenvalueTruncated(createRandomSource(31, s), n, beta);
        }
        const d = ksStatistic(x, (t) => tracyWidomCdf(t, beta));
        assert.ok(
          d - ksCritical(m) <= bound,
          `β = ${beta}: KS distance ${d} exceeds bound ${bound} + noise ${ksCritical(m)}`,
        );
      }
    });
  }
});

describe("the bound against the exact finite-N GUE law (β = 2, no simulation)", () => {
  it("d(N) = sup_s |F_N(center + scale·s) − F₂(s)| is below the bound and within 10× of it", () => {
    for (const n of [2, 10, 100, 1000, 10000]) {
      const { center, scale } = edgeScaling("hermite", n, 2);
      let d = 0;
      // The supremum sits near s ≈ −2.29 (docs/edge-limit/README.md); scan [−5, 2] finely.
      for (let s = -5; s <= 2; s += 0.01) {
        const diff = Math.abs(gueLargestEigenvalueCdf(center + scale * s, n) - tracyWidomCdf(s, 2));
        if (diff > d) d = diff;
      }
      const bound = edgeLimitDistanceBound(n);
      assert.ok(d <= bound, `N = ${n}: d = ${d} > bound ${bound}`);
      assert.ok(d >= bound / 10, `N = ${n}: d = ${d} < bound/10 = ${bound / 10} (bound too loose)`);
    }
  });
});

describe("hermite β = 2: the order-2 corrected limit model against the exact finite-N GUE law", () => {
  it("the bound 0.06·N^(−2) covers the exact Kolmogorov distance and is within 15× of it", () => {
    for (const n of [2, 5, 245]) {
      const law = softEdgeLaw({ ensemble: "hermite", beta: 2, n });
      const { center, scale } = edgeScaling("hermite", n, 2);
      let d = 0;
      // The supremum sits near s ≈ −3.7 … −4.3 (docs/tracy-widom/second-order.json); scan [−6, 1].
      for (let s = -6; s <= 1; s += 0.005) {
        d = Math.max(d, Math.abs(gueLargestEigenvalueCdf(center + scale * s, n) - law.cdf(s)));
      }
      const bound = edgeLimitDistanceBound(n, "hermite", 2);
      assert.ok(d <= bound, `N = ${n}: d = ${d} > bound ${bound}`);
      assert.ok(d >= bound / 15, `N = ${n}: d = ${d} < bound/15 (bound too loose)`);
    }
  });
});

describe("hermite β = 1, 4: the order-2 corrected limit model against the exact finite-N GOE and GSE laws", () => {
  it("the bounds 0.05·N^(−2) (β = 1) and 0.14·N^(−2) (β = 4) cover the exact distance, within 15× of it", () => {
    for (const [beta, exactCdf, sizes] of [
      [1, goeLargestEigenvalueCdf, [2, 5, 224]],
      [4, gseLargestEigenvalueCdf, [2, 5, 375]],
    ] as const) {
      for (const n of sizes) {
        const law = softEdgeLaw({ ensemble: "hermite", beta, n });
        const { center, scale } = edgeScaling("hermite", n, beta);
        let d = 0;
        // The suprema sit in s ∈ [−5, 1] (docs/edge-limit/pfaffian-corrections-beta*.json).
        for (let s = -6; s <= 1; s += 0.01) {
          d = Math.max(d, Math.abs(exactCdf(center + scale * s, n) - law.cdf(s)));
        }
        const bound = edgeLimitDistanceBound(n, "hermite", beta);
        assert.ok(d <= bound, `β = ${beta}, N = ${n}: d = ${d} > bound ${bound}`);
        assert.ok(d >= bound / 15, `β = ${beta}, N = ${n}: d = ${d} < bound/15 (bound too loose)`);
      }
    }
  });
});

describe("laguerre β = 1, 4: the order-2 corrected limit model against the exact finite-N LOE and LSE laws", () => {
  it("the bounds C₃·h³ (β = 1: 0.12, β = 4: 0.27) cover the exact distance of the implemented law", () => {
    // The worst cases of docs/edge-limit/laguerre-pfaffian-corrections-beta*.json (sweep of shapes at
    // N = 2 … 20; M ≈ N) and larger N; θ = 2 (Wishart), the exact laws take θ = 1. Within 15× at the
    // worst cases (M ≈ N, N ≤ 30).
    for (const [beta, exactCdf, cases] of [
      [
        1,
        loeLargestEigenvalueCdf,
        [
          [15, 0.158, true],
          [2, 0.3, true],
          [30, 0.5, true],
          [100, 150.5, false],
        ],
      ],
      [
        4,
        lseLargestEigenvalueCdf,
        [
          [2, 0.001, true],
          [15, 0.158, true],
          [30, 2, true],
          [100, 602, false],
        ],
      ],
    ] as const) {
      for (const [n, shape, tight] of cases) {
        const m = (2 * shape) / beta + n - 1;
        const law = softEdgeLaw({ ensemble: "laguerre", beta, n, m });
        const { center, scale } = edgeScaling("laguerre", n, beta, { shape, scale: 2 });
        let d = 0;
        for (let s = -7; s <= 3; s += 0.01) {
          d = Math.max(d, Math.abs(exactCdf((center + scale * s) / 2, n, shape) - law.cdf(s)));
        }
        const bound = edgeLimitDistanceBound(n, "laguerre", beta, shape);
        assert.ok(d <= bound, `β = ${beta}, N = ${n}, k = ${shape}: d = ${d} > bound ${bound}`);
        if (tight)
          assert.ok(d >= bound / 15, `β = ${beta}, N = ${n}, k = ${shape}: d = ${d} < bound/15`);
      }
    }
  });
});

describe("limit model vs exact truncated model at the smallest admitted N", () => {
  it("two-sample KS agrees for β = 1, 2, 4", () => {
    const n = edgeLimitMinimumSize();
    const m = 800;
    for (const beta of [1, 2, 4] as const) {
      const exact = new Float64Array(m);
      const limit = new Float64Array(4 * m);
      for (let s = 0; s < m; s++) {
        exact[s] = hermiteRescaledLargestEigenvalueTruncated(createRandomSource(41, s), n, beta);
      }
      for (let s = 0; s < 4 * m; s++) {
        limit[s] = hermiteRescaledLargestEigenvalueLimit(createRandomSource(42, s), n, beta);
      }
      assertSameLaw(exact, limit, `limit vs exact, β = ${beta}, N = ${n}`);
    }
  });
});

describe("laguerreLargestEigenvalueLimit", () => {
  it("is center + scale·F_β⁻¹(U) with the stream's first uniform", () => {
    for (const beta of [1, 2, 4] as const) {
      for (const params of [
        { shape: 1, scale: 1 },
        { shape: 0.3, scale: 2.5 },
        { shape: 1e12, scale: 2 },
      ]) {
        const n = 1e12;
        const { center, scale } = edgeScaling("laguerre", n, beta, params);
        for (let s = 0; s < 5; s++) {
          const tw = tracyWidomSample(createRandomSource(8, s), beta);
          const rng = createRandomSource(8, s);
          const rescaled = laguerreRescaledLargestEigenvalueLimit(rng, n, beta, params);
          // The model draws from the corrected laws (softEdgeLaw), h ≤ 2.6e−8 at N = 1e12.
          assert.ok(Math.abs(rescaled - tw) < 1e-6);
          const x = laguerreLargestEigenvalueLimit(createRandomSource(8, s), n, beta, params);
          assert.equal(x, center + scale * rescaled);
        }
      }
    }
  });

  it("refuses β outside {1, 2, 4}, N below the admitted sizes and bad parameters", () => {
    const rng = createRandomSource(1);
    // Without β: the uncorrected envelope 1.0·N^(−2/3). β = 1, 4: the order-1 laws, 0.09·h², 0.18·h²,
    // admitted from 1387, 2079 at M ≈ N (and without a shape), 347, 520 as M → ∞ (order-2 laws, C₃·h³).
    assert.equal(edgeLimitMinimumSize(EDGE_LIMIT_TOLERANCE, "laguerre"), 1e9);
    assert.equal(edgeLimitMinimumSize(EDGE_LIMIT_TOLERANCE, "laguerre", 1), 1387);
    assert.equal(edgeLimitMinimumSize(EDGE_LIMIT_TOLERANCE, "laguerre", 4), 2079);
    assert.equal(edgeLimitMinimumSize(EDGE_LIMIT_TOLERANCE, "laguerre", 1, 1e12), 347);
    assert.equal(edgeLimitMinimumSize(EDGE_LIMIT_TOLERANCE, "laguerre", 4, 1e12), 520);
    assert.throws(() => laguerreLargestEigenvalueLimit(rng, 1e12, 3), /beta in \{1, 2, 4\}/);
    // The default shape 1 (M = 2/β + N − 1) is admitted from its own, slightly smaller, size.
    for (const beta of [1, 4]) {
      const n = edgeLimitMinimumSize(EDGE_LIMIT_TOLERANCE, "laguerre", beta, 1);
      assert.ok(n < edgeLimitMinimumSize(EDGE_LIMIT_TOLERANCE, "laguerre", beta) + 1);
      assert.throws(() => laguerreLargestEigenvalueLimit(rng, n - 1, beta), /laguerre limit model/);
      assert.doesNotThrow(() => laguerreLargestEigenvalueLimit(rng, n, beta));
    }
    assert.throws(
      () => laguerreLargestEigenvalueLimit(rng, 1e12, 2, { shape: 0, scale: 1 }),
      RangeError,
    );
    assert.throws(
      () => laguerreLargestEigenvalueLimit(rng, 1e12, 2, { shape: 1, scale: -1 }),
      RangeError,
    );
    assert.throws(() => edgeLimitDistanceBound(10, "jacobi" as "laguerre"), /hermite and laguerre/);
  });

  for (const n of [10, 30]) {
    it(`the bound covers the simulated KS distance at N = ${n} (M ≈ N and M = 100N; β = 1, 2, 4)`, () => {
      const m = 40000;
      const bound = edgeLimitDistanceBound(n, "laguerre");
      for (const beta of [1, 2, 4] as const) {
        for (const shape of [0.1, (beta * (100 * n - n + 1)) / 2]) {
          const x = new Float64Array(m);
          for (let s = 0; s < m; s++) {
            x[s] = laguerreRescaledLargestEigenvalueTruncated(createRandomSource(33, s), n, beta, {
              shape,
              scale: 1,
            });
          }
          const d = ksStatistic(x, (t) => tracyWidomCdf(t, beta));
          assert.ok(
            d - ksCritical(m) <= bound,
            `β = ${beta}, shape ${shape}: KS distance ${d} exceeds bound ${bound} + noise`,
          );
        }
      }
    });
  }

  it("agrees in law with the exact truncated model at N = 1e9 (two-sample KS, β = 1, 2, 4)", () => {
    const n = 1e9;
    const m = 400;
    for (const beta of [1, 2, 4] as const) {
      const params = { shape: 1, scale: 1 };
      const exact = new Float64Array(m);
      const limit = new Float64Array(4 * m);
      for (let s = 0; s < m; s++) {
        exact[s] = laguerreRescaledLargestEigenvalueTruncated(
          createRandomSource(43, s),
          n,
          beta,
          params,
        );
      }
      for (let s = 0; s < 4 * m; s++) {
        limit[s] = laguerreRescaledLargestEigenvalueLimit(
          createRandomSource(44, s),
          n,
          beta,
          params,
        );
      }
      assertSameLaw(exact, limit, `laguerre limit vs exact, β = ${beta}, N = ${n}`);
    }
  });
});

describe("laguerre β = 2: the corrected limit model against the exact finite-N LUE law", () => {
  it("the bound 0.18·h³ covers the exact Kolmogorov distance (within 15× of it at M ≈ N)", () => {
    // Measured d/h³ (docs/edge-limit/lue-second-order.json, lawTable): 0.0244 (N = 2, M = 1.01),
    // 0.0580 (N = M = 5), 0.0795 (N = M = 15; the largest, 0.0811, at N = 17, M = 16.5), 0.0148 (N = M = 100), 0.0037 (M = 9N).
    for (const [n, a, tight] of [
      [2, -0.99, true],
      [5, 0, true],
      [15, 0, true],
      [100, 0, true],
      [100, 800, false],
    ] as const) {
      const m = n + a;
      const law = softEdgeLaw({ ensemble: "laguerre", beta: 2, n, m });
      const { center, scale } = lueEdge(n, a);
      let d = 0;
      // The supremum sits near s ≈ −2.0 … −4.5 (lue-second-order.json); scan [−7, 1].
      for (let s = -7; s <= 1; s += 0.01) {
        d = Math.max(d, Math.abs(lueLargestEigenvalueCdf(center + scale * s, n, a) - law.cdf(s)));
      }
      const bound = edgeLimitDistanceBound(n, "laguerre", 2, a + 1);
      assert.ok(d <= bound, `N = ${n}, M = ${m}: d = ${d} > bound ${bound}`);
      if (tight) assert.ok(d >= bound / 15, `N = ${n}, M = ${m}: d = ${d} < bound/15 (too loose)`);
    }
  });

  it("admits N from 1698 (M ≈ N, also without the shape) down to 425 as M → ∞", () => {
    const rng = createRandomSource(1);
    assert.equal(edgeLimitMinimumSize(EDGE_LIMIT_TOLERANCE, "laguerre", 2), 1698);
    assert.equal(edgeLimitMinimumSize(EDGE_LIMIT_TOLERANCE, "laguerre", 2, 1), 1698);
    assert.equal(edgeLimitMinimumSize(EDGE_LIMIT_TOLERANCE, "laguerre", 2, 1e15), 425);
    assert.equal(edgeLimitMinimumSize(EDGE_LIMIT_TOLERANCE, "laguerre", 2, 1e300), 425);
    assert.doesNotThrow(() => laguerreLargestEigenvalueLimit(rng, 1698, 2));
    assert.throws(() => laguerreLargestEigenvalueLimit(rng, 1697, 2), /n >= 1\.70e\+3/);
    assert.doesNotThrow(() =>
      laguerreLargestEigenvalueLimit(rng, 500, 2, { shape: 1e9, scale: 1 }),
    );
    assert.throws(() => checkEdgeLimit(1000, 2, undefined, "laguerre", 1), /laguerre limit model/);
    for (const tol of [1e-3, 1e-5, 1e-7]) {
      for (const shape of [undefined, 0.5, 30, 1e6]) {
        const n = edgeLimitMinimumSize(tol, "laguerre", 2, shape);
        assert.ok(edgeLimitDistanceBound(n, "laguerre", 2, shape) <= tol * (1 + 1e-12));
        if (n > 2) assert.ok(edgeLimitDistanceBound(n - 1, "laguerre", 2, shape) > tol);
      }
    }
  });

  it("agrees in law with the exact truncated model at N = 1698 (two-sample KS)", () => {
    const n = edgeLimitMinimumSize(EDGE_LIMIT_TOLERANCE, "laguerre", 2, 1);
    const m = 800;
    const params = { shape: 1, scale: 1 };
    const exact = new Float64Array(m);
    const limit = new Float64Array(4 * m);
    for (let s = 0; s < m; s++) {
      exact[s] = laguerreRescaledLargestEigenvalueTruncated(
        createRandomSource(45, s),
        n,
        2,
        params,
      );
    }
    for (let s = 0; s < 4 * m; s++) {
      limit[s] = laguerreRescaledLargestEigenvalueLimit(createRandomSource(46, s), n, 2, params);
    }
    assertSameLaw(exact, limit, `laguerre limit vs exact, β = 2, N = ${n}`);
  });
});
