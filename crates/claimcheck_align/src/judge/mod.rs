//! Judging one claim: find its passage, then run the checks a careful reviewer runs.
//!
//! The order of the checks is the order of their authority: the author's own voice first (it is
//! not a claim about the primary), then quotations (a quote that is not what was said is the most
//! serious finding), then speakers, then conflicting numbers, names, negation and antonyms, then
//! support as a whole, and last any specifics the claim adds to a supported core.

use crate::index::Primary;
use crate::lexicon::{
    digit_ordinal, roman_numeral, ALIASES, ANTONYMS, COLOURS, COMPARATIVES, DEGREE_WORDS,
    EFFECT_NOUNS, EVALUATIVE, FIRST_PERSON, JUDGING_POLES, MAGNITUDE_QUALIFIERS, MONTHS,
    MOTIVE_MARKERS, NEGATION_LINKS, NUMBERED_UNITS, OPINION_PHRASES, ORDINALS, POLES, QUALIFIERS,
    REPORTING, SCALE_WORDS, SLOT_OPPOSITES, STEADY, THINKING_VERBS, WEEKDAYS, YEAR_UNITS,
};
use crate::quotes::{find_quotes, segments, Quote};
use crate::text::{
    negation_strength, numbers, stem_uncached, tokenize, Number, Token, Word, WordFacts,
};
use claimcheck_core::{names::name_words, Assessment, Claim, Role, Span, Verdict};
use std::collections::BTreeSet;
use strsim::{jaro_winkler, normalized_levenshtein};

mod additions;
mod answers;
mod dialogue;
mod figures;
mod frames;
mod matching;
mod negation;
mod opposites;
mod quotations;
mod swaps;
mod voice;
use additions::*;
use answers::*;
use dialogue::*;
use figures::*;
use frames::*;
use matching::*;
use negation::*;
use opposites::*;
use quotations::*;
use swaps::*;
use voice::*;

/// Every threshold the verdicts depend on, in one place.
///
/// `score` is the support score of the best passage: the share of the claim's content words
/// (function words, reporting verbs and the speaker's own name left out) that the passage
/// contains, each word weighted by how rare it is in the primary (rare words say more), with
/// spelling variants counting 0.9. The defaults were chosen on the labelled fixtures under
/// `fixtures/` and `eval/pairs/` (see `just eval`), not on the public benchmarks, which are
/// reported held out.
#[derive(Debug, Clone)]
pub struct Thresholds {
    /// At or above this score the passage supports the claim.
    pub supported: f64,
    /// At or above this score the claim's core is in the passage: below it the claim is
    /// unsupported; above it, added specifics make it embellished.
    pub core: f64,
    /// Jaro-Winkler similarity at which two words count as spelling variants.
    pub variant: f64,
    /// How many candidate sentences retrieval passes on to word-by-word scoring.
    pub candidates: usize,
    /// Quotations of at most this many words must occur near the claim's passage, since short
    /// phrases ("no intention") recur in unrelated places.
    pub short_quote_words: usize,
    /// Credit for a claim word that is not in the passage but occurs elsewhere in the primary:
    /// summaries combine what a speaker said across an interview, so such a word is context,
    /// not invention.
    pub context_credit: f64,
    /// How much better an interviewer's passage must score than the speaker's best for the claim
    /// to be judged misattributed.
    pub misattribution_margin: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            supported: 0.55,
            core: 0.35,
            variant: 0.90,
            candidates: 10,
            short_quote_words: 4,
            context_credit: 0.5,
            misattribution_margin: 0.2,
        }
    }
}

impl Thresholds {
    /// Checks that every value is in range.
    pub fn validate(&self) -> Result<(), String> {
        for (name, v) in [
            ("supported", self.supported),
            ("core", self.core),
            ("variant", self.variant),
            ("context_credit", self.context_credit),
            ("misattribution_margin", self.misattribution_margin),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(format!("threshold {name} = {v} is outside [0, 1]"));
            }
        }
        if self.core > self.supported {
            return Err(format!(
                "threshold core ({}) must not exceed supported ({})",
                self.core, self.supported
            ));
        }
        if self.candidates == 0 {
            return Err("candidates must be at least 1".into());
        }
        Ok(())
    }
}

/// Words that say the claim is about the interviewer or another party, not the main speaker.
const OTHER_PARTY_WORDS: &[&str] = &[
    "interviewer",
    "host",
    "reporter",
    "journalist",
    "anchor",
    "moderator",
    "questioner",
    "asked",
    "asks",
    "asking",
];

/// Reporting verbs besides [`REPORTING`]: verbs of judging, refusing and promising.
const MORE_REPORT_VERBS: &[&str] = &[
    "accused",
    "accuses",
    "praised",
    "praises",
    "criticized",
    "criticised",
    "criticizes",
    "rejected",
    "rejects",
    "dismissed",
    "dismisses",
    "downplayed",
    "downplays",
    "contrasted",
    "blamed",
    "blames",
    "urged",
    "urges",
    "complained",
    "denied",
    "denies",
    "predicted",
    "vowed",
    "promised",
    "conceded",
    "confirmed",
    "revealed",
    "disclosed",
    "boasted",
    "lamented",
    "pledged",
    // Their present tense, as summaries of chats and meetings write them ("Ann confirms").
    "confirms",
    "reveals",
    "discloses",
    "boasts",
    "laments",
    "pledges",
    "vows",
    "promises",
    "predicts",
    "concedes",
    "complains",
    "admits",
    "announces",
    "declares",
    "acknowledges",
    "observes",
    "recalls",
    "replies",
    "responds",
    "answers",
];

/// Words of judgement ([`EVALUATIVE`]), looked up in a set by the word's own hash: every word
/// of every claim is asked.
fn is_evaluative(norm: &Word) -> bool {
    static WORDS: std::sync::OnceLock<rustc_hash::FxHashSet<Word>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| EVALUATIVE.iter().map(|w| Word::new(w)).collect())
        .contains(norm)
}

/// Reporting verbs make a sentence a report of what someone said: [`REPORTING`] and
/// [`MORE_REPORT_VERBS`]. This is asked of every word of a claim and of many words of the
/// primary, so the verbs are looked up in a set by the word's own hash.
fn is_report_verb(norm: &Word) -> bool {
    static VERBS: std::sync::OnceLock<rustc_hash::FxHashSet<Word>> = std::sync::OnceLock::new();
    VERBS
        .get_or_init(|| {
            REPORTING
                .iter()
                .chain(MORE_REPORT_VERBS)
                .map(|w| Word::new(w))
                .collect()
        })
        .contains(norm)
}

/// A sentence range of the primary within one run of turns (one speaker; see
/// `Primary::run_index`).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Window {
    first: usize,
    last: usize,
    score: f64,
}

/// The claim, tokenized, with the bookkeeping the checks share.
struct ClaimView<'a> {
    text: &'a str,
    span: Span,
    tokens: Vec<Token>,
    negated: Vec<bool>,
    /// Strength of that negation: 2 a denial, 1 a contrast ("rather than").
    negation: Vec<u8>,
    /// Indices of content tokens that the primary should contain.
    content: Vec<usize>,
    /// Weight of each token (0 for non-content).
    weight: Vec<f64>,
    quotes: Vec<Quote>,
    title_case: bool,
    /// The label of another speaker of the transcript whom the claim names, if any; the claim's
    /// quotations are then checked against that speaker's turns.
    attributed: Option<String>,
    /// The claim is about the main speaker: it names them or reports a "he"/"she".
    mentions_main: bool,
    /// The speaker label the claim opens with, and the index of the first token after it.
    subject: Option<(String, usize)>,
    /// The claim opens with a speaker label and a colon ("kirsty williams am: we believe …"):
    /// it gives that speaker's turn, whose first person and judgements are the speaker's.
    labelled_turn: bool,
    /// The claim reports speech: a reporting verb outside quotation marks, or a quotation.
    reports: bool,
    /// Numbers in the claim, to match numbers written differently in the primary.
    numbers: Vec<Number>,
    /// Match quality of each token against each primary sentence compared so far: a claim's
    /// passage searches (own speaker, anyone, after quotes, other speakers) share sentences.
    matches: std::cell::RefCell<rustc_hash::FxHashMap<usize, std::rc::Rc<[f64]>>>,
    /// Content words shaped like an abbreviation, with what they may abbreviate.
    abbreviations: Vec<(usize, Abbreviation)>,
}

impl ClaimView<'_> {
    fn word(&self, i: usize) -> &str {
        &self.text[self.tokens[i].span.range()]
    }

    /// True when no quotation of the claim holds the byte at `pos`.
    fn outside_quotes_at(&self, pos: usize) -> bool {
        !self.quotes.iter().any(|q| q.span.range().contains(&pos))
    }

    fn outside_quotes(&self, i: usize) -> bool {
        let s = self.tokens[i].span;
        !self.quotes.iter().any(|q| q.span.contains(s))
    }

    /// True when token `i` lies inside parentheses of the claim.
    fn in_parentheses(&self, i: usize) -> bool {
        let before = &self.text[self.span.start..self.tokens[i].span.start];
        before.matches('(').count() > before.matches(')').count()
    }

    fn is_name(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        !self.title_case
            && t.is_name()
            && !MONTHS.contains(&t.norm.as_str())
            && !WEEKDAYS.contains(&t.norm.as_str())
    }
}

