#!/usr/bin/env bash
# Installs what the system needs on a fresh Debian/Ubuntu machine that has only the .NET SDK:
# without a healthy container runtime, PostgreSQL and RabbitMQ run as local executables, so their
# packages must be here. Safe to run again: it installs only what is missing.
set -euo pipefail

need=()
if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required: https://dot.net (it is the one thing this script does not install)." >&2
  exit 1
fi
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then need+=(postgresql); fi
if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then need+=(rabbitmq-server); fi
if [ "${OA_NEED_BROWSER:-0}" = 1 ] && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi

container_runtime_ok() {
  local rt="${ASPIRE_CONTAINER_RUNTIME:-docker}"
  command -v "$rt" >/dev/null 2>&1 && timeout 10 "$rt" info >/dev/null 2>&1
}

if [ ${#need[@]} -gt 0 ]; then
  if container_runtime_ok && [ "${OA_FORCE_EXECUTABLES:-0}" != 1 ]; then
    echo "Container runtime found: PostgreSQL and RabbitMQ will run as containers (no local install needed)."
  else
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    echo "Installing: ${need[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    # Debian starts the packaged services on install where it can; ours run under the AppHost instead.
    $sudo service rabbitmq-server stop >/dev/null 2>&1 || true
    $sudo service postgresql stop >/dev/null 2>&1 || true
  fi
fi
