#!/usr/bin/env bash
# Local development: deploy the reward token on a running anvil with its public dev keys, then run `pool settle`
# every minute until stopped. Used by the local stack; never on a real chain (`--dev` refuses any chain but 31337).
# Usage: dev-settle-loop.sh [pool settle options, e.g. --config config/pool.litecoin-regtest.json]
# Needs: POOL_EVM_RPC_URL (anvil), POOL_FEE_ADDRESS, and Redis and the pool id (POOL_REDIS and POOL_ID, or --config);
# optional POOL_BIN (default: pool on PATH), POOL_SETTLE_INTERVAL_SECONDS (default 60). The settler key is anvil's dev
# account 1, passed through the environment.
set -euo pipefail

pool_bin=${POOL_BIN:-pool}
interval=${POOL_SETTLE_INTERVAL_SECONDS:-60}
: "${POOL_EVM_RPC_URL:?set POOL_EVM_RPC_URL to the local anvil, e.g. http://127.0.0.1:8545}"
: "${POOL_FEE_ADDRESS:?set POOL_FEE_ADDRESS to the EVM address receiving the pool fee}"

if [ -z "${POOL_TOKEN_ADDRESS:-}" ]; then
  line=$("$pool_bin" token deploy --rpc "$POOL_EVM_RPC_URL" --dev --name "Pool Reward (dev)" --symbol pDEV | tee /dev/stderr | grep '^POOL_TOKEN_ADDRESS=')
  export POOL_TOKEN_ADDRESS=${line#POOL_TOKEN_ADDRESS=}
fi

# anvil's dev account 1 (public test mnemonic): the settler chosen by `pool token deploy --dev`.
export POOL_SETTLER_KEY=${POOL_SETTLER_KEY:-0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d}
export POOL_SETTLE_CONFIRMATIONS=${POOL_SETTLE_CONFIRMATIONS:-1}

while true; do
  "$pool_bin" settle "$@" || echo "pool settle exited with $? (see exit codes in src/Pool.Settlement/README.md)" >&2
  sleep "$interval"
done
