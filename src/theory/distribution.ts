/**
 * The shape every univariate law of the library takes (Tracy–Widom, semicircle, Marchenko–Pastur,
 * Wachter, equilibrium measures, spacing and hard-edge laws, exact finite-N λ_max laws…), in the
 * manner of stdlib-js and scipy.stats: `pdf, logpdf, cdf, logcdf, sf, logsf, quantile, isf, mean,
 * variance, sample`. Scalar methods also accept a Float64Array and then return one (element-wise).
 * Invalid input (NaN, a probability outside [0, 1]) gives NaN, never an exception; constructor
 * arguments are checked once, when the law is built (RangeError).
 *
 * `continuousLaw(parts)` builds the object from the parts a law knows well: at least `cdf` (or
 * `logcdf`) and `pdf`; `sf`, `logsf`, `logpdf`, `isf` default to the complements/logs of the given
 * parts (losing relative accuracy in the tails: a law that promises tail accuracy supplies its own),
 * `quantile` defaults to safeguarded bisection/Newton on the CDF over the support, `sample` to the
 * inverse CDF of one uniform per draw (bit-identical across engines only when the quantile path uses
 * the det* math of special/deterministicMath.ts, as the Tracy–Widom laws do).
 *
 * Every law also renders itself: `law.svg()` is a small figure of its density and CDF, and
 * `law[Symbol.for("Jupyter.display")]()` returns the MIME bundle `{ "image/svg+xml", "text/plain" }`
 * that Deno's Jupyter kernel shows when a cell evaluates to the law (docs/distributions.md).
 *
 * @example
 * ```ts
 * const law = continuousLaw({ name: "uniform(0, 1)", support: [0, 1],
 *   pdf: (x) => (x >= 0 && x <= 1 ? 1 : 0), cdf: (x) => Math.min(1, Math.max(0, x)),
 *   mean: 0.5, variance: 1 / 12 });
 * law.quantile(0.25); // 0.25
 * law.cdf(new Float64Array([0.1, 0.2])); // Float64Array [0.1, 0.2]
 * ```
 */
import type { RandomSource } from "../random/source.js";
import { lawFigureSvg } from "./lawFigure.js";

/** The method name Deno's Jupyter kernel calls for a rich display: Symbol.for("Jupyter.display"). */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/** A scalar function that also maps a Float64Array element-wise. */
export interface Vectorised {
  (x: number): number;
  (x: Float64Array): Float64Array;
}

export interface ContinuousLaw {
  /** A short name with the parameters, e.g. "TW₂" or "semicircle(−2, 2)". */
  readonly name: string;
  /** The closed support [lo, hi] (±Infinity allowed). */
  readonly support: readonly [number, number];
  readonly pdf: Vectorised;
  readonly logpdf: Vectorised;
  readonly cdf: Vectorised;
  readonly logcdf: Vectorised;
  /** Survival function 1 − F(x). */
  readonly sf: Vectorised;
  /** log(1 − F(x)). */
  readonly logsf: Vectorised;
  /** F⁻¹(p), p ∈ [0, 1]. */
  readonly quantile: Vectorised;
  /** Inverse survival function: the x with 1 − F(x) = q. */
  readonly isf: Vectorised;
  readonly mean: number;
  readonly variance: number;
  /** n independent draws, each from one or more uniforms of `rng` (inverse CDF by default). */
  sample(rng: RandomSource, n: number): Float64Array;
  /** An SVG figure of the density and CDF on the central range (1e−4 … 1 − 1e−4 quantiles). */
  svg(): string;
  /** The rich display of a notebook cell (Deno's Jupyter kernel): the SVG figure and the name. */
  [JUPYTER_DISPLAY](): { "image/svg+xml": string; "text/plain": string };
}

/** What a law supplies; the rest is derived (see the module comment). */
export interface ContinuousLawParts {
  name: string;
  support: readonly [number, number];
  pdf: (x: number) => number;
  cdf?: (x: number) => number;
  logpdf?: (x: number) => number;
  logcdf?: (x: number) => number;
  sf?: (x: number) => number;
  logsf?: (x: number) => number;
  quantile?: (p: number) => number;
  isf?: (q: number) => number;
  mean: number;
  variance: number;
  sample?: (rng: RandomSource) => number;
}

