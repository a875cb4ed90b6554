/**
 * src/special/deterministicMath.ts: the engine-independent elementary functions of the sampling
 * path.
 *
 * 1. Accuracy: against the engine's Math.* (itself < 1 ulp from the truth), ≤ 1 ulp apart on
 *    ~1e6 fixed pseudo-random arguments per function, over the ranges the samplers use and far
 *    beyond (subnormals, huge, tiny, near 1 for log, huge trigonometric arguments). hypot and
 *    cbrt are checked against the exact value instead (BigInt arithmetic): they must be within
 *    0.5 ulp + 2^-22 ulp (V8's Math.hypot itself is off by up to ~1.9 ulp).
 *    Deterministic (fixed Philox streams): no false alarms, nothing to tune.
 * 2. Special values (±0, ±Infinity, NaN, overflow and underflow thresholds): exactly the results
 *    of Math.* (same signed zeros, infinities, NaN), ≤ 1 ulp elsewhere.
 * 3. powerOfTwo and floorLog2 are exact.
 * 4. Golden values: bit patterns of the first variates and eigenvalues for fixed seeds, hard-coded
 *    in deterministicGolden.ts, so any platform or code change breaking bit-reproducibility fails.
 *    (deterministicMath.browser.test.ts checks the same values in Chromium.)
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
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
  floorLog2,
  powerOfTwo,
} from "../../src/special/deterministicMath.js";
import { GOLDEN, goldenValues } from "./deterministicGolden.js";

const WORDS = new DataView(new ArrayBuffer(8));

/** Distance in units in the last place between two doubles of the same sign (0 if identical). */
function ulpDistance(a: number, b: number): number {
  if (Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b))) return 0;
  if (Number.isNaN(a) || Number.isNaN(b) || a < 0 !== b < 0) return Number.POSITIVE_INFINITY;
  WORDS.setFloat64(0, Math.abs(a));
  const ha = WORDS.getUint32(0);
  const la = WORDS.getUint32(4);
  WORDS.setFloat64(0, Math.abs(b));
  return Math.abs((ha - WORDS.getUint32(0)) * 4294967296 + (la - WORDS.getUint32(4)));
}

/** u·2^k with u uniform and k uniform in [lo, hi): arguments spread over many binades. */
function wide(rng: RandomSource, lo: number, hi: number): number {
  return rng.uniform() * powerOfTwo(lo + (rng.uint32() % (hi - lo)));
}

/** A random sign. */
function signed(rng: RandomSource, x: number): number {
  return rng.uint32() & 1 ? -x : x;
}

let stream = 0;

/** Max ulp distance of f from g over `count` arguments drawn by `argument` (a fresh stream). */
function maxUlp(
  f: (x: number) => number,
  g: (x: number) => number,
  argument: (rng: RandomSource) => number,
  count = 250_000,
): { max: number; at: number } {
  const rng = createRandomSource(20260101, 0, stream++);
  let max = 0;
  let at = Number.NaN;
  for (let i = 0; i < count; i++) {
    const x = argument(rng);
    const d = ulpDistance(f(x), g(x));
    if (d > max) {
      max = d;
      at = x;
    }
  }
  return { max, at };
}

function maxUlp2(
  f: (x: number, y: number) => number,
  g: (x: number, y: number) => number,
  argument: (rng: RandomSource) => [number, number],
  count = 250_000,
): { max: number; at: [number, number] } {
  const rng = createRandomSource(20260101, 0, stream++);
  let max = 0;
  let at: [number, number] = [Number.NaN, Number.NaN];
  for (let i = 0; i < count; i++) {
    const [x, y] = argument(rng);
    const d = ulpDistance(f(x, y), g(x, y));
    if (d > max) {
      max = d;
      at = [x, y];
    }
  }
  return { max, at };
}

function assertWithinOneUlp(name: string, result: { max: number; at: unknown }): void {
  assert.ok(result.max <= 1, `${name}: ${result.max} ulp from Math.* at ${String(result.at)}`);
}

