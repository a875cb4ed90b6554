/**
 * Exact sums of doubles, and moments from exact power sums, so that a statistic merged from any
 * number of shards (in any grouping) is bit-identical to the one-process value.
 *
 * A double is m·2^e with an integer |m| < 2^53 and e ≥ −1074, i.e. an integer multiple of
 * 2^−1074. ExactSum keeps Σ x_i exactly as an integer in units of 2^−1074, in 32-bit limbs held
 * by doubles (a "long accumulator": Kulisch & Miranker, Computer Arithmetic in Theory and
 * Practice, 1981; Neal, "Fast exact summation using small and large superaccumulators",
 * arXiv:1505.05571, 2015): adding a double touches three limbs, carries are propagated only
 * every 2^20 additions. The value is read out as a BigInt and rounded once (round to nearest,
 * ties to even). Powers x², x³, x⁴ are split exactly into sums of doubles by Dekker's product
 * (Dekker, Numer. Math. 18, 1971) before they are added, so the power sums are those of the exact
 * powers (exact for 2^−200 ≤ |x| ≤ 2^200; outside, the error terms below 2^−1074 are lost).
 * Browser-safe.
 */

/** Bits per limb; limb k holds weight 2^(32k − 1074). */
const LIMB_BITS = 32;
const LIMB = 2 ** LIMB_BITS;
/** Limbs: 2^(32·70 − 1074) = 2^1166 > the largest double times 2^140 additions. */
const LIMBS = 70;
/** Additions between two carry propagations (each adds < 2^32 in magnitude to a limb). */
const NORMALISE_EVERY = 2 ** 20;

const view = new DataView(new ArrayBuffer(8));
/** POW2[r] = 2^r, r = 0 … 32. */
const POW2 = Float64Array.from({ length: 33 }, (_, r) => pow2(r));

/** 2^k for an integer k in [−1074, 1023], exactly (from the bits). */
export function pow2(k: number): number {
  if (k >= -1022) {
    view.setUint32(0, ((k + 1023) << 20) >>> 0);
    view.setUint32(4, 0);
    return view.getFloat64(0);
  }
  // Subnormal 2^k: bit (k + 1074) of the 52-bit fraction.
  const bit = k + 1074;
  view.setUint32(0, bit >= 32 ? 1 << (bit - 32) : 0);
  view.setUint32(4, bit < 32 ? (1 << bit) >>> 0 : 0);
  return view.getFloat64(0);
}

/** x·2^k for any integer k, exact while the result is normal (steps of at most 2^±1000). */
function scaleByPowerOfTwo(x: number, k: number): number {
  while (k > 1000) {
    x *= pow2(1000);
    k -= 1000;
  }
  while (k < -1000) {
    x *= pow2(-1000);
    k += 1000;
  }
  return x * pow2(k);
}

/** Bit length of a positive BigInt. */
function bitLength(a: bigint): number {
  const hex = a.toString(16);
  return (hex.length - 1) * 4 + Math.floor(Math.log2(Number.parseInt(hex[0], 16))) + 1;
}

/**
 * num/den rounded once to the nearest double (ties to even; den ≠ 0). Exact rounding while the
 * quotient is a normal double.
 */
export function bigRatioToNumber(num: bigint, den: bigint): number {
  if (den === 0n) throw new RangeError("division by zero");
  if (num === 0n) return 0;
  const negative = num < 0n !== den < 0n;
  const a = num < 0n ? -num : num;
  const b = den < 0n ? -den : den;
  // q = ⌊a·2^s/b⌋ with 66 or 67 bits; a sticky bit for a non-zero remainder keeps the rounding
  // of Number(q) (to 53 bits) exact: the tie position lies ≥ 12 bits above the sticky bit.
  const s = 66 - (bitLength(a) - bitLength(b));
  const scaledA = s >= 0 ? a << BigInt(s) : a;
  const scaledB = s >= 0 ? b : b << BigInt(-s);
  let q = scaledA / scaledB;
  if (q * scaledB !== scaledA) q |= 1n;
  const value = scaleByPowerOfTwo(Number(q), -s);
  return negative ? -value : value;
}

/** An exact running sum of doubles (see the file comment). */
export class ExactSum {
  private readonly limbs = new Float64Array(LIMBS);
  private pending = 0;
  /** Count of +∞, −∞ and NaN terms (these make the sum non-finite). */
  private positiveInfinite = 0;
  private negativeInfinite = 0;
  private nan = 0;

