import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { normal } from "../../src/random/normal.js";
import { createRandomSource } from "../../src/random/philox.js";
import {
  autocovariance,
  convergenceDiagnostics,
  effectiveSampleSize,
  integratedAutocorrelationTime,
  rankNormalize,
  splitChains,
} from "../../src/statistics/convergence.js";

interface Case {
  chains: number[][];
  rhatBulk: number;
  rhatTail: number;
  essBulk: number;
}
const fixtures: Record<string, Case> = JSON.parse(
  readFileSync(new URL("./fixtures/convergence.json", import.meta.url), "utf8"),
);

/** M AR(1) chains x_{i+1} = φx_i + ε_i started in equilibrium: τ = (1 + φ)/(1 − φ). */
function ar1(seed: number, m: number, n: number, phi: number, shift = () => 0): Float64Array[] {
  const rng = createRandomSource(seed, 0);
  return Array.from({ length: m }, (_, j) => {
    const c = new Float64Array(n);
    let x = normal(rng) / Math.sqrt(1 - phi * phi);
    for (let i = 0; i < n; i++) {
      x = phi * x + normal(rng);
      c[i] = x + shift() * (j === m - 1 ? 1 : 0);
    }
    return c;
  });
}

describe("convergence diagnostics (Vehtari et al. 2021)", () => {
  it("match an independent numpy/scipy computation (test/statistics/fixtures/convergence.py)", () => {
    for (const [name, c] of Object.entries(fixtures)) {
      const chains = c.chains.map((row) => Float64Array.from(row));
      const d = convergenceDiagnostics(chains);
      assert.ok(
        Math.abs(d.rhatBulk - c.rhatBulk) < 1e-12,
        `${name} bulk ${d.rhatBulk} vs ${c.rhatBulk}`,
      );
      assert.ok(
        Math.abs(d.rhatTail - c.rhatTail) < 1e-12,
        `${name} tail ${d.rhatTail} vs ${c.rhatTail}`,
      );
      assert.ok(
        Math.abs(d.essBulk - c.essBulk) < 1e-9 * c.essBulk,
        `${name} ess ${d.essBulk} vs ${c.essBulk}`,
      );
    }
    // The cases do what they are named for: a shifted chain fails bulk R̂, a wider one tail R̂.
    assert.ok(fixtures.shifted.rhatBulk > 1.05 && fixtures.scaled.rhatTail > 1.1);
  });
  it("give the integrated autocorrelation time of AR(1) chains, (1 + φ)/(1 − φ)", () => {
    for (const phi of [0, 0.5, 0.9]) {
      const chains = ar1(3, 4, 20000, phi);
      const tau = integratedAutocorrelationTime(chains);
      const exact = (1 + phi) / (1 - phi);
      // Relative standard error of Geyer's estimate ≈ √(2(2K+1)/n) ~ 0.04 here.
      assert.ok(Math.abs(tau / exact - 1) < 0.12, `φ = ${phi}: τ = ${tau} vs ${exact}`);
    }
  });
  it("say 1 and ESS ≈ draws for a fast case, and flag a slow one", () => {
    const fast = convergenceDiagnostics(ar1(4, 8, 1000, 0));
    assert.ok(fast.rhat < 1.01, `fast R̂ ${fast.rhat}`);
    assert.ok(fast.essBulk > 6000 && fast.essBulk < 10000, `fast ESS ${fast.essBulk}`);
    // φ = 0.999 over 1000 steps: each chain sits near its own start.
    const slow = convergenceDiagnostics(ar1(5, 8, 1000, 0.999));
    assert.ok(slow.rhat > 1.1, `slow R̂ ${slow.rhat}`);
    assert.ok(slow.essBulk < 100, `slow ESS ${slow.essBulk}`);
  });
  it("split, rank and autocovariance pieces", () => {
    const s = splitChains([Float64Array.from([1, 2, 3, 4, 5])]);
    assert.deepEqual(Array.from(s[0]), [1, 2]);
    assert.deepEqual(Array.from(s[1]), [4, 5]);
    const z = rankNormalize([Float64Array.from([3, 1]), Float64Array.from([1, 2])]);
    // Ranks 4, 1.5 | 1.5, 3: ties share their average rank.
    assert.equal(z[0][1], z[1][0]);
    assert.ok(z[0][0] > z[1][1] && z[1][1] > z[0][1]);
    const acov = autocovariance(Float64Array.from([1, -1, 1, -1]));
    assert.ok(Math.abs(acov[0] - 1) < 1e-15 && Math.abs(acov[1] + 0.75) < 1e-15);
    assert.throws(() => convergenceDiagnostics([Float64Array.from([1, 2, 3])]), RangeError);
    assert.ok(effectiveSampleSize([Float64Array.from([1, 2, 3, 4, 5, 6])]) > 0);
  });
});
