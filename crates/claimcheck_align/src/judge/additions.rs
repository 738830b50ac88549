//! What a supported claim adds to its passage: numbers and names the primary never has,
//! qualifiers no degree nearby says, motives, and phrases or comma clauses of words it never uses.

use super::*;

/// Specifics the claim adds that the passage does not have.
pub(super) fn additions(
    primary: &Primary,
    view: &ClaimView,
    scored: &Scored,
    t: &Thresholds,
    aside: bool,
) -> Vec<String> {
    let q = &scored.quality;
    let ptoks = window_tokens(primary, &scored.window);
    let pnums = numbers(ptoks);
    let mut out: Vec<String> = Vec::new();
    // "Season five" where the passage has "the fifth season" adds no number: it is a rank,
    // matched as one ([`numbered_unit`]).
    let ranked = |n: &Number| {
        (view.tokens.iter().enumerate()).any(|(i, tok)| {
            n.span.contains(tok.span) && q[i] >= 1.0 && numbered_unit(&view.tokens, i).is_some()
        })
    };
    for n in numbers(&view.tokens) {
        if !pnums.iter().any(|m| same_number(&n, m))
            && !primary_has_number(primary, &n)
            && !ranked(&n)
        {
            out.push(number_text(view.text, &n));
        }
    }
    let mut k = 0;
    while k < view.tokens.len() {
        let t = &view.tokens[k];
        let unmatched = q[k] < 0.9 && view.outside_quotes(k);
        // "Dr. Sato said": a title before a name the primary knows is part of that name.
        let titled_known = || {
            claimcheck_core::names::is_title(&t.norm)
                && (view.tokens.get(k + 1)).is_some_and(|n| n.capital && known_name(primary, n))
        };
        if unmatched
            && view.is_name(k)
            && !known_name(primary, t)
            && view.weight[k] > 0.0
            && !crate::wordnet::is_verb_or_adverb(&t.norm)
            && !titled_known()
        {
            // Join a run of capitalised words into one name.
            let mut end = k;
            while end + 1 < view.tokens.len() && view.tokens[end + 1].capital && q[end + 1] < 0.5 {
                end += 1;
            }
            out.push(view.text[t.span.start..view.tokens[end].span.end].to_string());
            k = end + 1;
            continue;
        }
        if unmatched && QUALIFIERS.contains(&t.norm.as_str()) {
            let in_passage = ptoks.iter().any(|p| p.stem == t.stem);
            if !in_passage && !degree_said(primary, view, &scored.window, k) {
                out.push(view.word(k).to_string());
            }
        }
        if unmatched && MOTIVE_MARKERS.contains(&t.norm.as_str()) {
            let following: Vec<usize> = view
                .content
                .iter()
                .copied()
                .filter(|&j| j > k && j <= k + 5)
                .collect();
            if following.len() >= 2 && following.iter().all(|&j| q[j] < 0.5) {
                let end = *following.last().expect("non-empty");
                out.push(format!(
                    "motive \"{}\"",
                    &view.text[t.span.start..view.tokens[end].span.end]
                ));
            }
        }
        k += 1;
    }
    // With an aside of the author's in the claim, an unmatched phrase is most likely that aside.
    if out.is_empty() && !aside {
        out.extend(added_phrase(primary, view, q, t).or_else(|| added_clause(primary, view, q, t)));
    }
    out.dedup();
    out
}

/// True when the claim's qualifier at `k` is one of size or degree ("sharply increased military
/// aid") and a sentence near the passage, in its turn, says how large in its own degree words
/// about what the qualifier modifies: a sentence with a [`DEGREE_WORDS`] word and one of the
/// (up to three) content words that follow the qualifier ("military aid in much larger volumes").
/// The passage is the best match for the whole claim, and the degree is often a few sentences on.
fn degree_said(primary: &Primary, view: &ClaimView, w: &Window, k: usize) -> bool {
    if !MAGNITUDE_QUALIFIERS.contains(&view.tokens[k].norm.as_str()) {
        return false;
    }
    let modified: Vec<&Token> = view.content[..]
        .iter()
        .filter(|&&j| j > k)
        .take(3)
        .map(|&j| &view.tokens[j])
        .collect();
    let near = widened(primary, w, DEGREE_REACH);
    (near.first..=near.last).any(|s| {
        let toks = primary.sentence(s);
        toks.iter().any(|p| DEGREE_WORDS.contains(&p.norm.as_str()))
            && toks
                .iter()
                .any(|p| p.is_content() && modified.iter().any(|c| c.stem == p.stem))
    })
}

/// How many sentences on each side of the passage [`degree_said`] reads.
const DEGREE_REACH: usize = 4;

