/**
 * What the figures say and where: titles name every ensemble properly (capitalised, no empty
 * "()"), legends sit in a strip between the title and the plot so they never cover data, a trace
 * of many chains gets a colour ramp and a three-entry legend, and a potential is written the same
 * way in every figure.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gibbsPlotSvg } from "../../src/cli/gibbs.js";
import { gibbsRun, runSample } from "../../src/driver/legacy.js";
import type { SampleJob } from "../../src/ensembles/sample.js";
import { mixingFigureSvg } from "../../src/mixing/figure.js";
import type { MixingResult } from "../../src/mixing/study.js";
import { histogramSvg } from "../../src/plot/histogram.js";
import { lineChartSvg } from "../../src/plot/lineChart.js";
import { potentialLabel } from "../../src/plot/potentialLabel.js";
import { samplePlotSvg } from "../../src/plot/sampleFigure.js";
import { uniformEdges } from "../../src/tridiagonal/histogram.js";

/** The visible title text. */
function titleOf(svg: string): string {
  const m = /<text class="title"[^>]*>([^<]*)<\/text>/.exec(svg);
  assert.ok(m, "a title");
  return m[1];
}

/** Top edge (y) of the plot frame: the axes rectangle. */
function frameTop(svg: string): number {
  const axes = /<g class="axes"[^>]*>.*?<rect x="[^"]*" y="([^"]*)"/.exec(svg);
  assert.ok(axes, "an axes frame");
  return Number(axes[1]);
}

/** Every y coordinate used inside the legend group (texts, swatches). */
function legendYs(svg: string): number[] {
  const legend = /<g class="legend">(.*?)<\/g>/.exec(svg);
  assert.ok(legend, "a legend");
  return [...legend[1].matchAll(/\b(?:y|y1|y2|cy)="([-\d.]+)"/g)].map((m) => Number(m[1]));
}

function assertLegendAboveData(svg: string, label: string): void {
  const top = frameTop(svg);
  const ys = legendYs(svg);
  assert.ok(ys.length > 0, label);
  for (const y of ys) assert.ok(y < top, `${label}: legend at y = ${y}, plot starts at ${top}`);
  const title = /<text class="title" x="[^"]*" y="([^"]*)"/.exec(svg);
  for (const y of ys) assert.ok(y > Number(title?.[1]), `${label}: legend over the title`);
}

const job = (
  ensemble: "circular" | "ginibre" | "hermite",
  extra: Partial<SampleJob> = {},
): SampleJob => ({
  spec: {
    ensemble,
    params: ensemble === "hermite" ? { loc: 0, scale: 1 } : {},
  } as SampleJob["spec"],
  model: ensemble === "circular" ? "cmv" : ensemble === "ginibre" ? "full" : "tridiagonal",
  n: 40,
  beta: 2,
  samples: 2,
  seed: 1,
  stat: "eigenvalues",
  ...extra,
});

describe("figure titles", () => {
  it("circular and Ginibre: capitalised names, no empty parentheses", () => {
    for (const ensemble of ["circular", "ginibre"] as const) {
      const j = job(ensemble);
      const title = titleOf(samplePlotSvg(j, runSample(j)));
      assert.ok(!title.includes("()"), title);
      assert.match(
        title,
        ensemble === "circular"
          ? /^Circular β-ensemble, β = 2, N = 40/
          : /^Ginibre ensemble, N = 40/,
      );
    }
    const h = job("hermite");
    assert.match(
      titleOf(samplePlotSvg(h, runSample(h))),
      /^Hermite β-ensemble, .*\(loc = 0, scale = 1\)$/,
    );
  });

  it("a potential reads the same in the Gibbs figure and in the mixing figure", () => {
    const coeffs = Float64Array.from([0, 0, -1, 0, 0.25]);
    assert.equal(potentialLabel(coeffs), "x⁴/4 − x²");
    assert.equal(
      potentialLabel([0, 1.6, 0.2, -0.266666666666667, 0.05]),
      "x⁴/20 − 4x³/15 + x²/5 + 8x/5",
    );
    const gibbs = gibbsRun({ coeffs, n: 8, beta: 2, passes: 2, samples: 2, seed: 1, stat: "max" });
    assert.ok(titleOf(gibbsPlotSvg(gibbs, coeffs)).includes("V(x) = x⁴/4 − x²"));
    const mixing = {
      potential: Array.from(coeffs),
      beta: 2,
      chains: 10,
      passes: 2,
      ns: [10],
      ks: [[0.5, 0.2]],
      noiseLevel: 0.4,
      threshold: [0.45],
      pStar: [2],
      fit: { logN: null, power: null },
    } as unknown as MixingResult;
    assert.ok(mixingFigureSvg(mixing).includes("V(x) = x⁴/4 − x²"));
  });
});

describe("legends never cover the data", () => {
  it("histogram with a density: the legend is a strip between title and plot", () => {
    const svg = histogramSvg({
      values: [0.1, 0.5, 0.52, 0.9],
      density: () => 1,
      densityLabel: "uniform",
      title: "t",
      xLabel: "x",
    });
    assertLegendAboveData(svg, "histogram");
  });

  it("circular (density near the top), quartic Gibbs histogram and trace", () => {
    const c = job("circular", { n: 200, samples: 5 });
    assertLegendAboveData(samplePlotSvg(c, runSample(c)), "circular");
    const coeffs = Float64Array.from([0, 0, 0, 0, 0.25]);
    const edges = uniformEdges(-1.7, 1.7, 30);
    const quartic = gibbsRun({
      coeffs,
      n: 50,
      beta: 2,
      passes: 3,
      samples: 4,
      seed: 2,
      stat: "histogram",
      edges,
    });
    assertLegendAboveData(gibbsPlotSvg(quartic, coeffs), "quartic");
    const trace = gibbsRun({
      coeffs,
      n: 10,
      beta: 2,
      passes: 5,
      samples: 3,
      seed: 3,
      stat: "trace",
    });
    assertLegendAboveData(gibbsPlotSvg(trace, coeffs), "trace");
  });

  it("a legend too long for one row wraps to more rows, still above the plot", () => {
    const series = Array.from({ length: 7 }, (_, k) => ({
      label: `a rather long series label number ${k}`,
      x: [1, 2, 3],
      y: [k, k + 1, k + 2],
    }));
    const svg = lineChartSvg({ series, title: "t", xLabel: "x", yLabel: "y" });
    assertLegendAboveData(svg, "wrapped");
    assert.ok(frameTop(svg) > 40 + 18 * 3, "three or more legend rows reserved");
  });
});

describe("traces of many chains", () => {
  it("a colour ramp in chain order and a legend of three entries", () => {
    const series = Array.from({ length: 50 }, (_, k) => ({
      label: `chain ${k}`,
      x: [1, 2],
      y: [k, k],
    }));
    const svg = lineChartSvg({ series, title: "t", xLabel: "pass", yLabel: "λ_max" });
    const legend = /<g class="legend">(.*?)<\/g>/.exec(svg)?.[1] ?? "";
    const texts = [...legend.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    assert.deepEqual(texts, ["chain 0", "… 50 series …", "chain 49"]);
    const colors = new Set(
      [...svg.matchAll(/class="series"[^>]*stroke="(#[0-9a-f]{6})"/g)].map((m) => m[1]),
    );
    assert.equal(colors.size, 50, "one ramp colour per chain");
    assertLegendAboveData(svg, "many chains");
  });
});
