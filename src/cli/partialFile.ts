/**
 * Partial-result files of sharded runs (Node only; docs/scale.md). One file per shard:
 *
 *   "BETAENS-PARTIAL\n"              16 bytes of magic
 *   rows                             count × width little-endian doubles, in sample order
 *   recorded                         count × recordWidth doubles (Gibbs --record)
 *   counts                           B doubles (histogram or CDF grid counts)
 *   manifest                         one JSON object (UTF-8), ending with its "checksum"
 *   "\nBETAENS-MANIFEST" + 15 digits  32 bytes: the manifest's length in bytes
 *
 * The rows are written as they are produced (bounded memory), the manifest last. The checksum is
 * SHA-256 over every byte before the manifest followed by the manifest's JSON text without its
 * "checksum" field, so a flipped bit anywhere — payload or manifest — is detected.
 */
import { createHash, type Hash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { Partial } from "../driver/partial.js";
import type { SampleRange } from "../spec/job.js";
import type { Shard } from "../spec/shard.js";
import { VERSION } from "../version.js";

export const PARTIAL_MAGIC = "BETAENS-PARTIAL\n";
const TRAILER_MAGIC = "\nBETAENS-MANIFEST";
const TRAILER_BYTES = 32;
export const PARTIAL_FORMAT_VERSION = 1;

/** The manifest of a partial result. */
export interface Manifest {
  format: "betaens-partial";
  formatVersion: number;
  betaens: string;
  /** canonicalJob(job): the job without its sample range. */
  job: string;
  /** The whole run's samples, and this shard's. */
  run: SampleRange;
  shard: Shard;
  range: SampleRange;
  width: number;
  recordWidth: number;
  /** Byte offset and length of each payload section. */
  sections: { rows: [number, number]; recorded: [number, number]; counts: [number, number] };
  bins: number;
  below: number;
  above: number;
  powerSums: { count: number; sums: string[] } | null;
  exact: boolean;
  checksum?: string;
}

/** Writes a partial file through an fd: magic, streamed rows, then the rest at finish(). */
export class PartialWriter {
  private readonly fd: number;
  private readonly hash: Hash = createHash("sha256");
  private offset = 0;
  private rowBytes = 0;

  constructor(fd: number) {
    this.fd = fd;
    this.write(Buffer.from(PARTIAL_MAGIC, "latin1"));
  }

  private write(bytes: Uint8Array): void {
    this.hash.update(bytes);
    let written = 0;
    while (written < bytes.length) {
      written += writeAll(this.fd, bytes, written);
    }
    this.offset += bytes.length;
  }

  /** Appends rows (sample order). */
  rows(block: Float64Array): void {
    const bytes = doublesToBytes(block);
    this.rowBytes += bytes.length;
    this.write(bytes);
  }

  /** Writes the non-row sections and the manifest; the partial's rows must have been streamed. */
  finish(meta: { job: string; run: SampleRange; shard: Shard }, partial: Partial): Manifest {
    const rowsStart = PARTIAL_MAGIC.length;
    if (partial.rows) this.rows(partial.rows);
    const recordedStart = this.offset;
    if (partial.recorded) this.write(doublesToBytes(partial.recorded));
    const countsStart = this.offset;
    if (partial.counts) this.write(doublesToBytes(partial.counts));
    const manifest: Manifest = {
      format: "betaens-partial",
      formatVersion: PARTIAL_FORMAT_VERSION,
      betaens: VERSION,
      job: meta.job,
      run: { first: meta.run.first, count: meta.run.count },
      shard: { index: meta.shard.index, count: meta.shard.count },
      range: { first: partial.first, count: partial.count },
      width: partial.width,
      recordWidth: partial.recordWidth,
      sections: {
        rows: [rowsStart, recordedStart - rowsStart],
        recorded: [recordedStart, countsStart - recordedStart],
        counts: [countsStart, this.offset - countsStart],
      },
      bins: partial.counts?.length ?? 0,
      below: partial.below,
      above: partial.above,
      powerSums: partial.powerSums ?? null,
      exact: partial.exact,
    };
    const body = JSON.stringify(manifest);
    this.hash.update(Buffer.from(body, "utf8"));
    manifest.checksum = `sha256:${this.hash.digest("hex")}`;
    const text = Buffer.from(JSON.stringify(manifest), "utf8");
    const trailer = Buffer.from(
      `${TRAILER_MAGIC}${String(text.length).padStart(15, "0")}`,
      "latin1",
    );
    for (const bytes of [text, trailer]) {
      let written = 0;
      while (written < bytes.length) written += writeAll(this.fd, bytes, written);
    }
    return manifest;
  }
}

import { writeSync } from "node:fs";

function writeAll(fd: number, bytes: Uint8Array, from: number): number {
  return writeSync(fd, bytes, from, bytes.length - from);
}

function doublesToBytes(values: Float64Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat64(8 * i, values[i], true);
  return bytes;
}

function bytesToDoubles(bytes: Uint8Array): Float64Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(bytes.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(8 * i, true);
  return out;
}

/** A partial file opened for reading: its verified manifest and readers of its sections. */
export interface PartialFile {
  path: string;
  manifest: Manifest;
  /** Reads `rows` rows starting at row `from` (of this shard). */
  readRows(from: number, rows: number): Float64Array;
  readSection(name: "recorded" | "counts"): Float64Array;
  close(): void;
}

/** Thrown for a partial file that cannot be used (one line, names the file). */
export class PartialFileError extends RangeError {}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

/**
 * Opens a partial file and verifies it: magic, trailer, manifest fields, section bounds and the
 * checksum (read in blocks of 4 MiB: memory stays bounded). Throws PartialFileError.
 */
export function openPartial(path: string): PartialFile {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new PartialFileError(
      `${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  const fail = (why: string): never => {
    closeSync(fd);
    throw new PartialFileError(`${path}: ${why}`);
  };
  const size = fstatSync(fd).size;
  if (readAt(fd, 0, PARTIAL_MAGIC.length).toString("latin1") !== PARTIAL_MAGIC) {
    fail("not a betaens partial result (written by --shard)");
  }
  if (size < PARTIAL_MAGIC.length + TRAILER_BYTES) fail("truncated (no manifest)");
  const trailer = readAt(fd, size - TRAILER_BYTES, TRAILER_BYTES).toString("latin1");
  if (!trailer.startsWith(TRAILER_MAGIC) || !/^\d{15}$/.test(trailer.slice(TRAILER_MAGIC.length))) {
    fail("truncated or corrupt (no manifest at the end)");
  }
  const length = Number(trailer.slice(TRAILER_MAGIC.length));
  const manifestStart = size - TRAILER_BYTES - length;
  if (manifestStart < PARTIAL_MAGIC.length) fail("corrupt (bad manifest length)");
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readAt(fd, manifestStart, length).toString("utf8")) as Manifest;
  } catch {
    return fail("corrupt (the manifest is not JSON)");
  }
  if (manifest?.format !== "betaens-partial" || typeof manifest.checksum !== "string") {
    fail("corrupt (not a partial-result manifest)");
  }
  if (manifest.formatVersion !== PARTIAL_FORMAT_VERSION) {
    fail(
      `partial format version ${manifest.formatVersion}; this betaens reads version ${PARTIAL_FORMAT_VERSION}`,
    );
  }
  const { checksum, ...body } = manifest;
  const hash = createHash("sha256");
  for (let at = 0; at < manifestStart; at += 4 * 1024 * 1024) {
    hash.update(readAt(fd, at, Math.min(4 * 1024 * 1024, manifestStart - at)));
  }
  hash.update(Buffer.from(JSON.stringify(body), "utf8"));
  if (`sha256:${hash.digest("hex")}` !== checksum) fail("checksum mismatch: the file is corrupt");
  const { sections, width, recordWidth, range } = manifest;
  if (
    sections.rows[1] !== range.count * width * 8 ||
    sections.recorded[1] !== range.count * recordWidth * 8 ||
    sections.counts[0] + sections.counts[1] !== manifestStart
  ) {
    fail("corrupt (section sizes disagree with the manifest)");
  }
  return {
    path,
    manifest,
    readRows(from, rows) {
      return bytesToDoubles(readAt(fd, sections.rows[0] + from * width * 8, rows * width * 8));
    },
    readSection(name) {
      const [at, bytes] = sections[name];
      return bytesToDoubles(readAt(fd, at, bytes));
    },
    close() {
      closeSync(fd);
    },
  };
}
