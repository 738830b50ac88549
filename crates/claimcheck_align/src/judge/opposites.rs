//! Opposites: antonyms and poles of meaning ("raised"/"cut"), converses told from the other side
//! ("lend"/"borrow"), movements said as phrases ("went up"), opposite words that are not content
//! ("above"/"below"), shares and quantifiers ("some" for "all"), and the two sides of a "than"
//! comparison.

use super::*;

/// The two sides of a comparison around "than" at `t`: the comparative (the nearest comparing
/// word before "than" in its clause, the adjective after a "more"/"less", or else the word right
/// before "than"), the stems of the content words just before the comparative (at most
/// [`COMPARED_REACH`], within the sentence) and just after "than" (at most three), less the stems
/// both sides share ("name brands" and "store brands" differ in "name" and "store").
fn compared_sides<'t>(tokens: &'t [Token], text: &str, t: usize) -> Option<Compared<'t>> {
    let stop = |a: usize, b: usize| {
        text[tokens[a].span.end..tokens[b].span.start].contains(['.', ';', ':', '!', '?', '(', ')'])
    };
    // "cheaper than", "more expensive than", "far more than", "scored higher on the test than".
    let comparative = |k: usize| {
        let w = tokens[k].norm.as_str();
        COMPARATIVES.contains(&w)
            || w == "fewer"
            || (w.ends_with("er") && crate::wordnet::is_adjective(w))
    };
    let mut found = None;
    let mut j = t;
    while j > 0 && t - j < 2 * COMPARED_REACH && !stop(j - 1, j) {
        j -= 1;
        if comparative(j) {
            found = Some(j);
            break;
        }
    }
    let (adj, degree, before_end) = match found {
        // "more expensive than": the adjective after "more" is what is compared.
        Some(j) if matches!(tokens[j].norm.as_str(), "more" | "less") && j + 1 < t => {
            (&tokens[j + 1], Some(tokens[j].norm.as_str()), j)
        }
        Some(j) => (&tokens[j], None, j),
        None => {
            let adj = tokens.get(t.checked_sub(1)?)?;
            (adj.is_content() && !adj.is_digit()).then_some((adj, None, t - 1))?
        }
    };
    let mut before = Vec::new();
    let mut lo = before_end;
    while lo > 0 && before.len() < COMPARED_REACH && !stop(lo - 1, lo) {
        lo -= 1;
        if tokens[lo].is_content() {
            before.push(&tokens[lo].stem);
        }
    }
    let mut after = Vec::new();
    let mut hi = t;
    while hi + 1 < tokens.len() && after.len() < 3 && !stop(hi, hi + 1) {
        hi += 1;
        if tokens[hi].is_content() {
            after.push(&tokens[hi].stem);
        }
    }
    let shared: Vec<&Word> = before
        .iter()
        .filter(|w| after.contains(w))
        .copied()
        .collect();
    before.retain(|w| !shared.contains(w));
    after.retain(|w| !shared.contains(w));
    let words = &text[tokens[lo].span.start..tokens[hi].span.end];
    (!before.is_empty() && !after.is_empty()).then(|| Compared {
        adj: &adj.stem,
        degree,
        before,
        after,
        words: clip(words, 100),
    })
}

/// One comparison of [`compared_sides`].
struct Compared<'t> {
    adj: &'t Word,
    degree: Option<&'t str>,
    before: Vec<&'t Word>,
    after: Vec<&'t Word>,
    /// The words of the comparison, for the reason.
    words: String,
}

/// Content words read on each side of a comparison.
const COMPARED_REACH: usize = 4;

/// Opposite comparatives that say the same thing: "name brands are more expensive than store
/// brands" for "store brands are cheaper than name brands" (the sides swapped), or "less
/// expensive" for "cheaper" (the sides kept).
pub(super) fn converse_comparison(
    view: &ClaimView,
    i: usize,
    ptoks: &[Token],
    ptext: &str,
    k: usize,
) -> bool {
    let (Some(c), Some(p)) = (
        comparison_of(&view.tokens, view.text, i),
        comparison_of(ptoks, ptext, k),
    ) else {
        return false;
    };
    let meets = |x: &[&Word], y: &[&Word]| x.iter().any(|w| y.contains(w));
    let swapped = meets(&c.after, &p.before) && meets(&c.before, &p.after);
    let kept = meets(&c.before, &p.before) && meets(&c.after, &p.after);
    let less = (c.degree == Some("less")) != (p.degree == Some("less"));
    (swapped && !less) || (kept && less)
}

