/**
 * Time to first histogram in headless Chromium: Hermite β = 2, 100 bins, one sample, for
 * N = 10⁵ and 10⁶ (Sturm-count histogram, no eigenvalues). "cold" = loading the page (worker
 * start included); "warm" = pressing Sample again (median of 5). The page measures from the
 * start of the run to the histogram drawn (body[data-first-ms]).
 * Run: node --import tsx test/web/speed.ts   (BETAENS_WEB_DIR=dist-web to skip the build)
 */
import { openExplorer, sampleNow, settled } from "./browser.js";

const explorer = await openExplorer();
try {
  for (const n of [100_000, 1_000_000]) {
    const page = await explorer.context.newPage();
    await page.goto(
      `${explorer.url}?ensemble=hermite&view=histogram&beta=2&n=${n}&samples=1&seed=42&bins=100`,
    );
    await settled(page, 0, 120_000);
    const firstMs = () => page.evaluate(() => Number(document.body.dataset.firstMs));
    const cold = await firstMs();
    const load = await page.evaluate(() => Number(document.body.dataset.firstLoadMs));
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      await sampleNow(page, 120_000);
      warm.push(await firstMs());
    }
    warm.sort((a, b) => a - b);
    console.log(
      `Hermite N = ${n.toExponential(0)}: first histogram ${warm[2].toFixed(0)} ms (warm median of 5, ` +
        `range ${warm[0].toFixed(0)}–${warm[4].toFixed(0)}); cold ${cold.toFixed(0)} ms after the run started, ` +
        `${load.toFixed(0)} ms after navigation`,
    );
    await page.close();
  }
} finally {
  await explorer.close();
}
