# The two Quick-start commands: `make demo` and `make test`. Both install what a fresh
# machine lacks (libclang) and build in release mode once.
.PHONY: demo test build setup clean-store

setup:
	@bash scripts/setup.sh

build: setup
	cargo build --release

demo: build
	./target/release/dealgraph demo

test: setup
	@bash scripts/test.sh
