//! Segmentation: boilerplate, speaker turns, paragraphs and sentences, all as spans of the text.
//!
//! Sentence boundaries come from Unicode's sentence rules (UAX #29, exactly as
//! `unicode-segmentation` applies them, but computed by the cheaper [`sentence_bounds`]), corrected
//! for abbreviations and initials that the rules break after ("Mr.", "U.S.", "Larry C.").
//! Turn labels are recognised by shape (a short capitalised name or a known role word before a colon
//! at the start of a paragraph) and accepted when they recur, are configured, or are a role word.

use crate::sentence::sentence_bounds;
use claimcheck_core::names::names_match;
use claimcheck_core::{Document, Encoding, Role, Sentence, Span, Turn, ABBREVIATIONS};
use std::collections::{BTreeMap, HashMap};

/// What the caller knows about the speakers of a transcript (from `pair.toml`); all optional.
#[derive(Debug, Clone, Default)]
pub struct SpeakerHints {
    /// The main speaker's name, e.g. "Sergey Lavrov".
    pub speaker: Option<String>,
    /// Other names for the main speaker, e.g. "Sergei Lavrov", "Lavrov".
    pub aliases: Vec<String>,
    /// Labels used for the interviewer, e.g. "Question".
    pub interviewer_labels: Vec<String>,
}

/// Label words that always mean the person asking.
const INTERVIEWER_WORDS: &[&str] = &[
    "question",
    "q",
    "interviewer",
    "host",
    "moderator",
    "reporter",
    "journalist",
    "correspondent",
    "anchor",
    "analyst",
    "presenter",
    "audience",
    "audience member",
    "interviewer (off camera)",
];

/// Words that head notes, captions and metadata lines, never a speaker.
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "notes",
    "update",
    "updated",
    "source",
    "sources",
    "editor's note",
    "editor’s note",
    "photo",
    "image",
    "video",
    "caption",
    "correction",
    "warning",
    "disclaimer",
    "summary",
    "transcript",
    "date",
    "location",
    "time",
    "subject",
    "topic",
    "tags",
    "category",
    "posted",
    "published",
    "see also",
    "related",
    "watch",
    "listen",
    "read",
    "edit",
    "ps",
    "p.s",
];

/// Label words that always mean the person answering.
const ANSWER_WORDS: &[&str] = &["a", "answer"];

/// Sentences longer than this are cut into chunks at whitespace, so that one unpunctuated
/// megabyte cannot become a single piece of "evidence".
const MAX_SENTENCE_BYTES: usize = 700;

/// A run of this many whitespace bytes or more always separates sentences.
const LONG_WHITESPACE: usize = 64;

/// A line of the text with its span (without the line break).
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let mut end = i;
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        out.push(Line {
            span: Span::new(start, end),
        });
        start = i + 1;
    }
    if start < text.len() {
        out.push(Line {
            span: Span::new(start, text.len()),
        });
    }
    out
}

/// Splits lines that hold several turns, each opened by a label right after the end of a
/// sentence, as a chat copied onto one line gives them ("Ann: Buy some butter. . Mike: Ok. .
/// Mike: Do we have any milk?"), into one line per turn. Only a line that opens with a label is
/// split, only at a capitalised name of at most three words that heads no note ("Update:"),
/// and only when there are two such cuts or more and one of their names also opens a line: a
/// colon after a sentence in prose ("… failed. Bottom Line: …") names no one who speaks.
fn inline_turns(text: &str, lines: Vec<Line>) -> Vec<Line> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut openers: Vec<String> = Vec::new();
    let mut inline: Vec<String> = Vec::new();
    for (li, line) in lines.iter().enumerate() {
        let s = &text[line.span.range()];
        // A line with turns inside has a colon after its own label's.
        if memchr::memchr_iter(b':', s.as_bytes()).nth(1).is_none() {
            continue;
        }
        if label_candidate(s).is_none() {
            continue;
        }
        for (at, label) in inline_labels(s) {
            let key = lower_label(label);
            if !NOT_SPEAKERS.contains(&key.as_str()) {
                cuts.push((li, line.span.start + at));
                inline.push(key);
            }
        }
    }
    if cuts.len() < 2 {
        return lines;
    }
    // The names that open a line, any line.
    for line in &lines {
        let s = &text[line.span.range()];
        if let Some((first, _)) = label_candidate(s) {
            openers.push(lower_label(first));
        }
    }
    if !inline.iter().any(|l| openers.contains(l)) {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len() + cuts.len());
    let mut cuts = cuts.into_iter().peekable();
    for (li, line) in lines.into_iter().enumerate() {
        let mut start = line.span.start;
        while let Some((_, at)) = cuts.next_if(|(l, _)| *l == li) {
            let end = start + text[start..at].trim_end().len();
            out.push(Line {
                span: Span::new(start, end),
            });
            start = at;
        }
        out.push(Line {
            span: Span::new(start, line.span.end),
        });
    }
    out
}