  /** Adds x exactly. */
  add(x: number): void {
    if (x === 0) return;
    if (!Number.isFinite(x)) {
      if (Number.isNaN(x)) this.nan++;
      else if (x > 0) this.positiveInfinite++;
      else this.negativeInfinite++;
      return;
    }
    const sign = x < 0 ? -1 : 1;
    // x = m·2^(p − 1074), m an integer < 2^53, p ≥ 0.
    view.setFloat64(0, x);
    const hi = view.getUint32(0);
    const biased = (hi >>> 20) & 0x7ff;
    const fraction = (hi & 0xfffff) * LIMB + view.getUint32(4);
    const m = biased === 0 ? fraction : fraction + 2 ** 52;
    const p = biased === 0 ? 0 : biased - 1;
    const k = Math.floor(p / LIMB_BITS);
    const r = p - k * LIMB_BITS;
    // m·2^r split into three limbs: low 32 − r bits of m shifted up by r, then the rest.
    const lowBits = POW2[LIMB_BITS - r];
    const rest = Math.floor(m / lowBits);
    const low = (m - rest * lowBits) * POW2[r];
    const mid = rest % LIMB;
    const high = (rest - mid) / LIMB;
    const limbs = this.limbs;
    limbs[k] += sign * low;
    limbs[k + 1] += sign * mid;
    limbs[k + 2] += sign * high;
    if (++this.pending >= NORMALISE_EVERY) this.normalise();
  }

  /** Adds every term of another exact sum. */
  addSum(other: ExactSum): void {
    other.normalise();
    this.normalise();
    for (let k = 0; k < LIMBS; k++) this.limbs[k] += other.limbs[k];
    this.positiveInfinite += other.positiveInfinite;
    this.negativeInfinite += other.negativeInfinite;
    this.nan += other.nan;
    this.pending = 1;
    this.normalise();
  }

  /** Propagates carries so that every limb but the top one lies in [0, 2^32). */
  private normalise(): void {
    const limbs = this.limbs;
    let carry = 0;
    for (let k = 0; k < LIMBS - 1; k++) {
      const v = limbs[k] + carry;
      const low = v - Math.floor(v / LIMB) * LIMB;
      carry = (v - low) / LIMB;
      limbs[k] = low;
    }
    limbs[LIMBS - 1] += carry;
    this.pending = 0;
  }

  /** Non-finite state: NaN, +∞ or −∞ if a term was non-finite, else undefined. */
  private nonFinite(): number | undefined {
    if (this.nan > 0 || (this.positiveInfinite > 0 && this.negativeInfinite > 0)) return Number.NaN;
    if (this.positiveInfinite > 0) return Number.POSITIVE_INFINITY;
    if (this.negativeInfinite > 0) return Number.NEGATIVE_INFINITY;
    return undefined;
  }

  /** The exact sum as an integer in units of 2^−1074 (0 when a term was non-finite). */
  scaled(): bigint {
    this.normalise();
    let value = 0n;
    for (let k = LIMBS - 1; k >= 0; k--) value = (value << 32n) + BigInt(this.limbs[k]);
    return value;
  }

  /** The sum rounded once to the nearest double. */
  value(): number {
    return this.nonFinite() ?? bigRatioToNumber(this.scaled(), 1n << 1074n);
  }

  /** A text that restores the sum exactly (fromText): the scaled integer and any non-finite terms. */
  toText(): string {
    const nonFinite =
      this.nan + this.positiveInfinite + this.negativeInfinite > 0
        ? `;${this.nan},${this.positiveInfinite},${this.negativeInfinite}`
        : "";
    return `${this.scaled().toString(16)}${nonFinite}`;
  }

  /** The sum written by toText. */
  static fromText(text: string): ExactSum {
    const match = /^(-?[0-9a-f]+)(?:;(\d+),(\d+),(\d+))?$/.exec(text);
    if (!match) throw new RangeError(`not an exact sum: "${text.slice(0, 40)}"`);
    const sum = new ExactSum();
    const negative = match[1].startsWith("-");
    let v = BigInt(`0x${negative ? match[1].slice(1) : match[1]}`);
    if (negative) v = -v;
    // Back to limbs, low limb first; limbs may be negative only at the top.
    const mask = (1n << 32n) - 1n;
    let rest = v;
    for (let k = 0; k < LIMBS - 1; k++) {
      sum.limbs[k] = Number(rest & mask);
      rest >>= 32n;
    }
    sum.limbs[LIMBS - 1] = Number(rest);
    if (match[2] !== undefined) {
      sum.nan = Number(match[2]);
      sum.positiveInfinite = Number(match[3]);
      sum.negativeInfinite = Number(match[4]);
    }
    return sum;
  }
}

/**
 * a·b = p + e exactly, written to out[at], out[at + 1] (Dekker 1971, with Veltkamp's split into
 * 26-bit halves; no overflow, no underflow of e assumed).
 */
