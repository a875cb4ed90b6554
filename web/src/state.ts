/**
 * The explorer's state: the raw text of every control (what the URL stores, so a shared link
 * restores exactly what was typed, errors included), and its validation into the settings of a
 * run. Pure: no DOM, so the same code runs in the page and in tests.
 */

import type { ClassicalSpec } from "../../src/ensembles/models.js";
import { parsePotential } from "../../src/potentials/parse.js";
import { validatePotential } from "../../src/potentials/validate.js";
import {
  DEFAULT_BETA,
  DEFAULT_HISTOGRAM_BINS,
  DEFAULT_SAMPLES,
  GIBBS_DEFAULTS,
} from "../../src/spec/defaults.js";
import { DEFAULT_PARAMETERS } from "../../src/spec/params.js";
import { N_MAX_GINIBRE, readBulk, readDimensions } from "./extraFields.js";

export type EnsembleName = "hermite" | "laguerre" | "jacobi" | "circular" | "ginibre" | "potential";
export type ViewName = "histogram" | "configuration" | "edge" | "gibbs" | "local";

export const ENSEMBLES: readonly EnsembleName[] = [
  "hermite",
  "laguerre",
  "jacobi",
  "circular",
  "ginibre",
  "potential",
];
export const VIEWS: readonly ViewName[] = ["histogram", "configuration", "edge", "gibbs", "local"];

/** Raw text of every control, keyed by its name (also its URL query key). */
export interface FormValues {
  ensemble: string;
  view: string;
  beta: string;
  n: string;
  samples: string;
  seed: string;
  bins: string;
  /** Hermite μ, σ. */
  loc: string;
  sigma: string;
  /** Laguerre k, θ. */
  shape: string;
  theta: string;
  /** Jacobi a, b. */
  a: string;
  b: string;
  /** Potential V (Gibbs sampler), the number of Gibbs passes and the initial state. */
  V: string;
  passes: string;
  initial: string;
  /** Local statistics view: the limit-CDF window "lo,hi" of the spacings (`--bulk`). */
  bulk: string;
  /** Wishart dimension M (laguerre) and MANOVA dimensions M1, M2 (jacobi); empty: k, θ / a, b. */
  m: string;
  m1: string;
  m2: string;
}

export type FieldName = keyof FormValues;

export const DEFAULTS: FormValues = {
  ensemble: "hermite",
  view: "histogram",
  beta: String(DEFAULT_BETA),
  n: "100000",
  samples: String(DEFAULT_SAMPLES),
  seed: "42",
  bins: String(DEFAULT_HISTOGRAM_BINS),
  loc: String(DEFAULT_PARAMETERS.hermite.loc),
  sigma: String(DEFAULT_PARAMETERS.hermite.scale),
  shape: String(DEFAULT_PARAMETERS.laguerre.shape),
  theta: String(DEFAULT_PARAMETERS.laguerre.scale),
  a: String(DEFAULT_PARAMETERS.jacobi.a),
  b: String(DEFAULT_PARAMETERS.jacobi.b),
  V: "x^4/4 - x^2",
  passes: "50",
  initial: GIBBS_DEFAULTS.initial,
  bulk: "0.2,0.8",
  m: "",
  m1: "",
  m2: "",
};

/** Initial states of a Gibbs chain (src/gibbs/sampler.ts). */
export const INITIAL_STATES = ["zero", "hermite"] as const;
export type InitialState = (typeof INITIAL_STATES)[number];

/**
 * N put in the N field when the user switches to an ensemble whose limit the current N exceeds
 * (the Gibbs sampler: a few hundred points give a clear picture in a fraction of a second).
 */
export const N_ON_SWITCH: Partial<Record<EnsembleName, number>> = { potential: 200 };

/** Which optional parts of the library are present in this build. */
export interface Features {
  circular: boolean;
  gibbs: boolean;
  tracyWidom: boolean;
}

/** Largest N per view (the O(N²) eigenvalue views are capped lower than the O(N) ones). */
export const N_MAX: Record<ViewName, number> = {
  histogram: 1_000_000,
  configuration: 10_000,
  edge: 1_000_000,
  gibbs: 2000,
  local: 10_000,
};
/**
 * Largest N of the λ_max view for Hermite and Laguerre: only the top ≈ c(β)·N^(1/3) rows are drawn
 * (exact; ≈ 0.1 s per sample at 10¹²), as in `betaens sample --stat max`.
 */
