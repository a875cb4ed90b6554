/**
 * Chromium tests of the explorer's research and teaching features (issue 13): "Copy as command"
 * (the line, run through the CLI, prints the page's numbers), the KS distance to Tracy–Widom
 * (equal to the library's) with its 95% band, presets with notes, the hover read-out.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { ksPValue, ksStatistic } from "../../src/statistics/ks.js";
import { edgeScaling } from "../../src/theory/edgeScaling.js";
import { tracyWidomCdf } from "../../src/theory/tracyWidom.js";
import {
  downloadJson,
  explorerForSuite,
  lastRun,
  ROOT,
  settled,
  shownNumber,
  skipReason,
  text,
} from "./browser.js";

const skip = skipReason();
if (skip) console.log(skip);

/** Splits a line of shell words as commandLine writes them (bare or single-quoted). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  const re = /'((?:[^']|'\\'')*)'|(\S+)/g;
  for (const m of line.matchAll(re))
    words.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]);
  return words;
}

describe("explorer features (Chromium)", { skip, timeout: 300_000 }, () => {
  const { open, errors: pageErrors } = explorerForSuite();

  it("Copy as command / JavaScript: the line run by the CLI and the code run by Node print the page's numbers", async () => {
    const cases = [
      "?n=20000&beta=2.5&samples=3&seed=7&loc=0.5&sigma=2&bins=50",
      "?ensemble=laguerre&view=edge&n=5000&samples=20&seed=3&shape=2&theta=0.5&beta=1",
      "?ensemble=jacobi&view=configuration&n=300&a=2&b=3&beta=0.7&seed=5",
      "?ensemble=potential&view=histogram&n=100&samples=2&passes=10&seed=1&bins=40&V=x%5E4%2F4+-+x%5E2",
    ];
    for (const query of cases) {
      const page = await open(query);
      assert.equal(await settled(page, 0, 120_000), "done", query);
      const line = (await text(page, "#command-line")).trim();
      const words = shellWords(line);
      assert.deepEqual(words.slice(0, 2), ["npx", "betaens"], line);
      const out = execFileSync(
        process.execPath,
        ["--import", "tsx", join(ROOT, "src/cli/bin.ts"), ...words.slice(2)],
        { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      );
      const cli = JSON.parse(out);
      const shown = await downloadJson(page);
      let compared = 0;
      for (const key of ["edges", "counts", "below", "above", "samples"]) {
        if (!(key in shown)) continue;
        assert.deepEqual(cli[key], shown[key], `${query}: ${key}`);
        compared++;
      }
      assert.ok(compared >= 1, `${query}: nothing compared`);
      // "Copy as JavaScript": the same numbers from the library calls, run by Node.
      const code = (await text(page, "#javascript-code")).replace(
        /from "betaens";/,
        `from ${JSON.stringify(pathToFileURL(join(ROOT, "src/index.ts")).href)};`,
      );
      const script = join(mkdtempSync(join(tmpdir(), "betaens-js-")), "run.mts");
      writeFileSync(script, code);
      const js = JSON.parse(
        execFileSync(process.execPath, ["--import", "tsx", script], {
          cwd: ROOT,
          encoding: "utf8",
          maxBuffer: 64 * 1024 * 1024,
        }),
      );
      for (const key of ["edges", "counts", "below", "above", "samples"]) {
        if (key in shown) assert.deepEqual(js[key], shown[key], `${query}: JavaScript ${key}`);
      }
      await page.close();
    }
  });

  it("λ_max view: KS distance and p-value to TW₂ equal the library's, with a 95% band", async () => {
    const page = await open("?view=edge&n=2000&samples=300&seed=8");
    assert.equal(await settled(page, 0, 120_000), "done");
    const json = await downloadJson(page);
    const maxima = Float64Array.from(json.samples as number[]);
    const edge = edgeScaling("hermite", 2000, 2, { loc: 0, scale: 1 });
    const d = ksStatistic(maxima.map(edge.rescale), (s) => tracyWidomCdf(s, 2));
    assert.equal(await shownNumber(page, "ks-distance"), d);
    // The p-value uses the engine's exp/log (not on the sampling path): equal to 1e-12.
    const p = await shownNumber(page, "ks-p-value");
    assert.ok(Math.abs(p - ksPValue(d, 300)) <= 1e-12, `p-value ${p} vs ${ksPValue(d, 300)}`);
    assert.equal(await page.locator("#plot svg path.band").count(), 1, "95% band drawn");
    await page.close();
  });

  it("presets: choosing one sets the state, runs it and shows its note", async () => {
    const page = await open("?n=1000");
    assert.equal(await settled(page), "done");
    const before = await lastRun(page);
    await page.selectOption("#preset", "tracy-widom");
    assert.equal(await settled(page, before, 120_000), "done");
    assert.equal(await page.inputValue("#samples"), "2000");
    assert.equal(await page.isChecked('input[name="view"][value="edge"]'), true);
    assert.match(await text(page, "#notice"), /Tracy–Widom/);
    await page.close();
  });

  it("hover read-out: a bar tells its bin and count", async () => {
    const page = await open("?n=3000&bins=40&seed=4");
    assert.equal(await settled(page), "done");
    const json = await downloadJson(page);
    const counts = json.counts as number[];
    await page.locator("#plot svg rect.bar").nth(20).hover({ force: true });
    const readout = await text(page, "#readout");
    assert.match(readout, new RegExp(`${counts[20]} points`));
    await page.close();
  });

  it("log density axis: decades on the y axis, the tails visible, no new run", async () => {
    const page = await open("?n=20000&bins=80&seed=2");
    assert.equal(await settled(page), "done");
    const before = await lastRun(page);
    await page.check("#log-scale");
    await page.waitForFunction(() =>
      /log scale/.test(document.querySelector("#plot svg .y-label")?.textContent ?? ""),
    );
    const ticks = await page.$$eval('#plot svg g.tick-labels text[text-anchor="end"]', (ts) =>
      ts.map((t) => Number(t.textContent)),
    );
    assert.ok(ticks.length >= 3, `y ticks ${ticks}`);
    for (let i = 1; i < ticks.length; i++) {
      const decades = Math.log10(ticks[i] / ticks[i - 1]);
      assert.ok(Math.abs(decades - Math.round(decades)) < 1e-9 && decades >= 1, `y ticks ${ticks}`);
    }
    assert.equal(await lastRun(page), before, "redrawn, not re-sampled");
    await page.close();
  });

  it("raised no uncaught page errors", () => {
    assert.deepEqual(pageErrors, []);
  });
});
