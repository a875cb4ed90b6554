/**
 * The WebAssembly kernels (asm/*.ts) against the JavaScript reference, bit for bit: the uniform
 * stream (Philox4x32-10, known-answer vectors and random positions), the vector detLog and normal
 * quantile, the coefficient draws of the Hermite, Laguerre and Jacobi models (full and leading
 * blocks, all rejection paths), Sturm-count histograms and bisection for every k — on golden inputs
 * and on random ones (fast-check, fixed seeds). The reference runs with setWasmKernels(false), the
 * same switch that an environment without WebAssembly SIMD takes, so these tests also cover the
 * fallback. Browser: test/web/kernels.browser.test.ts repeats the digests in Chromium.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { sourceHash } from "../../asm/build.mjs";
import {
  hermiteLargestEigenvalueTruncated,
  hermiteLeadingBlock,
  laguerreLargestEigenvalueTruncated,
  laguerreLeadingBlock,
} from "../../src/ensembles/edge.js";
import { hermiteTridiagonal } from "../../src/ensembles/hermite.js";
import { jacobiBidiagonal } from "../../src/ensembles/jacobi.js";
import { laguerreBidiagonal } from "../../src/ensembles/laguerre.js";
import { normalQuantile } from "../../src/random/normal.js";
import { createRandomSource, type PhiloxSource, philox4x32 } from "../../src/random/philox.js";
import type { RandomSource } from "../../src/random/source.js";
import { detLog } from "../../src/special/deterministicMath.js";
import {
  bisectEigenvalue,
  gershgorinInterval,
  kthEigenvalue,
  largestEigenvalue,
} from "../../src/tridiagonal/bisection.js";
import { sturmHistogram, uniformEdges } from "../../src/tridiagonal/histogram.js";
import { pivotMinimum, sturmCountUnchecked } from "../../src/tridiagonal/sturm.js";
import { bisectEigenvalueKernel, sturmCountsKernel } from "../../src/tridiagonal/sturmKernels.js";
import { KERNELS_SOURCE_HASH } from "../../src/wasm/kernels.generated.js";
import {
  type Kernels,
  setWasmKernels,
  wasmKernels,
  wasmKernelsStatus,
} from "../../src/wasm/kernels.js";

const FC = { seed: 20261205, numRuns: 60 };

function kernels(): Kernels {
  const k = wasmKernels();
  assert.ok(k, `WebAssembly kernels unavailable: ${wasmKernelsStatus().reason}`);
  return k;
}

/** f() computed by the JavaScript reference (kernels off) and by the kernels. */
function bothPaths<T>(f: () => T): { reference: T; kernel: T } {
  setWasmKernels(false);
  let reference: T;
  try {
    reference = f();
  } finally {
    setWasmKernels(true);
  }
  kernels();
  return { reference, kernel: f() };
}

/** Asserts two arrays of doubles are identical bit for bit (Object.is per element). */
function assertSameBits(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  what: string,
): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      assert.fail(`${what}: element ${i} is ${actual[i]}, reference ${expected[i]}`);
    }
  }
}

/** A source that has consumed `words` words (so uniforms may start at an odd word). */
function sourceAt(seed: number, sample: number, substream: number, words: number): RandomSource {
  const rng = createRandomSource(seed, sample, substream);
  for (let i = 0; i < words; i++) rng.uint32();
  return rng;
}

/** The kernels' uniforms from rng's position: count uniforms, and rng left after them. */
function kernelUniforms(k: Kernels, rng: RandomSource, count: number): Float64Array {
  const source = rng as PhiloxSource;
  const state = k.u32.subarray(k.streamState >>> 2, (k.streamState >>> 2) + 12);
  source.saveState(state);
  k.exports.streamBegin();
  k.ensureMemory(k.heapBase + 8 * count);
  k.exports.streamUniforms(k.heapBase, count);
  const out = k.f64.slice(k.heapBase >>> 3, (k.heapBase >>> 3) + count);
  k.exports.streamEnd();
  source.restoreState(k.u32.subarray(k.streamState >>> 2, (k.streamState >>> 2) + 12));
  return out;
}

