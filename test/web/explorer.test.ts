/**
 * End-to-end tests of the browser explorer in Debian's Chromium (playwright-core): the page is
 * built with Vite, served by `betaens serve`'s server, and its numbers are checked against the
 * library computed here for the same seed (sample s of seed K is createRandomSource(K, s)).
 * Skipped (with a message) only when /usr/bin/chromium is missing outside CI.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { runSample } from "../../src/driver/legacy.js";
import { circularCmvAngles } from "../../src/ensembles/circular.js";
import { hermiteLargestEigenvalueTruncated } from "../../src/ensembles/edge.js";
import { hermiteTridiagonal } from "../../src/ensembles/hermite.js";
import { laguerreEigenvalues } from "../../src/ensembles/laguerre.js";
import { decodeNpy } from "../../src/io/npy.js";
import { defaultHistogramRange } from "../../src/plot/sampleFigure.js";
import { createRandomSource } from "../../src/random/philox.js";
import { largestEigenvalue } from "../../src/tridiagonal/bisection.js";
import { uniformEdges } from "../../src/tridiagonal/histogram.js";
import {
  assertSameNumber,
  explorerForSuite,
  lastRun,
  sampleNow,
  settled,
  shownNumber,
  skipReason,
  text,
} from "./browser.js";

const skip = skipReason();
if (skip) console.log(skip);

describe("browser explorer (Chromium)", { skip, timeout: 120_000 }, () => {
  const { open, errors: pageErrors } = explorerForSuite();

  it("draws the default Hermite histogram (N = 10⁵) and shows λ_max of sample 0 = the library's", async () => {
    const page = await open();
    assert.equal(await settled(page), "done");
    const bars = await page.locator("#plot svg rect.bar").count();
    assert.equal(bars, 100, "one bar per bin");
    assert.equal(await page.locator("#plot svg path.density").count(), 1, "limit density drawn");
    assert.match(await text(page, "#law"), /semicircle/);
    const t = hermiteTridiagonal(createRandomSource(42, 0), 100_000, 2, { loc: 0, scale: 1 });
    const expected = largestEigenvalue(t.diagonal, t.offDiagonalSquared);
    assertSameNumber(await shownNumber(page, "lambda-max-0"), expected, "λ_max of sample 0");
    assert.equal(await shownNumber(page, "points-counted"), 100_000);
    const first = Number(await page.evaluate(() => document.body.dataset.firstMs));
    console.log(`time to first histogram, Hermite N = 1e5 (cold worker): ${first.toFixed(0)} ms`);
    await page.close();
  });

  it("changes ensemble, β and N, resamples, and matches the library (eigenvalues, histogram)", async () => {
    const page = await open("?n=1000");
    await settled(page);
    await page.selectOption("#ensemble", "laguerre");
    await page.fill("#beta", "2.5");
    await page.fill("#n", "3000");
    await page.fill("#shape", "3");
    await page.fill("#theta", "0.5");
    await page.check('input[name="view"][value="configuration"]');
    const before = await lastRun(page);
    await page.click("#resample"); // seed 42 → 43
    assert.equal(await settled(page, before), "done");
    assert.equal(await page.inputValue("#seed"), "43");
    const x = laguerreEigenvalues(createRandomSource(43, 0), 3000, 2.5, { shape: 3, scale: 0.5 });
    assertSameNumber(await shownNumber(page, "first-eigenvalue"), x[0], "x₁");
    assertSameNumber(await shownNumber(page, "last-eigenvalue"), x[2999], "x_N");
    assert.equal(await page.locator("#plot svg line.point").count(), 3000, "one tick per point");

    // Histogram view of the same settings, 3 samples: counts equal runSample's (the CLI's).
    await page.check('input[name="view"][value="histogram"]');
    await page.fill("#samples", "3");
    assert.equal(await sampleNow(page), "done");
    assert.equal(await page.locator("#plot svg rect.bar").count(), 100);
    const spec = { ensemble: "laguerre" as const, params: { shape: 3, scale: 0.5 } };
    const [lo, hi] = defaultHistogramRange(spec, 3000, 2.5);
    const cli = runSample({
      spec,
      model: "tridiagonal",
      n: 3000,
      beta: 2.5,
      samples: 3,
      seed: 43,
      stat: "histogram",
      edges: uniformEdges(lo, hi, 100),
    });
    const download = page.waitForEvent("download");
    await page.click('[data-download="json"]');
    const json = JSON.parse(readFileSync(await (await download).path(), "utf8"));
    assert.equal(json.ensemble, "laguerre");
    assert.equal(json.seed, 43);
    assert.deepEqual(json.edges, Array.from(cli.edges as Float64Array));
    assert.deepEqual(json.counts, Array.from(cli.counts as Float64Array));
    assert.equal(json.below, cli.below);
    assert.equal(json.above, cli.above);
    await page.close();
  });

  it("a shared link restores the whole state", async () => {
    const page = await open("?n=1000");
    await settled(page);
    await page.selectOption("#ensemble", "jacobi");
    await page.fill("#beta", "0.7");
    await page.fill("#n", "2500");
    await page.fill("#a", "2");
    await page.fill("#b", "3.5");
    await page.fill("#seed", "7");
    await page.check('input[name="view"][value="configuration"]');
    assert.equal(await sampleNow(page), "done");
    const link = page.url();
    const shown = await shownNumber(page, "first-eigenvalue");
    const copy = await open(new URL(link).search);
    assert.equal(await settled(copy), "done");
    for (const [id, value] of [
      ["#ensemble", "jacobi"],
      ["#beta", "0.7"],
      ["#n", "2500"],
      ["#a", "2"],
      ["#b", "3.5"],
      ["#seed", "7"],
    ]) {
      assert.equal(await copy.inputValue(id), value, id);
    }
    assert.equal(await copy.isChecked('input[name="view"][value="configuration"]'), true);
    assert.equal(await shownNumber(copy, "first-eigenvalue"), shown);
    await page.close();
    await copy.close();
  });

  it("bad input (β = −1, N = 0) shows errors next to the fields and the page keeps working", async () => {
    const page = await open("?n=2000");
    await settled(page);
    const figure = await page.innerHTML("#plot");
    await page.fill("#beta", "-1");
    await page.fill("#n", "0");
    await page.click("#run");
    await page.waitForFunction(() => document.body.dataset.state === "invalid");
    assert.match(await text(page, "#beta-error"), /β must be ≥ 0/);
    assert.match(await text(page, "#n-error"), /N must be ≥ 1/);
    assert.equal(await page.getAttribute("#beta", "aria-invalid"), "true");
    assert.equal(await page.innerHTML("#plot"), figure, "the last figure stays");
    // A link with bad values restores them with the same errors.
    const bad = await open("?beta=-1&n=0");
    await bad.waitForFunction(() => document.body.dataset.state === "invalid");
    assert.match(await text(bad, "#n-error"), /N must be ≥ 1/);
    await bad.close();
    // Fixing the fields samples again.
    await page.fill("#beta", "4");
    await page.fill("#n", "2000");
    assert.equal(await sampleNow(page), "done");
    assert.equal(await text(page, "#beta-error"), "");
    assert.equal(await page.locator("#plot svg rect.bar").count(), 100);
    await page.close();
  });

  it("a long run (N = 10⁶, 1000 samples) can be cancelled, and the next run works", async () => {
    const page = await open("?n=1000");
    await settled(page);
    await page.fill("#n", "1e6");
    await page.fill("#samples", "1000");
    await page.click("#run");
    // Estimated at ≈ 17 minutes: the page asks first.
    await page.waitForFunction(() => document.body.dataset.state === "confirm");
    await page.click("#confirm-run");
    await page.waitForFunction(() => document.body.dataset.state === "running");
    await page.waitForTimeout(300);
    assert.equal(await page.isEnabled("#stop"), true);
    await page.click("#stop");
    assert.equal(await page.evaluate(() => document.body.dataset.state), "stopped");
    assert.match(await text(page, "#status-text"), /stopped: \d+ of 1000 samples/);
    assert.equal(await page.isEnabled("#stop"), false);
    // The cancelled worker is gone: a small run finishes at once.
    await page.fill("#n", "500");
    await page.fill("#samples", "1");
    const started = Date.now();
    assert.equal(await sampleNow(page, 10_000), "done");
    assert.ok(Date.now() - started < 10_000);
    await page.close();
  });

  it("λ_max view: rescaled λ_max against the TW₂ density, λ_max of sample 0 = the library's", async () => {
    const page = await open("?view=edge&n=10000&samples=200&seed=5");
    assert.equal(await settled(page), "done");
    assert.equal(await page.locator("#plot svg path.density").count(), 1, "TW density drawn");
    // As `betaens sample --stat max`: the top ≈ 16·N^(1/3) rows (equal to the full λ_max to 1e−12).
    const expected = hermiteLargestEigenvalueTruncated(createRandomSource(5, 0), 10_000, 2);
    assertSameNumber(await shownNumber(page, "lambda-max-0"), expected, "λ_max of sample 0");
    const t = hermiteTridiagonal(createRandomSource(5, 0), 10_000, 2);
    assertSameNumber(expected, largestEigenvalue(t.diagonal, t.offDiagonalSquared), "full λ_max");
    // 200 samples: the rescaled mean is within 5 standard errors of TW₂'s (−1.7711, var 0.8132).
    const mean = await shownNumber(page, "rescaled-mean");
    assert.ok(Math.abs(mean + 1.7711) < 5 * Math.sqrt(0.8132 / 200) + 0.1, `mean ${mean}`);
    await page.close();
  });

  it("λ_max view at N = 1e12 (truncated model, exact): the CLI's numbers", async () => {
    const page = await open("?view=edge&n=1e12&samples=5&seed=6");
    assert.equal(await settled(page), "done");
    const expected = hermiteLargestEigenvalueTruncated(createRandomSource(6, 0), 1e12, 2);
    assertSameNumber(await shownNumber(page, "lambda-max-0"), expected, "λ_max of sample 0");
    await page.close();
  });

  it("downloads NPY, SVG and PNG of the current view", async () => {
    const page = await open("?view=edge&n=300&samples=50&seed=3");
    assert.equal(await settled(page), "done");
    const save = async (kind: string) => {
      const download = page.waitForEvent("download");
      await page.click(`[data-download="${kind}"]`);
      const d = await download;
      return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
    };
    const npy = await save("npy");
    assert.match(npy.name, /\.npy$/);
    const decoded = decodeNpy(new Uint8Array(npy.bytes));
    assert.deepEqual(decoded.shape, [50]);
    assert.equal(decoded.data[0], await shownNumber(page, "lambda-max-0"));
    const svg = await save("svg");
    assert.match(svg.bytes.toString("utf8"), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await save("png");
    assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    const csv = await save("csv");
    assert.equal(csv.bytes.toString("utf8").trim().split("\n").length, 50);
    await page.close();
  });

  it("circular ensemble: angles of sample 0 equal the library's; histogram of 5 samples", async () => {
    const page = await open("?ensemble=circular&view=configuration&beta=3.5&n=200&seed=9");
    assert.equal(await settled(page), "done");
    const theta = circularCmvAngles(createRandomSource(9, 0), 200, 3.5);
    assertSameNumber(await shownNumber(page, "first-eigenvalue"), theta[0], "θ₁");
    assertSameNumber(await shownNumber(page, "last-eigenvalue"), theta[199], "θ_N");
    assert.equal(await page.locator("#plot svg circle.point").count(), 200);
    await page.check('input[name="view"][value="histogram"]');
    await page.fill("#samples", "5");
    assert.equal(await sampleNow(page), "done");
    assert.equal(await page.locator("#plot svg rect.bar").count(), 100);
    assert.match(await text(page, "#law"), /uniform/);
    // The λ_max view does not apply: disabled, the reason as its tooltip.
    assert.equal(await page.isDisabled('input[name="view"][value="edge"]'), true);
    assert.match(
      (await page.getAttribute('label:has(input[value="edge"])', "title")) ?? "",
      /no largest eigenvalue/,
    );
    await page.close();
  });

  it("is keyboard-usable: β slider and view radios respond to arrow keys", async () => {
    const page = await open("?n=500");
    await settled(page);
    await page.focus("#beta-slider");
    let before = await lastRun(page);
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.inputValue("#beta"), "2.01");
    assert.equal(await settled(page, before), "done");
    assert.match(page.url(), /beta=2\.01/);
    await page.focus('input[name="view"][value="histogram"]');
    before = await lastRun(page);
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.isChecked('input[name="view"][value="configuration"]'), true);
    assert.equal(await settled(page, before), "done");
    assert.ok((await page.locator("#plot svg line.point").count()) === 500);
    await page.close();
  });

  it("raised no uncaught page errors", () => {
    assert.deepEqual(pageErrors, []);
  });
});
