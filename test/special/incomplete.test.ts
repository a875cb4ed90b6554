import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { erf, erfc, normalCdf } from "../../src/special/erf.js";
import { logGamma, logGamma1p, xMinusLog1p } from "../../src/special/logGamma.js";
import { logBeta, regularizedBetaI } from "../../src/special/regularizedBeta.js";
import { regularizedGammaP, regularizedGammaQ } from "../../src/special/regularizedGamma.js";

// Reference values were computed with mpmath 1.3 at 50 significant digits (loggamma, gammainc,
// erf/erfc, ncdf; incomplete beta as x^a(1-x)^b/(aB(a,b))·2F1(a+b,1;a+1;x), DLMF 8.17.8, on
// the side x < a/(a+b)). They agree with the A&S tables where those exist (A&S 7.1, 26.2).

function assertRelative(actual: number, expected: number, tolerance: number, label: string) {
  const error = expected === 0 ? Math.abs(actual) : Math.abs(actual / expected - 1);
  assert.ok(error <= tolerance, `${label}: got ${actual}, expected ${expected} (rel err ${error})`);
}

describe("logGamma", () => {
  // [x, log Γ(x)]
  const table: [number, number][] = [
    [1e-300, 690.7755278982137],
    [1e-8, 18.42068073818021],
    [0.001, 6.907178885383853],
    [0.1, 2.252712651734206],
    [0.5, 0.5723649429247001],
    [0.999, 0.0005780385328913802],
    [1.001, -0.0005763935982833062],
    [1.5, -0.12078223763524522],
    [1.999, -0.0004224618006921073],
    [2.001, 0.000423106734800117],
    [2.5, 0.2846828704729192],
    [3.7, 1.428072326665388],
    [9.99, 12.779315214350193],
    [10, 12.801827480081469],
    [25.5, 56.389167643719944],
    [100.3, 360.5147057290581],
    [1e4, 82099.71749644238],
    [1e6, 12815504.569147611],
    [1e15, 3.3538776394910668e16],
  ];

  it("matches reference values (absolute 2e-16·max(1,|logΓ|), relative 1e-14 near the zeros 1, 2)", () => {
    for (const [x, expected] of table) {
      const tolerance =
        Math.abs(expected) < 0.01
          ? 1e-14 * Math.abs(expected)
          : 4e-16 * Math.max(1, Math.abs(expected));
      assert.ok(
        Math.abs(logGamma(x) - expected) <= tolerance,
        `logGamma(${x}) = ${logGamma(x)} vs ${expected}`,
      );
    }
  });

  it("is exact at the integers and satisfies the recurrence and duplication formula", () => {
    assert.equal(logGamma(1), 0);
    assert.equal(logGamma(2), 0);
    let logFactorial = 0;
    for (let n = 2; n <= 30; n++) {
      logFactorial += Math.log(n);
      assertRelative(logGamma(n + 1), logFactorial, 4e-16 * n, `log ${n}!`);
    }
    for (const x of [0.3, 1.7, 4.2, 11.5, 250.25]) {
      // log Γ(x+1) = log x + log Γ(x) (DLMF 5.5.1)
      const lhs = logGamma(x + 1);
      assert.ok(Math.abs(lhs - Math.log(x) - logGamma(x)) < 1e-14 * Math.max(1, Math.abs(lhs)));
      // Legendre duplication (DLMF 5.5.5): log Γ(2x) = (2x-1)log 2 - ½ log π + log Γ(x) + log Γ(x+½)
      const dup =
        (2 * x - 1) * Math.LN2 - 0.5 * Math.log(Math.PI) + logGamma(x) + logGamma(x + 0.5);
      assert.ok(Math.abs(logGamma(2 * x) - dup) < 2e-14 * Math.max(1, Math.abs(dup)));
    }
  });

  it("logGamma1p avoids the rounding of 1 + z; xMinusLog1p keeps relative accuracy", () => {
    assertRelative(logGamma1p(1e-3), -0.0005763935982833696, 1e-15, "log Γ(1.001)");
    assertRelative(logGamma1p(1e-12), -5.772156649007103e-13, 1e-15, "log Γ(1+1e-12)");
    assertRelative(xMinusLog1p(1e-10), 4.999999999666667e-21, 1e-15, "x - log1p(x)");
    assertRelative(xMinusLog1p(0.3), 0.03763573553250894, 1e-15, "0.3 - log 1.3");
  });

  it("rejects x <= 0", () => {
    assert.throws(() => logGamma(0), RangeError);
    assert.throws(() => logGamma(-1), RangeError);
    assert.throws(() => logGamma(Number.NaN), RangeError);
  });
});