export const N_MAX_EDGE_TRUNCATED = 1e12;
/** Largest N of the circular ensemble in the histogram view (its angles need O(N²) work). */
export const N_MAX_CIRCULAR = 2000;
/** Largest N of the Gibbs sampler (each pass is O(N·degree) with rejection sampling). */
export const N_MAX_GIBBS = 2000;
export const SAMPLES_MAX = 100_000;
export const BINS_MAX = 1000;
export const PASSES_MAX = 100_000;

/** The validated settings of a run. */
export interface Settings {
  ensemble: EnsembleName;
  view: ViewName;
  beta: number;
  n: number;
  samples: number;
  seed: number;
  bins: number;
  /** The classical ensembles' spec (hermite, laguerre, jacobi). */
  spec?: ClassicalSpec;
  /** Potential V as typed, its coefficients (lowest degree first), Gibbs passes and start. */
  potential?: string;
  coeffs?: number[];
  passes?: number;
  initial?: InitialState;
  /** Local statistics view: the limit-CDF window of the spacings. */
  bulk?: [number, number];
  /** The Wishart/MANOVA dimensions typed ({m} or {m1, m2}; spec.params holds k, θ or a, b). */
  dims?: Record<string, number>;
}

export type FieldErrors = Partial<Record<FieldName, string>>;

