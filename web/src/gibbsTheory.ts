/**
 * The limit theory of the potential V ensemble shown by the explorer, from the library
 * (src/theory/equilibrium.ts): the equilibrium measure μ_V (or why it is not available) and the
 * soft-edge constants b_V, c_V of λ_max, N^{2/3} c_V (λ_max − b_V) → TW_β (docs/theory.md §3.9).
 */
import {
  type EquilibriumMeasure,
  edgeConstants,
  equilibriumMeasure,
} from "../../src/theory/equilibrium.js";

export interface PotentialTheory {
  /** μ_V, or null when the library has none for this V (see measureError). */
  measure: EquilibriumMeasure | null;
  /** The library's reason when measure is null. */
  measureError: string;
  /** b_V and c_V of the right edge when it is soft (c_V > 0), else null. */
  edge: { right: number; rightScale: number } | null;
}

const cache = new Map<string, PotentialTheory>();
const CACHE_SIZE = 16;

/** μ_V and the right-edge constants of V(x) = Σ coeffs[k] x^k (cached: the figures redraw often). */
export function potentialTheory(coeffs: ArrayLike<number>): PotentialTheory {
  const key = Array.from(coeffs).join(",");
  const known = cache.get(key);
  if (known) return known;
  let theory: PotentialTheory;
  try {
    const measure = equilibriumMeasure(coeffs);
    const constants = edgeConstants(measure);
    const soft = constants.rightScale > 0 && Number.isFinite(constants.rightScale);
    theory = {
      measure,
      measureError: "",
      edge: soft ? { right: constants.right, rightScale: constants.rightScale } : null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    theory = { measure: null, measureError: message, edge: null };
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, theory);
  return theory;
}

/** The histogram range of `betaens gibbs --stat histogram`: the support of μ_V ± 5% of its width. */
export function measureRange(measure: EquilibriumMeasure): [number, number] {
  const [lo, hi] = measure.support;
  const margin = 0.05 * (hi - lo);
  return [lo - margin, hi + margin];
}

/** The support of μ_V in words: "[a, b]" or "[a, b] ∪ [c, d]" (4 significant digits). */
export function supportText(measure: EquilibriumMeasure): string {
  const g = (v: number) => String(Number(v.toPrecision(4)));
  const intervals = measure.kind === "two-cut" ? measure.intervals : [measure.support];
  return intervals.map(([a, b]) => `[${g(a)}, ${g(b)}]`).join(" ∪ ");
}
