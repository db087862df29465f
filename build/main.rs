//! Embeds the shipped catalog, one job a module, as bat's `build/` does:
//!
//! - [`embed`]: every `data/*.yaml` file, sorted by name, as `(file name, text)` pairs
//!   in `embedded.rs`. `certs validate` checks these, with lines and columns.
//! - [`literals`]: the same entries as Rust struct literals of the model in
//!   `embedded_entries.rs`. Building them at run time costs a fraction of parsing YAML
//!   or JSON (see BENCHMARKS.md), and every other command reads them; a test checks
//!   that they hold exactly what the YAML says.
//! - [`confusables`]: the UTS #39 confusable prototypes as tables of numbers, which
//!   the dynamic loader need not relocate at every start.
//! - [`version`]: what `certs --version` says the embedded catalog holds, from the
//!   entries and the manifest (`data/catalog.toml`, parsed with `toml`).
//!
//! A file that cannot be read or parsed fails the build, as bat's build fails on a bad
//! built-in mapping: a binary must not ship a catalog it cannot read. The typed checks
//! run in the tests (`embedded_entries_hold_exactly_what_the_yaml_says`, and `certs
//! validate` in CI), which build the entries on their own, with no fallback.

mod confusables;
mod embed;
mod literals;
mod version;

use std::path::Path;
use std::{env, fs};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out_dir);
    let data = Path::new(&manifest).join("data");
    println!("cargo::rerun-if-changed={}", data.display());

    write(&out.join("confusables.rs"), &confusables::table());
    let files = embed::read_data(&data);
    write(&out.join("embedded.rs"), &embed::texts(&files));
    let values = embed::parse(&files);
    write(
        &out.join("embedded_entries.rs"),
        &literals::entries(&values),
    );
    println!(
        "cargo::rustc-env=CERTS_CATALOG_SUMMARY={}",
        version::summary(&values, &data.join("catalog.toml"))
    );
}

fn write(path: &Path, text: &str) {
    if let Err(e) = fs::write(path, text) {
        panic!("cannot write {}: {e}", path.display());
    }
}
