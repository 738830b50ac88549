//! Optional WordNet 3.0 knowledge: synonyms (shared synsets) and antonyms (`!` pointers).
//!
//! WordNet is not shipped with claimcheck. When its data files are installed (Debian's
//! `wordnet-base` puts them in `/usr/share/wordnet`; `just wordnet` installs it), they are read
//! once, lazily, from `$CLAIMCHECK_WORDNET` or that default folder. Without them every lookup
//! answers "unknown" and the checks fall back to the built-in antonym core in `lexicon.rs`:
//! paraphrases with other words score lower and fewer antonym swaps are caught.
//! `CLAIMCHECK_WORDNET=off` disables it, to compare results with and without.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Synsets and antonym pairs of verbs, adjectives and adverbs, keyed by lemma.
///
/// Nouns are left out: their file is two thirds of WordNet, and paraphrase and antonym swaps in
/// summaries turn mostly on verbs and adjectives. Lookups lemmatize by WordNet's own rules
/// (exception lists, then suffix rules), so nothing is stemmed at load time.
#[derive(Default)]
pub(crate) struct WordNet {
    /// Lemma → synset ids, ascending.
    synsets: HashMap<String, Vec<u32>>,
    /// Lemma → lemmas of its antonyms.
    antonyms: HashMap<String, HashSet<String>>,
    /// Irregular inflection → lemma ("went" → "go").
    exceptions: HashMap<String, String>,
    /// Lemmas WordNet has as verbs or adverbs (never adjectives such as "Swedish").
    verbs_adverbs: HashSet<String>,
    /// Noun lemma → noun synset ids, ascending (kept apart: a noun is not a predicate).
    noun_synsets: HashMap<String, Vec<u32>>,
    /// Noun synset id → its hypernyms (`@`, `@i`).
    hypernyms: HashMap<u32, Vec<u32>>,
    /// Irregular noun plural → lemma ("women" → "woman").
    noun_exceptions: HashMap<String, String>,
}

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
    !wordnet().synsets.is_empty()
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

