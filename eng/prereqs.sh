#!/usr/bin/env bash
# Installs what the system needs on a fresh Debian/Ubuntu machine that has only the .NET SDK: without a healthy
# container runtime, PostgreSQL and RabbitMQ run as local executables, so their packages must be here; the tests
# also need Chromium (OA_NEED_BROWSER=1). Safe to run again: it installs only what is missing.
set -euo pipefail

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required: https://dot.net (it is the one thing this script does not install)." >&2
  exit 1
fi

container_runtime_ok() {
  local rt="${ASPIRE_CONTAINER_RUNTIME:-docker}"
  command -v "$rt" >/dev/null 2>&1 && timeout 10 "$rt" info >/dev/null 2>&1
}

need=()
# The tests always use local servers (they start their own on free ports), so they need the packages too.
if [ "${OA_NEED_SERVERS:-0}" = 1 ] || ! container_runtime_ok; then
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need+=(rabbitmq-server)
fi
if [ "${OA_NEED_BROWSER:-0}" = 1 ] && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi

if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # Debian starts the packaged services on install where it can; ours run under the AppHost and the tests instead.
  $sudo service rabbitmq-server stop >/dev/null 2>&1 || true
  $sudo service postgresql stop >/dev/null 2>&1 || true
  $sudo pkill -x epmd >/dev/null 2>&1 || true
fi