fn build_view<'a>(primary: &Primary, text: &'a str, span: Span) -> ClaimView<'a> {
    let tokens = tokenize(text, span);
    let quotes = find_quotes(text, span);
    let negation = negation_strength(text, &tokens);
    let negated: Vec<bool> = negation.iter().map(|&n| n > 0).collect();
    let words = tokens
        .iter()
        .filter(|t| t.norm.chars().any(char::is_alphabetic))
        .count();
    let capitals = tokens.iter().filter(|t| t.capital).count();
    let title_case = words >= 5 && capitals * 10 >= words * 7;
    let max_idf = primary.idf_of(0);
    let mut content = Vec::new();
    let mut weight = vec![0.0; tokens.len()];
    let setting = interview_setting(text, &tokens);
    let source = source_frame(primary, &tokens);
    let hedged = hedged_parenthesis(text, span, &tokens);
    for (i, t) in tokens.iter().enumerate() {
        let in_quote = quotes.iter().any(|q| q.span.contains(t.span));
        let frame = !in_quote
            && (is_report_verb(&t.norm)
                || setting[i]
                || source[i]
                || hedged[i]
                || attitude(&tokens, i));
        let speaker = primary.speaker_words.contains(&t.norm)
            || (t.capital
                && primary
                    .other_labels
                    .iter()
                    .any(|(_, words)| words.contains(&t.norm)))
            || (t.capital && plural_of_label(primary, &t.norm));
        if !t.is_content() || frame || speaker {
            continue;
        }
        // Rarer words say more; the floor keeps common words from vanishing.
        let idf = f64::from(primary.idf(&t.stem) / max_idf.max(f32::EPSILON));
        let mut w = 0.5 + idf;
        if t.is_digit() || (t.is_name() && !title_case) {
            w *= 1.5;
        }
        if semi_modal(&tokens, i) && !primary.has_stem(&t.stem) {
            w = SEMI_MODAL_WEIGHT;
        }
        weight[i] = w;
        content.push(i);
    }
    let reports = !quotes.is_empty()
        || tokens.iter().any(|t| {
            !quotes.iter().any(|q| q.span.contains(t.span))
                && (is_report_verb(&t.norm) || THINKING_VERBS.contains(&t.norm.as_str()))
                && !REPORT_NOUNS.contains(&t.norm.as_str())
        });
    // The speaker a report is about is the first one the claim names ("Charles will call
    // Natacha" is about Charles); when that is the main speaker, nobody else is attributed.
    // A personal pronoun before any name is the subject ("He'll tell Kim tomorrow"): the name
    // after it is not who spoke.
    let attributed = if reports {
        tokens
            .iter()
            .filter(|t| !quotes.iter().any(|q| q.span.contains(t.span)))
            .filter(|t| t.capital || SUBJECT_PRONOUNS.contains(&t.norm.as_str()))
            .find_map(|t| {
                if SUBJECT_PRONOUNS.contains(&t.norm.as_str())
                    || primary.speaker_words.contains(&t.norm)
                {
                    Some(None)
                } else {
                    primary
                        .other_labels
                        .iter()
                        .find(|(_, words)| words.contains(&t.norm))
                        .map(|(l, _)| Some(l.clone()))
                }
            })
            .flatten()
    } else {
        None
    };
    let outside = |t: &Token| !quotes.iter().any(|q| q.span.contains(t.span));
    // "He" or "she" is the main speaker of an interview; in a conversation among peers (no
    // interviewer) the one who talks most is no likelier than anyone else to be meant.
    let pronoun = tokens
        .iter()
        .any(|t| outside(t) && matches!(t.norm.as_str(), "he" | "she"));
    let mut mentions_main = tokens
        .iter()
        .any(|t| outside(t) && primary.speaker_words.contains(&t.norm))
        || (pronoun && primary.interview);
    // "according to claire bennett, …": in a summary written in lower case the capitals that
    // name a speaker above are missing, but the phrase still says whose words these are.
    // The claim in lower case, for the label checks; none when lowercasing moves its bytes.
    let lower = {
        let claim = &text[span.range()];
        Some(claim.to_lowercase()).filter(|l| l.len() == claim.len())
    };
    let mut attributed = attributed.or_else(|| according_to_label(primary, lower.as_deref()?));
    let mut subject = None;
    let mut labelled_turn = false;
    // A speaker label written out at the head of the claim ("Don has booked …", "the project
    // manager suggested …", "PhD D thought …"), whatever its case and verb, says whose turns the
    // claim is about; its words name a speaker and are not content.
    if let Some((at, len, label, main)) = lower.as_deref().and_then(|l| label_subject(primary, l)) {
        let (lo, hi) = (span.start + at, span.start + at + len);
        let after = tokens.iter().position(|t| t.span.start >= hi);
        subject = after.map(|i| (label.clone(), i));
        labelled_turn = text[hi..span.end].trim_start().starts_with(':');
        for (i, t) in tokens.iter().enumerate() {
            if t.span.start >= lo && t.span.end <= hi {
                weight[i] = 0.0;
            }
        }
        content.retain(|&i| weight[i] > 0.0);
        if main {
            mentions_main = true;
        } else if attributed.is_none() {
            attributed = Some(label);
        }
    }
    let numbers = numbers(&tokens);
    let abbreviations = content
        .iter()
        .filter_map(|&i| {
            let numbered = numbered_unit(&tokens, i).map(|(r, u, _)| Abbreviation::Numbered(r, u));
            let denied = denied_share_at(&tokens, i)
                .then(|| crate::lexicon::denied_share_words(&tokens[i].norm))
                .flatten()
                .map(Abbreviation::DeniedShare);
            numbered
                .or(denied)
                .or_else(|| Abbreviation::of(&text[tokens[i].span.range()]))
                .map(|a| (i, a))
        })
        .collect();
    ClaimView {
        reports,
        mentions_main,
        subject,
        labelled_turn,
        numbers,
        negation,
        attributed,
        text,
        span,
        tokens,
        negated,
        content,
        weight,
        quotes,
        title_case,
        matches: Default::default(),
        abbreviations,
    }
}

/// Candidate windows and their per-token quality.
struct Scored {
    window: Window,
    quality: Vec<f64>,
}

/// Neighbouring sentences can be joined into a window of at most this many sentences.
const MAX_WINDOW: usize = 3;
/// How many of the retrieved candidates are widened into multi-sentence windows.
const WIDENED: usize = 4;
/// Each extra sentence in a window costs this much score, so the tightest passage wins ties.
const WINDOW_COST: f64 = 0.03;

fn candidate_windows(
    primary: &Primary,
    view: &ClaimView,
    t: &Thresholds,
    allowed: impl Fn(usize) -> bool,
    verified: &[f64],
) -> Vec<Scored> {
    let stems: Vec<&Word> = view.content.iter().map(|&i| &view.tokens[i].stem).collect();
    let hits = primary.retrieve(&stems, t.candidates, &allowed);
    // A widened candidate makes at most 1 + 2 + … + MAX_WINDOW windows, the others one each.
    let most = hits.len().min(WIDENED) * MAX_WINDOW * (MAX_WINDOW + 1) / 2
        + hits.len().saturating_sub(WIDENED);
    let mut out: Vec<Scored> = Vec::with_capacity(most);
    // The first search of a claim sizes its cache of sentence matches for every sentence these
    // windows can take in, so that filling it does not rehash it again and again.
    let mut matches = view.matches.borrow_mut();
    if matches.is_empty() {
        matches.reserve(hits.len() + hits.len().min(WIDENED) * 2 * (MAX_WINDOW - 1));
    }
    drop(matches);
    let n = primary.sentence_count();
    for (rank, (s, _)) in hits.into_iter().enumerate() {
        let turn = primary.run_index(s);
        // Only the best few candidates are widened with their neighbours: word-by-word matching
        // of neighbouring sentences is the main cost of a claim.
        let width = if rank < WIDENED { MAX_WINDOW } else { 1 };
        for first in s.saturating_sub(width - 1)..=s {
            for last in s..(first + width).min(n) {
                if primary.run_index(first) != turn || primary.run_index(last) != turn {
                    continue;
                }
                if out
                    .iter()
                    .any(|o| o.window.first == first && o.window.last == last)
                {
                    continue;
                }
                let mut quality = verified.to_vec();
                for k in first..=last {
                    let m = sentence_match(primary, view, k, t);
                    for (q, v) in quality.iter_mut().zip(m.iter()) {
                        *q = q.max(*v);
                    }
                }
                let score = coverage(view, &quality) - WINDOW_COST * (last - first) as f64;
                out.push(Scored {
                    window: Window {
                        first,
                        last,
                        score: score.max(0.0),
                    },
                    quality,
                });
            }
        }
    }
    // Best first; ties by position so that the choice never depends on hash order (no two
    // windows have the same position, so an unstable sort gives the one order there is).
    out.sort_unstable_by(|a, b| {
        b.window
            .score
            .total_cmp(&a.window.score)
            .then(a.window.first.cmp(&b.window.first))
            .then(a.window.last.cmp(&b.window.last))
    });
    out
}

fn window_span(primary: &Primary, w: &Window) -> Span {
    primary
        .sentence_span(w.first)
        .cover(primary.sentence_span(w.last))
}

/// `w` with up to `reach` more sentences on each side, within its run of turns.
fn widened(primary: &Primary, w: &Window, reach: usize) -> Window {
    let turn = primary.run_index(w.first);
    let first = (w.first.saturating_sub(reach)..w.first)
        .find(|&s| primary.run_index(s) == turn)
        .unwrap_or(w.first);
    let last = (w.last + 1..(w.last + 1 + reach).min(primary.sentence_count()))
        .take_while(|&s| primary.run_index(s) == turn)
        .last()
        .unwrap_or(w.last);
    Window { first, last, ..*w }
}

fn window_tokens<'p>(primary: &'p Primary, w: &Window) -> &'p [Token] {
    let start = primary.sentence_tokens[w.first].start;
    let end = primary.sentence_tokens[w.last].end;
    &primary.tokens[start..end]
}

fn speaker_of(primary: &Primary, s: usize) -> Option<String> {
    primary.document().turn_of(s).speaker.clone()
}

fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

fn describe_speaker(speaker: &Option<String>) -> String {
    speaker.clone().unwrap_or_else(|| "no speaker label".into())
}

/// The least share of a first-person claim's content its passage must hold for the claim to be
/// read as a speaker's sentence copied without quotation marks.
const COPIED_SCORE: f64 = 0.9;

/// Something the claim changes relative to its passage.
struct Conflict {
    reason: String,
}

impl Conflict {
    /// "claim says X where the primary says Y", and how they differ when that is said.
    fn said_instead(claim: &str, primary: &str, how: Option<&str>) -> Conflict {
        let mut reason = format!("claim says \"{claim}\" where the primary says \"{primary}\"");
        if let Some(how) = how {
            reason.push_str(&format!(" ({how})"));
        }
        Conflict { reason }
    }
}

fn number_text(text: &str, n: &Number) -> String {
    text[n.span.range()].to_string()
}

fn same_number(a: &Number, b: &Number) -> bool {
    match (a.clock, b.clock) {
        (None, None) => (a.value - b.value).abs() <= 1e-6 * a.value.abs().max(1.0),
        // Times of day: the same minute, of the same half of the day when both say which.
        (Some(x), Some(y)) => {
            let day = if x && y { 1440.0 } else { 720.0 };
            a.value % day == b.value % day
        }
        // A time and a plain number: "at 5" or "5.30" for "5pm" or "5:30 pm".
        (Some(_), None) => same_time(a, b),
        (None, Some(_)) => same_time(b, a),
    }
}

/// Whether plain number `n` writes time of day `clock`: its hour ("5" for 5pm) or its hour and
/// minutes as a decimal ("5.30" for 5:30).
fn same_time(clock: &Number, n: &Number) -> bool {
    let (hour, minute) = ((clock.value / 60.0).floor(), clock.value % 60.0);
    [hour, hour % 12.0]
        .iter()
        .any(|h| (n.value - (h + minute / 100.0)).abs() < 1e-9)
}

