//! Synthetic catalogs for benchmarks: the shipped entries, varied and renamed so that
//! every generated entry is valid (tests/synthetic.rs) and ids and aliases stay
//! unique. About 2 KB each with their sources and bases (1.4 KB without), written as
//! a person would (absent fields left out).

use std::path::Path;

use certs::catalog::entry::{Basis, Entry, Jurisdiction};
use certs::catalog::region::Country;
use certs::load::{self, Source};

/// Countries the generated entries rotate through; `sg` is one in ten.
const COUNTRIES: [&str; 10] = ["sg", "de", "cn", "us", "jp", "kr", "my", "th", "fr", "br"];

/// Entry number `i` of a synthetic catalog, derived from the shipped entry `i % 21`.
pub fn entry(base: &[Entry], i: usize) -> Entry {
    let mut e = base[i % base.len()].clone();
    let tag = format!("{i:06}");
    e.id = format!("{}-{tag}", e.id).parse().expect("valid id");
    e.name = format!("{} {tag}", e.name);
    e.full_name = e.full_name.map(|f| format!("{f} {tag}"));
    e.aliases = e.aliases.iter().map(|a| format!("{a}-{tag}")).collect();
    let country: Country = COUNTRIES[i % COUNTRIES.len()].parse().expect("known code");
    e.jurisdictions = vec![Jurisdiction::Country(country)];
    // The basis names the values it supports: the aliases as renamed, and the new
    // jurisdiction as judged, so that every generated entry validates.
    if let Some(source) = e.source.as_deref_mut() {
        source.basis.retain(|b| b.field != "jurisdictions");
        for b in source.basis.iter_mut().filter(|b| b.field == "aliases") {
            b.value = format!("{}-{tag}", b.value);
        }
        source.basis.push(Basis {
            field: "jurisdictions".to_owned(),
            value: e.jurisdictions[0].to_string(),
            quote: None,
            judged: Some("a synthetic variant's jurisdiction, chosen for benchmarks".to_owned()),
        });
        let renamed = ["name", "full_name", "aliases", "jurisdictions"];
        source
            .normalised
            .retain(|n| !renamed.contains(&n.field.as_str()));
    }
    e.summary = format!(
        "{} Variant {tag} of this entry, generated for benchmarks; it repeats the facts of \
         its model with another id and jurisdiction so that filters select a known share. \
         The text is padded to the length of a longer hand-written summary, so that files \
         weigh about 1.3 KB, the size of a full entry with evidence and several standards.",
        e.summary.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    e
}

/// An entry as a person writes it: absent fields left out, not written as `null`
/// or `[]` (which `serde_saphyr::to_string` of an [`Entry`] would do).
pub fn to_yaml(e: &Entry) -> String {
    fn prune(v: &mut serde_json::Value) {
        if let serde_json::Value::Object(map) = v {
            map.retain(|_, x| {
                prune(x);
                !(x.is_null()
                    || x.as_array().is_some_and(Vec::is_empty)
                    || x.as_object().is_some_and(serde_json::Map::is_empty))
            });
        } else if let serde_json::Value::Array(items) = v {
            items.iter_mut().for_each(prune);
        }
    }
    let mut v = serde_json::to_value(e).expect("entry to JSON");
    prune(&mut v);
    serde_saphyr::to_string(&v).expect("serialize entry")
}

/// Writes `n` entries into `dir` (created if needed) and returns the bytes written.
pub fn write_catalog(dir: &Path, n: usize) -> u64 {
    let base = load::load(&Source::Embedded, chrono::Local::now().date_naive())
        .expect("embedded catalog")
        .catalog
        .entries()
        .to_vec();
    std::fs::create_dir_all(dir).expect("create catalog dir");
    // The entries cite the shipped document, so the catalog carries its manifest.
    std::fs::write(dir.join("catalog.toml"), load::EMBEDDED_MANIFEST).expect("write manifest");
    let mut bytes = 0;
    for i in 0..n {
        let e = entry(&base, i);
        let text = to_yaml(&e);
        bytes += text.len() as u64;
        std::fs::write(dir.join(format!("{}.yaml", e.id)), text).expect("write entry");
    }
    bytes
}
