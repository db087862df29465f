//! Embeds the shipped catalog in two forms:
//!
//! - `embedded.rs`: every `data/*.yaml` file, sorted by name, as `(file name, text)`
//!   pairs. `certs validate` checks these, with lines and columns.
//! - `embedded_entries.rs`: the same entries as Rust struct literals of the model.
//!   Building them at run time costs a fraction of parsing YAML, or JSON (see
//!   BENCHMARKS.md), and every other command reads them. It is rebuilt whenever a
//!   file in `data/` changes, and a test checks that it holds exactly what the YAML
//!   says.
//!
//! A file that does not parse fails the build, as bat's build fails on a bad built-in
//! mapping: a binary must not ship a catalog it cannot read. The typed checks run in
//! the tests (`embedded_entries_hold_exactly_what_the_yaml_says`, and `certs
//! validate` in CI), which build the entries on their own, with no fallback.

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
    fs::write(Path::new(&out_dir).join("embedded.rs"), texts).expect("OUT_DIR is writable");
    let code = format!(
        "vec![\n{}]",
        values
            .iter()
            .map(entry_code)
            .collect::<Vec<_>>()
            .join(",\n")
    );
    fs::write(Path::new(&out_dir).join("embedded_entries.rs"), code).expect("OUT_DIR is writable");
}

// The shipped entries as Rust expressions, so that starting `certs` builds them
// rather than parses them: parsing them as JSON was 40% of the instructions of
// `certs list` on the embedded catalog. Each expression is a struct literal of the model, so a field
// added to `Entry` and not here fails the build; values with rules go through the
// model's own `FromStr` (the `p`, `op`, `vp` helpers in load.rs), and a test checks
// that the result equals the YAML's parse.

fn lit(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => format!("{s:?}"),
        other => format!("{:?}", other.to_string()),
    }
}

fn get<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    v.get(key).filter(|x| !x.is_null())
}

fn s(v: &serde_json::Value, key: &str) -> String {
    format!("s({})", get(v, key).map_or_else(|| "\"\"".to_owned(), lit))
}

fn os(v: &serde_json::Value, key: &str) -> String {
    match get(v, key) {
        Some(x) => format!("Some(s({}))", lit(x)),
        None => "None".to_owned(),
    }
}

fn items<'a>(v: &'a serde_json::Value, key: &str) -> Vec<&'a serde_json::Value> {
    get(v, key)
        .and_then(|x| x.as_array())
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn vs(v: &serde_json::Value, key: &str) -> String {
    let parts: Vec<String> = items(v, key).into_iter().map(lit).collect();
    format!("vs(&[{}])", parts.join(", "))
}

fn p(v: &serde_json::Value, key: &str) -> String {
    format!("p({})?", get(v, key).map_or_else(|| "\"\"".to_owned(), lit))
}

fn op(v: &serde_json::Value, key: &str) -> String {
    match get(v, key) {
        Some(x) => format!("Some(p({})?)", lit(x)),
        None => "None".to_owned(),
    }
}

fn vp(v: &serde_json::Value, key: &str) -> String {
    let parts: Vec<String> = items(v, key).into_iter().map(lit).collect();
    format!("vp(&[{}])?", parts.join(", "))
}

fn entry_code(e: &serde_json::Value) -> String {
    let empty = serde_json::Value::Object(Default::default());
    let scope = get(e, "scope").unwrap_or(&empty);
    let regions: Vec<String> = items(scope, "regions")
        .into_iter()
        .map(|r| {
            format!(
                "CoveredRegion {{ name: {}, country: {} }}",
                s(r, "name"),
                p(r, "country")
            )
        })
        .collect();
    let data_centres = match get(scope, "data_centres").and_then(|x| x.as_u64()) {
        Some(n) => format!("Some({n})"),
        None => "None".to_owned(),
    };
    let evidence: Vec<String> = items(e, "evidence")
        .into_iter()
        .map(|ev| {
            format!(
                "Evidence {{ kind: {}, title: {}, reference: {}, access: {}, contact: {}, url: {} }}",
                p(ev, "type"),
                os(ev, "title"),
                os(ev, "reference"),
                vp(ev, "access"),
                os(ev, "contact"),
                op(ev, "url")
            )
        })
        .collect();
    let period = match get(e, "period") {
        Some(per) => format!(
            "Some(Period {{ start: {}, end: {} }})",
            p(per, "start"),
            p(per, "end")
        ),
        None => "None".to_owned(),
    };
    let source = match get(e, "source") {
        Some(src) => {
            let normalised: Vec<String> = items(src, "normalised")
                .into_iter()
                .map(|n| {
                    format!(
                        "Normalisation {{ field: {}, value: {}, reason: {} }}",
                        s(n, "field"),
                        os(n, "value"),
                        s(n, "reason")
                    )
                })
                .collect();
            format!(
                "Some(SourceRef {{ document: {}, section: {}, normalised: vec![{}] }})",
                s(src, "document"),
                s(src, "section"),
                normalised.join(", ")
            )
        }
        None => "None".to_owned(),
    };
    format!(
        "Entry {{ id: {}, name: {}, full_name: {}, aliases: {}, kind: {}, status: {}, issuer: {}, auditor: {}, jurisdictions: {}, industries: {}, scope: Scope {{ level: {}, data_centres: {data_centres}, regions: vec![{}], services: {} }}, standards: {}, achieved: {}, valid_until: {}, period: {period}, source_updated: {}, evidence: vec![{}], summary: {}, links: {}, related_certifications: {}, source: {source} }}",
        p(e, "id"),
        s(e, "name"),
        os(e, "full_name"),
        vs(e, "aliases"),
        p(e, "kind"),
        op(e, "status"),
        os(e, "issuer"),
        os(e, "auditor"),
        vp(e, "jurisdictions"),
        vp(e, "industries"),
        os(scope, "level"),
        regions.join(", "),
        vs(scope, "services"),
        vs(e, "standards"),
        op(e, "achieved"),
        op(e, "valid_until"),
        op(e, "source_updated"),
        evidence.join(", "),
        s(e, "summary"),
        vp(e, "links"),
        vs(e, "related_certifications"),
    )
}
