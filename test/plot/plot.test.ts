/**
 * SVG charts: well-formed XML, escaped title, one bar per bin, bar areas integrating to 1
 * (exactly in the binning, to pixel rounding in the SVG), no NaN/Infinity even for degenerate
 * input, compact numbers, argument checks. Deterministic inputs: no false-alarm rate.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  histogramBars,
  histogramFromCounts,
  histogramSvg,
  lineChartSvg,
  scatterSvg,
} from "../../src/plot/index.js";
import { clipToBand, escapeXml, formatNumber, niceTicks, tickLabel } from "../../src/plot/svg.js";
import { assertCleanNumbers, assertWellFormedSvg, elementsOfClass } from "./wellFormed.js";

/** Points with the semicircle law: x_i = F⁻¹((i + 1/2)/n) by bisection on the closed form. */
function semicircleQuantiles(n: number): Float64Array {
  const cdf = (x: number) =>
    0.5 + (x * Math.sqrt(Math.max(0, 4 - x * x))) / (4 * Math.PI) + Math.asin(x / 2) / Math.PI;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = (i + 0.5) / n;
    let lo = -2;
    let hi = 2;
    for (let k = 0; k < 60; k++) {
      const mid = (lo + hi) / 2;
      if (cdf(mid) < p) lo = mid;
      else hi = mid;
    }
    out[i] = (lo + hi) / 2;
  }
  return out;
}

const semicircle = (x: number) => (Math.abs(x) < 2 ? Math.sqrt(4 - x * x) / (2 * Math.PI) : 0);

function checkSvg(svg: string, title: string): void {
  assertWellFormedSvg(svg);
  assertCleanNumbers(svg);
  assert.ok(svg.includes(`<title>${escapeXml(title)}</title>`), "accessible title");
  assert.ok(svg.includes(`>${escapeXml(title)}</text>`), "visible title");
}

/** Σ (bar width × height) in pixels divided by the pixel area of one data unit². */
function barArea(svg: string, lo: number, hi: number): number {
  const bars = elementsOfClass(svg, "rect", "bar");
  let pixelArea = 0;
  let pixelWidth = 0;
  for (const b of bars) {
    pixelArea += Number(b.width) * Number(b.height);
    pixelWidth += Number(b.width);
  }
  const xUnit = pixelWidth / (hi - lo);
  // y unit from two y tick labels (text-anchor end, y = pixel + 4).
  const ticks = [
    ...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)" text-anchor="end">([^<]+)<\/text>/g),
  ];
  assert.ok(ticks.length >= 2, "y tick labels");
  const [t0, t1] = [ticks[0], ticks[ticks.length - 1]];
  const yUnit = (Number(t0[1]) - Number(t1[1])) / (Number(t1[2]) - Number(t0[2]));
  return pixelArea / (xUnit * yUnit);
}

describe("svg helpers", () => {
  it("escape XML and format numbers compactly", () => {
    assert.equal(escapeXml(`<a & "b" 'c'>`), "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;");
    assert.equal(formatNumber(1234.5678), "1235");
    assert.equal(formatNumber(0.000123456), "0.0001235");
    assert.equal(formatNumber(-0), "0");
    assert.equal(formatNumber(40), "40");
    assert.throws(() => formatNumber(Number.NaN), RangeError);
    assert.throws(() => formatNumber(Number.POSITIVE_INFINITY), RangeError);
  });
  it("make nice ticks", () => {
    assert.deepEqual(
      niceTicks(0, 1).map((t) => t.label),
      ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"],
    );
    assert.deepEqual(
      niceTicks(-2.1, 2.1, 4).map((t) => t.value),
      [-2, -1, 0, 1, 2],
    );
    assert.deepEqual(
      niceTicks(0.1, 0.7, 6).map((t) => t.label),
      ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"],
    );
    assert.equal(tickLabel(2.5e6, 5e5), "2.5e6");
    assert.throws(() => niceTicks(1, 1), RangeError);
  });
  it("clip a curve to a band at the crossings", () => {
    const runs = clipToBand([0, 1, 2, 3, 4], [0, 2, 0, Number.NaN, 0.5], 0, 1);
    assert.deepEqual(runs, [
      [
        [0, 0],
        [0.5, 1],
      ],
      [
        [1.5, 1],
        [2, 0],
      ],
    ]);
  });
});

