/**
 * The even and odd sine-kernel determinants, the building blocks of every bulk law of β = 1, 2, 4.
 *
 * For the sine kernel S(x − y), S(t) = sin(πt)/(πt), on a symmetric interval (−s/2, s/2), the
 * operator splits into its even and odd parts S(x − y) ± S(x + y) on (0, s/2) (Gaudin 1961;
 * Mehta, Random Matrices, 3rd ed., §6.4 and §7.5), which are the squares V_a² of the finite Hankel
 * transforms with a = −½ (even) and a = +½ (odd) at X = (πs/2)² (theory/besselHankel.ts). Writing
 * t = √X = πs/2 and ℓ_a(t) = log D_a(t²), D_a = det(I − V_a²):
 *   E₁(0; s) = D_{−½},   E₂(0; s) = D_{−½}·D_{½},   E₄(0; s) = ½[D_{−½} + D_{½}] at t = πs
 * (the last two with t = πs/2 and t = πs respectively; Mehta–Dyson, J. Math. Phys. 4 (1963) 713).
 * Conditioning on a point at the centre changes only the even part, into a = 3/2 (the Palm kernel
 * S(x−y) + S(x+y) − 2S(x)S(y), checked against V_{3/2}² in the tests): the nearest-neighbour law.
 *
 * ℓ_a and its first two t-derivatives are served from a piecewise Chebyshev table (built at first use
 * for each a, 22nd degree on pieces of length 1 or 1.5) and from the large-X expansion
 * (besselAsymptotics.ts) beyond T_a, where its first omitted term is < 1e−15:
 *   t ≤ 3:       the double Nyström values of ℓ, ℓ′, ℓ″ (besselHankel.ts);
 *   3 < t ≤ T_a: ℓ, ℓ′ from the double-double Nyström method (besselHankelDD.ts: the factors 1 − ν²
 *                of det(I − V²) reach e^{−2t} and would cost double precision its relative digits),
 *                ℓ″ as the derivative of the Chebyshev series of ℓ′.
 */

import { hardEdgeAsymptotics } from "./besselAsymptotics.js";
import { besselGapLogDeterminant, besselHankelOrder } from "./besselHankel.js";
import { sineLogDeterminantDD } from "./besselHankelDD.js";
import {
  buildChebyshevTable,
  type ChebyshevTable,
  chebyshevPiece,
  differentiateChebyshev,
  evaluateChebyshev,
} from "./chebyshevTable.js";

/** The Bessel orders used by the bulk laws: even (−½), odd (½) and even-Palm (3/2) parts. */
export type SineOrder = -0.5 | 0.5 | 1.5;

/** Where the asymptotic expansion takes over from the table, per order. */
export const SINE_TABLE_END: Record<SineOrder, number> = { "-0.5": 15, "0.5": 15, "1.5": 17 };

/** Beyond this t the table is built from the double-double determinants. */
const DOUBLE_DOUBLE_START = 3;
const DEGREE = 22;

/**
 * ℓ(t) = log D_a(t²), ℓ′(t), ℓ″(t) straight from the Nyström determinant (no table), written to
 * out[0..2]; t > 0.
 */
export function sineLogDeterminantNystrom(a: SineOrder, t: number, out: Float64Array): void {
  const x = t * t;
  const d = besselGapLogDeterminant(a, x);
  // ℓ_t = 2t ℓ_X,  ℓ_tt = 2ℓ_X + 4t² ℓ_XX.
  out[0] = d.value;
  out[1] = 2 * t * d.d1;
  out[2] = 2 * d.d1 + 4 * x * d.d2;
}

const tables = new Map<SineOrder, ChebyshevTable>();
const expansions = new Map<SineOrder, ReturnType<typeof hardEdgeAsymptotics>>();

function table(a: SineOrder): ChebyshevTable {
  let tab = tables.get(a);
  if (tab === undefined) {
    const end = SINE_TABLE_END[a];
    const breaks: number[] = [0, 1, 2, DOUBLE_DOUBLE_START];
    for (let t = DOUBLE_DOUBLE_START + 1.5; t < end; t += 1.5) breaks.push(t);
    breaks.push(end);
    tab = buildChebyshevTable(breaks, DEGREE, 3, (t, out) => {
      if (t <= DOUBLE_DOUBLE_START) {
        sineLogDeterminantNystrom(a, t, out);
        return;
      }
      const [value, derivative] = sineLogDeterminantDD(a, t, besselHankelOrder(a, t * t) + 4);
      out[0] = value;
      out[1] = derivative;
      out[2] = 0; // replaced by the derivative of ℓ′ below
    });
    differentiateChebyshev(tab, 1, 2, 3);
    tables.set(a, tab);
  }
  return tab;
}

const ASYMPTOTIC = new Float64Array(4);

/**
 * ℓ(t) = log D_a(t²) and its first two t-derivatives at t ≥ 0 (out[0..2]): the table on
 * [0, SINE_TABLE_END[a]], the large-X expansion beyond.
 */
export function sineLogDeterminant(a: SineOrder, t: number, out: Float64Array): void {
  if (t <= SINE_TABLE_END[a]) {
    const tab = table(a);
    const piece = chebyshevPiece(tab, t);
    out[0] = evaluateChebyshev(tab, 0, t, piece);
    out[1] = evaluateChebyshev(tab, 1, t, piece);
    out[2] = evaluateChebyshev(tab, 2, t, piece);
    return;
  }
  let expansion = expansions.get(a);
  if (expansion === undefined) {
    expansion = hardEdgeAsymptotics(a);
    expansions.set(a, expansion);
  }
  const x = t * t;
  expansion.evaluate(x, ASYMPTOTIC);
  out[0] = ASYMPTOTIC[0];
  out[1] = 2 * t * ASYMPTOTIC[1];
  out[2] = 2 * ASYMPTOTIC[1] + 4 * x * ASYMPTOTIC[2];
}
