#!/bin/bash
# One shard of a sharded betaens run per Slurm array task (docs/scale.md).
# Submit with slurm-submit.sh, which also queues the merge after the array succeeds.
#SBATCH --job-name=betaens-shards
#SBATCH --array=0-63
#SBATCH --cpus-per-task=4
#SBATCH --mem=1G
#SBATCH --output=logs/shard-%a.log
set -euo pipefail
# --shard auto reads SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT and SLURM_ARRAY_TASK_MIN;
# "{shard}" in --output becomes this task's shard index. --seed is required (all shards share it).
betaens sample hermite --n 1e6 --beta 2 --stat max --samples 1e8 --seed 42 \
  --workers "${SLURM_CPUS_PER_TASK:-1}" --shard auto --output parts/part-{shard}.bep