describe("deterministic functions agree with Math.* to ≤ 1 ulp (1e6 arguments each)", () => {
  it("detLog", () => {
    assertWithinOneUlp(
      "log (0,1)",
      maxUlp(detLog, Math.log, (r) => r.uniform()),
    );
    assertWithinOneUlp(
      "log all binades",
      maxUlp(detLog, Math.log, (r) => wide(r, -1074, 1024)),
    );
    assertWithinOneUlp(
      "log near 1",
      maxUlp(detLog, Math.log, (r) => 1 + wide(r, -60, -1) * (r.uniform() - 0.5)),
    );
    assertWithinOneUlp(
      "log subnormal",
      maxUlp(detLog, Math.log, (r) => wide(r, -1074, -1022)),
    );
  });

  it("detLog1p", () => {
    assertWithinOneUlp(
      "log1p (-1,1)",
      maxUlp(detLog1p, Math.log1p, (r) => 2 * r.uniform() - 1),
    );
    assertWithinOneUlp(
      "log1p tiny",
      maxUlp(detLog1p, Math.log1p, (r) => signed(r, wide(r, -80, -1))),
    );
    assertWithinOneUlp(
      "log1p wide",
      maxUlp(detLog1p, Math.log1p, (r) => wide(r, -1074, 1024)),
    );
    assertWithinOneUlp(
      "log1p near -1",
      maxUlp(detLog1p, Math.log1p, (r) => -1 + wide(r, -53, 0)),
    );
  });

  it("detExp", () => {
    assertWithinOneUlp(
      "exp full range",
      maxUlp(detExp, Math.exp, (r) => 1455 * r.uniform() - 745),
    );
    assertWithinOneUlp(
      "exp [-1,1]",
      maxUlp(detExp, Math.exp, (r) => 2 * r.uniform() - 1),
    );
    assertWithinOneUlp(
      "exp tiny",
      maxUlp(detExp, Math.exp, (r) => signed(r, wide(r, -80, 0))),
    );
    assertWithinOneUlp(
      "exp subnormal results",
      maxUlp(detExp, Math.exp, (r) => -745.2 + 37.5 * r.uniform()),
    );
  });

  it("detExpm1", () => {
    assertWithinOneUlp(
      "expm1 [-40,40]",
      maxUlp(detExpm1, Math.expm1, (r) => 80 * r.uniform() - 40),
    );
    assertWithinOneUlp(
      "expm1 [-1,1]",
      maxUlp(detExpm1, Math.expm1, (r) => 2 * r.uniform() - 1),
    );
    assertWithinOneUlp(
      "expm1 tiny",
      maxUlp(detExpm1, Math.expm1, (r) => signed(r, wide(r, -80, 0))),
    );
    assertWithinOneUlp(
      "expm1 large",
      maxUlp(detExpm1, Math.expm1, (r) => 709.78 * r.uniform()),
    );
  });

  it("detSin and detCos", () => {
    const TWO_PI = 2 * Math.PI;
    for (const [name, f, g] of [
      ["sin", detSin, Math.sin],
      ["cos", detCos, Math.cos],
    ] as const) {
      assertWithinOneUlp(
        `${name} [0,2π)`,
        maxUlp(f, g, (r) => TWO_PI * r.uniform(), 200_000),
      );
      assertWithinOneUlp(
        `${name} tiny`,
        maxUlp(f, g, (r) => signed(r, wide(r, -1074, 0)), 100_000),
      );
      assertWithinOneUlp(
        `${name} |x| < 1e5`,
        maxUlp(f, g, (r) => 2e5 * r.uniform() - 1e5, 150_000),
      );
      assertWithinOneUlp(
        `${name} huge (Payne–Hanek)`,
        maxUlp(f, g, (r) => signed(r, wide(r, 21, 1024)), 50_000),
      );
    }
  });

  it("detAtan and detAtan2", () => {
    assertWithinOneUlp(
      "atan",
      maxUlp(detAtan, Math.atan, (r) => signed(r, wide(r, -60, 80))),
    );
    assertWithinOneUlp(
      "atan2 unit circle",
      maxUlp2(detAtan2, Math.atan2, (r) => {
        const [x, y] = [2 * r.uniform() - 1, 2 * r.uniform() - 1];
        return [y, x];
      }),
    );
    assertWithinOneUlp(
      "atan2 wide",
      maxUlp2(detAtan2, Math.atan2, (r) => [
        signed(r, wide(r, -1074, 1024)),
        signed(r, wide(r, -1074, 1024)),
      ]),
    );
    assertWithinOneUlp(
      "atan2 comparable",
      maxUlp2(detAtan2, Math.atan2, (r) => [signed(r, wide(r, -5, 5)), signed(r, wide(r, -5, 5))]),
    );
  });

  it("detPow", () => {
    assertWithinOneUlp(
      "pow u^(1/a)",
      maxUlp2(detPow, Math.pow, (r) => [r.uniform(), 1 / wide(r, -10, 10)]),
    );
    assertWithinOneUlp(
      "pow wide",
      maxUlp2(detPow, Math.pow, (r) => [wide(r, -30, 30), 60 * r.uniform() - 30]),
    );
    assertWithinOneUlp(
      "pow near 1, large exponent",
      maxUlp2(detPow, Math.pow, (r) => [
        1 + (r.uniform() - 0.5) * 1e-6,
        (r.uniform() - 0.5) * 1.4e9,
      ]),
    );
    assertWithinOneUlp(
      "pow integer exponents, negative bases",
      maxUlp2(detPow, Math.pow, (r) => [20 * r.uniform() - 10, (r.uint32() % 41) - 20]),
    );
  });
});

