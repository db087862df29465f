//! The weekly questions: evidence, freshness, facets, coverage, lifecycle, gates,
//! diffs, and the shell around them (completions, man page, config file).

mod common;
use common::{certs, fixture, ids, json, stdout};

use serde_json::Value;

fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (headers, rows)
}

#[test]
fn evidence_rows_carry_trusted_cloud_certificate_numbers() {
    let v = json(&["evidence", "--search", "trusted cloud", "--format", "json"]);
    let rows = v.as_array().unwrap();
    let refs: Vec<&str> = rows
        .iter()
        .map(|r| r["reference"].as_str().unwrap())
        .collect();
    assert_eq!(
        refs,
        [
            "01018", "03004", "06001", "02016", "10003", "13001", "08014", "05014", "H02010",
            "04011", "G01004"
        ]
    );
    assert!(
        rows.iter()
            .all(|r| r["entry"] == "trucs" && r["type"] == "certificate")
    );
    assert_eq!(rows[0]["title"], "Cloud Hosting");
}

#[test]
fn evidence_says_how_to_obtain_it() {
    let (headers, rows) = csv_rows(&stdout(&["evidence", "--region", "jp", "--format", "csv"]));
    assert_eq!(
        headers,
        [
            "entry",
            "name",
            "type",
            "title",
            "reference",
            "access",
            "contact",
            "url"
        ]
    );
    let fisc: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "fisc").collect();
    assert_eq!(fisc.len(), 3);
    assert_eq!(fisc[0][3], "SOC1 report");
    assert_eq!(fisc[0][5], "ticket; contact");
    assert_eq!(
        fisc[0][6],
        "Tencent Cloud Financial Solutions Service and Japan customer team"
    );
    // `ids` lists the entry of each row.
    assert_eq!(
        stdout(&[
            "evidence",
            "--industry",
            "healthcare",
            "--exact",
            "--format",
            "ids"
        ]),
        "gxp\nhipaa\n"
    );
}

#[test]
fn stale_lists_oldest_first_with_ages_for_a_fixed_day() {
    let v = json(&[
        "stale",
        "--older-than",
        "6y",
        "--as-of",
        "2026-11-27",
        "--format",
        "json",
    ]);
    let got: Vec<(&str, &str, i64)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap(),
                r["age"].as_str().unwrap(),
                r["days"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("cdn-license", "8y 5m", 3080),
            ("dca-big-data", "8y 5m", 3080),
            ("itss", "8y 5m", 3080),
            ("mlps", "8y 5m", 3080),
            ("pci-dss", "8y 5m", 3080),
            ("trucs", "8y 3m", 3012),
            ("hipaa", "6y 9m", 2473),
            ("kisms", "6y 9m", 2473),
            ("mtcs", "6y 9m", 2473),
            ("c5", "6y 1m", 2230),
        ]
    );
    assert_eq!(ids(&["--updated-before", "2018-07-01"]).len(), 5);
    // Cut-off 2024-09-01: three pages were updated after it.
    let short = stdout(&[
        "stale",
        "--older-than",
        "18m",
        "--as-of",
        "2026-03-01",
        "--format",
        "ids",
    ]);
    assert_eq!(short.lines().count(), 18);
    for fresh in ["mpaa", "ospar", "fsi-audit-id"] {
        assert!(
            !short.lines().any(|l| l == fresh),
            "{fresh} was updated after the cut-off"
        );
    }
}

#[test]
fn an_empty_freshness_list_says_why_on_stderr() {
    let out = certs()
        .args(["stale", "--older-than", "90y"])
        .assert()
        .code(1);
    assert!(out.get_output().stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stderr),
        "no source page is older than 90y\n"
    );
    let out = certs()
        .args(["expiring", "--within", "3m"])
        .assert()
        .code(1);
    assert!(out.get_output().stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stderr),
        "nothing expires within 3m; 21 of the 21 entries selected give no `valid_until`\n"
    );
    // Like `stale`, `expiring` has a default span: a year.
    let out = certs().arg("expiring").assert().code(1);
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stderr),
        "nothing expires within 1y; 21 of the 21 entries selected give no `valid_until`\n"
    );
    // The ids of a matrix are the entries it marks somewhere.
    let ids = certs()
        .args(["matrix", "--columns", "kr", "--format", "ids"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&ids.stdout),
        "gxp\nkisms\npci-dss\n"
    );
}

