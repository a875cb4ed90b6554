/**
 * The sampling loops as they were before the driver (src/driver/) replaced them: runSample of
 * ensembles/sample.ts, gibbsRun of gibbs/run.ts (with the spectral move, R̂/ESS and cut counts of
 * issue 10) and runLinearStatistic of ensembles/linearStatistics.ts, frozen here as the reference that the driver
 * must reproduce byte for byte (test/driver/driver.test.ts) and as the baseline of the driver's
 * overhead benchmark (bench/scale.ts). Not used by the library.
 */

import {
  densityMatrixStatistic,
  isDensityMatrixStat,
} from "../../src/ensembles/densityMatrixStatistics.js";
import {
  checkLinearStatisticJob,
  type LinearStatisticJob,
  type LinearStatisticResult,
  type LinearStatisticRow,
  linearStatisticRoute,
  linearStatisticSample,
  linearStatisticTheory,
} from "../../src/ensembles/linearStatistics.js";
import { type Draw, drawSample, drawTridiagonal, drawValues } from "../../src/ensembles/models.js";
import {
  checkJob,
  type SampleJob,
  type SampleResult,
  sampleLargestEigenvalue,
  usesEdgeModel,
} from "../../src/ensembles/sample.js";
import { checkGibbsRun, type GibbsRunOptions, type GibbsRunResult } from "../../src/gibbs/run.js";
import { defaultSpectralInterval, runGibbsChain } from "../../src/gibbs/sampler.js";
import { createRandomSource } from "../../src/random/philox.js";
import { convergenceDiagnostics } from "../../src/statistics/convergence.js";
import { sampleCumulants } from "../../src/statistics/cumulants.js";
import { edgeScaling } from "../../src/theory/edgeScaling.js";
import { largestEigenvalue } from "../../src/tridiagonal/bisection.js";
import { tridiagonalEigenvalues } from "../../src/tridiagonal/eigenvalues.js";
import { sturmHistogram } from "../../src/tridiagonal/histogram.js";
import { sturmCount } from "../../src/tridiagonal/sturm.js";
import { VERSION } from "../../src/version.js";

function isClassical(
  spec: SampleJob["spec"],
): spec is Extract<SampleJob["spec"], { ensemble: "hermite" | "laguerre" | "jacobi" }> {
  return spec.ensemble === "hermite" || spec.ensemble === "laguerre" || spec.ensemble === "jacobi";
}

/** Adds the points of a sorted array to histogram counts over `edges` ([lo, hi) bins). */
function binSorted(
  values: Float64Array,
  edges: Float64Array,
  counts: Float64Array,
): { below: number; above: number } {
  const bins = counts.length;
  let below = 0;
  let above = 0;
  let b = 0;
  for (const x of values) {
    if (x < edges[0]) {
      below++;
      continue;
    }
    if (x >= edges[bins]) {
      above++;
      continue;
    }
    while (x >= edges[b + 1]) b++;
    counts[b]++;
  }
  return { below, above };
}

/**
 * Runs a sampling job. `onProgress(done, total)` is called after each sample (for progress bars
 * and for the browser worker's partial results).
 */
