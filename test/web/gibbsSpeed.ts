/**
 * Gibbs chains on 1 vs 2 Web Workers in headless Chromium: 64 chains of V = x⁴/4 − x², λ_max view,
 * the page told navigator.hardwareConcurrency = 1 or 2 (alternating runs, 3 each). Prints the time
 * of each run (the page's "Done: … in t s", from the run's start to the last chain drawn), the
 * medians, their ratio and the load average (the machine may be shared).
 * Run: node --import tsx test/web/gibbsSpeed.ts   (BETAENS_WEB_DIR=dist-web to skip the build)
 */
import { loadavg } from "node:os";
import { openExplorer, settled, text } from "./browser.js";

const QUERY =
  "?ensemble=potential&view=edge&V=x%5E4%2F4+-+x%5E2&beta=2&n=200&passes=300&samples=64&seed=1";
const explorer = await openExplorer();
const times: Record<number, number[]> = { 1: [], 2: [] };
try {
  console.log(
    `load average before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
  for (let rep = 0; rep < 3; rep++) {
    for (const cores of [1, 2]) {
      const page = await explorer.context.newPage();
      await page.addInitScript(
        `Object.defineProperty(Navigator.prototype, "hardwareConcurrency", { get: () => ${cores} });`,
      );
      await page.goto(`${explorer.url}${QUERY}`);
      if ((await settled(page, 0, 600_000)) !== "done")
        throw new Error(await text(page, "#run-error"));
      const workers = await page.evaluate(() => document.body.dataset.workers);
      const status = await text(page, "#status-text");
      const seconds = Number(/ in ([\d.]+) s/.exec(status)?.[1]);
      times[cores].push(seconds);
      console.log(`${cores} worker(s) (data-workers=${workers}): ${seconds.toFixed(2)} s`);
      await page.close();
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [one, two] = [median(times[1]), median(times[2])];
  console.log(
    `median 1 worker ${one.toFixed(2)} s, 2 workers ${two.toFixed(2)} s: ${(one / two).toFixed(2)}×`,
  );
  console.log(
    `load average after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
} finally {
  await explorer.close();
}
