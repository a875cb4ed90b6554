#!/bin/bash
# Submits the shards (slurm-array.sh) and a merge that runs only if every shard succeeded.
set -euo pipefail
mkdir -p logs parts
shards=$(sbatch --parsable slurm-array.sh)
sbatch --dependency=afterok:"${shards%%;*}" --job-name=betaens-merge --output=logs/merge.log \
  --wrap "betaens merge parts/part-*.bep --output lambda-max.npy"
# A lost shard (say 17 of 64): re-run it alone, then merge again:
#   sbatch --wrap "betaens sample … --seed 42 --shard 17/64 --output parts/part-{shard}.bep"