describe("histogramBars", () => {
  it("normalises to a probability density (Σ height·width = 1)", () => {
    const values = semicircleQuantiles(1000);
    const bars = histogramBars(values, 37, [-2.5, 2.5]);
    assert.equal(bars.total, 1000);
    let area = 0;
    for (let i = 0; i < 37; i++) area += bars.heights[i] * (bars.edges[i + 1] - bars.edges[i]);
    assert.ok(Math.abs(area - 1) < 1e-12);
  });
  it("counts [e_i, e_{i+1}), the last bin closed, points outside not counted", () => {
    const bars = histogramBars([0, 0.5, 1, 1.5, 2, -1, 3], 2, [0, 2]);
    assert.deepEqual([...bars.counts], [2, 3]);
    assert.equal(bars.total, 5);
  });
  it("widens the range of equal values and handles empty input", () => {
    const equal = histogramBars([3, 3, 3], 5);
    assert.ok(equal.edges[0] < 3 && equal.edges[5] > 3);
    assert.equal(equal.total, 3);
    const empty = histogramBars([], 4);
    assert.equal(empty.total, 0);
    assert.deepEqual([...empty.heights], [0, 0, 0, 0]);
  });
  it("takes pre-binned counts with unequal widths", () => {
    const bars = histogramFromCounts([0, 1, 3, 4], [2, 4, 2]);
    assert.deepEqual([...bars.heights], [0.25, 0.25, 0.25]);
  });
  it("rejects bad input", () => {
    assert.throws(() => histogramBars([1, Number.NaN], 3), RangeError);
    assert.throws(() => histogramBars([1, 2], 0), RangeError);
    assert.throws(() => histogramBars([1, 2], 2.5), RangeError);
    assert.throws(() => histogramBars([1, 2], 3, [2, 1]), RangeError);
    assert.throws(() => histogramFromCounts([0, 1], [1, 2]), RangeError);
    assert.throws(() => histogramFromCounts([0, 1, 1], [1, 2]), RangeError);
    assert.throws(() => histogramFromCounts([0, 1, 2], [1, -2]), RangeError);
  });
});

describe("histogramSvg", () => {
  const title = "Hermite β = 2.5, N = 1000 <normalised> & 'semicircle'";
  it("draws one bar per bin, bars of unit area, the density curve, legend and title", () => {
    const svg = histogramSvg({
      values: semicircleQuantiles(1000),
      bins: 40,
      range: [-2.2, 2.2],
      density: semicircle,
      densityLabel: "semicircle",
      title,
      xLabel: "√2 x/√(βN)",
    });
    checkSvg(svg, title);
    assert.equal(elementsOfClass(svg, "rect", "bar").length, 40);
    assert.ok(Math.abs(barArea(svg, -2.2, 2.2) - 1) < 5e-3, `bar area ${barArea(svg, -2.2, 2.2)}`);
    const curve = elementsOfClass(svg, "path", "density");
    assert.equal(curve.length, 1);
    assert.ok(curve[0].d.startsWith("M"));
    assert.ok(svg.includes(">semicircle</text>"), "legend entry");
    assert.ok(svg.includes("histogram (n = 1000)"));
    assert.ok(svg.includes(">density</text>"), "default y label");
  });
  it("keeps the density curve inside the plot area even when it blows up", () => {
    // Arcsine density: infinite at 0 and 1, the curve must be clipped, never NaN.
    const arcsine = (x: number) => 1 / (Math.PI * Math.sqrt(x * (1 - x)));
    const values = Array.from(
      { length: 500 },
      (_, i) => Math.sin((Math.PI * (i + 0.5)) / 1000) ** 2,
    );
    const svg = histogramSvg({
      values,
      bins: 25,
      range: [0, 1],
      density: arcsine,
      title: "t",
      xLabel: "x",
    });
    checkSvg(svg, "t");
    const d = elementsOfClass(svg, "path", "density")[0].d;
    const ys = [...d.matchAll(/[ML]([-\d.e]+) ([-\d.e]+)/g)].map((m) => Number(m[2]));
    assert.ok(ys.length > 10);
    const bottom = 400 - 50;
    for (const y of ys) assert.ok(y >= 40 - 1e-9 && y <= bottom + 1e-9, `curve y ${y}`);
  });
  it("handles degenerate input without NaN", () => {
    const cases = [
      histogramSvg({
        values: [2, 2, 2, 2],
        bins: 7,
        density: semicircle,
        title: "equal",
        xLabel: "x",
      }),
      histogramSvg({ values: [], title: "empty", xLabel: "x" }),
      histogramSvg({ values: [0], density: () => Number.NaN, title: "nan density", xLabel: "x" }),
      histogramSvg({ counts: { edges: [0, 1, 2], counts: [0, 0] }, title: "zero", xLabel: "x" }),
      histogramSvg({
        values: [5, 6],
        range: [0, 1],
        density: () => Number.POSITIVE_INFINITY,
        title: "outside",
        xLabel: "x",
      }),
    ];
    for (const svg of cases) {
      assertWellFormedSvg(svg);
      assertCleanNumbers(svg);
    }
    assert.equal(elementsOfClass(cases[0], "rect", "bar").length, 7);
    assert.ok(Math.abs(barArea(cases[0], 2 - 0.1, 2 + 0.1) - 1) < 5e-3);
    assert.ok(cases[1].includes("no data"));
    assert.equal(elementsOfClass(cases[3], "rect", "bar").length, 2);
  });
  it("takes pre-binned counts (bars = counts.length) and a default number of bins", () => {
    const svg = histogramSvg({
      counts: { edges: [-2, -1, 0, 1, 2], counts: new Float64Array([1, 5, 5, 1]) },
      density: semicircle,
      title: "counts",
      xLabel: "x",
    });
    checkSvg(svg, "counts");
    assert.equal(elementsOfClass(svg, "rect", "bar").length, 4);
    assert.ok(Math.abs(barArea(svg, -2, 2) - 1) < 5e-3);
    const auto = histogramSvg({ values: semicircleQuantiles(400), title: "auto", xLabel: "x" });
    assert.equal(elementsOfClass(auto, "rect", "bar").length, 20);
  });
  it("rejects bad input", () => {
    assert.throws(() => histogramSvg({ title: "t", xLabel: "x" }), RangeError);
    assert.throws(
      () =>
        histogramSvg({
          values: [1],
          counts: { edges: [0, 1], counts: [1] },
          title: "t",
          xLabel: "x",
        }),
      RangeError,
    );
    assert.throws(
      () => histogramSvg({ values: [1], width: 10, title: "t", xLabel: "x" }),
      RangeError,
    );
  });
});

