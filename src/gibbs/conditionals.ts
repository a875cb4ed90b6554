/**
 * Exact conditional log-densities of the Gibbs sampler on Jacobi coefficients, for a polynomial
 * potential of ANY degree d, derived by walk counting (no per-degree formula is hand-written).
 *
 * Target (spec (★), §3.1): π(a, b) ∝ Π_n b_n^{β(N−n)/2−1} exp(−s·Tr V(J)), s = βN/2, where J has
 * diagonal a_1..a_N and off-diagonal √b_1..√b_{N−1}, and V(x) = Σ_k v_k x^k.
 *
 * Diagonal coefficient. Write J = J₀ + x·e_i e_iᵀ, where J₀ is J with a_i set to 0. Expanding
 * Tr (J₀ + x E)^k, a word with m letters E has trace Π_l c_{j_l}, where c_j = (J₀^j)_{ii} and the
 * j_l ≥ 0 are the cyclic gaps between consecutive E's (Σ j_l = k − m). Counting rotations,
 *     [x^m] Tr J^k = (k/m) · [t^{k−m}] C(t)^m,   C(t) = Σ_j c_j t^j,   m ≥ 1,
 * so the conditional of a_i is exp(Σ_m p_m x^m) with p_m = −s Σ_{k≥m} v_k (k/m) [t^{k−m}] C(t)^m.
 *
 * Off-diagonal coefficient. Write J = J₀ + √y (e_i e_{i+1}ᵀ + e_{i+1} e_iᵀ), J₀ = J with b_i = 0,
 * which splits into a left block (indices ≤ i) and a right block (≥ i+1). A closed walk crosses
 * the edge i–i+1 an even number 2m of times, alternating between the blocks, so with
 * L_j = (J₀^j)_{ii}, R_j = (J₀^j)_{i+1,i+1},
 *     [y^m] Tr J^k = (k/m) · [t^{k−2m}] (L(t) R(t))^m,   m ≥ 1,
 * and the conditional of b_i is y^{β(N−i)/2−1} exp(Σ_m p_m y^m) with
 * p_m = −s Σ_{k≥2m} v_k (k/m) [t^{k−2m}] (L(t)R(t))^m, of degree ⌊d/2⌋ in y.
 * (Check: k = 4 gives q₄ = x⁴ + 4S_i x² + 4T_i x and r₄ = 2y² + 4(a_i² + a_i a_{i+1} + a_{i+1}² +
 * b_{i−1} + b_{i+1}) y, the formulas of DPPy quoted in docs/theory.md §3.3.)
 *
 * The return moments c_j, L_j, R_j (j < d) are the diagonal entries of powers of a tridiagonal
 * matrix: c_{2p} = w_p·v_p and c_{2p+1} = w_p·v_{p+1} with v_p = M^p e_i, w_p = e_iᵀ M^p, using the
 * sqrt-free matrix M (diagonal a, superdiagonal 1, subdiagonal b), which has the same closed-walk
 * weights as J. Only a window of radius ⌊d/2⌋ around i enters: O(d²) work for the moments and
 * O(d³) for the polynomial powers, independent of N, and no allocation.
 */

/** Preallocated buffers for the conditionals of a potential of degree ≤ maxDegree. */
export interface ConditionalWork {
  readonly maxDegree: number;
  /** Local copy of a over the window (padded with zeros outside 1..N). */
  readonly localA: Float64Array;
  /** Local copy of b over the window (b between local nodes l and l+1; zero outside). */
  readonly localB: Float64Array;
  readonly v: Float64Array;
  readonly vNext: Float64Array;
  readonly w: Float64Array;
  readonly wNext: Float64Array;
  /** Return moments (c_j, or L_j then R_j). */
  readonly momentsLeft: Float64Array;
  readonly momentsRight: Float64Array;
  /** Generating-function power E(t) and the base series. */
  readonly series: Float64Array;
  readonly power: Float64Array;
}

