/**
 * The library in Deno, as docs/distributions.md tells a Deno user to load it: the ESM build
 * (`tsc -p tsconfig.build.json`, here into a temporary folder so that it is never stale) imported
 * by its path, run by the real Deno (the exact-pinned `deno` devDependency, whose binary comes from
 * the npm registry) with `deno run` and no permission flag: reading the environment throws
 * NotCapable there, the case that once broke the import. Every ```ts block of
 * docs/distributions.md is run as written (only its import specifiers are pointed at the build), in
 * Deno and in Node, and each value the page shows is compared as bits: the same doubles, the same
 * draws, the same Jupyter MIME bundle (the method Deno's Jupyter kernel calls on a cell's value).
 * Comments of the page that state exact output are checked too. Deno's cache goes to a temporary
 * DENO_DIR; no network (--no-remote, --no-npm).
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DOC = "docs/distributions.md";
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

/** The Deno binary of the devDependency: linked by its install script, else the platform package. */
function denoBinary(): string {
  const exe = process.platform === "win32" ? "deno.exe" : "deno";
  const libc = process.platform === "linux" ? "-glibc" : "";
  const candidates = [
    join(ROOT, "node_modules/deno", exe),
    join(ROOT, `node_modules/@deno/${process.platform}-${process.arch}${libc}`, exe),
  ];
  const found = candidates.find((path) => existsSync(path));
  assert.ok(found, `no Deno binary in ${candidates.join(" or ")}: run npm ci`);
  return found;
}

interface Statement {
  /** Where it is: "docs/distributions.md:52". */
  where: string;
  source: string;
  /** The trailing comment, if any. */
  comment: string;
}

/** The code and the `//` comment of one line (quotes are respected). */
function splitComment(line: string): [string, string] {
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote !== "") {
      if (ch === "\\") i++;
      else if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if (ch === "/" && line[i + 1] === "/")
      return [line.slice(0, i).trim(), line.slice(i + 2).trim()];
  }
  return [line.trim(), ""];
}

