//! `claimcheck batch` and `claimcheck merge`: many pairs in parallel, deterministic output.
//!
//! Pairs are sorted by name and processed in chunks: each chunk in parallel with rayon, then its
//! reports written and its rows appended to the combined CSV in name order before the next chunk
//! starts. Memory is bounded by the chunk, and the output bytes do not depend on thread count.

use crate::cli::Settings;
use crate::output::{write_atomic, write_bytes_atomic};
use crate::pair::{check_dir, report_warnings, write_pair};
use crate::Outcome;
use anyhow::{bail, Context, Result};
use claimcheck_report::{read_rows, write_rows, Row, Summary};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Pairs processed together before their rows are written out.
const CHUNK: usize = 256;

/// The name of the combined report.
pub(crate) const COMBINED: &str = "discrepancies.csv";

/// Pair names whose reports would overwrite batch's own files, and those files (names compared
/// without case, for case-insensitive file systems).
const RESERVED_NAMES: [(&str, &str); 2] = [("discrepancies", COMBINED), ("index", "index.html")];

/// Why a pair name cannot be used for report files, if it cannot.
pub(crate) fn reserved_name(name: &str) -> Option<String> {
    RESERVED_NAMES
        .iter()
        .find(|(r, _)| r.eq_ignore_ascii_case(name))
        .map(|(_, file)| {
            format!(
                "pair name {name:?} is reserved: its report would overwrite batch's {file}; \
                 choose another name"
            )
        })
}

/// Finds the pair folders under `fixtures`, sorted by name. A pair folder is a directory (not a
/// symlink pointing elsewhere) holding a `pair.toml` or a `secondary.txt`.
pub(crate) fn discover(fixtures: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(fixtures).map_err(|e| {
        crate::InputError(format!(
            "{}: cannot read fixtures folder: {e}",
            fixtures.display()
        ))
    })?;
    let mut dirs = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("reading {}", fixtures.display()))?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') || !path.is_dir() {
            continue;
        }
        if path.join("pair.toml").is_file()
            || path.join("secondary.txt").exists()
            || path.join("primary.txt").exists()
        {
            dirs.push(path);
        }
    }
    dirs.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(dirs)
}

fn progress(len: usize) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    if std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} pairs {elapsed_precise} {msg}")
                .expect("valid template"),
        );
    } else {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar
}

/// A pair checked and its reports written, with its CSV rows for the combined report.
type Written = (crate::pair::Checked, Vec<u8>);

/// A pair that could not be checked, and why.
struct Failure {
    name: String,
    error: String,
}

