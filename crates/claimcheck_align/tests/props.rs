//! Property tests of alignment: whatever the primary and the secondary, indexing, claim
//! splitting and judging never panic, every span lies on char boundaries of the text it indexes
//! (and maps back to the file's bytes), scores stay in [0, 1], and results do not depend on hash
//! seeds or on being computed twice.
//!
//! Case counts follow `PROPTEST_CASES` (proptest's default, 256, in CI); `just fuzz` runs the
//! same properties with many more cases.

use claimcheck_align::{assess_all, assess_summary, claims, Primary, Thresholds};
use claimcheck_core::{Assessment, Document, Encoding, Span};
use claimcheck_ingest::{decode, parse_article, parse_transcript, SpeakerHints};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Words that reach the judge's checks: names, numbers, negations, opposites, hedges, verbs of
/// saying, opinion markers.
const WORDS: &[&str] = &[
    "the",
    "council",
    "voted",
    "nine",
    "to",
    "four",
    "approve",
    "plan",
    "harbour",
    "budget",
    "million",
    "£48.6",
    "2,000",
    "3.5",
    "1999",
    "2026",
    "percent",
    "%",
    "not",
    "never",
    "no",
    "didn't",
    "won't",
    "increase",
    "decrease",
    "rise",
    "fall",
    "support",
    "oppose",
    "always",
    "privately",
    "secretly",
    "Lavrov",
    "Sergey",
    "Okafor",
    "Helen",
    "Moscow",
    "Washington",
    "NATO",
    "U.S.",
    "Mr.",
    "said",
    "told",
    "claimed",
    "insisted",
    "admitted",
    "believe",
    "clearly",
    "arguably",
    "shameful",
    "disgraceful",
    "will",
    "should",
    "must",
    "we",
    "they",
    "he",
    "she",
    "it",
    "is",
    "was",
    "would",
    "and",
    "but",
    "because",
    "January",
    "Tuesday",
    "first",
    "second",
    "half",
    "dozen",
    "twice",
    "hundred",
    "thousand",
    "billion",
];

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 1..14),
        prop::sample::select(vec![".", "?", "!", "", ",", "…", ";"]),
        prop::sample::select(vec!["", "\"", "“", "‘", "«"]),
    )
        .prop_map(|(words, end, quote)| {
            let body = words.join(" ");
            let close = match quote {
                "\"" => "\"",
                "“" => "”",
                "‘" => "’",
                "«" => "»",
                _ => "",
            };
            format!("{quote}{body}{end}{close} ")
        })
}

/// A transcript: labelled turns of generated sentences, plus stray Unicode and layout.
fn transcript() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => sentence(),
        1 => prop::sample::select(vec![
            "\n\nSergey Lavrov: ",
            "\n\nQuestion: ",
            "\n\nQ: ",
            "\n\nA: ",
            "\n\nMAYOR HELEN OKAFOR: ",
            "\n\nHost: ",
            "\nJohn Smith: ",
            "\n\n",
            "\r\n",
            "\n",
            "(laughter) ",
            "– ",
            "https://t.me/x ",
        ])
        .prop_map(str::to_string),
        1 => "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..32).prop_map(|v| v.concat())
}

/// A secondary: sentences of the same vocabulary, some attributed, some quoted.
fn secondary() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => sentence(),
        1 => prop::sample::select(vec![
            "Lavrov said ",
            "According to Okafor, ",
            "The interviewer asked whether ",
            "In my view, ",
            "\n\n",
            "\n",
        ])
        .prop_map(str::to_string),
        1 => "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..16).prop_map(|v| v.concat())
}

/// A secondary made of pieces of the primary, so quotations and paraphrases really match.
fn derived(primary: &str, cuts: &[(usize, usize, bool)]) -> String {
    let mut out = String::new();
    for &(a, b, quoted) in cuts {
        let (mut a, mut b) = (a % (primary.len() + 1), b % (primary.len() + 1));
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        while !primary.is_char_boundary(a) {
            a -= 1;
        }
        while !primary.is_char_boundary(b) {
            b -= 1;
        }
        let piece = &primary[a..b];
        if quoted {
            out.push_str(&format!("Lavrov said “{piece}”. "));
        } else {
            out.push_str(piece);
            out.push_str(". ");
        }
    }
    out
}

