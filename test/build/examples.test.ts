/**
 * Every `@example` block in the doc comments of src/ that imports from "betaens" (a complete,
 * user-facing example) runs as written and type-checks, with "betaens" and its subpath entries
 * resolved through package.json's exports to the sources. Markdown fences are ignored.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

/** "betaens", "betaens/plot", … → the source module behind each package export. */
const ENTRIES = new Map<string, string>(
  Object.entries(pkg.exports as Record<string, string | { default: string }>)
    .filter(([, target]) => typeof target !== "string")
    .map(([subpath, target]) => [
      `betaens${subpath.slice(1)}`,
      join(
        ROOT,
        (target as { default: string }).default
          .replace(/^\.\/dist\//, "src/")
          .replace(/\.js$/, ".ts"),
      ),
    ]),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The @example blocks of a file: the comment lines after the tag, up to the next tag or the end. */
function examples(file: string): { where: string; code: string }[] {
  const text = readFileSync(file, "utf8");
  const found: { where: string; code: string }[] = [];
  for (const comment of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const lines = comment[1].split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
    let block: string[] | null = null;
    const flush = () => {
      if (block?.join("").trim()) {
        const line = text.slice(0, comment.index).split("\n").length;
        found.push({ where: `${relative(ROOT, file)}:${line}`, code: block.join("\n").trim() });
      }
      block = null;
    };
    for (const line of lines) {
      if (/^@example\b/.test(line)) {
        flush();
        block = [];
      } else if (/^@\w/.test(line)) flush();
      else if (block && !/^```/.test(line)) block.push(line);
    }
    flush();
  }
  return found;
}

describe("@example blocks", () => {
  const all = sourceFiles(join(ROOT, "src"))
    .flatMap(examples)
    .filter((example) => /from "betaens(\/[a-z-]+)?"/.test(example.code));
  const dir = mkdtempSync(join(tmpdir(), "betaens-examples-"));
  const modules = all.map(({ where, code }, i) => {
    const resolved = code.replace(/from "(betaens(?:\/[a-z-]+)?)"/g, (_match, name: string) => {
      const target = ENTRIES.get(name);
      assert.ok(target, `${where}: unknown entry ${name}`);
      return `from ${JSON.stringify(target.replace(/\.ts$/, ".js"))}`;
    });
    const file = join(dir, `example${i}.mts`);
    writeFileSync(file, `// ${where}\n${resolved}\nexport {};\n`);
    return { where, file };
  });

  it("there are examples on the main entry points (at least 30)", () => {
    assert.ok(all.length >= 30, `${all.length} examples`);
  });

  it("each example runs", () => {
    const runner = join(dir, "run.mts");
    writeFileSync(
      runner,
      modules
        .map(
          ({ where, file }) =>
            `await import(${JSON.stringify(file)}).catch((e) => { console.error(${JSON.stringify(where)}, e); process.exitCode = 1; });`,
        )
        .join("\n"),
    );
    const r = spawnSync(process.execPath, ["--import", "tsx", runner], {
      cwd: ROOT,
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr);
  });

  it("each example type-checks", () => {
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const r = spawnSync(
      process.execPath,
      [
        tsc,
        "--noEmit",
        "--strict",
        "--skipLibCheck",
        "--target",
        "es2022",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--types",
        "node",
        "--typeRoots",
        join(ROOT, "node_modules", "@types"),
        "--lib",
        "es2022,dom",
        ...modules.map((m) => m.file),
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});
