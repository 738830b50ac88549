//! Speed and scale benchmark (`just bench`): a long pair, then 100 and 1000 seed-sized pairs.
//!
//! Every input is generated here, deterministically: a fixed-seed PRNG walks a word-bigram chain
//! learnt from the seed transcript (`fixtures/lavrov-ntv-2026-02-10/primary.txt`, compiled in),
//! with some words swapped for made-up ones so the vocabulary keeps growing with the text as real
//! text does. Nothing large is kept in git.
//!
//! * Long pair: a ~3 MB primary of ~100 interview transcripts ("Question:" / "Name:" turns) and a
//!   secondary of 400 claims (verbatim, quoted, trimmed, invented, numeric, opinion). Timed
//!   in-process (ingest + index + assess, the library calls the CLI makes), then run through
//!   `claimcheck compare` in a child process whose peak RSS comes from
//!   `getrusage(RUSAGE_CHILDREN)`.
//! * 1000 pairs of the seed's size (30 KB primary, 5 KB secondary) through `claimcheck batch`, and
//!   the first 100 of them, for throughput and for how cost grows with the number of pairs.
//!
//! Every batch run writes a folder of its own, and the outputs are deleted only when the bench
//! ends. On ext4 without a journal (as on this project's machines) a file created within a few
//! minutes of thousands being deleted nearby costs far more system time (the inode allocator
//! skips the just-deleted ones), so a second `just bench` started right after a first shows
//! it: the batch lines print the system share of the CPU to tell.
//!
//! Each figure is the median of three runs (one, when the first takes over 20 s, to stay within a
//! few minutes) and is printed with PASS or FAIL against its target; the process exits with
//! status 1 when any target fails. Row counts are checked against the number of claims generated,
//! so a fast wrong answer fails too (with a panic).
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a benchmark reports on stdout"
)]

use claimcheck_align::{assess_all, claims, Primary, Thresholds};
use claimcheck_core::Encoding;
use claimcheck_ingest::{parse_article, parse_transcript, SpeakerHints};
use claimcheck_report::read_rows;
use nix::sys::resource::{getrusage, UsageWho};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The raw material: the seed pair's transcript.
const SEED: &str = include_str!("../../../fixtures/lavrov-ntv-2026-02-10/primary.txt");
/// The claimcheck binary that cargo built alongside this bench.
const CLAIMCHECK: &str = env!("CARGO_BIN_EXE_claimcheck");

/// Targets (issue 5).
const LONG_WALL_TARGET_S: f64 = 0.5;
const LONG_RSS_TARGET_MB: f64 = 300.0;
const PAIRS_PER_S_TARGET: f64 = 500.0;
const SCALING_TARGET: f64 = 11.0;

/// Sizes.
const LONG_PRIMARY_BYTES: usize = 3_000_000;
const LONG_CLAIMS: usize = 400;
const PAIR_PRIMARY_BYTES: usize = 30_000;
const PAIR_SECONDARY_BYTES: usize = 5_000;
const MANY: usize = 1000;
const FEW: usize = 100;

/// Runs per timing; fewer when one run is slow, so the bench stays within a few minutes.
const RUNS: usize = 3;
/// A timing whose first run takes longer than this is not repeated.
const SLOW: Duration = Duration::from_secs(20);

