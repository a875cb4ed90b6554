/** Unit roundoff 2^−53 and the smallest normalised double (LAPACK dlamch 'E', 'S'). */
const EPS = 2 ** -53;
const SAFE_MIN = 2 ** -1022;
/** Average QR sweeps allowed per eigenvalue before giving up (LAPACK zlahqr uses 30). */
const MAX_SWEEPS_PER_EIGENVALUE = 30;

/** |Re z| + |Im z|, the cheap modulus LAPACK uses in deflation tests (cabs1). */
function abs1(r: number, i: number): number {
  return Math.abs(r) + Math.abs(i);
}

/**
 * All eigenvalues of a complex upper Hessenberg n×n matrix H = re + i·im (row-major; entries below
 * the subdiagonal are ignored), by the implicit single-shift complex QR algorithm: on the active
 * window [l, m] a Givens rotation built from (h_ll − μ, h_{l+1,l}) is applied as a similarity and
 * the bulge chased down the subdiagonal; μ is the Wilkinson shift (eigenvalue of the trailing 2×2
 * block nearest h_mm), with exceptional shifts every 10 sweeps; h_{k,k−1} is set to zero when
 * |h_{k,k−1}| ≤ ε(|h_{k−1,k−1}| + |h_kk|). Only eigenvalues are computed, so rotations are applied
 * inside the window only. H is overwritten. Throws an Error if the iteration does not converge.
 * Reference: Golub & Van Loan, Matrix Computations, 4th ed., §7.5; LAPACK zlahqr.
 */
export function hessenbergEigenvalues(
  n: number,
  re: Float64Array,
  im: Float64Array,
): { re: Float64Array; im: Float64Array } {
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  // Scale of the matrix, for deflation next to zero diagonal entries.
  let norm = 0;
  for (let i = 0; i < n; i++) {
    for (let j = Math.max(0, i - 1); j < n; j++)
      norm = Math.max(norm, abs1(re[i * n + j], im[i * n + j]));
  }
  // Subdiagonals below this are negligible whatever the diagonal (zlahqr's smlnum).
  const small = SAFE_MIN * (n / EPS);
  let m = n - 1;
  let sweeps = 0;
  let total = 0;
  const maxTotal = MAX_SWEEPS_PER_EIGENVALUE * Math.max(n, 10);
  while (m >= 0) {
    // Find the start l of the unreduced block ending at m.
    let l = m;
    while (l > 0) {
      const sub = abs1(re[l * n + l - 1], im[l * n + l - 1]);
      let s =
        abs1(re[(l - 1) * n + l - 1], im[(l - 1) * n + l - 1]) + abs1(re[l * n + l], im[l * n + l]);
      if (s === 0) s = norm;
      if (sub <= EPS * s || sub <= small) {
        re[l * n + l - 1] = 0;
        im[l * n + l - 1] = 0;
        break;
      }
      l--;
    }
    if (l === m) {
      outRe[m] = re[m * n + m];
      outIm[m] = im[m * n + m];
      m--;
      sweeps = 0;
      continue;
    }
    sweeps++;
    total++;
    if (total > maxTotal) {
      throw new Error(`hessenbergEigenvalues: QR iteration did not converge (n = ${n})`);
    }
    // Shift μ.
    let mr: number;
    let mi: number;
    if (sweeps % 10 === 0) {
      // Exceptional shift (zlahqr): perturb by 3/4 of a subdiagonal entry.
      const at = sweeps % 20 === 0 ? m : l + 1;
      const sub = Math.abs(re[at * n + at - 1]);
      const d = sweeps % 20 === 0 ? m : l;
      mr = re[d * n + d] + 0.75 * sub;
      mi = im[d * n + d];
    } else {
      const ar = re[(m - 1) * n + m - 1];
      const ai = im[(m - 1) * n + m - 1];
      const br = re[(m - 1) * n + m];
      const bi = im[(m - 1) * n + m];
      const cr = re[m * n + m - 1];
      const ci = im[m * n + m - 1];
      const dr = re[m * n + m];
      const di = im[m * n + m];
      // x = (a − d)/2, y = sqrt(x² + bc) with Re(conj(x) y) ≥ 0, μ = d − bc/(x + y).
      const xr = 0.5 * (ar - dr);
      const xi = 0.5 * (ai - di);
      const bcr = br * cr - bi * ci;
      const bci = br * ci + bi * cr;
      const zr = xr * xr - xi * xi + bcr;
      const zi = 2 * xr * xi + bci;
      const zAbs = Math.sqrt(zr * zr + zi * zi);
      let yr = Math.sqrt(0.5 * (zAbs + Math.abs(zr)));
      let yi = yr > 0 ? zi / (2 * yr) : 0;
      if (zr < 0) {
        const t = yr;
        yr = Math.abs(yi);
        yi = zi >= 0 ? t : -t;
      }
      if (xr * yr + xi * yi < 0) {
        yr = -yr;
        yi = -yi;
      }
      const sr = xr + yr;
      const si = xi + yi;
      const den = sr * sr + si * si;
      if (den === 0) {
        mr = dr;
        mi = di;
      } else {
        mr = dr - (bcr * sr + bci * si) / den;
        mi = di - (bci * sr - bcr * si) / den;
      }
    }
    qrSweep(n, re, im, l, m, mr, mi);
  }
  return { re: outRe, im: outIm };
}

