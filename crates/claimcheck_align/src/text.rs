//! Tokens with byte spans, normalised for matching.
//!
//! A token is a run of letters and digits (with inner apostrophes, and digit groups such as
//! `2,000` or `3.5`). Its normal form folds case and curly apostrophes; its stem is the Snowball
//! English stem, so "escalate" and "escalation" meet. Hyphens and dashes separate tokens, so
//! "Russian-speaking" matches "Russian speaking".

use crate::lexicon::{
    alias_group, digit_ordinal, NEGATIONS, NUMBER_WORDS, ORDINALS, SCALE_WORDS, STOPWORDS,
    YEAR_UNITS,
};
use crate::wordnet::Synsets;
use claimcheck_core::Span;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap as HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, OnceLock};

/// A shared string with its hash computed once: the normal forms and stems of tokens. Comparing
/// two words compares their hashes first, so the common case (different words) costs one integer
/// comparison and no memory access, and cloning a word never allocates.
#[derive(Clone)]
pub(crate) struct Word {
    hash: u64,
    text: Arc<str>,
}

impl Word {
    pub(crate) fn new(text: &str) -> Word {
        Word {
            hash: Word::hash_of(text),
            text: Arc::from(text),
        }
    }

    /// The hash a word of this text has.
    fn hash_of(text: &str) -> u64 {
        let mut h = rustc_hash::FxHasher::default();
        text.hash(&mut h);
        h.finish()
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The hash of the text, computed when the word was made.
    pub(crate) fn hash_value(&self) -> u64 {
        self.hash
    }
}

impl std::ops::Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl PartialEq for Word {
    fn eq(&self, other: &Word) -> bool {
        self.hash == other.hash && (Arc::ptr_eq(&self.text, &other.text) || self.text == other.text)
    }
}

impl Eq for Word {}

impl Hash for Word {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl PartialEq<str> for Word {
    fn eq(&self, other: &str) -> bool {
        &*self.text == other
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        &*self.text == *other
    }
}

impl PartialEq<Word> for &str {
    fn eq(&self, other: &Word) -> bool {
        *self == &*other.text
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.text, f)
    }
}

/// A word of a text: where it is and how it is written there, and what is known of the word
/// itself, shared by every occurrence of it ([`WordFacts`], reached through `Deref`, so that
/// `token.norm` reads the facts). A token is small and copying one takes one reference count.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Where it is in the text.
    pub(crate) span: Span,
    /// Starts with a capital letter.
    pub(crate) capital: bool,
    /// Inside quotation marks in its text.
    pub(crate) quoted: bool,
    /// First token of its sentence (capitalised for grammar, not as a name).
    pub(crate) initial: bool,
    /// A percent sign follows it directly ("22%").
    pub(crate) percent_sign: bool,
    /// The facts of its normal form.
    word: Arc<WordFacts>,
}

// Tokens of a whole primary are read over and over: they stay at 32 bytes.
const _: () = assert!(std::mem::size_of::<Token>() <= 32);

impl std::ops::Deref for Token {
    type Target = WordFacts;
    fn deref(&self) -> &WordFacts {
        &self.word
    }
}

/// What is known of a normal form, wherever it occurs: derived once per worker thread (see
/// [`derive`]) and shared by its tokens.
#[derive(Debug)]
pub(crate) struct WordFacts {
    /// Lowercase, with curly apostrophes folded to `'` and a possessive `'s` removed.
    pub(crate) norm: Word,
    /// Snowball stem of `norm`.
    pub(crate) stem: Word,
    /// A function word.
    pub(crate) stop: bool,
    /// A negation cue.
    pub(crate) negation: bool,
    /// WordNet synset ids of the word (sorted; empty without WordNet or for function words).
    pub(crate) synsets: Synsets,
    /// A 64-bit summary of `synsets` (one bit per id, hashed): two words whose summaries share
    /// no bit share no synset, which settles most comparisons without reading the lists.
    pub(crate) synset_bits: u64,
    /// The set of common alternative names ("Kremlin", "Moscow", "Russia") it belongs to.
    pub(crate) alias: Option<u8>,
    /// The classes of the normal form's bytes (the low five bits of each, so the 26 letters
    /// apart), one bit each, when it is ASCII: what word matching reads to rule out a spelling
    /// variant without reading the text.
    pub(crate) letters: Option<u32>,
    /// What the normal form is, as bits ([`DIGIT`], [`CONTENT`], [`NUMBER_WORD`], …): tests that
    /// run for every token, answered once per distinct word.
    pub(crate) facts: u8,
    /// What word matching needs to know of it as a word of the primary, in 16 bytes.
    pub(crate) key: MatchKey,
}

/// The facts about a token that decide whether it can match a claim word at all, packed so that
/// comparing a claim word with each word of a sentence reads 16 bytes per word and no string.
///
/// A primary word that is not content matches only a claim word with the same stem, so its
/// other fields are blank: [`NO_BYTE`], no alias, no synset bits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct MatchKey {
    /// The low 32 bits of the stem's hash: equal stems have equal hashes.
    pub(crate) stem: u32,
    /// The first byte of the normal form when it has at least four bytes (the shortest words a
    /// spelling rule compares), else [`NO_BYTE`].
    pub(crate) first: u8,
    /// 1 + the alias group ([`WordFacts::alias`]), 0 for none.
    pub(crate) alias: u8,
    /// [`WordFacts::synset_bits`].
    pub(crate) synset_bits: u64,
}

/// [`MatchKey::first`] of a short word: no byte of UTF-8 text is `0xFF`.
pub(crate) const NO_BYTE: u8 = 0xFF;

impl MatchKey {
    /// The key of a primary word with these facts.
    fn new(norm: &str, stem: &Word, content: bool, alias: Option<u8>, synset_bits: u64) -> Self {
        let first = match norm.as_bytes() {
            [b, _, _, _, ..] if content => *b,
            _ => NO_BYTE,
        };
        MatchKey {
            // Truncated on purpose: a key only narrows the words to compare.
            stem: stem.hash as u32,
            first,
            alias: alias.filter(|_| content).map_or(0, |g| g + 1),
            synset_bits: if content { synset_bits } else { 0 },
        }
    }
}

/// [`Token::facts`]: the normal form starts with an ASCII digit.
const DIGIT: u8 = 1;
/// [`Token::facts`]: a word that carries content (see [`Token::is_content`]).
const CONTENT: u8 = 1 << 1;
/// [`Token::facts`]: a number word such as "three" ([`NUMBER_WORDS`]).
const NUMBER_WORD: u8 = 1 << 2;
/// [`Token::facts`]: a scale such as "million" ([`SCALE_WORDS`]).
const SCALE_WORD: u8 = 1 << 3;
/// [`Token::facts`]: a unit of years such as "decade" ([`YEAR_UNITS`]).
const YEAR_UNIT: u8 = 1 << 4;

