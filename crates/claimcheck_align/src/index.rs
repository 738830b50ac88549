//! The primary, tokenized once and indexed for retrieval.
//!
//! Candidate passages for a claim come from a BM25 ranking over an inverted index of sentence
//! stems, so the cost of a claim grows with the postings of its words, not with the length of the
//! primary. Only the few best candidates are then compared word by word.

use crate::text::{numbers, tokenize_into, MatchKey, Number, Token, Word};
use claimcheck_core::names::name_words;
use claimcheck_core::{Document, Role, Span};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// BM25 term-frequency saturation.
const BM25_K1: f32 = 1.2;
/// BM25 length normalisation.
const BM25_B: f32 = 0.75;

/// A token's [`MatchKey`] and its position in [`Primary::tokens`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Keyed {
    /// The key.
    pub(crate) key: MatchKey,
    /// The token's index.
    pub(crate) token: u32,
}

/// A primary transcript ready for alignment: tokens, per-sentence ranges and an inverted index.
pub struct Primary {
    /// A number no other `Primary` of this process has: what [`Primary::retrieve`]'s memo of
    /// its last scores is keyed by.
    id: u64,
    pub(crate) doc: Document,
    pub(crate) tokens: Vec<Token>,
    /// For each sentence, its range in `tokens`.
    pub(crate) sentence_tokens: Vec<Range<usize>>,
    /// For each token, the sentence it belongs to.
    pub(crate) token_sentence: Vec<u32>,
    /// The match keys of each sentence's tokens, at the same places as `tokens` but with the
    /// content words of each sentence first: word matching reads 24 bytes a word, and skips the
    /// function words for most claim words.
    keys: Vec<Keyed>,
    /// For each sentence, where its content words end in `keys`.
    content_ends: Vec<u32>,
    /// Stem → id.
    stem_ids: HashMap<Word, u32>,
    /// Stem id → postings (sentence, term frequency), sentences ascending.
    postings: Lists<(u32, u16)>,
    /// Normal form → id.
    norm_ids: HashMap<Word, u32>,
    /// Normal form id → token positions, ascending; for verbatim quote search.
    positions: Lists<u32>,
    /// For each sentence, BM25's length normalisation `k1 (1 - b + b len / avg_len)`, computed
    /// once here rather than for every posting a claim's words reach.
    len_norms: Vec<f32>,
    /// Every number the primary mentions, in order.
    pub(crate) numbers: Vec<Number>,
    /// For each sentence, its range in `numbers`.
    sentence_numbers: Vec<Range<usize>>,
    /// Lowercased words of every name the main speaker goes by.
    pub(crate) speaker_words: Vec<Word>,
    /// Lowercased words of the labels of everyone else who speaks.
    pub(crate) other_speaker_words: Vec<String>,
    /// Each other speaker's label with the name words that identify it in a claim.
    pub(crate) other_labels: Vec<(String, Vec<Word>)>,
    /// The WordNet synsets of the regions the primary's names lie in, made when first asked.
    regions: std::sync::OnceLock<rustc_hash::FxHashSet<u32>>,
    /// Some turn is an interviewer's: the primary is an interview, not a conversation of peers.
    pub(crate) interview: bool,
    /// Each turn's run ([`Primary::run_index`]).
    turn_runs: Vec<u32>,
    /// Every speaker label a claim may name, with its lower case and whether it is the main
    /// speaker's: the main speaker's names first, then the other labels (lowercased once here,
    /// not for every claim).
    pub(crate) subject_labels: Vec<(String, String, bool)>,
}

