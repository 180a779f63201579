#!/usr/bin/env bash
# Runs the Bicep CLI pinned in infra/tools/BicepCli.csproj (from NuGet, no Azure CLI needed) with the
# arguments given, e.g. scripts/bicep.sh build infra/main.bicep --stdout.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if ! log=$(dotnet restore "$root/infra/tools/BicepCli.csproj" --packages "$root/.tools/nuget" 2>&1); then
  echo "$log" >&2
  exit 1
fi
version=$(sed -n 's/.*Azure.Bicep.CommandLine.linux-x64" Version="\[\(.*\)\]".*/\1/p' "$root/infra/tools/BicepCli.csproj")
bicep=$root/.tools/nuget/azure.bicep.commandline.linux-x64/$version/tools/bicep
if [ ! -f "$bicep" ]; then
  echo "infra: no Bicep CLI at $bicep" >&2
  exit 1
fi
chmod +x "$bicep"
exec "$bicep" "$@"
