//! What `certs --version` says the embedded catalog holds, found at build time so
//! that starting the binary costs nothing for it. A test checks that it agrees with
//! the manifest as the binary parses it.

use std::fs;
use std::path::Path;

/// `21 entries from Tencent Cloud, latest source update 2025-…`.
pub fn summary(values: &[serde_json::Value], manifest: &Path) -> String {
    println!("cargo::rerun-if-changed={}", manifest.display());
    // The stamps are `YYYY-MM-DD[ HH:MM:SS]`, so they sort as text.
    let latest = values
        .iter()
        .filter_map(|v| v.get("source_updated")?.as_str())
        .max()
        .unwrap_or("none");
    let text = fs::read_to_string(manifest)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", manifest.display()));
    let parsed: toml::Table = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", manifest.display()));
    let publisher = parsed
        .get("publisher")
        .and_then(|p| p.as_str())
        .unwrap_or("an unnamed publisher");
    format!(
        "{} entries from {publisher}, latest source update {latest}",
        values.len()
    )
}
