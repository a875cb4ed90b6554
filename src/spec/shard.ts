/**
 * Shards: shard i of K (0-based, 0 ≤ i < K, as SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX and
 * AWS_BATCH_JOB_ARRAY_INDEX count) takes the contiguous block of sample indices
 * [first + ⌊i·S/K⌋, first + ⌊(i+1)·S/K⌋) of a run of S samples. Browser-safe: the environment is
 * passed in as a plain record (process.env in Node).
 */
import type { SampleRange } from "./job.js";

/** Shard `index` of `count` (0-based). */
export interface Shard {
  index: number;
  count: number;
}

/** At most this many shards (a Slurm array of 1e6 tasks is beyond any site's MaxArraySize). */
export const MAX_SHARDS = 1_000_000;

/**
 * The block of shard i of K in [first, first + total): sizes differ by at most one, shards are
 * in sample order, and their union is the whole range (⌊i·S/K⌋ computed without overflow).
 */
export function shardRange(range: SampleRange, shard: Shard): SampleRange {
  checkShard(shard);
  const { first, count } = range;
  const start = (i: number): number =>
    Math.floor(count / shard.count) * i + Math.floor(((count % shard.count) * i) / shard.count);
  const a = start(shard.index);
  const b = start(shard.index + 1);
  return { first: first + a, count: b - a };
}

/** Throws a RangeError unless 0 ≤ index < count ≤ MAX_SHARDS, both integers. */
export function checkShard(shard: Shard): void {
  const { index, count } = shard;
  if (!(Number.isInteger(count) && count >= 1 && count <= MAX_SHARDS)) {
    throw new RangeError(
      `the number of shards must be an integer in 1 … ${MAX_SHARDS}, got ${count}`,
    );
  }
  if (!(Number.isInteger(index) && index >= 0 && index < count)) {
    throw new RangeError(
      `shard index must be an integer in 0 … ${count - 1} (0-based, like SLURM_ARRAY_TASK_ID), got ${index}`,
    );
  }
}

/** Parses "i/K" (0-based i). */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new RangeError(`--shard must be i/K (0-based i < K) or auto, got "${text}"`);
  const shard = { index: Number(match[1]), count: Number(match[2]) };
  checkShard(shard);
  return shard;
}

/** Where a shard came from: "--shard", or the environment variable(s) read. */
export interface ResolvedShard extends Shard {
  source: string;
}

function integerVariable(
  env: Record<string, string | undefined>,
  name: string,
): number | undefined {
  const text = env[name];
  if (text === undefined || text === "") return undefined;
  if (!/^\d+$/.test(text.trim()))
    throw new RangeError(`${name} must be a non-negative integer, got "${text}"`);
  return Number(text.trim());
}

/**
 * The shard of `--shard auto`, from the first scheduler whose variables are set:
 * - Slurm job arrays: SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT (and
 *   SLURM_ARRAY_TASK_STEP, SLURM_ARRAY_TASK_MAX when present): i = (ID − MIN)/STEP, K = COUNT; the
 *   array must be one arithmetic range (e.g. --array=0-63 or 1-64 or 0-62:2), not a list.
 * - Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX with `shards` (--shards K = .spec.completions).
 * - AWS Batch array jobs: AWS_BATCH_JOB_ARRAY_INDEX with `shards` (--shards K = array size).
 * `shards` given with Slurm must equal SLURM_ARRAY_TASK_COUNT. Throws a RangeError naming the
 * variables when none is set or they are inconsistent.
 */
export function shardFromEnvironment(
  env: Record<string, string | undefined>,
  shards?: number,
): ResolvedShard {
  const id = integerVariable(env, "SLURM_ARRAY_TASK_ID");
  if (id !== undefined) {
    const count = integerVariable(env, "SLURM_ARRAY_TASK_COUNT");
    const min = integerVariable(env, "SLURM_ARRAY_TASK_MIN") ?? 0;
    const max = integerVariable(env, "SLURM_ARRAY_TASK_MAX");
    const step = integerVariable(env, "SLURM_ARRAY_TASK_STEP") ?? 1;
    if (count === undefined) {
      throw new RangeError("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not");
    }
    if (step < 1 || (id - min) % step !== 0 || id < min) {
      throw new RangeError(
        `SLURM_ARRAY_TASK_ID = ${id} is not on the array's range (min ${min}, step ${step})`,
      );
    }
    if (max !== undefined && (max - min) / step + 1 !== count) {
      throw new RangeError(
        `the Slurm array is not one range (min ${min}, max ${max}, step ${step}, count ${count}); use --array=0-${count - 1}`,
      );
    }
    if (shards !== undefined && shards !== count) {
      throw new RangeError(`--shards ${shards} disagrees with SLURM_ARRAY_TASK_COUNT = ${count}`);
    }
    const shard = { index: (id - min) / step, count, source: "SLURM_ARRAY_TASK_ID" };
    checkShard(shard);
    return shard;
  }
  for (const name of ["JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"]) {
    const index = integerVariable(env, name);
    if (index === undefined) continue;
    if (shards === undefined) {
      throw new RangeError(`${name} = ${index} is set: give the number of shards with --shards K`);
    }
    const shard = { index, count: shards, source: name };
    checkShard(shard);
    return shard;
  }
  throw new RangeError(
    "--shard auto found no shard index in the environment (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX); use --shard i/K",
  );
}
