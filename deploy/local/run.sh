#!/usr/bin/env bash
# `make run [COIN=litecoin|bitcoin]`: starts two connected regtest coin nodes, redis-server and anvil on free loopback
# ports, deploys the reward token, settles every minute, and runs the pool on 127.0.0.1:3333 in the foreground.
# Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
coin=${1:-litecoin}
case "$coin" in
  litecoin) COIN_DAEMON=litecoind COIN_CLI=litecoin-cli algorithm=scrypt pool_id=ltc-regtest ;;
  bitcoin) COIN_DAEMON=bitcoind COIN_CLI=bitcoin-cli algorithm=sha256d pool_id=btc-regtest ;;
  *) echo "make run: COIN must be litecoin or bitcoin, not '$coin'" >&2; exit 2 ;;
esac
if ! command -v "$COIN_DAEMON" >/dev/null; then
  echo "make run COIN=$coin: $COIN_DAEMON is not on PATH (Debian packages litecoind but not bitcoind)" >&2
  exit 2
fi
config=config/pool.$coin-regtest.json

STACK_DIR=$(mktemp -d /tmp/pool-run.XXXXXX)
STACK_PIDS=()
STACK_PORTS=()
source deploy/local/stack.sh
cleanup() {
  trap - EXIT INT TERM
  echo "stopping the local stack" >&2
  stop_stack
  rm -rf "$STACK_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "building the pool" >&2
# No build servers: a compiler or MSBuild node left running would keep this script's output open after Ctrl-C.
dotnet build src/Pool.Host -c Release -v quiet -nologo --disable-build-servers >/dev/null

echo "starting two $COIN_DAEMON regtest nodes, redis-server and anvil under $STACK_DIR" >&2
start_coin_pair
start_redis
start_anvil

pool_address=$(coin_cli 1 getnewaddress pool bech32)
miner_address=$(coin_cli 1 getnewaddress miner bech32)

export POOL_Chain__NodeUrl="http://127.0.0.1:${NODE_RPC_PORT[1]}/"
export POOL_Chain__RpcCookieFile="$NODE_COOKIE_FILE"
export POOL_Chain__PoolAddress="$pool_address"
export POOL_Ledger__RedisConfiguration="127.0.0.1:$REDIS_PORT"
export POOL_Ledger__SpoolDirectory="$STACK_DIR/spool"
export POOL_Ledger__PoolId="$pool_id"
export POOL_Host__HttpListen="127.0.0.1:$(free_port)"

# Settlement: a dev token on anvil, settled every minute by anvil's public dev settler key; the fee goes to dev account 2.
# `pool settle --config` reads the pool's own file (pool id, Redis, payout settings) with the overrides exported above.
export POOL_BIN="$PWD/deploy/local/pool" POOL_EVM_RPC_URL="http://127.0.0.1:$ANVIL_PORT"
export POOL_FEE_ADDRESS=0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc
bash deploy/settle/dev-settle-loop.sh --config "$config" >"$STACK_DIR/settle.log" 2>&1 &
STACK_PIDS+=($!)

cat <<INFO

  Pool:    stratum+tcp://127.0.0.1:3333 ($coin regtest, $algorithm)
  Miner:   minerd -a $algorithm -o stratum+tcp://127.0.0.1:3333 -u $miner_address -p x
           (add eth=0xYOUR_EVM_ADDRESS to the password, e.g. -p "x,eth=0x…", to receive reward tokens)
  Metrics: http://$POOL_Host__HttpListen/metrics   Health: http://$POOL_Host__HttpListen/health
  Stats:   http://$POOL_Host__HttpListen/api/pool   http://$POOL_Host__HttpListen/api/miners/$miner_address
  Node:    $(coin_cli_line 1) getblockcount
  Mature a found block (100 confirmations) so the next settle run pays it:
           $(coin_cli_line 2) generatetoaddress 100 \$($(coin_cli_line 2) getnewaddress)
  Tokens:  anvil at $POOL_EVM_RPC_URL, settled every minute (log: $STACK_DIR/settle.log)

INFO

deploy/local/pool run --config "$config" &
STACK_PIDS+=($!)
wait "${STACK_PIDS[-1]}"
