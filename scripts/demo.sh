#!/usr/bin/env bash
# The main job on sample data: sets up, builds, creates the sample input database from samples/vana-dummy-data.sql,
# runs the tables pipeline with samples/vana-presidio-config.json (embedded silo), and prints the report summary.
# Output: out/demo/output/query_results.db and out/demo/output/anonymization_report.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
dotnet build Client/PiiOrleans.Client.csproj -c Release -nologo -v q
client=(dotnet "$root/Client/bin/Release/net10.0/piiorleans.dll")
rm -rf out/demo
"${client[@]}" db create --sql samples/vana-dummy-data.sql -o out/demo/input/query_results.db
"${client[@]}" --plain tables -i out/demo/input/query_results.db -o out/demo/output -c samples/vana-presidio-config.json "$@"
echo
echo "Anonymized database: out/demo/output/query_results.db"
echo "Report:              out/demo/output/anonymization_report.json"
