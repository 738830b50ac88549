//! Misreadings of a conversation that every word of a claim can survive: a name listed twice,
//! a group given one speaker's view, a question or an unanswered request read as a statement, and
//! "we" or a question to the one spoken to read as being about a list of people.

use super::*;

/// A name that a list of capitalised names joined by commas and "and" ("Nick and Nick", "Mark,
/// Anna, Julia, George and Anna") holds twice, outside quotation marks. A word joined to the one
/// before it by a hyphen is part of a compound ("non-GAAP and GAAP"), and an acronym ("EU") is no
/// person's name: neither is a list item.
pub(super) fn repeated_in_list(view: &ClaimView) -> Option<String> {
    let toks = &view.tokens;
    let name = |i: usize| {
        let t = &toks[i];
        let word = view.word(i);
        let acronym = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !word.chars().any(char::is_lowercase);
        let compound = i > 0 && view.text[toks[i - 1].span.end..t.span.start].ends_with('-');
        t.capital
            && t.is_content()
            && !t.is_digit()
            && view.outside_quotes(i)
            && !acronym
            && !compound
    };
    let mut list: Vec<usize> = Vec::new();
    for i in 0..toks.len() {
        if !name(i) {
            continue;
        }
        let joined = list.last().is_some_and(|&j| next_in_list(view, j, i));
        if !joined {
            list.clear();
        }
        if let Some(&k) = list.iter().find(|&&k| toks[k].norm == toks[i].norm) {
            return Some(view.word(k).to_string());
        }
        list.push(i);
    }
    None
}

/// True when token `j` follows token `i` as the next item of a list: after a comma ("Mark,
/// Anna") or after "and" ("Anna and Julia", "Julia, and George").
fn next_in_list(view: &ClaimView, i: usize, j: usize) -> bool {
    let toks = &view.tokens;
    let gap = view.text[toks[i].span.end..toks[j].span.start].trim();
    (j == i + 1 && gap == ",")
        || (j == i + 2 && toks[i + 1].norm.as_str() == "and" && matches!(gap, "and" | ", and"))
}

/// The names a claim opens with when it opens with a list of two or more ("Reeve, Winslow and
/// Booker prefer …"), as written.
fn subject_list(view: &ClaimView) -> Option<Vec<String>> {
    let toks = &view.tokens;
    let name = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.capital && t.is_content() && !t.is_digit())
    };
    let mut names = vec![0];
    if !name(0) {
        return None;
    }
    let mut i = 0;
    loop {
        if name(i + 1) && next_in_list(view, i, i + 1) {
            i += 1;
        } else if name(i + 2) && next_in_list(view, i, i + 2) {
            i += 2;
            names.push(i);
            break;
        } else {
            return None;
        }
        names.push(i);
    }
    // Not a possessive ("Hank and Don's kids").
    let after = &view.text[toks[i].span.end..];
    if after.starts_with('\'') || after.starts_with('’') || names.len() < 2 {
        return None;
    }
    Some(names.iter().map(|&k| view.word(k).to_string()).collect())
}

