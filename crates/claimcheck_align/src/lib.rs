//! Alignment: split a secondary into claims, find for each the passage of the primary it rests on,
//! and judge it.
//!
//! The primary is tokenized and indexed once ([`Primary::new`]); each claim then retrieves a few
//! candidate sentences by BM25, widens them into windows of neighbouring sentences of the same
//! turn, scores each window by how much of the claim's content it contains, and keeps the best.
//! The checks in `judge` then compare the claim with that passage: quotations, speakers, numbers,
//! names, negation, antonyms, added specifics and the author's own voice. Thresholds live in one
//! place, [`Thresholds`].
#![deny(missing_docs)]

mod index;
mod judge;
mod lexicon;
#[cfg(test)]
mod mechanisms;
mod quotes;
mod text;
mod wordnet;

pub use index::Primary;
pub use judge::Thresholds;
pub use wordnet::available as wordnet_available;

use claimcheck_core::{Assessment, Claim, Document, Verdict};
use rayon::prelude::*;

/// Starts loading the optional lexicon (WordNet) in the background, so that it overlaps with
/// reading and segmenting the inputs. Calling it is optional: the first use loads it anyway.
pub fn warm_up() {
    wordnet::preload();
}

/// Claims shorter than this many words are headings or fragments, not statements.
const MIN_CLAIM_WORDS: usize = 4;

/// Splits a secondary into claims: its sentences, in reading order, without fragments.
///
/// A sentence of fewer than four words is kept only when it quotes someone. A full stop before a
/// lower-case word ends a claim too, so that summaries written in lower case have sentences (see
/// [`lowercase_sentences`]).
pub fn claims(secondary: &Document) -> Vec<Claim> {
    let mut out = Vec::new();
    let pieces = secondary
        .sentences
        .iter()
        .flat_map(|s| lowercase_sentences(&secondary.text, s.span));
    for piece in pieces {
        let text = secondary.slice(piece);
        let words = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count();
        let quoted = !quotes::find_quotes(&secondary.text, piece).is_empty();
        if words >= MIN_CLAIM_WORDS || (quoted && words >= 1) {
            let span = if out.is_empty() {
                without_byline(secondary, piece)
            } else {
                piece
            };
            out.push(Claim {
                id: out.len() + 1,
                span,
            });
        }
    }
    out
}

/// A sentence split where a word of two letters or more ends with a full stop and the next word
/// starts in lower case: summaries written all in lower case ("… fifty euros. user interface
/// agreed …") still have sentences. Abbreviations ("etc.", "mr.", "p.m.") do not end one.
fn lowercase_sentences(text: &str, span: claimcheck_core::Span) -> Vec<claimcheck_core::Span> {
    // Beyond the abbreviations the segmenter knows, some that end a word inside a sentence.
    const MORE: &[&str] = &[
        "incl", "viz", "esp", "dept", "est", "misc", "oz", "lb", "eg", "ie",
    ];
    let mut out = Vec::new();
    let mut start = span.start;
    let slice = &text[span.range()];
    for (k, _) in slice.match_indices(". ") {
        let stop = span.start + k;
        let word = text[start..stop]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let next = text[stop + 1..span.end].trim_start();
        let lower_next = next.chars().next().is_some_and(|c| c.is_lowercase());
        let dotted = text[..stop - word.len()].ends_with('.');
        if word.chars().count() >= 2
            && !dotted
            && lower_next
            && !(claimcheck_core::ABBREVIATIONS.iter().chain(MORE))
                .any(|a| a.eq_ignore_ascii_case(word))
        {
            out.push(claimcheck_core::Span::new(start, stop + 1));
            start = span.end - next.len();
        }
    }
    out.push(claimcheck_core::Span::new(start, span.end));
    out
}

/// A headline that starts with its author's name ("Larry Johnson: Lavrov Says …") is a claim
/// without that prefix.
fn without_byline(doc: &Document, span: claimcheck_core::Span) -> claimcheck_core::Span {
    let text = doc.slice(span);
    let Some(colon) = text.find(": ") else {
        return span;
    };
    let label = &text[..colon];
    let words: Vec<&str> = label.split_whitespace().collect();
    let name_like = (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '.')
        });
    let rest = text[colon + 2..].trim_start();
    if name_like && rest.split_whitespace().count() >= MIN_CLAIM_WORDS {
        claimcheck_core::Span::new(span.end - rest.len(), span.end)
    } else {
        span
    }
}

