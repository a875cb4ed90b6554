/**
 * The exactness study of the Gibbs sampler for two-cut potentials (docs/gibbs-exact/README.md).
 * Run from the repository root:
 *   nice node --import tsx docs/gibbs-exact/run.ts ks       # KS of 2000 chains against the exact β = 2 law
 *   nice node --import tsx docs/gibbs-exact/run.ts mixing   # autocorrelation times, plain sweep vs spectral moves
 *   nice node --import tsx docs/gibbs-exact/run.ts figures  # SVG figures from ks.json
 * Chain s of seed K uses createRandomSource(K, s) exactly as `betaens gibbs` does, so each row of
 * the KS table is reproduced by the command printed with it (onPass only reads the state).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { runGibbsChain } from "../../src/gibbs/sampler.js";
import { histogramSvg } from "../../src/plot/histogram.js";
import { createRandomSource } from "../../src/random/philox.js";
import { integratedAutocorrelationTime } from "../../src/statistics/convergence.js";
import { ksPValue, ksStatistic } from "../../src/statistics/ks.js";
import {
  type UnitaryEnsemble,
  unitaryCuts,
  unitaryEnsemble,
  unitaryExpectedCount,
  unitaryLargestEigenvalueCdf,
  unitaryLargestEigenvalueLaw,
  unitaryLargestEigenvaluePdf,
} from "../../src/theory/unitaryEnsemble.js";
import { largestEigenvalue } from "../../src/tridiagonal/bisection.js";
import { sturmCount } from "../../src/tridiagonal/sturm.js";

const POTENTIALS: { name: string; text: string; coeffs: number[] }[] = [
  { name: "symmetric", text: "x^4/4 - 2*x^2", coeffs: [0, 0, -2, 0, 0.25] },
  { name: "tilted", text: "x^4/4 - 1.8*x^2 + 0.25*x", coeffs: [0, 0.25, -1.8, 0, 0.25] },
];
const SEED = 2026;
const CHAINS = 2000;
const PLAIN_CHAINS = 400;
const CHECKPOINTS = [5, 10, 20, 40];
const here = (file: string) => new URL(file, import.meta.url);

interface KsRow {
  potential: string;
  n: number;
  spectralEvery: number | "default";
  passes: number;
  chains: number;
  ks: number;
  p: number;
  mean: number;
  sd: number;
  exactMean: number;
  exactSd: number;
  rightCount: number;
  exactRightCount: number;
  command: string;
}

function summary(x: number[]): { mean: number; sd: number } {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  return { mean, sd: Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1)) };
}

function ksRun(
  pot: (typeof POTENTIALS)[number],
  n: number,
  chains: number,
  spectralEvery: number | undefined,
  ens: UnitaryEnsemble,
  split: number,
): KsRow[] {
  const coeffs = Float64Array.from(pot.coeffs);
  const lmax = new Map<number, number[]>(CHECKPOINTS.map((p) => [p, []]));
  const right = new Map<number, number[]>(CHECKPOINTS.map((p) => [p, []]));
  const last = CHECKPOINTS[CHECKPOINTS.length - 1];
  const t0 = performance.now();
  for (let s = 0; s < chains; s++) {
    runGibbsChain({
      coeffs,
      n,
      beta: 2,
      passes: last,
      rng: createRandomSource(SEED, s),
      spectralEvery,
      onPass: (pass, st) => {
        const l = lmax.get(pass);
        if (!l) return;
        l.push(largestEigenvalue(st.diagonal, st.offDiagonalSquared));
        right.get(pass)?.push(n - sturmCount(st.diagonal, st.offDiagonalSquared, split));
      },
    });
  }
  const law = unitaryLargestEigenvalueLaw(ens);
  const exactRight = unitaryExpectedCount(ens, split, Number.POSITIVE_INFINITY);
  const rows: KsRow[] = [];
  for (const p of CHECKPOINTS) {
    const x = lmax.get(p) ?? [];
    const d = ksStatistic(x, (s) => unitaryLargestEigenvalueCdf(ens, s));
    const { mean, sd } = summary(x);
    const flag = spectralEvery === 0 ? " --spectral 0" : "";
    rows.push({
      potential: pot.text,
      n,
      spectralEvery: spectralEvery ?? "default",
      passes: p,
      chains,
      ks: d,
      p: ksPValue(d, chains),
      mean,
      sd,
      exactMean: law.mean,
      exactSd: Math.sqrt(law.variance),
      rightCount: summary(right.get(p) ?? []).mean,
      exactRightCount: exactRight,
      command: `betaens gibbs --potential "${pot.text}" --n ${n} --beta 2 --passes ${p} --samples ${chains} --seed ${SEED} --stat max${flag}`,
    });
  }
  console.error(
    `${pot.name} N = ${n} spectral ${spectralEvery ?? "default"}: ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  return rows;
}

function ks(): void {
  const rows: KsRow[] = [];
  for (const pot of POTENTIALS) {
    for (const n of [200, 400]) {
      const ens = unitaryEnsemble(pot.coeffs, n);
      const split = unitaryCuts(ens).splits[0];
      rows.push(...ksRun(pot, n, CHAINS, undefined, ens, split));
      rows.push(...ksRun(pot, n, PLAIN_CHAINS, 0, ens, split));
      writeFileSync(here("ks.json"), `${JSON.stringify(rows, null, 2)}\n`);
    }
  }
  printKsTable(rows);
}

function printKsTable(rows: KsRow[]): void {
  console.log(
    "| V | N | spectral moves | passes | chains | KS D | KS p | mean λ_max (exact) | sd λ_max (exact) | points right of the gap (exact) |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.potential} | ${r.n} | ${r.spectralEvery === 0 ? "none (plain sweep)" : "default"} | ${r.passes} | ${r.chains} | ${r.ks.toFixed(4)} | ${r.p.toExponential(1)} | ${r.mean.toFixed(5)} (${r.exactMean.toFixed(5)}) | ${r.sd.toFixed(5)} (${r.exactSd.toFixed(5)}) | ${r.rightCount.toFixed(3)} (${r.exactRightCount.toFixed(3)}) |`,
    );
  }
}

/**
 * Integrated autocorrelation times per pass, from 8 chains of 2000 passes each started after a
 * burn-in of 100 passes with spectral moves (so in equilibrium), of λ_max, of the number of
 * points right of the gap and of a_1 = Σ w_i λ_i (the mean of the spectral measure at e_1, which
 * moves with the spectral weights): plain sweep against the default spectral moves.
 */
