/**
 * The zoom window of histogramSvg (HistogramOptions.window): bars keep the density of the whole
 * histogram (normalised by all points counted), values are re-binned over the window, counts
 * keep their own bins (cut at the window's ends).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  histogramBars,
  histogramFromCounts,
  histogramSvg,
  windowBars,
} from "../../src/plot/histogram.js";

describe("histogram zoom window", () => {
  const values = Float64Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000); // uniform on [0, 1]

  it("re-bins values over the window with the density of the whole histogram", () => {
    const full = histogramBars(values, 10, [0, 1]);
    const zoomed = windowBars({ values, bins: 10 }, full, [0.8, 1]);
    assert.equal(zoomed.counts.length, 10);
    assert.equal(zoomed.inWindow, 200);
    assert.equal(zoomed.total, 1000);
    // Uniform on [0, 1]: density 1 in every bin of the window, not 1/0.2 = 5.
    for (const h of zoomed.heights) assert.ok(Math.abs(h - 1) < 1e-12, `height ${h}`);
    assert.equal(zoomed.first, undefined);
  });

  it("keeps the given bins that meet the window, cut at its ends, with their own heights", () => {
    const edges = Float64Array.from({ length: 11 }, (_, i) => i / 10);
    const counts = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    const full = histogramFromCounts(edges, counts);
    const zoomed = windowBars({}, full, [0.55, 0.8]);
    assert.equal(zoomed.first, 5);
    assert.deepEqual([...zoomed.counts], [6, 7, 8]);
    assert.deepEqual([...zoomed.edges], [0.55, 0.6, 0.7, 0.8]);
    assert.deepEqual([...zoomed.heights], [...full.heights.slice(5, 8)]);
    assert.equal(zoomed.inWindow, 21);
    const svg = histogramSvg({
      counts: { edges, counts },
      title: "t",
      xLabel: "x",
      window: [0.55, 0.8],
    });
    assert.deepEqual(
      [...svg.matchAll(/data-bin="(\d+)"/g)].map((m) => Number(m[1])),
      [5, 6, 7],
    );
    assert.match(svg, /histogram \(n = 55\)/, "the legend counts every point, not the window's");
  });

  it("a window that misses the histogram draws no bars and says so; a bad window is an error", () => {
    const edges = [0, 1, 2];
    const svg = histogramSvg({
      counts: { edges, counts: [1, 1] },
      title: "t",
      xLabel: "x",
      window: [5, 6],
    });
    assert.match(svg, /no data/i);
    assert.throws(
      () => histogramSvg({ values, title: "t", xLabel: "x", window: [1, 1] }),
      RangeError,
    );
  });
});