fn hints() -> impl Strategy<Value = SpeakerHints> {
    prop_oneof![
        Just(SpeakerHints::default()),
        Just(SpeakerHints {
            speaker: Some("Sergey Lavrov".into()),
            aliases: vec!["Lavrov".into()],
            interviewer_labels: vec!["Question".into()],
        }),
        Just(SpeakerHints {
            speaker: Some("Helen Okafor".into()),
            aliases: vec!["Okafor".into(), "Mayor Helen Okafor".into()],
            interviewer_labels: vec!["Q".into()],
        }),
    ]
}

fn thresholds() -> impl Strategy<Value = Thresholds> {
    prop_oneof![
        3 => Just(Thresholds::default()),
        1 => (0.0..=1.0f64, 0.0..=1.0f64, 0.0..=1.0f64, 1usize..4, 0.0..=1.0f64).prop_map(
            |(a, b, variant, candidates, credit)| Thresholds {
                supported: a.max(b),
                core: a.min(b),
                variant,
                candidates,
                context_credit: credit,
                ..Thresholds::default()
            }
        ),
    ]
}

fn check_span(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of bounds of {} bytes",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a character"
    );
    Ok(())
}

/// Checks an assessment against the documents it refers to, and the on-disk bytes of each.
fn check_assessment(
    a: &Assessment,
    primary: &Document,
    primary_file: &[u8],
    secondary: &Document,
    secondary_file: &[u8],
) -> Result<(), TestCaseError> {
    prop_assert!(
        a.score.is_finite() && (0.0..=1.0).contains(&a.score),
        "score {}",
        a.score
    );
    check_span(&secondary.text, a.claim.span, "claim")?;
    let on_disk = |doc: &Document, file: &[u8], span: Span| {
        file.get(doc.disk_offset(span.start)..doc.disk_offset(span.end))
            .map(<[u8]>::to_vec)
    };
    prop_assert_eq!(
        on_disk(secondary, secondary_file, a.claim.span),
        Some(secondary.slice(a.claim.span).as_bytes().to_vec()),
        "claim maps back to the file"
    );
    if let Some(e) = a.evidence {
        check_span(&primary.text, e, "evidence")?;
        prop_assert_eq!(
            on_disk(primary, primary_file, e),
            Some(primary.slice(e).as_bytes().to_vec()),
            "evidence maps back to the file"
        );
    }
    Ok(())
}