function mixing(): void {
  const out: Record<string, unknown>[] = [];
  const passes = Number(process.env.MIXING_PASSES ?? 2000);
  for (const pot of POTENTIALS) {
    const coeffs = Float64Array.from(pot.coeffs);
    for (const n of [50, 100, 200]) {
      const split = unitaryCuts(unitaryEnsemble(pot.coeffs, n)).splits[0];
      for (const every of [0, undefined] as (number | undefined)[]) {
        const traces = {
          lmax: [] as Float64Array[],
          count: [] as Float64Array[],
          a1: [] as Float64Array[],
        };
        const t0 = performance.now();
        for (let c = 0; c < 8; c++) {
          const rng = createRandomSource(SEED + 1, c);
          const burnt = runGibbsChain({ coeffs, n, beta: 2, passes: 100, rng });
          const lmax = new Float64Array(passes);
          const count = new Float64Array(passes);
          const a1 = new Float64Array(passes);
          const state = { diagonal: burnt.diagonal, offDiagonalSquared: burnt.offDiagonalSquared };
          runGibbsChain({
            coeffs,
            n,
            beta: 2,
            passes,
            rng,
            spectralEvery: every,
            initialState: state,
            onPass: (p, st) => {
              lmax[p - 1] = largestEigenvalue(st.diagonal, st.offDiagonalSquared);
              count[p - 1] = n - sturmCount(st.diagonal, st.offDiagonalSquared, split);
              a1[p - 1] = st.diagonal[0];
            },
          });
          traces.lmax.push(lmax);
          traces.count.push(count);
          traces.a1.push(a1);
        }
        const tau = (chains: Float64Array[]) => {
          const constant = chains.every((c) => c.every((v) => v === c[0]));
          return constant ? null : integratedAutocorrelationTime(chains);
        };
        const row = {
          potential: pot.text,
          n,
          spectralEvery: every ?? "default",
          passes,
          tauLambdaMax: tau(traces.lmax),
          tauCount: tau(traces.count),
          tauA1: tau(traces.a1),
          seconds: (performance.now() - t0) / 1000,
        };
        out.push(row);
        console.error(JSON.stringify(row));
        writeFileSync(here("mixing.json"), `${JSON.stringify(out, null, 2)}\n`);
      }
    }
  }
}

/** Histograms of λ_max (default spectral moves and plain sweep) against the exact density. */
function figures(): void {
  const rows: KsRow[] = JSON.parse(readFileSync(here("ks.json"), "utf8"));
  printKsTable(rows);
  for (const pot of POTENTIALS) {
    const n = 200;
    const coeffs = pot.coeffs;
    const ens = unitaryEnsemble(coeffs, n);
    const passes = 20;
    for (const [every, chains, tag] of [
      [undefined, CHAINS, "spectral"],
      [0, PLAIN_CHAINS, "plain"],
    ] as [number | undefined, number, string][]) {
      const values = new Float64Array(chains);
      for (let s = 0; s < chains; s++) {
        const st = runGibbsChain({
          coeffs: Float64Array.from(coeffs),
          n,
          beta: 2,
          passes,
          rng: createRandomSource(SEED, s),
          spectralEvery: every,
        });
        values[s] = largestEigenvalue(st.diagonal, st.offDiagonalSquared);
      }
      writeFileSync(
        here(`${pot.name}-${tag}.svg`),
        histogramSvg({
          values,
          title: `Gibbs λ_max, V = ${pot.text}, β = 2, N = ${n}, ${passes} passes, ${chains} chains (${tag === "plain" ? "plain sweep" : "with spectral moves"})`,
          xLabel: "λ_max",
          density: (x: number) => unitaryLargestEigenvaluePdf(ens, x),
          densityLabel: `exact, N = ${n}`,
          width: 820,
        }),
      );
    }
  }
}

const task = process.argv[2];
if (task === "ks") ks();
else if (task === "mixing") mixing();
else if (task === "figures") figures();
else console.error("usage: node --import tsx docs/gibbs-exact/run.ts ks|mixing|figures");
