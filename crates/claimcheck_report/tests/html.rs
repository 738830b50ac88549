//! Tests of the HTML review page and index: every claim shown with its verdict, all input escaped,
//! evidence marked per claim even when spans overlap, offsets mapped through a byte-order mark,
//! deterministic output, and a multi-megabyte transcript rendered in one pass.

use claimcheck_core::{Assessment, Claim, Document, Encoding, Role, Span, Turn, Verdict};
use claimcheck_ingest::{parse_article, parse_transcript, SpeakerHints};
use claimcheck_report::html::{escape, index, page};
use claimcheck_report::{read_rows, write_rows, Row, Summary};
use scraper::{ElementRef, Html, Selector};

const PRIMARY: &str = "Moscow, February 10, 2026\n\n\
Question: Mr Lavrov, what are the main challenges facing Russian diplomacy?\n\n\
Sergey Lavrov: The principal challenges are well-known. A multipolar order is now emerging.\n\n\
We agree with the administration of Donald Trump that policy should rest on national interests.\n\n\
Question: What about Europe and the talks in Abu Dhabi?\n\n\
Sergey Lavrov: Europe keeps obstructing natural cooperation. We have no intention to attack \
Europe. There is still a long way to go.\n";

const SECONDARY: &str = "Lavrov gave a long interview on Tuesday.\n\n\
He said a “multipolar order is emerging” in the world. \
He said the US “agrees with everything Russia does”. \
The interviewer said Europe was obstructing cooperation. \
Lavrov said Russia will attack Europe. \
He added that the talks would finish by March 2027. \
The Abu Dhabi talks were held in secret. \
This was surely his most brilliant interview.\n";

fn hints() -> SpeakerHints {
    SpeakerHints {
        speaker: Some("Sergey Lavrov".into()),
        aliases: vec!["Lavrov".into()],
        interviewer_labels: vec!["Question".into()],
    }
}

fn transcript(text: &str, encoding: Encoding) -> Document {
    parse_transcript(text.to_string(), encoding, &hints())
}

fn article(text: &str, encoding: Encoding) -> Document {
    parse_article(text.to_string(), encoding)
}

/// The span of the first occurrence of `needle` in the document's text.
fn find(doc: &Document, needle: &str) -> Span {
    let start = doc
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    Span::new(start, start + needle.len())
}

/// An assessment of the claim `claim` (a substring of the secondary) with evidence `evidence` (a
/// substring of the primary).
fn assess(
    primary: &Document,
    secondary: &Document,
    id: usize,
    claim: &str,
    verdict: Verdict,
    evidence: Option<&str>,
    reasons: &[&str],
) -> Assessment {
    Assessment {
        claim: Claim {
            id,
            span: find(secondary, claim),
        },
        verdict,
        score: id as f64 / 10.0,
        evidence: evidence.map(|e| find(primary, e)),
        speaker: evidence.map(|_| "Sergey Lavrov".to_string()),
        reasons: reasons.iter().map(|r| r.to_string()).collect(),
    }
}

/// One claim of each verdict, plus an opinion without evidence.
fn seed(primary: &Document, secondary: &Document) -> Vec<Row> {
    let a = [
        assess(
            primary,
            secondary,
            1,
            "He said a “multipolar order is emerging” in the world.",
            Verdict::Supported,
            Some("A multipolar order is now emerging."),
            &["quote found verbatim"],
        ),
        assess(
            primary,
            secondary,
            2,
            "He said the US “agrees with everything Russia does”.",
            Verdict::Misquoted,
            Some("We agree with the administration of Donald Trump"),
            &[
                "quoted \"agrees with everything\" not in primary",
                "closest: \"We agree\"",
            ],
        ),
        assess(
            primary,
            secondary,
            3,
            "The interviewer said Europe was obstructing cooperation.",
            Verdict::Misattributed,
            Some("Europe keeps obstructing natural cooperation."),
            &["said by Sergey Lavrov, not the interviewer"],
        ),
        assess(
            primary,
            secondary,
            4,
            "Lavrov said Russia will attack Europe.",
            Verdict::Contradicted,
            Some("We have no intention to attack Europe."),
            &["negation differs"],
        ),
        assess(
            primary,
            secondary,
            5,
            "He added that the talks would finish by March 2027.",
            Verdict::Embellished,
            Some("There is still a long way to go."),
            &["adds \"March 2027\""],
        ),
        assess(
            primary,
            secondary,
            6,
            "The Abu Dhabi talks were held in secret.",
            Verdict::Unsupported,
            None,
            &["no passage mentions secrecy"],
        ),
        assess(
            primary,
            secondary,
            7,
            "This was surely his most brilliant interview.",
            Verdict::Opinion,
            None,
            &[],
        ),
    ];
    a.iter()
        .map(|a| Row::new("lavrov-test", primary, secondary, a))
        .collect()
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| panic!("bad selector {s}: {e:?}"))
}

