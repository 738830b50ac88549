//! `claimcheck_eval`: measures claimcheck against labels, as a user would run it.
//!
//! It runs the real `claimcheck` binary (black box) over labelled pairs and compares each claim's
//! verdict with the verdicts a human accepted in `labels.csv` (`anchor,expected,note`: an anchor
//! phrase that occurs in exactly one claim, the accepted verdicts separated by `|`).
//! `bench` runs `claimcheck claims` over public labelled benchmarks (DiaSumFact, SummEdits) and
//! reports balanced accuracy (see `bench.rs`). `probes` runs it over our own invented probe claims
//! in `eval/probes/` (see `probes.rs`).
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "an evaluation report is printed"
)]

mod bench;
mod labels;
mod probes;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Scores claimcheck's verdicts against labels.
#[derive(Debug, Parser)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Runs `claimcheck batch` over every folder of pairs and scores pairs that have labels.csv.
    Labels {
        /// A folder of pair folders (repeatable).
        #[arg(long, required = true)]
        fixtures: Vec<PathBuf>,
        /// Where the batch reports go.
        #[arg(long, default_value = "target/eval")]
        out: PathBuf,
        /// The claimcheck binary.
        #[arg(long, default_value = "target/release/claimcheck")]
        claimcheck: PathBuf,
        /// Print every claim whose verdict was not accepted.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Runs `claimcheck claims` over our own probe claims and prints how many got an accepted verdict.
    Probes {
        /// The folder of probe files (`*.jsonl`).
        #[arg(long, default_value = "eval/probes")]
        probes: PathBuf,
        /// The claimcheck binary.
        #[arg(long, default_value = "target/release/claimcheck")]
        claimcheck: PathBuf,
        /// Where the claimcheck outputs go.
        #[arg(long, default_value = "target/probes")]
        out: PathBuf,
        /// Print every probe whose verdict was not accepted.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Runs `claimcheck claims` over the public benchmarks and prints balanced accuracy.
    Bench {
        /// The benchmarks folder (holding diasumfact/ and summedits/); skipped when absent.
        #[arg(long, default_value = "../shared/bench")]
        bench: PathBuf,
        /// The claimcheck binary.
        #[arg(long, default_value = "target/release/claimcheck")]
        claimcheck: PathBuf,
        /// Where the claimcheck inputs and outputs go.
        #[arg(long, default_value = "target/bench-quality")]
        out: PathBuf,
        /// Only the first N units of each benchmark.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Print up to N misclassified units of each kind per benchmark.
        #[arg(long, value_name = "N", default_value_t = 0)]
        examples: usize,
        /// How many reason kinds to list per benchmark.
        #[arg(long, value_name = "N", default_value_t = 25)]
        top_reasons: usize,
        /// Kill a claimcheck run that takes longer than this many seconds.
        #[arg(long, value_name = "SECS", default_value_t = 1800)]
        timeout: u64,
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result: Result<()> = match cli.command {
        Command::Labels {
            fixtures,
            out,
            claimcheck,
            verbose,
        } => labels::run(&fixtures, &out, &claimcheck, verbose),
        Command::Probes {
            probes,
            claimcheck,
            out,
            verbose,
        } => probes::run(&probes, &claimcheck, &out, verbose),
        Command::Bench {
            bench,
            claimcheck,
            out,
            limit,
            examples,
            top_reasons,
            timeout,
        } => bench::run(
            &bench,
            &claimcheck,
            &out,
            &bench::Options {
                limit,
                examples,
                top_reasons,
                timeout: std::time::Duration::from_secs(timeout),
            },
        ),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimcheck_eval: error: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}