#[test]
fn stale_rejects_a_span_it_cannot_read() {
    let out = certs()
        .args(["stale", "--older-than", "2 years"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("expected a number and a unit: `90d`, `6w`, `18m` or `2y`"),
        "{err}"
    );
}

#[test]
fn regions_and_industries_count_entries() {
    let v = json(&["regions", "--format", "json"]);
    let find = |code: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|r| r["region"] == code)
            .cloned()
            .unwrap()
    };
    // Global entries count everywhere, as `list --region` returns them; EXACT does not.
    assert_eq!(find("cn")["entries"], 8);
    assert_eq!(find("cn")["exact"], 6);
    assert_eq!(find("cn")["name"], "China");
    assert_eq!(find("sg")["entries"], 4);
    assert_eq!(find("sg")["exact"], 2);
    assert_eq!(find("sea")["exact"], 6);
    assert_eq!(find("sea")["kind"], "group");
    assert_eq!(find("global")["entries"], 2);
    assert_eq!(find("eu")["members"].as_array().unwrap().len(), 27);
    let all = json(&["regions", "--all", "--format", "json"]);
    assert_eq!(
        all.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["kind"] == "country")
            .count(),
        249
    );

    let (headers, rows) = csv_rows(&stdout(&["industries", "--format", "csv"]));
    assert_eq!(headers, ["industry", "entries", "exact"]);
    let counts: Vec<(String, String)> = rows
        .into_iter()
        .map(|r| (r[0].clone(), r[2].clone()))
        .collect();
    assert!(
        counts.contains(&("finance".into(), "7".into())),
        "{counts:?}"
    );
    assert!(counts.contains(&("automotive".into(), "1".into())));
}

#[test]
fn matrix_marks_c5_under_de_and_global_entries_under_global() {
    let (headers, rows) = csv_rows(&stdout(&["matrix", "--format", "csv"]));
    assert_eq!(headers.first().map(String::as_str), Some("id"));
    assert_eq!(headers.last().map(String::as_str), Some("global"));
    let col = |h: &str| headers.iter().position(|x| x == h).unwrap();
    let row = |id: &str| rows.iter().find(|r| r[0] == id).unwrap();
    assert_eq!(row("c5")[col("de")], "named");
    assert_eq!(row("c5")[col("sg")], "");
    assert_eq!(
        row("tisax")[col("cn")],
        "named",
        "covered data centres count"
    );
    assert_eq!(row("pci-dss")[col("global")], "named");
    // A global entry applies in Singapore, as `list --region sg` says, but broadly.
    assert_eq!(row("pci-dss")[col("sg")], "global");
}

#[test]
fn matrix_by_industry_with_picked_columns_fits_a_narrow_terminal() {
    let v = json(&[
        "matrix",
        "--by",
        "industry",
        "--columns",
        "finance,media",
        "--format",
        "json",
    ]);
    assert_eq!(v["columns"], serde_json::json!(["finance", "media"]));
    let mpaa = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "mpaa")
        .unwrap();
    assert_eq!(mpaa["marks"], serde_json::json!([null, "named"]));
    let table = stdout(&["matrix", "--columns", "de,sg,jp,global"]);
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
    certs()
        .args(["matrix", "--columns", "de,atlantis"])
        .assert()
        .code(2);
}

#[test]
fn markdown_for_show_and_matrix() {
    let show = stdout(&["show", "c5", "--format", "markdown"]);
    assert!(
        show.starts_with("## C5 — Cloud Computing Compliance Criteria Catalogue\n"),
        "{show}"
    );
    assert!(show.contains("- **Achieved:** 2020-08-31\n"));
    let m = stdout(&[
        "matrix",
        "--columns",
        "de",
        "--format",
        "markdown",
        "--search",
        "c5",
    ]);
    assert_eq!(m, "| ID | de |\n| --- | --- |\n| c5 | ● |\n");
}

#[test]
fn lifecycle_status_and_expiring() {
    let dir = fixture("lifecycle");
    assert_eq!(
        stdout(&[
            "--data",
            &dir,
            "list",
            "--status",
            "unstated",
            "--format",
            "ids",
            "--as-of",
            "2026-11-27"
        ]),
        "iso27001\npci\nsoc2\n"
    );
    assert_eq!(
        stdout(&[
            "--data",
            &dir,
            "list",
            "--status",
            "IN_PROGRESS",
            "--format",
            "ids"
        ]),
        "pending\n"
    );
    let v = json(&[
        "--data",
        &dir,
        "expiring",
        "--within",
        "90d",
        "--as-of",
        "2026-11-27",
        "--format",
        "json",
    ]);
    let got: Vec<(&str, &str, i64)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap(),
                r["valid_until"].as_str().unwrap(),
                r["days"].as_i64().unwrap(),
            )
        })
        .collect();
    // `2027-02` means its last day, 2027-02-28: 93 days away, outside 90d.
    assert_eq!(
        got,
        [("pci", "2026-12-15", -18), ("soc2", "2027-01-31", -65)]
    );
    let wider = stdout(&[
        "--data",
        &dir,
        "expiring",
        "--within",
        "6m",
        "--as-of",
        "2026-11-27",
        "--format",
        "ids",
    ]);
    assert_eq!(wider, "pci\nsoc2\niso27001\n");
    let soc2 = json(&["--data", &dir, "show", "soc2", "--format", "json"]);
    assert_eq!(
        soc2["period"],
        serde_json::json!({"start": "2024-01-01", "end": "2024-12-31"})
    );
}