describe("erf, erfc, normalCdf", () => {
  // [x, erf x, erfc x]
  const table: [number, number, number][] = [
    [1e-10, 1.1283791670955126e-10, 0.999999999887162],
    [0.1, 0.1124629160182849, 0.887537083981715],
    [0.5, 0.5204998778130465, 0.4795001221869535],
    [1, 0.8427007929497149, 0.15729920705028513],
    [1.2, 0.9103139782296353, 0.08968602177036464],
    [1.25, 0.9229001282564583, 0.07709987174354177],
    [1.3, 0.9340079449406524, 0.06599205505934755],
    [2, 0.9953222650189527, 0.004677734981047266],
    [3, 0.9999779095030014, 2.209049699858544e-5],
    [5, 0.9999999999984626, 1.537459794428035e-12],
    [6, 1, 2.1519736712498913e-17],
    [10, 1, 2.088487583762545e-45],
    [26, 1, 5.663192408856143e-296],
  ];

  it("matches reference values to ~4e-15 relative, including erfc far tails", () => {
    for (const [x, e, ec] of table) {
      assertRelative(erf(x), e, 1e-15, `erf(${x})`);
      assertRelative(erf(-x), -e, 1e-15, `erf(-${x})`);
      assertRelative(erfc(x), ec, 4e-15, `erfc(${x})`);
      assertRelative(erfc(-x), 2 - ec, 4e-16, `erfc(-${x})`);
    }
    assert.equal(erf(0), 0);
    assert.equal(erfc(0), 1);
  });

  it("normalCdf matches reference values in both tails", () => {
    const table2: [number, number][] = [
      [-37, 5.725571222524577e-300],
      [-20, 2.7536241186062337e-89],
      [-8, 6.220960574271784e-16],
      [-3, 0.0013498980316300946],
      [-1.96, 0.024997895148220435],
      [-0.5, 0.3085375387259869],
      [0, 0.5],
      [0.5, 0.6914624612740131],
      [1.5, 0.9331927987311419],
      [3, 0.9986501019683699],
      [8, 0.9999999999999993],
    ];
    for (const [z, expected] of table2) assertRelative(normalCdf(z), expected, 4e-15, `Φ(${z})`);
    assert.equal(normalCdf(-Infinity), 0);
    assert.equal(normalCdf(Infinity), 1);
  });
});

