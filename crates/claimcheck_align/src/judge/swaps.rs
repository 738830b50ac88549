//! One word put in another's place: the slot a claim word fills in its passage, and the swaps
//! found there (unrelated nouns, names, months, weekdays and colours, a name beside the wrong
//! word, a figure with another time unit, a time from now in another unit).

use super::*;

/// Where the passage says what the claim says at token `i`: the passage tokens between the
/// nearest matched claim words on either side.
pub(super) fn slot(
    view: &ClaimView,
    quality: &[f64],
    ptoks: &[Token],
    i: usize,
) -> Option<std::ops::Range<usize>> {
    let positions = |k: usize| -> Vec<usize> {
        let stem = &view.tokens[k].stem;
        ptoks
            .iter()
            .enumerate()
            .filter(|(_, p)| &p.stem == stem)
            .map(|(j, _)| j)
            .collect()
    };
    let left = view
        .content
        .iter()
        .rev()
        .find(|&&k| k < i && quality[k] >= 1.0)
        .map(|&k| positions(k))
        .unwrap_or_default();
    let right = view
        .content
        .iter()
        .find(|&&k| k > i && quality[k] >= 1.0)
        .map(|&k| positions(k))
        .unwrap_or_default();
    // The tightest pair of occurrences of the two neighbours, left before right.
    let pair = left
        .iter()
        .flat_map(|&l| {
            right
                .iter()
                .filter(move |&&r| r > l + 1)
                .map(move |&r| (l, r))
        })
        .min_by_key(|(l, r)| r - l);
    match (pair, left.first(), right.first()) {
        (Some((l, r)), _, _) if r - l <= 7 => Some(l + 1..r),
        (_, Some(&l), _) if l + 1 < ptoks.len() => Some(l + 1..(l + 4).min(ptoks.len())),
        (_, None, Some(&r)) if r > 0 => Some(r.saturating_sub(3)..r),
        _ => None,
    }
}

/// The claim's tokens around token `i` up to its nearest fully matched content words on either
/// side: the claim's own counterpart of [`slot`].
pub(super) fn own_stretch(view: &ClaimView, q: &[f64], i: usize) -> std::ops::Range<usize> {
    let from = (view.content.iter().rev())
        .find(|&&k| k < i && q[k] >= 1.0)
        .map_or(0, |&k| k + 1);
    let to = (view.content.iter())
        .find(|&&k| k > i && q[k] >= 1.0)
        .map_or(view.tokens.len(), |&k| k);
    from..to
}

/// True when a slot lies between matched neighbours on both sides (not a one-sided guess).
pub(super) fn tight_slot(
    view: &ClaimView,
    q: &[f64],
    ptoks: &[Token],
    i: usize,
    r: &std::ops::Range<usize>,
) -> bool {
    let right_ok = r.end < ptoks.len()
        && view
            .content
            .iter()
            .any(|&k| k > i && q[k] >= 1.0 && view.tokens[k].stem == ptoks[r.end].stem);
    let left_ok = r.start > 0
        && view
            .content
            .iter()
            .any(|&k| k < i && q[k] >= 1.0 && view.tokens[k].stem == ptoks[r.start - 1].stem);
    left_ok && right_ok
}