/// The comparison whose comparative is token `i`, read from the first "than" after it.
fn comparison_of<'t>(tokens: &'t [Token], text: &str, i: usize) -> Option<Compared<'t>> {
    let t = (i + 1..tokens.len().min(i + 1 + 2 * COMPARED_REACH))
        .find(|&t| tokens[t].norm.as_str() == "than")?;
    compared_sides(tokens, text, t).filter(|c| *c.adj == tokens[i].stem)
}

/// A comparison whose two sides the claim swaps: "name brands are cheaper than store brands"
/// where the passage says "store brands are cheaper than name brands". The comparative must be
/// the same word on both sides; "more expensive than" for "cheaper than" with the sides swapped
/// says the same thing, so an antonym is left to the other checks.
pub(super) fn comparison_reversed(
    view: &ClaimView,
    ptoks: &[Token],
    ptext: &str,
) -> Option<Conflict> {
    let thans = |toks: &[Token]| -> Vec<usize> {
        toks.iter()
            .enumerate()
            .filter(|(_, t)| t.norm.as_str() == "than" && !t.quoted)
            .map(|(k, _)| k)
            .collect()
    };
    for ct in thans(&view.tokens) {
        let Some(c) = compared_sides(&view.tokens, view.text, ct) else {
            continue;
        };
        for pt in thans(ptoks) {
            let Some(p) = compared_sides(ptoks, ptext, pt) else {
                continue;
            };
            if p.adj != c.adj || p.degree != c.degree {
                continue;
            }
            // A word of each side of the claim that only the other side of the passage has.
            let only = |x: &[&Word], y: &[&Word], z: &[&Word]| {
                x.iter().any(|w| y.contains(w) && !z.contains(w))
            };
            if only(&c.after, &p.before, &p.after) && only(&c.before, &p.after, &p.before) {
                return Some(Conflict::said_instead(
                    &c.words,
                    &p.words,
                    Some("the two sides of the comparison swapped"),
                ));
            }
        }
    }
    None
}

/// Verbs that tell one event from either party's side: one party lends what the other borrows.
const CONVERSES: &[(&str, &str)] = &[
    ("lend", "borrow"),
    ("buy", "sell"),
    ("give", "receive"),
    ("send", "receive"),
    ("teach", "learn"),
];

/// True when the two words are a pair of [`CONVERSES`], in any inflection (by stem).
pub(super) fn converse(a: &Token, b: &Token) -> bool {
    let stem = |w: &str| stem_uncached(w);
    CONVERSES.iter().any(|(x, y)| {
        let (sx, sy) = (stem(x), stem(y));
        (a.stem.as_str() == sx && b.stem.as_str() == sy)
            || (a.stem.as_str() == sy && b.stem.as_str() == sx)
    })
}

/// Pairs of words compared by stem, both ways round: each word's stem and those of its
/// irregular forms from WordNet's exception lists ("lost" for "lose", "rose" for "rise"), which
/// share no stem with it. Keyed by both stems' hashes, so that a look-up takes no reference
/// count.
struct StemPairs {
    pairs: hashbrown::HashTable<(Word, Word)>,
    /// Every stem that has a partner.
    stems: rustc_hash::FxHashSet<Word>,
}

impl StemPairs {
    fn new(list: &[(&str, &str)]) -> StemPairs {
        let listed: rustc_hash::FxHashSet<&str> = list.iter().flat_map(|&(x, y)| [x, y]).collect();
        let irregular = crate::wordnet::irregular_forms(|w| listed.contains(w));
        // Each listed word's stems, found once: the pole tables list a word in many pairs.
        let stems: rustc_hash::FxHashMap<&str, Vec<Word>> = listed
            .iter()
            .map(|&w| {
                let forms = std::iter::once(w)
                    .chain(irregular.iter().filter(|(_, l)| *l == w).map(|(f, _)| *f));
                (w, forms.map(|f| Word::new(&stem_uncached(f))).collect())
            })
            .collect();
        let stems_of = |w: &str| -> Vec<Word> { stems[w].clone() };
        let mut pairs = hashbrown::HashTable::new();
        let mut stems = rustc_hash::FxHashSet::default();
        for (x, y) in list {
            for sx in stems_of(x) {
                for sy in stems_of(y) {
                    for (p, q) in [(sx.clone(), sy.clone()), (sy.clone(), sx.clone())] {
                        let h = Self::hash(&p, &q);
                        if pairs.find(h, |(u, v)| *u == p && *v == q).is_none() {
                            stems.insert(p.clone());
                            pairs.insert_unique(h, (p, q), |(u, v)| Self::hash(u, v));
                        }
                    }
                }
            }
        }
        StemPairs { pairs, stems }
    }

