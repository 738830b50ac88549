//! Sentence boundaries (UAX #29), fast for the text transcripts are made of.
//!
//! [`sentence_bounds`] returns exactly what `unicode_segmentation`'s
//! `split_sentence_bound_indices()` returns, for every input. That crate looks up the
//! Sentence_Break class of every character by binary search in a table of all of Unicode and then
//! runs its rules, which costs some 250 instructions per byte of English text and was over a tenth
//! of a batch run's instructions; the fast path here takes about 13. Transcripts and articles are
//! almost all ASCII with a few curly quotes and dashes, so the classes of a fixed set of characters
//! are written out ([`fast_class`]) and the crate's own state machine is run over them without the
//! search. A piece of text holding any character outside the set goes to
//! `split_sentence_bound_indices()` unchanged: that crate stays the reference, and the tests
//! compare the two on every character of the set, on random strings and on every fixture.
//!
//! The state machine below mirrors `unicode-segmentation` 1.13's `sentence::fwd` rule by rule,
//! including where it is narrower than the letter of UAX #29 (it remembers only the last four
//! parts of the text, with runs of Close and of Sp counted as one part), because what is wanted is
//! the crate's output, byte for byte. Two shortcuts make it cheap, neither changing a result: where
//! no rule can put a boundary (inside a sentence, most of the text) the ASCII characters are read
//! with one table look-up each, and the look-ahead of rule SB8 is remembered instead of repeated at
//! every character, which also keeps it linear.

use unicode_segmentation::UnicodeSegmentation;

/// The Sentence_Break classes of UAX #29 (table 4), as `unicode-segmentation` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    ATerm,
    Any,
    CR,
    Close,
    Extend,
    Format,
    LF,
    Lower,
    Numeric,
    /// No character of the fast path's set is an OLetter (the other scripts' letters are), but SB8
    /// names the class, so it stays to keep the rules as UAX #29 writes them.
    #[allow(dead_code)]
    OLetter,
    SContinue,
    STerm,
    Sep,
    Sp,
    Upper,
}

/// The classes of the ASCII characters, indexed by byte.
const ASCII: [Class; 128] = {
    let mut table = [Class::Any; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'\t' | 0x0B | 0x0C | b' ' => Class::Sp,
            b'\n' => Class::LF,
            b'\r' => Class::CR,
            b'!' | b'?' => Class::STerm,
            b'.' => Class::ATerm,
            b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::Close,
            b',' | b'-' | b':' | b';' => Class::SContinue,
            b'0'..=b'9' => Class::Numeric,
            b'A'..=b'Z' => Class::Upper,
            b'a'..=b'z' => Class::Lower,
            _ => Class::Any,
        };
        b += 1;
    }
    table
};

/// The class of `c` if it is in the fast path's set, `None` otherwise.
///
/// The set: ASCII, Latin-1 Supplement, Latin Extended-A, the combining diacritical marks, basic
/// Cyrillic (U+0400–U+045F), General Punctuation (curly quotes, dashes, ellipsis, special
/// spaces, invisible format characters), the euro and trade mark signs and U+FEFF. Every class is
/// copied from the table of `unicode-segmentation` 1.13.3 (Unicode 17); a unit test checks each
/// character of the set against the crate, so a new version of it that classes one differently
/// fails the tests rather than the output.
fn fast_class(c: char) -> Option<Class> {
    let class = match c {
        '\0'..='\u{7f}' => ASCII[c as usize],
        // Latin-1 Supplement.
        '\u{85}' => Class::Sep,
        '\u{a0}' => Class::Sp,
        '\u{aa}' | '\u{b5}' | '\u{ba}' => Class::Lower,
        '\u{ab}' | '\u{bb}' => Class::Close,
        '\u{ad}' => Class::Format,
        '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => Class::Upper,
        '\u{df}'..='\u{f6}' | '\u{f8}'..='\u{ff}' => Class::Lower,
        '\u{80}'..='\u{bf}' | '\u{d7}' | '\u{f7}' => Class::Any,
        // Latin Extended-A holds only cased letters, none of them titlecase, so UAX #29's Lower
        // and Upper are exactly the Lowercase and Uppercase properties here.
        '\u{100}'..='\u{17f}' if c.is_lowercase() => Class::Lower,
        '\u{100}'..='\u{17f}' if c.is_uppercase() => Class::Upper,
        // Combining diacritical marks (a decomposed "é" is "e\u{301}").
        '\u{300}'..='\u{36f}' => Class::Extend,
        // Basic Cyrillic.
        '\u{400}'..='\u{42f}' => Class::Upper,
        '\u{430}'..='\u{45f}' => Class::Lower,
        // General Punctuation.
        '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => Class::Sp,
        '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' => Class::Format,
        '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' => Class::Format,
        '\u{200c}' | '\u{200d}' => Class::Extend,
        '\u{2013}' | '\u{2014}' => Class::SContinue,
        '\u{2018}'..='\u{201f}' | '\u{2039}' | '\u{203a}' | '\u{2045}' | '\u{2046}' => Class::Close,
        '\u{2024}' => Class::ATerm,
        '\u{2028}' | '\u{2029}' => Class::Sep,
        '\u{203c}' | '\u{203d}' | '\u{2047}'..='\u{2049}' => Class::STerm,
        '\u{2000}'..='\u{206f}' => Class::Any,
        // Euro sign, trade mark sign.
        '\u{20ac}' | '\u{2122}' => Class::Any,
        '\u{feff}' => Class::Format,
        _ => return None,
    };
    Some(class)
}