impl WordNet {
    /// Reads `data.{verb,adj,adv}` and the exception lists from `dir`; `None` when missing.
    pub(crate) fn load(dir: &Path) -> Option<WordNet> {
        let mut wn = WordNet::default();
        let mut next_id: u32 = 0;
        let mut by_offset: HashMap<(u8, u32), Vec<String>> = HashMap::default();
        let mut pending: Vec<(String, u8, u32, usize)> = Vec::new();
        let mut read_any = false;
        for (file, pos) in [("data.verb", b'v'), ("data.adj", b'a'), ("data.adv", b'r')] {
            let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
                continue;
            };
            read_any = true;
            for line in text.lines() {
                if line.starts_with(' ') {
                    continue; // licence header
                }
                let body = line.split(" | ").next().unwrap_or("");
                let f: Vec<&str> = body.split(' ').collect();
                if f.len() < 4 {
                    continue;
                }
                let Ok(offset) = f[0].parse::<u32>() else {
                    continue;
                };
                let Ok(w_cnt) = usize::from_str_radix(f[3], 16) else {
                    continue;
                };
                let mut words = Vec::with_capacity(w_cnt);
                for k in 0..w_cnt {
                    let Some(w) = f.get(4 + 2 * k) else { break };
                    // Drop adjective markers such as "(a)"; multi-word lemmas never match a token.
                    let w = w.split('(').next().unwrap_or("").to_lowercase();
                    words.push(if w.contains('_') { String::new() } else { w });
                }
                let id = next_id;
                next_id += 1;
                for w in words.iter().filter(|w| !w.is_empty()) {
                    if pos != b'a' {
                        wn.verbs_adverbs.insert(w.clone());
                    }
                    let list = wn.synsets.entry(w.clone()).or_default();
                    if list.last() != Some(&id) {
                        list.push(id);
                    }
                }
                let p_at = 4 + 2 * w_cnt;
                let p_cnt: usize = f.get(p_at).and_then(|c| c.parse().ok()).unwrap_or(0);
                for k in 0..p_cnt {
                    let base = p_at + 1 + 4 * k;
                    let (Some(sym), Some(off), Some(tpos), Some(st)) = (
                        f.get(base),
                        f.get(base + 1),
                        f.get(base + 2),
                        f.get(base + 3),
                    ) else {
                        break;
                    };
                    if *sym != "!" || st.len() != 4 {
                        continue;
                    }
                    let source = usize::from_str_radix(&st[..2], 16).unwrap_or(0);
                    let target = usize::from_str_radix(&st[2..], 16).unwrap_or(0);
                    let (Ok(off), Some(tp)) = (off.parse::<u32>(), tpos.bytes().next()) else {
                        continue;
                    };
                    if source == 0 || target == 0 {
                        continue;
                    }
                    if let Some(src) = words.get(source - 1).filter(|w| !w.is_empty()) {
                        let tp = if tp == b's' { b'a' } else { tp };
                        pending.push((src.clone(), tp, off, target - 1));
                    }
                }
                by_offset.insert((pos, offset), words);
            }
        }
        if !read_any {
            return None;
        }
        wn.load_nouns(dir, &mut next_id);
        for (src, pos, off, target) in pending {
            if let Some(t) = by_offset.get(&(pos, off)).and_then(|ws| ws.get(target)) {
                if !t.is_empty() && *t != src {
                    wn.antonyms
                        .entry(src.clone())
                        .or_default()
                        .insert(t.clone());
                    wn.antonyms.entry(t.clone()).or_default().insert(src);
                }
            }
        }
        for file in ["verb.exc", "adj.exc", "adv.exc"] {
            if let Ok(text) = std::fs::read_to_string(dir.join(file)) {
                for line in text.lines() {
                    let mut f = line.split(' ');
                    if let (Some(form), Some(lemma)) = (f.next(), f.next()) {
                        wn.exceptions
                            .entry(form.to_string())
                            .or_insert_with(|| lemma.to_string());
                    }
                }
            }
        }
        Some(wn)
    }

    /// Reads `data.noun` (synonyms and hypernyms) and `noun.exc`, when present.
    fn load_nouns(&mut self, dir: &Path, next_id: &mut u32) {
        let Ok(text) = std::fs::read_to_string(dir.join("data.noun")) else {
            return;
        };
        let mut id_of: HashMap<u32, u32> = HashMap::default();
        let mut edges: Vec<(u32, u32)> = Vec::new();
        for line in text.lines() {
            if line.starts_with(' ') {
                continue;
            }
            let body = line.split(" | ").next().unwrap_or("");
            let f: Vec<&str> = body.split(' ').collect();
            if f.len() < 4 {
                continue;
            }
            let (Ok(offset), Ok(w_cnt)) = (f[0].parse::<u32>(), usize::from_str_radix(f[3], 16))
            else {
                continue;
            };
            let id = *next_id;
            *next_id += 1;
            id_of.insert(offset, id);
            for k in 0..w_cnt {
                let Some(w) = f.get(4 + 2 * k) else { break };
                let w = w.to_lowercase();
                if w.contains('_') {
                    continue;
                }
                let list = self.noun_synsets.entry(w).or_default();
                if list.last() != Some(&id) {
                    list.push(id);
                }
            }
            let p_at = 4 + 2 * w_cnt;
            let p_cnt: usize = f.get(p_at).and_then(|c| c.parse().ok()).unwrap_or(0);
            for k in 0..p_cnt {
                let base = p_at + 1 + 4 * k;
                let (Some(sym), Some(off)) = (f.get(base), f.get(base + 1)) else {
                    break;
                };
                if matches!(*sym, "@" | "@i") {
                    if let Ok(off) = off.parse::<u32>() {
                        edges.push((id, off));
                    }
                }
            }
        }
        for (id, off) in edges {
            if let Some(&h) = id_of.get(&off) {
                self.hypernyms.entry(id).or_default().push(h);
            }
        }
        if let Ok(text) = std::fs::read_to_string(dir.join("noun.exc")) {
            for line in text.lines() {
                let mut f = line.split(' ');
                if let (Some(form), Some(lemma)) = (f.next(), f.next()) {
                    self.noun_exceptions
                        .entry(form.to_string())
                        .or_insert_with(|| lemma.to_string());
                }
            }
        }
    }

    /// The noun synset ids of a word form, by morphy's noun rules; sorted.
    fn noun_ids(&self, word: &str) -> Vec<u32> {
        let mut lemmas: Vec<String> = Vec::new();
        if self.noun_synsets.contains_key(word) {
            lemmas.push(word.to_string());
        }
        if let Some(l) = self.noun_exceptions.get(word) {
            lemmas.push(l.clone());
        }
        for (suffix, ending) in [
            ("s", ""),
            ("ses", "s"),
            ("xes", "x"),
            ("zes", "z"),
            ("ches", "ch"),
            ("shes", "sh"),
            ("men", "man"),
            ("ies", "y"),
        ] {
            if let Some(base) = word.strip_suffix(suffix) {
                let c = format!("{base}{ending}");
                if self.noun_synsets.contains_key(&c) && !lemmas.contains(&c) {
                    lemmas.push(c);
                }
            }
        }
        let mut ids: Vec<u32> = lemmas
            .iter()
            .filter_map(|l| self.noun_synsets.get(l))
            .flatten()
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The lemmas a word form may have: itself, an irregular lemma, and suffix-rule lemmas that
    /// WordNet knows.
    fn lemmas(&self, word: &str) -> Vec<String> {
        let mut out = Vec::new();
        if self.synsets.contains_key(word) {
            out.push(word.to_string());
        }
        if let Some(l) = self.exceptions.get(word) {
            out.push(l.clone());
        }
        for (suffix, ending) in SUFFIXES {
            if let Some(base) = word.strip_suffix(suffix) {
                let candidate = format!("{base}{ending}");
                if candidate.len() >= 2
                    && self.synsets.contains_key(&candidate)
                    && !out.contains(&candidate)
                {
                    out.push(candidate);
                }
                // Doubled final consonant: "stopped" → "stop".
                let b = base.as_bytes();
                if ending.is_empty()
                    && b.len() >= 3
                    && b[b.len() - 1].is_ascii()
                    && b[b.len() - 1] == b[b.len() - 2]
                {
                    let single = &base[..base.len() - 1];
                    if self.synsets.contains_key(single) && !out.iter().any(|o| o == single) {
                        out.push(single.to_string());
                    }
                }
            }
        }
        out
    }

    /// True when two word forms share a synset.
    #[cfg(test)]
    pub(crate) fn synonyms(&self, a: &str, b: &str) -> bool {
        if self.synsets.is_empty() || a == b {
            return false;
        }
        let lb = self.lemmas(b);
        self.lemmas(a).iter().any(|x| {
            lb.iter()
                .any(|y| match (self.synsets.get(x), self.synsets.get(y)) {
                    (Some(p), Some(q)) => p.iter().any(|s| q.binary_search(s).is_ok()),
                    _ => false,
                })
        })
    }

    /// True when WordNet lists the two word forms as antonyms.
    pub(crate) fn antonym(&self, a: &str, b: &str) -> bool {
        if self.antonyms.is_empty() {
            return false;
        }
        let lb = self.lemmas(b);
        self.lemmas(a).iter().any(|x| {
            self.antonyms
                .get(x)
                .is_some_and(|set| lb.iter().any(|y| set.contains(y)))
        })
    }
}

