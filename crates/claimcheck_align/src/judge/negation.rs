//! Negation and aspect beyond the passage's own words: a denial in the sentence next door, a
//! denied effect, "still"/"already" against "no longer"/"not yet", and the conditions and clauses
//! that keep a denial from counting.

use super::*;

/// A claim word that the passage lacks and that a sentence at most two before or after it (same
/// turn) denies, while that sentence holds another of the claim's content words too: the claim
/// word's index, the sentence and the denied token's index in it.
pub(super) fn denied_next_door(
    primary: &Primary,
    view: &ClaimView,
    scored: &Scored,
) -> Option<(usize, usize, usize)> {
    let w = &scored.window;
    let reach = widened(primary, w, 2);
    let neighbours = [
        w.first.checked_sub(1),
        Some(w.last + 1),
        w.first.checked_sub(2),
        Some(w.last + 2),
    ];
    for s in neighbours.into_iter().flatten() {
        if s < reach.first || s > reach.last {
            continue;
        }
        let stoks = primary.sentence(s);
        let strength = negation_strength(&primary.document().text, stoks);
        let shared = |i: usize| stoks.iter().any(|p| p.stem == view.tokens[i].stem);
        for &i in &view.content {
            // Not when the claim denies something shortly before the word itself ("did not
            // accept many of the president's methods": the scope may just be longer).
            let claim_denies = view.tokens[i.saturating_sub(8)..i]
                .iter()
                .any(|t| t.negation);
            if scored.quality[i] >= 0.9
                || view.negated[i]
                || claim_denies
                || view.is_name(i)
                || !view.outside_quotes(i)
                || view.in_parentheses(i)
            {
                continue;
            }
            let Some(k) = stoks
                .iter()
                .position(|p| p.stem == view.tokens[i].stem && p.is_content())
            else {
                continue;
            };
            let others = view
                .content
                .iter()
                .filter(|&&j| j != i && shared(j))
                .count();
            if strength[k] >= 2 && others >= 1 {
                return Some((i, s, k));
            }
        }
    }
    None
}

/// True when token `at` is used as a noun: WordNet has no verb, adjective or adverb of it, or
/// a determiner comes right before it ("the benefits", "any effect").
pub(super) fn noun_use(toks: &[Token], at: usize) -> bool {
    if !crate::wordnet::is_predicate(&toks[at].norm) {
        return true;
    }
    // A determiner at most three words back, with only modifiers between ("a statistically
    // significant effect"); an auxiliary, negation or "to" between makes it a verb phrase.
    for t in toks[at.saturating_sub(3)..at].iter().rev() {
        if DETERMINERS.contains(&t.norm.as_str()) {
            return true;
        }
        if t.negation || t.initial || VERB_MARKERS.contains(&t.norm.as_str()) {
            return false;
        }
    }
    false
}

/// A claim word that the claim says something changed ("lifted participants' mood": a verb of
/// change at most three words before it, neither negated), where the passage denies any effect on
/// it ("did not find any effect on mood": an effect noun between the denial and the word). Returns
/// the claim token and the passage token.
pub(super) fn effect_denied(
    view: &ClaimView,
    q: &[f64],
    ptoks: &[Token],
    pstrength: &[u8],
) -> Option<(usize, usize)> {
    view.content.iter().find_map(|&i| {
        let c = &view.tokens[i];
        let changed = view.tokens[i.saturating_sub(3)..i]
            .iter()
            .enumerate()
            .any(|(j, t)| {
                CHANGE_VERBS.contains(&t.norm.as_str()) && !view.negated[i.saturating_sub(3) + j]
            });
        if q[i] < 1.0 || view.negated[i] || !view.outside_quotes(i) || !changed {
            return None;
        }
        ptoks.iter().enumerate().find_map(|(k, p)| {
            if p.stem != c.stem || pstrength[k] < 2 {
                return None;
            }
            let lo = k.saturating_sub(8);
            let cue = ptoks[lo..k].iter().rposition(|t| t.negation)?;
            let effect = ptoks[lo + cue + 1..k]
                .iter()
                .any(|t| EFFECT_NOUNS.contains(&t.norm.as_str()));
            (effect && denies_thing(ptoks, k)).then_some((i, k))
        })
    })
}

