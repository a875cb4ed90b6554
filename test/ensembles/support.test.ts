/**
 * Every sampled value lies in the closed support of its ensemble (src/ensembles/support.ts):
 * Jacobi [0, 1], Laguerre [0, ∞), circular angles [0, 2π), for every model (tridiagonal,
 * full, limit, CMV), statistic (eigenvalues, max) and for the explorer's runs. Property tests
 * (fast-check, fixed seeds) over random parameters including extreme a, b (1e−3 … 1e3) and
 * β (0, 1e−3 … 1e3), plus the two cases of issue 19 that returned values above 1.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { runSample } from "../../src/driver/legacy.js";
import { circularCmvAngles, sortedAngles } from "../../src/ensembles/circular.js";
import { jacobiEigenvalues } from "../../src/ensembles/jacobi.js";
import { laguerreEigenvalues } from "../../src/ensembles/laguerre.js";
import type { EnsembleSpec, SampleModel } from "../../src/ensembles/models.js";
import type { SampleStat } from "../../src/ensembles/sample.js";
import { clampAllToSupport, clampToSupport } from "../../src/ensembles/support.js";
import { createRandomSource } from "../../src/random/philox.js";
import { explorerJob, runInThread } from "../../web/src/jobs.js";
import type { Snapshot } from "../../web/src/protocol.js";
import type { Settings } from "../../web/src/state.js";

const TWO_PI = 2 * Math.PI;
/** fast-check runs are reproducible: fixed seed, fixed number of runs. */
const RUNS = { seed: 19, numRuns: 150 };

/** log-uniform on [10^lo, 10^hi]. */
const logUniform = (lo: number, hi: number) =>
  fc.double({ min: lo, max: hi, noNaN: true }).map((x) => 10 ** x);
const betaAny = fc.oneof(fc.constant(0), logUniform(-3, 3), fc.constantFrom(0.4, 1, 2, 4));
const betaPositive = fc.oneof(logUniform(-3, 3), fc.constantFrom(0.4, 1, 2, 4));
const shapeParam = fc.oneof(logUniform(-3, 3), fc.constantFrom(0.03, 1.7));
const fullBeta = fc.constantFrom(1, 2, 4);

/** All values of a runSample result (eigenvalue rows or maxima). */
function values(
  spec: EnsembleSpec,
  model: SampleModel,
  n: number,
  beta: number,
  stat: SampleStat,
  samples: number,
  seed: number,
): number[] {
  const r = runSample({ spec, model, n, beta, samples, seed, stat });
  const out: number[] = [];
  if (r.samples instanceof Float64Array) out.push(...r.samples);
  else for (const row of r.samples as Float64Array[]) out.push(...row);
  return out;
}

function assertIn(xs: Iterable<number>, lo: number, hi: number, what: string): void {
  for (const x of xs) {
    assert.ok(x >= lo && x <= hi, `${what}: ${x} outside [${lo}, ${hi}]`);
  }
}

function assertAngles(xs: Iterable<number>, what: string): void {
  for (const x of xs) assert.ok(x >= 0 && x < TWO_PI, `${what}: angle ${x} outside [0, 2π)`);
}

/** The explorer's run of a view on the driver (web/src/jobs.ts), its last snapshot. */
function explorerRun(settings: Settings): Snapshot[] {
  const job = explorerJob(settings);
  if (!job) throw new Error(`${settings.ensemble}: not a driver job`);
  return runInThread(job, 2).map((step) => step.snapshot);
}

function lastSnapshot(run: Iterable<Snapshot>): Snapshot {
  let final: Snapshot | undefined;
  for (const s of run) final = s;
  if (!final) throw new Error("empty run");
  return final;
}

