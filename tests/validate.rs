//! `certs validate`: one fixture catalog per failure kind under tests/fixtures, each
//! with the exact file, line, column and message it must produce; input limits that
//! need files made at run time (size, links, special files); the JSON report.

mod common;
use common::{catalog_dir, certs, entry, fixture};

use serde_json::Value;

/// Runs `certs validate --format json DIR` from tests/fixtures so file names are
/// short, and returns the exit code and (file, line, column, message) of each problem.
fn problems(dir: &str) -> (i32, Vec<(String, u64, u64, String)>) {
    let out = certs()
        .current_dir(fixture(""))
        .args(["validate", "--format", "json", dir])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let list = report
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["file"].as_str().unwrap().to_owned(),
                p["line"].as_u64().unwrap_or(0),
                p["column"].as_u64().unwrap_or(0),
                p["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    (out.status.code().unwrap(), list)
}

fn p(file: &str, line: u64, column: u64, message: &str) -> (String, u64, u64, String) {
    (file.to_owned(), line, column, message.to_owned())
}

fn assert_problems(dir: &str, expected: &[(String, u64, u64, String)]) {
    let (code, found) = problems(dir);
    assert_eq!(found, expected, "{dir}");
    assert_eq!(code, 1, "{dir}: problems must fail the run");
}

#[test]
fn unknown_field() {
    assert_problems(
        "unknown-field",
        &[p(
            "unknown-field/alpha.yaml",
            6,
            1,
            "unknown field `acheived`, expected one of: id, name, full_name, aliases, kind, status, issuer, auditor, jurisdictions, industries, scope, standards, achieved, valid_until, period, source_updated, evidence, summary, links, related_certifications, source; did you mean `achieved`?",
        )],
    );
}

#[test]
fn wrong_type() {
    assert_problems(
        "wrong-type",
        &[p(
            "wrong-type/alpha.yaml",
            7,
            17,
            "`scope.data_centres` is `fifteen`, expected a whole number written as digits (e.g. `15`)",
        )],
    );
}

#[test]
fn unknown_vocabulary_value() {
    assert_problems(
        "unknown-industry",
        &[p(
            "unknown-industry/alpha.yaml",
            6,
            23,
            "unknown industry `farming`, expected one of: automotive, finance, government, healthcare, media, telecom",
        )],
    );
}

#[test]
fn unknown_region_codes() {
    assert_problems(
        "unknown-region",
        &[
            p(
                "unknown-region/alpha.yaml",
                4,
                21,
                "unknown jurisdiction `xx`, expected a lowercase ISO 3166-1 alpha-2 country code (e.g. `sg`), `eu` or `global`",
            ),
            p(
                "unknown-region/beta.yaml",
                9,
                16,
                "unknown country code `SG`, expected a lowercase ISO 3166-1 alpha-2 code (e.g. `sg`, `de`)",
            ),
        ],
    );
}

#[test]
fn bad_dates() {
    assert_problems(
        "bad-date",
        &[
            p(
                "bad-date/alpha.yaml",
                6,
                11,
                "invalid date `2020-13`, expected `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a year from 1900 to 2999",
            ),
            p(
                "bad-date/beta.yaml",
                5,
                17,
                "invalid timestamp `2024-01-02T03:04:05`, expected `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DD`",
            ),
        ],
    );
}

#[test]
fn missing_required_field() {
    assert_problems(
        "missing-field",
        &[p(
            // At the mapping that lacks it.
            "missing-field/alpha.yaml",
            1,
            1,
            "missing required field `kind`",
        )],
    );
}

#[test]
fn file_name_must_match_id() {
    assert_problems(
        "id-mismatch",
        &[p(
            "id-mismatch/alpha.yaml",
            1,
            5,
            "id `alfa` does not match the file name; expected the file to be named `alfa.yaml`, or the id to be `alpha`",
        )],
    );
}

#[test]
fn invalid_id() {
    assert_problems(
        "bad-id",
        &[p(
            "bad-id/Alpha.yaml",
            1,
            5,
            "invalid id `Alpha`, expected 1 to 64 lowercase letters, digits and hyphens (e.g. `pci-dss`)",
        )],
    );
}

#[test]
fn duplicate_id() {
    assert_problems(
        "duplicate-id",
        &[
            p(
                "duplicate-id/alpha.yml",
                1,
                5,
                "duplicate id `alpha`, also the id of duplicate-id/alpha.yaml",
            ),
            // Its name is the other's too, so `certs show ALPHA` could not choose.
            p(
                "duplicate-id/alpha.yml",
                2,
                7,
                "name `ALPHA` is already the id of `alpha` (duplicate-id/alpha.yaml); ids, aliases and names must be unique, ignoring case, spaces, hyphens, underscores and characters that look alike",
            ),
        ],
    );
}

#[test]
fn aliases_collide_ignoring_case() {
    assert_problems(
        "alias-collision",
        &[
            p(
                "alias-collision/beta.yaml",
                6,
                11,
                "alias `ALPHA` is already the id of `alpha` (alias-collision/alpha.yaml); ids, aliases and names must be unique, ignoring case, spaces, hyphens, underscores and characters that look alike",
            ),
            p(
                "alias-collision/beta.yaml",
                6,
                18,
                "alias `Shared` is already an alias of `alpha` (alias-collision/alpha.yaml); ids, aliases and names must be unique, ignoring case, spaces, hyphens, underscores and characters that look alike",
            ),
        ],
    );
}

#[test]
fn impossible_dates() {
    let (code, found) = problems("impossible-dates");
    assert_eq!(code, 1);
    assert_eq!(
        found[0],
        p(
            "impossible-dates/achieved-late.yaml",
            6,
            11,
            "`achieved` 2024-02 is after `source_updated` 2024-01-02 03:04:05; a page cannot report what had not happened yet"
        )
    );
    assert_eq!(
        found[1],
        p(
            "impossible-dates/expired-first.yaml",
            7,
            14,
            "`valid_until` 2019 is before `achieved` 2020-05-01"
        )
    );
    // The future check names today's date, which the test cannot fix.
    assert_eq!(
        (found[2].0.as_str(), found[2].1, found[2].2),
        ("impossible-dates/future.yaml", 5, 18)
    );
    assert!(
        found[2]
            .3
            .starts_with("`source_updated` 2999-01-01 00:00:00 is in the future (today is "),
        "{}",
        found[2].3
    );
    assert_eq!(
        found[3],
        p(
            "impossible-dates/period.yaml",
            7,
            10,
            "`period.start` 2021-01-01 is after `period.end` 2020-12-31"
        )
    );
    assert_eq!(found.len(), 4);
}

#[test]
fn blank_text_and_repeated_items() {
    assert_problems(
        "blank-and-repeated",
        &[
            p(
                "blank-and-repeated/alpha.yaml",
                2,
                1,
                "`name` is blank; write a value",
            ),
            p(
                "blank-and-repeated/alpha.yaml",
                4,
                17,
                "`jurisdictions` lists `sg` more than once",
            ),
            p(
                "blank-and-repeated/alpha.yaml",
                7,
                5,
                "`standards` lists `ISO/IEC 27001` more than once",
            ),
        ],
    );
}

#[test]
fn links_must_be_http_urls() {
    assert_problems(
        "bad-link",
        &[p(
            "bad-link/alpha.yaml",
            6,
            9,
            "invalid link `www.example.com`: it does not start with http:// or https://; expected an absolute http:// or https:// URL with a host",
        )],
    );
}

#[test]
fn duplicate_keys() {
    assert_problems(
        "duplicate-key",
        &[p(
            "duplicate-key/alpha.yaml",
            6,
            1,
            "field `name` appears more than once; each field may appear once",
        )],
    );
}

#[test]
fn multi_document_files() {
    assert_problems(
        "multi-document",
        &[p(
            "multi-document/alpha.yaml",
            11,
            1,
            "file holds more than one YAML document (`---`); put each entry in a file of its own",
        )],
    );
}

#[test]
fn alias_bombs_are_refused_at_the_first_anchor() {
    assert_problems(
        "alias-bomb",
        // One problem for the anchor and one for the aliases, however many there are.
        &[
            p(
                "alias-bomb/alpha.yaml",
                10,
                11,
                "YAML anchors (`&name`) are not allowed in catalog files; write the value out",
            ),
            p(
                "alias-bomb/alpha.yaml",
                11,
                13,
                "YAML aliases (`*name`) are not allowed in catalog files; write the value out",
            ),
        ],
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    assert_problems(
        "deep-nesting",
        &[p(
            "deep-nesting/alpha.yaml",
            7,
            268,
            "document is nested deeper than 16 levels; an entry needs at most 4",
        )],
    );
}

#[test]
fn invalid_utf8_points_at_the_byte() {
    assert_problems(
        "invalid-utf8",
        &[p(
            "invalid-utf8/alpha.yaml",
            9,
            17,
            "invalid UTF-8 (byte 0xff); catalog files must be UTF-8 text",
        )],
    );
}

#[test]
fn empty_and_comment_only_files() {
    let msg = "file is empty, expected a YAML mapping with the fields of one entry";
    assert_problems(
        "empty-file",
        &[
            p("empty-file/alpha.yaml", 0, 0, msg),
            p("empty-file/beta.yaml", 0, 0, msg),
        ],
    );
}

#[test]
fn a_document_that_is_not_a_mapping() {
    assert_problems(
        "not-a-mapping",
        &[p(
            "not-a-mapping/alpha.yaml",
            1,
            1,
            "the file should hold a mapping of `key: value` fields, one entry per file",
        )],
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let (code, found) = problems("bom");
    assert_eq!((code, found.len()), (0, 0));
}

#[test]
fn every_problem_in_every_file_in_one_run() {
    let (code, found) = problems("many-problems");
    assert_eq!(code, 1);
    let files: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(
        files,
        [
            "many-problems/alpha.yaml",
            "many-problems/beta.yaml",
            "many-problems/delta.yaml",
            "many-problems/gamma.yaml"
        ]
    );
}

#[test]
fn text_report_is_compiler_style_with_a_summary() {
    let out = certs()
        .current_dir(fixture(""))
        .args(["validate", "many-problems"])
        .assert()
        .code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("many-problems/alpha.yaml:6:1: error: unknown field `acheived`"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("many-problems/beta.yaml:4:17: error: unknown jurisdiction `zz`"),
        "{text}"
    );
    assert_eq!(lines.last(), Some(&"4 entries, 4 errors, 0 warnings"));
}

#[test]
fn json_report_has_the_fields_ci_annotations_need() {
    let out = certs()
        .current_dir(fixture(""))
        .args(["validate", "--format", "json", "bad-link"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &v[0];
    for key in ["file", "line", "column", "entry", "severity", "message"] {
        assert!(first.get(key).is_some(), "no `{key}` in {first}");
    }
    assert_eq!(first["entry"], Value::Null, "the entry did not parse");
    assert_eq!(first["severity"], "error");
}

#[test]
fn warnings_pass_unless_strict() {
    let (code, found) = problems("warnings");
    assert_eq!(code, 0);
    assert_eq!(
        found,
        [
            p(
                "warnings/alpha.yaml",
                1,
                1,
                "entry lists no evidence a customer can obtain"
            ),
            p(
                "warnings/long.yaml",
                9,
                1,
                "summary is 1079 characters, over 3 times the catalog's median of 13; keep it to a few sentences in your own words"
            ),
        ]
    );
    certs()
        .current_dir(fixture(""))
        .args(["validate", "--strict", "warnings"])
        .assert()
        .code(1);
}

#[test]
fn other_files_are_ignored_and_noted_under_verbose() {
    let out = certs()
        .current_dir(fixture(""))
        .args(["validate", "mixed"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout),
        "1 entry, 0 problems\n"
    );
    let out = certs()
        .current_dir(fixture(""))
        .args(["validate", "--verbose", "mixed"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout),
        "mixed/README.md: note: skipped, not a .yaml or .yml file\nmixed/notes.txt: note: skipped, not a .yaml or .yml file\n1 entry, 0 problems\n"
    );
}

#[test]
fn a_directory_without_entries_or_missing_is_an_error() {
    let out = certs()
        .current_dir(fixture(""))
        .args(["validate", "no-yaml"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(
        err,
        "error: cannot validate `no-yaml`: catalog directory `no-yaml` has no .yaml or .yml files\n"
    );
    let out = certs()
        .current_dir(fixture(""))
        .args(["validate", "does-not-exist"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.starts_with("error: cannot validate `does-not-exist`: cannot open catalog directory `does-not-exist`: no such file or directory"), "{err}");
}

#[test]
fn the_shipped_catalog_validates() {
    let out = certs().arg("validate").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert_eq!(
        text.lines().last(),
        // MLPS now lists the assistance its section describes: ten entries without evidence.
        Some("21 entries, 0 errors, 10 warnings")
    );
}

/// Limits that are cheaper to make at run time than to commit (symlinks and FIFOs:
/// Unix only).
#[cfg(unix)]
mod made_at_run_time {
    use super::*;
    use std::os::unix::fs::symlink;

    fn validate(dir: &std::path::Path) -> (i32, String) {
        let out = certs().args(["validate"]).arg(dir).output().unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    #[test]
    fn files_over_one_mebibyte_are_refused_unread() {
        let big = format!("{}\n{}", entry("big"), "# padding\n".repeat(110_000));
        let dir = catalog_dir(&[("big.yaml", &big)]);
        let (code, text) = validate(dir.path());
        assert_eq!(code, 1);
        let file = dir.path().join("big.yaml").display().to_string();
        assert!(
            text.starts_with(&format!(
                "{file}: error: file is {} bytes, larger than the 1048576-byte (1 MiB) limit",
                big.len()
            )),
            "{text}"
        );
    }

    #[test]
    fn symlink_loops_and_dangling_links_are_reported_per_file() {
        let dir = catalog_dir(&[("good.yaml", &entry("good"))]);
        symlink(
            dir.path().join("loop-b.yaml"),
            dir.path().join("loop-a.yaml"),
        )
        .unwrap();
        symlink(
            dir.path().join("loop-a.yaml"),
            dir.path().join("loop-b.yaml"),
        )
        .unwrap();
        symlink(dir.path().join("nowhere"), dir.path().join("dangling.yaml")).unwrap();
        let (code, text) = validate(dir.path());
        assert_eq!(code, 1);
        let at = |n: &str| dir.path().join(n).display().to_string();
        assert!(
            text.contains(&format!(
                "{}: error: cannot read file: no such file or directory\n",
                at("dangling.yaml")
            )),
            "{text}"
        );
        assert!(
            text.contains(&format!(
                "{}: error: cannot read file: too many levels of symbolic links (a symlink loop?)\n",
                at("loop-a.yaml")
            )),
            "{text}"
        );
        assert!(
            text.contains(&format!(
                "{}: error: cannot read file: too many levels of symbolic links (a symlink loop?)\n",
                at("loop-b.yaml")
            )),
            "{text}"
        );
        assert!(
            text.ends_with("4 entries, 3 errors, 0 warnings\n"),
            "{text}"
        );
    }

    #[test]
    fn directories_and_fifos_named_like_entries_are_not_read() {
        let dir = catalog_dir(&[("good.yaml", &entry("good"))]);
        std::fs::create_dir(dir.path().join("folder.yaml")).unwrap();
        let fifo = dir.path().join("pipe.yaml");
        common::mkfifo(&fifo);
        let (code, text) = validate(dir.path());
        assert_eq!(code, 1);
        let folder = dir.path().join("folder.yaml").display().to_string();
        assert!(
            text.contains(&format!(
                "{folder}: error: not a regular file; expected a YAML file\n"
            )),
            "{text}"
        );
        assert!(
            text.contains(&format!(
                "{}: error: not a regular file; expected a YAML file\n",
                fifo.display()
            )),
            "{text}"
        );
    }

    #[test]
    fn files_are_checked_as_given_for_pre_commit_hooks() {
        let dir = catalog_dir(&[
            ("good.yaml", &entry("good")),
            (
                "twin.yaml",
                &entry("twin").replace("name: twin", "name: GOOD"),
            ),
        ]);
        let good = dir.path().join("good.yaml");
        let twin = dir.path().join("twin.yaml");
        let out = certs().arg("validate").arg(&good).assert().code(0);
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert_eq!(text, "1 entry, 0 problems\n");
        // The checks across entries run within the set given.
        let out = certs()
            .arg("validate")
            .arg(&good)
            .arg(&twin)
            .assert()
            .code(1);
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(
            text.contains("twin.yaml:2:7: error: name `GOOD` is already the id of `good`"),
            "{text}"
        );
        // `--data` is still for directories.
        let (code, _, err) = common::run(&["--data", good.to_str().unwrap(), "list"]);
        assert_eq!(code, 2);
        assert!(
            err.contains("is not a directory; expected a directory of .yaml files"),
            "{err}"
        );
    }
}

#[test]
fn a_status_its_dates_contradict_is_a_warning() {
    let active = format!("{}status: active\nvalid_until: 2020-01\n", entry("active"));
    let expired = format!(
        "{}status: expired\nvalid_until: 2999-01\n",
        entry("expired")
    );
    let fine = format!("{}status: active\nvalid_until: 2999-01\n", entry("fine"));
    let dir = catalog_dir(&[
        ("active.yaml", &active),
        ("expired.yaml", &expired),
        ("fine.yaml", &fine),
    ]);
    let out = certs()
        .args(["validate", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "warnings only");
    let found: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let said: Vec<(String, u64, String)> = found
        .iter()
        .map(|p| {
            (
                p["entry"].as_str().unwrap().to_owned(),
                p["line"].as_u64().unwrap(),
                p["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(said.len(), 2, "{said:#?}");
    assert_eq!((said[0].0.as_str(), said[0].1), ("active", 10));
    assert!(
        said[0]
            .2
            .starts_with("`status` is active, but `valid_until` 2020-01 has passed"),
        "{said:?}"
    );
    assert_eq!((said[1].0.as_str(), said[1].1), ("expired", 10));
    assert!(
        said[1]
            .2
            .starts_with("`status` is expired, but `valid_until` 2999-01 is still ahead"),
        "{said:?}"
    );
    // --strict makes them fail.
    let code = certs()
        .args(["validate", "--strict"])
        .arg(dir.path())
        .output()
        .unwrap()
        .status
        .code();
    assert_eq!(code, Some(1));
}

#[test]
fn a_single_value_where_a_list_belongs_is_shown_as_the_list() {
    let text = entry("alpha").replace(
        "    reference: \"alpha-1\"\n",
        "    reference: \"alpha-1\"\n    access: download\n",
    );
    let dir = catalog_dir(&[("alpha.yaml", &text)]);
    let out = certs().arg("validate").arg(dir.path()).output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains(
            ":9:13: error: `evidence[0].access` should be a list, even of one item: `[download]`"
        ),
        "{said}"
    );
}

#[test]
fn a_broken_manifest_is_one_error_not_a_warning_per_entry() {
    let root = env!("CARGO_MANIFEST_DIR");
    let c5 = std::fs::read_to_string(format!("{root}/data/c5.yaml")).unwrap();
    let ospar = std::fs::read_to_string(format!("{root}/data/ospar.yaml")).unwrap();
    let dir = catalog_dir(&[
        ("c5.yaml", &c5),
        ("ospar.yaml", &ospar),
        ("catalog.toml", "title = \"x\"\npublisher = \n"),
    ]);
    let out = certs().arg("validate").arg(dir.path()).output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(said.matches("error").count(), 2, "{said}"); // the line and the total
    assert!(said.contains("catalog.toml:2:13: error:"), "{said}");
    assert!(!said.contains("no catalog.toml"), "{said}");
}

/// One run finds everything: a file the typed parse refuses still has its blank
/// values found and its names compared with every other file's.
#[test]
fn one_run_finds_independent_problems_in_several_files() {
    let a =
        "id: a\nname: Shared\nkind: audit\njurisdictions: [sg]\nacheived: 2020\nsummary: \" \"\n";
    let b = entry("b").replace("name: b\n", "name: Shared\n");
    let c = format!("{}status: active\nvalid_until: 2020-01\n", entry("c"));
    let dir = catalog_dir(&[("a.yaml", a), ("b.yaml", &b), ("c.yaml", &c)]);
    let out = certs()
        .args(["validate", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let found: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let said: Vec<String> = found
        .iter()
        .map(|p| {
            format!(
                "{}:{}: {}",
                p["file"].as_str().unwrap().rsplit('/').next().unwrap(),
                p["line"],
                p["message"].as_str().unwrap()
            )
        })
        .collect();
    let has = |want: &str| said.iter().any(|s| s.starts_with(want));
    assert!(has("a.yaml:5: unknown field `acheived`"), "{said:#?}");
    assert!(
        has("a.yaml:6: `summary` is blank; write a value"),
        "{said:#?}"
    );
    assert!(
        has("a.yaml:2: name `Shared` is already the name of `b`"),
        "{said:#?}"
    );
    assert!(has("c.yaml:10: `status` is active"), "{said:#?}");
}

/// A field given twice is an error in every mapping an entry has, not only at the
/// top: the parser passes repeated keys on, and each struct refuses them.
#[test]
fn a_field_given_twice_is_refused_at_every_level() {
    let base = "id: alpha\nname: Alpha\nkind: certification\njurisdictions: [sg]\nsource_updated: \"2024-01-02 03:04:05\"\nsummary: A test entry.\n";
    for (what, tail, field, line) in [
        ("top", "name: Again\n", "name", 7),
        (
            "scope",
            "scope:\n  level: one\n  level: two\n",
            "scope.level",
            9,
        ),
        (
            "evidence item",
            "evidence:\n  - type: certificate\n    reference: A-1\n    reference: A-2\n",
            "evidence[0].reference",
            10,
        ),
        (
            "source",
            "source:\n  document: doc\n  section: S\n  section: T\n",
            "source.section",
            10,
        ),
        (
            "basis item",
            "source:\n  document: doc\n  section: S\n  basis:\n    - field: kind\n      value: certification\n      quote: a\n      quote: b\n",
            "source.basis[0].quote",
            14,
        ),
    ] {
        let dir = catalog_dir(&[("alpha.yaml", &format!("{base}{tail}"))]);
        let out = certs()
            .args(["validate", "--format", "json"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{what}");
        let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
        let wanted = format!("field `{field}` appears more than once; each field may appear once");
        assert!(
            report
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["message"] == wanted.as_str() && p["line"] == line),
            "{what}: {report:#}"
        );
    }
}
