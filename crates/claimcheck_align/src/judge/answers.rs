//! Questions, answers and who does what in a conversation: a yes-no question answered yes or no,
//! a word only a question asks about, an answer's denial, and roles reversed ("Ronald will call
//! her" where Ronald said "Call me").

use super::*;

/// Who does what a conversation's sentence says, told by its subject: the speaker ("I'll call
/// you"), the one spoken to ("you can take my kid"; "Call me", an order with the speaker as its
/// object), or neither (`None`: a third party, "we", or no subject in sight).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Agent {
    Speaker,
    Addressee,
}

/// The agent of the verb at `k`: the subject pronoun before it (past auxiliaries and adverbs
/// like "will", "just"), or an order ("Send me …": the verb opens its sentence or follows a
/// comma, and "me" is its object). A subject after "if" is a condition, and asserts nothing.
pub(super) fn agent_of(text: &str, toks: &[Token], k: usize) -> Option<Agent> {
    const BETWEEN: &[&str] = &[
        "will", "would", "can", "could", "should", "shall", "may", "might", "must", "do", "does",
        "did", "just", "also", "really", "please", "always", "still", "already", "actually",
        "have", "has", "had",
    ];
    let mut b = k;
    while b > 0 && !toks[b].initial {
        let before = toks[b - 1].norm.as_str();
        if matches!(before, "n't" | "not" | "never") {
            // "Don't call me": a denial, of which the claim's roles say nothing.
            return None;
        }
        // "You have a meeting": the one who has it, past the article of what they have.
        let had = matches!(before, "a" | "an" | "the")
            && b >= 2
            && matches!(toks[b - 2].norm.as_str(), "have" | "has" | "had");
        if !BETWEEN.contains(&before) && !had {
            break;
        }
        b -= 1;
    }
    let opens =
        toks[b].initial || (b > 0 && text[toks[b - 1].span.end..toks[b].span.start].contains(','));
    if opens || b == 0 {
        // An order: "Call me", "Hey sis, just send me …".
        let verb = toks[k].norm.as_str();
        let me = toks.get(k + 1).is_some_and(|t| t.norm.as_str() == "me");
        let order = opens && me && !verb.ends_with("ing") && !verb.ends_with("ed");
        return order.then_some(Agent::Addressee);
    }
    let subject = toks[b - 1].norm.as_str();
    // "I've got your tickets and booked the hotel": a verb joined by "and" to one before it in
    // the same clause shares that verb's subject, the nearest pronoun before the "and".
    if matches!(subject, "and" | "then") {
        let mut j = b - 1;
        while j > 0 && !toks[j].initial && b - j <= 8 {
            j -= 1;
            let w = toks[j].norm.as_str();
            if text[toks[j].span.end..toks[j + 1].span.start].contains([',', ';', ':']) {
                break;
            }
            if matches!(w, "he" | "she" | "we" | "they" | "it" | "you" | "u") || toks[j].is_name() {
                break;
            }
            if matches!(w, "i" | "i'll" | "i'm" | "i've" | "i'd" | "im") {
                return (j == 0
                    || !matches!(toks[j - 1].norm.as_str(), "if" | "whether" | "unless"))
                .then_some(Agent::Speaker);
            }
        }
        return None;
    }
    let condition = b >= 2 && matches!(toks[b - 2].norm.as_str(), "if" | "whether" | "unless");
    if condition {
        return None;
    }
    match subject {
        "you" | "you'll" | "you're" | "you've" | "you'd" | "u" => Some(Agent::Addressee),
        "i" | "i'll" | "i'm" | "i've" | "i'd" | "im" => Some(Agent::Speaker),
        _ => None,
    }
}

