//! Property tests of ingest: no input makes decoding or segmentation panic, every span lies on
//! char boundaries of the decoded text and maps back to the same bytes of the original file, and
//! the fast sentence splitter gives exactly the boundaries of `unicode-segmentation`.
//!
//! Case counts follow `PROPTEST_CASES` (proptest's default, 256, in CI); `just fuzz` runs the
//! same properties with many more cases.

use claimcheck_core::{Document, Encoding, Span};
use claimcheck_ingest::{
    decode, fast_path_applies, parse_article, parse_transcript, sentence_bounds, SpeakerHints,
};
use proptest::prelude::*;
use proptest::test_runner::Config;
use unicode_segmentation::UnicodeSegmentation;

/// Checks one span of a document: in bounds, on char boundaries, and not reversed.
fn check_span(doc: &Document, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= doc.text.len(),
        "{what} {span:?} out of bounds of {} bytes",
        doc.text.len()
    );
    prop_assert!(
        doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end),
        "{what} {span:?} splits a character"
    );
    Ok(())
}

/// Every documented invariant of a segmented document.
fn check_document(doc: &Document) -> Result<(), TestCaseError> {
    for t in &doc.turns {
        check_span(doc, t.span, "turn")?;
    }
    for b in &doc.boilerplate {
        check_span(doc, *b, "boilerplate")?;
    }
    let mut previous_end = 0;
    for s in &doc.sentences {
        check_span(doc, s.span, "sentence")?;
        prop_assert!(s.turn < doc.turns.len(), "sentence of turn {}", s.turn);
        let text = doc.slice(s.span);
        // Trimmed, not empty, in reading order and not overlapping.
        prop_assert!(!text.is_empty(), "empty sentence at {:?}", s.span);
        prop_assert_eq!(text.trim(), text, "sentence not trimmed");
        prop_assert!(
            s.span.start >= previous_end,
            "sentence {:?} overlaps or precedes the one before (ending at {})",
            s.span,
            previous_end
        );
        previous_end = s.span.end;
    }
    Ok(())
}

/// Text that looks like transcripts and articles: labels, quotes, abbreviations, numbers, blank
/// lines, CRLF, boilerplate and stray Unicode, so segmentation's branches are all reached.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Sergey Lavrov: ".to_string()),
        Just("Question: ".to_string()),
        Just("Q: ".to_string()),
        Just("A: ".to_string()),
        Just("MAYOR HELEN OKAFOR: ".to_string()),
        // Turns run on within a line, as a chat copied onto one line has them.
        Just("Ann: ".to_string()),
        Just(". Mike: ".to_string()),
        Just("? . Ann: ".to_string()),
        Just("industrial designer: ".to_string()),
        Just("13:10 ".to_string()),
        Just("Note:".to_string()),
        Just("by Jane Doe [2-10-2026]".to_string()),
        Just("https://t.me/channel ".to_string()),
        Just("Subscribe to our newsletter".to_string()),
        Just("Mr. ".to_string()),
        Just("U.S. ".to_string()),
        Just("Larry C. Johnson ".to_string()),
        Just("e.g. ".to_string()),
        Just("“We will not,” he said. ".to_string()),
        Just("\"quoted words\" ".to_string()),
        Just("‘single’ ".to_string()),
        Just("«guillemets» ".to_string()),
        Just("£48.6 million ".to_string()),
        Just("2,000 ".to_string()),
        Just("nine to four ".to_string()),
        Just("did not ".to_string()),
        Just("... ".to_string()),
        Just("?! ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\t".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{2028}".to_string()),
        Just("\u{feff}".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("Сергей Лавров: ".to_string()),
        Just("日本語の文。".to_string()),
        Just("👩‍👩‍👧 ".to_string()),
        Just("e\u{301} ".to_string()),
        "[a-zA-Z]{1,12} ",
        "[a-zA-Z ,.;:?!'’\"“”()-]{0,40}",
        "\\PC{0,12}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn hints() -> impl Strategy<Value = SpeakerHints> {
    let name = prop_oneof![
        Just("Sergey Lavrov".to_string()),
        Just("Lavrov".to_string()),
        Just("Question".to_string()),
        Just(String::new()),
        "\\PC{0,10}",
    ];
    (
        prop::option::of(name.clone()),
        prop::collection::vec(name.clone(), 0..3),
        prop::collection::vec(name, 0..3),
    )
        .prop_map(|(speaker, aliases, interviewer_labels)| SpeakerHints {
            speaker,
            aliases,
            interviewer_labels,
        })
}

/// Bytes of a file: arbitrary, or text in one of the encodings, or with a byte-order mark.
fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..512),
        texty().prop_map(String::into_bytes),
        (
            prop::sample::select(vec![
                &b"\xEF\xBB\xBF"[..],
                &b"\xFF\xFE"[..],
                &b"\xFE\xFF"[..],
                &b"%PDF"[..],
                &b""[..],
            ]),
            prop::collection::vec(any::<u8>(), 0..256)
        )
            .prop_map(|(head, tail)| [head, &tail[..]].concat()),
        texty().prop_map(|t| {
            let mut v = vec![0xFF, 0xFE];
            v.extend(t.encode_utf16().flat_map(u16::to_le_bytes));
            v
        }),
        texty().prop_map(|t| {
            let mut v = vec![0xFE, 0xFF];
            v.extend(t.encode_utf16().flat_map(u16::to_be_bytes));
            v
        }),
    ]
}