impl Primary {
    /// Tokenizes and indexes a primary transcript.
    pub fn new(doc: Document) -> Primary {
        crate::wordnet::preload();
        // About one token per six bytes of text.
        let mut tokens = Vec::with_capacity(doc.text.len() / 6);
        let mut sentence_tokens = Vec::with_capacity(doc.sentences.len());
        let mut token_sentence = Vec::new();
        let mut norm = String::new();
        for (si, s) in doc.sentences.iter().enumerate() {
            let start = tokens.len();
            tokenize_into(&doc.text, s.span, &mut tokens, &mut norm);
            sentence_tokens.push(start..tokens.len());
            token_sentence.resize(tokens.len(), si as u32);
        }
        // Number the normal forms of all tokens and the stems of content tokens, then lay out
        // each one's positions and postings in one vector.
        // Sized for a text's distinct words (about one in four tokens, fewer stems), so that
        // numbering them does not grow the tables again and again.
        let mut norm_ids: HashMap<Word, u32> =
            HashMap::with_capacity_and_hasher(tokens.len() / 3, Default::default());
        let mut stem_ids: HashMap<Word, u32> =
            HashMap::with_capacity_and_hasher(tokens.len() / 4, Default::default());
        let mut token_norms: Vec<(u32, u32)> = Vec::with_capacity(tokens.len());
        let mut content: Vec<(u32, u32)> = Vec::with_capacity(tokens.len());
        // The tokens of a normal form share its facts, mostly one copy of them: each copy's
        // numbers are found once and kept by its address (the tokens keep every copy alive).
        let mut by_facts: HashMap<usize, (u32, Option<u32>)> =
            HashMap::with_capacity_and_hasher(tokens.len() / 3, Default::default());
        for (si, range) in sentence_tokens.iter().enumerate() {
            for ti in range.clone() {
                let t = &tokens[ti];
                let (norm, stem) = *by_facts.entry(t.facts_address()).or_insert_with(|| {
                    let stem = t.is_content().then(|| number(&mut stem_ids, &t.stem));
                    (number(&mut norm_ids, &t.norm), stem)
                });
                token_norms.push((norm, ti as u32));
                if let Some(stem) = stem {
                    content.push((stem, si as u32));
                }
            }
        }
        let mut keys = Vec::with_capacity(tokens.len());
        let mut content_ends = Vec::with_capacity(sentence_tokens.len());
        let mut others = Vec::new();
        for range in &sentence_tokens {
            for (ti, t) in tokens[range.clone()].iter().enumerate() {
                let keyed = Keyed {
                    key: t.key,
                    token: (range.start + ti) as u32,
                };
                if t.is_content() {
                    keys.push(keyed);
                } else {
                    others.push(keyed);
                }
            }
            content_ends.push(keys.len() as u32);
            keys.append(&mut others);
        }
        let positions = Lists::group(norm_ids.len(), &token_norms);
        let postings = Lists::group(stem_ids.len(), &content).runs();
        let avg_len = if sentence_tokens.is_empty() {
            1.0
        } else {
            tokens.len() as f32 / sentence_tokens.len() as f32
        };
        let len_norms = (sentence_tokens.iter())
            .map(|r| BM25_K1 * (1.0 - BM25_B + BM25_B * r.len() as f32 / avg_len))
            .collect();
        let words = |names: &mut dyn Iterator<Item = &String>| -> Vec<String> {
            let mut out: Vec<String> = names.flat_map(|n| name_words(n)).collect();
            out.sort();
            out.dedup();
            out
        };
        let speaker_words = words(&mut doc.primary_names.iter())
            .iter()
            .map(|w| Word::new(w))
            .collect();
        let others: Vec<String> = doc
            .turns
            .iter()
            .filter(|t| matches!(t.role, Role::Other | Role::Interviewer))
            .filter_map(|t| t.speaker.clone())
            .collect();
        let other_speaker_words = words(&mut others.iter());
        let mut other_labels: Vec<(String, Vec<Word>)> = Vec::new();
        for label in &others {
            if other_labels.iter().any(|(l, _)| l == label) {
                continue;
            }
            let generic = |w: &str| {
                matches!(
                    w,
                    "question"
                        | "interviewer"
                        | "host"
                        | "reporter"
                        | "journalist"
                        | "com"
                        | "www"
                        | "answer"
                        | "audience"
                        | "member"
                        | "moderator"
                ) || w.len() < 3
            };
            let ws: Vec<Word> = name_words(label)
                .iter()
                .filter(|w| !generic(w))
                .map(|w| Word::new(w))
                .collect();
            other_labels.push((label.clone(), ws));
        }
        debug_assert!(
            doc.sentences.windows(2).all(|w| w[0].turn <= w[1].turn),
            "sentences out of turn order"
        );
        let mut all_numbers = Vec::new();
        let mut sentence_numbers = Vec::with_capacity(sentence_tokens.len());
        for r in &sentence_tokens {
            let start = all_numbers.len();
            all_numbers.extend(numbers(&tokens[r.clone()]));
            sentence_numbers.push(start..all_numbers.len());
        }
        static IDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let interview = doc.turns.iter().any(|t| t.role == Role::Interviewer);
        let subject_labels = (doc.primary_names.iter().map(|l| (l, true)))
            .chain(other_labels.iter().map(|(l, _)| (l, false)))
            .map(|(l, main)| (l.clone(), l.to_lowercase(), main))
            .collect();
        let mut turn_runs: Vec<u32> = Vec::with_capacity(doc.turns.len());
        for (k, t) in doc.turns.iter().enumerate() {
            let same = k > 0 && t.speaker.is_some() && doc.turns[k - 1].speaker == t.speaker;
            let run = match turn_runs.last() {
                Some(&r) if same => r,
                Some(&r) => r + 1,
                None => 0,
            };
            turn_runs.push(run);
        }
        Primary {
            id: IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            turn_runs,
            numbers: all_numbers,
            sentence_numbers,
            doc,
            tokens,
            sentence_tokens,
            token_sentence,
            keys,
            content_ends,
            stem_ids,
            postings,
            norm_ids,
            positions,
            len_norms,
            speaker_words,
            other_speaker_words,
            other_labels,
            regions: std::sync::OnceLock::new(),
            interview,
            subject_labels,
        }
    }

