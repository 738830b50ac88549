//! One source pair: its configuration (`pair.toml`), loading both texts, and checking it.

use crate::cli::{Format, Settings};
use crate::output::{write_atomic, write_bytes_atomic};
use crate::{InputError, Outcome};
use anyhow::{Context, Result};
use claimcheck_align::Primary;
use claimcheck_core::{Document, Verdict};
use claimcheck_ingest::{load_article, load_transcript, SpeakerHints};
use claimcheck_report::{Row, Summary};
use serde::Deserialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `pair.toml`: everything optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PairConfig {
    /// A human title for reports.
    pub(crate) title: Option<String>,
    /// The date of the primary, as written.
    pub(crate) date: Option<String>,
    /// Where the primary was published (provenance for reviewers; not used by the checks).
    #[allow(dead_code, reason = "provenance kept in pair.toml for reviewers")]
    pub(crate) primary_url: Option<String>,
    /// Where the secondary was published (provenance for reviewers; not used by the checks).
    #[allow(dead_code, reason = "provenance kept in pair.toml for reviewers")]
    pub(crate) secondary_url: Option<String>,
    /// The primary file, relative to the pair folder (default `primary.txt`).
    pub(crate) primary: Option<PathBuf>,
    /// The secondary file, relative to the pair folder (default `secondary.txt`).
    pub(crate) secondary: Option<PathBuf>,
    /// The main speaker's name.
    pub(crate) speaker: Option<String>,
    /// Other names of the main speaker.
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    /// Turn labels of the interviewer.
    #[serde(default)]
    pub(crate) interviewer_labels: Vec<String>,
}

impl PairConfig {
    /// Reads `dir/pair.toml`, or the defaults when there is none.
    pub(crate) fn load(dir: &Path) -> Result<PairConfig> {
        let path = dir.join("pair.toml");
        if !path.exists() {
            return Ok(PairConfig::default());
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|e| InputError(format!("{}: cannot read: {e}", path.display())))?;
        toml::from_str(&text).map_err(|e| {
            // One line, so it reads well in batch's summary: where, then what.
            let at =
                e.span()
                    .and_then(|span| text.get(..span.start))
                    .map_or(String::new(), |before| {
                        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                        let line = before.matches('\n').count() + 1;
                        let column = before[line_start..].chars().count() + 1;
                        format!(" at line {line}, column {column}")
                    });
            InputError(format!(
                "{}: invalid pair.toml{at}: {}",
                path.display(),
                e.message().split_whitespace().collect::<Vec<_>>().join(" ")
            ))
            .into()
        })
    }

    /// The title shown in reports: the configured title (or the pair's name) and the date.
    fn display_title(&self, name: &str) -> String {
        let title = self.title.clone().unwrap_or_else(|| name.to_string());
        match &self.date {
            Some(date) => format!("{title} ({date})"),
            None => title,
        }
    }

    fn hints(&self) -> SpeakerHints {
        SpeakerHints {
            speaker: self.speaker.clone(),
            aliases: self.aliases.clone(),
            interviewer_labels: self.interviewer_labels.clone(),
        }
    }
}

/// Speaker hints given on the command line of `compare`.
#[derive(Debug, Default)]
pub(crate) struct CliHints {
    pub(crate) speaker: Option<String>,
    pub(crate) aliases: Vec<String>,
    pub(crate) interviewer_labels: Vec<String>,
}

/// A pair, loaded and checked.
pub(crate) struct Checked {
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) primary: Document,
    pub(crate) secondary: Document,
    pub(crate) rows: Vec<Row>,
    pub(crate) warnings: Vec<String>,
}

impl Checked {
    pub(crate) fn summary(&self) -> Summary {
        Summary::of(&self.name, &self.rows)
    }

    pub(crate) fn unsupported(&self) -> bool {
        self.rows.iter().any(|r| r.verdict != Verdict::Supported)
    }
}

/// Loads and checks a pair given by its two files.
pub(crate) fn check_files(
    name: &str,
    title: &str,
    primary_path: &Path,
    secondary_path: &Path,
    hints: &SpeakerHints,
    settings: &Settings,
) -> Result<Checked> {
    let (primary, mut warnings) = load_transcript(primary_path, settings.limits, hints)
        .map_err(|e| InputError(e.to_string()))?;
    let (secondary, w2) =
        load_article(secondary_path, settings.limits).map_err(|e| InputError(e.to_string()))?;
    warnings.extend(w2);
    let english = looks_english(&primary.text);
    if !english {
        warnings.push(format!(
            "{}: little or no English text found; claims cannot be assessed against it",
            primary_path.display()
        ));
    }
    let index = Primary::new(primary);
    let claims = claimcheck_align::claims(&secondary);
    let assessments =
        claimcheck_align::assess_all(&index, &secondary, &claims, &settings.thresholds);
    let primary = index.into_document();
    let rows = assessments
        .iter()
        .map(|a| {
            let mut row = Row::new(name, &primary, &secondary, a);
            if !english {
                // Whatever the verdict, the reader must know it rests on a text we cannot read.
                row.reasons = if row.reasons.is_empty() {
                    NOT_ENGLISH.to_string()
                } else {
                    format!("{NOT_ENGLISH}; {}", row.reasons)
                };
            }
            row
        })
        .collect();
    Ok(Checked {
        name: name.to_string(),
        title: title.to_string(),
        primary,
        secondary,
        rows,
        warnings,
    })
}

