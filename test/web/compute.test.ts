/**
 * The explorer's pure parts in Node (no browser): its runs give exactly runSample's numbers (the
 * CLI's) for the same seed, the URL encodes and restores the state, validation messages, and the
 * β-Wigner surmise is a probability density with mean 1.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runSample } from "../../src/driver/legacy.js";
import type { ClassicalSpec } from "../../src/ensembles/models.js";
import type { SampleJob } from "../../src/ensembles/sample.js";
import { defaultHistogramRange } from "../../src/plot/sampleFigure.js";
import { gaussLegendre } from "../../src/special/gaussLegendre.js";
import { uniformEdges } from "../../src/tridiagonal/histogram.js";
import { figureFor } from "../../web/src/figures.js";
import { explorerJob, runInThread } from "../../web/src/jobs.js";
import type { Snapshot } from "../../web/src/protocol.js";
import {
  DEFAULTS,
  type Features,
  queryFromValues,
  readSettings,
  type Settings,
  valuesFromQuery,
} from "../../web/src/state.js";
import { wignerSurmise } from "../../web/src/surmise.js";

const ALL: Features = { circular: true, gibbs: true, tracyWidom: true };

/**
 * The snapshots of a view run block by block as the worker pool runs it with `workers` Web
 * Workers (blocks merged in sample order); the final one, and how many snapshots there were.
 * Checks that the final snapshot is the same for 1, 2 and 5 workers.
 */
function last(s: Settings, workers = 3): { final: Snapshot; count: number } {
  const job = explorerJob(s);
  if (!job) throw new Error("not a driver view");
  const runs = [1, 2, 5, workers].map((w) => runInThread(job, w));
  const finals = runs.map((r) => r[r.length - 1]);
  for (const f of finals) {
    assert.equal(f.final, true);
    assert.deepEqual(f.snapshot, finals[0].snapshot, "the same snapshot for any number of workers");
  }
  const run = runs[runs.length - 1];
  assert.equal(run.filter((r) => r.final).length, 1, "one final snapshot");
  return { final: { ...finals[0].snapshot, final: true }, count: run.length };
}

function settings(
  spec: ClassicalSpec,
  view: Settings["view"],
  n: number,
  samples: number,
): Settings {
  return { ensemble: spec.ensemble, view, beta: 1.7, n, samples, seed: 2024, bins: 100, spec };
}

describe("explorer runs = runSample (same seed, same numbers)", () => {
  const spec: ClassicalSpec = { ensemble: "jacobi", params: { a: 2, b: 0.7 } };

  it("histogram over the driver's blocks equals runSample's --stat histogram", () => {
    const n = 250_000;
    const s = settings(spec, "histogram", n, 2);
    const { final, count } = last(s);
    assert.ok(count >= 3, "sample 0, sample 0 with its λ_max, then the rest");
    const p = final.payload;
    assert.equal(p.kind, "histogram");
    if (p.kind !== "histogram") return;
    const [lo, hi] = defaultHistogramRange(spec, n, 1.7);
    const job: SampleJob = {
      spec,
      model: "tridiagonal",
      n,
      beta: 1.7,
      samples: 2,
      seed: 2024,
      stat: "histogram",
      edges: uniformEdges(lo, hi, 100),
    };
    const cli = runSample(job);
    assert.deepEqual(p.edges, cli.edges);
    assert.deepEqual(p.counts, cli.counts);
    assert.equal(p.below, cli.below);
    assert.equal(p.above, cli.above);
    const max = runSample({ ...job, samples: 1, stat: "max", edges: undefined });
    assert.equal(p.lambdaMax0, (max.samples as Float64Array)[0]);
    assert.equal(final.final, true);
  });

  it("λ_max of each sample equals runSample's --stat max", () => {
    const s = settings(spec, "edge", 500, 7);
    const { final, count } = last(s);
    assert.ok(count >= 2, "partial snapshots");
    const cli = runSample({
      spec,
      model: "tridiagonal",
      n: 500,
      beta: 1.7,
      samples: 7,
      seed: 2024,
      stat: "max",
    });
    assert.equal(final.payload.kind, "edge");
    if (final.payload.kind === "edge") assert.deepEqual(final.payload.maxima, cli.samples);
  });

  it("Hermite/Laguerre at large N: λ_max per sample and λ_max of sample 0 use the CLI's truncated model, bit for bit", () => {
    const specs: ClassicalSpec[] = [
      { ensemble: "hermite", params: { loc: 1, scale: 2 } },
      { ensemble: "laguerre", params: { shape: 3, scale: 0.5 } },
    ];
    for (const big of specs) {
      for (const n of [100_000, 1e12]) {
        const s = settings(big, "edge", n, 3);
        const { final } = last(s);
        const cli = runSample({
          spec: big,
          model: "tridiagonal",
          n,
          beta: 1.7,
          samples: 3,
          seed: 2024,
          stat: "max",
        });
        assert.equal(final.payload.kind, "edge");
        if (final.payload.kind === "edge") assert.deepEqual(final.payload.maxima, cli.samples);
      }
      const h = last(settings(big, "histogram", 100_000, 1)).final.payload;
      const cli = runSample({
        spec: big,
        model: "tridiagonal",
        n: 100_000,
        beta: 1.7,
        samples: 1,
        seed: 2024,
        stat: "max",
      });
      assert.equal(h.kind, "histogram");
      if (h.kind === "histogram") assert.equal(h.lambdaMax0, (cli.samples as Float64Array)[0]);
    }
    // The λ_max view accepts N up to 1e12 for Hermite/Laguerre, 1e6 for Jacobi.
    const ok = readSettings({ ...DEFAULTS, ensemble: "hermite", view: "edge", n: "1e12" }, ALL);
    assert.equal(ok.settings?.n, 1e12, JSON.stringify(ok.errors));
    const tooBig = readSettings({ ...DEFAULTS, ensemble: "jacobi", view: "edge", n: "1e7" }, ALL);
    assert.equal(tooBig.settings, undefined);
    assert.match(tooBig.errors.n ?? "", /10|1e6|1000000/);
  });

  it("the configuration equals runSample's eigenvalues of sample 0", () => {
    const s = settings(spec, "configuration", 300, 1);
    const { final } = last(s);
    const cli = runSample({
      spec,
      model: "tridiagonal",
      n: 300,
      beta: 1.7,
      samples: 1,
      seed: 2024,
      stat: "eigenvalues",
    });
    assert.equal(final.payload.kind, "configuration");
    if (final.payload.kind === "configuration") {
      assert.deepEqual(final.payload.points, (cli.samples as Float64Array[])[0]);
      const figure = figureFor(s, final);
      assert.match(figure.svg, /^<svg xmlns/);
      assert.equal((figure.svg.match(/class="point"/g) ?? []).length, 300);
    }
  });
});

