//! Data-driven tests of the text mechanisms (numbers, negation scope, quotations) with cases on
//! disk in `tests/mechanisms/*.txt`: one case a line, `input | expected`. `check_*` are the only
//! places that call the mechanisms.

use crate::quotes::find_quotes;
use crate::text::{negated, numbers, tokenize};
use claimcheck_core::Span;
use std::path::Path;

fn cases(name: &str) -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/mechanisms")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (a, b) = l
                .split_once(" | ")
                .or_else(|| l.strip_suffix(" |").map(|a| (a, "")))
                .unwrap_or_else(|| panic!("bad case line: {l}"));
            (a.to_string(), b.trim().to_string())
        })
        .collect()
}

fn run(name: &str, check: impl Fn(&str) -> String) {
    let mut failures = Vec::new();
    let all = cases(name);
    assert!(!all.is_empty(), "no cases in {name}");
    for (input, expected) in all {
        let got = check(&input);
        if got != expected {
            failures.push(format!("{input:?}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}

fn check_numbers(text: &str) -> String {
    let toks = tokenize(text, Span::new(0, text.len()));
    numbers(&toks)
        .iter()
        .map(|n| match n.clock {
            None => format!("{}", n.value),
            Some(marked) => format!(
                "{}:{:02}{}",
                n.value as u32 / 60,
                n.value as u32 % 60,
                if marked { "" } else { "?" }
            ),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_negation(text: &str) -> String {
    let toks = tokenize(text, Span::new(0, text.len()));
    let neg = negated(text, &toks);
    toks.iter()
        .zip(neg)
        .filter(|(_, n)| *n)
        .map(|(t, _)| t.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn check_quotes(text: &str) -> String {
    find_quotes(text, Span::new(0, text.len()))
        .iter()
        .map(|q| text[q.span.range()].to_string())
        .collect::<Vec<_>>()
        .join(" / ")
}

#[test]
fn number_cases() {
    run("numbers.txt", check_numbers);
}

#[test]
fn negation_cases() {
    run("negation.txt", check_negation);
}

#[test]
fn quote_cases() {
    run("quotes.txt", check_quotes);
}