/** Lifts a scalar function to the Vectorised shape. */
export function vectorise(f: (x: number) => number): Vectorised {
  function g(x: number): number;
  function g(x: Float64Array): Float64Array;
  function g(x: number | Float64Array): number | Float64Array {
    if (typeof x === "number") return f(x);
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = f(x[i]);
    return out;
  }
  return g;
}

/**
 * The smallest x in `support` with cdf(x) ≥ p, for a continuous nondecreasing `cdf` (bracketing
 * by doubling on an infinite side, then bisection to adjacent doubles); NaN for p outside [0, 1].
 * With `decreasing`, `cdf` is read as a survival function: the smallest x with sf(x) ≤ p.
 */
export function invertCdf(
  cdf: (x: number) => number,
  support: readonly [number, number],
  p: number,
  decreasing = false,
): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  // below(x): x lies strictly left of the answer.
  const below = decreasing ? (x: number) => cdf(x) > p : (x: number) => cdf(x) < p;
  let [lo, hi] = support;
  if (p === (decreasing ? 1 : 0)) return lo;
  if (p === (decreasing ? 0 : 1)) return hi;
  const start = Number.isFinite(lo) ? lo : Number.isFinite(hi) ? hi : 0;
  if (!Number.isFinite(lo)) {
    for (let step = 1; ; step *= 2) {
      lo = start - step;
      if (below(lo) || step > 1e300) break;
    }
  }
  if (!Number.isFinite(hi)) {
    for (let step = 1; ; step *= 2) {
      hi = Math.max(start, lo) + step;
      if (!below(hi) || step > 1e300) break;
    }
  }
  for (let i = 0; i < 2100; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (below(mid)) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Builds a ContinuousLaw from its parts (see the module comment for the defaults). */
export function continuousLaw(parts: ContinuousLawParts): ContinuousLaw {
  const { support } = parts;
  const nan = (x: number) => Number.isNaN(x);
  const cdfPart = parts.cdf ?? (parts.logcdf ? (x: number) => Math.exp(parts.logcdf!(x)) : null);
  if (!cdfPart) throw new TypeError(`${parts.name}: a law needs cdf or logcdf`);
  const cdf = (x: number) => (nan(x) ? Number.NaN : cdfPart(x));
  const sf = parts.sf
    ? (x: number) => (nan(x) ? Number.NaN : parts.sf!(x))
    : (x: number) => 1 - cdf(x);
  const pdf = (x: number) => (nan(x) ? Number.NaN : parts.pdf(x));
  const logpdf = parts.logpdf ?? ((x: number) => Math.log(pdf(x)));
  const logcdf = parts.logcdf ?? ((x: number) => Math.log(cdf(x)));
  const logsf = parts.logsf ?? ((x: number) => Math.log(sf(x)));
  const quantile = parts.quantile ?? ((p: number) => invertCdf(cdf, support, p));
  const isf =
    parts.isf ?? ((q: number) => (parts.sf ? invertCdf(sf, support, q, true) : quantile(1 - q)));
  const draw = parts.sample ?? ((rng: RandomSource) => quantile(rng.uniform()));
  const svg = () => lawFigureSvg({ name: parts.name, support, pdf, cdf, quantile });
  return {
    name: parts.name,
    support,
    pdf: vectorise(pdf),
    logpdf: vectorise(logpdf),
    cdf: vectorise(cdf),
    logcdf: vectorise(logcdf),
    sf: vectorise(sf),
    logsf: vectorise(logsf),
    quantile: vectorise(quantile),
    isf: vectorise(isf),
    mean: parts.mean,
    variance: parts.variance,
    sample(rng: RandomSource, n: number): Float64Array {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = draw(rng);
      return out;
    },
    svg,
    [JUPYTER_DISPLAY]() {
      return { "image/svg+xml": svg(), "text/plain": `${parts.name} (betaens law)` };
    },
  };
}
