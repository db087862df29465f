//! The applicability model through the binary: every command that selects, counts or
//! checks agrees with `list`; lifecycle as of a date; `--explain`; `--exact`; search;
//! value reading; exit statuses. Structured output is parsed back, never compared as
//! text, except where the words are the interface (`--explain` reasons).

mod common;
use common::{fixture, ids, json, run, stdout};

use serde_json::Value;

fn catalog() -> String {
    fixture("applicability")
}

/// `list --format ids` over the test catalog, on a fixed day.
fn fixture_ids(as_of: &str, args: &[&str]) -> Vec<String> {
    let dir = catalog();
    let mut all = vec!["--data", dir.as_str(), "--as-of", as_of];
    all.extend_from_slice(args);
    ids(&all)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn expired_and_not_yet_achieved_entries_are_left_out_by_default() {
    // soc2 lapsed on 2026-03-31; iso was achieved in June 2025.
    assert_eq!(fixture_ids("2026-11-27", &[]), ["bank", "eu-cloud", "iso"]);
    assert_eq!(
        fixture_ids("2026-11-27", &["--status", "expired"]),
        ["soc2"]
    );
    assert_eq!(
        fixture_ids("2026-11-27", &["--all-statuses"]),
        ["bank", "eu-cloud", "iso", "soc2"]
    );
    // A partial date counts from its last day: June 2025 is not reached on 2025-06-15.
    assert_eq!(
        fixture_ids("2025-06-15", &["--status", "not-yet-achieved"]),
        ["iso"]
    );
    assert_eq!(fixture_ids("2025-07-01", &["--status", "active"]), ["soc2"]);
    assert_eq!(
        fixture_ids("2025-07-01", &["--status", "unstated,active"]),
        ["bank", "eu-cloud", "iso", "soc2"]
    );
}

#[test]
fn require_fails_an_expired_or_not_yet_achieved_entry_and_says_why() {
    let dir = catalog();
    let (code, out, _) = run(&["--data", &dir, "require", "soc2", "--as-of", "2026-11-27"]);
    assert_eq!(code, 1);
    assert_eq!(out, "not met: soc2 is expired on 2026-03-31, not current\n");
    let (code, out, _) = run(&["--data", &dir, "require", "iso", "--as-of", "2025-01-01"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "not met: iso is not yet achieved (achieved 2025-06), not current\n"
    );
    let (code, out, _) = run(&["--data", &dir, "require", "soc2", "--as-of", "2025-12-01"]);
    assert_eq!((code, out.as_str()), (0, "ok: soc2\n"));
    // show says the same, as of the same day.
    let shown = stdout(&["--data", &dir, "show", "soc2", "--as-of", "2026-11-27"]);
    assert!(
        shown.contains("status          expired on 2026-03-31\n"),
        "{shown}"
    );
}

#[test]
fn the_shipped_catalog_never_claims_a_status_its_source_does_not_state() {
    let all = json(&["list", "--explain", "--format", "json"]);
    for e in all.as_array().unwrap() {
        assert_eq!(e["status"], Value::Null, "{}", e["id"]);
        assert_eq!(e["status_as_of"]["status"], "unstated", "{}", e["id"]);
    }
    let shown = stdout(&["show", "c5"]);
    assert!(shown.contains("status          unstated\n"), "{shown}");
    assert!(!shown.contains("active"), "{shown}");
}

/// The `why` list of each entry of `list --explain --format json ARGS`, by id.
fn reasons(args: &[&str]) -> Vec<(String, Vec<String>)> {
    let mut all = vec!["list", "--explain", "--format", "json"];
    all.extend_from_slice(args);
    json(&all)
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["id"].as_str().unwrap().to_owned(), strings(&e["why"])))
        .collect()
}

fn why_of(rows: &[(String, Vec<String>)], id: &str) -> Vec<String> {
    rows.iter()
        .find(|(i, _)| i == id)
        .unwrap_or_else(|| panic!("{id} not in the answer"))
        .1
        .clone()
}