describe("explorer state", () => {
  it("the query string restores every relevant field", () => {
    const values = {
      ...DEFAULTS,
      ensemble: "laguerre",
      view: "edge",
      beta: "0.25",
      n: "1e5",
      shape: "3",
      theta: "2",
      seed: "9",
    };
    const query = queryFromValues(values);
    assert.doesNotMatch(query, /sigma|loc|bins/, "only the fields of this ensemble and view");
    const back = valuesFromQuery(`?${query}`);
    for (const key of [
      "ensemble",
      "view",
      "beta",
      "n",
      "shape",
      "theta",
      "seed",
      "samples",
    ] as const) {
      assert.equal(back[key], values[key], key);
    }
    assert.equal(valuesFromQuery("#beta=3&junk=1").beta, "3", "hash links work too");
  });

  it("validation: messages per field, no settings when any field is wrong", () => {
    const bad = readSettings({ ...DEFAULTS, beta: "-1", n: "0", samples: "2.5", seed: "x" }, ALL);
    assert.equal(bad.settings, undefined);
    assert.match(bad.errors.beta ?? "", /β must be ≥ 0/);
    assert.match(bad.errors.n ?? "", /N must be ≥ 1/);
    assert.match(bad.errors.samples ?? "", /integer/);
    assert.match(bad.errors.seed ?? "", /must be a number/);
    const big = readSettings({ ...DEFAULTS, view: "configuration", n: "20000" }, ALL);
    assert.match(big.errors.n ?? "", /N ≤ 10,000 here/);
    const tooBig = readSettings({ ...DEFAULTS, n: "2e6" }, ALL);
    assert.match(tooBig.errors.n ?? "", /N ≤ 1,000,000/);
    const soon = readSettings({ ...DEFAULTS, ensemble: "potential" }, { ...ALL, gibbs: false });
    assert.match(soon.errors.ensemble ?? "", /coming soon/);
    const ok = readSettings({ ...DEFAULTS, beta: "0", n: "1e6" }, ALL);
    assert.equal(ok.settings?.n, 1_000_000);
    assert.equal(ok.settings?.beta, 0);
  });
});

describe("β-Wigner surmise", () => {
  it("has mass 1 and mean 1 for β = 0.5, 1, 2, 4, 10", () => {
    const { nodes, weights } = gaussLegendre(200);
    for (const beta of [0.5, 1, 2, 4, 10]) {
      // ∫₀^8 as 8 unit pieces; on [0, 1] s = u² removes the s^β kink at 0 (β = 0.5).
      let mass = 0;
      let mean = 0;
      for (let piece = 0; piece < 8; piece++) {
        for (let k = 0; k < nodes.length; k++) {
          const u = (nodes[k] + 1) / 2;
          const s = piece === 0 ? u * u : piece + u;
          const w = (weights[k] / 2) * (piece === 0 ? 2 * u : 1);
          const p = wignerSurmise(s, beta);
          mass += w * p;
          mean += w * s * p;
        }
      }
      assert.ok(Math.abs(mass - 1) < 1e-9, `β = ${beta}: mass ${mass}`);
      assert.ok(Math.abs(mean - 1) < 1e-9, `β = ${beta}: mean ${mean}`);
    }
  });
});
