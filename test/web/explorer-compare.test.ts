/**
 * Chromium tests of the explorer's zoom, compare and play (issue 13): zoom on a range of the x
 * axis (boxes with the keyboard, or a drag) and its reset; up to three β (or N) overlaid, each
 * bit-identical to a single run; Play sweeping β (or Gibbs passes) with Pause and Stop, each
 * frame the figure of a single run.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type { Page } from "playwright-core";
import {
  bodyState,
  downloadJson,
  explorerForSuite,
  openDone,
  skipReason,
  text,
} from "./browser.js";

const skip = skipReason();
if (skip) console.log(skip);

/** The x range and pixel frame of the histogram drawn (zoom.ts reads the same attributes). */
async function barsFrame(page: Page): Promise<{ lo: number; hi: number; bins: number[] }> {
  return page.evaluate(() => {
    const g = document.querySelector<SVGGElement>("#plot g.bars");
    if (!g) throw new Error("no histogram drawn");
    const bins = Array.from(g.querySelectorAll("rect.bar")).map((r) =>
      Number(r.getAttribute("data-bin") ?? -1),
    );
    return { lo: Number(g.dataset.lo), hi: Number(g.dataset.hi), bins };
  });
}

describe("explorer zoom, compare and play (Chromium)", { skip, timeout: 600_000 }, () => {
  const suite = explorerForSuite();
  const pageErrors = suite.errors;
  after(() => assert.deepEqual(pageErrors, [], "no uncaught errors in the pages"));
  const openDoneHere = (query: string) => openDone(suite.explorer(), query, pageErrors);

  it("zoom from the keyboard shows the run's bins inside the range (same bins, read-out indices); Reset restores", async () => {
    const page = await openDoneHere("?n=20000&beta=2&samples=1&seed=3&bins=100");
    const whole = await barsFrame(page);
    assert.equal(whole.bins.length, 100);
    assert.ok(
      whole.bins.every((b) => b === -1),
      "no data-bin when not zoomed",
    );
    const data = await downloadJson(page);
    const counts = data.counts as number[];
    // The right edge: the last quarter of the axis.
    const a = Number((whole.lo + 0.75 * (whole.hi - whole.lo)).toPrecision(4));
    const b = Number(whole.hi.toPrecision(6));
    await page.focus("#zoom-from");
    await page.keyboard.type(String(a));
    await page.keyboard.press("Tab");
    await page.keyboard.type(String(b));
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.body.dataset.zoom !== undefined);
    assert.equal(await page.evaluate(() => document.body.dataset.zoom), `${a} ${b}`);
    const zoomed = await barsFrame(page);
    assert.ok(zoomed.bins.length >= 20 && zoomed.bins.length <= 30, `${zoomed.bins.length} bars`);
    const first = zoomed.bins[0];
    assert.deepEqual(
      zoomed.bins,
      zoomed.bins.map((_, i) => first + i),
      "consecutive bins of the run",
    );
    assert.equal(zoomed.bins.at(-1), 99);
    assert.ok(zoomed.lo >= a - 1e-9 && zoomed.lo < a + (whole.hi - whole.lo) / 100);
    assert.match(await text(page, "#zoom-note"), /Zoomed to/);
    // The figure is current (a display option, no new run) and the read-out names the real bin.
    assert.equal(await page.evaluate(() => document.body.dataset.stale), "false");
    await page.locator("#plot svg rect.bar").nth(2).hover({ force: true });
    assert.match(
      await text(page, "#readout"),
      new RegExp(`bin ${first + 3} of 100: .* ${counts[first + 2]} points`),
    );
    // Downloads keep the whole result.
    assert.deepEqual((await downloadJson(page)).counts, counts);
    await page.focus("#zoom-reset");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.body.dataset.zoom === "");
    assert.equal((await barsFrame(page)).bins.length, 100);
    await page.close();
  });

  it("zoom re-bins kept values (λ_max view) over the range; a drag across the figure zooms; log axis present", async () => {
    const page = await openDoneHere("?ensemble=hermite&view=edge&n=100&samples=400&seed=1&beta=2");
    const whole = await barsFrame(page);
    const bins = whole.bins.length;
    await page.fill("#zoom-from", "0");
    await page.fill("#zoom-to", "2");
    await page.click("#zoom-apply");
    await page.waitForFunction(() => document.body.dataset.zoom === "0 2");
    const zoomed = await barsFrame(page);
    assert.equal(zoomed.bins.length, bins, "re-binned into as many bins over the range");
    assert.ok(
      zoomed.bins.every((b) => b === -1),
      "re-binned bars are not the run's bins",
    );
    assert.deepEqual([zoomed.lo, zoomed.hi], [0, 2]);
    // A drag from 30% to 60% of the plot's width zooms inside [0, 2].
    await page.click("#zoom-reset");
    await page.waitForFunction(() => document.body.dataset.zoom === "");
    const box = await page.locator("#plot svg").boundingBox();
    assert.ok(box);
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 0.3 * box.width, y);
    await page.mouse.down();
    await page.mouse.move(box.x + 0.45 * box.width, y, { steps: 4 });
    await page.mouse.move(box.x + 0.6 * box.width, y, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(() => (document.body.dataset.zoom ?? "") !== "");
    const [da, db] = (await page.evaluate(() => document.body.dataset.zoom ?? ""))
      .split(" ")
      .map(Number);
    assert.ok(whole.lo < da && da < db && db < whole.hi, `drag zoom ${da} ${db}`);
    // The tails: a log density axis.
    await page.check("#log-scale");
    assert.match(await page.innerHTML("#plot"), /density \(log scale\)/);
    await page.close();
  });

  it("compare: three β in one figure, each bit-identical to a single run of that β", async () => {
    const query =
      "?ensemble=laguerre&view=histogram&n=3000&samples=2&seed=5&bins=60&shape=4000&theta=1";
    const page = await openDoneHere(`${query}&beta=2`);
    await page.fill("#compare-values", "1, 2.5, 4");
    await page.click("#compare-run");
    assert.equal(await bodyState(page, "compare", ["done", "error"]), "done");
    const svg = await page.innerHTML("#plot");
    for (const label of ["β = 1 (", "β = 2.5 (", "β = 4 ("]) assert.ok(svg.includes(label), label);
    assert.match(svg, /limit: /);
    const data = await downloadJson(page);
    assert.equal(data.command, "compare");
    // The command line: one line per configuration, each the single run's.
    const lines = (await page.textContent("#command-line"))?.trim().split("\n") ?? [];
    assert.equal(lines.length, 3, lines.join(" | "));
    for (const [i, beta] of [1, 2.5, 4].entries()) {
      assert.match(
        lines[i],
        new RegExp(`^npx betaens sample laguerre .*--beta ${beta} `),
        lines[i],
      );
    }
    // CSV/NPY hold one table: disabled (with the reason) while a comparison is shown.
    for (const kind of ["csv", "npy"]) {
      const button = `[data-download="${kind}"]`;
      assert.equal(await page.isDisabled(button), true, kind);
      assert.match(
        (await page.getAttribute(button, "title")) ?? "",
        /comparison downloads as JSON/,
      );
    }
    const configurations = data.configurations as Record<string, unknown>[];
    assert.deepEqual(
      configurations.map((c) => c.beta),
      [1, 2.5, 4],
    );
    for (const c of configurations) {
      const single = await openDoneHere(`${query}&beta=${c.beta}`);
      const one = await downloadJson(single);
      for (const key of ["edges", "counts", "below", "above", "samplesDone", "seed", "n"]) {
        assert.deepEqual(c[key], one[key], `β = ${c.beta}: ${key}`);
      }
      await single.close();
    }
    // More than three values: refused with the reason.
    await page.fill("#compare-values", "1, 2, 3, 4");
    await page.click("#compare-run");
    assert.equal(await bodyState(page, "compare", ["error"]), "error");
    assert.match(await text(page, "#compare-note"), /1 to 3 values/);
    await page.close();
  });

  it("compare N: two N overlaid, each the single run of that N", async () => {
    const query = "?ensemble=hermite&view=histogram&beta=1.5&samples=1&seed=9&bins=40";
    const page = await openDoneHere(`${query}&n=800`);
    await page.selectOption("#compare-what", "n");
    await page.fill("#compare-values", "500 2000");
    await page.press("#compare-values", "Enter");
    assert.equal(await bodyState(page, "compare", ["done", "error"]), "done");
    const configurations = (await downloadJson(page)).configurations as Record<string, unknown>[];
    assert.deepEqual(
      configurations.map((c) => c.n),
      [500, 2000],
    );
    for (const c of configurations) {
      const one = await downloadJson(await openDoneHere(`${query}&n=${c.n}`));
      assert.deepEqual(c.counts, one.counts, `N = ${c.n}`);
    }
    await page.close();
  });

  it("play sweeps β from 0 to 100 on one seed; Pause holds the frame, Stop ends; each frame is a single run", async () => {
    const query = "?ensemble=hermite&view=configuration&n=40&seed=7";
    const page = await openDoneHere(`${query}&beta=2`);
    const seen = new Set<string>();
    await page.exposeFunction("frameSeen", (v: string) => seen.add(v));
    await page.evaluate(() => {
      new MutationObserver(() => {
        const v = document.body.dataset.frameValue;
        if (v !== undefined) (window as unknown as { frameSeen(v: string): void }).frameSeen(v);
      }).observe(document.body, { attributes: true, attributeFilter: ["data-frame-value"] });
    });
    await page.click("#play");
    await page.waitForFunction(() => Number(document.body.dataset.frame ?? -1) >= 2);
    await page.click("#pause");
    assert.equal(await bodyState(page, "play", ["paused"]), "paused");
    const held = await page.evaluate(() => document.body.dataset.frameValue);
    await page.waitForTimeout(1200);
    assert.equal(await page.evaluate(() => document.body.dataset.frameValue), held);
    // The form follows the frame shown: the figure is current, and is that β's single run.
    assert.equal(await page.inputValue("#beta"), held);
    assert.equal(await page.evaluate(() => document.body.dataset.stale), "false");
    await page.click("#play");
    assert.equal(await bodyState(page, "play", ["done", "error"]), "done");
    assert.equal(await page.inputValue("#beta"), "100");
    assert.deepEqual(
      [...seen].map(Number).sort((x, y) => x - y),
      [0, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 100],
    );
    const last = await downloadJson(page);
    const single = await downloadJson(await openDoneHere(`${query}&beta=100`));
    assert.deepEqual(last.samples, single.samples);
    assert.equal(last.beta, 100);
    // Stop: ends the sweep, keeps the last complete frame.
    await page.click("#play");
    await page.waitForFunction(() => document.body.dataset.play === "playing");
    await page.click("#play-stop");
    assert.equal(await bodyState(page, "play", ["stopped"]), "stopped");
    await page.close();
  });

  it("play on the Gibbs sampler steps through passes: the frame at p passes is the start of the longer chain", async () => {
    const query = "?ensemble=potential&view=gibbs&n=30&samples=3&seed=1&beta=2&V=x%5E4%2F4+-+x%5E2";
    const page = await openDoneHere(`${query}&passes=20`);
    const whole = await downloadJson(page);
    await page.click("#play");
    assert.equal(await bodyState(page, "play", ["done", "error"]), "done");
    assert.equal(await page.inputValue("#passes"), "20");
    assert.deepEqual((await downloadJson(page)).samples, whole.samples);
    const trace = (whole.samples as number[][])[0];
    assert.equal(trace.length, 20);
    const five = await downloadJson(await openDoneHere(`${query}&passes=5`));
    assert.deepEqual((five.samples as number[][])[0], trace.slice(0, 5));
    await page.close();
  });
});
