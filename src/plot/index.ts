/** SVG charts as pure functions returning strings (no DOM, no node: imports). */
export {
  type HistogramBars,
  type HistogramOptions,
  histogramBars,
  histogramFromCounts,
  histogramSvg,
} from "./histogram.js";
export { type LineChartOptions, type LineSeries, lineChartSvg } from "./lineChart.js";
export { type ScatterOptions, scatterSvg } from "./scatter.js";
export { escapeXml, formatNumber, niceTicks } from "./svg.js";