/// The labels inside a line (not at its start) that open a turn: a capitalised name of at most
/// three words and its colon, right after a sentence's end and a space. Their byte offsets in
/// the line, and the labels.
fn inline_labels(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    for (i, _) in line.match_indices(": ") {
        // Back over the name: up to three words of letters, digits and name marks.
        let head = &line[..i];
        let start = head
            .rfind(|c: char| {
                !(c.is_alphanumeric()
                    || matches!(c, ' ' | '.' | '?' | '!' | '…' | '\'' | '’' | '-'))
            })
            .map_or(0, |k| {
                k + head[k..].chars().next().map_or(1, char::len_utf8)
            });
        let span = &head[start..];
        // The name is what follows the last sentence end in that stretch.
        let Some((end, mark)) = span.rmatch_indices(['.', '?', '!', '…']).next() else {
            continue;
        };
        let name = span[end + mark.len()..].trim_start();
        let at = i - name.len();
        if at == 0 || !bytes[at - 1].is_ascii_whitespace() {
            continue;
        }
        let words: Vec<&str> = name.split(' ').collect();
        let shaped = (1..=3).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase())
                    && w.chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-'))
            });
        if shaped {
            out.push((at, &line[at..i]));
        }
    }
    out
}

/// True when `t` holds "www." or "t.me/", in any case.
fn has_short_link(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr_iter(b'.', b).any(|dot| {
        let www = dot >= 3 && b[dot - 3..dot].eq_ignore_ascii_case(b"www");
        let t_me = dot >= 1
            && b[dot - 1].eq_ignore_ascii_case(&b't')
            && b.get(dot + 1..dot + 4)
                .is_some_and(|me| me.eq_ignore_ascii_case(b"me/"));
        www || t_me
    })
}

/// Whether the character starting at byte `i` of `s` is whitespace (as `char::is_whitespace`
/// says), and its length: ASCII without decoding.
fn whitespace_at(s: &str, i: usize) -> (bool, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        (matches!(b, b'\t'..=b'\r' | b' '), 1)
    } else {
        let c = s[i..].chars().next().expect("i is a char boundary");
        (c.is_whitespace(), c.len_utf8())
    }
}

/// `s.split_whitespace().count()`, found byte by byte: the words of every turn are counted to
/// find the main speaker, and decoding each character to test it cost more than the rest of
/// segmenting.
fn count_words(s: &str) -> usize {
    let mut words = 0;
    // Over whitespace to the next word, then over the word.
    let mut at = past_run(s, 0, true);
    while let Some(i) = at {
        words += 1;
        at = past_run(s, i, false).and_then(|j| past_run(s, j, true));
    }
    words
}

