#!/usr/bin/env bash
# Starts the machine's RabbitMQ (Debian rabbitmq-server) as an Aspire executable resource.
# Inputs: OA_RMQ_DATA (data folder), OA_RMQ_PORT (AMQP), OA_RMQ_DIST_PORT (default AMQP+1), OA_RMQ_USER, OA_RMQ_PASSWORD, ERL_EPMD_PORT,
# OA_RMQ_LOG_LEVEL (console log level, default warning; info shows connections, shutdown and queue recovery).
# epmd runs as its own resource (see AppHost): with -start_epmd false no epmd is left behind on shutdown.
set -euo pipefail
: "${OA_RMQ_DATA:?}" "${OA_RMQ_PORT:?}" "${OA_RMQ_USER:?}" "${OA_RMQ_PASSWORD:?}" "${ERL_EPMD_PORT:?}"
server=/usr/lib/rabbitmq/bin/rabbitmq-server
[ -x "$server" ] || { echo "rabbitmq-server not found (apt-get install rabbitmq-server)" >&2; exit 1; }

# The node's database is keyed by the password's hash: default_user only applies to a fresh node,
# so a changed password gets a fresh node rather than a broker that rejects us. The "q" marks the node generation whose
# work queues are quorum queues: a node from before holds them as classic queues and would refuse the new declarations.
pwhash=q$(printf '%s' "$OA_RMQ_PASSWORD" | sha256sum | cut -c1-12)
mkdir -p "$OA_RMQ_DATA/log" "$OA_RMQ_DATA/home"
conf="$OA_RMQ_DATA/rabbitmq.conf"
umask 077
cat > "$conf" <<CONF
listeners.tcp.default = 127.0.0.1:$OA_RMQ_PORT
default_user = $OA_RMQ_USER
default_pass = $OA_RMQ_PASSWORD
loopback_users = none
log.console = true
log.console.level = ${OA_RMQ_LOG_LEVEL:-warning}
log.file = false
max_message_size = 134217728
CONF
echo '[].' > "$OA_RMQ_DATA/enabled_plugins"

export HOME="$OA_RMQ_DATA/home"                    # the Erlang cookie lives here, not in root's home
export RABBITMQ_NODENAME="oa-rabbit-$OA_RMQ_PORT@localhost"
export RABBITMQ_CONFIG_FILE="$conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$OA_RMQ_DATA/enabled_plugins"
export RABBITMQ_MNESIA_BASE="$OA_RMQ_DATA/mnesia-$pwhash"
export RABBITMQ_LOG_BASE="$OA_RMQ_DATA/log"
export RABBITMQ_DIST_PORT="${OA_RMQ_DIST_PORT:-$((OA_RMQ_PORT + 1))}"   # Erlang distribution (rabbitmqctl)
export ERL_CRASH_DUMP="$OA_RMQ_DATA/log/erl_crash.dump"
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-start_epmd false"
exec "$server"
