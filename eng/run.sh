#!/usr/bin/env bash
# Runs the whole system: PostgreSQL, RabbitMQ, the simulator (default source), the pipeline and the GraphQL API,
# under the Aspire AppHost and its dashboard. Ctrl+C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
eng/prereqs.sh

cat <<'INFO'
Starting OrderAnalytics (first build takes a few minutes)…
  Dashboard  http://localhost:18888    (the login link with its token is printed below)
  GraphQL    http://localhost:5100/graphql        (key: dotnet user-secrets list --project OrderAnalytics.AppHost)
  Webhook    http://localhost:5101/webhooks/petpooja
  Simulator  http://localhost:5102/analytics/orders/?limit=5   (development stand-in for the upstream)
  Fetcher    http://localhost:5103/sync
Press Ctrl+C to stop.
INFO
exec dotnet run --project OrderAnalytics.AppHost --launch-profile http -- "$@"