describe("regularizedGammaP / regularizedGammaQ", () => {
  // [a, x, P(a,x), Q(a,x)]
  const table: [number, number, number, number][] = [
    [0.001, 1e-300, 0.5014761980108866, 0.4985238019891134],
    [0.001, 1e-5, 0.9891230446957827, 0.01087695530421733],
    [0.001, 0.5, 0.9994399333435292, 0.0005600666564707498],
    [0.001, 3, 0.9999869268601987, 1.3073139801213742e-5],
    [0.05, 0.01, 0.815559805741285, 0.18444019425871508],
    [0.5, 0.5, 0.6826894921370859, 0.3173105078629141],
    [0.5, 3, 0.9856941215645704, 0.01430587843542964],
    [1, 1, 0.6321205588285577, 0.36787944117144233],
    [2.5, 1, 0.15085496391539036, 0.8491450360846097],
    [2.5, 10, 0.9987502694369687, 0.0012497305630313753],
    [5, 0.1, 7.66780168618931e-8, 0.9999999233219832],
    [9.9, 9.5, 0.4910884896265681, 0.508911510373432],
    [10.1, 9.5, 0.4653271633372519, 0.5346728366627481],
    [30, 25, 0.18210391597745512, 0.8178960840225449],
    [30, 40, 0.9567713178482644, 0.043228682151735566],
    [100, 200, 0.9999999999999981, 1.843893649711574e-15],
    [3000, 2950, 0.18091121569372456, 0.8190887843062754],
    [3000, 3100, 0.9649999863009536, 0.03500001369904636],
    [1e5, 1e5, 0.5004205221103651, 0.4995794778896348],
    [1e5, 99000, 0.0007574199211747679, 0.9992425800788253],
    [1e6, 1e6, 0.5001329807608725, 0.4998670192391274],
    [1e6, 1.003e6, 0.9986382593537824, 0.0013617406462175915],
    [1e6, 0.99e6, 5.446644693010809e-24, 1],
  ];

  it("matches reference values for a in [1e-3, 1e6] (relative 2e-14 on the smaller of P, Q)", () => {
    for (const [a, x, p, q] of table) {
      const tolerance = a > 1000 ? 3e-14 : 1e-14;
      const smallerIsP = p < q;
      assertRelative(
        smallerIsP ? regularizedGammaP(a, x) : regularizedGammaQ(a, x),
        smallerIsP ? p : q,
        tolerance,
        `${smallerIsP ? "P" : "Q"}(${a}, ${x})`,
      );
      const absolute = a > 1000 ? 1e-14 : 2e-15;
      assert.ok(Math.abs(regularizedGammaP(a, x) - p) < absolute, `P(${a}, ${x}) absolute`);
      assert.ok(Math.abs(regularizedGammaQ(a, x) - q) < absolute, `Q(${a}, ${x}) absolute`);
    }
  });

  it("satisfies P + Q = 1 and the integer-shape closed form (DLMF 8.4.10)", () => {
    for (const n of [1, 2, 3, 7, 15]) {
      for (const x of [0.01, 0.5, 3, 10, 40]) {
        // Q(n, x) = e^{-x} Σ_{k<n} x^k / k!
        let term = 1;
        let sum = 1;
        for (let k = 1; k < n; k++) {
          term *= x / k;
          sum += term;
        }
        assertRelative(regularizedGammaQ(n, x), Math.exp(-x) * sum, 1e-14, `Q(${n}, ${x})`);
        assert.ok(Math.abs(regularizedGammaP(n, x) + regularizedGammaQ(n, x) - 1) < 3e-16);
      }
    }
    // P(1/2, x²) = erf(x) (DLMF 7.11.1 with 8.4.1)
    for (const x of [0.2, 1, 2.5])
      assertRelative(regularizedGammaP(0.5, x * x), erf(x), 2e-15, `erf(${x})`);
  });

  it("handles the edges and rejects bad arguments", () => {
    assert.equal(regularizedGammaP(3, 0), 0);
    assert.equal(regularizedGammaQ(3, Infinity), 0);
    assert.throws(() => regularizedGammaP(0, 1), RangeError);
    assert.throws(() => regularizedGammaP(1, -1), RangeError);
    assert.throws(() => regularizedGammaQ(Number.NaN, 1), RangeError);
  });
});