/// The text of an element with whitespace runs collapsed.
fn text_of(e: ElementRef<'_>) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The raw text of an element.
fn raw_text(e: ElementRef<'_>) -> String {
    e.text().collect()
}

/// The claim element of a claim id, exactly one.
fn claim_el<'a>(doc: &'a Html, id: usize) -> ElementRef<'a> {
    let found: Vec<_> = doc
        .select(&sel(&format!(".claim[data-id=\"{id}\"]")))
        .collect();
    assert_eq!(found.len(), 1, "claim {id} should appear exactly once");
    found[0]
}

/// The concatenated text of the transcript's evidence segments tagged with `key`.
fn evidence_text(doc: &Html, key: &str) -> String {
    doc.select(&sel("#pri .ev"))
        .filter(|e| {
            e.value()
                .attr("data-c")
                .is_some_and(|c| c.split(' ').any(|k| k == key))
        })
        .map(raw_text)
        .collect()
}

#[test]
fn every_claim_of_the_csv_appears_with_its_verdict() {
    let primary = transcript(PRIMARY, Encoding::Utf8);
    let secondary = article(SECONDARY, Encoding::Utf8);
    let rows = seed(&primary, &secondary);
    // Go through the CSV, as `claimcheck` does between `batch` shards.
    let mut csv = Vec::new();
    write_rows(&mut csv, &rows, true).expect("write csv");
    let rows = read_rows(csv.as_slice()).expect("read csv");
    assert_eq!(rows.len(), 7);

    let html = page("Lavrov test", &primary, &secondary, &rows);
    let doc = Html::parse_document(&html);
    for r in &rows {
        let el = claim_el(&doc, r.claim_id);
        let v = r.verdict.as_str();
        assert_eq!(el.value().attr("data-v"), Some(v));
        assert!(el.value().classes().any(|c| c == format!("v-{v}")));
        assert_eq!(el.value().attr("tabindex"), Some("0"));
        let badge = el
            .select(&sel(".badge"))
            .next()
            .expect("every claim has a badge");
        assert_eq!(text_of(badge).to_lowercase(), v, "visible verdict label");
        let text = text_of(el);
        let claim_text = text
            .strip_prefix(&text_of(badge))
            .expect("badge first")
            .trim();
        assert_eq!(claim_text, r.claim, "claim {} text", r.claim_id);
        // Its details: verdict, score and reasons, for the panel and for print.
        let key = el.value().attr("data-k").expect("key");
        let why = doc
            .select(&sel(&format!("#w{key}")))
            .next()
            .expect("details of every claim");
        let why_text = text_of(why);
        assert!(
            why_text.contains(&format!("Claim {}", r.claim_id)),
            "{why_text}"
        );
        assert!(why_text.to_lowercase().contains(v), "{why_text}");
        assert!(
            why_text.contains(&format!("score {:.3}", r.score)),
            "{why_text}"
        );
        if !r.reasons.is_empty() {
            assert!(why_text.contains(&r.reasons), "{why_text}");
        }
        if !r.evidence.is_empty() {
            assert!(why_text.contains(&r.evidence), "{why_text}");
            assert_eq!(evidence_text(&doc, key), r.evidence);
        } else {
            assert_eq!(evidence_text(&doc, key), "");
        }
    }
    assert_eq!(doc.select(&sel(".claim")).count(), rows.len());
    assert_eq!(doc.select(&sel(".unplaced")).count(), 0);

    // The counts at the top, one filter button per verdict.
    let buttons: Vec<_> = doc.select(&sel(".filters button[data-v]")).collect();
    assert_eq!(buttons.len(), Verdict::ALL.len());
    for (b, v) in buttons.iter().zip(Verdict::ALL) {
        assert_eq!(b.value().attr("data-v"), Some(v.as_str()));
        assert_eq!(b.value().attr("aria-pressed"), Some("true"));
        let n = b.select(&sel(".n")).next().map(text_of);
        assert_eq!(n.as_deref(), Some("1"), "count of {v}");
    }
    let sum = doc.select(&sel(".sum")).next().map(text_of).expect("sum");
    assert!(sum.contains("7 claims: 1 supported, 1 misquoted"), "{sum}");
}