describe("kernel build", () => {
  it("the embedded module was built from the current asm/ sources (else: npm run build:wasm)", () => {
    assert.equal(KERNELS_SOURCE_HASH, sourceHash());
  });

  it("loads in Node 20 (WebAssembly SIMD) and can be switched off", () => {
    assert.deepEqual(wasmKernelsStatus(), { enabled: true, loaded: true, reason: "" });
    setWasmKernels(false);
    assert.equal(wasmKernels(), undefined);
    assert.equal(wasmKernelsStatus().reason, "disabled");
    setWasmKernels(true);
    assert.ok(wasmKernels());
  });
});

describe("fallback end to end: the CLI with BETAENS_WASM=0 prints the same bytes", () => {
  const BIN = fileURLToPath(new URL("../../src/cli/bin.ts", import.meta.url));
  const run = (args: string[], env: Record<string, string>) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", BIN, ...args], {
      encoding: "utf8",
      env: { ...process.env, BETAENS_DEBUG: "", ...env },
    });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  for (const args of [
    ["sample", "hermite", "--n", "30000", "--samples", "2", "--seed", "5", "--stat", "histogram"],
    [
      "sample",
      "laguerre",
      "--n",
      "20000",
      "--m",
      "30000",
      "--beta",
      "1",
      "--samples",
      "2",
      "--seed",
      "4",
      "--stat",
      "max",
    ],
    [
      "sample",
      "jacobi",
      "--n",
      "500",
      "--m1",
      "600",
      "--m2",
      "900",
      "--samples",
      "2",
      "--seed",
      "3",
    ],
    [
      "sample",
      "hermite",
      "--n",
      "1000000000",
      "--beta",
      "4",
      "--samples",
      "3",
      "--seed",
      "6",
      "--stat",
      "max",
    ],
  ]) {
    it(args.join(" "), () => {
      assert.equal(run(args, { BETAENS_WASM: "0" }), run(args, {}));
    });
  }
});

describe("kernel uniform stream", () => {
  it("Philox4x32-10 known answers (Random123) through the kernels' uniforms", () => {
    const k = kernels();
    const kat: [number[], number[]][] = [
      [
        [0, 0, 0, 0],
        [0, 0],
      ],
      [
        [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
        [0xffffffff, 0xffffffff],
      ],
      [
        [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344],
        [0xa4093822, 0x299f31d0],
      ],
    ];
    for (const [counter, key] of kat) {
      const words = new Uint32Array(4);
      philox4x32(Uint32Array.from(counter), Uint32Array.from(key), words);
      const expected = [0, 2].map(
        (j) => ((words[j] >>> 6) * 2 ** 26 + (words[j + 1] >>> 6) + 0.5) * 2 ** -52,
      );
      const state = k.u32.subarray(k.streamState >>> 2, (k.streamState >>> 2) + 12);
      state.set([key[0], key[1], counter[1], counter[2], counter[3], counter[0], 0, 4, 0, 0, 0, 0]);
      k.exports.streamBegin();
      k.exports.streamUniforms(k.heapBase, 2);
      assertSameBits(k.f64.slice(k.heapBase >>> 3, (k.heapBase >>> 3) + 2), expected, "KAT");
    }
  });

  it("the same uniforms as the JavaScript source from any position, which it continues", () => {
    const k = kernels();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 3000 }),
        (seed, sample, substream, skip, count) => {
          const reference = sourceAt(seed, sample, substream, skip);
          const expected = Array.from({ length: count }, () => reference.uniform());
          const rng = sourceAt(seed, sample, substream, skip);
          assertSameBits(kernelUniforms(k, rng, count), expected, "uniforms");
          assert.equal(rng.uint32(), reference.uint32());
          assert.equal(rng.uniform(), reference.uniform());
        },
      ),
      FC,
    );
  });

  it("past block 2^32 − 1 the kernels throw as the JavaScript source does", () => {
    const near = () => {
      const rng = createRandomSource(5, 6) as PhiloxSource;
      const state = new Uint32Array(12);
      rng.saveState(state);
      state[5] = 2 ** 32 - 40; // next block index
      state[6] = 0;
      state[7] = 4;
      rng.restoreState(state);
      return rng;
    };
    const message = /Philox stream exhausted/;
    const { reference, kernel } = bothPaths(() => {
      try {
        hermiteTridiagonal(near(), 100, 2);
        return "no error";
      } catch (error) {
        return String(error);
      }
    });
    assert.match(reference, message);
    assert.equal(kernel, reference);
    // 40 blocks hold 80 uniforms: a model that needs fewer draws does not throw.
    const small = bothPaths(() => hermiteTridiagonal(near(), 20, 2).diagonal);
    assertSameBits(small.kernel, small.reference, "Hermite N = 20 near the end of the stream");
  });
});

