//! Command-line interface: arguments, their validation, and dispatch to the commands.

use crate::{add, batch, claims, pair, InputError, Outcome};
use anyhow::Result;
use claimcheck_align::Thresholds;
use claimcheck_ingest::{Limits, DEFAULT_MAX_BYTES};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const VERDICTS: &str = "\
Verdicts (one per claim, in the `verdict` column):
  supported      the primary says this: a fair paraphrase or an exact quote
  misquoted      words in quotation marks that the primary's speaker did not say; the reason
                 gives the closest actual wording and its byte offsets
  misattributed  the words are in the primary, but someone else said them (the interviewer,
                 another speaker, or a third party the speaker quotes)
  contradicted   a number, date, name, negation or opposite word conflicts with the passage;
                 the reason shows both values
  embellished    the core is supported but the claim adds specifics the passage lacks
                 (a qualifier such as \"privately\", a name, a number, a motive)
  unsupported    nothing in the primary supports it: outside context or invention
  opinion        the author's own judgement or prediction; reported, not checked

The score column is the support score in [0, 1]: the weighted share of the claim's content words
found in the evidence passage. Offsets are byte offsets into the files on disk (into the decoded
UTF-8 text when a file was UTF-16 or Windows-1252).

Exit status: 0 when the run completed (findings are results, not failures); 1 with --strict when
some claim is not supported; 2 for a usage or input error (the message names the file and why).";

/// Checks what a secondary source (an article, a summary) says about a primary transcript.
///
/// claimcheck splits the secondary into claims, finds the passage of the primary that each claim
/// rests on, and writes a discrepancy report: a verdict per claim, the evidence passage with byte
/// offsets into both files, and the reason in plain words.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, after_long_help = VERDICTS)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check one pair: PRIMARY transcript against SECONDARY text. Writes CSV to stdout unless -o.
    #[command(after_long_help = VERDICTS)]
    Compare {
        /// The primary transcript (what was said).
        primary: PathBuf,
        /// The secondary text (what is said about it).
        secondary: PathBuf,
        /// Write the report here instead of stdout (atomically: a temporary file is renamed).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Report format.
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
        /// The main speaker's name, e.g. "Sergey Lavrov" (detected when absent).
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Another name of the main speaker (repeatable), e.g. "Lavrov".
        #[arg(long = "alias", value_name = "NAME")]
        aliases: Vec<String>,
        /// A turn label used by the interviewer (repeatable), e.g. "Question".
        #[arg(long = "interviewer", value_name = "LABEL")]
        interviewer_labels: Vec<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Check every pair folder under --fixtures in parallel; write OUT/<pair>.csv, OUT/<pair>.html,
    /// OUT/index.html and OUT/discrepancies.csv (all rows, sorted by pair then claim).
    #[command(after_long_help = VERDICTS)]
    Batch {
        /// Folder holding one sub-folder per pair (primary.txt, secondary.txt, optional pair.toml).
        #[arg(long, default_value = "fixtures", value_name = "DIR")]
        fixtures: PathBuf,
        /// Folder to write reports into (created if missing).
        #[arg(long, default_value = "output", value_name = "DIR")]
        out: PathBuf,
        /// Process only slice I of N (1-based) of the pairs sorted by name, e.g. --shard 2/8;
        /// combine shard outputs with `claimcheck merge`.
        #[arg(long, value_name = "I/N", value_parser = parse_shard)]
        shard: Option<(usize, usize)>,
        #[command(flatten)]
        common: Common,
    },
    /// Copy a new pair into FIXTURES/NAME with a starter pair.toml.
    Add {
        /// The pair's name: a plain folder name (letters, digits, '-', '_', '.'; no leading dot).
        name: String,
        /// The primary transcript to copy.
        primary: PathBuf,
        /// The secondary text to copy.
        secondary: PathBuf,
        /// Folder holding the pairs.
        #[arg(long, default_value = "fixtures", value_name = "DIR")]
        fixtures: PathBuf,
        /// Replace an existing pair of the same name.
        #[arg(long)]
        force: bool,
    },
    /// Combine the outputs of `batch --shard` runs into the bytes one unsharded run writes.
    Merge {
        /// Output folders of the shards.
        #[arg(required = true, value_name = "OUT_I")]
        inputs: Vec<PathBuf>,
        /// Folder to write the merged report into.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
    },
    /// Check claims from JSON lines: each line has `id`, `source` and `claim`; writes one JSON line
    /// per input line (`id`, `verdict`, `score`, `evidence`, `reasons`) in input order.
    ///
    /// A line that cannot be used (not JSON, not an object, a field missing, empty or not a
    /// string) gets an error record `{id, line, error}` instead, and the run exits with status 2
    /// once every line is written. Blank lines are skipped; a leading byte-order mark and CRLF
    /// line ends are accepted.
    Claims {
        /// Input JSON lines file (UTF-8).
        input: PathBuf,
        /// Write JSON lines here instead of stdout.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
}

/// Options every checking command shares.
#[derive(Debug, Clone, Args)]
pub(crate) struct Common {
    /// Exit with status 1 when any claim is not supported.
    #[arg(long)]
    pub(crate) strict: bool,
    /// Refuse input files larger than this many bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub(crate) max_input_bytes: u64,
    /// Support score at or above which a passage supports a claim (0..1).
    #[arg(long, value_name = "SCORE")]
    pub(crate) supported: Option<f64>,
    /// Support score below which a claim is unsupported (0..1, at most --supported).
    #[arg(long, value_name = "SCORE")]
    pub(crate) core: Option<f64>,
}

/// Report formats for `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// The discrepancy CSV.
    Csv,
    /// A self-contained HTML review page.
    Html,
}

/// Validated settings shared by the checking commands.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub(crate) strict: bool,
    pub(crate) limits: Limits,
    pub(crate) thresholds: Thresholds,
}

