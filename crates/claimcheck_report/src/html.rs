//! HTML review pages: one self-contained page per pair, and an index of all pairs.
//!
//! A pair's page puts the secondary (the article) beside the primary (the transcript). Every claim
//! of the article is marked with its verdict, by colour and by a text badge, and is focusable;
//! selecting it (click, or Tab and Enter) shows its verdict, score and reasons in a detail panel
//! and highlights and scrolls to its evidence in the transcript. Filter buttons per verdict carry
//! the counts. The page needs no network: CSS and a small vanilla script are inline, and it prints
//! both columns full width with each claim's reasons under it.
//!
//! Rows carry byte offsets into the files on disk; they are mapped back to positions in
//! [`Document::text`] by subtracting the encoding's offset base. Each text is rendered in one
//! linear pass: the spans are sorted once, then the text is cut at every span boundary and the
//! escaped pieces are appended in order. Evidence spans of different claims may overlap or nest, so
//! the transcript is split into segments at all evidence boundaries and each segment lists the
//! claims whose evidence covers it (`data-c="3 7"`). Rows whose offsets do not fit the text are
//! still listed, below the article. Every piece of input text is escaped, and the output depends
//! only on the input (no timestamps, no hash-map order).

use crate::{Row, Summary};
use claimcheck_core::{Document, Role, Verdict};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// A self-contained review page for one pair: the article with its claims marked beside the
/// transcript with its speaker turns and evidence.
///
/// `rows` may come in any order; claims are shown in the order of their position in the article.
pub fn page(title: &str, primary: &Document, secondary: &Document, rows: &[Row]) -> String {
    let claims = place_claims(primary, secondary, rows);
    let events = evidence_events(&claims);
    let mut out = String::with_capacity(
        primary.text.len() + secondary.text.len() + rows.len() * 1024 + CSS.len() + JS.len() + 8192,
    );
    let pair = rows.first().map(|r| r.pair.as_str()).unwrap_or_default();
    let summary = Summary::of(pair, rows);

    out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"claimcheck\">\n<title>");
    escape_into(&mut out, title);
    out.push_str(" \u{2014} claimcheck review</title>\n<style>\n");
    out.push_str(COMMON_CSS);
    out.push_str(CSS);
    for v in Verdict::ALL {
        let v = v.as_str();
        let _ = writeln!(
            out,
            ".hide-{v} .v-{v}{{background:none;box-shadow:none;cursor:auto}}\
             .hide-{v} .v-{v}>.badge{{display:none}}"
        );
    }
    out.push_str("</style>\n<noscript><style>.why{display:block}#detail{display:none}</style></noscript>\n</head>\n<body>\n");

    // Header: title, counts and filters.
    out.push_str("<header>\n<h1>");
    escape_into(&mut out, title);
    out.push_str("</h1>\n<p class=\"sum\">");
    if !pair.is_empty() {
        out.push_str("Pair <code>");
        escape_into(&mut out, pair);
        out.push_str("</code> \u{b7} ");
    }
    escape_into(&mut out, &counts_line(&summary));
    out.push_str(
        "</p>\n<div class=\"filters\" role=\"group\" aria-label=\"Show claims by verdict\">\n",
    );
    for (v, n) in Verdict::ALL.iter().zip(summary.counts) {
        let v = v.as_str();
        let disabled = if n == 0 { " disabled" } else { "" };
        let _ = writeln!(
            out,
            "<button type=\"button\" data-v=\"{v}\" aria-pressed=\"true\"{disabled}>\
             <span class=\"badge b-{v}\">{v}</span> <span class=\"n\">{n}</span></button>"
        );
    }
    out.push_str(
        "<button type=\"button\" id=\"all\">Show all</button>\
         <button type=\"button\" id=\"none\">Hide all</button>\n</div>\n</header>\n",
    );

    // Detail panel.
    out.push_str(
        "<section id=\"detail\" aria-labelledby=\"detail-h\">\n\
         <h2 id=\"detail-h\">Selected claim</h2>\n\
         <div id=\"detail-body\" aria-live=\"polite\"><p class=\"hint\">Select a claim in the \
         article (click it, or Tab to it and press Enter) to see its verdict, score and reasons \
         and to highlight its evidence in the transcript.</p></div>\n\
         <div class=\"nav\"><button type=\"button\" id=\"prev\">\u{2190} Previous</button> \
         <button type=\"button\" id=\"next\">Next \u{2192}</button></div>\n</section>\n",
    );

    // The two columns.
    out.push_str(
        "<main class=\"cols\">\n<section class=\"col\" aria-labelledby=\"sec-h\">\n\
         <h2 id=\"sec-h\">Article <span class=\"sub\">(secondary)</span></h2>\n\
         <div class=\"pane\" id=\"sec\">\n<div class=\"text\">",
    );
    render_secondary(&mut out, secondary, &claims);
    out.push_str("</div>\n");
    render_unplaced(&mut out, &claims);
    out.push_str(
        "</div>\n</section>\n<section class=\"col\" aria-labelledby=\"pri-h\">\n\
         <h2 id=\"pri-h\">Transcript <span class=\"sub\">(primary)</span></h2>\n\
         <p class=\"legend\"><span class=\"lg r-primary\">main speaker</span> \
         <span class=\"lg r-interviewer\">interviewer</span> \
         <span class=\"lg r-other\">other speaker</span> \
         <span class=\"ev\">evidence</span> <span class=\"ev hit\">selected evidence</span></p>\n\
         <div class=\"pane\" id=\"pri\">\n<div class=\"text\">",
    );
    render_primary(&mut out, primary, &events);
    out.push_str("</div>\n</div>\n</section>\n</main>\n<script>\n");
    out.push_str(JS);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// The index of all pairs: one table row per pair with its counts per verdict, linking to the
