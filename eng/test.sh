#!/usr/bin/env bash
# Runs every test: unit tests, the loader against a real PostgreSQL, consumers against a real RabbitMQ, and
# the whole system through Aspire.Hosting.Testing (executables mode where no container runtime is healthy).
set -euo pipefail
cd "$(dirname "$0")/.."
OA_NEED_SERVERS=1 OA_NEED_BROWSER=1 eng/prereqs.sh
# Kubernetes manifests and Dockerfiles: rendered, schema-checked and linted (no cluster, no image build).
eng/validate-deploy.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
status=0
dotnet build OrderAnalytics.sln -c Release -v q -nologo | tail -n 3
dotnet test OrderAnalytics.sln -c Release --no-build --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?

# One closing line over all test projects, in the form CI reads.
sum() { { grep -oE "$1: +[0-9]+" "$log" || true; } | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
rm -f "$log"
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
[ "${passed:-0}" -gt 0 ] || { echo "No test ran." >&2; exit 1; }
exit $status