impl Common {
    fn settings(&self) -> Result<Settings, InputError> {
        let mut thresholds = Thresholds::default();
        if let Some(s) = self.supported {
            thresholds.supported = s;
        }
        if let Some(c) = self.core {
            thresholds.core = c;
        }
        thresholds.validate().map_err(InputError)?;
        if self.max_input_bytes == 0 {
            return Err(InputError("--max-input-bytes must be at least 1".into()));
        }
        Ok(Settings {
            strict: self.strict,
            limits: Limits {
                max_bytes: self.max_input_bytes,
            },
            thresholds,
        })
    }
}

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let (i, n) = s
        .split_once('/')
        .ok_or_else(|| format!("expected I/N such as 2/8, got {s:?}"))?;
    let i: usize = i
        .trim()
        .parse()
        .map_err(|_| format!("shard index {i:?} is not a number"))?;
    let n: usize = n
        .trim()
        .parse()
        .map_err(|_| format!("shard count {n:?} is not a number"))?;
    if n == 0 || i == 0 || i > n {
        return Err(format!("shard {i}/{n}: need 1 <= I <= N"));
    }
    Ok((i, n))
}

/// The parsed command line.
pub(crate) struct Parsed(Cli);

/// Parses the command line; `--help`, `--version` and usage errors exit here (usage errors
/// with status 2).
pub(crate) fn parse() -> Parsed {
    Parsed(Cli::parse())
}

/// Runs the parsed command.
pub(crate) fn run(parsed: Parsed) -> Result<Outcome> {
    match parsed.0.command {
        Command::Compare {
            primary,
            secondary,
            output,
            format,
            speaker,
            aliases,
            interviewer_labels,
            common,
        } => {
            let settings = common.settings()?;
            let hints = pair::CliHints {
                speaker,
                aliases,
                interviewer_labels,
            };
            pair::compare(
                &primary,
                &secondary,
                output.as_deref(),
                format,
                hints,
                &settings,
            )
        }
        Command::Batch {
            fixtures,
            out,
            shard,
            common,
        } => batch::batch(&fixtures, &out, shard, &common.settings()?),
        Command::Add {
            name,
            primary,
            secondary,
            fixtures,
            force,
        } => add::add(&name, &primary, &secondary, &fixtures, force),
        Command::Merge { inputs, output } => batch::merge(&inputs, &output),
        Command::Claims {
            input,
            output,
            common,
        } => claims::claims(&input, output.as_deref(), &common.settings()?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn shard_syntax() {
        assert_eq!(parse_shard("2/8"), Ok((2, 8)));
        assert!(parse_shard("0/8").is_err());
        assert!(parse_shard("9/8").is_err());
        assert!(parse_shard("x").is_err());
    }
}
