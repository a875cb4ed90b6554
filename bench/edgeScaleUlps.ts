/**
 * How far `n ** (2 / 3)` (the engine's pow, used before edgeScale) and edgeScale's
 * detPow(n, 2 / 3) lie apart (CHANGELOG, Unreleased): the N of 1 … 1e5 and 401 log-spaced N up to
 * 1e9 where they differ and by how many ulps, and how many rescaled ξ = N^{2/3}c_V(λ_max − b_V)
 * move (20 λ_max per N over N = 2 … 10000, ξ uniform in [−5, 3), c_V and b_V of x^4/4 and x^2/2).
 * Deterministic. Run standalone: node --import tsx bench/edgeScaleUlps.ts
 */
import { detPow } from "../src/special/deterministicMath.js";
import { edgeScale } from "../src/theory/equilibrium.js";

const view = new DataView(new ArrayBuffer(8));

/** |a − b| in ulps (a, b finite, same sign). */
function ulps(a: number, b: number): number {
  view.setFloat64(0, a);
  const ia = view.getBigInt64(0);
  view.setFloat64(0, b);
  return Math.abs(Number(ia - view.getBigInt64(0)));
}

const ns: number[] = [];
for (let n = 1; n <= 100000; n++) ns.push(n);
for (let k = 0; k <= 400; k++) ns.push(Math.round(10 ** (5 + (4 * k) / 400)));
let differ = 0;
let worst = 0;
for (const n of ns) {
  const a = n ** (2 / 3);
  const b = detPow(n, 2 / 3);
  if (a !== b) differ++;
  worst = Math.max(worst, ulps(a, b));
}
console.log(`N^(2/3): ${differ} of ${ns.length} N differ, at most ${worst} ulp`);

let state = 12345;
const uniform = () => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
for (const [name, c, b] of [
  ["x^4/4", 2.089137, 1.519671],
  ["x^2/2", 1, 2],
] as const) {
  let total = 0;
  let moved = 0;
  let most = 0;
  for (let n = 2; n <= 10000; n++) {
    const before = n ** (2 / 3) * c;
    const after = edgeScale(n, c);
    for (let i = 0; i < 20; i++) {
      const x = b + (uniform() * 8 - 5) / after;
      const old = before * (x - b);
      const now = after * (x - b);
      total++;
      if (old !== now) moved++;
      most = Math.max(most, ulps(old, now));
    }
  }
  console.log(`${name}: ξ moves in ${moved} of ${total}, at most ${most} ulp`);
}
