//! How well a primary word stands for a claim word (the same stem, a spelling or derivational
//! variant, an alias, a WordNet synonym), the keys that skip most pairs unread, and a window's
//! coverage of the claim.

use super::*;

pub(super) fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// How well a primary token stands for a claim token: 1 for the same stem, 0.9 for a spelling
/// or derivational variant ("Sergei"/"Sergey", "Russia"/"Russian"), else 0. Two tokens with the
/// same normal form have the same stem, so that case is settled by the first test.
pub(super) fn word_match(c: &Token, p: &Token, variant: f64) -> f64 {
    if c.stem == p.stem {
        return 1.0;
    }
    if !p.is_content() {
        return 0.0;
    }
    // Every spelling rule needs the same first letter.
    if c.norm.as_bytes().first() == p.norm.as_bytes().first() {
        // Two common nouns of one length that the dictionary tells apart are not one word spelt
        // two ways ("grandpa" for "grandma"). Words of different lengths may be one another's
        // derivations ("nation", "national"), and capitalised ones keep the rule for demonyms
        // ("China", "Chinese").
        if spelling_variant(c, p, variant)
            && (c.capital
                || p.capital
                || c.norm.len() != p.norm.len()
                || !crate::wordnet::distinct_nouns(&c.norm, &p.norm))
        {
            return 0.9;
        }
    } else if (c.capital || p.capital) && c.alias.is_some() && c.alias == p.alias {
        return 0.9;
    }
    // Synonyms from WordNet, when installed, for content words that are not names.
    if !c.capital && c.synset_bits & p.synset_bits != 0 {
        return synonym_match(c, p);
    }
    0.0
}

/// [`word_match`]'s last rule alone: WordNet synonyms (for a claim word that is not a name).
pub(super) fn synonym_match(c: &Token, p: &Token) -> f64 {
    if c.synsets.shared(&p.synsets) {
        SYNONYM_CREDIT
    } else {
        0.0
    }
}

/// Which rules of [`word_match`] may score a pair of words, by their keys.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Rule {
    /// Any of them: the same stem, a spelling variant or an alias may apply.
    Any,
    /// Only the synonym rule ([`synonym_match`]): the keys rule out the others.
    SynonymOnly,
}

/// A claim word as [`ClaimKey::may_match`] compares it with the [`MatchKey`](crate::text::MatchKey)s of primary words.
#[derive(Debug, Clone, Copy)]
pub(super) struct ClaimKey {
    /// [`MatchKey::stem`](crate::text::MatchKey::stem).
    stem: u32,
    /// The first byte of a normal form of at least four bytes, else [`NO_CLAIM_BYTE`].
    first: u8,
    /// 1 + the alias group, else [`NO_CLAIM_BYTE`].
    alias: u8,
    /// The synset summary, or none for a capitalised word (names take no synonyms).
    synset_bits: u64,
}

/// A "none" in a [`ClaimKey`] that equals neither a byte of UTF-8 text nor a "none" of a
/// [`MatchKey`](crate::text::MatchKey).
const NO_CLAIM_BYTE: u8 = 0xFE;

impl ClaimKey {
    pub(super) fn of(c: &Token) -> ClaimKey {
        ClaimKey {
            stem: c.key.stem,
            first: match c.norm.as_bytes() {
                [b, _, _, _, ..] => *b,
                _ => NO_CLAIM_BYTE,
            },
            alias: c.alias.map_or(NO_CLAIM_BYTE, |g| g + 1),
            synset_bits: if c.capital { 0 } else { c.synset_bits },
        }
    }

    /// `None` when [`word_match`] of this claim word and the primary word with key `p` is 0 for
    /// certain: their stems differ and no other rule applies (a spelling rule needs the same first
    /// byte in words of four bytes or more, an alias the same group, a synonym a shared synset
    /// bit, and all three a content word in the primary). Most pairs end here, cheaply. When
    /// only a shared synset bit lets the pair through, only the synonym rule can score it
    /// ([`Rule::SynonymOnly`]: the claim word is no name, as a name's key has no synset bits).
    #[inline]
    pub(super) fn may_match(&self, p: &crate::text::MatchKey) -> Option<Rule> {
        if (p.stem == self.stem) | (p.first == self.first) | (p.alias == self.alias) {
            Some(Rule::Any)
        } else if p.synset_bits & self.synset_bits != 0 {
            Some(Rule::SynonymOnly)
        } else {
            None
        }
    }
}

