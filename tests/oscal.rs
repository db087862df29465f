//! `certs export oscal`: the export parsed back and compared with the entries it came
//! from (nothing lost, nothing added), deterministic bytes and stable UUIDs, dates at
//! their stored precision, and `last-modified` with a zone that is never the wall
//! clock. compliance-trestle validates the same exports in `.ci/run`.

mod common;
use common::{certs, fixture, json, run};

use std::collections::BTreeSet;

use serde_json::Value;

/// (name, value, class, group) of every prop, as a set to compare.
type Facts = BTreeSet<(String, String, String, String)>;

/// An entry as the export maps it: its props, its outside links (href, rel), and its
/// responsible roles (role, party name).
type Mapped = (Facts, BTreeSet<(String, String)>, Vec<(String, String)>);

fn fact(name: &str, value: &Value, class: &str, group: &str) -> (String, String, String, String) {
    let value = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    (name.into(), value, class.into(), group.into())
}

fn precision(date: &str) -> &'static str {
    match date.len() {
        4 => "year",
        7 => "month",
        _ => "day",
    }
}

/// What README's mapping table says each entry becomes, worked out from the entry as
/// `list --format json` writes it.
fn expected(e: &Value) -> Mapped {
    let mut f = Facts::new();
    let s = |v: &Value| v.as_array().cloned().unwrap_or_default();
    f.insert(fact("id", &e["id"], "", ""));
    f.insert(fact("kind", &e["kind"], "", ""));
    if !e["full_name"].is_null() {
        f.insert(fact("full-name", &e["full_name"], "", ""));
    }
    for a in s(&e["aliases"]) {
        f.insert(fact("alias", &a, "", ""));
    }
    if !e["status"].is_null() {
        f.insert(fact("stated-status", &e["status"], "", ""));
    }
    f.insert(fact("status", &e["status_as_of"]["status"], "", ""));
    for j in s(&e["jurisdictions"]) {
        f.insert(fact("jurisdiction", &j, "", ""));
    }
    for i in s(&e["industries"]) {
        f.insert(fact("industry", &i, "", ""));
    }
    let scope = &e["scope"];
    if !scope["level"].is_null() {
        f.insert(fact("level", &scope["level"], "", ""));
    }
    if !scope["data_centres"].is_null() {
        f.insert(fact("data-centres", &scope["data_centres"], "", ""));
    }
    for r in s(&scope["regions"]) {
        f.insert(fact(
            "covered-region",
            &r["name"],
            r["country"].as_str().unwrap(),
            "",
        ));
    }
    for v in s(&scope["services"]) {
        f.insert(fact("service", &v, "", ""));
    }
    for v in s(&e["standards"]) {
        f.insert(fact("standard", &v, "", ""));
    }
    for (field, name) in [("achieved", "achieved"), ("valid_until", "valid-until")] {
        if let Some(d) = e[field].as_str() {
            f.insert(fact(name, &e[field], precision(d), ""));
        }
    }
    if let Some(p) = e["period"].as_object() {
        for (field, name) in [("start", "period-start"), ("end", "period-end")] {
            f.insert(fact(
                name,
                &p[field],
                precision(p[field].as_str().unwrap()),
                "",
            ));
        }
    }
    if !e["source_updated"].is_null() {
        f.insert(fact("source-updated", &e["source_updated"], "", ""));
    }
    for v in s(&e["related_certifications"]) {
        f.insert(fact("related-certification", &v, "", ""));
    }
    let mut links = BTreeSet::new();
    for l in s(&e["links"]) {
        links.insert((l.as_str().unwrap().to_owned(), "reference".to_owned()));
    }
    for (i, ev) in s(&e["evidence"]).iter().enumerate() {
        let g = format!("evidence-{}", i + 1);
        f.insert(fact("evidence-type", &ev["type"], "", &g));
        for (field, name) in [
            ("title", "evidence-title"),
            ("reference", "evidence-reference"),
            ("contact", "evidence-contact"),
        ] {
            if !ev[field].is_null() {
                f.insert(fact(name, &ev[field], "", &g));
            }
        }
        for a in s(&ev["access"]) {
            f.insert(fact("evidence-access", &a, "", &g));
        }
        if let Some(url) = ev["url"].as_str() {
            links.insert((url.to_owned(), "evidence".to_owned()));
        }
    }
    if !e["source"].is_null() {
        f.insert(fact("source-section", &e["source"]["section"], "", ""));
    }
    let mut roles = Vec::new();
    for role in ["issuer", "auditor"] {
        if let Some(name) = e[role].as_str() {
            roles.push((role.to_owned(), name.to_owned()));
        }
    }
    (f, links, roles)
}

