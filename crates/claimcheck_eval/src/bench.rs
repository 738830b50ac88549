//! Public benchmarks: balanced accuracy of `claimcheck claims` on DiaSumFact and SummEdits.
//!
//! The benchmarks are read where they lie (evaluation only; nothing of them is copied into the
//! repository). For each one this writes the `claimcheck claims` input (`id`, `source`, `claim`)
//! under the output folder, runs the real binary, joins its output by input order and prints:
//! balanced accuracy overall and per sub-corpus, the verdicts given to each label, recall per
//! error type, the reasons behind flags, a grouped 5-fold cross-validation of one score threshold
//! τ and the threshold carried from one benchmark to the other.
//!
//! Label 1 (consistent) is right when the claim is predicted consistent, label 0 when it is not.
//! A claim is predicted consistent when its verdict is `supported` and its score is at least τ;
//! τ = 0 is the shipped behaviour.

use anyhow::{bail, ensure, Context, Result};
use claimcheck_core::Verdict;
use claimcheck_report::ClaimRecord;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Where a benchmark lies and which fields it uses.
struct Spec {
    /// Display name.
    name: &'static str,
    /// Folder under the benchmarks folder.
    dir: &'static str,
    /// JSON lines file in that folder.
    file: &'static str,
    /// Field naming the sub-corpus.
    group: &'static str,
    /// Field naming the source document (the cross-validation groups).
    doc: &'static str,
    /// Fields listing annotated error or edit types (arrays of strings).
    types: &'static [&'static str],
    /// Field holding a human-written summary of the whole source, consistent by construction,
    /// checked as a unit of its own once per distinct (sub-corpus, document, summary).
    reference: Option<&'static str>,
}

const SPECS: [Spec; 2] = [
    Spec {
        name: "DiaSumFact",
        dir: "diasumfact",
        file: "diasumfact.jsonl",
        group: "dataset",
        doc: "doc_id",
        types: &["error_types", "intrinsic_extrinsic"],
        reference: Some("reference_summary"),
    },
    Spec {
        name: "SummEdits",
        dir: "summedits",
        file: "summedits.jsonl",
        group: "domain",
        doc: "doc_id",
        types: &["edit_types_gpt4"],
        reference: None,
    },
];

/// Folds of the grouped cross-validation.
const FOLDS: usize = 5;

/// One labelled unit of a benchmark, without its source text.
#[derive(Debug, Clone)]
struct Item {
    id: Value,
    claim: String,
    consistent: bool,
    group: String,
    doc: String,
    /// Per type field of the spec: the distinct types listed.
    types: Vec<Vec<String>>,
}

/// claimcheck's answer for one unit.
#[derive(Debug, Clone)]
struct Pred {
    verdict: Verdict,
    score: f64,
    reasons: String,
}

/// A unit with claimcheck's answer.
#[derive(Debug, Clone)]
struct Scored {
    item: Item,
    pred: Pred,
}

impl Scored {
    /// Whether the unit is predicted consistent at threshold `tau`.
    fn predicts_consistent(&self, tau: f64) -> bool {
        self.pred.verdict == Verdict::Supported && self.pred.score >= tau
    }

    fn correct(&self, tau: f64) -> bool {
        self.predicts_consistent(tau) == self.item.consistent
    }
}

/// Correct and total per label.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Recalls {
    ok1: usize,
    n1: usize,
    ok0: usize,
    n0: usize,
}

impl Recalls {
    fn of<'a>(units: impl IntoIterator<Item = &'a Scored>, tau: f64) -> Recalls {
        let mut r = Recalls::default();
        for s in units {
            let ok = usize::from(s.correct(tau));
            if s.item.consistent {
                r.n1 += 1;
                r.ok1 += ok;
            } else {
                r.n0 += 1;
                r.ok0 += ok;
            }
        }
        r
    }

    fn recall1(&self) -> Option<f64> {
        (self.n1 > 0).then(|| self.ok1 as f64 / self.n1 as f64)
    }

    fn recall0(&self) -> Option<f64> {
        (self.n0 > 0).then(|| self.ok0 as f64 / self.n0 as f64)
    }

    /// Mean of the two recalls; none unless both labels occur.
    fn balanced(&self) -> Option<f64> {
        Some((self.recall1()? + self.recall0()?) / 2.0)
    }
}

