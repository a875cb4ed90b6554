/** The `betaens` command: dispatches subcommands; never shows a stack trace for bad input. */
import { VERSION } from "../version.js";
import { demoCommand } from "./demo.js";
import { errorLine, exitStatusFor, UsageError } from "./errors.js";
import { GIBBS_USAGE, gibbsCommand } from "./gibbs.js";
import { LAW_USAGE, lawCommand } from "./law.js";
import { LINSTAT_USAGE, linstatCommand } from "./linstat.js";
import { MERGE_USAGE, mergeCommand } from "./merge.js";
import { MIXING_USAGE, mixingCommand } from "./mixing.js";
import { SAMPLE_USAGE, sampleCommand } from "./sample.js";
import { SERVE_USAGE, serveCommand } from "./serve.js";
import { TW_USAGE, twCommand } from "./tw.js";

const USAGE = `betaens ${VERSION} — fast sampling of β-ensembles

usage: betaens <command> [options]

commands:
  sample   draw samples of a classical β-ensemble (tridiagonal models)
  gibbs    sample a polynomial-potential β-ensemble by the Gibbs sampler on Jacobi matrices
  tw       Tracy–Widom laws: cdf, pdf, quantile, sample (any β > 0)
  law      exact finite-N laws of the β = 2 ensemble with polynomial V: λ_max, density, counts
  merge    combine the partial results of a sharded run (--shard) into its output
  mixing   the mixing study of the Gibbs sampler (KS distance to TW per pass, p*(N))
  linstat  cumulants of linear statistics Σ f(x_i) against N, with exact and large-N theory
  demo     run a built-in sampling job and write plots to ./betaens-demo/
  serve    serve the browser explorer on localhost and print its URL
  help     show this help; betaens help <command> (or <command> --help) for one command

${SAMPLE_USAGE}
`;

/** Runs the CLI with the given arguments; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(
          rest[0] === "sample"
            ? `${SAMPLE_USAGE}\n`
            : rest[0] === "gibbs"
              ? `${GIBBS_USAGE}\n`
              : rest[0] === "tw"
                ? `${TW_USAGE}\n`
                : rest[0] === "law"
                  ? `${LAW_USAGE}\n`
                  : rest[0] === "mixing"
                    ? `${MIXING_USAGE}\n`
                    : rest[0] === "merge"
                      ? `${MERGE_USAGE}\n`
                      : rest[0] === "serve"
                        ? `${SERVE_USAGE}\n`
                        : rest[0] === "linstat"
                          ? `${LINSTAT_USAGE}\n`
                          : USAGE,
        );
        return 0;
      case "--version":
      case "version":
        process.stdout.write(`${VERSION}\n`);
        return 0;
      case "sample":
        if (rest.includes("--help") || rest.includes("-h")) {
          process.stdout.write(`${SAMPLE_USAGE}\n`);
          return 0;
        }
        await sampleCommand(rest);
        return 0;
      case "gibbs":
        if (rest.includes("--help") || rest.includes("-h")) {
          process.stdout.write(`${GIBBS_USAGE}\n`);
          return 0;
        }
        await gibbsCommand(rest);
        return 0;
      case "tw":
        if (rest.includes("--help") || rest.includes("-h")) {
          process.stdout.write(`${TW_USAGE}\n`);
          return 0;
        }
        await twCommand(rest);
        return 0;
      case "law":
        if (rest.includes("--help") || rest.includes("-h")) {
          process.stdout.write(`${LAW_USAGE}\n`);
          return 0;
        }
        lawCommand(rest);
        return 0;
      case "mixing":
        if (rest.includes("--help") || rest.includes("-h")) {
          process.stdout.write(`${MIXING_USAGE}\n`);
          return 0;
        }
        await mixingCommand(rest);
        return 0;
      case "merge":
        if (rest.includes("--help") || rest.includes("-h")) {
          process.stdout.write(`${MERGE_USAGE}\n`);
          return 0;
        }
        await mergeCommand(rest);
        return 0;
      case "linstat":
        if (rest.includes("--help") || rest.includes("-h")) {
          process.stdout.write(`${LINSTAT_USAGE}\n`);
          return 0;
        }
        await linstatCommand(rest);
        return 0;
      case "serve":
        if (rest.includes("--help") || rest.includes("-h")) {
          process.stdout.write(`${SERVE_USAGE}\n`);
          return 0;
        }
        await serveCommand(rest);
        return 0;
      case "demo":
        await demoCommand(rest);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"; run "betaens help"`);
    }
  } catch (error) {
    process.stderr.write(`${errorLine(error)}\n`);
    if (process.env.BETAENS_DEBUG && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    return exitStatusFor(error);
  }
}