describe("lineChartSvg", () => {
  it("draws one path per series with a legend, on linear and log x axes", () => {
    const passes = Array.from({ length: 200 }, (_, i) => i + 1);
    const series = [
      { label: "chain 1", x: passes, y: passes.map((p) => 2 - Math.exp(-p / 20)) },
      {
        label: "chain <2>",
        x: new Float64Array(passes),
        y: new Float64Array(passes.map((p) => 2 + Math.exp(-p / 30))),
      },
    ];
    for (const logX of [false, true]) {
      const svg = lineChartSvg({
        series,
        title: "λ_max per pass, N = 100",
        xLabel: "pass",
        yLabel: "λ_max",
        logX,
      });
      checkSvg(svg, "λ_max per pass, N = 100");
      assert.equal(elementsOfClass(svg, "path", "series").length, 2);
      assert.ok(svg.includes("chain &lt;2&gt;"));
      if (logX)
        assert.ok(svg.includes(">100</text>") && svg.includes(">10</text>"), "decade ticks");
    }
  });
  it("handles degenerate input without NaN", () => {
    const cases = [
      lineChartSvg({ series: [], title: "none", xLabel: "x", yLabel: "y" }),
      lineChartSvg({
        series: [{ label: "one", x: [3], y: [7] }],
        title: "one",
        xLabel: "x",
        yLabel: "y",
      }),
      lineChartSvg({
        series: [{ label: "flat", x: [1, 2, 3], y: [0, 0, 0] }],
        title: "flat",
        xLabel: "x",
        yLabel: "y",
      }),
      lineChartSvg({
        series: [
          {
            label: "bad",
            x: [0, -1, 1, 10, Number.NaN],
            y: [1, 2, Number.POSITIVE_INFINITY, 4, 5],
          },
        ],
        title: "bad",
        xLabel: "x",
        yLabel: "y",
        logX: true,
      }),
      lineChartSvg({
        series: [{ label: "neg", x: [-1, 0], y: [1, 2] }],
        title: "neg",
        xLabel: "x",
        yLabel: "y",
        logX: true,
      }),
    ];
    for (const svg of cases) {
      assertWellFormedSvg(svg);
      assertCleanNumbers(svg);
    }
    assert.ok(cases[0].includes("no data"));
    assert.ok(cases[4].includes("no data"));
  });
  it("rejects series of unequal lengths", () => {
    assert.throws(
      () =>
        lineChartSvg({
          series: [{ label: "s", x: [1, 2], y: [1] }],
          title: "t",
          xLabel: "x",
          yLabel: "y",
        }),
      RangeError,
    );
  });
});

describe("scatterSvg", () => {
  it("draws every finite point, the unit circle, equal aspect", () => {
    const n = 300;
    const x = Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * i) / n));
    const y = Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * i) / n));
    x[7] = Number.NaN;
    const svg = scatterSvg({
      points: { x, y },
      title: "Circular β = 2, N = 300",
      xLabel: "Re",
      yLabel: "Im",
      circle: true,
      aspectEqual: true,
    });
    checkSvg(svg, "Circular β = 2, N = 300");
    assert.equal(elementsOfClass(svg, "circle", "point").length, n - 1);
    const circle = elementsOfClass(svg, "ellipse", "unit-circle")[0];
    assert.ok(Math.abs(Number(circle.rx) - Number(circle.ry)) <= 0.1, "equal aspect");
  });
  it("handles degenerate input without NaN", () => {
    for (const points of [
      { x: [], y: [] },
      { x: [1], y: [1] },
      { x: [0, 0], y: [5, 5] },
      { x: [Number.NaN], y: [0] },
    ]) {
      for (const aspectEqual of [false, true]) {
        const svg = scatterSvg({ points, title: "s", xLabel: "x", yLabel: "y", aspectEqual });
        assertWellFormedSvg(svg);
        assertCleanNumbers(svg);
      }
    }
    assert.throws(
      () => scatterSvg({ points: { x: [1, 2], y: [1] }, title: "t", xLabel: "x", yLabel: "y" }),
      RangeError,
    );
  });
});
