//! `claimcheck`: checks what a secondary source says about a primary transcript.
//!
//! The binary is thin: it parses arguments into a validated configuration ([`cli`]), runs one
//! command, and maps the outcome to an exit status: 0 when it ran (findings are results, not
//! failures), 1 with `--strict` when a claim is not supported, 2 for a usage or input error. A
//! closed pipe (`claimcheck compare … | head`) ends quietly with 0.

mod add;
mod batch;
mod claims;
mod cli;
mod output;
mod pair;

use std::io::Write;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: every stage allocates many small, short-lived
/// strings and vectors per pair, and glibc's malloc costs several times more per call. Built
/// with `no_thp` (the workspace manifest): mimalloc otherwise asks for transparent huge pages,
/// and the kernel zeroes 2 MB each time a pair's freed memory comes back.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How a run ended, when it did not fail outright.
pub(crate) enum Outcome {
    /// Everything ran; nothing to flag.
    Clean,
    /// Ran, and `--strict` found claims that are not supported.
    Findings,
    /// Ran, but some inputs were bad (reported on stderr); the rest was written.
    InputErrors,
}

/// An error that is the user's input, not a bug: exit status 2.
#[derive(Debug)]
pub(crate) struct InputError(pub(crate) String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// Writes one line to stderr. A closed or broken stderr is ignored: a message that cannot be shown
/// must not turn into a panic.
pub(crate) fn eprint_line(line: std::fmt::Arguments<'_>) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Treats a closed stdout (`claimcheck … | head`) as success: the reader has what it wanted.
pub(crate) fn quiet_pipe(result: std::io::Result<()>) -> std::io::Result<()> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<csv::Error>()
                .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
    })
}

fn main() -> ExitCode {
    let args = cli::parse();
    claimcheck_align::warm_up();
    match cli::run(args) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Ok(Outcome::InputErrors) => ExitCode::from(2),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprint_line(format_args!("claimcheck: error: {err}"));
            for cause in err.chain().skip(1) {
                eprint_line(format_args!("  caused by: {cause}"));
            }
            ExitCode::from(2)
        }
    }
}
