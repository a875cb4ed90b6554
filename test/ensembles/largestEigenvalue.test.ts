/**
 * largestEigenvalueOf(spec, rng, N, β, {method, rescaled}): the one entry for λ_max of a sample.
 * The truncated method equals the full model's λ_max (same draws) to 1e−12 of the TW scale; auto
 * picks truncated exactly when it draws fewer rows; rescaled = edgeScaling's map; the limit and
 * truncated methods refuse ensembles they do not cover.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { truncationSize } from "../../src/ensembles/edge.js";
import { autoMethod, largestEigenvalueOf } from "../../src/ensembles/largestEigenvalue.js";
import type { EnsembleSpec } from "../../src/ensembles/models.js";
import { createRandomSource } from "../../src/random/philox.js";
import { edgeScaling } from "../../src/theory/edgeScaling.js";

describe("largestEigenvalueOf", () => {
  const specs: EnsembleSpec[] = [
    { ensemble: "hermite", params: { loc: 0.5, scale: 2 } },
    { ensemble: "laguerre", params: { shape: 3, scale: 0.5 } },
  ];
  it("truncated = full to 1e-12 of the TW scale (same random stream); auto picks truncated", () => {
    const n = 20000;
    for (const spec of specs) {
      assert.ok(truncationSize(n, 2) < n);
      assert.equal(autoMethod(spec, n, 2), "truncated");
      const scale = edgeScaling(spec.ensemble as "hermite", n, 2, spec.params).scale;
      for (let s = 0; s < 3; s++) {
        const full = largestEigenvalueOf(spec, createRandomSource(7, s), n, 2, { method: "full" });
        const cut = largestEigenvalueOf(spec, createRandomSource(7, s), n, 2, {
          method: "truncated",
        });
        const auto = largestEigenvalueOf(spec, createRandomSource(7, s), n, 2);
        assert.ok(
          Math.abs(full - cut) <= 1e-12 * scale + 1e-15 * Math.abs(full),
          `${full} vs ${cut}`,
        );
        assert.equal(auto, cut);
        const rescaled = largestEigenvalueOf(spec, createRandomSource(7, s), n, 2, {
          rescaled: true,
        });
        const edge = edgeScaling(spec.ensemble as "hermite", n, 2, spec.params);
        assert.ok(
          Math.abs(rescaled - edge.rescale(cut)) < 1e-6,
          `${rescaled} vs ${edge.rescale(cut)}`,
        );
      }
    }
  });
  it("small N: auto = full; jacobi: full only", () => {
    assert.equal(autoMethod(specs[0], 10, 2), "full");
    const jacobi: EnsembleSpec = { ensemble: "jacobi", params: { a: 1, b: 2 } };
    assert.equal(autoMethod(jacobi, 1e6, 2), "full");
    assert.throws(
      () => largestEigenvalueOf(jacobi, createRandomSource(1, 0), 10, 2, { method: "limit" }),
      /hermite and laguerre/,
    );
    assert.throws(
      () => largestEigenvalueOf(jacobi, createRandomSource(1, 0), 10, 2, { method: "truncated" }),
      /hermite and laguerre/,
    );
  });
  it("limit: a TW_β draw on the λ scale (β ∈ {1, 2, 4}, N large)", () => {
    const spec = specs[0];
    const x = largestEigenvalueOf(spec, createRandomSource(3, 0), 1e12, 2, { method: "limit" });
    const y = largestEigenvalueOf(spec, createRandomSource(3, 0), 1e12, 2, {
      method: "limit",
      rescaled: true,
    });
    const edge = edgeScaling("hermite", 1e12, 2, spec.params);
    assert.ok(Math.abs(edge.rescale(x) - y) < 1e-6);
    assert.throws(
      () => largestEigenvalueOf(spec, createRandomSource(3, 0), 1e12, 2.5, { method: "limit" }),
      /beta in \{1, 2, 4\}/,
    );
  });
});
