import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  airy,
  airyAi,
  airyAiPrime,
  airyAiWithDerivative,
  airyBi,
  airyBiPrime,
} from "../../src/special/airy.js";

/**
 * [x, Ai(x), Ai′(x), Bi(x), Bi′(x)], evaluated with mpmath 1.3 at 40 significant digits
 * (mp.airyai, mp.airybi) at the exact double x, rounded to 17 digits. The points straddle the
 * method boundaries −10, 2 and 12.
 */
const REFERENCE: readonly (readonly [number, number, number, number, number])[] = [
  [-1000.5, -0.04689546151561413, -2.805020570931808, 0.08868000107825552, -1.483313239296481],
  [-200.125, -0.011135393935387808, 2.116155575309081, -0.14958903716952274, -0.15771432807658778],
  [-50.0, -0.1618814236123209, 0.9689898372767491, -0.13715015212882006, -1.1453617002654777],
  [-20.7, 0.1780861049168281, -0.8876423457527016, 0.19556724781879978, 0.8126187927188275],
  [-12.25, -0.2676446988271423, 0.48087136842700445, -0.13893984952273794, -0.9396699868028352],
  [-10.000001, 0.0402402422211986, 0.9962654465402134, -0.3146799490563785, 0.11941096660086074],
  [-10.0, 0.04024123848644319, 0.99626504413279, -0.3146798296438386, 0.11941411339990925],
  [-9.999999, 0.04024223475128537, 0.9962646417154443, -0.31467971022815194, 0.11941726019744892],
  [-8.5, -0.33029023763020887, -0.03231334828463914, 0.007754436447658404, -0.9629691651201748],
  [-6.25, -0.3496120516108905, -0.19108625952341715, 0.07081689932751649, -0.8717598503139108],
  [-5.0, 0.35076100902411433, 0.32719281855444315, -0.13836913490160058, 0.7784117730018992],
  [-3.3, -0.41718093737455014, -0.07096361717783588, 0.021967999989777318, -0.7592651750479446],
  [-2.0, 0.22740742820168558, 0.618259020741691, -0.4123025879563985, 0.2787951669211695],
  [-1.0, 0.5355608832923521, -0.01016056711664521, 0.1039973894969446, 0.5923756264227924],
  [-0.5, 0.4757280916105396, -0.20408167033954738, 0.38035265975105387, 0.5059337136238472],
  [-1e-6, 0.355028312707221, -0.2588194037926293, 0.6149261791576434, 0.4482883573541338],
  [0.1, 0.3292031299435381, -0.25713042190758617, 0.6598616901941893, 0.4515126311496465],
  [0.5, 0.23169360648083348, -0.2249105326646839, 0.8542770431031554, 0.5445725641405923],
  [1.0, 0.13529241631288141, -0.1591474412967932, 1.2074235949528713, 0.9324359333927756],
  [1.5, 0.07174949700810541, -0.09738201284230132, 1.878941503747895, 1.8862122548481655],
  [1.999999, 0.03492418351369373, -0.053090454281950104, 3.298090899299463, 4.10067545374864],
  [2.0, 0.03492413042327438, -0.05309038443365363, 3.2980949999782148, 4.10068204993289],
  [2.000001, 0.03492407733292486, -0.05309031458542841, 3.2980991006635634, 4.10068864612864],
  [2.1, 0.029952602115866523, -0.04645599403267459, 3.7431535649561756, 4.8215499257174965],
  [3.7, 0.0017455720006099786, -0.003466940749027627, 47.56074749958946, 87.89072726283344],
  [5.0, 0.00010834442813607442, -0.0002474138908684625, 657.7920441711711, 1435.8190802179824],
  [6.125, 7.276190874883979e-6, -1.8293453707125068e-5, 8844.29286461186, 21510.87386025353],
  [8.0, 4.6922076160992316e-8, -1.3414392979067865e-7, 1199586.0041244598, 3354342.3127445388],
  [9.5, 5.330263704617492e-10, -1.6566394593740667e-9, 96892265.58045109, 296034763.86800504],
  [
    11.999999, 1.3931895436202713e-13, -4.854753273229994e-13, 329806090323.5514,
    1135503544763.6416,
  ],
  [12.0, 1.3931846888753607e-13, -4.854736554985309e-13, 329807225829.07416, 1135507502443.3706],
  [
    12.000001, 1.3931798341471687e-13, -4.854719836797486e-13, 329808361338.5546,
    1135511460137.0557,
  ],
  [
    15.0, 2.1649625207379925e-18, -8.420567954017772e-18, 1.898209956749359e16,
    7.319749203407011e16,
  ],
  [
    25.0, 8.116026824691387e-38, -4.066089337243281e-37, 3.9220307780413816e35,
    1.957073508323331e36,
  ],
  [
    50.0, 4.5849417240748285e-104, -3.244331819828799e-103, 4.9090996994442195e101,
    3.4687987795459765e102,
  ],
  [
    100.0, 2.6344821520881846e-291, -2.6351403616044097e-290, 6.041223996670201e288,
    6.039712745310603e289,
  ],
];

