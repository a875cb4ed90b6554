/** Starting points for teaching: a state of the page and a short note on what it shows. */
import type { FormValues } from "./state.js";

export interface Preset {
  id: string;
  label: string;
  values: Partial<FormValues>;
  note: string;
}

export const PRESETS: readonly Preset[] = [
  {
    id: "semicircle",
    label: "Wigner semicircle",
    values: {
      ensemble: "hermite",
      view: "histogram",
      beta: "2",
      n: "100000",
      samples: "1",
      bins: "100",
    },
    note:
      "Wigner semicircle: the eigenvalues of one Gaussian β-ensemble of size N = 10⁵, rescaled by σ√(βN/2), " +
      "fill (1/2π)√(4 − y²) on [−2, 2] for every β > 0; one sample already matches.",
  },
  {
    id: "marchenko-pastur",
    label: "Marchenko–Pastur",
    values: {
      ensemble: "laguerre",
      view: "histogram",
      beta: "2",
      n: "100000",
      samples: "1",
      bins: "100",
      shape: "100000",
      theta: "1",
    },
    note:
      "Marchenko–Pastur: a Wishart (Laguerre) matrix with M = 2k/β + N − 1 ≈ 2N degrees of freedom " +
      "(ratio c = N/M ≈ 1/2): its spectrum fills [(1 − √c)², (1 + √c)²] after rescaling.",
  },
  {
    id: "tracy-widom",
    label: "Tracy–Widom at the edge",
    values: { ensemble: "hermite", view: "edge", beta: "2", n: "1000", samples: "2000" },
    note:
      "Tracy–Widom at the edge: the largest eigenvalue sits at 2σ√(N) + O(N^(−1/6)); rescaled, its " +
      "2000 draws follow TW₂ (density, 95% band and KS distance below).",
  },
  {
    id: "two-cut",
    label: "Two-cut quartic potential",
    values: {
      ensemble: "potential",
      view: "histogram",
      beta: "2",
      n: "200",
      samples: "20",
      bins: "60",
      V: "x^4/4 - 2*x^2",
      passes: "100",
      initial: "zero",
    },
    note:
      "Two-cut quartic: for V = x⁴/4 − 2x² the double well splits the equilibrium measure μ_V into two " +
      "intervals; the Gibbs sampler's points (20 chains of 100 passes) fill both.",
  },
  {
    id: "crystal",
    label: "β → ∞: a crystal",
    values: { ensemble: "hermite", view: "configuration", beta: "100", n: "400", seed: "7" },
    note:
      "β → ∞: the points freeze near the zeros of the Hermite polynomial of degree N; the unfolded " +
      "spacings concentrate at 1 (compare β = 0.5: weak repulsion, spacings spread).",
  },
  {
    id: "cue",
    label: "CUE on the circle",
    values: { ensemble: "circular", view: "configuration", beta: "2", n: "120", seed: "3" },
    note:
      "CUE: the eigenangles of a Haar-random unitary matrix (circular β-ensemble, β = 2): uniform " +
      "density 1/(2π), but more regular than independent points (level repulsion).",
  },
];
