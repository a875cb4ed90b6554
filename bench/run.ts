/**
 * `npm run bench`: every benchmark of bench/, one table. Each row reports a time and the ratio
 * against a baseline measured in the same run (never a fixed number from elsewhere).
 */
export interface Row {
  task: string;
  n: number;
  seconds: number;
  baseline: string;
  baselineSeconds: number;
  ratio: number;
}

const suites: [string, string, string][] = [
  ["tridiagonal linear algebra", "./tridiagonal.js", "benchTridiagonal"],
  ["dense / circular / Ginibre", "./dense.js", "benchDense"],
  ["Gibbs sampler", "./gibbs.js", "benchGibbs"],
  ["Tracy–Widom", "./tracyWidom.js", "benchTracyWidom"],
  ["λ_max for huge N (truncated model)", "./edge.js", "benchEdge"],
];

function fmt(seconds: number): string {
  return Number.isFinite(seconds) ? seconds.toPrecision(3) : "—";
}

const only = process.argv[2];
for (const [title, path, name] of suites) {
  if (only && !title.includes(only) && !path.includes(only)) continue;
  let module: Record<string, () => Promise<Row[]>>;
  try {
    module = await import(path);
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_MODULE_NOT_FOUND") continue;
    throw error;
  }
  const rows = await module[name]();
  console.log(`\n## ${title}\n`);
  console.log("| task | N | seconds | baseline | baseline s | speed-up |");
  console.log("|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.task} | ${r.n} | ${fmt(r.seconds)} | ${r.baseline} | ${fmt(r.baselineSeconds)} | ${Number.isFinite(r.ratio) ? `${r.ratio.toFixed(1)}×` : "—"} |`,
    );
  }
}
