import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { besselEntireSeries, deterministicLogGamma } from "../../src/special/besselSeries.js";
import { DD_LOW, ddAdd, ddDiv, ddMul } from "../../src/special/doubleDouble.js";
import { logGamma } from "../../src/special/logGamma.js";
import {
  hardEdgeAsymptotics,
  logBarnesG1p,
  sigmaCoefficients,
} from "../../src/theory/besselAsymptotics.js";
import {
  besselGapLogDeterminant,
  besselHankelOrder,
  besselSignedLogDeterminants,
} from "../../src/theory/besselHankel.js";
import { sineLogDeterminantDD } from "../../src/theory/besselHankelDD.js";
import { fredholmDeterminant } from "../../src/theory/fredholm.js";
import { gaussJacobiUnit, gaussJacobiUnitDD } from "../../src/theory/gaussJacobi.js";
import { sineLogDeterminant, sineLogDeterminantNystrom } from "../../src/theory/sineKernel.js";

describe("special functions of the Bessel–Hankel engine", () => {
  it("sum the entire Bessel series g₀, g₁, g₂ to ~1e−15 (mpmath, 50 digits)", () => {
    // [a, z, g0, g1, g2] with g_k as in special/besselSeries.ts, evaluated in mpmath 1.3 by the
    // same power series at 50 digits.
    const table: [number, number, number, number, number][] = [
      [0, 1, 0.7651976865579666, 0.16257355040651653, -0.3825988432789833],
      [0, 10, -0.24593576445134835, -0.34033161306998133, 6.2098780523965456],
      [0.5, 30, -0.03293438746976206, 0.0688921280763515, 7.416412378347044],
      [-0.5, 39.9, -0.5892189567272824, -16.266374142338172, 234.62109637923655],
      [2.3, 20, -0.0024065951031703938, -0.0001209234629095713, 0.23807843706888912],
      [-0.9, 5, 6.42628785611357, 12.44273102296346, -40.469547773875206],
    ];
    const out = new Float64Array(3);
    for (const [a, z, g0, g1, g2] of table) {
      besselEntireSeries(a, z * z, out);
      // Double-double keeps 1e−32 of the largest term (≈ e^z/(2πz) ≈ 1e15 at z = 40).
      assert.ok(Math.abs(out[0] - g0) < 2e-15 * Math.max(1, Math.abs(g0)), `g0 a=${a} z=${z}`);
      assert.ok(Math.abs(out[1] - g1) < 2e-15 * Math.max(1, Math.abs(g1)), `g1 a=${a} z=${z}`);
      assert.ok(Math.abs(out[2] - g2) < 5e-15 * Math.max(1, Math.abs(g2)), `g2 a=${a} z=${z}`);
    }
    assert.throws(() => besselEntireSeries(-1, 1, out), RangeError);
    assert.throws(() => besselEntireSeries(0, 1e4, out), RangeError);
  });

  it("compute log Γ deterministically and log G(1 + z) (Barnes) to 1e−14", () => {
    for (let x = 0.01; x < 60; x *= 1.37) {
      assert.ok(
        Math.abs(deterministicLogGamma(x) - logGamma(x)) <
          2e-14 * Math.max(1, Math.abs(logGamma(x))),
      );
    }
    // log G(1/2) = (1/24) log 2 − (1/4) log π + (3/2) ζ′(−1), ζ′(−1) = −0.16542114370045092
    // (DLMF 5.17.3 and 5.17.5); G(n + 1) = Π_{k<n} k!.
    const zetaPrime = -0.1654211437004509;
    const half = Math.log(2) / 24 - Math.log(Math.PI) / 4 + 1.5 * zetaPrime;
    assert.ok(Math.abs(logBarnesG1p(-0.5) - half) < 1e-15);
    assert.ok(Math.abs(logBarnesG1p(3) - Math.log(2)) < 2e-14);
    assert.ok(Math.abs(logBarnesG1p(4) - Math.log(12)) < 2e-14);
  });

  it("build Gauss–Jacobi rules exact to rounding (double) and to 1e−29 (double-double)", () => {
    for (const [m, g] of [
      [10, 0.5],
      [40, -0.5],
      [50, 2],
      [30, -0.9],
    ] as const) {
      const { nodes, weights } = gaussJacobiUnit(m, g);
      for (let p = 0; p < 2 * m; p += 3) {
        let s = 0;
        for (let k = 0; k < m; k++) s += weights[k] * nodes[k] ** p;
        assert.ok(Math.abs(s * (p + g + 1) - 1) < 3e-14, `m=${m} γ=${g} p=${p}`);
      }
    }
    const rule = gaussJacobiUnitDD(40, 2);
    for (let p = 0; p < 80; p += 7) {
      let sh = 0;
      let sl = 0;
      for (let k = 0; k < 40; k++) {
        let ph = 1;
        let pl = 0;
        for (let i = 0; i < p; i++) {
          ph = ddMul(ph, pl, rule.nodesHi[k], rule.nodesLo[k]);
          pl = DD_LOW[0];
        }
        sh = ddAdd(sh, sl, ddMul(ph, pl, rule.weightsHi[k], rule.weightsLo[k]), DD_LOW[0]);
        sl = DD_LOW[0];
      }
      const eh = ddDiv(1, 0, p + 3, 0);
      assert.ok(Math.abs(ddAdd(sh, sl, -eh, -DD_LOW[0])) < 1e-29 * eh, `p=${p}`);
    }
  });
});

