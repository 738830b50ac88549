//! Bad input is refused with status 2 and a message naming the file and the reason; text in
//! other encodings is decoded with a warning; size limits hold without reading huge files.

use crate::util::{column, csv_records, fixture, fixture_text, one_line, unguard, Env, PAIR};
use std::path::Path;

/// Runs `compare` with `bad` as the primary, then as the secondary, and insists on status 2 and
/// a message naming `bad` and containing `reason`.
fn refused_both_ways(env: &Env, bad: &Path, reason: &str) {
    let (primary, secondary) = env.pair("ok", PAIR);
    let name = bad.file_name().expect("a file name").to_string_lossy();
    for (p, s) in [(bad, secondary.as_path()), (primary.as_path(), bad)] {
        let ran = env.cmd().arg("compare").arg(p).arg(s).run();
        ran.code(2).stderr_has(&[&name, reason]);
        assert!(ran.stdout.is_empty(), "no report on a refused input");
    }
}

#[test]
fn empty_and_whitespace_only_files_are_refused() {
    let env = Env::new();
    let cases: &[(&str, &[u8])] = &[
        ("empty.txt", b""),
        ("blank.txt", b"  \n\t\r\n \n"),
        ("bom-only.txt", b"\xEF\xBB\xBF"),
        ("bom-blank.txt", b"\xEF\xBB\xBF \r\n"),
        ("utf16-blank.txt", b"\xFF\xFE \0\n\0"),
        ("nbsp.txt", "\u{a0}\u{2003}\n".as_bytes()),
    ];
    for (name, bytes) in cases {
        let bad = env.write(name, bytes);
        refused_both_ways(&env, &bad, "empty or contains only whitespace");
    }
}

#[test]
fn a_directory_is_refused() {
    let env = Env::new();
    std::fs::create_dir(env.path("folder.txt")).expect("mkdir");
    refused_both_ways(&env, &env.path("folder.txt"), "is a directory");
}

#[test]
fn a_missing_file_is_refused() {
    let env = Env::new();
    refused_both_ways(&env, &env.path("nowhere.txt"), "no such file");
    // A path through a file is not found either, and says why.
    let file = env.write("plain.txt", "x");
    let ran = env
        .cmd()
        .arg("compare")
        .arg(file.join("below.txt"))
        .arg(file.join("below.txt"))
        .run();
    ran.code(2).stderr_has(&["below.txt"]);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_refused() {
    let env = Env::new();
    // A socket exists but cannot be opened for reading, even by root.
    let sock = env.path("socket.txt");
    let _listener = std::os::unix::net::UnixListener::bind(&sock).expect("binding a socket");
    refused_both_ways(&env, &sock, "cannot read");

    // A file without read permission (only meaningful when permissions apply to us: not root).
    use std::os::unix::fs::PermissionsExt;
    let locked = env.write("locked.txt", fixture(PAIR, "primary.txt"));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&locked).is_err() {
        refused_both_ways(&env, &locked, "cannot read");
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).expect("chmod");
}

#[test]
fn binary_files_are_refused() {
    let env = Env::new();
    let mut pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec();
    pdf.extend_from_slice(b"stream\n\x78\x9C\x00\x01endstream\n%%EOF\n");
    let mut png = b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0".to_vec();
    png.extend_from_slice(b"\x1F\x15\xC4\x89\0\0\0\nIDATx\x9Cc\0\x01\0\0\x05\0\x01");
    let jpeg = b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xFF\xDB".to_vec();
    let mut nul = fixture(PAIR, "primary.txt");
    nul.splice(100..100, [0u8, 0, 0]);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("report.pdf", pdf, "a PDF document"),
        ("photo.png", png, "a PNG image"),
        ("photo.jpg", jpeg, "a JPEG image"),
        ("nul.txt", nul, "NUL"),
        ("utf16-nul.txt", b"\xFF\xFEa\0\0\0b\0".to_vec(), "NUL"),
        ("archive.zip", b"PK\x03\x04\x14\0\0\0".to_vec(), "ZIP"),
        (
            "controls.txt",
            (1u8..=8).cycle().take(400).collect(),
            "binary",
        ),
    ];
    for (name, bytes, what) in &cases {
        let bad = env.write(name, bytes);
        refused_both_ways(&env, &bad, "not a text file");
        refused_both_ways(&env, &bad, what);
    }
}

