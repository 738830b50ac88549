//! How a claim names figures and the periods they belong to: abbreviations ("Q3", "EPS",
//! "FY25"), ordinals and ranks ("the third quarter", "Phase III"), and the periods of an earnings
//! call (quarters, halves, the year) that a figure is given for.

use super::*;

/// What a claim word may abbreviate: a period code ("Q3") or an acronym ("EPS").
pub(super) enum Abbreviation {
    /// An ordinal and a unit: "third" "quarter".
    Period(&'static str, &'static str),
    /// The lowercase initials of the words an acronym stands for.
    Acronym(Vec<char>),
    /// A fiscal year, "FY25" or "FY2025": the year in full.
    FiscalYear(String),
    /// A numbered unit ("Phase III", "season five"): its rank and the unit's stem, spelled out
    /// as an ordinal before the unit ("the third phase") or with the same number after it.
    Numbered(usize, String),
    /// A denied share ("not often", "not many"): the words that say the smaller share it is
    /// ("rarely", "few").
    DeniedShare(&'static [&'static str]),
}

impl Abbreviation {
    /// The abbreviation `word` may be, judged by its shape alone (once per claim word).
    pub(super) fn of(word: &str) -> Option<Abbreviation> {
        if let Some((ord, unit)) = period_code(word) {
            return Some(Abbreviation::Period(ord, unit));
        }
        if let Some(year) = fiscal_year(word) {
            return Some(Abbreviation::FiscalYear(year));
        }
        // Read in place: nearly every content word of every claim comes here, and few are
        // acronyms.
        let letters = word.chars().count();
        // Two letters ("MP", "RT") spell too many chance runs ("million pounds").
        if !(3..=6).contains(&letters)
            || word.chars().filter(|c| c.is_uppercase()).count() < 2
            || !word.chars().all(char::is_alphabetic)
        {
            return None;
        }
        Some(Abbreviation::Acronym(word.to_lowercase().chars().collect()))
    }

    /// True when `ptoks` spell it out: "third quarter", or content words whose initials are the
    /// acronym's letters ("earnings per share").
    pub(super) fn spelled_in(&self, ptoks: &[Token]) -> bool {
        match self {
            Abbreviation::Period(ord, unit) => ptoks
                .windows(2)
                .any(|w| w[0].norm == *ord && w[1].norm.starts_with(unit)),
            // "fiscal 2025", "fiscal year 2025", "full-year 2025", "full year 2025".
            Abbreviation::FiscalYear(year) => ptoks.iter().enumerate().any(|(k, t)| {
                t.norm == year.as_str()
                    && ptoks[k.saturating_sub(3)..k]
                        .iter()
                        .any(|b| matches!(b.norm.as_str(), "fiscal" | "full-year" | "full"))
            }),
            Abbreviation::Numbered(rank, unit) => {
                (0..ptoks.len()).any(|k| {
                    numbered_unit(ptoks, k).is_some_and(|(r, u, _)| r == *rank && u == *unit)
                }) || ordinals(ptoks).iter().any(|o| o.0 == *rank && o.1 == *unit)
            }
            Abbreviation::DeniedShare(words) => {
                ptoks.iter().any(|t| words.contains(&t.norm.as_str()))
            }
            Abbreviation::Acronym(initials) => ptoks.windows(initials.len()).any(|w| {
                w.iter().zip(initials).all(|(t, c)| t.norm.starts_with(*c))
                    && w.first().is_some_and(|t| t.is_content())
                    && w.last().is_some_and(|t| t.is_content())
            }),
        }
    }
}

/// An ordinal's rank, the stem of the unit it ranks and its text range.
type Ordinal = (usize, String, std::ops::Range<usize>);