/// The names, and the speaker and words of a passage, when a list of people opens the claim and
/// the passage is one listed speaker's first person singular only: it says "I", names none of
/// the others, and nothing in it speaks of more than one ("we", "us", "both", "together") or to
/// anyone ("you").
pub(super) fn singular_for_list(
    primary: &Primary,
    view: &ClaimView,
    w: &Window,
) -> Option<(Vec<String>, String, String)> {
    if primary.interview {
        return None;
    }
    let names = subject_list(view)?;
    let who = speaker_of(primary, w.first)?;
    let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    let own = name_words(&who);
    if !lower.iter().any(|n| own.contains(n)) {
        return None;
    }
    let ptoks = window_tokens(primary, w);
    const MANY: &[&str] = &[
        "we",
        "us",
        "our",
        "ours",
        "let's",
        "lets",
        "we're",
        "we'll",
        "we've",
        "we'd",
        "together",
        "both",
        "all",
        "you",
        "your",
        "you're",
        "you'll",
        "you've",
        "you'd",
        "u",
        "ya",
        "guys",
        "everyone",
        "everybody",
        "with",
    ];
    let others = |t: &Token| {
        lower
            .iter()
            .any(|n| !own.contains(n) && t.norm.as_str() == n)
    };
    if ptoks
        .iter()
        .any(|t| MANY.contains(&t.norm.as_str()) || others(t))
    {
        return None;
    }
    let i = ptoks.iter().position(|t| {
        matches!(
            t.norm.as_str(),
            "i" | "i'm" | "im" | "i'll" | "i've" | "i'd"
        )
    })?;
    let hi = (i + 4).min(ptoks.len() - 1);
    let said = &primary.document().text[ptoks[i].span.start..ptoks[hi].span.end];
    Some((names, who, said.to_string()))
}

/// The speaker and the words of a passage when the claim opens with that speaker's label and a
/// verb of holding or stating a view ("thought", "believed", "explained", "said"), and every
/// sentence of the passage is a question. Verbs that a question can carry out ("suggested",
/// "proposed": "shall we …?") are left alone, and so is a rhetorical question.
pub(super) fn view_from_question(
    primary: &Primary,
    view: &ClaimView,
    w: &Window,
) -> Option<(String, String)> {
    if primary.interview {
        return None;
    }
    let (label, after) = view.subject.as_ref()?;
    let who = speaker_of(primary, w.first)?;
    if who != *label {
        return None;
    }
    let toks = &view.tokens;
    let verb = if toks.get(*after)?.norm.as_str() == "also" {
        after + 1
    } else {
        *after
    };
    let stated = matches!(
        toks.get(verb)?.norm.as_str(),
        "thought"
            | "thinks"
            | "believed"
            | "believes"
            | "felt"
            | "feels"
            | "explained"
            | "explains"
            | "stated"
            | "states"
            | "claimed"
            | "claims"
            | "argued"
            | "argues"
            | "said"
            | "says"
            | "mentioned"
            | "mentions"
            | "noted"
            | "notes"
    );
    if !stated || !view.outside_quotes(verb) {
        return None;
    }
    let doc = primary.document();
    let questions = all_questions(primary, w);
    // A rhetorical question states a view: one that denies ("Isn't it obvious?") or asks who
    // or why ("Who would want that?").
    let ptoks = window_tokens(primary, w);
    let rhetorical = negation_strength(&doc.text, ptoks).iter().any(|&n| n > 0)
        || ptoks
            .iter()
            .any(|t| matches!(t.norm.as_str(), "who" | "why"));
    if !questions || rhetorical {
        return None;
    }
    Some((who, clip(&doc.text[window_span(primary, w).range()], 80)))
}

