/**
 * Convergence diagnostics of Markov chain Monte Carlo: the rank-normalised split-R̂ and the
 * effective sample size (bulk ESS) of Vehtari, Gelman, Simpson, Carpenter & Bürkner, "Rank-
 * normalization, folding, and localization: an improved R̂ for assessing convergence of MCMC",
 * Bayesian Analysis 16 (2021) 667–718, and the integrated autocorrelation time of one chain.
 *
 * Input: M chains of equal length n (an array of Float64Array). Each chain is split in halves
 * (the middle draw dropped when n is odd), giving 2M chains of length ⌊n/2⌋ (§4.1 of the paper);
 * the pooled draws are replaced by their normal scores z = Φ⁻¹((r − 3/8)/(S + 1/4)), r the average
 * rank among the S draws (eq. 14). Then, per chain j of length n′, mean θ̄_j and variance s_j²:
 *   W = mean_j s_j²,   B/n′ = var_j θ̄_j,   var⁺ = (n′−1)/n′·W + B/n′,   R̂ = √(var⁺/W)   (eqs. 3–4);
 * the reported R̂ is the larger of the bulk value (on z) and the tail value (on the normal scores of
 * the folded draws |θ − median θ|, §4.2). The ESS uses the multi-chain autocorrelation
 *   ρ̂_t = 1 − (W − mean_j(acov_{j,t}))/var⁺   (eq. 10; acov by FFT, divided by n′),
 * summed by Geyer's initial monotone positive sequence (Geyer, Statistical Science 7 (1992), §3.3):
 *   τ̂ = −1 + 2 Σ_{k≤K} (ρ̂_{2k} + ρ̂_{2k+1}),   ESS = M′n′/τ̂, capped at M′n′·log₁₀(M′n′) (as Stan).
 *
 * @example
 * ```ts
 * const chains = [Float64Array.from([...]), Float64Array.from([...]), …];
 * const { rhat, essBulk } = convergenceDiagnostics(chains);
 * if (rhat > 1.01) console.warn("not converged");
 * ```
 */
import { normalQuantile } from "../random/normal.js";

/** R̂ and ESS of a set of chains (see the module comment). */
export interface ConvergenceDiagnostics {
  /** max(bulk R̂, tail R̂), rank-normalised split-R̂. */
  rhat: number;
  rhatBulk: number;
  rhatTail: number;
  /** Bulk effective sample size (rank-normalised split chains). */
  essBulk: number;
  /** Tail ESS: ESS of the 5% and 95% quantile indicators, the smaller (§4.3). */
  essTail: number;
}

function checkChains(chains: readonly Float64Array[]): number {
  if (chains.length < 1) throw new RangeError("need at least one chain");
  const n = chains[0].length;
  for (const c of chains) {
    if (c.length !== n) throw new RangeError("all chains must have the same length");
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(c[i])) throw new RangeError(`chains must be finite, got ${c[i]}`);
    }
  }
  if (n < 4) throw new RangeError(`chains must have at least 4 draws, got ${n}`);
  return n;
}

/** The 2M half chains (the middle draw dropped when the length is odd). */
export function splitChains(chains: readonly Float64Array[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (const c of chains) {
    const half = Math.floor(c.length / 2);
    out.push(c.slice(0, half), c.slice(c.length - half));
  }
  return out;
}

/** Normal scores Φ⁻¹((r − 3/8)/(S + 1/4)) of the pooled draws, r the average rank (ties averaged). */
export function rankNormalize(chains: readonly Float64Array[]): Float64Array[] {
  const n = chains[0].length;
  const total = chains.length * n;
  const values = new Float64Array(total);
  for (let j = 0; j < chains.length; j++) values.set(chains[j], j * n);
  const order = new Uint32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  order.sort((p, q) => values[p] - values[q]);
  const scores = new Float64Array(total);
  for (let i = 0; i < total; ) {
    let k = i;
    while (k + 1 < total && values[order[k + 1]] === values[order[i]]) k++;
    const rank = 0.5 * (i + k) + 1; // average 1-based rank of the tie group
    const z = normalQuantile((rank - 0.375) / (total + 0.25));
    for (let q = i; q <= k; q++) scores[order[q]] = z;
    i = k + 1;
  }
  return chains.map((_, j) => scores.slice(j * n, (j + 1) * n));
}

function meanOf(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** W, var⁺ and the chain means of equal-length chains (eqs. 3–4 of Vehtari et al. 2021). */
function varianceParts(chains: readonly Float64Array[]): { w: number; varPlus: number } {
  const m = chains.length;
  const n = chains[0].length;
  const means = chains.map(meanOf);
  let w = 0;
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += (chains[j][i] - means[j]) ** 2;
    w += s / (n - 1);
  }
  w /= m;
  const grand = means.reduce((a, b) => a + b, 0) / m;
  let bOverN = 0;
  if (m > 1) {
    for (const mu of means) bOverN += (mu - grand) ** 2;
    bOverN /= m - 1;
  }
  return { w, varPlus: ((n - 1) / n) * w + bOverN };
}

/** The classical R̂ = √(var⁺/W) of equal-length chains (no splitting, no ranks). */
export function potentialScaleReduction(chains: readonly Float64Array[]): number {
  const { w, varPlus } = varianceParts(chains);
  if (w === 0) return varPlus === 0 ? 1 : Number.POSITIVE_INFINITY;
  return Math.sqrt(varPlus / w);
}

/** In-place iterative radix-2 FFT of (re, im), length a power of 2 (Cooley–Tukey). */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i];
      re[i] = re[j];
      re[j] = t;
      t = im[i];
      im[i] = im[j];
      im[j] = t;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const angle = (-2 * Math.PI) / len;
    const wr = Math.cos(angle);
    const wi = Math.sin(angle);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const tr = re[b] * cr - im[b] * ci;
        const ti = re[b] * ci + im[b] * cr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
        const next = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = next;
      }
    }
  }
}

