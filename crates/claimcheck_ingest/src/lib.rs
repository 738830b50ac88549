//! Ingest: turn a file on disk into a [`Document`] of speaker turns and sentences.
//!
//! Reading refuses what is not text (directories, empty files, binary content, files over the size
//! limit) with a typed [`IngestError`] that names the file, and decodes UTF-8 (with or without a
//! byte-order mark), UTF-16 with a byte-order mark, and legacy 8-bit text. Segmentation never
//! copies or rewrites the text: every span in the resulting [`Document`] indexes the decoded text,
//! so offsets map straight back to the file.
#![deny(missing_docs)]

mod decode;
mod segment;
mod sentence;

pub use decode::{decode, Decoded};
pub use segment::{parse_article, parse_transcript, SpeakerHints};
// For the equivalence tests in `tests/props.rs`; not part of the crate's interface.
#[doc(hidden)]
pub use sentence::{fast_path_applies, sentence_bounds};

use claimcheck_core::Document;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Default largest input accepted, in bytes (see [`Limits`]).
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Limits applied when reading a file.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Files larger than this many bytes are refused before anything is read, so memory stays
    /// bounded whatever the input.
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Why a file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The path does not exist.
    #[error("{path}: no such file")]
    NotFound {
        /// The path given.
        path: PathBuf,
    },
    /// The path is a directory.
    #[error("{path}: is a directory, not a text file")]
    IsDirectory {
        /// The path given.
        path: PathBuf,
    },
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Unreadable {
        /// The path given.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is larger than [`Limits::max_bytes`].
    #[error("{path}: {size} bytes is over the input limit of {limit} bytes (raise it with --max-input-bytes)")]
    TooLarge {
        /// The path given.
        path: PathBuf,
        /// The file's size.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// The file holds no text, or only whitespace.
    #[error("{path}: file is empty or contains only whitespace")]
    Empty {
        /// The path given.
        path: PathBuf,
    },
    /// The file is not text.
    #[error("{path}: not a text file ({what})")]
    Binary {
        /// The path given.
        path: PathBuf,
        /// What it looks like instead, e.g. "a PDF document" or "binary data (NUL bytes)".
        what: &'static str,
    },
}

/// A file read and decoded, with warnings a user should see (e.g. the encoding assumed).
#[derive(Debug)]
pub struct Loaded {
    /// The decoded text and its encoding.
    pub decoded: Decoded,
    /// Things worth telling the user; not errors.
    pub warnings: Vec<String>,
}

/// Reads and decodes a text file, refusing non-text input with a clear [`IngestError`].
pub fn read_text(path: &Path, limits: Limits) -> Result<Loaded, IngestError> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(IngestError::NotFound {
                path: path.to_path_buf(),
            })
        }
        Err(source) => {
            return Err(IngestError::Unreadable {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    if meta.is_dir() {
        return Err(IngestError::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > limits.max_bytes {
        return Err(IngestError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit: limits.max_bytes,
        });
    }
    let unreadable = |source| IngestError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let file = fs::File::open(path).map_err(unreadable)?;
    // `take` bounds memory even if the file grows between `metadata` and `read`.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limits.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(IngestError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: limits.max_bytes,
        });
    }
    let decoded = decode(&bytes).map_err(|what| IngestError::Binary {
        path: path.to_path_buf(),
        what,
    })?;
    if decoded.text.trim().is_empty() {
        return Err(IngestError::Empty {
            path: path.to_path_buf(),
        });
    }
    let mut warnings = Vec::new();
    if decoded.encoding != claimcheck_core::Encoding::Utf8
        && decoded.encoding != claimcheck_core::Encoding::Utf8Bom
    {
        warnings.push(format!(
            "{}: not UTF-8; decoded as {} (offsets refer to the decoded UTF-8 text)",
            path.display(),
            decoded.encoding.name()
        ));
    }
    if decoded.had_errors {
        warnings.push(format!(
            "{}: some bytes were not valid {} and were replaced with U+FFFD; offsets past them \
             refer to the decoded text, not the file",
            path.display(),
            decoded.encoding.name()
        ));
    }
    Ok(Loaded { decoded, warnings })
}

/// Reads a transcript file into a [`Document`] with speaker turns.
pub fn load_transcript(
    path: &Path,
    limits: Limits,
    hints: &SpeakerHints,
) -> Result<(Document, Vec<String>), IngestError> {
    let loaded = read_text(path, limits)?;
    let doc = parse_transcript(loaded.decoded.text, loaded.decoded.encoding, hints);
    Ok((doc, loaded.warnings))
}

/// Reads an article (a secondary) into a [`Document`] without speaker turns.
pub fn load_article(path: &Path, limits: Limits) -> Result<(Document, Vec<String>), IngestError> {
    let loaded = read_text(path, limits)?;
    let doc = parse_article(loaded.decoded.text, loaded.decoded.encoding);
    Ok((doc, loaded.warnings))
}
