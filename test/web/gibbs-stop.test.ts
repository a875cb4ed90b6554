/**
 * Chromium test of Stop inside a Gibbs chain (issue 13, defect 1): the completed passes of the
 * running chain are drawn and exported, labelled "stopped: pass p of P", and equal the run of
 * one chain with p passes (the chain's first p passes are those of a p-pass run).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { downloadJson, explorerForSuite, openDone, skipReason, text } from "./browser.js";

const skip = skipReason();
if (skip) console.log(skip);

const QUERY = "?ensemble=potential&view=gibbs&n=200&beta=2&seed=7&V=x%5E4%2F4+-+x%5E2";

describe("explorer: Stop inside a Gibbs chain keeps its completed passes", {
  skip,
  timeout: 600_000,
}, () => {
  const suite = explorerForSuite();

  it("draws and exports the completed passes of chain 1, equal to a shorter full run", async () => {
    const page = await suite.open(`${QUERY}&samples=2&passes=20000`);
    await page.waitForFunction(
      () => {
        const m = /pass (\d+) of 20000/.exec(
          document.querySelector("#status-text")?.textContent ?? "",
        );
        return document.body.dataset.state === "running" && m !== null && Number(m[1]) >= 30;
      },
      undefined,
      { timeout: 300_000 },
    );
    await page.click("#stop");
    assert.equal(await page.evaluate(() => document.body.dataset.state), "stopped");
    const status = await text(page, "#status-text");
    const m = /stopped: pass (\d+) of 20000/.exec(status);
    assert.ok(m, `status "${status}"`);
    const p = Number(m[1]);
    assert.ok(p >= 30 && p < 20000, `p = ${p}`);
    const title = await page.evaluate(
      () => document.querySelector("#plot svg title")?.textContent ?? "",
    );
    assert.match(title, new RegExp(`stopped: pass ${p} of 20000`));
    assert.equal(await page.getAttribute("#figure", "data-stale"), "false");
    const stopped = await downloadJson(page);
    assert.equal(stopped.passesDone, p);
    assert.equal(stopped.passesPlanned, 20000);
    assert.equal(stopped.chainsDone, 1);
    const rows = stopped.samples as number[][];
    assert.equal(rows.length, 1);
    assert.equal(rows[0].length, p);
    await page.close();

    // The same chain run for exactly p passes: bit-identical trace and mean.
    const short = await openDone(suite.explorer(), `${QUERY}&samples=1&passes=${p}`, suite.errors);
    const full = await downloadJson(short);
    assert.deepEqual(stopped.samples, full.samples);
    assert.deepEqual(stopped.mean, full.mean);
    assert.equal(full.passes, p);
    await short.close();
    assert.deepEqual(suite.errors, []);
  });

  it("after whole chains: draws and exports the completed chains, equal to a run of that many", async () => {
    const page = await suite.open(`${QUERY}&samples=4&passes=3000`);
    await page.waitForFunction(
      () => {
        const m = /^(\d+) of 4 chains/.exec(
          document.querySelector("#status-text")?.textContent ?? "",
        );
        return document.body.dataset.state === "running" && m !== null && Number(m[1]) >= 1;
      },
      undefined,
      { timeout: 300_000 },
    );
    await page.click("#stop");
    const status = await text(page, "#status-text");
    const m = /stopped: (\d+) of 4 chains/.exec(status);
    assert.ok(m, `status "${status}"`);
    const k = Number(m[1]);
    assert.ok(k >= 1 && k < 4, `k = ${k}`);
    const stopped = await downloadJson(page);
    assert.equal(stopped.chainsDone, k);
    assert.equal(stopped.passesDone, undefined);
    await page.close();
    const short = await openDone(
      suite.explorer(),
      `${QUERY}&samples=${k}&passes=3000`,
      suite.errors,
    );
    const full = await downloadJson(short);
    assert.deepEqual(stopped.samples, full.samples);
    assert.deepEqual(stopped.mean, full.mean);
    await short.close();
    assert.deepEqual(suite.errors, []);
  });
});
