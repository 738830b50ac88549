//! `claimcheck claims`: claim-level checking over JSON lines, for pipelines and benchmarks.
//!
//! Each distinct source is indexed once, however many lines share it; lines are checked in
//! parallel and written in input order, one output line per input line. A line that cannot be
//! used gets an error record with its line number; nothing is dropped.

use crate::cli::Settings;
use crate::output::write_atomic;
use crate::Outcome;
use anyhow::{Context, Result};
use claimcheck_align::{assess_summary, Primary};
use claimcheck_core::{Encoding, Verdict};
use claimcheck_ingest::{parse_article, parse_transcript, SpeakerHints};
use claimcheck_report::{ClaimRecord, ErrorRecord};
use indicatif::{ProgressBar, ProgressDrawTarget};
use rayon::prelude::*;
use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

struct Line {
    number: usize,
    parsed: Result<(Value, usize, String), (Option<Value>, String)>,
}

/// `claimcheck claims`.
pub(crate) fn claims(input: &Path, output: Option<&Path>, settings: &Settings) -> Result<Outcome> {
    let meta = std::fs::metadata(input)
        .map_err(|e| crate::InputError(format!("{}: cannot read: {e}", input.display())))?;
    if meta.is_dir() {
        return Err(crate::InputError(format!(
            "{}: is a directory, not a JSON lines file",
            input.display()
        ))
        .into());
    }
    if meta.len() > settings.limits.max_bytes {
        return Err(crate::InputError(format!(
            "{}: {} bytes is over the input limit of {} bytes (raise it with --max-input-bytes)",
            input.display(),
            meta.len(),
            settings.limits.max_bytes
        ))
        .into());
    }
    let file = std::fs::File::open(input)
        .map_err(|e| crate::InputError(format!("{}: cannot read: {e}", input.display())))?;
    let reader = std::io::BufReader::new(file);
    let mut sources: Vec<String> = Vec::new();
    let mut source_ids: HashMap<String, usize> = HashMap::new();
    let mut lines: Vec<Line> = Vec::new();
    for (k, line) in reader.split(b'\n').enumerate() {
        let number = k + 1;
        let bytes = line.with_context(|| format!("reading {}", input.display()))?;
        // A byte-order mark, as Windows editors write one, opens the file, not the first record.
        let bytes = match bytes.strip_prefix("\u{feff}".as_bytes()) {
            Some(rest) if number == 1 => rest,
            _ => &bytes[..],
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parsed = parse_line(bytes).map(|(id, source, claim)| {
            let next = sources.len();
            let sid = *source_ids.entry(source.clone()).or_insert_with(|| {
                sources.push(source);
                next
            });
            (id, sid, claim)
        });
        lines.push(Line { number, parsed });
    }
    drop(source_ids);
    let bar = ProgressBar::new((sources.len() + lines.len()) as u64);
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    let indexed: Vec<Primary> = sources
        .into_par_iter()
        .map(|s| {
            let p = Primary::new(parse_transcript(
                s,
                Encoding::Utf8,
                &SpeakerHints::default(),
            ));
            bar.inc(1);
            p
        })
        .collect();
    let outputs: Vec<(String, bool, bool)> = lines
        .par_iter()
        .map(|line| {
            let out = match &line.parsed {
                Ok((id, sid, claim)) => {
                    let primary = &indexed[*sid];
                    let summary = parse_article(claim.clone(), Encoding::Utf8);
                    let a = assess_summary(primary, &summary, &settings.thresholds);
                    let rec = ClaimRecord::new(id.clone(), primary.document(), &a);
                    (
                        serde_json::to_string(&rec).expect("serializable"),
                        false,
                        a.verdict != Verdict::Supported,
                    )
                }
                Err((id, error)) => {
                    let rec = ErrorRecord {
                        id: id.clone(),
                        line: line.number,
                        error: error.clone(),
                    };
                    (
                        serde_json::to_string(&rec).expect("serializable"),
                        true,
                        false,
                    )
                }
            };
            bar.inc(1);
            out
        })
        .collect();
    bar.finish_and_clear();
    let errors = outputs.iter().filter(|o| o.1).count();
    let flagged = outputs.iter().filter(|o| o.2).count();
    let write = |w: &mut dyn Write| -> Result<()> {
        for (line, _, _) in &outputs {
            w.write_all(line.as_bytes())?;
            w.write_all(b"\n")?;
        }
        Ok(())
    };
    match output {
        Some(path) => write_atomic(path, write)?,
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            write(&mut lock)?;
            lock.flush()?;
        }
    }
    crate::eprint_line(format_args!(
        "claimcheck: {} lines: {} checked ({} not supported), {} errors",
        outputs.len(),
        outputs.len() - errors,
        flagged,
        errors
    ));
    Ok(if errors > 0 {
        Outcome::InputErrors
    } else if settings.strict && flagged > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

type Parsed = Result<(Value, String, String), (Option<Value>, String)>;

fn parse_line(bytes: &[u8]) -> Parsed {
    let text =
        std::str::from_utf8(bytes).map_err(|_| (None, "line is not valid UTF-8".to_string()))?;
    let value: Value =
        serde_json::from_str(text.trim()).map_err(|e| (None, format!("invalid JSON: {e}")))?;
    let Value::Object(map) = value else {
        return Err((None, "line is not a JSON object".into()));
    };
    let id = map.get("id").cloned();
    let field = |k: &str| -> Result<String, (Option<Value>, String)> {
        match map.get(k) {
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
            Some(Value::String(_)) => Err((id.clone(), format!("field {k:?} is empty"))),
            Some(_) => Err((id.clone(), format!("field {k:?} is not a string"))),
            None => Err((id.clone(), format!("field {k:?} is missing"))),
        }
    };
    let Some(idv) = id.clone() else {
        return Err((None, "field \"id\" is missing".into()));
    };
    Ok((idv, field("source")?, field("claim")?))
}
