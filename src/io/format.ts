/**
 * Serialisation of results in the formats of docs/conventions.md: JSON (one object), CSV (one sample
 * per line) and NPY (float64, shape (S, N), or (S,) for one number per sample). Browser-safe.
 */
import { encodeNpy } from "./npy.js";

export type OutputFormat = "json" | "csv" | "npy";

/** A result whose numeric payload is either rows of samples, one number per sample, or a histogram. */
export interface Tabular {
  samples?: Float64Array[] | Float64Array | number[][] | number[] | number[][][];
  edges?: Float64Array | number[];
  counts?: Float64Array | number[];
  below?: number;
  above?: number;
}

/** JSON.stringify with typed arrays written as plain arrays (shortest round-trip numbers). */
export function formatJson(result: object): string {
  return `${JSON.stringify(result, (_key, value) =>
    ArrayBuffer.isView(value) && !(value instanceof DataView)
      ? Array.from(value as Float64Array)
      : value,
  )}\n`;
}

function isMatrix(samples: Tabular["samples"]): samples is Float64Array[] | number[][] {
  return (
    Array.isArray(samples) &&
    samples.length > 0 &&
    typeof samples[0] !== "number" &&
    !isPairs(samples)
  );
}

/** Rows of [re, im] pairs (Ginibre). */
function isPairs(samples: Tabular["samples"]): samples is number[][][] {
  return Array.isArray(samples) && Array.isArray(samples[0]) && Array.isArray(samples[0][0]);
}

/** Rows of [re, im] pairs flattened to rows re_1, im_1, re_2, im_2, …. */
function flattenPairs(samples: number[][][]): number[][] {
  return samples.map((row) => row.flat());
}

/**
 * CSV: one sample per line (its numbers comma-separated), or one number per line for per-sample
 * scalars; a histogram is written as lines "lo,hi,count", preceded by a header line.
 */
export function formatCsv(result: Tabular): string {
  const lines: string[] = [];
  if (result.counts && result.edges) {
    lines.push("lo,hi,count");
    for (let i = 0; i < result.counts.length; i++) {
      lines.push(`${result.edges[i]},${result.edges[i + 1]},${result.counts[i]}`);
    }
  } else if (isPairs(result.samples)) {
    for (const row of flattenPairs(result.samples)) lines.push(row.join(","));
  } else if (isMatrix(result.samples)) {
    for (const row of result.samples) lines.push(Array.from(row).join(","));
  } else if (result.samples) {
    for (const x of Array.from(result.samples as ArrayLike<number>)) lines.push(String(x));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * NPY: float64 array of shape (S, N) for rows of samples, (S, N, 2) for complex points [re, im],
 * (S,) for one number per sample, and (B, 3) with columns lo, hi, count for a histogram.
 */
export function formatNpy(result: Tabular): Uint8Array {
  if (isPairs(result.samples)) {
    const rows = flattenPairs(result.samples);
    const width = rows[0].length;
    return encodeNpy(Float64Array.from(rows.flat()), [rows.length, width / 2, 2]);
  }
  if (result.counts && result.edges) {
    const b = result.counts.length;
    const data = new Float64Array(3 * b);
    for (let i = 0; i < b; i++) {
      data[3 * i] = result.edges[i];
      data[3 * i + 1] = result.edges[i + 1];
      data[3 * i + 2] = result.counts[i];
    }
    return encodeNpy(data, [b, 3]);
  }
  if (isMatrix(result.samples)) {
    const rows = result.samples;
    const width = rows[0].length;
    if (rows.some((row) => row.length !== width)) {
      throw new RangeError("npy output needs rows of equal length");
    }
    const data = new Float64Array(rows.length * width);
    rows.forEach((row, i) => {
      data.set(row, i * width);
    });
    return encodeNpy(data, [rows.length, width]);
  }
  const flat = Float64Array.from((result.samples ?? []) as ArrayLike<number>);
  return encodeNpy(flat, [flat.length]);
}

/**
 * Serialises a result in the given format.
 *
 * @example
 * import { formatResult } from "betaens/io";
 * const csv = formatResult({ samples: [Float64Array.of(1, 2), Float64Array.of(3, 4)] }, "csv"); // "1,2\n3,4\n"
 */
export function formatResult(result: object & Tabular, format: OutputFormat): string | Uint8Array {
  switch (format) {
    case "json":
      return formatJson(result);
    case "csv":
      return formatCsv(result);
    case "npy":
      return formatNpy(result);
  }
}
