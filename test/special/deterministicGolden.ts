/**
 * Golden values of the reproducibility contract, shared by deterministicMath.test.ts (Node) and
 * deterministicMath.browser.test.ts (bundled with esbuild and run in Chromium). Browser-safe: no
 * node: imports. Every number is reported as the 16 hex digits of its IEEE 754 bits.
 */
import { circularCmvAngles } from "../../src/ensembles/circular.js";
import {
  hermiteLargestEigenvalueLimit,
  laguerreLargestEigenvalueLimit,
} from "../../src/ensembles/edgeLimit.js";
import { hermiteEigenvalues } from "../../src/ensembles/hermite.js";
import { jacobiEigenvalues } from "../../src/ensembles/jacobi.js";
import { laguerreEigenvalues } from "../../src/ensembles/laguerre.js";
import { beta } from "../../src/random/beta.js";
import { chi } from "../../src/random/chi.js";
import { gamma } from "../../src/random/gamma.js";
import { normal } from "../../src/random/normal.js";
import { createRandomSource } from "../../src/random/philox.js";
import type { RandomSource } from "../../src/random/source.js";
import {
  detAsin,
  detAtan,
  detAtan2,
  detCbrt,
  detCos,
  detExp,
  detExpm1,
  detHypot,
  detLog,
  detLog1p,
  detPow,
  detSin,
  detTan,
  powerOfTwo,
} from "../../src/special/deterministicMath.js";
import { tracyWidomSample } from "../../src/theory/tracyWidom.js";

/**
 * Expected goldenValues(), computed once (Node 20, after the switch to deterministicMath) and
 * hard-coded. Any change here breaks the reproducibility contract: a sample of a given seed would
 * no longer have the same numbers. Change them only together with the output format version.
 */
export const GOLDEN: Record<string, string[]> = {
  uniform: [
    "3fd9fb9bce55410e",
    "3fdb1fb28557398e",
    "3fecbbbd2b007b0d",
    "3fe1f9bf196476c1",
    "3fc2767e3e00155c",
    "3fd5c6933d301a3e",
    "3fe28b795bf216ab",
    "3fe0e8fab7e6be9f",
  ],
  normal: [
    "bfce7348a99b2790",
    "bfc89898e9d720ad",
    "3ff450fe16cd7f31",
    "3fc3e348d623eebf",
    "bff0fbba604b6511",
    "bfda5ad6df6de8dd",
    "3fc9afe2bf1c3024",
    "3fb243e7d39ea56d",
  ],
  gamma2_5: [
    "3ffd5c4117ebff2a",
    "40127fab7f6a5dfa",
    "3fee64131b3950af",
    "4003ce3525aeae5f",
    "400f471964251a85",
    "3fe14c8f4085b548",
    "400d55213cc77fb9",
    "4000adde4a481b6b",
  ],
  gamma0_3: [
    "3fe0c9991fa52ece",
    "3f9fc07304f47ac6",
    "3fe460305f2bab56",
    "3fa618ad85002376",
    "3f5adf146b2df765",
    "3f845cbf00b060da",
    "3fe0fdca025942ad",
    "3fb2bf902c60c6bb",
  ],
  beta0_5_2: [
    "3fd240d3150109bd",
    "3fb00d88fea56e2b",
    "3e4897f85b43883c",
    "3fbc095ee528e25b",
    "3f78bd1010baa51a",
    "3fc34d42cdbae53a",
    "3fc6bc2a7aaad5c3",
    "3fcbf1201d7a78c7",
  ],
  chi1_5: [
    "3ff69a8840b5c190",
    "3febfbdbcdcfc7f4",
    "3ff9d9d0a4bc1128",
    "3febfd9d93ea54dd",
    "3ff6a3adcda6eae2",
    "3fd100444d633cf5",
    "3fe0baab0a386d65",
    "4002177c5151d953",
  ],
  hermite: ["c011ef0563ed39b9", "c00d9c70df124369", "c005c249c9b23a1c"],
  laguerre: ["3f91e3a2494b2cfa", "3fe0fe108e167ea7", "3ff6b29fafe5d867"],
  jacobi: ["3f86c5c7f6a3addb", "3fb264201e7497f0", "3fc6203d90f8c661"],
  circular: ["3fdddd36728123d0", "3ff0eb1e9880d1fa", "3ffd5aa68c919a4c"],
  // Issue 15 changed the Tracy–Widom table to log(−log F) (relative accuracy in both tails): the
  // quantile, hence TW draws, moved by rounding (≤ 1e−14 absolute; here a few ulps of some draws
  // of tracyWidom1, tracyWidom4, tracyWidom4tw).
  tracyWidom1: [
    "bff9056c08f8a7bc",
    "bff81f201627d574",
    "3fdbbb4b626f50ce",
    "bff12698f4a5d9e7",
    "c00447f1503b3a40",
    "bffc67b657e4b46d",
    "bff03956f7750a93",
    "bff2dbc1ef1f3131",
  ],
  tracyWidom2: [
    "c00021a6818f68f7",
    "bfff9df233a36c7a",
    "bfe378d3c33eb9fd",
    "bffaa289bbf55235",
    "c005c327821d257a",
    "c001596b88da32a7",
    "bff9f9c2e631b9c7",
    "bffbda01ab125438",
  ],
  tracyWidom4: [
    "c001cae71a9f96ea",
    "c0018fb8ccbffeb5",
    "bff3b445037ec640",
    "bfff921c1e1e172c",
    "c005db430d8ae95c",
    "c002aa8d0f6b0423",
    "bfff1a412f4534a9",
    "c00037cb7206b676",
  ],
  tracyWidom4tw: [
    "c003f8b499b8b74d",
    "c003b646f580e0c3",
    "bff61e004caf9d30",
    "c001b7ee47956777",
    "c00888781af99702",
    "c004f3bdfe533a6a",
    "c00174aa10d29a89",
    "c002343b63e1e145",
  ],
  hermiteLimit: [
    "413e847ffad6830a",
    "413e847ffaf0f7f8",
    "413e847ffe7136bd",
    "413e847ffbbd08af",
    "413e847ff9093b09", // corrected law F₂ + N^(−2/3)E since issue 15 (one ulp)
    "413e847ffa72bede",
    "413e847ffbd809c7",
    "413e847ffb8b32ef",
  ],
  laguerreLimit: [
    "428d1a949d30d0e4",
    "428d1a949d5d1718",
    "428d1a94a3557520",
    "428d1a949eb429d2",
    "428d1a949a33f62c",
    "428d1a949c8a45d7", // corrected law F₁ + hE + h²E₂ (LOE) since issue 15 (one ulp)
    "428d1a949ee1c69f",
    "428d1a949e601eb2",
  ],
};

