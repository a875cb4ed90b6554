#!/bin/sh
# Regenerates docs/mixing/ (run from the repository root): the mixing study of the Gibbs sampler
# for V = x^2/2 (control), x^4/4 and x^4/4 + x^2/2 at beta = 1, 2, 4 from the zero start, plus
# x^4/4 at beta = 2 from the "hermite" start. Each run is `betaens mixing …` (printed), run from
# the sources (node --import tsx src/cli/bin.ts is the `betaens` binary before the build).
set -e
out=docs/mixing
common="--chains 400 --passes 15 --seed 2025"
ns="--n 100,200,400,800,1600"
run() {
  name=$1
  shift
  printf 'betaens mixing' >&2
  for arg in "$@"; do printf ' "%s"' "$arg" >&2; done
  echo " $ns $common --output $out/$name.json --plot $out/$name.svg" >&2
  start=$(date +%s)
  node --import tsx src/cli/bin.ts mixing "$@" $ns $common --output "$out/$name.json" --plot "$out/$name.svg"
  echo "  $(($(date +%s) - start)) s wall" >&2
}
for beta in 1 2 4; do
  run "x2-beta$beta" --potential "x^2/2" --beta "$beta"
  if [ "$beta" = 2 ]; then
    # The main case goes on to N = 6400 (chains of the first five N are the same as above).
    ns="--n 100,200,400,800,1600,3200,6400"
    run "x4-beta2" --potential "x^4/4" --beta 2
    ns="--n 100,200,400,800,1600"
  else
    run "x4-beta$beta" --potential "x^4/4" --beta "$beta"
  fi
  run "x4x2-beta$beta" --potential "x^4/4 + x^2/2" --beta "$beta"
done
run "x4-beta2-hermite" --potential "x^4/4" --beta 2 --initial hermite

# The summary table (summary.json) and the combined p*(N) figure (pstar.svg).
node --import tsx --input-type=module -e '
import { readFileSync, writeFileSync } from "node:fs";
import { lineChartSvg } from "./src/plot/lineChart.ts";
const names = process.argv.slice(1);
const rows = names.map((name) => {
  const r = JSON.parse(readFileSync(`docs/mixing/${name}.json`, "utf8"));
  const last = r.ks.map((ks) => ks[ks.length - 1]);
  return { name, potential: r.potential, beta: r.beta, initial: r.initial, ns: r.ns,
    chains: r.chains, passes: r.passes, noiseLevel: r.noiseLevel, slack: r.slack,
    pStar: r.pStar, fit: r.fit, ksPass1: r.ks.map((ks) => ks[0]), ksLastPass: last,
    meanLastPass: r.mean.map((m) => m[m.length - 1]), controlMean: r.control.mean };
});
writeFileSync("docs/mixing/summary.json", `${JSON.stringify(rows, null, 1)}\n`);
const series = rows.map((r) => ({ label: r.name, x: r.ns.filter((_, j) => r.pStar[j] !== null),
  y: r.pStar.filter((p) => p !== null) }));
writeFileSync("docs/mixing/pstar.svg", lineChartSvg({ series, logX: true, width: 900, height: 520,
  title: "p*(N): first Gibbs pass with KS distance to TW within noise", xLabel: "N (log scale)",
  yLabel: "p*(N)" }));
' -- x2-beta1 x4-beta1 x4x2-beta1 x2-beta2 x4-beta2 x4x2-beta2 x2-beta4 x4-beta4 x4x2-beta4 x4-beta2-hermite
