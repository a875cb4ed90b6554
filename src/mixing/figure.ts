/**
 * The figure of a mixing study: left, log₁₀ of the KS distance D_N(p) to TW_β against the pass p,
 * one line per N (a geometric decay is a straight line), with the noise level 1.36/√C and the
 * largest threshold 1.36/√C + slack(N); right, p*(N) against N on a logarithmic axis with the
 * least-squares line p* ≈ a + b·ln N. Two line charts (plot/lineChart.ts) side by side in one SVG.
 */
import { lineChartSvg } from "../plot/lineChart.js";
import { potentialLabel } from "../plot/potentialLabel.js";
import { escapeXml } from "../plot/svg.js";
import type { MixingResult } from "./study.js";

const PANEL_WIDTH = 640;
const PANEL_HEIGHT = 420;

/** Places a complete <svg> document at horizontal offset x inside another one. */
function nested(svg: string, x: number): string {
  return svg.trim().replace(/^<svg /, `<svg x="${x}" `);
}

/**
 * The two-panel SVG of a mixing study (KS distance vs pass per N; p*(N) vs N, log axis).
 */
export function mixingFigureSvg(result: MixingResult, title?: string): string {
  const label =
    title ??
    `V(x) = ${potentialLabel(result.potential)}, β = ${result.beta}, C = ${result.chains} chains`;
  const passes = Array.from({ length: result.passes }, (_, p) => p + 1);
  const ksSeries = result.ns.map((n, j) => ({
    label: `N = ${n}`,
    x: passes,
    y: result.ks[j].map(Math.log10),
  }));
  ksSeries.push({
    label: "1.36/√C",
    x: passes,
    y: passes.map(() => Math.log10(result.noiseLevel)),
  });
  const threshold = Math.max(...result.threshold);
  ksSeries.push({
    label: "1.36/√C + max slack",
    x: passes,
    y: passes.map(() => Math.log10(threshold)),
  });
  const left = lineChartSvg({
    series: ksSeries,
    title: `KS distance to TW_${result.beta} after each pass`,
    xLabel: "Gibbs pass p",
    yLabel: "log10 of the KS distance D_N(p)",
    legendLimit: 12,
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
  });
  const nsWithP = result.ns.filter((_, j) => result.pStar[j] !== null);
  const pStar = result.pStar.filter((p): p is number => p !== null);
  const pSeries = [{ label: "p*(N)", x: nsWithP, y: pStar }];
  const fit = result.fit.logN;
  if (fit !== null) {
    pSeries.push({
      label: `fit ${fit.intercept.toFixed(2)} + ${fit.slope.toFixed(2)}·ln N`,
      x: result.ns,
      y: result.ns.map((n) => fit.intercept + fit.slope * Math.log(n)),
    });
  }
  const right = lineChartSvg({
    series: pSeries,
    title: "first pass within noise, p*(N)",
    xLabel: "N (log scale)",
    yLabel: "p*(N)",
    logX: true,
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
  });
  const width = 2 * PANEL_WIDTH;
  const height = PANEL_HEIGHT + 30;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12" role="img">` +
    `<title>${escapeXml(label)}</title>` +
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="15">${escapeXml(label)}</text>` +
    `<g transform="translate(0, 30)">${nested(left, 0)}${nested(right, PANEL_WIDTH)}</g>` +
    "</svg>\n"
  );
}
