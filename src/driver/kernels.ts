/**
 * The per-sample work of every task: `kernelFor(job)` validates the job once and returns the
 * function that computes sample s and hands its numbers to the accumulator. Sample s uses
 * createRandomSource(seed, s) (mixing: unit u = j·C + c uses (seed, c, j)), so a sample is the
 * same in whatever block, thread or shard it is computed. The numbers are those of the loops
 * they replace (runSample, gibbsRun, `tw sample`, mixingStudy): same functions, same order of
 * operations, so the outputs are bit-identical.
 */

import {
  densityMatrixStatistic,
  isDensityMatrixStat,
} from "../ensembles/densityMatrixStatistics.js";
import {
  checkLinearStatisticCost,
  checkLinearStatisticJob,
  type LinearStatisticJob,
  linearStatisticSample,
} from "../ensembles/linearStatistics.js";
import { defaultEnergy, drawSpacings, sampleWindow } from "../ensembles/localStatistics.js";
import {
  type ClassicalSpec,
  type Draw,
  drawSample,
  drawTridiagonal,
  drawValues,
  type EnsembleSpec,
} from "../ensembles/models.js";
import {
  checkJob,
  checkJobCost,
  type SampleJob as EnsembleSampleJob,
  sampleLargestEigenvalue,
  usesEdgeModel,
} from "../ensembles/sample.js";
import { tracyWidomBetaSample } from "../ensembles/tracyWidomBeta.js";
import { checkGibbsRun } from "../gibbs/run.js";
import { runGibbsChain } from "../gibbs/sampler.js";
import { type MixingPart, type MixingPlan, mixingChain, mixingPlan } from "../mixing/study.js";
import { createRandomSource } from "../random/philox.js";
import { DEFAULT_BULK, LINSTAT_DEFAULTS } from "../spec/defaults.js";
import type {
  GibbsJob,
  Job,
  LinearStatisticJobSpec,
  LocalStatisticsSettings,
  MixingJob,
  SampleJob,
  TracyWidomJob,
  UniformBins,
} from "../spec/job.js";
import {
  SPACING_ROW_WIDTH,
  type SpacingGrid,
  SpacingSummaryWork,
  spacingCountsLength,
} from "../statistics/spacingSummary.js";
import { edgeScaling } from "../theory/edgeScaling.js";
import { edgeConstants, edgeScale, equilibriumMeasure } from "../theory/equilibrium.js";
import { tracyWidomSample } from "../theory/tracyWidom.js";
import { largestEigenvalue } from "../tridiagonal/bisection.js";
import { tridiagonalEigenvalues } from "../tridiagonal/eigenvalues.js";
import { sturmHistogram, uniformEdges } from "../tridiagonal/histogram.js";
import { sturmCount } from "../tridiagonal/sturm.js";
import type { Accumulator } from "./accumulator.js";

/** The shape of what a job keeps per sample. */
export interface Layout {
  /** Numbers per sample kept as rows (0: none). */
  width: number;
  /** Numbers per sample kept as recorded rows (Gibbs --record). */
  recordWidth: number;
  /** Bin edges of the counts (histogram, or the CDF grid of a per-sample number). */
  edges?: Float64Array;
  /** Length of the counts when they are not over `edges` (a spacing summary's several histograms). */
  counts?: number;
  /** Exact power sums of the per-sample number. */
  moments: boolean;
}

export interface Kernel {
  layout: Layout;
  /**
   * Computes sample s and adds it to acc; `within(fraction, row)` (optional) reports progress
   * inside a long sample (the passes of a Gibbs chain); `row`, when given, is the sample's row
   * buffer, filled up to the work done (a Gibbs trace: its first `fraction · passes` entries).
   */
  sample(
    s: number,
    acc: Accumulator,
    within?: (fraction: number, row?: Float64Array) => void,
  ): void;
  /** Rough operations per sample (≈ 1e-8 s each), for chunk sizes and progress. */
  operationsPerSample: number;
}

