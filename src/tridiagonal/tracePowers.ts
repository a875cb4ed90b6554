/**
 * Traces of powers of a symmetric tridiagonal (Jacobi) matrix without its eigenvalues: the
 * moments Σ_i λ_i^k = Tr J^k, k = 0..d, in O(N d²). With them a polynomial linear statistic
 * Σ_i f(λ_i) = Σ_k f_k Tr J^k costs O(N) per sample for a fixed degree, against O(N²) for the
 * eigenvalues.
 */

/**
 * Tr J^k for k = 0..maxPower of the Jacobi matrix with diagonal a and squared off-diagonal b
 * (b_i = J_{i,i+1}², ≥ 0). For each i, the vector v_m = J^m e_i (supported on |j − i| ≤ m) is
 * formed for m ≤ ⌈maxPower/2⌉ and Tr J^{2m} = Σ_i ‖v_m‖², Tr J^{2m+1} = Σ_i v_mᵀ J v_m
 * (the diagonal entries e_iᵀ J^k e_i). O(N·maxPower²) operations, O(maxPower) memory besides the
 * output. Sums are plain left-to-right (the relative error of Tr J^k is ~ kN ε·Tr|J|^k).
 */
export function tracePowers(a: Float64Array, b: Float64Array, maxPower: number): Float64Array {
  const n = a.length;
  if (b.length !== Math.max(n - 1, 0)) {
    throw new RangeError(`tracePowers: b must have length ${n - 1}, got ${b.length}`);
  }
  if (!Number.isInteger(maxPower) || maxPower < 0 || maxPower > 1000) {
    throw new RangeError(`tracePowers: maxPower must be an integer in [0, 1000], got ${maxPower}`);
  }
  const out = new Float64Array(maxPower + 1);
  out[0] = n;
  if (maxPower === 0 || n === 0) return out;
  const half = Math.floor(maxPower / 2);
  const width = 2 * half + 3;
  // Off-diagonal entries β_i = √b_i.
  const beta = new Float64Array(Math.max(n - 1, 0));
  for (let i = 0; i < n - 1; i++) beta[i] = Math.sqrt(b[i]);
  let v = new Float64Array(width);
  let w = new Float64Array(width);
  for (let i = 0; i < n; i++) {
    // v holds (J^m e_i)_j at slot j − i + half + 1 (slots 0 and width − 1 stay 0 as guards).
    v.fill(0);
    w.fill(0);
    const centre = half + 1;
    v[centre] = 1;
    for (let m = 0; m <= half; m++) {
      const lo = Math.max(0, i - m);
      const hi = Math.min(n - 1, i + m);
      // Tr J^{2m} term: ‖v‖²; Tr J^{2m+1} term: vᵀ J v.
      let norm = 0;
      let quadratic = 0;
      for (let j = lo; j <= hi; j++) {
        const s = j - i + centre;
        const x = v[s];
        norm += x * x;
        let jv = a[j] * x;
        if (j > 0) jv += beta[j - 1] * v[s - 1];
        if (j < n - 1) jv += beta[j] * v[s + 1];
        quadratic += x * jv;
        w[s] = jv;
      }
      if (2 * m <= maxPower) out[2 * m] += m === 0 ? 0 : norm;
      if (2 * m + 1 <= maxPower) out[2 * m + 1] += quadratic;
      if (m === half) break;
      // v ← J v on the widened support [lo − 1, hi + 1].
      const nlo = Math.max(0, lo - 1);
      const nhi = Math.min(n - 1, hi + 1);
      for (let j = nlo; j <= nhi; j++) {
        const s = j - i + centre;
        if (j >= lo && j <= hi) continue;
        let jv = 0;
        if (j > 0 && j - 1 >= lo) jv += beta[j - 1] * v[s - 1];
        if (j < n - 1 && j + 1 <= hi) jv += beta[j] * v[s + 1];
        w[s] = jv;
      }
      const t = v;
      v = w;
      w = t;
      w.fill(0);
    }
  }
  return out;
}
