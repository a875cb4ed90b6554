/**
 * Bit-for-bit reproducibility in the browser: the golden values of deterministicMath.test.ts and
 * fingerprints of every deterministic function on 20 000 fixed arguments each, computed in
 * Debian's headless Chromium (a different V8 than Node's) from an esbuild bundle of
 * deterministicGolden.ts, must equal the hard-coded golden values and Node's results exactly.
 * As a control, the same fingerprints of the engine's Math.* functions are printed: they are
 * expected to differ between Node and Chromium for some functions (that is why det* exist).
 * Skipped (with a message) only when /usr/bin/chromium is missing outside CI.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { browserBundle, launchChromium, skipReason } from "../web/browser.js";
import { functionDigests, GOLDEN, goldenValues } from "./deterministicGolden.js";

const GOLDEN_MODULE = fileURLToPath(new URL("./deterministicGolden.ts", import.meta.url));

const skip = skipReason();
if (skip) console.log(skip);

describe("deterministic math in Chromium", { skip, timeout: 60_000 }, () => {
  let browser: Browser | undefined;
  let page: Page;
  let bundle: string;

  before(async () => {
    bundle = await browserBundle(GOLDEN_MODULE, "BetaensGolden");
    browser = await launchChromium();
    page = await browser.newPage();
    await page.addScriptTag({ content: bundle });
  });
  after(async () => {
    await browser?.close();
  });

  it("golden values: bit-identical to the hard-coded ones and to Node", async () => {
    const inBrowser = (await page.evaluate("BetaensGolden.goldenValues()")) as Record<
      string,
      string[]
    >;
    assert.deepEqual(inBrowser, GOLDEN);
    assert.deepEqual(inBrowser, goldenValues());
  });

  it("det* functions: identical fingerprints on 20 000 arguments each", async () => {
    const inBrowser = await page.evaluate('BetaensGolden.functionDigests("det")');
    assert.deepEqual(inBrowser, functionDigests("det"));
    // Control (informational): which Math.* functions differ between this Node and Chromium.
    const mathBrowser = (await page.evaluate('BetaensGolden.functionDigests("math")')) as Record<
      string,
      string
    >;
    const mathNode = functionDigests("math");
    const differing = Object.keys(mathNode).filter((name) => mathNode[name] !== mathBrowser[name]);
    const version = browser?.version() ?? "?";
    console.log(
      `Math.* differs between Node ${process.versions.node} and Chromium ${version} for: ` +
        `${differing.join(", ") || "none"}; det* agree on all`,
    );
  });
});