/// A yes-no question of a conversation and its answer: sentence `s` asks, without asking which,
/// who or how, offering alternatives ("or") or being negated itself ("Isn't it …?"), and is the
/// last of its turn; the answer is the next speaker's first sentence. The answer's sentence, its
/// speaker and what it says: [`Answer::No`] ("no", "nope", "not", "never" first, or a denial in
/// its first clause), [`Answer::Yes`] ("yes", "yep", "sure" first, and no denial in that clause)
/// or [`Answer::Other`].
pub(super) fn answer_to(primary: &Primary, s: usize) -> Option<(usize, &str, Answer)> {
    let doc = primary.document();
    let text = &doc.text;
    if primary.interview
        || !text[doc.sentences[s].span.range()]
            .trim_end()
            .ends_with('?')
    {
        return None;
    }
    let stoks = primary.sentence(s);
    let first = stoks.first()?.norm.as_str();
    let open = matches!(
        first,
        "what" | "who" | "whom" | "whose" | "which" | "where" | "when" | "why" | "how"
    );
    let denied = negation_strength(text, stoks).iter().any(|&n| n > 0);
    if open || denied || stoks.iter().any(|t| t.norm.as_str() == "or") {
        return None;
    }
    // The answer: the next turn of another speaker, with only the asker's turns between.
    let turn = doc.sentences[s].turn;
    if doc.sentences.get(s + 1).is_some_and(|n| n.turn == turn) {
        return None;
    }
    let asker = doc.turns[turn].speaker.as_deref()?;
    let at =
        (turn + 1..doc.turns.len()).find(|&t| doc.turns[t].speaker.as_deref() != Some(asker))?;
    let answerer = doc.turns[at].speaker.as_deref()?;
    let a = (s + 1..doc.sentences.len()).find(|&x| doc.sentences[x].turn == at)?;
    let atoks = primary.sentence(a);
    // "Hello, no, I don't." and "oh yes": a greeting or an interjection opens the answer, and
    // the answer is what follows it.
    let h = atoks
        .iter()
        .position(|t| !GREETINGS.contains(&t.norm.as_str()))
        .unwrap_or(0);
    let head = atoks[h].norm.as_str();
    let clause = clause_around(text, atoks, h);
    let denial = negation_strength(text, &atoks[clause])
        .iter()
        .any(|&n| n >= 2);
    let answer = if matches!(head, "no" | "nope" | "nah" | "not" | "never") || denial {
        Answer::No
    } else if matches!(
        head,
        "yes" | "yep" | "yeah" | "yea" | "yup" | "sure" | "definitely" | "absolutely" | "certainly"
    ) {
        Answer::Yes
    } else {
        Answer::Other
    };
    Some((a, answerer, answer))
}

/// Words that can open an answer before it says yes or no ([`answer_to`]).
const GREETINGS: &[&str] = &[
    "hello", "hi", "hey", "oh", "ah", "um", "uh", "erm", "well", "haha", "hahaha", "lol", "ok",
    "okay", "hmm",
];

/// What the answer to a yes-no question says ([`answer_to`]).
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Answer {
    Yes,
    No,
    Other,
}

/// [`answer_to`] when the answer is no: the answer's sentence and its speaker.
fn answered_no_to(primary: &Primary, s: usize) -> Option<(usize, &str)> {
    answer_to(primary, s)
        .filter(|&(_, _, a)| a == Answer::No)
        .map(|(a, who, _)| (a, who))
}

/// [`answer_to`] when the answer is yes: the answer's sentence and its speaker. The question
/// must be short and ask nothing open anywhere: "yeah" after a long question that ends "how do
/// you minimise that?" acknowledges, it does not adopt what was asked.
pub(super) fn answered_yes_to(primary: &Primary, s: usize) -> Option<(usize, &str)> {
    // `answer_to` turns away most sentences at once (an interview, no question mark), so it
    // runs before the words of the question are read.
    let (a, who, answer) = answer_to(primary, s)?;
    let stoks = primary.sentence(s);
    let open = stoks.iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "what" | "who" | "which" | "where" | "when" | "why" | "how"
        )
    });
    (answer == Answer::Yes && stoks.len() <= MAX_YES_QUESTION && !open).then_some((a, who))
}

/// The most words of a question whose answer "yes" states it ([`answered_yes_to`]).
const MAX_YES_QUESTION: usize = 16;

/// The predicate of question sentence `s`: its first content word that is a verb or adjective
/// ("sleeping", "coming"), not a name.
fn question_predicate(primary: &Primary, s: usize) -> Option<&Token> {
    primary.sentence(s).iter().find(|p| {
        p.is_content()
            && !p.is_name()
            && (!crate::wordnet::available() || crate::wordnet::is_predicate(&p.norm))
    })
}