/// In a conversation, a claim that opens with a speaker's name and gives them the verb of another
/// speaker's request or invitation to them: an order ("come over and we'll watch some netflix",
/// "Do join us") or a question with "you" as its subject ("can you send me the file?"). When the
/// one asked never speaks after it, or their next turn opens with a refusal, nothing says they
/// did or will do it. The claim's speaker, the asker and the words asked.
pub(super) fn request_unanswered(
    primary: &Primary,
    view: &ClaimView,
    scored: &Scored,
) -> Option<(String, String, String)> {
    if primary.interview {
        return None;
    }
    let (label, after) = view.subject.as_ref()?;
    let who = speaker_of(primary, scored.window.first)?;
    if who == *label {
        return None;
    }
    let i = (*after..view.tokens.len()).find(|&i| view.tokens[i].is_content())?;
    if view.weight[i] <= 0.0
        || scored.quality[i] < 1.0
        || !view.outside_quotes(i)
        || view.negated[i]
        || (crate::wordnet::available() && !crate::wordnet::is_predicate(&view.tokens[i].norm))
    {
        return None;
    }
    let ptoks = window_tokens(primary, &scored.window);
    let ptext = &primary.document().text;
    let occ: Vec<usize> = (0..ptoks.len())
        .filter(|&k| ptoks[k].stem == view.tokens[i].stem)
        .collect();
    let &k = occ.first()?;
    if !occ.iter().all(|&k| requested(primary, ptext, ptoks, k)) {
        return None;
    }
    // The one asked: silent after the request, or refusing first thing.
    let doc = primary.document();
    let at = primary.turn_index(scored.window.last);
    let reply = doc.turns[at + 1..]
        .iter()
        .find(|t| t.speaker.as_deref() == Some(label.as_str()));
    if let Some(t) = reply {
        let rtoks = tokenize(ptext, t.span);
        let refuses = rtoks.first().is_some_and(|f| {
            matches!(
                f.norm.as_str(),
                "no" | "nope" | "nah" | "sorry" | "can't" | "cant"
            )
        });
        if !refuses {
            return None;
        }
    }
    let lo = k.saturating_sub(3);
    let hi = (k + 3).min(ptoks.len() - 1);
    let said = ptext[ptoks[lo].span.start..ptoks[hi].span.end].to_string();
    Some((label.clone(), who, said))
}

/// Whether the verb at `k` is asked of the one spoken to: it opens its sentence or follows a
/// comma in its base form, past "do", "please", "just" ("Do join us", "come over"), or has "you"
/// for its subject in a question ("can you send me …?").
fn requested(primary: &Primary, text: &str, toks: &[Token], k: usize) -> bool {
    let mut b = k;
    while b > 0
        && !toks[b].initial
        && matches!(
            toks[b - 1].norm.as_str(),
            "do" | "please" | "just" | "pls" | "plz"
        )
    {
        b -= 1;
    }
    let verb = toks[k].norm.as_str();
    let base = !verb.ends_with("ing") && !verb.ends_with("ed") && !verb.ends_with('s');
    let opens =
        toks[b].initial || (b > 0 && text[toks[b - 1].span.end..toks[b].span.start].contains(','));
    if opens {
        return base;
    }
    let question = {
        let s = sentence_at(primary, toks[k].span.start);
        let sentence = &text[primary.document().sentences[s].span.range()];
        sentence.trim_end().ends_with('?')
    };
    question && agent_of(text, toks, k) == Some(Agent::Addressee)
}

/// True when every sentence of the window is a question: a question mark after its last word,
/// an emoticon after it or not ("How was it? :)").
fn all_questions(primary: &Primary, w: &Window) -> bool {
    let doc = primary.document();
    (w.first..=w.last).all(|s| {
        let sentence = &doc.text[doc.sentences[s].span.range()];
        let tail = sentence
            .rfind(char::is_alphanumeric)
            .map_or("", |i| &sentence[i..]);
        tail.contains('?')
    })
}

/// Why no passage was found: nothing in the primary shares the claim's content words, or the
/// claim has none to look for, only speakers' names ("Catherine will go with her"), function
/// words and words that frame a report.
pub(super) fn no_passage_reason(primary: &Primary, view: &ClaimView) -> String {
    if !view.content.is_empty() {
        return "nothing in the primary shares this claim's content words".to_string();
    }
    let mut names: Vec<&str> = Vec::new();
    for t in &view.tokens {
        let word = &view.text[t.span.range()];
        let speaker = primary.speaker_words.contains(&t.norm)
            || (t.capital && (primary.other_labels.iter()).any(|(_, w)| w.contains(&t.norm)));
        if speaker && !names.contains(&word) {
            names.push(word);
        }
    }
    if names.is_empty() {
        return "the claim has no content words to look for in the primary, only function words and words that frame a report".to_string();
    }
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    format!(
        "beyond the names of speakers ({}), the claim has no content words to look for in the primary",
        quoted.join(", ")
    )
}

