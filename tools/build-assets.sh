#!/usr/bin/env bash
# Rebuilds the models that ship with the workbench (assets/models/*.gradlens) through the CLI.
#
#   tools/build-assets.sh            # all bundles
#   tools/build-assets.sh sentiment  # only the sentiment LSTM
#   tools/build-assets.sh mnist      # only the MNIST CNN
#   tools/build-assets.sh price      # only the price regression model (Sensitivity tab)
#
# Seeds are fixed, so a rebuild on the same machine gives the same bundles. On 2 cores each model
# takes a few minutes. Each run prints one JSON line per epoch (val_accuracy is the test split).
set -euo pipefail
# One OpenMP thread per ND4J op: on a busy machine, spinning OpenMP teams slow small ops down a lot.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/assets/models"
mkdir -p "$out"
what="${1:-all}"

if [ "$what" = all ] || [ "$what" = sentiment ]; then
  # Review-sentence sentiment (built-in `sentences`): embedding 64, LSTM 64, 5 epochs of Adam.
  # The vocabulary is capped so the bundle stays well under 3 MB.
  "$root/bin/gradlens" train --dataset sentences --arch lstm --embedding-dim 64 --units 64 \
    --epochs 5 --batch-size 64 --optimizer adam --lr 0.01 --vocab-size 5000 \
    --max-length 40 --seed 7 \
    --out "$out/sentiment-lstm.gradlens"
fi

if [ "$what" = all ] || [ "$what" = mnist ]; then
  # Handwritten digits (built-in `mnist`, 10,000 train / 10,000 test): the small CNN
  # (conv 32 - pool - conv 64 - pool - dense 64), 2 epochs over the first 8,000 training images.
  "$root/bin/gradlens" train --dataset mnist --arch cnn --hidden 64 --epochs 2 --batch-size 64 \
    --optimizer adam --lr 0.002 --limit 8000 --seed 7 --out "$out/mnist-cnn.gradlens"
fi
if [ "$what" = all ] || [ "$what" = price ]; then
  # The multi-input price model on the built-in tabular `price` dataset:
  # out = (hidden(features) + 1) * reference_price, hidden = Dense(1) . Dense(8, tanh); Adam 0.01.
  "$root/bin/gradlens" train --dataset price --units 8 --epochs 60 --batch-size 32 --lr 0.01 --seed 7 \
    --out "$out/price-model.gradlens"
fi
ls -l "$out"
