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

/// A score written with three decimals, as `{:.3}` writes it, mostly without the float
/// formatter: its exact-digits path took some 1,200 instructions a score, often falling back to
/// bignum arithmetic, and every claim's score is written twice.
struct ThreeDecimals(f64);

impl std::fmt::Display for ThreeDecimals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let x = self.0;
        let bits = x.to_bits();
        let (exponent, fraction) = ((bits >> 52) & 0x7ff, bits & ((1 << 52) - 1));
        // `x` is `mantissa` / 2^`shift` exactly; values of 2^52 or more, negative ones (and
        // -0), infinities and NaN take the general path.
        let (mantissa, shift) = match exponent {
            0 => (fraction, 1074),
            _ => (fraction | 1 << 52, 1075 - exponent as i32),
        };
        if x.is_sign_negative() || exponent == 0x7ff || shift <= 0 {
            return write!(f, "{x:.3}");
        }
        // Thousandths: the exact value of 1000·x rounded to a whole number, ties to even, as
        // `{:.3}` rounds.
        let scaled = u128::from(mantissa) * 1000; // below 2^63
        let thousandths = if shift >= 100 {
            0 // below 2^-37: rounds to zero
        } else {
            let whole = scaled >> shift;
            let rest = scaled & ((1 << shift) - 1);
            let half = 1 << (shift - 1);
            whole + u128::from(rest > half || (rest == half && whole & 1 == 1))
        };
        write!(f, "{}.{:03}", thousandths / 1000, thousandths % 1000)
    }
}

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
    if is_one_line(s) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when `s` is its words joined by single spaces already, as most claims and passages are:
/// read byte by byte, decoding only the characters whose first byte may begin a whitespace
/// character beyond ASCII (U+0085 and U+00A0, U+1680, U+2000 to U+205F, U+3000).
fn is_one_line(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev = 0;
    for (i, &c) in b.iter().enumerate() {
        let space = match c {
            b' ' => prev == b' ',
            b'\t'..=b'\r' => true,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => s[i..].starts_with(char::is_whitespace),
            _ => false,
        };
        if space {
            return false;
        }
        prev = c;
    }
    true
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

#[cfg(test)]
mod tests {
    #[test]
    fn three_decimals_as_the_float_formatter_writes_them() {
        let mut values = vec![
            0.0, -0.0, 0.0625, 0.5625, 0.0005, 0.9995, 1.0, 2.5e-4, 1e-300, 5e-324,
        ];
        values.extend([
            1e15,
            4503599627370496.0,
            9e15,
            1e300,
            f64::NAN,
            f64::INFINITY,
            -0.25,
        ]);
        for k in 0..=4_000u32 {
            let v = f64::from(k) / 4_000.0;
            values.extend([
                v,
                f64::from_bits(v.to_bits() + 1),
                f64::from_bits(v.to_bits().max(1) - 1),
            ]);
            let t = (f64::from(k) + 0.5) / 1000.0;
            values.extend([
                t,
                f64::from_bits(t.to_bits() + 1),
                f64::from_bits(t.to_bits() - 1),
            ]);
        }
        let mut bits: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            values.push(f64::from_bits(bits));
            values.push(f64::from_bits(bits >> 2));
        }
        for x in values {
            assert_eq!(
                super::ThreeDecimals(x).to_string(),
                format!("{x:.3}"),
                "{x:e}"
            );
        }
    }

    use super::one_line;

    /// The words joined by single spaces, as `one_line` gives them.
    fn joined(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn one_line_joins_the_words() {
        for s in [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a b",
            "a b ",
            "a\tb",
            "a\nb",
            "a\u{0B}b",
            "a\u{1F}b",
            "caf\u{E9} \u{2019}s",
            "a\u{A0}b",
            "a\u{85}b",
            "a\u{2009}b",
            "a\u{3000}b",
            "a\u{200B}b",
            "\u{E9}\u{20AC}\u{1680}",
        ] {
            assert_eq!(one_line(s), joined(s), "{s:?}");
        }
    }

    /// Every whitespace character begins with a byte that `is_one_line` looks at.
    #[test]
    fn whitespace_begins_with_the_bytes_looked_at() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if c.is_whitespace() {
                let mut buf = [0; 4];
                let lead = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(
                    matches!(lead, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3),
                    "{c:?}"
                );
            }
        }
    }
}
