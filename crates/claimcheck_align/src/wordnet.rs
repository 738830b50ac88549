//! Optional WordNet 3.0 knowledge: synonyms (shared synsets), antonyms (`!` pointers) and, for
//! nouns, kinds (`@` hypernym pointers).
//!
//! WordNet is not shipped with claimcheck. When its data files are installed (Debian's
//! `wordnet-base` puts them in `/usr/share/wordnet`; `just wordnet` installs it), they are read
//! once, lazily, from `$CLAIMCHECK_WORDNET` or that default folder. Without them every lookup
//! answers "unknown" and the checks fall back to the built-in antonym core in `lexicon.rs`:
//! paraphrases with other words score lower and fewer antonym swaps are caught.
//! `CLAIMCHECK_WORDNET=off` disables it, to compare results with and without.
//!
//! Loading reads some 20 MB of text, so it parses only the fields it keeps, without allocating
//! per line: lemmas are numbered as they are first read, everything else refers to them by number,
//! and each lemma's synsets (and each noun synset's hypernyms) are laid out in one vector.

use crate::index::Lists;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Synsets and antonym pairs of verbs, adjectives and adverbs, and synsets and hypernyms of
/// nouns, keyed by lemma.
///
/// Nouns are kept apart: a noun is not a predicate, and they serve only to tell two kinds of one
/// thing apart. Lookups lemmatize by WordNet's own rules (exception lists, then suffix rules), so
/// nothing is stemmed at load time.
#[derive(Default)]
pub(crate) struct WordNet {
    /// Verb, adjective and adverb lemmas, numbered.
    index: Lemmas,
    /// Synset ids of each lemma, ascending.
    synsets: Lists<u32>,
    /// For each lemma, [`VERB_OR_ADVERB`], [`ADJECTIVE`] and [`HAS_ANTONYM`].
    flags: Vec<u8>,
    /// Antonym pairs of lemmas, in both orders.
    antonyms: HashSet<(u32, u32)>,
    /// Irregular inflection → lemma ("went" → "go").
    exceptions: HashMap<Box<str>, Box<str>>,
    /// Noun lemmas, numbered apart.
    noun_index: Lemmas,
    /// Noun synset ids of each noun lemma, ascending.
    noun_synsets: Lists<u32>,
    /// The most frequent senses ([`TOP_SENSES`]) of each noun lemma that has more, most
    /// frequent first; empty for the others and without `index.noun`.
    noun_top: Lists<u32>,
    /// The id of the first noun synset: nouns are numbered after the other synsets.
    first_noun: u32,
    /// Hypernyms (`@`, `@i`) of noun synset `first_noun + k`, in file order.
    hypernyms: Lists<u32>,
    /// Irregular noun plural → lemma ("women" → "woman").
    noun_exceptions: HashMap<Box<str>, Box<str>>,
    /// Part holonyms (`#p`) of noun synset `first_noun + k`: the wholes it is part of ("Bergen" is
    /// part of "Norway").
    part_of: Lists<u32>,
    /// The noun synsets an adjective lemma pertains to (`\`): "Norwegian" → "Norway".
    pertains: HashMap<u32, Vec<u32>>,
}

/// A lemma WordNet has as a verb or an adverb (never an adjective such as "Swedish").
const VERB_OR_ADVERB: u8 = 1;
/// A lemma with at least one antonym.
const HAS_ANTONYM: u8 = 2;
/// A lemma WordNet has as an adjective (a head or a satellite).
const ADJECTIVE: u8 = 4;
/// A lemma WordNet has as a verb.
const VERB: u8 = 8;

/// The default folder of Debian's `wordnet-base`.
pub(crate) const DEFAULT_DIR: &str = "/usr/share/wordnet";

fn dir() -> Option<PathBuf> {
    match std::env::var_os("CLAIMCHECK_WORDNET") {
        Some(v) if v == "off" => None,
        Some(v) => Some(PathBuf::from(v)),
        None => Some(PathBuf::from(DEFAULT_DIR)),
    }
}

/// The loaded lexicon, or an empty one when WordNet is absent.
pub(crate) fn wordnet() -> &'static WordNet {
    static WN: OnceLock<WordNet> = OnceLock::new();
    WN.get_or_init(|| dir().and_then(|d| WordNet::load(&d)).unwrap_or_default())
}

/// Starts reading WordNet on a background thread, once per process, so that the read overlaps
/// with indexing the primary instead of delaying the first claim.
pub(crate) fn preload() {
    static STARTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !STARTED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        std::thread::spawn(|| {
            wordnet();
        });
    }
}

/// True when WordNet's data files were found and read.
pub fn available() -> bool {
    !wordnet().index.is_empty()
}

/// Suffix rules of WordNet's morphy, for verbs and adjectives.
const SUFFIXES: &[(&str, &str)] = &[
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("s", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("er", ""),
    ("est", ""),
    ("er", "e"),
    ("est", "e"),
];

/// Suffix rules of WordNet's morphy, for nouns.
const NOUN_SUFFIXES: &[(&str, &str)] = &[
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
];

/// The lines of a text, as `str::lines` gives them, found with `memchr`: the data files are
/// megabytes long.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || match ends.next() {
        Some(end) => {
            let line = &text[start..end];
            start = end + 1;
            Some(line.strip_suffix('\r').unwrap_or(line))
        }
        None if start < text.len() => {
            let line = &text[start..];
            start = text.len();
            Some(line)
        }
        None => None,
    })
}

/// The fields of a line of a WordNet data file up to its gloss (which follows the first " | "),
/// split at single spaces, front to back: what `line.split(" | ").next()` then `.split(' ')`
/// would give, without scanning the gloss.
struct Fields<'a> {
    line: &'a str,
    /// Where the next field starts; past the end of the line after the last field.
    at: usize,
}

impl<'a> Fields<'a> {
    fn new(line: &'a str) -> Fields<'a> {
        Fields { line, at: 0 }
    }
}

impl<'a> Iterator for Fields<'a> {
    type Item = &'a str;

    // Inlined into each loop over a line's fields: a call per field costs as much as the search.
    #[inline(always)]
    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.line.as_bytes();
        let start = self.at;
        if start > bytes.len() {
            return None;
        }
        let end = start + first_space(&bytes[start..]);
        let field = &self.line[start..end];
        // A field "|" with a space on both sides is the gloss separator.
        if field == "|" && start > 0 && end < bytes.len() {
            self.at = usize::MAX;
            return None;
        }
        self.at = end + 1;
        Some(field)
    }
}

/// Where the first space in `bytes` is, or its length when it has none.
///
/// Fields are short, too short for a vector search to pay: this looks at eight bytes at a time
/// in a `u64`, which finds most fields' end at once.
#[inline(always)]
fn first_space(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        // A space becomes a zero byte; the lowest byte with its top bit set in `zeros` is the
        // first zero byte (a borrow only reaches the bytes above one).
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) ^ SPACES;
        let zeros = x.wrapping_sub(ONES) & !x & (ONES << 7);
        if zeros != 0 {
            return i + (zeros.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] != b' ' {
        i += 1;
    }
    i
}

/// The head of a synset line: its offset and its number of words, or `None` when the line is
/// not a synset (the licence header) or is malformed.
fn synset_head(f: &mut Fields<'_>) -> Option<(u32, usize)> {
    let (Some(offset), Some(_), Some(_), Some(w_cnt)) = (f.next(), f.next(), f.next(), f.next())
    else {
        return None;
    };
    match (decimal(offset), unsigned(w_cnt, 16)) {
        (Some(offset), Some(w_cnt)) => Some((offset, w_cnt)),
        _ => None,
    }
}

/// `field` in `radix` (10 or 16) when it is one to eight plain digits, as WordNet writes its
/// numbers: read without the general parser's sign and overflow checks, which eight digits
/// cannot need. `None` otherwise.
#[inline]
fn short_number(field: &str, radix: u32) -> Option<u32> {
    if field.is_empty() || field.len() > 8 {
        return None;
    }
    let mut n: u32 = 0;
    for b in field.bytes() {
        n = n * radix + char::from(b).to_digit(radix)?;
    }
    Some(n)
}