/// [`Token::facts`]: the stem is also the stem of a word that is not content (see
/// [`Token::may_share_function_stem`]).
const FUNCTION_STEM: u8 = 1 << 5;

/// The stems of every normal form that is not content: the function words, the negations and the
/// lone letters (a lone digit is content).
fn function_stems() -> &'static HashMap<Box<str>, ()> {
    static STEMS: OnceLock<HashMap<Box<str>, ()>> = OnceLock::new();
    STEMS.get_or_init(|| {
        let letters: Vec<String> = ('a'..='z').map(String::from).collect();
        (STOPWORDS.iter().chain(NEGATIONS).copied())
            .chain(letters.iter().map(String::as_str))
            .map(|w| (stem_uncached(w).into_boxed_str(), ()))
            .collect()
    })
}

/// The [`Token::facts`] of a normal form.
fn facts(norm: &str, stop: bool, negation: bool) -> u8 {
    let digit = norm.starts_with(|c: char| c.is_ascii_digit());
    let content = !stop && !negation && (norm.len() > 1 || digit);
    let mut f = 0;
    for (yes, bit) in [
        (digit, DIGIT),
        (content, CONTENT),
        (number_word(norm).is_some(), NUMBER_WORD),
        (scale_word(norm).is_some(), SCALE_WORD),
        (year_unit(norm).is_some(), YEAR_UNIT),
    ] {
        if yes {
            f |= bit;
        }
    }
    f
}

impl Token {
    /// Where its [`WordFacts`] are: tokens with the same address have the same facts (tokens
    /// of one normal form mostly share one copy, but need not).
    pub(crate) fn facts_address(&self) -> usize {
        Arc::as_ptr(&self.word) as usize
    }

    /// A word that carries content: not a function word, not a lone letter.
    pub(crate) fn is_content(&self) -> bool {
        self.facts & CONTENT != 0
    }

    /// The stem is the stem of some word that is not content (a function word, a negation, a
    /// lone letter), as "others" shares "other"'s. A word for which this is false matches no
    /// such word, as no rule of word matching but the same stem applies to them.
    pub(crate) fn may_share_function_stem(&self) -> bool {
        self.facts & FUNCTION_STEM != 0
    }

    /// The normal form starts with a digit.
    pub(crate) fn is_digit(&self) -> bool {
        self.facts & DIGIT != 0
    }

    /// A number word ("three"): one of [`NUMBER_WORDS`].
    pub(crate) fn is_number_word(&self) -> bool {
        self.facts & NUMBER_WORD != 0
    }

    /// The value of a number word ("three").
    pub(crate) fn number_word(&self) -> Option<f64> {
        self.is_number_word()
            .then(|| number_word(&self.norm))
            .flatten()
    }

    /// The factor of a scale word ("million").
    fn scale_word(&self) -> Option<f64> {
        (self.facts & SCALE_WORD != 0)
            .then(|| scale_word(&self.norm))
            .flatten()
    }

    /// The years of a unit of time ("decade").
    fn year_unit(&self) -> Option<f64> {
        (self.facts & YEAR_UNIT != 0)
            .then(|| year_unit(&self.norm))
            .flatten()
    }

    /// A capitalised word that is not merely sentence-initial: a name, place or organisation.
    pub(crate) fn is_name(&self) -> bool {
        self.capital && !self.initial && !self.stop && !self.is_digit()
    }
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The character at byte `i` of `s` and its length in bytes, or `None` at the end; ASCII
/// without decoding.
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = s[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '«' | '„' | '‘')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '»' | '’')
}

/// What is derived from a word's normal form (its stem, its WordNet synsets, whether it is a
/// function word) is cached: texts repeat words, and these lookups are the costliest per-token
/// steps. The cache is per thread and outlives a document, so a batch of pairs on the same worker
/// thread stems each word once; it is cleared when it grows past `CACHE_LIMIT` words so that
/// memory stays bounded over any corpus.
///
/// Most words a thread's cache holds before it starts afresh.
const CACHE_LIMIT: usize = 200_000;

thread_local! {
    /// The facts of every normal form seen, with the normal form's hash and first bytes beside
    /// them, so that a look-up compares the entry itself and follows no pointer unless the word
    /// is longer than [`KEY_BYTES`]: a token is looked up here, and with thousands of words in
    /// the cache, reading the facts and then the text behind them cost two cache misses a token.
    static DERIVED: std::cell::RefCell<hashbrown::HashTable<Cached>> =
        const { std::cell::RefCell::new(hashbrown::HashTable::new()) };
}

/// Bytes of a normal form kept in its cache entry: nearly every word fits, and an entry is then
/// 32 bytes, two to a cache line (a look-up of a word not seen lately costs a cache miss, and an
/// entry that straddled two lines cost two).
const KEY_BYTES: usize = 16;

/// A normal form's first [`KEY_BYTES`] bytes, padded with zeros (no normal form holds a zero
/// byte, so two forms that fit are equal exactly when their keys are).
fn key_of(norm: &str) -> [u8; KEY_BYTES] {
    let mut key = [0u8; KEY_BYTES];
    let n = norm.len().min(KEY_BYTES);
    key[..n].copy_from_slice(&norm.as_bytes()[..n]);
    key
}

/// An entry of the word cache.
#[repr(align(32))]
struct Cached {
    hash: u64,
    key: [u8; KEY_BYTES],
    facts: Arc<WordFacts>,
}

/// The facts of a normal form, from the thread's cache.
fn derive(norm: &str) -> Arc<WordFacts> {
    let hash = Word::hash_of(norm);
    let key = key_of(norm);
    let is = |c: &Cached| {
        c.hash == hash && c.key == key && (norm.len() <= KEY_BYTES || c.facts.norm.as_str() == norm)
    };
    if let Some(f) = DERIVED.with(|m| m.borrow().find(hash, is).map(|c| c.facts.clone())) {
        return f;
    }
    let facts = Arc::new(derive_uncached(norm, hash));
    DERIVED.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= CACHE_LIMIT {
            m.clear();
        }
        let entry = Cached {
            hash,
            key,
            facts: facts.clone(),
        };
        m.insert_unique(hash, entry, |c| c.hash);
    });
    facts
}

