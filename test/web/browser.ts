/**
 * Shared setup of the explorer's browser tests and scripts: build the page with Vite (into a
 * temporary folder, or use a given one), serve it with `betaens serve`'s server on an ephemeral
 * port of 127.0.0.1, and drive Debian's Chromium with playwright-core (never a downloaded browser).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { build as esbuild } from "esbuild";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { type StaticServer, startStaticServer } from "../../src/cli/serve.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * esbuild's in-memory browser bundle of one module: an ES module, or with `globalName` a script
 * that sets that global.
 */
export async function browserBundle(entry: string, globalName?: string): Promise<string> {
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: globalName === undefined ? "esm" : "iife",
    ...(globalName === undefined ? {} : { globalName }),
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

/** Debian's headless Chromium with the flags this machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Why the browser tests cannot run here, or false. Missing Chromium skips them on a developer
 * machine but fails in CI (process.env.CI set), where .ci/run installs it.
 */
export function skipReason(): string | false {
  if (existsSync(CHROMIUM_PATH)) return false;
  if (process.env.CI) return false; // let the launch fail loudly in CI
  return `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium); skipping the browser tests`;
}

/** Builds the explorer (vite.config.ts) into outDir. */
export async function buildExplorer(outDir: string): Promise<void> {
  const { build } = await import("vite");
  await build({
    configFile: join(ROOT, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
}

export interface Explorer {
  context: BrowserContext;
  server: StaticServer;
  url: string;
  close(): Promise<void>;
}

/**
 * Builds (unless `webDir` is given), serves and launches Chromium with a fresh profile.
 * BETAENS_WEB_DIR=dir uses an existing build instead of building.
 */
export async function openExplorer(webDir = process.env.BETAENS_WEB_DIR): Promise<Explorer> {
  const temp = mkdtempSync(join(tmpdir(), "betaens-web-"));
  const root = webDir ?? join(temp, "dist-web");
  if (!webDir) await buildExplorer(root);
  const server = await startStaticServer({ root, port: 0, host: "127.0.0.1" });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(join(temp, "profile"), {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    await server.close();
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    server,
    url: server.url,
    close: async () => {
      await context.close();
      await server.close();
      rmSync(temp, { recursive: true, force: true });
    },
  };
}

/** The id of the last run started by the page. */
export async function lastRun(page: Page): Promise<number> {
  return Number(await page.evaluate(() => document.body.dataset.run ?? "0"));
}

/**
 * Waits until the run with id > `after` (or the current one) has finished; returns its final
 * state ("done", "error", "stopped" or "invalid").
 */
export async function settled(page: Page, after = 0, timeout = 30_000): Promise<string> {
  await page.waitForFunction(
    (previous) => {
      const { state, run } = document.body.dataset;
      if (state === "invalid") return true;
      return Number(run ?? 0) > previous && (state === "done" || state === "error");
    },
    after,
    { timeout },
  );
  return page.evaluate(() => document.body.dataset.state ?? "");
}

/** Clicks "Sample" (runs at once, cancelling pending debounced runs) and waits for the end. */
export async function sampleNow(page: Page, timeout = 30_000): Promise<string> {
  const before = await lastRun(page);
  await page.click("#run");
  return settled(page, before, timeout);
}

/** The full-precision value of a number shown in the page (its data-value). */
export async function shownNumber(page: Page, id: string): Promise<number> {
  const text = await page.getAttribute(`#${id}`, "data-value");
  if (text === null) throw new Error(`#${id} has no data-value`);
  return Number(text);
}

/**
 * The page's numbers against the library's in Node. The sampling path is bit-exact across engines
 * (src/special/deterministicMath.ts; golden values are checked in Chromium by
 * test/special/deterministicMath.browser.test.ts), but some numbers are read from the page's text,
 * which shows 10 significant digits: 1e-9 relative covers that rounding and no real bug.
 */
export function assertSameNumber(actual: number, expected: number, what: string): void {
  const ok = Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-300);
  assert.ok(ok, `${what}: page ${actual}, library ${expected}`);
}

/** The text of an element ("" if absent). */
export async function text(page: Page, selector: string): Promise<string> {
  return (await page.textContent(selector)) ?? "";
}

/** Splits a line of shell words as web/src/command.ts writes them (bare or single-quoted). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  const re = /'((?:[^']|'\\'')*)'|(\S+)/g;
  for (const m of line.matchAll(re))
    words.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]);
  return words;
}

/**
 * Runs the page's "Command line" (`npx betaens …`, shown in #command-line) through the CLI of
 * this checkout and returns its JSON output, with the words it ran.
 */
export async function runShownCommand(
  page: Page,
): Promise<{ words: string[]; json: Record<string, unknown> }> {
  const words = shellWords((await text(page, "#command-line")).trim());
  assert.deepEqual(words.slice(0, 2), ["npx", "betaens"], words.join(" "));
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "src/cli/bin.ts"), ...words.slice(2)],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  return { words, json: JSON.parse(out) };
}

/** A new tab of the explorer at `query` ("?n=…"); page errors are pushed to `errors`. */
export async function openPage(explorer: Explorer, query = "", errors?: string[]): Promise<Page> {
  const page = await explorer.context.newPage();
  if (errors) page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${explorer.url}${query}`);
  return page;
}

/** openPage, then waits for the first run and checks that it ended "done". */
export async function openDone(
  explorer: Explorer,
  query: string,
  errors?: string[],
  timeout = 120_000,
): Promise<Page> {
  const page = await openPage(explorer, query, errors);
  assert.equal(await settled(page, 0, timeout), "done", query);
  return page;
}

/** Clicks the JSON download and parses the file. */
export async function downloadJson(page: Page): Promise<Record<string, unknown>> {
  const download = page.waitForEvent("download");
  await page.click('[data-download="json"]');
  return JSON.parse(readFileSync(await (await download).path(), "utf8"));
}

/** Waits until <body data-`key`> is one of `states`; returns it. */
export async function bodyState(
  page: Page,
  key: string,
  states: string[],
  timeout = 120_000,
): Promise<string> {
  await page.waitForFunction(
    ([k, s]) => (s as string[]).includes(document.body.dataset[k as string] ?? ""),
    [key, states] as const,
    { timeout },
  );
  return page.evaluate((k) => document.body.dataset[k] ?? "", key);
}

/**
 * Inside a describe(): builds and opens the explorer before its tests and closes it after.
 * `explorer()` is the running one; `open(query)` opens a tab whose page errors go to `errors`.
 */
export function explorerForSuite(): {
  explorer(): Explorer;
  errors: string[];
  open(query?: string): Promise<Page>;
} {
  let running: Explorer | undefined;
  const errors: string[] = [];
  const explorer = () => {
    if (!running) throw new Error("the explorer is not open (call inside describe, use in it)");
    return running;
  };
  before(async () => {
    running = await openExplorer();
  });
  after(async () => {
    await running?.close();
  });
  return { explorer, errors, open: (query = "") => openPage(explorer(), query, errors) };
}