const BITS = new DataView(new ArrayBuffer(8));

/** The IEEE 754 bits of x as 16 lowercase hex digits (sign and exponent first). */
export function toHex(x: number): string {
  BITS.setFloat64(0, x);
  return (
    BITS.getUint32(0).toString(16).padStart(8, "0") +
    BITS.getUint32(4).toString(16).padStart(8, "0")
  );
}

function firstEight(draw: (rng: RandomSource) => number): string[] {
  const rng = createRandomSource(42, 7);
  return Array.from({ length: 8 }, () => toHex(draw(rng)));
}

function firstThree(values: Float64Array): string[] {
  return Array.from(values.subarray(0, 3), toHex);
}

/**
 * The first 8 variates of each sampler (incl. Tracy–Widom inversion and the λ_max limit models)
 * from a fresh createRandomSource(42, 7), and the 3 smallest
 * eigenvalues (angles for the circular ensemble) of one N = 10, β = 2.5 sample from
 * createRandomSource(1, 0) for each tridiagonal/CMV model.
 */
export function goldenValues(): Record<string, string[]> {
  return {
    uniform: firstEight((rng) => rng.uniform()),
    normal: firstEight(normal),
    gamma2_5: firstEight((rng) => gamma(rng, 2.5)),
    gamma0_3: firstEight((rng) => gamma(rng, 0.3)),
    beta0_5_2: firstEight((rng) => beta(rng, 0.5, 2)),
    chi1_5: firstEight((rng) => chi(rng, 1.5)),
    hermite: firstThree(hermiteEigenvalues(createRandomSource(1, 0), 10, 2.5)),
    laguerre: firstThree(laguerreEigenvalues(createRandomSource(1, 0), 10, 2.5)),
    jacobi: firstThree(jacobiEigenvalues(createRandomSource(1, 0), 10, 2.5)),
    tracyWidom1: firstEight((rng) => tracyWidomSample(rng, 1)),
    tracyWidom2: firstEight((rng) => tracyWidomSample(rng, 2)),
    tracyWidom4: firstEight((rng) => tracyWidomSample(rng, 4)),
    tracyWidom4tw: firstEight((rng) => tracyWidomSample(rng, 4, "tw")),
    hermiteLimit: firstEight((rng) => hermiteLargestEigenvalueLimit(rng, 1e12, 2)),
    laguerreLimit: firstEight((rng) =>
      laguerreLargestEigenvalueLimit(rng, 1e12, 1, { shape: 3, scale: 2 }),
    ),
    circular: firstThree(circularCmvAngles(createRandomSource(1, 0), 10, 2.5)),
  };
}