/// The ordinals of `toks` with the unit each ranks, as (rank, unit stem, text range): "third
/// quarter", "3rd round", and period codes ("Q3" is the third quarter). An ordinal ranks the word
/// right after it, which must be a content word ("first, we" ranks nothing).
fn ordinals(toks: &[Token]) -> Vec<Ordinal> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let w = t.norm.as_str();
        if let Some((ord, unit)) = period_code(w) {
            let rank = ORDINALS.iter().position(|&o| o == ord).unwrap_or(0) + 1;
            out.push((rank, stem_uncached(unit), t.span.range()));
            continue;
        }
        if let Some(rank) = ranking(toks, i) {
            let next = &toks[i + 1];
            out.push((
                rank,
                next.stem.as_str().to_string(),
                t.span.start..next.span.end,
            ));
        } else if let Some(rank) = placing(toks, i) {
            out.push((rank, PLACE.to_string(), t.span.range()));
        } else if let Some((rank, unit, from)) = numbered_unit(toks, i) {
            out.push((rank, unit, toks[from].span.start..t.span.end));
        }
    }
    out
}

/// The rank and unit stem of a numbered unit whose number is at `i`: a count after a unit that
/// is numbered in order ([`NUMBERED_UNITS`]) is that unit's rank, so "season five" is the fifth
/// season and "Phase III" the third phase. Roman numerals count in capitals only. "World War
/// II" is ranked by "world", as "the Second World War" is. The last is the index of the unit's
/// first word.
pub(super) fn numbered_unit(toks: &[Token], i: usize) -> Option<(usize, String, usize)> {
    // Read for every token: the number first, as most tokens are none.
    let t = &toks[i];
    let roman = || t.capital && t.norm.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
    if !t.is_digit() && !t.is_number_word() && !roman() {
        return None;
    }
    let unit = &toks[i.checked_sub(1)?];
    if !NUMBERED_UNITS.contains(&unit.norm.as_str()) {
        return None;
    }
    let n = if t.is_digit() {
        t.norm.parse::<usize>().ok()?
    } else if let Some(v) = t.number_word() {
        // A whole number of at most 100, so the cast is exact.
        (v.fract() == 0.0 && (1.0..=100.0).contains(&v)).then_some(v as usize)?
    } else if t.capital {
        roman_numeral(&t.norm)?
    } else {
        return None;
    };
    if !(1..=100).contains(&n) {
        return None;
    }
    let named = unit.norm == "war" && i >= 2 && toks[i - 2].norm == "world";
    let from = if named { i - 2 } else { i - 1 };
    Some((n, toks[from].stem.as_str().to_string(), from))
}

/// The rank an ordinal word names, 1 for "first" or "1st".
fn ordinal_rank(w: &str) -> Option<usize> {
    (ORDINALS.iter().position(|&o| o == w).map(|r| r + 1)).or_else(|| digit_ordinal(w))
}

/// The unit of a [`placing`] ordinal: the place its subject took.
const PLACE: &str = "place";

/// The rank of an ordinal at `i` that says where its subject finished, after a verb of placing
/// and before no content word: "came second", "finished 3rd in her year", "was first in line".
fn placing(toks: &[Token], i: usize) -> Option<usize> {
    let rank = ordinal_rank(toks[i].norm.as_str())?;
    let verb = toks.get(i.checked_sub(1)?)?.norm.as_str();
    let placed = matches!(
        verb,
        "came"
            | "come"
            | "comes"
            | "coming"
            | "finished"
            | "finish"
            | "finishes"
            | "placed"
            | "ranked"
            | "ranks"
            | "ended"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
    );
    let next_content = toks.get(i + 1).is_some_and(|n| n.is_content());
    (placed && !next_content).then_some(rank)
}

/// The rank of an ordinal at `i` that ranks the word after it, a content word: "third" in
/// "third quarter", not in "came third" or "First, we".
pub(super) fn ranking(toks: &[Token], i: usize) -> Option<usize> {
    let rank = ordinal_rank(toks[i].norm.as_str())?;
    let next = toks.get(i + 1)?;
    // "Half" is a number word too, but "the first half" ranks halves.
    let unit = !next.is_number_word() || next.norm.as_str() == "half";
    (next.is_content() && unit).then_some(rank)
}