/// pair's page `<pair>.html` in the same folder.
pub fn index(summaries: &[Summary]) -> String {
    let mut out = String::with_capacity(4096 + summaries.len() * 512);
    let mut totals = [0usize; 7];
    let mut claims = 0;
    for s in summaries {
        claims += s.claims;
        for (t, n) in totals.iter_mut().zip(s.counts) {
            *t += n;
        }
    }
    let total = Summary {
        pair: String::new(),
        claims,
        counts: totals,
    };
    out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"claimcheck\">\n");
    out.push_str("<title>claimcheck review: all pairs</title>\n<style>\n");
    out.push_str(COMMON_CSS);
    out.push_str(INDEX_CSS);
    out.push_str(
        "</style>\n</head>\n<body>\n<main>\n<h1>claimcheck review</h1>\n<p class=\"sum\">",
    );
    let _ = write!(
        out,
        "{} pair{} \u{b7} ",
        summaries.len(),
        if summaries.len() == 1 { "" } else { "s" }
    );
    escape_into(&mut out, &counts_line(&total));
    out.push_str("</p>\n");
    if summaries.is_empty() {
        out.push_str("<p>No pairs were checked.</p>\n");
    } else {
        out.push_str(
            "<table>\n<caption>Claims per verdict; open a pair to review its claims \
             against the transcript.</caption>\n<thead><tr><th scope=\"col\">Pair</th>\
             <th scope=\"col\" class=\"num\">Claims</th>",
        );
        for v in Verdict::ALL {
            let v = v.as_str();
            let _ = write!(
                out,
                "<th scope=\"col\" class=\"num\"><span class=\"badge b-{v}\">{v}</span></th>"
            );
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for s in summaries {
            out.push_str("<tr><th scope=\"row\"><a href=\"./");
            percent_encode_into(&mut out, &s.pair);
            out.push_str(".html\">");
            escape_into(&mut out, &s.pair);
            out.push_str("</a></th>");
            count_cells(&mut out, s.claims, &s.counts);
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n<tfoot><tr><th scope=\"row\">Total</th>");
        count_cells(&mut out, claims, &totals);
        out.push_str("</tr></tfoot>\n</table>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Escapes text for HTML, in element content and in quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(&mut out, s);
    out
}

/// Appends `s` to `out`, escaped as by [`escape`], without allocating.
pub fn escape_into(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    // The next `&`, `<` or `>` and the next `"` or `'`, each found by a vector search and looked
    // for again only once it is passed.
    let brackets =
        |from: usize| memchr::memchr3(b'&', b'<', b'>', &bytes[from..]).map(|k| from + k);
    let quotes = |from: usize| memchr::memchr2(b'"', b'\'', &bytes[from..]).map(|k| from + k);
    let (mut next_bracket, mut next_quote) = (brackets(0), quotes(0));
    let mut last = 0;
    loop {
        let i = match (next_bracket, next_quote) {
            (Some(b), Some(q)) => b.min(q),
            (Some(i), None) | (None, Some(i)) => i,
            (None, None) => break,
        };
        out.push_str(&s[last..i]);
        out.push_str(match bytes[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        last = i + 1;
        if next_bracket == Some(i) {
            next_bracket = brackets(last);
        } else {
            next_quote = quotes(last);
        }
    }
    out.push_str(&s[last..]);
}

/// Appends a path segment percent-encoded: everything but ASCII letters, digits and `-._~`, so a
/// pair name can be neither a URL scheme (`javascript:`) nor a query or fragment.
fn percent_encode_into(out: &mut String, s: &str) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
}

/// "12 claims: 5 supported, …", or "no claims".
fn counts_line(s: &Summary) -> String {
    if s.claims == 0 {
        "no claims".into()
    } else {
        s.line()
    }
}

/// The index's number cells: claims, then one per verdict (zeros dimmed).
fn count_cells(out: &mut String, claims: usize, counts: &[usize; 7]) {
    let _ = write!(out, "<td class=\"num\">{claims}</td>");
    for n in counts {
        let class = if *n == 0 { "num zero" } else { "num" };
        let _ = write!(out, "<td class=\"{class}\">{n}</td>");
    }
}

/// A claim to show: its row, its key on the page and where it is in each text.
struct Placed<'a> {
    row: &'a Row,
    /// 1-based position on the page, unique even when claim ids repeat; used in element ids and
    /// in the evidence segments' `data-c`.
    key: usize,
    /// The claim in [`Document::text`] of the secondary, when the row's offsets fit it and do not
    /// overlap an earlier claim.
    secondary: Option<(usize, usize)>,
    /// The evidence in [`Document::text`] of the primary, when the row has offsets that fit it.
    primary: Option<(usize, usize)>,
}

/// Maps a row's disk offsets to a span of `doc.text`, if they fit it.
fn text_span(doc: &Document, start: usize, end: usize) -> Option<(usize, usize)> {
    let base = doc.encoding.offset_base();
    let s = start.checked_sub(base)?;
    let e = end.checked_sub(base)?;
    let t = &doc.text;
    (s <= e && e <= t.len() && t.is_char_boundary(s) && t.is_char_boundary(e)).then_some((s, e))
}

/// Orders the rows for the page: claims placed in the secondary first, by position, then those
/// whose offsets do not fit (by claim id). Keys are assigned in that order.
fn place_claims<'a>(primary: &Document, secondary: &Document, rows: &'a [Row]) -> Vec<Placed<'a>> {
    let mut spans: Vec<(Option<(usize, usize)>, &Row)> = rows
        .iter()
        .map(|r| (text_span(secondary, r.secondary_start, r.secondary_end), r))
        .collect();
    spans.sort_by(|a, b| {
        let key = |x: &(Option<(usize, usize)>, &Row)| (x.0.is_none(), x.0, x.1.claim_id);
        key(a)
            .cmp(&key(b))
            .then_with(|| a.1.claim.cmp(&b.1.claim))
            .then_with(|| a.1.reasons.cmp(&b.1.reasons))
    });
    // Claims never overlap; if bad input makes them, the later one is listed as unplaced.
    let mut last_end = 0;
    let mut placed = Vec::with_capacity(spans.len());
    let mut unplaced = Vec::new();
    for (span, row) in spans {
        match span {
            Some((s, e)) if s >= last_end => {
                last_end = e;
                placed.push((Some((s, e)), row));
            }
            _ => unplaced.push((None, row)),
        }
    }
    unplaced.sort_by_key(|a| a.1.claim_id);
    placed.extend(unplaced);
    placed
        .into_iter()
        .enumerate()
        .map(|(i, (secondary_span, row))| Placed {
            row,
            key: i + 1,
            secondary: secondary_span,
            primary: row
                .primary_start
                .zip(row.primary_end)
                .and_then(|(s, e)| text_span(primary, s, e)),
        })
        .collect()
}