function twoProduct(a: number, b: number, out: Float64Array, at: number): void {
  const p = a * b;
  const ca = 134217729 * a; // 2^27 + 1
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = 134217729 * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  out[at] = p;
  out[at + 1] = al * bl - (p - ah * bh - al * bh - ah * bl);
}

const terms = new Float64Array(8);

/**
 * Exact power sums Σ1, Σx, Σx², Σx³, Σx⁴ of a sample, mergeable in any order: the moments of a
 * run split over shards are bit-identical to those of one process.
 */
export class PowerSums {
  count = 0;
  readonly sums = [new ExactSum(), new ExactSum(), new ExactSum(), new ExactSum()];

  add(x: number): void {
    this.count++;
    const [s1, s2, s3, s4] = this.sums;
    s1.add(x);
    twoProduct(x, x, terms, 0); // x² = p + e
    const p = terms[0];
    const e = terms[1];
    s2.add(p);
    s2.add(e);
    twoProduct(p, x, terms, 2); // x³ = p·x + e·x
    twoProduct(e, x, terms, 4);
    for (let i = 2; i < 6; i++) s3.add(terms[i]);
    twoProduct(p, p, terms, 0); // x⁴ = p² + 2pe + e²
    twoProduct(p, e, terms, 2);
    twoProduct(e, e, terms, 4);
    s4.add(terms[0]);
    s4.add(terms[1]);
    s4.add(2 * terms[2]);
    s4.add(2 * terms[3]);
    s4.add(terms[4]);
    s4.add(terms[5]);
  }

  merge(other: PowerSums): void {
    this.count += other.count;
    for (let k = 0; k < 4; k++) this.sums[k].addSum(other.sums[k]);
  }

  toJSON(): { count: number; sums: string[] } {
    return { count: this.count, sums: this.sums.map((s) => s.toText()) };
  }

  static fromJSON(value: { count: number; sums: string[] }): PowerSums {
    const p = new PowerSums();
    p.count = value.count;
    value.sums.forEach((text, k) => {
      p.sums[k].addSum(ExactSum.fromText(text));
    });
    return p;
  }
}

/** Moments computed from exact power sums, each rounded once from exact rational arithmetic. */
export interface SampleMoments {
  count: number;
  mean: number;
  /** Unbiased variance Σ(x − x̄)²/(n − 1) (NaN for n < 2). */
  variance: number;
  /** g₁ = m₃/m₂^{3/2} with the biased central moments m_k = Σ(x − x̄)^k/n (NaN for n < 2). */
  skewness: number;
  /** g₂ = m₄/m₂² − 3 (NaN for n < 2). */
  excessKurtosis: number;
}

/**
 * Mean, variance, skewness and excess kurtosis from exact power sums: with T_k the sums in units
 * of D = 2^−1074 (S_k = T_k·D), n·m₂·n = n S₂ − S₁², n³m₃ = n²S₃ − 3nS₁S₂ + 2S₁³,
 * n⁴m₄ = n³S₄ − 4n²S₁S₃ + 6nS₁²S₂ − 3S₁⁴, each numerator an exact integer.
 */
export function momentsFromPowerSums(p: PowerSums): SampleMoments {
  const n = p.count;
  if (n === 0) throw new RangeError("moments of an empty sample");
  const values = p.sums.map((s) => s.value());
  const nanOut = {
    count: n,
    mean: Number.NaN,
    variance: Number.NaN,
    skewness: Number.NaN,
    excessKurtosis: Number.NaN,
  };
  if (!values.every(Number.isFinite)) return { ...nanOut, mean: values[0] / n };
  const [t1, t2, t3, t4] = p.sums.map((s) => s.scaled());
  const N = BigInt(n);
  const D = 1n << 1074n; // 1/unit
  const mean = bigRatioToNumber(t1, N * D);
  if (n < 2) return { ...nanOut, mean };
  const c2 = N * t2 * D - t1 * t1; // n²m₂ · D²
  const c3 = N * N * t3 * D * D - 3n * N * t1 * t2 * D + 2n * t1 * t1 * t1; // n³m₃ · D³
  const c4 =
    N * N * N * t4 * D * D * D -
    4n * N * N * t1 * t3 * D * D +
    6n * N * t1 * t1 * t2 * D -
    3n * t1 * t1 * t1 * t1; // n⁴m₄ · D⁴
  const variance = bigRatioToNumber(c2, N * (N - 1n) * D * D);
  const m2 = bigRatioToNumber(c2, N * N * D * D);
  const m3 = bigRatioToNumber(c3, N * N * N * D * D * D);
  const m4 = bigRatioToNumber(c4, N * N * N * N * D * D * D * D);
  return {
    count: n,
    mean,
    variance,
    skewness: m3 / (m2 * Math.sqrt(m2)),
    excessKurtosis: m4 / (m2 * m2) - 3,
  };
}