/// The facts of a normal form whose [`Word`] hash is `hash`.
fn derive_uncached(norm: &str, hash: u64) -> WordFacts {
    let stop = STOPWORDS.contains(&norm);
    let synsets = Synsets::new(
        if stop || norm.len() < 3 || !norm.chars().all(char::is_alphabetic) {
            Vec::new()
        } else {
            crate::wordnet::synset_ids(norm)
        },
    );
    let negation = NEGATIONS.contains(&norm);
    let stem = Word::new(&stem_uncached(norm));
    let synset_bits = crate::wordnet::synset_bits(synsets.ids());
    let alias = alias_group(norm);
    let mut facts = facts(norm, stop, negation);
    if function_stems().contains_key(stem.as_str()) {
        facts |= FUNCTION_STEM;
    }
    WordFacts {
        key: MatchKey::new(norm, &stem, facts & CONTENT != 0, alias, synset_bits),
        norm: Word {
            hash,
            text: Arc::from(norm),
        },
        stem,
        letters: norm
            .is_ascii()
            .then(|| norm.bytes().fold(0, |m, b| m | 1 << (b & 31))),
        synset_bits,
        synsets,
        stop,
        negation,
        alias,
        facts,
    }
}

pub(crate) fn stem_uncached(norm: &str) -> String {
    if norm.starts_with(|c: char| c.is_ascii_digit()) {
        // "4th" is "fourth" in other letters, and matches it.
        if let Some(word) = digit_ordinal(norm).and_then(|r| ORDINALS.get(r.wrapping_sub(1))) {
            return stemmer().stem(word).into_owned();
        }
        return norm.replace(',', "");
    }
    // The stemmer keeps the "s" of a word with no vowel before it, which leaves the plural of
    // an acronym apart from its singular ("CNNs", "PhDs", "MPs"): drop it here.
    if let Some(single) = norm.strip_suffix('s') {
        if single.len() >= 2
            && (single.bytes()).all(|b| b.is_ascii_alphabetic() && !b"aeiouy".contains(&b))
        {
            return single.to_string();
        }
    }
    stemmer().stem(norm).into_owned()
}

/// Tokenizes `text[span]`, marking tokens inside quotation marks and sentence-initial tokens.
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<Token> {
    // Words run some six bytes with their spaces: room for that many, so the vector seldom grows.
    let mut out = Vec::with_capacity(span.len() / 5 + 1);
    tokenize_into(text, span, &mut out, &mut String::new());
    out
}

/// Like `tokenize`, appending to `out` (one growing vector for a whole primary); `norm` is a
/// buffer for normal forms that the caller may reuse.
pub(crate) fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>, norm: &mut String) {
    scan::<true>(text, span, out, norm);
}

/// [`tokenize_into`], with the shortcut for plain ASCII words when `PLAIN_WORDS` (the tests
/// compare it with the general path).
fn scan<const PLAIN_WORDS: bool>(text: &str, span: Span, out: &mut Vec<Token>, norm: &mut String) {
    let slice = &text[span.range()];
    let bytes = slice.as_bytes();
    let mut in_quote = false;
    let mut prev: Option<char> = None;
    let mut sentence_start = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Most words are ASCII letters and digits up to an ASCII character that neither joins
        // them on (an apostrophe, or in a number a comma or point) nor starts another word: such
        // a word is its own normal form in lower case, one token, and is made here directly.
        if PLAIN_WORDS && ALPHANUMERIC[usize::from(b)] {
            let rest = bytes[i + 1..]
                .iter()
                .take_while(|&&d| ALPHANUMERIC[usize::from(d)]);
            let end = i + 1 + rest.count();
            let plain = bytes.get(end).is_none_or(|&d| {
                d.is_ascii() && d != b'\'' && !(b.is_ascii_digit() && (d == b',' || d == b'.'))
            });
            if plain {
                norm.clear();
                norm.push_str(&slice[i..end]);
                norm.make_ascii_lowercase();
                let at = Span::new(span.start + i, span.start + end);
                let capital = b.is_ascii_uppercase();
                out.push(make(norm, at, in_quote, sentence_start, capital));
                mark_percent(out, bytes, end);
                sentence_start = false;
                prev = Some(char::from(bytes[end - 1]));
                i = end;
                continue;
            }
        }
        // ASCII is read without decoding: its word characters are its letters and digits, and
        // its only marks are the straight double quote and the sentence ends.
        let (c, len) = if b.is_ascii() {
            (char::from(b), 1)
        } else {
            let c = slice[i..].chars().next().expect("i is a char boundary");
            (c, c.len_utf8())
        };
        if is_word_char(c) {
            let end = word_end(slice, i + len, c.is_ascii_digit());
            let word = &slice[i..end];
            push_word(word, span.start + i, out, norm, in_quote, sentence_start);
            mark_percent(out, bytes, end);
            sentence_start = false;
            prev = word.chars().next_back();
            i = end;
            continue;
        }
        mark(c, prev, &mut in_quote, &mut sentence_start);
        prev = Some(c);
        i += len;
    }
}

/// Marks the last token pushed when a percent sign follows it at byte `end` ("22%").
fn mark_percent(out: &mut [Token], bytes: &[u8], end: usize) {
    if bytes.get(end) == Some(&b'%') {
        if let Some(t) = out.last_mut() {
            t.percent_sign = true;
        }
    }
}

/// The ASCII letters and digits, by byte: `u8::is_ascii_alphanumeric` in one look-up, for the
/// loops that run over every byte of a primary's words.
const ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// What a character between words does: quotation marks open or close a quotation (a straight
/// double quote opens after whitespace or an opening bracket and closes otherwise), and a
/// sentence end makes the next word sentence-initial.
fn mark(c: char, prev: Option<char>, in_quote: &mut bool, sentence_start: &mut bool) {
    if c == '"' {
        *in_quote = match prev {
            None => true,
            Some(p) if p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–') => true,
            _ => false,
        };
    } else if is_open_quote(c) && c != '‘' {
        *in_quote = true;
    } else if is_close_quote(c) && c != '’' {
        *in_quote = false;
    } else if matches!(c, '.' | '!' | '?') {
        *sentence_start = true;
    }
}

/// The end of the word whose characters run on from byte `end` of `slice`, with inner
/// apostrophes ("don't", "Russia’s") and, in a number (`digit`), digit groups ("2,000", "3.5").
fn word_end(slice: &str, mut end: usize, digit: bool) -> usize {
    let bytes = slice.as_bytes();
    loop {
        // Runs of ASCII letters and digits, most of every word, byte by byte.
        while bytes
            .get(end)
            .is_some_and(|&d| ALPHANUMERIC[usize::from(d)])
        {
            end += 1;
        }
        let Some((d, d_len)) = char_at(slice, end) else {
            return end;
        };
        if is_word_char(d) {
            end += d_len;
            continue;
        }
        let apostrophe = is_apostrophe(d);
        if apostrophe || (digit && (d == ',' || d == '.')) {
            let joins = match char_at(slice, end + d_len) {
                Some((n, _)) if apostrophe => n.is_alphabetic(),
                Some((n, _)) => n.is_ascii_digit(),
                None => false,
            };
            if joins {
                end += d_len;
                continue;
            }
        }
        return end;
    }
}