/// True when plain noun `k` of the passage stands where the claim has plain noun `i` and the
/// two are unrelated things (WordNet: nouns, of no shared sense, neither a kind of the other;
/// a word that may also be a verb or an adjective only after a determiner): "towns" where the
/// passage says "villages", "the bridge" for "the pipeline". The slot must be tight (matched
/// words on both sides, or the claim's and the clause's end) and hold no other word of the
/// passage that the claim lacks (`foreign`), and the claim no other unmatched word between the
/// same neighbours: one word put in another's place, not a passage reworded.
pub(super) fn swapped_noun(
    view: &ClaimView,
    q: &[f64],
    ptext: &str,
    ptoks: &[Token],
    i: usize,
    k: usize,
    foreign: &[bool],
) -> bool {
    let (c, p) = (&view.tokens[i], &ptoks[k]);
    if c.capital || p.capital || !plain_noun(c) || !plain_noun(p) || q[i] > 0.0 {
        return false;
    }
    // A word that is not only a noun counts when a determiner comes right before it and no
    // content word after ("to the capital on Friday", "the bridge."): "the first quarter" uses
    // "first" as a modifier. ([`noun_use`], which looks further back, lets modifiers through.)
    let determined = |toks: &[Token], j: usize| {
        j > 0
            && DETERMINERS.contains(&toks[j - 1].norm.as_str())
            && toks.get(j + 1).is_none_or(|n| !n.is_content())
    };
    if !crate::wordnet::unrelated_nouns(
        &c.norm,
        &p.norm,
        determined(&view.tokens, i),
        determined(ptoks, k),
    ) {
        return false;
    }
    let Some(r) = slot(view, q, ptoks, i)
        .filter(|r| tight_slot(view, q, ptoks, i, r))
        .or_else(|| edge_slot(view, q, ptext, ptoks, i, true))
        .or_else(|| edge_slot(view, q, ptext, ptoks, i, false))
    else {
        return false;
    };
    let lone_in_passage = r.contains(&k) && r.clone().filter(|&j| foreign[j]).count() == 1;
    let own = own_stretch(view, q, i);
    let lone_in_claim = (view.content.iter())
        .filter(|&&j| own.contains(&j) && q[j] < 0.9)
        .count()
        == 1;
    lone_in_passage
        && lone_in_claim
        && !in_fixed_phrase(&view.tokens, i)
        && !in_fixed_phrase(ptoks, k)
}

/// True when a clause ends after token `e`: a mark of punctuation before the next token, or no
/// next token.
fn clause_ends_after(text: &str, toks: &[Token], e: usize) -> bool {
    toks.get(e + 1).is_none_or(|n| {
        text[toks[e].span.end..n.span.start].contains(['.', ',', ';', ':', '!', '?'])
    })
}

/// The slot of claim token `i` at an edge of the claim, where [`slot`] has a matched word on
/// one side only. At the end (`end`: nothing but marks after it), the passage tokens after an
/// occurrence of the claim's nearest matched content word on the left, up to the end of that
/// clause; at the start (no content word before it), the tokens from the start of a clause up
/// to an occurrence of the nearest matched content word on the right. The clause must end or
/// start within three tokens. "Promised money for new schools" against "promised money for new
/// hospitals." has no matched word on the right, "The libraries will reopen" against "The pools
/// will reopen" none on the left, but both clauses end or start there.
pub(super) fn edge_slot(
    view: &ClaimView,
    q: &[f64],
    ptext: &str,
    ptoks: &[Token],
    i: usize,
    end: bool,
) -> Option<std::ops::Range<usize>> {
    let at_edge = if end {
        (view.tokens[i + 1..].iter())
            .all(|t| !view.text[t.span.range()].chars().any(char::is_alphanumeric))
    } else {
        view.content.iter().all(|&k| k >= i)
    };
    if !at_edge {
        return None;
    }
    let mut matched = view.content.iter().filter(|&&k| q[k] >= 1.0);
    let &anchor = if end {
        matched.rfind(|&&k| k < i)?
    } else {
        matched.find(|&&k| k > i)?
    };
    let stem = &view.tokens[anchor].stem;
    // A clause ends between passage tokens `j` and `j + 1`.
    let breaks = |j: usize| clause_ends_after(ptext, ptoks, j);
    (0..ptoks.len())
        .filter(|&a| &ptoks[a].stem == stem)
        .find_map(|a| {
            if end {
                (a + 1..(a + 4).min(ptoks.len()))
                    .take_while(|&e| e == a + 1 || !breaks(e - 1))
                    .find(|&e| breaks(e))
                    .map(|e| a + 1..e + 1)
            } else {
                (a.saturating_sub(3)..a)
                    .rev()
                    .take_while(|&b| b + 1 == a || !breaks(b))
                    .find(|&b| b == 0 || breaks(b - 1))
                    .map(|b| b..a)
            }
        })
}