fn fmt3(x: Option<f64>) -> String {
    x.map_or_else(|| "-".into(), |x| format!("{x:.3}"))
}

/// The threshold grid: 0.00, 0.05, …, 1.00.
fn grid() -> impl Iterator<Item = f64> {
    (0..=20).map(|k| f64::from(k) / 20.0)
}

/// The fold of a document: FNV-1a of its id, modulo [`FOLDS`]. Deterministic, no randomness.
fn fold_of(doc: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in doc.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h % FOLDS as u64) as usize
}

/// The τ of the grid with the best balanced accuracy on `units` (ties: the smallest τ).
fn tune<'a>(units: impl Iterator<Item = &'a Scored> + Clone) -> Option<(f64, f64)> {
    let mut best: Option<(f64, f64)> = None;
    for tau in grid() {
        let Some(ba) = Recalls::of(units.clone(), tau).balanced() else {
            continue;
        };
        if !matches!(best, Some((_, b)) if ba <= b + 1e-12) {
            best = Some((tau, ba));
        }
    }
    best
}

/// One held-out fold of the cross-validation.
#[derive(Debug, Clone, PartialEq)]
struct FoldResult {
    fold: usize,
    docs: usize,
    units: usize,
    tau: f64,
    held_out: Option<f64>,
    untuned: Option<f64>,
}

/// Grouped k-fold cross-validation of τ: tuned on the other folds, scored on the held-out one.
fn cross_validate(units: &[Scored]) -> Vec<FoldResult> {
    let folds: Vec<usize> = units.iter().map(|s| fold_of(&s.item.doc)).collect();
    let mut out = Vec::new();
    for k in 0..FOLDS {
        let train = units
            .iter()
            .zip(&folds)
            .filter(|(_, f)| **f != k)
            .map(|(s, _)| s);
        let test: Vec<&Scored> = units
            .iter()
            .zip(&folds)
            .filter(|(_, f)| **f == k)
            .map(|(s, _)| s)
            .collect();
        if test.is_empty() {
            continue;
        }
        let Some((tau, _)) = tune(train) else {
            continue;
        };
        let docs: BTreeSet<&str> = test.iter().map(|s| s.item.doc.as_str()).collect();
        out.push(FoldResult {
            fold: k,
            docs: docs.len(),
            units: test.len(),
            tau,
            held_out: Recalls::of(test.iter().copied(), tau).balanced(),
            untuned: Recalls::of(test.iter().copied(), 0.0).balanced(),
        });
    }
    out
}

fn mean(xs: impl Iterator<Item = f64>) -> Option<f64> {
    let (mut sum, mut n) = (0.0, 0usize);
    for x in xs {
        sum += x;
        n += 1;
    }
    (n > 0).then(|| sum / n as f64)
}

fn field_str(map: &Map<String, Value>, k: &str) -> Result<String> {
    match map.get(k) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        Some(Value::String(_)) => bail!("field {k:?} is empty"),
        Some(_) => bail!("field {k:?} is not a string"),
        None => bail!("field {k:?} is missing"),
    }
}

/// Parses one benchmark line into its unit and its source text.
fn parse_bench_line(spec: &Spec, text: &str) -> Result<(Item, String)> {
    let value: Value = serde_json::from_str(text).context("invalid JSON")?;
    let Value::Object(map) = value else {
        bail!("not a JSON object");
    };
    let id = match map.get("id") {
        None | Some(Value::Null) => bail!("field \"id\" is missing"),
        Some(v) => v.clone(),
    };
    let consistent = match map.get("label").and_then(Value::as_i64) {
        Some(1) => true,
        Some(0) => false,
        _ => bail!("field \"label\" is not 0 or 1"),
    };
    let mut types = Vec::new();
    for k in spec.types {
        let list: BTreeSet<String> = match map.get(*k) {
            None | Some(Value::Null) => BTreeSet::new(),
            Some(Value::Array(a)) => a
                .iter()
                .map(|t| t.as_str().map(str::to_string))
                .collect::<Option<_>>()
                .with_context(|| format!("field {k:?} holds a non-string"))?,
            Some(_) => bail!("field {k:?} is not an array"),
        };
        types.push(list.into_iter().collect());
    }
    let item = Item {
        id,
        claim: field_str(&map, "claim")?,
        consistent,
        group: field_str(&map, spec.group)?,
        doc: field_str(&map, spec.doc)?,
        types,
    };
    Ok((item, field_str(&map, "source")?))
}

