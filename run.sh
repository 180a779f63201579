#!/usr/bin/env bash
# Starts Azurite and the LeadFunctions host at http://127.0.0.1:7071 with demo-ready defaults.
# Ctrl+C stops both. Data lives in .azurite/ between runs.
#   ./run.sh              Azurite on disk (.azurite/): data survives a restart
#   ./run.sh --in-memory  Azurite in memory: nothing kept, but no autosave stalls (several times the throughput under load)
#   ./run.sh --demo       Azurite in memory, then a Turkish and English demo data set sent through the API
#                         (tools/LeadFunctions.Demo): a fresh demo each time, and no demo leads left in .azurite/
set -euo pipefail
cd "$(dirname "$0")"
demo=""
case "${1:-}" in
  "") persistence=(--location .azurite) ;;
  --in-memory) persistence=(--inMemoryPersistence) ;;
  --demo) persistence=(--inMemoryPersistence); demo=1 ;;
  *) echo "usage: ./run.sh [--in-memory|--demo]" >&2; exit 2 ;;
esac
source scripts/tools.sh
ensure_tools

[ -f local.settings.json ] || cp local.settings.sample.json local.settings.json

azurite_pid=""
host_pid=""
# Stops what this script started, however it ends (Ctrl+C, a failed build, a host that refused its
# configuration). Each step tolerates a process already gone: under set -e a failing kill in a trap would
# end the script before Azurite is stopped.
cleanup() {
  if [ -n "$host_pid" ]; then kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; fi
  if [ -n "$azurite_pid" ]; then kill "$azurite_pid" 2>/dev/null || true; wait "$azurite_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if (exec 3<>/dev/tcp/127.0.0.1/10001) 2>/dev/null; then
  echo "Azurite is already listening on 127.0.0.1:10000-10002; using it${demo:+ (the demo data goes into it)}."
else
  mkdir -p .azurite
  # --skipApiVersionCheck: the current Azure SDKs send API versions newer than Azurite 3.37 knows.
  # --disableTelemetry: Azurite otherwise reports usage to Application Insights.
  node_modules/.bin/azurite --silent --skipApiVersionCheck --disableTelemetry "${persistence[@]}" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >.azurite/azurite.log 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 50); do
    (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null && break
    sleep 0.2
  done
fi

dotnet build src/LeadFunctions.Host -c Release -v quiet -nologo >/dev/null
[ -z "$demo" ] || dotnet build tools/LeadFunctions.Demo -c Release -v quiet -nologo >/dev/null
echo "LeadFunctions is starting at http://127.0.0.1:7071 (function key: see local.settings.json)"
echo "The workspace: http://127.0.0.1:7071/api/app (sign in with the function key, or the master key as an admin)"
ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
  dotnet src/LeadFunctions.Host/bin/Release/net10.0/LeadFunctions.Host.dll --contentRoot "$PWD" &
host_pid=$!
if [ -n "$demo" ]; then
  # Waits for /api/health itself, then seeds through the public routes; a failure stops the host too (the trap).
  dotnet tools/LeadFunctions.Demo/bin/Release/net10.0/LeadFunctions.Demo.dll --url http://127.0.0.1:7071 --settings local.settings.json
fi
status=0
wait "$host_pid" || status=$?
host_pid=""
exit "$status"
