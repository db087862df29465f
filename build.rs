//! Embeds the shipped catalog in two forms:
//!
//! - `embedded.rs`: every `data/*.yaml` file, sorted by name, as `(file name, text)`
//!   pairs. `certs validate` checks these, with lines and columns.
//! - `embedded.json`: the same files converted to one JSON array. Parsing it at run
//!   time costs a small fraction of parsing the YAML (see BENCHMARKS.md), and every
//!   other command reads it. It is rebuilt whenever a file in `data/` changes, and a
//!   test checks that it holds exactly what the YAML says.
//!
//! A file that does not convert (a syntax error while someone edits `data/`) does not
//! fail the build: the JSON is left empty, the binary falls back to the YAML, and
//! `certs validate` reports the problem properly.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
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
    let mut converted = true;
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
            Err(e) => {
                println!(
                    "cargo::warning=data/{name} does not parse; run `cargo run -- validate`: {}",
                    e.without_snippet()
                );
                converted = false;
            }
        }
    }
    texts.push(']');
    let json = if converted {
        serde_json::to_string(&values).expect("JSON values serialize")
    } else {
        String::new()
    };
    fs::write(Path::new(&out_dir).join("embedded.rs"), texts).expect("OUT_DIR is writable");
    fs::write(Path::new(&out_dir).join("embedded.json"), json).expect("OUT_DIR is writable");
}
