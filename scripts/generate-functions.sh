#!/usr/bin/env bash
# Writes the code that follows from the functions' declarations ([HttpFunction], [QueueFunction], [TimerFunction]):
# the Azure [Function] wrappers (src/LeadFunctions.FunctionApp/<Feature>/<Feature>Functions.g.cs) and the self-hosted runtime's
# bindings (src/LeadFunctions.Host/FunctionBindings.g.cs). Run it after adding, renaming or re-triggering a function.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project tools/LeadFunctions.Codegen -c Release -- "$(pwd)"