    /// The regions (WordNet noun synsets) that the places the primary names are part of: with
    /// "Bergen" in the primary, Norway, Scandinavia and Europe. Empty without WordNet.
    pub(crate) fn regions(&self) -> &rustc_hash::FxHashSet<u32> {
        self.regions.get_or_init(|| {
            let names: rustc_hash::FxHashSet<&Word> = (self.tokens.iter())
                .filter(|t| t.capital)
                .map(|t| &t.norm)
                .collect();
            names
                .into_iter()
                .flat_map(|w| crate::wordnet::wholes_of(w))
                .collect()
        })
    }

    /// Gives back the transcript.
    pub fn into_document(self) -> Document {
        self.doc
    }

    /// The transcript.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// Number of sentences indexed.
    pub fn sentence_count(&self) -> usize {
        self.sentence_tokens.len()
    }

    /// The tokens of sentence `s`.
    pub(crate) fn sentence(&self, s: usize) -> &[Token] {
        &self.tokens[self.sentence_tokens[s].clone()]
    }

    pub(crate) fn sentence_span(&self, s: usize) -> Span {
        self.doc.sentences[s].span
    }

    pub(crate) fn sentence_role(&self, s: usize) -> Role {
        self.doc.turn_of(s).role
    }

    pub(crate) fn turn_index(&self, s: usize) -> usize {
        self.doc.sentences[s].turn
    }

    /// The run of turns sentence `s` is in: consecutive turns under one speaker label ("Ann: I
    /// will check..." then "Ann: Yes, there is some") are one run, as one person goes on
    /// speaking; an unlabelled turn is a run of its own.
    pub(crate) fn run_index(&self, s: usize) -> usize {
        self.turn_runs[self.turn_index(s)] as usize
    }