/** The bins of a job's histogram or grid. */
export function binEdges(bins: UniformBins): Float64Array {
  return uniformEdges(bins.lo, bins.hi, bins.bins);
}

/** The edges of the job's counts, if it keeps counts. */
export function countEdges(job: {
  stat?: string;
  histogram?: UniformBins;
  edges?: number[];
  summary?: string;
  grid?: UniformBins;
}): Float64Array | undefined {
  if (job.stat === "histogram") {
    if (job.edges) return Float64Array.from(job.edges);
    if (!job.histogram) throw new RangeError("stat histogram needs bins");
    return binEdges(job.histogram);
  }
  if (job.summary === "cdf") {
    if (!job.grid) throw new RangeError("summary cdf needs a grid");
    return binEdges(job.grid);
  }
  return undefined;
}

/** The layout of a per-sample number kept as values, moments or grid counts. */
function scalarLayout(job: SampleJob | GibbsJob | TracyWidomJob): Layout {
  return {
    width: job.summary === "values" ? 1 : 0,
    recordWidth: 0,
    edges: countEdges(job),
    moments: job.summary === "moments",
  };
}

/** The ensembles/ form of a sample job (typed-array edges), used by its samplers and checks. */
export function ensembleSampleJob(job: SampleJob): EnsembleSampleJob {
  return {
    spec: { ensemble: job.ensemble, params: { ...job.params } } as EnsembleSpec,
    model: job.model,
    n: job.n,
    beta: job.beta,
    samples: job.count,
    seed: job.seed,
    stat: job.stat,
    edges: job.stat === "histogram" ? countEdges(job) : undefined,
    reportedParams: Object.fromEntries(job.reported),
    scaling: job.scaling,
    ...(job.local?.bulk
      ? { bulk: [job.local.bulk[0], job.local.bulk[1]] as [number, number] }
      : {}),
    ...(job.local?.energy !== undefined ? { energy: job.local.energy } : {}),
    ...(job.local?.windowSize !== undefined ? { count: job.local.windowSize } : {}),
  };
}

/** The grids of a `--stat spacings | window --summary cdf` job. */
export function spacingGridOf(job: SampleJob): SpacingGrid {
  if (!job.grid || !job.local) {
    throw new RangeError(`--stat ${job.stat} --summary cdf needs a grid and its settings`);
  }
  return { ...job.grid, ratioBins: job.local.ratioBins };
}

/**
 * stat spacings | window with summary "cdf": per sample the unfolded spacings (the whole
 * configuration, or the window sampler's k eigenvalues nearest E), reduced to the fixed-size
 * counts and the row of statistics/spacingSummary.ts — mergeable over any split.
 */
function spacingSummaryKernel(job: SampleJob, ej: EnsembleSampleJob): Kernel {
  if (job.summary !== "cdf") {
    throw new RangeError(
      `--stat ${job.stat} keeps rows of varying length: the driver runs it with summary "cdf" (runLocalStatistics runs "values")`,
    );
  }
  const grid = spacingGridOf(job);
  const local = job.local as LocalStatisticsSettings;
  const substream = local.substream;
  if (!(Number.isInteger(substream) && substream >= 0 && substream <= 0xffffffff)) {
    throw new RangeError(`the substream must be an integer in [0, 2^32 − 1], got ${substream}`);
  }
  const work = new SpacingSummaryWork(grid);
  const { spec, n, beta, seed, model } = ej;
  // The sums over samples of c_k² (c_k ≤ n) stay exact integers below 2^53.
  if (n * n * (job.first + job.count) > 2 ** 53) {
    throw new RangeError("too many spacings for exact counts: use fewer samples or a smaller n");
  }
  const operationsPerSample = checkJobCost({ ...ej, samples: 1 }).seconds * 1e8;
  const layout: Layout = {
    width: SPACING_ROW_WIDTH,
    recordWidth: 0,
    counts: spacingCountsLength(grid),
    moments: false,
  };
  if (job.stat === "spacings") {
    const window = local.bulk ?? DEFAULT_BULK;
    const cyclic = spec.ensemble === "circular" && window[0] === 0 && window[1] === 1;
    return {
      layout,
      operationsPerSample,
      sample(s, acc) {
        const draw = drawSample(spec, model, createRandomSource(seed, s, substream), n, beta);
        const row = acc.rowBuffer();
        work.add(drawSpacings(spec, draw, n, beta, window), cyclic, row);
        acc.addCounts(work.counts);
        acc.row(row);
      },
    };
  }
  const classical = spec as ClassicalSpec;
  const energy = local.energy ?? defaultEnergy(classical, n, beta);
  const size = local.windowSize as number;
  return {
    layout,
    operationsPerSample,
    sample(s, acc) {
      const rng = createRandomSource(seed, s, substream);
      const w = sampleWindow(classical, rng, n, beta, energy, size);
      const row = acc.rowBuffer();
      work.add(w.spacings, false, row);
      acc.addCounts(work.counts);
      acc.row(row);
    },
  };
}