fn main() {
    let started = Instant::now();
    // `cargo bench` passes `--bench`; `-- --generate-only` writes the inputs and stops.
    let generate_only = std::env::args().any(|a| a == "--generate-only");
    // CLAIMCHECK_BENCH_DIR keeps the generated inputs and outputs there, for profiling.
    let kept = std::env::var_os("CLAIMCHECK_BENCH_DIR").map(PathBuf::from);
    let temp = tempfile::Builder::new()
        .prefix("claimcheck-bench-")
        .tempdir()
        .expect("creating a temporary folder");
    let root: &Path = kept.as_deref().unwrap_or(temp.path());
    for sub in ["long", "many", "few", "out-few", "out-many"] {
        // Stale pairs from an earlier kept run would be counted; start afresh.
        let path = root.join(sub);
        if path.exists() {
            std::fs::remove_dir_all(&path).expect("clearing CLAIMCHECK_BENCH_DIR");
        }
    }
    println!("claimcheck speed and scale");
    println!(
        "machine: {} cores ({}); claimcheck: {CLAIMCHECK}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model()
    );
    // Other jobs on a shared machine slow every figure: the load says how busy it was.
    println!("load average at start: {}", load_average());

    let chain = Chain::learn(SEED);
    let names = speaker_names();
    let long = root.join("long");
    let long_pair = make_long_pair(&chain, &names, &long);
    let many = root.join("many");
    let few = root.join("few");
    let expected = make_pairs(&chain, &names, &many, &few);
    println!(
        "inputs in {} ({:.1} s)",
        root.display(),
        secs(started.elapsed())
    );
    if generate_only {
        if kept.is_none() {
            println!("(set CLAIMCHECK_BENCH_DIR to keep them)");
        }
        return;
    }

    let mut report = Report::default();
    println!("\nlong pair:");
    long_pair_in_process(&long_pair, &mut report);
    long_pair_cli(&long, long_pair.claims, &mut report);
    drop(long_pair);

    println!("\nmany pairs:");
    let few_expected: BTreeMap<String, usize> = expected
        .iter()
        .take(FEW)
        .map(|(k, v)| (k.clone(), *v))
        .collect();
    let t_few = batch(&few, &root.join("out-few"), &few_expected, None);
    // Ten times the pairs: allow for it before deciding how often to repeat.
    let runs_many = if t_few.first * 10 > SLOW { 1 } else { RUNS };
    let t_many = batch(&many, &root.join("out-many"), &expected, Some(runs_many));
    report.check(
        &format!("batch: {MANY} pairs, pairs per second"),
        MANY as f64 / secs(t_many.median),
        "pairs/s",
        Target::AtLeast(PAIRS_PER_S_TARGET),
    );
    println!(
        "    ({FEW} pairs: {:.0} pairs/s; {:.2} ms of CPU per pair over {MANY} pairs)",
        FEW as f64 / secs(t_few.median),
        t_many.cpu_per_run.as_secs_f64() * 1e3 / MANY as f64
    );
    report.check(
        &format!("batch: {MANY} pairs cost / {FEW} pairs cost"),
        secs(t_many.median) / secs(t_few.median),
        "x",
        Target::AtMost(SCALING_TARGET),
    );

    drop(temp);
    println!("\nbench took {:.1} s", secs(started.elapsed()));
    if report.failed {
        println!("FAIL: some targets were missed");
        std::process::exit(1);
    }
    println!("PASS: all targets met");
}

/// The long pair, in memory and on disk.
struct LongPair {
    primary: String,
    secondary: String,
    claims: usize,
}

/// Writes `dir/primary.txt` (~3 MB of transcripts) and `dir/secondary.txt` (400 claims).
fn make_long_pair(chain: &Chain, names: &[String], dir: &Path) -> LongPair {
    let mut rng = Rng(0x5eed_0001);
    let mut transcripts = Vec::new();
    let mut primary = String::new();
    while primary.len() < LONG_PRIMARY_BYTES {
        let speaker = &names[transcripts.len() % names.len()];
        let t = make_transcript(chain, &mut rng, speaker, PAIR_PRIMARY_BYTES);
        primary.push_str(&t.text);
        transcripts.push(t);
    }
    let (secondary, claims) =
        make_secondary(chain, &mut rng, &transcripts, Size::Claims(LONG_CLAIMS));
    std::fs::create_dir_all(dir).expect("creating the long pair's folder");
    std::fs::write(dir.join("primary.txt"), &primary).expect("writing the long primary");
    std::fs::write(dir.join("secondary.txt"), &secondary).expect("writing the long secondary");
    println!(
        "long pair: primary {:.2} MB ({} transcripts), secondary {:.1} KB ({claims} claims)",
        mb(primary.len()),
        transcripts.len(),
        secondary.len() as f64 / 1e3
    );
    LongPair {
        primary,
        secondary,
        claims,
    }
}

