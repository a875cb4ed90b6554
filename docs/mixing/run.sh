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

# The summary table (summary.json) and the combined figures (pstar.svg, contraction.svg).
node --import tsx docs/mixing/summarize.ts
