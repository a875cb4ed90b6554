/**
 * The command line that reproduces the page's result: `npx betaens sample …` (classical and
 * circular ensembles) or `npx betaens gibbs …` (potential V), with the flags of the CLI for the
 * same seed, so that its JSON output holds the same numbers as the page's JSON download (sample s
 * of seed K is createRandomSource(K, s) in both).
 */
import { DEFAULT_BULK, GIBBS_DEFAULTS } from "../../src/spec/defaults.js";
import { modelOf } from "./results.js";
import type { Settings } from "./state.js";

/** A word for a POSIX shell: bare when safe, else single-quoted. */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_.,+=:/@%-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The `--stat` of each view (the page's JSON download has the CLI's layout for it). */
function statOf(settings: Settings): string {
  switch (settings.view) {
    case "histogram":
      return "histogram";
    case "configuration":
      return "eigenvalues";
    case "edge":
      return "max";
    case "local":
      return "spacings";
    default:
      return "trace";
  }
}

/** The arguments after `betaens` for these settings. */
export function commandArgs(settings: Settings): string[] {
  const stat = statOf(settings);
  const samples = settings.view === "configuration" ? 1 : settings.samples;
  const common = [
    "--n",
    String(settings.n),
    "--beta",
    String(settings.beta),
    "--samples",
    String(samples),
    "--seed",
    String(settings.seed),
    "--stat",
    stat,
  ];
  if (stat === "histogram") common.push("--bins", String(settings.bins));
  if (stat === "spacings") common.push("--bulk", (settings.bulk ?? DEFAULT_BULK).join(","));
  if (settings.ensemble === "potential") {
    return [
      "gibbs",
      "--potential",
      settings.potential ?? "",
      "--passes",
      String(settings.passes),
      "--initial",
      settings.initial ?? GIBBS_DEFAULTS.initial,
      ...common,
    ];
  }
  const args = ["sample", settings.ensemble];
  if (settings.ensemble === "circular") args.push("--model", "cmv");
  if (settings.ensemble === "ginibre") args.push("--model", "full");
  args.push(...common);
  // Wishart/MANOVA dimensions as typed (--m, --m1 --m2): the CLI converts them as the page did.
  for (const [key, value] of Object.entries(settings.dims ?? settings.spec?.params ?? {})) {
    args.push(`--${key}`, String(value));
  }
  return args;
}

/** E.g. "npx betaens sample hermite --n 100000 --beta 2 --samples 1 --seed 42 --stat histogram …". */
export function commandLine(settings: Settings): string {
  return ["npx", "betaens", ...commandArgs(settings)].map(shellWord).join(" ");
}

/**
 * A Node script (ESM) with the library calls that compute the page's result and print it as
 * `betaens`'s JSON: runSample for the classical and circular ensembles (the histogram over
 * defaultHistogramRange, as the page), gibbsRun for the potential V (over μ_V's support ± 5%).
 */
export function javascriptSnippet(settings: Settings): string {
  const stat = statOf(settings);
  const samples = settings.view === "configuration" ? 1 : settings.samples;
  const { n, beta, seed, bins } = settings;
  const lines: string[] = [];
  if (settings.ensemble === "potential") {
    const names = ["formatJson", "gibbsRun", "parsePotential"];
    if (stat === "histogram") names.push("equilibriumMeasure", "uniformEdges");
    lines.push(`import { ${names.sort().join(", ")} } from "betaens";`, "");
    lines.push(`const coeffs = parsePotential(${JSON.stringify(settings.potential ?? "")});`);
    if (stat === "histogram") {
      lines.push(
        "const [a, b] = equilibriumMeasure(coeffs).support;",
        "const margin = 0.05 * (b - a);",
      );
    }
    lines.push(
      "const result = gibbsRun({",
      `  coeffs, n: ${n}, beta: ${beta}, passes: ${settings.passes}, samples: ${samples}, seed: ${seed},`,
      `  stat: "${stat}", initial: "${settings.initial ?? "zero"}",`,
    );
    if (stat === "histogram") lines.push(`  edges: uniformEdges(a - margin, b + margin, ${bins}),`);
    lines.push("});");
  } else {
    const names = ["formatJson", "runSample"];
    if (stat === "histogram") names.push("defaultHistogramRange", "uniformEdges");
    lines.push(`import { ${names.sort().join(", ")} } from "betaens";`, "");
    const params = JSON.stringify(settings.spec?.params ?? {}).replace(/"(\w+)":/g, "$1: ");
    const model = modelOf(settings);
    lines.push(
      `const spec = { ensemble: "${settings.ensemble}", params: ${params.replace(/,/g, ", ")} };`,
    );
    if (stat === "histogram")
      lines.push(`const [lo, hi] = defaultHistogramRange(spec, ${n}, ${beta});`);
    lines.push(
      "const result = runSample({",
      `  spec, model: "${model}", n: ${n}, beta: ${beta}, samples: ${samples}, seed: ${seed}, stat: "${stat}",`,
    );
    if (stat === "histogram") lines.push(`  edges: uniformEdges(lo, hi, ${bins}),`);
    if (stat === "spacings") lines.push(`  bulk: [${(settings.bulk ?? [0, 1]).join(", ")}],`);
    lines.push("});");
  }
  lines.push("console.log(formatJson(result));");
  return `${lines.join("\n")}\n`;
}
