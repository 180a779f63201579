#!/usr/bin/env bash
# Measures the figures of docs/performance.md (the README shows the latest), each against a baseline taken in the
# same run (this machine is shared and noisy). Prints "name: value (target)" per figure.
#   ./bench.sh                 everything (about 45 minutes; rescoring 100,000 leads is half of it)
#   ./bench.sh speed|scoring|rescore|reliability [--quick] [--leads N]
#   ./bench.sh intake          only intake throughput and latency (about 2 minutes; part of speed)
#   ./bench.sh intake --on-disk  the same on Azurite on disk, as ./run.sh starts it
#   ./bench.sh nurture [--quick]        scheduled emails: 10,000 due among 100,000 enrollments through the timer, nurture-send
#                                       and a SendGrid stand-in, against raw POSTs of the same requests (about 10 minutes)
#   ./bench.sh welcome                  form POSTs at 50 leads/s, each to its welcome email at the stand-in (part of nurture)
#   ./bench.sh nurture-crash [--quick]  2,000 leads' two-step drip while the host is SIGKILLed every 2-6 s: each step sent at most once;
#                                       again with SendGrid's events and Nurture:ResendUnconfirmedAfter: each step sent exactly once
#   ./bench.sh funnel [--quick]         FunnelCounts rows one funnel report per dimension reads at 100,000 leads ÷ at 10,000
#                                       (--quick: 10,000 ÷ 1,000); a row count, not a timing (about a minute)
#   ./bench.sh webinars [--quick]       registrants/s through each webinar webhook ÷ a raw enqueue in the same run (a minute or two)
#   ./bench.sh ui [--quick]             the workspace's campaign list, campaign results, lead search and lead page, p95 with
#                                       100,000 leads and 20 campaigns (--quick: 10,000), against a raw point read
#   ./bench.sh webinar-end [--quick]    5,000 Zoom registrants (--quick: 500) in the demo's webinar journey, all
#                                       no-shows, then webinar.ended: seconds until every one is on the no-show branch
#                                       (≤ 60 s)
#   ./bench.sh --help                   this list (an unknown part or flag is refused with it, nothing run)
set -euo pipefail
cd "$(dirname "$0")"
if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 0
fi
source scripts/tools.sh
ensure_tools
dotnet build LeadFunctions.sln -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet bench/LeadFunctions.Benchmarks/bin/Release/net10.0/LeadFunctions.Benchmarks.dll "$@"