/// Verbs that say something changed a thing.
const CHANGE_VERBS: &[&str] = &[
    "lifted",
    "lifts",
    "lift",
    "improved",
    "improves",
    "improve",
    "boosted",
    "boosts",
    "boost",
    "raised",
    "raises",
    "raise",
    "increased",
    "increases",
    "increase",
    "reduced",
    "reduces",
    "reduce",
    "cut",
    "cuts",
    "lowered",
    "lowers",
    "lower",
    "worsened",
    "worsens",
    "worsen",
    "helped",
    "helps",
    "help",
    "affected",
    "affects",
    "affect",
    "changed",
    "changes",
    "change",
    "altered",
    "alters",
    "eased",
    "eases",
    "ease",
    "relieved",
    "relieves",
    "enhanced",
    "enhances",
    "brightened",
    "brightens",
];

/// A claim that says a thing still holds or has already happened, where the primary, in the
/// passage or within two sentences of it in the same turn, says it no longer holds ("do not have
/// oligarchs any more", "no longer") or has not happened yet ("if the funding comes through", "we
/// haven't had a decision yet"). The claim's "still"/"already" must stand at most five words
/// before a content word found in the passage, unnegated; the primary's word is the same stem.
pub(super) fn aspect_conflict(
    primary: &Primary,
    view: &ClaimView,
    q: &[f64],
    w: &Window,
) -> Option<Conflict> {
    let ptext = &primary.document().text;
    let near = widened(primary, w, 2);
    for &i in &view.content {
        if q[i] < 0.9 || view.negated[i] || !view.outside_quotes(i) || view.is_name(i) {
            continue;
        }
        let Some(aspect) = view.tokens[i.saturating_sub(5)..i]
            .iter()
            .rev()
            .find(|t| matches!(t.norm.as_str(), "still" | "already"))
        else {
            continue;
        };
        let c = &view.tokens[i];
        for s in near.first..=near.last {
            let toks = primary.sentence(s);
            if !toks.iter().any(|p| p.stem == c.stem) {
                continue;
            }
            let strength = negation_strength(ptext, toks);
            for (k, p) in toks.iter().enumerate() {
                if p.stem != c.stem {
                    continue;
                }
                let clause = clause_around(ptext, toks, k);
                let has = |words: &[&str]| {
                    toks[clause.clone()]
                        .iter()
                        .any(|t| words.contains(&t.norm.as_str()))
                };
                let negated_clause = toks[clause.clone()].iter().any(|t| t.negation);
                let found = if aspect.norm.as_str() == "still" {
                    // "not … any more", "no longer", "not … anymore".
                    strength[k] >= 2
                        && (has(&["anymore", "longer"])
                            || toks[clause.clone()]
                                .windows(2)
                                .any(|p| p[0].norm == "any" && p[1].norm == "more"))
                } else {
                    // A condition on it ("if the funding comes through"), or "not … yet". A
                    // condition of choice ("if we want to use the scroll-wheels, we need …")
                    // offers an option; it does not say the thing is still to come.
                    let condition = toks[clause.start..k]
                        .iter()
                        .position(|t| matches!(t.norm.as_str(), "if" | "unless"));
                    let chosen = condition.is_some_and(|at| {
                        toks[clause.start + at..k].iter().any(|t| {
                            matches!(
                                t.norm.as_str(),
                                "want" | "wants" | "like" | "wish" | "choose" | "decide" | "prefer"
                            )
                        })
                    });
                    (condition.is_some() && !chosen) || (negated_clause && has(&["yet"]))
                };
                if found {
                    let span = toks[clause.start].span.cover(toks[clause.end - 1].span);
                    return Some(Conflict {
                        reason: format!(
                            "the claim says \"{} … {}\" but in the primary it {}: \"{}\" (bytes {}-{})",
                            &view.text[aspect.span.range()],
                            view.word(i),
                            if aspect.norm.as_str() == "still" {
                                "no longer holds"
                            } else {
                                "has not happened yet"
                            },
                            clip(&ptext[span.range()], 100),
                            primary.document().disk_offset(span.start),
                            primary.document().disk_offset(span.end)
                        ),
                    });
                }
            }
        }
    }
    None
}