/// Appends the token(s) of one word; `norm` is a reused buffer for its normal form.
fn push_word(
    word: &str,
    start: usize,
    out: &mut Vec<Token>,
    norm: &mut String,
    quoted: bool,
    initial: bool,
) {
    norm.clear();
    if word.is_ascii() {
        norm.push_str(word);
        norm.make_ascii_lowercase();
    } else {
        norm.extend(
            word.chars()
                .map(|c| if c == '’' { '\'' } else { c })
                .flat_map(char::to_lowercase),
        );
    }
    let capital = word.starts_with(char::is_uppercase);
    let mut len = word.len();
    // Split "don't" into "do" + "n't" so the negation is a token of its own.
    if let Some(base) = norm.strip_suffix("n't") {
        if !base.is_empty() {
            let base_len = len - "n't".len() - usize::from(word.contains('’')) * 2;
            let base = match base {
                "ca" => "can",
                "wo" => "will",
                "sha" => "shall",
                b => b,
            };
            out.push(make(
                base,
                Span::new(start, start + base_len),
                quoted,
                initial,
                capital,
            ));
            let neg_span = Span::new(start + base_len, start + len);
            out.push(make("n't", neg_span, quoted, false, false));
            return;
        }
    }
    if norm.ends_with("'s") {
        norm.truncate(norm.len() - 2);
        len -= if word.ends_with("’s") { 4 } else { 2 };
    } else if norm.ends_with("s'") {
        norm.truncate(norm.len() - 1);
    }
    out.push(make(
        norm.as_str(),
        Span::new(start, start + len),
        quoted,
        initial,
        capital,
    ));
}

fn make(norm: &str, span: Span, quoted: bool, initial: bool, capital: bool) -> Token {
    Token {
        span,
        capital,
        quoted,
        initial,
        percent_sign: false,
        word: derive(norm),
    }
}

/// A number found in a text, normalised so that "five centuries" and "500 years" compare equal.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    /// The value.
    pub(crate) value: f64,
    /// Where it is.
    pub(crate) span: Span,
    /// A year such as 2014 (compared only with other years).
    pub(crate) year: bool,
    /// A percentage.
    pub(crate) percent: bool,
    /// A time of day ("5:30pm", "2 p.m.", "17:00"): `value` is then minutes after midnight. `Some(true)`
    /// when the text says which half of the day (a marker, or an hour past twelve), `Some(false)`
    /// when it does not ("at 5:30"): the value is then read as written, before noon.
    pub(crate) clock: Option<bool>,
}

/// Looks a word up in a (word, value) table, through a hash map built on first use: these
/// lookups run for every token of the primary.
fn lookup(
    cell: &'static OnceLock<HashMap<&'static str, f64>>,
    table: &'static [(&'static str, f64)],
    w: &str,
) -> Option<f64> {
    cell.get_or_init(|| table.iter().copied().collect())
        .get(w)
        .copied()
}

fn number_word(w: &str) -> Option<f64> {
    static MAP: OnceLock<HashMap<&'static str, f64>> = OnceLock::new();
    lookup(&MAP, NUMBER_WORDS, w)
}

fn scale_word(w: &str) -> Option<f64> {
    static MAP: OnceLock<HashMap<&'static str, f64>> = OnceLock::new();
    lookup(&MAP, SCALE_WORDS, w)
}

fn year_unit(w: &str) -> Option<f64> {
    static MAP: OnceLock<HashMap<&'static str, f64>> = OnceLock::new();
    lookup(&MAP, YEAR_UNITS, w)
}

/// "Half" after an ordinal ("the second half", "2nd half") is a period, not a quantity.
fn ranked_half(tokens: &[Token], i: usize) -> bool {
    tokens[i].norm.as_str() == "half"
        && i > 0
        && (ORDINALS.contains(&tokens[i - 1].norm.as_str())
            || digit_ordinal(tokens[i - 1].norm.as_str()).is_some())
}

