//! Integration tests of the `claimcheck` binary, one module per area (issue 6: bad input, safety
//! and determinism). Each test runs the real binary in a fresh temporary folder (see `util`).
//!
//! The modules live in folders (`util/mod.rs`, …) so that Cargo builds this one test binary
//! rather than one per file.

mod add;
mod batch;
mod determinism;
mod input;
mod output;
mod shard;
mod util;