/** Allocates the buffers for conditionals of potentials of degree ≤ maxDegree. */
export function createConditionalWork(maxDegree: number): ConditionalWork {
  if (!Number.isInteger(maxDegree) || maxDegree < 1) {
    throw new RangeError(`maxDegree must be an integer >= 1, got ${maxDegree}`);
  }
  const radius = Math.floor(maxDegree / 2) + 1;
  const width = 2 * radius + 2;
  return {
    maxDegree,
    localA: new Float64Array(width),
    localB: new Float64Array(width),
    v: new Float64Array(width),
    vNext: new Float64Array(width),
    w: new Float64Array(width),
    wNext: new Float64Array(width),
    momentsLeft: new Float64Array(maxDegree + 1),
    momentsRight: new Float64Array(maxDegree + 1),
    series: new Float64Array(maxDegree + 1),
    power: new Float64Array(maxDegree + 1),
  };
}

/**
 * Return moments out[j] = (M^j)_{cc}, j = 0..count−1, of the tridiagonal M with diagonal
 * la, superdiagonal 1 and subdiagonal lb (lb[l] couples local nodes l and l+1), i.e. the
 * closed-walk sums at node c of the Jacobi matrix with diagonal la and off-diagonal √lb.
 * Node c must be at least ⌈count/2⌉ away from both ends of the local window (width entries).
 */
function returnMoments(
  la: Float64Array,
  lb: Float64Array,
  width: number,
  c: number,
  count: number,
  work: ConditionalWork,
  out: Float64Array,
): void {
  let v = work.v;
  let vNext = work.vNext;
  let w = work.w;
  let wNext = work.wNext;
  for (let l = 0; l < width; l++) {
    v[l] = 0;
    w[l] = 0;
    vNext[l] = 0;
    wNext[l] = 0;
  }
  v[c] = 1;
  w[c] = 1;
  out[0] = 1;
  for (let p = 0; 2 * p + 1 < count; p++) {
    // vNext = M v on the support [c−p−1, c+p+1].
    const lo = c - p - 1;
    const hi = c + p + 1;
    for (let l = lo; l <= hi; l++) {
      vNext[l] = la[l] * v[l] + v[l + 1] + lb[l - 1] * v[l - 1];
    }
    // c_{2p+1} = w_p · v_{p+1}.
    let odd = 0;
    for (let l = c - p; l <= c + p; l++) odd += w[l] * vNext[l];
    out[2 * p + 1] = odd;
    if (2 * p + 2 < count) {
      // wNext = w M, then c_{2p+2} = w_{p+1} · v_{p+1}.
      for (let l = lo; l <= hi; l++) {
        wNext[l] = la[l] * w[l] + w[l - 1] + lb[l] * w[l + 1];
      }
      let even = 0;
      for (let l = lo; l <= hi; l++) even += wNext[l] * vNext[l];
      out[2 * p + 2] = even;
    }
    let t = v;
    v = vNext;
    vNext = t;
    t = w;
    w = wNext;
    wNext = t;
  }
}

/**
 * Copies a[first..first+width−1] and the b's between them into the padded local window
 * (zeros outside 0..n−1). Local node l is global node first + l; localB[l] is b between l, l+1.
 * The arrays are padded by one slot on each side (local index 1 is `first`).
 */
function loadWindow(
  a: Float64Array,
  b: Float64Array,
  n: number,
  first: number,
  width: number,
  work: ConditionalWork,
): void {
  const la = work.localA;
  const lb = work.localB;
  la[0] = 0;
  lb[0] = 0;
  la[width + 1] = 0;
  lb[width] = 0;
  lb[width + 1] = 0;
  for (let l = 0; l < width; l++) {
    const k = first + l;
    la[l + 1] = k >= 0 && k < n ? a[k] : 0;
    if (l < width - 1) lb[l + 1] = k >= 0 && k < n - 1 ? b[k] : 0;
  }
}

/**
 * Coefficients p_1..p_d (out[0] = 0) of the conditional log-density of the diagonal coefficient
 * a_i (0-based index i, 0 ≤ i < n): log π(a_i = x | rest) = Σ_m p_m x^m + const, for the potential
 * V(x) = Σ_k coeffs[k] x^k of degree d and s = βN/2. Returns d. O(d³), no allocation.
 * Reference: file header (walk counting on (★), docs/theory.md §3.3 for d ≤ 6).
 */
