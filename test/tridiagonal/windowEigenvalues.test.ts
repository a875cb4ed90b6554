import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hermiteTridiagonal } from "../../src/ensembles/hermite.js";
import { jacobiTridiagonal } from "../../src/ensembles/jacobi.js";
import { laguerreTridiagonal } from "../../src/ensembles/laguerre.js";
import { createRandomSource } from "../../src/random/philox.js";
import { tridiagonalEigenvalues } from "../../src/tridiagonal/eigenvalues.js";
import type { SymmetricTridiagonal } from "../../src/tridiagonal/types.js";
import { windowEigenvalues } from "../../src/tridiagonal/windowEigenvalues.js";

/** Largest |window − full| over the window, in units of the window's mean spacing. */
function compare(t: SymmetricTridiagonal, energy: number, count: number) {
  const full = tridiagonalEigenvalues(t.diagonal, t.offDiagonalSquared);
  const w = windowEigenvalues(t.diagonal, t.offDiagonalSquared, energy, count);
  assert.equal(w.values.length, count);
  let worst = 0;
  for (let i = 0; i < count; i++)
    worst = Math.max(worst, Math.abs(w.values[i] - full[w.firstIndex + i]));
  const spacing = (w.values[count - 1] - w.values[0]) / (count - 1);
  // They are the `count` nearest to E: the neighbours outside are farther.
  const far = Math.max(energy - w.values[0], w.values[count - 1] - energy);
  if (w.firstIndex > 0) assert.ok(energy - full[w.firstIndex - 1] >= far - 1e-9 * spacing);
  if (w.firstIndex + count < full.length)
    assert.ok(full[w.firstIndex + count] - energy >= far - 1e-9 * spacing);
  return { error: worst / spacing, result: w };
}

describe("the k eigenvalues nearest E without the others (windowEigenvalues)", () => {
  const n = 10000;
  it("equal the full eigenvalue computation on the same Hermite matrices (β = 1, 2, 4; N = 10⁴)", () => {
    for (const [beta, energy, count] of [
      [2, 0, 300],
      [1, 60, 200],
      [4, -180, 150],
    ] as const) {
      const t = hermiteTridiagonal(createRandomSource(21, beta), n, beta, { loc: 0, scale: 1 });
      const { error } = compare(t, energy, count);
      // Measured ≈ 1e−10 spacings (the phase is evaluated to ≈ 1e−11 radians).
      assert.ok(error < 1e-7, `β=${beta} E=${energy}: ${error}`);
    }
  });

  it("equal it on Laguerre and Jacobi matrices (B Bᵀ of the bidiagonal models)", () => {
    const lag = laguerreTridiagonal(createRandomSource(22, 0), n, 2, { shape: 1, scale: 1 });
    assert.ok(compare(lag, 4000, 200).error < 1e-6);
    const jac = jacobiTridiagonal(createRandomSource(23, 0), 4000, 1, { a: 2, b: 3 });
    assert.ok(compare(jac, 0.5, 100).error < 1e-6);
  });

  it("handle windows at the ends of the spectrum and the whole spectrum", () => {
    const t = hermiteTridiagonal(createRandomSource(24, 0), 300, 2, { loc: 0, scale: 1 });
    assert.ok(compare(t, 0, 300).error < 1e-7);
    assert.ok(compare(t, -100, 20).error < 1e-7);
    assert.ok(compare(t, 100, 5).error < 1e-7);
  });

  it("refuse bad input", () => {
    const t = hermiteTridiagonal(createRandomSource(25, 0), 50, 2, { loc: 0, scale: 1 });
    assert.throws(() => windowEigenvalues(t.diagonal, t.offDiagonalSquared, 0, 0), RangeError);
    assert.throws(() => windowEigenvalues(t.diagonal, t.offDiagonalSquared, 0, 51), RangeError);
    assert.throws(
      () => windowEigenvalues(t.diagonal, t.offDiagonalSquared, Number.NaN, 5),
      RangeError,
    );
  });
});
