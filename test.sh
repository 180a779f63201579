#!/usr/bin/env bash
# Runs every test: the unit tests (Core, Functions) and the integration tests (each assembly starts its own Azurite).
# Prints one closing line "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
source scripts/tools.sh
ensure_tools --with-browser

# The C# is formatted by CSharpier (the version in dotnet-tools.json, the line length in .editorconfig).
dotnet tool restore >/dev/null
dotnet csharpier check . >/dev/null || { echo "Run: dotnet csharpier format ." >&2; exit 1; }

dotnet build LeadFunctions.sln -c Release -nologo -v quiet -clp:ErrorsOnly
log=$(mktemp)
status=0
dotnet test LeadFunctions.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 53, Skipped: 0, Total: 53, ..."
read -r passed failed skipped < <(awk -F'[:,]' '/ - Failed: +[0-9]+, Passed: +[0-9]+/ {
  for (i = 1; i <= NF; i++) { gsub(/ /, "", $i) }
  for (i = 1; i < NF; i++) {
    if ($i ~ /Failed$/) f += $(i+1); if ($i == "Passed") p += $(i+1); if ($i == "Skipped") s += $(i+1)
  }
} END { print p+0, f+0, s+0 }' "$log")
rm -f "$log"

if [ -x scripts/check-infra.sh ]; then
  scripts/check-infra.sh || status=1
fi

echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
