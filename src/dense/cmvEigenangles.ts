import { detAtan2, detCos, detHypot, detSin } from "../special/deterministicMath.js";

const TWO_PI = 2 * Math.PI;
/** Split the problem where ρ_k² = 1 − |α_k|² ≤ 2^−52: there |α_k| is 1 to double precision. */
const SPLIT = 2 ** -52;
/** |χ(θ) − 2πm| below which one last Newton step gives full accuracy (error ~ F²/χ'). */
const PHASE_TOLERANCE = 1e-7;
const MAX_ITERATIONS = 200;
const BIG = 1e100;
const SMALL = 1e-100;

/**
 * Eigenangles in [0, 2π), ascending, of the n×n CMV matrix with Verblunsky coefficients
 * α₀..α_{n−1} (|α_k| < 1 for k < n−1, |α_{n−1}| = 1), i.e. the zeros e^{iθ} of the paraorthogonal
 * Szegő polynomial Φ_n, in O(n²) flops without forming the matrix.
 *
 * Method. The spectral measure μ = Σ_j w_j δ_{θ_j} of C at e₀ has Schur function f₀ with Schur
 * parameters α_k (Geronimus): f_{n−1} ≡ α_{n−1}, f_k = (α_k + z f_{k+1})/(1 + ᾱ_k z f_{k+1}), and its
 * Carathéodory function (1 + z f₀)/(1 − z f₀) = ∫ (e^{it} + z)/(e^{it} − z) dμ(t) has its poles at the
 * eigenvalues: they are the solutions of z f₀(z) = 1 on the unit circle. Writing z f_k = u_k/ū_k
 * turns the Schur recursion into the linear one u_{n−1} = e^{i(θ+η)/2} (η = arg α_{n−1}),
 * u_k = e^{iθ/2}(u_{k+1} + α_k ū_{k+1}); z f₀ is a Blaschke product of degree n, so its phase
 * χ(θ) = 2 arg u₀ (lifted: each factor (u + αū)/u has argument in (−π/2, π/2)) increases strictly,
 * by 2πn per turn, with χ'(θ) = D₀/|u₀|², D_{n−1} = 1, D_k = |u_k|² + (1 − |α_k|²)D_{k+1}. The roots
 * are χ(θ) = 2πm; near one, χ ≈ 2πm + 2 arctan((θ − θ_j)/(2w_j)), so χ'(θ_j) = 1/w_j. A grid of n
 * evaluations brackets every root; each is then found by Newton's method on tan((χ − 2πm)/2)
 * (exact for that local model), safeguarded by bisection. One evaluation is O(n) with no
 * transcendental function in the loop (the lifted phase counts crossings of the negative real
 * axis); about 4–6 evaluations per root for β ≥ 1, more for small β, whose tiny weights make
 * steep steps. (Tracking instead the Szegő phase of b = zΦ_{n−1}/Φ*_{n−1}, docs/theory.md §2.6, gives the
 * same roots but b' = 1/(weight at the LAST basis vector), which for CβE is often 1e-7 or smaller:
 * a staircase on which Newton's method stalls.) Where ρ_k² ≤ 2^−52 the problem splits exactly:
 * Φ_n = Φ_{k+1}·P, P the paraorthogonal polynomial of the coefficients −ᾱ_k·α_j, j > k (from the
 * Szegő recursion, since |α_k| = 1 gives Φ*_{k+1} = −α_kΦ_{k+1}).
 * `rhoSquared` (1 − |α_k|², optional) avoids cancellation when |α_k| is close to 1.
 *
 * Reference: Simon, OPUC Part 1 (AMS 2005), Thm 1.7.1 (Szegő recursion), §1.3 and Thm 3.1.4
 * (Schur algorithm, Geronimus' theorem), §2.2 (paraorthogonal polynomials), Thm 4.2.8
 * (det(z − C) = Φ_n); Killip & Nenciu, IMRN 2004 (50), §2 (CMV matrices).
 */