/// Finds the numbers in a token sequence: digits, number words ("three hundred"), scales
/// ("2.5 million") and year units ("five centuries" = 500).
pub(crate) fn numbers(tokens: &[Token]) -> Vec<Number> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((clock, next)) = clock_at(tokens, i) {
            out.push(clock);
            i = next;
            continue;
        }
        let t = &tokens[i];
        let mut value: Option<f64> = None;
        // Two number words that do not add up ("twelve fifty"): the pair and where it ends.
        let mut spoken: Option<(f64, f64, usize)> = None;
        let start = t.span.start;
        let mut end = t.span.end;
        let mut j = i;
        if t.is_digit() {
            let digits: String = t.norm.chars().filter(|c| *c != ',').collect();
            let digits = digits.trim_end_matches(|c: char| !c.is_ascii_digit());
            // Ordinals and codes such as "2nd" or "5g" are not quantities to compare, but money
            // shorthand such as "48.6m" or "5bn" is.
            if t.norm
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            {
                value = digits.parse::<f64>().ok();
            } else if let Some((num, scale)) = [("bn", 1e9), ("m", 1e6), ("k", 1e3), ("tn", 1e12)]
                .iter()
                .find_map(|(suffix, scale)| t.norm.strip_suffix(suffix).map(|n| (n, *scale)))
            {
                let num: String = num.chars().filter(|c| *c != ',').collect();
                value = num.parse::<f64>().ok().map(|v| v * scale);
            }
            j = i + 1;
        } else if let Some(v) = times_per(tokens, i) {
            // "Twice a day" is two times a day.
            value = Some(v);
            j = i + 1;
        } else if let Some(v) =
            (t.number_word().filter(|_| !ranked_half(tokens, i))).or_else(|| {
                // "one hundred", "a thousand", "hundred" alone start a number too.
                if !matches!(t.norm.as_str(), "one" | "a") {
                    return None;
                }
                let next = tokens.get(i + 1)?;
                let scaled = next.scale_word().is_some_and(|s| s >= 100.0) && next.norm.len() > 1;
                scaled.then_some(1.0)
            })
        {
            let mut total = 0.0;
            let mut current = v;
            j = i + 1;
            while j < tokens.len() {
                let w = tokens[j].norm.as_str();
                if let Some(v) = tokens[j].number_word() {
                    // "fifty two" and "a hundred twelve" add up; "twelve fifty" (a spoken price,
                    // 12.50, or year, 1250) does not: it is read both ways below.
                    let adds = current == 0.0
                        || (current % 100.0 == 0.0 && v < 100.0)
                        || (current % 10.0 == 0.0 && current % 100.0 >= 20.0 && v < 10.0);
                    if !adds {
                        if total == 0.0
                            && (1.0..100.0).contains(&current)
                            && (10.0..100.0).contains(&v)
                        {
                            spoken = Some((current, v, tokens[j].span.end));
                        }
                        break;
                    }
                    current += v;
                } else if w == "one" && j > i {
                    current += 1.0;
                } else if let Some(s) = tokens[j].scale_word().filter(|_| w.len() > 1) {
                    if s >= 1000.0 {
                        total += current * s;
                        current = 0.0;
                    } else {
                        current *= s;
                    }
                } else if w == "and"
                    && j + 1 < tokens.len()
                    && tokens[j + 1].number_word().is_some()
                {
                } else {
                    break;
                }
                end = tokens[j].span.end;
                j += 1;
            }
            value = Some(total + current);
        }
        let Some(mut v) = value else {
            i += 1;
            continue;
        };
        let mut year = t.is_digit() && t.norm.len() == 4 && (1000.0..=2200.0).contains(&v);
        let mut percent = false;
        if let Some(next) = tokens.get(j) {
            if let Some(s) = next.scale_word() {
                v *= s;
                end = next.span.end;
                j += 1;
                year = false;
            }
        }
        if let Some(next) = tokens.get(j) {
            if let Some(k) = next.year_unit() {
                v *= k;
                end = next.span.end;
                year = false;
            } else if next.norm == "percent" || next.norm == "per" {
                percent = true;
            } else if basis_points(tokens, j) {
                // "Up 80 basis points" is up 0.8 percentage points; the unit stays in the
                // number's text, so that a reason quoting it is not read as 80 percent.
                v /= 100.0;
                percent = true;
                end = tokens[if next.norm == "basis" { j + 1 } else { j }]
                    .span
                    .end;
            } else if next.norm == "percentage"
                && tokens
                    .get(j + 1)
                    .is_some_and(|p| matches!(p.norm.as_str(), "point" | "points"))
            {
                percent = true;
            }
        }
        // "22%": the sign follows the number's last token, and is part of the number's text.
        if tokens[j.max(i + 1) - 1].percent_sign && end == tokens[j.max(i + 1) - 1].span.end {
            percent = true;
            end += 1;
        }
        out.push(Number {
            value: v,
            span: Span::new(start, end),
            year,
            percent,
            clock: None,
        });
        if let Some((a, b, pair_end)) = spoken.filter(|_| end == tokens[j - 1].span.end) {
            // "Twelve fifty" is 12.50 or 1250; the words are also read one by one.
            for value in [a + b / 100.0, a * 100.0 + b] {
                out.push(Number {
                    value,
                    span: Span::new(start, pair_end),
                    year: false,
                    percent: false,
                    clock: None,
                });
            }
        }
        i = j.max(i + 1);
    }
    add_subunits(tokens, &mut out);
    out
}

/// The count of "twice" (2) or "thrice" (3) when a rate follows ("twice a day", "twice per
/// week", "twice every year"): as a multiplier ("twice as important") it counts nothing.
fn times_per(tokens: &[Token], i: usize) -> Option<f64> {
    let v = match tokens[i].norm.as_str() {
        "twice" => 2.0,
        "thrice" => 3.0,
        _ => return None,
    };
    let next = tokens.get(i + 1)?.norm.as_str();
    let unit = tokens.get(i + 2).map_or("", |t| t.norm.as_str());
    let rate = matches!(next, "daily" | "weekly" | "monthly" | "yearly" | "annually")
        || (matches!(next, "a" | "an" | "per" | "every" | "each") && !unit.is_empty());
    rate.then_some(v)
}

/// True when the tokens from `j` on are a unit of basis points (hundredths of a percentage
/// point): "basis point(s)", "bps" or "bp".
fn basis_points(tokens: &[Token], j: usize) -> bool {
    match tokens.get(j).map(|t| t.norm.as_str()) {
        Some("bps" | "bp") => true,
        Some("basis") => tokens
            .get(j + 1)
            .is_some_and(|p| matches!(p.norm.as_str(), "point" | "points")),
        _ => false,
    }
}

/// Which half of the day a marker says: "am"/"a.m." before noon, "pm"/"p.m." after.
#[derive(Clone, Copy, PartialEq)]
enum Half {
    Am,
    Pm,
}

/// Splits a marker off the end of a digit token: "2pm" → ("2", pm), "30am" → ("30", am).
fn split_half(norm: &str) -> (&str, Option<Half>) {
    if let Some(d) = norm.strip_suffix("pm") {
        (d, Some(Half::Pm))
    } else if let Some(d) = norm.strip_suffix("am") {
        (d, Some(Half::Am))
    } else {
        (norm, None)
    }
}

/// Whether token `b` starts at most `gap` bytes after token `a` ends.
fn close(a: &Token, b: &Token, gap: usize) -> bool {
    b.span.start >= a.span.end && b.span.start - a.span.end <= gap
}

/// The half of the day said by the tokens from `j` on, right after `last`: "pm", "p.m.", and
/// how many tokens say it.
fn half_after(tokens: &[Token], last: &Token, j: usize) -> Option<(Half, usize)> {
    let u = tokens.get(j).filter(|u| close(last, u, 1))?;
    let half = match u.norm.as_str() {
        "am" | "a" => Half::Am,
        "pm" | "p" => Half::Pm,
        _ => return None,
    };
    // "pm" is one token, "p.m." two.
    if u.norm.len() == 2 {
        Some((half, 1))
    } else {
        let m = tokens.get(j + 1)?;
        (m.norm == "m" && close(u, m, 1)).then_some((half, 2))
    }
}