/// Writes [`MANY`] seed-sized pair folders under `many` and the first [`FEW`] of them again
/// under `few`. Returns the number of claims generated per pair.
fn make_pairs(chain: &Chain, names: &[String], many: &Path, few: &Path) -> BTreeMap<String, usize> {
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    let mut bytes = 0usize;
    for i in 0..MANY {
        let mut rng = Rng(0xba7c_0000 + i as u64);
        let speaker = &names[i % names.len()];
        let t = make_transcript(chain, &mut rng, speaker, PAIR_PRIMARY_BYTES);
        let (sec, n) = make_secondary(
            chain,
            &mut rng,
            std::slice::from_ref(&t),
            Size::Bytes(PAIR_SECONDARY_BYTES),
        );
        let name = format!("pair-{i:04}");
        let toml = format!(
            "title = \"Synthetic interview {i}\"\nspeaker = \"{speaker}\"\n\
             interviewer_labels = [\"Question\"]\n"
        );
        let mut folders = vec![many.join(&name)];
        if i < FEW {
            folders.push(few.join(&name));
        }
        for folder in folders {
            std::fs::create_dir_all(&folder).expect("creating a pair folder");
            std::fs::write(folder.join("primary.txt"), &t.text).expect("writing a primary");
            std::fs::write(folder.join("secondary.txt"), &sec).expect("writing a secondary");
            std::fs::write(folder.join("pair.toml"), &toml).expect("writing a pair.toml");
        }
        bytes += t.text.len() + sec.len();
        expected.insert(name, n);
    }
    let claims: usize = expected.values().sum();
    println!(
        "pairs: {MANY} of {:.1} KB on average ({:.1} claims each), the first {FEW} also alone",
        bytes as f64 / MANY as f64 / 1e3,
        claims as f64 / MANY as f64
    );
    expected
}

// ---------------------------------------------------------------------------------------------
// Measurements.

/// In-process: the library calls `claimcheck compare` makes, on the long pair.
fn long_pair_in_process(pair: &LongPair, report: &mut Report) {
    let expected = pair.claims;
    let mut totals = Vec::new();
    let mut parts = Vec::new();
    let mut runs = RUNS;
    let mut run = 0;
    while run < runs {
        let (p, s) = (pair.primary.clone(), pair.secondary.clone());
        let t0 = Instant::now();
        let pdoc = parse_transcript(p, Encoding::Utf8, &SpeakerHints::default());
        let sdoc = parse_article(s, Encoding::Utf8);
        let t1 = Instant::now();
        let index = Primary::new(pdoc);
        let t2 = Instant::now();
        let cs = claims(&sdoc);
        let assessments = assess_all(&index, &sdoc, &cs, &Thresholds::default());
        let t3 = Instant::now();
        assert_eq!(
            cs.len(),
            expected,
            "long pair: claimcheck_align::claims found {} claims, the generator made {expected}",
            cs.len()
        );
        assert_eq!(
            assessments.len(),
            expected,
            "long pair: one assessment per claim"
        );
        if run == 0 {
            println!(
                "  primary: {} sentences, {} turns",
                index.sentence_count(),
                index.document().turns.len()
            );
            if t3 - t0 > SLOW {
                runs = 1;
            }
        }
        totals.push(t3 - t0);
        parts.push((t1 - t0, t2 - t1, t3 - t2));
        run += 1;
    }
    let median = median(&totals);
    let i = totals.iter().position(|t| *t == median).unwrap_or(0);
    let (ingest, index, assess) = parts[i];
    report.check(
        &format!("long pair: ingest+index+assess, in-process (median of {runs})"),
        secs(median),
        "s",
        Target::AtMost(LONG_WALL_TARGET_S),
    );
    println!(
        "    (ingest {:.3} s, index {:.3} s, claims+assess {:.3} s = {:.2} ms per claim)",
        secs(ingest),
        secs(index),
        secs(assess),
        secs(assess) * 1e3 / expected as f64
    );
}