export function cmvEigenangles(
  alphaRe: Float64Array,
  alphaIm: Float64Array,
  rhoSquared?: Float64Array,
): Float64Array {
  const n = alphaRe.length;
  if (n < 1 || alphaIm.length !== n || (rhoSquared && rhoSquared.length !== n)) {
    throw new RangeError(
      `cmvEigenangles: expected n >= 1 coefficients with matching lengths, got ${n}, ${alphaIm.length}`,
    );
  }
  const rho2 = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const ar = alphaRe[k];
    const ai = alphaIm[k];
    const r2 = rhoSquared ? rhoSquared[k] : 1 - (ar * ar + ai * ai);
    if (!Number.isFinite(ar) || !Number.isFinite(ai) || !(r2 >= -1e-12) || !(r2 <= 1)) {
      throw new RangeError(
        `cmvEigenangles: alpha[${k}] = ${ar} + ${ai}i is not in the closed unit disk`,
      );
    }
    rho2[k] = Math.max(0, r2);
  }
  if (Math.abs(detHypot(alphaRe[n - 1], alphaIm[n - 1]) - 1) > 1e-12) {
    throw new RangeError(
      `cmvEigenangles: the last coefficient must have modulus 1, got ${detHypot(alphaRe[n - 1], alphaIm[n - 1])}`,
    );
  }
  const angles = new Float64Array(n);
  // Split into blocks ending where ρ_k² ≤ SPLIT; later coefficients are rotated by −conj(α'_k).
  let rotRe = 1;
  let rotIm = 0;
  let start = 0;
  for (let k = 0; k < n; k++) {
    if (k < n - 1 && rho2[k] > SPLIT) continue;
    const len = k - start + 1;
    const br = new Float64Array(len);
    const bi = new Float64Array(len);
    const b2 = rho2.subarray(start, k + 1);
    for (let j = 0; j < len; j++) {
      const ar = alphaRe[start + j];
      const ai = alphaIm[start + j];
      br[j] = ar * rotRe - ai * rotIm;
      bi[j] = ar * rotIm + ai * rotRe;
    }
    const abs = detHypot(br[len - 1], bi[len - 1]);
    br[len - 1] /= abs;
    bi[len - 1] /= abs;
    paraorthogonalAngles(br, bi, b2, angles, start);
    // rot ← rot·(−conj(α'_k)).
    const cr = -br[len - 1];
    const ci = bi[len - 1];
    const nextRe = rotRe * cr - rotIm * ci;
    rotIm = rotRe * ci + rotIm * cr;
    rotRe = nextRe;
    start = k + 1;
  }
  angles.sort();
  return angles;
}

/**
 * Writes the len zeros of the paraorthogonal polynomial of coefficients (ar, ai) (last one
 * unimodular, the others with ρ² = r2 > 2^−52) into out[offset..offset+len), as angles in
 * [0, 2π): grid pass, then safeguarded Newton per root (see cmvEigenangles).
 */
function paraorthogonalAngles(
  ar: Float64Array,
  ai: Float64Array,
  r2: Float64Array,
  out: Float64Array,
  offset: number,
): void {
  const n = ar.length;
  // f_{n−1} ≡ α_{n−1} = e^{iη}; u_{n−1} = e^{iθ/2}·e^{iη/2}.
  const halfEta = 0.5 * detAtan2(ai[n - 1], ar[n - 1]);
  const sr = detCos(halfEta);
  const si = detSin(halfEta);
  const result = new Float64Array(2);
  const evaluate = (theta: number) => schurPhase(ar, ai, r2, n, sr, si, theta, result);
  // Grid pass: χ and χ' at θ_g = 2πg/n, g = 0..n (χ(2π) = χ(0) + 2πn by periodicity).
  const grid = n;
  const gridValue = new Float64Array(grid + 1);
  const gridSlope = new Float64Array(grid + 1);
  const step = TWO_PI / grid;
  for (let g = 0; g < grid; g++) {
    evaluate(g * step);
    gridValue[g] = result[0];
    gridSlope[g] = result[1];
  }
  gridValue[grid] = gridValue[0] + TWO_PI * n;
  gridSlope[grid] = gridSlope[0];
  const first = Math.ceil(gridValue[0] / TWO_PI);
  let cell = 0;
  let prevRoot = -1;
  let prevSlope = 1;
  for (let j = 0; j < n; j++) {
    const target = TWO_PI * (first + j);
    while (gridValue[cell + 1] <= target) cell++;
    // Bracket [lo, hi] with χ(lo) − target < 0 ≤ χ(hi) − target, values and slopes at both ends.
    let lo = cell * step;
    let fLo = gridValue[cell] - target;
    let sLo = gridSlope[cell];
    if (prevRoot >= lo) {
      lo = prevRoot;
      fLo = -TWO_PI;
      sLo = prevSlope;
    }
    let hi = cell + 1 === grid ? TWO_PI : (cell + 1) * step;
    let fHi = gridValue[cell + 1] - target;
    let sHi = gridSlope[cell + 1];
    let theta = inverseHermite(lo, fLo, sLo, hi, fHi, sHi);
    let root = Number.NaN;
    let previousStep = Number.POSITIVE_INFINITY;
    for (let it = 0; it < MAX_ITERATIONS; it++) {
      if (!(theta > lo && theta < hi)) theta = 0.5 * (lo + hi);
      evaluate(theta);
      const f = result[0] - target;
      const slope = result[1];
      if (f === 0) {
        root = theta;
        break;
      }
      if (f < 0) {
        lo = theta;
        fLo = f;
        sLo = slope;
      } else {
        hi = theta;
        fHi = f;
        sHi = slope;
      }
      if (Math.abs(f) < PHASE_TOLERANCE) {
        const next = theta - f / slope;
        root = next > lo && next < hi ? next : theta;
        break;
      }
      if (hi - lo <= 4 * Number.EPSILON * Math.max(1, hi)) {
        // A jump of χ (|α_k| = 1 to rounding): the root is the jump point.
        root = 0.5 * (lo + hi);
        break;
      }
      // Near the root, χ ≈ target + 2 arctan((θ − θ_j)/a): Newton on tan((χ − target)/2) is exact
      // for this model, giving the step −sin(f)/χ'. Farther away, Newton on χ. Bisect when the
      // step leaves the bracket or is more than half the previous one (rtsafe's rule).
      const dx = (Math.abs(f) < 0.5 * Math.PI ? detSin(f) : f) / slope;
      if (Math.abs(dx) > 0.5 * previousStep) {
        theta = Number.NaN;
        previousStep = 0.5 * (hi - lo);
      } else {
        theta -= dx;
        previousStep = Math.abs(dx);
      }
    }
    if (Number.isNaN(root)) {
      throw new Error(`cmvEigenangles: root ${j} of ${n} did not converge`);
    }
    out[offset + j] = root >= TWO_PI ? root - TWO_PI : root;
    prevRoot = root;
    prevSlope = result[1];
  }
}

