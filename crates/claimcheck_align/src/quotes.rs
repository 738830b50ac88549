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

    #[test]
    fn ellipsis_splits() {
        let s = "we must … act now";
        let segs = segments(s, Span::new(0, s.len()));
        let words: Vec<&str> = segs.iter().map(|x| s[x.range()].trim()).collect();
        assert_eq!(words, vec!["we must", "act now"]);
    }
}
