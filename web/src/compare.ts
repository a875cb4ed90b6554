/**
 * Compare: up to three β (or N) values of the histogram view overlaid in one figure, each drawn
 * as its own density histogram (a step line) with its limit density, and a legend.
 *
 * Each configuration is exactly the run of the form's settings with β (or N) replaced: the same
 * job in the same worker, so sample s of seed K is Philox (K, s) and its counts are bit for bit
 * those of a single run of that configuration (test/web/explorer-compare.test.ts). Configurations
 * run one after the other; only completed ones are drawn (a stopped comparison shows those).
 */
import { type LineSeries, lineChartSvg } from "../../src/plot/lineChart.js";
import { nearlyIndependent } from "../../src/plot/sampleFigure.js";
import { limitLaw } from "../../src/theory/limits.js";
import { VERSION } from "../../src/version.js";
import { FEATURES } from "./features.js";
import type { HistogramPayload, Snapshot } from "./protocol.js";
import { type Figure, fileStem, resultHeader } from "./results.js";
import { Cancelled, type OneRun, runOnce } from "./runOnce.js";
import { type FormValues, readSettings, type Settings } from "./state.js";

/** At most this many configurations in one figure. */
export const COMPARE_MAX = 3;

export type CompareWhat = "beta" | "n";

/**
 * The settings of each configuration: the form's values with β (or N) replaced by each value of
 * the list ("1, 2, 4"), validated as the form is; or the reason why not.
 */
export function compareSettings(
  values: FormValues,
  what: CompareWhat,
  list: string,
): { settings: Settings[] } | { error: string } {
  const items = list
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const name = what === "beta" ? "β" : "N";
  if (items.length < 1 || items.length > COMPARE_MAX) {
    return { error: `give 1 to ${COMPARE_MAX} values of ${name}, e.g. “1, 2, 4”` };
  }
  if (values.view !== "histogram") {
    return { error: "compare overlays histograms: choose the histogram view" };
  }
  if (!["hermite", "laguerre", "jacobi", "circular"].includes(values.ensemble)) {
    return {
      error: `compare works on the classical and circular ensembles, not ${values.ensemble}`,
    };
  }
  const settings: Settings[] = [];
  for (const item of items) {
    const { settings: s, errors } = readSettings({ ...values, [what]: item }, FEATURES);
    if (!s) {
      const message = Object.values(errors).join("; ");
      return { error: `${name} = ${item}: ${message}` };
    }
    if (s.ensemble !== "circular" && nearlyIndependent(s.n, s.beta)) {
      return {
        error: `${name} = ${item}: β·N < 1 has no limit law axis to share; use β·N ≥ 1`,
      };
    }
    settings.push(s);
  }
  return { settings };
}

/** The figure of the completed configurations (settings[i] with snapshots[i]). */
export function compareFigure(
  what: CompareWhat,
  settings: Settings[],
  snapshots: Snapshot[],
  width: number,
): Figure {
  const series: LineSeries[] = [];
  const curves = new Map<string, (x: number) => number>();
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const configurations: Record<string, unknown>[] = [];
  const name = what === "beta" ? "β" : "N";
  const circular = settings[0].ensemble === "circular";
  snapshots.forEach((snapshot, i) => {
    const s = settings[i];
    const p = snapshot.payload as HistogramPayload;
    let normalise = (x: number) => x;
    let density: (x: number) => number = () => 1 / (2 * Math.PI);
    let description = "uniform density 1/(2π)";
    if (!circular && s.spec) {
      const law = limitLaw(s.spec.ensemble, s.n, s.beta, { ...s.spec.params });
      normalise = law.normalise;
      density = law.density;
      description = law.description;
    }
    if (!curves.has(description)) curves.set(description, density);
    let total = 0;
    for (const c of p.counts) total += c;
    const x: number[] = [];
    const y: number[] = [];
    for (let k = 0; k < p.counts.length; k++) {
      const x0 = normalise(p.edges[k]);
      const x1 = normalise(p.edges[k + 1]);
      const h = total > 0 ? p.counts[k] / (total * (x1 - x0)) : 0;
      x.push(x0, x1);
      y.push(h, h);
      lo = Math.min(lo, x0);
      hi = Math.max(hi, x1);
    }
    const value = what === "beta" ? s.beta : s.n.toLocaleString("en");
    series.push({ label: `${name} = ${value} (${total} points)`, x, y });
    configurations.push({
      ...resultHeader(s, "histogram"),
      samplesDone: Math.floor(snapshot.done + 1e-9),
      edges: p.edges,
      counts: p.counts,
      below: p.below,
      above: p.above,
    });
  });
  for (const [description, density] of curves) {
    const x: number[] = [];
    const y: number[] = [];
    for (let k = 0; k <= 400; k++) {
      const t = lo + ((hi - lo) * k) / 400;
      x.push(t);
      y.push(density(t));
    }
    series.push({ label: `limit: ${description}`, x, y });
  }
  const first = settings[0];
  const fixed = what === "beta" ? `N = ${first.n}` : `β = ${first.beta}`;
  const head = first.ensemble[0].toUpperCase() + first.ensemble.slice(1);
  const values = settings.map((s) => (what === "beta" ? s.beta : s.n));
  const svg = lineChartSvg({
    series,
    title: `${head} β-ensemble, ${fixed}, ${first.samples} sample${first.samples === 1 ? "" : "s"}, seed ${first.seed}: ${name} = ${values.join(", ")}`,
    xLabel: circular ? "eigenangle θ (radians)" : "normalised eigenvalue (as the histogram view)",
    yLabel: "density",
    width,
  });
  return {
    svg,
    label: `Comparison of ${snapshots.length} histograms, ${name} = ${values.slice(0, snapshots.length).join(", ")}`,
    numbers: configurations.map((c, i) => ({
      id: `compare-points-${i}`,
      label: `${name} = ${values[i]}: points in the range`,
      value: (c.counts as Float64Array).reduce((a, b) => a + b, 0),
    })),
    law:
      `Each step line is the histogram of one configuration, normalised as in the histogram view; ` +
      `its numbers are those of a single run of that configuration (same seed: sample s of seed ` +
      `${first.seed} is Philox (${first.seed}, s)). Downloads: JSON (one entry per configuration).`,
    data: {
      betaens: VERSION,
      command: "compare",
      compare: what,
      values,
      configurations,
    },
    fileStem: `${fileStem(first)}-compare-${what}-${values.join("_")}`,
  };
}

