/** Shared by the benchmarks: one row of a timing table, and its Markdown rendering. */

/** A timing against a baseline measured in the same run; ratio = baselineSeconds / seconds. */
export interface Row {
  task: string;
  n: number;
  seconds: number;
  baseline: string;
  baselineSeconds: number;
  ratio: number;
  /** Wall-clock seconds of the same runs, when `seconds` is CPU time. */
  wallSeconds?: number;
  baselineWallSeconds?: number;
  /** A peer library measured in the same run, interleaved (e.g. numpy, scipy). */
  peer?: string;
  peerSeconds?: number;
  peerWallSeconds?: number;
}

function fmt(seconds: number | undefined): string {
  return seconds !== undefined && Number.isFinite(seconds) ? seconds.toPrecision(3) : "—";
}

function times(cpu: number, wall: number | undefined): string {
  return wall === undefined ? fmt(cpu) : `${fmt(cpu)} (${fmt(wall)})`;
}

function ratio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(1)}×` : "—";
}

/** Prints rows as a Markdown table (used by `npm run bench` and by each bench file run alone). */
export function printTable(rows: Row[], title?: string): void {
  if (title) console.log(`\n## ${title}\n`);
  const withPeer = rows.some((r) => r.peer !== undefined || r.wallSeconds !== undefined);
  if (!withPeer) {
    console.log("| task | N | seconds | baseline | baseline s | speed-up |");
    console.log("|---|---|---|---|---|---|");
    for (const r of rows) {
      console.log(
        `| ${r.task} | ${r.n} | ${fmt(r.seconds)} | ${r.baseline} | ${fmt(r.baselineSeconds)} | ${ratio(r.ratio)} |`,
      );
    }
    return;
  }
  console.log(
    "| task | N | seconds CPU (wall) | baseline | baseline s CPU (wall) | speed-up | peer | peer s CPU (wall) | vs peer |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const peerRatio = r.peerSeconds === undefined ? Number.NaN : r.peerSeconds / r.seconds;
    console.log(
      `| ${r.task} | ${r.n} | ${times(r.seconds, r.wallSeconds)} | ${r.baseline} | ` +
        `${times(r.baselineSeconds, r.baselineWallSeconds)} | ${ratio(r.ratio)} | ${r.peer ?? "—"} | ` +
        `${r.peerSeconds === undefined ? "—" : times(r.peerSeconds, r.peerWallSeconds)} | ${ratio(peerRatio)} |`,
    );
  }
}