/// The endings of [`spelling_variant`]'s demonyms and plurals.
pub(super) const DEMONYM_ENDINGS: &[&str] = &[
    "n", "an", "ian", "ans", "ians", "ese", "s", "es", "ish", "i", "is",
];

/// The [`WordFacts::letters`] of the demonym endings together.
const ENDING_LETTERS: u32 = letters_of(DEMONYM_ENDINGS);

/// The [`WordFacts::letters`] of the letters a demonym's base may lose ("China" → "Chin|ese").
const TRIMMED_LETTERS: u32 = letters_of(&["a", "e"]);

/// The [`WordFacts::letters`] of all the words together.
const fn letters_of(words: &[&str]) -> u32 {
    let mut m = 0;
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        let mut j = 0;
        while j < w.len() {
            m |= 1 << (w[j] & 31);
            j += 1;
        }
        i += 1;
    }
    m
}

/// True when two different words with the same first letter are spellings or derivations of one
/// word: a demonym or plural, a long common prefix, or a Jaro-Winkler similarity of `variant`.
pub(super) fn spelling_variant(x: &WordFacts, y: &WordFacts, variant: f64) -> bool {
    let (a, b) = (x.norm.as_str(), y.norm.as_str());
    let short = a.len().min(b.len());
    // The demonym rule needs four letters and the others five.
    if short < 4 {
        return false;
    }
    // Demonyms and plurals: "Asia"/"Asian", "Europe"/"European", "China"/"Chinese".
    let ((shorter, short_letters), (longer, long_letters)) = if a.len() <= b.len() {
        ((a, x.letters), (b, y.letters))
    } else {
        ((b, y.letters), (a, x.letters))
    };
    // A demonym is the shorter word, less its final "a"s and "e"s, and an ending: the shorter has
    // no letter the longer lacks but those, and the longer none the shorter lacks but the
    // endings'. Most pairs fail that, and the words' text is not read.
    let may_be_demonym = match (short_letters, long_letters) {
        (Some(s), Some(l)) => s & !l & !TRIMMED_LETTERS == 0 && l & !s & !ENDING_LETTERS == 0,
        _ => true,
    };
    if may_be_demonym {
        let stem = shorter.trim_end_matches(['a', 'e']);
        if let Some(rest) = longer.strip_prefix(stem) {
            if DEMONYM_ENDINGS.contains(&rest) {
                return true;
            }
        }
    }
    // Four common characters need the same second byte (a first character of two bytes or more
    // differs where its second byte does).
    if short >= 5 && a.as_bytes()[1] == b.as_bytes()[1] && common_prefix(a, b) * 5 >= short * 4 {
        return true;
    }
    short >= 5
        && a.len().abs_diff(b.len()) <= 3
        && letter_bound(x, y) + 1e-9 >= (variant - 0.4) / 0.6
        && jaro_bound(a, b) + 1e-9 >= (variant - 0.4) / 0.6
        && jaro_winkler(a, b) >= variant
}

/// An upper bound on [`jaro_bound`] from the words' letter sets alone, without reading their
/// text: a letter one word has and the other lacks matches nothing, so each such letter of a word
/// takes one from what it may share. `1.0` unless both are ASCII. Most pairs that reach the Jaro
/// rule fail this already.
pub(super) fn letter_bound(a: &WordFacts, b: &WordFacts) -> f64 {
    let (Some(x), Some(y)) = (a.letters, b.letters) else {
        return 1.0;
    };
    let (la, lb) = (a.norm.len(), b.norm.len());
    // Each lacking letter stands for at least one byte of the word that has it.
    let m = (la - (x & !y).count_ones() as usize).min(lb - (y & !x).count_ones() as usize);
    let m = m as f64;
    (m / la as f64 + m / lb as f64 + 1.0) / 3.0
}