/// The reason added to every claim of a pair whose primary is not English.
const NOT_ENGLISH: &str = "primary has little or no English text; not assessable";

/// True when a text has enough common English function words to be English.
///
/// Its words are the runs of alphabetic characters (as `text.split(|c: char|
/// !c.is_alphabetic())` gives them), found byte by byte: ASCII, most of a primary, without
/// decoding.
fn looks_english(text: &str) -> bool {
    /// Words looked at, at most.
    const WORDS: usize = 20_000;
    let bytes = text.as_bytes();
    // Whether the character at byte `i` is alphabetic, and its length.
    let alphabetic_at = |i: usize| -> (bool, usize) {
        let c = text[i..].chars().next().expect("i is a char boundary");
        (c.is_alphabetic(), c.len_utf8())
    };
    let mut words = 0usize;
    let mut common = 0usize;
    let mut i = 0;
    'words: while words < WORDS {
        // To the next alphabetic character.
        loop {
            while i < bytes.len() && BYTE_KIND[usize::from(bytes[i])] == OTHER_ASCII {
                i += 1;
            }
            if i >= bytes.len() {
                break 'words;
            }
            if bytes[i].is_ascii() {
                break;
            }
            match alphabetic_at(i) {
                (true, _) => break,
                (false, len) => i += len,
            }
        }
        // To the end of the word.
        let start = i;
        loop {
            while i < bytes.len() && BYTE_KIND[usize::from(bytes[i])] == LETTER {
                i += 1;
            }
            if i >= bytes.len() || bytes[i].is_ascii() {
                break;
            }
            match alphabetic_at(i) {
                (true, len) => i += len,
                (false, _) => break,
            }
        }
        words += 1;
        common += usize::from(is_common_word(&bytes[start..i]));
        // Settled: even if every word still to be looked at were uncommon, the share would stay
        // at one in 25 or more (an English primary gets here a third of the way through).
        if common * 25 >= WORDS {
            return true;
        }
    }
    words < 20 || common * 25 >= words
}

/// [`BYTE_KIND`] of an ASCII letter.
const LETTER: u8 = 1;
/// [`BYTE_KIND`] of any other ASCII byte.
const OTHER_ASCII: u8 = 2;
/// What each byte is to [`looks_english`]'s scan: an ASCII letter, another ASCII byte, or part
/// of a longer character (0), in one look-up rather than a test or two per byte.
const BYTE_KIND: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_alphabetic() {
            LETTER
        } else {
            OTHER_ASCII
        };
        b += 1;
    }
    table
};

/// One of the common English function words that [`looks_english`] counts, in any case.
fn is_common_word(w: &[u8]) -> bool {
    const COMMON: &[&str] = &[
        "the", "and", "of", "to", "is", "in", "that", "it", "we", "you", "a",
    ];
    /// The length of the longest common word, in bytes.
    const LONGEST: usize = 4;
    // Case-blind without allocating: the common words are ASCII.
    w.len() <= LONGEST && COMMON.iter().any(|c| c.as_bytes().eq_ignore_ascii_case(w))
}

/// Loads and checks a pair folder of the fixtures.
pub(crate) fn check_dir(dir: &Path, settings: &Settings) -> Result<Checked> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let config = PairConfig::load(dir)?;
    let primary = dir.join(
        config
            .primary
            .clone()
            .unwrap_or_else(|| "primary.txt".into()),
    );
    let secondary = dir.join(
        config
            .secondary
            .clone()
            .unwrap_or_else(|| "secondary.txt".into()),
    );
    let title = config.display_title(&name);
    check_files(
        &name,
        &title,
        &primary,
        &secondary,
        &config.hints(),
        settings,
    )
}