#[test]
fn input_text_is_escaped_everywhere() {
    let evil_secondary = "Intro <script>alert(\"secondary\")</script> text.\n\n\
        He said \"><img src=x onerror=alert(1)> and more.\n\n\
        A claim with <b>bold</b> & an ampersand.\n";
    let secondary = article(evil_secondary, Encoding::Utf8);
    let evil_primary = "Preamble <script>alert('primary')</script>\n\n\
        Speaker text with \"><img src=y onerror=alert(2)> inside.\n";
    let mut primary = article(evil_primary, Encoding::Utf8);
    // A speaker label that is itself markup.
    primary.turns = vec![Turn {
        speaker: Some("Eve <img src=z onerror=alert(3)>".into()),
        role: Role::Primary,
        span: find(&primary, "Speaker text with"),
    }];
    primary.turns[0].span.end = primary.text.trim_end().len();
    let a = [
        Assessment {
            claim: Claim {
                id: 1,
                span: find(
                    &secondary,
                    "He said \"><img src=x onerror=alert(1)> and more.",
                ),
            },
            verdict: Verdict::Misquoted,
            score: 0.25,
            evidence: Some(find(&primary, "\"><img src=y onerror=alert(2)>")),
            speaker: Some("Eve <img src=z onerror=alert(3)>".into()),
            reasons: vec!["</script><script>alert(4)</script>".into()],
        },
        Assessment {
            claim: Claim {
                id: 2,
                span: find(&secondary, "A claim with <b>bold</b> & an ampersand."),
            },
            verdict: Verdict::Unsupported,
            score: 0.0,
            evidence: None,
            speaker: None,
            reasons: vec!["'single' & \"double\" quotes".into()],
        },
    ];
    let rows: Vec<Row> = a
        .iter()
        .map(|a| Row::new("\"><svg onload=alert(5)>", &primary, &secondary, a))
        .collect();
    let title = "</title><script>alert(6)</script>";
    let html = page(title, &primary, &secondary, &rows);
    let doc = Html::parse_document(&html);

    // Only the page's own script, and none of the injected elements.
    let scripts: Vec<_> = doc.select(&sel("script")).collect();
    assert_eq!(scripts.len(), 1);
    assert!(!raw_text(scripts[0]).contains("alert"));
    for tag in ["img", "svg"] {
        assert_eq!(doc.select(&sel(tag)).count(), 0, "no <{tag}> from input");
    }
    assert!(doc.select(&sel("b")).all(|b| raw_text(b) != "bold"));
    for e in doc.select(&sel("*")) {
        for (name, _) in e.value().attrs() {
            assert!(!name.starts_with("on"), "no event handler attribute {name}");
        }
    }
    // The input shows as text.
    let title_el = doc.select(&sel("title")).next().expect("title");
    assert!(raw_text(title_el).starts_with(title));
    let h1 = doc.select(&sel("h1")).next().expect("h1");
    assert_eq!(raw_text(h1), title);
    let sec = doc.select(&sel("#sec")).next().expect("secondary pane");
    let sec_text = raw_text(sec);
    assert!(sec_text.contains("<script>alert(\"secondary\")</script>"));
    assert!(sec_text.contains("\"><img src=x onerror=alert(1)>"));
    assert!(sec_text.contains("<b>bold</b> & an ampersand."));
    assert!(sec_text.contains("</script><script>alert(4)</script>"));
    assert!(sec_text.contains("'single' & \"double\" quotes"));
    let pri = doc.select(&sel("#pri")).next().expect("primary pane");
    let pri_text = raw_text(pri);
    assert!(pri_text.contains("<script>alert('primary')</script>"));
    assert!(pri_text.contains("Eve <img src=z onerror=alert(3)>:"));
    let c1 = claim_el(&doc, 1);
    assert_eq!(
        evidence_text(&doc, c1.value().attr("data-k").expect("key")),
        "\"><img src=y onerror=alert(2)>"
    );
    assert!(text_of(doc.select(&sel(".sum")).next().expect("sum")).contains("<svg onload"));
    assert_eq!(
        escape("<a href=\"x\">'&'</a>"),
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
    );
}