/// The byte after the run of whitespace (`white`) or of other characters that starts at `i`, or
/// `None` when the run reaches the end of `s`. ASCII is tested without decoding.
fn past_run(s: &str, mut i: usize, white: bool) -> Option<usize> {
    let bytes = s.as_bytes();
    loop {
        while i < bytes.len()
            && bytes[i].is_ascii()
            && matches!(bytes[i], b'\t'..=b'\r' | b' ') == white
        {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        match whitespace_at(s, i) {
            (w, len) if w == white => i += len,
            _ => return Some(i),
        }
    }
}

fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// True for lines that are page furniture rather than content: links to channels, share and
/// comment prompts, photo credits, bylines, bare timestamps.
fn is_boilerplate_line(line: &str) -> bool {
    let t = line.trim();
    // Every test below compares the count with 15 or less, so counting stops at 16.
    let words = t.split_whitespace().take(16).count();
    // A line of more than 15 words is boilerplate only when it has a link (with a prompt); most
    // lines of a transcript are settled here without lowercasing them.
    if words > 15 && !t.contains("://") && !has_short_link(t) {
        return false;
    }
    let lower = t.to_lowercase();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let visible = t.chars().filter(|c| !c.is_whitespace()).count();
    if visible == 0 {
        return false;
    }
    let has_url = lower.contains("http://")
        || lower.contains("https://")
        || lower.contains("www.")
        || lower.contains("t.me/");
    const PROMPTS: &[&str] = &[
        "telegram",
        "subscribe",
        "follow us",
        "read more",
        "share this",
        "leave a comment",
        "leave a reply",
        "click here",
        "sign up",
        "newsletter",
        "all rights reserved",
        "advertisement",
    ];
    let prompt = PROMPTS.iter().any(|p| lower.contains(p));
    if has_url && (prompt || words < 15) {
        return true;
    }
    if prompt && words <= 8 {
        return true;
    }
    const CREDITS: &[&str] = &["photo:", "image:", "photo credit", "video:", "getty images"];
    if words <= 6 && CREDITS.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // Bylines: "by Jane Doe [2-10-2026]".
    if lower.starts_with("by ") && words <= 12 && !t.ends_with('?') {
        return true;
    }
    // Timestamps and separators: mostly digits and punctuation.
    letters * 10 < visible * 3 && words <= 8
}

/// A short line without closing punctuation: a title, a dateline, a caption.
fn is_heading(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().take(13).count();
    words <= 12
        && !t.ends_with(['.', '?', '!', '…', '"', '”', '’', '\'', ':', ';', ','])
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// A candidate speaker label at the start of a line: `Name:` followed by text.
/// Returns the label and the byte offset (within the line) where the turn's text starts.
fn label_candidate(line: &str) -> Option<(&str, usize)> {
    let mut cut = line.len().min(80);
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &line[..cut];
    let colon = head.find(':')?;
    let label = line[..colon].trim();
    if label.is_empty() || label.len() > 60 {
        return None;
    }
    // A time such as "13:10" is not a label.
    if label.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (name, paren) = match label.find('(') {
        Some(p) if label.ends_with(')') => (label[..p].trim(), Some(&label[p..])),
        _ => (label, None),
    };
    if paren.is_some_and(|p| p.len() > 50) || name.is_empty() {
        return None;
    }
    // "Priya Natarajan, CFO": a name, a comma and a role, as earnings calls and hearings write
    // them; each part must pass as a label of its own.
    let (name, role) = match name.split_once(", ") {
        Some((n, r)) if !r.contains(',') => (n.trim(), Some(r.trim())),
        _ => (name, None),
    };
    let name_words = name.split_whitespace().count();
    let words: Vec<&str> = (name.split_whitespace())
        .chain(role.into_iter().flat_map(str::split_whitespace))
        .collect();
    // A name of at most five words; a role, when there is one, of at least one word.
    let empty_role = role.is_some() && words.len() == name_words;
    if name_words == 0 || name_words > 5 || empty_role || words.len() > 7 {
        return None;
    }
    let plain = words.iter().all(|w| {
        w.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-'))
    });
    let capitalised = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    });
    // Lowercase labels ("industrial designer:", "phd c:") occur in meeting transcripts; they are
    // checked for recurrence by the caller.
    if !plain || (!capitalised && words.len() > 3) {
        return None;
    }
    let rest = &line[colon + 1..];
    if rest.trim().is_empty() {
        // "Sergey Lavrov:" alone on its line still starts a turn.
        return Some((label, line.len()));
    }
    // Require whitespace after the colon, so "Note:this" or URLs do not count.
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let skip = rest.len() - rest.trim_start().len();
    Some((label, colon + 1 + skip))
}

fn lower_label(label: &str) -> String {
    label.trim().to_lowercase()
}