function sampleKernel(job: SampleJob): Kernel {
  const ej = ensembleSampleJob(job);
  // Well-formedness, and the cost of one sample (the cost of a run is the front end's to check:
  // a shard or a block runs only part of it).
  checkJob({ ...ej, samples: 1 });
  if (job.stat === "spacings" || job.stat === "window") return spacingSummaryKernel(job, ej);
  if (job.local !== undefined) {
    throw new RangeError("local-statistics settings apply to --stat spacings | window only");
  }
  // Seconds of one sample (the cost model of src/ensembles/sample.ts) as ≈ 1e-8 s operations.
  const operationsPerSample = checkJobCost({ ...ej, samples: 1 }).seconds * 1e8;
  const { spec, n, beta, seed, model } = ej;
  if (job.stat === "max") {
    // The truncated and limit models compute (λ_max − center)/scale without cancellation (edge.ts).
    const rescaledDirectly = job.scaling === "edge" && usesEdgeModel(ej);
    const edge =
      job.scaling === "edge" &&
      !rescaledDirectly &&
      (spec.ensemble === "hermite" || spec.ensemble === "laguerre" || spec.ensemble === "jacobi")
        ? edgeScaling(spec.ensemble, n, beta, spec.params)
        : undefined;
    return {
      layout: scalarLayout(job),
      operationsPerSample,
      sample(s, acc) {
        const x = sampleLargestEigenvalue(ej, s, rescaledDirectly);
        acc.scalar(edge ? edge.rescale(x) : x);
      },
    };
  }
  if (isDensityMatrixStat(job.stat)) {
    // Purity, entropy or λ_min of a random density matrix (fixed-trace ensemble).
    const stat = job.stat;
    return {
      layout: scalarLayout(job),
      operationsPerSample,
      sample(s, acc) {
        const draw = drawSample(spec, model, createRandomSource(seed, s), n, beta);
        acc.scalar(densityMatrixStatistic(draw, stat));
      },
    };
  }
  if (job.stat === "eigenvalues") {
    const complex = spec.ensemble === "ginibre";
    return {
      layout: { width: complex ? 2 * n : n, recordWidth: 0, moments: false },
      operationsPerSample,
      sample(s, acc) {
        const draw: Draw = drawSample(spec, model, createRandomSource(seed, s), n, beta);
        if (draw.kind === "complex") {
          const row = acc.rowBuffer();
          for (let i = 0; i < n; i++) {
            row[2 * i] = draw.re[i];
            row[2 * i + 1] = draw.im[i];
          }
          acc.row(row);
        } else {
          acc.row(drawValues(draw));
        }
      },
    };
  }
  const edges = ej.edges as Float64Array;
  return {
    layout: { width: 0, recordWidth: 0, edges, moments: false },
    operationsPerSample,
    sample(s, acc) {
      const draw = drawSample(spec, model, createRandomSource(seed, s), n, beta);
      const t = drawTridiagonal(draw);
      if (t) acc.histogram(sturmHistogram(t.diagonal, t.offDiagonalSquared, edges));
      else acc.sortedPoints(drawValues(draw));
    },
  };
}