export interface CompareHooks {
  makeWorker(): Worker;
  values(): FormValues;
  /** Cancels the page's own run (the comparison takes the figure). */
  quiet(): void;
  /** `all`: the settings of every configuration shown (their command lines are offered). */
  show(
    settings: Settings,
    snapshot: Snapshot,
    custom: (width: number) => Figure,
    all: Settings[],
  ): void;
}

/** Wires the compare controls. data-compare on <body>: running | done | stopped | error. */
export function initCompare(hooks: CompareHooks): { stop(): void } {
  const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const whatBox = el<HTMLSelectElement>("compare-what");
  const list = el<HTMLInputElement>("compare-values");
  const runButton = el<HTMLButtonElement>("compare-run");
  const stopButton = el<HTMLButtonElement>("compare-stop");
  const note = el<HTMLElement>("compare-note");
  let active: OneRun | null = null;
  let generation = 0;

  const setState = (state: string, message: string) => {
    document.body.dataset.compare = state;
    note.textContent = message;
    stopButton.disabled = state !== "running";
  };

  async function go(): Promise<void> {
    stop();
    const what = whatBox.value as CompareWhat;
    const parsed = compareSettings(hooks.values(), what, list.value);
    if ("error" in parsed) {
      setState("error", `Compare: ${parsed.error}.`);
      return;
    }
    hooks.quiet();
    const mine = ++generation;
    const { settings } = parsed;
    const done: Snapshot[] = [];
    for (let i = 0; i < settings.length; i++) {
      setState("running", `Comparing: configuration ${i + 1} of ${settings.length}…`);
      active = runOnce(hooks.makeWorker, settings[i], (d, t) => {
        if (mine === generation) {
          note.textContent = `Comparing: configuration ${i + 1} of ${settings.length}, ${Math.floor(d)} of ${t} samples…`;
        }
      });
      try {
        done.push(await active.result);
      } catch (error) {
        if (mine !== generation) return;
        if (error instanceof Cancelled) return;
        setState("error", `Compare failed: ${error instanceof Error ? error.message : error}`);
        return;
      } finally {
        active = null;
      }
      if (mine !== generation) return;
      const shown = done.slice();
      hooks.show(
        settings[0],
        shown[0],
        (width) => compareFigure(what, settings, shown, width),
        settings.slice(0, shown.length),
      );
    }
    setState("done", `Compared ${settings.length} configuration${settings.length > 1 ? "s" : ""}.`);
  }

  function stop(): void {
    if (!active) return;
    generation++;
    active.cancel();
    active = null;
    setState("stopped", "Compare stopped: only the completed configurations are drawn.");
  }

  runButton.addEventListener("click", () => void go());
  list.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      void go();
    }
  });
  stopButton.addEventListener("click", stop);
  return { stop };
}
