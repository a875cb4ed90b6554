/**
 * The cost of a run, estimated before it starts with the command line's model: the operation
 * counts of `estimateJobCost` (src/ensembles/sample.ts: S·N·(B + 1) Sturm steps for a histogram,
 * S·N·60 for λ_max, S·N² for all eigenvalues or the CMV angles) at ≈ 1e8 operations per second,
 * and for the Gibbs sampler `betaens gibbs`'s estimate (src/cli/gibbs.ts: ≈ 700·N units of 1e-8 s
 * per pass, plus N² for the eigenvalues).
 */
import { estimateJobCost, type SampleJob } from "../../src/ensembles/sample.js";
import { modelOf } from "./results.js";
import type { Settings } from "./state.js";

/** Operations per second assumed by the CLI's limits (src/ensembles/sample.ts, LIMITS). */
export const OPERATIONS_PER_SECOND = 1e8;
/** Runs estimated above this many seconds wait for a confirmation. */
export const CONFIRM_SECONDS = 60;

/** Estimated seconds of the run of `settings`. */
export function estimateSeconds(settings: Settings): number {
  const { n, samples, view } = settings;
  if (settings.ensemble === "potential") {
    const chains = view === "configuration" ? 1 : samples;
    const units =
      chains * ((settings.passes ?? 1) * n * 700) + (view === "configuration" ? n * n : 0);
    return units * 1e-8;
  }
  const stat =
    view === "histogram"
      ? "histogram"
      : view === "edge"
        ? "max"
        : view === "local"
          ? "spacings"
          : "eigenvalues";
  const perSample = view === "configuration" ? 1 : samples;
  const spec =
    settings.spec ?? ({ ensemble: settings.ensemble, params: {} } as unknown as SampleJob["spec"]);
  const job: SampleJob = {
    spec,
    model: modelOf(settings),
    n,
    beta: settings.beta,
    samples: 1,
    seed: settings.seed,
    stat,
    edges: stat === "histogram" ? new Float64Array(settings.bins + 1) : undefined,
  };
  let seconds: number;
  try {
    // One sample, by the CLI's own model (the CLI's limit applies to whole runs; the page asks
    // instead of refusing).
    seconds = estimateJobCost(job).seconds;
  } catch {
    const operations =
      stat === "histogram" ? n * (settings.bins + 1) : stat === "max" ? n * 60 : n * n;
    seconds = operations / OPERATIONS_PER_SECOND;
  }
  return perSample * seconds;
}

/** "about 40 s", "about 3.5 minutes", "about 1.2 days". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "an unknown time";
  if (seconds < 1) return "under a second";
  if (seconds < 90) return `about ${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `about ${round(seconds / 60)} minutes`;
  if (seconds < 48 * 3600) return `about ${round(seconds / 3600)} hours`;
  return `about ${round(seconds / 86400)} days`;
}

function round(x: number): string {
  return x < 10 ? x.toFixed(1) : x.toFixed(0);
}