#[test]
fn explain_names_the_region_industry_and_status_behind_each_answer() {
    let cn = reasons(&["--region", "cn"]);
    assert_eq!(
        why_of(&cn, "tisax"),
        [
            "region cn: covers Beijing (cn), Shenzhen (cn)",
            "status: unstated"
        ]
    );
    assert_eq!(
        why_of(&cn, "mlps"),
        [
            "region cn: jurisdiction cn (China) (quoted: “Cybersecurity Law of the People's Republic of China”)",
            "status: unstated"
        ]
    );
    let hk = reasons(&["--region", "hk"]);
    assert_eq!(
        why_of(&hk, "gxp"),
        [
            "region hk: global (quoted: “As a global standard”)",
            "status: unstated"
        ]
    );
    assert_eq!(
        hk.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(),
        ["gxp", "pci-dss"]
    );
    let bank = reasons(&["--region", "sg", "--industry", "finance"]);
    assert_eq!(
        why_of(&bank, "mtcs"),
        [
            "region sg: jurisdiction sg (Singapore) (quoted: “Infocomm Development Authority of Singapore”)",
            "industry finance: any industry",
            "status: unstated"
        ]
    );
    assert_eq!(
        why_of(&bank, "ospar")[1],
        "industry finance: aimed at finance (quoted: “financial institutions in Singapore”)"
    );
    // EU-wide: a member state finds it, and says how.
    let dir = catalog();
    let fr = reasons(&["--data", &dir, "--region", "fr", "--as-of", "2026-01-01"]);
    assert_eq!(why_of(&fr, "eu-cloud")[0], "region fr: EU-wide (eu)");
    let de = reasons(&["--data", &dir, "--region", "de", "--as-of", "2026-01-01"]);
    assert_eq!(
        why_of(&de, "eu-cloud")[0],
        "region de: EU-wide (eu), covers Frankfurt (de)"
    );
    let lapsed = reasons(&["--data", &dir, "--all-statuses", "--as-of", "2026-11-27"]);
    assert_eq!(why_of(&lapsed, "soc2"), ["status: expired on 2026-03-31"]);
}

