/**
 * The WebAssembly kernels (asm/*.ts, AssemblyScript with 128-bit SIMD), loaded once and
 * synchronously from the base64 bytes that asm/build.mjs embeds in kernels.generated.ts, so no
 * file, fetch or bundler plugin is involved: the same code runs in Node, in a Web Worker and in a
 * browser bundle.
 *
 * The kernels return exactly the bits of the JavaScript reference implementations (the callers in
 * random/ and tridiagonal/ keep them and choose): without WebAssembly SIMD, if compiling fails
 * (e.g. a Content Security Policy without 'wasm-unsafe-eval', or a main browser thread that
 * refuses to compile synchronously), after setWasmKernels(false), or with BETAENS_WASM=0 in the
 * environment, wasmKernels() returns undefined and the JavaScript path runs — with the same
 * numbers, only slower.
 */
import { KERNELS_WASM_BASE64 } from "./kernels.generated.js";

/** The functions and static buffers exported by asm/index.ts. */
export interface KernelExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  readonly STREAM_STATE: WebAssembly.Global;
  streamBegin(): void;
  streamEnd(): void;
  streamExhausted(): number;
  streamUniforms(dst: number, count: number): void;
  detLog(x: number): number;
  detExp(x: number): number;
  detLog2Test(src: number, count: number, dst: number): void;
  normalsTest(src: number, pairs: number, dst: number): void;
  readonly rejectionFailed: WebAssembly.Global;
  readonly CHUNK_ROWS: WebAssembly.Global;
  readonly ROWS_A: WebAssembly.Global;
  readonly ROWS_B: WebAssembly.Global;
  hermiteRows(
    n: number,
    rows: number,
    i0: number,
    count: number,
    beta: number,
    loc: number,
    scale: number,
    variance: number,
  ): void;
  laguerreRows(
    n: number,
    rows: number,
    i0: number,
    count: number,
    beta: number,
    shape: number,
    theta: number,
  ): void;
  jacobiStart(): void;
  jacobiRows(
    n: number,
    rows: number,
    i0: number,
    count: number,
    beta: number,
    a: number,
    b: number,
  ): void;
  readonly MAX_POINTS: WebAssembly.Global;
  readonly POINT_X: WebAssembly.Global;
  readonly POINT_Q: WebAssembly.Global;
  readonly POINT_C: WebAssembly.Global;
  sturmCountsMany(
    aPtr: number,
    bPtr: number,
    rows: number,
    first: number,
    vectors: number,
    pivmin: number,
  ): void;
  sturmCountsFew2(aPtr: number, bPtr: number, rows: number, first: number, pivmin: number): void;
  sturmCountsFew(
    aPtr: number,
    bPtr: number,
    rows: number,
    first: number,
    vectors: number,
    pivmin: number,
  ): void;
}

/** A loaded kernel module with typed-array views of its memory (refreshed after growth). */
export class Kernels {
  readonly exports: KernelExports;
  /** Byte offsets of the static buffers. */
  readonly streamState: number;
  readonly chunkRows: number;
  readonly rowsA: number;
  readonly rowsB: number;
  readonly maxPoints: number;
  readonly pointX: number;
  readonly pointQ: number;
  readonly pointC: number;
  /** First byte of the growable area (after the static buffers), 16-byte aligned. */
  readonly heapBase: number;
  private buffer: ArrayBuffer | undefined;
  private f64View = new Float64Array(0);
  private u32View = new Uint32Array(0);
  private i32View = new Int32Array(0);

  constructor(exports: KernelExports) {
    this.exports = exports;
    this.streamState = exports.STREAM_STATE.value;
    this.chunkRows = exports.CHUNK_ROWS.value;
    this.rowsA = exports.ROWS_A.value;
    this.rowsB = exports.ROWS_B.value;
    this.maxPoints = exports.MAX_POINTS.value;
    this.pointX = exports.POINT_X.value;
    this.pointQ = exports.POINT_Q.value;
    this.pointC = exports.POINT_C.value;
    this.heapBase = (exports.heapBase() + 15) & ~15;
  }

