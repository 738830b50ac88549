//! Probe evaluation: `eval/probes/*.jsonl` are claims we invented to exercise one kind of change
//! each (an opposite swapped in, a name moved, a paraphrase with a word of the same pole), with
//! the verdicts we accept. They are our own data, so rules may be designed on them; the public
//! benchmarks stay held out. Each line is a `claimcheck claims` input line with two more fields,
//! `group` (what kind of probe) and `expect` (accepted verdicts separated by `|`).

use crate::bench::run_claimcheck;
use anyhow::{bail, Context, Result};
use claimcheck_core::Verdict;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One probe: its id, group and accepted verdicts.
struct Probe {
    id: String,
    group: String,
    expect: Vec<Verdict>,
    claim: String,
}

fn read_probes(path: &Path) -> Result<Vec<Probe>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let at = || format!("{}: line {}", path.display(), n + 1);
        let v: Value = serde_json::from_str(line).with_context(at)?;
        let field = |k: &str| -> Result<String> {
            match v.get(k).and_then(Value::as_str) {
                Some(s) => Ok(s.to_string()),
                None => bail!("{}: no string field {k:?}", at()),
            }
        };
        let mut expect = Vec::new();
        for e in field("expect")?.split('|') {
            match Verdict::parse(e) {
                Some(v) => expect.push(v),
                None => bail!("{}: unknown verdict {e:?}", at()),
            }
        }
        out.push(Probe {
            id: field("id")?,
            group: field("group")?,
            expect,
            claim: field("claim")?,
        });
    }
    Ok(out)
}

/// Runs every probe file of `dir` through `claimcheck claims` and prints, per file and group,
/// how many probes got an accepted verdict (with `verbose`, each one that did not).
pub(crate) fn run(dir: &Path, claimcheck: &Path, out: &Path, verbose: bool) -> Result<()> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let (mut all_ok, mut all_n) = (0, 0);
    for file in files {
        let probes = read_probes(&file)?;
        let stem = file
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let output = out.join(format!("{stem}.out.jsonl"));
        run_claimcheck(claimcheck, &file, &output, Duration::from_secs(600))?;
        let text = std::fs::read_to_string(&output)
            .with_context(|| format!("reading {}", output.display()))?;
        let verdicts: Vec<(Option<Verdict>, String)> = text
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap_or(Value::Null);
                let verdict = v
                    .get("verdict")
                    .and_then(Value::as_str)
                    .and_then(Verdict::parse);
                let reasons = v.get("reasons").and_then(Value::as_str).unwrap_or("");
                (verdict, reasons.to_string())
            })
            .collect();
        if verdicts.len() != probes.len() {
            bail!(
                "{}: {} probes but {} output lines",
                file.display(),
                probes.len(),
                verdicts.len()
            );
        }
        let mut groups: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        let mut misses = Vec::new();
        for (p, (verdict, reasons)) in probes.iter().zip(&verdicts) {
            let ok = verdict.is_some_and(|v| p.expect.contains(&v));
            let g = groups.entry(p.group.as_str()).or_default();
            g.1 += 1;
            if ok {
                g.0 += 1;
            } else {
                let got = verdict.map_or("(none)", Verdict::as_str);
                misses.push(format!(
                    "    {} [{}] got {got}: {} | {reasons}",
                    p.id, p.group, p.claim
                ));
            }
        }
        println!("{stem}:");
        for (g, (ok, n)) in &groups {
            println!("  {g:<12} {ok}/{n} accepted");
            all_ok += ok;
            all_n += n;
        }
        if verbose {
            for m in misses {
                println!("{m}");
            }
        }
    }
    println!("PROBES: {all_ok}/{all_n} accepted");
    Ok(())
}