/// True when every character of `s` is in the fast path's set (see `fast_class`), so
/// [`sentence_bounds`] takes the fast path for it.
pub fn fast_path_applies(s: &str) -> bool {
    const CHUNK: usize = 16;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII is passed over a chunk at a time (`is_ascii` reads whole words).
        let chunk = &bytes[i..bytes.len().min(i + CHUNK)];
        if chunk.is_ascii() {
            i += chunk.len();
        } else if chunk[0].is_ascii() {
            i += 1;
        } else {
            let c = s[i..].chars().next().expect("a character starts at `i`");
            if fast_class(c).is_none() {
                return false;
            }
            i += c.len_utf8();
        }
    }
    true
}

/// Splits `s` at its sentence boundaries: the same `(byte offset, segment)` pairs, in the same
/// order, as `s.split_sentence_bound_indices()` from `unicode-segmentation`, but some twenty times
/// cheaper for text whose characters are all in the set that `fast_class` knows; other text is
/// handed to `split_sentence_bound_indices()` itself.
pub fn sentence_bounds(s: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    if fast_path_applies(s) {
        Bounds::Fast(FastBounds::new(s))
    } else {
        Bounds::Unicode(s.split_sentence_bound_indices())
    }
}

/// The iterator behind [`sentence_bounds`].
enum Bounds<'a> {
    Fast(FastBounds<'a>),
    Unicode(unicode_segmentation::USentenceBoundIndices<'a>),
}

impl<'a> Iterator for Bounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Bounds::Fast(f) => f.next(),
            Bounds::Unicode(u) => u.next(),
        }
    }
}

/// What the state machine remembers of the text before a position: the kind of each of the last
/// four parts, where a run of Close or of Sp characters is one part (`unicode-segmentation`'s
/// `StatePart`, less its end-of-text marker, which only stops its iterator).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Start of text.
    Sot,
    Other,
    CR,
    LF,
    Sep,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

/// The last four parts, oldest first.
type State = [Part; 4];

/// The part a character of class `class` adds to the state.
const fn part_of(class: Class) -> Part {
    match class {
        Class::CR => Part::CR,
        Class::LF => Part::LF,
        Class::Sep => Part::Sep,
        Class::ATerm => Part::ATerm,
        Class::Upper | Class::Lower => Part::UpperLower,
        Class::Close => Part::ClosePlus,
        Class::Sp => Part::SpPlus,
        Class::STerm => Part::STerm,
        _ => Part::Other,
    }
}

/// The parts of the ASCII characters, indexed by byte.
const ASCII_PARTS: [Part; 128] = {
    let mut table = [Part::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = part_of(ASCII[b]);
        b += 1;
    }
    table
};

/// The state after a character of class `class`.
#[inline]
fn advance(state: State, class: Class) -> State {
    advance_by(state, part_of(class))
}

/// The state after a character whose part is `part`: a Close after a Close, or an Sp after an Sp,
/// lengthens the last part; anything else is a new part.
#[inline]
fn advance_by(state: State, part: Part) -> State {
    if part == state[3] && matches!(part, Part::ClosePlus | Part::SpPlus) {
        return state;
    }
    push(state, part)
}

/// The state with `part` added as the last part.
#[inline]
fn push(state: State, part: Part) -> State {
    [state[1], state[2], state[3], part]
}

/// For each byte, whether it is an ASCII character that ends no sentence and no paragraph: one
/// whose part is a letter, Other, Close or Sp (everything but `.`, `?`, `!`, CR and LF). After a
/// state where no boundary may come (see [`may_break`]), one of these characters leaves a state
/// where still none may come: the part that SB11 finds behind any trailing `Close* Sp*` is the
/// one it found before or a letter or Other, never an SATerm.
const QUIET: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = matches!(
            ASCII_PARTS[b],
            Part::UpperLower | Part::Other | Part::ClosePlus | Part::SpPlus
        );
        b += 1;
    }
    table
};

