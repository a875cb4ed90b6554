/**
 * The npm package and the public API: a licence file, no source maps (they would point to
 * sources the tarball does not ship), no install-time build, every `exports` entry backed by a
 * source module, and a curated API — the entry points of the README, none of the internals
 * (work buffers, engine-independent det* math, validators, SVG helpers). The real `npm pack` +
 * `npm install` of the tarball is .ci/pack-check (run by .ci/run).
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import * as api from "../../src/index.js";
import * as io from "../../src/io/index.js";
import * as plot from "../../src/plot/index.js";
import * as tracyWidom from "../../src/theory/tracyWidom.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

describe("the npm package", () => {
  it("has an MIT LICENSE file, as package.json says", () => {
    assert.equal(pkg.license, "MIT");
    assert.match(readFileSync(join(ROOT, "LICENSE"), "utf8"), /^MIT License\n/);
  });

  it("builds without source maps and cleans dist/ first (no stale files shipped)", () => {
    const build = JSON.parse(readFileSync(join(ROOT, "tsconfig.build.json"), "utf8"));
    assert.equal(build.compilerOptions.sourceMap, false);
    assert.equal(build.compilerOptions.declarationMap, false);
    assert.match(pkg.scripts.build, /^npm run clean && /);
    assert.match(pkg.scripts.clean, /rmSync\('dist'/);
  });

  it("runs no build when a user installs it (no install scripts; prepare runs only for pack)", () => {
    for (const hook of ["preinstall", "install", "postinstall"]) {
      assert.equal(pkg.scripts[hook], undefined, hook);
    }
    assert.ok(pkg.files.includes("dist") && pkg.files.includes("bin"));
    assert.ok(existsSync(join(ROOT, ".ci/pack-check")));
  });

  it("every exports entry is built from a source module; the docs the comments cite ship", () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (typeof target === "string") continue;
      const { default: js, types } = target as { default: string; types: string };
      assert.match(js, /^\.\/dist\/.*\.js$/, subpath);
      assert.equal(types, js.replace(/\.js$/, ".d.ts"), subpath);
      const source = js.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts");
      assert.ok(existsSync(join(ROOT, source)), `${subpath} → ${source}`);
    }
    assert.deepEqual(Object.keys(pkg.exports), [
      ".",
      "./tracy-widom",
      "./plot",
      "./io",
      "./package.json",
    ]);
    assert.ok(pkg.files.includes("docs/conventions.md") && pkg.files.includes("docs/theory.md"));
  });
});

describe("the public API", () => {
  it("has the README's entry points", () => {
    for (const name of [
      "createRandomSource",
      "hermiteEigenvalues",
      "laguerreTridiagonal",
      "largestEigenvalue",
      "runSample",
      "gibbsRun",
      "tracyWidomCdf",
      "tracyWidomBetaSample",
      "equilibriumMeasure",
      "edgeScaling",
      "limitLaw",
      "mixingStudy",
      "histogramSvg",
      "encodeNpy",
      "checkBudget",
      "VERSION",
    ]) {
      assert.ok(name in api, name);
    }
  });

  it("keeps internals out: work buffers, det* math, validators, SVG helpers", () => {
    const exported = Object.keys(api);
    const internal = exported.filter((name) =>
      /^det[A-Z]|^check(Hermite|Laguerre|Jacobi|Classical|Ensemble|FullBeta|GibbsArguments|GibbsRun|JobCost|EdgeLimit)$|^create\w*Work$|Unchecked$|^(escapeXml|formatNumber|niceTicks|gibbsSweep|philox4x32|pivotMinimum|powerOfTwo|floorLog2|LIMITS|drawSample|drawValues|drawTridiagonal|classicalTridiagonal|truncatedRows|usesEdgeModel|logGammaVariate|hermiteControlSample|tracyWidomReference|leastSquares|firstPassWithin)$/.test(
        name,
      ),
    );
    assert.deepEqual(internal, []);
  });

  it("subpath entries: betaens/tracy-widom, betaens/plot, betaens/io", () => {
    for (const name of [
      "tracyWidomCdf",
      "tracyWidomPdf",
      "tracyWidomQuantile",
      "tracyWidomSample",
    ]) {
      assert.equal(typeof (tracyWidom as Record<string, unknown>)[name], "function", name);
    }
    for (const name of ["histogramSvg", "lineChartSvg", "scatterSvg", "samplePlotSvg"]) {
      assert.equal(typeof (plot as Record<string, unknown>)[name], "function", name);
    }
    assert.ok(!("escapeXml" in plot));
    for (const name of ["encodeNpy", "decodeNpy", "formatJson", "formatCsv", "formatResult"]) {
      assert.equal(typeof (io as Record<string, unknown>)[name], "function", name);
    }
  });
});