describe("detTan and detAsin (for the edge-scaling constants) agree with Math.* to ≤ 2 ulp", () => {
  it("detTan", () => {
    for (const [name, argument] of [
      ["tan [-7,7]", (r: RandomSource) => 14 * r.uniform() - 7],
      ["tan near π/2", (r: RandomSource) => Math.PI / 2 + signed(r, wide(r, -40, -1))],
      ["tan huge", (r: RandomSource) => signed(r, wide(r, 21, 1024))],
    ] as const) {
      const { max, at } = maxUlp(detTan, Math.tan, argument, 100_000);
      assert.ok(max <= 2, `${name}: ${max} ulp from Math.tan at ${at}`);
    }
  });

  it("detAsin", () => {
    for (const [name, argument] of [
      ["asin [-1,1]", (r: RandomSource) => 2 * r.uniform() - 1],
      ["asin near ±1", (r: RandomSource) => signed(r, 1 - wide(r, -53, -1))],
      ["asin tiny", (r: RandomSource) => signed(r, wide(r, -1074, -1))],
    ] as const) {
      const { max, at } = maxUlp(detAsin, Math.asin, argument, 100_000);
      assert.ok(max <= 2, `${name}: ${max} ulp from Math.asin at ${at}`);
    }
  });
});

/** |x| = m·2^e exactly, m a BigInt integer (m < 2^53; e = −1074 for subnormals). */
function decompose(x: number): { m: bigint; e: number } {
  WORDS.setFloat64(0, Math.abs(x));
  const hi = WORDS.getUint32(0);
  const lo = WORDS.getUint32(4);
  const exponent = (hi >>> 20) & 0x7ff;
  const mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (exponent === 0) return { m: mantissa, e: -1074 };
  return { m: mantissa | (1n << 52n), e: exponent - 1075 };
}

/**
 * True if r > 0 is the correctly rounded value of target^(1/2) (cube = false) or target^(1/3)
 * (cube = true) up to a 2^-22-ulp slack: (r − h')^p ≤ target ≤ (r + h')^p with h' = (ulp(r)/2)(1 +
 * 2^-22), p = 2 or 3, all in exact BigInt arithmetic (target = m·2^e).
 */
