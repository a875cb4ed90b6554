/**
 * The WebAssembly kernels (src/wasm, asm/) against the JavaScript reference (the same code with
 * setWasmKernels(false)) and against numpy/scipy where they have a peer, all measured in the same
 * run and interleaved (kernels, reference, peer, kernels, …), process CPU time with wall clock in
 * parentheses, median of the repetitions:
 * - coefficient draws of the Hermite (one normal + one gamma per row), Laguerre (two gammas) and
 *   Jacobi (two betas = four gammas) models at β = 2, N = 1e6 — peer: numpy's Generator (PCG64)
 *   and RandomState (MT19937) drawing the same arrays (standard_normal, standard_gamma, beta with
 *   per-row shapes), bench/numpyPeer.py;
 * - 100-bin Sturm histogram of a given N = 1e6 matrix (no peer in numpy/scipy);
 * - λ_max of a given N = 1e6 matrix by bisection — peer: scipy.linalg.eigvalsh_tridiagonal with
 *   select="i" (LAPACK dstebz bisection) on the same matrix;
 * - one truncated λ_max sample (src/ensembles/edge.ts) of Hermite β = 2 at N = 1e6 and 1e12.
 * The peer runs in a python3 child process (numpy, scipy from Debian: apt-get install
 * python3-numpy python3-scipy); without it the peer columns show "—".
 *
 * Run standalone: node --import tsx bench/kernels.ts
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { hermiteLargestEigenvalueTruncated } from "../src/ensembles/edge.js";
import { hermiteTridiagonal } from "../src/ensembles/hermite.js";
import { jacobiBidiagonal } from "../src/ensembles/jacobi.js";
import { laguerreBidiagonal } from "../src/ensembles/laguerre.js";
import { createRandomSource } from "../src/random/philox.js";
import { largestEigenvalue } from "../src/tridiagonal/bisection.js";
import { sturmHistogram, uniformEdges } from "../src/tridiagonal/histogram.js";
import { setWasmKernels, wasmKernelsStatus } from "../src/wasm/kernels.js";
import { printTable, type Row } from "./table.js";

export type { Row };

interface Timing {
  cpu: number;
  wall: number;
}

function measure(f: () => unknown): Timing {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  f();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1e6, wall: (performance.now() - w0) / 1000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The numpy/scipy peer process (bench/numpyPeer.py), or undefined if python3/numpy is missing. */
class Peer {
  private readonly lines: AsyncIterator<string>;
  private constructor(private readonly child: ReturnType<typeof spawn>) {
    this.lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  }

  static async start(): Promise<Peer | undefined> {
    const script = fileURLToPath(new URL("./numpyPeer.py", import.meta.url));
    try {
      const child = spawn("python3", [script], { stdio: ["pipe", "pipe", "ignore"] });
      const peer = new Peer(child);
      const probe = await Promise.race([
        peer.request({ task: "hermite", n: 10, beta: 2 }),
        new Promise<undefined>((resolve) => child.once("error", () => resolve(undefined))),
      ]);
      if (!probe || "error" in probe) {
        child.kill();
        return undefined;
      }
      return peer;
    } catch {
      return undefined;
    }
  }

  async request(request: object): Promise<Record<string, number | string | boolean>> {
    this.child.stdin!.write(`${JSON.stringify(request)}\n`);
    const line = await this.lines.next();
    if (line.done) return { error: "peer exited" };
    return JSON.parse(line.value);
  }

  async time(request: object): Promise<Timing | undefined> {
    const r = await this.request(request);
    return typeof r.cpu === "number" ? { cpu: r.cpu, wall: r.wall as number } : undefined;
  }

  close(): void {
    this.child.stdin!.end();
  }
}

/**
 * Interleaved repetitions of the kernels, the reference and (if given) the peer; one row with the
 * medians. `perRow` divides every time (e.g. by N for a per-row cost), keeping seconds per task.
 */