/** Autocovariances acov_t = (1/n) Σ_i (x_i − x̄)(x_{i+t} − x̄), t = 0..n−1, by FFT (zero-padded). */
export function autocovariance(x: Float64Array): Float64Array {
  const n = x.length;
  let size = 1;
  while (size < 2 * n) size <<= 1;
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  const mu = meanOf(x);
  for (let i = 0; i < n; i++) re[i] = x[i] - mu;
  fft(re, im);
  for (let i = 0; i < size; i++) {
    re[i] = re[i] * re[i] + im[i] * im[i];
    im[i] = 0;
  }
  fft(re, im); // the power spectrum is real and even: the forward transform inverts it up to 1/size
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) out[t] = re[t] / size / n;
  return out;
}

/**
 * Effective sample size of equal-length chains (no splitting or ranks here: callers pass split,
 * rank-normalised chains for the bulk ESS), by eq. 10 of Vehtari et al. (2021) and Geyer's
 * initial monotone positive sequence.
 */
export function effectiveSampleSize(chains: readonly Float64Array[]): number {
  const m = chains.length;
  const n = chains[0].length;
  const { w, varPlus } = varianceParts(chains);
  if (!(varPlus > 0)) return Number.NaN;
  const acov = chains.map(autocovariance);
  const rho = (t: number): number => {
    let s = 0;
    for (let j = 0; j < m; j++) s += acov[j][t];
    return 1 - (w - s / m) / varPlus;
  };
  const rhos = new Float64Array(n);
  rhos[0] = 1;
  let t = 0;
  let even = 1;
  let odd = rho(1);
  rhos[1] = odd;
  // Initial positive sequence: pairs (ρ_{2k}, ρ_{2k+1}) while their sum is positive.
  while (t < n - 4 && even + odd > 0) {
    t += 2;
    even = rho(t);
    odd = rho(t + 1);
    if (even + odd >= 0) {
      rhos[t] = even;
      rhos[t + 1] = odd;
    }
  }
  const last = t;
  // Initial monotone sequence: pair sums are made non-increasing.
  for (let k = 0; k <= last - 4; k += 2) {
    const previous = rhos[k] + rhos[k + 1];
    if (rhos[k + 2] + rhos[k + 3] > previous) {
      rhos[k + 2] = previous / 2;
      rhos[k + 3] = previous / 2;
    }
  }
  let sum = 0;
  for (let k = 0; k < last; k++) sum += rhos[k];
  const tau = Math.max(-1 + 2 * sum, 1 / Math.log10(m * n));
  return Math.min((m * n) / tau, m * n * Math.log10(m * n));
}

/**
 * Integrated autocorrelation time τ = 1 + 2 Σ_{t≥1} ρ_t of one chain (or of several, pooled as in
 * effectiveSampleSize): τ = M·n/ESS. A chain of length n carries about n/τ independent draws.
 */
export function integratedAutocorrelationTime(chains: readonly Float64Array[]): number {
  checkChains(chains);
  return (chains.length * chains[0].length) / effectiveSampleSize(chains);
}

/** The ESS of the indicator θ ≤ q at the pooled quantile q (for the tail ESS). */
function quantileEss(chains: readonly Float64Array[], p: number): number {
  const pooled = Float64Array.from(chains.flatMap((c) => Array.from(c))).sort();
  const q = pooled[Math.min(pooled.length - 1, Math.floor(p * pooled.length))];
  const indicators = chains.map((c) => c.map((x) => (x <= q ? 1 : 0)));
  return effectiveSampleSize(indicators);
}

/**
 * Rank-normalised split-R̂ and bulk/tail ESS of M ≥ 1 chains of equal length n ≥ 4 (module
 * comment; Vehtari et al. 2021, §4). R̂ > 1.01 means the chains have not mixed (the paper's
 * threshold); a bulk ESS below ≈ 100·M is too small for reliable summaries.
 */
export function convergenceDiagnostics(chains: readonly Float64Array[]): ConvergenceDiagnostics {
  checkChains(chains);
  const split = splitChains(chains);
  const z = rankNormalize(split);
  const rhatBulk = potentialScaleReduction(z);
  const pooled = Float64Array.from(split.flatMap((c) => Array.from(c))).sort();
  const half = pooled.length >> 1;
  const median = pooled.length % 2 === 1 ? pooled[half] : 0.5 * (pooled[half - 1] + pooled[half]);
  const folded = split.map((c) => c.map((x) => Math.abs(x - median)));
  const rhatTail = potentialScaleReduction(rankNormalize(folded));
  const essBulk = effectiveSampleSize(z);
  const essTail = Math.min(quantileEss(split, 0.05), quantileEss(split, 0.95));
  return { rhat: Math.max(rhatBulk, rhatTail), rhatBulk, rhatTail, essBulk, essTail };
}
