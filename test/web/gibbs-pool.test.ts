/**
 * The explorer's Gibbs views on the pool of block workers (web/src/blockPool.ts), one chain per
 * block, folded in chain order. In Node, stand-in ports run each block as blockWorker.ts does
 * (runBlockMessage, replies structured-cloned as postMessage does) but reply in an adversarial
 * order (later chains first): 1 and 3 workers give bit-identical snapshots, equal to the
 * single-thread run (gibbsExplorerRun) and to `betaens gibbs` (gibbsRun, the CLI's numbers);
 * every snapshot holds chains 0 … k − 1 complete (what Stop keeps). In Chromium: the page with
 * navigator.hardwareConcurrency = 1 and 3 samples on that many Web Workers (<body data-workers>)
 * and exports the same numbers; Stop keeps the first k chains.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gibbsRun } from "../../src/driver/legacy.js";
import { parsePotential } from "../../src/potentials/parse.js";
import { equilibriumMeasure } from "../../src/theory/equilibrium.js";
import { uniformEdges } from "../../src/tridiagonal/histogram.js";
import {
  type BlockMessage,
  type BlockPort,
  type BlockResult,
  runBlockMessage,
  runGibbsJob,
} from "../../web/src/blockPool.js";
import { gibbsExplorerRun } from "../../web/src/gibbs.js";
import type { GibbsPayload, Progress } from "../../web/src/protocol.js";
import { DEFAULTS, type FormValues, readSettings, type Settings } from "../../web/src/state.js";
import { downloadJson, type Explorer, explorerForSuite, skipReason } from "./browser.js";

function gibbsSettings(values: Partial<FormValues>): Settings {
  const features = { circular: true, gibbs: true, tracyWidom: true };
  const { settings, errors } = readSettings(
    { ...DEFAULTS, ensemble: "potential", ...values },
    features,
  );
  assert.deepEqual(errors, {});
  if (!settings) throw new Error("no settings");
  return settings;
}

/** Replies computed and not yet delivered; flushed together, the latest block first. */
let pending: { index: number; fire(): void }[] = [];

function flush(): void {
  const batch = pending.sort((a, b) => b.index - a.index);
  pending = [];
  for (const reply of batch) reply.fire();
}

/**
 * A stand-in for a block Web Worker: runs each block as blockWorker.ts does and replies by
 * structured clone, but the replies of the blocks handed out together arrive latest block first.
 */
class LateFirstPort implements BlockPort {
  onmessage: ((event: { data: BlockResult }) => void) | null = null;
  readonly blocks: number[] = [];
  postMessage(message: BlockMessage): void {
    this.blocks.push(message.block.first);
    const replies: BlockResult[] = [];
    runBlockMessage(structuredClone(message), (reply) => replies.push(structuredClone(reply)));
    if (pending.length === 0) setImmediate(flush);
    pending.push({
      index: message.index,
      fire: () => {
        for (const reply of replies) this.onmessage?.({ data: reply });
      },
    });
  }
}

/** A deep copy of a Gibbs snapshot's payload (the fold fills its payload in place). */
function copyPayload(p: GibbsPayload): GibbsPayload {
  return structuredClone(p);
}

/** The run of a view on `hardware` stand-in workers: its snapshots (copied) and the ports. */
function poolRun(settings: Settings, hardware: number) {
  return new Promise<{
    snapshots: { done: number; final: boolean; payload: GibbsPayload }[];
    ports: LateFirstPort[];
    workers: number;
    progress: Progress[];
  }>((resolve, reject) => {
    const snapshots: { done: number; final: boolean; payload: GibbsPayload }[] = [];
    const ports: LateFirstPort[] = [];
    const progress: Progress[] = [];
    let workers = 0;
    let finished = false;
    const finish = () => {
      if (finished && workers > 0) resolve({ snapshots, ports, workers, progress });
    };
    workers = runGibbsJob(
      settings,
      hardware,
      (count) => {
        while (ports.length < count) ports.push(new LateFirstPort());
        return count <= 1 ? [] : ports.slice(0, count);
      },
      (snapshot, final) => {
        const payload = copyPayload(snapshot.payload as GibbsPayload);
        snapshots.push({ done: snapshot.done, final, payload });
        finished ||= final;
        finish();
      },
      (p) => progress.push(p),
      (message) => reject(new Error(message)),
    );
    finish();
  });
}

/** The single-thread run's snapshots (gibbsExplorerRun), copied. */
function threadRun(settings: Settings): GibbsPayload[] {
  const payloads: GibbsPayload[] = [];
  for (const s of gibbsExplorerRun(settings)) payloads.push(copyPayload(s.payload as GibbsPayload));
  return payloads;
}

const V = "x^4/4 - x^2";
const coeffs = parsePotential(V);

