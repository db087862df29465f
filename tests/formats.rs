//! Output formats parse back, `show` resolves keys, exit codes and pipes behave.

mod common;
use common::{catalog_dir, certs, entry, json, stdout};

use certs::catalog::entry::Entry;

#[test]
fn list_json_is_an_array_of_full_entries_with_yaml_field_names() {
    let v = json(&["list", "--format", "json"]);
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), 21);
    for obj in arr {
        let keys: Vec<&str> = obj
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        // Every field of the one field table, the status as of the day, and nothing else.
        let fields = Entry::field_names();
        for f in &fields {
            assert!(keys.contains(f), "missing `{f}` in {keys:?}");
        }
        assert!(keys.contains(&"status_as_of"), "{keys:?}");
        assert_eq!(keys.len(), fields.len() + 1);
        assert_eq!(obj["status_as_of"]["status"], "unstated");
        assert_eq!(
            obj["status_as_of"]["as_of"].as_str().map(str::len),
            Some(10)
        );
    }
    let c5 = arr.iter().find(|e| e["id"] == "c5").unwrap();
    assert_eq!(c5["achieved"], "2020-08-31");
    assert_eq!(c5["source_updated"], "2020-10-19 11:18:18");
    assert_eq!(c5["jurisdictions"], serde_json::json!(["de", "eu"]));
}

/// An entry as `list` and `show` write it, less what they compute (`status_as_of`,
/// `why`): what is left is a data file's entry.
fn data_entry(mut v: serde_json::Value) -> Entry {
    let obj = v.as_object_mut().expect("an object");
    obj.remove("status_as_of")
        .expect("status_as_of is always there");
    obj.remove("why");
    Entry::from_json(v).expect("an entry")
}

#[test]
fn list_json_deserializes_back_into_entries() {
    let text = stdout(&["list", "--format", "json"]);
    let v: Vec<serde_json::Value> = serde_json::from_str(&text).expect("JSON");
    let entries: Vec<Entry> = v.into_iter().map(data_entry).collect();
    assert_eq!(entries.len(), 21);
    let tisax = entries.iter().find(|e| e.id.as_str() == "tisax").unwrap();
    assert_eq!(tisax.scope.data_centres, Some(15));
    assert_eq!(tisax.scope.level.as_deref(), Some("Assessment Level 3"));
}

#[test]
fn list_yaml_round_trips_through_the_data_format() {
    let text = stdout(&["list", "--format", "yaml", "--region", "sg"]);
    let v: Vec<serde_json::Value> = serde_saphyr::from_str(&text).expect("YAML");
    let entries: Vec<Entry> = v.into_iter().map(data_entry).collect();
    let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["gxp", "mtcs", "ospar", "pci-dss"]);
    let ospar = &entries[2];
    assert_eq!(
        ospar.achieved.map(|d| d.to_string()).as_deref(),
        Some("2020-06")
    );
}

#[test]
fn show_yaml_is_a_data_file_and_its_status() {
    let text = stdout(&["show", "trucs", "--format", "yaml", "--as-of", "2026-01-02"]);
    let v: serde_json::Value = serde_saphyr::from_str(&text).expect("YAML");
    assert_eq!(
        v["status_as_of"],
        serde_json::json!({"status": "unstated", "as_of": "2026-01-02"})
    );
    let e = data_entry(v);
    assert_eq!(e.evidence.len(), 11);
    assert_eq!(
        e.evidence.last().and_then(|ev| ev.reference.as_deref()),
        Some("G01004")
    );
}

#[test]
fn csv_and_tsv_have_a_header_and_one_row_per_entry() {
    for (format, sep) in [("csv", b','), ("tsv", b'\t')] {
        let text = stdout(&["list", "--format", format, "--industry", "finance"]);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(sep)
            .from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[0], "id");
        for f in [
            "name",
            "kind",
            "issuer",
            "auditor",
            "jurisdictions",
            "industries",
            "achieved",
            "source_updated",
            "summary",
        ] {
            assert!(headers.iter().any(|h| h == f), "{format}: no `{f}` column");
        }
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        // Aimed at finance, and the cross-industry entries that serve every industry.
        assert_eq!(rows.len(), 16, "{format}");
        let exact = common::ids(&["--industry", "finance", "--exact"]);
        assert_eq!(exact.len(), 7);
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let pci = rows.iter().find(|r| &r[0] == "pci-dss").unwrap();
        // The source says the provider works with ATSEC, not that ATSEC audited it.
        assert_eq!(&pci[col("auditor")], "");
        assert_eq!(&pci[col("scope.level")], "Grade 1 service provider");
        let th = rows.iter().find(|r| &r[0] == "fsi-audit-th").unwrap();
        // A comma inside a field survives CSV quoting.
        assert!(
            th[col("issuer")].contains("Bank of Thailand (BoT), Office of the Securities"),
            "{format}"
        );
    }
}

