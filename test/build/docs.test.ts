/**
 * The repository is self-contained: every `docs/theory.md §N.M` pointer in the sources names a
 * section that exists, every relative link of the Markdown docs names a file of the repository,
 * and nothing points outside it (to a team folder or a spec that is not shipped).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The files git tracks (plus untracked, not ignored ones), relative to the root. */
function trackedFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return out.split("\n").filter((f) => f.length > 0 && existsSync(join(ROOT, f)));
}

const TEXT = /\.(ts|js|md|json|sh|html|css)$|^\.ci\/run$/;

describe("self-contained documentation", () => {
  it("every docs/theory.md §N.M pointer names an existing section", () => {
    const theory = readFileSync(join(ROOT, "docs/theory.md"), "utf8");
    const sections = new Set(
      [...theory.matchAll(/^#+ (\d+(?:\.\d+)?)\.? /gm)].map((m) => m[1] as string),
    );
    const missing: string[] = [];
    for (const file of trackedFiles().filter((f) => TEXT.test(f))) {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const m of text.matchAll(/docs\/theory\.md §(\d+(?:\.\d+)?)(?:[–-](\d+(?:\.\d+)?))?/g)) {
        for (const section of [m[1], m[2]]) {
          if (section !== undefined && !sections.has(section)) missing.push(`${file}: §${section}`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  it("relative links of the Markdown docs name files of the repository", () => {
    const broken: string[] = [];
    for (const file of trackedFiles().filter((f) => f.endsWith(".md"))) {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = (m[1] as string).split("#")[0];
        if (target === "" || /^[a-z]+:/.test(target)) continue;
        if (!existsSync(join(ROOT, dirname(file), target))) broken.push(`${file}: ${m[1]}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it("nothing points outside the repository", () => {
    const outside: string[] = [];
    const pattern = new RegExp(["\\.\\./shared", "/work/", "shared/spec"].join("|"));
    for (const file of trackedFiles().filter((f) => TEXT.test(f))) {
      if (file === "test/build/docs.test.ts") continue;
      const text = readFileSync(join(ROOT, file), "utf8");
      if (pattern.test(text)) outside.push(file);
    }
    assert.deepEqual(outside, []);
  });
});