fn is_interviewer_label(label: &str, hints: &SpeakerHints) -> bool {
    let l = lower_label(label);
    let base = l.split('(').next().unwrap_or("").trim().to_string();
    hints
        .interviewer_labels
        .iter()
        .any(|h| lower_label(h) == l || lower_label(h) == base)
        || INTERVIEWER_WORDS.contains(&l.as_str())
        || INTERVIEWER_WORDS.contains(&base.as_str())
}

fn hinted_primary(label: &str, hints: &SpeakerHints) -> bool {
    hints
        .speaker
        .iter()
        .chain(hints.aliases.iter())
        .any(|n| names_match(n, label))
}

/// Splits a transcript into speaker turns and sentences.
pub fn parse_transcript(text: String, encoding: Encoding, hints: &SpeakerHints) -> Document {
    let all_lines = inline_turns(&text, lines(&text));
    let mut boilerplate = Vec::new();
    let mut candidates: Vec<Option<(String, usize)>> = Vec::with_capacity(all_lines.len());
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    // Whether each label is written with a capital the first time it occurs.
    let mut capitalised: BTreeMap<String, bool> = BTreeMap::new();
    // A label only counts at the start of a paragraph-ish line: the first line, or a line after a
    // blank line, or any line when the transcript puts every turn on its own line.
    for line in &all_lines {
        let s = &text[line.span.range()];
        let cand = label_candidate(s).map(|(l, off)| (l.to_string(), off));
        if let Some((l, _)) = &cand {
            let key = lower_label(l);
            capitalised
                .entry(key.clone())
                .or_insert_with(|| l.starts_with(|c: char| !c.is_lowercase()));
            *counts.entry(key).or_default() += 1;
        }
        candidates.push(cand);
    }
    // What the hints say of each distinct label, judged once however often it occurs: whether it
    // names the interviewer, and whether it names the main speaker.
    let mut label_hints: HashMap<&str, (bool, bool)> = HashMap::new();
    for (l, _) in candidates.iter().flatten() {
        label_hints
            .entry(l.as_str())
            .or_insert_with(|| (is_interviewer_label(l, hints), hinted_primary(l, hints)));
    }
    let interviewer = |l: &str| {
        label_hints
            .get(l)
            .map_or_else(|| is_interviewer_label(l, hints), |h| h.0)
    };
    let hinted_speaker = |l: &str| {
        label_hints
            .get(l)
            .map_or_else(|| hinted_primary(l, hints), |h| h.1)
    };
    let lowercase_lines: usize = counts
        .iter()
        .filter(|(l, _)| !capitalised.get(*l).copied().unwrap_or(true))
        .map(|(_, n)| *n)
        .sum();
    // A text whose every line opens with a label, two or more of them, is a transcript made of
    // turns even when no speaker speaks twice ("sian gwenllian am: …" then "barry hughes: …").
    let content_lines = (all_lines.iter().zip(&candidates))
        .filter(|(line, _)| !is_blank(&text[line.span.range()]))
        .map(|(_, c)| c);
    let all_turns = counts.len() >= 2
        && counts.keys().all(|l| !NOT_SPEAKERS.contains(&l.as_str()))
        && content_lines.clone().count() >= 2
        && content_lines.clone().all(|c| c.is_some());
    let strong = |label: &str| -> bool {
        let l = lower_label(label);
        if all_turns {
            return true;
        }
        if label.starts_with(|c: char| c.is_lowercase()) {
            // A lowercase label counts only in a transcript made of them.
            return counts.get(&l).copied().unwrap_or(0) >= 2 && lowercase_lines >= 3;
        }
        counts.get(&l).copied().unwrap_or(0) >= 2
            || interviewer(label)
            || ANSWER_WORDS.contains(&l.as_str())
            || hinted_speaker(label)
    };
    // Once a document is known to be a transcript, a name-shaped label that occurs only once (a
    // guest who speaks once) is a turn too, unless it is a word that heads notes and captions.
    let is_transcript = candidates.iter().flatten().any(|(l, _)| strong(l));
    let accepted = |label: &str| -> bool {
        strong(label) || (is_transcript && !NOT_SPEAKERS.contains(&lower_label(label).as_str()))
    };

    // Pass 1: turn boundaries.
    struct RawTurn {
        label: Option<String>,
        lines: Vec<(Span, bool)>, // (content span, starts a paragraph)
    }
    let mut raw: Vec<RawTurn> = vec![RawTurn {
        label: None,
        lines: Vec::new(),
    }];
    let mut after_blank = true;
    for (line, cand) in all_lines.iter().zip(&candidates) {
        let s = &text[line.span.range()];
        if is_blank(s) {
            after_blank = true;
            continue;
        }
        if is_boilerplate_line(s) {
            boilerplate.push(trimmed(&text, line.span));
            after_blank = true;
            continue;
        }
        match cand {
            Some((label, off)) if accepted(label) => {
                raw.push(RawTurn {
                    label: Some(label.clone()),
                    lines: Vec::new(),
                });
                let body = Span::new(line.span.start + off, line.span.end);
                if !is_blank(&text[body.range()]) {
                    raw.last_mut().expect("pushed").lines.push((body, true));
                }
                after_blank = false;
            }
            _ => {
                // A heading or dateline after a blank line ends a labelled turn: it is page text,
                // not the speaker's words.
                if after_blank && raw.last().is_some_and(|t| t.label.is_some()) && is_heading(s) {
                    raw.push(RawTurn {
                        label: None,
                        lines: Vec::new(),
                    });
                }
                raw.last_mut()
                    .expect("never empty")
                    .lines
                    .push((line.span, after_blank));
                after_blank = false;
            }
        }
    }

    // Pass 2: roles.
    let labels: Vec<String> = raw.iter().filter_map(|t| t.label.clone()).collect();
    let mut words_by_label: BTreeMap<String, usize> = BTreeMap::new();
    for t in &raw {
        if let Some(l) = &t.label {
            let w: usize = t
                .lines
                .iter()
                .map(|(s, _)| count_words(&text[s.range()]))
                .sum();
            *words_by_label.entry(l.clone()).or_default() += w;
        }
    }
    let hinted: Vec<&String> = labels.iter().filter(|l| hinted_speaker(l)).collect();
    let answer_label = labels
        .iter()
        .find(|l| ANSWER_WORDS.contains(&lower_label(l).as_str()));
    // Without a configured speaker, the main speaker is the non-interviewer who says the most.
    let detected: Option<String> = if let Some(h) = hinted.first() {
        Some((*h).clone())
    } else if let Some(a) = answer_label {
        Some(a.clone())
    } else {
        words_by_label
            .iter()
            .filter(|(l, _)| !interviewer(l))
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(l, _)| l.clone())
    };
    let role_of = |l: &str| -> Role {
        if interviewer(l) {
            Role::Interviewer
        } else if hinted_speaker(l)
            || ANSWER_WORDS.contains(&lower_label(l).as_str())
            || detected
                .as_deref()
                .is_some_and(|d| names_match(d, l) || d == l)
        {
            Role::Primary
        } else {
            Role::Other
        }
    };
    // Each distinct label's role, found once.
    let roles: Vec<Role> = {
        let mut known: HashMap<&str, Role> = HashMap::new();
        raw.iter()
            .map(|t| match &t.label {
                None => Role::Unlabelled,
                Some(l) => *known.entry(l.as_str()).or_insert_with(|| role_of(l)),
            })
            .collect()
    };

    let mut primary_names: Vec<String> = Vec::new();
    for n in hints.speaker.iter().chain(hints.aliases.iter()) {
        if !primary_names.contains(n) {
            primary_names.push(n.clone());
        }
    }
    let mut turns = Vec::new();
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    for (t, role) in raw.into_iter().zip(roles) {
        if t.lines.is_empty() {
            continue;
        }
        if role == Role::Primary {
            if let Some(l) = &t.label {
                if !ANSWER_WORDS.contains(&lower_label(l).as_str()) && !primary_names.contains(l) {
                    primary_names.push(l.clone());
                }
            }
        }
        let span = Span::new(t.lines[0].0.start, t.lines.last().expect("non-empty").0.end);
        let turn_index = turns.len();
        turns.push(Turn {
            speaker: t.label.clone(),
            role,
            span,
        });
        for para in paragraphs(&t.lines) {
            split_sentences(&text, para, turn_index, paragraph, &mut sentences);
            paragraph += 1;
        }
    }
    Document {
        text,
        encoding,
        turns,
        sentences,
        boilerplate,
        primary_names,
    }
}

