/**
 * Shards: the blocks of shard i of K tile the run; `--shard auto` reads Slurm, Kubernetes and AWS
 * Batch variables (and refuses inconsistent or missing ones); the job's canonical form ignores
 * field order. The recipes of docs/scale/ are checked: the Kubernetes manifests against the
 * Kubernetes API schema (kubernetes-models), and the betaens command lines in them and in the
 * Slurm script against the CLI's own parser, with each scheduler's variables set.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Job as KubernetesJob } from "kubernetes-models/batch/v1/Job";
import { PersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import { parseAllDocuments } from "yaml";
import { parseSampleArgs } from "../../src/cli/sample.js";
import { parseScaleFlags } from "../../src/cli/scale.js";
import { canonicalJob, jobDifferences, type SampleJob } from "../../src/spec/job.js";
import { parseShard, shardFromEnvironment, shardRange } from "../../src/spec/shard.js";
import { ROOT } from "../helpers/cli.js";

describe("shardRange", () => {
  it("shards tile [first, first + S) in order, sizes differ by at most one", () => {
    for (const count of [0, 1, 7, 10, 64, 1000, 2 ** 53 - 1]) {
      for (const k of [1, 2, 3, 7, 64, 1000]) {
        let next = 5;
        let min = Number.POSITIVE_INFINITY;
        let max = 0;
        for (let i = 0; i < k; i++) {
          const r = shardRange({ first: 5, count }, { index: i, count: k });
          assert.equal(r.first, next, `S=${count} K=${k} i=${i}`);
          next += r.count;
          min = Math.min(min, r.count);
          max = Math.max(max, r.count);
        }
        assert.equal(next, 5 + count);
        assert.ok(max - min <= 1, `S=${count} K=${k}: sizes ${min}…${max}`);
      }
    }
  });
  it("shard i of K starts at first + ⌊i·S/K⌋ (the documented formula)", () => {
    assert.deepEqual(shardRange({ first: 0, count: 10 }, { index: 1, count: 3 }), {
      first: 3,
      count: 3,
    });
    assert.deepEqual(shardRange({ first: 0, count: 10 }, { index: 2, count: 3 }), {
      first: 6,
      count: 4,
    });
    assert.deepEqual(shardRange({ first: 100, count: 7 }, { index: 3, count: 4 }), {
      first: 105,
      count: 2,
    });
    const s = 2 ** 53 - 1;
    assert.deepEqual(
      shardRange({ first: 0, count: s }, { index: 1, count: 3 }).first,
      Math.floor(s / 3),
    );
  });
  it("parseShard: 0-based i/K", () => {
    assert.deepEqual(parseShard("0/4"), { index: 0, count: 4 });
    assert.deepEqual(parseShard(" 3 / 4 "), { index: 3, count: 4 });
    assert.throws(() => parseShard("4/4"), /0 … 3 \(0-based/);
    assert.throws(() => parseShard("1/0"), /number of shards/);
    assert.throws(() => parseShard("a/b"), /must be i\/K/);
  });
});

describe("--shard auto from the environment", () => {
  it("Slurm: (ID − MIN)/STEP of COUNT; ranges starting at 1 and stepped ranges", () => {
    assert.deepEqual(
      shardFromEnvironment({
        SLURM_ARRAY_TASK_ID: "5",
        SLURM_ARRAY_TASK_COUNT: "64",
        SLURM_ARRAY_TASK_MIN: "0",
      }),
      { index: 5, count: 64, source: "SLURM_ARRAY_TASK_ID" },
    );
    const oneBased = {
      SLURM_ARRAY_TASK_ID: "64",
      SLURM_ARRAY_TASK_COUNT: "64",
      SLURM_ARRAY_TASK_MIN: "1",
      SLURM_ARRAY_TASK_MAX: "64",
    };
    assert.equal(shardFromEnvironment(oneBased).index, 63);
    const stepped = {
      SLURM_ARRAY_TASK_ID: "6",
      SLURM_ARRAY_TASK_COUNT: "4",
      SLURM_ARRAY_TASK_MIN: "0",
      SLURM_ARRAY_TASK_MAX: "6",
      SLURM_ARRAY_TASK_STEP: "2",
    };
    assert.equal(shardFromEnvironment(stepped).index, 3);
    assert.equal(shardFromEnvironment(oneBased, 64).count, 64);
  });
  it("Slurm: refuses lists, a missing COUNT and a disagreeing --shards", () => {
    const list = {
      SLURM_ARRAY_TASK_ID: "7",
      SLURM_ARRAY_TASK_COUNT: "3",
      SLURM_ARRAY_TASK_MIN: "1",
      SLURM_ARRAY_TASK_MAX: "7",
    };
    assert.throws(() => shardFromEnvironment(list), /not one range/);
    assert.throws(
      () => shardFromEnvironment({ SLURM_ARRAY_TASK_ID: "1" }),
      /SLURM_ARRAY_TASK_COUNT is not/,
    );
    assert.throws(
      () => shardFromEnvironment({ SLURM_ARRAY_TASK_ID: "1", SLURM_ARRAY_TASK_COUNT: "4" }, 8),
      /--shards 8 disagrees with SLURM_ARRAY_TASK_COUNT = 4/,
    );
  });
  it("Kubernetes and AWS Batch: the index with --shards", () => {
    assert.deepEqual(shardFromEnvironment({ JOB_COMPLETION_INDEX: "63" }, 64), {
      index: 63,
      count: 64,
      source: "JOB_COMPLETION_INDEX",
    });
    assert.deepEqual(shardFromEnvironment({ AWS_BATCH_JOB_ARRAY_INDEX: "0" }, 2), {
      index: 0,
      count: 2,
      source: "AWS_BATCH_JOB_ARRAY_INDEX",
    });
    assert.throws(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: "3" }), /--shards K/);
    assert.throws(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: "64" }, 64), /0 … 63/);
    assert.throws(
      () => shardFromEnvironment({ JOB_COMPLETION_INDEX: "x" }, 64),
      /non-negative integer/,
    );
    assert.throws(() => shardFromEnvironment({}), /found no shard index in the environment/);
  });
});

describe("the job value", () => {
  it("canonicalJob ignores field order and the sample range; jobDifferences names fields", () => {
    const a: SampleJob = {
      task: "sample",
      ensemble: "hermite",
      params: { loc: 0, scale: 1 },
      reported: [
        ["loc", 0],
        ["scale", 1],
      ],
      model: "tridiagonal",
      stat: "max",
      n: 10,
      beta: 2,
      seed: 1,
      first: 0,
      count: 10,
      scaling: "none",
      summary: "values",
    };
    const b = {
      summary: "values",
      scaling: "none",
      count: 3,
      first: 7,
      seed: 1,
      beta: 2,
      n: 10,
      stat: "max",
      model: "tridiagonal",
      reported: [
        ["loc", 0],
        ["scale", 1],
      ],
      params: { scale: 1, loc: 0 },
      ensemble: "hermite",
      task: "sample",
    } as SampleJob;
    assert.equal(canonicalJob(a), canonicalJob(b));
    assert.deepEqual(jobDifferences(a, { ...a, n: 11, seed: 2 }), ["n", "seed"]);
    assert.deepEqual(structuredClone(a), a);
  });
});

/** The betaens arguments of a command line (after the program name). */
function betaensArgs(words: string[]): string[] {
  const at = words.findIndex((w) => w === "betaens" || w.startsWith("betaens@"));
  assert.ok(at >= 0, `no betaens in ${words.join(" ")}`);
  return words.slice(at + 1);
}