/// Where evidence starts and ends in the primary, sorted: `(position, is_start, key)`. Ends sort
/// before starts at the same position, and empty spans are left out, so a sweep never removes a
/// key it has not added.
fn evidence_events(claims: &[Placed<'_>]) -> Vec<(usize, bool, usize)> {
    let mut events = Vec::with_capacity(claims.len() * 2);
    for c in claims {
        if let Some((s, e)) = c.primary {
            if s < e {
                events.push((s, true, c.key));
                events.push((e, false, c.key));
            }
        }
    }
    events.sort_unstable();
    events
}

/// Writes the secondary's text with each placed claim marked, followed by its hidden details.
fn render_secondary(out: &mut String, secondary: &Document, claims: &[Placed<'_>]) {
    let text = &secondary.text;
    let mut pos = 0;
    for c in claims {
        let Some((s, e)) = c.secondary else { continue };
        escape_into(out, &text[pos..s]);
        claim_open(out, c);
        escape_into(out, &text[s..e]);
        out.push_str("</span>");
        why(out, c);
        pos = e;
    }
    escape_into(out, &text[pos..]);
}

/// Lists the claims whose offsets do not fit the secondary, so every row is on the page.
fn render_unplaced(out: &mut String, claims: &[Placed<'_>]) {
    let mut any = false;
    for c in claims.iter().filter(|c| c.secondary.is_none()) {
        if !any {
            out.push_str(
                "<h3>Claims not found at their offsets in this text</h3>\n<ul class=\"unplaced\">\n",
            );
            any = true;
        }
        out.push_str("<li>");
        claim_open(out, c);
        escape_into(out, &c.row.claim);
        out.push_str("</span>");
        why(out, c);
        out.push_str("</li>\n");
    }
    if any {
        out.push_str("</ul>\n");
    }
}

/// Opens a claim's element, with its badge.
fn claim_open(out: &mut String, c: &Placed<'_>) {
    let v = c.row.verdict.as_str();
    let _ = write!(
        out,
        "<span class=\"claim v-{v}\" id=\"c{k}\" data-k=\"{k}\" data-id=\"{id}\" data-v=\"{v}\" \
         tabindex=\"0\" role=\"button\" aria-pressed=\"false\"><span class=\"badge b-{v}\">{v}</span> ",
        k = c.key,
        id = c.row.claim_id,
    );
}

/// A claim's details: shown in the detail panel when selected, and under the claim when printed.
fn why(out: &mut String, c: &Placed<'_>) {
    let r = c.row;
    let v = r.verdict.as_str();
    let _ = write!(
        out,
        "<span class=\"why\" id=\"w{k}\"><span class=\"wl\"><b>Claim {id}</b> \
         <span class=\"badge b-{v}\">{v}</span> score {score}</span>",
        k = c.key,
        id = r.claim_id,
        score = crate::ThreeDecimals(r.score),
    );
    out.push_str("<span class=\"wl\"><b>Reasons:</b> ");
    if r.reasons.trim().is_empty() {
        out.push_str("none given");
    } else {
        escape_into(out, &r.reasons);
    }
    out.push_str("</span><span class=\"wl\"><b>Evidence");
    if !r.speaker.is_empty() {
        out.push_str(" (");
        escape_into(out, &r.speaker);
        out.push(')');
    }
    out.push_str(":</b> ");
    if r.evidence.is_empty() {
        out.push_str("no passage in the transcript");
    } else {
        out.push_str("<q>");
        escape_into(out, &r.evidence);
        out.push_str("</q>");
    }
    if c.row.primary_start.is_some() && c.primary.is_none() {
        out.push_str(" (its offsets are outside the transcript, so it is not highlighted)");
    }
    if c.secondary.is_none() {
        out.push_str(" (the claim's offsets do not fit the article)");
    }
    out.push_str("</span></span>");
}

/// Walks the sorted evidence boundaries while the primary is written in order, so each run of
/// text is tagged with the claims whose evidence covers it.
struct Sweep<'e> {
    events: &'e [(usize, bool, usize)],
    next: usize,
    active: BTreeSet<usize>,
}

impl Sweep<'_> {
    /// Writes `text[a..b]`, cut at evidence boundaries; covered runs become `<span class="ev">`.
    /// Calls must come with increasing, non-overlapping ranges.
    fn emit(&mut self, out: &mut String, text: &str, a: usize, b: usize) {
        let mut pos = a;
        loop {
            while let Some(&(p, start, key)) = self.events.get(self.next) {
                if p > pos {
                    break;
                }
                if start {
                    self.active.insert(key);
                } else {
                    self.active.remove(&key);
                }
                self.next += 1;
            }
            if pos >= b {
                break;
            }
            let stop = self.events.get(self.next).map_or(b, |e| e.0.min(b));
            let piece = &text[pos..stop];
            if self.active.is_empty() {
                escape_into(out, piece);
            } else {
                out.push_str("<span class=\"ev\" data-c=\"");
                for (i, k) in self.active.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    let _ = write!(out, "{k}");
                }
                out.push_str("\">");
                escape_into(out, piece);
                out.push_str("</span>");
            }
            pos = stop;
        }
    }
}

