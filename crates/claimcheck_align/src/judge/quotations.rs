//! Checking a claim's quotations against the primary: found verbatim (or across an ellipsis), in
//! context or not, by whom; the speaker quoting someone else; and the closest wording when a
//! quotation is not there.

use super::*;

/// What became of one quotation.
pub(super) enum QuoteCheck {
    /// Said verbatim by the main speaker, here.
    Verified(Span, usize),
    /// Said verbatim, but by someone else (interviewer, another guest, or a person the speaker
    /// quotes).
    OtherSpeaker(Span, usize, String),
    /// Not said, or only in an unrelated passage; the closest wording and where.
    Missing {
        closest: Option<(Span, usize)>,
        elsewhere: Option<Span>,
    },
}

fn quote_words(view: &ClaimView, seg: Span) -> Vec<Word> {
    view.tokens
        .iter()
        .filter(|t| seg.contains(t.span))
        .map(|t| t.norm.clone())
        .collect()
}

/// Finds the occurrences of a quotation's segments in order, each within a short distance of the
/// previous one and in the same turn; returns the span of the whole occurrence.
fn find_quote(primary: &Primary, segs: &[Vec<Word>]) -> Vec<(Span, usize)> {
    const GAP: usize = 80;
    let Some(first) = segs.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    'occ: for start in primary.find_sequence(first) {
        let mut end = start + first.len();
        for seg in &segs[1..] {
            let next = primary
                .find_sequence(seg)
                .into_iter()
                .find(|&p| p >= end && p <= end + GAP);
            match next {
                Some(p) => end = p + seg.len(),
                None => continue 'occ,
            }
        }
        let span = primary.tokens[start]
            .span
            .cover(primary.tokens[end - 1].span);
        out.push((span, primary.token_sentence[start] as usize));
    }
    out
}

/// True when the words at `pos` in the primary are themselves a quotation of a named third party
/// ("JD Vance stated that the goal is “America First”"); returns that party's name.
/// True when the claim cites a quotation as the words of someone other than the main speaker,
/// named just before it with a possessive ("Lindqvist's description … as") or as the subject of a
/// reporting verb ("Lindqvist called it", "Lindqvist has described it as").
fn cites_someone_else(primary: &Primary, view: &ClaimView, quote: Span) -> bool {
    let before: Vec<usize> = (0..view.tokens.len())
        .filter(|&i| view.tokens[i].span.end <= quote.start)
        .collect();
    let near = &before[before.len().saturating_sub(6)..];
    near.iter().rev().any(|&i| {
        let t = &view.tokens[i];
        if !view.is_name(i) || primary.speaker_words.contains(&t.norm) {
            return false;
        }
        // No clause boundary or other quotation between the name and this quotation.
        let between = view.text[t.span.end..quote.start]
            .trim_end()
            .trim_end_matches(['"', '“', '‘', '\'', '«']);
        if between.contains([';', '.', '!', '?', '"', '“', '”']) {
            return false;
        }
        let possessive = between.starts_with("'s") || between.starts_with("’s");
        // The verb must follow the name (after at most an auxiliary) in the same clause: in
        // "Leaving the EU, Obama warned" the name "EU" is not the one who speaks.
        let verb = view.tokens[i + 1..]
            .iter()
            .take_while(|u| u.span.end <= quote.start)
            .take(2)
            .find(|u| !matches!(u.norm.as_str(), "has" | "had" | "have" | "once"));
        let reported = verb.is_some_and(|u| {
            (is_report_verb(&u.norm) || QUOTING_VERBS.contains(&u.norm.as_str()))
                && !view.text[t.span.end..u.span.start].contains([',', '(', '—', '–'])
        });
        possessive || reported
    })
}

