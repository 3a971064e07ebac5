#!/usr/bin/env bash
# Starts the local stack and the pool in the foreground; Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
coin=${1:-litecoin}
dotnet build src/Pool.Host -c Release -v quiet -nologo
exec dotnet src/Pool.Host/bin/Release/net10.0/pool.dll run --coin "$coin"