/// Encodes text as Windows-1252 (only the characters the fixtures use beyond Latin-1).
fn windows_1252(text: &str) -> Vec<u8> {
    const EXTRA: &[(char, u8)] = &[
        ('€', 0x80),
        ('‚', 0x82),
        ('„', 0x84),
        ('…', 0x85),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('™', 0x99),
    ];
    text.chars()
        .map(|c| match u32::from(c) {
            0..=0x7F | 0xA0..=0xFF => u32::from(c) as u8,
            _ => {
                EXTRA
                    .iter()
                    .find(|(e, _)| *e == c)
                    .unwrap_or_else(|| panic!("{c:?} is not in the test's Windows-1252 table"))
                    .1
            }
        })
        .collect()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

/// How a file's offsets are to be read back: as bytes of the file, or of the decoded text.
enum Offsets {
    Disk(Vec<u8>),
    Decoded(String),
}

impl Offsets {
    fn slice(&self, start: usize, end: usize) -> String {
        match self {
            Offsets::Disk(b) => String::from_utf8(b[start..end].to_vec()).expect("on char bounds"),
            Offsets::Decoded(t) => t[start..end].to_string(),
        }
    }
}

#[test]
fn encodings_are_decoded_with_a_warning_and_offsets_map_back() {
    let env = Env::new();
    let primary = fixture_text(PAIR, "primary.txt");
    let secondary = fixture_text(PAIR, "secondary.txt");
    assert!(
        primary.contains('£') && secondary.contains('“'),
        "the pair exercises non-ASCII text"
    );
    let crlf = |t: &str| t.replace('\n', "\r\n");
    let bom = |t: &str| [b"\xEF\xBB\xBF".as_slice(), t.as_bytes()].concat();
    type Encode = Box<dyn Fn(&str) -> Vec<u8>>;
    // (folder, encoder, encoding named in the warning, offsets are into the file on disk)
    let variants: Vec<(&str, Encode, Option<&str>, bool)> = vec![
        (
            "utf8",
            Box::new(|t: &str| t.as_bytes().to_vec()),
            None,
            true,
        ),
        ("utf8-bom", Box::new(bom), None, true),
        (
            "crlf",
            Box::new(move |t: &str| crlf(t).into_bytes()),
            None,
            true,
        ),
        (
            "crlf-bom",
            Box::new(move |t: &str| bom(&crlf(t))),
            None,
            true,
        ),
        (
            "utf16le",
            Box::new(|t: &str| utf16(t, false)),
            Some("UTF-16LE"),
            false,
        ),
        (
            "utf16be",
            Box::new(|t: &str| utf16(t, true)),
            Some("UTF-16BE"),
            false,
        ),
        (
            "cp1252",
            Box::new(|t: &str| windows_1252(t)),
            Some("Windows-1252"),
            false,
        ),
    ];
    let mut baseline: Option<Vec<Vec<String>>> = None;
    for (dir, encode, warning, on_disk) in &variants {
        let p_bytes = encode(&primary);
        let s_bytes = encode(&secondary);
        let p = env.write(format!("{dir}/primary.txt"), &p_bytes);
        let s = env.write(format!("{dir}/secondary.txt"), &s_bytes);
        env.write(format!("{dir}/pair.toml"), fixture(PAIR, "pair.toml"));
        let ran = env.cmd().arg("compare").arg(&p).arg(&s).run();
        ran.code(0);
        match warning {
            Some(enc) => {
                ran.stderr_has(&[
                    &format!("{dir}/primary.txt"),
                    &format!("{dir}/secondary.txt"),
                ]);
                ran.stderr_has(&[&format!("decoded as {enc}")]);
            }
            None => {
                ran.stderr_lacks(&["decoded as"]);
            }
        }
        let records = csv_records(&ran.stdout);
        let header = &records[0];
        let rows = &records[1..];
        assert!(rows.len() > 20, "{dir}: the pair has many claims");
        // The same claims, verdicts and evidence whatever the encoding.
        let key: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                [
                    "claim_id", "claim", "verdict", "score", "evidence", "speaker",
                ]
                .iter()
                .map(|c| r[column(header, c)].clone())
                .collect()
            })
            .collect();
        match &baseline {
            None => baseline = Some(key),
            Some(b) => assert_eq!(&key, b, "{dir}: verdicts differ from UTF-8"),
        }
        // Offsets point at the claim and the evidence: in the file's bytes for UTF-8 (with or
        // without BOM, CRLF or not), in the decoded text otherwise.
        let (p_off, s_off) = if *on_disk {
            (
                Offsets::Disk(p_bytes.clone()),
                Offsets::Disk(s_bytes.clone()),
            )
        } else {
            (
                Offsets::Decoded(primary.clone()),
                Offsets::Decoded(secondary.clone()),
            )
        };
        let num = |r: &Vec<String>, c: &str| -> Option<usize> {
            let cell = &r[column(header, c)];
            (!cell.is_empty()).then(|| cell.parse().expect("an offset"))
        };
        for r in rows {
            let (start, end) = (num(r, "secondary_start"), num(r, "secondary_end"));
            let claim = s_off.slice(start.expect("claim start"), end.expect("claim end"));
            assert_eq!(
                one_line(&claim),
                unguard(&r[column(header, "claim")]),
                "{dir}: claim offsets"
            );
            if let (Some(a), Some(b)) = (num(r, "primary_start"), num(r, "primary_end")) {
                assert_eq!(
                    one_line(&p_off.slice(a, b)),
                    unguard(&r[column(header, "evidence")]),
                    "{dir}: evidence offsets"
                );
            }
        }
    }
}