/// An upper bound on the Jaro similarity of two words, from their letter counts: the matching
/// characters are at most the letters the words share. Exact for ASCII, `1.0` otherwise. As the
/// Winkler bonus for a common prefix of at most four letters lifts a Jaro score `j` to at most
/// `0.6 j + 0.4`, a Jaro-Winkler score of `v` needs `j >= (v - 0.4) / 0.6`: most pairs fail that
/// and skip the full computation, which allocates.
pub(super) fn jaro_bound(a: &str, b: &str) -> f64 {
    if !a.is_ascii() || !b.is_ascii() {
        return 1.0;
    }
    let mut counts = [0i16; 128];
    for x in a.bytes() {
        counts[usize::from(x)] += 1;
    }
    let mut shared = 0usize;
    for y in b.bytes() {
        let c = &mut counts[usize::from(y)];
        if *c > 0 {
            *c -= 1;
            shared += 1;
        }
    }
    let m = shared as f64;
    (m / a.len() as f64 + m / b.len() as f64 + 1.0) / 3.0
}

/// Credit for a WordNet synonym: less than the same word, since synsets mix senses.
const SYNONYM_CREDIT: f64 = 0.8;

/// Per-sentence match quality of each claim token, computed once per claim and sentence.
pub(super) fn sentence_match(
    primary: &Primary,
    view: &ClaimView,
    s: usize,
    t: &Thresholds,
) -> std::rc::Rc<[f64]> {
    if let Some(q) = view.matches.borrow().get(&s) {
        return q.clone();
    }
    let q = match_sentence(primary, view, s, t);
    view.matches.borrow_mut().insert(s, q.clone());
    q
}

pub(super) fn match_sentence(
    primary: &Primary,
    view: &ClaimView,
    s: usize,
    t: &Thresholds,
) -> std::rc::Rc<[f64]> {
    let range = primary.sentence_tokens[s].clone();
    let ptoks = &primary.tokens[range];
    let (all, content) = primary.sentence_keys(s);
    // Filled in place: one allocation, where a vector turned into an `Rc` would take two.
    let mut q: std::rc::Rc<[f64]> = std::iter::repeat_n(0.0, view.tokens.len()).collect();
    let quality = std::rc::Rc::get_mut(&mut q).expect("a new Rc is not shared");
    for &i in &view.content {
        let c = &view.tokens[i];
        let key = ClaimKey::of(c);
        // A primary word that is not content matches only by having the same stem.
        let candidates = if c.may_share_function_stem() {
            all
        } else {
            content
        };
        let mut best: f64 = 0.0;
        for p in candidates {
            let m = match key.may_match(&p.key) {
                Some(Rule::Any) => word_match(c, &primary.tokens[p.token as usize], t.variant),
                // Nine in ten pairs come here and share no synset: only the synonym lists are
                // read, not the words' text.
                Some(Rule::SynonymOnly) => synonym_match(c, &primary.tokens[p.token as usize]),
                None => continue,
            };
            best = best.max(m);
            if best >= 1.0 {
                break;
            }
        }
        quality[i] = best;
    }
    // "Q3" is "third quarter" and "H1" "first half"; an acronym ("EPS", "YoY") matches the run of
    // words whose initials spell it ("earnings per share", "year over year").
    for (i, a) in &view.abbreviations {
        if quality[*i] < 1.0 && a.spelled_in(ptoks) {
            quality[*i] = 1.0;
        }
    }
    // A number matches the same value however it is written ("sixty-five" and "65").
    if !view.numbers.is_empty() {
        let pnums = primary.sentence_numbers(s);
        for n in &view.numbers {
            if pnums.iter().any(|m| same_number(n, m)) {
                for (i, tok) in view.tokens.iter().enumerate() {
                    if n.span.contains(tok.span) && view.weight[i] > 0.0 {
                        quality[i] = 1.0;
                    }
                }
            }
        }
    }
    q
}

pub(super) fn coverage(view: &ClaimView, quality: &[f64]) -> f64 {
    let total: f64 = view.content.iter().map(|&i| view.weight[i]).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let got: f64 = view
        .content
        .iter()
        .map(|&i| view.weight[i] * quality[i])
        .sum();
    got / total
}
