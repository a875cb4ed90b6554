/**
 * The fields of the local-statistics view and of the Wishart/MANOVA and Ginibre inputs (issues 13,
 * 16), read from the form's raw text. Pure: no DOM. The dimensions are converted to the sampler's
 * parameters by the CLI's own function (src/spec/params.ts ensembleParameters), so that the page
 * and `betaens sample laguerre --m M` / `jacobi --m1 M1 --m2 M2` sample the same matrices.
 */
import type { ClassicalSpec } from "../../src/ensembles/models.js";
import { ensembleParameters } from "../../src/spec/params.js";
import type { FieldErrors, FormValues } from "./state.js";

/** Largest N of the Ginibre ensemble (dense complex Hessenberg–QR, ≈ 10·N³ operations). */
export const N_MAX_GINIBRE = 500;

/** Parses a finite decimal ("2.5", "1e6"), or undefined (as state.ts's parseDecimal). */
function decimal(text: string): number | undefined {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/**
 * The bulk window "lo,hi" (0 ≤ lo < hi ≤ 1) of the limit CDF, as `betaens sample --bulk LO,HI`;
 * a message in errors.bulk otherwise.
 */
export function readBulk(text: string, errors: FieldErrors): [number, number] | undefined {
  const parts = text.split(",").map(decimal);
  const [lo, hi] = parts;
  if (parts.length !== 2 || lo === undefined || hi === undefined) {
    errors.bulk = `the bulk window must be two numbers lo,hi, e.g. 0.2,0.8; got "${text}"`;
    return undefined;
  }
  if (!(lo >= 0 && hi <= 1 && lo < hi)) {
    errors.bulk = `the bulk window must satisfy 0 ≤ lo < hi ≤ 1, got ${lo},${hi}`;
    return undefined;
  }
  return [lo, hi];
}

/**
 * The sampler parameters from the Wishart dimension M (laguerre: k = β(M − N + 1)/2, θ = 2) or the
 * MANOVA dimensions M₁, M₂ (jacobi: a = β(M₁ − N + 1)/2, b = β(M₂ − N + 1)/2), by the CLI's
 * conversion; undefined when the dimension fields are empty (then k, θ or a, b are used). A bad
 * dimension puts the library's message in errors.m (m1, m2).
 */
export function readDimensions(
  ensemble: "laguerre" | "jacobi",
  values: FormValues,
  n: number,
  beta: number,
  errors: FieldErrors,
): { spec: ClassicalSpec; dims: Record<string, number> } | undefined {
  const fields = ensemble === "laguerre" ? (["m"] as const) : (["m1", "m2"] as const);
  if (fields.every((f) => values[f].trim() === "")) return undefined;
  const given: Record<string, number> = {};
  for (const field of fields) {
    const v = decimal(values[field]);
    if (v === undefined) {
      errors[field] =
        values[field].trim() === ""
          ? `give both M1 and M2 (or neither, to use a and b)`
          : `must be a number, got "${values[field]}"`;
    } else given[field] = v;
  }
  if (Object.keys(given).length < fields.length) return undefined;
  if (!Number.isFinite(n) || !Number.isFinite(beta)) return undefined; // N or β has its own error
  try {
    const { params } = ensembleParameters(ensemble, given, n, beta);
    return { spec: { ensemble, params } as unknown as ClassicalSpec, dims: given };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const field = fields.find((f) => message.startsWith(f)) ?? fields[0];
    errors[field] = message;
    return undefined;
  }
}