/// A decimal field, as `field.parse::<u32>().ok()` reads it.
fn decimal(field: &str) -> Option<u32> {
    short_number(field, 10).or_else(|| field.parse().ok())
}

/// A number in `radix`, as `usize::from_str_radix(field, radix).ok()` reads it.
fn unsigned(field: &str, radix: u32) -> Option<usize> {
    match short_number(field, radix) {
        Some(n) => Some(n as usize),
        None => usize::from_str_radix(field, radix).ok(),
    }
}

/// A word of a synset as a lemma: lowercase, without an adjective marker such as "(a)"; empty
/// for a multi-word lemma ("give_up"), which never matches a token.
fn lemma_form(field: &str) -> Cow<'_, str> {
    let w = &field[..field.find('(').unwrap_or(field.len())];
    match plain_word(w) {
        None => Cow::Borrowed(""),
        Some(true) => Cow::Borrowed(w),
        Some(false) => Cow::Owned(w.to_lowercase()),
    }
}

/// `None` for a multi-word lemma ("give_up"), which never matches a token; otherwise whether the
/// word is lowercase ASCII already, to be used as it is.
fn plain_word(w: &str) -> Option<bool> {
    let mut lowercase = true;
    for b in w.bytes() {
        if b == b'_' {
            return None;
        }
        lowercase &= b.is_ascii() && !b.is_ascii_uppercase();
    }
    Some(lowercase)
}

/// Lemmas numbered in the order they are first seen, their text stored one after another in
/// one string: WordNet has some 150,000, so this saves as many allocations and most of their
/// memory.
#[derive(Default)]
struct Lemmas {
    text: String,
    /// Where each lemma ends in `text` (it starts where the one before ends).
    ends: Vec<u32>,
    /// Lemma numbers, by the hash of their text.
    table: hashbrown::HashTable<u32>,
}

impl Lemmas {
    /// Room for the lemmas of `bytes` of data files, so that numbering them does not rehash
    /// the table again and again: WordNet 3.0 has a new one-word lemma every 200 to 270 bytes.
    fn for_files(bytes: usize) -> Lemmas {
        let n = bytes / 192;
        Lemmas {
            text: String::with_capacity(n * 8),
            ends: Vec::with_capacity(n),
            table: hashbrown::HashTable::with_capacity(n),
        }
    }

    fn hash(lemma: &str) -> u64 {
        rustc_hash::FxBuildHasher.hash_one(lemma)
    }

    fn text_of<'t>(text: &'t str, ends: &[u32], n: u32) -> &'t str {
        let n = n as usize;
        let start = if n == 0 { 0 } else { ends[n - 1] as usize };
        &text[start..ends[n] as usize]
    }

    /// The number of `lemma`, if it has one.
    fn get(&self, lemma: &str) -> Option<u32> {
        let (text, ends) = (&self.text, &self.ends);
        self.table
            .find(Self::hash(lemma), |&n| {
                Self::text_of(text, ends, n) == lemma
            })
            .copied()
    }

    /// The number of `lemma`, numbering it if it is new.
    fn number(&mut self, lemma: &str) -> u32 {
        let hash = Self::hash(lemma);
        let Lemmas { text, ends, table } = self;
        if let Some(&n) = table.find(hash, |&n| Self::text_of(text, ends, n) == lemma) {
            return n;
        }
        let n = ends.len() as u32;
        text.push_str(lemma);
        ends.push(text.len() as u32);
        table.insert_unique(hash, n, |&m| Self::hash(Self::text_of(text, ends, m)));
        n
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// Where synsets were read: (part of speech, offset) of each, in reading order, found again by
/// place. Of two synsets read at one place, the later one is found, as a map would keep it.
#[derive(Default)]
struct Places<T> {
    at: Vec<(u8, u32, T)>,
}

impl<T> Places<T> {
    fn push(&mut self, pos: u8, offset: u32, value: T) {
        self.at.push((pos, offset, value));
    }

    /// Sorts by place, keeping reading order among equals (the files are in offset order, so
    /// this is one pass).
    fn sorted(mut self) -> Places<T> {
        self.at.sort_by_key(|&(pos, offset, _)| (pos, offset));
        self
    }

    /// The value of the last synset read at `(pos, offset)`; only after [`Places::sorted`].
    fn get(&self, pos: u8, offset: u32) -> Option<&T> {
        let after = self
            .at
            .partition_point(|&(p, o, _)| (p, o) <= (pos, offset));
        let (p, o, value) = self.at.get(after.checked_sub(1)?)?;
        ((*p, *o) == (pos, offset)).then_some(value)
    }
}

/// Reads each line of an exception list ("went go") into `map`; the first lemma of a form wins.
fn read_exceptions(path: &Path, map: &mut HashMap<Box<str>, Box<str>>) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    for line in text.lines() {
        let mut f = line.split(' ');
        if let (Some(form), Some(lemma)) = (f.next(), f.next()) {
            if !map.contains_key(form) {
                map.insert(form.into(), lemma.into());
            }
        }
    }
}

/// How many of a noun's senses, most frequent first, name the kinds of thing it is.
const TOP_SENSES: usize = 2;

/// Two nouns whose senses share a kind only further up than a parent are different kinds of one
/// thing when that kind lies at least this deep ("health professional", not "structure" or
/// "attribute") ...
const SPECIFIC_DEPTH: usize = 6;

/// ... and at most this many steps above each of them (for common nouns; names reach less).
pub(crate) const KIN_REACH: usize = 5;

/// What `data.noun` and `noun.exc` hold, with noun synsets numbered from 0 in file order
/// ([`WordNet::add_nouns`] moves them past the other synsets).
#[derive(Default)]
struct Nouns {
    /// Noun lemmas, numbered.
    index: Lemmas,
    /// (lemma, synset number) for every word of every synset, in reading order.
    memberships: Vec<(u32, u32)>,
    /// (lemma, synset number) for the most frequent senses of lemmas that have more than
    /// [`TOP_SENSES`], most frequent first.
    top: Vec<(u32, u32)>,
    /// Hypernym pointers (`@`, `@i`): (synset number, number of the hypernym).
    edges: Vec<(u32, u32)>,
    /// Part holonym pointers (`#p`): (synset number, number of the whole).
    wholes: Vec<(u32, u32)>,
    /// Irregular noun plural → lemma.
    exceptions: HashMap<Box<str>, Box<str>>,
    /// Each synset's number by place.
    places: Places<u32>,
}

