/**
 * The Philox4x32-10 stream of src/random/philox.ts as uniforms: words are generated eight blocks
 * at a time (one block per i32x4 lane, two vectors interleaved) into a word buffer, and turned
 * into uniforms two at a time into a uniform buffer that the variate kernels read sequentially
 * (the kernels only ever take uniforms, so the words go in pairs from where the source stands).
 *
 * Contract (src/random/philox.ts): key = (k0, k1), counter = (block index, c1, c2, c3); the block
 * index starts where the JavaScript source stands and increases by one per block, at most 2^32
 * blocks per stream. The words are consumed in order w0, w1, w2, w3 of block j, then block j + 1.
 * streamBegin takes the JavaScript source's position (its current block and the index of the next
 * unused word in it), streamEnd writes back the position after the last word consumed, so the
 * JavaScript source continues exactly where the kernel stopped.
 *
 * Philox round (Salmon, Moraes, Dror & Shaw, SC11, 2011, §3.3): with the 64-bit products
 * M0·c0 and M1·c2, (c0, c1, c2, c3) ← (hi(M1 c2) ^ c1 ^ k0, lo(M1 c2), hi(M0 c0) ^ c3 ^ k1, lo(M0 c0)),
 * then k ← k + (W0, W1). The 64-bit products come from i64x2.extmul (32×32 → 64, exact).
 */

const M0: u32 = 0xd2511f53;
const M1: u32 = 0xcd9e8d57;
const W0: u32 = 0x9e3779b9;
const W1: u32 = 0xbb67ae85;

/** Blocks generated per refill of the word buffer (a multiple of 4). */
const BATCH_BLOCKS: i32 = 128;
/** The word buffer: leftover words (< 4) + one batch + lane padding. */
const WORDS: usize = memory.data(4 * (BATCH_BLOCKS * 4 + 40), 16);
/** Scratch for one group of eight blocks (streamEnd recomputes the block it stops in). */
const SCRATCH: usize = memory.data(128, 16);

/** State exchanged with JavaScript (u32 words): see streamBegin / streamEnd. */
export const STREAM_STATE: usize = memory.data(64, 16);

let key0: u32 = 0;
let key1: u32 = 0;
let ctr1: u32 = 0;
let ctr2: u32 = 0;
let ctr3: u32 = 0;
/** Index of the next block to generate into the buffer (≤ 2^32). */
let nextBlock: u64 = 0;
/** Index of the block the JavaScript source stood in at streamBegin, and its next word (0..4). */
let startBlockIndex: u64 = 0;
let startPosition: i32 = 4;
/** Read and end positions in the word buffer. */
let wordPos: i32 = 0;
let wordEnd: i32 = 0;
/** Words of the stream that exist (the source throws past 2^32 blocks), counted from streamBegin. */
let validWords: u64 = 0;

/** Set when a gamma sampler gave up after 1000 attempts (the JavaScript reference throws then). */
export let rejectionFailed: bool = false;

/** Uniforms per refill of the uniform buffer, and the buffer (leftovers + one batch + slack). */
const UNIFORM_BATCH: i32 = 256;
const UNIFORMS: usize = memory.data(8 * (2 * UNIFORM_BATCH + 16), 16);
/** Uniforms consumed before the current buffer contents; read and end positions in the buffer. */
let uniformsBefore: u64 = 0;
export let uniformPos: i32 = 0;
export let uniformEnd: i32 = 0;

/** hi and lo 32-bit halves of the lane-wise 64-bit products x·m. */
// @ts-ignore: decorator
@inline
function mulHi(x: v128, m: v128): v128 {
  return i32x4.shuffle(i64x2.extmul_low_i32x4_u(x, m), i64x2.extmul_high_i32x4_u(x, m), 1, 3, 5, 7);
}

/** Stores the four blocks held lane-wise in x0..x3 (block j in lane j) in block-major order. */
// @ts-ignore: decorator
@inline
function storeBlocks(dst: usize, x0: v128, x1: v128, x2: v128, x3: v128): void {
  const t0 = i32x4.shuffle(x0, x1, 0, 4, 1, 5);
  const t1 = i32x4.shuffle(x2, x3, 0, 4, 1, 5);
  const t2 = i32x4.shuffle(x0, x1, 2, 6, 3, 7);
  const t3 = i32x4.shuffle(x2, x3, 2, 6, 3, 7);
  v128.store(dst, i64x2.shuffle(t0, t1, 0, 2));
  v128.store(dst, i64x2.shuffle(t0, t1, 1, 3), 16);
  v128.store(dst, i64x2.shuffle(t2, t3, 0, 2), 32);
  v128.store(dst, i64x2.shuffle(t2, t3, 1, 3), 48);
}

