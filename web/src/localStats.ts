/**
 * The "local statistics" view (issue 16): the unfolded nearest-neighbour spacings of the chosen
 * ensemble in a bulk window of its limit CDF, pooled over the samples, against the sine_β spacing
 * law — exact (Gaudin's law from the sine-kernel Fredholm determinants) for β = 1, 2, 4, the
 * simulated table for the tabulated β, labelled as such — with the β-Wigner surmise dashed (an
 * approximation, also for β = 1, 2, 4), the KS distance of the pooled spacings to the law, and the
 * folded gap ratio r̃ = min(r, 1/r) against its law (exact at β = 2).
 *
 * The spacings are the library's: each sample is `runSample({ stat: "spacings", bulk })` for sample
 * s of the seed (src/ensembles/sample.ts runLocalStatistics), so that the page's numbers are those of
 * `betaens sample … --stat spacings --bulk lo,hi` for the same seed, bit for bit.
 */

import { runSample } from "../../src/driver/legacy.js";
import type { EnsembleSpec } from "../../src/ensembles/models.js";
import { histogramSvg } from "../../src/plot/histogram.js";
import { logGamma } from "../../src/special/logGamma.js";
import { regularizedGammaP } from "../../src/special/regularizedGamma.js";
import { ksStatistic } from "../../src/statistics/ks.js";
import { spacingRatios } from "../../src/statistics/unfolding.js";
import type { ContinuousLaw } from "../../src/theory/distribution.js";
import {
  sineGapRatioLaw,
  sineSpacingLaw,
  TABULATED_BETAS,
} from "../../src/theory/localStatistics.js";
import type { Snapshot, SpacingsPayload } from "./protocol.js";
import {
  configurationTitle,
  FIGURE_WIDTH,
  type Figure,
  fileStem,
  LOG_SCALE,
  resultHeader,
  type ShownNumber,
} from "./results.js";
import type { Settings } from "./state.js";
import { wignerSurmise } from "./surmise.js";
import { spacingBins, stackSvg } from "./svgParts.js";

/** The ensemble and model of the `--stat spacings` job of a view (classical or circular). */
export function spacingsSpec(settings: Settings): {
  spec: EnsembleSpec;
  model: "tridiagonal" | "cmv";
} {
  if (settings.ensemble === "circular") {
    return { spec: { ensemble: "circular", params: {} }, model: "cmv" };
  }
  if (!settings.spec) throw new RangeError(`${settings.ensemble}: no spacings in this view`);
  return { spec: settings.spec, model: "tridiagonal" };
}

/**
 * The run of the local statistics view: sample s is the library's `--stat spacings` job for
 * sample s alone (firstSample = s), so a snapshot after s samples holds rows 0 … s − 1 of the CLI's.
 */
export function* localStatsRun(settings: Settings): Generator<Snapshot> {
  const { spec, model } = spacingsSpec(settings);
  const bulk = settings.bulk ?? [0, 1];
  const rows: Float64Array[] = [];
  for (let s = 0; s < settings.samples; s++) {
    const result = runSample({
      spec,
      model,
      n: settings.n,
      beta: settings.beta,
      samples: 1,
      firstSample: s,
      seed: settings.seed,
      stat: "spacings",
      bulk: [bulk[0], bulk[1]],
    });
    rows.push((result.samples as Float64Array[])[0]);
    const payload: SpacingsPayload = { kind: "spacings", rows: rows.slice() };
    yield { done: s + 1, total: settings.samples, payload };
  }
}

/** The spacing law the view compares with, and what it is. */
export interface SpacingReference {
  cdf: (s: number) => number;
  pdf: (s: number) => number;
  /** "exact", "simulated" (the sine_β table) or "poisson" (β = 0). */
  kind: "exact" | "simulated" | "poisson";
  label: string;
}

/** The sine_β spacing law (exact β = 1, 2, 4; tabulated β: simulated), Poisson at β = 0, else null. */
export function spacingReference(beta: number): SpacingReference | null {
  if (beta === 0) {
    return {
      cdf: (s) => (s > 0 ? -Math.expm1(-s) : 0),
      pdf: (s) => (s > 0 ? Math.exp(-s) : 0),
      kind: "poisson",
      label: "Poisson e^(−s) (β = 0: independent points)",
    };
  }
  const exact = beta === 1 || beta === 2 || beta === 4;
  if (!exact && !TABULATED_BETAS.includes(beta)) return null;
  const law: ContinuousLaw = sineSpacingLaw(beta);
  return {
    cdf: (s) => law.cdf(s),
    pdf: (s) => law.pdf(s),
    kind: exact ? "exact" : "simulated",
    label: exact
      ? `exact sine_${beta} spacing law p_${beta}(s) (Gaudin, N = ∞)`
      : `sine_${beta} spacing law (simulated table, CβE N = 400; not exact)`,
  };
}

/**
 * CDF of the β-Wigner surmise a s^β e^{−b s²} (web/src/surmise.ts): b s² is Gamma((β + 1)/2), so
 * F(s) = P((β + 1)/2, b s²), b = (Γ((β+2)/2)/Γ((β+1)/2))² (Le Caër, Male & Delannay 2007).
 */
export function surmiseCdf(beta: number): (s: number) => number {
  const b = Math.exp(2 * (logGamma((beta + 2) / 2) - logGamma((beta + 1) / 2)));
  return (s) => (s > 0 ? regularizedGammaP((beta + 1) / 2, b * s * s) : 0);
}

/** All spacings of the rows, in sample order. */
export function pooled(rows: readonly Float64Array[]): Float64Array {
  let total = 0;
  for (const row of rows) total += row.length;
  const out = new Float64Array(total);
  let k = 0;
  for (const row of rows) {
    out.set(row, k);
    k += row.length;
  }
  return out;
}