/// In a child process: `claimcheck compare` on the long pair; its peak RSS.
fn long_pair_cli(dir: &Path, expected: usize, report: &mut Report) {
    let (primary, secondary) = (dir.join("primary.txt"), dir.join("secondary.txt"));
    let out = dir.join("out.csv");
    let mut walls = Vec::new();
    let mut runs = RUNS;
    let mut run = 0;
    while run < runs {
        let t0 = Instant::now();
        let status = Command::new(CLAIMCHECK)
            .arg("compare")
            .arg(&primary)
            .arg(&secondary)
            .arg("-o")
            .arg(&out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("running claimcheck compare");
        let wall = t0.elapsed();
        assert!(status.success(), "claimcheck compare failed: {status}");
        let rows = read_rows(std::fs::File::open(&out).expect("opening the compare output"))
            .expect("reading the compare output");
        assert_eq!(
            rows.len(),
            expected,
            "long pair: claimcheck compare wrote {} rows for {expected} claims",
            rows.len()
        );
        if run == 0 && wall > SLOW {
            runs = 1;
        }
        walls.push(wall);
        run += 1;
    }
    // The long pair is this process's first child, so the children's peak is its peak.
    let max_rss_kb = getrusage(UsageWho::RUSAGE_CHILDREN)
        .expect("getrusage")
        .max_rss();
    println!(
        "  claimcheck compare, end to end (median of {runs}): {:.3} s",
        secs(median(&walls))
    );
    report.check(
        "long pair: peak RSS of claimcheck compare",
        max_rss_kb as f64 / 1024.0,
        "MB",
        Target::AtMost(LONG_RSS_TARGET_MB),
    );
}

/// Wall times of `claimcheck batch` over a fixtures folder.
struct BatchTimes {
    first: Duration,
    median: Duration,
    /// User + system CPU of the children per run.
    cpu_per_run: Duration,
    /// The system part of it: the kernel's share, mostly writing the reports.
    sys_per_run: Duration,
}

/// Runs `claimcheck batch` `runs` times (default [`RUNS`], or once when the first run is slow)
/// and checks the rows of the first run against the claims generated for each pair.
fn batch(
    fixtures: &Path,
    out: &Path,
    expected: &BTreeMap<String, usize>,
    runs: Option<usize>,
) -> BatchTimes {
    let pairs = expected.len();
    let mut runs = runs.unwrap_or(RUNS);
    let mut walls = Vec::new();
    let (cpu_before, sys_before) = (children_cpu(), children_sys());
    let mut run = 0;
    while run < runs {
        // Each run writes a new folder, and none is deleted before the bench ends: deleting
        // thousands of reports right before a timed run would make it pay for the file system's
        // handling of just-deleted files (BENCHMARKS.md, session 6), which is not claimcheck's.
        let out = out.join(format!("run-{}", run + 1));
        let t0 = Instant::now();
        let result = Command::new(CLAIMCHECK)
            .arg("batch")
            .arg("--fixtures")
            .arg(fixtures)
            .arg("--out")
            .arg(&out)
            .stderr(Stdio::inherit())
            .output()
            .expect("running claimcheck batch");
        let wall = t0.elapsed();
        assert!(
            result.status.success(),
            "claimcheck batch failed: {}",
            result.status
        );
        if run == 0 {
            check_batch(&out, expected);
            if wall > SLOW {
                runs = 1;
            }
        }
        walls.push(wall);
        run += 1;
    }
    let cpu = children_cpu().saturating_sub(cpu_before);
    let sys = children_sys().saturating_sub(sys_before);
    let t = BatchTimes {
        first: walls[0],
        median: median(&walls),
        cpu_per_run: cpu / runs as u32,
        sys_per_run: sys / runs as u32,
    };
    let (fastest, slowest) = (walls.iter().min(), walls.iter().max());
    println!(
        "  batch: {pairs} pairs (median of {runs}): {:.3} s wall (runs {:.3}-{:.3} s), {:.3} s CPU ({:.3} s of it system)",
        secs(t.median),
        fastest.map_or(0.0, |d| secs(*d)),
        slowest.map_or(0.0, |d| secs(*d)),
        t.cpu_per_run.as_secs_f64(),
        t.sys_per_run.as_secs_f64()
    );
    t
}

/// The 1, 5 and 15 minute load averages from `/proc/loadavg`, or "unknown" elsewhere.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".into())
}

