//! What in a claim frames it rather than says it, for `build_view` to leave out of its content:
//! hedged parentheses, attitudes ("expressed skepticism"), the interview's setting ("in an
//! interview with the BBC"), the source as subject ("The host advises listeners …"), a "wants to"
//! the primary never uses, and speaker labels written out ("the project manager suggested …").

use super::*;

/// Marks the words of a parenthesis that hedges ("(possibly to divert from core issues)"): the
/// author's guess at a motive or meaning, not something the claim reports, so not content the
/// passage must contain.
pub(super) fn hedged_parenthesis(text: &str, span: Span, tokens: &[Token]) -> Vec<bool> {
    let mut marked = vec![false; tokens.len()];
    let claim = &text[span.range()];
    let mut from = 0;
    while let Some(open) = claim[from..].find('(').map(|o| from + o) {
        let Some(close) = claim[open..].find(')').map(|c| open + c) else {
            break;
        };
        let (lo, hi) = (span.start + open, span.start + close);
        let inside: Vec<usize> = (0..tokens.len())
            .filter(|&i| tokens[i].span.start > lo && tokens[i].span.end <= hi)
            .collect();
        if inside
            .iter()
            .any(|&i| HEDGES.contains(&tokens[i].norm.as_str()))
        {
            for i in inside {
                marked[i] = true;
            }
        }
        from = close + 1;
    }
    marked
}

/// Personal pronouns that can be the subject of a report, with their contractions.
pub(super) const SUBJECT_PRONOUNS: &[&str] = &[
    "he", "she", "they", "we", "he'll", "she'll", "they'll", "we'll", "he'd", "she'd", "they'd",
    "we'd", "he's", "she's", "they're", "we're", "they've", "we've",
];

/// Words by which an author guesses rather than reports.
const HEDGES: &[&str] = &[
    "possibly",
    "perhaps",
    "presumably",
    "probably",
    "apparently",
    "likely",
    "maybe",
    "seemingly",
    "arguably",
];

/// True when token `i` names the attitude in a reporting frame, "expressed skepticism about",
/// "voiced concern over": the noun after a verb of expressing says how the speaker spoke, not
/// what the primary must contain.
pub(super) fn attitude(tokens: &[Token], i: usize) -> bool {
    i > 0
        && matches!(
            tokens[i - 1].norm.as_str(),
            "expressed" | "expresses" | "expressing" | "voiced" | "voices" | "voicing"
        )
        && ATTITUDE_NOUNS.contains(&tokens[i].norm.as_str())
}

/// True when `norm` is the plural of a word of a speaker label: "the PhDs" are the speakers
/// labelled "PhD A" and "PhD B".
pub(super) fn plural_of_label(primary: &Primary, norm: &str) -> bool {
    norm.strip_suffix('s').is_some_and(|single| {
        let single = Word::new(single);
        (primary.speaker_words.iter())
            .chain(primary.other_labels.iter().flat_map(|(_, words)| words))
            .any(|w| *w == single)
    })
}

/// The weight of a [`semi_modal`] verb the primary never uses: a little, not none, so that it
/// stays a content word like the others.
pub(super) const SEMI_MODAL_WEIGHT: f64 = 0.1;

/// True when token `i` is "want" or "need" before "to": in a summary of a conversation, "Ana wants
/// to visit grandma" reports what the speaker said ("Wanna go visit grandma?", "I'd love to see
/// her") much as "will" would. The verb after "to" carries the content.
pub(super) fn semi_modal(tokens: &[Token], i: usize) -> bool {
    matches!(
        tokens[i].norm.as_str(),
        "want" | "wants" | "wanted" | "wanting" | "need" | "needs" | "needed" | "needing"
    ) && tokens.get(i + 1).is_some_and(|t| t.norm == "to")
}

/// Nouns of attitude that follow "expressed" in a reporting frame.
const ATTITUDE_NOUNS: &[&str] = &[
    "skepticism",
    "scepticism",
    "concern",
    "concerns",
    "doubt",
    "doubts",
    "hope",
    "hopes",
    "optimism",
    "pessimism",
    "frustration",
    "regret",
    "support",
    "confidence",
    "dismay",
    "disappointment",
    "surprise",
    "satisfaction",
    "reservations",
];

/// Nouns that name the occasion of the words rather than what was said.
const OCCASION_NOUNS: &[&str] = &[
    "interview",
    "interviews",
    "podcast",
    "broadcast",
    "briefing",
    "conference",
    "appearance",
    "sit-down",
    "episode",
    "lecture",
    "video",
    "article",
    "document",
    "transcript",
    "segment",
];