/// The CSS class of a speaker role.
fn role_class(role: Role) -> &'static str {
    match role {
        Role::Primary => "r-primary",
        Role::Interviewer => "r-interviewer",
        Role::Other => "r-other",
        Role::Unlabelled => "r-unlabelled",
    }
}

/// Writes the primary: each turn as a block with its speaker label, text outside turns as-is
/// (trimmed), evidence tagged throughout. One pass over the text.
fn render_primary(out: &mut String, primary: &Document, events: &[(usize, bool, usize)]) {
    let text = primary.text.as_str();
    let mut sweep = Sweep {
        events,
        next: 0,
        active: BTreeSet::new(),
    };
    let mut pos = 0;
    for turn in &primary.turns {
        let (s, e) = (turn.span.start, turn.span.end);
        if s < pos || s > e || e > text.len() || !text.is_char_boundary(s) {
            continue; // out of order or out of range: its text shows as text between turns
        }
        if !text.is_char_boundary(e) {
            continue;
        }
        let label_start = match turn.speaker {
            Some(_) => label_start(text, pos, s),
            None => s,
        };
        gap(out, &mut sweep, text, pos, label_start);
        out.push_str("<div class=\"turn ");
        out.push_str(role_class(turn.role));
        out.push_str("\">");
        if let Some(speaker) = &turn.speaker {
            let label = &text[label_start..s];
            let trimmed = label.trim_end();
            out.push_str("<span class=\"spk\">");
            if trimmed.trim_start().is_empty() {
                // No label in the text (or not where expected): show the parsed speaker.
                escape_into(out, speaker);
                out.push_str(":</span> ");
                sweep.emit(out, text, s, s);
            } else {
                let mid = label_start + trimmed.len();
                sweep.emit(out, text, label_start, mid);
                out.push_str("</span>");
                sweep.emit(out, text, mid, s);
            }
        }
        sweep.emit(out, text, s, e);
        out.push_str("</div>");
        pos = e;
    }
    gap(out, &mut sweep, text, pos, text.len());
}