describe("the recipes of docs/scale/", () => {
  const yamlDocuments = (name: string) =>
    parseAllDocuments(readFileSync(join(ROOT, "docs/scale", name), "utf8")).map((d) => d.toJS());

  it("Kubernetes Indexed Job: valid batch/v1 Job; its command runs shard i of completions", () => {
    const [claim, job] = yamlDocuments("kubernetes-indexed-job.yaml");
    new PersistentVolumeClaim(claim).validate();
    new KubernetesJob(job).validate();
    assert.equal(job.spec.completionMode, "Indexed");
    const args = betaensArgs(job.spec.template.spec.containers[0].command);
    const completions = job.spec.completions as number;
    for (const index of [0, completions - 1]) {
      const env = { JOB_COMPLETION_INDEX: String(index) };
      const { values } = { values: Object.fromEntries(flagPairs(args)) };
      const scale = parseScaleFlags(
        values,
        { seedGiven: true, output: values.output as string },
        env,
      );
      assert.deepEqual(scale.shard, { index, count: completions, source: "JOB_COMPLETION_INDEX" });
    }
    // The whole command line as the pod runs it (the cost checked is the shard's); the pod's
    // volume /parts is a local folder here (output paths are checked before any work).
    process.env.JOB_COMPLETION_INDEX = "5";
    const parts = mkdtempSync(join(tmpdir(), "betaens-k8s-"));
    try {
      const local = args.map((arg) => arg.replace(/^\/parts\//, `${parts}/`));
      const parsed = parseSampleArgs(local.slice(1));
      assert.equal(parsed.specJob.count, 1e8);
      assert.deepEqual(parsed.scale.shard, {
        index: 5,
        count: completions,
        source: "JOB_COMPLETION_INDEX",
      });
    } finally {
      delete process.env.JOB_COMPLETION_INDEX;
      rmSync(parts, { recursive: true, force: true });
    }
  });

  it("Kubernetes merge Job: valid batch/v1 Job", () => {
    const [job] = yamlDocuments("kubernetes-merge-job.yaml");
    new KubernetesJob(job).validate();
    assert.match(
      job.spec.template.spec.containers[0].command.join(" "),
      /betaens@[\d.]+ merge \/parts\/part-\*\.bep/,
    );
  });

  it("Slurm array script: --array=0-63 and a command that parses as shard i of 64", () => {
    const script = readFileSync(join(ROOT, "docs/scale/slurm-array.sh"), "utf8");
    assert.match(script, /#SBATCH --array=0-63/);
    const line = script
      .replace(/\\\n\s*/g, " ")
      .split("\n")
      .find((l) => l.startsWith("betaens "));
    assert.ok(line);
    const words = line.split(/\s+/).map((w) => w.replace(/^"\$\{SLURM_CPUS_PER_TASK:-1\}"$/, "4"));
    const args = betaensArgs(["betaens", ...words.slice(1)]);
    const values = Object.fromEntries(flagPairs(args));
    const env = {
      SLURM_ARRAY_TASK_ID: "63",
      SLURM_ARRAY_TASK_COUNT: "64",
      SLURM_ARRAY_TASK_MIN: "0",
      SLURM_ARRAY_TASK_MAX: "63",
    };
    const scale = parseScaleFlags(
      values,
      { seedGiven: true, output: values.output as string },
      env,
    );
    assert.deepEqual(scale.shard, { index: 63, count: 64, source: "SLURM_ARRAY_TASK_ID" });
  });
});

/** "--flag value" pairs of an argument list. */
function flagPairs(args: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith("--")) {
      pairs.push([args[i].slice(2), args[i + 1]]);
      i++;
    }
  }
  return pairs;
}