/// `claimcheck batch`.
pub(crate) fn batch(
    fixtures: &Path,
    out: &Path,
    shard: Option<(usize, usize)>,
    settings: &Settings,
) -> Result<Outcome> {
    let mut pairs = discover(fixtures)?;
    if let Some((i, n)) = shard {
        pairs = shard_slice(pairs, i, n);
    }
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let bar = progress(pairs.len());
    let mut summaries: Vec<Summary> = Vec::new();
    let mut failures: Vec<Failure> = Vec::new();
    let mut unsupported = false;
    write_atomic(&out.join(COMBINED), |combined| {
        write_rows(&mut *combined, std::iter::empty::<&Row>(), true)?;
        for chunk in pairs.chunks(CHUNK) {
            let results: Vec<(String, Result<Written>)> = chunk
                .par_iter()
                .map(|dir| {
                    let name = dir
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let result = match reserved_name(&name) {
                        Some(why) => Err(crate::InputError(why).into()),
                        None => check_dir(dir, settings).and_then(|c| {
                            let csv_rows = write_pair(out, &c)?;
                            Ok((c, csv_rows))
                        }),
                    };
                    bar.inc(1);
                    (name, result)
                })
                .collect();
            for (name, result) in results {
                match result {
                    Ok((checked, csv_rows)) => {
                        report_warnings(&checked);
                        combined.write_all(&csv_rows)?;
                        unsupported |= checked.unsupported();
                        summaries.push(checked.summary());
                    }
                    Err(e) => {
                        let error = format!("{e:#}");
                        bar.suspend(|| {
                            crate::eprint_line(format_args!(
                                "claimcheck: error: pair {name}: {error}"
                            ))
                        });
                        failures.push(Failure { name, error });
                    }
                }
            }
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    write_bytes_atomic(
        &out.join("index.html"),
        claimcheck_report::html::index(&summaries).as_bytes(),
    )?;
    let print_summary = || -> std::io::Result<()> {
        let stdout = std::io::stdout();
        let mut w = stdout.lock();
        for s in &summaries {
            writeln!(w, "{}: {}", s.pair, s.line())?;
        }
        for f in &failures {
            writeln!(w, "{}: FAILED: {}", f.name, f.error)?;
        }
        writeln!(
            w,
            "{} pairs checked, {} failed; reports in {}",
            summaries.len(),
            failures.len(),
            out.display()
        )?;
        w.flush()
    };
    // The reports are written; a closed stdout must not hide the failures' exit status.
    crate::quiet_pipe(print_summary())?;
    Ok(if !failures.is_empty() {
        Outcome::InputErrors
    } else if settings.strict && unsupported {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// Slice `i` (1-based) of `n` contiguous slices of the sorted pairs.
fn shard_slice(pairs: Vec<PathBuf>, i: usize, n: usize) -> Vec<PathBuf> {
    let len = pairs.len();
    let start = len * (i - 1) / n;
    let end = len * i / n;
    pairs.into_iter().skip(start).take(end - start).collect()
}

/// `claimcheck merge`: combines shard outputs into what one unsharded run writes.
pub(crate) fn merge(inputs: &[PathBuf], output: &Path) -> Result<Outcome> {
    let mut pairs: Vec<(String, PathBuf)> = Vec::new();
    for dir in inputs {
        let entries = std::fs::read_dir(dir).map_err(|e| {
            crate::InputError(format!("{}: cannot read shard output: {e}", dir.display()))
        })?;
        for entry in entries {
            let path = entry?.path();
            let Some(file) = path.file_name().map(|f| f.to_string_lossy().into_owned()) else {
                continue;
            };
            if let Some(name) = file.strip_suffix(".csv") {
                if file != COMBINED && !file.starts_with('.') {
                    pairs.push((name.to_string(), dir.clone()));
                }
            }
        }
    }
    pairs.sort();
    for w in pairs.windows(2) {
        if w[0].0 == w[1].0 {
            bail!(crate::InputError(format!(
                "pair {} appears in both {} and {}",
                w[0].0,
                w[0].1.display(),
                w[1].1.display()
            )));
        }
    }
    std::fs::create_dir_all(output).with_context(|| format!("creating {}", output.display()))?;
    let mut summaries = Vec::new();
    write_atomic(&output.join(COMBINED), |combined| {
        write_rows(&mut *combined, std::iter::empty::<&Row>(), true)?;
        for (name, dir) in &pairs {
            let csv = dir.join(format!("{name}.csv"));
            let bytes =
                std::fs::read(&csv).with_context(|| format!("reading {}", csv.display()))?;
            let rows = read_rows(bytes.as_slice())
                .map_err(|e| crate::InputError(format!("{}: {e}", csv.display())))?;
            write_rows(&mut *combined, &rows, false)?;
            summaries.push(Summary::of(name, &rows));
            if dir != output {
                write_bytes_atomic(&output.join(format!("{name}.csv")), &bytes)?;
                let html = dir.join(format!("{name}.html"));
                if html.exists() {
                    let page = std::fs::read(&html)
                        .with_context(|| format!("reading {}", html.display()))?;
                    write_bytes_atomic(&output.join(format!("{name}.html")), &page)?;
                }
            }
        }
        Ok(())
    })?;
    write_bytes_atomic(
        &output.join("index.html"),
        claimcheck_report::html::index(&summaries).as_bytes(),
    )?;
    let mut w = std::io::stdout().lock();
    crate::quiet_pipe(
        writeln!(w, "{} pairs merged into {}", pairs.len(), output.display())
            .and_then(|()| w.flush()),
    )?;
    Ok(Outcome::Clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_the_pairs() {
        let pairs: Vec<PathBuf> = (0..10).map(|i| PathBuf::from(format!("p{i}"))).collect();
        for n in 1..=12 {
            let mut all = Vec::new();
            for i in 1..=n {
                all.extend(shard_slice(pairs.clone(), i, n));
            }
            assert_eq!(all, pairs, "n = {n}");
        }
    }
}
