import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStaticServer } from "../../src/cli/serve.js";

const srv = await startStaticServer({ root: "/work/main/dist-web", port: 0 });
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "be-")), {
  executablePath: "/usr/bin/chromium", headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await ctx.newPage();
page.on("console", (m) => console.log("console:", m.type(), m.text()));
page.on("pageerror", (e) => console.log("pageerror:", e.message));
const t0 = Date.now();
await page.goto(srv.url);
await page.waitForFunction(() => document.body.dataset.state === "done" || document.body.dataset.state === "error", null, { timeout: 30000 });
console.log("state", await page.evaluate(() => ({ ...document.body.dataset })), Date.now() - t0);
console.log(await page.locator("#numbers").innerText());
console.log(await page.locator("#law").innerText());
console.log(await page.locator("#status-text").innerText());
await page.screenshot({ path: "/tmp/smoke.png", fullPage: true });
await ctx.close(); await srv.close();