describe("regularizedBetaI", () => {
  // [x, a, b, I_x(a,b), 1 - I_x(a,b)]
  const table: [number, number, number, number, number][] = [
    [0.3, 0.01, 0.02, 0.6611784272511073, 0.3388215727488927],
    [1e-5, 0.01, 0.02, 0.5943586687923433, 0.4056413312076566],
    [0.999, 0.01, 0.02, 0.7095796810124726, 0.29042031898752746],
    [0.5, 0.001, 0.001, 0.5, 0.5],
    [0.1, 0.5, 0.5, 0.20483276469913345, 0.7951672353008665],
    [0.3, 15, 0.001, 1.335576503586244e-12, 0.9999999999986644],
    [0.2, 12, 20, 0.012717748806843301, 0.9872822511931567],
    [1e-9, 0.001, 1e5, 0.9914031147163669, 0.008596885283633112],
    [0.6, 3000, 2000, 0.4992322120544092, 0.5007677879455907],
    [0.59, 3000, 2000, 0.0747378737916947, 0.9252621262083053],
    [0.6667, 2e5, 1e5, 0.5152757997503781, 0.48472420024962193],
    [0.666, 2e5, 1e5, 0.219238186167886, 0.780761813832114],
    [0.99999, 1e5, 3, 0.9196958438052767, 0.08030415619472335],
    [0.9999, 1e5, 3, 0.0027680339601161104, 0.9972319660398838],
    [0.4999, 1e6, 1e6, 0.388648717862322, 0.611351282137678],
  ];

  it("matches reference values for shapes in [1e-3, 1e6]", () => {
    for (const [x, a, b, value, complement] of table) {
      // Relative error grows like √max(a,b)·ε through the continued fraction (~1e-12 at 1e5).
      const tolerance = Math.max(a, b) > 100 ? 2e-12 : 2e-14;
      const smaller = Math.min(value, complement);
      const computed =
        value < complement ? regularizedBetaI(x, a, b) : 1 - regularizedBetaI(x, a, b);
      assertRelative(computed, smaller, Math.max(tolerance, 2e-16 / smaller), `I_${x}(${a}, ${b})`);
    }
  });

  it("satisfies symmetry and closed forms (DLMF 8.17.4, 8.17.5)", () => {
    for (const [a, b] of [
      [0.3, 2],
      [2, 5],
      [40, 25],
    ]) {
      for (const x of [0.05, 0.3, 0.62, 0.97]) {
        const sum = regularizedBetaI(x, a, b) + regularizedBetaI(1 - x, b, a);
        assert.ok(Math.abs(sum - 1) < 1e-14, `I_x(${a},${b}) + I_{1-x}(${b},${a}) = ${sum}`);
      }
    }
    for (const x of [1e-6, 0.1, 0.5, 0.9]) {
      assertRelative(regularizedBetaI(x, 1, 7), -Math.expm1(7 * Math.log1p(-x)), 1e-14, "I_x(1,b)");
      assertRelative(regularizedBetaI(x, 3.5, 1), x ** 3.5, 1e-14, "I_x(a,1)");
      assertRelative(
        regularizedBetaI(x, 0.5, 0.5),
        (2 / Math.PI) * Math.asin(Math.sqrt(x)),
        1e-14,
        "arcsine law",
      );
      // I_x(2, 5) = Σ_{j=2}^{6} C(6,j) x^j (1-x)^{6-j}  (binomial sum, DLMF 8.17.5)
      const binomial = [1, 6, 15, 20, 15, 6, 1];
      let sum = 0;
      for (let j = 2; j <= 6; j++) sum += binomial[j] * x ** j * (1 - x) ** (6 - j);
      assertRelative(regularizedBetaI(x, 2, 5), sum, 1e-14, "I_x(2,5)");
    }
  });

  it("logBeta agrees with logGamma sums where they do not cancel", () => {
    for (const [a, b] of [
      [0.5, 0.5],
      [3, 4.5],
      [12, 0.01],
      [30, 70],
    ]) {
      const direct = logGamma(a) + logGamma(b) - logGamma(a + b);
      assert.ok(Math.abs(logBeta(a, b) - direct) < 1e-13 * Math.max(1, Math.abs(direct)));
    }
    assertRelative(logBeta(0.5, 0.5), Math.log(Math.PI), 1e-15, "B(1/2,1/2) = π");
  });

  it("handles the edges and rejects bad arguments", () => {
    assert.equal(regularizedBetaI(0, 2, 3), 0);
    assert.equal(regularizedBetaI(1, 2, 3), 1);
    assert.throws(() => regularizedBetaI(1.1, 2, 3), RangeError);
    assert.throws(() => regularizedBetaI(0.5, 0, 3), RangeError);
    assert.throws(() => regularizedBetaI(0.5, 2, Number.NaN), RangeError);
  });
});