/// File bytes for a text: with or without a UTF-8 byte-order mark, decoded as ingest would.
fn as_file(text: &str, bom: bool) -> Option<(Vec<u8>, String, Encoding)> {
    let bytes = if bom {
        [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat()
    } else {
        text.as_bytes().to_vec()
    };
    let d = decode(&bytes).ok()?;
    // Only clean UTF-8 keeps on-disk offsets.
    matches!(d.encoding, Encoding::Utf8 | Encoding::Utf8Bom).then_some((bytes, d.text, d.encoding))
}

/// The whole pipeline on one pair, with every property checked.
fn pipeline(
    primary_text: &str,
    secondary_text: &str,
    bom: bool,
    h: &SpeakerHints,
    t: &Thresholds,
) -> Result<(), TestCaseError> {
    let Some((p_file, p_text, p_enc)) = as_file(primary_text, bom) else {
        return Ok(());
    };
    let Some((s_file, s_text, s_enc)) = as_file(secondary_text, bom) else {
        return Ok(());
    };
    let doc = parse_transcript(p_text, p_enc, h);
    let primary = Primary::new(doc.clone());
    let secondary = parse_article(s_text, s_enc);
    let cs = claims(&secondary);
    for (i, c) in cs.iter().enumerate() {
        prop_assert_eq!(c.id, i + 1, "claims are numbered in order");
        check_span(&secondary.text, c.span, "claim")?;
    }
    let results = assess_all(&primary, &secondary, &cs, t);
    prop_assert_eq!(results.len(), cs.len());
    for (a, c) in results.iter().zip(&cs) {
        prop_assert_eq!(&a.claim, c, "results are in claim order");
        check_assessment(a, primary.document(), &p_file, &secondary, &s_file)?;
    }
    // A second index of the same document (new hash seeds) gives the same results.
    let again = assess_all(&Primary::new(doc), &secondary, &cs, t);
    prop_assert_eq!(&again, &results, "results depend on hash seeds");
    // The summary form (the `claims` command) holds to the same rules.
    let s = assess_summary(&primary, &secondary, t);
    prop_assert!(s.score.is_finite() && (0.0..=1.0).contains(&s.score));
    check_span(&secondary.text, s.claim.span, "summary")?;
    if let Some(e) = s.evidence {
        check_span(&primary.document().text, e, "summary evidence")?;
    }
    Ok(())
}

fn config() -> Config {
    // Honour PROPTEST_CASES (for `just fuzz`); otherwise proptest's default.
    Config {
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_unicode_never_panics(
        p in "\\PC{0,200}",
        s in "\\PC{0,120}",
        bom in any::<bool>(),
        h in hints(),
    ) {
        pipeline(&p, &s, bom, &h, &Thresholds::default())?;
    }

    #[test]
    fn arbitrary_strings_never_panic(p in any::<String>(), s in any::<String>()) {
        pipeline(&p, &s, false, &SpeakerHints::default(), &Thresholds::default())?;
    }

    #[test]
    fn transcripts_and_articles_are_judged_within_the_rules(
        p in transcript(),
        s in secondary(),
        bom in any::<bool>(),
        h in hints(),
        t in thresholds(),
    ) {
        pipeline(&p, &s, bom, &h, &t)?;
    }

    #[test]
    fn secondaries_quoting_the_primary_are_judged_within_the_rules(
        p in transcript(),
        cuts in prop::collection::vec((any::<usize>(), any::<usize>(), any::<bool>()), 1..6),
        bom in any::<bool>(),
        h in hints(),
    ) {
        let s = derived(&p, &cuts);
        pipeline(&p, &s, bom, &h, &Thresholds::default())?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(p in prop::collection::vec(any::<u8>(), 0..400), s in prop::collection::vec(any::<u8>(), 0..200)) {
        // Whatever decodes is indexed and judged; offsets are checked for UTF-8 in `pipeline`,
        // here only that nothing panics and spans stay on char boundaries.
        let (Ok(pd), Ok(sd)) = (decode(&p), decode(&s)) else { return Ok(()) };
        let primary = Primary::new(parse_transcript(pd.text, pd.encoding, &SpeakerHints::default()));
        let secondary = parse_article(sd.text, sd.encoding);
        let cs = claims(&secondary);
        for a in assess_all(&primary, &secondary, &cs, &Thresholds::default()) {
            check_span(&secondary.text, a.claim.span, "claim")?;
            if let Some(e) = a.evidence {
                check_span(&primary.document().text, e, "evidence")?;
            }
        }
    }
}

/// Found by `arbitrary_unicode_never_panics`: a word whose stem ends in a character with two
/// equal trailing bytes (U+1D514 '𝔔' is F0 9D 94 94, U+2082 '₂' is E2 82 82) followed by a
/// suffix ("s", "ed") must not be cut inside that character when looking for a doubled final
/// consonant (only reached with WordNet installed).
#[test]
fn wide_characters_before_a_suffix_do_not_panic() {
    for word in ["𝔔s", "x𝔔ed", "₂₂ing", "t₂s"] {
        let p = format!("Sergey Lavrov: The council met and the {word} voted today.");
        let s = format!("Lavrov said the {word} voted today at the council.");
        let result = pipeline(
            &p,
            &s,
            false,
            &SpeakerHints::default(),
            &Thresholds::default(),
        );
        assert!(result.is_ok(), "{word}: {result:?}");
    }
}

/// Found by `transcripts_and_articles_are_judged_within_the_rules`: a quotation whose verbatim
/// occurrence runs across a sentence boundary of the primary ("U.S.?" then "budget.") was
/// measured against one sentence only, and slicing from that sentence's start to the
/// occurrence's start panicked.
#[test]
fn a_quotation_found_across_sentences_does_not_panic() {
    for (p, s) in [
        ("U.S.? budget. ", "\"U.S. budget.\" "),
        (
            "Anna Petrova: We met the U.S.? budget office. ",
            "She said \"U.S. budget office\".",
        ),
    ] {
        let result = pipeline(
            p,
            s,
            false,
            &SpeakerHints::default(),
            &Thresholds::default(),
        );
        assert!(result.is_ok(), "{p:?} / {s:?}: {result:?}");
    }
}
