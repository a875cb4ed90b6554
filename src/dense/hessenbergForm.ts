/**
 * In-place Householder reduction of a complex n×n matrix A = re + i·im (row-major) to upper
 * Hessenberg form H = Q*AQ (same eigenvalues): for k = 0..n−3 the Hermitian reflector
 * P = I − τ v v*, v = x + e^{i arg x₀}‖x‖e₁ with x = A[k+1:, k], is applied as A ← P A P.
 * Entries below the subdiagonal are set to 0. (10/3)·4n³ real flops.
 * Reference: Golub & Van Loan, Matrix Computations, 4th ed., Alg. 7.4.2; LAPACK zgehd2.
 */
export function hessenbergForm(n: number, re: Float64Array, im: Float64Array): void {
  const vr = new Float64Array(n);
  const vi = new Float64Array(n);
  const ur = new Float64Array(n);
  const ui = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    let scale = 0;
    for (let i = k + 1; i < n; i++) {
      scale = Math.max(scale, Math.abs(re[i * n + k]), Math.abs(im[i * n + k]));
    }
    if (scale === 0) continue;
    let tail = 0;
    for (let i = k + 2; i < n; i++) {
      const xr = re[i * n + k] / scale;
      const xi = im[i * n + k] / scale;
      tail += xr * xr + xi * xi;
    }
    if (tail === 0) continue;
    const x0r = re[(k + 1) * n + k] / scale;
    const x0i = im[(k + 1) * n + k] / scale;
    const abs0 = Math.sqrt(x0r * x0r + x0i * x0i);
    const norm = Math.sqrt(tail + abs0 * abs0);
    const cr = abs0 > 0 ? x0r / abs0 : 1;
    const ci = abs0 > 0 ? x0i / abs0 : 0;
    vr[k + 1] = cr * (abs0 + norm);
    vi[k + 1] = ci * (abs0 + norm);
    for (let i = k + 2; i < n; i++) {
      vr[i] = re[i * n + k] / scale;
      vi[i] = im[i * n + k] / scale;
    }
    const tau = 1 / (norm * (norm + abs0));
    // Column k becomes −e^{i arg x₀}‖x‖ e₁.
    re[(k + 1) * n + k] = -cr * norm * scale;
    im[(k + 1) * n + k] = -ci * norm * scale;
    for (let i = k + 2; i < n; i++) {
      re[i * n + k] = 0;
      im[i * n + k] = 0;
    }
    // Left: rows k+1.., columns k+1..: u_j = Σ_i conj(v_i) A_ij, then A_ij −= τ v_i u_j.
    for (let j = k + 1; j < n; j++) {
      ur[j] = 0;
      ui[j] = 0;
    }
    for (let i = k + 1; i < n; i++) {
      const row = i * n;
      const a = vr[i];
      const b = -vi[i]; // conj(v_i)
      for (let j = k + 1; j < n; j++) {
        const xr = re[row + j];
        const xi = im[row + j];
        ur[j] += a * xr - b * xi;
        ui[j] += a * xi + b * xr;
      }
    }
    for (let i = k + 1; i < n; i++) {
      const row = i * n;
      const a = tau * vr[i];
      const b = tau * vi[i];
      for (let j = k + 1; j < n; j++) {
        const xr = ur[j];
        const xi = ui[j];
        re[row + j] -= a * xr - b * xi;
        im[row + j] -= a * xi + b * xr;
      }
    }
    // Right: all rows, columns k+1..: s = Σ_j A_rj v_j, then A_rj −= τ s conj(v_j).
    for (let r = 0; r < n; r++) {
      const row = r * n;
      let sr = 0;
      let si = 0;
      for (let j = k + 1; j < n; j++) {
        const xr = re[row + j];
        const xi = im[row + j];
        sr += xr * vr[j] - xi * vi[j];
        si += xr * vi[j] + xi * vr[j];
      }
      sr *= tau;
      si *= tau;
      for (let j = k + 1; j < n; j++) {
        // s·conj(v_j) = (sr + i si)(vr − i vi)
        re[row + j] -= sr * vr[j] + si * vi[j];
        im[row + j] -= si * vr[j] - sr * vi[j];
      }
    }
  }
}