/// Reads a benchmark and writes the `claimcheck claims` input for its first `limit` units; with
/// `references`, also the input for the reference summaries of those units' documents.
fn read_bench(
    spec: &Spec,
    path: &Path,
    limit: Option<usize>,
    input: &Path,
    references: Option<&Path>,
) -> Result<(Vec<Item>, Vec<Item>)> {
    let file = std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let out =
        std::fs::File::create(input).with_context(|| format!("writing {}", input.display()))?;
    let mut w = BufWriter::new(out);
    let mut items = Vec::new();
    let mut refs: Vec<(Item, String)> = Vec::new();
    for (k, line) in std::io::BufReader::new(file).lines().enumerate() {
        if limit.is_some_and(|n| items.len() >= n) {
            break;
        }
        let line = line.with_context(|| format!("{}: line {}", path.display(), k + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let (item, source) = parse_bench_line(spec, &line)
            .with_context(|| format!("{}: line {}: malformed", path.display(), k + 1))?;
        if let Some(field) = spec.reference.filter(|_| references.is_some()) {
            let map: Map<String, Value> = serde_json::from_str(&line)?;
            let summary = field_str(&map, field)
                .with_context(|| format!("{}: line {}: malformed", path.display(), k + 1))?;
            let seen = refs
                .iter()
                .any(|(r, _)| r.group == item.group && r.doc == item.doc && r.claim == summary);
            if !seen {
                let reference = Item {
                    id: Value::String(format!("{}:{}:{}", item.group, item.doc, refs.len())),
                    claim: summary,
                    consistent: true,
                    group: item.group.clone(),
                    doc: item.doc.clone(),
                    types: vec![Vec::new(); spec.types.len()],
                };
                refs.push((reference, source.clone()));
            }
        }
        let rec = serde_json::json!({"id": item.id, "source": source, "claim": item.claim});
        serde_json::to_writer(&mut w, &rec)?;
        w.write_all(b"\n")?;
        items.push(item);
    }
    w.flush()?;
    ensure!(!items.is_empty(), "{}: no units", path.display());
    if let Some(at) = references {
        let file =
            std::fs::File::create(at).with_context(|| format!("writing {}", at.display()))?;
        let mut w = BufWriter::new(file);
        for (r, source) in &refs {
            let rec = serde_json::json!({"id": r.id, "source": source, "claim": r.claim});
            serde_json::to_writer(&mut w, &rec)?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
    }
    Ok((items, refs.into_iter().map(|(r, _)| r).collect()))
}

/// Runs `claimcheck claims input -o output`, killing it after `timeout`.
pub(crate) fn run_claimcheck(
    bin: &Path,
    input: &Path,
    output: &Path,
    timeout: Duration,
) -> Result<Duration> {
    if output.exists() {
        std::fs::remove_file(output).with_context(|| format!("removing {}", output.display()))?;
    }
    let start = Instant::now();
    let mut child = Command::new(bin)
        .arg("claims")
        .arg(input)
        .arg("-o")
        .arg(output)
        .stdout(Stdio::null())
        .spawn()
        .with_context(|| format!("running {}", bin.display()))?;
    loop {
        if let Some(status) = child.try_wait()? {
            if !status.success() {
                println!("  claimcheck claims exited with {status}; reading what it wrote");
            }
            return Ok(start.elapsed());
        }
        if start.elapsed() > timeout {
            child.kill().ok();
            child.wait().ok();
            bail!(
                "claimcheck claims on {} did not finish within {} s (killed)",
                input.display(),
                timeout.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Reads the `claimcheck claims` output and joins it to the units by input order.
fn read_output(path: &Path, items: Vec<Item>) -> Result<Vec<Scored>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading {} (claimcheck wrote no output?)", path.display()))?;
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    ensure!(
        lines.len() == items.len(),
        "{}: {} output lines for {} input lines",
        path.display(),
        lines.len(),
        items.len()
    );
    let mut out = Vec::with_capacity(items.len());
    for (k, (line, item)) in lines.into_iter().zip(items).enumerate() {
        let at = || format!("{}: line {}", path.display(), k + 1);
        let value: Value = serde_json::from_str(line).with_context(at)?;
        if let Some(e) = value.get("error") {
            bail!("{}: claimcheck could not check {}: {e}", at(), item.id);
        }
        let rec: ClaimRecord = serde_json::from_value(value).with_context(at)?;
        ensure!(
            rec.id == item.id,
            "{}: id {} where the input had {}",
            at(),
            rec.id,
            item.id
        );
        ensure!(rec.score.is_finite(), "{}: score is not a number", at());
        out.push(Scored {
            item,
            pred: Pred {
                verdict: rec.verdict,
                score: rec.score,
                reasons: rec.reasons,
            },
        });
    }
    Ok(out)
}

/// The kind of a reason: quoted words, parentheses, names and numbers taken out, cut at a colon.
fn reason_kind(reason: &str) -> String {
    let mut s = String::new();
    let mut in_quote = false;
    let mut depth = 0usize;
    let mut last_digit = false;
    for c in reason.chars() {
        match c {
            '"' => {
                if !in_quote && depth == 0 {
                    s.push('…');
                }
                in_quote = !in_quote;
            }
            _ if in_quote => {}
            '(' => {
                if depth == 0 {
                    s.push_str("(…)");
                }
                depth += 1;
            }
            ')' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            c if c.is_ascii_digit() => {
                if !last_digit {
                    s.push('N');
                }
                last_digit = true;
                continue;
            }
            c => s.push(c),
        }
        last_digit = false;
    }
    while s.contains("…, …") {
        s = s.replace("…, …", "…");
    }
    let s = s.trim();
    if s.starts_with("these words are ") {
        return "these words are someone else's".into();
    }
    match s.split_once(':') {
        Some((head, _)) => head.trim().to_string(),
        None => s.to_string(),
    }
}

/// The distinct reason kinds of one answer.
fn reason_kinds(reasons: &str) -> BTreeSet<String> {
    reasons
        .split("; ")
        .filter(|r| !r.trim().is_empty())
        .map(reason_kind)
        .collect()
}

fn truncate(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

fn print_recalls(label: &str, r: &Recalls) {
    println!(
        "  {label:<22} BA {}  recall1 {} ({}/{})  recall0 {} ({}/{})",
        fmt3(r.balanced()),
        fmt3(r.recall1()),
        r.ok1,
        r.n1,
        fmt3(r.recall0()),
        r.ok0,
        r.n0
    );
}

fn print_verdicts(units: &[Scored]) {
    let n0 = units.iter().filter(|s| !s.item.consistent).count();
    println!(
        "\n  verdicts by label (share0 = label-0 share of the verdict; base rate {})",
        fmt3(Some(n0 as f64 / units.len().max(1) as f64))
    );
    println!(
        "  {:<14} {:>8} {:>8} {:>8}",
        "verdict", "label 1", "label 0", "share0"
    );
    for v in Verdict::ALL {
        let n1 = units
            .iter()
            .filter(|s| s.pred.verdict == v && s.item.consistent)
            .count();
        let n0 = units
            .iter()
            .filter(|s| s.pred.verdict == v && !s.item.consistent)
            .count();
        if n0 + n1 == 0 {
            continue;
        }
        let share = fmt3(Some(n0 as f64 / (n0 + n1) as f64));
        println!("  {:<14} {n1:>8} {n0:>8} {share:>8}", v.as_str());
    }
}

/// Verdicts that name a specific conflict (as opposed to missing support or opinion).
fn specific(v: Verdict) -> bool {
    matches!(
        v,
        Verdict::Contradicted | Verdict::Misquoted | Verdict::Misattributed
    )
}

fn print_types(spec: &Spec, units: &[Scored]) {
    for (f, field) in spec.types.iter().enumerate() {
        // type → label-0 [n, caught, specific], sole label-0 [n, caught], label-1 [n, passed, specific].
        let mut rows: BTreeMap<String, [usize; 8]> = BTreeMap::new();
        for s in units {
            let types = &s.item.types[f];
            let ok = usize::from(s.correct(0.0));
            let sp = usize::from(specific(s.pred.verdict));
            let sole = types.len() <= 1;
            let keys: Vec<String> = if types.is_empty() {
                vec!["(none)".into()]
            } else {
                types.clone()
            };
            for t in keys {
                let row = rows.entry(t).or_default();
                if s.item.consistent {
                    row[5] += 1;
                    row[6] += ok;
                    row[7] += sp;
                } else {
                    row[0] += 1;
                    row[1] += ok;
                    row[2] += sp;
                    if sole {
                        row[3] += 1;
                        row[4] += ok;
                    }
                }
            }
        }
        println!(
            "\n  recall by `{field}` (a unit counts under each of its types; sole = only that type; \
             spec = share given contradicted|misquoted|misattributed)"
        );
        println!(
            "  {:<28} {:>6} {:>8} {:>7} {:>7} {:>9} {:>6} {:>8} {:>7}",
            "type", "n0", "recall0", "spec0", "sole n0", "sole rec0", "n1", "recall1", "spec1"
        );
        for (t, r) in &rows {
            let rate = |ok: usize, n: usize| fmt3((n > 0).then(|| ok as f64 / n as f64));
            println!(
                "  {:<28} {:>6} {:>8} {:>7} {:>7} {:>9} {:>6} {:>8} {:>7}",
                t,
                r[0],
                rate(r[1], r[0]),
                rate(r[2], r[0]),
                r[3],
                rate(r[4], r[3]),
                r[5],
                rate(r[6], r[5]),
                rate(r[7], r[5])
            );
        }
    }
}

fn print_reasons(units: &[Scored], top: usize) {
    // kind → [flagged label 1, flagged label 0]
    let mut kinds: BTreeMap<String, [usize; 2]> = BTreeMap::new();
    for s in units
        .iter()
        .filter(|s| s.pred.verdict != Verdict::Supported)
    {
        for k in reason_kinds(&s.pred.reasons) {
            kinds.entry(k).or_default()[usize::from(!s.item.consistent)] += 1;
        }
    }
    let mut rows: Vec<(&String, &[usize; 2])> = kinds.iter().collect();
    rows.sort_by(|a, b| {
        b.1[0]
            .cmp(&a.1[0])
            .then(b.1[1].cmp(&a.1[1]))
            .then(a.0.cmp(b.0))
    });
    println!(
        "\n  reason kinds on flagged units (units citing the kind; false flags first; top {top})"
    );
    println!(
        "  {:>7} {:>7} {:>7}  reason kind",
        "label 1", "label 0", "share0"
    );
    for (k, [n1, n0]) in rows.into_iter().take(top) {
        let share = fmt3(Some(*n0 as f64 / (n0 + n1).max(1) as f64));
        println!("  {n1:>7} {n0:>7} {share:>7}  {}", truncate(k, 100));
    }
}

fn print_scores(units: &[Scored]) {
    let mut line_tau = String::from("  τ      ");
    let mut line_ba = String::from("  BA     ");
    for tau in grid() {
        let _ = write!(line_tau, " {tau:>5.2}");
        let _ = write!(
            line_ba,
            " {:>5}",
            fmt3(Recalls::of(units, tau).balanced()).trim_start_matches('0')
        );
    }
    println!("\n  balanced accuracy by τ on the whole benchmark (in-sample; for reading only)");
    println!("{line_tau}\n{line_ba}");
}

fn print_examples(units: &[Scored], n: usize) {
    if n == 0 {
        return;
    }
    for (title, consistent) in [
        ("consistent units flagged", true),
        ("inconsistent units passed", false),
    ] {
        let wrong: Vec<&Scored> = units
            .iter()
            .filter(|s| s.item.consistent == consistent && !s.correct(0.0))
            .collect();
        println!(
            "\n  {title}: {} (showing up to {n}, spread over the file)",
            wrong.len()
        );
        let step = (wrong.len() / n).max(1);
        for s in wrong.iter().step_by(step).take(n) {
            let types: Vec<String> = s.item.types.iter().flatten().cloned().collect();
            println!(
                "    {} [{}] {} {:.3}\n      claim: {}\n      reasons: {}",
                s.item.id,
                types.join(","),
                s.pred.verdict,
                s.pred.score,
                truncate(&s.item.claim, 160),
                truncate(&s.pred.reasons, 240)
            );
        }
    }
}

/// The figures one benchmark contributes to the summary.
struct Outcome {
    name: &'static str,
    units: Vec<Scored>,
    untuned: Option<f64>,
    cv: Option<f64>,
}

fn evaluate(
    spec: &Spec,
    bench: &Path,
    claimcheck: &Path,
    out: &Path,
    opts: &Options,
) -> Result<Option<Outcome>> {
    let dir = bench.join(spec.dir);
    if !dir.is_dir() {
        println!("{}: {} not present, skipped", spec.name, dir.display());
        return Ok(None);
    }
    let path = dir.join(spec.file);
    ensure!(
        path.is_file(),
        "{}: folder present but {} is missing",
        spec.name,
        path.display()
    );
    let input = out.join(format!("{}.claims-in.jsonl", spec.dir));
    let output = out.join(format!("{}.claims-out.jsonl", spec.dir));
    let ref_input = out.join(format!("{}.references-in.jsonl", spec.dir));
    let ref_output = out.join(format!("{}.references-out.jsonl", spec.dir));
    let references = spec.reference.map(|_| ref_input.as_path());
    let (items, refs) = read_bench(spec, &path, opts.limit, &input, references)?;
    println!(
        "\n== {} ({} units from {}) ==",
        spec.name,
        items.len(),
        path.display()
    );
    let took = run_claimcheck(claimcheck, &input, &output, opts.timeout)?;
    println!("  claimcheck claims took {:.1} s", took.as_secs_f64());
    let units = read_output(&output, items)?;

    let all = Recalls::of(&units, 0.0);
    println!(
        "  HEADLINE {}: balanced accuracy {} (shipped verdicts, τ = 0)",
        spec.name,
        fmt3(all.balanced())
    );
    print_recalls("all", &all);
    let groups: BTreeSet<&str> = units.iter().map(|s| s.item.group.as_str()).collect();
    for g in groups {
        let r = Recalls::of(units.iter().filter(|s| s.item.group == g), 0.0);
        print_recalls(g, &r);
    }
    print_verdicts(&units);
    print_types(spec, &units);
    print_reasons(&units, opts.top_reasons);
    print_scores(&units);
    if !refs.is_empty() {
        run_claimcheck(claimcheck, &ref_input, &ref_output, opts.timeout)?;
        let refs = read_output(&ref_output, refs)?;
        let groups: BTreeSet<&str> = refs.iter().map(|s| s.item.group.as_str()).collect();
        let counts: Vec<String> = groups
            .into_iter()
            .map(|g| {
                let of: Vec<&Scored> = refs.iter().filter(|s| s.item.group == g).collect();
                let supported = of.iter().filter(|s| s.predicts_consistent(0.0)).count();
                format!("{g} {supported}/{}", of.len())
            })
            .collect();
        println!(
            "\n  reference summaries (human-written, consistent; `{}`, one per document), supported: {}",
            spec.reference.unwrap_or_default(),
            counts.join(", ")
        );
    }

    let folds = cross_validate(&units);
    println!(
        "\n  grouped {FOLDS}-fold CV of τ (folds by FNV-1a of `{}`; τ tuned on 4 folds)",
        spec.doc
    );
    println!(
        "  {:>4} {:>5} {:>6} {:>5} {:>9} {:>9}",
        "fold", "docs", "units", "τ", "held-out", "τ=0"
    );
    for f in &folds {
        println!(
            "  {:>4} {:>5} {:>6} {:>5.2} {:>9} {:>9}",
            f.fold,
            f.docs,
            f.units,
            f.tau,
            fmt3(f.held_out),
            fmt3(f.untuned)
        );
    }
    let cv = mean(folds.iter().filter_map(|f| f.held_out));
    let cv0 = mean(folds.iter().filter_map(|f| f.untuned));
    println!(
        "  CV mean held-out BA {} (τ = 0 on the same folds: {})",
        fmt3(cv),
        fmt3(cv0)
    );
    print_examples(&units, opts.examples);
    Ok(Some(Outcome {
        name: spec.name,
        untuned: all.balanced(),
        units,
        cv,
    }))
}

/// Options of the `bench` subcommand beyond the paths.
pub(crate) struct Options {
    /// Only the first N units of each benchmark.
    pub(crate) limit: Option<usize>,
    /// Misclassified units of each kind to print per benchmark.
    pub(crate) examples: usize,
    /// Reason kinds to list per benchmark.
    pub(crate) top_reasons: usize,
    /// Longest a `claimcheck claims` run may take.
    pub(crate) timeout: Duration,
}

/// Runs claimcheck over each benchmark present under `bench` and prints the figures.
pub(crate) fn run(bench: &Path, claimcheck: &Path, out: &Path, opts: &Options) -> Result<()> {
    if !bench.is_dir() {
        println!(
            "{}: benchmarks folder not present, skipped",
            bench.display()
        );
        return Ok(());
    }
    ensure!(
        claimcheck.is_file(),
        "{}: no claimcheck binary (build it with cargo build --release -p claimcheck)",
        claimcheck.display()
    );
    if opts.limit == Some(0) {
        bail!("--limit must be at least 1");
    }
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let claimcheck: PathBuf = claimcheck.canonicalize()?;
    let mut done = Vec::new();
    for spec in &SPECS {
        if let Some(o) = evaluate(spec, bench, &claimcheck, out, opts)? {
            done.push(o);
        }
    }
    if done.is_empty() {
        println!("no benchmark found under {}", bench.display());
        return Ok(());
    }

    let mut cross = BTreeMap::new();
    if let [a, b] = done.as_slice() {
        println!("\n== cross-benchmark τ (tuned on all of one benchmark, applied to the other) ==");
        for (from, to) in [(a, b), (b, a)] {
            let Some((tau, fit)) = tune(from.units.iter()) else {
                continue;
            };
            let held = Recalls::of(&to.units, tau);
            let oracle = tune(to.units.iter());
            println!(
                "  τ = {tau:.2} tuned on {} (BA there {fit:.3}) → {} BA {} (recall1 {}, recall0 {}); τ = 0 there: {}; best τ there in-sample: {}",
                from.name,
                to.name,
                fmt3(held.balanced()),
                fmt3(held.recall1()),
                fmt3(held.recall0()),
                fmt3(to.untuned),
                oracle.map_or_else(|| "-".into(), |(t, b)| format!("{t:.2} → {b:.3}"))
            );
            cross.insert(to.name, held.balanced());
        }
    }

    println!("\n== summary (balanced accuracy) ==");
    println!(
        "  {:<12} {:>10} {:>10} {:>12}",
        "benchmark", "τ=0", "CV τ", "cross τ"
    );
    for o in &done {
        println!(
            "  {:<12} {:>10} {:>10} {:>12}",
            o.name,
            fmt3(o.untuned),
            fmt3(o.cv),
            fmt3(cross.get(o.name).copied().flatten())
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(consistent: bool, verdict: Verdict, score: f64, doc: &str) -> Scored {
        Scored {
            item: Item {
                id: Value::from(doc),
                claim: String::new(),
                consistent,
                group: "g".into(),
                doc: doc.into(),
                types: vec![],
            },
            pred: Pred {
                verdict,
                score,
                reasons: String::new(),
            },
        }
    }

    #[test]
    fn balanced_accuracy() {
        let units = [
            unit(true, Verdict::Supported, 0.9, "a"),
            unit(true, Verdict::Unsupported, 0.2, "b"),
            unit(false, Verdict::Supported, 0.5, "c"),
            unit(false, Verdict::Contradicted, 0.9, "d"),
            unit(false, Verdict::Opinion, 0.9, "e"),
        ];
        let r = Recalls::of(&units, 0.0);
        assert_eq!(
            r,
            Recalls {
                ok1: 1,
                n1: 2,
                ok0: 2,
                n0: 3
            }
        );
        assert!((r.balanced().unwrap() - (0.5 + 2.0 / 3.0) / 2.0).abs() < 1e-12);
        // τ = 0.6 turns the supported 0.5 into a catch.
        assert_eq!(Recalls::of(&units, 0.6).ok0, 3);
        assert_eq!(Recalls::of(&units[..2], 0.0).balanced(), None);
    }

    #[test]
    fn tuning_picks_the_smallest_best_tau() {
        let units = [
            unit(true, Verdict::Supported, 0.9, "a"),
            unit(false, Verdict::Supported, 0.5, "b"),
        ];
        let (tau, ba) = tune(units.iter()).unwrap();
        assert!((tau - 0.55).abs() < 1e-12);
        assert!((ba - 1.0).abs() < 1e-12);
    }

    #[test]
    fn folds_are_deterministic_and_spread() {
        assert_eq!(
            fold_of("podcast:4dc9e0b9967b"),
            fold_of("podcast:4dc9e0b9967b")
        );
        let used: BTreeSet<usize> = (0..100).map(|k| fold_of(&format!("doc{k}"))).collect();
        assert_eq!(used.len(), FOLDS);
    }

    #[test]
    fn cross_validation_holds_documents_out() {
        let mut units = Vec::new();
        for k in 0..40 {
            let doc = format!("doc{k}");
            units.push(unit(true, Verdict::Supported, 0.9, &doc));
            units.push(unit(false, Verdict::Supported, 0.4, &doc));
        }
        let folds = cross_validate(&units);
        assert_eq!(folds.iter().map(|f| f.units).sum::<usize>(), units.len());
        for f in &folds {
            assert_eq!(f.held_out, Some(1.0));
            assert_eq!(f.untuned, Some(0.5));
        }
    }

    #[test]
    fn reason_kinds_drop_specifics() {
        assert_eq!(
            reason_kind("not in the passage: \"hosts\", \"opinions\""),
            "not in the passage"
        );
        assert_eq!(
            reason_kind("the passage (Julia) contains 100% of the claim's content"),
            "the passage (…) contains N% of the claim's content"
        );
        assert_eq!(
            reason_kind("claim says \"3\" where the primary says \"4\" (the number)"),
            "claim says … where the primary says … (…)"
        );
        assert_eq!(
            reason_kind("these words are Emma's, not Josh: the passage covers 70%"),
            "these words are someone else's"
        );
        assert_eq!(
            reason_kind("the author's own view (the judgement \"should\")"),
            "the author's own view (…)"
        );
        assert_eq!(
            reason_kind("adds \"a\", \"b\", \"c\" not in the passage"),
            "adds … not in the passage"
        );
        assert_eq!(reason_kinds("a; b (x); a").len(), 2);
    }

    #[test]
    fn malformed_lines_are_errors() {
        let spec = &SPECS[1];
        let good = r#"{"id":"x","source":"s","claim":"c","label":0,"domain":"news","doc_id":"d","edit_types_gpt4":["antonym_swap","antonym_swap"]}"#;
        let (item, source) = parse_bench_line(spec, good).unwrap();
        assert_eq!(source, "s");
        assert!(!item.consistent);
        assert_eq!(item.types, vec![vec!["antonym_swap".to_string()]]);
        for bad in [
            "not json",
            "[1]",
            r#"{"id":"x","source":"s","claim":"c","label":2,"domain":"n","doc_id":"d"}"#,
            r#"{"id":"x","source":"s","claim":"","label":1,"domain":"n","doc_id":"d"}"#,
            r#"{"id":"x","source":"s","claim":"c","label":1,"doc_id":"d"}"#,
            r#"{"source":"s","claim":"c","label":1,"domain":"n","doc_id":"d"}"#,
            r#"{"id":"x","source":"s","claim":"c","label":1,"domain":"n","doc_id":"d","edit_types_gpt4":"a"}"#,
        ] {
            assert!(parse_bench_line(spec, bad).is_err(), "{bad}");
        }
    }

    /// A reference summary is checked once per (sub-corpus, document, summary), however many
    /// units of that document the benchmark has.
    #[test]
    fn references_once_per_document() {
        let dir = std::env::temp_dir().join(format!("claimcheck-refs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let line = |id: &str, doc: &str, reference: &str| {
            serde_json::json!({"id": id, "source": format!("A: {doc}"), "claim": "c", "label": 1,
                "dataset": "SAMSum", "doc_id": doc, "reference_summary": reference})
            .to_string()
        };
        let lines = [
            line("1", "d1", "r1"),
            line("2", "d1", "r1"),
            line("3", "d2", "r2"),
        ];
        let bench = dir.join("b.jsonl");
        std::fs::write(&bench, lines.join("\n")).unwrap();
        let (input, refs_at) = (dir.join("in.jsonl"), dir.join("refs.jsonl"));
        let (items, refs) = read_bench(&SPECS[0], &bench, None, &input, Some(&refs_at)).unwrap();
        assert_eq!(items.len(), 3);
        let claims: Vec<&str> = refs.iter().map(|r| r.claim.as_str()).collect();
        assert_eq!(claims, ["r1", "r2"]);
        assert!(refs.iter().all(|r| r.consistent));
        let written = std::fs::read_to_string(&refs_at).unwrap();
        assert_eq!(written.lines().count(), 2);
        assert!(written.contains(r#""source":"A: d2""#));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn missing_folder_is_skipped() {
        let opts = Options {
            limit: None,
            examples: 0,
            top_reasons: 5,
            timeout: Duration::from_secs(1),
        };
        let missing = Path::new("/nonexistent/claimcheck-bench");
        assert!(run(
            missing,
            Path::new("/nonexistent/bin"),
            Path::new("/nonexistent/out"),
            &opts
        )
        .is_ok());
    }
}