/// Months, weekdays and names in the slot of an unmatched claim word (`q` below 0.9): "claim
/// names … where the primary names …". `around` is the passage with its neighbouring sentences.
pub(super) fn swapped_names(
    primary: &Primary,
    view: &ClaimView,
    q: &[f64],
    ptoks: &[Token],
    around: &[Token],
) -> Vec<Conflict> {
    let ptext = &primary.document().text;
    let mut out = Vec::new();
    let mut reported_until = 0;
    for &i in &view.content {
        if q[i] >= 0.9 || (i > 0 && i <= reported_until) {
            continue;
        }
        let t = &view.tokens[i];
        let calendar = |w: &str| -> Option<&'static [&'static str]> {
            if MONTHS.contains(&w) {
                Some(MONTHS)
            } else if WEEKDAYS.contains(&w) {
                Some(WEEKDAYS)
            } else {
                None
            }
        };
        // A colour in the claim word's place that the claim does not name: "a white van" where
        // the passage says "a blue van".
        if COLOURS.contains(&t.norm.as_str()) {
            let named = |p: &Token| view.tokens.iter().any(|c| c.norm == p.norm);
            let other = slot(view, q, ptoks, i).and_then(|r| {
                ptoks[r]
                    .iter()
                    .find(|p| COLOURS.contains(&p.norm.as_str()) && !named(p))
            });
            if let Some(p) = other {
                out.push(Conflict::said_instead(
                    view.word(i),
                    &ptext[p.span.range()],
                    Some("a different colour"),
                ));
            }
            continue;
        }
        if let Some(set) = calendar(&t.norm) {
            if let Some(p) = ptoks
                .iter()
                .find(|p| set.contains(&p.norm.as_str()) && p.norm != t.norm)
            {
                out.push(Conflict::said_instead(
                    view.word(i),
                    &ptext[p.span.range()],
                    None,
                ));
            }
            continue;
        }
        // A name the passage lacks, where the passage has another name in the same place: a swap,
        // even when the claim's name occurs elsewhere in the primary (roles switched).
        if view.is_name(i) && !crate::wordnet::is_verb_or_adverb(&t.norm) {
            // A name of the passage that the claim leaves out and that is no speaker's.
            let unmentioned = |p: &&Token| {
                p.is_name()
                    && !primary.speaker_words.contains(&p.norm)
                    && !view.tokens.iter().any(|c| word_match(c, p, 0.95) > 0.0)
            };
            let in_slot = slot(view, q, ptoks, i)
                .filter(|r| tight_slot(view, q, ptoks, i, r))
                .and_then(|r| {
                    ptoks[r].iter().filter(unmentioned).find(|p| {
                        !crate::wordnet::is_verb_or_adverb(&p.norm)
                            && is_place(&t.norm) == is_place(&p.norm)
                    })
                });
            // Else, for a name the primary never uses, one of the same kind anywhere in the
            // passage or a sentence next to it (WordNet: two African countries): "Ghana" for
            // "Senegal".
            let same_kind = || {
                (!known_name(primary, t))
                    .then(|| {
                        around
                            .iter()
                            .filter(unmentioned)
                            .find(|p| crate::wordnet::cohyponyms(&t.norm, &p.norm, NAME_KIN_REACH))
                    })
                    .flatten()
            };
            // Else, for a full name the primary does not know as a whole ("Nicolas Sarkozy")
            // right after a word of the passage ("president"), a person's name the claim leaves
            // out a few words after that word there ("president of France [Jacques] Chirac").
            let run = name_run(view, i);
            let after_title = || {
                let unknown =
                    run.len() >= 2 && run.iter().any(|&j| !known_name(primary, &view.tokens[j]));
                let &left = view.content.iter().rev().find(|&&k| k < i && q[k] >= 1.0)?;
                if !unknown || left + 3 < i {
                    return None;
                }
                ptoks
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.stem == view.tokens[left].stem)
                    .find_map(|(k, _)| {
                        ptoks[k + 1..(k + 7).min(ptoks.len())]
                            .iter()
                            .filter(unmentioned)
                            .filter(|p| crate::wordnet::wholes_of(&p.norm).is_empty())
                            .last()
                    })
            };
            let (found, named) = match in_slot.or_else(same_kind) {
                Some(p) => (Some(p), view.word(i)),
                None => {
                    let last = view.tokens[*run.last().expect("a run starts at i")].span;
                    (
                        after_title(),
                        &view.text[view.tokens[i].span.cover(last).range()],
                    )
                }
            };
            if let Some(p) = found {
                out.push(Conflict {
                    reason: format!(
                        "claim names \"{named}\" where the primary names \"{}\"",
                        &ptext[p.span.range()]
                    ),
                });
                if named != view.word(i) {
                    reported_until = *run.last().expect("a run starts at i");
                }
            }
        }
    }
    out
}