/** Parses a finite decimal number ("2.5", "1e6", "-3"), or undefined for junk. */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/** Reads the form values from a query string ("?beta=2&n=1e5" or "#beta=…"); unknown keys ignored. */
export function valuesFromQuery(query: string): FormValues {
  const params = new URLSearchParams(query.replace(/^[?#]/, ""));
  const values: FormValues = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as FieldName[]) {
    const v = params.get(key);
    if (v !== null) values[key] = v;
  }
  return values;
}

/** Fields that matter for the given ensemble and view (only these go into the URL). */
export function relevantFields(values: FormValues): FieldName[] {
  const fields: FieldName[] = ["ensemble", "view", "beta", "n", "samples", "seed"];
  if (values.view === "histogram") fields.push("bins");
  if (values.view === "local") fields.push("bulk");
  switch (values.ensemble) {
    case "hermite":
      fields.push("loc", "sigma");
      break;
    case "laguerre":
      fields.push(...(values.m.trim() ? ["m" as const] : ["shape" as const, "theta" as const]));
      break;
    case "jacobi":
      fields.push(
        ...(values.m1.trim() || values.m2.trim()
          ? ["m1" as const, "m2" as const]
          : ["a" as const, "b" as const]),
      );
      break;
    case "potential":
      fields.push("V", "passes", "initial");
      break;
  }
  return fields;
}

/** The query string (without "?") that encodes the whole state. */
export function queryFromValues(values: FormValues): string {
  const params = new URLSearchParams();
  for (const key of relevantFields(values)) params.set(key, values[key]);
  return params.toString();
}

function number(
  values: FormValues,
  field: FieldName,
  errors: FieldErrors,
  check: (v: number) => string | undefined,
): number {
  const v = parseDecimal(values[field]);
  if (v === undefined) {
    errors[field] = `must be a number, got "${values[field]}"`;
    return Number.NaN;
  }
  const message = check(v);
  if (message) errors[field] = message;
  return v;
}

const integerIn =
  (lo: number, hi: number) =>
  (v: number): string | undefined => {
    if (!Number.isInteger(v)) return `must be an integer, got ${v}`;
    if (v < lo) return `must be at least ${lo}, got ${v}`;
    if (v > hi) return `must be at most ${hi.toLocaleString("en")}, got ${v.toLocaleString("en")}`;
    return undefined;
  };
const positive = (v: number) => (v > 0 ? undefined : `must be > 0, got ${v}`);
const any = () => undefined;

/** The largest N of an ensemble in a view, with the reason. */
export function nLimit(ensemble: EnsembleName, view: ViewName): { max: number; reason: string } {
  if (ensemble === "potential") {
    return {
      max: N_MAX_GIBBS,
      reason: "the Gibbs sampler runs many passes over N coordinates",
    };
  }
  if (ensemble === "ginibre") {
    return {
      max: N_MAX_GINIBRE,
      reason: "the Ginibre points are the eigenvalues of a dense N×N complex matrix, O(N³) work",
    };
  }
  if (ensemble === "circular" && view !== "edge") {
    return {
      max: N_MAX_CIRCULAR,
      reason: "the CMV eigenangles take O(N²) work, about 1 s at 2000",
    };
  }
  if (view === "edge" && (ensemble === "hermite" || ensemble === "laguerre")) {
    return {
      max: N_MAX_EDGE_TRUNCATED,
      reason: "λ_max uses the top ≈ 16·N^(1/3) rows of the model; the CLI goes to 2^51",
    };
  }
  if (view === "local") {
    return {
      max: N_MAX.local,
      reason: "the spacings need all N eigenvalues of each sample, O(N²) work",
    };
  }
  if (view === "configuration") {
    return {
      max: N_MAX.configuration,
      reason: "this view computes all N eigenvalues, O(N²) work; the histogram goes to 10⁶",
    };
  }
  if (view === "edge") {
    return {
      max: N_MAX.edge,
      reason: "Jacobi λ_max bisects the whole O(N) model; the CLI goes further",
    };
  }
  return { max: N_MAX[view], reason: "Sturm counts are O(N) per bin; use the CLI beyond" };
}

/**
 * Validates the form. Returns per-field messages (shown next to each field) and, when there are
 * none, the settings of the run.
 */
export function readSettings(
  values: FormValues,
  features: Features,
): { settings?: Settings; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const ensemble = values.ensemble as EnsembleName;
  const view = values.view as ViewName;
  if (!ENSEMBLES.includes(ensemble)) {
    errors.ensemble = `unknown ensemble "${values.ensemble}"`;
  } else if (ensemble === "circular" && !features.circular) {
    errors.ensemble = "the circular ensemble is coming soon";
  } else if (ensemble === "potential" && !features.gibbs) {
    errors.ensemble = "the potential V (Gibbs sampler) is coming soon";
  }
  if (!VIEWS.includes(view)) {
    errors.view = `unknown view "${values.view}"`;
  } else if (view === "gibbs" && !features.gibbs) {
    errors.view = "the Gibbs trace is coming soon";
  } else if (view === "gibbs" && ensemble !== "potential") {
    errors.view = "the Gibbs trace needs the ensemble “potential V”";
  } else if (ENSEMBLES.includes(ensemble)) {
    const why = viewUnavailable(ensemble, view, features);
    if (why) errors.view = why;
  }
  const beta = number(values, "beta", errors, (v) =>
    v >= 0 ? undefined : `β must be ≥ 0, got ${v}`,
  );
  if (ensemble === "potential" && beta === 0 && !errors.beta) {
    errors.beta = "the Gibbs sampler (potential V) needs β > 0";
  }
  if (ensemble === "ginibre" && beta !== 2 && !errors.beta) {
    errors.beta = `the complex Ginibre ensemble has β = 2 only, got ${beta}`;
  }
  const nMax = ENSEMBLES.includes(ensemble) && VIEWS.includes(view) ? nLimit(ensemble, view) : null;
  const n = number(values, "n", errors, (v) => {
    if (!Number.isInteger(v)) return `N must be an integer, got ${v}`;
    if (v < 1) return `N must be ≥ 1, got ${v}`;
    if (nMax && v > nMax.max) {
      return `N ≤ ${nMax.max.toLocaleString("en")} here (${nMax.reason}), got ${v.toLocaleString("en")}`;
    }
    return undefined;
  });
  const samples = number(values, "samples", errors, integerIn(1, SAMPLES_MAX));
  const seed = number(values, "seed", errors, integerIn(0, Number.MAX_SAFE_INTEGER));
  const usesBins = view === "histogram";
  const bins = usesBins ? number(values, "bins", errors, integerIn(1, BINS_MAX)) : 100;
  let spec: ClassicalSpec | undefined;
  let dims: Record<string, number> | undefined;
  switch (ensemble) {
    case "hermite": {
      const loc = number(values, "loc", errors, any);
      const scale = number(values, "sigma", errors, positive);
      spec = { ensemble, params: { loc, scale } };
      break;
    }
    case "laguerre":
    case "jacobi": {
      const fromDims = readDimensions(ensemble, values, n, beta, errors);
      if (fromDims) {
        spec = fromDims.spec;
        dims = fromDims.dims;
      } else if (ensemble === "laguerre") {
        const shape = number(values, "shape", errors, positive);
        const scale = number(values, "theta", errors, positive);
        spec = { ensemble, params: { shape, scale } };
      } else {
        const a = number(values, "a", errors, positive);
        const b = number(values, "b", errors, positive);
        spec = { ensemble, params: { a, b } };
      }
      break;
    }
  }
  const bulk = view === "local" ? readBulk(values.bulk, errors) : undefined;
  let potential: string | undefined;
  let coeffs: number[] | undefined;
  let passes: number | undefined;
  let initial: InitialState | undefined;
  if (ensemble === "potential") {
    potential = values.V.trim();
    coeffs = readPotential(potential, errors);
    passes = number(values, "passes", errors, integerIn(1, PASSES_MAX));
    initial = values.initial as InitialState;
    if (!INITIAL_STATES.includes(initial)) {
      errors.initial = `unknown initial state "${values.initial}" (zero or hermite)`;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  const settings: Settings = { ensemble, view, beta, n, samples, seed, bins };
  if (spec) settings.spec = spec;
  if (dims) settings.dims = dims;
  if (bulk) settings.bulk = bulk;
  if (ensemble === "potential") Object.assign(settings, { potential, coeffs, passes, initial });
  return { settings, errors };
}

/**
 * The coefficients of the potential typed in the V field (parsePotential, the grammar of
 * docs/conventions.md), checked by validatePotential (even degree ≥ 2, positive leading
 * coefficient); the library's message goes to errors.V otherwise.
 */
function readPotential(text: string, errors: FieldErrors): number[] | undefined {
  if (text.length === 0) {
    errors.V = "type a polynomial, e.g. x^4/4 - x^2";
    return undefined;
  }
  try {
    const coeffs = parsePotential(text);
    validatePotential(coeffs);
    return Array.from(coeffs);
  } catch (error) {
    errors.V = error instanceof Error ? error.message : String(error);
    return undefined;
  }
}

/** Names of the views in the page (for notices and tooltips). */
export const VIEW_NAMES: Record<ViewName, string> = {
  histogram: "Histogram vs limit law",
  configuration: "One configuration",
  edge: "λ_max vs Tracy–Widom",
  gibbs: "Gibbs λ_max trace",
  local: "Local statistics (spacings)",
};

/** Why `view` cannot show `ensemble` (the tooltip of its disabled radio), or undefined. */
export function viewUnavailable(
  ensemble: EnsembleName,
  view: ViewName,
  features: Features,
): string | undefined {
  if (view === "gibbs" && !features.gibbs) return "the Gibbs trace is coming soon";
  if (view === "gibbs" && ensemble !== "potential") {
    return "the Gibbs trace follows the passes of the Gibbs sampler: choose the ensemble “potential V”";
  }
  if (view === "edge" && ensemble === "circular") {
    return "the circular ensemble has no largest eigenvalue (its points are angles on the circle)";
  }
  if (ensemble === "ginibre" && view !== "configuration") {
    return "the Ginibre points are complex: the one-configuration view shows them in the plane";
  }
  if (view === "local" && ensemble === "potential") {
    return "the local statistics view samples the classical and circular ensembles (use `betaens gibbs --stat spacings` for V)";
  }
  return undefined;
}

/** The view a switch falls back to when `view` does not apply to `ensemble`. */
export function fallbackView(ensemble: EnsembleName): ViewName {
  return ensemble === "ginibre" ? "configuration" : "histogram";
}

/**
 * The values of a shared link made runnable: an unknown ensemble or view, or a view that does
 * not apply to the ensemble, is replaced by the default, with a notice saying so.
 */
export function valuesForLink(
  values: FormValues,
  features: Features,
): { values: FormValues; notices: string[] } {
  const out = { ...values };
  const notices: string[] = [];
  const ensembles = ENSEMBLES.filter(
    (e) => (e !== "circular" || features.circular) && (e !== "potential" || features.gibbs),
  );
  if (!ensembles.includes(out.ensemble as EnsembleName)) {
    notices.push(
      `This link asked for ensemble '${out.ensemble}', which this explorer does not have ` +
        `(it has ${ensembles.join(", ")}); showing ${DEFAULTS.ensemble}.`,
    );
    out.ensemble = DEFAULTS.ensemble;
  }
  if (!VIEWS.includes(out.view as ViewName)) {
    notices.push(
      `This link asked for view '${out.view}', which does not exist (views: ${VIEWS.join(", ")}); ` +
        `showing the ${DEFAULTS.view}.`,
    );
    out.view = DEFAULTS.view;
  } else {
    const why = viewUnavailable(out.ensemble as EnsembleName, out.view as ViewName, features);
    if (why) {
      const fallback = fallbackView(out.ensemble as EnsembleName);
      notices.push(
        `This link asked for view '${out.view}', which does not apply here (${why}); showing the ${fallback}.`,
      );
      out.view = fallback;
    }
  }
  if (!INITIAL_STATES.includes(out.initial as InitialState)) {
    notices.push(
      `This link asked for initial state '${out.initial}' (zero or hermite); using ${DEFAULTS.initial}.`,
    );
    out.initial = DEFAULTS.initial;
  }
  return { values: out, notices };
}
