//! Plain data types shared by every claimcheck stage.
//!
//! This crate is the bottom of the dependency graph: `ingest`, `align` and `report` depend on it and
//! not on each other. It holds no IO and no algorithms beyond trivial accessors, so that every stage
//! agrees on what a span, a turn, a claim and a verdict are.
#![deny(missing_docs)]

pub mod names;

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence: ingest's segmenter and align's
/// lower-case claim split both read them.
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "vs", "etc", "e.g", "i.e", "cf", "al", "no",
    "gen", "gov", "sen", "rep", "col", "lt", "sgt", "capt", "cmdr", "adm", "inc", "ltd", "co",
    "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.u", "approx", "fig", "vol", "p", "pp", "ca", "mt", "ft",
];

/// A half-open byte range `start..end` into a text.
///
/// Invariant: both ends lie on `char` boundaries of the text they index.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// True when `other` lies inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// As a `Range` for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Who a speaker turn belongs to, relative to the person the transcript is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// The interviewee (or main speaker) whose words the secondary reports.
    Primary,
    /// The interviewer, moderator or a journalist asking questions.
    Interviewer,
    /// Anyone else who speaks in the transcript (a second guest, a councillor).
    Other,
    /// Text outside any labelled turn (headlines, datelines before the first label).
    Unlabelled,
}

/// A speaker turn of a transcript: a label such as `Question:` and the text that follows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    /// The speaker as written in the label, e.g. `Sergey Lavrov`, or `None` for unlabelled text.
    pub speaker: Option<String>,
    /// The speaker's role.
    pub role: Role,
    /// The turn's text, without its label.
    pub span: Span,
}

/// A sentence of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence's text, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index into [`Document::turns`] of the turn it belongs to.
    pub turn: usize,
    /// Index of the paragraph (blank-line separated block) it belongs to.
    pub paragraph: usize,
}

/// Which text encoding a file was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (three bytes, not part of [`Document::text`]).
    Utf8Bom,
    /// UTF-16 little endian with a byte-order mark.
    Utf16Le,
    /// UTF-16 big endian with a byte-order mark.
    Utf16Be,
    /// Legacy 8-bit text, decoded as Windows-1252 (a superset of printable Latin-1).
    Windows1252,
}

impl Encoding {
    /// How many bytes of the file precede [`Document::text`] when offsets are into the file on disk
    /// (only UTF-8 keeps on-disk offsets; for the others offsets are into the decoded UTF-8 text).
    pub fn offset_base(self) -> usize {
        match self {
            Encoding::Utf8Bom => 3,
            _ => 0,
        }
    }

    /// A human name for warnings.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// A decoded, segmented text: a primary transcript or a secondary summary.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// The decoded text (UTF-8), byte for byte the file's content after its byte-order mark when
    /// the file was UTF-8.
    pub text: String,
    /// The encoding the file was decoded from.
    pub encoding: Encoding,
    /// Speaker turns in order. Unlabelled documents have one turn with `speaker: None`.
    pub turns: Vec<Turn>,
    /// Sentences in reading order, boilerplate excluded.
    pub sentences: Vec<Sentence>,
    /// Spans recognised as boilerplate (bylines, share/subscribe lines, timestamps) and left out.
    pub boilerplate: Vec<Span>,
    /// Every name the main speaker goes by: turn labels with the [`Role::Primary`] role plus any
    /// configured name and aliases. Empty for articles.
    pub primary_names: Vec<String>,
}

impl Document {
    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The byte offset on disk of a position in [`Document::text`].
    pub fn disk_offset(&self, pos: usize) -> usize {
        pos + self.encoding.offset_base()
    }

    /// The turn a sentence belongs to.
    pub fn turn_of(&self, sentence: usize) -> &Turn {
        &self.turns[self.sentences[sentence].turn]
    }
}

/// A claim: one checkable statement of the secondary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// 1-based number in reading order.
    pub id: usize,
    /// Where it is in the secondary.
    pub span: Span,
}

/// What the primary says about a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The primary says this: a fair paraphrase or an exact quote.
    Supported,
    /// Words in quotation marks that the primary's speaker did not say.
    Misquoted,
    /// The words are in the primary, but someone else said them.
    Misattributed,
    /// A number, date, name or negation conflicts with the passage.
    Contradicted,
    /// The core is supported but the claim adds specifics the primary lacks.
    Embellished,
    /// Nothing in the primary supports the claim.
    Unsupported,
    /// The author's own judgement or prediction; reported, not checked.
    Opinion,
}

impl Verdict {
    /// Every verdict, in report order.
    pub const ALL: [Verdict; 7] = [
        Verdict::Supported,
        Verdict::Misquoted,
        Verdict::Misattributed,
        Verdict::Contradicted,
        Verdict::Embellished,
        Verdict::Unsupported,
        Verdict::Opinion,
    ];

    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Misquoted => "misquoted",
            Verdict::Misattributed => "misattributed",
            Verdict::Contradicted => "contradicted",
            Verdict::Embellished => "embellished",
            Verdict::Unsupported => "unsupported",
            Verdict::Opinion => "opinion",
        }
    }

    /// Parses a report name.
    pub fn parse(name: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.as_str() == name.trim())
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The outcome of checking one claim against the primary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// The claim assessed.
    pub claim: Claim,
    /// The verdict.
    pub verdict: Verdict,
    /// Support score in `[0, 1]`: the weighted share of the claim's content words that the evidence
    /// passage contains (see `claimcheck_align::Thresholds`).
    pub score: f64,
    /// The primary passage the verdict rests on, if any.
    pub evidence: Option<Span>,
    /// Who speaks in the evidence passage.
    pub speaker: Option<String>,
    /// Why, in words a reviewer can check.
    pub reasons: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_names_round_trip() {
        for v in Verdict::ALL {
            assert_eq!(Verdict::parse(v.as_str()), Some(v));
        }
        assert_eq!(Verdict::parse("nonsense"), None);
    }

    #[test]
    fn span_cover_and_contains() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(a.cover(b).contains(a));
        assert!(!a.contains(b));
    }
}
