//! `certs verify` on small documents written for the tests (the provider's page is
//! not part of the project; `.ci/run` checks the shipped catalog against it), the
//! manifest and `source` checks, and the data corrections the source audit found.

mod common;
use common::{catalog_dir, fixture, ids, json, run, stdout};

use serde_json::Value;

fn catalog() -> String {
    fixture("verify/catalog")
}

fn handbook() -> String {
    fixture("verify/handbook.txt")
}

/// A copy of the test catalog with one file's text edited.
fn edited_catalog(file: &str, from: &str, to: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["catalog.toml", "alpha.yaml", "beta.yaml"] {
        let mut text = std::fs::read_to_string(format!("{}/{name}", catalog())).unwrap();
        if name == file {
            assert!(text.contains(from), "{from} not in {name}");
            text = text.replace(from, to);
        }
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn every_literal_fact_found_in_its_section_passes() {
    let (code, out, err) = run(&["--data", &catalog(), "verify", &handbook()]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        out,
        "alpha (Alpha Scheme): 9 of 10 verified\n  accepted: issuer `Alpha Standards Board (ASB)`: The section writes the board's abbreviation in quotes.\nbeta (BETA AUDIT): 5 of 5 verified\n14 of 15 literal facts verified, 1 accepted with a reason, 0 not found, 0 drifted\n"
    );
}

#[test]
fn dates_are_found_in_every_form_documents_use() {
    // alpha: "August 31, 2020" and "June 2027"; beta: "March 2019", "1 January 2023",
    // "31 December 2023". The JSON names each fact and its outcome.
    let v = json(&[
        "--data",
        &catalog(),
        "verify",
        &handbook(),
        "--format",
        "json",
    ]);
    let outcome = |id: &str, field: &str| -> String {
        v["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .unwrap()["facts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["field"] == field)
            .unwrap_or_else(|| panic!("{id} {field}"))["outcome"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    for (id, field) in [
        ("alpha", "achieved"),
        ("alpha", "valid_until"),
        ("beta", "achieved"),
        ("beta", "period.start"),
        ("beta", "period.end"),
        ("alpha", "scope.data_centres"),
        ("alpha", "evidence.reference"),
        ("alpha", "links"),
    ] {
        assert_eq!(outcome(id, field), "verified", "{id} {field}");
    }
    assert_eq!(outcome("alpha", "issuer"), "accepted");
    assert_eq!(v["totals"]["verified"], 14);
}

#[test]
fn a_changed_fact_is_not_found_and_named() {
    for (from, to, field, value) in [
        (
            "achieved: 2020-08-31",
            "achieved: 2020-08-30",
            "achieved",
            "2020-08-30",
        ),
        ("level: Level 2", "level: Level 3", "scope.level", "Level 3"),
        (
            "reference: \"A-0042\"",
            "reference: \"A-0043\"",
            "evidence.reference",
            "A-0043",
        ),
        (
            "data_centres: 4",
            "data_centres: 44",
            "scope.data_centres",
            "44",
        ),
    ] {
        let dir = edited_catalog("alpha.yaml", from, to);
        let (code, out, _) = run(&[
            "--data",
            dir.path().to_str().unwrap(),
            "verify",
            &handbook(),
        ]);
        assert_eq!(code, 1, "{out}");
        assert!(
            out.contains(&format!("  not found: {field} `{value}` (searched for")),
            "{field}: {out}"
        );
        assert!(
            out.contains("alpha (Alpha Scheme): 8 of 10 verified"),
            "{out}"
        );
        assert!(out.ends_with("1 not found, 0 drifted\n"), "{out}");
    }
}

#[test]
fn a_changed_stamp_in_the_document_is_drift_for_that_entry_only() {
    let text = std::fs::read_to_string(handbook()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("handbook.txt");
    std::fs::write(
        &doc,
        text.replace("2023-05-06 07:08:09", "2025-01-01 00:00:00"),
    )
    .unwrap();
    let (code, out, _) = run(&[
        "--data",
        &catalog(),
        "verify",
        doc.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["totals"]["drifted"], 1);
    let mut drifted: Vec<(String, String)> = Vec::new();
    for e in v["entries"].as_array().unwrap() {
        for f in e["facts"].as_array().unwrap() {
            if f["outcome"] == "drifted" {
                drifted.push((
                    e["id"].as_str().unwrap().to_owned(),
                    f["document"].as_str().unwrap().to_owned(),
                ));
            }
        }
    }
    assert_eq!(
        drifted,
        [("beta".to_owned(), "2025-01-01 00:00:00".to_owned())]
    );
    let (code, out, _) = run(&["--data", &catalog(), "verify", doc.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("drifted: source_updated is `2023-05-06 07:08:09` in the catalog but `2025-01-01 00:00:00` in the document"), "{out}");
}

#[test]
fn a_section_the_document_lacks_is_not_found() {
    let dir = edited_catalog("beta.yaml", "section: BETA AUDIT", "section: Beta Audit");
    let (code, out, _) = run(&[
        "--data",
        dir.path().to_str().unwrap(),
        "verify",
        &handbook(),
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains("beta: not found: the document has no section `Beta Audit`"),
        "{out}"
    );
    assert!(out.ends_with(", 1 entries without a section\n"), "{out}");
}

#[test]
fn trouble_is_exit_2() {
    let cat = catalog();
    for args in [
        vec!["--data", &cat, "verify", "/nonexistent/doc.txt"],
        vec!["--data", &cat, "verify", "/tmp"],
        vec!["--data", &cat, "verify", "--source", "nope", "x"],
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
    }
    let (_, _, err) = run(&["--data", &cat, "verify", "/tmp"]);
    assert!(
        err.contains("not a regular file; expected a text file"),
        "{err}"
    );
}

#[test]
fn a_source_must_name_a_document_of_the_manifest() {
    let dir = edited_catalog("beta.yaml", "document: handbook", "document: handbok");
    let (code, out, _) = run(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("beta.yaml:15:13: error: `source.document` `handbok` is not a document of catalog.toml; expected one of: handbook"),
        "{out}"
    );
    let bad = catalog_dir(&[
        (
            "catalog.toml",
            "title = \"T\"\npublisher = \"P\"\nurl = \"https://x\"\n",
        ),
        ("x.yaml", &common::entry("x")),
    ]);
    let (code, out, _) = run(&["validate", bad.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("catalog.toml:3:1: error: unknown field `url`"),
        "{out}"
    );
}

#[test]
fn show_names_the_document_and_section() {
    let text = stdout(&["show", "c5"]);
    assert!(
        text.contains("  source          Region and Industry Recognition › C5, Tencent Cloud\n"),
        "{text}"
    );
    let own = stdout(&["--data", &catalog(), "show", "beta"]);
    assert!(
        own.contains("  source          Assurance Handbook › BETA AUDIT, Example Cloud\n"),
        "{own}"
    );
}

/// The corrections the fact-by-fact audit of the shipped catalog asked for, each
/// pinned by the query it changed.
#[test]
fn the_audit_corrections_hold() {
    // C5 serves every industry, and Europe as well as Germany.
    assert_eq!(run(&["require", "c5", "--industry", "finance"]).0, 0);
    let fr = json(&["list", "--region", "fr", "--explain", "--format", "json"]);
    let c5 = fr
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "c5")
        .unwrap();
    assert_eq!(c5["why"][0], "region fr: EU-wide (eu)");
    let c5 = json(&["show", "c5", "--format", "json"]);
    let standards: Vec<&str> = c5["standards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    for law in [
        "German Federal Data Protection Act (Bundesdatenschutzgesetz, BDSG)",
        "EU General Data Protection Regulation (GDPR)",
        "EU Cybersecurity Act",
    ] {
        assert!(standards.contains(&law), "{law}");
    }
    // Aliases that meant something else to a cloud engineer are gone.
    for key in ["gcp", "isms", "nist", "dca", "pci-dss-v3.2"] {
        assert_eq!(run(&["show", key]).0, 1, "{key}");
    }
    // CDN is the Content Distribution Network business, as the source says.
    let cdn = json(&["show", "cdn-license", "--format", "json"]);
    assert!(
        cdn["summary"]
            .as_str()
            .unwrap()
            .contains("Content Distribution Network (CDN)")
    );
    // No auditor the source does not name as such.
    for id in ["fisc", "pci-dss"] {
        assert_eq!(
            json(&["show", id, "--format", "json"])["auditor"],
            Value::Null,
            "{id}"
        );
    }
    assert_eq!(
        json(&["show", "mpaa", "--format", "json"])["related_certifications"],
        serde_json::json!(["ISO 27001", "ISO 27017", "ISO 27018", "PCI DSS", "CSA STAR"])
    );
    // Open lists stay open.
    for id in ["fsi-audit-id", "fsi-audit-th", "fsi-audit-ph"] {
        let issuer = json(&["show", id, "--format", "json"])["issuer"].clone();
        assert!(
            issuer.as_str().unwrap().ends_with(", etc."),
            "{id}: {issuer}"
        );
    }
    // Every entry cites its section.
    let all = json(&["list", "--format", "json"]);
    for e in all.as_array().unwrap() {
        assert_eq!(
            e["source"]["document"], "region-and-industry-recognition",
            "{}",
            e["id"]
        );
    }
    assert_eq!(ids(&["--search", "ATSEC"]), ["pci-dss"]);
}