function isNearlyCorrectlyRounded(
  r: number,
  cube: boolean,
  target: { m: bigint; e: number },
): boolean {
  // Points r ± h(1 + 2^-20) as exact rationals P/2^E, raised to the power 2 (hypot) or 3 (cbrt).
  const { m, e } = decompose(r);
  const scale = 22n; // room for h·2^-20
  const base = m << (scale + 1n); // r·2^(scale+1), in units of 2^(e−scale−1)
  const h = (1n << scale) + 1n; // h(1 + 2^-22) in the same units
  const power = cube ? 3n : 2n;
  const unitExponent = BigInt(e) - scale - 1n;
  for (const [point, expectAbove] of [
    [base - h, false],
    [base + h, true],
  ] as const) {
    // Compare point^power·2^(power·unitExponent) with target.m·2^target.e.
    const lhs = point ** power;
    const lhsExp = power * unitExponent;
    const rhsExp = BigInt(target.e);
    const shift = lhsExp - rhsExp;
    const above = shift >= 0n ? lhs << shift > target.m : lhs > target.m << -shift;
    if (above !== expectAbove) return false;
  }
  return true;
}

describe("detHypot and detCbrt are correctly rounded (exact BigInt check)", () => {
  it("detHypot: within 0.5 ulp (+2^-22 ulp) of √(x² + y²), all binades, subnormal arguments", () => {
    const rng = createRandomSource(20260101, 1, 0);
    let bad = 0;
    let first = "";
    for (let i = 0; i < 60_000; i++) {
      const x = signed(rng, wide(rng, -1074, 1024));
      const y = i % 3 === 0 ? 1 : signed(rng, x === 0 ? 1 : Math.abs(x) * wide(rng, -40, 40));
      const r = detHypot(x, y);
      // Subnormal results are rounded twice (documented); the Math.hypot comparison covers them.
      if (!Number.isFinite(r) || r < 2.2250738585072014e-308) continue;
      const a = decompose(x);
      const b = decompose(y);
      // x² + y² = (ma²·2^(2ea) + mb²·2^(2eb)) as m·2^e.
      const e = Math.min(2 * a.e, 2 * b.e);
      const sum = {
        m: ((a.m * a.m) << BigInt(2 * a.e - e)) + ((b.m * b.m) << BigInt(2 * b.e - e)),
        e,
      };
      if (!isNearlyCorrectlyRounded(r, false, sum)) {
        bad++;
        first ||= `hypot(${x}, ${y}) = ${r}`;
      }
    }
    assert.equal(bad, 0, `not correctly rounded, e.g. ${first}`);
  });

  it("detCbrt: within 0.5 ulp (+2^-22 ulp) of ∛x, all binades and subnormals", () => {
    const rng = createRandomSource(20260101, 2, 0);
    let bad = 0;
    let first = "";
    for (let i = 0; i < 60_000; i++) {
      const x = wide(rng, -1074, 1024);
      const r = detCbrt(x);
      if (!isNearlyCorrectlyRounded(r, true, decompose(x))) {
        bad++;
        first ||= `cbrt(${x}) = ${r}`;
      }
      assert.equal(detCbrt(-x), -r);
    }
    assert.equal(bad, 0, `not correctly rounded, e.g. ${first}`);
  });

  it("detHypot and detCbrt agree with Math.hypot (≤ 2 ulp) and Math.cbrt (≤ 1 ulp)", () => {
    const hypot = maxUlp2(detHypot, Math.hypot, (r) => [
      signed(r, wide(r, -1074, 1024)),
      signed(r, wide(r, -1074, 1024)),
    ]);
    assert.ok(hypot.max <= 2, `hypot ${hypot.max} ulp at ${hypot.at}`);
    const cbrt = maxUlp(detCbrt, Math.cbrt, (r) => signed(r, wide(r, -1074, 1024)));
    assert.ok(cbrt.max <= 1, `cbrt ${cbrt.max} ulp at ${cbrt.at}`);
  });
});

const SPECIAL = [
  0,
  -0,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
  1,
  -1,
  0.5,
  -0.5,
  2,
  3,
  0.1,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  2.2250738585072014e-308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e-300,
  1e-20,
  -1e-20,
  709.782712893384,
  709.7827128933841,
  -745.1332191019411,
  -745.1332191019412,
  -708.4,
  -38.8,
  -40,
  Math.PI,
  Math.PI / 2,
  -Math.PI / 2,
  2 * Math.PI,
  1647099.3291652855,
  1e22,
  2 ** 53,
];

