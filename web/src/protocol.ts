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

/** λ_max after each Gibbs pass of each chain, and the points of chain 0 after the last pass. */
export interface GibbsPayload {
  kind: "gibbs";
  traces: Float64Array[];
  points?: Float64Array;
}

export type Payload = HistogramPayload | ConfigurationPayload | EdgePayload | GibbsPayload;

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
}

export type WorkerReply =
  | ({ type: "snapshot"; id: number; final: boolean; elapsedMs: number } & Snapshot)
  | { type: "error"; id: number; message: string };