/// Where the label of a turn whose text starts at `s` begins, looking back no further than `pos`:
/// the start of the turn's first line when the label shares it (`Sergey Lavrov: The …`), else the
/// previous non-blank line when it ends with a colon (`Sergey Lavrov:` on a line of its own), else
/// `s` (no label found: the page shows the parsed speaker name instead).
fn label_start(text: &str, pos: usize, s: usize) -> usize {
    let before = &text[pos..s];
    let line = pos + before.rfind('\n').map_or(0, |i| i + 1);
    if !text[line..s].trim().is_empty() {
        return line;
    }
    let above = before.trim_end();
    let prev = pos + above.rfind('\n').map_or(0, |i| i + 1);
    if above.ends_with(':') && prev < pos + above.len() {
        prev
    } else {
        s
    }
}

/// Writes text outside any turn, trimmed of surrounding whitespace, as its own block.
fn gap(out: &mut String, sweep: &mut Sweep<'_>, text: &str, a: usize, b: usize) {
    let g = &text[a..b];
    let t = g.trim();
    if t.is_empty() {
        return;
    }
    let s = a + (g.len() - g.trim_start().len());
    out.push_str("<div class=\"gap\">");
    sweep.emit(out, text, s, s + t.len());
    out.push_str("</div>");
}