/**
 * χ(θ) and χ'(θ) (written to out[0], out[1]) for the coefficients ar + i·ai (length n, ρ² = r2),
 * with (sr, si) = e^{iη/2}, η = arg α_{n−1}. θ enters through θ_e = θ or θ − 2π in [−π, π), so that
 * the rotation by θ_e/2 has modulus ≤ π/2; the factors g_k = (u + α_kū)/u depend on θ mod 2π only.
 * The lifted phase is tracked by counting the crossings of the negative real axis, so the loop
 * needs no transcendental function.
 */
function schurPhase(
  ar: Float64Array,
  ai: Float64Array,
  r2: Float64Array,
  n: number,
  sr: number,
  si: number,
  theta: number,
  out: Float64Array,
): void {
  const eff = theta < Math.PI ? theta : theta - TWO_PI;
  const half = 0.5 * eff;
  const hr = detCos(half);
  const hi = detSin(half);
  const ccw = eff >= 0;
  let pr = hr * sr - hi * si;
  let pi = hr * si + hi * sr;
  const start = detAtan2(pi, pr);
  let d = 1;
  let wraps = 0;
  for (let k = n - 2; k >= 0; k--) {
    // u' = u + α_k ū: a rotation by arg g_k ∈ (−π/2, π/2), its sense given by sign(u × u').
    const a = ar[k];
    const b = ai[k];
    const nr = pr + a * pr + b * pi;
    const ni = pi + b * pr - a * pi;
    const cross = pr * ni - pi * nr;
    if (pi >= 0) {
      if (ni < 0 && cross > 0) wraps++;
    } else if (ni >= 0 && cross < 0) wraps--;
    // u_k = e^{iθ_e/2}u': a rotation by θ_e/2.
    const vr = hr * nr - hi * ni;
    const vi = hr * ni + hi * nr;
    if (ccw) {
      if (ni >= 0 && vi < 0) wraps++;
    } else if (ni < 0 && vi >= 0) wraps--;
    const mag = vr * vr + vi * vi;
    d = mag + r2[k] * d;
    pr = vr;
    pi = vi;
    if ((mag > BIG || mag < SMALL) && mag > 0) {
      const f = 1 / Math.sqrt(mag);
      pr *= f;
      pi *= f;
      d *= f * f;
    }
  }
  const rotation = detAtan2(pi, pr) + TWO_PI * wraps - start;
  // 2·atan2(si, sr) = η since η/2 ∈ (−π/2, π/2].
  out[0] = 2 * detAtan2(si, sr) + n * theta + 2 * (rotation - (n - 1) * half);
  out[1] = d / (pr * pr + pi * pi);
}

/**
 * The θ where the cubic Hermite interpolant of θ as a function of f (through (fLo, lo) and
 * (fHi, hi) with slopes 1/sLo, 1/sHi) crosses f = 0; the secant point if that leaves (lo, hi).
 */
function inverseHermite(
  lo: number,
  fLo: number,
  sLo: number,
  hi: number,
  fHi: number,
  sHi: number,
): number {
  const h = fHi - fLo;
  const t = -fLo / h;
  const t2 = t * t;
  const t3 = t2 * t;
  const theta =
    (2 * t3 - 3 * t2 + 1) * lo +
    (t3 - 2 * t2 + t) * (h / sLo) +
    (3 * t2 - 2 * t3) * hi +
    (t3 - t2) * (h / sHi);
  if (theta > lo && theta < hi) return theta;
  return lo + t * (hi - lo);
}