fn comparable(a: &Number, b: &Number) -> bool {
    a.year == b.year && a.percent == b.percent && a.clock.is_some() == b.clock.is_some()
}

/// The sentence of a passage that holds most of the claim: the best covered of its sentences
/// (their matches are cached by then), the first of equals.
fn core_sentence(view: &ClaimView, w: &Window) -> usize {
    let matches = view.matches.borrow();
    let mut best = (w.first, f64::NEG_INFINITY);
    for s in w.first..=w.last {
        if let Some(qs) = matches.get(&s) {
            let c = coverage(view, qs);
            if c > best.1 {
                best = (s, c);
            }
        }
    }
    best.0
}

fn conflicts(primary: &Primary, view: &ClaimView, scored: &Scored) -> Vec<Conflict> {
    let ptoks = window_tokens(primary, &scored.window);
    let ptext = &primary.document().text;
    let q = &scored.quality;
    let mut out = Vec::new();

    // Numbers.
    let cnums = numbers(&view.tokens);
    let pnums = numbers(ptoks);
    for n in &cnums {
        // A number the passage has is no conflict, even when a different one sits in its place
        // (letting that override caught figures moved between quantities of one answer, but
        // raised false alarms on the public benchmarks). Nor is one the speaker gives, with the
        // claim's words around it, elsewhere in the same answer (or run of messages): the claim
        // joins two parts of it.
        if pnums.iter().any(|m| same_number(n, m))
            || number_echoed_in_run(primary, view, n, primary.run_index(scored.window.first))
        {
            continue;
        }
        let idx = view
            .tokens
            .iter()
            .position(|t| t.span.start == n.span.start);
        // The number in the claim number's place in the passage.
        let in_slot: Option<&Number> = idx.and_then(|i| slot(view, q, ptoks, i)).and_then(|r| {
            let (lo, hi) = (ptoks[r.start].span.start, ptoks[r.end - 1].span.end);
            pnums
                .iter()
                .find(|m| m.span.start >= lo && m.span.end <= hi && comparable(n, m))
        });
        let other = in_slot.or_else(|| {
            // Outside the slot, only a number of the same kind that appears nowhere in the claim
            // and when the claim's number appears nowhere in the primary.
            let anywhere = primary_has_number(primary, n);
            (!anywhere)
                .then(|| {
                    pnums
                        .iter()
                        .find(|m| comparable(n, m) && !cnums.iter().any(|c| same_number(c, m)))
                })
                .flatten()
        });
        if let Some(m) = other {
            out.push(Conflict::said_instead(
                &number_text(view.text, n),
                &number_text(ptext, m),
                None,
            ));
        }
    }

    // The same figure of another time unit: "every two months" where the passage says "every
    // two weeks".
    if out.is_empty() {
        out.extend(swapped_time_unit(view, &cnums, ptext, ptoks, &pnums));
    }
    // "Next week" where the passage says "next month".
    if out.is_empty() {
        out.extend(swapped_relative_time(view, q, ptext, ptoks));
    }

    // Ordinals of one unit: "the second quarter" where the passage says "the third quarter".
    // A numbered unit ("Chapter 7" for "Chapter 11") whose number was compared above is not
    // told twice.
    let numbers_told = !out.is_empty();
    out.extend(swapped_ordinal(primary, view, &scored.window, numbers_told));
    // A figure put in another period: "third-quarter EPS of $1.21" for Q4's.
    if out.is_empty() {
        out.extend(figure_moved(primary, view, &cnums, &scored.window));
    }

    // The passage and its neighbouring sentences in the same turn.
    let around = window_tokens(primary, &widened(primary, &scored.window, 1));
    out.extend(swapped_names(primary, view, q, ptoks, around));
    // A name found only in another sentence of the passage than the one that holds the rest of
    // the claim: "the German side offered doctors" where one sentence says "the French side
    // offered doctors" and the next "the Germans promised money". That sentence alone is asked
    // whether another name stands in the name's place.
    if out.is_empty() {
        out.extend(misplaced_name(primary, view, scored));
    }

    // Antonyms: an unmatched claim word whose opposite the passage uses, with the same polarity.
    let pstrength = negation_strength(ptext, ptoks);
    let pneg: Vec<bool> = pstrength.iter().map(|&n| n > 0).collect();
    // The passage's content words whose stem the claim has nowhere (none can be the opposite
    // it replaced), found once for all the claim's unmatched words.
    let mut foreign: Option<Vec<bool>> = None;
    for &i in &view.content {
        if q[i] >= 0.9 || view.is_name(i) || !view.outside_quotes(i) {
            continue;
        }
        let c = &view.tokens[i];
        // "Reduced" where the passage has "cut" as well as "raised": a word of the claim word's
        // own pole is what it says in other words.
        if core_poles().mate_in(c, ptoks) || judging_poles().mate_in(c, ptoks) {
            continue;
        }
        let c_kind = !c.capital && plain_noun(c);
        let foreign = foreign.get_or_insert_with(|| {
            let stems: rustc_hash::FxHashSet<&Word> = view.tokens.iter().map(|x| &x.stem).collect();
            (ptoks.iter())
                .map(|p| p.is_content() && !stems.contains(&p.stem))
                .collect()
        });
        // "Not often" is a share, compared by `swapped_quantifier`: it says what "rarely" says.
        if denied_share_at(&view.tokens, i) {
            continue;
        }
        for (k, p) in ptoks.iter().enumerate() {
            if !foreign[k] || denied_share_at(ptoks, k) {
                continue;
            }
            // Two kinds of one thing ("astronomers"/"biologists") in the same place: a swap.
            let swapped_kind = || {
                c_kind
                    && !p.capital
                    && plain_noun(p)
                    && crate::wordnet::cohyponyms(&c.norm, &p.norm, crate::wordnet::KIN_REACH)
                    && slot(view, q, ptoks, i)
                        .filter(|r| tight_slot(view, q, ptoks, i, r))
                        .or_else(|| edge_slot(view, q, ptext, ptoks, i, true))
                        .is_some_and(|r| r.contains(&k))
                    && !said_with_modifier(primary, &view.tokens[..=i])
                    && !in_fixed_phrase(&view.tokens, i)
                    && !in_fixed_phrase(ptoks, k)
            };
            // "Tommy will lend Derek a cable" where Derek asked for one he "could borrow": a
            // converse told from the other party's side is the same event, not its opposite.
            let converse_swapped = || {
                converse(c, p)
                    && view.subject.as_ref().is_some_and(|(label, _)| {
                        speaker_of(primary, scored.window.first).is_some_and(|who| who != *label)
                    })
            };
            // Ordinals that rank a unit are compared by `swapped_ordinal`, which asks what they
            // rank: WordNet's "first" and "second" violin are opposites, the first and second
            // quarter are not.
            let ranks = || ranking(&view.tokens, i).is_some() || ranking(ptoks, k).is_some();
            // Hyphenated opposites, quoted whole: "full-time" for "part-time".
            let compounds = opposed_compounds(view.text, &view.tokens, i, ptext, ptoks, k);
            let relation = if (compounds.is_some() || antonyms(c, p))
                && !ranks()
                && !converse_swapped()
                && !remaining(ptoks, k)
                && !received(&view.tokens, i, p)
                && !received(ptoks, k, c)
                && !converse_comparison(view, i, ptoks, ptext, k)
            {
                "opposite meaning"
            } else if swapped_kind() {
                "a different thing of the same kind"
            } else if swapped_noun(view, q, ptext, ptoks, i, k, foreign) {
                "a different thing"
            } else {
                continue;
            };
            if view.negated[i] == pneg[k] && anchored(view, q, ptoks, k, false) {
                let (said, instead) = compounds.unwrap_or((view.word(i), &ptext[p.span.range()]));
                out.push(Conflict::said_instead(said, instead, Some(relation)));
                break;
            }
        }
    }

    if out.is_empty() {
        out.extend(function_opposite(view, q, ptoks, ptext, &pneg));
    }
    if out.is_empty() {
        out.extend(swapped_direction(view, q, ptoks, ptext, &pneg));
    }
    if out.is_empty() {
        out.extend(swapped_quantifier(view, q, ptoks, ptext));
    }

    // A third person of the other sex in the claim word's place ("dealing with her problems"
    // where the passage says "dealing with his problems"): someone else is meant.
    for (i, c) in view.tokens.iter().enumerate() {
        let Some(sex) = pronoun_sex(&c.norm) else {
            continue;
        };
        if !view.outside_quotes(i) {
            continue;
        }
        let Some(r) = slot(view, q, ptoks, i) else {
            continue;
        };
        let said = |want: bool| {
            ptoks[r.clone()]
                .iter()
                .find(|p| pronoun_sex(&p.norm) == Some(want))
        };
        // The claim's own stretch between the same matched neighbours: a pronoun of the other
        // sex there ("asking her to get him") accounts for the passage's.
        let own = own_stretch(view, q, i);
        let claim_has = |want: bool| {
            view.tokens[own.clone()]
                .iter()
                .any(|t| pronoun_sex(&t.norm) == Some(want))
        };
        if let (Some(p), None, false) = (said(!sex), said(sex), claim_has(!sex)) {
            out.push(Conflict::said_instead(
                view.word(i),
                &ptext[p.span.range()],
                Some("a different person"),
            ));
            break;
        }
    }

    if out.is_empty() {
        out.extend(roles_reversed(primary, view, scored));
    }
    if out.is_empty() {
        out.extend(answered_no(primary, view, scored));
    }
    if out.is_empty() {
        out.extend(comparison_reversed(view, ptoks, ptext));
    }

    // Negation: a matched word that one side negates and the other does not.
    let mut flipped: Option<(usize, usize)> = None;
    let mut agreeing_negated = 0;
    let mut agreeing_at: Vec<usize> = Vec::new();
    for &i in &view.content {
        if q[i] < 1.0 || view.is_name(i) || !view.outside_quotes(i) {
            continue;
        }
        let c = &view.tokens[i];
        // A negation belongs to a predicate; with WordNet loaded, a noun ("podcast") counts only
        // where the denial is of the thing itself: right after its cue ("do not have oligarchs")
        // or across what was looked for ("did not find any effect on mood"), `denies_thing`.
        let noun = crate::wordnet::available() && !crate::wordnet::is_predicate(&c.norm);
        if noun && !denies_thing(&view.tokens, i) {
            let any_close = ptoks
                .iter()
                .enumerate()
                .any(|(k, p)| p.stem == c.stem && denies_thing(ptoks, k));
            if !any_close {
                continue;
            }
        }
        // A word used as a noun ("the benefits of") is not the verb of the same stem ("has not
        // benefited"): a denial of the one says nothing of the other.
        let claim_noun = crate::wordnet::available() && noun_use(&view.tokens, i);
        let occ: Vec<usize> = ptoks
            .iter()
            .enumerate()
            .filter(|(k, p)| p.stem == c.stem && anchored(view, q, ptoks, *k, !noun))
            .filter(|(k, p)| !claim_noun || p.norm == c.norm || noun_use(ptoks, *k))
            .map(|(k, _)| k)
            .collect();
        if occ.is_empty() {
            continue;
        }
        if occ.iter().any(|&k| pneg[k] == view.negated[i]) {
            if view.negated[i] {
                agreeing_negated += 1;
                agreeing_at.push(i);
            }
            continue;
        }
        // A parenthesis elaborates; its polarity is not the claim's.
        if view.in_parentheses(i) {
            continue;
        }
        // "Was thinking about working as a flight attendant, but doesn't want to work there
        // forever": the claim has the word in the passage's polarity too, and that one is the
        // passage's counterpart.
        let both_ways = view.tokens.iter().enumerate().any(|(j, u)| {
            j != i
                && u.stem == c.stem
                && view.outside_quotes(j)
                && occ.iter().any(|&k| pneg[k] == view.negated[j])
        });
        if both_ways {
            continue;
        }
        // "Wants to leave London" where the passage has "I don't want to stay there": the denial
        // is of wanting something else. A verb whose infinitive differs on the two sides is
        // not the same predicate.
        let wants_other = infinitive_after(&view.tokens, i).is_some_and(|a| {
            occ.iter().all(|&k| {
                infinitive_after(ptoks, k)
                    .is_some_and(|b| b.stem != a.stem && synonym_match(a, b) == 0.0)
            })
        });
        if wants_other {
            continue;
        }
        // "If you have any idea for a present, let me know" asserts nothing about having one:
        // a condition has no polarity that a claim's denial ("has no idea") could contradict,
        // unless the claim states the condition too.
        if occ.iter().all(|&k| in_condition(ptoks, ptext, k))
            && !in_condition(&view.tokens, view.text, i)
        {
            continue;
        }
        // "Shannon hasn't heard the album" where Kane asked "have you heard the new album?" and
        // Shannon answered "no, is it good?": the answer says what the claim denies.
        if view.negated[i]
            && occ
                .iter()
                .all(|&k| denied_in_answer(primary, view, scored, k))
        {
            continue;
        }
        // "Any plans for winter break?" asks; it neither has plans nor lacks them, so "Reeve has
        // no plans" does not contradict it, nor does "we should defend ourselves" contradict
        // "why should we not defend ourselves?". A yes or no to the question asserts, though:
        // "have you heard it?" "yes" still contradicts "hasn't heard it", and a "no" from someone
        // else is theirs, not the claim's subject's (the subject's own no is
        // `denied_in_answer`'s).
        if occ.iter().all(|&k| {
            asked_at(primary, scored, k).is_some_and(|s| {
                answer_to(primary, s).is_none_or(|(_, _, answer)| answer == Answer::Other)
            })
        }) {
            continue;
        }
        // Only a denial contradicts; a contrast ("rather than") on its own does not. And when the
        // other side denies too, within reach of the word, the denial has moved, not flipped:
        // "there will be no final vote until" and "the final vote will not take place until".
        let denies_near = |strength: &[u8], at: usize| {
            let lo = at.saturating_sub(6);
            let hi = (at + 7).min(strength.len());
            strength[lo..hi].iter().any(|&x| x >= 2)
        };
        let hard = if view.negated[i] {
            view.negation[i] >= 2 && !occ.iter().any(|&k| denies_near(&pstrength, k))
        } else {
            occ.iter().any(|&k| pstrength[k] >= 2) && !denies_near(&view.negation, i)
        };
        if hard {
            flipped.get_or_insert((i, occ[0]));
        }
    }
    // "Lifted participants' mood" where the passage found no effect on mood: a denied effect
    // outweighs other mentions of the thing ("we measured mood"), which would otherwise agree.
    if flipped.is_none() {
        flipped = effect_denied(view, q, ptoks, &pstrength);
        if flipped.is_some() {
            agreeing_negated = 0;
        }
    }
    // "Still has oligarchs" against "we do not have oligarchs any more"; "has already secured
    // funding" against "if the funding comes through".
    if flipped.is_none() && out.is_empty() {
        out.extend(aspect_conflict(primary, view, q, &scored.window));
    }
    // A denial in a sentence next to the passage, of a claim word the passage lacks, where
    // that sentence shares another of the claim's words: "We welcome Chinese aid … We don't
    // want to discourage it" against "wanted to discourage it".
    let next_door = (flipped.is_none() && agreeing_negated == 0)
        .then(|| denied_next_door(primary, view, scored))
        .flatten();
    if let Some((i, s, k)) = next_door {
        let stoks = primary.sentence(s);
        let said: Vec<&str> = stoks[k.saturating_sub(5)..=k]
            .iter()
            .map(|t| &ptext[t.span.range()])
            .collect();
        out.push(Conflict {
            reason: format!(
                "negation differs: the claim does not negate \"{}\" but the primary does, next to the passage (\"{}\")",
                view.word(i),
                said.join(" ")
            ),
        });
    }
    // A denial the claim shares with the passage in another part of the sentence ("and the
    // dress wouldn't sew itself") does not excuse one it drops ("has checked" for "haven't
    // checked"), unless a word of failing or lacking right before the word ("the failure to
    // resolve") negates it in other words.
    if let Some((i, _)) = flipped {
        let lexical = view.tokens[i.saturating_sub(3)..i].iter().any(|t| {
            ["fail", "unabl", "inabil", "lack", "without", "impossib"]
                .iter()
                .any(|p| t.norm.as_str().starts_with(p))
        });
        if lexical {
            flipped = None;
        } else if agreeing_at.iter().all(|&j| j.abs_diff(i) > 6) {
            agreeing_negated = 0;
        }
    }
    if let (Some((i, k)), 0) = (flipped, agreeing_negated) {
        let cue = |toks: &[Token], at: usize, text: &str| -> String {
            let lo = at.saturating_sub(5);
            let window: Vec<&str> = toks[lo..=at]
                .iter()
                .map(|t| &text[t.span.range()])
                .collect();
            window.join(" ")
        };
        let (claim_side, primary_side) = if view.negated[i] {
            ("negates", "does not")
        } else {
            ("does not negate", "does")
        };
        out.push(Conflict {
            reason: format!(
                "negation differs: the claim {claim_side} \"{}\" (\"{}\") but the primary {primary_side} (\"{}\")",
                view.word(i),
                cue(&view.tokens, i, view.text),
                cue(ptoks, k, ptext)
            ),
        });
    }
    out
}