/// Marks the words that describe the occasion of the reported words, "in a wide-ranging interview
/// with the BBC", "during a press conference": where the words were said, not what was said, so
/// they are not content the passage must contain. The phrase runs from "in"/"during"/"at" through
/// at most four modifiers to an occasion noun, then on through "with"/"to"/"on" and the names
/// (capitalised words, with "the") that follow it, and stops at punctuation.
pub(super) fn interview_setting(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut marked = vec![false; tokens.len()];
    let joined = |a: usize, b: usize| {
        !text[tokens[a].span.end..tokens[b].span.start].contains([',', ';', ':', '.', '(', ')'])
    };
    for (k, t) in tokens.iter().enumerate() {
        if !OCCASION_NOUNS.contains(&t.norm.as_str()) || t.quoted {
            continue;
        }
        let Some(start) = (k.saturating_sub(5)..k).rev().find(|&j| {
            matches!(tokens[j].norm.as_str(), "in" | "during" | "at")
                && (j..k).all(|m| joined(m, m + 1) && !tokens[m + 1].capital)
        }) else {
            continue;
        };
        let mut end = k;
        let linked = tokens.get(k + 1).is_some_and(|p| {
            matches!(p.norm.as_str(), "with" | "to" | "on" | "for") && joined(k, k + 1)
        });
        if linked {
            let mut j = k + 2;
            if tokens.get(j).is_some_and(|t| t.norm.as_str() == "the") {
                j += 1;
            }
            while j < tokens.len() && joined(j - 1, j) && tokens[j].capital {
                end = j;
                j += 1;
            }
        }
        for m in &mut marked[start..=end] {
            *m = true;
        }
    }
    marked
}

/// Nouns by which a summary names the source it summarises ("the podcast explains …") or the
/// one who speaks or writes it ("the author argues …").
const SOURCE_NOUNS: &[&str] = &[
    "podcast",
    "episode",
    "show",
    "video",
    "lecture",
    "talk",
    "document",
    "text",
    "article",
    "post",
    "transcript",
    "passage",
    "excerpt",
    "paper",
    "essay",
    "segment",
    "speaker",
    "narrator",
    "presenter",
    "author",
    "writer",
];

/// Verbs by which a source presents what it contains, beside the reporting verbs: "the video
/// covers …", "the episode offers tips on …".
const PRESENTING_VERBS: &[&str] = &[
    "is",
    "was",
    "discusses",
    "discussed",
    "covers",
    "covered",
    "offers",
    "offered",
    "provides",
    "provided",
    "outlines",
    "outlined",
    "presents",
    "presented",
    "shares",
    "shared",
    "talks",
    "talked",
    "focuses",
    "focused",
    "advises",
    "advised",
    "recommends",
    "recommended",
    "gives",
    "gave",
    "shows",
    "showed",
    "reviews",
    "reviewed",
    "explores",
    "explored",
    "examines",
    "examined",
    "introduces",
    "introduced",
    "addresses",
    "addressed",
    "tells",
    "encourages",
    "encouraged",
    "urges",
    "urged",
    "thinks",
    "believes",
    "feels",
    "proposes",
];

/// Whom a source addresses: "the host tells listeners to …".
const AUDIENCE_NOUNS: &[&str] = &[
    "listeners",
    "viewers",
    "readers",
    "audience",
    "listener",
    "viewer",
    "reader",
];

/// Marks the words by which a claim names its source rather than the source's content: a
/// subject at the head of the claim that is the source or its speaker ("The podcast", "This
/// document", "The speaker"), with the verb that presents what it says ("explains", "covers",
/// "offers") and the audience it addresses ("listeners"); and the source after "according to".
pub(super) fn source_frame(primary: &Primary, tokens: &[Token]) -> Vec<bool> {
    let mut marked = vec![false; tokens.len()];
    // In an interview the host is the interviewer, whose words are not the source's.
    let source = |t: &Token| {
        let word = t.norm.as_str();
        (SOURCE_NOUNS.contains(&word) || (!primary.interview && matches!(word, "host" | "hosts")))
            && !t.quoted
    };
    let determiner = |t: &Token| matches!(t.norm.as_str(), "the" | "this" | "that" | "these");
    // The subject at the head: a determiner, at most two plain modifiers, the source noun.
    let head = tokens.iter().position(|t| {
        !matches!(
            t.norm.as_str(),
            "overall" | "however" | "also" | "finally" | "first" | "then"
        )
    });
    if let Some(d) = head.filter(|&d| tokens.get(d).is_some_and(determiner)) {
        let noun = (d + 1..(d + 4).min(tokens.len()))
            .find(|&k| source(&tokens[k]))
            .filter(|&k| {
                tokens[d + 1..k]
                    .iter()
                    .all(|m| !m.is_name() && !m.is_digit())
            });
        if let Some(mut k) = noun {
            // "The podcast episode"
            while tokens.get(k + 1).is_some_and(source) {
                k += 1;
            }
            let mut v = k + 1;
            while tokens.get(v).is_some_and(|t| {
                matches!(
                    t.norm.as_str(),
                    "also" | "then" | "further" | "briefly" | "mainly" | "primarily" | "mostly"
                )
            }) {
                v += 1;
            }
            let verb = tokens.get(v).is_some_and(|t| {
                PRESENTING_VERBS.contains(&t.norm.as_str()) || is_report_verb(&t.norm)
            });
            if verb {
                let mut end = v;
                if tokens
                    .get(end + 1)
                    .is_some_and(|t| AUDIENCE_NOUNS.contains(&t.norm.as_str()))
                {
                    end += 1;
                }
                for m in &mut marked[d..=end] {
                    *m = true;
                }
            }
        }
    }
    // "according to the article, …"
    for k in 3..tokens.len() {
        let before = tokens[k - 3..k].iter().map(|t| t.norm.as_str());
        if source(&tokens[k]) && before.eq(["according", "to", "the"]) {
            marked[k] = true;
        }
    }
    marked
}

