import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gaussLegendre } from "../../src/special/gaussLegendre.js";
import { consecutiveSpacingsDensity, gapRatioLawExact } from "../../src/theory/gapRatio.js";
import {
  sineGapRatioLaw,
  sineNearestNeighbourLaw,
  sineSpacingLaw,
  TABULATED_BETAS,
} from "../../src/theory/localStatistics.js";
import { nearestNeighbourLawExact } from "../../src/theory/nearestNeighbour.js";
import { SIMULATED_SINE_BETA } from "../../src/theory/sineBetaTable.js";
import { spacingLaw } from "../../src/theory/spacingLaw.js";

const row = (beta: number) =>
  SIMULATED_SINE_BETA.find((r) => r.beta === beta) as (typeof SIMULATED_SINE_BETA)[number];

describe("gap-ratio law of sine₂ (Janossy densities)", () => {
  it("has the joint density of two spacings whose marginal is Gaudin's p₂", () => {
    const { nodes, weights } = gaussLegendre(48);
    const p2 = spacingLaw(2);
    for (const x of [0.3, 1, 1.7]) {
      let marginal = 0;
      for (let k = 0; k < nodes.length; k++) {
        const y = 3.5 * (nodes[k] + 1);
        marginal += 3.5 * weights[k] * consecutiveSpacingsDensity(x, y);
      }
      assert.ok(Math.abs(marginal - p2.pdf(x)) < 1e-10, `x=${x}: ${marginal} vs ${p2.pdf(x)}`);
    }
    // Symmetric in the two spacings (reflection invariance).
    assert.ok(
      Math.abs(consecutiveSpacingsDensity(0.7, 1.2) - consecutiveSpacingsDensity(1.2, 0.7)) < 1e-13,
    );
  });

  it("gives ⟨min(r, 1/r)⟩ = 0.5997… against Atas et al.'s large-N GUE value 0.5996(1)", () => {
    // Atas, Bogomolny, Giraud & Roux, Phys. Rev. Lett. 110 (2013) 084101, Table I: ⟨r̃⟩ from
    // diagonalising large GUE matrices 0.5996(1) (their surmise, 2√3/π − 1/2 = 0.60266, is a
    // 3×3 approximation and differs: it must not be used as the N = ∞ value).
    const folded = gapRatioLawExact("folded");
    assert.ok(Math.abs(folded.mean - 0.5996) < 3e-4, `${folded.mean}`);
    assert.ok(Math.abs(folded.mean - (2 * Math.sqrt(3)) / Math.PI + 0.5) > 2e-3);
    // Unit mass, the symmetry P(1/r) = r²P(r), and consistency of the two kinds.
    const ratio = gapRatioLawExact("ratio");
    assert.ok(Math.abs(ratio.cdf(1) - 0.5) < 1e-12);
    assert.ok(Math.abs(folded.cdf(1) - 1) < 1e-15);
    for (const r of [0.2, 0.5, 0.9]) {
      assert.ok(Math.abs(ratio.pdf(1 / r) * (1 / r) ** 2 - ratio.pdf(r)) < 1e-12);
      assert.ok(Math.abs(folded.cdf(r) - 2 * ratio.cdf(r)) < 1e-12);
    }
  });

  it("agrees with the CβE simulation (docs/local-statistics) within 5 standard errors", () => {
    const folded = gapRatioLawExact("folded");
    const sim = row(2).folded;
    sim.cdf.forEach((value, i) => {
      const x = sim.step * (i + 1);
      assert.ok(Math.abs(folded.cdf(x) - value) < 5 * sim.se, `x=${x}`);
    });
    assert.ok(Math.abs(folded.mean - sim.mean) < 5 * sim.meanSe);
  });
});

describe("nearest-neighbour spacing law of sine₂ (Palm determinant)", () => {
  it("is twice Gaudin's p₂ at small s (Forrester & Odlyzko 1996) and agrees with the simulation", () => {
    const nn = nearestNeighbourLawExact();
    const p2 = spacingLaw(2);
    assert.ok(Math.abs(nn.pdf(1e-3) / (2 * p2.pdf(1e-3)) - 1) < 1e-5);
    assert.ok(Math.abs(nn.cdf(Number.POSITIVE_INFINITY) - 1) < 1e-15);
    const sim = row(2).nearest;
    sim.cdf.forEach((value, i) => {
      const x = sim.step * (i + 1);
      assert.ok(Math.abs(nn.cdf(x) - value) < 5 * sim.se, `x=${x}`);
    });
    assert.ok(Math.abs(nn.mean - sim.mean) < 5 * sim.meanSe);
  });
});

describe("the simulated sine_β table", () => {
  it("reproduces the exact β = 1, 2, 4 spacing laws within 5 standard errors", () => {
    for (const beta of [1, 2, 4]) {
      const exact = spacingLaw(beta as 1 | 2 | 4);
      const sim = row(beta);
      sim.spacing.cdf.forEach((value, i) => {
        const x = sim.spacing.step * (i + 1);
        // Standard errors are between samples; at tiny CDF values use the binomial floor.
        const se = Math.max(sim.spacing.se, 1e-4);
        assert.ok(Math.abs(exact.cdf(x) - value) < 5 * se, `β=${beta} x=${x}`);
      });
      assert.ok(Math.abs(exact.variance - sim.variance) < 5 * sim.varianceSe, `β=${beta}`);
    }
  });

  it("reproduces Atas et al.'s ⟨min(r, 1/r)⟩ for GOE 0.5307(1) and GSE 0.6744(1)", () => {
    // Atas, Bogomolny, Giraud & Roux, Phys. Rev. Lett. 110 (2013), Table I (large-N numerics).
    for (const [beta, value] of [
      [1, 0.5307],
      [4, 0.6744],
    ] as const) {
      const law = sineGapRatioLaw(beta, true);
      assert.ok(
        Math.abs(law.mean - value) < 5 * Math.hypot(row(beta).folded.meanSe, 1e-4),
        `β=${beta}: ${law.mean}`,
      );
    }
  });

  it("serves monotone laws for every tabulated β and refuses the others", () => {
    for (const beta of TABULATED_BETAS) {
      for (const law of [
        sineSpacingLaw(beta),
        sineNearestNeighbourLaw(beta),
        sineGapRatioLaw(beta, true),
      ]) {
        let previous = 0;
        for (let x = 0.01; x < 4; x += 0.01) {
          const c = law.cdf(x);
          assert.ok(c >= previous - 1e-15 && c <= 1, `${law.name} x=${x}`);
          assert.ok(law.pdf(x) >= 0);
          previous = c;
        }
        assert.ok(Math.abs(law.cdf(law.quantile(0.5)) - 0.5) < 1e-9);
      }
    }
    assert.throws(() => sineSpacingLaw(7), RangeError);
    assert.throws(() => sineGapRatioLaw(0.25), RangeError);
    // The gap-ratio law of r from r̃: P(r ≤ 1) = 1/2.
    assert.ok(Math.abs(sineGapRatioLaw(3).cdf(1) - 0.5) < 1e-12);
  });
});