/// For UTF-8 files, every span's text is the file's bytes at the span's disk offsets.
fn check_disk_offsets(original: &[u8], doc: &Document) -> Result<(), TestCaseError> {
    if !matches!(doc.encoding, Encoding::Utf8 | Encoding::Utf8Bom) {
        return Ok(());
    }
    let spans = doc
        .sentences
        .iter()
        .map(|s| s.span)
        .chain(doc.turns.iter().map(|t| t.span))
        .chain(doc.boilerplate.iter().copied());
    for span in spans {
        let on_disk = &original[doc.disk_offset(span.start)..doc.disk_offset(span.end)];
        prop_assert_eq!(doc.slice(span).as_bytes(), on_disk, "span {:?}", span);
    }
    Ok(())
}

/// Characters that the sentence rules treat differently: letters of both cases, digits, full stops
/// and other sentence ends, closing punctuation, continuations, spaces and paragraph separators,
/// invisible characters, all of them on the fast path of `sentence_bounds`.
const FAST_ALPHABET: &[char] = &[
    'a', 'b', 'z', 'A', 'B', 'Z', 'é', 'É', 'ç', 'ł', 'Ł', 'ж', 'Ж', 'ß', 'º', '0', '7', '.', '.',
    '.', '?', '!', '‼', '․', ',', ';', ':', '-', '–', '—', '\'', '"', '‘', '’', '“', '”', '«', '»',
    '(', ')', '[', ']', '{', '}', ' ', ' ', ' ', '\t', '\u{a0}', '\u{2009}', '\u{202f}', '\n',
    '\n', '\r', '\u{85}', '\u{2028}', '\u{2029}', '\u{b}', '…', '#', '$', '£', '€', '/', '*',
    '\u{1}', '\u{301}', '\u{ad}', '\u{200b}', '\u{200d}', '\u{feff}',
];

/// Characters off the fast path (other scripts and classes), which send a text to the crate.
const OTHER_ALPHABET: &[char] = &[
    'α', 'Ω', '日', '。', 'א', 'ǅ', '٣', '\u{5bf}', '！', '\u{e01}',
];

/// Bits of text around full stops: abbreviations, numbers, quotes, line ends.
const SNIPPETS: &[&str] = &[
    "Mr. ", "U.S. ", "e.g. ", "etc.) ", "a.” (b", "1.5 ", ".\r\n",
];

