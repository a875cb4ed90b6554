/**
 * The defaults written once (src/spec/defaults.ts): a job that the CLI builds with no optional
 * flag equals the job built from the defaults module (sample, linstat: the parsed job; gibbs,
 * tw sample, mixing: the normalised job in a shard's manifest), the library's mixing plan takes
 * its control and initial state from it, and the explorer's initial form shows its values.
 */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseLinstatArgs } from "../../src/cli/linstat.js";
import { openPartial } from "../../src/cli/partialFile.js";
import { parseSampleArgs } from "../../src/cli/sample.js";
import { defaultSpectralInterval } from "../../src/gibbs/sampler.js";
import { mixingPlan } from "../../src/mixing/study.js";
import {
  CDF_GRID,
  DEFAULT_BETA,
  DEFAULT_HISTOGRAM_BINS,
  DEFAULT_SAMPLES,
  DEFAULT_SUMMARY,
  GIBBS_DEFAULTS,
  LINSTAT_DEFAULTS,
  MIXING_DEFAULTS,
  mixingControlSamples,
  TW_SAMPLE_DEFAULTS,
} from "../../src/spec/defaults.js";
import {
  canonicalJob,
  type GibbsJob,
  type MixingJob,
  type SampleJob,
  type TracyWidomJob,
} from "../../src/spec/job.js";
import { DEFAULT_PARAMETERS } from "../../src/spec/params.js";
import { DEFAULTS, readSettings } from "../../web/src/state.js";
import { betaens } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "betaens-defaults-"));

/** Runs `betaens ARGS… --shard 0/1 --output PART` and returns the job and run of its manifest. */
function shardJob(name: string, args: string[]): { job: string; count: number } {
  const path = join(dir, `${name}.part`);
  const r = betaens([...args, "--shard", "0/1", "--output", path]);
  assert.equal(r.status, 0, r.stderr);
  const { manifest } = openPartial(path);
  return { job: manifest.job, count: manifest.run.count };
}