/// Assesses every claim against the primary, in parallel; results are in claim order.
pub fn assess_all(
    primary: &Primary,
    secondary: &Document,
    claims: &[Claim],
    thresholds: &Thresholds,
) -> Vec<Assessment> {
    claims
        .par_iter()
        .map(|c| judge::assess(primary, &secondary.text, c, thresholds))
        .collect()
}

/// Assesses one claim against the primary.
pub fn assess(
    primary: &Primary,
    secondary: &Document,
    claim: &Claim,
    thresholds: &Thresholds,
) -> Assessment {
    judge::assess(primary, &secondary.text, claim, thresholds)
}

/// Assesses a short summary of one or more sentences as a whole: it is supported only if every
/// sentence is; otherwise the verdict is the first failing sentence's, and the reasons say which.
pub fn assess_summary(
    primary: &Primary,
    summary: &Document,
    thresholds: &Thresholds,
) -> Assessment {
    let mut claims = claims(summary);
    if claims.is_empty() {
        // Too short to split into claims: judge the whole text as one.
        if let (Some(first), Some(last)) = (summary.sentences.first(), summary.sentences.last()) {
            claims.push(Claim {
                id: 1,
                span: first.span.cover(last.span),
            });
        }
    }
    let results = assess_all(primary, summary, &claims, thresholds);
    let whole = claims
        .first()
        .zip(claims.last())
        .map(|(a, b)| a.span.cover(b.span))
        .unwrap_or_default();
    let min_score = results.iter().map(|a| a.score).fold(1.0_f64, f64::min);
    let failing = results.iter().find(|a| a.verdict != Verdict::Supported);
    match failing {
        None => {
            let best = results.iter().max_by(|a, b| a.score.total_cmp(&b.score));
            let mut reasons = Vec::new();
            if results.len() > 1 {
                reasons.push(format!("all {} sentences supported", results.len()));
            }
            if let Some(b) = best {
                reasons.extend(b.reasons.iter().cloned());
            }
            Assessment {
                claim: Claim { id: 1, span: whole },
                verdict: Verdict::Supported,
                score: if results.is_empty() { 0.0 } else { min_score },
                evidence: best.and_then(|b| b.evidence),
                speaker: best.and_then(|b| b.speaker.clone()),
                reasons,
            }
        }
        Some(f) => {
            let mut reasons = Vec::new();
            if results.len() > 1 {
                reasons.push(format!(
                    "sentence {} of {} is {}: \"{}\"",
                    f.claim.id,
                    results.len(),
                    f.verdict,
                    summary.slice(f.claim.span)
                ));
            }
            reasons.extend(f.reasons.iter().cloned());
            Assessment {
                claim: Claim { id: 1, span: whole },
                verdict: f.verdict,
                score: min_score,
                evidence: f.evidence,
                speaker: f.speaker.clone(),
                reasons,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        lowercase_sentences(text, claimcheck_core::Span::new(0, text.len()))
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn lowercase_text_is_split_at_full_stops_but_not_after_abbreviations() {
        assert_eq!(
            pieces("they bought pears, apples etc. and left. then they ate at 5 p.m. sharp."),
            [
                "they bought pears, apples etc. and left.",
                "then they ate at 5 p.m. sharp."
            ]
        );
        assert_eq!(
            pieces("they met mr. smith, e.g. at work. then they had to go. he left."),
            [
                "they met mr. smith, e.g. at work.",
                "then they had to go.",
                "he left."
            ]
        );
        assert_eq!(pieces("She left. He stayed."), ["She left. He stayed."]);
        // The segmenter's abbreviations, in any case: a company or a month is not a sentence.
        assert_eq!(
            pieces("Acme Inc. said profits rose in Sept. and fell in Oct. as expected."),
            ["Acme Inc. said profits rose in Sept. and fell in Oct. as expected."]
        );
    }
}
