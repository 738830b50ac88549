//! Data-driven verdict tests: each `verdicts/*.case` file holds a primary transcript, one claim and
//! the verdict expected, and `check` is the only place that calls the pipeline. Run with
//! `UPDATE_EXPECT=1` to rewrite the expected verdicts after an intended change. A case with a
//! `--- requires` section reading `wordnet` is skipped when WordNet is not installed. An optional
//! `--- after` section is the rest of the secondary after the claim (not judged), for checks that
//! depend on where the claim stands, such as a headline. A case with a `--- mode` section reading
//! `summary` judges its claim as `claimcheck claims` judges a summary of one or more sentences
//! (supported only if every sentence is). An optional `--- reason` section holds words that the
//! claim's reasons must contain, for cases about how a verdict is explained.

use claimcheck_align::{assess_all, assess_summary, claims, Primary, Thresholds};
use claimcheck_core::Encoding;
use claimcheck_ingest::{parse_article, parse_transcript, SpeakerHints};
use std::path::Path;

fn section<'a>(text: &'a str, name: &str) -> &'a str {
    optional_section(text, name).unwrap_or_else(|| panic!("no section {name}"))
}

fn optional_section<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let marker = format!("--- {name}\n");
    let start = text.find(&marker).map(|i| i + marker.len())?;
    let end = text[start..]
        .find("\n--- ")
        .map_or(text.len(), |i| start + i);
    Some(text[start..end].trim())
}

/// Runs one case and returns the verdict and reasons of its claim, the first of the secondary,
/// or of the whole claim text as one summary when `summary` is set.
fn check(primary: &str, claim: &str, after: Option<&str>, summary: bool) -> (String, String) {
    let p = Primary::new(parse_transcript(
        primary.to_string(),
        Encoding::Utf8,
        &SpeakerHints::default(),
    ));
    if summary {
        let s = parse_article(claim.to_string(), Encoding::Utf8);
        let a = assess_summary(&p, &s, &Thresholds::default());
        return (a.verdict.to_string(), a.reasons.join("; "));
    }
    let secondary = match after {
        Some(rest) => format!("{claim}\n\n{rest}\n"),
        None => claim.to_string(),
    };
    let s = parse_article(secondary, Encoding::Utf8);
    let cs = claims(&s);
    assert!(
        cs.len() == 1 || after.is_some(),
        "a case holds exactly one claim: {claim}"
    );
    assert_eq!(
        s.slice(cs[0].span),
        claim,
        "the claim is the secondary's first"
    );
    let a = assess_all(&p, &s, &cs[..1], &Thresholds::default());
    (a[0].verdict.to_string(), a[0].reasons.join("; "))
}

#[test]
fn verdict_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/verdicts");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "case"))
    {
        let text = std::fs::read_to_string(f).unwrap();
        // A case can need the optional lexicon (`--- requires` / `wordnet`); without it, skipped.
        if text.contains("--- requires\nwordnet") && !claimcheck_align::wordnet_available() {
            #[allow(clippy::print_stderr, reason = "a skipped case is said so")]
            {
                eprintln!("skipped without WordNet: {}", f.display());
            }
            continue;
        }
        let expected = section(&text, "expect");
        let (got, reasons) = check(
            section(&text, "primary"),
            section(&text, "claim"),
            optional_section(&text, "after"),
            optional_section(&text, "mode") == Some("summary"),
        );
        if got != expected {
            if update {
                let new = text.replace(
                    &format!("--- expect\n{expected}"),
                    &format!("--- expect\n{got}"),
                );
                std::fs::write(f, new).unwrap();
            } else {
                failures.push(format!(
                    "{}: expected {expected}, got {got} ({reasons})",
                    f.display()
                ));
            }
        }
        if let Some(reason) = optional_section(&text, "reason") {
            if !reasons.contains(reason) {
                failures.push(format!(
                    "{}: reasons lack {reason:?} ({reasons})",
                    f.display()
                ));
            }
        }
    }
    assert!(files.len() >= 10, "cases missing");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
