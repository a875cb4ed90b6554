import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRandomSource, philox4x32 } from "../../src/random/philox.js";
import { assertKs, assertKsRejects, Z_LIMIT } from "../helpers/assertStats.js";

// Known-answer vectors: Random123 tests/kat_vectors (DEShawResearch/random123), the three
// "philox4x32 10" lines. Columns: counter (4 words), key (2 words), expected output (4 words).
const KAT: [number[], number[], number[]][] = [
  [
    [0, 0, 0, 0],
    [0, 0],
    [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8],
  ],
  [
    [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
    [0xffffffff, 0xffffffff],
    [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd],
  ],
  [
    [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344],
    [0xa4093822, 0x299f31d0],
    [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1],
  ],
];

function draw(seed: number, sample: number, substream: number, count: number): number[] {
  const rng = createRandomSource(seed, sample, substream);
  return Array.from({ length: count }, () => rng.uniform());
}

describe("philox4x32", () => {
  it("matches the Random123 known-answer vectors", () => {
    for (const [counter, key, expected] of KAT) {
      const out = new Uint32Array(4);
      philox4x32(Uint32Array.from(counter), Uint32Array.from(key), out);
      assert.deepEqual([...out], expected);
    }
  });
});

describe("createRandomSource", () => {
  it("follows the documented key/counter layout", () => {
    const seed = 2 ** 40 + 5;
    const sample = 2 ** 33 + 7;
    const substream = 3;
    const rng = createRandomSource(seed, sample, substream);
    const key = Uint32Array.from([seed % 2 ** 32, Math.floor(seed / 2 ** 32)]);
    const out = new Uint32Array(4);
    for (let block = 0; block < 3; block++) {
      const counter = Uint32Array.from([block, substream, sample % 2 ** 32, 2]);
      philox4x32(counter, key, out);
      for (let w = 0; w < 4; w++) assert.equal(rng.uint32(), out[w]);
    }
    // uniform() consumes two words: ((a >>> 6) 2^26 + (b >>> 6) + 1/2) / 2^52.
    const fresh = createRandomSource(seed, sample, substream);
    const a = fresh.uint32();
    const b = fresh.uint32();
    const u = createRandomSource(seed, sample, substream).uniform();
    assert.equal(u, ((a >>> 6) * 2 ** 26 + (b >>> 6) + 0.5) / 2 ** 52);
  });

  it("gives sample 7 of seed 42 the same numbers whatever was drawn before", () => {
    const alone = draw(42, 7, 0, 20);
    for (let s = 0; s < 7; s++) draw(42, s, 0, 1000);
    assert.deepEqual(draw(42, 7, 0, 20), alone);
  });

  it("gives different numbers for different samples, substreams and seeds", () => {
    const base = draw(42, 7, 0, 8);
    assert.notDeepEqual(draw(42, 8, 0, 8), base);
    assert.notDeepEqual(draw(42, 7, 1, 8), base);
    assert.notDeepEqual(draw(43, 7, 0, 8), base);
    assert.notDeepEqual(draw(42 + 2 ** 32, 7, 0, 8), base);
  });

  it("rejects invalid seeds, samples and substreams", () => {
    assert.throws(() => createRandomSource(-1), RangeError);
    assert.throws(() => createRandomSource(1.5), RangeError);
    assert.throws(() => createRandomSource(2 ** 53), RangeError);
    assert.throws(() => createRandomSource(Number.NaN), RangeError);
    assert.throws(() => createRandomSource(1, -1), RangeError);
    assert.throws(() => createRandomSource(1, 0, 2 ** 32), RangeError);
    assert.doesNotThrow(() => createRandomSource(2 ** 53 - 1, 2 ** 53 - 1, 2 ** 32 - 1));
  });

  it("uniform() is in the open interval (0,1) at the lattice extremes", () => {
    const smallest = (0 + 0.5) / 2 ** 52;
    const largest = (2 ** 52 - 1 + 0.5) / 2 ** 52;
    assert.ok(smallest > 0 && largest < 1);
    const rng = createRandomSource(1);
    for (let i = 0; i < 200_000; i++) {
      const u = rng.uniform();
      assert.ok(u > 0 && u < 1);
    }
  });

  it("uniform() is uniform on (0,1) (KS n = 2e5; false-alarm rate 1e-6) and uint32 bits are fair", () => {
    const rng = createRandomSource(2024, 3, 1);
    const n = 200_000;
    const us = new Float64Array(n);
    for (let i = 0; i < n; i++) us[i] = rng.uniform();
    assertKs(us, (u) => u, "uniform");
    assertKsRejects(us, (u) => u ** 1.03, "uniform vs u^1.03 (power check)");
    // Each of the 32 bit positions: count of ones ~ Binomial(n, 1/2), |z| < 5.
    const ones = new Float64Array(32);
    for (let i = 0; i < n; i++) {
      const w = rng.uint32();
      for (let bit = 0; bit < 32; bit++) ones[bit] += (w >>> bit) & 1;
    }
    for (let bit = 0; bit < 32; bit++) {
      const z = (ones[bit] - n / 2) / Math.sqrt(n / 4);
      assert.ok(Math.abs(z) < Z_LIMIT, `bit ${bit}: z = ${z}`);
    }
  });
});
