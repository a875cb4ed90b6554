/**
 * Chromium tests of the explorer's local statistics view (issue 16) and of the Ginibre and
 * Wishart/MANOVA inputs (issue 13): the page's spacings, KS distances and samples are those of
 * the command line it shows (`betaens sample … --stat spacings --bulk lo,hi`, `--m`, `--m1 --m2`,
 * `ginibre --model full`), run here through the CLI; plus the exact finite-N law of the Ginibre
 * moduli drawn under the scatter (Kostlan), checked in Node against closed forms.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runSample } from "../../src/driver/legacy.js";
import { ksStatistic } from "../../src/statistics/ks.js";
import { spacingRatios, unfoldedSpacings } from "../../src/statistics/unfolding.js";
import { limitLaw } from "../../src/theory/limits.js";
import { sineSpacingLaw } from "../../src/theory/localStatistics.js";
import { ginibreModulusCdf, ginibreModulusDensity } from "../../web/src/ginibre.js";
import {
  assertSameNumber,
  downloadJson,
  explorerForSuite,
  lastRun,
  runShownCommand,
  settled,
  shownNumber,
  skipReason,
  text,
} from "./browser.js";

const skip = skipReason();
if (skip) console.log(skip);

/** All spacings of the rows, in order. */
function pool(rows: number[][]): number[] {
  return rows.flat();
}

describe("Ginibre moduli: Kostlan's exact law of |z|²/N (Node)", () => {
  it("N = 1: Exp(1); N = 2: the mixture of Gamma(1, 1) and Gamma(2, 1), at t = |z|²/N", () => {
    const f1 = ginibreModulusCdf(1);
    const f2 = ginibreModulusCdf(2);
    const d2 = ginibreModulusDensity(2);
    for (const t of [0.01, 0.3, 1, 2.5]) {
      assert.ok(Math.abs(f1(t) - -Math.expm1(-t)) < 1e-14, `N = 1, t = ${t}`);
      // x = 2t: ½[(1 − e^{−x}) + (1 − e^{−x}(1 + x))]; density 2·½[e^{−x} + x e^{−x}].
      const x = 2 * t;
      const cdf = 0.5 * (1 - Math.exp(-x) + 1 - Math.exp(-x) * (1 + x));
      assert.ok(Math.abs(f2(t) - cdf) < 1e-14, `N = 2 CDF, t = ${t}`);
      assert.ok(Math.abs(d2(t) - Math.exp(-x) * (1 + x)) < 1e-13, `N = 2 density, t = ${t}`);
    }
  });

  it("N = 40: the pooled |z|²/N of 300 samples fit the law (and miss it by a 3% scale)", () => {
    const n = 40;
    const cdf = ginibreModulusCdf(n);
    const result = runSample({
      spec: { ensemble: "ginibre", params: {} },
      model: "full",
      n,
      beta: 2,
      samples: 300,
      seed: 3,
      stat: "eigenvalues",
    });
    const t = (scale: number) =>
      (result.samples as number[][][]).flatMap((row) =>
        row.map(([re, im]) => (scale * (re * re + im * im)) / n),
      );
    // 12 000 points, correlated within a sample: a loose bound (measured 0.006) far below the
    // circular law's misfit at this N (0.06) and the 3%-scale misfit (0.025).
    assert.ok(ksStatistic(t(1), cdf) < 0.015, `KS ${ksStatistic(t(1), cdf)}`);
    assert.ok(ksStatistic(t(1.03), cdf) > 0.015);
  });
});

