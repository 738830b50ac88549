//! The discrepancy CSV: header, rows, and neutralising cells a spreadsheet would execute.

use crate::Row;
use claimcheck_core::Verdict;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{Read, Write};

/// The CSV header, in column order.
pub const CSV_HEADER: [&str; 12] = [
    "pair",
    "claim_id",
    "claim",
    "verdict",
    "score",
    "evidence",
    "speaker",
    "secondary_start",
    "secondary_end",
    "primary_start",
    "primary_end",
    "reasons",
];

/// Makes a text cell safe to open in a spreadsheet: a cell that begins with `=`, `+`, `-`, `@`,
/// a tab or a carriage return is prefixed with `'`, as OWASP recommends for CSV injection.
pub fn neutralise(cell: &str) -> String {
    neutralised(cell).into_owned()
}

/// [`neutralise`], borrowing the cell when it is safe as it is.
fn neutralised(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Writes rows as CSV, with the header when `header` is true.
pub fn write_rows<'a, W: Write>(
    out: W,
    rows: impl IntoIterator<Item = &'a Row>,
    header: bool,
) -> csv::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    if header {
        w.write_record(CSV_HEADER)?;
    }
    // Cells are written one by one, numbers through one reused buffer, so a row allocates
    // nothing unless a cell needs neutralising.
    let mut number = String::new();
    let mut number_field = |w: &mut csv::Writer<W>, n: &dyn std::fmt::Display| {
        number.clear();
        let _ = write!(number, "{n}");
        w.write_field(&number)
    };
    for r in rows {
        w.write_field(neutralised(&r.pair).as_bytes())?;
        number_field(&mut w, &r.claim_id)?;
        w.write_field(neutralised(&r.claim).as_bytes())?;
        w.write_field(r.verdict.as_str())?;
        number_field(&mut w, &crate::ThreeDecimals(r.score))?;
        w.write_field(neutralised(&r.evidence).as_bytes())?;
        w.write_field(neutralised(&r.speaker).as_bytes())?;
        number_field(&mut w, &r.secondary_start)?;
        number_field(&mut w, &r.secondary_end)?;
        for offset in [r.primary_start, r.primary_end] {
            match offset {
                Some(n) => number_field(&mut w, &n)?,
                None => w.write_field("")?,
            }
        }
        w.write_field(neutralised(&r.reasons).as_bytes())?;
        // Ends the record.
        w.write_record(None::<&[u8]>)?;
    }
    w.flush()?;
    Ok(())
}

/// Reads rows back from a discrepancy CSV (as written by [`write_rows`], with header).
///
/// Neutralised cells are read as written (with their leading `'`).
pub fn read_rows<R: Read>(input: R) -> Result<Vec<Row>, String> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(input);
    let header = r.headers().map_err(|e| e.to_string())?.clone();
    if header.iter().collect::<Vec<_>>() != CSV_HEADER {
        return Err(format!(
            "unexpected header: {}",
            header.iter().collect::<Vec<_>>().join(",")
        ));
    }
    let mut rows = Vec::new();
    for (n, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| e.to_string())?;
        let field = |i: usize| rec.get(i).unwrap_or("").to_string();
        let num = |i: usize| -> Result<usize, String> {
            field(i)
                .parse()
                .map_err(|_| format!("row {}: column {} is not a number", n + 2, CSV_HEADER[i]))
        };
        let opt = |i: usize| -> Result<Option<usize>, String> {
            if field(i).is_empty() {
                Ok(None)
            } else {
                num(i).map(Some)
            }
        };
        rows.push(Row {
            pair: field(0),
            claim_id: num(1)?,
            claim: field(2),
            verdict: Verdict::parse(&field(3))
                .ok_or_else(|| format!("row {}: unknown verdict {:?}", n + 2, field(3)))?,
            score: field(4)
                .parse()
                .map_err(|_| format!("row {}: score is not a number", n + 2))?,
            evidence: field(5),
            speaker: field(6),
            secondary_start: num(7)?,
            secondary_end: num(8)?,
            primary_start: opt(9)?,
            primary_end: opt(10)?,
            reasons: field(11),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for bad in ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"] {
            assert!(neutralise(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralise("plain"), "plain");
    }

    #[test]
    fn rows_round_trip() {
        let row = Row {
            pair: "p".into(),
            claim_id: 1,
            claim: "He said \"x\", then left.".into(),
            verdict: Verdict::Misquoted,
            score: 0.5,
            evidence: "x".into(),
            speaker: "A".into(),
            secondary_start: 0,
            secondary_end: 10,
            primary_start: None,
            primary_end: None,
            reasons: "why".into(),
        };
        let mut buf = Vec::new();
        write_rows(&mut buf, [&row], true).unwrap();
        let back = read_rows(buf.as_slice()).unwrap();
        assert_eq!(back, vec![row]);
    }
}
