/**
 * Limit laws in words, the Tracy–Widom overlay, and the figures of the ensembles added by other
 * parts of the project (circular, potential V) once their library code exists.
 */
import { limitLaw } from "../../src/theory/limits.js";
import { tracyWidomMoments, tracyWidomPdf } from "../../src/theory/tracyWidom.js";
import type { Snapshot } from "./protocol.js";
import type { Figure } from "./results.js";
import type { Settings } from "./state.js";

/** The normalisation y(x) of each classical ensemble (spec §2.7, as src/theory/limits.ts). */
const NORMALISATIONS: Record<string, string> = {
  hermite: "y = √2(x − μ)/(σ√(βN))",
  laguerre: "y = 2x/(θβM), M = 2k/β + N − 1",
  jacobi: "y = x",
};

const REFERENCE: Record<string, string> = {
  hermite: "the Gaussian N(μ, σ²)",
  laguerre: "the Gamma(k, θ) law",
  jacobi: "the Beta(a, b) law",
};

/** The limit law of the points (text for the page, axis label), or null. */
export function limitOf(settings: Settings): { text: string; axis: string } | null {
  const { spec, n, beta } = settings;
  if (!spec) return null;
  if (beta === 0) {
    return {
      text: `β = 0: N independent draws from ${REFERENCE[spec.ensemble]}; its density is drawn.`,
      axis: "x",
    };
  }
  const law = limitLaw(spec.ensemble, n, beta, { ...spec.params });
  const [lo, hi] = law.support.map((v) => Number(v.toPrecision(4)));
  const support = law.description.includes("[") ? "" : ` on [${lo}, ${hi}]`;
  return {
    text: `Limit law: ${law.description}${support}; points normalised by ${NORMALISATIONS[spec.ensemble]}.`,
    axis: `normalised eigenvalue ${NORMALISATIONS[spec.ensemble]}`,
  };
}

/** Limit law in words, with the normalisation of the points. */
export function lawText(settings: Settings): string {
  return limitOf(settings)?.text ?? "";
}

export interface TracyWidomOverlay {
  density: (s: number) => number;
  label: string;
  mean: number;
  variance: number;
  /** Range that holds the law's bulk, for the histogram's x axis. */
  range: [number, number];
}

/** The TW_β density ("beta" convention of conventions.md) for β = 1, 2, 4, else null. */
export function tracyWidomOverlay(beta: number): TracyWidomOverlay | null {
  if (beta !== 1 && beta !== 2 && beta !== 4) return null;
  const moments = tracyWidomMoments(beta);
  return {
    density: (s) => tracyWidomPdf(s, beta),
    label: `Tracy–Widom TW_${beta} density`,
    mean: moments.mean,
    variance: moments.variance,
    range: [-6, 3],
  };
}

/** The figure of a snapshot for the circular and potential ensembles, or null for the others. */
export function extraFigure(settings: Settings, _snapshot: Snapshot): Figure | null {
  if (settings.ensemble === "circular" || settings.ensemble === "potential") {
    throw new RangeError(`the ${settings.ensemble} ensemble is coming soon`);
  }
  return null;
}