/** ξ = N^{2/3} c_V (λ_max − b_V) of `betaens gibbs --scaling edge` (docs/theory.md §3.9). */
export function gibbsEdgeRescaling(
  coeffs: Float64Array,
  n: number,
): { right: number; rightScale: number; scale: number } {
  const constants = edgeConstants(equilibriumMeasure(coeffs));
  if (!(constants.rightScale > 0)) {
    throw new RangeError(
      "this potential has a critical right edge (c_V = 0): λ_max does not fluctuate on the N^(−2/3) Tracy–Widom scale",
    );
  }
  const { right, rightScale } = constants;
  return { right, rightScale, scale: edgeScale(n, rightScale) };
}

/**
 * Where a Gibbs job keeps each chain's auxiliary numbers, all in the partial's `recorded` rows
 * (concatenated in chain order, so they merge exactly like the rows): the eigenvalues after the
 * --record passes (R·N), the λ_max trace over the second half of the passes for split-R̂ and ESS
 * (the diagnostics' draws), and the number of final points in each cut of a multi-cut V.
 */
export interface GibbsAuxLayout {
  /** Numbers of the --record eigenvalues (R·N), first in the row. */
  record: number;
  /** The first pass (1-based) of the kept λ_max trace, and its length (0: no diagnostics). */
  traceFirstPass: number;
  trace: number;
  /** Cut counts (k for k cuts; 0: none). */
  cuts: number;
  /** λ_max of the final state (1 with keepMax, else 0), last in the row. */
  max: number;
}

/** Whether a Gibbs run computes diagnostics: asked for, ≥ 4 chains in the whole run, ≥ 8 passes. */
export function gibbsWantsDiagnostics(job: GibbsJob, chains = job.count): boolean {
  return job.diagnostics !== "off" && chains >= 4 && job.passes >= 8;
}

/**
 * The auxiliary layout of a Gibbs job. `chains`: the chains of the whole run (a shard's job has
 * the whole run's range, so every shard and block keeps the same numbers).
 */
export function gibbsAuxLayout(job: GibbsJob, chains = job.count): GibbsAuxLayout {
  const half = Math.floor(job.passes / 2);
  const diagnostics = gibbsWantsDiagnostics(job, chains);
  return {
    record: job.record ? job.record.length * job.n : 0,
    traceFirstPass: half + 1,
    trace: diagnostics ? job.passes - half : 0,
    cuts: job.cutPoints ? job.cutPoints.length + 1 : 0,
    max: job.keepMax ? 1 : 0,
  };
}