describe("clampToSupport", () => {
  it("moves rounding-size excursions to the nearest end, rejects larger ones", () => {
    assert.equal(clampToSupport(1 + 2 ** -52, [0, 1]), 1);
    assert.equal(clampToSupport(-1e-300, [0, Infinity]), 0);
    assert.equal(clampToSupport(0.5, [0, 1]), 0.5);
    assert.equal(clampToSupport(-7, [-Infinity, Infinity]), -7);
    assert.throws(() => clampToSupport(1.001, [0, 1]), /outside the support/);
    assert.deepEqual(
      clampAllToSupport(Float64Array.of(-1e-17, 0.3, 1 + 1e-15), [0, 1]),
      Float64Array.of(0, 0.3, 1),
    );
  });
});

describe("circular angles: atan2 just below 0 wraps into [0, 2π)", () => {
  it("−1e−300 and −1e−17 (t + 2π rounds to 2π) give 0; −π gives π", () => {
    // The full (Haar) model's angles come from atan2 ∈ (−π, π]; a tiny negative angle plus 2π
    // rounds to 2π itself, outside [0, 2π), unless wrapped again (probability ≈ 1e−16 per value,
    // so only a constructed input reaches it).
    const angles = sortedAngles(
      Float64Array.of(1, 1, -1, 1),
      Float64Array.of(-1e-300, -1e-17, -0, 0),
    );
    assert.deepEqual(Array.from(angles), [0, 0, 0, Math.PI]);
  });
});

describe("issue 19: Jacobi samples that left [0, 1]", () => {
  it("n = 4, a = 1.7, b = 0.03, β = 0.4 and n = 50, a = 2, b = 0.05, β = 1", () => {
    // Before the clamp: ≈ 6% of the N = 4 eigenvalue rows had a value above 1 (by ≤ 8.9e−16).
    for (const [n, a, b, beta, samples] of [
      [4, 1.7, 0.03, 0.4, 2000],
      [50, 2, 0.05, 1, 200],
    ]) {
      const spec: EnsembleSpec = { ensemble: "jacobi", params: { a, b } };
      assertIn(values(spec, "tridiagonal", n, beta, "eigenvalues", samples, 1), 0, 1, "eig");
      assertIn(values(spec, "tridiagonal", n, beta, "max", samples, 1), 0, 1, "max");
      for (let s = 0; s < 50; s++) {
        assertIn(jacobiEigenvalues(createRandomSource(1, s), n, beta, { a, b }), 0, 1, "driver");
      }
    }
  });
});