fn third_party(primary: &Primary, view: &ClaimView, occ: Span, sentence: usize) -> Option<String> {
    let range = primary.sentence_tokens[sentence].clone();
    let toks = &primary.tokens[range];
    let inside: Vec<&Token> = toks.iter().filter(|t| occ.contains(t.span)).collect();
    let before: Vec<&Token> = toks.iter().filter(|t| t.span.end <= occ.start).collect();
    let text = &primary.document().text;
    // Direct speech without quotation marks: "they look at this and say, Good for him", "the
    // popular Russian phrase: He who doesn't take risks". The words right after a verb or noun
    // of saying and a comma or colon are someone else's.
    let introduced = before.last().filter(|t| {
        let gap = text[t.span.end..occ.start].trim();
        matches!(gap, "," | ":")
    });
    if let Some(noun) = introduced.filter(|t| SAYING_NOUNS.contains(&t.norm.as_str())) {
        let from = before.len().saturating_sub(4);
        let words: Vec<&str> = before[from..]
            .iter()
            .skip_while(|t| !t.is_content() && t.span.start != noun.span.start)
            .map(|t| &text[t.span.range()])
            .collect();
        return Some(format!(
            "a saying the speaker cites (\"{}\")",
            words.join(" ")
        ));
    }
    if introduced.is_some_and(|t| is_report_verb(&t.norm)) && !inside.iter().all(|t| t.quoted) {
        // Whoever says it is in the clause before the verb: the speaker ("I say, …", "as we
        // said:") or someone the claim itself names are not third parties.
        let clause = &before[before.len().saturating_sub(9)..before.len() - 1];
        let own = clause.iter().any(|t| {
            matches!(t.norm.as_str(), "i" | "we")
                || (t.is_name() && view.tokens.iter().any(|c| c.stem == t.stem && c.capital))
        });
        if own {
            return None;
        }
        let from = clause.len().saturating_sub(3);
        let words: Vec<&str> = clause[from..]
            .iter()
            .chain(introduced)
            .map(|t| &text[t.span.range()])
            .collect();
        return Some(format!(
            "someone the speaker quotes (\"… {}\")",
            words.join(" ")
        ));
    }
    if inside.is_empty() || !inside.iter().all(|t| t.quoted) {
        return None;
    }
    // A reporting verb before the quotation, with its subject before the verb.
    let verb = before
        .iter()
        .rposition(|t| is_report_verb(&t.norm) || QUOTING_VERBS.contains(&t.norm.as_str()))?;
    let quoting = QUOTING_VERBS.contains(&before[verb].norm.as_str());
    let subject: Vec<&Token> = before[..verb]
        .iter()
        .rev()
        .take(6)
        .filter(|t| {
            t.is_name()
                || THIRD_PERSON.contains(&t.norm.as_str())
                || t.norm == "i"
                || t.norm == "we"
        })
        .copied()
        .collect();
    let first_person = subject
        .first()
        .is_some_and(|t| t.norm == "i" || t.norm == "we");
    if subject.is_empty() && quoting && verb > 0 {
        // "As our external auditor put it, "…"": a described third party.
        let who: Vec<&str> = before[verb.saturating_sub(3)..verb]
            .iter()
            .map(|t| &primary.document().text[t.span.range()])
            .collect();
        if !who
            .iter()
            .any(|w| w.eq_ignore_ascii_case("i") || w.eq_ignore_ascii_case("we"))
        {
            return Some(format!(
                "someone the speaker quotes (\"{}\")",
                who.join(" ")
            ));
        }
    }
    if subject.is_empty() || (first_person && !quoting) {
        return None;
    }
    let names: Vec<&Token> = subject.iter().filter(|t| t.is_name()).copied().collect();
    let is_speaker = names
        .iter()
        .any(|t| primary.speaker_words.contains(&t.norm));
    let in_claim = names
        .iter()
        .any(|t| view.tokens.iter().any(|c| c.stem == t.stem && c.capital));
    if (is_speaker && !quoting) || in_claim {
        return None;
    }
    if names.is_empty() {
        return Some(format!(
            "someone the speaker quotes (\"{} … {}\")",
            &primary.document().text[subject[0].span.range()],
            &primary.document().text[before[verb].span.range()]
        ));
    }
    let mut words: Vec<&str> = names
        .iter()
        .rev()
        .map(|t| &primary.document().text[t.span.range()])
        .collect();
    words.dedup();
    Some(format!("{}, whom the speaker quotes", words.join(" ")))
}

/// Words in the reporting list that are nouns in most sentences ("a hopeful claim"): they do not
/// make a sentence a report of what someone said.
pub(super) const REPORT_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "view",
    "views",
    "position",
    "statement",
    "statements",
    "remarks",
    "comments",
    "question",
    "questions",
    "interview",
    "discussion",
    "conversation",
    "talks",
    "note",
    "notes",
    "point",
    "quote",
    "answer",
    "call",
];