/// Whether token `k` of the passage lies in a yes-no question whose predicate the claim denies
/// ("hasn't heard" for "have you heard …?") and that the claim's subject, the one it opens
/// with, answers no.
pub(super) fn denied_in_answer(
    primary: &Primary,
    view: &ClaimView,
    scored: &Scored,
    k: usize,
) -> bool {
    let Some((subject, _)) = &view.subject else {
        return false;
    };
    let s = passage_sentence(primary, scored, k);
    let Some(p) = question_predicate(primary, s) else {
        return false;
    };
    let denies = (0..view.tokens.len())
        .any(|i| view.negated[i] && view.tokens[i].stem == p.stem && scored.quality[i] >= 1.0);
    denies && answered_no_to(primary, s).is_some_and(|(_, who)| who == subject)
}

/// The verb of the infinitive right after token `k` ("leave" in "wants to leave"), if "to" and
/// a content word follow it.
pub(super) fn infinitive_after(toks: &[Token], k: usize) -> Option<&Token> {
    let to = toks.get(k + 1)?;
    let verb = toks.get(k + 2)?;
    (to.norm.as_str() == "to" && verb.is_content()).then_some(verb)
}

/// The sentence of the primary that token `k` of the passage lies in.
fn passage_sentence(primary: &Primary, scored: &Scored, k: usize) -> usize {
    primary.token_sentence[primary.sentence_tokens[scored.window.first].start + k] as usize
}

/// The sentence of the primary that token `k` of the passage lies in, when it is a question
/// (a question mark ends it).
pub(super) fn asked_at(primary: &Primary, scored: &Scored, k: usize) -> Option<usize> {
    let s = passage_sentence(primary, scored, k);
    let doc = primary.document();
    doc.text[doc.sentences[s].span.range()]
        .trim_end()
        .ends_with('?')
        .then_some(s)
}

/// In a conversation, a yes-no question that the claim states as fact ("Catherine is sleeping"
/// from "You sleeping?"), and that the next speaker answers no ("Not yet.", "tbh I don't feel
/// well", "I've never done any"): the answer denies what the claim affirms. The claim must
/// state the question's predicate ("Have you heard about Natalie?" answered no says nothing of
/// Natalie), and have no denial of its own.
pub(super) fn answered_no(
    primary: &Primary,
    view: &ClaimView,
    scored: &Scored,
) -> Option<Conflict> {
    if view.negated.iter().any(|&n| n) {
        return None;
    }
    let q = &scored.quality;
    let (s, (a, answerer)) = (scored.window.first..=scored.window.last)
        .find_map(|s| answered_no_to(primary, s).map(|x| (s, x)))?;
    let predicate = question_predicate(primary, s)?;
    view.content
        .iter()
        .find(|&&i| q[i] >= 1.0 && view.tokens[i].stem == predicate.stem)?;
    let text = &primary.document().text;
    let asked = clip(&text[primary.document().sentences[s].span.range()], 80);
    let answer = clip(&text[primary.document().sentences[a].span.range()], 80);
    Some(Conflict {
        reason: format!("the primary asks \"{asked}\" and {answerer} answers no: \"{answer}\""),
    })
}

/// A conversation's passage that tells `addressee`, the one spoken to, what they said or
/// thought ("and how you told me it was a terrible idea"), or thanks them for it ("thanks for
/// the recommendation"): its words are the addressee's as much as the speaker's, so they are not
/// evidence that someone else said them. The one spoken to is taken to be the nearest other
/// speaker before or after the passage's turn.
pub(super) fn tells_addressee(primary: &Primary, w: &Window, addressee: &str) -> bool {
    if primary.interview {
        return false;
    }
    let turns = &primary.document().turns;
    let at = primary.turn_index(w.first);
    let who = turns[at].speaker.as_deref();
    let other = |t: &claimcheck_core::Turn| t.speaker.is_some() && t.speaker.as_deref() != who;
    let before = turns[..at].iter().rev().find(|t| other(t));
    let after = turns[at + 1..].iter().find(|t| other(t));
    let spoken_to = [before, after]
        .iter()
        .flatten()
        .any(|t| t.speaker.as_deref() == Some(addressee));
    if !spoken_to {
        return false;
    }
    let ptoks = window_tokens(primary, w);
    let text = &primary.document().text;
    // "ok thanks for the recommendation": thanks are for what the one spoken to did or said.
    let thanks = ptoks.windows(2).any(|p| {
        matches!(p[0].norm.as_str(), "thanks" | "thank" | "thx")
            && matches!(p[1].norm.as_str(), "for" | "you")
    });
    thanks
        || (0..ptoks.len()).any(|k| {
            let t = &ptoks[k];
            (is_report_verb(&t.norm) || THINKING_VERBS.contains(&t.norm.as_str()))
                && agent_of(text, ptoks, k) == Some(Agent::Addressee)
        })
}

