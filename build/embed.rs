//! The shipped YAML files: read, embedded as text, parsed for the other jobs.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// One shipped file: its name in `data/`, its path and its text.
pub struct DataFile {
    pub name: String,
    pub path: PathBuf,
    pub text: String,
}

/// Every `data/*.yaml` file, sorted by name (never `read_dir` order). A file that
/// cannot be read fails the build.
pub fn read_data(data: &Path) -> Vec<DataFile> {
    let listing =
        fs::read_dir(data).unwrap_or_else(|e| panic!("cannot list {}: {e}", data.display()));
    let mut names: Vec<String> = listing
        .map(|item| match item {
            Ok(item) => item.file_name().to_string_lossy().into_owned(),
            Err(e) => panic!("cannot list {}: {e}", data.display()),
        })
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let path = data.join(&name);
            println!("cargo::rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read data/{name}: {e}"));
            DataFile { name, path, text }
        })
        .collect()
}

/// `&[("c5.yaml", include_str!("…/data/c5.yaml")), …]`.
pub fn texts(files: &[DataFile]) -> String {
    let mut out = String::from("&[\n");
    for f in files {
        let _ = writeln!(
            out,
            "    ({:?}, include_str!({:?})),",
            f.name,
            f.path.display().to_string()
        );
    }
    out.push(']');
    out
}

/// Each file as a JSON value. A file that is not YAML fails the build.
pub fn parse(files: &[DataFile]) -> Vec<serde_json::Value> {
    files
        .iter()
        .map(|f| {
            // Strict booleans: `no` is Norway's code, not false.
            let options = serde_saphyr::options! { strict_booleans: true };
            serde_saphyr::from_str_with_options::<serde_json::Value>(&f.text, options)
                .unwrap_or_else(|e| {
                    panic!(
                        "data/{} is not valid YAML, so the catalog cannot be embedded; run `cargo run -- validate data` for every problem: {}",
                        f.name,
                        e.without_snippet()
                    )
                })
        })
        .collect()
}