function gibbsKernel(job: GibbsJob): Kernel {
  const coeffs = Float64Array.from(job.coeffs);
  const { n, beta, passes, seed, stat, initial, spectralEvery } = job;
  const edges = countEdges(job);
  const cutPoints = job.cutPoints ? Float64Array.from(job.cutPoints) : undefined;
  checkGibbsRun({
    coeffs,
    n,
    beta,
    passes,
    samples: 1,
    seed,
    stat,
    initial,
    edges,
    recordPasses: job.record,
    spectralEvery,
    cutPoints,
  });
  const edge = job.scaling === "edge" ? gibbsEdgeRescaling(coeffs, n) : undefined;
  const rescale = edge ? (x: number) => edge.scale * (x - edge.right) : (x: number) => x;
  const record = job.record;
  const aux = gibbsAuxLayout(job);
  const auxWidth = aux.record + aux.trace + aux.cuts + aux.max;
  const layout: Layout =
    stat === "max"
      ? { ...scalarLayout(job), recordWidth: auxWidth }
      : {
          width: stat === "eigenvalues" ? n : stat === "trace" ? passes : 0,
          recordWidth: auxWidth,
          edges: stat === "histogram" ? edges : undefined,
          moments: false,
        };
  const moves = spectralEvery > 0 ? Math.floor(passes / spectralEvery) : 0;
  const traceAt = aux.record;
  const firstTracePass = aux.traceFirstPass;
  return {
    layout,
    // passes · N conditional draws at ≈ 7 µs, ≈ 3N² per spectral move, N² for the eigenvalues.
    operationsPerSample:
      passes * n * 700 + moves * 3 * n * n + (stat === "eigenvalues" ? n * n : 0),
    sample(s, acc, within) {
      const rng = createRandomSource(seed, s);
      const trace = stat === "trace" ? acc.rowBuffer() : undefined;
      const auxRow = auxWidth > 0 ? acc.recordBuffer() : undefined;
      let k = 0;
      const watch =
        trace !== undefined || record !== undefined || aux.trace > 0 || within !== undefined;
      const state = runGibbsChain({
        coeffs,
        n,
        beta,
        passes,
        rng,
        initial,
        spectralEvery,
        onPass: watch
          ? (pass, t) => {
              if (trace || (aux.trace > 0 && pass >= firstTracePass)) {
                const top = largestEigenvalue(t.diagonal, t.offDiagonalSquared);
                if (trace) trace[pass - 1] = rescale(top);
                if (aux.trace > 0 && pass >= firstTracePass) {
                  (auxRow as Float64Array)[traceAt + pass - firstTracePass] = top;
                }
              }
              if (record?.includes(pass)) {
                (auxRow as Float64Array).set(
                  tridiagonalEigenvalues(t.diagonal, t.offDiagonalSquared),
                  k * n,
                );
                k++;
              }
              within?.(pass / passes, trace);
            }
          : undefined,
      });
      if (!state.exact) acc.inexact();
      if (cutPoints && auxRow) {
        // Points of the final state in (−∞, c_1), …, (c_{k−1}, ∞) by Sturm counts.
        let below = 0;
        const at = aux.record + aux.trace;
        for (let c = 0; c < cutPoints.length; c++) {
          const count = sturmCount(state.diagonal, state.offDiagonalSquared, cutPoints[c]);
          auxRow[at + c] = count - below;
          below = count;
        }
        auxRow[at + cutPoints.length] = n - below;
      }
      if (aux.max > 0 && auxRow) {
        auxRow[auxWidth - 1] = largestEigenvalue(state.diagonal, state.offDiagonalSquared);
      }
      if (auxRow) acc.record(auxRow);
      if (stat === "eigenvalues") {
        acc.row(tridiagonalEigenvalues(state.diagonal, state.offDiagonalSquared));
      } else if (stat === "max") {
        acc.scalar(rescale(largestEigenvalue(state.diagonal, state.offDiagonalSquared)));
      } else if (trace) {
        acc.row(trace);
      } else {
        acc.histogram(
          sturmHistogram(state.diagonal, state.offDiagonalSquared, edges as Float64Array),
        );
      }
    },
  };
}

function tracyWidomKernel(job: TracyWidomJob): Kernel {
  const { beta, seed, convention } = job;
  if (!(beta > 0 && Number.isFinite(beta))) throw new RangeError(`beta must be > 0, got ${beta}`);
  if (job.method === "inversion") {
    if (beta !== 1 && beta !== 2 && beta !== 4) {
      throw new RangeError("inversion samples TW_β for beta 1, 2 or 4 only");
    }
    return {
      layout: scalarLayout(job),
      operationsPerSample: 500,
      sample(s, acc) {
        acc.scalar(tracyWidomSample(createRandomSource(seed, s), beta, convention));
      },
    };
  }
  const n = job.n;
  if (n === undefined || !(Number.isInteger(n) && n >= 2))
    throw new RangeError(`n must be an integer >= 2, got ${n}`);
  return {
    layout: scalarLayout(job),
    operationsPerSample: 3e3 * Math.cbrt(n / 1e6) * 100,
    sample(s, acc) {
      acc.scalar(tracyWidomBetaSample(createRandomSource(seed, s), beta, n));
    },
  };
}