/// The tokens of the clause around token `k`: between the nearest clause punctuation (, ; : .
/// and dashes) on either side.
/// True when token `k` lies in a condition: "if", "unless" or "whether" earlier in its clause.
pub(super) fn in_condition(toks: &[Token], text: &str, k: usize) -> bool {
    let clause = clause_around(text, toks, k);
    if toks[clause.start..k]
        .iter()
        .any(|t| matches!(t.norm.as_str(), "if" | "unless" | "whether"))
    {
        return true;
    }
    // The consequent of a condition that opens the sentence asserts no more than the condition:
    // "if it does not meet the first stage, you don't go on to consider the second" says
    // nothing of considering it when it does. A later clause of its own ("…, and we don't")
    // is asserted.
    let start = (1..=k)
        .rev()
        .find(|&j| text[toks[j - 1].span.end..toks[j].span.start].contains(['.', '!', '?', ';']))
        .unwrap_or(0);
    let opens = toks[start..k]
        .iter()
        .take(2)
        .position(|t| matches!(t.norm.as_str(), "if" | "unless"));
    let Some(at) = opens else {
        return false;
    };
    // The consequent is the clause right after the condition's own. "If you ask me" and "if
    // I'm honest" condition the saying, not what is said: their consequent is asserted.
    let condition = clause_around(text, toks, start + at);
    let speech_act = condition.len() <= 5
        && toks[condition.clone()].iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "me" | "honest" | "frank" | "anything" | "truth" | "candid"
            )
        });
    !speech_act
        && condition.end <= clause.start
        && clause_around(text, toks, condition.end).start == clause.start
        && !matches!(toks[clause.start].norm.as_str(), "and" | "but" | "so")
}

pub(super) fn clause_around(text: &str, toks: &[Token], k: usize) -> std::ops::Range<usize> {
    let breaks = |a: &Token, b: &Token| {
        text[a.span.end..b.span.start].contains([',', ';', ':', '.', '—', '–'])
    };
    let start = (1..=k)
        .rev()
        .find(|&j| breaks(&toks[j - 1], &toks[j]))
        .unwrap_or(0);
    let end = (k + 1..toks.len())
        .find(|&j| breaks(&toks[j - 1], &toks[j]))
        .unwrap_or(toks.len());
    start..end
}

/// Words that make the word after them a verb: auxiliaries and the infinitive "to".
const VERB_MARKERS: &[&str] = &[
    "to", "has", "have", "had", "is", "was", "are", "were", "be", "been", "will", "would", "can",
    "could", "do", "does", "did", "may", "might", "must", "should",
];

/// Words after which "if" means "whether" ("check if", "not sure if", "find out if").
pub(super) const WHETHER_WORDS: &[&str] = &[
    "ask",
    "asks",
    "asked",
    "asking",
    "check",
    "checks",
    "checked",
    "checking",
    "see",
    "sees",
    "saw",
    "seeing",
    "know",
    "knows",
    "knew",
    "wonder",
    "wonders",
    "wondered",
    "wondering",
    "decide",
    "decides",
    "decided",
    "confirm",
    "confirms",
    "confirmed",
    "verify",
    "verifies",
    "determine",
    "determines",
    "out",
    "sure",
    "unsure",
    "certain",
    "clear",
    "doubt",
    "doubts",
    "tell",
    "tells",
    "told",
];

/// Words after which a word is a noun.
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "any", "no", "its", "their", "his", "her", "our", "my", "your", "this",
    "these", "those", "some", "every", "each",
];

/// True when the negation before token `at` denies the thing itself: right before it ("no
/// oligarchs", "not the podcast"), or across words that only say what was looked for and not
/// found ("did not find any effect on mood", "didn't see a statistically significant change in").
pub(super) fn denies_thing(toks: &[Token], at: usize) -> bool {
    if toks[at.saturating_sub(2)..at].iter().any(|t| t.negation) {
        return true;
    }
    let lo = at.saturating_sub(8);
    match toks[lo..at].iter().rposition(|t| t.negation) {
        Some(cue) => toks[lo + cue + 1..at].iter().all(|t| {
            NEGATION_LINKS.contains(&t.norm.as_str()) || EFFECT_NOUNS.contains(&t.norm.as_str())
        }),
        None => false,
    }
}
