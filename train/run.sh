#!/usr/bin/env bash
# The whole recipe: locale data → training on real text + generated records → ONNX export into models/piiorleans-ner-small.
# Needs ../shared/data/ner (the real corpora; NER_DATA overrides the path). About 90 minutes on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
py=/usr/bin/python3
export LD_LIBRARY_PATH="/usr/lib/x86_64-linux-gnu/openblas-pthread${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export OMP_WAIT_POLICY=PASSIVE
bogus="${BOGUS_DLL:-$HOME/.nuget/packages/bogus/34.0.2/lib/net6.0/Bogus.dll}"
[[ -f "$bogus" ]] || { echo "train: $bogus not found; run 'dotnet restore PiiOrleans.sln' first" >&2; exit 1; }
out="$root/train/out"
"$py" "$root/train/extract_bogus.py" "$bogus" "$root/train/data/locales"
# Phase 1: conv + BiLSTM from scratch, lr 2e-3 with linear decay over the time budget.
"$py" "$root/train/train_real.py" --minutes "${MINUTES:-62}" --threads "${THREADS:-2}" --out "$out"
# Phase 2: a second, shorter decay from phase 1's best checkpoint (same vocabulary).
mkdir -p "$out/phase2" && cp "$out/vocab.txt" "$out/phase2/vocab.txt"
"$py" "$root/train/train_real.py" --minutes "${MINUTES2:-28}" --threads "${THREADS:-2}" --lr 8e-4 --synthetic 0.4 --resume "$out/best.pt" --out "$out/phase2"
"$py" "$root/train/export.py" --checkpoint "$out/phase2/best.pt" --fp32 --out "$root/models/piiorleans-ner-small"
