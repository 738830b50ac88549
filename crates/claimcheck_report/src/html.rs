//! HTML review pages (placeholder; the full page lands with the review-page work).

use crate::{Row, Summary};
use claimcheck_core::Document;

/// A self-contained review page for one pair.
pub fn page(title: &str, _primary: &Document, _secondary: &Document, rows: &[Row]) -> String {
    let _ = rows;
    format!("<!doctype html><title>{}</title>", escape(title))
}

/// The index of all pairs.
pub fn index(summaries: &[Summary]) -> String {
    let _ = summaries;
    "<!doctype html><title>claimcheck</title>".into()
}

/// Escapes text for HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
