/**
 * The driver against the loops it replaces (runSample, gibbsRun, mixingStudy, `tw sample`): the
 * same bytes in every format, whether the samples run in one block or in K consecutive blocks
 * merged afterwards, and whether the rows are kept or streamed (io/stream.ts).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { finalize } from "../../src/driver/finalize.js";
import { linearStatisticJobValue } from "../../src/driver/kernels.js";
import { mergeAll, type Partial } from "../../src/driver/partial.js";
import { run } from "../../src/driver/run.js";
import { rowShapeOf } from "../../src/driver/shape.js";
import type { LinearStatisticJob } from "../../src/ensembles/linearStatistics.js";
import { formatResult, type OutputFormat } from "../../src/io/format.js";
import { rowStream } from "../../src/io/stream.js";
import { mixingStudy } from "../../src/mixing/study.js";
import { createRandomSource } from "../../src/random/philox.js";
import type { GibbsJob, Job, MixingJob, SampleJob, TracyWidomJob } from "../../src/spec/job.js";
import { shardRange } from "../../src/spec/shard.js";
import { tracyWidomSample } from "../../src/theory/tracyWidom.js";
import { uniformEdges } from "../../src/tridiagonal/histogram.js";
import {
  referenceGibbsRun as gibbsRun,
  referenceRunLinearStatistic,
  referenceRunSample as runSample,
} from "../helpers/referenceLoops.js";

function bytes(x: string | Uint8Array): Buffer {
  return typeof x === "string" ? Buffer.from(x, "utf8") : Buffer.from(x);
}

/** The output of a job run in K blocks, rows kept in memory. */
function blocked(job: Job, k: number, format: OutputFormat): Buffer {
  const parts: Partial[] = [];
  for (let i = 0; i < k; i++) {
    parts.push(run(job, {}, shardRange(job, { index: i, count: k })));
  }
  return bytes(formatResult(finalize(job, mergeAll(parts), format), format));
}

/** The output of a job whose rows are streamed through io/stream.ts. */
function streamed(job: Job, format: OutputFormat): Buffer {
  const shape = rowShapeOf(job);
  assert.ok(shape);
  const chunks: Buffer[] = [];
  let blocks: [Float64Array, number][] = [];
  // Blocks of 2 rows: the separators between blocks are exercised.
  const partial = run(job, {
    rows: (block, _first, rows) => blocks.push([block.slice(), rows]),
    blockRows: 2,
  });
  const stream = rowStream(finalize(job, partial, format), format, shape, job.count);
  chunks.push(bytes(stream.head));
  for (const [block, rows] of blocks) chunks.push(bytes(stream.encode(block, rows)));
  chunks.push(bytes(stream.tail()));
  blocks = [];
  return Buffer.concat(chunks);
}

const sampleBase: SampleJob = {
  task: "sample",
  ensemble: "hermite",
  params: { loc: 0.5, scale: 2 },
  reported: Object.entries({ loc: 0.5, scale: 2 }),
  model: "tridiagonal",
  stat: "eigenvalues",
  n: 12,
  beta: 2.5,
  seed: 42,
  first: 0,
  count: 9,
  scaling: "none",
  summary: "values",
};

const sampleCases: [string, SampleJob][] = [
  ["hermite eigenvalues", sampleBase],
  ["hermite max", { ...sampleBase, stat: "max", n: 300 }],
  [
    "hermite max, truncated model, edge scaling",
    { ...sampleBase, stat: "max", n: 1e7, scaling: "edge" },
  ],
  [
    "jacobi max, edge scaling",
    {
      ...sampleBase,
      ensemble: "jacobi",
      params: { a: 2, b: 3 },
      reported: Object.entries({ a: 2, b: 3 }),
      stat: "max",
      scaling: "edge",
    },
  ],
  [
    "laguerre histogram",
    {
      ...sampleBase,
      ensemble: "laguerre",
      params: { shape: 2, scale: 1 },
      reported: Object.entries({ m: 3, shape: 2, scale: 1 }),
      stat: "histogram",
      histogram: { lo: 0, hi: 60, bins: 17 },
    },
  ],
  [
    "circular histogram",
    {
      ...sampleBase,
      ensemble: "circular",
      params: {},
      reported: Object.entries({}),
      model: "cmv",
      stat: "histogram",
      histogram: { lo: 0, hi: 6.3, bins: 10 },
    },
  ],
  [
    "ginibre eigenvalues",
    {
      ...sampleBase,
      ensemble: "ginibre",
      params: {},
      reported: Object.entries({}),
      model: "full",
      beta: 2,
      n: 5,
    },
  ],
  ["hermite full eigenvalues", { ...sampleBase, model: "full", beta: 4, n: 6 }],
  ["hermite limit", { ...sampleBase, stat: "max", model: "limit", beta: 2, n: 1e12 }],
  ...(["purity", "entropy", "min"] as const).map((stat): [string, SampleJob] => [
    `fixed-trace ${stat}`,
    {
      ...sampleBase,
      ensemble: "fixed-trace",
      params: { shape: 1.5 },
      reported: Object.entries({ shape: 1.5 }),
      stat,
      beta: 1,
      n: 7,
    },
  ]),
  [
    "fixed-trace eigenvalues, full model",
    {
      ...sampleBase,
      ensemble: "fixed-trace",
      params: { shape: 2 },
      reported: Object.entries({ m: 9, shape: 2 }),
      model: "full",
      beta: 4,
      n: 5,
    },
  ],
];

