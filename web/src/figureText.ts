/**
 * Text alternatives of a figure for screen readers: a short accessible name (the SVG's own
 * title and tick labels would be read one by one) and a table of the numbers behind it.
 */
import type { Figure } from "./results.js";
import type { Settings } from "./state.js";
import { VIEW_NAMES } from "./state.js";

/** Rows of the data table at most (the downloads hold everything). */
export const TABLE_ROWS_MAX = 1000;

const ENSEMBLE_NAMES: Record<string, string> = {
  hermite: "Hermite",
  laguerre: "Laguerre",
  jacobi: "Jacobi",
  circular: "circular",
  potential: "potential V",
};

/** E.g. "Histogram vs limit law: Hermite, β = 2, N = 100000; data table below". */
export function shortLabel(settings: Settings, _figure: Figure): string {
  const name = ENSEMBLE_NAMES[settings.ensemble] ?? settings.ensemble;
  return `${VIEW_NAMES[settings.view]}: ${name}, β = ${settings.beta}, N = ${settings.n}; data table below`;
}

type Numeric = ArrayLike<number>;

function isNumeric(x: unknown): x is Numeric {
  return x instanceof Float64Array || (Array.isArray(x) && x.every((v) => typeof v === "number"));
}

/** The columns of the table for a figure's exported data (histogram bins, or values). */
function columns(data: Record<string, unknown>): { head: string[]; rows: (number | string)[][] } {
  const edges = data.edges;
  const counts = data.counts;
  if (isNumeric(edges) && isNumeric(counts)) {
    const rows: number[][] = [];
    for (let i = 0; i < counts.length; i++) rows.push([edges[i], edges[i + 1], counts[i]]);
    return { head: ["bin from", "bin to", "count"], rows };
  }
  let samples = data.samples;
  if (Array.isArray(samples) && samples.length === 1 && isNumeric(samples[0])) samples = samples[0];
  if (isNumeric(samples)) {
    const rows: number[][] = [];
    for (let i = 0; i < samples.length; i++) rows.push([i, samples[i]]);
    const what = data.stat === "eigenvalues" ? "point" : "λ_max";
    return { head: ["index", what], rows };
  }
  return { head: ["value"], rows: [] };
}

/** A <table> of the numbers behind the figure (the first TABLE_ROWS_MAX rows). */
export function dataTable(figure: Figure, caption: string): HTMLTableElement {
  const table = document.createElement("table");
  table.id = "data-table";
  const { head, rows } = columns(figure.data);
  const cap = document.createElement("caption");
  const more =
    rows.length > TABLE_ROWS_MAX
      ? ` (first ${TABLE_ROWS_MAX} of ${rows.length} rows; the downloads hold all)`
      : "";
  cap.textContent = `${caption.replace(/; data table below$/, "")}${more}`;
  table.append(cap);
  const thead = document.createElement("thead");
  const tr = document.createElement("tr");
  for (const h of head) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = h;
    tr.append(th);
  }
  thead.append(tr);
  const tbody = document.createElement("tbody");
  for (const row of rows.slice(0, TABLE_ROWS_MAX)) {
    const r = document.createElement("tr");
    for (const v of row) {
      const td = document.createElement("td");
      td.textContent = typeof v === "number" ? String(v) : v;
      r.append(td);
    }
    tbody.append(r);
  }
  table.append(thead, tbody);
  return table;
}
