//! Quotations in a claim: where they are, and whether the primary's speaker said them verbatim.

use claimcheck_core::Span;

/// A quotation in a claim: the words between the marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quote {
    /// The quoted words, without the marks.
    pub(crate) span: Span,
}

fn is_boundary_before(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '/' | ':' | ','),
    }
}

fn is_boundary_after(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(n) => !n.is_alphanumeric(),
    }
}

/// Finds quotations marked with “…”, "…", ‘…’ or '…' in `text[span]`.
///
/// Straight and single marks only count when they open after a space or bracket and close before
/// a non-letter, so apostrophes ("Russia's", "don't") are never taken for quotation marks.
pub(crate) fn find_quotes(text: &str, span: Span) -> Vec<Quote> {
    let slice = &text[span.range()];
    let bytes = slice.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // Every opening mark is `"`, `'` or a character that UTF-8 starts with C2 or E2, so the
    // search skips ahead byte by byte to those.
    while let Some(skip) = bytes[i..]
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2))
    {
        i += skip;
        let c = slice[i..]
            .chars()
            .next()
            .expect("a mark starts a character");
        let open_end = i + c.len_utf8();
        let before = || is_boundary_before(slice[..i].chars().next_back());
        let closer: Option<&[char]> = match c {
            '“' => Some(&['”', '“']),
            '«' => Some(&['»']),
            '„' => Some(&['“', '”']),
            '"' if before() => Some(&['"']),
            '‘' if before() => Some(&['’']),
            '\'' if before() => Some(&['\'']),
            _ => None,
        };
        let Some(closers) = closer else {
            i = open_end;
            continue;
        };
        let straight_or_single = matches!(c, '"' | '‘' | '\'');
        let found = slice[open_end..].char_indices().find(|&(k, d)| {
            closers.contains(&d)
                && (!straight_or_single
                    || is_boundary_after(slice[open_end + k + d.len_utf8()..].chars().next()))
        });
        match found {
            Some((k, d)) => {
                let end = open_end + k;
                let inner = &slice[open_end..end];
                if inner.chars().any(char::is_alphanumeric) {
                    out.push(Quote {
                        span: Span::new(span.start + open_end, span.start + end),
                    });
                }
                i = end + d.len_utf8();
            }
            None => i = open_end,
        }
    }
    out
}

/// Splits a quotation at ellipses ("...", "…"), which allow a gap in what was said.
pub(crate) fn segments(text: &str, quote: Span) -> Vec<Span> {
    let slice = &text[quote.range()];
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 0;
    let bytes = slice.as_bytes();
    while k < slice.len() {
        let gap = if slice[k..].starts_with('…') {
            Some('…'.len_utf8())
        } else if slice[k..].starts_with("...") {
            Some(3)
        } else if slice[k..].starts_with("[...]") {
            Some(5)
        } else {
            None
        };
        if let Some(g) = gap {
            out.push(Span::new(quote.start + start, quote.start + k));
            k += g;
            start = k;
            continue;
        }
        k += 1;
        while k < bytes.len() && !slice.is_char_boundary(k) {
            k += 1;
        }
    }
    out.push(Span::new(quote.start + start, quote.end));
    out.retain(|s| text[s.range()].chars().any(char::is_alphanumeric));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(s: &str) -> Vec<&str> {
        find_quotes(s, Span::new(0, s.len()))
            .into_iter()
            .map(|q| &s[q.span.range()])
            .collect()
    }

    #[test]
    fn all_mark_styles() {
        assert_eq!(
            quotes("He said “a long way to go” today"),
            vec!["a long way to go"]
        );
        assert_eq!(
            quotes(r#"He said "no intention" and "none""#),
            vec!["no intention", "none"]
        );
        assert_eq!(quotes("He called it ‘a huge step’."), vec!["a huge step"]);
        assert_eq!(quotes("It's Russia's 'red line' now"), vec!["red line"]);
        assert_eq!(quotes("Russia’s view isn’t new"), Vec::<&str>::new());
    }

    /// [`find_quotes`] as first written, character by character: the definition it must match.
    ///
    /// Straight and single marks only count when they open after a space or bracket and close before
    /// a non-letter, so apostrophes ("Russia's", "don't") are never taken for quotation marks.
    fn find_quotes_by_chars(text: &str, span: Span) -> Vec<Quote> {
        let slice = &text[span.range()];
        let chars: Vec<(usize, char)> = slice.char_indices().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let (pos, c) = chars[i];
            let prev = i.checked_sub(1).map(|k| chars[k].1);
            let closer: Option<&[char]> = match c {
                '“' => Some(&['”', '“']),
                '«' => Some(&['»']),
                '„' => Some(&['“', '”']),
                '"' if is_boundary_before(prev) => Some(&['"']),
                '‘' if is_boundary_before(prev) => Some(&['’']),
                '\'' if is_boundary_before(prev) => Some(&['\'']),
                _ => None,
            };
            let Some(closers) = closer else {
                i += 1;
                continue;
            };
            let straight_or_single = matches!(c, '"' | '‘' | '\'');
            let mut j = i + 1;
            let mut found = None;
            while j < chars.len() {
                let (_, d) = chars[j];
                if closers.contains(&d) {
                    let next = chars.get(j + 1).map(|x| x.1);
                    if !straight_or_single || is_boundary_after(next) {
                        found = Some(j);
                        break;
                    }
                }
                j += 1;
            }
            match found {
                Some(j) => {
                    let start = pos + c.len_utf8();
                    let end = chars[j].0;
                    let inner = &slice[start..end];
                    if inner.chars().any(char::is_alphanumeric) {
                        out.push(Quote {
                            span: Span::new(span.start + start, span.start + end),
                        });
                    }
                    i = j + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Characters for claims: every mark, apostrophes, letters, spaces and brackets.
    const QUOTE_CHARS: &[char] = &[
        '“', '”', '«', '»', '„', '"', '‘', '’', '\'', 'a', 'Z', '1', ' ', '(', '-', '.', 'é',
        '\u{a0}',
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]

        #[test]
        fn quotes_are_found_as_character_by_character(
            chars in proptest::collection::vec(proptest::sample::select(QUOTE_CHARS), 0..40),
            prefix in 0..3usize,
        ) {
            let text: String = chars.into_iter().collect();
            // A span may start after other text.
            let start = text.char_indices().nth(prefix).map_or(text.len(), |(i, _)| i);
            let span = Span::new(start, text.len());
            proptest::prop_assert_eq!(find_quotes(&text, span), find_quotes_by_chars(&text, span));
        }
    }

    #[test]
    fn ellipsis_splits() {
        let s = "we must … act now";
        let segs = segments(s, Span::new(0, s.len()));
        let words: Vec<&str> = segs.iter().map(|x| s[x.range()].trim()).collect();
        assert_eq!(words, vec!["we must", "act now"]);
    }
}