impl Nouns {
    /// Reads `data.noun` (synonyms, hypernyms and part holonyms) and `noun.exc`; empty when
    /// `data.noun` is missing.
    fn read(dir: &Path) -> Nouns {
        // `index.noun` is read and sifted on a thread of its own meanwhile.
        std::thread::scope(|scope| {
            let senses = scope.spawn(|| SenseOrder::read(dir));
            Nouns::read_with(dir, || {
                senses
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
        })
    }

    /// [`Nouns::read`] with the sense order of `index.noun` given by `senses`.
    fn read_with(dir: &Path, senses: impl FnOnce() -> SenseOrder) -> Nouns {
        let Ok(text) = std::fs::read_to_string(dir.join("data.noun")) else {
            return Nouns::default();
        };
        // A synset line is some 190 bytes long, with one or two words and one hypernym.
        let lines_about = text.len() / 160;
        let mut nouns = Nouns {
            index: Lemmas::for_files(text.len()),
            memberships: Vec::with_capacity(lines_about),
            places: Places {
                at: Vec::with_capacity(lines_about),
            },
            ..Nouns::default()
        };
        // Pointers by the offset of their target, resolved once every synset is placed.
        let mut edges: Vec<(u32, u32)> = Vec::with_capacity(lines_about);
        let mut wholes: Vec<(u32, u32)> = Vec::new();
        let mut count: u32 = 0;
        let mut lower = String::new();
        for line in lines(&text) {
            if line.starts_with(' ') {
                continue;
            }
            let mut f = Fields::new(line);
            let Some((offset, w_cnt)) = synset_head(&mut f) else {
                continue;
            };
            let k = count;
            count += 1;
            nouns.places.push(b'n', offset, k);
            for _ in 0..w_cnt {
                let Some(w) = f.next() else { break };
                f.next(); // lex_id
                let lemma = match plain_word(w) {
                    None => continue,
                    Some(true) => nouns.index.number(w),
                    // Names ("Paris"): lowercased in a reused buffer when ASCII.
                    Some(false) if w.is_ascii() => {
                        lower.clear();
                        lower.push_str(w);
                        lower.make_ascii_lowercase();
                        nouns.index.number(&lower)
                    }
                    Some(false) => nouns.index.number(&w.to_lowercase()),
                };
                nouns.memberships.push((lemma, k));
            }
            let p_cnt = f.next().and_then(|c| unsigned(c, 10)).unwrap_or(0);
            for _ in 0..p_cnt {
                let (Some(sym), Some(off)) = (f.next(), f.next()) else {
                    break;
                };
                f.next(); // part of speech
                f.next(); // source/target
                let list = match sym {
                    "@" | "@i" => &mut edges,
                    "#p" => &mut wholes,
                    _ => continue,
                };
                if let Some(off) = decimal(off) {
                    list.push((k, off));
                }
            }
        }
        nouns.places = std::mem::take(&mut nouns.places).sorted();
        let places = &nouns.places;
        let resolve = |pairs: Vec<(u32, u32)>| -> Vec<(u32, u32)> {
            pairs
                .into_iter()
                .filter_map(|(k, off)| Some((k, *places.get(b'n', off)?)))
                .collect()
        };
        (nouns.edges, nouns.wholes) = (resolve(edges), resolve(wholes));
        nouns.add_top_senses(senses());
        read_exceptions(&dir.join("noun.exc"), &mut nouns.exceptions);
        nouns
    }

    /// Numbers the lemmas and synsets of `senses` as `data.noun` did, into `top`.
    fn add_top_senses(&mut self, senses: SenseOrder) {
        for (lemma, offsets) in senses.lemmas() {
            let Some(lemma) = self.index.get(lemma) else {
                continue;
            };
            for off in offsets {
                if let Some(&k) = self.places.get(b'n', off) {
                    self.top.push((lemma, k));
                }
            }
        }
    }
}

/// What `index.noun` says of the order of senses: it lists each lemma's synsets by frequency,
/// where `data.noun` has them in file order. Only lemmas with more than [`TOP_SENSES`] senses
/// are kept, with the offsets of their most frequent ones (a lemma with fewer has all its senses
/// among its top ones, in whatever order); empty when the file is missing.
#[derive(Default)]
struct SenseOrder {
    text: String,
    /// (byte range of the lemma in `text`, offsets of its most frequent senses).
    kept: Vec<(std::ops::Range<usize>, [u32; TOP_SENSES])>,
}

impl SenseOrder {
    fn read(dir: &Path) -> SenseOrder {
        let Ok(bytes) = std::fs::read(dir.join("index.noun")) else {
            return SenseOrder::default();
        };
        let mut kept = Vec::new();
        // Bytes, not text: only the kept lines' lemmas need to be UTF-8, and most lines end at
        // their third field (one or two senses).
        let mut at = 0;
        while at < bytes.len() {
            let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
            let line = &bytes[at..end];
            let start = at;
            at = end + 1;
            if let Some(top) = Self::top_of(line) {
                let lemma_end = start + memchr::memchr(b' ', line).unwrap_or(0);
                kept.push((start..lemma_end, top));
            }
        }
        // Keep the text only where it is valid (WordNet 3.0's index is ASCII).
        let text = String::from_utf8(bytes).unwrap_or_default();
        if text.is_empty() {
            kept.clear();
        }
        SenseOrder { text, kept }
    }

    /// The offsets of the most frequent senses a line of `index.noun` lists, when it lists more
    /// than [`TOP_SENSES`]: "lemma n synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt
    /// offset…".
    fn top_of(line: &[u8]) -> Option<[u32; TOP_SENSES]> {
        if line.first() == Some(&b' ') {
            return None;
        }
        let mut spaces = memchr::memchr_iter(b' ', line);
        let (_, pos_end, count_end) = (spaces.next()?, spaces.next()?, spaces.next()?);
        let count = std::str::from_utf8(&line[pos_end + 1..count_end]).ok()?;
        let count = unsigned(count, 10).filter(|&c| c > TOP_SENSES)?;
        // The offsets end the line.
        let text = std::str::from_utf8(line).ok()?;
        let offsets: Vec<&str> = text.trim_end().rsplit(' ').take(count).collect();
        let mut top = [0; TOP_SENSES];
        for (o, t) in offsets.iter().rev().zip(&mut top) {
            *t = decimal(o)?;
        }
        Some(top)
    }

    fn lemmas(&self) -> impl Iterator<Item = (&str, [u32; TOP_SENSES])> + '_ {
        (self.kept.iter()).map(|(r, top)| (&self.text[r.clone()], *top))
    }
}

impl WordNet {
    /// Reads `data.{verb,adj,adv}`, `data.noun`, `index.noun` and the exception lists from
    /// `dir`; `None` when the verb, adjective and adverb files are all missing.
    pub(crate) fn load(dir: &Path) -> Option<WordNet> {
        // `data.noun`, the largest file, is read on a second thread while this one reads the
        // others: the first claim of a run waits for both.
        std::thread::scope(|scope| {
            let nouns = scope.spawn(|| Nouns::read(dir));
            WordNet::load_with(dir, || {
                nouns
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
        })
    }

    /// [`WordNet::load`] with the noun file read by `nouns`.
    fn load_with(dir: &Path, nouns: impl FnOnce() -> Nouns) -> Option<WordNet> {
        // All three files are read first: antonym pointers are resolved once every synset is known.
        let files: Vec<(u8, String)> =
            [("data.verb", b'v'), ("data.adj", b'a'), ("data.adv", b'r')]
                .into_iter()
                .filter_map(|(file, pos)| {
                    let text = std::fs::read_to_string(dir.join(file)).ok()?;
                    Some((pos, text))
                })
                .collect();
        if files.is_empty() {
            return None;
        }
        let bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
        let mut wn = WordNet {
            index: Lemmas::for_files(bytes),
            ..WordNet::default()
        };
        // Sized as `Nouns::read` sizes its vectors: these lines have some two words each.
        let lines_about = bytes / 160;
        // Every synset's words in reading order, lowercased ("" for multi-word lemmas).
        let mut words: Vec<Cow<'_, str>> = Vec::with_capacity(2 * lines_about);
        // Where each synset's words are in `words`.
        let mut places: Places<std::ops::Range<usize>> = Places {
            at: Vec::with_capacity(lines_about),
        };
        let mut next_id: u32 = 0;
        // (lemma, synset id) for every word of every synset, in reading order.
        let mut memberships: Vec<(u32, u32)> = Vec::with_capacity(2 * lines_about);
        // Antonym pointers: (index in `words` of the source, part of speech and offset of the
        // target synset, index of the target word in it).
        let mut pending: Vec<(usize, u8, u32, usize)> = Vec::new();
        // Pertainym pointers of adjectives to nouns: (index in `words` of the source, offset of
        // the noun synset).
        let mut pertainyms: Vec<(usize, u32)> = Vec::new();
        for (pos, text) in &files {
            let pos = *pos;
            for line in lines(text) {
                if line.starts_with(' ') {
                    continue; // licence header
                }
                // offset lex_filenum ss_type w_cnt [word lex_id]… p_cnt [ptr offset pos st]…
                let mut f = Fields::new(line);
                let Some((offset, w_cnt)) = synset_head(&mut f) else {
                    continue;
                };
                let start = words.len();
                for _ in 0..w_cnt {
                    let Some(w) = f.next() else { break };
                    f.next(); // lex_id
                    words.push(lemma_form(w));
                }
                let id = next_id;
                next_id += 1;
                for w in &words[start..] {
                    if w.is_empty() {
                        continue;
                    }
                    let lemma = wn.index.number(w);
                    if lemma as usize == wn.flags.len() {
                        wn.flags.push(0);
                    }
                    wn.flags[lemma as usize] |= match pos {
                        b'a' => ADJECTIVE,
                        b'v' => VERB_OR_ADVERB | VERB,
                        _ => VERB_OR_ADVERB,
                    };
                    memberships.push((lemma, id));
                }
                // Only antonym pointers ("!") and adjectives' pertainyms ("\\") are kept: a line
                // without either has none to read.
                let wanted = memchr::memchr(b'!', line.as_bytes()).is_some()
                    || (pos == b'a' && memchr::memchr(b'\\', line.as_bytes()).is_some());
                let p_cnt: usize = if wanted {
                    f.next().and_then(|c| unsigned(c, 10)).unwrap_or(0)
                } else {
                    0
                };
                for _ in 0..p_cnt {
                    let (Some(sym), Some(off), Some(tpos), Some(st)) =
                        (f.next(), f.next(), f.next(), f.next())
                    else {
                        break;
                    };
                    if (sym != "!" && sym != "\\") || st.len() != 4 {
                        continue;
                    }
                    let source = unsigned(&st[..2], 16).unwrap_or(0);
                    let target = unsigned(&st[2..], 16).unwrap_or(0);
                    let (Some(off), Some(tp)) = (decimal(off), tpos.bytes().next()) else {
                        continue;
                    };
                    if sym == "\\" {
                        if tp == b'n' {
                            let sources = if source == 0 {
                                start..words.len()
                            } else {
                                start + source - 1..start + source
                            };
                            pertainyms.extend(sources.map(|src| (src, off)));
                        }
                        continue;
                    }
                    if source == 0 || target == 0 {
                        continue;
                    }
                    let src = start + source - 1;
                    if src < words.len() && !words[src].is_empty() {
                        let tp = if tp == b's' { b'a' } else { tp };
                        pending.push((src, tp, off, target - 1));
                    }
                }
                places.push(pos, offset, start..words.len());
            }
        }
        wn.synsets = Lists::group(wn.flags.len(), &memberships).dedup();
        wn.first_noun = next_id;
        let noun_places = wn.add_nouns(nouns());
        for (src, off) in pertainyms {
            let (Some(w), Some(k)) = (words.get(src), noun_places.get(b'n', off)) else {
                continue;
            };
            if let Some(lemma) = wn.index.get(w).filter(|_| !w.is_empty()) {
                let ids = wn.pertains.entry(lemma).or_default();
                ids.push(wn.first_noun + *k);
                ids.sort_unstable();
                ids.dedup();
            }
        }
        let places = places.sorted();
        for (src, pos, off, target) in pending {
            let Some(t) = places
                .get(pos, off)
                .and_then(|ws| words[ws.clone()].get(target))
            else {
                continue;
            };
            if !t.is_empty() && *t != words[src] {
                let known = |w: &str| wn.index.get(w).expect("every word read is numbered");
                let (a, b) = (known(&words[src]), known(t));
                wn.antonyms.insert((a, b));
                wn.antonyms.insert((b, a));
                wn.flags[a as usize] |= HAS_ANTONYM;
                wn.flags[b as usize] |= HAS_ANTONYM;
            }
        }
        for file in ["verb.exc", "adj.exc", "adv.exc"] {
            read_exceptions(&dir.join(file), &mut wn.exceptions);
        }
        Some(wn)
    }

    /// Takes in what [`Nouns::read`] read, numbering noun synsets from `first_noun`. Returns each
    /// noun synset's number by place.
    fn add_nouns(&mut self, nouns: Nouns) -> Places<u32> {
        let first = self.first_noun;
        let shifted = |pairs: Vec<(u32, u32)>| -> Vec<(u32, u32)> {
            pairs.into_iter().map(|(k, id)| (k, first + id)).collect()
        };
        self.noun_index = nouns.index;
        self.noun_synsets =
            Lists::group(self.noun_index.len(), &shifted(nouns.memberships)).dedup();
        self.noun_top = Lists::group(self.noun_index.len(), &shifted(nouns.top));
        // Every synset read has a place.
        let count = nouns.places.at.len();
        self.hypernyms = Lists::group(count, &shifted(nouns.edges));
        self.part_of = Lists::group(count, &shifted(nouns.wholes));
        self.noun_exceptions = nouns.exceptions;
        nouns.places
    }

    /// Calls `f` with each lemma a word form may have, until it returns true: the form itself,
    /// an irregular lemma (`None` when WordNet does not list that lemma), and suffix-rule lemmas
    /// that WordNet knows. A lemma may come more than once. True when `f` returned true.
    fn any_lemma(&self, word: &str, mut f: impl FnMut(Option<u32>) -> bool) -> bool {
        if let Some(n) = self.index.get(word) {
            if f(Some(n)) {
                return true;
            }
        }
        if let Some(l) = self.exceptions.get(word) {
            if f(self.index.get(l)) {
                return true;
            }
        }
        let mut candidate = String::new();
        for (suffix, ending) in SUFFIXES {
            let Some(base) = word.strip_suffix(suffix) else {
                continue;
            };
            let known = if ending.is_empty() {
                self.index.get(base)
            } else {
                candidate.clear();
                candidate.push_str(base);
                candidate.push_str(ending);
                self.index.get(&candidate)
            };
            if let Some(n) = known.filter(|_| base.len() + ending.len() >= 2) {
                if f(Some(n)) {
                    return true;
                }
            }
            // Doubled final consonant: "stopped" → "stop".
            let b = base.as_bytes();
            if ending.is_empty()
                && b.len() >= 3
                && b[b.len() - 1].is_ascii()
                && b[b.len() - 1] == b[b.len() - 2]
            {
                if let Some(n) = self.index.get(&base[..base.len() - 1]) {
                    if f(Some(n)) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// The noun synset ids of a word form, by morphy's noun rules; sorted.
    fn noun_ids(&self, word: &str) -> Vec<u32> {
        let mut ids = self.noun_lists(word, |n| self.noun_synsets.get(n));
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The synsets `list` gives for each noun lemma a word form may have: its own, then its
    /// irregular and regular base forms'.
    fn noun_lists<'s>(&'s self, word: &str, list: impl Fn(u32) -> &'s [u32]) -> Vec<u32> {
        let mut ids = Vec::new();
        let mut add = |lemma: &str| {
            if let Some(n) = self.noun_index.get(lemma) {
                ids.extend_from_slice(list(n));
            }
        };
        add(word);
        if let Some(l) = self.noun_exceptions.get(word) {
            add(l);
        }
        let mut candidate = String::new();
        for (suffix, ending) in NOUN_SUFFIXES {
            if let Some(base) = word.strip_suffix(suffix) {
                candidate.clear();
                candidate.push_str(base);
                candidate.push_str(ending);
                add(&candidate);
            }
        }
        ids
    }

    /// The most frequent senses of noun lemma `n`: all of them when it has at most
    /// [`TOP_SENSES`] (or `index.noun` is missing), in file order.
    fn top_senses(&self, n: u32) -> &[u32] {
        match self.noun_top.get(n) {
            [] => self.noun_synsets.get(n),
            top => top,
        }
    }

    /// The hypernyms of noun synset `id`.
    fn hypernyms_of(&self, id: u32) -> &[u32] {
        self.hypernyms.get(id - self.first_noun)
    }

    /// How many steps noun synset `id` lies below the root of WordNet's nouns ("entity" is 0,
    /// "artifact" 4), along first hypernyms.
    fn depth(&self, mut id: u32) -> usize {
        let mut d = 0;
        while let Some(&up) = self.hypernyms_of(id).first() {
            // WordNet's noun hierarchy is at most 19 deep; the bound guards a damaged file.
            if d == 32 {
                break;
            }
            id = up;
            d += 1;
        }
        d
    }

    /// True when one of `kinds` lies above one of the synsets `ids` (a parent, a grandparent …).
    fn is_kind_of(&self, ids: &[u32], kinds: &[u32]) -> bool {
        let mut frontier: Vec<u32> = ids.to_vec();
        for _ in 0..32 {
            let next: Vec<u32> = (frontier.iter())
                .flat_map(|&id| self.hypernyms_of(id))
                .copied()
                .collect();
            if next.is_empty() {
                return false;
            }
            if next.iter().any(|x| kinds.contains(x)) {
                return true;
            }
            frontier = next;
        }
        false
    }

    /// See [`wholes_of`].
    fn wholes(&self, word: &str) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        let mut frontier = self.noun_ids(word);
        for _ in 0..PART_OF_DEPTH {
            let next: Vec<u32> = frontier
                .iter()
                .flat_map(|&id| self.part_of.get(id - self.first_noun))
                .copied()
                .filter(|id| !out.contains(id))
                .collect();
            if next.is_empty() {
                break;
            }
            out.extend_from_slice(&next);
            frontier = next;
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// See [`region_ids`].
    fn regions(&self, word: &str) -> Vec<u32> {
        let mut ids = self.noun_ids(word);
        self.any_lemma(word, |l| {
            if let Some(p) = l.and_then(|l| self.pertains.get(&l)) {
                ids.extend_from_slice(p);
            }
            false
        });
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// What WordNet says of a word form, as [`Forms`].
    fn forms(&self, word: &str) -> Forms {
        let mut known = false;
        let mut lemmas: Vec<u32> = Vec::new();
        self.any_lemma(word, |l| {
            known = true;
            lemmas.extend(l);
            false
        });
        lemmas.sort_unstable();
        lemmas.dedup();
        let flagged = |flag: u8| -> Vec<u32> {
            (lemmas.iter().copied())
                .filter(|&l| self.flags[l as usize] & flag != 0)
                .collect()
        };
        let verb_or_adverb = !flagged(VERB_OR_ADVERB).is_empty();
        let verb = !flagged(VERB).is_empty();
        let adjective = !flagged(ADJECTIVE).is_empty();
        let antonym_lemmas = flagged(HAS_ANTONYM);
        let nouns = if self.noun_index.is_empty() {
            Vec::new()
        } else {
            self.noun_ids(word)
        };
        // The most frequent senses (without `index.noun`, the first in file order).
        let mut top = self.noun_lists(word, |n| self.top_senses(n));
        top.truncate(TOP_SENSES);
        let mut near: Vec<(u32, u8)> = Vec::new();
        let mut frontier = top.clone();
        for steps in 1..=KIN_REACH as u8 {
            frontier = (frontier.iter())
                .flat_map(|&id| self.hypernyms_of(id))
                .copied()
                .collect();
            near.extend(frontier.iter().map(|&id| (id, steps)));
        }
        // By id, each at its fewest steps.
        near.sort_unstable();
        near.dedup_by_key(|(id, _)| *id);
        Forms {
            known,
            verb_or_adverb,
            verb,
            adjective,
            lemmas,
            antonym_lemmas,
            nouns,
            top,
            near,
        }
    }

    /// See [`cohyponyms`].
    #[cfg(test)]
    pub(crate) fn cohyponyms(&self, a: &str, b: &str, reach: usize) -> bool {
        self.cohyponym_forms(a, b, reach, |w| std::rc::Rc::new(self.forms(w)))
    }

    /// [`cohyponyms`], with the [`Forms`] of a word from `forms`.
    fn cohyponym_forms(
        &self,
        a: &str,
        b: &str,
        reach: usize,
        forms: impl Fn(&str) -> std::rc::Rc<Forms>,
    ) -> bool {
        if self.noun_index.is_empty() || a == b {
            return false;
        }
        let fa = forms(a);
        let ia = &fa.nouns;
        if ia.is_empty() {
            return false;
        }
        let fb = forms(b);
        let ib = &fb.nouns;
        if ib.is_empty() || share_synset(ia, ib) {
            return false;
        }
        // A parent in common, or kin under a kind specific enough to tell them apart by
        // ("nurses"/"doctors", both health professionals; "trucks"/"buses", both conveyances),
        // when neither is a kind of the other at any distance ("animals" and "turtles").
        let within = |near: &[(u32, u8)], x: u32, reach: usize| {
            (near.binary_search_by_key(&x, |&(id, _)| id))
                .is_ok_and(|k| near[k].1 as usize <= reach)
        };
        let shared = |&(x, steps): &(u32, u8)| {
            (steps == 1 && within(&fb.near, x, 1))
                || (steps as usize <= reach
                    && within(&fb.near, x, reach)
                    && self.depth(x) >= SPECIFIC_DEPTH)
        };
        fa.near.iter().any(shared) && !self.is_kind_of(&fb.top, ia) && !self.is_kind_of(&fa.top, ib)
    }

    /// True when two word forms share a synset.
    #[cfg(test)]
    pub(crate) fn synonyms(&self, a: &str, b: &str) -> bool {
        if self.index.is_empty() || a == b {
            return false;
        }
        self.any_lemma(a, |x| {
            x.is_some_and(|x| {
                self.any_lemma(b, |y| {
                    y.is_some_and(|y| share_synset(self.synsets.get(x), self.synsets.get(y)))
                })
            })
        })
    }

    /// True when WordNet lists the two word forms as antonyms.
    #[cfg(test)]
    pub(crate) fn antonym(&self, a: &str, b: &str) -> bool {
        self.antonym_forms(a, b, |w| std::rc::Rc::new(self.forms(w)))
    }

    /// [`WordNet::antonym`], with the [`Forms`] of a word from `forms`.
    fn antonym_forms(&self, a: &str, b: &str, forms: impl Fn(&str) -> std::rc::Rc<Forms>) -> bool {
        if self.antonyms.is_empty() {
            return false;
        }
        let fa = forms(a);
        if fa.antonym_lemmas.is_empty() {
            return false;
        }
        let fb = forms(b);
        (fa.antonym_lemmas.iter())
            .any(|&x| fb.lemmas.iter().any(|&y| self.antonyms.contains(&(x, y))))
    }
}

/// What WordNet says of one word form, found once per worker thread ([`forms`]): the checks ask
/// it of the same words over and over, and each answer takes a dozen lemma look-ups.
#[derive(Debug, Default)]
struct Forms {
    /// Some lemma rule applies, even an irregular form whose lemma WordNet lacks: a predicate.
    known: bool,
    /// A lemma is a verb or an adverb.
    verb_or_adverb: bool,
    /// A lemma is a verb.
    verb: bool,
    /// A lemma is an adjective.
    adjective: bool,
    /// The lemmas (verbs, adjectives, adverbs), ascending.
    lemmas: Vec<u32>,
    /// Those that have an antonym.
    antonym_lemmas: Vec<u32>,
    /// Noun synset ids, ascending.
    nouns: Vec<u32>,
    /// The most frequent noun senses (at most [`TOP_SENSES`]), most frequent first.
    top: Vec<u32>,
    /// The kinds `top` is of, up to [`KIN_REACH`] steps above it, by id, each with its fewest
    /// steps.
    near: Vec<(u32, u8)>,
}

/// Most words whose [`Forms`] a thread keeps before it starts afresh (memory stays bounded).
const FORMS_LIMIT: usize = 100_000;

thread_local! {
    static FORMS: std::cell::RefCell<HashMap<Box<str>, std::rc::Rc<Forms>>> =
        std::cell::RefCell::new(HashMap::default());
}

/// The [`Forms`] of a word form in the loaded lexicon, cached per thread.
fn forms(word: &str) -> std::rc::Rc<Forms> {
    if let Some(f) = FORMS.with(|m| m.borrow().get(word).cloned()) {
        return f;
    }
    let f = std::rc::Rc::new(wordnet().forms(word));
    FORMS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= FORMS_LIMIT {
            m.clear();
        }
        m.insert(Box::from(word), f.clone());
    });
    f
}

/// True when WordNet knows the word as a verb, adjective or adverb (it is then a common word,
/// not a name, and can carry a negation). False for everything when WordNet is absent.
pub(crate) fn is_predicate(word: &str) -> bool {
    forms(word).known
}

/// True when WordNet knows the word as a verb or adverb: a capitalised one ("Think", "Wanna")
/// is a sentence start in chat text, not a name. Adjectives are not counted, since capitalised
/// ones ("Swedish") are usually names.
pub(crate) fn is_verb_or_adverb(word: &str) -> bool {
    forms(word).verb_or_adverb
}

/// True when WordNet knows the word as a verb. False for everything when WordNet is absent.
pub(crate) fn is_verb(word: &str) -> bool {
    forms(word).verb
}

/// True when WordNet knows the word as an adjective. False for everything when WordNet is absent.
pub(crate) fn is_adjective(word: &str) -> bool {
    forms(word).adjective
}

/// True when WordNet has an entry for the word form, as any part of speech. False for everything
/// when WordNet is absent.
pub(crate) fn has_entry(word: &str) -> bool {
    let f = forms(word);
    !f.lemmas.is_empty() || !f.nouns.is_empty()
}

/// True when WordNet has both word forms as nouns only, of no shared sense: "grandma" and
/// "grandpa" are two words, where "colour" and "color" are one spelt two ways. A form that is
/// also a verb or an adjective may be a derivation of the other ("diagnosed", "diagnosis"), which
/// WordNet's synsets do not link. False for everything when WordNet is absent.
pub(crate) fn distinct_nouns(a: &str, b: &str) -> bool {
    a != b && distinct_noun_forms(&forms(a), &forms(b))
}

/// [`distinct_nouns`] of two words by their [`Forms`].
fn distinct_noun_forms(a: &Forms, b: &Forms) -> bool {
    let noun_only = |f: &Forms| !f.known && !f.nouns.is_empty();
    noun_only(a) && noun_only(b) && !share_synset(&a.nouns, &b.nouns)
}

/// True when WordNet has both word forms as nouns, of no shared sense, and neither is a kind of
/// the other in any sense at any distance: "towns" and "villages", not "trucks" and "vehicles".
/// A form that WordNet also has as a verb, adjective or adverb counts only when the caller saw
/// it used as a noun (`a_noun`, `b_noun`: "the capital"). False for everything when WordNet is
/// absent.
pub(crate) fn unrelated_nouns(a: &str, b: &str, a_noun: bool, b_noun: bool) -> bool {
    if a == b {
        return false;
    }
    let (fa, fb) = (forms(a), forms(b));
    let wn = wordnet();
    let noun = |f: &Forms, used: bool| !f.nouns.is_empty() && (used || !f.known);
    noun(&fa, a_noun)
        && noun(&fb, b_noun)
        && !share_synset(&fa.nouns, &fb.nouns)
        && !wn.is_kind_of(&fa.nouns, &fb.nouns)
        && !wn.is_kind_of(&fb.nouns, &fa.nouns)
}

/// True when WordNet lists `a` and `b` (normal forms) as antonyms.
pub(crate) fn antonyms(a: &str, b: &str) -> bool {
    wordnet().antonym_forms(a, b, forms)
}

/// The irregular inflections of verbs, adjectives and adverbs whose lemma `keep` accepts, with
/// that lemma ("lost", "lose"), from WordNet's exception lists; empty without WordNet. Sorted,
/// so that what is built from them does not depend on hash order.
pub(crate) fn irregular_forms(keep: impl Fn(&str) -> bool) -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&'static str, &'static str)> = (wordnet().exceptions.iter())
        .filter(|(_, lemma)| keep(lemma))
        .map(|(form, lemma)| (&**form, &**lemma))
        .collect();
    out.sort_unstable();
    out
}

/// The synset ids of every lemma of a word form, sorted; empty without WordNet.
pub(crate) fn synset_ids(word: &str) -> Vec<u32> {
    let wn = wordnet();
    let mut ids: Vec<u32> = Vec::new();
    wn.any_lemma(word, |l| {
        if let Some(l) = l {
            ids.extend_from_slice(wn.synsets.get(l));
        }
        false
    });
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// True when two nouns are different members of one kind: not synonyms, neither a kind of the
/// other, and their most frequent senses (at most [`TOP_SENSES`]) share a parent, or a kind at
/// most `reach` steps above each that is specific enough ([`SPECIFIC_DEPTH`])
/// ("astronomers"/"biologists", "sales"/"profits", "nurses"/"doctors"). `reach` is at most
/// [`KIN_REACH`]: 2 for names, whose kinds are broad ("MP" and "Councillor" meet further up),
/// [`KIN_REACH`] for common nouns ("buses"/"trucks").
pub(crate) fn cohyponyms(a: &str, b: &str, reach: usize) -> bool {
    wordnet().cohyponym_forms(a, b, reach, forms)
}

/// How many part-of steps [`wholes_of`] climbs: a city, its region, its country, a continent.
const PART_OF_DEPTH: usize = 4;

/// The noun synsets that a word's own (a place's) are part of, through up to [`PART_OF_DEPTH`]
/// part-holonym steps: "bergen" → Norway, Scandinavia, Europe. Sorted; empty without WordNet.
pub(crate) fn wholes_of(word: &str) -> Vec<u32> {
    wordnet().wholes(word)
}

/// The noun synsets a word names as a region: its own as a noun ("norway") and, for an adjective,
/// the nouns it pertains to ("norwegian" → Norway). Sorted; empty without WordNet.
pub(crate) fn region_ids(word: &str) -> Vec<u32> {
    wordnet().regions(word)
}

/// One bit per synset id, hashed into 64: see `Token::synset_bits`.
pub(crate) fn synset_bits(ids: &[u32]) -> u64 {
    ids.iter().fold(0, |bits, id| {
        bits | 1 << (id.wrapping_mul(0x9E37_79B1) >> 26)
    })
}

/// A word's synset ids, sorted, with a 512-bit summary of them: one bit per id, hashed apart
/// from [`synset_bits`]. Two words whose `synset_bits` overlap are mostly words with many
/// synsets, and the summaries settle six in seven of those pairs without reading the lists.
#[derive(Debug, Default)]
pub(crate) struct Synsets {
    summary: [u64; 8],
    ids: Vec<u32>,
}

impl Synsets {
    /// The synsets `ids` (sorted).
    pub(crate) fn new(ids: Vec<u32>) -> Synsets {
        let mut summary = [0u64; 8];
        for id in &ids {
            let h = id.wrapping_mul(0x85EB_CA6B) >> 23;
            summary[(h >> 6) as usize] |= 1 << (h & 63);
        }
        Synsets { summary, ids }
    }

    /// The ids, ascending.
    pub(crate) fn ids(&self) -> &[u32] {
        &self.ids
    }

    /// True when the two share a synset.
    pub(crate) fn shared(&self, other: &Synsets) -> bool {
        let common = (self.summary.iter().zip(&other.summary)).fold(0, |acc, (a, b)| acc | a & b);
        common != 0 && share_synset(&self.ids, &other.ids)
    }
}

/// True when two sorted synset lists share an id.
pub(crate) fn share_synset(a: &[u32], b: &[u32]) -> bool {
    // Lists whose ranges do not overlap share nothing; a third of the comparisons end here
    // (synset ids run verbs, then adjectives, then adverbs).
    match (a.first(), a.last(), b.first(), b.last()) {
        (Some(a_first), Some(a_last), Some(b_first), Some(b_last))
            if a_first <= b_last && b_first <= a_last => {}
        _ => return false,
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_the_general_parser_reads_them() {
        let fields = "0,7,00001740,99999999,123456789,4294967295,4294967296,+12,-1,1a,0a,ff,FF,\
                      ffffffff,fffffffff,0101, 1,1 ,\u{661},";
        for field in fields.split(',') {
            assert_eq!(decimal(field), field.parse::<u32>().ok(), "{field:?}");
            for radix in [10, 16] {
                let general = usize::from_str_radix(field, radix).ok();
                assert_eq!(unsigned(field, radix), general, "{field:?} in {radix}");
            }
        }
    }

    #[test]
    fn first_space_as_a_byte_loop_finds_it() {
        let text = "00001740 00 a 01 able 0 ab\u{e9}c\u{e9}d\u{e9}fgh  x 0123456789abcdef";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let bytes = &text.as_bytes()[start..end];
                let slow = bytes.iter().position(|&b| b == b' ').unwrap_or(bytes.len());
                assert_eq!(first_space(bytes), slow, "{start}..{end}");
            }
        }
    }

    #[test]
    fn reads_a_tiny_database() {
        let dir = tempdir();
        std::fs::write(
            dir.join("data.adj"),
            "  1 licence header\n\
             00001740 00 a 01 able 0 001 ! 00002098 a 0101 | having the means\n\
             00002098 00 a 01 unable 0 001 ! 00001740 a 0101 | not able\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("data.verb"),
            "00100000 30 v 02 rise 0 lift 0 000 | move upward\n",
        )
        .unwrap();
        std::fs::write(dir.join("verb.exc"), "rose rise\n").unwrap();
        let wn = WordNet::load(&dir).unwrap();
        assert!(wn.antonym("able", "unable"));
        assert!(wn.synonyms("rises", "lifted"));
        assert!(wn.synonyms("rose", "lift"));
        assert!(!wn.synonyms("able", "rise"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn nouns_of_one_kind() {
        let dir = noun_files(
            "nouns",
            "  1 licence header\n\
             00000010 05 n 01 scientist 0 000 | a person\n\
             00000020 05 n 02 Astronomer 0 stargazer 0 001 @ 00000010 n 0000 | one\n\
             00000030 05 n 01 biologist 0 001 @ 00000010 n 0000 | another\n\
             00000040 05 n 01 woman 0 000 | a person\n",
        );
        std::fs::write(dir.join("noun.exc"), "women woman\n").unwrap();
        let wn = WordNet::load(&dir).unwrap();
        assert!(wn.cohyponyms("astronomers", "biologist", KIN_REACH));
        assert!(
            !wn.cohyponyms("astronomer", "stargazers", KIN_REACH),
            "synonyms"
        );
        assert!(
            !wn.cohyponyms("astronomer", "scientist", KIN_REACH),
            "a kind and its kind"
        );
        assert!(!wn.cohyponyms("women", "biologist", KIN_REACH));
        assert!(!wn.synonyms("rise", "astronomer"), "nouns are kept apart");
        let distinct = |a: &str, b: &str| distinct_noun_forms(&wn.forms(a), &wn.forms(b));
        assert!(distinct("astronomer", "biologists"));
        assert!(!distinct("astronomer", "stargazer"), "synonyms");
        assert!(!distinct("astronomer", "planetarium"), "not in WordNet");
        assert!(
            !distinct("astronomer", "rise"),
            "a verb may be a derivation"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn kinds_by_most_frequent_senses() {
        let dir = noun_files(
            "senses",
            "00000300 10 n 01 dollar 0 001 @ 00000310 n 0000 | the sign\n\
             00000310 10 n 01 symbol 0 000 | a sign\n\
             00000350 21 n 01 dollar 0 001 @ 00000360 n 0000 | a coin\n\
             00000360 21 n 01 coin 0 000 | money\n\
             00000400 23 n 01 dollar 0 001 @ 00000410 n 0000 | a unit of money\n\
             00000410 23 n 02 monetary_unit 0 unit 0 000 | a unit\n\
             00000420 23 n 01 euro 0 001 @ 00000410 n 0000 | a unit of money\n",
        );
        let wn = WordNet::load(&dir).unwrap();
        assert!(
            !wn.cohyponyms("dollars", "euro", KIN_REACH),
            "without index.noun, the first senses in file order are the sign and the coin"
        );
        std::fs::write(
            dir.join("index.noun"),
            "  1 licence header\n\
             dollar n 3 1 @ 3 1 00000400 00000300 00000350  \n\
             euro n 1 1 @ 1 0 00000420  \n",
        )
        .unwrap();
        let wn = WordNet::load(&dir).unwrap();
        assert!(
            wn.cohyponyms("dollars", "euro", KIN_REACH),
            "the most frequent sense is the unit"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn cousins_under_a_specific_kind() {
        // entity (depth 0) … professional (depth 6) above practitioner above doctor, and
        // nurse right under professional; structure at depth 5 above area above room, and
        // theatre right under structure; drudge is a kind of doctor (so of practitioner) and,
        // in another sense, a professional's grandchild (so practitioner's cousin).
        let dir = noun_files(
            "cousins",
            "00000100 03 n 01 entity 0 000 | the root\n\
             00000110 03 n 01 d_one 0 001 @ 00000100 n 0000 | x\n\
             00000120 03 n 01 d_two 0 001 @ 00000110 n 0000 | x\n\
             00000130 03 n 01 d_three 0 001 @ 00000120 n 0000 | x\n\
             00000140 03 n 01 d_four 0 001 @ 00000130 n 0000 | x\n\
             00000150 03 n 01 d_five 0 001 @ 00000140 n 0000 | x\n\
             00000160 18 n 01 professional 0 001 @ 00000150 n 0000 | x\n\
             00000170 18 n 01 practitioner 0 001 @ 00000160 n 0000 | x\n\
             00000180 18 n 01 doctor 0 001 @ 00000170 n 0000 | x\n\
             00000190 18 n 01 nurse 0 001 @ 00000160 n 0000 | x\n\
             00000200 06 n 01 structure 0 001 @ 00000140 n 0000 | x\n\
             00000210 06 n 01 area 0 001 @ 00000200 n 0000 | x\n\
             00000220 06 n 01 room 0 001 @ 00000210 n 0000 | x\n\
             00000230 06 n 01 theatre 0 001 @ 00000200 n 0000 | x\n\
             00000240 18 n 01 drudge 0 001 @ 00000180 n 0000 | x\n\
             00000250 18 n 01 drudge 0 001 @ 00000260 n 0000 | x\n\
             00000260 18 n 01 helper 0 001 @ 00000160 n 0000 | x\n\
             00000270 18 n 01 specialist 0 001 @ 00000280 n 0000 | x\n\
             00000280 18 n 01 expert 0 001 @ 00000160 n 0000 | x\n\
             00000290 18 n 01 surgeon 0 001 @ 00000270 n 0000 | x\n\
             00000300 18 n 01 f_one 0 001 @ 00000160 n 0000 | x\n\
             00000310 18 n 01 f_two 0 001 @ 00000300 n 0000 | x\n\
             00000320 18 n 01 f_three 0 001 @ 00000310 n 0000 | x\n\
             00000330 18 n 01 f_four 0 001 @ 00000320 n 0000 | x\n\
             00000340 18 n 01 f_five 0 001 @ 00000330 n 0000 | x\n\
             00000350 18 n 01 hermit 0 001 @ 00000340 n 0000 | x\n",
        );
        let wn = WordNet::load(&dir).unwrap();
        assert_eq!(wn.depth(wn.noun_ids("professional")[0]), SPECIFIC_DEPTH);
        assert!(
            wn.cohyponyms("doctors", "nurse", KIN_REACH),
            "cousins under a professional"
        );
        assert!(
            wn.cohyponyms("nurse", "doctor", KIN_REACH),
            "either way round"
        );
        assert!(
            !wn.cohyponyms("room", "theatre", KIN_REACH),
            "structure is too general a kind"
        );
        assert!(
            !wn.cohyponyms("drudge", "practitioner", KIN_REACH),
            "a practitioner's grandchild in one sense"
        );
        assert!(
            !wn.cohyponyms("practitioner", "drudge", KIN_REACH),
            "either way round"
        );
        assert!(
            wn.cohyponyms("helper", "practitioner", KIN_REACH),
            "siblings"
        );
        assert!(
            wn.cohyponyms("surgeon", "nurse", KIN_REACH),
            "a professional three steps up and one"
        );
        assert!(
            !wn.cohyponyms("surgeon", "nurse", 2),
            "beyond a reach of two"
        );
        assert!(
            !wn.cohyponyms("hermit", "nurse", KIN_REACH),
            "a professional six steps up is beyond reach"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The look-ups as first written, with `any_lemma` each time: the definitions that the
    /// cached [`Forms`] must answer alike.
    fn antonym_by_lemmas(wn: &WordNet, a: &str, b: &str) -> bool {
        !wn.antonyms.is_empty()
            && wn.any_lemma(a, |x| {
                x.is_some_and(|x| {
                    wn.flags[x as usize] & HAS_ANTONYM != 0
                        && wn.any_lemma(b, |y| y.is_some_and(|y| wn.antonyms.contains(&(x, y))))
                })
            })
    }

    fn cohyponyms_by_lemmas(wn: &WordNet, a: &str, b: &str, reach: usize) -> bool {
        if wn.noun_index.is_empty() || a == b {
            return false;
        }
        let (ia, ib) = (wn.noun_ids(a), wn.noun_ids(b));
        if ia.is_empty() || ib.is_empty() || share_synset(&ia, &ib) {
            return false;
        }
        let top = |w: &str| -> Vec<u32> {
            (wn.noun_lists(w, |n| wn.top_senses(n)).into_iter())
                .take(TOP_SENSES)
                .collect()
        };
        let (ta, tb) = (top(a), top(b));
        let up = |ids: &[u32]| -> Vec<u32> {
            (ids.iter())
                .flat_map(|&id| wn.hypernyms_of(id))
                .copied()
                .collect()
        };
        let (ha, hb) = (up(&ta), up(&tb));
        let above = |ids: &[u32], reach: usize| -> Vec<u32> {
            let (mut all, mut frontier) = (Vec::new(), ids.to_vec());
            for _ in 0..reach {
                frontier = up(&frontier);
                all.extend(&frontier);
            }
            all
        };
        let (na, nb) = (above(&ta, reach), above(&tb, reach));
        (ha.iter().any(|x| hb.contains(x))
            || na
                .iter()
                .any(|x| nb.contains(x) && wn.depth(*x) >= SPECIFIC_DEPTH))
            && !above(&tb, 64).iter().any(|x| ia.contains(x))
            && !above(&ta, 64).iter().any(|x| ib.contains(x))
    }

    /// The cached look-ups answer as the uncached ones, over the words of the fixtures and some
    /// known antonyms, kinds and irregular forms, with the installed WordNet (skipped without).
    #[test]
    fn cached_forms_answer_as_lemma_lookups() {
        let wn = wordnet();
        if wn.index.is_empty() {
            return;
        }
        let mut words: Vec<String> = [
            "able",
            "unable",
            "rise",
            "fall",
            "rose",
            "went",
            "go",
            "women",
            "woman",
            "buses",
            "trains",
            "astronomers",
            "biologists",
            "increase",
            "decrease",
            "stopped",
            "larger",
            "happiest",
            "sales",
            "profits",
            "win",
            "lost",
            "losing",
            "ghana",
            "senegal",
            "x",
            "",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
        for dir in std::fs::read_dir(&root).unwrap() {
            let text = std::fs::read_to_string(dir.unwrap().path().join("secondary.txt"));
            for w in text.unwrap_or_default().split(|c: char| !c.is_alphabetic()) {
                words.push(w.to_lowercase());
            }
        }
        words.sort();
        words.dedup();
        assert!(words.len() > 500);
        let (mut antonym_pairs, mut kind_pairs) = (0, 0);
        for a in &words {
            let fa = forms(a);
            assert_eq!(is_predicate(a), wn.any_lemma(a, |_| true), "{a}");
            let verb_or_adverb = wn.any_lemma(a, |l| {
                l.is_some_and(|l| wn.flags[l as usize] & VERB_OR_ADVERB != 0)
            });
            assert_eq!(is_verb_or_adverb(a), verb_or_adverb, "{a}");
            // Every pair with a word that may have an antonym or a kind; the rest answer false
            // on `a` alone.
            let may_have_antonym = wn.any_lemma(a, |x| {
                x.is_some_and(|x| wn.flags[x as usize] & HAS_ANTONYM != 0)
            });
            assert_eq!(fa.antonym_lemmas.is_empty(), !may_have_antonym, "{a}");
            assert_eq!(fa.nouns, wn.noun_ids(a), "{a}");
            if fa.antonym_lemmas.is_empty() && fa.nouns.is_empty() {
                continue;
            }
            // The other side: every word of the list, or every seventh for nouns alone (the
            // uncached check is slow).
            let step = if fa.antonym_lemmas.is_empty() { 7 } else { 1 };
            for b in words.iter().step_by(step) {
                let antonym = antonyms(a, b);
                assert_eq!(antonym, antonym_by_lemmas(wn, a, b), "{a} {b}");
                let kind = cohyponyms(a, b, KIN_REACH);
                assert_eq!(kind, cohyponyms_by_lemmas(wn, a, b, KIN_REACH), "{a} {b}");
                let near_kind = cohyponyms(a, b, 2);
                assert_eq!(near_kind, cohyponyms_by_lemmas(wn, a, b, 2), "{a} {b}");
                antonym_pairs += usize::from(antonym);
                kind_pairs += usize::from(kind);
            }
        }
        assert!(antonym_pairs > 0 && kind_pairs > 0);
    }

    #[test]
    fn places_and_the_regions_they_lie_in() {
        let dir = scratch("places");
        std::fs::write(
            dir.join("data.adj"),
            "00000100 01 a 02 Norwegian 0 Norse 0 002 \\ 00000300 n 0101 \\ 00000300 n 0201 | of Norway\n\
             00000200 01 a 01 coastal 0 001 \\ 00000500 n 0000 | of a coast\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("data.noun"),
            "00000300 15 n 01 Norway 0 001 #p 00000400 n 0000 | a country\n\
             00000400 15 n 01 Scandinavia 0 000 | a region\n\
             00000500 15 n 01 coast 0 000 | a shore\n\
             00000600 15 n 01 Bergen 0 001 #p 00000300 n 0000 | a port city in Norway\n",
        )
        .unwrap();
        let wn = WordNet::load(&dir).unwrap();
        let norway = wn.noun_ids("norway");
        let scandinavia = wn.noun_ids("scandinavia");
        assert_eq!(
            wn.regions("norwegian"),
            norway,
            "an adjective pertains to its noun"
        );
        assert_eq!(wn.regions("norse"), norway);
        let mut up = norway.clone();
        up.extend(&scandinavia);
        up.sort_unstable();
        assert_eq!(
            wn.wholes("bergen"),
            up,
            "part of Norway, which is part of Scandinavia"
        );
        assert!(wn.wholes("norway") == scandinavia);
        assert!(wn.wholes("oslo").is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn missing_database_is_none() {
        assert!(WordNet::load(Path::new("/nonexistent/wordnet")).is_none());
    }

    /// A new folder of this test's own (apart from `tempdir()`, which another test removes).
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("claimcheck-wn-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// A scratch folder with a one-line `data.verb` (WordNet needs a verb, adjective or adverb
    /// file) and `data_noun` as `data.noun`.
    fn noun_files(name: &str, data_noun: &str) -> PathBuf {
        let dir = scratch(name);
        std::fs::write(
            dir.join("data.verb"),
            "00100000 30 v 01 rise 0 000 | move upward\n",
        )
        .unwrap();
        std::fs::write(dir.join("data.noun"), data_noun).unwrap();
        dir
    }

    fn tempdir() -> PathBuf {
        let d = std::env::temp_dir().join(format!("claimcheck-wn-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
