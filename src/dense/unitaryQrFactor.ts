/**
 * The unitary factor Q of the QR decomposition A = QR of a complex n×n matrix A = re + i·im
 * (row-major), normalised so that R has a real positive diagonal: Householder QR
 * (H_k = I − τ v v*, R_kk = −e^{i arg x₀}‖x‖), Q = H₀H₁…H_{n−1} accumulated backwards, then
 * Q ← Q·diag(R_kk/|R_kk|). For A with i.i.d. standard complex Gaussian entries this Q is
 * Haar-distributed on U(n) (Mezzadri's phase fix). A is not modified. O(n³).
 * Reference: Mezzadri, "How to generate random matrices from the classical compact groups",
 * Notices AMS 54 (2007) 592–604; Golub & Van Loan, Matrix Computations, 4th ed., §5.2.
 */
export function unitaryQrFactor(
  n: number,
  re: Float64Array,
  im: Float64Array,
): { re: Float64Array; im: Float64Array } {
  if (re.length !== n * n || im.length !== n * n) {
    throw new RangeError(`unitaryQrFactor: expected arrays of length n*n = ${n * n}`);
  }
  const ar = Float64Array.from(re);
  const ai = Float64Array.from(im);
  // Reflector k: v stored in column k of (vr, vi) rows k..n−1, τ_k, and the phase of R_kk.
  const vr = new Float64Array(n * n);
  const vi = new Float64Array(n * n);
  const tau = new Float64Array(n);
  const phaseRe = new Float64Array(n);
  const phaseIm = new Float64Array(n);
  const ur = new Float64Array(n);
  const ui = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let scale = 0;
    for (let i = k; i < n; i++)
      scale = Math.max(scale, Math.abs(ar[i * n + k]), Math.abs(ai[i * n + k]));
    if (scale === 0) {
      phaseRe[k] = 1;
      continue; // τ = 0: H_k = I, R_kk = 0
    }
    let sum = 0;
    for (let i = k; i < n; i++) {
      const xr = ar[i * n + k] / scale;
      const xi = ai[i * n + k] / scale;
      vr[i * n + k] = xr;
      vi[i * n + k] = xi;
      sum += xr * xr + xi * xi;
    }
    const norm = Math.sqrt(sum);
    const x0r = vr[k * n + k];
    const x0i = vi[k * n + k];
    const abs0 = Math.sqrt(x0r * x0r + x0i * x0i);
    const cr = abs0 > 0 ? x0r / abs0 : 1;
    const ci = abs0 > 0 ? x0i / abs0 : 0;
    vr[k * n + k] = cr * (abs0 + norm);
    vi[k * n + k] = ci * (abs0 + norm);
    tau[k] = 1 / (norm * (norm + abs0));
    phaseRe[k] = -cr;
    phaseIm[k] = -ci;
    applyReflector(n, k, vr, vi, tau[k], ar, ai, k + 1, ur, ui);
  }
  // Q = H₀…H_{n−1}: start from I and apply H_k to rows/columns k.. for k = n−1 down to 0.
  const qr = new Float64Array(n * n);
  const qi = new Float64Array(n * n);
  for (let i = 0; i < n; i++) qr[i * n + i] = 1;
  for (let k = n - 1; k >= 0; k--) {
    if (tau[k] !== 0) applyReflector(n, k, vr, vi, tau[k], qr, qi, k, ur, ui);
  }
  // Mezzadri: multiply column k by R_kk/|R_kk|.
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const xr = qr[i * n + k];
      const xi = qi[i * n + k];
      qr[i * n + k] = xr * phaseRe[k] - xi * phaseIm[k];
      qi[i * n + k] = xr * phaseIm[k] + xi * phaseRe[k];
    }
  }
  return { re: qr, im: qi };
}

/** A[k:, from:] ← (I − τ v v*) A[k:, from:], with v in column k of (vr, vi), rows k..n−1. */
function applyReflector(
  n: number,
  k: number,
  vr: Float64Array,
  vi: Float64Array,
  tau: number,
  ar: Float64Array,
  ai: Float64Array,
  from: number,
  ur: Float64Array,
  ui: Float64Array,
): void {
  for (let j = from; j < n; j++) {
    ur[j] = 0;
    ui[j] = 0;
  }
  for (let i = k; i < n; i++) {
    const a = vr[i * n + k];
    const b = -vi[i * n + k];
    const row = i * n;
    for (let j = from; j < n; j++) {
      const xr = ar[row + j];
      const xi = ai[row + j];
      ur[j] += a * xr - b * xi;
      ui[j] += a * xi + b * xr;
    }
  }
  for (let i = k; i < n; i++) {
    const a = tau * vr[i * n + k];
    const b = tau * vi[i * n + k];
    const row = i * n;
    for (let j = from; j < n; j++) {
      const xr = ur[j];
      const xi = ui[j];
      ar[row + j] -= a * xr - b * xi;
      ai[row + j] -= a * xi + b * xr;
    }
  }
}
