#!/usr/bin/env bash
# Builds and lints infra/main.bicep with the Bicep CLI from NuGet (no Azure CLI needed). Fails on any error.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet restore infra/tools/BicepCli.csproj --packages .tools/nuget -v quiet >/dev/null
bicep=$(find .tools/nuget/azure.bicep.commandline.linux-x64 -path '*/tools/bicep' -type f | head -n 1)
chmod +x "$bicep"
"$bicep" build infra/main.bicep --stdout >/dev/null
"$bicep" lint infra/main.bicep
echo "infra: bicep build ok"