/** FNV-1a over the 32-bit words of a sequence of doubles: a compact fingerprint of the bits. */
class Digest {
  private hash = 0x811c9dc5;
  add(x: number): void {
    BITS.setFloat64(0, x);
    for (const offset of [0, 4]) {
      this.hash = Math.imul(this.hash ^ BITS.getUint32(offset), 16777619) >>> 0;
    }
  }
  hex(): string {
    return this.hash.toString(16).padStart(8, "0");
  }
}

/**
 * Arguments spread over many binades, from Philox uniforms and exact scalings only (no
 * transcendental function), so they are the same on every engine: u·2^k, u uniform, k ∈ [lo, hi).
 */
function wideArgument(rng: RandomSource, lo: number, hi: number): number {
  return rng.uniform() * powerOfTwo(lo + (rng.uint32() % (hi - lo)));
}

/**
 * Fingerprints of f over `count` fixed arguments per function, for the deterministic functions
 * (`det`) or the engine's Math.* (`math`, expected to differ between engines).
 */
export function functionDigests(which: "det" | "math", count = 20000): Record<string, string> {
  const d = which === "det";
  const unary: Record<string, [(x: number) => number, (rng: RandomSource) => number]> = {
    log: [d ? detLog : Math.log, (rng) => wideArgument(rng, -1074, 1024)],
    log1p: [d ? detLog1p : Math.log1p, (rng) => 2 * rng.uniform() - 1],
    exp: [d ? detExp : Math.exp, (rng) => 1450 * rng.uniform() - 740],
    expm1: [d ? detExpm1 : Math.expm1, (rng) => 80 * rng.uniform() - 40],
    sin: [d ? detSin : Math.sin, (rng) => 20 * rng.uniform() - 10],
    cos: [d ? detCos : Math.cos, (rng) => 20 * rng.uniform() - 10],
    atan: [d ? detAtan : Math.atan, (rng) => wideArgument(rng, -30, 30) - 0.5],
    cbrt: [d ? detCbrt : Math.cbrt, (rng) => wideArgument(rng, -1074, 1024)],
    tan: [d ? detTan : Math.tan, (rng) => 20 * rng.uniform() - 10],
    asin: [d ? detAsin : Math.asin, (rng) => 2 * rng.uniform() - 1],
  };
  type Binary = [(x: number, y: number) => number, (rng: RandomSource) => number];
  const binary: Record<string, [...Binary, (rng: RandomSource) => number]> = {
    atan2: [
      d ? detAtan2 : Math.atan2,
      (rng) => 2 * rng.uniform() - 1,
      (rng) => 2 * rng.uniform() - 1,
    ],
    hypot: [d ? detHypot : Math.hypot, (rng) => wideArgument(rng, -40, 40), (rng) => rng.uniform()],
    pow: [d ? detPow : Math.pow, (rng) => 8 * rng.uniform(), (rng) => 60 * rng.uniform() - 30],
  };
  const out: Record<string, string> = {};
  let substream = 0;
  for (const [name, [f, argument]] of Object.entries(unary)) {
    const rng = createRandomSource(2024, 0, substream++);
    const digest = new Digest();
    for (let i = 0; i < count; i++) digest.add(f(argument(rng)));
    out[name] = digest.hex();
  }
  for (const [name, [f, first, second]] of Object.entries(binary)) {
    const rng = createRandomSource(2024, 0, substream++);
    const digest = new Digest();
    for (let i = 0; i < count; i++) {
      const x = first(rng);
      digest.add(f(x, second(rng)));
    }
    out[name] = digest.hex();
  }
  return out;
}