    fn hash(x: &Word, y: &Word) -> u64 {
        x.hash_value().rotate_left(32) ^ y.hash_value()
    }

    /// True when `a` and `b` are a listed pair.
    fn has(&self, a: &Word, b: &Word) -> bool {
        (self.pairs.find(Self::hash(a, b), |(u, v)| u == a && v == b)).is_some()
    }

    /// True when `a` has a partner.
    fn lists(&self, a: &Word) -> bool {
        self.stems.contains(a)
    }
}

/// Words of two opposed poles ([`POLES`], [`JUDGING_POLES`]): the pairs across them, and the
/// pairs within one pole, which say nearly the same.
pub(super) struct Poles {
    opposed: StemPairs,
    mates: StemPairs,
}

impl Poles {
    fn new(poles: &[(&[&str], &[&str])], more: &[(&str, &str)]) -> Poles {
        let mut opposed: Vec<(&str, &str)> = more.to_vec();
        let mut mates: Vec<(&str, &str)> = Vec::new();
        for &(a, b) in poles {
            opposed.extend(a.iter().flat_map(|&x| b.iter().map(move |&y| (x, y))));
            // Each word with itself too: its irregular forms ("shrank") have stems of their own.
            for side in [a, b] {
                mates.extend(side.iter().flat_map(|&x| side.iter().map(move |&y| (x, y))));
            }
        }
        Poles {
            opposed: StemPairs::new(&opposed),
            mates: StemPairs::new(&mates),
        }
    }

    /// True when `p` says nearly what `c` says: the same stem, or a word of its pole.
    fn same_side(&self, c: &Token, p: &Token) -> bool {
        p.stem == c.stem || self.mates.has(&c.stem, &p.stem)
    }

    /// True when `toks` hold a word of `c`'s pole (or `c` in an irregular form). Most words are
    /// in no pole, so the tokens are read only for one that is.
    pub(super) fn mate_in(&self, c: &Token, toks: &[Token]) -> bool {
        self.mates.lists(&c.stem) && toks.iter().any(|p| self.mates.has(&c.stem, &p.stem))
    }
}

/// The core antonym pairs and the poles of content words.
pub(super) fn core_poles() -> &'static Poles {
    static CORE: std::sync::OnceLock<Poles> = std::sync::OnceLock::new();
    CORE.get_or_init(|| {
        let (up, down) = POLES[0];
        let mut more = ANTONYMS.to_vec();
        more.extend(
            STEADY
                .iter()
                .flat_map(|&s| up.iter().chain(down).map(move |&m| (s, m))),
        );
        Poles::new(POLES, &more)
    })
}

/// The poles of judging, and the opposites among function words.
pub(super) fn judging_poles() -> &'static Poles {
    static JUDGING: std::sync::OnceLock<Poles> = std::sync::OnceLock::new();
    JUDGING.get_or_init(|| Poles::new(JUDGING_POLES, SLOT_OPPOSITES))
}

pub(super) fn antonyms(a: &Token, b: &Token) -> bool {
    core_poles().opposed.has(&a.stem, &b.stem)
        || crate::wordnet::antonyms(&a.norm, &b.norm)
        || prefix_opposite(&a.norm, &b.norm)
}

/// How a quantity moves, as [`movement`] reads it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Movement {
    Up,
    Down,
    Steady,
}

