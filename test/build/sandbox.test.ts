/**
 * The library bundle loads where there is no Node: a fresh node:vm context with only the web
 * globals the code uses (atob; WebAssembly is V8's own), (a) with no `process` at all, as in a
 * browser or on Observable, and (b) with a `process.env` whose every read throws, as Deno's
 * without --allow-env (NotCapable). The bundle is src/index.ts bundled by esbuild for the browser,
 * the code a CDN's ESM bundle carries; it is wrapped as an IIFE only because node:vm runs ES
 * modules behind a flag. In both contexts the Tracy–Widom numbers and draws are those of the host,
 * bit for bit, the WebAssembly kernels are in use, and the Jupyter display method (Deno's kernel
 * calls Symbol.for("Jupyter.display")) returns the SVG MIME bundle. A real Deno notebook run is
 * described in docs/distributions.md.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { createContext, runInContext } from "node:vm";
import { createRandomSource, tracyWidom } from "../../src/index.js";
import { browserBundle, ROOT } from "../web/browser.js";

type Display = Record<string, string>;
interface Loaded {
  cdf: number;
  draws: number[];
  wasm: { enabled: boolean; loaded: boolean; reason: string };
  display: Display;
  gueDisplay: Display;
}

// Runs in the sandbox; returns plain data (arrays and records cross realms without prototypes).
const PROBE = `(() => {
  const law = betaens.tracyWidom(2);
  return {
    cdf: law.cdf(-2),
    draws: Array.from(law.sample(betaens.createRandomSource(7, 0), 4)),
    wasm: betaens.wasmKernelsStatus(),
    display: law[Symbol.for("Jupyter.display")](),
    gueDisplay: betaens.gueLargestEigenvalue(4)[Symbol.for("Jupyter.display")](),
  };
})()`;

let bundle = "";

function load(globals: Record<string, unknown>): Loaded {
  const context = createContext({ atob, ...globals });
  runInContext(bundle, context);
  return JSON.parse(JSON.stringify(runInContext(PROBE, context))) as Loaded;
}

/** What a notebook shows: exactly an SVG document and a text fallback. */
function assertSvgBundle(display: Display, name: string): void {
  assert.deepEqual(Object.keys(display).sort(), ["image/svg+xml", "text/plain"]);
  const svg = display["image/svg+xml"];
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="[^"]+"/);
  assert.match(svg, /<\/svg>\s*$/);
  assert.equal(svg.match(/<svg\b/g)?.length, 1);
  assert.ok((svg.match(/<path\b|<polyline\b/g)?.length ?? 0) >= 2, "density and CDF curves");
  assert.equal(display["text/plain"], `${name} (betaens law)`);
}

describe("the library bundle outside Node", () => {
  before(async () => {
    bundle = await browserBundle(`${ROOT}src/index.ts`, "betaens");
  });

  const host = tracyWidom(2);
  const expected = {
    cdf: host.cdf(-2),
    draws: Array.from(host.sample(createRandomSource(7, 0), 4)),
  };

  for (const [label, globals] of [
    ["no process (browser, Observable)", {}],
    [
      "process.env reads throw (Deno without --allow-env)",
      {
        process: {
          env: new Proxy(
            {},
            {
              get() {
                throw new Error('NotCapable: Requires env access to "BETAENS_WASM"');
              },
            },
          ),
        },
      },
    ],
  ] as const) {
    it(`loads with ${label}: same numbers and draws, WebAssembly on, SVG display`, () => {
      const got = load(globals);
      assert.equal(got.cdf, expected.cdf);
      assert.deepEqual(got.draws, expected.draws);
      assert.deepEqual(got.wasm, { enabled: true, loaded: true, reason: "" });
      assertSvgBundle(got.display, "TW_2");
      assertSvgBundle(got.gueDisplay, "λ_max of GUE(N = 4)");
    });
  }
});
