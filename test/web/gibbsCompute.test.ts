/**
 * The explorer's Gibbs runs in Node (no browser): for the same seed they give exactly gibbsRun's
 * numbers (`betaens gibbs`: chain s of seed K uses createRandomSource(K, s)) in every view, the
 * figures draw μ_V, TW_β and the trace, and the V field is validated by the library's parser.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gibbsRun } from "../../src/driver/legacy.js";
import { parsePotential } from "../../src/potentials/parse.js";
import { detPow } from "../../src/special/deterministicMath.js";
import { equilibriumMeasure } from "../../src/theory/equilibrium.js";
import { uniformEdges } from "../../src/tridiagonal/histogram.js";
import { explorerRun } from "../../web/src/compute.js";
import { figureFor } from "../../web/src/figures.js";
import { rescaling } from "../../web/src/gibbsFigures.js";
import { potentialTheory } from "../../web/src/gibbsTheory.js";
import type { GibbsPayload, Progress, Snapshot } from "../../web/src/protocol.js";
import {
  DEFAULTS,
  type Features,
  type FormValues,
  queryFromValues,
  readSettings,
  type Settings,
  valuesFromQuery,
} from "../../web/src/state.js";
import { betaensJson } from "../helpers/cli.js";

const ALL: Features = { circular: true, gibbs: true, tracyWidom: true };

function gibbsSettings(values: Partial<FormValues>): Settings {
  const { settings, errors } = readSettings({ ...DEFAULTS, ensemble: "potential", ...values }, ALL);
  assert.deepEqual(errors, {});
  if (!settings) throw new Error("no settings");
  return settings;
}

function run(settings: Settings, onProgress?: (p: Progress) => void) {
  const snapshots: Snapshot[] = [];
  for (const s of explorerRun(settings, onProgress)) {
    snapshots.push({ ...s, payload: { ...s.payload } as GibbsPayload });
  }
  const final = snapshots[snapshots.length - 1];
  assert.equal(final.payload.kind, "gibbs");
  return { snapshots, final, payload: final.payload as GibbsPayload };
}

const V = "x^4/4 - x^2";
const coeffs = parsePotential(V);

describe("explorer Gibbs runs = gibbsRun (same seed, same numbers)", () => {
  it("trace view: λ_max after every pass of every chain, one snapshot per chain", () => {
    const settings = gibbsSettings({
      V,
      view: "gibbs",
      beta: "2",
      n: "40",
      passes: "6",
      samples: "4",
      seed: "11",
    });
    const { snapshots, payload } = run(settings);
    assert.equal(snapshots.length, 4);
    assert.deepEqual(
      snapshots.map((s) => s.done),
      [1, 2, 3, 4],
    );
    const cli = gibbsRun({
      coeffs,
      n: 40,
      beta: 2,
      passes: 6,
      samples: 4,
      seed: 11,
      stat: "trace",
    });
    assert.deepEqual(payload.traces, cli.samples);
    const rows = cli.samples as Float64Array[];
    for (let s = 0; s < 4; s++) assert.equal(payload.maxima[s], rows[s][5]);
    const mean = payload.traceSum[5] / 4;
    assert.ok(Math.abs(mean - rows.reduce((a, r) => a + r[5], 0) / 4) < 1e-12);
    const figure = figureFor(settings, snapshots[3]);
    assert.equal((figure.svg.match(/class="chain"/g) ?? []).length, 4);
    assert.equal((figure.svg.match(/class="mean"/g) ?? []).length, 1);
    assert.match(figure.svg, /class="reference"/, "the TW₂ mean line (b_V, c_V known)");
    assert.equal(figure.numbers.find((x) => x.id === "lambda-max-0")?.value, rows[0][5]);
    assert.equal(figure.data.command, "gibbs");
    assert.deepEqual(figure.data.potential, Array.from(coeffs));
  });

  it("histogram view: Sturm counts over μ_V's support ± 5% = gibbsRun's --stat histogram", () => {
    const settings = gibbsSettings({
      V,
      view: "histogram",
      beta: "1.5",
      n: "60",
      passes: "4",
      samples: "3",
      seed: "5",
      bins: "30",
      initial: "hermite",
    });
    const { payload, final } = run(settings);
    const [lo, hi] = equilibriumMeasure(coeffs).support;
    const margin = 0.05 * (hi - lo);
    const edges = uniformEdges(lo - margin, hi + margin, 30);
    const cli = gibbsRun({
      coeffs,
      n: 60,
      beta: 1.5,
      passes: 4,
      samples: 3,
      seed: 5,
      stat: "histogram",
      edges,
      initial: "hermite",
    });
    assert.deepEqual(payload.histogram?.edges, cli.edges);
    assert.deepEqual(payload.histogram?.counts, cli.counts);
    assert.equal(payload.histogram?.below, cli.below);
    assert.equal(payload.histogram?.above, cli.above);
    const max = gibbsRun({
      coeffs,
      n: 60,
      beta: 1.5,
      passes: 4,
      samples: 3,
      seed: 5,
      stat: "max",
      initial: "hermite",
    });
    assert.deepEqual(payload.maxima, max.samples);
    const figure = figureFor(settings, final);
    assert.equal((figure.svg.match(/class="bar"/g) ?? []).length, 30);
    assert.equal((figure.svg.match(/class="density"/g) ?? []).length, 1, "μ_V drawn");
    assert.match(figure.law, /equilibrium measure μ_V of V \(one-cut\), support \[-2, 2\]/);
  });

  it("no equilibrium measure: the library's message, the histogram alone", () => {
    const settings = gibbsSettings({
      V: "x^6/6 - x^4 + x^2",
      view: "histogram",
      n: "30",
      passes: "2",
      samples: "2",
    });
    const { final, payload } = run(settings);
    const h = payload.histogram;
    assert.ok(h, "a histogram over chain 0's extremes ± 10%");
    let counted = 0;
    for (const c of h.counts) counted += c;
    assert.equal(counted + h.below + h.above, 60, "N × chains points");
    const figure = figureFor(settings, final);
    assert.equal((figure.svg.match(/class="density"/g) ?? []).length, 0);
    assert.match(figure.law, /No limit density drawn: no equilibrium measure available/);
  });

  it("λ_max view: rescaled by b_V, c_V as `betaens gibbs --scaling edge`, against TW₂", () => {
    // N = 18: n ** (2 / 3) and detPow(n, 2 / 3) differ by an ulp here, so the mean below tells
    // the explorer's rescaling from the CLI's unless both use edgeScale.
    assert.notEqual(18 ** (2 / 3), detPow(18, 2 / 3));
    const settings = gibbsSettings({
      V: "x^4/4",
      view: "edge",
      beta: "2",
      n: "18",
      passes: "3",
      samples: "5",
      seed: "3",
    });
    const { final, payload } = run(settings);
    const cli = gibbsRun({
      coeffs: parsePotential("x^4/4"),
      n: 18,
      beta: 2,
      passes: 3,
      samples: 5,
      seed: 3,
      stat: "max",
    });
    assert.deepEqual(payload.maxima, cli.samples);
    const figure = figureFor(settings, final);
    assert.equal((figure.svg.match(/class="density"/g) ?? []).length, 1, "TW₂ drawn");
    assert.match(figure.svg, /N\^\(2\/3\) c_V \(λ_max − b_V\)/);
    // The explorer's rescaled λ_max = `betaens gibbs --scaling edge`'s values, bit for bit; so is
    // the shown mean.
    const scaled = betaensJson(
      ["gibbs", "--potential", "x^4/4", "--n", "18", "--passes", "3", "--samples", "5"].concat([
        "--seed",
        "3",
        "--stat",
        "max",
        "--scaling",
        "edge",
      ]),
    ).samples as number[];
    const rescale = rescaling(settings, potentialTheory(settings.coeffs ?? []));
    assert.ok(rescale);
    assert.deepEqual(Array.from(cli.samples as Float64Array, rescale), scaled);
    let mean = 0;
    for (const v of scaled) mean += v;
    mean /= scaled.length;
    assert.equal(figure.numbers.find((x) => x.id === "rescaled-mean")?.value, mean);
  });

  it("configuration view: chain 0's final eigenvalues = gibbsRun's", () => {
    const settings = gibbsSettings({
      V,
      view: "configuration",
      n: "80",
      passes: "3",
      samples: "7",
      seed: "2",
    });
    const { snapshots, payload } = run(settings);
    assert.equal(snapshots.length, 1, "one chain");
    const cli = gibbsRun({
      coeffs,
      n: 80,
      beta: 2,
      passes: 3,
      samples: 1,
      seed: 2,
      stat: "eigenvalues",
    });
    assert.deepEqual(payload.points, (cli.samples as Float64Array[])[0]);
    const figure = figureFor(settings, snapshots[0]);
    assert.equal((figure.svg.match(/class="point"/g) ?? []).length, 80);
  });

  it("reports progress inside a long chain", () => {
    const settings = gibbsSettings({ V, view: "histogram", n: "300", passes: "300", samples: "1" });
    const reports: Progress[] = [];
    run(settings, (p) => reports.push(p));
    // 300 × 300 draws take ≈ 0.6 s here (≈ 7 µs each); reports come every 150 ms.
    assert.ok(reports.length >= 1, "at least one report");
    assert.match(reports[0].detail, /^chain 1 of 1, pass \d+ of 300$/);
    assert.ok(reports[0].done > 0 && reports[0].done < 1);
  });
});

describe("explorer Gibbs state", () => {
  it("validates V with the library's parser, β > 0, the initial state", () => {
    const odd = readSettings({ ...DEFAULTS, ensemble: "potential", V: "x^3" }, ALL);
    assert.match(odd.errors.V ?? "", /even degree/);
    const junk = readSettings({ ...DEFAULTS, ensemble: "potential", V: "x^4/4 + y" }, ALL);
    assert.match(junk.errors.V ?? "", /cannot read term "\+y"/);
    const zero = readSettings({ ...DEFAULTS, ensemble: "potential", beta: "0" }, ALL);
    assert.match(zero.errors.beta ?? "", /needs β > 0/);
    const start = readSettings({ ...DEFAULTS, ensemble: "potential", initial: "random" }, ALL);
    assert.match(start.errors.initial ?? "", /unknown initial state/);
    const big = readSettings({ ...DEFAULTS, ensemble: "potential" }, ALL);
    assert.match(big.errors.n ?? "", /N ≤ 2,000/);
  });

  it("the query string restores a Gibbs state", () => {
    const values: FormValues = {
      ...DEFAULTS,
      ensemble: "potential",
      view: "gibbs",
      V: "x^4/4 - x^2",
      passes: "7",
      initial: "hermite",
      n: "100",
      samples: "20",
    };
    const query = queryFromValues(values);
    assert.doesNotMatch(query, /sigma|shape|bins/);
    const back = valuesFromQuery(`?${query}`);
    for (const key of ["ensemble", "view", "V", "passes", "initial", "n", "samples"] as const) {
      assert.equal(back[key], values[key], key);
    }
  });
});