describe("kernel detLog and normal quantile (vector versions)", () => {
  it("detLog2 equals detLog on both lanes", () => {
    const k = kernels();
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 2 ** -1021, max: 2 ** 1021, noNaN: true }), {
          minLength: 2,
          maxLength: 64,
        }),
        (xs) => {
          const values = xs.length % 2 ? [...xs, 1] : xs;
          const at = k.heapBase >>> 3;
          k.f64.set(values, at);
          k.exports.detLog2Test(k.heapBase, values.length, k.heapBase + 8 * values.length);
          const out = k.f64.slice(at + values.length, at + 2 * values.length);
          assertSameBits(out, values.map(detLog), "detLog2");
        },
      ),
      { ...FC, numRuns: 200 },
    );
  });

  it("blockNormals equals normalQuantile: central region, tails, far tails, lattice ends", () => {
    const k = kernels();
    const lattice = (j: number) => (j + 0.5) * 2 ** -52;
    const special = [
      lattice(0),
      lattice(1),
      1 - lattice(0),
      1e-300,
      1.4e-11,
      1e-11,
      0.075,
      0.07500000000000001,
      0.925,
      0.5,
      0.5 + 2 ** -52,
      0.08,
      0.92,
      1e-5,
      1 - 1e-12,
      0.3,
    ];
    const check = (ps: number[]) => {
      const values = ps.length % 2 ? [...ps, 0.5] : ps;
      const at = k.heapBase >>> 3;
      k.f64.set(values, at);
      k.exports.normalsTest(k.heapBase, values.length / 2, k.heapBase + 8 * values.length);
      const out = k.f64.slice(at + values.length, at + 2 * values.length);
      assertSameBits(out, values.map(normalQuantile), "normals");
    };
    check(special);
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ min: 2 ** -53, max: 1 - 2 ** -53, noNaN: true }),
            fc.double({ min: 2 ** -53, max: 0.08, noNaN: true }),
            fc.integer({ min: 0, max: 2 ** 20 }).map(lattice),
          ),
          { minLength: 1, maxLength: 128 },
        ),
        check,
      ),
      { ...FC, numRuns: 300 },
    );
  });
});