    /// The match keys of the tokens of sentence `s`, all of them and only its content words.
    pub(crate) fn sentence_keys(&self, s: usize) -> (&[Keyed], &[Keyed]) {
        let all = &self.keys[self.sentence_tokens[s].clone()];
        let content = self.content_ends[s] as usize - self.sentence_tokens[s].start;
        (all, &all[..content])
    }

    /// The numbers of sentence `s`.
    pub(crate) fn sentence_numbers(&self, s: usize) -> &[Number] {
        &self.numbers[self.sentence_numbers[s].clone()]
    }

    /// The numbers of every sentence of run `run` ([`Primary::run_index`]).
    pub(crate) fn numbers_in_run(&self, run: usize) -> impl Iterator<Item = &Number> + '_ {
        let sentences = &self.doc.sentences;
        // Sentences are in text order, so a turn's sentences are contiguous (checked in `new`),
        // and so are a run's.
        let run_of = |s: &claimcheck_core::Sentence| self.turn_runs[s.turn] as usize;
        let first = sentences.partition_point(|s| run_of(s) < run);
        let last = sentences.partition_point(|s| run_of(s) <= run);
        (first..last).flat_map(move |s| self.sentence_numbers(s).iter())
    }

    /// Document frequency of a stem (0 when the primary never uses it).
    pub(crate) fn df(&self, stem: &Word) -> usize {
        self.stem_ids
            .get(stem)
            .map_or(0, |&id| self.postings.get(id).len())
    }

    /// Inverse document frequency, BM25 style, always positive.
    pub(crate) fn idf(&self, stem: &Word) -> f32 {
        self.idf_of(self.df(stem))
    }

    /// Inverse document frequency of a stem found in `df` sentences.
    pub(crate) fn idf_of(&self, df: usize) -> f32 {
        let n = self.sentence_tokens.len() as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The sentences that contain a stem, ascending.
    pub(crate) fn sentences_with(&self, stem: &Word) -> impl Iterator<Item = usize> + '_ {
        let list = self
            .stem_ids
            .get(stem)
            .map_or(&[][..], |&id| self.postings.get(id));
        list.iter().map(|&(s, _)| s as usize)
    }

    /// True when some sentence of the primary contains this stem.
    pub(crate) fn has_stem(&self, stem: &Word) -> bool {
        self.stem_ids.contains_key(stem)
    }

    /// The `k` best sentences for a bag of stems, by BM25, best first; ties by position.
    pub(crate) fn retrieve(
        &self,
        stems: &[&Word],
        k: usize,
        filter: impl Fn(usize) -> bool,
    ) -> Vec<(usize, f32)> {
        // A claim retrieves with the same words several times (its own speaker's turns, then
        // anyone's, then the others'), with another filter each time: the scores are kept
        // from the last call on this thread.
        let kept = LAST_SCORES.with(|last| {
            let last = last.borrow();
            let (id, words, ranked) = last.as_ref()?;
            let same = words.len() == stems.len() && words.iter().zip(stems).all(|(a, b)| a == *b);
            (*id == self.id && same).then(|| ranked.clone())
        });
        let mut ranked = match kept {
            Some(r) => r,
            None => {
                let r = self.scores(stems);
                let words = stems.iter().map(|&w| w.clone()).collect();
                LAST_SCORES.with(|last| *last.borrow_mut() = Some((self.id, words, r.clone())));
                r
            }
        };
        // Ordered by (score, position), so the result never depends on the order of the postings
        // (the keys' order, see `rank_key`). The filter runs only until k sentences pass it; the
        // best few are selected first so that a common word does not make every claim sort the
        // whole transcript.
        let mut m = (k * 4).max(32);
        while m < ranked.len() {
            ranked.select_nth_unstable(m);
            let head = &mut ranked[..m];
            head.sort_unstable();
            let passed: Vec<(usize, f32)> = (head.iter().map(|&key| ranked_of(key)))
                .filter(|(s, _)| filter(*s))
                .take(k)
                .collect();
            if passed.len() == k {
                return passed;
            }
            m *= 4;
        }
        ranked.sort_unstable();
        (ranked.into_iter().map(ranked_of))
            .filter(|(s, _)| filter(*s))
            .take(k)
            .collect()
    }

    /// The BM25 score of every sentence that has one of `stems`, as [`rank_key`]s, in no
    /// particular order.
    fn scores(&self, stems: &[&Word]) -> Vec<u64> {
        // Dense scores with a list of the sentences touched: cheaper than a map for common words.
        let mut scores: Vec<f32> = vec![0.0; self.sentence_tokens.len()];
        // At most every sentence, reserved at once rather than grown a step at a time.
        let mut touched: Vec<u32> = Vec::with_capacity(self.sentence_tokens.len());
        let mut seen: Vec<&Word> = Vec::new();
        for &stem in stems {
            if seen.contains(&stem) {
                continue;
            }
            seen.push(stem);
            let Some(&id) = self.stem_ids.get(stem) else {
                continue;
            };
            let postings = self.postings.get(id);
            let idf = self.idf_of(postings.len());
            for &(s, tf) in postings {
                let tf = f32::from(tf);
                let norm = self.len_norms[s as usize];
                let slot = &mut scores[s as usize];
                if *slot == 0.0 {
                    touched.push(s);
                }
                *slot += idf * tf * (BM25_K1 + 1.0) / (tf + norm);
            }
        }
        touched
            .into_iter()
            .map(|s| rank_key(s, scores[s as usize]))
            .collect()
    }

    /// Token positions where the sequence of normal forms `words` occurs verbatim.
    pub(crate) fn find_sequence(&self, words: &[Word]) -> Vec<usize> {
        if words.is_empty() {
            return Vec::new();
        }
        // Start from the rarest word's positions to keep this cheap.
        let (pivot, list) = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let list = self
                    .norm_ids
                    .get(w)
                    .map_or(&[][..], |&id| self.positions.get(id));
                (i, list)
            })
            .min_by_key(|(_, l)| l.len())
            .unwrap_or((0, &[]));
        let mut out = Vec::new();
        for &p in list {
            let p = p as usize;
            if p < pivot {
                continue;
            }
            let start = p - pivot;
            if start + words.len() > self.tokens.len() {
                continue;
            }
            let ok = words
                .iter()
                .enumerate()
                .all(|(i, w)| self.tokens[start + i].norm == *w);
            // A quote may run across sentences but not across speaker turns.
            if ok
                && self.turn_index(self.token_sentence[start] as usize)
                    == self.turn_index(self.token_sentence[start + words.len() - 1] as usize)
            {
                out.push(start);
            }
        }
        out
    }
}