/** The folded ratios min(r, 1/r) of consecutive spacings within each row (library's spacingRatios). */
export function foldedRatios(rows: readonly Float64Array[]): Float64Array {
  return pooled(rows.map((row) => spacingRatios(row, true)));
}

/** The figure of the local statistics view. */
export function localStatsFigure(settings: Settings, snapshot: Snapshot): Figure {
  const p = snapshot.payload as SpacingsPayload;
  const done = p.rows.length;
  const { beta } = settings;
  const bulk = settings.bulk ?? [0, 1];
  const spacings = pooled(p.rows);
  const reference = spacingReference(beta);
  const surmise = beta > 0;
  const { range, bins } = spacingBins(spacings, beta);
  const title =
    `${configurationTitle(settings)}, ${done} sample${done === 1 ? "" : "s"}: ` +
    `unfolded spacings in the bulk window F ∈ [${bulk[0]}, ${bulk[1]}] (${spacings.length} spacings)`;
  const parts: string[] = [
    histogramSvg({
      values: spacings,
      range,
      bins,
      density: reference?.pdf,
      densityLabel: reference?.label,
      reference: surmise
        ? {
            density: (s) => wignerSurmise(s, beta),
            label: "Wigner surmise (2×2 approximation, not the law)",
          }
        : undefined,
      title,
      xLabel:
        settings.ensemble === "circular"
          ? "spacing N(θ_{i+1} − θ_i)/(2π)"
          : "spacing s of N·F(x), F the limit CDF (mean 1)",
      width: FIGURE_WIDTH,
      height: 400,
      logY: LOG_SCALE,
    }),
  ];
  const ratios = foldedRatios(p.rows);
  const ratioLaw =
    beta === 2 || TABULATED_BETAS.includes(beta) ? sineGapRatioLaw(beta, true) : null;
  if (ratios.length > 0) {
    parts.push(
      histogramSvg({
        values: ratios,
        range: [0, 1],
        bins: Math.min(50, Math.max(10, Math.ceil(Math.sqrt(ratios.length)))),
        density: ratioLaw ? (r) => ratioLaw.pdf(r) : undefined,
        densityLabel: ratioLaw
          ? beta === 2
            ? "exact law of min(r, 1/r), β = 2 (N = ∞)"
            : `law of min(r, 1/r), sine_${beta} (simulated table)`
          : undefined,
        title: `Ratios of consecutive spacings, folded: min(r, 1/r) (${ratios.length} ratios)`,
        xLabel: "min(r, 1/r), r = s_{i+1}/s_i",
        width: FIGURE_WIDTH,
        height: 300,
      }),
    );
  }
  const numbers: ShownNumber[] = [
    { id: "samples-done", label: "samples done", value: done },
    { id: "spacings-count", label: "spacings in the bulk window", value: spacings.length },
  ];
  if (spacings.length > 0) {
    let mean = 0;
    for (const s of spacings) mean += s;
    numbers.push({
      id: "mean-spacing",
      label: "mean unfolded spacing (1 in the limit)",
      value: mean / spacings.length,
    });
    if (reference) {
      const what =
        reference.kind === "exact"
          ? `the exact p_${beta}`
          : reference.kind === "simulated"
            ? `the simulated sine_${beta} law`
            : "Poisson e^(−s)";
      numbers.push({
        id: "ks-distance",
        label: `KS distance to ${what}`,
        value: ksStatistic(spacings, reference.cdf),
      });
    }
    if (surmise) {
      numbers.push({
        id: "ks-surmise",
        label: "KS distance to the Wigner surmise",
        value: ksStatistic(spacings, surmiseCdf(beta)),
      });
    }
  }
  if (ratios.length > 0) {
    let mean = 0;
    for (const r of ratios) mean += r;
    numbers.push({
      id: "mean-ratio",
      label: "mean of min(r, 1/r)",
      value: mean / ratios.length,
    });
    if (ratioLaw) {
      numbers.push({
        id: "mean-ratio-law",
        label: `its N = ∞ value (${beta === 2 ? "exact" : "simulated"})`,
        value: ratioLaw.mean,
      });
    }
  }
  const lawParts = [
    "Spacings of each sample unfolded by u = N·F(x) with F the limit CDF of the ensemble " +
      (settings.ensemble === "circular" ? "(uniform on the circle: exact)" : "at this N") +
      `, kept where both end points have F in [${bulk[0]}, ${bulk[1]}], pooled over the samples.`,
    reference
      ? reference.kind === "exact"
        ? `Solid: the exact N = ∞ spacing law of sine_${beta} (Gaudin; Fredholm determinants of the sine kernel).`
        : reference.kind === "simulated"
          ? `Solid: the sine_${beta} spacing law from the simulated table (no closed form for this β).`
          : "Solid: Poisson spacings."
      : `No exact or tabulated sine_${beta} law for this β (tabulated: ${TABULATED_BETAS.join(", ")}; exact: 1, 2, 4).`,
    surmise ? "Dashed: the β-Wigner surmise, the N = 2 law — an approximation, not the limit." : "",
    "The spacings of one configuration are correlated: the KS distance measures the fit, it has no p-value here.",
  ];
  return {
    svg: parts.length > 1 ? stackSvg(parts, title) : parts[0],
    label: `Spacing histogram of ${spacings.length} unfolded spacings against ${reference?.label ?? "the Wigner surmise"}`,
    numbers,
    law: lawParts.filter(Boolean).join(" "),
    data: {
      ...resultHeader(settings, "spacings"),
      samples: p.rows,
      bulk: [bulk[0], bulk[1]],
    },
    fileStem: fileStem(settings),
  };
}