/// True when the primary has the claim's word with the content word before it, as the claim has
/// them ("bright lamp"): a speaker who says both "the bright lamp" and "the bright-light group"
/// uses the two for one thing, so the claim's "bright-lamp users" is no swap. The last of `claim`
/// is the word; the one before it must be a content word.
fn said_with_modifier(primary: &Primary, claim: &[Token]) -> bool {
    let [.., before, word] = claim else {
        return false;
    };
    before.is_content()
        && primary
            .tokens
            .windows(2)
            .any(|p| p[0].stem == before.stem && p[1].stem == word.stem)
}

/// True when WordNet knows the word as a place inside a larger one ("Warsaw", part of Poland): a
/// place in the slot of a person's name ("Maria") is a different slot, not a swap.
fn is_place(word: &str) -> bool {
    !crate::wordnet::wholes_of(word).is_empty()
}

/// The claim tokens of the run of capitalised words that token `i` starts ("Nicolas Sarkozy").
fn name_run(view: &ClaimView, i: usize) -> Vec<usize> {
    let joined = |j: usize| {
        !view.text[view.tokens[j - 1].span.end..view.tokens[j].span.start]
            .contains(|c: char| !c.is_whitespace())
    };
    std::iter::once(i)
        .chain((i + 1..view.tokens.len()).take_while(|&j| view.is_name(j) && joined(j)))
        .collect()
}

/// A sentence of at most this many tokens anchors every word in it (see `anchored`).
const SHORT_SENTENCE: usize = 16;

/// True when the passage token at `k` sits among other words of the claim (at least two within
/// six tokens), so that it is the claim's counterpart and not a chance recurrence.
fn anchored(view: &ClaimView, q: &[f64], ptoks: &[Token], k: usize, predicate: bool) -> bool {
    const REACH: usize = 6;
    let lo = k.saturating_sub(REACH);
    let hi = (k + REACH + 1).min(ptoks.len());
    // Within reach, or anywhere in the token's own sentence when that is short: a one-sentence
    // answer is the claim's counterpart as a whole.
    let start = (0..=k).rev().find(|&j| ptoks[j].initial).unwrap_or(0);
    let end = (k + 1..ptoks.len())
        .find(|&j| ptoks[j].initial)
        .unwrap_or(ptoks.len());
    let (lo, hi) = if end - start <= SHORT_SENTENCE {
        (lo.min(start), hi.max(end))
    } else {
        (lo, hi)
    };
    let near = (lo..hi)
        .filter(|&j| j != k && ptoks[j].is_content())
        .filter(|&j| {
            view.content
                .iter()
                .any(|&i| q[i] >= 0.9 && view.tokens[i].stem == ptoks[j].stem)
        })
        .count();
    // Short claims have few words to anchor with, and a verb ("want to discourage") is anchored
    // by one neighbour.
    near >= if view.content.len() <= 6 || (predicate && crate::wordnet::available()) {
        1
    } else {
        2
    }
}

/// True when the primary knows this name: in its text, its speaker labels, or by a common alias.
fn known_name(primary: &Primary, t: &Token) -> bool {
    primary.has_stem(&t.stem)
        || in_named_region(primary, t)
        || primary.speaker_words.contains(&t.norm)
        || primary
            .other_speaker_words
            .iter()
            .any(|w| w.split('.').any(|p| p == t.norm))
        || ALIASES.iter().any(|set| {
            set.contains(&t.norm.as_str())
                && set
                    .iter()
                    .any(|a| primary.has_stem(&Word::new(&stem_uncached(a))))
        })
}

/// True when the word names a region, or pertains to one ("Norwegian"), that a place the primary
/// names lies in ("Bergen"): saying "a Norwegian study" of a study run in Bergen adds nothing.
fn in_named_region(primary: &Primary, t: &Token) -> bool {
    let ids = crate::wordnet::region_ids(&t.norm);
    !ids.is_empty() && ids.iter().any(|id| primary.regions().contains(id))
}