describe("explorer: local statistics, Ginibre, Wishart/MANOVA (Chromium)", {
  skip,
  timeout: 600_000,
}, () => {
  const suite = explorerForSuite();
  const pageErrors = suite.errors;
  const open = suite.open;

  it("local statistics: the page's spacings and KS distance are the CLI's `--stat spacings --bulk`", async () => {
    const cases = [
      { query: "?view=local&n=1000&samples=4&seed=11&beta=2&bulk=0.2,0.8", law: "exact" },
      { query: "?view=local&n=800&samples=3&seed=5&beta=1&bulk=0.3,0.7", law: "exact" },
      {
        query: "?ensemble=circular&view=local&n=300&samples=3&seed=2&beta=4&bulk=0,1",
        law: "exact",
      },
      {
        query: "?ensemble=laguerre&view=local&n=600&samples=2&seed=9&beta=3&shape=2&theta=1",
        law: "simulated",
      },
    ];
    for (const { query, law } of cases) {
      const page = await open(query);
      assert.equal(await settled(page, 0, 120_000), "done", query);
      const { words, json: cli } = await runShownCommand(page);
      assert.ok(words.includes("spacings") && words.includes("--bulk"), words.join(" "));
      const shown = await downloadJson(page);
      // Bit for bit: the eigenvalues and the unfolding CDFs (src/theory/limits.ts) use the det*
      // math, so Chromium and Node give the same spacings.
      const a = shown.samples as number[][];
      const b = cli.samples as number[][];
      assert.deepEqual(
        a.map((r) => r.length),
        b.map((r) => r.length),
        `${query}: rows`,
      );
      assert.deepEqual(a, b, `${query}: spacings`);
      assert.deepEqual(shown.bulk, cli.bulk, `${query}: bulk window`);
      const spacings = pool(cli.samples as number[][]);
      assert.equal(await shownNumber(page, "spacings-count"), spacings.length, query);
      const beta = cli.beta as number;
      const exact = sineSpacingLaw(beta);
      assertSameNumber(
        await shownNumber(page, "ks-distance"),
        ksStatistic(spacings, (s) => exact.cdf(s)),
        `${query}: KS distance`,
      );
      const ratios = (cli.samples as number[][]).flatMap((row) =>
        Array.from(spacingRatios(row, true)),
      );
      const meanRatio = ratios.reduce((a, b) => a + b, 0) / ratios.length;
      assert.ok(Math.abs((await shownNumber(page, "mean-ratio")) - meanRatio) < 1e-12, query);
      // The law drawn solid says whether it is exact; the surmise is dashed and says it is one.
      const legend = (
        await page.$$eval("#plot svg g.legend text", (ts) => ts.map((t) => t.textContent))
      ).join(" | ");
      assert.match(legend, law === "exact" ? /exact sine_\d spacing law/ : /simulated table/);
      assert.match(legend, /Wigner surmise \(2×2 approximation, not the law\)/);
      assert.equal(await page.locator("#plot svg path.reference").count(), 1, "surmise dashed");
      assert.ok((await page.locator("#plot svg path.density").count()) >= 1, "law drawn");
      await page.close();
    }
  });

  it("local statistics: β without a law shows the surmise only and says why; bad window refused", async () => {
    const page = await open("?view=local&n=500&samples=2&seed=1&beta=2.5");
    assert.equal(await settled(page, 0, 120_000), "done");
    assert.match(await text(page, "#law"), /No exact or tabulated sine_2\.5 law/);
    assert.equal(await page.locator("#ks-distance").count(), 0);
    assert.equal(await page.locator("#ks-surmise").count(), 1);
    const before = await lastRun(page);
    await page.fill("#bulk", "0.8,0.2");
    assert.equal(await settled(page, before), "invalid");
    assert.match(await text(page, "#bulk-error"), /0 ≤ lo < hi ≤ 1/);
    await page.close();
  });

  it("local statistics: switching to it lowers N (O(N²) eigenvalues); not offered for V", async () => {
    const page = await open("");
    assert.equal(await settled(page, 0, 120_000), "done");
    assert.equal(await page.isHidden("#bulk-field"), true);
    const before = await lastRun(page);
    await page.check('input[name="view"][value="local"]');
    assert.equal(await settled(page, before, 120_000), "done");
    assert.equal(await page.inputValue("#n"), "10000");
    assert.match(await text(page, "#notice"), /N lowered to 10,000/);
    assert.equal(await page.isVisible("#bulk-field"), true);
    assert.match(await text(page, "#command-line"), /--stat spacings --bulk 0\.2,0\.8/);
    const switched = await lastRun(page);
    await page.selectOption("#ensemble", "potential");
    await settled(page, switched, 120_000);
    assert.equal(await page.isDisabled('input[name="view"][value="local"]'), true);
    await page.close();
  });

  it("configuration view: its spacings are the library's unfoldedSpacings over F ∈ [0.1, 0.9]", async () => {
    const page = await open("?view=configuration&n=400&seed=2&beta=2");
    assert.equal(await settled(page, 0, 120_000), "done");
    const { json } = await runShownCommand(page);
    const x = Float64Array.from((json.samples as number[][])[0]);
    const law = limitLaw("hermite", 400, 2, { loc: 0, scale: 1 });
    const count = unfoldedSpacings(x.map(law.normalise), law.cdf, 400, [0.1, 0.9]).length;
    const titles = await page.$$eval("#plot svg text.title", (ts) => ts.map((t) => t.textContent));
    assert.ok(
      titles.some((t) => t?.includes(`(${count} spacings)`)),
      `${count}: ${titles.join(" | ")}`,
    );
    await page.close();
  });

  it("Ginibre: the scatter of sample 0 is the CLI's, with the unit circle and Kostlan's law", async () => {
    const page = await open("?ensemble=ginibre&view=configuration&n=80&seed=5&beta=2");
    assert.equal(await settled(page, 0, 120_000), "done");
    const { words, json: cli } = await runShownCommand(page);
    assert.deepEqual(words.slice(2, 6), ["sample", "ginibre", "--model", "full"]);
    const shown = await downloadJson(page);
    assert.deepEqual(shown.samples, cli.samples);
    const points = (cli.samples as number[][][])[0];
    assert.equal(await shownNumber(page, "first-re"), points[0][0]);
    assert.equal(await shownNumber(page, "first-im"), points[0][1]);
    const t = points.map(([re, im]) => (re * re + im * im) / 80);
    assert.equal(await shownNumber(page, "ks-moduli"), ksStatistic(t, ginibreModulusCdf(80)));
    assert.equal(await page.locator("#plot svg circle.point").count(), 80);
    assert.match(await text(page, "#law"), /Circular law/);
    await page.close();
  });

  it("Ginibre: choosing it switches to the plane view, sets β = 2 and caps N", async () => {
    const page = await open("?view=edge&n=2000&samples=10&beta=1");
    assert.equal(await settled(page, 0, 120_000), "done");
    const before = await lastRun(page);
    await page.selectOption("#ensemble", "ginibre");
    assert.equal(await settled(page, before, 120_000), "done");
    assert.equal(await page.isChecked('input[name="view"][value="configuration"]'), true);
    assert.equal(await page.inputValue("#n"), "500");
    assert.equal(await page.inputValue("#beta"), "2");
    assert.match(await text(page, "#notice"), /β set to 2/);
    for (const view of ["histogram", "edge", "local", "gibbs"]) {
      assert.equal(await page.isDisabled(`input[name="view"][value="${view}"]`), true, view);
    }
    const again = await lastRun(page);
    await page.fill("#beta", "1");
    assert.equal(await settled(page, again), "invalid");
    assert.match(await text(page, "#beta-error"), /β = 2 only/);
    await page.close();
  });

  it("Wishart M and MANOVA M1, M2: converted as the CLI does, and the command carries them", async () => {
    const cases = [
      {
        query: "?ensemble=laguerre&n=200&beta=1&m=300&samples=2&bins=40&seed=4",
        flags: ["--m", "300"],
        params: { m: 300, shape: 50.5, scale: 2 },
      },
      {
        query: "?ensemble=jacobi&view=edge&n=100&beta=2&m1=150&m2=200&samples=30&seed=6",
        flags: ["--m1", "150", "--m2", "200"],
        params: { m1: 150, m2: 200, a: 51, b: 101 },
      },
    ];
    for (const { query, flags, params } of cases) {
      const page = await open(query);
      assert.equal(await settled(page, 0, 120_000), "done", query);
      const { words, json: cli } = await runShownCommand(page);
      const at = words.indexOf(flags[0]);
      assert.deepEqual(words.slice(at, at + flags.length), flags, words.join(" "));
      for (const flag of ["--shape", "--scale", "--a", "--b"]) {
        assert.ok(!words.includes(flag), `${flag} in ${words.join(" ")}`);
      }
      const shown = await downloadJson(page);
      assert.deepEqual(cli.params, params, query);
      assert.deepEqual(shown.params, params, query);
      for (const key of ["counts", "below", "above", "samples"]) {
        if (key in cli) assert.deepEqual(shown[key], cli[key], `${query}: ${key}`);
      }
      await page.close();
    }
    const bad = await open("?ensemble=laguerre&n=200&beta=1&m=150");
    assert.equal(await settled(bad, 0, 120_000), "invalid");
    assert.match(await text(bad, "#m-error"), /m must be a finite number >= n = 200/);
    assert.equal(await bad.isDisabled("#shape"), true);
    await bad.close();
  });

  it("raised no uncaught page errors", () => {
    assert.deepEqual(pageErrors, []);
  });
});
