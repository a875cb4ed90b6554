/** Shared by the benchmarks: one row of a timing table, and its Markdown rendering. */

/** A timing against a baseline measured in the same run; ratio = baselineSeconds / seconds. */
export interface Row {
  task: string;
  n: number;
  seconds: number;
  baseline: string;
  baselineSeconds: number;
  ratio: number;
}

function fmt(seconds: number): string {
  return Number.isFinite(seconds) ? seconds.toPrecision(3) : "—";
}

/** Prints rows as a Markdown table (used by `npm run bench` and by each bench file run alone). */
export function printTable(rows: Row[], title?: string): void {
  if (title) console.log(`\n## ${title}\n`);
  console.log("| task | N | seconds | baseline | baseline s | speed-up |");
  console.log("|---|---|---|---|---|---|");
  for (const r of rows) {
    const ratio = Number.isFinite(r.ratio) ? `${r.ratio.toFixed(1)}×` : "—";
    console.log(
      `| ${r.task} | ${r.n} | ${fmt(r.seconds)} | ${r.baseline} | ${fmt(r.baselineSeconds)} | ${ratio} |`,
    );
  }
}