#[test]
fn ids_are_one_per_line_for_xargs() {
    let text = stdout(&[
        "list",
        "--format",
        "ids",
        "--industry",
        "healthcare",
        "--exact",
    ]);
    assert_eq!(text, "gxp\nhipaa\n");
}

#[test]
fn markdown_list_is_a_pipe_table() {
    let text = stdout(&["list", "--format", "markdown", "--kind", "licence"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("| ID | NAME |"));
    assert!(lines[1].starts_with("| --- |"));
    assert!(lines[2].starts_with("| cdn-license | CDN licence |"));
}

#[test]
fn table_in_a_pipe_has_no_colour_and_no_wrapping() {
    let text = stdout(&["list"]);
    assert!(!text.contains('\x1b'));
    assert!(
        text.lines().all(|l| l == l.trim_end()),
        "no trailing spaces"
    );
    assert_eq!(
        text.lines().count(),
        21 + 2,
        "21 rows, a header and the line under it"
    );
    let coloured = stdout(&["--color", "always", "list"]);
    assert!(coloured.contains("\x1b["));
}

#[test]
fn show_resolves_ids_aliases_and_names_in_any_case() {
    for (key, id) in [
        ("c5", "c5"),
        ("C5", "c5"),
        ("PCI", "pci-dss"),
        ("PCI DSS", "pci-dss"),
        ("k-isms", "kisms"),
        ("17a-4", "sec-17a-4"),
        ("Trusted Cloud", "trucs"),
        ("cdn-licence", "cdn-license"),
    ] {
        let v = json(&["show", key, "--format", "json"]);
        assert_eq!(v["id"], id, "show {key}");
    }
}

#[test]
fn show_json_carries_exact_facts() {
    let v = json(&["show", "PCI DSS", "--format", "json"]);
    assert_eq!(
        v["issuer"],
        "Payment Card Industry Security Standards Council (PCI SSC)"
    );
    assert_eq!(
        v["standards"],
        serde_json::json!(["PCI DSS V3.2", "PCI DSS Cloud Computing Guidelines V2.0"])
    );
    let v = json(&["show", "sec-17a-4", "--format", "json"]);
    assert_eq!(v["auditor"], "Cohasset Associates Inc.");
    assert_eq!(
        v["scope"]["services"],
        serde_json::json!(["Tencent Cloud Object Storage (Tencent COS)"])
    );
}

#[test]
fn show_text_has_fields_summary_and_evidence() {
    let text = stdout(&["show", "fisc"]);
    assert!(text.starts_with("FISC — FISC Security Guidelines"));
    assert!(text.contains("  jurisdictions   jp (Japan)\n"), "{text}");
    assert!(text.contains("\nEvidence\n  - soc-report: SOC1 report; obtain by ticket or contact (Tencent Cloud Financial Solutions Service and Japan customer team)\n"), "{text}");
}

#[test]
fn show_unknown_key_fails_with_a_suggestion() {
    let out = certs()
        .args(["show", "tisx"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no entry `tisx`") && err.contains("did you mean `tisax`?"),
        "{err}"
    );
}

#[test]
fn help_documents_exit_codes() {
    let text = stdout(&["--help"]);
    assert!(
        text.ends_with(&format!("{}\n", certs::cli::exit::HELP)),
        "{text}"
    );
}

#[test]
fn unknown_flag_is_exit_2() {
    certs()
        .args(["list", "--colour-me-surprised"])
        .assert()
        .code(2);
    certs().assert().code(2);
}

#[test]
fn data_flag_and_env_load_another_catalog() {
    let dir = catalog_dir(&[
        ("alpha.yaml", &entry("alpha")),
        ("beta.yaml", &entry("beta")),
    ]);
    let path = dir.path().to_str().unwrap();
    assert_eq!(
        stdout(&["--data", path, "list", "--format", "ids"]),
        "alpha\nbeta\n"
    );
    let out = certs()
        .env("CERTS_DATA", path)
        .args(["list", "--format", "ids"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout),
        "alpha\nbeta\n"
    );
}

#[test]
fn a_broken_catalog_fails_every_reading_command_with_located_errors() {
    let bad = entry("gamma").replace("kind: certification", "kind: certificaton");
    let dir = catalog_dir(&[("alpha.yaml", &entry("alpha")), ("gamma.yaml", &bad)]);
    let path = dir.path().to_str().unwrap();
    let file = dir.path().join("gamma.yaml").display().to_string();
    let commands: [&[&str]; 10] = [
        &["list"],
        &["show", "alpha"],
        &["evidence"],
        &["stale", "--older-than", "1y"],
        &["expiring", "--within", "1y"],
        &["regions"],
        &["industries"],
        &["matrix"],
        &["require", "alpha"],
        &["diff", path],
    ];
    for command in commands {
        let out = certs()
            .args(["--data", path])
            .args(command)
            .assert()
            .code(2)
            .get_output()
            .clone();
        assert!(out.stdout.is_empty(), "{command:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains(&format!("{file}:3:7: error: unknown kind `certificaton`")),
            "{command:?}: {err}"
        );
        assert!(err.contains("has 1 problem"), "{command:?}: {err}");
        assert!(!err.contains("panicked"), "{command:?}");
    }
}

#[test]
fn closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    // Large enough output that the writer hits the closed pipe.
    let files: Vec<(String, String)> = (0..400)
        .map(|i| (format!("e{i:04}.yaml"), entry(&format!("e{i:04}"))))
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = catalog_dir(&refs);
    let mut child = common::certs_std()
        .args([
            "--data",
            dir.path().to_str().unwrap(),
            "list",
            "--format",
            "json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "{status:?} {err}");
    assert_eq!(err, "", "no broken-pipe message");
}

#[test]
fn show_takes_several_keys_and_keeps_them_apart() {
    let v = json(&["show", "c5", "ospar", "--format", "json"]);
    let ids: Vec<&str> = v
        .as_array()
        .expect("several keys give an array")
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["c5", "ospar"]);
    assert!(json(&["show", "c5", "--format", "json"]).is_object());
    let text = stdout(&["show", "c5", "mtcs"]);
    let second = text
        .find("\nMTCS — ")
        .expect("a blank line, then the second entry");
    assert!(text[..second].ends_with('\n'), "{text}");
    assert_eq!(text.matches("\n\nSummary\n").count(), 2);
    // One unknown key fails the whole command before anything is written.
    let (code, out, err) = common::run(&["show", "c5", "tisx"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("did you mean `tisax`?"), "{err}");
}

/// Each subcommand's `--help` and man page open with what it does, as the top-level
/// list says it, never with the name of a shared set of flags.
#[test]
fn every_help_opens_with_what_the_command_does() {
    let top = stdout(&["--help"]);
    let mut commands: Vec<(String, String)> = Vec::new();
    for line in top
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| l.starts_with("  "))
    {
        // A wrapped description continues on a line indented past the names.
        match (line.starts_with("   "), commands.last_mut()) {
            (true, Some((_, what))) => {
                what.push(' ');
                what.push_str(line.trim());
            }
            _ => {
                let (name, what) = line.trim_start().split_once(' ').unwrap();
                commands.push((name.to_owned(), what.trim().to_owned()));
            }
        }
    }
    commands.retain(|(name, _)| name != "help");
    assert!(commands.len() >= 16, "{commands:?}");
    for (name, what) in &commands {
        assert!(!what.ends_with("subcommand's"), "{name}: {what}");
        let help = stdout(&[name, "--help"]);
        let first = help.lines().next().unwrap();
        assert_eq!(first, what, "{name} --help");
        let man = stdout(&["man", name]);
        assert!(
            man.contains(&format!(
                "certs\\-{name} \\- {}",
                what.replace('-', "\\-").replace('\'', "\\*(Aq")
            )),
            "man {name}"
        );
    }
}
