/**
 * NumPy .npy format, version 1.0, little-endian float64 ('<f8'), C order.
 * Reference: numpy/lib/format.py documentation ("NPY format"): magic "\x93NUMPY", version
 * bytes 1 0, uint16 LE header length, an ASCII dict header padded with spaces and ended by
 * "\n" so that the data starts at a multiple of 64 bytes, then the raw data.
 * Pure Uint8Array code: works in Node and in browsers.
 */

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/**
 * The header of a '<f8' C-order .npy file of the given shape (magic, version 1.0, dict padded so
 * that the data starts at a multiple of 64 bytes): the data follows as little-endian doubles.
 */
export function npyHeader(shape: readonly number[]): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const preamble = MAGIC.length + 2 + 2;
  const padding = 64 - ((preamble + header.length + 1) % 64);
  header = `${header}${" ".repeat(padding % 64)}\n`;
  const out = new Uint8Array(preamble + header.length);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  out[8] = header.length & 0xff;
  out[9] = header.length >>> 8;
  for (let i = 0; i < header.length; i++) out[preamble + i] = header.charCodeAt(i);
  return out;
}

/**
 * Encodes a float64 array of the given shape (product of shape = data length) as .npy bytes.
 *
 * @example
 * import { encodeNpy } from "betaens/io";
 * const bytes = encodeNpy(Float64Array.of(1, 2, 3, 4, 5, 6), [2, 3]); // numpy.load gives shape (2, 3)
 */
export function encodeNpy(data: Float64Array, shape: readonly number[]): Uint8Array {
  const size = shape.reduce((p, s) => p * s, 1);
  if (size !== data.length) {
    throw new RangeError(`npy shape ${JSON.stringify(shape)} does not match ${data.length} values`);
  }
  const head = npyHeader(shape);
  const out = new Uint8Array(head.length + data.length * 8);
  out.set(head, 0);
  const view = new DataView(out.buffer);
  const offset = head.length;
  for (let i = 0; i < data.length; i++) view.setFloat64(offset + 8 * i, data[i], true);
  return out;
}

/** Decodes .npy bytes holding a '<f8' C-order array (versions 1.0–3.0). */
export function decodeNpy(bytes: Uint8Array): { data: Float64Array; shape: number[] } {
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC[i]) throw new RangeError("not an .npy file (bad magic)");
  }
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  let header = "";
  for (let i = 0; i < headerLength; i++) header += String.fromCharCode(bytes[start + i]);
  if (!/'descr':\s*'<f8'/.test(header)) throw new RangeError(`unsupported npy dtype: ${header}`);
  if (/'fortran_order':\s*True/.test(header)) throw new RangeError("fortran-order npy unsupported");
  const shapeMatch = /'shape':\s*\(([^)]*)\)/.exec(header);
  if (!shapeMatch) throw new RangeError(`npy header has no shape: ${header}`);
  const shape = shapeMatch[1]
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  const size = shape.reduce((p, s) => p * s, 1);
  const offset = start + headerLength;
  const data = new Float64Array(size);
  for (let i = 0; i < size; i++) data[i] = view.getFloat64(offset + 8 * i, true);
  return { data, shape };
}
