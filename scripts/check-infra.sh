#!/usr/bin/env bash
# Builds and lints infra/main.bicep (or the file given) with the Bicep CLI from NuGet; no Azure CLI needed.
# Fails on any Bicep error or warning.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-infra/main.bicep}

if ! log=$(dotnet restore infra/tools/BicepCli.csproj --packages .tools/nuget 2>&1); then
  echo "$log" >&2
  exit 1
fi
version=$(sed -n 's/.*Azure.Bicep.CommandLine.linux-x64" Version="\[\(.*\)\]".*/\1/p' infra/tools/BicepCli.csproj)
bicep=.tools/nuget/azure.bicep.commandline.linux-x64/$version/tools/bicep
if [ ! -f "$bicep" ]; then
  echo "infra: no Bicep CLI at $bicep" >&2
  exit 1
fi
chmod +x "$bicep"

if ! out=$("$bicep" build "$file" --stdout 2>&1 >/dev/null); then
  echo "$out" >&2
  exit 1
fi
# Bicep exits non-zero on errors only, so a warning that lint prints fails the check as well.
if ! out=$("$bicep" lint "$file" 2>&1) || [ -n "$out" ]; then
  echo "$out" >&2
  exit 1
fi
echo "infra: bicep build ok"
