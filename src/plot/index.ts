/**
 * SVG figures as pure functions returning strings (no DOM, no node: imports): the public entry
 * `betaens/plot`.
 *
 * @example
 * import { histogramSvg } from "betaens/plot";
 * const svg = histogramSvg({ values: [0.1, 0.4, 0.5, 0.9], title: "four points", xLabel: "x" });
 */
export {
  type HistogramBars,
  type HistogramOptions,
  histogramBars,
  histogramFromCounts,
  histogramSvg,
} from "./histogram.js";
export { type LineChartOptions, type LineSeries, lineChartSvg } from "./lineChart.js";
export { potentialLabel } from "./potentialLabel.js";
export { defaultHistogramRange, samplePlotSvg, sampleTitle } from "./sampleFigure.js";
export { type ScatterOptions, scatterSvg } from "./scatter.js";
