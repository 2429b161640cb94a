#!/usr/bin/env bash
# The whole recipe: locale data → training → ONNX export + int8 quantization into models/piiorleans-ner-small.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
py=/usr/bin/python3
export LD_LIBRARY_PATH="/usr/lib/x86_64-linux-gnu/openblas-pthread${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export OMP_WAIT_POLICY=PASSIVE
bogus="${BOGUS_DLL:-$HOME/.nuget/packages/bogus/34.0.2/lib/net6.0/Bogus.dll}"
[[ -f "$bogus" ]] || { echo "train: $bogus not found; run 'dotnet restore PiiOrleans.sln' first" >&2; exit 1; }
"$py" "$root/train/extract_bogus.py" "$bogus" "$root/train/data/locales"
"$py" "$root/train/train.py" --minutes "${MINUTES:-95}" --threads "${THREADS:-2}" --d 192 --layers 3 --heads 4 --ffn 512 \
  --vocab 10000 --lr 8e-4 --out "$root/train/out"
"$py" "$root/train/export.py" --checkpoint "$root/train/out/best.pt" --out "$root/models/piiorleans-ner-small"