/// The BM25 scores of one thread's last retrieval ([`Primary::retrieve`]): the primary's id, the
/// stems, the scores.
type LastScores = Option<(u64, Vec<Word>, Vec<u64>)>;

/// A sentence and its retrieval score as one number whose ascending order is best first: the
/// score descending in [`f32::total_cmp`]'s order, then the sentence ascending. Sorting these
/// compares integers, not a float and then a position.
fn rank_key(s: u32, score: f32) -> u64 {
    // `total_cmp`'s own transform: the bits, as an i32, then compare as the scores do; the sign
    // bit flipped, as a u32 too.
    let bits = score.to_bits() as i32;
    let ordered = (bits ^ (((bits >> 31) as u32) >> 1) as i32) as u32 ^ 0x8000_0000;
    (u64::from(!ordered) << 32) | u64::from(s)
}

/// The sentence and score of a [`rank_key`].
fn ranked_of(key: u64) -> (usize, f32) {
    let s = key as u32 as usize;
    // The transform undone: it is its own inverse.
    let ordered = (!((key >> 32) as u32) ^ 0x8000_0000) as i32;
    let bits = ordered ^ (((ordered >> 31) as u32) >> 1) as i32;
    (s, f32::from_bits(bits as u32))
}

thread_local! {
    static LAST_SCORES: std::cell::RefCell<LastScores> = const { std::cell::RefCell::new(None) };
}

