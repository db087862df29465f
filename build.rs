//! Embeds the shipped catalog in two forms:
//!
//! - `embedded.rs`: every `data/*.yaml` file, sorted by name, as `(file name, text)`
//!   pairs. `certs validate` checks these, with lines and columns.
//! - `embedded.json`: the same files converted to one JSON array. Parsing it at run
//!   time costs a small fraction of parsing the YAML (see BENCHMARKS.md), and every
//!   other command reads it. It is rebuilt whenever a file in `data/` changes, and a
//!   test checks that it holds exactly what the YAML says.
//!
//! A file that does not parse fails the build, as bat's build fails on a bad built-in
//! mapping: a binary must not ship a catalog it cannot read. The typed checks run in
//! the tests (`embedded_json_holds_exactly_what_the_yaml_says`, and `certs validate`
//! in CI), which load this JSON on its own, with no fallback to the YAML.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    // A position-dependent executable: the dynamic loader then has no relative
    // relocations to apply at start-up (about a fifth of the instructions of
    // `certs list` on the embedded catalog; see BENCHMARKS.md).
    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let data = Path::new(&manifest).join("data");
    println!("cargo::rerun-if-changed={}", data.display());

    let mut names: Vec<String> = fs::read_dir(&data)
        .expect("the data/ directory is part of the crate")
        .map(|e| {
            e.expect("data/ is readable")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    names.sort();

    let mut texts = String::from("&[\n");
    let mut values = Vec::with_capacity(names.len());
    for name in &names {
        let path = data.join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        writeln!(
            texts,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
        let text = fs::read_to_string(&path).unwrap_or_default();
        // Strict booleans: `no` is Norway's code, not false.
        let options = serde_saphyr::options! { strict_booleans: true };
        match serde_saphyr::from_str_with_options::<serde_json::Value>(&text, options) {
            Ok(v) => values.push(v),
            Err(e) => panic!(
                "data/{name} is not valid YAML, so the catalog cannot be embedded; run `cargo run -- validate data` for every problem: {}",
                e.without_snippet()
            ),
        }
    }
    texts.push(']');
    // For `certs --version`: what the embedded catalog holds, found here so that
    // starting the binary costs nothing for it. The stamps sort as text.
    let latest = values
        .iter()
        .filter_map(|v| v.get("source_updated")?.as_str())
        .max()
        .unwrap_or("none");
    // The publisher from the manifest's top-level `publisher = "…"` line; a test
    // checks that `--version` agrees with the manifest as the binary parses it.
    let manifest_path = data.join("catalog.toml");
    println!("cargo::rerun-if-changed={}", manifest_path.display());
    let manifest = fs::read_to_string(&manifest_path).unwrap_or_default();
    let publisher = manifest
        .lines()
        .take_while(|l| !l.trim_start().starts_with('['))
        .find_map(|l| l.trim().strip_prefix("publisher"))
        .and_then(|rest| rest.trim().strip_prefix('='))
        .map(|v| v.trim().trim_matches('"').to_owned())
        .unwrap_or_else(|| "unnamed".to_owned());
    println!(
        "cargo::rustc-env=CERTS_CATALOG_SUMMARY={} entries from {publisher}, latest source update {latest}",
        values.len()
    );
    let json = serde_json::to_string(&values).expect("JSON values serialize");
    fs::write(Path::new(&out_dir).join("embedded.rs"), texts).expect("OUT_DIR is writable");
    fs::write(Path::new(&out_dir).join("embedded.json"), json).expect("OUT_DIR is writable");
}
