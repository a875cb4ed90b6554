/**
 * The dense n×n CMV matrix C = L·M of Verblunsky coefficients α₀..α_{n−1} (|α_k| < 1 for k < n−1,
 * |α_{n−1}| = 1), row-major: with ρ_k = √(1 − |α_k|²) and Ξ_k = [[ᾱ_k, ρ_k], [ρ_k, −α_k]] acting on
 * coordinates (k, k+1), Ξ_{n−1} = [ᾱ_{n−1}], L = diag(Ξ₀, Ξ₂, …), M = diag(1, Ξ₁, Ξ₃, …).
 * C is unitary, five-diagonal, and det(z − C) = Φ_n(z), the paraorthogonal Szegő polynomial.
 * Used as the O(n³) reference for cmvEigenangles. `rhoSquared` (1 − |α_k|², optional) avoids
 * cancellation when |α_k| is close to 1.
 * Reference: Cantero, Moral & Velázquez (2003); Killip & Nenciu, IMRN 2004 (50) §2; Simon,
 * OPUC Part 1, §4.2.
 */
export function cmvMatrix(
  alphaRe: Float64Array,
  alphaIm: Float64Array,
  rhoSquared?: Float64Array,
): { re: Float64Array; im: Float64Array } {
  const n = alphaRe.length;
  const factor = (offset: number) => {
    const re = new Float64Array(n * n);
    const im = new Float64Array(n * n);
    if (offset === 1) re[0] = 1;
    for (let k = offset; k < n; k += 2) {
      const ar = alphaRe[k];
      const ai = alphaIm[k];
      if (k === n - 1) {
        re[k * n + k] = ar;
        im[k * n + k] = -ai;
        continue;
      }
      const rho = Math.sqrt(rhoSquared ? rhoSquared[k] : Math.max(0, 1 - ar * ar - ai * ai));
      re[k * n + k] = ar;
      im[k * n + k] = -ai;
      re[k * n + k + 1] = rho;
      re[(k + 1) * n + k] = rho;
      re[(k + 1) * n + k + 1] = -ar;
      im[(k + 1) * n + k + 1] = -ai;
    }
    return { re, im };
  };
  const l = factor(0);
  const m = factor(1);
  // C = L M; both factors have at most two non-zeros per row/column, but n ≤ a few hundred here.
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = Math.max(0, i - 1); k <= Math.min(n - 1, i + 1); k++) {
      const ar = l.re[i * n + k];
      const ai = l.im[i * n + k];
      if (ar === 0 && ai === 0) continue;
      for (let j = Math.max(0, k - 1); j <= Math.min(n - 1, k + 1); j++) {
        const br = m.re[k * n + j];
        const bi = m.im[k * n + j];
        re[i * n + j] += ar * br - ai * bi;
        im[i * n + j] += ar * bi + ai * br;
      }
    }
  }
  return { re, im };
}
