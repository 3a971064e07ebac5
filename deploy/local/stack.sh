#!/usr/bin/env bash
# Functions that start the local stack on loopback: two connected regtest coin nodes (litecoind, or bitcoind when
# COIN_DAEMON=bitcoind), redis-server, anvil.
# Sourced by run.sh; every server gets a free port chosen now and a directory under $STACK_DIR.

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Ports below the ephemeral range (32768 and up), so outgoing connections cannot take one before its server binds it.
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((12000 + RANDOM % 20000))
    if port_is_free "$port" && [[ " ${STACK_PORTS[*]:-} " != *" $port "* ]]; then
      STACK_PORTS+=("$port")
      echo "$port"
      return 0
    fi
  done
  echo "stack: no free port found" >&2
  return 1
}

wait_for() { # description, seconds, command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 10))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "stack: $what did not come up within ${seconds}s" >&2
  return 1
}

COIN_DAEMON=${COIN_DAEMON:-litecoind}
COIN_CLI=${COIN_CLI:-litecoin-cli}

# coin_cli NODE ARGS...: talks to node 1 or 2.
coin_cli() {
  local node=$1; shift
  "$COIN_CLI" -regtest -datadir="$STACK_DIR/node$node" -rpcport="${NODE_RPC_PORT[$node]}" "$@"
}

# The command line a person can paste to talk to node NODE.
coin_cli_line() {
  echo "$COIN_CLI -regtest -datadir=$STACK_DIR/node$1 -rpcport=${NODE_RPC_PORT[$1]}"
}

start_coin_pair() {
  declare -gA NODE_RPC_PORT NODE_P2P_PORT
  local node
  for node in 1 2; do
    NODE_RPC_PORT[$node]=$(free_port)
    NODE_P2P_PORT[$node]=$(free_port)
    mkdir -p "$STACK_DIR/node$node"
  done
  for node in 1 2; do
    local peer=$((3 - node))
    setsid "$COIN_DAEMON" -regtest -datadir="$STACK_DIR/node$node" -server -listen -bind=127.0.0.1 \
      -port="${NODE_P2P_PORT[$node]}" -rpcport="${NODE_RPC_PORT[$node]}" -rpcbind=127.0.0.1 -rpcallowip=127.0.0.1 \
      -addnode="127.0.0.1:${NODE_P2P_PORT[$peer]}" -fallbackfee=0.0002 -txindex=1 -printtoconsole=0 \
      >"$STACK_DIR/node$node.log" 2>&1 &
    STACK_PIDS+=($!)
  done
  for node in 1 2; do
    wait_for "$COIN_DAEMON node $node" 60 coin_cli "$node" getblockchaininfo
    coin_cli "$node" createwallet stack >/dev/null
  done
  wait_for "$COIN_DAEMON peers" 60 bash -c "[ \"\$($(coin_cli_line 1) getconnectioncount)\" -ge 1 ]"
  # Coins for wallet transactions in templates, and a chain past the first maturity window.
  coin_cli 2 generatetoaddress 101 "$(coin_cli 2 getnewaddress)" >/dev/null
  NODE_COOKIE_FILE="$STACK_DIR/node1/regtest/.cookie"
}

start_redis() {
  REDIS_PORT=$(free_port)
  mkdir -p "$STACK_DIR/redis"
  setsid redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$STACK_DIR/redis" --appendonly yes \
    --appendfsync everysec --save "" >"$STACK_DIR/redis.log" 2>&1 &
  STACK_PIDS+=($!)
  wait_for "redis-server" 20 redis-cli -p "$REDIS_PORT" ping
}

# Stops what was started, newest first (the pool before the servers it writes to), each given time to exit cleanly;
# says what it stops and what had to be killed, so a slow shutdown shows where it hangs.
stop_stack() {
  local i pid name
  for ((i = ${#STACK_PIDS[@]} - 1; i >= 0; i--)); do
    pid=${STACK_PIDS[$i]}
    name=$(ps -o args= -p "$pid" 2>/dev/null | cut -c1-60) || true
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 150); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -KILL "$pid" 2>/dev/null; then
      echo "stack: $name (pid $pid) did not stop within 15 s of SIGTERM; killed" >&2
    fi
  done
}

start_anvil() {
  ANVIL_PORT=$(free_port)
  setsid node_modules/.bin/anvil --host 127.0.0.1 --port "$ANVIL_PORT" --silent >"$STACK_DIR/anvil.log" 2>&1 &
  STACK_PIDS+=($!)
  wait_for "anvil" 30 bash -c "(exec 3<>/dev/tcp/127.0.0.1/$ANVIL_PORT) 2>/dev/null"
}