/// How the word at `i` of `toks` says a quantity moved, and the span that says it: "went up" and
/// "go down" as phrases, told from their "up" or "down" ("came down" too, but "came up" is a
/// topic raised); "remain the same" and "stay the same", told from the verb ("remains a problem"
/// says nothing of change); or one word of the rising or falling pole ("rose", "cut") or a
/// steady word ("flat", [`STEADY`]).
fn movement(toks: &[Token], i: usize) -> Option<(Movement, std::ops::Range<usize>)> {
    static RISE_FALL: std::sync::OnceLock<(Word, Word)> = std::sync::OnceLock::new();
    let t = &toks[i];
    let norm_at = |k: usize| toks.get(k).map(|t| t.norm.as_str());
    match t.norm.as_str() {
        "up" | "down" => {
            let verb = &toks[i.checked_sub(1)?];
            let moves = match verb.norm.as_str() {
                "go" | "goes" | "went" | "gone" | "going" => true,
                "come" | "comes" | "came" | "coming" => t.norm == "down",
                _ => false,
            };
            let way = if t.norm == "up" {
                Movement::Up
            } else {
                Movement::Down
            };
            return moves.then_some((way, verb.span.start..t.span.end));
        }
        "remain" | "remains" | "remained" | "stay" | "stays" | "stayed" | "staying" => {
            let same = match norm_at(i + 1) {
                Some("the") if norm_at(i + 2) == Some("same") => i + 2,
                Some("same") => i + 1,
                _ => return None,
            };
            return Some((Movement::Steady, t.span.start..toks[same].span.end));
        }
        _ => {}
    }
    let (rise, fall) = RISE_FALL.get_or_init(|| {
        (
            Word::new(&stem_uncached("rise")),
            Word::new(&stem_uncached("fall")),
        )
    });
    let poles = core_poles();
    // Most words are in no pole: one look-up settles them.
    if !t.is_content() || !poles.opposed.lists(&t.stem) {
        return None;
    }
    let way = if poles.mates.has(&t.stem, rise) {
        Movement::Up
    } else if poles.mates.has(&t.stem, fall) {
        Movement::Down
    } else if poles.opposed.has(&t.stem, rise) && poles.opposed.has(&t.stem, fall) {
        Movement::Steady
    } else {
        return None;
    };
    Some((way, t.span.range()))
}

/// A quantity moving another way where one side says so with a phrase: "prices went up" where
/// the passage says they "fell", "rose" where it says they "went down" or "stayed the same", in
/// the passage's place for the claim's words (between the same matched words) and with the same
/// polarity. One word against one word is the antonym check's.
pub(super) fn swapped_direction(
    view: &ClaimView,
    q: &[f64],
    ptoks: &[Token],
    ptext: &str,
    pneg: &[bool],
) -> Option<Conflict> {
    for i in 0..view.tokens.len() {
        if !view.outside_quotes(i) || q[i] >= 1.0 {
            continue;
        }
        let Some((way, said)) = movement(&view.tokens, i) else {
            continue;
        };
        let Some(r) = slot(view, q, ptoks, i).filter(|r| tight_slot(view, q, ptoks, i, r)) else {
            continue;
        };
        // A passage that says both ("went up and then fell") says the claim's too.
        if r.clone()
            .any(|k| movement(ptoks, k).is_some_and(|(other, _)| other == way))
        {
            continue;
        }
        let found = r.clone().find_map(|k| {
            let (other, instead) = movement(ptoks, k)?;
            let one_phrase =
                said.len() > view.tokens[i].span.len() || instead.len() > ptoks[k].span.len();
            (other != way && one_phrase && pneg[k] == view.negated[i]).then_some(instead)
        });
        if let Some(instead) = found {
            return Some(Conflict::said_instead(
                &view.text[said],
                &ptext[instead],
                Some("opposite meaning"),
            ));
        }
    }
    None
}

/// The hyphenated compounds that the words at `i` of the claim and `k` of the passage open, when
/// they share their second part and WordNet gives them as opposites ("full-time" for
/// "part-time"), as the claim and the passage write them.
pub(super) fn opposed_compounds<'c, 'p>(
    ctext: &'c str,
    ctoks: &[Token],
    i: usize,
    ptext: &'p str,
    ptoks: &[Token],
    k: usize,
) -> Option<(&'c str, &'p str)> {
    // Called for every pair of words the antonym check reads: nothing is built unless both
    // open a compound with one second part.
    let joined = |text: &str, toks: &[Token], i: usize| {
        toks.get(i + 1)
            .is_some_and(|next| &text[toks[i].span.end..next.span.start] == "-")
    };
    if !joined(ctext, ctoks, i)
        || !joined(ptext, ptoks, k)
        || ctoks[i + 1].stem != ptoks[k + 1].stem
    {
        return None;
    }
    let compound = |toks: &[Token], i: usize| {
        format!("{}-{}", toks[i].norm.as_str(), toks[i + 1].norm.as_str())
    };
    let span = |toks: &[Token], i: usize| toks[i].span.start..toks[i + 1].span.end;
    crate::wordnet::antonyms(&compound(ctoks, i), &compound(ptoks, k))
        .then(|| (&ctext[span(ctoks, i)], &ptext[span(ptoks, k)]))
}

