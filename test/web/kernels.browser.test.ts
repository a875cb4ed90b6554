/**
 * The WebAssembly kernels in Debian's headless Chromium (a different V8 than Node's), from an
 * esbuild bundle of kernelsGolden.ts: on the page's main thread (compiled asynchronously) and in a
 * Web Worker (compiled synchronously, as in the explorer), the digests of coefficient draws,
 * histograms, bisection and truncated λ_max must equal those of the JavaScript reference and of
 * Node, bit for bit. Skipped (with a message) only when /usr/bin/chromium is missing outside CI.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { browserBundle, launchChromium, skipReason } from "./browser.js";
import { digests } from "./kernelsGolden.js";

const MODULE = fileURLToPath(new URL("./kernelsGolden.ts", import.meta.url));

const skip = skipReason();
if (skip) console.log(skip);

type Digests = ReturnType<typeof digests>;

describe("WebAssembly kernels in Chromium", { skip, timeout: 120_000 }, () => {
  let browser: Browser | undefined;
  let page: Page;
  let bundle: string;

  before(async () => {
    bundle = await browserBundle(MODULE, "BetaensKernels");
    browser = await launchChromium();
    page = await browser.newPage();
    await page.addScriptTag({ content: bundle });
  });
  after(async () => {
    await browser?.close();
  });

  it("main thread: kernel and reference digests equal Node's", async () => {
    const node = digests(true);
    assert.ok(node.loaded);
    assert.deepEqual(digests(false).values, node.values);
    assert.equal(await page.evaluate("BetaensKernels.ready()"), true);
    const kernel = (await page.evaluate("BetaensKernels.digests(true)")) as Digests;
    const reference = (await page.evaluate("BetaensKernels.digests(false)")) as Digests;
    assert.equal(kernel.loaded, true, "the kernels load in Chromium");
    assert.equal(reference.loaded, false);
    assert.deepEqual(kernel.values, node.values);
    assert.deepEqual(reference.values, node.values);
  });

  it("Web Worker (synchronous compilation on first use): the same digests", async () => {
    const node = digests(true);
    const inWorker = (await page.evaluate((code: string) => {
      const source = `${code}\nself.postMessage(BetaensKernels.digests(true));`;
      const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      return new Promise((resolve, reject) => {
        const worker = new Worker(url);
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message));
      });
    }, bundle)) as Digests;
    assert.equal(inWorker.loaded, true, "the kernels compile synchronously in a worker");
    assert.deepEqual(inWorker.values, node.values);
  });
});