#[test]
fn require_passes_when_every_entry_applies() {
    let out = certs()
        .args(["require", "ospar", "MTCS", "--region", "sg"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout),
        "ok: ospar\nok: mtcs\n"
    );
    certs()
        .args(["require", "pci", "--region", "my", "--industry", "finance"])
        .assert()
        .success();
}

#[test]
fn require_fails_naming_each_shortfall() {
    let out = certs()
        .args(["require", "tisax", "ospar", "--region", "sg"])
        .assert()
        .code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert_eq!(
        text,
        "not met: tisax does not apply to sg (it applies to de, cn)\nok: ospar\n"
    );
    // A key that finds nothing is a typo, not a "no": trouble, and nothing on stdout.
    let out = certs()
        .args(["require", "tisax", "ospar", "nope", "--region", "sg"])
        .assert()
        .code(2);
    assert_eq!(out.get_output().stdout, b"");
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stderr),
        "error: no entry `nope` in the embedded catalog; `certs list --format ids` lists the ids\n"
    );
    let v: Value = serde_json::from_slice(
        &certs()
            .args([
                "require",
                "hipaa",
                "--industry",
                "finance",
                "--format",
                "json",
            ])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(v[0]["ok"], false);
    assert_eq!(
        v[0]["unmet"][0],
        "hipaa is not aimed at finance (it is aimed at healthcare)"
    );
}

#[test]
fn require_fails_an_entry_that_is_not_active() {
    let dir = fixture("lifecycle");
    let out = certs()
        .args([
            "--data",
            &dir,
            "require",
            "old-cert",
            "pci",
            "--as-of",
            "2026-11-27",
        ])
        .assert()
        .code(1);
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout),
        "not met: old-cert is expired on 2025-01-01, not current\nok: pci\n"
    );
}

