/**
 * The library as one ES module in Debian's headless Chromium, loaded the way Observable loads a
 * module (a dynamic `import()` of a URL, here a blob URL of esbuild's ESM bundle of src/index.ts,
 * the recipe of docs/distributions.md): TW₂'s cdf and draws equal Node's bit for bit, the
 * WebAssembly kernels are in use after `await loadWasmKernels()` (the way that works on any main
 * thread; this Chromium also compiles the 19 kB module synchronously), and the Jupyter display
 * method returns the SVG MIME bundle; `svg()` put in a div parses as one SVG element that draws.
 * Skipped (with a message) only when /usr/bin/chromium is missing outside CI.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { createRandomSource, tracyWidom } from "../../src/index.js";
import { browserBundle, launchChromium, ROOT, skipReason } from "./browser.js";

const skip = skipReason();
if (skip) console.log(skip);

interface Probe {
  cdf: number;
  draws: number[];
  wasmAfter: boolean;
  keys: string[];
  svg: string;
  text: string;
  parsed: boolean;
  drawn: boolean;
}

describe("the library as an ES module in Chromium", { skip, timeout: 120_000 }, () => {
  let browser: Browser | undefined;
  let page: Page;
  let bundle: string;

  before(async () => {
    bundle = await browserBundle(`${ROOT}src/index.ts`);
    browser = await launchChromium();
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
  });

  it("import(url): same cdf and draws as Node, WebAssembly after loadWasmKernels, SVG display", async () => {
    const got = (await page.evaluate(async (code: string) => {
      const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
      const betaens = await import(url);
      const wasmAfter = await betaens.loadWasmKernels();
      const law = betaens.tracyWidom(2);
      const display = law[Symbol.for("Jupyter.display")]();
      // The figure as a notebook cell would show it (docs/distributions.md, Observable).
      const cell = Object.assign(document.createElement("div"), { innerHTML: law.svg() });
      document.body.append(cell);
      const figure = cell.querySelector("svg");
      const box = figure?.getBBox();
      return {
        cdf: law.cdf(-2),
        draws: Array.from(law.sample(betaens.createRandomSource(7, 0), 4)),
        wasmAfter,
        keys: Object.keys(display).sort(),
        svg: display["image/svg+xml"],
        text: display["text/plain"],
        parsed: figure instanceof SVGSVGElement && cell.childElementCount === 1,
        drawn: (box?.width ?? 0) > 100 && (box?.height ?? 0) > 100,
      };
    }, bundle)) as Probe;
    const host = tracyWidom(2);
    assert.equal(got.cdf, host.cdf(-2));
    assert.deepEqual(got.draws, Array.from(host.sample(createRandomSource(7, 0), 4)));
    assert.equal(got.wasmAfter, true);
    assert.deepEqual(got.keys, ["image/svg+xml", "text/plain"]);
    assert.match(got.svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(got.svg, /<\/svg>\s*$/);
    assert.equal(got.text, "TW_2 (betaens law)");
    assert.ok(got.parsed, "svg() parses as one SVG element");
    assert.ok(got.drawn, "and draws more than 100×100 px");
  });
});
