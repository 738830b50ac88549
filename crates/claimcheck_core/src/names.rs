//! Person-name matching that tolerates titles, transliteration variants and surnames alone.
//!
//! "Sergey Lavrov", "Sergei Lavrov", "Mr Lavrov" and "Lavrov" name one person; "Sergey Lavrov" and
//! "Sergey Shoigu" do not.

use strsim::jaro_winkler;

/// Honorifics and offices that may precede a name and say nothing about who it is.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "secretary",
    "mayor",
    "councillor",
    "councilor",
    "senator",
    "sen",
    "rep",
    "representative",
    "governor",
    "gov",
    "chancellor",
    "general",
    "gen",
    "ambassador",
    "chairman",
    "chair",
    "chairwoman",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "speaker",
    "deputy",
    "director",
    "the",
    "us",
    "u.s.",
];

/// True when `word` (lowercase) is an honorific or office that may precede a name ("dr").
pub fn is_title(word: &str) -> bool {
    TITLES.contains(&word)
}

/// The words of a name, lowercased, without titles and punctuation.
pub fn name_words(name: &str) -> Vec<String> {
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .replace('’', "'")
        })
        .filter(|w| !w.is_empty())
        .collect();
    let kept: Vec<String> = words
        .iter()
        .filter(|w| !TITLES.contains(&w.as_str()))
        .cloned()
        .collect();
    if kept.is_empty() {
        words
    } else {
        kept
    }
}

/// How alike two name words must be (Jaro-Winkler) to count as spelling variants.
const VARIANT_SIMILARITY: f64 = 0.88;

fn word_match(a: &str, b: &str) -> bool {
    a == b || (a.len() >= 4 && b.len() >= 4 && jaro_winkler(a, b) >= VARIANT_SIMILARITY)
}

/// True when two names plausibly refer to the same person.
///
/// Surnames (last words) must match as spelling variants; when both names carry a first name, the
/// first names must match too (or one is an initial of the other).
pub fn names_match(a: &str, b: &str) -> bool {
    let a = name_words(a);
    let b = name_words(b);
    let (Some(sa), Some(sb)) = (a.last(), b.last()) else {
        return false;
    };
    if !word_match(sa, sb) {
        return false;
    }
    if a.len() >= 2 && b.len() >= 2 {
        let (fa, fb) = (&a[0], &b[0]);
        let initial = |x: &str, y: &str| x.chars().count() == 1 && y.starts_with(x);
        return word_match(fa, fb) || initial(fa, fb) || initial(fb, fa);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_match() {
        assert!(names_match("Sergey Lavrov", "Sergei Lavrov"));
        assert!(names_match("Sergey Lavrov", "Lavrov"));
        assert!(names_match("Mr Lavrov", "Foreign Minister Sergey Lavrov"));
        assert!(names_match("MAYOR HELEN OKAFOR", "Helen Okafor"));
        assert!(names_match("V. Putin", "Vladimir Putin"));
    }

    #[test]
    fn different_people_do_not() {
        assert!(!names_match("Sergey Lavrov", "Sergey Shoigu"));
        assert!(!names_match("Donald Trump", "Donald Tusk"));
        assert!(!names_match("Question", "Sergey Lavrov"));
    }
}
