//! Whose voice a claim is in: the author's own (first person, opinion phrases, a judgement in the
//! main clause, a question, a conditional prediction) or a report of what someone said or thought.

use super::*;

/// The author's own voice in a claim.
pub(super) struct Voice {
    /// First person, an opinion phrase: this is the author's view.
    pub(super) strong: Option<String>,
    /// A question, a prediction or an evaluative word without a report frame.
    pub(super) weak: Option<String>,
    /// The words that mark `weak` ("obviously", "should", "if"), lowercased; none for a question.
    pub(super) marker: Vec<String>,
    /// The sentence reports what someone said.
    pub(super) reported: bool,
    /// The first-person word that makes `strong`, lowercased ("my").
    pub(super) first_person: Option<String>,
}

/// Reads the claim's voice: the author's own markers, strong and weak, and whether it reports
/// what someone said.
pub(super) fn voice(view: &ClaimView) -> Voice {
    let mut unquoted = String::new();
    let mut pos = view.span.start;
    for q in &view.quotes {
        if q.span.start > pos {
            unquoted.push_str(&view.text[pos..q.span.start]);
        }
        unquoted.push_str(" \"…\" ");
        pos = pos.max(q.span.end);
    }
    if pos < view.span.end {
        unquoted.push_str(&view.text[pos..view.span.end]);
    }
    let lower = format!(" {} ", unquoted.to_lowercase().replace('’', "'"));
    let outside: Vec<usize> = (0..view.tokens.len())
        .filter(|&i| view.outside_quotes(i))
        .collect();
    let aside_from = (1..view.tokens.len()).find(|&i| {
        matches!(view.tokens[i].norm.as_str(), "i" | "we")
            && matches!(
                view.tokens[i - 1].norm.as_str(),
                "which" | "as" | "that" | "who" | "where" | "when" | "whom"
            )
            && i > 3
    });
    let first_person = outside
        .iter()
        .find(|&&i| {
            let t = &view.tokens[i];
            let word = view.word(i);
            let abbreviation = view.text[t.span.end..].starts_with(['.', '-']);
            // "…, which I discussed in my piece" is an aside in a relative clause: the sentence
            // is still a report, judged on its reported part.
            let relative = aside_from.is_some_and(|a| i >= a);
            // "After the mine opened", "a coal mine": after an article, a possessive or a
            // content word, "mine" is the noun ("a friend of mine", "it is mine" stay first person).
            let mine_noun = t.norm == "mine"
                && i.checked_sub(1).is_some_and(|p| {
                    let before = &view.tokens[p];
                    before.is_content()
                        || matches!(
                            before.norm.as_str(),
                            "the"
                                | "a"
                                | "an"
                                | "this"
                                | "that"
                                | "its"
                                | "their"
                                | "our"
                                | "his"
                                | "her"
                                | "your"
                                | "every"
                                | "each"
                                | "one"
                        )
                });
            // "World War I", "Phase I": a numeral after a numbered unit.
            let numeral =
                i > 0 && view.tokens[i - 1].capital && numbered_unit(&view.tokens, i).is_some();
            FIRST_PERSON.contains(&t.norm.as_str())
                && (t.norm != "i" || (word == "I" && !numeral))
                && !abbreviation
                && !relative
                && !mine_noun
        })
        .map(|&i| view.word(i).to_string());
    let phrase = opinion_phrase(&lower).map(str::to_string);
    // Computed once with the claim's tokens: a reporting verb outside quotes, or a quotation.
    let reported = view.reports;
    // A judgement the author makes in the main clause, before any reporting verb: "there is
    // something absurd about", "his frustration is understandable". After "said" it is reported.
    let first_report = outside
        .iter()
        .position(|&i| is_report_verb(&view.tokens[i].norm))
        .unwrap_or(outside.len());
    let copular_judgement = outside[..first_report].windows(4).find_map(|w| {
        let copula = matches!(
            view.tokens[w[0]].norm.as_str(),
            "is" | "was" | "are" | "were" | "seems" | "seemed" | "looks"
        );
        if !copula {
            return None;
        }
        let judged = w[1..]
            .iter()
            .find(|&&i| is_evaluative(&view.tokens[i].norm))?;
        Some(view.word(*judged).to_string())
    });
    if view.labelled_turn {
        // The speaker's own turn, given under their label: checked as their words.
        return Voice {
            strong: None,
            weak: None,
            marker: Vec::new(),
            reported: true,
            first_person: None,
        };
    }
    let strong = match (&first_person, &phrase, &copular_judgement) {
        (Some(fp), _, _) => Some(format!("first person \"{fp}\"")),
        (None, _, Some(j)) => Some(format!("the judgement \"{j}\"")),
        (None, Some(p), None)
            if p.starts_with("i ")
                || p.starts_with("we ")
                || p.starts_with("to my")
                || (p.starts_with("in ") && (p.ends_with("view") || p.ends_with("opinion"))) =>
        {
            Some(format!("\"{p}\""))
        }
        _ => None,
    };
    let trimmed = unquoted
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')']);
    let question = trimmed.ends_with('?');
    let has = |w: &str| outside.iter().any(|&i| view.tokens[i].norm == w);
    // "If" after a word of asking or finding out opens an indirect question, not a condition:
    // "Ann will check if there is milk" says what Ann will do.
    let condition = outside.iter().any(|&i| {
        view.tokens[i].norm == "if"
            && (i == 0 || !WHETHER_WORDS.contains(&view.tokens[i - 1].norm.as_str()))
    });
    let prediction = condition && (has("will") || has("would"));
    let evaluative = outside
        .iter()
        .find(|&&i| is_evaluative(&view.tokens[i].norm))
        .map(|&i| view.word(i).to_string());
    let (weak, marker) = if question {
        (Some("a question".to_string()), Vec::new())
    } else if prediction && !reported {
        (
            Some("a conditional prediction".to_string()),
            vec!["if".to_string()],
        )
    } else if let (Some(e), false) = (&evaluative, reported) {
        (
            Some(format!("the judgement \"{e}\"")),
            vec![e.to_lowercase().replace('’', "'")],
        )
    } else {
        match phrase.filter(|_| strong.is_none()) {
            Some(p) => (
                Some(format!("\"{p}\"")),
                p.split_whitespace().map(str::to_string).collect(),
            ),
            None => (None, Vec::new()),
        }
    };
    Voice {
        first_person: strong
            .as_ref()
            .and(first_person.as_ref())
            .map(|w| w.to_lowercase()),
        strong,
        weak,
        marker,
        reported,
    }
}

