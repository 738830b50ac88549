//! Data-driven speaker detection: each `speakers/*.case` holds optional hints, a transcript in one
//! of the turn formats claimcheck reads, and the role expected for each label. `check` is the only
//! place that calls the parser. `UPDATE_EXPECT=1` rewrites the expectations after an intended
//! change.

use claimcheck_core::{Encoding, Role};
use claimcheck_ingest::{parse_transcript, SpeakerHints};
use std::path::Path;

fn section<'a>(text: &'a str, name: &str) -> &'a str {
    let marker = format!("--- {name}\n");
    let start = text
        .find(&marker)
        .map(|i| i + marker.len())
        .unwrap_or_else(|| panic!("no section {name}"));
    let end = text[start..]
        .find("\n--- ")
        .map_or(text.len(), |i| start + i);
    text[start..end].trim_end()
}

fn role_name(r: Role) -> &'static str {
    match r {
        Role::Primary => "primary",
        Role::Interviewer => "interviewer",
        Role::Other => "other",
        Role::Unlabelled => "unlabelled",
    }
}

/// Parses a transcript with hints and lists each distinct label with its role, in order of
/// first appearance.
fn check(hints_text: &str, transcript: &str) -> String {
    let mut hints = SpeakerHints::default();
    for line in hints_text.lines() {
        if let Some((k, v)) = line.split_once('=') {
            match k.trim() {
                "speaker" => hints.speaker = Some(v.trim().to_string()),
                "alias" => hints.aliases.push(v.trim().to_string()),
                "interviewer" => hints.interviewer_labels.push(v.trim().to_string()),
                other => panic!("unknown hint {other}"),
            }
        }
    }
    let doc = parse_transcript(transcript.to_string(), Encoding::Utf8, &hints);
    let mut out: Vec<String> = Vec::new();
    for t in &doc.turns {
        let line = format!(
            "{}: {}",
            t.speaker.as_deref().unwrap_or("(none)"),
            role_name(t.role)
        );
        if !out.contains(&line) {
            out.push(line);
        }
    }
    out.join("\n")
}

#[test]
fn speaker_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/speakers");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "case"))
        .collect();
    files.sort();
    assert!(files.len() >= 6, "cases missing");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let expected = section(&text, "expect");
        let got = check(section(&text, "hints"), section(&text, "transcript"));
        if got != expected {
            if update {
                std::fs::write(f, text.replace(expected, &got)).unwrap();
            } else {
                failures.push(format!(
                    "{}:\nexpected:\n{expected}\ngot:\n{got}",
                    f.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