export function diagonalConditional(
  a: Float64Array,
  b: Float64Array,
  n: number,
  i: number,
  coeffs: ArrayLike<number>,
  degree: number,
  s: number,
  out: Float64Array,
  work: ConditionalWork,
): number {
  const d = degree;
  const radius = d >> 1;
  const width = 2 * radius + 1;
  loadWindow(a, b, n, i - radius, width, work);
  const c = radius + 1; // local index of node i (padding offset 1)
  work.localA[c] = 0;
  const moments = work.momentsLeft;
  returnMoments(work.localA, work.localB, width + 2, c, d, work, moments);
  // E(t) = C(t)^m truncated at degree d − m, for m = 1..d.
  const series = work.series;
  const power = work.power;
  for (let j = 0; j < d; j++) {
    series[j] = moments[j];
    power[j] = moments[j];
  }
  out[0] = 0;
  for (let m = 1; m <= d; m++) {
    let sum = 0;
    for (let k = m; k <= d; k++) sum += coeffs[k] * k * power[k - m];
    out[m] = (-s * sum) / m;
    // power ← power · series, truncated at degree d − m − 1 (in place, high degree first).
    for (let q = d - m - 1; q >= 0; q--) {
      let acc = power[q]; // series[0] = 1
      for (let r = 0; r < q; r++) acc += power[r] * series[q - r];
      power[q] = acc;
    }
  }
  return d;
}

/**
 * Coefficients p_1..p_{⌊d/2⌋} (out[0] = 0) of the conditional log-density of the off-diagonal
 * coefficient b_i (0-based i, 0 ≤ i < n−1, coupling a_i and a_{i+1}):
 * log π(b_i = y | rest) = (β(N−i−1)/2 − 1) log y + Σ_m p_m y^m + const (the caller adds the log
 * term). Returns ⌊d/2⌋. O(d³), no allocation.
 * Reference: file header (walk counting on (★), docs/theory.md §3.3 for d ≤ 6).
 */
export function offDiagonalConditional(
  a: Float64Array,
  b: Float64Array,
  n: number,
  i: number,
  coeffs: ArrayLike<number>,
  degree: number,
  s: number,
  out: Float64Array,
  work: ConditionalWork,
): number {
  const d = degree;
  const half = d >> 1;
  const radius = Math.max(half - 1, 0);
  const width = 2 * radius + 2; // nodes i − radius .. i + 1 + radius
  loadWindow(a, b, n, i - radius, width, work);
  const left = radius + 1; // local index of node i
  work.localB[left] = 0; // cut the edge i – i+1
  const count = Math.max(d - 1, 1); // L_j, R_j for j = 0..d−2
  const lm = work.momentsLeft;
  const rm = work.momentsRight;
  returnMoments(work.localA, work.localB, width + 2, left, count, work, lm);
  returnMoments(work.localA, work.localB, width + 2, left + 1, count, work, rm);
  // D(t) = L(t) R(t) truncated at degree d − 2.
  const series = work.series;
  const power = work.power;
  const top = d - 2;
  for (let q = 0; q <= top; q++) {
    let acc = 0;
    for (let r = 0; r <= q; r++) acc += lm[r] * rm[q - r];
    series[q] = acc;
    power[q] = acc;
  }
  out[0] = 0;
  for (let m = 1; m <= half; m++) {
    let sum = 0;
    for (let k = 2 * m; k <= d; k++) sum += coeffs[k] * k * power[k - 2 * m];
    out[m] = (-s * sum) / m;
    // power ← power · series, truncated at degree d − 2m − 2.
    for (let q = d - 2 * m - 2; q >= 0; q--) {
      let acc = power[q];
      for (let r = 0; r < q; r++) acc += power[r] * series[q - r];
      power[q] = acc;
    }
  }
  return half;
}
