//! `claimcheck_eval`: measures claimcheck against labels, as a user would run it.
//!
//! It runs the real `claimcheck` binary (black box) over labelled pairs and compares each claim's
//! verdict with the verdicts a human accepted in `labels.csv` (`anchor,expected,note`: an anchor
//! phrase that occurs in exactly one claim, the accepted verdicts separated by `|`).
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "an evaluation report is printed"
)]

mod labels;

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
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimcheck_eval: error: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}