/** "betaens", "betaens/plot", "…/dist/x.js", "../../dist/x.js" → the module of the fresh build. */
function resolveSpecifier(specifier: string, lib: string): string {
  if (specifier === "betaens" || specifier.startsWith("betaens/")) {
    const target = pkg.exports[`.${specifier.slice("betaens".length)}`] as { default: string };
    assert.ok(target, `${specifier} is not an export of package.json`);
    return pathToFileURL(join(lib, target.default.replace(/^\.\/dist\//, ""))).href;
  }
  const m = /(?:^|\/)dist\/(.+\.js)$/.exec(specifier);
  assert.ok(m, `cannot resolve the import "${specifier}" of ${DOC}`);
  return pathToFileURL(join(lib, m[1] as string)).href;
}

/**
 * The page's ```ts blocks as one ES module. Imports are hoisted to the module, so a block sees the
 * names an earlier block imported (as a notebook's cells do); the rest of each block runs in its own
 * scope (two blocks declare `tw`). Every statement that is an expression (or a console.log) is
 * recorded with its value.
 */
function probeModule(markdown: string, lib: string): { code: string; statements: Statement[] } {
  const statements: Statement[] = [];
  const imports = new Map<string, string>();
  const blocks: string[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== "```ts") continue;
    const body: string[] = [];
    for (i++; lines[i] !== "```"; i++) {
      assert.ok(i < lines.length, `${DOC}: unclosed code block`);
      const [code, comment] = splitComment(lines[i] as string);
      const where = `${DOC}:${i + 1}`;
      if (code === "") continue;
      assert.ok(code.endsWith(";") || !/[,([{]$/.test(code), `${where}: one statement per line`);
      const imported = /^import \{([^}]+)\} from "([^"]+)";?$/.exec(code);
      if (imported) {
        const url = JSON.stringify(resolveSpecifier(imported[2] as string, lib));
        for (const item of (imported[1] as string).split(",").map((t) => t.trim())) {
          if (item === "") continue;
          const [exported, local = exported] = item.split(/\s+as\s+/) as [string, string?];
          const binding = `import { ${exported} as ${local} } from ${url};`;
          assert.equal(imports.get(local) ?? binding, binding, `${where}: ${local} imported twice`);
          imports.set(local, binding);
        }
      } else if (/^(const|let) /.test(code)) {
        body.push(code);
      } else {
        assert.ok(!/^(import|export|var|function|class|if|for|while)\b/.test(code), where);
        const logged = /^console\.log\((.*)\);?$/.exec(code);
        const expression = logged ? `[${logged[1]}]` : code.replace(/;$/, "");
        body.push(`record(${statements.length}, ${expression});`);
        statements.push({ where, source: code, comment });
      }
    }
    blocks.push(`{\n${body.join("\n")}\n}`);
  }
  const code = `${[...imports.values()].join("\n")}
import * as probeLibrary from ${JSON.stringify(resolveSpecifier("betaens", lib))};
const DISPLAY = Symbol.for("Jupyter.display");
const bits = new DataView(new ArrayBuffer(8));
// Numbers as their 64 bits (and their shortest decimal, for reading a failure).
function encode(value) {
  if (typeof value === "number") {
    bits.setFloat64(0, value);
    return "f64 " + bits.getBigUint64(0).toString(16).padStart(16, "0") + " " + String(value);
  }
  if (value instanceof Float64Array) return { Float64Array: Array.from(value, encode) };
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === "object") {
    // What Deno's Jupyter kernel does with a cell's value that has this method.
    if (typeof value[DISPLAY] === "function") return { display: value[DISPLAY]() };
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  return value;
}
const values = [];
function record(index, value) {
  values[index] = encode(value);
}
${blocks.join("\n")}
let env;
try {
  env = String(globalThis.process?.env?.BETAENS_WASM);
} catch (error) {
  env = error.name;
}
console.log(JSON.stringify({ env, wasm: probeLibrary.wasmKernelsStatus(), values }));
`;
  return { code, statements };
}

interface Output {
  env: string;
  wasm: { enabled: boolean; loaded: boolean; reason: string };
  values: unknown[];
}

function run(command: string, args: string[], env: Record<string, string>, cwd: string): Output {
  const result = spawnSync(command, args, { cwd, env, input: "", encoding: "utf8" });
  assert.equal(result.status, 0, `${command} ${args.join(" ")} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Output;
}

/** The doubles of an encoded value, in order. */
function doubles(value: unknown): number[] {
  if (typeof value === "string" && value.startsWith("f64 ")) {
    const view = new DataView(new ArrayBuffer(8));
    view.setBigUint64(0, BigInt(`0x${value.split(" ")[1]}`));
    return [view.getFloat64(0)];
  }
  if (Array.isArray(value)) return value.flatMap(doubles);
  if (value !== null && typeof value === "object") {
    return Object.values(value as Record<string, unknown>).flatMap(doubles);
  }
  return [];
}

/** The Jupyter MIME bundle an encoded value carries, if any. */
function displayOf(value: unknown): Record<string, string> | undefined {
  return value !== null && typeof value === "object" && "display" in value
    ? (value.display as Record<string, string>)
    : undefined;
}

/** Decimals a comment gives cut short ("= −63.104…", "[−14.0229…, −1.8049…]"). */
function truncatedValues(comment: string): { text: string; value: number; ulp: number }[] {
  return [...comment.matchAll(/[−-]?\d+\.(\d+)…/g)].map((m) => ({
    text: m[0],
    value: Number(m[0].replace("−", "-").replace("…", "")),
    ulp: 10 ** -(m[1] as string).length,
  }));
}

/** Exact output a comment states: "[ 1, 2 ]" or "1 2 true"; null for a comment in words. */
function statedValues(comment: string): (number | boolean)[] | null {
  const tokens = comment
    .replace(/^\[(.*)\]$/, "$1")
    .split(/[\s,]+/)
    .filter((t) => t !== "");
  if (tokens.length === 0) return null;
  const parsed = tokens.map((t) =>
    t === "true" || t === "false" ? t === "true" : /^-?\d/.test(t) ? Number(t) : Number.NaN,
  );
  return parsed.some((v) => Number.isNaN(v)) ? null : parsed;
}

describe(`the examples of ${DOC} in Deno (deno run, no permission flag) and in Node`, () => {
  let dir = "";
  let statements: Statement[] = [];
  let deno: Output;
  let denoEnvAllowed: Output;
  let node: Output;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "betaens-deno-"));
    const lib = join(dir, "dist");
    execFileSync(process.execPath, [
      join(ROOT, "node_modules/typescript/bin/tsc"),
      "-p",
      join(ROOT, "tsconfig.build.json"),
      "--outDir",
      lib,
      "--declaration",
      "false",
    ]);
    // What package.json's "type" tells Node about dist/; Deno reads .js as ES modules anyway.
    writeFileSync(join(lib, "package.json"), '{ "type": "module" }\n');
    const probe = probeModule(readFileSync(join(ROOT, DOC), "utf8"), lib);
    statements = probe.statements;
    const script = join(dir, "probe.mjs");
    writeFileSync(script, probe.code);
    const denoEnv = {
      DENO_DIR: join(dir, "deno-cache"),
      DENO_NO_UPDATE_CHECK: "1",
      HOME: dir,
      NO_COLOR: "1",
      BETAENS_WASM: "0", // not seen without --allow-env
    };
    const flags = ["run", "--no-prompt", "--no-remote", "--no-npm", "--no-config", "--no-lock"];
    deno = run(denoBinary(), [...flags, script], denoEnv, dir);
    denoEnvAllowed = run(denoBinary(), [...flags, "--allow-env", script], denoEnv, dir);
    const nodeEnv = { ...process.env } as Record<string, string>;
    delete nodeEnv.BETAENS_WASM;
    delete nodeEnv.NODE_OPTIONS;
    node = run(process.execPath, [script], nodeEnv, dir);
  });

  after(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  it("runs where reading the environment throws NotCapable, the WebAssembly kernels on", () => {
    assert.equal(deno.env, "NotCapable");
    assert.deepEqual(deno.wasm, { enabled: true, loaded: true, reason: "" });
    assert.equal(node.env, "undefined");
    assert.deepEqual(node.wasm, deno.wasm);
  });

  it("covers the page's laws: TW₂ cdf, logsf, quantile, a seeded draw, TW_3.3, semicircle, MP", () => {
    const sources = statements.map((s) => s.source).join("\n");
    for (const pattern of [
      /tw\.cdf\(/,
      /tw\.logsf\(/,
      /tw\.quantile\(/,
      /\.sample\(createRandomSource\(/,
      /tracyWidom\(3\.3\)\.cdf\(/,
      /semicircle\(\)\.pdf\(/,
      /marchenkoPastur\([^)]*\)\.pdf\(/,
      /\[Symbol\.for\("Jupyter\.display"\)\]|^tracyWidom\(1\)$/m,
    ]) {
      assert.match(sources, pattern);
    }
    assert.equal(deno.values.length, statements.length);
    const draws = doubles(deno.values[statements.findIndex((s) => /\.sample\(/.test(s.source))]);
    assert.equal(draws.length, 5);
    assert.ok(draws.every((x) => Number.isFinite(x)));
  });

  it("gives Node's values bit for bit, statement by statement", () => {
    for (const [i, statement] of statements.entries()) {
      assert.deepEqual(deno.values[i], node.values[i], `${statement.where}: ${statement.source}`);
    }
  });

  it("with --allow-env sees BETAENS_WASM=0 (kernels off) and still gives the same values", () => {
    assert.equal(denoEnvAllowed.env, "0");
    assert.equal(denoEnvAllowed.wasm.enabled, false);
    for (const [i, statement] of statements.entries()) {
      // Only wasmKernelsStatus().loaded, which the page prints, may differ.
      assert.deepEqual(doubles(denoEnvAllowed.values[i]), doubles(node.values[i]), statement.where);
      assert.deepEqual(displayOf(denoEnvAllowed.values[i]), displayOf(node.values[i]));
    }
  });

  it('shows each law as an SVG figure through Symbol.for("Jupyter.display")', () => {
    const displays = deno.values.map(displayOf).filter((d) => d !== undefined);
    assert.ok(displays.length >= 1, "the notebook cell that ends with a law");
    for (const display of displays) {
      assert.deepEqual(Object.keys(display).sort(), ["image/svg+xml", "text/plain"]);
      assert.match(
        display["image/svg+xml"] as string,
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
      );
      assert.match(display["image/svg+xml"] as string, /<\/svg>\s*$/);
      assert.match(display["text/plain"] as string, / \(betaens law\)$/);
    }
  });

  it("prints what the page's comments state exactly", () => {
    let checked = 0;
    for (const [i, statement] of statements.entries()) {
      const stated = statedValues(statement.comment);
      if (stated === null) continue;
      const value = deno.values[i];
      const got = Array.isArray(value)
        ? value.map((v) => (typeof v === "boolean" ? v : doubles(v)[0]))
        : doubles(value);
      assert.deepEqual(
        got,
        stated,
        `${statement.where}: ${statement.source} // ${statement.comment}`,
      );
      checked++;
    }
    assert.ok(checked >= 2, "the console.log line and the notebook's [mean, variance, isf] cell");
  });

  it("agrees with the decimals the page's comments give cut short (to their last digit)", () => {
    let checked = 0;
    for (const [i, statement] of statements.entries()) {
      const stated = truncatedValues(statement.comment);
      if (stated.length === 0) continue;
      const got = doubles(deno.values[i]);
      const message = `${statement.where}: ${statement.source} // ${statement.comment}`;
      assert.equal(got.length, stated.length, message);
      for (const [j, { text, value, ulp }] of stated.entries()) {
        assert.ok(Math.abs((got[j] as number) - value) <= ulp, `${message}: ${got[j]} vs ${text}`);
        checked++;
      }
    }
    assert.ok(checked >= 5, "logsf(12), quantile's two, the semicircle and MP densities");
  });
});