/// An ordinal of the claim ranking a unit that the passage ranks with another ordinal:
/// "revenue for the second quarter" where the passage says "revenue for the third quarter". An
/// ordinal the claim has too is not the one it replaced. A window may join a neighbour for the
/// very ordinal a claim moved there ("a goal in the first half. Rovers scored in the second
/// half"), so each of its sentences is asked apart: a swap when the sentence with the other rank
/// holds the most of the rest of the claim, and more than any sentence with the claim's own.
pub(super) fn swapped_ordinal(
    primary: &Primary,
    view: &ClaimView,
    window: &Window,
    numbers_told: bool,
) -> Option<Conflict> {
    let claim = ordinals(&view.tokens);
    if claim.is_empty() {
        return None;
    }
    let ptext = &primary.document().text;
    let within = |r: &std::ops::Range<usize>, t: &Token| r.contains(&t.span.start);
    // How much of the claim a sentence holds, not counting its ordinals and their units.
    let matches = view.matches.borrow();
    let held = |s: usize| -> f64 {
        let Some(qs) = matches.get(&s) else {
            return 0.0;
        };
        (view.content.iter())
            .filter(|&&i| !claim.iter().any(|c| within(&c.2, &view.tokens[i])))
            .map(|&i| qs[i])
            .sum()
    };
    let sentences: Vec<(usize, Vec<Ordinal>)> = (window.first..=window.last)
        .map(|s| (s, ordinals(primary.sentence(s))))
        .collect();
    // The sentence with the other rank must be the one the claim rests on: the one holding
    // most of it ("opened 14 stores during the quarter" next to "compared with the second
    // quarter" does not rank the stores).
    let most = (sentences.iter())
        .map(|&(s, _)| held(s))
        .fold(0.0, f64::max);
    for (rank, unit, range) in &claim {
        let first = view.tokens.iter().position(|t| within(range, t));
        if !first.is_some_and(|i| view.outside_quotes(i)) {
            continue;
        }
        let last = view.tokens.iter().rposition(|t| within(range, t));
        if numbers_told && last.is_some_and(|i| numbered_unit(&view.tokens, i).is_some()) {
            continue;
        }
        let own = |os: &[Ordinal]| os.iter().any(|o| o.0 == *rank && o.1 == *unit);
        let replaced = |o: &&Ordinal| {
            o.1 == *unit && o.0 != *rank && !claim.iter().any(|c| c.0 == o.0 && c.1 == *unit)
        };
        let best_own = (sentences.iter())
            .filter(|(_, os)| own(os))
            .map(|&(s, _)| held(s))
            .fold(None, |m: Option<f64>, h| Some(m.map_or(h, |m| m.max(h))));
        let other = (sentences.iter())
            .filter(|(s, os)| !own(os) && held(*s) >= most && best_own.is_none_or(|b| held(*s) > b))
            .find_map(|(_, os)| os.iter().find(replaced));
        // "94,000 at the end of the fourth quarter" where the passage has "94,000 at year-end
        // from 88,000 at the end of the second quarter": the passage gives the figure to a
        // period that may be the claim's, so the other quarter is not the claim's.
        let figure_agrees = || {
            let claimed = period_figures(&view.tokens, view.text);
            let Some((period, n)) = (claimed.iter())
                .find(|(p, _)| p.range.start <= range.start && range.end <= p.range.end)
            else {
                return false;
            };
            (window.first..=window.last).any(|s| {
                (period_figures(primary.sentence(s), ptext).iter())
                    .any(|(p, m)| p.may_be(period) && same_number(n, m))
            })
        };
        if let Some(other) = other.filter(|_| !figure_agrees()) {
            return Some(Conflict::said_instead(
                &view.text[range.clone()],
                &ptext[other.2.clone()],
                None,
            ));
        }
    }
    None
}