/** Checks 1 vs 3 workers, against the thread's run, chains in order; returns the final payload. */
async function identical(settings: Settings): Promise<GibbsPayload> {
  const one = await poolRun(settings, 1);
  const three = await poolRun(settings, 3);
  assert.equal(one.workers, 1);
  assert.equal(three.workers, 3);
  const chains = settings.samples;
  // Each of the 3 ports ran chains (the pool was used), and later chains were delivered first.
  for (const port of three.ports) assert.ok(port.blocks.length >= 1, "every worker ran a chain");
  const thread = threadRun(settings);
  assert.equal(thread.length, chains);
  for (const run of [one, three]) {
    // One snapshot per chain, in chain order: snapshot k holds chains 0 … k − 1 (Stop keeps it).
    assert.deepEqual(
      run.snapshots.map((s) => s.done),
      Array.from({ length: chains }, (_, k) => k + 1),
    );
    assert.deepEqual(
      run.snapshots.map((s) => s.final),
      Array.from({ length: chains }, (_, k) => k === chains - 1),
    );
    run.snapshots.forEach((s, k) => {
      assert.deepEqual(s.payload, thread[k], `snapshot of ${k + 1} chains`);
    });
  }
  return three.snapshots[chains - 1].payload;
}

describe("explorer Gibbs views on the block-worker pool (Node, stand-in workers)", () => {
  it("trace view: 1 and 3 workers bit-identical, chains in order, = betaens gibbs --stat trace", async () => {
    const settings = gibbsSettings({
      V,
      view: "gibbs",
      beta: "2",
      n: "30",
      passes: "5",
      samples: "7",
      seed: "11",
    });
    const payload = await identical(settings);
    const cli = gibbsRun({
      coeffs,
      n: 30,
      beta: 2,
      passes: 5,
      samples: 7,
      seed: 11,
      stat: "trace",
    });
    assert.deepEqual(payload.traces, cli.samples);
    const rows = cli.samples as Float64Array[];
    assert.deepEqual(
      payload.maxima,
      Float64Array.from(rows, (r) => r[4]),
    );
  });

  it("histogram view: = betaens gibbs --stat histogram (μ_V's support ± 5%) and --stat max", async () => {
    const settings = gibbsSettings({
      V,
      view: "histogram",
      beta: "1.5",
      n: "40",
      passes: "3",
      samples: "6",
      seed: "5",
      bins: "25",
    });
    const payload = await identical(settings);
    const [lo, hi] = equilibriumMeasure(coeffs).support;
    const margin = 0.05 * (hi - lo);
    const edges = uniformEdges(lo - margin, hi + margin, 25);
    const common = { coeffs, n: 40, beta: 1.5, passes: 3, samples: 6, seed: 5 };
    const cli = gibbsRun({ ...common, stat: "histogram", edges });
    assert.deepEqual(payload.histogram?.edges, cli.edges);
    assert.deepEqual(payload.histogram?.counts, cli.counts);
    assert.equal(payload.histogram?.below, cli.below);
    assert.equal(payload.histogram?.above, cli.above);
    assert.deepEqual(payload.maxima, gibbsRun({ ...common, stat: "max" }).samples);
  });

  it("λ_max view: = betaens gibbs --stat max", async () => {
    const settings = gibbsSettings({
      V: "x^4/4",
      view: "edge",
      n: "25",
      passes: "4",
      samples: "8",
      seed: "3",
    });
    const payload = await identical(settings);
    const cli = gibbsRun({
      coeffs: parsePotential("x^4/4"),
      n: 25,
      beta: 2,
      passes: 4,
      samples: 8,
      seed: 3,
      stat: "max",
    });
    assert.deepEqual(payload.maxima, cli.samples);
  });

  it("no μ_V: edges from chain 0's final state (run first), then all chains; = the thread's run", async () => {
    const settings = gibbsSettings({
      V: "x^6/6 - x^4 + x^2",
      view: "histogram",
      n: "20",
      passes: "2",
      samples: "5",
      seed: "9",
      bins: "12",
    });
    const payload = await identical(settings);
    const points = gibbsRun({
      coeffs: parsePotential("x^6/6 - x^4 + x^2"),
      n: 20,
      beta: 2,
      passes: 2,
      samples: 1,
      seed: 9,
      stat: "eigenvalues",
    }).samples as Float64Array[];
    const p0 = points[0];
    const spread = p0[p0.length - 1] - p0[0];
    assert.deepEqual(
      payload.histogram?.edges,
      uniformEdges(p0[0] - 0.1 * spread, p0[p0.length - 1] + 0.1 * spread, 12),
    );
    const h = payload.histogram as NonNullable<GibbsPayload["histogram"]>;
    assert.equal(h.counts.reduce((a, c) => a + c, 0) + h.below + h.above, 20 * 5);
  });

  it("progress inside a chain reports the first chain not yet complete", async () => {
    const settings = gibbsSettings({
      V,
      view: "gibbs",
      n: "400",
      passes: "40",
      samples: "3",
      seed: "2",
    });
    const { progress } = await poolRun(settings, 3);
    // Stand-in ports run a block at once, so reports only arrive where chain 0 is reported late.
    for (const p of progress) {
      assert.match(p.detail, /^chain \d+ of 3, pass \d+ of 40$/);
      if (p.passTrace) assert.match(p.detail, /^chain 1 of 3/);
    }
  });
});