/**
 * The mixing plan of a job (validated options, V's edge constants), the cost of `part` checked
 * (the kernel's: none — a block's or a shard's cost is its front end's to check).
 */
export function mixingJobPlan(job: MixingJob, part?: MixingPart): MixingPlan {
  return mixingPlan(
    {
      coeffs: job.coeffs,
      beta: job.beta,
      ns: job.ns,
      chains: job.chains,
      passes: job.passes,
      seed: job.seed,
      initial: job.initial,
      controlSamples: job.controlSamples,
      referenceSamples: job.referenceSamples,
    },
    part,
  );
}

function mixingKernel(job: MixingJob): Kernel {
  const plan = mixingJobPlan(job, { first: 0, count: 0, summary: false });
  const { chains, passes } = job;
  const meanN = job.ns.reduce((a, b) => a + b, 0) / job.ns.length;
  return {
    layout: { width: passes, recordWidth: 0, moments: false },
    operationsPerSample: passes * meanN * 700,
    sample(u, acc) {
      const row = acc.rowBuffer();
      mixingChain(plan, Math.floor(u / chains), u % chains, row);
      acc.row(row);
    },
  };
}

/** The ensembles/ form of a linstat job (typed-array coefficients, the ensemble spec). */
export function linearStatisticJobOf(job: LinearStatisticJobSpec): LinearStatisticJob {
  const source = job.source;
  return {
    source:
      source.kind === "potential"
        ? {
            kind: "potential",
            coeffs: Float64Array.from(source.coeffs),
            passes: source.passes,
            initial: source.initial,
          }
        : {
            kind: "ensemble",
            spec: { ensemble: source.ensemble, params: { ...source.params } } as EnsembleSpec,
            model: source.model,
          },
    f: job.f,
    scaling: job.scaling,
    ns: [...job.ns],
    beta: job.beta,
    samples: job.samples,
    seed: job.seed,
    ...(job.firstSample ? { firstSample: job.firstSample } : {}),
  };
}

/** The job value of an ensembles/ linstat job: all its samples (units 0 … ns.length·S − 1). */
export function linearStatisticJobValue(job: LinearStatisticJob): LinearStatisticJobSpec {
  const source = job.source;
  return {
    task: "linstat",
    source:
      source.kind === "potential"
        ? {
            kind: "potential",
            coeffs: Array.from(source.coeffs),
            passes: source.passes,
            initial: source.initial ?? LINSTAT_DEFAULTS.initial,
          }
        : {
            kind: "ensemble",
            ensemble: source.spec.ensemble,
            params: { ...source.spec.params } as Record<string, number>,
            model: source.model,
          },
    f: job.f,
    scaling: job.scaling ?? LINSTAT_DEFAULTS.scaling,
    ns: [...job.ns],
    beta: job.beta,
    samples: job.samples,
    seed: job.seed,
    ...(job.firstSample ? { firstSample: job.firstSample } : {}),
    first: 0,
    count: job.ns.length * job.samples,
  };
}

function linearStatisticKernel(job: LinearStatisticJobSpec): Kernel {
  const ej = linearStatisticJobOf(job);
  const test = checkLinearStatisticJob(ej);
  const samples = job.samples;
  const total = checkLinearStatisticCost(ej).operations;
  return {
    layout: { width: 1, recordWidth: 0, moments: false },
    operationsPerSample: total / Math.max(job.ns.length * samples, 1),
    sample(u, acc) {
      // Unit u = j·S + s: sample s at size ns[j] (random stream (seed, s, j)).
      acc.scalar(linearStatisticSample(ej, test, Math.floor(u / samples), u % samples));
    },
  };
}

/** The kernel of a job; validates the job (throws RangeError) — once, not per sample. */
export function kernelFor(job: Job): Kernel {
  switch (job.task) {
    case "sample":
      return sampleKernel(job);
    case "gibbs":
      return gibbsKernel(job);
    case "tw":
      return tracyWidomKernel(job);
    case "mixing":
      return mixingKernel(job);
    case "linstat":
      return linearStatisticKernel(job);
  }
}