/**
 * The size that errors are measured against: |f(x)| for x ≥ 0; for x < 0 the larger of |f(x)| and
 * the modulus M(|x|) ≈ |x|^{−1/4}/√π (for Ai, Bi) or N(|x|) ≈ |x|^{1/4}/√π (for Ai′, Bi′), DLMF 9.8.
 * (Next to a zero of an oscillating function only this absolute-relative accuracy is meaningful.)
 */
function scale(x: number, value: number, derivative: boolean): number {
  if (x >= 0) return Math.abs(value);
  const z = Math.max(Math.abs(x), 1);
  return Math.max(Math.abs(value), (derivative ? z ** 0.25 : z ** -0.25) / Math.sqrt(Math.PI));
}

function assertClose(
  actual: number,
  expected: number,
  size: number,
  tolerance: number,
  label: string,
) {
  const error = Math.abs(actual - expected) / size;
  assert.ok(
    error <= tolerance,
    `${label}: got ${actual}, expected ${expected} (error ${error.toExponential(2)})`,
  );
}

describe("Airy functions", () => {
  it("match 40-digit mpmath values to about 1e−15 on the whole line", () => {
    for (const [x, ai, aip, bi, bip] of REFERENCE) {
      const r = airy(x);
      assertClose(r.ai, ai, scale(x, ai, false), 1e-15, `Ai(${x})`);
      assertClose(r.aiPrime, aip, scale(x, aip, true), 1e-15, `Ai′(${x})`);
      assertClose(r.bi, bi, scale(x, bi, false), 1e-15, `Bi(${x})`);
      assertClose(r.biPrime, bip, scale(x, bip, true), 1e-15, `Bi′(${x})`);
      assert.equal(airyAi(x), r.ai);
      assert.equal(airyAiPrime(x), r.aiPrime);
      assert.equal(airyBi(x), r.bi);
      assert.equal(airyBiPrime(x), r.biPrime);
    }
  });

  it("gives Ai(0), Ai′(0), Bi(0), Bi′(0) of DLMF 9.2.3–9.2.6 to the last bit", () => {
    // 3^{−2/3}/Γ(2/3), −3^{−1/3}/Γ(1/3), 3^{−1/6}/Γ(2/3), 3^{1/6}/Γ(1/3).
    assert.equal(airyAi(0), 0.3550280538878172);
    assert.equal(airyAiPrime(0), -0.2588194037928068);
    assert.equal(airyBi(0), 0.6149266274460007);
    assert.equal(airyBiPrime(0), 0.4482883573538264);
  });

  it("vanishes at the zeros of Ai and Ai′ of DLMF Table 9.9.1", () => {
    // a_k, Ai′(a_k), a′_k, Ai(a′_k) for k = 1…5 (DLMF Table 9.9.1, 15-16 digits).
    const table = [
      [-2.338107410459767, 0.701210822720691, -1.018792971647471, 0.5356566560157],
      [-4.087949444130971, -0.803111369654864, -3.248197582179837, -0.419015478032564],
      [-5.520559828095551, 0.865204025894152, -4.820099211178736, 0.380406468628153],
      [-6.786708090071759, -0.910850737049602, -6.163307355639487, -0.357907943712292],
      [-7.944133587120853, 0.947335709441568, -7.37217725504777, 0.342301244411624],
    ];
    for (const [a, aiPrimeAtA, aPrime, aiAtAPrime] of table) {
      // |Ai(fl(a))| ≤ |Ai′(a)|·|fl(a) − a| + rounding, with |fl(a) − a| ≤ ulp(a).
      assert.ok(Math.abs(airyAi(a)) < 2e-15, `Ai(${a}) = ${airyAi(a)}`);
      assert.ok(Math.abs(airyAiPrime(a) - aiPrimeAtA) < 2e-15, `Ai′(${a}) = ${airyAiPrime(a)}`);
      assert.ok(Math.abs(airyAiPrime(aPrime)) < 5e-15, `Ai′(${aPrime}) = ${airyAiPrime(aPrime)}`);
      assert.ok(Math.abs(airyAi(aPrime) - aiAtAPrime) < 2e-15, `Ai(${aPrime}) = ${airyAi(aPrime)}`);
    }
    // A wrong phase would fail this: Ai changes sign across a₁.
    assert.ok(airyAi(-2.3381) > 0 && airyAi(-2.3382) < 0);
  });

  it("satisfies the Wronskian Ai·Bi′ − Ai′·Bi = 1/π (DLMF 9.2.7)", () => {
    for (let x = -60; x <= 30; x += 0.37) {
      const r = airy(x);
      const w = r.ai * r.biPrime - r.aiPrime * r.bi;
      assert.ok(Math.abs(w * Math.PI - 1) < 4e-15, `W(${x}) = ${w}`);
    }
  });

  it("satisfies y″ = x·y: 4th-order differences of Ai′, Bi′ against x·Ai, x·Bi", () => {
    const h = 1e-3;
    for (let x = -14.9; x <= 14; x += 0.41) {
      for (const [f, fPrime] of [
        [airyAi, airyAiPrime],
        [airyBi, airyBiPrime],
      ] as const) {
        const second =
          (-fPrime(x + 2 * h) + 8 * fPrime(x + h) - 8 * fPrime(x - h) + fPrime(x - 2 * h)) /
          (12 * h);
        const size = Math.abs(x * f(x)) + Math.abs(fPrime(x)) + 1e-300;
        // truncation h⁴|y⁽⁵⁾|/30 ≲ 1e−12·(1 + |x|)^{5/2}|y|, rounding ≈ 2e−13|y′|.
        assert.ok(
          Math.abs(second - x * f(x)) < 1e-10 * size,
          `${f.name}″(${x}) = ${second}, x·y = ${x * f(x)}`,
        );
      }
    }
  });

  it("the fast variant airyAiWithDerivative agrees to 1e−15 of the modulus", () => {
    const out = new Float64Array(3);
    for (let x = -30; x <= 40; x += 0.0173) {
      airyAiWithDerivative(x, out, 1);
      assertClose(out[1], airyAi(x), scale(x, airyAi(x), false), 1e-15, `fast Ai(${x})`);
      assertClose(out[2], airyAiPrime(x), scale(x, airyAiPrime(x), true), 1e-15, `fast Ai′(${x})`);
    }
  });

  it("handles infinities, NaN and underflow", () => {
    assert.ok(Number.isNaN(airyAi(Number.NaN)));
    assert.equal(airyAi(Number.POSITIVE_INFINITY), 0);
    assert.equal(airyAiPrime(Number.POSITIVE_INFINITY), 0);
    assert.equal(airyBi(Number.POSITIVE_INFINITY), Number.POSITIVE_INFINITY);
    assert.equal(airyAi(Number.NEGATIVE_INFINITY), 0);
    assert.equal(airyAi(200), 0);
    assert.equal(airyBi(200), Number.POSITIVE_INFINITY);
    assert.ok(Math.abs(airyAi(-1e8)) < 0.01);
  });
});