/// Strings where sentence rules have something to decide: short, dense in punctuation and
/// spaces, with long runs sometimes.
fn sentence_text(alphabet: &'static [char]) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => prop::sample::select(alphabet).prop_map(String::from),
        1 => (prop::sample::select(alphabet), 1..20usize)
            .prop_map(|(c, n)| c.to_string().repeat(n)),
        1 => prop::sample::select(SNIPPETS).prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// `sentence_bounds` must give exactly what `unicode-segmentation` gives.
fn check_sentence_bounds(s: &str) -> Result<(), TestCaseError> {
    let expected: Vec<(usize, &str)> = s.split_sentence_bound_indices().collect();
    let got: Vec<(usize, &str)> = sentence_bounds(s).collect();
    prop_assert_eq!(got, expected, "text {:?}", s);
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
    fn sentence_bounds_are_unicode_segmentations(s in sentence_text(FAST_ALPHABET)) {
        prop_assert!(fast_path_applies(&s));
        check_sentence_bounds(&s)?;
    }

    #[test]
    fn sentence_bounds_of_mixed_scripts_are_unicode_segmentations(
        s in sentence_text(FAST_ALPHABET),
        others in prop::collection::vec(
            (any::<prop::sample::Index>(), prop::sample::select(OTHER_ALPHABET)),
            0..3,
        ),
    ) {
        let mut s = s;
        for (at, c) in others {
            let mut i = at.index(s.len() + 1);
            while !s.is_char_boundary(i) {
                i -= 1;
            }
            s.insert(i, c);
        }
        check_sentence_bounds(&s)?;
        // And with a lowercase letter at the end, which SB8 looks ahead for.
        check_sentence_bounds(&format!("{s}x"))?;
    }

    #[test]
    fn sentence_bounds_of_any_text_are_unicode_segmentations(s in texty()) {
        check_sentence_bounds(&s)?;
    }

    #[test]
    fn decode_never_panics_and_keeps_utf8_as_is(bytes in file_bytes()) {
        if let Ok(d) = decode(&bytes) {
            prop_assert!(!d.text.contains('\0'));
            match d.encoding {
                Encoding::Utf8 => prop_assert_eq!(d.text.as_bytes(), &bytes[..]),
                Encoding::Utf8Bom if !d.had_errors => {
                    prop_assert_eq!(d.text.as_bytes(), &bytes[3..]);
                }
                _ => {}
            }
        }
    }

    #[test]
    fn any_utf8_text_decodes_to_itself(text in texty(), bom in any::<bool>()) {
        let bytes = if bom {
            [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat()
        } else {
            text.clone().into_bytes()
        };
        // Text may still be refused as binary (NULs, control characters), never mangled; only
        // a leading U+FEFF is a byte-order mark, not text.
        let expected = if bom { &text[..] } else { text.strip_prefix('\u{feff}').unwrap_or(&text) };
        if let Ok(d) = decode(&bytes) {
            prop_assert_eq!(d.text.as_str(), expected);
        }
    }

    #[test]
    fn transcripts_of_any_text_are_well_formed(text in texty(), h in hints()) {
        let doc = parse_transcript(text.clone(), Encoding::Utf8, &h);
        prop_assert_eq!(&doc.text, &text, "segmentation never rewrites the text");
        check_document(&doc)?;
    }

    #[test]
    fn transcripts_of_arbitrary_unicode_are_well_formed(text in "\\PC*", h in hints()) {
        let doc = parse_transcript(text.clone(), Encoding::Utf8, &h);
        prop_assert_eq!(&doc.text, &text);
        check_document(&doc)?;
    }

    #[test]
    fn articles_of_any_text_are_well_formed(text in texty()) {
        let doc = parse_article(text.clone(), Encoding::Utf8);
        prop_assert_eq!(&doc.text, &text);
        check_document(&doc)?;
    }

    #[test]
    fn articles_of_arbitrary_unicode_are_well_formed(text in any::<String>()) {
        let doc = parse_article(text.clone(), Encoding::Utf8);
        check_document(&doc)?;
    }

    #[test]
    fn spans_map_back_to_the_file(bytes in file_bytes(), h in hints()) {
        let Ok(d) = decode(&bytes) else { return Ok(()) };
        // Replaced bytes change lengths: offsets past them are into the decoded text (and the
        // user is warned), so only clean files are held to the on-disk mapping.
        let clean = !d.had_errors;
        let article = parse_article(d.text.clone(), d.encoding);
        check_document(&article)?;
        if clean {
            check_disk_offsets(&bytes, &article)?;
        }
        let transcript = parse_transcript(d.text, d.encoding, &h);
        check_document(&transcript)?;
        if clean {
            check_disk_offsets(&bytes, &transcript)?;
        }
    }

    #[test]
    fn utf8_files_with_bom_and_crlf_map_back(text in texty(), bom in any::<bool>(), crlf in any::<bool>()) {
        let text = if crlf { text.replace('\n', "\r\n") } else { text };
        let bytes = if bom {
            [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat()
        } else {
            text.into_bytes()
        };
        let Ok(d) = decode(&bytes) else { return Ok(()) };
        prop_assert!(matches!(d.encoding, Encoding::Utf8 | Encoding::Utf8Bom));
        let transcript = parse_transcript(d.text.clone(), d.encoding, &SpeakerHints::default());
        check_disk_offsets(&bytes, &transcript)?;
        let article = parse_article(d.text, d.encoding);
        check_disk_offsets(&bytes, &article)?;
    }
}

/// Every file of the fixtures and of the evaluation pairs, split whole, by line and by paragraph,
/// gives the same sentence boundaries as `unicode-segmentation`, and almost all of it takes the
/// fast path.
#[test]
fn sentence_bounds_of_the_fixtures_are_unicode_segmentations() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    let mut dirs = vec![root.join("fixtures"), root.join("eval/pairs")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable directory") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 10, "found only {files:?}");
    let (mut pieces, mut fast) = (0, 0);
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let lines = text.split('\n');
        let paragraphs = text.split("\n\n");
        for s in std::iter::once(text.as_str())
            .chain(lines)
            .chain(paragraphs)
        {
            let expected: Vec<(usize, &str)> = s.split_sentence_bound_indices().collect();
            let got: Vec<(usize, &str)> = sentence_bounds(s).collect();
            assert_eq!(got, expected, "{} at {s:?}", path.display());
            pieces += 1;
            fast += usize::from(fast_path_applies(s));
        }
    }
    assert!(
        fast * 10 >= pieces * 9,
        "only {fast} of {pieces} pieces took the fast path"
    );
}