/// True when WordNet knows the word as a verb, adjective or adverb (it is then a common word,
/// not a name, and can carry a negation). False for everything when WordNet is absent.
pub(crate) fn is_predicate(word: &str) -> bool {
    !wordnet().lemmas(word).is_empty()
}

/// True when WordNet knows the word as a verb or adverb: a capitalised one ("Think", "Wanna")
/// is a sentence start in chat text, not a name. Adjectives are not counted, since capitalised
/// ones ("Swedish") are usually names.
pub(crate) fn is_verb_or_adverb(word: &str) -> bool {
    let wn = wordnet();
    wn.lemmas(word).iter().any(|l| wn.verbs_adverbs.contains(l))
}

/// True when WordNet lists `a` and `b` (normal forms) as antonyms.
pub(crate) fn antonyms(a: &str, b: &str) -> bool {
    wordnet().antonym(a, b)
}

/// The synset ids of every lemma of a word form, sorted; empty without WordNet.
pub(crate) fn synset_ids(word: &str) -> Vec<u32> {
    let wn = wordnet();
    if wn.synsets.is_empty() {
        return Vec::new();
    }
    let mut ids: Vec<u32> = wn
        .lemmas(word)
        .iter()
        .filter_map(|l| wn.synsets.get(l))
        .flatten()
        .copied()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// True when two nouns are different members of one kind: not synonyms, neither a hypernym of
/// the other, but sharing a direct hypernym through one of their first two synsets (file order, a
/// cheap cap; not sense frequency, which would need `index.noun`)
/// ("astronomers"/"biologists", "sales"/"profits", "roommate"/"landlord").
pub(crate) fn cohyponyms(a: &str, b: &str) -> bool {
    let wn = wordnet();
    if wn.noun_synsets.is_empty() || a == b {
        return false;
    }
    let (ia, ib) = (wn.noun_ids(a), wn.noun_ids(b));
    if ia.is_empty() || ib.is_empty() || share_synset(&ia, &ib) {
        return false;
    }
    let up = |ids: &[u32]| -> HashSet<u32> {
        ids.iter()
            .take(2)
            .filter_map(|id| wn.hypernyms.get(id))
            .flatten()
            .copied()
            .collect()
    };
    let (ha, hb) = (up(&ia), up(&ib));
    if ia.iter().any(|x| hb.contains(x)) || ib.iter().any(|x| ha.contains(x)) {
        return false;
    }
    ha.intersection(&hb).next().is_some()
}

/// One bit per synset id, hashed into 64: see `Token::synset_bits`.
pub(crate) fn synset_bits(ids: &[u32]) -> u64 {
    ids.iter().fold(0, |bits, id| {
        bits | 1 << (id.wrapping_mul(0x9E37_79B1) >> 26)
    })
}

/// True when two sorted synset lists share an id.
pub(crate) fn share_synset(a: &[u32], b: &[u32]) -> bool {
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
    fn missing_database_is_none() {
        assert!(WordNet::load(Path::new("/nonexistent/wordnet")).is_none());
    }

    fn tempdir() -> PathBuf {
        let d = std::env::temp_dir().join(format!("claimcheck-wn-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
