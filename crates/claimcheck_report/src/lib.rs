//! Report rows and writers: the edge where assessments become CSV, JSON lines and HTML.
//!
//! The row types here are the only serialized form of a verdict; every output format is built from
//! the same [`Row`]s, so the CSV and the HTML page can never disagree.
#![deny(missing_docs)]

mod csv_out;
pub mod html;

pub use csv_out::{neutralise, read_rows, write_rows, CSV_HEADER};

use claimcheck_core::{Assessment, Document, Verdict};
use serde::{Deserialize, Serialize};

/// One line of the discrepancy report: a claim, its verdict and the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The pair's name (its fixtures folder, or the secondary's file stem).
    pub pair: String,
    /// 1-based claim number in reading order.
    pub claim_id: usize,
    /// The claim as written in the secondary.
    pub claim: String,
    /// The verdict's name.
    pub verdict: Verdict,
    /// Support score in [0, 1], three decimals.
    pub score: f64,
    /// The primary passage the verdict rests on.
    pub evidence: String,
    /// Who speaks in the evidence passage.
    pub speaker: String,
    /// Byte offset of the claim in the secondary file.
    pub secondary_start: usize,
    /// Byte offset one past the claim's end in the secondary file.
    pub secondary_end: usize,
    /// Byte offset of the evidence in the primary file (empty without evidence).
    pub primary_start: Option<usize>,
    /// Byte offset one past the evidence's end in the primary file.
    pub primary_end: Option<usize>,
    /// Why, in plain words; several reasons are joined with "; ".
    pub reasons: String,
}

impl Row {
    /// Builds a row from an assessment and the two documents it refers to.
    pub fn new(pair: &str, primary: &Document, secondary: &Document, a: &Assessment) -> Row {
        let evidence = a
            .evidence
            .map(|e| one_line(primary.slice(e)))
            .unwrap_or_default();
        Row {
            pair: pair.to_string(),
            claim_id: a.claim.id,
            claim: one_line(secondary.slice(a.claim.span)),
            verdict: a.verdict,
            score: a.score,
            evidence,
            speaker: a.speaker.clone().unwrap_or_default(),
            secondary_start: secondary.disk_offset(a.claim.span.start),
            secondary_end: secondary.disk_offset(a.claim.span.end),
            primary_start: a.evidence.map(|e| primary.disk_offset(e.start)),
            primary_end: a.evidence.map(|e| primary.disk_offset(e.end)),
            reasons: a.reasons.join("; "),
        }
    }
}

/// Collapses line breaks and runs of whitespace so a cell stays on one line: the words of `s`
/// joined by single spaces.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Counts per verdict for one pair, for summaries and the HTML index.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The pair's name.
    pub pair: String,
    /// Number of claims.
    pub claims: usize,
    /// Claims per verdict, in [`Verdict::ALL`] order.
    pub counts: [usize; 7],
}

impl Summary {
    /// Counts the rows of one pair.
    pub fn of(pair: &str, rows: &[Row]) -> Summary {
        let mut counts = [0; 7];
        for r in rows {
            let k = Verdict::ALL
                .iter()
                .position(|v| *v == r.verdict)
                .expect("every verdict is in ALL");
            counts[k] += 1;
        }
        Summary {
            pair: pair.to_string(),
            claims: rows.len(),
            counts,
        }
    }

    /// A one-line human summary: "12 claims: 5 supported, 2 misquoted, …".
    pub fn line(&self) -> String {
        let parts: Vec<String> = Verdict::ALL
            .iter()
            .zip(self.counts)
            .filter(|(_, n)| *n > 0)
            .map(|(v, n)| format!("{n} {v}"))
            .collect();
        format!("{} claims: {}", self.claims, parts.join(", "))
    }
}

/// One output line of `claimcheck claims`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// The input line's `id`.
    pub id: serde_json::Value,
    /// The verdict.
    pub verdict: Verdict,
    /// Support score in [0, 1].
    pub score: f64,
    /// The source passage the verdict rests on.
    pub evidence: String,
    /// Why, in plain words.
    pub reasons: String,
}

impl ClaimRecord {
    /// Builds a record from an assessment of a claim against a source.
    pub fn new(id: serde_json::Value, source: &Document, a: &Assessment) -> ClaimRecord {
        ClaimRecord {
            id,
            verdict: a.verdict,
            score: a.score,
            evidence: a
                .evidence
                .map(|e| one_line(source.slice(e)))
                .unwrap_or_default(),
            reasons: a.reasons.join("; "),
        }
    }
}

/// The output line of `claimcheck claims` for an input line that could not be used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// The input line's `id`, when it could be read.
    pub id: Option<serde_json::Value>,
    /// 1-based line number in the input.
    pub line: usize,
    /// What was wrong.
    pub error: String,
}