#[test]
fn overlapping_and_nested_evidence_is_marked_per_claim() {
    let primary = transcript(PRIMARY, Encoding::Utf8);
    let secondary = article(SECONDARY, Encoding::Utf8);
    let turn = find(&primary, "The principal challenges are well-known.");
    let base = turn.start;
    let spans = [
        Some(Span::new(base, base + 80)),       // 1: outer
        Some(Span::new(base + 10, base + 30)),  // 2: nested in 1
        Some(Span::new(base + 25, base + 120)), // 3: overlaps 1 and 2, crosses a paragraph
        Some(Span::new(base, base + 80)),       // 4: identical to 1
        Some(Span::new(base + 30, base + 30)),  // 5: empty
        None,                                   // 6: no evidence
        Some(find(
            &primary,
            "Europe keeps obstructing natural cooperation.",
        )), // 7
    ];
    let claims = [
        "Lavrov gave a long interview on Tuesday.",
        "He said a “multipolar order is emerging” in the world.",
        "He said the US “agrees with everything Russia does”.",
        "The interviewer said Europe was obstructing cooperation.",
        "Lavrov said Russia will attack Europe.",
        "He added that the talks would finish by March 2027.",
        "The Abu Dhabi talks were held in secret.",
    ];
    let rows: Vec<Row> = claims
        .iter()
        .zip(spans)
        .enumerate()
        .map(|(i, (c, e))| {
            let a = Assessment {
                claim: Claim {
                    id: i + 1,
                    span: find(&secondary, c),
                },
                verdict: Verdict::ALL[i],
                score: 0.5,
                evidence: e,
                speaker: None,
                reasons: vec![],
            };
            Row::new("overlap", &primary, &secondary, &a)
        })
        .collect();
    let html = page("overlap", &primary, &secondary, &rows);
    let doc = Html::parse_document(&html);
    assert_eq!(
        doc.select(&sel(".ev .ev")).count(),
        0,
        "segments never nest"
    );
    for (r, e) in rows.iter().zip(spans) {
        let key = claim_el(&doc, r.claim_id)
            .value()
            .attr("data-k")
            .expect("key")
            .to_string();
        let expected = e.map(|s| primary.slice(s)).unwrap_or_default();
        assert_eq!(evidence_text(&doc, &key), expected, "claim {}", r.claim_id);
    }
    // Segments are cut exactly at the boundaries: the nested span's segments carry 1, 2, 4 (and 3
    // after base + 25).
    let seg: Vec<String> = doc
        .select(&sel("#pri .ev"))
        .filter_map(|e| e.value().attr("data-c").map(str::to_string))
        .collect();
    assert!(seg.contains(&"1 2 4".to_string()), "{seg:?}");
    assert!(seg.contains(&"1 2 3 4".to_string()), "{seg:?}");
    assert!(seg.contains(&"3".to_string()), "{seg:?}");
    // The transcript's text is all there, once, in order.
    let pri = doc.select(&sel("#pri .text")).next().expect("primary text");
    let shown: String = raw_text(pri).split_whitespace().collect();
    let original: String = PRIMARY.split_whitespace().collect();
    assert_eq!(shown, original);
}