/// Splits an article (no speaker labels) into paragraphs and sentences.
pub fn parse_article(text: String, encoding: Encoding) -> Document {
    let mut boilerplate = Vec::new();
    let mut kept: Vec<(Span, bool)> = Vec::new();
    let mut after_blank = true;
    for line in lines(&text) {
        let s = &text[line.span.range()];
        if is_blank(s) {
            after_blank = true;
            continue;
        }
        if is_boilerplate_line(s) {
            boilerplate.push(trimmed(&text, line.span));
            after_blank = true;
            continue;
        }
        kept.push((line.span, after_blank));
        after_blank = false;
    }
    let mut sentences = Vec::new();
    let mut turns = Vec::new();
    if let (Some(first), Some(last)) = (kept.first(), kept.last()) {
        turns.push(Turn {
            speaker: None,
            role: Role::Unlabelled,
            span: Span::new(first.0.start, last.0.end),
        });
    }
    for (paragraph, para) in paragraphs(&kept).into_iter().enumerate() {
        split_sentences(&text, para, 0, paragraph, &mut sentences);
    }
    Document {
        text,
        encoding,
        turns,
        sentences,
        boilerplate,
        primary_names: Vec::new(),
    }
}

/// Groups lines into paragraphs: a new paragraph starts after a blank line or a label.
fn paragraphs(lines: &[(Span, bool)]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for &(span, starts) in lines {
        match out.last_mut() {
            Some(last) if !starts => *last = last.cover(span),
            _ => out.push(span),
        }
    }
    out
}