describe("property: every value in the support, random parameters (fast-check)", () => {
  it("jacobi, tridiagonal model: eigenvalues and λ_max in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        betaAny,
        shapeParam,
        shapeParam,
        fc.nat(1000),
        (n, beta, a, b, seed) => {
          const spec: EnsembleSpec = { ensemble: "jacobi", params: { a, b } };
          assertIn(values(spec, "tridiagonal", n, beta, "eigenvalues", 20, seed), 0, 1, "eig");
          assertIn(values(spec, "tridiagonal", n, beta, "max", 20, seed), 0, 1, "max");
          assertIn(jacobiEigenvalues(createRandomSource(seed), n, beta, { a, b }), 0, 1, "drv");
        },
      ),
      RUNS,
    );
  });
  it("jacobi, full (MANOVA) model, β ∈ {1, 2, 4}: values in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fullBeta,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.nat(1000),
        (n, beta, extra1, extra2, seed) => {
          // Full model: a = β(M1 − N + 1)/2, b = β(M2 − N + 1)/2 with integer M1, M2 ≥ N.
          const params = { a: (beta * (extra1 + 1)) / 2, b: (beta * (extra2 + 1)) / 2 };
          const spec: EnsembleSpec = { ensemble: "jacobi", params };
          assertIn(values(spec, "full", n, beta, "eigenvalues", 3, seed), 0, 1, "full");
        },
      ),
      { ...RUNS, numRuns: 40 },
    );
  });
  it("laguerre, tridiagonal model (full and truncated λ_max): values ≥ 0", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        betaAny,
        shapeParam,
        logUniform(-3, 3),
        fc.nat(1000),
        (n, beta, shape, scale, seed) => {
          const spec: EnsembleSpec = { ensemble: "laguerre", params: { shape, scale } };
          const big = 100_000; // --stat max: truncated model for β > 0
          assertIn(values(spec, "tridiagonal", n, beta, "eigenvalues", 10, seed), 0, Infinity, "e");
          assertIn(values(spec, "tridiagonal", n, beta, "max", 10, seed), 0, Infinity, "max");
          assertIn(values(spec, "tridiagonal", big, beta, "max", 2, seed), 0, Infinity, "trunc");
          const drv = laguerreEigenvalues(createRandomSource(seed), n, beta, { shape, scale });
          assertIn(drv, 0, Infinity, "driver");
        },
      ),
      { ...RUNS, numRuns: 60 },
    );
  });
  it("laguerre, full (Wishart) and limit models: values ≥ 0", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fullBeta,
        fc.integer({ min: 0, max: 10 }),
        logUniform(-3, 3),
        fc.nat(1000),
        (n, beta, extra, scale, seed) => {
          const spec: EnsembleSpec = {
            ensemble: "laguerre",
            params: { shape: (beta * (extra + 1)) / 2, scale },
          };
          assertIn(values(spec, "full", n, beta, "eigenvalues", 3, seed), 0, Infinity, "full");
          assertIn(values(spec, "limit", 2e9, beta, "max", 20, seed), 0, Infinity, "limit");
        },
      ),
      { ...RUNS, numRuns: 40 },
    );
  });
  it("circular, CMV (any β ≥ 0) and full (β ∈ {1, 2, 4}) models: angles in [0, 2π)", () => {
    const spec: EnsembleSpec = { ensemble: "circular", params: {} };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), betaAny, fc.nat(1000), (n, beta, seed) => {
        assertAngles(values(spec, "cmv", n, beta, "eigenvalues", 5, seed), "cmv");
        assertAngles(circularCmvAngles(createRandomSource(seed), n, beta), "driver");
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fullBeta, fc.nat(1000), (n, beta, seed) => {
        assertAngles(values(spec, "full", n, beta, "eigenvalues", 3, seed), "full");
      }),
      { ...RUNS, numRuns: 40 },
    );
  });
  it("the explorer's configuration, λ_max and circular views", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        betaPositive,
        shapeParam,
        shapeParam,
        fc.nat(1000),
        (n, beta, a, b, seed) => {
          for (const spec of [
            { ensemble: "jacobi" as const, params: { a, b } },
            { ensemble: "laguerre" as const, params: { shape: a, scale: b } },
          ]) {
            const upper = spec.ensemble === "jacobi" ? 1 : Infinity;
            const base = { ensemble: spec.ensemble, beta, n, seed, bins: 10, spec };
            const settings: Settings = { ...base, view: "configuration", samples: 1 };
            const config = lastSnapshot(explorerRun(settings)).payload;
            if (config.kind !== "configuration") throw new Error(config.kind);
            assertIn(config.points, 0, upper, `explorer configuration ${spec.ensemble}`);
            const edge = lastSnapshot(
              explorerRun({ ...settings, view: "edge", samples: 10 }),
            ).payload;
            if (edge.kind !== "edge") throw new Error(edge.kind);
            assertIn(edge.maxima, 0, upper, `explorer λ_max ${spec.ensemble}`);
          }
          const circular: Settings = {
            ensemble: "circular",
            view: "configuration",
            beta,
            n,
            seed,
            samples: 1,
            bins: 10,
          };
          const angles = lastSnapshot(explorerRun(circular)).payload;
          if (angles.kind !== "configuration") throw new Error(angles.kind);
          assertAngles(angles.points, "explorer circular");
        },
      ),
      { ...RUNS, numRuns: 60 },
    );
  });
});
