/** Messages between the page and the sampling Web Worker. */
import type { Settings } from "./state.js";

/** Histogram of the raw eigenvalues over fixed edges (summed over the samples done). */
export interface HistogramPayload {
  kind: "histogram";
  edges: Float64Array;
  counts: Float64Array;
  below: number;
  above: number;
  /** λ_max of sample 0 (bisection on the same matrix), once computed. */
  lambdaMax0?: number;
  /** Smallest point of sample 0 (circular ensemble: its smallest angle). */
  firstPoint0?: number;
}

/** One configuration: the N points (eigenvalues, or angles in [0, 2π)) of sample 0, sorted. */
export interface ConfigurationPayload {
  kind: "configuration";
  points: Float64Array;
}

/** Largest eigenvalue of each sample (the first `done` entries are filled). */
export interface EdgePayload {
  kind: "edge";
  maxima: Float64Array;
}

/**
 * A run of the Gibbs sampler (potential V): S chains of P passes, chain s drawn from
 * createRandomSource(seed, s). Filled chain by chain; `chains` is the number of chains done.
 */
export interface GibbsPayload {
  kind: "gibbs";
  chains: number;
  /** λ_max of the final state of each chain (the first `chains` entries are filled). */
  maxima: Float64Array;
  /** Trace view: λ_max after each pass, one row per chain kept (gibbs.ts: TRACE_VALUES_KEPT). */
  traces: Float64Array[];
  /** Trace view: Σ over the chains done of λ_max after each pass (divide by `chains`). */
  traceSum: Float64Array;
  /** Histogram view: Sturm counts of the final states of all chains done. */
  histogram?: { edges: Float64Array; counts: Float64Array; below: number; above: number };
  /**
   * Set when a run was stopped inside chain 0: the passes it completed (of `passesPlanned`); the
   * payload is then that of a one-chain run with `passesDone` passes.
   */
  passesDone?: number;
  passesPlanned?: number;
  /** Configuration view: the final eigenvalues of chain 0 (ascending). */
  points?: Float64Array;
}

/**
 * Local statistics view: the unfolded spacings of each completed sample in the bulk window, one
 * row per sample (rows of `betaens sample --stat spacings`).
 */
export interface SpacingsPayload {
  kind: "spacings";
  rows: Float64Array[];
}

/** Ginibre: the N complex eigenvalues of sample 0 (in the library's order). */
export interface GinibrePayload {
  kind: "ginibre";
  re: Float64Array;
  im: Float64Array;
}

export type Payload =
  | HistogramPayload
  | ConfigurationPayload
  | EdgePayload
  | GibbsPayload
  | SpacingsPayload
  | GinibrePayload;

/** A snapshot of a run: `done` samples (fractional while a sample is in progress) of `total`. */
export interface Snapshot {
  done: number;
  total: number;
  payload: Payload;
  /** Whether this is the last snapshot of the run (default: done ≥ total). */
  final?: boolean;
}

export interface RunRequest {
  type: "run";
  id: number;
  settings: Settings;
  /** Web Workers to sample on at most: the page's navigator.hardwareConcurrency. */
  workers?: number;
}

/** Progress inside a long step of a run (e.g. the passes of one Gibbs chain), no new result. */
export interface Progress {
  done: number;
  total: number;
  /** What is being done, e.g. "chain 1 of 3, pass 40 of 100". */
  detail: string;
  /**
   * Gibbs trace view while no chain is complete: λ_max after each completed pass of chain 0 so
   * far (what Stop draws: equal to the trace of a run with that many passes).
   */
  passTrace?: Float64Array;
}

/** Replies of a run; `workers`: the Web Workers it samples on (1: the sampling worker alone). */
export type WorkerReply =
  | ({
      type: "snapshot";
      id: number;
      final: boolean;
      elapsedMs: number;
      workers?: number;
    } & Snapshot)
  | ({ type: "progress"; id: number; elapsedMs: number; workers?: number } & Progress)
  | { type: "error"; id: number; message: string };