/// The same, read back from a component.
fn recovered(c: &Value, parties: &[Value]) -> Mapped {
    let mut f = Facts::new();
    for p in c["props"].as_array().unwrap() {
        assert_eq!(p["ns"], "urn:certs:oscal", "{p}");
        f.insert(fact(
            p["name"].as_str().unwrap(),
            &p["value"],
            p["class"].as_str().unwrap_or(""),
            p["group"].as_str().unwrap_or(""),
        ));
    }
    let links = c["links"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|l| !l["href"].as_str().unwrap().starts_with('#'))
        .map(|l| {
            (
                l["href"].as_str().unwrap().to_owned(),
                l["rel"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let roles = c["responsible-roles"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let uuid = &r["party-uuids"][0];
            let party = parties
                .iter()
                .find(|p| &p["uuid"] == uuid)
                .expect("a party");
            (
                r["role-id"].as_str().unwrap().to_owned(),
                party["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    (f, links, roles)
}

fn export(args: &[&str]) -> Value {
    let mut all = vec!["export", "oscal"];
    all.extend_from_slice(args);
    json(&all)
}

#[test]
fn every_entry_comes_back_whole_and_nothing_is_added() {
    for data in [None, Some(fixture("oscal"))] {
        let mut base: Vec<&str> = Vec::new();
        if let Some(d) = &data {
            base.extend(["--data", d.as_str()]);
        }
        base.extend(["--as-of", "2026-06-01"]);
        let doc = export(&base);
        let def = &doc["component-definition"];
        assert_eq!(def["metadata"]["oscal-version"], "1.2.1");
        let parties = def["metadata"]["parties"].as_array().unwrap().clone();
        let mut list_args = vec!["list", "--format", "json"];
        list_args.extend(base.iter().copied());
        let entries = json(&list_args);
        let entries = entries.as_array().unwrap();
        let components = def["components"].as_array().unwrap();
        assert_eq!(components.len(), entries.len(), "one component per entry");
        let resources = def["back-matter"]["resources"].as_array().unwrap();
        for (e, c) in entries.iter().zip(components) {
            assert_eq!(c["type"], "validation");
            assert_eq!(c["title"], e["name"]);
            let summary: Vec<&str> = e["summary"].as_str().unwrap().split_whitespace().collect();
            assert_eq!(c["description"], summary.join(" "));
            assert_eq!(recovered(c, &parties), expected(e), "{}", e["id"]);
            // The source: a link to its document's resource, titled by its section.
            let to_doc: Vec<&Value> = c["links"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|l| l["href"].as_str().unwrap().starts_with('#'))
                .collect();
            assert_eq!(to_doc.len(), 1, "{}", e["id"]);
            assert_eq!(to_doc[0]["text"], e["source"]["section"]);
            let uuid = &to_doc[0]["href"].as_str().unwrap()[1..];
            let doc = resources
                .iter()
                .find(|r| r["uuid"] == uuid)
                .expect("the resource");
            let ids: Vec<&Value> = doc["props"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["name"] == "document-id")
                .map(|p| &p["value"])
                .collect();
            assert_eq!(ids, [&e["source"]["document"]]);
        }
    }
}

#[test]
fn dates_keep_their_precision_and_absent_facts_stay_absent() {
    let data = fixture("oscal");
    let doc = export(&["--data", &data, "--as-of", "2026-06-01"]);
    let full = &doc["component-definition"]["components"][0];
    let prop = |name: &str| -> Vec<(String, String)> {
        full["props"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["name"] == name)
            .map(|p| {
                (
                    p["value"].as_str().unwrap().to_owned(),
                    p["class"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(
        prop("achieved"),
        [("2017-03".to_owned(), "month".to_owned())]
    );
    assert_eq!(
        prop("valid-until"),
        [("2027".to_owned(), "year".to_owned())]
    );
    assert_eq!(
        prop("period-end"),
        [("2024-12".to_owned(), "month".to_owned())]
    );
    assert_eq!(prop("evidence-type").len(), 3);
    // No auditor is stated: no auditor role, and no party made up for one.
    let roles: Vec<&str> = full["responsible-roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["role-id"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["issuer"]);
    // The third evidence item has only a type.
    let third: Vec<&str> = full["props"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["group"] == "evidence-3")
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(third, ["evidence-type"]);
    let text = serde_json::to_string(&doc).unwrap();
    for padded in ["2017-03-01", "2027-01-01", "2027-12-31"] {
        assert!(!text.contains(padded), "{padded} was invented");
    }
    // The document's address, from the manifest.
    let resource = &doc["component-definition"]["back-matter"]["resources"][0];
    assert_eq!(
        resource["rlinks"][0]["href"],
        "https://docs.example/handbook"
    );
}

#[test]
fn the_same_catalog_exports_the_same_bytes_and_entries_keep_their_uuids() {
    let once = run(&["export", "oscal", "--as-of", "2026-06-01"]).1;
    let twice = run(&["export", "oscal", "--as-of", "2026-06-01"]).1;
    assert_eq!(once, twice);
    let uuid_of = |doc: &Value, id: &str| -> String {
        doc["component-definition"]["components"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["props"][0]["value"] == id)
            .map(|c| c["uuid"].as_str().unwrap().to_owned())
            .unwrap_or_else(|| panic!("{id}"))
    };
    let all: Value = serde_json::from_str(&once).unwrap();
    let eu = export(&["--region", "eu", "--as-of", "2026-06-01"]);
    assert_eq!(uuid_of(&all, "c5"), uuid_of(&eu, "c5"));
    // Another entry removed from the catalog: the rest keep theirs.
    let dir = tempfile::tempdir().unwrap();
    for item in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data")).unwrap() {
        let path = item.unwrap().path();
        if path.file_name().unwrap() != "tisax.yaml" {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let fewer = export(&[
        "--data",
        dir.path().to_str().unwrap(),
        "--as-of",
        "2026-06-01",
    ]);
    assert_eq!(uuid_of(&all, "c5"), uuid_of(&fewer, "c5"));
    assert_eq!(uuid_of(&all, "ospar"), uuid_of(&fewer, "ospar"));
    // Version-5 UUIDs.
    assert_eq!(&uuid_of(&all, "c5")[14..15], "5");
    // YAML is the same document.
    let yaml = run(&[
        "export",
        "oscal",
        "--as-of",
        "2026-06-01",
        "--format",
        "yaml",
    ])
    .1;
    let from_yaml: Value = serde_saphyr::from_str(&yaml).unwrap();
    assert_eq!(from_yaml, all);
}

#[test]
fn last_modified_has_a_zone_and_never_the_wall_clock() {
    // The manifest states the zone: the newest stamp in it.
    let data = fixture("oscal");
    let doc = export(&["--data", &data]);
    let meta = &doc["component-definition"]["metadata"];
    assert_eq!(meta["last-modified"], "2024-06-24T17:03:11+08:00");
    assert!(meta["remarks"].is_null());
    // No zone: the newest stamp read as UTC, and said so.
    let doc = export(&[]);
    let meta = &doc["component-definition"]["metadata"];
    assert_eq!(meta["last-modified"], "2024-12-12T15:16:43Z");
    assert!(
        meta["remarks"].as_str().unwrap().contains("read as UTC"),
        "{meta}"
    );
    // SOURCE_DATE_EPOCH, as reproducible builds set it.
    let out = certs()
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .args(["export", "oscal"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["component-definition"]["metadata"]["last-modified"],
        "2026-01-01T00:00:00Z"
    );
    let out = certs()
        .env("SOURCE_DATE_EPOCH", "soon")
        .args(["export", "oscal"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_export_can_be_written_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.oscal.json");
    let (code, out, err) = run(&[
        "export",
        "oscal",
        "-o",
        file.to_str().unwrap(),
        "--as-of",
        "2026-06-01",
    ]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        written,
        run(&["export", "oscal", "--as-of", "2026-06-01"]).1
    );
}