describe("kernel coefficient draws: identical to the reference", () => {
  const betas = fc.oneof(
    fc.constantFrom(0, 1e-9, 0.01, 0.5, 1, 2, 4),
    fc.double({ min: 0, max: 20, noNaN: true }),
  );

  it("Hermite rows (random N, β, μ, σ, stream positions)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2500 }),
        betas,
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 0, max: 5 }),
        (n, beta, loc, scale, seed, skip) => {
          const { reference, kernel } = bothPaths(() => {
            const rng = sourceAt(seed, 3, 0, skip);
            const t = hermiteTridiagonal(rng, n, beta, { loc, scale });
            return { ...t, next: rng.uniform() };
          });
          assertSameBits(kernel.diagonal, reference.diagonal, "a");
          assertSameBits(kernel.offDiagonalSquared, reference.offDiagonalSquared, "b");
          assert.equal(kernel.next, reference.next);
        },
      ),
      FC,
    );
  });

  it("Laguerre rows (random N, β, shape including < 1, θ)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2500 }),
        betas,
        fc.oneof(
          fc.constantFrom(1e-4, 0.3, 1, 1.5),
          fc.double({ min: 1e-3, max: 50, noNaN: true }),
        ),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        (n, beta, shape, theta, seed) => {
          const { reference, kernel } = bothPaths(() => {
            const rng = createRandomSource(seed, 4);
            const t = laguerreBidiagonal(rng, n, beta, { shape, scale: theta });
            return { ...t, next: rng.uniform() };
          });
          assertSameBits(kernel.q, reference.q, "q");
          assertSameBits(kernel.e, reference.e, "e");
          assert.equal(kernel.next, reference.next);
        },
      ),
      FC,
    );
  });

  it("Jacobi rows (random N, β, a, b including < 1)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1500 }),
        betas,
        fc.oneof(fc.constantFrom(1e-3, 0.5, 1, 2), fc.double({ min: 1e-3, max: 30, noNaN: true })),
        fc.oneof(fc.constantFrom(1e-3, 0.5, 1, 2), fc.double({ min: 1e-3, max: 30, noNaN: true })),
        fc.integer({ min: 0, max: 2 ** 40 }),
        (n, beta, a, b, seed) => {
          const { reference, kernel } = bothPaths(() => {
            const rng = createRandomSource(seed, 5);
            const t = jacobiBidiagonal(rng, n, beta, { a, b });
            return { ...t, next: rng.uniform() };
          });
          assertSameBits(kernel.q, reference.q, "q");
          assertSameBits(kernel.e, reference.e, "e");
          assert.equal(kernel.next, reference.next);
        },
      ),
      FC,
    );
  });

  it("large N across chunk boundaries, shape-1 rows with many rejections, leading blocks", () => {
    const cases: [string, () => Float64Array[]][] = [
      [
        "Hermite N = 30 000, β = 2",
        () => {
          const t = hermiteTridiagonal(createRandomSource(11, 0), 30_000, 2);
          return [t.diagonal, t.offDiagonalSquared];
        },
      ],
      [
        "Laguerre k = 1, β = 1e−9 (Gamma(≈1): ~5% rejections, t ≤ 0)",
        () => {
          const t = laguerreBidiagonal(createRandomSource(12, 0), 20_000, 1e-9, {
            shape: 1,
            scale: 1,
          });
          return [t.q, t.e];
        },
      ],
      [
        "Jacobi a = b = 1, β = 1e−9",
        () => {
          const t = jacobiBidiagonal(createRandomSource(13, 0), 10_000, 1e-9, { a: 1, b: 1 });
          return [t.q, t.e];
        },
      ],
      [
        "Hermite leading block K = 20 000 of N = 1e12, β = 1",
        () => {
          const t = hermiteLeadingBlock(createRandomSource(14, 0), 1e12, 20_000, 1);
          return [t.diagonal, t.offDiagonalSquared];
        },
      ],
      [
        "Laguerre leading block K = 9000 of N = 1e9, β = 0.5",
        () => {
          const t = laguerreLeadingBlock(createRandomSource(15, 0), 1e9, 9000, 0.5, {
            shape: 3,
            scale: 2,
          });
          return [t.diagonal, t.offDiagonalSquared];
        },
      ],
    ];
    for (const [what, draw] of cases) {
      const { reference, kernel } = bothPaths(draw);
      for (const [j, r] of reference.entries()) {
        assertSameBits(kernel[j], r, `${what}, array ${j}`);
      }
    }
  });
});

/** A random symmetric tridiagonal matrix with features that stress the Sturm recurrence. */
const matrices = fc
  .record({
    n: fc.integer({ min: 1, max: 400 }),
    kind: fc.constantFrom("random", "integer", "tiny", "huge", "zeros", "121"),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
  })
  .map(({ n, kind, seed }) => {
    const rng = createRandomSource(seed, 9);
    const a = new Float64Array(n);
    const b = new Float64Array(Math.max(0, n - 1));
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      a[i] =
        kind === "integer" || kind === "121"
          ? kind === "121"
            ? 2
            : Math.floor(5 * u) - 2
          : kind === "tiny"
            ? (u - 0.5) * 1e-200
            : kind === "huge"
              ? (u - 0.5) * 1e200
              : 10 * (u - 0.5);
    }
    for (let i = 0; i < n - 1; i++) {
      const u = rng.uniform();
      b[i] =
        kind === "121"
          ? 1
          : kind === "zeros"
            ? u < 0.3
              ? 0
              : u
            : kind === "integer"
              ? Math.floor(3 * u)
              : kind === "tiny"
                ? u * 1e-300
                : kind === "huge"
                  ? u * 1e300
                  : 5 * u;
    }
    return { a, b, n, kind };
  });

