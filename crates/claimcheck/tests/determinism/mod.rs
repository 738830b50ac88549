//! The same inputs give byte-identical outputs, run after run and whatever the thread count.

use crate::util::{fixture_text, tree, Env};
use std::collections::BTreeMap;

/// Runs batch over the copied fixtures with `threads` worker threads into `out`, and returns
/// every file written.
fn batch(env: &Env, threads: &str, out: &str) -> BTreeMap<String, Vec<u8>> {
    env.cmd()
        .args(["batch", "--fixtures", "fx", "--out", out])
        .env("RAYON_NUM_THREADS", threads)
        .run()
        .code(0);
    tree(&env.path(out))
}

#[test]
fn batch_is_byte_identical_across_runs_and_thread_counts() {
    let env = Env::new();
    let fixtures = env.copy_fixtures("fx");
    let pairs = std::fs::read_dir(&fixtures).expect("read").count();
    let one = batch(&env, "1", "out1");
    let two = batch(&env, "2", "out2");
    let again = batch(&env, "2", "out3");
    // CSV and HTML per pair, the combined CSV and the index.
    assert_eq!(one.len(), 2 * pairs + 2, "{:?}", one.keys());
    assert!(one.contains_key("discrepancies.csv") && one.contains_key("index.html"));
    for (name, bytes) in &one {
        assert_eq!(Some(bytes), two.get(name), "{name}: 1 vs 2 threads");
        assert_eq!(Some(bytes), again.get(name), "{name}: run 2 vs run 3");
    }
    assert_eq!(one.len(), two.len());
    assert_eq!(one.len(), again.len());
}

#[test]
fn compare_is_byte_identical_across_runs_and_thread_counts() {
    let env = Env::new();
    let fixtures = env.copy_fixtures("fx");
    let pair = fixtures.join("lavrov-ntv-2026-02-10");
    for format in ["csv", "html"] {
        let outputs: Vec<Vec<u8>> = ["1", "2", "2"]
            .iter()
            .map(|threads| {
                let ran = env
                    .cmd()
                    .arg("compare")
                    .arg(pair.join("primary.txt"))
                    .arg(pair.join("secondary.txt"))
                    .args(["--format", format])
                    .env("RAYON_NUM_THREADS", threads)
                    .run();
                ran.code(0);
                ran.stdout
            })
            .collect();
        assert!(!outputs[0].is_empty());
        assert_eq!(outputs[0], outputs[1], "{format}: 1 vs 2 threads");
        assert_eq!(outputs[1], outputs[2], "{format}: run to run");
    }
}

#[test]
fn claims_is_byte_identical_across_runs_and_thread_counts() {
    let env = Env::new();
    let fixtures = env.copy_fixtures("fx");
    // Every sentence-ish line of every secondary, as a claim against its primary; sources shared
    // by many lines, in interleaved order, plus a few lines that are errors.
    let mut lines = Vec::new();
    let mut names: Vec<String> = std::fs::read_dir(&fixtures)
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut per_pair: Vec<(String, Vec<String>)> = names
        .iter()
        .map(|n| {
            let claims = fixture_text(n, "secondary.txt")
                .split(". ")
                .map(str::trim)
                .filter(|c| c.split_whitespace().count() >= 4)
                .map(str::to_string)
                .collect();
            (fixture_text(n, "primary.txt"), claims)
        })
        .collect();
    let mut id = 0;
    while per_pair.iter().any(|(_, c)| !c.is_empty()) {
        for (source, claims) in &mut per_pair {
            if let Some(claim) = claims.pop() {
                id += 1;
                lines.push(
                    serde_json::json!({"id": id, "source": source, "claim": claim}).to_string(),
                );
            }
        }
    }
    lines.insert(3, "not json".into());
    lines.insert(7, r#"{"id": "x", "source": "s"}"#.into());
    assert!(lines.len() > 60);
    env.write("claims.jsonl", lines.join("\n") + "\n");
    let outputs: Vec<Vec<u8>> = ["1", "2", "2"]
        .iter()
        .map(|threads| {
            let ran = env
                .cmd()
                .args(["claims", "claims.jsonl"])
                .env("RAYON_NUM_THREADS", threads)
                .run();
            // Two lines are errors: status 2, every line still answered.
            ran.code(2);
            ran.stdout
        })
        .collect();
    assert_eq!(
        outputs[0].iter().filter(|b| **b == b'\n').count(),
        lines.len(),
        "one output line per input line"
    );
    assert_eq!(outputs[0], outputs[1], "1 vs 2 threads");
    assert_eq!(outputs[1], outputs[2], "run to run");
}