/// Which stretch of a report's calendar a period is.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum PeriodKind {
    /// A quarter by its rank ("the third quarter", "Q3"), or 0 for one the words do not rank
    /// ("the quarter", "the prior quarter").
    Quarter(usize),
    /// A half by its rank ("the first half", "H1").
    Half(usize),
    /// The whole year ("the full year", "fiscal year", "for the year").
    Year,
    /// The year's end ("year-end", "ended the year", "the end of the year").
    YearEnd,
    /// Its middle ("mid-year").
    MidYear,
    /// The first or last so many months ("the first nine months").
    Months(usize),
}

/// A period of a report: its kind, the year stated with it ("Q2 of fiscal 2024"), its text
/// range, and its first and last token.
#[derive(Clone, Debug)]
pub(super) struct Period {
    pub(super) kind: PeriodKind,
    pub(super) year: Option<u32>,
    range: std::ops::Range<usize>,
    first: usize,
    last: usize,
}

impl Period {
    /// Whether the two could be the same stretch of time, as far as their words say: "the
    /// quarter" could be any quarter, "year-end" the end of the fourth quarter or second half,
    /// "mid-year" the end of the first half or second quarter. Two stated years must agree.
    fn may_be(&self, other: &Period) -> bool {
        use PeriodKind::{Half, MidYear, Months, Quarter, Year, YearEnd};
        if let (Some(a), Some(b)) = (self.year, other.year) {
            if a != b {
                return false;
            }
        }
        let pair = |a: PeriodKind, b: PeriodKind| match (a, b) {
            (Quarter(x), Quarter(y)) => x == 0 || y == 0 || x == y,
            (Half(x), Half(y)) | (Months(x), Months(y)) => x == y,
            (Year | YearEnd, Year | YearEnd) | (MidYear, MidYear) => true,
            (Quarter(q), YearEnd) => q == 0 || q == 4,
            (Quarter(q), MidYear) => q == 0 || q == 2,
            (Half(h), YearEnd) => h == 2,
            (Half(h), MidYear) | (Months(6), Half(h)) => h == 1,
            (Months(12), Year) | (Months(3), Quarter(_)) => true,
            _ => false,
        };
        pair(self.kind, other.kind) || pair(other.kind, self.kind)
    }

    /// Whether the two are named as one period: the same kind and rank (a ranked one), and the
    /// same stated year or none on both.
    fn same_as(&self, other: &Period) -> bool {
        self.kind == other.kind && self.kind != PeriodKind::Quarter(0) && self.year == other.year
    }
}

/// A period of a report and the figure given for it.
pub(super) type PeriodFigure = (Period, Number);