describe("kernel Sturm counts: identical to the reference", () => {
  it("histogram counts on random matrices, edges on eigenvalues and diagonal entries", () => {
    const k = kernels();
    fc.assert(
      fc.property(matrices, fc.integer({ min: 1, max: 40 }), ({ a, b, n }, bins) => {
        const [lo, hi] = gershgorinInterval(a, b);
        const edges = Array.from(uniformEdges(lo, hi, bins));
        // Points where pivots vanish: the diagonal entries themselves and a few integers.
        for (const x of [...a.slice(0, 8), 0, 1, 2, 3, -1]) if (x > lo && x < hi) edges.push(x);
        const sorted = Float64Array.from(new Set(edges)).sort();
        const pivmin = pivotMinimum(b);
        const fromKernel = new Float64Array(sorted.length);
        assert.ok(sturmCountsKernel(k, a, b, n, sorted, pivmin, fromKernel));
        setWasmKernels(false);
        const reference = sturmHistogram(a, b, sorted);
        setWasmKernels(true);
        const viaKernel = sturmHistogram(a, b, sorted);
        assertSameBits(viaKernel.counts, reference.counts, "counts");
        assert.equal(viaKernel.below, reference.below);
        assert.equal(viaKernel.above, reference.above);
        // And the kernel's raw counts are the cumulative counts of the histogram.
        let cumulative = reference.below;
        for (let j = 0; j < sorted.length; j++) {
          assert.equal(fromKernel[j], cumulative, `count at edge ${j}`);
          cumulative += reference.counts[j] ?? 0;
        }
      }),
      { ...FC, numRuns: 150 },
    );
  });

  it("ties: pivots exactly 0 and exactly −pivmin, in every kernel variant (4, 8, many points)", () => {
    const k = kernels();
    for (const n of [1, 2, 7, 50]) {
      for (const bValue of [0, 2 ** -1000]) {
        const a = new Float64Array(n);
        const b = new Float64Array(n - 1).fill(bValue);
        const pivmin = pivotMinimum(b);
        const ties = [-2, -1, -0.5, 0, 0.5, 1, 2].map((c) => c * pivmin);
        for (const count of [3, 7, 13]) {
          for (let offset = 0; offset < ties.length; offset++) {
            const xs = Array.from({ length: count }, (_, j) => ties[(offset + j) % ties.length]);
            const out = new Float64Array(count);
            assert.ok(sturmCountsKernel(k, a, b, n, xs, pivmin, out));
            const expected = xs.map((x) => sturmCountUnchecked(a, b, n, x, pivmin));
            assertSameBits(out, expected, `n = ${n}, b = ${bValue}, points ${xs.join(", ")}`);
          }
        }
      }
    }
  });

  it("bisection for every k on random matrices (the same steps, the same bits)", () => {
    const k = kernels();
    fc.assert(
      fc.property(matrices, fc.double({ min: 0, max: 1, noNaN: true }), ({ a, b, n }, frac) => {
        const kth = Math.min(n - 1, Math.floor(frac * n));
        const pivmin = pivotMinimum(b);
        const [lo, hi] = gershgorinInterval(a, b);
        const tol = 2 * 2 ** -52 * Math.max(Math.abs(lo), Math.abs(hi)) + 2 * pivmin;
        // The final bracket too (edge.ts checks the truncation at its upper end).
        const bracket = new Float64Array(2);
        const kernelBracket = new Float64Array(2);
        setWasmKernels(false);
        const reference = bisectEigenvalue(a, b, n, kth, lo, hi, tol, pivmin, bracket);
        setWasmKernels(true);
        assert.ok(
          Object.is(
            bisectEigenvalueKernel(k, a, b, n, kth, lo, hi, tol, pivmin, kernelBracket),
            reference,
          ),
        );
        assertSameBits(kernelBracket, bracket, "final bracket");
        for (const j of [0, n - 1]) {
          setWasmKernels(false);
          const expected = bisectEigenvalue(a, b, n, j, lo, hi, tol, pivmin);
          setWasmKernels(true);
          assert.ok(
            Object.is(bisectEigenvalueKernel(k, a, b, n, j, lo, hi, tol, pivmin), expected),
          );
        }
      }),
      { ...FC, numRuns: 150 },
    );
  });

  it("λ_max, k-th eigenvalue and histogram of large Hermite matrices (speculative passes)", () => {
    for (const [n, beta] of [
      [20_000, 2],
      [100_000, 1],
      [300_000, 4],
    ]) {
      const t = hermiteTridiagonal(createRandomSource(21, n), n, beta);
      const a = t.diagonal;
      const b = t.offDiagonalSquared;
      const r = 2 * Math.sqrt(beta * n);
      const edges = uniformEdges(-1.05 * r, 1.05 * r, 60);
      const { reference, kernel } = bothPaths(() => [
        largestEigenvalue(a, b),
        kthEigenvalue(a, b, 0),
        kthEigenvalue(a, b, n - 2),
        kthEigenvalue(a, b, Math.floor(n / 3)),
        ...sturmHistogram(a, b, edges).counts,
      ]);
      assertSameBits(kernel, reference, `Hermite N = ${n}, β = ${beta}`);
    }
  });
});

