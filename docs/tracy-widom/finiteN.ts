/**
 * The finite-N soft-edge correction of the GUE, measured exactly: the Kolmogorov distance between
 * the law of N^{1/6}(λ_max − 2√N) (N-point GUE, density ∝ Δ²Πe^{−x²/2}; the finite-N Fredholm
 * determinant of hermiteLargestEigenvalueCdf.ts, ~1e−14 absolute) and
 *   (a) F₂ (the plain limit), (b) F₂ + N^{−2/3}E with E(s) = s²F₂′(s)/20 − 3F₂″(s)/40
 * (the leading correction; form of Forrester–Trinh 2018 / Bornemann 2024, coefficients checked in
 * test/theory/hermiteLargestEigenvalueCdf.test.ts), over s ∈ [−7, 5] in steps of 0.01 (a finer
 * grid changes the maxima by < 1e−3 relative). F₂″ is a central difference of the F₂ density
 * (h = 1e−4: error ≲ 1e−10, negligible after the factor N^{−2/3}·3/40).
 *   node --import tsx docs/tracy-widom/finiteN.ts > docs/tracy-widom/finite-n.json
 */
import { gueLargestEigenvalueCdf } from "../../src/theory/hermiteLargestEigenvalueCdf.js";
import { tracyWidomCdf, tracyWidomPdf } from "../../src/theory/tracyWidom.js";

const h = 1e-4;
const correction = (s: number) => {
  const f = tracyWidomPdf(s, 2);
  const fPrime = (tracyWidomPdf(s + h, 2) - tracyWidomPdf(s - h, 2)) / (2 * h);
  return (s * s * f) / 20 - (3 * fPrime) / 40;
};

const rows = [];
for (const n of [10, 30, 100, 300, 1000, 3000, 10000, 30000, 100000]) {
  let plain = 0;
  let plainAt = 0;
  let corrected = 0;
  let correctedAt = 0;
  const c0 = process.cpuUsage();
  for (let i = 0; i <= 1200; i++) {
    const s = -7 + i * 0.01;
    const exact = gueLargestEigenvalueCdf(2 * Math.sqrt(n) + s * n ** (-1 / 6), n);
    const limit = tracyWidomCdf(s, 2);
    const a = Math.abs(exact - limit);
    const b = Math.abs(exact - limit - n ** (-2 / 3) * correction(s));
    if (a > plain) [plain, plainAt] = [a, s];
    if (b > corrected) [corrected, correctedAt] = [b, s];
  }
  const c = process.cpuUsage(c0);
  rows.push({
    n,
    plain,
    plainAt,
    plainTimesN23: plain * n ** (2 / 3),
    corrected,
    correctedAt,
    correctedTimesN43: corrected * n ** (4 / 3),
    cpuSeconds: (c.user + c.system) / 1e6,
  });
}
console.log(JSON.stringify({ generator: "docs/tracy-widom/finiteN.ts", rows }, null, 2));
