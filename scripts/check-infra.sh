#!/usr/bin/env bash
# Builds and lints infra/main.bicep (or the file given) with the Bicep CLI from NuGet; no Azure CLI needed.
# Fails on any Bicep error or warning.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-infra/main.bicep}

if ! out=$(scripts/bicep.sh build "$file" --stdout 2>&1 >/dev/null); then
  echo "$out" >&2
  exit 1
fi
# Bicep exits non-zero on errors only, so a warning that lint prints fails the check as well.
if ! out=$(scripts/bicep.sh lint "$file" 2>&1) || [ -n "$out" ]; then
  echo "$out" >&2
  exit 1
fi
echo "infra: bicep build ok"