#[test]
fn diff_of_two_catalogs_separates_material_from_editorial() {
    let (old, new) = (fixture("diff-old"), fixture("diff-new"));
    let v = json(&["diff", &old, &new, "--format", "json"]);
    assert_eq!(v["added"], serde_json::json!(["fresh"]));
    assert_eq!(v["removed"], serde_json::json!(["gone"]));
    let changed = v["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 2);
    let moved = &changed[0];
    assert_eq!(moved["id"], "moved");
    let fields: Vec<(&str, bool)> = moved["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap(),
                f["material"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(fields, [("jurisdictions", true), ("source_updated", false)]);
    assert_eq!(moved["fields"][0]["new"], serde_json::json!(["sg", "my"]));
    assert_eq!(changed[1]["fields"][0]["field"], "summary");
    assert_eq!(changed[1]["fields"][0]["material"], false);

    let text = stdout(&["diff", &old, &new]);
    assert!(
        text.contains(
            "+ fresh\n- gone\n~ moved\n    jurisdictions: [\"sg\"] -> [\"sg\",\"my\"]  [material]\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("1 added, 1 removed, 2 changed (1 materially); material\n"),
        "{text}"
    );
    certs()
        .args(["diff", &old, &new, "--exit-code"])
        .assert()
        .code(1);
}

#[test]
fn diff_with_one_side_compares_against_the_catalog_in_use() {
    // Nothing to compare is a usage error, not "no differences".
    certs().arg("diff").assert().code(2);
    let diff_old = fixture("diff-old");
    assert_eq!(
        stdout(&["--data", &diff_old, "diff", &diff_old]),
        "no differences\n"
    );
    let v = json(&["diff", &fixture("diff-old"), "--format", "json"]);
    assert_eq!(
        v["added"].as_array().unwrap().len(),
        21,
        "embedded entries are all new"
    );
    certs()
        .args([
            "diff",
            &fixture("diff-old"),
            &fixture("diff-old"),
            "--exit-code",
        ])
        .assert()
        .success();
}

#[test]
fn completions_carry_ids_and_region_values() {
    let bash = stdout(&["completions", "bash"]);
    assert!(
        bash.contains("tisax") && bash.contains("pci-dss"),
        "ids for show"
    );
    // The region values in the order `certs` lists them, and the industries.
    assert!(
        bash.contains("global eu sea apac americas ad ae af"),
        "region values"
    );
    assert!(bash.contains("automotive finance government healthcare media telecom"));
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let script = stdout(&["completions", shell]);
        assert!(
            script.contains("certs") && script.contains("--region"),
            "{shell}"
        );
    }
    let own = stdout(&["--data", &fixture("lifecycle"), "completions", "bash"]);
    assert!(
        own.contains("soc2") && !own.contains("tisax"),
        "ids of the catalog in use"
    );
    certs().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_page_is_roff() {
    let page = stdout(&["man"]);
    assert!(page.contains(".TH certs 1"), "{}", &page[..200]);
    assert!(page.contains("CERTS_DATA"));
}

mod config {
    use super::*;

    fn with_config(text: &str) -> (tempfile::TempDir, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        (dir, path.display().to_string())
    }

    #[test]
    fn config_sets_catalog_format_and_color() {
        let (_d, path) = with_config(&format!(
            "data_dir = {:?}\nformat = \"ids\"\ncolor = \"never\"\n",
            fixture("lifecycle")
        ));
        let out = certs()
            .env("CERTS_CONFIG", &path)
            .args(["list", "--all-statuses"])
            .assert()
            .success();
        assert_eq!(
            String::from_utf8_lossy(&out.get_output().stdout),
            "iso27001\nold-cert\npci\npending\nsoc2\n"
        );
    }

    #[test]
    fn flags_and_environment_win_over_config() {
        let (_d, path) = with_config(&format!(
            "data_dir = {:?}\nformat = \"ids\"\n",
            fixture("lifecycle")
        ));
        let out = certs()
            .env("CERTS_CONFIG", &path)
            .args(["list", "--format", "csv", "--kind", "licence"])
            .assert();
        // Nothing in that catalog is a licence: exit 1, but the header says CSV won.
        let out = out.code(1);
        assert!(String::from_utf8_lossy(&out.get_output().stdout).starts_with("id,name,"));
        let out = certs()
            .env("CERTS_CONFIG", &path)
            .env("CERTS_DATA", fixture("diff-new"))
            .arg("list")
            .assert();
        assert_eq!(
            String::from_utf8_lossy(&out.success().get_output().stdout),
            "fresh\nkeep\nmoved\nreworded\n"
        );
        let out = certs()
            .env("CERTS_CONFIG", &path)
            .args(["--data", &fixture("diff-old"), "list"])
            .assert();
        assert_eq!(
            String::from_utf8_lossy(&out.success().get_output().stdout),
            "gone\nkeep\nmoved\nreworded\n"
        );
    }

    #[test]
    fn xdg_config_home_is_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("certs")).unwrap();
        std::fs::write(dir.path().join("certs/config.toml"), "format = \"ids\"\n").unwrap();
        let out = certs()
            .env("XDG_CONFIG_HOME", dir.path())
            .args(["list", "--kind", "licence"])
            .assert();
        assert_eq!(
            String::from_utf8_lossy(&out.success().get_output().stdout),
            "cdn-license\n"
        );
    }

    #[test]
    fn unknown_key_or_bad_value_is_a_clear_error() {
        let (_d, path) = with_config("fromat = \"json\"\n");
        let out = certs()
            .env("CERTS_CONFIG", &path)
            .arg("list")
            .assert()
            .code(2);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(
            err.starts_with(&format!(
                "error: {path}:1:1: unknown field `fromat`, expected one of"
            )),
            "{err}"
        );
        let (_d, path) = with_config("color = \"sometimes\"\n");
        let out = certs()
            .env("CERTS_CONFIG", &path)
            .arg("list")
            .assert()
            .code(2);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(
            err.contains(
                ":1:9: unknown colour choice `sometimes`, expected one of: auto, always, never"
            ),
            "{err}"
        );
    }

    #[test]
    fn a_named_config_file_must_exist() {
        let out = certs()
            .env("CERTS_CONFIG", "/nonexistent/certs.toml")
            .arg("list")
            .assert()
            .code(2);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(
            err.contains("cannot read config file `/nonexistent/certs.toml`"),
            "{err}"
        );
    }

    #[test]
    fn color_always_styles_a_table_in_a_pipe_and_no_color_wins_over_auto() {
        let (_d, path) = with_config("color = \"always\"\n");
        let out = certs()
            .env("CERTS_CONFIG", &path)
            .arg("list")
            .assert()
            .success();
        assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("\u{1b}[1m"));
        // On a terminal, auto colours, unless NO_COLOR says not to.
        let coloured = common::on_terminal(80, &[], "show c5 --color auto");
        assert!(coloured.contains('\u{1b}'), "{coloured}");
        let plain = common::on_terminal(80, &[("NO_COLOR", "1")], "show c5 --color auto");
        assert!(plain.contains("C5") && !plain.contains('\u{1b}'), "{plain}");
    }
}