async function compare(
  task: string,
  n: number,
  f: () => unknown,
  reps: number,
  peer?: { name: string; run: () => Promise<Timing | undefined> },
): Promise<Row> {
  const kernel: Timing[] = [];
  const reference: Timing[] = [];
  const peers: Timing[] = [];
  f(); // warm-up: compile the kernels and let the engine optimise them
  setWasmKernels(false);
  f();
  setWasmKernels(true);
  for (let r = 0; r < reps; r++) {
    kernel.push(measure(f));
    setWasmKernels(false);
    reference.push(measure(f));
    setWasmKernels(true);
    if (peer) {
      const t = await peer.run();
      if (t) peers.push(t);
    }
  }
  const seconds = median(kernel.map((t) => t.cpu));
  const baselineSeconds = median(reference.map((t) => t.cpu));
  return {
    task,
    n,
    seconds,
    wallSeconds: median(kernel.map((t) => t.wall)),
    baseline: "JavaScript reference (same code, kernels off)",
    baselineSeconds,
    baselineWallSeconds: median(reference.map((t) => t.wall)),
    ratio: baselineSeconds / seconds,
    ...(peer && peers.length > 0
      ? {
          peer: peer.name,
          peerSeconds: median(peers.map((t) => t.cpu)),
          peerWallSeconds: median(peers.map((t) => t.wall)),
        }
      : {}),
  };
}

/** A fixed N = 1e6 Hermite β = 2 matrix (the model itself, seed 1). */
function hermiteMatrix(n: number): { a: Float64Array; b: Float64Array } {
  const t = hermiteTridiagonal(createRandomSource(1, 0), n, 2);
  return { a: t.diagonal, b: t.offDiagonalSquared };
}

export async function benchKernels(): Promise<Row[]> {
  const status = wasmKernelsStatus();
  if (!status.loaded) console.log(`(WebAssembly kernels unavailable: ${status.reason})`);
  const peer = await Peer.start();
  if (!peer) console.log("(python3 with numpy not found: no peer columns)");
  const rows: Row[] = [];
  const n = 1_000_000;
  const beta = 2;
  let seed = 0;
  const models: [string, string, () => unknown][] = [
    [
      "hermite",
      "Hermite coefficients (normal + gamma per row)",
      () => hermiteTridiagonal(createRandomSource(2, seed++), n, beta),
    ],
    [
      "laguerre",
      "Laguerre coefficients (two gammas per row)",
      () => laguerreBidiagonal(createRandomSource(3, seed++), n, beta),
    ],
    [
      "jacobi",
      "Jacobi coefficients (two betas per row)",
      () => jacobiBidiagonal(createRandomSource(4, seed++), n, beta),
    ],
  ];
  for (const [name, task, draw] of models) {
    for (const generator of ["Generator", "RandomState"]) {
      if (name !== "hermite" && generator === "RandomState") continue;
      rows.push(
        await compare(
          `${task}, β = 2`,
          n,
          draw,
          5,
          peer && {
            name: `numpy ${generator}`,
            run: () => peer.time({ task: name, n, beta, generator }),
          },
        ),
      );
    }
  }
  const { a, b } = hermiteMatrix(n);
  const r = 2 * Math.sqrt(2 * n);
  const edges = uniformEdges(-1.05 * r, 1.05 * r, 100);
  rows.push(
    await compare(
      "100-bin Sturm histogram of a given matrix",
      n,
      () => sturmHistogram(a, b, edges),
      5,
    ),
  );
  let stebz: { name: string; run: () => Promise<Timing | undefined> } | undefined;
  if (peer) {
    const dir = mkdtempSync(join(tmpdir(), "betaens-bench-"));
    writeFileSync(join(dir, "a.f64"), a);
    writeFileSync(join(dir, "b.f64"), b);
    await peer.request({ task: "load", n, a: join(dir, "a.f64"), b: join(dir, "b.f64") });
    rmSync(dir, { recursive: true, force: true });
    stebz = {
      name: "scipy eigvalsh_tridiagonal (dstebz)",
      run: () => peer.time({ task: "stebz", n }),
    };
  }
  rows.push(
    await compare(
      "λ_max of a given matrix (bisection)",
      n,
      () => largestEigenvalue(a, b),
      5,
      stebz,
    ),
  );
  for (const [big, count] of [
    [1e6, 200],
    [1e12, 3],
  ]) {
    const row = await compare(
      "truncated λ_max sample, Hermite β = 2 (per sample)",
      big,
      () => {
        for (let i = 0; i < count; i++) {
          hermiteLargestEigenvalueTruncated(createRandomSource(5, seed++), big, 2);
        }
      },
      5,
    );
    for (const key of [
      "seconds",
      "wallSeconds",
      "baselineSeconds",
      "baselineWallSeconds",
    ] as const) {
      row[key] = (row[key] as number) / count;
    }
    rows.push(row);
  }
  peer?.close();
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(await benchKernels(), "WebAssembly kernels");
}