/// A name of the primary put beside the wrong word: the claim has "the German side", the
/// passage "the French side" and, elsewhere, "the Germans". The claim's name is one the primary
/// has; its frame is the nearest content word on one side, past at most two function words and
/// no punctuation. Where the sentence holding most of the claim has that word with the same
/// function words, another name of the passage fills the name's place, and the claim's name is
/// nowhere near (near, words were left out: "Abu" for "Abu Dhabi").
pub(super) fn misplaced_name(
    primary: &Primary,
    view: &ClaimView,
    scored: &Scored,
) -> Option<Conflict> {
    let s = core_sentence(view, &scored.window);
    let stoks = primary.sentence(s);
    let ptext = &primary.document().text;
    // A capitalised verb or adverb is no name, unless it is an adjective too ("French").
    let verb = |w: &str| crate::wordnet::is_verb_or_adverb(w) && !crate::wordnet::is_adjective(w);
    let unmentioned = |p: &Token| {
        p.is_name()
            && !primary.speaker_words.contains(&p.norm)
            && !verb(&p.norm)
            && !view.tokens.iter().any(|c| word_match(c, p, 0.95) > 0.0)
    };
    for &i in &view.content {
        let t = &view.tokens[i];
        // A name the primary has, in the passage or elsewhere.
        let known = scored.quality[i] >= 0.9 || primary.has_stem(&t.stem);
        if !view.is_name(i) || !known || !view.outside_quotes(i) || verb(&t.norm) {
            continue;
        }
        // The nearest content word on each side, past at most two function words ("wrist in
        // Lisbon"): the name's frame, which the passage must fill with the same words.
        for before in [true, false] {
            let step = |k: usize| {
                if before {
                    k.checked_add(1)
                } else {
                    k.checked_sub(1)
                }
            };
            let mut gap: Vec<&Token> = Vec::new();
            let mut j = step(i);
            while let Some(g) = j
                .and_then(|j| view.tokens.get(j))
                .filter(|g| !g.is_content())
            {
                gap.push(g);
                j = step(j.expect("a token was found"));
            }
            let Some(n) = j.and_then(|j| view.tokens.get(j)) else {
                continue;
            };
            // Only words, no punctuation, between the name and that word, in the claim as in the
            // passage: "buying, Trabave" is no frame.
            let plain = |text: &str, a: Span, b: Span| {
                let (lo, hi) = if a.end <= b.start {
                    (a.end, b.start)
                } else {
                    (b.end, a.start)
                };
                text[lo..hi].chars().all(char::is_whitespace)
            };
            let words_only = std::iter::once(t)
                .chain(gap.iter().copied())
                .zip(gap.iter().copied().chain(std::iter::once(n)))
                .all(|(x, y)| plain(view.text, x.span, y.span));
            if gap.len() > 2 || n.capital || !words_only {
                continue;
            }
            // The passage token in the name's place for an occurrence `k` of the frame's word,
            // when the same function words lie between.
            let m = gap.len();
            let place = |k: usize| -> Option<&Token> {
                let (lo, at) = if before {
                    (k.checked_sub(m)?, k.checked_sub(m + 1)?)
                } else {
                    (k + 1, k + m + 1)
                };
                let between = stoks.get(lo..lo + m)?;
                // The gap is read outward from the name, the passage from the frame's word.
                let same = if before {
                    between
                        .iter()
                        .rev()
                        .zip(gap.iter().rev())
                        .all(|(p, g)| p.norm == g.norm)
                } else {
                    between
                        .iter()
                        .zip(gap.iter().rev())
                        .all(|(p, g)| p.norm == g.norm)
                };
                let (from, to) = if before { (at, k) } else { (k, at) };
                let run = stoks.get(from..=to)?;
                let words_only = run.windows(2).all(|w| plain(ptext, w[0].span, w[1].span));
                (same && words_only).then(|| stoks.get(at)).flatten()
            };
            let at: Vec<usize> = (0..stoks.len())
                .filter(|&k| stoks[k].stem == n.stem)
                .collect();
            if at
                .iter()
                .any(|&k| place(k).is_some_and(|p| p.stem == t.stem))
            {
                continue;
            }
            // The claim's name near that word in the passage ("in Abu Dhabi was", "interest in
            // Ukraine settlement by Washington of"): words left out around it, not a name swapped.
            let near = |k: usize| {
                stoks[k.saturating_sub(5)..(k + 6).min(stoks.len())]
                    .iter()
                    .any(|p| p.stem == t.stem)
            };
            let other = at.iter().filter(|&&k| !near(k)).find_map(|&k| {
                place(k).filter(|p| unmentioned(p) && is_place(&t.norm) == is_place(&p.norm))
            });
            if let Some(p) = other {
                return Some(Conflict {
                    reason: format!(
                        "claim names \"{}\" where the primary names \"{}\"",
                        view.word(i),
                        &ptext[p.span.range()]
                    ),
                });
            }
        }
    }
    None
}

