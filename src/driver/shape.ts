/** The shape of a job's streamed rows (io/stream.ts), or undefined when it has none to stream. */
import type { RowShape } from "../io/stream.js";
import type { Job } from "../spec/job.js";

export function rowShapeOf(job: Job): RowShape | undefined {
  switch (job.task) {
    case "sample":
      if (job.stat === "eigenvalues") {
        return job.ensemble === "ginibre"
          ? { kind: "pairs", points: job.n }
          : { kind: "rows", width: job.n };
      }
      return job.stat !== "histogram" && job.summary === "values" ? { kind: "scalar" } : undefined;
    case "gibbs":
      if (job.record) return undefined;
      if (job.stat === "eigenvalues") return { kind: "rows", width: job.n };
      if (job.stat === "trace") return { kind: "rows", width: job.passes };
      return job.stat === "max" && job.summary === "values" ? { kind: "scalar" } : undefined;
    case "tw":
      return job.summary === "values" ? { kind: "scalar" } : undefined;
    case "mixing":
    case "linstat":
      return undefined;
  }
}