/// In a conversation, "Call me when you get back" has the one spoken to calling, and "I'll call
/// you" the speaker: a claim that opens with a speaker's name and gives them the verb of a
/// sentence whose subject is someone else ("Ronald will call her" where Ronald said "Call me")
/// has the roles reversed.
pub(super) fn roles_reversed(
    primary: &Primary,
    view: &ClaimView,
    scored: &Scored,
) -> Option<Conflict> {
    if primary.interview {
        return None;
    }
    let (label, after) = view.subject.as_ref()?;
    // The claim's verb: its first content word after the name, past auxiliaries ("will",
    // "is going to"); a reporting verb ("said") frames what follows, so it is not checked.
    let i = (*after..view.tokens.len()).find(|&i| view.tokens[i].is_content())?;
    // "Israel hasn't sewn anything" where Israel asked "you've sewn a dress?": a denial that
    // the speaker acted is no reversal of who did.
    if view.weight[i] <= 0.0 || !view.outside_quotes(i) || view.negated[i] {
        return None;
    }
    if crate::wordnet::available() && !crate::wordnet::is_predicate(&view.tokens[i].norm) {
        return None;
    }
    let ptext = &primary.document().text;
    let (ptoks, who) = if scored.quality[i] >= 1.0 {
        (
            window_tokens(primary, &scored.window),
            speaker_of(primary, scored.window.first)?,
        )
    } else {
        // The passage lacks the verb ("Pete will bring the ball" resting on Pete's "Are you
        // coming to practice?"): the verb's own sentence, where it says who acts.
        let s = verb_sentence(primary, view, i, label)?;
        (primary.sentence(s), speaker_of(primary, s)?)
    };
    let agents: Vec<(usize, Option<Agent>)> = (ptoks.iter().enumerate())
        .filter(|(_, p)| p.stem == view.tokens[i].stem)
        .map(|(k, _)| (k, agent_of(ptext, ptoks, k)))
        .collect();
    let own = who == *label;
    let wrong = if own {
        Agent::Addressee
    } else {
        Agent::Speaker
    };
    let &(k, _) = agents.first()?;
    if !agents.iter().all(|(_, a)| *a == Some(wrong)) {
        return None;
    }
    let lo = k.saturating_sub(3);
    let hi = (k + 2).min(ptoks.len() - 1);
    let said = &ptext[ptoks[lo].span.start..ptoks[hi].span.end];
    let verb = view.word(i);
    let reason = if own {
        format!(
            "roles reversed: the claim makes {label} the subject of \"{verb}\", but in the primary {label} says it of the one spoken to (\"{said}\")"
        )
    } else {
        format!(
            "roles reversed: the claim makes {label} the subject of \"{verb}\", but in the primary {who} says it of themself (\"{said}\")"
        )
    };
    Some(Conflict { reason })
}

/// For [`roles_reversed`], when the passage lacks the claim's verb (token `i`): the sentence with
/// the verb that shares the most of the claim's other content words (at least one), unless some
/// sentence has `label` act in it, said by `label` of themself ("I'll bring it") or by another
/// speaker to the one spoken to ("you bring it"), or leaves the actor open.
fn verb_sentence(primary: &Primary, view: &ClaimView, i: usize, label: &str) -> Option<usize> {
    let stem = &view.tokens[i].stem;
    let text = &primary.document().text;
    let mut best: Option<(usize, usize)> = None;
    for s in primary.sentences_with(stem) {
        let toks = primary.sentence(s);
        // An unlabelled sentence says nobody's act: the actor is open.
        let own = primary.document().turn_of(s).speaker.as_deref()? == label;
        for (k, _) in toks.iter().enumerate().filter(|(_, p)| p.stem == *stem) {
            match (agent_of(text, toks, k), own) {
                (Some(Agent::Speaker), true) | (Some(Agent::Addressee), false) | (None, _) => {
                    return None
                }
                _ => {}
            }
        }
        let shared = (view.content.iter())
            .filter(|&&j| j != i && view.weight[j] > 0.0)
            .filter(|&&j| toks.iter().any(|p| p.stem == view.tokens[j].stem))
            .count();
        if shared > 0 && best.is_none_or(|(_, b)| shared > b) {
            best = Some((s, shared));
        }
    }
    best.map(|(s, _)| s)
}
