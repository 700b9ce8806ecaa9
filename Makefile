# The commands of the README. `make serve` builds and serves the app; `make test` runs every
# test. Both install what is missing first (.ci/setup.sh).

SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Leptos erases each component's view type to one boxed view (a cfg Leptos supports for
# quicker builds): far fewer monomorphised copies, 23 KB less brotli wasm for every first
# visit. Only wasm builds see it; native builds and tests are unchanged.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS := --cfg erase_components

.PHONY: setup fetch serve dist test style test-native test-browser bench sizes clean

setup:
	@.ci/setup.sh

# Trunk's offline mode passes --offline to cargo: fetch the crates first.
fetch:
	@cargo fetch --quiet
	@cargo fetch --quiet --target wasm32-unknown-unknown

serve: setup fetch
	trunk serve index.html

# The deployable site: release profile (size-optimised), wasm-opt -Oz, relative URLs.
# `make dist BASE_URL=https://gemeente.nl/verkenner/` also fills in the oEmbed files for that
# address; `HUISSTIJL=utrecht` gives every pasted embed that municipality's look.
# Trunk must use the installed tools; its download cache must never appear.
dist: setup fetch
	@rm -rf dist && mkdir -p target
	@echo "trunk build index.html --release   (full log: target/trunk-build.log)"
	@VERKENNER_BASE_URL="$(BASE_URL)" VERKENNER_HUISSTIJL="$(HUISSTIJL)" trunk -v build index.html --release > target/trunk-build.log 2>&1 || { grep -v DEBUG target/trunk-build.log | tail -40; exit 1; }
	@grep -v -e DEBUG -e TRACE target/trunk-build.log | grep -e INFO -e WARN -e error | tail -5
	@for tool in wasm-bindgen wasm-opt; do \
	  grep -q "using system installed binary: .*/$$tool " target/trunk-build.log \
	    || { echo "Trunk did not use the installed $$tool" >&2; exit 1; }; done
	@if [ -d "$(HOME)/.cache/trunk" ]; then echo "Trunk downloaded tools into ~/.cache/trunk" >&2; exit 1; fi
	@$(MAKE) --no-print-directory sizes

# In order, also under `make -j`: the browser tests need the fresh dist/.
test: setup
	@.ci/setup.sh --hosts
	@$(MAKE) --no-print-directory style
	@$(MAKE) --no-print-directory test-native
	@$(MAKE) --no-print-directory dist
	@$(MAKE) --no-print-directory test-browser

# The look (rustfmt.toml) and clippy's lints, as errors: natively for every target, and for
# what the browser runs (the library and the app, with the cfg above, as Trunk compiles them;
# the command-line tools are native only).
style:
	cargo fmt --check
	cargo clippy --quiet --all-targets -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown --lib --bin verkenner-app -- -D warnings

test-native:
	cargo test

test-browser:
	node --test tests/browser/

# Search benchmark: synthetic corpora of 1k/10k/100k passages, our engine as wasm in node beside
# MiniSearch and FlexSearch, native figures for reference, and relevance on tests/relevance.toml
# for all three. Our wasm is built twice: profile bench-wasm (opt-level 3, the engine's speed)
# and release (opt-level "z", what the app ships). Prints tables; asserts nothing.
bench: setup fetch
	@[ tests/bench/node_modules/.package-lock.json -nt tests/bench/package-lock.json ] || (cd tests/bench && npm ci --no-audit --no-fund --silent)
	cargo run --release --quiet --bin bench -- target/bench
	BENCH_PROFILE=bench-wasm cargo rustc --profile bench-wasm --quiet --lib --crate-type cdylib --target wasm32-unknown-unknown --features bench
	wasm-bindgen --target nodejs --out-dir target/bench/pkg target/wasm32-unknown-unknown/bench-wasm/verkenner.wasm
	BENCH_PROFILE=release cargo rustc --release --quiet --lib --crate-type cdylib --target wasm32-unknown-unknown --features bench
	wasm-bindgen --target nodejs --out-dir target/bench/pkg-release target/wasm32-unknown-unknown/release/verkenner.wasm
	node --expose-gc tests/bench/bench.mjs target/bench
	@$(MAKE) --no-print-directory bench-page

# The built site in headless Chromium: first-visit bytes against tests/bench/budget.json, the
# wasm size profile (twiggy), start-up, per-keystroke latency beside MiniSearch and FlexSearch
# in the same page, wasm memory, Lighthouse. Prints figures; a missed budget or goal fails nothing.
.PHONY: bench-page
bench-page: dist
	@twiggy --version 2>/dev/null | grep -q ' 0\.7\.0$$' || cargo install twiggy --version 0.7.0 --locked
	@[ tests/bench/node_modules/.package-lock.json -nt tests/bench/package-lock.json ] || (cd tests/bench && npm ci --no-audit --no-fund --silent)
	node tests/bench/page.mjs

sizes:
	@printf '%-44s %9s %9s %9s\n' file raw gzip brotli
	@total=(0 0 0); for f in dist/*.wasm dist/*.js dist/*.css dist/*.html; do \
	  [ -f "$$f" ] || continue; \
	  r=$$(wc -c < "$$f"); g=$$(gzip -9 -c "$$f" | wc -c); b=$$(brotli -q 11 -c "$$f" | wc -c); \
	  total=($$(( total[0] + r )) $$(( total[1] + g )) $$(( total[2] + b ))); \
	  printf '%-44s %9d %9d %9d\n' "$$f" $$r $$g $$b; \
	done; printf '%-44s %9d %9d %9d\n' total $${total[0]} $${total[1]} $${total[2]}

clean:
	rm -rf dist target/trunk-build.log
