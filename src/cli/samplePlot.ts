import type { SampleJob, SampleResult } from "../ensembles/sample.js";
import { writeFileAtomic } from "../io/atomicWrite.js";
import { samplePlotSvg } from "../plot/sampleFigure.js";

/** Writes the figure of `betaens sample --plot` to an SVG file, atomically. */
export function writeSamplePlot(path: string, job: SampleJob, result: SampleResult): void {
  writeFileAtomic(path, samplePlotSvg(job, result));
}