/// The state after the [`QUIET`] characters `run`, from `state` before them: the same as
/// [`advance_by`] with each character's part in turn, but worked out from the last characters,
/// since the state keeps only the last four parts (a run of Close or of Sp being one part).
fn after_quiet_run(state: State, run: &[u8]) -> State {
    let mut parts = [Part::Sot; 4];
    let mut n = 0;
    let mut i = run.len();
    while i > 0 && n < 4 {
        i -= 1;
        let part = ASCII_PARTS[usize::from(run[i])];
        if matches!(part, Part::ClosePlus | Part::SpPlus) {
            while i > 0 && ASCII_PARTS[usize::from(run[i - 1])] == part {
                i -= 1;
            }
        }
        n += 1;
        parts[4 - n] = part;
    }
    if n == 4 {
        // Even if the run's first part lengthens the state's last one, that part is the same.
        return parts;
    }
    parts[4 - n..]
        .iter()
        .fold(state, |state, &part| advance_by(state, part))
}

/// Whether any rule can put a boundary before the next character, after `state`: SB1 at the
/// start, SB4 after a paragraph separator, SB11 after `SATerm Close* Sp* ParaSep?`. The other rules
/// only forbid boundaries, so when none of these applies there is no boundary, whatever comes next.
#[inline]
fn may_break(state: &State) -> bool {
    matches!(state[3], Part::Sot | Part::Sep | Part::CR | Part::LF)
        || after_saterm_close_sp_parasep(state)
}

/// Of three parts in a row, `z` the last, the one before a trailing `Close* Sp*`: the crate's
/// "index" arithmetic on its state, written as a match so the state can stay in a register.
#[inline]
fn before_close_sp(x: Part, y: Part, z: Part) -> Part {
    match (y, z) {
        (Part::ClosePlus, Part::SpPlus) => x,
        (_, Part::SpPlus | Part::ClosePlus) => y,
        _ => z,
    }
}

#[inline]
fn is_saterm(part: Part) -> bool {
    matches!(part, Part::STerm | Part::ATerm)
}

/// SB8a and SB10's left side: `SATerm Close* Sp*`.
#[inline]
fn after_saterm_close_sp(state: &State) -> bool {
    is_saterm(before_close_sp(state[1], state[2], state[3]))
}

/// SB9's left side: `SATerm Close*`.
#[inline]
fn after_saterm_close(state: &State) -> bool {
    is_saterm(if state[3] == Part::ClosePlus {
        state[2]
    } else {
        state[3]
    })
}

/// SB11's left side: `SATerm Close* Sp* ParaSep?`.
#[inline]
fn after_saterm_close_sp_parasep(state: &State) -> bool {
    let [a, b, c, d] = *state;
    is_saterm(match d {
        Part::Sep | Part::CR | Part::LF => before_close_sp(a, b, c),
        _ => before_close_sp(b, c, d),
    })
}

/// The fast path of [`sentence_bounds`], for text whose characters all have a [`fast_class`].
struct FastBounds<'a> {
    text: &'a str,
    /// Where the segment being built starts.
    start: usize,
    /// The next byte to read.
    pos: usize,
    state: State,
    /// The last SB8 look-ahead: the position of the character that decided it (or the end of the
    /// text) and its answer. Every character before that position was one the look-ahead skips, so
    /// a look-ahead from any position up to it gives the same answer.
    lookahead: Option<(usize, bool)>,
}

impl<'a> FastBounds<'a> {
    fn new(text: &'a str) -> Self {
        FastBounds {
            text,
            start: 0,
            pos: 0,
            state: [Part::Sot; 4],
            lookahead: None,
        }
    }

    /// The class of the character at byte `at`, and its length in bytes.
    #[inline]
    fn class_at(&self, at: usize) -> (Class, usize) {
        let b = self.text.as_bytes()[at];
        if b < 0x80 {
            (ASCII[usize::from(b)], 1)
        } else {
            self.non_ascii_class_at(at)
        }
    }

    /// [`Self::class_at`] for a character outside ASCII, kept apart so the ASCII case is small.
    #[inline(never)]
    fn non_ascii_class_at(&self, at: usize) -> (Class, usize) {
        let c = self.text[at..]
            .chars()
            .next()
            .expect("`at` is inside the text");
        let class = fast_class(c).expect("`sentence_bounds` checked every character");
        (class, c.len_utf8())
    }