/// The time unit a word names, singular: "weeks" → "week". "Second" is left out (an ordinal
/// too). A time unit is no kind of thing to be swapped for another ([`plain_noun`]); a figure's
/// unit is compared by [`swapped_time_unit`].
pub(super) fn time_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "minute" | "minutes" => "minute",
        "hour" | "hours" => "hour",
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "fortnight" | "fortnights" => "fortnight",
        "month" | "months" => "month",
        "year" | "years" => "year",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        "millennium" | "millennia" => "millennium",
        _ => return None,
    })
}

/// The time unit right after a number, if any, and where its word ends.
fn unit_after(toks: &[Token], n: &Number) -> Option<(&'static str, usize)> {
    let next = toks.iter().find(|t| t.span.start >= n.span.end)?;
    time_unit(next.norm.as_str()).map(|u| (u, next.span.end))
}

/// A figure of the claim that the passage gives with another time unit, and never with the
/// claim's: "turn the heap every two months" where the passage says "every two weeks".
pub(super) fn swapped_time_unit(
    view: &ClaimView,
    cnums: &[Number],
    ptext: &str,
    ptoks: &[Token],
    pnums: &[Number],
) -> Option<Conflict> {
    for n in cnums {
        let Some((unit, end)) = unit_after(&view.tokens, n) else {
            continue;
        };
        let same: Vec<(&Number, Option<(&str, usize)>)> = (pnums.iter())
            .filter(|m| same_number(n, m))
            .map(|m| (m, unit_after(ptoks, m)))
            .collect();
        if same.iter().any(|(_, u)| u.is_some_and(|(u, _)| u == unit)) {
            continue;
        }
        if let Some((m, Some((_, pend)))) = same.iter().find(|(_, u)| u.is_some()) {
            return Some(Conflict::said_instead(
                &view.text[n.span.start..end],
                &ptext[m.span.start..*pend],
                None,
            ));
        }
    }
    None
}

/// A time told from now in another unit than the passage's: "next week" where the passage says
/// "next month" and never "next week". The claim must not name the passage's unit anywhere
/// ("next week, and again next month").
pub(super) fn swapped_relative_time(
    view: &ClaimView,
    q: &[f64],
    ptext: &str,
    ptoks: &[Token],
) -> Option<Conflict> {
    const FROM_NOW: &[&str] = &[
        "next",
        "last",
        "this",
        "coming",
        "past",
        "previous",
        "following",
    ];
    // Each (word from now, unit) pair of some tokens, with where it starts and ends.
    let pairs = |toks: &[Token]| -> Vec<(Word, &'static str, Span)> {
        (1..toks.len())
            .filter(|&k| FROM_NOW.contains(&toks[k - 1].norm.as_str()))
            .filter_map(|k| {
                let unit = time_unit(&toks[k].norm)?;
                Some((
                    toks[k - 1].norm.clone(),
                    unit,
                    toks[k - 1].span.cover(toks[k].span),
                ))
            })
            .collect()
    };
    let claim_units: Vec<&str> = (view.tokens.iter())
        .filter_map(|t| time_unit(&t.norm))
        .collect();
    // Most claims name no time unit: the passage need not be read.
    if claim_units.is_empty() {
        return None;
    }
    let passage = pairs(ptoks);
    for (i, t) in view.tokens.iter().enumerate().skip(1) {
        if q[i] >= 0.9 || !view.outside_quotes(i) {
            continue;
        }
        let Some(unit) = time_unit(&t.norm) else {
            continue;
        };
        let from_now = &view.tokens[i - 1].norm;
        if !FROM_NOW.contains(&from_now.as_str()) {
            continue;
        }
        let same_word = passage.iter().filter(|(w, ..)| w == from_now);
        if same_word.clone().any(|(_, u, _)| *u == unit) {
            continue;
        }
        if let Some((.., span)) = same_word.clone().find(|(_, u, _)| !claim_units.contains(u)) {
            let said = view.tokens[i - 1].span.cover(t.span);
            return Some(Conflict::said_instead(
                &view.text[said.range()],
                &ptext[span.range()],
                None,
            ));
        }
    }
    None
}