/// `claimcheck compare`.
pub(crate) fn compare(
    primary: &Path,
    secondary: &Path,
    output: Option<&Path>,
    format: Format,
    cli_hints: CliHints,
    settings: &Settings,
) -> Result<Outcome> {
    // A pair.toml beside the secondary supplies speaker hints unless the command line does.
    let dir = secondary.parent().unwrap_or(Path::new("."));
    if let Some(out) = output {
        for input in [primary, secondary] {
            if same_file(out, input) {
                return Err(InputError(format!(
                    "{}: is also an input; refusing to overwrite it with the report",
                    out.display()
                ))
                .into());
            }
        }
    }
    let mut config_warning = None;
    let config = PairConfig::load(dir).unwrap_or_else(|e| {
        config_warning = Some(format!("{e:#}; ignoring it"));
        PairConfig::default()
    });
    let mut hints = config.hints();
    if cli_hints.speaker.is_some() {
        hints.speaker = cli_hints.speaker;
    }
    if !cli_hints.aliases.is_empty() {
        hints.aliases = cli_hints.aliases;
    }
    if !cli_hints.interviewer_labels.is_empty() {
        hints.interviewer_labels = cli_hints.interviewer_labels;
    }
    let name = if secondary.file_stem().is_some_and(|s| s == "secondary") {
        dir.file_name().map(|n| n.to_string_lossy().into_owned())
    } else {
        None
    }
    .or_else(|| {
        secondary
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
    })
    .unwrap_or_else(|| "pair".into());
    let title = config.display_title(&name);
    let mut checked = check_files(&name, &title, primary, secondary, &hints, settings)?;
    checked.warnings.splice(0..0, config_warning);
    report_warnings(&checked);
    let render = |w: &mut dyn Write| -> Result<()> {
        match format {
            Format::Csv => claimcheck_report::write_rows(w, &checked.rows, true)?,
            Format::Html => w.write_all(render_html(&checked).as_bytes())?,
        }
        Ok(())
    };
    match output {
        Some(path) => {
            write_atomic(path, render).with_context(|| format!("writing {}", path.display()))?
        }
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            render(&mut lock)?;
            lock.flush()?;
        }
    }
    Ok(if settings.strict && checked.unsupported() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// True when both paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Prints a pair's warnings on stderr.
pub(crate) fn report_warnings(checked: &Checked) {
    for w in &checked.warnings {
        crate::eprint_line(format_args!("claimcheck: warning: {w}"));
    }
}

/// The HTML review page of a checked pair.
pub(crate) fn render_html(checked: &Checked) -> String {
    claimcheck_report::html::page(
        &checked.title,
        &checked.primary,
        &checked.secondary,
        &checked.rows,
    )
}

/// Writes a pair's CSV and HTML into `out`, and gives back its CSV rows without the header: the
/// combined report is the header and every pair's rows, so they are rendered once.
pub(crate) fn write_pair(out: &Path, checked: &Checked) -> Result<Vec<u8>> {
    let mut rows = Vec::new();
    claimcheck_report::write_rows(&mut rows, &checked.rows, false)?;
    let mut csv = Vec::with_capacity(rows.len() + 200);
    claimcheck_report::write_rows(&mut csv, std::iter::empty::<&Row>(), true)?;
    csv.extend_from_slice(&rows);
    write_bytes_atomic(&out.join(format!("{}.csv", checked.name)), &csv)?;
    write_bytes_atomic(
        &out.join(format!("{}.html", checked.name)),
        render_html(checked).as_bytes(),
    )?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`looks_english`] as first written, with `str::split`: the definition it must match.
    fn looks_english_by_split(text: &str) -> bool {
        let mut words = 0usize;
        let mut common = 0usize;
        for w in text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .take(20_000)
        {
            words += 1;
            common += usize::from(is_common_word(w.as_bytes()));
        }
        words < 20 || common * 25 >= words
    }

    #[test]
    fn english_is_found_as_by_splitting() {
        let english = "The mayor said that it is in the plan, and we will see. ".repeat(3);
        let foreign = "Der Bürgermeister sagte, dass es im Plan ist; wir werden sehen. ".repeat(3);
        let cyrillic = "Мэр сказал, что это в плане, и мы увидим. ".repeat(5);
        let mixed = format!("{cyrillic}{english}ßthe éand 1a2the");
        // Over 20,000 words: only the first 20,000 count.
        let long = format!("{} {}", "xyz ".repeat(19_990), "the ".repeat(5_000));
        // Common words first, then only uncommon ones: one in 25 of the first 20,000 words is
        // common (the count settles the verdict early), and one short of that.
        let front = format!("{}{}", "the ".repeat(800), "xyz ".repeat(25_000));
        let short_front = format!("{}{}", "the ".repeat(799), "xyz ".repeat(25_000));
        for text in ["", "the", "THE and Of", "é the é", "a1b2c3 the-and"] {
            assert_eq!(looks_english(text), looks_english_by_split(text), "{text}");
        }
        for text in [
            &english,
            &foreign,
            &cyrillic,
            &mixed,
            &long,
            &front,
            &short_front,
        ] {
            assert_eq!(
                looks_english(text),
                looks_english_by_split(text),
                "{text:.60}"
            );
        }
        assert!(looks_english(&english));
        assert!(!looks_english(&foreign));
        assert!(!looks_english(&long));
        assert!(looks_english(&front));
        assert!(!looks_english(&short_front));
        // Every prefix of a text whose verdict changes along the way.
        let growing = format!("{foreign}{mixed}{english}{english}");
        for (i, _) in growing.char_indices() {
            let text = &growing[..i];
            assert_eq!(looks_english(text), looks_english_by_split(text), "{i}");
        }
    }
}
