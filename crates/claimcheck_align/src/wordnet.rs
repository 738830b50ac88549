//! Optional WordNet antonyms (placeholder until the data file loader lands).

/// True when WordNet lists `a` and `b` as antonyms.
pub(crate) fn antonyms(_a: &str, _b: &str) -> bool {
    false
}