fn trimmed(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    if start >= end {
        Span::new(span.start, span.start)
    } else {
        Span::new(start, end)
    }
}

/// True when a sentence candidate ends with an abbreviation or an initial, so the full stop
/// probably does not end the sentence.
fn ends_with_abbreviation(segment: &str) -> bool {
    let t = segment.trim_end();
    let Some(body) = t.strip_suffix('.') else {
        return false;
    };
    let last = body
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '[' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    if last.is_empty() {
        return false;
    }
    // A single capital letter: an initial ("Larry C. Johnson").
    let mut chars = last.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    if last.is_ascii() {
        ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(last))
    } else {
        ABBREVIATIONS.contains(&last.to_lowercase().as_str())
    }
}

/// Whether `body` may hold a run of [`LONG_WHITESPACE`] bytes of whitespace: a cheap "no" for
/// almost every paragraph, and a "maybe" that [`cut_at_long_whitespace`] settles. Such a run is
/// made of ASCII whitespace and bytes of non-ASCII characters only, and any [`LONG_WHITESPACE`]
/// bytes in a row hold one whose offset is one less than a multiple of it, so only the runs of
/// such bytes through those offsets are measured.
fn may_hold_long_whitespace(body: &[u8]) -> bool {
    const STRIDE: usize = LONG_WHITESPACE;
    let maybe_white = |b: &u8| !b.is_ascii() || matches!(b, b'\t'..=b'\r' | b' ');
    let mut at = STRIDE - 1;
    while at < body.len() {
        if maybe_white(&body[at]) {
            let start = body[..at]
                .iter()
                .rposition(|b| !maybe_white(b))
                .map_or(0, |i| i + 1);
            let end = body[at..]
                .iter()
                .position(|b| !maybe_white(b))
                .map_or(body.len(), |i| at + i);
            if end - start >= LONG_WHITESPACE {
                return true;
            }
        }
        at += STRIDE;
    }
    false
}

