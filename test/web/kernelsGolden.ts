/**
 * Digests of kernel outputs for the bit-identity tests in Chromium (kernels.browser.test.ts) and
 * Node: coefficient draws, Sturm histograms, bisection and the truncated λ_max, each reduced to a
 * 64-bit FNV-1a hash of its IEEE 754 bytes (with the first value in hex for a readable failure).
 * Browser-safe: no node: imports. The same digests must come out with the WebAssembly kernels and
 * with the JavaScript reference (setWasmKernels(false)), in Node and in the browser.
 */
import {
  hermiteLargestEigenvalueTruncated,
  laguerreLargestEigenvalueTruncated,
} from "../../src/ensembles/edge.js";
import { hermiteTridiagonal } from "../../src/ensembles/hermite.js";
import { jacobiBidiagonal } from "../../src/ensembles/jacobi.js";
import { laguerreBidiagonal } from "../../src/ensembles/laguerre.js";
import { createRandomSource } from "../../src/random/philox.js";
import { kthEigenvalue, largestEigenvalue } from "../../src/tridiagonal/bisection.js";
import { sturmHistogram, uniformEdges } from "../../src/tridiagonal/histogram.js";
import { loadWasmKernels, setWasmKernels, wasmKernelsStatus } from "../../src/wasm/kernels.js";

function fnv(values: ArrayLike<number>): string {
  const bytes = new Uint8Array(Float64Array.from(values).buffer);
  let h = 0xcbf29ce484222325n;
  for (const byte of bytes) h = BigInt.asUintN(64, (h ^ BigInt(byte)) * 0x100000001b3n);
  const first = new DataView(Float64Array.from([values[0] ?? 0]).buffer).getBigUint64(0, true);
  return `${values.length}:${first.toString(16)}:${h.toString(16)}`;
}

/** Compiles the kernels asynchronously (needed on a browser's main thread); whether they load. */
export async function ready(): Promise<boolean> {
  return loadWasmKernels();
}

/** The digests, computed with the kernels (useKernels) or the JavaScript reference. */
export function digests(useKernels: boolean): { loaded: boolean; values: Record<string, string> } {
  setWasmKernels(useKernels);
  const loaded = wasmKernelsStatus().loaded;
  const values: Record<string, string> = {};
  try {
    const h = hermiteTridiagonal(createRandomSource(42, 1), 20_000, 2);
    values.hermiteA = fnv(h.diagonal);
    values.hermiteB = fnv(h.offDiagonalSquared);
    const h07 = hermiteTridiagonal(createRandomSource(42, 2), 3000, 0.7, { loc: 1, scale: 3 });
    values.hermite07 = fnv([...h07.diagonal, ...h07.offDiagonalSquared]);
    const l = laguerreBidiagonal(createRandomSource(42, 3), 10_000, 1, { shape: 0.5, scale: 2 });
    values.laguerre = fnv([...l.q, ...l.e]);
    const j = jacobiBidiagonal(createRandomSource(42, 4), 5000, 2, { a: 0.7, b: 3 });
    values.jacobi = fnv([...j.q, ...j.e]);
    const r = 2 * Math.sqrt(2 * 20_000);
    values.histogram = fnv(
      sturmHistogram(h.diagonal, h.offDiagonalSquared, uniformEdges(-1.05 * r, 1.05 * r, 100))
        .counts,
    );
    values.eigenvalues = fnv([
      largestEigenvalue(h.diagonal, h.offDiagonalSquared),
      kthEigenvalue(h.diagonal, h.offDiagonalSquared, 0),
      kthEigenvalue(h.diagonal, h.offDiagonalSquared, 7000),
    ]);
    values.truncated = fnv([
      hermiteLargestEigenvalueTruncated(createRandomSource(7, 0), 1e6, 2),
      hermiteLargestEigenvalueTruncated(createRandomSource(7, 1), 1e9, 1),
      laguerreLargestEigenvalueTruncated(createRandomSource(7, 2), 1e6, 4),
    ]);
  } finally {
    setWasmKernels(true);
  }
  return { loaded, values };
}