/// The number of `word` in `ids`, numbering it if it is new.
fn number(ids: &mut HashMap<Word, u32>, word: &Word) -> u32 {
    if let Some(&id) = ids.get(word) {
        return id;
    }
    let id = ids.len() as u32;
    ids.insert(word.clone(), id);
    id
}

/// A list of items for each of the keys `0..n`, stored one after another in one vector (fewer
/// allocations than a vector per key, and less memory).
#[derive(Default)]
pub(crate) struct Lists<T> {
    /// The items of key `k` are `items[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T> Lists<T> {
    /// The items of key `key`.
    pub(crate) fn get(&self, key: u32) -> &[T] {
        let k = key as usize;
        &self.items[self.starts[k] as usize..self.starts[k + 1] as usize]
    }
}

impl Lists<u32> {
    /// Groups `(key, item)` pairs by key, keys below `n`, keeping the order of each key's items.
    pub(crate) fn group(n: usize, pairs: &[(u32, u32)]) -> Lists<u32> {
        let mut starts = vec![0u32; n + 1];
        for &(key, _) in pairs {
            starts[key as usize + 1] += 1;
        }
        for k in 0..n {
            starts[k + 1] += starts[k];
        }
        let mut next = starts.clone();
        let mut items = vec![0u32; pairs.len()];
        for &(key, item) in pairs {
            let at = &mut next[key as usize];
            items[*at as usize] = item;
            *at += 1;
        }
        Lists { starts, items }
    }

    /// The lists without repeats of an item right after itself.
    pub(crate) fn dedup(mut self) -> Lists<u32> {
        let mut kept = 0;
        for k in 0..self.starts.len().saturating_sub(1) {
            let (from, to) = (self.starts[k] as usize, self.starts[k + 1] as usize);
            self.starts[k] = kept as u32;
            for i in from..to {
                if kept == self.starts[k] as usize || self.items[kept - 1] != self.items[i] {
                    self.items[kept] = self.items[i];
                    kept += 1;
                }
            }
        }
        if let Some(last) = self.starts.last_mut() {
            *last = kept as u32;
        }
        self.items.truncate(kept);
        self
    }

