/**
 * Serialisation of results as JSON, CSV and NumPy .npy (browser-safe): the public entry
 * `betaens/io`. Writing files safely is the command line's business (./outputFiles.ts, Node only).
 *
 * @example
 * import { decodeNpy, encodeNpy } from "betaens/io";
 * const bytes = encodeNpy(Float64Array.from([1, 2, 3, 4]), [2, 2]); // numpy.load reads it
 * const { data, shape } = decodeNpy(bytes); // shape [2, 2]
 */
export {
  formatCsv,
  formatJson,
  formatNpy,
  formatResult,
  type OutputFormat,
  type Tabular,
} from "./format.js";
export { decodeNpy, encodeNpy } from "./npy.js";
