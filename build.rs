//! Embeds the shipped catalog: every `data/*.yaml` file, sorted by name, as
//! `(file name, text)` pairs for `src/catalog.rs`. The files are checked by the
//! `embedded_catalog_loads_clean` test and by `certs validate` in CI.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
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
    assert!(!names.is_empty(), "data/ holds no .yaml files");

    let mut out = String::from("&[\n");
    for name in &names {
        let path = data.join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push(']');
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