describe("driver = runSample (bytes, any number of blocks, streamed)", () => {
  for (const [name, job] of sampleCases) {
    it(name, () => {
      const reference = runSample({
        spec: { ensemble: job.ensemble, params: job.params } as never,
        model: job.model,
        n: job.n,
        beta: job.beta,
        samples: job.count,
        seed: job.seed,
        stat: job.stat,
        edges: job.histogram
          ? uniformEdges(job.histogram.lo, job.histogram.hi, job.histogram.bins)
          : undefined,
        reportedParams: Object.fromEntries(job.reported),
        scaling: job.scaling,
      });
      for (const format of ["json", "csv", "npy"] as const) {
        if (job.ensemble === "ginibre" && format === "csv") continue;
        const expected = bytes(formatResult(reference, format));
        for (const k of [1, 2, 7])
          assert.deepEqual(blocked(job, k, format), expected, `${format}, ${k} blocks`);
        if (rowShapeOf(job))
          assert.deepEqual(streamed(job, format), expected, `${format} streamed`);
      }
    });
  }
});

const gibbsBase: GibbsJob = {
  task: "gibbs",
  coeffs: [0, 0, -1, 0, 0.25],
  n: 8,
  beta: 2,
  passes: 4,
  initial: "zero",
  stat: "eigenvalues",
  seed: 7,
  first: 0,
  count: 5,
  scaling: "none",
  summary: "values",
  spectralEvery: 1,
  diagnostics: "auto",
};

describe("driver = gibbsRun (bytes, blocks, streamed)", () => {
  const cases: [string, GibbsJob][] = [
    ["eigenvalues", gibbsBase],
    ["max", { ...gibbsBase, stat: "max" }],
    ["trace", { ...gibbsBase, stat: "trace" }],
    ["histogram", { ...gibbsBase, stat: "histogram", histogram: { lo: -2, hi: 2, bins: 9 } }],
    ["eigenvalues with record", { ...gibbsBase, record: [1, 3] }],
    // Issue 10: spectral moves every 2 passes, R̂/ESS (≥ 4 chains, ≥ 8 passes), two cuts.
    [
      "max with spectral moves, diagnostics and cut counts",
      { ...gibbsBase, stat: "max", passes: 9, count: 7, spectralEvery: 2, cutPoints: [0] },
    ],
    [
      "trace, diagnostics, plain sweep",
      { ...gibbsBase, stat: "trace", passes: 8, count: 4, spectralEvery: 0 },
    ],
    [
      "eigenvalues with record, diagnostics and three cuts",
      { ...gibbsBase, passes: 10, count: 6, record: [2, 10], cutPoints: [-1, 1] },
    ],
    ["diagnostics off", { ...gibbsBase, stat: "max", passes: 8, count: 5, diagnostics: "off" }],
  ];
  for (const [name, job] of cases) {
    it(name, () => {
      const reference = gibbsRun({
        coeffs: Float64Array.from(job.coeffs),
        n: job.n,
        beta: job.beta,
        passes: job.passes,
        samples: job.count,
        seed: job.seed,
        stat: job.stat,
        initial: job.initial,
        edges: job.histogram
          ? uniformEdges(job.histogram.lo, job.histogram.hi, job.histogram.bins)
          : undefined,
        recordPasses: job.record,
        spectralEvery: job.spectralEvery,
        diagnostics: job.diagnostics,
        cutPoints: job.cutPoints ? Float64Array.from(job.cutPoints) : undefined,
      });
      if (job.passes >= 8 && job.count >= 4 && job.diagnostics === "auto") {
        assert.ok(reference.diagnostics, "the reference computes diagnostics");
      }
      if (job.cutPoints) assert.ok(reference.cutCounts, "the reference counts cuts");
      for (const format of job.record ? (["json"] as const) : (["json", "csv", "npy"] as const)) {
        const expected = bytes(formatResult(reference, format));
        for (const k of [1, 2, 3])
          assert.deepEqual(blocked(job, k, format), expected, `${format}, ${k} blocks`);
        if (rowShapeOf(job))
          assert.deepEqual(streamed(job, format), expected, `${format} streamed`);
      }
    });
  }
});