#[test]
fn speaker_turns_and_paragraphs_are_shown() {
    let primary = transcript(PRIMARY, Encoding::Utf8);
    let secondary = article(SECONDARY, Encoding::Utf8);
    let html = page("turns", &primary, &secondary, &seed(&primary, &secondary));
    let doc = Html::parse_document(&html);
    let labels = |class: &str| -> Vec<String> {
        doc.select(&sel(&format!("#pri .turn.{class} > .spk")))
            .map(text_of)
            .collect()
    };
    assert_eq!(labels("r-interviewer"), ["Question:", "Question:"]);
    assert_eq!(labels("r-primary"), ["Sergey Lavrov:", "Sergey Lavrov:"]);
    // The dateline before the first label is shown too.
    let pri = text_of(doc.select(&sel("#pri")).next().expect("pri"));
    assert!(pri.starts_with("Moscow, February 10, 2026"), "{pri}");
    // Paragraphs inside a turn keep their blank line (the pane preserves white space).
    let turns: Vec<_> = doc.select(&sel("#pri .turn.r-primary")).collect();
    assert_eq!(turns.len(), 2);
    assert!(raw_text(turns[0]).contains("emerging.\n\nWe agree"));

    // A turn whose label is not in the text still names its speaker; text outside turns shows.
    let mut doc2 = article("Header line\n\nBody of the turn.\n\nFooter", Encoding::Utf8);
    doc2.turns = vec![Turn {
        speaker: Some("Anna Smith".into()),
        role: Role::Other,
        span: find(&doc2, "Body of the turn."),
    }];
    let html = page("gap", &doc2, &secondary, &[]);
    let d = Html::parse_document(&html);
    let spk: Vec<_> = d
        .select(&sel(".turn.r-other > .spk"))
        .map(text_of)
        .collect();
    assert_eq!(spk, ["Anna Smith:"]);
    let gaps: Vec<_> = d.select(&sel("#pri .gap")).map(text_of).collect();
    assert_eq!(gaps, ["Header line", "Footer"]);

    // A label on a line of its own, above the turn's text, is shown as the label.
    let mut doc3 = article("Intro\n\nAnna Smith:\nBody of the turn.\n", Encoding::Utf8);
    doc3.turns = vec![Turn {
        speaker: Some("Anna Smith".into()),
        role: Role::Primary,
        span: find(&doc3, "Body of the turn."),
    }];
    let d = Html::parse_document(&page("own line", &doc3, &secondary, &[]));
    let spk: Vec<_> = d
        .select(&sel(".turn.r-primary > .spk"))
        .map(raw_text)
        .collect();
    assert_eq!(spk, ["Anna Smith:"]);
    let turn: Vec<_> = d.select(&sel(".turn")).map(raw_text).collect();
    assert_eq!(turn, ["Anna Smith:\nBody of the turn."]);
    let gaps: Vec<_> = d.select(&sel("#pri .gap")).map(text_of).collect();
    assert_eq!(gaps, ["Intro"]);
}

#[test]
fn offsets_after_a_byte_order_mark_are_mapped_to_the_text() {
    let primary = transcript(PRIMARY, Encoding::Utf8Bom);
    let secondary = article(SECONDARY, Encoding::Utf8Bom);
    let rows = seed(&primary, &secondary);
    // Row offsets are disk offsets: three more than the text positions.
    let first = find(
        &secondary,
        "He said a “multipolar order is emerging” in the world.",
    );
    assert_eq!(rows[0].secondary_start, first.start + 3);
    let html = page("bom", &primary, &secondary, &rows);
    let doc = Html::parse_document(&html);
    for r in &rows {
        let el = claim_el(&doc, r.claim_id);
        assert!(text_of(el).ends_with(&r.claim), "claim {}", r.claim_id);
        let key = el.value().attr("data-k").expect("key");
        assert_eq!(evidence_text(&doc, key), r.evidence);
    }
    assert_eq!(doc.select(&sel(".unplaced")).count(), 0);
}

#[test]
fn offsets_that_do_not_fit_are_listed_not_dropped() {
    let primary = transcript(PRIMARY, Encoding::Utf8);
    let secondary = article(SECONDARY, Encoding::Utf8);
    let mut rows = seed(&primary, &secondary);
    // Past the end.
    rows[0].secondary_start = secondary.text.len() + 10;
    rows[0].secondary_end = secondary.text.len() + 20;
    // Inside a multi-byte character (the opening quote of claim 2).
    let quote = secondary.text.find('“').expect("quote");
    rows[1].secondary_start = quote + 1;
    // Overlapping the claim before it.
    rows[3].secondary_start = rows[2].secondary_start + 3;
    // Evidence past the end of the primary, and reversed.
    rows[4].primary_start = Some(primary.text.len() + 5);
    rows[4].primary_end = Some(primary.text.len() + 9);
    rows[2].primary_start = rows[2].primary_end.map(|e| e + 4);
    let html = page("broken", &primary, &secondary, &rows);
    let doc = Html::parse_document(&html);
    for r in &rows {
        let el = claim_el(&doc, r.claim_id);
        assert_eq!(el.value().attr("data-v"), Some(r.verdict.as_str()));
    }
    let unplaced: Vec<usize> = doc
        .select(&sel(".unplaced .claim"))
        .map(|e| {
            e.value()
                .attr("data-id")
                .expect("id")
                .parse()
                .expect("number")
        })
        .collect();
    assert_eq!(unplaced, [1, 2, 4]);
    for id in [3, 5] {
        let key = claim_el(&doc, id)
            .value()
            .attr("data-k")
            .expect("key")
            .to_string();
        assert_eq!(
            evidence_text(&doc, &key),
            "",
            "claim {id} has no usable evidence span"
        );
        let why = text_of(doc.select(&sel(&format!("#w{key}"))).next().expect("why"));
        assert!(why.contains("outside the transcript"), "{why}");
    }
}