/// The combined CSV and every per-pair CSV hold exactly one row per generated claim.
fn check_batch(out: &Path, expected: &BTreeMap<String, usize>) {
    let combined = std::fs::File::open(out.join("discrepancies.csv")).expect("discrepancies.csv");
    let rows = read_rows(combined).expect("reading discrepancies.csv");
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for r in &rows {
        *counts.entry(r.pair.clone()).or_default() += 1;
    }
    let total: usize = expected.values().sum();
    assert_eq!(
        rows.len(),
        total,
        "discrepancies.csv has {} rows for {total} claims",
        rows.len()
    );
    assert_eq!(&counts, expected, "rows per pair in discrepancies.csv");
    for (name, &n) in expected {
        let path = out.join(format!("{name}.csv"));
        let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let rows = read_rows(file).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(rows.len(), n, "{}: rows", path.display());
        assert!(out.join(format!("{name}.html")).is_file(), "{name}.html");
    }
    assert!(out.join("index.html").is_file(), "index.html");
}

/// User plus system CPU time of the waited-for children so far.
fn children_cpu() -> Duration {
    let u = getrusage(UsageWho::RUSAGE_CHILDREN).expect("getrusage");
    duration(u.user_time()) + duration(u.system_time())
}

/// System CPU time of the waited-for children so far.
fn children_sys() -> Duration {
    duration(
        getrusage(UsageWho::RUSAGE_CHILDREN)
            .expect("getrusage")
            .system_time(),
    )
}

fn duration(t: nix::sys::time::TimeVal) -> Duration {
    Duration::from_secs(t.tv_sec().max(0) as u64) + Duration::from_micros(t.tv_usec().max(0) as u64)
}

// ---------------------------------------------------------------------------------------------
// Reporting.

enum Target {
    AtMost(f64),
    AtLeast(f64),
}

#[derive(Default)]
struct Report {
    failed: bool,
}

impl Report {
    fn check(&mut self, what: &str, value: f64, unit: &str, target: Target) {
        let (ok, bound) = match target {
            Target::AtMost(t) => (value <= t, format!("<= {t}")),
            Target::AtLeast(t) => (value >= t, format!(">= {t}")),
        };
        self.failed |= !ok;
        println!(
            "  {what}: {value:.3} {unit}  (target {bound} {unit})  {}",
            if ok { "PASS" } else { "FAIL" }
        );
    }
}

fn median(xs: &[Duration]) -> Duration {
    let mut v = xs.to_vec();
    v.sort();
    v[v.len() / 2]
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, m)| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

// ---------------------------------------------------------------------------------------------
// Generation.

/// splitmix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// Roughly Zipf-distributed over `0..n`: rank `r` comes up about as often as `1 / r`.
    fn zipf(&mut self, n: usize) -> usize {
        let x = ((n as f64 + 1.0).ln() * self.unit()).exp() - 1.0;
        (x as usize).min(n - 1)
    }
}

/// Abbreviations the segmenter does not split after; a generated sentence never ends with one.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "vs", "etc", "al", "no", "gen", "gov",
    "sen", "rep", "col", "lt", "sgt", "capt", "cmdr", "adm", "inc", "ltd", "co", "corp", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "fig",
    "vol", "p", "pp", "ca", "mt", "ft",
];

const END: u32 = u32::MAX;

/// A word-bigram chain: for each word, the words seen after it (with repeats) or [`END`].
struct Chain {
    words: Vec<String>,
    next: Vec<Vec<u32>>,
    starts: Vec<u32>,
}

