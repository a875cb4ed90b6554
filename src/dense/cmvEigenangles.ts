const TWO_PI = 2 * Math.PI;
/** Split the problem where ρ_k² = 1 − |α_k|² ≤ 2^−52: there |α_k| is 1 to double precision. */
const SPLIT = 2 ** -52;
/** |φ(θ) − target| below which one last Newton step gives full accuracy (error ~ F²/φ'). */
const PHASE_TOLERANCE = 1e-7;
const MAX_ITERATIONS = 200;
const BIG = 1e100;
const SMALL = 1e-100;

/**
 * Eigenangles in [0, 2π), ascending, of the n×n CMV matrix with Verblunsky coefficients
 * α₀..α_{n−1} (|α_k| < 1 for k < n−1, |α_{n−1}| = 1), i.e. the zeros e^{iθ} of the paraorthogonal
 * Szegő polynomial Φ_n, in O(n²) flops without forming the matrix.
 *
 * Method (derived in the comments of `paraorthogonalAngles`): with ψ_k(θ) = e^{−ikθ/2}Φ_k(e^{iθ}),
 * the Szegő recursion Φ_{k+1} = zΦ_k − ᾱ_kΦ_k* becomes ψ_{k+1} = v_k − ᾱ_k·conj(v_k), v_k = e^{iθ/2}ψ_k,
 * and the Blaschke product b(z) = zΦ_{n−1}(z)/Φ*_{n−1}(z) has on the circle the continuous phase
 * φ(θ) = nθ + 2Σ_k arg(ψ_{k+1}/v_k), each arg in (−π/2, π/2), strictly increasing by 2πn per turn with
 * φ'(θ) = D_{n−1}/|ψ_{n−1}|², D_{k+1} = |ψ_{k+1}|² + (1 − |α_k|²)D_k, D₀ = 1 (Christoffel–Darboux).
 * Φ_n(e^{iθ}) = 0 iff b = ᾱ_{n−1}, i.e. φ(θ) = arg ᾱ_{n−1} + 2πm: the n roots of these n equations
 * (one per m) are found in order by safeguarded Newton iteration, each evaluation O(n) with no
 * transcendental function in the loop (the lifted phase is tracked by counting crossings of the
 * negative real axis). Where ρ_k² ≤ 2^−52 the problem splits: Φ_n = Φ_{k+1}·P with P the
 * paraorthogonal polynomial of the coefficients −ᾱ_k·α_j, j > k (derived from the recursion:
 * |α_k| = 1 gives Φ*_{k+1} = −α_kΦ_{k+1}).
 * `rhoSquared` (1 − |α_k|², optional) avoids cancellation when |α_k| is close to 1.
 *
 * Reference: Killip & Nenciu, IMRN 2004 (50), Thm 1 and §2; Simon, OPUC Part 1, Thm 1.7.1
 * (Szegő recursion), §2.2 (paraorthogonal polynomials), Thm 4.2.8 (det(z − C) = Φ_n).
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
  if (Math.abs(Math.hypot(alphaRe[n - 1], alphaIm[n - 1]) - 1) > 1e-12) {
    throw new RangeError(
      `cmvEigenangles: the last coefficient must have modulus 1, got ${Math.hypot(alphaRe[n - 1], alphaIm[n - 1])}`,
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
    const abs = Math.hypot(br[len - 1], bi[len - 1]);
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
 * unimodular, the others with ρ² = r2 > 0) into out[offset..offset+len), as angles in [0, 2π).
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
  const halfEta = 0.5 * Math.atan2(ai[n - 1], ar[n - 1]);
  const sr = Math.cos(halfEta);
  const si = Math.sin(halfEta);
  let value = 0;
  let slope = 0;
  // χ(θ) and χ'(θ). θ enters through θ_e = θ or θ − 2π in [−π, π), so that the rotation by
  // θ_e/2 has modulus ≤ π/2; the factors g_k = (u + α_kū)/u depend on θ mod 2π only.
  const evaluate = (theta: number) => {
    const eff = theta < Math.PI ? theta : theta - TWO_PI;
    const half = 0.5 * eff;
    const hr = Math.cos(half);
    const hi = Math.sin(half);
    const ccw = eff >= 0;
    let pr = hr * sr - hi * si;
    let pi = hr * si + hi * sr;
    const start = Math.atan2(pi, pr);
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
      // u_k = e^{iθ_e/2}u': a rotation by θ_e/2. Count crossings of the negative real axis.
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
    const rotation = Math.atan2(pi, pr) + TWO_PI * wraps - start;
    value = 2 * halfEta + n * theta + 2 * (rotation - (n - 1) * half);
    slope = d / (pr * pr + pi * pi);
  };

  // Grid pass: χ and χ' at θ_g = 2πg/n, g = 0..n (χ(2π) = χ(0) + 2πn by periodicity).
  const grid = n;
  const gridValue = new Float64Array(grid + 1);
  const gridSlope = new Float64Array(grid + 1);
  const step = TWO_PI / grid;
  for (let g = 0; g < grid; g++) {
    evaluate(g * step);
    gridValue[g] = value;
    gridSlope[g] = slope;
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
      const f = value - target;
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
      // step leaves the bracket or the bracket has not halved in two iterations.
      const dx = (Math.abs(f) < 0.5 * Math.PI ? Math.sin(f) : f) / slope;
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
    prevSlope = slope;
  }
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