describe("special values", () => {
  /** Same bits where Math.* gives a non-finite value or a zero; ≤ 1 ulp elsewhere (2 for hypot, tan, asin). */
  function check(name: string, got: number, want: number, tolerance = 1): void {
    if (!Number.isFinite(want) || want === 0 || !Number.isFinite(got) || got === 0) {
      assert.ok(Object.is(got, want), `${name}: got ${got}, Math.* gives ${want}`);
    } else {
      assert.ok(ulpDistance(got, want) <= tolerance, `${name}: got ${got}, Math.* gives ${want}`);
    }
  }

  it("one-argument functions", () => {
    const pairs: [string, (x: number) => number, (x: number) => number][] = [
      ["log", detLog, Math.log],
      ["log1p", detLog1p, Math.log1p],
      ["exp", detExp, Math.exp],
      ["expm1", detExpm1, Math.expm1],
      ["sin", detSin, Math.sin],
      ["cos", detCos, Math.cos],
      ["atan", detAtan, Math.atan],
      ["cbrt", detCbrt, Math.cbrt],
      ["tan", detTan, Math.tan],
      ["asin", detAsin, Math.asin],
    ];
    for (const [name, f, g] of pairs) {
      const tolerance = name === "tan" || name === "asin" ? 2 : 1;
      for (const x of SPECIAL) check(`${name}(${x})`, f(x), g(x), tolerance);
    }
  });

  it("two-argument functions (all pairs)", () => {
    const pairs: [string, (x: number, y: number) => number, (x: number, y: number) => number][] = [
      ["atan2", detAtan2, Math.atan2],
      ["hypot", detHypot, Math.hypot],
      ["pow", detPow, Math.pow],
    ];
    for (const [name, f, g] of pairs) {
      for (const x of SPECIAL) {
        for (const y of SPECIAL) {
          check(`${name}(${x}, ${y})`, f(x, y), g(x, y), name === "hypot" ? 2 : 1);
        }
      }
    }
  });
});

describe("exact helpers", () => {
  it("powerOfTwo(k) = 2^k exactly, subnormals included; RangeError outside [-1074, 1023]", () => {
    let expected = 1;
    for (let k = 0; k <= 1023; k++, expected *= 2) assert.equal(powerOfTwo(k), expected);
    expected = 1;
    for (let k = 0; k >= -1074; k--, expected /= 2) assert.equal(powerOfTwo(k), expected);
    assert.equal(powerOfTwo(-1074), Number.MIN_VALUE);
    for (const bad of [1024, -1075, 0.5, Number.NaN]) {
      assert.throws(() => powerOfTwo(bad), RangeError);
    }
  });

  it("floorLog2(x) = ⌊log₂|x|⌋ exactly; RangeError for 0, ±Infinity, NaN", () => {
    for (let k = -1074; k <= 1023; k++) {
      const p = powerOfTwo(k);
      assert.equal(floorLog2(p), k);
      assert.equal(floorLog2(-p), k);
      if (k >= -1022) assert.equal(floorLog2(p * 1.9999999999999998), k);
      if (k > -1074) assert.equal(floorLog2(p - powerOfTwo(Math.max(k - 53, -1074))), k - 1);
    }
    for (const bad of [0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]) {
      assert.throws(() => floorLog2(bad), RangeError);
    }
  });
});

describe("golden values: bit-exact reproducibility across platforms", () => {
  it("first variates of each sampler and first eigenvalues of each model, seed-fixed", () => {
    const actual = goldenValues();
    for (const name of Object.keys(GOLDEN)) {
      assert.deepEqual(
        actual[name],
        GOLDEN[name],
        `${name}: the bits changed — the reproducibility contract is broken (same seed, different ` +
          "numbers). If intended, update GOLDEN in deterministicGolden.ts and bump the format version.",
      );
    }
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(GOLDEN).sort());
  });
});
