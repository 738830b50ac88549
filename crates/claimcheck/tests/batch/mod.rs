//! A broken pair is reported (stderr and summary) and every other pair is still written; the run
//! then ends with status 2.

use crate::util::{csv_records, tree, Env};

#[test]
fn broken_pairs_are_reported_and_the_rest_is_written() {
    let env = Env::new();
    let fixtures = env.copy_fixtures("fx");
    let good: Vec<String> = tree(&fixtures)
        .keys()
        .filter_map(|k| k.strip_suffix("/secondary.txt").map(str::to_string))
        .collect();
    assert!(good.len() >= 3, "{good:?}");

    // The clean run, for comparison.
    let ran = env
        .cmd()
        .args(["batch", "--fixtures", "fx", "--out", "clean"])
        .run();
    ran.code(0);
    let clean = tree(&env.path("clean"));

    // Broken pairs: a PDF as primary, no secondary, invalid pair.toml, an empty secondary, a
    // pair.toml naming a file that is not there, and a name batch needs for its own index.
    env.write("fx/a-pdf/primary.txt", b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
    env.write(
        "fx/a-pdf/secondary.txt",
        "The mayor said the plan was approved.",
    );
    env.write("fx/b-no-secondary/primary.txt", "Speaker: Some words.");
    env.write(
        "fx/c-bad-toml/pair.toml",
        "title = \"unterminated\nspeaker = 3\n",
    );
    env.write("fx/c-bad-toml/primary.txt", "Speaker: Some words.");
    env.write("fx/c-bad-toml/secondary.txt", "Speaker said some words.");
    env.write("fx/d-unknown-key/pair.toml", "titel = \"typo\"\n");
    env.write("fx/d-unknown-key/primary.txt", "Speaker: Some words.");
    env.write("fx/d-unknown-key/secondary.txt", "Speaker said some words.");
    env.write("fx/e-empty/primary.txt", "Speaker: Some words.");
    env.write("fx/e-empty/secondary.txt", "  \n");
    env.write("fx/f-moved/pair.toml", "primary = \"gone.txt\"\n");
    env.write("fx/f-moved/secondary.txt", "Speaker said some words.");
    env.write("fx/index/primary.txt", "Speaker: Some words.");
    env.write("fx/index/secondary.txt", "Speaker said some words.");
    let broken: &[(&str, &str)] = &[
        ("a-pdf", "a PDF document"),
        ("b-no-secondary", "secondary.txt: no such file"),
        ("c-bad-toml", "invalid pair.toml"),
        ("d-unknown-key", "unknown field"),
        ("e-empty", "empty or contains only whitespace"),
        ("f-moved", "gone.txt: no such file"),
        ("index", "reserved"),
    ];

    let ran = env
        .cmd()
        .args(["batch", "--fixtures", "fx", "--out", "out"])
        .run();
    ran.code(2);
    let summary = ran.stdout_text();
    for (name, why) in broken {
        ran.stderr_has(&[&format!("pair {name}: "), why]);
        let line = summary
            .lines()
            .find(|l| l.starts_with(&format!("{name}: FAILED: ")))
            .unwrap_or_else(|| panic!("no summary line for {name}:\n{summary}"));
        assert!(line.contains(why), "{line}");
        assert!(!env.path(format!("out/{name}.csv")).exists(), "{name}");
    }
    assert!(
        summary.contains(&format!(
            "{} pairs checked, {} failed",
            good.len(),
            broken.len()
        )),
        "{summary}"
    );
    // Every good pair is written exactly as in the clean run, and so are the combined report
    // and the index.
    let out = tree(&env.path("out"));
    assert_eq!(
        out.keys().collect::<Vec<_>>(),
        clean.keys().collect::<Vec<_>>()
    );
    assert_eq!(out, clean);
    for name in &good {
        assert!(out.contains_key(&format!("{name}.csv")), "{name}");
        assert!(out.contains_key(&format!("{name}.html")), "{name}");
    }
    let combined = csv_records(&out["discrepancies.csv"]);
    assert!(combined[1..].iter().all(|r| good.contains(&r[0])));
}

#[test]
fn a_missing_or_empty_fixtures_folder() {
    let env = Env::new();
    env.cmd()
        .args(["batch", "--fixtures", "nowhere", "--out", "out"])
        .run()
        .code(2)
        .stderr_has(&["nowhere", "cannot read fixtures folder"]);
    let file = env.write("file.txt", "x");
    env.cmd()
        .arg("batch")
        .arg("--fixtures")
        .arg(&file)
        .args(["--out", "out"])
        .run()
        .code(2)
        .stderr_has(&["file.txt"]);
    // An empty folder is not an error: nothing to check, an empty report.
    std::fs::create_dir(env.path("empty")).expect("mkdir");
    let ran = env
        .cmd()
        .args(["batch", "--fixtures", "empty", "--out", "out"])
        .run();
    ran.code(0);
    assert!(ran.stdout_text().contains("0 pairs checked, 0 failed"));
    assert_eq!(csv_records(&env.read("out/discrepancies.csv")).len(), 1);
}

#[test]
fn a_pair_over_the_size_limit_fails_alone() {
    let env = Env::new();
    env.copy_fixtures("fx");
    env.write("fx/big/primary.txt", "Speaker: words. ".repeat(10_000));
    env.write("fx/big/secondary.txt", "Speaker said words.");
    let ran = env
        .cmd()
        .args([
            "batch",
            "--fixtures",
            "fx",
            "--out",
            "out",
            "--max-input-bytes",
            "100000",
        ])
        .run();
    ran.code(2)
        .stderr_has(&["pair big: ", "over the input limit of 100000 bytes"]);
    assert!(!env.path("out/big.csv").exists());
    assert!(env.path("out/harbour-council-2026.csv").is_file());
}