/// Styles shared by the pair pages and the index: colours and verdict badges.
const COMMON_CSS: &str = r#":root{--fg:#1a1a1a;--muted:#555f6d;--line:#ccd2da;--panel:#f4f6f8;--focus:#1f5a9e}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:#fff}
h1{font-size:1.3rem;margin:0 0 .15rem}
.sum{margin:0 0 .45rem;color:var(--muted)}
.badge{display:inline-block;font-size:.68rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase;padding:0 .32rem;border-radius:3px;color:#fff;line-height:1.55;vertical-align:.08em;white-space:nowrap;text-indent:0}
.b-supported{background:#1e6b34}.b-misquoted{background:#b02a1f}.b-misattributed{background:#6b3fa0}.b-contradicted{background:#9c4200}.b-embellished{background:#7a5d00}.b-unsupported{background:#4a5361}.b-opinion{background:#1f5a9e}
a{color:#1f5a9e}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
@media print{.badge{print-color-adjust:exact;-webkit-print-color-adjust:exact;border:1px solid #000}}
"#;

/// Styles of a pair's page.
const CSS: &str = r#"body{height:100vh;display:flex;flex-direction:column}
header{padding:.6rem 1rem .55rem;border-bottom:1px solid var(--line)}
h2{font-size:.95rem;margin:0;padding:.35rem 1rem;background:var(--panel);border-bottom:1px solid var(--line)}
h3{font-size:.95rem;margin:1.5rem 0 .3rem}
.sub{font-weight:400;color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:.35rem;align-items:center}
button{font:inherit;font-size:.85rem;color:var(--fg);background:#fff;border:1px solid #8a94a3;border-radius:4px;padding:.1rem .45rem;cursor:pointer}
button:hover{background:var(--panel)}
button:disabled{cursor:default;color:var(--muted);border-color:var(--line)}
button[aria-pressed=false]{background:#e9ecf0}
button[aria-pressed=false] .badge{background:#fff;color:var(--muted);box-shadow:inset 0 0 0 1px var(--muted);text-decoration:line-through}
button:disabled .badge{opacity:.6}
.n{font-weight:600}
#detail{display:flex;gap:1rem;align-items:flex-start;padding:.45rem 1rem;background:var(--panel);border-bottom:1px solid var(--line);max-height:12rem;overflow:auto}
#detail h2{padding:0;background:none;border:0;white-space:nowrap;line-height:1.6}
#detail-body{flex:1;min-width:0}
.hint{margin:0;color:var(--muted)}
.nav{white-space:nowrap}
.why{display:none}
#detail .why{display:block}
.wl{display:block}
.why .badge{margin:0 .25rem}
.cols{flex:1;min-height:0;display:grid;grid-template-columns:1fr 1fr}
.col{display:flex;flex-direction:column;min-height:0;min-width:0}
.col+.col{border-left:1px solid var(--line)}
.pane{flex:1;min-height:0;overflow:auto;padding:.75rem 1.1rem 40vh}
.text{white-space:pre-wrap;overflow-wrap:anywhere;max-width:50rem}
.claim{border-radius:3px;cursor:pointer;scroll-margin:3rem 0;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.claim>.badge{margin-right:.1rem}
.claim.sel{outline:3px solid var(--fg);outline-offset:1px}
.v-supported{background:#dcefe1;box-shadow:inset 0 -2px #1e6b34}
.v-misquoted{background:#fadcd8;box-shadow:inset 0 -2px #b02a1f}
.v-misattributed{background:#ebe1f6;box-shadow:inset 0 -2px #6b3fa0}
.v-contradicted{background:#fbe3cc;box-shadow:inset 0 -2px #9c4200}
.v-embellished{background:#f7ecc4;box-shadow:inset 0 -2px #7a5d00}
.v-unsupported{background:#e3e6ea;box-shadow:inset 0 -2px #4a5361}
.v-opinion{background:#dce8f6;box-shadow:inset 0 -2px #1f5a9e}
.unplaced{padding-left:1.2rem}
.legend{margin:0;padding:.25rem 1rem;font-size:.8rem;color:var(--muted);border-bottom:1px solid var(--line)}
.lg{display:inline-block;padding-left:.4rem;margin-right:.6rem}
.turn{margin:0 0 .9rem;padding-left:.7rem;border-left:4px solid #b8c0cc}
.r-primary{border-left:4px solid #1f5a9e}
.r-interviewer{border-left:4px dashed #555f6d}
.r-other{border-left:4px dotted #6b3fa0}
.r-unlabelled{border-left:4px solid #e3e6ea}
.spk{font-weight:700}
.r-primary>.spk{color:#1f5a9e}
.r-other>.spk{color:#6b3fa0}
.gap{margin:0 0 .9rem;color:var(--muted)}
.ev{background:#eceef2;border-bottom:2px dotted #555f6d;cursor:pointer}
.ev.hit{background:#ffe066;border-bottom:2px solid var(--fg);color:var(--fg)}
@media (max-width:800px){body{height:auto;display:block}.cols{display:block}.col+.col{border-left:0}.pane{overflow:visible;padding-bottom:1rem}#detail{position:sticky;top:0;z-index:1}}
@media print{body{height:auto;display:block;font-size:11pt}.filters,#detail,.legend .ev{display:none}.cols{display:block}.col+.col{border-left:0;break-before:page}.pane{overflow:visible;padding:0 0 1rem}.text{max-width:none}h2{background:none;padding:.3rem 0}.why{display:block;margin:.15rem 0 .6rem 1rem;padding-left:.5rem;border-left:2px solid #999;font-size:.9em;white-space:normal}.ev.hit{background:none}.claim.sel{outline:0}}
"#;

/// Styles of the index.
const INDEX_CSS: &str = r#"main{max-width:72rem;margin:0 auto;padding:1rem 1.25rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}
caption{text-align:left;color:var(--muted);padding:.3rem 0}
th,td{padding:.3rem .5rem;border-bottom:1px solid var(--line);text-align:left}
thead th{border-bottom:2px solid var(--muted)}
tbody tr:hover{background:var(--panel)}
tfoot th,tfoot td{font-weight:700;border-top:2px solid var(--muted)}
.num{text-align:right;font-variant-numeric:tabular-nums}
.zero{color:#6b7380}
"#;

/// The page's script: selection, evidence highlighting, filters and previous/next.
const JS: &str = r#"(() => {
  'use strict';
  const claims = Array.from(document.querySelectorAll('.claim'));
  const filters = Array.from(document.querySelectorAll('button[data-v]'));
  const detail = document.getElementById('detail-body');
  const pri = document.getElementById('pri');
  const hidden = new Set();
  let cur = null;
  const shown = (c) => !hidden.has(c.dataset.v);

  function select(c, scrollClaim) {
    if (cur) {
      cur.classList.remove('sel');
      cur.setAttribute('aria-pressed', 'false');
    }
    for (const e of pri.querySelectorAll('.ev.hit')) e.classList.remove('hit');
    cur = c;
    c.classList.add('sel');
    c.setAttribute('aria-pressed', 'true');
    const why = document.getElementById('w' + c.dataset.k).cloneNode(true);
    why.removeAttribute('id');
    detail.replaceChildren(why);
    const hits = pri.querySelectorAll('.ev[data-c~="' + c.dataset.k + '"]');
    for (const e of hits) e.classList.add('hit');
    if (hits.length) hits[0].scrollIntoView({ block: 'center' });
    if (scrollClaim) c.scrollIntoView({ block: 'center' });
  }

  document.addEventListener('click', (e) => {
    const c = e.target.closest('.claim');
    if (c) {
      if (shown(c)) select(c, false);
      return;
    }
    // Clicking evidence selects its claim; again cycles through claims sharing the passage.
    const ev = e.target.closest('.ev[data-c]');
    if (ev) {
      const keys = ev.dataset.c.split(' ');
      const i = cur ? keys.indexOf(cur.dataset.k) : -1;
      const next = document.getElementById('c' + keys[(i + 1) % keys.length]);
      if (next) select(next, true);
    }
  });
  document.addEventListener('keydown', (e) => {
    const c = e.target.closest ? e.target.closest('.claim') : null;
    if (c && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      if (shown(c)) select(c, false);
    }
  });

  function apply() {
    for (const b of filters) {
      const v = b.dataset.v;
      b.setAttribute('aria-pressed', String(!hidden.has(v)));
      document.body.classList.toggle('hide-' + v, hidden.has(v));
    }
    for (const c of claims) c.tabIndex = shown(c) ? 0 : -1;
  }
  for (const b of filters) {
    b.addEventListener('click', () => {
      const v = b.dataset.v;
      if (hidden.has(v)) hidden.delete(v); else hidden.add(v);
      apply();
    });
  }
  document.getElementById('all').addEventListener('click', () => { hidden.clear(); apply(); });
  document.getElementById('none').addEventListener('click', () => {
    for (const b of filters) hidden.add(b.dataset.v);
    apply();
  });

  function step(d) {
    const vis = claims.filter(shown);
    if (!vis.length) return;
    const i = vis.indexOf(cur);
    const n = i < 0 ? (d > 0 ? 0 : vis.length - 1) : (i + d + vis.length) % vis.length;
    select(vis[n], true);
  }
  document.getElementById('prev').addEventListener('click', () => step(-1));
  document.getElementById('next').addEventListener('click', () => step(1));

  const start = location.hash.length > 1 ? document.getElementById(location.hash.slice(1)) : null;
  if (start && start.classList.contains('claim')) select(start, true);
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_replaces_each_special_byte() {
        const CHARS: [char; 7] = ['&', '<', '>', '"', '\'', 'a', 'é'];
        // Every text of up to five of these characters.
        let mut texts = vec![String::new()];
        let mut last = texts.clone();
        for _ in 0..5 {
            last = last
                .iter()
                .flat_map(|t| CHARS.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        for text in &texts {
            let plain: String = text
                .chars()
                .map(|c| match c {
                    '&' => "&amp;".to_string(),
                    '<' => "&lt;".to_string(),
                    '>' => "&gt;".to_string(),
                    '"' => "&quot;".to_string(),
                    '\'' => "&#39;".to_string(),
                    c => c.to_string(),
                })
                .collect();
            assert_eq!(escape(text), plain, "{text:?}");
        }
    }
}