/// The names of the list of people a claim opens with, the passage's speaker and the words of
/// that speaker's label, when the speaker is one of those named (in a conversation, not an
/// interview).
fn listed_speaker(
    primary: &Primary,
    view: &ClaimView,
    w: &Window,
) -> Option<(Vec<String>, String, Vec<String>)> {
    if primary.interview {
        return None;
    }
    let names = subject_list(view)?;
    let who = speaker_of(primary, w.first)?;
    let own = name_words(&who);
    if !names.iter().any(|n| own.contains(&n.to_lowercase())) {
        return None;
    }
    Some((names, who, own))
}

/// The names, the speaker and the one spoken to, when a list of people opens the claim, the
/// passage is one listed speaker's news of what "we" did or do ("We had a little argument today",
/// "we're doing fine and enjoying our trip"), and another listed name is the one it is told to
/// (the nearest other speaker before or after the turn): news is told to someone who was not
/// there. A plan ("we'll", "let's", "i'd like us to", "are we going …?") may include the listener.
pub(super) fn told_we_for_list(
    primary: &Primary,
    view: &ClaimView,
    w: &Window,
) -> Option<(Vec<String>, String, String)> {
    let (names, who, own) = listed_speaker(primary, view, w)?;
    let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    let turns = &primary.document().turns;
    let at = primary.turn_index(w.first);
    let other = |t: &&claimcheck_core::Turn| t.speaker.is_some() && t.speaker != turns[at].speaker;
    let before = turns[..at].iter().rev().find(other);
    let after = turns[at + 1..].iter().find(other);
    let listener = [before, after].into_iter().flatten().find_map(|t| {
        let label = t.speaker.as_deref()?;
        let words = name_words(label);
        lower
            .iter()
            .any(|n| !own.contains(n) && words.contains(n))
            .then(|| label.to_string())
    })?;
    let ptoks = window_tokens(primary, w);
    const WE: &[&str] = &["we", "we're", "we've", "our", "us"];
    const PLAN: &[&str] = &[
        "will", "we'll", "i'll", "you'll", "gonna", "shall", "let's", "lets", "together", "wanna",
        "want", "should", "could", "can", "would", "we'd", "i'd", "like", "love",
    ];
    let listed_other = |t: &Token| {
        lower
            .iter()
            .any(|n| !own.contains(n) && t.norm.as_str() == n)
    };
    // "Are we going for a beer after?": a question about "we" asks the listener along.
    let asks = ptoks.windows(2).any(|p| {
        matches!(p[1].norm.as_str(), "we" | "us")
            && matches!(
                p[0].norm.as_str(),
                "are" | "do" | "did" | "were" | "have" | "shall"
            )
    });
    if asks
        || !ptoks.iter().any(|t| WE.contains(&t.norm.as_str()))
        || ptoks
            .iter()
            .any(|t| PLAN.contains(&t.norm.as_str()) || listed_other(t))
    {
        return None;
    }
    Some((names, who, listener))
}

