/**
 * The per-sample work of every task: `kernelFor(job)` validates the job once and returns the
 * function that computes sample s and hands its numbers to the accumulator. Sample s uses
 * createRandomSource(seed, s) (mixing: unit u = j·C + c uses (seed, c, j)), so a sample is the
 * same in whatever block, thread or shard it is computed. The numbers are those of the loops
 * they replace (runSample, gibbsRun, `tw sample`, mixingStudy): same functions, same order of
 * operations, so the outputs are bit-identical.
 */
import {
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
import { checkGibbsRun } from "../gibbs/run.js";
import { runGibbsChain } from "../gibbs/sampler.js";
import { type MixingPlan, mixingChain, mixingPlan } from "../mixing/study.js";
import { createRandomSource } from "../random/philox.js";
import type {
  GibbsJob,
  Job,
  MixingJob,
  SampleJob,
  TracyWidomJob,
  UniformBins,
} from "../spec/job.js";
import { edgeScaling } from "../theory/edgeScaling.js";
import { edgeConstants, equilibriumMeasure } from "../theory/equilibrium.js";
import { tracyWidomSample } from "../theory/tracyWidom.js";
import { tracyWidomBetaSample } from "../theory/tracyWidomBeta.js";
import { largestEigenvalue } from "../tridiagonal/bisection.js";
import { tridiagonalEigenvalues } from "../tridiagonal/eigenvalues.js";
import { sturmHistogram, uniformEdges } from "../tridiagonal/histogram.js";
import type { Accumulator } from "./accumulator.js";

/** The shape of what a job keeps per sample. */
export interface Layout {
  /** Numbers per sample kept as rows (0: none). */
  width: number;
  /** Numbers per sample kept as recorded rows (Gibbs --record). */
  recordWidth: number;
  /** Bin edges of the counts (histogram, or the CDF grid of a per-sample number). */
  edges?: Float64Array;
  /** Exact power sums of the per-sample number. */
  moments: boolean;
}

export interface Kernel {
  layout: Layout;
  /** Computes sample s and adds it to acc. */
  sample(s: number, acc: Accumulator): void;
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
  };
}

function sampleKernel(job: SampleJob): Kernel {
  const ej = ensembleSampleJob(job);
  // Well-formedness, and the cost of one sample (the cost of a run is the front end's to check:
  // a shard or a block runs only part of it).
  checkJob({ ...ej, samples: 1 });
  const operationsPerSample = checkJobCost({ ...ej, samples: 1 }).operations;
  const { spec, n, beta, seed, model } = ej;
  if (job.stat === "max") {
    // The truncated and limit models compute (λ_max − center)/scale without cancellation (edge.ts).
    const rescaledDirectly = job.scaling === "edge" && usesEdgeModel(ej);
    const edge =
      job.scaling === "edge" &&
      !rescaledDirectly &&
      spec.ensemble !== "circular" &&
      spec.ensemble !== "ginibre"
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
): { right: number; scale: number } {
  const constants = edgeConstants(equilibriumMeasure(coeffs));
  if (!(constants.rightScale > 0)) {
    throw new RangeError(
      "this potential has a critical right edge (c_V = 0): λ_max does not fluctuate on the N^(−2/3) Tracy–Widom scale",
    );
  }
  return { right: constants.right, scale: n ** (2 / 3) * constants.rightScale };
}

function gibbsKernel(job: GibbsJob): Kernel {
  const coeffs = Float64Array.from(job.coeffs);
  const { n, beta, passes, seed, stat, initial } = job;
  const edges = countEdges(job);
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
  });
  const edge = job.scaling === "edge" ? gibbsEdgeRescaling(coeffs, n) : undefined;
  const rescale = edge ? (x: number) => edge.scale * (x - edge.right) : (x: number) => x;
  const record = job.record;
  const layout: Layout =
    stat === "max"
      ? scalarLayout(job)
      : {
          width: stat === "eigenvalues" ? n : stat === "trace" ? passes : 0,
          recordWidth: record ? record.length * n : 0,
          edges: stat === "histogram" ? edges : undefined,
          moments: false,
        };
  return {
    layout,
    operationsPerSample: passes * n * 700 + (stat === "eigenvalues" ? n * n : 0),
    sample(s, acc) {
      const rng = createRandomSource(seed, s);
      const trace = stat === "trace" ? acc.rowBuffer() : undefined;
      const recorded = record ? acc.recordBuffer() : undefined;
      let k = 0;
      const state = runGibbsChain({
        coeffs,
        n,
        beta,
        passes,
        rng,
        initial,
        onPass: trace
          ? (pass, t) => {
              trace[pass - 1] = rescale(largestEigenvalue(t.diagonal, t.offDiagonalSquared));
            }
          : record && recorded
            ? (pass, t) => {
                if (record.includes(pass)) {
                  recorded.set(tridiagonalEigenvalues(t.diagonal, t.offDiagonalSquared), k * n);
                  k++;
                }
              }
            : undefined,
      });
      if (!state.exact) acc.inexact();
      if (recorded) acc.record(recorded);
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

/** The mixing plan of a job (validated options, V's edge constants). */
export function mixingJobPlan(job: MixingJob): MixingPlan {
  return mixingPlan({
    coeffs: job.coeffs,
    beta: job.beta,
    ns: job.ns,
    chains: job.chains,
    passes: job.passes,
    seed: job.seed,
    initial: job.initial,
    controlSamples: job.controlSamples,
    referenceSamples: job.referenceSamples,
  });
}

function mixingKernel(job: MixingJob): Kernel {
  const plan = mixingJobPlan(job);
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
  }
}