/**
 * One implicit single-shift QR sweep on the window [l, m] of the Hessenberg matrix: rotations
 * G = [[c, s], [−s̄, c]] (c real) with G·[a; b] = [r; 0] applied as H ← G H G*.
 */
function qrSweep(
  n: number,
  re: Float64Array,
  im: Float64Array,
  l: number,
  m: number,
  shiftRe: number,
  shiftIm: number,
): void {
  for (let k = l; k < m; k++) {
    let ar: number;
    let ai: number;
    let br: number;
    let bi: number;
    if (k === l) {
      ar = re[l * n + l] - shiftRe;
      ai = im[l * n + l] - shiftIm;
      br = re[(l + 1) * n + l];
      bi = im[(l + 1) * n + l];
    } else {
      ar = re[k * n + k - 1];
      ai = im[k * n + k - 1];
      br = re[(k + 1) * n + k - 1];
      bi = im[(k + 1) * n + k - 1];
    }
    // Givens rotation: c = |a|/ρ, s = (a/|a|) conj(b)/ρ, ρ = √(|a|² + |b|²).
    const scale = Math.max(Math.abs(ar), Math.abs(ai), Math.abs(br), Math.abs(bi));
    if (scale === 0) continue;
    const sar = ar / scale;
    const sai = ai / scale;
    const sbr = br / scale;
    const sbi = bi / scale;
    const absA = Math.sqrt(sar * sar + sai * sai);
    const rho = Math.sqrt(absA * absA + sbr * sbr + sbi * sbi);
    let c: number;
    let sr: number;
    let si: number;
    let rr: number;
    let ri: number;
    if (absA === 0) {
      c = 0;
      const absB = Math.sqrt(sbr * sbr + sbi * sbi);
      sr = sbr / absB;
      si = -sbi / absB;
      rr = absB * scale;
      ri = 0;
    } else {
      c = absA / rho;
      const ur = sar / absA;
      const ui = sai / absA;
      // s = u·conj(b)/ρ
      sr = (ur * sbr + ui * sbi) / rho;
      si = (ui * sbr - ur * sbi) / rho;
      rr = ur * rho * scale;
      ri = ui * rho * scale;
    }
    if (k > l) {
      re[k * n + k - 1] = rr;
      im[k * n + k - 1] = ri;
      re[(k + 1) * n + k - 1] = 0;
      im[(k + 1) * n + k - 1] = 0;
    }
    // Rows k, k+1, columns k..m: [x; y] ← [c x + s y; −s̄ x + c y].
    const rowK = k * n;
    const rowK1 = (k + 1) * n;
    for (let j = k; j <= m; j++) {
      const xr = re[rowK + j];
      const xi = im[rowK + j];
      const yr = re[rowK1 + j];
      const yi = im[rowK1 + j];
      re[rowK + j] = c * xr + sr * yr - si * yi;
      im[rowK + j] = c * xi + sr * yi + si * yr;
      re[rowK1 + j] = c * yr - (sr * xr + si * xi);
      im[rowK1 + j] = c * yi - (sr * xi - si * xr);
    }
    // Columns k, k+1, rows l..min(k+2, m): [x, y] ← [c x + s̄ y, −s x + c y].
    const last = Math.min(k + 2, m);
    for (let i = l; i <= last; i++) {
      const row = i * n;
      const xr = re[row + k];
      const xi = im[row + k];
      const yr = re[row + k + 1];
      const yi = im[row + k + 1];
      re[row + k] = c * xr + sr * yr + si * yi;
      im[row + k] = c * xi + sr * yi - si * yr;
      re[row + k + 1] = c * yr - (sr * xr - si * xi);
      im[row + k + 1] = c * yi - (sr * xi + si * xr);
    }
  }
}
