//! A small harness: a fresh temporary folder per test, and a builder that runs the claimcheck
//! binary inside it and captures what it did.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use tempfile::TempDir;

/// The binary under test.
pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_claimcheck");

/// The repository's `fixtures/` folder.
pub(crate) fn repo_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// The bytes of one file of a repository fixture pair.
pub(crate) fn fixture(pair: &str, file: &str) -> Vec<u8> {
    let path = repo_fixtures().join(pair).join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text of one file of a repository fixture pair.
pub(crate) fn fixture_text(pair: &str, file: &str) -> String {
    String::from_utf8(fixture(pair, file)).expect("fixtures are UTF-8")
}

/// A pair small enough to check in well under a second and rich enough to give every verdict.
pub(crate) const PAIR: &str = "harbour-council-2026";

/// A fresh temporary folder for one test; removed when dropped.
pub(crate) struct Env {
    dir: TempDir,
}

impl Env {
    pub(crate) fn new() -> Env {
        Env {
            dir: tempfile::Builder::new()
                .prefix("claimcheck-test-")
                .tempdir()
                .expect("creating a temporary folder"),
        }
    }

    /// The folder itself.
    pub(crate) fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the folder.
    pub(crate) fn path(&self, rel: impl AsRef<Path>) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes a file (creating its parent folders) and returns its path.
    pub(crate) fn write(&self, rel: impl AsRef<Path>, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("creating a folder");
        }
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        path
    }

    /// Reads a file of the folder.
    pub(crate) fn read(&self, rel: impl AsRef<Path>) -> Vec<u8> {
        let path = self.path(rel);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Writes a fixture pair's primary and secondary (and pair.toml) into `rel` and returns the
    /// paths of the primary and the secondary.
    pub(crate) fn pair(&self, rel: &str, pair: &str) -> (PathBuf, PathBuf) {
        for f in ["pair.toml", "primary.txt", "secondary.txt"] {
            self.write(format!("{rel}/{f}"), fixture(pair, f));
        }
        (
            self.path(format!("{rel}/primary.txt")),
            self.path(format!("{rel}/secondary.txt")),
        )
    }

    /// Copies the repository's fixtures into `rel` and returns the copy's path.
    pub(crate) fn copy_fixtures(&self, rel: &str) -> PathBuf {
        let to = self.path(rel);
        copy_tree(&repo_fixtures(), &to);
        to
    }

    /// A command running the binary with this folder as its working directory.
    pub(crate) fn cmd(&self) -> Run {
        Run::new(self.root())
    }

    /// `claimcheck compare PRIMARY SECONDARY -o OUT`, ready to run.
    pub(crate) fn compare_to(
        &self,
        primary: &Path,
        secondary: &Path,
        out: impl AsRef<OsStr>,
    ) -> Run {
        self.cmd()
            .arg("compare")
            .arg(primary)
            .arg(secondary)
            .arg("-o")
            .arg(out)
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("creating a folder");
    for entry in std::fs::read_dir(from).expect("reading fixtures") {
        let entry = entry.expect("a folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copying a fixture");
        }
    }
}

/// Every file under `dir` (recursively), by relative path, with its bytes.
pub(crate) fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("a folder entry").path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).expect("under root");
                out.insert(
                    rel.to_string_lossy().into_owned(),
                    std::fs::read(&p).expect("reading"),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Names of leftover temporary files (`.claimcheck-*.tmp`) in a folder.
pub(crate) fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(".claimcheck-"))
                .collect()
        })
        .unwrap_or_default()
}

/// A command line being built.
pub(crate) struct Run {
    cmd: Command,
    shown: Vec<OsString>,
}

impl Run {
    fn new(cwd: &Path) -> Run {
        let mut cmd = Command::new(BIN);
        cmd.current_dir(cwd)
            .env_remove("RUST_BACKTRACE")
            .env_remove("RAYON_NUM_THREADS")
            .stdin(Stdio::null());
        Run {
            cmd,
            shown: Vec::new(),
        }
    }

    /// Adds an argument.
    pub(crate) fn arg(mut self, a: impl AsRef<OsStr>) -> Run {
        self.shown.push(a.as_ref().to_owned());
        self.cmd.arg(a);
        self
    }

    /// Adds arguments.
    pub(crate) fn args<I, S>(mut self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for a in args {
            self = self.arg(a);
        }
        self
    }

    /// Sets an environment variable for the run.
    pub(crate) fn env(mut self, k: &str, v: impl AsRef<OsStr>) -> Run {
        self.cmd.env(k, v);
        self
    }

    /// Runs to completion and captures the outcome.
    pub(crate) fn run(mut self) -> Ran {
        let out = self.cmd.output().expect("running claimcheck");
        Ran {
            shown: self.shown,
            status: out.status,
            stdout: out.stdout,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Starts the binary with the given stdout and stderr and returns the child.
    pub(crate) fn spawn(mut self, stdout: Stdio, stderr: Stdio) -> Child {
        self.cmd
            .stdout(stdout)
            .stderr(stderr)
            .spawn()
            .expect("starting claimcheck")
    }

    /// The underlying command, for what the builder does not cover.
    pub(crate) fn into_command(self) -> Command {
        self.cmd
    }
}

/// A finished run.
pub(crate) struct Ran {
    shown: Vec<OsString>,
    pub(crate) status: std::process::ExitStatus,
    pub(crate) stdout: Vec<u8>,
    pub(crate) stderr: String,
}

impl Ran {
    fn describe(&self) -> String {
        format!(
            "claimcheck {:?} exited with {}\n--- stderr ---\n{}\n--- stdout (first 2000 bytes) ---\n{}",
            self.shown,
            self.status,
            self.stderr,
            String::from_utf8_lossy(&self.stdout[..self.stdout.len().min(2000)])
        )
    }

    /// Insists on an exit status, and that nothing panicked.
    pub(crate) fn code(&self, expected: i32) -> &Ran {
        assert_eq!(self.status.code(), Some(expected), "{}", self.describe());
        self.no_panic()
    }

    /// Insists that nothing panicked.
    pub(crate) fn no_panic(&self) -> &Ran {
        assert!(
            !self.stderr.contains("panicked") && self.status.code() != Some(101),
            "{}",
            self.describe()
        );
        self
    }

    /// Insists that stderr contains every one of `parts`.
    pub(crate) fn stderr_has(&self, parts: &[&str]) -> &Ran {
        for p in parts {
            assert!(
                self.stderr.contains(p),
                "stderr lacks {p:?}\n{}",
                self.describe()
            );
        }
        self
    }

    /// Insists that stderr contains none of `parts`.
    pub(crate) fn stderr_lacks(&self, parts: &[&str]) -> &Ran {
        for p in parts {
            assert!(
                !self.stderr.contains(p),
                "stderr has {p:?}\n{}",
                self.describe()
            );
        }
        self
    }

    /// Standard output as text.
    pub(crate) fn stdout_text(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }
}

/// The records of a discrepancy CSV, header first.
pub(crate) fn csv_records(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    r.records()
        .map(|rec| {
            rec.expect("a well-formed CSV record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// The index of a column of the discrepancy CSV, by name.
pub(crate) fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name:?} in {header:?}"))
}

/// Collapses whitespace as the report does for one-line cells.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Undoes the CSV-injection guard: a cell written as `'=…` was `=…`.
pub(crate) fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}
