//! Writing files atomically: a temporary file in the same folder, renamed into place, so an
//! interrupted run leaves the previous report intact and a reader never sees half a file.
//!
//! The temporary file is removed on every error path (it is a [`tempfile::NamedTempFile`]); only
//! a process killed outright can leave one behind, named `.claimcheck-*.tmp`, beside the target.
//!
//! Files are not `fsync`ed. The rename is what makes a report appear whole or not at all, to a
//! reader and after an interrupted run; `fsync` adds durability against a power cut, and costs a
//! synchronous disk flush per file: two per pair made a batch of 1000 pairs spend more time
//! waiting on the disk than checking claims. Write errors still surface (a full disk fails the
//! `write`), and the kernel writes the reports back within seconds, as it does for a compiler's
//! output.

use crate::InputError;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// Writes `path` atomically with whatever `fill` writes.
///
/// A new file gets the permissions any other new file would get (`0o666` less the umask, not
/// the temporary file's private `0o600`); a replaced file keeps its permissions.
pub(crate) fn write_atomic(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let existing = std::fs::metadata(path).ok();
    if existing.as_ref().is_some_and(|m| m.is_dir()) {
        return Err(InputError(format!(
            "{}: is a directory; cannot write a report over it",
            path.display()
        ))
        .into());
    }
    // A device, pipe or socket (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written in place:
    // renaming a temporary file over it would replace the device node with a regular file, and
    // there is no half-written report to protect.
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("{}: cannot open for writing", path.display()))?;
        let mut out = std::io::BufWriter::new(file);
        fill(&mut out)?;
        out.flush()
            .with_context(|| format!("{}: cannot write", path.display()))?;
        return Ok(());
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".claimcheck-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("{}: cannot create a temporary file", dir.display()))?;
    {
        let mut buf = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut buf)?;
        buf.flush()
            .with_context(|| format!("{}: cannot write", path.display()))?;
    }
    if let Some(meta) = existing.filter(|m| m.is_file()) {
        // Best effort: a report that cannot keep its old mode is still worth writing.
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    // Keep only the io::Error: dropping the PersistError removes the temporary file now.
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot replace", path.display()))?;
    Ok(())
}

/// Writes bytes to `path` atomically; a regular file that holds exactly these bytes already is
/// left as it is.
///
/// So a re-run over an archive replaces only the reports that changed. Replacing one creates a
/// file and deletes one, and on some file systems (ext4 without a journal, as on this project's
/// machines) each new file is found by skipping the files deleted in the last minutes: a batch
/// that replaced thousands of unchanged reports spent a third of its time doing that.
pub(crate) fn write_bytes_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    if holds(path, bytes) {
        return Ok(());
    }
    write_atomic(path, |w| {
        w.write_all(bytes)?;
        Ok(())
    })
}

/// True when `path` is a regular file whose contents are `bytes`.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|old| old == bytes)
}
