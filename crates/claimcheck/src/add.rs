//! `claimcheck add`: copy a new pair into the fixtures folder with a starter `pair.toml`.

use crate::output::write_bytes_atomic;
use crate::{InputError, Outcome};
use anyhow::{bail, Context, Result};
use claimcheck_ingest::{parse_transcript, read_text, Limits, SpeakerHints};
use std::io::Write;
use std::path::Path;

/// Checks that a pair name is a plain folder name that cannot escape the fixtures folder.
pub(crate) fn validate_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("pair name is empty".into());
    }
    if name.len() > 100 {
        return Err(format!(
            "pair name is {} bytes long; at most 100",
            name.len()
        ));
    }
    if name.starts_with('.') {
        return Err(format!("pair name {name:?} starts with a dot"));
    }
    if name.contains("..") {
        return Err(format!("pair name {name:?} contains \"..\""));
    }
    if let Some(why) = crate::batch::reserved_name(name) {
        return Err(why);
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!(
            "pair name {name:?} contains {c:?}; use letters, digits, '-', '_' and '.' only"
        ));
    }
    Ok(())
}

fn toml_string(s: &str) -> String {
    let escaped: String = s
        .chars()
        .flat_map(|c| match c {
            '"' => "\\\"".chars().collect::<Vec<_>>(),
            '\\' => "\\\\".chars().collect(),
            c if c.is_control() => Vec::new(),
            c => vec![c],
        })
        .collect();
    format!("\"{escaped}\"")
}

/// `claimcheck add`.
pub(crate) fn add(
    name: &str,
    primary: &Path,
    secondary: &Path,
    fixtures: &Path,
    force: bool,
) -> Result<Outcome> {
    validate_name(name).map_err(InputError)?;
    // Read both first: nothing is created unless both are usable text.
    let limits = Limits::default();
    let p = read_text(primary, limits).map_err(|e| InputError(e.to_string()))?;
    let s = read_text(secondary, limits).map_err(|e| InputError(e.to_string()))?;
    if fixtures.is_symlink() {
        bail!(InputError(format!(
            "{}: fixtures folder is a symbolic link; refusing to write through it",
            fixtures.display()
        )));
    }
    std::fs::create_dir_all(fixtures)
        .with_context(|| format!("creating {}", fixtures.display()))?;
    let dir = fixtures.join(name);
    if dir.is_symlink() {
        bail!(InputError(format!(
            "{}: is a symbolic link; refusing to write through it",
            dir.display()
        )));
    }
    if dir.exists() {
        if !force {
            bail!(InputError(format!(
                "{}: pair already exists (use --force to replace it)",
                dir.display()
            )));
        }
        if !dir.is_dir() {
            bail!(InputError(format!(
                "{}: exists and is not a folder",
                dir.display()
            )));
        }
    } else {
        std::fs::create_dir(&dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let doc = parse_transcript(
        p.decoded.text.clone(),
        p.decoded.encoding,
        &SpeakerHints::default(),
    );
    let interviewers: Vec<String> = {
        let mut v: Vec<String> = doc
            .turns
            .iter()
            .filter(|t| t.role == claimcheck_core::Role::Interviewer)
            .filter_map(|t| t.speaker.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let mut toml = format!("title = {}\n", toml_string(name));
    toml.push_str("# date = \"YYYY-MM-DD\"\n# primary_url = \"\"\n# secondary_url = \"\"\n");
    match doc.primary_names.first() {
        Some(n) => toml.push_str(&format!(
            "speaker = {}  # detected; check it\n",
            toml_string(n)
        )),
        None => toml.push_str("# speaker = \"Full Name\"\n"),
    }
    toml.push_str("aliases = []  # other spellings, surname alone, e.g. [\"Lavrov\"]\n");
    let labels: Vec<String> = interviewers.iter().map(|l| toml_string(l)).collect();
    toml.push_str(&format!("interviewer_labels = [{}]\n", labels.join(", ")));
    // Copy the files as read (decoded to UTF-8), so the fixture is what claimcheck checks.
    write_bytes_atomic(&dir.join("primary.txt"), p.decoded.text.as_bytes())?;
    write_bytes_atomic(&dir.join("secondary.txt"), s.decoded.text.as_bytes())?;
    write_bytes_atomic(&dir.join("pair.toml"), toml.as_bytes())?;
    let mut w = std::io::stdout().lock();
    crate::quiet_pipe(
        writeln!(w, "added pair {name} in {}", dir.display()).and_then(|()| w.flush()),
    )?;
    Ok(Outcome::Clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(validate_name("lavrov-ntv-2026").is_ok());
        for bad in [
            "",
            ".hidden",
            "a/b",
            "a\\b",
            "..",
            "a..b",
            "x\ny",
            "a b",
            "index",
            "Discrepancies",
        ] {
            assert!(validate_name(bad).is_err(), "{bad:?}");
        }
    }
}