/// A time of day written with digits at token `i`, and the index of the token after it:
/// "5:30pm", "5.30 PM", "2 p.m.", "5pm", "17:00", "5 o'clock", and the first hour of a range
/// such as "5-8 pm", which takes the marker of the second. A bare "5.30" stays a decimal.
fn clock_at(tokens: &[Token], i: usize) -> Option<(Number, usize)> {
    let t = &tokens[i];
    if !t.is_digit() {
        return None;
    }
    let digits = |s: &str, most: usize| {
        (!s.is_empty() && s.len() <= most && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (text, mut half) = split_half(&t.norm);
    let mut j = i + 1;
    let mut last = t;
    // "5:30" is two tokens, the colon between them; "5.30" one.
    let mut minutes_given = false;
    let dotted = text.contains('.');
    let (hour, minute) = if let Some((h, m)) = text.split_once('.') {
        if m.len() != 2 {
            return None;
        }
        (digits(h, 2)?, digits(m, 2)?)
    } else {
        let h = digits(text, 2)?;
        let mut m = 0;
        if half.is_none() {
            if let Some(u) = tokens
                .get(j)
                .filter(|u| u.is_digit() && close(t, u, 1) && u.span.start > t.span.end)
            {
                let (mt, mh) = split_half(&u.norm);
                if mt.len() == 2 {
                    if let Some(v) = digits(mt, 2) {
                        m = v;
                        half = mh;
                        minutes_given = true;
                        last = u;
                        j += 1;
                    }
                }
            }
        }
        (h, m)
    };
    if hour > 24 || minute >= 60 {
        return None;
    }
    if half.is_none() {
        if let Some((h, n)) = half_after(tokens, last, j) {
            half = Some(h);
            j += n;
        } else if tokens
            .get(j)
            .is_some_and(|u| u.norm == "o'clock" && close(last, u, 1))
        {
            j += 1;
            minutes_given = true;
        } else if !minutes_given && !dotted {
            // "5-8 pm": the first hour of a range takes the second's marker.
            if !tokens
                .get(j)
                .is_some_and(|u| u.is_digit() && close(t, u, 3))
            {
                return None;
            }
            let (second, _) = clock_at(tokens, j)?;
            if second.clock != Some(true) || hour == 0 || hour > 12 {
                return None;
            }
            let second_hour = (second.value as u32 / 60) % 12;
            half = Some(if second.value >= 720.0 {
                Half::Pm
            } else {
                Half::Am
            });
            if hour % 12 >= second_hour && second_hour != 0 {
                return None;
            }
        }
    }
    let (value, marked) = match half {
        Some(_) if hour == 0 || hour > 12 => return None,
        Some(h) => (
            (hour % 12) * 60 + minute + if h == Half::Pm { 720 } else { 0 },
            true,
        ),
        None if !minutes_given || dotted => return None,
        None => (hour * 60 + minute, hour == 0 || hour > 12),
    };
    let end = tokens[j - 1].span.end;
    Some((
        Number {
            value: f64::from(value),
            span: Span::new(t.span.start, end),
            year: false,
            percent: false,
            clock: Some(marked),
        },
        j,
    ))
}

/// "Twelve euros and fifty cents" is also 12.50: for a number, a currency, an optional "and", a
/// number below 100 and a subunit, adds the amount in the larger unit.
fn add_subunits(tokens: &[Token], out: &mut Vec<Number>) {
    const CURRENCIES: &[&str] = &[
        "euro", "euros", "pound", "pounds", "dollar", "dollars", "franc", "francs",
    ];
    const SUBUNITS: &[&str] = &["cent", "cents", "centime", "centimes", "pence", "penny"];
    let at = |pos: usize| tokens.iter().position(|t| t.span.start >= pos);
    let mut found = Vec::new();
    for pair in out.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (Some(i), Some(j)) = (at(a.span.end), at(b.span.start)) else {
            continue;
        };
        let Some(between) = tokens.get(i..j) else {
            continue; // overlapping readings of one number ("twelve fifty")
        };
        let between: Vec<&str> = between.iter().map(|t| t.norm.as_str()).collect();
        let linked = match between.as_slice() {
            [c] | [c, "and"] => CURRENCIES.contains(c),
            _ => false,
        };
        let sub = at(b.span.end).and_then(|k| tokens.get(k));
        if linked
            && (1.0..100.0).contains(&b.value)
            && sub.is_some_and(|t| SUBUNITS.contains(&t.norm.as_str()))
        {
            found.push(Number {
                value: a.value + b.value / 100.0,
                span: Span::new(a.span.start, sub.map_or(b.span.end, |t| t.span.end)),
                year: false,
                percent: false,
                clock: None,
            });
        }
    }
    out.extend(found);
}

/// For each token, whether a negation cue governs it: a cue negates the next few tokens of its
/// clause ("will not be the first to escalate" negates "escalate"), except in idioms such as
/// "no other" or "not only".
#[cfg(test)]
pub(crate) fn negated(text: &str, tokens: &[Token]) -> Vec<bool> {
    negation_strength(text, tokens)
        .into_iter()
        .map(|n| n > 0)
        .collect()
}

/// Like [`negated`], but 2 for a denial ("not", "never", "no") and 1 for a contrast that
/// paraphrases one ("rather than", "instead of", "lacks"): a contrast agrees with a denial but is
/// too weak to contradict a plain statement on its own.
pub(crate) fn negation_strength(text: &str, tokens: &[Token]) -> Vec<u8> {
    const SCOPE: usize = 5;
    let mut out = vec![0u8; tokens.len()];
    for (i, t) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1).map_or("", |n| n.norm.as_str());
        // Paraphrases of "not": "rather than", "instead of", "lacks".
        let paraphrase = (t.norm == "rather" && next == "than")
            || (t.norm == "instead" && next == "of")
            || matches!(t.norm.as_str(), "lack" | "lacks" | "lacked" | "lacking");
        // Verbs of denial: "rules out a rise" says there will be no rise, "refused to sign" that
        // nobody signed.
        let denial = (matches!(t.norm.as_str(), "rule" | "rules" | "ruled" | "ruling")
            && next == "out")
            || (matches!(
                t.norm.as_str(),
                "refuse" | "refuses" | "refused" | "refusing" | "declined" | "declines"
            ) && next == "to"
                // "Declined to four percent" is a fall, not a refusal.
                && !tokens.get(i + 2).is_some_and(|n| n.norm.starts_with(|c: char| c.is_ascii_digit())
                    || crate::lexicon::NUMBER_WORDS.iter().any(|(w, _)| *w == n.norm.as_str())));
        if !t.negation && !paraphrase && !denial {
            continue;
        }
        // "Difficult to imagine an agreement without considering them" says they must be
        // considered: "without" after a word of impossibility in its clause cancels out.
        if t.norm == "without" && impossibility_before(text, tokens, i) {
            continue;
        }
        // A negative pronoun right after a verb is its object ("solving nothing"): it negates
        // that verb, not the words that follow.
        let previous_content = i > 0 && !tokens[i - 1].stop && !tokens[i - 1].negation;
        if matches!(t.norm.as_str(), "nothing" | "none" | "nobody") && previous_content {
            out[i - 1] = out[i - 1].max(2);
            continue;
        }
        // "no other X" means "the only X"; "no more than" is a bound, not a denial.
        // "Not many" is a share ("few"), compared as one by the judge, not a denial.
        if crate::lexicon::NEGATION_IDIOM_NEXT.contains(&next)
            || (t.norm == "no" && crate::lexicon::COMPARATIVES.contains(&next))
            || crate::lexicon::denied_share(&t.norm, next).is_some()
        {
            continue;
        }
        let mut last_end = t.span.end;
        for (k, u) in tokens.iter().enumerate().skip(i + 1).take(SCOPE) {
            // A clause boundary between tokens ends the scope.
            let between = &text[last_end..u.span.start];
            // So does a word that opens a new clause: "but", a subordinator ("because she was
            // ill"), or "and"/"or"/"so" before a subject pronoun ("isn't working and she is taking
            // a break").
            let next = tokens.get(k + 1).map_or("", |n| n.norm.as_str());
            let new_clause = matches!(
                u.norm.as_str(),
                "but" | "because" | "although" | "though" | "whereas" | "while"
            ) || (matches!(u.norm.as_str(), "and" | "or" | "so")
                && matches!(next, "i" | "you" | "he" | "she" | "we" | "they"));
            // "Even without make up Sophia sends him a kiss": after the object of "without", a
            // name opens the clause it modifies ("without Putin" keeps its name).
            let subject_after_without = t.norm == "without" && k > i + 1 && u.capital && !u.initial;
            if between.contains([',', ';', ':', '.', '!', '?', '—', '–', '(', ')'])
                || new_clause
                || subject_after_without
            {
                break;
            }
            out[k] = out[k].max(if paraphrase { 1 } else { 2 });
            last_end = u.span.end;
            // "Not very expensive for a remote control": a denied adjective takes its complement
            // along ("for a remote control", "aware of our ego"), but what that names is not
            // denied.
            if adjective_before_preposition(tokens, k) {
                break;
            }
        }
    }
    out
}

