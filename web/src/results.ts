/** What a view shows and exports: types and the shared header of exported results. */
import { VERSION } from "../../src/version.js";
import type { Settings } from "./state.js";

/** Width of the figures as downloaded (and drawn on wide screens, scaled to fit). */
export const WIDE_FIGURE_WIDTH = 820;
/**
 * Width the figures are drawn at: WIDE_FIGURE_WIDTH, or on a narrow screen the plot's real width
 * in CSS px (so that 12-unit tick labels are 12 px). Set by the page before drawing.
 */
export let FIGURE_WIDTH = WIDE_FIGURE_WIDTH;
export function setFigureWidth(width: number): void {
  FIGURE_WIDTH = width;
}
/** Whether histograms use a log density axis (the page's "log scale" box). */
export let LOG_SCALE = false;
export function setLogScale(on: boolean): void {
  LOG_SCALE = on;
}
/** The zoom window [a, b] of the x axis (in the figure's units), or undefined (zoom.ts). */
export let ZOOM: [number, number] | undefined;
export function setZoom(window: [number, number] | undefined): void {
  ZOOM = window;
}

/** A number shown in the page: `id` names its element (data-value holds all digits). */
export interface ShownNumber {
  id: string;
  label: string;
  value: number | string;
}

/** What the page shows for a snapshot. */
export interface Figure {
  svg: string;
  /** Short accessible name of the figure (the SVG's own title names every part). */
  label?: string;
  numbers: ShownNumber[];
  /** The limit law and its parameters, in words. */
  law: string;
  /** The numbers behind the figure, in the CLI's JSON layout (for CSV/JSON/NPY downloads). */
  data: Record<string, unknown>;
  /** Stem of the download file names, e.g. "hermite-beta2-n100000-seed42-histogram". */
  fileStem: string;
}

/**
 * The header of every exported result: `betaens sample`'s JSON, or `betaens gibbs`'s for the
 * potential V ensemble ("potential" = its coefficients, lowest degree first, as the CLI).
 */
export function resultHeader(settings: Settings, stat: string): Record<string, unknown> {
  if (settings.ensemble === "potential") {
    return {
      betaens: VERSION,
      command: "gibbs",
      n: settings.n,
      beta: settings.beta,
      potential: settings.coeffs,
      potentialText: settings.potential,
      passes: settings.passes,
      seed: settings.seed,
      stat,
      initial: settings.initial,
    };
  }
  const head: Record<string, unknown> = {
    betaens: VERSION,
    command: "sample",
    ensemble: settings.ensemble,
    model: modelOf(settings),
    n: settings.n,
    beta: settings.beta,
  };
  // The CLI reports the Wishart/MANOVA dimensions with the parameters they give.
  if (settings.spec) head.params = { ...settings.dims, ...settings.spec.params };
  else if (settings.ensemble === "ginibre") head.params = {};
  head.seed = settings.seed;
  head.stat = stat;
  return head;
}

/**
 * Stem of the download file names: ensemble, its parameters (or V), β, N, samples, seed, view, e.g.
 * "hermite-loc0-scale1-beta2-n100000-s1-seed42-histogram" or
 * "potential-V_x4d4-x2-beta2-n200-s3-passes50-seed1-gibbs".
 */
export function fileStem(settings: Settings): string {
  const clean = (v: number | string) => String(v).replace(/[^0-9A-Za-z.e+-]/g, "");
  const parts: string[] = [settings.ensemble];
  if (settings.spec) {
    for (const [key, value] of Object.entries(settings.dims ?? settings.spec.params))
      parts.push(`${key}${clean(value)}`);
  }
  if (settings.potential !== undefined) {
    const v = settings.potential
      .replace(/\s+/g, "")
      .replace(/\//g, "d")
      .replace(/\*/g, "")
      .replace(/\^/g, "");
    parts.push(`V_${v.replace(/[^0-9A-Za-z.+-]/g, "").slice(0, 60)}`);
  }
  parts.push(`beta${clean(settings.beta)}`, `n${settings.n}`);
  if (settings.view !== "configuration") parts.push(`s${settings.samples}`);
  if (settings.passes !== undefined) parts.push(`passes${settings.passes}`);
  parts.push(`seed${settings.seed}`, settings.view);
  return parts.join("-");
}

/** The `--model` of the CLI for the ensemble of the page. */
export function modelOf(settings: Settings): "cmv" | "full" | "tridiagonal" {
  return settings.ensemble === "circular"
    ? "cmv"
    : settings.ensemble === "ginibre"
      ? "full"
      : "tridiagonal";
}

export function configurationTitle(settings: Settings): string {
  const name = settings.ensemble[0].toUpperCase() + settings.ensemble.slice(1);
  return `${name} β-ensemble, β = ${settings.beta}, N = ${settings.n}`;
}
