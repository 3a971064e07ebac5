# `make test` and `make run` install what is missing first, so a machine with only the .NET SDK works.
SHELL := /bin/bash
CONFIGURATION ?= Release
COIN ?= litecoin
RESULTS := .run/test-results
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: deps build test run bench clean

deps:
	@bash deploy/local/install-deps.sh

build:
	dotnet build Pool.sln -c $(CONFIGURATION)

test: deps build
	@rm -rf $(RESULTS)
	dotnet test Pool.sln -c $(CONFIGURATION) --no-build --logger "trx" --logger "console;verbosity=minimal" \
		--results-directory $(RESULTS) --blame-hang-timeout 10m
	@bash .ci/test-summary.sh $(RESULTS)

run: deps
	@bash deploy/local/run.sh $(COIN)

bench:
	dotnet run -c Release --project tests/Pool.Benchmarks -- sha256d --quick

clean:
	dotnet clean Pool.sln -c $(CONFIGURATION)
	rm -rf .run