describe("Fredholm determinants of the finite Hankel transform V_a", () => {
  it("give E₂^hard(0; X; 0) = e^{−X/4} for a = 0 (Edelman 1988), to the double-precision limit", () => {
    // The factors 1 − ν² of det(I − V²) fall like e^{−2√X}: in double precision the relative
    // accuracy of log det is ≈ 1e−16·e^{2√X} (hence double-double and the expansion beyond).
    for (const x of [0.1, 4, 16, 36, 100]) {
      const error = Math.abs(besselGapLogDeterminant(0, x).value + x / 4);
      assert.ok(error < 1e-15 * Math.exp(2 * Math.sqrt(x)) + 1e-15 * x, `X=${x}: ${error}`);
    }
  });

  it("converge in the Nyström order: doubling it changes values and X-derivatives at rounding level", () => {
    for (const a of [-0.5, 0.5, 0, 2.7]) {
      for (const x of [0.5, 10, 25]) {
        const m = besselHankelOrder(a, x);
        const p = besselGapLogDeterminant(a, x, m);
        const q = besselGapLogDeterminant(a, x, 2 * m);
        // Rounding level of double precision: ≈ 1e−16·e^{2√X} (module comment of besselHankel.ts).
        const tolerance = 1e-15 * Math.exp(2 * Math.sqrt(x));
        assert.ok(
          Math.abs(p.value - q.value) < tolerance * Math.max(1, Math.abs(q.value)),
          `value a=${a} X=${x}`,
        );
        assert.ok(
          Math.abs(p.d1 - q.d1) < tolerance * Math.max(1, Math.abs(q.d1)),
          `d1 a=${a} X=${x}`,
        );
        assert.ok(
          Math.abs(p.d2 - q.d2) < 10 * tolerance * Math.max(1, Math.abs(q.d2)),
          `d2 a=${a} X=${x}`,
        );
        const signed = besselSignedLogDeterminants(a, x, m);
        assert.ok(
          Math.abs(signed.minus.value + signed.plus.value - q.value) <
            1e-12 * Math.max(1, Math.abs(q.value)),
        );
      }
    }
  });

  it("match finite differences of themselves for the X-derivatives (Jacobi's formula)", () => {
    const h = 1e-4;
    for (const a of [-0.5, 1.3]) {
      const x = 7;
      const d = besselGapLogDeterminant(a, x);
      const up = besselGapLogDeterminant(a, x + h).value;
      const down = besselGapLogDeterminant(a, x - h).value;
      assert.ok(Math.abs((up - down) / (2 * h) - d.d1) < 1e-8);
      assert.ok(Math.abs((up - 2 * d.value + down) / (h * h) - d.d2) < 1e-5);
    }
  });

  it("give the even Palm kernel S(x−y) + S(x+y) − 2S(x)S(y) as V_{3/2}² (nearest-neighbour law)", () => {
    const S = (u: number) => (u === 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u));
    for (const t of [0.25, 0.5, 1, 1.5]) {
      const direct = fredholmDeterminant((x, y) => S(x - y) + S(x + y) - 2 * S(x) * S(y), 0, t, 40);
      const hankel = Math.exp(besselGapLogDeterminant(1.5, (Math.PI * t) ** 2).value);
      assert.ok(Math.abs(direct - hankel) < 2e-14, `t=${t}: ${direct} vs ${hankel}`);
    }
  });

  it("agree in double-double with double precision where both are exact, and with the expansion far out", () => {
    const out = new Float64Array(3);
    const expansion = new Float64Array(4);
    for (const a of [-0.5, 0.5, 1.5] as const) {
      for (const t of [1, 3, 4.5]) {
        // Double precision is exact to ≈ 1e−16·e^{2t} here.
        const tolerance = 3e-15 * Math.exp(2 * t);
        sineLogDeterminantNystrom(a, t, out);
        const [value, derivative] = sineLogDeterminantDD(a, t, 40);
        assert.ok(
          Math.abs(value - out[0]) < tolerance * Math.max(1, Math.abs(value)),
          `a=${a} t=${t}`,
        );
        assert.ok(Math.abs(derivative - out[1]) < tolerance * Math.max(1, Math.abs(derivative)));
      }
      // Where the expansion's first omitted term is < 1e−14 (t ≥ 14; 16 for a = 3/2).
      const t = a === 1.5 ? 17 : 15;
      hardEdgeAsymptotics(a).evaluate(t * t, expansion);
      const [value] = sineLogDeterminantDD(a, t, 48);
      assert.ok(
        Math.abs(value - expansion[0]) < 3e-14 * Math.abs(value),
        `a=${a}: ${value} vs ${expansion[0]}`,
      );
      // The table switches to the expansion there: continuous across the switch.
      sineLogDeterminant(a, t - 1e-9, out);
      const below = out[0];
      const slope = out[1];
      sineLogDeterminant(a, t + 1e-9, out);
      assert.ok(Math.abs(out[0] - below - 2e-9 * slope) < 1e-13 * Math.abs(below));
    }
  });

  it("solve the Painlevé III σ-form for the expansion coefficients (Tracy–Widom 1994)", () => {
    // d_k of log D_a = … + Σ d_k X^{−k/2}; exact rationals for a = −½ by series substitution in
    // sympy (docs/local-statistics), and d₁ = a/8, d₂ = a²/16 (Tracy & Widom 1994, eq. (1.23)),
    // d₃ = a(16a² + 9)/384.
    const s = sigmaCoefficients(-0.5, 12);
    const d = (k: number, coefficients: Float64Array) => (2 * coefficients[k + 2]) / k;
    const exact = [-1 / 16, 1 / 64, -13 / 768, 5 / 256, -413 / 10240, 131 / 1536];
    for (let k = 1; k <= exact.length; k++) {
      assert.ok(
        Math.abs(d(k, s) - exact[k - 1]) < 1e-15 * Math.abs(exact[k - 1]) + 1e-17,
        `d_${k}`,
      );
    }
    for (const a of [0.37, 2.5, -0.8]) {
      const c = sigmaCoefficients(a, 8);
      assert.ok(Math.abs(d(1, c) - a / 8) < 1e-15);
      assert.ok(Math.abs(d(2, c) - (a * a) / 16) < 1e-15);
      assert.ok(Math.abs(d(3, c) - (a * (16 * a * a + 9)) / 384) < 1e-14);
    }
  });
});