#[test]
fn same_input_gives_the_same_bytes_whatever_the_row_order() {
    let primary = transcript(PRIMARY, Encoding::Utf8);
    let secondary = article(SECONDARY, Encoding::Utf8);
    let rows = seed(&primary, &secondary);
    let a = page("same", &primary, &secondary, &rows);
    let b = page("same", &primary, &secondary, &rows);
    let mut reversed = rows.clone();
    reversed.reverse();
    let c = page("same", &primary, &secondary, &reversed);
    assert_eq!(a, b);
    assert_eq!(a, c);
    let s = [Summary::of("same", &rows)];
    assert_eq!(index(&s), index(&s));
}

#[test]
fn page_is_self_contained_accessible_and_printable() {
    let primary = transcript(PRIMARY, Encoding::Utf8);
    let secondary = article(SECONDARY, Encoding::Utf8);
    let html = page("a11y", &primary, &secondary, &seed(&primary, &secondary));
    let doc = Html::parse_document(&html);
    let root = doc.root_element();
    assert_eq!(root.value().attr("lang"), Some("en"));
    assert_eq!(doc.select(&sel("h1")).count(), 1);
    assert!(doc.select(&sel("h2")).count() >= 3);
    assert_eq!(doc.select(&sel("main")).count(), 1);
    // No network: nothing loaded from elsewhere.
    let external: Vec<_> = doc
        .select(&sel("[src], [href], link, iframe, img, object, embed"))
        .map(|e| format!("{:?}", e.value()))
        .collect();
    assert!(external.is_empty(), "external references: {external:?}");
    for e in doc.select(&sel("style, script")) {
        let t = raw_text(e);
        assert!(!t.contains("http:") && !t.contains("https:") && !t.contains("@import"));
    }
    // Controls are buttons; claims are focusable and announce themselves as buttons.
    for id in ["all", "none", "prev", "next"] {
        let el = doc.select(&sel(&format!("#{id}"))).next().expect(id);
        assert_eq!(el.value().name(), "button");
        assert_eq!(el.value().attr("type"), Some("button"));
    }
    for c in doc.select(&sel(".claim")) {
        assert_eq!(c.value().attr("tabindex"), Some("0"));
        assert_eq!(c.value().attr("role"), Some("button"));
    }
    assert!(doc.select(&sel("#detail-body[aria-live]")).next().is_some());
    let style: String = doc.select(&sel("style")).map(raw_text).collect();
    assert!(style.contains("@media print"));
    assert!(
        html.len() < 64 * 1024,
        "small page for small input: {}",
        html.len()
    );
}

