/**
 * Limit laws in words, the Tracy–Widom overlay, and the figures of the circular ensemble (the
 * potential V ensemble's are in ./gibbsFigures.ts).
 */
import { histogramSvg } from "../../src/plot/histogram.js";
import { nearlyIndependent } from "../../src/plot/sampleFigure.js";
import { scatterSvg } from "../../src/plot/scatter.js";
import { limitLaw } from "../../src/theory/limits.js";
import { tracyWidomMoments, tracyWidomPdf } from "../../src/theory/tracyWidom.js";
import type { ConfigurationPayload, HistogramPayload, Snapshot } from "./protocol.js";
import {
  configurationTitle,
  FIGURE_WIDTH,
  type Figure,
  fileStem,
  LOG_SCALE,
  resultHeader,
  type ShownNumber,
  ZOOM,
} from "./results.js";
import type { Settings } from "./state.js";
import { spacingSvg, stackSvg } from "./svgParts.js";

/** The normalisation y(x) of each classical ensemble (docs/theory.md §2.7, as src/theory/limits.ts). */
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
  if (nearlyIndependent(n, beta)) {
    return {
      text: `β·N = ${Number((beta * n).toPrecision(3))} < 1: the points are nearly independent draws from ${REFERENCE[spec.ensemble]}; its density is drawn (the β·N → ∞ limit law does not apply yet).`,
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

const CIRCULAR_LAW =
  "One-point density: uniform, 1/(2π), for every N and β (rotation invariance); the points " +
  "are the eigenangles of the Killip–Nenciu CMV matrix.";

/** Limit law in words, with the normalisation of the points. */
export function lawText(settings: Settings): string {
  if (settings.ensemble === "circular") return CIRCULAR_LAW;
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

/** The TW_β density ("beta" convention of docs/conventions.md) for β = 1, 2, 4, else null. */
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

/** The figure of a snapshot for the circular ensemble, or null for the others. */
export function extraFigure(settings: Settings, snapshot: Snapshot): Figure | null {
  if (settings.ensemble === "circular") {
    const p = snapshot.payload;
    if (p.kind === "histogram") return circularHistogram(settings, snapshot.done, p);
    if (p.kind === "configuration") return circularConfiguration(settings, p);
  }
  return null;
}

function circularHistogram(settings: Settings, done: number, p: HistogramPayload): Figure {
  const samples = Math.floor(done + 1e-9);
  const title = `${configurationTitle(settings)}, ${samples} sample${samples === 1 ? "" : "s"} (CMV model)`;
  const svg = histogramSvg({
    counts: { edges: p.edges, counts: p.counts },
    density: () => 1 / (2 * Math.PI),
    densityLabel: "uniform density 1/(2π)",
    title,
    xLabel: "eigenangle θ (radians)",
    width: FIGURE_WIDTH,
    logY: LOG_SCALE,
    window: ZOOM,
    // The bars fill the plot evenly: keep the top clear for the legend.
    headroom: 0.2,
  });
  const numbers: ShownNumber[] = [];
  if (p.firstPoint0 !== undefined) {
    numbers.push({
      id: "first-eigenvalue",
      label: "smallest angle θ₁ of sample 0",
      value: p.firstPoint0,
    });
  }
  numbers.push({ id: "samples-done", label: "samples done", value: samples });
  return {
    svg,
    numbers,
    law: CIRCULAR_LAW,
    data: {
      ...resultHeader(settings, "histogram"),
      samplesDone: samples,
      edges: p.edges,
      counts: p.counts,
    },
    fileStem: fileStem(settings),
  };
}

/** The angles of sample 0 on the unit circle, over their spacing histogram. */
function circularConfiguration(settings: Settings, p: ConfigurationPayload): Figure {
  const theta = p.points;
  const n = theta.length;
  const title = `${configurationTitle(settings)}: one configuration (sample 0)`;
  const circle = scatterSvg({
    points: { x: theta.map(Math.cos), y: theta.map(Math.sin) },
    circle: true,
    aspectEqual: true,
    title,
    xLabel: "Re e^(iθ)",
    yLabel: "Im e^(iθ)",
    width: FIGURE_WIDTH,
    height: 520,
  });
  // All N spacings (the last one across 2π ≡ 0), times N/(2π): mean exactly 1.
  const spacings = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? theta[i + 1] : theta[0] + 2 * Math.PI;
    spacings[i] = ((next - theta[i]) * n) / (2 * Math.PI);
  }
  const spacing = spacingSvg(spacings, settings.beta, "spacing (θ_{i+1} − θ_i)·N/(2π)");
  return {
    svg: stackSvg([circle, spacing], title),
    numbers: [
      { id: "first-eigenvalue", label: "smallest angle θ₁ of sample 0", value: theta[0] },
      { id: "last-eigenvalue", label: "largest angle θ_N of sample 0", value: theta[n - 1] },
    ],
    law: CIRCULAR_LAW,
    data: { ...resultHeader(settings, "eigenvalues"), samples: [theta] },
    fileStem: fileStem(settings),
  };
}
