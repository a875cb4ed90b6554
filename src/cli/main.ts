/** The `betaens` command: dispatches subcommands; never shows a stack trace for bad input. */
import { VERSION } from "../version.js";
import { DEMO_USAGE, demoCommand } from "./demo.js";
import { errorLine, exitStatusFor, UsageError } from "./errors.js";
import { GIBBS_USAGE, gibbsCommand } from "./gibbs.js";
import { LAW_USAGE, lawCommand } from "./law.js";
import { LINSTAT_USAGE, linstatCommand } from "./linstat.js";
import { GAP_USAGE, HARDEDGE_USAGE, localLawCommand, SPACING_USAGE } from "./localLaws.js";
import { MERGE_USAGE, mergeCommand } from "./merge.js";
import { MIXING_USAGE, mixingCommand } from "./mixing.js";
import { handleClosedPipes } from "./output.js";
import { SAMPLE_USAGE, sampleCommand } from "./sample.js";
import { SERVE_USAGE, serveCommand } from "./serve.js";
import { TW_USAGE, twCommand } from "./tw.js";

/** A subcommand: one line for `betaens help`, its usage text, and what it runs. */
interface Command {
  summary: string;
  usage: string;
  run: (argv: string[]) => unknown;
}

/**
 * The subcommands, in the order `betaens help` lists them. To add one, add one entry (one line
 * for the import above, one here).
 */
const COMMANDS: Record<string, Command> = {
  sample: {
    summary: "draw samples of a classical β-ensemble (tridiagonal models)",
    usage: SAMPLE_USAGE,
    run: sampleCommand,
  },
  gibbs: {
    summary: "sample a polynomial-potential β-ensemble by the Gibbs sampler on Jacobi matrices",
    usage: GIBBS_USAGE,
    run: gibbsCommand,
  },
  tw: {
    summary: "Tracy–Widom laws: cdf, pdf, quantile, sample (any β > 0)",
    usage: TW_USAGE,
    run: twCommand,
  },
  law: {
    summary: "exact finite-N laws of the β = 2 ensemble with polynomial V: λ_max, density, counts",
    usage: LAW_USAGE,
    run: lawCommand,
  },
  spacing: {
    summary: "sine_β spacing laws (Gaudin; nearest neighbour): cdf, sf, pdf, quantile, sample",
    usage: SPACING_USAGE,
    run: (argv) => localLawCommand("spacing", argv),
  },
  gap: {
    summary: "gap-ratio laws of sine_β, and gap probabilities E_β(k; s)",
    usage: GAP_USAGE,
    run: (argv) => localLawCommand("gap", argv),
  },
  hardedge: {
    summary: "hard-edge law of the smallest Laguerre eigenvalue (β = 1, 2, 4)",
    usage: HARDEDGE_USAGE,
    run: (argv) => localLawCommand("hardedge", argv),
  },
  merge: {
    summary: "combine the partial results of a sharded run (--shard) into its output",
    usage: MERGE_USAGE,
    run: mergeCommand,
  },
  mixing: {
    summary: "the mixing study of the Gibbs sampler (KS distance to TW per pass, p*(N))",
    usage: MIXING_USAGE,
    run: mixingCommand,
  },
  linstat: {
    summary: "cumulants of linear statistics Σ f(x_i) against N, with exact and large-N theory",
    usage: LINSTAT_USAGE,
    run: linstatCommand,
  },
  demo: {
    summary: "run a built-in sampling job and write plots to ./betaens-demo/",
    usage: DEMO_USAGE,
    run: demoCommand,
  },
  serve: {
    summary: "serve the browser explorer on localhost and print its URL",
    usage: SERVE_USAGE,
    run: serveCommand,
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length), 4) + 2;
  const lines = Object.entries(COMMANDS).map(
    ([name, command]) => `  ${name.padEnd(width)} ${command.summary}`,
  );
  return `betaens ${VERSION} — fast sampling of β-ensembles

usage: betaens <command> [options]

commands:
${lines.join("\n")}
  ${"help".padEnd(width)} show this help; betaens help <command> (or <command> --help) for one command

Bad input: one line "betaens: error: …" and exit status 2. Runs over 8 GiB or ~30 minutes
are refused up front. Contract: docs/conventions.md.

${SAMPLE_USAGE}
`;
}

/** Runs the CLI with the given arguments; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  handleClosedPipes();
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === "help" || name === "--help" || name === "-h") {
      const topic = rest[0];
      if (topic === undefined) {
        process.stdout.write(usage());
        return 0;
      }
      const command = Object.hasOwn(COMMANDS, topic) ? COMMANDS[topic] : undefined;
      if (command === undefined || rest.length > 1) {
        throw new UsageError(
          `no help for ${JSON.stringify(rest.join(" "))}; commands: ${Object.keys(COMMANDS).join(", ")}`,
        );
      }
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    if (name === "--version" || name === "version") {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (command === undefined) {
      throw new UsageError(`unknown command ${JSON.stringify(name)}; run "betaens help"`);
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    await command.run(rest);
    return 0;
  } catch (error) {
    process.stderr.write(`${errorLine(error)}\n`);
    if (process.env.BETAENS_DEBUG && error instanceof Error) {
      process.stderr.write(`${error.stack}\n`);
    }
    return exitStatusFor(error);
  }
}