/// The periods of a report in `toks` (one sentence, or a claim): ranked quarters and halves
/// ("the third quarter", "Q3", "first-half"), "the quarter", the full year, year-end, mid-year
/// and "the first nine months". "A year earlier", "last year" and "year-over-year" are points
/// of comparison, not periods, and are left out.
fn periods(toks: &[Token]) -> Vec<Period> {
    static STEMS: std::sync::OnceLock<[String; 2]> = std::sync::OnceLock::new();
    let [quarter, half] = STEMS.get_or_init(|| [stem_uncached("quarter"), stem_uncached("half")]);
    // Most sentences name no period: one pass over their words settles them.
    let names_period = |t: &Token| {
        let w = t.norm.as_str();
        t.stem.as_str() == quarter.as_str()
            || t.stem.as_str() == half.as_str()
            || matches!(w, "year" | "midyear" | "months")
            || period_code(w).is_some()
    };
    if !toks.iter().any(names_period) {
        return Vec::new();
    }
    let norm = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    let at = |start: usize| toks.iter().position(|t| t.span.start >= start);
    let last_within = |end: usize| toks.iter().rposition(|t| t.span.end <= end);
    let make = |kind: PeriodKind, first: usize, last: usize| Period {
        kind,
        year: None,
        range: toks[first].span.start..toks[last].span.end,
        first,
        last,
    };
    let mut out: Vec<Period> = Vec::new();
    for o in ordinals(toks) {
        let kind = if o.1 == *quarter {
            PeriodKind::Quarter(o.0)
        } else if o.1 == *half {
            PeriodKind::Half(o.0)
        } else {
            continue;
        };
        if let (Some(a), Some(b)) = (at(o.2.start), last_within(o.2.end)) {
            out.push(make(kind, a, b));
        }
    }
    for (k, t) in toks.iter().enumerate() {
        let w = t.norm.as_str();
        let prev = if k > 0 { norm(k - 1) } else { "" };
        let before_the = if k > 1 && prev == "the" {
            norm(k - 2)
        } else {
            ""
        };
        let kind_first = match w {
            // "the quarter", "the prior quarter": a quarter no ordinal ranks.
            "quarter" if !out.iter().any(|p| (p.first..=p.last).contains(&k)) => {
                // With its determiner and modifiers: "the prior quarter", "the year-ago quarter".
                let mods = (k.saturating_sub(3)..k)
                    .rev()
                    .take_while(|&j| QUARTER_MODIFIERS.contains(&norm(j)))
                    .last()
                    .unwrap_or(k);
                Some((PeriodKind::Quarter(0), mods))
            }
            "year" if matches!(norm(k + 1), "end") => Some((PeriodKind::YearEnd, k)),
            "year" if prev == "mid" => Some((PeriodKind::MidYear, k - 1)),
            "midyear" => Some((PeriodKind::MidYear, k)),
            "year" if matches!(prev, "full" | "fiscal" | "calendar") => {
                Some((PeriodKind::Year, k - 1))
            }
            "year" if matches!(before_the, "ended" | "ending" | "end" | "closed") => {
                Some((PeriodKind::YearEnd, k - 2))
            }
            "year" if matches!(before_the, "for" | "during" | "over") => {
                Some((PeriodKind::Year, k - 1))
            }
            "months" => {
                let count = toks.get(k.wrapping_sub(1)).and_then(|n| {
                    (n.is_digit() || n.is_number_word())
                        .then(|| numbers(std::slice::from_ref(n)).first().map(|x| x.value))
                        .flatten()
                });
                let opens = k > 1 && matches!(norm(k - 2), "first" | "last" | "past");
                match count {
                    Some(n) if opens && n >= 1.0 && n.fract() == 0.0 => {
                        Some((PeriodKind::Months(n as usize), k - 2))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some((kind, first)) = kind_first {
            let last = if kind == PeriodKind::YearEnd && norm(k + 1) == "end" {
                k + 1
            } else {
                k
            };
            out.push(make(kind, first, last));
        }
    }
    // "The end of the second quarter" and "the end of the year": the period starts at "end".
    for p in &mut out {
        if p.first >= 3
            && norm(p.first - 1) == "the"
            && norm(p.first - 2) == "of"
            && norm(p.first - 3) == "end"
        {
            if p.kind == PeriodKind::Year {
                p.kind = PeriodKind::YearEnd;
            }
            p.first -= 3;
            p.range.start = toks[p.first].span.start;
        }
    }
    // The year stated with a period: "Q2 of fiscal 2024", "fiscal 2025 second-quarter",
    // "the second half of 2025".
    let year_at = |k: usize| -> Option<u32> {
        let t = toks.get(k)?;
        if let Some(y) = fiscal_year(&t.norm.to_uppercase()) {
            return y.parse().ok();
        }
        let n = numbers(std::slice::from_ref(t)).into_iter().next()?;
        n.year.then_some(n.value as u32)
    };
    for p in &mut out {
        let after = (p.last + 1..p.last + 4)
            .find(|&k| !matches!(norm(k), "of" | "fiscal" | "calendar"))
            .and_then(year_at);
        let before = (p.first.saturating_sub(2)..p.first)
            .rev()
            .find(|&k| norm(k) != "fiscal")
            .and_then(year_at);
        p.year = after.or(before);
    }
    out.sort_by_key(|p| p.first);
    out
}

/// Words before "quarter" that name a quarter without ranking it ([`periods`]).
const QUARTER_MODIFIERS: &[&str] = &[
    "the", "this", "that", "prior", "previous", "last", "same", "current", "latest", "year", "ago",
];

/// The periods of `toks` ([`periods`]), each with the figure it is given. A figure before the
/// period, joined to it by "in", "for", "during", "of" or "at" ("31.2% in the third quarter",
/// "$2.1 billion at mid-year"), is the period's; else the first figure after it ("Third-quarter
/// revenue was $412 million"). Either must lie within six tokens, with no other number or word
/// of contrast ("from", "versus", "compared") between: in "0.81% in the fourth quarter from
/// 0.84% in Q3" each quarter has its own. Years, times of day and the count of a period ("nine"
/// in "the first nine months") are no figures.
pub(super) fn period_figures(toks: &[Token], text: &str) -> Vec<PeriodFigure> {
    let periods_here = periods(toks);
    if periods_here.is_empty() {
        return Vec::new();
    }
    let at = |start: usize| toks.iter().position(|t| t.span.start >= start);
    let last_within = |end: usize| toks.iter().rposition(|t| t.span.end <= end);
    let in_period = |k: usize| periods_here.iter().any(|p| (p.first..=p.last).contains(&k));
    let figures: Vec<(usize, usize, Number)> = (numbers(toks).into_iter())
        .filter(|n| !n.year && n.clock.is_none())
        .filter_map(|n| Some((at(n.span.start)?, last_within(n.span.end)?, n)))
        .filter(|(f, _, _)| !in_period(*f))
        .collect();
    let is_figure = |k: usize| figures.iter().any(|(f, l, _)| (*f..=*l).contains(&k));
    // Nothing between tokens `lo` and `hi` (exclusive) that would part a figure from a period.
    let clear = |lo: usize, hi: usize| {
        hi <= lo + 7 && (lo + 1..hi).all(|k| !is_figure(k) && !contrasts_figures(&toks[k]))
    };
    let mut out = Vec::new();
    for p in periods_here {
        let (a, b) = (p.first, p.last);
        let joined = |k: usize| {
            let k = if k > 0 && toks[k].norm == "the" {
                k - 1
            } else {
                k
            };
            matches!(toks[k].norm.as_str(), "in" | "for" | "during" | "of" | "at")
        };
        // A figure before the period is its own only within one clause: in "286 stores, and
        // for the first half we had opened 9" the half's figure is the 9.
        let one_clause =
            |l: usize| !text[toks[l].span.end..toks[a].span.start].contains([',', ';', ':', '.']);
        let before = (figures.iter())
            .filter(|(_, l, _)| *l < a && a > 0 && joined(a - 1) && clear(*l, a) && one_clause(*l))
            .max_by_key(|(_, l, _)| *l);
        let after = (figures.iter())
            .filter(|(f, _, _)| *f > b && clear(b, *f))
            .min_by_key(|(f, _, _)| *f);
        if let Some((_, _, n)) = before.or(after) {
            let n = n.clone();
            out.push((p, n));
        }
    }
    out
}

/// A word that sets one figure against another ("31.2%, compared with 30.4%", "up from",
/// "versus").
fn contrasts_figures(t: &Token) -> bool {
    matches!(
        t.norm.as_str(),
        "from" | "versus" | "vs" | "compared" | "against"
    )
}

/// A figure put in another period than the primary gives it, where the passage has the figure:
/// "third-quarter adjusted EPS of $1.21" where the passage says "Q4 adjusted EPS was $1.21,
/// versus $1.09 in the third quarter" (the figure is another period's), or "a second-quarter
/// gross margin of 31.2%" where it says "31.2%, compared with 30.4% in the second quarter" (the
/// period has another figure, set against the claim's by "compared with", "versus" or "from").
/// A passage that gives the figure for the claim's period anywhere is no conflict; without a
/// word of contrast, a period and two figures ("$5 million in the third quarter and costs of $3
/// million") may share the period.
pub(super) fn figure_moved(
    primary: &Primary,
    view: &ClaimView,
    cnums: &[Number],
    window: &Window,
) -> Option<Conflict> {
    let claim = period_figures(&view.tokens, view.text);
    if claim.is_empty() {
        return None;
    }
    let ptext = &primary.document().text;
    let sentences: Vec<(&[Token], Vec<PeriodFigure>)> = (window.first..=window.last)
        .map(|s| {
            (
                primary.sentence(s),
                period_figures(primary.sentence(s), ptext),
            )
        })
        .collect();
    for (period, n) in &claim {
        let given_there = (sentences.iter().flat_map(|(_, b)| b))
            .any(|(p, m)| p.may_be(period) && same_number(n, m));
        if given_there || !view.outside_quotes_at(n.span.start) {
            continue;
        }
        for (toks, bound) in &sentences {
            let numbers_here = numbers(toks);
            let Some(here) = numbers_here.iter().find(|m| same_number(n, m)) else {
                continue;
            };
            let put = |primary_says: String| Conflict {
                reason: format!(
                    "claim puts \"{}\" in \"{}\"; the primary gives {primary_says}",
                    number_text(view.text, n),
                    &view.text[period.range.clone()],
                ),
            };
            // The figure is another period's.
            let elsewhere = (bound.iter()).find(|(p, m)| !p.may_be(period) && same_number(n, m));
            if let Some((other, _)) = elsewhere {
                return Some(put(format!("it for \"{}\"", &ptext[other.range.clone()])));
            }
            // The period has another figure, set against the claim's.
            let contrasted = |m: &Number| {
                let (lo, hi) = if m.span.start < here.span.start {
                    (m.span.end, here.span.start)
                } else {
                    (here.span.end, m.span.start)
                };
                (toks.iter())
                    .filter(|t| t.span.start >= lo && t.span.end <= hi)
                    .any(contrasts_figures)
            };
            let replaced = bound.iter().find(|(p, m)| {
                p.same_as(period)
                    && comparable(n, m)
                    && !cnums.iter().any(|c| same_number(c, m))
                    && contrasted(m)
            });
            if let Some((p, m)) = replaced {
                return Some(put(format!(
                    "\"{}\" for \"{}\" and sets \"{}\" against it",
                    number_text(ptext, m),
                    &ptext[p.range.clone()],
                    number_text(ptext, here)
                )));
            }
        }
    }
    None
}

/// "FY25" and "FY2025" → "2025" (a two-digit year is of this century).
pub(super) fn fiscal_year(word: &str) -> Option<String> {
    let digits = word.strip_prefix("FY")?;
    let digits = digits.strip_prefix('\'').unwrap_or(digits);
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match digits.len() {
        2 => Some(format!("20{digits}")),
        4 => Some(digits.to_string()),
        _ => None,
    }
}

/// "Q3" → ("third", "quarter"), "H1" → ("first", "half").
fn period_code(word: &str) -> Option<(&'static str, &'static str)> {
    let b = word.as_bytes();
    if b.len() != 2 {
        return None;
    }
    let unit = match b[0] {
        b'Q' | b'q' => "quarter",
        b'H' | b'h' => "half",
        _ => return None,
    };
    let ord = match (b[1], unit) {
        (b'1', _) => "first",
        (b'2', _) => "second",
        (b'3', "quarter") => "third",
        (b'4', "quarter") => "fourth",
        _ => return None,
    };
    Some((ord, unit))
}