/// True when run `run` of the primary (a turn, or one speaker's run of messages) has the number
/// `n` with at least two of the claim's words around it there too ("a VAT rise from 18 to 20 per
/// cent" and "VAT went up from 18 to 20 per cent"); units do not count, so "a 20 per cent rise in
/// wages" is not echoed by "VAT went up to 20 per cent".
fn number_echoed_in_run<'a>(
    primary: &'a Primary,
    view: &'a ClaimView,
    n: &Number,
    run: usize,
) -> bool {
    const REACH: usize = 5;
    let unit = |t: &Token| {
        let w = t.norm.as_str();
        matches!(w, "per" | "cent" | "percent" | "year" | "years")
            || SCALE_WORDS.iter().any(|(s, _)| *s == w)
            || YEAR_UNITS.iter().any(|(s, _)| *s == w)
    };
    let around = |toks: &'a [Token], span: Span| -> Vec<&'a Word> {
        let first = toks.partition_point(|t| t.span.end <= span.start);
        let last = toks.partition_point(|t| t.span.start < span.end);
        let lo = first.saturating_sub(REACH);
        let hi = (last + REACH).min(toks.len());
        toks[lo..hi]
            .iter()
            .filter(|t| !span.contains(t.span) && t.is_content() && !unit(t))
            .map(|t| &t.stem)
            .collect()
    };
    let mine = around(&view.tokens, n.span);
    primary.numbers_in_run(run).any(|m| {
        let theirs = around(&primary.tokens, m.span);
        same_number(n, m) && mine.iter().filter(|w| theirs.contains(w)).count() >= 2
    })
}

fn primary_has_number(primary: &Primary, n: &Number) -> bool {
    primary.numbers.iter().any(|m| same_number(n, m))
}

/// The sex a third-person pronoun speaks of: `Some(true)` for "he", "him", "his", "himself",
/// `Some(false)` for "she", "her", "hers", "herself".
fn pronoun_sex(norm: &str) -> Option<bool> {
    match norm {
        "he" | "him" | "his" | "himself" => Some(true),
        "she" | "her" | "hers" | "herself" => Some(false),
        _ => None,
    }
}

/// A word that may stand for a kind of thing: not a number word or a unit of time (counts and
/// spans are checked as numbers, and "this week"/"the dark months" are not a swap).
fn plain_noun(t: &Token) -> bool {
    let w = t.norm.as_str();
    // Its facts tell a number word without looking through the list of them.
    !t.is_number_word() && time_unit(w).is_none() && !matches!(w, "time" | "times")
}

/// The giver's verb in the passive and the receiver's verbs, with their irregular forms:
/// "patients given a placebo" took it, "the pupils taught French" learnt it.
const RECEIVED: &[(&str, &[&str])] = &[
    (
        "given",
        &["take", "took", "taken", "receive", "get", "got", "gotten"],
    ),
    ("lent", &["borrow"]),
    ("sold", &["buy", "bought"]),
    ("taught", &["learn", "learnt"]),
    ("sent", &["receive", "get", "got", "gotten"]),
];

/// True when `toks[k]` is a giver's verb in the passive ("those given a placebo", "they were
/// lent a car") and `other` is the receiver's verb, which says the same from the other side.
fn received(toks: &[Token], k: usize, other: &Token) -> bool {
    let Some((_, receiver)) = RECEIVED.iter().find(|(w, _)| toks[k].norm == *w) else {
        return false;
    };
    // "Lent", "sold", "taught" and "sent" are past tenses too ("the country sold grain"): only
    // a form of "be" makes them passive. "Given" is a participle alone, also after a noun or
    // "those" ("patients given a placebo").
    let passive = k > 0 && {
        let before = &toks[k - 1];
        matches!(
            before.norm.as_str(),
            "is" | "are" | "was" | "were" | "be" | "been" | "being"
        ) || (toks[k].norm == "given"
            && (before.norm == "those"
                || (before.is_content() && !before.capital && plain_noun(before))))
    };
    passive
        && receiver
            .iter()
            .any(|r| other.stem.as_str() == stem_uncached(r))
}

/// How far above two names [`crate::wordnet::cohyponyms`] looks for a kind they share: names'
/// kinds are broad ("MP" and "Councillor" meet a few steps up), so a parent or a grandparent.
const NAME_KIN_REACH: usize = 2;

/// True when `toks[k]` is "left" for what remains ("with three candidates left", "there is
/// nothing left", "two weeks left"), not for who went: it follows a number, a quantifier or a
/// plain noun, with "with", "there", "only" or a form of "be" or "have" shortly before.
fn remaining(toks: &[Token], k: usize) -> bool {
    if toks[k].norm != "left" || k == 0 {
        return false;
    }
    let before = &toks[k - 1];
    let held = before.is_digit()
        || before.is_number_word()
        || matches!(
            before.norm.as_str(),
            "nothing" | "none" | "little" | "few" | "much" | "some"
        )
        || (before.is_content() && !before.capital && plain_noun(before));
    held && (k.saturating_sub(5)..k - 1).any(|j| {
        matches!(
            toks[j].norm.as_str(),
            "with" | "there" | "only" | "is" | "are" | "was" | "were" | "have" | "has" | "had"
        )
    })
}

/// Whether the noun at `k` is part of a fixed phrase after a preposition ("with regard to", "in
/// this regard", "put them on notice", "in terms of", "on behalf of"): it names no thing there,
/// so it is no kind of thing another could replace.
fn in_fixed_phrase(toks: &[Token], k: usize) -> bool {
    const NOUNS: &[&str] = &[
        "regard",
        "respect",
        "terms",
        "behalf",
        "spite",
        "light",
        "means",
        "view",
        "case",
        "addition",
        "favour",
        "favor",
        "accordance",
        "lieu",
        "notice",
        "account",
        "sake",
        "course",
        "fact",
        "turn",
        "order",
        "general",
        "particular",
        "principle",
        "practice",
    ];
    if !NOUNS.contains(&toks[k].norm.as_str()) {
        return false;
    }
    let preposition = |j: usize| {
        matches!(
            toks[j].norm.as_str(),
            "in" | "on" | "with" | "by" | "for" | "at" | "of"
        )
    };
    let mut j = k;
    if j > 0 && matches!(toks[j - 1].norm.as_str(), "this" | "that" | "the" | "all") {
        j -= 1;
    }
    j > 0 && preposition(j - 1)
}

/// "suitable"/"unsuitable", "motivate"/"demotivate": a negating prefix on the same base word.
///
/// Negating prefixes are productive on adjectives ("unsuitable", "unconsolidated"); on verbs and
/// nouns most prefixed words are words of their own ("impose" is no opposite of "pose", nor
/// "intuition" of "tuition", "income" of "come", "defend" of "fend"). So a prefixed word that
/// WordNet has an entry for is an opposite of a base that is no adjective only through WordNet's
/// antonym pointers (checked before this). The prefix alone decides for an adjective base, for
/// derivations WordNet lacks ("demotivate"), and for every word without WordNet.
fn prefix_opposite(a: &str, b: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "un", "in", "im", "il", "ir", "dis", "non", "non-", "de", "sub", "mis", "anti", "counter",
    ];
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 4
        && PREFIXES
            .iter()
            .any(|p| long.strip_prefix(p).is_some_and(|rest| rest == short))
        && (crate::wordnet::is_adjective(short) || !crate::wordnet::has_entry(long))
}

/// The question of a claim shaped "Asked about X, he said: '…'" ("Invited to rework his old
/// campaign slogan, he offered: …"): it opens with a participle of asking, a verb of saying or
/// answering comes before the first quotation, and nothing but punctuation follows the last.
/// Returns the opening clause, up to its comma.
fn answer_frame(view: &ClaimView) -> Option<String> {
    let (first, last) = (view.quotes.first()?, view.quotes.last()?);
    let toks = &view.tokens;
    let opener = match toks.first()?.norm.as_str() {
        "when" | "once" => toks.get(1)?,
        _ => toks.first()?,
    };
    if !ASKING_PARTICIPLES.contains(&opener.norm.as_str()) {
        return None;
    }
    let after = &view.text[last.span.end..view.span.end];
    if after.chars().any(char::is_alphanumeric) {
        return None;
    }
    let before = &view.text[view.span.start..first.span.start];
    let introduced = before
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ':' && c != ',')
        .ends_with([':', ',']);
    let says = toks
        .iter()
        .take_while(|t| t.span.end <= first.span.start)
        .any(|t| is_report_verb(&t.norm) || ANSWER_VERBS.contains(&t.norm.as_str()));
    let comma = before.find(',')?;
    (introduced && says).then(|| before[..comma].to_string())
}

/// Participles that open a description of the question a quotation answers.
const ASKING_PARTICIPLES: &[&str] = &[
    "asked",
    "invited",
    "pressed",
    "challenged",
    "questioned",
    "prompted",
];

/// Verbs that introduce an answer, besides the verbs of saying.
const ANSWER_VERBS: &[&str] = &[
    "offered",
    "replied",
    "answered",
    "responded",
    "quipped",
    "retorted",
];

