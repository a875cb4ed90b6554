/**
 * Shared pieces of the soft-edge expansion fits (secondOrder.ts, ../edge-limit/lueSecondOrder.ts,
 * ../edge-limit/pfaffianCorrections.ts): derivatives of F_β and a small least-squares solver.
 */
import { tracyWidomCdf, tracyWidomPdf } from "../../src/theory/tracyWidom.js";

/** 9-point central-difference weights (order 8 for f′, f″; 6 for f‴) on f(t + kd), k = −4 … 4. */
const W1 = [1 / 280, -4 / 105, 1 / 5, -4 / 5, 0, 4 / 5, -1 / 5, 4 / 105, -1 / 280];
const W2 = [-1 / 560, 8 / 315, -1 / 5, 8 / 5, -205 / 72, 8 / 5, -1 / 5, 8 / 315, -1 / 560];
const W3 = [-7 / 240, 3 / 10, -169 / 120, 61 / 30, 0, -61 / 30, 169 / 120, -3 / 10, 7 / 240];

/** F_β^{(k)}(t), k = 0 … 4 (k ≥ 2: 9-point central differences of f_β = F_β′, step 0.05, error ≲ 1e−7). */
export function tracyWidomDerivatives(t: number, beta: 1 | 2 | 4 = 2): number[] {
  const d = 0.05;
  const v: number[] = [];
  for (let k = -4; k <= 4; k++) v.push(tracyWidomPdf(t + k * d, beta));
  const dot = (w: number[]) => w.reduce((a, wi, i) => a + wi * (v[i] as number), 0);
  return [tracyWidomCdf(t, beta), v[4] as number, dot(W1) / d, dot(W2) / d ** 2, dot(W3) / d ** 3];
}

/** Least squares min‖Ax − y‖ by Householder QR (A: rows × cols, given as its columns). */
export function leastSquares(columns: number[][], y: number[]): number[] {
  const m = y.length;
  const n = columns.length;
  const a = columns.map((c) => c.slice());
  const b = y.slice();
  for (let j = 0; j < n; j++) {
    const col = a[j] as number[];
    let norm = 0;
    for (let i = j; i < m; i++) norm += (col[i] as number) ** 2;
    norm = Math.sqrt(norm);
    const alpha = (col[j] as number) > 0 ? -norm : norm;
    const v = col.map((x, i) => (i < j ? 0 : i === j ? x - alpha : x));
    const vv = v.reduce((s, x) => s + x * x, 0);
    const reflect = (x: number[]) => {
      const p = (2 * v.reduce((s, vi, i) => s + vi * (x[i] as number), 0)) / vv;
      for (let i = j; i < m; i++) x[i] = (x[i] as number) - p * (v[i] as number);
    };
    for (let k = j; k < n; k++) reflect(a[k] as number[]);
    reflect(b);
  }
  const x = new Array<number>(n).fill(0);
  for (let j = n - 1; j >= 0; j--) {
    let s = b[j] as number;
    for (let k = j + 1; k < n; k++) s -= ((a[k] as number[])[j] as number) * (x[k] as number);
    x[j] = s / ((a[j] as number[])[j] as number);
  }
  return x;
}
