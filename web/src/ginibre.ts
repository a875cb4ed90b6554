/**
 * The complex Ginibre ensemble in the explorer (issue 13): one configuration, the N eigenvalues of
 * an N×N matrix of i.i.d. standard complex Gaussians (src/ensembles/ginibre.ts, β = 2 only), drawn
 * as z/√N in the complex plane against the unit disk of the circular law, over the histogram of
 * |z|²/N against its exact finite-N law.
 *
 * Exact law of the moduli (Kostlan, Linear Algebra Appl. 162–164 (1992) 385–388): the set
 * {|z_k|²} of complex Ginibre eigenvalues (weight e^{−|z|²}) has the law of independent
 * γ_k ~ Gamma(k, 1), k = 1 … N. So t = |z|²/N of a uniformly chosen point has density
 * f(t) = Σ_k g_k(Nt) = Q(N, Nt) (g_k the Gamma(k, 1) density; Σ_{k≤N} x^{k−1}e^{−x}/(k−1)! is the
 * regularised upper incomplete gamma Q(N, x)) and CDF F(t) = 1 − (1/N) Σ_{j<N} (N − j) π_j(Nt),
 * π_j(x) = e^{−x}x^j/j!; as N → ∞, f → 1 on [0, 1] (the circular law: uniform on the disk).
 *
 * The sample is the library's `runSample({ spec: ginibre, model: "full", stat: "eigenvalues" })`,
 * the numbers of `betaens sample ginibre --model full --beta 2 --stat eigenvalues` for the seed.
 */
import { runSample } from "../../src/driver/legacy.js";
import { histogramSvg } from "../../src/plot/histogram.js";
import { scatterSvg } from "../../src/plot/scatter.js";
import { detExp } from "../../src/special/deterministicMath.js";
import { regularizedGammaQ } from "../../src/special/regularizedGamma.js";
import { ksStatistic } from "../../src/statistics/ks.js";
import type { GinibrePayload, Snapshot } from "./protocol.js";
import {
  configurationTitle,
  FIGURE_WIDTH,
  type Figure,
  fileStem,
  resultHeader,
  type ShownNumber,
} from "./results.js";
import type { Settings } from "./state.js";
import { stackSvg } from "./svgParts.js";

/** The run of the Ginibre view: sample 0 of the seed (one configuration). */
export function* ginibreRun(settings: Settings): Generator<Snapshot> {
  const result = runSample({
    spec: { ensemble: "ginibre", params: {} },
    model: "full",
    n: settings.n,
    beta: 2,
    samples: 1,
    seed: settings.seed,
    stat: "eigenvalues",
  });
  const pairs = (result.samples as number[][][])[0];
  const re = Float64Array.from(pairs, (z) => z[0]);
  const im = Float64Array.from(pairs, (z) => z[1]);
  const payload: GinibrePayload = { kind: "ginibre", re, im };
  yield { done: 1, total: 1, payload };
}

/** Density of t = |z|²/N at size N: Q(N, Nt) (Kostlan). */
export function ginibreModulusDensity(n: number): (t: number) => number {
  return (t) => (t >= 0 ? regularizedGammaQ(n, n * t) : 0);
}

/**
 * CDF of t = |z|²/N at size N: 1 − (1/N) Σ_{j<N} (N − j) π_j(Nt) (Kostlan), π_j(x) = e^{−x}x^j/j! by
 * the recurrence π_j = π_{j−1}·x/j from detExp (engine-independent: the KS distance shown is the
 * same number in Node and every browser). For x > 745, π₀ underflows and F = 1 (N ≤ 500 here).
 */
export function ginibreModulusCdf(n: number): (t: number) => number {
  return (t) => {
    if (!(t > 0)) return 0;
    const x = n * t;
    let term = detExp(-x);
    let sum = n * term;
    for (let j = 1; j < n; j++) {
      term = (term * x) / j;
      sum += (n - j) * term;
    }
    return Math.min(1, Math.max(0, 1 - sum / n));
  };
}

/** The scatter of z/√N over the histogram of |z|²/N, with the numbers of the sample. */
export function ginibreFigure(settings: Settings, snapshot: Snapshot): Figure {
  const { re, im } = snapshot.payload as GinibrePayload;
  const n = re.length;
  const root = Math.sqrt(n);
  const x = re.map((v) => v / root);
  const y = im.map((v) => v / root);
  const t = new Float64Array(n);
  let inside = 0;
  for (let i = 0; i < n; i++) {
    t[i] = x[i] * x[i] + y[i] * y[i];
    if (t[i] <= 1) inside++;
  }
  const title = `Complex Ginibre, N = ${settings.n}, sample 0`;
  const plane = scatterSvg({
    points: { x, y },
    circle: true,
    aspectEqual: true,
    title: `${title}: z/√N`,
    xLabel: "Re z/√N",
    yLabel: "Im z/√N",
    width: FIGURE_WIDTH,
    height: 520,
  });
  let hi = 1.05;
  for (const v of t) hi = Math.max(hi, v * (1 + 1e-9));
  const moduli = histogramSvg({
    values: t,
    range: [0, hi],
    bins: Math.min(60, Math.max(10, Math.ceil(2 * Math.sqrt(n)))),
    density: ginibreModulusDensity(n),
    densityLabel: `exact law at N = ${n}: Q(N, Nt) (Kostlan)`,
    reference: { density: (v) => (v <= 1 ? 1 : 0), label: "circular law: uniform on [0, 1]" },
    title: `Squared moduli |z|²/N (${n} points)`,
    xLabel: "|z|²/N",
    width: FIGURE_WIDTH,
    height: 300,
  });
  const numbers: ShownNumber[] = [
    { id: "first-re", label: "Re z₁ of sample 0", value: re[0] },
    { id: "first-im", label: "Im z₁ of sample 0", value: im[0] },
    { id: "inside-disk", label: "fraction with |z|/√N ≤ 1", value: inside / n },
    {
      id: "ks-moduli",
      label: "KS distance of |z|²/N to its exact law",
      value: ksStatistic(t, ginibreModulusCdf(n)),
    },
  ];
  return {
    svg: stackSvg([plane, moduli], configurationTitle(settings)),
    label: `Ginibre eigenvalues z/√N of one sample, N = ${n}, in the complex plane`,
    numbers,
    law:
      "Circular law: z/√N fills the unit disk uniformly as N → ∞ (Ginibre 1965; Mehta ch. 15). " +
      "At finite N the squared moduli |z_k|² are independent Gamma(k, 1) variables (Kostlan 1992), " +
      "whence the exact density Q(N, Nt) of |z|²/N drawn solid.",
    data: {
      ...resultHeader(settings, "eigenvalues"),
      samples: [Array.from(re, (v, i) => [v, im[i]])],
    },
    fileStem: fileStem(settings),
  };
}
