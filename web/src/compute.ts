/**
 * The runs of a view in one thread, as generators of snapshots (the worker posts them as partial
 * results): local statistics and Ginibre (which the worker runs so), and the potential V
 * ensemble's Gibbs chains (gibbs.ts, with progress inside a chain), which the worker runs over
 * its Web Workers instead (blockPool.ts) with the same snapshots. The sample views of the
 * classical and circular ensembles run on the driver (jobs.ts, over Web Workers: worker.ts).
 */
import { gibbsExplorerRun } from "./gibbs.js";
import { ginibreRun } from "./ginibre.js";
import { localStatsRun } from "./localStats.js";
import type { Progress, Snapshot } from "./protocol.js";
import type { Settings } from "./state.js";

/**
 * The run of a Gibbs view: yields snapshots, the last one with done = total. `onProgress`
 * reports progress inside a long step without a new result (the passes of a Gibbs chain).
 */
export function* explorerRun(
  settings: Settings,
  onProgress?: (progress: Progress) => void,
): Generator<Snapshot> {
  // One thread, as the CLI: `--stat spacings` rows vary in length; Ginibre is one dense sample.
  if (settings.ensemble === "ginibre") return yield* ginibreRun(settings);
  if (settings.view === "local") return yield* localStatsRun(settings);
  if (settings.ensemble !== "potential") {
    throw new RangeError(`${settings.ensemble}: the sample views run on the driver (jobs.ts)`);
  }
  yield* gibbsExplorerRun(settings, onProgress);
}
