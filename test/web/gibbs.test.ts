/**
 * End-to-end tests of the explorer's potential V ensemble (Gibbs sampler) in Debian's Chromium:
 * the histogram against μ_V, the λ_max trace and the rescaled λ_max view draw; the numbers shown
 * equal gibbsRun's (`betaens gibbs`) for the same seed; a bad potential shows an error next to
 * the field and the page keeps working; a link restores a Gibbs state; a long run is cancelled.
 * Skipped (with a message) only when /usr/bin/chromium is missing outside CI.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { gibbsRun } from "../../src/driver/legacy.js";
import { parsePotential } from "../../src/potentials/parse.js";
import { edgeConstants, equilibriumMeasure } from "../../src/theory/equilibrium.js";
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

/** The run of the tests: V = x^4/4, β = 2, N = 100, 5 passes, 20 chains, seed 42. */
const coeffs = parsePotential("x^4/4");
const RUN = { coeffs, n: 100, beta: 2, passes: 5, samples: 20, seed: 42 } as const;

describe("browser explorer: potential V (Gibbs sampler)", { skip, timeout: 120_000 }, () => {
  const { open, errors: pageErrors } = explorerForSuite();
  const trace = gibbsRun({ ...RUN, stat: "trace" }).samples as Float64Array[];

  it("histogram vs μ_V, trace and λ_max views; numbers = gibbsRun's; a link restores the state", async () => {
    const page = await open("?n=5000");
    await settled(page);
    assert.equal(await page.isVisible("#beta-help"), false, "the β > 0 note only for Gibbs");
    await page.selectOption("#ensemble", "potential"); // N = 5000 > 2000: lowered to 200
    assert.equal(await page.inputValue("#n"), "200", "N lowered to the Gibbs default on switch");
    assert.equal(await page.isVisible("#beta-help"), true);
    assert.match(await text(page, "#beta-help"), /needs β > 0/);
    assert.equal(await text(page, "#samples-label"), "Chains");
    await page.fill("#V", "x^4/4");
    await page.fill("#beta", "2");
    await page.fill("#n", "100");
    await page.fill("#passes", "5");
    await page.fill("#samples", "20");
    assert.equal(await sampleNow(page), "done");
    // (1) The final points of the 20 chains against the density of μ_V.
    assert.equal(await page.locator("#plot svg rect.bar").count(), 100, "one bar per bin");
    assert.equal(await page.locator("#plot svg path.density").count(), 1, "μ_V drawn");
    assert.match(await text(page, "#law"), /equilibrium measure μ_V of V \(one-cut\)/);
    assert.equal(await shownNumber(page, "chains-done"), 20);
    const last = trace.map((row) => row[RUN.passes - 1]);
    assertSameNumber(await shownNumber(page, "lambda-max-0"), last[0], "λ_max of chain 0");
    assert.equal(await shownNumber(page, "points-counted"), 2000);

    // (4) The trace: 20 chain lines and their mean; the mean after the last pass = gibbsRun's.
    let before = await lastRun(page);
    await page.check('input[name="view"][value="gibbs"]');
    assert.equal(await settled(page, before), "done");
    assert.equal(await page.locator("#plot svg path.chain").count(), 20);
    assert.equal(await page.locator("#plot svg path.mean").count(), 1);
    assert.equal(await page.locator("#plot svg line.reference").count(), 1, "TW₂ mean line");
    assertSameNumber(await shownNumber(page, "lambda-max-0"), last[0], "λ_max of chain 0");
    const { right: b, rightScale: c } = edgeConstants(equilibriumMeasure(coeffs));
    const meanRescaled = last.reduce((sum, v) => sum + 100 ** (2 / 3) * c * (v - b), 0) / 20;
    const shownMean = await shownNumber(page, "trace-mean-last");
    assert.ok(Math.abs(shownMean - meanRescaled) < 1e-9 * Math.abs(meanRescaled) + 1e-12);
    const download = page.waitForEvent("download");
    await page.click('[data-download="json"]');
    const json = JSON.parse(readFileSync(await (await download).path(), "utf8"));
    assert.equal(json.command, "gibbs");
    assert.equal(json.stat, "trace");
    assert.deepEqual(json.potential, Array.from(coeffs));
    assert.equal(json.samples.length, 20);
    for (let s = 0; s < 20; s++) {
      for (let p = 0; p < RUN.passes; p++) {
        assertSameNumber(json.samples[s][p], trace[s][p], `trace of chain ${s}, pass ${p + 1}`);
      }
    }

    // (3) λ_max rescaled by b_V, c_V against TW₂.
    before = await lastRun(page);
    await page.check('input[name="view"][value="edge"]');
    assert.equal(await settled(page, before), "done");
    assert.equal(await page.locator("#plot svg path.density").count(), 1, "TW₂ drawn");
    assert.match(await page.innerHTML("#plot"), /N\^\(2\/3\) c_V \(λ_max − b_V\)/);

    // A shared link restores the Gibbs state (back to the trace view).
    await page.check('input[name="view"][value="gibbs"]');
    await page.selectOption("#initial", "hermite");
    assert.equal(await sampleNow(page), "done");
    const shown = await shownNumber(page, "lambda-max-0");
    const hermite = gibbsRun({ ...RUN, samples: 1, stat: "max", initial: "hermite" });
    assertSameNumber(shown, (hermite.samples as Float64Array)[0], "λ_max of chain 0 (hermite)");
    const copy = await open(new URL(page.url()).search);
    assert.equal(await settled(copy), "done");
    for (const [id, value] of [
      ["#ensemble", "potential"],
      ["#V", "x^4/4"],
      ["#beta", "2"],
      ["#n", "100"],
      ["#passes", "5"],
      ["#samples", "20"],
      ["#initial", "hermite"],
    ]) {
      assert.equal(await copy.inputValue(id), value, id);
    }
    assert.equal(await copy.isChecked('input[name="view"][value="gibbs"]'), true);
    assert.equal(await shownNumber(copy, "lambda-max-0"), shown);
    await copy.close();
    await page.close();
  });

  it("a bad potential (x^3) shows an error next to V and the page keeps working", async () => {
    const page = await open("?ensemble=potential&n=100&passes=5&samples=2");
    assert.equal(await settled(page), "done");
    const figure = await page.innerHTML("#plot");
    await page.fill("#V", "x^3");
    await page.click("#run");
    await page.waitForFunction(() => document.body.dataset.state === "invalid");
    assert.match(await text(page, "#V-error"), /even degree/);
    assert.equal(await page.getAttribute("#V", "aria-invalid"), "true");
    assert.equal(await page.innerHTML("#plot"), figure, "the last figure stays");
    await page.fill("#beta", "0");
    await page.click("#run");
    await page.waitForFunction(() =>
      /β > 0/.test(document.getElementById("beta-error")?.textContent ?? ""),
    );
    await page.fill("#beta", "1");
    await page.fill("#V", "x^4/4 - x^2");
    assert.equal(await sampleNow(page), "done");
    assert.equal(await text(page, "#V-error"), "");
    assert.equal(await page.locator("#plot svg path.density").count(), 1);
    await page.close();
  });

  it("a long Gibbs run reports progress inside a chain and can be cancelled", async () => {
    const page = await open("?ensemble=potential&n=100&passes=5&samples=1");
    await settled(page);
    await page.fill("#n", "2000");
    await page.fill("#passes", "5000");
    await page.fill("#samples", "3");
    await page.click("#run");
    // Estimated at ≈ 3.5 minutes (the CLI's model): the page asks first.
    await page.waitForFunction(() => document.body.dataset.state === "confirm");
    await page.click("#confirm-run");
    await page.waitForFunction(() =>
      /chain 1 of 3, pass \d+ of 5000/.test(
        document.getElementById("status-text")?.textContent ?? "",
      ),
    );
    assert.ok(
      (await page.evaluate(
        () => (document.getElementById("progress") as HTMLProgressElement).value,
      )) > 0,
    );
    await page.click("#stop");
    assert.equal(await page.evaluate(() => document.body.dataset.state), "stopped");
    // No chain completed: nothing is drawn from it, and the status says how far it got.
    assert.match(
      (await page.textContent("#status-text")) ?? "",
      /stopped: 0 of 3 chains \(chain 1 of 3, pass \d+ of 5000/,
    );
    await page.fill("#n", "50");
    await page.fill("#passes", "2");
    assert.equal(await sampleNow(page, 10_000), "done");
    await page.close();
  });

  it("raised no uncaught page errors", () => {
    assert.deepEqual(pageErrors, []);
  });
});