describe("truncated λ_max (edge.ts, issue 19 rule for K): the kernels give the reference's bits", () => {
  it("small β (K up to 6e4 rows), the K₁-row check passing and failing, Hermite and Laguerre", () => {
    // [ensemble, β, N, stream, sample]: stream 21/22 samples are ones on which the K₁ rows are too
    // few (test/ensembles/edge.test.ts DEEP), so the check fails and all K rows are bisected.
    // `true`: the Laguerre parameter set M = 4N (shape β(3N + 1)/2, scale 2), else shape 1.
    const cases: ["hermite" | "laguerre", number, number, number, number, boolean?][] = [
      ["hermite", 0.001, 100_000, 21, 6],
      ["hermite", 0.001, 100_000, 21, 14],
      ["hermite", 0.01, 10_000, 21, 56],
      ["hermite", 0.03, 10_000, 21, 247],
      ["hermite", 0.3, 1e9, 3, 0],
      ["hermite", 2, 1e12, 3, 1],
      ["laguerre", 0.001, 100_000, 22, 8],
      ["laguerre", 0.001, 100_000, 22, 8, true],
      ["laguerre", 0.01, 10_000, 22, 1136],
      ["laguerre", 1, 1e8, 3, 2],
    ];
    for (const [ensemble, beta, n, stream, s, wide] of cases) {
      const laguerre = wide
        ? { shape: (beta * (3 * n + 1)) / 2, scale: 2 }
        : { shape: 1, scale: 1 };
      // The truncated value, and (N ≤ 1e5) the all-rows variant (c = Infinity: K₁ rows, one pass).
      // Substream N as in edge.test.ts (where the deep samples were found), 0 for the huge N.
      const substream = n <= 100_000 ? n : 0;
      const multipliers = n <= 100_000 ? [undefined, Number.POSITIVE_INFINITY] : [undefined];
      const draw = () =>
        multipliers.map((c) =>
          ensemble === "hermite"
            ? hermiteLargestEigenvalueTruncated(
                createRandomSource(stream, s, substream),
                n,
                beta,
                { loc: -1, scale: 0.5 },
                c,
              )
            : laguerreLargestEigenvalueTruncated(
                createRandomSource(stream, s, substream),
                n,
                beta,
                laguerre,
                c,
              ),
        );
      const { reference, kernel } = bothPaths(draw);
      assertSameBits(kernel, reference, `${ensemble} β = ${beta}, N = ${n}, sample ${s}`);
    }
  });
});
