import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gaussLegendre } from "../../src/special/gaussLegendre.js";

/** P_0(x), …, P_d(x) by the three-term recurrence (DLMF 18.9.1). */
function legendreValues(x: number, d: number): number[] {
  const p = [1, x];
  for (let k = 1; k < d; k++) p.push(((2 * k + 1) * x * p[k] - k * p[k - 1]) / (k + 1));
  return p.slice(0, d + 1);
}

describe("gaussLegendre", () => {
  it("reproduces the closed-form 5-point rule (nodes ±⅓√(5 ∓ 2√(10/7)), A&S Table 25.4)", () => {
    const { nodes, weights } = gaussLegendre(5);
    const inner = Math.sqrt(5 - 2 * Math.sqrt(10 / 7)) / 3;
    const outer = Math.sqrt(5 + 2 * Math.sqrt(10 / 7)) / 3;
    const expectedNodes = [-outer, -inner, 0, inner, outer];
    const wInner = (322 + 13 * Math.sqrt(70)) / 900;
    const wOuter = (322 - 13 * Math.sqrt(70)) / 900;
    const expectedWeights = [wOuter, wInner, 128 / 225, wInner, wOuter];
    for (let i = 0; i < 5; i++) {
      assert.ok(Math.abs(nodes[i] - expectedNodes[i]) < 3e-16, `node ${i}: ${nodes[i]}`);
      assert.ok(Math.abs(weights[i] - expectedWeights[i]) < 3e-16, `weight ${i}: ${weights[i]}`);
    }
  });

  it("integrates P_j·P_k exactly (= 2δ_jk/(2k+1)) for j + k ≤ 2n − 1, and not at degree 2n", () => {
    for (const n of [1, 2, 3, 4, 7, 12, 25, 64]) {
      const { nodes, weights } = gaussLegendre(n);
      const values = Array.from(nodes, (x) => legendreValues(x, n));
      for (let j = 0; j <= n; j++) {
        for (let k = 0; k <= Math.min(n, 2 * n - 1 - j); k++) {
          let s = 0;
          for (let i = 0; i < n; i++) s += weights[i] * values[i][j] * values[i][k];
          const exact = j === k ? 2 / (2 * k + 1) : 0;
          // The weights carry about √n ulps from the recurrence for P_{n−1}.
          const tolerance = 1e-15 * (1 + Math.sqrt(n) / 4);
          assert.ok(
            Math.abs(s - exact) < tolerance,
            `n = ${n}: ∫P_${j}P_${k} = ${s}, exact ${exact}`,
          );
        }
      }
      // Degree 2n: ∫P_n² = 2/(2n+1) but the rule gives 0 (P_n vanishes at the nodes).
      let s = 0;
      for (let i = 0; i < n; i++) s += weights[i] * values[i][n] * values[i][n];
      assert.ok(Math.abs(s) < 1e-14, `n = ${n}: the nodes are the zeros of P_${n}`);
    }
  });

  it("has weights summing to 2, exact symmetry and ascending nodes in (−1, 1)", () => {
    for (const n of [1, 2, 9, 10, 101, 1000]) {
      const { nodes, weights } = gaussLegendre(n);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        sum += weights[i];
        assert.ok(nodes[i] === -nodes[n - 1 - i], `n = ${n}: asymmetric node ${i}`);
        assert.ok(weights[i] === weights[n - 1 - i], `n = ${n}: asymmetric weight ${i}`);
        assert.ok(weights[i] > 0);
        if (i > 0) assert.ok(nodes[i] > nodes[i - 1]);
      }
      assert.ok(nodes[0] > -1 && nodes[n - 1] < 1);
      assert.ok(
        Math.abs(sum - 2) < 1e-15 * (1 + Math.sqrt(n) / 4),
        `n = ${n}: Σw − 2 = ${sum - 2}`,
      );
    }
  });

  it("is accurate at high order: ∫e^x, ∫cos(200x) and the end weights at n = 1000", () => {
    const { nodes, weights } = gaussLegendre(1000);
    let e = 0;
    let c = 0;
    for (let i = 0; i < nodes.length; i++) {
      e += weights[i] * Math.exp(nodes[i]);
      c += weights[i] * Math.cos(200 * nodes[i]);
    }
    assert.ok(Math.abs(e / (Math.E - 1 / Math.E) - 1) < 5e-15);
    assert.ok(Math.abs(c - Math.sin(200) / 100) < 5e-15);
    // The largest node and its weight, from Newton's method in mpmath at 40 digits:
    // 1 − x = 2.8887019244894301237e−6, w = 7.4133384164320715175e−6.
    assert.ok(Math.abs((1 - nodes[999]) / 2.8887019244894302e-6 - 1) < 1e-10);
    assert.ok(Math.abs(weights[999] / 7.413338416432072e-6 - 1) < 2e-14, `w = ${weights[999]}`);
  });

  it("returns fresh copies of its cached rule", () => {
    const a = gaussLegendre(6);
    a.nodes[0] = 42;
    assert.notEqual(gaussLegendre(6).nodes[0], 42);
  });

  it("rejects orders that are not positive integers", () => {
    for (const n of [0, -3, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => gaussLegendre(n), RangeError);
    }
  });
});