/// A word of the claim whose opposite ([`SLOT_OPPOSITES`]: a preposition, a quantifier, a verb
/// of judging) stands in its place in the passage, between the same matched words on both sides
/// and with the same polarity: "the temperature was below average" where the passage says
/// "above average". Neither side may have both words there ("more or less", "before and
/// after").
pub(super) fn function_opposite(
    view: &ClaimView,
    q: &[f64],
    ptoks: &[Token],
    ptext: &str,
    pneg: &[bool],
) -> Option<Conflict> {
    let poles = judging_poles();
    let pairs = &poles.opposed;
    for (i, c) in view.tokens.iter().enumerate() {
        if !pairs.lists(&c.stem) || !view.outside_quotes(i) {
            continue;
        }
        let opposite = |p: &Token| pairs.has(&c.stem, &p.stem);
        let Some(r) = slot(view, q, ptoks, i).filter(|r| tight_slot(view, q, ptoks, i, r)) else {
            continue;
        };
        if ptoks[r.clone()].iter().any(|p| poles.same_side(c, p)) {
            continue;
        }
        // "no more than five" is a bound, not the opposite of "less than five"; "with no
        // agreement" is "without an agreement".
        let beside_cue = |toks: &[Token], j: usize| {
            (j > 0 && toks[j - 1].negation) || toks.get(j + 1).is_some_and(|t| t.negation)
        };
        if beside_cue(&view.tokens, i) {
            continue;
        }
        // The claim's own stretch between the same matched neighbours.
        let own = own_stretch(view, q, i);
        let found = r.clone().find(|&k| {
            opposite(&ptoks[k])
                && !beside_cue(ptoks, k)
                && pneg[k] == view.negated[i]
                && !view.tokens[own.clone()]
                    .iter()
                    .any(|t| t.stem == ptoks[k].stem)
        });
        if let Some(k) = found {
            return Some(Conflict::said_instead(
                view.word(i),
                &ptext[ptoks[k].span.range()],
                Some("opposite meaning"),
            ));
        }
    }
    None
}

/// The share a quantifier gives, from all to none: "all"/"every"/"each" 5, "most" 4, "many" 3,
/// "some"/"several"/"a few" 2, "few" 1, "no"/"none" 0. "Quite a few" is many.
fn quantifier_share(toks: &[Token], i: usize) -> Option<u8> {
    let before = |k: usize| i.checked_sub(k).map(|j| toks[j].norm.as_str());
    Some(match toks[i].norm.as_str() {
        "all" | "every" | "each" => 5,
        // "The most important" is a superlative, not a share.
        "most" if before(1) != Some("the") => 4,
        "many" => 3,
        "some" | "several" => 2,
        "few" if before(1) == Some("a") && before(2) == Some("quite") => 3,
        "few" if before(1) == Some("a") => 2,
        "few" => 1,
        "no" | "none" => 0,
        _ => return None,
    })
}

/// The share of the quantifier or frequency adverb at `i` (`share`, read on its own) with the
/// word before it: a smaller one after "not" where [`crate::lexicon::DENIED_SHARES`] lists the
/// word ("not many" is few), and none after another negation, which the negation check compares.
pub(super) fn denied(toks: &[Token], i: usize, share: Option<u8>) -> Option<u8> {
    let share = share?;
    match i.checked_sub(1).map(|j| &toks[j]) {
        Some(cue) if cue.negation => crate::lexicon::denied_share(&cue.norm, &toks[i].norm),
        _ => Some(share),
    }
}

/// True when the word at `i` is a share made smaller by the "not" before it ("not many").
pub(super) fn denied_share_at(toks: &[Token], i: usize) -> bool {
    i > 0 && crate::lexicon::denied_share(&toks[i - 1].norm, &toks[i].norm).is_some()
}

/// The words that give the share at `i`, from `text`: "not many" with its cue, else the word.
fn share_words<'t>(text: &'t str, toks: &[Token], i: usize) -> &'t str {
    let start = if denied_share_at(toks, i) {
        toks[i - 1].span.start
    } else {
        toks[i].span.start
    };
    &text[start..toks[i].span.end]
}

