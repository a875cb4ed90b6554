/**
 * Philox4x32-10 counter-based random numbers (Salmon, Moraes, Dror, Shaw, "Parallel random
 * numbers: as easy as 1, 2, 3", SC11, 2011; reference implementation Random123).
 *
 * Reproducibility contract (do not change without bumping the output format version):
 *
 * - key  = (k0, k1) = (seed mod 2^32, floor(seed / 2^32)); seed is an integer in [0, 2^53 - 1].
 * - counter = (c0, c1, c2, c3) = (block index, substream, sample mod 2^32, floor(sample / 2^32));
 *   sample is an integer in [0, 2^53 - 1], substream an integer in [0, 2^32 - 1], and the block
 *   index starts at 0 and increases by one per block (at most 2^32 blocks per stream).
 * - Each block gives 4 words (w0, w1, w2, w3) = Philox4x32-10(counter, key), consumed in that
 *   order, across block boundaries, by both `uint32()` (one word) and `uniform()` (two words).
 * - uniform() takes the next two words a, b and returns ((a >>> 6) * 2^26 + (b >>> 6) + 0.5) / 2^52.
 *   Every such value is an exact double in [2^-53, 1 - 2^-53] (open interval (0, 1)), the lattice
 *   is symmetric (1 - u is again an exact lattice point) and the mean is exactly 1/2. 52 bits are
 *   used rather than 53 because (k + 0.5) / 2^53 is not representable for k >= 2^52 and would
 *   round up to 1.
 *
 * Hence sample i of seed K yields the same numbers however samples are batched or distributed.
 */
import type { RandomSource } from "./source.js";

/** Philox4x32 round multipliers and Weyl key increments (Salmon et al. 2011, Random123). */
const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const M0_HI = M0 >>> 16;
const M0_LO = M0 & 0xffff;
const M1_HI = M1 >>> 16;
const M1_LO = M1 & 0xffff;
const TWO32 = 4294967296;
const TWO26 = 67108864;
const TWO_POW_MINUS_52 = 2 ** -52;

/**
 * High 32 bits of the exact 64-bit product c * M, with M = mHi * 2^16 + mLo and c < 2^32,
 * by 16-bit schoolbook multiplication: every partial product is < 2^32, so exact in doubles,
 * and all shifts are integer operations.
 */
function mulHigh(c: number, mHi: number, mLo: number): number {
  const cHi = c >>> 16;
  const cLo = c & 0xffff;
  const lowLow = cLo * mLo;
  const lowHigh = cLo * mHi;
  const highLow = cHi * mLo;
  const middle = (lowLow >>> 16) + (lowHigh & 0xffff) + (highLow & 0xffff); // < 3 * 2^16
  return (cHi * mHi + (lowHigh >>> 16) + (highLow >>> 16) + (middle >>> 16)) >>> 0;
}

/**
 * Philox4x32-10 block function: 10 rounds of
 * (c0,c1,c2,c3) <- (hi(M1 c2) ^ c1 ^ k0, lo(M1 c2), hi(M0 c0) ^ c3 ^ k1, lo(M0 c0)),
 * with the key bumped by the Weyl constants between rounds (Salmon et al. SC11, §3.3).
 * Reads counter[0..3] and key[0..1], writes the 4 output words to `out` (may alias counter).
 */
export function philox4x32(counter: Uint32Array, key: Uint32Array, out: Uint32Array): void {
  let c0 = counter[0];
  let c1 = counter[1];
  let c2 = counter[2];
  let c3 = counter[3];
  let k0 = key[0];
  let k1 = key[1];
  for (let round = 0; round < 10; round++) {
    const hi0 = mulHigh(c0, M0_HI, M0_LO);
    const lo0 = Math.imul(c0, M0) >>> 0;
    const hi1 = mulHigh(c2, M1_HI, M1_LO);
    const lo1 = Math.imul(c2, M1) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
    k0 = (k0 + W0) >>> 0;
    k1 = (k1 + W1) >>> 0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}

function checkIndex(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be an integer in [0, ${max}], got ${value}`);
  }
}

/** A Philox stream; its position can be handed to the WebAssembly kernels and taken back. */
export class PhiloxSource implements RandomSource {
  private readonly key = new Uint32Array(2);
  private readonly counter = new Uint32Array(4);
  private readonly block = new Uint32Array(4);
  private position = 4; // index of the next unused word in `block`; 4 = block exhausted
  private blockIndex = 0;

  constructor(seed: number, sample: number, substream: number) {
    this.key[0] = seed % TWO32;
    this.key[1] = Math.floor(seed / TWO32);
    this.counter[1] = substream;
    this.counter[2] = sample % TWO32;
    this.counter[3] = Math.floor(sample / TWO32);
  }

  private refill(): void {
    if (this.blockIndex >= TWO32) {
      throw new RangeError("Philox stream exhausted (2^32 blocks); use another substream");
    }
    this.counter[0] = this.blockIndex;
    this.blockIndex++;
    philox4x32(this.counter, this.key, this.block);
    this.position = 0;
  }

  uint32(): number {
    if (this.position === 4) this.refill();
    return this.block[this.position++];
  }

  uniform(): number {
    const a = this.uint32() >>> 6;
    const b = this.uint32() >>> 6;
    return (a * TWO26 + b + 0.5) * TWO_POW_MINUS_52;
  }

  /**
   * Writes the stream and its position to out[0..12): [k0, k1, c1, c2, c3, next block index
   * (low word, high word), index of the next unused word of the current block (4 = used up), the
   * current block's 4 words] — the layout of the kernels' STREAM_STATE (asm/stream.ts).
   */
  saveState(out: Uint32Array): void {
    out[0] = this.key[0];
    out[1] = this.key[1];
    out[2] = this.counter[1];
    out[3] = this.counter[2];
    out[4] = this.counter[3];
    out[5] = this.blockIndex % TWO32;
    out[6] = Math.floor(this.blockIndex / TWO32);
    out[7] = this.position;
    out.set(this.block, 8);
  }

  /** Takes back the position written by saveState's layout (entries 5..12; same stream). */
  restoreState(from: Uint32Array): void {
    this.blockIndex = from[5] + from[6] * TWO32;
    this.position = from[7];
    this.block.set(from.subarray(8, 12));
  }
}

/**
 * A Philox4x32-10 stream for (seed, sample, substream); see the file header for the exact
 * key/counter layout and the uniform mapping (the reproducibility contract).
 *
 * @example
 * import { createRandomSource } from "betaens";
 * const rng = createRandomSource(42, 7); // sample 7 of seed 42: the same numbers on every machine
 * const u = rng.uniform(); // a double in (0, 1)
 */
export function createRandomSource(seed: number, sample = 0, substream = 0): RandomSource {
  checkIndex("seed", seed, Number.MAX_SAFE_INTEGER);
  checkIndex("sample", sample, Number.MAX_SAFE_INTEGER);
  checkIndex("substream", substream, TWO32 - 1);
  return new PhiloxSource(seed, sample, substream);
}