/// The speaker label that opens a claim (after at most "the", not possessive): its byte offset in
/// the claim, the length of its words there, the label, and whether it is the main speaker's.
/// A meeting's labels may be a role and a letter ("professor c", "phd a"); "the professor" alone
/// names the one speaker with that role, when no other label has it.
pub(super) fn label_subject(
    primary: &Primary,
    lower: &str,
) -> Option<(usize, usize, String, bool)> {
    // "however, user interface pointed out …": a connective that ties the claim to the one
    // before it comes ahead of the subject.
    const CONNECTIVES: &[&str] = &[
        "however, ",
        "therefore, ",
        "also, ",
        "then, ",
        "in addition, ",
        "additionally, ",
        "moreover, ",
        "furthermore, ",
        "finally, ",
        "meanwhile, ",
        "besides, ",
    ];
    let lead = CONNECTIVES
        .iter()
        .find(|c| lower.starts_with(*c))
        .map_or(0, |c| c.len());
    let at = lead
        + if lower[lead..].starts_with("the ") {
            4
        } else {
            0
        };
    let rest = &lower[at..];
    let mut best: Option<(String, bool)> = None;
    for (l, ll, main, possessive) in labels_opening(primary, rest) {
        if !possessive && best.as_ref().is_none_or(|(b, _)| ll.len() > b.len()) {
            best = Some((l.clone(), main));
        }
    }
    if let Some((l, main)) = best {
        return Some((at, l.len(), l, main));
    }
    let role = rest.split(|c: char| !c.is_alphanumeric()).next()?;
    let after = &rest[role.len()..];
    // "professor b", "professor's": another speaker, or not a subject.
    let next = after.split_whitespace().next().unwrap_or("");
    if role.len() < 3
        || next.chars().count() == 1
        || after.starts_with('\'')
        || after.starts_with('’')
    {
        return None;
    }
    let mut found: Option<(&String, bool)> = None;
    for (l, _, main) in &primary.subject_labels {
        let main = *main;
        let mut words = l.split_whitespace();
        let has_role = words.next().is_some_and(|w| w.to_lowercase() == role);
        if !has_role {
            continue;
        }
        let designated =
            words.next().is_some_and(|d| d.chars().count() == 1) && words.next().is_none();
        match found {
            Some((f, _)) if f.to_lowercase() == l.to_lowercase() => {}
            Some(_) => return None,
            None if designated => found = Some((l, main)),
            None => return None,
        }
    }
    found.map(|(l, main)| (at, role.len(), l.clone(), main))
}

/// The label of another speaker that follows "according to" in a claim (`lower`: the claim in
/// lower case), whatever its case.
pub(super) fn according_to_label(primary: &Primary, lower: &str) -> Option<String> {
    let at = lower.find("according to ")? + "according to ".len();
    labels_opening(primary, &lower[at..])
        .filter(|&(_, _, main, _)| !main)
        .max_by_key(|(l, ..)| l.len())
        .map(|(l, ..)| l.clone())
}

/// The speaker labels of three letters or more that `rest` (lower case) opens with as whole
/// words, in [`Primary::subject_labels`] order: each label, its lower case, whether it is the main
/// speaker's, and whether a possessive "'s" follows it.
fn labels_opening<'p>(
    primary: &'p Primary,
    rest: &'p str,
) -> impl Iterator<Item = (&'p String, &'p str, bool, bool)> + 'p {
    (primary.subject_labels.iter()).filter_map(move |(l, ll, main)| {
        if ll.len() < 3 || !rest.starts_with(ll.as_str()) {
            return None;
        }
        let after = &rest[ll.len()..];
        let boundary = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
        let possessive = after.starts_with("'s") || after.starts_with("’s");
        boundary.then_some((l, ll.as_str(), *main, possessive))
    })
}
