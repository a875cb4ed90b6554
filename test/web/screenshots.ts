/**
 * Screenshots of the explorer's main views into docs/screenshots/*.png, taken in headless
 * Chromium (the build, server and browser of the e2e tests).
 * Run: node --import tsx test/web/screenshots.ts [FILE.png …]   (only these; BETAENS_WEB_DIR=dist-web
 * to skip the build)
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { openExplorer, ROOT, settled } from "./browser.js";

const SHOTS: {
  file: string;
  query: string;
  note: string;
  viewport?: { width: number; height: number };
  fullPage?: boolean;
}[] = [
  {
    file: "histogram-hermite-1e6.png",
    query: "ensemble=hermite&view=histogram&beta=2&n=1e6&samples=1&seed=42&bins=100",
    note: "Sturm-count histogram of one Hermite sample, N = 10⁶, against the semicircle",
  },
  {
    file: "histogram-laguerre.png",
    query:
      "ensemble=laguerre&view=histogram&beta=2.98&n=1e5&samples=1&seed=1&bins=100&shape=149000&theta=1",
    note: "Laguerre β = 2.98, N = 10⁵ against Marchenko–Pastur (c ≈ 1/2)",
  },
  {
    file: "histogram-jacobi.png",
    query: "ensemble=jacobi&view=histogram&beta=0.5&n=1e5&samples=1&seed=1&bins=100&a=5000&b=20000",
    note: "Jacobi β = 0.5, N = 10⁵ against the Wachter law",
  },
  {
    file: "configuration-beta0.5.png",
    query: "ensemble=hermite&view=configuration&beta=0.5&n=400&samples=1&seed=7",
    note: "one Hermite configuration at β = 0.5: weak repulsion",
  },
  {
    file: "configuration-beta8.png",
    query: "ensemble=hermite&view=configuration&beta=8&n=400&samples=1&seed=7",
    note: "the same at β = 8: crystallisation",
  },
  {
    file: "circular-beta2.png",
    query: "ensemble=circular&view=configuration&beta=2&n=120&samples=1&seed=3",
    note: "circular β = 2 (CUE), N = 120, on the unit circle",
  },
  {
    file: "edge-tracy-widom.png",
    query: "ensemble=hermite&view=edge&beta=2&n=1000&samples=2000&seed=11",
    note: "rescaled λ_max of 2000 Hermite samples against TW₂",
  },
  {
    file: "gibbs-histogram.png",
    query:
      "ensemble=potential&view=histogram&beta=2&n=200&samples=20&seed=1&bins=60&V=x%5E4%2F4+-+2*x%5E2&passes=100&initial=zero",
    note: "Gibbs sampler, V = x⁴/4 − 2x², 20 chains of 100 passes, against the two-cut μ_V",
  },
  {
    file: "gibbs-trace.png",
    query:
      "ensemble=potential&view=gibbs&beta=2&n=100&samples=50&seed=1&V=x%5E4%2F4+-+x%5E2&passes=40&initial=zero",
    note: "λ_max trace per pass of Gibbs chains from a = b = 0, rescaled by b_V, c_V",
  },
  {
    file: "local-spacings-beta2.png",
    query: "ensemble=hermite&view=local&beta=2&n=2000&samples=20&seed=11&bulk=0.2,0.8",
    note: "unfolded bulk spacings of 20 GUE samples against Gaudin's exact p₂ (surmise dashed)",
  },
  {
    file: "ginibre.png",
    query: "ensemble=ginibre&view=configuration&beta=2&n=400&samples=1&seed=3",
    note: "one complex Ginibre matrix, N = 400, against the circular law and |z|² against Kostlan's law",
  },
  {
    file: "phone-histogram.png",
    query: "ensemble=hermite&view=histogram&beta=2&n=1e5&samples=1&seed=42&bins=100",
    note: "a phone (390 × 844): the figure first, drawn for its width, the controls folded",
    viewport: { width: 390, height: 844 },
    fullPage: false,
  },
];

const out = join(ROOT, "docs", "screenshots");
mkdirSync(out, { recursive: true });
const only = process.argv.slice(2);
const explorer = await openExplorer();
try {
  for (const shot of SHOTS) {
    if (only.length > 0 && !only.includes(shot.file)) continue;
    const page = await explorer.context.newPage();
    await page.setViewportSize(shot.viewport ?? { width: 1280, height: 900 });
    await page.goto(`${explorer.url}?${shot.query}`);
    const state = await settled(page, 0, 120_000);
    if (state !== "done") throw new Error(`${shot.file}: the run ended in state ${state}`);
    await page.screenshot({ path: join(out, shot.file), fullPage: shot.fullPage ?? true });
    console.log(`${shot.file}: ${shot.note}`);
    await page.close();
  }
} finally {
  await explorer.close();
}