describe("driver = runLinearStatistic (unit j·S + s, any number of blocks)", () => {
  const jobs: [string, LinearStatisticJob][] = [
    [
      "hermite, polynomial f (trace route), two sizes",
      {
        source: {
          kind: "ensemble",
          spec: { ensemble: "hermite", params: { loc: 0, scale: 1 } },
          model: "tridiagonal",
        },
        f: "x^4 - x",
        ns: [6, 11],
        beta: 1.5,
        samples: 9,
        seed: 3,
      },
    ],
    [
      "fixed-trace entropy-like f (eigenvalue route)",
      {
        source: {
          kind: "ensemble",
          spec: { ensemble: "fixed-trace", params: { shape: 1 } },
          model: "tridiagonal",
        },
        f: "log(1 + x)",
        ns: [5],
        beta: 2,
        samples: 8,
        seed: 3,
      },
    ],
    [
      "Gibbs chains of a quartic V",
      {
        source: { kind: "potential", coeffs: Float64Array.from([0, 0, -1, 0, 0.25]), passes: 3 },
        f: "x^2",
        ns: [6, 7],
        beta: 2,
        samples: 6,
        seed: 3,
      },
    ],
  ];
  for (const [name, ej] of jobs) {
    it(name, () => {
      const expected = formatResult(referenceRunLinearStatistic(ej) as never, "json");
      const job = linearStatisticJobValue(ej);
      for (const k of [1, 2, 7]) {
        assert.equal(
          formatResult(finalize(job, blockedPartial(job, k)), "json"),
          expected,
          `${k} blocks`,
        );
      }
    });
  }
});

function blockedPartial(job: Job, k: number): Partial {
  const parts: Partial[] = [];
  for (let i = 0; i < k; i++) parts.push(run(job, {}, shardRange(job, { index: i, count: k })));
  return mergeAll(parts);
}

describe("driver: tw sample and mixing", () => {
  it("tw sample by inversion = the loop of `betaens tw sample`", () => {
    const job: TracyWidomJob = {
      task: "tw",
      beta: 2,
      convention: "beta",
      method: "inversion",
      seed: 3,
      first: 0,
      count: 20,
      summary: "values",
    };
    const expected = Float64Array.from({ length: 20 }, (_, i) =>
      tracyWidomSample(createRandomSource(3, i), 2, "beta"),
    );
    const partial = mergeAll(
      [0, 1, 2].map((i) => run(job, {}, shardRange(job, { index: i, count: 3 }))),
    );
    assert.deepEqual(partial.rows, expected);
  });

  it("mixing = mixingStudy", () => {
    const job: MixingJob = {
      task: "mixing",
      coeffs: [0, 0, 0.5],
      beta: 2,
      ns: [10, 20],
      chains: 6,
      passes: 3,
      initial: "zero",
      seed: 5,
      controlSamples: 200,
      first: 0,
      count: 12,
    };
    const reference = mixingStudy({ ...job, controlSamples: 200 });
    for (const k of [1, 2, 5]) {
      const parts = Array.from({ length: k }, (_, i) =>
        run(job, {}, shardRange(job, { index: i, count: k })),
      );
      assert.deepEqual(
        formatResult(finalize(job, mergeAll(parts)), "json"),
        formatResult(reference, "json"),
      );
    }
  });
});

describe("driver: summaries of a per-sample number", () => {
  const job: TracyWidomJob = {
    task: "tw",
    beta: 1,
    convention: "beta",
    method: "inversion",
    seed: 11,
    first: 0,
    count: 300,
    summary: "moments",
  };
  it("moments are bit-identical for 1, 2, 7 blocks and match a two-pass computation", () => {
    const outputs = [1, 2, 7].map((k) => blocked(job, k, "json").toString());
    assert.equal(outputs[1], outputs[0]);
    assert.equal(outputs[2], outputs[0]);
    const values = run({ ...job, summary: "values" }).rows as Float64Array;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
    const m = JSON.parse(outputs[0]).moments;
    assert.ok(Math.abs(m.mean - mean) < 1e-13, `${m.mean} vs ${mean}`);
    assert.ok(Math.abs(m.variance - variance) < 1e-13, `${m.variance} vs ${variance}`);
  });
  it("cdf grid counts add up and equal the counts of the values", () => {
    const grid = { lo: -4, hi: 2, bins: 600 };
    const cdfJob: TracyWidomJob = { ...job, summary: "cdf", grid };
    const out = JSON.parse(blocked(cdfJob, 7, "json").toString());
    assert.deepEqual(out, JSON.parse(blocked(cdfJob, 1, "json").toString()));
    const values = run({ ...job, summary: "values" }).rows as Float64Array;
    const edges = uniformEdges(grid.lo, grid.hi, grid.bins);
    const below = values.filter((x) => x < edges[0]).length;
    const inside = values.filter((x) => x >= edges[300] && x < edges[301]).length;
    assert.equal(out.below, below);
    assert.equal(out.counts[300], inside);
    assert.equal(
      out.counts.reduce((a: number, b: number) => a + b, 0) + out.below + out.above,
      300,
    );
  });
});