#[test]
fn explain_adds_a_why_column_to_tables_and_delimited_output() {
    let table = stdout(&["list", "--region", "hk", "--explain"]);
    let header = table.lines().next().unwrap();
    assert!(header.trim_end().ends_with("WHY"), "{header}");
    assert!(
        table.contains("region hk: global (quoted: “As a global standard”); status: unstated"),
        "{table}"
    );
    let csv = stdout(&["list", "--region", "hk", "--explain", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let why = headers.iter().position(|h| h == "why").unwrap();
    let id = headers.iter().position(|h| h == "id").unwrap();
    let mut seen = 0;
    for row in reader.records() {
        let row = row.unwrap();
        // Each global entry's own basis for `global`.
        let quote = match &row[id] {
            "gxp" => "As a global standard",
            "pci-dss" => "a uniform benchmark worldwide",
            other => panic!("{other} is not global"),
        };
        assert_eq!(
            &row[why],
            format!("region hk: global (quoted: “{quote}”); status: unstated")
        );
        seen += 1;
    }
    assert_eq!(seen, 2);
}

#[test]
fn exact_leaves_out_global_and_cross_industry_matches() {
    assert_eq!(
        ids(&["--region", "sg"]),
        ["gxp", "mtcs", "ospar", "pci-dss"]
    );
    assert_eq!(ids(&["--region", "sg", "--exact"]), ["mtcs", "ospar"]);
    assert_eq!(
        ids(&["--region", "sg", "--industry", "finance", "--exact"]),
        ["ospar"]
    );
    let (code, out, _) = run(&["require", "mtcs", "--region", "sg", "--industry", "finance"]);
    assert_eq!((code, out.as_str()), (0, "ok: mtcs\n"));
    let (code, out, _) = run(&[
        "require",
        "mtcs",
        "--region",
        "sg",
        "--industry",
        "finance",
        "--exact",
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains("cross-industry, which --exact does not count"),
        "{out}"
    );
}

/// Every row of `COMMAND --format json FLAGS` as (value, entries, exact).
fn counts(command: &str, key: &str, flags: &[&str]) -> Vec<(String, u64, u64)> {
    let mut args = vec![command, "--format", "json"];
    args.extend_from_slice(flags);
    json(&args)
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[key].as_str().unwrap().to_owned(),
                r["entries"].as_u64().unwrap(),
                r["exact"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn region_and_industry_counts_equal_the_lengths_of_list() {
    for flags in [&[][..], &["--kind", "certification"][..]] {
        let regions = counts("regions", "region", flags);
        assert!(regions.len() >= 8, "{regions:?}");
        for (value, entries, exact) in regions {
            let mut args = vec!["--region", value.as_str()];
            args.extend_from_slice(flags);
            assert_eq!(
                ids(&args).len() as u64,
                entries,
                "--region {value} {flags:?}"
            );
            args.push("--exact");
            assert_eq!(ids(&args).len() as u64, exact, "--region {value} --exact");
        }
        for (value, entries, exact) in counts("industries", "industry", flags) {
            let mut args = vec!["--industry", value.as_str()];
            args.extend_from_slice(flags);
            assert_eq!(ids(&args).len() as u64, entries, "--industry {value}");
            args.push("--exact");
            assert_eq!(ids(&args).len() as u64, exact, "--industry {value} --exact");
        }
    }
}

#[test]
fn matrix_marks_exactly_what_list_returns_and_how() {
    for by in ["region", "industry"] {
        let m = json(&["matrix", "--by", by, "--format", "json"]);
        let columns = strings(&m["columns"]);
        for (c, value) in columns.iter().enumerate() {
            let listed = ids(&[&format!("--{by}"), value]);
            let named = ids(&[&format!("--{by}"), value, "--exact"]);
            for row in m["rows"].as_array().unwrap() {
                let id = row["id"].as_str().unwrap().to_owned();
                let mark = &row["marks"][c];
                assert_eq!(!mark.is_null(), listed.contains(&id), "{by} {value} {id}");
                let is_named = mark == "named";
                assert_eq!(is_named, named.contains(&id), "{by} {value} {id}: {mark}");
                if !mark.is_null() && !is_named {
                    let broad = if by == "region" { "global" } else { "any" };
                    assert_eq!(mark, broad, "{by} {value} {id}");
                }
            }
        }
    }
    // A filter on the other axis chooses the rows and never changes a mark: each mark
    // is the strength of the reason `list --explain` gives for the column's value.
    for (by, other, filters) in [
        (
            "region",
            "industry",
            &["finance", "healthcare", "media"][..],
        ),
        (
            "industry",
            "region",
            &["sg", "cn", "eu", "us", "global"][..],
        ),
    ] {
        for filter in filters {
            let flag = format!("--{other}");
            let m = json(&["matrix", "--by", by, &flag, filter, "--format", "json"]);
            let columns = strings(&m["columns"]);
            assert!(!columns.is_empty(), "{by} {other} {filter}");
            for (c, value) in columns.iter().enumerate() {
                let by_flag = format!("--{by}");
                let (code, out, err) = run(&[
                    "list",
                    &by_flag,
                    value,
                    &flag,
                    filter,
                    "--format",
                    "json",
                    "--explain",
                ]);
                assert!(code <= 1, "{err}");
                let listed: Vec<serde_json::Value> = if out.is_empty() {
                    Vec::new()
                } else {
                    serde_json::from_str::<serde_json::Value>(&out)
                        .unwrap()
                        .as_array()
                        .unwrap()
                        .clone()
                };
                for row in m["rows"].as_array().unwrap() {
                    let id = row["id"].as_str().unwrap();
                    let mark = &row["marks"][c];
                    let entry = listed.iter().find(|e| e["id"] == id);
                    let at = format!("{by} {value} with {other} {filter}: {id}");
                    let Some(entry) = entry else {
                        assert!(mark.is_null(), "{at}: {mark}");
                        continue;
                    };
                    let prefix = format!("{by} {value}: ");
                    let reason = entry["why"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter_map(|r| r.as_str()?.strip_prefix(&prefix))
                        .next()
                        .unwrap_or_else(|| panic!("{at}: no reason for {value}"));
                    // Less the basis the entry gives for the value, if any.
                    let reason = reason.split(" (quoted: ").next().unwrap_or(reason);
                    let reason = reason.split(" (judged: ").next().unwrap_or(reason);
                    let broad =
                        (reason == "global" && value != "global") || reason == "any industry";
                    let expected = match (broad, by) {
                        (false, _) => "named",
                        (true, "region") => "global",
                        (true, _) => "any",
                    };
                    assert_eq!(mark, expected, "{at}: {reason}");
                }
            }
        }
    }
    // Picked columns too: PCI DSS applies in Singapore, broadly.
    let m = json(&["matrix", "--columns", "hk,sg", "--format", "json"]);
    let pci = m["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "pci-dss")
        .unwrap();
    assert_eq!(pci["marks"], serde_json::json!(["global", "global"]));
}

#[test]
fn evidence_has_a_row_for_every_selected_entry_and_names_its_gaps() {
    let listed = ids(&["--region", "sg"]);
    let mut rows: Vec<String> = stdout(&["evidence", "--region", "sg", "--format", "ids"])
        .lines()
        .map(str::to_owned)
        .collect();
    rows.dedup();
    assert_eq!(rows, listed);
    let dir = catalog();
    let csv = stdout(&["--data", &dir, "evidence", "--as-of", "2026-01-01"]);
    let bank = csv.lines().find(|l| l.starts_with(" bank")).unwrap();
    assert!(bank.contains("none stated"), "{csv}");
    let iso = csv.lines().find(|l| l.starts_with(" iso")).unwrap();
    assert!(iso.contains("not stated"), "{csv}");
    let (code, out, err) = run(&["evidence", "--region", "br", "--exact"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (1, "", "no entries match\n")
    );
}

#[test]
fn search_finds_evidence_and_certificate_numbers_however_written() {
    for term in ["soc2", "SOC 2", "soc-2", "Soc_2"] {
        assert_eq!(ids(&["--search", term]), ["fisc"], "{term}");
    }
    assert_eq!(ids(&["--search", "01018"]), ["trucs"]);
    assert_eq!(
        ids(&["--search", "kexinyun"]),
        ["trucs"],
        "links are searched"
    );
}

#[test]
fn every_repeatable_flag_takes_commas() {
    assert_eq!(
        ids(&["--region", "sg,my"]),
        ids(&["--region", "sg", "--region", "my"])
    );
    assert_eq!(
        ids(&["--kind", "attestation,audit"]),
        ids(&["--kind", "attestation", "-k", "audit"])
    );
    let (code, out, _) = run(&["require", "ospar", "--region", "sg,my"]);
    assert_eq!(code, 1, "require needs every region: {out}");
}

#[test]
fn values_read_in_any_case_and_misses_suggest_the_closest() {
    assert_eq!(ids(&["--region", "SOUTH-EAST ASIA", "--exact"]).len(), 6);
    assert_eq!(ids(&["--region", "asean"]), ids(&["--region", "sea"]));
    assert!(stdout(&["list", "--format", "JSON"]).starts_with('['));
    for (args, wanted) in [
        (
            &["list", "--region", "hongkong"][..],
            "did you mean `hk` (Hong Kong)?",
        ),
        (&["list", "--region", "europe"][..], "did you mean `eu`"),
        (
            &["list", "--industry", "fintech"][..],
            "did you mean `finance`?",
        ),
        (
            &["list", "--status", "expird"][..],
            "did you mean `expired`?",
        ),
        (&["list", "--format", "jsn"][..], "did you mean `json`?"),
        (
            &["matrix", "--columns", "de,atlantis"][..],
            "unknown region `atlantis`",
        ),
    ] {
        let (code, _, err) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(wanted), "{args:?}: {err}");
    }
}

#[test]
fn keys_ignore_separators_and_an_ambiguous_key_lists_every_candidate() {
    for key in ["k isms", "bsi c5", "sec 17a-4", "PCI DSS"] {
        let (code, _, err) = run(&["show", key, "--format", "json"]);
        assert_eq!(code, 0, "{key}: {err}");
    }
    let (code, out, err) = run(&["show", "fsi"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "error: `fsi` is ambiguous in the embedded catalog: it could be `fsi-audit-id`, `fsi-audit-my`, `fsi-audit-ph`, `fsi-audit-th`; give one of those ids\n"
    );
    let (code, out, err) = run(&["require", "tisx"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("did you mean `tisax`?"), "{err}");
    let (code, _, err) = run(&["require", "fsi", "--region", "id"]);
    assert_eq!(code, 2);
    assert!(err.contains("is ambiguous"), "{err}");
    let (code, out, _) = run(&[
        "stale",
        "tisax",
        "c5",
        "--format",
        "ids",
        "--as-of",
        "2026-11-28",
    ]);
    assert_eq!((code, out.as_str()), (0, "c5\ntisax\n"));
}

#[test]
fn exit_statuses_are_yes_no_and_trouble() {
    let dir = catalog();
    let broken = common::catalog_dir(&[("x.yaml", "id: x\nname: X\nkind: nope\n")]);
    let broken = broken.path().to_str().unwrap().to_owned();
    let cases: &[(&[&str], i32)] = &[
        (&["list", "--region", "sg"], 0),
        (&["list", "--region", "br", "--exact"], 1),
        (&["list", "--region", "atlantis"], 2),
        (&["--data", &broken, "list"], 2),
        (&["--data", "/nonexistent", "list"], 2),
        (&["show", "c5"], 0),
        (&["show", "nothing-like-it"], 1),
        (&["require", "ospar", "--region", "sg"], 0),
        (&["require", "tisax", "--region", "sg"], 1),
        (&["require", "ospar", "--color", "sometimes"], 2),
        (&["diff", &dir, &dir, "--exit-code"], 0),
        (&["diff", &dir, "--exit-code"], 1),
        (&["diff", "/nonexistent", "--exit-code"], 2),
        (&["diff"], 2),
        (&["validate"], 0),
        (&["validate", &broken], 1),
        (&["validate", "/nonexistent"], 2),
        (&["man", "list"], 0),
        (&["man", "nope"], 2),
    ];
    for (args, code) in cases {
        assert_eq!(run(args).0, *code, "certs {args:?}");
    }
}

#[test]
fn help_and_version_fail_when_stdout_cannot_take_them() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    let Ok(full) = full else {
        panic!("/dev/full is needed for this test");
    };
    for args in [
        &["--help"][..],
        &["--version"],
        &["list"],
        &["completions", "bash"],
    ] {
        let out = common::certs_std()
            .args(args)
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn version_says_what_the_embedded_catalog_holds() {
    let v = stdout(&["--version"]);
    assert!(v.starts_with("certs 0.1.0\n"), "{v}");
    assert!(
        v.contains(
            "embedded catalog: 21 entries from Tencent Cloud, latest source update 2024-12-12"
        ),
        "{v}"
    );
}

#[test]
fn man_pages_exist_for_every_subcommand_the_main_page_names() {
    let main = stdout(&["man"]);
    for sub in ["list", "show", "matrix", "require", "stale"] {
        assert!(main.contains(&format!("certs\\-{sub}(1)")), "{sub}");
        let page = stdout(&["man", sub]);
        assert!(
            page.starts_with(&format!(
                ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n.TH certs-{sub} 1"
            )),
            "{}",
            &page[..120]
        );
    }
}

#[test]
fn tables_fit_80_and_60_columns_without_splitting_a_token() {
    let tokens: Vec<String> = json(&["list", "--all-statuses", "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| {
            [
                e["id"].as_str().unwrap().to_owned(),
                e["kind"].as_str().unwrap().to_owned(),
            ]
        })
        .collect();
    for cols in [80u16, 60] {
        for args in [
            "list",
            "list --explain",
            "evidence",
            "evidence --search 'trusted cloud'",
            "matrix",
            "matrix --by industry",
            "matrix --by industry --columns finance,media",
        ] {
            let table = common::on_terminal(cols, &[], &format!("{args} --color never"));
            assert!(table.lines().count() > 2, "{args} at {cols}: {table}");
            for line in table.lines() {
                assert!(
                    line.chars().count() <= usize::from(cols),
                    "{args} at {cols}:\n{table}"
                );
            }
            // Every id, and every kind where the KIND column is shown, is whole on
            // one line: the first column, and the column headed KIND.
            let mut lines = table.lines();
            let header: Vec<&str> = lines
                .next()
                .unwrap_or_default()
                .split('│')
                .map(str::trim)
                .collect();
            let kind_at = header.iter().position(|h| *h == "KIND");
            // Nothing is cut, and what had to go is named on the last lines.
            assert!(!table.contains('…'), "{args} at {cols}:\n{table}");
            let footer = table
                .split("(left out to fit: ")
                .nth(1)
                .map(|f| f.split(';').next().unwrap_or_default().replace('\n', " "));
            let hidden: Vec<String> = footer
                .iter()
                .flat_map(|f| f.split(", ").map(str::to_owned).collect::<Vec<_>>())
                .collect();
            for name in &hidden {
                assert!(!header.contains(&name.as_str()), "{name} shown and hidden");
            }
            if cols == 60 && args == "list" {
                assert!(hidden.len() >= 2, "{args} at {cols}: {hidden:?}\n{table}");
            }
            let mut checked = 0;
            for line in lines
                .skip(1)
                .take_while(|l| !l.starts_with("(left out") && !l.starts_with('●'))
            {
                let cells: Vec<&str> = line.split('│').map(str::trim).collect();
                for at in std::iter::once(0).chain(kind_at) {
                    let cell = cells.get(at).copied().unwrap_or_default();
                    if cell.is_empty() {
                        continue;
                    }
                    checked += 1;
                    assert!(
                        tokens.iter().any(|t| t == cell) || cell.starts_with('●'),
                        "`{cell}` is not a whole id or kind in {args} at {cols}:\n{table}"
                    );
                }
            }
            assert!(checked >= 1, "{args} at {cols}: no cells:\n{table}");
        }
    }
    // The certificate numbers outlast the title and the contact on a narrow terminal.
    let evidence = common::on_terminal(60, &[], "evidence --search 'trusted cloud' --color never");
    assert!(evidence.contains("REFERENCE"), "{evidence}");
    // `show` wraps its title line like every other line.
    for cols in [80u16, 60] {
        let shown = common::on_terminal(cols, &[], "show fisc --color never");
        assert!(
            shown
                .lines()
                .all(|l| l.chars().count() <= usize::from(cols)),
            "show fisc at {cols}:\n{shown}"
        );
    }
}

#[test]
fn require_is_a_strict_gate() {
    // A group means every member: OSPAR covers Singapore alone.
    let (code, out, _) = run(&["require", "ospar", "--region", "sea"]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("not met: ospar does not apply to sea (it applies to sg); sea means every member, and it does not apply to "),
        "{out}"
    );
    assert!(out.contains("my") && !out.contains(" sg,"), "{out}");
    // A global entry and an EU-wide one meet their groups in every member.
    assert_eq!(run(&["require", "pci-dss", "--region", "sea"]).0, 0);
    assert_eq!(run(&["require", "c5", "--region", "eu"]).0, 0);
    // Stated as active: the shipped catalog states no status.
    let (code, out, _) = run(&["require", "ospar", "--region", "sg", "--active"]);
    assert_eq!(
        (code, out.as_str()),
        (1, "not met: ospar is unstated, not stated as active\n")
    );
    // Valid for a span after the day.
    let text = format!(
        "{}valid_until: 2026-03\nstatus: active\n",
        common::entry("short")
    );
    let dir = common::catalog_dir(&[("short.yaml", &text), ("open.yaml", &common::entry("open"))]);
    let data = dir.path().to_str().unwrap();
    let ask = |span: &str, id: &str| {
        run(&[
            "--data",
            data,
            "require",
            id,
            "--as-of",
            "2026-01-15",
            "--valid-for",
            span,
            "--active",
        ])
    };
    assert_eq!(ask("30d", "short").0, 0);
    let (code, out, _) = ask("90d", "short");
    assert_eq!(
        (code, out.as_str()),
        (
            1,
            "not met: short is valid until 2026-03, before 2026-04-15\n"
        )
    );
    let (code, out, _) = ask("1d", "open");
    assert_eq!(code, 1);
    assert!(
        out.contains(
            "open gives no `valid_until`, so it cannot be shown to be valid until 2026-01-16"
        ),
        "{out}"
    );
    assert!(
        out.contains("open is unstated, not stated as active"),
        "{out}"
    );
    // JSON says the same, with the status it was judged by.
    let (_, out, _) = run(&[
        "--data",
        data,
        "require",
        "short",
        "--as-of",
        "2026-01-15",
        "--valid-for",
        "3m",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["ok"], false);
    assert_eq!(v[0]["status_as_of"]["status"], "active");
    assert_eq!(
        v[0]["unmet"][0],
        "short is valid until 2026-03, before 2026-04-15"
    );
}
