//! Label evaluation: accepted/judged per pair and in total, and a confusion table per verdict.

use anyhow::{bail, Context, Result};
use claimcheck_core::Verdict;
use claimcheck_report::{read_rows, Row};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One label of a pair.
struct Label {
    anchor: String,
    expected: Vec<Verdict>,
    note: String,
}

fn read_labels(path: &Path) -> Result<Vec<Label>> {
    let mut r =
        csv::Reader::from_path(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.with_context(|| format!("{}: row {}", path.display(), i + 2))?;
        let anchor = rec.get(0).unwrap_or("").to_string();
        let mut expected = Vec::new();
        for v in rec.get(1).unwrap_or("").split('|') {
            match Verdict::parse(v) {
                Some(v) => expected.push(v),
                None => bail!("{}: row {}: unknown verdict {v:?}", path.display(), i + 2),
            }
        }
        out.push(Label {
            anchor,
            expected,
            note: rec.get(2).unwrap_or("").to_string(),
        });
    }
    Ok(out)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The outcome of one pair.
#[derive(Default)]
struct Tally {
    judged: usize,
    accepted: usize,
    /// Labels whose anchor matched no claim or several.
    unmatched: usize,
    /// Claims labelled only `supported` that got another verdict.
    false_flags: usize,
    /// (first expected verdict, got) → count.
    confusion: BTreeMap<(Verdict, Option<Verdict>), usize>,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.judged += other.judged;
        self.accepted += other.accepted;
        self.unmatched += other.unmatched;
        self.false_flags += other.false_flags;
        for (k, v) in &other.confusion {
            *self.confusion.entry(*k).or_default() += v;
        }
    }
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "-".into()
    } else {
        format!("{:.1}%", 100.0 * a as f64 / b as f64)
    }
}

fn score_pair(name: &str, labels: &[Label], rows: &[Row], verbose: bool) -> Tally {
    let mut t = Tally::default();
    for l in labels {
        t.judged += 1;
        let anchor = squash(&l.anchor);
        let hits: Vec<&Row> = rows.iter().filter(|r| r.claim.contains(&anchor)).collect();
        let got = match hits.as_slice() {
            [one] => Some(one),
            _ => None,
        };
        if got.is_none() {
            t.unmatched += 1;
        }
        let verdict = got.map(|r| r.verdict);
        let ok = verdict.is_some_and(|v| l.expected.contains(&v));
        if ok {
            t.accepted += 1;
        }
        if l.expected == [Verdict::Supported] && verdict.is_some_and(|v| v != Verdict::Supported) {
            t.false_flags += 1;
        }
        *t.confusion.entry((l.expected[0], verdict)).or_default() += 1;
        if verbose && !ok {
            let expected: Vec<&str> = l.expected.iter().map(|v| v.as_str()).collect();
            match got {
                Some(r) => println!(
                    "  {name} #{}: expected {} got {} ({:.3})\n    claim: {}\n    reasons: {}\n    label: {}",
                    r.claim_id,
                    expected.join("|"),
                    r.verdict,
                    r.score,
                    r.claim,
                    r.reasons,
                    l.note
                ),
                None => println!(
                    "  {name}: anchor {:?} matched {} claims",
                    l.anchor,
                    hits.len()
                ),
            }
        }
    }
    t
}

fn print_confusion(t: &Tally) {
    let cols: Vec<Option<Verdict>> = Verdict::ALL
        .iter()
        .map(|v| Some(*v))
        .chain([None])
        .collect();
    print!("{:>14}", "expected\\got");
    for c in &cols {
        let name = c.map_or("no-claim", |v| v.as_str());
        print!(" {:>8}", &name[..name.len().min(8)]);
    }
    println!();
    for e in Verdict::ALL {
        if !t.confusion.keys().any(|(x, _)| *x == e) {
            continue;
        }
        print!("{:>14}", e.as_str());
        for c in &cols {
            print!(" {:>8}", t.confusion.get(&(e, *c)).copied().unwrap_or(0));
        }
        println!();
    }
}

/// Runs the batch over each fixtures folder and scores the labelled pairs.
pub(crate) fn run(
    fixtures: &[PathBuf],
    out: &Path,
    claimcheck: &Path,
    verbose: bool,
) -> Result<()> {
    let mut total = Tally::default();
    for (k, dir) in fixtures.iter().enumerate() {
        if !dir.is_dir() {
            println!("{}: not present, skipped", dir.display());
            continue;
        }
        let out_k = out.join(format!("set{k}"));
        let status = Command::new(claimcheck)
            .args(["batch", "--fixtures"])
            .arg(dir)
            .arg("--out")
            .arg(&out_k)
            .stdout(std::process::Stdio::null())
            .status()
            .with_context(|| format!("running {}", claimcheck.display()))?;
        if !status.success() {
            println!(
                "{}: claimcheck batch exited with {status}; scoring what it wrote",
                dir.display()
            );
        }
        let mut pairs: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("labels.csv").is_file())
            .collect();
        pairs.sort();
        for pair in pairs {
            let name = pair
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let labels = read_labels(&pair.join("labels.csv"))?;
            let csv = out_k.join(format!("{name}.csv"));
            let rows = match std::fs::read(&csv) {
                Ok(bytes) => read_rows(bytes.as_slice()).map_err(anyhow::Error::msg)?,
                Err(_) => {
                    println!(
                        "{name}: no report (the pair failed or its primary is missing); skipped"
                    );
                    continue;
                }
            };
            let t = score_pair(&name, &labels, &rows, verbose);
            println!(
                "{name}: {}/{} accepted ({}), {} fair paraphrases flagged, {} anchors unmatched",
                t.accepted,
                t.judged,
                pct(t.accepted, t.judged),
                t.false_flags,
                t.unmatched
            );
            total.add(&t);
        }
    }
    println!(
        "TOTAL: {}/{} accepted ({}), {} fair paraphrases flagged, {} anchors unmatched",
        total.accepted,
        total.judged,
        pct(total.accepted, total.judged),
        total.false_flags,
        total.unmatched
    );
    println!("\nconfusion (rows: first accepted verdict; columns: claimcheck's verdict)");
    print_confusion(&total);
    Ok(())
}
