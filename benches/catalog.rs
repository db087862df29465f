//! `cargo bench`: loading, filtering and rendering, in process, with a plain harness
//! (no dependencies; criterion would add its tree to every test build).
//!
//! Cases: the embedded catalog through both paths (build-time JSON and YAML), each
//! filter, each output format, and directory catalogs of 1,000, 10,000 and 100,000
//! synthetic entries (written once under target/bench-catalogs). Give a word to run
//! only the cases whose name contains it: `cargo bench -- filter`, `cargo bench -- 10k`.
//! Whole-process numbers (hyperfine, yq) are in BENCHMARKS.md.

mod synth;

use std::hint::black_box;
use std::io::sink;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use certs::answer::query::{Search, Selection};
use certs::answer::report::EntryRow;
use certs::load::{self, Source};
use certs::render::{self, ListFormat, Style};

fn main() {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let run = |name: &str| wanted.is_empty() || wanted.iter().any(|w| name.contains(w.as_str()));
    let today = chrono::Local::now().date_naive();
    println!(
        "{:<40} {:>12} {:>12} {:>8}",
        "case", "median", "per entry", "runs"
    );

    let embedded = load::read(&Source::Embedded, || today)
        .expect("embedded catalog")
        .catalog;
    let n = embedded.entries().len();
    if run("load embedded json") {
        bench("load embedded json", n, || {
            load::read(&Source::Embedded, || today).map(|l| l.catalog)
        });
    }
    if run("load embedded yaml") {
        bench("load embedded yaml", n, || {
            load::load(&Source::Embedded, today).map(|l| l.catalog)
        });
    }

    let filters: [(&str, Selection); 6] = [
        (
            "filter region sg",
            Selection {
                regions: vec!["sg".parse().unwrap()],
                ..Selection::new(today)
            },
        ),
        (
            "filter region eu (group)",
            Selection {
                regions: vec!["eu".parse().unwrap()],
                ..Selection::new(today)
            },
        ),
        (
            "filter industry finance",
            Selection {
                industries: vec!["finance".parse().unwrap()],
                ..Selection::new(today)
            },
        ),
        (
            "filter kind attestation",
            Selection {
                kinds: vec!["attestation".parse().unwrap()],
                ..Selection::new(today)
            },
        ),
        (
            "filter search cohasset",
            Selection {
                search: Search::new(&["cohasset"]),
                ..Selection::new(today)
            },
        ),
        (
            "filter updated since",
            Selection {
                updated_since: Some("2024-01-01".parse().unwrap()),
                ..Selection::new(today)
            },
        ),
    ];
    for (name, filter) in &filters {
        if run(name) {
            bench(name, n, || {
                Ok::<_, ()>(filter.apply(embedded.entries()).len())
            });
        }
    }

    let everything = Selection::new(today);
    for format in [
        ListFormat::Table,
        ListFormat::Json,
        ListFormat::Yaml,
        ListFormat::Csv,
        ListFormat::Tsv,
        ListFormat::Ids,
        ListFormat::Markdown,
    ] {
        let name = format!("render {format:?}").to_lowercase();
        if run(&name) {
            bench(&name, n, || {
                let rows: Vec<EntryRow> = everything
                    .apply(embedded.entries())
                    .into_iter()
                    .map(|selected| EntryRow {
                        selected,
                        explain: false,
                    })
                    .collect();
                render::listing(&mut sink(), format, &Style::default(), &rows, false)
            });
        }
    }

    for (label, count) in [("1k", 1_000), ("10k", 10_000), ("100k", 100_000)] {
        let name = format!("load dir {label}");
        if run(&name) {
            let dir = synthetic(count);
            bench(&name, count, || {
                load::load(&Source::Dir(dir.clone()), today).map(|l| l.catalog)
            });
        }
    }
}

/// A catalog of `count` synthetic entries, written once and reused.
fn synthetic(count: usize) -> PathBuf {
    // Named for the generator's version: catalogs an older generator wrote under
    // `bench-catalogs/{count}` no longer validate (tests/synthetic.rs).
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-catalogs/v2-{count}"));
    // The entries and the manifest.
    let have = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    if have != count + 1 {
        let _ = std::fs::remove_dir_all(&dir);
        synth::write_catalog(&dir, count);
    }
    dir
}

/// Runs `f` for at least a second (and at least 5 times), prints the median.
fn bench<T, E: std::fmt::Debug>(name: &str, entries: usize, mut f: impl FnMut() -> Result<T, E>) {
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < 5 || (started.elapsed() < Duration::from_secs(1) && times.len() < 10_000) {
        let t = Instant::now();
        black_box(f().expect("benchmark case failed"));
        times.push(t.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    let per = median / entries.max(1) as u32;
    println!(
        "{name:<40} {:>12} {:>12} {:>8}",
        fmt(median),
        fmt(per),
        times.len()
    );
}

fn fmt(d: Duration) -> String {
    let ns = d.as_nanos();
    if ns >= 1_000_000 {
        format!("{:.2} ms", ns as f64 / 1e6)
    } else {
        format!("{:.2} µs", ns as f64 / 1e3)
    }
}