export function referenceRunSample(
  job: SampleJob,
  onProgress?: (done: number, total: number) => void,
): SampleResult {
  checkJob(job);
  const { n, beta, samples, seed, stat, spec } = job;
  const result: SampleResult = {
    betaens: VERSION,
    command: "sample",
    ensemble: spec.ensemble,
    model: job.model,
    n,
    beta,
    params: job.reportedParams ?? { ...spec.params },
    seed,
    stat,
  };
  const rows: Float64Array[] = [];
  const complexRows: number[][][] = [];
  const maxima = new Float64Array(stat === "max" || isDensityMatrixStat(stat) ? samples : 0);
  const edges = job.edges ?? new Float64Array(0);
  const counts = new Float64Array(Math.max(edges.length - 1, 0));
  let below = 0;
  let above = 0;
  // The truncated and limit models compute (λ_max − center)/scale without cancellation (edge.ts).
  const rescaledDirectly = stat === "max" && job.scaling === "edge" && usesEdgeModel(job);
  for (let s = 0; s < samples; s++) {
    if (stat === "max") {
      maxima[s] = sampleLargestEigenvalue(job, s, rescaledDirectly);
      onProgress?.(s + 1, samples);
      continue;
    }
    const draw: Draw = drawSample(spec, job.model, createRandomSource(seed, s), n, beta);
    if (draw.kind === "complex") {
      complexRows.push(Array.from(draw.re, (re, i) => [re, draw.im[i]]));
    } else if (stat === "eigenvalues") {
      rows.push(drawValues(draw));
    } else if (isDensityMatrixStat(stat)) {
      maxima[s] = densityMatrixStatistic(draw, stat);
    } else {
      const t = drawTridiagonal(draw);
      const h = t
        ? sturmHistogram(t.diagonal, t.offDiagonalSquared, edges)
        : binSorted(drawValues(draw), edges, counts);
      if ("counts" in h) for (let b = 0; b < counts.length; b++) counts[b] += h.counts[b];
      below += h.below;
      above += h.above;
    }
    onProgress?.(s + 1, samples);
  }
  if (spec.ensemble === "ginibre") result.samples = complexRows;
  else if (stat === "eigenvalues") result.samples = rows;
  else if (isDensityMatrixStat(stat)) result.samples = maxima;
  else if (stat === "max") {
    result.samples = maxima;
    if (job.scaling === "edge" && isClassical(spec)) {
      const edge = edgeScaling(spec.ensemble, n, beta, spec.params);
      if (!rescaledDirectly) for (let s = 0; s < samples; s++) maxima[s] = edge.rescale(maxima[s]);
      result.scaling = { kind: "edge", center: edge.center, scale: edge.scale };
    }
  } else {
    result.edges = edges;
    result.counts = counts;
    result.below = below;
    result.above = above;
  }
  return result;
}

/**
 * Runs S independent Gibbs chains (gibbsSweep, exact conditionals) and returns the statistic:
 * the final eigenvalues, the final λ_max, λ_max after every pass ("trace"), or a histogram of
 * the final eigenvalues over all chains (Sturm counts, O(N·B) per chain). Cost O(S·P·N) for the
 * passes, plus O(S·N²) for "eigenvalues".
 * Reference: docs/theory.md §3.7 (DPPy `sample_mcmc`, with its return_chain_of_lambda_max option).
 */