/// Peak resident memory of a running process, in bytes, from /proc (Linux only).
#[cfg(target_os = "linux")]
fn peak_rss(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Runs a command to completion, sampling its peak memory; returns (status, stderr, peak bytes).
fn run_measured(cmd: std::process::Command) -> (std::process::ExitStatus, String, u64) {
    use std::io::Read;
    let mut cmd = cmd;
    let mut child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starting claimcheck");
    let mut stderr = child.stderr.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let mut peak = 0;
    let status = loop {
        #[cfg(target_os = "linux")]
        if let Some(p) = peak_rss(child.id()) {
            peak = peak.max(p);
        }
        if let Some(status) = child.try_wait().expect("waiting") {
            break status;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    (status, reader.join().expect("stderr reader"), peak)
}

#[test]
fn a_20_mb_single_line_is_processed_in_bounded_memory_or_refused_over_the_limit() {
    let env = Env::new();
    // Twenty megabytes of prose without a single line break: the primary's sentences, over and
    // over, with the speaker's label once at the start.
    let sentences = one_line(&fixture_text(PAIR, "primary.txt"));
    let mut text = String::from("MAYOR HELEN OKAFOR: ");
    let size = 20 * 1024 * 1024;
    let mut k = 0u32;
    while text.len() < size {
        // Vary a number per copy so the copies are not identical.
        text.push_str(&sentences);
        text.push_str(&format!(" Copy {k} ends here. "));
        k += 1;
    }
    assert!(!text.contains('\n'));
    let big = env.write("one-line.txt", &text);
    drop(text);
    let secondary = env.write(
        "short.txt",
        "An hour ago the council voted nine to four to approve the outline business case.\n",
    );

    // Over a lower limit: refused at once, from the file's size.
    let ran = env
        .cmd()
        .args(["compare", "--max-input-bytes", "10000000"])
        .arg(&big)
        .arg(&secondary)
        .run();
    ran.code(2)
        .stderr_has(&["one-line.txt", "over the input limit of 10000000 bytes"]);

    // Under the default limit (64 MiB): processed, with memory proportional to the input.
    let mut cmd = env
        .cmd()
        .arg("compare")
        .arg(&big)
        .arg(&secondary)
        .args(["-o", "one-line.csv"])
        .into_command();
    cmd.env("RAYON_NUM_THREADS", "2");
    let (status, stderr, peak) = run_measured(cmd);
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let records = csv_records(&env.read("one-line.csv"));
    assert_eq!(records.len(), 2, "one claim: {records:?}");
    let evidence = column(&records[0], "evidence");
    assert!(
        records[1][evidence].contains("nine to four"),
        "the passage is found in the 20 MB line: {records:?}"
    );
    // The whole pipeline holds the text, its sentences, tokens and index: a small multiple of
    // the input, never the unbounded growth of a quadratic or leaking step.
    if cfg!(target_os = "linux") {
        assert!(peak > 0, "peak memory was sampled");
        assert!(
            peak < 1536 * 1024 * 1024,
            "peak memory {} MiB for a 20 MiB input",
            peak / (1024 * 1024)
        );
    }
}

#[test]
fn a_huge_file_is_refused_from_its_size_without_reading_it() {
    let env = Env::new();
    // 600 MB, sparse: refusing it must not read (or allocate) that much.
    let huge = env.path("huge.txt");
    let f = std::fs::File::create(&huge).expect("create");
    f.set_len(600 * 1024 * 1024).expect("set_len");
    drop(f);
    let (p, s) = env.pair("ok", PAIR);
    for (a, b) in [(&huge, &s), (&p, &huge)] {
        let start = std::time::Instant::now();
        let ran = env.cmd().arg("compare").arg(a).arg(b).run();
        ran.code(2).stderr_has(&[
            "huge.txt",
            "629145600 bytes is over the input limit of 67108864 bytes",
            "--max-input-bytes",
        ]);
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "refused from metadata, not by reading"
        );
    }
    // `claims` and `batch` honour the limit too.
    env.cmd()
        .arg("claims")
        .arg(&huge)
        .run()
        .code(2)
        .stderr_has(&["huge.txt", "over the input limit"]);
    let fx = env.path("fx");
    env.pair("fx/good", PAIR);
    env.pair("fx/huge", PAIR);
    std::fs::rename(&huge, fx.join("huge/secondary.txt")).expect("move");
    let ran = env
        .cmd()
        .args(["batch", "--fixtures", "fx", "--out", "out"])
        .run();
    ran.code(2).stderr_has(&["huge", "over the input limit"]);
    assert!(env.path("out/good.csv").is_file());
}

#[test]
fn the_limit_is_configurable_and_exact() {
    let env = Env::new();
    let (p, s) = env.pair("ok", PAIR);
    let size = std::fs::metadata(&p).expect("stat").len();
    assert!(size > std::fs::metadata(&s).expect("stat").len());
    let limit = |n: u64| {
        env.cmd()
            .args(["compare", "--max-input-bytes", &n.to_string()])
            .arg(&p)
            .arg(&s)
            .run()
    };
    limit(size).code(0);
    limit(size - 1).code(2).stderr_has(&[
        "primary.txt",
        &format!("{size} bytes is over the input limit"),
    ]);
    env.cmd()
        .args(["compare", "--max-input-bytes", "0"])
        .arg(&p)
        .arg(&s)
        .run()
        .code(2)
        .stderr_has(&["--max-input-bytes"]);
    env.cmd()
        .args(["compare", "--max-input-bytes", "lots"])
        .arg(&p)
        .arg(&s)
        .run()
        .code(2);
}

#[test]
fn a_primary_without_english_says_why_its_claims_are_not_assessable() {
    let env = Env::new();
    let russian = "Сергей Лавров: Мы никогда не говорили, что переговоры закончены. \
                   Наша позиция остаётся неизменной, и мы готовы к диалогу на равных условиях. \
                   Вопрос: Когда состоится следующая встреча министров? \
                   Сергей Лавров: Это решат наши партнёры, а не мы. Мы ждём их ответа уже три месяца.\n";
    let p = env.write("ru/primary.txt", russian.repeat(3));
    let s = env.write(
        "ru/secondary.txt",
        "Lavrov said the negotiations were over and Russia would not talk again.\n\n\
         He added that the next meeting of ministers would be held in three months.\n",
    );
    let ran = env.cmd().arg("compare").arg(&p).arg(&s).run();
    ran.code(0)
        .stderr_has(&["primary.txt", "little or no English text"]);
    let records = csv_records(&ran.stdout);
    let reasons = column(&records[0], "reasons");
    assert!(records.len() >= 3, "{records:?}");
    for r in &records[1..] {
        assert!(
            r[reasons].starts_with("primary has little or no English text; not assessable"),
            "{r:?}"
        );
    }
    // An English primary gets no such reason.
    let (p, s) = env.pair("en", PAIR);
    let ran = env.cmd().arg("compare").arg(&p).arg(&s).run();
    ran.code(0).stderr_lacks(&["English"]);
    assert!(!String::from_utf8_lossy(&ran.stdout).contains("not assessable"));
}

#[test]
fn an_invalid_pair_toml_beside_the_secondary_is_a_warning_for_compare() {
    let env = Env::new();
    let (p, s) = env.pair("pair", PAIR);
    env.write("pair/pair.toml", "speaker = [\"unterminated\"\n");
    let ran = env.cmd().arg("compare").arg(&p).arg(&s).run();
    ran.code(0).stderr_has(&[
        "pair.toml",
        "invalid pair.toml at line 2, column 1: invalid array expected `]`; ignoring it",
    ]);
    // One line per warning, however the TOML parser words its message.
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert!(csv_records(&ran.stdout).len() > 20);
}

/// `claims` answers every record: a byte-order mark and CRLF line ends are read past, blank lines
/// are no records, and each line that cannot be used gets an error record with its line number
/// (and its id when it has one), in input order, with the count in the closing summary.
#[test]
fn claims_answers_every_line_and_numbers_the_bad_ones() {
    let env = Env::new();
    let source =
        "Ana: The bridge opens in May. Ben: And the tunnel? Ana: The tunnel opens in June.";
    let good = |id: &str, claim: &str| {
        serde_json::json!({"id": id, "source": source, "claim": claim, "extra": [1]}).to_string()
    };
    let input = [
        format!(
            "\u{feff}{}\r",
            good("first", "Ana said the bridge opens in May.")
        ),
        String::new(),
        "not json".into(),
        r#"{"id": 7, "source": "A text.", "claim": null}"#.into(),
        "[1, 2]".into(),
        good("two", "The bridge opens in May. The tunnel opens in March."),
    ]
    .join("\n");
    env.write("in.jsonl", input + "\n");
    let ran = env
        .cmd()
        .args(["claims", "in.jsonl", "-o", "out.jsonl"])
        .run();
    ran.code(2)
        .stderr_has(&["5 lines: 2 checked (1 not supported), 3 errors"]);
    let out = String::from_utf8(env.read("out.jsonl")).expect("utf-8");
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    assert_eq!(records.len(), 5, "{out}");
    assert_eq!(records[0]["id"], "first");
    assert_eq!(records[0]["verdict"], "supported", "{}", records[0]);
    for (r, line, id) in [
        (&records[1], 3, serde_json::Value::Null),
        (&records[2], 4, serde_json::json!(7)),
        (&records[3], 5, serde_json::Value::Null),
    ] {
        assert_eq!(r["line"], line, "{r}");
        assert_eq!(r["id"], id, "{r}");
        assert!(r["error"].as_str().is_some_and(|e| !e.is_empty()), "{r}");
    }
    assert!(records[2]["error"].as_str().unwrap().contains("\"claim\""));
    // A summary is supported only if every sentence is, and the reasons say which one failed.
    assert_eq!(records[4]["id"], "two");
    assert_ne!(records[4]["verdict"], "supported", "{}", records[4]);
    let reasons = records[4]["reasons"].as_str().expect("reasons");
    assert!(reasons.contains("sentence 2 of 2"), "{reasons}");
}
