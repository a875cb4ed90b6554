#!/bin/sh
# TW_β by simulation, for the validation of the computed law (docs/tracy-widom/README.md):
# `betaens tw sample` (the truncated tridiagonal Hermite model at N = 1e5) for β = 0.5, 1.5, 3, 6,
# 10 shards of 1e6 samples per β, shard k drawn with seed 1000·β·10 + k (disjoint random streams),
# run as P parallel low-priority processes (each also uses the pool's default --workers). Then:
#   node --import tsx docs/tracy-widom/summarize.ts > docs/tracy-widom/simulation-1e7.json
# Cost (6 Dec 2026, 2 cores): ≈ 2 min wall per pair of shards at β = 6, ≈ 4–5 min at β = 0.5,
# i.e. ≈ 10 (β = 6) to ≈ 25 (β = 0.5) minutes wall per β on two cores.
set -e
cd "$(dirname "$0")/../.."
OUT=${SAMPLES_DIR:-docs/tracy-widom/samples}
P=${P:-2}
N=${N:-100000}
SHARDS=${SHARDS:-10}
mkdir -p "$OUT"
for beta in 0.5 1.5 3 6; do
  k=0
  while [ "$k" -lt "$SHARDS" ]; do
    seed=$(awk "BEGIN { printf \"%d\", $beta * 10000 + $k }")
    file="$OUT/beta$beta-n$N-seed$seed.npy"
    [ -f "$file" ] || echo "$beta $seed $file"
    k=$((k + 1))
  done
done | xargs -P "$P" -L 1 sh -c 'nice -n 19 node --import tsx src/cli/bin.ts tw sample --beta "$0" --samples 1000000 --seed "$1" --n '"$N"' --format npy --output "$2.part.npy" && mv "$2.part.npy" "$2"'
