/**
 * The random source every sampler takes explicitly.
 *
 * Implementations are counter-based (Philox4x32-10, see ./philox.ts): a source is a
 * position in a stream fixed by (seed, sample index, substream), so the numbers of
 * sample i of seed K do not depend on batch size, worker count or platform.
 */
export interface RandomSource {
  /** Next uniform double in the open interval (0, 1), on a lattice of 52 random bits (see philox.ts). */
  uniform(): number;
  /** Next raw unsigned 32-bit integer, in [0, 2^32). */
  uint32(): number;
}