/// The paragraph `para` cut at every run of [`LONG_WHITESPACE`] bytes of whitespace or more, less
/// its trailing whitespace (which is no part of any sentence).
fn pieces(text: &str, para: Span) -> Vec<Span> {
    let body = &text[para.range()];
    if may_hold_long_whitespace(body.as_bytes()) {
        cut_at_long_whitespace(text, para)
    } else {
        vec![Span::new(para.start, para.start + body.trim_end().len())]
    }
}

/// [`pieces`], character by character.
fn cut_at_long_whitespace(text: &str, para: Span) -> Vec<Span> {
    let body = &text[para.range()];
    let mut pieces: Vec<Span> = Vec::new();
    let mut piece_start = para.start;
    let mut run_start: Option<usize> = None;
    for (i, c) in body.char_indices() {
        let pos = para.start + i;
        if c.is_whitespace() {
            run_start.get_or_insert(pos);
        } else if let Some(r) = run_start.take() {
            if pos - r >= LONG_WHITESPACE {
                pieces.push(Span::new(piece_start, r));
                piece_start = pos;
            }
        }
    }
    pieces.push(Span::new(
        piece_start,
        run_start.unwrap_or(para.end).max(piece_start),
    ));
    pieces
}

fn split_sentences(text: &str, para: Span, turn: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    // The sentence rules look ahead over whitespace after a full stop, which is quadratic in a
    // long run of spaces; such a run is a boundary anyway, so the paragraph is cut there first.
    let pieces = pieces(text, para);
    let mut pending: Option<Span> = None;
    for piece in pieces {
        let slice = &text[piece.range()];
        for (off, seg) in sentence_bounds(slice) {
            let span = Span::new(piece.start + off, piece.start + off + seg.len());
            let merged = match pending.take() {
                Some(p) => p.cover(span),
                None => span,
            };
            // Merge when the boundary came after an abbreviation and the next word does not start a
            // new sentence by itself (we cannot tell, so initials and titles always merge).
            if ends_with_abbreviation(&text[merged.range()]) {
                pending = Some(merged);
                continue;
            }
            push_sentence(text, merged, turn, paragraph, out);
        }
    }
    if let Some(p) = pending {
        push_sentence(text, p, turn, paragraph, out);
    }
}