/// True when token `k` is an adjective to WordNet (one that is also an adverb, as "good" is,
/// counts; one that is also a verb does not) and the next token a preposition that opens its
/// complement ("not good at being around new people"). False for everything without WordNet.
fn adjective_before_preposition(tokens: &[Token], k: usize) -> bool {
    const PREPOSITIONS: &[&str] = &[
        "for", "of", "about", "with", "to", "in", "on", "at", "from", "by", "than",
    ];
    // "To" before a verb marks an infinitive, which the denial does reach: "not the first to
    // escalate", "not able to come".
    let infinitive = |j: usize| {
        tokens[j].norm == "to"
            && tokens
                .get(j + 1)
                .is_some_and(|v| crate::wordnet::is_verb(&v.norm))
    };
    tokens
        .get(k + 1)
        .is_some_and(|n| PREPOSITIONS.contains(&n.norm.as_str()) && !infinitive(k + 1))
        && !tokens[k].stop
        && crate::wordnet::is_adjective(&tokens[k].norm)
        && !crate::wordnet::is_verb(&tokens[k].norm)
}

/// True when a word of impossibility ("difficult", "impossible", "cannot") comes at most eight
/// tokens before token `i`, in its clause.
fn impossibility_before(text: &str, tokens: &[Token], i: usize) -> bool {
    let mut k = i;
    while k > 0 && k + 8 > i {
        let gap = &text[tokens[k - 1].span.end..tokens[k].span.start];
        if gap.contains([',', ';', ':', '.', '!', '?', '(', ')']) {
            return false;
        }
        k -= 1;
        if matches!(
            tokens[k].norm.as_str(),
            "difficult" | "hard" | "impossible" | "unthinkable" | "inconceivable" | "cannot"
        ) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The shortcut for plain ASCII words makes the tokens the general path makes.
        #[test]
        fn plain_words_tokenize_as_any_word(
            text in "([aZ1,.'’é\"“” s%-]|n't|'s|2,0|3.5|s' |—){0,40}",
        ) {
            let tokens = |fast: bool| {
                let (mut out, mut norm) = (Vec::new(), String::new());
                let span = Span::new(0, text.len());
                if fast {
                    scan::<true>(&text, span, &mut out, &mut norm);
                } else {
                    scan::<false>(&text, span, &mut out, &mut norm);
                }
                out.iter()
                    .map(|t| {
                        let marks = (t.capital, t.quoted, t.initial, t.percent_sign);
                        (t.span, t.norm.to_string(), marks)
                    })
                    .collect::<Vec<_>>()
            };
            prop_assert_eq!(tokens(true), tokens(false));
        }
    }

    fn toks(s: &str) -> Vec<Token> {
        tokenize(s, Span::new(0, s.len()))
    }

    /// A percent sign right after a number makes it a percentage, as "percent" does.
    #[test]
    fn percent_signs() {
        for (text, percent) in [
            ("up 22% on the year", true),
            ("up 4.5% on the year", true),
            ("up 22 percent", true),
            ("$690 million", false),
            ("22 %", false),
            ("up 80 basis points", true),
            ("up 0.8 percentage points", true),
            ("a percentage of 20 voters", false),
        ] {
            let found = numbers(&toks(text));
            assert_eq!(found.first().map(|n| n.percent), Some(percent), "{text}");
        }
    }

    /// An acronym's plural has its singular's stem, which the stemmer alone does not give.
    #[test]
    fn acronym_plurals_stem_as_their_singular() {
        for (plural, single) in [
            ("cnns", "cnn"),
            ("phds", "phd"),
            ("mps", "mp"),
            ("ceos", "ceo"),
        ] {
            assert_eq!(stem_uncached(plural), stem_uncached(single), "{plural}");
        }
        // Words with a vowel are the stemmer's.
        assert_eq!(stem_uncached("gas"), "gas");
        assert_eq!(stem_uncached("cats"), "cat");
    }

    /// An ordinal in digits has its word's stem; other numbers keep their digits.
    #[test]
    fn digit_ordinals_stem_as_their_words() {
        assert_eq!(stem_uncached("4th"), stem_uncached("fourth"));
        assert_eq!(stem_uncached("2nd"), stem_uncached("second"));
        assert_eq!(stem_uncached("12th"), stem_uncached("twelfth"));
        // No ordinal word to have the stem of, or no ordinal at all.
        assert_eq!(stem_uncached("21st"), "21st");
        assert_eq!(stem_uncached("0th"), "0th");
        assert_eq!(stem_uncached("1,200"), "1200");
        assert_eq!(stem_uncached("4x"), "4x");
    }

    /// Word matching skips the words of a sentence that are not content for a claim word whose
    /// stem is no such word's stem: every token that is not content must have the fact.
    #[test]
    fn words_that_are_not_content_have_function_stems() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
        let mut text = (STOPWORDS.iter().chain(NEGATIONS))
            .map(|w| format!("{w} {} ", w.to_uppercase()))
            .collect::<String>();
        text.push_str("a B c's X's don't WON'T can’t Others others ");
        for dir in std::fs::read_dir(&root).unwrap() {
            let dir = dir.unwrap().path();
            for file in ["primary.txt", "secondary.txt"] {
                text.push_str(&std::fs::read_to_string(dir.join(file)).unwrap());
            }
        }
        let tokens = toks(&text);
        let function = tokens.iter().filter(|t| !t.is_content());
        assert!(function.clone().count() > 1000);
        for t in function {
            assert!(t.may_share_function_stem(), "{:?}", t.norm);
        }
        // "others" is content and shares the stem of the function word "other".
        let others = toks("others");
        assert!(others[0].is_content() && others[0].may_share_function_stem());
        assert!(!toks("sanctions")[0].may_share_function_stem());
    }

    #[test]
    fn spans_map_back_to_words() {
        let s = "Russia’s “huge step” didn't cost 2,000 dollars";
        let t = toks(s);
        let words: Vec<&str> = t.iter().map(|t| &s[t.span.range()]).collect();
        assert_eq!(
            words,
            vec!["Russia", "huge", "step", "did", "n't", "cost", "2,000", "dollars"]
        );
        assert!(t[1].quoted && t[2].quoted && !t[3].quoted);
        assert!(t[4].negation);
    }

    /// [`tokenize_into`] as first written, character by character: the definition it must match.
    fn tokenize_by_chars(text: &str, span: Span, out: &mut Vec<Token>) {
        let mut norm = String::new();
        let slice = &text[span.range()];
        let mut chars = slice.char_indices().peekable();
        let mut in_quote = false;
        let mut prev: Option<char> = None;
        let mut sentence_start = true;
        while let Some((i, c)) = chars.next() {
            if is_word_char(c) {
                let start = i;
                let mut end = i + c.len_utf8();
                let digit = c.is_ascii_digit();
                while let Some(&(j, d)) = chars.peek() {
                    if is_word_char(d) {
                        end = j + d.len_utf8();
                        chars.next();
                        continue;
                    }
                    // Inner apostrophe ("don't", "Russia’s") or digit group ("2,000", "3.5").
                    let joiner = is_apostrophe(d) || (digit && (d == ',' || d == '.'));
                    if joiner {
                        let rest = &slice[j + d.len_utf8()..];
                        let next = rest.chars().next();
                        let ok = match next {
                            Some(n) if is_apostrophe(d) => n.is_alphabetic(),
                            Some(n) => n.is_ascii_digit(),
                            None => false,
                        };
                        if ok {
                            chars.next();
                            end = j + d.len_utf8();
                            continue;
                        }
                    }
                    break;
                }
                let word = &slice[start..end];
                push_word(
                    word,
                    span.start + start,
                    out,
                    &mut norm,
                    in_quote,
                    sentence_start,
                );
                sentence_start = false;
                prev = word.chars().last();
                continue;
            }
            mark(c, prev, &mut in_quote, &mut sentence_start);
            prev = Some(c);
        }
    }

    /// Characters for texts: letters and digits of both scripts, joiners, quotes, sentence ends.
    const TEXT_CHARS: &[char] = &[
        'a', 'N', 'é', 'Ж', '1', '7', '\'', '’', ',', '.', '!', '"', '“', '”', '‘', '«', '»', ' ',
        '(', '—', '-', 's', 't',
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]

        #[test]
        fn tokens_are_found_as_character_by_character(
            chars in proptest::collection::vec(proptest::sample::select(TEXT_CHARS), 0..40),
            prefix in 0..3usize,
        ) {
            let text: String = chars.into_iter().collect();
            let start = text.char_indices().nth(prefix).map_or(text.len(), |(i, _)| i);
            let span = Span::new(start, text.len());
            let mut expected = Vec::new();
            tokenize_by_chars(&text, span, &mut expected);
            let got = tokenize(&text, span);
            let view = |t: &[Token]| -> Vec<(Span, String, bool, bool, bool)> {
                t.iter()
                    .map(|t| (t.span, t.norm.to_string(), t.quoted, t.initial, t.capital))
                    .collect()
            };
            proptest::prop_assert_eq!(view(&got), view(&expected));
        }
    }

    #[test]
    fn numbers_in_words_and_units() {
        let n = |s: &str| {
            numbers(&toks(s))
                .iter()
                .map(|n| n.value)
                .collect::<Vec<_>>()
        };
        assert_eq!(n("after five centuries of rule"), vec![500.0]);
        assert_eq!(n("after 500 years"), vec![500.0]);
        assert_eq!(n("three hundred and twenty people"), vec![320.0]);
        assert_eq!(n("a 2.5 million budget"), vec![2_500_000.0]);
        assert_eq!(n("twenty-one boats"), vec![21.0]);
        assert!(numbers(&toks("in 2014 it began"))[0].year);
    }

    #[test]
    fn negation_scope() {
        let s = "we will not be the first to escalate, and we act";
        let t = toks(s);
        let neg = negated(s, &t);
        let negated_words: Vec<&str> = t
            .iter()
            .zip(&neg)
            .filter(|(_, n)| **n)
            .map(|(t, _)| t.norm.as_str())
            .collect();
        assert_eq!(negated_words, vec!["be", "the", "first", "to", "escalate"]);
        let s = "no other Western leader said it";
        let t = toks(s);
        assert!(negated(s, &t).iter().all(|n| !n));
    }

    /// A denied adjective's complement is not denied: "not very expensive for a remote control"
    /// says nothing against remote controls. Needs WordNet to know the adjective; skipped
    /// without it.
    #[test]
    fn negation_stops_at_an_adjectives_complement() {
        if !crate::wordnet::available() {
            return;
        }
        let words = |s: &str| -> Vec<String> {
            let t = toks(s);
            let neg = negated(s, &t);
            (t.iter().zip(&neg))
                .filter(|(_, n)| **n)
                .map(|(t, _)| t.norm.to_string())
                .collect()
        };
        assert_eq!(
            words("it was not very expensive for a remote control"),
            ["very", "expensive"]
        );
        assert_eq!(
            words("we could not become aware of our ego"),
            ["become", "aware"]
        );
        // A verb before the preposition keeps its object in scope.
        assert_eq!(
            words("she did not go to the cinema"),
            ["go", "to", "the", "cinema"]
        );
    }
}