/// How often a frequency adverb says something happens, on the scale of [`quantifier_share`]:
/// "always" 5, "usually" 4, "often" 3, "sometimes" 2, "rarely" 1, "never" 0.
fn frequency_share(t: &Token) -> Option<u8> {
    Some(match t.norm.as_str() {
        "always" | "invariably" => 5,
        "usually" | "normally" | "generally" | "mostly" | "typically" => 4,
        "often" | "frequently" | "regularly" => 3,
        "sometimes" | "occasionally" => 2,
        "rarely" | "seldom" | "hardly" => 1,
        "never" => 0,
        _ => return None,
    })
}

/// Two shares that say different things of a group or of how often. "Many" and "often" are
/// vague enough to stand for the share on either side of them; every other change is a
/// different claim ("some of the nurses" for "all of them").
fn shares_differ(a: u8, b: u8) -> bool {
    a != b && !matches!((a.min(b), a.max(b)), (2, 3) | (3, 4))
}

/// The words a quantifier at `i` counts, past "of" and a determiner: the content words that
/// follow, up to four ("all of the bakery chain's branches", "few residents spoke"). None when a
/// number follows ("some 200 people" is an estimate).
fn quantified(toks: &[Token], i: usize) -> Option<std::ops::Range<usize>> {
    let mut k = i + 1;
    if toks.get(k).is_some_and(|t| t.norm == "of") {
        k += 1;
    }
    if toks.get(k).is_some_and(|t| {
        matches!(
            t.norm.as_str(),
            "the" | "these" | "those" | "its" | "his" | "her" | "their" | "our" | "my" | "your"
        )
    }) {
        k += 1;
    }
    let word = |t: &Token| t.is_content() && !t.is_digit() && !t.is_number_word();
    let run = toks[k.min(toks.len())..]
        .iter()
        .take(4)
        .take_while(|t| word(t))
        .count();
    (run > 0).then(|| k..k + run)
}

/// A quantifier of the claim counting a word that the passage counts with a quantifier of
/// another share ("some of the nurses were paid" where the passage says "all of the nurses were
/// paid"), or a frequency adverb where the passage has one of another share in its place ("the
/// ferry sometimes leaves on time" for "always"); neither after a negation, except the smaller shares of "not many" and the like ([`denied`]). The counted word
/// places a quantifier, so it may open a sentence (where [`function_opposite`] finds no slot).
pub(super) fn swapped_quantifier(
    view: &ClaimView,
    q: &[f64],
    ptoks: &[Token],
    ptext: &str,
) -> Option<Conflict> {
    for i in 0..view.tokens.len() {
        if !view.outside_quotes(i) {
            continue;
        }
        // The claim's share and the passage's shares in its place.
        let (share, given): (u8, Vec<(usize, u8)>) =
            if let Some(share) = denied(&view.tokens, i, quantifier_share(&view.tokens, i)) {
                let Some(counted) = quantified(&view.tokens, i) else {
                    continue;
                };
                // The passage counts the same thing when its counted words share one of the
                // claim's matched ones.
                let same = |r: std::ops::Range<usize>| {
                    counted.clone().any(|n| {
                        q[n] >= 1.0
                            && ptoks[r.clone()]
                                .iter()
                                .any(|p| p.stem == view.tokens[n].stem)
                    })
                };
                let given = (0..ptoks.len())
                    .filter(|&k| quantified(ptoks, k).is_some_and(same))
                    .filter_map(|k| denied(ptoks, k, quantifier_share(ptoks, k)).map(|s| (k, s)))
                    .collect();
                (share, given)
            } else if let Some(share) = denied(&view.tokens, i, frequency_share(&view.tokens[i])) {
                let Some(r) = slot(view, q, ptoks, i).filter(|r| tight_slot(view, q, ptoks, i, r))
                else {
                    continue;
                };
                let given = r
                    .filter_map(|k| denied(ptoks, k, frequency_share(&ptoks[k])).map(|s| (k, s)))
                    .collect();
                (share, given)
            } else {
                continue;
            };
        // A swap only when no share the passage gives there is the claim's.
        if given.iter().any(|&(_, s)| !shares_differ(s, share)) {
            continue;
        }
        if let Some(&(k, _)) = given.first() {
            return Some(Conflict::said_instead(
                share_words(view.text, &view.tokens, i),
                share_words(ptext, ptoks, k),
                Some("a different share"),
            ));
        }
    }
    None
}
