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

use certs::catalog::{self, Source};
use certs::query::Filter;
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

    let embedded = catalog::read(&Source::Embedded, || today)
        .expect("embedded catalog")
        .catalog;
    let n = embedded.entries().len();
    if run("load embedded json") {
        bench("load embedded json", n, || {
            catalog::read(&Source::Embedded, || today).map(|l| l.catalog)
        });
    }
    if run("load embedded yaml") {
        bench("load embedded yaml", n, || {
            catalog::load(&Source::Embedded, today).map(|l| l.catalog)
        });
    }

    let filters: [(&str, Filter); 6] = [
        (
            "filter region sg",
            Filter {
                regions: vec!["sg".parse().unwrap()],
                ..Filter::default()
            },
        ),
        (
            "filter region eu (group)",
            Filter {
                regions: vec!["eu".parse().unwrap()],
                ..Filter::default()
            },
        ),
        (
            "filter industry finance",
            Filter {
                industries: vec!["finance".parse().unwrap()],
                ..Filter::default()
            },
        ),
        (
            "filter kind attestation",
            Filter {
                kinds: vec!["attestation".parse().unwrap()],
                ..Filter::default()
            },
        ),
        (
            "filter search cohasset",
            Filter {
                search: vec!["cohasset".into()],
                ..Filter::default()
            },
        ),
        (
            "filter updated since",
            Filter {
                updated_since: Some("2024-01-01".parse().unwrap()),
                ..Filter::default()
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

    let entries: Vec<_> = embedded.entries().iter().collect();
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
                let cols = render_columns();
                render::listing(
                    &mut sink(),
                    format,
                    &Style::default(),
                    &entries,
                    &cols.0,
                    &cols.1,
                )
            });
        }
    }

    for (label, count) in [("1k", 1_000), ("10k", 10_000), ("100k", 100_000)] {
        let name = format!("load dir {label}");
        if run(&name) {
            let dir = synthetic(count);
            bench(&name, count, || {
                catalog::load(&Source::Dir(dir.clone()), today).map(|l| l.catalog)
            });
        }
    }
}

/// A catalog of `count` synthetic entries, written once and reused.
fn synthetic(count: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-catalogs/{count}"));
    let have = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    if have != count {
        let _ = std::fs::remove_dir_all(&dir);
        synth::write_catalog(&dir, count);
    }
    dir
}

type Cols<'a> = (
    Vec<render::Column<&'a certs::model::Entry>>,
    Vec<render::Column<&'a certs::model::Entry>>,
);

/// The columns `certs list` uses: id and name for the table, the same plus kind for data.
fn render_columns<'a>() -> Cols<'a> {
    (
        vec![
            render::Column::new("ID", |e| e.id.to_string()),
            render::Column::new("NAME", |e| e.name.clone()),
        ],
        vec![
            render::Column::new("id", |e| e.id.to_string()),
            render::Column::new("name", |e| e.name.clone()),
            render::Column::new("kind", |e| e.kind.to_string()),
        ],
    )
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
