/**
 * The Wishart/MANOVA conversions written once (src/spec/params.ts): k = β(M − N + 1)/2 against
 * hand-computed values (Dumitriu–Edelman 2002; docs/conventions.md), the library's wrappers and
 * limitLaw give the same numbers, the CLI (buildSpec) and the explorer (readDimensions) build the
 * same job from the same dimensions, and bad dimensions stay one-line usage errors (exit 2).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSampleArgs } from "../../src/cli/sample.js";
import { fixedTraceParamsFromDimensions } from "../../src/ensembles/fixedTrace.js";
import { jacobiParamsFromManova } from "../../src/ensembles/jacobi.js";
import { laguerreParamsFromWishart } from "../../src/ensembles/laguerre.js";
import { canonicalJob, type SampleJob } from "../../src/spec/job.js";
import {
  ensembleParameters,
  fixedTraceShape,
  manovaParameters,
  wishartExponent,
  wishartParameters,
} from "../../src/spec/params.js";
import { wishartShape } from "../../src/theory/fixedTrace.js";
import { limitLaw } from "../../src/theory/limits.js";
import { commandArgs } from "../../web/src/command.js";
import { explorerJob } from "../../web/src/jobs.js";
import { DEFAULTS, type FormValues, readSettings } from "../../web/src/state.js";
import { usageError } from "../helpers/cli.js";

const ALL = { circular: true, gibbs: true, tracyWidom: true };

describe("Wishart/MANOVA conversions (src/spec/params.ts)", () => {
  it("k = β(M − N + 1)/2, θ = 2; a, b = β(M₁,₂ − N + 1)/2; hand-computed values", () => {
    assert.equal(wishartExponent(500, 800, 1), 150.5);
    assert.deepEqual(wishartParameters(500, 800, 1), { shape: 150.5, scale: 2 });
    assert.deepEqual(wishartParameters(5, 7.5, 1.5), { shape: 2.625, scale: 2 });
    assert.deepEqual(manovaParameters(400, 500, 600, 2), { a: 101, b: 201 });
    assert.deepEqual(manovaParameters(5, 7, 8, 4), { a: 6, b: 8 });
    assert.equal(fixedTraceShape(5, 4.5, 2), 0.5);
    assert.equal(fixedTraceShape(5, 5, 4), 2);
  });

  it("the library's checked wrappers and limitLaw give the same numbers", () => {
    for (const [n, m, beta] of [
      [500, 800, 1],
      [5, 7.5, 1.5],
      [3, 3, 0.25],
    ]) {
      assert.deepEqual(laguerreParamsFromWishart(n, m, beta), wishartParameters(n, m, beta));
      assert.equal(wishartShape(n, m, beta), fixedTraceShape(n, m, beta));
      assert.deepEqual(fixedTraceParamsFromDimensions(n, m, beta), {
        shape: fixedTraceShape(n, m, beta),
      });
      assert.deepEqual(
        jacobiParamsFromManova(n, m, m + 2, beta),
        manovaParameters(n, m, m + 2, beta),
      );
      assert.deepEqual(ensembleParameters("laguerre", { m }, n, beta).params, {
        ...wishartParameters(n, m, beta),
      });
    }
    // limitLaw accepts the dimension and the shape it implies, and refuses another shape.
    const shape = wishartParameters(50, 80, 2).shape;
    assert.doesNotThrow(() => limitLaw("laguerre", 50, 2, { m: 80, shape }));
    assert.throws(() => limitLaw("laguerre", 50, 2, { m: 80, shape: shape * 1.01 }), /contradicts/);
  });

  it("the CLI and the explorer build the same job from the same Wishart/MANOVA dimensions", () => {
    const cases: Partial<FormValues>[] = [
      { ensemble: "laguerre", n: "500", beta: "1", m: "800" },
      { ensemble: "laguerre", n: "5", beta: "1.5", m: "7.5" },
      { ensemble: "jacobi", n: "400", beta: "2", m1: "500", m2: "600" },
      { ensemble: "jacobi", n: "7", beta: "0.7", m1: "9.5", m2: "7" },
    ];
    for (const values of cases) {
      const { settings, errors } = readSettings({ ...DEFAULTS, ...values, samples: "3" }, ALL);
      assert.deepEqual(errors, {});
      assert.ok(settings);
      const web = explorerJob(settings) as SampleJob;
      const args = commandArgs(settings);
      assert.equal(args[0], "sample");
      const cli = parseSampleArgs(args.slice(1)).specJob;
      assert.deepEqual(cli.params, web.params, JSON.stringify(values));
      // The whole job is the same; only the reported parameters differ (the CLI also reports M).
      assert.equal(canonicalJob({ ...cli, reported: [] }), canonicalJob({ ...web, reported: [] }));
      const n = Number(values.n);
      const beta = Number(values.beta);
      const expected =
        values.ensemble === "laguerre"
          ? wishartParameters(n, Number(values.m), beta)
          : manovaParameters(n, Number(values.m1), Number(values.m2), beta);
      assert.deepEqual(cli.params, expected);
    }
  });

  it("bad dimensions: one line `betaens: error:`, exit 2; the explorer shows the same message", () => {
    const line = usageError(["sample", "laguerre", "--n", "5", "--m", "3"], /m must be/);
    const { errors } = readSettings({ ...DEFAULTS, ensemble: "laguerre", n: "5", m: "3" }, ALL);
    assert.equal(`betaens: error: ${errors.m}`, line);
    usageError(["sample", "jacobi", "--n", "5", "--m1", "7"], /jacobi needs both --m1 and --m2/);
    usageError(["sample", "jacobi", "--n", "5", "--m1", "7", "--m2", "8", "--a", "2"], /not both/);
    usageError(["sample", "laguerre", "--n", "5", "--m", "7", "--beta", "0"], /beta > 0/);
    usageError(["sample", "fixed-trace", "--n", "5", "--m", "3.5"], /m must be .* > n − 1 = 4/);
    usageError(["sample", "fixed-trace", "--n", "5", "--beta", "0"], /beta must be/);
    usageError(["sample", "hermite", "--n", "5", "--m", "7"], /--m does not apply to the hermite/);
    usageError(["linstat", "jacobi", "--f", "x", "--n", "5", "--m1", "7", "--m2", "3"], /m2 must/);
  });
});
