import cliProgress from "cli-progress";

/** Estimated seconds above which a run counts as long enough to show progress. */
const LONG_RUN_SECONDS = 3;

/**
 * A progress callback for long runs: a cli-progress bar on stderr, shown only when stderr is a
 * terminal and the run is estimated to be long; otherwise a no-op. Call `done()` at the end.
 */
export function progressReporter(
  total: number,
  seconds: number,
  label: string,
): { update: (done: number, total: number) => void; done: () => void } {
  if (!process.stderr.isTTY || seconds < LONG_RUN_SECONDS || total < 2) {
    return { update: () => {}, done: () => {} };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {value}/{total} samples | {eta_formatted} left`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (doneCount: number) => bar.update(doneCount),
    done: () => bar.stop(),
  };
}