impl Chain {
    fn learn(text: &str) -> Chain {
        let mut ids: BTreeMap<String, u32> = BTreeMap::new();
        let mut chain = Chain {
            words: Vec::new(),
            next: Vec::new(),
            starts: Vec::new(),
        };
        let mut prev: Option<u32> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let word_char = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-');
            if !c.is_alphanumeric() {
                if matches!(c, '.' | '?' | '!' | '\n') {
                    if let Some(p) = prev.take() {
                        chain.next[p as usize].push(END);
                    }
                }
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !word_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let word = text[i..end].trim_end_matches(['\'', '’', '-']);
            let next_id = chain.words.len() as u32;
            let id = *ids.entry(word.to_string()).or_insert(next_id);
            if id == next_id {
                chain.words.push(word.to_string());
                chain.next.push(Vec::new());
            }
            match prev {
                Some(p) => chain.next[p as usize].push(id),
                None => chain.starts.push(id),
            }
            prev = Some(id);
        }
        if let Some(p) = prev {
            chain.next[p as usize].push(END);
        }
        chain
    }

    /// A new sentence of 6 to 32 words ending in `end`, with a few words swapped for made-up
    /// ones (drawn Zipf-like from a large pool, so the vocabulary keeps growing).
    fn sentence(&self, rng: &mut Rng, end: char) -> String {
        loop {
            let mut words: Vec<&str> = Vec::new();
            let mut w = self.starts[rng.below(self.starts.len())];
            while words.len() < 32 {
                words.push(&self.words[w as usize]);
                let nexts = &self.next[w as usize];
                let n = if nexts.is_empty() {
                    END
                } else {
                    nexts[rng.below(nexts.len())]
                };
                if n == END {
                    break;
                }
                w = n;
            }
            let last = words.last().copied().unwrap_or("").to_lowercase();
            if words.len() < 6 || last.chars().count() < 2 || ABBREVIATIONS.contains(&last.as_str())
            {
                continue;
            }
            let mut out = String::new();
            for (i, w) in words.iter().enumerate() {
                if i > 0 {
                    if i > 1 && i + 1 < words.len() && rng.chance(0.06) {
                        out.push(',');
                    }
                    out.push(' ');
                }
                let lower = w.chars().all(|c| c.is_lowercase());
                let capital = w.chars().next().is_some_and(char::is_uppercase);
                if lower && w.len() >= 6 && rng.chance(0.06) {
                    out.push_str(&made_up(rng.zipf(40_000)));
                } else if capital && i > 0 && w.len() >= 4 && rng.chance(0.15) {
                    let m = made_up(rng.zipf(5_000));
                    let mut cs = m.chars();
                    if let Some(f) = cs.next() {
                        out.extend(f.to_uppercase());
                        out.push_str(cs.as_str());
                    }
                } else if i == 0 {
                    let mut cs = w.chars();
                    if let Some(f) = cs.next() {
                        out.extend(f.to_uppercase());
                        out.push_str(cs.as_str());
                    }
                } else {
                    out.push_str(w);
                }
            }
            out.push(end);
            return out;
        }
    }
}

