/**
 * Chromium tests of the explorer's behaviour around runs (issue 13): Stop keeps only completed
 * samples, views adapt the parameters, stale results are marked, one history entry per run,
 * notices for unknown link values, a cost estimate before long runs, screen-reader behaviour and
 * the phone layout. Each of these failed on the page before the fix.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import {
  type Explorer,
  lastRun,
  openExplorer,
  sampleNow,
  settled,
  shownNumber,
  skipReason,
  text,
} from "./browser.js";

const skip = skipReason();
if (skip) console.log(skip);

/** Waits for body[data-state] to be one of `states`. */
async function waitState(page: Page, states: string[], timeout = 60_000): Promise<string> {
  await page.waitForFunction((s) => s.includes(document.body.dataset.state ?? ""), states, {
    timeout,
  });
  return page.evaluate(() => document.body.dataset.state ?? "");
}

async function save(page: Page): Promise<string> {
  const download = page.waitForEvent("download");
  await page.click('[data-download="json"]');
  return (await download).suggestedFilename();
}

describe("explorer: honest partial results, adapting views, history, cost, a11y, phone", {
  skip,
  timeout: 300_000,
}, () => {
  let explorer: Explorer;
  const pageErrors: string[] = [];

  before(async () => {
    explorer = await openExplorer();
  });
  after(async () => {
    await explorer?.close();
  });

  async function open(query = "", viewport?: { width: number; height: number }): Promise<Page> {
    const page = await explorer.context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${explorer.url}${query}`);
    return page;
  }

  it("1. Stop: only completed samples are drawn and exported, labelled 'stopped: k of S samples'", async () => {
    // N·bins = 2e8: each sample is counted in chunks of bins (a partial histogram was drawn).
    // 40 samples: the driver runs blocks on every core, so a short run could end before Stop.
    const page = await open("?n=200000&bins=1000&samples=40&seed=3");
    // Record every figure drawn while no sample was complete.
    await page.evaluate(() => {
      const w = window as unknown as { partialDrawn: number };
      w.partialDrawn = 0;
      new MutationObserver(() => {
        const done = document.querySelector("#samples-done")?.getAttribute("data-value");
        if (document.querySelector("#plot svg rect.bar") && done === "0") w.partialDrawn++;
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.waitForFunction(
      () => Number(document.querySelector("#samples-done")?.getAttribute("data-value")) >= 1,
      undefined,
      { timeout: 120_000 },
    );
    await page.waitForTimeout(400); // inside a later sample
    await page.click("#stop");
    assert.equal(await page.evaluate(() => document.body.dataset.state), "stopped");
    const status = await text(page, "#status-text");
    const m = /stopped: (\d+) of 40 samples/.exec(status);
    assert.ok(m, `status "${status}"`);
    const k = Number(m[1]);
    assert.ok(k >= 1 && k < 40, `k = ${k}`);
    assert.equal(await shownNumber(page, "samples-done"), k);
    const download = page.waitForEvent("download");
    await page.click('[data-download="json"]');
    const json = JSON.parse(readFileSync(await (await download).path(), "utf8"));
    assert.equal(json.samplesDone, k);
    const total = json.counts.reduce((a: number, b: number) => a + b, 0) + json.below + json.above;
    assert.equal(total, k * 200_000, "counts of exactly the completed samples");
    assert.equal(
      await page.evaluate(() => (window as never as { partialDrawn: number }).partialDrawn),
      0,
    );
    await page.close();
  });

  it("2. views that cannot apply are disabled with the reason; a view switch clamps N and says so", async () => {
    const page = await open();
    assert.equal(await settled(page), "done");
    const gibbs = page.locator('input[name="view"][value="gibbs"]');
    assert.equal(await gibbs.isDisabled(), true, "Gibbs trace disabled for Hermite");
    const why = await page.evaluate(
      () =>
        document.querySelector('input[name="view"][value="gibbs"]')?.closest("label")?.title ?? "",
    );
    assert.match(why, /potential V/);
    const before = await lastRun(page);
    await page.check('input[name="view"][value="configuration"]');
    assert.equal(await settled(page, before), "done");
    assert.equal(await page.inputValue("#n"), "10000");
    assert.match(await text(page, "#notice"), /N lowered to 10,000/);
    // Circular: the λ_max view is disabled.
    await page.selectOption("#ensemble", "circular");
    assert.equal(await page.locator('input[name="view"][value="edge"]').isDisabled(), true);
    await page.close();
  });

  it("3. after an invalid edit the figure is marked stale and downloads are disabled", async () => {
    const page = await open("?n=2000");
    assert.equal(await settled(page), "done");
    assert.equal(await page.isEnabled('[data-download="json"]'), true);
    await page.fill("#beta", "-1");
    await page.click("#run");
    await waitState(page, ["invalid"]);
    assert.match(await text(page, "#figure"), /out of date: settings changed/);
    assert.equal(await page.getAttribute("#figure", "data-stale"), "true");
    for (const kind of ["csv", "json", "npy", "svg", "png"]) {
      assert.equal(await page.isDisabled(`[data-download="${kind}"]`), true, kind);
    }
    await page.fill("#beta", "3");
    assert.equal(await sampleNow(page), "done");
    assert.equal(await page.getAttribute("#figure", "data-stale"), "false");
    assert.equal(await page.isEnabled('[data-download="json"]'), true);
    await page.close();
  });

  it("5. one history entry per run: Back and Forward step through runs", async () => {
    const page = await open("?n=1000");
    assert.equal(await settled(page), "done");
    await page.fill("#beta", "3");
    assert.equal(await sampleNow(page), "done");
    await page.fill("#beta", "4");
    assert.equal(await sampleNow(page), "done");
    let before = await lastRun(page);
    await page.goBack();
    assert.equal(await settled(page, before), "done");
    assert.match(page.url(), /beta=3/);
    assert.equal(await page.inputValue("#beta"), "3");
    before = await lastRun(page);
    await page.goBack();
    assert.equal(await settled(page, before), "done");
    assert.equal(await page.inputValue("#beta"), "2");
    before = await lastRun(page);
    await page.goForward();
    assert.equal(await settled(page, before), "done");
    assert.equal(await page.inputValue("#beta"), "3");
    await page.close();
  });

  it("6. unknown ensemble or view in a link: a notice says so", async () => {
    const page = await open("?ensemble=wigner&view=movie&n=500");
    assert.equal(await settled(page), "done");
    const notice = await text(page, "#notice");
    assert.match(notice, /ensemble 'wigner'/);
    assert.match(notice, /view 'movie'/);
    await page.close();
  });

  it("7. switching to the λ_max view sets a useful number of samples", async () => {
    const page = await open("?n=1000");
    assert.equal(await settled(page), "done");
    const before = await lastRun(page);
    await page.check('input[name="view"][value="edge"]');
    assert.equal(await settled(page, before), "done");
    assert.equal(await page.inputValue("#samples"), "2000");
    assert.ok(Number.isFinite(await shownNumber(page, "rescaled-variance")));
    await page.close();
  });

  it("9. long runs are estimated and need a confirmation; time remaining is shown", async () => {
    const page = await open("?n=1e6&samples=100000");
    await waitState(page, ["confirm"]);
    assert.match(await text(page, "#cost"), /about \d+(\.\d)? (hours|days)/);
    assert.equal(await page.evaluate(() => document.body.dataset.run ?? "0"), "0");
    await page.click("#confirm-run");
    await waitState(page, ["running"]);
    await page.waitForFunction(
      () => /left/.test(document.querySelector("#status-text")?.textContent ?? ""),
      undefined,
      { timeout: 120_000 },
    );
    await page.click("#stop");
    // A short run starts without asking.
    await page.fill("#samples", "2");
    await page.fill("#n", "1000");
    assert.equal(await sampleNow(page), "done");
    await page.close();
  });

  it("10. screen readers: throttled announcements, a text value on the progress bar, a short SVG label and a data table", async () => {
    const page = await open("?n=1000");
    assert.equal(await settled(page), "done");
    await page.evaluate(() => {
      const w = window as unknown as { announced: number };
      w.announced = 0;
      for (const el of Array.from(
        document.querySelectorAll("[aria-live]:not([aria-live='off'])"),
      )) {
        new MutationObserver(() => w.announced++).observe(el, {
          subtree: true,
          childList: true,
          characterData: true,
        });
      }
    });
    await page.fill("#n", "200000");
    await page.fill("#samples", "40");
    const t0 = Date.now();
    const before = await lastRun(page);
    await page.click("#run");
    await page.waitForFunction(() => document.body.dataset.state === "running");
    await page.waitForTimeout(1500);
    const valueText = await page.getAttribute("#progress", "aria-valuetext");
    assert.match(valueText ?? "", /\d+ of 40 samples|\d+%/);
    assert.equal(await settled(page, before, 120_000), "done");
    const seconds = (Date.now() - t0) / 1000;
    const announced = await page.evaluate(
      () => (window as never as { announced: number }).announced,
    );
    assert.ok(
      announced <= seconds / 2 + 3,
      `${announced} announcements in ${seconds.toFixed(1)} s`,
    );
    const label = (await page.getAttribute("#plot svg", "aria-label")) ?? "";
    assert.ok(label.length > 10 && label.length < 200, `label "${label}"`);
    await page.click("#data-details summary");
    await page.locator("#data-table tbody tr").first().waitFor();
    const rows = await page.locator("#data-table tbody tr").count();
    assert.equal(rows, 100, "one row per bin");
    await page.close();
  });

  it("4. phone (390×844): figure first, ≥ 12 px tick labels, no horizontal overflow, 44 px targets", async () => {
    const phone = { width: 390, height: 844 };
    const page = await open(
      "?ensemble=potential&view=gibbs&n=100&samples=5&passes=20&V=x%5E4%2F4+-+x%5E2",
      phone,
    );
    assert.equal(await settled(page), "done");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width} px wide`);
    const top = await page.evaluate(
      () => document.querySelector("#figure")!.getBoundingClientRect().top,
    );
    assert.ok(top < 844 / 2, `figure starts ${top} px down`);
    const smallest = await page.evaluate(() => {
      let min = Number.POSITIVE_INFINITY;
      for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>("#plot svg"))) {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        for (const t of Array.from(svg.querySelectorAll("text"))) {
          min = Math.min(min, Number.parseFloat(getComputedStyle(t).fontSize) * scale);
        }
      }
      return min;
    });
    assert.ok(smallest >= 12, `smallest figure text ${smallest.toFixed(1)} CSS px`);
    // Open the controls (collapsed on a phone) and check the touch targets.
    if (await page.locator("#toggle-controls").isVisible()) await page.click("#toggle-controls");
    const small = await page.evaluate(() => {
      const out: string[] = [];
      const targets = document.querySelectorAll<HTMLElement>(
        "#controls button, #controls input, #controls select, #views label, .downloads button",
      );
      for (const el of Array.from(targets)) {
        const target =
          el instanceof HTMLInputElement && el.type === "radio" ? el.closest("label")! : el;
        const r = target.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue; // hidden
        if (r.height < 44)
          out.push(`${el.id || el.textContent?.trim()}: ${r.height.toFixed(0)} px`);
      }
      return out;
    });
    assert.deepEqual(small, []);
    await page.close();
  });

  it("8a. configuration view: spacings binned for the surmise's width, every spacing counted", async () => {
    const page = await open("?view=configuration&beta=100&n=400&seed=2");
    assert.equal(await settled(page), "done");
    const spacing = await page.evaluate(() => {
      const parts = document.querySelectorAll("#plot svg svg");
      const part = parts[parts.length - 1];
      const ticks = Array.from(part.querySelectorAll("g.tick-labels text"))
        .filter((t) => t.getAttribute("text-anchor") === "middle")
        .map((t) => ({ x: Number(t.getAttribute("x")), v: Number(t.textContent) }));
      const pxPerUnit = (ticks[1].x - ticks[0].x) / (ticks[1].v - ticks[0].v);
      const bar = part.querySelector("rect.bar")!;
      const title = part.querySelector("text.title")?.textContent ?? "";
      const legend = Array.from(part.querySelectorAll("g.legend text")).map((t) => t.textContent);
      return { width: Number(bar.getAttribute("width")) / pxPerUnit, title, legend };
    });
    // The surmise at β = 100 has standard deviation ≈ 0.070: bins of ≤ half of it.
    assert.ok(spacing.width <= 0.035, `spacing bins ${spacing.width} wide`);
    const count = /\((\d+) spacings\)/.exec(spacing.title)?.[1];
    assert.ok(
      count && spacing.legend.some((t) => t === `histogram (n = ${count})`),
      JSON.stringify(spacing),
    );
    await page.close();
  });

  it("8b. β = 1e-300: the Hermite histogram keeps every point, against a density", async () => {
    const tiny = await open("?beta=1e-300&n=1000");
    assert.equal(await settled(tiny), "done");
    assert.equal(await shownNumber(tiny, "points-counted"), 1000, "all points inside the range");
    assert.equal(await tiny.locator("#plot svg path.density").count(), 1);
    await tiny.close();
  });

  it("8c. Jacobi λ_max at a hard edge: N²(1 − λ_max) with plain tick labels", async () => {
    const jacobi = await open("?ensemble=jacobi&view=edge&n=1000&samples=200&a=1&b=1");
    assert.equal(await settled(jacobi), "done");
    const ticks = await jacobi.$$eval("#plot svg g.tick-labels text", (ts) =>
      ts.map((t) => t.textContent ?? ""),
    );
    assert.deepEqual(
      ticks.filter((t) => /e[+-]?\d/.test(t)),
      [],
      "plain tick labels",
    );
    assert.match(await text(jacobi, "#plot svg .x-label"), /N²\(1 − λ_max\)/);
    await jacobi.close();
  });

  it("11a. circular histogram: the legend is clear of the bars", async () => {
    const circ = await open("?ensemble=circular&n=200&samples=20");
    assert.equal(await settled(circ), "done");
    const clear = await circ.evaluate(() => {
      const box = document.querySelector("#plot svg g.legend rect")!.getBoundingClientRect();
      let top = Number.POSITIVE_INFINITY;
      for (const bar of Array.from(document.querySelectorAll("#plot svg rect.bar"))) {
        const r = bar.getBoundingClientRect();
        if (r.right > box.left && r.left < box.right) top = Math.min(top, r.top);
      }
      return { legendBottom: box.bottom, barTop: top };
    });
    assert.ok(clear.legendBottom <= clear.barTop, JSON.stringify(clear));
    await circ.close();
  });

  it("11b/c. two narrow cuts get a density curve; file names carry V", async () => {
    const cuts = await open(
      "?ensemble=potential&n=100&samples=2&passes=10&seed=1&V=x%5E4%2F4+-+1e3*x%5E2",
    );
    assert.equal(await settled(cuts, 0, 120_000), "done");
    const heights = await cuts.evaluate(() => {
      const d = document.querySelector("#plot svg path.density")?.getAttribute("d") ?? "";
      const ys = Array.from(d.matchAll(/[ML]\s*[-\d.e]+[ ,]([-\d.e]+)/g)).map((m) => Number(m[1]));
      return { min: Math.min(...ys), max: Math.max(...ys) };
    });
    assert.ok(
      heights.max - heights.min > 50,
      `density curve spans ${heights.max - heights.min} px`,
    );
    assert.match(await save(cuts), /V_x4d4-1e3x2/);
    await cuts.close();
  });

  it("11c/e. file names carry the parameters; λ_max of sample 0 also on the axis' scale", async () => {
    const page = await open("?n=100000&loc=0.5");
    assert.equal(await settled(page), "done");
    assert.match(await save(page), /loc0\.5-scale1-beta2-n100000/);
    const normalised = await shownNumber(page, "lambda-max-0-normalised");
    assert.ok(Math.abs(normalised - 2) < 0.05, `normalised λ_max ${normalised}`);
    await page.close();
  });

  it("11d. a slider whose box holds junk shows no position", async () => {
    const page = await open("?n=1000");
    assert.equal(await settled(page), "done");
    await page.fill("#beta", "abc");
    await page.waitForFunction(() => document.body.dataset.state === "invalid");
    assert.equal(await page.getAttribute("#beta-slider", "data-invalid"), "true");
    await page.close();
  });

  it("raised no uncaught page errors", () => {
    assert.deepEqual(pageErrors, []);
  });
});
