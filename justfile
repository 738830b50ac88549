# claimcheck: the one way in. `just` lists the recipes.

set shell := ["bash", "-euo", "pipefail", "-c"]

# List the recipes.
default:
    @just --list

# Check every pair under fixtures/ and write the reports to output/.
compare:
    cargo run --release --locked -q -p claimcheck -- batch --fixtures fixtures --out output

# Run the whole test suite.
test:
    cargo test --workspace --locked

# Format check and clippy with warnings as errors.
lint:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets --locked -- -D warnings
    just layers

# Stage crates depend on claimcheck_core only, never on each other (read from their manifests'
# [dependencies], so the check needs no build state).
layers:
    for c in claimcheck_ingest claimcheck_align claimcheck_report; do \
        deps=$(awk '/^\[/{on = ($0 == "[dependencies]")} on' "crates/$c/Cargo.toml"); \
        if echo "$deps" | grep -E '^claimcheck_(ingest|align|report)' | grep -v "^$c"; then \
            echo "layering: $c depends on another stage crate"; exit 1; \
        fi; \
    done; echo "layering ok"

# Exactly what .ci/run runs: lint, then the tests.
ci: lint test

# Score every labelled pair (fixtures/ and eval/pairs/) against its labels, then the public benchmarks (bench-quality).
eval:
    cargo build --release --locked -q -p claimcheck -p claimcheck_eval
    target/release/claimcheck_eval labels --fixtures fixtures --fixtures eval/pairs --out target/eval
    just bench-quality

# Our own invented probe claims (eval/probes/): how many get an accepted verdict. just probes [-v]
probes *args:
    cargo build --release --locked -q -p claimcheck -p claimcheck_eval
    target/release/claimcheck_eval probes {{args}}

# Copy a new pair into fixtures/: just add NAME PRIMARY SECONDARY
add name primary secondary:
    cargo run --release --locked -q -p claimcheck -- add "{{name}}" "{{primary}}" "{{secondary}}" --fixtures fixtures

# Balanced accuracy on the public benchmarks in ../shared/bench (skipped when absent): just bench-quality [--limit N] [--examples N]
bench-quality *args:
    if [ ! -d ../shared/bench ]; then \
        echo "bench-quality: ../shared/bench not present, skipped"; \
    else \
        cargo build --release --locked -q -p claimcheck -p claimcheck_eval && \
        target/release/claimcheck_eval bench --bench ../shared/bench --claimcheck target/release/claimcheck --out target/bench-quality {{args}}; \
    fi

# Speed and scale against the targets in BENCHMARKS.md; fails on a missed target (keep inputs: CLAIMCHECK_BENCH_DIR=DIR).
bench:
    cargo bench --locked -p claimcheck --bench scale

# Optional: install WordNet 3.0 (Debian's wordnet-base, ~28 MB) for synonyms and antonyms.
wordnet:
    if [ -f "${CLAIMCHECK_WORDNET:-/usr/share/wordnet}/data.verb" ]; then \
        echo "WordNet found in ${CLAIMCHECK_WORDNET:-/usr/share/wordnet}"; \
    else \
        SUDO=""; if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi; \
        $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wordnet-base; \
    fi

# Long property-test run (not in CI): the ingest and align proptests with 20,000 cases each.
fuzz:
    PROPTEST_CASES=20000 cargo test --release --locked -p claimcheck_ingest -p claimcheck_align --test props
