/**
 * Sharded runs on a real Slurm cluster (one node, started here from Debian's slurm-wlm): a 4-task
 * job array samples with `--shard auto` (SLURM_ARRAY_TASK_ID/COUNT/MIN), a merge job runs after
 * it (--dependency=afterok), and the merged bytes equal the one-process run. Then one array task
 * is killed: the merge refuses, naming the missing shard; re-running that shard (--shard 2/4)
 * fixes it byte for byte. Under CI (CI set) the test fails when Slurm cannot start; elsewhere it
 * is skipped with a message when Slurm is not installed.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { BIN, ROOT } from "../helpers/cli.js";
import { type SlurmCluster, slurmInstalled, startSlurm } from "../helpers/slurm.js";

const inCi = Boolean(process.env.CI);
const skip =
  !inCi && !slurmInstalled()
    ? "Slurm (slurm-wlm, munge) is not installed: apt-get install -y slurm-wlm munge"
    : false;

/** The betaens command line from the sources (tsx loader by absolute path: any working folder). */
const TSX = fileURLToPath(import.meta.resolve("tsx"));
const BETAENS = `${JSON.stringify(process.execPath)} --import ${JSON.stringify(`file://${TSX}`)} ${JSON.stringify(BIN)}`;
const RUN = "sample hermite --n 1e5 --stat max --samples 40 --seed 2024";

describe("Slurm job array + merge", { skip }, () => {
  let cluster: SlurmCluster;
  before(() => {
    cluster = startSlurm();
  });
  after(() => {
    cluster?.stop();
  });

  /** sbatch --wait …; returns the job id. */
  const sbatch = (args: string[]): string =>
    cluster
      .run("sbatch", ["--parsable", "--wait", ...args])
      .trim()
      .split(";")[0];

  it("4 array tasks with --shard auto, a dependent merge: the bytes of the one-process run", () => {
    const dir = join(cluster.dir, "run1");
    mkdirSync(dir);
    const single = join(dir, "single.npy");
    const r = spawnSync("sh", ["-c", `${BETAENS} ${RUN} --output ${single}`], {
      cwd: ROOT,
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr);
    // Submit without --wait so that the merge can depend on the array job.
    const array = cluster
      .run("sbatch", [
        "--parsable",
        "--array=0-3",
        `--output=${dir}/task-%a.log`,
        "--wrap",
        `${BETAENS} ${RUN} --workers 1 --shard auto --output ${dir}/part-{shard}.bep`,
      ])
      .trim()
      .split(";")[0];
    sbatch([
      `--dependency=afterok:${array}`,
      `--output=${dir}/merge.log`,
      "--wrap",
      `${BETAENS} merge ${dir}/part-*.bep --output ${dir}/merged.npy`,
    ]);
    assert.ok(existsSync(join(dir, "merged.npy")), `no merged output\n${cluster.log()}`);
    assert.deepEqual(readFileSync(join(dir, "merged.npy")), readFileSync(single));
    for (let i = 0; i < 4; i++) assert.ok(existsSync(join(dir, `part-${i}.bep`)));
  });

  it("a killed task: merge refuses naming the missing shard; re-running it fixes the merge", () => {
    const dir = join(cluster.dir, "run2");
    mkdirSync(dir);
    // Task 2 kills itself (SIGKILL) before betaens writes anything.
    const body = `if [ "$SLURM_ARRAY_TASK_ID" = 2 ]; then kill -9 $$; fi; exec ${BETAENS} ${RUN} --workers 1 --shard auto --output ${dir}/part-{shard}.bep`;
    try {
      sbatch(["--array=0-3", `--output=${dir}/task-%a.log`, "--wrap", body]);
    } catch {
      // sbatch --wait exits non-zero when a task failed: expected.
    }
    assert.ok(!existsSync(join(dir, "part-2.bep")));
    const parts = [0, 1, 3].map((i) => join(dir, `part-${i}.bep`));
    const refused = spawnSync(
      "sh",
      ["-c", `${BETAENS} merge ${parts.join(" ")} --output ${dir}/merged.npy`],
      { encoding: "utf8" },
    );
    assert.equal(refused.status, 2, refused.stderr);
    assert.match(refused.stderr, /^betaens: error: missing shard 2 \(samples 20…29\) of 4\n$/);
    assert.ok(!existsSync(join(dir, "merged.npy")));
    // Re-run the lost shard as a plain job with its index given explicitly.
    sbatch([
      `--output=${dir}/rerun.log`,
      "--wrap",
      `${BETAENS} ${RUN} --workers 1 --shard 2/4 --output ${dir}/part-{shard}.bep`,
    ]);
    const merged = spawnSync(
      "sh",
      ["-c", `${BETAENS} merge ${dir}/part-*.bep --output ${dir}/merged.npy`],
      { encoding: "utf8" },
    );
    assert.equal(merged.status, 0, merged.stderr);
    assert.deepEqual(
      readFileSync(join(dir, "merged.npy")),
      readFileSync(join(cluster.dir, "run1", "single.npy")),
    );
  });
});