/// "A, B and C".
fn and_list(names: &[String]) -> String {
    match names.split_last() {
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

fn quoted_list(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unmatched_words(view: &ClaimView, quality: &[f64], below: f64) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &i in &view.content {
        if quality[i] < below {
            let w = view.word(i).to_string();
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// A source the claim names that the primary never mentions: the words after "according to"
/// up to the clause's end, or a name right before "figures", "data", "statistics", "poll" or
/// "survey" ("Rosstat figures released a month later showed …"), when a capitalised word of it
/// occurs nowhere in the primary and the primary lacks the phrase as a whole.
fn outside_source(primary: &Primary, view: &ClaimView) -> Option<String> {
    let toks = &view.tokens;
    // A word of any speaker's label is known: "according to the CEO" where "Jin Park, CEO" speaks.
    let unknown_name = |t: &Token| {
        t.capital
            && t.is_content()
            && !primary.has_stem(&t.stem)
            && !primary.speaker_words.contains(&t.norm)
            && !(primary.other_labels.iter()).any(|(_, words)| words.contains(&t.norm))
    };
    let data = (1..toks.len()).find(|&i| {
        DATA_NOUNS.contains(&toks[i].norm.as_str())
            && view.outside_quotes(i)
            && unknown_name(&toks[i - 1])
    });
    if let Some(i) = data {
        return Some(view.text[toks[i - 1].span.start..toks[i].span.end].to_string());
    }
    let at = (0..toks.len().saturating_sub(2)).find(|&i| {
        toks[i].norm == "according" && toks[i + 1].norm == "to" && view.outside_quotes(i)
    })?;
    let mut end = at + 2;
    while end + 1 < toks.len() {
        let gap = &view.text[toks[end].span.end..toks[end + 1].span.start];
        if gap.contains([',', '.', ';', ':', '(', ')', '—', '–']) {
            break;
        }
        end += 1;
    }
    let source = &toks[at + 2..=end];
    // Not a phrase the primary has ("according to the Harbour Board" when the transcript
    // mentions "the Harbour Board").
    let words: Vec<Word> = source.iter().map(|t| t.norm.clone()).collect();
    (source.iter().any(unknown_name) && primary.find_sequence(&words).is_empty()).then(|| {
        format!(
            "according to {}",
            &view.text[toks[at + 2].span.start..toks[end].span.end]
        )
    })
}

/// Nouns for published numbers: a name right before one is a source of data.
const DATA_NOUNS: &[&str] = &["figures", "data", "statistics", "poll", "polls", "survey"];

/// `x` as a whole percentage, as `format!("{:.0}%", x * 100.0)` writes it.
fn percent(x: f64) -> String {
    let v = x * 100.0;
    // `{:.0}` rounds the exact value to the nearest whole number, ties to even, as
    // `round_ties_even` does: the integer is written without the float formatter's slow
    // exact-digits path. Negative, huge and non-finite values take the general path.
    if v.is_sign_positive() && v < 1e15 {
        return format!("{}%", v.round_ties_even() as u64);
    }
    format!("{v:.0}%")
}

/// Judges one claim.
pub(crate) fn assess(primary: &Primary, text: &str, claim: &Claim, t: &Thresholds) -> Assessment {
    let view = build_view(primary, text, claim.span);
    let mut reasons: Vec<String> = Vec::new();
    let voice = voice(&view);

    // Words found anywhere in the primary get context credit before any passage is considered.
    let no_quotes: Vec<f64> = (0..view.tokens.len())
        .map(|i| {
            if view.weight[i] > 0.0 && primary.has_stem(&view.tokens[i].stem) {
                t.context_credit
            } else {
                0.0
            }
        })
        .collect();
    // Whose turns may support the claim: the speaker it names, else the main speaker when it is
    // about them, else anyone but the interviewer.
    // A yes-no question that the speaker answers yes is theirs too: "are you coming on the 15th?"
    // answered "Yep!" says that they are.
    let answered_yes_by = |s: usize, own: &dyn Fn(usize) -> bool| {
        answered_yes_to(primary, s).is_some_and(|(a, _)| own(a))
    };
    let speakers_own = |s: usize| -> bool {
        let role = primary.sentence_role(s);
        match (&view.attributed, view.mentions_main) {
            (Some(label), _) => {
                let theirs = |x: usize| {
                    primary.document().turn_of(x).speaker.as_deref() == Some(label.as_str())
                };
                theirs(s) || answered_yes_by(s, &theirs)
            }
            (None, true) => {
                let main = |x: usize| primary.sentence_role(x) == Role::Primary;
                matches!(role, Role::Primary | Role::Unlabelled) || answered_yes_by(s, &main)
            }
            (None, false) => role != Role::Interviewer,
        }
    };
    let mut windows = candidate_windows(primary, &view, t, speakers_own, &no_quotes);
    // The best the claim's own speaker offers; 0 when only someone else's turns have its words.
    let own_best = windows.first().map_or(0.0, |w| w.window.score);
    if windows.is_empty() {
        // Nothing in that speaker's turns: look everywhere, so the reasons can say where the
        // words are (and the speaker checks below can say whose they are).
        windows = candidate_windows(primary, &view, t, |_| true, &no_quotes);
    }
    let mut best: Option<&Scored> = windows.first();

    // Quotations.
    let mut verified = no_quotes.clone();
    let mut any_verified = false;
    let mut misquotes: Vec<(String, Option<Span>)> = Vec::new();
    let mut misattributed: Vec<(String, Span, usize)> = Vec::new();
    let mut quote_evidence: Option<(Span, usize)> = None;
    for quote in &view.quotes {
        let qtext = clip(&view.text[quote.span.range()], 80);
        match check_quote(primary, &view, quote, best.map(|b| &b.window), t) {
            QuoteCheck::Verified(span, s) => {
                for (i, tok) in view.tokens.iter().enumerate() {
                    if quote.span.contains(tok.span) {
                        verified[i] = 1.0;
                        any_verified = true;
                    }
                }
                quote_evidence.get_or_insert((span, s));
                reasons.push(format!(
                    "quote \"{qtext}\" found verbatim ({}, bytes {}-{})",
                    describe_speaker(&speaker_of(primary, s)),
                    primary.document().disk_offset(span.start),
                    primary.document().disk_offset(span.end)
                ));
            }
            QuoteCheck::OtherSpeaker(span, s, who) => {
                misattributed.push((
                    format!(
                        "quote \"{qtext}\" is in the primary but said by {who}, not {} (bytes {}-{})",
                        view.attributed.clone().unwrap_or_else(|| main_speaker(primary)),
                        primary.document().disk_offset(span.start),
                        primary.document().disk_offset(span.end)
                    ),
                    span,
                    s,
                ));
            }
            QuoteCheck::Missing { closest, elsewhere } => {
                let mut r = format!("quoted \"{qtext}\" not in primary");
                if let Some(e) = elsewhere {
                    r.push_str(&format!(
                        " near this passage (the words occur only in an unrelated passage, bytes {}-{})",
                        primary.document().disk_offset(e.start),
                        primary.document().disk_offset(e.end)
                    ));
                }
                if let Some((span, s)) = closest {
                    r.push_str(&format!(
                        "; closest: \"{}\" ({}, bytes {}-{})",
                        clip(&primary.document().text[span.range()], 100),
                        describe_speaker(&speaker_of(primary, s)),
                        primary.document().disk_offset(span.start),
                        primary.document().disk_offset(span.end)
                    ));
                }
                misquotes.push((r, closest.map(|c| c.0)));
            }
        }
    }

    // Re-score with verified quotations counted as found: a quote that is there is evidence.
    let rescored: Vec<Scored>;
    let pool: &[Scored] = if any_verified {
        rescored = candidate_windows(primary, &view, t, speakers_own, &verified);
        &rescored
    } else {
        &windows
    };
    if !pool.is_empty() {
        best = pool.first();
    }

    // Claims that join two passages: score the best pair of windows together.
    let mut second: Option<Window> = None;
    // What the two passages together match of the claim's words.
    let mut joined: Option<Vec<f64>> = None;
    let mut score = best.map_or(0.0, |b| b.window.score);
    if let Some(b) = best {
        for o in pool.iter().take(12) {
            if o.window.first <= b.window.last && b.window.first <= o.window.last {
                continue;
            }
            let union: Vec<f64> = b
                .quality
                .iter()
                .zip(&o.quality)
                .map(|(x, y)| x.max(*y))
                .collect();
            let u = coverage(&view, &union) - 0.08;
            if u > score + 0.1 {
                score = u;
                second = Some(o.window);
                joined = Some(union);
            }
        }
    }
    let score = score.clamp(0.0, 1.0);

    let mut evidence = best.map(|b| window_span(primary, &b.window));
    let mut evidence_sentence = best.map(|b| b.window.first);
    if let (None, Some((span, s))) = (evidence, quote_evidence) {
        evidence = Some(span);
        evidence_sentence = Some(s);
    }
    // A passage that is someone else's question, answered yes by the claim's speaker.
    if let Some(b) = best {
        let asked = (b.window.first..=b.window.last).find_map(|s| {
            let (a, who) = answered_yes_to(primary, s)?;
            (speakers_own(s) && speakers_own(a)).then_some((s, a, who))
        });
        if let Some((s, a, who)) = asked {
            let text = &primary.document().text;
            let sentence = |x: usize| clip(&text[primary.document().sentences[x].span.range()], 80);
            reasons.push(format!(
                "{} asks \"{}\" and {who} answers yes: \"{}\"",
                describe_speaker(&speaker_of(primary, s)),
                sentence(s),
                sentence(a)
            ));
        }
    }
    if let Some(w) = second {
        reasons.push(format!(
            "also rests on a second passage ({}, bytes {}-{})",
            describe_speaker(&speaker_of(primary, w.first)),
            primary
                .document()
                .disk_offset(window_span(primary, &w).start),
            primary.document().disk_offset(window_span(primary, &w).end)
        ));
    }

    let finish = |verdict: Verdict,
                  mut reasons: Vec<String>,
                  evidence: Option<Span>,
                  sentence: Option<usize>,
                  score: f64| {
        reasons.dedup();
        Assessment {
            claim: claim.clone(),
            verdict,
            score: (score * 1000.0).round() / 1000.0,
            evidence,
            speaker: sentence.and_then(|s| speaker_of(primary, s)),
            reasons,
        }
    };

    // 1. The author's own view. A claim in the first person that the passage holds nearly word
    // for word ("for my sector in particular, the civil engineering sector, …") copies a
    // speaker's sentence without quotation marks: its "my" is the speaker's.
    let copied = voice.first_person.as_ref().is_some_and(|w| {
        score >= COPIED_SCORE
            && best.is_some_and(|b| {
                (window_tokens(primary, &b.window).iter()).any(|t| t.norm.as_str() == w.as_str())
            })
    });
    if let (true, Some(w), Some(b)) = (copied, &voice.first_person, best) {
        let mut r = vec![format!(
            "the claim's first person (\"{w}\") is the speaker's ({}): the passage holds {:.0}% of the claim, nearly word for word, but the claim gives it without quotation marks, as the author's own",
            describe_speaker(&speaker_of(primary, b.window.first)),
            score * 100.0
        )];
        r.extend(reasons);
        return finish(
            Verdict::Misattributed,
            r,
            evidence,
            evidence_sentence,
            score,
        );
    }
    if let Some(marker) = &voice.strong {
        let mut r = vec![format!(
            "the author's own view ({marker}); not checked against the primary"
        )];
        r.extend(reasons);
        return finish(Verdict::Opinion, r, evidence, evidence_sentence, score);
    }

    // A question, prediction or judgement that reports nobody is the author's too, unless the
    // passage it rests on says the same marker word ("obviously", "should", "if"): then the
    // claim repeats the speaker's judgement, and is checked like any other.
    let echoed = !voice.marker.is_empty()
        && best.is_some_and(|b| {
            let toks = window_tokens(primary, &b.window);
            (voice.marker.iter()).all(|m| toks.iter().any(|t| t.norm.as_str() == m.as_str()))
        });
    if let (Some(w), false, false) = (&voice.weak, voice.reported, echoed) {
        let mut r = vec![format!(
            "the author's own view ({w}); not checked against the primary"
        )];
        r.extend(reasons);
        return finish(Verdict::Opinion, r, evidence, evidence_sentence, score);
    }

    // 2. Quotations not said.
    if !misquotes.is_empty() {
        let mut r: Vec<String> = misquotes.iter().map(|m| m.0.clone()).collect();
        r.extend(reasons);
        let (ev, s) = match misquotes.iter().find_map(|m| m.1) {
            Some(span) => (Some(span), Some(sentence_at(primary, span.start))),
            None => (evidence, evidence_sentence),
        };
        return finish(Verdict::Misquoted, r, ev, s, score);
    }

    // 3. Words of someone else.
    let about_other = view.tokens.iter().enumerate().any(|(i, tok)| {
        view.outside_quotes(i)
            && (OTHER_PARTY_WORDS.contains(&tok.norm.as_str())
                || primary
                    .other_speaker_words
                    .iter()
                    .any(|w| **w == *tok.norm && tok.capital))
    });
    if let Some((r0, span, s)) = misattributed.first() {
        let mut r = vec![r0.clone()];
        r.extend(reasons);
        return finish(Verdict::Misattributed, r, Some(*span), Some(*s), score);
    }
    // A claim that names its speaker ("the designer promised") is checked against the other
    // speakers too; one about a third party in general ("critics say") is not.
    // No window scores above 1, so when the speaker's own best is within the margin of 1 no
    // one else's passage can take the claim from them: the search is skipped (`o - own` is at
    // most `1 - own` in floating point too).
    let others_may_win = 1.0 - own_best >= t.misattribution_margin;
    if (!about_other || view.attributed.is_some()) && voice.reported && others_may_win {
        // Only now, when it can matter, look at everyone else's turns.
        let others = candidate_windows(primary, &view, t, |s| !speakers_own(s), &no_quotes);
        if let Some(o) = others.first() {
            let own = own_best;
            if o.window.score >= t.supported
                && o.window.score - own >= t.misattribution_margin
                && !tells_addressee(
                    primary,
                    &o.window,
                    &view
                        .attributed
                        .clone()
                        .unwrap_or_else(|| main_speaker(primary)),
                )
            {
                let who = describe_speaker(&speaker_of(primary, o.window.first));
                let mut r = vec![format!(
                    "these words are {who}'s, not {}: the passage covers {} of the claim, the speaker's own best only {}",
                    view.attributed.clone().unwrap_or_else(|| main_speaker(primary)),
                    percent(o.window.score),
                    percent(own)
                )];
                r.extend(reasons);
                return finish(
                    Verdict::Misattributed,
                    r,
                    Some(window_span(primary, &o.window)),
                    Some(o.window.first),
                    o.window.score,
                );
            }
        }
    }

    // "Asked about X, he said: '…'": the answer is the quotation, found as said (a misquote or
    // a misattribution has returned by now); the question is told in the author's words.
    if let (Some(question), Some((span, s))) = (answer_frame(&view), quote_evidence) {
        let mut r = vec![format!(
            "the claim is its quotation, which {} said; the question it answers is told in the author's words (\"{}\"), not checked",
            describe_speaker(&speaker_of(primary, s)),
            clip(&question, 80)
        )];
        r.extend(reasons);
        return finish(
            Verdict::Supported,
            r,
            Some(span),
            Some(s),
            score.max(t.supported),
        );
    }

    // A claim sourced to someone the primary never mentions rests on that source, not on it.
    if let Some(source) = outside_source(primary, &view) {
        let mut r = vec![format!(
            "cites a source the primary never mentions (\"{source}\")"
        )];
        r.extend(reasons);
        return finish(Verdict::Unsupported, r, evidence, evidence_sentence, score);
    }

    let Some(b) = best else {
        let mut r = vec![no_passage_reason(primary, &view)];
        if let Some(w) = &voice.weak {
            r.insert(
                0,
                format!("the author's own view ({w}); not checked against the primary"),
            );
            return finish(Verdict::Opinion, r, None, None, 0.0);
        }
        r.extend(reasons);
        return finish(Verdict::Unsupported, r, None, None, 0.0);
    };
    let passage = format!(
        "the passage ({}) contains {} of the claim's content",
        describe_speaker(&speaker_of(primary, b.window.first)),
        percent(score)
    );

    // 4. Conflicts with the passage.
    if score >= t.core {
        // A word the second passage has is found, whatever stands in its place in the first.
        let both;
        let scored = match joined {
            Some(quality) => {
                both = Scored {
                    window: b.window,
                    quality,
                };
                &both
            }
            None => b,
        };
        let found = conflicts(primary, &view, scored);
        if !found.is_empty() {
            let mut r: Vec<String> = found.into_iter().map(|c| c.reason).collect();
            r.push(passage);
            r.extend(reasons);
            return finish(Verdict::Contradicted, r, evidence, evidence_sentence, score);
        }
    }

    // Who the claim is about, or what kind of turn the passage is, rules out support whatever
    // the words share; the first such reason found is given.
    let misread = None
        // A list of people that names one of them twice ("Mark, Anna, George and George") is
        // garbled: who the claim is about cannot be told, whatever the passage says.
        .or_else(|| {
            repeated_in_list(&view).map(|name| {
                format!(
                    "the claim names \"{name}\" twice in one list of people, so who it is about cannot be told"
                )
            })
        })
        // "Reeve, Winslow and Booker prefer mountains" where Booker said "i prefer mountains":
        // the passage is one speaker's word of themself alone, which supports nobody else in
        // the list.
        .or_else(|| {
            singular_for_list(primary, &view, &b.window).map(|(names, who, said)| {
                format!(
                    "the claim is about {} together, but the passage is {who}'s of themself alone (\"{said}\")",
                    and_list(&names)
                )
            })
        })
        // "the team thought that the delay was within bounds" where one member said so: one
        // speaker's view is not the group's.
        .or_else(|| {
            group_for_one(primary, &view, &b.window).map(|(group, who)| {
                format!("the claim gives this to {group}, but the passage is one speaker's own ({who})")
            })
        })
        // "the professor thought that the approach had a filter built in" where the professor
        // only asked how the two differ: a question states no view.
        .or_else(|| {
            view_from_question(primary, &view, &b.window).map(|(who, said)| {
                format!("the claim gives {who}'s view, but the passage is a question (\"{said}\")")
            })
        })
        // "Lilly will come over" where Marshall wrote "come over and we'll watch some netflix"
        // and Lilly never answered: an invitation or a request is not the act it asks for.
        .or_else(|| {
            request_unanswered(primary, &view, b).map(|(label, who, said)| {
                format!(
                    "the primary only has {who} asking {label} (\"{said}\"), and {label} does not say yes"
                )
            })
        })
        // "Madeline and Alex had an argument" where Madeline told Alex "We had a little
        // argument today": a speaker's news of what "we" did is not of the one it is told to.
        .or_else(|| {
            told_we_for_list(primary, &view, &b.window).map(|(names, who, listener)| {
                format!(
                    "the claim is about {} together, but the passage is {who} telling {listener} what \"we\" did",
                    and_list(&names)
                )
            })
        })
        // "Henry and Julia went to Lilly's" where Henry asked "How was the Lilly's?": a
        // question about the one spoken to says nothing of the asker doing it too.
        .or_else(|| {
            asked_for_list(primary, &view, &b.window).map(|(names, who, said)| {
                format!(
                    "the claim is about {} together, but the passage is {who} asking the one spoken to (\"{said}\")",
                    and_list(&names)
                )
            })
        });
    if let Some(why) = misread {
        let mut r = vec![why, passage];
        r.extend(reasons);
        return finish(Verdict::Unsupported, r, evidence, evidence_sentence, score);
    }

    // 5. Not supported as a whole.
    let missing = unmatched_words(&view, &b.quality, 0.9);
    let invented = unmatched_words(&view, &b.quality, t.context_credit.min(0.9) - 1e-9);
    if score < t.core {
        if let Some(w) = &voice.weak {
            let mut r = vec![format!(
                "the author's own view ({w}); not checked against the primary"
            )];
            r.extend(reasons);
            return finish(Verdict::Opinion, r, evidence, evidence_sentence, score);
        }
        let mut r = vec![format!(
            "no passage of the primary supports this; the closest ({}) contains only {} of its content",
            describe_speaker(&speaker_of(primary, b.window.first)),
            percent(score)
        )];
        if !invented.is_empty() {
            r.push(format!(
                "not anywhere in the primary: {}",
                quoted_list(&invented[..invented.len().min(8)])
            ));
        }
        r.extend(reasons);
        return finish(Verdict::Unsupported, r, evidence, evidence_sentence, score);
    }

    // 6. Added specifics.
    let added = additions(primary, &view, b, t, voice.weak.is_some());
    if !added.is_empty() {
        let mut r = vec![format!("adds {} not in the passage", quoted_list(&added))];
        r.push(passage);
        r.extend(reasons);
        return finish(Verdict::Embellished, r, evidence, evidence_sentence, score);
    }
    // A headline sums up the whole piece in the editor's words: its core in the primary, with no
    // name, number or negation changed or added, is as much as it can show.
    let headline = is_headline(text, claim.span);
    if score < t.supported && !headline {
        if let Some(w) = &voice.weak {
            let mut r = vec![format!(
                "the author's own view ({w}); not checked against the primary"
            )];
            r.push(passage);
            r.extend(reasons);
            return finish(Verdict::Opinion, r, evidence, evidence_sentence, score);
        }
        let mut r = vec![format!("only partly supported: {passage}")];
        if !missing.is_empty() {
            r.push(format!(
                "not in the passage: {}",
                quoted_list(&missing[..missing.len().min(8)])
            ));
        }
        r.extend(reasons);
        return finish(Verdict::Unsupported, r, evidence, evidence_sentence, score);
    }
    let mut r = vec![passage];
    if headline && score < t.supported {
        r.push(
            "a headline: judged on its core and on its names, numbers and negations, as it sums up the piece"
                .to_string(),
        );
    }
    match (&voice.weak, echoed) {
        (Some(w), true) => r.push(format!("repeats the speaker's own {w}")),
        (Some(w), false) => r.push(format!("includes the author's aside ({w})")),
        (None, _) => {}
    }
    r.extend(reasons);
    finish(Verdict::Supported, r, evidence, evidence_sentence, score)
}

/// True when the claim is the secondary's headline: a line of its own without closing
/// punctuation, with nothing but other such lines (a kicker, a byline) before it and the piece it
/// heads after it (a claim given alone, as in claims mode, heads nothing).
fn is_headline(text: &str, span: Span) -> bool {
    // Cheapest first: most claims end with a full stop, and only a headline needs the text
    // before it read.
    let open = !text[span.range()]
        .trim_end()
        .ends_with(['.', '?', '!', '…', ';', ':']);
    let ends_line = || {
        text[span.end..]
            .chars()
            .find(|c| !matches!(c, ' ' | '\t'))
            .is_none_or(|c| c == '\n' || c == '\r')
    };
    let starts_line = || {
        text[..span.start]
            .chars()
            .next_back()
            .is_none_or(|c| c == '\n')
    };
    let heads_something = || !text[span.end..].trim().is_empty();
    let only_headings_before = || {
        text[..span.start]
            .lines()
            .all(|l| !l.trim_end().ends_with(['.', '?', '!', '…']))
    };
    open && ends_line() && starts_line() && heads_something() && only_headings_before()
}

fn sentence_at(primary: &Primary, pos: usize) -> usize {
    let sentences = &primary.document().sentences;
    sentences
        .partition_point(|s| s.span.end <= pos)
        .min(sentences.len().saturating_sub(1))
}

fn main_speaker(primary: &Primary) -> String {
    primary
        .document()
        .primary_names
        .first()
        .cloned()
        .unwrap_or_else(|| "the main speaker".into())
}

#[cfg(test)]
mod tests {
    use super::{jaro_bound, percent};
    use proptest::prelude::*;

    #[test]
    fn numbered_units() {
        use crate::lexicon::roman_numeral;
        for (numeral, value) in [("i", 1), ("iv", 4), ("ix", 9), ("xiv", 14), ("xxxix", 39)] {
            assert_eq!(roman_numeral(numeral), Some(value), "{numeral}");
        }
        for not in ["", "iiii", "vx", "iix", "xxxx", "mix", "civil"] {
            assert_eq!(roman_numeral(not), None, "{not}");
        }
        let rank = |text: &str| {
            let toks = crate::text::tokenize(text, claimcheck_core::Span::new(0, text.len()));
            let last = toks.len() - 1;
            super::numbered_unit(&toks, last)
        };
        assert_eq!(rank("a Phase III"), Some((3, "phase".to_string(), 1)));
        assert_eq!(rank("season five"), Some((5, "season".to_string(), 0)));
        assert_eq!(rank("in World War II"), Some((2, "world".to_string(), 1)));
        // Not a numbered unit, a Roman numeral in lower case, or a count past 100.
        for not in ["the trial 3", "Phase ii", "Boeing 737", "season 2025"] {
            assert_eq!(rank(not), None, "{not}");
        }
    }

    /// Each period gets its own figure: the one joined to it before, within its clause, else the
    /// first after it ("and for the first half we had opened 6" is the half's 6, not the 173
    /// before the comma); a count of months is no figure; a stated year stays with its period.
    #[test]
    fn period_figures_bind() {
        use super::PeriodKind::{Half, Months, Quarter, YearEnd};
        let bound = |text: &str| {
            let toks = crate::text::tokenize(text, claimcheck_core::Span::new(0, text.len()));
            super::period_figures(&toks, text)
                .into_iter()
                .map(|(p, n)| (p.kind, p.year, n.value))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            bound("We opened 11 stores during the quarter, bringing our total to 173 stores, and for the first half we had opened 6."),
            [(Quarter(0), None, 11.0), (Half(1), None, 6.0)]
        );
        assert_eq!(
            bound("For the first nine months, free cash flow was $310 million."),
            [(Months(9), None, 310e6)]
        );
        assert_eq!(
            bound("Gross margin was 47.3%, versus 44.0% in Q2 of fiscal 2024."),
            [(Quarter(2), Some(2024), 44.0)]
        );
        assert_eq!(
            bound(
                "Members grew to 94,000 at year-end from 88,000 at the end of the second quarter."
            ),
            [(YearEnd, None, 94_000.0), (Quarter(2), None, 88_000.0)]
        );
    }

    #[test]
    fn fiscal_year_codes() {
        assert_eq!(super::fiscal_year("FY25").as_deref(), Some("2025"));
        assert_eq!(super::fiscal_year("FY2024").as_deref(), Some("2024"));
        assert_eq!(super::fiscal_year("FY'26").as_deref(), Some("2026"));
        for not in ["FY", "FY5", "FY202", "FYI", "fy25", "Q3"] {
            assert_eq!(super::fiscal_year(not), None, "{not}");
        }
    }

    #[test]
    fn percentages_as_the_float_formatter_writes_them() {
        let mut values = vec![
            0.0,
            -0.0,
            0.005,
            0.015,
            0.025,
            0.125,
            1.0 / 3.0,
            2.0 / 3.0,
            1.0,
        ];
        values.extend([
            -0.004,
            -0.006,
            1e13,
            1e12,
            f64::NAN,
            f64::INFINITY,
            f64::MIN_POSITIVE,
        ]);
        values.extend((0..=20_000).map(|k| f64::from(k) / 20_000.0));
        values.extend((0..=400).map(|k| f64::from(k) / 400.0 + 0.005));
        let mut bits: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..10_000 {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            values.push(f64::from_bits(bits));
        }
        for x in values {
            assert_eq!(percent(x), format!("{:.0}%", x * 100.0), "{x:e}");
        }
    }

    proptest! {
        /// The letter-count bound never cuts off a pair that the full Jaro score would keep.
        #[test]
        fn jaro_bound_is_an_upper_bound(a in "[a-e]{1,12}", b in "[a-e]{1,12}") {
            prop_assert!(jaro_bound(&a, &b) + 1e-9 >= strsim::jaro(&a, &b));
        }

        /// `spelling_variant`, with its shortcuts, says what its rules say: words built to be
        /// demonyms, plurals, prefixes and near misses of each other, and unrelated words with
        /// the same first letter.
        #[test]
        fn spelling_variant_follows_its_rules(
            base in "[a-ehinsé]{1,7}",
            a_end in "(a|e|ae|x)?",
            b_end in "(n|an|ian|ans|ese|s|es|ish|i|is|ea|q)?",
            other in "[a-ehins]{0,8}",
        ) {
            let first: String = base.chars().take(1).collect();
            let words = [format!("{base}{a_end}"), format!("{base}{b_end}"), first + &other];
            let word = |w: &str| crate::text::tokenize(w, claimcheck_core::Span::new(0, w.len()));
            for a in &words {
                for b in &words {
                    let (x, y) = (word(a), word(b));
                    prop_assert_eq!((x.len(), y.len()), (1, 1));
                    for variant in [0.85, 0.9] {
                        prop_assert_eq!(
                            super::spelling_variant(&x[0], &y[0], variant),
                            spelling_variant_by_rules(a, b, variant),
                            "{} {}", a, b
                        );
                    }
                }
            }
        }

        /// The letter-set bound is above the letter-count bound, digits folded onto letters
        /// included.
        #[test]
        fn letter_bound_is_above_jaro_bound(a in "[a-d1-3]{1,10}", b in "[a-d1-3]{1,10}") {
            let word = |w: &str| crate::text::tokenize(w, claimcheck_core::Span::new(0, w.len()));
            let (x, y) = (word(&a), word(&b));
            prop_assert_eq!((x.len(), y.len()), (1, 1));
            prop_assert!(super::letter_bound(&x[0], &y[0]) >= jaro_bound(&a, &b));
        }

        /// `has_phrase` finds what a search over `match_indices` finds, overlapping phrases
        /// ("a a" in "a a a.") included.
        #[test]
        fn has_phrase_is_a_match_indices_search(text in "[ a,.é]{0,24}", phrase in "[ aé]{0,4}") {
            let by_search = text.match_indices(&phrase).any(|(at, _)| {
                text[..at].ends_with(' ')
                    && text[at + phrase.len()..].starts_with([' ', ',', '.'])
            });
            prop_assert_eq!(super::has_phrase(&text, &phrase), by_search);
        }
    }

    /// [`super::spelling_variant`]'s rules as stated, without its shortcuts.
    fn spelling_variant_by_rules(a: &str, b: &str, variant: f64) -> bool {
        let short = a.len().min(b.len());
        let (shorter, longer) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        let stem = shorter.trim_end_matches(['a', 'e']);
        let demonym = longer
            .strip_prefix(stem)
            .is_some_and(|rest| super::DEMONYM_ENDINGS.contains(&rest));
        short >= 4
            && (demonym
                || (short >= 5 && super::common_prefix(a, b) * 5 >= short * 4)
                || (short >= 5
                    && a.len().abs_diff(b.len()) <= 3
                    && strsim::jaro_winkler(a, b) >= variant))
    }

    #[test]
    fn jaro_bound_rejects_unrelated_words() {
        assert!(jaro_bound("sanctions", "sanctioned") > 0.83);
        assert!(jaro_bound("meeting", "mandate") < 0.83);
    }

    /// `match_sentence` calls `word_match` only where `ClaimKey::may_match` allows: it must allow
    /// every pair that `word_match` scores above 0, and where it allows only the synonym rule,
    /// that rule must score as `word_match` does. Checked for every pair of distinct words of a
    /// fixture's secondary and primary, and of a list of variants.
    #[test]
    fn may_match_allows_every_match() {
        use super::{word_match, ClaimKey};
        use crate::text::tokenize;
        use claimcheck_core::Span;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
        let read = |f: &str| std::fs::read_to_string(root.join("lavrov-ntv-2026-02-10").join(f));
        let variants = "Russia Russian Russians Moscow Kremlin Europe European China Chinese \
            Sergei Sergey sanction sanctions sanctioned escalate escalation Britain British UK \
            US America American Washington NATO alliance big large huge grow expand rise Asia \
            Asian n't not other others a I 2,000 2000 Kyiv Kiev Ukraine Ukrainians";
        let distinct = |text: &str| {
            let mut seen = std::collections::HashSet::new();
            let mut out = tokenize(text, Span::new(0, text.len()));
            out.retain(|t| seen.insert((t.norm.to_string(), t.capital)));
            out
        };
        let claim = format!("{variants} {}", read("secondary.txt").unwrap());
        let primary = format!("{variants} {}", read("primary.txt").unwrap());
        let (claim, primary) = (distinct(&claim), distinct(&primary));
        let mut scored = [0usize; 3];
        for c in claim.iter().filter(|c| c.is_content()) {
            let key = ClaimKey::of(c);
            for p in &primary {
                for variant in [0.85, 0.92] {
                    let m = word_match(c, p, variant);
                    // Whatever the keys let through only for the synonym rule, that rule alone
                    // scores as `word_match` does.
                    let rule = key.may_match(&p.key);
                    if rule == Some(super::Rule::SynonymOnly) {
                        assert_eq!(super::synonym_match(c, p), m, "{:?} {:?}", c.norm, p.norm);
                    }
                    if m > 0.0 {
                        assert!(rule.is_some(), "{:?} {:?} {m}", c.norm, p.norm);
                        scored[usize::from(m < 1.0) + usize::from(m < 0.9)] += 1;
                    }
                }
            }
        }
        // Both kinds of match without WordNet were seen.
        assert!(scored[0] > 0 && scored[1] > 0, "{scored:?}");
    }
}