/// The `i`-th made-up word: three or more syllables and an English-looking ending.
fn made_up(i: usize) -> String {
    const SYLLABLES: &[&str] = &[
        "ba", "ve", "ki", "lo", "mu", "tra", "sen", "dor", "pel", "qua", "ri", "sto", "gan", "fel",
        "ix", "or", "um", "zen", "har", "lin",
    ];
    const ENDINGS: &[&str] = &["", "s", "ed", "ing", "er", "ation"];
    let mut n = i + SYLLABLES.len() * SYLLABLES.len();
    let mut out = String::new();
    while n > 0 {
        out.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    out.push_str(ENDINGS[(i / 7) % ENDINGS.len()]);
    out
}

fn speaker_names() -> Vec<String> {
    const FIRST: &[&str] = &[
        "Anna", "Boris", "Clara", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
        "Kemal", "Lena", "Marco", "Nadia", "Oleg", "Priya", "Rafael", "Sofia", "Tomas", "Yara",
    ];
    const LAST: &[&str] = &[
        "Petrova",
        "Lindqvist",
        "Okafor",
        "Moreau",
        "Tanaka",
        "Haddad",
        "Kowalski",
        "Silva",
        "Brennan",
        "Novak",
        "Castillo",
        "Jansen",
        "Abebe",
        "Romano",
        "Varga",
    ];
    let mut out = Vec::new();
    for (i, f) in FIRST.iter().enumerate() {
        for j in 0..LAST.len() {
            out.push(format!("{f} {}", LAST[(i * 7 + j) % LAST.len()]));
        }
    }
    out
}

/// One generated interview.
struct Transcript {
    text: String,
    speaker: String,
    /// The sentences the speaker says, for claims to draw on.
    answers: Vec<String>,
}

fn make_transcript(chain: &Chain, rng: &mut Rng, speaker: &str, bytes: usize) -> Transcript {
    let mut text = String::new();
    let mut answers = Vec::new();
    let _ = write!(
        text,
        "Interview with {speaker}\n\nRecorded on day {} of the year {}\n\n",
        rng.range(1, 365),
        rng.range(1990, 2026)
    );
    while text.len() < bytes {
        text.push_str("Question: ");
        for k in 0..rng.range(1, 2) {
            if k > 0 {
                text.push(' ');
            }
            let end = if k == 0 { '?' } else { '.' };
            text.push_str(&chain.sentence(rng, end));
        }
        let _ = write!(text, "\n\n{speaker}: ");
        for p in 0..rng.range(1, 3) {
            if p > 0 {
                text.push_str("\n\n");
            }
            for k in 0..rng.range(2, 6) {
                if k > 0 {
                    text.push(' ');
                }
                let s = chain.sentence(rng, '.');
                text.push_str(&s);
                answers.push(s);
            }
        }
        text.push_str("\n\n");
    }
    Transcript {
        text,
        speaker: speaker.to_string(),
        answers,
    }
}

/// How big a secondary to make.
enum Size {
    Claims(usize),
    Bytes(usize),
}

/// A secondary about `sources`: paragraphs of claims of every kind. Returns the text and the
/// number of claims in it.
fn make_secondary(
    chain: &Chain,
    rng: &mut Rng,
    sources: &[Transcript],
    size: Size,
) -> (String, usize) {
    let mut text = String::new();
    let mut n = 0usize;
    let mut in_paragraph = 0usize;
    let mut paragraph = rng.range(3, 5);
    loop {
        let done = match size {
            Size::Claims(c) => n >= c,
            Size::Bytes(b) => text.len() >= b,
        };
        if done {
            break;
        }
        if in_paragraph == paragraph {
            text.push_str("\n\n");
            in_paragraph = 0;
            paragraph = rng.range(3, 5);
        } else if in_paragraph > 0 {
            text.push(' ');
        }
        let t = &sources[rng.below(sources.len())];
        let surname = t.speaker.rsplit(' ').next().unwrap_or(&t.speaker);
        let answer = &t.answers[rng.below(t.answers.len())];
        let body = answer.trim_end_matches('.');
        let claim = match rng.below(100) {
            // Word for word.
            0..=19 => answer.clone(),
            // Quoted.
            20..=34 => format!("{surname} said “{body}”."),
            // Trimmed: some words left out.
            35..=59 => {
                let words: Vec<&str> = body.split(' ').collect();
                let kept: Vec<&str> = words
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i < 3 || *i + 1 == words.len() || !rng.chance(0.2))
                    .map(|(_, w)| *w)
                    .collect();
                format!("{surname} argued that {}.", lower_first(&kept.join(" ")))
            }
            // A number the speaker may or may not have given.
            60..=64 => format!(
                "{surname} said the figure was {} percent in {}.",
                rng.range(2, 95),
                rng.range(1990, 2026)
            ),
            // Invented.
            65..=89 => chain.sentence(rng, '.'),
            // The author's own view.
            _ => format!("In my view {}", lower_first(&chain.sentence(rng, '.'))),
        };
        text.push_str(&claim);
        in_paragraph += 1;
        n += 1;
    }
    text.push('\n');
    (text, n)
}

/// Lowercases the first letter unless the first word is "I", a name or an acronym.
fn lower_first(s: &str) -> String {
    let first = s.split(' ').next().unwrap_or("");
    let mut cs = s.chars();
    match cs.next() {
        Some(f) if first.chars().count() > 1 && first.chars().skip(1).all(char::is_lowercase) => {
            f.to_lowercase().chain(cs).collect()
        }
        _ => s.to_string(),
    }
}
