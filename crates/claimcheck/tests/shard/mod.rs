//! `batch --shard I/N` and `merge`: the shards of a fixtures folder, merged, are byte for byte
//! what one unsharded run writes; shard numbers outside 1..=N are a usage error (status 2).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};
use tempfile::TempDir;

/// Runs the claimcheck binary with `args`.
fn claimcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .output()
        .expect("running claimcheck")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}

/// Runs claimcheck and insists that it succeeded.
fn run_ok(args: &[&str]) {
    let out = claimcheck(args);
    assert!(
        out.status.success(),
        "claimcheck {args:?} failed with {}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every file of a folder (not hidden ones), by name.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p
                .file_name()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(&p).expect("reading an output file");
            (name, bytes)
        })
        .filter(|(name, _)| !name.starts_with('.'))
        .collect()
}

/// Writes `n` small pairs, each with its own speaker, numbers and mix of claims; every other one
/// has a `pair.toml`.
fn fixtures(root: &Path, n: usize) {
    const SPEAKERS: &[&str] = &[
        "Anna Petrova",
        "Boris Lindqvist",
        "Clara Okafor",
        "David Moreau",
        "Elena Tanaka",
        "Farid Haddad",
        "Grace Kowalski",
    ];
    const TOPICS: &[(&str, &str)] = &[
        ("the harbour", "ferries"),
        ("the budget", "schools"),
        ("the railway", "freight"),
        ("the treaty", "inspections"),
        ("the hospital", "nurses"),
        ("the festival", "visitors"),
        ("the mine", "safety"),
    ];
    for i in 0..n {
        let speaker = SPEAKERS[i % SPEAKERS.len()];
        let surname = speaker.rsplit(' ').next().unwrap_or(speaker);
        let (place, thing) = TOPICS[i % TOPICS.len()];
        let year = 2010 + i;
        let count = 12 + 7 * i;
        let primary = format!(
            "Interview with {speaker}\n\n\
             Question: What happened to {place} in {year}?\n\n\
             {speaker}: In {year} we rebuilt {place} completely. We added {count} new {thing} \
             and the work finished early. I never said that the cost was too high.\n\n\
             Question: Will you expand it again?\n\n\
             {speaker}: We will not expand it before the next election. The council agreed \
             with us on every point, and the residents were pleased.\n"
        );
        let secondary = format!(
            "{surname} said that {place} was rebuilt completely in {year}. \
             According to {surname}, {} new {thing} were added. \
             {surname} said “the cost was too high” for {place}. \
             {surname} promised to expand {place} before the next election.\n\n\
             The council secretly opposed the plan for {place}. \
             In my view this was a remarkable achievement for the town.\n",
            count + 5
        );
        let dir = root.join(format!("pair-{i}"));
        std::fs::create_dir_all(&dir).expect("creating a pair folder");
        std::fs::write(dir.join("primary.txt"), primary).expect("writing a primary");
        std::fs::write(dir.join("secondary.txt"), secondary).expect("writing a secondary");
        if i % 2 == 0 {
            let toml = format!(
                "title = \"Pair {i}\"\nspeaker = \"{speaker}\"\naliases = [\"{surname}\"]\n\
                 interviewer_labels = [\"Question\"]\n"
            );
            std::fs::write(dir.join("pair.toml"), toml).expect("writing a pair.toml");
        }
    }
}

#[test]
fn merged_shards_are_byte_identical_to_one_run() {
    // Seven pairs split unevenly: 3 + 4, and 2 + 2 + 3.
    const PAIRS: usize = 7;
    let tmp = TempDir::new().expect("a temporary folder");
    let root = tmp.path();
    let fx = root.join("fixtures");
    fixtures(&fx, PAIRS);

    let whole = root.join("whole");
    run_ok(&["batch", "--fixtures", path(&fx), "--out", path(&whole)]);
    let expected = files(&whole);
    // The run is not vacuous: every pair has its CSV and HTML, and there are claims.
    for i in 0..PAIRS {
        assert!(
            expected.contains_key(&format!("pair-{i}.csv")),
            "pair-{i}.csv"
        );
        assert!(
            expected.contains_key(&format!("pair-{i}.html")),
            "pair-{i}.html"
        );
    }
    assert!(expected.contains_key("index.html"));
    let combined = String::from_utf8_lossy(&expected["discrepancies.csv"]).into_owned();
    assert!(
        combined.lines().count() > PAIRS * 4,
        "too few rows in discrepancies.csv:\n{combined}"
    );

    for n in 1..=3 {
        let mut outs = Vec::new();
        for i in 1..=n {
            let out = root.join(format!("shard-{i}-of-{n}"));
            run_ok(&[
                "batch",
                "--fixtures",
                path(&fx),
                "--out",
                path(&out),
                "--shard",
                &format!("{i}/{n}"),
            ]);
            outs.push(out);
        }
        // Each pair is in exactly one shard.
        let mut seen = 0;
        for out in &outs {
            seen += files(out)
                .keys()
                .filter(|f| f.ends_with(".csv") && *f != "discrepancies.csv")
                .count();
        }
        assert_eq!(seen, PAIRS, "pairs across {n} shards");

        let merged = root.join(format!("merged-{n}"));
        let mut args = vec!["merge"];
        args.extend(outs.iter().map(|o| path(o)));
        args.extend(["-o", path(&merged)]);
        run_ok(&args);
        let got = files(&merged);
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>(),
            "files written by merging {n} shards"
        );
        for (name, bytes) in &expected {
            assert!(
                got[name] == *bytes,
                "{name} differs after merging {n} shards:\n--- one run\n{}\n--- merged\n{}",
                String::from_utf8_lossy(bytes),
                String::from_utf8_lossy(&got[name])
            );
        }
    }
}

#[test]
fn shard_numbers_outside_one_to_n_are_usage_errors() {
    let tmp = TempDir::new().expect("a temporary folder");
    let fx = tmp.path().join("fixtures");
    fixtures(&fx, 2);
    for shard in ["0/2", "3/2"] {
        let out = tmp.path().join(format!("out-{}", shard.replace('/', "-")));
        let result = claimcheck(&[
            "batch",
            "--fixtures",
            path(&fx),
            "--out",
            path(&out),
            "--shard",
            shard,
        ]);
        assert_eq!(result.status.code(), Some(2), "--shard {shard}");
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(stderr.contains("shard"), "--shard {shard}: {stderr}");
        assert!(!out.exists(), "--shard {shard} wrote {}", out.display());
    }
}