/** Key words of the 10 rounds, splatted: KEYS[2r], KEYS[2r + 1] (set by streamBegin). */
const KEYS: usize = memory.data(16 * 20, 16);

/**
 * Writes Philox4x32-10 of blocks first … first + 7 (block-major, 32 words) to dst: two groups of
 * four blocks, one block per i32x4 lane, interleaved so that their rounds overlap.
 */
// @ts-ignore: decorator
@inline
function philox8Blocks(dst: usize, first: u32): void {
  let x0 = i32x4(first, first + 1, first + 2, first + 3);
  let y0 = i32x4(first + 4, first + 5, first + 6, first + 7);
  let x1 = i32x4.splat(ctr1);
  let y1 = x1;
  let x2 = i32x4.splat(ctr2);
  let y2 = x2;
  let x3 = i32x4.splat(ctr3);
  let y3 = x3;
  const m0 = i32x4.splat(M0);
  const m1 = i32x4.splat(M1);
  for (let r: usize = 0; r < 10; r++) {
    const k0 = v128.load(KEYS + (r << 5));
    const k1 = v128.load(KEYS + (r << 5), 16);
    const hx0 = mulHi(x0, m0);
    const lx0 = i32x4.mul(x0, m0);
    const hx1 = mulHi(x2, m1);
    const lx1 = i32x4.mul(x2, m1);
    const hy0 = mulHi(y0, m0);
    const ly0 = i32x4.mul(y0, m0);
    const hy1 = mulHi(y2, m1);
    const ly1 = i32x4.mul(y2, m1);
    x0 = v128.xor(v128.xor(hx1, x1), k0);
    x1 = lx1;
    x2 = v128.xor(v128.xor(hx0, x3), k1);
    x3 = lx0;
    y0 = v128.xor(v128.xor(hy1, y1), k0);
    y1 = ly1;
    y2 = v128.xor(v128.xor(hy0, y3), k1);
    y3 = ly0;
  }
  storeBlocks(dst, x0, x1, x2, x3);
  storeBlocks(dst + 64, y0, y1, y2, y3);
}

function setKeys(): void {
  let k0 = key0;
  let k1 = key1;
  for (let r: usize = 0; r < 10; r++) {
    v128.store(KEYS + (r << 5), i32x4.splat(k0));
    v128.store(KEYS + (r << 5), i32x4.splat(k1), 16);
    k0 += W0;
    k1 += W1;
  }
}

/**
 * Starts a stream at the JavaScript source's position: STREAM_STATE holds
 * [k0, k1, c1, c2, c3, blockIndex lo, blockIndex hi, position, w0, w1, w2, w3], where blockIndex
 * is the index of the next block to generate and w0..w3 the current block (position = index of
 * its next unused word, 4 if used up).
 */
export function streamBegin(): void {
  const s = STREAM_STATE;
  key0 = load<u32>(s);
  key1 = load<u32>(s, 4);
  ctr1 = load<u32>(s, 8);
  ctr2 = load<u32>(s, 12);
  ctr3 = load<u32>(s, 16);
  nextBlock = u64(load<u32>(s, 20)) | (u64(load<u32>(s, 24)) << 32);
  startBlockIndex = nextBlock;
  setKeys();
  startPosition = load<i32>(s, 28);
  wordPos = 0;
  wordEnd = 0;
  for (let j = startPosition; j < 4; j++) {
    store<u32>(WORDS + (<usize>wordEnd << 2), load<u32>(s + 32 + (<usize>j << 2)));
    wordEnd++;
  }
  validWords = <u64>wordEnd;
  uniformsBefore = 0;
  uniformPos = 0;
  uniformEnd = 0;
  rejectionFailed = false;
}

/** Refills the word buffer with the next BATCH_BLOCKS blocks, keeping unread words in front. */
function refillWords(): void {
  const left = wordEnd - wordPos;
  for (let j = 0; j < left; j++) {
    store<u32>(WORDS + (<usize>j << 2), load<u32>(WORDS + (<usize>(wordPos + j) << 2)));
  }
  wordPos = 0;
  wordEnd = left;
  const available = (<u64>1 << 32) - nextBlock;
  const blocks = available < <u64>BATCH_BLOCKS ? <i32>available : BATCH_BLOCKS;
  const first = <u32>nextBlock;
  for (let b = 0; b < blocks; b += 8) {
    philox8Blocks(WORDS + (<usize>(wordEnd + 4 * b) << 2), first + <u32>b);
  }
  // Past block 2^32 − 1 the source throws: zeros stand in, and streamExhausted() reports it.
  if (blocks < BATCH_BLOCKS) {
    memory.fill(WORDS + (<usize>(wordEnd + 4 * blocks) << 2), 0, (BATCH_BLOCKS - blocks) * 16);
  }
  wordEnd += BATCH_BLOCKS * 4;
  nextBlock += <u64>blocks;
  validWords += <u64>(blocks * 4);
}