fn push_sentence(text: &str, span: Span, turn: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let span = trimmed(text, span);
    if span.is_empty() || !text[span.range()].chars().any(char::is_alphanumeric) {
        return;
    }
    if span.len() <= MAX_SENTENCE_BYTES {
        out.push(Sentence {
            span,
            turn,
            paragraph,
        });
        return;
    }
    // Cut an over-long sentence at whitespace near every MAX_SENTENCE_BYTES.
    let mut start = span.start;
    while start < span.end {
        let mut end = (start + MAX_SENTENCE_BYTES).min(span.end);
        if end < span.end {
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            if let Some(ws) = text[start..end].rfind(char::is_whitespace) {
                if ws > MAX_SENTENCE_BYTES / 2 {
                    end = start + ws;
                }
            }
        }
        let piece = trimmed(text, Span::new(start, end));
        if !piece.is_empty() && text[piece.range()].chars().any(char::is_alphanumeric) {
            out.push(Sentence {
                span: piece,
                turn,
                paragraph,
            });
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sentences(text: &str) -> Vec<String> {
        let d = parse_article(text.to_string(), Encoding::Utf8);
        d.sentences
            .iter()
            .map(|s| d.slice(s.span).to_string())
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sentences("Mr. Lavrov met Larry C. Johnson in the U.S. today. Then he left."),
            vec![
                "Mr. Lavrov met Larry C. Johnson in the U.S. today.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn boilerplate_lines_are_dropped() {
        let d = parse_article(
            "Title here\n\nby Jane Doe [2-10-2026]\n\nA sentence.\n\nLeave a Comment".into(),
            Encoding::Utf8,
        );
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(d.boilerplate.len(), 2);
    }

    #[test]
    fn long_unpunctuated_text_is_chunked() {
        let text = "word ".repeat(2000);
        let s = sentences(&text);
        assert!(s.len() > 5);
        assert!(s.iter().all(|x| x.len() <= MAX_SENTENCE_BYTES));
    }

    #[test]
    fn long_whitespace_runs_separate_sentences() {
        // Before the paragraph was cut at long runs, this input took minutes (quadratic
        // look-ahead in the sentence rules); now it is linear.
        let text = format!(
            "End.{}next thing said{}",
            " ".repeat(100_000),
            " ".repeat(50_000)
        );
        assert_eq!(sentences(&text), vec!["End.", "next thing said"]);
    }

    /// Characters for paragraphs with runs of whitespace of every kind and length.
    const RUN_CHARS: &[char] = &[' ', '\t', '\n', 'a', '.', '\u{a0}', '\u{3000}', 'ж'];

    proptest! {
        // Cases follow PROPTEST_CASES, as in `tests/props.rs`, and failures are not saved to files.
        #![proptest_config(ProptestConfig {
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn pieces_are_cut_at_long_whitespace_only(
            runs in prop::collection::vec((prop::sample::select(RUN_CHARS), 0..80usize), 0..12),
            skip in 0..40usize,
        ) {
            let text: String = runs.iter().map(|&(c, n)| c.to_string().repeat(n)).collect();
            // A paragraph can start anywhere in the text.
            let start = text.char_indices().nth(skip).map_or(text.len(), |(i, _)| i);
            let para = Span::new(start, text.len());
            prop_assert_eq!(pieces(&text, para), cut_at_long_whitespace(&text, para));
        }
    }

    /// Characters for lines: whitespace of every width, letters in both cases, link punctuation.
    const LINE_CHARS: &[char] = &[
        ' ', '\t', '\x0B', '\u{85}', '\u{a0}', '\u{3000}', 'w', 'W', 't', 'T', 'm', 'M', 'e', '.',
        '/', ':', 'ж', '’',
    ];

    proptest! {
        #![proptest_config(ProptestConfig {
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn short_links_are_found_as_by_a_plain_search(
            chars in prop::collection::vec(prop::sample::select(LINE_CHARS), 0..40),
        ) {
            let line: String = chars.into_iter().collect();
            let ci = |needle: &[u8]| {
                line.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
            };
            prop_assert_eq!(has_short_link(&line), ci(b"www.") || ci(b"t.me/"));
        }

        #[test]
        fn words_are_counted_as_split_whitespace_counts(
            chars in prop::collection::vec(prop::sample::select(WORD_CHARS), 0..40),
        ) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(count_words(&text), text.split_whitespace().count());
        }
    }

    /// Letters, ASCII whitespace (with the vertical tab) and Unicode spaces and letters.
    const WORD_CHARS: &[char] = &[
        'a', 'Z', '.', '\t', '\n', '\u{0B}', '\u{0C}', '\r', ' ', '\u{85}', '\u{A0}', '\u{2003}',
        '\u{3000}', 'é', 'Ж', '’',
    ];

    #[test]
    fn every_long_run_of_whitespace_is_seen() {
        for before in 0..2 * LONG_WHITESPACE {
            for len in LONG_WHITESPACE - 1..LONG_WHITESPACE + 2 {
                let text = format!("{}{}b", "a".repeat(before), " ".repeat(len));
                let seen = may_hold_long_whitespace(text.as_bytes());
                assert_eq!(seen, len >= LONG_WHITESPACE, "{before} {len}");
            }
        }
    }

    #[test]
    fn long_runs_of_any_whitespace_separate_sentences() {
        let white = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace());
        for c in white {
            let run = c.to_string().repeat(LONG_WHITESPACE);
            assert_eq!(
                sentences(&format!("End.{run}next thing")),
                vec!["End.", "next thing"],
                "{c:?}"
            );
        }
    }

    #[test]
    fn crlf_lines() {
        let d = parse_transcript(
            "Question: Why?\r\n\r\nSergey Lavrov: Because.\r\n\r\nQuestion: Sure?\r\n".into(),
            Encoding::Utf8,
            &SpeakerHints::default(),
        );
        let texts: Vec<_> = d.sentences.iter().map(|s| d.slice(s.span)).collect();
        assert_eq!(texts, vec!["Why?", "Because.", "Sure?"]);
        assert_eq!(d.turns[1].role, Role::Primary);
        assert_eq!(d.turns[0].role, Role::Interviewer);
    }
}