export function referenceGibbsRun(options: GibbsRunOptions): GibbsRunResult {
  checkGibbsRun(options);
  const { coeffs, n, beta, passes, samples, seed, stat } = options;
  const initial = options.initial ?? "zero";
  const result: GibbsRunResult = {
    betaens: VERSION,
    command: "gibbs",
    n,
    beta,
    potential: Array.from(coeffs),
    passes,
    seed,
    stat,
    initial,
    exactConditionals: true,
    spectralEvery: options.spectralEvery ?? defaultSpectralInterval(n, beta),
  };
  const wantDiagnostics = options.diagnostics !== "off" && samples >= 4 && passes >= 8;
  const traces: Float64Array[] = [];
  const cutPoints = options.cutPoints;
  const rows: Float64Array[] = [];
  const maxima = new Float64Array(stat === "max" ? samples : 0);
  const edges = options.edges ?? new Float64Array(0);
  const counts = new Float64Array(Math.max(edges.length - 1, 0));
  let below = 0;
  let above = 0;
  for (let s = 0; s < samples; s++) {
    const rng = createRandomSource(seed, s);
    const trace = stat === "trace" || wantDiagnostics ? new Float64Array(passes) : undefined;
    const record = options.recordPasses;
    const recordedRows: Float64Array[] = [];
    const state = runGibbsChain({
      coeffs,
      n,
      beta,
      passes,
      rng,
      initial,
      spectralEvery: result.spectralEvery,
      onPass:
        trace || record
          ? (pass, t) => {
              if (trace) trace[pass - 1] = largestEigenvalue(t.diagonal, t.offDiagonalSquared);
              if (record?.includes(pass)) {
                recordedRows.push(tridiagonalEigenvalues(t.diagonal, t.offDiagonalSquared));
              }
            }
          : undefined,
    });
    if (record) {
      result.recordedPasses = record;
      result.recorded ??= [];
      result.recorded.push(recordedRows);
    }
    if (!state.exact) result.exactConditionals = false;
    if (trace && wantDiagnostics) traces.push(trace);
    if (cutPoints) {
      const counts: number[] = [];
      let below = 0;
      for (let k = 0; k < cutPoints.length; k++) {
        const c = sturmCount(state.diagonal, state.offDiagonalSquared, cutPoints[k]);
        counts.push(c - below);
        below = c;
      }
      counts.push(n - below);
      result.cutCounts ??= [];
      result.cutCounts.push(counts);
    }
    if (stat === "eigenvalues") {
      rows.push(tridiagonalEigenvalues(state.diagonal, state.offDiagonalSquared));
    } else if (stat === "max") {
      maxima[s] = largestEigenvalue(state.diagonal, state.offDiagonalSquared);
    } else if (stat === "trace" && trace) {
      rows.push(trace);
    } else {
      const h = sturmHistogram(state.diagonal, state.offDiagonalSquared, edges);
      for (let b = 0; b < counts.length; b++) counts[b] += h.counts[b];
      below += h.below;
      above += h.above;
    }
    options.onProgress?.(s + 1, samples);
  }
  if (wantDiagnostics) {
    const first = Math.floor(passes / 2);
    const d = convergenceDiagnostics(traces.map((t) => t.subarray(first)));
    result.diagnostics = { ...d, firstPass: first + 1, lastPass: passes };
  }
  if (stat === "eigenvalues" || stat === "trace") result.samples = rows;
  else if (stat === "max") result.samples = maxima;
  else {
    result.edges = edges;
    result.counts = counts;
    result.below = below;
    result.above = above;
  }
  return result;
}

/**
 * Runs the job: for each N, S samples of L_N (linearStatisticSample), their k-statistics with
 * jackknife standard errors, and the theory. `onProgress(done, total)` after each sample.
 */
export function referenceRunLinearStatistic(
  job: LinearStatisticJob,
  onProgress?: (done: number, total: number) => void,
): LinearStatisticResult {
  const test = checkLinearStatisticJob(job);
  const { source, ns, samples } = job;
  const scaling = job.scaling ?? "limit";
  const route = linearStatisticRoute(source, test);
  const rows: LinearStatisticRow[] = [];
  const total = samples * ns.length;
  let done = 0;
  for (let j = 0; j < ns.length; j++) {
    const values = new Float64Array(samples);
    for (let s = 0; s < samples; s++) {
      values[s] = linearStatisticSample(job, test, j, s);
      onProgress?.(++done, total);
    }
    const estimates = sampleCumulants(values);
    rows.push({
      n: ns[j],
      samples: estimates.n,
      cumulants: estimates.cumulants,
      standardErrors: estimates.standardErrors,
      route,
      theory: linearStatisticTheory(job, test, ns[j]),
      values,
    });
  }
  const params: Record<string, number | number[]> =
    source.kind === "potential"
      ? { potential: Array.from(source.coeffs), passes: source.passes }
      : { ...source.spec.params };
  return {
    betaens: VERSION,
    command: "linstat",
    ensemble: source.kind === "potential" ? "potential" : source.spec.ensemble,
    model: source.kind === "potential" ? "gibbs" : source.model,
    f: job.f,
    variable: test.variable,
    scaling,
    beta: job.beta,
    params,
    seed: job.seed,
    samples,
    n: ns,
    rows,
  };
}