/// True when `phrase` occurs in `lower` after a space and before a space, comma or full stop.
///
/// The occurrences are those of `lower.match_indices(phrase)` (leftmost, not overlapping), found
/// from the phrase's first byte with `memchr`: this runs for every opinion phrase and claim, and
/// a substring searcher costs more to set up than such a short text takes to scan.
pub(super) fn has_phrase(lower: &str, phrase: &str) -> bool {
    let (text, p) = (lower.as_bytes(), phrase.as_bytes());
    let Some(&first) = p.first() else {
        return lower
            .match_indices(phrase)
            .any(|(at, _)| lower[..at].ends_with(' ') && lower[at..].starts_with([' ', ',', '.']));
    };
    let mut from = 0;
    while let Some(at) = memchr::memchr(first, &text[from..]).map(|i| from + i) {
        if !text[at..].starts_with(p) {
            from = at + 1;
            continue;
        }
        let end = at + p.len();
        if at > 0 && text[at - 1] == b' ' && matches!(text.get(end), Some(b' ' | b',' | b'.')) {
            return true;
        }
        from = end;
    }
    false
}

/// The first of [`OPINION_PHRASES`] that [`has_phrase`] finds in `lower`.
///
/// One pass of an Aho-Corasick automaton over the text finds which phrases occur in it at all
/// (anywhere, overlapping); only those are then checked in list order, where testing each of
/// the hundred phrases on its own scanned every claim a hundred times.
fn opinion_phrase(lower: &str) -> Option<&'static str> {
    static SEARCH: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let search = SEARCH.get_or_init(|| {
        aho_corasick::AhoCorasick::new(OPINION_PHRASES).expect("the opinion phrases are few")
    });
    let mut present: Vec<usize> = search
        .find_overlapping_iter(lower)
        .map(|m| m.pattern().as_usize())
        .collect();
    present.sort_unstable();
    present.dedup();
    (present.into_iter())
        .map(|i| OPINION_PHRASES[i])
        .find(|p| has_phrase(lower, p))
}