    /// Reads ASCII characters for as long as no boundary can come before them (see
    /// [`may_break`] and [`QUIET`]), which only moves the state on: SB5, the one rule that could
    /// keep it still, is about no ASCII character. Most characters of a text are read here, with
    /// one table look-up each.
    #[inline]
    fn skip_within_sentence(&mut self) {
        if may_break(&self.state) {
            return;
        }
        let bytes = self.text.as_bytes();
        let run = self.pos;
        let mut end = run;
        while end < bytes.len() && QUIET[usize::from(bytes[end])] {
            end += 1;
        }
        self.state = after_quiet_run(self.state, &bytes[run..end]);
        self.pos = end;
    }

    /// SB8: `ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower`, with the
    /// look-ahead starting at the character at `at`.
    fn sb8(&mut self, state: &State, at: usize) -> bool {
        if before_close_sp(state[1], state[2], state[3]) != Part::ATerm {
            return false;
        }
        if let Some((decided_at, answer)) = self.lookahead {
            if at <= decided_at {
                return answer;
            }
        }
        let mut i = at;
        let mut answer = false;
        while i < self.text.len() {
            let (class, width) = self.class_at(i);
            match class {
                Class::Lower => {
                    answer = true;
                    break;
                }
                Class::OLetter
                | Class::Upper
                | Class::Sep
                | Class::CR
                | Class::LF
                | Class::STerm
                | Class::ATerm => break,
                _ => i += width,
            }
        }
        self.lookahead = Some((i, answer));
        answer
    }

    /// Reads the character at `self.pos` and says whether there is a sentence boundary before it
    /// (rules SB1 and SB3 to SB11; SB2 is the end of the text).
    fn step(&mut self) -> bool {
        let at = self.pos;
        let (class, width) = self.class_at(at);
        self.pos += width;
        let before = self.state;
        self.state = advance(before, class);
        // No rule can put a boundary here, and only SB5 has a say on the state.
        if !may_break(&before) {
            if matches!(class, Class::Extend | Class::Format) {
                self.state = before;
            }
            return false;
        }
        match class {
            // SB1.
            _ if before[3] == Part::Sot => true,
            // SB3.
            Class::LF if before[3] == Part::CR => false,
            // SB4.
            _ if matches!(before[3], Part::Sep | Part::CR | Part::LF) => true,
            // SB5: Extend and Format characters are invisible to the rules.
            Class::Extend | Class::Format => {
                self.state = before;
                false
            }
            // SB6.
            Class::Numeric if before[3] == Part::ATerm => false,
            // SB7.
            Class::Upper if before[2] == Part::UpperLower && before[3] == Part::ATerm => false,
            // SB8.
            _ if self.sb8(&before, at) => false,
            // SB8a.
            Class::SContinue | Class::STerm | Class::ATerm if after_saterm_close_sp(&before) => {
                false
            }
            // SB9.
            Class::Close | Class::Sp | Class::Sep | Class::CR | Class::LF
                if after_saterm_close(&before) =>
            {
                false
            }
            // SB10.
            Class::Sp | Class::Sep | Class::CR | Class::LF if after_saterm_close_sp(&before) => {
                false
            }
            // SB11, else SB998.
            _ => after_saterm_close_sp_parasep(&before),
        }
    }
}

