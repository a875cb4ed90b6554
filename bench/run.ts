/**
 * `npm run bench`: every benchmark of bench/, one table. Each row reports a time and the ratio
 * against a baseline measured in the same run (never a fixed number from elsewhere).
 */
import { printTable, type Row } from "./table.js";

const suites: [string, string, string][] = [
  ["tridiagonal linear algebra", "./tridiagonal.js", "benchTridiagonal"],
  ["dense / circular / Ginibre", "./dense.js", "benchDense"],
  ["Gibbs sampler", "./gibbs.js", "benchGibbs"],
  ["Gibbs sampler, issue 10: before/after and spectral moves", "./gibbs.js", "benchGibbsIssue10"],
  ["exact β = 2 law for polynomial V", "./unitaryEnsemble.js", "benchUnitaryEnsemble"],
  ["Tracy–Widom", "./tracyWidom.js", "benchTracyWidom"],
  ["λ_max for huge N (truncated model)", "./edge.js", "benchEdge"],
  ["WebAssembly kernels vs JavaScript vs numpy/scipy", "./kernels.js", "benchKernels"],
  ["random density matrices and linear statistics", "./linstat.js", "benchLinstatRows"],
  ["driver, threads and memory", "./scale.js", "benchScale"],
  [
    "local statistics (spacing laws, window eigenvalues)",
    "./localStatistics.js",
    "benchLocalStatistics",
  ],
];

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
  const rows: Row[] = await module[name]();
  printTable(rows, title);
}
