import type { SampleJob, SampleResult } from "../ensembles/sample.js";
import { writeFileAtomic } from "../io/atomicWrite.js";
import { spacingPlotSvg } from "../plot/spacingFigure.js";

/** Writes the spacing histogram of `betaens sample --stat spacings|window --plot`, atomically. */
export function writeSpacingPlot(path: string, job: SampleJob, result: SampleResult): void {
  writeFileAtomic(path, spacingPlotSvg(job, result));
}
