#!/usr/bin/env bash
# Installs what a fresh Debian machine with the .NET 10 SDK lacks. Nothing, today: ONNX Runtime comes from NuGet
# (Microsoft.ML.OnnxRuntime, native library inside the package) with `dotnet restore`. Kept because scripts/test.sh
# and scripts/demo.sh call it.
echo "setup: nothing to install (every dependency comes from NuGet with dotnet restore)"