impl<'a> Iterator for FastBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.skip_within_sentence();
            if self.pos == self.text.len() {
                break;
            }
            let at = self.pos;
            // The boundary SB1 puts at the start of the text opens the first segment.
            if self.step() && at > self.start {
                let start = std::mem::replace(&mut self.start, at);
                return Some((start, &self.text[start..at]));
            }
        }
        // SB2: the end of the text closes the last segment.
        if self.start < self.text.len() {
            let start = std::mem::replace(&mut self.start, self.text.len());
            return Some((start, &self.text[start..]));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oracle(s: &str) -> Vec<(usize, &str)> {
        s.split_sentence_bound_indices().collect()
    }

    fn fast(s: &str) -> Vec<(usize, &str)> {
        assert!(fast_path_applies(s), "{s:?} is not for the fast path");
        FastBounds::new(s).collect()
    }

    /// One character of every class, as `unicode-segmentation` classes them.
    const REPRESENTATIVES: [(Class, char); 15] = [
        (Class::ATerm, '.'),
        (Class::Any, '#'),
        (Class::CR, '\r'),
        (Class::Close, '"'),
        (Class::Extend, '\u{301}'),
        (Class::Format, '\u{ad}'),
        (Class::LF, '\n'),
        (Class::Lower, 'a'),
        (Class::Numeric, '1'),
        (Class::OLetter, '\u{5d0}'),
        (Class::SContinue, ','),
        (Class::STerm, '?'),
        (Class::Sep, '\u{2028}'),
        (Class::Sp, ' '),
        (Class::Upper, 'A'),
    ];

    /// ASCII texts around a character (at `X`) that between them tell every class from every
    /// other (but Extend from Format, which the rules treat alike).
    fn contexts() -> Vec<String> {
        let around = ["", "a", "A", "1", ".", "?", " ", "\n", "\r", "\"", ",", "#"];
        let mut out: Vec<String> = [".X\"A", ". X.A", "\rXa", ".#Xa", "X\n", "a. Xb", "a.X A"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for left in around {
            for right in around {
                out.push(format!("{left}X{right}"));
            }
        }
        out
    }

    fn signature(c: char, split: fn(&str) -> Vec<(usize, &str)>) -> Vec<Vec<usize>> {
        contexts()
            .iter()
            .map(|t| {
                let s = t.replace('X', c.encode_utf8(&mut [0; 4]));
                split(&s).iter().map(|(i, _)| *i).collect()
            })
            .collect()
    }

    #[test]
    fn contexts_tell_the_classes_apart() {
        for (i, (a, ca)) in REPRESENTATIVES.iter().enumerate() {
            for (b, cb) in &REPRESENTATIVES[i + 1..] {
                let same = signature(*ca, oracle) == signature(*cb, oracle);
                let alike = matches!((a, b), (Class::Extend, Class::Format));
                assert_eq!(same, alike, "{a:?} and {b:?}");
            }
        }
    }

    #[test]
    fn every_fast_class_is_the_crates() {
        let set: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| fast_class(c).is_some())
            .collect();
        assert!(set.len() > 600, "{} characters", set.len());
        for c in set {
            for t in contexts() {
                let s = t.replace('X', c.encode_utf8(&mut [0; 4]));
                assert_eq!(fast(&s), oracle(&s), "{c:?} ({:?}) in {s:?}", fast_class(c));
            }
        }
    }

    #[test]
    fn representatives_are_classed_as_the_crate_does() {
        for (class, c) in REPRESENTATIVES {
            if let Some(fast) = fast_class(c) {
                assert_eq!(fast, class, "{c:?}");
            }
        }
    }

    #[test]
    fn a_quiet_run_moves_the_state_as_its_characters_do() {
        let parts = [
            Part::Sot,
            Part::Other,
            Part::UpperLower,
            Part::ClosePlus,
            Part::SpPlus,
            Part::ATerm,
            Part::LF,
        ];
        let mut runs: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..5 {
            let longer: Vec<Vec<u8>> = runs
                .iter()
                .filter(|r| r.len() == runs.last().map_or(0, Vec::len))
                .flat_map(|r| b"a,\" )".iter().map(move |&b| [&r[..], &[b]].concat()))
                .collect();
            runs.extend(longer);
        }
        for &a in &parts {
            for &b in &parts {
                for &c in &parts {
                    for &d in &parts {
                        let state = [a, b, c, d];
                        for run in &runs {
                            let stepwise = run.iter().fold(state, |s, &byte| {
                                advance_by(s, ASCII_PARTS[usize::from(byte)])
                            });
                            assert_eq!(after_quiet_run(state, run), stepwise, "{state:?} {run:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn examples() {
        for s in [
            "",
            " ",
            "Hello there. How are you? i.e. fine.\r\nOk",
            "He said “No.” Then left…  “Why?” (She asked.) etc. and so on",
            "U.S. troops. 3.14 is pi. e.g. this. A.B. Smith",
            "End.\n\nNext\r\rLast\u{2028}x",
            "\u{301}a.\u{301} B",
            "Mr. Smith — the one — said: “yes.” — and   then?!  ( a ) .",
        ] {
            assert_eq!(fast(s), oracle(s), "{s:?}");
        }
    }

    #[test]
    fn other_text_falls_back() {
        let s = "Это текст. 日本語の文。 Ελληνικά. Done.";
        assert!(!fast_path_applies(s));
        assert_eq!(sentence_bounds(s).collect::<Vec<_>>(), oracle(s));
    }

    #[test]
    fn long_runs_are_linear() {
        // The crate's SB8 look-ahead is repeated at every space here, which is quadratic (minutes
        // for this text); the fast path remembers it.
        let spaces = " ".repeat(1_000_000);
        let lower = format!("a.{spaces}b");
        assert_eq!(fast(&lower), vec![(0, lower.as_str())]);
        let upper = format!("a.{spaces}B");
        let last = upper.len() - 1;
        assert_eq!(fast(&upper), vec![(0, &upper[..last]), (last, "B")]);
    }
}