/**
 * Refills the uniform buffer with UNIFORM_BATCH more uniforms, keeping unread ones in front:
 * uniform() of philox.ts, ((a >>> 6)·2^26 + (b >>> 6) + 0.5)·2^−52 for the next two words a, b,
 * two uniforms per vector (every step exact, as in JavaScript).
 */
export function refillUniforms(): void {
  const left = uniformEnd - uniformPos;
  for (let j = 0; j < left; j++) {
    store<f64>(UNIFORMS + (<usize>j << 3), load<f64>(UNIFORMS + (<usize>(uniformPos + j) << 3)));
  }
  uniformsBefore += <u64>uniformPos;
  uniformPos = 0;
  uniformEnd = left;
  for (let j = 0; j < UNIFORM_BATCH; j += 2) {
    if (wordEnd - wordPos < 4) refillWords();
    const w = i32x4.shr_u(v128.load(WORDS + (<usize>wordPos << 2)), 6);
    wordPos += 4;
    const a = f64x2.convert_low_i32x4_u(i32x4.shuffle(w, w, 0, 2, 0, 2));
    const b = f64x2.convert_low_i32x4_u(i32x4.shuffle(w, w, 1, 3, 1, 3));
    const u = f64x2.mul(
      f64x2.add(f64x2.add(f64x2.mul(a, f64x2(67108864, 67108864)), b), f64x2(0.5, 0.5)),
      f64x2(2.220446049250313e-16, 2.220446049250313e-16),
    );
    v128.store(UNIFORMS + (<usize>(uniformEnd + j) << 3), u);
  }
  uniformEnd += UNIFORM_BATCH;
}

/** The next uniform of the stream (uniform() of philox.ts). */
// @ts-ignore: decorator
@inline
export function uniform(): f64 {
  if (uniformPos >= uniformEnd) refillUniforms();
  const u = load<f64>(UNIFORMS + (<usize>uniformPos << 3));
  uniformPos++;
  return u;
}

/** Moves the read position of the uniform buffer (to a position saved from uniformPos). */
// @ts-ignore: decorator
@inline
export function seekUniform(position: i32): void {
  uniformPos = position;
}

/** Address of the next uniform, with at least `count` (≤ UNIFORM_BATCH) available from there. */
// @ts-ignore: decorator
@inline
export function uniformsAhead(count: i32): usize {
  if (uniformEnd - uniformPos < count) refillUniforms();
  return UNIFORMS + (<usize>uniformPos << 3);
}

/** Words consumed since streamBegin: two per uniform taken. */
// @ts-ignore: decorator
@inline
function consumedWords(): u64 {
  return (uniformsBefore + <u64>uniformPos) << 1;
}

/** Whether a word past block 2^32 − 1 was consumed (the JavaScript source throws there). */
export function streamExhausted(): bool {
  return consumedWords() > validWords;
}

/**
 * Writes the position after the last consumed word to STREAM_STATE as
 * [blockIndex lo, blockIndex hi, position, w0, w1, w2, w3] at offsets 20..48 (same layout as
 * streamBegin), or leaves it unchanged if nothing was consumed.
 */
export function streamEnd(): void {
  const consumed = consumedWords();
  if (consumed === 0) return;
  const s = STREAM_STATE;
  const initial = <u64>(4 - startPosition);
  if (consumed <= initial) {
    store<i32>(s, startPosition + <i32>consumed, 28);
    return;
  }
  const rest = consumed - initial;
  const blocks = (rest + 3) >> 2; // blocks started after the initial one
  const last = startBlockIndex + blocks - 1;
  const position = <i32>(rest - ((blocks - 1) << 2));
  philox8Blocks(SCRATCH, <u32>last);
  const next = last + 1;
  store<u32>(s, <u32>next, 20);
  store<u32>(s, <u32>(next >> 32), 24);
  store<i32>(s, position, 28);
  for (let j = 0; j < 4; j++) {
    store<u32>(s + 32 + (<usize>j << 2), load<u32>(SCRATCH + (<usize>j << 2)));
  }
}

/** Test hook: fills dst with the next `count` uniforms of the stream. */
export function streamUniforms(dst: usize, count: i32): void {
  for (let j = 0; j < count; j++) store<f64>(dst + (<usize>j << 3), uniform());
}
