#!/usr/bin/env bash
# Installs what a fresh Debian machine with the .NET 10 SDK lacks, into ignored folders of the repository:
#   .native/onnxruntime/libonnxruntime.so.1  — ONNX Runtime 1.30.0, taken from the npm package onnxruntime-node
# Idempotent: does nothing that is already done.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ort_dir="$root/.native/onnxruntime"
ort_lib="$ort_dir/libonnxruntime.so.1"
ort_version="1.30.0"

if [[ ! -s "$ort_lib" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: npm is needed to fetch ONNX Runtime (apt-get install -y npm)" >&2
    exit 1
  fi
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  echo "setup: fetching onnxruntime-node@$ort_version (native ONNX Runtime only)"
  (cd "$tmp" && npm pack "onnxruntime-node@$ort_version" --silent >/dev/null)
  tar -xzf "$tmp"/onnxruntime-node-"$ort_version".tgz -C "$tmp" package/bin/napi-v6/linux/x64/libonnxruntime.so.1
  mkdir -p "$ort_dir"
  cp "$tmp/package/bin/napi-v6/linux/x64/libonnxruntime.so.1" "$ort_lib.tmp"
  mv "$ort_lib.tmp" "$ort_lib"
  echo "setup: ONNX Runtime at $ort_lib"
fi