#[test]
fn a_three_megabyte_transcript_renders_in_one_pass() {
    // ~3 MB: 12,000 turns alternating interviewer and speaker, 2,000 claims whose evidence
    // overlaps its neighbours.
    let mut text = String::with_capacity(3_200_000);
    let mut turns = Vec::new();
    let mut i = 0;
    while text.len() < 3_000_000 {
        let (label, role) = if i % 2 == 0 {
            ("Question", Role::Interviewer)
        } else {
            ("Sergey Lavrov", Role::Primary)
        };
        text.push_str(label);
        text.push_str(": ");
        let start = text.len();
        for _ in 0..4 {
            text.push_str("Words about <diplomacy> & the “multipolar” world order in turn ");
            text.push_str(&i.to_string());
            text.push_str(". ");
        }
        let end = text.len() - 1;
        text.push_str("\n\n");
        turns.push(Turn {
            speaker: Some(label.into()),
            role,
            span: Span::new(start, end),
        });
        i += 1;
    }
    let primary = Document {
        text,
        encoding: Encoding::Utf8,
        turns: turns.clone(),
        sentences: vec![],
        boilerplate: vec![],
        primary_names: vec!["Sergey Lavrov".into()],
    };
    let claims = 2000;
    let mut sec_text = String::new();
    let mut rows = Vec::with_capacity(claims);
    for id in 1..=claims {
        let s = sec_text.len();
        sec_text.push_str(&format!("Claim number {id} says something. "));
        let e = sec_text.len() - 1;
        let t = &turns[(id * 5) % turns.len()];
        let evidence = Span::new(t.span.start, t.span.end.min(t.span.start + 300));
        rows.push(Row {
            pair: "big".into(),
            claim_id: id,
            claim: format!("Claim number {id} says something."),
            verdict: Verdict::ALL[id % 7],
            score: 0.5,
            evidence: String::new(),
            speaker: String::new(),
            secondary_start: s,
            secondary_end: e,
            primary_start: Some(evidence.start),
            primary_end: Some(evidence.end + (id % 3) * 20),
            reasons: "because".into(),
        });
    }
    let secondary = Document {
        text: sec_text,
        encoding: Encoding::Utf8,
        turns: vec![],
        sentences: vec![],
        boilerplate: vec![],
        primary_names: vec![],
    };
    let html = page("big", &primary, &secondary, &rows);
    // Output is proportional to the input: escaped text plus bounded markup per turn and claim.
    let escaped = escape(&primary.text).len() + escape(&secondary.text).len();
    assert!(html.len() > escaped);
    assert!(
        html.len() < escaped + turns.len() * 100 + claims * 600 + 64 * 1024,
        "{} bytes for {escaped} bytes of escaped text",
        html.len()
    );
    assert_eq!(html.matches("<div class=\"turn ").count(), turns.len());
    assert_eq!(html.matches("class=\"claim ").count(), claims);
    let segments = html.matches("<span class=\"ev\"").count();
    assert!(
        (claims..=claims * 4).contains(&segments),
        "{segments} evidence segments"
    );
}

#[test]
fn index_lists_every_pair_with_counts_and_safe_links() {
    let mk = |pair: &str, counts: [usize; 7]| Summary {
        pair: pair.into(),
        claims: counts.iter().sum(),
        counts,
    };
    let summaries = [
        mk("harbour-council-2026", [18, 4, 6, 5, 1, 5, 1]),
        mk("lavrov ntv#2?", [13, 4, 0, 2, 3, 8, 6]),
        mk("javascript:alert(1)", [1, 0, 0, 0, 0, 0, 0]),
        mk("\"><img src=x onerror=alert(2)>", [0, 0, 0, 0, 0, 0, 1]),
    ];
    let html = index(&summaries);
    let doc = Html::parse_document(&html);
    assert_eq!(doc.root_element().value().attr("lang"), Some("en"));
    assert_eq!(doc.select(&sel("img")).count(), 0);
    let rows: Vec<_> = doc.select(&sel("tbody tr")).collect();
    assert_eq!(rows.len(), summaries.len());
    for (tr, s) in rows.iter().zip(&summaries) {
        let a = tr.select(&sel("a")).next().expect("link");
        assert_eq!(raw_text(a), s.pair);
        let href = a.value().attr("href").expect("href");
        assert!(href.starts_with("./") && href.ends_with(".html"), "{href}");
        assert!(
            !href[2..].contains([':', '#', '?', '"', '<', ' ']),
            "{href}"
        );
        let cells: Vec<String> = tr.select(&sel("td")).map(text_of).collect();
        let mut expected = vec![s.claims.to_string()];
        expected.extend(s.counts.iter().map(|n| n.to_string()));
        assert_eq!(cells, expected);
    }
    let hrefs: Vec<_> = doc
        .select(&sel("a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(hrefs[0], "./harbour-council-2026.html");
    assert_eq!(hrefs[1], "./lavrov%20ntv%232%3F.html");
    let total: Vec<String> = doc.select(&sel("tfoot td")).map(text_of).collect();
    assert_eq!(total, ["78", "32", "8", "6", "7", "4", "13", "8"]);
    let heads: Vec<String> = doc.select(&sel("thead th")).map(text_of).collect();
    assert_eq!(heads.len(), 9);
    for (h, v) in heads[2..].iter().zip(Verdict::ALL) {
        assert_eq!(h, v.as_str());
    }

    let empty = Html::parse_document(&index(&[]));
    assert_eq!(empty.select(&sel("table")).count(), 0);
    assert!(text_of(empty.root_element()).contains("No pairs were checked."));
}