const skip = skipReason();
if (skip) console.log(skip);

const QUERY = "?ensemble=potential&beta=2&seed=4&V=x%5E4%2F4+-+x%5E2";

/**
 * A new tab whose navigator.hardwareConcurrency is `cores` (a script, not a function: tsx's
 * helpers do not exist in the page).
 */
async function pageWithCores(explorer: Explorer, cores: number, errors: string[]) {
  const page = await explorer.context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(
    `Object.defineProperty(Navigator.prototype, "hardwareConcurrency", { get: () => ${cores} });`,
  );
  return page;
}

/** A tab whose navigator.hardwareConcurrency is `cores`; waits for its first run to finish. */
async function openWithCores(explorer: Explorer, query: string, cores: number, errors: string[]) {
  const page = await pageWithCores(explorer, cores, errors);
  await page.goto(`${explorer.url}${query}`);
  await page.waitForFunction(
    () => ["done", "error"].includes(document.body.dataset.state ?? ""),
    undefined,
    {
      timeout: 300_000,
    },
  );
  assert.equal(await page.evaluate(() => document.body.dataset.state), "done", query);
  return page;
}

const STOP_RUN = { coeffs, n: 150, beta: 2, passes: 400, seed: 4 };

describe("explorer Gibbs views on Web Workers (Chromium)", { skip, timeout: 900_000 }, () => {
  const suite = explorerForSuite();

  for (const view of ["gibbs", "histogram", "edge"]) {
    it(`${view} view: 1 and 3 Web Workers export the same numbers, = betaens gibbs`, async () => {
      const query = `${QUERY}&n=60&passes=30&view=${view}&samples=9`;
      const results: Record<string, unknown>[] = [];
      for (const cores of [1, 3]) {
        const page = await openWithCores(suite.explorer(), query, cores, suite.errors);
        assert.equal(await page.evaluate(() => document.body.dataset.workers), String(cores));
        results.push(await downloadJson(page));
        await page.close();
      }
      const [one, three] = results;
      assert.deepEqual(three, one);
      const common = { coeffs, n: 60, beta: 2, passes: 30, samples: 9, seed: 4 };
      if (view === "gibbs") {
        const cli = gibbsRun({ ...common, stat: "trace" });
        assert.deepEqual(
          three.samples,
          (cli.samples as Float64Array[]).map((r) => Array.from(r)),
        );
      } else if (view === "edge") {
        const cli = gibbsRun({ ...common, stat: "max" });
        assert.deepEqual(three.samples, Array.from(cli.samples as Float64Array));
      } else {
        const [lo, hi] = equilibriumMeasure(coeffs).support;
        const margin = 0.05 * (hi - lo);
        const edges = uniformEdges(lo - margin, hi + margin, Number(DEFAULTS.bins));
        const cli = gibbsRun({ ...common, stat: "histogram", edges });
        assert.deepEqual(three.counts, Array.from(cli.counts as Float64Array));
        assert.deepEqual(three.edges, Array.from(edges));
      }
      assert.deepEqual(suite.errors, []);
    });
  }

  it("Stop on 3 Web Workers keeps chains 1 … k complete, = a run of k chains", async () => {
    const page = await pageWithCores(suite.explorer(), 3, suite.errors);
    await page.goto(`${suite.explorer().url}${QUERY}&n=150&view=gibbs&samples=40&passes=400`);
    await page.waitForFunction(
      () => {
        const m = /^(\d+) of 40 chains/.exec(
          document.querySelector("#status-text")?.textContent ?? "",
        );
        return document.body.dataset.state === "running" && m !== null && Number(m[1]) >= 4;
      },
      undefined,
      { timeout: 300_000 },
    );
    await page.click("#stop");
    assert.equal(await page.evaluate(() => document.body.dataset.workers), "3");
    const status = (await page.textContent("#status-text")) ?? "";
    const m = /stopped: (\d+) of 40 chains/.exec(status);
    assert.ok(m, `status "${status}"`);
    const k = Number(m[1]);
    assert.ok(k >= 4 && k < 40, `k = ${k}`);
    const stopped = await downloadJson(page);
    await page.close();
    assert.equal(stopped.chainsDone, k);
    const cli = gibbsRun({ ...STOP_RUN, samples: k, stat: "trace" });
    const rows = stopped.samples as number[][];
    assert.equal(rows.length, k, "one trace per chain complete");
    rows.forEach((row, s) => {
      assert.deepEqual(row, Array.from((cli.samples as Float64Array[])[s]), `chain ${s}`);
    });
    assert.deepEqual(suite.errors, []);
  });
});
