/**
 * Outputs written while their rows are produced, so that memory does not grow with the number of
 * samples: the head of the output, the rows block by block, then the tail. The bytes are exactly
 * those of formatResult (format.ts) on the same result held in memory (test/io/stream.test.ts).
 * Browser-safe (pure string and byte building).
 */
import type { OutputFormat } from "./format.js";
import { formatJson } from "./format.js";
import { npyHeader } from "./npy.js";

/** How the streamed rows look: one number per sample, rows of `width`, or rows of [re, im] pairs. */
export type RowShape =
  | { kind: "scalar" }
  | { kind: "rows"; width: number }
  | { kind: "pairs"; points: number };

/** A streamed output: head, then encode() of each block of rows in order, then tail(). */
export interface RowStream {
  head: string | Uint8Array;
  encode(block: Float64Array, rows: number): string | Uint8Array;
  tail(): string | Uint8Array;
}

const PLACEHOLDER = "\u0000betaens-streamed-rows\u0000";

/** A number as JSON.stringify writes it. */
function jsonNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : "null";
}

/** Numbers per row of a shape. */
function rowLength(shape: RowShape): number {
  return shape.kind === "scalar" ? 1 : shape.kind === "rows" ? shape.width : 2 * shape.points;
}

/**
 * The stream of a result whose `samples` are `total` rows of the given shape, written where
 * `samples` stands (the other fields as formatResult writes them). `result.samples` is ignored.
 */
export function rowStream(
  result: object,
  format: OutputFormat,
  shape: RowShape,
  total: number,
): RowStream {
  const width = rowLength(shape);
  let written = 0;
  if (format === "npy") {
    const dims =
      shape.kind === "scalar"
        ? [total]
        : shape.kind === "rows"
          ? [total, shape.width]
          : [total, shape.points, 2];
    return {
      head: npyHeader(dims),
      encode(block, rows) {
        const bytes = new Uint8Array(rows * width * 8);
        const view = new DataView(bytes.buffer);
        for (let i = 0; i < rows * width; i++) view.setFloat64(8 * i, block[i], true);
        written += rows;
        return bytes;
      },
      tail: () => new Uint8Array(0),
    };
  }
  if (format === "csv") {
    return {
      head: "",
      encode(block, rows) {
        let text = "";
        for (let r = 0; r < rows; r++) {
          let line = "";
          for (let i = 0; i < width; i++) {
            if (i > 0) line += ",";
            line += String(block[r * width + i]);
          }
          text += `${line}\n`;
        }
        written += rows;
        return text;
      },
      // formatCsv writes lines.join("\n") + "\n": a lone "\n" when there are no rows.
      tail: () => (written === 0 ? "\n" : ""),
    };
  }
  const text = formatJson({ ...result, samples: PLACEHOLDER });
  const marker = JSON.stringify(PLACEHOLDER);
  const at = text.indexOf(marker);
  if (at < 0) throw new RangeError("the result has no samples field to stream");
  const head = `${text.slice(0, at)}[`;
  const rest = `]${text.slice(at + marker.length)}`;
  return {
    head,
    encode(block, rows) {
      let out = "";
      for (let r = 0; r < rows; r++) {
        if (written + r > 0) out += ",";
        const base = r * width;
        if (shape.kind === "scalar") {
          out += jsonNumber(block[base]);
        } else if (shape.kind === "rows") {
          out += "[";
          for (let i = 0; i < width; i++) out += (i > 0 ? "," : "") + jsonNumber(block[base + i]);
          out += "]";
        } else {
          out += "[";
          for (let i = 0; i < width; i += 2) {
            out += `${i > 0 ? "," : ""}[${jsonNumber(block[base + i])},${jsonNumber(block[base + i + 1])}]`;
          }
          out += "]";
        }
      }
      written += rows;
      return out;
    },
    tail: () => rest,
  };
}