  private refresh(): void {
    const buffer = this.exports.memory.buffer;
    if (buffer !== this.buffer) {
      this.buffer = buffer;
      this.f64View = new Float64Array(buffer);
      this.u32View = new Uint32Array(buffer);
      this.i32View = new Int32Array(buffer);
    }
  }

  /** The memory as doubles (index = byte offset / 8). */
  get f64(): Float64Array {
    this.refresh();
    return this.f64View;
  }

  /** The memory as unsigned 32-bit words (index = byte offset / 4). */
  get u32(): Uint32Array {
    this.refresh();
    return this.u32View;
  }

  /** The memory as signed 32-bit integers (index = byte offset / 4; little-endian words). */
  get i32(): Int32Array {
    this.refresh();
    return this.i32View;
  }

  /** Makes the memory at least `bytes` long (growing it in 64 KiB pages); false if it cannot. */
  ensureMemory(bytes: number): boolean {
    const memory = this.exports.memory;
    const have = memory.buffer.byteLength;
    if (bytes <= have) return true;
    try {
      memory.grow(Math.ceil((bytes - have) / 65536));
      return true;
    } catch {
      return false;
    }
  }
}

type State = { kind: "unloaded" } | { kind: "loaded"; kernels: Kernels } | { kind: "failed" };

let state: State = { kind: "unloaded" };
let enabled = defaultEnabled();
let failure = "";

// Reading the environment may throw (Deno without --allow-env: NotCapable); the library must load anyway.
function defaultEnabled(): boolean {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
      ?.env;
    return env?.BETAENS_WASM !== "0";
  } catch {
    return true;
  }
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function instantiate(module: WebAssembly.Module): Kernels {
  const instance = new WebAssembly.Instance(module, {
    env: {
      abort() {
        throw new Error("betaens WebAssembly kernel aborted");
      },
    },
  });
  return new Kernels(instance.exports as unknown as KernelExports);
}

function loadSync(): void {
  try {
    state = { kind: "loaded", kernels: instantiate(new WebAssembly.Module(bytes())) };
  } catch (error) {
    failure = String(error);
    state = { kind: "failed" };
  }
}

let cachedBytes: Uint8Array<ArrayBuffer> | undefined;
function bytes(): Uint8Array<ArrayBuffer> {
  cachedBytes ??= decodeBase64(KERNELS_WASM_BASE64);
  return cachedBytes;
}

/**
 * The kernels, or undefined when the JavaScript path must run (disabled, or WebAssembly SIMD
 * unavailable). The first call compiles the module synchronously (≈ 1 ms).
 */
export function wasmKernels(): Kernels | undefined {
  if (!enabled) return undefined;
  if (state.kind === "unloaded") loadSync();
  return state.kind === "loaded" ? state.kernels : undefined;
}

/**
 * Compiles the module asynchronously, for a browser main thread where synchronous compilation of
 * more than a few kilobytes is refused; resolves to whether the kernels are in use. Never needed in
 * Node or in a Web Worker (wasmKernels() compiles on first use there).
 */
export async function loadWasmKernels(): Promise<boolean> {
  if (state.kind === "unloaded" || state.kind === "failed") {
    try {
      const module = await WebAssembly.compile(bytes());
      state = { kind: "loaded", kernels: instantiate(module) };
    } catch (error) {
      failure = String(error);
      state = { kind: "failed" };
    }
  }
  return enabled && state.kind === "loaded";
}

/**
 * Turns the WebAssembly kernels on (default) or off. Off forces the JavaScript reference path
 * everywhere — the numbers are the same, bit for bit; tests and benchmarks use it to compare.
 */
export function setWasmKernels(on: boolean): void {
  enabled = on;
}

/** Whether the kernels are in use, and why not. */
export function wasmKernelsStatus(): { enabled: boolean; loaded: boolean; reason: string } {
  const kernels = wasmKernels();
  return {
    enabled,
    loaded: kernels !== undefined,
    reason: !enabled ? "disabled" : kernels ? "" : failure,
  };
}