describe("defaults in one place (src/spec/defaults.ts)", () => {
  it("betaens sample with no optional flag = the job from the defaults", () => {
    const { specJob } = parseSampleArgs(["hermite", "--n", "5", "--seed", "1"]);
    const expected: SampleJob = {
      task: "sample",
      ensemble: "hermite",
      params: { ...DEFAULT_PARAMETERS.hermite },
      reported: Object.entries(DEFAULT_PARAMETERS.hermite),
      model: "tridiagonal",
      stat: "eigenvalues",
      n: 5,
      beta: DEFAULT_BETA,
      seed: 1,
      first: 0,
      count: DEFAULT_SAMPLES,
      scaling: "none",
      summary: DEFAULT_SUMMARY,
    };
    assert.equal(canonicalJob(specJob), canonicalJob(expected));
    assert.equal(specJob.count, DEFAULT_SAMPLES);
    const cdf = parseSampleArgs(
      ["hermite", "--n", "5", "--seed", "1", "--stat", "max"].concat([
        "--scaling",
        "edge",
        "--summary",
        "cdf",
      ]),
    );
    assert.deepEqual(cdf.specJob.grid, CDF_GRID);
    const histogram = parseSampleArgs([
      "hermite",
      "--n",
      "5",
      "--seed",
      "1",
      "--stat",
      "histogram",
    ]);
    assert.equal(histogram.specJob.histogram?.bins, DEFAULT_HISTOGRAM_BINS);
  });

  it("betaens linstat with no optional flag = the job from the defaults", () => {
    const { job } = parseLinstatArgs(
      ["potential", "--potential", "x^2/2", "--f", "x", "--n", "10"].concat(["--seed", "1"]),
    );
    assert.equal(job.samples, LINSTAT_DEFAULTS.samples);
    assert.equal(job.beta, LINSTAT_DEFAULTS.beta);
    assert.equal(job.scaling, LINSTAT_DEFAULTS.scaling);
    assert.equal(job.source.kind, "potential");
    if (job.source.kind !== "potential") return;
    assert.equal(job.source.passes, LINSTAT_DEFAULTS.passes);
    assert.equal(job.source.initial, LINSTAT_DEFAULTS.initial);
  });

  it("betaens gibbs with no optional flag = the job from the defaults (shard manifest)", () => {
    const { job, count } = shardJob(
      "gibbs",
      ["gibbs", "--potential", "x^4/4", "--n", "3"].concat(["--seed", "1"]),
    );
    const expected: GibbsJob = {
      task: "gibbs",
      coeffs: [0, 0, 0, 0, 0.25],
      n: 3,
      beta: GIBBS_DEFAULTS.beta,
      passes: GIBBS_DEFAULTS.passes,
      initial: GIBBS_DEFAULTS.initial,
      stat: GIBBS_DEFAULTS.stat,
      seed: 1,
      first: 0,
      count: GIBBS_DEFAULTS.samples,
      scaling: GIBBS_DEFAULTS.scaling,
      summary: DEFAULT_SUMMARY,
      spectralEvery: defaultSpectralInterval(3, GIBBS_DEFAULTS.beta),
      diagnostics: "auto",
    };
    assert.equal(job, canonicalJob(expected));
    assert.equal(count, GIBBS_DEFAULTS.samples);
  });

  it("betaens tw sample --summary cdf = the job from the defaults (grid, samples)", () => {
    const { job, count } = shardJob(
      "tw",
      ["tw", "sample", "--beta", "2", "--seed", "1"].concat(["--summary", "cdf"]),
    );
    const expected: TracyWidomJob = {
      task: "tw",
      beta: 2,
      convention: "beta",
      method: "inversion",
      seed: 1,
      first: 0,
      count: TW_SAMPLE_DEFAULTS.samples,
      summary: "cdf",
      grid: { ...TW_SAMPLE_DEFAULTS.grid },
    };
    assert.equal(job, canonicalJob(expected));
    assert.equal(count, TW_SAMPLE_DEFAULTS.samples);
    assert.deepEqual(TW_SAMPLE_DEFAULTS.grid, CDF_GRID);
  });

  it("betaens mixing with no optional flag = the job from the defaults; so is the library's plan", () => {
    const { job, count } = shardJob(
      "mixing",
      ["mixing", "--potential", "x^2/2", "--beta", "2"].concat(["--n", "2", "--seed", "1"]),
    );
    const expected: MixingJob = {
      task: "mixing",
      coeffs: [0, 0, 0.5],
      beta: 2,
      ns: [2],
      chains: MIXING_DEFAULTS.chains,
      passes: MIXING_DEFAULTS.passes,
      initial: MIXING_DEFAULTS.initial,
      seed: 1,
      controlSamples: mixingControlSamples(MIXING_DEFAULTS.chains),
      first: 0,
      count: MIXING_DEFAULTS.chains,
    };
    assert.equal(job, canonicalJob(expected));
    assert.equal(count, MIXING_DEFAULTS.chains);
    assert.equal(mixingControlSamples(200), 20000);
    assert.equal(mixingControlSamples(5000), 100000);
    const plan = mixingPlan({
      coeffs: [0, 0, 0.5],
      beta: 2,
      ns: [2],
      chains: 3000,
      passes: 1,
      seed: 1,
    });
    assert.equal(plan.controlSamples, mixingControlSamples(3000));
    assert.equal(plan.initial, MIXING_DEFAULTS.initial);
  });

  it("the explorer's initial form shows the defaults", () => {
    assert.equal(DEFAULTS.beta, String(DEFAULT_BETA));
    assert.equal(DEFAULTS.samples, String(DEFAULT_SAMPLES));
    assert.equal(DEFAULTS.bins, String(DEFAULT_HISTOGRAM_BINS));
    assert.equal(DEFAULTS.initial, GIBBS_DEFAULTS.initial);
    assert.equal(DEFAULTS.loc, String(DEFAULT_PARAMETERS.hermite.loc));
    assert.equal(DEFAULTS.sigma, String(DEFAULT_PARAMETERS.hermite.scale));
    assert.equal(DEFAULTS.shape, String(DEFAULT_PARAMETERS.laguerre.shape));
    assert.equal(DEFAULTS.theta, String(DEFAULT_PARAMETERS.laguerre.scale));
    assert.equal(DEFAULTS.a, String(DEFAULT_PARAMETERS.jacobi.a));
    assert.equal(DEFAULTS.b, String(DEFAULT_PARAMETERS.jacobi.b));
    const { settings } = readSettings(DEFAULTS, { circular: true, gibbs: true, tracyWidom: true });
    assert.ok(settings);
    assert.equal(settings.beta, DEFAULT_BETA);
    assert.equal(settings.samples, DEFAULT_SAMPLES);
    assert.deepEqual(settings.spec?.params, DEFAULT_PARAMETERS.hermite);
  });
});