/// Verbs by which a speaker quotes someone else, whoever the grammatical subject is.
const QUOTING_VERBS: &[&str] = &[
    "quote", "quoting", "quoted", "cite", "citing", "put", "wrote", "writes", "read",
];

/// Nouns that introduce a saying the speaker cites: "the popular phrase: …".
const SAYING_NOUNS: &[&str] = &[
    "phrase",
    "saying",
    "proverb",
    "adage",
    "maxim",
    "motto",
    "slogan",
    "expression",
];

/// Third-person subjects of reported speech.
const THIRD_PERSON: &[&str] = &["he", "she", "they", "it"];

/// The primary wording closest to a quotation, searched in the claim's passage and in the
/// sentences that share the quotation's words.
fn closest_wording(
    primary: &Primary,
    view: &ClaimView,
    quote: Span,
    near: &[usize],
) -> Option<(Span, usize)> {
    let qtext: String = quote_words(view, quote)
        .iter()
        .map(Word::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    let stems: Vec<&Word> = view
        .tokens
        .iter()
        .filter(|t| quote.contains(t.span) && t.is_content())
        .map(|t| &t.stem)
        .collect();
    let qstems: BTreeSet<&str> = stems.iter().map(|w| w.as_str()).collect();
    let qlen = view
        .tokens
        .iter()
        .filter(|t| quote.contains(t.span))
        .count();
    if qlen == 0 {
        return None;
    }
    let mut sentences: Vec<usize> = near.to_vec();
    sentences.extend(
        primary
            .retrieve(&stems, 6, |_| true)
            .into_iter()
            .map(|(s, _)| s),
    );
    sentences.sort_unstable();
    sentences.dedup();
    let mut best: Option<(f64, Span, usize)> = None;
    let mut best_dice: f64 = 0.0;
    for s in sentences {
        let toks = primary.sentence(s);
        for len in qlen.saturating_sub(2).max(1)..=qlen + 3 {
            if len > toks.len() {
                break;
            }
            for w in toks.windows(len) {
                let wtext: String = w
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let lev = normalized_levenshtein(&qtext, &wtext);
                let wstems: BTreeSet<&str> = w
                    .iter()
                    .filter(|t| t.is_content())
                    .map(|t| t.stem.as_str())
                    .collect();
                let shared = qstems.intersection(&wstems).count() as f64;
                let dice = if qstems.is_empty() && wstems.is_empty() {
                    0.0
                } else {
                    2.0 * shared / (qstems.len() + wstems.len()) as f64
                };
                best_dice = best_dice.max(dice);
                let sim = 0.4 * lev + 0.6 * dice;
                let span = w[0].span.cover(w[len - 1].span);
                if best.as_ref().is_none_or(|b| sim > b.0) {
                    best = Some((sim, span, s));
                }
            }
        }
    }
    match best {
        // No shared word anywhere: a character-level near miss would be noise, so the closest
        // wording is the claim's passage as a whole.
        Some((_, _, _)) if best_dice == 0.0 => {
            let claim_stems: BTreeSet<&str> = view
                .content
                .iter()
                .map(|&i| view.tokens[i].stem.as_str())
                .collect();
            near.iter()
                .max_by_key(|&&s| {
                    let shared = primary
                        .sentence(s)
                        .iter()
                        .filter(|p| claim_stems.contains(p.stem.as_str()))
                        .count();
                    (shared, std::cmp::Reverse(s))
                })
                .map(|&s| (primary.sentence_span(s), s))
                .or(best.map(|(_, span, s)| (span, s)))
        }
        _ => best.map(|(_, span, s)| (span, s)),
    }
}

pub(super) fn check_quote(
    primary: &Primary,
    view: &ClaimView,
    quote: &Quote,
    passage: Option<&Window>,
    t: &Thresholds,
) -> QuoteCheck {
    let segs: Vec<Vec<Word>> = segments(view.text, quote.span)
        .into_iter()
        .map(|s| quote_words(view, s))
        .filter(|w| !w.is_empty())
        .collect();
    let total_words: usize = segs.iter().map(Vec::len).sum();
    let occurrences = find_quote(primary, &segs);
    // Content words of the claim outside this quotation, to tell a related passage from a chance
    // recurrence of a short phrase.
    let context: BTreeSet<&str> = view
        .content
        .iter()
        .filter(|&&i| !quote.span.contains(view.tokens[i].span))
        .map(|&i| view.tokens[i].stem.as_str())
        .collect();
    // A quoted title ("Way Down Deep", "The Art of War": every content word capitalised) names a
    // work or a show; found anywhere in the primary, it is found.
    let inside: Vec<&Token> = (view.tokens.iter())
        .filter(|tok| quote.span.contains(tok.span))
        .collect();
    let title = inside.len() >= 2
        && inside[0].capital
        && inside.iter().all(|tok| tok.capital || !tok.is_content());
    let related = |s: usize, span: Span| -> bool {
        if total_words > t.short_quote_words || title {
            return true;
        }
        // A short quotation found as a whole clause ("Exactly, the gloves are off.") is
        // distinctive even far from the claim's passage; a run inside a longer clause is not.
        if total_words >= 3 && whole_clause(primary, span) {
            return true;
        }
        if let Some(w) = passage {
            if s + 2 >= w.first && s <= w.last + 2 {
                return true;
            }
        }
        let lo = s.saturating_sub(1);
        let hi = (s + 1).min(primary.sentence_count() - 1);
        let shared = (lo..=hi)
            .flat_map(|k| primary.sentence(k).iter())
            .filter(|p| p.is_content() && context.contains(p.stem.as_str()))
            .map(|p| p.stem.as_str())
            .collect::<BTreeSet<_>>()
            .len();
        shared >= 2 || (context.len() <= 2 && shared >= 1)
    };
    let mut other: Option<(Span, usize, String)> = None;
    let mut unrelated: Option<Span> = None;
    // A quotation the claim gives to someone who is not a speaker of the transcript ("Lindqvist's
    // description of it as "…"", "Smith called it "…""): whoever relays it in the transcript,
    // the words are cited as that person's.
    if let Some(&(span, s)) = occurrences.iter().find(|&&(span, s)| related(s, span)) {
        if view.attributed.is_none() && cites_someone_else(primary, view, quote.span) {
            return QuoteCheck::Verified(span, s);
        }
    }
    for &(span, s) in &occurrences {
        let role = primary.sentence_role(s);
        if !related(s, span) {
            unrelated.get_or_insert(span);
            continue;
        }
        // Whose words the claim says these are: a speaker it names, else the main speaker.
        let own = match &view.attributed {
            Some(label) => speaker_of(primary, s).as_deref() == Some(label.as_str()),
            None => matches!(role, Role::Primary | Role::Unlabelled),
        };
        let _ = role;
        if !own {
            other.get_or_insert((span, s, describe_speaker(&speaker_of(primary, s))));
            continue;
        }
        if let Some(name) = third_party(primary, view, span, s) {
            other.get_or_insert((span, s, name));
            continue;
        }
        return QuoteCheck::Verified(span, s);
    }
    if let Some((span, s, who)) = other {
        return QuoteCheck::OtherSpeaker(span, s, who);
    }
    let near: Vec<usize> = passage
        .map(|w| (w.first..=w.last).collect())
        .unwrap_or_default();
    QuoteCheck::Missing {
        closest: closest_wording(primary, view, quote.span, &near),
        elsewhere: unrelated,
    }
}

/// True when `span` of the primary is a whole clause: nothing but quotation marks between it
/// and the start of the sentence it starts in or a comma, colon, semicolon or dash before it,
/// and the same towards the end of the sentence it ends in or a punctuation mark after it. A
/// verbatim occurrence may run across a sentence boundary ("U.S.?" then "budget."), so the two
/// ends are measured in their own sentences.
fn whole_clause(primary: &Primary, span: Span) -> bool {
    const QUOTES: [char; 6] = ['"', '“', '”', '\'', '‘', '’'];
    let text = &primary.document().text;
    let first = primary.sentence_span(sentence_at(primary, span.start));
    let last = primary.sentence_span(sentence_at(primary, span.end.saturating_sub(1)));
    let before = text[first.start.min(span.start)..span.start]
        .trim_end_matches(|c: char| c.is_whitespace() || QUOTES.contains(&c));
    let after = text[span.end..last.end.max(span.end)]
        .trim_start_matches(|c: char| c.is_whitespace() || QUOTES.contains(&c));
    let opens = before.is_empty() || before.ends_with([',', ':', ';', '—', '–', '(']);
    let closes =
        after.is_empty() || after.starts_with(['.', ',', ':', ';', '!', '?', '—', '–', ')']);
    opens && closes
}