    /// Each list of sentence numbers (ascending, with repeats) as postings: (sentence, count),
    /// counts saturating at `u16::MAX`.
    fn runs(&self) -> Lists<(u32, u16)> {
        let mut starts = Vec::with_capacity(self.starts.len());
        let mut items: Vec<(u32, u16)> = Vec::with_capacity(self.items.len());
        starts.push(0);
        for key in 0..self.starts.len() - 1 {
            let first = items.len();
            for &s in self.get(key as u32) {
                match items[first..].last_mut() {
                    Some((last, tf)) if *last == s => *tf = tf.saturating_add(1),
                    _ => items.push((s, 1)),
                }
            }
            starts.push(items.len() as u32);
        }
        Lists { starts, items }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Consecutive turns under one label make one run; another speaker, or the same one after
    /// someone else, starts a new run.
    #[test]
    fn runs_join_consecutive_turns_of_one_speaker() {
        use claimcheck_ingest::{parse_transcript, SpeakerHints};
        let text = "Mia: Where are you?\nHarry: At the shop, 5 minutes away.\nHarry: They have 12 \
                    cushions.\nMia: Get 2!\nHarry: Fine.\nHarry: Grey ones.\n";
        let enc = claimcheck_core::Encoding::Utf8;
        let p = Primary::new(parse_transcript(text.into(), enc, &SpeakerHints::default()));
        let runs: Vec<usize> = (0..p.sentence_count()).map(|s| p.run_index(s)).collect();
        let turns: Vec<usize> = (0..p.sentence_count()).map(|s| p.turn_index(s)).collect();
        assert_eq!(turns, [0, 1, 2, 3, 4, 5]);
        assert_eq!(runs, [0, 1, 1, 2, 3, 3]);
        // A run's numbers are those of all its turns, and of no other.
        let values = |run: usize| -> Vec<f64> { p.numbers_in_run(run).map(|n| n.value).collect() };
        assert_eq!(values(1), [5.0, 12.0]);
        assert_eq!(values(2), [2.0]);
        assert!(values(3).is_empty());
    }

    /// Retrieval keeps the last scores of a thread: another primary with the same words, or
    /// other words, must not get them.
    #[test]
    fn retrieval_answers_alike_with_kept_scores() {
        use claimcheck_ingest::{parse_transcript, SpeakerHints};
        let primary = |text: &str| {
            let enc = claimcheck_core::Encoding::Utf8;
            Primary::new(parse_transcript(text.into(), enc, &SpeakerHints::default()))
        };
        let a = primary("Sanctions hurt. The port is busy. Sanctions on the port are new.");
        let b = primary("The port is new. Nothing hurts. Sanctions came late, port or not.");
        let words = |text: &str| -> Vec<Word> {
            crate::text::tokenize(text, Span::new(0, text.len()))
                .iter()
                .map(|t| t.stem.clone())
                .collect()
        };
        let (w1, w2) = (words("sanctions port"), words("busy new port"));
        let all = |p: &Primary, w: &[Word]| p.retrieve(&w.iter().collect::<Vec<_>>(), 10, |_| true);
        let first = [all(&a, &w1), all(&b, &w1), all(&a, &w2), all(&b, &w2)];
        // In another order, each after a retrieval of something else.
        for (i, (p, w)) in [(&b, &w2), (&a, &w2), (&b, &w1), (&a, &w1)]
            .iter()
            .enumerate()
        {
            assert_eq!(all(p, w), first[3 - i], "{i}");
            let one = p.retrieve(&w.iter().collect::<Vec<_>>(), 1, |s| s > 0);
            assert!(one.len() <= 1 && one.iter().all(|&(s, _)| s > 0));
        }
        assert_ne!(first[0], first[1]);
    }

    /// Rank keys sort as (score, position) do, best first, and give both back.
    #[test]
    fn rank_keys_sort_as_scores_then_positions() {
        let scores = [
            0.0,
            -0.0,
            1.5,
            -1.5,
            f32::MIN_POSITIVE,
            f32::MAX,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NAN,
            3.25,
        ];
        let mut pairs: Vec<(usize, f32)> = Vec::new();
        for (i, &x) in scores.iter().enumerate() {
            pairs.extend([(i, x), (u32::MAX as usize - i, x), (7, x)]);
        }
        for &(s, x) in &pairs {
            let (t, y) = ranked_of(rank_key(s as u32, x));
            assert_eq!((t, y.to_bits()), (s, x.to_bits()));
        }
        for a in &pairs {
            for b in &pairs {
                let by_key = rank_key(a.0 as u32, a.1).cmp(&rank_key(b.0 as u32, b.1));
                assert_eq!(
                    by_key,
                    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn lists_group_dedup_and_count_runs() {
        let pairs = [(2, 7), (0, 1), (2, 7), (2, 3), (0, 1), (0, 2)];
        let lists = Lists::group(4, &pairs);
        assert_eq!(lists.get(0), [1, 1, 2]);
        assert_eq!(lists.get(1), [0u32; 0]);
        assert_eq!(lists.get(2), [7, 7, 3]);
        assert_eq!(lists.get(3), [0u32; 0]);
        let runs = lists.runs();
        assert_eq!(runs.get(0), [(1, 2), (2, 1)]);
        assert_eq!(runs.get(2), [(7, 2), (3, 1)]);
        let deduped = lists.dedup();
        assert_eq!(deduped.get(0), [1, 2]);
        assert_eq!(deduped.get(1), [0u32; 0]);
        assert_eq!(deduped.get(2), [7, 3]);
        assert_eq!(deduped.get(3), [0u32; 0]);
    }
}