/// The group a claim opens with ("the team", "the group", "everyone") when it reports their
/// saying or thinking ("the team thought that …", "everyone said …"), and the speaker of the
/// passage, in a conversation: a passage is one speaker's turn, so it is one member's view.
/// Acts of a group ("the team agreed", "decided", "discussed") count only when the passage has
/// the speaker do them alone ("I decided to …").
pub(super) fn group_for_one(
    primary: &Primary,
    view: &ClaimView,
    w: &Window,
) -> Option<(String, String)> {
    if primary.interview {
        return None;
    }
    let toks = &view.tokens;
    let norm = |k: usize| toks.get(k).map_or("", |t: &Token| t.norm.as_str());
    let len = match (norm(0), norm(1), norm(2)) {
        ("the", "team" | "group", _) => 2,
        ("the", "whole", "team" | "group") => 3,
        ("everyone" | "everybody", _, _) => 1,
        ("they", "all", _) => 2,
        _ => return None,
    };
    let verb = if norm(len) == "also" { len + 1 } else { len };
    let t = toks.get(verb)?;
    // Talking a matter over ("the team discussed …") is done together, so it is no one's view.
    let together = ["discuss", "talk", "debat", "agree", "decid", "consider"]
        .iter()
        .any(|p| t.norm.as_str().starts_with(p));
    // Unless the passage has one speaker do it alone: "the team decided to …" where the
    // passage says "I decided to …".
    let alone = || {
        let ptoks = window_tokens(primary, w);
        let text = &primary.document().text;
        (0..ptoks.len())
            .any(|k| ptoks[k].stem == t.stem && agent_of(text, ptoks, k) == Some(Agent::Speaker))
    };
    let view_verb = is_report_verb(&t.norm) || THINKING_VERBS.contains(&t.norm.as_str());
    if !view.outside_quotes(verb) || !((view_verb && !together) || alone()) {
        return None;
    }
    // A passage that speaks for the group ("we think", "the group argued for") is the group's
    // view told by one member, not that member's own: a group word with a verb of saying or
    // thinking, or the claim's own verb, right after it.
    let ptoks = window_tokens(primary, w);
    let for_group = (0..ptoks.len()).any(|k| {
        matches!(
            ptoks[k].norm.as_str(),
            "we" | "team" | "group" | "everyone" | "everybody"
        ) && ptoks[k + 1..(k + 4).min(ptoks.len())].iter().any(|v| {
            v.stem == t.stem || is_report_verb(&v.norm) || THINKING_VERBS.contains(&v.norm.as_str())
        })
    });
    if for_group {
        return None;
    }
    let who = speaker_of(primary, w.first)?;
    let group = view.text[toks[0].span.start..toks[len - 1].span.end].to_string();
    Some((group, who))
}

/// The names, and the speaker and words of a passage, when a list of people opens the claim and
/// the passage is one listed speaker asking the one spoken to about their own doings: every
/// sentence of it is a question, with no first person in it ("we", "let's", "shall") and no
/// alternatives offered ("or"), which would make it a proposal of something done together.
pub(super) fn asked_for_list(
    primary: &Primary,
    view: &ClaimView,
    w: &Window,
) -> Option<(Vec<String>, String, String)> {
    let (names, who, _) = listed_speaker(primary, view, w)?;
    let doc = primary.document();
    let questions = all_questions(primary, w);
    if !questions {
        return None;
    }
    let ptoks = window_tokens(primary, w);
    const JOINT: &[&str] = &[
        "i", "i'm", "im", "i'll", "i've", "i'd", "me", "my", "we", "us", "our", "let's", "lets",
        "we're", "we'll", "we've", "we'd", "shall", "or", "together",
    ];
    if ptoks.iter().any(|t| JOINT.contains(&t.norm.as_str())) {
        return None;
    }
    // Asking about the one spoken to: "where are you meeting?", how something went ("How was
    // New Year's Eve?"), whether they "ever" did it, or "any plans …?". A bare "what time on
    // Friday?" asks a detail of a plan that may be shared.
    let norm = |k: usize| ptoks.get(k).map_or("", |t: &Token| t.norm.as_str());
    let second = ptoks.iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "you" | "your" | "you're" | "you've" | "you'll" | "u" | "ya"
        )
    });
    let asks = (0..ptoks.len()).any(|k| {
        let went = norm(k) == "how"
            && matches!(
                norm(k + 1),
                "was" | "is" | "were" | "are" | "did" | "does" | "do" | "has" | "went" | "'s"
            );
        let wh = matches!(norm(k), "how" | "where" | "what" | "when" | "which" | "who");
        went || norm(k) == "how's"
            || norm(k) == "ever"
            || (k == 0 && norm(k) == "any")
            || (wh && second)
    });
    if !asks {
        return None;
    }
    let said = clip(&doc.text[window_span(primary, w).range()], 80);
    Some((names, who, said))
}