/// A phrase the claim appends to a supported core: a run of at least `ADDED_PHRASE_WORDS` content
/// words that occur nowhere in the primary, with no word of the passage between them ("with
/// priority for key workers such as nurses and teachers", "during a phone call earlier this
/// month"), while the rest of the claim is supported by the passage on its own.
fn added_phrase(primary: &Primary, view: &ClaimView, q: &[f64], t: &Thresholds) -> Option<String> {
    let novel = |i: usize| {
        view.weight[i] > 0.0
            && q[i] < 0.5
            && view.outside_quotes(i)
            && !primary.has_stem(&view.tokens[i].stem)
    };
    let matched = |i: usize| view.weight[i] > 0.0 && q[i] >= 0.5;
    let mut best: Option<(usize, usize, usize)> = None;
    // An aside that opens the claim ("In a refreshingly candid passage, she added") is the
    // author's framing: the phrase must follow a word of the passage.
    let mut i = view.content.iter().copied().find(|&i| matched(i))?;
    while i < view.tokens.len() {
        if !novel(i) {
            i += 1;
            continue;
        }
        // Extend over unmatched words until a word of the passage or a clause boundary.
        let (start, mut end, mut count) = (i, i, 1);
        let mut j = i + 1;
        // Names, speakers and reporting verbs (content words that carry no weight) end it too.
        while j < view.tokens.len()
            && !matched(j)
            && (view.weight[j] > 0.0 || !view.tokens[j].is_content())
        {
            let gap = &view.text[view.tokens[j - 1].span.end..view.tokens[j].span.start];
            if gap.contains(['.', ';', ':', '(', ')']) {
                break;
            }
            if novel(j) {
                end = j;
                count += 1;
            }
            j += 1;
        }
        if best.is_none_or(|b| count > b.2) {
            best = Some((start, end, count));
        }
        i = j;
    }
    let (start, end, count) = best?;
    if count < ADDED_PHRASE_WORDS {
        return None;
    }
    // The rest of the claim must stand on the passage alone.
    if !rest_supported(view, q, t, |i| (start..=end).contains(&i)) {
        return None;
    }
    let span = view.tokens[start].span.cover(view.tokens[end].span);
    Some(view.text[span.range()].to_string())
}

/// A clause set off by commas that the passage has no word of, of at least two content words and
/// one the primary never uses: a relative clause (", which disappeared within the first week,")
/// or a closing apposition (", a first for the town."), while the rest of the claim stands on the
/// passage alone. Such a clause comments on what was said; fewer new words make it than a phrase
/// run into the sentence (`added_phrase`), since the commas mark where it starts and ends.
fn added_clause(primary: &Primary, view: &ClaimView, q: &[f64], t: &Thresholds) -> Option<String> {
    let toks = &view.tokens;
    let comma_before =
        |j: usize| j > 0 && view.text[toks[j - 1].span.end..toks[j].span.start].contains(',');
    for start in (1..toks.len()).filter(|&j| comma_before(j)) {
        let opener = toks[start].norm.as_str();
        let end = (start + 1..toks.len())
            .find(|&j| comma_before(j))
            .unwrap_or(toks.len());
        let relative = matches!(opener, "which" | "who" | "whom" | "whose");
        let apposition = matches!(opener, "a" | "an") && end == toks.len();
        if !(relative || apposition) || !view.outside_quotes(start) {
            continue;
        }
        let inside: Vec<usize> = view
            .content
            .iter()
            .copied()
            .filter(|&i| (start..end).contains(&i))
            .collect();
        let new_word = inside
            .iter()
            .any(|&i| q[i] < 0.5 && view.weight[i] > 0.0 && !primary.has_stem(&toks[i].stem));
        if inside.len() < 2 || !new_word || inside.iter().any(|&i| q[i] >= 0.9) {
            continue;
        }
        if rest_supported(view, q, t, |i| inside.contains(&i)) {
            let span = toks[start].span.cover(toks[end - 1].span);
            return Some(view.text[span.range()].to_string());
        }
    }
    None
}

/// True when the claim's content words outside `left_out` cover at least `t.supported` of their
/// weight in the passage: the claim stands without the words left out.
fn rest_supported(
    view: &ClaimView,
    q: &[f64],
    t: &Thresholds,
    left_out: impl Fn(usize) -> bool,
) -> bool {
    let (mut total, mut got) = (0.0, 0.0);
    for &i in view.content.iter().filter(|&&i| !left_out(i)) {
        total += view.weight[i];
        got += view.weight[i] * q[i];
    }
    total > 0.0 && got / total >= t.supported
}

/// Novel content words that make an appended phrase (see `added_phrase`).
const ADDED_PHRASE_WORDS: usize = 3;
